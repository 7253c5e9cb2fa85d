"""Write throughput of both stores: batched UNWIND … MERGE versus one row per transaction.

Run by `make bench` (which starts the project's Neo4j). Writes bench/results/stores.json.
The one-row path is timed on a slice of the graph (it would take hours on all of it)
and reported as a rate; both paths write the same kind of records.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil

from bench.synthetic import synthetic_graph
from model.records import GraphRecords

ROOT = Path(__file__).resolve().parent.parent

RESULTS = ROOT / "bench" / "results"


class PeakRSS:
    """Samples the resident memory of this process and, for Neo4j, of the server too."""

    def __init__(self, pids):
        self.procs = [psutil.Process(p) for p in pids]
        self.peak = {p.pid: 0 for p in self.procs}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            for p in self.procs:
                try:
                    self.peak[p.pid] = max(self.peak[p.pid], p.memory_info().rss)
                except psutil.Error:
                    pass
            time.sleep(0.05)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def slice_records(g: GraphRecords, n_nodes: int, n_rels: int) -> GraphRecords:
    nodes = g.nodes[:n_nodes]
    ids = {n.id for n in nodes}
    rels = [r for r in g.relationships if r.start in ids and r.end in ids][:n_rels]
    return GraphRecords(nodes, rels)


def transactions(g: GraphRecords, size: int) -> list[GraphRecords]:
    """Cut a large graph into transactions of `size` records, nodes first, as a build of many plans does.

    One transaction of the whole graph would exceed Neo4j's per-transaction memory
    limit (dbms.memory.transaction.total.max, 70% of the small heap we give it).
    """
    if size <= 0:  # everything in one transaction per kind: all nodes, then all relationships
        size = max(len(g.nodes), len(g.relationships), 1)
    parts = [GraphRecords(nodes=g.nodes[i:i + size]) for i in range(0, len(g.nodes), size)]
    parts += [GraphRecords(relationships=g.relationships[i:i + size]) for i in range(0, len(g.relationships), size)]
    return parts


def bench_store(kind: str, g: GraphRecords, single_slice: GraphRecords, batch: int, tx_size: int) -> dict:
    from graph.config import CACHE_DIR, open_store

    tmp = Path(tempfile.mkdtemp(prefix="pg-bench-"))
    db_path = tmp / "bench.lbug"
    store = open_store(kind, db_path=db_path)
    pids = [os.getpid()]
    size_path = db_path
    if kind == "neo4j":
        pid_file = CACHE_DIR / "neo4j" / "neo4j.pid"
        if pid_file.exists() and not os.environ.get("NEO4J_URI"):
            pids.append(int(pid_file.read_text()))
            size_path = CACHE_DIR / "neo4j" / "home" / "data"
    store.ensure_schema()
    store.clear()
    total = len(g.nodes) + len(g.relationships)
    with PeakRSS(pids) as mem:
        parts = transactions(g, tx_size)
        t0 = time.perf_counter()
        for part in parts:
            store.write(part, batch_size=batch)
        batched_s = time.perf_counter() - t0
    counts = store.counts()
    assert sum(counts.values()) == total, (sum(counts.values()), total)
    size = dir_size(size_path) if size_path.exists() else None
    store.clear()
    single_total = len(single_slice.nodes) + len(single_slice.relationships)
    t0 = time.perf_counter()
    store.write_one_per_transaction(single_slice)
    single_s = time.perf_counter() - t0
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    batched_rate = total / batched_s
    single_rate = single_total / single_s
    return {
        "store": kind,
        "records": total,
        "nodes": len(g.nodes),
        "relationships": len(g.relationships),
        "batch_size": batch,
        "transaction_size": tx_size or "all nodes, then all relationships",
        "batched_seconds": round(batched_s, 2),
        "batched_records_per_second": round(batched_rate),
        "one_row_records": single_total,
        "one_row_seconds": round(single_s, 2),
        "one_row_records_per_second": round(single_rate),
        "speedup_batched_vs_one_row": round(batched_rate / single_rate, 1),
        "peak_rss_bytes": {("python" if p == os.getpid() else "neo4j_server"): v for p, v in mem.peak.items()},
        "store_size_bytes": size,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=1000, help="synthetic plans (1000 -> about 300,000 records)")
    ap.add_argument("--batch", type=int, default=10000)
    ap.add_argument("--tx", type=int, default=50000, help="records per transaction on the batched path (0: one)")
    ap.add_argument("--single", type=int, default=3000, help="records written one per transaction")
    ap.add_argument("--stores", default="embedded,neo4j")
    a = ap.parse_args()
    g = synthetic_graph(a.plans).deduplicated()
    single = slice_records(g, a.single // 2, a.single // 2)
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "memory_bytes": psutil.virtual_memory().total},
               "graph": {"plans": a.plans, "nodes": len(g.nodes), "relationships": len(g.relationships)},
               "runs": []}
    plan = []
    for kind in a.stores.split(","):
        plan.append((kind, a.tx))
        if kind == "embedded" and a.tx:
            # The embedded store has no per-transaction memory limit: also the bulk case,
            # all nodes in one transaction and all relationships in another.
            plan.append((kind, 0))
    for kind, tx in plan:
        print(f"benchmarking {kind} (transaction size {tx or 'all'}) …", flush=True)
        res = bench_store(kind, g, single, a.batch, tx)
        print(json.dumps(res, indent=1), flush=True)
        results["runs"].append(res)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"stores-{a.plans}.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
