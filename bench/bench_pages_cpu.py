"""CPU seconds of the explorer's script runs per page (issue 14, deliver 4), measured where wall time is
not: on a shared machine the browser bench (bench/bench_pages.py) mostly measures the load. Each page is
run through Streamlit's AppTest on an embedded store of N generated plans: first (st.cache_data and
st.cache_resource cleared, the store reopened) and cached (the same page run again), in CPU seconds of
this process (time.process_time: the script thread, the store's threads and Python together). It does
not count what the browser does with what the script sends (bench_pages measures that).

    python -m bench.bench_pages_cpu [--plans 1000 | --db PATH] [--runs 3] [--profile PAGE]

Writes bench/results/pages_cpu.json (labels not run keep their figures); --profile prints the top of a
cProfile of one page's first and cached run instead.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "pages_cpu.json"
APP = str(ROOT / "app.py")
PAGES = ["overview", "compare", "policies", "graph", "agencies"]


def _clear() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


_SENT = [0]  # bytes of the messages a run sends to the browser (what it must parse and draw)
_PROFILE: list[cProfile.Profile] = []


def _instrument() -> None:
    """Count the bytes each run sends; profile the script thread when asked (cProfile sees one thread)."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    if getattr(ScriptRunner, "_bench_patched", False):
        return
    enqueue, run_script = ScriptRunner._enqueue_forward_msg, ScriptRunner._run_script

    def _enqueue(self, msg):
        _SENT[0] += msg.ByteSize()
        return enqueue(self, msg)

    def _run(self, rerun_data):
        if not _PROFILE:
            return run_script(self, rerun_data)
        _PROFILE[0].enable()
        try:
            return run_script(self, rerun_data)
        finally:
            _PROFILE[0].disable()

    ScriptRunner._enqueue_forward_msg = _enqueue  # type: ignore[method-assign]
    ScriptRunner._run_script = _run  # type: ignore[method-assign]
    ScriptRunner._bench_patched = True  # type: ignore[attr-defined]


_COMPONENTS: list = []  # AppTest scans every installed package for components once per instance: done once here


def _run(page: str, prof: cProfile.Profile | None = None) -> float:
    from streamlit.testing.v1 import AppTest

    _instrument()
    _SENT[0] = 0

    at = AppTest.from_file(APP, default_timeout=300)
    if _COMPONENTS:
        at._bidi_component_manager = _COMPONENTS[0]
    if page != "overview":
        at.switch_page(f"explorer/pages/{page}.py")
    _PROFILE[:] = [prof] if prof else []
    t0 = time.process_time()
    at.run()
    cpu = time.process_time() - t0
    if at.exception:
        raise SystemExit(f"{page}: {[e.value for e in at.exception]}")
    if not _COMPONENTS and at._bidi_component_manager is not None:
        _COMPONENTS.append(at._bidi_component_manager)
    return cpu


def measure(db: str, runs: int) -> dict[str, dict[str, float]]:
    os.environ["PLANGRAPH_STORE"] = "embedded"
    os.environ["PLANGRAPH_DB"] = db
    out: dict[str, dict[str, float]] = {}
    _run("overview")  # imports (streamlit, altair, pandas, the store) paid once, outside every figure
    for page in PAGES:
        _clear()
        first = _run(page)
        again = [_run(page) for _ in range(runs)]
        out[page] = {"first_cpu_s": round(first, 3), "cached_cpu_s": round(statistics.median(again), 3),
                     "sent_kb": round(_SENT[0] / 1024, 1)}
        print(f"{page:10s} first {first:6.2f} s  cached {statistics.median(again):6.2f} s CPU, "
              f"sends {_SENT[0] / 1024:8.1f} kB", flush=True)
    return out


def profile(db: str, page: str, top: int) -> None:
    os.environ["PLANGRAPH_STORE"] = "embedded"
    os.environ["PLANGRAPH_DB"] = db
    _run("overview")
    for what in ("first", "cached"):
        if what == "first":
            _clear()
        prof = cProfile.Profile()
        cpu = _run(page, prof)
        print(f"--- {page} {what}: {cpu:.2f} s CPU, sends {_SENT[0] / 1024:.1f} kB")
        pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--db", help="an existing embedded database instead of bench_queries' store of --plans plans")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--label", default="current")
    ap.add_argument("--profile", choices=PAGES)
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args()
    from bench.bench_queries import database_path

    db = str(database_path(a.plans, a.db))
    if a.profile:
        profile(db, a.profile, a.top)
        return 0
    pages = measure(db, a.runs)
    from graph.embedded_store import EmbeddedStore

    s = EmbeddedStore(Path(db), read_only=True)
    plans = s.counts().get("Plan", 0)
    s.close()
    doc = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    doc["what"] = ("CPU seconds (time.process_time) of one script run of each explorer page through Streamlit's "
                   "AppTest: first (caches cleared, store reopened) and cached (median of the reruns), and the kB "
                   "of messages a run sends to the browser; see "
                   "bench/bench_pages_cpu.py")
    doc.setdefault("runs", {})[a.label] = {"plans": plans, "pages": pages,
                                           "load_average": [round(x, 1) for x in os.getloadavg()[:2]]}
    RESULTS.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
