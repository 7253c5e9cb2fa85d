"""Technical norms and specification lists (an attachment …技术要求, 苗木质量规格): every figure is a norm
(kind standard) of the parameter it names, for no year unless written; ranges stay ranges; pH has no unit."""
from __future__ import annotations

from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences
from tests.test_targets_documents import targets


def norms(text, norm_context=True):
    ctx = Span(text, 0, len(text))
    return [(f.indicator_text, f.value, f.value_max, f.unit, f.comparator, f.kind, f.year)
            for s in sentences(text)
            for f in extract(s, ctx, period_start=2026, period_end=2028, norm_context=norm_context)]


def test_spec_lines_are_standards_without_a_year():
    assert norms("1.土壤pH值6.0～7.5。") == [("土壤pH值", 6.0, 7.5, None, "range", "standard", None)]
    assert norms("2.土壤有机质含量≥15g/kg，全氮含量≥1.0g/kg。") == [
        ("土壤有机质含量", 15.0, None, "g/kg", ">=", "standard", None),
        ("全氮含量", 1.0, None, "g/kg", ">=", "standard", None)]
    assert norms("3.有效磷含量10～40mg/kg，耕层土壤镉含量≤0.3mg/kg。") == [
        ("有效磷含量", 10.0, 40.0, "mg/kg", "range", "standard", None),
        ("耕层土壤镉含量", 0.3, None, "mg/kg", "<=", "standard", None)]
    assert norms("乔木苗木规格：胸径≥6cm，苗高≥3.5m。") == [
        ("乔木苗木胸径", 6.0, None, "cm", ">=", "standard", None), ("乔木苗木苗高", 3.5, None, "m", ">=", "standard", None)]


def test_a_label_before_a_colon_names_the_figure():
    assert norms("（2）耕作层厚度：不小于20厘米。") == [("耕作层厚度", 20.0, None, "厘米", ">=", "standard", None)]
    assert norms("pH值：6～9。") == [("pH值", 6.0, 9.0, None, "range", "standard", None)]


def test_a_written_year_keeps_a_goal_in_a_norm_section():
    assert norms("到2028年，灌溉设计保证率达到90%。") == [("灌溉设计保证率", 90.0, None, "%", "=", "target", 2028)]


def test_outside_a_norm_section_the_same_line_is_no_norm():
    assert norms("土壤pH值6.0～7.5。", norm_context=False)[0][5] == "target"


def test_norm_attachments_of_a_plan():
    got = targets("fresh10/nongtian_jishu_yaoqiu.txt")
    assert (got[("土壤pH值", 6.0)]["kind"], got[("土壤pH值", 6.0)]["value_max"], got[("土壤pH值", 6.0)]["year"]) \
        == ("standard", 7.5, None)
    assert got[("灌木种植密度", 4.0)]["kind"] == "standard"  # 附件2 …质量规格
    assert got[("新建高标准农田", 3.2)]["kind"] == "target" and got[("新建高标准农田", 3.2)]["year"] == 2026


def test_a_label_names_the_object_or_the_category_of_each_figure_of_its_line():
    assert norms("（一）乔木：胸径8～10cm，树高≥4m。") == [
        ("乔木胸径", 8.0, 10.0, "cm", "range", "standard", None), ("乔木树高", 4.0, None, "m", ">=", "standard", None)]
    assert norms("生均用地面积：小学≥18平方米，初中≥23平方米。") == [
        ("小学生均用地面积", 18.0, None, "平方米", ">=", "standard", None),
        ("初中生均用地面积", 23.0, None, "平方米", ">=", "standard", None)]
    assert norms("室内温度：冬季18～22℃。") == [("冬季室内温度", 18.0, 22.0, "℃", "range", "standard", None)]
    assert norms("社区综合服务中心：建筑面积不小于800平方米，服务半径不宜大于1000m。") == [
        ("社区综合服务中心建筑面积", 800.0, None, "平方米", ">=", "standard", None),
        ("社区综合服务中心服务半径", 1000.0, None, "m", "<=", "standard", None)]


def test_room_norms_and_unitless_ratios():
    assert norms("活动用房室内噪声≤45分贝，阅览室照度不低于300lx。") == [
        ("活动用房室内噪声", 45.0, None, "分贝", "<=", "standard", None),
        ("阅览室照度", 300.0, None, "lx", ">=", "standard", None)]
    assert norms("容积率不大于1.5，服务人口规模一般为0.5～1万人。") == [
        ("容积率", 1.5, None, None, "<=", "standard", None),
        ("服务人口规模", 0.5, 1.0, "万人", "range", "standard", None)]


def test_an_attachment_announced_on_one_line_over_its_own_lines_is_a_norm():
    got = targets("fresh12/zaolin_lvhua_fangan.txt")
    assert (got[("乔木胸径", 8.0)]["kind"], got[("乔木胸径", 8.0)]["year"]) == ("standard", None)
    assert got[("新增造林面积", 2.5)]["kind"] == "target" and got[("新增造林面积", 2.5)]["year"] == 2027


def _doc(table):
    from types import SimpleNamespace
    return SimpleNamespace(text="", meta=SimpleNamespace(period_start=2026, period_end=2028), tables=[table])


def test_a_table_of_required_levels_without_a_target_column_gives_norms():
    from model.document import Table
    from ontology.mapping.table_targets import table_facts
    t = Table(title="主要参数", columns=["序号", "项目", "单位", "标准值"], start=0, end=0,
              rows=[["1", "厕屋面积", "平方米", "≥2.0"], ["2", "土壤pH值", "—", "6.0～7.5"]],
              roles=["number", "other", "other", "other"])
    got = [(f.indicator_text, f.value, f.value_max, f.unit, f.comparator, f.kind, f.year)
           for f in table_facts(_doc(t), t)]
    assert got == [("厕屋面积", 2.0, None, "平方米", ">=", "standard", None),
                   ("土壤pH值", 6.0, 7.5, None, "range", "standard", None)]
    # an indicator table keeps its targets
    t = Table(title="主要指标", columns=["序号", "指标", "单位", "2028年目标"], start=0, end=0,
              rows=[["1", "卫生厕所普及率", "%", "95"]], roles=["number", "indicator", "unit", "target"])
    assert [(f.kind, f.year) for f in table_facts(_doc(t), t)] == [("target", 2028)]


def test_a_density_written_over_a_base_of_land_and_a_soil_density():
    assert norms("植苗密度为每亩110株。") == [("植苗密度", 110.0, None, "株/亩", "=", "standard", None)]
    assert norms("土壤容重1.1～1.4g/cm³。") == [("土壤容重", 1.1, 1.4, "g/cm³", "range", "standard", None)]
    assert norms("经济林每亩不超过60株。") == [("经济林", 60.0, None, "株/亩", "<=", "standard", None)]
