"""Document structure on the real development corpus against hand annotations.

    .venv/bin/python bench/eval_structure.py [--split tuning|heldout|all] [--out FILE] [--verbose]

Reads every ``tests/gold/corpus/<stem>.structure.json`` (the structure engineers write the
tuning ones, the gold annotator the held-out ones; a split without gold files is reported
as missing, not as zero), parses ``../shared/corpus/<plan>`` with the region the gold file
names, and scores per document and per split (tuning and held-out apart):

* body         -- CJK characters of lines the junk pass dropped without a junk feature
                  (``loaders.junk.body_dropped``), and whether the gold ``body_tail`` (the
                  last characters of the real body) is still in the cleaned text;
* table rows   -- gold and parsed tables are paired by the most cells they share (largest
                  overlap first over all pairs, so an earlier gold table sharing a few
                  numbers cannot take the parsed table of a later one); columns are paired
                  by their cells; a gold row counts as rebuilt when a row of the parsed table
                  has every gold cell in the paired column (cells compared without spaces and
                  joiner punctuation; empty = None = ""; a gold cell is a short quote, so it
                  also matches a parsed cell it opens up to a clause boundary -- `，。；、：（`
                  after it -- but not one it opens mid-phrase);
* measures     -- recall and precision by normalised title containment (a gold title in
                  a parsed title or the reverse, or a gold title opening a parsed measure's
                  text), one parsed measure per gold measure; a gold measure titled by a
                  heading that is still unpaired meets the heading's one parsed measure (the
                  heading's single paragraph titled by its own run-in sentence);
* agency links -- (measure, agency) pairs over the paired measures, names compared by the
                  id the mapping's resolver gives them in the plan's region chain (so 区发展改革委
                  in a 虹口区 plan meets 虹口区发展改革委); implied agencies count as involved;
                  precision over every parsed pair, recall over every gold pair.

Results to bench/results/eval_structure.json.
"""
from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

from loaders import parse_plan
from loaders.junk import body_dropped
from loaders.normalize import inline
from model.records import GraphRecords
from ontology.mapping import agencies as agency_mod
from ontology.mapping.plans import map_plan

ROOT = Path(__file__).resolve().parent.parent

GOLD_DIR = ROOT / "tests" / "gold" / "corpus"
CORPUS = ROOT.parent / "shared" / "corpus"
RESULT = ROOT / "bench" / "results" / "eval_structure.json"
SPLITS = ("tuning", "heldout")
_NORM = re.compile(r"[\s；;、，,。：:“”\"'（）()《》【】\-—]")


def norm(s) -> str:
    return _NORM.sub("", s or "")


# punctuation after which a quote of a cell's opening words may stop
_CLAUSE_END = set("，,。；;、：:（(！？!?…")
_CLOSERS = set("”\"'）)》】")


def cell_match(gold: str, parsed) -> bool:
    """Gold cell ``gold`` (already normalised) against a parsed cell: equal after ``norm``, or
    a quote of its opening words (the annotation's short quote of a long cell) that ends where
    a clause ends in the parsed cell -- not a prefix stopping mid-phrase, so a cell with the next
    row's label glued on does not meet the shorter gold cell."""
    raw = parsed or ""
    if norm(raw) == gold:
        return True
    if not gold:
        return False
    k = 0
    for ch in raw:
        if k == len(gold):
            if ch.isspace() or ch in _CLOSERS:
                continue
            return ch in _CLAUSE_END
        if _NORM.match(ch):
            continue
        if ch != gold[k]:
            return False
        k += 1
    return k == len(gold)


@dataclass
class PR:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, o: PR) -> None:
        self.tp += o.tp
        self.fp += o.fp
        self.fn += o.fn

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(p, 3) if p is not None else None, "recall": round(r, 3) if r is not None else None}


def gold_files(split: str) -> list[tuple[Path, dict]]:
    out = []
    for p in sorted(GOLD_DIR.glob("*.structure.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if g.get("split") == split:
            out.append((p, g))
    return out


def load(g: dict):
    meta = {"file": g["plan"], "region": g["region"], "region_en": g["region_en"], "level": g.get("level", "county")}
    for k in ("parent", "parent_en", "province", "province_en"):
        if g.get(k):
            meta[k] = g[k]
    if meta.get("province") == meta["region"]:
        meta.pop("province")
    if meta.get("parent") == meta["region"]:
        meta.pop("parent")
    return parse_plan(CORPUS / g["plan"], meta)


# -- tables ----------------------------------------------------------------------------
def _cells(t) -> set[str]:
    return {norm(c) for r in t.rows for c in r if norm(c)}


def pair_tables(gold: list[dict], tables: list) -> dict[int, int]:
    """Gold table index -> parsed table index, largest shared-cell count first over every
    (gold, parsed) pair (ties: earlier gold, then earlier parsed table); a gold table sharing
    no cell with any free parsed table stays unpaired."""
    pcells = [_cells(t) for t in tables]
    cand = []
    for gi, gt in enumerate(gold):
        gcells = {norm(c) for r in gt["rows"] for c in r if norm(c)}
        for pi, pc in enumerate(pcells):
            n = len(gcells & pc)
            if n:
                cand.append((-n, gi, pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(cand):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def pair_columns(gt: dict, t) -> dict[int, int]:
    """Gold column -> parsed column, one to one, most shared cells first (then nearest in order):
    two gold columns cannot both claim the parsed column that holds either."""
    ncol = max((len(r) for r in gt["rows"]), default=0)
    pcols = max((len(r) for r in t.rows), default=0)
    cscore = []
    for gc in range(ncol):
        gvals = [norm(r[gc]) if gc < len(r) else "" for r in gt["rows"]]
        for pc in range(pcols):
            pvals = [r[pc] if pc < len(r) else None for r in t.rows]
            n = sum(1 for v in gvals if v and any(cell_match(v, x) for x in pvals))
            if n:
                cscore.append((-n, abs(pc - gc), gc, pc))
    colmap: dict[int, int] = {}
    for _, _, gc, pc in sorted(cscore):
        if gc not in colmap and pc not in colmap.values():
            colmap[gc] = pc
    return colmap


def score_tables(gold: list[dict], tables: list, errors: list) -> dict:
    rows_total = rows_ok = 0
    pairs = pair_tables(gold, tables)
    per = []
    for gi, gt in enumerate(gold):
        rows_total += len(gt["rows"])
        if gi not in pairs:
            per.append({"title": gt.get("title"), "rows": len(gt["rows"]), "rebuilt": 0, "found": False})
            errors.append({"table_missing": gt.get("title")})
            continue
        t = tables[pairs[gi]]
        colmap = pair_columns(gt, t)
        ok = 0
        for r in gt["rows"]:
            want = [(colmap.get(gc), norm(r[gc])) for gc in range(len(r))]
            hit = any(all((pc is not None and pc < len(pr) and cell_match(v, pr[pc])) or (pc is None and not v)
                          for pc, v in want) for pr in t.rows)
            if hit:
                ok += 1
            else:
                errors.append({"row": r, "table": gt.get("title")})
        rows_ok += ok
        per.append({"title": gt.get("title"), "rows": len(gt["rows"]), "rebuilt": ok, "found": True,
                    "parsed_rows": len(t.rows)})
    return {"rows": rows_total, "rebuilt": rows_ok, "tables": per}


# -- measures and agencies -------------------------------------------------------------
def _title_match(g: str, m) -> bool:
    a, b = norm(g), norm(m.title)
    if not a or not b:
        return False
    if a in b or (b in a and len(b) >= min(6, len(a))):
        return True
    return norm(m.text[:len(g) + 12]).find(a) >= 0


def pair_measures(gold: list[dict], measures: list) -> dict[int, int]:
    """Gold measure index -> parsed measure index: by title (``_title_match``, first free parsed
    measure in gold order); then a gold measure still unpaired whose title is a heading meets the
    one parsed measure that heading holds (its innermost section), if it holds exactly one -- the
    heading's single paragraph, titled by its own run-in sentence rather than by the heading."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for gi, g in enumerate(gold):
        for mi, m in enumerate(measures):
            if mi not in taken and _title_match(g["title"], m):
                pairs[gi] = mi
                taken.add(mi)
                break
    under: dict[str, list[int]] = {}
    for mi, m in enumerate(measures):
        path = list(getattr(m, "section_path", None) or [])
        if path:
            under.setdefault(norm(path[-1]), []).append(mi)
    for gi, g in enumerate(gold):
        held = under.get(norm(g["title"]), []) if gi not in pairs and norm(g["title"]) else []
        if len(held) == 1 and held[0] not in taken:
            pairs[gi] = held[0]
            taken.add(held[0])
    return pairs


def _agencies(m) -> list[str]:
    r = m.responsibility
    if r is None:
        return []
    return list(dict.fromkeys(r.lead + r.involved + list(getattr(r, "implied", []) or [])))


def agency_key(name: str, chain) -> str:
    """The id the mapping's resolver gives ``name`` in the plan's region chain (else the normalised
    name). The name is first written the way the cleaned text writes it (``loaders.normalize.inline``:
    half-width brackets next to Chinese become full-width), since gold names are quoted from the raw
    file and parsed names from the cleaned text: 街道(开发区)办事处 is 街道（开发区）办事处."""
    ref = agency_mod.resolve(inline(name) or name, chain)
    return ref.id if ref else norm(name)


def score_agencies(gold: list[dict], measures: list, pairs: dict[int, int], chain, errors: list) -> PR:
    def aid(name: str) -> str:
        return agency_key(name, chain)
    s = PR()
    paired = {mi: gi for gi, mi in pairs.items()}
    for gi, g in enumerate(gold):
        want = {aid(n) for n in g.get("lead", []) + g.get("involved", [])}
        have = {aid(n) for n in _agencies(measures[pairs[gi]])} if gi in pairs else set()
        s.tp += len(want & have)
        s.fn += len(want - have)
        if want - have:
            errors.append({"agency_miss": g["title"], "names": sorted(want - have)})
    for mi, m in enumerate(measures):
        have = {aid(n) for n in _agencies(m)}
        if mi in paired:
            g = gold[paired[mi]]
            want = {aid(n) for n in g.get("lead", []) + g.get("involved", [])}
            extra = have - want
        else:
            extra = have
        s.fp += len(extra)
        if extra:
            errors.append({"agency_false": m.title, "names": sorted(extra)})
    return s


def evaluate_doc(g: dict, verbose: bool = False) -> dict:
    doc = load(g)
    _, chain = map_plan(doc, GraphRecords())
    errors: list = []
    bd = body_dropped(doc)
    tail = norm(g.get("body_tail"))
    tail_ok = bool(tail) and tail in norm(doc.text)
    tables = score_tables(g.get("tables", []), doc.tables, errors)
    gm = g.get("measures")
    if gm is None:            # a gold file that annotates tables only: no measure or agency score
        out = {"body_dropped_chars": bd["chars"], "body_dropped_share": bd["share"], "body_tail_kept": tail_ok,
               "table_rows": tables["rows"], "table_rows_rebuilt": tables["rebuilt"], "tables": tables["tables"],
               "measures": None, "agency_links": None}
        if verbose:
            out["errors"] = errors
        return out, PR(), PR()
    pairs = pair_measures(gm, doc.measures)
    meas = PR(tp=len(pairs), fp=len(doc.measures) - len(pairs), fn=len(gm) - len(pairs))
    for gi, x in enumerate(gm):
        if gi not in pairs:
            errors.append({"measure_miss": x["title"]})
    ag = score_agencies(gm, doc.measures, pairs, chain, errors)
    dl_total = sum(1 for x in gm if x.get("deadline"))
    dl_ok = sum(1 for gi, x in enumerate(gm) if x.get("deadline") and gi in pairs
                and norm(doc.measures[pairs[gi]].deadline) == norm(x["deadline"]))
    out = {"body_dropped_chars": bd["chars"], "body_dropped_share": bd["share"], "body_tail_kept": tail_ok,
           "table_rows": tables["rows"], "table_rows_rebuilt": tables["rebuilt"], "tables": tables["tables"],
           "measures": meas.as_dict(), "agency_links": ag.as_dict(),
           "deadlines": {"gold": dl_total, "found": dl_ok}}
    if verbose:
        out["errors"] = errors
    return out, meas, ag


def evaluate(split: str, verbose: bool = False) -> dict:
    files = gold_files(split)
    if not files:
        return {"missing": f"no {split} gold in {GOLD_DIR.relative_to(ROOT)}"}
    if not CORPUS.is_dir():
        return {"missing": f"{CORPUS} is absent"}
    per, meas, ag = {}, PR(), PR()
    rows = rebuilt = dropped = 0
    tails = 0
    for _, g in files:
        d, m, a = evaluate_doc(g, verbose)
        per[g["plan"]] = d
        meas.add(m)
        ag.add(a)
        rows += d["table_rows"]
        rebuilt += d["table_rows_rebuilt"]
        dropped += d["body_dropped_chars"]
        tails += d["body_tail_kept"]
    total = {"documents": len(files), "body_dropped_chars": dropped, "body_tail_kept": f"{tails}/{len(files)}",
             "table_rows": rows, "table_rows_rebuilt": rebuilt,
             "table_rows_share": round(rebuilt / rows, 3) if rows else None,
             "measures": meas.as_dict(), "agency_links": ag.as_dict()}
    return {"total": total, "per_document": per}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("tuning", "heldout", "all"), default="all")
    ap.add_argument("--out", default=str(RESULT))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    splits = SPLITS if a.split == "all" else (a.split,)
    result = {s: evaluate(s, a.verbose) for s in splits}
    for s in splits:
        t = result[s].get("total")
        print(s, json.dumps(t if t else result[s], ensure_ascii=False))
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
