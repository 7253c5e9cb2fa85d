"""The project's Neo4j server script really starts a server, which answers on Bolt, and stops it.

Runs a second, throwaway instance in its own cache folder (sharing the fetched jars),
so it never disturbs the server the rest of the suite uses; it takes a free port
because 7687 is normally taken by that one.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j_server.py"
MAIN_LIB = Path(os.environ.get("PLANGRAPH_CACHE", ROOT / ".cache")) / "neo4j" / "lib"


def run(action, env, timeout=240):
    return subprocess.run([sys.executable, str(SCRIPT), action], env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_server_script_starts_answers_and_stops(tmp_path):
    if not MAIN_LIB.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("the Neo4j jars are missing: `make test` fetches them with scripts/neo4j_server.py up")
        pytest.skip("Neo4j jars not fetched yet (make neo4j-up)")
    cache = tmp_path / "cache"
    (cache / "neo4j").mkdir(parents=True)
    (cache / "neo4j" / "lib").symlink_to(MAIN_LIB)
    env = {**os.environ, "PLANGRAPH_CACHE": str(cache), "PLANGRAPH_NEO4J_HEAP": "256m"}
    env.pop("NEO4J_URI", None)
    up = run("up", env)
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        conn = json.loads((cache / "neo4j" / "connection.json").read_text())
        assert conn["uri"].startswith("bolt://127.0.0.1:")
        assert len(conn["password"]) >= 16 and conn["password"] != "neo4j"
        conf = (cache / "neo4j" / "home" / "conf" / "neo4j.conf").read_text()
        assert "server.bolt.listen_address=127.0.0.1:" in conf and "server.http.enabled=false" in conf

        from neo4j import GraphDatabase

        with GraphDatabase.driver(conn["uri"], auth=(conn["user"], conn["password"])) as d:
            assert d.execute_query("RETURN 41 + 1 AS x").records[0]["x"] == 42
        pid = int((cache / "neo4j" / "neo4j.pid").read_text())
        assert run("status", env).returncode == 0
        again = run("up", env)  # idempotent: finds the running server
        assert again.returncode == 0 and "already running" in again.stdout
    finally:
        down = run("down", env)
    assert down.returncode == 0, down.stderr
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
    assert run("status", env).returncode == 3


def test_failed_start_shows_the_log_tail(tmp_path):
    """A server that cannot start is reported with the log tail, not a silent hang."""
    if not MAIN_LIB.exists():
        pytest.skip("Neo4j jars not fetched yet")
    cache = tmp_path / "cache"
    (cache / "neo4j").mkdir(parents=True)
    (cache / "neo4j" / "lib").symlink_to(MAIN_LIB)
    env = {**os.environ, "PLANGRAPH_CACHE": str(cache), "PLANGRAPH_NEO4J_HEAP": "1k", "PLANGRAPH_NEO4J_TIMEOUT": "60"}
    res = run("up", env)
    assert res.returncode != 0
    assert "neo4j:" in res.stderr and ("exited" in res.stderr or "did not answer" in res.stderr)
