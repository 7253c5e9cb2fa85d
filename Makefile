# Plangraph: `make run` and `make test` are the two commands (see README.md).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
STAMP_PKG := $(VENV)/.installed-pkg
PORT ?= 8501
DB ?= data/graph.lbug
# plan counts of the generated corpus bench/bench_scale.py builds (`make bench SCALE="100 300"` cuts it short)
SCALE ?= 100 300 1000
MEMORY_MB ?= 3 10 30

.PHONY: run run-neo4j test lint build build-neo4j neo4j-up neo4j-down neo4j-status neo4j-reset bench venv dev clean browser

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP_RUN): requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(STAMP_DEV): requirements.txt requirements-dev.txt requirements-embeddings.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(STAMP_RUN)

# The project itself, editable (packages and the `plangraph` command from pyproject.toml).
$(STAMP_PKG): pyproject.toml | $(STAMP_RUN)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@

# `make run EMBEDDINGS=1` also installs sentence-transformers for embedding similarity.
$(VENV)/.installed-embeddings: requirements-embeddings.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-embeddings.txt
	touch $@

venv: $(STAMP_RUN) $(STAMP_PKG)
dev: $(STAMP_DEV) $(STAMP_PKG)

build: $(STAMP_RUN) $(STAMP_PKG) $(if $(EMBEDDINGS),$(VENV)/.installed-embeddings)
	$(BIN)/python -m graph build --fresh --store embedded --db $(DB)

run: build
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true -- --store embedded --db $(DB)

neo4j-up: $(STAMP_RUN) $(STAMP_PKG)
	$(BIN)/python scripts/neo4j_server.py up

neo4j-down:
	@if [ -x $(BIN)/python ]; then $(BIN)/python scripts/neo4j_server.py down; fi

neo4j-status: $(STAMP_RUN) $(STAMP_PKG)
	$(BIN)/python scripts/neo4j_server.py status

neo4j-reset: $(STAMP_RUN) $(STAMP_PKG)
	$(BIN)/python scripts/neo4j_server.py reset

build-neo4j: $(STAMP_RUN) $(STAMP_PKG)
	@if [ -z "$$NEO4J_URI" ]; then $(BIN)/python scripts/neo4j_server.py up; fi
	$(BIN)/python -m graph build --fresh --store neo4j

run-neo4j: build-neo4j
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true -- --store neo4j

# Headless Chromium for the real-browser test, from Debian's packages (needs root and apt).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium from Debian for the browser test"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; \
	  else echo "chromium is missing and cannot be installed here: the browser test will say so"; fi; }

# Lint and type gates (configured in pyproject.toml); `make test` runs them first.
lint: $(STAMP_DEV) $(STAMP_PKG)
	$(BIN)/ruff check .
	$(BIN)/mypy

# Starts the project's Neo4j (unless NEO4J_URI points at one), runs every test against
# both stores, and stops the server it started whatever the outcome.
test: lint browser
	@set -o pipefail; started=0; \
	if [ -z "$$NEO4J_URI" ]; then $(BIN)/python scripts/neo4j_server.py up || exit 1; started=1; fi; \
	$(BIN)/python -m pytest -q -p no:cacheprovider tests; rc=$$?; \
	if [ $$started = 1 ]; then $(BIN)/python scripts/neo4j_server.py down; fi; \
	exit $$rc

bench: $(STAMP_DEV) $(STAMP_PKG)
	@started=0; \
	if [ -z "$$NEO4J_URI" ]; then $(BIN)/python scripts/neo4j_server.py up || exit 1; started=1; fi; \
	rc=0; \
	for b in bench_stores bench_parse bench_build bench_similarity bench_neo4j_build; do \
	  [ -f bench/$$b.py ] || continue; echo "== bench/$$b.py"; $(BIN)/python -m bench.$$b || { rc=$$?; break; }; \
	done; \
	if [ $$rc = 0 ]; then echo "== bench/bench_scale.py --plans $(SCALE)"; \
	  $(BIN)/python -m bench.bench_scale --plans $(SCALE) || rc=$$?; fi; \
	if [ $$rc = 0 ]; then echo "== bench/bench_queries.py --plans $(lastword $(SCALE))"; \
	  $(BIN)/python -m bench.bench_queries --plans $(lastword $(SCALE)) || rc=$$?; fi; \
	if [ $$rc = 0 ]; then echo "== bench/bench_memory.py --mb $(MEMORY_MB)"; \
	  $(BIN)/python -m bench.bench_memory --mb $(MEMORY_MB) || rc=$$?; fi; \
	if [ $$started = 1 ]; then $(BIN)/python scripts/neo4j_server.py down; fi; \
	exit $$rc

clean:
	rm -rf $(DB) $(DB).wal $(DB).lock data/embeddings
