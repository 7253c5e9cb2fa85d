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


SHARED = """某省城乡社区服务体系建设“十四五”规划（2021-2025年）（12页）.pdf
下载文档
上传人:ab****12
12页
2.35MB
1、某省城乡社区服务体系建设“十四五”规划。为推进城乡社区服务体系建设，根据有关部署要求，制定本规划。一、总体要求。坚持以人民为中心的发展思想，推动社区服务体系建设不断取得新成效，到2025年基本建成覆盖城乡的社区服务网络和
2、服务体系。城乡社区综合服务设施覆盖率达到100%，全面提升社区服务质量和水平，让群众在家门口享受便捷优质的各类服务，推动社区服务供给
3、更加多元。二、主要任务。完善社区服务设施布局，推进社区综合服务设施建设。
"""


def test_a_document_sharing_file_card():
    doc = parse(SHARED)
    assert doc.meta.title == "某省城乡社区服务体系建设“十四五”规划（2021-2025年）"
    reasons = {d.text.strip(): d.reason for d in doc.dropped}
    assert reasons["2.35MB"] == "download" and reasons["12页"] == "download"
    assert "35MB" not in doc.text          # a file size is not page 2.35 of anything
    assert "社区服务网络和服务体系" in doc.text  # the real page breaks are mended
    assert "服务供给更加多元" in doc.text


def test_documents_cited_in_the_preamble_are_not_the_title():
    text = ("各区人民政府，市政府各部门：\n"
            "为落实国务院办公厅印发的《关于推进养老服务发展的意见》（国办发〔2019〕5号）和"
            "《某省关于推进养老服务发展的实施意见》（某政办发〔2020〕32号）要求，提出以下实施意见。\n"
            "一、总体要求\n1.健全服务体系。建立基本养老服务清单制度。（市民政局牵头）\n")
    doc = parse(text)
    assert doc.meta.title is None or "推进养老服务发展的" not in doc.meta.title


def test_a_bulleted_site_metadata_grid_is_read_and_dropped():
    text = ("  • 文号:\n\n    某政办发〔2023〕47号\n\n  • 成文日期:\n\n    2023-06-26\n\n  • 发布单位:\n\n    县政府办\n\n"
            "  • 有效性:\n\n    有效\n\n某县人民政府办公室关于印发《某县助老服务实施办法》的通知\n\n访问次数:\n\n字体大小:\n\n"
            "各乡（镇）人民政府：\n\n某县助老服务实施办法\n\n一、主要任务\n\n（一）提升助餐服务能力。到2025年，全县建成老年食堂30家以上。"
            "（责任单位：县民政局）\n")
    doc = parse(text)
    assert doc.meta.doc_number == "某政办发〔2023〕47号" and doc.meta.issued == "2023-06-26"
    assert doc.meta.issuer == "县政府办" and doc.meta.validity == "有效"
    assert doc.original.startswith("某县人民政府办公室关于印发")
    assert "访问次数" not in doc.text and "字体大小" not in doc.text


def test_a_one_year_programme_titled_on_its_first_short_line_keeps_its_title():
    # 某州2025年民生实事项目 alone on the first line: a title (front matter), not a page header
    doc = parse("某州2025年民生实事项目\n\n一、教育\n1.新建幼儿园3所，新增学位1000个。\n2.改造老旧小区20个。\n")
    assert doc.original.startswith("某州2025年民生实事项目")
    assert not any(d.reason == "page_header" for d in doc.dropped)
    assert doc.meta.title == "某州2025年民生实事项目"
