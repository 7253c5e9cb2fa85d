"""Year scope: which year a statement's amount is for, and why (``year_source``).

Sources, in the order they win:

* ``sentence``     -- a year phrase earlier in the same sentence (到2025年底，X达到N; 2030年X达到N).
* ``block``        -- the lead of the paragraph or of the block the sentence sits in: a paragraph led by
                      到2030年 / 至2035年 / 到“十五五”末 governs its sentences, and a lead paragraph ending in
                      a colon (or a heading naming a year) governs the paragraphs after it in its section;
                      the review of the last period (发展基础 sections, “十四五”以来) is for that period's end.
* ``table_header`` -- the year of the table column the value sits in (set by the table step).
* ``plan_period``  -- the plan's own end year, for goals that state none (a plan's goals are for its end).
* ``none``         -- yearly quantities (每年), norms and undated statements of plans without a period.

A phrase naming the whole plan period (规划期内, 到规划期末, 方案实施期内, “十五五”时期 in a 2026–2030 plan,
未来五年 in a five-year plan; lexicons year_plan_period_phrases and year_plan_span_forms) is a year phrase for
the plan's end: written after an earlier deadline (到2027年底前…。规划期内，…) it resets the scope, so that
the figures after it are for the plan's end. An earlier period named as a span (“十四五”期间, “十四五”以来 in
a 2026–2030 plan) governs as that period's end year (its figures are historic).

Undirected spans (五年间, 五年累计: year_plan_span_forms_unmarked) count as the plan's only when the scope before
them is not an earlier period; 上一规划期内 / 过去五年 (year_plan_period_not_after) are never the plan's. In a
plan whose period lies ahead, a past year of an earlier clause gives way to the plan's end for an amount of
aiming (力争, 提高到: year_goal_clause_words; ontology/mapping/targets.py).

Baseline years (由2020年的…, 比2020年, 较2020年, the plan's 基期为2025年) never govern. Five-year periods are
written 十N五 (“十四五”: 2021–2025); :func:`period_end` turns them into years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ontology import vocab
from ontology.mapping.quantity import cn_number
from ontology.mapping.text import Span


def _lex(name: str) -> str:
    return vocab.lexicon_regex(name)


_DIGIT = "[一二三四五六七八九]"
YEAR_RE = re.compile(rf"(?:(?:{_lex('year_prepositions')})\s*)?((?:19|20)\d\d)\s*年(?!版)"
                     rf"(?:{_lex('year_suffixes')}){{0,2}}")
PERIOD_RE = re.compile(rf"“?十({_DIGIT})五”?\s*({_lex('year_period_suffixes')})?")
_LEAD = re.compile(rf"^[^，。；：,;:]{{0,12}}?(?:{_lex('target_governing_lead')})\s*"
                   rf"(?:((?:19|20)\d\d)\s*年(?:底|末)?|“?十({_DIGIT})五”?\s*(?:{_lex('year_period_end_forms')}))")
_BASELINE_MARK = vocab.lexicon("year_baseline_marks")


def _mark_before(text: str, at: int) -> str:
    """The character before ``at``, over the spaces a PDF conversion puts around numbers (较 2016 年)."""
    k = at
    while k > 0 and text[k - 1] in " \t\u3000\u00a0":
        k -= 1
    return text[k - 1:k] if k else ""
_BASELINE_AFTER = re.compile(rf"\s*(?:{_lex('year_baseline_after')})")
_BASE_YEAR_BEFORE = re.compile(rf"(?:{_lex('year_baseline_before')})\s*$")
# 一是2027年…: a list item, not 是2010年的2倍
_ENUMERATED_SHI = re.compile(r"(?:^|[。；;：:，,\s])[一二三四五六七八九十]{1,2}是$")


_START_AFTER = re.compile(rf"\s*(?:{_lex('year_start_marks')})")
_SPAN_AFTER = re.compile(rf"\s*[，,]?\s*(?:连续)?\s*(\d{{1,2}}|[一二三四五六七八九十])\s*年"
                         rf"(?:{_lex('year_start_span_endings')})")
_CUTOFF = re.compile(rf"\d{{1,2}}月(?:\d{{1,2}}日)?(?:{_lex('year_cutoff_after')})[\u4e00-\u9fff]{{1,4}}的"
                     r"|(?:以前|前)[\u4e00-\u9fff]{1,4}的")
_CUTOFF_AFTER_FRONT = re.compile(r"[\u4e00-\u9fff]{1,4}的")


@dataclass(frozen=True)
class YearScope:
    year: int | None
    source: str  # sentence | block | table_header | plan_period | none
    at: int | None = None  # document offset of the year phrase (sentence, block)


NONE = YearScope(None, "none")


def period_end(numeral: str) -> int | None:
    """十四五 -> 2025 (the 14th five-year plan, 2021-2025)."""
    n = cn_number(numeral)
    return None if n is None else int(1955 + 5 * (10 + n))


Period = tuple[int | None, int | None]
_PLAN_PERIOD = re.compile(_lex("year_plan_period_phrases"))
_SPAN_NUMBER = r"([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})"


def _span_forms(name: str) -> re.Pattern:
    forms = [line[3:] if line.startswith("re:") else re.escape(line) for line in vocab.lexicon(name)]
    return re.compile("|".join(f"(?:{f.replace('N', _SPAN_NUMBER, 1)})" for f in forms))


_PLAN_SPAN = _span_forms("year_plan_span_forms")
_UNMARKED_SPAN = _span_forms("year_plan_span_forms_unmarked")


def _span_years(m: re.Match) -> int | None:
    raw = next((g for g in m.groups() if g), None)
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    n = cn_number(raw)
    return int(n) if n is not None else None


_NOT_THIS_PLAN = re.compile(rf"(?:{_lex('year_plan_period_not_after')})$")


def plan_period_phrases(text: str, upto: int, period: Period, unmarked: bool = False) -> list[tuple[int, int | None]]:
    """(position, year) of every phrase in text[:upto] naming the plan's whole period: the plan's end year
    (None when the plan states no period). 上一规划期内, 过去五年 (year_plan_period_not_after) are not this plan's.
    ``unmarked``: the spans without a direction (五年累计) instead, which the caller weighs by what precedes them."""
    start, end = period
    if unmarked:
        found = [m for m in _UNMARKED_SPAN.finditer(text, 0, max(0, upto))
                 if start and end and _span_years(m) == end - start + 1]
    else:
        found = list(_PLAN_PERIOD.finditer(text, 0, max(0, upto)))
        if start and end:
            found += [m for m in _PLAN_SPAN.finditer(text, 0, max(0, upto)) if _span_years(m) == end - start + 1]
    return [(m.start(), end) for m in found if not _NOT_THIS_PLAN.search(text, 0, m.start())]


def names_plan_period(text: str, period: Period) -> bool:
    """Whether ``text`` names the plan's own period (规划期内, 未来五年, “十五五”时期 in a 2026–2030 plan): its
    statements are goals for the plan's end."""
    if plan_period_phrases(text, len(text), period):
        return True
    return bool(period[1]) and any(period_end(m.group(1)) == period[1] and m.group(2)
                                   and _mark_before(text, m.start()) not in _BASELINE_MARK
                                   and not _BASELINE_AFTER.match(text, m.end())
                                   for m in PERIOD_RE.finditer(text))


def names_plan_span(text: str, period: Period) -> bool:
    """Whether ``text`` writes the plan's own span without a direction (三年累计完成 in a 2026–2028 plan) where no
    earlier period precedes it: its statements are goals for the plan's end, 累计完成 notwithstanding."""
    spans = plan_period_phrases(text, len(text), period, unmarked=True)
    return bool(spans) and any(p in _phrases(text, len(text), period) for p in spans)


def _phrases(text: str, upto: int, period: Period = (None, None)) -> list[tuple[int, int | None]]:
    """(position, year) of every governing year phrase in text[:upto]: YYYY年, 十N五末, and the phrases of the
    plan's own period (see the module docstring)."""
    out: list[tuple[int, int | None]] = []
    for m in YEAR_RE.finditer(text, 0, max(0, upto)):
        st = _START_AFTER.match(text, m.end())
        if m.group(0).startswith(("从", "自")) or st:
            # 2023年起3年内 / 自2023年起连续3年: the start year dates nothing; a span after it ends N-1 years later
            sp = _SPAN_AFTER.match(text, st.end() if st else m.end())
            n = (int(sp.group(1)) if sp.group(1).isdigit() else cn_number(sp.group(1))) if sp else None
            if n and 1 <= n <= 20 and sp and sp.end() <= upto:
                out.append((m.start(), int(m.group(1)) + int(n) - 1))
            continue
        if (_mark_before(text, m.start()) in _BASELINE_MARK
                                                  and not _ENUMERATED_SHI.search(text, 0, m.start())) \
                or _BASELINE_AFTER.match(text, m.end()) or _BASE_YEAR_BEFORE.search(text, 0, m.start()):
            continue  # 由2020年的…, 与2025年相比, 基期为2025年: a baseline
        if _CUTOFF.match(text, m.end()) or (m.group(0).endswith("前") and _CUTOFF_AFTER_FRONT.match(text, m.end())):
            continue  # 2000年底前建成的小区: a cutoff of which objects, not the year of the statement
        out.append((m.start(), int(m.group(1))))
    for m in PERIOD_RE.finditer(text, 0, max(0, upto)):
        if _mark_before(text, m.start()) in _BASELINE_MARK or _BASELINE_AFTER.match(text, m.end()):
            continue
        y = period_end(m.group(1))
        if not y:
            continue
        if m.group(2) in vocab.lexicon("year_period_end_forms"):
            out.append((m.start(), y))
        elif period[0] and m.group(2) in vocab.lexicon("year_prior_period_forms") and (
                y == period[1] or y <= period[0]):
            # “十五五”时期 in a 2026–2030 plan; “十四五”期间 there (or in a 2025–2027 plan, which starts in the
            # earlier period's last year): 2025
            out.append((m.start(), y))
    out += plan_period_phrases(text, upto, period)
    out.sort(key=lambda p: p[0])
    for at, y in plan_period_phrases(text, upto, period, unmarked=True):
        # 五年累计 after “十四五”时期 (or 2025年) in a 2026–2030 plan is that period's span
        earlier = [py for pa, py in out if pa < at]
        if not earlier or earlier[-1] is None or not period[0] or earlier[-1] >= period[0]:
            out.append((at, y))
    out.sort(key=lambda p: p[0])
    return out


def governing(context: Span, sent: Span, pos: int, period: Period = (None, None)) -> YearScope:
    """The last year phrase before document offset ``pos`` in the paragraph ``context``: ``sentence`` when it
    is inside ``sent``, ``block`` when the paragraph's earlier sentences state it. ``period`` is the plan's
    (start, end): a phrase naming the plan's period governs as its end year."""
    upto = pos - context.start
    # a year written after 其中 (建成80个，其中2024年建成30个；…) dates its own clause only
    found = [(at, y) for at, y in _phrases(context.text, upto, period)
             if not (context.text[max(0, at - 3):at].endswith(("其中", "其中，"))
                     and re.search(r"[；;]", context.text[at:upto]))]
    if not found:
        return NONE
    at, year = found[-1]
    if year is None:
        return NONE  # 规划期内 in a plan that states no period: the earlier deadline no longer governs
    return YearScope(year, "sentence" if context.start + at >= sent.start else "block", context.start + at)


_DEADLINE = re.compile(rf"(?:{_lex('year_deadline_labels')})\s*[:：]\s*((?:19|20)\d\d)\s*年")


def deadline_year(context: Span, pos: int, period: Period = (None, None)) -> YearScope:
    """改造提升老旧公园25座。（责任单位：…；完成时限：2027年12月）: the deadline label after the figure in its
    paragraph (lexicon year_deadline_labels), a year inside the plan's period; NONE where there is none."""
    m = _DEADLINE.search(context.text, max(0, pos - context.start))
    if not m:
        return NONE
    y = int(m.group(1))
    if period[0] and period[1] and not period[0] <= y <= period[1]:
        return NONE
    return YearScope(y, "block", context.start + m.start(1))


_PERIOD_LEAD = re.compile(rf"^[^，。；：,;:]{{0,12}}?(?:(?:{_lex('target_governing_lead')})\s*)?"
                          rf"(?:{_lex('year_plan_period_phrases')})")


def lead_year(paragraph: str, period: Period = (None, None)) -> int | None:
    """到2030年，… / 至2035年，… / 到“十五五”末，… at the head of a paragraph: the year it leads with; 到规划期末，…
    / 规划期内，… leads with the plan's end year (``period``: the plan's start and end)."""
    m = _LEAD.match(paragraph.strip())
    if not m:
        pm = _PERIOD_LEAD.match(paragraph.strip())
        if pm and period[1] and plan_period_phrases(pm.group(0), pm.end(), period):
            return period[1]  # (not 上一规划期内: year_plan_period_not_after)
        return None
    return int(m.group(1)) if m.group(1) else period_end(m.group(2))


def prior_period_end(text: str, period_start: int | None) -> int | None:
    """A sentence about an earlier plan period (“十四五”以来, “十三五”期间, 十四五时期 in a 2026-2030 plan, or in
    a 2025–2027 plan, which starts in that period's last year): that period's end year."""
    for m in PERIOD_RE.finditer(text):
        if _mark_before(text, m.start()) in _BASELINE_MARK:
            continue  # 较“十三五”末提高41.3%: a baseline, not the figure's own period
        y = period_end(m.group(1))
        if y and (period_start is None or y <= period_start) and (m.group(2) in vocab.lexicon("year_prior_period_forms")
                                                                 or period_start):
            return y
    return None


def previous_period_end(period_start: int | None) -> int | None:
    return period_start - 1 if period_start else None


_TERM = _lex("year_plan_terms")
_TERM_DEF = re.compile(rf"({_TERM})\s*(?:规划)?(?:期限)?\s*(?:为|是|[:：]|[（(])?\s*"
                       rf"(?:(?:19|20)\d\d\s*年?\s*[-－—–~～至到]{{1,2}}\s*)?(?:至|到)?\s*((?:19|20)\d\d)\s*年")


def term_years(text: str) -> dict[str, int]:
    """The end year of each term the plan defines (近期为2026—2030年, 远期（2031—2035年）, 近期至2030年: lexicon
    year_plan_terms), the first definition of each."""
    out: dict[str, int] = {}
    for m in _TERM_DEF.finditer(text):
        out.setdefault(m.group(1), int(m.group(2)))
    return out


def term_lead(text: str, terms: dict[str, int]) -> int | None:
    """The year of a defined term that ``text`` opens with (近期规划新建养老机构12家; a heading 第五章 近期建设项目,
    its number skipped), unless the text states a year of its own right after it (近期目标（至2030年）)."""
    m = re.match(rf"^\s*(?:第[一二三四五六七八九十\d]+[章节篇部分条]|[一二三四五六七八九十]+\s*[、.．]"
                 rf"|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[、.．])?\s*({_TERM})", text)
    return terms.get(m.group(1)) if m else None
