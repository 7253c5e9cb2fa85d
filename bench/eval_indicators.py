"""Indicator resolution against the hand-made concept groups (tests/gold/indicator_concepts*.json).

Parses the seeds (data/plans) and the tuning documents of ../shared/corpus named in the gold,
maps them, and resolves every target's indicator together with the gold's own names (so the
figure measures resolution, not target extraction), then reports precision and recall of
same-concept pairs across plans and the near misses merged.  ``--sweep`` varies the threshold
and the minimum length ratio (how THRESHOLD and MIN_RATIO in linking/indicators.py
were chosen); the end-to-end figure also scores the targets the mapping really extracted (a gold
member counts only where a target of its plan names it); ``without_vocabulary`` resolves with no
canonical indicator of vocab/indicators.csv (what the decision does with names nothing knew).
By default the own gold files: indicator_concepts.json (seeds and tuning documents),
indicator_concepts_dev.json, _dev4.json … _dev18.json (names from plans of other provinces).  Results:
bench/results/indicators_gold.json.

    .venv/bin/python -m bench.eval_indicators [--gold tests/gold/indicator_concepts.json] [--sweep]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from linking.indicators import Alignment, Mention, evaluate, resolve
from ontology.mapping.indicators import normalize_name

ROOT = Path(__file__).resolve().parent.parent

CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "tests" / "gold" / "indicator_concepts.json"
DEV = ROOT / "tests" / "gold" / "indicator_concepts_dev.json"  # names from plans of other provinces
DEV4 = ROOT / "tests" / "gold" / "indicator_concepts_dev4.json"  # batch 4 of them: rewordings
DEV5 = ROOT / "tests" / "gold" / "indicator_concepts_dev5.json"  # batch 5: science, agriculture, commerce
DEV6 = ROOT / "tests" / "gold" / "indicator_concepts_dev6.json"  # batch 6: employment, health, elderly care, education
DEV7 = ROOT / "tests" / "gold" / "indicator_concepts_dev7.json"  # batch 7: environment, transport, culture, economy
DEV8 = ROOT / "tests" / "gold" / "indicator_concepts_dev8.json"  # batch 8: water, energy, digital, agriculture
DEV9 = ROOT / "tests" / "gold" / "indicator_concepts_dev9.json"  # batch 9: childcare, R&D, waste, land, logistics
DEV10 = ROOT / "tests" / "gold" / "indicator_concepts_dev10.json"  # batch 10: health, transport, ecology, farms
DEV11 = ROOT / "tests" / "gold" / "indicator_concepts_dev11.json"  # batch 11: env, transport, finance
DEV12 = ROOT / "tests" / "gold" / "indicator_concepts_dev12.json"  # batch 12: heating, intensity, finance, services
DEV13 = ROOT / "tests" / "gold" / "indicator_concepts_dev13.json"  # batch 13: kept untuned while batch 12 was tuned
DEV14 = ROOT / "tests" / "gold" / "indicator_concepts_dev14.json"  # batch 14: kept untuned while batch 13 was tuned
DEV15 = ROOT / "tests" / "gold" / "indicator_concepts_dev15.json"  # batch 15: hard near misses, measured before changes
DEV16 = ROOT / "tests" / "gold" / "indicator_concepts_dev16.json"  # batch 16: kept unseen by the batch-15 rules
DEV17 = ROOT / "tests" / "gold" / "indicator_concepts_dev17.json"  # batch 17: nine genres, measured untuned
DEV18 = ROOT / "tests" / "gold" / "indicator_concepts_dev18.json"  # batch 18: sixteen domains, measured untuned


def extracted_mentions(gold: dict, corpus: Path = CORPUS) -> list[Mention]:
    """Every target's indicator of the seeds and of the gold's corpus plans, as the mapping names it."""
    from loaders import iter_plans, parse_plan
    from ontology.mapping import map_document

    entries = list(iter_plans(ROOT / "data" / "plans"))
    seeds = {p.name for p, _ in entries}
    metas = dict(gold.get("corpus_plans", {}))
    named = {m["plan"] for g in gold.get("groups", []) for m in g["members"]}
    named |= {n[s]["plan"] for n in gold.get("near_misses", []) for s in ("a", "b")}
    for name in sorted(named - seeds - set(metas)):
        metas[name] = _corpus_meta(name)
    for name, meta in sorted(metas.items()):
        if (corpus / name).is_file():
            entries.append((corpus / name, {"file": name, **meta}))
    out = []
    for path, meta in entries:
        records = map_document(parse_plan(path, meta))
        nodes = {n.id: n for n in records.nodes}
        for r in records.relationships:
            if r.type == "MEASURES":
                t = nodes[r.start].properties
                out.append(Mention(r.start, path.name, t.get("indicator_text") or "", t.get("unit"),
                                   meta.get("region")))
    return out


def _corpus_meta(name: str) -> dict:
    """Region and level of a corpus document from the header of its gold files, where there are any."""
    stem = Path(name).stem
    for aspect in ("structure", "targets", "coding"):
        p = ROOT / "tests" / "gold" / "corpus" / f"{stem}.{aspect}.json"
        if p.is_file():
            head = json.loads(p.read_text(encoding="utf-8"))
            return {k: head[k] for k in ("region", "region_en", "level", "parent", "province") if head.get(k)}
    return {"region": stem}


def gold_mentions(gold: dict, extracted: list[Mention]) -> dict[tuple[str, str], Mention]:
    units = {(m.plan_id, normalize_name(m.name)): m.unit for m in extracted}
    out = {}
    members = [m for g in gold.get("groups", []) for m in g["members"]]
    members += [n[s] for n in gold.get("near_misses", []) for s in ("a", "b")]
    for k, m in enumerate(members):
        key = (m["plan"], m["indicator"])
        if key not in out:
            unit = m.get("unit") or units.get((m["plan"], normalize_name(m["indicator"])))
            out[key] = Mention(f"gold:{k}", m["plan"], m["indicator"], unit, None)
    return out


def run(gold: dict, extracted: list[Mention], curated: bool = False, **kw) -> dict:
    """The automatic decision (no curated rows), or with vocab/indicator_alignment.csv (curated=True)."""
    gm = gold_mentions(gold, extracted)
    started = time.perf_counter()
    res = resolve([*extracted, *gm.values()], method="lexical", alignment=None if curated else Alignment(), **kw)
    seconds = time.perf_counter() - started
    by_target = {a.target_id: a.concept_id for a in res.assignments}
    report = evaluate(gold, {k: by_target.get(m.target_id) for k, m in gm.items()})
    report["seconds"] = round(seconds, 3)
    report["pairs_scored"] = res.pairs_scored
    return report


def end_to_end(gold: dict, extracted: list[Mention]) -> dict:
    """Gold members matched to the targets really extracted (same plan, same normalized name), resolved
    as the build resolves them (curated rows included)."""
    res = resolve(extracted, method="lexical")
    by_target = {a.target_id: a.concept_id for a in res.assignments}
    found: dict[tuple[str, str], str | None] = {}
    for m in extracted:
        found.setdefault((m.plan_id, normalize_name(m.name)), by_target.get(m.target_id))
    members = [m for g in gold.get("groups", []) for m in g["members"]]
    members += [n[s] for n in gold.get("near_misses", []) for s in ("a", "b")]
    concept_of = {(m["plan"], m["indicator"]): found.get((m["plan"], normalize_name(m["indicator"]))) for m in members}
    report = evaluate(gold, concept_of)
    report["members_extracted"] = sum(v is not None for v in concept_of.values())
    report["members"] = len(concept_of)
    return report


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, action="append")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "indicators_gold.json")
    a = ap.parse_args()
    results = {}
    batches = [GOLD, DEV, DEV4, DEV5, DEV6, DEV7, DEV8, DEV9, DEV10, DEV11, DEV12, DEV13, DEV14, DEV15, DEV16, DEV17,
               DEV18]
    for path in a.gold or batches:
        gold = json.loads(path.read_text(encoding="utf-8"))
        extracted = extracted_mentions(gold)
        r = run(gold, extracted)
        cur = run(gold, extracted, curated=True)
        e = end_to_end(gold, extracted)
        nv = run(gold, extracted, vocabulary=False)
        entry = {"resolution": {k: v for k, v in r.items() if k not in ("missed", "wrong")},
                 "missed": [" / ".join(f"{p}:{i}" for p, i in pair) for pair in r["missed"]],
                 "wrong": [" / ".join(f"{p}:{i}" for p, i in pair) for pair in r["wrong"]],
                 "with_curation": {k: v for k, v in cur.items() if k not in ("missed", "wrong")},
                 "end_to_end": {k: v for k, v in e.items() if k not in ("missed", "wrong")},
                 "without_vocabulary": {k: v for k, v in nv.items() if k not in ("missed", "wrong")}}
        if a.sweep:
            entry["sweep"] = []
            for thr in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
                for ratio in (0.3, 0.4, 0.45, 0.5, 0.6):
                    s = run(gold, extracted, threshold=thr, min_ratio=ratio)
                    entry["sweep"].append({"threshold": thr, "min_ratio": ratio, "precision": s["precision"],
                                           "recall": s["recall"], "near_misses_merged": len(s["near_misses_merged"])})
        results[path.name] = entry
        print(json.dumps({path.name: {k: v for k, v in entry.items() if k != "sweep"}}, ensure_ascii=False, indent=1))
        for s in entry.get("sweep", []):
            print(s)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
