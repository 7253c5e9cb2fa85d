"""Generic indicator names (lexicons/indicator_generic.txt): a key that says how something is measured but not
what is one concept per plan, compared with nothing."""
from __future__ import annotations

from linking.indicators import Alignment, Mention, resolve
from ontology.mapping.indicators import indicator_key, is_generic


def _concepts(mentions):
    res = resolve(mentions, alignment=Alignment())
    return {a.target_id: a.concept_id for a in res.assignments}, res


def test_a_generic_name_in_two_plans_is_two_concepts():
    by, res = _concepts([Mention("a", "p1", "建筑面积", "万平方米"), Mention("b", "p2", "建筑面积（万平方米）"),
                         Mention("c", "p1", "参保率", "%"), Mention("d", "p2", "参保率", "%"),
                         Mention("e", "p1", "森林覆盖率", "%"), Mention("f", "p2", "森林覆盖率（%）")])
    assert by["a"] != by["b"] and by["c"] != by["d"]
    assert by["e"] == by["f"]  # a name that says what it measures stays comparable
    assert len({by[x] for x in "abcd"}) == 4 and all(by[x] in res.concepts for x in "abcd")


def test_one_plan_writing_a_generic_name_twice_is_one_concept():
    by, _ = _concepts([Mention("a", "p1", "建筑面积", "万平方米"), Mention("b", "p1", "建筑面积", "万平方米")])
    assert by["a"] == by["b"]


def test_a_generic_name_joins_no_specific_one():
    by, _ = _concepts([Mention("a", "p1", "参保率", "%"), Mention("b", "p2", "基本养老保险参保率", "%"),
                       Mention("c", "p1", "新增", "个"), Mention("d", "p2", "新增公园", "个")])
    assert by["a"] != by["b"] and by["c"] != by["d"]


def test_what_is_generic():
    for name, unit in (("建筑面积", "万平方米"), ("覆盖率", "%"), ("新增", "个"), ("人均数", "个")):
        assert is_generic(indicator_key(name, unit).key), name
    for name, unit in (("公园", "个"), ("森林覆盖率", "%"), ("绿色建筑占新建建筑比例", "%"), ("医护比", None),
                       ("新增就业", "万人"), ("人均体育场地面积", "平方米")):
        assert not is_generic(indicator_key(name, unit).key), name
