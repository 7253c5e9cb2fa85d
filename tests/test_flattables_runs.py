"""Flattened task and project tables in the shapes that lost agencies, totals and groups on real
plans of other places (loaders/flattables.py): a 责任单位 cell merged over a run of rows (written at
the run's first row or centred in it), the next row's label kept out of an agency cell, a task-type
column (类型: 制度类/项目类) that is no responsibility, 合计/小计 rows, a category column before 序号.
All texts are synthetic, written for these tests."""
from __future__ import annotations

from loaders import flattables


def _table(cells: list[str]):
    [t] = flattables.find("\n\n".join(cells))
    return t


# -- A1: a merged responsibility cell is carried over its whole run --------------------------------
def test_a_merged_agency_cell_written_at_its_runs_first_row_is_carried_down():
    t = _table(["序号", "工作任务", "责任单位", "完成时限",
                "1", "推行企业开办全程网上办", "区市场监管局、区税务局", "2025年6月底前",
                "2", "推进“一业一证”改革", "2025年9月底前",
                "3", "开展工程建设项目审批制度改革", "区建设管理委", "2025年10月底前",
                "4", "推行分阶段施工许可",
                "5", "推广联合验收和", "竣工验收备案一次办", "2026年6月底前",
                "6", "建立重大项目审批服务专班", "全年",
                "7", "设立区级企业服务中心", "区商务委", "全年"])
    assert [r[2] for r in t.rows] == ["区市场监管局、区税务局"] * 2 + ["区建设管理委"] * 4 + ["区商务委"]
    # the 完成时限 merged with the 责任单位 (row 4), a task line that stops mid-phrase runs on (row 5)
    assert t.rows[3][3] == "2025年10月底前"
    assert t.rows[4][1:] == ["推广联合验收和竣工验收备案一次办", "区建设管理委", "2026年6月底前"]


def test_a_merged_agency_cell_centred_in_its_run_spreads_over_it():
    # a PDF writes a merged cell at the middle of its span: after the middle row's last cell (odd
    # run) or between the two middle rows (even run) -- which, in a last column, reads the same
    t = _table(["序号", "重点任务", "具体举措", "责任单位",
                "1", "提升政务服务效能", "推行“高效办成一件事”",
                "2", "建设“免证办”应用场景", "区政务服务中心",
                "3", "开展政务服务“好差评”",
                "4", "加强市场监管执法", "推行“综合查一次”联合检查",
                "5", "建立轻微违法行为不予处罚清单", "区市场监管局、区城管执法局",
                "6", "推行非现场监管",
                "7", "开展信用分级分类监管",
                "8", "保护企业合法权益", "设立涉企行政复议绿色通道", "区司法局",
                "某东区人民政府办公室  2025年3月10日印发"])
    assert [r[3] for r in t.rows] == ["区政务服务中心"] * 3 + ["区市场监管局、区城管执法局"] * 4 + ["区司法局"]
    assert t.cell_spans[0][3] == t.cell_spans[1][3]           # quoted where the merged cell is written
    assert t.rows[7][1:3] == ["保护企业合法权益", "设立涉企行政复议绿色通道"]   # the colophon is no cell


def test_centred_spans_read_a_last_column_mark_as_between_rows_when_that_fits():
    assert flattables.centred_spans([1, 4, 8], 10) == [(0, 3), (3, 6), (6, 10)]
    assert flattables.centred_spans([1, 4, 8], 10, [1.5, 4.5, 8.5]) == [(0, 3), (3, 7), (7, 10)]


# -- A2: a row number that slips does not glue the next row onto the row's agency cell ---------------
def test_a_row_number_written_twice_or_skipped_opens_a_row():
    t = _table(["序号", "工作任务", "责任单位", "完成时限",
                "1", "推进老旧小区综合改造", "区住房城乡建设局、各街道", "2025年12月底前",
                "2", "建设口袋公园10座", "区园林绿化局", "2025年11月底前",
                "4", "推进架空线入地和合杆整治", "区住房城乡建设局", "2025年12月底前",
                "5", "开展城市家具更新", "区城市管理局", "全年",
                "5", "完善社区生活圈服务设施", "区民政局、各街道", "2026年6月底前",
                "6", "推进智慧停车场建设", "区交通运输局", "2025年12月底前"])
    assert [r[0] for r in t.rows] == ["1", "2", "4", "5", "5", "6"]
    assert [r[2] for r in t.rows][3:5] == ["区城市管理局", "区民政局、各街道"]


def test_a_value_like_the_previous_number_inside_a_row_is_a_cell():
    # 年均增长 2 in row 2, then its 属性: no row 2 written twice
    t = _table(["序号", "指标名称", "单位", "2025年", "年均增长（%）", "属性",
                "1", "研究与试验发展经费投入强度", "%", "2", "—", "预期性",
                "2", "城乡居民人均可支配收入增长", "%", "—", "2", "预期性",
                "3", "森林覆盖率", "%", "69", "—", "约束性"])
    assert [r[0] for r in t.rows] == ["1", "2", "3"]
    assert t.rows[1][4:] == ["2", "预期性"]


# -- class 3: 合计/小计 rows stay rows, flagged, out of the row alignment and of the measures ----------
_PROJECTS = ["序号", "项目名称", "建设内容", "总投资（亿元）", "年度计划投资（亿元）", "责任单位",
             "一、产业项目",
             "1", "新能源电池材料产业园", "建设标准化厂房20万平方米", "15.0", "4.5", "县经济开发区管委会",
             "2", "农产品冷链物流中心", "建设冷库3万吨及配套设施", "3.2", "1.6", "县商务局",
             "小计", "18.2", "6.1",
             "二、社会民生项目",
             "3", "县人民医院新院区", "建设床位800张", "9.5", "3.6", "县卫生健康委",
             "4", "城北学校", "新建小学、初中各1所", "3.4", "2.2", "县教育局",
             "小计", "12.9", "5.8",
             "合计", "31.1", "11.9",
             "三、保障措施"]


def test_total_rows_inside_a_table_stay_rows_flagged_as_totals():
    t = _table(_PROJECTS)
    assert [r[0] for r in t.rows] == ["1", "2", "小计", "3", "4", "小计", "合计"]
    assert t.total_rows == [2, 5, 6]
    assert t.rows[2] == ["小计", None, None, "18.2", "6.1", None]       # no 责任单位 carried into it
    assert [(g.label, g.first_row) for g in t.groups] == [("一、产业项目", 0), ("二、社会民生项目", 3)]
    assert t.rows[3][5] == "县卫生健康委"


def test_a_total_row_right_under_the_header_and_no_measure_of_a_total_row():
    from loaders.pipeline import parse_text
    t = _table(["序号", "工作任务", "资金安排（万元）", "责任单位",
                "合计", "1850",
                "1", "编制重点项目储备库", "300", "县发展改革委",
                "2", "开展项目可行性研究", "650", "县发展改革委、县财政局",
                "3", "开展项目用地报批", "420", "县自然资源和规划局"])
    assert t.rows[0] == ["合计", None, "1850", None] and t.total_rows == [0]
    meta = {"file": "x.txt", "region": "某安县", "region_en": "Mouan", "level": "county", "parent": "某宁市",
            "parent_en": "Mouning", "province": "某徽省", "province_en": "Mouhui"}
    doc = parse_text("某安县2025年重点项目建设实施方案\n\n一、重点项目\n\n" + "\n\n".join(_PROJECTS) + "\n", meta, "x.txt")
    titles = [m.title for m in doc.measures]
    assert "建设标准化厂房20万平方米" in titles and not any(x in ("小计", "合计") or x.startswith(("18.2", "31.1"))
                                                         for x in titles)


def test_markup_tables_flag_their_total_rows():
    from model.document import Table
    t = flattables.annotate(Table(title="", columns=["序号", "项目名称", "总投资（亿元）"],
                                  rows=[["1", "滨江公园", "3.2"], ["", "合　计", "3.2"]], start=0, end=1))
    assert t.total_rows == [1]


# -- class 4: a category column before 序号 --------------------------------------------------------
def test_numbering_restarting_under_each_category_cell_before_the_number():
    t = _table(["领域", "序号", "重点任务", "责任单位", "完成时限",
                "产业发展", "1", "培育先进制造业集群3个", "市工业和信息化局", "2027年底前",
                "2", "引进高新技术企业100家", "市科技局", "每年",
                "城市建设", "1", "推进城市更新项目30个", "市住房城乡建设局", "2027年底前",
                "2", "建设轨道交通站点周边慢行系统", "市交通运输局", "2026年底前",
                "社会民生", "1", "新建社区养老服务中心20家", "市民政局", "2025年底前"])
    assert [(r[0], r[1]) for r in t.rows] == [("产业发展", "1"), ("产业发展", "2"), ("城市建设", "1"),
                                            ("城市建设", "2"), ("社会民生", "1")]
    assert t.rows[1][3] == "市科技局"                   # not 市科技局 + the next category


def test_a_category_cell_before_the_number_centred_in_its_span():
    t = _table(["领域", "序号", "任务", "责任单位",
                "1", "建设市级重点实验室5家", "市科技局",
                "科技创新", "2", "实施关键核心技术攻关项目20项", "市科技局",
                "3", "培育科技型中小企业300家", "市科技局",
                "4", "举办国际经贸合作交流会", "市商务局",
                "开放合作", "5", "推进跨境电商综合试验区建设", "市商务局",
                "6", "实施重点企业节能改造项目30个", "市发展改革委"])
    assert [r[0] for r in t.rows] == ["科技创新"] * 3 + ["开放合作"] * 3


# -- A3: a task-type column (类型 / 完成形式) is never the agency, the deadline or the task --------------
def test_a_task_type_cell_is_no_agency_where_the_agency_cell_is_merged():
    t = _table(["序号", "重点任务", "任务类型", "责任单位", "完成时限",
                "1", "制定促进民营经济发展若干措施", "制度类", "市发展改革委", "2025年6月底前",
                "2", "建设市级人才公寓1000套", "项目类", "市住房城乡建设局", "2025年12月底前",
                "3", "建设数字经济产业园", "项目类", "2026年12月底前",
                "4", "举办全球投资促进大会", "活动类", "市商务局", "2025年10月底前",
                "5", "出台公共数据开放管理规定", "制度类", "2025年11月底前",
                "二、工作要求"])
    assert t.roles == ["number", "task", "kind", "responsible", "deadline"]
    assert [r[3] for r in t.rows] == ["市发展改革委", "市住房城乡建设局", "市住房城乡建设局", "市商务局", "市商务局"]
    assert [r[2] for r in t.rows] == ["制度类", "项目类", "项目类", "活动类", "制度类"]


def test_a_deadline_cell_before_the_next_tables_caption_is_no_header_cell():
    [t1, t2] = flattables.find("\n\n".join([
        "序号", "重点任务", "责任单位", "完成时限",
        "1", "修订政府投资项目管理办法", "市发展改革委", "2025年8月底前",
        "2", "出台公共数据开放管理规定", "市数据局", "2025年11月底前",
        "某原市2025年政务服务改革事项",
        "序号", "工作事项", "完成形式", "承办单位", "办结时间",
        "1", "编制涉企收费目录清单", "印发方案", "市市场监管局", "2025年5月底前",
        "2", "建设企业综合服务平台", "建成投用", "市工业和信息化局", "2025年10月底前"]))
    assert t1.rows[1][3] == "2025年11月底前"
    assert t2.roles == ["number", "task", "kind", "responsible", "deadline"]
    assert not flattables._is_header_cell("2025年11月底前") and flattables._is_header_cell("2025年目标")


def test_the_row_fit_reads_a_task_type_column_as_kinds_and_carries_a_merged_agency():
    from loaders import rowfit
    text = "\n\n".join(["附件", "某原市改革事项清单",
                        "1", "制定“高效办成一件事”重点事项清单", "印发方案", "市政务服务管理局", "2025年3月底前",
                        "2", "出台政务服务“好差评”管理办法", "出台文件", "2025年6月底前",
                        "3", "编制涉企收费目录清单", "印发方案", "市市场监管局", "2025年5月底前",
                        "4", "建设企业综合服务平台", "建成投用", "市工业和信息化局", "2025年10月底前",
                        "5", "出台包容审慎监管实施办法", "出台文件", "市司法局", "2025年9月底前",
                        "二、工作要求"])
    [t] = rowfit.find(text)
    assert t.roles == ["number", "task", "kind", "responsible", "deadline"]
    assert t.rows[1][1:4] == ["出台政务服务“好差评”管理办法", "出台文件", "市政务服务管理局"]


# -- the same classes in other shapes -------------------------------------------------------------
def test_zero_padded_row_numbers_and_a_merged_lead_and_involved_pair():
    t = _table(["序号", "重点任务", "牵头单位", "配合单位", "完成时限",
                "01", "推行企业开办全程网上办", "区市场监管局", "区税务局、区人力资源社会保障局", "2025年6月底前",
                "02", "推进“一业一证”改革", "2025年9月底前",
                "03", "实施信用修复“一件事”", "2025年12月底前",
                "04", "开展工程建设项目审批制度改革", "区建设管理委", "区规划资源局", "2025年10月底前",
                "05", "推行分阶段施工许可", "2025年10月底前",
                "三、保障措施"])
    assert [r[0] for r in t.rows] == ["01", "02", "03", "04", "05"]
    assert [r[3] for r in t.rows] == ["区税务局、区人力资源社会保障局"] * 3 + ["区规划资源局"] * 2


def test_a_kind_name_before_the_number_is_a_group_column():
    t = _table(["项目类别", "序号", "项目名称", "建设内容", "责任单位",
                "产业项目", "1", "新能源电池材料产业园", "建设标准化厂房20万平方米", "县经济开发区管委会",
                "2", "农产品冷链物流中心", "建设冷库3万吨及配套设施", "县商务局",
                "民生项目", "3", "县人民医院新院区", "建设床位800张", "县卫生健康委",
                "三、保障措施"])
    assert t.roles == ["group", "number", "task", "task", "responsible"]
    assert [r[0] for r in t.rows] == ["产业项目", "产业项目", "民生项目"]


def test_a_markup_table_whose_merged_agency_cell_lost_its_rowspan():
    from loaders.pipeline import parse_text
    meta = {"file": "x.html", "region": "某东区", "region_en": "Moudong", "level": "district", "parent": "某海市",
            "parent_en": "Mouhai", "province": "某海市", "province_en": "Mouhai"}
    rows = [("1", "推行企业开办全程网上办", "区市场监管局", "2025年6月底前"),
            ("2", "推进“一业一证”改革", "", ""),
            ("3", "开展工程建设项目审批制度改革", "区建设管理委", "2025年10月底前"),
            ("4", "推广联合验收", "", "2026年6月底前")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    html = ("<html><body><p>某东区优化营商环境三年行动方案</p><p>一、重点任务</p><table><tr><th>序号</th><th>工作任务</th>"
            f"<th>责任单位</th><th>完成时限</th></tr>{body}</table></body></html>")
    doc = parse_text(html, meta, "x.html", is_html=True)
    [t] = doc.tables
    assert [r[2] for r in t.rows] == ["区市场监管局", "区市场监管局", "区建设管理委", "区建设管理委"]
    assert [r[3] for r in t.rows] == ["2025年6月底前", "2025年6月底前", "2025年10月底前", "2026年6月底前"]
    resp = {m.title: m.responsibility.lead for m in doc.measures if m.responsibility}
    assert resp["推进“一业一证”改革"] == ["区市场监管局"]


def test_without_row_numbers_a_first_cell_that_reads_like_a_body_opens_its_row_and_a_total_row():
    [t] = flattables.find_all("\n\n".join([
        "项目名称", "建设内容", "总投资（亿元）", "责任单位",
        "新能源电池材料产业园", "建设标准化厂房20万平方米", "15.0", "县经济开发区管委会",
        "农产品冷链物流中心", "建设冷库3万吨及配套设施", "3.2", "县商务局",        # 中心: ends like a body
        "县人民医院新院区", "建设床位800张", "9.5", "县卫生健康委",
        "合计", "27.7",
        "三、保障措施"]))
    assert [r[0] for r in t.rows] == ["新能源电池材料产业园", "农产品冷链物流中心", "县人民医院新院区", "合计"]
    assert t.rows[0][3] == "县经济开发区管委会" and t.total_rows == [3]
    assert t.rows[3] == ["合计", None, "27.7", None]


def test_row_numbers_written_on_their_first_cells_line():
    from loaders.pipeline import parse_text
    cells = ["序号", "工作任务", "责任单位", "完成时限",
             "1 推进老旧小区综合改造", "区住房城乡建设局、各街道", "2025年12月底前",
             "2 实施背街小巷环境整治", "区城市管理局", "2025年10月底前",
             "3．建设口袋公园10座", "区园林绿化局、区自然资源局", "2025年11月底前",
             "三、保障措施", "各部门要加强协作，确保按期完成。"]
    [t] = flattables.find("\n\n".join(cells))
    assert [r[:3] for r in t.rows] == [["1", "推进老旧小区综合改造", "区住房城乡建设局、各街道"],
                                       ["2", "实施背街小巷环境整治", "区城市管理局"],
                                       ["3．", "建设口袋公园10座", "区园林绿化局、区自然资源局"]]
    meta = {"file": "x.txt", "region": "某华区", "region_en": "Mouhua", "level": "district", "parent": "某州市",
            "parent_en": "Mouzhou", "province": "某江省", "province_en": "Moujiang"}
    doc = parse_text("某华区城市品质提升工作方案\n\n为提升城市品质，制定本方案。\n\n一、重点任务\n\n" + "\n\n".join(cells)
                     + "\n", meta, "x.txt")
    resp = {m.title: m.responsibility.lead for m in doc.measures if m.responsibility}
    assert resp["实施背街小巷环境整治"] == ["区城市管理局"]
