"""Builds that start early. A build of a project copy takes seconds, mostly in a MkDocs process of
its own, so the session starts the ones its tests will need, one at a time in a background thread,
while the tests that need none run (on a machine with two cores, a build and the tests each get
one). A test that needs a build waits for it; a build that has not started by then runs right away
in the test's own thread.

    @early_build
    def moved_site(folder: Path) -> Build:
        \"\"\"A build in which two old addresses redirect.\"\"\"
        return build_site(folder / "site", config=project_copy(folder / "project", redirects=...))

makes ``moved_site`` a session fixture whose value is what the function returns for a fresh
folder. The function runs in the background thread: it may copy files and build, but must not
change the process (os.environ, the working directory) or use other fixtures.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

Recipe = Callable[[Path], Any]
RECIPES: dict[str, Recipe] = {}


def early_build(recipe: Recipe):
    """Make recipe (folder -> value) a session fixture of the same name, started early."""
    name = recipe.__name__
    if RECIPES.setdefault(name, recipe) is not recipe:
        raise ValueError(f"two early builds are called {name}: rename one")

    def fixture(early_builds: EarlyBuilds):
        return early_builds.result(name)

    fixture.__doc__ = recipe.__doc__
    return pytest.fixture(scope="session", name=name)(fixture)


class EarlyBuilds:
    """The early builds of one session, started in the order the tests will need them."""

    def __init__(self, names: list[str], tmp_path_factory: pytest.TempPathFactory):
        self._tmp_path_factory = tmp_path_factory
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="early-build")
        self._futures: dict[str, Future] = {
            name: self._pool.submit(RECIPES[name], tmp_path_factory.mktemp(name)) for name in names
        }

    def result(self, name: str):
        """The value of a build: waited for, or made now if it has not started."""
        future = self._futures.get(name)
        if future is None or future.cancel():
            return RECIPES[name](self._tmp_path_factory.mktemp(name))
        return future.result()

    def close(self) -> None:
        """Drop the builds no test asked for (a test run stopped early) and wait for a running one."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def in_order_of_use(items: list[pytest.Item]) -> list[str]:
    """The early builds that the tests about to run use, in the order they first need them."""
    names: dict[str, None] = {}
    for item in items:
        if any(mark.args and mark.args[0] is True for mark in item.iter_markers("skipif")):
            continue  # a test that will be skipped (BOTH_EDITIONS_IN_THE_ENGLISH_RUN) needs no build
        names.update((name, None) for name in getattr(item, "fixturenames", ()) if name in RECIPES)
    return list(names)
