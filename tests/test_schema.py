"""The store schema comes from the ontology, and only its closed set reaches Cypher text."""
import pytest

from graph.cypher_gen import ladybug_ddl, merge_nodes, merge_relationships, neo4j_ddl
from model.records import GraphRecords
from ontology.schema import SchemaError, load_schema


def test_schema_derived_from_ontology_has_the_issue_labels_and_types():
    s = load_schema()
    assert set(s.nodes) >= {"Plan", "Policy", "Domain", "PolicyInstrument", "Indicator", "Target", "Agency", "Region"}
    assert set(s.relationships) >= {"FOR_REGION", "HAS_POLICY", "IN_DOMAIN", "USES_INSTRUMENT", "LED_BY",
                                    "INVOLVES", "SETS_TARGET", "MEASURES", "OF_REGION", "SIMILAR_TO"}
    assert ("Indicator", "Domain") in s.rel("IN_DOMAIN").pairs and ("Policy", "Domain") in s.rel("IN_DOMAIN").pairs
    assert s.nodes["Target"].properties["value"] == "DOUBLE"


def test_ddl_for_both_stores_is_generated_from_the_same_schema():
    s = load_schema()
    neo = neo4j_ddl(s)
    lb = ladybug_ddl(s)
    constraints = [d for d in neo if "CONSTRAINT" in d]
    assert len(constraints) == len(s.nodes)
    assert all("REQUIRE n.id IS UNIQUE" in d for d in constraints)
    assert "CREATE INDEX target_plan_id IF NOT EXISTS FOR (n:Target) ON (n.plan_id)" in neo
    assert "CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name)" in neo
    assert sum(d.startswith("CREATE NODE TABLE") for d in lb) == len(s.nodes)
    assert sum(d.startswith("CREATE REL TABLE") for d in lb) == len(s.relationships)
    assert any("FROM Policy TO Domain" in d and "FROM Indicator TO Domain" in d for d in lb)


def test_labels_outside_the_closed_set_are_refused():
    s = load_schema()
    with pytest.raises(SchemaError):
        merge_nodes(s, "Plan) DETACH DELETE (x", [])
    with pytest.raises(SchemaError):
        merge_relationships(s, "FOR_REGION", "Region", "Plan", [])
    with pytest.raises(ValueError):
        merge_nodes(s, "Plan", ["title = 1, n.x"])


def test_write_statements_carry_values_only_as_parameters(embedded_store):
    r = GraphRecords()
    evil = "x'}) DETACH DELETE n //"
    r.add_node("region:evil", "Region", name=evil)
    stmts = embedded_store.write_statements(r)
    assert all(evil not in s.text for s in stmts)
    assert stmts[0].rows[0]["name"] == evil
