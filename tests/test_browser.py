"""One real browser: `streamlit run app.py` on a fixture database, opened by headless Chromium.

Needs the Debian package `chromium` (/usr/bin/chromium); a CJK font (fonts-wqy-zenhei or
fonts-noto-cjk) makes the screenshot legible. Without chromium the test skips, except under
CI=true, where it fails: a green CI always means the browser really rendered the app.
The screenshot is kept in tests/artifacts/explorer.png.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.graph_fixture import comparison_graph

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("PLANGRAPH_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return found
    msg = (f"the browser test needs Chromium at {CHROMIUM} (Debian/Ubuntu: apt-get install -y chromium)")
    if IN_CI:
        pytest.fail(msg + "; it is required under CI=true", pytrace=False)
    pytest.skip(msg)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"streamlit exited early with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"streamlit did not answer {url} within {seconds:.0f} s")


@pytest.fixture(scope="module")
def served_app(tmp_path_factory):
    from graph.embedded_store import EmbeddedStore

    tmp_path = tmp_path_factory.mktemp("browser")
    db = tmp_path / "graph.lbug"
    s = EmbeddedStore(db)
    s.ensure_schema()
    s.write(comparison_graph())
    s.close()
    port = _free_port()
    log = open(tmp_path / "streamlit.log", "wb")
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--",
         "--store", "embedded", "--db", str(db)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        _wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc)
        _wait_for(f"http://127.0.0.1:{port}/", proc)
        yield f"http://127.0.0.1:{port}/", tmp_path
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)
        log.close()


CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000"]


class Browser:
    """Headless Chromium driven over the DevTools protocol (the `websockets` client, a Streamlit
    dependency: nothing to install). `--virtual-time-budget` with `--dump-dom`/`--screenshot` does not
    wait for Streamlit's websocket, so the one-shot flags only ever see the empty page shell; here
    the test waits, bounded, until the rendered page shows what it expects."""

    def __init__(self, binary: str, profile: Path):
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [binary, *CHROME_FLAGS, f"--user-data-dir={profile}", f"--remote-debugging-port={self.port}",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self._id = 0

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)

    def _page_ws(self, seconds: float = 30) -> str:
        import json

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=2) as r:
                    pages = [t for t in json.load(r) if t.get("type") == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise AssertionError(f"chromium exited with {self.proc.returncode}")
            time.sleep(0.2)
        raise AssertionError("chromium's DevTools endpoint did not come up")

    def render(self, url: str, expect: list[str], screenshot: Path, seconds: float = 45, ready: str = "true") -> str:
        """Open url, wait until the page text contains every string in expect and the JS expression
        `ready` is true, save a PNG; return the DOM."""
        import base64
        import json

        from websockets.sync.client import connect  # a Streamlit dependency

        with connect(self._page_ws(), max_size=None, open_timeout=30) as ws:
            def call(method, **params):
                self._id += 1
                ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
                while True:
                    data = json.loads(ws.recv(timeout=30))
                    if data.get("id") == self._id:
                        if "error" in data:
                            raise AssertionError(f"{method}: {data['error']}")
                        return data["result"]

            def evaluate(expression: str):
                return call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

            call("Page.enable")
            call("Page.navigate", url=url)
            deadline = time.monotonic() + seconds
            body = ""
            while time.monotonic() < deadline:
                body = evaluate("document.body ? document.body.innerText : ''") or ""
                if all(e in body for e in expect) and evaluate(f"Boolean({ready})"):
                    break
                time.sleep(0.5)
            else:
                raise AssertionError(f"the page never showed {expect} (ready: {ready}); it showed: {body[:800]!r}")
            time.sleep(2)  # let charts and fonts settle before the screenshot
            shot = call("Page.captureScreenshot", format="png")
            screenshot.write_bytes(base64.b64decode(shot["data"]))
            return evaluate("document.documentElement.outerHTML")


def test_app_renders_in_a_real_browser(served_app):
    binary = _chromium()
    url, tmp = served_app
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "explorer.png"
    shot.unlink(missing_ok=True)

    browser = Browser(binary, tmp / "chrome-profile")
    try:
        page = browser.render(url, ["Plangraph", "吴兴区", "Store in use"], shot)
    finally:
        browser.close()
    assert "吴兴区" in page and "扬州市" in page, "the Overview page's region table did not render"
    assert "Compare" in page and "Cypher" in page  # the navigation
    assert "Cannot open the graph store" not in page

    assert shot.exists(), "chromium wrote no screenshot"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000, f"screenshot is only {len(data)} bytes: the page probably did not render"


# The pyvis graph is drawn on a canvas inside the components.html iframe (srcdoc: same origin).
GRAPH_DRAWN = ("[...document.querySelectorAll('iframe')].some(f => { try { "
               "return !!f.contentDocument.querySelector('#mynetwork canvas'); } catch (e) { return false; } })")


def test_compare_and_graph_pages_render(served_app):
    binary = _chromium()
    url, tmp = served_app
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser = Browser(binary, tmp / "chrome-profile-2")
    try:
        browser.render(url + "compare", ["Compare regions", "Targets per indicator", "Instrument mix", "2 regions"],
                       ARTIFACTS / "compare.png", ready="document.querySelectorAll('canvas, svg').length > 2")
        page = browser.render(url + "graph", ["Graph neighbourhood", "relationships"], ARTIFACTS / "graph.png",
                              ready=GRAPH_DRAWN)
    finally:
        browser.close()
    assert "Graph neighbourhood" in page
    for name in ("compare.png", "graph.png"):
        assert (ARTIFACTS / name).stat().st_size > 20_000
