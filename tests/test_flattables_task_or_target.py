"""A header word that may name a task column or a target column (目标任务, 工作目标: lexicon
table_col_task_or_target) takes its role from the column's cells: value clauses (稳定在45万亩以上, 不低于90%)
make it a target column, verb clauses (推进…, 完成…建设) a task column. All texts are synthetic."""
from __future__ import annotations

from loaders import flattables
from loaders.pipeline import parse_text
from model.document import Table

META = {"file": "x.txt", "region": "某川县", "region_en": "Mouchuan", "level": "county",
        "parent": "某市", "parent_en": "Moushi", "province": "某省", "province_en": "Mousheng"}


def _parse(title: str, cells: list[str]):
    intro = "为抓好各项工作落实，现将年度工作安排如下。"
    src = "\n\n".join([title, intro, *cells]) + "\n"
    return parse_text(src, META, "x.txt")


def test_value_clauses_under_a_task_or_target_word_are_targets():
    doc = _parse("某川县2026年度乡村振兴工作考评办法", [
        "序号", "考核指标", "目标任务", "分值",
        "1", "高标准农田建设面积", "不少于3.2万亩", "15",
        "2", "村级集体经济收入", "达到20万元以上", "10",
        "3", "农村生活污水治理率", "稳定在85%", "10",
        "4", "农作物秸秆综合利用率", "96%以上", "5"])
    [t] = doc.tables
    assert t.roles == ["number", "indicator", "target", "other"]
    assert [r[2] for r in t.rows] == ["不少于3.2万亩", "达到20万元以上", "稳定在85%", "96%以上"]
    assert not doc.measures


def test_verb_clauses_under_the_same_word_are_tasks_with_their_agencies():
    doc = _parse("某川县2026年度乡村振兴重点工作安排", [
        "序号", "目标任务", "责任单位", "完成时限",
        "1", "推进高标准农田建设，完成年度建设任务", "县农业农村局", "2026年12月底前",
        "2", "实施农村人居环境整治提升行动", "县住房城乡建设局", "2026年10月底前",
        "3", "开展村级集体经济强村工程", "县委组织部", "2026年11月底前"])
    [t] = doc.tables
    assert t.roles[:3] == ["number", "task", "responsible"]
    titles = [m.title for m in doc.measures]
    assert any("高标准农田" in x for x in titles) and any("人居环境" in x for x in titles)


def test_a_year_named_task_or_target_column_of_verb_clauses_is_a_task_column():
    doc = _parse("某川县城乡供水保障工作方案", [
        "序号", "2026年目标任务", "责任单位", "完成时限",
        "1", "完成城区第二水厂扩建工程主体施工，新增日供水能力。", "县水利局", "2026年底前",
        "2", "推进农村供水管网延伸改造，提升乡镇供水保障水平。", "县水利局", "2026年10月底前",
        "3", "建立供水水质定期检测和信息公开制度。", "县卫生健康委", "2026年6月底前"])
    [t] = doc.tables
    assert t.roles[1] == "task"
    assert len(doc.measures) == 3


def test_a_markup_table_column_is_read_from_its_cells_too():
    t = Table(title="", columns=["序号", "指标", "工作目标"], rows=[
        ["1", "城镇新增就业", "不少于4500人"], ["2", "城镇调查失业率", "控制在5.5%以内"],
        ["3", "新增技能人才", "1200人"]], start=0, end=10)
    flattables.annotate(t)
    assert t.roles == ["number", "indicator", "target"]


def test_value_clause_shapes():
    assert flattables.is_value_clause("稳定在45万亩以上")
    assert flattables.is_value_clause("力争达到1.2万人")
    assert flattables.is_value_clause("90%")
    assert not flattables.is_value_clause("新建农村公路60公里")
    assert not flattables.is_value_clause("达到国家卫生县城标准")
    assert not flattables.is_value_clause("—")
