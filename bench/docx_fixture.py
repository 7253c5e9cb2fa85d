"""Test and benchmark fixture: a .docx written from a text source (tests/heldout/*.docx.txt)."""
from __future__ import annotations

import html
import zipfile
from pathlib import Path


def build_docx(src: Path, dst: Path) -> Path:
    """A minimal .docx from a UTF-8 text: one w:p per line (runs split like Word does);
    a run of lines ``|a|b|c|`` is a w:tbl, where a cell ``^`` continues the cell above
    (w:vMerge) and ``<2>text`` spans two grid columns (w:gridSpan)."""
    def para(line: str) -> str:
        cut = len(line) // 3
        rpr = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        runs = "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(part)}</w:t></w:r>'
                       for part in (line[:cut], line[cut:]) if part)
        return f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr>{runs}</w:p>'

    def table(rows: list[str]) -> str:
        grid = []
        for r in rows:
            cells, col = [], 0
            for c in r.strip("|").split("|"):
                span = 1
                if c.startswith("<"):
                    span, c = int(c[1:c.index(">")]), c[c.index(">") + 1:]
                cells.append((col, span, c))
                col += span
            grid.append(cells)
        out = []
        for i, cells in enumerate(grid):
            tcs = []
            for col, span, c in cells:
                below = next((x for x in grid[i + 1] if x[0] == col), None) if i + 1 < len(grid) else None
                pr = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
                    "<w:vMerge/>" if c == "^" else ('<w:vMerge w:val="restart"/>' if below and below[2] == "^" else ""))
                body = para("" if c == "^" else c)
                tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>{pr}</w:tcPr>{body}</w:tc>')
            out.append("<w:tr>" + "".join(tcs) + "</w:tr>")
        return "<w:tbl><w:tblPr/>" + "".join(out) + "</w:tbl>"

    body, rows = [], []
    for line in src.read_text(encoding="utf-8").splitlines():
        if line.startswith("|"):
            rows.append(line)
            continue
        if rows:
            body.append(table(rows))
            rows = []
        body.append(para(line))
    if rows:
        body.append(table(rows))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(body) + '<w:sectPr/></w:body></w:document>')
    return write_package(dst, xml)


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')


def write_package(dst: Path, document_xml: str) -> Path:
    """The smallest valid .docx package around a ``word/document.xml``: content types and the
    package relationship that names the main document part (what Word and python-docx look for)."""
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document_xml)
    return dst
