"""The target scorer of bench/eval_targets.py on synthetic rows (no corpus needed)."""
from __future__ import annotations

from bench.eval_targets import score


def _t(i, name, value, unit, year=2030):
    return {"id": f"t{i}", "indicator_text": name, "indicator_id": None, "value": value, "unit": unit,
            "year": year, "kind": "target"}


def test_a_restatement_in_other_words_of_a_matched_fact_is_no_false_positive():
    # one fact written twice (body and project list) with two verbs; the gold row names both in alt
    gold = [{"indicator": "各类绿地", "alt": ["新建各类绿地", "新增各类绿地"], "value": 300, "unit": "公顷",
             "year": 2030, "kind": "target"}]
    got = [_t(1, "新建各类绿地", 300.0, "公顷"), _t(2, "新增各类绿地", 300.0, "公顷")]
    s = score(gold, got, None, "", [], strict_year_none=True)
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_another_quantity_is_still_a_false_positive():
    gold = [{"indicator": "各类绿地", "alt": ["新增各类绿地"], "value": 300, "unit": "公顷", "year": 2030,
             "kind": "target"}]
    got = [_t(1, "新增各类绿地", 300.0, "公顷"), _t(2, "新增各类绿地", 150.0, "公顷"),
           _t(3, "林地抚育", 300.0, "公顷")]
    errors: list = []
    s = score(gold, got, None, "", errors, strict_year_none=True)
    assert (s.tp, s.fp, s.fn) == (1, 2, 0)
    assert len([e for e in errors if "false" in e]) == 2
