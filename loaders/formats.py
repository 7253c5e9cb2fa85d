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

from .document import LoaderError
from .edits import Edit

TEXT_EXT = {".txt", ".text", ".md", ""}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
DOCX_EXT = {".docx"}

_DROP_BLOCK = re.compile(r"<(script|style|head|noscript|template|svg|iframe)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|nav|blockquote|pre|hr|dd|dt|dl|title|body|html|tbody|thead|form|option|select|center)\b[^>]*?/?>", re.I)
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


def docx_text(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            xml = z.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise LoaderError(f"{name}: not a readable .docx ({exc})") from exc
    import html as _html
    paras = []
    for p in re.finditer(r"<w:p[ >].*?</w:p>|<w:p/>", xml, re.S):
        runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab)/>|<w:(br)/>", p.group(0))
        s = "".join(t if t else ("\t" if tab else "\n") for t, tab, br in runs)
        paras.append(_html.unescape(s))
    text = "\n".join(paras)
    if not text.strip():
        raise LoaderError(f"{name}: empty document")
    return text
