"""Year scope: which year a statement's amount is for, and why (``year_source``).

Sources, in the order they win:

* ``sentence``     -- a year phrase earlier in the same sentence (到2025年底，X达到N; 2030年X达到N).
* ``block``        -- the lead of the paragraph or of the block the sentence sits in: a paragraph led by
                      到2030年 / 至2035年 / 到“十五五”末 governs its sentences, and a lead paragraph ending in
                      a colon (or a heading naming a year) governs the paragraphs after it in its section;
                      the review of the last period (发展基础 sections, “十四五”以来) is for that period's end.
* ``table_header`` -- the year of the table column the value sits in (set by the table step).
* ``plan_period``  -- the plan's own end year, for goals that state none (a plan's goals are for its end).
* ``none``         -- yearly quantities (每年), norms and undated statements of plans without a period.

Baseline years (由2020年的…, 比2020年, 较2020年) never govern. Five-year periods are written 十N五 (“十四五”:
2021–2025); :func:`period_end` turns them into years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ontology import vocab
from ontology.mapping.quantity import cn_number
from ontology.mapping.text import Span


def _lex(name: str) -> str:
    return vocab.lexicon_regex(name)


_DIGIT = "[一二三四五六七八九]"
YEAR_RE = re.compile(rf"(?:(?:{_lex('year_prepositions')})\s*)?((?:19|20)\d\d)\s*年(?!版)"
                     rf"(?:{_lex('year_suffixes')}){{0,2}}")
PERIOD_RE = re.compile(rf"“?十({_DIGIT})五”?\s*({_lex('year_period_suffixes')})?")
_LEAD = re.compile(rf"^[^，。；：,;:]{{0,12}}?(?:{_lex('target_governing_lead')})\s*"
                   rf"(?:((?:19|20)\d\d)\s*年(?:底|末)?|“?十({_DIGIT})五”?\s*(?:{_lex('year_period_end_forms')}))")
_BASELINE_MARK = vocab.lexicon("year_baseline_marks")
_BASELINE_AFTER = re.compile(rf"\s*(?:{_lex('year_baseline_after')})")
# 一是2027年…: a list item, not 是2010年的2倍
_ENUMERATED_SHI = re.compile(r"(?:^|[。；;：:，,\s])[一二三四五六七八九十]{1,2}是$")


_CUTOFF = re.compile(rf"\d{{1,2}}月(?:\d{{1,2}}日)?(?:{_lex('year_cutoff_after')})[\u4e00-\u9fff]{{1,4}}的"
                     r"|(?:以前|前)[\u4e00-\u9fff]{1,4}的")
_CUTOFF_AFTER_FRONT = re.compile(r"[\u4e00-\u9fff]{1,4}的")


@dataclass(frozen=True)
class YearScope:
    year: int | None
    source: str  # sentence | block | table_header | plan_period | none


NONE = YearScope(None, "none")


def period_end(numeral: str) -> int | None:
    """十四五 -> 2025 (the 14th five-year plan, 2021-2025)."""
    n = cn_number(numeral)
    return None if n is None else int(1955 + 5 * (10 + n))


def _phrases(text: str, upto: int) -> list[tuple[int, int]]:
    """(position, year) of every governing year phrase in text[:upto]: YYYY年 and 十N五末."""
    out = []
    for m in YEAR_RE.finditer(text, 0, max(0, upto)):
        if m.group(0).startswith(("从", "自")) or (text[max(0, m.start() - 1):m.start()] in _BASELINE_MARK
                                                  and not _ENUMERATED_SHI.search(text, 0, m.start())) \
                or _BASELINE_AFTER.match(text, m.end()):
            continue  # 由2020年的…, 与2025年相比: a baseline
        if _CUTOFF.match(text, m.end()) or (m.group(0).endswith("前") and _CUTOFF_AFTER_FRONT.match(text, m.end())):
            continue  # 2000年底前建成的小区: a cutoff of which objects, not the year of the statement
        out.append((m.start(), int(m.group(1))))
    for m in PERIOD_RE.finditer(text, 0, max(0, upto)):
        if (m.group(2) in vocab.lexicon("year_period_end_forms")
                and text[max(0, m.start() - 1):m.start()] not in _BASELINE_MARK
                and not _BASELINE_AFTER.match(text, m.end())):
            y = period_end(m.group(1))
            if y:
                out.append((m.start(), y))
    out.sort()
    return out


def governing(context: Span, sent: Span, pos: int) -> YearScope:
    """The last year phrase before document offset ``pos`` in the paragraph ``context``: ``sentence`` when it
    is inside ``sent``, ``block`` when the paragraph's earlier sentences state it."""
    upto = pos - context.start
    # a year written after 其中 (建成80个，其中2024年建成30个；…) dates its own clause only
    found = [(at, y) for at, y in _phrases(context.text, upto)
             if not (context.text[max(0, at - 3):at].endswith(("其中", "其中，"))
                     and re.search(r"[；;]", context.text[at:upto]))]
    if not found:
        return NONE
    at, year = found[-1]
    return YearScope(year, "sentence" if context.start + at >= sent.start else "block")


def lead_year(paragraph: str) -> int | None:
    """到2030年，… / 至2035年，… / 到“十五五”末，… at the head of a paragraph: the year it leads with."""
    m = _LEAD.match(paragraph.strip())
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else period_end(m.group(2))


def prior_period_end(text: str, period_start: int | None) -> int | None:
    """A sentence about an earlier plan period (“十四五”以来, “十三五”期间, 十四五时期 in a 2026-2030 plan):
    that period's end year."""
    for m in PERIOD_RE.finditer(text):
        if text[max(0, m.start() - 1):m.start()] in _BASELINE_MARK:
            continue  # 较“十三五”末提高41.3%: a baseline, not the figure's own period
        y = period_end(m.group(1))
        if y and (period_start is None or y < period_start) and (m.group(2) in vocab.lexicon("year_prior_period_forms")
                                                                 or period_start):
            return y
    return None


def previous_period_end(period_start: int | None) -> int | None:
    return period_start - 1 if period_start else None
