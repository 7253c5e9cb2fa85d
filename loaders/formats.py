"""File formats: plain text, HTML and .docx, all turned into one decoded string.

Plain text and HTML are decoded by ``decode.decode_bytes``; HTML markup is then
removed by reported edits (see ``html_edits``), so positions stay offsets into the
decoded file. A .docx is read with python-docx: its paragraphs (and table cells, one per
line -- the same flattened shape as scraped tables) are the decoded input.
"""
from __future__ import annotations

import re
import zipfile
from io import BytesIO

from model.document import LoaderError

from .edits import Edit

TEXT_EXT = {".txt", ".text", ".md", ""}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
DOCX_EXT = {".docx"}

_DROP_BLOCK = re.compile(r"<(script|style|head|noscript|template|svg|iframe)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|nav|blockquote"
                        r"|pre|hr|dd|dt|dl|title|body|html|tbody|thead|form|option|select|center)\b[^>]*?/?>", re.I)
_ANY_TAG = re.compile(r"<!--.*?-->|<!DOCTYPE[^>]*>|</?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*?)?/?>", re.S | re.I)
_NEWLINES = re.compile(r"[\r\n]+")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text)


def html_edits(text: str) -> list[Edit]:
    """Edits turning an HTML page into text: invisible blocks and tags dropped,
    block-level tags become line breaks, source line breaks inside blocks become
    spaces (HTML collapses them)."""
    edits: list[Edit] = []
    for m in _DROP_BLOCK.finditer(text):
        edits.append(Edit(m.start(), m.end(), "", "html_invisible"))
    for m in _ANY_TAG.finditer(text):
        if _BLOCK_TAG.fullmatch(m.group(0)):
            edits.append(Edit(m.start(), m.end(), "\n", "html_block"))
        else:
            edits.append(Edit(m.start(), m.end(), "", "html_tag"))
    # raw line breaks are not line breaks in HTML
    for m in _NEWLINES.finditer(text):
        edits.append(Edit(m.start(), m.end(), " ", "html_whitespace"))
    # keep the outermost edit where spans overlap (a tag inside <script> …)
    edits_sorted = sorted(edits, key=lambda e: (e.start, -e.end))
    out: list[Edit] = []
    end = -1
    for e in edits_sorted:
        if e.start < end:
            continue
        out.append(e)
        end = max(end, e.end)
    return out


def docx_read(data: bytes, name: str) -> tuple[str, list]:
    """(text, tables): the paragraphs of a .docx, one per line, and its tables
    (``htmltables.RawTable`` with cell spans in that text; ``w:gridSpan`` is a colspan,
    a ``w:vMerge`` run a rowspan). Headers, footers, footnotes and comments are not read.

    python-docx opens the package (the main document part found through its relationships,
    whatever its name), parses the XML into its typed elements and gives each run's text
    (``w:t``, ``w:tab``, line breaks but not page breaks, ``w:cr``, ``w:noBreakHyphen``) and each
    cell's ``grid_span`` and ``vMerge``. The walk over the body is ours (``_DocxWalk``), because
    python-docx's ``iter_inner_content`` and ``Paragraph.text`` see only direct ``w:p``/``w:tbl``
    children and direct runs/hyperlinks: they drop the text inside content controls (``w:sdt``,
    a cover or a 目录 block), tracked insertions (``w:ins``), smart tags, simple fields and
    text boxes, which plan documents do carry."""
    import docx
    from docx.opc.exceptions import OpcError
    from lxml import etree
    try:
        body = docx.Document(BytesIO(data)).element.body
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile, etree.LxmlError) as exc:
        raise LoaderError(f"{name}: not a readable .docx ({exc})") from exc
    walk = _DocxWalk()
    walk.block(body)
    text = "\n".join(walk.lines)
    if not text.strip():
        raise LoaderError(f"{name}: empty document")
    try:
        tables = walk.raw_tables(len(text))
    except Exception:          # a malformed table is only a table the less
        tables = []
    return text, tables


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_R, _W_TBL, _W_TR, _W_TC, _W_TXBX = (_W + t for t in ("p", "r", "tbl", "tr", "tc", "txbxContent"))
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class _DocxWalk:
    """Every paragraph of a body in document order, one line each, wherever it sits (table
    cells, content controls, tracked insertions, text boxes; a text box's lines follow the
    paragraph that anchors it; the VML copy of a drawing, ``mc:Fallback``, is skipped). Tables
    are recorded as paragraph-index spans; only innermost tables become tables (an outer table
    holding another is page layout), as for HTML."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        # (first line, end line, rows of [first line, end line, rowspan, colspan])
        self.tables: list[tuple[int, int, list[list[list[int]]]]] = []

    def block(self, el) -> None:
        for child in el.iterchildren():
            if child.tag == _W_P:
                self.paragraph(child)
            elif child.tag == _W_TBL:
                self.table(child)
            elif isinstance(child.tag, str) and child.tag != _MC_FALLBACK:
                self.block(child)

    def paragraph(self, p) -> None:
        own = [r for r in p.iter(_W_R) if _nearest(r, _W_P) is p]
        self.lines.append("".join(r.text for r in own))
        for box in p.iter(_W_TXBX):
            if _nearest(box, _W_P) is p and not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                self.block(box)

    def table(self, tbl) -> None:
        first = len(self.lines)
        nested = any(True for _ in tbl.iterdescendants(_W_TBL))
        rows: list[list[list[int]]] = []
        starts: dict[int, list[int]] = {}          # grid column -> the cell a vertical merge continues
        for tr in tbl.iterchildren(_W_TR):
            cells: list[list[int]] = []
            col = tr.grid_before
            for tc in tr.iterchildren(_W_TC):
                colspan = tc.grid_span
                vmerge = tc.vMerge
                if vmerge is not None and vmerge != "restart" and col in starts:
                    starts[col][2] += 1
                    self.block(tc)
                    col += colspan
                    continue
                i0 = len(self.lines)
                self.block(tc)
                c = [i0, len(self.lines), 1, colspan]
                cells.append(c)
                for k in range(col, col + colspan):
                    starts.pop(k, None)
                if vmerge is not None:
                    starts[col] = c
                col += colspan
            if cells:
                rows.append(cells)
        if rows and not nested:
            self.tables.append((first, len(self.lines), rows))

    def raw_tables(self, text_len: int) -> list:
        from .htmltables import RawTable, _Cell
        offs, pos = [], 0
        for s in self.lines:
            offs.append((pos, pos + len(s)))
            pos += len(s) + 1

        def span(i: int, j: int) -> tuple[int, int]:
            if i < j:
                return offs[i][0], offs[j - 1][1]
            at = offs[i][0] if i < len(offs) else text_len
            return at, at

        out = []
        for first, end, rows in self.tables:
            if first < end:
                cells = [[_Cell(*span(i, j), rs, cs, False) for i, j, rs, cs in r] for r in rows]
                out.append(RawTable(offs[first][0], offs[end - 1][1] + 1, cells, 0, None))
        return out


def _nearest(el, tag: str):
    return next(el.iterancestors(tag), None)
