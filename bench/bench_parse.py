"""Parse throughput of the loaders on the seed plans (characters per second).

    .venv/bin/python -m bench.bench_parse [--repeat N] [--out bench/results/parse.json]

Characters are those of the decoded input file. Each plan is parsed once to warm
caches (jieba's dictionary, OpenCC, regexes), then ``repeat`` times; the median of
the per-run times is reported per plan, and the total throughput is the sum of the
characters over the sum of the median times.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from loaders import iter_plans, parse_plan
from loaders.pipeline import _read

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=Path, default=ROOT / "data" / "plans")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "parse.json")
    args = ap.parse_args()
    t0 = time.perf_counter()
    plans = iter_plans(args.plans)
    for path, meta in plans:          # warm-up (first parse loads jieba/OpenCC)
        parse_plan(path, meta)
    warm_s = time.perf_counter() - t0
    results = []
    total_chars = 0
    total_s = 0.0
    for path, meta in plans:
        chars = len(_read(path)[0])
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            doc = parse_plan(path, meta)
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        results.append({
            "file": path.name, "chars": chars, "median_s": round(med, 6),
            "min_s": round(min(times), 6), "max_s": round(max(times), 6),
            "chars_per_s": round(chars / med), "measures": len(doc.measures),
            "tables": len(doc.tables), "dropped": len(doc.dropped), "repairs": len(doc.repairs),
        })
        total_chars += chars
        total_s += med
    out = {
        "benchmark": "loaders.parse_plan on the seed plans",
        "repeat": args.repeat,
        "warmup_s": round(warm_s, 3),
        "total_chars": total_chars,
        "total_median_s": round(total_s, 6),
        "chars_per_s": round(total_chars / total_s),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "plans": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for r in results:
        print(f"{r['file']:<14} {r['chars']:>8} chars  {r['median_s']*1000:8.2f} ms  {r['chars_per_s']:>10,} chars/s")
    print(f"{'total':<14} {total_chars:>8} chars  {total_s*1000:8.2f} ms  {out['chars_per_s']:>10,} chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
