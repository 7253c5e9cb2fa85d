"""Mojibake runs anchored on ``?``: a GBK byte stream that lost a byte.

How such runs arise: a GBK-encoded page was cut or re-encoded so that one byte
went missing (the lead byte of a character, shown as ``?``). Every following byte
pair is then read one byte out of phase -- ``住（小）區`` (d7a1 a3a8 d0a1 a3a9 855e)
minus d7 becomes ``?。ㄐ。﹨^`` -- until an ASCII byte (``^`` here) puts the
decoder back in phase. When the phase is restored only at the next character
boundary, the last character of the run has lost its trail byte and shows as a
second ``?``.

Repair: for a run of k characters after the ``?``, re-encode them as GBK, drop the
first byte (the orphaned trail byte of the lost character) and decode the rest.
The first character (lost lead byte + known trail byte) and, when the run ends in
``?``, the last one (known lead byte + lost trail byte) are inferred: every GBK
byte completing the pair gives a candidate, and the candidate that forms the most
probable words with its neighbours wins (jieba's dictionary frequencies, on the
simplified form; balanced brackets count too). The run length is the one that
makes the context most probable; a candidate is only accepted when it is clearly
better than the garbled text. What cannot be inferred stays as ``?`` and is reported; nothing is silently guessed.
When the byte-level reading cannot decide a lost lead byte (its left neighbour is itself lost, or
two candidates score alike), word evidence decides among the candidates its trail byte leaves:
which candidate forms, with its neighbours, a character pair that occurs inside words of the
jieba dictionary (ontology.vocab.tokenizer(), frequency-weighted). The choice is accepted only
when it is clearly the most probable of the candidates and also among the best by the text
score; the repair is then kind ``mojibake_inferred`` with its ``confidence`` (the candidate's
share of the evidence, 0..1).
Repair kinds: ``mojibake`` (run fully re-read), ``mojibake_inferred`` (re-read, a lost character
chosen by word evidence, with a confidence), ``mojibake_partial`` (re-read, with
``?`` left where a character could not be inferred), ``mojibake_unrepaired`` (a
garbled run left in place), ``lost_char`` (a lone ``?`` left in place).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ontology.script import char_t2s

from .edits import Edit

MAX_RUN = 10
_ANCHORS = "?\ufffd"
_PUNCT_OK = set("，。、；：！？（）“”‘’《》〔〕【】—…·%-.")
_OPEN, _CLOSE = "（〔【《“", "）〕】》”"
_BAD_PENALTY = -25.0
# characters that do not belong in Chinese running text right after a lost byte:
# Latin letters (with or without tone marks), bopomofo, small forms, box drawing
_GARBAGE = re.compile(r"[A-Za-z\u00c0-\u024f\u3105-\u312f\ufe50-\ufe6b\u2500-\u257f\ue000-\uf8ff\ufffd^()|]")
_GARBAGE_STRONG = re.compile(r"[\u00c0-\u024f\u3105-\u312f\ufe50-\ufe6b\u2500-\u257f\ue000-\uf8ff]")
_BRACKETS_RE = re.compile("[（）〔〕【】《》“”()]")


@lru_cache(maxsize=1)
def _freq():
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    freq = jieba.dt.FREQ
    total = jieba.dt.total
    return freq, math.log(total)


def _logp(w: str) -> float | None:
    freq, logtotal = _freq()
    f = freq.get(w)
    if f:
        return math.log(f) - logtotal
    return None


@lru_cache(maxsize=65536)
def score(s: str) -> float:
    """Best segmentation log-probability of ``s`` (simplified), unknown chars penalised.

    Brackets are scored apart (balance only), so that ``居住（小）区`` is read as the
    word sequence 居住 小区."""
    bal = 0
    for ch in s:
        if ch in _OPEN:
            bal += 1
        elif ch in _CLOSE:
            bal -= 1
    stripped = _BRACKETS_RE.sub("", char_t2s(s))
    n_brackets = len(s) - len(stripped)
    s = stripped
    n = len(s)
    best = [0.0] + [-1e18] * n
    for i in range(1, n + 1):
        for j in range(max(0, i - 6), i):
            w = s[j:i]
            if len(w) == 1:
                lp = _logp(w)
                if lp is None:
                    if w in _PUNCT_OK or w.isdigit() or w in "\n ":
                        lp = -12.0
                    else:
                        lp = _BAD_PENALTY
                else:
                    lp = max(lp, -18.0)
            else:
                lp = _logp(w)
                if lp is None:
                    continue
            v = best[j] + lp
            if v > best[i]:
                best[i] = v
    return best[n] - 6.0 * abs(bal) - 4.0 * n_brackets


_TO_FULL = str.maketrans({"!": "！", ",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})


def _gbk(s: str) -> bytes | None:
    try:
        return s.encode("gbk")
    except UnicodeEncodeError:
        return None


def _encodings(run: str) -> list[bytes]:
    """GBK bytes of ``run``; also with ASCII punctuation widened, because a later
    width normalisation by the source site may have turned ``！`` (a3a1) into ``!``."""
    out = []
    for variant in (run, run.translate(_TO_FULL)):
        b = _gbk(variant)
        if b is not None and b not in out:
            out.append(b)
    return out


def _dec(b: bytes) -> str | None:
    try:
        s = b.decode("gbk")
    except UnicodeDecodeError:
        return None
    return s


def _is_text_char(c: str) -> bool:
    return ("\u4e00" <= c <= "\u9fff") or c in _PUNCT_OK


@lru_cache(maxsize=256)
def _leads_for(trail: int) -> tuple[str, ...]:
    out = []
    for lead in range(0x81, 0xFF):
        c = _dec(bytes([lead, trail]))
        if c and len(c) == 1 and _is_text_char(c):
            out.append(c)
    return tuple(out)


@lru_cache(maxsize=256)
def _trails_for(lead: int) -> tuple[str, ...]:
    out = []
    for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFF)):
        c = _dec(bytes([lead, trail]))
        if c and len(c) == 1 and _is_text_char(c):
            out.append(c)
    return tuple(out)


_BIGRAMS: dict = {}
_DOC_WEIGHT = 4.0
_DOC_SAMPLE = 2_000_000


def _doc_bigrams(text: str) -> dict:
    """Character-pair counts of the document itself (simplified): the best evidence
    for how *this* text writes, e.g. ``。〔`` before every 〔责任单位〕 clause."""
    from collections import Counter
    s = char_t2s(text[:_DOC_SAMPLE])
    return Counter(a + b for a, b in zip(s, s[1:]) if a not in _ANCHORS and b not in _ANCHORS)


def _best_char(cands: tuple[str, ...], left: str, right: str) -> tuple[str | None, float, float]:
    """Pick the candidate making ``left + c + right`` most probable; returns (char, best, margin).

    Dictionary word probabilities plus how often this document itself has the
    candidate next to the same neighbours."""
    bg = _BIGRAMS
    lc = char_t2s(left[-1:]) if left else ""
    rc = char_t2s(right[:1]) if right else ""

    def doc(c: str) -> float:
        c = char_t2s(c)
        return _DOC_WEIGHT * (math.log1p(bg.get(lc + c, 0)) + math.log1p(bg.get(c + rc, 0)))

    scored = sorted(((score(left + c + right) + doc(c), c) for c in cands), reverse=True)
    if not scored:
        return None, -1e18, 0.0
    best = scored[0]
    margin = best[0] - scored[1][0] if len(scored) > 1 else 99.0
    return best[1], best[0], margin


class _Run:
    def __init__(self, start: int, end: int, replacement: str, unresolved: int, gain: float,
                 confidence: float | None = None):
        self.start, self.end, self.replacement, self.unresolved, self.gain = start, end, replacement, unresolved, gain
        self.confidence = confidence


@lru_cache(maxsize=1)
def _word_pairs() -> dict[str, int]:
    """Character pairs inside the words of the jieba dictionary (simplified), weighted by the
    words' frequencies: 科类 occurs in 文科类, 理科类 … though it is no word itself. Built
    once, only when a lost character has to be inferred."""
    from ontology import vocab

    pairs: dict[str, int] = {}
    get = pairs.get
    for w, f in vocab.tokenizer().FREQ.items():
        if f and 1 < len(w) < 6:
            for i in range(len(w) - 1):
                p = w[i:i + 2]
                pairs[p] = get(p, 0) + f
    return pairs


_MIN_CONFIDENCE = 0.85
_MIN_EVIDENCE = 3.0


def _by_word_evidence(cands: tuple[str, ...], left: str, right: str) -> tuple[str, float] | None:
    """The candidate that makes a known word piece with its neighbours (``left`` may be empty
    when the left neighbour is itself lost), with its confidence; None when none is clear."""
    pairs = _word_pairs()
    lc = char_t2s(left[-1:]) if left and left[-1] not in _ANCHORS else ""
    r = _BRACKETS_RE.sub("", right)
    rc = char_t2s(r[:1]) if r and r[0] not in _ANCHORS else ""
    ev = []
    for c in cands:
        s = char_t2s(c)
        e = (math.log1p(pairs.get(lc + s, 0)) if lc else 0.0) + (math.log1p(pairs.get(s + rc, 0)) if rc else 0.0)
        ev.append((e, c))
    ev.sort(reverse=True)
    if not ev or ev[0][0] < _MIN_EVIDENCE:
        return None
    # the candidate's share of the evidence of the candidates that have any
    total = sum(math.exp(e) for e, _ in ev if e > 0)
    conf = math.exp(ev[0][0]) / total
    if conf < _MIN_CONFIDENCE:
        return None
    return ev[0][1], round(conf, 3)


def _try_runs(text: str, q: int, line_end: int) -> _Run | None:
    """Best repair of the run whose lost lead byte is the anchor at ``q``."""
    left = text[max(0, q - 3):q].split("\n")[-1]
    after_lost = q > 0 and text[q - 1] in _ANCHORS   # the left neighbour is itself lost
    best: _Run | None = None
    for k in range(1, MAX_RUN + 1):
        end = q + 1 + k
        if end > line_end:
            break
        run = text[q + 1:end]
        if any(c in _ANCHORS for c in run):
            break
        if run.isascii() and not (end < len(text) and text[end] in _ANCHORS):
            continue
        for b in _encodings(run):
            if len(b) < 2:
                continue
            cand = _candidate(text, q, end, b, left, after_lost)
            if cand is None or re.search(r"[A-Za-z]", cand.replacement):
                continue
            # a longer run must be clearly better: past the point where the decoder
            # got back in phase, characters only decode to themselves
            if best is None or cand.gain > best.gain + 2.0:
                best = cand
            break
    if best is None or best.gain < 15.0 or not _plausible(best.replacement):
        return None
    if any(not (_is_text_char(c) or c.isascii()) for c in best.replacement if c != "?"):
        return None
    return best


_MIN_CHAR_FREQ = 100


def _plausible(rep: str) -> bool:
    """Every character of a re-read run must be an ordinary one (a frequent
    character in jieba's dictionary, or punctuation): random garbage re-read one byte
    out of phase gives rare characters (坸, 莹) and is then not a repair."""
    freq, _ = _freq()
    for c in char_t2s(rep):
        if c == "?" or c in _PUNCT_OK or c.isascii():
            continue
        if freq.get(c, 0) < _MIN_CHAR_FREQ:
            return False
    return True


def _candidate(text: str, q: int, end: int, b: bytes, left: str, after_lost: bool) -> _Run | None:
    """Repair of the run text[q:end] (+ a trailing lost byte) re-read from bytes ``b``."""
    trail0, rest = b[0], b[1:]
    dangling = None
    tail_q = end < len(text) and text[end] in _ANCHORS
    middle = _dec(rest)
    if middle is None:
        if not tail_q:
            return None
        middle = _dec(rest[:-1])
        if middle is None:
            return None
        dangling = rest[-1]
    if not 0x40 <= trail0 <= 0xFE or trail0 == 0x7F:
        return None
    right_ctx_end = end + (1 if dangling is not None else 0)
    right = text[right_ctx_end:right_ctx_end + 3].split("\n")[0]
    last = ""
    unresolved = 0
    if dangling is not None:
        lc, _, lmargin = _best_char(_trails_for(dangling), left + "?" + middle, right)
        if lc is None or lmargin < 2.0:
            last, unresolved = "?", unresolved + 1
        else:
            last = lc
    if not any(not c.isascii() for c in middle + last):
        return None   # nothing but ASCII decoded: no evidence of a garbled run
    cands = _leads_for(trail0)
    fc, _, fmargin = _best_char(cands, left, middle + last + right)
    confidence = None
    if fc is None or fmargin < 2.0 or after_lost:
        ctx_left = "" if after_lost else left
        inferred = _by_word_evidence(cands, ctx_left, middle + last + right)
        if inferred is None:
            first, unresolved = "?", unresolved + 1
        else:
            first, confidence = inferred
    else:
        first = fc
    replacement = first + middle + last
    span_end = right_ctx_end
    before = text[q:span_end]
    gain = score(left + replacement + right) - score(left + before + right)
    return _Run(q, span_end, replacement, unresolved, gain, confidence)


def find(text: str) -> list[Edit]:
    """Edits repairing (or reporting) every ``?``-anchored mojibake run and lost character."""
    edits: list[Edit] = []
    if not any(a in text for a in _ANCHORS):
        return edits
    anchors = [m.start() for m in re.finditer("[?\ufffd]", text)]
    global _BIGRAMS
    _BIGRAMS = _doc_bigrams(text)
    consumed = -1
    for q in anchors:
        if q < consumed:
            continue
        line_end = text.find("\n", q)
        if line_end == -1:
            line_end = len(text)
        prev = text[q - 1] if q else ""
        nxt = text[q + 1] if q + 1 < len(text) else ""
        # an ASCII question mark in ASCII context (a URL, "what?") is not a lost character
        if text[q] == "?" and (prev.isascii() and prev.strip() and not prev.isdigit()) and (not nxt or nxt.isascii()):
            continue
        run = _try_runs(text, q, line_end)
        if run is None:
            g = q + 1
            while g < line_end and g - q <= 8 and _GARBAGE.match(text[g]):
                g += 1
            if g > q + 1 and any(_GARBAGE_STRONG.match(c) for c in text[q + 1:g]):
                # a garbled run we cannot re-read: left in place, reported
                edits.append(Edit(q, g, text[q:g], "mojibake_unrepaired", drop=False))
                consumed = g
                continue
            edits.append(Edit(q, q + 1, text[q], "lost_char", drop=False))
            consumed = q + 1
            continue
        kind = "mojibake" if run.unresolved == 0 else "mojibake_partial"
        if kind == "mojibake" and run.confidence is not None:
            kind = "mojibake_inferred"
        edits.append(Edit(run.start, run.end, run.replacement, kind, confidence=run.confidence))
        consumed = run.end
    return edits
