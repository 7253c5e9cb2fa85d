"""Responsibility clauses: who leads and who takes part in a measure.

Forms handled (any bracket style, traditional text already simplified):
  〔责任单位：发改委、财政局牵头，教育局、民政局等分工负责〕
  （市民政局、市财政局，各市（县）区人民政府按照职责分工负责）
  （市科技局负责）
  牵头单位：市发改委；配合单位：市财政局、市民政局      (a line of its own)
The clause is the last bracketed group of a measure that contains a role word
(负责, 牵头, 配合, 参与, 责任单位, 牵头单位, 按职责分工). It is split into segments on
``，；`` and agencies on ``、``; a segment whose role word is 牵头 (or that follows
牵头单位：) gives leads, 配合/参与/负责/协同 involved. Without any 牵头 the first agency
named is the lead and the rest are involved. Remarks in brackets inside the clause
(``（以下均需…不再列出）``) and a trailing sentence after ``。`` are not agencies.
"""
from __future__ import annotations

import re

from .document import Responsibility

_ROLE = re.compile(r"(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|按照?职责分工负责|分工负责|牵头|配合|负责|参与|协同)")
_OPENERS = {"〔": "〕", "（": "）", "(": ")", "[": "]", "【": "】"}
_LEAD_PREFIX = re.compile(r"^(牵头单位|牵头部门|责任单位|责任部门|主责单位)[:：]")
_INV_PREFIX = re.compile(r"^(配合单位|配合部门|参与单位|协同单位|协办单位)[:：]")
_TRAIL_ROLE = re.compile(r"(等有关部门|等有关单位|等部门|等单位|等)?\s*(按照?职责分工负责|按职责负责|分工负责|共同负责|负责落实|牵头负责|牵头|配合|负责|参与|协同)$")
_TIME_SEG = re.compile(r"^(完成时限|完成时间|完成期限|时间节点|时限|进度安排|实施时间|时间安排)[:：]")
_TIME_WORDS = re.compile(r"(\d{4}\s*年|年底|年内|年前|持续推进|长期坚持|逐年|每年|分阶段)")
_LEAD_MARK = re.compile(r"\s*[（(〔\[](牵头|牵头单位|牵头部门)[）)〕\]]\s*$")
_ROLE_MARK = re.compile(r"\s*[（(〔\[](配合|参与|协办|协同|配合单位|参与单位)[）)〕\]]\s*$")
_GENERIC = re.compile(r"^(有关部门|相关部门|各有关部门|有关单位|相关单位|各相关部门)$")
_LINE_CLAUSE = re.compile(r"^(牵头单位|责任单位|牵头部门|责任部门)[:：].+$")
# lines of a role block: 牵头单位：… / 责任单位：… / 配合单位：… in any order
_ROLE_LINE = re.compile(r"^(牵头单位|责任单位|牵头部门|责任部门|主责单位|配合单位|配合部门|参与单位|协同单位|协办单位)[:：].+$")
# a clause closing a paragraph without brackets: …衔接。责任单位：市民政局、市财政局
_TAIL_CLAUSE = re.compile(r"(?<=[。；;])\s*((?:牵头单位|责任单位|牵头部门|责任部门)[:：][^。；\n]+?)。?$")
# a closing line of its own without brackets or labels: 市金融局牵头，市财政局配合。
_BARE_LINE = re.compile(r"^[^。；，,（(：:]{2,40}?(牵头|负责)(?:[，,；;][^。]{2,160}?(配合|参与|协同|负责))?。?$")


def _matching_close(text: str, i: int) -> int | None:
    """Index of the bracket closing the one at ``i`` (any style: some sources mix 〔…）)."""
    depth = 0
    for j in range(i, len(text)):
        c = text[j]
        if c in _OPENERS:
            depth += 1
        elif c in _OPENERS.values():
            depth -= 1
            if depth == 0:
                return j
    return None


def find_clause(text: str) -> tuple[int, int] | None:
    """[start, end) of the responsibility clause in a measure's text, or None."""
    # a line of its own: 牵头单位：… / 责任单位：…
    # (all the role lines of the block around the last lead/responsible line)
    lines = text.split("\n")
    spans = []
    pos = 0
    for ln in lines:
        spans.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    last = max((k for k, ln in enumerate(lines) if _LINE_CLAUSE.match(ln)), default=None)
    if last is not None:
        a = b = last
        while a > 0 and _ROLE_LINE.match(lines[a - 1]):
            a -= 1
        while b + 1 < len(lines) and _ROLE_LINE.match(lines[b + 1]):
            b += 1
        return spans[a][0], spans[b][1]
    # the end of the last line: …。责任单位：…
    last_line = lines[-1]
    m = _TAIL_CLAUSE.search(last_line)
    if m:
        off = spans[-1][0]
        return off + m.start(1), off + m.end(1)
    if len(lines) > 1 and _BARE_LINE.match(last_line) and _has_agency(last_line.split("牵头")[0].split("负责")[0]):
        off = spans[-1][0]
        return off, off + len(last_line.rstrip("。"))
    # the last top-level bracket group with a role word, at the end of a sentence
    best = None
    i = 0
    while i < len(text):
        c = text[i]
        if c in _OPENERS:
            j = _matching_close(text, i)
            if j is None:
                break
            inner = text[i + 1:j]
            if _ROLE.search(inner) and _has_agency(inner):
                best = (i, j + 1)
            i = j + 1
        else:
            i += 1
    return best


def _has_agency(s: str) -> bool:
    return bool(re.search(r"(局|委|办|厅|部|府|会|院|室|中心|集团|行|所|队|处|站|公司|单位|部门|联|团)", s))


def parse(raw: str, start: int) -> Responsibility:
    """Split a clause into lead and involved agencies."""
    inner = raw
    if inner and inner[0] in _OPENERS:
        inner = inner[1:]
        if inner and inner[-1] in _OPENERS.values():
            inner = inner[:-1]
    # remarks: a trailing sentence after 。 and bracketed notes that are not agency qualifiers
    inner = inner.split("。")[0]
    inner = _strip_notes(inner)
    segs = [s.strip() for s in split_top(inner, "，,；;\n") if s.strip()]
    lead: list[str] = []
    involved: list[str] = []
    saw_lead_role = False
    for seg in segs:
        if _TIME_SEG.match(seg) or (_TIME_WORDS.search(seg) and not _has_agency(seg)):
            continue        # 完成时限：2024年底前 / 持续推进: when, not who
        role = None
        m = _LEAD_PREFIX.match(seg)
        if m:
            role = "lead" if m.group(1) != "责任单位" else None
            seg = seg[m.end():]
        m = _INV_PREFIX.match(seg)
        if m:
            role = "involved"
            seg = seg[m.end():]
        t = _TRAIL_ROLE.search(seg)
        if t:
            word = t.group(2)
            seg = seg[:t.start()]
            if word in ("牵头", "牵头负责"):
                role = "lead"
            elif role is None:
                role = "involved"
        names = _join_levels([_ROLE_MARK.sub("", _clean(n)) for n in split_top(seg, "、/")])
        names = [n for n in names if n and not _GENERIC.match(n)]
        # 市发展改革委（牵头）: a lead marked inside a list
        marked = [n for n in names if _LEAD_MARK.search(n)]
        if marked:
            saw_lead_role = True
            lead.extend(_LEAD_MARK.sub("", n) for n in marked)
            names = [n for n in names if not _LEAD_MARK.search(n)]
        if role == "lead":
            saw_lead_role = True
            lead.extend(names)
        else:
            involved.extend(names)
    if not saw_lead_role and involved:
        lead, involved = [involved[0]], involved[1:]
    return Responsibility(raw=raw, lead=_dedupe(lead), involved=[n for n in _dedupe(involved) if n not in lead],
                          start=start, end=start + len(raw))


def _join_levels(names: list[str]) -> list[str]:
    """``各区、市人民政府`` / ``各县、区政府`` name one kind of body (the governments of the
    districts and county-level cities), not ``各区`` plus ``市人民政府``: a bare
    ``各区``/``各县``/``各市`` joins the next name when that is an administrative level
    followed by its government."""
    out: list[str] = []
    for n in names:
        if out and re.fullmatch(r"各[区县市镇乡旗]+(、[区县市镇乡旗])*", out[-1]) and re.match(r"^[区县市镇乡旗](人民政府|政府|管委会)", n):
            out[-1] = out[-1] + "、" + n
        else:
            out.append(n)
    return out


def split_top(s: str, seps: str) -> list[str]:
    """Split on ``seps`` outside brackets: 各县（市、区）人民政府 stays one name."""
    out, cur, depth = [], [], 0
    for c in s:
        if c in _OPENERS:
            depth += 1
        elif c in _OPENERS.values():
            depth = max(0, depth - 1)
        if c in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return out


def _strip_notes(s: str) -> str:
    """Remove bracketed remarks like （以下均需…不再列出）, keep qualifiers like 各县（市、区）."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c in _OPENERS:
            j = _matching_close(s, i)
            if j is None:
                out.append(s[i:])
                break
            inner = s[i + 1:j]
            if len(inner) > 8 or re.search(r"(以下|不再|均需|另行)", inner):
                i = j + 1
                continue
            out.append(s[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _clean(n: str) -> str:
    n = n.strip(" ：:")
    n = re.sub(r"^(由|和|及|与)", "", n)
    n = re.sub(r"(等有关部门|等有关单位|等相关部门|等部门|等单位|等)$", "", n)
    return n.strip()


def _dedupe(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def from_cells(lead_cells: list[str], involved_cells: list[str], raw: str, start: int) -> Responsibility | None:
    """Responsibility of a task-assignment table row: the 牵头单位 column gives the
    leads, the 责任/配合 columns the others; without a lead column the 责任单位 cell reads
    like a clause (its first agency, or one marked （牵头）, leads)."""
    def names(cell: str) -> list[str]:
        out = _join_levels([_ROLE_MARK.sub("", _clean(n)) for n in split_top(_strip_notes(cell), "、，,；;/\n")])
        return [n for n in out if n and not _GENERIC.match(n) and not (_TIME_WORDS.search(n) and not _has_agency(n))]
    if not any(c.strip() for c in lead_cells + involved_cells):
        return None
    if any(c.strip() for c in lead_cells):
        lead = [n for c in lead_cells for n in names(c)]
        involved = [n for c in involved_cells for n in names(c)]
        lead = [_LEAD_MARK.sub("", n) for n in lead]
    else:
        p = parse("，".join(c for c in involved_cells if c.strip()), 0)
        lead, involved = p.lead, p.involved
    lead = _dedupe(lead)
    return Responsibility(raw=raw, lead=lead, involved=[n for n in _dedupe(involved) if n not in lead],
                          start=start, end=start + len(raw))
