"""Measures on synthetic dev plans of other genres (tests/fixtures_measures/<name>.txt with
<name>.structure.json gold in the corpus gold's format): 实施意见 with run-in titled paragraphs,
若干措施 with 第N条 articles, 工作要点, 行动计划 with 专项行动 blocks.

    .venv/bin/python -m bench.eval_measures_dev [--verbose] [NAME ...]

Scores measures (title pairing of ``bench.eval_structure``), the paired measures' section
(the gold section equals the measure's innermost section title, "" for none) and agency links.
The plans are written for this bench in the shapes of real plans of other provinces (no
third-party text). Results to bench/results/eval_measures_dev.json.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench import eval_structure as es
from loaders.pipeline import parse_text
from model.records import GraphRecords
from ontology.mapping.plans import map_plan

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures_measures"
RESULT = ROOT / "bench" / "results" / "eval_measures_dev.json"


def _meta(g: dict) -> dict:
    meta = {"file": g["plan"], "region": g["region"], "region_en": g["region_en"], "level": g.get("level", "county")}
    for k in ("parent", "province"):
        if g.get(k) and g[k] != g["region"]:
            meta[k] = g[k]
    return meta


def evaluate_doc(g: dict, verbose: bool = False) -> tuple[dict, es.PR, es.PR, list[int]]:
    text = (FIXTURES / g["plan"]).read_text(encoding="utf-8")
    doc = parse_text(text, _meta(g), g["plan"])
    _, chain = map_plan(doc, GraphRecords())
    errors: list = []
    gm = g["measures"]
    pairs = es.pair_measures(gm, doc.measures)
    meas = es.PR(tp=len(pairs), fp=len(doc.measures) - len(pairs), fn=len(gm) - len(pairs))
    sec_ok = 0
    for gi, x in enumerate(gm):
        if gi not in pairs:
            errors.append({"measure_miss": x["title"]})
            continue
        m = doc.measures[pairs[gi]]
        path = list(m.section_path)
        if path and es.norm(path[-1]) == es.norm(m.title):
            path = path[:-1]         # a heading that is its own measure: its section is the one above
        if es.norm(path[-1] if path else "") == es.norm(x["section"]):
            sec_ok += 1
        else:
            errors.append({"section": x["title"], "want": x["section"], "have": path})
    paired = set(pairs.values())
    for mi, m in enumerate(doc.measures):
        if mi not in paired:
            errors.append({"measure_false": m.title, "section": m.section_path})
    ag = es.score_agencies(gm, doc.measures, pairs, chain, errors)
    out = {"measures": meas.as_dict(), "sections": f"{sec_ok}/{len(pairs)}", "agency_links": ag.as_dict()}
    if verbose:
        out["errors"] = errors
    return out, meas, ag, [sec_ok, len(pairs)]


def evaluate(names: list[str] | None = None, verbose: bool = False) -> dict:
    per, meas, ag = {}, es.PR(), es.PR()
    sec = [0, 0]
    for p in sorted(FIXTURES.glob("*.structure.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if names and Path(g["plan"]).stem not in names:
            continue
        d, m, a, s = evaluate_doc(g, verbose)
        per[g["plan"]] = d
        meas.add(m)
        ag.add(a)
        sec = [sec[0] + s[0], sec[1] + s[1]]
    total = {"documents": len(per), "measures": meas.as_dict(), "sections": f"{sec[0]}/{sec[1]}",
             "agency_links": ag.as_dict()}
    return {"total": total, "per_document": per}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--out", default=str(RESULT))
    a = ap.parse_args(argv)
    res = evaluate(a.names, a.verbose)
    for name, d in res["per_document"].items():
        print(name, json.dumps({k: v for k, v in d.items() if k != "errors"}, ensure_ascii=False))
        for e in d.get("errors", []):
            print("   ", json.dumps(e, ensure_ascii=False))
    print("TOTAL", json.dumps(res["total"], ensure_ascii=False))
    if not a.names:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
