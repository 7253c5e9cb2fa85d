"""loaders.metadata: facts read from a plan's own text (title, 文号, issuer, dates, period, validity)
and merged with the metadata entry. Synthetic documents in the shapes of real ones (a city
government's 印发 notice, a district 转发 notice, a site metadata grid, a 十四五 outline);
no text is copied from any document."""
from __future__ import annotations

from loaders import metadata
from loaders.pipeline import parse_text

META = {"file": "t.txt", "region": "某市", "region_en": "Moushi", "level": "prefecture"}
BODY = "为推进某项工作，结合本市实际，制定本方案。\n一、重点任务\n1.完善服务网络。推动相关工作取得实效。\n"


def test_cover_notice_title_number_issuer_and_dates():
    text = ("某市人民政府办公室关于印发《某市养老服务体系建设实施方案（2024—2026年）》的通知\n"
            "某政办发〔2024〕12号\n各区人民政府，市政府各部门：\n"
            "《某市养老服务体系建设实施方案（2024—2026年）》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
            "某市人民政府办公室\n2024年3月5日\n"
            "某市养老服务体系建设实施方案（2024—2026年）\n" + BODY +
            "本方案自2024年4月1日起施行，有效期至2026年12月31日。\n")
    m = parse_text(text, META).meta
    assert m.title == "某市养老服务体系建设实施方案（2024—2026年）"
    assert m.doc_number == "某政办发〔2024〕12号"
    assert (m.period_start, m.period_end) == (2024, 2026)
    assert m.issued == "2024-03-05"
    assert m.plan_type == "实施方案"


def test_fourteenth_five_year_outline_period():
    text = "某市民政事业发展“十四五”规划\n" + BODY
    m = parse_text(text, META).meta
    assert (m.period_start, m.period_end) == (2021, 2025) and m.plan_type == "规划"


def test_site_metadata_grid_is_read_before_it_is_dropped():
    text = ("索 引 号：000000-00-2023-000001\n发布机构：某市发展和改革委员会\n成文日期：2023年06月01日\n"
            "文　　号：某发改规〔2023〕3号\n发布日期：2023年06月08日\n"
            "某市关于促进消费扩容提质的若干措施\n" + BODY)
    m = parse_text(text, META).meta
    assert m.doc_number == "某发改规〔2023〕3号"
    assert m.issued == "2023-06-01" and m.published == "2023-06-08"
    assert m.issuer == "某市发展和改革委员会"


def test_a_cited_document_number_is_not_the_plans():
    text = ("某市数字经济发展行动计划\n根据《某省数字经济促进条例》（某政发〔2022〕8号）精神，制定本计划。\n" + BODY)
    m = parse_text(text, META).meta
    assert m.doc_number is None


def test_extract_reads_facts_without_merging():
    f = metadata.extract("某区关于加强物业管理的实施意见\n某府规〔2022〕3号\n" + BODY)
    assert f.doc_number == "某府规〔2022〕3号"
    assert f.title == "某区关于加强物业管理的实施意见"


def test_one_years_implementation_plan_and_a_year_written_as_a_span():
    m = parse_text("某某县2026年高标准农田建设实施方案\n" + BODY, META).meta
    assert (m.period_start, m.period_end) == (2026, 2026)
    m = parse_text("某某省2030年前碳达峰行动计划\n" + BODY, META).meta
    assert m.period_end != 2030 or m.period_start != 2030  # 2030年前: a span up to 2030, not one year's programme


def test_a_bracketed_period_without_nian_in_the_title():
    m = parse_text("某某市综合交通发展规划（2026-2030）\n" + BODY, META).meta
    assert (m.period_start, m.period_end) == (2026, 2030)
    m = parse_text("关于落实《某某市海绵城市专项规划（2016-2035）》的实施意见\n" + BODY, META).meta
    assert (m.period_start, m.period_end) != (2016, 2035)  # the cited plan's period is not this one's
