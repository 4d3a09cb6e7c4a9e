/* Keyboard access to the navigation drawer (phones, narrow or zoomed windows). Material opens it
   only by a click on a <label>, which a keyboard cannot reach. This puts a real button in the
   label's place: it opens the drawer and moves focus into it; Escape closes it and returns focus,
   and so does tabbing out of it. Without JavaScript the label stays and works by click or tap. */
(function () {
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;
  var nav = drawer.querySelector("nav[aria-label]");

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " site-drawer-button";
  button.setAttribute("aria-label", nav ? nav.getAttribute("aria-label") : "Navigation");
  button.setAttribute("aria-expanded", "false");
  while (label.firstChild) button.appendChild(label.firstChild);
  label.replaceWith(button);

  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
  }

  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  });
  button.addEventListener("click", function () {
    setOpen(true);
    var first = drawer.querySelector("a[href]");
    if (first) first.focus();
  });
  drawer.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    setOpen(false);
    button.focus();
  });
  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !drawer.contains(next)) setOpen(false);
  });
})();
