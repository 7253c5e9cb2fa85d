"""Edit tracking: every change to the text is an explicit, logged edit.

Cleaning runs as a series of passes over one string. A pass never rewrites the
string itself; it proposes ``Edit`` objects (replace ``[start, end)`` by
``replacement``) and ``TextState.apply`` performs them, records each one as a
``Dropped`` (when the replacement is empty) or a ``Repair`` (otherwise), and keeps
a piecewise map from the current string back to the decoded input so that every
record's ``position`` (and ``source_len``) is a span of the decoded input. That is
what makes "nothing vanishes silently" checkable (see ``tests/audit.py``): cut every
reported span out of the decoded input and what is left must still appear, in
order, in the cleaned text.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from model.document import Dropped, Repair


@dataclass(slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    kind: str          # Dropped.reason or Repair.kind
    drop: bool | None = None   # force Dropped (True) / Repair (False); default: replacement == ""
    confidence: float | None = None   # Repair.confidence of an inferred repair


class TextState:
    """The string being cleaned plus its map back to the decoded input.

    The map is a sorted list of pieces. A piece starting at current offset ``cur``
    is either *linear* (``lin`` > 0: current char ``cur + k`` is decoded char
    ``src + k``) or a *replacement* (``lin`` == 0: all its chars come from the
    decoded span ``[src, src + span)``).
    """

    def __init__(self, text: str):
        self.text = text
        self._cur = [0]
        self._src = [0]
        self._lin = [len(text)]
        self._span = [len(text)]
        self.dropped: list[Dropped] = []
        self.repairs: list[Repair] = []

    def _piece(self, p: int) -> int:
        return max(0, bisect_right(self._cur, p) - 1)

    def source_pos(self, p: int) -> int:
        """Decoded-input offset of current offset ``p`` (start of a span)."""
        i = self._piece(p)
        off = p - self._cur[i]
        if self._lin[i] == 0:
            return self._src[i]
        return self._src[i] + min(off, self._lin[i])

    def source_end(self, p: int) -> int:
        """Decoded-input offset where the current span ending at ``p`` ends."""
        if p <= 0:
            return self.source_pos(0)
        i = self._piece(p - 1)
        if self._lin[i] == 0:
            return self._src[i] + self._span[i]
        off = p - 1 - self._cur[i]
        return self._src[i] + min(off, self._lin[i] - 1) + 1

    def apply(self, edits: list[Edit]) -> None:
        """Apply non-overlapping edits (any order); later passes see the new text.

        Overlapping edits are a bug in a pass; the later one is skipped."""
        if not edits:
            return
        edits = sorted(edits, key=lambda e: (e.start, e.end))
        text = self.text
        parts: list[str] = []
        cur: list[int] = []
        src: list[int] = []
        lin: list[int] = []
        span: list[int] = []
        out = 0
        pos = 0
        ncur = len(self._cur)

        def copy_span(a: int, b: int) -> None:
            nonlocal out
            if a >= b:
                return
            parts.append(text[a:b])
            i = self._piece(a)
            p = a
            while p < b:
                seg_end = self._cur[i + 1] if i + 1 < ncur else len(text)
                q = min(b, seg_end)
                off = p - self._cur[i]
                cur.append(out)
                if self._lin[i] == 0:
                    src.append(self._src[i])
                    lin.append(0)
                    span.append(self._span[i])
                else:
                    src.append(self._src[i] + off)
                    lin.append(q - p)
                    span.append(q - p)
                out += q - p
                p = q
                i += 1

        for e in edits:
            if e.start < pos:
                continue
            copy_span(pos, e.start)
            before = text[e.start:e.end]
            s0 = self.source_pos(e.start)
            s1 = self.source_end(e.end) if e.end > e.start else s0
            slen = max(0, s1 - s0)
            rec_len = None if slen == len(before) else slen
            is_drop = e.drop if e.drop is not None else (e.replacement == "")
            if is_drop:
                self.dropped.append(Dropped(reason=e.kind, text=before, position=s0, source_len=rec_len))
            else:
                self.repairs.append(Repair(kind=e.kind, before=before, after=e.replacement,
                                           position=s0, source_len=rec_len, confidence=e.confidence))
            if e.replacement:
                parts.append(e.replacement)
                cur.append(out)
                src.append(s0)
                lin.append(0)
                span.append(slen)
                out += len(e.replacement)
            pos = e.end
        copy_span(pos, len(text))
        self.text = "".join(parts)
        if not cur:
            cur, src, lin, span = [0], [self.source_pos(len(text))], [0], [0]
        self._cur, self._src, self._lin, self._span = cur, src, lin, span
