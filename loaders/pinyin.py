"""Remove pinyin annotations such as ``揚(yáng)州`` -> ``揚州``.

Some sites annotate characters with their reading. An annotation is a parenthesis
(half- or full-width) that directly follows a CJK character (or a ``?`` that stands
for a lost character) and holds one pinyin syllable. Toned syllables (``yáng``) are
unambiguous; a toneless syllable (neutral tone, ``de``) is only taken when the
document is evidently annotated (several toned annotations), and then only if it is
a plausible pinyin syllable, so that real brackets like ``(一)``, ``(2022-2025年)``,
``(市民政局)`` or ``(PM2.5)`` are never touched.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .edits import Edit

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYL = rf"[a-zü{_TONED}]{{1,7}}"
_PREV = r"[\u3400-\u9fff\uf900-\ufaff?]"
_ANNOT = re.compile(rf"(?<={_PREV})[(（]({_SYL})[)）]")
# the opening bracket may have been eaten by a mojibake run (``責zé)任``): then only a
# toned syllable counts
_ANNOT_NOOPEN = re.compile(rf"(?<={_PREV})([a-zü]*[{_TONED}][a-zü]*)[)）]")
# Cut-off annotation: a syllable whose closing bracket was lost at a line end,
# e.g. ``自規(gu`` + newline; only taken in annotated documents.
_TONE_RE = re.compile(f"[{_TONED}]")
_PINYIN_SYLLABLE = re.compile(
    r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|ü|v|ai|ei|ao|ou|an|en|ang|eng|ong|er|"
    r"ia|ie|iao|iu|ian|in|iang|ing|iong|ua|uo|uai|ui|uan|un|uang|ue|üe|üan|ün)$")


_PARTICLES = frozenset(("de", "le", "ne", "me", "men", "zi", "ge", "ma", "ba", "zhe"))


def _plain(s: str) -> str:
    import unicodedata
    kept = (c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn" or c == "\u0308")
    return "".join(kept).replace("u\u0308", "ü")


@lru_cache(maxsize=4096)
def is_syllable(s: str) -> bool:
    return bool(_PINYIN_SYLLABLE.match(_plain(s.lower())))


def find(text: str) -> list[Edit]:
    """Edits deleting every pinyin annotation in ``text``."""
    matches = list(_ANNOT.finditer(text))
    toned = sum(1 for m in matches if _TONE_RE.search(m.group(1)) and is_syllable(m.group(1)))
    annotated_doc = toned >= 3
    edits = []
    for m in matches:
        syl = m.group(1)
        if not is_syllable(syl):
            continue
        if _TONE_RE.search(syl) or (annotated_doc and syl in _PARTICLES):
            edits.append(Edit(m.start(), m.end(), "", "pinyin_annotation"))
    taken = {e.start for e in edits}
    for m in _ANNOT_NOOPEN.finditer(text):
        if m.start() not in taken and m.start() - 1 not in taken and is_syllable(m.group(1)) and len(m.group(1)) <= 7:
            edits.append(Edit(m.start(), m.end(), "", "pinyin_annotation"))
    return edits
