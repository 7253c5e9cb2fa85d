"""The table-row scorer of bench/eval_structure.py on synthetic tables (no corpus needed)."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_structure import cell_match, norm, score_tables  # noqa: E402


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
