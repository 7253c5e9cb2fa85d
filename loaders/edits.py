"""Edit tracking: every change to the text is an explicit, logged edit.

Cleaning runs as a series of passes over one string. A pass never rewrites the
string itself; it proposes ``Edit`` objects (replace ``[start, end)`` by
``replacement``) and ``TextState.apply`` performs them, records each one as a
``Dropped`` (when the replacement is empty) or a ``Repair`` (otherwise), and keeps
a piecewise-linear map from the current string back to the decoded input so that
every record's ``position`` is an offset in the decoded input. That is what makes
"nothing vanishes silently" checkable: delete every reported span from the decoded
input and what is left must still appear, in order, in the cleaned text.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .document import Dropped, Repair


@dataclass
class Edit:
    start: int
    end: int
    replacement: str
    kind: str          # Dropped.reason or Repair.kind
    drop: bool | None = None   # force Dropped (True) / Repair (False); default: replacement == ""


class TextState:
    """The string being cleaned plus its map back to the decoded input."""

    def __init__(self, text: str):
        self.text = text
        # anchors: parallel sorted lists; position p in the current text maps to
        # orig[i] + (p - cur[i]) for the last anchor i with cur[i] <= p, capped at
        # limit[i] (the end of that anchor's source span).
        self._cur = [0]
        self._orig = [0]
        self._len = [len(text)]   # length of the linear stretch in the source
        self.dropped: list[Dropped] = []
        self.repairs: list[Repair] = []

    def source_pos(self, p: int) -> int:
        i = bisect_right(self._cur, p) - 1
        if i < 0:
            return 0
        off = p - self._cur[i]
        return self._orig[i] + min(off, self._len[i])

    def apply(self, edits: list[Edit]) -> None:
        """Apply non-overlapping edits (any order); later passes see the new text."""
        if not edits:
            return
        edits = sorted(edits, key=lambda e: (e.start, e.end))
        text = self.text
        parts: list[str] = []
        new_cur: list[int] = []
        new_orig: list[int] = []
        new_len: list[int] = []
        pos = 0        # in old text
        out = 0        # length of new text so far

        def copy_span(a: int, b: int) -> None:
            """Copy old text [a, b) keeping its own mapping."""
            nonlocal out
            if a >= b:
                return
            parts.append(text[a:b])
            i = bisect_right(self._cur, a) - 1
            p = a
            while p < b:
                seg_end = self._cur[i + 1] if i + 1 < len(self._cur) else len(text) + 1
                q = min(b, seg_end)
                off = p - self._cur[i]
                new_cur.append(out)
                new_orig.append(self._orig[i] + min(off, self._len[i]))
                new_len.append(max(0, self._len[i] - off))
                out += q - p
                p = q
                i += 1

        for e in edits:
            if e.start < pos:
                continue  # overlapping edit: skip (passes must not overlap)
            copy_span(pos, e.start)
            before = text[e.start:e.end]
            src = self.source_pos(e.start)
            is_drop = e.drop if e.drop is not None else (e.replacement == "")
            if is_drop:
                self.dropped.append(Dropped(reason=e.kind, text=before, position=src))
            else:
                self.repairs.append(Repair(kind=e.kind, before=before, after=e.replacement, position=src))
            if e.replacement:
                parts.append(e.replacement)
                new_cur.append(out)
                new_orig.append(src)
                new_len.append(0)
                out += len(e.replacement)
            pos = e.end
        copy_span(pos, len(text))
        self.text = "".join(parts)
        if not new_cur or new_cur[0] != 0:
            new_cur.insert(0, 0)
            new_orig.insert(0, self.source_pos(0) if self._cur else 0)
            new_len.insert(0, 0)
        # merge anchors with identical cur (zero-length pieces)
        cur2, orig2, len2 = [], [], []
        for c, o, l in zip(new_cur, new_orig, new_len):
            if cur2 and cur2[-1] == c:
                cur2[-1], orig2[-1], len2[-1] = c, o, l
            else:
                cur2.append(c); orig2.append(o); len2.append(l)
        self._cur, self._orig, self._len = cur2, orig2, len2
