"""The real build on Neo4j against the same build on the embedded store (issue 14, deliver 2:
"the Neo4j build within 2x of the embedded one").

Both stores build the same first N plans of the generated corpus (bench/corpus.py) with
``--fresh`` and no similarity (the similarity phase is the same code on both), one after the other
in this process, timed by phase; the machine's load is recorded with them, since a shared
machine's load moves the parse phase most. Needs the project's Neo4j (``scripts/neo4j_server.py
up``, which ``make bench`` starts) or NEO4J_URI. Writes bench/results/neo4j_build.json.

    python -m bench.bench_neo4j_build [--plans 100]
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "neo4j_build.json"


def _one(kind: str, folder: Path, db: Path) -> dict:
    from graph.config import open_build_store
    from pipeline.build import build

    load = os.getloadavg()[0]
    with open_build_store(kind, db_path=db, fresh=True) as store:
        r = build(folder, store, similarity="none", progress=False, cache_dir=None)
    if r.failed:
        raise SystemExit(f"{kind}: {len(r.failed)} plans failed, e.g. {r.failed[0].file}: {r.failed[0].error}")
    return {"store": kind, "seconds": round(r.seconds, 2), "load_before": round(load, 2),
            "phases": {k: round(v, 2) for k, v in sorted(r.timings.items())},
            "records_written": r.records_written,
            "write_records_per_second": (round(r.records_written / r.timings["write"])
                                         if r.timings.get("write") else None)}


def main(argv: list[str] | None = None) -> dict:
    from bench.bench_scale import _folder_of
    from bench.corpus import corpus

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plans", type=int, default=100)
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pg-neo4j-build-") as tmp:
        folder = _folder_of(corpus(a.plans), Path(tmp) / "plans", a.plans)
        emb = _one("embedded", folder, Path(tmp) / "graph.lbug")
        neo = _one("neo4j", folder, Path(tmp) / "unused.lbug")
    out = {"what": "fresh build of N generated plans, no similarity, embedded then Neo4j in one process",
           "plans": a.plans, "runs": [emb, neo],
           "neo4j_over_embedded": round(neo["seconds"] / emb["seconds"], 2),
           "write_neo4j_over_embedded": round(neo["phases"]["write"] / emb["phases"]["write"], 1)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return out


if __name__ == "__main__":
    main()
