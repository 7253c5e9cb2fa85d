"""Decoding, file formats, bad inputs, the metadata file and plans without metadata."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bench.docx_fixture import write_package
from loaders import LoaderError, formats, iter_plans, parse_plan, read_metadata
from loaders.decode import decode_bytes

PLAN = """某某市人民政府办公室关于印发某某市养老服务发展行动方案（2023-2025年）的通知
某府办发〔2023〕15号
各县（区）人民政府，市各委办局：
现将《某某市养老服务发展行动方案（2023-2025年）》印发给你们，请认真贯彻落实。
某某市人民政府办公室
2023年5月6日
一、总体要求
以人民为中心，推动养老服务高质量发展，到2025年基本建成居家社区机构相协调的养老服务体系。
二、重点任务
1.完善居家养老服务网络。推进社区养老服务设施建设，实现街道综合养老服务中心全覆盖。（市民政局牵头，市财政局、市住建局配合）
2.提升机构养老服务质量。推动养老机构标准化建设，提升护理型床位占比。（市民政局、市卫健委按职责分工负责）
三、保障措施
（一）加强组织领导。建立健全工作协调机制，定期研究解决重大问题。
（二）强化资金保障。统筹安排财政资金，支持养老服务设施建设和运营。
"""
TRAD = "揚州市人民政府辦公室關於印發養老服務發展行動方案的通知\n一、總體要求\n推動養老服務高質量發展，完善居家社區機構相協調的養老服務體系，到2025年基本建成。\n"
META = {"file": "plan.txt", "region": "某某市", "region_en": "Moumou", "level": "prefecture"}


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.fixture(scope="module")
def reference():
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "plan.txt"
        p.write_bytes(PLAN.encode("utf-8"))
        return parse_plan(p, META)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_encodings_give_the_same_text(tmp_path, reference, encoding):
    data = PLAN.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        pass  # no BOM: detected by the NUL pattern
    doc = parse_plan(_write(tmp_path, "plan.txt", data), META)
    assert doc.text == reference.text
    assert [m.title for m in doc.measures] == [m.title for m in reference.measures]


def test_big5_traditional(tmp_path):
    doc = parse_plan(_write(tmp_path, "t.txt", TRAD.encode("big5")), dict(META, file="t.txt"))
    assert "扬州市人民政府办公室" in doc.text and "揚州市人民政府辦公室" in doc.original
    assert doc.meta.script == "traditional"
    assert len(doc.text) == len(doc.original)


def test_reference_structure(reference):
    d = reference
    assert [m.kind for m in d.measures] == ["measure", "measure", "safeguard", "safeguard"]
    assert d.measures[0].responsibility.lead == ["市民政局"]
    assert d.measures[0].responsibility.involved == ["市财政局", "市住建局"]
    assert d.measures[1].responsibility.lead == ["市民政局"]
    assert d.meta.doc_number == "某府办发〔2023〕15号"
    assert d.meta.plan_id == "plan:moumou:2023-15"
    assert d.meta.issued == "2023-05-06"
    assert d.meta.title == "某某市养老服务发展行动方案（2023-2025年）"
    assert (d.meta.period_start, d.meta.period_end) == (2023, 2025)


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \r\n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (b"\x01\x02\x03\x04\x05\x06" * 200 + "正文".encode(), "binary"),
    (b"\xff\x80\xfe" * 101, "decod"),
    (codecs.BOM_UTF8 + b"\xe4\xb8\xad\xff\xfe\xe6", "byte-order mark"),
])
def test_bad_inputs_raise(tmp_path, data, reason):
    p = _write(tmp_path, "bad.txt", data)
    with pytest.raises(LoaderError) as exc:
        parse_plan(p, dict(META, file="bad.txt"))
    msg = str(exc.value)
    assert "bad.txt" in msg and reason in msg


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LoaderError, match="nope.txt.*not found"):
        parse_plan(tmp_path / "nope.txt", META)
    with pytest.raises(LoaderError, match="directory"):
        parse_plan(tmp_path, META)


def test_truncated_utf8_is_repaired_and_reported(tmp_path, reference):
    data = PLAN.encode("utf-8") + "区".encode()[:2]
    doc = parse_plan(_write(tmp_path, "plan.txt", data), META)
    assert doc.text == reference.text
    rep = [r for r in doc.repairs if r.kind == "truncated_utf8"]
    assert len(rep) == 1 and rep[0].before == "e5 8c"


def test_corrupt_byte_inside_utf8_is_reported_not_misdecoded(tmp_path):
    raw = PLAN.encode("utf-8")
    cut = raw.index("推动养老机构".encode())
    data = raw[:cut] + b"\xff" + raw[cut:]
    doc = parse_plan(_write(tmp_path, "plan.txt", data), META)
    assert "推动养老机构标准化建设" in doc.text
    assert any(r.kind == "invalid_utf8" for r in doc.repairs)
    assert any(r.kind == "lost_char" for r in doc.repairs)


def test_decode_bytes_gbk_vs_big5():
    assert decode_bytes("推进养老服务体系建设，完善社区设施。".encode("gbk") * 3, "x").encoding == "gb18030"
    assert decode_bytes("推進養老服務體系建設，完善社區設施。".encode("big5") * 3, "x").encoding.startswith("big5")


def test_html_file(tmp_path):
    html = ("<!DOCTYPE html><html><head><title>t</title><style>p{color:red}</style>"
            "<script>var a='<p>x</p>';</script></head><body><div class=nav>首页 &gt; 政策文件</div>"
            "<p>一、总体要求</p><p>推动养老服务高质量发展，完善居家社区机构相协调的养老服务体系，到2025年基本建成&ldquo;一刻钟&rdquo;服务圈。</p>"
            "<p>二、重点任务</p><p>1.完善居家养老服务网络。推进社区养老服务设施建设，\n实现全覆盖。</p></body></html>")
    doc = parse_plan(_write(tmp_path, "plan.html", html.encode("utf-8")), dict(META, file="plan.html"))
    assert "color" not in doc.text and "var a" not in doc.text and "<" not in doc.text
    assert "“一刻钟”" in doc.text
    assert "推进社区养老服务设施建设， 实现全覆盖" in doc.text or "推进社区养老服务设施建设，实现全覆盖" in doc.text
    assert [m.title for m in doc.measures] == ["完善居家养老服务网络"]
    assert any(d.reason == "html_invisible" for d in doc.dropped)


def test_docx_file(tmp_path):
    paras = PLAN.strip().split("\n")
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paras)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    p = write_package(tmp_path / "plan.docx", xml)
    doc = parse_plan(p, dict(META, file="plan.docx"))
    assert len([m for m in doc.measures if m.kind == "measure"]) == 2
    bad = _write(tmp_path, "bad.docx", b"PK\x03\x04 not really a zip")
    with pytest.raises(LoaderError, match="bad.docx"):
        parse_plan(bad, META)


def test_very_large_file(tmp_path):
    """~20 MB: must finish (no timing assertion) and keep its structure."""
    unit = PLAN.split("二、重点任务\n")[1].split("三、保障措施")[0]
    lines = [f"{i}.第{i}项重点任务。" + unit.split("。", 1)[1].split("\n")[0] for i in range(1, 9)]
    block = "\n".join(lines) + "\n"
    head = PLAN.split("二、重点任务\n")[0] + "二、重点任务\n"
    n = (20_000_000 - len(head.encode())) // len(block.encode()) + 1
    data = (head + block * n).encode("utf-8")
    assert len(data) >= 20_000_000
    doc = parse_plan(_write(tmp_path, "plan.txt", data), META)
    assert len(doc.text) == len(doc.original) > 6_000_000
    assert len(doc.measures) >= 8 * n * 0.99


# -- metadata file --------------------------------------------------------------
def _toml(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "plans.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_read_metadata_ok(tmp_path):
    p = _toml(tmp_path, '[[plan]]\nfile = "a.txt"\nregion = "甲市"\nregion_en = "Jia"\nlevel = "prefecture"\nperiod_start = 2021\nperiod_end = 2025\n')
    assert read_metadata(p) == [{"file": "a.txt", "region": "甲市", "region_en": "Jia", "level": "prefecture",
                                 "period_start": 2021, "period_end": 2025}]


@pytest.mark.parametrize("body,needle", [
    ('[[plan]]\nfile = "a.txt"\nregion = "甲市"\nlevel = "prefecture"\n', "missing required key(s) region_en"),
    ('[[plan]]\nfile = "a.txt"\nregion = "甲市"\nregion_en = "Jia"\nlevel = "city"\n', "level must be one of"),
    ('[[plan]]\nfile = "a.txt"\nregion = "甲市"\nregion_en = "Jia"\nlevel = "county"\nperiod_start = "2021"\n', "period_start must be an integer"),
    ('[[plan]]\nfile = "a.txt"\nregion = "甲市"\nregion_en = "Jia"\nlevel = "county"\nissued = "2021/1/2"\n', "ISO date"),
    ('[[plan]]\nfile = "a.txt"\nregion = "甲市"\nregion_en = "Jia"\nlevel = "county"\nperiod_start = 2025\nperiod_end = 2021\n', "after period_end"),
    ('[[plan]]\nfile = "a.txt"\nregion = "甲市"\nregion_en = "Jia"\nlevel = "county"\n[[plan]]\nfile = "a.txt"\nregion = "乙市"\nregion_en = "Yi"\nlevel = "county"\n', "already described"),
    ('[[plan]\nfile = ', "not valid TOML"),
])
def test_read_metadata_errors_name_file_and_entry(tmp_path, body, needle):
    p = _toml(tmp_path, body)
    with pytest.raises(LoaderError) as exc:
        read_metadata(p)
    assert str(p) in str(exc.value) and needle in str(exc.value)
    if "TOML" not in needle:
        assert "#" in str(exc.value) and "a.txt" in str(exc.value)


def test_iter_plans_missing_file(tmp_path):
    _toml(tmp_path, '[[plan]]\nfile = "gone.txt"\nregion = "甲市"\nregion_en = "Jia"\nlevel = "prefecture"\n')
    with pytest.raises(LoaderError, match="gone.txt.*does not exist"):
        iter_plans(tmp_path)


def test_parse_plan_looks_up_metadata_beside_the_file(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    _toml(tmp_path, '[[plan]]\nfile = "plan.txt"\nregion = "某某市"\nregion_en = "Mou Mou"\nlevel = "prefecture"\ntitle = "别的标题"\n')
    doc = parse_plan(tmp_path / "plan.txt")
    assert doc.meta.plan_id == "plan:mou-mou:2023-15"
    assert doc.meta.region.slug == "mou-mou"
    assert any(c.startswith("title:") and "using text" in c for c in doc.meta.checks)
    (p, m), = iter_plans(tmp_path)
    assert p.name == "plan.txt" and m["region_en"] == "Mou Mou"


def test_parse_plan_without_metadata_infers_region(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text(PLAN, encoding="utf-8")
    doc = parse_plan(p)
    assert doc.meta.region.name == "某某市" and doc.meta.region.level == "prefecture"
    assert any("inferred" in c for c in doc.meta.checks)


def test_parse_plan_without_metadata_or_region_fails(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("一、总体要求\n推动养老服务高质量发展，完善居家社区机构相协调的养老服务体系，基本建成服务圈。\n", encoding="utf-8")
    with pytest.raises(LoaderError, match="x.txt.*region cannot be determined"):
        parse_plan(p)


def test_region_disagreement_metadata_wins(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    doc = parse_plan(p, dict(META, region="另一市", region_en="Other"))
    assert doc.meta.region.name == "另一市"
    assert any(c.startswith("region:") and "using metadata" in c for c in doc.meta.checks)


def test_docx_text_inside_wrappers(tmp_path):
    """Text that python-docx's own Paragraph.text and iter_inner_content skip is read: a content
    control (w:sdt) block, a tracked insertion (w:ins), a text box; a page break is no line break."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = ("<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>"
            "<w:sdt><w:sdtContent><w:p><w:r><w:t>目录里的一行</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            "<w:p><w:r><w:t>推进</w:t></w:r><w:ins w:id=\"1\"><w:r><w:t>养老</w:t></w:r></w:ins>"
            "<w:del w:id=\"2\"><w:r><w:delText>删去</w:delText></w:r></w:del>"
            "<w:r><w:br w:type=\"page\"/><w:t>服务</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>框外</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p>"
            "</w:txbxContent></w:pict></w:r><w:r><w:t>之后</w:t></w:r></w:p>")
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>'
    text, tables = formats.docx_read(write_package(tmp_path / "w.docx", xml).read_bytes(), "w.docx")
    assert text.split("\n") == ["一、总体要求", "目录里的一行", "推进养老服务", "框外之后", "框内"]
    assert tables == []
