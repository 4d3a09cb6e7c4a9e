"""The Content-Security-Policy in a real browser: an inline script without its hash is blocked and reported."""

from __future__ import annotations

from contextlib import closing

import pytest

from sitefeatures.csp import policy
from tests.support.browsing import csp_violations, new_context
from tests.support.csp import ALLOWED, PAGE

pytestmark = pytest.mark.browser


def test_browser_blocks_and_reports_an_inline_script_without_its_hash(browser, served_site):
    html = policy.add_policy(PAGE, "page.md", ALLOWED).replace("</body>", "<script>window.ran=1</script></body>")
    with closing(new_context(browser)) as context:
        context.route("**/csp-probe.html", lambda route: route.fulfill(body=html, content_type="text/html"))
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.dismiss())
        page.goto(served_site + "csp-probe.html")
        assert page.evaluate("window.ran") is None
        assert any("script-src" in violation for violation in csp_violations(page))
