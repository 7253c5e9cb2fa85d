"""The quantity grammar: where a text writes an amount, and what amount.

A small scanner over the characters of a clause reads, at each number,

    number [scale] [余|多] [unit] [range-sep number [scale] [unit]] [/ per-base]
    number : number                      (a ratio, 1:1.2)
    number / number                      (a fraction, 1/3 -> 33.33 %)
    number 成                            (tenths, 八成 -> 80 %)
    Chinese-number 分之 Chinese-number   (三分之一 -> 33.33 %)

where a number is written in Arabic digits (half or full width) or in Chinese numerals (五, 一百二十,
两; converted by cn2an), a scale word is 万/亿/千/百… (joined to the unit when units.csv knows the pair,
3.1万户, otherwise multiplied into the value), and a unit is the longest unit of ontology/vocab/units.csv.
The words of the grammar are lexicons (ontology/vocab/lexicons/quantity_*.txt). Whether an amount is a
goal, its comparator and its indicator are decided elsewhere; this module only reads amounts.

A :class:`Quantity` answers ``group(name)`` like a regular-expression match of the older pattern (``v1``,
``u1``, ``v2``, ``u2``, ``per``, ``r1``, ``r2``), with its numbers already written in Arabic digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, overload

import cn2an

from ontology import vocab

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DIGITS = set("0123456789０１２３４５６７８９")


@dataclass
class Quantity:
    s: int
    e: int
    source: str
    v1: str | None = None
    v2: str | None = None
    u1: str | None = None
    u2: str | None = None
    per: str | None = None
    r1: str | None = None
    r2: str | None = None
    approx: str | None = None  # "above" for 余/多 written inside the amount
    chinese: bool = False       # the number is written in Chinese numerals
    form: str = "plain"         # plain | fraction | cheng | ratio
    bracketed: bool = False     # 3000（1500）公里: the value in brackets, for a sub-indicator
    bracket: tuple[str, int, int] | None = None  # on the outer amount: the bracketed value and its span
    bracket_label: str | None = None  # 300（其中骨干绿道150）公里: the sub-indicator written in the brackets

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    @overload
    def group(self, name: Literal[0] = 0) -> str: ...
    @overload
    def group(self, name: int | str) -> str | None: ...

    def group(self, name: int | str = 0) -> str | None:
        """The whole amount as written (0), or one part of it (v1, v2, r1, r2, u1, u2, per …; None if absent)."""
        if name == 0:
            return self.source[self.s:self.e]
        return getattr(self, str(name))


@cache
def _scales() -> dict[str, float]:
    return {word: float(factor) for word, factor in vocab.lexicon_map("quantity_scale", "=").items()}


@cache
def _words(name: str) -> tuple[str, ...]:
    return tuple(sorted(vocab.lexicon(name), key=len, reverse=True))


@cache
def _units_longest() -> tuple[str, ...]:
    return tuple(sorted((u for u in vocab.units() if u != "ratio"), key=len, reverse=True))


def _prefix(text: str, i: int, words: tuple[str, ...]) -> str | None:
    for w in words:
        if text.startswith(w, i):
            return w
    return None


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \u3000\t":
        i += 1
    return i


def _arabic(text: str, i: int) -> tuple[str, int] | None:
    j = i
    while j < len(text) and text[j] in _DIGITS:
        j += 1
    if j == i:
        return None
    if j + 1 < len(text) and text[j] in ".．" and text[j + 1] in _DIGITS:
        j += 1
        while j < len(text) and text[j] in _DIGITS:
            j += 1
    return text[i:j].translate(_FULLWIDTH), j


def cn_number(s: str) -> float | None:
    """A Chinese numeral (五, 一百二十, 两, 百) as a number, by cn2an; None when it is not one."""
    if not s:
        return None
    t = "一" + s if s[0] in "十百千" else s
    try:
        v = cn2an.cn2an(t, "strict")
    except (ValueError, KeyError, IndexError, TypeError):
        try:
            v = cn2an.cn2an(t, "normal")
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    return float(v)


def _num_str(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(round(v, 6))


def _chinese(text: str, i: int) -> tuple[str, int] | None:
    chars = set(vocab.lexicon("quantity_cn_numeral"))
    j = i
    while j < len(text) and text[j] in chars:
        j += 1
    if j == i:
        return None
    run = text[i:j]
    v = cn_number(run)
    if v is None:
        return None
    return _num_str(v), j


def _unit_at(text: str, i: int) -> str | None:
    return _prefix(text, i, _units_longest())


def _tail(text: str, j: int, value: str) -> tuple[str, str | None, str | None, int]:
    """After a number: [scale] [余|多] [unit] -> (value, unit, approx, end)."""
    k = _skip_space(text, j)
    scale = _prefix(text, k, tuple(sorted(_scales(), key=len, reverse=True)))
    approx = None
    # a scale word that begins a unit (万人, 亿元) is read as the unit
    unit_here = _unit_at(text, k)
    if scale and unit_here and len(unit_here) > len(scale) and unit_here.startswith(scale):
        scale = None
    if scale:
        k += len(scale)
    a = _prefix(text, k, _words("quantity_approx_after"))
    if a:
        approx, k = "above", k + len(a)
    k2 = _skip_space(text, k)
    unit = _unit_at(text, k2)
    if unit:
        k = k2 + len(unit)
    if scale:
        if unit and vocab.unit(f"{scale}{unit}") is not None:
            unit = f"{scale}{unit}"  # 3.1万户, and 3.2亿千瓦 kept as written (vocab.unit gives its factor)
        elif unit:
            value = _num_str(float(value) * _scales()[scale])
        else:
            return value, None, approx, j  # a scale word with no unit: not read as an amount here
    if approx is None and unit:
        a = _prefix(text, k, _words("quantity_approx_after"))
        if a and not (k + 1 < len(text) and text[k + 1] in "万亿"):
            approx, k = "above", k + len(a)
    return value, unit, approx, k


_PER: re.Pattern | None = None


def _per_regex() -> re.Pattern:
    global _PER
    if _PER is None:
        scales = "|".join(sorted(_scales(), key=len, reverse=True))
        bases = vocab.lexicon_regex("quantity_per_base")
        _PER = re.compile(rf"\s*/\s*(?:\d+\s*)?(?:{scales})?(?:{bases})?(?<![/\d\s])")
    return _PER


# 1.2026年8月底前，…; 2．2025年，…; 3.2026—2027年，…: a list number run into a date (or a span of years) is no
# decimal (1.2026 年): the number is the item's, the year the item's date; the scanner reads neither as an amount
_YEAR4 = r"(?:19|20|１９|２０)[0-9０-９]{2}"
_LIST_NUMBER_YEAR = re.compile(rf"[0-9０-９]{{1,2}}[.．]\s*{_YEAR4}(?:\s*年)?\s*"
                               rf"(?:(?:{vocab.lexicon_regex('quantity_range_sep')})\s*{_YEAR4}\s*年|年)")


def scan(text: str) -> list[Quantity]:
    """Every amount written in ``text``, left to right, non-overlapping."""
    out: list[Quantity] = []
    i, n = 0, len(text)
    cn_chars = set(vocab.lexicon("quantity_cn_numeral"))
    while i < n:
        ch = text[i]
        if ch in _DIGITS and not (i > 0 and (text[i - 1] in _DIGITS or text[i - 1] in ".．")) \
                and (lm := _LIST_NUMBER_YEAR.match(text, i)):
            i = lm.end()
            continue
        if ch in _DIGITS and not (i > 0 and (text[i - 1] in _DIGITS or text[i - 1] in ".．")):
            q = _read(text, i, chinese=False)
        elif ch in cn_chars and not (i > 0 and text[i - 1] in cn_chars):
            q = _read(text, i, chinese=True)
        else:
            q = None
        if q is None:
            i += 1
            continue
        out.append(q)
        b = getattr(q, "bracket", None)
        if b:  # the bracketed value shares the unit
            out.append(Quantity(b[1], b[2], text, v1=b[0], u1=q.u1, bracketed=True, bracket_label=q.bracket_label))
        i = max(q.e, i + 1)
    return out


def _read(text: str, i: int, chinese: bool) -> Quantity | None:
    num = _chinese(text, i) if chinese else _arabic(text, i)
    if num is None:
        return None
    v1, j = num
    q = Quantity(i, j, text, chinese=chinese)
    k = _skip_space(text, j)
    if chinese:
        if text.startswith("分之", j):  # 三分之一: one third
            den = cn_number(text[i:j])
            nm = _chinese(text, j + 2)
            if den and nm:
                q.v1, q.u1, q.e, q.form = _num_str(round(100 * float(nm[0]) / den, 4)), "%", nm[1], "fraction"
                return q
            return None
    else:
        m = re.match(r"\s*[:：∶]\s*(\d+(?:\.\d+)?)", text[j:])
        if m:
            q.r1, q.r2, q.e, q.form = v1, m.group(1), j + m.end(), "ratio"
            return q
        m = re.match(r"/(\d{1,2})(?![\d万千百人户])", text[j:])
        if m and "." not in v1 and int(m.group(1)) > 0 and int(v1) < int(m.group(1)) \
                and not re.match(r"\s*/", text[j + m.end():]):
            q.v1, q.u1, q.e, q.form = _num_str(round(100 * int(v1) / int(m.group(1)), 4)), "%", j + m.end(), "fraction"
            return q
    if text.startswith("折", k) and not _prefix(text, k + 1, _words("quantity_zhe_not_after")):
        v = float(v1)  # 九折: nine tenths of the price
        if 0 < v < 10:
            q.v1, q.u1, q.e, q.form = _num_str(v * 10), "%", k + 1, "cheng"
            return q
    if text.startswith("成", k) and not _prefix(text, k + 1, _words("quantity_cheng_not_after")):
        v = float(v1)
        if 0 < v <= 10 and not (chinese and text[max(0, i - 1):i] in ("一", "第")):
            q.v1, q.u1, q.e, q.form = _num_str(v * 10), "%", k + 1, "cheng"
            return q
    v1, u1, approx, k = _tail(text, j, v1)
    q.v1, q.u1, q.approx, q.e = v1, u1, approx, max(j, k)
    # a range: 2—3家, 15-20平方米, 3万人-10万人, 40万-120万人 (the scale written on both ends, the unit once)
    pending = None
    if q.u1 is None and not chinese:
        scale = _prefix(text, q.e, tuple(sorted(_scales(), key=len, reverse=True)))
        if scale and _prefix(text, _skip_space(text, q.e + len(scale)), _words("quantity_range_sep")):
            pending, q.e = scale, q.e + len(scale)
    k = _skip_space(text, q.e)
    sep = _prefix(text, k, _words("quantity_range_sep"))
    if sep:
        k2 = _skip_space(text, k + len(sep))
        num2 = _chinese(text, k2) if chinese else _arabic(text, k2)
        if num2 is not None:
            v2, j2 = num2
            v2, u2, approx2, k3 = _tail(text, j2, v2)
            k1, k2u = vocab.unit(u1), vocab.unit(u2)
            if pending and u2 and u2.startswith(pending) and vocab.unit(u2) is not None:
                q.u1 = u2  # 40万-120万人: 40万人 to 120万人
            elif pending:
                q.e -= len(pending)
                return q
            if u1 is None or u2 is None or u1 == u2 or k1 is not None and k2u is not None and k1.kind == k2u.kind:
                q.v2, q.u2, q.e = v2, u2, max(j2, k3)
                q.approx = q.approx or approx2
                if k1 is not None and k2u is not None and u1 != u2 and k1.factor and k1.factor != k2u.factor:
                    # 400平方米至1万平方米: both ends in the first end's unit (10000平方米)
                    q.v2, q.u2 = _num_str(float(v2) * k2u.factor / k1.factor), u1
        elif pending:
            q.e -= len(pending)
    if (q.u1 or q.u2) and text.startswith("/", q.e):
        scale = _prefix(text, q.e + 1, tuple(sorted(_scales(), key=len, reverse=True)))
        per_at = q.e + 1 + (len(scale) if scale and _unit_at(text, q.e + 1 + len(scale)) else 0)
        per_unit = _unit_at(text, per_at)  # 0.2元/平方米·月: a unit per a unit; 4.5公里/百平方公里
        if per_unit:
            k = per_at + len(per_unit)
            m = re.match(rf"[·•]\s*(?:{vocab.lexicon_regex('quantity_unit_dot_words')})", text[k:])
            if m:
                k += m.end()
            q.per, q.e = text[q.e:k], k
    if (not chinese or q.u1 or q.u2) and not q.per:
        m = _per_regex().match(text, q.e)
        if m and m.group(0).strip() and not ((q.u1 or q.u2) and re.search(r"\d", m.group(0))
                                             and _unit_at(text, m.end())):
            q.per, q.e = m.group(0), m.end()  # (10万千瓦/20万千瓦时 is two amounts, not a per-base)
    if chinese and not _chinese_is_amount(text, q):
        return None
    if not chinese and q.u1 is None and q.v2 is None and not q.per:
        # 3000（1500）公里; 300（其中骨干绿道150）公里: a labelled sub-value in brackets shares the unit after them
        m = re.match(r"\s*[（(]\s*(?:其中)?([\u4e00-\u9fff]{0,12}?)\s*(\d+(?:\.\d+)?)\s*[）)]", text[q.e:])
        if m:
            _, unit, _, k = _tail(text, q.e + m.end(), "0")
            if unit:
                q.u1 = unit
                q.bracket = (m.group(2), q.e + m.start(2), q.e + m.end(2))
                q.bracket_label = m.group(1) or None
                q.e = k
    return q


def _chinese_is_amount(text: str, q: Quantity) -> bool:
    """A Chinese numeral is an amount only with a measure word, outside quotes and names."""
    unit = q.u2 or q.u1
    if not unit or q.per or unit in vocab.lexicon("quantity_cn_not_units"):
        return False
    if text[q.s:q.s + 1] == "一" and text[q.s:q.e].strip() == "一" + unit \
            and unit in vocab.lexicon("quantity_cn_one_article_units"):
        return False  # 打造一支…队伍, 建立一套…机制: 一 with such a measure word says "a", it counts nothing
    if unit in vocab.lexicon("quantity_cn_time_units") and not text.startswith(("年内", "年以内"), q.e - 1):
        return False  # 五年内 is read (a span the goal logic discards); 三年行动 is a name
    after = text[q.e:q.e + 2]
    if _prefix(after, 0, _words("quantity_cn_not_before")):
        return False
    before = text[max(0, q.s - 1):q.s]
    if before in vocab.lexicon("quantity_cn_not_after_char"):
        return False
    # inside quotes: “一网统管”, “两个大局”, “五个中心”
    open_q = text.rfind("“", 0, q.s)
    if open_q >= 0 and text.find("”", open_q) >= q.s and q.s - open_q <= 12:
        return False
    if q.v1 == "0":
        return False  # 零部件, 零的突破
    cn_chars = (*vocab.lexicon("quantity_cn_numeral"), *(w for w in _scales() if len(w) == 1))
    if text[q.e:q.e + 1] in cn_chars and _unit_at(text, q.e + 1) \
            or (q.s >= 2 and text[q.s - 2] in cn_chars and _unit_at(text, q.s - 1) == text[q.s - 1]):
        return False  # 千吨万人供水工程, 百村千户: numeral-measure pairs run together are a name, not amounts
    pre = text[max(0, q.s - 6):q.s].rstrip()
    if any(pre.endswith(v) for v in vocab.lexicon("quantity_cn_lead_words")):
        return True
    return _next_cn_item(text, q)


def _next_cn_item(text: str, q: Quantity) -> bool:
    """新建一座X、两所Y和四个Z: a Chinese numeral after a list joiner (enumeration_joiners) is the next item of
    an enumeration whose item before it, a Chinese amount and its noun, is an amount."""
    joiners = "|".join(re.escape(w) for w in vocab.lexicon("enumeration_joiners"))
    m = re.search(rf"(?:{joiners})\s*$", text[:q.s])
    if not m:
        return False
    cn = "".join(re.escape(c) for c in vocab.lexicon("quantity_cn_numeral"))
    prev = re.search(rf"([{cn}]+)\s*({'|'.join(re.escape(u) for u in _units_longest())})[\u4e00-\u9fff]{{1,20}}$",
                     text[:m.start()])
    if not prev or (v := cn_number(prev.group(1))) is None:
        return False
    item = Quantity(prev.start(1), prev.end(2), text, v1=_num_str(v), u1=prev.group(2), chinese=True)
    return _chinese_is_amount(text, item)
