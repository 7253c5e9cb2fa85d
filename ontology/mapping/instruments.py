"""Policy instruments: cue and anti-cue evidence per sentence (vocab/instrument_cues.csv).

A cue is the written government action (给予补贴, 政府购买服务, 制定标准, 开展试点 …). A cue match does not
count when an anti-cue of the same instrument (or of every instrument, ``*``) overlaps it (the same words
used descriptively, as a place or as a body), when it lies inside a cited title 《…》, inside the measure's
own title (a heading is not an action), inside a responsibility clause, or when it is an item of an
enumeration of sectors (养老、家政、金融等服务). Each instrument found is linked once, with the first
sentence that uses it as quote and offsets, and the cue words themselves; a measure can have none.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ontology import vocab
from ontology.mapping.text import Span


@dataclass(frozen=True)
class InstrumentHit:
    instrument: vocab.Concept
    evidence: Span
    keyword: str  # the matched cue words, as written in the sentence
    cue: vocab.Cue
    cue_start: int  # offsets of the cue words in the document text
    cue_end: int


@cache
def _tables() -> tuple[tuple[vocab.Concept, tuple[vocab.Cue, ...], tuple[vocab.Cue, ...]], ...]:
    cues = vocab.instrument_cues()
    common = tuple(c for c in cues if c.instrument == "*" and c.kind == "anti")
    out = []
    for inst in vocab.instruments():
        pos = tuple(c for c in cues if c.instrument == inst.id and c.kind == "cue")
        anti = tuple(c for c in cues if c.instrument == inst.id and c.kind == "anti") + common
        out.append((inst, pos, anti))
    return tuple(out)


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


def find(sents: list[Span], skip: Sequence[tuple[int, int]] = ()) -> list[InstrumentHit]:
    """Instruments evidenced in ``sents``; ``skip`` are document offsets that carry no evidence
    (the measure's title, an inline responsibility clause)."""
    out: list[InstrumentHit] = []
    cited = {id(sp): [(m.start(), m.end()) for m in _CITED.finditer(sp.text)] for sp in sents}
    local_skip = {id(sp): [(max(0, a - sp.start), min(len(sp.text), b - sp.start)) for a, b in skip
                           if a < sp.end and b > sp.start] for sp in sents}
    for inst, pos, anti in _tables():
        if not pos or not inst.any_pattern.search("".join(sp.text for sp in sents)):
            continue
        hit = None
        for sp in sents:
            if not inst.any_pattern.search(sp.text):
                continue
            vetoes = [(m.start(), m.end()) for c in anti for m in c.pattern.finditer(sp.text) if m.end() > m.start()]
            for cue in pos:
                for m in cue.pattern.finditer(sp.text):
                    a, b = m.start(), m.end()
                    if b <= a or _blocked(a, b, vetoes) or _blocked(a, b, local_skip[id(sp)]):
                        continue
                    if _inside(a, b, cited[id(sp)]) or in_enumeration(sp.text, a, b):
                        continue
                    hit = InstrumentHit(inst, sp, m.group(0), cue, sp.start + a, sp.start + b)
                    break
                if hit:
                    break
            if hit:
                break
        if hit:
            out.append(hit)
    return out
