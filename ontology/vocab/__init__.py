"""Loaders for the controlled vocabularies kept as data files next to this module.

The taxonomies (domains, instruments, agency functions, units, canonical indicators,
the jieba dictionary) are data, not code, so that users can extend them for plans of
other places without touching the mapping.  Every loader is cached: the files are read
once per process.  Ids are stable: never rename an id, add a new row instead.

Keyword cells are ``|``-separated (outside brackets); a keyword starting with ``re:`` is a regular expression.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ontology.strings import split_outside_brackets

VOCAB_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Concept:
    """A SKOS concept of a scheme (domain or instrument) with its classification keywords."""
    id: str
    notation: str
    name: str
    name_en: str
    keywords: tuple[str, ...]
    category: str | None = None  # instruments: supply | demand | environmental
    evidence: str = "all"  # domains: "all" (title, section path and body) or "heading" (title and section path only)

    @property
    def patterns(self) -> tuple[re.Pattern, ...]:
        return _compile(self.keywords)

    @property
    def any_pattern(self) -> re.Pattern:
        """One alternation of all keywords: a quick test of whether any occurs at all
        (counting still goes keyword by keyword, since keywords may overlap)."""
        return _compile_any(self.keywords)


@dataclass(frozen=True)
class AgencyFunction:
    id: str
    name: str
    name_en: str
    patterns: tuple[str, ...]
    unique: bool = True  # one agency of this function per region (not true of local governments)


@dataclass(frozen=True)
class Unit:
    unit: str
    unit_norm: str
    factor: float
    kind: str


@dataclass(frozen=True)
class IndicatorDef:
    id: str
    name: str
    name_en: str
    unit: str
    domain: str
    synonyms: tuple[str, ...]


@cache
def _compile_any(keywords: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p.pattern})" for p in _compile(keywords)))


@cache
def _compile(keywords: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    out = []
    for k in keywords:
        out.append(re.compile(k[3:] if k.startswith("re:") else re.escape(k)))
    return tuple(out)


def _rows(name: str, path: Path | None = None):
    p = path or VOCAB_DIR / name
    with open(p, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not row or not (row.get("id") or row.get("unit") or "").strip() or (row.get("id") or "").startswith("#"):
                continue
            yield {k: (v or "").strip() for k, v in row.items()}


def _split(cell: str) -> tuple[str, ...]:
    """Split at ``|`` outside brackets, so a ``re:`` keyword may use alternation inside a group."""
    parts = split_outside_brackets(cell, "|", "([{", ")]}")
    return tuple(x.strip() for x in parts if x.strip())


@cache
def domains() -> tuple[Concept, ...]:
    return tuple(Concept(r["id"], r["notation"], r["name"], r["name_en"], _split(r["keywords"]),
                         evidence=r.get("evidence") or "all") for r in _rows("domains.csv"))


@dataclass(frozen=True)
class Cue:
    """One row of instrument_cues.csv: evidence (``cue``) or counter-evidence (``anti``) for an instrument
    (``*``: every instrument)."""
    instrument: str
    kind: str  # cue | anti
    text: str  # as written in the file (literal, or re:<regex>)
    comment: str

    @property
    def pattern(self) -> re.Pattern:
        return _compile((self.text,))[0]


CUE_KINDS = ("cue", "anti")


@cache
def instrument_cues() -> tuple[Cue, ...]:
    """The cue table, in file order (``#`` lines before the header and rows are comments)."""
    with open(VOCAB_DIR / "instrument_cues.csv", encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    out = []
    for r in csv.DictReader(lines):
        inst, kind = (r.get("instrument") or "").strip(), (r.get("kind") or "").strip()
        text = (r.get("pattern") or "").strip()
        if not inst or not text:
            continue
        if kind not in CUE_KINDS:
            raise ValueError(f"instrument_cues.csv: kind must be one of {CUE_KINDS}, not {kind!r} ({text})")
        out.append(Cue(inst, kind, text, (r.get("comment") or "").strip()))
    return tuple(out)


@cache
def instruments() -> tuple[Concept, ...]:
    """The instrument scheme; an instrument's keywords are its cue patterns (instrument_cues.csv)."""
    cues: dict[str, list[str]] = {}
    for c in instrument_cues():
        if c.kind == "cue":
            cues.setdefault(c.instrument, []).append(c.text)
    return tuple(
        Concept(r["id"], r["notation"], r["name"], r["name_en"], tuple(cues.get(r["id"], ())), r["category"])
        for r in _rows("instruments.csv")
    )


INSTRUMENT_CATEGORIES = {
    "supply": ("供给型政策工具", "Supply-side instruments"),
    "demand": ("需求型政策工具", "Demand-side instruments"),
    "environmental": ("环境型政策工具", "Environmental instruments"),
}


@cache
def agency_functions() -> tuple[AgencyFunction, ...]:
    """In file order: the first function whose pattern occurs in a name wins, so specific rows come first."""
    return tuple(AgencyFunction(r["id"], r["name"], r["name_en"], _split(r["patterns"]), r.get("unique", "yes") != "no")
                 for r in _rows("agency_functions.csv"))


@cache
def units() -> dict[str, Unit]:
    return {r["unit"]: Unit(r["unit"], r["unit_norm"], float(r["factor"]), r["kind"]) for r in _rows("units.csv")}


@cache
def unit(name: str | None) -> Unit | None:
    """A written unit: a row of units.csv, or a scale word (lexicons/quantity_scale.txt) before one of a kind
    that scales (lexicons/quantity_scalable_kinds.txt): 亿千瓦 is 10^8 千瓦, 亿公斤 10^8 公斤, kept as written."""
    if not name:
        return None
    known = units().get(name)
    if known is not None:
        return known
    for line in lexicon("quantity_scale"):
        word, _, factor = line.partition("=")
        word = word.strip()
        base = units().get(name[len(word):]) if name.startswith(word) and len(name) > len(word) else None
        if base is not None and base.kind in lexicon("quantity_scalable_kinds"):
            return Unit(name, base.unit_norm, base.factor * float(factor), base.kind)
    return None


@cache
def unit_regex() -> str:
    """Alternation of all written units, longest first (万人次 before 人次 before 人)."""
    names = sorted((u for u in units() if u != "ratio"), key=len, reverse=True)
    return "|".join(re.escape(u) for u in names)


@cache
def indicators() -> tuple[IndicatorDef, ...]:
    return tuple(
        IndicatorDef(r["id"], r["name"], r["name_en"], r["unit"], r["domain"], _split(r["synonyms"]) + (r["name"],))
        for r in _rows("indicators.csv")
    )


USERDICT = VOCAB_DIR / "userdict.txt"


@cache
def userdict_words() -> tuple[tuple[str, int | None, str | None], ...]:
    out = []
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        out.append((parts[0], freq, tag))
    return tuple(out)


_TOKENIZER = None


def tokenizer():
    """A private jieba Tokenizer with the domain dictionary loaded (user frequencies replace built-in ones)."""
    global _TOKENIZER
    if _TOKENIZER is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.initialize()
        for word, freq, tag in userdict_words():
            tk.add_word(word, freq, tag)
        _TOKENIZER = tk
    return _TOKENIZER


# --- phrase lexicons -----------------------------------------------------------------
# Words that decide what a heading, a title, a comparator, a role, a deadline or a junk
# line is are data too: one file per lexicon in lexicons/, one phrase per line, so that a
# user extends the loaders and the mapping by adding a line.  Every file opens with a
# ``#`` header saying what the lexicon decides and how to extend it.  A phrase starting
# with ``re:`` is a regular expression; everything else is matched literally.
LEXICON_DIR = VOCAB_DIR / "lexicons"


class LexiconError(KeyError):
    """A lexicon file that does not exist or has no header: the message names the file."""


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """The phrases of ``lexicons/<name>.txt`` in file order (blank lines and ``#`` comments
    skipped; an inline `` #`` starts a comment too, so a row can say why it is there)."""
    path = LEXICON_DIR / f"{name}.txt"
    if not path.is_file():
        raise LexiconError(f"no lexicon {name!r}: {path} does not exist")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        raise LexiconError(f"lexicon {path} must start with a '#' header saying what it decides")
    out = []
    for line in lines:
        phrase = line.split(" #", 1)[0].strip()
        if phrase and not phrase.startswith("#"):
            out.append(phrase)
    return tuple(out)


@cache
def lexicon_map(name: str, sep: str, *, last: bool = False) -> dict[str, str]:
    """A lexicon of ``key<sep>value`` rows as a dict (split at the first ``sep``, or the last with ``last``),
    so the lexicons that pair a word with what it means are read one way."""
    out = {}
    for row in lexicon(name):
        key, _, value = row.rpartition(sep) if last else row.partition(sep)
        out[key.strip()] = value.strip()
    return out


@cache
def lexicon_regex(name: str) -> str:
    """One alternation of a lexicon's phrases, literal phrases longest first (so 责任单位 is
    tried before 单位), for embedding in a larger pattern: ``rf"(?:{lexicon_regex('x')})"``."""
    phrases = lexicon(name)
    literal = sorted((p for p in phrases if not p.startswith("re:")), key=len, reverse=True)
    regexes = [p[3:] for p in phrases if p.startswith("re:")]
    return "|".join([*(re.escape(p) for p in literal), *(f"(?:{r})" for r in regexes)])


@cache
def lexicon_pattern(name: str) -> re.Pattern:
    """The compiled alternation of :func:`lexicon_regex` (matches any phrase of the lexicon)."""
    return re.compile(lexicon_regex(name))


# --- many phrases against one text: an Aho-Corasick automaton (pyahocorasick) ----------
# One pass over the text finds every occurrence of every phrase, instead of one ``in`` or one
# regex search per phrase; the phrase counts and tests below give what those loops gave.


@cache
def phrase_automaton(phrases: tuple[str, ...]):
    """An ``ahocorasick.Automaton`` over literal ``phrases`` (each value: (length, phrase));
    None for no phrases (an empty automaton cannot be searched)."""
    import ahocorasick

    if not phrases:
        return None
    automaton = ahocorasick.Automaton()
    for p in set(phrases):
        if not p:
            raise ValueError("an empty phrase matches everywhere")
        automaton.add_word(p, (len(p), p))
    automaton.make_automaton()
    return automaton


def lexicon_automaton(name: str):
    """The automaton of ``lexicons/<name>.txt``: only for lexicons of literal phrases (a
    ``re:`` phrase raises LexiconError, since the automaton would look for it literally)."""
    phrases = lexicon(name)
    regexes = [p for p in phrases if p.startswith("re:")]
    if regexes:
        raise LexiconError(f"lexicon {name!r} has regular expressions ({regexes[0]}): use lexicon_pattern")
    return phrase_automaton(phrases)


def phrase_counts(automaton, text: str) -> dict[str, int]:
    """How often each phrase occurs in ``text``, counted left to right without overlap as
    ``len(re.findall(re.escape(phrase), text))`` counts it; phrases that do not occur are absent."""
    counts: dict[str, int] = {}
    if automaton is None or not text:
        return counts
    free: dict[str, int] = {}          # phrase -> first position a next occurrence may start at
    for end, (n, p) in automaton.iter(text):   # in order of end position, so of start per phrase
        start = end - n + 1
        if start >= free.get(p, 0):
            counts[p] = counts.get(p, 0) + 1
            free[p] = end + 1
    return counts


def phrases_in(automaton, text: str) -> set[str]:
    """The phrases that occur in ``text`` (``{p for p in phrases if p in text}``)."""
    if automaton is None or not text:
        return set()
    return {p for _, (_, p) in automaton.iter(text)}


def any_phrase_in(automaton, text: str) -> bool:
    """``any(p in text for p in phrases)``, in one pass that stops at the first occurrence."""
    if automaton is None or not text:
        return False
    return next(automaton.iter(text), None) is not None
