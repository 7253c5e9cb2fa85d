"""Indicator naming: the shortest phrase that says what an amount measures.

Given the text of a clause before an amount (``pre``) and after it (``post``), the name is

* the phrase before the amount without its comparator verb (X达到N -> X), year phrase (到2025年), scope
  and lead words (全市, 力争, 推进) — :func:`indicator_before`;
* the object after the amount when the phrase before ends in an action verb (建设N个X -> X; 吸引39家总部企业),
  begins with one (建成中心城区6座X -> X), or closes a list of examples (大名、月浦等23个X -> X);
* a rate or a cap of a grant (按项目合同金额的30%给予奖补 -> 项目合同金额奖补比例; 单个企业最高200万元 ->
  单个企业奖补上限) — :func:`grant_name`.

Every word list is a lexicon (ontology/vocab/lexicons/naming_*.txt).
"""
from __future__ import annotations

import re
from functools import cache

from ontology import vocab
from ontology.mapping.year_scope import YEAR_RE
from ontology.strings import split_outside_brackets

NUM = r"\d+(?:\.\d+)?"


def _alt(name: str) -> str:
    return vocab.lexicon_regex(name)


@cache
def _patterns() -> dict[str, re.Pattern]:
    return {
        "comparator": re.compile(
            rf"(?:{_alt('naming_comparator_lead')})*(?:{_alt('naming_comparator_verbs')})?"
            rf"(?:每(?:{_alt('quantity_scale_words')})?(?:{_alt('naming_per_words')}))?\s*$"),
        "lead": re.compile(rf"^(?:{_alt('naming_lead_noise')})+"),
        "verb_end": re.compile(rf"(?:{_alt('naming_action_verbs')})(?:了)?$"),
        "verb_start": re.compile(rf"^(?:{_alt('naming_action_verbs')})"),
        "dropped_verb": re.compile(rf"^(?:{_alt('naming_dropped_verbs')})"),
        "verb_noun": re.compile(rf"^(?:{_alt('naming_verb_nouns')})"),
        "suffix": re.compile(rf"(?:{_alt('naming_measure_suffixes')})$"),
        "ending": re.compile(rf"(?:{_alt('naming_measure_endings')})$"),
        "subsidy": re.compile(_alt("naming_subsidy_words")),
        "cap": re.compile(rf"(?:{_alt('naming_cap_words')})$"),
        "enum_end": re.compile(rf"(?:{_alt('naming_enumeration_end')})$"),
        "change_end": re.compile(rf"(?:{_alt('naming_change_verbs')})$"),
        "margin_start": re.compile(rf"^(?:{_alt('target_margin_verbs')})"),
        "batch": re.compile(rf"^(?:{_alt('naming_batch_words')})$"),
        "period": re.compile(rf"“?十[一二三四五六七八九]五”?\s*(?:{_alt('year_period_suffixes')})?(?:的)?"
                             rf"|(?:(?:{_alt('target_governing_lead')})\s*)?(?:{_alt('year_plan_period_phrases')})(?:的)?"),
        "months": re.compile(r"\d{1,2}\s*(?:至|-|—|～|~)\s*\d{1,2}\s*月(?:份)?(?:末)?"),
        "baseline": re.compile(rf"(?:与|同)?(?:{_alt('year_baseline_marks')})?\s*(?:(?:19|20)\d\d\s*年(?:底|末)?"
                               rf"|“?十[一二三四五六七八九]五”?\s*(?:{_alt('year_period_suffixes')}))(?:相比|比较)?\s*$"),
        "article": re.compile(r"^第[一二三四五六七八九十百零〇\d]+条\s*"),
        "relative": re.compile(rf"(?:较|比)(?:{_alt('target_relative_references')})$|同比$"),
        "bullet": re.compile(rf"^\s*(?:{_alt('naming_bullets')})+\s*"),
    }


_BRACKET_VERB = re.compile(r"([\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,2})[）)]([\u4e00-\u9fff])")


def _unbracket_verb(m: re.Match) -> str:
    """新（改）建 -> 新建: a verb written with a bracketed alternative (新（扩）建, 改（扩）建) is that verb."""
    verb = m.group(1) + m.group(3)
    return verb if _patterns()["verb_start"].fullmatch(verb) or ends_in_verb(verb) else m.group(0)


def indicator_before(pre: str) -> tuple[str, bool]:
    """Strip comparator words, year phrases and lead-ins; report whether what is left ends in an action
    verb (or is empty), i.e. whether the object after the amount names it."""
    p = _patterns()
    s = p["comparator"].sub("", _BRACKET_VERB.sub(_unbracket_verb, pre))
    cut = p["baseline"].sub("", s)  # 单位能耗较2020年(下降12%): the baseline is no part of the name
    if cut != s:
        # 力争到2027年(突破8万辆): a goal year cut at the end takes its preposition with it
        cut = re.sub(rf"(?:{_alt('year_prepositions')})\s*$", "", cut)
    s = cut
    s = p["relative"].sub("", s)  # 接待游客人次较上年(增长10%)
    s = p["article"].sub("", s)
    last_year = None
    for last_year in YEAR_RE.finditer(s):  # noqa: B007 (the last match is used below)
        pass
    if last_year is not None:
        # 粮食综合生产能力2023年达到540亿公斤: the name stands before the year when nothing follows it
        s = s[last_year.end():] if s[last_year.end():].strip(" ，,、") else s[:last_year.start()]
    s = p["period"].sub("", p["months"].sub("", s))
    # 分别较“十四五”(增长20%): the reference, named by the earlier amount
    s = re.sub(r"(?:(?:分别)?较|分别比)\s*$", "", s)
    s = re.sub(r"^[^，,]*?领域[，,]?", "", s) if "领域" in s[:12] else s
    s = p["lead"].sub("", s).strip(" ，,、")
    return s, bool(ends_in_verb(s)) or not s


def base_of_change(name: str) -> str:
    """比例上升 -> 比例: the indicator whose change a name states, for a later clause stating its level."""
    return _patterns()["change_end"].sub("", name) if name else name


def stock_of(name: str) -> str:
    """新增绿道 -> 绿道: the stock whose flow a name states."""
    return re.sub(rf"^(?:{_alt('naming_flow_prefixes')})", "", name) or name


def starts_with_margin(name: str) -> bool:
    """高于全省平均增速: a margin whose indicator an earlier clause names."""
    return bool(_patterns()["margin_start"].match(name))


def ends_in_verb(s: str) -> re.Match | None:
    return _patterns()["verb_end"].search(s)


def starts_with_verb(s: str) -> bool:
    p = _patterns()
    return bool(p["verb_start"].match(s)) and not p["verb_noun"].match(s)


@cache
def _next_item() -> re.Pattern:
    """A list joiner (enumeration_joiners) before the number of the next item of an enumeration."""
    joiners = "|".join(sorted((re.escape(w) for w in vocab.lexicon("enumeration_joiners")), key=len, reverse=True))
    return re.compile(rf"(?:{joiners})(?=\s*(?:\d|[一二两三四五六七八九十百千]+\s*(?:{vocab.unit_regex()})))")


def enumeration_joint(pre: str) -> bool:
    """``pre`` (the text between two amounts) is only a list joiner (、 和 及 与): the amounts are items of one
    enumeration (新建5座X、42条Y和16个Z)."""
    joiners = vocab.lexicon("enumeration_joiners")
    rest = pre.strip()
    for _ in range(3):
        for w in sorted(joiners, key=len, reverse=True):
            if rest.startswith(w):
                rest = rest[len(w):].strip()
    return bool(pre.strip()) and not rest


def object_after(post: str) -> str:
    """The noun phrase right after an amount (N家合格社区服务运营商 -> 合格社区服务运营商)."""
    s = re.sub(rf"^\s*(?:{_alt('target_comparator_ge_after')}|{_alt('target_comparator_le_after')}"
               rf"|{_alt('target_comparator_approx_after')}|的)", "", post)
    s = re.sub(rf"^\s*{NUM}\s*(?:{vocab.unit_regex()})", "", s)
    s = re.sub(r"^\s*[（(][^（）()]*[）)]", "", s)  # 20万亩（10分）: a remark in brackets names nothing
    s = re.split(r"[，,。；;：:]", s)[0]
    s = re.split(r"[（(][^（）()]*\d", s)[0]  # X（其中Y8个）: a breakdown in brackets is no part of the object
    s = _next_item().split(s, maxsplit=1)[0]  # 5所小学和8所幼儿园: the next item is no part of it
    if "的" in s:
        parts = s.split("的")
        # 30座水闸的整治: the object, not the work done to it (naming_work_nouns)
        work = len(parts) >= 2 and re.fullmatch(rf"(?:{_alt('naming_work_nouns')})+", parts[-1].strip())
        s = parts[-2] if work and parts[-2].strip() else parts[-1]
    s = re.split(_alt("naming_object_stops"), s)[0]
    s = re.sub(r"^[和及与]+", "", s)
    return re.sub(r"[“”\"'‘’]", "", s).strip()[:30]


def _earlier_work(sentence: str, pre: str, work: str) -> str:
    """The last phrase of ``sentence`` before ``pre`` that ends in the same work noun (适老化改造 for 完成改造)."""
    at = sentence.find(pre.strip()) if pre.strip() else -1
    head = sentence[:at] if at > 0 else ""
    found = re.findall(rf"([\u4e00-\u9fff]{{2,12}}{re.escape(work)})", head)
    if not found:
        return ""
    phrase = found[-1].rsplit("的", 1)[-1]
    phrase = re.sub(r"^对", "", phrase)
    return phrase if len(phrase) > len(work) + 1 else ""


def strip_verb(s: str) -> str:
    return _patterns()["verb_end"].sub("", s).strip()


def split_names(name: str) -> list[str]:
    """X、Y均达到N: split at 、 outside brackets; a measure word written once (A、B、C创建率) belongs to every item."""
    parts = [x.strip() for x in split_outside_brackets(name, "、", "(（", ")）") if x.strip()]
    if len(parts) > 1:
        # A、B和C: the joiner before the last item (enumeration_joiners) separates it too
        joiners = "|".join(re.escape(w) for w in vocab.lexicon("enumeration_joiners") if w != "、")
        last = re.split(rf"(?:{joiners})", parts[-1], maxsplit=1)
        if len(last) == 2 and len(last[0].strip()) >= 2 and len(last[1].strip()) >= 2 and "（" not in parts[-1]:
            parts = parts[:-1] + [last[0].strip(), last[1].strip()]
    if len(parts) > 1 and all(len(x) == 1 for x in parts[:-1]) and len(parts[-1]) > 2:
        tail = parts[-1][1:]  # 一、二、三产业占比: the items are one character, the rest is shared
        return [x + tail for x in parts[:-1]] + [parts[-1]]
    n = len(parts[0])
    if len(parts) > 1 and n <= 3 and all(len(x) == n and re.fullmatch(r"[\u4e00-\u9fff]+", x) for x in parts[:-1]) \
            and len(parts[-1]) > n + 1 and _patterns()["suffix"].search(parts[-1]) \
            and not any(_strong_ending(x) for x in parts[:-1]):
        tail = parts[-1][n:]  # 城市、县城和乡镇污水处理率: items of one length, the measure after the last is shared
        return [x + tail for x in parts[:-1]] + [parts[-1]]
    parts = [x for x in parts if len(x) >= 2]
    p = _patterns()
    suffix = p["suffix"].search(parts[-1]) if len(parts) > 1 else None
    if suffix and len(parts[-1]) > len(suffix.group(0)) and not any(_strong_ending(x) for x in parts[:-1]):
        parts = [x + suffix.group(0) for x in parts[:-1]] + [parts[-1]]
    return parts


def split_joined_pair(name: str) -> list[str]:
    """城镇居民和农村居民人均可支配收入 (before 分别为 X、Y): two items joined by 和/及 without a 、, the measure after
    the second shared by the first (城镇居民人均可支配收入, 农村居民人均可支配收入); else the name alone."""
    joiners = "|".join(re.escape(w) for w in vocab.lexicon("enumeration_joiners") if w != "、")
    two = re.split(rf"(?:{joiners})", name, maxsplit=1)
    if len(two) != 2 or "（" in name or "(" in name:
        return [name]
    a, b = two[0].strip(), two[1].strip()
    if len(a) < 2 or len(b) < len(a) + 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", a + b):
        return [name]
    return [a + b[len(a):], b]


def _strong_ending(x: str) -> bool:
    """An item of a list that names its own measure (A覆盖率、B达标率); a one-character ending (量, 数) may be
    the item's own word (化学需氧量、氨氮排放总量)."""
    m = _patterns()["ending"].search(x)
    return m is not None and (len(m.group(0)) >= 2 or m.group(0) == "率")


def is_example_list(name: str) -> bool:
    """大名、月浦等 / 松江、青浦、嘉定、奉贤等: a list of examples before a count."""
    return bool(_patterns()["enum_end"].search(name))


def grant_name(name: str, post: str, sentence: str) -> str | None:
    """Names of grant rates and caps, which the phrase before the amount only starts:
    按项目合同金额的 (…30%给予奖补) -> 项目合同金额奖补比例; 单个企业最高 (…200万元) -> 单个企业奖补上限."""
    p = _patterns()
    subsidy = p["subsidy"].search(post) or p["subsidy"].search(sentence)
    word = subsidy.group(0) if subsidy else ""
    m = re.match(r"^按(?:照)?(.+?)的?$", name)
    if m and len(m.group(1)) >= 2:
        return f"{m.group(1)}{word}比例"
    cap = p["cap"].search(name)
    if cap:
        subject = name[: cap.start()].strip("，, ")
        subject = p["lead"].sub("", subject)
        if word and word in subject:
            word = ""  # 单台补贴最高… -> 单台补贴上限
        return f"{subject}{word}上限" if subject or word else None
    return None


def share_of_objects(post: str) -> str | None:
    """60%以上的社区建成嵌入式服务设施 -> 建成嵌入式服务设施的社区比例: a share of the objects that do something
    (the form of 达到…要求的面积比例)."""
    m = re.match(rf"^\s*[%％]?(?:{_alt('target_comparator_ge_after')}|{_alt('target_comparator_le_after')}"
                 rf"|{_alt('target_comparator_approx_after')})?的?([^，,。；;、]{{1,10}}?)((?:{_alt('naming_share_verbs')})[^，,。；;]{{1,16}})",
                 post)
    if not m:
        return None
    obj, vp = m.group(1).strip(), re.split(r"[，,。；;]", m.group(2))[0].strip()
    return f"{vp}的{obj}比例" if len(obj) >= 2 and len(vp) >= 3 else None


_VALUE_IN_NAME = re.compile(r"\d\s*[%％‰]")


def name_for(pre: str, post: str, *, shared_prefix: str = "", prev_indicator: str = "", sentence: str = "",
             percent: bool = False) -> str:
    """The indicator of the amount between ``pre`` and ``post`` (both within one clause); never a value
    (…分别较“十四五”增长20%和35%: the words after the amount are another amount, not a name)."""
    name = _name_for(pre, post, shared_prefix=shared_prefix, prev_indicator=prev_indicator, sentence=sentence,
                     percent=percent)
    if prev_indicator and _VALUE_IN_NAME.search(name):
        return prev_indicator
    return name


def _classifier_first_item(name: str, post: str) -> bool:
    """The amount opens the first item of an enumeration of <number><classifier><noun> items after one verb
    (选拔100名X、200名Y): the phrase before it is a short word that names no measure (a verb outside the
    lexicons), and after the noun right after the amount comes a list joiner and the next item's number."""
    if len(name) > 4 or _patterns()["ending"].search(name) or _patterns()["suffix"].search(name):
        return False
    obj = object_after(post)
    at = post.find(obj) if len(obj) >= 2 else -1
    return 0 <= at <= 4 and bool(_next_item().match(post[at + len(obj):].lstrip()))


def _name_for(pre: str, post: str, *, shared_prefix: str = "", prev_indicator: str = "", sentence: str = "",
              percent: bool = False) -> str:
    name, verbish = indicator_before(pre)
    share = share_of_objects(post) if percent and (not name or name in vocab.lexicon("indicator_scope")) else None
    if share:
        return share
    if name and _patterns()["batch"].match(name):
        name, verbish = "", True  # 首批80个示范社区: the batch word says which, the object what
    if pre.lstrip().startswith("、") and shared_prefix and name and not name.startswith("每"):
        name = shared_prefix + name
    if name and not verbish and _classifier_first_item(name, post):
        return object_after(post)  # 选拔100名X、200名Y: each number belongs to the noun after it
    if name and not verbish and (is_example_list(name) or starts_with_verb(name) and len(name) <= 8
                                 and not _patterns()["ending"].search(name)):
        obj = object_after(post)
        if len(obj) >= 2:
            return obj
    if verbish:
        obj = object_after(post)
        subject = strip_verb(name)
        verb = ends_in_verb(name)
        if obj and subject and len(subject) <= 8 and "的" not in subject:
            return subject + verb.group(0) + obj if verb else obj
        if not obj and (len(subject) >= 4 or subject and verb):
            return name  # 老旧小区综合改造150万平方米, 农房改造320户: the verb is the name's own noun
        if not obj and not subject and len(name) >= 2 and _patterns()["verb_start"].match(name):
            # 对困难家庭适老化改造…，全年完成改造500户: the sentence's earlier phrase with the same work; else
            # the verb phrase as written (完成改造), never the name of a different earlier amount
            earlier = _earlier_work(sentence, pre, name[-2:])
            if earlier:
                return earlier
            if prev_indicator and not re.search(rf"(?:{_alt('naming_grant_name_endings')})$", prev_indicator):
                pv = _patterns()["verb_start"].match(prev_indicator)
                if pv and name not in prev_indicator and len(prev_indicator) - pv.end() >= 2:
                    # 新建高标准农田4万亩，改造提升2万亩: another work on the earlier amount's object
                    run = re.search(rf"(?:{_alt('naming_action_verbs')}|{_alt('naming_work_nouns')})+\s*$", pre)
                    work = run.group(0).strip() if run and name in run.group(0) else name
                    return work + prev_indicator[pv.end():]
                return prev_indicator  # 建成助餐点80个，其中2024年建成30个
            written = re.search(rf"([\u4e00-\u9fff]{{0,2}}{re.escape(name)})\s*$", pre)
            return written.group(1) if written and _patterns()["verb_start"].match(written.group(1)) else name
        return obj or subject or prev_indicator
    if name in vocab.lexicon("naming_x_for_y_heads") and post.lstrip().startswith("为"):
        obj = re.split(r"[，,。；;]", post.lstrip()[1:])[0].strip()
        if len(obj) >= 2:
            return obj  # 以8万平方米为最高激励上限: the amount is the 最高激励上限
    if not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", name) and prev_indicator and not post.lstrip().startswith("的"):
        return prev_indicator  # 15万千瓦/30万千瓦时: nothing but a mark before the amount names the earlier one
    tail = object_after(post) if post[:1] not in "，,。；;" else ""
    grant = grant_name(name, post, sentence or pre + post)
    if grant:
        return grant
    if tail and _patterns()["subsidy"].fullmatch(tail):
        name = f"{name}{tail}"
    return strip_verb(name) or name


_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]"
                         r"|\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]{1,2}是)\s*")


def strip_enumerator(s: str) -> str:
    """A sentence or name without its list number ((一), 1., 三、, 一是)."""
    return _ENUMERATOR.sub("", s.lstrip())


def strip_lead(s: str) -> str:
    return _patterns()["lead"].sub("", s)


def clean(name: str) -> str:
    """A name without year phrases, scope and lead words, a leading action verb (建成绿道 -> 绿道), or
    trailing particles."""
    s = YEAR_RE.sub("", name)
    s = _patterns()["period"].sub("", _patterns()["months"].sub("", s)) or s
    s = _patterns()["bullet"].sub("", s)
    s = _ENUMERATOR.sub("", s)
    listed = re.match(r"^[^（(，,]{0,6}[（(][^）)]*、[^）)]*[）)]", s)
    if listed and len(s) - listed.end() >= 2:
        s = s[listed.end():]  # 街道（甲、乙、丙）社区食堂 after a count of the places: the listed places are no name
    s = re.sub(rf"[（(]\s*({_alt('naming_share_words')})$", r"\1", s)  # 测评（占比40%）: the share of the item
    s = _patterns()["lead"].sub("", s)
    m = _patterns()["dropped_verb"].match(s)
    if m and starts_with_verb(s) and len(s) - m.end() >= 2 and not re.search(r"的[^的]{1,10}比例$", s):
        s = s[m.end():]
    s = s.strip("的，,、 ")
    s = re.sub(rf"(?:{_alt('naming_trailing_hedges')})+$", "", s) or s  # 单个面积一般 (不小于…): the modal word
    if s[:1] in "（(" and not re.search(r"[）)]", s):
        s = _patterns()["lead"].sub("", s[1:])  # （省级5项、…, （其中养老服务站8个）: the open bracket of a breakdown
    if s[-1:] in "）)" and not re.search(r"[（(]", s):
        s = s[:-1]
    if s[:1] == "“" and "”" not in s:
        s = s[1:]   # 实现“重点引进人才达到2000名…”的目标: the quote opens a goal statement, not a name
    return s.strip("的，,、 ") or name
