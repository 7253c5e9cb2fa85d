"""Fetch, configure, start and stop the project's own Neo4j Community server.

The server jars come from Maven Central (org.neo4j:neo4j with its dependencies,
entry class org.neo4j.server.CommunityEntryPoint) into .cache/neo4j/lib, outside
git. Bolt listens on 127.0.0.1 only, on 7687 or a free port if that is taken; the
password is generated once and kept in .cache/neo4j. Usage:

    python scripts/neo4j_server.py fetch|up|down|status
"""
from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

NEO4J_VERSION = "5.26.30"  # Neo4j Community 5.26 LTS, the last line that runs on Java 17
ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("PLANGRAPH_CACHE", ROOT / ".cache")) / "neo4j"
LIB = CACHE / "lib"
HOME = CACHE / "home"
CONF_DIR = HOME / "conf"
PID_FILE = CACHE / "neo4j.pid"
PASSWORD_FILE = CACHE / "password"
CONNECTION_FILE = CACHE / "connection.json"
CONSOLE_LOG = HOME / "logs" / "console.log"
HEAP = os.environ.get("PLANGRAPH_NEO4J_HEAP", "768m")

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>plangraph</groupId><artifactId>neo4j-server</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{version}</version></dependency>
  </dependencies>
</project>
"""


def fail(msg: str) -> None:
    print(f"neo4j: {msg}", file=sys.stderr)
    raise SystemExit(1)


def java_binary() -> str:
    """Java 17 or 21: what Neo4j 5.26 supports."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    if shutil.which("java"):
        candidates.append(Path(shutil.which("java")))
    jvm = Path("/usr/lib/jvm")
    candidates += sorted(jvm.glob("*17*/bin/java")) + sorted(jvm.glob("*21*/bin/java"))
    for java in candidates:
        if not java.exists():
            continue
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True).stderr
        m = re.search(r'version "(\d+)', out)
        if m and int(m.group(1)) in (17, 21):
            return str(java)
    fail("no Java 17 or 21 found (Neo4j 5.26 needs one); set JAVA_HOME")
    return ""


def fetch() -> None:
    stamp = LIB / f".complete-{NEO4J_VERSION}"
    if stamp.exists():
        return
    if not shutil.which("mvn"):
        fail("Maven (mvn) is needed to fetch the Neo4j server jars from Maven Central")
    CACHE.mkdir(parents=True, exist_ok=True)
    if LIB.exists():
        shutil.rmtree(LIB)
    (CACHE / "pom.xml").write_text(POM.format(version=NEO4J_VERSION))
    print(f"neo4j: fetching org.neo4j:neo4j:{NEO4J_VERSION} and its dependencies with mvn …", flush=True)
    r = subprocess.run(["mvn", "-q", "-B", "-f", str(CACHE / "pom.xml"), "dependency:copy-dependencies",
                        f"-DoutputDirectory={LIB}"], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"mvn could not fetch the server jars:\n{(r.stdout + r.stderr)[-3000:]}")
    if not any(LIB.glob("neo4j-server-*.jar")):
        fail(f"mvn ran but {LIB} has no neo4j-server jar")
    stamp.write_text(NEO4J_VERSION)


def port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def recorded_port() -> int | None:
    """The Bolt port of the last start, from connection.json (clients hold that address)."""
    try:
        return int(json.loads(CONNECTION_FILE.read_text())["uri"].rsplit(":", 1)[1])
    except (OSError, ValueError, KeyError, IndexError):
        return None


def pick_port(recorded: int | None = None) -> int:
    """The recorded port when it is free (a restarted server keeps its address, so a client
    that lost it can reconnect), else 7687, else any free port."""
    if recorded and port_free(recorded):
        return recorded
    if recorded:
        print(f"neo4j: the recorded port {recorded} is taken by another program; choosing another "
              "(clients that kept the old address must reconnect)", file=sys.stderr)
    if port_free(7687):
        return 7687
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


IMPORT_DIR = HOME / "no-import"  # LOAD CSV's root: an empty folder (and file URLs are off anyway)


def conf_text(port: int) -> str:
    """neo4j.conf. Besides where things live and Bolt on 127.0.0.1 only, it closes the doors a
    user-typed query could open on the machine (issue 12; names checked against the 5.26 operations
    manual's configuration settings and the settings classes of the 5.26.30 jars):
    - dbms.security.allow_csv_import_from_file_urls=false: LOAD CSV may not read file:/// URLs;
    - server.directories.import: LOAD CSV's file root, an empty folder inside the home;
    - dbms.security.procedures.allowlist (empty): no extension procedures or functions are loaded
      (APOC and the like), and dbms.security.procedures.unrestricted (empty): none runs unrestricted;
    - internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0: LOAD CSV (and apoc.load.*) may fetch from no
      IPv4 or IPv6 address, so no request to 127.0.0.1 or the network can be forged.
    """
    return f"""# generated by scripts/neo4j_server.py; edits are overwritten
server.default_listen_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:{port}
server.bolt.advertised_address=127.0.0.1:{port}
server.http.enabled=false
server.https.enabled=false
server.directories.data={HOME / 'data'}
server.directories.logs={HOME / 'logs'}
server.directories.run={HOME / 'run'}
server.directories.import={IMPORT_DIR}
server.directories.plugins={HOME / 'plugins'}
server.memory.pagecache.size=256m
dbms.security.auth_enabled=true
dbms.security.allow_csv_import_from_file_urls=false
dbms.security.procedures.allowlist=
dbms.security.procedures.unrestricted=
internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0
dbms.usage_report.enabled=false
db.transaction.timeout=120s
"""


def private_dir(path: Path) -> None:
    """A folder only this user can enter (mode 0700)."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)


def write_private(path: Path, text: str) -> None:
    """A file only this user can read (0600), never readable by others even for a moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    path.chmod(0o600)


def write_conf(port: int) -> None:
    private_dir(CACHE)
    private_dir(HOME)
    for d in ("conf", "data", "logs", "run", "plugins"):
        private_dir(HOME / d)
    if IMPORT_DIR.exists():  # ours and meant to be empty: nothing may sit where LOAD CSV looks
        shutil.rmtree(IMPORT_DIR)
    private_dir(IMPORT_DIR)
    write_private(CONF_DIR / "neo4j.conf", conf_text(port))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie is not a server
        return "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return True


def running_pid() -> int | None:
    if PID_FILE.exists():
        pid = int(PID_FILE.read_text().strip() or 0)
        if pid and pid_alive(pid):
            return pid
    return None


def log_tail(n: int = 40) -> str:
    parts = []
    for f in (CONSOLE_LOG, HOME / "logs" / "neo4j.log", HOME / "logs" / "debug.log"):
        if f.exists():
            lines = f.read_text(errors="replace").splitlines()[-n:]
            parts.append(f"--- {f} (last {len(lines)} lines)\n" + "\n".join(lines))
    return "\n".join(parts) or "(no log written)"


def _try_connect(uri: str, password: str) -> str:
    """'ok', 'initial' (the fresh server still had the default password), 'refused' (neither ours nor
    the default works) or 'down'."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

    try:
        with GraphDatabase.driver(uri, auth=("neo4j", password)) as d:
            d.verify_connectivity()
            return "ok"
    except AuthError:
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", "neo4j")) as d:
                with d.session(database="system") as s:
                    s.run("ALTER CURRENT USER SET PASSWORD FROM $old TO $new", old="neo4j", new=password).consume()
            return "initial"
        except (AuthError, ClientError):
            return "refused"
    except (ServiceUnavailable, OSError):
        return "down"
    return "down"


def up(timeout: float) -> None:
    fetch()
    password = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else None
    if password is None:
        password = secrets.token_urlsafe(18)
        private_dir(CACHE)
        write_private(PASSWORD_FILE, password)
        if (HOME / "data").exists():  # a data folder from an unknown password cannot be opened
            shutil.rmtree(HOME / "data")
    pid = running_pid()
    if pid and CONNECTION_FILE.exists():
        uri = json.loads(CONNECTION_FILE.read_text())["uri"]
        conf = CONF_DIR / "neo4j.conf"
        current = conf.exists() and conf.read_text() == conf_text(int(uri.rsplit(":", 1)[1]))
        if not current:
            print("neo4j: the running server has an older configuration; restarting it with the current one")
        else:
            state = _try_connect(uri, password)
            if state == "ok":
                print(f"neo4j: already running (pid {pid}) at {uri}")
                return
            if state == "refused":
                fail(f"Neo4j at {uri} refuses the password in {PASSWORD_FILE}; run `make neo4j-reset`")
        down()
    port = pick_port(recorded_port())
    write_conf(port)
    uri = f"bolt://127.0.0.1:{port}"
    java = java_binary()
    cmd = [java, f"-Xms{HEAP}", f"-Xmx{HEAP}", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8",
           "-cp", f"{LIB}/*", "org.neo4j.server.CommunityEntryPoint",
           f"--home-dir={HOME}", f"--config-dir={CONF_DIR}"]
    CONSOLE_LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(CONSOLE_LOG, "ab") as log:
        # umask 077: every file the server writes (store, transaction logs, auth) is the user's only.
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=HOME, start_new_session=True, preexec_fn=lambda: os.umask(0o077))
    PID_FILE.write_text(str(proc.pid))
    deadline = time.monotonic() + timeout
    refused_since = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            fail(f"the server exited with code {proc.returncode} before Bolt answered\n{log_tail()}")
        state = _try_connect(uri, password)
        if state in ("ok", "initial"):
            write_private(CONNECTION_FILE, json.dumps({"uri": uri, "user": "neo4j", "password": password}))
            print(f"neo4j: up (pid {proc.pid}) at {uri}; credentials in {CONNECTION_FILE}")
            return
        # Bolt can answer before the system database is ready, refusing every login for a moment
        # (and a few refusals lock the user for seconds): only a refusal that lasts is an answer.
        refused_since = (refused_since or time.monotonic()) if state == "refused" else None
        if refused_since is not None and time.monotonic() - refused_since > 45:
            os.killpg(proc.pid, signal.SIGKILL)
            fail(f"Neo4j at {uri} refuses the password in {PASSWORD_FILE}; run `make neo4j-reset`")
        time.sleep(2.0 if state == "refused" else 1.0)
    os.killpg(proc.pid, signal.SIGKILL)
    fail(f"Bolt did not answer at {uri} within {timeout:.0f} s\n{log_tail()}")


def down() -> None:
    pid = running_pid()
    if not pid:
        print("neo4j: not running")
        PID_FILE.unlink(missing_ok=True)
        return
    os.kill(pid, signal.SIGTERM)
    for _ in range(120):
        if not pid_alive(pid):
            break
        time.sleep(0.5)
    else:
        os.killpg(pid, signal.SIGKILL)
    PID_FILE.unlink(missing_ok=True)
    print(f"neo4j: stopped (pid {pid})")


def status() -> int:
    pid = running_pid()
    if pid and CONNECTION_FILE.exists():
        print(f"neo4j: running (pid {pid}) at {json.loads(CONNECTION_FILE.read_text())['uri']}")
        return 0
    print("neo4j: not running")
    return 3


def reset() -> None:
    down()
    for p in (HOME / "data", PASSWORD_FILE, CONNECTION_FILE):
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink(missing_ok=True)
    print("neo4j: data and password removed")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("fetch", "up", "down", "status", "reset"))
    ap.add_argument("--timeout", type=float, default=float(os.environ.get("PLANGRAPH_NEO4J_TIMEOUT", 180)))
    a = ap.parse_args()
    if a.action == "fetch":
        fetch()
    elif a.action == "up":
        up(a.timeout)
    elif a.action == "down":
        down()
    elif a.action == "reset":
        reset()
    else:
        return status()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
