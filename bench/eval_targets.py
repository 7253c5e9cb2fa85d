"""Target extraction quality: precision, recall, year accuracy and historic-vs-target accuracy.

    .venv/bin/python -m bench.eval_targets [--split tuning|heldout|seeds|fixtures|all] [--verbose] [--out PATH]

Scores four sets, each on its own:

* ``tuning``  -- the real documents of ../shared/corpus whose gold (tests/gold/corpus/<stem>.targets.json,
                 ``"split": "tuning"``) the targets engineer wrote; figures are an upper bound.
* ``heldout`` -- the same for the held-out documents (gold by the annotator); what we report as unseen.
* ``seeds``   -- the seed plans (tests/gold/<seed>.json, the format of bench/eval_mapping.py).
* ``fixtures`` -- synthetic plans written in other provinces' shapes (tests/fixtures_targets/**/<stem>.txt with
                 <stem>.targets.json beside it, the corpus gold format); each batch is measured before the rules
                 are tuned on it (see tests/fixtures_targets/README.md).

Matching: an extracted Target with a value matches a gold row when the indicator agrees (the rules of
bench/eval_mapping.py: one normalised name contains the other, an ``alt`` name, or the same known canonical
indicator), the value and unit agree after unit normalisation, and value_max too. The year is NOT part of
the match here: it is scored on the matched pairs, so that a wrong year shows as a year error rather than as
a miss plus a false positive.

* precision / recall -- over gold rows with a value (``optional`` rows count neither way; where the gold
  gives ``target_scope``, only extractions quoted inside it count). An unmatched extraction that restates a
  matched fact (the same quantity, named like the matched extraction or like the gold row it took) is no
  false positive.
* year accuracy -- matched pairs whose gold year is stated (or whose ``year_source`` is ``none``, where the
  extraction must give no year): extracted year == gold year.
* kind accuracy -- matched pairs: historic on both sides or on neither.
* qualitative recall -- gold rows without a value (kind qualitative): an extracted value-less Target of that
  row's indicator with the same year.

Results go to bench/results/eval_targets.json.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.eval_mapping import SEEDS, _span_of, in_scope, indicator_matches, load_plan, same_quantity
from loaders import parse_plan
from model.records import GraphRecords
from ontology.mapping import map_document

ROOT = Path(__file__).resolve().parent.parent

CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_GOLD = ROOT / "tests" / "gold" / "corpus"
SEED_GOLD = ROOT / "tests" / "gold"
FIXTURE_GOLD = ROOT / "tests" / "fixtures_targets"
RESULT = ROOT / "bench" / "results" / "eval_targets.json"


def corpus_gold(split: str) -> list[tuple[str, dict]]:
    out = []
    for p in sorted(CORPUS_GOLD.glob("*.targets.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if g.get("split") == split:
            out.append((p.name[: -len(".targets.json")], g))
    return out


def fixture_gold() -> list[tuple[str, dict]]:
    out = []
    for p in sorted(FIXTURE_GOLD.rglob("*.targets.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        g["_dir"] = str(p.parent)
        out.append((f"{p.parent.name}/{p.name[: -len('.targets.json')]}", g))
    return out


def parse_corpus_doc(gold: dict):
    path = (Path(gold["_dir"]) if gold.get("_dir") else CORPUS) / gold["plan"]
    meta = {"file": path.name, "region": gold["region"], "region_en": gold["region_en"],
            "level": gold.get("level") or "county"}
    if gold.get("parent"):
        meta["parent"] = gold["parent"]
    if gold.get("province"):
        meta["province"] = gold["province"]
    return parse_plan(path, meta)


def targets_of(recs: GraphRecords) -> list[dict]:
    nodes = {n.id: n for n in recs.nodes}
    out = []
    for r in recs.relationships:
        if r.type == "MEASURES":
            t = nodes[r.start]
            out.append({**t.properties, "indicator_id": r.end, "id": t.id})
    return out


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.year_ok = self.year_n = 0
        self.kind_ok = self.kind_n = 0
        self.qual_ok = self.qual_n = 0

    def add(self, o: Tally) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    def as_dict(self) -> dict:
        r = lambda a, b: None if not b else round(a / b, 4)  # noqa: E731
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": r(self.tp, self.tp + self.fp), "recall": r(self.tp, self.tp + self.fn),
                "year_accuracy": r(self.year_ok, self.year_n), "year_n": self.year_n,
                "kind_accuracy": r(self.kind_ok, self.kind_n), "kind_n": self.kind_n,
                "qualitative_recall": r(self.qual_ok, self.qual_n), "qualitative_n": self.qual_n}


def score(gold_rows: list[dict], got: list[dict], scope, text: str, errors: list, strict_year_none: bool) -> Tally:
    s = Tally()
    valued = [t for t in got if t.get("value") is not None]
    if scope is not None:
        valued = [t for t in valued if in_scope(t, scope, text)]
    used: set[str] = set()
    # two passes: pairs whose year agrees first, so that a repeated indicator takes its own year's target
    hits: dict[int, dict] = {}
    for strict in (True, False):
        for i, g in enumerate(gold_rows):
            if g.get("value") is None or i in hits:
                continue
            hit = next((t for t in valued if t["id"] not in used and same_quantity(g, t)
                        and (not strict or t.get("year") == g.get("year"))), None)
            if hit is not None:
                hits[i] = hit
                used.add(hit["id"])
    for i, g in enumerate(gold_rows):
        if g.get("value") is None:
            if g.get("optional"):
                continue
            s.qual_n += 1
            hit = any(t.get("value") is None
                      and indicator_matches(g, t.get("indicator_text") or "", t.get("indicator_id"))
                      and (g.get("year") is None or t.get("year") == g.get("year")) for t in got)
            s.qual_ok += hit
            if not hit:
                errors.append({"miss_qualitative": g["indicator"]})
            continue
        hit = hits.get(i)
        if hit is None:
            if not g.get("optional"):
                s.fn += 1
                errors.append({"miss": {k: g.get(k) for k in ("indicator", "value", "unit", "year", "kind")}})
            continue
        if g.get("optional"):
            continue
        s.tp += 1
        if g.get("year") is not None or (strict_year_none and g.get("year_source") == "none"):
            s.year_n += 1
            if hit.get("year") == g.get("year"):
                s.year_ok += 1
            else:
                errors.append({"year": [g["indicator"], g.get("value"), g.get("year"),
                                        hit.get("year"), hit.get("year_source")]})
        s.kind_n += 1
        if (g.get("kind") == "historic") == (hit.get("kind") == "historic"):
            s.kind_ok += 1
        else:
            errors.append({"kind": [g["indicator"], g.get("value"), g.get("kind"), hit.get("kind")]})
    matched = [t for t in valued if t["id"] in used]
    hit_rows = [gold_rows[i] for i in hits]
    for t in valued:
        if t["id"] in used:
            continue
        # a repeat of a matched fact (same quantity and indicator) is not a second error: the same
        # wording as a matched extraction, or a quantity the gold row another extraction took
        # accepts (its name, an ``alt`` name or its canonical indicator: 新建X / 新增X both in alt)
        probe = {"indicator": t.get("indicator_text") or "", "value": t["value"], "value_max": t.get("value_max"),
                 "unit": t.get("unit")}
        if any(same_quantity(probe, o) for o in matched) or any(same_quantity(g, t) for g in hit_rows):
            continue
        s.fp += 1
        errors.append({"false": {k: t.get(k) for k in ("indicator_text", "value", "unit", "year", "kind", "quote")}})
    return s


def evaluate(split: str, verbose: bool = False) -> dict:
    per: dict[str, dict] = {}
    total = Tally()
    if split == "seeds":
        items = []
        for seed in SEEDS:
            p = SEED_GOLD / f"{seed}.json"
            if p.exists():
                items.append((seed, json.loads(p.read_text(encoding="utf-8"))))
    elif split == "fixtures":
        items = fixture_gold()
    else:
        items = corpus_gold(split)
        if items and not CORPUS.is_dir():
            return {"skipped": f"{CORPUS} is absent"}
    for name, gold in items:
        doc = load_plan(name, gold) if split == "seeds" else parse_corpus_doc(gold)
        got = targets_of(map_document(doc))
        scope = [_span_of(doc.text, sp) for sp in gold["target_scope"]] if gold.get("target_scope") else None
        errors: list = []
        t = score(gold.get("targets", []), got, scope, doc.text, errors, strict_year_none=split != "seeds")
        total.add(t)
        per[name] = t.as_dict()
        if verbose:
            per[name]["errors"] = errors
    return {"per_plan": per, "total": total.as_dict(), "plans": len(items)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("tuning", "heldout", "seeds", "fixtures", "all"), default="all")
    ap.add_argument("--verbose", action="store_true", help="print every miss, false positive, year and kind error")
    ap.add_argument("--out", default=str(RESULT), help="result file ('' to write nothing)")
    args = ap.parse_args()
    splits = ("seeds", "fixtures", "tuning", "heldout") if args.split == "all" else (args.split,)
    res = {s: evaluate(s, args.verbose) for s in splits}
    if args.verbose:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    fmt = lambda x: "   n/a" if x is None else f"{x:6.3f}"  # noqa: E731
    print(f"{'split':9}{'plan':46}{'P':>7}{'R':>7}{'year':>7}{'kind':>7}{'qual':>7}   tp/fp/fn")
    for s, r in res.items():
        if "skipped" in r:
            print(f"{s:9}skipped: {r['skipped']}")
            continue
        for name, d in [*r["per_plan"].items(), ("TOTAL", r["total"])]:
            print(f"{s:9}{name[:45]:46}{fmt(d['precision'])} {fmt(d['recall'])} {fmt(d['year_accuracy'])} "
                  f"{fmt(d['kind_accuracy'])} {fmt(d['qualitative_recall'])}   {d['tp']}/{d['fp']}/{d['fn']}")
    if args.out and args.split == "all":
        slim = {s: ({k: v for k, v in r.items()} if "skipped" in r else
                    {"plans": r["plans"], "total": r["total"],
                     "per_plan": {n: {k: v for k, v in d.items() if k != "errors"} for n, d in r["per_plan"].items()}})
                for s, r in res.items()}
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(slim, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
