# The README's commands. Each target sets itself up from nothing: the virtual
# environment is synced to the exact pins of a lock in requirements/ (packages not
# in it are removed) whenever it is missing or older than the lock or pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
# The engine `make build` uses: mkdocs (the default) or zensical.
ENGINE ?= mkdocs
# The lock the environment is synced to: the test lock (the site, its tests and lint) by
# default; the deploy builds from the build lock alone (REQUIREMENTS=requirements/build.txt).
REQUIREMENTS ?= requirements/test.txt
# uv, the tool that makes the locks and syncs to them, is pinned by its own lock and
# lives beside the environment, out of reach of the sync.
UV     := $(VENV)/uv/bin/uv
UV_RUN := $(UV) pip --quiet
LOCK_OPTIONS := --universal --fork-strategy fewest --generate-hashes --upgrade --custom-compile-command 'make lock'

# Quiet Material's end-of-life notice (see README, "Dependencies") so real warnings stand out.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test lint clean lock bench help
.DEFAULT_GOAL := help
# A failed build must not leave a fresh site/index.html behind.
.DELETE_ON_ERROR:

help:  ## List the targets.
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# Which lock the environment was synced to is an input too: switching locks resyncs.
LOCK_IN_USE := .make/lock-in-use.txt
$(shell mkdir -p $(dir $(LOCK_IN_USE)) && echo '$(REQUIREMENTS)' | cmp -s - $(LOCK_IN_USE) || \
	echo '$(REQUIREMENTS)' > $(LOCK_IN_USE))

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(UV): requirements/uv.txt | $(BIN)/python
	rm -rf $(VENV)/uv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		--target $(VENV)/uv -r requirements/uv.txt
	@touch $@

$(STAMP): $(REQUIREMENTS) pyproject.toml $(LOCK_IN_USE) $(UV)
	$(UV_RUN) sync --python $(BIN)/python --require-hashes $(REQUIREMENTS)
	$(UV_RUN) install --python $(BIN)/python --no-deps --editable .
	@touch $@

serve: $(STAMP)  ## Serve the site with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

build: site/index.html  ## Strict build into site/ (only when a source changed)

# (Not in .cache/: `zensical build --clean` empties that folder.)
# Everything the build reads; a change to any of them makes `make build` rebuild.
SOURCES := $(wildcard mkdocs.yml mkdocs.*.yml tests/published-urls*.txt) \
	$(shell find docs docs-es overrides selfcheck sitefeatures -type f -not -name '*.pyc' 2>/dev/null | LC_ALL=C sort)
# A file deleted or renamed makes no source newer than site/, so the list of source
# paths is kept in a manifest, rewritten (and so made newer) only when the list changes.
MANIFEST := .make/sources.txt
$(shell mkdir -p $(dir $(MANIFEST)) && printf '%s\n' $(SOURCES) | cmp -s - $(MANIFEST) || \
	printf '%s\n' $(SOURCES) > $(MANIFEST))
# The addresses the site is built for are inputs too: a new SITE_URL or REPO_URL rebuilds.
INPUTS := .make/build-inputs.txt
$(shell mkdir -p $(dir $(INPUTS)) && printf 'SITE_URL=%s\nREPO_URL=%s\nENGINE=%s\n' "$$SITE_URL" "$$REPO_URL" "$(ENGINE)" | \
	cmp -s - $(INPUTS) || printf 'SITE_URL=%s\nREPO_URL=%s\nENGINE=%s\n' "$$SITE_URL" "$$REPO_URL" "$(ENGINE)" > $(INPUTS))

# ENGINE=zensical builds the same mkdocs.yml with Zensical (Material's successor), then runs the
# finishing steps the MkDocs plugin runs itself (quiz assets, link list, CNAME, CSP).

# What the build printed is kept beside it: the tests read it (no warnings) along with site/,
# so a site without its log is built again.
BUILD_LOG := .make/build.log
$(shell test -f $(BUILD_LOG) || rm -f site/index.html)
site/index.html: $(STAMP) $(SOURCES) $(MANIFEST) $(INPUTS)
ifeq ($(ENGINE),zensical)
	rm -rf site
	{ $(BIN)/zensical build --clean && $(BIN)/python -m sitefeatures finish --engine zensical && \
	  $(BIN)/python -m sitefeatures editions --engine zensical; } > $(BUILD_LOG) 2>&1 || { cat $(BUILD_LOG); exit 1; }
else
	{ $(BIN)/mkdocs build --strict --clean && \
	  $(BIN)/python -m sitefeatures editions --engine mkdocs; } > $(BUILD_LOG) 2>&1 || { cat $(BUILD_LOG); exit 1; }
endif
	@cat $(BUILD_LOG)
	@touch $@

# The tests use the site/ just built instead of building their own (plain `pytest` builds one).
PYTEST := BUILT_SITE=site BUILT_SITE_LOG=$(BUILD_LOG) $(BIN)/python -m pytest

# The tests run once per edition the copy publishes (extra.languages): on the English pages, then
# with EDITION=es on the Spanish ones (the tests of the build's machinery run in the English pass).
# $(call each_edition,OPTIONS): pytest OPTIONS on the English pages, then on each other edition's.
each_edition = $(PYTEST) $(1) && for language in $$($(BIN)/python -m sitefeatures languages --others); do \
	echo "== The tests on the '$$language' edition"; EDITION=$$language $(PYTEST) $(1) || exit 1; done

check: build lint  ## Quick check while working: strict build, lint, then every test that needs no browser
	$(call each_edition,-m "not browser")

test: build  ## Strict build, then every test, on every edition (what CI runs)
	$(call each_edition,)

bench: $(STAMP)  ## Measure build time, page weight, reading grades and Lighthouse (vs stock Material)
	$(BIN)/python scripts/bench.py

lint: $(STAMP)  ## Lint (ruff) and type-check (mypy) the packages and scripts
	$(BIN)/ruff check selfcheck sitefeatures scripts
	$(BIN)/mypy

# The test lock first; the build lock is held to the same versions, so the deploy builds
# with exactly what the tests ran.
lock: $(UV)  ## Re-resolve pyproject.toml's ranges into the locks in requirements/
	$(UV_RUN) compile $(LOCK_OPTIONS) --extra test pyproject.toml -o requirements/test.txt
	$(UV_RUN) compile $(LOCK_OPTIONS) --constraint requirements/test.txt pyproject.toml -o requirements/build.txt
	echo uv | $(UV_RUN) compile $(LOCK_OPTIONS) - -o requirements/uv.txt

clean:  ## Remove the build output, caches and the virtual environment
	rm -rf site $(VENV) .pytest_cache .hypothesis .cache .make build *.egg-info
