"""Flattened text tables rebuilt from a header run (loaders/flattables.py), the junk pass
keeping appendix tables after the signature, and task-table rows as measures.
All texts are synthetic, written for these tests in the shapes real plans take."""
from __future__ import annotations

from loaders import flattables, junk
from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某山区", "region_en": "Moushan", "level": "county",
        "parent": "某市", "parent_en": "Moushi", "province": "某省", "province_en": "Mousheng"}


def _parse(lines: list[str]):
    src = "\n".join(lines)
    return src, parse_text(src, META, "x.txt")


BODY = ["某山区推进公共服务提质增效工作方案",
        "一、总体要求",
        "坚持以人民为中心的发展思想，着力补齐公共服务短板，推动基本公共服务均等化水平不断提高。",
        "二、重点任务",
        "（一）完善服务设施。加快建设社区综合服务设施，推动服务资源向基层延伸，全面提升服务便利度。",
        "（二）提升服务质量。健全服务标准体系，加强从业人员培训，让群众享受更加优质的公共服务。"]
SIGN = ["某山区人民政府办公室", "2025年3月1日"]


def test_indicator_table_at_the_end_with_notes_and_attribute():
    cells = ["附表1", "某山区主要指标", "序号", "指标", "单位", "2030年目标", "属性",
             "1", "社区服务设施覆盖率（期末）", "%", "100", "约束性",
             "2", "新增养老床位数（五年累计）", "张", "1200", "预期性",
             "3", "每千人口拥有托位数", "个", "4.5", "预期性"]
    src, doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.title == "某山区主要指标"
    assert t.columns == ["序号", "指标", "单位", "2030年目标", "属性"]
    assert t.roles == ["number", "indicator", "unit", "target", "attribute"]
    assert t.target_years == [2030]
    assert t.rows[1] == ["2", "新增养老床位数（五年累计）", "张", "1200", "预期性"]
    assert doc.text.endswith("预期性")
    assert not [d for d in doc.dropped if "床位" in d.text or d.text.startswith("附表")]
    assert junk.body_dropped(doc)["chars"] == 0
    # indicator rows are targets, never measures
    assert not any(t.start <= m.start < t.end for m in doc.measures)


def test_two_target_columns_description_and_split_cells():
    cells = ["附件2", "主要指标说明", "序号", "指标名称", "单位", "2025年指标", "2035年指标", "说明",
             "1", "公共文化设施", "开放率", "%", "95", "100", "全面实现开放、", "延时服务",
             "2", "人均体育场地面积", "平方米", "2.6", "3.2", "含学校场地",
             "3", "每万人口社会工作者数", "人", "12", "18", "持证人员"]
    src, doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.roles == ["number", "indicator", "unit", "target", "target", "description"]
    assert t.target_years == [2025, 2035]
    assert t.rows[0] == ["1", "公共文化设施开放率", "%", "95", "100", "全面实现开放、延时服务"]
    assert t.rows[2] == ["3", "每万人口社会工作者数", "人", "12", "18", "持证人员"]


def test_multi_row_header_and_group_column_carried_down():
    cells = ["专栏1 某山区核心指标", "指标类别", "序号", "指标项", "单位", "类型", "指标值", "现状", "规划",
             "（2025年）", "（2030年）",
             "发展规模", "1", "建设用地总规模", "平方千米", "约束性", "50.2", "50.1",
             "2", "住宅用地面积", "平方千米", "预期性", "20.3", "动态调整",
             "生态环境", "3", "河湖水面率", "%", "约束性", "/", "4.1",
             "三、保障措施", "加强组织领导，建立工作推进机制，确保各项任务落到实处。"]
    src, doc = _parse(BODY + cells)
    [t] = doc.tables
    assert t.columns == ["指标类别", "序号", "指标项", "单位", "类型", "指标值 现状 （2025年）", "指标值 规划 （2030年）"]
    assert t.roles == ["group", "number", "indicator", "unit", "attribute", "baseline", "target"]
    assert [r[0] for r in t.rows] == ["发展规模", "发展规模", "生态环境"]
    assert t.rows[2][1:] == ["3", "河湖水面率", "%", "约束性", "/", "4.1"]
    assert [(g.label, g.first_row) for g in t.groups] == [("发展规模", 0), ("生态环境", 2)]
    assert doc.text[t.end:].startswith("\n三、保障措施")


TASKS = ["附件", "某山区重点任务清单", "序号", "重点任务", "具体工作", "时间进度", "责任部门",
         "一、完善服务设施",
         "1", "建设社区服务站", "新建社区综合服务站10个", "年内完成", "区民政局、各街镇",
         "2", "改造文化场馆", "推动场馆全面实现开放、", "延时服务", "6月底完成", "区文化旅游局牵头，区财政局配合",
         "二、提升服务质量",
         "3", "开展人员培训", "组织从业人员轮训", "全年推进", "发展改革委、区人力资源社会保障局"]


def test_task_table_rows_are_measures_with_deadline_and_groups():
    src, doc = _parse(BODY + SIGN + TASKS)
    [t] = doc.tables
    assert t.roles == ["number", "task", "task", "deadline", "responsible"]
    assert t.rows[1] == ["2", "改造文化场馆", "推动场馆全面实现开放、延时服务", "6月底完成", "区文化旅游局牵头，区财政局配合"]
    assert [(g.label, g.first_row) for g in t.groups] == [("一、完善服务设施", 0), ("二、提升服务质量", 2)]
    ms = [m for m in doc.measures if m.number in ("1", "2", "3") and m.start >= t.start]
    assert [(m.title, m.deadline) for m in ms] == [
        ("新建社区综合服务站10个", "年内完成"), ("推动场馆全面实现开放、延时服务", "6月底完成"), ("组织从业人员轮训", "全年推进")]
    assert ms[0].section_path[-2:] == ["完善服务设施", "建设社区服务站"]
    assert (ms[0].responsibility.lead, ms[0].responsibility.involved) == (["区民政局"], ["各街镇"])
    assert (ms[1].responsibility.lead, ms[1].responsibility.involved) == (["区文化旅游局"], ["区财政局"])
    assert ms[2].responsibility.lead == ["发展改革委"]
    assert all("完成" not in a and "推进" not in a for m in ms for a in m.responsibility.lead + m.responsibility.involved)
    assert junk.body_dropped(doc)["chars"] == 0 and doc.text.endswith("区人力资源社会保障局")


def test_task_table_short_names_resolve_to_the_plan_region():
    from ontology.mapping import map_document
    src, doc = _parse(BODY + SIGN + TASKS)
    recs = map_document(doc)
    names = {n.properties.get("name") for n in recs.nodes if n.label == "Agency"}
    assert "某山区发展改革委" in names and "某山区民政局" in names
    assert not any("完成" in n or "推进" in n for n in names)
    deadlines = {n.properties.get("deadline") for n in recs.nodes if n.label == "Policy"}
    assert {"年内完成", "6月底完成", "全年推进"} <= deadlines


def test_hard_wrap_joiner_never_joins_table_cells():
    from loaders import linewrap
    para = ("这是一段从版式文件中提取的文字，每一行都在固定宽度处断开，句子被切成几段，需要重新连接起来才能阅读理解，"
            "所以这里写得比较长一些")
    wrapped = [para[i:i + 40] for i in range(0, len(para), 40)] * 4
    table = ["序号", "重点任务", "责任部门", "1", "推进社区服务站建设工作，覆盖全部街镇和部分重点村居的各街镇",
             "区民政局、各街镇", "2", "改造文化场馆并延长开放时间，满足群众日常文化活动需求的各街镇", "区文化旅游局"]
    text = "\n".join(wrapped + table + wrapped)
    edits = linewrap.find(text)
    joined = {text[:e.start].count("\n") for e in edits}
    first = len(wrapped)
    assert not any(first <= i < first + len(table) for i in joined)


def test_header_roles_from_the_lexicons():
    assert flattables.column_roles(["序号", "指标名称", "计量单位", "2020年基期值", "2025年目标", "指标属性",
                                    "责任单位", "完成时限", "备注", "指标类别"]) == [
        "number", "indicator", "unit", "baseline", "target", "attribute", "responsible", "deadline",
        "description", "group"]
    assert flattables.is_lead_column("牵头单位") and flattables.is_involved_column("配合单位")


def test_row_labelled_grid_with_an_empty_corner():
    cells = ["（三）奖励标准", "甲档", "乙档", "丙档", "评分", "95分以上", "85分以上", "75分以上",
             "奖励金额（万元）", "3", "2", "1", "奖励资金按年度拨付，由区财政局统筹安排。"]
    src, doc = _parse(BODY + cells)
    [t] = doc.tables
    assert t.columns == ["", "甲档", "乙档", "丙档"]
    assert t.rows == [["评分", "95分以上", "85分以上", "75分以上"], ["奖励金额（万元）", "3", "2", "1"]]
    assert not any(m.title.startswith("奖励金额") for m in doc.measures)


def test_header_run_without_a_number_column():
    cells = ["某山区主要指标", "指标", "单位", "2020年", "2025年", "属性",
             "社区服务设施覆盖率", "%", "90", "100", "约束性",
             "新增养老床位数", "张", "800", "1200", "预期性",
             "每千人口拥有托位数", "个", "3", "4.5", "预期性",
             "三、保障措施", "加强组织领导，建立工作推进机制，确保各项任务落到实处。"]
    src, doc = _parse(BODY + cells)
    [t] = doc.tables
    assert t.title == "某山区主要指标" and t.columns == ["指标", "单位", "2020年", "2025年", "属性"]
    assert t.rows == [["社区服务设施覆盖率", "%", "90", "100", "约束性"], ["新增养老床位数", "张", "800", "1200", "预期性"],
                      ["每千人口拥有托位数", "个", "3", "4.5", "预期性"]]
    assert doc.text[t.end:].startswith("\n三、保障措施")


def test_task_table_numbering_restarts_under_group_rows():
    cells = ["附件", "某山区重点任务分解表", "序号", "工作任务", "完成时限", "牵头单位",
             "一", "优化公共服务",
             "1", "建设社区服务站", "年内完成", "区民政局",
             "2", "改造文化场馆", "6月底完成", "区文化旅游局",
             "二", "强化要素保障",
             "1", "落实建设用地", "全年推进", "区规划资源局",
             "2", "统筹安排资金", "持续推进", "区财政局"]
    src, doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert [r[1] for r in t.rows] == ["建设社区服务站", "改造文化场馆", "落实建设用地", "统筹安排资金"]
    assert [(g.label, g.first_row) for g in t.groups] == [("一 优化公共服务", 0), ("二 强化要素保障", 2)]
    ms = [m for m in doc.measures if m.start >= t.start]
    assert [m.section_path[-1] for m in ms] == ["优化公共服务", "优化公共服务", "强化要素保障", "强化要素保障"]
    assert [m.responsibility.lead for m in ms][-1] == ["区财政局"]


def test_one_agency_per_line_in_a_responsibility_cell():
    cells = ["附件", "某山区任务清单", "序号", "工作任务", "责任单位", "完成时限",
             "1", "建设社区服务站", "区民政局", "区财政局", "年内完成",
             "2", "改造文化场馆", "区文化旅游局", "6月底完成",
             "3", "落实建设用地", "区规划资源局", "各街镇", "全年推进"]
    src, doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert [r[2] for r in t.rows] == ["区民政局、区财政局", "区文化旅游局", "区规划资源局、各街镇"]
    ms = [m for m in doc.measures if m.start >= t.start]
    assert (ms[0].responsibility.lead, ms[0].responsibility.involved) == (["区民政局"], ["区财政局"])


def test_task_table_numbered_rows_without_a_number_header():
    cells = ["附件", "某山区重点任务清单", "工作任务", "责任单位", "完成时限",
             "1", "建设社区服务站", "区民政局", "年内完成",
             "2", "改造文化场馆", "区文化旅游局", "6月底完成",
             "3", "落实建设用地", "区规划资源局", "全年推进"]
    src, doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.title == "某山区重点任务清单"
    assert t.columns == ["序号", "工作任务", "责任单位", "完成时限"]
    assert t.rows[2] == ["3", "落实建设用地", "区规划资源局", "全年推进"]
    assert [m.deadline for m in doc.measures if m.start >= t.start] == ["年内完成", "6月底完成", "全年推进"]


def test_a_total_row_after_the_last_numbered_row_is_a_row_not_a_page_footer():
    # an attachment table closing the file with 合计 and one value (empty cells in between): the
    # value is table body (before: the lone number at the end was dropped as page_footer)
    src, doc = _parse(["某山区城市更新行动方案", "一、主要任务", "（一）推进老旧小区改造。完成改造20个。",
                       "附件", "重点项目表", "序号", "项目名称", "建设内容", "投资（亿元）", "责任单位",
                       "1", "东湖街道老旧小区改造", "改造小区8个", "1.2", "区住建局",
                       "2", "南苑街道口袋公园", "新建公园3个", "0.5", "区绿化市容局",
                       "合计", "", "", "1.7", ""])
    assert not [d for d in doc.dropped if d.reason != "whitespace"]
    t = [t for t in doc.tables if t.rows][-1]
    assert t.rows[-1] == ["合计", None, None, "1.7", None]
    assert len(t.rows) == 3 and doc.text.rstrip().endswith("1.7")
