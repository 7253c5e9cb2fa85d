"""File formats: plain text, HTML and .docx, all turned into one decoded string.

Plain text and HTML are decoded by ``decode.decode_bytes``; HTML markup is then
removed by reported edits (see ``html_edits``), so positions stay offsets into the
decoded file. A .docx is a zip of XML: its paragraphs (and table cells, one per
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


_W_P = re.compile(r"<w:p[ >].*?</w:p>|<w:p/>", re.S)
_W_TBL = re.compile(r"<w:tbl>((?:(?!<w:tbl>).)*?)</w:tbl>", re.S)
_W_TR = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)
_W_TC = re.compile(r"<w:tc>.*?</w:tc>|<w:tc [^>]*>.*?</w:tc>", re.S)
_W_SPAN = re.compile(r'<w:gridSpan w:val="(\d+)"')
_W_VMERGE = re.compile(r'<w:vMerge(?: w:val="(\w+)")?\s*/>')


def docx_read(data: bytes, name: str) -> tuple[str, list]:
    """(text, tables): the paragraphs of a .docx, one per line, and its tables
    (``htmltables.RawTable`` with cell spans in that text; ``w:gridSpan`` is a colspan,
    a ``w:vMerge`` run a rowspan)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            xml = z.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise LoaderError(f"{name}: not a readable .docx ({exc})") from exc
    import html as _html
    paras = []
    p_xml: list[int] = []          # xml start of each paragraph
    p_off: list[tuple[int, int]] = []
    pos = 0
    for p in _W_P.finditer(xml):
        runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab)/>|<w:(br)/>", p.group(0))
        s = _html.unescape("".join(t if t else ("\t" if tab else "\n") for t, tab, br in runs))
        paras.append(s)
        p_xml.append(p.start())
        p_off.append((pos, pos + len(s)))
        pos += len(s) + 1
    text = "\n".join(paras)
    if not text.strip():
        raise LoaderError(f"{name}: empty document")
    try:
        tables = _docx_tables(xml, p_xml, p_off)
    except Exception:          # a malformed table is only a table the less
        tables = []
    return text, tables


def _docx_tables(xml: str, p_xml: list[int], p_off: list[tuple[int, int]]) -> list:
    from bisect import bisect_left

    from .htmltables import RawTable, _Cell
    out = []
    for t in _W_TBL.finditer(xml):
        rows: list[list[_Cell]] = []
        starts: dict[int, _Cell] = {}          # grid column -> the cell a vertical merge continues
        for tr in _W_TR.finditer(xml, t.start(1), t.end(1)):
            cells: list[_Cell] = []
            col = 0
            for tc in _W_TC.finditer(tr.group(0)):
                a_xml, b_xml = tr.start() + tc.start(), tr.start() + tc.end()
                span = _W_SPAN.search(tc.group(0))
                colspan = int(span.group(1)) if span else 1
                vm = _W_VMERGE.search(tc.group(0))
                if vm and vm.group(1) != "restart" and col in starts:
                    starts[col].rowspan += 1
                    col += colspan
                    continue
                i, j = bisect_left(p_xml, a_xml), bisect_left(p_xml, b_xml)
                if i < j:
                    a, b = p_off[i][0], p_off[j - 1][1]
                else:
                    a = b = p_off[i][0] if i < len(p_off) else (p_off[-1][1] if p_off else 0)
                c = _Cell(a, b, 1, colspan, False)
                cells.append(c)
                for k in range(col, col + colspan):
                    starts.pop(k, None)
                if vm:
                    starts[col] = c
                col += colspan
            if cells:
                rows.append(cells)
        if rows:
            i, j = bisect_left(p_xml, t.start()), bisect_left(p_xml, t.end())
            if i < j:
                out.append(RawTable(p_off[i][0], p_off[j - 1][1] + 1, rows, 0, None))
    return out
