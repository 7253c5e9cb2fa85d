"""The error classes of batch fresh22 (numbers that are no targets beside real ones: a region's own facts, the
attributes of one project in a 专栏 line, counts of meetings, supervision rounds and documents, a document's own
scope in an article, a grade quota; per-person allowances named by the clause before; capacity units and a
unitless efficiency), on synthetic sentences written for these tests (no line of a real plan or of the batch)."""
from __future__ import annotations

from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences


def facts(text, period=(2026, 2030), **kw):
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1], **kw)
            if f.value is not None]


def vals(text, **kw):
    return [(f.value, f.unit) for f in facts(text, **kw)]


def test_a_regions_area_and_administrative_units_are_no_targets():
    assert vals("全市国土总面积3120平方公里，下辖5个区、4个县，共有建制村812个、城市社区133个。",
                historic_context=True) == []
    # a name that says more than the unit keeps its amount
    got = vals("截至2025年底，已通光纤的自然村达到640个。", historic_context=True)
    assert got == [(640, "个")]


def test_the_attributes_of_one_project_are_no_targets():
    text = "（3）某某物流园项目：占地面积260亩，建设冷库4万立方米，计划总投资9.6亿元。"
    assert (260, "亩") not in vals(text) and (9.6, "亿元") not in vals(text)
    assert vals("某某快速路：双向六车道，设计时速80公里/小时，概算总投资31亿元。") == []
    # investment completed is a figure of the plan
    assert (420, "亿元") in vals("到2030年，累计完成固定资产投资420亿元。")


def test_counts_of_meetings_supervision_and_documents_are_no_targets():
    assert vals("工作专班每月召开1次推进会，每季度开展1次专项督查。") == []
    assert vals("年内出台政策文件4个，制定实施细则2项，召开联席会议3次。") == []
    # a count of public events or of trained persons is a work
    assert (3, "场") in vals("2026年举办人才招聘会3场，培训家政服务人员500人次。")
    assert (500, "人次") in vals("2026年举办人才招聘会3场，培训家政服务人员500人次。")


def test_an_article_on_whom_the_rules_apply_is_no_target():
    assert vals("第三条 本细则适用于全县14个乡镇和32个县直部门。") == []


def test_a_grade_quota_is_a_scoring_rule():
    assert vals("考核得分85分以上的确定为优秀，优秀等次原则上不超过参评单位总数的25%。") == []
    assert vals("良好等级比例控制在40%以内。") == []


def test_a_rate_named_only_标准_takes_the_grant_of_the_clause_before():
    got = [(f.indicator_text, f.value, f.unit, f.kind) for f in facts(
        "为重度残疾人发放护理补贴，标准为每人每月120元。")]
    assert len(got) == 1 and got[0][1:] == (120, "元/人·月", "standard")
    assert "护理补贴" in got[0][0] and got[0][0] != "标准标准"
    got = [f.indicator_text for f in facts("困难残疾人生活补贴标准为每人每月90元。")]
    assert got == ["困难残疾人生活补贴标准"]


def test_racks_are_a_capacity_unit_and_pue_is_unitless():
    got = [(f.indicator_text, f.value, f.unit, f.kind) for f in facts("到2028年，全县数据中心标准机架达到5000架。")]
    assert got == [("数据中心标准机架", 5000, "架", "target")]
    got = [(f.value, f.unit, f.comparator, f.year) for f in facts("到2028年，新建数据中心电能利用效率（PUE）降至1.25以下。")]
    assert got == [(1.25, None, "<=", 2028)]


def test_an_area_named_by_the_regions_extent_and_the_辖_verb_with_its_unit():
    assert vals("某某乡地处山区，乡域总面积148平方公里，现辖建制村9个，常住人口1.1万人。",
                historic_context=True) == [(1.1, "万人")]
    # an area of a work keeps its amount
    assert (12, "万平方米") in vals("到2030年，新增城市绿地面积12万平方米。")


def test_a_site_visit_round_is_a_routine():
    assert vals("领导小组每半年组织1次现场观摩。") == []


def test_an_article_number_before_the_对_clause_keeps_its_thresholds_conditions():
    got = vals("第四条 对年主营业务收入首次突破2亿元、8亿元的服务业企业，分别给予奖励15万元、40万元。")
    assert got == [(15, "万元"), (40, "万元")]


def test_a_support_other_than_money_makes_the_对_clause_a_condition():
    assert vals("对年纳税额800万元以上、从业人员200人以上的企业，优先保障能耗指标。") == []


def test_funds_bonds_and_the_cost_of_the_works_are_inputs_not_goals():
    assert vals("设立总规模5亿元的科技成果转化基金。") == []
    assert vals("项目总投资约28亿元，其中争取中央预算内投资6亿元，发行地方政府专项债券9亿元。") == []


def test_a_meeting_named_after_its_body_is_a_routine():
    assert vals("县政府每两周召开1次县长办公会议专题研究项目推进。") == []


def test_names_lose_我们_and_keep_使用():
    got = [f.indicator_text for f in facts("过去五年，我们新建公园12个。", historic_context=True)]
    assert got == ["新建公园"]
    got = [f.indicator_text for f in facts("其中使用年限超过30年的供水管网约210公里。", historic_context=True)]
    assert got and got[0].startswith("使用年限")


def test_an_age_after_a_goal_verb_is_a_value_and_an_age_band_is_not():
    got = [(f.indicator_text, f.value, f.unit, f.comparator) for f in facts("到2030年，人均预期寿命提高到79.8岁以上。")]
    assert got == [("人均预期寿命", 79.8, "岁", ">=")]
    assert vals("到2030年，65岁以上老年人城乡社区规范健康管理服务率达到70%。") == [(70, "%")]
    assert vals("对年满70岁以上的老年人免费接种。") == []
