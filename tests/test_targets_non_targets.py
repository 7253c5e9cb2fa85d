"""Numbers that are not targets, on synthetic sentences: scoring rules of assessment schemes, counts of the
document's own parts, cost sharing, the terms of procedures, present stocks (现有, historic), and the two
per-unit norm shapes whose unit and name used to go wrong (每张床位补贴N元, 小学每生每年不低于N元)."""
from __future__ import annotations

from bench.eval_targets import targets_of
from loaders.pipeline import parse_text
from ontology.mapping import map_document
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2030)):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1])]


def valued(text, **kw):
    return [(f.indicator_text, f.value, f.unit) for f in facts(text, **kw) if f.value is not None]


def test_scoring_rules_hold_no_targets():
    assert valued("每低于任务数1个百分点扣2分，扣完为止。") == []
    assert valued("完成率每提高1%加0.5分。") == []
    assert valued("考核得分90分以上的为优秀等次，60分以下的为不合格。") == []
    # a goal next to its point value stays
    assert valued("新建高标准农田20万亩（10分）。") == [("新建高标准农田", 20.0, "万亩")]


def test_counts_of_the_documents_own_parts_are_no_targets():
    assert valued("本规划共设置指标25项，其中约束性指标8项、预期性指标17项。") == []
    assert valued("围绕上述目标，提出5个方面20项重点任务，明确3项保障措施。") == []
    # counted work is a target, and so is a goal of the plan period (本规划期内)
    assert valued("完成改革任务30项。") == [("改革任务", 30.0, "项")]
    assert valued("本规划期内，新增城镇就业6万人。") == [("新增城镇就业", 6.0, "万人")]


def test_cost_sharing_and_terms_are_no_targets():
    assert valued("补助资金由市级承担60%、区级承担40%。") == []
    assert valued("项目实施期限为3年，公示期为7个工作日。") == []


def test_a_present_stock_is_historic():
    fs = facts("全市现有养老机构86家，床位1.2万张。")
    assert {(f.value, f.kind, f.year) for f in fs} == {(86.0, "historic", 2025), (1.2, "historic", 2025)}


def test_per_unit_grant_written_with_its_grant_word():
    f, = facts("改建的，每张床位补贴5000元。")
    assert (f.value, f.unit, f.kind) == (5000.0, "元/张", "standard") and f.indicator_text.endswith("补贴标准")
    # a cap per year is a cap, not a rate per year
    f, = facts("每家企业每年最高补贴10万元。")
    assert (f.value, f.unit, f.comparator) == (10.0, "万元", "<=")


def test_per_pupil_norms_by_category():
    got = {(f.indicator_text, f.value, f.unit, f.comparator, f.kind, f.year) for f in facts(
        "农村义务教育学校生均公用经费基准定额提高到小学每生每年800元、初中每生每年1000元。")}
    assert got == {("小学生均公用经费基准定额", 800.0, "元", "=", "standard", None),
                   ("初中生均公用经费基准定额", 1000.0, "元", "=", "standard", None)}
    # the norm named in an earlier clause of the sentence
    got = {(f.indicator_text, f.value, f.comparator) for f in facts(
        "落实生均公用经费标准，小学每生每年不低于700元，初中每生每年不低于900元。")}
    assert got == {("小学生均公用经费标准", 700.0, ">="), ("初中生均公用经费标准", 900.0, ">=")}
    # a per-person allowance without a per-head norm name keeps its per-unit
    f, = facts("高龄津贴每人每月100元。")
    assert f.unit == "元/人·月"


META = {"file": "x.txt", "region": "某某市", "region_en": "Mou", "level": "city", "parent": "某某省",
        "province": "某某省"}


def test_scope_sections_and_an_annual_schemes_year():
    text = ("某某市2026年度农业农村重点工作考核评价方案\n\n一、考核对象\n\n全市8个县（市、区）和市直30个部门。"
            "年度考核激励资金最高不超过50万元。\n\n二、考核内容\n\n全年粮食播种面积稳定在300万亩以上。\n")
    doc = parse_text(text, META)
    assert (doc.meta.period_start, doc.meta.period_end) == (2026, 2026)
    got = {(t["value"], t["kind"], t["year"]) for t in targets_of(map_document(doc)) if t.get("value") is not None}
    assert (300.0, "target", 2026) in got
    assert not any(v in (8.0, 30.0) for v, _, _ in got)  # whom the scheme covers
    assert (50.0, "standard", None) in got  # a norm in that section still is one


def test_a_library_system_named_zongfenguan_is_no_score():
    # 总分 of a score rule, not 总分馆 (a central library and its branches)
    assert valued("文化馆总分馆覆盖率达到100%。") == [("文化馆总分馆覆盖率", 100.0, "%")]
    assert valued("考核总分达到95%的为优秀。") == []
