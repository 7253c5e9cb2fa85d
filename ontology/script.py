"""Traditional -> simplified, length-preserving, fast.

``ParsedDocument.text`` (simplified) and ``.original`` (original script) must line up
char for char. We use OpenCC's own t2s dictionaries (shipped with
opencc-python-reimplemented) but not its converter, which walks a phrase tree in
pure Python (~100k chars/s): the character table is applied with ``str.translate``
and the few phrase entries whose conversion differs from the character-by-character
one (``乾坤`` stays 乾坤, ``瞭解`` -> 了解) are applied on top, longest first, by one
regex. Phrases that would change the length are skipped, so the result always has
the length of the input.

Why not the official C++ ``opencc`` package (1.4.2, cp311 wheels exist): its wheel ships only the
compiled ``.ocd2`` dictionaries, not the ``TSCharacters.txt``/``TSPhrases.txt`` tables read here, and its
converter applies phrases that change the length, which would break the char-for-char alignment of
``ParsedDocument.text`` and ``.original``; both distributions also install the same ``opencc`` module.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


def _dict_path(name: str) -> Path:
    import opencc
    return Path(opencc.__file__).parent / "dictionary" / name


@lru_cache(maxsize=1)
def _char_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _dict_path("TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            table[parts[0]] = parts[1]
    return table


@lru_cache(maxsize=1)
def _trans():
    return str.maketrans(_char_table())


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[str, str], re.Pattern | None]:
    out: dict[str, str] = {}
    for line in _dict_path("TSPhrases.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == len(parts[1]):
            src, dst = parts[0], parts[1]
            if src.translate(_trans()) != dst:
                out[src] = dst
    if not out:
        return out, None
    rx = re.compile("|".join(re.escape(p) for p in sorted(out, key=len, reverse=True)))
    return out, rx


@lru_cache(maxsize=1)
def _trad_re() -> re.Pattern:
    chars = "".join(sorted(_char_table()))
    return re.compile("[" + re.escape(chars) + "]")


def count_traditional(text: str) -> int:
    return _trad_re().subn("", text)[1]  # a count: findall would build a string per match


def char_t2s(text: str) -> str:
    """Per-character conversion (always length-preserving)."""
    return text.translate(_trans()) if text else text


def to_simplified(text: str) -> str:
    """Convert ``text`` to simplified Chinese without changing its length."""
    out = text.translate(_trans())
    table, rx = _phrases()
    if rx is None:
        return out
    parts = []
    pos = 0
    for m in rx.finditer(text):
        parts.append(out[pos:m.start()])
        parts.append(table[m.group(0)])
        pos = m.end()
    if not parts:
        return out
    parts.append(out[pos:])
    res = "".join(parts)
    return res if len(res) == len(text) else out
