"""GitHub workflows, linted offline: schema, security audit and the project's own rules.

Every file in .github/workflows/ is checked against GitHub's workflow schema
(check-jsonschema's built-in copy) and audited by zizmor in offline mode.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.project import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
OURS = {"ci.yml", "deploy.yml"}
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
BIN = Path(sys.executable).parent


def load(path: Path) -> dict:
    """A workflow as data; PyYAML reads the key `on` as True, so it is renamed back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def uses_of(workflow: dict) -> list[str]:
    """Every `uses:` in a workflow: reusable-workflow jobs and steps."""
    found = []
    for job in workflow["jobs"].values():
        found += [job["uses"]] if "uses" in job else []
        found += [step["uses"] for step in job.get("steps", []) if "uses" in step]
    return found


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


def test_the_project_has_its_ci_and_deploy_workflows():
    assert OURS <= {path.name for path in FILES}


def test_workflows_match_githubs_schema():
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, FILES))
    assert result.returncode == 0, result.stdout + result.stderr


def zizmor_findings() -> list[dict]:
    result = run(str(BIN / "zizmor"), "--offline", "--format", "json", "--no-exit-codes", str(WORKFLOWS))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout or "[]")


def describe(finding: dict) -> str:
    where = finding["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"]
    return f"{Path(where).name}: {finding['ident']} ({finding['determinations']['severity']}): {finding['desc']}"


def test_zizmor_finds_nothing_of_high_severity():
    findings = zizmor_findings()
    print("\n".join(map(describe, findings)) or "zizmor: no findings")
    high = [describe(finding) for finding in findings if finding["determinations"]["severity"] == "High"]
    assert not high, high


def test_zizmor_finds_nothing_at_all_in_the_deploy_and_ci_workflows():
    ours = [describe(finding) for finding in zizmor_findings() if describe(finding).split(":")[0] in OURS]
    assert not ours, ours


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit(path):
    for uses in uses_of(load(path)):
        assert uses.startswith("./") or PINNED.match(uses), f"{path.name}: pin {uses} to a full commit SHA"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_permissions_start_from_none_and_every_job_has_a_timeout(path):
    workflow = load(path)
    assert workflow.get("permissions") == {}, f"{path.name}: set `permissions: {{}}` at the top, then grant per job"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} must say which permissions it needs"
        if "uses" not in job:  # a called workflow sets its own timeouts
            assert job.get("timeout-minutes"), f"{path.name}: job {name} needs timeout-minutes"


def test_pull_requests_run_make_test_in_debian_with_chromium():
    ci = load(WORKFLOWS / "ci.yml")
    assert "pull_request" in ci["on"] and "workflow_call" in ci["on"]
    (job,) = ci["jobs"].values()
    assert job["container"]["image"].startswith("debian:")
    assert job["permissions"] == {"contents": "read"}
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in job["steps"])
    assert "chromium" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_pushes_to_main_test_then_build_then_deploy_with_least_privilege():
    deploy = load(WORKFLOWS / "deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    jobs = deploy["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/ci.yml"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    uses = " ".join(uses_of(deploy))
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in uses
    build = {step.get("name"): step for step in jobs["build"]["steps"]}["Build the site"]
    assert build["run"] == "make build"
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/", "site_url comes from Pages"


def setup_python_versions() -> dict[str, str]:
    """The python-version of every actions/setup-python step, keyed by workflow and job."""
    found = {}
    for path in FILES:
        for name, job in load(path)["jobs"].items():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/setup-python@"):
                    found[f"{path.name}, job {name}"] = str(step.get("with", {}).get("python-version"))
    return found


def test_the_workflows_set_up_one_minor_python_version():
    versions = setup_python_versions()
    assert "deploy.yml, job build" in versions, "the deploy builds with actions/setup-python"
    assert len(set(versions.values())) == 1, f"the workflows set up different Pythons: {versions}"
    (version,) = set(versions.values())
    assert re.fullmatch(r"3\.\d+", version), f'python-version "{version}": name a minor version, such as "3.11"'


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="compares CI's Python with the deploy's: runs under CI=true")
def test_ci_tests_on_the_python_the_deploy_builds_with():
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    for where, version in setup_python_versions().items():
        assert version == running, (
            f"{where} sets up Python {version}, but CI tests on Python {running} ({sys.executable}): "
            f'set python-version: "{running}" there, or make CI (.ci/run, ci.yml) test on Python {version}'
        )


def pins(lock: Path) -> set[str]:
    """The `name==version ; marker` lines of a lock made by `make lock`."""
    lines = lock.read_text(encoding="utf-8").splitlines()
    return {line.rstrip(" \\") for line in lines if re.match(r"[A-Za-z0-9]", line)}


def test_the_deploy_installs_the_build_lock_with_the_versions_the_tests_ran():
    build = {step.get("name"): step for step in load(WORKFLOWS / "deploy.yml")["jobs"]["build"]["steps"]}
    assert build["Build the site"]["env"].get("REQUIREMENTS") == "requirements/build.txt", (
        "deploy.yml: the build step installs only the build lock (env REQUIREMENTS: requirements/build.txt)"
    )
    build_pins, test_pins = pins(REPO / "requirements" / "build.txt"), pins(REPO / "requirements" / "test.txt")
    assert build_pins, "requirements/build.txt pins nothing"
    assert build_pins <= test_pins, f"pinned for the build but not tested: {sorted(build_pins - test_pins)}; run make lock"
