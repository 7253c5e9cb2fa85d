"""Derive the property-graph schema from the OWL ontology.

The stores' DDL (Neo4j constraints, LadybugDB tables) and every generated write
statement come from this one definition, so a label, type or property exists in
the stores only if the ontology declares it. That closed set is also what makes
it safe to put labels into Cypher text: nothing from a document ever becomes one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace

from ontology import ONTOLOGY_DIR

PG = Namespace("https://w3id.org/plangraph/ontology#")
ONTOLOGY_FILE = ONTOLOGY_DIR / "plangraph.ttl"
DATATYPES = ("STRING", "INT64", "DOUBLE", "BOOLEAN")
KEY = "id"


@dataclass(frozen=True)
class NodeType:
    label: str
    iri: str
    properties: dict[str, str]  # name -> datatype, excluding the key
    indexed: tuple[str, ...] = ()  # properties worth a secondary index (where the store has them)


@dataclass(frozen=True)
class RelType:
    type: str
    iri: str
    pairs: tuple[tuple[str, str], ...]  # (from label, to label)
    properties: dict[str, str]


@dataclass(frozen=True)
class GraphSchema:
    nodes: dict[str, NodeType] = field(default_factory=dict)
    relationships: dict[str, RelType] = field(default_factory=dict)

    def node(self, label: str) -> NodeType:
        try:
            return self.nodes[label]
        except KeyError:
            raise SchemaError(f"label {label!r} is not in the ontology's closed set {sorted(self.nodes)}") from None

    def rel(self, rel_type: str) -> RelType:
        try:
            return self.relationships[rel_type]
        except KeyError:
            raise SchemaError(
                f"relationship type {rel_type!r} is not in the ontology's closed set {sorted(self.relationships)}"
            ) from None

    def check_pair(self, rel_type: str, start_label: str, end_label: str) -> None:
        if (start_label, end_label) not in self.rel(rel_type).pairs:
            raise SchemaError(f"{rel_type} does not join {start_label} to {end_label}")


class SchemaError(ValueError):
    """A record names a label, type, pair or property the ontology does not declare."""


@lru_cache(maxsize=4)
def load_schema(path: Path = ONTOLOGY_FILE) -> GraphSchema:
    g = Graph()
    g.parse(path, format="turtle")
    labels: dict = {}
    for cls, label in g.subject_objects(PG.graphLabel):
        labels[cls] = str(label)
    node_props: dict[str, dict[str, str]] = {lab: {} for lab in labels.values()}
    node_indexed: dict[str, set[str]] = {lab: set() for lab in labels.values()}
    rel_iris: dict = {}
    for prop, rtype in g.subject_objects(PG.graphType):
        rel_iris[prop] = str(rtype)
    rel_props: dict[str, dict[str, str]] = {t: {} for t in rel_iris.values()}
    for prop, pname in g.subject_objects(PG.graphProperty):
        dtype = str(g.value(prop, PG.graphDatatype) or "STRING")
        if dtype not in DATATYPES:
            raise SchemaError(f"{prop}: graphDatatype {dtype} not in {DATATYPES}")
        indexed = str(g.value(prop, PG.graphIndexed) or "").lower() == "true"
        for cls in g.objects(prop, PG.onLabel):
            node_props[labels[cls]][str(pname)] = dtype
            if indexed:
                node_indexed[labels[cls]].add(str(pname))
        for rel in g.objects(prop, PG.onRelationship):
            rel_props[rel_iris[rel]][str(pname)] = dtype
    nodes = {lab: NodeType(lab, str(cls), dict(sorted(node_props[lab].items())), tuple(sorted(node_indexed[lab])))
             for cls, lab in labels.items()}
    rels = {}
    for prop, rtype in rel_iris.items():
        pairs = []
        for conn in g.objects(prop, PG.connects):
            pairs.append((labels[g.value(conn, PG["from"])], labels[g.value(conn, PG.to)]))
        rels[rtype] = RelType(rtype, str(prop), tuple(sorted(pairs)), dict(sorted(rel_props[rtype].items())))
    return GraphSchema(dict(sorted(nodes.items())), dict(sorted(rels.items())))
