"""Count and list tables of other provinces' plans (batch 13): streets/towns with counts per row, a 其中 over
sub-columns, item | 个数 | 面积 summaries without 序号, project lists with nested group rows, site lists with a
merged 街道. Each mechanism on its own synthetic table (text written for these tests, one cell per line): rows
are table rows with their cells, never measures."""
from __future__ import annotations

import pytest

from loaders import flattables
from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某湖区", "region_en": "Mouhu", "level": "county",
        "parent": "某安市", "parent_en": "Mouan", "province": "某南省", "province_en": "Mounan"}
BEFORE = ["某湖区2026年城市更新工作方案", "为推进城市更新，结合我区实际，制定本方案。", "一、工作任务", "各街镇任务见附表。",
          "附表", "各街镇任务一览表"]
AFTER = ["二、保障措施", "各街镇要落实属地责任，区住房城乡建设局加强指导。"]


def _doc(cells: list[str], before: list[str] = BEFORE):
    return parse_text("\n\n".join([*before, *cells, *AFTER]) + "\n", META, "x.txt")


def _rows(head: list[str], rows: list[list[str]]) -> list[str]:
    return head + [c for r in rows for c in r]


def _table(doc):
    assert len(doc.tables) == 1, [t.columns for t in doc.tables]
    return doc.tables[0]


# counts equal to the next row number, after a row's text cells or at its end (the last row's before a heading)
COUNTS = {
    "after_the_text_cell": (["序号", "街镇", "数量（个）", "新建（个）", "改造（个）"],
                            [["1", "东湖街道", "12", "8", "4"], ["2", "西城街道", "3", "1", "2"],
                             ["3", "南苑街道", "4", "4", "0"], ["4", "北关街道", "5", "2", "3"],
                             ["5", "新桥镇", "6", "6", "0"], ["6", "龙泉镇", "7", "3", "4"]]),
    "narrow_item_table": (["序号", "项目", "个数", "面积（万平方米）"],
                          [["1", "综合公园", "2", "45.6"], ["2", "社区公园", "3", "12.4"], ["3", "口袋公园", "4", "2.1"],
                           ["4", "街头绿地", "5", "1.3"], ["5", "小微湿地", "6", "0.8"]]),
    "two_text_cells": (["序号", "街镇", "社区名称", "户数（户）", "人数（人）"],
                       [["1", "东湖街道", "东湖社区", "2", "5"], ["2", "西城街道", "西城社区", "3", "8"],
                        ["3", "南苑街道", "南苑社区", "4", "10"], ["4", "北关街道", "北关社区", "5", "12"]]),
    "one_count_column": (["序号", "街镇", "数量（个）"],
                         [["1", "东湖街道", "2"], ["2", "西城街道", "3"], ["3", "南苑街道", "4"], ["4", "北关街道", "5"],
                          ["5", "新桥镇", "6"]]),
}


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_counts_equal_to_the_next_row_number_stay_in_their_rows(name):
    head, rows = COUNTS[name]
    doc = _doc(_rows(head, rows))
    t = _table(doc)
    assert t.columns == head
    assert t.rows == rows
    assert not doc.measures or all(m.title in ("工作任务", "保障措施") for m in doc.measures)


def test_of_lines_equal_to_the_next_number_the_one_before_a_text_cell_is_the_number():
    # 3 | 南苑街道 | 4 | 4 | 0 | 4 | 北关街道: the third 4 opens row 4
    t = _table(_doc(["序号", "街镇", "数量", "其中", "新建", "改造",
                     "1", "东湖街道", "12", "8", "4", "2", "西城街道", "3", "1", "2", "3", "南苑街道", "4", "4", "0",
                     "4", "北关街道", "5", "2", "3"]))
    assert t.columns == ["序号", "街镇", "数量", "其中 新建", "其中 改造"]
    assert t.rows[2] == ["3", "南苑街道", "4", "4", "0"] and t.rows[3] == ["4", "北关街道", "5", "2", "3"]


def test_sub_labels_right_after_the_span_label_and_a_note_between_equal_counts():
    # 数量 | 其中 | 新建 | 改造 | 备注 (sub-labels after the label); 2 | 西城街道 | 3 | — | 3 | 均为改造 | 3 | 南苑街道
    t = _table(_doc(["序号", "街镇", "数量", "其中", "新建", "改造", "备注",
                     "1", "东湖街道", "12", "8", "4", "2", "西城街道", "3", "—", "3", "均为改造",
                     "3", "南苑街道", "4", "4", "—", "4", "北关街道", "5", "2", "3"]))
    assert t.columns == ["序号", "街镇", "数量", "其中 新建", "其中 改造", "备注"]
    assert t.rows[1] == ["2", "西城街道", "3", "—", "3", "均为改造"]
    assert t.rows[2] == ["3", "南苑街道", "4", "4", "—", None]


def test_a_two_character_note_is_no_unit():
    t = _table(_doc(["序号", "街镇", "村（社区）数", "户数（户）", "人口（人）", "备注",
                     "1", "东湖街道", "2", "3", "4", "2", "西城街道", "3", "4120", "9800",
                     "3", "南苑街道", "4", "5", "6", "新设", "4", "北关街道", "5", "2860", "7100"]))
    assert t.rows[2] == ["3", "南苑街道", "4", "5", "6", "新设"]
    assert t.rows[0] == ["1", "东湖街道", "2", "3", "4", None]


def test_a_span_label_over_sub_columns_and_a_group_row_over_row_one():
    # 数量 | 其中 (over 公共 / 专用) | 备注, flattened top row first; 一、… before row 1; 二、… at a row's end
    t = _table(_doc(["序号", "街镇", "数量（个）", "其中", "备注", "公共充电桩", "专用充电桩", "一、中心城区",
                     "1", "东湖街道", "180", "100", "80", "2", "西城街道", "150", "90", "60", "含老旧小区12个",
                     "二、城郊片区", "3", "新桥镇", "7", "4", "3", "4", "龙泉镇", "210", "120", "90"]))
    assert t.columns == ["序号", "街镇", "数量（个）", "其中 公共充电桩", "其中 专用充电桩", "备注"]
    assert t.rows[1] == ["2", "西城街道", "150", "90", "60", "含老旧小区12个"]
    assert t.rows[2] == ["3", "新桥镇", "7", "4", "3", None]
    assert [(g.label, g.first_row) for g in t.groups] == [("一、中心城区", 0), ("二、城郊片区", 2)]


def test_wrapped_names_in_a_count_table():
    # a street name over two lines, then a count equal to the next number: the count is a value
    t = _table(_doc(["序号", "街镇", "点位数（个）", "面积（平方米）", "备注",
                     "1", "经济技术", "开发区", "2", "120", "2", "西城街道", "3", "80", "含社区2个",
                     "3", "滨江新城", "管委会", "4", "60", "4", "北关街道", "5", "40"]))
    assert t.rows == [["1", "经济技术开发区", "2", "120", None], ["2", "西城街道", "3", "80", "含社区2个"],
                      ["3", "滨江新城管委会", "4", "60", None], ["4", "北关街道", "5", "40", None]]


def test_an_item_count_area_summary_without_row_numbers_with_nested_group_rows():
    doc = _doc(["项目", "个数（个）", "面积（公顷）", "占比（%）", "一、城市公园", "（一）综合公园",
                "市级综合公园", "4", "186.5", "38.2", "区级综合公园", "9", "75.6", "15.5", "（二）专类公园",
                "植物园", "2", "48.3", "9.9", "二、游园", "口袋公园", "126", "57.6", "11.8", "合计", "141", "368.0", "75.4"],
               before=["某江市公园体系专项规划（2026—2035年）", "规划公园情况见表2-1。", "表2-1 规划公园汇总表"])
    t = _table(doc)
    assert t.columns == ["项目", "个数（个）", "面积（公顷）", "占比（%）"]
    assert [r[0] for r in t.rows] == ["市级综合公园", "区级综合公园", "植物园", "口袋公园", "合计"]
    assert t.rows[3] == ["口袋公园", "126", "57.6", "11.8"] and t.total_rows == [4]
    assert [(g.label, g.first_row) for g in t.groups] == [
        ("一、城市公园", 0), ("（一）综合公园", 0), ("（二）专类公园", 2), ("二、游园", 3)]
    assert not [m for m in doc.measures if t.start <= m.start < t.end]


def test_a_merged_street_column_read_by_the_endings_of_its_names():
    # 街道 written once for a run of sites; a site name over two lines makes a row of as many lines as columns
    t = _table(_doc(["序号", "街道", "社区（村）", "点位名称", "点位数（个）",
                     "1", "府南街道", "锦华社区", "锦华苑小区东门", "2", "2", "青云社区", "青云路与文华街", "交叉口", "3",
                     "3", "桂溪社区", "桂溪花园北区", "4", "4", "双桥街道", "双桥社区", "双桥农贸市场", "5",
                     "5", "红星社区", "红星小区3栋旁", "6", "6", "龙潭街道", "龙潭村", "龙潭村委会", "8"]))
    assert [r[1] for r in t.rows] == ["府南街道"] * 3 + ["双桥街道"] * 2 + ["龙潭街道"]
    assert t.rows[1] == ["2", "府南街道", "青云社区", "青云路与文华街交叉口", "3"]


def test_the_row_fit_does_not_replace_a_header_run_read_the_same_way():
    t = _table(_doc(_rows(*COUNTS["after_the_text_cell"])))
    assert t.rows[1] == ["2", "西城街道", "3", "1", "2"]


def test_nested_group_rows_of_a_task_table_give_nested_sections():
    doc = _doc(["序号", "重点任务", "责任单位", "完成时限", "一、交通设施", "（一）农村公路",
                "1", "实施县乡道提档升级工程", "区交通运输局", "2026年底前",
                "（二）停车设施", "2", "新建城区公共停车场3处", "区住房城乡建设局", "2026年10月底前",
                "二、市政设施", "3", "推进老城区雨污分流改造", "区水务局", "2026年12月底前"])
    t = _table(doc)
    assert [(g.label, g.first_row) for g in t.groups] == [
        ("一、交通设施", 0), ("（一）农村公路", 0), ("（二）停车设施", 1), ("二、市政设施", 2)]
    paths = {m.title[:6]: m.section_path[-2:] for m in doc.measures if t.start <= m.start < t.end}
    assert paths["实施县乡道提"] == ["交通设施", "农村公路"]
    assert paths["新建城区公共"] == ["交通设施", "停车设施"]
    assert paths["推进老城区雨"][-1] == "市政设施" and "停车设施" not in paths["推进老城区雨"]


def test_group_labels_split_levels_and_join_a_bare_numeral():
    assert flattables.group_labels(["一、交通设施", "（一）农村公路"]) == ["一、交通设施", "（一）农村公路"]
    assert flattables.group_labels(["三", "强化产业支撑"]) == ["三 强化产业支撑"]
