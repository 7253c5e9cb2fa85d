"""Sentence and clause segmentation with offsets into the document text.

Evidence quotes are whole sentences (or table rows), so every span is computed here once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SENT_END = re.compile(r"[。；;！!？?\n]+|〔责任单位|（责任单位|\(责任单位")
_CLAUSE_END = re.compile(r"[，,]|(?<!\d)[：:]|[：:](?!\d)")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end]: split at 。；！？ and line breaks, trimmed of blanks."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        stop = m.end() if m.group(0)[0] in "。；;！!？?" else m.start()
        _add(text, pos, stop, out)
        pos = max(stop, m.start() if m.group(0)[0] in "〔（(" else m.end())
    _add(text, pos, end, out)
    return out


def clauses(sent: Span) -> list[Span]:
    """Comma-separated clauses of a sentence, offsets still into the document."""
    out: list[Span] = []
    pos = sent.start
    base = sent.start
    for m in _CLAUSE_END.finditer(sent.text):
        _add_rel(sent.text, base, pos - base, m.end(), out)
        pos = base + m.end()
    _add_rel(sent.text, base, pos - base, len(sent.text), out)
    return out


def _add_rel(text: str, base: int, a: int, b: int, out: list[Span]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Span(text[a:b], base + a, base + b))


def _add(text: str, a: int, b: int, out: list[Span]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Span(text[a:b], a, b))
