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


def test_server_script_starts_answers_and_stops(tmp_path, throwaway_neo4j_home):
    cache, env = throwaway_neo4j_home
    env["PLANGRAPH_NEO4J_HEAP"] = "256m"
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
            _server_closes_file_and_network_doors(d, tmp_path)
        _home_is_private(cache / "neo4j")
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


def _server_closes_file_and_network_doors(driver, tmp_path):
    """Issue 12: even a query that got past the console could not read a file or fetch a URL."""
    import http.server
    import threading

    from neo4j.exceptions import ClientError

    marker = "CANARY-server-" + os.urandom(8).hex()
    canary = tmp_path / "canary.csv"
    canary.write_text(f"{marker}\n")
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(marker.encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for url, why in ((f"file://{canary}", "allow_csv_import_from_file_urls"),
                         (f"http://127.0.0.1:{server.server_address[1]}/x.csv", "cypher_ip_blocklist"),
                         (f"http://localhost:{server.server_address[1]}/y.csv", "cypher_ip_blocklist")):
            with pytest.raises(ClientError) as e:
                driver.execute_query("LOAD CSV FROM $url AS row RETURN row", url=url)
            assert why in str(e.value) and marker not in str(e.value)
        assert not hits
    finally:
        server.shutdown()
        server.server_close()
    settings = {r["name"]: r["value"] for r in driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'dbms.security' OR name = 'server.directories.import' "
        "RETURN name, value").records}
    assert settings["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert settings["dbms.security.procedures.allowlist"] == ""
    assert settings["dbms.security.procedures.unrestricted"] == ""
    import_dir = Path(settings["server.directories.import"])
    assert import_dir.is_dir() and not any(import_dir.iterdir())


def _home_is_private(cache):
    """The home, its data and the password files are the user's alone (issue 12, item 8)."""
    for d in (cache, cache / "home", cache / "home" / "data", cache / "home" / "conf"):
        assert d.stat().st_mode & 0o777 == 0o700, d
    for f in (cache / "password", cache / "connection.json", cache / "home" / "conf" / "neo4j.conf"):
        assert f.stat().st_mode & 0o777 == 0o600, f
    others = [p for p in (cache / "home" / "data").rglob("*") if p.is_file() and p.stat().st_mode & 0o077]
    assert not others, others[:3]


def test_conf_closes_file_and_network_access(tmp_path, monkeypatch):
    """The generated neo4j.conf names the hardening options (no server needed)."""
    import importlib.util

    monkeypatch.setenv("PLANGRAPH_CACHE", str(tmp_path))
    spec = importlib.util.spec_from_file_location("neo4j_server_for_test", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    conf = mod.conf_text(7687)
    for line in ("dbms.security.allow_csv_import_from_file_urls=false",
                 "dbms.security.procedures.allowlist=\n", "dbms.security.procedures.unrestricted=\n",
                 "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
                 f"server.directories.import={tmp_path / 'neo4j' / 'home' / 'no-import'}",
                 "server.http.enabled=false", "server.default_listen_address=127.0.0.1"):
        assert line in conf, line
    mod.write_conf(7687)
    assert (tmp_path / "neo4j" / "home").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "neo4j" / "home" / "conf" / "neo4j.conf").stat().st_mode & 0o777 == 0o600
