"""Instrument and domain coding against hand coding, per type and per split.

    .venv/bin/python bench/eval_coding.py [--split NAME ...] [--out FILE] [--errors]

Splits (each scored apart, micro-averaged over (measure, type) pairs):

* ``seeds``          -- data/plans/<seed>.txt, gold tests/gold/<seed>.json ("instruments", "domains")
* ``heldout``        -- tests/heldout/*, gold tests/gold/heldout_<name>.json
* ``corpus_tuning``  -- ../shared/corpus tuning docs, gold tests/gold/corpus/<stem>.coding.json (split "tuning")
* ``dev``            -- tests/coding_dev/<name>.txt, gold tests/gold/coding_dev/<name>.json: synthetic plans in
                        the shapes of other provinces' plans (a fresh batch, coded before tuning on it);
                        ``--batch N`` scores only the gold files of batch N ("batch" in the gold, absent = 1)
* ``corpus_heldout`` -- the held-out corpus docs (split "heldout", annotator's gold). Reported only:
                        ``--errors`` never lists its misses, so nobody tunes on them.

Gold coded with an older id list (``"coding_scheme"`` in the gold file, absent = 1) is scored through
tests/gold/coding_schemes.csv: a coded id added to the vocabulary later is read as its broader id in that
scheme (the one the gold lists for the measure, else the first), or not scored when it has none; ``--raw``
scores every id as is. Only measures the gold codes count (a gold measure the parser does not find is
all misses; "total_parsed" scores the gold measures the parser found, i.e. the coding apart from the
structure).

A gold measure (keyed by its title) is paired with parsed measures the way bench/eval_structure pairs
measures: the parsed measure of the same title; else by normalised title containment or a gold title
opening a parsed measure's text (``eval_structure._title_match``, one parsed measure per gold measure);
else, when the gold title is a heading, the parsed measures that heading holds (its innermost section):
one, or several when the parser made a measure of each paragraph or item under a heading the gold codes
as one measure -- scored with the union of their codes (``paired_by_heading`` counts these). Until
2026-12-03 only the exact title counted, so a gold title written fuller or shorter than the parser's
title, or a heading split into paragraphs, was "not found" (``unmatched_exact_title`` keeps that count).
For every instrument type and domain the table gives tp/fp/fn, precision, recall and F1, so a cue
change shows its effect per type. Writes bench/results/eval_coding.json.
"""
from __future__ import annotations

import argparse
import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bench.eval_mapping import SEEDS, Score, load_plan
from bench.eval_structure import _title_match, norm
from bench.eval_targets import parse_corpus_doc
from loaders import parse_plan
from ontology.mapping import map_document

ROOT = Path(__file__).resolve().parent.parent

GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus"
RESULT = ROOT / "bench" / "results" / "eval_coding.json"
SCHEMES = GOLD / "coding_schemes.csv"
DEV_PLANS = ROOT / "tests" / "coding_dev"
DEV_GOLD = GOLD / "coding_dev"
SPLITS = ("seeds", "heldout", "dev", "corpus_tuning", "corpus_heldout")
ASPECTS = ("instruments", "domains")


def dev_batch(gold: dict) -> int:
    """The dev batch a gold file belongs to (the first batch carries no number)."""
    return int(gold.get("batch") or 1)


def gold_items(split: str, batches: frozenset[int] | None = None) -> list[tuple[str, dict]]:
    """(name, gold) pairs of a split that carry coding; ``batches`` restricts the dev split to those batches."""
    out: list[tuple[str, dict]] = []
    if split == "seeds":
        names = SEEDS
    elif split == "heldout":
        names = sorted(p.stem for p in GOLD.glob("heldout_*.json"))
    elif split == "dev":
        items = [(p.stem, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(DEV_GOLD.glob("*.json"))]
        return [(n, g) for n, g in items if batches is None or dev_batch(g) in batches]
    else:
        want = split.split("_", 1)[1]
        for p in sorted((GOLD / "corpus").glob("*.coding.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            if g.get("split") == want:
                out.append((p.name[: -len(".coding.json")], g))
        return out
    for n in names:
        p = GOLD / f"{n}.json"
        if p.exists():
            g = json.loads(p.read_text(encoding="utf-8"))
            if g.get("instruments") or g.get("domains"):
                out.append((n, g))
    return out


def parse(split: str, name: str, gold: dict):
    if split == "dev":
        path = DEV_PLANS / gold["plan"]
        return parse_plan(path, {"file": path.name, "region": gold["region"], "region_en": gold["region_en"],
                                 "level": gold.get("level", "prefecture"), "parent": gold.get("parent"),
                                 "province": gold.get("province")})
    return parse_corpus_doc(gold) if split.startswith("corpus") else load_plan(name, gold)


@cache
def scheme_rows() -> dict[tuple[str, str], tuple[int, tuple[str, ...]]]:
    """(aspect, id) -> (the scheme that added it, its broader ids in the older scheme)."""
    if not SCHEMES.exists():
        return {}
    with open(SCHEMES, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(ln for ln in f if not ln.startswith("#"))
        return {(r["aspect"], r["id"]): (int(r["since"]), tuple(x for x in r["broader_in_older"].split("|") if x))
                for r in rows}


def in_scheme(aspect: str, have: set[str], want: set[str], scheme: int) -> set[str]:
    """The coded ids as a gold of ``scheme`` can judge them (see tests/gold/coding_schemes.csv)."""
    rows = scheme_rows()
    out = set()
    for t in have:
        since, broader = rows.get((aspect, t), (1, ()))
        if since <= scheme:
            out.add(t)
        elif broader:
            out.add(next((b for b in broader if b in want), broader[0]))
    return out


@dataclass
class _Parsed:
    """A parsed measure as the pairing sees it (``eval_structure._title_match`` reads title and text)."""
    title: str
    text: str
    section_path: list[str]


def parsed_measures(recs) -> tuple[list[_Parsed], dict[str, list[set[str]]]]:
    """The plan's Policy nodes in order, and per aspect the coded ids of each (same index)."""
    idx: dict[str, int] = {}
    out: list[_Parsed] = []
    for n in recs.nodes:
        if n.label == "Policy":
            p = n.properties
            idx[n.id] = len(out)
            path = p.get("section_path") or ""
            out.append(_Parsed(p.get("title") or "", p.get("text") or "",
                               [x for x in (path if isinstance(path, list) else path.split(" > ")) if x]))
    codes: dict[str, list[set[str]]] = {a: [set() for _ in out] for a in ASPECTS}
    rel = {"USES_INSTRUMENT": "instruments", "IN_DOMAIN": "domains"}
    for r in recs.relationships:
        if r.start in idx and r.type in rel:
            codes[rel[r.type]][idx[r.start]].add(r.end.split(":", 1)[1])
    return out, codes


def pair_gold(titles: list[str], measures: list[_Parsed]) -> tuple[dict[str, list[int]], int]:
    """Gold title -> the parsed measures scored for it (see the module doc); and how many gold titles
    were paired through a heading holding several parsed measures."""
    pairs: dict[str, list[int]] = {}
    taken: set[int] = set()
    for t in titles:  # the parser's own title
        mi = next((i for i, m in enumerate(measures) if i not in taken and m.title == t), None)
        if mi is not None:
            pairs[t] = [mi]
            taken.add(mi)
    for t in titles:  # fuller/shorter title, or the title opening the measure's text
        if t not in pairs:
            mi = next((i for i, m in enumerate(measures) if i not in taken and _title_match(t, m)), None)
            if mi is not None:
                pairs[t] = [mi]
                taken.add(mi)
    under: dict[str, list[int]] = {}
    for i, m in enumerate(measures):
        if m.section_path:
            under.setdefault(norm(m.section_path[-1]), []).append(i)
    split = 0
    for t in titles:  # a heading the gold codes as one measure
        held = under.get(norm(t), []) if t not in pairs and norm(t) else []
        if held and not taken & set(held):
            pairs[t] = held
            taken.update(held)
            split += len(held) > 1
    return pairs, split


def score_aspect(gold: dict[str, list[str]], got: dict[str, set], per_type: dict[str, Score],
                 errors: list | None, aspect: str = "", scheme: int | None = None) -> Score:
    """``scheme``: the id list the gold was coded with (None: score every id as is)."""
    total = Score()
    for title, want_l in gold.items():
        want, have = set(want_l), set(got.get(title, set()))
        if scheme is not None:
            have = in_scheme(aspect, have, want, scheme)
        for t in want | have:
            s = per_type.setdefault(t, Score())
            if t in want and t in have:
                s.tp += 1
                total.tp += 1
            elif t in want:
                s.fn += 1
                total.fn += 1
            else:
                s.fp += 1
                total.fp += 1
        if errors is not None and want != have:
            errors.append({"measure": title, "miss": sorted(want - have), "false": sorted(have - want)})
    return total


def evaluate_split(split: str, with_errors: bool = False, raw: bool = False,
                   batches: frozenset[int] | None = None) -> dict | None:
    items = gold_items(split, batches)
    if not items:
        return None
    if split.startswith("corpus") and not CORPUS.is_dir():
        return None
    show = with_errors and split != "corpus_heldout"
    res: dict = {"docs": {}, "total": {}, "per_type": {}}  # + gold_measures, unparsed_measures (title not found)
    totals = {a: Score() for a in ASPECTS}
    parsed_totals = {a: Score() for a in ASPECTS}  # over the gold measures the parser found
    per_type: dict[str, dict[str, Score]] = {a: {} for a in ASPECTS}
    for name, gold in items:
        recs = map_document(parse(split, name, gold))
        measures, codes = parsed_measures(recs)
        coded_l = list(dict.fromkeys([*gold.get("instruments", {}), *gold.get("domains", {})]))
        pairs, split_n = pair_gold(coded_l, measures)
        got = {a: {t: set().union(*(codes[a][i] for i in ix)) for t, ix in pairs.items()} for a in ASPECTS}
        titles = set(pairs)
        coded = set(coded_l)
        exact = coded - {m.title for m in measures}
        entry: dict = {"gold_measures": len(coded), "unparsed_measures": len(coded - titles),
                       "unmatched_exact_title": len(exact), "paired_by_heading": split_n}
        for k in ("gold_measures", "unparsed_measures", "unmatched_exact_title", "paired_by_heading"):
            res[k] = res.get(k, 0) + entry[k]
        scheme = None if raw else int(gold.get("coding_scheme") or 1)
        if scheme is not None:
            entry["coding_scheme"] = scheme
        for a in ASPECTS:
            if not gold.get(a):
                continue
            errs: list | None = [] if show else None
            s = score_aspect(gold[a], got[a], per_type[a], errs, a, scheme)
            totals[a].add(s)
            parsed_totals[a].add(score_aspect({t: v for t, v in gold[a].items() if t in titles}, got[a], {}, None,
                                              a, scheme))
            entry[a] = s.as_dict()
            if errs:
                entry.setdefault("errors", {})[a] = errs
        res["docs"][name] = entry
    res["total"] = {a: s.as_dict() for a, s in totals.items() if s.tp + s.fp + s.fn}
    res["total_parsed"] = {a: s.as_dict() for a, s in parsed_totals.items() if s.tp + s.fp + s.fn}
    res["per_type"] = {a: {t: s.as_dict() for t, s in sorted(d.items())} for a, d in per_type.items() if d}
    return res


def evaluate(splits=SPLITS, with_errors: bool = False, raw: bool = False,
             batches: frozenset[int] | None = None) -> dict:
    out = {}
    for sp in splits:
        r = evaluate_split(sp, with_errors, raw, batches)
        if r is not None:
            out[sp] = r
    return out


def _fmt(x) -> str:
    return "   n/a" if x is None else f"{x:6.3f}"


def report(res: dict, per_type: bool = True) -> str:
    lines = []
    for sp, r in res.items():
        lines.append(f"== {sp} ({len(r['docs'])} docs, {r.get('gold_measures', 0)} coded measures, "
                     f"{r.get('unparsed_measures', 0)} of them not found by the parser; "
                     f"{r.get('unmatched_exact_title', 0)} without the exact title, "
                     f"{r.get('paired_by_heading', 0)} met as a heading of several parsed measures)")
        for key, label in (("total", ""), ("total_parsed", " (found)")):
            if key == "total_parsed" and not r.get("unparsed_measures"):
                continue
            for a, d in r[key].items():
                lines.append(f"  {a + label:20} P {_fmt(d['precision'])} R {_fmt(d['recall'])} F1 {_fmt(d['f1'])}"
                             f"   {d['tp']}/{d['fp']}/{d['fn']}")
        if per_type:
            for a, types in r["per_type"].items():
                for t, d in types.items():
                    lines.append(f"    {a[:4]} {t:26} P {_fmt(d['precision'])} R {_fmt(d['recall'])}"
                                 f" F1 {_fmt(d['f1'])}   {d['tp']}/{d['fp']}/{d['fn']}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", choices=SPLITS, help="only these splits (default all)")
    ap.add_argument("--out", default=None, help="result file (default bench/results/eval_coding.json; '' none)")
    ap.add_argument("--errors", action="store_true", help="print misses and false codes (never for corpus_heldout)")
    ap.add_argument("--brief", action="store_true", help="totals only")
    ap.add_argument("--batch", action="append", type=int,
                    help="dev split: only the gold files of these batches (default all)")
    ap.add_argument("--raw", action="store_true", help="score every id as is, whatever id list the gold was coded with")
    args = ap.parse_args()
    res = evaluate(args.split or SPLITS, args.errors, args.raw, frozenset(args.batch) if args.batch else None)
    print(report(res, not args.brief))
    if args.errors:
        for sp, r in res.items():
            for name, e in r["docs"].items():
                for a, errs in e.get("errors", {}).items():
                    for x in errs:
                        print(f"{sp}:{name}:{a}: {x['measure'][:30]}  miss={x['miss']} false={x['false']}")
    out = RESULT if args.out is None and not args.split and not args.batch else (Path(args.out) if args.out else None)
    if out:
        slim = {sp: {k: v for k, v in r.items() if k != "docs"} | {
            "docs": {n: {a: d for a, d in e.items() if a != "errors"} for n, e in r["docs"].items()}}
            for sp, r in res.items()}
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(slim, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
