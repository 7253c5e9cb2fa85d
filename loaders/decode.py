"""Bytes -> str. Decide the encoding, refuse what is not text.

Order of attempts and why:
  1. a BOM (UTF-8, UTF-16 LE/BE, UTF-32) is authoritative;
  2. strict UTF-8 -- by far the most common for scraped pages, and a GBK or Big5
     file practically never decodes as valid UTF-8;
  3. UTF-8 that fails *only* in its last 1-3 bytes: a download cut off mid
     character. We keep the text, drop the partial sequence and report it as a
     repair (kind ``truncated_utf8``) rather than refusing a whole plan;
  4. BOM-less UTF-16 (many NULs at alternate positions);
  5. GB18030 (superset of GBK/GB2312) and Big5: both decode almost any byte soup,
     so the one whose result has more common CJK characters / fewer oddities wins.
Binary content (NUL bytes, many C0 control bytes) and empty files raise
``LoaderError`` naming the file.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from model.document import LoaderError, Repair


@dataclass
class Decoded:
    text: str
    encoding: str
    repairs: list[Repair] = field(default_factory=list)


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# The 500 most frequent simplified+traditional characters are overkill; a small set
# of very common function characters is enough to score a decoding.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
    "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
    "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做"
    "必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信"
    "马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连"
    "断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存"
    "候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龍們"
    "這個國來時說對會發過學們為與"
)


def _score(text: str) -> float:
    sample = text[:20000]
    common = sum(1 for ch in sample if ch in _COMMON)
    odd = sum(1 for ch in sample if ("\ue000" <= ch <= "\uf8ff") or ch == "\ufffd")
    return common - 5 * odd


def _is_binary(data: bytes) -> str | None:
    sample = data[:65536]
    if b"\x00" in sample:
        return "binary content (NUL bytes)"
    ctrl = len(_CONTROL.findall(sample))
    if ctrl > max(8, len(sample) // 200):
        return f"binary content ({ctrl} control bytes in the first {len(sample)} bytes)"
    return None


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode ``data`` (the content of file ``name``) or raise LoaderError."""
    if not data or not data.strip(b" \t\r\n\x0b\x0c"):
        raise LoaderError(f"{name}: empty file")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(enc)
            except UnicodeDecodeError as exc:
                raise LoaderError(f"{name}: has a {enc} byte-order mark but is not valid {enc} "
                                  f"({exc.reason} at byte {exc.start + len(bom)})") from exc
            if not text.strip():
                raise LoaderError(f"{name}: empty file")
            return Decoded(text, enc)
    # BOM-less UTF-16: its NUL bytes (the high bytes of ASCII characters) all sit at
    # odd (LE) or even (BE) offsets; checked before the binary test, which NULs trip.
    sample = data[:65536]
    if b"\x00" in sample and len(data) % 2 == 0:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        for enc, right, wrong in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if right and wrong <= right * 0.25:
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _score(text) > 0 and not _CONTROL.search(text[:65536].encode("utf-8", "ignore")):
                    return Decoded(text, enc)
    why = _is_binary(data)
    if why:
        raise LoaderError(f"{name}: {why}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        truncated = exc.reason in ("unexpected end of data", "invalid continuation byte")
        if exc.start >= len(data) - 3 and truncated and exc.start > 0:
            tail = data[exc.start:]
            head: str | None
            try:
                head = data[:exc.start].decode("utf-8")
            except UnicodeDecodeError:
                head = None
            if head is not None and _looks_like_utf8_lead(tail):
                rep = Repair(kind="truncated_utf8", before=tail.hex(" "), after="", position=len(head), source_len=0)
                return Decoded(head, "utf-8", [rep])
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    best: tuple[float, str, str] | None = None
    encs = ["gb18030", "big5hkscs"] + (["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else [])
    for enc in encs:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        s = _score(text)
        if best is None or s > best[0]:
            best = (s, enc, text)
    if best is None:
        raise LoaderError(f"{name}: cannot be decoded as UTF-8, UTF-16, GB18030 or Big5")
    score, enc, text = best
    if score <= 0 and len(text) > 50:
        raise LoaderError(f"{name}: undecodable: no encoding gives readable Chinese text")
    return Decoded(text, enc)


def _looks_like_utf8_lead(tail: bytes) -> bool:
    """True if ``tail`` is the start of a multi-byte UTF-8 sequence cut short."""
    b0 = tail[0]
    need = 2 if 0xC2 <= b0 <= 0xDF else 3 if 0xE0 <= b0 <= 0xEF else 4 if 0xF0 <= b0 <= 0xF4 else 0
    return need > len(tail) and all(0x80 <= b <= 0xBF for b in tail[1:])


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few corrupt bytes (a damaged download): keep it as UTF-8, turn
    each bad sequence into U+FFFD (later reported as a lost character) and record a
    repair, instead of re-reading the whole file as GB18030 mojibake. Taken only when
    the file is overwhelmingly valid UTF-8 with real multi-byte text."""
    bad: list[tuple[int, bytes]] = []
    pos = 0
    parts: list[str] = []
    while pos < len(data):
        try:
            parts.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(data[pos:pos + exc.start].decode("utf-8"))
            bad.append((sum(len(p) for p in parts), data[pos + exc.start:pos + exc.end]))
            parts.append("\ufffd")
            pos += exc.end
            if len(bad) > 1000:
                return None
    text = "".join(parts)
    multibyte = sum(1 for ch in text[:200000] if ord(ch) > 0x7F)
    if not bad or multibyte < 20 or len(bad) * 200 > multibyte:
        return None
    reps = [Repair(kind="invalid_utf8", before=b.hex(" "), after="\ufffd", position=p, source_len=1) for p, b in bad]
    return Decoded(text, "utf-8", reps)
