"""SIMILAR_TO links between counterpart policies of different plans, from their PolicyTexts.

Two methods:
* ``embedding:<model>`` — sentence-transformers, batch-encoded, cached on disk by
  model + text hash.  Imports stay inside the function so the CLI and app start fast.
* ``lexical`` — TF-IDF cosine over jieba tokens (with the domain dictionary, so 助餐,
  适老化改造, 托位 are single tokens) plus character bigrams and trigrams.  It needs
  nothing but jieba and must carry the quality offline.

``auto`` tries the embedding model (env PLANGRAPH_EMBED_MODEL, default a Chinese model)
and falls back to lexical with a logged warning saying why.  Only pairs from different
plans are linked; each policy keeps its ``top_k`` best counterparts above ``threshold``.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.heap import release_heap
from model.records import Relationship
from model.texts import PolicyText
from ontology import embeddings, responsibility, vocab

log = logging.getLogger(__name__)

DEFAULT_MODEL = "BAAI/bge-small-zh-v1.5"
# Counterparts per measure. 4 rather than 3: on the hand-picked seed counterparts
# (tests/gold/similarity_pairs.json) recall rose from 25 to 27 of 31 (corpus idf), for 13% more links.
TOP_K = 4
# 0.19: with the reference idf (similarity_df.tsv) 26 of the 31 seed counterparts, 267 links (0.2: 25)
LEXICAL_THRESHOLD = 0.19
EMBEDDING_THRESHOLD = 0.6
_STOP = set(vocab.lexicon("similarity_stop_words"))
_PUNCT = re.compile(r"[\s\d，。、；：,.;:!?！？“”\"'《》()（）〔〕【】\[\]—\-~～%+·/]+")


def default_model() -> str:
    return os.environ.get("PLANGRAPH_EMBED_MODEL") or DEFAULT_MODEL


def link_similar(
    policies: Sequence[PolicyText], *, method: str = "auto", model_name: str | None = None,
    cache_dir: Path | None = None, top_k: int = TOP_K, threshold: float | None = None,
    token_cache: dict[str, Counter] | None = None,
) -> tuple[list[Relationship], str]:
    """SIMILAR_TO relationships (score, method) between policies of different plans, and the method used.

    ``token_cache`` (text -> token counts, read and filled): texts seen before are not segmented
    again. (A build links with ``lexical_links`` and a persisted ``IndexState`` instead.)"""
    pols = [p for p in policies if p.text or p.title]
    if len(pols) < 2 or len({p.plan_id or p.id for p in pols}) < 2:  # links join different plans only
        return [], (f"embedding:{model_name or default_model()}" if method == "embedding" else "lexical")
    texts = [_policy_text(p) for p in pols]
    used = "lexical"
    vectors = None
    if method in ("auto", "embedding"):
        name = model_name or default_model()
        try:
            vectors = _embed(texts, name, cache_dir)
            used = f"embedding:{name}"
        except Exception as exc:  # noqa: BLE001 - any failure means: fall back
            if method == "embedding":
                raise
            log.warning("similarity: embedding model %r unavailable (%s: %s); falling back to the lexical method",
                        name, type(exc).__name__, exc)
    elif method != "lexical":
        raise ValueError(f"unknown similarity method {method!r} (auto | embedding | lexical)")
    if vectors is None:
        thr = LEXICAL_THRESHOLD if threshold is None else threshold
        return lexical_relationships(pols, top_k=top_k, threshold=thr, token_cache=token_cache), used
    thr = EMBEDDING_THRESHOLD if threshold is None else threshold
    return _links(pols, vectors, top_k, thr, used), used




def text_units(p: PolicyText) -> list[str]:
    """The texts lexical scoring segments for one policy: its whole text and its clauses."""
    from ontology.mapping.text import sentences

    t = _policy_text(p)
    out = [t]
    for sp in sentences(t):
        out.extend(cl for cl in _CLAUSE.split(sp.text) if len(cl) >= MIN_CLAUSE)
    return out


def lexical_relationships(policies: Sequence[PolicyText], *, top_k: int = TOP_K,
                          threshold: float = LEXICAL_THRESHOLD, token_cache: dict[str, Counter] | None = None
                          ) -> list[Relationship]:
    """Lexical SIMILAR_TO between the policies of different plans (grouped by plan id)."""
    groups: dict[str, list[PolicyText]] = {}
    for p in policies:
        groups.setdefault(p.plan_id or p.id, []).append(p)
    plans = [(k, plan_vectors(v, k, token_cache)) for k, v in groups.items()]
    links, ids, _ = lexical_links(plans, top_k=top_k, threshold=threshold)
    return similar_to(links, ids)


def similar_to(links: Sequence[tuple[int, int, float]], ids: Sequence[str], method: str = "lexical"
               ) -> list[Relationship]:
    return [Relationship("SIMILAR_TO", ids[a], ids[b], "Policy", "Policy",
                         {"score": round(float(s), 4), "method": method}) for a, b, s in links]


def _policy_text(p: PolicyText) -> str:
    """Title (twice: it names the measure) + text without the responsibility clause (agency
    lists say who, not what, and would make every pair of measures of one bureau similar)."""
    title = p.title or ""
    text = p.text or ""
    resp = p.responsibility
    if resp and resp in text:
        text = text.replace(resp, "")
    text = responsibility.strip_trailing_clause(text)
    return f"{title}。{title}。{text}" if title and not text.startswith(title) else (text or title)


def _links(pols: list[PolicyText], vectors: list, top_k: int, thr: float, used: str) -> list[Relationship]:
    n = len(pols)
    plan = [p.plan_id or p.id for p in pols]
    scores: dict[tuple[int, int], float] = {}
    for i in range(n):
        for j in range(i + 1, n):
            if plan[j] != plan[i]:
                scores[(i, j)] = _dot(vectors[i], vectors[j])
    return _links_from_scores(pols, scores, top_k, thr, used)


def _links_from_scores(pols: list[PolicyText], scores: dict[tuple[int, int], float], top_k: int, thr: float,
                       used: str) -> list[Relationship]:
    """Each policy keeps its top_k counterparts at or above thr; pairs are stored once (start id < end id)."""
    n = len(pols)
    per: list[list[tuple[float, int]]] = [[] for _ in range(n)]
    for (i, j), s in scores.items():
        if s >= thr:
            per[i].append((s, j))
            per[j].append((s, i))
    best: dict[tuple[int, int], float] = {}
    for i in range(n):
        cands = per[i]
        cands.sort(key=lambda x: (-x[0], pols[x[1]].id))
        for s, j in cands[:top_k]:
            key = (i, j) if pols[i].id < pols[j].id else (j, i)
            best[key] = max(best.get(key, 0.0), s)
    rels = []
    for (i, j), s in sorted(best.items(), key=lambda kv: (pols[kv[0][0]].id, pols[kv[0][1]].id)):
        rels.append(Relationship("SIMILAR_TO", pols[i].id, pols[j].id, "Policy", "Policy",
                                 {"score": round(float(s), 4), "method": used}))
    return rels


def _dot(a, b) -> float:
    if isinstance(a, dict):
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(k, 0.0) for k, v in a.items())
    return float(sum(x * y for x, y in zip(a, b)))


# --- lexical ---------------------------------------------------------------------------------------

def tokens(text: str, pieces: dict[str, tuple[list[str], list[str]]] | None = None) -> list[str]:
    """jieba words (domain dictionary loaded, stop words out) + character 2- and 3-grams.

    ``pieces`` (read and filled): the words and n-grams of the pieces of text between separators,
    so that a text made of pieces seen before (a measure's clauses after its whole text) is not
    segmented again. The list is the same either way: jieba segments each run of characters its
    pattern accepts on its own, the n-grams never cross punctuation, and what a separator yields
    itself (single characters, white space) is never kept."""
    words: list[str] = []
    grams: list[str] = []
    for piece in _SEPARATORS.split(text):
        if not piece:
            continue
        got = pieces.get(piece) if pieces is not None else None
        if got is None:
            got = _piece_tokens(piece)
            if pieces is not None:
                pieces[piece] = got
        words.extend(got[0])
        grams.extend(got[1])
    return words + grams


# where both jieba (outside its pattern of han characters, letters, digits and +#&._%-) and the
# n-grams (in _PUNCT) split: a text's tokens are its pieces' tokens
_SEPARATORS = re.compile(r"[\s，。、；：,;:!?！？“”\"'《》()（）〔〕【】\[\]—~～·/]+")


def _piece_tokens(text: str) -> tuple[list[str], list[str]]:
    tk = vocab.tokenizer()
    words: list[str] = []
    for w in tk.lcut(text):
        w = w.strip()
        if len(w) >= 2 and w not in _STOP and not _PUNCT.fullmatch(w):
            words.append("w:" + w)
    grams: list[str] = []
    for chunk in _PUNCT.split(text):
        for n in (2, 3):
            grams.extend("c:" + chunk[i:i + n] for i in range(len(chunk) - n + 1))
    return words, grams


def _tokens_whole(text: str) -> list[str]:
    """``tokens`` without pieces: the text segmented at once (the reference the pieces must equal)."""
    words, grams = _piece_tokens(text)
    return words + grams


# Weights are corpus-independent: the IDF of a fixed table of reference document frequencies
# (ontology/vocab/similarity_df.tsv, written by bench/similarity_df.py), so that a pair's score
# depends on the two measures alone. A plan added to a folder is then scored against the stored
# measures (``LexicalIndex``) without changing anyone else's scores, and an incremental build
# ends where a fresh build ends.
REFERENCE_DF = vocab.VOCAB_DIR / "similarity_df.tsv"
# tokens in more than this share of the reference measures are stop tokens, left out of the vectors
# (they weigh little and would make the pair count quadratic)
STOP_SHARE = 0.05
DOC_WEIGHT = 0.4
MIN_CLAUSE = 4
_CLAUSE = re.compile(r"[，,；;：:]")
DOMAIN_WORD_BOOST = 3.5
_QUERY_CHUNK = 32          # query policies per sparse product (its clause products bound the peak)
# An incremental call scores its policies against every policy (instead of the pruned search, in which
# every stored policy also looks among the new ones) when they are at most this share of all of them
SCAN_SHARE = 8


@functools.lru_cache(maxsize=1)
def reference_df() -> tuple[dict[str, int], int]:
    """(token -> in how many reference measures it occurs, how many measures were counted)."""
    df: dict[str, int] = {}
    n = 0
    for line in REFERENCE_DF.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        term, _, count = line.rpartition("\t")
        if term == "*":
            n = int(count)
        else:
            df[term] = int(count)
    return df, n


@functools.lru_cache(maxsize=1)
def _domain_words() -> frozenset[str]:
    return frozenset("w:" + w for w, _, _ in vocab.userdict_words())


def _term_factors(terms, factors: dict[str, float]) -> None:
    """idf (from the reference table) times the word boost, for the terms not in ``factors`` yet;
    0 for a stop token. A token the table does not know weighs as one seen in no reference measure."""
    df, n = reference_df()
    domain = _domain_words()
    stop = STOP_SHARE * n
    for t in terms:
        if t in factors:
            continue
        d = df.get(t, 0)
        f = math.log((1 + n) / (1 + d)) + 1.0
        if t in domain:
            f *= DOMAIN_WORD_BOOST
        elif t.startswith("w:"):
            f *= 1.5
        factors[t] = 0.0 if d > stop else f


def _term_key(term: str) -> int:
    """A stable 63-bit key of a token (the same in every process and build)."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little") >> 1


@dataclass
class PlanVectors:
    """One plan's measures as L2-normalised TF-IDF vectors (sublinear tf, reference idf), whole texts
    and clauses, as coordinate arrays over stable token keys: what the lexical index keeps of a plan
    (in the plan cache), enough to score it against any other plan without its text."""
    plan_id: str
    ids: list[str]
    doc_row: Any          # int32: policy index per entry
    doc_term: Any         # int64: token key
    doc_w: Any            # float32
    clause_owner: Any     # int32: policy index per clause
    clause_row: Any       # int32: clause index per entry
    clause_term: Any
    clause_w: Any


_TERMS: dict[str, tuple[float, int]] = {}   # token -> (factor, key), for the process (bounded)
_TERMS_MAX = 2_000_000


def _terms_of(vocabulary: list[str]) -> tuple[list[float], list[int]]:
    missing = [t for t in vocabulary if t not in _TERMS]
    if missing:
        if len(_TERMS) + len(missing) > _TERMS_MAX:
            _TERMS.clear()
        factors: dict[str, float] = {}
        _term_factors(missing, factors)
        for t in missing:
            _TERMS[t] = (factors[t], _term_key(t))
    got = [_TERMS[t] for t in vocabulary]
    return [f for f, _ in got], [k for _, k in got]


def plan_vectors(policies: Sequence[PolicyText], plan_id: str | None = None,
                 token_cache: dict[str, Counter] | None = None) -> PlanVectors:
    """The vectors of one plan's policies (in the given order)."""
    import numpy as np

    seen = {} if token_cache is None else token_cache
    pieces: dict[str, tuple[list[str], list[str]]] = {}
    local: dict[str, int] = {}
    rows: list[int] = []
    idx: list[int] = []
    tfs: list[int] = []
    unit_owner: list[int] = []
    unit_doc: list[bool] = []
    for k, p in enumerate(policies):
        for u, text in enumerate(text_units(p)):
            c = seen.get(text)
            if c is None:
                c = seen[text] = Counter(tokens(text, pieces))
            unit = len(unit_owner)
            unit_owner.append(k)
            unit_doc.append(u == 0)
            rows.extend([unit] * len(c))
            idx.extend([local.setdefault(t, len(local)) for t in c])
            tfs.extend(c.values())
    f_list, k_list = _terms_of(list(local))
    F = np.asarray(f_list, dtype=np.float64)
    K = np.asarray(k_list, dtype=np.int64)
    r = np.asarray(rows, dtype=np.int64)
    t = np.asarray(idx, dtype=np.int64)
    tf = np.asarray(tfs, dtype=np.float64)
    x = F[t] * np.where(tf == 1, 1.0, 1.0 + np.log(np.maximum(tf, 1.0)))
    keep = x > 0
    r, t, x = r[keep], t[keep], x[keep]
    n_units = len(unit_owner)
    norm = np.sqrt(np.bincount(r, weights=x * x, minlength=n_units))
    norm[norm == 0] = 1.0
    w = (x / norm[r]).astype(np.float32)
    is_doc = np.asarray(unit_doc, dtype=bool)
    owner = np.asarray(unit_owner, dtype=np.int32)
    clause_of = np.cumsum(~is_doc) - 1           # clause index of each clause unit
    d = is_doc[r]
    i32 = np.int32
    return PlanVectors(plan_id or (policies[0].plan_id if policies else ""), [p.id for p in policies],
                       owner[r[d]].astype(i32), K[t[d]], w[d],
                       owner[~is_doc].astype(i32), clause_of[r[~d]].astype(i32), K[t[~d]], w[~d])


@dataclass
class IndexState:
    """What a lexical link computation leaves for the next one: the plans it covered (by key: a
    content hash in a build) and every link it made, with its unrounded score."""
    params: tuple
    plans: list[str]
    links: list[tuple[str, str, str, str, float]]  # (plan key a, policy a, plan key b, policy b, score)


def lexical_links(plans: Sequence[tuple[str, PlanVectors]], *, top_k: int = TOP_K,
                  threshold: float = LEXICAL_THRESHOLD, previous: IndexState | None = None,
                  exhaustive: bool = False, release: bool = False
                  ) -> tuple[list[tuple[int, int, float]], list[str], IndexState]:
    """Each policy's ``top_k`` best counterparts in other plans at or above ``threshold``.

    ``plans`` are (key, vectors); returns the links as (global policy index a, b, score) with a's
    id < b's, the policy ids in global order, and the state for the next call. The score of a pair
    is DOC_WEIGHT × the whole-text cosine + (1 − DOC_WEIGHT) × the best clause-to-clause cosine,
    over the scored (non-stop) tokens: it depends on the two policies alone (each dot product sums
    the shared tokens in key order, so it is the same bits whichever side asks), and the result is
    exact: every pair that can be among a policy's best is scored (see below).

    With ``previous`` (the state of a call over other plans), only the policies of plans not in it,
    and those of its plans that had a link to a plan no longer here, are scored against all the
    others; every other policy keeps its previous links as candidates. The result is the one a call
    without ``previous`` gives: a policy's best counterparts among the old plans are among its old
    links, and a pair's score does not depend on the other plans. When those policies are few (at
    most 1/SCAN_SHARE of all: one plan added to a folder), each is scored against every policy, over
    matrices of their own tokens only: every pair with a new policy at or above the threshold is then
    a candidate, so a stored policy's top_k changes only where a new pair beats its old ones, and no
    stored policy searches the new ones (the cost is that of the new plan's rows, not of the store's).

    Not every pair sharing a token is scored (that is quadratic: at 1,000 plans most pairs of
    measures share some token): the ``top_k``-th best score a policy has so far is a lower bound L
    on its final one, and it only looks for the pairs that can reach max(L, a level): a score at or
    above t needs a whole-text or a clause cosine at or above t, and a cosine at or above t needs a
    shared token outside the most frequent tokens whose squared weights add up to less than t²
    (prefix filtering). Levels go down (PRUNE_LEVELS, then the threshold) until L reaches the level
    looked at. The pairs found are scored by the same sparse products, so the links are the
    exhaustive ones bit for bit (``exhaustive=True`` scores every pair sharing a token, as a check;
    tests/test_similarity_gold.py compares them).

    ``release``: the caller gives the vectors up; ``plans`` (a list) is emptied once the matrices are
    made from them, so that the search does not hold them too (at 1,000 plans a quarter of its peak)."""
    import numpy as np
    from scipy import sparse

    params = ("lexical-v2", top_k, threshold, DOC_WEIGHT, STOP_SHARE)
    keys = [k for k, _ in plans]
    if len(set(keys)) != len(keys):
        raise ValueError("lexical_links: a plan key occurs twice")
    ids: list[str] = []
    plan_of: list[int] = []
    start: list[int] = []
    for g, (_, pv) in enumerate(plans):
        start.append(len(ids))
        ids.extend(pv.ids)
        plan_of.extend([g] * len(pv.ids))
    n = len(ids)
    gp = np.asarray(plan_of, dtype=np.int64)
    state = IndexState(params, keys, [])
    if n < 2 or len(plans) < 2:
        return [], ids, state
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[np.argsort(np.asarray(ids, dtype=object), kind="stable")] = np.arange(n)
    # which policies are scored now, and which previous links are kept as candidates
    index = {k: g for g, k in enumerate(keys)}
    old = previous if previous is not None and previous.params == params else None
    if old is None:
        query = np.arange(n)
        kept = np.zeros((0, 3))
    else:
        here = {k for k in old.plans if k in index}
        pos = {(keys[g], pid): start[g] + i for g, (_, pv) in enumerate(plans) if keys[g] in here
               for i, pid in enumerate(pv.ids)}
        fresh = np.ones(n, dtype=bool)
        for k in here:
            g = index[k]
            fresh[start[g]:start[g] + len(plans[g][1].ids)] = False
        rows = []
        for ka, pa, kb, pb, score in old.links:
            ia, ib = pos.get((ka, pa)), pos.get((kb, pb))
            if ia is not None and ib is not None:
                rows.append((ia, ib, score))
            elif ia is not None:
                fresh[ia] = True      # it lost a counterpart: scored again
            elif ib is not None:
                fresh[ib] = True
        query = np.flatnonzero(fresh)
        kept = np.asarray(rows, dtype=np.float64).reshape(-1, 3)
    c_own = np.concatenate([pv.clause_owner.astype(np.int64) + start[g] for g, (_, pv) in enumerate(plans)])
    # Few policies to score (an incremental build that adds or changes a few plans): each is scored
    # against every policy (the pairs a stored policy could now prefer are among those), and the
    # matrices need only the tokens of those policies; otherwise the pruned search over every token.
    scan = exhaustive or (old is not None and len(query) * SCAN_SHARE <= n)
    # one matrix of whole texts, one of clauses, columns = token keys in ascending order, built plan by
    # plan (the entries of all plans at once, in int64 with their sort and inverse, were the peak of a
    # large build): the same matrices, as each row's entries come from its own plan alone
    if scan:
        mine = np.zeros(n, dtype=bool)
        mine[query] = True
        parts = []
        for g, (_, pv) in enumerate(plans):
            m = mine[start[g]:start[g] + len(pv.ids)]
            if m.any():
                parts += [pv.doc_term[m[pv.doc_row]], pv.clause_term[m[pv.clause_owner[pv.clause_row]]]]
        terms = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
    else:
        terms = np.unique(np.concatenate([np.unique(np.concatenate([pv.doc_term, pv.clause_term]))
                                          for _, pv in plans]))
    nt = len(terms)

    def block(rows, keys, w, n_rows):
        if scan:
            hit, col = _columns(terms, keys)
            rows, w = rows[hit], w[hit]
        else:
            col = np.searchsorted(terms, keys)
        m = sparse.csr_matrix((w, (rows, col)), shape=(n_rows, nt), dtype=np.float32)
        m.sum_duplicates()
        m.sort_indices()
        return m

    D = sparse.vstack([block(pv.doc_row, pv.doc_term, pv.doc_w, len(pv.ids)) for _, pv in plans],
                      format="csr", dtype=np.float32)
    C = sparse.vstack([block(pv.clause_row, pv.clause_term, pv.clause_w, len(pv.clause_owner)) for _, pv in plans],
                      format="csr", dtype=np.float32)
    for mat in (D, C):
        mat.sum_duplicates()
        mat.sort_indices()
    if release and isinstance(plans, list):
        plans.clear()
        release_heap()     # the vectors' arrays are many small heap blocks glibc keeps otherwise (~250 MiB)
    c_start = np.searchsorted(c_own, np.arange(n + 1))   # clauses come policy by policy
    sc = _Scorer(D, C, c_own, c_start, gp, n, threshold)
    sc.rank = id_rank      # (ties among a policy's best: the lower id first, as in the selection below)
    if scan:
        qa, qb, qs = sc.all_pairs(query)
    else:
        qa, qb, qs = sc.pruned(query, kept, top_k)
    a = np.concatenate(qa + [kept[:, 0].astype(np.int64)]) if qa else kept[:, 0].astype(np.int64)
    b = np.concatenate(qb + [kept[:, 1].astype(np.int64)]) if qb else kept[:, 1].astype(np.int64)
    s = np.concatenate(qs + [kept[:, 2]]) if qs else kept[:, 2]
    # every candidate in both directions, once; each policy keeps its top_k (ties: lower id first)
    a, b = np.concatenate([a, b]), np.concatenate([b, a])
    s = np.concatenate([s, s])
    key, first = np.unique(a * n + b, return_index=True)
    a, b, s = key // n, key % n, s[first]
    o = np.lexsort((id_rank[b], -s, a))
    a, b, s = a[o], b[o], s[o]
    idx = np.arange(len(a))
    head = np.r_[True, a[1:] != a[:-1]] if len(a) else np.zeros(0, bool)
    rank = idx - np.maximum.accumulate(np.where(head, idx, 0)) if len(a) else idx
    sel = rank < top_k
    a, b, s = a[sel], b[sel], s[sel]
    swap = id_rank[a] > id_rank[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    key, first = np.unique(a * n + b, return_index=True)
    a, b, s = key // n, key % n, s[first]
    o = np.lexsort((id_rank[b], id_rank[a]))
    links = list(zip(a[o].tolist(), b[o].tolist(), s[o].tolist()))
    owner_key = [keys[g] for g in plan_of]
    state.links = [(owner_key[x], ids[x], owner_key[y], ids[y], v) for x, y, v in links]
    return links, ids, state



def _columns(terms, keys):
    """(whether each token key is one of the sorted ``terms``, its column there). The keys are looked
    up in a bit table of their low bits first: most are not among a few plans' terms."""
    import numpy as np

    if not len(terms):
        return np.zeros(len(keys), dtype=bool), np.zeros(0, dtype=np.int64)
    bits = max(16, min(24, int(len(terms)).bit_length() + 6))
    table = np.zeros(1 << bits, dtype=bool)
    mask = (1 << bits) - 1
    table[terms & mask] = True
    maybe = np.flatnonzero(table[keys & mask])
    col = np.minimum(np.searchsorted(terms, keys[maybe]), len(terms) - 1)
    ok = terms[col] == keys[maybe]
    hit = np.zeros(len(keys), dtype=bool)
    hit[maybe[ok]] = True
    return hit, col[ok]


# Pruned scoring: the thresholds (descending) at which a policy first looks for its counterparts,
# before the link threshold itself. A policy whose ``top_k``-th best score found so far reaches the
# level it looked at has all its counterparts: any better pair would have been found at that level.
PRUNE_LEVELS = (0.8, 0.5)
_PROBE_EPS = 1e-4          # probes look a little below their threshold (float32 sums round)
_PROBE_CHUNK = 64          # policies per probe (candidates then scored in groups; 256: +55 MiB at 1,000 plans)
_PROBE_POSTINGS = 2_000_000  # postings per slice of a probe product (its size bound; see _Scorer._probe)
_TRIM_EVERY = 8            # probe chunks between heap trims (the search's heap grew by ~500 MiB untrimmed)
_DENSE_ROWS = 8            # policies with many candidates per product against every policy (its clause
                           # products were the search's peak at 1,000 plans with 32: +~200 MiB)
_SCORE_ROWS = 32           # policies per scoring product (the union of their candidates is scored)
_COMPACT_MIN = 500_000     # candidates held before those kept are filtered again (pruned search)


def _product(A, B, mark):
    """A @ B.T for CSR matrices with sorted indices, over the tokens of A only: the same sums in the
    same order as the full product (each sum runs over A's row in its stored order, whatever the
    columns are renumbered to), at a cost that does not grow with the whole vocabulary.
    ``mark``: an int64 array of -1 per token (left as it was found)."""
    import numpy as np
    from scipy import sparse

    k = len(A.indices)
    if not k:
        return sparse.csr_matrix((A.shape[0], B.shape[0]), dtype=A.dtype)
    mark[A.indices] = np.arange(k)       # a token's number: where it last occurs in A
    try:
        a = sparse.csr_matrix((A.data, mark[A.indices], A.indptr), shape=(A.shape[0], k))
        pos = mark[B.indices]
    finally:
        mark[A.indices] = -1
    hit = pos >= 0
    ptr = np.r_[0, np.cumsum(hit)][B.indptr]     # hits before each row's start
    b = sparse.csr_matrix((B.data[hit], pos[hit], ptr), shape=(B.shape[0], k))
    return a @ b.T


class _Scorer:
    """The exact scores of pairs of policies (whole-text cosine and best clause-to-clause cosine,
    by the same sparse products whichever pairs are asked), and the search for the pairs to score."""

    def __init__(self, D, C, c_own, c_start, gp, n: int, threshold: float):
        import numpy as np

        self.D, self.C, self.c_own, self.c_start, self.gp, self.n = D, C, c_own, c_start, gp, n
        self.threshold = threshold
        nt = D.shape[1]
        # postings per token: the most frequent tokens are the ones a probe can leave out
        self.freq = np.bincount(D.indices, minlength=nt) + np.bincount(C.indices, minlength=nt)
        self.mark = np.full(nt, -1, dtype=np.int64)
        self.rank: Any = np.arange(n)   # each policy's rank by id (set by lexical_links)

    def transposes(self):
        """D.T and C.T as CSR (made once, shared by the searches over all policies)."""
        if getattr(self, "DT", None) is None:
            self.DT, self.CT = self.D.T.tocsr(), self.C.T.tocsr()
        return self.DT, self.CT

    def clauses(self, q):
        import numpy as np

        cs = self.c_start
        cnt = cs[q + 1] - cs[q]
        return np.repeat(cs[q] - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum())), cnt

    def score(self, q, cols=None):
        """(a, b, score) of every pair (policy of ``q``, policy of ``cols`` or of all) sharing a token,
        at or above the threshold and across plans."""
        import numpy as np
        from scipy import sparse

        D, C, n = self.D, self.C, self.n
        m = len(q)
        crows, cnt = self.clauses(q)
        qrow = np.repeat(np.arange(m), cnt)
        if cols is None:
            self.transposes()
            sd = D[q] @ self.DT                       # whole-text cosines (chunk × policies)
            sc = (C[crows] @ self.CT).tocoo()
            owner = self.c_own[sc.col]
            # the best clause pair per (query policy, other policy)
            ks = qrow[sc.row].astype(np.int64) * n + owner
            vs = sc.data
            o = np.argsort(ks, kind="stable")
            ks, vs = ks[o], vs[o]
            if len(ks):
                bnd = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
                vs = np.maximum.reduceat(vs, bnd)
                ks = ks[bnd]
            best = sparse.csr_matrix((vs.astype(np.float64), (ks // n, ks % n)), shape=(m, n))
            tot = (DOC_WEIGHT * sd.astype(np.float64) + (1 - DOC_WEIGHT) * best).tocoo()
            ra, rb = q[tot.row].astype(np.int64), tot.col.astype(np.int64)
            good = (tot.data >= self.threshold) & (self.gp[ra] != self.gp[rb])
            return ra[good], rb[good], tot.data[good]
        # over the chosen columns: the same sums, laid out densely (chunk × columns)
        sd = _product(D[q], D[cols], self.mark).toarray()
        ccl, ccnt = self.clauses(cols)
        sc = _product(C[crows], C[ccl], self.mark)
        best = np.zeros((m, len(cols)), dtype=np.float32)
        rows = np.repeat(qrow, np.diff(sc.indptr))
        np.maximum.at(best, (rows, np.repeat(np.arange(len(cols)), ccnt)[sc.indices]), sc.data)
        tot = DOC_WEIGHT * sd.astype(np.float64) + (1 - DOC_WEIGHT) * best.astype(np.float64)
        i, j = np.nonzero(tot >= self.threshold)
        ra, rb = q[i].astype(np.int64), cols[j].astype(np.int64)
        good = self.gp[ra] != self.gp[rb]
        return ra[good], rb[good], tot[i[good], j[good]]

    def all_pairs(self, query):
        qa, qb, qs = [], [], []
        for c0 in range(0, len(query), _QUERY_CHUNK):
            a, b, s = self.score(query[c0:c0 + _QUERY_CHUNK])
            qa.append(a)
            qb.append(b)
            qs.append(s)
        return qa, qb, qs

    def _probe(self, X, XT, col_of, rows, t, owner, open_):
        """The keys (policy × n + policy, unique, across plans) of every pair (``open_[owner[i]]``, the
        policy ``col_of[j]`` of the vector j of ``XT``) where that vector shares with the vector
        ``rows[i]`` of ``X`` a token of its prefix for threshold ``t[i]``: its tokens but the most
        frequent ones whose squared weights add up to less than t² (a vector sharing none of the
        prefix has a cosine below t with it). The product is taken a slice of rows at a time (at most
        _PROBE_POSTINGS postings of prefix tokens each) and each slice reduced to its policy pairs,
        so that the clause-by-clause product of a chunk is never held whole."""
        import numpy as np
        from scipy import sparse

        n = self.n
        sub = X[rows]
        r = np.repeat(np.arange(len(rows)), np.diff(sub.indptr))
        col = sub.indices.astype(np.int64)
        v = sub.data.astype(np.float64)
        o = np.lexsort((col, -self.freq[col], r))
        r, col, v = r[o], col[o], v[o]
        cs = np.cumsum(v * v)
        before = np.r_[0.0, cs][sub.indptr[:-1]]
        lim = np.maximum(t - _PROBE_EPS, 0.0) ** 2
        pre = (cs - before[r]) >= lim[r]
        r, col = r[pre], col[pre]
        del v, cs, o, pre, sub
        P = sparse.csr_matrix((np.ones(len(r), np.float32), (r, col)), shape=(len(rows), X.shape[1]))
        # postings reached by each row's prefix: an upper bound on its row of the product
        reach = np.bincount(r, weights=self.freq[col].astype(np.float64), minlength=len(rows))
        bounds = np.cumsum(reach)
        keys = []
        r0 = 0
        while r0 < len(rows):
            r1 = max(r0 + 1, int(np.searchsorted(bounds, bounds[r0] - reach[r0] + _PROBE_POSTINGS, "right")))
            prod = (P[r0:r1] @ XT).tocoo()
            a = open_[owner[prod.row.astype(np.int64) + r0]]
            b = col_of[prod.col]
            del prod
            keep = self.gp[a] != self.gp[b]
            keys.append(np.unique(a[keep] * n + b[keep]))
            r0 = r1
        return np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)

    def pruned(self, query, kept, top_k: int):
        """The scores of every pair that can be among a policy's ``top_k`` best (with the kept links,
        a superset of what the exhaustive scoring gives to the selection): each policy of ``query``
        looks among all policies, each other policy among those of ``query``."""
        import numpy as np

        n = self.n
        fresh = np.zeros(n, dtype=bool)
        fresh[query] = True
        self.top_v = np.full((n, top_k), -np.inf)
        self.top_o = np.full((n, top_k), -1, dtype=np.int64)
        self._held, self._compact_at = 0, _COMPACT_MIN
        if len(kept):
            self._push(kept[:, 0].astype(np.int64), kept[:, 1].astype(np.int64), kept[:, 2])
        out: tuple[list, list, list] = ([], [], [])
        everyone = np.arange(n)
        groups = [(query, everyone)]
        if not fresh.all() and len(query):
            groups.append((np.flatnonzero(~fresh), query))
        # near-duplicates probed together score against nearly the same candidates: rows are taken in
        # the order of their smallest token key (a min-hash: equal for most pairs of near-duplicates)
        D = self.D
        nnz = np.diff(D.indptr)
        minhash = np.where(nnz > 0, D.indices[np.minimum(D.indptr[:-1], max(len(D.indices) - 1, 0))], -1)
        # first, each policy against its neighbours in that order: exact scores that give most
        # policies a high lower bound before they look for counterparts
        seq = query[np.lexsort((query, minhash[query]))]
        for k in range(0, len(seq), _SCORE_ROWS):
            cols = np.unique(seq[max(0, k - _SCORE_ROWS // 2):k + _SCORE_ROWS + _SCORE_ROWS // 2])
            self._score_batch(seq[k:k + _SCORE_ROWS], cols, out)
        for rows, among in groups:
            rows = rows[np.lexsort((rows, minhash[rows]))]
            if len(among) == n:     # (all policies: their clauses are all clauses, in order)
                D_T, C_T = self.transposes()
                c_of = self.c_own
            else:
                D_T = self.D[among].T.tocsr()
                ccl, _ = self.clauses(among)
                C_T = self.C[ccl].T.tocsr()
                c_of = self.c_own[ccl]
            chunk = _PROBE_CHUNK if len(among) == n else max(_PROBE_CHUNK, 4096)
            for i, c0 in enumerate(range(0, len(rows), chunk)):
                self._probe_rows(rows[c0:c0 + chunk], D_T, among, C_T, c_of, out)
                if i % _TRIM_EVERY == _TRIM_EVERY - 1:
                    release_heap(collect=False)   # the products' freed blocks, else kept by glibc
        if out[0]:
            self._compact(out)
        return out

    def _probe_rows(self, rows, D_T, d_of, C_T, c_of, out) -> None:
        import numpy as np

        n = self.n
        open_ = rows
        scored = np.zeros(0, dtype=np.int64)
        for level in (*PRUNE_LEVELS, self.threshold):
            t = np.maximum(max(level, self.threshold), self.top_v[open_, -1])
            dk = self._probe(self.D, D_T, d_of, open_, t, np.arange(len(open_)), open_)
            crows, cnt = self.clauses(open_)
            ck = self._probe(self.C, C_T, c_of, crows, np.repeat(t, cnt), np.repeat(np.arange(len(open_)), cnt), open_)
            key = np.unique(np.concatenate([dk, ck]))
            del dk, ck
            key = key[~np.isin(key, scored, assume_unique=True)]    # scored at a level above
            scored = np.union1d(scored, key)
            self._score_pairs(key // n, key % n, out)
            done = self.top_v[open_, -1] >= t
            open_ = open_[~done]
            if not len(open_):
                break

    def _score_pairs(self, r, c, out) -> None:
        """Score the pairs (r[i], c[i]) (policy indices, grouped by r): a policy with many candidates
        against every policy, the others in small groups against the union of their candidates (those
        with the same first candidate, likely counterparts of one another, together)."""
        import numpy as np

        if not len(r):
            return
        n = self.n
        rows, start, cnt = np.unique(r, return_index=True, return_counts=True)
        dense = cnt * 8 > n
        batches: list[tuple[Any, Any]] = [(rows[dense][k:k + _DENSE_ROWS], None)
                                          for k in range(0, int(dense.sum()), _DENSE_ROWS)]
        sparse_rows = np.flatnonzero(~dense)
        if len(sparse_rows):
            first = c[start[sparse_rows]]     # (c ascends within each row)
            order = sparse_rows[np.lexsort((rows[sparse_rows], first))]
            for k in range(0, len(order), _SCORE_ROWS):
                g = order[k:k + _SCORE_ROWS]
                cols = np.unique(np.concatenate([c[start[i]:start[i] + cnt[i]] for i in g]))
                batches.append((rows[g], cols if len(cols) * 4 < n else None))
        for q, cols in batches:
            self._score_batch(q, cols, out)

    def _score_batch(self, q, cols, out) -> None:
        a, b, s = self.score(q, cols)
        self._push(a, b, s)
        # Only a pair that can still be among the top_k of one of its policies is kept: a pair below
        # the top_k-th best score both policies have so far ranks behind top_k others for each of them
        # (those only get better), so dropping it changes no selection, and the candidates kept stay
        # a few per policy instead of every pair above the threshold (most of a large build's peak).
        keep = self._may_win(a, b, s)
        out[0].append(a[keep])
        out[1].append(b[keep])
        out[2].append(s[keep])
        self._held += int(keep.sum())
        if self._held > self._compact_at:
            self._compact(out)

    def _may_win(self, a, b, s):
        """Whether each pair is at least as good as the top_k-th best so far of a or of b, in the order
        of the selection (score down, then the other policy's id up); -inf while fewer are known."""
        rank = self.rank
        va, oa = self.top_v[a, -1], self.top_o[a, -1]
        vb, ob = self.top_v[b, -1], self.top_o[b, -1]
        return ((s > va) | ((s == va) & (rank[b] <= rank[oa]))
                | (s > vb) | ((s == vb) & (rank[a] <= rank[ob])))

    def _compact(self, out) -> None:
        """The candidates kept so far, filtered again against the policies' better top_k scores."""
        import numpy as np

        a, b, s = (np.concatenate(x) for x in out)
        keep = self._may_win(a, b, s)
        for x, v in zip(out, (a[keep], b[keep], s[keep])):
            x[:] = [v]
        self._held = int(keep.sum())
        self._compact_at = max(_COMPACT_MIN, 2 * self._held)

    def _push(self, a, b, s) -> None:
        """Each policy's ``top_k`` best scores so far (a pair counted once, whichever side scored it)."""
        import numpy as np

        if not len(a):
            return
        n, k = self.n, self.top_v.shape[1]
        p = np.concatenate([a, b])
        o_ = np.concatenate([b, a])
        v = np.concatenate([s, s])
        u = np.unique(p)
        cur_o = self.top_o[u]
        have = cur_o.ravel() >= 0
        p = np.concatenate([np.repeat(u, k)[have], p])
        o_ = np.concatenate([cur_o.ravel()[have], o_])
        v = np.concatenate([self.top_v[u].ravel()[have], v])
        _, first = np.unique(p * n + o_, return_index=True)
        p, o_, v = p[first], o_[first], v[first]
        o = np.lexsort((self.rank[o_], -v, p))
        p, o_, v = p[o], o_[o], v[o]
        start = np.searchsorted(p, u)
        rank = np.arange(len(p)) - np.repeat(start, np.diff(np.r_[start, len(p)]))
        sel = rank < k
        pi = np.searchsorted(u, p[sel])
        self.top_v[u] = -np.inf
        self.top_o[u] = -1
        self.top_v[u[pi], rank[sel]] = v[sel]
        self.top_o[u[pi], rank[sel]] = o_[sel]

# --- embeddings (the loading code lives in ontology.embeddings, shared with the instrument cue signal) ---

_offline = embeddings._offline
_download_allowed = embeddings.download_allowed
_check_model_available = embeddings.check_model_available


def _embed(texts: list[str], model_name: str, cache_dir: Path | None) -> list[list[float]]:
    return embeddings.embed(texts, model_name, cache_dir)
