"""The one place the dialects differ, each rewrite held to a real run on both engines."""
from graph.dialect import to_ladybug
from model.records import GraphRecords


def test_rewrites():
    assert to_ladybug("MATCH (n) RETURN labels(n)[0] AS l") == "MATCH (n) RETURN label(n) AS l"
    assert to_ladybug("MATCH ()-[r]->() RETURN type(r)") == "MATCH ()-[r]->() RETURN label(r)"
    assert to_ladybug("RETURN toString(1)") == "RETURN string(1)"
    assert to_ladybug("WITH startNode(r) = n AS out") == "WITH struct_extract(r, '_src') = id(n) AS out"
    assert to_ladybug("MATCH (n:Plan) RETURN n.title") == "MATCH (n:Plan) RETURN n.title"


def test_same_text_same_rows_on_both_stores(store):
    r = GraphRecords()
    r.add_node("region:a", "Region", name="甲市", level="prefecture")
    r.add_node("plan:a:1", "Plan", title="规划", period_end=2025)
    r.add_rel("FOR_REGION", ("plan:a:1", "Plan"), ("region:a", "Region"))
    store.write(r)
    res = store.read("MATCH (p)-[r]->(g) RETURN labels(p)[0] AS a, type(r) AS t, labels(g)[0] AS b, "
                     "toString(p.period_end) AS y")
    assert res.rows == [["Plan", "FOR_REGION", "Region", "2025"]]
    ends = store.read("MATCH (g:Region)-[r]-(p) RETURN startNode(r) = g AS a, startNode(r) = p AS b")
    assert ends.rows == [[False, True]]
