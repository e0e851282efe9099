# govkg: two commands do everything on a fresh machine.
#   make demo   set up, ingest the example reports into an embedded store, print answers
#   make test   set up, start a local Neo4j, run the whole test suite, stop Neo4j
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
GOVKG := $(VENV)/bin/govkg
DEMO_STORE ?= build/demo-store.json.gz
PYTEST_ARGS ?=

.PHONY: setup demo test test-fast reliability lint neo4j-start neo4j-stop bench clean browser-deps

# tests/browser drives Neo4j Browser in headless Chromium: Debian's chromium and its chromedriver, and
# a CJK font so that the screenshots show Chinese. Installed when missing and we are root with apt-get;
# otherwise the command to run is printed (the test skips without /usr/bin/chromium).
BROWSER_PKGS := chromium chromium-driver fonts-wqy-microhei

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# numpy, cython, setuptools and wheel: the pkuseg sdist's metadata build needs them (govkg setup)
	$(PY) -m pip install --quiet numpy cython "setuptools>=68" wheel
	$(PY) -m pip install --quiet -e ".[test,dask]"
	touch $@

setup: $(VENV)/.installed
	$(GOVKG) setup

demo: setup
	rm -f $(DEMO_STORE)
	$(GOVKG) ingest --quiet --store $(DEMO_STORE) examples/reports/*.txt
	$(GOVKG) demo --store $(DEMO_STORE)

test: setup browser-deps
	$(GOVKG) neo4j start
	set +e; $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; $(GOVKG) neo4j stop; exit $$rc

test-fast: setup
	$(PY) -m pytest -m "not neo4j" $(PYTEST_ARGS)

# The reliability suite (RELIABILITY.md): bad input, property tests, faults on a Neo4j of its own
# (Bolt 7717: it is killed mid-ingest), hostile requests, a wrk load run; figures printed as it goes.
# PROPERTY_EXAMPLES=5000 hunts with that many fresh random examples per property.
PROPERTY_EXAMPLES ?= 0
reliability: setup
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
		|| echo "note: wrk is missing (apt-get install wrk): the load tests will skip"
	GOVKG_PROPERTY_EXAMPLES=$(PROPERTY_EXAMPLES) $(PY) -m pytest tests/reliability -v -s $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

browser-deps:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && fc-list 2>/dev/null | grep -qi wqy; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing $(BROWSER_PKGS) from Debian (for tests/browser)"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PKGS) >/dev/null; } \
			|| echo "warning: could not install $(BROWSER_PKGS); tests/browser may skip or fail"; \
	else echo "note: tests/browser needs $(BROWSER_PKGS): sudo apt-get install $(BROWSER_PKGS)"; fi

neo4j-start: setup
	$(GOVKG) neo4j start

neo4j-stop:
	$(GOVKG) neo4j stop

bench: setup
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf build $(VENV) .pytest_cache .ruff_cache
