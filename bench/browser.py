"""Headless Chromium driven over the DevTools protocol, for the real-browser test (tests/test_browser.py)
and the page-timing bench (bench/bench_pages.py). The client is `websockets`, a Streamlit dependency:
nothing to install; the browser is Debian's `chromium` (`make browser`)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
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


CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000"]


class Browser:
    """Headless Chromium driven over the DevTools protocol (the `websockets` client, a Streamlit
    dependency: nothing to install). `--virtual-time-budget` with `--dump-dom`/`--screenshot` does not
    wait for Streamlit's websocket, so the one-shot flags only ever see the empty page shell; here
    the test waits, bounded, until the rendered page shows what it expects."""

    def __init__(self, binary: str, profile: Path):
        self.port = free_port()
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

    def render(self, url: str, expect: list[str], screenshot: Path | None = None, seconds: float = 45,
               ready: str = "true", poll: float = 0.5) -> str:
        """Open url, wait until the page text contains every string in expect and the JS expression
        `ready` is true, save a PNG (when ``screenshot``); return the DOM. ``self.elapsed``: the seconds
        from the navigation to the first poll that found the page ready."""
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
            started = time.monotonic()
            call("Page.navigate", url=url)
            deadline = started + seconds
            body = ""
            while time.monotonic() < deadline:
                body = evaluate("document.body ? document.body.innerText : ''") or ""
                if all(e in body for e in expect) and evaluate(f"Boolean({ready})"):
                    break
                time.sleep(poll)
            else:
                raise AssertionError(f"the page never showed {expect} (ready: {ready}); it showed: {body[:800]!r}")
            self.elapsed = time.monotonic() - started
            if screenshot is not None:
                time.sleep(2)  # let charts and fonts settle before the screenshot
                shot = call("Page.captureScreenshot", format="png")
                screenshot.write_bytes(base64.b64decode(shot["data"]))
            return evaluate("document.documentElement.outerHTML")


@contextmanager
def serve_app(db: Path, log: Path, root: Path, store: str = "embedded"):
    """`streamlit run app.py` on ``db`` at a free port, yielding its URL; stopped afterwards."""
    port = free_port()
    out = open(log, "wb")
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--",
         "--store", store, "--db", str(db)],
        cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc)
        wait_for(f"http://127.0.0.1:{port}/", proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)
        out.close()
