"""How fast the Compare page shows the indicators x regions matrix (issue 11: under 2 s for 12 plans).

Times, on a built store (--db, e.g. the seeds plus seven tuning documents built together) or on a
synthetic one of --plans plans: the compare_matrix query, build_matrix, and the whole Compare page
through Streamlit's AppTest (a first run in a fresh process cache, then a cached rerun), median of
--repeat runs.  Results: bench/results/compare.json.

    .venv/bin/python -m bench.bench_compare [--db PATH] [--plans 12] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from graph.embedded_store import EmbeddedStore
from graph.matrix import build_matrix
from model.records import GraphRecords

ROOT = Path(__file__).resolve().parent.parent


def synthetic_store(path: Path, plans: int, per_plan: int = 150) -> Path:
    """Regions of three levels, each plan stating targets of shared and own indicators."""
    import random

    rnd = random.Random(3)
    r = GraphRecords()
    r.add_node("domain:childcare", "Domain", name="托育服务", name_en="Childcare")
    for k in range(400):
        r.add_node(f"indicator:i{k}", "Indicator", name=f"指标{k}覆盖率", quantity_kind="share", unit="%",
                   unit_norm="%")
        if k % 4 == 0:
            r.add_rel("IN_DOMAIN", (f"indicator:i{k}", "Indicator"), ("domain:childcare", "Domain"))
    for p in range(plans):
        level = ("province", "prefecture", "county")[p % 3]
        rid, pid = f"region:r{p}", f"plan:r{p}:2025"
        r.add_node(rid, "Region", name=f"地区{p}", name_en=f"R{p}", level=level)
        r.add_node(pid, "Plan", title=f"规划{p}", period_start=2021, period_end=2025)
        r.add_rel("FOR_REGION", (pid, "Plan"), (rid, "Region"))
        for t in range(per_plan):
            k = rnd.randrange(60) if t < per_plan // 2 else rnd.randrange(400)
            tid = f"target:r{p}:{t}"
            value = round(rnd.uniform(1, 100), 1)
            r.add_node(tid, "Target", value=value, value_norm=value, unit="%", unit_norm="%", comparator=">=",
                       year=rnd.choice((2025, 2025, 2030)), kind="target", indicator_text=f"指标{k}覆盖率",
                       plan_id=pid, quote=f"到2025年，指标{k}覆盖率达到{value}%以上。", span_start=t * 40,
                       span_end=t * 40 + 20, baseline_value=round(value / 2, 1), baseline_year=2020,
                       attribute=rnd.choice(("约束性", "预期性", None)))
            r.add_rel("SETS_TARGET", (pid, "Plan"), (tid, "Target"), plan_id=pid, quote="q", span_start=0, span_end=1)
            r.add_rel("MEASURES", (tid, "Target"), (f"indicator:i{k}", "Indicator"), score=1.0, method="key")
    store = EmbeddedStore(path)
    store.ensure_schema()
    store.write(r)
    from pipeline.regions import rank_regions

    rank_regions(store)  # the regions' pages, as a build writes them
    store.close()
    return path


def page_seconds(db: Path, runs: int) -> tuple[float, float, float, float]:
    """(first run, cached rerun) of the Compare page in wall and CPU seconds of this process, medians
    over `runs` fresh AppTests (CPU time is what the page costs on a machine nobody else is using)."""
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["PLANGRAPH_STORE"] = "embedded"
    os.environ["PLANGRAPH_DB"] = str(db)
    first, cached, first_cpu, cached_cpu = [], [], [], []
    for _ in range(runs):
        import streamlit as st

        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        t, c = time.perf_counter(), time.process_time()
        at.switch_page("explorer/pages/compare.py").run()
        first.append(time.perf_counter() - t)
        first_cpu.append(time.process_time() - c)
        assert not at.exception, [e.value for e in at.exception]
        t, c = time.perf_counter(), time.process_time()
        at.run()
        cached.append(time.perf_counter() - t)
        cached_cpu.append(time.process_time() - c)
    med = statistics.median
    return med(first), med(cached), med(first_cpu), med(cached_cpu)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path)
    ap.add_argument("--plans", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "compare.json")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pg-compare-") as tmp:
        db = a.db or synthetic_store(Path(tmp) / "g.lbug", a.plans)
        store = EmbeddedStore(db, read_only=True)
        q, m = [], []
        every = {"region_limit": max(1, store.read("MATCH (r:Region) RETURN count(r) AS n").rows[0][0])}  # all
        for _ in range(a.repeat):
            t = time.perf_counter()
            rows = store.query("compare_matrix", every).records()
            q.append(time.perf_counter() - t)
            t = time.perf_counter()
            matrix = build_matrix(rows)
            m.append(time.perf_counter() - t)
        plans = store.read("MATCH (p:Plan) RETURN count(p) AS n").rows[0][0]
        store.close()
        first, cached, first_cpu, cached_cpu = page_seconds(db, a.repeat)
        import os

        load = os.getloadavg()[0]
    result = {"what": "Compare page with the indicators x regions matrix (bench/bench_compare.py)",
              "store": str(a.db) if a.db else f"synthetic, {a.plans} plans x 150 targets",
              "plans": plans, "statements": len(rows), "indicators": len(matrix.rows),
              "regions": len(matrix.regions), "shared_indicators": len(matrix.shared),
              "query_seconds": round(statistics.median(q), 3), "matrix_seconds": round(statistics.median(m), 3),
              "page_first_seconds": round(first, 2), "page_cached_seconds": round(cached, 2),
              "page_first_cpu_seconds": round(first_cpu, 2), "page_cached_cpu_seconds": round(cached_cpu, 2),
              "machine": f"2-core development machine shared with other work (load average {load:.1f})"}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    out = json.loads(a.out.read_text(encoding="utf-8")) if a.out.exists() else {}
    out["real" if a.db else "synthetic"] = result
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
