/* Self-check quizzes: check an answer in the page and say how it went.
   Nothing is stored and nothing is sent: no cookies, no storage, no requests.
   Material's instant navigation runs this file again on each page that has a
   quiz, and emits document$ after every page change: init() is safe to repeat. */
(function () {
  "use strict";
  if (window.selfcheck) {
    window.selfcheck();
    return;
  }

  /* The words the script says, in the page's language (<html lang>); English otherwise. */
  var WORDS = {
    en: {
      right: "Right",
      wrong: "Not quite",
      empty: "Choose an answer first.",
      found: function (hits, total, wrong) {
        return "You chose " + hits + " of the " + total + " right answers" +
          (wrong ? ", and " + wrong + (wrong > 1 ? " that are" : " that is") + " not right." : ".");
      },
      summary: function (right, total) {
        return "On this page: " + right + " of " + total + " right.";
      }
    },
    es: {
      right: "Correcto",
      wrong: "No del todo",
      empty: "Primero elija una respuesta.",
      found: function (hits, total, wrong) {
        return "Eligió " + hits + " de las " + total + " respuestas correctas" +
          (wrong ? ", y " + wrong + (wrong > 1 ? " que no son correctas." : " que no es correcta.") : ".");
      },
      summary: function (right, total) {
        return "En esta página: " + right + " de " + total + " correctas.";
      }
    }
  };
  var TEXT = WORDS[(document.documentElement.lang || "en").slice(0, 2)] || WORDS.en;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function isRight(input) {
    return input.hasAttribute("data-right");
  }

  /* A copy of one choice's feedback from the answer key, without ids. */
  function feedback(quiz, index, named) {
    var item = all(quiz, ".quiz__key > li")[index];
    var box = make("div", "quiz__feedback");
    if (named) {
      var name = make("strong");
      name.innerHTML = quiz.querySelectorAll("label")[index].innerHTML;
      box.appendChild(make("p")).appendChild(name);
    }
    all(item, ":scope > :not(:first-child)").forEach(function (part) {
      box.appendChild(part.cloneNode(true));
    });
    all(box, "[id]").forEach(function (element) {
      element.removeAttribute("id");
    });
    return box;
  }

  /* "✓ Right" or "✗ Not quite" after a chosen choice: icon and words, not colour alone. */
  function mark(input, right) {
    var label = input.parentNode.querySelector("label");
    label.appendChild(make("span", "quiz__mark quiz__mark--" + (right ? "right" : "wrong"),
      right ? TEXT.right : TEXT.wrong));
  }

  function clear(quiz) {
    all(quiz, ".quiz__mark").forEach(function (element) {
      element.remove();
    });
    quiz.querySelector(".quiz__result").replaceChildren();
  }

  function check(quiz) {
    var inputs = all(quiz, "input");
    var chosen = inputs.filter(function (input) { return input.checked; });
    var result = quiz.querySelector(".quiz__result");
    var nodes = [];
    clear(quiz);
    if (!chosen.length) {
      result.replaceChildren(make("p", null, TEXT.empty));
      return;
    }
    chosen.forEach(function (input) {
      var box = feedback(quiz, inputs.indexOf(input), chosen.length > 1);
      if (box.childNodes.length) nodes.push(box);
    });
    if (quiz.dataset.kind !== "reflect") {
      var right = inputs.filter(isRight).length;
      var hits = chosen.filter(isRight).length;
      var ok = hits === right && hits === chosen.length;
      var verdict = (ok ? TEXT.right : TEXT.wrong) + "." +
        (!ok && right > 1 ? " " + TEXT.found(hits, right, chosen.length - hits) : "");
      nodes.unshift(make("p", "quiz__verdict quiz__verdict--" + (ok ? "right" : "wrong"), verdict));
      chosen.forEach(function (input) { mark(input, isRight(input)); });
      quiz.dataset.score = ok ? "1" : "0";
      summarize();
    }
    result.replaceChildren.apply(result, nodes);
    quiz.querySelector(".quiz__again").hidden = false;
  }

  function reset(quiz) {
    quiz.querySelector("form").reset();
    clear(quiz);
    quiz.querySelector(".quiz__again").hidden = true;
    quiz.querySelector("input").focus();
    if (quiz.dataset.score) {
      delete quiz.dataset.score;
      summarize();
    }
  }

  /* "On this page: 2 of 3 right." in one live region per page. */
  function summarize() {
    var box = document.querySelector(".quiz-summary");
    if (!box) return;
    var scored = all(document, "[data-quiz]:not([data-kind=reflect])");
    var right = scored.filter(function (quiz) { return quiz.dataset.score === "1"; });
    box.textContent = TEXT.summary(right.length, scored.length);
  }

  function init() {
    var quizzes = all(document, "[data-quiz]");
    quizzes.forEach(function (quiz) {
      if (quiz.hasAttribute("data-ready")) return;
      quiz.setAttribute("data-ready", "");
      var form = quiz.querySelector("form");
      form.querySelector(".quiz__check").hidden = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        check(quiz);
      });
      form.querySelector(".quiz__again").addEventListener("click", function () {
        reset(quiz);
      });
    });
    var scored = quizzes.filter(function (quiz) { return quiz.dataset.kind !== "reflect"; });
    if (scored.length > 1 && !document.querySelector(".quiz-summary")) {
      var box = make("p", "quiz-summary");
      box.setAttribute("role", "status");
      quizzes[quizzes.length - 1].after(box);
    }
  }

  window.selfcheck = init;
  init();
  if (window.document$) window.document$.subscribe(init);
})();
