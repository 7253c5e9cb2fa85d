"""Whitespace, width and punctuation normalisation.

Convention (applied to both ``text`` and ``original``):
  * digits and Latin letters are ASCII (full-width ``２０２５`` -> ``2025``);
  * Chinese text uses full-width Chinese punctuation: a half-width ``, ; : ! ( )``
    next to CJK text becomes ``， ； ： ！ （ ）``; ``﹒`` (small full stop) and ``．``
    after a list number become ``.``. Punctuation between ASCII characters
    (``1,000``, ``10:30``, ``(PM2.5)``'s content) is left alone. Brackets are
    converted as matched pairs so a pair is always one style;
  * ``?`` is never touched here -- it may mark a lost character (see mojibake);
  * one paragraph per line: no blank lines, no leading/trailing spaces, runs of
    inner spaces collapsed to one (full-width and no-break spaces included).
Every change is an Edit, i.e. reported.
"""
from __future__ import annotations

import re

from .edits import Edit

_FW = {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}
_FW.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FW.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FW.update({"％": "%", "＋": "+", "－": "-", "＝": "=", "／": "/", "＜": "<", "＞": ">", "＆": "&",
            "﹒": ".", "\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ", "\u200b": "", "\ufeff": ""})
_FW_RE = re.compile("[" + "".join(re.escape(k) for k in _FW) + "]+")

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_HALF_PUNCT = {",": "，", ";": "；", ":": "：", "!": "！"}
# half-width punctuation adjacent to CJK text or CJK punctuation
_PUNCT_RE = re.compile(rf"(?<=[{CJK}\u3000-\u303f\uff00-\uffef“”‘’》）])[,;:!]|[,;:!](?=[{CJK}“‘《（])")
_WS_RE = re.compile(r"[ \t\r\f\v]+")


def width_edits(text: str) -> list[Edit]:
    """Full-width digits/letters/symbols and odd spaces to their ASCII forms."""
    out = []
    for m in _FW_RE.finditer(text):
        s = m.group(0)
        rep = "".join(_FW[c] for c in s)
        out.append(Edit(m.start(), m.end(), rep, "width", drop=False if rep else None))
    return out


def whitespace_edits(text: str) -> list[Edit]:
    """Strip line ends, collapse inner runs, drop blank lines; CR/LF unified."""
    out = []
    pos = 0
    n = len(text)
    prev_nonblank = False
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip(" \t\r\f\v\u3000\u00a0")
        if not stripped:
            # blank line: drop it with its newline (keep structure: one \n between paragraphs)
            if end < n:
                out.append(Edit(pos, end + 1, "", "whitespace"))
            elif line:
                out.append(Edit(pos, end, "", "whitespace"))
                if prev_nonblank and pos > 0:
                    pass
        else:
            lead = len(line) - len(line.lstrip(" \t\r\f\v\u3000\u00a0"))
            trail = len(line) - len(line.rstrip(" \t\r\f\v\u3000\u00a0"))
            if lead:
                out.append(Edit(pos, pos + lead, "", "whitespace"))
            for m in _WS_RE.finditer(line, lead, len(line) - trail):
                if m.group(0) != " ":
                    out.append(Edit(pos + m.start(), pos + m.end(), " ", "whitespace"))
            if trail:
                out.append(Edit(end - trail, end, "", "whitespace"))
            prev_nonblank = True
        pos = end + 1
    return out


def trailing_newline_edits(text: str) -> list[Edit]:
    if text.endswith("\n"):
        k = len(text) - len(text.rstrip("\n"))
        return [Edit(len(text) - k, len(text), "", "whitespace")]
    return []


def punctuation_edits(text: str) -> list[Edit]:
    out = [Edit(m.start(), m.end(), _HALF_PUNCT[m.group(0)], "punctuation") for m in _PUNCT_RE.finditer(text)]
    out.extend(_bracket_edits(text))
    return out


def _bracket_edits(text: str) -> list[Edit]:
    """Half-width brackets to full-width when the pair touches Chinese text."""
    out = []
    stack: list[int] = []
    cjk = re.compile(f"[{CJK}]")
    # process line by line: brackets do not span paragraphs
    pos = 0
    for line in text.split("\n"):
        stack.clear()
        for i, ch in enumerate(line):
            if ch == "(":
                stack.append(i)
            elif ch == ")":
                if stack:
                    j = stack.pop()
                    inner = line[j + 1:i]
                    before = line[j - 1] if j > 0 else ""
                    after = line[i + 1] if i + 1 < len(line) else ""
                    if cjk.search(inner) or cjk.match(before or " ") or (not before and cjk.match(after or " ")):
                        out.append(Edit(pos + j, pos + j + 1, "（", "punctuation"))
                        out.append(Edit(pos + i, pos + i + 1, "）", "punctuation"))
                else:
                    # unmatched closing bracket (e.g. a heading that lost "（一"): full-width
                    out.append(Edit(pos + i, pos + i + 1, "）", "punctuation"))
        for j in stack:
            # unmatched opening bracket (e.g. a table cell "(%" that lost its ")")
            out.append(Edit(pos + j, pos + j + 1, "（", "punctuation"))
        pos += len(line) + 1
    return out


_UNCLOSED_TAIL = re.compile(r"[（(]([^（）()]{1,8})$")


def missing_bracket_edits(text: str) -> list[Edit]:
    """A short line (a table cell, a heading) ending in an opening bracket with a
    short unit-like tail, ``（%``: the closing bracket was lost -- add it back.
    Long lines are left alone: there the bracket may close on the next line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= 40:
            m = _UNCLOSED_TAIL.search(line)
            if m and line.count("（") + line.count("(") > line.count("）") + line.count(")"):
                end = pos + len(line)
                out.append(Edit(end, end, "）" if line[m.start()] == "（" else ")", "missing_bracket"))
        pos += len(line) + 1
    return out


def inline(s: str | None) -> str | None:
    """The same width/punctuation convention for a short string (metadata values)."""
    if not s:
        return s
    from .edits import TextState
    st = TextState(s)
    st.apply(width_edits(st.text))
    st.apply(punctuation_edits(st.text))
    return st.text.strip()
