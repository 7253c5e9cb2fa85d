"""Responsibility clauses of a parsed document's measures.

The clause grammar lives in :mod:`ontology.responsibility` (one module for the loaders and the mapping;
its names are re-exported here). This module adds the document-level pass that runs once the measures
are segmented (:func:`settle`, called by the pipeline after ``structure.build``): clauses whose scope
is more than their own measure.

- a closing clause on a line of its own, ``以上工作由市工信局牵头，市发展改革委参与。`` (openers:
  lexicon responsibility_scope_openers), names the agencies of every earlier item of its section that
  has no clause of its own, back to the previous such clause; so does a line opening with a part's opener
  (``本部分任务责任单位：…``) or ending with a back reference (``A、B按职责分工负责上述工作。``: lexicon
  responsibility_scope_closers, cut off before the clause is parsed);
- a part's line that stands before the first item of its section, right under the heading (``本部分任务由A牵头，
  B、C配合。``: lexicon responsibility_scope_part_openers, or a labelled role line ``牵头单位：A；配合单位：B``),
  names the agencies of every item of that section after it that has no clause of its own; a part's line
  after items closes them as above (it had been given to the items of the section before);
- a blanket clause, ``以下各项工作均需各县（市、区）人民政府负责，不再列出`` (lexicon
  responsibility_blanket), names agencies implied for every later measure with a clause of its own, to
  the end of the text or to the next blanket clause, whichever comes first: 以下 means every item below,
  across chapters (the annotator's reading of the seeds: the Wuxi blanket in chapter 二 also holds for
  the clauses of its 要素保障 chapter). A scope of one chapter had lost those links.
"""
from __future__ import annotations

import dataclasses
import re

from model.document import Measure, ParsedDocument, Section
from ontology.responsibility import *  # noqa: F401,F403
from ontology.responsibility import (  # noqa: F401
    Responsibility,
    blanket,
    find_clause,
    from_cells,
    generic_local_government,
    is_agency_name,
    is_role_line,
    names_a_role,
    parse,
    part_opener,
    scope_closer,
    scope_opener,
    split_top,
)


def settle(doc: ParsedDocument) -> None:
    """Give closing clauses to the items they close and blanket clauses to every later item with a clause."""
    _closing_clauses(doc.text, doc.sections, doc.measures)
    _scope_blankets(doc.text, doc.sections, doc.measures)


def _own_section(sections: list[Section], at: int) -> Section | None:
    """The innermost section whose span holds offset ``at``."""
    held = [s for s in sections if s.start <= at < s.end]
    return max(held, key=lambda s: (len(s.path), s.start)) if held else None


def _items_after(line_at: int, sections: list[Section], measures: list[Measure]) -> list[Measure] | None:
    """The items a part's line names when it stands before the first item of its section, right under the
    heading (本部分任务由A牵头，B配合。 / 牵头单位：A；配合单位：B): every item of that section after it; None
    when an item of the section comes before it or the line is inside an item's own text."""
    sec = _own_section(sections, line_at)
    if sec is None or any(m.start <= line_at < m.end for m in measures):
        return None
    mine = [m for m in measures if sec.start <= m.start < sec.end and m.section_path[:len(sec.path)] == sec.path]
    if not mine or any(m.start < line_at for m in mine):
        return None
    return mine


def _closing_clauses(text: str, sections: list[Section], measures: list[Measure]) -> None:
    pos = 0
    prev_end = -1
    for line in text.split("\n"):
        a, pos = pos, pos + len(line) + 1
        s = line.strip()
        ahead = _items_after(a, sections, measures) if (part_opener(s) or is_role_line(s)) else None
        if ahead is not None:
            _give(s, a + (len(line) - len(line.lstrip())), ahead, a, len(line))
            continue
        cut = None if scope_opener(s) else scope_closer(s)
        if not scope_opener(s) and cut is None:
            continue
        if not names_a_role(s) or re.search(r"负责解释|解释权", s):
            continue                     # 以上标准自…起施行 / 以上政策由…负责解释: no assignment
        r = parse(s[:cut].rstrip("。；;"), a + (len(line) - len(line.lstrip())))
        names = r.lead + r.involved
        if not names or not all(is_agency_name(n) or generic_local_government(n) for n in names):
            continue
        before = [m for m in measures if m.start < a]
        if not before:
            continue
        last = before[-1]
        run = []
        for m in reversed(before):
            if m.section_path != last.section_path or m.kind != last.kind or m.start <= prev_end:
                break
            run.append(m)
        prev_end = a
        for m in run:
            own = m.responsibility
            if own is not None and not (own.start >= a and own.end <= a + len(line)):
                continue                 # an item with its own clause keeps it
            if own is not None:          # the item that holds the closing line: its own clause, if any
                span = find_clause(text[m.start:a].rstrip("\n"))
                if span:
                    m.responsibility = parse(text[m.start + span[0]:m.start + span[1]], m.start + span[0])
                    continue
            m.responsibility = dataclasses.replace(r, lead=list(r.lead), involved=list(r.involved))
            if m.deadline is None:
                m.deadline = r.deadline


def _give(s: str, at: int, items: list[Measure], a: int, n: int) -> None:
    """Give the clause of part line ``s`` (at offset ``at``) to those of ``items`` without a clause of their own."""
    if not names_a_role(s) and not is_role_line(s):
        return
    r = parse(s.rstrip("。；;"), at)
    names = r.lead + r.involved
    if not names or not all(is_agency_name(x) or generic_local_government(x) for x in names):
        return
    for m in items:
        own = m.responsibility
        if own is not None and not (own.start >= a and own.end <= a + n):
            continue                     # an item with its own clause keeps it
        m.responsibility = dataclasses.replace(r, lead=list(r.lead), involved=list(r.involved))
        if m.deadline is None:
            m.deadline = r.deadline


def _scope_blankets(text: str, sections: list[Section], measures: list[Measure]) -> None:
    hits = []
    pos = 0
    while (b := blanket(text[pos:])) is not None:
        names, a, e = b
        hits.append((pos + a, pos + e, names, len(text)))
        pos += e
    for m in measures:
        r = m.responsibility
        if r is None:
            continue
        hit = None
        for h in hits:
            if h[0] < m.end and m.start <= h[3]:
                hit = h
        r.implied, r.implied_start, r.implied_end = [], None, None
        if hit is None:
            continue
        a, e, names, _ = hit
        named = set(r.lead) | set(r.involved)
        r.implied = [n for n in names if n not in named]
        if r.implied:
            r.implied_start, r.implied_end = a, e
