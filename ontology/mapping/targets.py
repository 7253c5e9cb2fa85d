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

from ontology.strings import split_outside_brackets
from ontology import vocab
from ontology.mapping import year_scope
from ontology.mapping.quantity import Quantity, scan
from ontology.mapping.text import Span, clauses
from ontology.mapping.units import to_float
from ontology.mapping.year_scope import YEAR_RE, YearScope

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


_GOVERNING_YEAR = re.compile(r"(?:到|至|截至|截止到?)\s*((?:19|20)\d\d)\s*年(?:底|末)?")


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

_COMPARATOR_WORDS = re.compile(
    r"(?:在实现|在)?(?:要|(?<!人)均|都|分别|将|已|力争|争取|确保|稳定|保持|基本|年均|每年|累计|同比|比上年)*"
    r"(?:达到|达|为|是|不低于|不少于|至少|不小于|超过|突破|高于|大于|不超过|不高于|不大于|控制在|低于|小于"
    r"|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|下降到|下降至|降低到|降低至|缩小到|缩小至|减少到|减少至|上升到|上升至|扩大到|扩大至|稳定在|保持在|压缩至|压缩到|压减至|压减到|缩短至|缩短到|降至|提高|提升|增长|增加|下降|降低|减少|缩小|新增)?"
    r"(?:每(?:百|千|万|百万)?(?:户|人口|人|名居民|常住人口))?\s*$"
)
_LEAD_NOISE = re.compile(
    r"^(?:其中|并|同时|以及|和|及|与|且|或|、|全市|全区|全省|全县|全自治区|市区|主城区|城区|各地|我市|我区|本市|市级(?!以上|及以上)|县级(?!以上|及以上)|力争|争取|确保|基本实现|实现|进一步|每年|年均|累计|共|逐步|努力|"
    r"全面落实|落实|全面|加快|推动|推进|开展|完成|扩大|保持|达到|给予|至少|不少于|对|在|使|让)+"
)
_ACTION_VERB = re.compile(
    r"(?:建设|打造|培育|建成|新建|改建|创建|引育|引进|开设|完成|实施|改造|举办|设立|新增|招引|培养|配备|提供|扶持|吸纳|"
    r"引导|建立|组建|认定|评选|推出|开发|创成|命名|帮扶|资助|增设|配置|设置|加装|建有|组织|办好|至少有|均有|都有)(?:了)?$"
)
_STANDARD = re.compile(r"规定|不得|每百户|每张床|每平方米|人均不少于|给予|配建|每\d+(?:\.\d+)?\s*万?人\s*(?:[-—–~～至到]\s*\d+(?:\.\d+)?\s*万?人)?(?:设置|配置|配备|建设|建有)|^对[^，,。]{0,24}(?:以下|以上)")
_STANDARD_WORD = re.compile(r"标准(?!化|体系)")
_HISTORIC = vocab.lexicon_pattern("target_historic_markers")
_ANNUAL = vocab.lexicon_pattern("target_annual_markers")
_COVERAGE = re.compile(r"(?:基本|全面|逐步)?(?:实现|达到)?(?:全覆盖)")
_QUALITATIVE = re.compile(
    r"(?:明显|显著|大幅|稳步|持续|进一步|不断|全面|逐步)(?:提高|提升|增强|改善|扩大|优化)|更加(?:完善|多元|健全|均衡|便利|合理|丰富)"
    r"|提质扩容|基本(?:形成|建立|建成)|全面建成|日益完善|显著增强"
)
_ATTR = re.compile(r"约束性|预期性")
_DEFINITION = re.compile(r"^\s*(?:注|备注|说明)\s*(?:\d+|[①-⑩])?\s*[:：]|所称|是指")


def _comparator(before: str, after: str, ranged: bool, approx: str | None = None) -> str:
    if ranged:
        return "range"
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


def _is_noise(text: str, m: Quantity) -> bool:
    """Numbers that are not quantities (see module docstring)."""
    s, e = m.start(), m.end()
    before = text[max(0, s - 3):s]
    after = text[e:e + 6]
    whole = m.group(0)
    if s > 0 and (text[s - 1].isascii() and text[s - 1].isalpha() or text[s - 1] in "+＋〔[第.．"):
        return True
    if after[:1].isascii() and after[:1].isalpha():
        return True  # 5G, 5A级
    if after[:1] and after[:1] in "+＋〕]号级期届" or after.startswith(("次党代会", "次全会")):
        return True
    if m.group("r1"):
        return False
    v1 = m.group("v1")
    unit = m.group("u2") or m.group("u1")
    if re.fullmatch(r"(?:19|20)\d\d", v1) and (unit in (None, "年") or m.group("u1") == "年" or after.startswith("年")):
        return True  # a year
    if after.startswith(("月", "日")) or before.endswith("月"):
        return True  # a date
    if unit is None and not m.group("per"):
        return not after.startswith(("%", "％", "‰"))
    if unit in ("分钟", "小时", "公里", "千米", "米") and re.match(r"\s*(?:[\u4e00-\u9fff“”\"]{0,6})圈", after):
        return True  # 15分钟生活圈, 1小时通勤圈 are names
    if unit == "岁" and (re.match(r"\s*(?:以下|以上|及以上)?(?:的)?(?:婴幼儿|儿童|幼儿|老年|老人|人口|人群|及|以下|以上)", after) or "—" in whole or "-" in whole):
        return True  # 3岁以下婴幼儿 is part of an indicator
    if unit in ("年",) and before.endswith(("每", "近", "前", "后", "连续", "续")):
        return True  # 近3年, 连续4年荣获: a span of time, not a quantity
    if unit in ("年", "个月", "月", "天", "日", "个工作日", "小时") and (
            re.match(r"\s*(?:内|后|之内|之后)", after) or text[max(0, s - 4):s].endswith(("有效期", "有效期为"))):
        return True  # procedure deadlines (结束后3个月内提交, 公示5个工作日后) and validity (有效期3年); 以内 is a goal
    if len(v1.split(".")[0]) >= 7:
        return True  # phone numbers, ids
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


def _indicator_before(pre: str) -> tuple[str, bool]:
    """Strip comparator words and lead-ins; report whether what is left ends in an action verb."""
    s = _COMPARATOR_WORDS.sub("", pre)
    last_year = None
    for last_year in YEAR_RE.finditer(s):
        pass
    if last_year is not None:
        s = s[last_year.end():]
    s = re.sub(r"^[^，,]*?领域[，,]?", "", s) if "领域" in s[:12] else s
    s = _LEAD_NOISE.sub("", s).strip(" ，,、")
    verb = _ACTION_VERB.search(s)
    return s, bool(verb) or not s


def _object_after(post: str) -> str:
    s = re.sub(r"^\s*(?:以上|及以上|以下|以内|左右|上下|的)", "", post)
    s = re.sub(rf"^\s*{NUM}\s*(?:{vocab.unit_regex()})", "", s)
    s = re.split(r"[，,。；;：:]", s)[0]
    s = s.split("的")[-1] if "的" in s else s
    s = re.split(r"、|全覆盖|实现|达到", s)[0]
    s = re.sub(r"^[和及与]+", "", s)
    return re.sub(r"[“”\"'‘’]", "", s).strip()[:30]


def _strip_verb(s: str) -> str:
    return _ACTION_VERB.sub("", s).strip()


_BASELINE_AFTER = re.compile(r"^\s*(?:%|％|‰)?\s*(?:以上|以下|以内|左右)?\s*(?:提高|提升|增加|增长|下降|降低|上升|减少|扩大|缩小)(?:到|至)")
_BASELINE_BEFORE = re.compile(r"[由从]\s*(?:((?:19|20)\d\d)\s*年(?:底|末)?(?:的)?)?\s*$")
_SPLIT_VERB = re.compile(r"(?:均|都|分别)(?:达到|达|为|不低于|不少于|超过|保持在|稳定在|控制在)?\s*$")


def _kind(sent: str, clause: str, year: int | None, period_start: int | None, goal_context: bool) -> str:
    if _STANDARD.search(sent):
        return "standard"
    if _STANDARD_WORD.search(clause) and not re.search(r"(?:国家|省|部).{0,6}标准|达到.{0,10}标准", clause):
        return "standard"
    if "要达到" in clause and year is None:
        return "standard"  # 用房要达到每百户N平方米; 到2025年…要达到N is a goal
    if year is not None and period_start is not None and year < period_start:
        return "historic"
    if _HISTORIC.search(sent) and not goal_context:
        return "historic"
    return "target"


def _split_names(name: str) -> list[str]:
    """X、Y均达到N: split at 、 outside brackets."""
    parts = split_outside_brackets(name, "、", "(（", ")）")
    parts = [p for p in parts if len(p) >= 2]
    # 特色示范学校、特色学校、特色优势学校创建率: the measure word written once belongs to every item
    suffix = re.search(r"(?:创建率|覆盖率|普及率|达标率|合格率|满意度|参保率|入学率|入园率|巩固率|知晓率|占比|比例|比重|比率|率)$", parts[-1]) if len(parts) > 1 else None
    if suffix and not any(re.search(r"(?:率|占比|比例|比重|满意度|数|量|面积|规模)$", p) for p in parts[:-1]):
        parts = [p + suffix.group(0) for p in parts[:-1]] + [parts[-1]]
    return parts


def extract(sent: Span, context: Span, *, period_start: int | None = None, period_end: int | None = None,
            goal_context: bool = False, historic_context: bool = False,
            block_year: int | None = None) -> list[TargetFact]:
    """Targets of one sentence; ``context`` is the enclosing paragraph whose year phrases govern it and
    ``block_year`` the year of the block lead (到2030年，…：) governing the paragraph, if any.

    The year scope pass (:func:`scope_year`) then gives every fact its year and year_source.
    """
    facts: list[TargetFact] = []
    sent_text = sent.text
    if _DEFINITION.search(sent_text):
        return facts  # 注：规上工业企业指年主营业务收入2000万元及以上的企业; 本办法所称… define, not aim
    sent_change = "cumulative" if "累计" in sent_text else ("annual_average" if "年均" in sent_text else None)
    attr_m = _ATTR.search(sent_text)
    attribute = {"约束性": "binding", "预期性": "expected"}.get(attr_m.group(0)) if attr_m else None
    head = context.text[: max(0, sent.start - context.start)] + sent_text[:12]
    gctx = goal_context or bool(_GOVERNING_YEAR.search(head))

    def finish(f: TargetFact) -> TargetFact:
        return scope_year(f, sent_text, period_start=period_start, period_end=period_end,
                          historic_context=historic_context, goal_context=gctx, block_year=block_year)

    n_clauses = sum(1 for _ in clauses(sent))
    for cl in clauses(sent):
        # 累计 / 年均 qualify their own clause (one-clause sentences: the sentence)
        change = ("cumulative" if "累计" in cl.text else ("annual_average" if "年均" in cl.text else None)) \
            if n_clauses > 1 else sent_change
        found = _clause_quantities(cl)
        if found:
            shared_prefix = ""
            prev_indicator = ""
            last_end = 0
            baseline: tuple[float, int | None] | None = None
            respectively: list[str] = []
            resp_comp = "="
            for m in found:
                pre = cl.text[last_end:m.start()]
                post = cl.text[m.end():]
                before_all = cl.text[:m.start()]
                bb = _BASELINE_BEFORE.search(before_all)
                if bb and not m.group("r1") and _BASELINE_AFTER.match(post):
                    baseline = (to_float(m.group("v1")), int(bb.group(1)) if bb.group(1) else None)
                    pre_name = pre[: len(pre) - len(bb.group(0))]
                    prev_indicator = _indicator_before(pre_name)[0] or prev_indicator
                    last_end = m.end()
                    continue
                ys = year_scope.governing(context, sent, cl.start + m.start())
                year = ys.year
                unit = _unit_of(m, cl.text)
                if m.group("r1"):
                    a, b = to_float(m.group("r1")), to_float(m.group("r2"))
                    value = b if a == 1 else (a if b == 1 else round(b / a, 6))
                    vmax = None
                    ranged = False
                else:
                    value = to_float(m.group("v1"))
                    vmax = to_float(m.group("v2")) if m.group("v2") else None
                    ranged = vmax is not None
                comp = _comparator(before_all, post, ranged, m.approx)
                if baseline is not None:
                    name, verbish = prev_indicator, False
                else:
                    name, verbish = _indicator_before(pre)
                    if pre.lstrip().startswith("、") and shared_prefix and name and not name.startswith("每"):
                        name = shared_prefix + name
                    if verbish:
                        obj = _object_after(post)
                        subject = _strip_verb(name)
                        if obj and subject and len(subject) <= 8 and "的" not in subject:
                            name = subject + _ACTION_VERB.search(name).group(0) + obj if _ACTION_VERB.search(name) else obj
                        else:
                            name = obj or subject or prev_indicator
                    else:
                        tail = _object_after(post) if post[:1] not in "，,。；;" else ""
                        if tail in ("补助", "补贴", "奖励", "资助"):
                            name = f"{name}{tail}"
                        name = _strip_verb(name) or name
                if not name:
                    last_end = m.end()
                    continue
                pm = re.match(r"^(每(?:百万|百|千|万)?(?:人口|人|户|名居民|常住人口)?拥有)", name)
                if pm:
                    shared_prefix = pm.group(1)
                names = _split_names(name) if _SPLIT_VERB.search(before_all) else [name]
                if respectively and not pre.strip(" 、，,和及"):
                    names = [respectively.pop(0)]
                    comp = resp_comp if comp == "=" and not ranged else comp
                elif len(names) > 1 and re.search(r"分别", before_all[-8:]):
                    respectively = names[1:]
                    names = names[:1]
                    resp_comp = comp
                for nm in names or [name]:
                    fact = TargetFact(
                        indicator_text=nm, value=value, unit=unit, comparator=comp,
                        kind=_kind(sent_text, cl.text, year, period_start, gctx), quote=sent, value_max=vmax,
                        year=year, attribute=attribute, change_type=change, year_source=ys.source,
                    )
                    if baseline is not None:
                        fact.baseline_value, fact.baseline_year = baseline
                    if re.match(r"\s*的基础上", post):
                        fact.kind, fact.year, fact.year_source = "baseline", None, "none"
                    facts.append(finish(fact))
                baseline = None
                prev_indicator = names[-1] if names else name
                last_end = m.end()
                tail_m = re.match(r"\s*(?:以上|及以上|以下|以内|左右|上下|%|％|‰)+", cl.text[last_end:])
                if tail_m:
                    last_end += tail_m.end()
        else:
            cov = _COVERAGE.search(cl.text)
            if not gctx and not cov:
                continue
            ys = year_scope.governing(context, sent, cl.start + len(cl.text))
            year = ys.year
            qual = _QUALITATIVE.search(cl.text) if gctx and not historic_context else None
            if cov:
                subj = _LEAD_NOISE.sub("", YEAR_RE.sub("", cl.text[: cov.start()])).strip("，,、 ")
                subj = re.sub(r"^[^，,]*?领域", "", subj) if "领域" in subj[:10] else subj
                subj = re.sub(r"[“”\"']", "", subj)
                if "实现" in subj:
                    subj = subj.rsplit("实现", 1)[1]
                subj = re.sub(r"^(?:推进|推动|实施|完善|构建|加快|建立|建设|开展|落实|促进|做到|确保|力争|逐步|基本|全面)+", "", subj)
                if 2 <= len(subj) <= 30:
                    facts.append(finish(TargetFact(f"{subj}覆盖率", 100.0, "%", "=", "coverage", sent, year=year,
                                                   attribute=attribute, change_type=change, year_source=ys.source)))
            elif qual:
                subj = _LEAD_NOISE.sub("", YEAR_RE.sub("", cl.text[: qual.start()])).strip("，,、 ")
                subj = re.sub(r"(?:基本实现|实现|进一步|不断|持续)$", "", subj)
                subj = re.sub(r"[“”\"']", "", subj)
                if len(subj) >= 4:
                    facts.append(finish(TargetFact(subj, None, None, None, "qualitative", sent, year=year,
                                                   attribute=attribute, change_type=change, year_source=ys.source)))
    return facts


def _clause_quantities(cl: Span) -> list[Quantity]:
    out = []
    for m in scan(cl.text):
        if not m.group(0).strip():
            continue
        if _is_noise(cl.text, m):
            continue
        out.append(m)
    return out


def scope_year(f: TargetFact, sent_text: str, *, period_start: int | None, period_end: int | None,
               historic_context: bool = False, goal_context: bool = False, block_year: int | None = None) -> TargetFact:
    """The year scope pass for one fact (see ontology/mapping/year_scope.py): historic figures get the year
    they state or the previous period's end; yearly quantities no year; other goals the sentence's year,
    the block lead's, or the plan's end."""
    if historic_context and f.kind in ("target", "coverage") and (f.year is None or not period_start or f.year < period_start):
        f.kind = "historic"
    if f.kind == "target" and not goal_context and f.year is None and _prior_period(sent_text):
        f.kind = "historic"  # “十四五”以来, “十三五”期间
    if f.kind == "historic":
        if f.year is not None and f.year_source == "sentence" and (period_start is None or f.year < period_start):
            return f
        y = year_scope.prior_period_end(sent_text, period_start) or year_scope.previous_period_end(period_start)
        f.year, f.year_source = (y, "block") if y else (None, "none")
        return f
    if _ANNUAL.search(sent_text) and f.kind in ("target", "coverage"):
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


def _prior_period(text: str) -> bool:
    return bool(re.search(r"十[一二三四五六七八九]五”?\s*(?:以来|期间)", text))
