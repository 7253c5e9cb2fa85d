"""Plain-text task-assignment tables (重点任务分工表) -> ``Table`` with row/cell spans.

A 分工表 copied out of a Word or PDF file arrives in one of two shapes:

  * one cell per line: ``序号`` / ``重点任务`` / ``牵头单位`` / ``责任单位`` / ``完成时限``
    header lines, then per row its number line (``1``, ``2`` … in order) and its cells;
  * one row per line, cells separated by tabs or runs of spaces: ``1 建设… 市商务局 市财政局、市商务局 2024年底前``.

Recognised by the header, not by any document: a first cell ``序号``/``编号`` followed by
short column names among which a task column (任务/举措/措施/事项/工作内容 …) and a
role column (牵头/责任/配合 …). Rows are numbered 1, 2, 3 … in order. Cells are
aligned to the columns; a row with fewer cells than columns keeps a time-looking last
cell in the 完成时限 column and fills the other columns left to right (missing ones
None); category rows between rows (``一、强化产业支撑``) are skipped; extra cells
(a wrapped task) are joined into the task column (one-per-line) or,
in a row line, into the last role column (names separated by spaces).
The tables carry ``row_spans``/``cell_spans`` like HTML/Word tables, so the structure
pass turns each row into a measure with its responsibility.
"""
from __future__ import annotations

import re

from model.document import Span, Table
from ontology import vocab

_NUM_HEAD = re.compile(r"^(序号|编号)$")
# column and cell words: the header lexicons of flattables (ontology/vocab/lexicons/table_col_*.txt)
_TASK = re.compile(vocab.lexicon_regex("table_col_task"))
_ROLE = re.compile("|".join(vocab.lexicon_regex(x)
                            for x in ("table_col_responsible", "table_col_lead", "table_col_involved")))
_TIME_HEAD = re.compile(vocab.lexicon_regex("table_col_deadline"))
_TIME_CELL = re.compile(f"(?:{vocab.lexicon_regex('table_deadline_cells')}|前$)")
_SHORT = re.compile(r"^[^。；，,;：:]{1,12}$")
_TITLE_SENT = re.compile(r"[。；;！？]")
_ROW_HEAD = re.compile(r"^(序号|编号)\s")
_TOKEN = re.compile(r"\S+")
# a category row between rows (一、强化产业支撑 / （二）… / 二、…（5项）): not a cell
_CATEGORY = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])[^。；，]{2,30}$")


def _header_ok(cells: list[str]) -> bool:
    if not (4 <= len(cells) <= 10) or not _NUM_HEAD.match(cells[0]):
        return False
    if not all(_SHORT.match(c) for c in cells):
        return False
    return any(_TASK.search(c) for c in cells[1:]) and any(_ROLE.search(c) for c in cells[1:])


def find(text: str) -> list[Table]:
    if "序号" not in text and "编号" not in text:
        return []
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for ln in text.split("\n"):
        s = ln.strip()
        a = pos + (len(ln) - len(ln.lstrip())) if s else pos
        lines.append((a, a + len(s), s))
        pos += len(ln) + 1
    out: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        s = lines[i][2]
        t = None
        if _NUM_HEAD.match(s):
            t, i2 = _one_per_line(lines, i)
        elif _ROW_HEAD.match(s):
            t, i2 = _row_lines(lines, i)
        if t is not None:
            out.append(t)
            i = i2
        else:
            i += 1
    return out


def _columns(header: list[str]) -> tuple[int, list[int], int | None]:
    """(task column, role columns, time column) of a header."""
    task = next(j for j, c in enumerate(header) if j and _TASK.search(c) and not _ROLE.search(c)) \
        if any(j and _TASK.search(c) and not _ROLE.search(c) for j, c in enumerate(header)) else 1
    roles = [j for j, c in enumerate(header) if j and j != task and _ROLE.search(c)]
    time = next((j for j, c in enumerate(header) if j and j != task and j not in roles and _TIME_HEAD.search(c)), None)
    return task, roles, time


def _align(cells: list[tuple[str, tuple[int, int]]], header: list[str], joiner: str, extra_to: str):
    """Cells (without the number) -> one (text, span) or None per column after 序号."""
    k = len(header) - 1
    task, roles, time = _columns(header)
    slots: list = [None] * k
    cells = list(cells)
    if time is not None and cells and _TIME_CELL.search(cells[-1][0]) and len(cells) != k:
        slots[time - 1] = cells.pop()
        order = [j for j in range(1, len(header)) if j != time]
    else:
        order = list(range(1, len(header)))
    extra = len(cells) - len(order)
    if extra > 0:
        target = task if extra_to == "task" or not roles else roles[-1]
        at = order.index(target)
        merged = cells[at:at + extra + 1]
        text = joiner.join(c[0] for c in merged)
        cells[at:at + extra + 1] = [(text, (merged[0][1][0], merged[-1][1][1]))]
    for j, c in zip(order, cells):
        slots[j - 1] = c
    return slots


def _make(lines, title_idx: int | None, header: list[str], rows: list[tuple[str, tuple[int, int], list]],
          head_start: int, end: int) -> Table:
    title = ""
    start = head_start
    if title_idx is not None:
        s = lines[title_idx][2]
        if s and len(s) <= 60 and not _TITLE_SENT.search(s) and not s.endswith(("：", ":")):
            title, start = s, lines[title_idx][0]
    row_spans: list[Span | None] = []
    cell_spans: list[list[Span | None]] = []
    t = Table(title=title, columns=list(header), rows=[], start=start, end=end,
              row_spans=row_spans, cell_spans=cell_spans)
    for number, nspan, slots in rows:
        t.rows.append([number] + [s[0] if s else None for s in slots])
        cell_spans.append([nspan] + [s[1] if s else None for s in slots])
        last = max((s[1][1] for s in slots if s), default=nspan[1])
        row_spans.append((nspan[0], last))
    return t


def _one_per_line(lines, i: int):
    n = len(lines)
    j = i
    while j < n and j - i < 10 and lines[j][2] != "1":
        j += 1
    header = [lines[x][2] for x in range(i, j) if not _CATEGORY.match(lines[x][2])]
    if j >= n or not _header_ok(header):
        return None, i
    k = len(header) - 1
    rows = []
    expect = 1
    p = j
    while p < n and lines[p][2] == str(expect):
        q = p + 1
        while q < n and lines[q][2] != str(expect + 1) and q - p <= 3 * k:
            q += 1
        if q >= n or lines[q][2] != str(expect + 1):
            q = min(n, p + 1 + k)          # the last row: its k cells
        cells = [(lines[x][2], (lines[x][0], lines[x][1])) for x in range(p + 1, q) if lines[x][2]]
        while len(cells) > 1 and _CATEGORY.match(cells[-1][0]) and q < n and lines[q][2] == str(expect + 1):
            cells.pop()                    # the category of the rows that follow
        if not cells:
            break
        rows.append((str(expect), (lines[p][0], lines[p][1]), _align(cells, header, "", "task")))
        expect += 1
        p = q
    if not rows:
        return None, i
    end = max(s[1][1] for _, _, sl in rows for s in sl if s)
    return _make(lines, i - 1 if i else None, header, rows, lines[i][0], end), p


def _row_lines(lines, i: int):
    header = _TOKEN.findall(lines[i][2])
    if not _header_ok(header):
        return None, i
    rows = []
    expect = 1
    p = i + 1
    while p < len(lines):
        a, b, s = lines[p]
        if _CATEGORY.match(s) and p + 1 < len(lines) and _TOKEN.findall(lines[p + 1][2])[:1] == [str(expect)]:
            p += 1                         # a category row
            continue
        cells = [(m.group(), (a + m.start(), a + m.end())) for m in _TOKEN.finditer(s)]
        if len(cells) < 3 or cells[0][0] != str(expect):
            break
        rows.append((cells[0][0], cells[0][1], _align(cells[1:], header, "、", "roles")))
        expect += 1
        p += 1
    if not rows:
        return None, i
    return _make(lines, i - 1 if i else None, header, rows, lines[i][0], lines[p - 1][1]), p
