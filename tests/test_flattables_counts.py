"""Flattened count tables (issue 9, classes B1/B2): a task distributed over places or units, one
row per place with bare integer counts, a 合计 row after the last row. Synthetic text written for
these tests, in the shape of other provinces' 任务分配表/任务分解表 scraped one cell per line."""
from __future__ import annotations

from loaders import flattables


def _text(*cells: str) -> str:
    return "\n\n".join(cells) + "\n"


def _one(text: str):
    tables = flattables.find_all(text)
    assert len(tables) == 1, [t.columns for t in tables]
    return tables[0]


def test_last_value_equal_to_the_next_row_number_stays_in_its_row():
    # B2: 2 | 某阳区 | 450 | 9 | 3 then 3 | 某丰县: the first 3 is row 2's last value
    t = _one(_text("附件", "各县（市、区）任务分配表", "序号", "县（市、区）", "新增床位", "（张）", "新建站点", "（个）",
                   "改造敬老院", "（所）",
                   "1", "某城区", "600", "12", "2", "2", "某阳区", "450", "9", "3", "3", "某丰县", "300", "6", "1",
                   "4", "某河县", "280", "5", "5", "5", "某山县", "200", "4", "2"))
    assert t.columns == ["序号", "县（市、区）", "新增床位（张）", "新建站点（个）", "改造敬老院（所）"]
    assert [r[0] for r in t.rows] == ["1", "2", "3", "4", "5"]
    assert t.rows[1] == ["2", "某阳区", "450", "9", "3"]
    assert t.rows[3] == ["4", "某河县", "280", "5", "5"]


def test_a_last_value_equal_to_the_next_number_before_the_total_row():
    # B2 at the end: the last row's value 4 is the number expected next, and a 合计 row follows
    t = _one(_text("序号", "单位", "目标任务（户）", "1", "县农业农村局", "2", "2", "县水利局", "3", "3", "县财政局", "4",
                   "合计", "9", "二、工作措施"))
    assert [r[0] for r in t.rows] == ["1", "2", "3", "合计"]
    assert t.rows[2] == ["3", "县财政局", "4"]
    assert t.total_rows == [3] and t.rows[3][-1] == "9"
    assert t.roles[1] != "unit"              # 单位 over body names is no measurement unit


def test_total_row_after_a_three_column_place_table_is_kept():
    # B1: 序号 | 区 | 值, then 合计 and a paragraph after the table
    t = _one(_text("附件", "各区新增公共停车泊位任务表", "序号", "区", "新增泊位（个）", "1", "某东区", "1200", "2", "某西区",
                   "860", "3", "某南区", "940", "4", "某北区", "1500", "合计", "4500",
                   "各区要按季度报送建设进度。"))
    assert t.columns == ["序号", "区", "新增泊位（个）"]
    assert t.rows[-1] == ["合计", None, "4500"] and t.total_rows == [4]


def test_a_second_table_after_an_attachment_line_is_its_own():
    t1, t2 = flattables.find_all(_text(
        "序号", "县（市、区）", "建设数量（个）", "1", "某城区", "2", "2", "某阳区", "3", "3", "某丰县", "5", "合计", "10",
        "附件2", "某表", "序号", "县（市、区）", "改造数量（个）", "1", "某城区", "4", "2", "某阳区", "6", "合计", "10"))
    assert [r[0] for r in t1.rows] == ["1", "2", "3", "合计"]
    assert [r[0] for r in t2.rows] == ["1", "2", "合计"] and t2.title == "某表"


def test_a_year_column_name_over_a_unit_line_is_a_header_cell():
    # 2024年完成 / （户）: a unit line makes a column name of what reads like a deadline alone
    t = _one(_text("序号", "乡镇", "2024年完成", "（户）", "2025年目标", "（户）", "1", "某城镇", "180", "200", "2", "某桥镇",
                   "150", "220", "3", "某湖乡", "90", "110"))
    assert t.columns == ["序号", "乡镇", "2024年完成（户）", "2025年目标（户）"]
    assert t.rows[2] == ["3", "某湖乡", "90", "110"]


def test_a_row_number_written_twice_in_a_task_table_is_still_a_number():
    # not B2: the cell before the repeated number names a body, not a value
    t = _one(_text("序号", "工作任务", "责任单位", "1", "推进老旧小区改造", "区住房保障局", "2", "建设口袋公园",
                   "区绿化市容局", "3", "3", "完善社区养老服务", "区民政局", "4", "开展垃圾分类宣传", "区绿化市容局"))
    assert [r[0] for r in t.rows] == ["1", "2", "3", "4"]
    assert t.rows[2][1:] == ["完善社区养老服务", "区民政局"]


def test_an_inventory_with_a_merged_owner_column():
    # T5: 序号 | 权属部门 | 单位名称 | 地址 | 面积 / （平方米） | 人数 | 类型: the header run holds names outside the
    # lexicons up to row 1; the owner (权属部门) is the rows' responsible column, merged over runs of rows
    t = _one(_text("某区避难场所一览表", "序号", "权属部门", "单位名称", "地址", "面积", "（平方米）", "人数", "类型",
                   "1", "区教育局", "某山中学", "某华路88号", "3200", "1600", "Ⅰ类",
                   "2", "某桥小学", "某中路12号", "1800", "900", "Ⅱ类",
                   "3", "某泾中学", "某安路201号", "2500", "1250", "Ⅱ类",
                   "4", "区体育局", "区体育中心", "某体路1号", "6000", "3000", "Ⅰ类",
                   "5", "某桥镇人民政府", "某桥镇文化活动中心", "某新路5号", "1200", "600", "Ⅲ类",
                   "6", "某桥镇敬老院", "某和路77号", "800", "400", "Ⅲ类"))
    assert t.columns == ["序号", "权属部门", "单位名称", "地址", "面积（平方米）", "人数", "类型"]
    assert t.roles[1] == "responsible" and "task" not in t.roles      # an inventory: no task rows
    assert t.rows[1] == ["2", "区教育局", "某桥小学", "某中路12号", "1800", "900", "Ⅱ类"]
    assert t.rows[2][1:3] == ["区教育局", "某泾中学"]
    assert t.rows[5][1:3] == ["某桥镇人民政府", "某桥镇敬老院"]


def test_rows_keyed_by_a_name_merged_over_two_rows_without_row_numbers():
    # T2: no 序号; 某城镇 and its 常住人口 written once over two rows that differ by 类型
    t = _one(_text("二、保障措施", "各乡镇要统筹安排建设用地。", "乡镇", "常住人口（万人）", "类型", "现有（个）", "2025年目标（个）",
                   "某城镇", "8.2", "等级", "2", "3", "社区", "5", "8",
                   "某河镇", "4.6", "等级", "1", "2", "社区", "3", "5",
                   "某山乡", "2.1", "等级", "0", "1", "社区", "2", "3",
                   "三、组织实施", "各乡镇于每年底报送建设情况。"))
    assert t.columns == ["乡镇", "常住人口（万人）", "类型", "现有（个）", "2025年目标（个）"]
    assert len(t.rows) == 6
    assert t.rows[1] == ["某城镇", "8.2", "社区", "5", "8"]
    assert t.rows[4] == ["某山乡", "2.1", "等级", "0", "1"]
    assert t.roles[2] == "other"             # 类型 over 等级/社区 is no 约束性/预期性 column


def test_a_count_column_named_outside_the_lexicons():
    # 任务数 is a count of tasks (a value column), not a task column: B2 decided by the count column
    t = _one(_text("序号", "单位", "任务数", "1", "区教育局", "2", "2", "区民政局", "3", "3", "区财政局", "5", "合计", "10",
                   "二、工作要求"))
    assert t.rows == [["1", "区教育局", "2"], ["2", "区民政局", "3"], ["3", "区财政局", "5"], ["合计", None, "10"]]
    assert "task" not in t.roles and t.total_rows == [3]


def test_a_total_row_of_a_keyed_table_carries_no_name():
    # 合计 spans the label columns: its values at the end, nothing carried from the last 街道
    t = _one(_text("街道", "类别", "现有（个）", "2025年目标（个）", "某东街道", "公办", "3", "5", "民办", "2", "4",
                   "某西街道", "公办", "4", "6", "民办", "1", "3", "合计", "10", "18", "附件2"))
    assert t.rows[-1] == ["合计", None, "10", "18"] and t.total_rows == [4]
    assert t.rows[3] == ["某西街道", "民办", "1", "3"]
