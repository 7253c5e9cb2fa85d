"""Lexical SIMILAR_TO scaling and quality.

Timings: the five seeds, and the seeds copied 5, 10 and 20 times, each copy under a plan id
of its own (the copies are Policy nodes cloned in memory: the text is what the scorer sees), once
with identical texts and once with texts that differ only in whitespace (same tokens, but no
per-text cache can help).
Quality on the seeds: recall of the hand-picked counterparts in tests/gold/similarity_pairs.json
(a pair is found when the two measures are linked), which of its non-counterparts are linked, and
precision over its sample of judged links that are still linked.
Writes bench/results/similarity.json.
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from loaders import iter_plans, parse_plan
from model.texts import PolicyText
from ontology.mapping import policy_texts

ROOT = Path(__file__).resolve().parent.parent

PLANS = ROOT / "data" / "plans"
GOLD = ROOT / "tests" / "gold" / "similarity_pairs.json"
RESULTS = ROOT / "bench" / "results"


def seed_policies(plans_dir: Path = PLANS) -> list[PolicyText]:
    out: list[PolicyText] = []
    for path, meta in iter_plans(plans_dir):
        out.extend(policy_texts(parse_plan(path, meta)))
    return out


def copies(policies: list[PolicyText], k: int) -> list[PolicyText]:
    """`k` copies of every policy, copy c under plan id ``<plan>~c`` and node id ``<id>~c``."""
    if k == 1:
        return list(policies)
    out = []
    for c in range(k):
        for p in policies:
            out.append(replace(p, id=f"{p.id}~{c}", plan_id=f"{p.plan_id or p.id}~{c}"))
    return out


def distinct_copies(policies: list[PolicyText], k: int) -> list[PolicyText]:
    """Like `copies`, but copy c has c spaces after every ，and 。: the tokens stay the same
    while no text repeats, so per-text caches (segmentation, vectors) do not help."""
    out = copies(policies, k)
    for idx, p in enumerate(out):
        c = idx // len(policies)
        if c:
            spaced = {f: getattr(p, f).replace("，", "，" + " " * c).replace("。", "。" + " " * c)
                      for f in ("text", "title") if getattr(p, f)}
            out[idx] = replace(p, **spaced)
    return out


def gold_quality(rels, gold: dict) -> dict:
    linked = {frozenset((r.start, r.end)) for r in rels}
    pos = [frozenset((a, b)) for a, b, *_ in gold["pairs"]]
    neg = [frozenset((a, b)) for a, b, *_ in gold["non_pairs"]]
    found = [p for p in pos if p in linked]
    judged = [(frozenset((a, b)), ok) for a, b, ok, *_ in gold.get("judged_links", [])]
    present = [ok for p, ok in judged if p in linked]
    return {
        "precision_sample": {"judged": len(judged), "still_linked": len(present), "counterparts": sum(present),
                             "precision": round(sum(present) / len(present), 4) if present else None},
        "pairs": len(pos), "found": len(found), "recall": round(len(found) / len(pos), 4),
        "missed": sorted(" ~ ".join(sorted(p)) for p in pos if p not in linked),
        "non_pairs": len(neg), "non_pairs_linked": sorted(" ~ ".join(sorted(p)) for p in neg if p in linked),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", default="1,5,10,20")
    ap.add_argument("--out", default=str(RESULTS / "similarity.json"))
    args = ap.parse_args(argv)
    from linking.similarity import link_similar

    seeds = seed_policies()
    link_similar(seeds[:4], method="lexical")  # jieba and the dictionary load outside the timings
    result: dict = {"method": "lexical", "runs": []}
    for variant, make in (("identical", copies), ("distinct_text", distinct_copies)):
        for k in [int(x) for x in args.copies.split(",")]:
            if k == 1 and variant != "identical":
                continue
            pols = make(seeds, k)
            t0 = time.perf_counter()
            rels, used = link_similar(pols, method="lexical")
            dt = time.perf_counter() - t0
            run = {"variant": variant, "copies": k, "policies": len(pols), "seconds": round(dt, 3),
                   "links": len(rels)}
            result["runs"].append(run)
            print(json.dumps(run), flush=True)
            if k == 1:
                seed_rels = rels
    if GOLD.is_file() and any(r["copies"] == 1 for r in result["runs"]):
        result["gold"] = gold_quality(seed_rels, json.loads(GOLD.read_text(encoding="utf-8")))
        print(json.dumps(result["gold"], ensure_ascii=False, indent=1))
    out = Path(args.out)
    if out.is_file():  # figures measured once on the code before this benchmark existed are kept
        result.update({k: v for k, v in json.loads(out.read_text(encoding="utf-8")).items() if k.startswith("before")})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
