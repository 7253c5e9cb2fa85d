"""Flattened task tables found by their rows (loaders/rowfit.py): header words outside the
lexicons, or no header at all; column roles inferred from the cells across rows.
All texts are synthetic, written for these tests in the shapes that task tables of
工作方案 / 工作要点 / 实施方案 of several provinces take when scraped one cell per line."""
from __future__ import annotations

from loaders import rowfit
from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某岭县", "region_en": "Mouling", "level": "county",
        "parent": "某市", "parent_en": "Moushi", "province": "某省", "province_en": "Mousheng"}

BODY = ["某岭县推进数字乡村建设工作方案",
        "为加快数字乡村建设，结合我县实际，制定本方案。",
        "一、工作目标",
        "到2025年，全县数字乡村建设取得明显成效，乡村数字基础设施更加完善。",
        "二、保障措施",
        "（一）加强组织领导。各乡镇要高度重视，明确专人负责，确保各项任务落到实处。"]
SIGN = ["某岭县人民政府办公室", "2025年3月1日"]

ROWS = ["1", "完善乡村信息基础设施", "推动千兆光网向行政村延伸，新建5G基站300个", "县工信局、县通信发展办", "2025年底前",
        "2", "发展农村电子商务", "培育农村电商示范村20个，建设县级物流配送中心", "县商务局、县邮政管理局", "持续推进",
        "3", "推进智慧农业应用", "建设数字农业示范基地10个，推广农业物联网技术", "县农业农村局", "2024年底前",
        "4", "提升乡村治理数字化水平", "推广基层治理平台，实现村级事务网上办理", "县委政法委、县民政局", "长期",
        "5", "加强数字技能培训", "每年培训农民数字技能1万人次", "县人力社保局、县农业农村局", "每年"]


def _parse(lines: list[str]):
    return parse_text("\n".join(lines), META, "x.txt")


def test_header_words_outside_the_lexicons():
    # 推进举措 / 承办单位 / 时间要求 are in no header lexicon (承办单位 would read as a unit column)
    head = ["附件", "某岭县数字乡村重点任务清单", "序号", "工作事项", "推进举措", "承办单位", "时间要求"]
    doc = _parse(BODY + SIGN + head + ROWS)
    [t] = doc.tables
    assert t.title == "某岭县数字乡村重点任务清单"
    assert t.columns == ["序号", "工作事项", "推进举措", "承办单位", "时间要求"]
    assert t.roles == ["number", "task", "task", "responsible", "deadline"]
    assert len(t.rows) == 5
    assert t.rows[3] == ["4", "提升乡村治理数字化水平", "推广基层治理平台，实现村级事务网上办理", "县委政法委、县民政局", "长期"]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert [m.deadline for m in rows] == ["2025年底前", "持续推进", "2024年底前", "长期", "每年"]
    assert rows[1].title.startswith("培育农村电商示范村20个")
    assert rows[1].section_path[-1] == "发展农村电子商务"
    assert rows[1].responsibility.lead == ["县商务局"]
    assert rows[1].responsibility.involved == ["县邮政管理局"]


def test_no_header_at_all_two_agency_columns_and_group_rows():
    # the header was an image: only the caption is left; 牵头 and 配合 columns, group rows
    cells = ["附件", "某岭县2025年优化营商环境重点任务",
             "一、深化审批制度改革",
             "1", "推行企业开办全程网办", "企业开办时间压缩至1个工作日以内", "县行政审批局", "县市场监管局、县税务局", "2025年6月底前",
             "2", "深化工程建设项目审批改革", "实现审批全流程网上办理，", "压减审批事项20%", "县住房城乡建设局", "县自然资源局", "2025年底前",
             "二、强化要素保障",
             "3", "加强用地保障", "优先保障重点项目用地需求", "县自然资源局", "县发展改革局", "持续推进",
             "4", "拓宽企业融资渠道", "开展银企对接活动不少于4次", "县金融服务中心", "县财政局、县农商银行", "全年",
             "5", "加强人才引进", "引进高层次人才50名", "县委组织部", "县人力资源社会保障局", "长期坚持"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.title == "某岭县2025年优化营商环境重点任务"
    assert t.roles == ["number", "task", "task", "responsible", "responsible", "deadline"]
    assert t.rows[1] == ["2", "深化工程建设项目审批改革", "实现审批全流程网上办理，压减审批事项20%", "县住房城乡建设局",
                         "县自然资源局", "2025年底前"]
    assert [(g.label, g.first_row) for g in t.groups] == [("一、深化审批制度改革", 0), ("二、强化要素保障", 2)]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert len(rows) == 5
    assert rows[2].section_path[-2:] == ["强化要素保障", "加强用地保障"]
    assert rows[3].responsibility.lead == ["县金融服务中心"]
    assert rows[3].responsibility.involved == ["县财政局", "县农商银行"]
    assert rows[0].deadline == "2025年6月底前"


def test_a_missing_cell_and_numbering_restarting_under_group_rows():
    cells = ["附件", "重点工作责任分解表",
             "（一）提升服务质效",
             "1", "推广政务服务“一窗通办”", "县政务服务中心", "2025年6月底前",
             "2", "建设“15分钟便民服务圈”", "各乡镇人民政府、县民政局", "2025年底前",
             "（二）加强监管执法",
             "1", "开展食品安全专项整治", "县市场监管局",
             "2", "推进“双随机、一公开”监管全覆盖", "县市场监管局、县司法局", "持续推进",
             "3", "加强安全生产隐患排查", "县应急管理局", "全年"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.roles == ["number", "task", "responsible", "deadline"]
    assert [r[0] for r in t.rows] == ["1", "2", "1", "2", "3"]
    assert t.rows[2] == ["1", "开展食品安全专项整治", "县市场监管局", None]
    assert [(g.label, g.first_row) for g in t.groups] == [("（一）提升服务质效", 0), ("（二）加强监管执法", 2)]


def test_numbered_lists_that_are_no_task_table_give_no_measures():
    # numbers over short project names and values: a value table, no agency column, no task rows
    cells = ["附表", "重点项目", "1", "县城供水管网改造", "2.3亿元", "2", "乡村公路提升", "1.1亿元",
             "3", "污水处理厂扩建", "0.8亿元", "4", "体育公园", "0.5亿元"]
    doc = _parse(BODY + SIGN + cells)
    assert all(not t.roles or "responsible" not in t.roles for t in doc.tables)
    assert not [m for m in doc.measures if "供水管网" in m.title]
    # a body list with one cell per number and sentences is no table either
    text = "\n".join(["1", "坚持政府引导，市场主导。", "2", "坚持统筹推进，分类施策。", "3", "坚持问题导向，注重实效。"])
    assert not rowfit.find(text)


def test_indicator_table_whose_header_has_a_name_outside_the_lexicons():
    # 年均增速 is in no lexicon: the header run stops before it; the row fit reads all five columns
    cells = ["附表1", "某岭县十四五主要指标", "序号", "指标", "2020年基期值", "2025年目标值", "年均增速",
             "1", "地区生产总值（亿元）", "210", "300", "7.4%",
             "2", "一般公共预算收入（亿元）", "15.2", "21", "6.7%",
             "3", "城镇居民人均可支配收入（元）", "38000", "52000", "6.5%",
             "4", "农村居民人均可支配收入（元）", "21000", "30000", "7.4%"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.columns == ["序号", "指标", "2020年基期值", "2025年目标值", "年均增速"]
    assert t.roles == ["number", "indicator", "baseline", "target", "target"]
    assert t.rows[2] == ["3", "城镇居民人均可支配收入（元）", "38000", "52000", "6.5%"]
    assert not any(t.start <= m.start < t.end for m in doc.measures)


def test_infer_roles_from_content_and_header_evidence():
    rows = [["建立常态化政企沟通机制", "县工商联", "县发展改革局", "每季度"],
            ["开展涉企收费专项治理", "县市场监管局", "县财政局、县发展改革局", "2025年底前"],
            ["优化企业纳税服务", "县税务局", "县政务服务中心", "持续推进"]]
    assert rowfit.infer_roles(rows, 4, None) == ["task", "responsible", "responsible", "deadline"]
    # a text column the header calls 备注 is a description
    rows2 = [r[:2] + ["纳入年度考核内容"] for r in rows]
    assert rowfit.infer_roles(rows2, 3, ["工作事项", "承办单位", "备注"]) == ["task", "responsible", "description"]


def test_wrapped_task_cells_and_task_text_using_deadline_verbs():
    # 协同部门 is in no lexicon; task cells wrap over two or three lines; 推进…/完成… task text is
    # no deadline
    cells = ["附件", "2025年生态环境保护重点工作任务分解表", "序号", "工作内容", "牵头部门", "协同部门", "完成期限",
             "1", "深入打好蓝天保卫战，开展", "挥发性有机物综合治理，", "完成重点企业治理50家", "县生态环境局",
             "县工信局、县住房城乡建设局", "2025年底前",
             "2", "推进柴油货车污染治理", "县生态环境局", "县公安局、县交通运输局", "全年",
             "3", "加强饮用水水源地保护，完成", "乡镇水源地规范化建设", "县生态环境局", "县水利局", "2025年10月底前",
             "4", "推进农业面源污染防治", "县农业农村局", "县生态环境局", "持续推进",
             "5", "开展土壤污染重点监管单位", "隐患排查", "县生态环境局", "县自然资源局", "2025年6月底前",
             "6", "加强固体废物规范化管理", "县生态环境局", "县发展改革局、县商务局", "长期坚持"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.roles == ["number", "task", "responsible", "responsible", "deadline"]
    assert t.rows[0] == ["1", "深入打好蓝天保卫战，开展挥发性有机物综合治理，完成重点企业治理50家", "县生态环境局",
                         "县工信局、县住房城乡建设局", "2025年底前"]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert [m.deadline for m in rows] == ["2025年底前", "全年", "2025年10月底前", "持续推进", "2025年6月底前", "长期坚持"]
    assert rows[1].title == "推进柴油货车污染治理"
    assert rows[1].responsibility.lead == ["县生态环境局"]
    assert rows[1].responsibility.involved == ["县公安局", "县交通运输局"]


def test_a_list_of_sites_is_a_table_of_other_columns():
    # no task, no value header: rows rebuilt, columns `other` (场所名称 the header lexicon's 名称, read by
    # the header run since 有效避难面积（平方米） names its unit), neither measures nor targets
    cells = ["附件", "某岭县应急避难场所名录", "序号", "所在乡镇", "场所名称", "场所类型", "有效避难面积（平方米）", "可容纳人数",
             "1", "城关镇", "县体育中心", "室内", "12000", "6000",
             "2", "东坝镇", "东坝中学", "室外", "8000", "4000",
             "3", "西岭镇", "西岭公园", "室外", "15000", "7500",
             "4", "南河乡", "南河文化中心", "室内", "5000", "2500"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.title == "某岭县应急避难场所名录"
    assert t.roles == ["number", "other", "indicator", "other", "other", "other"]
    assert t.rows[2] == ["3", "西岭镇", "西岭公园", "室外", "15000", "7500"]
    assert not any(t.start <= m.start < t.end for m in doc.measures)


def test_serial_numbers_with_a_dot_and_a_year_span_schedule_column():
    # 总投资（亿元） is in no lexicon: the header run stops before it; 1. 2. 3. serials; 建设年限 over
    # 2023-2025 is a schedule, not a value
    cells = ["附件", "某岭县城乡更新重点项目表", "序号", "项目名称", "建设内容及规模", "建设年限", "总投资（亿元）", "责任单位",
             "1.", "老街沿线更新", "改造建筑面积5万平方米", "2023-2025", "12.5", "县住房城乡建设局",
             "2.", "滨河公园改造", "提升绿地面积3公顷", "2024-2025", "1.2", "县林业局",
             "3.", "老旧小区综合改造", "改造小区20个", "2023-2025", "3.6", "县住房城乡建设局、各乡镇"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.roles == ["number", "task", "task", "deadline", "target", "responsible"]
    assert [r[0] for r in t.rows] == ["1.", "2.", "3."]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert [m.deadline for m in rows] == ["2023-2025", "2024-2025", "2023-2025"]
    assert rows[2].responsibility.involved == ["各乡镇"]


def test_the_signature_before_an_appendix_table_is_no_measure():
    # a long 分工表 after the signature: the signature block still closes the body, 附件 reopens it
    cells = ["附件", "某岭县数字乡村重点任务清单", "序号", "工作事项", "推进举措", "承办单位", "时间要求"] + ROWS * 6
    doc = _parse(BODY + SIGN + cells)
    assert not [m for m in doc.measures if "办公室" in m.title]
    assert doc.measures[0].title == "加强组织领导"


def test_responsibility_cells_written_as_clauses():
    # 落实单位 / 推进节点 are in no lexicon; the agency cells are clauses (A牵头，B配合 / A（牵头）、B)
    cells = ["附件", "重点任务安排", "序号", "工作举措", "落实单位", "推进节点",
             "1", "实施老旧小区综合改造，完成改造小区30个。", "县住房城乡建设局牵头，各乡镇配合", "2025年底前",
             "2", "推进城镇燃气管道更新改造。", "县住房城乡建设局（牵头）、县应急管理局", "2024年底前",
             "3", "开展城市体检评估工作。", "县自然资源局牵头，县住房城乡建设局配合", "每年"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.roles == ["number", "task", "responsible", "deadline"]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert [(m.title, m.responsibility.lead, m.responsibility.involved) for m in rows] == [
        ("实施老旧小区综合改造", ["县住房城乡建设局"], ["各乡镇"]),
        ("推进城镇燃气管道更新改造", ["县住房城乡建设局"], ["县应急管理局"]),
        ("开展城市体检评估工作", ["县自然资源局"], ["县住房城乡建设局"])]


def test_unnumbered_task_table_under_names_outside_the_lexicons():
    cells = ["附件", "某岭县城乡更新重点任务表", "工作事项", "承办部门", "时间要求",
             "推进零星危旧房屋改造", "县住房城乡建设局", "2025年底前",
             "实施不成套职工住宅改造", "县住房城乡建设局、城关镇", "2024年底前",
             "推进低效工业用地转型", "县自然资源局", "持续推进",
             "四、其他事项"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.title == "某岭县城乡更新重点任务表"
    assert t.roles == ["task", "responsible", "deadline"]
    assert t.rows == [["推进零星危旧房屋改造", "县住房城乡建设局", "2025年底前"],
                      ["实施不成套职工住宅改造", "县住房城乡建设局、城关镇", "2024年底前"],
                      ["推进低效工业用地转型", "县自然资源局", "持续推进"]]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert [m.deadline for m in rows] == ["2025年底前", "2024年底前", "持续推进"]
    assert rows[1].responsibility.involved == ["城关镇"]


def test_a_column_of_townships_alone_is_a_place_not_a_body():
    # 所在乡镇 | 场所名称 | 面积 without a header: townships name places here, so no task table
    cells = ["附件", "避难场所名录", "1", "城关镇", "县体育中心", "12000", "2", "东坝镇", "东坝中学", "8000",
             "3", "西岭镇", "西岭公园", "15000", "4", "南河乡", "南河文化中心", "5000"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.roles == ["number", "other", "other", "other"]
    assert not any(t.start <= m.start < t.end for m in doc.measures)


MERGED = ["1", "推进旧区改造", "完成零星旧改地块征收5块", "县住房城乡建设局", "2025年底前",
          "2", "实施不成套职工住宅改造2万平方米", "2024年底前",
          "3", "推进老旧小区电梯加装300台", "持续推进",
          "4", "提升产业能级", "推进低效产业用地转型", "县自然资源局", "2025年",
          "5", "打造特色产业园区3个", "2025年底前",
          "6", "完善公共服务", "新建社区食堂10家", "县民政局", "2024年底前"]


def _merged_rows(head: list[str]):
    doc = _parse(BODY + SIGN + ["附件", "某岭县城乡更新重点任务分工"] + head + MERGED)
    [t] = doc.tables
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    return t, [(m.section_path[-1], m.title, m.responsibility.lead if m.responsibility else None, m.deadline)
               for m in rows]


WANT = [("推进旧区改造", "完成零星旧改地块征收5块", ["县住房城乡建设局"], "2025年底前"),
        ("推进旧区改造", "实施不成套职工住宅改造2万平方米", ["县住房城乡建设局"], "2024年底前"),
        ("推进旧区改造", "推进老旧小区电梯加装300台", ["县住房城乡建设局"], "持续推进"),
        ("提升产业能级", "推进低效产业用地转型", ["县自然资源局"], "2025年"),
        ("提升产业能级", "打造特色产业园区3个", ["县自然资源局"], "2025年底前"),
        ("完善公共服务", "新建社区食堂10家", ["县民政局"], "2024年底前")]


def test_merged_task_and_agency_cells_under_names_outside_the_lexicons():
    # 主要任务 and 承办单位 are written once for the rows they span; most rows have two cells
    t, got = _merged_rows(["序号", "主要任务", "推进举措", "承办单位", "时间安排"])
    assert t.roles == ["number", "task", "task", "responsible", "deadline"]
    assert t.rows[1] == ["2", "推进旧区改造", "实施不成套职工住宅改造2万平方米", "县住房城乡建设局", "2024年底前"]
    assert got == WANT


def test_merged_agency_cells_under_lexicon_names():
    # the header-run table: a 责任单位 missing where the merged 主要任务 is carried is merged with it
    t, got = _merged_rows(["序号", "主要任务", "具体措施", "责任单位", "完成时限"])
    assert t.columns == ["序号", "主要任务", "具体措施", "责任单位", "完成时限"]
    assert got == WANT


LONG = ["1", "推进旧区改造。", "（1）完成零星旧改地块征收5块；", "（2）实施不成套职工住宅改造2万平方米；",
        "（3）推进老旧小区电梯加装300台。", "县住房城乡建设局", "2025年底前",
        "2", "提升产业能级。推进低效产业用地转型。", "县自然资源局", "2025年",
        "3", "完善公共服务。", "（1）新建社区食堂10家；", "（2）新建社区养老服务综合体3家；", "（3）新增托育园所5家；",
        "（4）建设社区生活圈示范点；", "（5）推进口袋公园建设；", "（6）提升乡镇卫生院服务能力；", "（7）开展社区文化活动；",
        "县民政局、县卫生健康局", "2024年底前",
        "4", "加强城市安全。推进燃气管道更新改造。", "县住房城乡建设局", "持续推进"]


def _long_rows(head: list[str]):
    doc = _parse(BODY + SIGN + ["附件", "某岭县城乡更新重点任务分工"] + head + LONG)
    [t] = doc.tables
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    return t, [(m.title, m.responsibility.lead, m.responsibility.involved, m.deadline) for m in rows]


LONG_WANT = [("推进旧区改造", ["县住房城乡建设局"], [], "2025年底前"), ("提升产业能级", ["县自然资源局"], [], "2025年"),
             ("完善公共服务", ["县民政局"], ["县卫生健康局"], "2024年底前"),
             ("加强城市安全", ["县住房城乡建设局"], [], "持续推进")]


def test_a_task_cell_over_many_lines_under_lexicon_names():
    t, got = _long_rows(["序号", "重点任务", "责任单位", "完成时限"])
    assert t.rows[2][2:] == ["县民政局、县卫生健康局", "2024年底前"]
    assert t.rows[2][1].endswith("（7）开展社区文化活动；")
    assert got == LONG_WANT


def test_a_task_cell_over_many_lines_under_names_outside_the_lexicons():
    # rows of no common width: the agency and deadline columns are read from the row's end
    t, got = _long_rows(["序号", "推进安排", "承办单位", "办结时间"])
    assert t.columns == ["序号", "推进安排", "承办单位", "办结时间"]
    assert t.roles == ["number", "task", "responsible", "deadline"]
    assert got == LONG_WANT


def test_a_header_cell_spanning_lead_and_involved_columns():
    # 责任单位 over 牵头单位 | 配合单位, flattened as the top row then the sub-labels
    cells = ["附件", "某岭县城乡更新重点任务分工", "序号", "重点任务", "责任单位", "完成时限", "牵头单位", "配合单位",
             "1", "推进零星危旧房屋改造", "县住房城乡建设局", "县财政局、城关镇", "2025年底前",
             "2", "实施不成套职工住宅改造", "县住房城乡建设局", "县自然资源局", "2024年底前",
             "3", "推进低效工业用地转型", "县自然资源局", "县工信局", "持续推进"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.columns == ["序号", "重点任务", "责任单位 牵头单位", "责任单位 配合单位", "完成时限"]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert [(m.responsibility.lead, m.responsibility.involved, m.deadline) for m in rows] == [
        (["县住房城乡建设局"], ["县财政局", "城关镇"], "2025年底前"), (["县住房城乡建设局"], ["县自然资源局"], "2024年底前"),
        (["县自然资源局"], ["县工信局"], "持续推进")]


def test_a_group_column_after_the_number_is_carried_down_and_is_the_section():
    cells = ["附件", "某岭县城乡更新重点任务分工", "序号", "所属板块", "重点任务", "责任单位", "完成时限",
             "1", "旧区改造", "推进零星危旧房屋改造", "县住房城乡建设局", "2025年底前",
             "2", "实施不成套职工住宅改造", "县住房城乡建设局", "2024年底前",
             "3", "产业更新", "推进低效工业用地转型", "县自然资源局", "持续推进",
             "4", "打造特色产业园区", "县工信局", "2025年"]
    doc = _parse(BODY + SIGN + cells)
    [t] = doc.tables
    assert t.roles == ["number", "group", "task", "responsible", "deadline"]
    assert [r[1] for r in t.rows] == ["旧区改造", "旧区改造", "产业更新", "产业更新"]
    rows = [m for m in doc.measures if t.start <= m.start < t.end]
    assert [m.section_path[-1] for m in rows] == ["旧区改造", "旧区改造", "产业更新", "产业更新"]
