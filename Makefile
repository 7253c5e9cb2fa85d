# Plangraph: `make run` and `make test` are the two commands (see README.md).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
PORT ?= 8501
DB ?= data/graph.lbug

.PHONY: run run-neo4j test build build-neo4j neo4j-up neo4j-down neo4j-status neo4j-reset bench venv dev clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP_RUN): requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(STAMP_DEV): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(STAMP_RUN)

venv: $(STAMP_RUN)
dev: $(STAMP_DEV)

build: $(STAMP_RUN)
	$(BIN)/python -m graph build --fresh --store embedded --db $(DB)

run: build
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true -- --store embedded --db $(DB)

neo4j-up: $(STAMP_RUN)
	$(BIN)/python scripts/neo4j_server.py up

neo4j-down:
	@if [ -x $(BIN)/python ]; then $(BIN)/python scripts/neo4j_server.py down; fi

neo4j-status: $(STAMP_RUN)
	$(BIN)/python scripts/neo4j_server.py status

neo4j-reset: $(STAMP_RUN)
	$(BIN)/python scripts/neo4j_server.py reset

build-neo4j: $(STAMP_RUN)
	@if [ -z "$$NEO4J_URI" ]; then $(BIN)/python scripts/neo4j_server.py up; fi
	$(BIN)/python -m graph build --fresh --store neo4j

run-neo4j: build-neo4j
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true -- --store neo4j

# Starts the project's Neo4j (unless NEO4J_URI points at one), runs every test against
# both stores, and stops the server it started whatever the outcome.
test: $(STAMP_DEV)
	@set -o pipefail; started=0; \
	if [ -z "$$NEO4J_URI" ]; then $(BIN)/python scripts/neo4j_server.py up || exit 1; started=1; fi; \
	$(BIN)/python -m pytest -q -p no:cacheprovider tests; rc=$$?; \
	if [ $$started = 1 ]; then $(BIN)/python scripts/neo4j_server.py down; fi; \
	exit $$rc

bench: $(STAMP_DEV)
	@started=0; \
	if [ -z "$$NEO4J_URI" ]; then $(BIN)/python scripts/neo4j_server.py up || exit 1; started=1; fi; \
	$(BIN)/python bench/bench_stores.py; rc=$$?; \
	[ $$rc = 0 ] && $(BIN)/python bench/bench_parse.py || rc=$$?; \
	[ $$rc = 0 ] && $(BIN)/python bench/bench_build.py || rc=$$?; \
	if [ $$started = 1 ]; then $(BIN)/python scripts/neo4j_server.py down; fi; \
	exit $$rc

clean:
	rm -rf $(DB) $(DB).wal data/embeddings
