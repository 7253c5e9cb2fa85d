"""Canonical indicators: the same measured quantity in different places becomes one node.

A written indicator is normalised (brackets, quotes, region words, blanks) and looked up
among the synonyms of vocab/indicators.csv; failing an exact hit, the longest synonym it
contains wins.  An indicator the vocabulary does not know still gets a deterministic node
keyed by its normalised name, so nothing is dropped and repeats still meet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from model.ids import short_hash
from ontology import vocab
from ontology.mapping.domains import classify_indicator

_QUOTES = re.compile(r"[“”\"'‘’《》「」『』\s]")
_LEAD = re.compile(r"^(?:全市|全区|全省|全县|全自治区|全域|市区|主城区|城区|各地|我市|我区|本市)+")
MIN_CONTAINED = 4


@dataclass(frozen=True)
class IndicatorRef:
    id: str
    name: str
    name_en: str | None
    unit: str | None
    domain: str | None
    known: bool


def normalize_name(name: str) -> str:
    s = name.replace("（", "(").replace("）", ")")
    s = _QUOTES.sub("", s)
    s = _LEAD.sub("", s)
    s = re.sub(r"\($", "", s)
    s = re.sub(r"\(\s*[%‰]?\s*$", "", s)
    return s.strip("、，,:：;；。 ")


# Words plans insert or drop freely inside an indicator name (每千人口[拥有]托位数,
# 养老机构[中]护理型床位占比); matching ignores them on both sides.
_FILLER = re.compile(r"拥有|(?<=机构)中|的")


def _loose(name: str) -> str:
    return _FILLER.sub("", name)


@cache
def _synonyms() -> tuple[dict[str, vocab.IndicatorDef], list[tuple[str, vocab.IndicatorDef]]]:
    exact: dict[str, vocab.IndicatorDef] = {}
    for d in vocab.indicators():
        for s in d.synonyms:
            exact.setdefault(_loose(normalize_name(s)), d)
    contained = sorted(((k, d) for k, d in exact.items() if len(k) >= MIN_CONTAINED), key=lambda x: -len(x[0]))
    return exact, contained


def lookup(written: str) -> vocab.IndicatorDef | None:
    n = _loose(normalize_name(written))
    exact, contained = _synonyms()
    if n in exact:
        return exact[n]
    for k, d in contained:
        if k in n:
            return d
    return None


def canonical(written: str, unit: str | None = None) -> IndicatorRef | None:
    n = normalize_name(written)
    if len(n) < 2:
        return None
    d = lookup(n)
    if d is not None:
        return IndicatorRef(f"indicator:{d.id}", d.name, d.name_en, d.unit, d.domain, True)
    dom = classify_indicator(n)
    return IndicatorRef(f"indicator:{short_hash(n)}", n, None, unit, dom.id if dom else None, False)
