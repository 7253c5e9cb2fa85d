"""Cypher generated from the ontology's graph schema.

Only labels, types and property names from the schema's closed set are put into
statement text; every value travels as a parameter. Both stores run these same
write statements; only the DDL differs (constraints vs typed tables).
"""
from __future__ import annotations

from ontology.schema import KEY, GraphSchema


def neo4j_ddl(schema: GraphSchema) -> list[str]:
    """Uniqueness constraints on every node key (MERGE is duplicate-safe and fast only with
    them), and range indexes on the properties the ontology marks pg:graphIndexed."""
    out = [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.{KEY} IS UNIQUE"
        for label in schema.nodes
    ]
    for nt in schema.nodes.values():
        out += [f"CREATE INDEX {nt.label.lower()}_{p} IF NOT EXISTS FOR (n:{nt.label}) ON (n.{p})" for p in nt.indexed]
    return out


def ladybug_ddl(schema: GraphSchema) -> list[str]:
    """Typed node tables keyed on id, and one relationship table per type joining all its pairs."""
    out = []
    for nt in schema.nodes.values():
        cols = [f"{KEY} STRING PRIMARY KEY"] + [f"{p} {t}" for p, t in nt.properties.items()]
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {nt.label}({', '.join(cols)})")
    for rt in schema.relationships.values():
        parts = [f"FROM {a} TO {b}" for a, b in rt.pairs] + [f"{p} {t}" for p, t in rt.properties.items()]
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rt.type}({', '.join(parts)})")
    return out


def _set_clause(var: str, props: list[str]) -> str:
    # coalesce keeps a value already stored when this row has none, so a later,
    # sparser record of the same node never erases what an earlier one said.
    return ", ".join(f"{var}.{p} = coalesce(row.{p}, {var}.{p})" for p in props)


def merge_nodes(schema: GraphSchema, label: str, props: list[str]) -> str:
    nt = schema.node(label)
    unknown = [p for p in props if p not in nt.properties]
    if unknown:
        raise ValueError(f"{label} has no properties {unknown} in the ontology")
    stmt = f"UNWIND $rows AS row MERGE (n:{label} {{{KEY}: row.{KEY}}})"
    return stmt + (f" SET {_set_clause('n', props)}" if props else "")


def merge_relationships(schema: GraphSchema, rel_type: str, start_label: str, end_label: str, props: list[str]) -> str:
    schema.check_pair(rel_type, start_label, end_label)
    rt = schema.rel(rel_type)
    unknown = [p for p in props if p not in rt.properties]
    if unknown:
        raise ValueError(f"{rel_type} has no properties {unknown} in the ontology")
    stmt = (
        f"UNWIND $rows AS row MATCH (a:{start_label} {{{KEY}: row.src}}) MATCH (b:{end_label} {{{KEY}: row.dst}}) "
        f"MERGE (a)-[r:{rel_type}]->(b)"
    )
    return stmt + (f" SET {_set_clause('r', props)}" if props else "")


def dump_nodes(schema: GraphSchema, label: str) -> str:
    nt = schema.node(label)
    cols = ", ".join([f"n.{KEY} AS {KEY}"] + [f"n.{p} AS {p}" for p in nt.properties])
    return f"MATCH (n:{label}) RETURN {cols} ORDER BY n.{KEY}"


def dump_relationships(schema: GraphSchema, rel_type: str, start_label: str, end_label: str) -> str:
    rt = schema.rel(rel_type)
    cols = ", ".join(["a.id AS src", "b.id AS dst"] + [f"r.{p} AS {p}" for p in rt.properties])
    return f"MATCH (a:{start_label})-[r:{rel_type}]->(b:{end_label}) RETURN {cols} ORDER BY src, dst"


def delete_relationships(schema: GraphSchema, rel_type: str, start_label: str, end_label: str) -> str:
    """Delete the relationships named by rows {src, dst} (a derived link that a later stage replaces)."""
    schema.check_pair(rel_type, start_label, end_label)
    return (f"UNWIND $rows AS row MATCH (a:{start_label} {{{KEY}: row.src}})-[r:{rel_type}]->"
            f"(b:{end_label} {{{KEY}: row.dst}}) DELETE r")


def delete_nodes(schema: GraphSchema, label: str) -> str:
    """Delete the nodes named by rows {id} with their relationships."""
    schema.node(label)
    return f"UNWIND $rows AS row MATCH (n:{label} {{{KEY}: row.{KEY}}}) DETACH DELETE n"
