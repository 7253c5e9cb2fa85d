"""Policy nodes (one per measure) with their domains, instruments and responsible agencies.

The responsibility clause names agencies, not policy content, so it is cut off the text
analysed for domains, instruments and targets (宣传部 is not publicity, 财政局 not a subsidy).
"""
from __future__ import annotations

import re

from graph.records import GraphRecords
from loaders.document import Measure, ParsedDocument
from ontology.mapping import agencies, domains, instruments
from ontology.mapping.ids import plan_suffix
from ontology.mapping.plans import RegionRef
from ontology.mapping.text import Span, sentences

_RESP_PREFIX = re.compile(r"^[〔\[(（]?\s*(?:责任单位|牵头单位|责任部门)\s*[:：]?")
_SPLIT = re.compile(r"[、，,；;]")


def policy_id(plan_id: str, measure: Measure) -> str:
    return f"policy:{plan_suffix(plan_id)}:{measure.id}"


def body_span(doc: ParsedDocument, m: Measure) -> Span:
    """The measure minus its responsibility clause."""
    end = m.end
    r = m.responsibility
    if r is not None and m.start <= r.start <= m.end:
        end = r.start
    return Span(doc.text[m.start:end], m.start, end)


def join_bracket_pieces(names: list[str]) -> list[str]:
    """各县(市、区)人民政府 split at its inner 、 comes back whole."""
    out: list[str] = []
    buf = ""
    for n in names:
        buf = f"{buf}、{n}" if buf else n
        if buf.count("(") + buf.count("（") <= buf.count(")") + buf.count("）"):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return _join_headless(out)


_ORG_SUFFIX = re.compile(r"(?:局|厅|委|办|府|会|院|部|部门|中心|站|队|行|社|馆|所|联|团|司|处|室|组|公司|集团|企业|机构|单位|学校|高校|协会|分局|支行)[)）]?$")


def _join_headless(names: list[str]) -> list[str]:
    """各市、县区人民政府 split at 、 comes back whole: a piece without an organisation suffix
    (各市) belongs with the next piece that has one."""
    out: list[str] = []
    pending = ""
    for n in names:
        cur = f"{pending}、{n}" if pending else n
        if _ORG_SUFFIX.search(cur.strip()):
            out.append(cur)
            pending = ""
        else:
            pending = cur
    if pending:
        out.append(pending)
    return out


_LABEL = re.compile(r"(牵头单位|牵头部门|主办单位|主责单位|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位)\s*[:：]")


def _names(part: str) -> list[str]:
    return join_bracket_pieces([c for x in _SPLIT.split(part) if (c := agencies.clean_name(x))])


def split_responsibility(raw: str) -> tuple[list[str], list[str]]:
    """Fallback when the parser gave no lists: `A、B牵头，C、D等按职责分工负责`,
    `牵头单位：A；责任单位：B、C`, `由A牵头，B配合`."""
    s = agencies.clean_name(raw.strip()) if raw.strip()[:1] in "〔[(（" else raw.strip()
    s = re.sub(r"[(（]以下[^)）]*[)）]", "", s)
    labels = list(_LABEL.finditer(s))
    if labels and any(lb.group(1).startswith(("牵头", "主办", "主责")) for lb in labels):
        lead: list[str] = []
        involved: list[str] = []
        for i, lb in enumerate(labels):
            part = s[lb.end(): labels[i + 1].start() if i + 1 < len(labels) else len(s)]
            (lead if lb.group(1).startswith(("牵头", "主办", "主责")) else involved).extend(_names(part))
        return lead, involved
    s = _RESP_PREFIX.sub("", s).rstrip("〕]）)")
    lead_part, rest = ("", s)
    if "牵头" in s:
        lead_part, rest = s.split("牵头", 1)
    return _names(lead_part), _names(rest)


_INLINE = re.compile(
    r"(?:由|请)(?P<lead>(?:[^，。；：、,;:]{2,20}、)*[^，。；：、,;:]{2,20}?)(?:牵头|负责牵头|主办|(?P<only>负责))(?:负责|实施|落实)?"
    r"(?:[，,](?P<inv>(?:[^，。；：、,;:]{2,20}、)*[^，。；：、,;:]{2,20}?)(?:等部门|等单位|等)?(?:配合|参与|协助|协同|按职责分工负责))?"
)


# 市交通运输局牵头负责规划组织实施，各区（市）县政府落实属地责任: a clause that opens with
# named agencies and 牵头 (no 由); the next clause's agencies are involved when it says so.
_INLINE_BARE = re.compile(
    r"(?:^|(?<=[，。；,;]))(?P<lead>(?:[^，。；：、,;:“”]{2,20}、)*[^，。；：、,;:“”]{2,20}?)(?:牵头负责|负责牵头|牵头)"
    r"[^，。；,;]{0,20}"
    r"(?:[，,](?P<inv>(?:[^，。；：、,;:“”]{2,20}、)*[^，。；：、,;:“”]{2,20}?)(?:等部门|等单位|等)?"
    r"(?:配合|参与|协助|协同|按职责分工负责|落实属地责任|负责落实|抓好落实|具体落实))?"
)


# 市商务局会同市财政局组织评审: the first body leads, those it acts together with are involved
_INLINE_TOGETHER = re.compile(
    r"(?:^|(?<=[，。；,;]))(?:[（(][一二三四五六七八九十\d]+[)）])?(?:由)?(?P<lead>[^，。；：、,;:“”（）()]{3,20}?)(?:会同|联合)"
    r"(?P<inv>(?:[^，。；：、,;:“”]{2,20}、)*[^，。；：、,;:“”]{2,20}?)(?:等有关部门|等相关部门|等部门|等单位|等)?"
    r"(?=组织|负责|制定|开展|研究|推进|实施|建立|出台|做好|共同|联合|统筹|编制|指导|督促)"
)


def inline_responsibility(body: Span) -> tuple[list[str], list[str], Span] | None:
    """由市民政局牵头，市财政局配合 (or 市交通运输局牵头负责…，各区县政府落实属地责任) written in a
    measure's text (no responsibility clause)."""
    for m in _INLINE.finditer(body.text):
        lead = [n for n in _names(m.group("lead")) if _ORG_SUFFIX.search(n)]
        if m.group("only") and not all(len(n) >= 3 and agencies.function_of(n) for n in lead):
            continue  # 由政府负责… is prose; 由市民政局负责 names an agency
        if not lead:
            continue
        involved = [n for n in _names(m.group("inv") or "") if _ORG_SUFFIX.search(n)]
        return lead, involved, Span(m.group(0), body.start + m.start(), body.start + m.end())
    for m in _INLINE_BARE.finditer(body.text):
        lead = _names(m.group("lead"))
        # without 由 the clause could be prose (政府牵头、部门协同): every lead must be a known body
        if not lead or not all(_ORG_SUFFIX.search(n) and len(n) >= 4 and agencies.function_of(n)
                               and agencies.function_of(n).id != "local_government" for n in lead):
            continue
        involved = [n for n in _names(m.group("inv") or "") if _ORG_SUFFIX.search(n)]
        return lead, involved, Span(m.group(0), body.start + m.start(), body.start + m.end())
    for m in _INLINE_TOGETHER.finditer(body.text):
        names = _names(m.group("lead")) + _names(m.group("inv"))
        if not all(_ORG_SUFFIX.search(n) and len(n) >= 4 and agencies.function_of(n) for n in names):
            continue
        lead = _names(m.group("lead"))
        return lead, _names(m.group("inv")), Span(m.group(0), body.start + m.start(), body.start + m.end())
    return None


def map_policy(doc: ParsedDocument, m: Measure, chain: list[RegionRef], out: GraphRecords) -> tuple[str, Span, list[Span]]:
    plan_id = doc.meta.plan_id
    pid = policy_id(plan_id, m)
    same_len = len(doc.original) == len(doc.text)
    resp = m.responsibility
    out.add_node(
        pid, "Policy",
        title=m.title,
        title_original=_orig(doc, m.title, m.start, m.end) if same_len else m.title,
        text=m.text,
        text_original=doc.original[m.start:m.end] if same_len and doc.text[m.start:m.end] == m.text else m.text,
        section_path=" > ".join(m.section_path),
        number=m.number, kind=m.kind,
        responsibility=resp.raw if resp else None,
        plan_id=plan_id, span_start=m.start, span_end=m.end,
    )
    out.add_rel("HAS_POLICY", (plan_id, "Plan"), (pid, "Policy"))
    body = body_span(doc, m)
    sents = sentences(doc.text, body.start, body.end)
    for hit in domains.classify(m.title, body, m.section_path, doc.text):
        ev = hit.evidence
        out.add_rel("IN_DOMAIN", (pid, "Policy"), (f"domain:{hit.domain.id}", "Domain"),
                    plan_id=plan_id, quote=ev.text, span_start=ev.start, span_end=ev.end,
                    score=hit.score, method="keyword")
    for hit in instruments.find(sents):
        ev = hit.evidence
        out.add_rel("USES_INSTRUMENT", (pid, "Policy"), (f"instrument:{hit.instrument.id}", "PolicyInstrument"),
                    plan_id=plan_id, quote=ev.text, span_start=ev.start, span_end=ev.end)
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
    _emit_agencies(doc, pid, lead, involved, Span(quote, resp.start, resp.end), chain, out)


def _emit_agencies(doc, pid, lead, involved, ev: Span, chain, out: GraphRecords) -> None:
    seen: set[str] = set()
    for rel, names in (("LED_BY", lead), ("INVOLVES", involved)):
        for raw in names:
            ref = agencies.resolve(raw, chain)
            if ref is None or ref.id in seen:
                continue
            seen.add(ref.id)
            out.add_node(ref.id, "Agency", name=ref.name, name_en=_agency_en(ref), level=ref.region.level,
                         function=ref.function, short_name=ref.short_name)
            out.add_rel("OF_REGION", (ref.id, "Agency"), (ref.region.id, "Region"))
            out.add_rel(rel, (pid, "Policy"), (ref.id, "Agency"), plan_id=doc.meta.plan_id, quote=ev.text,
                        span_start=ev.start, span_end=ev.end)


def _agency_en(ref: agencies.AgencyRef) -> str | None:
    from ontology import vocab

    f = next((f for f in vocab.agency_functions() if f.id == ref.function), None)
    if f is None or not ref.region.name_en:
        return None
    return f"{ref.region.name_en} {f.name_en}"


def _orig(doc: ParsedDocument, s: str, start: int, end: int) -> str:
    i = doc.text.find(s, start, end) if s else -1
    return doc.original[i:i + len(s)] if i >= 0 else s
