"""The structured document: the boundary between the loaders and the ontology mapping.

Offsets everywhere are character offsets [start, end) into ``ParsedDocument.text``
(the cleaned simplified text). ``original`` is the cleaned original-script text and
has the same length, character for character, so the same offsets highlight either.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RegionMeta:
    name: str                      # 扬州市
    name_en: str                   # Yangzhou
    level: str                     # province | prefecture | county
    province: str | None = None    # 江苏省 (None for a province itself)
    province_en: str | None = None
    parent: str | None = None      # 湖州市 for 吴兴区; the province for a city
    parent_en: str | None = None
    slug: str = ""                 # stable id part, e.g. "yangzhou"


@dataclass
class PlanMeta:
    plan_id: str                   # stable id, e.g. "plan:yangzhou:2022-80"
    source_file: str               # file name as given in data/plans
    region: RegionMeta
    title: str | None = None
    doc_number: str | None = None  # 扬府办发〔2022〕80号
    issuer: str | None = None
    issued: str | None = None      # ISO date
    published: str | None = None   # ISO date
    period_start: int | None = None
    period_end: int | None = None
    validity: str | None = None
    plan_type: str | None = None   # 规划 | 行动方案 | 实施方案 | 实施意见 | ...
    script: str | None = None      # simplified | traditional
    checks: list[str] = field(default_factory=list)  # disagreements between text and metadata file


@dataclass
class Section:
    id: str
    level: int
    number: str | None
    title: str
    path: list[str]
    start: int
    end: int


@dataclass
class Responsibility:
    raw: str
    lead: list[str]
    involved: list[str]
    start: int
    end: int
    deadline: str | None = None    # a time part of the clause (5月底完成, 完成时限：2024年底前)
    # agencies a blanket clause earlier in the plan names for this measure too
    # (以下均需各县（市、区）人民政府负责，不再列出), and where that clause stands
    implied: list[str] = field(default_factory=list)
    implied_start: int | None = None
    implied_end: int | None = None
    # the clause stands inside the measure's own sentences or heading (由市民政局牵头…, 区财政局负责…,
    # a duty heading), not at its end: the measure's text is not cut there
    inline: bool = False


@dataclass
class Measure:
    id: str                        # stable within the plan, e.g. "m-2-3"
    title: str
    text: str
    section_path: list[str]
    start: int
    end: int
    number: str | None = None
    kind: str = "measure"          # measure | safeguard | box
    responsibility: Responsibility | None = None
    deadline: str | None = None    # as written (2025年底前, 全年推进), from its clause or its task-table row


Span = tuple[int, int]


@dataclass
class TableGroup:
    label: str                     # a group row (一、强化产业支撑) or a merged group cell
    first_row: int                 # index of the group's first row in Table.rows


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str | None]]
    start: int
    end: int
    # column roles (number|indicator|unit|baseline|target|attribute|description|task|deadline|
    # responsible|group|kind|other; kind: a task-type column, 制度类 / 出台文件), one per column;
    # None = not inferred
    roles: list[str] | None = None
    target_years: list[int | None] = field(default_factory=list)   # per target column, in column order
    groups: list[TableGroup] = field(default_factory=list)
    # offsets of each row and each cell in the text (tables whose rows become measures)
    row_spans: list[Span | None] | None = None
    cell_spans: list[list[Span | None]] | None = None
    # rows that are totals (合计/小计/总计): rows of the table, no task or indicator of their own
    total_rows: list[int] = field(default_factory=list)


@dataclass(slots=True)  # one per edit of the cleaning passes: no __dict__ each
class Dropped:
    reason: str
    text: str
    position: int                  # offset in the decoded input
    # added by the loaders (optional): how many characters of the decoded input the
    # record covers, [position, position + source_len). Differs from len(text) when an
    # earlier edit already changed that stretch (e.g. a junk line whose pinyin
    # annotations were removed first). None = len(text).
    source_len: int | None = None


@dataclass(slots=True)
class Repair:
    kind: str
    before: str
    after: str
    position: int
    source_len: int | None = None  # as Dropped.source_len; None = len(before)
    confidence: float | None = None  # how sure an inferred repair is (0..1); None = read from the bytes


@dataclass
class ParsedDocument:
    meta: PlanMeta
    text: str
    original: str
    sections: list[Section] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `python -m graph parse` output shape (cell offsets left out: they are for the
        structure pass, the rows and the table span say where everything is)."""
        out = asdict(self)
        for t in out["tables"]:
            t.pop("row_spans", None)
            t.pop("cell_spans", None)
        return out


class LoaderError(ValueError):
    """A plan file that cannot be read: the message names the file and the reason."""
