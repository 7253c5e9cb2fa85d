"""Flattened tables: a table copied from a web page arrives one cell per line.

Recognised generally by its shape, not by its content:
  * a run of short lines (cells: no sentence punctuation, a few dozen chars at most);
  * row numbers: cells that are bare integers 1, 2, 3, … in order through the run
    (at least ``MIN_ROWS`` of them);
  * a header: the cells between the table's title line and the first row (minus a
    category cell right before row 1, when the header's first column is 分类/类别/领域).
Within a row: the cell after the number is the indicator (a next cell starting with
an opening bracket continues it -- a wrapped cell); then value cells (numbers,
percentages, ratios, ``7左右``, ``3以内``, ``>99``); a text cell followed by values is a
sub-row label (``学前段 90 90``); a text cell followed by the next row number is the
category of the rows that follow. The unit is the indicator's trailing bracket
(``（%``, ``（万人）``, ``安置率 %``).
Missing values: when a row has fewer values than value columns, the values are
aligned to the *last* columns (a new indicator has a target but no baseline);
absent cells are None.
"""
from __future__ import annotations

import re

from model.document import Table
from ontology import vocab

from .lines import Line as _Line

MIN_ROWS = 3
MAX_CELL = 40
_INT = re.compile(r"^\d{1,3}$")
_VALUE = re.compile(r"^(?:[<>≥≤＞＜约]?\s*-?\d[\d.,:：/]*\s*(?:%|‰|" + vocab.lexicon_regex("table_value_qualifiers")
                    + "|" + vocab.lexicon_regex("table_value_suffixes")
                    + r")?(?:\s*[-—~至]\s*\d[\d.]*%?)?|[—\-–/×√]+|—|" + vocab.lexicon_regex("table_value_words") + ")$")
_UNIT_TAIL = re.compile(r"\s*[（(]\s*([^（）()]{1,10}?)\s*[）)]?\s*$")
_UNIT_SPACE = re.compile(r"\s+(%|‰)$")
_SENT = re.compile(r"[。；，,;]")
_CATEGORY_HEAD = re.compile(f"(?:{vocab.lexicon_regex('table_col_group')}|类型)")
_INDICATOR_HEAD = re.compile(f"(?:{vocab.lexicon_regex('table_indicator_head_words')})")
_ATTR_HEAD = re.compile(r"(属性|性质)")


def _is_cell(s: str) -> bool:
    return 0 < len(s) <= MAX_CELL and not _SENT.search(s) and not s.endswith("。")


def is_value(s: str) -> bool:
    return bool(_VALUE.match(s.strip()))


def split_unit(indicator: str) -> tuple[str, str | None]:
    """``'城镇登记失业率（%'`` -> (``'城镇登记失业率'``, ``'%'``)."""
    m = _UNIT_SPACE.search(indicator)
    if m:
        return indicator[:m.start()].rstrip(), m.group(1)
    m = _UNIT_TAIL.search(indicator)
    if m and m.start() > 0:
        unit = m.group(1)
        if "/" in unit or (len(re.findall(r"[\u4e00-\u9fff]", unit)) <= 4
                           and not re.search(vocab.lexicon_regex("table_unit_not_unit"), unit)):
            return indicator[:m.start()].rstrip(), unit
    return indicator, None


def find_tables(text: str) -> list[Table]:
    lines: list[_Line] = []
    pos = 0
    for i, ln in enumerate(text.split("\n")):
        lines.append(_Line(i, pos, pos + len(ln), ln))
        pos += len(ln) + 1
    tables: list[Table] = []
    i = 0
    n = len(lines)
    while i < n:
        if not _is_cell(lines[i].text):
            i += 1
            continue
        j = i
        while j < n and _is_cell(lines[j].text):
            j += 1
        run = lines[i:j]
        t = _table_from_run(run, lines[i - 1] if i > 0 else None)
        if t is not None:
            tables.append(t)
        i = j
    return tables


def _table_from_run(run: list[_Line], before: _Line | None) -> Table | None:
    if len(run) < 3 * MIN_ROWS:
        return None
    # row numbers 1..N in order
    numbers: list[int] = []
    expect = 1
    for k, c in enumerate(run):
        if _INT.match(c.text) and int(c.text) == expect:
            # a row number is followed by a non-value cell (the indicator)
            if k + 1 < len(run) and not is_value(run[k + 1].text):
                numbers.append(k)
                expect += 1
    if len(numbers) < MIN_ROWS:
        return None
    first = numbers[0]
    head = run[:first]
    # header starts at the first short column-name cell (分类 / 指标名称 ...); cells
    # before it are the table's title
    h0 = next((k for k, c in enumerate(head) if len(c.text) <= 6 and _CATEGORY_HEAD.search(c.text)), None)
    if h0 is None:
        h0 = max((k for k, c in enumerate(head) if len(c.text) <= 8 and _INDICATOR_HEAD.search(c.text)), default=0)
    title_cells = head[:h0]
    header = [c.text for c in head[h0:]]
    has_category = bool(header) and bool(_CATEGORY_HEAD.search(header[0]))
    category_first = None
    if (has_category and len(header) >= 3 and not is_value(header[-1])
            and not re.search(vocab.lexicon_regex("table_header_value_words"), header[-1])):
        category_first = header.pop()
    title = "".join(c.text for c in title_cells) or None
    title_start = title_cells[0].start if title_cells else None
    if title is None and before is not None and len(before.text) <= 60 and not _SENT.search(before.text):
        title = before.text
        title_start = before.start
    ind_idx = next((k for k, h in enumerate(header) if _INDICATOR_HEAD.search(h)), 1 if has_category else 0)
    value_heads = [h for h in header[ind_idx + 1:]]
    unit_col = next((k for k, h in enumerate(value_heads) if re.fullmatch(r"(计量)?单位", h)), None)
    if unit_col is not None:
        value_heads.pop(unit_col)
    attr_col = next((k for k, h in enumerate(value_heads) if _ATTR_HEAD.search(h)), None)
    n_values = max(1, len(value_heads))
    attr_re = re.compile(f"^(?:{vocab.lexicon_regex('table_attribute_values')})$")

    def is_val(c: str) -> bool:
        return is_value(c) or (attr_col is not None and bool(attr_re.match(c)))

    columns = ((["分类"] if has_category else [])
               + ["序号", header[ind_idx] if ind_idx < len(header) else "指标", "单位"] + value_heads)
    rows: list[list[str | None]] = []
    category = category_first
    bounds = numbers + [len(run)]
    end = run[-1].end
    for r in range(len(numbers)):
        a, b = bounds[r], bounds[r + 1]
        if r == len(numbers) - 1:
            # the last row ends with its last value (or sub-row values): what follows
            # is the text after the table
            last_val = max((k for k in range(a + 1, b) if is_val(run[k].text)), default=a + 1)
            b = last_val + 1
            end = run[b - 1].end
        cells = [c.text for c in run[a:b]]
        number = cells[0]
        body = cells[1:]
        # trailing category for the next rows: a text cell right before the next number
        next_category = None
        if r + 1 < len(numbers) and has_category and body and not is_val(body[-1]) and len(body) >= 2:
            next_category = body.pop()
        indicator = body[0] if body else ""
        k = 1
        while k < len(body) and body[k].startswith(("（", "(")) and not is_value(body[k]):
            indicator += body[k]
            k += 1
        rest = body[k:]
        name, unit = split_unit(indicator)
        if unit_col is not None and rest and not re.match(r"^-?\d", rest[0]):
            # an explicit unit column: the cell after the indicator is the unit
            unit = rest[0]
            rest = rest[1:]
        groups: list[tuple[str | None, list[str]]] = []
        label: str | None = None
        vals: list[str] = []
        for cell in rest:
            if is_val(cell):
                vals.append(cell)
            else:
                if vals or label is not None:
                    groups.append((label, vals))
                label, vals = cell, []
        if vals or label is not None or not groups:
            groups.append((label, vals))
        for label, vals in groups:
            vals = vals[:n_values]
            padded: list[str | None] = [None] * (n_values - len(vals)) + list(vals)
            ind = name if label is None else f"{name}：{label}"
            row = ([category] if has_category else []) + [number, ind, unit] + padded
            rows.append(row)
        if next_category is not None:
            category = next_category
    start = title_start if title_start is not None else run[0].start
    return Table(title=title or "", columns=columns, rows=rows, start=start, end=end)

