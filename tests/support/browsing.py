"""Helpers for the browser tests: contexts per colour scheme and width, CSP violation capture,
axe-core runs, and a keyboard walk that checks every focus stop is visible and the walk ends."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

from tests.support.chromium import CHROMIUM_ARGS, find_chromium

SCHEMES = ("light", "dark")
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
# axe-core rules for WCAG 2.0, 2.1 and 2.2 at A and AA, plus Deque's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
_axe = Axe()

# Runs before any page script (and is not subject to the page's CSP): records CSP violations.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "")
  );
});
"""


def new_context(browser, scheme: str = "light", size: tuple[int, int] = WIDTHS["desktop"], **options):
    """A browser context for one colour scheme and one window size, watching for CSP violations."""
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": size[0], "height": size[1]}, **options
    )
    context.add_init_script(WATCH_CSP)
    return context


def open_page(page, url: str, quiet: bool = False) -> None:
    """Load a page (its deferred scripts have run by then); with quiet, wait for the network too."""
    page.goto(url, wait_until="load")
    if quiet:
        page.wait_for_load_state("networkidle")


def on_every_page(browser, urls: list[str], check, **context_options) -> list[str]:
    """Run check(page) on every page, one context per browser; collect its reports, page by page."""

    def check_pages(browser, urls) -> list[str]:
        found = []
        with closing(new_context(browser, **context_options)) as context:
            page = context.new_page()
            for url in urls:
                open_page(page, url)
                found += [f"{url}: {problem}" for problem in check(page)]
        return found

    return sorted(in_two_browsers(browser, urls, check_pages))


def in_two_browsers(browser, items: list, work) -> list:
    """work(browser, some_items) -> list, on half the items each in the session's browser and in a
    second one in a thread (Playwright wants one instance per thread): both cores of a small CI
    machine do the work. The results come back in the order of the items' halves."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        other = pool.submit(_in_own_browser, work, items[1::2])
        return work(browser, items[0::2]) + other.result()


def _in_own_browser(work, items: list) -> list:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            return work(browser, items)
        finally:
            browser.close()


def set_scheme(page, scheme: str, reload: bool = True) -> None:
    """Switch the reader's light/dark setting; reload the page, which Material draws in it."""
    page.emulate_media(color_scheme=scheme)
    if reload:
        page.reload(wait_until="load")
        wanted = {"light": "default", "dark": "slate"}[scheme]
        assert page.evaluate("document.body.dataset.mdColorScheme") == wanted


def settle(page) -> None:
    """Wait for running transitions and animations (a drawer sliding open) to finish."""
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))")


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def axe_violations(page, context=None, rules: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page or a part of it (a CSS selector), for all rules or only
    those named; one line per rule with the elements at fault."""
    options = AXE_OPTIONS if rules is None else {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": rules}}
    response = _axe.run(page, context=context, options=options).response
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} at "
        + "; ".join(" ".join(node["target"]) for node in rule["nodes"][:5])
        for rule in response["violations"]
    ]


# Describes the focused element; "problem" says why a reader could not see it, if so. A zero-size
# input (Material's palette radio) shows its focus on the label that follows it.
FOCUS_STOP = """
async () => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  window.__walkIds = window.__walkIds || new WeakMap();
  if (!window.__walkIds.has(element)) {
    window.__walkCount = (window.__walkCount || 0) + 1;
    window.__walkIds.set(element, window.__walkCount);
  }
  let shown = element;
  const own = element.getBoundingClientRect();
  if ((own.width < 1 || own.height < 1) && element.matches("input") &&
      element.nextElementSibling && element.nextElementSibling.matches("label")) {
    shown = element.nextElementSibling;
  }
  const problem = () => {
    const box = [...shown.getClientRects()].find((r) => r.width >= 1 && r.height >= 1);
    if (!box) return "has no size on screen";
    const style = getComputedStyle(shown);
    if (style.visibility !== "visible") return "is hidden";
    let opacity = 1;
    for (let node = shown; node instanceof Element; node = node.parentElement) opacity *= +getComputedStyle(node).opacity;
    if (opacity < 0.5) return "is transparent";
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) return "shows no focus ring";
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return "is off screen";
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (top && !(top === shown || shown.contains(top) || top.contains(shown))) {
      return `is covered by <${top.tagName.toLowerCase()} class="${top.getAttribute("class") || ""}">`;
    }
    return "";
  };
  let found = problem();
  // Let scripts react to the focus and transitions (search opening, drawer sliding) finish, then
  // look again; on a busy machine the script may start late, so try for up to about a second.
  const deadline = performance.now() + 1000;
  while (found && performance.now() < deadline) {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
    found = problem();
  }
  const name = (element.getAttribute("aria-label") || element.textContent || element.value || "").trim();
  return {
    id: window.__walkIds.get(element),
    label: `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") || ""}"> "${name.slice(0, 40)}"`,
    problem: found,
  };
}
"""


@dataclass
class Walk:
    """What pressing Tab through a page found."""

    stops: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


FOCUSABLE = "a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]"


def walk_with_tab(page) -> Walk:
    """Press Tab from the top of the page until focus leaves the document or wraps to the start.

    Every stop must be visible (on screen, uncovered, with a focus ring); meeting a stop a second
    time before the walk ends, or pressing Tab more often than the page has focusable elements,
    means focus is trapped.
    """
    walk, ids = Walk(), []
    limit = page.evaluate("(s) => document.querySelectorAll(s).length", FOCUSABLE) + 5
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STOP)
        if stop is None or (ids and stop["id"] == ids[0]):
            return walk
        if stop["id"] in ids:
            walk.problems.append(f"focus is trapped: {stop['label']} came round again")
            return walk
        ids.append(stop["id"])
        walk.stops.append(stop["label"])
        if stop["problem"]:
            walk.problems.append(f"stop {len(walk.stops)}, {stop['label']}: {stop['problem']}")
    walk.problems.append(f"focus is trapped: no way out after {limit} presses of Tab")
    return walk
