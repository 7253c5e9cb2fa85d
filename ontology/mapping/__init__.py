"""Map one parsed plan onto the ontology: ParsedDocument -> GraphRecords.

Public API: ``map_document(doc)``.  Everything is deterministic (ids, order), so mapping
the same document twice gives identical records, and every extracted node or
relationship carries its evidence (plan_id, quote, span_start, span_end into doc.text).

Order: the plan and its region chain, the vocabulary concepts (domains, instruments),
then one Policy per measure with its domains, instruments, agencies and targets, then
plan-level targets (text outside measures: goals sections, tables).
"""
from __future__ import annotations

import bisect
import re

from model.document import ParsedDocument
from model.ids import ContentIds, measure_ids, policy_id
from model.records import GraphRecords
from model.texts import PolicyText
from ontology import vocab
from ontology.mapping import year_scope
from ontology.mapping.plans import map_plan
from ontology.mapping.policies import map_policy, plan_context
from ontology.mapping.table_targets import table_facts
from ontology.mapping.target_nodes import add_target
from ontology.mapping.targets import extract
from ontology.mapping.text import Span, sentences

__all__ = ["map_document", "concept_nodes", "policy_texts"]

_GOAL_HEADING = vocab.lexicon_pattern("target_goal_headings")
_HISTORIC_HEADING = vocab.lexicon_pattern("target_history_headings")
_SCOPE_HEADING = vocab.lexicon_pattern("target_scope_headings")


def concept_nodes(out: GraphRecords) -> None:
    """Domain and PolicyInstrument nodes for the whole vocabulary (merged across plans)."""
    for d in vocab.domains():
        out.add_node(f"domain:{d.id}", "Domain", name=d.name, name_en=d.name_en)
    for i in vocab.instruments():
        out.add_node(f"instrument:{i.id}", "PolicyInstrument", name=i.name, name_en=i.name_en, category=i.category)


class _Paragraphs:
    """Paragraph (line) lookup: the context whose year phrases govern a sentence."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def around(self, pos: int) -> Span:
        i = bisect.bisect_right(self.breaks, pos)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return Span(self.text[start:end], start, end)


def _section_ranges(doc: ParsedDocument, pattern: re.Pattern) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.sections if pattern.search((s.title or "").strip())]


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def map_document(doc: ParsedDocument) -> GraphRecords:
    out = GraphRecords()
    plan_id, chain = map_plan(doc, out)
    concept_nodes(out)
    meta = doc.meta
    paras = _Paragraphs(doc.text)
    goals = _section_ranges(doc, _GOAL_HEADING)
    history = _section_ranges(doc, _HISTORIC_HEADING) + _prior_period_sections(doc)
    tables = [(t.start, t.end) for t in doc.tables]
    scope = _section_ranges(doc, _SCOPE_HEADING)  # 考核对象, 申报条件: whom a scheme covers
    norms = _norm_sections(doc)  # 附件 …技术要求, 苗木质量规格: figures that are norms
    seen = ContentIds()  # target ids from content, one counter per document

    blocks = _block_years(doc, paras)

    def targets_of(sents: list[Span], owner: tuple[str, str]) -> None:
        for s in sents:
            if _inside(s.start, tables):
                continue
            ctx = paras.around(s.start)
            for fact in extract(s, ctx, period_start=meta.period_start, period_end=meta.period_end,
                                goal_context=_inside(s.start, goals), historic_context=_inside(s.start, history),
                                block_year=_block_year(blocks, ctx.start), norm_context=_inside(s.start, norms)):
                if _inside(s.start, scope) and fact.kind != "standard":
                    continue  # 全市12个县和市直45个部门: whom the scheme covers (a cap there is still a norm)
                add_target(out, plan_id, owner, fact, seen)

    covered: list[tuple[int, int]] = []
    context = plan_context(doc)
    for m, measure_id in zip(doc.measures, measure_ids(doc.measures)):
        pid, body, sents = map_policy(doc, m, chain, out, context, measure_id=measure_id)
        covered.append((m.start, m.end))
        targets_of(sents, (pid, "Policy"))
    covered.sort()
    outside = _outside_spans(doc.text, covered)
    plan_sents = [s for a, b in outside for s in sentences(doc.text, a, b)]
    targets_of(plan_sents, (plan_id, "Plan"))
    for t in doc.tables:
        for fact in table_facts(doc, t, norm=_inside(t.start, norms)):
            add_target(out, plan_id, (plan_id, "Plan"), fact, seen)
    return out.deduplicated()


def policy_texts(doc: ParsedDocument) -> list[PolicyText]:
    """The words of each Policy node map_document makes (one per measure), for the linking stage."""
    plan_id = doc.meta.plan_id
    texts: dict[str, PolicyText] = {}
    for m, measure_id in zip(doc.measures, measure_ids(doc.measures)):
        pid = policy_id(plan_id, measure_id)
        texts[pid] = PolicyText(pid, plan_id, m.title, m.text, m.responsibility.raw if m.responsibility else None)
    return list(texts.values())


def _block_years(doc: ParsedDocument, paras: _Paragraphs) -> list[tuple[int, int, int]]:
    """(start, end, year) of the blocks a lead governs: a paragraph led by 到2030年 / 至2035年 / 到“十五五”末
    (or 到规划期末: the plan's end) whose lead clause ends in a colon (…主要目标是：到2030年，…：) governs the
    paragraphs after it up to the end of the innermost section holding it; a section heading naming a year
    (2030年目标) governs its section."""
    out: list[tuple[int, int, int]] = []
    period = (doc.meta.period_start, doc.meta.period_end)
    for sec in doc.sections:
        y = year_scope.lead_year(sec.title or "", period) or _heading_year(sec.title or "")
        if y:
            out.append((sec.start, sec.end, y))
    terms = year_scope.term_years(doc.text)
    if terms:
        # 近期为2026—2030年 … 第五章 近期建设项目 / 近期规划新建…: the term's end year (year_plan_terms)
        for sec in doc.sections:
            y = year_scope.term_lead(sec.title or "", terms)
            if y:
                out.append((sec.start, sec.end, y))
    goal_firsts = _goal_section_first_paragraphs(doc)
    for m in re.finditer(r"[^\n]+", doc.text):
        para = m.group(0).strip()
        ty = year_scope.term_lead(para, terms) if terms else None
        if ty and not _TERM_DEFINITION.search(para):
            out.append((m.start(), m.end(), ty))
        # 到2027年，…。到规划期末，主要目标是：: the lead clause before the colon governs the block
        last = re.split(r"[。；;]", para.rstrip("：: "))[-1] if re.search(r"[：:]\s*$", para) else ""
        y = (year_scope.lead_year(last, period) if last and last != para else None) \
            or year_scope.lead_year(para, period)
        # a lead ending in a colon, or the first paragraph of a goals section (展望2035年，…。 then its goals)
        if not y or not (re.search(r"[：:]\s*$", para) or m.start() in goal_firsts):
            continue
        sec_end = min((s.end for s in doc.sections if s.start <= m.start() < s.end), default=len(doc.text))
        out.append((m.end(), sec_end, y))
    return out


_TITLE_TAIL = r"\s*(?:[（(][^（）()]{1,12}[）)])?\s*$"
_NORM_HEADING = re.compile(rf"(?:{vocab.lexicon_regex('target_norm_headings')}){_TITLE_TAIL}")
_NORM_ATTACHMENT = re.compile(rf"(?:{vocab.lexicon_regex('target_norm_attachment_headings')}){_TITLE_TAIL}")
_ATTACHMENT = re.compile(rf"^\s*(?:{vocab.lexicon_regex('structure_attachment_labels')})")


def _norm_sections(doc: ParsedDocument) -> list[tuple[int, int]]:
    """Sections that are a technical norm or a specification list: a heading ending in a norm's head noun
    (target_norm_headings: …技术要求, 建设标准), or, inside an attachment (附件 / 附录), a title ending in a
    broader one (target_norm_attachment_headings: …标准, …规范)."""
    attachments = [(s.start, s.end) for s in doc.sections if _ATTACHMENT.match(s.title or "")]
    out = []
    for s in doc.sections:
        title = re.sub(r"^\s*[（(]?[一二三四五六七八九十\d]{0,3}[）)、.．]?\s*", "", s.title or "")
        if _NORM_HEADING.search(title) or (_NORM_ATTACHMENT.search(title) and _inside(s.start, attachments)):
            out.append((s.start, s.end))
    return out


def _goal_section_first_paragraphs(doc: ParsedDocument) -> set[int]:
    """Offsets of the first body paragraph of each goals section (its heading line skipped)."""
    out = set()
    for s in doc.sections:
        if not _GOAL_HEADING.search((s.title or "").strip()):
            continue
        body = doc.text[s.start:s.end]
        lines = [m for m in re.finditer(r"[^\n]+", body) if m.group(0).strip()]
        first = next((m for m in lines if (s.title or "") not in m.group(0)), None)
        if first is not None:
            out.add(s.start + first.start())
    return out


def _prior_period_sections(doc: ParsedDocument) -> list[tuple[int, int]]:
    """Sections whose heading names an earlier plan period (“十四五”规划实施情况 in a 2026–2030 plan): its review."""
    start = doc.meta.period_start
    if not start:
        return []
    out = []
    for s in doc.sections:
        m = year_scope.PERIOD_RE.search(s.title or "")
        end = year_scope.period_end(m.group(1)) if m else None
        if end is not None and end < start:
            out.append((s.start, s.end))
    return out


def _heading_year(title: str) -> int | None:
    """2030年目标, or a heading that starts with a single year (二、2025年重点工作, 一、2024年计划执行情况): the
    year of its section's statements (a review heading's statements stay historic, see target_history_headings)."""
    m = re.search(r"((?:19|20)\d\d)\s*年\s*(?:目标|主要目标)", title)
    if m:
        return int(m.group(1))
    m = re.match(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十\d]+[章节篇部分]"
                 r"|[（(][一二三四五六七八九十]+[）)])?"
                 rf"\s*((?:19|20)\d\d)\s*年(?![—\-–~～至到]|{vocab.lexicon_regex('year_heading_open_after')})", title)
    return int(m.group(1)) if m else None


_TERM_DEFINITION = re.compile(r"(?:19|20)\d\d\s*年?\s*[-－—–~～至到]{1,2}\s*(?:19|20)\d\d")


def _block_year(blocks: list[tuple[int, int, int]], pos: int) -> int | None:
    """The innermost (latest starting) block holding ``pos``."""
    best = None
    for a, b, y in blocks:
        if a <= pos < b and (best is None or a >= best[0]):
            best = (a, y)
    return best[1] if best else None


def _outside_spans(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for a, b in covered:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        out.append((pos, len(text)))
    return out
