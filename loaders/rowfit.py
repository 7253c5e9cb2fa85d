"""Flattened task tables whose header words are not in the lexicons: rebuilt by *row fit*.

``flattables`` recognises a flattened table by a header run of lexicon words (序号, 重点任务,
责任单位 …). Many task tables name their columns otherwise (工作事项 | 推进举措 | 承办单位 |
时间要求), or lost their header to an image: the header run is cut short or never found.
This module recognises them by their rows instead:

  * a run of serial-number lines ``1``, ``2``, ``3`` … (restarting under group rows) whose
    gaps repeat with a period: most rows have the same number N of cells;
  * the role of each of the N columns is inferred from its cells across the rows that have
    exactly N cells: deadline-like cells (``2025年底前``, ``持续推进``, ``长期``:
    ``table_deadline_cells.txt``), agency-like cells (names ending in agency suffixes, lists
    separated by 、), values, units, 约束性/预期性, or text (the task);
  * header words (the short lines right before row 1, when there are as many as columns)
    are extra evidence only: they name the columns, tell a text column's kind (说明/备注 is a
    description) and decide a column whose cells are ambiguous;
  * the table is accepted when the fit is consistent: a task column and a responsibility
    column, the responsibility column's cells agency-like in most rows (a task table), or a
    text column then value columns (an indicator table), and every row aligning to the
    columns at a low cost (the same shape-cost alignment as flattables).

Rows are then rebuilt by ``flattables.align`` (missing cells, cells wrapped over lines,
group rows between rows), so the structure pass turns each row into a measure with its
responsibility and deadline like any task table.
"""
from __future__ import annotations

import re

from model.document import Table, TableGroup
from ontology import responsibility, vocab

from . import flattables as ft

MIN_ROWS = 3
MAX_COLS = 8
MAX_GAP = 16                     # lines between two serial numbers
_SHARE = 0.6                     # share of a column's cells that must show a role's shape
_MAX_ROW_COST = 1.2              # mean alignment cost per row of an accepted table
_HEAD_MAX = 16
_GENERIC_CELL = 60               # a cell of a table of other kinds is short
_APPENDIX_LINE = re.compile(rf"^(?:{vocab.lexicon_regex('appendix_openers')})\s*[\d一二三四五六七八九十]{{0,2}}$")




def _deadline_cell(s: str) -> bool:
    """A deadline cell (2025年底前, 持续推进, 长期): a task text using 推进/完成 is none."""
    return ft.is_schedule(s)


_TOWNSHIP = re.compile(rf"(?:{vocab.lexicon_regex('table_agency_cell_endings')})$")


def _body(name: str, towns: bool = True) -> bool:
    return ft._agency_like(name) or (towns and len(name) <= 12 and bool(_TOWNSHIP.search(name)))


def _agency_cell(s: str, towns: bool = True) -> bool:
    """A responsibility cell: agency names (区建管委、各街道), or a clause of them
    (区建管委牵头，区房管局配合 / 区建管委（牵头）、区规划资源局)."""
    if ft.is_deadline(s) or "。" in s.rstrip("。"):
        return False
    parts = responsibility.split_names(s) or [x for x in re.split(r"[、，,；;]", s) if x]
    if parts and all(_body(p, towns) for p in parts):
        return True
    p = responsibility.parse(s, 0)
    names = p.lead + p.involved
    return bool(names) and all(_body(n, towns) for n in names)




def _serial(s: str) -> str | None:
    """The number of a serial-number cell (``3``, ``3.``, ``3、``, ``03``), else None."""
    return ft.serial_of(s)


def _serials(lines, i: int) -> list[int]:
    """Line indices of the serial numbers 1, 2, 3 … starting at line ``i`` (a ``1``)."""
    nums = [i]
    expect = 2
    q = i + 1
    n = len(lines)
    while q < n:
        s = _serial(lines[q][2]) or lines[q][2]
        if s == str(expect):
            nums.append(q)
            expect += 1
        elif s == "1" and expect > 2 and any(ft._GROUP_ROW.match(lines[x][2])
                                             for x in range(max(nums[-1] + 1, q - 2), q)):
            nums.append(q)               # numbering restarts under a group row
            expect = 2
        elif q - nums[-1] > MAX_GAP or (ft._is_header_cell(s) and ft._is_header_run(lines, q)):
            break
        q += 1
    return nums


def _column_role(cells: list[str]) -> tuple[str, float]:
    """The role a column's cells show, and how clearly (the share of cells of that shape)."""
    n = len(cells)
    shares = {
        "attribute": sum(ft.is_attribute(c) for c in cells) / n,
        "unit": sum(ft.is_unit(c) for c in cells) / n,
        "deadline": sum(_deadline_cell(c) for c in cells) / n,
        "responsible": sum(_agency_cell(c) for c in cells) / n,
        "target": sum(ft.is_value(c) for c in cells) / n,
        "kind": sum(ft.is_kind(c) for c in cells) / n,      # 制度类 / 出台文件: a task-type column
    }
    if sum(_agency_cell(c, towns=False) for c in cells) * 2 < n:
        shares["responsible"] = 0.0     # a column mostly of townships is a place (所在街镇), no body
    role, share = max(shares.items(), key=lambda kv: kv[1])
    if share >= _SHARE:
        return role, share
    return "text", 1.0 - share


def _header(lines, first: int, k: int, floor: int) -> tuple[list[str] | None, int, int | None] | None:
    """(column names after the number, index of the header's first line, group-row line) from
    the short lines before row 1; names None when they are not a header of ``k`` columns.
    None when the header has group columns before its 序号 (merged cells: flattables' shape)."""
    group_line = None
    p = first - 1
    if p >= floor and ft._GROUP_ROW.match(lines[p][2]) and not ft.header_role(lines[p][2]):
        group_line = p
        p -= 1
    elif p - 1 >= floor and ft._BARE_NUMERAL.match(lines[p - 1][2]) and not ft.header_role(lines[p][2]) \
            and not ft._INT.match(lines[p][2]):
        group_line = p - 1              # a group row over two lines: 一 / 强化源头管控
        p -= 2
    cand: list[int] = []
    while p >= floor and len(cand) < 3 * k + 3:
        s = lines[p][2]
        if len(ft._norm(s)) > _HEAD_MAX or ft._HEAD_STOP.search(s.strip("（）()")) or ft._INT.match(s):
            break
        cand.insert(0, p)
        p -= 1
    if any(ft.header_role(lines[x][2]) == "group" for x in cand):
        return None                     # 分类 / 指标类别: merged group cells, flattables' shape
    at = [j for j, x in enumerate(cand) if ft.header_role(lines[x][2]) == "number"]
    if at:
        j = at[-1]
        if j and ft.header_role(lines[cand[j - 1]][2]) == "group":
            return None
        after = [lines[x][2] for x in cand[j + 1:]]
        if len(after) == k:
            return after, cand[j], group_line
        if len(after) > k:
            hc = ft._spanned_columns(after, k) or ft._header_columns(after, k)
            if hc is not None:
                return hc[0], cand[j], group_line
        return None, first if group_line is None else group_line, group_line
    if len(cand) in (k, k + 1) and sum(1 for x in cand[-k:] if ft.header_role(lines[x][2])) * 2 >= k:
        return [lines[x][2] for x in cand[-k:]], cand[-k], group_line
    return None, first if group_line is None else group_line, group_line


def infer_roles(rows: list[list[str]], k: int, head: list[str] | None) -> list[str] | None:
    """Column roles of rows of ``k`` cells (after the number) from their content, the header
    names as extra evidence; None when the columns show no consistent task-table shape."""
    exact = [r for r in rows if len(r) == k]
    if len(exact) < 2:
        return None
    roles: list[str] = []
    for c in range(k):
        cells = [r[c] for r in exact]
        role, _ = _column_role(cells)
        named = ft.header_role(head[c]) if head else None
        if role == "text":
            # a text column whose header names a role its cells half show takes that role
            if named in ("responsible", "deadline"):
                share = sum((_agency_cell if named == "responsible" else _deadline_cell)(x) for x in cells) / len(cells)
                role = named if share >= 0.3 else "task"
            elif named in ("description", "indicator", "group"):
                role = named
            else:
                role = "task"
        elif role in ("unit", "target") and named in ("task", "description"):
            role = named
        elif role == "target" and named == "deadline":
            role = named                # 建设年限 over 2023-2025: years by shape, a schedule by name
        roles.append(role)
    for c, r in enumerate(roles):
        if r == "task" and sum(ft._agency_like(row[c]) for row in exact) * 2 >= len(exact):
            roles[c] = "other"          # names of bodies or sites (县体育中心), no task text
    if "task" in roles and "responsible" in roles:
        if roles.count("responsible") > 3 or roles.count("deadline") > 1:
            return None
        return roles
    return _indicator_roles(roles, head)


def _indicator_roles(roles: list[str], head: list[str] | None) -> list[str] | None:
    """An indicator table (a text column, then value columns with their unit and 属性): the
    first text column is the indicator, later ones descriptions; a value column is a baseline
    when its header says so (现状, 2020年基期), else a target. None for any other shape."""
    if "responsible" in roles or "deadline" in roles or roles[0] not in ("task", "indicator") or "target" not in roles:
        return _generic(roles)
    if not (head and any(r == "target" and (ft.header_role(h) in ft.VALUE_ROLES or ft.column_year(h))
                         for r, h in zip(roles, head))):
        # values under no indicator header (a list of sites with their areas): rows, not targets
        return _generic(roles)
    out: list[str] = []
    for j, r in enumerate(roles):
        named = ft.header_role(head[j]) if head else None
        if r in ("task", "indicator"):
            if "indicator" not in out:
                r = "indicator"
            else:
                r = named if named in ("description", "group") else "description"
        elif r == "target" and named == "baseline":
            r = "baseline"
        out.append(r)
    if out.count("indicator") != 1 or sum(1 for r in out if r in ft.VALUE_ROLES) > 6:
        return None
    return out


def _generic(roles: list[str]) -> list[str] | None:
    """Any other table of short cells (名称 | 地址 | 面积 …): every column ``other`` -- its rows are
    rebuilt, but they are neither measures nor targets."""
    return ["other"] * len(roles) if len(roles) >= 2 else None


def _names(roles: list[str], head: list[str] | None) -> list[str]:
    if head:
        return list(head)
    return ["" if r == "other" else vocab.lexicon("table_col_" + r)[0] for r in roles]


def find(text: str) -> list[Table]:
    """Every flattened task table of ``text`` found by its rows (see the module doc)."""
    lines = ft.table_lines(text)
    out: list[Table] = []
    i, n = 0, len(lines)
    floor = 0
    while i < n:
        if _serial(lines[i][2]) != "1":
            i += 1
            continue
        nums = _serials(lines, i)
        t = _fit(lines, nums, floor) if len(nums) >= MIN_ROWS else None
        if t is None:
            i += 1
            continue
        out.append(t)
        floor = i = ft._line_index(lines, t.end) + 1
    return out


def find_unnumbered(text: str, taken: list[tuple[int, int]]) -> list[Table]:
    """Task tables without serial numbers under a header of names outside the lexicons (工作事项 |
    承办部门 | 时间要求): a run of k short header lines, then cells that fall into rows of exactly k
    whose columns show a task, an agency and (or) a deadline in nearly every row. Stricter than
    the numbered fit: with no numbers to cut rows, a wrapped cell would shift them."""
    lines = ft.table_lines(text)
    out: list[Table] = []
    n = len(lines)
    i = 0
    while i < n:
        a = lines[i][0]
        if any(x <= a < y for x, y in taken) or not _head_line(lines[i][2]):
            i += 1
            continue
        t = None
        for k in range(3, MAX_COLS + 1):
            if i + k > n or not all(_head_line(lines[x][2]) for x in range(i, i + k)):
                break
            t = _fit_unnumbered(lines, i, k)
            if t is not None:
                break
        if t is None:
            i += 1
            continue
        out.append(t)
        i = ft._line_index(lines, t.end) + 1
    return out


def _head_line(s: str) -> bool:
    return 2 <= len(ft._norm(s)) <= 10 and not ft._HEAD_STOP.search(s) and not ft.is_value(s) \
        and not ft._NUMBERED.match(s)


def _fit_unnumbered(lines, h0: int, k: int) -> Table | None:
    head = [lines[x][2] for x in range(h0, h0 + k)]
    if not any(ft.header_role(h) for h in head):
        return None
    q = h0 + k
    cells: list[int] = []
    while q < len(lines) and len(lines[q][2]) <= 80 and not ft._STOP.match(lines[q][2]) \
            and not ft._NUMBERED.match(lines[q][2]):
        cells.append(q)
        q += 1
    rows = [[lines[x][2] for x in cells[r * k:(r + 1) * k]] for r in range(len(cells) // k)]
    if len(rows) < MIN_ROWS:
        return None
    roles = infer_roles(rows, k, head)
    if roles is None or "responsible" not in roles or roles[0] != "task":
        return None
    if not any(ft.header_role(h) == r for h, r in zip(head, roles)):
        return None                 # the header must name at least one column as its cells show it
    for c, r in enumerate(roles):
        if r in ("responsible", "deadline"):
            test = _agency_cell if r == "responsible" else _deadline_cell
            if sum(test(row[c]) for row in rows) < 0.9 * len(rows):
                return None
    # the table ends at its last full row whose responsibility cell is agency-like
    resp = roles.index("responsible")
    while rows and not _agency_cell(rows[-1][resp]):
        rows.pop()
    if len(rows) < MIN_ROWS:
        return None
    t = Table(title="", columns=list(head), rows=[], start=lines[h0][0], end=lines[cells[len(rows) * k - 1]][1],
              roles=list(roles))
    t.row_spans, t.cell_spans = [], []
    for ri, row in enumerate(rows):
        idx = cells[ri * k:(ri + 1) * k]
        t.rows.append(list(row))
        t.cell_spans.append([lines[x][:2] for x in idx])
        t.row_spans.append((lines[idx[0]][0], lines[idx[-1]][1]))
    ft._title(t, lines, h0)
    if t.title and _APPENDIX_LINE.match(t.title):
        t.title, t.start = "", lines[h0][0]
    return t


def _fit_right(lines, nums: list[int], rows_cells: list[list[str]], floor: int) -> Table | None:
    """Rows of no common width because the task cell runs over many lines (a 具体措施 cell of
    ``1.…`` ``2.…`` lines): the short columns at the row's end (责任单位, 完成时限) are read from the
    right, the task is every line before them. Taken when those end columns hold an agency (and a
    deadline) in nine rows of ten."""
    best = None
    for k in range(2, min(4, MAX_COLS) + 1):
        tail = k - 1
        rows = [[ft._join(r[:-tail], "task")] + r[-tail:] for r in rows_cells if len(r) >= k]
        if len(rows) < max(MIN_ROWS - 1, 0.9 * len(rows_cells)):
            continue
        hd = _header(lines, nums[0], k, floor)
        if hd is None:
            return None
        roles = infer_roles(rows, k, hd[0])
        if roles is None or roles[0] != "task" or "responsible" not in roles or "task" in roles[1:]:
            continue
        ok = all(sum((_agency_cell if r == "responsible" else _deadline_cell)(row[c]) for row in rows)
                 >= 0.9 * len(rows) for c, r in enumerate(roles) if r in ("responsible", "deadline"))
        if ok and all(r in ("responsible", "deadline") for r in roles[1:]):
            best = (k, roles, hd)
    if best is None:
        return None
    k, roles, (head, h0, group_line) = best
    tail = k - 1
    number_name = lines[h0][2] if head is not None and ft.header_role(lines[h0][2]) == "number" \
        else vocab.lexicon("table_col_number")[0]
    columns = [number_name] + _names(roles, head)
    t = Table(title="", columns=columns, rows=[], start=lines[h0][0], end=lines[h0][1], roles=["number"] + roles)
    t.row_spans, t.cell_spans = [], []
    if group_line is not None:
        t.groups.append(TableGroup(label=" ".join(lines[x][2] for x in range(group_line, nums[0])), first_row=0))
    # the last row: its end columns are the last lines that still read as them
    last = nums[-1]
    stop = last + 1
    while stop < len(lines) and stop - last <= 40 and not ft._STOP.match(lines[stop][2]) \
            and _serial(lines[stop][2]) is None:
        stop += 1
    bounds = list(zip(nums, nums[1:] + [stop]))
    for r, (a, b) in enumerate(bounds):
        idx = list(range(a + 1, b))
        if r + 1 == len(bounds):
            resp = roles.index("responsible")
            # cut after the first run of end cells that read as agency (and deadline)
            for e in range(len(idx), tail, -1):
                cand = [lines[x][2] for x in idx[e - tail:e]]
                if _agency_cell(cand[resp - 1]) and all(
                        _deadline_cell(cand[c - 1]) for c, rr in enumerate(roles) if rr == "deadline"):
                    idx = idx[:e]
                    break
            else:
                break
        if len(idx) < k:
            continue
        lead, end_cells = idx[:-tail], idx[-tail:]
        row: list[str | None] = [lines[a][2], ft._join([lines[x][2] for x in lead], "task")]
        spans: list[tuple[int, int] | None] = [lines[a][:2], (lines[lead[0]][0], lines[lead[-1]][1])]
        for x in end_cells:
            row.append(lines[x][2])
            spans.append(lines[x][:2])
        t.rows.append(row)
        t.cell_spans.append(spans)
        t.row_spans.append((lines[a][0], lines[idx[-1]][1]))
        t.end = lines[idx[-1]][1]
    if len(t.rows) < MIN_ROWS:
        return None
    ft._title(t, lines, h0)
    if t.title and _APPENDIX_LINE.match(t.title):
        t.title, t.start = "", lines[h0][0]
    return t


def _fit(lines, nums: list[int], floor: int) -> Table | None:
    n = len(lines)
    rows_cells = [[lines[x][2] for x in range(nums[r] + 1, nums[r + 1])] for r in range(len(nums) - 1)]
    counts = [len(c) for c in rows_cells]
    k = ft._mode(counts, 0)
    # the period: most rows have k cells, the others a missing or a wrapped cell or two
    near = sum(1 for c in counts if k - 1 <= c <= k + 3)
    if not 2 <= k <= MAX_COLS or counts.count(k) < max(2, 0.3 * len(counts)) or near < 0.8 * len(counts):
        return _fit_right(lines, nums, rows_cells, floor)
    hd = _header(lines, nums[0], k, floor)
    if hd is None:
        return None
    merged = False
    if hd[0] is None:
        # more column names than most rows have cells: merged cells (a 重点任务 or 责任单位 written
        # once for the rows it spans); the rows written in full give the roles
        for wide_k in range(k + 1, min(k + 2, MAX_COLS) + 1):
            wide = _header(lines, nums[0], wide_k, floor)
            if wide is not None and wide[0] is not None and counts.count(wide_k) >= 2:
                hd, k, merged = wide, wide_k, True
                break
    head, h0, group_line = hd
    roles = infer_roles(rows_cells, k, head)
    if roles is None or (merged and "responsible" not in roles):
        return None
    if set(roles) == {"other"}:
        exact = [c for r in rows_cells if len(r) == k for c in r]
        if counts.count(k) < 0.6 * len(counts) or max(len(c) for c in exact) > _GENERIC_CELL \
                or sum(c.endswith("。") for c in exact) > 0.2 * len(exact):
            return None
    carry = ft.carried_columns(roles)
    if merged:
        last_task = max(j for j, r in enumerate(roles) if r == "task")
        # a merged cell is carried down (the deadline is each row's own)
        carry = {j for j in range(k) if j != last_task and roles[j] != "deadline"}
    # merged cells the rows' cell-count deficit shows (a 责任单位 written once for a run of rows)
    mc = ft.merged_columns(rows_cells, roles, carry)
    carry = carry | mc
    costs = [ft.align(c, roles, True, carried=carry, merged=mc)[0] for c in rows_cells]
    prof = ft.profile(rows_cells, roles, carry)
    if sum(costs) / len(costs) > _MAX_ROW_COST:
        return None
    # the last row: up to the first line that cannot be a cell of it
    last = nums[-1]
    stop = last + 1
    while stop < n and stop - last <= k + 3 and not ft._STOP.match(lines[stop][2]) and not (
            ft._is_header_cell(lines[stop][2]) and ft._is_header_run(lines, stop)):
        stop += 1
    number_name = vocab.lexicon("table_col_number")[0]
    if head is not None and h0 < nums[0] and ft.header_role(lines[h0][2]) == "number":
        number_name = lines[h0][2]
    columns = [number_name] + _names(roles, head)
    all_roles = ["number"] + roles
    t = Table(title="", columns=columns, rows=[], start=lines[h0][0], end=lines[h0][1], roles=all_roles)
    t.row_spans, t.cell_spans = [], []
    t.target_years = [ft.column_year(c) for c, r in zip(columns, all_roles) if r == "target"]
    if group_line is not None:
        t.groups.append(TableGroup(label=" ".join(lines[x][2] for x in range(group_line, nums[0])), first_row=0))
    last_seen: dict[int, str] = {}
    last_span: dict[int, tuple[int, int]] = {}
    resp_first = roles.index("responsible") if "responsible" in roles else None
    end = lines[nums[0]][1]
    for r, a in enumerate(nums):
        b = nums[r + 1] if r + 1 < len(nums) else stop
        idx = list(range(a + 1, b))
        cells = [lines[x][2] for x in idx]
        if r + 1 == len(nums):
            best = None
            for m in range(len(cells), max(0, len(cells) - 4) - 1, -1):
                c, cl, tl = ft.align(cells[:m], roles, False, carried=carry, prof=prof, merged=mc)
                c += 0.05 * (len(cells) - m)
                if best is None or c < best[0] - 1e-9:
                    best = (c, cl, tl, m)
            if best is None:
                break
            _, cl, tl, m = best
            idx, cells = idx[:m], cells[:m]
        else:
            _, cl, tl = ft.align(cells, roles, True, carried=carry, prof=prof, merged=mc)
        row: list[str | None] = [lines[a][2]]
        spans: list[tuple[int, int] | None] = [lines[a][:2]]
        own: list[tuple[int, int]] = [lines[a][:2]]
        for j, col in enumerate(cl):
            if col:
                row.append(ft._join([cells[c] for c in col], roles[j]))
                sp = (lines[idx[col[0]]][0], lines[idx[col[-1]]][1])
                spans.append(sp)
                own.append(sp)
                last_seen[j] = row[-1] or ""
                last_span[j] = sp
            else:
                # a row without its (first) 责任单位 cell in the group of the row above: the cell is
                # merged over both rows (as flattables reads it)
                resp_merged = j == resp_first and j in last_seen and not any(g.first_row == r for g in t.groups)
                kept = j in carry or resp_merged
                row.append(last_seen.get(j) if kept else None)
                # a merged 责任单位 cell: its span is where it is written (the quote of the agency link)
                spans.append(last_span.get(j) if kept and roles[j] == "responsible" else None)
        t.rows.append(row)
        t.cell_spans.append(spans)
        used = own
        t.row_spans.append((used[0][0], used[-1][1]))
        end = max(end, used[-1][1])
        if tl:
            t.groups.append(TableGroup(label=" ".join(cells[c] for c in tl), first_row=r + 1))
    # a 合计/总计 row right after the last row: one more row of the table (a total row), not text
    end = ft._total_row(t, lines, end, ft.value_columns(rows_cells, list(roles)), 0, k, n)
    t.end = end
    ft._title(t, lines, h0)
    if t.title and _APPENDIX_LINE.match(t.title):
        t.title, t.start = "", lines[h0][0]          # 附件 / 附件2 opens the appendix, no caption
    return t
