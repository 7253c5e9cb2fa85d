"""Evidence highlighting: a measure's original text with the spans that support each
extracted fact marked.

Every piece of document text is passed through html.escape before it is joined with
markup — the output is rendered as HTML in the app, so escaping first is what keeps a
document from injecting script.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Relation -> (CSS background, English name shown in the legend).
RELATION_STYLE = {
    "USES_INSTRUMENT": ("#ffe08a", "instrument"),
    "LED_BY": ("#a8e6a1", "lead agency"),
    "INVOLVES": ("#c9e7ff", "involved agency"),
    "SETS_TARGET": ("#ffb3b3", "target"),
    "IN_DOMAIN": ("#e0c8ff", "domain"),
}
DEFAULT_COLOUR = "#dddddd"


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the measure's text
    end: int
    relation: str
    name: str
    quote: str


def locate_spans(text: str, measure_start: Any, evidence: Iterable[dict[str, Any]]) -> tuple[list[Span], list[dict]]:
    """Evidence rows (policy_evidence: relation, name, quote, span_start, span_end, document offsets)
    -> spans relative to the measure text, and the rows whose quote could not be found.

    A span is trusted when the text at (span_start - measure_start) reads the quote; otherwise
    the quote occurrence nearest to that offset is used (extractors' offsets can drift by a
    character or two); a quote that is not in the text at all is returned as unlocated.
    """
    text = text or ""
    base = measure_start if isinstance(measure_start, int) else 0
    spans, missing = [], []
    for ev in evidence:
        quote = ev.get("quote") or ""
        if not quote:
            continue
        rel = ev.get("span_start")
        rel = rel - base if isinstance(rel, int) else None
        if rel is not None and 0 <= rel and text[rel:rel + len(quote)] == quote:
            start = rel
        else:
            hits, k = [], text.find(quote)
            while k >= 0:
                hits.append(k)
                k = text.find(quote, k + 1)
            if not hits:
                missing.append(ev)
                continue
            start = min(hits, key=lambda h: abs(h - rel)) if rel is not None else hits[0]
        spans.append(Span(start, start + len(quote), str(ev.get("relation") or ""), str(ev.get("name") or ""), quote))
    return _non_overlapping(spans), missing


def _non_overlapping(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and s.start < out[-1].end:
            continue  # overlapping evidence: keep the earlier (longer) span
        out.append(s)
    return out


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """The text as escaped HTML with <mark> around each span (title: relation and concept)."""
    text = text or ""
    parts, pos = [], 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < pos or s.end > len(text):
            continue
        colour, what = RELATION_STYLE.get(s.relation, (DEFAULT_COLOUR, s.relation.lower()))
        parts.append(html.escape(text[pos:s.start]))
        tip = html.escape(f"{what}: {s.name}", quote=True)
        parts.append(f'<mark style="background:{colour};padding:0 2px;border-radius:3px" title="{tip}">'
                     f"{html.escape(text[s.start:s.end])}</mark>")
        pos = s.end
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


def measure_card_html(title: str, region: str, text: str, spans: Iterable[Span]) -> str:
    """A measure's title, region and highlighted text as one escaped HTML block."""
    return (f'<div style="border:1px solid #ddd;border-radius:6px;padding:10px;line-height:1.8">'
            f"<div><b>{html.escape(title or '')}</b> "
            f"<span style=\"color:#666\">{html.escape(region or '')}</span></div>"
            f"<div>{highlight_html(text, spans)}</div></div>")


def legend_html() -> str:
    items = "".join(f'<mark style="background:{c};padding:0 4px;margin-right:6px">{html.escape(name)}</mark>'
                    for c, name in RELATION_STYLE.values())
    return f"<div style=\"font-size:0.85em\">Evidence: {items}</div>"
