"""Quantitative statements -> targets: value, range, unit, comparator, year, kind, indicator.

Plans state goals, baselines, historic figures, standards and coverage goals in a small
set of sentence shapes (到2025年，X达到N单位以上; 建设N个以上Y; X由A提高到B; 每百户N平方米).
Extraction works clause by clause so that a year stated once at the head of a sentence
governs every clause of it, and rejects numbers that are not quantities: years, dates,
document and section numbers, ages and minutes inside indicator names (3岁以下婴幼儿,
15分钟生活圈), codes like 5G or “1+N”, and bare numbers without a unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ontology import vocab
from ontology.mapping import naming, target_kind, year_scope
from ontology.mapping.quantity import Quantity, scan
from ontology.mapping.text import Span, clauses, sentences
from ontology.mapping.units import to_float
from ontology.mapping.year_scope import YEAR_RE

NUM = r"\d+(?:\.\d+)?"
RANGE_SEP = r"[—\-–~～至到]{1,2}"


@dataclass
class TargetFact:
    """One extracted quantitative (or qualitative goal) statement, before it becomes nodes."""
    indicator_text: str
    value: float | None
    unit: str | None
    comparator: str | None
    kind: str
    quote: Span
    value_max: float | None = None
    year: int | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None
    attribute: str | None = None
    change_type: str | None = None
    year_source: str = "none"
    extra: dict = field(default_factory=dict)


def _lex(name: str) -> str:
    return vocab.lexicon_regex(name)


_GOVERNING_YEAR = re.compile(rf"(?:{_lex('target_governing_lead')})\s*((?:19|20)\d\d)\s*年(?:底|末)?")
_STATUS_LEAD = re.compile(rf"^(?:{_lex('target_status_leads')})")


def _goal_year_lead(text: str) -> bool:
    """到2030年 / 至2035年 in ``text``: a year the statements after it aim at (截至2024年底 reports a status)."""
    return any(not _STATUS_LEAD.match(m.group(0)) for m in _GOVERNING_YEAR.finditer(text))
_PER_HEAD = re.compile(rf"^(每(?:{'|'.join(sorted(vocab.lexicon('quantity_scale_words'), key=len, reverse=True))})?"
                       rf"(?:{_lex('naming_per_words')})?拥有)")
_TAIL = re.compile(rf"\s*(?:{_lex('target_comparator_ge_after')}|{_lex('target_comparator_le_after')}"
                   rf"|{_lex('target_comparator_approx_after')}|{_lex('target_milestone_after')}|%|％|‰)+")


def _before(name: str) -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex(name)})\s*$")


def _after(name: str) -> re.Pattern:
    return re.compile(rf"^\s*(?:{vocab.lexicon_regex(name)})")


_BEFORE_GE = _before("target_comparator_ge_before")
_BEFORE_GT = _before("target_comparator_gt_before")
_BEFORE_LE = _before("target_comparator_le_before")
_BEFORE_LT = _before("target_comparator_lt_before")
_BEFORE_APPROX = _before("target_comparator_approx_before")
_AFTER_GE = _after("target_comparator_ge_after")
_AFTER_LE = _after("target_comparator_le_after")
_AFTER_APPROX = _after("target_comparator_approx_after")

_SHARE_OF_GE = re.compile(rf"(?:{_lex('target_comparator_ge_before')})\s*([\u4e00-\u9fff]{{1,8}}?)的\s*$")
_SHARE_NAME_END = re.compile(rf"(?:{_lex('target_share_name_endings')})$")
_SHARE_OF_LE = re.compile(rf"(?:{_lex('target_comparator_le_before')})\s*([\u4e00-\u9fff]{{1,8}}?)的\s*$")


def _share_of(name: str, before: str) -> str:
    """硬质铺装面积不超过总面积的30%: the share of a named whole, bounded by the word before that whole
    (X占总面积比例); the name as given when the amount is no such share."""
    m = _SHARE_OF_LE.search(before) or _SHARE_OF_GE.search(before)
    if not m:
        return name
    cut = re.search(rf"(?:{_lex('target_comparator_le_before')}|{_lex('target_comparator_ge_before')})\s*"
                    rf"{re.escape(m.group(1))}的?$", name)
    if not cut or cut.start() < 2:
        return name
    head = name[:cut.start()]
    return head if _SHARE_NAME_END.search(head) else f"{head}占{m.group(1)}比例"


def _comparator(before: str, after: str, ranged: bool, approx: str | None = None) -> str:
    if ranged:
        return "range"
    if _SHARE_OF_LE.search(before):
        return "<="  # 不超过总面积的30%
    if _SHARE_OF_GE.search(before):
        return ">="
    if _BEFORE_APPROX.search(before) and not _BEFORE_GE.search(before):
        return "approx"
    if _BEFORE_GE.search(before) or _AFTER_GE.match(after):
        return ">="
    if _BEFORE_GT.search(before):
        return ">"
    if _BEFORE_LE.search(before) or _AFTER_LE.match(after):
        return "<="
    if _BEFORE_LT.search(before):
        return "<"
    if _AFTER_APPROX.match(after):
        return "approx"
    return ">" if approx == "above" else "="


def _part(m: Quantity, name: str) -> str:
    """A part of the amount that its form guarantees (v1 without r1, r1 and r2 together)."""
    v = m.group(name)
    assert v is not None, name
    return v


def _is_noise(text: str, m: Quantity, lead: str = "") -> bool:
    """Numbers that are not quantities (see module docstring); ``lead`` is the label of the clause before
    (pH值： then 6.0～7.5), if any."""
    s, e = m.start(), m.end()
    before = text[max(0, s - 3):s]
    after = text[e:e + 6]
    whole = m.group(0)
    if _UNITLESS_BEFORE.search((f"{lead}：" if lead else "") + text[:s]) \
            and not (m.group("u2") or m.group("u1")) and not m.group("r1"):
        return False  # 土壤pH值6.0～7.5: a dimensionless parameter, written without a unit
    if s > 0 and (text[s - 1].isascii() and text[s - 1].isalpha() or text[s - 1] in "+＋〔[第.．"):
        return True
    if after[:1].isascii() and after[:1].isalpha():
        return True  # 5G, 5A级
    if after[:1] and after[:1] in "+＋〕]号级期届" or after.startswith(("次党代会", "次全会")):
        return True
    if m.group("r1"):
        r1, r2 = _part(m, "r1"), _part(m, "r2")
        if re.fullmatch(r"\d{1,2}", r1) and re.fullmatch(r"[0-5]\d", r2) and int(r1) <= 24 \
                and (len(r1) == 2 or r2 in ("00", "30")) and ":" in whole:
            return True  # 19:00至次日07:30: a clock time
        return bool(re.search(r"按照?\s*$", text[:s]))  # 按1:1比例分担: a cost-sharing rule, not a ratio goal
    v1 = _part(m, "v1")
    unit = m.group("u2") or m.group("u1")
    if re.fullmatch(r"(?:19|20)\d\d", v1) and (unit in (None, "年") or m.group("u1") == "年" or after.startswith("年")):
        return True  # a year
    if after.startswith(("月", "日")) or before.endswith("月") and not _PER_UNIT_BEFORE.search(text[:s]):
        return True  # a date
    if unit is None and not m.group("per"):
        return not after.startswith(("%", "％", "‰"))
    if unit in vocab.lexicon("target_noise_circle_units") and re.match(r"\s*(?:[\u4e00-\u9fff“”\"]{0,6})圈", after):
        return True  # 15分钟生活圈, 1小时通勤圈 are names
    if unit == "岁" and not _AGE_GOAL.search(text[:s]) and (re.match(rf"\s*(?:{_lex('target_comparator_ge_after')}"
                                 rf"|{_lex('target_comparator_le_after')})?(?:的)?"
                                 rf"(?:{_lex('target_noise_age_after')})", after) or "—" in whole or "-" in whole):
        return True  # 3岁以下婴幼儿 is part of an indicator
    if unit == "年" and before.endswith(vocab.lexicon("target_noise_span_before")):
        return True  # 近3年, 连续4年荣获: a span of time, not a quantity
    if unit in vocab.lexicon("target_noise_deadline_units") and (
            re.match(rf"\s*(?:{_lex('target_noise_deadline_after')})", after)
            or text[max(0, s - 4):s].endswith(vocab.lexicon("target_noise_validity_before"))):
        return True  # procedure deadlines (结束后3个月内提交, 公示5个工作日后) and validity (有效期3年); 以内 is a goal
    if unit in vocab.lexicon("target_noise_deadline_units") and re.match(
            rf"\s*(?:{_lex('target_comparator_le_after')}|{_lex('target_comparator_ge_after')})[\u4e00-\u9fff]{{1,8}}的",
            text[e:]):
        return True  # 满足3天以内基本生活需要的物资: a span qualifying what is meant, not a goal
    if len(v1.split(".")[0]) >= 7:
        return True  # phone numbers, ids
    if (u := vocab.unit(unit)) is not None and u.kind in ("length", "duration") \
            and after.startswith(vocab.lexicon("target_noise_radius_after")):
        return True  # 公交站点500米覆盖率: the radius is part of the indicator
    if unit in vocab.lexicon("target_noise_rank_units") and text[max(0, s - 1):s] == "前":
        return True  # 稳居百强区前40位: a rank
    if s > 0 and text[s - 1] == "每" and not m.group("v2") and unit in vocab.lexicon("target_noise_per_base_units") \
            and not re.match(rf"\s*(?:{_lex('target_facility_verbs')})", text[e:]):
        return True  # 每10万人口拥有…: the number is the per-base of the indicator
    if after.lstrip().startswith(vocab.lexicon("target_noise_after_words")):
        return True  # 3—5年一遇
    if _COST_SHARE_BEFORE.search(text[:s]):
        return True  # 市级承担60%、区级承担40%: a cost-sharing rule
    if text[max(0, s - 1):s] in ("×", "*", "=") or text[e:e + 1] in ("×", "*"):
        return True  # a term of a formula (激励标准×6个月×面积)
    if _in_short_quote(text, s, e):
        return True  # “1分钟出动、3分钟处置”: a slogan
    return False


# 人均预期寿命达到80岁以上。: an age after a goal verb, closing its clause, is the value of the indicator
_AGE_GOAL = re.compile(rf"(?:{_lex('target_goal_age_verbs')})\s*$")
_UNITLESS_BEFORE = re.compile(rf"(?:{_lex('target_unitless_parameters')})\s*[：:]?\s*在?"
                              rf"(?:{_lex('naming_comparator_verbs')})?\s*$")
_COST_SHARE_BEFORE = re.compile(rf"(?:{_lex('target_cost_sharing')})\s*$")
_SCORE_RULE = vocab.lexicon_pattern("target_score_rules")
# 测评得分80分以上的小区比例达到90%: a share of the things that score so much is a goal, the score its condition
_SHARE_BY_SCORE = re.compile(rf"\d\s*分\s*(?:及?以上|以下)?的[\u4e00-\u9fff]{{0,10}}"
                             rf"(?:{_lex('target_share_name_endings')})"
                             r"[^，,。；;\d]{0,8}\d+(?:\.\d+)?\s*[%％]")
_DOC_SELF = re.compile(rf"^\s*(?:{_lex('target_document_self')})")
_DOC_PART_END = re.compile(rf"(?:{_lex('target_document_parts')})$")
_DOC_PART_START = re.compile(rf"^\s*(?:{_lex('target_document_parts')})")
_ACTION_START = re.compile(rf"^(?:{_lex('naming_action_verbs')})")
_TERM_END = re.compile(rf"(?:{_lex('target_noise_term_names')})$")


def _counts_document_part(name: str, pre: str, post: str, unit: str | None) -> bool:
    """本规划共设置指标25项, 其中约束性指标8项, 提出5个方面20项重点任务: a count of the document's own parts
    (target_document_parts) in one of their measure words (target_document_part_units). A name led by an
    action verb (完成改革任务30项) counts work, not parts."""
    if unit not in vocab.lexicon("target_document_part_units"):
        return False
    if _DOC_PART_START.match(post):
        return True
    lead = re.sub(rf"^(?:{_lex('naming_count_leads')})", "", naming.strip_enumerator(re.split(r"[，,；;、]", pre)[-1]))
    return bool(_DOC_PART_END.search(naming.clean(name))) and not _ACTION_START.match(lead)


_REGION_FACT = re.compile(_lex("target_region_facts"))
_PROJECT_ATTRIBUTE = re.compile(_lex("target_project_attributes"))
_PROJECT_OUTCOME = re.compile(_lex("target_project_outcome_leads"))  # 建成后年产值可达120亿元: one project's yield
_DUTY_SHARE = re.compile(rf"每[\u4e00-\u9fff]{{1,12}}?(?:{_lex('target_duty_allocation_verbs')})")
_ROUTINE_END = re.compile(rf"(?:{_lex('target_routine_objects')})$")
_ROUTINE_START = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}?(?:{_lex('target_routine_objects')})")  # 政府常务会议…


def _describes_not_aims(name: str, unit: str | None, post: str) -> bool:
    """An amount that describes rather than aims: a fact of the region itself (全县总面积2186平方公里, 共有行政村186个;
    target_region_facts), an attribute of one project in a project description (总投资25亿元, 占地面积120亩, 设计速度;
    target_project_attributes), a count of the routine by which the work is run (每季度召开1次调度会议, 出台配套文件3个,
    制定标准规范5项; target_routine_objects in a measure word of target_routine_units). ``name`` is the cleaned name."""
    if _REGION_FACT.fullmatch(name) or _PROJECT_ATTRIBUTE.fullmatch(name) or _DUTY_SHARE.fullmatch(name):
        return True  # (每个市级领导包联3至5个项目: the work shared out among officials)
    if unit in vocab.lexicon("target_routine_units"):
        obj = naming.object_after(post)
        return bool(_ROUTINE_END.search(name) or _ROUTINE_START.match(obj) or _ROUTINE_END.search(obj))
    return False


def _is_term(name: str, unit: str | None) -> bool:
    """项目实施期限为3年, 公示期为7个工作日: the term of a procedure (target_noise_term_names), not a goal."""
    u = vocab.unit(unit)
    return u is not None and u.kind == "duration" and bool(_TERM_END.search(
        re.sub(rf"(?:{_lex('naming_comparator_verbs')})$", "", naming.clean(name))))


def _in_short_quote(text: str, s: int, e: int) -> bool:
    """Inside “…” of at most 16 characters (a slogan or a name), not a quoted indicator."""
    o = text.rfind("“", 0, s)
    if o < 0 or text.rfind("”", 0, s) > o:
        return False
    c = text.find("”", e)
    return c >= 0 and c - o <= 16
    return False


def _unit_of(m: Quantity, text: str) -> str | None:
    if m.group("r1"):
        return "ratio"
    u = m.group("u2") or m.group("u1")
    per = re.sub(r"\s", "", m.group("per") or "")
    if per:
        return f"{u or ''}{per}"  # 10/10万, 7张/千人
    if u:
        return u
    after = text[m.end():m.end() + 1]
    if after in ("%", "％"):
        return "%"
    if after == "‰":
        return "‰"
    return None


_BASELINE_AFTER = re.compile(
    rf"^\s*(?:%|％|‰)?\s*(?:{_lex('target_comparator_ge_after')}|{_lex('target_comparator_le_after')}"
    rf"|{_lex('target_comparator_approx_after')})?\s*(?:{_lex('target_baseline_change_verbs')})(?:到|至)")
_BASELINE_BEFORE = re.compile(r"[由从]\s*(?:((?:19|20)\d\d)\s*年(?:底|末)?(?:的)?"
                              r"|“?十([一二三四五六七八九])五”?\s*(?:末|期末)(?:的)?"
                              rf"|(?:{_lex('target_baseline_now')})(?:的)?)?\s*$")
_PER_UNIT_BEFORE = re.compile(rf"(?:按照?)?每\s*({vocab.unit_regex()})[\u4e00-\u9fff]{{0,3}}?"
                              rf"(?:每\s*({vocab.lexicon_regex('quantity_unit_dot_words')}))?"
                              rf"(?:(?:{_lex('target_grant_verbs')})?(?:一次性)?(?:{_lex('naming_subsidy_words')}))?"
                              rf"(?:{_lex('naming_cap_words')}|{_lex('target_comparator_le_before')})?\s*$")
_CAP_WORD = re.compile(_lex("naming_cap_words"))
_LE_END = re.compile(rf"(?:{_lex('target_comparator_le_before')})\s*$")
_RATE_NORM_AFTER = re.compile(r"\s*的?标准")  # 按照每户不超过8000元的标准: a rate per household, not a cap
_PER_BASE_BEFORE = re.compile(rf"(?:{_lex('naming_comparator_verbs')})?\s*每\s*({vocab.unit_regex()})\s*"
                              rf"(?:{_lex('naming_comparator_verbs')}|{_lex('target_comparator_le_before')}"
                              rf"|{_lex('target_comparator_ge_before')})?\s*$")


def _per_head_table() -> tuple[tuple[str, str], ...]:
    out = []
    for line in vocab.lexicon("naming_per_head_norms"):
        name, _, words = line.partition("=")
        out += [(name.strip(), w.strip()) for w in words.split("|") if w.strip()]
    return tuple(out)


_PER_HEAD_NORMS = _per_head_table()  # (norm name, per-head word) rows of naming_per_head_norms, read once
_PER_HEAD_WORD = re.compile(rf"每\s*(?P<w>{'|'.join(sorted({w for _, w in _PER_HEAD_NORMS}, key=len, reverse=True))})"
                            rf"(?:每\s*(?:{_lex('quantity_unit_dot_words')}))?\s*"
                            rf"(?:{_lex('naming_comparator_verbs')}|{_lex('target_comparator_ge_before')})?\s*$")
_NORM_NAME = re.compile(rf"(?:{'|'.join(sorted({n for n, _ in _PER_HEAD_NORMS}, key=len, reverse=True))})"
                        rf"[\u4e00-\u9fff]*(?:{_lex('naming_norm_endings')})")


def _per_head_norm(before: str, shared: str) -> tuple[str, str] | None:
    """生均公用经费基准定额提高到小学每生每年800元、初中每生每年1000元: a per-head norm listed by category ->
    (小学生均公用经费基准定额, the norm's name for the next item). ``before`` is the clause up to the amount,
    ``shared`` the norm named by an earlier item of the same clause."""
    m = _PER_HEAD_WORD.search(before)
    if not m:
        return None
    head = before[: m.start()]
    named = None
    for nm in _NORM_NAME.finditer(head):
        named = nm
    word = m.group("w")
    if named is not None and any(w == word and named.group(0).startswith(n) for n, w in _PER_HEAD_NORMS):
        norm, rest = named.group(0), head[named.end():]
    elif shared:
        norm, rest = shared, head
    else:
        return None
    rest = re.split(r"[、，,；;]", rest)[-1]
    rest = re.sub(rf"^(?:按照?)?(?:{_lex('naming_comparator_verbs')})?", "", rest)
    category = rest if re.fullmatch(r"[\u4e00-\u9fff]{1,6}", rest) else ""
    return f"{category}{norm}", norm
_SUBSIDY = re.compile(_lex("naming_subsidy_words"))
_GRANT_WORD = re.compile(rf"(?:{_lex('naming_grant_kinds')})?(?:{_lex('naming_subsidy_words')})")
_PAYER = re.compile(rf"^[\u4e00-\u9fff]{{0,10}}?(?:{_lex('naming_grant_payers')})对(?=[\u4e00-\u9fff]{{2}})")
_SPLIT_VERB = re.compile(rf"(?:{_lex('target_shared_value_words')})(?:{_lex('target_shared_value_verbs')})?\s*$")


def extract(sent: Span, context: Span, *, period_start: int | None = None, period_end: int | None = None,
            goal_context: bool = False, historic_context: bool = False,
            block_year: int | None = None, norm_context: bool = False) -> list[TargetFact]:
    """Targets of one sentence; ``context`` is the enclosing paragraph whose year phrases govern it and
    ``block_year`` the year of the block lead (到2030年，…：) governing the paragraph, if any. In a technical
    norm or a specification list (``norm_context``: 附件 …技术要求) a figure is a norm (kind standard) unless it
    is historic or its sentence writes its own year.

    The year scope pass (:func:`scope_year`) then gives every fact its year and year_source.
    """
    facts: list[TargetFact] = []
    sent_text = sent.text
    if target_kind.is_definition(sent_text):
        return facts  # 注：规上工业企业指年主营业务收入2000万元及以上的企业; 本办法所称… define, not aim
    if _DOC_SELF.match(naming.strip_enumerator(sent_text)):
        return facts  # 本规划共设置指标25项; 本方案提出5个方面20项重点任务: how the document is written
    sent_change = "cumulative" if "累计" in sent_text else ("annual_average" if "年均" in sent_text else None)
    attribute = target_kind.attribute(sent_text)
    head = context.text[: max(0, sent.start - context.start)] + sent_text[:12]
    # a block led by a year (到2030年…：, a heading 2025年重点工作) is a block of goals unless it reviews the past
    period = (period_start, period_end)
    # …, and so is a sentence or paragraph naming the plan's own period (规划期内，累计建成…; “十五五”时期，…)
    gctx = goal_context or _goal_year_lead(head) or (block_year is not None and not historic_context) \
        or (not historic_context and year_scope.names_plan_period(head, period)) \
        or (not historic_context and bool(_GOAL_LEAD.search(context.text[: max(0, sent.start - context.start)]
                                                            + sent_text)))

    n_clauses = len(_statement_clauses(sent))
    # 口袋公园单个面积一般不小于400平方米，绿化覆盖率不低于60%: a hedged norm from its clause to the sentence's end
    norm_m = _NORM_CLAUSE.search(sent_text)
    norm_at = norm_m.start() if norm_m else None
    # 每年新增…，三年累计完成… in a 2026–2028 plan: the plan's span makes the sentence's amounts goals
    span_goal = year_scope.names_plan_span(sent_text, period)
    sent_indicator = ""  # the last indicator of the sentence's earlier clauses (…上升7.5个百分点，达到72.1%)

    def finish(f: TargetFact, clause: str = "") -> TargetFact:
        return scope_year(f, sent_text, clause=clause if n_clauses > 1 else sent_text,
                          period_start=period_start, period_end=period_end,
                          historic_context=historic_context, goal_context=gctx, block_year=block_year)

    label = ""  # the clause before, when it is a label ending in a colon (有机质含量：≥15g/kg)
    for cl in _statement_clauses(sent):
        lead = label
        label = _label_of(cl.text) or label  # a label governs the rest of its sentence
        if _SCORE_RULE.search(cl.text) and not _SHARE_BY_SCORE.search(cl.text):
            continue  # 每低于任务数1%扣1分, 得分90分以上为优秀: how a result is scored
        # 累计 / 年均 qualify their own clause (one-clause sentences: the sentence)
        change = ("cumulative" if "累计" in cl.text else ("annual_average" if "年均" in cl.text else None)) \
            if n_clauses > 1 else sent_change
        found = _clause_quantities(cl, lead)
        if found:
            shared_prefix = ""
            prev_indicator = naming.base_of_change(sent_indicator)
            if prev_indicator and re.search(_lex("naming_stock_words"), cl.text):
                prev_indicator = naming.stock_of(prev_indicator)  # 新增绿道100公里，累计达到600公里: the stock
            last_end = 0
            baseline: tuple[float, int | None] | None = None
            respectively: list[str] = []
            resp_comp = "="
            skip_until = -1
            norm_shared = ""
            enum_prefix = ""  # what the name of a classifier-first item writes before its object (新建改造)
            grades: list[TargetFact] = []  # facts of grades written alone (5个省级、10个市级X)
            list_comp = ""  # a comparator written before the first item of a list (不少于30座X、120公里Y)
            # 新建学校12所，新增学位1.8万个，分别较“十四五”增长20%和35%: the earlier amounts of the sentence, in order
            earlier = [f.indicator_text for f in facts if f.value is not None and f.quote.text == sent_text]
            back_verb = ""
            back_refs = earlier[-len(found):] if _RESPECTIVELY_BACK.match(cl.text) and 2 <= len(found) <= len(earlier) \
                else []
            for m in found:
                pre = cl.text[last_end:m.start()]
                post = cl.text[m.end():]
                before_all = cl.text[:m.start()]
                bb = _BASELINE_BEFORE.search(before_all)
                if bb and not m.group("r1") and _BASELINE_AFTER.match(post):
                    byear = (int(bb.group(1)) if bb.group(1)
                             else (year_scope.period_end(bb.group(2)) if bb.group(2) else None))
                    baseline = (to_float(_part(m, "v1")), byear)
                    pre_name = pre[: len(pre) - len(bb.group(0))]
                    prev_indicator = naming.indicator_before(pre_name)[0] or prev_indicator
                    last_end = m.end()
                    continue
                ys = year_scope.governing(context, sent, cl.start + m.start(), period)
                if ys.year is None and not historic_context:
                    ys = year_scope.deadline_year(context, cl.start + m.start(), period)  # …（完成时限：2027年12月）
                if _past_year_gives_way(ys, context, sent, cl, cl.start + m.start(), period_start, historic_context) \
                        or _bare_year_gives_way(ys, context, sent, cl.start + m.start(), period_end, historic_context):
                    ys = year_scope.NONE  # 2025年吞吐量为1.6亿吨，力争达到2亿吨: the goal is for the plan's end
                year = ys.year
                unit = _unit_of(m, cl.text)
                if _is_allocation(cl.text, m, unit, sent_text[: cl.start - sent.start + m.start()]) \
                        or _in_eligibility(sent_text, cl.start - sent.start + m.start()) \
                        or _PROJECT_OUTCOME.search(before_all):
                    last_end = m.end()
                    continue  # 市财政每年安排专项资金3亿元 (an instrument); 对营业收入突破1亿元的企业 (a condition)
                if m.group("r1"):
                    a, b = to_float(_part(m, "r1")), to_float(_part(m, "r2"))
                    value = b if a == 1 else (a if b == 1 else round(b / a, 6))
                    vmax = None
                    ranged = False
                else:
                    value = to_float(_part(m, "v1"))
                    vmax = to_float(_part(m, "v2")) if m.group("v2") else None
                    ranged = vmax is not None
                comp = _comparator(before_all, post, ranged, m.approx)
                joint = naming.enumeration_joint(pre)
                if comp == "=" and not ranged and list_comp and joint:
                    comp = list_comp  # 新建不少于30座X、120公里Y: the comparator before the list holds for every item
                elif comp != "=" and not ranged and _comparator(before_all, "", ranged) == comp:
                    list_comp = comp
                elif not joint:
                    list_comp = ""
                per_facility = _per_facility(before_all, post) if ranged else None
                if per_facility is not None:
                    obj, fac_unit, skip_to = per_facility
                    facts.append(finish(TargetFact(
                        indicator_text=f"{obj}服务人口", value=value, unit=f"{unit}/{fac_unit}", comparator="range",
                        kind="standard", quote=sent, value_max=vmax, attribute=attribute), cl.text))
                    skip_until = m.end() + skip_to
                    last_end = skip_until
                    continue
                if m.start() < skip_until:
                    continue
                if _qualifies_next(cl.text, m, found, unit):
                    continue  # 营业收入超10亿元企业20家: the money says which enterprises, the count is the goal
                if _is_multiple(before_all, unit):
                    last_end = m.end()
                    continue  # 是2010年的2.1倍, 相当于“十二五”期间的2.9倍: a ratio to a baseline, like 翻一番
                if _is_condition(before_all, post):
                    if not _threshold_of_next(post):
                        last_end = m.end()  # a threshold before a later count stays in that count's name
                    continue  # 竣工满15年的小区, 面积大于8万平方米的小区: a condition, not a goal
                money = (u := vocab.unit(unit)) is not None and u.kind == "money"
                base = None if money or m.group("per") or unit is None else _PER_BASE_BEFORE.search(pre)
                if base is not None and (bu := vocab.unit(base.group(1))) is not None \
                        and bu.kind in vocab.lexicon("target_per_base_kinds") \
                        and naming.indicator_before(pre[: base.start()])[0]:
                    unit = f"{unit}/{base.group(1)}"  # 植苗密度为每亩110株: a density, 株/亩
                    pre = pre[: base.start()]
                head_norm = (_per_head_norm(sent_text[: cl.start - sent.start + m.start()], norm_shared)
                             if money and baseline is None else None)
                per_unit = _PER_UNIT_BEFORE.search(pre) if money and head_norm is None else None
                if per_unit and (_CAP_WORD.search(per_unit.group(0))
                                 or (_LE_END.search(per_unit.group(0)) and not _RATE_NORM_AFTER.match(post))):
                    pu = vocab.unit(per_unit.group(1))
                    # 按每公里最高40万元给予补助: a rate per a measured amount, capped (target_capped_rate_kinds)
                    if pu is None or pu.kind not in vocab.lexicon("target_capped_rate_kinds") or per_unit.group(2):
                        per_unit = None  # 每家企业每年最高补贴10万元: a cap per year, not a rate per unit
                rate = False  # a grant per unit (每千瓦200元): a norm of the grant, whatever the sentence's tense
                if head_norm is not None:
                    name, norm_shared = head_norm  # 小学每生每年不低于720元: the per-head norm's own unit
                elif per_unit and baseline is None:
                    rate = True
                    unit = f"{unit}/{per_unit.group(1)}" + (f"·{per_unit.group(2)}" if per_unit.group(2) else "")
                    # 按照每千瓦200元给予补贴, 按每个泊位每月100元: a grant per unit (and per month)
                    subject = re.sub(r"^按照?", "", _PAYER.sub("", naming.indicator_before(pre[: per_unit.start()])[0]))
                    word = _GRANT_WORD.search(post) or _GRANT_WORD.search(sent_text)
                    el = _eligibility_clause(sent_text)
                    if el is not None and cl.start - sent.start >= el.end(1):
                        # 对新引进的配套企业，按每家30万元给予落户奖励: the receiver
                        subject = _grant_receiver(el.group(1) + el.group(2))
                    if naming.clean(subject) == "标准" and cl.start > sent.start:
                        # 发放高龄津贴，标准为每人每月100元: the clause before names what the rate is of
                        subject = naming.clean(naming.indicator_before(
                            sent_text[: cl.start - sent.start].rstrip("，,；; "))[0])
                        word = None
                    name = subject if subject.endswith("标准") else f"{subject}{word.group(0) if word else ''}标准"
                elif baseline is not None:
                    name = prev_indicator
                elif getattr(m, "bracketed", False) and (prev_indicator or m.bracket_label):
                    name = m.bracket_label or _bracket_name(prev_indicator)
                else:
                    name = naming.name_for(pre, post, shared_prefix=shared_prefix, prev_indicator=prev_indicator,
                                           sentence=sent_text, percent=unit in ("%", "％"))
                    work = pre.strip().lstrip("".join(vocab.lexicon("enumeration_joiners"))).strip()
                    if _WORKS.fullmatch(work) and not naming.object_after(post) \
                            and naming.enumeration_joint(post.lstrip()[:1]):
                        name = work  # 建设5个、提升10个邻里中心: the work waits for the noun of the list
                    if not name and lead and not naming.indicator_before(pre)[0] and not naming.object_after(post):
                        name = lead  # 土壤pH值：6.0～7.5, 有机质含量：≥15g/kg: the label before the colon names it
                    elif norm_context and lead:
                        name = _with_label(name, lead)  # 乔木：胸径8～10cm -> 乔木胸径
                    if enum_prefix and naming.enumeration_joint(pre) and name == naming.object_after(post):
                        name = enum_prefix + name  # 新建改造5座X、42条Y: the verb before the first number is Y's too
                    if (naming.is_example_list(naming.indicator_before(pre)[0]) and _another_amount_follows(post)) \
                            or _scope_count(post) or _count_of_rate(name, unit, post):
                        last_end = m.end()
                        continue  # 松江、青浦等4个新城建设用地面积50%以上: the count says where, the share is the goal
                if unit in ("%", "％") and name:
                    name = _share_of(name, before_all)
                name = _norm_of_object(name, pre, post)
                if back_refs:
                    verb = _CHANGE_END.search(naming.indicator_before(pre)[0] or pre.strip("，, "))
                    back_verb = verb.group(0) if verb else back_verb
                    name = back_refs.pop(0) + back_verb
                if name and prev_indicator and _BARE_VERB.fullmatch(name) and not post.strip(" 。；;，,、"):
                    # 2026年建成X2个，2027年再建成3个: a verb alone repeats the earlier clause's indicator
                    name = prev_indicator
                if (not name or _ANAPHOR.fullmatch(naming.clean(name))) and not sent_indicator \
                        and not _ANAPHOR.fullmatch(prev_indicator or "-"):
                    # 到2030年，下降到28微克/立方米; 这一比例提高到55%: the paragraph's earlier indicator
                    name = _earlier_indicator(context, sent, period_start, period_end) or name
                in_norm = norm_at is not None and cl.start - sent.start + len(cl.text) > norm_at
                if not name or _counts_document_part(name, pre, post, unit) or (_is_term(name, unit) and not in_norm):
                    # (合同期限原则上不少于1年: a hedged norm of a term is a norm, not a procedure's term)
                    last_end = m.end()
                    continue  # 指标25项, 5个方面; 实施期限为3年: the document's parts and a procedure's term
                bm = re.match(r"\s*[）)]", post)
                if bm and re.fullmatch(_GRADE, naming.clean(name) or "-") \
                        and re.search(r"[（(]\s*其中[^（(）)]*$", before_all):
                    # 培育12家（其中省级4家）龙头企业: a grade only inside the bracket takes the noun after it
                    obj = naming.object_after(post[bm.end():])
                    g = re.match(_GRADE, obj)
                    if len(obj) >= 2:
                        name = naming.clean(name) + (obj[g.end():] if g and len(obj) - g.end() >= 2 else obj)
                pm = _PER_HEAD.match(name)
                if pm:
                    shared_prefix = pm.group(1)
                shared = _SPLIT_VERB.search(before_all)
                if shared and name.endswith("各") and len(name) > 2:
                    name = name[:-1]  # 建成X、Y、Z中心各1个: each item holds the amount
                # (A、B占比分别提高至X、Y: the names split as a shared value's do, one per value)
                names = naming.split_names(name) if shared or re.search(r"分别", before_all[-8:]) else [name]
                if respectively and not pre.strip(" 、，,和及"):
                    names = [respectively.pop(0)]
                    comp = resp_comp if comp == "=" and not ranged else comp
                elif len(names) == 1 and re.search(r"分别", before_all[-8:]) \
                        and len(pair := naming.split_joined_pair(names[0])) == 2:
                    respectively = pair[1:]    # 城镇居民和农村居民人均可支配收入分别为X、Y: one name per value
                    names = pair[:1]
                    resp_comp = comp
                elif len(names) > 1 and re.search(r"分别", before_all[-8:]):
                    respectively = names[1:]
                    names = names[:1]
                    resp_comp = comp
                margin_of = (sent_indicator if prev_indicator == naming.base_of_change(sent_indicator)
                             else prev_indicator)
                relative = _relative_to(name) or _relative_to(f"{margin_of}{name}" if margin_of and
                                                              naming.starts_with_margin(name) else "")
                if relative:
                    names = [relative[0]]
                # 目前…3200张，到规划期末达到5000张: a clause naming the plan's period states a goal
                clause_goal = gctx or (not historic_context
                                       and (year_scope.names_plan_period(cl.text[:m.start()], period)
                                            or span_goal))
                kind = "standard" if head_norm is not None or rate else target_kind.kind(sent_text, cl.text, year,
                                                                                 period_start, clause_goal)
                if kind == "target" and (u := vocab.unit(unit)) is not None and u.kind == "money" \
                        and _eligibility_clause(sent_text) is not None:
                    kind = "standard"  # 对新获评…的，一次性奖励30万元: an award rule
                if in_norm and kind in ("target", "coverage"):
                    kind = "standard"  # 面积原则上不小于120平方米(，藏书不少于5000册): a norm of every case
                if norm_context and kind in ("target", "coverage") and ys.source != "sentence":
                    kind = "standard"  # 附件 …技术要求: 有机质含量≥15g/kg is a level every case must meet
                for nm in names or [name]:
                    nm = naming.clean(nm)
                    if _describes_not_aims(nm, unit, post):
                        continue  # 全县总面积…, 总投资25亿元, 每季度召开1次调度会议: a description, not a goal
                    if _REFERENCE_SCOPE.match(nm) and _SELF_REFERENCE.search(sent_text):
                        continue  # 全国城市人均公园绿地面积为15.6平方米，我区仍有差距: a figure quoted for comparison
                    if nm.endswith("上限") and comp == "=":
                        comp = "<="  # 给予最高3000元奖励: a cap is a ceiling
                    fact = TargetFact(
                        indicator_text=nm, value=value, unit=unit, comparator=comp,
                        kind=kind, quote=sent, value_max=vmax,
                        year=year, attribute=attribute, change_type=change, year_source=ys.source,
                    )
                    if baseline is not None:
                        fact.baseline_value, fact.baseline_year = baseline
                    if relative:
                        fact.extra["relative_to"] = relative[1]
                    if re.match(r"\s*的基础上", post):
                        fact.kind, fact.year, fact.year_source = "baseline", None, "none"
                    facts.append(finish(fact, cl.text))
                grades = _share_grade_noun(facts, grades, pre, post, len(names or [name]))
                baseline = None
                prev_indicator = names[-1] if names else name
                sent_indicator = prev_indicator
                last_end = m.end()
                obj = naming.object_after(post)
                obj = obj if len(obj) >= 2 and name.endswith(obj) else name
                obj_at = cl.text.find(obj, last_end) if obj else -1
                if 0 <= obj_at - last_end <= 4 and not cl.text[last_end:obj_at].strip(" 以上左右余多的"):
                    # the object after the amount names it (建设5座X, 新建改造5座X): the next amount's name starts
                    # after it, and a next item of the list (、42条Y) shares what the name writes before it
                    last_end = obj_at + len(obj)
                    enum_prefix = name[: len(name) - len(obj)]
                else:
                    enum_prefix = ""
                tail_m = _TAIL.match(cl.text[last_end:])
                if tail_m:
                    last_end += tail_m.end()
        else:
            said = _CHANGE_CLAUSE.search(cl.text)
            if said:
                # X增加值持续较快增长，年均增长7%: a clause stating a change without an amount names the
                # indicator of the sentence's next amount
                subject = naming.clean(naming.indicator_before(YEAR_RE.sub("", said.group(1)))[0])
                sent_indicator = subject if len(subject) >= 2 else sent_indicator
            zero = _ZERO_BREAK.search(cl.text)
            if zero and not historic_context:
                subj = naming.clean(naming.strip_lead(YEAR_RE.sub("", cl.text[: zero.start()])).strip("，,、 "))
                subj = re.sub(r"^.*?(?:实现|取得)", "", subj) or subj
                if 2 <= len(subj) <= 20:
                    ys = year_scope.governing(context, sent, cl.start + zero.start(), period)
                    facts.append(finish(TargetFact(subj, None, None, None, "qualitative", sent, year=ys.year,
                                                   attribute=attribute, year_source=ys.source,
                                                   extra={"statement": zero.group(0), "at_least": 1,
                                                          "unit_hint": _zero_unit(subj)}), cl.text))
                continue  # 实现国家级孵化器零的突破: a goal in words (at least one), as the seed gold keeps it
            cov = target_kind.coverage_pattern().search(cl.text)
            if not gctx and not cov:
                continue
            ys = year_scope.governing(context, sent, cl.start + len(cl.text), period)
            year = ys.year
            qual = target_kind.qualitative_match(cl.text) if gctx and not historic_context else None
            if cov:
                subj = naming.strip_lead(YEAR_RE.sub("", cl.text[: cov.start()])).strip("，,、 ")
                subj = re.sub(r"^[^，,]*?领域", "", subj) if "领域" in subj[:10] else subj
                subj = re.sub(r"[“”\"']", "", subj)
                if "实现" in subj:
                    subj = subj.rsplit("实现", 1)[1]
                subj = re.sub(rf"^(?:{_lex('target_subject_lead_verbs')})+", "", subj)
                if 2 <= len(subj) <= 30:
                    facts.append(finish(TargetFact(f"{subj}覆盖率", 100.0, "%", "=", "coverage", sent, year=year,
                                                   attribute=attribute, change_type=change, year_source=ys.source)))
            elif qual:
                subj = naming.strip_lead(YEAR_RE.sub("", cl.text[: qual.start()])).strip("，,、 ")
                subj = re.sub(rf"(?:{_lex('target_subject_trailing')})$", "", subj)
                subj = re.sub(r"[“”\"']", "", subj)
                if len(subj) >= 4:
                    facts.append(finish(TargetFact(subj, None, None, None, "qualitative", sent, year=year,
                                                   attribute=attribute, change_type=change, year_source=ys.source)))
    return _grant_names(sent_text, _years_respectively(sent_text, facts))


_NORM_CLAUSE = vocab.lexicon_pattern("target_norm_clause_words")
_GOAL_LEAD = vocab.lexicon_pattern("target_goal_leads")
_ZERO_BREAK = re.compile(_lex("target_zero_breakthrough"))
_ANAPHOR = re.compile(_lex("naming_anaphors"))
_BARE_VERB = re.compile(rf"(?:{_lex('naming_repeat_adverbs')})?(?:{_lex('naming_action_verbs')})")
_RESPECTIVELY_BACK = re.compile(rf"^\s*[，,]?\s*分别(?!{_lex('target_respectively_not_back')})")
_CHANGE_END = re.compile(rf"(?:{_lex('naming_change_verbs')})$")
_CHANGE_CLAUSE = re.compile(rf"^(.*?(?:{_lex('naming_change_verbs')}))[\s，,；;。]*$")


_GOAL_CLAUSE = vocab.lexicon_pattern("year_goal_clause_words")


def _past_year_gives_way(ys: year_scope.YearScope, context: Span, sent: Span, cl: Span, pos: int,
                         period_start: int | None, historic_context: bool) -> bool:
    """In a plan whose period lies ahead, a past year stated by an earlier clause or sentence does not date an
    amount of aiming: a word of year_goal_clause_words (力争, 提高到, 不低于) between the year and the amount, in
    a clause that states no year of its own, within the amount's sentence (2025年吞吐量为1.6亿吨，力争…达到2亿吨，
    集装箱吞吐量突破300万标箱).
    A review section, a past marker of the clause (已, 截至) or a baseline (由…提高到) keeps the year."""
    if ys.year is None or ys.at is None or not period_start or ys.year >= period_start or historic_context \
            or ys.at >= cl.start:
        return False
    before = context.text[cl.start - context.start:pos - context.start]
    if not _GOAL_CLAUSE.search(context.text[max(ys.at, sent.start) - context.start:pos - context.start]):
        return False
    return not (re.search(r"[由从]", before) or vocab.lexicon_pattern("target_historic_markers").search(before))


_GOAL_SENTENCE = vocab.lexicon_pattern("year_goal_sentence_words")
_GOVERNING_BEFORE = re.compile(rf"(?:{_lex('target_governing_lead')})\s*(?:19|20)\d\d")


def _bare_year_gives_way(ys: year_scope.YearScope, context: Span, sent: Span, pos: int,
                         period_end: int | None, historic_context: bool) -> bool:
    """A year written bare at an earlier sentence (2025年，全市开通定制公交线路20条。) dates that sentence only: a
    later sentence of the paragraph that aims (定制公交线路达到60条: year_goal_clause_words or
    year_goal_sentence_words) and writes no year of its own is for the plan's end, when the plan ends after that
    year. A year led by 到/至 (到2025年，…。…达到…) governs the paragraph as a block and keeps it."""
    if ys.year is None or ys.at is None or not period_end or ys.year >= period_end or historic_context \
            or ys.at >= sent.start or ys.source != "block":
        return False
    a = ys.at - context.start
    if _GOVERNING_BEFORE.search(context.text[max(0, a - 4):a + 8]):
        return False
    upto = context.text[sent.start - context.start:pos - context.start]
    if vocab.lexicon_pattern("target_historic_markers").search(upto) or re.search(r"[由从]", upto):
        return False
    return bool(_GOAL_CLAUSE.search(upto) or _GOAL_SENTENCE.search(upto))


def _earlier_indicator(context: Span, sent: Span, period_start: int | None, period_end: int | None) -> str:
    """The indicator of the last amount of the sentence before ``sent`` in its paragraph ("" if none)."""
    upto = sent.start - context.start
    if upto <= 0:
        return ""
    earlier = [Span(s.text, s.start + context.start, s.end + context.start) for s in sentences(context.text, 0, upto)]
    for prev in reversed(earlier[-1:]):
        got = [f for f in extract(prev, context, period_start=period_start, period_end=period_end)
               if f.value is not None and f.indicator_text]
        if got:
            return got[-1].indicator_text
    return ""


def _zero_unit(subject: str) -> str:
    """The measure word of a 零的突破 object (企业 -> 家, 学校 -> 所), 个 when no ending is listed."""
    for line in vocab.lexicon("target_zero_breakthrough_units"):
        ending, _, unit = line.partition("=")
        if subject.endswith(ending.strip()):
            return unit.strip()
    return "个"


_YEAR_LIST = re.compile(r"((?:19|20)\d\d)\s*年(?:底|末)?((?:\s*[、和及与]\s*(?:19|20)\d\d\s*年(?:底|末)?)+)")


def _years_respectively(sent_text: str, facts: list[TargetFact]) -> list[TargetFact]:
    """2024年、2025年分别达到55%、60%: the years listed before 分别 go to the values in order."""
    m = _YEAR_LIST.search(sent_text)
    if not m or "分别" not in sent_text[m.end():]:
        return facts
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(0))]
    after = [f for f in facts if f.value is not None and f.kind != "historic" and f.quote.text == sent_text]
    if len(after) != len(years):
        return facts
    for f, y in zip(after, years):
        f.year, f.year_source = y, "sentence"
    return facts


def _label_of(clause: str) -> str:
    """有机质含量： -> 有机质含量: a clause that only labels the figure of the next one (no number of its own)."""
    clause = naming.strip_enumerator(clause)
    if not re.search(r"[：:]$", clause) or re.search(r"\d", clause):
        return ""
    name = naming.clean(naming.indicator_before(clause[:-1])[0])
    return name if 2 <= len(name) <= 20 else ""


_GRADE = rf"[\u4e00-\u9fff]{{1,3}}?(?:{_lex('naming_grade_endings')})"


def _share_grade_noun(facts: list[TargetFact], grades: list[TargetFact], pre: str, post: str,
                      added: int) -> list[TargetFact]:
    """Items of an enumeration that write their noun once: grades written alone (建成2个国家级、5个省级和8个市级
    示范区: 国家级, 省级) or works written alone (建设5个、提升10个邻里中心; 新建5座、改建8座公厕) take the noun of
    the next item that writes one, which keeps its own grade or work (市级示范区, 提升邻里中心); a work written
    alone after the noun (新建公园绿地5处、改造提升3处) takes the noun of the item before it (改造提升公园绿地).
    Returns the facts of items still waiting for their noun."""
    if added != 1 or not facts:
        return []
    last = facts[-1]
    obj = naming.object_after(post)
    g = re.match(_GRADE, obj)
    joint = naming.enumeration_joint(pre)
    work = _joint_work(pre)
    if grades and (joint or work) and len(obj) >= 2 and (not g or len(obj) - g.end() >= 2):
        noun = obj[g.end():] if g and all(re.fullmatch(_GRADE, f.indicator_text) for f in grades) else obj
        for f in grades:
            f.indicator_text += noun
        last.indicator_text = f"{work}{obj}" if work else obj
        return []
    if work and not obj and len(facts) >= 2 and facts[-2].quote == last.quote:
        before = facts[-2].indicator_text
        last.indicator_text = work + (_LEAD_WORKS.sub("", before) or before)
        return []
    bare = (re.fullmatch(_GRADE, last.indicator_text) or _WORKS.fullmatch(last.indicator_text)) \
        and last.indicator_text == (obj or last.indicator_text) and (obj or naming.enumeration_joint(post[:1]))
    if bare:
        return [*grades, last] if joint or work else [last]
    return []


_WORKS = re.compile(rf"(?:{_lex('naming_action_verbs')}|{_lex('naming_work_nouns')})+")
_LEAD_WORKS = re.compile(rf"^(?:{_lex('naming_action_verbs')}|{_lex('naming_work_nouns')})+")


def _joint_work(pre: str) -> str:
    """、提升 / 、改建 / 和改造提升: a list joiner and a work alone before the next item's number -> the work."""
    rest = pre.strip()
    if not rest or rest[:1] not in "".join(vocab.lexicon("enumeration_joiners")):
        return ""
    rest = rest.lstrip("".join(vocab.lexicon("enumeration_joiners"))).strip()
    return rest if _WORKS.fullmatch(rest) else ""


_PARAMETER_END = re.compile(rf"(?:{_lex('target_parameter_endings')})$")
_LABEL_HEAD = re.compile(rf"(?:{_lex('target_label_heads')})$")


def _with_label(name: str, label: str) -> str:
    """A figure's name with the label of its specification line, the object or category first (乔木：胸径 ->
    乔木胸径; 生均用地面积：小学 -> 小学生均用地面积); of the two the parameter is the one ending in a
    target_parameter_endings word. The name alone when both or neither name a parameter."""
    base = _LABEL_HEAD.sub("", label)
    if not base or base in name or name in base:
        return name
    if _PARAMETER_END.search(name) and not _PARAMETER_END.search(base):
        return base + name
    if _PARAMETER_END.search(base) and not _PARAMETER_END.search(name):
        return name + base
    return name


def _statement_clauses(sent: Span) -> list[Span]:
    """The sentence's clauses, a coverage goal listed before an amount split from it (实现城市社区老年助餐服务
    全覆盖、农村覆盖率达到60%: a coverage of 100% for the first object, 60% for the second)."""
    out: list[Span] = []
    for cl in clauses(sent):
        cov = target_kind.coverage_pattern().search(cl.text)
        if cov and cl.text[cov.end(): cov.end() + 1] == "、" \
                and any(m.group(0).strip() for m in scan(cl.text[cov.end() + 1:])):
            out.append(Span(cl.text[: cov.end()], cl.start, cl.start + cov.end()))
            out.append(Span(cl.text[cov.end() + 1:], cl.start + cov.end() + 1, cl.end))
        else:
            out.append(cl)
    return out


_PER_BASE_TAIL = re.compile(rf"(?:按照?|以)?每\s*(?:{_lex('quantity_scale_words')})?(?:{vocab.unit_regex()})\s*$")
_COMPARATOR_TAIL = re.compile(rf"(?:{_lex('naming_comparator_verbs')}|{_lex('target_comparator_ge_before')}"
                              rf"|{_lex('target_comparator_le_before')})\s*$")
_NORM_OBJECT = re.compile(rf"^\s*(?:{_lex('target_comparator_ge_after')}|{_lex('target_comparator_le_after')})?\s*"
                          rf"的标准\s*({_lex('naming_action_verbs')})\s*([\u4e00-\u9fff]{{2,16}})")


def _norm_of_object(name: str, pre: str, post: str) -> str:
    """新建住宅小区按每百户不少于20平方米的标准配建养老服务用房: the name is the object the norm is for and its
    verb (新建住宅小区养老服务用房配建标准), not the per-base fragment before the amount (…按每百户)."""
    m = _NORM_OBJECT.match(post)
    head = _COMPARATOR_TAIL.sub("", pre)
    base = _PER_BASE_TAIL.search(head)
    if not m or not base:
        return name
    subject = naming.clean(naming.indicator_before(head[: base.start()])[0])
    return f"{subject}{m.group(2)}{m.group(1)}标准"


def _clause_quantities(cl: Span, lead: str = "") -> list[Quantity]:
    out = []
    for m in scan(cl.text):
        if not m.group(0).strip():
            continue
        if _is_noise(cl.text, m, lead):
            continue
        out.append(m)
    return out


def _yearly(clause: str, period_start: int | None, period_end: int | None) -> bool:
    """A yearly quantity (每年新增20家); in a one-year plan 年度 names that year (target_annual_markers_one_year);
    全年 is yearly only in a plan of several years (target_annual_markers_multi_year)."""
    if period_start is not None and period_end is not None and period_end > period_start \
            and vocab.lexicon_pattern("target_annual_markers_multi_year").search(clause):
        return True  # 全年查处…不少于120起 in a 2026—2028 plan
    markers = [m.group(0) for m in vocab.lexicon_pattern("target_annual_markers").finditer(clause)]
    if not markers:
        return False
    if period_start is not None and period_start == period_end:
        return any(w not in vocab.lexicon("target_annual_markers_one_year") for w in markers)
    return True


def scope_year(f: TargetFact, sent_text: str, *, period_start: int | None, period_end: int | None,
               historic_context: bool = False, goal_context: bool = False, block_year: int | None = None,
               clause: str | None = None) -> TargetFact:
    """The year scope pass for one fact (see ontology/mapping/year_scope.py): historic figures get the year
    they state or the previous period's end; yearly quantities no year; other goals the sentence's year,
    the block lead's, or the plan's end."""
    if (historic_context and f.kind in ("target", "coverage")
            and (f.year is None or not period_start or f.year < period_start)):
        f.kind = "historic"
    if f.kind == "target" and not goal_context and f.year is None and _prior_period(sent_text, period_start):
        f.kind = "historic"  # “十四五”以来, “十三五”期间
    if f.kind == "historic":
        if f.year is not None and f.year_source in ("sentence", "block") and (
                period_start is None or f.year < period_start
                or re.search(rf"(?:{_lex('target_status_leads')})\s*{f.year}\s*年", sent_text)):
            # 2023年底，…；人均公园绿地面积13.2平方米: the year its paragraph states, not the period's end; 截至2025年底
            # in a 2025–2027 plan: the status of that year
            return f
        if period_start is None and (f.year or block_year):
            # a plan without a period (an annual plan's review, 一、2024年计划执行情况): the year its paragraph
            # or heading states
            if not f.year:
                f.year, f.year_source = block_year, "block"
            return f
        y = year_scope.prior_period_end(sent_text, period_start) or year_scope.previous_period_end(period_start)
        f.year, f.year_source = (y, "block") if y else (None, "none")
        return f
    if f.kind == "standard" and f.year_source != "sentence":
        # a norm (补贴标准, 配建标准) holds for no year unless its sentence says one
        f.year, f.year_source = None, "none"
        return f
    clause = sent_text if clause is None else clause
    if re.search(r"[一二三四五六七八九十\d]+年(?:内)?累计", clause):
        f.change_type = "cumulative"  # 五年累计新增: over the plan period
    elif _yearly(clause, period_start, period_end) and f.kind in ("target", "coverage") \
            and f.baseline_value is None:  # 每年提高0.2个百分点、从目前的2.1%达到3%: the level is no yearly amount
        f.change_type, f.year, f.year_source = "annual", None, "none"
        return f
    if f.year is None and f.kind in ("target", "coverage", "qualitative"):
        if block_year:
            f.year, f.year_source = block_year, "block"
        elif period_end:
            f.year, f.year_source = period_end, "plan_period"
    if f.year is None:
        f.year_source = "none"
    return f


_PER_FACILITY = re.compile(rf"(?:{_lex('target_facility_verbs')})\s*(?:1|一)\s*({_lex('target_facility_units')})")


def _per_facility(before: str, post: str) -> tuple[str, str, int] | None:
    """每3万人-10万人设置1所X: the range is the population one X serves, not a target of 1.
    (object X, facility measure word, offset in ``post`` where the facility phrase ends)."""
    if not before.rstrip().endswith("每"):
        return None
    m = _PER_FACILITY.match(post.lstrip())
    if not m:
        return None
    off = len(post) - len(post.lstrip()) + m.end()
    obj = naming.object_after(post[off:]) or ""
    if len(obj) < 3:
        # 中心避难场所按照每40万-120万人设置1处（布局）: the facility is named before the per-base
        subject = naming.clean(naming.indicator_before(re.sub(r"(?:按照?)?每\s*$", "", before))[0])
        if len(subject) >= 3:
            return subject, m.group(1), off + (len(obj) if obj and post[off:].startswith(obj) else 0)
    return (obj, m.group(1), off + (len(obj) if post[off:].startswith(obj) else 0)) if obj else None


def _bracket_name(name: str) -> str:
    """3000（1500）公里: the bracketed value is the sub-indicator the name writes in brackets (绿道（其中骨干绿道）),
    else 'of which' of the name."""
    m = re.search(r"[（(]([^（）()]+)[）)]", name)
    if m:
        inner = re.sub(r"^其中", "", m.group(1))
        return inner or name
    return f"{name}（其中）"


def _relative_to(name: str) -> tuple[str, str] | None:
    """增速高于全市平均增速 (…2个百分点): a margin over a named reference -> (indicator, reference)."""
    m = re.search(rf"(?:{_lex('target_margin_verbs')})((?:{_lex('target_relative_references')})\S*)$", name)
    if not m or m.start() < 2:
        return None
    return name[: m.start()], m.group(1)


def _is_condition(before: str, post: str) -> bool:
    post = re.sub(r"^口", "", post)  # 50万人口以上的县: the unit 万人 written as 万人口
    if not re.match(rf"\s*(?:%|％|‰)?\s*(?:{_lex('target_comparator_ge_after')}|{_lex('target_comparator_le_after')})?"
                    rf"(?:的)(?!{_lex('target_condition_nouns_kept')})", post):
        return False
    if re.search(rf"(?:{vocab.lexicon_regex('target_condition_before')})\s*$", before):
        return True
    return _threshold_of_next(post)


def _threshold_of_next(post: str) -> bool:
    """建筑面积5000平方米以上的商业综合体达到12个, 收入超过10万元的村占比超八成: a threshold of the object counted by
    a later amount (its comparator after the amount or, for a condition, before it)."""
    post = re.sub(r"^口", "", post)
    return bool(re.match(rf"\s*(?:{_lex('target_comparator_ge_after')}|{_lex('target_comparator_le_after')})?的",
                         post)) \
        and _another_amount_follows(re.split(r"的", post, maxsplit=1)[1])


def _scope_count(post: str) -> bool:
    """6个街镇（A、B、C）…24处: a count whose object is listed in brackets before another amount says where."""
    m = re.match(r"^[^，,。；;（(]{0,6}[（(][^）)]*、[^）)]*[）)]", post)
    return m is not None and _another_amount_follows(post[m.end():])


_RATE_NAME_END = re.compile(rf"(?:{_lex('target_share_name_endings')}|率)$")


def _count_of_rate(name: str, unit: str | None, post: str) -> bool:
    """17个国控断面水质优良比例达到94.1%: a count named by a rate or share is no count of it; it says over how many
    things the rate that follows runs."""
    u = vocab.unit(unit)
    return u is not None and u.kind == "count" and bool(_RATE_NAME_END.search(naming.clean(name))) \
        and _another_amount_follows(post)


def _another_amount_follows(post: str) -> bool:
    rest = re.split(r"[，,。；;]", post)[0]
    return any(not _is_noise(rest, q) for q in scan(rest))


def _qualifies_next(text: str, m: Quantity, found: list[Quantity], unit: str | None) -> bool:
    """超10亿元企业20家: an amount written as a threshold right before the noun of a count."""
    later = [q for q in found if q.start() >= m.end()]
    if not later or not _BEFORE_GT.search(text[:m.start()]) and not _BEFORE_GE.search(text[:m.start()]):
        return False
    between = text[m.end():later[0].start()]
    nxt, mine = vocab.unit(_unit_of(later[0], text)), vocab.unit(unit)
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,8}", between)) and nxt is not None and nxt.kind == "count" \
        and mine is not None and mine.kind != "count"


def _is_multiple(before: str, unit: str | None) -> bool:
    return unit == "倍" and bool(re.search(rf"(?:{_lex('target_multiple_lead')})[^，,。；;]{{0,14}}"
                                          r"的[\d.．倍和、及\s]*$", before))


def _prior_period(text: str, period_start: int | None = None) -> bool:
    """“十四五”以来 / “十四五”期间 / “十四五”时期 (year_prior_period_forms) of a period before the plan's."""
    for m in year_scope.PERIOD_RE.finditer(text):
        if m.group(2) not in vocab.lexicon("year_prior_period_forms") \
                or text[max(0, m.start() - 1):m.start()] in vocab.lexicon("year_baseline_marks"):
            continue
        end = year_scope.period_end(m.group(1))
        if end is not None and (period_start is None or end <= period_start):  # (a 2025–2027 plan: 十四五 is earlier)
            return True
    return False


_ALLOC_VERB = re.compile(_lex("target_funding_allocation_verbs"))
_REFERENCE_SCOPE = re.compile(rf"^(?:{_lex('target_reference_scopes')})")
_SELF_REFERENCE = re.compile(_lex("target_self_references"))
_FUND_NOUN = re.compile(_lex("target_funding_nouns"))
_GRANT_VERB = re.compile(_lex("target_grant_verbs"))


def _is_allocation(text: str, m: Quantity, unit: str | None, sent_before: str = "") -> bool:
    """市财政每年安排专项资金3亿元, 设立800万元专项资金, 整合各类资金2000万元, 设立专项资金，每年5000万元: money
    budgeted for the plan's work is an instrument, not a target (a clause that gives a grant is a grant norm)."""
    u = vocab.unit(unit)
    if u is None or u.kind != "money" or "给予" in text:
        return False
    if _ALLOC_VERB.search(text[:m.start()]):
        return bool(_FUND_NOUN.search(text[max(0, m.start() - 14):m.end() + 12]))  # 设立总规模10亿元的民营企业发展基金
    # the budgeting clause just before: 设立…专项资金，每年5000万元
    prev = re.split(r"[，,]", sent_before)
    return len(prev) >= 2 and bool(_ALLOC_VERB.search(prev[-2])) and bool(_FUND_NOUN.search(prev[-2][-8:])) \
        and len(prev[-1].strip()) <= 4


def _eligibility_clause(sent: str, verbs: re.Pattern | None = None) -> re.Match | None:
    """对…的 at the head of a grant sentence (对年营业收入首次突破1亿元的软件企业，给予…): the 对-clause, up to
    its last 的 before the first comma, when a grant verb follows it."""
    # (a list number or an article number 第三条 may open it)
    m = re.match(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+、"
                 r"|第[一二三四五六七八九十百零〇\d]{1,5}条)?\s*"
                 rf"对((?:(?!按|{_lex('target_grant_verbs')})[^，,。；;])*的)([^，,。；;]{{0,12}})", sent)
    verbs = verbs or _GRANT_VERB
    if not m or _GRANT_VERB.search(m.group(1)) or not verbs.search(sent[m.end(1):]):
        return None
    return m


def _grant_receiver(clause: str) -> str:
    """新引进的产业链配套企业 -> 产业链配套企业 (the receiver after the last 的, when it is more than a word)."""
    head, _, receiver = clause.rpartition("的")
    if len(receiver) >= 4:
        return receiver
    return re.sub(rf"^(?:{_lex('naming_award_lead_words')})+", "", clause)


_SUPPORT_VERB = re.compile(rf"(?:{_lex('target_grant_verbs')}|{_lex('target_support_verbs')})")


def _in_eligibility(sent: str, pos: int) -> bool:
    """Inside the 对…的 clause of a grant rule, or of a rule that gives another support (对员工人数达到300人以上的企业，
    优先保障用地指标; target_support_verbs): a condition of eligibility."""
    m = _eligibility_clause(sent, _SUPPORT_VERB)
    return m is not None and m.start(1) <= pos < m.end(1)


_GRANT_RESP = re.compile(rf"分别(?:{_lex('target_grant_verbs')})(?:一次性)?((?:{_lex('naming_subsidy_words')})?)"
                         r"[\d.．、万亿元千百至到—\-–~～\s]+((?:" + _lex("naming_subsidy_words") + r")?)")
_PER_ONE_NAME = re.compile(rf"(?:{_lex('target_grant_verbs')})?每(?:{_lex('target_cap_per_one_words')})"
                           r"[\u4e00-\u9fff]{1,4}")
_BARE_GRANT_NAME = re.compile(rf"^(?:分别)?(?:给予)?(?:一次性)?(?:{_lex('naming_subsidy_words')})?"
                              rf"(?:{_lex('naming_cap_words')}|{_lex('naming_grant_name_endings')})?$")


def _grant_objects(clause: str) -> tuple[list[str], str]:
    """The objects a grant rule lists in its 对-clause (当年新评为A、B的企业 -> [A, B], 企业) and the receiver
    after the last 的."""
    head, _, receiver = clause.rpartition("的")
    lead = re.compile(rf"^(?:{_lex('naming_award_lead_words')})")
    while (h := lead.sub("", head)) != head:
        head = h
    items = [i.strip() for i in re.split(r"[、和及]", head) if i.strip()]
    return items, receiver.strip()


def _grant_names(sent: str, facts: list[TargetFact]) -> list[TargetFact]:
    """Grant rules name each amount by what it is given for: 对省级A、市级B的企业，分别给予80万元、40万元奖励 ->
    A奖励, B奖励; 对取得证书的人员，给予最高3000元奖励 -> 取得证书的人员奖励上限 (not 分别给予, 奖励上限)."""
    el = _eligibility_clause(sent)
    if el is None:
        return facts
    mine = [f for f in facts if f.value is not None and f.quote.text == sent and f.kind == "standard"]
    for f in mine:
        if _PER_ONE_NAME.fullmatch(f.indicator_text or "") and (w := _GRANT_WORD.search(sent)):
            # 给予每个项目不超过5万元的一次性奖励: the grant's cap per one receiver, named by the grant
            f.indicator_text = w.group(0) + ("上限" if f.comparator in ("<=", "<") else "")
    bare = [f for f in mine if _BARE_GRANT_NAME.match(f.indicator_text or "")]
    if not bare:
        return facts
    items, receiver = _grant_objects(el.group(1) + el.group(2))
    resp = _GRANT_RESP.search(sent)
    word = (resp.group(1) or resp.group(2)) if resp else ""
    listed = items if len(items) > 1 and not any(re.search(r"\d", i) for i in items) else []
    if resp and listed and len(listed) == len(bare):
        last = listed[-1]
        shared = last.split("级", 1)[1] if "级" in last[:-1] else ""  # 国家级、省级技术中心: 技术中心 for both
        for f, item in zip(bare, listed):
            obj = f"{item}{shared or receiver}" if item.endswith("级") else item
            f.indicator_text = f"{obj}{word or '奖励'}"
        return facts
    obj = receiver if any(re.search(r"\d", i) for i in items) else _grant_receiver(el.group(1) + el.group(2))
    for f in bare:
        name = re.sub(r"^(?:分别)?(?:给予)?", "", f.indicator_text or "") or (word or "奖励")
        if re.fullmatch(r"(?:分别)?(?:给予)?(?:一次性)?", f.indicator_text or ""):
            name = f"{(f.indicator_text or '').replace('分别', '').replace('给予', '')}{word or '奖励'}"
        f.indicator_text = f"{obj}{name}"
    return facts
