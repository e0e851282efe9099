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

.PHONY: setup demo test test-fast lint neo4j-start neo4j-stop bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# numpy, cython, setuptools and wheel: the pkuseg sdist's metadata build needs them (govkg setup)
	$(PY) -m pip install --quiet numpy cython "setuptools>=68" wheel
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

setup: $(VENV)/.installed
	$(GOVKG) setup

demo: setup
	rm -f $(DEMO_STORE)
	$(GOVKG) ingest --quiet --store $(DEMO_STORE) examples/reports/*.txt
	$(GOVKG) demo --store $(DEMO_STORE)

test: setup
	$(GOVKG) neo4j start
	set +e; $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; $(GOVKG) neo4j stop; exit $$rc

test-fast: setup
	$(PY) -m pytest -m "not neo4j" $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

neo4j-start: setup
	$(GOVKG) neo4j start

neo4j-stop:
	$(GOVKG) neo4j stop

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf build $(VENV) .pytest_cache .ruff_cache
