"""Small string helpers shared by the vocabularies and the mapping."""
from __future__ import annotations


def split_outside_brackets(text: str, sep: str, opens: str = "([{（", closes: str = ")]}）") -> list[str]:
    """Split at `sep` where no bracket is open: 托育、养老（含医养、康养） has two items, and a
    keyword `re:(a|b)c` keeps its alternation."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        depth += ch in opens
        depth -= ch in closes
        if ch == sep and depth <= 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts
