"""Shapes seen in real plans of other provinces (web scrapes), in synthetic sentences of our own."""
from __future__ import annotations

from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某省", "region_en": "Moushengsheng", "level": "province"}


def _measures(text: str):
    return [(m.title, m.responsibility.lead if m.responsibility else None,
             m.responsibility.involved if m.responsibility else None)
            for m in parse_text(text, META).measures]


def test_task_card_lines_each_closed_by_a_full_stop():
    # 牵头责任单位：A。 then 协同责任单位：B、C等。 on lines of their own: both lines are the clause
    text = "\n".join([
        "某省2025年重点工作责任分解",
        "一、扩大有效投资",
        "1.推进重大项目建设，全年新开工项目200个以上。",
        "牵头责任单位：省发展改革委。",
        "协同责任单位：省财政厅、省自然资源厅等。",
        "2.加快城市更新，改造老旧小区300个。",
        "牵头责任单位：省住房城乡建设厅。",
        "协同责任单位：省民政厅。",
    ])
    assert _measures(text) == [
        ("推进重大项目建设", ["省发展改革委"], ["省财政厅", "省自然资源厅"]),
        ("加快城市更新", ["省住房城乡建设厅"], ["省民政厅"]),
    ]


def test_task_card_opening_with_the_leader_in_charge():
    # 牵头负责领导：<person>。 opens each card under a goals heading: the target is assigned (a measure), the person
    # is no agency, the agency lines after it are the clause
    text = "\n".join([
        "某省2025年重点工作责任分解",
        "一、确保完成全年主要预期目标",
        "1.全省生产总值增长6%左右，在实际工作中力争更好结果。",
        "牵头负责领导：王某。",
        "牵头责任单位：省发展改革委。",
        "协同责任单位：省统计局、省财政厅等。",
        "2.城镇调查失业率控制在5.5%以内。",
        "牵头负责领导：李某。",
        "牵头责任单位：省人力资源社会保障厅。",
        "协同责任单位：省教育厅。",
    ])
    assert _measures(text) == [
        ("全省生产总值增长6%左右", ["省发展改革委"], ["省统计局", "省财政厅"]),
        ("城镇调查失业率控制在5.5%以内", ["省人力资源社会保障厅"], ["省教育厅"]),
    ]


_BODY = "为推进某项工作，结合本省实际，制定本方案。\n一、主要任务\n（一）加强统筹。建立工作机制，定期研究解决重大问题，推动各项任务落实。"


def test_title_wrapped_after_its_issuer_and_guanyu():
    # 省人民政府关于 / 进一步做好某项工作的若干意见: the first line of the title is front matter, not page header
    doc = parse_text("省人民政府关于\n进一步做好某项工作的若干意见\n某政发〔2020〕8号\n各市人民政府，省政府各部门：\n" + _BODY,
                     META)
    assert "省人民政府关于" in doc.text
    assert doc.meta.title == "省人民政府关于进一步做好某项工作的若干意见"


def test_site_metadata_in_a_hyphen_list_with_a_title_key():
    text = "\n".join([
        "- 首页 > 政务公开 > 政府文件",
        "- 索 引 号:AB0001-2025-00003",
        "- 发布机构:某市人民政府办公室",
        "- 公文生成日期:2025-01-24",
        "- 标题:某市人民政府办公室关于2025年《政府工作报告》目标任务分解的通知",
        "- 备注/文号:某政办〔2025〕1号",
        "- 发布日期:2025-01-26",
        "各镇人民政府，市直各单位：",
        "根据市人代会审议通过的《政府工作报告》，现将目标任务分解如下，请认真抓好落实。",
        "一、压实责任。各单位要主动认领任务，细化工作措施，确保按期完成。",
    ])
    doc = parse_text(text, META)
    assert doc.meta.title == "某市人民政府办公室关于2025年《政府工作报告》目标任务分解的通知"
    assert (doc.meta.issued, doc.meta.published) == ("2025-01-24", "2025-01-26")
    assert "标题" not in doc.text and "公文生成日期" not in doc.text


def test_validity_key_written_with_spaces():
    text = "• 索 引 号 : 000123/2018-00001\n• 发布机构:某省人民政府办公厅\n• 有 效 性 :失效\n" \
           "某省推进某项工作实施方案\n" + _BODY
    assert parse_text(text, META).meta.validity == "失效"


def test_a_numbered_heading_is_no_title():
    # a fragment without a title line: no section heading becomes the plan's title
    text = "根据《某市关于全面推进人才强市建设的决定》，为推进人才工作，提出以下实施意见。\n一、总体目标\n1.目标。5年内引进高层次人才1000名左右。\n" \
           "二、实施三大人才行动计划\n（一）产业人才行动计划。围绕主导产业，培养一批专业技术人才。"
    assert parse_text(text, META).meta.title is None


def test_a_document_cited_in_running_text_is_no_title():
    # 根据…审议通过的《政府工作报告》: another document, not the plan's title
    text = "近日，某省人民政府发布年度重点工作及责任分解的通知。\n" \
           "通知称，根据省人大会议审议通过的《政府工作报告》，确定了年度重点工作。\n" + _BODY
    assert parse_text(text, META).meta.title is None


def _facts(text, period=(None, None)):
    from ontology.mapping.targets import extract
    from ontology.mapping.text import Span, sentences
    ctx = Span(text, 0, len(text))
    return [f for s in sentences(text) for f in extract(s, ctx, period_start=period[0], period_end=period[1])
            if f.value is not None]


def test_a_start_year_with_a_span_is_for_the_span_end():
    # 2023年起3年内: the start year is no target year; the amounts are for the span's last year (2025)
    got = [(f.value, f.year) for f in _facts("2023年起3年内，新增养老床位2000张，培训护理人员500名。")]
    assert got == [(2000, 2025), (500, 2025)]


def test_a_start_year_alone_dates_nothing():
    got = [(f.value, f.year) for f in _facts("2024年起，每年培训新型农民1000名。")]
    assert got == [(1000, None)]


def test_one_with_a_classifier_is_an_article_not_an_amount():
    # 打造一支…队伍 / 培育一批…企业: 一支 and 一批 say "a", no target
    assert _facts("着力打造一支门类齐全、技艺精湛的高技能人才队伍。") == []
    assert _facts("培育一批具有核心竞争力的龙头企业。") == []


def test_cover_notice_signature_before_the_plan_is_no_measure():
    text = "\n".join([
        "各街道办事处，区政府各部门：",
        "《2023年区重点目标任务责任分解方案》已经区政府同意，现印发给你们，并就有关事项通知如下：",
        "一、各责任单位要高度重视，对照目标任务制订工作方案，明确责任和时间节点，狠抓落实。",
        "二、区绩效考评机构要将重要目标任务纳入绩效管理考核范围，加强过程考核。",
        "某区人民政府办公室",
        "2023年1月3日",
        "2023年区重点目标任务责任分解方案",
        "一、主要预期目标",
        "（一）地区生产总值增长7%以上",
        "责任单位：区发展和改革局",
    ])
    doc = parse_text(text, META)
    assert [s.title for s in doc.sections if s.number is None] == ["2023年区重点目标任务责任分解方案"]
    assert "某区人民政府办公室" not in [m.title for m in doc.measures]


def test_later_titles_of_a_notice_attachment_list_are_no_headings():
    text = "\n".join([
        "区政府各部门，各街道办事处：",
        "为确保完成年度各项目标任务，经区政府研究决定，将主要工作目标任务进行分解，请各单位严格按照进度计划抓好落实。",
        "附件：1. 2019年重点工作目标任务分解表",
        "2. 2019年民生实事项目目标任务分解表",
        "某区人民政府办公室",
        "2019年2月15日",
        "附件1",
        "2019年重点工作目标任务分解表",
        "一、推进重点项目建设",
        "（一）加快产业园区建设，年内完成投资20亿元。（责任单位：区发改局）",
    ])
    doc = parse_text(text, META)
    assert "2019年民生实事项目目标任务分解表" not in [s.title for s in doc.sections]
    assert [(m.title, m.responsibility.lead) for m in doc.measures] == [("加快产业园区建设", ["区发改局"])]


def test_document_sharing_furniture_and_a_cited_report_are_no_title():
    text = "\n".join([
        "某区年度民生实事项目分解表.docx",
        "《某区年度民生实事项目分解表.docx》由会员分享，可在线阅读，更多相关《某区年度民生实事项目分解表（4页珍藏版）》"
        "请在某某文库上搜索。",
        "为确保完成区人大会议通过的2019年《政府工作报告》、民生实事项目所提出的各项目标任务，经区政府研究决定，将《政府工作报告》"
        "中的主要工作目标任务进行分解，实行进度督察、数据评估、年底考核，各部门要严格按照进度计划抓好落实，确保各项目标任务按期完成。",
        "分   类 政务公开 有 效 性 有效",
    ])
    doc = parse_text(text, META)
    assert "由会员分享" not in doc.text and "政务公开" not in doc.text
    assert doc.meta.title is None


def test_respectively_splits_names_with_a_shared_head():
    # A、B占比力争分别提高至X、Y: each share takes its own value, named with the shared head
    got = [(f.indicator_text, f.value) for f in _facts("到2027年，铁路货运量、铁路货运周转量占比力争分别提高至3.5%、32%左右。")]
    assert got == [("铁路货运量占比", 3.5), ("铁路货运周转量占比", 32)]


def test_a_gazette_masthead_above_the_plan_is_furniture():
    text = "\n".join([
        "主管主办", "某省人民政府办公厅", "编辑出版", "某省人民政府公报室", "印       刷", "某省人民政府机关印刷厂",
        "邮政编码", "610000",
        "某省人民政府办公厅", "关于印发某省推进某项工作实施方案的通知", "某办发〔2025〕9号",
        "各市人民政府，省政府各部门：",
        "《某省推进某项工作实施方案》已经省政府同意，现印发给你们，请认真贯彻落实。",
        "某省推进某项工作实施方案",
    ]) + "\n" + _BODY
    doc = parse_text(text, META)
    assert "主管主办" not in doc.text and "印刷厂" not in doc.text and "公报室" not in doc.text
    assert doc.text.startswith("某省人民政府办公厅\n关于印发")
    assert doc.meta.title == "某省推进某项工作实施方案"


def test_respectively_after_two_items_joined_by_he():
    got = [(f.indicator_text, f.value) for f in _facts("2021年城镇居民和农村居民人均可支配收入分别为43617元、28119元。")]
    assert got == [("城镇居民人均可支配收入", 43617), ("农村居民人均可支配收入", 28119)]


def test_a_baseline_year_written_with_spaces_dates_nothing():
    # a PDF conversion spaces the numbers out: 较 2016 年 is still a baseline, not the year of the statement
    got = [(f.value, f.year) for f in _facts("2021 年全县服务业增加值 154 亿元，较 2016 年增长 105.2%。")]
    assert got == [(154, 2021), (105.2, 2021)]


def test_a_quote_around_a_goal_statement_is_not_in_the_name():
    got = [(f.indicator_text, f.value) for f in _facts("5年内，实现“引进高层次人才达到2000名左右，人才贡献率达到40%”的目标。")]
    assert got[0] == ("引进高层次人才", 2000)
