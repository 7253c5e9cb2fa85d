"""Flattened tables on synthetic dev fixtures (tests/fixtures_tables/*.json): row-exact and
cell-exact rates, and the task rows' measures with their agencies.

    .venv/bin/python bench/eval_tables_dev.py [--verbose] [NAME ...]

Each fixture is a spec written for this bench (no third-party text): the plan's lines before
and after the table, the header lines as flattened (a header cell may be split over lines), and
the rows, each cell one of

* a string -- one line;
* a list of strings -- a cell over several lines (the gold cell is their concatenation);
* null -- an empty cell: no line at all (a scraper writes nothing for it);
* "^" -- a merged cell: no line, the gold cell is the one of the row above (carried down);
* ``{"v": text}`` -- a merged cell written in another row (a PDF writes a merged cell at the middle
  of its span): no line, the gold cell is ``text``;

or ``{"joined": [cells], "sep": " "}`` -- a row written on one line, its cells joined by ``sep`` (a
scraper that keeps a table row on one line, cells apart by spaces or tabs); a cell given as a list ends
that line with its first piece, its further pieces are lines of their own and the cells after it start a
new joined line (a cell that wrapped); or ``{"group": [lines]}`` -- a group row between rows (a row
whose number or first cell is a 合计/小计 label is a total row: a row of the gold table, no measure);
or ``{"lines": [lines]}`` -- lines written between rows that are no row of their own (a merged cell
written between two rows, a header repeated after a page break). A table's ``agencies`` ({row number or
``#k`` for the k-th row: {"lead": [...], "involved": [...]}}) gives the agencies of rows whose
cells do not say them plainly (first named leads, the rest are involved). The text is written one line per cell
with blank lines between (the shape of the scraped corpus), so :func:`build` gives both the
plan text and the gold table in the corpus gold's format (``tests/gold/corpus``).

Scores: row-exact (``eval_structure.score_tables``: a gold row is rebuilt when a parsed row
has every gold cell in its paired column), cell-exact (gold cells equal to the parsed cell of
the row with the same number, in the paired column), group rows (found as a ``TableGroup`` with
their label and first row), measures (task rows: titles found) and
agency links (lead + involved, names resolved in the plan's region chain); in fixtures without task
rows, every measure found inside a table is a false one (``false_measures``, counted in the measures' fp).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from bench import eval_structure as es
from loaders.pipeline import parse_text
from model.records import GraphRecords
from ontology import vocab
from ontology.mapping.plans import map_plan

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures_tables"
_TOTAL = re.compile(rf"(?:{vocab.lexicon_regex('table_total_labels')})")


def _full(name: str, region: str) -> str:
    if name.startswith(region):
        return name
    if name[:1] in "区县市" and region.endswith(name[:1]):
        return region + name[1:]
    return region + name


def _joined_lines(cells: list, sep: str) -> list[str]:
    """The lines of a row written on one line (``{"joined": …}``): cells joined by ``sep``, a list cell
    ending the line with its first piece and writing its other pieces on lines of their own."""
    out: list[str] = []
    cur: list[str] = []
    for c in cells:
        if isinstance(c, list):
            cur.append(c[0])
            out.append(sep.join(cur))
            out += c[1:]
            cur = []
        elif isinstance(c, str):
            cur.append(c)
    if cur:
        out.append(sep.join(cur))
    return out


def build(spec: dict) -> tuple[str, list[dict], list[dict]]:
    """(plan text, gold tables, gold task-row measures) of a fixture spec."""
    lines = list(spec.get("before", []))
    gold_tables, gold_measures = [], []
    region = spec["meta"]["region"]
    for t in spec["tables"]:
        if t.get("title") and (not lines or lines[-1] != t["title"]):
            lines.append(t["title"])
        first_line = len(lines)
        lines += t["head_lines"]
        header, roles = t["header"], t["roles"]
        rows: list[list[str]] = []
        groups: list[dict] = []
        for r in t["rows"]:
            if isinstance(r, dict) and "lines" in r:
                lines += r["lines"]
                continue
            if isinstance(r, dict) and "joined" in r:
                lines += _joined_lines(r["joined"], r.get("sep", " "))
                rows.append([c if isinstance(c, str) else "".join(c) if isinstance(c, list) else ""
                             for c in r["joined"]])
                continue
            if isinstance(r, dict):
                lines += r["group"]
                groups.append({"label": " ".join(r["group"]), "first_row": len(rows)})
                continue
            row: list[str] = []
            for j, c in enumerate(r):
                if c is None:
                    row.append("")
                elif c == "^":
                    row.append(rows[-1][j])
                elif isinstance(c, dict):
                    row.append(c["v"])
                elif isinstance(c, list):
                    lines += c
                    row.append("".join(c))
                else:
                    lines.append(c)
                    row.append(c)
            rows.append(row)
        # the table's text span (header run to its last row line) in the text joined below
        start = sum(len(x) + 2 for x in lines[:first_line])
        end = sum(len(x) + 2 for x in lines) - 2
        lines += t.get("end_lines", [])
        gold_tables.append({"title": t.get("title"), "header": header, "roles": roles, "rows": rows,
                            "groups": groups, "span": [start, end]})
        tasks = [j for j, x in enumerate(roles) if x == "task"]
        resp = [j for j, x in enumerate(roles) if x == "responsible"]
        dl = [j for j, x in enumerate(roles) if x == "deadline"]
        if not (tasks and resp):
            continue
        over = t.get("agencies", {})
        raw_rows = [x["joined"] if isinstance(x, dict) and "joined" in x else x for x in t["rows"]]
        for k, (r, row) in enumerate(zip([x for x in raw_rows if not isinstance(x, dict)], rows)):
            if any(_TOTAL.fullmatch(c or "") for c in row[:2]):
                continue                       # a 合计/小计 row: a row of the table, no measure
            num = row[roles.index("number")] if "number" in roles else str(k + 1)
            key = f"#{k + 1}" if f"#{k + 1}" in over else num     # "#k": the k-th row (numbering restarts)
            if key in over:
                lead, inv = over[key]["lead"], over[key]["involved"]
            else:
                lead, inv = [], []
                for j in resp:
                    raw = r[j] if r[j] != "^" and not isinstance(r[j], dict) else None
                    lines_ = raw if isinstance(raw, list) else [row[j] or ""]
                    names = [n for ln in lines_ for n in ln.split("、") if n]
                    if "牵头" in header[j]:
                        lead += names
                    elif "配合" in header[j] or lead:
                        inv += names
                    else:
                        lead, inv = names[:1], inv + names[1:]
            gold_measures.append({"title": row[tasks[-1]], "lead": [_full(n, region) for n in lead],
                                  "involved": [_full(n, region) for n in inv],
                                  "deadline": row[dl[0]] if dl and row[dl[0]] else None})
    return "\n\n".join(lines) + "\n", gold_tables, gold_measures


def _cell_exact(gold: list[dict], tables: list) -> tuple[int, int]:
    """Cells of the gold in the parsed cell of their row and column: tables and columns paired as
    the corpus scorer pairs them (eval_structure), rows by their number."""
    ok = total = 0
    pairs = es.pair_tables(gold, tables)
    for gi, gt in enumerate(gold):
        total += sum(len(r) for r in gt["rows"])
        if gi not in pairs:
            continue
        t = tables[pairs[gi]]
        colmap = es.pair_columns(gt, t)
        num = gt["roles"].index("number") if "number" in gt["roles"] else None
        pnum = (t.roles or []).index("number") if "number" in (t.roles or []) else None
        seen: dict[str, int] = {}
        for ri, r in enumerate(gt["rows"]):
            pr = None
            if num is not None and pnum is not None:
                # the o-th parsed row numbered like the o-th gold row of that number (numbering restarts)
                o = seen.get(es.norm(r[num]), 0)
                seen[es.norm(r[num])] = o + 1
                same = [p for p in t.rows if pnum < len(p) and es.norm(p[pnum]) == es.norm(r[num])]
                pr = same[o] if o < len(same) else None
            elif ri < len(t.rows):
                pr = t.rows[ri]
            if pr is None:
                continue
            for gc, v in enumerate(r):
                pc = colmap.get(gc)
                got = pr[pc] if pc is not None and pc < len(pr) else None
                ok += es.norm(got) == es.norm(v)
    return ok, total


def _groups_found(gold: list[dict], tables: list) -> tuple[int, int]:
    """Group rows of the gold (``{"group": …}`` between rows) found as a ``TableGroup`` of the paired
    table with the same label and first row."""
    ok = total = 0
    pairs = es.pair_tables(gold, tables)
    for gi, gt in enumerate(gold):
        total += len(gt["groups"])
        if gi in pairs:
            got = {(es.norm(g.label), g.first_row) for g in tables[pairs[gi]].groups}
            ok += sum((es.norm(g["label"]), g["first_row"]) in got for g in gt["groups"])
    return ok, total


def _doc_span(text: str, doc_text: str, gt: dict) -> tuple[int, int] | None:
    """The gold table's span (``build``: offsets in the fixture text) in the parsed text, whose blank
    lines the loader drops: where its lines stand there, one after the other."""
    a, b = gt["span"]
    lines = [x for x in text[a:b].split("\n") if x.strip()]
    if not lines:
        return None
    head = "\n".join(lines[:3])
    start = doc_text.find(head)
    if start < 0:
        return None
    tail = "\n".join(lines[-2:])
    end = doc_text.find(tail, start)
    return (start, end + len(tail)) if end >= 0 else None


def evaluate(names: list[str] | None = None, verbose: bool = False) -> dict:
    per = {}
    tot = {"rows": 0, "rebuilt": 0, "cells": 0, "cells_ok": 0, "groups": 0, "groups_ok": 0}
    meas, ag = es.PR(), es.PR()
    for p in sorted(FIXTURES.glob("*.json")):
        if names and p.stem not in names:
            continue
        spec = json.loads(p.read_text(encoding="utf-8"))
        text, gold, gm = build(spec)
        meta = dict(spec["meta"], file=p.stem + ".txt")
        doc = parse_text(text, meta, p.stem + ".txt")
        errors: list = []
        tb = es.score_tables(gold, doc.tables, errors)
        ok, total = _cell_exact(gold, doc.tables)
        gok, gtot = _groups_found(gold, doc.tables)
        d = {"rows": tb["rows"], "rebuilt": tb["rebuilt"], "cells": total, "cells_ok": ok,
             "groups": gtot, "groups_ok": gok,
             "tables": [(len(t.rows), t.columns) for t in doc.tables]}
        if gm:
            start = min((t.start for t in doc.tables), default=0)
            end = max((t.end for t in doc.tables), default=0)
            ms = [m for m in doc.measures if start <= m.start < end]
            _, chain = map_plan(doc, GraphRecords())
            pairs = es.pair_measures(gm, ms)
            m = es.PR(tp=len(pairs), fp=len(ms) - len(pairs), fn=len(gm) - len(pairs))
            a = es.score_agencies(gm, ms, pairs, chain, errors)
            meas.add(m)
            ag.add(a)
            d["measures"], d["agency_links"] = m.as_dict(), a.as_dict()
        else:
            # an indicator, inventory or count table: its rows are table rows (targets), never measures --
            # inside a parsed table or inside the gold table's text (a table not found whose lines became
            # measures)
            spans = [(t.start, t.end) for t in doc.tables] + [x for g in gold if (x := _doc_span(text, doc.text, g))]
            ms = [m for m in doc.measures if any(a <= m.start < b for a, b in spans)]
            meas.add(es.PR(fp=len(ms)))
            d["false_measures"] = len(ms)
        if verbose:
            d["errors"] = errors
        per[p.stem] = d
        for k in tot:
            tot[k] += d[k]
    tot["row_share"] = round(tot["rebuilt"] / tot["rows"], 3) if tot["rows"] else None
    tot["cell_share"] = round(tot["cells_ok"] / tot["cells"], 3) if tot["cells"] else None
    return {"total": dict(tot, measures=meas.as_dict(), agency_links=ag.as_dict()), "per_fixture": per}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    r = evaluate(a.names or None, a.verbose)
    for k, d in r["per_fixture"].items():
        print(k, json.dumps({x: y for x, y in d.items() if x != "errors"}, ensure_ascii=False))
        for e in d.get("errors", []):
            print("   ", json.dumps(e, ensure_ascii=False))
    print("TOTAL", json.dumps(r["total"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
