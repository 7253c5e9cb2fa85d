"""parse_plan: file -> ParsedDocument. The order of the passes matters:

 1. decode (encoding, binary/empty checks);             decode.py / formats.py
 2. markup: HTML tables read first (cell spans kept), then
    HTML tags dropped, entities repaired;               htmltables.py / formats.py / junk.py
 3. pinyin annotations removed (they would hide the line features junk needs);  pinyin.py
 4. junk lines found; metadata facts read from the text without the junk but
    with the site metadata block, which is dropped after;  junk.py / metadata.py
 6. mojibake runs repaired or reported;                 mojibake.py
 7. pinyin again (a repaired run may expose one);       pinyin.py
 8. width/punctuation normalised;                       normalize.py
 9. page numbers inside sentences removed;              pagebreaks.py
10. whitespace: one paragraph per line; hard wraps of PDF text joined;  normalize.py / linewrap.py
11. original = cleaned text; text = its simplified form (same length);  ontology/script.py
12. real (HTML/Word) tables mapped onto the cleaned text;  htmltables.py
13. structure: sections, measures, responsibilities, plain-text tables.
"""
from __future__ import annotations

import re
from pathlib import Path

from model.document import LoaderError, ParsedDocument
from ontology import script, vocab

from . import (
    flattables,
    formats,
    htmltables,
    junk,
    linewrap,
    metadata,
    mojibake,
    normalize,
    pagebreaks,
    pinyin,
    responsibility,
    structure,
)
from .decode import decode_bytes
from .edits import Edit, TextState
from .metafile import lookup

MAX_BYTES = 512 * 1024 * 1024


def _read(path: Path) -> tuple[str, list, bool]:
    """(decoded text, decoding repairs, is HTML) of a plan file."""
    return _read_full(path)[:3]


def _read_full(path: Path) -> tuple[str, list, bool, list]:
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LoaderError(f"{name}: file not found") from exc
    except IsADirectoryError as exc:
        raise LoaderError(f"{name}: is a directory, not a plan file") from exc
    except OSError as exc:
        raise LoaderError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise LoaderError(f"{name}: too large ({len(data)} bytes)")
    ext = path.suffix.lower()
    if ext in formats.DOCX_EXT or data[:4] == b"PK\x03\x04":
        if ext not in formats.DOCX_EXT and b"word/" not in data[:4096]:
            raise LoaderError(f"{name}: binary content (a zip archive, not a plan text)")
        text, tables = formats.docx_read(data, name)
        return text, [], False, tables
    dec = decode_bytes(data, name)
    is_html = ext in formats.HTML_EXT or formats.looks_like_html(dec.text)
    return dec.text, dec.repairs, is_html, []


def parse_plan(path: Path, meta: dict | None = None) -> ParsedDocument:
    """Parse one plan file. ``meta`` is its plans.toml entry; None looks it up beside the file."""
    path = Path(path)
    if meta is None:
        meta = lookup(path)
    decoded, dec_repairs, is_html, raw_tables = _read_full(path)
    return parse_text(decoded, meta, source_file=path.name, is_html=is_html, extra_repairs=dec_repairs,
                      raw_tables=raw_tables)


def parse_text(decoded: str, meta: dict | None, source_file: str = "<text>", is_html: bool = False,
               extra_repairs: list | None = None, raw_tables: list | None = None) -> ParsedDocument:
    """The pipeline on an already decoded string (used by parse_plan and the tests).
    ``raw_tables``: tables already read from the file (a .docx), offsets in ``decoded``."""
    st = TextState(decoded)
    st.repairs.extend(extra_repairs or [])
    # line ends
    st.apply([Edit(i, i + 1, "" if decoded[i + 1:i + 2] == "\n" else "\n", "whitespace")
              for i in _find_all(decoded, "\r")])
    raw_tables = list(raw_tables or [])
    if is_html:
        raw_tables = htmltables.scan(st.text)
        _to_source(raw_tables, st)
        st.apply(formats.html_edits(st.text))
    st.apply(junk.markup_edits(st.text))
    st.apply(pinyin.find(st.text))
    line_drops = junk.line_edits(st.text, _table_spans(raw_tables, st)
                                 + [(t.start, t.end) for t in flattables.find_all(st.text)])
    facts = metadata.extract(_without(st.text, [e for e in line_drops if e.kind != "site_metadata"]))
    st.apply(line_drops)
    st.apply(mojibake.find(st.text))
    st.apply(pinyin.find(st.text))
    st.apply(normalize.width_edits(st.text))
    st.apply(normalize.punctuation_edits(st.text))
    st.apply(pagebreaks.find(st.text))
    st.apply(normalize.whitespace_edits(st.text))
    st.apply(linewrap.find(st.text))
    st.apply(normalize.trailing_newline_edits(st.text))
    st.apply(normalize.missing_bracket_edits(st.text))
    original = st.text
    text = script.to_simplified(original)
    n_cjk = _CJK_RE.subn("", original)[1]  # a count, not a list of one-character strings (84 bytes each)
    n_trad = script.count_traditional(original)
    facts.script = "traditional" if n_cjk and n_trad / n_cjk > 0.03 else "simplified"
    stem = Path(source_file).stem
    pmeta = metadata.merge(meta, facts, source_file, stem)
    doc = ParsedDocument(meta=pmeta, text=text, original=original, dropped=st.dropped, repairs=st.repairs)
    if raw_tables:
        to_clean = htmltables.cleaned_offset_map(st)
        doc.tables = [t for t in (htmltables.build(r, text, to_clean) for r in raw_tables) if t is not None]
    structure.build(doc)
    responsibility.settle(doc)
    return doc


def _table_spans(raw_tables: list, st: TextState) -> list[tuple[int, int]]:
    """Current-text spans of the raw tables that look like plan tables (their header or
    cells carry the words of indicator / task tables), for the junk pass."""
    if not raw_tables:
        return []
    to_cur = htmltables.cleaned_offset_map(st)
    out = []
    for r in raw_tables:
        a, b = to_cur(r.start), to_cur(r.end)
        if len(r.rows) >= 2 and _PLAN_TABLE_WORDS.search(st.text[a:b]):
            out.append((a, b))
    return out


_PLAN_TABLE_WORDS = re.compile(vocab.lexicon_regex("plan_table_words"))


def _to_source(raw_tables: list, st: TextState) -> None:
    """Scanned-text offsets of HTML tables -> decoded-input offsets (edits follow)."""
    sp = st.source_pos
    for r in raw_tables:
        r.start, r.end = sp(r.start), sp(r.end)
        if r.caption:
            r.caption = (sp(r.caption[0]), sp(r.caption[1]))
        for row in r.rows:
            for c in row:
                c.start, c.end = sp(c.start), sp(c.end)


def _without(text: str, edits: list[Edit]) -> str:
    """``text`` with the spans of ``edits`` cut out (a view; nothing is recorded)."""
    parts, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start >= pos:
            parts.append(text[pos:e.start])
            pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def _find_all(s: str, ch: str):
    i = s.find(ch)
    while i != -1:
        yield i
        i = s.find(ch, i + 1)


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
