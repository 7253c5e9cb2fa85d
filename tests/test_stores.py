"""Both backends behave the same: idempotent batched writes, atomic failure, equal dumps, guarded reads."""
import pytest

from graph.store import ReadOnlyViolation, StoreError
from model.records import GraphRecords


def sample(n_policies: int = 30) -> GraphRecords:
    r = GraphRecords()
    r.add_node("region:zj", "Region", name="浙江省", name_en="Zhejiang", level="province")
    r.add_node("region:hz", "Region", name="湖州市", name_en="Huzhou", level="prefecture", province="浙江省")
    r.add_rel("PART_OF", ("region:hz", "Region"), ("region:zj", "Region"))
    r.add_node("plan:hz:1", "Plan", title="规划", period_start=2021, period_end=2025)
    r.add_rel("FOR_REGION", ("plan:hz:1", "Plan"), ("region:hz", "Region"))
    r.add_node("domain:childcare", "Domain", name="托育", name_en="Childcare")
    for i in range(n_policies):
        pid = f"policy:hz-1:m-{i}"
        r.add_node(pid, "Policy", title=f"措施{i}", text=f"第{i}条措施的全文", span_start=i * 10, span_end=i * 10 + 9,
                   plan_id="plan:hz:1")
        r.add_rel("HAS_POLICY", ("plan:hz:1", "Plan"), (pid, "Policy"))
        r.add_rel("IN_DOMAIN", (pid, "Policy"), ("domain:childcare", "Domain"), score=0.5 + i / 100, method="keywords")
    r.add_node("target:hz-1:1", "Target", value=4, unit="个", year=2025, comparator=">=", plan_id="plan:hz:1")
    r.add_rel("SETS_TARGET", ("plan:hz:1", "Plan"), ("target:hz-1:1", "Target"), quote="达到4个", span_start=3, span_end=7)
    return r


def test_write_twice_changes_nothing(store):
    store.write(sample())
    first = store.dump()
    store.write(sample(), batch_size=7)
    assert store.dump() == first
    assert len(first["nodes"]) == 35 and len(first["relationships"]) == 63


def test_value_types_follow_the_ontology(store):
    store.write(sample(1))
    t = next(n for n in store.dump()["nodes"] if n["label"] == "Target")
    assert t["properties"]["value"] == 4.0 and isinstance(t["properties"]["value"], float)
    assert t["properties"]["year"] == 2025 and isinstance(t["properties"]["year"], int)


def test_batched_and_one_row_writes_give_the_same_graph(store):
    store.write_one_per_transaction(sample(5))
    one = store.dump()
    store.clear()
    store.write(sample(5))
    assert store.dump() == one


def test_sparser_record_keeps_stored_values(store):
    store.write(sample(1))
    r = GraphRecords()
    r.add_node("region:hz", "Region", name="湖州市")
    store.write(r)
    hz = next(n for n in store.dump()["nodes"] if n["id"] == "region:hz")
    assert hz["properties"]["name_en"] == "Huzhou"


def test_records_of_one_label_may_give_their_properties_in_any_order(store):
    """One batch of a label whose records name their properties in different orders, some not at
    all (the embedded engine takes $rows as a list of one STRUCT type, and a row with its fields
    in another order was refused: the region pages' name_rank set first on some regions)."""
    r = GraphRecords()
    r.add_node("region:a", "Region", name_rank=0, name="甲市", level="prefecture")
    r.add_node("region:b", "Region", name="乙县", level="county")
    r.add_node("region:c", "Region", level="county", name="丙县", name_rank=-1)
    store.write(r)
    got = {n["id"]: n["properties"] for n in store.dump()["nodes"]}
    assert got["region:a"]["name_rank"] == 0 and got["region:c"]["name_rank"] == -1
    assert got["region:b"].get("name_rank") is None and got["region:b"]["name"] == "乙县"


def test_failed_write_leaves_the_store_as_it_was(store):
    store.write(sample(2))
    before = store.dump()
    bad = sample(40)
    bad.add_node("target:bad", "Target", value="not a number")  # the last record of a large plan is bad
    with pytest.raises((StoreError, ValueError)):
        store.write(bad)
    assert store.dump() == before


def test_engine_failure_mid_transaction_rolls_back(store):
    """A statement that fails inside the engine (not in our validation) undoes the batches before it."""
    from graph.store import Statement

    store.write(sample(1))
    before = store.dump()
    stmts = store.write_statements(sample(20))
    stmts.append(Statement("UNWIND $rows AS row MATCH (n:Plan {id: row.id}) RETURN n.id / 0", [{"id": "plan:hz:1"}]))
    with pytest.raises(Exception):  # noqa: B017 (each backend raises its own driver error)
        store._write_transaction(stmts + [Statement("THIS IS NOT CYPHER", [])])
    assert store.dump() == before


def test_unknown_property_is_refused_with_a_clear_message(store):
    r = GraphRecords()
    r.add_node("plan:x", "Plan", colour="red")
    with pytest.raises(ValueError, match="colour"):
        store.write(r)


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Region {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Plan) SET n.title = 'x'",
    "MERGE (n:Region {id: 'y'})",
])
def test_console_refuses_writes_and_nothing_changes(store, cypher):
    store.write(sample(1))
    before = store.dump()
    with pytest.raises(ReadOnlyViolation):
        store.read_only_query(cypher)
    assert store.dump() == before


def test_console_reads_with_a_row_cap(store):
    store.write(sample(30))
    res = store.read_only_query("MATCH (p:Policy) RETURN p.id AS id ORDER BY id", row_cap=10)
    assert len(res.rows) == 10 and res.truncated
    res = store.read_only_query("MATCH (p:Policy) RETURN p.id AS id, p.title AS t ORDER BY id", row_cap=100)
    assert len(res.rows) == 30 and not res.truncated


def test_console_reports_bad_cypher(store):
    with pytest.raises(StoreError):
        store.read_only_query("MATCH (n RETURN n")


def test_dumps_of_both_stores_are_equal(embedded_store, neo4j_store):
    embedded_store.write(sample())
    neo4j_store.write(sample())
    assert embedded_store.dump() == neo4j_store.dump()


def test_embedded_read_only_open_refuses_writes_at_engine_level(tmp_path):
    """The app opens the embedded store read-only: the engine itself refuses writes, and the
    console reports them as refused writes, not as broken Cypher."""
    from graph.embedded_store import EmbeddedStore

    path = tmp_path / "g.lbug"
    with EmbeddedStore(path) as s:
        s.ensure_schema()
        s.write(sample(1))
    with EmbeddedStore(path, read_only=True) as ro:
        with pytest.raises(StoreError):
            ro.read("CREATE (n:Region {id: 'z'})")
        with pytest.raises(ReadOnlyViolation):
            ro.read_only_query("CREATE (n:Region {id: 'z'})")
        assert ro.read("MATCH (n:Region) RETURN count(n)").rows == [[2]]
        assert ro.read_only_query("MATCH (n:Region) RETURN count(n) AS c").rows == [[2]]


def test_an_integer_sum_comes_back_as_an_int_on_the_embedded_store(tmp_path):
    # LadybugDB sums INT64 into INT128 (a Decimal in Python); Neo4j gives an int: rows must agree
    from graph.embedded_store import EmbeddedStore

    store = EmbeddedStore(tmp_path / "g.lbug")
    try:
        v = store.read("UNWIND [1, 2, 3] AS x WITH x, count(*) AS n RETURN sum(n) AS s").rows[0][0]
        assert v == 3 and type(v) is int
    finally:
        store.close()


def test_embedded_reads_keep_one_connection_and_see_later_writes(tmp_path):
    """Reads go through one kept connection (a new one per query cost more than small queries): it
    sees what is written after it was opened, and a failed read does not spoil the next one."""
    from graph.embedded_store import EmbeddedStore

    store = EmbeddedStore(tmp_path / "g.lbug")
    try:
        store.ensure_schema()
        assert store.read("MATCH (n:Policy) RETURN count(n)").rows == [[0]]
        conn = store._read_conn
        store.write(sample(3))
        assert store.read("MATCH (n:Policy) RETURN count(n)").rows == [[3]]
        assert store._read_conn is conn
        with pytest.raises(StoreError):
            store.read("MATCH (n:NoSuchLabel) RETURN n")
        assert store.read("MATCH (n:Policy) RETURN count(n)").rows == [[3]]
        store.read("MATCH (n:Policy) RETURN count(n)", timeout=30)
        store.write(sample(5))
        assert store.read("MATCH (n:Policy) RETURN count(n)").rows == [[5]]
    finally:
        store.close()
    assert store._read_conn is None
