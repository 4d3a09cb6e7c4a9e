"""The weekly external link check (lychee-external.toml, .github/workflows/links.yml),
exercised offline against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest
import yaml

from check_links import BASE_CONFIG, EXTERNAL_CONFIG, lychee_binary, run_check
from tests.support.project import REPO, SITE_URL

SETTINGS = tomllib.loads(EXTERNAL_CONFIG.read_text(encoding="utf-8"))
WORKFLOW = REPO / ".github" / "workflows" / "links.yml"
# Shorter than the weekly settings so the test takes seconds; everything else as configured.
FAST = ["--timeout", "1", "--max-retries", "1", "--retry-wait-time", "1"]
PAGE = "<!doctype html><title>ok</title><h1 id=top>ok</h1>"


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers by path: /ok 200, /missing 404, /moved-live and /moved-dead 301,
    /busy 429 once then 200, /always-busy 429, /slow after the timeout."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        with server.lock:
            server.requests.append((time.monotonic(), self.path, self.headers.get("User-Agent")))
            seen = sum(1 for _, path, _ in server.requests if path == self.path)
        if self.path == "/slow":
            server.release.wait(5)
        status, headers = {
            "/ok": (200, {}),
            "/slow": (200, {}),
            "/moved-live": (301, {"Location": "/ok"}),
            "/moved-dead": (301, {"Location": "/missing"}),
            "/busy": (429, {"Retry-After": "1"}) if seen == 1 else (200, {}),
            "/always-busy": (429, {"Retry-After": "1"}),
        }.get(self.path, (404, {}))
        body = PAGE.encode() if status == 200 else b""
        self.send_response(status)
        for name, value in {"Content-Type": "text/html", "Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    """The answering server on a free port of 127.0.0.1; yields it with its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests, httpd.lock, httpd.release = [], threading.Lock(), threading.Event()
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()


def site_linking_to(folder, links):
    """A one-page 'built site' whose page links to each address."""
    folder.mkdir()
    anchors = "".join(f'<a href="{link}">{link}</a>\n' for link in links)
    (folder / "index.html").write_text(f"<!doctype html><title>t</title><body>{anchors}</body>", encoding="utf-8")
    return folder


def requests_for(server, path):
    return [entry for entry in server.requests if entry[1] == path]


def test_which_answers_count_as_broken(server, tmp_path):
    paths = ["/ok", "/ok#top", "/missing", "/moved-live", "/moved-dead", "/busy", "/always-busy", "/slow"]
    blocked = "https://www.linkedin.com/in/someone"  # excluded: refuses checkers
    site = site_linking_to(tmp_path / "site", [server.base + path for path in paths] + [blocked])
    quick = [*FAST, "--host-request-interval", "50ms"]  # spacing has its own test below
    report = run_check(site, SITE_URL, external=True, extra=quick, cwd=tmp_path)
    assert {item.link: item.reason.split(":")[0] for item in report.broken} == {
        server.base + "/missing": "Rejected status code",
        server.base + "/moved-dead": "Rejected status code",
        server.base + "/always-busy": "Rejected status code",
        server.base + "/slow": "Timeout",
    }
    assert "429" in next(item.reason for item in report.broken if item.link.endswith("/always-busy"))
    busy = requests_for(server, "/busy")
    assert len(busy) == 2 and busy[1][0] - busy[0][0] >= 0.9, "429 not retried after Retry-After"
    assert len(requests_for(server, "/missing")) == 2, "a 404 is final: one request per link, no retries"
    assert {agent for _, _, agent in server.requests} == {SETTINGS["user_agent"]}


def test_the_cache_is_written_and_reused_but_failures_are_checked_again(server, tmp_path):
    site = site_linking_to(tmp_path / "site", [server.base + "/ok", server.base + "/missing"])
    first = run_check(site, SITE_URL, external=True, extra=FAST, cwd=tmp_path)
    cache = (tmp_path / ".lycheecache").read_text(encoding="utf-8")
    assert server.base + "/ok" in cache and "/missing" not in cache
    second = run_check(site, SITE_URL, external=True, extra=FAST, cwd=tmp_path)
    assert first.broken == second.broken and len(second.broken) == 1
    assert second.cached == 1
    assert len(requests_for(server, "/ok")) == 1
    assert len(requests_for(server, "/missing")) == 2


def test_requests_to_one_host_are_spaced(server, tmp_path):
    site = site_linking_to(tmp_path / "site", [f"{server.base}/ok?page={n}" for n in range(4)])
    run_check(site, SITE_URL, external=True, extra=FAST, cwd=tmp_path)
    times = sorted(moment for moment, _, _ in server.requests)
    interval = float(SETTINGS["host_request_interval"].removesuffix("ms")) / 1000
    assert len(times) == 4
    assert min(b - a for a, b in zip(times, times[1:])) >= interval * 0.8


def test_a_doi_is_checked_at_doi_org_not_at_the_publisher(tmp_path):
    page = site_linking_to(tmp_path / "site", ["https://doi.org/10.1037/a0028226#results"]) / "index.html"
    command = [lychee_binary(), "--config", str(BASE_CONFIG), "--config", str(EXTERNAL_CONFIG), "--dump", str(page)]
    dumped = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    assert dumped == ["https://doi.org/api/handles/10.1037/a0028226"]


# --- The workflow (schema, pinning and zizmor for every workflow: tests/project/test_workflows.py) ---


def workflow():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    flow["on"] = flow.pop(True, flow.get("on"))  # YAML 1.1 reads the key `on` as true
    return flow


def test_the_workflow_runs_weekly_and_reports_through_an_issue():
    flow = workflow()
    assert flow["on"]["schedule"][0]["cron"] and "workflow_dispatch" in flow["on"]
    steps = flow["jobs"]["check"]["steps"]
    assert any("actions/cache@" in step.get("uses", "") and step["with"]["path"] == ".lycheecache" for step in steps)
    assert any("check_links.py --external" in step.get("run", "") for step in steps)
    assert "gh issue create" in flow["jobs"]["report"]["steps"][-1]["run"]


def test_only_the_job_without_third_party_code_may_write_and_only_issues():
    jobs = workflow()["jobs"]
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["report"]["permissions"] == {"issues": "write"}
    assert not any("uses" in step for step in jobs["report"]["steps"])
    assert all(0 < job["timeout-minutes"] <= 30 for job in jobs.values())


def test_zizmor_pedantic_finds_nothing():
    zizmor = Path(sys.executable).with_name("zizmor")
    executable = str(zizmor) if zizmor.exists() else shutil.which("zizmor")
    assert executable, "zizmor is not installed (it is pinned in requirements/test.txt)"
    result = subprocess.run(
        [executable, "--offline", "--persona", "pedantic", str(WORKFLOW)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
