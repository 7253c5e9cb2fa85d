"""Lines of a text with their offsets: several cleaning and structure steps work line by line."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    idx: int
    start: int
    end: int
    text: str


def line_starts(lines: list[str]) -> list[int]:
    """Offset of each line of ``text.split("\\n")`` in ``text``."""
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    return starts
