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


# --- replacing and removing a plan ---------------------------------------------------
# What a plan owns: its Plan node, its Policy nodes (HAS_POLICY) and the Target nodes
# its plan or its policies set (SETS_TARGET); deleting those with DETACH removes every
# relationship that touches them (evidence links, SIMILAR_TO). Shared nodes (Region,
# Agency, Indicator) are only removed once nothing links to them any more.
# (labels, relationship types) each shared label must be linked by, from any node.
SHARED_INCOMING: dict[str, tuple[str, ...]] = {
    "Agency": ("LED_BY", "INVOLVES"),
    "Indicator": ("MEASURES",),
    "Region": ("FOR_REGION", "OF_REGION", "PART_OF"),
}


def _check_types(schema: GraphSchema, *names: str) -> None:
    for n in names:
        if n in schema.nodes:
            continue
        schema.rel(n)  # raises for anything outside the closed set


def delete_plan(schema: GraphSchema) -> list[str]:
    """Statements (one row: {plan}) deleting everything a plan owns, targets first."""
    _check_types(schema, "Plan", "Policy", "Target", "HAS_POLICY", "SETS_TARGET")
    anchor = f"UNWIND $rows AS row MATCH (pl:Plan {{{KEY}: row.plan}})"
    return [
        f"{anchor}-[:HAS_POLICY]->(:Policy)-[:SETS_TARGET]->(t:Target) DETACH DELETE t",
        f"{anchor}-[:SETS_TARGET]->(t:Target) DETACH DELETE t",
        f"{anchor}-[:HAS_POLICY]->(p:Policy) DETACH DELETE p",
        f"{anchor} DETACH DELETE pl",
    ]


def plan_shared_neighbours(schema: GraphSchema) -> dict[str, str]:
    """Read queries (parameter $plan) returning the ids of the shared nodes a plan links to,
    by label: the candidates for removal once the plan is replaced or gone."""
    _check_types(schema, "Plan", "Policy", "Target", "Agency", "Indicator", "Region", "HAS_POLICY",
                 "SETS_TARGET", "MEASURES", "LED_BY", "INVOLVES", "FOR_REGION", "OF_REGION", "PART_OF")
    pl = f"MATCH (pl:Plan {{{KEY}: $plan}})"
    return {
        "Agency": f"{pl}-[:HAS_POLICY]->(:Policy)-[:LED_BY|INVOLVES]->(a:Agency) RETURN DISTINCT a.{KEY} AS id",
        "Indicator": (f"{pl}-[:HAS_POLICY]->(:Policy)-[:SETS_TARGET]->(:Target)-[:MEASURES]->(i:Indicator) "
                      f"RETURN DISTINCT i.{KEY} AS id UNION "
                      f"{pl}-[:SETS_TARGET]->(:Target)-[:MEASURES]->(i:Indicator) RETURN DISTINCT i.{KEY} AS id"),
        "Region": (f"{pl}-[:FOR_REGION]->(r:Region) RETURN r.{KEY} AS id UNION "
                   f"{pl}-[:FOR_REGION]->(:Region)-[:PART_OF*1..3]->(r:Region) RETURN DISTINCT r.{KEY} AS id UNION "
                   f"{pl}-[:HAS_POLICY]->(:Policy)-[:LED_BY|INVOLVES]->(:Agency)-[:OF_REGION]->(r:Region) "
                   f"RETURN DISTINCT r.{KEY} AS id"),
    }


def delete_orphans(schema: GraphSchema, label: str) -> str:
    """Delete the nodes of a shared label among row.ids that nothing links to any more."""
    incoming = SHARED_INCOMING[label]
    _check_types(schema, label, *incoming)
    cond = " AND ".join(f"NOT EXISTS {{ MATCH (n)<-[:{t}]-() }}" for t in incoming)
    return f"UNWIND $rows AS row MATCH (n:{label} {{{KEY}: row.id}}) WHERE {cond} DETACH DELETE n"


def set_exactly(schema: GraphSchema, label: str, props: list[str], null_props: list[str]) -> str:
    """Give existing nodes exactly these property values (nulls included): what a fresh
    build would have stored, whatever earlier builds left behind."""
    nt = schema.node(label)
    unknown = [p for p in props + null_props if p not in nt.properties]
    if unknown:
        raise ValueError(f"{label} has no properties {unknown} in the ontology")
    sets = [f"n.{p} = row.{p}" for p in props] + [f"n.{p} = NULL" for p in null_props]
    stmt = f"UNWIND $rows AS row MATCH (n:{label} {{{KEY}: row.{KEY}}})"
    return stmt + (f" SET {', '.join(sets)}" if sets else " RETURN count(n)")


def prune_part_of(schema: GraphSchema) -> str:
    """Remove PART_OF links of row.child to any parent not in row.parents."""
    schema.check_pair("PART_OF", "Region", "Region")
    return (f"UNWIND $rows AS row MATCH (c:Region {{{KEY}: row.child}})-[r:PART_OF]->(p:Region) "
            f"WHERE NOT p.{KEY} IN row.parents DELETE r")


def stored_plans(schema: GraphSchema) -> str:
    schema.node("Plan")
    return f"MATCH (p:Plan) RETURN p.{KEY} AS id, p.source_file AS source_file ORDER BY id"
