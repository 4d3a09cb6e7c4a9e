/* Tooltips, one listener for the whole page. Material's content.tooltips builds a component for
   every element with a title as the page starts (listeners, observers and a timer each): on pages
   with dozens of glossary terms, footnotes and headings that work ran just after the first paint,
   in the main thread's way. The build (sitefeatures/tooltips.py) marks glossary terms with
   data-preview, which makes Material leave them alone, and moves the title of heading permalinks
   and footnote back-links to data-tip (and aria-label). This script shows the same tooltip
   (Material's md-tooltip2 styles) only when such an element is hovered, tapped or focused, and
   hides it when the pointer or focus leaves or the reader presses Escape. Without JavaScript the
   browser shows a term's title as usual. */
(function () {
  var TIPPED = "abbr[data-preview], [data-tip]";
  var HIDE_AFTER = 250; // ms, as Material's fade-out
  var tip = null, host = null, title = "", hiding = 0;

  function tipped(target) {
    return target && target.closest ? target.closest(TIPPED) : null;
  }

  function px(name, value) {
    tip.style.setProperty(name, value + "px");
  }

  function show(element) {
    clearTimeout(hiding);
    if (host === element) {
      tip.classList.add("md-tooltip2--active");
      return;
    }
    remove();
    host = element;
    title = element.getAttribute("title") || "";
    element.removeAttribute("title"); // no second, native tooltip on top of this one
    var text = element.getAttribute("data-tip") || title;
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.id = "__glossary_tooltip";
    tip.setAttribute("role", "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = text;
    tip.appendChild(inner);
    document.body.appendChild(tip);
    var box = element.getBoundingClientRect();
    px("--md-tooltip-host-x", box.left + window.scrollX);
    px("--md-tooltip-host-y", box.top + window.scrollY);
    px("--md-tooltip-x", box.width / 2);
    px("--md-tooltip-y", box.height + 8);
    px("--md-tooltip-width", inner.offsetWidth);
    px("--md-tooltip-tail", 0);
    element.setAttribute("aria-describedby", tip.id);
    var shown = tip;
    requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }

  function remove() {
    if (!host) return;
    if (title) host.setAttribute("title", title);
    host.removeAttribute("aria-describedby");
    tip.remove();
    tip = host = null;
  }

  function hide() {
    if (!tip) return;
    tip.classList.remove("md-tooltip2--active");
    clearTimeout(hiding);
    hiding = setTimeout(remove, HIDE_AFTER);
  }

  // A term stays explained while it is hovered or focused, as Material's tooltips do.
  function leaving(event) {
    var from = tipped(event.target);
    if (!from || from !== host || from.contains(event.relatedTarget)) return;
    if (event.type === "mouseout" ? from === document.activeElement : from.matches(":hover")) return;
    hide();
  }

  document.addEventListener("mouseover", function (event) {
    var element = tipped(event.target);
    if (element) show(element);
  });
  document.addEventListener("focusin", function (event) {
    var element = tipped(event.target);
    if (element) show(element);
  });
  document.addEventListener("mouseout", leaving);
  document.addEventListener("focusout", leaving);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);
})();
