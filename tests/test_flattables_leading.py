"""A document that opens with a table before any sentence (an attachment file: 附件1, a caption,
then a header run and numbered rows), numbered 考核 tables in short documents without section
headings, and a last row whose score cell exceeds the next row number.
All texts are synthetic, written for these tests in the shapes real plans take."""
from __future__ import annotations

from loaders.pipeline import parse_text

META = {"file": "x.txt", "region": "某山区", "region_en": "Moushan", "level": "county",
        "parent": "某市", "parent_en": "Moushi", "province": "某省", "province_en": "Mousheng"}

LEAD = ["附件1", "某山区公共服务主要指标", "序号", "指标", "单位", "目标",
        "1", "社区综合服务设施覆盖率", "%", "100",
        "2", "每千人口拥有托位数", "个", "4.5",
        "3", "新增养老床位数", "张", "1200",
        "4", "人均体育场地面积", "平方米", "2.6"]
NOTE = ["注：各项指标由区统计局会同有关部门按年度统计，并于每年一月底前报送区政府办公室。"]


def _parse(lines: list[str]):
    return parse_text("\n".join(lines), META, "x.txt")


def test_a_table_opening_the_document_is_not_page_header():
    doc = _parse(LEAD + NOTE)
    assert not [d.text for d in doc.dropped], [d.text for d in doc.dropped]
    [t] = doc.tables
    assert t.columns == ["序号", "指标", "单位", "目标"]
    assert [r[0] for r in t.rows] == ["1", "2", "3", "4"]
    assert t.rows[0] == ["1", "社区综合服务设施覆盖率", "%", "100"]
    assert doc.text.startswith("附件1\n")


def test_site_furniture_before_a_leading_table_still_goes():
    doc = _parse(["首页 > 政务公开 > 规划计划", "分享到：", *LEAD, *NOTE])
    assert [r for r in doc.tables[0].rows][3][0] == "4"
    dropped = [d.text.strip() for d in doc.dropped]
    assert "首页 > 政务公开 > 规划计划" in dropped
    assert not any(x in dropped for x in ("序号", "指标", "1", "附件1"))


def test_a_leading_table_over_a_page_break_keeps_its_rows_and_drops_the_repeated_header():
    src = LEAD[:14] + ["— 1 —", "某山区公共服务主要指标", "序号", "指标", "单位", "目标"] + LEAD[14:] \
        + ["— 2 —"] + NOTE
    doc = _parse(src)
    dropped = [(d.reason, d.text.strip()) for d in doc.dropped]
    assert dropped == [("page_number", "— 1 —"), ("page_header", "某山区公共服务主要指标"),
                       ("page_header", "序号"), ("page_header", "指标"), ("page_header", "单位"),
                       ("page_header", "目标"), ("page_number", "— 2 —")]
    [t] = doc.tables
    assert t.rows[1] == ["2", "每千人口拥有托位数", "个", "4.5"]
    assert t.rows[3] == ["4", "人均体育场地面积", "平方米", "2.6"]
