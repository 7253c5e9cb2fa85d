"""Traditional -> simplified, length-preserving.

``ParsedDocument.text`` (simplified) and ``.original`` (original script) must line up
char for char. OpenCC's t2s works phrase by phrase and may, in principle, change the
length of a phrase; we convert line by line, and a line whose length changes falls
back to a per-character conversion (always 1:1 for the character table).
Lines without any character that has a simplified form are not converted at all,
which makes simplified documents almost free.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _char_table() -> dict[str, str]:
    import opencc
    p = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[str, str] = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            table[parts[0]] = parts[1]
    return table


@lru_cache(maxsize=1)
def _trad_re() -> re.Pattern:
    chars = "".join(sorted(_char_table()))
    return re.compile("[" + re.escape(chars) + "]")


def has_traditional(text: str) -> bool:
    return _trad_re().search(text) is not None


def count_traditional(text: str) -> int:
    return len(_trad_re().findall(text))


def char_t2s(text: str) -> str:
    """Per-character conversion (always length-preserving)."""
    return text.translate(_trans()) if text else text


@lru_cache(maxsize=1)
def _trans():
    return str.maketrans(_char_table())


def to_simplified(text: str) -> str:
    """Convert ``text`` to simplified Chinese without changing its length."""
    rx = _trad_re()
    conv = _converter()
    out = []
    for line in text.split("\n"):
        if rx.search(line) is None:
            out.append(line)
            continue
        s = conv.convert(line)
        if len(s) != len(line):
            s = line.translate(_trans())
        out.append(s)
    return "\n".join(out)
