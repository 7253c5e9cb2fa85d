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


def test_centred_spans_put_each_mark_at_the_middle_of_its_span():
    assert flattables.centred_spans([2, 6, 9.5, 13], 15) == [(0, 5), (5, 8), (8, 12), (12, 15)]
    assert flattables.centred_spans([1, 3.5], 5) == [(0, 3), (3, 5)]
    assert flattables.centred_spans([4, 1], 5) is None


HEAD = ["序号", "类　别", "指　标", "单　位", "2025年", "2030年", "属　性"]


def test_a_merged_category_written_at_the_middle_of_its_span_and_a_repeated_header():
    # 类　别 (an ideographic space inside the name) after 序号, its cell written where a PDF centres it:
    # after the middle row's number, or between the two middle rows; the header repeated after a
    # page break is no row's cells
    cells = ["表1", "某山区“十五五”主要指标", *HEAD,
             "1", "地区生产总值增速", "%", "6.0", "5.5左右", "预期性",
             "2", "经济发展", "人均地区生产总值", "万元", "9.8", "12.5", "预期性",
             "3", "实际使用外资", "亿美元", "[3.2]", "[4]", "预期性",
             "4", "研发经费投入强度", "%", "2.4", "3", "预期性",
             *HEAD,
             "5", "高新技术企业数", "家", "210", "350", "预期性",
             "创新驱动",
             "6", "每万人口高价值发明专利拥有量", "件", "6.2", "12", "预期性",
             "7", "技术合同成交额", "亿元", "18", "30", "预期性",
             "8", "城镇调查失业率", "%", "<5.5", "<5.5", "预期性",
             "9", "民生福祉", "人均预期寿命", "岁", "80.6", "81.5", "预期性",
             "10", "每千人口拥有3岁以下婴幼儿托位数", "个", "3.2", "4.5", "预期性",
             "注：[ ]内为五年累计数。"]
    [t] = _doc(BODY + SIGN + cells).tables
    assert t.columns == ["序号", "类别", "指标", "单位", "2025年", "2030年", "属性"]
    assert [r[1] for r in t.rows] == ["经济发展"] * 3 + ["创新驱动"] * 4 + ["民生福祉"] * 3
    assert t.rows[3] == ["4", "创新驱动", "研发经费投入强度", "%", "2.4", "3", "预期性"]
    assert t.rows[4][2:] == ["高新技术企业数", "家", "210", "350", "预期性"]


def test_a_merged_attribute_column_after_the_number():
    cells = ["表2", "某山区生态环境指标", "序号", "属　性", "指标名称", "单　位", "2030年目标",
             "1", "约束性", "细颗粒物（PM2.5）平均浓度", "微克/立方米", "25",
             "2", "空气质量优良天数比率", "%", "90",
             "3", "预期性", "生活垃圾回收利用率", "%", "45",
             "4", "新能源汽车新车销售占比", "%", "50",
             "5", "绿色建筑占新建建筑比例", "%", "100"]
    [t] = _doc(BODY + SIGN + cells).tables
    assert t.roles == ["number", "attribute", "indicator", "unit", "target"]
    assert [r[1] for r in t.rows] == ["约束性", "约束性", "预期性", "预期性", "预期性"]
