/* Copy buttons on the "For clinics" page. Each button copies the text of the <code> beside it
   (a page address, or the welcome email) and says so in a live region. Without JavaScript the
   buttons stay hidden (CSS shows them once this script has run) and the text is there to select.
   Loaded only on that page. What it says comes from its script element (data-copied,
   data-selected), written in the page's language. */
(function () {
  var script = document.currentScript;
  var copiedText = (script && script.dataset.copied) || "Copied.";
  var selectedText = (script && script.dataset.selected) || "Selected. Press Ctrl+C, or Cmd+C on a Mac, to copy.";
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function say(button, message) {
    status.textContent = message;
    button.classList.add("copy-button--done");
    setTimeout(function () { button.classList.remove("copy-button--done"); }, 2000);
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var scope = button.parentElement;
    while (scope && !scope.querySelector("code")) scope = scope.parentElement;
    if (!scope) return;
    var source = scope.querySelector("code");
    var text = source.textContent;
    var fallback = function () {
      selectText(source);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      say(button, copied ? copiedText : selectedText);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(button, copiedText); }, fallback);
    } else {
      fallback();
    }
  }

  // One listener for every button, and one class that shows them all: the link list has about
  // 150 buttons, and a listener and a style change each cost a phone a long task on load.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".copy-button");
    if (button) copy(button);
  });
  document.documentElement.classList.add("copy-buttons");
})();
