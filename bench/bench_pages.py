"""Explorer page times in a real browser at scale (issue 14, deliver 4): seconds from navigation until
a page has finished running and shows what it should, first (a fresh `streamlit run`, nothing cached)
and cached (the same page opened again), on the embedded store of N generated plans that
bench/bench_queries.py builds and reuses. Needs Debian's `chromium` (`make browser`).

    python -m bench.bench_pages [--plans 1000] [--runs 3]

Writes bench/results/pages.json (sizes not run keep their figures).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "pages.json"
CHROMIUM = os.environ.get("PLANGRAPH_CHROMIUM", "/usr/bin/chromium")

# no script run under way (Streamlit shows its status widget while a page's script runs)
IDLE = "!document.querySelector('[data-testid=\"stStatusWidget\"]')"
GRAPH_DRAWN = ("[...document.querySelectorAll('iframe')].some(f => { try { "
               "return !!f.contentDocument.querySelector('#mynetwork canvas'); } catch (e) { return false; } })")
# page -> (texts it must show when done, a JS condition that must hold too)
PAGES: dict[str, tuple[list[str], str]] = {
    "": (["Plangraph", "Store in use", "Export the whole graph as RDF"], IDLE),
    "compare": (["Compare regions", "Instrument mix", "Behind a bar"],
                IDLE + " && document.querySelectorAll('canvas, svg').length > 2"),
    "policies": (["Policies", "measures", "Side by side"], IDLE),
    "graph": (["Graph neighbourhood", "relationships"], IDLE + " && " + GRAPH_DRAWN),
    "agencies": (["Agencies", "Who leads what"], IDLE),
}


def measure(db: Path, runs: int) -> dict[str, dict[str, float]]:
    from bench.browser import Browser, serve_app

    binary = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not binary:
        raise SystemExit("bench_pages needs Chromium (make browser)")
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, serve_app(db, Path(tmp) / "streamlit.log", ROOT) as url:
        browser = Browser(binary, Path(tmp) / "profile")
        try:
            for page, (expect, ready) in PAGES.items():
                browser.render(url + page, expect, ready=ready, seconds=120, poll=0.1)
                first = browser.elapsed
                again = []
                for _ in range(runs):
                    browser.render(url + page, expect, ready=ready, seconds=120, poll=0.1)
                    again.append(browser.elapsed)
                out[page or "overview"] = {"first_s": round(first, 2), "cached_s": round(statistics.median(again), 2),
                                           "cached_max_s": round(max(again), 2)}
                print(f"{page or 'overview':10s} first {first:6.2f} s  cached {statistics.median(again):6.2f} s "
                      f"(max {max(again):.2f})", flush=True)
        finally:
            browser.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--label", default="current")
    ap.add_argument("--db", type=Path, help="an existing embedded database instead (e.g. the seeds' graph, to see "
                    "what the browser and Streamlit cost alone on this machine)")
    a = ap.parse_args()
    from bench.bench_queries import database_path

    db = database_path(a.plans, a.db)
    load_before = os.getloadavg()[0]
    res = measure(db, a.runs)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    results["what"] = ("seconds from navigation until an explorer page has run and shows its last section, in "
                       "headless Chromium: first (fresh streamlit, nothing cached) and cached (median of the "
                       "reopenings); see bench/bench_pages.py")
    results["cpu"] = os.cpu_count()
    plans = a.plans
    if a.db:
        from graph.embedded_store import EmbeddedStore

        with EmbeddedStore(db, read_only=True) as s:
            plans = s.read("MATCH (p:Plan) RETURN count(p)").rows[0][0]
    results.setdefault("runs", {})[f"embedded-{plans}-{a.label}"] = {
        "plans": plans, "pages": res, "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)]}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
