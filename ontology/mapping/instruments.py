"""Policy instruments: keyword/pattern evidence per sentence (vocab/instruments.csv).

Each instrument found in a measure is linked once, with the first sentence that uses it
as quote and offsets; the Rothwell-Zegveld category comes with the vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass

from ontology import vocab
from ontology.mapping.text import Span


@dataclass(frozen=True)
class InstrumentHit:
    instrument: vocab.Concept
    evidence: Span
    keyword: str


def find(sents: list[Span]) -> list[InstrumentHit]:
    out: list[InstrumentHit] = []
    for inst in vocab.instruments():
        for sp in sents:
            m = next((m for p in inst.patterns if (m := p.search(sp.text))), None)
            if m:
                out.append(InstrumentHit(inst, sp, m.group(0)))
                break
    return out
