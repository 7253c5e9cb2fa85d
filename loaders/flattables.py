"""Flattened text tables rebuilt from a header run: one reconstruction for indicator tables,
task-assignment tables and the like, wherever they stand (front, body, 专栏, 附表/附件 after
the signature, the end of the file).

A table copied out of a web page or a PDF arrives one cell per line. It is recognised by
its *header run*, not by any document:

  * a run of at least three short header cells, each naming a column role from the header
    lexicons (``ontology/vocab/lexicons/table_col_<role>.txt``: 序号, 指标名称, 单位, 属性,
    2025年目标, 现状, 重点任务, 时间进度, 责任部门 …), one of them the numbering column;
  * then rows numbered 1, 2, 3 … in order: each row is the number line and the cells up to
    the next number.

Columns: the header cells before the numbering column are group columns (分类, 指标类别:
merged cells written once, at the group's first row, and carried down). The number of
cells a row has (its mode over the rows) says how many columns follow the number; a
header with more cells than that is a multi-row header whose last cells are sub-labels of
the value columns (``指标值`` over ``现状``/``近期规划`` over ``（2025年）``/``（2030年）``:
columns ``指标值 现状 （2025年）`` …), chosen so that the row-spanning columns keep
non-value roles. Each column gets a role (number, indicator, unit, baseline, target,
attribute, description, task, deadline, responsible, group, other) and each target column
its year from the header.

Cells are aligned to the columns by their shapes (a dynamic programme: a unit cell in the
unit column, 约束性 in the attribute column, values in value columns, a time phrase in the
deadline column, agency names in the responsibility column): a missing cell leaves the
column None, a cell split over two lines (``全面实现开放、`` / ``延时服务``) is joined, a
group cell at the end of a row is the next row's group, and a group row between rows
(``一、强化产业支撑`` among rows 1 … 70) becomes a ``TableGroup``.
The tables carry ``row_spans``/``cell_spans`` like markup tables.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from model.document import Table, TableGroup
from ontology import responsibility, vocab

ROLES = ("number", "indicator", "unit", "baseline", "target", "attribute", "description", "task",
         "deadline", "responsible", "group", "kind")
# a header cell fully equal to a phrase of these roles wins in this order (责任单位 is no 单位,
# 指标类别 no 指标, 2025年指标 no 指标); a short cell containing one is tried in the same order
_ORDER = ("number", "responsible", "deadline", "kind", "group", "attribute", "description", "baseline", "target",
          "task", "unit", "indicator")
VALUE_ROLES = ("baseline", "target")
# alignment only: a column outside the lexicons whose cells are values (受益户数（户）, 总投资（亿元）) is
# aligned like a value column, one whose cells are text (建设地点, 资金来源) takes no value; both stay
# ``other`` in the table's roles
VALUE = "value"
LABEL = "label"
# alignment only: an ``other`` column named by a person label (责任领导, 牵头县领导: responsibility_person_labels)
# holds names of persons (叶明, 张云峰、刘畅), never a wrapped task line
PERSON = "person"
# alignment only: a 备注 column whose cells are kinds (新建 / 续建: _kind_notes) takes a kind at no cost, and
# is no merged column (a 备注 left empty is empty, not carried down)
NOTE = "note"
_VALUE_SHAPED = VALUE_ROLES + (VALUE,)
TEXT_ROLES = ("indicator", "task", "description", "other", "group", LABEL)
MAX_HEADER = 16
MAX_CELL_LINES = 12             # lines one cell may run over (a 具体措施 cell of （1）…（7）… lines)
_INT = re.compile(r"^\d{1,3}$")
_SERIAL = re.compile(r"^(?:0{0,2}(\d{1,3})[.、．]?|[（(]\s*(\d{1,3})\s*[）)])$")


def serial_of(s: str) -> str | None:
    """The number of a row-number cell (``3``, ``3.``, ``3、``, ``03``, ``（3）``), else None."""
    m = _SERIAL.match(s)
    return str(int(m.group(1) or m.group(2))) if m else None
_SENT_PUNCT = re.compile(r"[。；，,;]")
_SENT_END = re.compile(r"[。；;]$")
_HEAD_STOP = re.compile(r"[。；，,;：:]")
_YEAR = re.compile(r"(?:19|20)\d\d")
# a group row between rows: 一、强化产业支撑 / （二）… / 三 (a bare numeral line)
_BARE_NUMERAL = re.compile(r"^[一二三四五六七八九十]+$")
_GROUP_PREFIX = vocab.lexicon_regex('table_group_row_prefixes')
# (a group row's title may close with one 。: （一）持续扩大有效需求。)
_GROUP_ROW = re.compile(rf"^((?:{_GROUP_PREFIX})[一二三四五六七八九十]+[、.．：:]\s*[^。；]{{1,40}}。?"
                        r"|[一二三四五六七八九十]+[、.．]\s*[^。；]{1,40}。?"
                        r"|[（(][一二三四五六七八九十]+[）)]\s*[^。；]{0,40}。?|[一二三四五六七八九十]+)$")
# lines that end a table's last row: a heading of the body, a note, an attachment line
_STOP = re.compile(rf"^(?:{vocab.lexicon_regex('table_end_lines')})")
_VALUE = re.compile(
    r"^[\[［]?[<>≥≤＞＜约~～]?=?\s*-?\d[\d.,，:：/]*\s*(?:%|％|‰|[^\d\s]{0,4})?(?:\s*[-—~～至]\s*\d[\d.]*\s*(?:%|‰)?)?"
    rf"(?:{vocab.lexicon_regex('table_value_qualifiers')})?$|^[—\-–/×√]+$")


@cache
def _role_full(role: str) -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_col_' + role)})")


_SPACE = re.compile(r"\s+")
# The shape tests below are pure functions of one cell's text and are asked about the same
# cells many times over while a table's rows are aligned; they are memoized (bounded) so
# that aligning a long table does not re-run every lexicon regex for each candidate split.
_MEMO = 1 << 14


def _norm(cell: str) -> str:
    return _SPACE.sub("", cell or "").strip("：:")


def header_role(cell: str | None) -> str | None:
    """The role a header cell names, from the header lexicons; None when it names none."""
    c = _norm(cell or "")
    if not c or len(c) > MAX_HEADER:
        return None
    for role in _ORDER:
        if _role_full(role).fullmatch(c):
            return role
    for role in _ORDER:
        if _role_full(role).search(c):
            if role in ("task", "indicator", "description") and _count_endings().search(c):
                return None             # 任务数, 指标个数: a count of them, a value column
            return role
    return None


def column_roles(columns: list[str]) -> list[str]:
    """A role per column of a table (HTML/Word tables too), from its header words; the
    lead/involved split of responsibility columns is :func:`is_lead_column`."""
    out = []
    for c in columns:
        r = header_role(c)
        if r is None:
            # a joined multi-row name (目标值 2025年): its last part decides
            parts = (c or "").split()
            r = next((header_role(p) for p in reversed(parts) if header_role(p)), None) if parts else None
        if r == "target" and re.search(vocab.lexicon_regex("table_col_baseline"), _norm(c)):
            r = "baseline"
        out.append(r or "other")
    return out


def is_lead_column(name: str) -> bool:
    return bool(re.search(vocab.lexicon_regex("table_col_lead"), name or ""))


def is_involved_column(name: str) -> bool:
    return bool(re.search(vocab.lexicon_regex("table_col_involved"), name or ""))


def column_year(name: str | None) -> int | None:
    m = _YEAR.search(name or "")
    return int(m.group(0)) if m else None


# -- cell shapes -----------------------------------------------------------------------
@lru_cache(maxsize=1)
def _attr_values() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_attribute_values')})")


@lru_cache(maxsize=1)
def _deadline_cells() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_deadline_cells')})")


@lru_cache(maxsize=1)
def _units() -> re.Pattern:
    return re.compile(rf"(?:{vocab.unit_regex()})")


@lru_cache(maxsize=_MEMO)
def is_value(s: str) -> bool:
    return bool(_VALUE.match(_norm(s)))


@lru_cache(maxsize=1)
def _value_clause_lead() -> re.Pattern:
    return re.compile(rf"^(?:{vocab.lexicon_regex('table_value_clause_leads')})")


@lru_cache(maxsize=1)
def _clause_value() -> re.Pattern:
    # a quantity: a number, its unit (units.csv) and a qualifier after it (以上, 以内, 左右)
    return re.compile(rf"^[约近]?\d[\d.,]*(?:[-—~～至]\d[\d.]*)?\s*(?:{vocab.unit_regex()}|%|％|‰)?"
                      rf"(?:{vocab.lexicon_regex('table_value_qualifiers')})?$")


@lru_cache(maxsize=_MEMO)
def is_value_clause(s: str) -> bool:
    """A cell that states a value: a quantity (45万亩, 90%以上, 30微克/立方米以内) after level words or none
    (稳定在45万亩以上, 不低于90%, 力争达到1.2万人, 较上年提高5个百分点: table_value_clause_leads); a task's
    text (新建农村公路60公里) is none."""
    c = _norm(s)
    for _ in range(4):
        if _clause_value().match(c) or is_value(c) and _DIGIT.search(c):
            return True
        m = _value_clause_lead().match(c)
        if not m or m.end() == 0:
            return False
        c = c[m.end():]
    return False


@lru_cache(maxsize=_MEMO)
def is_attribute(s: str) -> bool:
    return bool(_attr_values().fullmatch(_norm(s)))


@lru_cache(maxsize=1)
def _kind_values() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_kind_values')})")


@lru_cache(maxsize=_MEMO)
def is_kind(s: str) -> bool:
    """A task-type cell (制度类, 项目类, 出台文件, 建成投用, 续建): no agency, deadline or task text."""
    return bool(_kind_values().fullmatch(_norm(s)))


@lru_cache(maxsize=_MEMO)
def is_deadline(s: str) -> bool:
    s = _norm(s)
    return 0 < len(s) <= 30 and bool(_deadline_cells().search(s)) and not responsibility.has_agency(s)


@lru_cache(maxsize=1)
def _generic_time() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_deadline_generic')})")


@lru_cache(maxsize=_MEMO)
def is_schedule(s: str) -> bool:
    """A deadline cell (2025年底前, 持续推进, 长期): a task text using 推进/完成 is none."""
    if not is_deadline(s):
        return False
    c = _norm(s)
    rest = _generic_time().sub("", c)
    if not is_deadline(rest) and _generic_time().match(c) and len(rest) >= 3:
        return False          # 推进协同治理, 完成系统改造: a task title opening with 推进/完成, no time
    return len(c) <= 6 or is_deadline(rest)


@lru_cache(maxsize=_MEMO)
def is_unit(s: str) -> bool:
    s = _norm(s).strip("（）()")
    if s.startswith("/") and s in vocab.units():
        return True                     # /10万: a rate per a base written with its digits (units.csv)
    if not s or len(s) > 10 or re.search(r"\d", s) or is_attribute(s):
        return False
    if s in ("%", "％", "‰"):
        return True
    parts = re.split(r"[/·（）()]", s)
    return all(not p or _units().fullmatch(p) or len(p) <= 2 for p in parts)


@lru_cache(maxsize=_MEMO)
def _mismatch(role: str, s: str) -> float:
    """How badly a cell's shape fits a column role (0 = fits)."""
    v, a, u = is_value(s), is_attribute(s), is_unit(s)
    n = len(_norm(s))
    if role == "kind":
        return 0.0 if is_kind(s) else (2.0 if v or a else 0.6)
    if role == PERSON:
        return 0.0 if persons_cell(s) else (2.0 if v or a or u else PERSON_AS_TEXT)
    if role == NOTE:
        return 0.0 if is_kind(s) else (1.5 if v or a or u else 0.2)
    if is_kind(s) and role in ("responsible", "deadline", "task", "description", "indicator", "unit"):
        return 2.0                  # 制度类 / 出台文件: a task-type cell in no other column
        return 0.0 if _INT.match(s) else 2.0
    if role == "attribute":
        return 0.0 if a else 2.0
    if role == "unit":
        return 0.0 if u else (2.0 if v or a else 1.2)
    if role in _VALUE_SHAPED:
        if v:
            return 0.0
        if a or u:
            return 2.0
        if role == VALUE:
            return TEXT_AS_COUNT       # a column of values outside the lexicons (a count): no words
        return 0.3 if n <= 24 else 1.0
    if role == "deadline":
        if is_deadline(s):
            return 0.0
        return 2.0 if responsibility.has_agency(s) else 0.9
    if role == "responsible":
        if is_deadline(s) or _group_row_text(s):
            return 2.0                  # （一）完善基础设施 / 行动二：…: a group row, never a 责任单位
        parts = responsibility.split_names(s) or [x for x in re.split(r"[、，,；;]", s) if x]
        named = sum(1 for x in parts if _agency_like(x))
        if parts and named == len(parts):
            return 0.0
        return 0.2 if named or responsibility.has_agency(s[-1:]) else 0.6
    if role in ("indicator", "description", "other", LABEL) and _group_row_text(s):
        return GROUP_AS_CELL              # 二、城郊片区 at a row's end: the next group's row, not a 备注
    if role == "indicator":
        return 2.0 if (v or a) else (1.0 if u else (AGENCY_AS_TEXT if _named_body(s) else 0.0))
    if role in ("task", "description"):
        if (v or a or u and _lexicon_unit(s)) and n <= 6:
            return 1.5                     # (a two-character word, 新设 / 续建, is a note, not a unit)
        if n <= 12 and is_schedule(s):
            return DEADLINE_AS_TEXT         # 6月底前完成选址: a schedule, no task text
        return AGENCY_AS_TEXT if _named_body(s) else 0.0
    if role == LABEL:
        return 1.5 if v or a else 0.2
    if role == "group" and n > MERGED_LABEL_MAX:
        return LONG_GROUP                  # a group cell is a short label (经济发展), not an indicator's name
    return 0.2                                         # group / other


TEXT_AS_COUNT = 0.8       # a line of text in a column of values named outside the lexicons (点位数（个）)
PERSON_AS_TEXT = 1.2      # a line of text in a column of person names: a wrapped line of the column before
_PERSON_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


@lru_cache(maxsize=1)
def _person_titles() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_person_titles')})")


@lru_cache(maxsize=_MEMO)
def persons_cell(s: str) -> bool:
    """A cell naming persons: short names or titled names, 、-separated (叶明、刘畅, 副县长 王强)."""
    parts = [x for x in re.split(r"[、，,；;/\s]+", s or "") if x]
    return bool(parts) and all(
        not _DIGIT.search(x) and not _agency_like(x) and (_PERSON_NAME.match(x) or (
            len(x) <= 12 and _person_titles().search(x) is not None)) for x in parts)


@lru_cache(maxsize=1)
def _person_head() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('responsibility_person_labels')})")


def person_column(name: str | None) -> bool:
    """A column named by a person label (责任领导, 牵头县领导, 分管领导)."""
    return bool(name) and _person_head().fullmatch(_norm(name or "")) is not None


def group_labels(texts: list[str]) -> list[str]:
    """The group rows of consecutive lines between rows: each line shaped as a group row (一、交通设施,
    （一）农村公路) opens one (two levels written one after the other are two groups); a line of another
    shape runs on the label before it (三 / 强化产业支撑 -> 三 强化产业支撑)."""
    out: list[str] = []
    for s in texts:
        if out and not (_group_row_text(s) and not _BARE_NUMERAL.match(out[-1])):
            out[-1] = out[-1] + " " + s
        else:
            out.append(s)
    return out


def _group_row_text(s: str) -> bool:
    """A group row's line with a title (行动一：…, （一）完善…, 二、…), not a bare numeral."""
    c = _norm(s)
    return bool(_GROUP_ROW.match(c)) and not _BARE_NUMERAL.match(c)


LONG_GROUP = 1.0
GROUP_AS_CELL = 1.5      # a group row's line (二、…, （一）…) as an indicator, note or label cell
DEADLINE_AS_TEXT = 0.8   # a short cell that reads as a deadline is no task text
STRAY_LINE = 0.5        # a line of a 责任单位 cell that names no body and continues nothing
AGENCY_AS_TEXT = 0.8      # a whole cell naming a body of a level (区卫生健康委（牵头）) is no task text
_LEVEL_PREFIX = re.compile(r"^[省市区县镇乡各]")


def _named_body(s: str) -> bool:
    c = _norm(s)
    return len(c) <= 20 and bool(_LEVEL_PREFIX.match(c) or _role_marks().search(c)) and _agency_like(c)


_CONT_END = re.compile(r"[、，,（(“《和及与的占之、]$")
_DIGIT = re.compile(r"\d")
_TIME_PIECE = re.compile(r"\d|[年月日季底前后起止至—\-~～]")
# a cell that stops mid-phrase (its last line ends with 、，（“ …) is no whole cell: a merged cell
# carried down, or a wrap into the next column's line, reads better
MID_PHRASE_END = 0.8


@lru_cache(maxsize=_MEMO)
def _agency_like(s: str) -> bool:
    if _DIGIT.search(s):
        return False                   # 实施微改造项目10处, 建成1个综合服务中心: counts, no body
    s = _role_marks().sub("", s)       # 区民政局（牵头）, 区财政局（配合）
    return responsibility.is_agency_name(s) or (s.startswith("各") and len(s) <= 12)


@lru_cache(maxsize=1)
def _role_marks() -> re.Pattern:
    marks = f"{vocab.lexicon_regex('responsibility_lead_marks')}|{vocab.lexicon_regex('responsibility_involved_marks')}"
    return re.compile(rf"\s*[（(〔\[](?:{marks})[）)〕\]]\s*$")


def _join(parts: Sequence[str], role: str | None = None) -> str:
    """One cell from its lines: a wrapped phrase is joined as it reads, one value or one agency
    per line (a list written down the cell) with ；/、."""
    out = parts[0]
    for p in parts[1:]:
        if role == "deadline":
            # 2025年 / 12月底前 is one deadline; 6月底前完成选址 / 12月底前建成开放 are two
            out += "；" + p if is_deadline(out) and is_deadline(p) and _norm(out)[-1:] not in "年月" else p
        elif "：" in p and "：" in out or (is_value(out) and is_value(p)):
            out += "；" + p                # 牵头单位：A / 配合单位：B, one value per line
        elif (role == "responsible" and _agency_like(out.split("、")[-1]) and _agency_like(p)
                and not _CONT_END.search(out)):
            out += "、" + p
        else:
            out += p
    return out


def _cell_cost(role: str, cells: list[str]) -> float:
    return _cell_cost_of(role, tuple(cells))


@lru_cache(maxsize=_MEMO)
def _cell_cost_of(role: str, cells: tuple[str, ...]) -> float:
    if not cells:
        return 0.92 if role == "target" else 0.9    # a missing value is a baseline's more often
    end = MID_PHRASE_END if role not in _VALUE_SHAPED and _CONT_END.search(cells[-1]) else 0.0
    return end + _cell_cost_lines(role, cells)


def _cell_cost_lines(role: str, cells: tuple[str, ...]) -> float:
    if len(cells) == 1:
        return _mismatch(role, cells[0])
    joined = _join(cells, role)
    extra = len(cells) - 1
    if role not in ("kind", "group", "other") and any(is_kind(c) for c in cells):
        return KIND_IN_CELL + _mismatch(role, joined)   # A类 / 续建: a categorical cell marks its own column
    if role in TEXT_ROLES or role == "responsible":
        # a wrapped cell: cheaper when the first piece stops mid-phrase
        step = sum(0.15 if _CONT_END.search(c) or _BRACKET_NOTE.match(n) else 0.35
                   for c, n in zip(cells, cells[1:]))     # 每万人口…拥有量 / （期末）: a name and its note
        if role in ("indicator", LABEL) and any(is_value(c) or is_attribute(c) for c in cells):
            return 3.0
        if role == "responsible" and all(_agency_like(c) or _role_marks().fullmatch(c) for c in cells):
            step = 0.1 * extra                 # one agency per line (a （牵头） mark on a line of its own)
        elif role == "responsible":
            # a line naming no body that does not run on from the line above is no part of the cell
            step += sum(STRAY_LINE for a, b in zip((None,) + cells[:-1], cells)
                        if not responsibility.has_agency(b) and "：" not in b and not (a and _CONT_END.search(a))
                        and not _role_marks().fullmatch(b))       # （牵头） on its own line
        elif role != "responsible" and any(_agency_like(c) and len(c) <= 12 and not _CONT_END.search(a)
                                           for a, c in zip(cells, cells[1:])):
            step += 0.5                        # an agency name is no continuation of a task (unless the
            #                                    line before stops mid-phrase: 推广联合验收和 / 竣工验收备案一次办)
        if any(_GROUP_ROW.match(c) for c in cells[1:]):
            step += 1.0                        # a group row is no continuation of a cell
        return step + _mismatch(role, joined) * 0.5
    if role in _VALUE_SHAPED:
        if all(("：" in c or ":" in c) for c in cells):
            return 0.3 * extra
        if len(cells) == 2 and _BRACKET_NOTE.match(cells[1]) and not _BRACKET_NOTE.match(cells[0]) \
                and len(_norm(cells[0])) <= 12:
            return VALUE_NOTE              # 翻一番 / （人均≥12万元）: a value and its bracketed note
        return 1.0 * extra + 0.5
    if role == PERSON and all(persons_cell(c) for c in cells):
        return 0.1 * extra             # one person per line
    if role == "deadline" and len(cells) <= 3 and len(_norm(joined)) <= 30 and is_deadline(joined) \
            and all(_TIME_PIECE.search(c) and not _group_row_text(c) for c in cells):
        return 0.15 * extra            # 2025年 / 12月底前: a deadline written over lines
    return 1.5 * extra + 1.0


_BRACKET_NOTE = re.compile(r"^[（(][^（）()]{1,30}[）)]$")
VALUE_NOTE = 0.2
MAX_GROUP_TAIL = 8        # group rows one after the other at a row's end (an extract's groups without rows)
KIND_IN_CELL = 2.0        # a kind cell (A类, 续建: table_kind_values) as a line of another column's cell


def carried_columns(roles: list[str]) -> set[int]:
    """Columns whose cell may be a merged cell written once for several rows: every task
    column but the last (重点任务 over 具体工作), and a group column after the number (序号 | 领域 |
    重点任务 …, 领域 written at its group's first row)."""
    task = [j for j, r in enumerate(roles) if r == "task"]
    # … and every indicator column but the last (测评项目 over 测评内容: an item written once over its parts)
    ind = [j for j, r in enumerate(roles) if r == "indicator"]
    return set(task[:-1]) | set(ind[:-1]) | {j for j, r in enumerate(roles) if r == "group" and task}


def _profile_cost(median: float | None, cells: list[str]) -> float:
    """How far a text cell's length is from its column's usual length (a short 重点任务 title
    over a long 具体工作 sentence): free within a factor of two, then a little per doubling."""
    if not median or not cells:
        return 0.0
    n = max(1, sum(len(c) for c in cells))
    r = abs(math.log2(n / median))
    return PROFILE_WEIGHT * max(0.0, r - 1.0)


def profile(rows_cells: list[list[str]], roles: list[str], carried: set[int] | None = None,
            allow_tail: bool = True, any_tail: bool = False) -> dict[int, float]:
    """The median length of each text column's cells over a first alignment of the rows, when
    the table has two text columns or more (which of two adjacent ones a line belongs to)."""
    text = [j for j, r in enumerate(roles) if r in TEXT_ROLES]
    if len(text) < 2 or len(rows_cells) < 4:
        return {}
    lens: dict[int, list[int]] = {j: [] for j in text}
    for cells in rows_cells:
        _, cl, _ = align(cells, roles, allow_tail, any_tail=any_tail, carried=carried)
        for j in text:
            if len(cl[j]) == 1:
                lens[j].append(len(cells[cl[j][0]]))
    out = {}
    for j, xs in lens.items():
        if len(xs) >= 3:
            xs.sort()
            out[j] = float(xs[len(xs) // 2])
    return out


PROFILE_WEIGHT = 0.25
MERGED_CELL = 0.15       # a missing cell of a column the cell-count deficit shows merged
LATER_COLUMN = 0.01      # of two equal readings, the extra lines go to the later column


def align(cells: list[str], roles: list[str], allow_tail: bool, any_tail: bool = False,
          carried: set[int] | None = None, prof: dict[int, float] | None = None,
          merged: set[int] | None = None,
          ends: dict[int, frozenset[str]] | None = None) -> tuple[float, list[list[int]], list[int]]:
    """Cells (after the row number) -> per column the indices of its cells; with
    ``allow_tail`` the last cells may be the next row's group cell or group row; ``prof``:
    the usual length of text columns (:func:`profile`); ``carried``: columns whose cell may be a
    merged cell of the row above; ``merged``: columns the rows' cell-count deficit shows merged
    (:func:`merged_columns`), whose missing cell costs less still; ``ends``: the endings of label
    columns' cells (:func:`label_endings`: 街道 over 某某街道), a cell of one line ending otherwise costs
    ENDING_MISS.
    Returns (cost, per column cell indices, tail cell indices)."""
    n, k = len(cells), len(roles)
    INF = float("inf")
    dp = [[INF] * (k + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (k + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    for j in range(1, k + 1):
        for i in range(n + 1):
            best, arg = INF, 0
            for m in range(0, min(i, MAX_CELL_LINES) + 1):
                prev = dp[i - m][j - 1]
                if prev == INF:
                    continue
                if not m and merged and j - 1 in merged:
                    c = prev + MERGED_CELL
                elif not m and carried and j - 1 in carried:
                    c = prev + 0.5
                else:
                    c = prev + _cell_cost(roles[j - 1], cells[i - m:i]) + LATER_COLUMN * max(0, m - 1) * (k - j)
                    if prof and j - 1 in prof and m:
                        c += _profile_cost(prof[j - 1], cells[i - m:i])
                    if ends and j - 1 in ends and m and _norm(cells[i - 1])[-1:] not in ends[j - 1]:
                        c += ENDING_MISS
                if c < best - 1e-9:
                    best, arg = c, m
            dp[i][j], back[i][j] = best, arg
    best_i, best_c = n, dp[n][k]
    if allow_tail:
        for t in range(1, MAX_GROUP_TAIL + 1):
            i = n - t
            if i < 0 or dp[i][k] == INF:
                continue
            tail = cells[i:]
            # a group row: 一、强化产业支撑, or a bare numeral and its label on two lines; more than two
            # lines only when each is a group row (an extract's groups with no row of their own: 二、… 三、…)
            shaped = all(_GROUP_ROW.match(x) for x in tail) or (
                len(tail) == 2 and _BARE_NUMERAL.match(tail[0]) is not None and not _GROUP_ROW.match(tail[1]))
            if t > 2 and not shaped:
                continue
            if all(not is_value(x) and not is_attribute(x) and len(_norm(x)) <= 40 for x in tail) \
                    and (any_tail or shaped):
                c = dp[i][k] + 0.25 * t
                if c < best_c - 1e-9:
                    best_i, best_c = i, c
    cols: list[list[int]] = [[] for _ in range(k)]
    i = best_i
    for j in range(k, 0, -1):
        m = back[i][j]
        cols[j - 1] = list(range(i - m, i))
        i -= m
    return best_c, cols, list(range(best_i, n))


# -- finding tables --------------------------------------------------------------------
def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for ln in text.split("\n"):
        s = ln.strip()
        if s:
            a = pos + (len(ln) - len(ln.lstrip()))
            out.append((a, a + len(s), s))
        pos += len(ln) + 1
    return out


# a time phrase with a month or a 前/完成 ending (2025年11月底前, 6月底前完成) is a deadline cell, never a column
# name (2025年, 2025年目标 and 2025年底 may be)
_DEADLINE_CELL = re.compile(r"\d{1,2}月|(?:前|完成)$")


def _is_header_cell(s: str) -> bool:
    # (a group row's line over row 1, 一、主要预期目标 / （一）…, names a role by its words but is no column)
    return len(_norm(s)) <= MAX_HEADER and not _HEAD_STOP.search(s.strip("（）()")) and not _INT.match(s) \
        and (header_role(s) is not None or value_named(s)) and not _DEADLINE_CELL.search(_norm(s)) \
        and not _group_row_text(s)


_UNIT_LINE = re.compile(r"^[（(]\s*([^（）()]{1,10}?)\s*[）)]$")
_UNIT_NAMED = re.compile(r"^([^（）()]{2,12}?)\s*[（(]\s*([^（）()]{1,10}?)\s*[）)]$")


def is_unit_line(s: str) -> bool:
    """A bracketed unit alone on a line (（万元）, （%）, （个）): the unit line of a header cell."""
    m = _UNIT_LINE.match(s.strip())
    return m is not None and _lexicon_unit(m.group(1))


def _lexicon_unit(s: str) -> bool:
    """A unit of the units lexicon (万平方米, 亿元, %, 万人次/年), not just any short word (牵头)."""
    parts = re.split(r"[/·]", _norm(s))
    return all(p in ("%", "％", "‰") or _units().fullmatch(p) for p in parts)


@lru_cache(maxsize=_MEMO)
def unit_named(s: str) -> bool:
    """A column name carrying its unit (改造面积（万平方米）, 受益户数（户）): a header cell whatever the
    name (a value column outside the lexicons)."""
    m = _UNIT_NAMED.match(_norm(s))
    if not m or not _lexicon_unit(m.group(2)):
        return False
    name = m.group(1)
    return not (is_value(name) or _HEAD_STOP.search(name) or _GROUP_ROW.match(name) or _DIGIT.search(name)
                and not _YEAR.search(name))


_APPENDIX = re.compile(rf"^(?:{vocab.lexicon_regex('appendix_openers')})")


@lru_cache(maxsize=1)
def _count_endings() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_col_count_endings')})$")


def value_named(s: str) -> bool:
    """A column name of values: named with its unit (改造面积（万平方米）), a value role (2025年目标,
    现状) or a count ending (任务数, 建设数量: table_col_count_endings)."""
    c = _norm(s)
    return unit_named(s) or header_role(s) in VALUE_ROLES or (
        2 <= len(c) <= MAX_HEADER and bool(_count_endings().search(c)) and not _HEAD_STOP.search(c))
MAX_UNKNOWN_HEAD = 12        # a column name outside the lexicons inside a header run (责任领导, 地址)
MAX_HEAD_PIECE = 4           # a header cell written over lines (责任 / 单位, 序 / 号): each piece this short


@lru_cache(maxsize=1)
def _place_columns() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_place_columns')})")


def _unknown_head(s: str) -> bool:
    c = _norm(s)
    if len(c) == 1:
        return bool(_place_columns().fullmatch(c))      # 区 | 县: a place column of one character
    return 2 <= len(c) <= MAX_UNKNOWN_HEAD and not _HEAD_STOP.search(c) and not _INT.match(c) \
        and not is_value(c) and not _GROUP_ROW.match(c) and not _YEAR.search(c)


def _full_header(s: str) -> bool:
    c = _norm(s)
    return any(_role_full(role).fullmatch(c) for role in _ORDER)


def table_lines(text: str) -> list[tuple[int, int, str]]:
    """The lines of ``text`` (start, end, stripped text), a header cell written over two or three
    short lines joined into one (``责任`` / ``单位`` -> ``责任单位``, ``序`` / ``号``): the pieces are
    short, the first is no header word alone, the join is one, and a header word stands within
    three lines (a header run, not two short lines of prose)."""
    lines = _lines(text)
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(lines)
    pair_word = None
    while i < n:
        done = False
        s = lines[i][2]
        w = _qualified_value_pair(lines, i, pair_word)
        if w is not None:
            # 北部片区 / 目标值 / 全市 / 目标值: value columns named by what they are for, each name over
            # two lines -> 北部片区目标值, 全市目标值
            out.append((lines[i][0], lines[i + 1][1], s + lines[i + 1][2]))
            i += 2
            pair_word = w
            continue
        pair_word = None
        if len(_norm(s)) <= MAX_HEAD_PIECE and not _INT.match(s):
            for m in (2, 3):
                if i + m > n or any(len(_norm(lines[x][2])) > MAX_HEAD_PIECE or _INT.match(lines[x][2])
                                    for x in range(i, i + m)):
                    break
                joined = "".join(lines[x][2] for x in range(i, i + m))
                if not _full_header(joined) or all(header_role(lines[x][2]) for x in range(i, i + m)):
                    continue
                near = [x for x in range(max(0, i - 3), min(n, i + m + 3)) if not i <= x < i + m]
                if any(_is_header_cell(lines[x][2]) for x in near) or any(
                        _full_header(lines[x][2] + lines[x + 1][2]) for x in near if x + 1 < n and x + 1 not in
                        range(i, i + m)):
                    out.append((lines[i][0], lines[i + m - 1][1], joined))
                    i += m
                    done = True
                    break
        if not done and out and is_unit_line(s) and _unit_head_before(out):
            a, _, name = out[-1]
            out[-1] = (a, lines[i][1], name + s)     # 计划投资 / （万元） -> 计划投资（万元）
            i += 1
            done = True
        if not done:
            out.append(lines[i])
            i += 1
    return out


MAX_QUALIFIER = 6         # a place or scope naming a value column (北部片区 / 目标值, 全省 / 目标值)


def _qualified_value_pair(lines, i: int, pair_word: str | None) -> str | None:
    """The value word (目标值, 现状值) of a header cell written over two lines as a qualifier then the
    word, when such pairs repeat with the same word (北部片区 / 目标值 / 全市 / 目标值): the first pair is
    followed by another, the next follows one (``pair_word``). Else None."""
    def pair(x: int) -> str | None:
        if x + 1 >= len(lines):
            return None
        q, w = _norm(lines[x][2]), _norm(lines[x + 1][2])
        if not (2 <= len(q) <= MAX_QUALIFIER) or _is_header_cell(q) or not _unknown_head(q):
            return None
        if not any(_role_full(r).fullmatch(w) for r in VALUE_ROLES) or _YEAR.search(w):
            return None
        return w
    w = pair(i)
    if w is None:
        return None
    if pair_word == w or pair(i + 2) == w:
        return w
    return None


def _unit_head_before(out: list[tuple[int, int, str]]) -> bool:
    """Whether a unit line continues the header cell before it: that cell is a short name (no unit
    yet), a header cell stands among the last four lines and no row number does (a header run, not
    a row's indicator name)."""
    name = out[-1][2]
    # a name outside the lexicons, a header cell, or a year's column name that reads like a deadline
    # alone (2024年完成 / （户）: a unit line makes it a column name)
    named = _unknown_head(name) or _is_header_cell(name) or (
        len(_norm(name)) <= MAX_HEADER and header_role(name) in VALUE_ROLES and _YEAR.search(name) is not None)
    if not named or unit_named(name) or _UNIT_LINE.match(name):
        return False
    back = [x[2] for x in out[-4:]]
    return any(_is_header_cell(x) for x in back) and not any(_INT.match(x) for x in back)


def _run_end(lines, i: int) -> int:
    """The end of the header run at ``i``: header cells, with at most two names outside the
    lexicons between them (责任领导 between 重点工作 and 责任单位 stays an ``other`` column)."""
    n = len(lines)
    j = i
    while j < n:
        if _is_header_cell(lines[j][2]):
            j += 1
            continue
        u = j
        while u < n and u - j < 2 and _unknown_head(lines[u][2]) and not _is_header_cell(lines[u][2]) \
                and not _STOP.match(lines[u][2]) and not _APPENDIX.match(lines[u][2]):
            u += 1
        # bridge inside a run of two header cells or more (序号 | 重点工作 | 责任领导 | 责任单位), or after
        # one when two follow (序号 | 街道 | 小区名称 | 改造面积（万平方米）)
        if u > j and u + (1 if j - i >= 2 else 2) <= n and all(
                _is_header_cell(lines[x][2]) for x in range(u, u + (1 if j - i >= 2 else 2))):
            j = u
            continue
        # ... or anywhere when the run, names outside the lexicons (two at most in a row) and header
        # cells, reaches row 1 (序号 | 权属部门 | 单位名称 | 地址 | 面积（平方米） | 人数 | 类型 then 1)
        to_row = _run_to_row_one(lines, i, j)
        if to_row is not None:
            return to_row
        # ... or after a lone 序号 when one header cell follows and row 1 opens right after it (序号 |
        # 县（市、区） | 建设数量（个） then 1: a three-column table of one named value column)
        if u > j and j - i == 1 and header_role(lines[i][2]) == "number" and u + 1 < n \
                and _is_header_cell(lines[u][2]) and serial_of(lines[u + 1][2]) == "1":
            j = u
            continue
        break
    return j


def _run_to_row_one(lines, i: int, j: int) -> int | None:
    """The end of a header run cut short at ``j`` by a name outside the lexicons, when the run opens
    with the numbering column and goes on, header cells and such names (two at most in a row), up to
    a row ``1`` within MAX_HEADER lines, holding two header cells besides the number; else None."""
    # the numbering column opens the run, or follows the table's caption (各街镇任务一览表 | 序号)
    if header_role(lines[i][2]) != "number" and i + 1 < j and header_role(lines[i + 1][2]) == "number" \
            and _CAPTION_WORDS.search(lines[i][2]) and not _full_header(lines[i][2]):
        i += 1
    if header_role(lines[i][2]) != "number":
        return None
    n = len(lines)
    heads = sum(1 for x in range(i + 1, j) if _is_header_cell(lines[x][2]))
    u, run = j, 0
    while u < n and u - i <= MAX_HEADER:
        s = lines[u][2]
        if serial_of(s) == "1":
            return u if heads >= 2 and u - i >= 4 else None
        if _GROUP_ROW.match(s) and not _BARE_NUMERAL.match(s):
            # a group row over row 1 (一、中心城区, then （一）… at most): the run ends before it
            x = u + 1
            while x < n and x - u < 3 and _GROUP_ROW.match(lines[x][2]) and not serial_of(lines[x][2]):
                x += 1
            return u if x < n and serial_of(lines[x][2]) == "1" and heads >= 2 and u - i >= 4 else None
        if _is_header_cell(s):
            heads, run = heads + 1, 0
        elif _span_label().fullmatch(_norm(s)):
            heads, run = heads + 1, 0     # 其中 over the sub-labels after it (新建 | 改造)
        elif _unknown_head(s) and not _STOP.match(s) and not _APPENDIX.match(s) and run < 2:
            run += 1
        else:
            return None
        u += 1
    return None


def find(text: str) -> list[Table]:
    """Every flattened table of ``text`` that has a header run with a numbering column."""
    lines = table_lines(text)
    out: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        if not _is_header_cell(lines[i][2]):
            if _spaced_header(lines[i][2]):
                t, end = _build_spaced(lines, i)
                if t is not None:
                    out.append(t)
                    i = end
                    continue
            i += 1
            continue
        j = _run_end(lines, i)
        t, end = _build(lines, i, j)
        glued = _GLUED_NUMBER.match(lines[j][2]) if t is None and j < n else None
        if glued is not None and glued.group(1) == "1":
            t, end = _build_glued(lines, i, j)
        if t is not None:
            out.append(t)
            i = end
        else:
            i = j
    return out


# a row number written on its first cell's line (1 推进老旧小区改造, 2．建设口袋公园): a PDF puts them on one line
_GLUED_NUMBER = re.compile(r"^0{0,2}(\d{1,3})(?:\s+|[.．、](?!\d)\s*)(?=[^\d\s])")
GLUED_SPAN = 400          # lines after the header whose glued row numbers are split off


def _build_glued(lines, h0: int, h1: int) -> tuple[Table | None, int]:
    """A header run whose rows write their number on the first cell's line: the numbers are split off
    (lines after the header, up to GLUED_SPAN) and the table is built as usual; returns the table and
    the index of the original line after it."""
    out = list(lines[:h1])
    orig: list[int] = list(range(h1))
    for x in range(h1, min(len(lines), h1 + GLUED_SPAN)):
        a, b, s = lines[x]
        m = _GLUED_NUMBER.match(s)
        if m:
            out.append((a, a + len(m.group(0).rstrip()), m.group(0).strip()))
            out.append((a + m.end(), b, s[m.end():]))
            orig += [x, x]
        else:
            out.append(lines[x])
            orig.append(x)
    t, end = _build(out, h0, h1)
    if t is None:
        return None, h1
    return t, (orig[end] if end < len(orig) else len(lines))


_CELL_GAP = re.compile(r"[ \t\u3000]+")
SPACED_HEAD_MIN = 3       # a header written on one line: the number column and two header cells at least


def _spaced_header(s: str) -> bool:
    """A table's header written on one line, its cells apart by spaces or tabs (序号 重点工作任务 主要责任单位
    协同配合单位): the numbering column first, then header cells only."""
    cells = _CELL_GAP.split(s.strip())
    return len(cells) >= SPACED_HEAD_MIN and header_role(cells[0]) == "number" \
        and all(_is_header_cell(c) for c in cells)


def _build_spaced(lines, h: int) -> tuple[Table | None, int]:
    """A table whose header and rows are written one row a line, cells apart by spaces or tabs (a web page
    scraped row by row), a cell that wrapped going on over the next lines: every line from the header on
    (up to GLUED_SPAN) is cut at its gaps into one line a cell, and the table is built as a flattened one
    (cells over several lines joined by the row fit as usual); returns the table and the index of the
    original line after it."""
    out = list(lines[:h])
    orig: list[int] = list(range(h))
    for x in range(h, min(len(lines), h + GLUED_SPAN)):
        a, _, s = lines[x]
        for m in re.finditer(r"[^ \t\u3000]+", s):
            out.append((a + m.start(), a + m.end(), m.group(0)))
            orig.append(x)
    h1 = h + len(_CELL_GAP.split(lines[h][2].strip()))
    t, end = _build(out, h, h1)
    if t is None:
        return None, h + 1
    return t, max(h + 1, orig[end] if end < len(orig) else len(lines))


def _header_columns(head: list[str], width: int) -> tuple[list[str], list[str]] | None:
    """(column names, roles) of the header cells after the numbering column, for rows of
    ``width`` cells: a longer header is a multi-row one (row-spanning cells first, then
    a group label and the sub-labels of the value columns, row by row)."""
    h = len(head)
    roles = [header_role(c) or "other" for c in head]
    if h <= width:
        return list(head), roles
    best = None
    for v in range(1, width + 1):
        lead = width - v
        tail = head[lead:]
        t = len(tail)
        if t < v or t % v not in (0, 1) or t // v < 2:
            continue
        lead_roles = roles[:lead]
        tail_roles = roles[lead:]
        score = sum(1 for r in lead_roles if r in VALUE_ROLES) + sum(1 for r in tail_roles if r not in VALUE_ROLES)
        if best is None or score < best[0]:
            best = (score, v)
    if best is None or best[0] > 0:
        return None
    v = best[1]
    lead = width - v
    tail = head[lead:]
    label = None
    if len(tail) % v == 1:
        label, tail = tail[0], tail[1:]
    names = []
    for c in range(v):
        parts = ([label] if label else []) + [tail[r * v + c] for r in range(len(tail) // v)]
        names.append(" ".join(parts))
    cols = list(head[:lead]) + names
    out_roles = roles[:lead] + [_value_role(nm) for nm in names]
    return cols, out_roles


def _spanned_columns(head: list[str], width: int) -> tuple[list[str], list[str]] | None:
    """A task table's two-row header: a cell spanning sub-columns (责任单位 over 牵头单位 | 配合单位)
    flattened as the top row then the sub-labels at the end (重点任务 | 责任单位 | 完成时限 | 牵头单位 |
    配合单位 for rows of four cells): the sub-labels take the spanning cell's place, each named under
    it (责任单位 牵头单位, 责任单位 配合单位). None when the header has no such shape."""
    d = len(head) - width
    if d < 1:
        return None
    subs = head[len(head) - d - 1:]
    top = head[:len(head) - d - 1]
    sub_roles = {header_role(c) for c in subs}
    labels = [p for p, c in enumerate(head) if _span_label().fullmatch(_norm(c))]
    if sub_roles == {None} and len(labels) == 1 and labels[0] < len(top):
        # sub-labels outside the lexicons (公共充电桩 / 专用充电桩) under a label cell (其中: table_col_span_labels)
        p = labels[0]
        cols = top[:p] + [f"{top[p]} {c}" for c in subs] + top[p + 1:]
        return cols, [header_role(c) or "other" for c in cols]
    if len(labels) == 1 and all(header_role(x) is None for x in head[labels[0] + 1:labels[0] + d + 2]) \
            and labels[0] + d + 2 <= len(head):
        # … | 其中 | 新建 | 改造 | 备注: the sub-labels written right after the label (a PDF's column order)
        p = labels[0]
        cols = head[:p] + [f"{head[p]} {c}" for c in head[p + 1:p + d + 2]] + head[p + d + 2:]
        return cols, [header_role(c) or "other" for c in cols]
    if len(sub_roles) != 1 or None in sub_roles:
        return None
    role = str(sub_roles.pop())
    spans = [p for p, c in enumerate(top) if header_role(c) == role]
    if len(spans) > 1 and all(column_year(c) for c in subs):
        # sub-labels named by a year (2027年 | 2030年) span the one top cell of their role that names no year
        # (目标值), never a plain year column beside it (2025年, the base year)
        spans = [p for p in spans if column_year(top[p]) is None]
    if len(spans) != 1:
        return None
    p = spans[0]
    cols = top[:p] + [f"{top[p]} {c}" for c in subs] + top[p + 1:]
    return cols, [header_role(c) or "other" for c in top[:p]] + [role] * len(subs) + \
        [header_role(c) or "other" for c in top[p + 1:]]


@lru_cache(maxsize=1)
def _span_label() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_col_span_labels')})")


def _content_roles(rows_cells: list[list[str]], cols: list[str], roles: list[str], last_named: int) -> list[str]:
    """Roles of columns named outside the lexicons, from their cells in the rows written in full
    (a deadline-like column is the deadline, an agency-like one the responsibility)."""
    k = len(cols)
    exact = [r for r in rows_cells if len(r) == k]
    if len(exact) < 2:
        return roles
    for j in range(last_named, k):
        cells = [r[j] for r in exact]
        if sum(is_schedule(c) for c in cells) * 10 >= 6 * len(cells) and "deadline" not in roles:
            roles[j] = "deadline"
        elif sum(all(_agency_like(x) for x in responsibility.split_names(c) or [c])
                 for c in cells) * 10 >= 6 * len(cells):
            roles[j] = "responsible"
    return roles


TASK_TEXT_LEN = 16      # the median length of a column's cells that makes it a task column by content


def _task_by_content(rows_cells: list[list[str]], roles: list[str]) -> list[str]:
    """A task table whose task column is named outside the lexicons (推进安排 | 承办单位 | 办结时间): the
    unnamed column of the longest text cells (sentences of a task, a median of TASK_TEXT_LEN characters
    or more) is the task; a list of sites or names (场所名称 | 地址 | 责任单位) has none."""
    if "responsible" not in roles or "task" in roles or "other" not in roles or len(rows_cells) < 2:
        return roles
    lens: dict[int, list[int]] = {j: [] for j, r in enumerate(roles) if r == "other"}
    for cells in rows_cells:
        _, cl, _ = align(cells, roles, False)
        for j in lens:
            lens[j].append(sum(len(cells[c]) for c in cl[j]))
    med = {j: sorted(xs)[len(xs) // 2] for j, xs in lens.items() if xs}
    best = max(med, key=lambda x: med[x], default=None)
    if best is not None and med[best] >= TASK_TEXT_LEN:
        roles = list(roles)
        roles[best] = "task"
    return roles


# a header-named column whose cells show none of its role's shape (场所类型 over 室内 / 室外 is no
# 约束性/预期性 column): an ``other`` column
_SHAPE_ROLES = {"attribute": lambda c: is_attribute(c), "unit": lambda c: is_unit(c)}


def _checked_roles(rows_cells: list[list[str]], roles: list[str]) -> list[str]:
    k = len(roles)
    exact = [r for r in rows_cells if len(r) == k]
    if len(exact) < 2:
        return roles
    for j, role in enumerate(roles):
        test = _SHAPE_ROLES.get(role)
        if not test or sum(test(r[j]) for r in exact) * 10 >= 3 * len(exact):
            continue
        if all(is_kind(r[j]) for r in exact):
            roles[j] = "kind"           # 目标类型 over A类 / B类: a column of task kinds (table_kind_values)
        elif len(exact) >= 3:
            roles[j] = "other"
    return roles


TEXT_VALUE_SHARE = 0.3       # a value column of fewer value-like cells than this share is a text column


def _text_value_columns(rows_cells: list[list[str]], roles: list[str]) -> list[str]:
    """A column the header names a target or baseline (主要目标, 工作目标 in a task table) whose cells are
    sentences (建成区级政务云平台，资源利用率达到70%), not values or short qualitative targets (5左右,
    与经济增长同步): an ``other`` (text) column."""
    cols = [j for j, r in enumerate(roles) if r in VALUE_ROLES]
    if not cols or len(rows_cells) < 3:
        return roles
    got: dict[int, list[str]] = {j: [] for j in cols}
    for cells in rows_cells:
        _, cl, _ = align(cells, roles, False)
        for j in cols:
            if cl[j]:
                got[j].append(_join([cells[c] for c in cl[j]], roles[j]))
    out = list(roles)
    for j, xs in got.items():
        valued = sum(1 for x in xs if is_value(x) or len(_norm(x)) <= 12 and not _SENT_PUNCT.search(x))
        if len(xs) >= 3 and valued < TEXT_VALUE_SHARE * len(xs):
            out[j] = "other"
    return out


def _task_or_target_columns(rows_cells: list[list[str]], cols: Sequence[str], roles: list[str]) -> list[str]:
    """A column named by a word that may name a task or a target (目标任务) read from its cells
    (:func:`clause_role`), before the rows are aligned: the cells of the rows written in full."""
    k = len(roles)
    js = [j for j, (c, r) in enumerate(zip(cols, roles)) if r in ("task", "target", "other") and task_or_target_head(c)]
    exact = [r for r in rows_cells if len(r) == k]
    if not js or len(exact) < 2:
        return roles
    out = list(roles)
    for j in js:
        out[j] = clause_role([r[j] for r in exact], roles[j])
    return out


MERGED_LABEL_MAX = 12         # a merged cell carried down is a short label (某江街道, 区级财力, 约束性)
MERGED_ROLES = ("group", "attribute", "other", "kind", LABEL)


def value_columns(rows_cells: list[list[str]], roles: list[str], cols: Sequence[str] | None = None) -> list[str]:
    """Roles for aligning the rows: an ``other`` column whose cells in the rows written in full are
    values (受益户数（户）over 412 / 208) is aligned as a value column (``VALUE``), one whose cells are
    text as a column of labels (``LABEL``: no value); one named by a person label (``cols``: 责任领导) as
    a column of person names (``PERSON``)."""
    k = len(roles)
    if cols is not None and len(cols) == k:
        roles = [PERSON if r == "other" and person_column(c) else r for r, c in zip(roles, cols)]
    exact = [r for r in rows_cells if len(r) == k]
    if len(exact) < 2:
        # most rows wrapped over more lines than columns (评分标准 cells over two lines): the last
        # column's cells still end their rows, so an ``other`` last column whose row ends are values
        # (a 分值 column: 10 / 15 / 20) is a value column
        ends = [r[-1] for r in rows_cells if len(r) >= k]
        if k and roles[-1] == "other" and len(ends) >= 2 and sum(map(is_value, ends)) >= 0.8 * len(ends):
            return roles[:-1] + [VALUE]
        return roles
    out = []
    for j, r in enumerate(roles):
        share = sum(is_value(c[j]) for c in exact) / len(exact)
        # a column named with its unit or a count (点位数（个）) is a value column when some of its cells
        # are values (rows wrapped over lines have as many lines as columns by chance)
        named = cols is not None and len(cols) == k and value_named(cols[j]) and share >= VALUE_NAMED_SHARE
        out.append(r if r != "other" else VALUE if share >= 0.8 or named else LABEL if share <= 0.2 else r)
    return out


VALUE_NAMED_SHARE = 0.3


ENDING_MISS = 0.3         # a label cell whose last character is none of its column's usual endings
ENDING_ONE = 0.6          # share of a label column's cells (rows written in full) one usual ending must end
ENDING_TWO = 0.8          # ... or two usual endings together


def label_endings(rows_cells: list[list[str]], roles: list[str]) -> dict[int, frozenset[str]]:
    """Per label column (names: 街道 over 府南街道 / 双桥街道, 社区（村） over …社区 / …村), the last
    characters its cells share in the rows written in full (a place or body kind): the commonest when it
    ends ENDING_ONE of the cells or more, else the two commonest when they end ENDING_TWO; columns of
    mixed endings have none. A row wrapped over as many lines as columns has its cells shifted: the rows
    whose cells miss a column's one usual ending are left out and the endings read again."""
    k = len(roles)
    exact = [r for r in rows_cells if len(r) == k]
    cols = [j for j, r in enumerate(roles) if r in (LABEL, "other")]

    def read(rows: list[list[str]]) -> dict[int, frozenset[str]]:
        out: dict[int, frozenset[str]] = {}
        if len(rows) < 3:
            return out
        for j in cols:
            counts: dict[str, int] = {}
            for row in rows:
                e = _norm(row[j])[-1:]
                counts[e] = counts.get(e, 0) + 1
            top = sorted(counts.items(), key=lambda x: -x[1])[:2]
            if top[0][1] >= 2 and top[0][1] >= ENDING_ONE * len(rows):
                out[j] = frozenset([top[0][0]])
            elif len(top) > 1 and top[1][1] >= 2 and top[0][1] + top[1][1] >= ENDING_TWO * len(rows):
                out[j] = frozenset(e for e, _ in top)
        return out
    first = read(exact)
    one = {j: e for j, e in first.items() if len(e) == 1}
    kept = [r for r in exact if all(_norm(r[j])[-1:] in e for j, e in one.items())]
    return read(kept) if one and len(kept) < len(exact) and len(kept) >= 3 else first


def merged_columns(rows_cells: list[list[str]], roles: list[str], carried: set[int],
                   any_tail: bool = False, ends: dict[int, frozenset[str]] | None = None) -> set[int]:
    """Columns holding merged cells written once for a run of rows, read from the cell-count
    deficit: in rows with fewer cells than columns, a group, attribute or unnamed column of short
    labels (街道 over 某江街道, 资金来源 over 区级财力, 属性 over 约束性) is the one left without a cell
    in two rows or more; so is the (first) responsibility column whose cells name bodies (责任单位 written
    once for a run of tasks, at its first row or at its middle) and a deadline column of deadline cells.
    Their missing cells are carried down (or spread over their span when written at its middle)."""
    k = len(roles)
    if sum(1 for r in rows_cells if len(r) < k) < 2:
        return set()

    def read(merged: set[int] | None) -> tuple[list[int], list[list[str]]]:
        missing = [0] * k
        cells_of: list[list[str]] = [[] for _ in range(k)]
        for cells in rows_cells:
            _, cl, _ = align(cells, roles, False, any_tail=any_tail, carried=carried | (merged or set()),
                             merged=merged, ends=ends)
            for j, col in enumerate(cl):
                if col:
                    cells_of[j].append(_join([cells[c] for c in col], roles[j]))
                elif len(cells) < k:
                    missing[j] += 1
        return missing, cells_of
    missing, cells_of = read(None)
    out = {j for j, r in enumerate(roles) if r in MERGED_ROLES and j not in carried and missing[j] >= 2
           and cells_of[j] and all(not is_value(c) and len(_norm(c)) <= MERGED_LABEL_MAX for c in cells_of[j])}
    # a 责任单位/牵头单位 cell (the first responsibility column) or a 完成时限 cell written once for a run of
    # tasks: the column is read again as merged (a missing cell costs little), and stays merged when it
    # is still missing in two rows or more and its own cells name bodies / are deadlines
    resp_first = roles.index("responsible") if "responsible" in roles else None
    cand = {j for j, r in enumerate(roles) if j not in carried and missing[j] >= 2
            and (j == resp_first or r == "deadline")}
    if cand:
        missing2, cells2 = read(out | cand)
        for j in cand:
            cells = cells2[j]
            if missing2[j] < 2 or not cells:
                continue
            if roles[j] == "responsible":
                ok = sum(_names_bodies(c) for c in cells) >= MERGED_RESP_SHARE * len(cells)
            else:
                ok = all(is_deadline(c) for c in cells)
            if ok:
                out.add(j)
    return out


MERGED_RESP_SHARE = 0.8      # share of a responsibility column's cells that must name bodies to be merged


def _names_bodies(cell: str) -> bool:
    parts = responsibility.split_names(cell) or [x for x in re.split(r"[、，,；;]", cell) if x]
    return bool(parts) and all(_agency_like(x) for x in parts)


def _value_role(name: str) -> str:
    parts = name.split()
    if any(header_role(p) == "baseline" for p in parts):
        return "baseline"
    return "target"


def _body_heading(lines, x: int) -> bool:
    """Whether line ``x`` is a heading of the body after a table (二、保障措施, 第三章 …: a table's end line)
    with a sentence after it, not a group row between rows."""
    return bool(_STOP.match(lines[x][2])) and x + 1 < len(lines) and (
        bool(_SENT_END.search(lines[x + 1][2])) or len(lines[x + 1][2]) > _ROW_CELL_MAX)


BARE_HEADING_MAX = 16      # a heading of the body written without its numbering (考核结果运用) is short


def _bare_heading(lines, x: int) -> bool:
    """Whether line ``x`` is a heading of the body without numbering (考核结果运用 / 组织保障) with a sentence
    paragraph after it: short text with no punctuation, digit, value, kind or agency name. Only a row already
    full of its cells (or one whose value column would stay empty) ends there: a row's first text cell followed
    by a sentence cell has the same shape."""
    c = _norm(lines[x][2])
    if not 2 <= len(c) <= BARE_HEADING_MAX or _HEAD_STOP.search(c) or _DIGIT.search(c) \
            or not re.fullmatch(r"[\u4e00-\u9fff]+", c) or is_kind(c) or is_attribute(c) or _agency_like(c) \
            or is_deadline(c) or is_schedule(c):
        return False
    return x + 1 < len(lines) and (bool(_SENT_END.search(lines[x + 1][2])) or len(lines[x + 1][2]) > _ROW_CELL_MAX)


def _row_full(cells: list[str], roles: list[str]) -> bool:
    """Whether a row's lines give every column a cell."""
    return len(cells) >= len(roles) and all(align(cells, roles, False)[1])


MAX_BACK_MATTER = 4        # lines of back matter (issuer, date, 此件公开发布) closing a document


def _back_matter_only(lines, x: int) -> bool:
    """Whether the lines from ``x`` to the end are a document's back matter alone (某山区民政局 /
    2025年3月1日): the text after a table's last row, no row of it."""
    from .junk import is_back_matter
    rest = lines[x:]
    return 0 < len(rest) <= MAX_BACK_MATTER and all(is_back_matter(r[2]) for r in rest)


ONE_ROW_HEADS = 3


def _one_row_table(lines, head: list[str], nums: list[int], h1: int) -> bool:
    if len(nums) != 1 or nums[0] != h1 or not all(header_role(c) for c in head):
        return False
    width = len(head) - 1
    if width < ONE_ROW_HEADS:
        return False
    end = nums[0] + 1 + width
    cells = [lines[x][2] for x in range(nums[0] + 1, min(end, len(lines)))]
    if len(cells) != width or any(serial_of(c) is not None and not is_value(c) for c in cells):
        return False
    return end >= len(lines) or _SENT_END.search(lines[end][2]) is not None or bool(_STOP.match(lines[end][2])) \
        or _back_matter_only(lines, end) or _is_header_cell(lines[end][2])


EXTRACT_MIN_ROWS = 3       # an extract's rows: three numbers at least, rising, each opening a row with text


def _extract_first_row(lines, h1: int, roles: list[str | None]) -> int | None:
    """The first row number of an extract of a longer task table (a header naming a task and a
    responsibility column, then, after group rows at most, numbers above 1 that rise with gaps, each
    followed by a text cell and EXTRACT_MIN_ROWS of them at least within the next lines), else None."""
    if "task" not in roles or "responsible" not in roles:
        return None
    n = len(lines)
    p = h1
    while p < n and p - h1 <= 6 and serial_of(lines[p][2]) is None and _group_row_text(lines[p][2]):
        p += 1
    if p >= n or serial_of(lines[p][2]) is None:
        return None
    width = len(roles)

    def opens(x: int) -> bool:
        c = _norm(lines[x + 1][2]) if x + 1 < n else ""
        return len(c) >= 4 and not (is_value(c) or is_unit(c) or is_attribute(c) or _agency_like(c)
                                    or serial_of(c))
    seen, last, x = 0, 0, p
    while x < n and x - p <= width * 3 * EXTRACT_MIN_ROWS and seen < EXTRACT_MIN_ROWS:
        sv = serial_of(lines[x][2])
        if sv is not None and int(sv) > last and opens(x):
            seen, last = seen + 1, int(sv)
        x += 1
    return p if seen >= EXTRACT_MIN_ROWS else None


def _build(lines, h0: int, h1: int) -> tuple[Table | None, int]:
    head = [lines[x][2] for x in range(h0, h1)]
    roles = [header_role(c) for c in head]
    if len(head) >= 3 and "number" not in roles and "task" in roles and "responsible" in roles \
            and any(lines[x][2] == "1" for x in range(h1, min(h1 + 3, len(lines)))):
        # a task table whose rows are numbered under no 序号 header: an implicit numbering column
        while len(head) > 3 and roles[0] == roles[1] and roles[0] != "group":
            h0 += 1                     # a caption naming the table (某区重点任务清单)
            head, roles = head[1:], roles[1:]
        g = 0
        while g < len(roles) and roles[g] == "group":
            g += 1
        head, roles = head[:g] + ["序号"] + head[g:], roles[:g] + ["number"] + roles[g:]
    elif len(head) >= 3 and "number" not in roles:
        return _build_unnumbered(lines, h0, h1)
    if len(head) < 3 or "number" not in roles:
        return None, h1
    # columns named from the lexicons, or named with their unit (新增养老床位（张）: a value column)
    if sum(1 for c, r in zip(head, roles) if r not in (None, "number") or value_named(c)) \
            < (1 if len(head) >= 4 or any(value_named(c) for c in head) else 2):
        return None, h1
    num_at = roles.index("number")
    # a kind name before the number (项目类别 | 序号 | 项目名称) is a group column: merged cells over its rows
    roles = ["group" if r == "kind" and x < num_at else r for x, r in enumerate(roles)]
    # header cells before the number are group columns (分类, 指标类别); anything before
    # them is the caption
    g = num_at
    while g > 0 and roles[g - 1] == "group":
        g -= 1
    if g:
        h0 += g
        head, roles, num_at = head[g:], roles[g:], num_at - g
    lead_head = head[:num_at]           # group columns before the number
    if lead_head and len(head) > num_at + 2 and roles[-1] is None:
        h1 -= 1                         # the first row's group cell, not a column name
        head, roles = head[:-1], roles[:-1]
    after_head = head[num_at + 1:]
    if not after_head:
        return None, h1
    n = len(lines)
    # the row numbers 1, 2, 3 … after the header
    p = h1
    while p < n and p - h1 <= 3 and serial_of(lines[p][2]) != "1":
        p += 1
    # an extract of a longer task table (the rows a bureau takes part in): its numbers start above 1 and
    # jump (3, 58, 59, 63), each opening its row with the task's text
    extract = False
    if p >= n or serial_of(lines[p][2]) != "1":
        first_num = _extract_first_row(lines, h1, roles)
        if first_num is None:
            return None, h1
        p, extract = first_num, True
    pre = list(range(h1, p))            # before row 1: a group cell or a group row
    nums = [p]
    totals: set[int] = set()             # lines opening a 合计/小计 row (no number of their own)
    if pre and _is_total(lines[pre[0]][2]):
        nums, totals, pre = [pre[0], p], {pre[0]}, []    # the 合计 row right under the header
    expect = int(serial_of(lines[p][2]) or 1) + 1
    limit = 6 * max(3, len(after_head)) + 6
    head_key = [_norm(c) for c in head]
    skip: set[int] = set()               # the header repeated after a page break: no cells
    # a row written in full has this many lines at least: a number slip or a total label after
    # fewer lines is a cell of the row
    full = max(1, len(after_head) - 2)

    def done(q: int) -> int:
        return sum(1 for x in range(nums[-1] + 1, q) if x not in skip)

    def opens_row(q: int) -> bool:
        # the line after a row number is the row's first cell: text, not a value, unit, 约束性,
        # deadline or agency name (a value 7 among a row's cells is followed by its row's next cell)
        if q + 1 >= n or _body_heading(lines, q + 1):
            return False
        c = _norm(lines[q + 1][2])
        return len(c) >= 4 and not (is_value(c) or is_unit(c) or is_attribute(c) or is_schedule(c)
                                    or _agency_like(c) or serial_of(c))
    # the last column holds values (a count per row: 新增养老床位（张） … 改造提升敬老院（所）), so that a
    # row's last cell may be a bare integer equal to the next row's number
    value_last = value_named(after_head[-1])
    # names outside the lexicons between the header run and row 1 (権重 | 数据提供部门 before the first row's
    # group cell) may be columns too (read below): a row may have their cells as well
    early_labels = [x for x in (pre[:-1] if num_at else pre) if _unknown_head(lines[x][2])]
    if early_labels != pre[:len(early_labels)]:
        early_labels = []
    row_width = len(after_head) + len(early_labels)
    # the first column after the number holds text (街道, 指标名称), not values
    first_text = not value_named(after_head[0]) and header_role(after_head[0]) not in (
        "number", "baseline", "target", "unit", "attribute", "deadline")

    def values_last() -> bool:
        """Whether the last column holds values by its cells (a 分值 column of 10 / 15 / 20 named outside
        the lexicons): every row read so far with as many lines as columns or more ends with a value, two
        rows at least."""
        ends = []
        for r in range(len(nums) - 1):
            cells = [x for x in range(nums[r] + 1, nums[r + 1]) if x not in skip]
            if len(cells) >= row_width:        # a row in full, or wrapped over more lines: its last cell
                ends.append(lines[cells[-1]][2])
        return len(ends) >= 2 and all(is_value(c) for c in ends)

    def value_not_number(q: int, sv: str) -> bool:
        """Whether a bare integer equal to the expected row number is the row's own last value: the
        row is short of its columns, the line after it is no row's first (text) cell, and either the
        expected number follows within the row's missing cells (2 | 某阳区 | 450 | 9 | 3 then 3 | 某丰县)
        or nothing after it opens a row (a 合计 row, a note, the end)."""
        width = row_width
        if not _INT.match(lines[q][2]) or done(q) >= width:
            return False
        if first_text and (done(q) < full or done(q) < width - 1) and q + 1 < n and is_value(lines[q + 1][2]) \
                and not _is_total(lines[q + 1][2]) \
                and all(opens_row(x) for x in range(q + 1, min(n, q + 3)) if serial_of(lines[x][2]) == sv):
            # 5 | 新桥镇 | 6 | 6.5 …: a row opens with its text cell, so that a count after the row's
            # text cells, followed by another value while the row still lacks two cells or more, is
            # the row's value (unless the same number follows without opening a row with its text cell)
            return True
        if first_text and (not opens_row(q) or width - done(q) >= 2) and any(
                serial_of(lines[x][2]) == sv and opens_row(x) for x in range(q + 1, min(n, q + 1 + width - done(q)))):
            # 3 | 南苑街道 | 4 | 4 | 0 | 4 | 北关街道: of the lines equal to the next number within the row's
            # missing cells, the one followed by a row's text cell is the number (or, when both are, the
            # one that leaves the row short of one cell at most: 2 | 西城街道 | 3 | — | 3 | 均为改造 | 3 | 南苑街道)
            return True
        if not (value_last or is_value(lines[q - 1][2]) or values_last()):
            return False
        gap = width - done(q)
        if gap >= 2 and q + gap + 1 < n and serial_of(lines[q + gap][2]) == sv \
                and not is_value(lines[q + gap + 1][2]) \
                and not any(serial_of(lines[x][2]) == sv for x in range(q + 1, q + gap)):
            # 5 | 户厕普及率 | ≥92% | 6 | 每低1个百分点扣0.5分 | 6 | 村级集体经济收入: a score equal to the next
            # number, the row's other cells after it, and the number itself right where the row is full
            return True
        if q + 1 >= n:
            return True
        nxt = lines[q + 1][2]
        if _is_total(nxt) or _STOP.match(nxt) and not _GROUP_ROW.match(nxt) or _SENT_END.search(nxt):
            return True
        if _body_heading(lines, q + 1):
            return True                   # 二、保障措施 then a sentence: the body's heading after the table
        if gap == 1 and _bare_heading(lines, q + 1) and not (q + 3 < n and is_value(lines[q + 3][2])):
            return True                   # 考核结果运用 then a paragraph: a heading without numbering, the
            #                               row's value before it (a row of it would have no value either)
        if _back_matter_only(lines, q + 1):
            return True                   # the issuer and the date after the table: nothing opens a row
        if not is_value(nxt) and (opens_row(q) or not early_labels):
            return False                  # a row number opens with its text cell
        for q2 in range(q + 1, min(n - 1, q + 1 + width - done(q))):
            s2 = lines[q2][2]
            if serial_of(s2) == sv and not is_value(lines[q2 + 1][2]) and not _is_total(lines[q2 + 1][2]):
                return True
            if not is_value(s2) and not early_labels:
                return False
        return False
    def ahead(q: int, nxt: int) -> int:
        """Lines after ``q`` up to the row number ``nxt`` (or as many as a long row has): the cells of
        the row ``q`` would open if it were a row number (a weight 3 then 工信、统计 then 4 is none)."""
        x = q + 1
        while x < n and x - q <= limit and serial_of(lines[x][2]) != str(nxt):
            x += 1
        return x - q - 1
    q = nums[-1] + 1
    while q < n and expect < 1000:
        s = lines[q][2]
        if _STOP.match(s) and not _GROUP_ROW.match(s) and not serial_of(s):
            break                          # 附件2, 注：…, 第三章: no line of a row
        if head_key and _norm(s) == head_key[0] and q + len(head) <= n \
                and [_norm(lines[x][2]) for x in range(q, q + len(head))] == head_key \
                and not (q + len(head) < n and serial_of(lines[q + len(head)][2]) == "1"):
            # (the same header over a row 1 opens the next table: its rows start again)
            skip.update(range(q, q + len(head)))
            q += len(head)
            continue
        sv = serial_of(s)
        if sv is not None and q == nums[-1] + 1 and sv == serial_of(lines[nums[-1]][2]) \
                and nums[-1] not in totals and q + 1 < n and not is_value(lines[q + 1][2]):
            skip.add(q)                    # the row number written twice (3 / 3 / 完善…): no cell
        elif sv == str(expect) and value_not_number(q, sv):
            pass                           # the row's last value, not the next row's number
        elif sv == str(expect):
            nums.append(q)
            expect += 1
        elif sv == "1" and expect > 2 and any(_GROUP_ROW.match(lines[x][2])
                                              for x in range(max(nums[-1] + 1, q - 2), q)):
            nums.append(q)                 # numbering restarts under each group row
            expect = 2
        elif sv == "1" and expect > 2 and lead_head and done(q) > full and opens_row(q) \
                and _group_label(lines[q - 1][2]):
            nums.append(q)                 # ... or under each group cell of a column before 序号
            expect = 2
        elif extract and sv is not None and int(sv) > expect and done(q) >= row_width and opens_row(q):
            nums.append(q)                 # an extract's number after a gap (59 then 63)
            expect = int(sv) + 1
        elif sv is not None and int(sv) in (expect - 1, expect + 1) and nums[-1] not in totals \
                and done(q) >= full and opens_row(q) and ahead(q, int(sv) + 1) >= full:
            nums.append(q)                 # a number written twice or skipped (6, 6 / 3, 5)
            expect = int(sv) + 1
        elif _is_total(s) and (done(q) >= full or nums[-1] in totals) and q + 1 < n and is_value(lines[q + 1][2]):
            nums.append(q)                 # a 小计/合计 row among the rows or after the last
            totals.add(q)
        elif q - nums[-1] > limit or _is_header_cell(s) and _is_header_run(lines, q):
            break
        q += 1
    # a table of one row: only under a header run of lexicon cells alone, three at least besides 序号
    # (序号 | 指标 | 单位 | 目标), whose row has as many cells as columns before a line that ends it
    if len(nums) < 2 and not _one_row_table(lines, head, nums, h1):
        return None, h1
    subrows: dict[int, int] = {}        # a sub-row's first line -> the number line it shares (序号 merged)

    def between(a: int, b: int) -> list[int]:
        return [x for x in range(a if a in subrows else a + 1, b) if x not in skip]
    counts = sorted(len(between(nums[r], nums[r + 1])) for r in range(len(nums) - 1) if nums[r] not in totals)
    # the number of columns after the number: the header's, or fewer when the header has
    # more rows than one; the reading whose rows fit their cells best wins
    plain = (list(after_head), [header_role(c) or "other" for c in after_head])
    readings = [plain]
    for w in sorted(set(counts)):
        hc = _header_columns(after_head, w)
        if hc is not None and hc[0] != plain[0]:
            readings.append(hc)
    # a header cell spanning sub-columns: as many readings as sub-labels may follow it (rows of a missing
    # or wrapped cell show other widths than the columns')
    for w in sorted(set(counts) | set(range(max(2, len(after_head) - 3), len(after_head)))):
        spanned = _spanned_columns(after_head, w)
        if spanned is not None and spanned[0] != plain[0] and spanned[0] not in [x[0] for x in readings]:
            readings.append(spanned)
    group_cols0 = num_at
    # the rows' cells (合计/小计 rows aside: they show no row's shape)
    rows_cells = [[lines[x][2] for x in between(nums[r], nums[r + 1])] for r in range(len(nums) - 1)
                  if nums[r] not in totals]
    # the run's last names outside the lexicons (推进计划 after 实施主体) stand before row 1 with the
    # first row's group cell: a reading with them as columns
    labels = [x for x in (pre[:-1] if num_at else pre) if _unknown_head(lines[x][2])]
    if labels and labels == (pre[:len(labels)]):
        ext = [lines[x][2] for x in labels]
        readings.append((list(after_head) + ext, plain[1] + ["other"] * len(ext)))

    def fit(reading) -> float:
        ar = value_columns(rows_cells, list(reading[1]), reading[0])
        carried = carried_columns(reading[1])
        merged = merged_columns(rows_cells, ar, carried, any_tail=bool(group_cols0))
        return sum(align(c, ar, True, any_tail=bool(group_cols0), carried=carried | merged, merged=merged)[0]
                   for c in rows_cells)
    cols_after, roles_after = min(readings, key=fit) if len(readings) > 1 else plain
    if labels and len(cols_after) == len(after_head) + len(labels) and cols_after[-1] == lines[labels[-1]][2]:
        pre = pre[len(labels):]
        h1 = labels[-1] + 1
        roles_after = _content_roles(rows_cells, cols_after, list(roles_after), last_named=len(after_head))
    roles_after = _checked_roles(rows_cells, list(roles_after))
    roles_after = _text_value_columns(rows_cells, roles_after)
    roles_after = _task_by_content(rows_cells, roles_after)
    roles_after = _task_or_target_columns(rows_cells, cols_after, roles_after)
    k = len(cols_after)
    # alignment roles (value-shaped unnamed columns) and the merged columns the deficit shows
    aroles = _kind_notes(rows_cells, value_columns(rows_cells, list(roles_after), cols_after))
    if "task" not in roles_after:
        _split_subrows(lines, nums, totals, subrows, between, aroles)
    # the last row: up to the first line that cannot be a cell of it
    last = nums[-1]
    stop = last + 1
    while stop < n and stop - last <= k + 3 and not _STOP.match(lines[stop][2]) and not (
            _is_header_cell(lines[stop][2]) and _is_header_run(lines, stop)) and not (
            # a row full of its cells, then 考核结果运用 and a paragraph: the body goes on
            stop - last > k and _bare_heading(lines, stop)
            and _row_full([lines[x][2] for x in range(last + 1, stop)], aroles)):
        stop += 1
    group_cols = len(lead_head)
    columns = list(lead_head) + [head[num_at]] + cols_after
    all_roles = ["group"] * group_cols + ["number"] + roles_after
    t = Table(title="", columns=columns, rows=[], start=lines[h0][0], end=lines[h0][1], roles=all_roles)
    t.row_spans, t.cell_spans = [], []
    t.target_years = [column_year(c) for c, r in zip(columns, all_roles) if r == "target"]
    group_vals: list[tuple[str, tuple[int, int]] | None] = [None] * group_cols
    task_carry = carried_columns(roles_after)
    label_ends = label_endings(rows_cells, aroles)
    merged = merged_columns(rows_cells, aroles, task_carry, any_tail=bool(group_cols), ends=label_ends)
    carry = task_carry | merged
    prof = profile(rows_cells, aroles, carry, any_tail=bool(group_cols))
    resp_first = roles_after.index("responsible") if "responsible" in roles_after else None
    last_seen: dict[int, str] = {}
    last_span: dict[int, tuple[int, int]] = {}
    # merged columns whose first row has no cell: written at the middle of their spans (a PDF centres
    # a merged cell vertically), in the middle row or between the two middle rows (a row's tail)
    first = align(rows_cells[0], aroles, True, carried=carry, merged=merged)[1] if rows_cells else []
    centred = sorted(j for j in merged if first and not first[j])
    marks: dict[int, list[tuple[float, str, tuple[int, int]]]] = {j: [] for j in centred}
    halves: dict[int, list[float | None]] = {j: [] for j in centred}
    # a group column before 序号 whose first row has no cell: its merged cells are written at the middle
    # of their spans too (before the middle row's number, or between the two middle rows)
    lead_centred = bool(group_cols) and not pre
    lead_marks: list[tuple[int, str]] = []
    # cells before row 1
    if pre and not group_cols and _GROUP_ROW.match(lines[pre[0]][2]):
        t.groups += [TableGroup(label=g, first_row=0) for g in group_labels([lines[x][2] for x in pre])]
    for x in pre if group_cols else []:
        if _group_row_text(lines[x][2]):
            # a group row over row 1 (行动一：…): the group column's cell is absent until one is written
            t.groups.append(TableGroup(label=lines[x][2], first_row=0))
            group_vals[0] = None
        else:
            group_vals[0] = (lines[x][2], lines[x][:2])
    end = lines[h1 - 1][1]
    for r, a in enumerate(nums):
        b = nums[r + 1] if r + 1 < len(nums) else stop
        idx = between(a, b)
        cells = [lines[x][2] for x in idx]
        is_last = r + 1 == len(nums)
        is_total = a in totals
        if is_total:
            # a 合计/小计 row: its label in the number column, its values (the value lines after the
            # label) aligned like a row's, no merged cell carried into it or out of it; what follows
            # the values is the next row's group row or cell
            m = 0
            while m < len(cells) and m < k and is_value(cells[m]):
                m += 1
            _, cl, _ = align(cells[:m], aroles, False)
            if is_last:
                idx, cells = idx[:m], cells[:m]
            tl = list(range(m, len(cells)))
        elif is_last:
            best = None
            for m in range(len(cells), max(0, len(cells) - 4) - 1, -1):
                c, cl, tl = align(cells[:m], aroles, False, carried=carry, prof=prof, merged=merged,
                                  ends=label_ends)
                c += 0.05 * (len(cells) - m)
                if best is None or c < best[0] - 1e-9:
                    best = (c, cl, tl, m)
            assert best is not None          # the range above is never empty
            _, cl, tl, m = best
            idx = idx[:m]
            cells = cells[:m]
        else:
            _, cl, tl = align(cells, aroles, True, any_tail=bool(group_cols or centred), carried=carry,
                              prof=prof, merged=merged, ends=label_ends)
        row: list[str | None] = []
        spans: list[tuple[int, int] | None] = []
        for gv in group_vals:
            row.append(gv[0] if gv and not is_total else None)
            spans.append(None)
        row.append(lines[subrows.get(a, a)][2])
        spans.append(lines[subrows.get(a, a)][:2] if a not in subrows else None)
        # a merged task cell carried into this row: its 责任单位, also missing, is merged with it
        merged_task = any(not cl[j] and j in task_carry and j in last_seen for j in range(len(cl)))
        # a row without its (first) 责任单位 cell, in the group of the row above: the cell is merged
        # over both rows (written once); a group row or a new group cell ends a merged cell
        new_group = any(g.first_row == r for g in t.groups) or (
            bool(group_vals) and r > 0 and (group_vals[0] or ("",))[0] != t.rows[-1][0])
        merged_resp = not new_group and resp_first is not None and not cl[resp_first] and resp_first in last_seen
        if is_total:
            merged_task = merged_resp = False
            t.total_rows.append(r)
        own: list[tuple[int, int]] = []
        for j, col in enumerate(cl):
            if col and is_total:
                row.append(_join([cells[c] for c in col], roles_after[j]))
                sp = (lines[idx[col[0]]][0], lines[idx[col[-1]]][1])
                spans.append(sp)
                own.append(sp)
            elif is_total:
                row.append(None)
                spans.append(None)
            elif col:
                joined = _join([cells[c] for c in col], roles_after[j])
                row.append(joined)
                sp = (lines[idx[col[0]]][0], lines[idx[col[-1]]][1])
                spans.append(sp)
                own.append(sp)
                last_seen[j] = joined
                last_span[j] = sp
            elif (merged_task or (merged_resp and j == resp_first)) and roles_after[j] == "responsible" \
                    and j in last_seen:
                row.append(last_seen[j])
                spans.append(last_span[j])           # quoted where the merged cell is written
            else:
                # a merged cell carried down; a group row or a new group cell ends a merged 责任单位/时限
                ends = new_group and j in merged and roles_after[j] in ("responsible", "deadline")
                # a 完成时限 or 配合单位 missing where the (first) 责任单位 is merged from the row above:
                # merged with it
                with_resp = merged_resp and (roles_after[j] == "deadline" or roles_after[j] == "responsible"
                                             and j in last_seen and not cl[j])
                row.append(last_seen.get(j) if (j in carry or with_resp) and not ends else None)
                spans.append(None)
        t.rows.append(row)
        t.cell_spans.append(spans)
        used = ([] if a in subrows else [lines[a][:2]]) + own
        t.row_spans.append((used[0][0], used[-1][1]))
        end = max(end, used[-1][1])
        for j in centred if not is_total else []:
            if cl[j]:
                marks[j].append((r, row[group_cols + 1 + j] or "", spans[group_cols + 1 + j] or (0, 0)))
                halves[j].append(r + 0.5 if cl[j][-1] == len(cells) - 1 and not tl else None)   # the row's last line
        # the tail: the next row's group cell, a group row, or a centred merged cell between two rows
        if tl and not group_cols and centred and not any(_GROUP_ROW.match(cells[c]) for c in tl):
            marks[centred[0]].append((r + 0.5, _join([cells[c] for c in tl]),
                                      (lines[idx[tl[0]]][0], lines[idx[tl[-1]]][1])))
            halves[centred[0]].append(None)
        elif tl and not group_cols:
            t.groups += [TableGroup(label=g, first_row=r + 1) for g in group_labels([cells[c] for c in tl])]
        prev_label = False
        for c in tl if group_cols else []:
            s = cells[c]
            if not (_GROUP_ROW.match(s) and len(s) <= 4) and not _group_row_text(s):
                if prev_label and group_vals[0] is not None:
                    # a group cell written over two lines (人民 / 生活): one cell
                    text, (a0, _) = group_vals[0]
                    group_vals[0] = (text + s, (a0, lines[idx[c]][1]))
                    lead_marks[-1] = (r + 1, text + s)
                else:
                    group_vals[0] = (s, lines[idx[c]][:2])
                    lead_marks.append((r + 1, s))
                prev_label = True
                continue
            prev_label = False
            # a group row (一 / 行动二：… / （一）…) ends the group column's merged cell
            t.groups.append(TableGroup(label=s, first_row=r + 1))
            if _group_row_text(s):
                group_vals[0] = None
    for j, ms in marks.items():
        cut = centred_spans([m[0] for m in ms], len(t.rows), halves[j])
        for (a, b), (_, text, sp) in zip(cut or [], ms):
            for r in range(a, b):
                t.rows[r][group_cols + 1 + j] = text
                t.cell_spans[r][group_cols + 1 + j] = sp        # quoted where the merged cell is written
    if lead_centred and lead_marks:
        cut = centred_spans([float(m) for m, _ in lead_marks], len(t.rows), [m - 0.5 for m, _ in lead_marks])
        for (a, b), (_, text) in zip(cut or [], lead_marks):
            for r in range(a, b):
                if r not in t.total_rows:
                    t.rows[r][0] = text
    end = _total_row(t, lines, end, aroles, group_cols, k, n)
    if group_cols:
        # a group column's groups: where its value changes
        prev = object()
        for r, row in enumerate(t.rows):
            if row[0] != prev and row[0] is not None:
                t.groups.append(TableGroup(label=row[0], first_row=r))
            prev = row[0]
        t.groups.sort(key=lambda g: g.first_row)
    t.end = end
    _title(t, lines, h0)
    return t, max(nums[-1] + 1, _line_index(lines, end) + 1)


SUBROW = 0.5       # the cost of reading a row's cells as two rows or more under one (merged) number


KIND_NOTE_ROWS = 2         # rows written in full whose last cell is a kind that make a 备注 column one of kinds


def _kind_notes(rows_cells: list[list[str]], aroles: list[str]) -> list[str]:
    """Alignment roles where the last column, a 备注 (description) in a table without a kind column, holds
    kinds in the rows written in full (新建 / 续建 / 储备, table_kind_values): it aligns as NOTE, so
    that the last row's 备注 (no row after it to show its width) is its cell, not dropped as a stray word."""
    if not aroles or aroles[-1] != "description" or "kind" in aroles:
        return aroles
    full = [r for r in rows_cells if len(r) == len(aroles)]
    if sum(1 for r in full if is_kind(r[-1])) < KIND_NOTE_ROWS or any(
            not is_kind(r[-1]) and len(_norm(r[-1])) > MERGED_LABEL_MAX for r in full):
        return aroles
    return aroles[:-1] + [NOTE]


def _split_subrows(lines, nums: list[int], totals: set[int], subrows: dict[int, int], between, aroles) -> None:
    """Rows of an indicator or inventory table whose 序号 is merged over two indicators or more (10 |
    每万劳动力中研发人员数 | 人年 | ≥150 | 市统计局 | 每万劳动力中高技能人才数 | 人 | ≥800 | …): a row of two or
    more times the columns' cells that reads as whole rows, each with a text first cell, is split into
    sub-rows sharing the number (``nums`` gains their first lines, ``subrows`` maps them to it)."""
    k = len(aroles)
    if k < 3:
        return
    add: list[tuple[int, int]] = []
    for r in range(len(nums) - 1):             # the last row's end is read later
        a = nums[r]
        if a in totals:
            continue
        idx = between(a, nums[r + 1])
        cells = [lines[x][2] for x in idx]
        if len(cells) < 2 * k or len(cells) % k:
            continue
        parts = [cells[o:o + k] for o in range(0, len(cells), k)]
        if any(is_value(p[0]) or is_unit(p[0]) or len(_norm(p[0])) < 4 for p in parts):
            continue
        whole = align(cells, aroles, False)[0]
        split = sum(align(p, aroles, False)[0] for p in parts) + SUBROW * (len(parts) - 1)
        if split < whole - 1e-9:
            add += [(idx[o], a) for o in range(k, len(cells), k)]
    for x, a in add:
        subrows[x] = a
    nums[:] = sorted(set(nums) | {x for x, _ in add})


HALF_MARK = 0.01     # of two readings of an ambiguous mark, the row's own cell is preferred


def centred_spans(marks: list[float], n: int,
                  alts: Sequence[float | None] | None = None) -> list[tuple[int, int]] | None:
    """The spans (first row, end row) of merged cells written at the middle of their spans, from
    where each is written (a row index, or ``r + 0.5`` between rows r and r + 1), over rows 0..n-1:
    consecutive spans covering every row, each holding its mark, their centres nearest the marks.
    ``alts``: another place each mark may stand for (None: none): a mark written as a row's last line
    (a merged last column) may as well stand between that row and the next (``r + 0.5``), one written
    before a row's number (a merged column before 序号) between that row and the one before
    (``r - 0.5``). None when the marks allow no such cut."""
    g_n = len(marks)
    INF = float("inf")
    best = [[INF] * (n + 1) for _ in range(g_n + 1)]
    back = [[0] * (n + 1) for _ in range(g_n + 1)]
    best[0][0] = 0.0
    for g in range(1, g_n + 1):
        opts = [(marks[g - 1], 0.0)]
        alt = alts[g - 1] if alts else None
        if alt is not None and alt >= 0:
            opts.append((alt, HALF_MARK))
        for m, extra in opts:
            low = math.floor(m)
            for a in range(0, low + 1):
                if best[g - 1][a] == INF:
                    continue
                for b in range(low + 1 + (m != low), n + 1):
                    c = best[g - 1][a] + abs((a + b - 1) / 2 - m) + extra
                    if c < best[g][b]:
                        best[g][b], back[g][b] = c, a
    if best[g_n][n] == INF:
        return None
    out: list[tuple[int, int]] = []
    b = n
    for g in range(g_n, 0, -1):
        a = back[g][b]
        out.append((a, b))
        b = a
    return out[::-1]


_ROW_CELL_MAX = 60
_TOTAL = re.compile(rf"^(?:{vocab.lexicon_regex('table_total_labels')})$")


def _is_total(s: str) -> bool:
    """A total row's label (合计, 小计, 总计, 全区合计), spaced out or not (合　计)."""
    return bool(_TOTAL.match(s.replace(" ", "").replace("\u3000", "")))


is_total_label = _is_total


def _group_label(s: str) -> bool:
    """A group cell of a column before 序号 (产业发展, 城市建设): a short text label, not a value, unit,
    deadline or agency name (a row's last cells)."""
    c = _norm(s)
    return 2 <= len(c) <= MERGED_LABEL_MAX and not (is_value(c) or is_unit(c) or is_attribute(c) or is_deadline(c)
                                                    or _agency_like(c) or _SENT_PUNCT.search(c))


def _opens_next_row(lines, x: int, n: int) -> bool:
    """A row-number cell after a total label opens a next row only when a text cell follows it
    (1 | 甲区 …): a bare integer followed by another value or by the table's end is one of the
    total's values (合计 | 25 | 63)."""
    if not serial_of(lines[x][2]):
        return False
    if not is_value(lines[x][2]):
        return True
    nxt = lines[x + 1][2] if x + 1 < n else ""
    return bool(nxt) and not is_value(nxt) and not _STOP.match(nxt) and not _is_total(nxt)


def _total_row(t: Table, lines, end: int, roles_after: list[str], group_cols: int, k: int, n: int) -> int:
    """A total row right after the last numbered row (合计 | 20 | 32.8): one more row, its label in the
    number column and its values aligned like a row's, so that its cells stay table body (a lone
    number at the end of a file would otherwise read as a page footer). Returns the table's new end."""
    q = _line_index(lines, end) + 1
    if q >= n or not _is_total(lines[q][2]):
        return end
    idx: list[int] = []
    x = q + 1
    while x < n and len(idx) < k and not _STOP.match(lines[x][2]) and len(lines[x][2]) <= _ROW_CELL_MAX \
            and not lines[x][2].endswith("。") and not _opens_next_row(lines, x, n) \
            and not (_is_header_cell(lines[x][2]) and _is_header_run(lines, x)):
        idx.append(x)
        x += 1
    cells = [lines[i][2] for i in idx]
    _, cl, _ = align(cells, roles_after, False)
    row: list[str | None] = [None] * group_cols + [lines[q][2]]
    spans: list[tuple[int, int] | None] = [None] * group_cols + [lines[q][:2]]
    last = lines[q][1]
    for j, col in enumerate(cl):
        if col:
            row.append(_join([cells[c] for c in col], roles_after[j]))
            sp = (lines[idx[col[0]]][0], lines[idx[col[-1]]][1])
            spans.append(sp)
            last = max(last, sp[1])
        else:
            row.append(None)
            spans.append(None)
    t.total_rows.append(len(t.rows))
    t.rows.append(row)
    if t.cell_spans is not None and t.row_spans is not None:   # set by the builder before its rows
        t.cell_spans.append(spans)
        t.row_spans.append((lines[q][0], last))
    return max(end, last)


def _build_unnumbered(lines, h0: int, h1: int) -> tuple[Table | None, int]:
    """A header run without a numbering column (指标 | 单位 | 2020年 | 2025年 | 属性): the cells
    after it are cut into rows by shape, each row opening with its text cell (the indicator
    or task) and aligned like numbered rows; the table ends at the first line that cannot be
    a cell (a sentence, a heading, a note)."""
    got = _build_year_keyed(lines, h0, h1)
    if got[0] is not None:
        return got
    head = [lines[x][2] for x in range(h0, h1)]
    roles = [header_role(c) or "other" for c in head]
    if "task" in roles and "responsible" in roles:
        got = _build_unnumbered_tasks(lines, h0, h1)
        if got[0] is not None:
            return got
    while len(head) > 3 and (roles[0] == roles[1] or _CAPTION_WORDS.search(head[0])
                             and not _full_header(head[0])):
        h0 += 1                         # a caption naming the table (某区主要指标, 各乡镇…任务表) before 指标
        head, roles = head[1:], roles[1:]
    if not ({"indicator", "task"} & set(roles)):
        got = _build_keyed(lines, h0, h1)
        if got[0] is not None:
            return got
    # columns named with their unit or a count (个数（个）, 面积（公顷）): value columns of a count table
    valued = {j for j, (c, r) in enumerate(zip(head, roles)) if r == "other" and value_named(c)}
    named = [r for j, r in enumerate(roles) if r != "other" or j in valued]
    if (len(named) < 3 or not ({"indicator", "task"} & set(roles))
            or roles[0] not in ("indicator", "task", "group", "other")):
        return None, h1
    if not ({"unit", "target", "baseline", "attribute", "responsible", "deadline"} & set(roles)) \
            and len(valued) < 2:
        return None, h1
    aroles = [VALUE if j in valued else r for j, r in enumerate(roles)]
    unit_col = "unit" in roles
    group_lines = "group" not in roles and roles[0] == "indicator"
    n = len(lines)
    q = h1
    while q < n and q - h1 < 400:
        s = lines[q][2]
        if group_lines and _between_rows_group(lines, q):
            q += 1                      # a group row between the rows (一、城市公园 / （一）综合公园)
            continue
        if len(s) > _ROW_CELL_MAX or s.endswith("。") or _STOP.match(s) or _NUMBERED.match(s) \
                or (_is_header_cell(s) and _is_header_run(lines, q)):
            break
        q += 1
    cells = [lines[x][2] for x in range(h1, q)]
    k = len(head)
    if "1" in cells[:k + 2] and "2" in cells and "3" in cells:
        return None, h1                 # numbered rows under a header without 序号: the shape finder's
    if len(cells) < 2 * max(2, k - 1):
        return None, h1
    INF = float("inf")
    best = [INF] * (len(cells) + 1)
    back = [0] * (len(cells) + 1)
    best[0] = 0.0
    lead_group = {0} if roles[0] == "group" else set()     # 类别 | 指标 | …: 类别 written at its group's first row
    is_group: set[int] = set()             # ends of one-line segments read as group rows
    for i in range(1, len(cells) + 1):
        if group_lines and best[i - 1] < INF and _group_label_line(cells, i - 1):
            c = best[i - 1] + GROUP_LINE
            if c < best[i] - 1e-9:
                best[i], back[i] = c, 1
                is_group.add(i)
        for L in range(max(1, k - 3), k + 4):
            a = i - L
            if a < 0 or best[a] == INF:
                continue
            first = cells[a]
            if is_value(first) or is_attribute(first) or is_unit(first) and unit_col and not _is_total(first):
                continue                      # a row opens with its text cell (合计, 学校 where no unit column)
            c = best[a] + align(cells[a:i], aroles, False, carried=lead_group)[0] + 0.3
            if c < best[i] - 1e-9:
                best[i], back[i] = c, L
                is_group.discard(i)
    # the table may end before the last candidate line: the best prefix per cell
    end = max((i for i in range(len(cells) + 1) if best[i] < INF and i >= 2), default=0,
              key=lambda i: (i - 2.5 * best[i] / max(1, k), i))
    if end < 2 * (k - 1):
        return None, h1
    bounds = []
    i = end
    while i > 0:
        bounds.append((i - back[i], i))
        i -= back[i]
    bounds.reverse()
    groups = [(a, b) for a, b in bounds if b in is_group]
    bounds = [(a, b) for a, b in bounds if b not in is_group]
    if len(bounds) < 2 or best[end] / (len(bounds) + len(groups)) > 0.8 * k:
        return None, h1
    t = Table(title="", columns=list(head), rows=[], start=lines[h0][0], end=lines[h1 + end - 1][1], roles=list(roles))
    t.row_spans, t.cell_spans = [], []
    t.target_years = [column_year(c) for c, r in zip(head, roles) if r == "target"]
    for a, b in sorted(bounds + groups):
        if (a, b) in groups:
            t.groups.append(TableGroup(label=cells[a], first_row=len(t.rows)))
            continue
        _, cl, _ = align(cells[a:b], aroles, False, carried=lead_group)
        row: list[str | None] = []
        spans: list[tuple[int, int] | None] = []
        for j, col in enumerate(cl):
            if col:
                row.append(_join([cells[a + c] for c in col], roles[len(row)]))
                spans.append((lines[h1 + a + col[0]][0], lines[h1 + a + col[-1]][1]))
            elif j in lead_group and t.rows:
                row.append(t.rows[-1][j])          # the merged group cell carried down
                spans.append(t.cell_spans[-1][j])
            else:
                row.append(None)
                spans.append(None)
        used = [x for x in spans if x]
        t.rows.append(row)
        t.cell_spans.append(spans)
        t.row_spans.append((used[0][0], used[-1][1]))
    _title(t, lines, h0)
    return t, h1 + end


_YEAR_KEY = re.compile(r"^(?:19|20)\d\d\s*年?度?$")   # a row keyed by its year: 2025年, 2026, 2027年度


def _build_year_keyed(lines, h0: int, h1: int) -> tuple[Table | None, int]:
    """A table of rows keyed by year (年度 | 新建口袋公园（个） | 新增绿道（公里） then 2025年 | 40 | 50 …): a key
    column name, two value columns or more named with their unit, and rows that each open with a year and hold
    one value per value column. The header run may have taken a section heading before it (二、年度任务) and the
    first row's year after it (a year reads like a column name); both are given back. Roles: the key column
    ``deadline`` (the row's time), the value columns ``other`` (their headers name the measures)."""
    x0, x1 = h0, h1
    while x0 < x1 and _NUMBERED.match(lines[x0][2]):
        x0 += 1                         # a heading the run took (二、年度任务)
    if x1 - 1 > x0 and _YEAR_KEY.match(_norm(lines[x1 - 1][2])):
        x1 -= 1                         # the first row's year
    if x0 < x1 and unit_named(lines[x0][2]) and x0 > 0 and _unknown_head(lines[x0 - 1][2]) \
            and not _NUMBERED.match(lines[x0 - 1][2]) and not _APPENDIX.match(lines[x0 - 1][2]):
        x0 -= 1                         # the key column's name outside the lexicons just before the run (年份)
    head = [lines[x][2] for x in range(x0, x1)]
    k = len(head)
    if k < 3 or value_named(head[0]) or not all(unit_named(c) for c in head[1:]):
        return None, h1
    n = len(lines)
    rows: list[list[str | None]] = []
    spans: list[list[tuple[int, int]]] = []
    q = x1
    while q + k <= n and _YEAR_KEY.match(_norm(lines[q][2])) \
            and all(is_value(lines[q + c][2]) and not _YEAR_KEY.match(_norm(lines[q + c][2])) for c in range(1, k)):
        rows.append([lines[q + c][2] for c in range(k)])
        spans.append([lines[q + c][:2] for c in range(k)])
        q += k
    if len(rows) < 2:
        return None, h1
    t = Table(title="", columns=list(head), rows=rows, start=lines[x0][0], end=lines[q - 1][1],
              roles=["deadline"] + ["other"] * (k - 1))
    t.cell_spans = [list(r) for r in spans]
    t.row_spans = [(r[0][0], r[-1][1]) for r in spans]
    _title(t, lines, x0)
    return t, q


GROUP_LINE = 0.3            # a group label on a line of its own between the rows of an unnumbered table
GROUP_LINE_MAX = 6           # … is a short label (经济发展, 社会民生)


def _between_rows_group(lines, q: int) -> bool:
    """Whether line ``q`` (一、城市公园, （一）综合公园) is a group row of an unnumbered table: a group row's
    shape, and a row's text cell, not a sentence, after it (at most one more group row between)."""
    n = len(lines)
    if not _group_row_text(lines[q][2]) or len(lines[q][2]) > 40:
        return False
    x = q + 1
    while x < n and x - q <= 2 and _group_row_text(lines[x][2]):
        x += 1
    if x >= n:
        return False
    s = lines[x][2]
    return not (_NUMBERED.match(s) or _STOP.match(s) or s.endswith("。") or len(s) > _ROW_CELL_MAX
                or is_value(s) or is_unit(s))


def _group_label_line(cells: list[str], x: int) -> bool:
    """Whether line ``x`` of an unnumbered indicator table's cells is a group label between rows: a
    short label (no digit, no value, unit, attribute or sentence mark) followed by a longer text line
    (the next row's indicator), not the first piece of a name wrapped over two lines (保障性住房占住宅 /
    总量比例 opens with the longer piece)."""
    if x + 1 >= len(cells):
        return False
    c, nxt = _norm(cells[x]), _norm(cells[x + 1])
    if _group_row_text(c) and len(c) <= 40 and not (is_value(nxt) or is_unit(nxt) or is_attribute(nxt)):
        return True                 # 一、城市公园 / （一）综合公园: a group row's shape
    if not (2 <= len(c) <= GROUP_LINE_MAX) or _DIGIT.search(c) or _SENT_PUNCT.search(c) or _CONT_END.search(c):
        return False
    if is_value(c) or is_unit(c) or is_attribute(c) or is_value(nxt) or is_unit(nxt) or is_attribute(nxt):
        return False
    return len(nxt) >= len(c)


KEYED_MAX_CARRY = 3           # leading cells a row of a keyed table may share with the row above
KEYED_SPAN = 400              # lines a keyed table may run over


def _build_keyed(lines, h0: int, h1: int) -> tuple[Table | None, int]:
    """A table without row numbers keyed by its first column (乡镇 | 常住人口（万人） | 类型 | 现有（个） |
    2025年目标（个）): two value columns or more (named with a unit or a value role), the first a label.
    A row is written in full, or without its first cells when they are merged with the row above
    (a name and its per-name value written once over two rows: 某城镇 | 8.2 | 等级 | 2 | 3 then 社区 | 5 |
    8): rows are cut by a dynamic programme over row ends, each row's cells aligned to the last
    columns by shape (a value in a value column, text in the others), its missing first cells carried
    down. The name column outside the lexicons just before the run (乡镇) is the first column."""
    if h0 > 0 and _unknown_head(lines[h0 - 1][2]) and not _APPENDIX.match(lines[h0 - 1][2]) \
            and not _CAPTION_WORDS.search(lines[h0 - 1][2]):
        h0 -= 1
    head = [lines[x][2] for x in range(h0, h1)]
    k = len(head)
    vals = [value_named(c) for c in head]
    if k < 3 or vals[0] or sum(vals) < 2:
        return None, h1
    n = len(lines)
    q = h1
    while q < n and q - h1 < KEYED_SPAN:
        s = lines[q][2]
        if len(s) > MAX_GRID_CELL or _SENT_PUNCT.search(s) or _STOP.match(s) or _NUMBERED.match(s) \
                or (_is_header_cell(s) and _is_header_run(lines, q)):
            break
        q += 1
    cells = [lines[x][2] for x in range(h1, q)]
    N = len(cells)

    def fits(c: str, j: int) -> bool:
        return is_value(c) if vals[j] else not is_value(c)
    INF = float("inf")
    best = [INF] * (N + 1)
    back = [0] * (N + 1)
    best[0] = 0.0
    total_at: set[int] = set()
    for a in range(N):
        if best[a] == INF:
            continue
        if _is_total(cells[a]) and a > 0:
            # a 合计 row: its label in the first column (over the label columns), its values at the end
            for L in range(2, k + 1):
                if a + L > N or not all(is_value(c) and vals[k - L + x] for x, c in enumerate(cells[a + 1:a + L], 1)):
                    continue
                c = best[a] + 1.0
                if c < best[a + L] - 1e-9:
                    best[a + L], back[a + L] = c, L
                    total_at.add(a)
            continue
        for L in range(k, max(1, k - KEYED_MAX_CARRY) - 1, -1):
            i = a + L
            if i > N or (a == 0 and L < k):
                continue                  # the first row is written in full
            if all(fits(cells[a + x], k - L + x) for x in range(L)):
                c = best[a] + 1.0 + 0.5 * (k - L)
                if c < best[i] - 1e-9:
                    best[i], back[i] = c, L
    end = max((i for i in range(N + 1) if best[i] < INF), default=0)
    bounds: list[tuple[int, int]] = []
    i = end
    while i > 0:
        bounds.append((i - back[i], i))
        i -= back[i]
    bounds.reverse()
    if len(bounds) < 3 or sum(1 for a, b in bounds if b - a == k) < 2:
        return None, h1
    roles = [header_role(c) or "other" for c in head]
    t = Table(title="", columns=list(head), rows=[], start=lines[h0][0], end=lines[h1 + end - 1][1], roles=roles)
    t.row_spans, t.cell_spans = [], []
    t.target_years = [column_year(c) for c, r in zip(head, roles) if r == "target"]
    for a, b in bounds:
        if a in total_at:
            t.total_rows.append(len(t.rows))
            t.rows.append([cells[a]] + [None] * (k - (b - a)) + cells[a + 1:b])
            t.cell_spans.append([lines[h1 + a][:2]] + [None] * (k - (b - a))
                                + [lines[h1 + x][:2] for x in range(a + 1, b)])
            t.row_spans.append((lines[h1 + a][0], lines[h1 + b - 1][1]))
            continue
        m = k - (b - a)
        prev = t.rows[-1] if t.rows else [None] * k
        row: list[str | None] = list(prev[:m]) + cells[a:b]
        spans: list[tuple[int, int] | None] = [None] * m + [lines[h1 + x][:2] for x in range(a, b)]
        t.rows.append(row)
        t.cell_spans.append(spans)
        t.row_spans.append((lines[h1 + a][0], lines[h1 + b - 1][1]))
    t.roles = _checked_roles([[c or "" for c in r] for x, r in enumerate(t.rows) if x not in t.total_rows],
                             list(roles))                  # 类型 over 等级/社区
    _title(t, lines, h0)
    return t, h1 + end


UNNUMBERED_TASK_SPAN = 300        # lines a task table without row numbers may run over
BODY_OPENS_ROW = 0.25             # a row of a table without numbers opening with a cell that reads like a body
_CAPTION_WORDS = re.compile(r"[表单]$|清单|一览|^(?:附)?表\s*[\d一二三四五六七八九十]+(?:[-－.．]\d+)?\s*\S"
                            # 附件 年度目标, 附件2：分年度指标: an attachment's title line before the header
                            rf"|^(?:{vocab.lexicon_regex('structure_attachment_labels')})\s*[\d一二三四五六七八九十]{{0,2}}"
                            r"[\s：:]+\S"
                            rf"|^(?:{vocab.lexicon_regex('table_caption_labels')})\s*[\d一二三四五六七八九十]+\s*\S")


def _build_unnumbered_tasks(lines, h0: int, h1: int) -> tuple[Table | None, int]:
    """A task table without row numbers (重点任务 | 具体工作 | 时间进度 | 责任部门): the cells after the
    header are cut into rows by a dynamic programme over row ends (each row aligned like a
    numbered one; group rows 一、… between rows are kept as groups); the table ends where the
    rows stop fitting. Cells may be sentences over several lines."""
    head = [lines[x][2] for x in range(h0, h1)]
    while len(head) > 3 and (_CAPTION_WORDS.search(head[0]) or _SECTION_HEADING.match(head[0])):
        h0, head = h0 + 1, head[1:]       # a caption (某区重点任务清单) or a heading before the header
    roles = [header_role(c) or "other" for c in head]
    k = len(head)
    if k < 2 or "task" not in roles or "responsible" not in roles:
        return None, h1
    n = len(lines)
    q = h1
    while q < n and q - h1 < UNNUMBERED_TASK_SPAN:
        s = lines[q][2]
        if (_STOP.match(s) and not _GROUP_ROW.match(s)) or (_is_header_cell(s) and _is_header_run(lines, q)) \
                or _INT.match(s):
            break                         # 一、… may be a group row: the rows decide where the table ends
        q += 1
    cells = [lines[x][2] for x in range(h1, q)]
    N = len(cells)
    if N < 2 * k:
        return None, h1
    carry = carried_columns(roles)
    resp = roles.index("responsible")

    def group_len(i: int) -> int:
        c = cells[i]
        if _GROUP_ROW.match(c) and not _BARE_NUMERAL.match(c) and len(c) <= 30:
            return 1
        if _BARE_NUMERAL.match(c) and i + 1 < N and not is_value(cells[i + 1]) and len(cells[i + 1]) <= 30:
            return 2
        return 0

    def opens(c: str) -> float | None:
        """What opening a row with ``c`` costs: None for a value, unit or deadline; a little for a
        cell that reads like a body (a project 农产品冷链物流中心 ends like one): else it is glued onto
        the row above's 责任单位 cell."""
        if is_value(c) or is_attribute(c) or is_unit(c) or is_schedule(c) or is_kind(c):
            return None
        return BODY_OPENS_ROW if _named_body(c) or _agency_like(c) else 0.0
    INF = float("inf")
    best = [INF] * (N + 1)
    back: list[tuple[str, int]] = [("", 0)] * (N + 1)
    best[0] = 0.0
    for a in range(N):
        if best[a] == INF:
            continue
        g = group_len(a)
        if g and best[a] + 0.1 < best[a + g]:
            best[a + g], back[a + g] = best[a] + 0.1, ("group", a)
        if _is_total(cells[a]):
            # a 合计/小计 row: its label and the values after it
            e = a + 1
            while e < N and e - a <= k and is_value(cells[e]):
                e += 1
            if e > a + 1 and best[a] + 0.1 < best[e]:
                best[e], back[e] = best[a] + 0.1, ("total", a)
            continue
        pen = opens(cells[a])
        if pen is None:
            continue
        for i in range(a + 1, min(N, a + k + MAX_CELL_LINES) + 1):
            if i - 1 > a and group_len(i - 1):
                break                     # a group row is no part of a row
            cost, cl, _ = align(cells[a:i], roles, False, carried=carry)
            if not cl[resp]:
                cost += 1.0               # a task row names its bodies
            c = best[a] + cost + 0.3 + pen
            if c < best[i] - 1e-9:
                best[i], back[i] = c, ("row", a)
    ends = [i for i in range(2, N + 1) if best[i] < INF and back[i][0] in ("row", "total")]
    if not ends:
        return None, h1
    end = max(ends, key=lambda i: (i - 2.5 * best[i] / max(1, k), i))
    segs: list[tuple[str, int, int]] = []
    i = end
    while i > 0:
        kind, a = back[i]
        segs.append((kind, a, i))
        i = a
    segs.reverse()

    def named(seg: tuple[str, int, int]) -> bool:
        _, cl, _ = align(cells[seg[1]:seg[2]], roles, False, carried=carry)
        return bool(cl[resp]) and responsibility.has_agency(_join([cells[seg[1] + c] for c in cl[resp]]))
    while segs and (segs[-1][0] == "group" or segs[-1][0] == "row" and not named(segs[-1])):
        segs.pop()                        # the table ends at its last row that names its bodies (or a total)
    if not segs:
        return None, h1
    end = segs[-1][2]
    rows = [x for x in segs if x[0] == "row"]
    if len(rows) < 2 or best[end] / len(rows) > 1.5 or segs[0][0] == "total" and len(segs) == 1:
        return None, h1
    t = Table(title="", columns=list(head), rows=[], start=lines[h0][0], end=lines[h1 + end - 1][1], roles=list(roles))
    t.row_spans, t.cell_spans = [], []
    last_seen: dict[int, str] = {}
    ok = 0
    for kind, a, b in segs:
        if kind == "group":
            t.groups.append(TableGroup(label=" ".join(cells[a:b]), first_row=len(t.rows)))
            continue
        if kind == "total":
            # the label in the first column, the values aligned like a row's (nothing carried)
            _, cl, _ = align(cells[a + 1:b], roles[1:], False)
            t.total_rows.append(len(t.rows))
            t.rows.append([cells[a]] + [_join([cells[a + 1 + c] for c in col], roles[1 + j]) if col else None
                                        for j, col in enumerate(cl)])
            t.cell_spans.append([lines[h1 + a][:2]] + [(lines[h1 + a + 1 + col[0]][0], lines[h1 + a + 1 + col[-1]][1])
                                                       if col else None for col in cl])
            t.row_spans.append((lines[h1 + a][0], lines[h1 + b - 1][1]))
            continue
        _, cl, _ = align(cells[a:b], roles, False, carried=carry)
        row: list[str | None] = []
        spans: list[tuple[int, int] | None] = []
        for j, col in enumerate(cl):
            if col:
                row.append(_join([cells[a + c] for c in col], roles[j]))
                spans.append((lines[h1 + a + col[0]][0], lines[h1 + a + col[-1]][1]))
                last_seen[j] = row[-1] or ""
            else:
                row.append(last_seen.get(j) if j in carry else None)
                spans.append(None)
        ok += bool(cl[resp])
        used = [x for x in spans if x]
        t.rows.append(row)
        t.cell_spans.append(spans)
        t.row_spans.append((used[0][0], used[-1][1]))
    if ok * 10 < 8 * (len(t.rows) - len(t.total_rows)):
        return None, h1
    _title(t, lines, h0)
    return t, h1 + end


def _is_header_run(lines, q: int) -> bool:
    k = _run_end(lines, q) if _is_header_cell(lines[q][2]) else q
    roles = [header_role(lines[x][2]) for x in range(q, k)]
    return k - q >= 3 and "number" in roles


def _line_index(lines, pos: int) -> int:
    for x, (a, b, _) in enumerate(lines):
        if a <= pos <= b:
            return x
    return len(lines) - 1


def _mode(xs: list[int], near: int) -> int:
    """The most frequent row width; a tie goes to the width nearest the header's."""
    best, cnt = xs[0], 0
    for x in sorted(set(xs)):
        c = xs.count(x)
        if c > cnt or (c == cnt and abs(x - near) < abs(best - near)):
            best, cnt = x, c
    return best


_TITLE_SENT = re.compile(r"[。；;！？]")
_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")     # 三、任务分解: the section's heading, no caption


def _title(t: Table, lines, h0: int) -> None:
    """The caption: the line right before the header when short and unpunctuated."""
    if h0 == 0:
        return
    a, _, s = lines[h0 - 1]
    if len(s) <= 60 and not _TITLE_SENT.search(s) and not s.endswith(("：", ":")) and not _INT.match(s) \
            and not _SECTION_HEADING.match(s) and not is_value(s):    # 2.6: the last cell of a table above
        t.title, t.start = s, a


def find_all(text: str) -> list[Table]:
    """Every plain-text table of ``text``: header-run tables (this module), task tables
    written one row per line (``tasktables``), and indicator tables recognised by their
    shape alone (``tables``: numbered rows of values under a header without 序号), the
    first found winning where they overlap; sorted by position."""
    from . import indicator_tables, rowfit, tasktables
    out: list[Table] = []
    headed = find(text)
    fitted = rowfit.find(text)
    fitted_tasks = [f for f in fitted if "responsible" in (f.roles or [])]
    fitted_generic = [f for f in fitted if set((f.roles or [])[1:]) == {"other"}]
    fitted_rest = [f for f in fitted if f not in fitted_tasks and f not in fitted_generic]
    for f in fitted:
        # a header run cut short by a column name outside the lexicons (序号 | 工作事项 | 推进举措 |
        # 承办单位 then 时间要求), or one that read no task/responsibility columns: the row fit wins
        over = [h for h in headed if h.start < f.end and f.start < h.end]
        if over and all(_fit_is_better(h, f) for h in over):
            headed = [h for h in headed if h not in over] + [f]       # in the header run's place
    found = headed + fitted_tasks + tasktables.find(text) + fitted_rest + fitted_generic \
        + indicator_tables.find_tables(text) + find_grids(text)
    found += rowfit.find_unnumbered(text, [(t.start, t.end) for t in found])
    for t in found:
        if not any(t.start < f.end and f.start < t.end for f in out):
            out.append(t)
    for t in out:
        annotate(t)
    return sorted(out, key=lambda t: t.start)


# roles the row fit may give a header run's ``other`` column (never a task: a list of names or sites)
_FIT_ROLES = ("responsible", "deadline", "description", "target", "baseline")


def _fit_is_better(headed: Table, fitted: Table) -> bool:
    k = len(headed.columns)
    if k < len(fitted.columns) and [_norm(c) for c in headed.columns] == [_norm(c) for c in fitted.columns[:k]] \
            and not any(_group_row_text(c) for c in fitted.columns[k:]):
        return True           # (a group row over row 1, 一、交通设施, is no column name)
    roles = headed.roles or []
    froles = fitted.roles or []
    if [_norm(c) for c in headed.columns] == [_norm(c) for c in fitted.columns] and len(roles) == len(froles) \
            and "other" in roles and all(a == b or a == "other" and b in _FIT_ROLES
                                         for a, b in zip(roles, froles)) \
            and (_filled_rows(fitted) > _filled_rows(headed)
                 or roles != froles and len(fitted.rows) >= len(headed.rows)):
        return True           # a name outside the lexicons (协同部门) whose cells the row fit read (the same
        #                       roles and rows read by the header run: it keeps its rows)
    if [_norm(c) for c in headed.columns] == [_norm(c) for c in fitted.columns] and "responsible" in roles:
        return False          # the header read whole, with its 责任单位: content gives no task to a list of sites
    if "indicator" in roles and any(r in VALUE_ROLES for r in roles) and "task" in froles:
        return False          # an indicator table read by its header (指标 | 单位 | 目标值 …): its names are no tasks
    return "responsible" in (fitted.roles or []) and not ("task" in roles and "responsible" in roles) \
        and len(fitted.rows) >= len(headed.rows)


def _filled_rows(t: Table) -> int:
    """Rows of ``t`` with half of their cells after the first one filled or more (a row of a number
    alone is none)."""
    return sum(1 for r in t.rows if 2 * sum(1 for c in r[1:] if c) >= max(1, len(r) - 1))


_SPACED_OUT = re.compile(r"^\S(?:[ \u3000]+\S)+$")


def unspaced(name: str) -> str:
    """A column name spaced out letter by letter (类　别, 序 号, 属 性) without its spaces; a name
    joined from header rows (目标值 2025年) keeps them."""
    return re.sub(r"[ \u3000]+", "", name) if name and _SPACED_OUT.match(name) else name


@lru_cache(maxsize=1)
def _task_or_target_head() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('table_col_task_or_target')})")


CLAUSE_SHARE = 0.5        # share of a column's cells that decides a task-or-target column's reading
_CJK2 = re.compile(r"[\u4e00-\u9fff]{2}")


def task_or_target_head(name: str | None) -> bool:
    """A column name holding a word that may name a task or a target (目标任务, 2026年目标任务, 工作目标)."""
    return bool(_task_or_target_head().search(_norm(name or "")))


def clause_role(cells: Sequence[str | None], role: str) -> str:
    """The role of a task-or-target column from its cells: ``target`` when at least CLAUSE_SHARE of them
    are value clauses (稳定在45万亩以上, 不低于90%: :func:`is_value_clause`), ``task`` when at least that share
    are verb clauses (text that is no value clause), ``role`` (the header's reading) otherwise."""
    xs = [c for c in cells if c and _norm(c) not in ("", "—", "-", "/")]
    if len(xs) < 2:
        return role
    if sum(1 for c in xs if is_value_clause(c)) >= CLAUSE_SHARE * len(xs):
        return "target"
    if sum(1 for c in xs if not is_value_clause(c) and _CJK2.search(c)) >= CLAUSE_SHARE * len(xs):
        return "task"
    return role


def task_or_target_roles(t: Table) -> list[str]:
    """Roles of ``t`` with each column named by a word that may name a task or a target
    (table_col_task_or_target) read from its cells (:func:`clause_role`)."""
    roles = list(t.roles or [])
    for j, (name, role) in enumerate(zip(t.columns, roles)):
        if role in ("task", "target", "other") and task_or_target_head(name):
            roles[j] = clause_role([row[j] if j < len(row) else None for r, row in enumerate(t.rows)
                                    if r not in t.total_rows], role)
    return roles


def annotate(t: Table) -> Table:
    """Fill a table's column roles, target years and total rows from its header and rows when not
    set yet (markup tables, the older shape-based ones); column names spaced out letter by letter
    lose their spaces (类　别 -> 类别). A column named by a word that may name a task or a target
    takes its role from its cells (:func:`task_or_target_roles`)."""
    t.columns = [unspaced(c) for c in t.columns]
    if t.roles is None or len(t.roles) != len(t.columns):
        t.roles = column_roles(t.columns)
    if not t.total_rows:
        # 合计/小计 rows of markup tables and the row-fit ones: the label in one of the first two cells
        t.total_rows = [r for r, row in enumerate(t.rows) if any(_is_total(c or "") for c in row[:2])]
    roles = task_or_target_roles(t)
    if roles != t.roles:
        t.roles = roles
        t.target_years = [column_year(c) for c, r in zip(t.columns, t.roles) if r == "target"]
    if not t.target_years:
        t.target_years = [column_year(c) for c, r in zip(t.columns, t.roles) if r == "target"]
    return t


# -- grids without a numbering column ---------------------------------------------------
_NUMBERED = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.、．](?!\d)"
                       r"|第[一二三四五六七八九十\d]+[章节条])")
MAX_GRID_CELL = 24


def _grid_cell(s: str) -> bool:
    return len(s) <= MAX_GRID_CELL and not _SENT_PUNCT.search(s) and not s.endswith("。") and not _NUMBERED.match(s)


def find_grids(text: str) -> list[Table]:
    """Small grids without a numbering column (a header row of column names, then rows of a
    label and its values: ``评价得分 | 90分及以上 | 80分及以上 …``), the header's first cell
    possibly empty (the corner of a row-labelled grid). Recognised by shape: a run of short
    cells that splits into rows of the same width whose first cell is text and most other
    cells values, under a header row of text cells."""
    lines = _lines(text)
    out: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        if not _grid_cell(lines[i][2]):
            i += 1
            continue
        j = i
        while j < n and _grid_cell(lines[j][2]):
            j += 1
        t = _grid(lines, i, j)
        if t is not None:
            out.append(t)
        i = j
    return out


def _grid(lines, i: int, j: int) -> Table | None:
    run = [lines[x][2] for x in range(i, j)]
    L = len(run)
    for c in range(3, 9):
        for corner in (0, 1):
            if (L + corner) % c or (L + corner) // c < 3:
                continue
            cells = [""] * corner + run
            rows = [cells[r * c:(r + 1) * c] for r in range((L + corner) // c)]
            head, data = rows[0], rows[1:]
            if any(is_value(h) for h in head if h):
                continue
            ok = all(not is_value(r[0]) and sum(1 for x in r[1:] if is_value(x)) * 10 >= 6 * (c - 1) for r in data)
            if not ok:
                continue
            t = Table(title="", columns=head, rows=[list(r) for r in data], start=lines[i][0], end=lines[j - 1][1])
            t.roles = column_roles(head)
            _title(t, lines, i)
            if t.title and _NUMBERED.match(t.title):
                t.title, t.start = "", lines[i][0]
            return t
    return None
