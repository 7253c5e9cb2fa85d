"""Mechanisms of batch 15 (tests/fixtures_tables bh-bn), each on its own synthetic table written for
these tests (other numbers, names and wording than the fixtures)."""
from __future__ import annotations

from loaders import flattables as ft
from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某河区", "region_en": "Mouhe", "level": "county", "parent": "某原市",
        "province": "某西省"}


def _doc(lines: list[str], sep: str = "\n\n"):
    return parse_text(sep.join(lines) + "\n", dict(META), "x.txt")


def test_year_sub_labels_span_the_target_cell_not_the_base_year_column():
    # 基期 2024年 is a plain year column; 规划目标 spans 2026年 | 2028年 written after the top row
    cols = ft._spanned_columns(["指标名称", "单位", "2024年", "规划目标", "指标属性", "2026年", "2028年"], 6)
    assert cols is not None
    assert cols[0] == ["指标名称", "单位", "2024年", "规划目标 2026年", "规划目标 2028年", "指标属性"]
    doc = _doc(["某河区“十五五”教育发展规划", "主要指标", "序号", "指标名称", "单位", "2024年", "规划目标", "指标属性",
                "2026年", "2028年",
                "1", "学前教育毛入园率", "%", "91", "93", "95", "预期性",
                "2", "普惠性幼儿园覆盖率", "%", "86", "88", "90", "约束性",
                "3", "高中阶段教育毛入学率", "%", "95.5", "96", "97", "预期性",
                "第三章 主要任务", "推动学前教育普及普惠安全优质发展。"])
    [t] = doc.tables
    assert t.rows[1] == ["2", "普惠性幼儿园覆盖率", "%", "86", "88", "90", "约束性"]


def test_a_cell_value_before_a_page_number_is_no_running_footer():
    # 约束性 recurs in the 属性 column: before the page number it is row 2's cell, not page furniture;
    # the header repeated after the page number still goes
    doc = _doc(["某河区国土空间总体规划", "附表 规划指标", "序号", "指标", "单位", "基期", "目标", "属性",
                "1", "耕地保有量", "万亩", "12.6", "12.6", "约束性",
                "2", "永久基本农田保护面积", "万亩", "10.8", "10.8", "约束性", "— 31 —",
                "序号", "指标", "单位", "基期", "目标", "属性",
                "3", "人均公园绿地面积", "平方米", "10.2", "12", "预期性"])
    [t] = doc.tables
    assert [r[-1] for r in t.rows] == ["约束性", "约束性", "预期性"]
    assert "— 31 —" not in doc.text


def test_row_numbers_in_brackets_and_group_rows_closing_with_a_full_stop():
    assert [ft.serial_of(x) for x in ("（12）", "(3)", "（ 4 ）", "（一）", "12")] == ["12", "3", "4", None, "12"]
    # a group row over row 1 whose words name a role (一、年度工作目标) is no header cell
    assert not ft._is_header_cell("一、年度工作目标") and ft._is_header_cell("工作目标")
    doc = _doc(["某河区2026年民生实事项目分解", "序号", "实事项目", "牵头单位", "配合单位",
                "一、年度工作目标",
                "（1）", "新增城镇就业3000人。", "区人社局", "各街道办事处",
                "（2）", "新建社区食堂8个。", "区民政局", "区商务局 区市场监管局",
                "二、重点推进以下工作", "（一）提升教育服务质量。",
                "（3）", "新增公办幼儿园学位600个。", "区教育局", "区住建局",
                "（4）", "建成智慧课堂示范校5所。", "区教育局", "区大数据中心"])
    [t] = doc.tables
    assert t.columns == ["序号", "实事项目", "牵头单位", "配合单位"]
    assert [r[0] for r in t.rows] == ["（1）", "（2）", "（3）", "（4）"]
    assert [(g.label, g.first_row) for g in t.groups] == [("一、年度工作目标", 0), ("二、重点推进以下工作", 2),
                                                          ("（一）提升教育服务质量。", 2)]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert rows[1].responsibility.lead == ["区民政局"]
    assert rows[1].responsibility.involved == ["区商务局", "区市场监管局"]


def test_an_extract_of_a_task_table_with_jumping_numbers_and_groups_without_rows():
    # a bureau's rows of a longer table: numbers 7, 40, 41, 52 and three group rows one after the other
    # (二、… 三、… with no row of their own) at row 7's end
    doc = _doc(["某河区卫健委2026年重点工作任务分解表", "序号", "重点工作任务", "主要责任单位", "协同配合单位",
                "一、主要预期目标",
                "7", "人均预期寿命达到80岁以上。", "区卫健委", "区民政局，各镇人民政府。",
                "二、扩大有效投资", "三、壮大产业集群", "四、增进民生福祉",
                "40", "建成区妇幼保健院新院区。", "区卫健委", "区住建局。",
                "41", "推进紧密型县域医共体建设。", "区卫健委", "区医保局、区财政局。",
                "五、守牢安全底线",
                "52", "开展医疗机构消防安全专项整治。", "区卫健委", "区消防救援大队。"])
    [t] = doc.tables
    assert [r[0] for r in t.rows] == ["7", "40", "41", "52"]
    assert t.rows[0][3] == "区民政局，各镇人民政府。"
    assert [(g.label, g.first_row) for g in t.groups][-2:] == [("四、增进民生福祉", 1), ("五、守牢安全底线", 3)]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert rows[2].responsibility.involved == ["区医保局", "区财政局"]      # 。 closing the cell is no part of a name
    # numbers that jump under a header without a task column (an inventory's ids) are no extract
    assert ft._extract_first_row([(0, 1, x) for x in ["7", "某路口", "40", "某广场", "41", "某公园"]], 0,
                                 ["number", "other", "responsible"]) is None


def test_a_table_written_one_row_a_line_with_cells_apart_by_spaces_or_tabs():
    # the header on one line, each row on one line; a 牵头单位 of two bodies one per line runs the row on
    # over the next lines; group rows between rows
    for sep in (" ", "\t", "　"):
        doc = _doc(["某河区2026年重点民生实事分解表", sep.join(["序号", "实事项目", "牵头单位", "配合单位", "完成时限"]),
                    "一、教育医疗",
                    sep.join(["1", "新增公办学位1200个。", "区教育局", "区住建局", "2026年9月底"]),
                    sep.join(["2", "建设社区医院2家。", "区卫健委"]), "区医保局",
                    sep.join(["区财政局、区民政局，各街道办事处。", "2026年底"]),
                    "二、养老托育",
                    sep.join(["3", "新增养老床位300张。", "区民政局", "各街道办事处", "2026年底"]),
                    "三、保障措施", "各单位每季度报送进展。"], sep="\n")
        [t] = doc.tables
        assert t.columns == ["序号", "实事项目", "牵头单位", "配合单位", "完成时限"], sep
        assert t.rows[1] == ["2", "建设社区医院2家。", "区卫健委、区医保局", "区财政局、区民政局，各街道办事处。",
                             "2026年底"], sep
        assert [(g.label, g.first_row) for g in t.groups] == [("一、教育医疗", 0), ("二、养老托育", 2)]
        rows = [m for m in doc.measures if t.start <= m.start < t.end]
        assert rows[1].responsibility.lead == ["区卫健委", "区医保局"] and rows[1].deadline == "2026年底"
    assert ft._spaced_header("序号 重点任务 责任单位") and not ft._spaced_header("序号 1 重点任务")
    assert not ft._spaced_header("重点任务 责任单位 完成时限")          # no numbering column first


def test_a_remarks_column_of_kinds_keeps_the_last_rows_kind_and_leaves_empty_remarks_empty():
    # 备注 holds 新建 / 续建 in some rows only; the last row's 备注 (before the copy-to line) is its cell
    doc = _doc(["某河区2026年城建项目计划", "附件", "某河区2026年城建项目表", "序号", "项目名称", "建设内容", "总投资",
                "（万元）", "建设年限", "责任单位", "备注",
                "1", "滨河路改造", "改造道路2.4公里", "8600", "2026年", "区住建局", "续建",
                "2", "城北泵站新建", "新建泵站1座", "4200", "2026—2027年", "区水务局",
                "3", "体育公园", "建设体育公园1处", "5300", "2026年", "区文体局", "新建",
                "4", "口袋公园", "建设口袋公园6个", "1800", "2026年", "区城管局", "新建",
                "抄送：区委办公室。"])
    [t] = doc.tables
    assert [r[-1] for r in t.rows] == ["续建", None, "新建", "新建"]
    # a 备注 of sentences stays a description column
    assert ft._kind_notes([["a", "新建"], ["b", "续建"], ["c", "含某智创城及周边配套道路工程建设"]],
                          ["task", "description"]) == ["task", "description"]
    assert ft._kind_notes([["a", "新建"], ["b", "续建"], ["c", "改建"]], ["task", "description"])[-1] == ft.NOTE
