"""Mapping quality on the seed plans against hand annotations (tests/gold/<seed>.json).

    .venv/bin/python -m bench.eval_mapping [--set seeds|heldout|all] [--out ...] [--verbose]

``--set seeds`` (default) scores the seed plans (data/plans, gold tests/gold/<seed>.json) and
writes bench/results/eval_mapping.json; ``--set heldout`` scores the held-out style plans of
other places (tests/heldout, gold tests/gold/heldout_<name>.json, which name the file, the
region and its level) and writes bench/results/eval_mapping_heldout.json; ``--set all`` both
(results of each set to its own file).

Parses and maps each plan, then scores four categories against the gold file:

* targets     -- a quantitative statement; an extracted Target (with a value) matches a
                 gold one when the indicator agrees (same canonical indicator, or one
                 normalised name contains the other, or a gold ``alt`` name is contained),
                 the value (after unit normalisation, value_max too for ranges), the unit
                 (normalised) and the year (a gold year of null accepts any year).
                 Gold rows with ``optional: true`` (coverage phrasings, eligibility
                 thresholds, baseline columns) count neither way.  Where the gold file
                 gives ``target_scope`` (text spans, by quoted start/end strings), only
                 extractions quoted inside it are scored (partly annotated plans).
* agencies    -- (measure, agency) pairs, role ignored; ``lead`` accuracy reported apart.
                 Names match by full name or by the id the mapping's resolver gives them
                 (so 扬州市发改委 and 扬州市发展改革委 meet).  ``implied`` agencies (\"以下均需…
                 负责，不再列出\") count as involved ones.
* instruments -- (measure, instrument id) pairs over the annotated sample of measures.
* domains     -- (measure, domain id) pairs over the same sample.

Measures are keyed by their title as the parser reads it.
"""
from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

from loaders import parse_plan
from model.records import GraphRecords
from ontology.mapping import agencies as agency_mod
from ontology.mapping import map_document
from ontology.mapping.indicators import canonical, normalize_name
from ontology.mapping.plans import map_plan
from ontology.mapping.units import normalize

ROOT = Path(__file__).resolve().parent.parent

SEEDS = ["yangzhou", "ningxia", "wuxi", "jiaxing", "wuxing"]
GOLD_DIR = ROOT / "tests" / "gold"
HELDOUT_DIR = ROOT / "tests" / "heldout"
HELDOUT = sorted(p.stem for p in GOLD_DIR.glob("heldout_*.json"))
RESULTS = {"seeds": ROOT / "bench" / "results" / "eval_mapping.json",
           "heldout": ROOT / "bench" / "results" / "eval_mapping_heldout.json"}
CATEGORIES = ("targets", "agencies", "instruments", "domains")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)

    def as_dict(self) -> dict:
        rnd = lambda x: None if x is None else round(x, 4)  # noqa: E731
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": rnd(self.precision), "recall": rnd(self.recall), "f1": rnd(self.f1)}


def _norm_ind(s: str) -> str:
    s = normalize_name(s or "")
    s = re.sub(r"[()（）%‰，,、\s]", "", s)
    return s


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _unit_norm(value, unit):
    if unit == "ratio":
        return value, "ratio"
    return normalize(value, unit)


def same_quantity(g: dict, t: dict) -> bool:
    """A valued target with the same value (and upper bound), the same unit after normalization and
    a matching indicator name; the year is left to the caller (eval_targets scores it apart)."""
    return t.get("value") is not None and _quantity_matches(g, t)


def _quantity_matches(g: dict, t: dict) -> bool:
    gv, gu = _unit_norm(g.get("value"), g.get("unit"))
    tv, tu = _unit_norm(t.get("value"), t.get("unit"))
    if gu != tu or not _close(gv, tv):
        return False
    if g.get("value_max") is not None or t.get("value_max") is not None:
        gm, _ = _unit_norm(g.get("value_max"), g.get("unit"))
        tm, _ = _unit_norm(t.get("value_max"), t.get("unit"))
        if not _close(gm, tm):
            return False
    return indicator_matches(g, t.get("indicator_text") or "", t.get("indicator_id"))


def target_matches(g: dict, t: dict) -> bool:
    if g.get("year") is not None and t.get("year") != g.get("year"):
        return False
    return _quantity_matches(g, t)


def indicator_matches(g: dict, written: str, ind_id: str | None) -> bool:
    names = [g["indicator"], *g.get("alt", [])]
    tn = _norm_ind(written)
    if not tn:
        return False
    for n in names:
        gn = _norm_ind(n)
        if not gn:
            continue
        if gn in tn or tn in gn:
            return True
        ref = canonical(n, g.get("unit"))
        if ref is not None and ref.known and ref.id == ind_id:
            return True
    return False


def _span_of(text: str, spec) -> tuple[int, int]:
    start = text.index(spec[0])
    end = text.index(spec[1], start) + len(spec[1])
    return start, end


def extracted(recs: GraphRecords) -> dict:
    nodes = {n.id: n for n in recs.nodes}
    targets = []
    measures_of: dict[str, dict] = {}
    for r in recs.relationships:
        if r.type == "MEASURES":
            t = nodes[r.start]
            if t.properties.get("value") is None:
                continue
            targets.append({**t.properties, "indicator_id": r.end, "id": t.id})
    agencies: dict[str, dict[str, str]] = {}
    instruments: dict[str, set] = {}
    domains: dict[str, set] = {}
    for r in recs.relationships:
        if r.start_label != "Policy":
            continue
        title = nodes[r.start].properties.get("title") or ""
        if r.type in ("LED_BY", "INVOLVES"):
            agencies.setdefault(title, {})[r.end] = r.type
            measures_of.setdefault(r.end, nodes[r.end].properties)
        elif r.type == "USES_INSTRUMENT":
            instruments.setdefault(title, set()).add(r.end.split(":", 1)[1])
        elif r.type == "IN_DOMAIN":
            domains.setdefault(title, set()).add(r.end.split(":", 1)[1])
    return {"targets": targets, "agencies": agencies, "agency_nodes": measures_of,
            "instruments": instruments, "domains": domains}


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def in_scope(t: dict, scope: list[tuple[int, int]], text: str) -> bool:
    """The fact's quote overlaps a scoped passage and its number is written there."""
    return any(t["span_start"] < b and t["span_end"] > a and _num(t["value"]) in text[a:b] for a, b in scope)


def score_targets(gold: list[dict], got: list[dict], scope: list[tuple[int, int]] | None, errors: list,
                  text: str = "") -> Score:
    s = Score()
    if scope is not None:
        got = [t for t in got if in_scope(t, scope, text)]
    used: set[str] = set()
    for g in gold:
        hit = next((t for t in got if t["id"] not in used and target_matches(g, t)), None)
        if hit is not None:
            used.add(hit["id"])
            if not g.get("optional"):
                s.tp += 1
        elif not g.get("optional"):
            s.fn += 1
            errors.append({"miss": g})
    for t in got:
        if t["id"] in used:
            continue
        # a repeat of a matched fact (same value, unit, indicator) is not a second error
        as_gold = {"indicator": t["indicator_text"], "value": t["value"], "value_max": t.get("value_max"),
                   "unit": t["unit"], "year": t["year"]}
        if any(u != t["id"] and target_matches(as_gold, o) for u in used for o in got if o["id"] == u):
            continue
        s.fp += 1
        keys = ("indicator_text", "value", "value_max", "unit", "comparator", "year", "kind", "quote")
        errors.append({"false": {k: t.get(k) for k in keys}})
    return s


def score_agencies(gold: dict, got: dict, nodes: dict, chain, errors: list) -> tuple[Score, Score]:
    s, lead = Score(), Score()
    for title, g in gold.items():
        have = got.get(title, {})
        want = {}
        # implied agencies (named once by a blanket clause: 以下均需…负责，不再列出) count as involved
        for role, key in (("LED_BY", "lead"), ("INVOLVES", "involved"), ("INVOLVES", "implied")):
            for name in g.get(key, []):
                want.setdefault(name, role)
        implied: set[str] = set()

        def aid(name: str) -> str | None:
            ref = agency_mod.resolve(name, chain)
            return ref.id if ref else None

        def same(name: str, agency_id: str) -> bool:
            return nodes[agency_id].get("name") == name or aid(name) == agency_id

        matched = set()
        for name, role in want.items():
            hit = next((a for a in have if a not in matched and same(name, a)), None)
            if hit:
                matched.add(hit)
                s.tp += 1
                if role == "LED_BY":
                    lead.tp += 1 if have[hit] == "LED_BY" else 0
                    lead.fn += 0 if have[hit] == "LED_BY" else 1
            else:
                s.fn += 1
                lead.fn += role == "LED_BY"
                errors.append({"miss": [title, name, role]})
        for a, role in have.items():
            if a in matched or any(same(n, a) for n in implied):
                continue
            s.fp += 1
            lead.fp += role == "LED_BY"
            errors.append({"false": [title, nodes[a].get("name"), role]})
    return s, lead


def score_sets(gold: dict, got: dict, errors: list) -> Score:
    s = Score()
    for title, want in gold.items():
        have = got.get(title, set())
        want = set(want)
        s.tp += len(want & have)
        s.fn += len(want - have)
        s.fp += len(have - want)
        if want != have:
            errors.append({"measure": title, "miss": sorted(want - have), "false": sorted(have - want)})
    return s


def load_plan(name: str, gold: dict):
    """The parsed plan a gold file annotates: a seed (data/plans/<seed>.txt) or a held-out
    document (tests/heldout/<gold plan>, with the region the gold file names)."""
    if not name.startswith("heldout_"):
        return parse_plan(ROOT / "data" / "plans" / f"{name}.txt")
    path = HELDOUT_DIR / gold["plan"]
    meta = {"region": gold["region"], "region_en": gold["region_en"], "level": gold.get("level", "prefecture")}
    if path.name.endswith(".docx.txt"):  # the source of a .docx the loader tests build
        import tempfile

        from bench.docx_fixture import build_docx
        with tempfile.TemporaryDirectory(prefix="plangraph-heldout-") as tmp:
            path = build_docx(path, Path(tmp) / path.name.replace(".docx.txt", ".docx"))
            return parse_plan(path, {"file": path.name, **meta})
    return parse_plan(path, {"file": path.name, **meta})


def plans_of(which: str) -> list[str]:
    return {"seeds": SEEDS, "heldout": HELDOUT, "all": SEEDS + HELDOUT}[which]


def evaluate(seeds=SEEDS, verbose: bool = False) -> dict:
    result = {"per_seed": {}, "total": {}}
    totals = {c: Score() for c in (*CATEGORIES, "agency_lead")}
    for seed in seeds:
        path = GOLD_DIR / f"{seed}.json"
        if not path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = load_plan(seed, gold)
        recs = map_document(doc)
        _, chain = map_plan(doc, GraphRecords())
        got = extracted(recs)
        errors: dict[str, list] = {c: [] for c in CATEGORIES}
        scores: dict[str, Score] = {}
        scope = None
        if gold.get("target_scope"):
            scope = [_span_of(doc.text, sp) for sp in gold["target_scope"]]
        if "targets" in gold:
            scores["targets"] = score_targets(gold["targets"], got["targets"], scope, errors["targets"], doc.text)
        if gold.get("agencies"):
            scores["agencies"], scores["agency_lead"] = score_agencies(
                gold["agencies"], got["agencies"], got["agency_nodes"], chain, errors["agencies"])
        if gold.get("instruments"):
            scores["instruments"] = score_sets(gold["instruments"], got["instruments"], errors["instruments"])
        if gold.get("domains"):
            scores["domains"] = score_sets(gold["domains"], got["domains"], errors["domains"])
        for c, sc in scores.items():
            totals[c].add(sc)
        entry = {c: sc.as_dict() for c, sc in scores.items()}
        if verbose:
            entry["errors"] = {c: e for c, e in errors.items() if e}
        result["per_seed"][seed] = entry
    result["total"] = {c: sc.as_dict() for c, sc in totals.items() if sc.tp + sc.fp + sc.fn}
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", dest="which", choices=("seeds", "heldout", "all"), default="seeds",
                    help="seed plans (default), held-out style plans of other places, or both")
    ap.add_argument("--out", default=None,
                    help="result file (default bench/results/eval_mapping.json for seeds, "
                         "eval_mapping_heldout.json for heldout; --set all writes both); '' to write nothing")
    ap.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    ap.add_argument("--seed", action="append", help="only these plans (seed or heldout_<name>)")
    args = ap.parse_args()
    if args.which == "all" and not args.seed:
        rc = 0
        for which in ("seeds", "heldout"):
            print(f"== {which}")
            rc |= run(plans_of(which), args.verbose, RESULTS[which] if args.out is None else None)
        return rc
    out = RESULTS.get(args.which) if args.out is None else args.out
    return run(args.seed or plans_of(args.which), args.verbose, None if args.seed else out)


def run(plans: list[str], verbose: bool, out) -> int:
    res = evaluate(plans, verbose=verbose)
    if verbose:
        print(json.dumps(res["per_seed"], ensure_ascii=False, indent=1))
    print(f"{'':20}{'category':13}{'P':>7}{'R':>7}{'F1':>7}   tp/fp/fn")
    rows = [(seed, c, d) for seed, e in res["per_seed"].items() for c, d in e.items() if c != "errors"]
    rows += [("TOTAL", c, d) for c, d in res["total"].items()]
    fmt = lambda x: "   n/a" if x is None else f"{x:7.3f}"  # noqa: E731
    for seed, c, d in rows:
        print(f"{seed:20}{c:13}{fmt(d['precision'])}{fmt(d['recall'])}{fmt(d['f1'])}   {d['tp']}/{d['fp']}/{d['fn']}")
    if out:
        out = Path(out)
        slim = {"per_seed": {s: {c: d for c, d in e.items() if c != "errors"} for s, e in res["per_seed"].items()},
                "total": res["total"]}
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(slim, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
