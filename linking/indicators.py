"""Indicator resolution: which indicators of different plans are one concept.

Runs after mapping, over every target in the store, so a new plan joins the concepts that are
already there and a rebuild gives what a fresh build gives (the result is a function of the
targets alone).  Steps:

1. **Keys.**  Each target's indicator as written becomes a key and a quantity kind
   (ontology.mapping.indicators.indicator_key); targets with one key are one *item*.  The
   synonyms of vocab/indicators.csv and the concepts of vocab/indicator_alignment.csv are
   items too (anchors without targets), so names join the canonical concepts.
2. **Candidates** without comparing all pairs: items are blocked by kind, and within a block
   an item meets only the items that share one of its rarest character bigrams (postings).
3. **Decision.**  The parts of the two keys must agree (ontology.mapping.indicators.indicator_parts:
   the population denominator, the restrictive qualifiers as a multiset of classes, the measured
   quantity); then a pair is one concept when one key is the other with words added
   (养老机构护理型床位率 ⊃ 护理型床位率, 绿色交通出行率 ⊃ 绿色出行率) that restrict nothing and join
   no other category (lexicons/indicator_broadening.txt: 新能源和清洁能源公交车), put no word before
   a short name (SHORT_SPECIFIC characters or fewer besides the quantity: 口袋公园数 ≠ 公园数, 高技能人才数 ≠
   技能人才数; lexicons/indicator_inert_prefixes.txt lists the words that may stand there: 各类), the
   shorter key keeps at least MIN_RATIO of the longer, and the lexical score (jieba tokens with the
   domain dictionary and character bigrams, Dice) reaches THRESHOLD.  Keys that differ by a
   substitution (生活垃圾分类覆盖率 / 生活垃圾无害化处理率, 城镇登记 / 城镇调查失业率) are different
   indicators, unless a sentence-embedding model that reads Chinese is available and scores them
   at EMBEDDING_THRESHOLD or more with nothing restrictive in either changed part.
   A share that states its denominator (A占B比重) is compared with one that does not (A比重) by its
   numerator (A率), under every gate above.
4. **Concepts.**  Accepted pairs are joined strongest first, and two groups join only if every
   pair across them passes the decision's gates (complete linkage: no chains; a name that one of a
   canonical concept's own names accepts is not tested against its other names), they hold at most
   one canonical concept, no curated not_same pair separates them, and they do not make one
   concept of two differently named indicators of the same plan.

Curated pairs (vocab/indicator_alignment.csv) override the decision both ways.
"""
from __future__ import annotations

import logging
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path

from model.ids import short_hash
from ontology import vocab
from ontology.mapping.domains import classify_indicator
from ontology.mapping.indicators import (
    IndicatorKey,
    broadens,
    indicator_key,
    indicator_parts,
    is_generic,
    key_id,
    lookup,
    normalize_name,
    parts_conflict,
    restrictive_in,
    vocabulary_keys,
    vocabulary_kind,
)

log = logging.getLogger(__name__)

# Chosen on tests/gold/indicator_concepts.json (`bench/eval_indicators.py --sweep`): with the
# kind, substitution and restrictive-word gates no near miss merges at any threshold from 0.3 to
# 0.7 and recall is flat (0.94) from 0.3 to 0.6 with a length ratio from 0.3 to 0.5 (0.89 at 0.6,
# 0.80 at a threshold of 0.7); the middle of that plateau leaves margin on both sides.  Swept again over
# all the tuned golds together (own, dev, dev4-dev12: 549 same-concept pairs, 348 near misses): 528 pairs
# and no wrong pair at 0.5 with a ratio of 0.35-0.45 (and SHORT_SPECIFIC 4, SHORT_KEY 4-5, MAX_SHORT_ADD
# 2-3); 0.4 adds a wrong pair, 0.6 loses 17 pairs, a ratio of 0.55 one; SHORT_SPECIFIC 3 gains one pair and
# merges 2 near misses.  Batch 13, never tuned on, moves by at most one pair over the same grid.
THRESHOLD = 0.5
MIN_RATIO = 0.45
MIN_KEY = 3
SHORT_KEY = 5  # a key shorter than this may only gain MAX_SHORT_ADD characters (产业规模 ≠ 现代物流产业规模)
MAX_SHORT_ADD = 2
SHORT_SPECIFIC = 4  # a name that says what it counts in this many characters or fewer is a category: a word put
# before it names a narrower kind (口袋公园数 ≠ 公园数, 高技能人才数 ≠ 技能人才数, 有效发明专利拥有量 ≠ 发明专利拥有量)
EMBEDDING_THRESHOLD = 0.92
RAREST = 3  # bigrams per item used to find candidates
POSTINGS_CAP = 200  # partners per bigram in the looser candidates of --suggest
PARTNER_CAP = 16  # longer keys a key is compared with: bounds the pairs per key


@dataclass(frozen=True)
class Mention:
    """One target's indicator as written, with where it comes from."""
    target_id: str
    plan_id: str
    name: str
    unit: str | None = None
    region: str | None = None


@dataclass
class Concept:
    id: str
    name: str
    name_en: str | None
    kind: str
    unit: str | None
    domain: str | None
    key: str
    known: bool
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (name as written, region)
    plans: int = 0

    @property
    def aliases_text(self) -> str:
        return "; ".join(f"{n} ({r})" if r else n for n, r in self.aliases)


@dataclass(frozen=True)
class Assignment:
    target_id: str
    concept_id: str
    score: float
    method: str


@dataclass(frozen=True)
class Pair:
    """A scored candidate pair of keys, with the evidence of the decision."""
    a: str
    b: str
    kind: str
    score: float
    accepted: bool
    reason: str
    method: str = "lexical"


@dataclass
class Resolution:
    concepts: dict[str, Concept]
    assignments: list[Assignment]
    pairs: list[Pair]
    pairs_scored: int
    method: str

    def concept_of(self, target_id: str) -> str | None:
        for a in self.assignments:
            if a.target_id == target_id:
                return a.concept_id
        return None


@dataclass
class _Item:
    key: IndicatorKey
    anchor: str | None = None  # indicator:<id> of a canonical or curated concept
    anchor_name: str | None = None
    names: Counter = field(default_factory=Counter)
    plans: set = field(default_factory=set)
    mentions: list = field(default_factory=list)
    units: Counter = field(default_factory=Counter)
    vocab_hit: bool = False
    plan_scope: str | None = None  # a generic key (lexicons/indicator_generic.txt) is one concept per plan

    @property
    def real(self) -> bool:
        return bool(self.mentions)


# --- curation ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Alignment:
    same: tuple[tuple[str, str], ...] = ()
    not_same: tuple[tuple[str, str], ...] = ()
    concepts: tuple[tuple[str, str, str, str], ...] = ()  # (name as written, concept id, concept name, unit)


ALIGNMENT_FILE = vocab.VOCAB_DIR / "indicator_alignment.csv"


def load_alignment(path: Path | None = None) -> Alignment:
    """vocab/indicator_alignment.csv: `relation,a,b,concept_id,concept_name,unit,note` rows
    (relation same | not_same | concept); lines starting with # are comments."""
    import csv

    p = Path(path or ALIGNMENT_FILE)
    if not p.is_file():
        return Alignment()
    same: list[tuple[str, str]] = []
    not_same: list[tuple[str, str]] = []
    concepts: list[tuple[str, str, str, str]] = []
    with open(p, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(line for line in f if line.strip() and not line.lstrip().startswith("#"))]
    if not rows:
        return Alignment()
    header = [h.strip() for h in rows[0]]
    for i, raw in enumerate(rows[1:], 2):
        r = {h: (raw[k].strip() if k < len(raw) else "") for k, h in enumerate(header)}
        rel = r.get("relation", "")
        if rel in ("same", "not_same"):
            if not r.get("a") or not r.get("b"):
                raise ValueError(f"{p}: row {i}: {rel} needs a and b")
            (same if rel == "same" else not_same).append((r["a"], r["b"]))
        elif rel == "concept":
            if not r.get("a") or not r.get("concept_id"):
                raise ValueError(f"{p}: row {i}: concept needs a (a name as written) and concept_id")
            concepts.append((r["a"], r["concept_id"], r.get("concept_name") or r["a"], r.get("unit") or ""))
        else:
            raise ValueError(f"{p}: row {i}: relation must be same, not_same or concept, got {rel!r}")
    return Alignment(tuple(same), tuple(not_same), tuple(concepts))


# --- the pair decision ------------------------------------------------------------------------------

@lru_cache(maxsize=200_000)
def _bigrams(s: str) -> tuple[str, ...]:
    return tuple(s[i:i + 2] for i in range(len(s) - 1)) or (s,)


@lru_cache(maxsize=200_000)
def _tokens(s: str) -> tuple[str, ...]:
    return tuple(w for w in vocab.tokenizer().lcut(s) if w.strip() and w not in "()（）、，,")


@lru_cache(maxsize=200_000)
def _counter(items: tuple[str, ...]) -> Counter:
    return Counter(items)


def _dice(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    ca, cb = _counter(a), _counter(b)
    if len(ca) > len(cb):
        ca, cb = cb, ca
    common = sum(min(v, cb.get(k, 0)) for k, v in ca.items())
    total = len(a) + len(b)
    return 2.0 * common / total if total else 0.0


def lexical_score(a: str, b: str) -> float:
    """Mean of the Dice coefficients of jieba tokens and of character bigrams of two keys."""
    return round(0.5 * _dice(_tokens(a), _tokens(b)) + 0.5 * _dice(_bigrams(a), _bigrams(b)), 4)


@lru_cache(maxsize=500_000)
def added_parts(short: str, long: str) -> tuple[str, ...] | None:
    """What `long` adds to `short`, when it only adds (or reorders); None when it substitutes."""
    if short in long:
        return tuple(p for p in long.split(short, 1) if p)
    cs, cl = _counter(tuple(short)), _counter(tuple(long))
    if any(cl.get(c, 0) < v for c, v in cs.items()):
        return None  # short has a character long lacks
    ops = SequenceMatcher(None, short, long, autojunk=False).get_opcodes()
    if all(op in ("equal", "insert") for op, *_ in ops):
        return tuple(long[j1:j2] for op, _, _, j1, j2 in ops if op == "insert")
    return ("".join((cl - cs).elements()),)  # the same characters and more, in another order


def prefix_added(short: str, long: str) -> str | None:
    """The words `long` puts before the whole of `short` (口袋 in 口袋公园数 / 公园数), if any."""
    if long.startswith(short):
        return None
    if short in long:
        return long[:long.index(short)]
    ops = SequenceMatcher(None, short, long, autojunk=False).get_opcodes()
    if ops and ops[0][0] == "insert" and ops[0][1] == 0:
        front = long[ops[0][3]:ops[0][4]]
        return None if front in short else front  # 生猪出栏数 / 出栏生猪: the words moved, not a word put before
    return None


def _specific_len(key: str) -> int:
    """How many characters of a key say what is counted: the key without its measured quantity (公园 of 公园数)."""
    q = indicator_parts(key).quantity
    return len(key) - (len(q) if q else 0)


@lru_cache(maxsize=1)
def _inert_prefixes() -> re.Pattern:
    return re.compile(rf"(?:{vocab.lexicon_regex('indicator_inert_prefixes')})+")


@lru_cache(maxsize=1)
def _inert_after_base() -> re.Pattern:
    words = f"{vocab.lexicon_regex('indicator_inert_after_base')}|{vocab.lexicon_regex('indicator_inert_prefixes')}"
    return re.compile(rf"(?:{words})+")


def inert_prefix(front: str) -> bool:
    """Whether words put before a short name narrow nothing (lexicons/indicator_inert_prefixes.txt: 各类)."""
    return bool(_inert_prefixes().fullmatch(front))


def _without_base(key: str) -> str:
    base = indicator_parts(key).base
    return key.replace(base, "", 1) if base else key


def _narrowed_after_base(short: str, long: str) -> str | None:
    """Why `long` is a narrower kind of `short` by words put after its per-capita base, or None: the name
    after the base is a short name (SHORT_SPECIFIC characters or fewer besides the quantity) and `long`
    puts words before it (每千人口[中医]床位数 / 每千人口床位数) that are not inert
    (lexicons/indicator_inert_prefixes.txt, indicator_inert_after_base.txt: 人均[公共]体育场地面积), as a word
    put before a short name without a base does."""
    hs, hl = _without_base(short), _without_base(long)
    if _specific_len(hs) > SHORT_SPECIFIC or hs == hl:
        return None
    front = prefix_added(hs, hl) if hs != short else None
    if front and not inert_prefix(front) and not _inert_after_base().fullmatch(front):
        return f"{long!r} puts {front!r} after the base, before the short name {hs!r}: a narrower kind of it"
    return None


def _narrowed_after_restrictive(short: str, long: str) -> str | None:
    """Why `long` is a narrower kind of `short` by words put before the short name its leading restrictive words
    leave (新增[公共]停车位 / 新增停车位: 停车位 after 新增 is a short name), or None: the same test as for a
    short name at the start of a key, on the heads (the keys without base and restrictive words), where the
    restrictive words all stand before the head (lexicons/indicator_inert_prefixes.txt: 总体, 固定资产 narrow
    nothing there either)."""
    ps, pl = indicator_parts(short), indicator_parts(long)
    hs, hl = ps.head, pl.head
    if not ps.restrictive or hs == hl or len(hs) - len(ps.quantity or "") > SHORT_SPECIFIC:
        return None
    if not (_without_base(short).endswith(hs) and _without_base(long).endswith(hl)):
        return None  # a restrictive word inside the name (污泥[无害化]处置率): the head is no name of its own
    front = prefix_added(hs, hl)
    if front and not inert_prefix(front):
        return (f"{long!r} puts {front!r} before the short name {hs!r} its restrictive words leave: "
                "a narrower kind of it")
    return None


def _changed_parts(a: str, b: str) -> tuple[list[str], list[str]]:
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return ([a[i1:i2] for op, i1, i2, _, _ in ops if op != "equal" and i2 > i1],
            [b[j1:j2] for op, _, _, j1, j2 in ops if op != "equal" and j2 > j1])


_STATED_DENOMINATOR = re.compile(r"^(.{2,}?)占(.{2,}?)的?率$")


def decide(a: str, b: str, *, threshold: float = THRESHOLD, min_ratio: float = MIN_RATIO,
           cosine: float | None = None) -> tuple[bool, float, str]:
    """Whether two keys of one kind name one indicator: (accepted, score, the reason in words).

    A share that states its denominator (煤炭消费占能源消费总量比重, A占B率) and one that does not (煤炭消费比重) are
    compared by their numerators (A率 with the other), with every gate of the decision."""
    if a == b:
        return True, 1.0, "same key"
    da, db = _STATED_DENOMINATOR.match(a), _STATED_DENOMINATOR.match(b)
    if bool(da) != bool(db):
        stated, other = (a, b) if da else (b, a)
        m = da or db
        assert m is not None
        ok, score, why = decide(f"{m.group(1)}率", other, threshold=threshold, min_ratio=min_ratio, cosine=cosine)
        if ok:
            return True, score, f"{stated!r} states the denominator {m.group(2)!r}; its numerator: {why}"
    short, long = (a, b) if (len(a), a) <= (len(b), b) else (b, a)
    score = lexical_score(a, b)
    if len(short) < MIN_KEY:
        return False, score, f"{short!r} is too short to compare"
    conflict = parts_conflict(a, b)
    if conflict:
        return False, score, conflict
    added = added_parts(short, long)
    if added is None:
        if cosine is not None and cosine >= EMBEDDING_THRESHOLD and score >= threshold:
            ca, cb = _changed_parts(a, b)
            hit = next((w for part in ca + cb if (w := restrictive_in(part))), None)
            if hit is None:
                return True, round(cosine, 4), f"embedding cosine {cosine:.3f}; changed {ca}→{cb}"
        return False, score, "the names differ by a substitution, not by added words"
    wider = next((part for part in added if broadens(part)), None)
    if wider:
        return False, score, f"{long!r} adds another category ({wider!r}) to {short!r}"
    hit = next((w for part in added if (w := restrictive_in(part))), None)
    if hit:
        return False, score, f"{long!r} adds the restrictive {hit!r} to {short!r}"
    ratio = len(short) / len(long)
    if len(short) < SHORT_KEY and sum(map(len, added)) > MAX_SHORT_ADD:
        return False, score, f"{short!r} is too general for {long!r}"
    front = prefix_added(short, long)
    if front and _specific_len(short) <= SHORT_SPECIFIC and not inert_prefix(front):
        return False, score, f"{long!r} puts {front!r} before the short name {short!r}: a narrower kind of it"
    after_base = _narrowed_after_base(short, long) or _narrowed_after_restrictive(short, long)
    if after_base:
        return False, score, after_base
    if ratio < min_ratio:
        return False, score, f"{short!r} keeps only {ratio:.2f} of {long!r}"
    if score < threshold:
        return False, score, f"lexical score {score:.3f} below {threshold}"
    return True, score, f"{long!r} adds {'+'.join(added)!r} to {short!r}"


# units.csv kinds that state one quantity in different ways (张 and 张/千人, 平方米 and 平方米/人, 岁 and 年)
_UNIT_FAMILY = {"count": "amount", "per_capita": "amount", "area_per_capita": "area", "area_rate": "area",
                "money_usd": "money",
                "age": "time", "duration": "time"}


def _unit_kind(unit: str) -> str | None:
    u = vocab.unit(unit)  # a units.csv row or a scaled one (亿千瓦)
    return _UNIT_FAMILY.get(u.kind, u.kind) if u is not None else None


@lru_cache(maxsize=1)
def _count_classes() -> tuple[dict[str, str], tuple[tuple[str, str, str], ...]]:
    plain: dict[str, str] = {}
    within: list[tuple[str, str, str]] = []
    for line in vocab.lexicon("indicator_count_classes"):
        left, _, cls = (x.strip() for x in line.partition("=>"))
        word, sep, unit = (x.strip() for x in left.partition(":"))
        if sep:
            within.append((word, unit, cls))
        else:
            plain[left] = cls
    return plain, tuple(within)


def _count_class(unit: str, names: Iterable[str] = ()) -> str | None:
    """What a count's unit counts (lexicons/indicator_count_classes.txt: 万户 -> household, 个 -> object; 户 of
    企业 -> object), or None."""
    u = vocab.unit(unit)
    bare = re.sub(r"^[十百千万亿]+", "", unit.strip())
    base = u.unit_norm if u is not None else bare
    plain, within = _count_classes()
    for word, classifier, cls in within:
        if classifier in (base, bare) and any(word in n for n in names):
            return cls
    return plain.get(base) or plain.get(bare)


@cache
def _name_classifier_pattern() -> re.Pattern:
    """<classifier>数(量) at the end of a name, the classifiers of lexicons/indicator_name_classifiers.txt."""
    alts = "|".join(re.escape(c) for c in vocab.lexicon("indicator_name_classifiers"))
    return re.compile(rf"({alts})数(?:量)?(?:\([^()]*\))?$")


def _name_classifier(names: Iterable[str]) -> str | None:
    """The classifier a name says it counts in (老旧小区改造户数 -> 户, 参保人数 -> 人)."""
    top = names.most_common(1)[0][0] if isinstance(names, Counter) and names else next(iter(names), None)
    m = _name_classifier_pattern().search(top) if top else None
    return m.group(1) if m else None


def unit_clash(a: Counter, b: Counter, names_a: Iterable[str] = (), names_b: Iterable[str] = ()) -> str | None:
    """Why the units two items are stated in cannot measure one quantity (a share in % and a count in 个,
    an area and an amount of money, a concentration and a length), or None: the most common unit of
    each, by its kind in vocab/units.csv (kinds of one family, _UNIT_FAMILY, agree), and two counts whose
    classifiers count different things (lexicons/indicator_count_classes.txt: 个 estates, 户 households);
    a name without a unit counts in the classifier it ends with (老旧小区改造户数: 户); names without either,
    or with a unit the vocabulary does not know, never clash."""
    ua = a.most_common(1)[0][0] if a else _name_classifier(names_a)
    ub = b.most_common(1)[0][0] if b else _name_classifier(names_b)
    if not ua or not ub:
        return None
    ka, kb = _unit_kind(ua), _unit_kind(ub)
    if ka and kb and ka != kb:
        return f"units {ua} ({ka}) and {ub} ({kb}) measure different quantities"
    if _unit_kind(ua) == _unit_kind(ub) == "amount" and "/" not in ua + ub:
        ca, cb = _count_class(ua, names_a), _count_class(ub, names_b)
        if ca and cb and ca != cb:
            return f"units {ua} ({ca}) and {ub} ({cb}) count different things"
    return None


# --- embeddings (optional) ------------------------------------------------------------------------

_PROBES = ("森林覆盖率", "城镇登记失业率")


_WARNED: set[str] = set()


def embedding_unavailable(name: str, exc: BaseException) -> str:
    """What to say when the embedding path cannot run: which model, why, and how to get one."""
    return (f"no sentence-embedding model that reads Chinese could be loaded for indicator resolution "
            f"(model {name!r}: {type(exc).__name__}: {exc}). Set PLANGRAPH_EMBED_MODEL to a local folder of a "
            f"Chinese model (BAAI/bge-small-zh-v1.5, paraphrase-multilingual-MiniLM-L12-v2), or "
            f"PLANGRAPH_MODEL_DOWNLOAD=1 where a model hub can be reached; sentence-transformers must be installed")


def _embedder(method: str, cache_dir: Path | None):
    """A function text -> unit vector when a model that reads Chinese is at hand, else None.

    ``auto`` falls back to the lexical decision with a warning (once per model and process) saying
    why and how to get a model; ``embedding`` raises RuntimeError with the same message."""
    if method not in ("auto", "embedding"):
        return None, "lexical"
    from linking import similarity

    name = os.environ.get("PLANGRAPH_EMBED_MODEL") or similarity.DEFAULT_MODEL
    try:
        probe = similarity._embed(list(_PROBES), name, cache_dir)
        if similarity._dot(probe[0], probe[1]) > 0.9:
            raise ValueError("the model gives unrelated Chinese names a cosine above 0.9 (it cannot read Chinese)")
    except Exception as exc:
        msg = embedding_unavailable(name, exc)
        if method == "embedding":
            raise RuntimeError(msg) from exc
        if name not in _WARNED:
            _WARNED.add(name)
            log.warning("%s; the lexical decision is used", msg)
        return None, "lexical"

    def embed(texts: list[str]) -> list:
        return similarity._embed(texts, name, cache_dir)

    return embed, f"embedding:{name}"


# --- the stage ------------------------------------------------------------------------------------

def _items(mentions: Iterable[Mention], alignment: Alignment, vocabulary: bool = True) -> dict[tuple[str, ...], _Item]:
    items: dict[tuple[str, ...], _Item] = {}
    for m in mentions:
        n = normalize_name(m.name or "")
        if len(n) < 2:
            continue
        k = indicator_key(n, m.unit)
        scope = m.plan_id if is_generic(k.key) else None
        ik = (k.key, k.kind, scope) if scope is not None else (k.key, k.kind)
        it = items.get(ik)
        if it is None:
            it = items[ik] = _Item(k, plan_scope=scope)
        it.names[n] += 1
        it.plans.add(m.plan_id)
        it.mentions.append((m, n))
        if m.unit:
            it.units[m.unit] += 1
        d = lookup(n, m.unit) if vocabulary and scope is None else None
        if d is not None and it.anchor is None:
            it.anchor, it.anchor_name, it.vocab_hit = f"indicator:{d.id}", d.name, True
    for k, d in vocabulary_keys() if vocabulary else ():
        kind = vocabulary_kind(d)
        it = items.get((k.key, kind))
        if it is None:
            items[(k.key, kind)] = _Item(IndicatorKey(k.key, kind), f"indicator:{d.id}", d.name)
        elif it.anchor is None:
            it.anchor, it.anchor_name = f"indicator:{d.id}", d.name
    for written, cid, cname, unit in alignment.concepts:
        k = indicator_key(normalize_name(written), unit or None)
        it = items.get((k.key, k.kind))
        anchor = cid if cid.startswith("indicator:") else f"indicator:{cid}"
        if it is None:
            items[(k.key, k.kind)] = _Item(k, anchor, cname)
        else:
            it.anchor, it.anchor_name = anchor, cname
    return items


def candidate_pairs(keys: Sequence[str], min_ratio: float = MIN_RATIO, rarest: int = RAREST,
                    cap: int = PARTNER_CAP) -> set[tuple[int, int]]:
    """Pairs of keys (indices, i < j) the decision can accept: the shorter key's characters all occur
    in the longer one (it only adds words), so the longer key holds the shorter one's `rarest` rarest
    characters, and it is at most 1/min_ratio times as long.  Each key looks only at the keys that
    hold all of its rarest characters (the intersection of their postings), never at all keys, and
    keeps at most `cap` of them: at most cap * len(keys) pairs."""
    chars = [_counter(tuple(k)) for k in keys]
    df: Counter = Counter(c for cs in chars for c in cs)
    postings: dict[str, set[int]] = defaultdict(set)
    for i, cs in enumerate(chars):
        for c in cs:
            postings[c].add(i)
    out: set[tuple[int, int]] = set()
    for i, cs in enumerate(chars):
        n = len(keys[i])
        if n < MIN_KEY:
            continue
        rare = sorted(cs, key=lambda c: (df[c], c))[:rarest]
        lists = sorted((postings[c] for c in rare), key=len)
        first, rest = lists[0], lists[1:]
        longest = n / min_ratio
        partners = []
        for j in first:
            if j == i or not (n <= len(keys[j]) <= longest) or (len(keys[j]) == n and j < i):
                continue
            if any(j not in other for other in rest):
                continue
            cj = chars[j]
            if any(cj.get(c, 0) < v for c, v in cs.items()):
                continue  # i has a character j lacks: j does not only add words to i
            partners.append((len(keys[j]) - n, keys[j], j))
        # a key that many longer keys contain is a general one: it can join one of them at most
        # (they differ among themselves), and the closest in length score highest
        for _, _, j in sorted(partners)[:cap]:
            out.add((i, j) if i < j else (j, i))
    return out


def near_pairs(keys: Sequence[str], rarest: int = RAREST, cap: int = POSTINGS_CAP) -> set[tuple[int, int]]:
    """A looser candidate set for curation (`python -m graph indicators --suggest`): keys that share one
    of either key's rarest bigrams (at most `cap` partners a bigram), substitutions included."""
    grams = [set(_bigrams(k)) for k in keys]
    df: Counter = Counter(g for gs in grams for g in gs)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, gs in enumerate(grams):
        for g in gs:
            postings[g].append(i)
    out: set[tuple[int, int]] = set()
    for i, gs in enumerate(grams):
        for g in sorted(gs, key=lambda x: (df[x], x))[:rarest]:
            for j in postings[g][:cap]:
                if j != i:
                    out.add((i, j) if i < j else (j, i))
    return out


def resolve(mentions: Iterable[Mention], *, alignment: Alignment | None = None, method: str = "lexical",
            cache_dir: Path | None = None, threshold: float = THRESHOLD, min_ratio: float = MIN_RATIO,
            loose: bool = False, vocabulary: bool = True) -> Resolution:
    """Concepts for every mention (see the module docstring); deterministic for a set of mentions.
    ``vocabulary=False`` leaves out the canonical indicators of vocab/indicators.csv (what the
    decision does with names no vocabulary knows: bench/eval_indicators.py --no-vocabulary)."""
    alignment = alignment if alignment is not None else load_alignment()
    items = _items(mentions, alignment, vocabulary)
    embed, used = _embedder(method, cache_dir)
    order = sorted(items)  # deterministic
    idx = {k: i for i, k in enumerate(order)}
    its = [items[k] for k in order]

    forced: list[tuple[int, int]] = []
    cannot: set[tuple[int, int]] = set()
    for curated, into in ((alignment.same, "same"), (alignment.not_same, "not")):
        for a, b in curated:
            key_a, key_b = indicator_key(normalize_name(a)).key, indicator_key(normalize_name(b)).key
            if into == "not" and key_a == key_b:
                log.warning("indicator_alignment.csv: not_same %r, %r cannot keep them apart: both names have "
                            "the key %r (one indicator written two ways)", a, b, key_a)
            # a curated name has no unit: a count's key may have got the 数 a bare count gets (公共停车泊位数)
            ka = [k for k in order if k[0] in (key_a, f"{key_a}数")]
            kb = [k for k in order if k[0] in (key_b, f"{key_b}数")]
            for kx in ka:
                for ky in kb:
                    if kx != ky:
                        p = (min(idx[kx], idx[ky]), max(idx[kx], idx[ky]))
                        (forced.append(p) if into == "same" else cannot.add(p))

    # candidates, blocked by kind
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(its):
        if it.plan_scope is None:  # a generic key is compared with nothing
            by_kind[it.key.kind].append(i)
    cands: list[tuple[int, int]] = []
    for _kind, block in sorted(by_kind.items()):
        ks = [its[i].key.key for i in block]
        local = near_pairs(ks) if loose or embed is not None else candidate_pairs(ks, min_ratio)
        cands.extend((block[a], block[b]) for a, b in local)
    cands.sort()
    vectors: dict[int, list] = {}
    if embed is not None and cands:
        need = sorted({i for p in cands for i in p})
        for i, v in zip(need, embed([_display(its[i]) for i in need])):
            vectors[i] = v
    decided: dict[tuple[int, int], tuple[bool, float, str]] = {}

    def judge(i: int, j: int) -> tuple[bool, float, str]:
        p = (i, j) if i < j else (j, i)
        r = decided.get(p)
        if r is None:
            cos = None
            if i in vectors and j in vectors:
                from linking.similarity import _dot

                cos = _dot(vectors[i], vectors[j])
            clash = unit_clash(its[p[0]].units, its[p[1]].units, its[p[0]].names, its[p[1]].names)
            if clash:
                r = decided[p] = (False, lexical_score(its[p[0]].key.key, its[p[1]].key.key), clash)
            else:
                r = decided[p] = decide(its[p[0]].key.key, its[p[1]].key.key, threshold=threshold,
                                        min_ratio=min_ratio, cosine=cos)
        return r

    pairs: list[Pair] = []
    edges: list[tuple[float, int, int, str]] = []
    for i, j in cands:
        if not (its[i].real or its[j].real):
            continue  # two vocabulary synonyms: the vocabulary already decided
        ok, score, why = judge(i, j)
        m = "embedding" if why.startswith("embedding") else "lexical"
        pairs.append(Pair(_display(its[i]), _display(its[j]), its[i].key.kind, score, ok, why,
                          used if m == "embedding" else "lexical"))
        if ok:
            edges.append((score, i, j, used if m == "embedding" else "lexical"))
    pairs_scored = len(pairs)

    # union with constraints
    parent = list(range(len(its)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(its))}
    anchor: dict[int, str | None] = {i: its[i].anchor for i in range(len(its))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(ra: int, rb: int) -> None:
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        anchor[ra] = anchor[ra] or anchor.pop(rb, None)

    # the vocabulary's synonyms and the curated concepts are one concept each, whatever their keys
    by_anchor: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(its):
        if it.anchor:
            by_anchor[it.anchor].append(i)
    for ids in by_anchor.values():
        for x in ids[1:]:
            ra, rb = find(ids[0]), find(x)
            if ra != rb:
                join(ra, rb)
    for i, j in forced:
        ra, rb = find(i), find(j)
        if ra != rb and not (anchor[ra] and anchor[rb] and anchor[ra] != anchor[rb]):
            join(ra, rb)

    def may_join(ra: int, rb: int) -> bool:
        if anchor[ra] and anchor[rb] and anchor[ra] != anchor[rb]:
            return False
        # a name that one of a canonical concept's own names accepts needs no test against its other
        # names: the vocabulary made them one (学前三年教育毛入园率 adds 教育 to 学前三年毛入园率, a
        # synonym of 学前教育毛入园率, and is not compared with 学前教育毛入园率 itself)
        a = anchor[ra] or anchor[rb]
        vouched: set[int] = set()
        if a:
            named = [z for z in (*members[ra], *members[rb]) if its[z].anchor == a]
            vouched = {x for x in (*members[ra], *members[rb])
                       if its[x].anchor is None and any(judge(x, z)[0] for z in named)}
        for x in members[ra]:
            for y in members[rb]:
                p = (x, y) if x < y else (y, x)
                if p in cannot:
                    return False
                if not (its[x].real and its[y].real):
                    continue
                if its[x].plans & its[y].plans:
                    short, long = sorted((its[x].key.key, its[y].key.key), key=len)
                    parts = added_parts(short, long)
                    if parts is None or sum(map(len, parts)) > 1:
                        return False  # one plan, two names: two indicators
                if (x in vouched and its[y].anchor == a) or (y in vouched and its[x].anchor == a):
                    continue
                if not judge(x, y)[0]:
                    return False
        return True

    via: dict[int, tuple[float, str]] = {}
    for score, i, j, m in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ra, rb = find(i), find(j)
        if ra == rb:
            continue
        if may_join(ra, rb):
            join(ra, rb)
            for x in (i, j):
                if x not in via or via[x][0] < score:
                    via[x] = (score, m)

    return _concepts(its, find, members, anchor, via, forced, pairs, pairs_scored, used)


def _display(it: _Item) -> str:
    return it.names.most_common(1)[0][0] if it.names else (it.anchor_name or it.key.key)


def _concepts(its, find, members, anchor, via, forced, pairs, pairs_scored, used) -> Resolution:
    defs = {f"indicator:{d.id}": d for d in vocab.indicators()}
    forced_items = {x for p in forced for x in p}
    concepts: dict[str, Concept] = {}
    assignments: list[Assignment] = []
    for root in sorted({find(i) for i in range(len(its))}):
        group = members[root]
        real = [i for i in group if its[i].real]
        if not real:
            continue
        rep = min(real, key=lambda i: (-len(its[i].plans), -len(its[i].mentions), len(its[i].key.key), its[i].key.key))
        a = anchor[root]
        units: Counter = Counter()
        for i in real:
            units.update(its[i].units)
        unit = units.most_common(1)[0][0] if units else None
        if a and a in defs:
            d = defs[a]
            c = Concept(a, d.name, d.name_en, vocabulary_kind(d), d.unit or unit, d.domain,
                        indicator_key(d.name, d.unit).key, True)
        else:
            name = next((its[i].anchor_name for i in group if its[i].anchor == a), None) if a else None
            cid = a or (key_id(its[rep].key) if its[rep].plan_scope is None
                        else f"indicator:{short_hash(its[rep].key.key, its[rep].key.kind, its[rep].plan_scope)}")
            name = name or _display(its[rep])
            dom = classify_indicator(name)
            c = Concept(cid, name, None, its[rep].key.kind, unit, dom.id if dom else None, its[rep].key.key, bool(a))
        aliases: set[tuple[str, str]] = set()
        plans: set[str] = set()
        for i in real:
            it = its[i]
            plans |= it.plans
            if i == rep and not a:
                score, method = 1.0, "key"
            elif it.anchor == a and a and it.vocab_hit:
                score, method = 1.0, "vocabulary"
            elif it.anchor == a and a:
                score, method = 1.0, "curated" if a not in defs else "vocabulary"
            elif i in forced_items and i not in via:
                score, method = 1.0, "curated"
            else:
                score, method = via.get(i, (1.0, "key"))
            for m, n in it.mentions:
                aliases.add((n, m.region or ""))
                assignments.append(Assignment(m.target_id, c.id, score, method))
        c.aliases = sorted(aliases)
        c.plans = len(plans)
        concepts[c.id] = c
    assignments.sort(key=lambda x: x.target_id)
    return Resolution(concepts, assignments, pairs, pairs_scored, used)


# --- curation help -------------------------------------------------------------------------------

def suggestions(mentions: Sequence[Mention], *, limit: int = 50, min_score: float = 0.4,
                alignment: Alignment | None = None) -> list[dict]:
    """Near pairs of indicators of different plans that resolution left as two concepts, best first,
    with the evidence (score, why, where each is written): what a researcher may accept (a `same`
    row in vocab/indicator_alignment.csv) or reject (`not_same`)."""
    res = resolve(mentions, alignment=alignment, loose=True)
    where: dict[str, set[str]] = defaultdict(set)
    concept_of_name: dict[str, str] = {}
    by_target = {a.target_id: a.concept_id for a in res.assignments}
    for m in mentions:
        n = normalize_name(m.name)
        where[n].add(m.region or m.plan_id)
        concept_of_name.setdefault(n, by_target.get(m.target_id, ""))
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for p in sorted(res.pairs, key=lambda p: (-p.score, p.a, p.b)):
        if p.accepted or p.score < min_score or p.a not in where or p.b not in where or (p.a, p.b) in seen:
            continue
        seen.add((p.a, p.b))
        if concept_of_name.get(p.a) == concept_of_name.get(p.b):
            continue
        if where[p.a] == where[p.b] and len(where[p.a]) == 1:
            continue  # one plan's two names
        out.append({"a": p.a, "b": p.b, "kind": p.kind, "score": p.score, "why_apart": p.reason,
                    "a_regions": sorted(where[p.a]), "b_regions": sorted(where[p.b]),
                    "a_concept": concept_of_name.get(p.a), "b_concept": concept_of_name.get(p.b)})
        if len(out) >= limit:
            break
    return out


def unaligned(mentions: Sequence[Mention], *, alignment: Alignment | None = None) -> list[dict]:
    """Concepts only one plan states, with how many targets and where: the indicators nothing compares with."""
    res = resolve(mentions, alignment=alignment)
    targets: Counter = Counter(a.concept_id for a in res.assignments)
    out = []
    for c in sorted(res.concepts.values(), key=lambda c: (-targets[c.id], c.id)):
        if c.plans <= 1:
            out.append({"concept": c.id, "name": c.name, "kind": c.kind, "targets": targets[c.id],
                        "written": c.aliases_text})
    return out


# --- evaluation against hand-made concept groups --------------------------------------------------

def evaluate(gold: dict, concept_of: dict[tuple[str, str], str | None]) -> dict:
    """Precision and recall of same-concept pairs across plans, and the near misses merged.

    ``gold`` is the format of tests/gold/indicator_concepts.json; ``concept_of`` maps
    (plan, indicator as written) to the concept a resolution gave it (None: no concept)."""
    members: list[tuple[tuple[str, str], int]] = []
    for g, group in enumerate(gold.get("groups", [])):
        for m in group["members"]:
            members.append(((m["plan"], m["indicator"]), g))
    for n in gold.get("near_misses", []):
        for side in ("a", "b"):
            key = (n[side]["plan"], n[side]["indicator"])
            if all(k != key for k, _ in members):
                members.append((key, -1))
    tp = fp = fn = 0
    missed, wrong = [], []
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            (ka, ga), (kb, gb) = members[x], members[y]
            if ka[0] == kb[0]:
                continue  # pairs across plans only
            ca, cb = concept_of.get(ka), concept_of.get(kb)
            same_pred = ca is not None and ca == cb
            same_gold = ga >= 0 and ga == gb
            if same_pred and same_gold:
                tp += 1
            elif same_pred:
                fp += 1
                wrong.append((ka, kb))
            elif same_gold:
                fn += 1
                missed.append((ka, kb))
    merged = []
    for n in gold.get("near_misses", []):
        ka, kb = (n["a"]["plan"], n["a"]["indicator"]), (n["b"]["plan"], n["b"]["indicator"])
        ca, cb = concept_of.get(ka), concept_of.get(kb)
        if ca is not None and ca == cb:
            merged.append((ka, kb, n.get("why", "")))
    return {"pairs": tp + fn, "true_positive": tp, "false_positive": fp, "false_negative": fn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
            "near_misses": len(gold.get("near_misses", [])), "near_misses_merged": merged,
            "missed": missed, "wrong": wrong}
