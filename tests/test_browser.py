"""One real browser: `streamlit run app.py` on a fixture database, opened by headless Chromium.

Needs the Debian package `chromium` (/usr/bin/chromium); a CJK font (fonts-wqy-zenhei or
fonts-noto-cjk) makes the screenshot legible. Without chromium the test skips, except under
CI=true, where it fails: a green CI always means the browser really rendered the app.
The screenshot is kept in tests/artifacts/explorer.png.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench.browser import Browser, serve_app
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


@pytest.fixture(scope="module")
def served_app(tmp_path_factory):
    from graph.embedded_store import EmbeddedStore

    tmp_path = tmp_path_factory.mktemp("browser")
    db = tmp_path / "graph.lbug"
    s = EmbeddedStore(db)
    s.ensure_schema()
    s.write(comparison_graph())
    s.close()
    with serve_app(db, tmp_path / "streamlit.log", ROOT) as url:
        yield url, tmp_path


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
