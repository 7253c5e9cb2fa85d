"""Build figures at scale on the generated corpus of distinct plans (bench/corpus.py; issue 14).

For each size (default 100, 300 and 1,000 plans; ``--plans 100 300`` cuts it short), in a process
of its own so that peak memory is that size's: a fresh build on the embedded store with lexical
similarity, timed by phase; jieba segmentation of the same text in the same process; peak
resident memory; the store's size on disk; records/s of the real write path (the records the plan
writes wrote over the time they took); then an incremental build that adds one plan, and a rebuild
with nothing changed. Results go to bench/results/scale.json (sizes not run keep their figures).

    python -m bench.bench_scale [--plans 100 300 1000] [--similarity lexical|none] [--keep-store]

With ``--keep-store`` each size's fresh store is kept where ``bench.bench_queries --plans N`` reuses
it, so the query latencies are measured on the store whose build was timed.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "scale.json"


def _folder_of(src: Path, dst: Path, n: int) -> Path:
    """The first n plans of the generated corpus ``src`` (files and plans.toml entries)."""
    from bench.corpus import toml_entries

    entries = tomllib.loads((src / "plans.toml").read_text(encoding="utf-8"))["plan"][:n]
    dst.mkdir(parents=True, exist_ok=True)
    for e in entries:
        if not (dst / e["file"]).exists():
            shutil.copy(src / e["file"], dst / e["file"])
    (dst / "plans.toml").write_text(toml_entries(entries), encoding="utf-8")
    return dst


def _size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + ".wal")) if p.exists())


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def one(n: int, corpus_dir: Path, similarity: str, incremental: bool = True, keep: bool = False) -> dict:
    """Fresh build of the first n plans, then + 1 plan incrementally, then a no-change rebuild.
    With ``keep``, the fresh build's store is kept where bench_queries looks for it."""
    import jieba

    from graph.embedded_store import EmbeddedStore
    from loaders import scan_plans
    from loaders.decode import decode_bytes
    from pipeline.build import build, map_plan

    work = Path(tempfile.mkdtemp(prefix=f"pg-scale-{n}-"))
    try:
        folder = _folder_of(corpus_dir, work / "plans", n)
        entries, _ = scan_plans(folder)
        text = "\n".join(decode_bytes(e.path.read_bytes(), e.file).text for e in entries if e.path)
        jieba.initialize()
        map_plan(entries[0].path, entries[0].meta)  # warm what a running process has warm (vocabularies)
        t0 = time.perf_counter()
        jieba.lcut(text)
        jieba_s = time.perf_counter() - t0
        rss_before = _rss_mb()
        db = work / "g.lbug"
        cache = work / "cache"  # a plan cache of this run's own: the fresh build finds nothing in it
        store = EmbeddedStore(db)
        t0 = time.perf_counter()
        report = build(folder, store, similarity=similarity, progress=False, cache_dir=cache)
        build_s = time.perf_counter() - t0
        assert not report.failed, [(p.file, p.error) for p in report.failed[:3]]
        rss_build = _rss_mb()
        store.checkpoint()
        store.close()
        size = _size(db)
        if keep:
            from bench.bench_queries import keep_store

            kept = keep_store(db, n, similarity, build_s, len(report.failed))
            print(f"kept the {n}-plan store at {kept}", file=sys.stderr, flush=True)
        tm = report.timings
        out = {
            "plans": n, "similarity": report.similarity_method or "none",
            "characters": len(text), "cleaned_characters": report.characters,
            "jieba_seconds": round(jieba_s, 2),
            "build_seconds": round(build_s, 2),
            "build_over_jieba": round(build_s / jieba_s, 2),
            "build_without_similarity_over_jieba": round((build_s - tm.get("similarity", 0.0)) / jieba_s, 2),
            "phases_seconds": {k: round(v, 2) for k, v in tm.items()},
            "records_written": report.records_written,
            "write_records_per_second": round(report.records_written / tm["write"]) if tm.get("write") else None,
            "similar_links": report.similar_links,
            "peak_rss_mb": rss_build, "rss_before_build_mb": rss_before,
            "store_bytes": size, "store_mb": round(size / 2**20, 1),
        }
        if not incremental:
            return out
        # + 1 plan, incrementally, over the same store
        folder = _folder_of(corpus_dir, folder, n + 1)
        store = EmbeddedStore(db)
        t0 = time.perf_counter()
        inc = build(folder, store, similarity=similarity, progress=False, cache_dir=cache)
        out["incremental_add_one_seconds"] = round(time.perf_counter() - t0, 2)
        out["incremental_add_one_phases"] = {k: round(v, 2) for k, v in inc.timings.items()}
        out["incremental_add_one_written"] = sum(1 for p in inc.plans if p.plan_id and not p.unchanged)
        t0 = time.perf_counter()
        same = build(folder, store, similarity=similarity, progress=False, cache_dir=cache)
        out["rebuild_unchanged_seconds"] = round(time.perf_counter() - t0, 2)
        out["rebuild_unchanged_written"] = sum(1 for p in same.plans if p.plan_id and not p.unchanged)
        store.close()
        out["peak_rss_mb"] = max(out["peak_rss_mb"], _rss_mb())
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, nargs="+", default=[100, 300, 1000])
    ap.add_argument("--similarity", default="lexical", choices=["lexical", "none"])
    ap.add_argument("--incremental-max", type=int, default=300,
                    help="sizes above this get the fresh build only (the incremental figure is asked at 100)")
    ap.add_argument("--keep-store", action="store_true",
                    help="keep each fresh build's store where bench_queries --plans N reuses it")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        r = one(a.one, a.corpus, a.similarity, a.one <= a.incremental_max, a.keep_store)
        print("RESULT " + json.dumps(r, ensure_ascii=False))
        return 0
    from bench.corpus import corpus

    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    runs = {int(r["plans"]): r for r in results.get("runs", []) if r.get("similarity_requested") == a.similarity}
    others = [r for r in results.get("runs", []) if r.get("similarity_requested") != a.similarity]
    for n in a.plans:
        t0 = time.perf_counter()
        folder = corpus(n + 1)
        gen = time.perf_counter() - t0
        print(f"== {n} plans (corpus {folder}, {gen:.1f} s to make or find)", flush=True)
        cmd = [sys.executable, "-m", "bench.bench_scale", "--one", str(n), "--corpus", str(folder),
               "--similarity", a.similarity, "--incremental-max", str(a.incremental_max)]
        if a.keep_store:
            cmd.append("--keep-store")
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if proc.returncode or line is None:
            print(proc.stdout[-2000:], proc.stderr[-4000:], file=sys.stderr)
            return 1
        r = json.loads(line[len("RESULT "):])
        r["similarity_requested"] = a.similarity
        print(json.dumps(r, ensure_ascii=False), flush=True)
        runs[n] = r
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps({
            "what": "fresh embedded build of N generated distinct plans (bench/corpus.py), then +1 plan "
                    "incrementally and a no-change rebuild; see bench/bench_scale.py",
            "cpu": os.cpu_count(), "runs": others + [runs[k] for k in sorted(runs)]},
            ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
