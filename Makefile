# The README's commands. Each target sets itself up from nothing: the virtual
# environment is (re)built from the exact pins in requirements.txt whenever it
# is missing or older than the pins or pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000

# Quiet the upstream "MkDocs 2" banners so real warnings stand out.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build check test clean lock bench help
.DEFAULT_GOAL := help
# A failed build must not leave a fresh site/index.html behind.
.DELETE_ON_ERROR:

help:  ## List the targets.
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "Python 3.10 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

serve: $(STAMP)  ## Serve the site with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

build: site/index.html  ## Strict build into site/ (only when a source changed)

# Everything the build reads; a change to any of them makes `make build` rebuild.
SOURCES := mkdocs.yml tests/published-urls.txt \
	$(shell find docs overrides selfcheck sitefeatures -type f -not -name '*.pyc' 2>/dev/null | LC_ALL=C sort)
# A file deleted or renamed makes no source newer than site/, so the list of source
# paths is kept in a manifest, rewritten (and so made newer) only when the list changes.
MANIFEST := .cache/sources.txt
$(shell mkdir -p $(dir $(MANIFEST)) && printf '%s\n' $(SOURCES) | cmp -s - $(MANIFEST) || \
	printf '%s\n' $(SOURCES) > $(MANIFEST))
# The addresses the site is built for are inputs too: a new SITE_URL or REPO_URL rebuilds.
INPUTS := .cache/build-inputs.txt
$(shell mkdir -p $(dir $(INPUTS)) && printf 'SITE_URL=%s\nREPO_URL=%s\n' "$$SITE_URL" "$$REPO_URL" | \
	cmp -s - $(INPUTS) || printf 'SITE_URL=%s\nREPO_URL=%s\n' "$$SITE_URL" "$$REPO_URL" > $(INPUTS))

# What the build printed is kept beside it: the tests read it (no warnings) along with site/,
# so a site without its log is built again.
BUILD_LOG := .cache/build.log
$(shell test -f $(BUILD_LOG) || rm -f site/index.html)
site/index.html: $(STAMP) $(SOURCES) $(MANIFEST) $(INPUTS)
	$(BIN)/mkdocs build --strict --clean > $(BUILD_LOG) 2>&1 || { cat $(BUILD_LOG); exit 1; }
	@cat $(BUILD_LOG)
	@touch $@

# The tests use the site/ just built instead of building their own (plain `pytest` builds one).
PYTEST := BUILT_SITE=site BUILT_SITE_LOG=$(BUILD_LOG) $(BIN)/python -m pytest

check: build  ## Quick check while working: strict build, then every test that needs no browser
	$(PYTEST) -m "not browser"

test: build  ## Strict build, then every test (what CI runs)
	$(PYTEST)

bench: $(STAMP)  ## Measure build time, page weight, reading grades and Lighthouse (vs stock Material)
	$(BIN)/python scripts/bench.py

# setuptools is pinned too (freeze --all): the editable install builds without isolation.
LOCK_VENV := $(shell mktemp -u /tmp/lock-venv.XXXXXX)
lock:  ## Re-resolve pyproject.toml's ranges into requirements.txt
	$(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet --upgrade pip 'setuptools>=68'
	$(LOCK_VENV)/bin/pip install --quiet -e '.[test]'
	{ head -n 2 requirements.txt; $(LOCK_VENV)/bin/pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.txt.new
	mv requirements.txt.new requirements.txt && rm -rf $(LOCK_VENV)

clean:  ## Remove the build output, caches and the virtual environment
	rm -rf site $(VENV) .pytest_cache .hypothesis .cache build *.egg-info
