"""Task and assessment tables of shapes seen in plans of other provinces (all texts synthetic):
a trailing category column (目标类型 over A类 / B类) is its own column, never part of the 配合单位 cell;
a heading line followed by a paragraph ends the last row; a 分值 column is a score column."""
from __future__ import annotations

import pytest

from loaders import flattables
from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某川县", "region_en": "Mouchuan", "level": "county",
        "parent": "某市", "parent_en": "Moushi", "province": "某省", "province_en": "Mousheng"}


def _parse(title: str, cells: list[str], tail: tuple[str, ...] = ()):
    intro = "为抓好各项工作落实，现将年度工作安排如下。"
    return parse_text("\n\n".join([title, intro, *cells, *tail]) + "\n", META, "x.txt")


def _task_table(head: str, kinds: list[str]):
    return _parse("某川县2026年度重点工作任务分解方案", [
        "序号", "重点任务", "牵头单位", "配合单位", head,
        "1", "推进高标准农田建设，完成年度建设任务", "县农业农村局", "县财政局、县自然资源局", kinds[0],
        "2", "实施农村人居环境整治提升行动", "县住房城乡建设局", "县生态环境局", kinds[1],
        "3", "开展村级集体经济强村工程", "县委组织部", "县农业农村局、县财政局", kinds[2]])


@pytest.mark.parametrize("head,kinds", [
    ("目标类型", ["A类", "B类", "A类"]),
    ("类型", ["A类", "B类", "C类"]),
    ("任务类型", ["重点", "一般", "重点"]),
    ("类别", ["新建", "续建", "新建"]),
])
def test_a_trailing_category_column_keeps_the_co_agencies_apart(head, kinds):
    doc = _task_table(head, kinds)
    [t] = doc.tables
    assert t.roles[2:4] == ["responsible", "responsible"]
    assert [r[3] for r in t.rows] == ["县财政局、县自然资源局", "县生态环境局", "县农业农村局、县财政局"]
    assert [r[4] for r in t.rows] == kinds
    ms = doc.measures
    assert [m.responsibility.lead for m in ms] == [["县农业农村局"], ["县住房城乡建设局"], ["县委组织部"]]
    assert ms[1].responsibility.involved == ["县生态环境局"]
    assert not any(k in a for m in ms for a in m.responsibility.lead + m.responsibility.involved for k in kinds)


def test_a_class_letter_is_a_kind_cell():
    assert flattables.is_kind("A类") and flattables.is_kind("Ⅱ类") and flattables.is_kind("续建")
    assert not flattables.is_kind("县财政局")


_SCORED = ["序号", "考核内容", "评分标准", "分值",
           "1", "高标准农田建设任务完成情况", "按期完成得满分，每低1个百分点扣0.5分", "20",
           "2", "农村人居环境整治", "按季度检查结果计分", "15",
           "3", "村级集体经济发展", "按收入达标村占比计分"]


def test_a_heading_without_numbering_and_its_paragraph_end_the_last_row():
    doc = _parse("某川县2026年度乡村振兴工作考核办法", _SCORED + ["4"], (
        "考核结果运用", "考核结果作为年度综合考评的重要依据，对考核排名靠前的乡镇予以通报表扬。",
        "组织保障", "各乡镇要高度重视，切实加强组织领导，确保各项任务落到实处。"))
    [t] = doc.tables
    assert [r[0] for r in t.rows] == ["1", "2", "3"]
    assert t.rows[-1][3] == "4"
    # the score column stays a column of its own (role other: mapping/table_targets reads 分值 / 权重 as
    # scores by name, lexicon target_table_score_columns)
    assert t.roles[3] == "other"


def test_a_row_of_that_shape_with_its_own_value_stays_a_row():
    doc = _parse("某川县2026年度乡村振兴工作考核办法", _SCORED + [
        "4", "考核结果运用情况", "按考核结果运用情况计分。", "10"], (
        "组织保障", "各乡镇要高度重视，切实加强组织领导，确保各项任务落到实处。"))
    [t] = doc.tables
    assert [r[0] for r in t.rows] == ["1", "2", "3", "4"]
    assert t.rows[-1][1:] == ["考核结果运用情况", "按考核结果运用情况计分。", "10"]
