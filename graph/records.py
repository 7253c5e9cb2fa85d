"""Typed graph records: what the mapping produces and the stores write.

Labels and relationship types are validated against the ontology's closed set
(ontology.schema) when a batch is written, never trusted from input.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass
class Node:
    id: str
    label: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class Relationship:
    type: str
    start: str
    end: str
    start_label: str
    end_label: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class GraphRecords:
    """A batch of nodes and relationships; duplicates (same id / same start-type-end) merge."""

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

    def add_node(self, node_id: str, label: str, **properties: Any) -> str:
        self.nodes.append(Node(node_id, label, properties))
        return node_id

    def add_rel(self, rel_type: str, start: Node | tuple[str, str], end: Node | tuple[str, str], **properties: Any) -> None:
        s_id, s_label = (start.id, start.label) if isinstance(start, Node) else start
        e_id, e_label = (end.id, end.label) if isinstance(end, Node) else end
        self.relationships.append(Relationship(rel_type, s_id, e_id, s_label, e_label, properties))

    def extend(self, other: "GraphRecords") -> None:
        self.nodes.extend(other.nodes)
        self.relationships.extend(other.relationships)

    def deduplicated(self) -> "GraphRecords":
        """Merge repeated nodes and relationships; later non-null properties win."""
        nodes: dict[str, Node] = {}
        for n in self.nodes:
            if n.id in nodes:
                if nodes[n.id].label != n.label:
                    raise ValueError(f"node id {n.id!r} used with labels {nodes[n.id].label} and {n.label}")
                nodes[n.id].properties.update({k: v for k, v in n.properties.items() if v is not None})
            else:
                nodes[n.id] = Node(n.id, n.label, dict(n.properties))
        rels: dict[tuple[str, str, str], Relationship] = {}
        for r in self.relationships:
            key = (r.start, r.type, r.end)
            if key in rels:
                rels[key].properties.update({k: v for k, v in r.properties.items() if v is not None})
            else:
                rels[key] = Relationship(r.type, r.start, r.end, r.start_label, r.end_label, dict(r.properties))
        return GraphRecords(list(nodes.values()), list(rels.values()))


def merge_all(parts: Iterable[GraphRecords]) -> GraphRecords:
    out = GraphRecords()
    for p in parts:
        out.extend(p)
    return out.deduplicated()
