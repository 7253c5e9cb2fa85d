"""Clear messages instead of tracebacks for configuration mistakes (issue 12, item 8)."""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from graph.config import NEO4J_SCHEMES, neo4j_settings, open_store
from graph.store import StoreError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "https://example.org", "127.0.0.1:7687", "bolt:/x",
                                 "neo4j+x://h", "bolt://"])
def test_a_wrong_neo4j_uri_scheme_lists_the_accepted_ones(monkeypatch, uri):
    monkeypatch.setenv("NEO4J_URI", uri)
    with pytest.raises(StoreError) as e:
        neo4j_settings()
    for scheme in ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"):
        assert f"{scheme}://" in str(e.value)
    assert repr(uri) in str(e.value)
    with pytest.raises(StoreError):
        open_store("neo4j")


def test_accepted_schemes_pass(monkeypatch):
    for scheme in NEO4J_SCHEMES:
        monkeypatch.setenv("NEO4J_URI", f"{scheme}://127.0.0.1:7687")
        assert neo4j_settings().uri == f"{scheme}://127.0.0.1:7687"


def test_the_cli_says_so_without_a_traceback(tmp_path):
    env = {**os.environ, "NEO4J_URI": "http://127.0.0.1:7474", "NEO4J_PASSWORD": "x"}
    r = subprocess.run([sys.executable, "-m", "graph", "query", "regions", "--store", "neo4j"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr and "ModuleNotFoundError" not in r.stderr
    assert "bolt+ssc://" in r.stderr


def test_streamlit_shows_users_no_error_details():
    """client.showErrorDetails: Streamlit 1.67 takes full, stacktrace, type or none (or the legacy
    true/false); "none" shows a short notice and keeps the traceback in the server log."""
    conf = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert conf["client"]["showErrorDetails"] == "none"
    from streamlit.config import ShowErrorDetailsConfigOptions

    assert conf["client"]["showErrorDetails"] in {o.value for o in ShowErrorDetailsConfigOptions}
