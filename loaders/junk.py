"""Web junk: markup, page furniture, comment boxes, spam -- found by general features.

Two kinds of evidence, both independent of any particular site:
  * line patterns (``patterns/junk.txt``): phrases that belong to web pages, never
    to plans (本文链接, 当前位置, 版权所有, 验证码, 0/150 ...);
  * line features and position: the plan body is the run of long, punctuated,
    CJK-rich lines; before its first line only front matter (title, document
    number, addressee, issuer, date, headings) is kept, after its last line only
    back matter (issuer, date, 此件公开发布, 抄送/附件 lines). Spam keyword lines
    (many ``|``-separated fragments, no sentence punctuation) and HTML fragments are
    dropped anywhere.
Everything removed becomes a ``Dropped`` with its reason.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from ontology.script import char_t2s
from ontology.vocab import lexicon_regex

from .edits import Edit
from .lines import line_starts

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
_TAG_RE = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*?)?/?>", re.S)
_ENTITY_RE = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_LOST_AMP_RE = re.compile(r"(?<=[?\ufffd])(?:rdquo|ldquo|rsquo|lsquo|nbsp|quot|mdash|ndash|hellip|middot|amp|lt|gt);")
_RESIDUE_RE = re.compile(r"^[\s•·●◆■□▪\-*|>»«<]*$")
_SENT_PUNCT = re.compile(r"[，。；：,;]")

_TITLE_WORDS = re.compile(f"(?:{lexicon_regex('junk_title_words')})")
_DOCNO = re.compile(r"〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号|\d{4}〕\d+号")
_DATE_LINE = re.compile(r"^[（(]?[\d一二三四五六七八九〇○零]{4}\s*年(\s*[\d一二三四五六七八九十]{1,2}\s*月)?"
                        r"(\s*[\d一二三四五六七八九十]{1,3}\s*日)?[）)]?$")
# The first line of a title wrapped over several lines: 关于印发《某市…“十四五” (its 规划 comes later).
# (or ends with 关于 after its issuer: 省人民政府关于 / 进一步…的若干意见)
_TITLE_OPENING = re.compile(r"^关于|《[^》]*$|^[^，。；：:,]{0,30}关于$")
_BRACKETED = re.compile(r"^[（(〔【][^（）()]{1,30}[）)〕】]$")   # （2021—2025年） （征求意见稿）
_SUBTITLE = re.compile(r"^(——|—|--)")
_ISSUER = re.compile(f"(?:{lexicon_regex('junk_issuer_endings')})$")
_BACK = re.compile(lexicon_regex("junk_back_matter"))
_HEADING = re.compile(r"^([一二三四五六七八九十]+、|[（(]?[一二三四五六七八九十]*[）)]|\d+[.、．]"
                      r"|第[一二三四五六七八九十]+[章节篇])")
_NUM_ONLY = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[篇章节]$")
_SPAM_WORDS = re.compile(f"(?:{lexicon_regex('spam_words')})", re.I)




@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern]]:
    """(reason, regex) pairs from patterns/junk.txt."""
    out = []
    path = Path(__file__).parent / "patterns" / "junk.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        reason, _, rx = line.partition(" ")
        out.append((reason, re.compile(rx.strip(), re.I)))
    return out


def markup_edits(text: str) -> list[Edit]:
    """HTML tags (dropped) and entities (repaired) inside plain-text lines."""
    out = [Edit(m.start(), m.end(), "", "html_tag") for m in _TAG_RE.finditer(text)]
    for m in _ENTITY_RE.finditer(text):
        rep = html.unescape(m.group(0))
        if rep != m.group(0):
            out.append(Edit(m.start(), m.end(), rep, "html_entity"))
    # an entity whose "&" was swallowed by a mojibake run ("?rdquo;"): only right
    # after a lost-character mark, where a bare word+";" cannot be real text
    for m in _LOST_AMP_RE.finditer(text):
        out.append(Edit(m.start(), m.end(), html.unescape("&" + m.group(0)), "html_entity"))
    return out


def _view(line: str) -> str:
    return re.sub(r"\s+", " ", char_t2s(line)).strip()


def pattern_reason(line: str) -> str | None:
    v = _view(line)
    if not v:
        return None
    for reason, rx in patterns():
        if rx.search(v):
            return reason
    return None


def is_spam(line: str) -> bool:
    bars = line.count("|")
    if bars >= 3 and "。" not in line:
        return True
    if len(_SPAM_WORDS.findall(line)) >= 4 and not _SENT_PUNCT.search(line.replace("|", "")):
        return True
    return False


def is_body(line: str) -> bool:
    """A line of running plan text: long, CJK-rich, punctuated."""
    n_cjk = len(_CJK_RE.findall(line))
    if n_cjk >= 8 and n_cjk >= 0.5 * len(line) and line.rstrip().endswith("。"):
        return True          # a short but finished sentence
    return n_cjk >= 20 and n_cjk >= 0.5 * len(line) and bool(_SENT_PUNCT.search(line))


def is_front_matter(line: str) -> bool:
    v = _view(line)
    if len(v) <= 120 and (_TITLE_WORDS.search(v) or _DOCNO.search(v) or _TITLE_OPENING.search(v)):
        return True
    if _DATE_LINE.match(v) or _HEADING.match(v) or _BRACKETED.match(v) or _SUBTITLE.match(v):
        return True
    if v.endswith((":", "：")) and len(_CJK_RE.findall(v)) >= 4:
        return True
    if len(v) <= 30 and _ISSUER.search(v) and _CJK_RE.search(v):
        return True
    return False


_PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")   # 印发 line of the 版记


def is_back_matter(line: str) -> bool:
    v = _view(line)
    if _DATE_LINE.match(v) or _BACK.match(v) or _PRINTED.search(v):
        return True
    if len(v) <= 30 and _ISSUER.search(v) and len(_CJK_RE.findall(v)) >= 3:
        return True
    return False


_WEB_BULLET = re.compile(r"^\s*[-•·●◆■▪]\s+")


def _web_list_blocks(lines: list[str], reason: list[str | None]) -> None:
    """A web list (lines opening with ``- `` / ``• ``, which plans do not use) is one
    unit: when most of its items are junk, the rest of it is junk too."""
    i, n = 0, len(lines)
    while i < n:
        if not _WEB_BULLET.match(lines[i]):
            i += 1
            continue
        j = i
        while j < n and (_WEB_BULLET.match(lines[j]) or not lines[j].strip()):
            j += 1
        items = [k for k in range(i, j) if lines[k].strip()]
        junk = sum(1 for k in items if reason[k] is not None)
        if items and junk * 2 >= len(items):
            for k in items:
                if reason[k] is None:
                    reason[k] = "junk_list"
        i = j


def _line_at(starts: list[int], pos: int) -> int:
    from bisect import bisect_right
    return max(0, bisect_right(starts, pos) - 1)


def _metadata_grid_values(lines: list[str], reason: list[str | None]) -> None:
    """A site metadata grid puts a key (``成文日期：``) and its value (``2021-11-08``) in
    cells of their own, i.e. on lines of their own: the value line is metadata too."""
    for i, ln in enumerate(lines[:-1]):
        if reason[i] != "site_metadata" or not _view(ln).endswith((":", "：")):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and reason[j] is None and len(_view(lines[j])) <= 40 and not _HEADING.match(_view(lines[j])) \
                and not _SENT_END.search(lines[j]):
            reason[j] = "site_metadata"


_SENT_END = re.compile(r"[。；！？]")
_MASTHEAD = re.compile(f"^(?:{lexicon_regex('junk_masthead_labels')})$")


def _masthead(lines: list[str], reason: list[str | None]) -> None:
    """A gazette's or site's masthead above the plan puts each label (主管主办, 编辑出版, 印  刷, 邮政编码) on a
    line of its own and its value (某省人民政府办公厅, 610016) on the next: both are furniture, even a value that
    reads like an issuer. Only before the first line of running text."""
    for i, ln in enumerate(lines[:-1]):
        if reason[i] is None and is_body(ln):
            return
        if not _MASTHEAD.match(re.sub(r"\s+", "", _view(ln))):
            continue
        reason[i] = reason[i] or "masthead"
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and reason[j] is None and len(_view(lines[j])) <= 40 and not _SENT_END.search(lines[j]) \
                and not _HEADING.match(_view(lines[j])) and not _MASTHEAD.match(re.sub(r"\s+", "", _view(lines[j]))):
            reason[j] = "masthead"


def _running_headers(lines: list[str], reason: list[str | None]) -> None:
    """Running headers/footers of a paged document: a short line that recurs verbatim and
    stands next to a page-number line (``— 12 —``, ``第 3 页 共 12 页``). Only the
    occurrences next to a page number go; the first (the title itself) stays."""
    pages = [i for i, r in enumerate(reason) if r == "page_number"]
    if not pages:
        return
    counts: dict[str, int] = {}
    for i, ln in enumerate(lines):
        v = ln.strip()
        if v and reason[i] is None and len(v) <= 60:
            counts[v] = counts.get(v, 0) + 1
    for p in pages:
        for step in (-1, 1):
            k, seen = p + step, 0
            while 0 <= k < len(lines) and seen < 2:
                v = lines[k].strip()
                if not v:
                    k += step
                    continue
                if reason[k] == "page_number":
                    break
                if reason[k] is None and counts.get(v, 0) >= 2 and not _SENT_END.search(v) \
                        and not _HEADING.match(v) and not v.endswith(("：", ":")) \
                        and not (step == 1 and _opens_table(lines, k)) and not _cell_value(v):
                    reason[k] = "page_header"
                seen += 1
                k += step
        _repeated_run_after(lines, reason, p)


def _cell_value(v: str) -> bool:
    """A line shaped as a table cell's value (预期性, 5.0, %, 万元): it recurs because a table's column
    repeats it, never as a running header or footer of the pages (a title, a body's name)."""
    from .flattables import is_attribute, is_unit, is_value
    return is_attribute(v) or is_value(v) or is_unit(v)


def _opens_table(lines: list[str], k: int) -> bool:
    """Whether line ``k`` opens a table's header run whose rows start at 1: a new table after a
    page break (附表2's 序号 / 指标 / 单位 / 目标 then 1), not the header of a table going on over the
    break (whose rows go on at the next number) nor a running header."""
    from .flattables import _is_header_cell, serial_of
    if not _is_header_cell(lines[k].strip()):
        return False
    heads, x, seen = 0, k, 0
    while x < len(lines) and seen < _HEAD_RUN_LINES:
        v = lines[x].strip()
        if v:
            seen += 1
            if serial_of(v) is not None:
                return serial_of(v) == "1" and heads >= _HEAD_RUN_CELLS - 1
            if not _is_header_cell(v):
                return False
            heads += 1
        x += 1
    return False


def _nonblank_from(lines: list[str], k: int) -> int:
    while k < len(lines) and not lines[k].strip():
        k += 1
    return k


def _repeated_run_after(lines: list[str], reason: list[str | None], p: int) -> None:
    """After a page number, the running header may be longer than two lines: a table that goes
    on over the page break repeats its caption and whole header run (序号 / 指标 / 单位 / 目标).
    The marked lines after page number ``p`` are followed as long as they repeat, line for line,
    a run that stands earlier in the document; the repeated lines go too."""
    k = _nonblank_from(lines, p + 1)
    if k >= len(lines) or reason[k] != "page_header":
        return
    v = lines[k].strip()
    earlier = next((e for e in range(p) if lines[e].strip() == v and reason[e] is None), None)
    if earlier is None:
        return
    e = earlier
    while True:
        k, e = _nonblank_from(lines, k + 1), _nonblank_from(lines, e + 1)
        if k >= len(lines) or e >= p or reason[k] == "page_number":
            return
        w = lines[k].strip()
        if w != lines[e].strip() or len(w) > 60 or _SENT_END.search(w):
            return
        reason[k] = "page_header"


_TOC_HEAD = re.compile(r"^目\s*录$")
_TOC_PAGE = re.compile(r"[.·…\s]*\d{1,4}$")


def _table_of_contents(lines: list[str], reason: list[str | None]) -> None:
    """A 目录 line followed by short heading lines that come back later in the
    document is a table of contents: dropped, so the headings are not read twice.
    The contents end where the first entry recurs (the real heading) or at text."""
    for i, ln in enumerate(lines):
        if not _TOC_HEAD.match(ln.strip()):
            continue
        def key(k: int) -> str:
            return _TOC_PAGE.sub("", lines[k].strip())
        entries: list[int] = []
        j = i + 1
        while j < len(lines):
            t = lines[j].strip()
            if t and (len(t) > 60 or "。" in t):
                break
            if t and reason[j] is None:
                if entries and key(j) == key(entries[0]):
                    break
                entries.append(j)
            j += 1
        rest = set(_TOC_PAGE.sub("", x.strip()) for x in lines[j:])
        if len(entries) >= 3 and sum(1 for k in entries if key(k) in rest) * 2 >= len(entries):
            reason[i] = "toc"
            for k in entries:
                reason[k] = "toc"
        break


# an appendix after the body: 附件 / 附表2 / 表3 … (its tables and lists are the document's)
_APPENDIX = re.compile(f"^(?:{lexicon_regex('appendix_openers')})")
# features of web furniture on a line of its own (beyond the patterns of patterns/junk.txt)
_LINK_LIKE = re.compile(r"(https?://|www\.|\.(com|cn|net|org|gov)\b|ICP|[A-Za-z]{2,}\s*(APP|App)$|APP$|\s[|｜丨»]\s|@)")
_INDENTED = re.compile(r"^(\s{2,}|\t)\S")


def junk_features(line: str) -> str | None:
    """Why a line of its own looks like web furniture, or None: a pattern of
    patterns/junk.txt, spam, a web list item, a link/address/app line, a short indented
    menu item. A line holding CJK text after the body starts is dropped only with one."""
    r = pattern_reason(line)
    if r:
        return r
    if is_spam(line):
        return "spam"
    if _WEB_BULLET.match(line):
        return "junk_list"
    if _LINK_LIKE.search(line):
        return "link"
    if _INDENTED.match(line) and len(line.strip()) <= 20 and not _SENT_PUNCT.search(line):
        return "nav"
    return None


def _trailing(lines: list[str], reason: list[str | None], last: int, tables: list[tuple[int, int]]) -> None:
    """Page footer after the last body line. Only back matter (issuer, date, 抄送, 此件公开发布)
    is kept on position alone; an appendix (附件, 附表, 表N, a table) ends the search, since
    what follows is the document's; a line with CJK text is dropped only when it shows a
    junk feature or stands inside a run of furniture (between two furniture lines)."""
    n = len(lines)
    table_at = {a for a, _ in tables}
    cand: list[int] = []
    marks: dict[int, str | None] = {}
    for i in range(last + 1, n):
        if not lines[i].strip():
            continue
        if reason[i] is not None:
            if reason[i] not in ("site_metadata",):
                marks[i] = reason[i]      # furniture found by its patterns: evidence for its neighbours
            continue
        v = _view(lines[i])
        if _APPENDIX.match(v) or i in table_at or _opens_table(lines, i):
            break                         # (a table no rebuild read still shows its header run and row 1)
        cand.append(i)
    in_back = True
    for i in cand:
        if in_back and is_back_matter(lines[i]):
            marks[i] = None
            continue
        in_back = False
        if not _CJK_RE.search(lines[i]):
            marks[i] = "page_footer"
        else:
            marks[i] = "page_footer" if junk_features(lines[i]) else "?"
    order = sorted(i for i in marks if marks[i] is not None)
    for k, i in enumerate(order):
        if marks[i] != "?":
            continue
        before = next((marks[j] for j in reversed(order[:k]) if marks[j] != "?"), None)
        after = next((marks[j] for j in order[k + 1:] if marks[j] != "?"), None)
        marks[i] = "page_footer" if before and after else None
    for i in cand:
        if marks.get(i):
            reason[i] = marks[i]


_DASH_CELL = re.compile(r"^\s*[-－]{1,3}\s*$")
_CELL_VALUE = re.compile(r"\d")
_MAX_CELL_NEIGHBOUR = 16


def _table_dash(lines: list[str], i: int) -> bool:
    """A lone dash between a flattened table's cells (2100 / - / 预期性: a value not set), kept as a
    cell: the nearest lines around it are short unpunctuated cells, one of them a number."""
    if not _DASH_CELL.match(lines[i]):
        return False

    def near(step: int) -> str | None:
        j = i + step
        while 0 <= j < len(lines):
            if lines[j].strip():
                return lines[j].strip()
            j += step
        return None
    prev, nxt = near(-1), near(1)
    if not prev or not nxt:
        return False
    short = all(len(x) <= _MAX_CELL_NEIGHBOUR and not _SENT_PUNCT.search(x) and not _RESIDUE_RE.match(x)
                for x in (prev, nxt))
    return short and bool(_CELL_VALUE.search(prev) or _CELL_VALUE.search(nxt))


def _tables_across_page_breaks(lines: list[str], reason: list[str | None], first: int) -> list[tuple[int, int]]:
    """Line spans of the tables before line ``first`` read with the page furniture already
    marked (page numbers, the running header and a table header repeated after a page break)
    left out: a table that runs over a page break is one table, its rows after the break are
    the table's. Only where a page number stands before ``first``."""
    if not any(r == "page_number" for r in reason[:first]):
        return []
    from .flattables import find_all
    idx = [i for i in range(first) if reason[i] is None]
    view = [lines[i] for i in idx]
    starts = line_starts(view)
    out = []
    for t in find_all("\n".join(view)):
        a, b = _line_at(starts, t.start), _line_at(starts, max(t.start, t.end - 1))
        out.append((idx[a], idx[b]))
    return out


_HEAD_RUN_CELLS = 3          # header cells (序号, 指标, 单位 …) that make a table's header run
_HEAD_RUN_LINES = 16         # lines from a header run's first cell to its row 1 at most


def _header_runs(lines: list[str], reason: list[str | None], first: int) -> list[tuple[int, int]]:
    """Tables before line ``first`` that no rebuild found (a table of one row, cells of unusual
    shapes) still show their header run: three header cells or more (the table header lexicons)
    among the lines that open it, the numbering column among them, then a row ``1``. From that
    run to the first sentence the lines are the table's (span (run, first - 1))."""
    from .flattables import _is_header_cell, header_role, serial_of
    idx = [i for i in range(first) if reason[i] is None and lines[i].strip()]
    for k, i in enumerate(idx):
        if not _is_header_cell(lines[i].strip()):
            continue
        heads, number = 0, False
        for m in range(k, min(len(idx), k + _HEAD_RUN_LINES)):
            v = lines[idx[m]].strip()
            if serial_of(v) == "1":
                if heads >= _HEAD_RUN_CELLS and number:
                    return [(i, first - 1)]
                break
            if _is_header_cell(v):
                heads += 1
                number = number or header_role(v) == "number"
    return []


_LEAD_CAPTION_LINES = 2     # caption lines between an appendix opener (附件1) and its table


def _leading_tables(lines: list[str], reason: list[str | None], spans: list[tuple[int, int]],
                    first: int) -> set[int]:
    """Lines before the first sentence that belong to a table (an attachment file that opens
    with 附件1, a caption, a header run 序号/指标/单位/目标 and rows 1, 2 …): kept, not page
    header. The evidence is the table found on the line run (its header run and numbered rows);
    a running header repeated at page breaks is told apart by its page number
    (``_running_headers`` has already marked it, and a marked line stays marked). The opener
    (附件1) and the caption lines just above such a table are the table's too."""
    kept: set[int] = set()
    spans = spans + _tables_across_page_breaks(lines, reason, first) + _header_runs(lines, reason, first)
    for a, b in spans:
        if a >= first:
            continue
        kept.update(range(a, b + 1))
        above: list[int] = []
        k = a - 1
        while k >= 0 and len(above) <= _LEAD_CAPTION_LINES:
            v = _view(lines[k])
            if v:
                if reason[k] is not None or len(v) > 40 or junk_features(lines[k]):
                    break
                above.append(k)
                if _APPENDIX.match(v):
                    kept.update(above)
                    break
            k -= 1
    return kept


def line_edits(text: str, tables: list[tuple[int, int]] | None = None) -> list[Edit]:
    """Whole-line drops: patterns, spam and markup residue anywhere; furniture around the body.
    ``tables``: spans of data tables (real HTML/Word tables): their cell lines are short
    and unpunctuated, but a table after the last sentence (an attachment's task table,
    an indicator table closing the plan) is plan body, not page footer."""
    lines = text.split("\n")
    starts = line_starts(lines)
    n = len(lines)
    reason: list[str | None] = [None] * n
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        if _RESIDUE_RE.match(ln) and not _table_dash(lines, i):
            reason[i] = "html_fragment"
            continue
        r = pattern_reason(ln)
        if r:
            reason[i] = r
        elif is_spam(ln):
            reason[i] = "spam"
    _metadata_grid_values(lines, reason)
    _masthead(lines, reason)
    _web_list_blocks(lines, reason)
    _running_headers(lines, reason)
    _table_of_contents(lines, reason)
    body = [i for i, ln in enumerate(lines) if reason[i] is None and is_body(ln)]
    spans = [(_line_at(starts, a), _line_at(starts, max(a, b - 1))) for a, b in tables or []]
    if body:
        first, last = body[0], body[-1]
        for a, b in tables or []:
            k = _line_at(starts, b - 1)
            if first < _line_at(starts, a) and k > last:
                last = k
        kept = _leading_tables(lines, reason, spans, first)
        for i in range(first):
            if reason[i] is None and lines[i].strip() and i not in kept and not is_front_matter(lines[i]) \
                    and not (i > 0 and _NUM_ONLY.match(_view(lines[i - 1]))):   # 第一章 \n 发展基础
                reason[i] = "page_header"
        _trailing(lines, reason, last, spans)
    out = []
    for i, r in enumerate(reason):
        if r is None:
            continue
        end = starts[i] + len(lines[i])
        if r == "page_number" and _splits_sentence(lines, reason, i):
            out.append(Edit(starts[i] - 1, starts[i], "", "page_break"))
        out.append(Edit(starts[i], min(end + 1, len(text)) if i < n - 1 else end, "", r))
    return out


_OPEN_END = re.compile(r"[\u4e00-\u9fff\w]$")
_RUNNING = re.compile(r"[。，；,;]")


def _splits_sentence(lines: list[str], reason: list[str | None], i: int) -> bool:
    """Whether the page-number line ``i`` (``- 3 -``) stands inside a sentence: the line before is running
    text (it holds a sentence mark) that stops open, mid-sentence, and the line after is kept text that does
    not open a unit of its own (a numbered heading or item, 专栏, a role line: linewrap's unit openers). The
    paragraph is then one line again, not two paragraphs (the second taken for an item of its own)."""
    from .linewrap import starts_unit
    if i == 0 or i + 1 >= len(lines) or reason[i - 1] is not None or reason[i + 1] is not None:
        return False
    prev, nxt = lines[i - 1].rstrip(), lines[i + 1].strip()
    return bool(prev and nxt and _RUNNING.search(prev) and _OPEN_END.search(prev) and not starts_unit(nxt))


def body_dropped(doc) -> dict:
    """What of the document's body the junk pass may have dropped: the CJK characters of
    dropped lines with no junk feature (position alone: a ``page_footer`` without a
    feature, a ``page_header`` that reads like running text), and their share of all the
    document's CJK characters. Reported by ``python -m graph parse``; 0 is the goal."""
    lines = []
    n = 0
    for d in doc.dropped:
        t = d.text.strip("\n")
        if not _CJK_RE.search(t):
            continue
        if (d.reason == "page_footer" and not junk_features(t)) or (d.reason == "page_header" and is_body(t)):
            k = len(_CJK_RE.findall(t))
            n += k
            lines.append({"reason": d.reason, "position": d.position, "text": t[:80]})
    for run in _dropped_header_runs(doc):
        for d in run:
            t = d.text.strip("\n")
            n += len(_CJK_RE.findall(t))
            lines.append({"reason": d.reason, "position": d.position, "text": t[:80]})
    lines.sort(key=lambda x: x["position"])
    total = n + len(_CJK_RE.findall(doc.text))
    return {"chars": n, "share": round(n / total, 4) if total else 0.0, "lines": lines}


_MIN_HEADER_RUN = 3


def _dropped_header_runs(doc) -> list[list]:
    """Runs of dropped ``page_header`` lines, next to each other in the input, holding a table's
    header run (three header cells or more: 序号 / 指标 / 单位 / 目标) that the kept text does not hold
    line for line: a table header lost on position, not a header repeated after a page break."""
    from .flattables import _is_header_cell
    drops = sorted((d for d in doc.dropped if d.reason == "page_header"), key=lambda d: d.position)
    runs: list[list] = []
    for d in drops:
        if runs and d.position <= runs[-1][-1].position + (runs[-1][-1].source_len or len(runs[-1][-1].text)) + 2:
            runs[-1].append(d)
        else:
            runs.append([d])
    out = []
    for run in runs:
        texts = [d.text.strip() for d in run]
        if sum(1 for t in texts if _is_header_cell(t)) >= _MIN_HEADER_RUN \
                and "\n".join(char_t2s(t) for t in texts) not in doc.text:
            out.append(run)
    return out
