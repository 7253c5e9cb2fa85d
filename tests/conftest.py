"""Shared fixtures: a real embedded store per test, the project's real Neo4j server.

Under CI=true a Neo4j that cannot be reached fails the run instead of skipping,
so a green CI always means the Neo4j half of the suite ran.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.store import StoreError

ROOT = Path(__file__).resolve().parent.parent

PLANS = ROOT / "data" / "plans"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _neo4j_or_skip():
    from graph.config import open_store

    try:
        return open_store("neo4j")
    except StoreError as e:
        if IN_CI:
            pytest.fail(f"Neo4j is required under CI=true and could not be reached: {e}", pytrace=False)
        pytest.skip(f"Neo4j not available ({e}); `make test` starts one")


@pytest.fixture(scope="session")
def neo4j_session_store():
    store = _neo4j_or_skip()
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture
def neo4j_store(neo4j_session_store):
    neo4j_session_store.clear()
    yield neo4j_session_store


@pytest.fixture
def embedded_store(tmp_path):
    from graph.embedded_store import EmbeddedStore

    store = EmbeddedStore(tmp_path / "graph.lbug")
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, tmp_path):
    """Each test that takes `store` runs once on each backend."""
    if request.param == "embedded":
        yield request.getfixturevalue("embedded_store")
    else:
        yield request.getfixturevalue("neo4j_store")
