"""The table-row scorer of bench/eval_structure.py on synthetic tables (no corpus needed)."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_structure import cell_match, norm, pair_measures, score_tables  # noqa: E402


def _t(rows):
    return SimpleNamespace(rows=rows)


def test_short_quote_matches_up_to_a_clause_end_only():
    assert cell_match(norm("推进绿道建设"), "推进绿道建设，新建绿道20公里。")
    assert cell_match(norm("区水务局、区绿化局"), "区水务局、区绿化局、各镇")
    assert cell_match(norm("开展“清河”行动"), "开展“清河”行动；完成5条")
    assert cell_match(norm("10"), "10")
    # a prefix stopping mid-phrase: the next row's label glued onto the cell
    assert not cell_match(norm("区水务局、区绿化局"), "区水务局、区绿化局第二部分：河道整治")
    assert not cell_match(norm("1"), "10")
    assert not cell_match(norm("推进"), None)
    assert cell_match("", None)


def test_tables_paired_by_largest_overlap_not_gold_order():
    # the first gold table shares two numbers with the second parsed table only;
    # greedy in gold order it would take it from the second gold table, its real match
    g1 = {"title": "甲", "rows": [["A镇", "1.5", "2.0"], ["B镇", "3.0", "4.0"]]}
    g2 = {"title": "乙", "rows": [["1", "苗圃", "1.5"], ["2", "林地", "2.0"], ["3", "湿地", "7.5"]]}
    parsed = [_t([["1", "苗圃", "1.5"], ["2", "林地", "2.0"], ["3", "湿地", "7.5"]])]
    r = score_tables([g1, g2], parsed, [])
    assert r["rebuilt"] == 3
    assert [x["found"] for x in r["tables"]] == [False, True]


def test_columns_paired_one_to_one():
    # the parsed table lost the group column and wrote group labels into the agency column
    # (the merged agency cell being absent): the gold group column must not claim the agency
    # column as well, or no row could ever meet both
    gold = {"title": "丙", "rows": [["", "1", "修缮步道", "区建管委"],
                                    ["", "2", "新建驿站，配套设施", "区建管委"],
                                    ["水系", "3", "疏浚河道", "区水务局"]]}
    parsed = [_t([["1", "修缮步道", "区建管委"], ["2", "新建驿站，配套设施", "水系"],
                  ["3", "疏浚河道", "区水务局"]])]
    r = score_tables([gold], parsed, [])
    assert r["rebuilt"] == 1           # row 1; row 2 lost its carried agency, row 3 its group


def _m(title, text, path):
    return SimpleNamespace(title=title, text=text, section_path=path)


def test_a_heading_s_single_paragraph_meets_the_gold_measure_titled_by_the_heading():
    # the heading （二）健全机制 holds one paragraph, parsed as a measure titled by its run-in sentence
    parsed = [_m("加强领导", "加强领导。…", ["保障措施", "加强领导"]),
              _m("市级部门将工作纳入考核", "市级部门将工作纳入考核。…", ["保障措施", "健全机制，加大资金保障"])]
    gold = [{"title": "加强领导"}, {"title": "健全机制，加大资金保障"}]
    assert pair_measures(gold, parsed) == {0: 0, 1: 1}


def test_a_heading_split_into_several_measures_does_not_meet_its_gold_measure():
    # gold keeps the heading as one measure; the parse split it into two paragraph measures:
    # neither is that measure
    parsed = [_m("一是加快改造", "一是加快改造。…", ["重点任务", "重塑新居行动"]),
              _m("二是巩固成果", "二是巩固成果。…", ["重点任务", "重塑新居行动"])]
    assert pair_measures([{"title": "重塑新居行动"}], parsed) == {}


def test_agency_names_meet_across_bracket_width():
    # gold quotes the raw file (half-width brackets), the parser names agencies from the cleaned
    # text (full-width): one body, one key
    from bench.eval_structure import agency_key
    from loaders.pipeline import parse_text
    from model.records import GraphRecords
    from ontology.mapping.plans import map_plan

    meta = {"file": "t.txt", "region": "安宁区", "region_en": "Anning", "level": "county", "parent": "长丰市"}
    doc = parse_text("安宁区关于推进X的实施方案\n一、主要任务\n（一）推进X。区民防办负责推进X。\n", meta, "t.txt")
    _, chain = map_plan(doc, GraphRecords())
    assert agency_key("安宁区街道(开发区)办事处", chain) == agency_key("街道（开发区）办事处", chain)
    assert agency_key("区政府相关部门(单位)", chain) == agency_key("区政府相关部门（单位）", chain)
    assert agency_key("区民防办", chain) != agency_key("区教育局", chain)
