"""Policy domains: keyword scores over a measure's title, text and section path (vocab/domains.csv).

The title and section heading say what a measure is about more reliably than incidental
words of its body, so they weigh more; a measure gets its best domain plus up to two
more that score at least half as high.
"""
from __future__ import annotations

from dataclasses import dataclass

from ontology import vocab
from ontology.mapping.text import Span, sentences

TITLE_WEIGHT = 3.0
PATH_WEIGHT = 1.5
BODY_WEIGHT = 1.0
MIN_SCORE = 3.0
RELATIVE = 0.5
MAX_DOMAINS = 3


@dataclass(frozen=True)
class DomainHit:
    domain: vocab.Concept
    score: float
    evidence: Span


def _count(concept: vocab.Concept, text: str) -> int:
    if not concept.any_pattern.search(text):  # most domains occur in none of a measure's text
        return 0
    return sum(len(p.findall(text)) for p in concept.patterns)


def classify(title: str, body: Span, section_path: list[str], text: str) -> list[DomainHit]:
    """1-3 domains for a measure; ``body`` is the analysed span (responsibility clause excluded)."""
    path = " ".join(section_path)
    scored = []
    for d in vocab.domains():
        s = TITLE_WEIGHT * _count(d, title) + PATH_WEIGHT * _count(d, path) + BODY_WEIGHT * _count(d, body.text)
        if s > 0:
            scored.append((s, d))
    if not scored:
        return []
    scored.sort(key=lambda x: (-x[0], x[1].id))
    top = scored[0][0]
    keep = [scored[0]] + [x for x in scored[1:MAX_DOMAINS] if x[0] >= max(MIN_SCORE, RELATIVE * top)]
    sents = sentences(text, body.start, body.end)
    out = []
    for s, d in keep:
        ev = next((sp for sp in sents if _count(d, sp.text)), None) or (sents[0] if sents else body)
        out.append(DomainHit(d, round(s / top, 3), ev))
    return out


def classify_indicator(name: str) -> vocab.Concept | None:
    """The best domain for an indicator name, or None when no keyword occurs."""
    best = None
    for d in vocab.domains():
        s = _count(d, name)
        if s and (best is None or s > best[0]):
            best = (s, d)
    return best[1] if best else None
