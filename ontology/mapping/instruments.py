"""Policy instruments: cue and anti-cue evidence per sentence (vocab/instrument_cues.csv).

A cue is the written government action (给予补贴, 政府购买服务, 制定标准, 开展试点 …). A cue match does not
count when an anti-cue of the same instrument (or of every instrument, ``*``) overlaps it (the same words
used descriptively, as a place or as a body), when it lies inside a cited title 《…》, inside the measure's
own title (a heading is not an action), inside a responsibility clause, or when it is an item of an
enumeration of sectors (养老、家政、金融等服务), when a negation stands right before it (不再收取, 不予补贴:
lexicons/cue_negations.txt), or -- for the instruments of lexicons/cue_scope_condition_instruments.txt -- when it
lies inside an eligibility condition (对评定为四星级以上的机构给予奖励: the grading names who qualifies; the
grant still codes). A cue row may compose word classes (``<<grant_verbs>>…<<grant_money>>``: the lexicons
cue_class_<name>.txt), so a verb class and an object class make one cue. Each instrument found is linked once,
with the first sentence that uses it as quote and offsets, and the cue words themselves; a measure can have none.

Optional second signal (:class:`CueEmbedder`, off unless ``PLANGRAPH_INSTRUMENT_EMBED_MODEL`` names a
sentence-transformers model): a clause whose nearest literal cue of an instrument the cue table did not
find scores at least the threshold adds that instrument with ``method="embedding:<model>"``; the same
anti-cues, titles, responsibility clauses and cited titles block it. A model that cannot be loaded
logs why and leaves the cue table alone: the offline path carries the quality.
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ontology import embeddings, vocab
from ontology.mapping.text import Span


@dataclass(frozen=True)
class InstrumentHit:
    instrument: vocab.Concept
    evidence: Span
    keyword: str  # the matched cue words, as written in the sentence
    cue: vocab.Cue
    cue_start: int  # offsets of the cue words in the document text
    cue_end: int
    method: str = "cue"  # cue | embedding:<model>
    score: float = 1.0  # 1 for a cue match; the cosine of the nearest cue for an embedding hit


log = logging.getLogger(__name__)

EMBED_MODEL_ENV = "PLANGRAPH_INSTRUMENT_EMBED_MODEL"
EMBED_THRESHOLD_ENV = "PLANGRAPH_INSTRUMENT_EMBED_THRESHOLD"
DEFAULT_EMBED_THRESHOLD = 0.85
MIN_CLAUSE = 4  # characters; shorter clauses are too little to compare
_CLAUSE = re.compile(r"[^，。；：！？,;:!?]+")


_CLASS_REF = re.compile(r"<<([a-z_]+)>>")
NEGATION_REACH = 4  # characters between a negation and the cue it cancels (不予给予运营补贴)


def cue_regex(text: str) -> str:
    """The regular expression of a cue row: a literal escaped; in a ``re:`` row each ``<<name>>`` replaced by the
    alternation of the word class ``lexicons/cue_class_<name>.txt``."""
    if not text.startswith("re:"):
        return re.escape(text)
    return _CLASS_REF.sub(lambda m: f"(?:{vocab.lexicon_regex('cue_class_' + m.group(1))})", text[3:])


@cache
def cue_pattern(text: str) -> re.Pattern:
    return re.compile(cue_regex(text))


def exemplars() -> list[tuple[vocab.Cue, str]]:
    """The literal cue rows (a regular expression is no text to embed), with the text to embed."""
    return [(c, c.text) for c in vocab.instrument_cues()
            if c.kind == "cue" and c.instrument != "*" and not c.text.startswith("re:")]


class CueEmbedder:
    """Nearest-cue similarity: each clause against the literal cues of every instrument."""

    def __init__(self, model: str, threshold: float = DEFAULT_EMBED_THRESHOLD, cache_dir: Path | None = None,
                 encode: Callable[[list[str]], list[list[float]]] | None = None):
        self.model, self.threshold, self.cache_dir = model, threshold, cache_dir
        self._encode = encode or (lambda texts: embeddings.embed(texts, model, cache_dir))
        self.cues = exemplars()
        self._cue_vecs = self._encode([t for _, t in self.cues])  # raises when the model cannot be had

    @property
    def method(self) -> str:
        return f"embedding:{self.model}"

    def nearest(self, clauses: list[str]) -> list[dict[str, tuple[float, vocab.Cue]]]:
        """Per clause: instrument id -> (best cosine, its nearest cue)."""
        if not clauses:
            return []
        vecs = self._encode(clauses)
        out = []
        for v in vecs:
            best: dict[str, tuple[float, vocab.Cue]] = {}
            for (cue, _), w in zip(self.cues, self._cue_vecs):
                s = float(sum(x * y for x, y in zip(v, w)))
                if s > best.get(cue.instrument, (-2.0, cue))[0]:
                    best[cue.instrument] = (s, cue)
            out.append(best)
        return out


@cache
def _configured(model: str, threshold: float) -> CueEmbedder | None:
    try:
        return CueEmbedder(model, threshold)
    except Exception as exc:  # noqa: BLE001 - any failure means: cues only
        log.warning("instrument coding: embedding model %r unavailable (%s: %s); coding from the cue table "
                    "only (%s unset turns this signal off)", model, type(exc).__name__, exc, EMBED_MODEL_ENV)
        return None


def cue_embedder() -> CueEmbedder | None:
    """The embedder ``PLANGRAPH_INSTRUMENT_EMBED_MODEL`` configures (a hub name or a local folder), or None:
    off by default, and None with a logged warning when the model cannot be loaded."""
    model = os.environ.get(EMBED_MODEL_ENV, "").strip()
    if not model:
        return None
    thr = float(os.environ.get(EMBED_THRESHOLD_ENV) or DEFAULT_EMBED_THRESHOLD)
    return _configured(model, thr)


@dataclass(frozen=True)
class _Table:
    instrument: vocab.Concept
    cues: tuple[tuple[vocab.Cue, re.Pattern], ...]
    anti: tuple[re.Pattern, ...]
    any: re.Pattern  # any cue at all: a quick test before the cue-by-cue search
    condition_scoped: bool  # its cues are no evidence inside an eligibility condition


@cache
def _tables() -> tuple[_Table, ...]:
    cues = vocab.instrument_cues()
    common = tuple(cue_pattern(c.text) for c in cues if c.instrument == "*" and c.kind == "anti")
    scoped = set(vocab.lexicon("cue_scope_condition_instruments"))
    out = []
    for inst in vocab.instruments():
        pos = tuple((c, cue_pattern(c.text)) for c in cues if c.instrument == inst.id and c.kind == "cue")
        anti = tuple(cue_pattern(c.text) for c in cues if c.instrument == inst.id and c.kind == "anti") + common
        any_re = re.compile("|".join(f"(?:{p.pattern})" for _, p in pos)) if pos else re.compile(r"(?!)")
        out.append(_Table(inst, pos, anti, any_re, inst.id in scoped))
    return tuple(out)


@cache
def _scope_res() -> tuple[re.Pattern, re.Pattern]:
    neg = re.compile(rf"(?:{vocab.lexicon_regex('cue_negations')})[^，。；：,;:]{{0,{NEGATION_REACH}}}$")
    return neg, vocab.lexicon_pattern("cue_scope_conditions")


def negated(text: str, start: int) -> bool:
    """Does a negation (lexicons/cue_negations.txt) end at most NEGATION_REACH characters before the cue at
    ``start``, in the same clause?"""
    return _scope_res()[0].search(text[max(0, start - NEGATION_REACH - 4):start]) is not None


def conditions(text: str) -> list[tuple[int, int]]:
    """Offsets of the eligibility conditions in ``text`` (lexicons/cue_scope_conditions.txt)."""
    return [(m.start(), m.end()) for m in _scope_res()[1].finditer(text)]


@cache
def _enum_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    heads = vocab.lexicon_regex("enumeration_heads")
    j = "".join(re.escape(x) for x in vocab.lexicon("enumeration_joiners"))
    tail = re.compile(rf"^(?:[{j}][^，。；{j},;]{{1,14}}){{0,10}}等[^，。；,;]{{0,10}}?(?:{heads})")
    head = re.compile(r"(?:^|[，。；,;：:])(?:[^，。；、,;]{1,14}、)+[^，。；、,;]{0,14}$")
    rest = re.compile(rf"^[^，。；、,;{j}等]{{0,8}}")
    return tail, head, rest


def in_enumeration(text: str, start: int, end: int) -> bool:
    """Is text[start:end] an item of an enumeration closed by a sector noun (…、…等服务)?"""
    tail_re, head_re, rest_re = _enum_res()
    tail = rest_re.sub("", text[end:])  # the rest of the enumerated item
    if not tail_re.match(tail):
        return False
    return not tail.startswith("等") or head_re.search(text[:start]) is not None


_CITED = re.compile(r"《[^》]{0,80}》")


def _blocked(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and b > x for x, y in spans)


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(x <= a and b <= y for x, y in spans)


DUTY_LIST_METHOD = "duty_list"
DUTY_INSTRUMENT = "mandate_obligation"  # an obligation laid on a firm, owner or operator


@cache
def _duty_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    return (vocab.lexicon_pattern("duty_list_openers"), vocab.lexicon_pattern("duty_holder_private"),
            vocab.lexicon_pattern("duty_holder_government"))


def private_duty_opener(holder: str, intro: Span) -> Span | None:
    """The opener of a duty list (X主要履行以下职责：) in ``intro`` -- the text of the heading's section before the
    measure -- where ``holder``, the heading, names no government body but an operator, owner or firm
    (lexicons duty_list_openers, duty_holder_private, duty_holder_government); else None."""
    opener, private, government = _duty_res()
    found = list(opener.finditer(intro.text))
    last = found[-1] if found else None
    if last is None or government.search(holder) or not private.search(holder):
        return None
    return Span(last.group(0), intro.start + last.start(), intro.start + last.end())


def duty_hit(sents: list[Span], opener: Span) -> InstrumentHit | None:
    """An item of an operator's duty list: an obligation laid on it (mandate_obligation), quoted with the item's
    first sentence; the opener is the cue."""
    inst = next((i for i in vocab.instruments() if i.id == DUTY_INSTRUMENT), None)
    if inst is None or not sents:
        return None
    cue = vocab.Cue(DUTY_INSTRUMENT, "cue", "lexicon:duty_list_openers",
                    "an item of the duty list of a holder that is no government body")
    return InstrumentHit(inst, sents[0], opener.text, cue, opener.start, opener.end, DUTY_LIST_METHOD)


def find(sents: list[Span], skip: Sequence[tuple[int, int]] = (),
         embedder: CueEmbedder | None = None, duty_opener: Span | None = None) -> list[InstrumentHit]:
    """Instruments evidenced in ``sents``; ``skip`` are document offsets that carry no evidence
    (the measure's title, an inline responsibility clause); ``embedder`` adds the nearest-cue signal.
    ``duty_opener``: the measure is an item of an operator's duty list (:func:`private_duty_opener`), so what it
    names is the operator's own doing, an obligation on it, and no government instrument."""
    if duty_opener is not None:
        hit = duty_hit(sents, duty_opener)
        return [hit] if hit else []
    out: list[InstrumentHit] = []
    cited = {id(sp): [(m.start(), m.end()) for m in _CITED.finditer(sp.text)] for sp in sents}
    local_skip = {id(sp): [(max(0, a - sp.start), min(len(sp.text), b - sp.start)) for a, b in skip
                           if a < sp.end and b > sp.start] for sp in sents}
    conds = {id(sp): conditions(sp.text) for sp in sents}
    tables = _tables()
    whole = "".join(sp.text for sp in sents)

    def matches(table: _Table, sp: Span, extra: Sequence[tuple[int, int]] = ()):
        """The cue matches of ``table`` in ``sp`` that count as evidence, in cue order."""
        if not table.any.search(sp.text):
            return
        vetoes = [(m.start(), m.end()) for p in table.anti for m in p.finditer(sp.text) if m.end() > m.start()]
        if table.condition_scoped:
            vetoes += conds[id(sp)]
        vetoes += extra
        for cue, pat in table.cues:
            for m in pat.finditer(sp.text):
                a, b = m.start(), m.end()
                if b <= a or _blocked(a, b, vetoes) or _blocked(a, b, local_skip[id(sp)]):
                    continue
                if _inside(a, b, cited[id(sp)]) or in_enumeration(sp.text, a, b) or negated(sp.text, a):
                    continue
                yield cue, m

    # what an obligation laid on a firm, owner or builder makes it do (新建住宅小区停车位100%建设充电设施) is no
    # public work of its own: the duty's cue spans veto the instruments of lexicons/cue_duty_object_instruments.txt
    duty_objects = set(vocab.lexicon("cue_duty_object_instruments"))
    duty = next((t for t in tables if t.instrument.id == DUTY_INSTRUMENT), None)
    duty_spans: dict[int, list[tuple[int, int]]] = {}
    if duty is not None and duty.cues and duty_objects and duty.any.search(whole):
        duty_spans = {id(sp): [(m.start(), m.end()) for _, m in matches(duty, sp)] for sp in sents}
    for table in tables:
        inst = table.instrument
        if not table.cues or not table.any.search(whole):
            continue
        hit = None
        for sp in sents:
            extra = duty_spans.get(id(sp), []) if inst.id in duty_objects else []
            for cue, m in matches(table, sp, extra):
                hit = InstrumentHit(inst, sp, m.group(0), cue, sp.start + m.start(), sp.start + m.end())
                break
            if hit:
                break
        if hit:
            out.append(hit)
    if embedder is not None:
        out += _embedding_hits(sents, {h.instrument.id for h in out}, cited, local_skip, embedder)
    return out


def _embedding_hits(sents: list[Span], found: set[str], cited: dict, local_skip: dict,
                    embedder: CueEmbedder) -> list[InstrumentHit]:
    clauses: list[tuple[Span, int, int]] = []
    for sp in sents:
        for m in _CLAUSE.finditer(sp.text):
            a, b = m.start(), m.end()
            if b - a >= MIN_CLAUSE and not _blocked(a, b, local_skip[id(sp)]) and not _inside(a, b, cited[id(sp)]):
                clauses.append((sp, a, b))
    if not clauses:
        return []
    tables = {t.instrument.id: (t.instrument, t.anti) for t in _tables()}
    best: dict[str, tuple[float, vocab.Cue, Span, int, int]] = {}
    for (sp, a, b), near in zip(clauses, embedder.nearest([sp.text[a:b] for sp, a, b in clauses])):
        for iid, (score, cue) in near.items():
            if iid in found or iid not in tables or score < embedder.threshold:
                continue
            if any(p.search(sp.text[a:b]) for p in tables[iid][1]):
                continue  # the clause uses the words descriptively
            if score > best.get(iid, (-2.0,))[0]:
                best[iid] = (score, cue, sp, a, b)
    out = []
    for iid, (score, cue, sp, a, b) in best.items():
        out.append(InstrumentHit(tables[iid][0], sp, sp.text[a:b], cue, sp.start + a, sp.start + b,
                                 embedder.method, round(score, 4)))
    order = [i.id for i in vocab.instruments()]
    return sorted(out, key=lambda h: order.index(h.instrument.id))
