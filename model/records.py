"""Typed graph records: what the mapping produces and the stores write.

Labels and relationship types are validated against the ontology's closed set
(ontology.schema) when a batch is written, never trusted from input.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)  # a very large plan has millions of records: no __dict__ each
class Node:
    id: str
    label: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
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

    def add_rel(self, rel_type: str, start: Node | tuple[str, str], end: Node | tuple[str, str],
                **properties: Any) -> None:
        s_id, s_label = (start.id, start.label) if isinstance(start, Node) else start
        e_id, e_label = (end.id, end.label) if isinstance(end, Node) else end
        self.relationships.append(Relationship(rel_type, s_id, e_id, s_label, e_label, properties))

    def extend(self, other: GraphRecords) -> None:
        self.nodes.extend(other.nodes)
        self.relationships.extend(other.relationships)

    def deduplicated(self) -> GraphRecords:
        """Merge repeated nodes and relationships; later non-null properties win.

        Records without a repeat are passed through as they are (copied only when
        merged), since a bulk load spends real time here.
        """
        nodes: dict[str, Node] = {}
        copied: set[str] = set()
        for n in self.nodes:
            prev = nodes.get(n.id)
            if prev is None:
                nodes[n.id] = n
                continue
            if prev.label != n.label:
                raise ValueError(f"node id {n.id!r} used with labels {prev.label} and {n.label}")
            if n.id not in copied:
                prev = nodes[n.id] = Node(prev.id, prev.label, dict(prev.properties))
                copied.add(n.id)
            prev.properties.update({k: v for k, v in n.properties.items() if v is not None})
        rels: dict[tuple[str, str, str], Relationship] = {}
        copied_r: set[tuple[str, str, str]] = set()
        for r in self.relationships:
            key = (r.start, r.type, r.end)
            prev_r = rels.get(key)
            if prev_r is None:
                rels[key] = r
                continue
            if key not in copied_r:
                prev_r = rels[key] = Relationship(r.type, r.start, r.end, prev_r.start_label, prev_r.end_label,
                                                  dict(prev_r.properties))
                copied_r.add(key)
            prev_r.properties.update({k: v for k, v in r.properties.items() if v is not None})
        return GraphRecords(list(nodes.values()), list(rels.values()))


def merge_all(parts: Iterable[GraphRecords]) -> GraphRecords:
    out = GraphRecords()
    for p in parts:
        out.extend(p)
    return out.deduplicated()
