"""The error classes of batch fresh20 (a district near-term spatial plan, a sponge-city implementation plan, a
three-year waste-governance plan with a yearly target table under an attachment title, a property-service
evaluation rule book), on synthetic sentences and tables written for these tests (no line of a real plan)."""
from __future__ import annotations

from bench.eval_targets import targets_of
from loaders import parse_plan
from ontology.mapping import map_document
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2028)):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1])
            if f.value is not None]


def cells(*lines):
    return "\n\n".join(lines) + "\n"


def test_quanian_is_yearly_only_in_a_plan_of_several_years():
    assert [(f.value, f.unit, f.year) for f in facts("全年查处违法案件不少于90起。")] == [(90, "起", None)]
    assert [f.year for f in facts("全年实施重点项目200个。", (2027, 2027))] == [2027]


def test_a_share_of_what_scores_so_much_is_a_goal_but_scoring_rules_are_not():
    got = [(f.value, f.unit) for f in facts("到2028年，满意度测评得分85分以上的小区比例达到80%。")]
    assert got == [(80, "%")]
    assert facts("得分90分以上为优秀，75分至89分为良好。") == []


def test_grant_caps_per_one_receiver_and_rates_per_unit():
    got = [(f.indicator_text, f.value, f.unit, f.comparator) for f in facts(
        "对评价结果为优秀的项目，给予每个项目不超过3万元的一次性奖励。")]
    assert got == [("评价结果为优秀的项目奖励上限", 3, "万元", "<=")]
    got = [(f.value, f.unit) for f in facts("按照改造面积每平方米补贴不超过40元。")]
    assert got == [(40, "元/平方米")]
    got = [(f.value, f.unit) for f in facts("对居民承担部分，按照每户不超过6000元的标准给予补助。")]
    assert got == [(6000, "元/户")]


def test_a_verb_alone_repeats_the_earlier_clauses_indicator():
    got = [(f.indicator_text, f.value, f.year) for f in facts("2026年建成污水处理站3个，2027年再建成4个。")]
    assert got == [("污水处理站", 3, 2026), ("污水处理站", 4, 2027)]


def test_an_attachment_title_before_an_unnumbered_header_is_no_column(tmp_path):
    table = cells("附件 年度目标", "指标", "单位", "2026年", "2027年", "2028年",
                  "生活垃圾回收利用率", "%", "40", "42", "45",
                  "新增处置能力", "万吨/年", "10", "20", "30")
    p = tmp_path / "a.txt"
    p.write_text("某某区生活垃圾治理三年行动方案（2026—2028年）\n\n一、目标\n\n到2028年，回收利用率达到45%。\n\n"
                 + table + "\n本方案自2026年3月1日起施行。\n", encoding="utf-8")
    doc = parse_plan(p, {"file": "a.txt", "region": "某某区", "region_en": "Mou", "level": "county",
                         "parent": "某某市", "province": "某某省"})
    assert [t.columns for t in doc.tables] == [["指标", "单位", "2026年", "2027年", "2028年"]]
    got = {(t["indicator_text"], t["value"], t["year"]) for t in targets_of(map_document(doc))}
    assert {("生活垃圾回收利用率", 40, 2026), ("新增处置能力", 30, 2028)} <= got


def test_a_threshold_before_a_share_stays_in_its_name():
    got = [(f.indicator_text, f.value) for f in facts("到2028年，集体经济收入超过20万元的村占比超九成。")]
    assert got == [("集体经济收入超过20万元的村占比", 90)]
    got = [(f.indicator_text, f.value) for f in facts("到2028年，面积大于5万平方米的小区占比达到40%。")]
    assert got == [("面积大于5万平方米的小区占比", 40)]
