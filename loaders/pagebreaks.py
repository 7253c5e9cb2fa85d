"""Page numbers that split sentences: ``…培育10个以上生活性\\n2、服务业集聚区``.

Text copied from paged previews carries the page number at the start of every page,
glued to the first word of the page, and the line break cuts the sentence (even a
word) in two. Such a marker is recognised by three things together, so that real
list items (``2、`` opening a new item after a finished sentence or a heading)
survive:
  * the previous line is running text that stops mid-sentence (no closing
    punctuation) -- a list item follows a finished sentence or a short heading;
  * the previous line is long (page-sized), not a heading;
  * the numbers form a run 1, 2, 3, … through the document (gaps allowed only when
    pages are missing: the run must be increasing, consecutive pairs dominate).
A page-1 marker on the first line of the body counts when page 2 follows.
Repairs: the number is dropped (``page_number``) and the line break is dropped
(``page_break``) so the sentence is whole again.
"""
from __future__ import annotations

import re

from .edits import Edit
from .lines import line_starts

_MARK = re.compile(r"^(\d{1,4})\s*(?:、|[.．](?!\d))\s*")  # 1.16MB is a number, not page 1
_CLOSED = re.compile(r"[。；;！!？?：:”」』）)】…]$")
_MIN_PREV = 60


def find(text: str) -> list[Edit]:
    lines = text.split("\n")
    starts = line_starts(lines)
    cands: list[tuple[int, int, bool]] = []   # (line index, number, previous line open)
    for i, ln in enumerate(lines):
        m = _MARK.match(ln)
        if not m:
            continue
        prev = lines[i - 1].rstrip() if i > 0 else ""
        open_prev = bool(prev) and len(prev) >= _MIN_PREV and not _CLOSED.search(prev)
        cands.append((i, int(m.group(1)), open_prev))
    # chain of open-previous candidates with increasing numbers, mostly consecutive
    chain = [c for c in cands if c[2]]
    good: list[tuple[int, int, bool]] = []
    for c in chain:
        if good and c[1] <= good[-1][1]:
            continue
        good.append(c)
    if len(good) < 2:
        return []
    consecutive = sum(1 for a, b in zip(good, good[1:]) if b[1] == a[1] + 1)
    if consecutive < max(1, (len(good) - 1) * 0.6):
        return []
    # page 1 at the very start of the body (nothing before it, or the previous line is not text)
    first_num = good[0][1]
    if first_num == 2:
        for i, num, _ in cands:
            if num == 1 and i < good[0][0]:
                good.insert(0, (i, 1, False))
                break
    edits = []
    for i, _num, open_prev in good:
        m = _MARK.match(lines[i])
        assert m is not None  # a candidate line matched _MARK
        s = starts[i]
        edits.append(Edit(s, s + m.end(), "", "page_number"))
        if open_prev:
            edits.append(Edit(s - 1, s, "", "page_break"))
    return edits
