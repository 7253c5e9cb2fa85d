"""A measure's run-in title as instrument evidence (ontology/mapping/policies.py, TITLE_METHOD).

A heading names a topic, not an action, so a title's cue words code nothing beside an action the measure's text
codes. But where the text codes no action at all (开展…普查：全面排查…，摸清底数), the run-in title is the only place
the action is written: its cues count, marked method="title". Our own sentences.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from loaders import parse_plan
from ontology.mapping import map_document

PLAN = """某市排水防涝能力提升实施方案
一、重点任务
1.开展城区排水设施普查：逐段排查管网和泵站运行状况，摸清易涝点底数。
2.设立管网改造专项资金：对完成雨污分流改造的小区按每户500元给予补助。
3.完善城区排涝体系：到2026年城区易涝点全部消除。
"""


def _uses() -> dict[str, dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.txt"
        path.write_text(PLAN, encoding="utf-8")
        recs = map_document(parse_plan(path, {"file": path.name, "region": "某市", "region_en": "X",
                                              "level": "prefecture"}))
    titles = {n.id: n.properties["title"] for n in recs.nodes if n.label == "Policy"}
    out: dict[str, dict[str, str]] = {t: {} for t in titles.values()}
    for r in recs.relationships:
        if r.type == "USES_INSTRUMENT":
            out[titles[r.start]][r.end.split(":", 1)[1]] = r.properties["method"]
    return out


def test_title_codes_only_where_the_text_codes_nothing():
    uses = _uses()
    assert uses["开展城区排水设施普查"] == {"survey_investigation": "title"}, uses
    # the text codes a grant: the title's special fund is its topic, no second code
    assert uses["设立管网改造专项资金"] == {"subsidy": "cue"}, uses
    # a title and a text with no action code nothing
    assert uses["完善城区排涝体系"] == {}, uses
