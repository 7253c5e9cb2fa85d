"""Policy domains: what a measure acts on, scored over its title, section path and text (vocab/domains.csv).

A measure's own words come first: the title weighs most, then its body; the section heading adds to
the fields those words name and names a field itself only when they name none (``method="section"``).
Cross-cutting domains (``evidence=heading`` in domains.csv: finance, land) count half in the body unless
the title names no field at all, and their title words count half beside a field the title names (灌排设施: the
facility belongs to the field; the land words of lexicons/domain_title_subject_words.txt keep full weight:
保障乡村旅游用地);
the residual one (governance) is kept only as the best domain, and in a plan whose title names its field a measure
with only residual words gets that field instead (加强工程质量监管 in a farmland plan), unless it names the
administration itself (lexicons/domain_governance_field_words.txt: 审批, 政务服务). The
plan's own subject (the domains its title names) is context: a measure that shows evidence of it keeps
it. A measure gets its best domain plus up to two more that score at least half as high (the best counted
without its plan-subject bonus), or that its title names; a measure
with no evidence at all, in its words or its heading, gets the plan's dominant domain, marked
``method="fallback"``. Cross-cutting domains also follow from what the measure does: a coded instrument that
acts on money or land (lexicons/domain_from_instruments.txt: special funds and credit act on finance_tax, land
supply on land_facilities where the title names no field of its own) keeps that domain when the measure's words
give it any evidence, however its score compares with the best (a measure can belong to its field and to
finance or land at once); a money instrument keeps finance_tax only where the title itself names the money
(``titled`` rows: 设立中医药发展专项资金). A safeguard whose words name only a means (money, land) and no field gets
the plan's subject beside it (``method="context"``): the field the plan's title names, or a title-less plan's dominant
domain where that is kept for at least half its measures (SUBJECT_SHARE).
An object word (lexicons/domain_object_words.txt: 中小学, 村卫生室, 客运班车, 充电桩 -- a thing only one field provides)
in the body's lead scores as much as a title word (OBJECT_WEIGHT), so one named object puts its field beside the
plan's field and the title's; one followed by a word of lexicons/domain_object_place_after.txt (学校周边, 中小学生) or
standing in a 、-list beside another field's word (机关、学校、医院 as roofs) is a site or a group, and one after a
word of lexicons/domain_object_means_before.txt in its clause (依托…信息平台) a means, no evidence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ontology import vocab
from ontology.mapping.text import Span, sentences

TITLE_WEIGHT = 3.0
PATH_WEIGHT = 1.5
BODY_WEIGHT = 1.0
HEADING_DOMAIN_BODY_WEIGHT = 0.5  # body words of a cross-cutting domain (evidence=heading) count half
HEADING_DOMAIN_TITLE_FACTOR = 0.5  # ... and its title words too, where the title also names a field of its own
THEME_BONUS = 3.0  # a domain the plan's title names, with evidence in the measure
THEME_MIN = 1.0  # ... with some evidence in the measure
MIN_SCORE = 3.0
RELATIVE = 0.5
MAX_DOMAINS = 3
SUBJECT_SHARE = 0.5  # a title-less plan's dominant domain is its subject when kept for this share of its measures
OBJECT_WEIGHT = 3.0  # an object word of lexicons/domain_object_words.txt in the body, as much as a title word


@dataclass(frozen=True)
class DomainHit:
    domain: vocab.Concept
    score: float
    evidence: Span
    method: str = "keyword"  # keyword (the measure's own words) | section (its heading) | fallback (the plan's)


@dataclass(frozen=True)
class PlanContext:
    """What the plan as a whole is about: the domains its title names, and its dominant domain."""
    theme: frozenset[str] = frozenset()
    dominant: vocab.Concept | None = None
    dominant_share: float = 0.0  # the share of the plan's measures that the dominant domain is kept for


@cache
def _keyword_index() -> tuple[Any, dict[str, tuple[str, ...]], dict[str, tuple[re.Pattern, ...]]]:
    """One automaton over every domain's literal keywords, the domains each keyword belongs to
    (once per time it is listed), and each domain's ``re:`` keywords."""
    owners: dict[str, list[str]] = {}
    regexes: dict[str, tuple[re.Pattern, ...]] = {}
    for d in vocab.domains():
        for k in d.keywords:
            if not k.startswith("re:"):
                owners.setdefault(k, []).append(d.id)
        regexes[d.id] = tuple(p for k, p in zip(d.keywords, d.patterns) if k.startswith("re:"))
    return vocab.phrase_automaton(tuple(owners)), {k: tuple(v) for k, v in owners.items()}, regexes


@lru_cache(maxsize=256)
def _literal_counts(text: str) -> dict[str, int]:
    """Domain id -> how often its literal keywords occur in ``text``, in one pass over the text
    (each text -- a title, a section path, a body -- is asked about every domain). An occurrence inside a longer
    keyword of another domain only is that domain's word, not its own (产业 in 乡村产业 is agriculture's, not
    industry's); nested keywords of one domain (老旧小区, 小区) each count, as before."""
    automaton, owners, _ = _keyword_index()
    out: dict[str, int] = {}
    if automaton is None or not text:
        return out
    hits = [(end - n + 1, end + 1, p) for end, (n, p) in automaton.iter(text)]
    free: dict[str, int] = {}
    for start, end, p in sorted(hits):
        if start < free.get(p, 0):
            continue
        free[p] = end
        covers = [q for s0, e0, q in hits if s0 <= start and e0 >= end and len(q) > len(p)]
        for did in owners[p]:
            if covers and all(did not in owners[q] for q in covers):
                continue
            out[did] = out.get(did, 0) + 1
    return out


def _keyword_count(concept: vocab.Concept, text: str) -> int:
    return _literal_counts(text).get(concept.id, 0) + sum(len(p.findall(text)) for p in _keyword_index()[2][concept.id])


@cache
def _fusion() -> tuple[re.Pattern, dict[str, str]]:
    """The fusion-run pattern and character -> domain id of lexicons/domain_fusion_chars.txt."""
    chars = dict(row.split()[:2] for row in vocab.lexicon("domain_fusion_chars"))
    verbs = "|".join(re.escape(v) for v in vocab.lexicon("domain_fusion_verbs"))
    return re.compile(f"[{''.join(chars)}]{{2,4}}(?={verbs})"), chars


@lru_cache(maxsize=256)
def _fusion_counts(text: str) -> dict[str, int]:
    """Domain id -> the fields a fusion run in ``text`` names (体教融合: sports, education) that the domain's own
    keywords do not already match inside the run."""
    pat, chars = _fusion()
    by_id = {d.id: d for d in vocab.domains()}
    out: dict[str, int] = {}
    for m in pat.finditer(text):
        run = m.group() + text[m.end():m.end() + 2]
        for did in dict.fromkeys(chars[c] for c in m.group()):
            if not _keyword_count(by_id[did], run):
                out[did] = out.get(did, 0) + 1
    return out


def _count(concept: vocab.Concept, text: str) -> int:
    """How often the domain's keywords occur in ``text`` (each keyword without overlap, as findall counts), and the
    fusion runs that name it (lexicons/domain_fusion_chars.txt)."""
    if not text:
        return 0
    return _keyword_count(concept, text) + _fusion_counts(text).get(concept.id, 0)


@cache
def _governance_field() -> re.Pattern:
    return vocab.lexicon_pattern("domain_governance_field_words")


@cache
def _subject_words() -> tuple[str, ...]:
    return vocab.lexicon("domain_title_subject_words")


def _subject_count(concept: vocab.Concept, title: str) -> int:
    """How often the cross-cutting keywords that name a measure's subject (lexicons/domain_title_subject_words.txt)
    occur in ``title`` as keywords of ``concept``, the longest first and without overlap."""
    words = sorted((w for w in _subject_words() if w in concept.keywords), key=len, reverse=True)
    if not words:
        return 0
    return len(re.findall("|".join(re.escape(w) for w in words), title))


@cache
def _object_index() -> tuple[tuple[re.Pattern, str, float], ...]:
    """For each object word (lexicons/domain_object_words.txt): its pattern (not followed by a word of
    lexicons/domain_object_place_after.txt), its domain id and the weight added per occurrence: OBJECT_WEIGHT less
    what the domain's keywords inside the word already count in the body (农贸市场 is a keyword), so an occurrence
    scores OBJECT_WEIGHT in all."""
    by_id = {d.id: d for d in vocab.domains()}
    after = vocab.lexicon_regex("domain_object_place_after")
    out = []
    for row in vocab.lexicon("domain_object_words"):
        word, did = row.split()[:2]
        if did not in by_id:
            raise vocab.LexiconError(f"domain_object_words: unknown domain {did!r} for {word!r}")
        out.append((re.compile(re.escape(word) + f"(?!{after})"), did,
                    max(0.0, OBJECT_WEIGHT - BODY_WEIGHT * _count(by_id[did], word))))
    return tuple(out)


_LIST_ITEM = re.compile(r"[^、，。；：,;:和及与]+")


def _in_place_list(text: str, start: int, end: int, did: str) -> bool:
    """Whether the object word at ``text[start:end]`` stands in a 、-list beside a word of another field
    (学校、医院、工商业厂房: the buildings of several fields are places, not what the measure acts on)."""
    lo = max(text.rfind(c, 0, start) for c in "，。；：,;:") + 1
    hi = min((i for i in (text.find(c, end) for c in "，。；：,;:") if i >= 0), default=len(text))
    clause = text[lo:hi]
    if "、" not in clause:
        return False
    for m in _LIST_ITEM.finditer(clause):
        if m.start() + lo <= start < m.end() + lo:
            continue
        item = m.group()
        if any(d.id != did and d.evidence == "all" and _count(d, item) for d in vocab.domains()):
            return True
    return False


@cache
def _means_before() -> re.Pattern:
    return re.compile(f"(?:{vocab.lexicon_regex('domain_object_means_before')})[^，。；：,;:]*$")


def _as_means(text: str, start: int) -> bool:
    """Whether the object word at ``text[start:]`` is what the measure works through (依托…信息平台: a word of
    lexicons/domain_object_means_before.txt earlier in its clause), not what it acts on."""
    lo = max(text.rfind(c, 0, start) for c in "，。；：,;:") + 1
    return _means_before().search(text[lo:start]) is not None


@lru_cache(maxsize=256)
def _object_scores(text: str) -> dict[str, float]:
    """Domain id -> what the object words in ``text`` add to its body score."""
    out: dict[str, float] = {}
    for pat, did, w in _object_index():
        for m in pat.finditer(text):
            if not _in_place_list(text, m.start(), m.end(), did) and not _as_means(text, m.start()):
                out[did] = out.get(did, 0.0) + w
    return out


def _lead(body_text: str) -> str:
    """The body's opening sentences up to its second full stop (a title-first body: ``title。text。``), where a
    measure names what it acts on; later sentences list what else it touches (学校、医院 as sites, 智慧医院 among
    a dozen applications)."""
    parts = body_text.split("。")
    return "。".join(parts[:2])


def _scores(title: str, body_text: str, path: str,
            theme: frozenset[str] = frozenset()) -> list[tuple[float, vocab.Concept]]:
    scored = []
    doms = vocab.domains()
    by_id = {d.id: d for d in doms}
    # a title naming no domain at all (强化要素保障, 加大资金支持) leaves the body to say what is supported
    generic = not any(_count(d, title) for d in doms)
    # a cross-cutting word in a title that names a field (灌排设施, 冰雪场馆) is that field's object, counted half
    title_field = any(d.evidence == "all" and _count(d, title) for d in doms)
    objects = _object_scores(_lead(body_text))
    own: dict[str, float] = {}
    for d in doms:
        s = TITLE_WEIGHT * _count(d, title)
        if d.evidence == "heading" and title_field and s:
            full = _subject_count(d, title)
            s = TITLE_WEIGHT * (full + HEADING_DOMAIN_TITLE_FACTOR * (_count(d, title) - full))
        if d.evidence == "all" or generic:
            s += BODY_WEIGHT * _count(d, body_text) + objects.get(d.id, 0.0)
        elif d.evidence == "heading":
            s += HEADING_DOMAIN_BODY_WEIGHT * _count(d, body_text)
        own[d.id] = s
    # the measure's own words first: the section heading adds to the fields they name, and names the
    # field itself only when they name none (then the plan's dominant domain is the last resort)
    own_field = any(v > 0 for i, v in own.items() if by_id[i].evidence != "residual")
    for d in doms:
        s = own[d.id]
        if s > 0 or not own_field:
            s += PATH_WEIGHT * _count(d, path)
        if s >= THEME_MIN and d.id in theme:
            s += THEME_BONUS
        if s > 0:
            scored.append((s, d))
    scored.sort(key=lambda x: (-x[0], x[1].id))
    return scored


def _keep(scored: list[tuple[float, vocab.Concept]], theme: frozenset[str] = frozenset(),
          title_named: frozenset[str] = frozenset(),
          acted_on: frozenset[str] = frozenset()) -> list[tuple[float, vocab.Concept]]:
    """The best domain, then up to two more that score at least half as high (a domain of the plan's
    subject with evidence in the measure needs no more); a ``residual`` domain only as the best.
    "Half as high" is measured against the best without its plan-subject bonus (the bonus ranks the plan's
    own field first, it does not make the measure's other fields weaker), and a field the measure's own
    title names (``title_named``: 改善旅游交通条件 names 交通; a cross-cutting domain only by a subject word,
    保障…用地) is kept whatever the best scores."""
    if not scored:
        return []
    top = scored[0][0]
    if scored[0][1].id in theme:
        top = max(top - THEME_BONUS, max((x[0] for x in scored[1:]), default=0.0))
    keep = [scored[0]]
    for x in scored[1:]:
        if len(keep) == MAX_DOMAINS:
            break
        if x[1].evidence == "residual":
            continue
        if x[0] >= max(MIN_SCORE, RELATIVE * top) or (x[1].id in theme and x[0] >= THEME_MIN + THEME_BONUS) \
                or x[1].id in title_named or x[1].id in acted_on:
            keep.append(x)
    return keep


def _title_named(title: str) -> frozenset[str]:
    """The domains a measure's title names: a field by any keyword, a cross-cutting domain only by a word that names
    a measure's subject (lexicons/domain_title_subject_words.txt: 保障设施农业用地 is about the land as much as the
    farming; 加大资金投入 in a title beside a field is its means and counts half)."""
    return frozenset(d.id for d in vocab.domains()
                     if (d.evidence == "all" and _count(d, title))
                     or (d.evidence == "heading" and _subject_count(d, title)))


@cache
def _instrument_domains() -> tuple[tuple[str, str, bool, bool], ...]:
    """(instrument id, cross-cutting domain id, only where the title names no field, only where the title names
    that domain) rows of lexicons/domain_from_instruments.txt."""
    out = []
    for row in vocab.lexicon("domain_from_instruments"):
        parts = row.split()
        out.append((parts[0], parts[1], "untitled" in parts[2:], "titled" in parts[2:]))
    return tuple(out)


def acted_on(title: str, instrument_ids: frozenset[str]) -> frozenset[str]:
    """The cross-cutting domains the measure's coded instruments act on (lexicons/domain_from_instruments.txt):
    ``untitled`` rows only where the title names no field of its own, ``titled`` rows only where the title itself
    names the domain (设立中医药发展专项资金 with a special fund coded: the fund is what the measure sets up)."""
    if not instrument_ids:
        return frozenset()
    by_id = {d.id: d for d in vocab.domains()}
    own_field = any(d.evidence == "all" and _count(d, title) for d in vocab.domains())
    return frozenset(dom for inst, dom, untitled, titled in _instrument_domains()
                     if inst in instrument_ids and not (untitled and own_field)
                     and not (titled and not _count(by_id[dom], title)))


def plan_context(plan_title: str, measures: list[tuple[str, str, str]]) -> PlanContext:
    """``measures``: (title, analysed body text, section path) of each measure of the plan."""
    theme = frozenset(d.id for d in vocab.domains() if d.evidence == "all" and _count(d, plan_title or ""))
    votes: Counter[str] = Counter()
    for title, body, path in measures:
        for _, d in _keep(_scores(title, body, path, theme), theme, _title_named(title)):
            votes[d.id] += 1
    by_id = {d.id: d for d in vocab.domains()}
    dominant = None
    share = 0.0
    if votes:
        best = max(votes.values())
        # the plan's own subject first among equals, then file order
        order = [d.id for d in vocab.domains()]
        cands = sorted((i for i, n in votes.items() if n == best), key=lambda i: (i not in theme, order.index(i)))
        dominant = by_id[cands[0]]
        share = best / len(measures)
    elif theme:
        dominant = next(d for d in vocab.domains() if d.id in theme)
    return PlanContext(theme, dominant, share)


def classify(title: str, body: Span, section_path: list[str], text: str,
             context: PlanContext | None = None, instrument_ids: frozenset[str] = frozenset()) -> list[DomainHit]:
    """1-3 domains for a measure; ``body`` is the analysed span (responsibility clause excluded);
    ``instrument_ids``: the instruments coded for it (see :func:`acted_on`)."""
    ctx = context or PlanContext()
    keep = _keep(_scores(title, body.text, " ".join(section_path), ctx.theme), ctx.theme, _title_named(title),
                 acted_on(title, instrument_ids))
    sents = sentences(text, body.start, body.end)
    first = sents[0] if sents else body
    out = []
    top = keep[0][0] if keep else 1.0
    for s, d in keep:
        ev = next((sp for sp in sents if _count(d, sp.text)), None) or first
        own = _count(d, title) or _count(d, body.text)
        out.append(DomainHit(d, round(s / top, 3), ev, "keyword" if own else "section"))
    # no evidence of a field (none at all, or only the residual governance domain): the plan's dominant domain
    if ctx.dominant is not None and all(h.domain.evidence == "residual" for h in out) \
            and all(h.domain.id != ctx.dominant.id for h in out):
        # governance words (监管, 机制, 考核) in a plan whose title names its field are about running that field,
        # unless the measure acts on the administration itself (lexicons/domain_governance_field_words.txt)
        if ctx.dominant.id in ctx.theme and not _governance_field().search(title + body.text):
            out = []
        out.append(DomainHit(ctx.dominant, 0.0, first, "fallback"))
    # a safeguard that names only a means (money, land: 加大融资支持, 保障项目用地, 落实资金投入) and no field of its
    # own, in its title or its words, provides that means to the plan's subject: the plan's field beside it
    elif out and all(h.domain.evidence == "heading" for h in out) and len(out) < MAX_DOMAINS:
        subject = _plan_subject(ctx)
        if subject is not None and all(h.domain.id != subject.id for h in out):
            out.append(DomainHit(subject, 0.0, first, "context"))
    return out


def _plan_subject(ctx: PlanContext) -> vocab.Concept | None:
    """The field a plan is about: its dominant domain where its title names it, or where its title names no field
    and the dominant domain is kept for at least half its measures (SUBJECT_SHARE: a plan of mixed fields has
    none); else the first field its title names."""
    if ctx.dominant is not None and (ctx.dominant.id in ctx.theme
                                     or (not ctx.theme and ctx.dominant_share >= SUBJECT_SHARE)):
        return ctx.dominant if ctx.dominant.evidence == "all" else None
    return next((d for d in vocab.domains() if d.id in ctx.theme), None)


def classify_indicator(name: str) -> vocab.Concept | None:
    """The best domain for an indicator name, or None when no keyword occurs."""
    best = None
    for d in vocab.domains():
        s = _count(d, name)
        if s and (best is None or s > best[0]):
            best = (s, d)
    return best[1] if best else None
