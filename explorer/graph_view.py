"""The Graph page's model: a neighbourhood expanded level by level from query rows, turned into
pyvis nodes and edges.

Labels and titles come from documents, and the pyvis page runs inside a components.html
iframe that shares the app's origin. They are escaped exactly once, for the context they land
in: pyvis writes the node and edge data into a <script> with Jinja's `tojson`, which escapes
<, >, & and ' (so no text can close the script or open a tag), and vis-network 9 draws labels
on a canvas and sets tooltips with innerText, as text. An html.escape on top showed users
`&lt;` (issue 12). The one door to HTML: pyvis switches to a template that sets tooltips with
innerHTML when any node title contains "href"; titles never contain that word as written.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

LABEL_COLOURS = {
    "Region": "#4e79a7",
    "Plan": "#f28e2b",
    "Policy": "#59a14f",
    "Target": "#e15759",
    "Indicator": "#b07aa1",
    "Domain": "#76b7b2",
    "PolicyInstrument": "#edc948",
    "Agency": "#ff9da7",
}
OTHER_COLOUR = "#9c9c9c"
LOOKUP_LABELS = ("Policy", "Indicator", "Agency", "Region")
MAX_LABEL = 24


@dataclass
class GraphModel:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> pyvis node kwargs
    edges: list[dict[str, Any]] = field(default_factory=list)
    depth_reached: int = 0
    capped: bool = False

    @property
    def labels(self) -> list[str]:
        return sorted({n["group"] for n in self.nodes.values()})


def colour_of(label: str) -> str:
    return LABEL_COLOURS.get(label, OTHER_COLOUR)


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _text_only(text: str) -> str:
    """Keep pyvis on its text tooltips: a zero-width space inside "href" (see the module doc)."""
    return re.sub(r"(?i)h(?=ref)", "h\u200b", text)


def make_node(node_id: str, label: str, name: Any, *, start: bool = False) -> dict[str, Any]:
    name = "" if name is None else str(name)
    return {
        "n_id": str(node_id),
        "label": _short(name or str(node_id)),
        "title": _text_only(f"{label}: {name}\n{node_id}"),
        "color": colour_of(label),
        "group": label,
        "size": 28 if start else 16,
        "borderWidth": 3 if start else 1,
    }


def expand(start_id: str, start_label: str, start_name: str, depth: int, node_cap: int,
           neighbours: Callable[[list[str]], list[dict[str, Any]]]) -> GraphModel:
    """Breadth-first expansion: `neighbours(ids)` (the neighbourhood query) is called once per level
    with that level's frontier; stops at `depth` levels or when `node_cap` nodes are in the view."""
    model = GraphModel()
    model.nodes[start_id] = make_node(start_id, start_label, start_name, start=True)
    seen_edges: set[tuple[str, str, str]] = set()
    frontier = [start_id]
    for level in range(1, max(1, depth) + 1):
        if not frontier:
            break
        rows = neighbours(frontier)
        model.depth_reached = level
        next_frontier = []
        for r in rows:
            ends = ((r["source"], r.get("source_label"), r.get("source_name")),
                    (r["target"], r.get("target_label"), r.get("target_name")))
            for nid, lab, name in ends:
                if nid not in model.nodes:
                    if len(model.nodes) >= node_cap:
                        model.capped = True
                        continue
                    model.nodes[nid] = make_node(nid, lab or "", name)
                    next_frontier.append(nid)
            key = (r["source"], r["rel_type"], r["target"])
            if r["source"] in model.nodes and r["target"] in model.nodes and key not in seen_edges:
                seen_edges.add(key)
                model.edges.append({"source": r["source"], "to": r["target"],
                                    "title": _text_only(str(r["rel_type"])), "label": str(r["rel_type"])})
        frontier = next_frontier
        if model.capped:
            break
    return model


STABILIZATION_STEPS = 200


def to_pyvis_html(model: GraphModel, height: str = "620px") -> str:
    """The self-contained pyvis page (vis.js inlined: no CDN, works offline)."""
    from pyvis.network import Network

    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    ids = {}
    for nid, kw in model.nodes.items():
        kw = dict(kw)
        ids[nid] = kw.pop("n_id")
        kw.pop("group")  # a vis.js group would override the node's colour with the group palette
        net.add_node(ids[nid], **kw)
    for e in model.edges:
        net.add_edge(ids[e["source"]], ids[e["to"]], title=e["title"], label=e["label"], arrows="to",
                     font={"size": 9, "color": "#777"}, color="#bbbbbb")
    net.barnes_hut(gravity=-6000, spring_length=140)
    # drawn after this many layout steps (vis.js's default 1,000 kept a loaded browser busy for seconds before
    # showing anything); the layout goes on settling live after it is shown
    net.options.physics.stabilization.iterations = STABILIZATION_STEPS
    return strip_remote_resources(net.generate_html(notebook=False))


_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']?https?://[^>]*>", re.S | re.I)
_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[\"']?https?://[^>]*>\s*</script>", re.S | re.I)
_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.S)


def strip_remote_resources(page: str) -> str:
    """pyvis's template always links Bootstrap from a CDN (unused by the graph): drop it, and the
    commented-out node_modules tags, so the page makes no network request."""
    return _REMOTE_SCRIPT.sub("", _REMOTE_LINK.sub("", _COMMENT.sub("", page)))


def legend_html(labels: Iterable[str]) -> str:
    items = "".join(
        f'<span style="display:inline-block;margin-right:12px"><span style="display:inline-block;width:12px;'
        f'height:12px;border-radius:6px;background:{colour_of(lab)};margin-right:4px"></span>{html.escape(lab)}</span>'
        for lab in labels)
    return f'<div style="font-size:0.85em">{items}</div>'


def edges_table(model: GraphModel) -> tuple[list[str], list[list[Any]]]:
    """The view's edges as a plain table."""
    cols = ["source", "source_label", "relationship", "target", "target_label"]
    rows = []
    for e in model.edges:
        a, b = model.nodes[e["source"]], model.nodes[e["to"]]
        rows.append([e["source"], a["group"], e["label"], e["to"], b["group"]])
    return cols, rows
