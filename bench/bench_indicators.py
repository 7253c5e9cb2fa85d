"""Benchmark of indicator resolution (linking/indicators.py) at 100, 300 and 1,000 plans.

Synthetic plans, each with ~100 targets whose indicator names vary the real shapes: the names
of the canonical indicators and of the gold concept groups, written with another scope word,
year, qualifier, measuring word or per-capita base (全区…（期末）, 比例/占比/比重, 每千人口/千人口),
plus many distinct indicators made by putting the real measuring words after other subjects
of the domain dictionary (so the number of distinct keys grows with the plans, as it does in a
real corpus).  Reported per size: mentions, distinct keys, candidate pairs scored, seconds, peak
memory of the stage (tracemalloc), concepts, and how pairs scored grow against keys (the
exponent of pairs ~ keys^k; 1 is linear).  Results: bench/results/indicators.json.

    .venv/bin/python -m bench.bench_indicators [--plans 100 300 1000] [--per-plan 100]
"""
from __future__ import annotations

import argparse
import json
import math
import random
import time
import tracemalloc
from pathlib import Path

from linking.indicators import Alignment, Mention, resolve
from ontology import vocab

ROOT = Path(__file__).resolve().parent.parent

SCOPES = ["", "", "", "全市", "全区", "全县", "本市", "“十四五”期间", "到2025年", "其中"]
QUALS = ["", "", "", "（期末）", "（%）", "（五年累计）", "（预期性）", "（约束性）"]
SHARE_WORDS = ["比例", "占比", "比重", "率"]
BASES = ["每千人口", "每千人", "千人口", "每千名"]
MEASURES = [("覆盖率", "%"), ("达标率", "%"), ("占比", "%"), ("数", "个"), ("面积", "万平方米"), ("总投资", "亿元"),
            ("长度", "公里"), ("年均增长", "%"), ("人均面积", "平方米"), ("每千人口数", "个")]


def _shapes() -> list[tuple[str, str | None]]:
    out = [(s, d.unit or None) for d in vocab.indicators() for s in d.synonyms]
    gold = json.loads((ROOT / "tests" / "gold" / "indicator_concepts.json").read_text(encoding="utf-8"))
    out += [(m["indicator"], m.get("unit")) for g in gold["groups"] for m in g["members"]]
    return out


def _subjects() -> list[str]:
    words = [w for w, _, _ in vocab.userdict_words() if 2 <= len(w) <= 6]
    return sorted(set(words))


def _vary(name: str, rnd: random.Random) -> str:
    for w in SHARE_WORDS[:3]:
        if name.endswith(w):
            name = name[: -len(w)] + rnd.choice(SHARE_WORDS[:3])
    for b in BASES:
        if name.startswith(b):
            name = rnd.choice(BASES) + name[len(b):]
            break
    return rnd.choice(SCOPES) + name + rnd.choice(QUALS)


def synthetic_mentions(plans: int, per_plan: int, seed: int = 11) -> list[Mention]:
    rnd = random.Random(seed)
    shapes, subjects = _shapes(), _subjects()
    out = []
    for p in range(plans):
        plan = f"plan:synthetic-{p:04d}"
        for t in range(per_plan):
            if rnd.random() < 0.4:
                name, unit = rnd.choice(shapes)
            else:  # a subject of the domain dictionary measured one of the usual ways
                a, b = rnd.choice(subjects), rnd.choice(subjects)
                m, unit = rnd.choice(MEASURES)
                name = (a + b + m) if rnd.random() < 0.7 else (a + m)
            out.append(Mention(f"target:{p}:{t}", plan, _vary(name, rnd), unit, f"区{p}"))
    return out


def measure(plans: int, per_plan: int) -> dict:
    mentions = synthetic_mentions(plans, per_plan)
    resolve(mentions[:50], alignment=Alignment())  # warm: jieba's dictionary, the lexicons
    from ontology.mapping import indicators

    for f in (indicators.indicator_key, indicators.lookup, indicators.kind_of):
        f.cache_clear()  # time the keys of this corpus too
    tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    res = resolve(mentions, alignment=Alignment(), method="lexical")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    keys = len({(p.a, p.kind) for p in res.pairs} | {(p.b, p.kind) for p in res.pairs})
    from ontology.mapping.indicators import indicator_key

    distinct = len({(indicator_key(m.name, m.unit).key) for m in mentions})
    return {"plans": plans, "mentions": len(mentions), "distinct_keys": distinct, "keys_in_pairs": keys,
            "pairs_scored": res.pairs_scored, "pairs_per_key": round(res.pairs_scored / max(1, distinct), 2),
            "all_pairs": distinct * (distinct - 1) // 2, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_memory_mb": round(peak / 2**20, 1), "concepts": len(res.concepts),
            "shared_concepts": sum(1 for c in res.concepts.values() if c.plans > 1)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, nargs="+", default=[100, 300, 1000])
    ap.add_argument("--per-plan", type=int, default=100)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "indicators.json")
    a = ap.parse_args()
    runs = []
    for n in a.plans:
        r = measure(n, a.per_plan)
        runs.append(r)
        print(json.dumps(r, ensure_ascii=False))
    growth = None
    if len(runs) >= 2 and runs[0]["pairs_scored"] and runs[-1]["pairs_scored"]:
        growth = round(math.log(runs[-1]["pairs_scored"] / runs[0]["pairs_scored"])
                       / math.log(runs[-1]["distinct_keys"] / runs[0]["distinct_keys"]), 2)
    result = {"what": "indicator resolution over synthetic plans (bench/bench_indicators.py)",
              "machine": "2-core development machine shared with other work",
              "runs": runs, "pairs_vs_keys_exponent": growth}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"pairs scored grow as keys^{growth}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
