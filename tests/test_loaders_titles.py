"""Front matter as other sites print it: a title wrapped over lines, a cited document number."""
from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某州", "region_en": "Mouzhou", "level": "prefecture"}

WRAPPED = """关于印发《某州落实〈自治区“十四五”
社区服务体系建设规划〉
实施方案》的通知
各县市人民政府：
现将《某州落实〈自治区“十四五”社区服务体系建设规划〉实施方案》印发给你们，请认真抓好落实。
某州人民政府办公室
2023年5月6日
某州落实《自治区“十四五”社区服务体系建设规划》实施方案
为贯彻落实自治区人民政府办公厅《关于印发自治区“十四五”社区服务体系建设规划的通知》（某政办发〔2022〕34号）精神，制定本方案。
一、工作目标
到2025年，城乡社区综合服务设施覆盖率达100%。
"""


def parse(text):
    return parse_text(text, dict(META), "x.txt")


def test_first_line_of_a_wrapped_title_is_kept():
    doc = parse(WRAPPED)
    assert doc.original.startswith("关于印发《某州落实〈自治区“十四五”")
    assert not any(d.reason == "page_header" for d in doc.dropped)


def test_a_cited_document_number_is_not_the_plans_number():
    doc = parse(WRAPPED)
    assert doc.meta.doc_number is None
    assert "2022-34" not in doc.meta.plan_id


def test_the_plans_own_number_is_still_found():
    doc = parse("某府办发〔2023〕12号\n" + WRAPPED)
    assert doc.meta.doc_number == "某府办发〔2023〕12号"
