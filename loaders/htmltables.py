"""Real HTML tables (``<table>`` markup) -> ``Table`` with merged cells expanded.

The markup is read before it is removed (``formats.html_edits`` turns every cell into
a line of its own); each cell is remembered as a span of the decoded input and, after
cleaning, mapped to the cleaned text, so cell values are the cleaned (width-normalised,
simplified) text and ``Table.start``/``end`` point at the table's lines there.

  * innermost tables only (layout tables that wrap other tables are not data);
  * ``rowspan``/``colspan``: the cell's text is copied into every grid position it
    covers (a category cell spanning three rows gives the category of each row);
  * header rows: ``<thead>`` rows, else leading rows made of ``<th>`` cells, else the
    first row when it holds no values; a header cell spanning several header rows
    reaches the last one. A column's name joins its header cells top to bottom with
    a space: a group label keeps its place (``目标值`` over ``2023年``/``2025年`` gives
    ``目标值 2023年``, ``目标值 2025年``; a cell spanning the header rows is named once);
  * a table is kept when it has >= 2 columns, >= 1 body row and most of its cells
    survived cleaning (a site's metadata grid -- 索引号/发布机构 -- is dropped as
    furniture and so is not a table), and no cell is a page of text (layout);
  * title: the ``<caption>``, else the line right before the table when it is short
    and not a sentence (``表1 …主要指标``); the table then starts at that line.
Empty cells are None.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from model.document import Span, Table
from ontology import vocab

_TABLE = re.compile(r"<table\b[^>]*>((?:(?!<table\b).)*?)</table\s*>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</tbody|</thead|</tfoot|</table|$)", re.S | re.I)
_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)(?=<td\b|<th\b|</tr|<tr\b|$)", re.S | re.I)
_CLOSE_CELL = re.compile(r"</t[dh]\s*>\s*$", re.I)
_SPAN = re.compile(r"\b(rowspan|colspan)\s*=\s*[\"']?(\d+)", re.I)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption\s*>", re.S | re.I)
_THEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead\s*>", re.S | re.I)
_SENT = re.compile(r"[。；;！？]")
# a data value (not a year: 2020 / 2020年 are column names)
_VALUE = re.compile(r"^(?!(19|20)\d\d年?$)[<>≥≤约]?\s*-?\d[\d.,:/]*\s*"
                    rf"(%|‰|{vocab.lexicon_regex('table_value_qualifiers')}|万|亿)?$")
MAX_CELL = 300


@dataclass
class _Cell:
    start: int            # content span in the scanned text
    end: int
    rowspan: int
    colspan: int
    th: bool


@dataclass
class RawTable:
    start: int
    end: int
    rows: list[list[_Cell]]
    head_rows: int                      # rows inside <thead>
    caption: tuple[int, int] | None = None
    src: dict = field(default_factory=dict)


def scan(text: str) -> list[RawTable]:
    """The innermost ``<table>`` elements of an HTML text, with cell spans."""
    out = []
    for m in _TABLE.finditer(text):
        body_start = m.start(1)
        body = m.group(1)
        cap = _CAPTION.search(body)
        caption = (body_start + cap.start(1), body_start + cap.end(1)) if cap else None
        th = _THEAD.search(body)
        thead_span = (th.start(), th.end()) if th else None
        rows: list[list[_Cell]] = []
        head_rows = 0
        for r in _ROW.finditer(body):
            cells = []
            for c in _CELL.finditer(r.group(1)):
                a = body_start + r.start(1) + c.start(3)
                content = c.group(3)
                close = _CLOSE_CELL.search(content)
                b = a + (close.start() if close else len(content))
                spans = {k.lower(): int(v) for k, v in _SPAN.findall(c.group(2))}
                cells.append(_Cell(a, b, max(1, min(spans.get("rowspan", 1), 200)),
                                   max(1, min(spans.get("colspan", 1), 50)), c.group(1).lower() == "th"))
            if not cells:
                continue
            if thead_span and thead_span[0] <= r.start() < thead_span[1]:
                head_rows += 1
            rows.append(cells)
        if rows:
            out.append(RawTable(m.start(), m.end(), rows, head_rows, caption))
    return out


def _grid(rows: list[list], cells: list[list[_Cell]], empty="") -> list[list]:
    """Expand row/col spans: every position a cell covers gets its value."""
    grid: dict[tuple[int, int], object] = {}
    width = 0
    for i, (texts, row) in enumerate(zip(rows, cells)):
        j = 0
        for t, c in zip(texts, row):
            while (i, j) in grid:
                j += 1
            for di in range(c.rowspan):
                if i + di >= len(rows):
                    break
                for dj in range(c.colspan):
                    grid[(i + di, j + dj)] = t
            j += c.colspan
        width = max(width, max((jj + 1 for (ii, jj) in grid if ii == i), default=0))
    return [[grid.get((i, j), empty) for j in range(width)] for i in range(len(rows))]


def build(raw: RawTable, cleaned: str, to_clean) -> Table | None:
    """The Table of ``raw`` in the cleaned text; ``to_clean(p)`` maps a scanned-text
    offset to a cleaned-text offset."""
    def cell_text(a: int, b: int) -> str:
        s = cleaned[to_clean(a):to_clean(b)]
        return "".join(x.strip() for x in s.split("\n"))

    texts = [[cell_text(c.start, c.end) for c in row] for row in raw.rows]
    spans = [[_trim(cleaned, to_clean(c.start), to_clean(c.end)) for c in row] for row in raw.rows]
    n_cells = sum(len(r) for r in texts)
    if not n_cells or sum(1 for r in texts for t in r if t) * 2 < n_cells:
        return None
    if any(len(t) > MAX_CELL for r in texts for t in r):
        return None
    grid = _grid(texts, raw.rows)
    width = max((len(r) for r in grid), default=0)
    if width < 2:
        return None
    # title rows: leading rows made of one cell across the table (表1 …主要指标)
    def single(i: int) -> bool:
        return len(raw.rows[i]) == 1 and len(set(grid[i])) == 1 and bool(grid[i][0])
    top = 0
    while top < len(grid) - 1 and single(top):
        top += 1
    # header rows
    n_head = max(0, raw.head_rows - top)
    if not n_head:
        while top + n_head < len(raw.rows) and all(c.th for c in raw.rows[top + n_head]):
            n_head += 1
    if not n_head and not any(_VALUE.match(t) for t in grid[top] if t):
        n_head = 1
    if n_head:
        # a header cell spanning rows takes the header down with it
        if n_head == 1:
            n_head = max(n_head, max(c.rowspan for c in raw.rows[top]))
        n_head = min(n_head, len(grid) - top - 1)
    if n_head <= 0:
        columns = [""] * width
        n_head = 0
    else:
        last = top + n_head - 1
        columns = [_column_name([grid[i][j] for i in range(top, last + 1)]) for j in range(width)]
    n_head += top
    keep = [i for i in range(n_head, len(grid)) if any(grid[i]) and grid[i] != columns and not single(i)]
    if not keep:
        return None
    rows = [[c if c else None for c in grid[i]] for i in keep]
    span_grid = _grid(spans, raw.rows, None)
    row_spans: list[Span | None] = []
    for i in keep:
        own = [sp for sp, t in zip(spans[i], texts[i]) if t]
        row_spans.append((min(a for a, _ in own), max(b for _, b in own)) if own else None)
    t_start = to_clean(raw.start)
    t_end = to_clean(raw.end)
    while t_end > t_start and cleaned[t_end - 1] == "\n":
        t_end -= 1
    while t_start < t_end and cleaned[t_start] == "\n":
        t_start += 1
    title = ""
    if raw.caption:
        title = cell_text(*raw.caption)
    if not title and top:
        title = grid[0][0]
    if not title and t_start > 0:
        ls = cleaned.rfind("\n", 0, t_start - 1) + 1
        prev = cleaned[ls:t_start - 1] if cleaned[t_start - 1] == "\n" else ""
        if prev and len(prev) <= 60 and not _SENT.search(prev) and not prev.endswith(("：", ":")):
            title = prev
            t_start = ls
    # row_spans/cell_spans: where each body row and each cell (the cell that covers it,
    # for merged cells) is in the cleaned text; used to read task-assignment tables as measures
    cell_spans = [[span_grid[i][j] if j < len(span_grid[i]) else None for j in range(width)] for i in keep]
    carry_unmarked_merges(columns, rows, cell_spans)
    return Table(title=title, columns=columns, rows=rows, start=t_start, end=t_end,
                 row_spans=row_spans, cell_spans=cell_spans)


def carry_unmarked_merges(columns: list[str], rows: list[list[str | None]],
                          cell_spans: list[list[Span | None]]) -> None:
    """A task table whose merged 责任单位 cell lost its ``rowspan`` (a Word or PDF conversion writes the
    cell once and leaves the rows below it empty): a task row with an empty (first) responsibility
    cell takes the cell of the row above, and with it the empty 配合单位/完成时限 cells of that row
    (quoted where the merged cell is written). A 合计/小计 row ends the run."""
    from . import flattables
    roles = flattables.column_roles(columns)
    task = [j for j, r in enumerate(roles) if r == "task"]
    resp = [j for j, r in enumerate(roles) if r == "responsible"]
    if not task or not resp:
        return
    with_lead = resp[1:] + [j for j, r in enumerate(roles) if r == "deadline"]
    for i in range(1, len(rows)):
        row, above = rows[i], rows[i - 1]
        if row[resp[0]] or not above[resp[0]] or not any(row[j] for j in task) \
                or any(flattables.is_total_label(c or "") for c in row[:2] + above[:2]):
            continue
        for j in [resp[0]] + [x for x in with_lead if not row[x] and above[x]]:
            row[j] = above[j]
            cell_spans[i][j] = cell_spans[i - 1][j]


def _column_name(labels: list[str]) -> str:
    """A column's name from its header cells, top to bottom: the distinct labels joined
    by a space (``目标值`` over ``2025年`` -> ``目标值 2025年``); a cell spanning several
    header rows counts once; a label contained in the one below it gives way to it."""
    out: list[str] = []
    for v in labels:
        if not v:
            continue
        if out and v in out[-1]:
            continue
        if out and out[-1] in v:
            out[-1] = v
            continue
        out.append(v)
    return " ".join(out)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in "\n ":
        a += 1
    while b > a and text[b - 1] in "\n ":
        b -= 1
    return a, b


def cleaned_offset_map(state):
    """``p_src -> p_cleaned`` for a ``TextState``: the first cleaned offset whose source
    position is at or after ``p_src`` (source positions are monotone), read off the
    state's piece map directly."""
    n = len(state.text)
    cur, src, lin = state._cur, state._src, state._lin
    m = len(cur)

    def to_clean(p_src: int) -> int:
        i = bisect_left(src, p_src)
        j = i - 1
        if j >= 0 and lin[j] > 0:
            length = (cur[j + 1] if j + 1 < m else n) - cur[j]
            off = p_src - src[j]
            if 0 < off < min(length, lin[j]):
                return min(n, cur[j] + off)
        return min(n, cur[i]) if i < m else n
    return to_clean
