"""Flattened tables with merged cells and headers outside the lexicons (loaders/flattables.py):
header cells continued by a unit line, merged cells carried down by the rows' cell-count
deficit. All texts are synthetic, written for these tests in the shapes real plans take."""
from __future__ import annotations

from loaders import flattables
from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某山区", "region_en": "Moushan", "level": "county",
        "parent": "某市", "parent_en": "Moushi", "province": "某省", "province_en": "Mousheng"}
BODY = ["某山区2025年民生实事项目实施方案",
        "一、工作目标",
        "2025年，全区实施旧住房改造和公共服务设施建设项目，持续提升群众获得感。",
        "二、保障措施",
        "各街道（镇）要压实属地责任，确保项目按期完成。"]
SIGN = ["某山区人民政府办公室", "2025年3月1日"]


def _doc(lines: list[str]):
    return parse_text("\n".join(lines), META, "x.txt")


def test_a_header_cell_continued_by_its_unit_line():
    lines = flattables.table_lines("\n".join(["序号", "街道", "小区名称", "改造面积", "（万平方米）", "受益户数", "（户）",
                                              "1", "某江街道", "某苑小区", "2.35", "412"]))
    assert [s for _, _, s in lines][:5] == ["序号", "街道", "小区名称", "改造面积（万平方米）", "受益户数（户）"]
    assert flattables.unit_named("改造面积（万平方米）") and not flattables.unit_named("某江街道（牵头）")


def test_a_unit_line_in_a_row_stays_a_cell():
    # the unit column's cell written in brackets after the indicator: no header cell to continue
    cells = ["附表", "某山区民生指标", "序号", "指标", "单位", "2025年目标",
             "1", "城镇调查失业率", "（%）", "5.5",
             "2", "新增就业岗位", "（个）", "8000",
             "3", "养老服务床位", "（张）", "1200"]
    [t] = _doc(BODY + SIGN + cells).tables
    assert t.columns == ["序号", "指标", "单位", "2025年目标"]
    assert t.rows[1] == ["2", "新增就业岗位", "（个）", "8000"]


def test_merged_cells_carried_down_by_the_cell_count_deficit():
    # no lexicon word but 序号 and 名称: names carrying their units are header cells; 街道 written once
    # for its rows (rows of four cells under five columns), 资金来源 likewise at the end
    cells = ["附表1", "某山区2025年旧住房改造项目表", "序号", "街道", "小区名称", "改造面积", "（万平方米）",
             "计划投资", "（万元）", "资金来源",
             "1", "某江街道", "某苑小区", "2.35", "5860", "区级财力",
             "2", "某新村", "1.12", "2790",
             "3", "某路317弄", "0.86", "2150",
             "4", "某宁街道", "某里新村", "3.05", "7620", "专项债券",
             "5", "某华小区", "1.48", "3700",
             "6", "某桥镇", "某桥一村", "2.10", "4980",
             "7", "某桥二村", "1.76", "4120"]
    [t] = _doc(BODY + SIGN + cells).tables
    assert t.title == "某山区2025年旧住房改造项目表"
    assert t.columns == ["序号", "街道", "小区名称", "改造面积（万平方米）", "计划投资（万元）", "资金来源"]
    assert t.roles == ["number", "other", "indicator", "other", "other", "other"]
    assert t.rows[2] == ["3", "某江街道", "某路317弄", "0.86", "2150", "区级财力"]
    assert t.rows[4] == ["5", "某宁街道", "某华小区", "1.48", "3700", "专项债券"]
    assert t.rows[6] == ["7", "某桥镇", "某桥二村", "1.76", "4120", "专项债券"]
    assert t.cell_spans[2][1] is None            # carried: written in row 1 only
    assert not t.target_years


def test_a_missing_value_is_no_merged_cell():
    # a value column's missing cell stays empty: only short label columns carry merged cells
    cells = ["附表", "某山区公共服务设施计划", "序号", "项目名称", "建设地点", "总投资", "（亿元）", "年度投资", "（亿元）",
             "1", "区养老综合体", "某江街道", "1.85", "0.60",
             "2", "社区卫生服务中心", "某宁街道", "0.74",
             "3", "区档案馆新馆", "某桥镇", "1.62", "0.40",
             "4", "全民健身中心", "某湾街道", "0.58", "0.20"]
    [t] = _doc(BODY + SIGN + cells).tables
    assert t.rows[1][1:3] == ["社区卫生服务中心", "某宁街道"]
    assert t.rows[1][3:].count(None) == 1 and "0.74" in t.rows[1][3:]
