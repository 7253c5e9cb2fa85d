"""Hard line wraps: text extracted from a PDF (or copied from a fixed-width preview)
breaks every paragraph into lines of about the same width, cutting sentences and even
words (``新建住宅小区按标准配建养老服\\n务设施``). Those breaks are removed so that each
paragraph is one line again (``Dropped.reason`` ``line_wrap``).

Recognised by the shape of the whole document, not by content:
  * the wrap width W: the 90th percentile of the lines' display widths (CJK = 2);
    a wrapped document has W of a page column (40..130), a paragraph-per-line one
    has far longer lines;
  * a line is *open* when it is at least 0.8 W wide and does not end with closing
    punctuation (。；！？：…”）】 etc.); at least 20% of the long lines must be open
    (otherwise lines that merely lack a full stop are headings, not wraps);
  * an open line is joined to the next line unless that one starts a new unit: a
    numbered heading (第一章, 一、, （一）, 1., （1）, ①), a 专栏 box, 附件, a role line
    (牵头单位：), a date or another recognisably separate line; a table row copied as
    one line (``1 建设… 市商务局 2024年底前``) is neither joined nor joined to;
  * in any document, a bracket broken over two lines (a line opening a bracket it does not close and ending
    in 、 or ，, the next line closing it) is joined (``_bracket_wraps``);
  * a table cell is never joined to the next one: no line inside a plain-text table
    (``flattables.find_all``: header run, numbered rows) is joined, nor a line to a bare
    row number (``…各街镇`` + the next row's ``12``).
"""
from __future__ import annotations

import re

from ontology.vocab import lexicon_regex

from . import flattables
from .edits import Edit

_CLOSED = re.compile(r"[。；;！!？?：:…”’」』）)】〕》]$")
_STARTS_UNIT = re.compile(
    r"^(第[一二三四五六七八九十百零〇\d]+[篇章节条]|[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d{1,3}\s*(?:[、．]|\.(?!\d))|[①-⑳]|" + lexicon_regex("wrap_unit_openers") +
    r"|[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?$)")
# a table row copied as one line (1 建设… 市商务局 市财政局 2024年底前): never a wrap
_ROW_LINE = re.compile(r"^(\d{1,3}|序号|编号)\s+\S+(?:\s+\S+){2,}$")
_ROW_NUMBER = re.compile(r"^\d{1,3}$")
_CJK_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…]")


def starts_unit(line: str) -> bool:
    """Whether ``line`` opens a unit of its own (a numbered heading or item, 专栏, 附件, a role line, a date)."""
    return bool(_STARTS_UNIT.match(line.strip()))


def _width(s: str) -> int:
    return len(s) + len(_CJK_WIDE.findall(s))


_OPEN_BR, _CLOSE_BR = "（(〔[【", "）)〕]】"


def _balance(s: str) -> int:
    return sum(s.count(c) for c in _OPEN_BR) - sum(s.count(c) for c in _CLOSE_BR)


def _bracket_wraps(lines: list[str], starts: list[int]) -> list[Edit]:
    """A bracket broken over two lines in any document (``（自治区人社厅、商务厅、`` / ``妇联按职责分工负责）``): a
    line that opens a bracket it does not close and ends inside a list or clause (、，) joins the next line when
    that one closes it and starts no unit."""
    out = []
    for i in range(len(lines) - 1):
        cur, nxt = lines[i].rstrip(), lines[i + 1].strip()
        if (cur.endswith(("、", "，", ",")) and _balance(cur) > 0 and nxt and _balance(nxt) < 0
                and not _STARTS_UNIT.match(nxt)):
            nl = starts[i] + len(lines[i])
            out.append(Edit(nl, nl + 1, "", "line_wrap"))
    return out


def find(text: str) -> list[Edit]:
    lines = text.split("\n")
    pos = 0
    starts = []
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    wraps = _bracket_wraps(lines, starts)
    if wraps:   # never inside a plain-text table
        tables = [(t.start, t.end) for t in flattables.find_all(text)]
        wraps = [e for e in wraps if not any(a <= e.start <= b for a, b in tables)]
    return sorted({(e.start, e.end): e for e in wraps + _width_wraps(text, lines, starts)}.values(),
                  key=lambda e: e.start)


def _width_wraps(text: str, lines: list[str], starts: list[int]) -> list[Edit]:
    if len(lines) < 8:
        return []
    widths = [_width(ln) for ln in lines]
    ws = sorted(w for w in widths if w)
    if not ws:
        return []
    wrap = ws[int(0.9 * (len(ws) - 1))]
    if not 40 <= wrap <= 130:
        return []
    long_ = [i for i, w in enumerate(widths) if w >= 0.8 * wrap]
    open_ = [i for i in long_ if not _CLOSED.search(lines[i].rstrip())]
    if len(long_) < 4 or len(open_) < 0.2 * len(long_) or len(open_) < 3:
        return []
    out = []
    tables = [(t.start, t.end) for t in flattables.find_all(text)]
    for i in open_:
        if i + 1 >= len(lines):
            continue
        nxt = lines[i + 1].strip()
        if not nxt or _STARTS_UNIT.match(nxt) or _ROW_LINE.match(nxt) or _ROW_LINE.match(lines[i].strip()) \
                or _ROW_NUMBER.match(nxt):
            continue
        nl = starts[i] + len(lines[i])
        if any(a <= nl <= b for a, b in tables):
            continue
        nl = starts[i] + len(lines[i])
        out.append(Edit(nl, nl + 1, "", "line_wrap"))
    return out
