"""Policy nodes (one per measure) with their domains, instruments and responsible agencies.

The responsibility clause names agencies, not policy content, so it is cut off the text
analysed for domains, instruments and targets (宣传部 is not publicity, 财政局 not a subsidy).
"""
from __future__ import annotations

import re

from model.document import Measure, ParsedDocument
from model.ids import measure_ids, policy_id
from model.records import GraphRecords
from ontology import responsibility
from ontology.mapping import agencies, domains, instruments
from ontology.mapping.plans import RegionRef
from ontology.mapping.text import Span, sentences


def plan_context(doc: ParsedDocument) -> domains.PlanContext:
    """The plan's subject and dominant domain, from its title and all its measures."""
    return domains.plan_context(doc.meta.title or "", [(m.title, body_span(doc, m).text, " ".join(m.section_path))
                                                      for m in doc.measures])


def body_span(doc: ParsedDocument, m: Measure) -> Span:
    """The measure minus its responsibility clause."""
    end = m.end
    r = m.responsibility
    if r is not None and not r.inline and m.start <= r.start <= m.end:
        end = r.start
    return Span(doc.text[m.start:end], m.start, end)


join_bracket_pieces = responsibility.join_bracket_pieces
split_responsibility = responsibility.split_responsibility


_HEADING_END = re.compile(r"[。：:.！!]|\s")


def title_span(doc: ParsedDocument, m: Measure) -> tuple[int, int] | None:
    """Offsets of the measure's own title where its text opens with it as a heading (a title ended by
    。/：/a line break and followed by more text), not where the title is the first clause of its sentence."""
    if not m.title:
        return None
    i = doc.text.find(m.title, m.start, min(m.end, m.start + len(m.title) + 12))
    if i < 0:
        return None
    j = i + len(m.title)
    if j >= m.end or not _HEADING_END.match(doc.text[j]) or len(doc.text[j:m.end].strip(" 。：:\n")) < 4:
        return None
    return i, j


def evidence_gaps(doc: ParsedDocument, m: Measure, body: Span) -> list[tuple[int, int]]:
    """Document offsets inside the body that are no instrument evidence: the title (a heading
    names a topic, not an action) and an inline responsibility clause (由…牵头，…配合)."""
    gaps = []
    t = title_span(doc, m)
    if t is not None:
        gaps.append(t)
    inline = inline_responsibility(body)
    if inline is not None:
        gaps.append((inline[2].start, inline[2].end))
    return gaps


def duty_opener(doc: ParsedDocument, m: Measure) -> Span | None:
    """Where ``m`` is an item of a duty list (X主要履行以下职责：1.…) whose heading names an operator, owner or firm,
    the opener of that list (see instruments.private_duty_opener)."""
    if not m.section_path:
        return None
    holder = m.section_path[-1]
    sec = next((s for s in reversed(doc.sections) if s.title == holder and s.start <= m.start <= s.end), None)
    if sec is None or sec.start >= m.start:
        return None
    return instruments.private_duty_opener(holder, Span(doc.text[sec.start:m.start], sec.start, m.start))


def inline_responsibility(body: Span) -> tuple[list[str], list[str], Span] | None:
    """由市民政局牵头，市财政局配合 written in a measure's text (no responsibility clause)."""
    hit = responsibility.inline(body.text)
    if hit is None:
        return None
    lead, involved, a, b = hit
    return lead, involved, Span(body.text[a:b], body.start + a, body.start + b)


def map_policy(doc: ParsedDocument, m: Measure, chain: list[RegionRef], out: GraphRecords,
               context: domains.PlanContext | None = None, *,
               measure_id: str | None = None) -> tuple[str, Span, list[Span]]:
    plan_id = doc.meta.plan_id
    pid = policy_id(plan_id, measure_id or measure_ids([m])[0])
    same_len = len(doc.original) == len(doc.text)
    resp = m.responsibility
    out.add_node(
        pid, "Policy",
        title=m.title,
        title_original=_orig(doc, m.title, m.start, m.end) if same_len else m.title,
        text=m.text,
        text_original=_differs(doc.original[m.start:m.end]
                               if same_len and doc.text[m.start:m.end] == m.text else m.text,
                               m.text),
        section_path=" > ".join(m.section_path),
        number=m.number, kind=m.kind,
        responsibility=resp.raw if resp else None,
        deadline=m.deadline,
        plan_id=plan_id, span_start=m.start, span_end=m.end,
    )
    out.add_rel("HAS_POLICY", (plan_id, "Plan"), (pid, "Policy"))
    body = body_span(doc, m)
    sents = sentences(doc.text, body.start, body.end)
    ihits = instruments.find(sents, evidence_gaps(doc, m, body), instruments.cue_embedder(), duty_opener(doc, m))
    coded = frozenset(h.instrument.id for h in ihits)
    for hit in domains.classify(m.title, body, m.section_path, doc.text, context, coded):
        ev = hit.evidence
        out.add_rel("IN_DOMAIN", (pid, "Policy"), (f"domain:{hit.domain.id}", "Domain"),
                    plan_id=plan_id, quote=ev.text, span_start=ev.start, span_end=ev.end,
                    score=hit.score, method=hit.method)
    for ihit in ihits:
        ev = ihit.evidence
        out.add_rel("USES_INSTRUMENT", (pid, "Policy"), (f"instrument:{ihit.instrument.id}", "PolicyInstrument"),
                    plan_id=plan_id, quote=ev.text, span_start=ev.start, span_end=ev.end, cue=ihit.keyword,
                    method=ihit.method, score=ihit.score)
    if resp is not None:
        _map_agencies(doc, pid, resp, chain, out)
    else:
        inline = inline_responsibility(body)
        if inline is not None:
            lead, involved, ev = inline
            _emit_agencies(doc, pid, lead, involved, ev, chain, out)
    return pid, body, sents


def _map_agencies(doc, pid, resp, chain, out: GraphRecords) -> None:
    lead = join_bracket_pieces(list(resp.lead))
    involved = join_bracket_pieces(list(resp.involved))
    if not lead and not involved and resp.raw:
        lead, involved = split_responsibility(resp.raw)
    if not lead and involved:
        # Chinese plans list the lead unit first when they name none explicitly.
        lead, involved = involved[:1], involved[1:]
    quote = doc.text[resp.start:resp.end] if 0 <= resp.start < resp.end <= len(doc.text) else resp.raw
    seen = _emit_agencies(doc, pid, lead, involved, Span(quote, resp.start, resp.end), chain, out)
    if resp.implied and resp.implied_start is not None and resp.implied_end is not None:
        # named once by a blanket clause for every later measure: quoted from that clause
        a, b = resp.implied_start, resp.implied_end
        _emit_agencies(doc, pid, [], list(resp.implied), Span(doc.text[a:b], a, b), chain, out, seen)


def _emit_agencies(doc, pid, lead, involved, ev: Span, chain, out: GraphRecords,
                   seen: set[str] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    for rel, names in (("LED_BY", lead), ("INVOLVES", involved)):
        for raw in names:
            ref = agencies.resolve(raw, chain)
            if ref is None or ref.id in seen:
                continue
            seen.add(ref.id)
            out.add_node(ref.id, "Agency", name=ref.name, name_en=_agency_en(ref), level=ref.region.level,
                         function=ref.function, short_name=ref.short_name)
            if ref.region.parent_id is not None or ref.region not in chain:
                _add_place(ref.region, chain, out)
            out.add_rel("OF_REGION", (ref.id, "Agency"), (ref.region.id, "Region"))
            out.add_rel(rel, (pid, "Policy"), (ref.id, "Agency"), plan_id=doc.meta.plan_id, quote=ev.text,
                        span_start=ev.start, span_end=ev.end)
    return seen


def _add_place(region, chain, out: GraphRecords) -> None:
    """The Region of an agency of a place outside the plan's chain (a sibling district, a county-level city),
    PART_OF the chain region above it."""
    province = next((r.name for r in chain if r.level == "province"), None)
    out.add_node(region.id, "Region", name=region.name, name_en=region.name_en, level=region.level,
                 province=region.name if region.level == "province" else province)
    if region.parent_id is not None:
        out.add_rel("PART_OF", (region.id, "Region"), (region.parent_id, "Region"))


def _agency_en(ref: agencies.AgencyRef) -> str | None:
    from ontology import vocab

    f = next((f for f in vocab.agency_functions() if f.id == ref.function), None)
    if f is None or f.id == "other" or not ref.region.name_en:
        return None
    return f"{ref.region.name_en} {f.name_en}"


def _orig(doc: ParsedDocument, s: str, start: int, end: int) -> str:
    i = doc.text.find(s, start, end) if s else -1
    return doc.original[i:i + len(s)] if i >= 0 else s


def _differs(original: str, text: str) -> str | None:
    """The original-script form only where it differs: a simplified plan would otherwise store every
    text twice (a 30 MB plan's text is tens of megabytes in the store); readers fall back to text."""
    return original if original != text else None
