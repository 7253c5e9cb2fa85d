"""Document structure: sections, measures (incl. 专栏 boxes and safeguards), tables.

Headings are recognised by their numbering family, each with a canonical rank:
``第一篇`` < ``第一章`` < ``第一节`` < ``一、`` < ``（一）`` < ``1.``/``1、`` < ``（1）`` < ``①``.
Nesting is by rank (a heading's parent is the nearest earlier heading of smaller
rank), so an excerpt that starts at ``5.`` or a document that skips a level still
nests correctly; ``Section.level`` is the depth in that tree.
Damaged headings are recognised too: ``）发展回顾`` and ``十一）…`` (lost opening
bracket and/or number: rank of ``（一）``, number inferred from the previous sibling),
and bare title lines (short, unpunctuated, followed by text: e.g. ``保障措施`` that
lost its ``四、``): well-known top-level titles get rank ``一、``, others become a
child of the current heading, or a sibling of the previous bare title.

A numbered line that carries text after its title (``1.推进…。加强…``) is an *item*,
not a heading. Measures are items, and titled paragraphs (``提升健康医疗服务能力。…``),
inside sections that hold measures -- i.e. not background, review, guiding
principles or targets. A leaf section made only of untitled paragraphs in such a
context is one measure (``坚持党的领导`` + paragraph), unless each of its paragraphs opens with
its own action (``加强组织领导，…`` ``强化监测评估，…``: one measure each). Items under a safeguard
section (保障措施, 要素保障, 组织实施 …) are kind ``safeguard``; items of a ``专栏``
box are kind ``box``. Each measure gets its responsibility clause, if any.

Sections that are no measures' place, by their title words (lexicons structure_*): reviews of the past
(取得的成就, 主要成效), goals (a target statement ``1.到2027年，…`` under 目标任务 is a target), and
appendices: an attachment list after the body (``附表：`` over ``1、…指标表``; ``附件：1.… 2.…``; ``附件1：…``
lines) names attachments, not headings, and an attachment whose title names a table, a list or a norm
(指标表, 清单, 技术导则) gives no measure (a task table's rows still do). Under a stage section (实施步骤,
进度安排) a stage heading over numbered sub-items (``（一）制定方案阶段（…）`` + ``1.2024年8月底前，…``) is their
heading, each sub-item a measure due by the date it opens with, else the stage's period; a stage without
sub-items (``第一阶段（…）：启动部署。…``, a stage heading over a paragraph) is one measure. A run of duty
paragraphs (``市发展改革委：负责…`` twice or more) gives one measure per agency. A leaf section of two or more
body paragraphs opening with a run-in title or an action gives one measure per paragraph; a responsibility
label line standing alone (``【责任单位】A、B``) belongs to the measure above.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import cn2an

from model.document import Measure, ParsedDocument, Section
from ontology import responsibility, vocab

from . import flattables
from .lines import Line as _Line

_lx = vocab.lexicon_regex
CN_NUM = "一二三四五六七八九十百零〇两"
_FAMILIES: list[tuple[int, re.Pattern]] = [
    (0, re.compile(rf"^第([{CN_NUM}\d]+)篇\s*")),
    (1, re.compile(rf"^第([{CN_NUM}\d]+)章\s*")),
    (2, re.compile(rf"^第([{CN_NUM}\d]+)节\s*")),
    (3, re.compile(rf"^([{CN_NUM}]+)\s*[、.．]\s*")),
    (4, re.compile(rf"^[（(]([{CN_NUM}]+)[）)]\s*[、.．]?\s*")),
    # 1.2024年8月底前，… -- an item opening with a date, not a decimal
    (5, re.compile(r"^(\d{1,3})\s*(?:[、．]|\.(?!\d)|\.(?=\d{4}年|\d{1,2}月))\s*")),
    (6, re.compile(r"^[（(](\d{1,3})[）)]\s*[、.．]?\s*")),
    (7, re.compile(r"^([①-⑳])\s*")),
]
# a （一）-style heading that lost its opening bracket, or bracket and number
_LOST_BRACKET = re.compile(rf"^([{CN_NUM}]*)[）)]\s*(?=[\u4e00-\u9fff])")
_BOX = re.compile(r"^专栏\s*[\d一二三四五六七八九十]*[:：\s]*")
_TOP_TITLES = re.compile(rf"^(?:{_lx('structure_top_titles')})$")
_SAFEGUARD = re.compile(rf"^(?:{_lx('structure_safeguard_titles')})$")
_TASK_VERB = re.compile(rf"^(?:{_lx('structure_task_verbs')})")
# background, principles, targets (structure_non_measure_words) and reviews of the past (structure_review_titles)
_NON_MEASURE_WORDS = f"{_lx('structure_non_measure_words')}|{_lx('structure_review_titles')}"
_NON_MEASURE = re.compile(rf"(?:{_NON_MEASURE_WORDS})")
_TASK_TITLE = re.compile(rf"(?:{_lx('structure_task_titles')})")
_NON_MEASURE_END = re.compile(rf"(?:{_NON_MEASURE_WORDS})$")
_GOAL_TITLE = re.compile(rf"(?:{_lx('structure_goal_titles')})")
# an attachment list (附件：/附表： then 1、…表 2、…表, or 附件：1.… 2.… on one line) and its numbered titles
_ATTACH_LABEL = re.compile(rf"^(?:{_lx('structure_attachment_labels')})\s*[：:]\s*")
_ATTACH_ITEM = re.compile(r"^\d{1,2}\s*[、.．]\s*(?=[\u4e00-\u9fff“《（(]|(?:19|20)\d\d\s*年)"
                          r"[^。；！？]{2,60}[。；;]?$")
_ATTACH_NUMBERED = re.compile(rf"^(?:{_lx('structure_attachment_labels')})\s*\d{{1,2}}\s*[：:．.、]?\s*"
                              rf"[^。；！？]{{0,60}}$")
_APPENDIX_MUTE = re.compile(rf"(?:{_lx('structure_appendix_no_measures')})(?:[（(][^（）()]{{1,12}}[）)])?\s*$", re.M)
_STAGE_SECTION = re.compile(rf"(?:{_lx('structure_stage_sections')})")
_STAGE_HEAD = re.compile(rf"(?:{_lx('structure_stage_heads')})")
# 第一阶段（2025年3月—6月）：启动部署。… -- a stage written as a paragraph of its own
_STAGE_LINE = re.compile(rf"^(第[{CN_NUM}\d]+(?:阶段|步))\s*(?:[（(][^）)]{{2,30}}[）)])?\s*[：:，,]?\s*")
# 市发展改革委：负责… -- a duty paragraph titled by its agency
_AGENCY_DUTY = re.compile(r"^([\u4e00-\u9fff（）()、]{2,40})[：:]\s*(?=[\u4e00-\u9fff])")
# 工作目标： / 主要目标： alone on a line: a goals label over numbered target statements
_GOAL_LABEL = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}(?:{_lx('structure_goal_titles')})[\u4e00-\u9fff]{{0,4}}[：:]$")


def _non_measure_path(titles: list[str]) -> bool:
    """Do the section titles (outermost first) put their content outside measures? Below a title
    that announces tasks, background words no longer count (二、工作任务 > （二）夯实公共消防基础
    holds measures); only the titles above it, and that title itself never."""
    first_task = min((i for i, t in enumerate(titles) if _TASK_TITLE.search(t)), default=None)
    considered = titles if first_task is None else titles[:first_task]
    # 夯实数据基础 / 完善基础设施: a title opening with a task verb is no background heading
    if any(_NON_MEASURE.search(t) and not _TASK_VERB.match(t) for t in considered):
        return True
    # below it, a short title that is a background or target heading itself (行动目标, 工作目标)
    below = [] if first_task is None else titles[first_task + 1:]
    return any(len(t) <= 6 and _NON_MEASURE_END.search(t) and not _TASK_TITLE.search(t) for t in below)
# closing provisions (解释权, 施行日期): the end of the plan's structure, when near the end
_CLOSING = re.compile(rf"^(?:{_lx('structure_closing')})")
# back matter (版记): 抄送/印发 lines, 此件公开 notes; a signature block (issuer, date)
_BACK_MATTER = re.compile(_lx("structure_back_matter"))
_EXHORT_MODAL = re.compile(f"(?:{_lx('structure_exhortation_modals')})")
_POINTER = re.compile(rf"(?:{_lx('structure_pointer_phrases')})[。.]?\s*$")
_SIGNATURE = re.compile(rf"^[\u4e00-\u9fff（）]{{3,30}}(?:{_lx('structure_signature_endings')})$")
_SIGN_DATE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日"
                        r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$")
# 办法 / 实施细则 / 若干措施 articles: 第一条 …
_ARTICLE = re.compile(rf"^第([{CN_NUM}\d]+)条(?:\s*[:：]\s*|\s+|(?=[\u4e00-\u9fff【（(“]))")
_ARTICLE_HEAD = re.compile(r"^[【〔（(]([^】〕）)。，；]{2,14})[】〕）)]\s*")
# formal clauses (purpose, scope, definitions, interpretation, entry into force): not measures
_FORMAL = re.compile(rf"^(?:{_lx('structure_formal_clauses')})")
# a note under a table or a footnote block (注：…, 备注：…): not part of a measure
_NOTE = re.compile(rf"^(?:{_lx('structure_note_labels')})\s*[\d①-⑳]?\s*[:：]")
_SPACED_TITLE = re.compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,5}$")
_DATE_LINE = re.compile(r"^[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?$")
_SENT_END = "。；！？"
_ORDINAL_ITEM = re.compile(rf"^([{CN_NUM}]+是)")          # 一是…。二是…。
_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")   # 发展目标：… / 主要举措：… (not measures)
_MAX_TITLE = 40
_MAX_BARE = 25
_MAX_ENUM_TITLE = 20
# run-in titles in brackets (【完善服务设施】…) or before a colon (建立共享泊位信息平台：…, a title of 7-20
# characters that names no agency: shorter ones are labels such as 发展目标：, agencies head duty lists)
_BRACKET_TITLE = re.compile(r"^【([^】，。；]{2,20})】")
_COLON_TITLE = re.compile(r"^([\u4e00-\u9fff（）“”]{7,20})[：:]")


@dataclass
class _Head:
    rank: int
    number: str | None
    title: str
    line: _Line
    sec: Section | None = None
    children: int = 0


def _sec(h: _Head) -> Section:
    """The section of a heading on the stack (every heading but a 专栏 box has one)."""
    assert h.sec is not None
    return h.sec


def _cn_to_int(s: str) -> int | None:
    """A heading number (三, 十二, 一百零五, 12) as an int, by cn2an; None when it is not one."""
    if s.isdigit():
        return int(s)
    if not s:
        return None
    try:
        t = s.replace("两", "二")
        return int(cn2an.cn2an("一" + t if t[0] in "百千" else t, "strict"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _int_to_cn(n: int) -> str:
    """12 -> 十二 (cn2an); numbers of 100 and more stay in digits."""
    return cn2an.an2cn(n) if 0 <= n < 100 else str(n)


def _fmt_number(rank: int, raw: str) -> str:
    if rank in (0, 1, 2):
        return f"第{raw}" + "篇章节"[rank]
    if rank in (4, 6):
        return f"（{raw}）"
    return raw


def _split_title(rest: str) -> tuple[str, str]:
    """(title, body) of a line: the title is the first sentence when it is short."""
    m = re.search(r"[。；！？]", rest)
    if m and m.start() <= _MAX_TITLE and "，" not in rest[:m.start()]:
        c = rest.find("：", 0, m.start())
        if 2 <= c <= 20:
            return rest[:c], rest[c + 1:]     # 区财政局：负责资金保障。 -> 区财政局
        return rest[:m.start()], rest[m.end():]
    if not m and len(rest) <= _MAX_TITLE:
        return rest, ""
    m2 = re.search(r"[，：]", rest)
    cut = m2.start() if m2 and m2.start() <= _MAX_TITLE else min(len(rest), 20)
    return rest[:cut], rest[cut:]


def _article_title(rest: str) -> str:
    """Title of an article: its short heading (``【梯度培育】``, ``（融资支持）``, or the
    whole line when it is a short unpunctuated heading), else its first clause."""
    h = _ARTICLE_HEAD.match(rest)
    if h:
        return h.group(1)
    if len(rest) <= 20 and not re.search(r"[，。；：,;:！？]", rest):
        return rest
    m = re.search(r"[，。；：！？]", rest)
    return (rest[:m.start()] if m else rest)[:_MAX_TITLE]


def _clean_title(title: str) -> str:
    """``总　则`` -> ``总则`` (a short heading spaced out letter by letter)."""
    return re.sub(r"\s+", "", title) if _SPACED_TITLE.match(title) else title


def _classify_numbered(text: str) -> tuple[int, str, str] | None:
    for rank, rx in _FAMILIES:
        m = rx.match(text)
        if m:
            rest = text[m.end():]
            if not rest or not re.match(r"[\u4e00-\u9fff“《「（A-Za-z0-9]", rest):
                continue
            if rank == 5 and re.match(r"^\d+[、.]\d(?!\d{3}年|\d?月)", text):
                continue
            return rank, m.group(1), rest
    return None


_PERIOD = re.compile(r"[（(]([^（）()]*(?:\d{4}年|\d{1,2}月)[^（）()]*)[）)]")


# 2024年8月底前，… / 9月中旬前，… -- the date a stage's sub-item opens with (its deadline)
_LEADING_DATE = re.compile(r"^((?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:[—\-－至到](?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?)?"
                           rf"(?:{_lx('structure_date_parts')})?(?:[以之]?前)?|\d{{4}}年(?:底|年底)?(?:[以之]?前)?)[，,]")


def _stage_period(text: str) -> str | None:
    """The period of a stage (``2025年5月—9月`` in ``（二）集中整治阶段（2025年5月—9月）``), if written."""
    m = _PERIOD.search(text)
    return m.group(1) if m else None


def _duty_paragraph(t: str) -> str | None:
    """The agency of a duty paragraph ``市发展改革委：负责…``, else None."""
    duty = _AGENCY_DUTY.match(t)
    if (duty and len(t) > duty.end() + 4 and not re.search(r"\d{7,}", t)        # no contact list (市民政局：王某 6…)
            and all(_duty_holder(n) for n in duty.group(1).split("、"))):
        return duty.group(1)
    return None


def _duty_holder(name: str) -> bool:
    """Is ``name`` (before the colon of ``市发展改革委：负责…``) a government body of a known function, not a
    responsibility label (责任单位, 配合单位)?"""
    return (responsibility.is_agency_name(name) and not responsibility.names_a_role(name)
            and (responsibility.function_of(name) is not None
                 or responsibility.generic_local_government(name) is not None))


def _is_bare_title(text: str) -> bool:
    return (0 < len(text) <= _MAX_BARE and not re.search(r"[，。；：:,;！？、]", text)
            and bool(re.search(r"[\u4e00-\u9fff]", text)) and not _DATE_LINE.match(text)
            and not re.match(r"^[\d.%]+$", text))


def _is_titled_paragraph(text: str) -> str | None:
    """The run-in title of ``标题。正文``: a first sentence of 2-30 characters without a comma or colon
    (an enumeration comma only in a short title: ``加快老旧小区、城中村改造。``)."""
    b = _BRACKET_TITLE.match(text)
    if b and len(text) > b.end() + 4:
        return b.group(1)                 # 【完善服务设施】增设…
    m = re.search(r"[。；]", text)
    if m and 2 <= m.start() <= 30 and m.end() < len(text) and not re.search(r"[，：:,]", text[:m.start()]) \
            and ("、" not in text[:m.start()] or m.start() <= _MAX_ENUM_TITLE):
        return text[:m.start()]
    c = _COLON_TITLE.match(text)
    if c and len(text) > c.end() + 10 and not responsibility.is_agency_name(c.group(1)):
        return c.group(1)                 # 建立共享泊位信息平台：汇聚…
    return None


_LONG_PARA = 800
# 进一步发挥…的作用，… / 用好…，结合… / 强化…，改善…: a body paragraph opening with an action (an optional adverb or
# focus word, then a task verb) -- in a leaf section of two or more such paragraphs, each is a measure
_ACTION_PARA = re.compile(rf"^(?:{_lx('structure_paragraph_adverbs')})?"
                          rf"(?:{_lx('structure_task_verbs')}|{_lx('structure_paragraph_verbs')})")


_RULE_MODAL = re.compile(rf"(?:{_lx('structure_paragraph_modals')})")


def _action_paragraph(t: str) -> bool:
    head = _derived_title(t)
    return (bool(_ACTION_PARA.match(t)) and len(head) <= _MAX_TITLE and bool(re.search(r"[，。；,]", t))
            and not _RULE_MODAL.search(head[:12]))     # 建设单位应当…: a rule for an actor


def _label_line(t: str) -> bool:
    """Is ``t`` a responsibility label standing alone (``【责任单位】A、B``, ``责任单位：A、B``)? It belongs to the
    measure above, never a measure of its own."""
    if responsibility.is_person_label_line(t):
        return True                       # 牵头负责领导：王某某。 over the 牵头责任单位： line of the same block
    span = responsibility.find_clause(t)
    return (span is not None and span[0] == 0 and not t[span[1]:].strip("。；;，, ")
            and responsibility.names_a_role(t[:12]))
_PREAMBLE = re.compile(rf"^(?:{_lx('structure_preamble_openers')})")
_DASH_ITEM = re.compile(r"^\s*(?:——|--|－－)\s*(?=[\u4e00-\u9fff])")
# a heading's run-in body that states the block's target (到2027年，… / 力争…), not an action
_HEAD_BODY = 80
_TARGET_BODY = re.compile(rf"^(?:{_lx('structure_heading_target_leads')})")
_CLAUSE_CLOSER = re.compile(rf"(?:{_lx('responsibility_clause_closers')})[）)]$")
_INLINE_TITLE = re.compile(r"(?:(?<=[。；）)])|^)([\u4e00-\u9fff]{4,16})。(?=[^。]{20,})")


def _inline_titles(t: str) -> list[tuple[int, str]]:
    """Offsets and texts of inline titles in a long paragraph: short sentences without
    any comma or digit (``普惠性养老服务。``) followed by a longer sentence."""
    out = []
    for m in _INLINE_TITLE.finditer(t):
        a = m.start(1)
        if a and t[a - 1] in "）)" and not _CLAUSE_CLOSER.search(t[max(0, a - 12):a]):
            continue   # after a closing bracket only when that bracket was a responsibility clause
        out.append((a, m.group(1)))
    return out


_ORDINAL_RUNIN = re.compile(rf"(?:^|(?<=[。；;）)]))\s*([{CN_NUM}]+)是")


def _after_clause(t: str, a: int) -> bool:
    """Does offset ``a`` follow a sentence end, or a bracket that closed a responsibility clause
    (``…（市工商联牵头）二是…``, ``…（市市场监管局）二是…``)?"""
    if not a or t[a - 1] not in "）)":
        return True
    if _CLAUSE_CLOSER.search(t[max(0, a - 12):a]):
        return True
    o = max(t.rfind("（", 0, a), t.rfind("(", 0, a))
    return o >= 0 and responsibility.is_agency_name(t[o + 1:a - 1])


def _ordinal_cuts(t: str) -> list[tuple[int, str, str]]:
    """(offset, number, title) of each run-in ordinal item of a paragraph (一是…。二是…), when the
    paragraph holds two or more numbered in sequence from 一; the title is the item's first
    clause without its ordinal."""
    out: list[tuple[int, str, str]] = []
    for m in _ORDINAL_RUNIN.finditer(t):
        if not _after_clause(t, m.start()):
            continue
        n = _cn_to_int(m.group(1))
        if n != len(out) + 1:
            if not out:
                continue
            break
        rest = t[m.end():]
        c = re.search(r"[，。；：,;:]", rest)
        title = (rest[:c.start()] if c else rest)[:_MAX_TITLE]
        out.append((m.start(1), m.group(1) + "是", title))
    return out if len(out) >= 2 else []


def _derived_title(t: str) -> str:
    """Title of a paragraph whose title lost its full stop: its first clause, capped."""
    m = re.search(r"[，。；：]", t)
    head = t[:m.start()] if m else t
    return head[:30]


_NUM_ONLY = re.compile(rf"^第([{CN_NUM}\d]+)([篇章节])$")
# 附件 / 附表2 / 附录 alone on a line (appendix_openers.txt): an appendix after the signature
_APPENDIX_LINE = re.compile(rf"^(?:{_lx('appendix_openers')})\s*[\d一二三四五六七八九十]{{0,2}}$")
_ANNEX = re.compile(rf"^(?:{_lx('structure_attachment_labels')})\s*[\d一二三四五六七八九十]{{0,2}}$")


_GROUP_NUMBER = re.compile(rf"^([{CN_NUM}]+\s*[、.．]|[（(][{CN_NUM}]+[）)]|[{CN_NUM}]+\s+)\s*")


def _task_columns(t) -> tuple[list[int], list[int], list[int], int | None, int | None] | None:
    """(task, lead, involved, number, deadline) columns of a task-assignment table (a task
    column and a responsibility column by their header roles), else None."""
    if t.row_spans is None:
        return None
    roles = t.roles or flattables.column_roles(t.columns)
    task = [j for j, r in enumerate(roles) if r == "task"]
    resp = [j for j, r in enumerate(roles) if r == "responsible"]
    if not task or not resp:
        return None
    lead = [j for j in resp if flattables.is_lead_column(t.columns[j])]
    inv = [j for j in resp if j not in lead]
    num = next((j for j, r in enumerate(roles) if r == "number"), None)
    deadline = next((j for j, r in enumerate(roles) if r == "deadline"), None)
    return task, lead, inv, num, deadline


@dataclass
class LineInfo:
    """What a line is, from its own text alone (the line classifier); the state machine in
    :class:`_Builder` decides from these and its context what the line does."""
    line: _Line
    box: bool                       # 专栏N … (a box title, short)
    box_mark: bool                  # starts like a box title, any length
    num_only: re.Match | None       # 第一章 alone on its line
    annex: bool                     # 附件 / 附件2
    article: re.Match | None        # 第五条 …
    num: tuple[int, str, str] | None   # numbered line: (rank, number, rest)
    lost: re.Match | None           # a （一）-style number that lost its bracket (only when num is None)
    lost_any: bool                  # the lost-bracket shape, numbered or not
    bare: bool                      # short unpunctuated title-like line
    top_title: bool                 # a well-known top-level title (保障措施 …)
    note: bool                      # 注：… / 备注：…
    closing: bool                   # closing provision or back matter
    signature: bool                 # issuer line of a signature block
    sign_date: bool                 # date line of a signature block

    @property
    def text(self) -> str:
        return self.line.text


def classify_line(ln: _Line) -> LineInfo:
    t = ln.text
    num = _classify_numbered(t)
    lost_any = _LOST_BRACKET.match(t)
    return LineInfo(
        line=ln, box=bool(_BOX.match(t)) and len(t) <= 60, box_mark=bool(_BOX.match(t)),
        num_only=_NUM_ONLY.match(t), annex=bool(_ANNEX.match(t)), article=_ARTICLE.match(t), num=num,
        lost=lost_any if num is None else None, lost_any=bool(lost_any), bare=_is_bare_title(t),
        top_title=bool(_TOP_TITLES.match(t)), note=bool(_NOTE.match(t)),
        closing=bool(_CLOSING.search(t) or _BACK_MATTER.search(t)), signature=bool(_SIGNATURE.match(t)),
        sign_date=bool(_SIGN_DATE.match(t)))


def build(doc: ParsedDocument) -> None:
    """Fill ``doc.sections``, ``doc.measures`` and ``doc.tables`` from ``doc.text``."""
    text = doc.text
    found = doc.tables          # real (HTML) tables found by the pipeline, if any
    flat = [t for t in flattables.find_all(text)
            if not any(t.start < f.end and f.start < t.end for f in found)]
    for t in found:
        flattables.annotate(t)
    doc.tables = sorted(found + flat, key=lambda t: t.start)
    spans = sorted((t.start, t.end) for t in doc.tables)
    lines: list[_Line] = []
    pos = 0
    k = 0
    for i, ln in enumerate(text.split("\n")):
        end = pos + len(ln)
        while k < len(spans) and spans[k][1] < pos:
            k += 1
        # lines inside a table are the table's (spans sorted by start; they may nest)
        inside = False
        for a, b in spans[k:]:
            if a > pos:
                break
            if end <= b:
                inside = True
                break
        if ln and not inside:
            lines.append(_Line(i, pos, end, ln))
        pos = end + 1
    _Builder(doc, lines).run()


class _Builder:
    def __init__(self, doc: ParsedDocument, lines: list[_Line]):
        self.doc = doc
        self.lines = lines
        self.stack: list[_Head] = []
        self.heads: list[_Head] = []
        self.measures: list[Measure] = []
        self.cur: Measure | None = None      # measure being extended by continuation paragraphs
        self.box: _Head | None = None
        self.last_bare_rank: int | None = None
        self.sec_counter: dict[tuple, int] = {}
        self.leaf_paras: dict[int, list[_Line]] = {}
        self.closed = False
        self.signed = False        # closed by a signature block: an 附件 after it reopens
        self.article: str | None = None   # inside an article: "measure" / "skip"
        self.fresh = False         # the current measure is a heading-like item; its text follows
        self.dash_cur: Measure | None = None   # the last measure opened by a dash item (——…)
        # headings that carry a responsibility clause (（一）完善X（牵头单位：A；配合单位：B）): (section, clause span)
        self.heading_clauses: list[tuple[Section, int, int]] = []
        # attachments: inside an attachment list (the number its next title carries), after one (the
        # appendix zone), the titles it announced; in an appendix of tables, lists or norms no line is a
        # measure (mute) and no heading there becomes one
        self.attach_next: int | None = None
        self.early_attach_next: int | None = None   # the next title of a notice's attachment list before the plan
        self.appendix = False
        self.announced: list[str] = []
        self.announced_one: LineInfo | None = None  # the line of a list of one (附件：某县…技术要求)
        self.mute = False
        self.muted_heads: set[int] = set()
        self.stage_heads: set[int] = set()     # headings opened for a stage line (第一阶段：摸底调查（…）)
        self.stage_seen: set[int] = set()      # stage headings whose text was gathered (for their period)
        self.stage_items: dict[int, int] = {}  # stage headings over numbered sub-items: the items' rank
        # body paragraphs right under each heading (line, is a responsibility label line), and headings
        # with other content right under them (items, boxes, dash/duty/ordinal paragraphs)
        self.sec_paras: dict[int, list[tuple[_Line, bool]]] = {}
        self.items_under: set[int] = set()
        self.goal_label = False                # after a goals label line (工作目标：) until a heading or a non-target
        self.notice_end: int | None = None     # where a cover notice's signature block (over the plan) starts

    # -- sections -------------------------------------------------------------
    def _path(self) -> list[str]:
        return [h.title for h in self.stack]

    def _open(self, rank: int, number: str | None, title: str, line: _Line) -> _Head:
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        if parent:
            parent.children += 1
        key = tuple(id(h) for h in self.stack)
        self.sec_counter[key] = self.sec_counter.get(key, 0) + 1
        ordinal_path = [_sec(h).id.split("-", 1)[1] for h in self.stack[-1:]] if self.stack else []
        sid = "s-" + ("-".join(ordinal_path + [str(self.sec_counter[key])]))
        title = _clean_title(title)
        h = _Head(rank, number, title, line)
        sec = Section(id=sid, level=len(self.stack) + 1, number=number, title=title,
                      path=self._path() + [title], start=line.start, end=line.end)
        h.sec = sec
        self.stack.append(h)
        self.heads.append(h)
        if self.mute:
            self.muted_heads.add(id(h))
        self.goal_label = False
        self.doc.sections.append(sec)
        return h

    def _infer_number(self, rank: int) -> str | None:
        """Number of a heading that lost it: previous sibling of the same rank + 1."""
        prev = None
        for h in reversed(self.heads):
            if h.rank < rank:
                break
            if h.rank == rank:
                prev = h
                break
        n = 1
        if prev is not None and prev.number:
            v = _cn_to_int(prev.number.strip("（）第篇章节"))
            n = (v or 0) + 1
        return f"（{_int_to_cn(n)}）" if rank == 4 else str(n)

    def _close_siblings(self, rank: int) -> None:
        while self.stack and self.stack[-1].rank >= rank and self.stack[-1].rank != 99:
            self.stack.pop()

    # -- context --------------------------------------------------------------
    def _measure_context(self) -> bool:
        return not _non_measure_path([h.title for h in self.stack if h.rank != 99])

    def _target_statement(self, text: str) -> bool:
        """Is ``text`` (an item's or a paragraph's text after its number) a target statement
        (到2027年，…达到…) directly under a goals heading (目标任务, 主要目标)? Then it is a target, no
        measure, even where the heading names tasks too."""
        if not _TARGET_BODY.match(text):
            return False
        heads = [h for h in self.stack if h.rank != 99]
        return self.goal_label or (bool(heads) and bool(_GOAL_TITLE.search(heads[-1].title)))

    def _assigned_target(self, rest: str, nxt: LineInfo | None) -> bool:
        """Is a numbered item under a goals heading (主要预期目标) assigned to agencies by a responsibility
        clause of its own (in its text, or a 责任单位：… line right after it)?"""
        heads = [h for h in self.stack if h.rank != 99]
        if not heads or not _GOAL_TITLE.search(heads[-1].title) or self.box is not None:
            return False
        if responsibility.find_clause(rest) is not None:
            return True
        if nxt is None or nxt.num is not None:
            return False
        if responsibility.is_person_label_line(nxt.text):
            return True         # 牵头负责领导：王某某。 then 牵头责任单位：… (the block opens with the persons)
        span = responsibility.find_clause(nxt.text)
        return span is not None and span[0] == 0

    def _stage_head(self) -> _Head | None:
        """The innermost heading when it names a stage (动员部署阶段（2025年4月）) under a stage section
        (实施步骤, 进度安排): its sub-items and paragraphs are the text of that one stage measure."""
        heads = [h for h in self.stack if h.rank != 99]
        if len(heads) < 2 or not (id(heads[-1]) in self.stage_heads or _STAGE_HEAD.search(heads[-1].title)):
            return None
        if not any(_STAGE_SECTION.search(h.title) for h in heads[:-1]):
            return None
        self.stage_seen.add(id(heads[-1]))
        return heads[-1]

    def _stage_section(self) -> bool:
        return any(_STAGE_SECTION.search(h.title) for h in self.stack if h.rank != 99)

    def _safeguard_context(self) -> bool:
        return any(_SAFEGUARD.match(h.title) for h in self.stack)

    def _kind(self) -> str:
        if self.box is not None:
            return "box"
        return "safeguard" if self._safeguard_context() else "measure"

    # -- measures -------------------------------------------------------------
    def _new_measure(self, line: _Line, number: str | None, title: str, kind: str) -> Measure:
        path = self._path()
        m = Measure(id="", title=title, text=line.text, section_path=path, start=line.start,
                    end=line.end, number=number, kind=kind)
        if not self.mute:               # in an appendix of tables or norms: read, but no measure
            self.measures.append(m)
        self.cur = m
        self.fresh = False
        return m

    def _extend(self, line: _Line) -> None:
        m = self.cur
        assert m is not None
        m.end = line.end
        m.text = self.doc.text[m.start:m.end]

    def _paragraph_mode(self) -> dict[int, bool]:
        """Per run of paragraphs between headings: are most of them titled
        (``标题。正文``)? Then every paragraph there is a measure of its own, even one
        whose title lost its full stop."""
        seg_of: dict[int, int] = {}
        stats: dict[int, list[int]] = {}
        seg = 0
        for ln in self.lines:
            t = ln.text
            num = _classify_numbered(t)
            if (_ARTICLE.match(t) or _BOX.match(t) or _LOST_BRACKET.match(t) or _is_bare_title(t)
                    or (num and not _split_title(num[2])[1].strip())):
                seg += 1
                continue
            if num is not None:
                continue
            if _LABEL.match(t):
                continue
            seg_of[ln.idx] = seg
            st = stats.setdefault(seg, [0, 0])
            st[0] += 1
            st[1] += 1 if _is_titled_paragraph(t) else 0
        with_titles = [v for v in stats.values() if v[1]]
        total = sum(v[0] for v in with_titles)
        titled = sum(v[1] for v in with_titles)
        doc_mode = total >= 6 and titled >= 0.6 * total
        mode = {sg: v[1] >= 1 and ((v[1] >= 2 and v[1] * 2 >= v[0]) or doc_mode) for sg, v in stats.items()}
        # the run's own evidence (not the document's): how many of its paragraphs are titled
        self.run_titled = {idx: stats[sg][1] if mode[sg] else 0 for idx, sg in seg_of.items()}
        return {idx: mode[sg] for idx, sg in seg_of.items()}

    def _emit_task_rows(self, t, cols) -> None:
        """A task-assignment table (重点任务 | 牵头单位 | 责任单位 | 完成时限 …): one measure per
        row, in the section where the table stands (under its group row, if any); a
        merged task cell (written once for several rows) is carried down."""
        task, lead, inv, num, deadline = cols
        text = self.doc.text
        groups: dict[int, list[str]] = {}
        for g in t.groups:
            if not (t.roles and t.roles[0] == "group" and any(r[0] == g.label for r in t.rows)):
                groups.setdefault(g.first_row, []).append(g.label)
        # nested group rows (一、交通设施 over （一）农村公路): a group row keeps the outer ones above its level
        stack: list[tuple[int, str]] = []
        for i, row in enumerate(t.rows):
            for label in groups.get(i, []):
                level = 2 if label[:1] in "（(" else 1
                stack = [x for x in stack if x[0] < level] + [(level, label)]
            span = t.row_spans[i]
            own = [row[j] for j in task if j < len(row) and row[j]]
            if span is None or not own or i in t.total_rows:     # a 合计/小计 row is no task
                continue
            # the most specific task column names the measure (具体工作 under 重点任务);
            # the others (merged cells, carried down) are its section
            cell = row[task[-1]] if task[-1] < len(row) and row[task[-1]] else own[-1]
            a, b = span
            title = _split_title(cell)[0]
            gcol = next((j for j, r in enumerate(t.roles or []) if r == "group"), None)
            grps = [row[gcol]] if gcol is not None and gcol < len(row) and row[gcol] else [x for _, x in stack]
            path = self._path() + [_clean_title(_GROUP_NUMBER.sub("", g)) for g in grps]
            path += [_split_title(c)[0] for c in own if c is not cell and c != cell]
            m = Measure(id="", title=title, text=text[a:b], section_path=path, start=a, end=b,
                        number=row[num] if num is not None and row[num] else None, kind=self._kind())
            if deadline is not None and deadline < len(row) and row[deadline]:
                m.deadline = row[deadline]
            role_cols = lead + inv
            spans = [t.cell_spans[i][j] for j in role_cols if row[j] and t.cell_spans[i][j]]
            inside = [sp for sp in spans if a <= sp[0] and sp[1] <= b]
            use = inside or spans[:1]
            if use:
                ra, rb = min(x for x, _ in use), max(y for _, y in use)
                m.responsibility = responsibility.from_cells(
                    [row[j] or "" for j in lead], [row[j] or "" for j in inv], text[ra:rb], ra)
            self.measures.append(m)
        self.cur = None

    # -- the state machine: one handler per line kind, in priority order ------------
    def run(self) -> None:
        infos = [classify_line(ln) for ln in self.lines]
        self.infos = infos
        self.pending = [(t, c) for t in self.doc.tables for c in [_task_columns(t)] if c is not None]
        self.skip_next = False
        self.para_mode = self._paragraph_mode()
        for k, info in enumerate(infos):
            nxt = infos[k + 1] if k + 1 < len(infos) else None
            if self.closed:
                self._after_close(info, nxt)
                continue
            while self.pending and self.pending[0][0].start < info.line.start:
                self._emit_task_rows(*self.pending.pop(0))
            if self._attachments(k, info, nxt):
                continue
            if self._closes(k, info, nxt):
                continue
            if info.signature and info.num is None and nxt is not None and nxt.sign_date:
                # a signature block that ends nothing (the cover notice's 某区人民政府办公室 / 2023年1月3日 over the
                # plan itself): neither a heading nor a measure, and the notice's last item ends before it;
                # the notice's own numbered requirements above it (一、高度重视… 二、压实责任…) are no measures
                # of the plan (dropped at the end when the plan below has measures of its own)
                if self.notice_end is None:
                    self.notice_end = info.line.start
                self.cur = None
                self.skip_next = True
                continue
            if info.box:
                self._open_box(info)
                continue
            if self.skip_next:
                self.skip_next = False
                continue
            if self._chapter_title_below(info, nxt):
                continue
            if info.annex:
                self._open_annex(info, nxt)
                continue
            if info.article:
                self._article(info.line, info.article)
                continue
            if info.num is not None and info.num[0] == 7 and self._footnote(k):
                # ①… under a paragraph that carries the mark ①: a footnote, no item
                self.cur = None
                continue
            if self.article is not None and self._in_article(info):
                continue
            if self.box is not None and self._in_box(info):
                continue
            if info.num is not None:
                self._numbered(info, nxt, k)
                continue
            if info.lost is not None:
                self._lost_bracket(info)
                continue
            if self._bare_heading(info, nxt):
                continue
            self._paragraph(info, k)
        if not self.closed:
            for t, c in self.pending:
                self._emit_task_rows(t, c)
        self._leaf_measures()
        self._finish()

    def _after_close(self, info: LineInfo, nxt: LineInfo | None = None) -> None:
        if self.signed and (info.annex or _APPENDIX_LINE.match(info.text)):
            # an attachment after the signature block (its 分工表, 申报指南 …)
            self.closed = self.signed = False
            self._open_annex(info, nxt)

    def _attachments(self, k: int, info: LineInfo, nxt: LineInfo | None) -> bool:
        """An attachment list after the body (``附表：`` over ``1、…指标表`` ``2、…分工表``; ``附件：1.… 2.…``
        on one line; a run of ``附件1：…`` ``附件2：…`` lines) lists attachment titles: no heading, no measure.
        What follows it is appendix: each attachment (``附表1`` / ``附件2：…``) a top section, whose lines
        are no measures when its title names a table, a list or a norm. True when the line is consumed."""
        t = info.text
        if self.attach_next is not None:
            num = _ATTACH_NUMBERED.match(t)
            n = re.match(r"^\D*(\d+)", t)
            if (_ATTACH_ITEM.match(t) or num) and n and int(n.group(1)) == self.attach_next:
                # the next title of the list, numbered in turn (a 1. after 附件：某县…配置标准 is its first line)
                self.announced.append(t)
                self.attach_next += 1
                return True
            self.attach_next = None
            self.mute = bool(self.announced) and all(_APPENDIX_MUTE.search(x.rstrip("。；;")) for x in self.announced)
            one, self.announced_one = self.announced_one, None
            if one is not None and not (info.annex or _ATTACH_NUMBERED.match(t) or _APPENDIX_LINE.match(t)):
                # 附件：某县…配置标准 over the attachment's own lines (no 附件1 line of its own): the label line
                # opens it, so that its headings nest under its title
                self._open_annex(one, None)
                return False
        if self.appendix:
            if info.annex or _ATTACH_NUMBERED.match(t) or _APPENDIX_LINE.match(t):
                self._open_annex(info, nxt)
                return True
            return False
        if self.early_attach_next is not None:
            n = re.match(r"^(\d{1,2})", t)
            if _ATTACH_ITEM.match(t) and n and int(n.group(1)) == self.early_attach_next:
                self.early_attach_next += 1     # 2. 某某分解表 after 附件：1. 某某分解表: a title of the list
                return True
            self.early_attach_next = None
        if info.line.start <= 0.3 * len(self.doc.text):
            # a notice's own list of attachments (the plan itself among them), before the plan: its later titles
            # (附件：1. X表 / 2. Y表) are no headings, but nothing is muted
            lab = _ATTACH_LABEL.match(t)
            if lab and re.match(r"^1\s*[、.．]", t[lab.end():]):
                self.early_attach_next = 2
            return False
        lab = _ATTACH_LABEL.match(t)
        rest = t[lab.end():] if lab else ""
        first = re.match(r"^\d{1,2}\s*[、.．]", rest)
        run = (_ATTACH_NUMBERED.match(t) and nxt is not None and _ATTACH_NUMBERED.match(nxt.text)
               and re.match(r"^\D*1\D", t) and re.match(r"^\D*2\D", nxt.text))
        if lab and not rest and nxt is not None and _ATTACH_ITEM.match(nxt.text):
            self.announced, self.attach_next = [], 1
        elif lab and first:
            self.announced = [x for x in re.split(r"\s*\d{1,2}\s*[、.．]\s*", rest) if x]
            self.attach_next = len(self.announced) + 1
        elif run:
            self.announced, self.attach_next = [t], 2
        elif _ATTACH_NUMBERED.match(t) and re.match(r"^\D*1\D", t) and info.line.start > 0.6 * len(self.doc.text):
            self._open_annex(info, nxt)     # 附表1：某市…主要指标表 over its rows, no list before it
            return True
        elif (lab and rest and not re.search(r"[。；！？]", rest) and len(rest) <= 60
              and (info.line.start > 0.6 * len(self.doc.text) or _APPENDIX_MUTE.search(rest))):
            self.announced, self.attach_next = [rest], 2      # 附件：某市…管理指引 (a list of one)
            self.announced_one = info
        else:
            return False
        self.appendix = True
        self.box = None
        self.article = None
        self.cur = None
        return True

    def _closes(self, k: int, info: LineInfo, nxt: LineInfo | None) -> bool:
        """Closing provisions, back matter or a signature block late in the text end the structure."""
        after = self.infos[k + 2] if k + 2 < len(self.infos) else None
        # a signature block followed by 附件/附表 (its 分工表 after the signature): closes wherever it stands
        annex_next = after is not None and (after.annex or bool(_APPENDIX_LINE.match(after.text)))
        signed = info.signature and nxt is not None and nxt.sign_date
        if info.line.start <= 0.6 * len(self.doc.text) and not (signed and annex_next):
            return False
        signature = signed and (annex_next or not any(x.num for x in self.infos[k + 2:k + 40]))
        if not (info.closing or signature):
            return False
        self.cur = None
        self.closed = True
        self.signed = not info.closing
        return True

    def _open_box(self, info: LineInfo) -> None:
        self.box = _Head(99, None, info.text, info.line)
        self.box_items = 0
        self.box_short = False
        self.box_line = info.line
        self.cur = None

    def _chapter_title_below(self, info: LineInfo, nxt: LineInfo | None) -> bool:
        """第一章 on a line of its own, its title on the next line."""
        nm = info.num_only
        if not (nm and nxt and nxt.bare and nxt.num is None):
            return False
        rank = "篇章节".index(nm.group(2))
        ln, nl = info.line, nxt.line
        self._open(rank, info.text, nxt.text, _Line(ln.idx, ln.start, nl.end, self.doc.text[ln.start:nl.end]))
        self.last_bare_rank = None
        self.cur = None
        self.box = None
        self.skip_next = True
        return True

    def _open_annex(self, info: LineInfo, nxt: LineInfo | None = None) -> None:
        """附件 / 附件2: an attachment starts; its headings nest under it. When its line or the title
        line after it names a table, a list or a norm (指标表, 任务清单, 技术导则), nothing in it is a
        measure (a task table's rows still are, from the table)."""
        self.box = None
        self.article = None
        self.appendix = True
        title = info.text + ("\n" + nxt.text if nxt is not None and nxt.num is None and len(nxt.text) <= 60 else "")
        # an attachment before the body (a notice's 附件 over the plan itself) is never muted
        self.mute = (self.heads_seen() and info.line.start > 0.3 * len(self.doc.text)
                     and bool(_APPENDIX_MUTE.search(title)))
        self._open(0, None, info.text, info.line)
        self.last_bare_rank = None
        self.cur = None

    def _in_article(self, info: LineInfo) -> bool:
        """Inside an article: its own text and enumerations (（一）…；（二）…) are its text."""
        if info.num is None or info.num[0] >= 3:
            if self.article == "measure" and self.cur is not None:
                self._extend(info.line)
            return True
        self.article = None
        return False

    def _in_box(self, info: LineInfo) -> bool:
        """A line inside a 专栏 box; False when the box ends here."""
        ln, t, num, lost = info.line, info.text, info.num, info.lost
        box = self.box
        assert box is not None          # the caller asks only inside a box
        if num is not None and num[0] >= 5:
            rank, raw, rest = num
            title, _ = _split_title(rest)
            self._new_measure(ln, _fmt_number(rank, raw), title, "box")
            self.box_items += 1
            return True
        if (num is None and lost is None and info.bare and not info.top_title
                and (self.box_items == 0 or self.box_short)):
            # a box listing its items as short lines (projects, programmes)
            self._new_measure(ln, None, t, "box")
            self.box_items += 1
            self.box_short = True
            self.cur = None
            return True
        if self.box_items == 0 and num is None and lost is None and not info.bare:
            # a box without numbered items: its title and text are one measure
            self._new_measure(ln, None, box.title, "box").start = self.box_line.start
            self.box_items += 1
            return True
        if (self.cur is not None and self.cur.kind == "box" and num is None and lost is None and not info.bare
                and self.box_items == 1 and self.cur.title == box.title):
            self._extend(ln)
            return True
        self.box = None
        self.cur = None
        return False

    def _first_item_below(self, k: int) -> LineInfo | None:
        """The first numbered line after line k when only untitled paragraphs stand between (an
        intro paragraph of a heading: its scope, a target sentence), else None."""
        for x in self.infos[k + 1:k + 4]:
            if x.num is not None:
                return x
            if (x.article or x.box_mark or x.lost_any or x.bare or x.annex
                    or _is_titled_paragraph(x.text) is not None):
                return None
        return None

    def _numbered(self, info: LineInfo, nxt: LineInfo | None, k: int = -1) -> None:
        ln = info.line
        assert info.num is not None     # the caller asks only for a numbered line
        rank, raw, rest = info.num
        above = [h for h in self.stack if h.rank < rank]
        if above:
            self.items_under.add(id(above[-1]))     # a heading with items below it (its siblings close)
        stage = self._stage_head()
        if stage is not None and rank > stage.rank:
            # 1.2024年8月底前，各区…梳理。 under （一）制定方案阶段（2024年8月—9月）: each sub-item of a stage is a
            # measure (the stage heading is their heading), due by the date it opens with, else the stage's period
            item_rank = self.stage_items.setdefault(id(stage), rank)
            if rank > item_rank and self.cur is not None:
                self._extend(ln)            # （1）… under one of them: its text
                return
            self._close_siblings(rank)
            if not self._measure_context():
                self.cur = None
                return
            due = _LEADING_DATE.match(rest)
            title = _split_title(rest[due.end():] if due and len(rest) > due.end() + 4 else rest)[0]
            m = self._new_measure(ln, _fmt_number(rank, raw), title, self._kind())
            m.deadline = due.group(1) if due else (_stage_period(stage.line.text))
            return
        if self._assigned_target(rest, nxt):
            # 1.地区生产总值增长6%左右。 + 责任单位：县发改局 under 一、主要预期目标 (a plan that breaks its
            # targets down to agencies): the target assigned to its agency is a measure
            self._close_siblings(rank)
            self._new_measure(ln, _fmt_number(rank, raw), _split_title(rest)[0], self._kind())
            return
        if self._target_statement(rest):
            # 1.到2027年，…达到… under 一、目标任务 (or after a 工作目标： label): a target, no measure
            self._close_siblings(rank)
            self.cur = None
            return
        self.goal_label = False
        below = self._first_item_below(k) if k >= 0 else None
        if self._clause_heading(info, nxt if nxt is not None and nxt.num is not None else below):
            return
        title, body = _split_title(rest)
        number = _fmt_number(rank, raw)
        if body.strip() and rest.rstrip().endswith(("：", ":")) and nxt is not None and nxt.num is not None \
                and nxt.num[0] > rank and title != rest:
            # （四）特殊激励情形。对以下情形给予…： over its own items 1. 2. …: the items are the
            # measures, the titled line that announces them is their heading
            self._open(rank, number, title, ln)
            self.last_bare_rank = None
            self.cur = None
            return
        if (body.strip() and title != rest and nxt is not None and nxt.num is not None and nxt.num[0] > rank
                and rank >= 3 and len(body) <= _HEAD_BODY and _TARGET_BODY.search(body)):
            # （一）创新平台提能行动。到2027年，新增…。 over its own items 1、2、: a block (专项行动) whose
            # run-in sentence states its target; the items are the measures, the line is their heading
            self._open(rank, number, title, ln)
            self.last_bare_rank = None
            self.cur = None
            return
        if body.strip():
            # item: a measure in measure context, else plain text. Headings of
            # its own rank or below are its earlier siblings, not its parents.
            self._close_siblings(rank)
            if self._measure_context() and not _FORMAL.match(rest):
                m = self._new_measure(ln, number, title, self._kind())
                if self._stage_section() and _STAGE_HEAD.search(title):
                    m.deadline = _stage_period(title)   # （一）动员部署阶段（2025年3月）。制定…
            else:
                self.cur = None
            return
        if _FORMAL.match(rest):
            # 三、本措施自印发之日起施行。 -- a closing provision, neither heading nor measure
            self._close_siblings(rank)
            self.cur = None
            return
        closes_list = nxt is None or (nxt.num is not None and nxt.num[0] <= rank)
        if (rank >= 5 and rest.rstrip().endswith(("；", ";"))) or (
                rank >= 3 and rest.rstrip().endswith("。") and closes_list):
            # 1.组织制定处置管理标准； -- one clause of a list of duties or tasks: an item, never
            # a heading (headings do not end with a semicolon); 3.办理申报手续。 followed by a
            # sibling or a higher heading (or nothing) is the list's last item, not an empty heading
            self._close_siblings(rank)
            if self._measure_context():
                self._new_measure(ln, number, title, self._kind())
            else:
                self.cur = None
            return
        nnum = nxt.num if nxt else None
        if (rank >= 3 and rest.rstrip().endswith("。") and self._measure_context() and nxt
                and not (nnum and nnum[0] > rank) and nxt.lost is None and not nxt.lost_any
                and not nxt.bare and not nxt.box_mark and not self._runin_titles_follow(nxt)):
            # 一、加大财政支持力度。 on a line of its own (若干措施) followed by text,
            # not by its own sub-items: a measure whose text is the paragraph after it
            self._close_siblings(rank)
            self._new_measure(ln, number, title, self._kind())
            self.fresh = True
            return
        self._open(rank, number, title, ln)
        self.last_bare_rank = None
        self.cur = None

    def _clause_heading(self, info: LineInfo, nxt: LineInfo | None) -> bool:
        """``（一）完善养老服务设施（牵头单位：A；配合单位：B）`` over its own items: a heading whose
        clause names the agencies of every item below it that names none of its own."""
        assert info.num is not None
        rank, raw, rest = info.num
        if nxt is None or nxt.num is None or nxt.num[0] <= rank:
            return False
        span = responsibility.find_clause(rest)
        if span is None or span[0] < 2 or rest[span[1]:].strip("。；; "):
            return False
        head = rest[:span[0]].rstrip()
        if not _is_bare_title(head):
            return False
        h = self._open(rank, _fmt_number(rank, raw), head, info.line)
        off = info.line.start + len(info.text) - len(rest)
        self.heading_clauses.append((_sec(h), off + span[0], off + span[1]))
        self.last_bare_rank = None
        self.cur = None
        return True

    def _runin_titles_follow(self, nxt: LineInfo) -> bool:
        """Is the text after a full-stopped title line a run of run-in titled paragraphs
        (``壮大区域经济实力。…`` twice or more)? Then the line heads them: a section whose
        measures they are, not a measure that swallows the first of them."""
        return (nxt.num is None and _is_titled_paragraph(nxt.text) is not None
                and self.run_titled.get(nxt.line.idx, 0) >= 2)

    def _lost_bracket(self, info: LineInfo) -> None:
        """``）发展回顾`` / ``十一）…``: a （一）-rank heading or item that lost its bracket (and number)."""
        ln, lost = info.line, info.lost
        assert lost is not None         # the caller asks only for a line that lost its bracket
        rank = 4
        raw = lost.group(1)
        number = f"（{raw}）" if raw else self._infer_number(rank)
        rest = info.text[lost.end():]
        title, body = _split_title(rest)
        if body.strip():
            self._close_siblings(rank)
            if self._measure_context():
                self._new_measure(ln, number, title, self._kind())
            return
        self._open(rank, number, title, ln)
        self.last_bare_rank = None
        self.cur = None

    def _bare_heading(self, info: LineInfo, nxt: LineInfo | None) -> bool:
        """A short unpunctuated line followed by text: a heading that lost its number."""
        if not (info.bare and nxt and (not nxt.bare or info.top_title) and self.heads_seen()):
            return False
        if info.top_title:
            rank = 3
        elif self.last_bare_rank is not None:
            rank = self.last_bare_rank
        else:
            rank = (self.stack[-1].rank + 1) if self.stack else 3
        self._open(rank, None, info.text, info.line)
        self.last_bare_rank = rank if not info.top_title else None
        self.cur = None
        return True

    def _paragraph(self, info: LineInfo, k: int = -1) -> None:
        ln, t = info.line, info.text
        if info.note:
            self.cur = None
            return
        if (not self.heads and not self.measures and _PREAMBLE.match(t)
                and any(x.num is not None for x in self.infos[k + 1:])):
            # a preamble before the first heading (2025年是…之年。总体要求是：…): no measure
            self.cur = None
            return
        stage = self._stage_head()
        if stage is not None and self.box is None and not _STAGE_LINE.match(t):
            if id(stage) in self.stage_items and self.cur is not None:
                self._extend(ln)            # a paragraph after one of the stage's sub-items: its text
                return
            self.leaf_paras.setdefault(id(stage), []).append(ln)     # the stage's text
            self.cur = None
            return
        if _label_line(t) and self.box is None:
            # 【责任单位】A、B / 责任单位：A、B on a line of its own: the measure above's, no measure
            if self.stack:
                self.sec_paras.setdefault(id(self.stack[-1]), []).append((ln, True))
            if self.cur is not None and self.cur.kind != "box":
                self._extend(ln)
            elif self.stack:
                self.leaf_paras.setdefault(id(self.stack[-1]), []).append(ln)
            return
        if self.stack and self.box is None:
            hid = id(self.stack[-1])
            if (_STAGE_LINE.match(t) or _GOAL_LABEL.match(t) or _duty_paragraph(t) or _DASH_ITEM.match(t)
                    or len(_ordinal_cuts(t)) >= 2 or len(t) >= _LONG_PARA):
                self.items_under.add(hid)
            else:
                self.sec_paras.setdefault(hid, []).append((ln, False))
        st = _STAGE_LINE.match(t)
        if st and self._stage_section() and self._measure_context() and self.box is None:
            # 第一阶段（2025年3月—6月）：启动部署。制定… -- one stage, one measure, titled by its name
            rest = t[st.end():]
            c = re.search(r"[。；，,（(]", rest)
            name = rest[:c.start()] if c else rest
            title = name if 2 <= len(name) <= _MAX_ENUM_TITLE else st.group(1)
            nxt = self.infos[k + 1] if 0 <= k < len(self.infos) - 1 else None
            if not re.search(r"[。；]", rest) and nxt is not None and nxt.num is not None:
                # 第一阶段：摸底调查（2025年6月） over 1. 2.: the stage's heading, its items its measures
                top = self._stage_head()
                heads = [h for h in self.stack if h.rank != 99]
                rank = top.rank if top is not None else (heads[-1].rank + 1) if heads else 3
                h = self._open(rank, st.group(1), title, ln)
                self.stage_heads.add(id(h))
                self.cur = None
                return
            m = self._new_measure(ln, st.group(1), title, self._kind())
            m.deadline = _stage_period(t[:st.end() + len(name) + 20])
            return
        if _GOAL_LABEL.match(t):
            # 工作目标： on a line of its own: the numbered target statements after it are targets
            self.goal_label = True
            self.cur = None
            return
        if self._target_statement(t) and self.cur is None:
            return
        duty = _duty_paragraph(t)
        if (duty and self._measure_context() and self.box is None
                and any(0 <= j < len(self.infos) and _duty_paragraph(self.infos[j].text) for j in (k - 1, k + 1))):
            # 市发展改革委：负责… 市财政局：负责… -- a list of duty paragraphs (two or more in a row): each a
            # measure titled by the agency that leads it (a single one is text of its heading's measure)
            m = self._new_measure(ln, None, duty, self._kind())
            names = duty.split("、")
            if len(names) > 1:          # 市体育局、市教育局：负责… -- each body leads
                m.responsibility = responsibility.Responsibility(raw=duty, lead=names, involved=[], start=ln.start,
                                                                 end=ln.start + len(duty), inline=True)
            return
        dash = _DASH_ITEM.match(t)
        if (dash and (self.cur is None or self.cur is self.dash_cur) and self._measure_context()
                and self.box is None and self.stack):
            # ——完善…机制，每年…。 directly under a heading: one item of a dash list, a measure
            body = t[dash.end():]
            self.dash_cur = self._new_measure(ln, None, _is_titled_paragraph(body) or _derived_title(body),
                                              self._kind())
            return
        if (self.para_mode.get(ln.idx) and self.cur is None and self.box is None and self.stack
                and _is_titled_paragraph(t) is None and self._intro_paragraph(k)):
            # 县城是…的重要载体，要…。 opening a run of titled paragraphs: the heading's intro, no measure
            return
        if self.fresh and self.cur is not None:
            # its text: the paragraph after it, and those after that unless they are
            # titled measures of their own (a run of 标题。正文 paragraphs)
            if "\n" not in self.doc.text[self.cur.start:self.cur.end] or not self.para_mode.get(ln.idx):
                self._extend(ln)
                return
            self.fresh = False
        if len(t) >= _LONG_PARA and self._measure_context() and self.box is None:
            cuts = _inline_titles(t)
            if len(cuts) >= 3:
                self._inline_measures(ln, cuts)
                return
        ordinals = _ordinal_cuts(t)
        if len(ordinals) >= 2 and self._measure_context() and self.box is None:
            # 一是…。二是…。三是…: run-in items of one paragraph, each a measure
            bounds = [0] + [c[0] for c in ordinals[1:]] + [len(t)]
            for (_off, number, title), a, b in zip(ordinals, bounds, bounds[1:]):
                seg = _Line(ln.idx, ln.start + a, ln.start + b, t[a:b])
                self._new_measure(seg, number, title, self._kind())
            self.cur = None
            return
        tp = _is_titled_paragraph(t)
        if tp and self._measure_context():
            ordinal = _ORDINAL_ITEM.match(tp)
            # 一是引导连锁企业下沉。…: the ordinal numbers the item; the title is what follows it
            title = tp[ordinal.end():] if ordinal and len(tp) > ordinal.end() + 1 else tp
            self._new_measure(ln, ordinal.group(1) if ordinal else None, title, self._kind())
            return
        if self.para_mode.get(ln.idx) and self._measure_context() and self.box is None:
            self._new_measure(ln, None, _derived_title(t), self._kind())
            return
        if self.cur is not None and self.cur.kind != "box":
            self._extend(ln)
            return
        if self.stack:
            self.leaf_paras.setdefault(id(self.stack[-1]), []).append(ln)

    def _intro_paragraph(self, k: int) -> bool:
        """Is the untitled paragraph k the first under its heading, followed by two or more titled
        paragraphs (the run's measures), and does its first sentence read as a statement (a comma in
        it, or longer than a title, not opening with a task verb), not as a measure whose title lost
        its full stop (优化…分工，根据…)?"""
        if k <= 0 or self.infos[k - 1].text != self.stack[-1].line.text:
            return False
        titled = 0
        for x in self.infos[k + 1:k + 3]:
            if x.num is not None or x.bare or x.box_mark or _is_titled_paragraph(x.text) is None:
                break
            titled += 1
        t = self.infos[k].text
        return titled >= 2 and bool(re.match(r"^[^。；]*[，,]|^[^。；]{31}", t)) and not _TASK_VERB.match(t)

    def _footnote(self, k: int) -> bool:
        """Is line k (``①…``) a footnote: the nearest paragraph above it, with only other
        footnotes between, carries the same mark inside its text (``总部企业①，…``)?"""
        mark = self.lines[k].text[0]
        for x in reversed(self.lines[max(0, k - 6):k]):
            if mark in x.text[1:]:
                return True
            if not re.match(r"^[①-⑳]", x.text):
                return False
        return False

    def _article(self, ln: _Line, art: re.Match) -> None:
        """``第五条 …``: one measure (number 第五条) in the chapters' section, unless it
        is a formal clause (purpose, scope, definition, interpretation, entry into force)
        or stands in a non-measure context; its (一)(二) enumerations are its text."""
        self.box = None
        self._close_siblings(3)
        rest = ln.text[art.end():]
        self.last_bare_rank = None
        if not rest or _FORMAL.match(rest) or _CLOSING.match(rest) or not self._measure_context():
            self.article = "skip"
            self.cur = None
            return
        self._new_measure(ln, f"第{art.group(1)}条", _article_title(rest), self._kind())
        self.article = "measure"

    def _inline_measures(self, ln: _Line, cuts: list[tuple[int, str]]) -> None:
        """A paragraph that swallowed its line breaks (a preview site's text, pages
        joined): split it at its inline titles, each starting a measure."""
        bounds = [c[0] for c in cuts] + [len(ln.text)]
        for (off, title), end in zip(cuts, bounds[1:]):
            seg = _Line(ln.idx, ln.start + off, ln.start + end, ln.text[off:end])
            self._new_measure(seg, None, title, self._kind())
        self.cur = None

    def heads_seen(self) -> bool:
        return bool(self.heads) or bool(self.measures)

    def _paragraph_measures(self) -> set[int]:
        """A leaf section (a heading with no sub-headings or items) holding two or more body paragraphs that
        each open with a run-in title or an action (``开展租赁住房登记备案工作。…``, ``强化租赁房源统筹，…``,
        ``进一步发挥…的作用，…``): one measure per paragraph, titled by its run-in title or first clause. An
        untitled statement paragraph opening the run is its intro (no measure); a paragraph that opens with
        neither, and a responsibility label line, belong to the paragraph above. The headings so handled."""
        done: set[int] = set()
        for h in self.heads:
            hid = id(h)
            if (h.children or h.rank == 99 or hid in self.items_under or hid in self.muted_heads
                    or hid in self.stage_seen or hid in self.stage_heads or hid not in self.sec_paras):
                continue
            rows = self.sec_paras[hid]
            if sum(1 for _, lab in rows if not lab) < 2:
                continue
            sec = _sec(h)
            if _non_measure_path(sec.path):
                continue
            groups: list[list[_Line]] = []
            for i, (ln, lab) in enumerate(rows):
                if not lab and (_is_titled_paragraph(ln.text) is not None or _action_paragraph(ln.text)):
                    groups.append([ln])
                elif groups:
                    groups[-1].append(ln)
                elif lab or i > 0:
                    groups = []
                    break               # text before the first measure that is no intro: leave the section be
            if len(groups) < 2:
                continue
            a, b = rows[0][0].start, rows[-1][0].end
            starts = {ln.start for ln, _ in rows}
            old = [m for m in self.measures if m.kind != "box" and a <= m.start <= b]
            if any(m.start not in starts for m in old):
                continue                # split otherwise (run-in items): keep those measures
            self.measures = [m for m in self.measures if not any(m is o for o in old)]
            kind = "safeguard" if any(_SAFEGUARD.match(x) for x in sec.path) else "measure"
            for g in groups:
                t = g[0].text
                title = _is_titled_paragraph(t) or _derived_title(t)
                ordinal = _ORDINAL_ITEM.match(title)
                if ordinal and len(title) > ordinal.end() + 1:
                    title = title[ordinal.end():]   # 一是引导连锁企业下沉。…: the ordinal numbers the item
                self.measures.append(Measure(id="", title=title,
                                             text=self.doc.text[g[0].start:g[-1].end], section_path=list(sec.path),
                                             start=g[0].start, end=g[-1].end,
                                             number=ordinal.group(1) if ordinal else None, kind=kind))
            done.add(hid)
        return done

    def _leaf_measures(self) -> None:
        """Leaf sections of untitled paragraphs in measure context become one measure."""
        split = self._paragraph_measures()
        has_measure = set()
        for m in self.measures:
            if m.kind != "box":     # a 专栏 under the section is no measure of the section's own text
                has_measure.add(tuple(m.section_path))
        for h in self.heads:
            if h.children or id(h) not in self.leaf_paras or id(h) in self.muted_heads or id(h) in split:
                continue
            sec = _sec(h)
            if tuple(sec.path) in has_measure:
                continue
            path_titles = sec.path
            if _non_measure_path(path_titles):
                continue
            paras = self.leaf_paras[id(h)]
            if all(_boilerplate_paragraph(x.text) for x in paras):
                continue     # 各级各部门要高度重视… / 具体任务见附件: a charge to placeholders or a pointer, no measure
            kind = "safeguard" if any(_SAFEGUARD.match(x) for x in path_titles) else "measure"
            if len(paras) >= 2 and all(_TASK_VERB.match(x.text) and len(_derived_title(x.text)) <= _MAX_ENUM_TITLE
                                       for x in paras):
                # 加强组织领导，建立…。 / 强化监测评估，开展…。: paragraphs each opening with its own action
                for x in paras:
                    self.measures.append(Measure(id="", title=_derived_title(x.text), text=x.text,
                                                 section_path=list(path_titles), start=x.start, end=x.end,
                                                 number=None, kind=kind))
                continue
            start, end = h.line.start, paras[-1].end
            m = Measure(id="", title=h.title, text=self.doc.text[start:end],
                        section_path=path_titles[:-1] + [h.title], start=start, end=end, number=h.number, kind=kind)
            if id(h) in self.stage_seen:
                m.deadline = _stage_period(h.line.text)     # 动员部署阶段（2025年4月）: the stage's period
            self.measures.append(m)

    def _finish(self) -> None:
        doc = self.doc
        # section ends: up to the next section of the same or higher level
        secs = doc.sections
        text_end = len(doc.text)
        open_secs: list[Section] = []
        for s2 in secs:
            while open_secs and open_secs[-1].level >= s2.level:
                s = open_secs.pop()
                s.end = max(s.start, s2.start - 1)
            open_secs.append(s2)
        for s in open_secs:
            s.end = max(s.start, text_end)
        self.measures.sort(key=lambda m: m.start)
        cut = self.notice_end
        if cut is not None and any(m.start > cut for m in self.measures):
            self.measures = [m for m in self.measures if m.start > cut]
        counts: dict[str, int] = {}
        for m in self.measures:
            prefix = {"measure": "m", "safeguard": "g", "box": "b"}[m.kind]
            counts[prefix] = counts.get(prefix, 0) + 1
            m.id = f"{prefix}-{counts[prefix]}"
            m.text = doc.text[m.start:m.end]
            span = responsibility.find_clause(m.text) if m.responsibility is None else None
            if span:
                raw = m.text[span[0]:span[1]]
                m.responsibility = responsibility.parse(raw, m.start + span[0])
                if raw[:1] in responsibility.OPENERS:
                    _merge_earlier_clauses(m, span)
            if m.responsibility is None:
                m.responsibility = _heading_agency(doc, m) or _inline_agency(doc, m)
            if m.responsibility is not None and m.deadline is None:
                m.deadline = m.responsibility.deadline
        for sec, a, b in self.heading_clauses:
            for m in self.measures:
                if m.responsibility is None and sec.start < m.start <= sec.end:
                    m.responsibility = responsibility.parse(doc.text[a:b], a)
                    if m.deadline is None:
                        m.deadline = m.responsibility.deadline
        _share_closing_clauses(doc.text, self.measures)
        doc.measures = self.measures


def _boilerplate_paragraph(text: str) -> bool:
    """A paragraph that gives nobody a task of its own: it points to where the tasks are (``…具体任务见附件。``:
    lexicon structure_pointer_phrases), or its first sentence charges placeholders (``各级各部门要高度重视…``,
    ``各镇（街道）、区级各部门要加强组织领导…``): the subject before the first modal (lexicon
    structure_exhortation_modals) is placeholders and generic local governments only, one placeholder at least."""
    t = text.strip()
    if _POINTER.search(t):
        return True
    first = re.split(r"[。；;]", t, maxsplit=1)[0]
    m = _EXHORT_MODAL.search(first)
    if m is None or m.start() < 2 or re.search(r"[，,：:]", first[:m.start()]):
        return False
    names = [n.strip() for n in responsibility.split_top(first[:m.start()], "、和及与")]
    if not names or not all(responsibility.is_placeholder(n) or responsibility.generic_local_government(n)
                            for n in names):
        return False
    return any(responsibility.is_placeholder(n) for n in names)


_SUB_ITEM = re.compile(r"^\s*(?:[①-⑳]|[（(]\d{1,2}[）)])")


def _share_closing_clauses(text: str, measures: list[Measure]) -> None:
    """A bracketed clause on a line of its own after a run of sub-items (``（1）…`` ``（2）…``
    ``（3）…`` then ``（责任单位：A、B）``) names the agencies of the whole run: the items of the
    same section before it that have no clause of their own get it too; so does a bare sentence of
    bodies on its line (``①…`` ``②…`` then ``A、B、C按职责分工负责。``) after sub-items."""
    for k, m in enumerate(measures):
        r = m.responsibility
        if r is None or r.inline or not r.raw:
            continue
        bracketed = (r.raw[0] in responsibility.OPENERS
                     and r.raw.rstrip("。；; ").endswith(responsibility.OPENERS[r.raw[0]]))
        if not bracketed and (re.search(r"[：:】]", r.raw) or not _SUB_ITEM.match(m.text)):
            continue                    # 【责任单位】A、B (a label, not a bracketed clause): its own measure's; a
            # bare sentence (A、B按职责分工负责。) on a line of its own closes a run of sub-items (①… ②…) only
        ls = text.rfind("\n", 0, r.start) + 1
        le = text.find("\n", r.end)
        le = len(text) if le < 0 else le
        if ls <= m.start or text[ls:le].strip().rstrip("。；;") != r.raw.strip():
            continue                    # not a line of its own after the item's text
        run = []
        for p in reversed(measures[:k]):
            if p.section_path != m.section_path or p.kind != m.kind:
                break
            run.append(p)
        if not run or any(p.responsibility is not None for p in run):
            continue
        for p in run:
            p.responsibility = dataclasses.replace(r, lead=list(r.lead), involved=list(r.involved))
            if p.deadline is None:
                p.deadline = r.deadline


def _merge_earlier_clauses(m: Measure, span: tuple[int, int]) -> None:
    """…清单（市审批服务局负责），…收费（市发展改革委负责）: clauses after sub-tasks earlier in the item's text name
    bodies too; in text order, the first clause's lead leads and every other body is involved."""
    spans = responsibility.earlier_clauses(m.text, span)
    r = m.responsibility
    if not spans or r is None:
        return
    parts = [responsibility.parse(m.text[a:b], m.start + a) for a, b in spans] + [r]
    lead = list(parts[0].lead)
    involved = [n for p in parts for n in (p.involved if p is parts[0] else p.lead + p.involved)]
    r.lead = lead
    r.involved = list(dict.fromkeys(n for n in involved if n not in lead))
    r.start, r.raw = m.start + spans[0][0], m.text[spans[0][0]:span[1]]


def _heading_agency(doc: ParsedDocument, m: Measure):
    """A duty list under an agency heading (``（一）区绿化市容局`` + ``1.负责…；``), or an item titled
    by an agency (``（二）区财政局：负责…``), or a group heading naming a lead (``（一）县经济开发区管委会牵头工作
    （3项）``, any level above the item): that agency leads the measure, when it has no clause of its own and
    the name is one of a known function."""
    candidates = [m.title] + ([m.section_path[-1]] if m.section_path else [])
    for title in reversed(m.section_path or []):
        # （一）县经济开发区管委会牵头工作（3项）: the group's lead leads each of its items
        roles = responsibility.heading_roles(title)
        secs = [s for s in doc.sections if s.title == title and s.start <= m.start] if roles else []
        if roles and secs:
            a = doc.text.find(title, secs[-1].start, secs[-1].end)
            if a >= 0:
                return responsibility.Responsibility(raw=title, lead=roles[0], involved=roles[1], start=a,
                                                     end=a + len(title), inline=True)
    for name in candidates:
        name = name.strip()
        if not (2 < len(name) <= 30 and responsibility.is_agency_name(name)) or responsibility.is_placeholder(name):
            continue
        if responsibility.names_a_role(name) or "的" in name or re.search(r"[，。；：:,;、]", name):
            continue    # a sentence (街道城运中心牵头将…告知物业企业), not a name
        if name == m.title and _ACTION_PARA.match(name):
            continue    # 推进一网通办 / 推行帮办代办: a task title that ends like a body, not a body
        region = doc.meta.region.name if doc.meta and doc.meta.region else ""
        own = bool(region) and (name.startswith(region) or name.startswith(region[:-1]) or name[0] in "省市区县")
        if (responsibility.function_of(name) is None and responsibility.generic_local_government(name) is None
                and not own):
            continue    # 物业服务企业 / 建设单位: actors, not government bodies
        if name == m.title:
            a = doc.text.find(name, m.start, m.end)
        else:
            secs = [s for s in doc.sections if s.title == name and s.start <= m.start]
            a = doc.text.find(name, secs[-1].start, secs[-1].end) if secs else -1
        if a < 0:
            continue
        return responsibility.Responsibility(raw=name, lead=[name], involved=[], start=a, end=a + len(name),
                                             inline=True)
    return None


def _inline_agency(doc: ParsedDocument, m: Measure):
    """由A牵头，B配合 / A、B负责… written in the measure's own sentences."""
    hit = responsibility.inline(m.text)
    if hit is None:
        return None
    lead, involved, a, b = hit
    return responsibility.Responsibility(raw=m.text[a:b], lead=lead, involved=involved,
                                         start=m.start + a, end=m.start + b, inline=True)
