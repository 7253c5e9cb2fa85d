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

import logging
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from model.records import Relationship
from model.texts import PolicyText
from ontology import embeddings, responsibility, vocab

log = logging.getLogger(__name__)

DEFAULT_MODEL = "BAAI/bge-small-zh-v1.5"
# Counterparts per measure. 4 rather than 3: on the hand-picked seed counterparts
# (tests/gold/similarity_pairs.json) recall rises from 25 to 27 of 31, for 13% more links.
TOP_K = 4
LEXICAL_THRESHOLD = 0.2
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

    ``token_cache`` (text -> token counts, read and filled) is the persisted part of the lexical
    index: the segmentation of texts seen before is not done again, and the scores are the
    same as without it (an incremental build links new measures against stored ones with it)."""
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
        return _links_from_scores(pols, lexical_scores(texts, [p.plan_id or p.id for p in pols], token_cache),
                                  top_k, thr, used), used
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

def tokens(text: str) -> list[str]:
    """jieba words (domain dictionary loaded, stop words out) + character 2- and 3-grams."""
    from ontology import vocab

    tk = vocab.tokenizer()
    out = []
    for w in tk.lcut(text):
        w = w.strip()
        if len(w) >= 2 and w not in _STOP and not _PUNCT.fullmatch(w):
            out.append("w:" + w)
    for chunk in _PUNCT.split(text):
        for n in (2, 3):
            out.extend("c:" + chunk[i:i + n] for i in range(len(chunk) - n + 1))
    return out


def lexical_vectors(texts: Sequence[str], df: Counter | None = None, n_docs: int | None = None,
                    _counts: list[Counter] | None = None) -> list[dict[str, float]]:
    """L2-normalised TF-IDF (sublinear tf, smoothed idf); document frequencies from the texts
    themselves unless given (clauses use the frequencies of whole policies)."""
    from ontology import vocab

    domain_words = {"w:" + w for w, _, _ in vocab.userdict_words()}
    docs = _counts if _counts is not None else [Counter(tokens(t)) for t in texts]
    if df is None:
        df = Counter()
        for d in docs:
            df.update(d.keys())
        n_docs = len(docs)
    n = n_docs or len(docs)
    out = []
    done: dict[int, dict[str, float]] = {}  # repeated texts share one Counter (_token_counts)
    factor: dict[str, float] = {}
    for d in docs:
        if id(d) in done:
            out.append(done[id(d)])
            continue
        v = {}
        for term, tf in d.items():
            f = factor.get(term)
            if f is None:  # idf times the word boost, once per term
                dfi = df.get(term, 1)
                if dfi >= n and n > 2:
                    f = 0.0
                else:
                    f = math.log((1 + n) / (1 + dfi)) + 1.0
                    if term in domain_words:
                        f *= DOMAIN_WORD_BOOST
                    elif term.startswith("w:"):
                        f *= 1.5
                factor[term] = f
            if f:
                v[term] = f if tf == 1 else (1.0 + math.log(tf)) * f
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        done[id(d)] = vec = {k: x / norm for k, x in v.items()}
        out.append(vec)
    return out


def _token_counts(texts: Sequence[str], seen: dict[str, Counter] | None = None) -> list[Counter]:
    """Token counts per text; a text that recurs (boilerplate shared by plans) is segmented once,
    and one in ``seen`` (a persisted cache, filled here) not at all."""
    seen = {} if seen is None else seen
    out = []
    for t in texts:
        c = seen.get(t)
        if c is None:
            c = seen[t] = Counter(tokens(t))
        out.append(c)
    return out


def lexical_scores(texts: Sequence[str], groups: Sequence[str], token_cache: dict[str, Counter] | None = None
                   ) -> dict[tuple[int, int], float]:
    """Pair scores between texts of different groups (plans), for candidate pairs only.

    Measures are long and cover several topics, so whole-text cosine buries the one shared
    concept (助餐, 康复辅具社区租赁) that makes two measures counterparts.  The score mixes
    the whole-text cosine with the best clause-to-clause cosine.

    Scoring is near-linear in the corpus: sparse products run over capped postings (each
    term pairs a text only with the ``POSTINGS_CAP`` texts that weigh it most) in numpy
    chunks, and each text keeps only its ``CANDIDATES_KEPT`` best partners per pass.
    Every pair whose shared terms are each in at most POSTINGS_CAP texts scores exactly.
    """
    from ontology.mapping.text import sentences

    doc_counts = _token_counts(texts, token_cache)
    df: Counter = Counter()
    for c in doc_counts:
        df.update(c.keys())
    doc_vecs = lexical_vectors(texts, df, len(texts), _counts=doc_counts)
    sent_texts: list[str] = []
    owner: list[int] = []
    for i, t in enumerate(texts):
        for sp in sentences(t):
            for cl in _CLAUSE.split(sp.text):
                if len(cl) >= MIN_CLAUSE:
                    sent_texts.append(cl)
                    owner.append(i)
    sent_vecs = lexical_vectors(sent_texts, df, len(texts), _counts=_token_counts(sent_texts, token_cache))
    gid: dict[str, int] = {}
    group_ids = [gid.setdefault(g, len(gid)) for g in groups]
    doc_s = _pairwise(doc_vecs, list(range(len(texts))), group_ids, len(texts))
    sent_s = _pairwise(sent_vecs, owner, group_ids, len(texts))
    out: dict[tuple[int, int], float] = {}
    for key in sorted(set(doc_s) | set(sent_s)):
        d = doc_s.get(key)
        if d is None:
            d = _dot(doc_vecs[key[0]], doc_vecs[key[1]])
        out[key] = DOC_WEIGHT * d + (1 - DOC_WEIGHT) * sent_s.get(key, 0.0)
    return out


DOC_WEIGHT = 0.4
MIN_CLAUSE = 4
_CLAUSE = re.compile(r"[，,；;：:]")
DOMAIN_WORD_BOOST = 3.5
# Terms in a large share of all texts carry little weight (low idf) but make pair counts
# quadratic: left out above max(MIN_POSTINGS_CAP, POSTINGS_SHARE * texts).
POSTINGS_SHARE = 0.05
MIN_POSTINGS_CAP = 200
POSTINGS_CAP = 64         # a text meets, through one term, the POSTINGS_CAP texts weighing it most
CANDIDATES_KEPT = 24      # best partners kept per text (owner) and pass, before the top_k cut
_CHUNK = 1 << 21          # generated (text, partner) products per numpy chunk


def _pairwise(vecs: list[dict[str, float]], owner: Sequence[int], group: Sequence[int], n_owners: int
              ) -> dict[tuple[int, int], float]:
    """Owner-pair scores (max over the owners' vectors) between owners of different groups.

    S(i→j) sums w_i·w_j over the terms of i for which j is among the term's POSTINGS_CAP
    heaviest postings; a pair scores max(S(i→j), S(j→i)) — exact while no shared term is
    capped, an underestimate otherwise.  Work is bounded by (nonzeros × POSTINGS_CAP), done in
    numpy chunks; each owner keeps its CANDIDATES_KEPT best partners.  Deterministic.
    """
    import numpy as np

    n = len(vecs)
    if n < 2:
        return {}
    term_id: dict[str, int] = {}
    items: list[int] = []
    terms: list[int] = []
    weights: list[float] = []
    for k, v in enumerate(vecs):
        for term, w in v.items():
            terms.append(term_id.setdefault(term, len(term_id)))
            items.append(k)
            weights.append(w)
    if not items:
        return {}
    Ix = np.asarray(items, dtype=np.int64)
    T = np.asarray(terms, dtype=np.int64)
    W = np.asarray(weights, dtype=np.float64)
    n_terms = len(term_id)
    df = np.bincount(T, minlength=n_terms)
    skip = max(MIN_POSTINGS_CAP, int(POSTINGS_SHARE * n))
    dfe = df[T]
    keep_e = (dfe >= 2) & (dfe <= skip)
    Ix, T, W = Ix[keep_e], T[keep_e], W[keep_e]
    if not len(Ix):
        return {}
    order = np.lexsort((Ix, -W, T))          # postings: by term, heaviest first, then text
    own = np.asarray(owner, dtype=np.int64)
    grp_item = np.asarray(group, dtype=np.int64)[own]
    PI, PW, PG = Ix[order], W[order], grp_item[Ix[order]]
    start = np.zeros(n_terms + 1, dtype=np.int64)
    start[1:] = np.cumsum(np.bincount(T, minlength=n_terms))
    cnt = np.minimum(np.diff(start), POSTINGS_CAP)[T]
    pstart = start[T]
    G = grp_item[Ix]
    own_e = own[Ix]                           # nondecreasing: texts come owner by owner
    csum = np.cumsum(cnt)
    best: dict[tuple[int, int], float] = {}
    e0, n_e = 0, len(Ix)
    while e0 < n_e:
        base = int(csum[e0 - 1]) if e0 else 0
        e1 = max(int(np.searchsorted(csum, base + _CHUNK, side="right")), e0 + 1)
        e1 = int(np.searchsorted(own_e, own_e[e1 - 1], side="right"))  # whole owners per chunk
        c = cnt[e0:e1]
        m = int(c.sum())
        pos = np.repeat(pstart[e0:e1] - (np.cumsum(c) - c), c) + np.arange(m, dtype=np.int64)
        ok = np.repeat(G[e0:e1], c) != PG[pos]
        i = np.repeat(Ix[e0:e1], c)[ok]
        val = np.repeat(W[e0:e1], c)[ok]
        e0 = e1
        if not len(i):
            continue
        pos = pos[ok]
        j = PI[pos]
        val = val * PW[pos]
        i0 = int(i[0])
        key = (i - i0) * n + j              # sources of a chunk are contiguous: small keys
        if (int(i[-1]) - i0 + 1) * n < 2 ** 31:
            key = key.astype(np.int32)
        o = np.argsort(key, kind="stable")
        key, val = key[o], val[o]
        bounds = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        s = np.add.reduceat(val, bounds)     # S(i→j) per text pair
        uk = key[bounds].astype(np.int64)
        okey = own[uk // n + i0] * n_owners + own[uk % n]
        o = np.argsort(okey, kind="stable")
        okey, s = okey[o], s[o]
        bounds = np.flatnonzero(np.r_[True, okey[1:] != okey[:-1]])
        smax = np.maximum.reduceat(s, bounds)
        okey = okey[bounds]
        a, b = okey // n_owners, okey % n_owners
        o = np.lexsort((b, -smax, a))
        a, b, smax = a[o], b[o], smax[o]
        idx = np.arange(len(a))
        first = np.r_[True, a[1:] != a[:-1]]
        rank = idx - np.maximum.accumulate(np.where(first, idx, 0))
        sel = rank < CANDIDATES_KEPT
        for x, y, v in zip(a[sel].tolist(), b[sel].tolist(), smax[sel].tolist()):
            pair = (x, y) if x < y else (y, x)
            if v > best.get(pair, 0.0):
                best[pair] = v
    return best


# --- embeddings (the loading code lives in ontology.embeddings, shared with the instrument cue signal) ---

_offline = embeddings._offline
_download_allowed = embeddings.download_allowed
_check_model_available = embeddings.check_model_available


def _embed(texts: list[str], model_name: str, cache_dir: Path | None) -> list[list[float]]:
    return embeddings.embed(texts, model_name, cache_dir)
