"""Who is responsible for a measure: the one module for responsibility clauses.

Used by the loaders (a measure's clause, a task-table row's cells) and by the mapping (names
cleaned for resolution, inline 由…牵头 sentences, generic local governments) alike.  Pure text
logic: it imports only the phrase lexicons (ontology.vocab) and the Responsibility type, never a
stage.  Every phrase list is a lexicon file in ontology/vocab/lexicons (responsibility_*.txt,
deadline_*.txt, agency_*.txt, local_government_generic.txt): extend those, not this code.

Forms handled (any bracket style, traditional text already simplified):
  〔责任单位：发改委、财政局牵头，教育局、民政局等分工负责〕
  （市民政局、市财政局，各市（县）区人民政府按照职责分工负责）
  （市科技局负责）   （市发展改革委牵头，市财政局等按职责分工配合）
  （5月底完成，牵头考核单位：市政府办公室、市财政局）        a deadline part and a label
  牵头单位：市发改委；配合单位：市财政局、市民政局           (lines of their own, any order)
  …衔接。责任单位：市民政局、市财政局                        (closing a paragraph)
  市金融局牵头，市财政局配合。                               (a bare closing line)
  【责任单位】市商务局  /  责任单位（部门）：…  /  （责任领导：王某某；责任单位：…）   (persons dropped)
  以上工作由A牵头，B参与。   (scope opener stripped; loaders.responsibility.settle gives it to the items before)
Inline (:func:`inline`): 由A牵头，B配合 / A牵头、B配合 / 由A会同B负责 / 由A、B或C组织实施 / 由A统一指导 /
  A会同B组织… / A、B负责… / A、B按照职责分工做好… / 各设区市人民政府要… (generic local governments only) /
  办公室设在A，负责日常工作 (lexicon responsibility_host_forms) / A具体负责，B协助 (a helper clause after a subject).
A clause is split into segments on ``，；`` and agencies on ``、``; a segment whose role word is
牵头 (or that follows a lead label such as 牵头单位：) gives leads, 配合/参与/负责/按职责分工…
involved; a segment that is a time (完成时限：…, 5月底完成, 2025年底前) is the deadline.  Without any
牵头 the first agency named is the lead and the rest are involved.  Remarks in brackets inside the
clause (``（以下均需…不再列出）``) and a trailing sentence after ``。`` are not agencies; a blanket
remark (以下均需各县（市、区）人民政府负责，不再列出) names agencies implied for every later measure
(:func:`blanket`, applied by the loaders).

API (stable; task tables call it too):
  find_clause(text) -> (start, end) | None       the clause of a measure's text
  earlier_clauses(text, span) -> [(start, end)]  bracketed clauses before it, each after its own sub-task
  parse(raw, start) -> Responsibility            lead / involved / deadline of a clause
  from_cells(lead_cells, involved_cells, raw, start) -> Responsibility | None   a task-table row
  split_names(cell) -> list[str]                 agencies of one cell (``、，/`` outside brackets)
  deadline_of(text) -> str | None                the text when it is a deadline, not an agency
  blanket(text) -> (names, start, end) | None    a blanket clause in a text
  heading_duty(title) -> list[str] | None        leads a group heading names (X牵头工作（3项）)
  heading_roles(title) -> (lead, involved)|None  leads and co-operating bodies it names (X牵头、Y配合工作)
  clean_name(raw) -> str                         a written name without role words and brackets
  function_of(name) -> AgencyFunction | None     the agency's function (vocab/agency_functions.csv,
                                                 else a domain word: lexicon agency_function_stems)
  generic_local_government(name) -> str | None   "county" | "township" | "zone" for 各区政府-like names
  inline(text) -> (lead, involved, start, end) | None   由A牵头，B配合 inside a measure's text
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from model.document import Responsibility
from ontology import vocab

__all__ = ["find_clause", "parse", "from_cells", "split_names", "split_top", "deadline_of", "blanket",
           "clean_name", "function_of", "pattern_function", "stem_function", "generic_local_government", "inline",
           "join_bracket_pieces", "heading_duty", "heading_roles", "round_qualifier", "earlier_clauses",
           "split_responsibility", "strip_trailing_clause", "has_agency", "is_agency_name", "names_a_role",
           "is_placeholder", "scope_opener", "scope_closer", "part_opener", "is_role_line"]

OPENERS = {"〔": "〕", "（": "）", "(": ")", "[": "]", "【": "】"}
_CLOSERS = set(OPENERS.values())


def _lx(name: str) -> str:
    return vocab.lexicon_regex(name)


@cache
def _rx() -> dict[str, Any]:
    """The compiled patterns, built once from the lexicons."""
    roles = _lx("responsibility_role_words")
    lead_l, neut_l, inv_l = (_lx("responsibility_lead_labels"), _lx("responsibility_neutral_labels"),
                             _lx("responsibility_involved_labels"))
    lead_v, other_v, etc = (_lx("responsibility_lead_verbs"), _lx("responsibility_other_verbs"),
                            _lx("responsibility_etc"))
    ends = _lx("agency_endings")
    any_label = f"{lead_l}|{neut_l}|{inv_l}"

    def lab(x: str) -> str:
        # a label with its colon (责任单位：) or in black lenticular brackets (【责任单位】)
        # (a short qualifier may follow the label: 责任单位（部门）：)
        return rf"(?:【\s*(?:{x})\s*】\s*[:：]?|(?:{x})(?:[（(][^（）()]{{1,4}}[）)])?\s*[:：])"
    return {
        # a role word, or any role label with its colon (协助单位：, 【指导单位】): the group is a clause
        "role": re.compile(rf"(?:{roles}|(?:{any_label})\s*[:：]|【\s*(?:{any_label})\s*】)"),
        "lead_prefix": re.compile(rf"^{lab(lead_l)}"),
        "neutral_prefix": re.compile(rf"^{lab(neut_l)}"),
        "inv_prefix": re.compile(rf"^{lab(inv_l)}"),
        "label_inside": re.compile(lab(f"{any_label}|{_lx('responsibility_person_labels')}")),
        "person_prefix": re.compile(rf"^{lab(_lx('responsibility_person_labels'))}"),
        "person_part": re.compile(rf"{lab(_lx('responsibility_person_labels'))}[^；;，,）)〕\]]*[；;，,]?"),
        "trail_role": re.compile(rf"(?:{etc})?\s*(?P<verb>{lead_v}|{other_v})$"),
        "lead_verb": re.compile(rf"^(?:{lead_v})$"),
        "time_seg": re.compile(rf"^{lab(_lx('deadline_labels'))}"),
        "time_words": re.compile(f"(?:{_lx('deadline_words')})"),
        "generic": re.compile(rf"^(?:{_lx('responsibility_placeholders')})$"),
        "agency": re.compile(f"(?:{ends})"),
        "org_suffix": re.compile(rf"(?:{ends})[)）]?$"),
        "stem_end": re.compile(rf"(?:{_lx('agency_stem_endings')})[)）]?$"),
        # a line of its own that opens the role block: 牵头单位：… / 责任单位：… / 【责任单位】…
        "line_clause": re.compile(rf"^{lab(f'{lead_l}|{neut_l}')}.+$"),
        "role_line": re.compile(rf"^{lab(any_label)}.+$"),
        # a line of the role block that gives the deadline: 完成时限：2025年12月底前 (never an agency)
        # (or names the persons in charge: 牵头负责领导：王某某 -- dropped when the clause is read)
        "block_line": re.compile(rf"^(?:{lab(any_label)}|{lab(_lx('deadline_labels'))}"
                                 rf"|{lab(_lx('responsibility_person_labels'))}).+$"),
        # …衔接。责任单位：市民政局、市财政局 (a clause closing a paragraph without brackets)
        # (further labelled parts may follow after ；: …；配合单位：…；完成时限：2025年12月)
        "tail_clause": re.compile(rf"(?<=[。；;])\s*({lab(f'{lead_l}|{neut_l}')}[^。；\n]+?"
                                  rf"(?:[；;]\s*{lab(f'{any_label}|' + _lx('deadline_labels'))}[^。；\n]+?)*)。?$"),
        # a closing line of its own without brackets or labels: 市金融局牵头，市财政局配合。
        "bare_line": re.compile(rf"^[^。；，,（(：:]{{2,40}}?(?:{_roles('responsibility_bare_line_verbs', 'lead')})"
                                rf"(?:[，,；;][^。]{{2,160}}?"
                                rf"(?:{_roles('responsibility_bare_line_verbs', 'involved')}))?。?$"),
        "note": re.compile(f"(?:{_lx('responsibility_note_words')})"),
        "lead_then_list": re.compile(rf"(?:{lead_v})(?=、)"),
        "concept": re.compile(rf"(?:{_lx('agency_concept_names')})$"),
        "scope_opener": re.compile(rf"^(?:{_lx('responsibility_scope_openers')}"
                                   rf"|{_lx('responsibility_scope_part_openers')})"),
        "part_opener": re.compile(rf"^(?:{_lx('responsibility_scope_part_openers')})"),
        "scope_closer": re.compile(rf"(?:{_lx('responsibility_scope_closers')})\s*[。；;]?\s*$"),
        "conj": re.compile(f"(?:{_lx('responsibility_conjunctions')})"),
        "supervise_verb": re.compile(f"(?:{_lx('responsibility_supervision_verbs')})"),
        "supervised_class": re.compile(f"(?:{_lx('responsibility_supervised_classes')})"),
        "supervise_act": re.compile(rf"(?:{_lx('responsibility_supervision_actions')})$"),
        "etc_end": re.compile(rf"(?:{etc})$"),
        "name_prefix": re.compile(rf"^(?:{_lx('agency_name_prefixes')})"),
        "name_noise": re.compile(rf"^(?:[、，,；;\s]|{_lx('agency_list_joiners')})+|(?:{_lx('agency_name_noise')})+$"),
        "joiner": re.compile(rf"^(?:{_lx('agency_list_joiners')})"),
        "lead_mark": re.compile(rf"\s*[（(〔\[](?:{_lx('responsibility_lead_marks')})[）)〕\]]\s*$"),
        "role_mark": re.compile(rf"\s*[（(〔\[](?:{_lx('responsibility_involved_marks')})[）)〕\]]\s*$"),
        "blanket": [re.compile(p[3:] if p.startswith("re:") else re.escape(p))
                    for p in vocab.lexicon("responsibility_blanket")],
        "local_gov": [re.compile(p[3:] if p.startswith("re:") else re.escape(p))
                      for p in vocab.lexicon("local_government_generic")],
        "host": [re.compile(p[3:] if p.startswith("re:") else re.escape(p))
                 for p in vocab.lexicon("responsibility_host_forms")],
        "heading_duty": [re.compile(p[3:] if p.startswith("re:") else re.escape(p))
                         for p in vocab.lexicon("responsibility_heading_duty")],
    }




def _roles(name: str, role: str) -> str:
    """Alternation of the phrases of a ``<role> <phrase>`` lexicon for one role."""
    phrases = [p.split(None, 1)[1] for p in vocab.lexicon(name) if p.split(None, 1)[0] == role]
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


# -- finding the clause ---------------------------------------------------------------

def _matching_close(text: str, i: int) -> int | None:
    """Index of the bracket closing the one at ``i`` (any style: some sources mix 〔…）)."""
    depth = 0
    for j in range(i, len(text)):
        c = text[j]
        if c in OPENERS:
            depth += 1
        elif c in _CLOSERS:
            depth -= 1
            if depth == 0:
                return j
    return None


def _depth(s: str, i: int) -> int:
    return sum(s[:i].count(c) for c in OPENERS) - sum(s[:i].count(c) for c in _CLOSERS)


def names_a_role(s: str) -> bool:
    """Does ``s`` hold a role word (牵头, 负责, 配合 …)? Then it is a clause, not a bare name."""
    return bool(_rx()["role"].search(s))


def has_agency(s: str) -> bool:
    """Does ``s`` hold an agency ending (局, 委, 办, 中心 …) anywhere?"""
    return bool(_rx()["agency"].search(s))


def is_person_label_line(s: str) -> bool:
    """Is ``s`` a line naming the persons in charge (``牵头负责领导：王某某。``, ``责任人：李某``)? It is part
    of a responsibility block, never a measure's text or an agency."""
    return bool(_rx()["person_prefix"].match(s.strip()))


def is_agency_name(s: str) -> bool:
    """Does ``s`` end like the name of a body (局, 委, 支队, 公司 …)? Not a concept that ends so
    (建设数字政府: lexicon agency_concept_names)."""
    s = s.strip()
    return bool(_rx()["org_suffix"].search(s)) and not _rx()["concept"].search(s)


def find_clause(text: str) -> tuple[int, int] | None:
    """[start, end) of the responsibility clause in a measure's text, or None."""
    rx = _rx()
    lines = text.split("\n")
    spans = []
    pos = 0
    for ln in lines:
        spans.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    # a line of its own: 牵头单位：… / 责任单位：… (all the role lines of the block around
    # the last lead/responsible line)
    last = max((k for k, ln in enumerate(lines) if rx["line_clause"].match(ln)), default=None)
    if last is not None:
        a = b = last
        while a > 0 and rx["block_line"].match(lines[a - 1]):
            a -= 1
        while b + 1 < len(lines) and rx["block_line"].match(lines[b + 1]):
            b += 1
        return spans[a][0], spans[b][1]
    last_line = lines[-1]
    m = rx["tail_clause"].search(last_line)
    if m and _depth(last_line, m.start(1)) == 0:   # not a label inside a bracketed clause
        off = spans[-1][0]
        return off + m.start(1), off + m.end(1)
    if len(lines) > 1 and rx["bare_line"].match(last_line) and has_agency(last_line.split("牵头")[0].split("负责")[0]):
        off = spans[-1][0]
        return off, off + len(last_line.rstrip("。"))
    # the last top-level bracket group with a role word
    best = None
    i = 0
    while i < len(text):
        c = text[i]
        if c in OPENERS:
            j = _matching_close(text, i)
            if j is None:
                break
            inner = text[i + 1:j]
            if (rx["role"].search(inner) or _supervises(inner)) and has_agency(inner):
                best = (i, j + 1)
            i = j + 1
        else:
            i += 1
    return best or _bare_bracket(text)


def earlier_clauses(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Bracketed clauses inside a measure's text before its main clause ``span``, each after its own sub-task
    (``动态调整事项清单（市审批服务局负责），…规范中介服务收费（市发展改革委负责）``): [start, end) of each
    top-level bracket group before ``span`` that names a role and only bodies."""
    out = []
    i = 0
    while i < span[0]:
        if text[i] in OPENERS:
            j = _matching_close(text, i)
            if j is None or j >= span[0]:
                break
            inner = text[i + 1:j]
            if names_a_role(inner) and has_agency(inner):
                p = parse(text[i:j + 1], i)
                names = p.lead + p.involved
                if names and all(is_agency_name(n) or generic_local_government(n) for n in names):
                    out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def _bare_bracket(text: str) -> tuple[int, int] | None:
    """A bracket closing the text that holds only agency names (``…专项治理。（市市场监管局）``,
    ``（市发展改革委、市财政局）``): the clause of a 工作要点 item that names no role."""
    end = len(text.rstrip("。；; \n"))
    if not end or text[end - 1] not in _CLOSERS:
        return None
    depth, i = 0, end - 1
    while i >= 0:
        if text[i] in _CLOSERS:
            depth += 1
        elif text[i] in OPENERS:
            depth -= 1
            if not depth:
                break
        i -= 1
    if i <= 0:
        return None
    inner = text[i + 1:end - 1]
    names = split_names(inner)
    if names and all(is_agency_name(n) or generic_local_government(n) for n in names) \
            and not re.search(r"[简称指即]", inner):
        return i, end
    return None


# -- parsing it -----------------------------------------------------------------------

def deadline_of(text: str) -> str | None:
    """``text`` itself when it is a deadline or schedule (完成时限：2024年底前, 5月底完成, 全年推进),
    not an agency; the label is kept off. None otherwise."""
    rx = _rx()
    s = text.strip().strip("。；;，,")
    if not s:
        return None
    m = rx["time_seg"].match(s)
    if m:
        return s[m.end():].strip() or None
    if rx["time_words"].search(s) and not has_agency(s):
        return s
    return None


def _unwrap(raw: str) -> str:
    """The clause without the bracket around it (not a bracket that closes earlier: 【责任单位】…)."""
    inner = raw
    if inner and inner[0] in OPENERS:
        close = _matching_close(inner, 0)
        if close is not None and close < len(inner.rstrip()) - 1:
            return inner          # 【责任单位】市商务局: the bracket holds the label only
        inner = inner[1:]
        if inner and inner[-1] in _CLOSERS:
            inner = inner[:-1]
    return inner


def _segments(inner: str) -> list[str]:
    """Clause segments: split on ``，；`` and line breaks outside brackets, and before a label
    written mid-segment (``5月底完成 牵头考核单位：…``)."""
    out = []
    for seg in split_top(inner, "，,；;\n"):
        seg = seg.strip()
        if not seg:
            continue
        cuts = [m.start() for m in _rx()["label_inside"].finditer(seg) if m.start() > 0]
        # 市水务局牵头、市生态环境局配合: the lead part ends at its verb, not at the next 、
        cuts = sorted({*cuts, *(m.end() for m in _rx()["lead_then_list"].finditer(seg) if m.end() < len(seg))})
        for a, b in zip([0, *cuts], [*cuts, len(seg)]):
            part = seg[a:b].strip(" ，,；;、")
            if part:
                out.append(part)
    return out


def parse(raw: str, start: int) -> Responsibility:
    """Split a clause into lead and involved agencies (and its deadline, if it gives one)."""
    rx = _rx()
    inner = _unwrap(raw)
    # remarks: a trailing sentence after 。 and bracketed notes that are not agency qualifiers
    # (a block of label lines each closed by 。 -- 牵头责任单位：A。 / 协同责任单位：B、C。 -- is one clause)
    inner = re.sub(r"。[ \t]*\n(?=\s*\S)", "\n", inner.strip())
    inner = inner.split("。")[0]
    inner = rx["scope_opener"].sub("", inner, count=1)   # 以上工作由A牵头: the opener names no body
    inner = _strip_notes(inner)
    if (b := blanket(inner)) is not None:   # …；以下各项任务均需各市、县人民政府落实，不再列出: names later measures
        inner = inner[:b[1]] + inner[b[2]:]
    lead: list[str] = []
    involved: list[str] = []
    deadlines: list[str] = []
    unmarked: list[str] = []
    saw_lead_role = False
    for seg in _segments(inner):
        if rx["person_prefix"].match(seg):
            continue                  # 责任领导：王某某 names a person, not an agency
        role = None
        m = rx["lead_prefix"].match(seg)
        if m:
            role = "lead"
            seg = seg[m.end():]
        else:
            m = rx["neutral_prefix"].match(seg)
            if m:
                seg = seg[m.end():]
        m = rx["inv_prefix"].match(seg)
        if m:
            role = "involved"
            seg = seg[m.end():]
        dl = deadline_of(seg)
        if dl is not None:
            deadlines.append(dl)      # 完成时限：2024年底前 / 5月底完成: when, not who
            continue
        sup = _supervision(seg)
        if sup is not None:           # 区国资委指导区属国企落实: the supervising body leads
            saw_lead_role = saw_lead_role or bool(sup[0])
            lead.extend(sup[0])
            involved.extend(sup[1])
            continue
        together = _together_rx().split(seg, maxsplit=1)
        joined = False
        if (len(together) == 3 and is_agency_name(together[0]) and has_agency(together[2])
                and not names_a_role(together[0])):
            # 市住建局会同市自然资源局负责: the first body leads, those it acts together with are involved
            saw_lead_role = True
            lead.extend(_names_of(together[0], "、/"))
            seg, role, joined = together[2], "involved", True
        t = rx["trail_role"].search(seg)
        if t:
            seg = seg[:t.start()]
            if rx["lead_verb"].match(t.group("verb")) and not joined:
                role = "lead"
            elif role is None:
                role = "involved"
        names = _names_of(seg, "、/")
        # 市发展改革委（牵头）: a lead marked inside a list
        marked = [n for n in names if _rx()["lead_mark"].search(n)]
        if marked:
            saw_lead_role = True
            lead.extend(_rx()["lead_mark"].sub("", n) for n in marked)
            names = [n for n in names if not _rx()["lead_mark"].search(n)]
        if role == "lead":
            saw_lead_role = True
            lead.extend(names)
        else:
            involved.extend(names)
            if role is None:
                unmarked.extend(names)
    if not saw_lead_role and involved:
        # the first body named leads -- the first of no co-operating role (督办单位：A；责任单位：B: B)
        first = unmarked[0] if unmarked else involved[0]
        lead, involved = [first], [n for n in involved if n != first]
    lead = _dedupe(lead)
    return Responsibility(raw=raw, lead=lead, involved=[n for n in _dedupe(involved) if n not in lead],
                          start=start, end=start + len(raw), deadline="；".join(deadlines) or None)


def _supervises(inner: str) -> bool:
    """Does a segment of a bracket's text name a body that supervises a class of actors (:func:`_supervision`)?"""
    return any((sv := _supervision(g)) is not None and bool(sv[0]) for g in split_top(inner, "，,；;"))


def _supervision(seg: str) -> tuple[list[str], list[str]] | None:
    """``区国资委指导区属国企落实`` -> ([区国资委], []): bodies, a verb of supervision (lexicon
    responsibility_supervision_verbs; 指导、督促 two of them), a class of actors (a placeholder: 各企业, 相关单位, or
    lexicon responsibility_supervised_classes: 区属国企) or named bodies (区城投公司: involved), and a closing action
    (lexicon responsibility_supervision_actions). A segment without bodies before the verb (…牵头，指导区属国企落实)
    gives ([], []): it names no agency."""
    rx = _rx()
    seg = seg.strip().rstrip("。")
    act = rx["supervise_act"].search(seg)
    if act is None:
        return None
    for v in rx["supervise_verb"].finditer(seg, 0, act.start()):
        body = _clean(seg[:v.start()]) if v.start() else ""
        rest, end = seg[v.end():act.start()], v.end()
        while (more := re.match(rf"[、和及与并]?(?:{_lx('responsibility_supervision_verbs')})", rest)) is not None:
            rest, end = rest[more.end():], end + more.end()     # 指导、督促区属国企落实: two verbs
        cls = rest.strip()
        bodies = _names_of(body, "、/") if body else []
        if not cls or (body and (not bodies or not all(is_agency_name(b) and not names_a_role(b) for b in bodies))):
            continue
        if is_placeholder(cls) or rx["supervised_class"].fullmatch(cls):
            return bodies, []
        named = _names_of(cls, "、/")
        if bodies and named and all(is_agency_name(n) or generic_local_government(n) for n in named):
            return bodies, named           # 区城投公司 / 各区 (the lower governments) carry it out: involved
        return None
    return None


def _names_of(seg: str, seps: str) -> list[str]:
    rx = _rx()
    pieces = [g for t in split_top(seg, seps) for n in _split_spaced(t) for p in _split_conjunctions(n)
              for g in _split_glued(p)]
    names = _join_levels([_rx()["role_mark"].sub("", _clean(n)) for n in pieces])
    return [n for n in names if n and not rx["generic"].match(n)]


def _split_spaced(piece: str) -> list[str]:
    """``市委宣传部 市委讲师团`` / ``市文明办 市总工会 团市委`` (bodies a plan lists with a space between them, no
    mark) -> one name each, when every part outside brackets is a body name or a tier of local governments."""
    parts = split_top(piece.strip(), " \u3000\t")
    parts = [x for x in parts if x.strip()]
    if len(parts) < 2:
        return [piece]
    if all(is_agency_name(_clean(x)) or generic_local_government(_clean(x)) for x in parts):
        return parts
    return [piece]


def _split_glued(piece: str) -> list[str]:
    """``市工业和信息化局市财政局`` (two names of a cell written on two lines, joined) -> two names:
    a piece splits before a level prefix (省市区县, or 各 of 各街镇) when both parts end like bodies of a known
    function (so 市场监管局 or 区住房保障房屋管理局 stay whole)."""
    if _depth(piece, len(piece)):
        return [piece]
    for i in range(3, len(piece) - 1):
        if piece[i] not in "省市区县各" or _depth(piece, i):
            continue
        left, right = piece[:i], piece[i:]
        if is_agency_name(left) and function_of(left) is not None \
                and (is_agency_name(right) and function_of(right) is not None or generic_local_government(right)) \
                and not _rx()["name_prefix"].match(right):
            return [left, *_split_glued(right)]
    return [piece]


def _split_conjunctions(piece: str) -> list[str]:
    """``市级各有关部门及各县市区政府`` -> two names: a conjunction outside brackets splits a piece
    when the part before ends like a body and the part after names one (发展和改革委 stays whole)."""
    if generic_local_government(_clean(piece)):
        return [piece]          # 各乡镇党委和政府: one tier, not 各乡镇党委 and 政府
    for m in _rx()["conj"].finditer(piece):
        a, b = m.start(), m.end()
        if _depth(piece, a):
            continue
        left, right = _clean(piece[:a]), piece[b:]
        if len(left) >= 2 and is_agency_name(left) and len(right.strip()) >= 2 \
                and (has_agency(right) or generic_local_government(_clean(right))):
            return [piece[:a], *_split_conjunctions(right)]     # 区教育局及各镇（街道）: a body and a tier
    return [piece]


def split_names(cell: str) -> list[str]:
    """The agencies of one cell or clause part (``、，,；;/`` and line breaks outside brackets), without
    placeholders (有关部门), list closers (等), role marks (（配合）) and deadline pieces."""
    return [n for n in _names_of(_strip_notes(cell), "、，,；;/\n") if deadline_of(n) is None]


def _join_levels(names: list[str]) -> list[str]:
    """``各区、市人民政府`` / ``各县、区政府`` name one kind of body (the governments of the
    districts and county-level cities), not ``各区`` plus ``市人民政府``: a bare
    ``各区``/``各县``/``各市`` joins the next name when that is an administrative level
    followed by its government (各市州、县市区人民政府: levels written together)."""
    out: list[str] = []
    levels = r"各[区县市镇乡旗州盟]+(、[区县市镇乡旗州盟]+)*"
    for i, n in enumerate(names):
        if (out and re.fullmatch(levels, out[-1])
                and re.match(rf"^[区县市镇乡旗州盟]+(?:{_lx('responsibility_level_governments')})", n)):
            out[-1] = out[-1] + "、" + n
        elif (out and re.fullmatch(levels, out[-1]) and re.fullmatch(r"[区县市镇乡旗州盟]{1,3}", n)
              and any(re.match(rf"^[区县市镇乡旗州盟]+(?:{_lx('responsibility_level_governments')})", x)
                      for x in names[i + 1:i + 4])):
            out[-1] = out[-1] + "、" + n     # 各市、州、县人民政府: a bare level between two, the government after
        elif out and out[-1].startswith("各") and generic_local_government(f"{out[-1]}、{n}"):
            out[-1] = f"{out[-1]}、{n}"     # 各盟行政公署、市人民政府: one tier written in two parts
        else:
            out.append(n)
    return _share_heads(out)


def _share_heads(names: list[str]) -> list[str]:
    """``某沙市、某潭市、某洲市人民政府`` / ``某溪镇、某岭乡人民政府``: bare place names before a place's government
    share its head word (three city governments, not two places and one government); heads: lexicon
    responsibility_level_governments, place endings: region_suffixes and region_township_suffixes."""
    heads = _lx("responsibility_level_governments")
    ends = f"{_lx('region_suffixes')}|{_lx('region_township_suffixes')}"
    out = list(names)
    for i in range(len(out) - 1, 0, -1):
        m = re.fullmatch(rf"(?P<place>.{{1,8}}?(?:{ends}))(?P<head>{heads})", out[i])
        if not m:
            continue
        j = i - 1
        while j >= 0 and re.fullmatch(rf"[^各相有、]{{1,8}}?(?:{ends})", out[j]) \
                and not is_agency_name(out[j]):
            out[j] = out[j] + m.group("head")
            j -= 1
    return out


def split_top(s: str, seps: str) -> list[str]:
    """Split on ``seps`` outside brackets and quotes: 各县（市、区）人民政府 stays one name, and so does a
    quoted principle (按照“谁主管、谁负责”原则落实)."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for c in s:
        if c in OPENERS or c == "“":
            depth += 1
        elif c in _CLOSERS or c == "”":
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
    note = _rx()["note"]
    while i < len(s):
        c = s[i]
        if c in OPENERS:
            j = _matching_close(s, i)
            if j is None:
                out.append(s[i:])
                break
            inner = s[i + 1:j]
            if len(inner) > 8 or note.search(inner):
                i = j + 1
                continue
            out.append(s[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _clean(n: str) -> str:
    n = n.strip(" ：:。")              # (a 协同配合单位 cell closing with 。: 区政府有关部门，各街道办事处。)
    n = _rx()["joiner"].sub("", n, count=1)
    n = _rx()["etc_end"].sub("", n)
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
    like a clause (its first agency, or one marked （牵头）, leads).  Deadline pieces in a
    cell (2024年底前) become the deadline, never an agency."""
    if not any(c.strip() for c in lead_cells + involved_cells):
        return None
    if any(c.strip() for c in lead_cells):
        lead = [_rx()["lead_mark"].sub("", n) for c in lead_cells for n in split_names(c)]
        involved = [n for c in involved_cells for n in split_names(c)]
        deadlines = [d for c in lead_cells + involved_cells for piece in split_top(c, "，,；;\n")
                     if (d := deadline_of(piece))]
    else:
        p = parse("，".join(c for c in involved_cells if c.strip()), 0)
        lead, involved = p.lead, p.involved
        deadlines = [p.deadline] if p.deadline else []
    lead = _dedupe(lead)
    return Responsibility(raw=raw, lead=lead, involved=[n for n in _dedupe(involved) if n not in lead],
                          start=start, end=start + len(raw), deadline="；".join(deadlines) or None)


# -- group headings that name a lead -------------------------------------------------

def heading_duty(title: str) -> list[str] | None:
    """The bodies a group heading names as leads of every item under it (``县经济开发区管委会牵头工作（3项）``:
    lexicon responsibility_heading_duty), when every name is a body; else None."""
    roles = heading_roles(title)
    return roles[0] if roles else None


def heading_roles(title: str) -> tuple[list[str], list[str]] | None:
    """The leads and the co-operating bodies a group heading names for every item under it
    (``县住建局牵头、县自然资源局配合工作（2项）``: the row's group ``co``), when every name is a body; else None."""
    for rx in _rx()["heading_duty"]:
        m = rx.fullmatch(title.strip().rstrip("。："))
        if m:
            names = split_names(m.group("names"))
            co = split_names(m.groupdict().get("co") or "")
            if names and all(is_agency_name(n) or generic_local_government(n) for n in names + co):
                return names, [n for n in co if n not in names]
    return None


# -- blanket clauses ------------------------------------------------------------------

def blanket(text: str) -> tuple[list[str], int, int] | None:
    """A blanket clause (以下均需各县（市、区）人民政府、功能区管委会负责，不再列出) in ``text``:
    the agencies it names for every later measure and its [start, end) in ``text``."""
    for rx in _rx()["blanket"]:
        m = rx.search(text)
        if m:
            names = split_names(m.group("names"))
            if names and all(has_agency(n) or generic_local_government(n) for n in names):
                return names, m.start(), m.end()
    return None


# -- agency names ---------------------------------------------------------------------

_OPEN, _CLOSE = "(（〔[", ")）〕]"


def _strip_unbalanced(s: str) -> str:
    """Strip quotes and brackets at the ends, but keep a bracket the name itself closes (各镇（街道）)."""
    prev = None
    while prev != s:
        prev = s
        s = s.strip().strip("“”\"'‘’")
        if s and s[0] in _OPEN and sum(s.count(c) for c in _OPEN) > sum(s.count(c) for c in _CLOSE):
            s = s[1:]
        if s and s[-1] in _CLOSE and sum(s.count(c) for c in _CLOSE) > sum(s.count(c) for c in _OPEN):
            s = s[:-1]
        if len(s) >= 2 and s[0] in _OPEN and s[-1] in _CLOSE and _OPEN.index(s[0]) == _CLOSE.index(s[-1]) \
                and sum(s.count(c) for c in _OPEN) == 1:
            s = s[1:-1]
    return s


def clean_name(raw: str) -> str:
    """A written agency name without surrounding brackets, quotes, role words and list closers."""
    rx = _rx()
    s = _strip_unbalanced(raw)
    prev = None
    while prev != s:
        prev = s
        s = _strip_unbalanced(rx["name_prefix"].sub("", rx["name_noise"].sub("", rx["scope_opener"].sub("", s))))
    return s


def scope_opener(text: str) -> str | None:
    """``以上工作由`` when ``text`` opens with a closing clause's opener (a clause for the items
    before it: lexicon responsibility_scope_openers), else None."""
    m = _rx()["scope_opener"].match(text.strip())
    return m.group(0) if m and m.group(0) else None


def part_opener(text: str) -> bool:
    """Whether ``text`` opens with a part's own opener (本部分任务由…, 本节工作责任单位：…: lexicon
    responsibility_scope_part_openers), which names the items of its section after it when it stands first."""
    m = _rx()["part_opener"].match(text.strip())
    return bool(m and m.group(0))


def is_role_line(text: str) -> bool:
    """Whether ``text`` is a labelled role line of its own (牵头单位：…, 【责任单位】…, 责任部门:…)."""
    return bool(_rx()["line_clause"].match(text.strip()))


def scope_closer(text: str) -> int | None:
    """Where a closing line's back reference begins (``A、B按职责分工负责上述工作。``: lexicon
    responsibility_scope_closers) when the words before it end with a role (负责, 牵头 …), else None."""
    s = text.rstrip()
    m = _rx()["scope_closer"].search(s)
    if m is None or m.start() < 2 or not _rx()["trail_role"].search(s[:m.start()]):
        return None
    return m.start()


def is_placeholder(name: str) -> bool:
    """有关部门 / 各相关单位 / 区级有关部门: a placeholder, not an agency."""
    return bool(_rx()["generic"].match(name))


def function_of(name: str) -> vocab.AgencyFunction | None:
    """The first function of vocab/agency_functions.csv whose pattern occurs in the name, else the one a
    domain word tells (:func:`stem_function`: 市市场局, 县国土局, 市金融服务中心)."""
    return pattern_function(name) or stem_function(name)


def pattern_function(name: str) -> vocab.AgencyFunction | None:
    """The first function of vocab/agency_functions.csv whose pattern occurs in the name."""
    automaton, first = _function_index()
    found = vocab.phrases_in(automaton, name)
    return vocab.agency_functions()[min(first[p] for p in found)] if found else None


def stem_function(name: str) -> vocab.AgencyFunction | None:
    """The function a domain word of a government body's name tells when no pattern names one: the first
    row of lexicon agency_function_stems whose stem occurs, for a name ending like a bureau, office,
    centre or station (lexicon agency_stem_endings) -- 金融机构 or 农业企业 get none."""
    if not _rx()["stem_end"].search(name.strip()) or _rx()["concept"].search(name.strip()):
        return None
    for fid, stem in _stems():
        if stem in name:
            return next((f for f in vocab.agency_functions() if f.id == fid), None)
    return None


@cache
def _stems() -> tuple[tuple[str, str], ...]:
    rows = (row.split(None, 1) for row in vocab.lexicon("agency_function_stems"))
    return tuple((r[0], r[1].strip()) for r in rows if len(r) == 2)


@cache
def _function_index() -> tuple[object, dict[str, int]]:
    """One automaton over every function's patterns, and the first function (file order) naming each."""
    first: dict[str, int] = {}
    for i, f in enumerate(vocab.agency_functions()):
        for p in f.patterns:
            first.setdefault(p, i)
    return vocab.phrase_automaton(tuple(first)), first


def round_qualifier(name: str) -> str:
    """``各县〔市、区〕`` -> ``各县（市、区）``, ``各乡〔镇〕人民政府`` -> ``各乡（镇）人民政府``: a qualifier a name
    writes in 〔〕 (inside the name, not around it) is the one written in （）; the name as written is kept, this
    is its identity."""
    return re.sub(r"(?<=.)〔([^〔〕]{1,8})〕", r"（\1）", name) if "〔" in name else name


def generic_local_government(name: str) -> str | None:
    """``county`` for a name of all the region's lower governments (各区政府, 相关区政府,
    各县（市、区）人民政府, 各区、县级市), ``township`` for all its townships (各街镇, 各乡镇（街道）), ``zone`` for
    all its development zones (各园区, 各开发区管委会: a row's group ``zone``), else None."""
    name = round_qualifier(name)
    for rx in _rx()["local_gov"]:
        m = rx.fullmatch(name)
        if m:
            if m.groupdict().get("zone") is not None:
                return "zone"
            tier = m.group("tier")
            return "township" if re.search(r"[镇乡街]", tier) else "county"
    return None


def join_bracket_pieces(names: list[str]) -> list[str]:
    """各县(市、区)人民政府 split at its inner 、 comes back whole."""
    out: list[str] = []
    buf = ""
    for n in names:
        buf = f"{buf}、{n}" if buf else n
        if buf.count("(") + buf.count("（") <= buf.count(")") + buf.count("）"):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return _join_headless(out)


def _join_headless(names: list[str]) -> list[str]:
    """各市、县区人民政府 split at 、 comes back whole: a piece without an organisation suffix
    (各市) belongs with the next piece that has one."""
    out: list[str] = []
    pending = ""
    for n in names:
        cur = f"{pending}、{n}" if pending else n
        if is_agency_name(cur):
            out.append(cur)
            pending = ""
        else:
            pending = cur
    if pending:
        out.append(pending)
    return out


_SPLIT = re.compile(r"[、，,；;]")


def _mapping_names(part: str) -> list[str]:
    """Names of a list part: split on ``、，；`` and on a conjunction between two bodies
    (``市公安局或市城管局``, ``市教育局和市财政局``)."""
    return join_bracket_pieces([c for x in _SPLIT.split(part) for y in _split_conjunctions(x)
                                if (c := clean_name(y))])


def split_responsibility(raw: str) -> tuple[list[str], list[str]]:
    """Fallback when the parser gave no lists: `A、B牵头，C、D等按职责分工负责`,
    `牵头单位：A；责任单位：B、C`, `由A牵头，B配合`."""
    rx = _rx()
    s = clean_name(raw.strip()) if raw.strip()[:1] in "〔[(（" else raw.strip()
    s = re.sub(r"[(（]以下[^)）]*[)）]", "", s)
    s = rx["person_part"].sub("", s)      # 责任领导：王某某； names a person
    labels = list(rx["label_inside"].finditer(s))
    if labels and any(rx["lead_prefix"].match(lb.group(0)) for lb in labels):
        lead: list[str] = []
        involved: list[str] = []
        for i, lb in enumerate(labels):
            part = s[lb.end(): labels[i + 1].start() if i + 1 < len(labels) else len(s)]
            (lead if rx["lead_prefix"].match(lb.group(0)) else involved).extend(_mapping_names(part))
        return lead, involved
    s = re.sub(rf"^[〔\[(（]?\s*(?:{_lx('responsibility_lead_labels')}"
               rf"|{_lx('responsibility_neutral_labels')})(?:[（(][^（）()]{{1,4}}[）)])?\s*[:：]?", "", s)
    s = s.rstrip("〕]）)")
    lead_part, rest = ("", s)
    if "牵头" in s:
        lead_part, rest = s.split("牵头", 1)
    return _mapping_names(lead_part), _mapping_names(rest)


# -- responsibility written in a measure's own sentences ------------------------------

@cache
def _inline_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lead_v, inv_v = _lx("responsibility_inline_lead_verbs"), _lx("responsibility_inline_involved_verbs")
    local_v, etc = _lx("responsibility_inline_local_verbs"), _lx("responsibility_etc")
    joint_v = _lx("responsibility_inline_joint_verbs")
    name = r"[^，。；：、,;:]{2,20}"
    qname = r"[^，。；：、,;:“”]{2,20}"
    # 由市民政局牵头，市财政局配合 / 请市教育局负责
    by = re.compile(
        rf"(?:由|请)(?P<lead>(?:{name}、)*{name}?)(?:{lead_v}|(?P<only>{joint_v}|负责(?!{_lx('responsibility_not_duty_after')})))(?:{_lx('responsibility_inline_lead_after')})?"
        rf"(?:[^，。；,;、]{{0,12}}[，,、](?P<inv>(?:{name}、)*{name}?)(?:{etc})?(?:{inv_v}))?")
    # 市交通运输局牵头负责规划组织实施，各区（市）县政府落实属地责任: a clause that opens with
    # named agencies and 牵头 (no 由); the next clause's agencies are involved when it says so.
    bare = re.compile(
        rf"(?:^|(?<=[，。；,;]))(?:\d{{1,2}}[.、．]|[（(][一二三四五六七八九十\d]+[)）])?(?P<lead>(?:{qname}、)*{qname}?)"
        rf"(?:{_lx('responsibility_lead_verbs')})"
        r"[^，。；,;、]{0,20}"
        rf"(?:[，,、](?P<inv>(?:{qname}、)*{qname}?)(?:{etc})?(?:{inv_v}|{local_v}))?")
    # 市商务局会同市财政局组织评审: the first body leads, those it acts together with are involved
    together = re.compile(
        r"(?:^|(?<=[，。；,;]))(?:[（(][一二三四五六七八九十\d]+[)）])?(?:由)?(?P<lead>[^，。；：、,;:“”（）()]{3,20}?)"
        rf"(?:{_lx('responsibility_together_words')})(?P<inv>(?:{qname}、)*{qname}?)(?:{etc})?"
        rf"(?={_lx('responsibility_together_actions')}|[，,])")
    return by, bare, together


@cache
def _together_tail_rx() -> re.Pattern:
    # …牵头，会同B、C推进: the bodies a lead acts together with, in the clause after it
    qname = r"[^，。；：、,;:“”（）()]{2,20}"
    return re.compile(rf"[，,]\s*(?:{_lx('responsibility_together_words')})(?P<inv>(?:{qname}、)*{qname}?)"
                      rf"(?:{_lx('responsibility_etc')})?(?={_lx('responsibility_together_actions')}|[，。；,;]|$)")


@cache
def _together_rx() -> re.Pattern:
    return re.compile(f"({_lx('responsibility_together_words')})")


@cache
def _subject_rx() -> re.Pattern:
    # 区城管执法局、区公安分局及各街道办事处等单位负责强化…: a sentence whose subject is a list of
    # bodies followed by 负责 (an assignment, not a description such as 区房管局将…)
    # (a run-in title sentence, then an adverbial clause 针对…行为， may come before the subject;
    # names never run over a line end: （三）定期通报 / 区绿化市容局负责…; neither skipped part holds 负责,
    # so 各镇人民政府负责具体实施，市人社局负责… gives both subjects; up to three clauses of the sentence may come
    # before its subject: 开展…，畅通…，各街道办事处要做好…)
    return re.compile(
        r"(?:^|(?<=[。；;\n]))\s*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]+[)）])?(?:(?:(?!负责)[^。；;\n]){2,30}?。)?"
        r"(?:(?:(?!负责)[^。；;\n，,]){2,40}?[，,]){0,3}?"
        rf"(?P<names>(?:[^，。；：,;:“”\n]{{2,24}}、)*[^，。；：、,;:“”\n]{{2,40}}?)(?:{_lx('responsibility_etc')})?"
        rf"(?:(?P<any>{_subject_verbs('any')})|(?P<local>{_subject_verbs('local')})|(?P<named>{_subject_verbs('named')}))")


def _subject_verbs(who: str) -> str:
    """Alternation of the responsibility_subject_verbs rows for ``who`` (any | local | named)."""
    rows = [p.split(None, 1)[1] for p in vocab.lexicon("responsibility_subject_verbs") if p.split(None, 1)[0] == who]
    lit = sorted((r for r in rows if not r.startswith("re:")), key=len, reverse=True)
    not_after = f"(?!{_lx('responsibility_not_duty_after')})"
    return "|".join([*(re.escape(r) + (not_after if r == "负责" else "") for r in lit),
                     *(f"(?:{r[3:]})" for r in rows if r.startswith("re:"))])
def inline(text: str) -> tuple[list[str], list[str], int, int] | None:
    """由市民政局牵头，市财政局配合 (or 市交通运输局牵头负责…，各区县政府落实属地责任, or
    市商务局会同市财政局…) written in a measure's text: (lead, involved, start, end) or None.
    Generic local governments given the duty as a sentence's subject (各县（市、区）人民政府要…，
    由市绿化市容局统一指导) are named too."""
    hit = _inline_clause(text)
    if hit is None:
        return _subjects(text)
    # 由A牵头，B配合，各县（市、区）人民政府负责具体实施 / …，区重点办负责日常调度: bodies given a duty in the
    # clauses after the hit are involved too
    rest = text[hit[3]:]
    skip = len(rest) - len(rest.lstrip("，,；; "))
    after = _subjects(rest[skip:])
    if after is not None:
        more = [n for n in after[0] + after[1] if n not in hit[0] + hit[1]]
        hit = (hit[0], hit[1] + more, hit[2], hit[3] + skip + after[3]) if more else hit
    elif (t := _helper_tail_rx().match(text, hit[3])) is not None:
        # 由A统筹协调，B具体落实 / …，B给予资金支持: a helper clause right after the hit
        # (lexicon responsibility_helper_verbs)
        named = split_names(t.group("names"))
        if named and all((_known_body(n) if t.group("modal") is None else _named_body(n))
                         or generic_local_government(n) for n in named):
            more = [n for n in named if n not in hit[0] + hit[1]]
            hit = (hit[0], hit[1] + more, hit[2], t.end()) if more else hit
    subj = _subjects(text[:hit[2]])
    if subj is None:
        return hit
    local = [n for n in subj[0] + subj[1] if generic_local_government(n) and n not in hit[0] + hit[1]]
    if not local:
        return hit
    return local + hit[0], hit[1], min(subj[2], hit[2]), hit[3]


def _involved_body(n: str) -> bool:
    """A name an inline clause can list as involved: a body (not a placeholder or a class of actors: 相关企业) or a
    generic local government (各街镇)."""
    return (is_agency_name(n) and not is_placeholder(n)) or generic_local_government(n) is not None


def _inline_clause(text: str) -> tuple[list[str], list[str], int, int] | None:
    by, bare, together = _inline_rx()
    for m in by.finditer(text):
        # 由市数据局会同市审批服务局负责: those it acts together with are involved
        lead_part, _, with_part = (_together_rx().split(m.group("lead"), maxsplit=1) + ["", ""])[:3]
        lead = [n for n in _mapping_names(lead_part) if is_agency_name(n)]
        if m.group("only") and not all(len(n) >= 3 and function_of(n) for n in lead):
            continue  # 由政府负责… is prose; 由市民政局负责 names an agency
        if not lead:
            continue
        involved = [n for n in _mapping_names(with_part) + _mapping_names(m.group("inv") or "")
                    if _involved_body(n)]
        if m.group("only") and not with_part and len(lead) > 1:
            lead, involved = lead[:1], lead[1:] + involved   # 由A、B组织实施: the first named leads
        end = m.end()
        if not m.group("inv") and (t := _together_tail_rx().match(text, end)) is not None:
            more = [n for n in _mapping_names(t.group("inv")) if _involved_body(n)]
            if more and len(more) == len(_mapping_names(t.group("inv"))):   # 由A牵头，会同B、C推进
                involved, end = involved + [n for n in more if n not in involved], t.end("inv")
        return lead, involved, m.start(), end
    for m in bare.finditer(text):
        lead = _mapping_names(m.group("lead"))
        # without 由 the clause could be prose (政府牵头、部门协同): every lead must be a known body
        if not lead or not all(is_agency_name(n) and len(n) >= 4 and (f := function_of(n)) is not None
                               and f.id != "local_government" for n in lead):
            continue
        involved = [n for n in _mapping_names(m.group("inv") or "") if _involved_body(n)]
        end = m.end()
        if not m.group("inv") and (t := _together_tail_rx().match(text, end)) is not None:
            more = [n for n in _mapping_names(t.group("inv")) if _involved_body(n)]
            if more and len(more) == len(_mapping_names(t.group("inv"))):   # A牵头，会同B、C，建立…
                involved, end = involved + [n for n in more if n not in involved], t.end("inv")
        return lead, involved, m.start(), end
    for m in together.finditer(text):
        names = _mapping_names(m.group("lead")) + _mapping_names(m.group("inv"))
        if not all(is_agency_name(n) and len(n) >= 4 and function_of(n) for n in names):
            continue
        return _mapping_names(m.group("lead")), _mapping_names(m.group("inv")), m.start(), m.end()
    for rx in _rx()["host"]:
        # 联席会议办公室设在省发展改革委，负责日常工作: the host body is responsible
        for m in rx.finditer(text):
            names = _mapping_names(m.group("names"))
            if names and all(_known_body(n) for n in names):
                end = m.end()
                if (t := _helper_tail_rx().match(text, end)) is not None:   # …，B配合
                    more = split_names(t.group("names"))
                    if more and all(_known_body(n) or generic_local_government(n) for n in more):
                        names, end = names + [n for n in more if n not in names], t.end()
                return names[:1], names[1:], m.start("names"), end
    return None


@cache
def _object_verb_rx() -> re.Pattern:
    # a body after 委托/引导… is the object of the government's action, not the subject of 负责
    return re.compile(_lx("responsibility_object_verbs"))


def _subjects(text: str) -> tuple[list[str], list[str], int, int] | None:
    """Sentences opening with ``<bodies>负责…`` (区绿化市容局、区建设管理委负责…。区建设管理委负责…):
    the first body named leads, every other one is involved; every name must be a known body."""
    names: list[str] = []
    span = None
    for m in _subject_rx().finditer(text):
        raw = m.group("names")
        by = list(re.finditer(r"(?<!自)由", raw))
        if by:
            raw = raw[by[-1].end():]      # 评价工作由各街道负责…: the body after 由 is the subject
        got = split_names(raw)
        if not got and re.search(r"\S", raw) and all(is_placeholder(_clean(x)) for x in split_top(raw, "、")):
            # 各地各部门要把…，市老龄委负责统筹协调: the placeholder names no body, the clause after it may
            t = _helper_tail_rx().match(text, m.end())
            named = split_names(t.group("names")) if t is not None and t.group("modal") is None else []
            if t is not None and named and all(_known_body(n) and not generic_local_government(n) for n in named):
                names.extend(n for n in named if n not in names)
                span = (t.start("names"), t.end()) if span is None else (span[0], t.end())
            continue
        if m.group("local") and not all(generic_local_government(n) or _named_body(n) for n in got):
            continue     # 各设区市人民政府要… / 市数据局要…: a modal states the duty of the bodies it names
        if m.group("named") and not all(is_agency_name(n) and _known_body(n) and not generic_local_government(n)
                                        for n in got):
            continue     # 区财政局统筹安排… / 区委督查室定期开展督查: a weaker verb, for bodies named in full only
        if not got or not all((_known_body(n) or generic_local_government(n))
                              and not names_a_role(n) and not _object_verb_rx().search(n) for n in got):
            continue
        names.extend(n for n in got if n not in names)
        a, b = m.end("names") - len(raw), m.end()
        span = (a, b) if span is None else (span[0], b)
        # 市建设局具体负责，市综合执法局协助 / 各镇人民政府负责实施，市人社局负责指导: a following clause
        # of bodies and a co-operating or duty verb names more bodies
        # (each such clause in turn: 各街镇要…，区交通委要…，区财政局要…)
        end = m.end()
        if m.group("local") and (w := _modal_together_rx().match(text, end)) is not None:
            # 市民政局要会同市商务局完善…: the bodies the subject acts together with are involved
            more = split_names(w.group("inv"))
            if more and all(_known_body(n) or generic_local_government(n) for n in more):
                names.extend(n for n in more if n not in names)
                span, end = (span[0], w.end("inv")), w.end("inv")
        while (t := _helper_tail_rx().match(text, end)) is not None:
            named = split_names(t.group("names"))
            if not named or not all((_known_body(n) if t.group("modal") is None else _named_body(n))
                                    or generic_local_government(n) for n in named):
                break
            names.extend(n for n in named if n not in names)
            span = (span[0], t.end())
            end = t.end()
    if not names or span is None:
        return None
    return names[:1], names[1:], span[0], span[1]


def _named_body(n: str) -> bool:
    """A body named in full enough to be given a duty by a modal (市数据局要…, 县卫生健康局要…): a known body
    that opens with its level (lexicon region_level_words, or 省市区县) or is a central body's local office
    (lexicon responsibility_central_branches), and is no placeholder."""
    opens = bool(re.match(rf"^(?:{_lx('region_level_words')}|[省市区县团])", n)) \
        or bool(re.fullmatch(_lx("responsibility_central_branches"), n))   # 国家金融监督管理总局某安监管分局
    return _known_body(n) and opens and not is_placeholder(n) and not generic_local_government(n)


def _known_body(n: str) -> bool:
    """A name that can be the subject of a duty: a body of a known function (4 characters or more, or a
    short name a function pattern names: 区妇联, 市残联, 团市委), or a body its level prefix places
    (区重点办: a level character, then a name ending like a bureau or office)."""
    if function_of(n) is not None and (len(n) >= 4 or len(n) == 3 and pattern_function(n) is not None):
        return True
    return bool(re.match(rf"^(?:{_lx('region_level_words')}|[省市区县])", n)) and 3 <= len(n) <= 10 \
        and bool(_rx()["stem_end"].search(n)) and not _rx()["concept"].search(n) and not is_placeholder(n)


@cache
def _helper_tail_rx() -> re.Pattern:
    # up to two clauses of the sentence before the next bodies (…要结合城市更新，在社区配建…，A负责加强指导)
    name = r"[^，。；：、,;:“”\n]{2,24}"
    verbs = (f"{_lx('responsibility_inline_involved_verbs')}|{_subject_verbs('any')}"
             f"|{_lx('responsibility_helper_verbs')}")
    etc = _lx("responsibility_etc")
    return re.compile(rf"(?:[^。；;\n，,]{{0,20}}?[，,]){{1,2}}?(?P<names>(?:{name}、)*{name}?)(?:{etc})?"
                      rf"(?:{verbs}|(?P<modal>{_subject_verbs('local')}))")


@cache
def _modal_together_rx() -> re.Pattern:
    # 要会同B、C完善… right after a subject's modal: B and C, up to the action (lexicon responsibility_together_actions)
    qname = r"[^，。；：、,;:“”（）()\n]{2,20}?"
    return re.compile(rf"(?:{_lx('responsibility_together_words')})(?P<inv>(?:{qname}、)*{qname})"
                      rf"(?:{_lx('responsibility_etc')})?(?={_lx('responsibility_together_actions')})")


# a clause at the end of a text (used where only the text is at hand, e.g. similarity)
@cache
def _trailing_rx() -> re.Pattern:
    words = _lx("responsibility_trailing_words")
    return re.compile(rf"[〔（(\[【][^〔〕()（）\[\]【】]{{0,300}}?(?:{words})"
                      rf"[^〔〕()（）\[\]【】]{{0,40}}[〕）)\]】]?\s*$")


def strip_trailing_clause(text: str) -> str:
    """``text`` without a bracketed responsibility clause at its end."""
    return _trailing_rx().sub("", text)
