"""Indicator tables (分类 / 序号 / 指标 / 单位 / 基期 / 目标 / 属性) -> TargetFacts with baseline and target.

Column roles come from header words, not positions, because every plan lays its table out
differently; a year column at or before the plan's start is the baseline, a later year or a
目标 column the target.
"""
from __future__ import annotations

import re

from model.document import ParsedDocument, Table
from ontology import vocab
from ontology.mapping.quantity import scan
from ontology.mapping.target_kind import coverage_pattern
from ontology.mapping.targets import NUM, TargetFact
from ontology.mapping.text import Span
from ontology.mapping.units import split_unit_suffix, to_float


def _cell_comparators() -> dict[str, str]:
    return vocab.lexicon_map("target_table_cell_comparators", " = ", last=True)


_AFTER_WORDS = "|".join(vocab.lexicon_regex(n) for n in (
    "target_comparator_ge_after", "target_comparator_le_after", "target_comparator_approx_after"))
_VALUE = re.compile(
    rf"^\s*(?P<pre>{'|'.join(re.escape(w) for w in sorted(_cell_comparators(), key=len, reverse=True))})?\s*"
    rf"(?:(?P<r1>{NUM})\s*[:：]\s*(?P<r2>{NUM})|(?P<v1>{NUM})\s*(?:[—\-–~～至]\s*(?P<v2>{NUM}))?)\s*"
    rf"(?P<unit>%|％|‰)?\s*(?P<post>{_AFTER_WORDS})?")


def _has(c: str, lexicon: str) -> bool:
    return vocab.any_phrase_in(vocab.lexicon_automaton(lexicon), c)


def _score_column(columns: list[str], i: int) -> bool:
    return i < len(columns) and _has(columns[i] or "", "target_table_score_columns")


def column_roles(columns: list[str], period_start: int | None, period_end: int | None) -> dict[str, int]:
    """Column roles from header words (lexicons target_table_*), for tables the loader gave no roles."""
    roles: dict[str, int] = {}
    for i, c in enumerate(columns):
        c = (c or "").strip()
        if _has(c, "target_table_score_columns"):
            continue  # 权重（%）, 分值: how the row is scored, not a value of it
        y = re.search(r"(?:19|20)\d\d", c)
        early = bool(y and period_start and int(y.group(0)) < period_start and not _has(c, "target_table_target_words"))
        if _has(c, "target_table_attribute_words"):
            roles.setdefault("attribute", i)
        elif y and not (_has(c, "target_table_unit_words") or _has(c, "target_table_number_words")):
            # A column named for a year holds values, whatever its group label says
            # (指标值 2023年, 目标值 2025年, 2020年基期值).
            roles.setdefault("baseline" if _has(c, "target_table_baseline_words") or early else "target", i)
        elif _has(c, "target_table_unit_words"):
            roles.setdefault("unit", i)
        elif _has(c, "target_table_number_words") or c in ("编号", "No", "No."):
            roles.setdefault("number", i)
        elif _has(c, "target_table_indicator_words"):
            roles.setdefault("indicator", i)
        elif _has(c, "target_table_category_words"):
            roles.setdefault("category", i)
        elif _has(c, "target_table_baseline_words") or early:
            roles.setdefault("baseline", i)
        elif _has(c, "target_table_target_words") or (y and (period_start is None or int(y.group(0)) >= period_start)):
            roles.setdefault("target", i)
    return roles


def target_columns(columns: list[str], roles: dict[str, int], period_start: int | None) -> list[int]:
    """Every target column: a table may give several target years (目标值 over 2023年 / 2025年)."""
    if "target" not in roles:
        return []
    out = [roles["target"]]
    for i, c in enumerate(columns):
        if i in out or i in roles.values():
            continue
        y = _year(c)
        if y and (period_start is None or y >= period_start) and not _has(c or "", "target_table_not_target_words") \
                and not _has(c or "", "target_table_score_columns"):
            out.append(i)
    return out


_EMPTY_CELL = {"/", "—", "-", "——", "–", "无", "\\"}


def is_qualitative(cell: str | None) -> bool:
    """A target cell that states a goal in words (完成市下达目标, 与全省保持同步, 高于全省平均水平, 明显提升,
    动态调整): no amount in it, and not an empty mark."""
    c = (cell or "").strip()
    return bool(c) and c not in _EMPTY_CELL and parse_value(c)[0] is None and bool(re.search(r"[\u4e00-\u9fff]{2}", c))


def coverage_cell(cell: str | None) -> bool:
    """A target cell that is a coverage goal (全覆盖, 行政村全覆盖, 基本实现全覆盖; target_coverage_words) with no
    amount of its own."""
    c = (cell or "").strip()
    return bool(c) and len(c) <= 16 and coverage_pattern().search(c) is not None and not re.search(r"\d", c)


def parse_value(cell: str | None) -> tuple[float | None, float | None, str | None, str | None]:
    """(value, value_max, comparator, unit from the cell) of a table cell such as 3.5以内, >99, 1:1.23, 80%,
    ＞87, 5分钟覆盖区超80% (the last amount of a cell whose words qualify it)."""
    if not cell:
        return None, None, None, None
    c = cell.strip().translate(_HALF)
    inner = _CUMULATIVE_CELL.match(c)
    if inner:
        c = inner.group(1)  # 〔3000〕: a five-year cumulative value (the change type is read from the cell)
    if coverage_cell(c):
        return 100.0, None, "=", "%"  # 全覆盖, 行政村全覆盖: a coverage of 100%
    m = _VALUE.match(c)
    if not m:
        return _worded_value(c)
    if c[m.end():].strip():  # 10分钟覆盖区超95%: words after the first number qualify a later amount
        worded = _worded_value(c)
        if worded[0] is not None:
            return worded
    if m.group("r1"):
        a, b = to_float(m.group("r1")), to_float(m.group("r2"))
        return (b if a == 1 else (a if b == 1 else round(b / a, 6))), None, "=", "ratio"
    v = to_float(m.group("v1"))
    vmax = to_float(m.group("v2")) if m.group("v2") else None
    pre, post = m.group("pre") or "", m.group("post") or ""
    after = {**{w: ">=" for w in vocab.lexicon("target_comparator_ge_after")},
             **{w: "<=" for w in vocab.lexicon("target_comparator_le_after")},
             **{w: "approx" for w in vocab.lexicon("target_comparator_approx_after")}}
    comp = "range" if vmax is not None else (_cell_comparators().get(pre) or after.get(post) or "=")
    return v, vmax, comp, m.group("unit")


_HALF = str.maketrans("＞＜≧≦", "><≥≤")
_GROWTH_HEADER = re.compile(vocab.lexicon_regex("target_table_growth_headers"))
_CUMULATIVE_CELL = re.compile(r"^[〔\[［]\s*(.+?)\s*[〕\]］]$")


def _worded_value(c: str) -> tuple[float | None, float | None, str | None, str | None]:
    """5分钟覆盖区超80%, 约350: the amount the quantity grammar finds last in the cell, its comparator
    from the words before it."""
    from ontology.mapping.targets import _comparator
    qs = [q for q in scan(c) if q.v1 is not None and (q.u1 or q.u2 or c[q.end():q.end() + 1] in ("%", "％"))]
    if not qs:
        return None, None, None, None
    q = qs[-1]
    unit = q.u2 or q.u1
    if unit in vocab.lexicon("target_noise_deadline_units") + ("分钟",) and len(qs) > 1:
        return None, None, None, None
    assert q.v1 is not None  # kept above
    v = to_float(q.v1)
    vmax = to_float(q.v2) if q.v2 else None
    return v, vmax, _comparator(c[:q.start()], c[q.end():], vmax is not None, q.approx), unit


def _growth_columns(columns: list[str], given: list[str | None]) -> list[int]:
    """Columns of the change over the period (年均增长（%）, 累计增长: target_table_growth_headers) that the
    loader gave no value role: their cells are targets of the row's indicator (the header names the change)."""
    return [i for i, c in enumerate(columns)
            if (i >= len(given) or given[i] in (None, "other")) and _GROWTH_HEADER.search(c or "")
            and not _year(c) and not _score_column(columns, i)]


def _year(c: str | None) -> int | None:
    m = re.search(r"(?:19|20)\d\d", c or "")
    return int(m.group(0)) if m else None


_NORM_COLUMN = re.compile(rf"^\s*(?:{vocab.lexicon_regex('target_table_norm_columns')})"
                          r"\s*(?:[（(][^（）()]*[）)])?\s*$")


def _norm_column(columns: list[str], taken: set[int]) -> int | None:
    """The column of required levels of a table of norms (技术要求, 标准值, 限值: target_table_norm_columns)."""
    for i, c in enumerate(columns):
        if i not in taken and _NORM_COLUMN.match(c or ""):
            return i
    return None


_GOAL_CELL = re.compile(rf"^\s*(?:{vocab.lexicon_regex('target_table_goal_cells')})")


def _goal_column(table: Table, roles: dict[str, int], col: int) -> bool:
    """A column of required levels (指标要求) in a plan's indicator table holds its targets: the table has an
    attribute column (预期性/约束性), or most of its filled cells open with a verb of change or aiming
    (增长5.5%, 达到90%以上: target_table_goal_cells)."""
    if "attribute" in roles:
        return True
    cells = [str(r[col]).strip() for r in table.rows if col < len(r) and r[col] and str(r[col]).strip()]
    return bool(cells) and 2 * sum(1 for c in cells if _GOAL_CELL.match(c)) > len(cells)


def table_facts(doc: ParsedDocument, table: Table, norm: bool = False) -> list[TargetFact]:
    """Targets of an indicator table; in a table of norms (a 技术要求 / 标准值 column in place of a target column,
    or a table inside a norm section: ``norm``) the values are norms (kind standard, no year)."""
    facts, norm_table = _table_facts(doc, table)
    if norm or norm_table:
        for f in facts:
            if f.kind in ("target", "qualitative") and f.year_source != "table_header":
                f.kind, f.year, f.year_source = ("standard" if f.value is not None else f.kind), None, "none"
    return facts


def _table_facts(doc: ParsedDocument, table: Table) -> tuple[list[TargetFact], bool]:
    """(facts, whether a norm column stood in for the target column)."""
    meta = doc.meta
    given = getattr(table, "roles", None)
    if given:
        # the loader's column roles (loaders/flattables.py): the first column of each role, every target column
        roles: dict[str, int] = {}
        for i, r in enumerate(given):
            if r:
                roles.setdefault(r, i)
        # a 权重 / 分值 column scores the row (target_table_score_columns): its cells are no targets
        targets = [i for i, r in enumerate(given) if r == "target" and not _score_column(table.columns, i)]
        years = list(getattr(table, "target_years", None) or [])
        col_year = {c: (years[k] if k < len(years) else None) or _year(table.columns[c]) for k, c in enumerate(targets)}
        # a "target" column for a year before the plan's period is its baseline (2020 | 2025年目标 in a 2021-2025 plan)
        for c in list(targets):
            y = col_year.get(c)
            if meta.period_start and y and y < meta.period_start and len(targets) > 1:
                targets.remove(c)
                if "baseline" not in roles or roles["baseline"] > c:
                    roles["baseline"] = c
        if targets:
            roles["target"] = targets[0]
        extra_cols = targets[1:] + [i for i in _growth_columns(table.columns, given) if i not in targets]
        if targets:
            # 2026年 | 2027年 | 2028年 | 合计: a total column after the yearly ones holds the sum over them
            extra_cols += [i for i, r in enumerate(given) if r in (None, "other") and i > targets[-1]
                           and i not in extra_cols and is_total_label(table.columns[i])]
        if "indicator" not in roles and targets:
            name_col = _name_column(table, given, targets[0])
            if name_col is not None:
                roles["indicator"] = name_col
    else:
        roles = column_roles(table.columns, meta.period_start, meta.period_end)
        extra_cols = target_columns(table.columns, roles, meta.period_start)[1:]
        extra_cols += [i for i in _growth_columns(table.columns, [None] * len(table.columns))
                       if i not in extra_cols and i not in roles.values()]
        col_year = {c: _year(table.columns[c]) for c in extra_cols}
        if "target" in roles:
            col_year[roles["target"]] = _year(table.columns[roles["target"]])
    taken = {i for r, i in roles.items() if r != "other"}
    norm_col = None if "target" in roles else _norm_column(table.columns, taken)
    if "target" in roles and not extra_cols and roles["target"] < len(table.columns) \
            and _NORM_COLUMN.match(table.columns[roles["target"]] or ""):
        norm_col = roles["target"]  # 项目 | 单位 | 参考值: a value column the loader reads as a target holds norms
    if norm_col is not None and "indicator" not in roles:
        # 项目 | 单位 | 标准值 left without roles: the header words name the others too
        for r, i in column_roles(table.columns, meta.period_start, meta.period_end).items():
            if i != norm_col and r in ("indicator", "unit", "number", "category"):
                roles[r] = i
    if norm_col is not None and "indicator" in roles:
        roles["target"] = norm_col  # 指标 | 单位 | 技术要求: the required levels stand where targets would
        extra_cols = [c for c in extra_cols if c != norm_col]
        col_year.pop(norm_col, None)
    if "indicator" not in roles and _year_keyed(table):
        return _year_row_facts(doc, table), False
    if "indicator" not in roles or ("target" not in roles and "baseline" not in roles):
        return _total_row_facts(doc, table), False
    # a 合计 / 总计 column beside yearly target columns: the sum over the years, for the last of them
    totals = {c for c in [roles.get("target"), *extra_cols]
              if c is not None and c < len(table.columns) and is_total_label(table.columns[c]) and not col_year.get(c)}
    last_year = max([y for y in col_year.values() if y] + ([meta.period_end] if meta.period_end else []), default=None)
    for c in totals:
        col_year[c] = last_year
    base_year = _year(table.columns[roles["baseline"]]) if "baseline" in roles else None
    target_year = col_year.get(roles["target"]) if "target" in roles else None
    facts: list[TargetFact] = []
    cursor = table.start
    table_unit = _table_unit(doc, table)
    for row in _expanded(table.rows, roles):
        def cell(role: str, row: list[str | None] = row) -> str | None:
            return row[roles[role]] if role in roles and roles[role] < len(row) else None
        raw_name = (cell("indicator") or "").strip()
        if is_total_label(raw_name):
            raw_name = _total_name(table, roles, row)  # 合计 names no indicator: the row's subject or the column's
        if not raw_name:
            continue
        target_cell = cell("target")
        raw_name, target_cell = _split_compound(raw_name, target_cell)
        if parse_value(target_cell)[0] is None and not is_qualitative(target_cell):
            # 2030年 — | 年均增长 与经济增长同步: the goal in words stands in the growth column
            target_cell = next((row[c] for c in extra_cols if c < len(row) and _GROWTH_HEADER.search(
                table.columns[c] or "") and is_qualitative(row[c])), target_cell)
        name, unit = split_unit_suffix(raw_name)
        unit_cell = cell("unit")
        if unit_cell and unit_cell.strip() not in _EMPTY_CELL:
            unit = unit_cell.strip().strip("()（）")
        tv, tmax, tcomp, tunit = parse_value(target_cell)
        bv, _, _, bunit = parse_value(cell("baseline"))
        if tv is None and is_qualitative(target_cell) and bv is not None:
            # 动态调整 / 完成市考核要求 beside a baseline value: the goal is qualitative, the baseline stays below
            facts.append(TargetFact(indicator_text=name, value=None, unit=None, comparator=None, kind="qualitative",
                                    quote=_locate(doc, table, name, row, cursor), year=target_year or meta.period_end,
                                    year_source="table_header" if target_year else (
                                        "plan_period" if meta.period_end else "none"),
                                    extra={"statement": (target_cell or "").strip()}))
        if tv is None and bv is None:
            if is_qualitative(target_cell):
                quote = _locate(doc, table, name, row, cursor)
                facts.append(TargetFact(indicator_text=name, value=None, unit=None, comparator=None, kind="qualitative",
                                        quote=quote, year=target_year or meta.period_end,
                                        year_source="table_header" if target_year else (
                                            "plan_period" if meta.period_end else "none"),
                                        extra={"statement": (target_cell or "").strip()}))
            continue
        if tunit and tunit != unit and re.search(r"[\u4e00-\u9fff]", target_cell or ""):
            unit = tunit  # 5分钟覆盖区超80% under a 分钟 unit column: the cell says its own unit
        unit = unit or tunit or bunit or table_unit
        if unit == "％":
            unit = "%"
        unit = _with_multiplier(name, unit)
        attr_cell = cell("attribute") or ""
        attribute = "binding" if "约束" in attr_cell else ("expected" if "预期" in attr_cell else None)
        quote = _locate(doc, table, name, row, cursor)
        cursor = quote.end if quote.end > cursor else cursor
        change = "cumulative" if "累计" in raw_name or _CUMULATIVE_CELL.match((target_cell or "").strip()) else (
            "annual_average" if "年均" in raw_name else None)
        cov = coverage_cell(target_cell)
        facts.append(TargetFact(
            indicator_text=name if not cov or name.endswith("率") else f"{name}覆盖率",
            value=tv, unit=unit if unit in vocab.units() or unit == "ratio" or unit else None, comparator=tcomp,
            kind=("coverage" if cov else "target") if tv is not None else "baseline", quote=quote, value_max=tmax,
            year=(target_year or meta.period_end) if tv is not None else base_year,
            year_source=("table_header" if target_year else ("plan_period" if meta.period_end else "none"))
            if tv is not None else ("table_header" if base_year else "none"),
            baseline_value=bv, baseline_year=base_year if bv is not None else None,
            attribute=attribute, change_type=change,
        ))
        name_at = roles.get("indicator", 0)
        for col in extra_cols:
            xv, xmax, xcomp, xunit = parse_value(row[col] if col < len(row) else None)
            if xv is None:
                if col_year.get(col) and is_qualitative(row[col] if col < len(row) else None) \
                        and not _GROWTH_HEADER.search(table.columns[col] or ""):
                    # 2027年 55 | 2030年 高于全省平均水平: a later column's goal in words, for its own year
                    facts.append(TargetFact(indicator_text=name, value=None, unit=None, comparator=None,
                                            kind="qualitative", quote=_cell_quote(doc, quote, row, col, name_at),
                                            year=col_year[col],
                                            year_source="table_header", attribute=attribute,
                                            extra={"statement": (row[col] or "").strip()}))
                continue
            growth = _GROWTH_HEADER.search(table.columns[col] or "")
            if growth and not col_year.get(col):
                # 年均增长（%）: the change over the period, in the header's unit, for the target column's year
                head, head_unit = split_unit_suffix(table.columns[col] or "")
                gy = target_year or meta.period_end
                if _CUMULATIVE_CELL.match((row[col] or "").strip()) and "年均" in growth.group(0):
                    # 年均增长〔累计〕 | 〔6.5〕: a bracketed cell is the change over the whole period, in the row's own
                    # unit (百分点 for a rate), not a yearly growth in %
                    row_unit = facts[-1].unit if facts else unit
                    facts.append(TargetFact(
                        indicator_text=f"{name}{growth.group(0).replace('年均', '累计')}", value=xv,
                        unit="百分点" if row_unit in ("%", "％") else (row_unit or xunit), comparator=xcomp,
                        kind="target", quote=quote, value_max=xmax, year=gy,
                        year_source="table_header" if target_year else ("plan_period" if gy else "none"),
                        attribute=attribute, change_type="cumulative"))
                    continue
                facts.append(TargetFact(
                    indicator_text=f"{name}{growth.group(0)}", value=xv, unit=head_unit or xunit or "%",
                    comparator=xcomp,
                    kind="target", quote=quote, value_max=xmax, year=gy,
                    year_source="table_header" if target_year else ("plan_period" if gy else "none"),
                    attribute=attribute, change_type="annual_average" if "年均" in head else change,
                ))
                continue
            xcov = coverage_cell(row[col] if col < len(row) else None)
            facts.append(TargetFact(
                indicator_text=name, value=xv, unit="%" if xcov else facts[-1].unit, comparator=xcomp,
                kind="coverage" if xcov else "target", quote=_cell_quote(doc, quote, row, col, name_at),
                value_max=xmax, year=col_year.get(col), year_source="table_header", baseline_value=bv,
                baseline_year=base_year if bv is not None else None, attribute=attribute,
                change_type="cumulative" if col in totals else change,
            ))
    return facts, norm_col is not None and not _goal_column(table, roles, norm_col)


_UNIT_LINE = re.compile(rf"^[（(]?\s*(?:{vocab.lexicon_regex('target_table_unit_words')})\s*[：:]\s*"
                        r"([^，,、；;（）()]{1,10}?)\s*[）)]?$")


def _table_unit(doc: ParsedDocument, table: Table) -> str | None:
    """The unit a table states once for all its cells, on a line of its own by the caption (单位：万平方米,
    （单位：亿元）; the word: target_table_unit_words): the table's title or one of the lines just before its header,
    when units.csv knows the unit."""
    head = doc.text[max(0, table.start - 80):table.start].split("\n")[-4:]
    for line in [table.title or "", *reversed(head)]:
        m = _UNIT_LINE.match(line.strip())
        if m and vocab.unit(m.group(1).strip()) is not None:
            return m.group(1).strip()
    return None


def _name_column(table: Table, given: list[str | None], first_target: int) -> int | None:
    """The column naming each row when the loader gave none the indicator role (考核内容, 任务类别 read as
    other or kind): in a table of no tasks (no task, responsibility, description or deadline column), the first
    such column before the targets whose cells are short names (no amounts, no sentence marks), one per row."""
    if any(r in ("task", "responsible", "description", "deadline") for r in given):
        return None
    for i in range(min(first_target, len(given))):
        if given[i] not in (None, "other", "kind"):
            continue
        cells = [(r[i] or "").strip() for r in table.rows if i < len(r)]
        filled = [c for c in cells if c]
        if len(filled) < 2 or len(filled) < len(cells) or len(set(filled)) < len(filled):
            continue
        if all(len(c) <= 30 and re.search(r"[\u4e00-\u9fff]{2}", c) and not re.search(r"[。；;，,]", c)
               and parse_value(c)[0] is None for c in filled):
            return i
    return None


def _expanded(rows: list[list[str | None]], roles: dict[str, int]):
    """Rows whose target cell lists sub-indicators with their values (新一代信息技术：1300亿元；高端装备制造：1200亿元)
    become one row per sub-indicator (千亿产业集群规模：新一代信息技术 | 1300亿元)."""
    ti, ii = roles.get("target"), roles.get("indicator")
    for row in rows:
        cell = row[ti] if ti is not None and ti < len(row) else None
        parts = [p.strip() for p in re.split(r"[；;\n]", cell or "") if p.strip()]
        pairs = [re.split(r"[：:]", p, maxsplit=1) for p in parts]
        if ii is None or ti is None or len(parts) < 2 or \
                not all(len(x) == 2 and parse_value(x[1])[0] is not None for x in pairs):
            clauses = [p.strip() for p in re.split(r"[，,；;]", cell or "") if p.strip()]
            if ii is not None and ti is not None and len(clauses) >= 2 \
                    and all(parse_value(c)[0] is not None for c in clauses):
                # 所有村均达到20万元以上，50万元以上的村占比超过30%: one target per clause, the first the row's own,
                # a later one named by its own words before its amount
                for k, c in enumerate(clauses):
                    sub = list(row)
                    own = _clause_name(c) if k else ""
                    sub[ii] = f"{(row[ii] or '').strip()}{own}"
                    sub[ti] = c
                    yield sub
                continue
            yield row
            continue
        for label, value in pairs:
            sub = list(row)
            sub[ii] = f"{(row[ii] or '').strip()}：{label.strip()}"
            sub[ti] = value.strip()
            yield sub


def _clause_name(clause: str) -> str:
    """The words of a target-cell clause before its last amount, without a comparator (50万元以上的村占比超过30% ->
    50万元以上的村占比); "" when they are only a comparator or a lead (均达到)."""
    from ontology.mapping import naming
    qs = [q for q in scan(clause) if q.v1 is not None]
    if not qs:
        return ""
    head = clause[: qs[-1].start()]
    head = re.sub(rf"(?:{_CELL_LEAD_WORDS})+\s*$", "", head).strip()
    head = naming.strip_lead(head)
    return head if len(head) >= 2 and re.search(r"[\u4e00-\u9fff]{2}", head) else ""


_CELL_LEAD_WORDS = "|".join(vocab.lexicon_regex(n) for n in (
    "naming_comparator_verbs", "target_comparator_ge_before", "target_comparator_gt_before",
    "target_comparator_le_before", "target_comparator_lt_before", "target_comparator_approx_before"))


def _split_compound(name: str, target: str | None) -> tuple[str, str | None]:
    """Cells the flattening joined: 指标：约束性 (the attribute), 千亿产业集群规模：新一代信息技术：1300亿元
    (a sub-indicator with its value), 年均增速：高于全市平均水平 (the target cell written into the name cell)."""
    parts = [p.strip() for p in re.split(r"[：:]", name) if p.strip()]
    while len(parts) > 1 and parts[-1] in ("约束性", "预期性"):
        parts.pop()
    if len(parts) > 1 and not (target or "").strip() or (target or "").strip() in ("约束性", "预期性"):
        last = parts[-1]
        if parse_value(last)[0] is not None or is_qualitative(last) and len(parts) > 1:
            return "：".join(parts[:-1]), last
    return "：".join(parts), target


def _locate(doc: ParsedDocument, table: Table, name: str, row: list, cursor: int) -> Span:
    """The row's span in the text: from its indicator name (or the longest piece of it the text
    has, for names the parser joined, e.g. 入学率：学前段) through its value cells."""
    text = doc.text
    lo = max(table.start, min(cursor, table.end))
    i, found = -1, name
    cands = [name] + sorted((p for p in re.split(r"[：:（）()]", name) if len(p) >= 2), key=len, reverse=True)
    for start in (lo, table.start):
        for cand in cands:
            i = text.find(cand, start, table.end)
            if i >= 0:
                found = cand
                break
        if i >= 0:
            break
    if i < 0:
        return Span(text[table.start:table.end], table.start, table.end)
    end = i + len(found)
    for c in row:
        c = str(c).strip() if c else ""
        if not c or c == found:
            continue
        j = text.find(c, end, min(table.end, end + 24))
        if j >= 0:
            end = j + len(c)
    return Span(text[i:end], i, end)


def _cell_quote(doc: ParsedDocument, quote: Span, row: list, col: int, first: int) -> Span:
    """The row's quote up to the cell of column ``col`` (2028年 100 | 2030年 100: each year's target quotes
    its own cell, so that equal values of two years stay two facts); the row's quote where the cell is not found."""
    text = doc.text
    pos = quote.start
    for k, c in enumerate(row):
        c = str(c).strip() if c else ""
        if k < first or not c:
            continue  # the group and number cells stand before the name, where the quote starts
        j = text.find(c, pos, quote.end)
        if j < 0:
            continue
        pos = j + len(c)
        if k == col:
            return Span(text[quote.start:pos], quote.start, pos)
    return quote


def _with_multiplier(name: str, unit: str | None) -> str | None:
    """A unit column of 万 / 亿 alone: the unit word is the end of the name (年服务人次（万） -> 万人次)."""
    if unit not in vocab.lexicon("target_table_multipliers"):
        return unit
    for u in sorted(vocab.units(), key=len, reverse=True):
        if name.endswith(u) and f"{unit}{u}" in vocab.units():
            return f"{unit}{u}"
    if name.endswith(vocab.lexicon("target_table_people_endings")) and f"{unit}人" in vocab.units():
        return f"{unit}人"
    return unit


_TOTAL_LABEL = re.compile(rf"^(?:{vocab.lexicon_regex('table_total_labels')})$")


def is_total_label(cell: str | None) -> bool:
    """合计, 总计, 全市合计: the label of a table's total row (lexicon table_total_labels)."""
    return bool(cell) and bool(_TOTAL_LABEL.match(re.sub(r"[\s\u3000]", "", cell or "")))


def _measure_header(header: str | None) -> tuple[str, str | None]:
    """新增达标面积（平方公里） -> (新增达标面积, 平方公里); a header naming only a year or a role word (2030年, 目标值)
    names no measure -> ("", unit)."""
    name, unit = split_unit_suffix(header or "")
    if not name or _year(name) or _has(name, "target_table_target_words") or _has(name, "target_table_baseline_words"):
        return "", unit
    return name, unit


def _total_name(table: Table, roles: dict[str, int], row: list[str | None]) -> str:
    """The indicator a 合计 row of an indicator table totals: the row's category (its subject) when it has one,
    else the target column's header when that names a measure, else the indicator column's header."""
    ci = roles.get("category")
    cat = (row[ci] or "").strip() if ci is not None and ci < len(row) else ""
    if cat and not is_total_label(cat):
        return cat
    ti = roles.get("target")
    if ti is not None and ti < len(table.columns):
        name, _ = _measure_header(table.columns[ti])
        if name:
            return name
    ii = roles.get("indicator")
    head = (table.columns[ii] or "").strip() if ii is not None and ii < len(table.columns) else ""
    return "" if not head or _has(head, "target_table_indicator_words") else head


_YEAR_KEY = re.compile(r"^(?:19|20)\d\d\s*年?度?$")


def _year_keyed(table: Table) -> bool:
    """A table whose rows are keyed by year in the first column (年度 | X（个） | Y（公里）, rows 2025年 …)."""
    return len(table.rows) >= 2 and len(table.columns) >= 2 and all(
        row and _YEAR_KEY.match(re.sub(r"\s", "", row[0] or "")) for row in table.rows)


def _year_row_facts(doc: ParsedDocument, table: Table) -> list[TargetFact]:
    """A yearly task table laid out by rows of years: each value column named by its header (新建口袋公园（个）)
    gives one target per row, for the row's year (year_source table_header); a row for a year before the plan's
    period is a baseline, the kind step decides nothing else here."""
    meta = doc.meta
    out: list[TargetFact] = []
    for row in table.rows:
        y = _year(row[0])
        for col in range(1, min(len(row), len(table.columns))):
            name, unit = _measure_header(table.columns[col])
            v, vmax, comp, cunit = parse_value(row[col])
            if not name or v is None:
                continue
            past = bool(meta.period_start and y and y < meta.period_start)
            out.append(TargetFact(
                indicator_text=name, value=v, unit=unit or cunit, comparator=comp,
                kind="historic" if past else "target", quote=_locate(doc, table, row[col] or "", row, table.start),
                value_max=vmax, year=y, year_source="table_header",
                change_type="cumulative" if "累计" in name else None))
    return out


def _total_row_facts(doc: ParsedDocument, table: Table) -> list[TargetFact]:
    """A breakdown table without an indicator column (序号 | 区 | 新增达标面积（平方公里） | 整治易涝积水点（处）):
    its 合计 row states the plan's whole amount of each value column, one target per column named by its header
    (never 合计), for the plan's end year."""
    meta = doc.meta
    out: list[TargetFact] = []
    for row in table.rows:
        at = next((i for i, c in enumerate(row[:3]) if is_total_label(c)), None)
        if at is None:
            continue
        for col in range(at + 1, min(len(row), len(table.columns))):
            name, unit = _measure_header(table.columns[col])
            if not name or not unit:
                continue
            v, vmax, comp, _ = parse_value(row[col])
            if v is None:
                continue
            y = meta.period_end
            out.append(TargetFact(
                indicator_text=name, value=v, unit=unit, comparator=comp, kind="target",
                quote=_locate(doc, table, (row[at] or "").strip(), row, table.start), value_max=vmax, year=y,
                year_source="plan_period" if y else "none", change_type="cumulative" if "累计" in name else None))
    return out
