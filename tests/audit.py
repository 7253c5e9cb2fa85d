"""Checks that cleaning lost nothing silently: the test-side audit of the loaders.

The invariant: cut every reported span out of the decoded input -- each record
covers ``[position, position + source_len)`` (``source_len`` defaults to the length
of ``Dropped.text`` / ``Repair.before``) -- and what remains must appear, in order,
in ``ParsedDocument.original``. A character that disappeared without a record, or a
record pointing at the wrong place, breaks it.
"""
from __future__ import annotations

from model.document import ParsedDocument


def covered_mask(n: int, doc: ParsedDocument) -> bytearray:
    mask = bytearray(n)
    spans = [(d.position, d.source_len if d.source_len is not None else len(d.text)) for d in doc.dropped]
    spans += [(r.position, r.source_len if r.source_len is not None else len(r.before)) for r in doc.repairs]
    for a, ln in spans:
        a = max(0, a)
        b = min(n, a + ln)
        if b > a:
            mask[a:b] = b"\x01" * (b - a)
    return mask


def unaccounted(decoded: str, doc: ParsedDocument) -> list[tuple[int, str]]:
    """Characters of ``decoded`` that neither survive (in order) in ``doc.original``
    nor fall in a reported span: ``[(position, char), ...]`` (empty when all is well)."""
    mask = covered_mask(len(decoded), doc)
    orig = doc.original
    j = 0
    missing = []
    for i, ch in enumerate(decoded):
        if mask[i]:
            continue
        k = orig.find(ch, j)
        if k == -1:
            missing.append((i, ch))
            continue
        j = k + 1
    return missing


def misplaced_drops(decoded: str, doc: ParsedDocument) -> list:
    """Dropped records whose text is not found at their position in the decoded input
    (whitespace is compared loosely: line ends and odd spaces are normalised first)."""
    import re
    ws = re.compile(r"\s")
    bad = []
    for d in doc.dropped:
        if d.source_len is None and d.text.strip():
            if ws.sub(" ", decoded[d.position:d.position + len(d.text)]) != ws.sub(" ", d.text):
                bad.append(d)
    return bad
