"""A document that opens with a table before any sentence (an attachment file: 附件1, a caption,
then a header run and numbered rows), numbered 考核 tables in short documents without section
headings, and a last row whose score cell exceeds the next row number.
All texts are synthetic, written for these tests in the shapes real plans take."""
from __future__ import annotations

from loaders import junk
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


ASSESS_HEAD = ["某山区社区服务中心绩效考核评分细则",
               "为规范社区服务中心管理，提升服务质量，结合本区实际，制定本细则。考核实行百分制，按下表评分。"]
ASSESS = ["序号", "考核内容", "评分标准", "分值",
          "1", "服务制度建设", "建立服务公开制度并上墙公示的得满分，未建立的不得分。", "10",
          "2", "服务台账管理", "台账完整规范的得满分，缺一项扣1分。", "15",
          "3", "群众满意度", "满意度达到90%以上的得满分，每降低1个百分点扣1分。", "20",
          "4", "安全管理", "发生一般安全事故的扣5分，发生较大事故的不得分。", "25",
          "5", "信息报送", "按时报送工作信息的得满分，迟报一次扣2分。", "30"]
ASSESS_TAIL = ["本细则由区民政局负责解释，自印发之日起施行。"]


def test_an_assessment_table_in_a_short_document_without_sections():
    doc = _parse(ASSESS_HEAD + ASSESS + ASSESS_TAIL)
    [t] = doc.tables
    assert t.columns == ["序号", "考核内容", "评分标准", "分值"]
    assert t.roles[:3] == ["number", "indicator", "description"]
    assert [r[0] for r in t.rows] == ["1", "2", "3", "4", "5"]
    assert t.rows[2] == ["3", "群众满意度", "满意度达到90%以上的得满分，每降低1个百分点扣1分。", "20"]


def test_the_last_rows_score_equal_to_the_next_number_is_its_cell():
    rows = ASSESS[:-1] + ["6"]
    doc = _parse(ASSESS_HEAD + rows + ASSESS_TAIL)
    [t] = doc.tables
    assert [r[0] for r in t.rows] == ["1", "2", "3", "4", "5"]
    assert t.rows[-1] == ["5", "信息报送", "按时报送工作信息的得满分，迟报一次扣2分。", "6"]
    assert "本细则" not in doc.text[t.start:t.end]


def test_a_table_header_dropped_on_position_is_reported():
    from types import SimpleNamespace

    from model.document import Dropped
    cells = ["序号", "指标", "单位", "目标", "1"]
    pos, dropped = 0, []
    for c in cells:
        dropped.append(Dropped(reason="page_header", text=c + "\n", position=pos))
        pos += len(c) + 1
    lost = SimpleNamespace(dropped=dropped, text="社区综合服务设施覆盖率\n%\n100")
    b = junk.body_dropped(lost)
    assert [x["text"] for x in b["lines"]] == cells and b["chars"] == 8
    # the same header repeated after a page break, kept where the table opens: no loss
    kept = SimpleNamespace(dropped=dropped, text="序号\n指标\n单位\n目标\n1\n社区综合服务设施覆盖率")
    assert junk.body_dropped(kept)["chars"] == 0


def test_assessment_tables_under_other_header_words():
    for head in (["序号", "考核项目", "考核要点", "分值"], ["序号", "评价内容", "评价标准", "分值"],
                 ["序号", "考核内容", "考核要求", "分值"], ["序号", "考核内容", "考核方式", "分值"]):
        doc = _parse(ASSESS_HEAD[:1] + head + ASSESS[4:] + ASSESS_TAIL)
        [t] = doc.tables
        assert t.columns == head
        assert t.rows[4] == ["5", "信息报送", "按时报送工作信息的得满分，迟报一次扣2分。", "30"], head
        assert not doc.dropped, head


def test_a_leading_table_no_rebuild_reads_is_kept_by_its_header_run():
    # a table of one row: no rebuild (two rows at least), but its header run and row 1 are the table's
    doc = _parse(LEAD[:10] + NOTE)
    assert not doc.dropped, [d.text for d in doc.dropped]
    assert doc.text.startswith("附件1\n某山区公共服务主要指标\n序号\n")


def test_an_assessment_table_whose_rows_wrap_keeps_its_score_column():
    rows = ["序号", "考核内容", "评分标准", "分值",
            "1", "服务制度建设", "建立服务公开制度并上墙", "公示的得满分，未建立的不得分。", "10",
            "2", "服务台账管理", "台账完整规范的得满分，缺一项扣1分。", "15",
            "3", "群众满意度", "满意度达到90%以上的得满分，", "每降低1个百分点扣1分。", "20",
            "4", "信息报送", "按时报送工作信息的得满分，迟报一次扣2分。", "5"]
    doc = _parse(ASSESS_HEAD + rows + ASSESS_TAIL)
    [t] = doc.tables
    assert t.rows[0] == ["1", "服务制度建设", "建立服务公开制度并上墙公示的得满分，未建立的不得分。", "10"]
    assert t.rows[-1] == ["4", "信息报送", "按时报送工作信息的得满分，迟报一次扣2分。", "5"]


BODY = ["某山区推进公共服务提质增效工作方案", "一、总体要求",
        "坚持以人民为中心的发展思想，着力补齐公共服务短板，推动基本公共服务均等化水平不断提高。"]
SECOND = ["序号", "指标", "单位", "目标", "1", "公共文化设施开放率", "%", "95", "2", "人均公共图书馆藏量", "册", "1.5"]


def test_a_new_table_after_a_page_break_is_no_running_header():
    # the same header after a page number, over a row 1: a new table (rows start again), not the
    # header of the table above going on over the break
    for opener in ([], ["附表2"]):
        doc = _parse(BODY + LEAD + ["— 1 —"] + opener + SECOND + ["— 2 —"])
        assert [d.reason for d in doc.dropped if d.text.strip()] == ["page_number", "page_number"], opener
        assert [[r[0] for r in t.rows] for t in doc.tables] == [["1", "2", "3", "4"], ["1", "2"]], opener
        assert doc.tables[1].rows[1] == ["2", "人均公共图书馆藏量", "册", "1.5"]
        assert doc.tables[1].title != "2.6"


def test_the_last_rows_score_before_the_issuer_and_date_is_its_cell():
    rows = ASSESS[:-1] + ["6"]
    for tail in (["某山区民政局", "2025年3月1日"], ["2025年3月1日"]):
        doc = _parse(ASSESS_HEAD + rows + tail)
        [t] = doc.tables
        assert [r[0] for r in t.rows] == ["1", "2", "3", "4", "5"], tail
        assert t.rows[-1][-1] == "6"
        assert doc.text[t.end:].strip().split("\n") == tail


def test_a_table_after_the_signature_that_no_rebuild_reads_is_kept():
    # one row, no 附件 opener: the header run and row 1 end the trailing-junk search
    for cells in (LEAD[1:10], LEAD[2:10]):
        doc = _parse(BODY + ["某山区人民政府办公室", "2025年3月1日"] + cells)
        assert not [d.text for d in doc.dropped if d.text.strip()], cells
        assert doc.text.endswith("社区综合服务设施覆盖率\n%\n100")


def test_a_table_of_one_row_under_a_lexicon_header_is_rebuilt():
    for src in (LEAD[:10] + NOTE, BODY + ["某山区人民政府办公室", "2025年3月1日"] + LEAD[1:10]):
        doc = _parse(src)
        [t] = doc.tables
        assert t.columns == ["序号", "指标", "单位", "目标"]
        assert t.rows == [["1", "社区综合服务设施覆盖率", "%", "100"]]
