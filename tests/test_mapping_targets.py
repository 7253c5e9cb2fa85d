"""Target extraction on sentences quoted from real plans (inputs), with hand-checked expectations."""
from __future__ import annotations

import pytest

from ontology.mapping.indicators import canonical
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences
from ontology.mapping.units import normalize


def facts(text: str, period_start=2021, period_end=2025, goal=False):
    ctx = Span(text, 0, len(text))
    out = []
    for s in sentences(text):
        out.extend(extract(s, ctx, period_start=period_start, period_end=period_end, goal_context=goal))
    return out


def one(text, **kw):
    fs = [f for f in facts(text, **kw) if f.kind != "qualitative"]
    assert len(fs) == 1, [(f.indicator_text, f.value) for f in fs]
    return fs[0]


def test_goal_sentence_with_governing_year_and_comparators():
    t = ("到2025年,九年义务教育巩固率达到97%,每万人口全科医生数为3.93人,医护比达到1:1.2,"
         "每万人接受公共文化设施服务1.8万次,人均公共体育场地面积达到3.15平方米。")
    fs = facts(t, period_start=None, period_end=2025)
    got = {(f.indicator_text, f.value, f.unit, f.comparator, f.year) for f in fs}
    assert ("九年义务教育巩固率", 97.0, "%", "=", 2025) in got
    assert ("每万人口全科医生数", 3.93, "人", "=", 2025) in got
    assert ("医护比", 1.2, "ratio", "=", 2025) in got
    assert ("人均公共体育场地面积", 3.15, "平方米", "=", 2025) in got
    visits = next(f for f in fs if f.indicator_text.startswith("每万人接受"))
    assert normalize(visits.value, visits.unit) == (18000.0, "次")
    assert len(fs) == 5


def test_age_in_indicator_name_is_not_a_target_and_at_least():
    t = "在托育照护领域,每千人口拥有3岁以下婴幼儿托位数达到4.5个,普惠性幼儿园覆盖率达到90%以上。"
    fs = facts(t)
    assert [(f.indicator_text, f.value, f.unit, f.comparator) for f in fs] == [
        ("每千人口拥有3岁以下婴幼儿托位数", 4.5, "个", "="), ("普惠性幼儿园覆盖率", 90.0, "%", ">=")]
    assert all(f.year == 2025 for f in fs)  # plan end year when none is stated


def test_shared_value_splits_and_verb_object_indicators():
    fs = facts("主城区颐养社区建成率、街道综合养老服务机构覆盖率均达到100%。")
    assert sorted(f.indicator_text for f in fs) == ["街道综合养老服务机构覆盖率", "颐养社区建成率"]
    f = one("到2026年引育5家以上品牌化、专业化的“合格社区服务运营商”。")
    assert (f.indicator_text, f.value, f.unit, f.comparator, f.year) == ("合格社区服务运营商", 5.0, "家", ">=", 2026)
    f = one("到2027年培育2—3家以上特色鲜明、聚集度高的银发经济细分行业特色园区。")
    assert (f.value, f.value_max, f.comparator, f.year) == (2.0, 3.0, "range", 2027)


def test_ranges_standards_and_approximations():
    f = one("已建成住宅区养老服务用房要达到每百户15—20平方米。")
    assert (f.value, f.value_max, f.unit, f.kind) == (15.0, 20.0, "平方米", "standard")
    f = one("其中新型学徒制培训8000人左右。")
    assert (f.value, f.comparator) == (8000.0, "approx")
    f = one("社会福利事业彩票公益金用于支持发展养老服务不低于55%。")
    assert (f.value, f.comparator) == (55.0, ">=")
    assert canonical(f.indicator_text).id == "indicator:lottery_fund_elderly_share"
    f = one("到2025年,全市体育产业总产值突破500亿元。")
    assert (f.value, f.unit, f.comparator) == (500.0, "亿元", ">")
    assert normalize(f.value, f.unit) == (5000000.0, "万元")


def test_baseline_from_to():
    f = one("城镇登记失业率由2020年的3.5%下降到3%以内。")
    assert (f.indicator_text, f.value, f.comparator, f.baseline_value, f.baseline_year, f.year) == (
        "城镇登记失业率", 3.0, "<=", 3.5, 2020, 2025)


@pytest.mark.parametrize("text", [
    "扬府办发〔2022〕80号",
    "自2025年4月1日起实施,有效期至2030年12月31日。",
    "鼓励5g 远程医疗、ai诊疗等新型健康服务创新发展,南湖作为g60科创走廊重要节点。",
    "围绕“323+1”产业,落实职业教育“1+X”证书制度。",
    "加快构建“15分钟生活圈”,打造“10分钟体育生活圈”。",
    "“十四五”时期是关键时期。联系电话:0514-87360000。",
    "推动20万以上人口的县(市、区)因地制宜建设。",
    "一、总体要求\n1.推进基本公共服务均等化。",
    "提升486非物质文化遗产集聚区运营质态,以5A级景区标准建设。",
])
def test_false_positives_rejected(text):
    assert [f for f in facts(text) if f.kind != "qualitative" and f.kind != "coverage"] == []


def test_historic_and_coverage_and_qualitative_goals():
    f = one("“十三五”期间,全区累计新增城镇就业2.5万人。")
    assert f.kind == "historic" and f.change_type == "cumulative"
    fs = facts("到2025年,基本公共服务均等化水平明显提高,城乡社区综合服务实现全覆盖。")
    kinds = {f.kind: f for f in fs}
    assert kinds["qualitative"].indicator_text == "基本公共服务均等化水平" and kinds["qualitative"].value is None
    assert kinds["coverage"].value == 100.0 and kinds["coverage"].year == 2025


def test_canonical_indicators_merge_synonyms_and_hash_unknown():
    a = canonical("人均体育场地面积")
    b = canonical("人均公共体育场地面积")
    assert a.id == b.id == "indicator:sports_ground_area_per_capita"
    c = canonical("每千人口拥有3岁以下婴幼儿托位数(个)")
    assert c.id == "indicator:childcare_places_per_1000" and c.domain == "childcare"
    u1, u2 = canonical("智慧社区试点小区建设数量"), canonical("“智慧社区试点小区建设数量”")
    assert u1.id == u2.id and u1.id.startswith("indicator:") and not u1.known


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FRAGMENTS = ["到2025年", "每千人口拥有3岁以下婴幼儿托位数", "达到", "4.5个", "以上", "，", "。", "1:1.2", "扬府办发〔2022〕80号",
              "15分钟生活圈", "不低于", "55%", "2—3家", "由2020年的", "3.5%", "下降到", "左右", "全覆盖", "明显提高",
              "“十四五”", "5G", "“1+N”", "累计", "年均", "约束性", "万人次", "20", "的基础上", "分别达到", "、"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=14))
def test_extraction_is_total_and_spans_are_sound(parts):
    text = "".join(parts)
    ctx = Span(text, 0, len(text))
    for s in sentences(text):
        for f in extract(s, ctx, period_start=2021, period_end=2025):
            assert text[f.quote.start:f.quote.end] == f.quote.text
            assert f.kind in ("target", "baseline", "historic", "standard", "coverage", "qualitative")
            assert f.comparator in (None, "=", ">=", ">", "<=", "<", "range", "approx")
            if f.kind != "qualitative":
                assert f.value is not None
                # a year is never a value; 2020万人次 (fragments 20+20+万人次) is a quantity, not a year
                # (2020万人次由2020年的: the amount is written with its unit, the year elsewhere)
                assert f.value not in (2020.0, 2022.0, 2025.0) or (f.unit not in (None, "年") and (
                    f"{int(f.value)}年" not in f.quote.text or f"{int(f.value)}{f.unit}" in f.quote.text)), f
            if f.value_max is not None:
                assert f.value_max >= f.value or f.comparator == "range"
            assert f.indicator_text


def test_colloquial_area_unit():
    from ontology.mapping.targets import extract
    from ontology.mapping.text import Span

    t = "到2025年，社区综合服务设施面积达到每百户30平米以上。"
    facts = extract(Span(t, 0, len(t)), Span(t, 0, len(t)))
    assert [(f.value, f.unit, f.comparator, f.year) for f in facts] == [(30.0, "平米", ">=", 2025)]


def test_a_run_of_years_is_not_a_target():
    from ontology.mapping.targets import extract
    from ontology.mapping.text import Span

    t = "市民政局连续4年荣获全省民政重点工作评估优秀等次，低保对象646.5万人次。"
    facts = extract(Span(t, 0, len(t)), Span(t, 0, len(t)), historic_context=True)
    assert [(f.value, f.unit) for f in facts] == [(646.5, "万人次")]
