"""Indicator names: the normalized key, the quantity kind, and the canonical indicator of a name.

A written indicator is first *normalized* for display (brackets, quotes, blanks), then reduced to
a *key* for comparison: scope words and years removed (lexicons/indicator_scope.txt), qualifiers
stripped into properties ((期末), (五年累计), 年均, 累计, (%) — lexicons/indicator_qualifiers.txt),
rewordings put in one canonical form (lexicons/indicator_rewordings.txt: 参加失业保险人数 →
失业保险参保人数, 学前教育毛入学率 → 毛入园率, 网民规模 → 网民数 in a count), filler and decorative words
dropped (lexicons/indicator_filler.txt, indicator_decorative.txt: 城乡, 居民, 城市), restrictive words
written as their class (lexicons/indicator_restrictive.txt: 筹集 → 新增), abbreviations written out
(lexicons/indicator_abbreviations.txt: 规上 → 规模以上, 普惠园 → 普惠性幼儿园) and measuring words unified
(比例/占比/比重 → 率 where the quantity is a share, 每千人口/每千人/每千名 → 每千人 —
lexicons/indicator_measure_words.txt).  Grade and size marks (5A, 5G, Ⅲ类, 10分钟:
lexicons/indicator_marks.txt) are part of the key's parts: two names with other marks are never one.
Its *kind* (share, count, per_capita, rate_of_change, money, area, length, time, ratio, other) comes
from the unit where the unit says it and from the name otherwise (lexicons/indicator_kinds.txt); two
indicators of different kinds are never one.

Mapping gives every target the node of its key: the canonical indicator of vocab/indicators.csv
when the key is one of its synonyms' keys (and the kinds agree), else a deterministic node keyed
by (key, kind).  Which keys of different plans are one concept is decided later, over all plans
in the store, by the resolution stage (linking/indicators.py).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

from model.ids import short_hash
from ontology import vocab
from ontology.mapping.domains import classify_indicator

_QUOTES = re.compile(r"[“”\"'‘’《》「」『』\s]")
MIN_CONTAINED = 4
BARE_COUNT = 4  # a count key shorter than this without a quantity word gets 数 (公园 = 公园数)
KINDS = ("share", "count", "per_capita", "rate_of_change", "money", "area", "length", "time", "ratio", "other")
_UNIT_KIND = {"money": "money", "money_usd": "money", "area": "area", "length": "length", "duration": "time",
              "age": "time", "count": "count"}


@dataclass(frozen=True)
class IndicatorRef:
    id: str
    name: str
    name_en: str | None
    unit: str | None
    domain: str | None
    known: bool
    key: str = ""
    kind: str = "other"


@dataclass(frozen=True)
class IndicatorKey:
    """What resolution compares: the key, the quantity kind and the qualifiers taken off the name."""
    key: str
    kind: str
    qualifiers: tuple[str, ...] = ()
    unit: str | None = None  # the unit a bracket after the name said (城镇新增就业（万人）), where it said one


@dataclass(frozen=True)
class _Patterns:
    lead: re.Pattern
    scope: re.Pattern
    quals: tuple[tuple[re.Pattern, str], ...]
    filler: re.Pattern
    kinds: tuple[tuple[str, re.Pattern], ...]
    word_map: dict[str, str]
    word_re: re.Pattern
    restrictive_map: dict[str, str]
    restrictive_re: re.Pattern
    base_re: re.Pattern
    quantities: tuple[str, ...]
    per_capita_unit: re.Pattern
    rewordings: tuple[tuple[str | None, re.Pattern, str], ...]
    marks: re.Pattern
    residue: re.Pattern


@cache
def _patterns() -> _Patterns:
    scope = vocab.lexicon_regex("indicator_scope")
    quals: list[tuple[re.Pattern, str]] = []
    for line in sorted(vocab.lexicon("indicator_qualifiers"), key=lambda x: -len(x.partition("=>")[0].strip())):
        phrase, _, prop = (x.strip() for x in line.partition("=>"))
        quals.append((re.compile(phrase[3:] if phrase.startswith("re:") else re.escape(phrase)), prop))
    words: list[tuple[str, str]] = []
    for line in (*vocab.lexicon("indicator_measure_words"), *vocab.lexicon("indicator_abbreviations")):
        a, _, b = (x.strip() for x in line.partition("=>"))
        words.append((a, b))
    rewordings: list[tuple[str | None, re.Pattern, str]] = []
    for line in vocab.lexicon("indicator_rewordings"):
        pat, _, repl = (x.strip() for x in line.partition("=>"))
        head, sep, rest = pat.partition(":")
        only = head.strip() if sep and head.strip() in KINDS else None
        if only is not None:
            pat = rest.strip()
        rewordings.append((only, re.compile(pat), repl))
    words.sort(key=lambda x: -len(x[0]))
    kinds: list[tuple[str, re.Pattern]] = []
    for line in vocab.lexicon("indicator_kinds"):
        k, _, cue = (x.strip() for x in line.partition(":"))
        if k not in KINDS:
            raise ValueError(f"lexicons/indicator_kinds.txt: unknown kind {k!r} in {line!r}")
        kinds.append((k, re.compile(cue[3:] if cue.startswith("re:") else re.escape(cue))))
    restrictive: dict[str, str] = {}
    for line in vocab.lexicon("indicator_restrictive"):
        w, _, cls = (x.strip() for x in line.partition("=>"))
        restrictive[w] = cls or w
    return _Patterns(
        lead=re.compile(rf"^(?:{scope})+"),
        scope=re.compile(rf"[(（](?:{scope})[)）]|(?:{scope})"),
        quals=tuple(quals),
        filler=re.compile(f'{vocab.lexicon_regex("indicator_filler")}|{vocab.lexicon_regex("indicator_decorative")}'),
        kinds=tuple(kinds),
        word_map=dict(words),
        word_re=re.compile("|".join(re.escape(a) for a, _ in words)),
        restrictive_map=restrictive,
        restrictive_re=re.compile("|".join(re.escape(w) for w in sorted(restrictive, key=len, reverse=True))),
        base_re=re.compile(vocab.lexicon_regex("indicator_denominators")),
        quantities=tuple(sorted(vocab.lexicon("indicator_quantities"), key=len, reverse=True)),
        per_capita_unit=re.compile(rf"/\s*(?:\d+\s*)?(?:{vocab.lexicon_regex('indicator_per_capita_scales')})?"
                                   rf"(?:{vocab.lexicon_regex('indicator_per_capita_bases')})"),
        rewordings=tuple(rewordings),
        marks=re.compile(vocab.lexicon_regex("indicator_marks")),
        residue=re.compile(vocab.lexicon_regex("indicator_residue")),
    )


def normalize_name(name: str) -> str:
    """The name for display: quotes and blanks out, leading scope words off, a dangling '(' or '(%' cut."""
    s = name.replace("（", "(").replace("）", ")")
    s = _QUOTES.sub("", s)
    s = _patterns().lead.sub("", s)
    s = re.sub(r"\($", "", s)
    s = re.sub(r"\(\s*[%‰]?\s*$", "", s)
    return s.strip("、，,:：;；。 ")


def _loose(name: str) -> str:
    return _patterns().filler.sub("", name)


@lru_cache(maxsize=200_000)
def kind_of(name: str, unit: str | None = None) -> str:
    """The quantity kind of an indicator, from its unit where that says it, else from its name."""
    n = normalize_name(name)
    by_name = next((k for k, pat in _patterns().kinds if pat.search(n)), None)
    if by_name == "per_capita" and unit and (u := vocab.unit(unit)) is not None and u.kind in ("age", "duration"):
        return "time"  # 人均预期寿命 in 岁, 人均受教育年限 in 年: the average of a time, as 平均预期寿命 is
    if by_name == "per_capita" or (by_name == "rate_of_change" and unit in (None, "%", "％", "个百分点")):
        return by_name
    if by_name in ("money", "count") and unit in ("%", "％", "个百分点"):
        return "rate_of_change"  # an amount stated in % is its change: 地区生产总值 (%) is its growth
    if unit:
        if "/" in unit and _patterns().per_capita_unit.search(unit):
            return "per_capita"
        if re.fullmatch(r"\d*\s*/\s*\d*\s*[十百千万]+(?:人|人口)?", unit):
            return "per_capita"  # 孕产妇死亡率 in 1/10万: per 100,000
        if unit == "个百分点":
            return "rate_of_change"
        u = vocab.unit(unit)
        if u is not None:
            if u.kind == "ratio":
                if by_name in ("rate_of_change", "ratio"):
                    return by_name
                return "ratio" if unit in ("倍", "ratio") else "share"
            if u.kind in _UNIT_KIND:
                return _UNIT_KIND[u.kind]
            return "other"
        if _count_unit().fullmatch(unit.strip()):
            return "count"  # 万头, 只: a classifier units.csv does not list (lexicons/indicator_count_classifiers.txt)
    return by_name or "other"


@cache
def _count_unit() -> re.Pattern:
    return re.compile(rf"[十百千万亿]*(?:{vocab.lexicon_regex('indicator_count_classifiers')})")


def _unify_words(s: str, kind: str) -> str:
    p = _patterns()
    table = p.word_map

    def sub(m: re.Match) -> str:
        b = table[m.group(0)]
        return m.group(0) if b == "率" and kind != "share" else b  # 比例 in a count or a ratio is part of the name

    return p.word_re.sub(sub, s)


@lru_cache(maxsize=200_000)
def indicator_key(written: str, unit: str | None = None) -> IndicatorKey:
    """The comparison key of a written indicator name (see the module docstring)."""
    p = _patterns()
    s = written.replace("(", "（").replace(")", "）")
    s = _QUOTES.sub("", s)
    s, gloss = _trailing_brackets(s)
    found: list[str] = ["unit_gloss"] if gloss else []
    unit = unit or gloss
    s = _base_of_unit(s, unit)
    for pat, prop in p.quals:
        s, n = pat.subn("", s)
        if n:
            found.append(prop)
    s = p.scope.sub("", s)
    s = re.sub(r"（\s*[%‰％]?\s*$", "", s)
    for _ in range(3):
        s, n = p.residue.subn("", s)
        if not n:
            break
    s = s.replace("（", "(").replace("）", ")").strip("、，,:：;；。 ")
    kind = kind_of(_loose(s), unit)  # of the name as written: a rewording never changes the kind
    s = _loose(_reword(s, kind))
    s = _unify_words(s, kind)
    s = _restrictive_classes(s)
    if kind == "count" and not (parts := indicator_parts(s)).quantity and len(parts.head) >= 2:
        s += "数"  # a count named by its noun alone is its number: 城市公园 (个) = 公园数 (not 供应: no noun)
    if kind == "count" and (q := _unit_quantity(unit)) and s.endswith("数") and not s.endswith(q):
        s = s[:-1] + q  # 游客接待量 in 万人次 is 游客接待人次 (lexicons/indicator_unit_quantities.txt)
    return IndicatorKey(s, kind, tuple(sorted(set(found))), gloss)


@cache
def _unit_quantities() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in vocab.lexicon("indicator_unit_quantities"):
        a, _, b = (x.strip() for x in line.partition("=>"))
        out[a] = b
    return out


def _unit_quantity(unit: str | None) -> str | None:
    """The quantity a count's unit says its generic 数 is (lexicons/indicator_unit_quantities.txt: 万人次 -> 人次)."""
    if not unit:
        return None
    return _unit_quantities().get(re.sub(r"^[十百千万亿]+", "", unit.strip()))


_TRAILING = re.compile(r"（([^（）]{1,12})）$")
_BRACKET_SEP = re.compile(r"[，,；;]")


def is_unit(text: str) -> bool:
    """Whether a bracket's content is a unit (vocab/units.csv, a scaled unit, %, a per-capita unit such
    as 张/千人 or 1/10万, one unit per another such as 人/亿元): 城镇新增就业（万人）, 孕产妇死亡率（/10万）."""
    t = text.strip().replace("％", "%")
    if t in ("%", "‰") or vocab.unit(t) is not None or _count_unit().fullmatch(t):
        return True
    if re.fullmatch(r"\d*\s*/\s*\d*\s*[十百千万]+(?:人|人口)?", t):
        return True
    head, sep, tail = t.partition("/")
    if sep and head and vocab.unit(head) is not None and vocab.unit(tail) is not None:
        return True  # 人/亿元, 吨/万元: one unit per another
    return bool(sep) and (not head or vocab.unit(head) is not None) and bool(_patterns().per_capita_unit.search(t))


def _trailing_brackets(s: str) -> tuple[str, str | None]:
    """A name without the brackets after it that say its unit or the population it is counted per
    (lexicons/indicator_bracket_bases.txt), and the unit they said: 城镇新增就业（万人） is 城镇新增就业 in
    万人; 执业（助理）医师数（每千人口） is 每千人口执业（助理）医师数; 城镇化率（常住人口） is 常住人口城镇化率 (where
    the name has no base of its own; with one, the population is a gloss: lexicons/indicator_qualifiers.txt)."""
    unit = None
    while (m := _TRAILING.search(s)) and m.start() > 0:
        inner, rest = m.group(1).strip(), s[:m.start()]
        if is_unit(inner):
            s, unit = rest, unit or inner.replace("％", "%")
        elif len(parts := [p.strip() for p in _BRACKET_SEP.split(inner) if p.strip()]) > 1 and any(map(is_unit, parts)):
            # （五年累计，万人）: a qualifier and the unit in one bracket -- the unit is taken, the rest stays
            # as brackets of their own for the qualifiers (lexicons/indicator_qualifiers.txt)
            unit = unit or next(p for p in parts if is_unit(p)).replace("％", "%")
            s = rest + "".join(f"（{p}）" for p in parts if not is_unit(p))
            break
        elif _bracket_base().fullmatch(inner) and not _patterns().base_re.search(_unify_words(rest, "other")):
            s = inner + rest
        else:
            break
    return s, unit


@cache
def _unit_base() -> re.Pattern:
    scales = vocab.lexicon_regex("indicator_per_capita_scales")
    bases = vocab.lexicon_regex("indicator_per_capita_bases")
    return re.compile(rf"/\s*({scales})?\s*({bases})$")


def _base_of_unit(s: str, unit: str | None) -> str:
    """A name that has no per-capita base of its own, with the base its unit says put before it:
    床位数 in 张/千人 is 每千人床位数, 公园绿地面积 in 平方米/人 is 人均公园绿地面积 (a unit per a number without a
    population, 1/10万 of a mortality rate, says no base)."""
    m = _unit_base().search(unit or "")
    if m is None or _patterns().base_re.search(_unify_words(s, "other")):
        return s
    scale, pop = m.groups()
    if not scale:
        return ("人均" if pop.endswith(("人", "人口")) else f"{pop}均") + s
    return f"每{scale}{pop}{s}"


@cache
def _bracket_base() -> re.Pattern:
    return re.compile(vocab.lexicon_regex("indicator_bracket_bases"))


def _reword(s: str, kind: str) -> str:
    """A name in its canonical wording (lexicons/indicator_rewordings.txt: 参加失业保险人数 → 失业保险参保人数)."""
    for only, pat, repl in _patterns().rewordings:
        if only is None or only == kind:
            s = pat.sub(repl, s, count=1)
    return s


def marks_of(text: str) -> tuple[str, ...]:
    """The grade, generation and size marks in a name (lexicons/indicator_marks.txt: 5A, 5G, Ⅲ, 10), sorted."""
    return tuple(sorted(m.group(0) for m in _patterns().marks.finditer(text) if m.group(0)))


def _restrictive_classes(s: str) -> str:
    """Restrictive words written as their class (筹集 → 新增), a class written twice in a row once."""
    p = _patterns()
    out: list[str] = []
    last_end, last_cls = -1, None
    pos = 0
    for m in p.restrictive_re.finditer(s):
        cls = p.restrictive_map[m.group(0)]
        if cls == last_cls and m.start() == last_end:
            out.append(s[pos:m.start()])
        else:
            out.append(s[pos:m.start()] + cls)
        pos, last_end, last_cls = m.end(), m.end(), cls
    out.append(s[pos:])
    return "".join(out)


@dataclass(frozen=True)
class IndicatorParts:
    """The parts of a normalized key that decide whether two names can be one indicator:
    the population denominator (lexicons/indicator_denominators.txt), the restrictive qualifiers
    (lexicons/indicator_restrictive.txt, as classes, sorted), the measured quantity at the end
    (lexicons/indicator_quantities.txt), the grade and size marks (lexicons/indicator_marks.txt:
    5A, 5G, Ⅲ) and the head: what is left of the key without base and restrictive words."""
    head: str
    base: str | None
    restrictive: tuple[str, ...]
    quantity: str | None
    marks: tuple[str, ...] = ()


@lru_cache(maxsize=200_000)
def _token_starts(text: str) -> frozenset[int]:
    """Where the words of a name begin (jieba with the domain dictionary): a restrictive word counts only
    where a word begins (工业 is no qualifier of 农产品加工业产值, a word of its own: 加工业)."""
    starts, pos = {0}, 0
    for w in vocab.tokenizer().lcut(text):
        pos += len(w)
        starts.add(pos)
    return frozenset(starts)


@lru_cache(maxsize=200_000)
def indicator_parts(key: str) -> IndicatorParts:
    p = _patterns()
    m = p.base_re.search(key)
    base = m.group(0) if m else None
    rest = key[:m.start()] + key[m.end():] if m else key
    starts = _token_starts(rest)
    hits = [w for w in p.restrictive_re.finditer(rest) if w.start() in starts]
    words = tuple(sorted(p.restrictive_map[w.group(0)] for w in hits))
    head = "".join(rest[a:b] for a, b in zip((0, *(w.end() for w in hits)), (*(w.start() for w in hits), len(rest))))
    quantity = next((q for q in p.quantities if head.endswith(q)), None)
    return IndicatorParts(head, base, words, quantity, marks_of(key))


@cache
def _broadening() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('indicator_broadening')}).")


def broadens(added: str) -> bool:
    """Whether words one name adds to another join another category (和清洁能源): a broader indicator."""
    return bool(_broadening().search(added))


def parts_conflict(a: str, b: str) -> str | None:
    """Why two keys cannot be one indicator by their parts (another base, other restrictive
    qualifiers, another measured quantity), or None."""
    pa, pb = indicator_parts(a), indicator_parts(b)
    if pa.base != pb.base:
        return f"per {pa.base or 'nothing'} vs per {pb.base or 'nothing'}"
    if pa.restrictive != pb.restrictive and not abbreviates(a, b):
        only = sorted((set(pa.restrictive) ^ set(pb.restrictive)) or set(pa.restrictive + pb.restrictive))
        ra, rb = "+".join(pa.restrictive) or "none", "+".join(pb.restrictive) or "none"
        return f"restrictive qualifiers differ ({ra} vs {rb}: {'、'.join(only)})"
    if pa.quantity and pb.quantity and pa.quantity != pb.quantity:
        return f"measures {pa.quantity} vs {pb.quantity}"
    if pa.marks != pb.marks:
        return f"grade or size marks differ ({'+'.join(pa.marks) or 'none'} vs {'+'.join(pb.marks) or 'none'})"
    return None


@lru_cache(maxsize=200_000)
def abbreviates(a: str, b: str) -> bool:
    """Whether the shorter key writes the longer one's extra restrictive words in part, as an abbreviation does
    (农机总动力 / 农业机械总动力: 农业 is there as 农): the shorter key's characters are the longer one's in
    order (it only leaves characters out), it holds no restrictive class the longer lacks, and every restrictive
    word the longer holds beyond it has some of its characters in the shorter key and not all of them.  A
    word left out whole (农业科技进步贡献率 / 科技进步贡献率) still narrows."""
    short, long = (a, b) if (len(a), a) <= (len(b), b) else (b, a)
    ops = SequenceMatcher(None, short, long, autojunk=False).get_opcodes()
    if len(short) == len(long) or not all(op in ("equal", "insert") for op, *_ in ops):
        return False
    kept = {j for op, _, _, j1, j2 in ops if op == "equal" for j in range(j1, j2)}
    p = _patterns()
    starts = _token_starts(long)
    extra = Counter(indicator_parts(long).restrictive)
    extra.subtract(indicator_parts(short).restrictive)
    if any(v < 0 for v in extra.values()) or not +extra:
        return False
    for w in p.restrictive_re.finditer(long):
        if w.start() not in starts or extra.get(p.restrictive_map[w.group(0)], 0) <= 0:
            continue
        span = range(w.start(), w.end())
        if all(j in kept for j in span) or not any(j in kept for j in span):
            return False
    return True


@cache
def _restrictive() -> tuple[str, ...]:
    return tuple(sorted(_patterns().restrictive_map, key=len, reverse=True))


def restrictive_in(text: str) -> str | None:
    """The first restrictive modifier (lexicons/indicator_restrictive.txt) in a piece of a name, or an
    attributive word that names a kind (lexicons/indicator_attributive.txt: 补贴性, 机动化, 中医类别)."""
    hit = next((w for w in _restrictive() if w in text), None)
    if hit is None and (m := _attributive().search(text)):
        return m.group(0)
    return hit


@cache
def _attributive() -> re.Pattern:
    return re.compile(vocab.lexicon_regex("indicator_attributive"))


@cache
def _generic_keys() -> frozenset[str]:
    return frozenset(vocab.lexicon("indicator_generic"))


@lru_cache(maxsize=200_000)
def is_generic(key: str) -> bool:
    """Whether a key says how something is measured but not what (lexicons/indicator_generic.txt: 建筑面积,
    参保率, 覆盖率), or names nothing beyond its measured quantity and base but one qualifier (新增, 人均数)."""
    if key in _generic_keys():
        return True
    p = indicator_parts(key)
    rest = key.replace(p.base, "", 1) if p.base else key
    rest = rest[:-len(p.quantity)] if p.quantity and rest.endswith(p.quantity) else rest
    head = p.head[:-len(p.quantity)] if p.quantity and p.head.endswith(p.quantity) else p.head
    return len(rest) <= 1 or (len(rest) <= 2 and len(head) <= 1)  # 人均数, 新增: a base or a qualifier alone


def key_id(key: IndicatorKey) -> str:
    """The deterministic node id of an indicator key no vocabulary concept claims."""
    return f"indicator:{short_hash(key.key, key.kind)}"


@cache
def _synonyms() -> tuple[dict[str, vocab.IndicatorDef], list[tuple[str, vocab.IndicatorDef]], dict[str, str]]:
    exact: dict[str, vocab.IndicatorDef] = {}
    kinds: dict[str, str] = {}
    for d in vocab.indicators():
        kinds[d.id] = kind_of(d.name, d.unit)
        for s in d.synonyms:
            exact.setdefault(indicator_key(s, d.unit).key, d)
            exact.setdefault(_loose(normalize_name(s)), d)
    contained = sorted(((k, d) for k, d in exact.items() if len(k) >= MIN_CONTAINED), key=lambda x: -len(x[0]))
    return exact, contained, kinds


def vocabulary_keys() -> list[tuple[IndicatorKey, vocab.IndicatorDef]]:
    """Every synonym of the canonical indicators as a key (the anchors resolution joins names to)."""
    out, seen = [], set()
    for d in vocab.indicators():
        for s in d.synonyms:
            k = indicator_key(s, d.unit)
            if (k.key, d.id) not in seen:
                seen.add((k.key, d.id))
                out.append((k, d))
    return out


def vocabulary_kind(d: vocab.IndicatorDef) -> str:
    return _synonyms()[2][d.id]


@lru_cache(maxsize=200_000)
def lookup(written: str, unit: str | None = None) -> vocab.IndicatorDef | None:
    """The canonical indicator of a name: its key or loose name is a synonym's, or (failing that)
    it contains a synonym of at least MIN_CONTAINED characters with nothing restrictive or broadening
    around it; never one of another kind."""
    exact, contained, kinds = _synonyms()
    k = indicator_key(written, unit)
    kind = k.kind

    def ok(d: vocab.IndicatorDef) -> bool:
        return kinds[d.id] == kind or (unit is None and kind == "other")

    n = _loose(normalize_name(written))
    for cand in (k.key, n):
        if cand in exact and ok(exact[cand]):
            return exact[cand]
    for s, d in contained:
        if s in n and ok(d) and not any(restrictive_in(part) or broadens(part) or marks_of(part)
                                        for part in n.split(s, 1)):
            return d
    return None


def canonical(written: str, unit: str | None = None) -> IndicatorRef | None:
    n = normalize_name(written)
    if len(n) < 2:
        return None
    k = indicator_key(n, unit)
    d = lookup(n, unit)
    if d is not None:
        return IndicatorRef(f"indicator:{d.id}", d.name, d.name_en, d.unit, d.domain, True,
                            indicator_key(d.name, d.unit).key, vocabulary_kind(d))
    dom = classify_indicator(n)
    return IndicatorRef(key_id(k), n, None, unit, dom.id if dom else None, False, k.key, k.kind)
