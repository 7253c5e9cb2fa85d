"""The named query library: headers parse, and every query returns the same rows on both stores."""
import pytest

from graph.queries import QueryError, all_queries, get_query
from tests.graph_fixture import comparison_graph

# Arguments that make each query return rows on the fixture graph.
ARGS = {
    "indicator_targets": {"indicator": "indicator:childcare-places"},
    "similar_measures": {"policy": "policy:wuxing-2021-2025:m-0"},
    "policy_evidence": {"policy": "policy:wuxing-2021-2025:m-1"},
    "neighbourhood": {"ids": ["region:wuxing"]},
    "search_measures": {"keyword": "托育"},
    "node_lookup": {"label": "Policy", "text": "托育"},
}


def _normalise(rows):
    out = []
    for row in rows:
        out.append([sorted(v) if isinstance(v, list) else (round(v, 6) if isinstance(v, float) else v) for v in row])
    return out


def test_every_query_has_a_complete_header():
    qs = all_queries()
    assert len(qs) >= 12
    for q in qs.values():
        assert q.purpose and q.columns
        assert "$" not in q.purpose


def test_binding_checks_parameters():
    q = get_query("lead_agencies")
    assert q.bind({}) == {"region": "", "regions": [], "function": "", "limit": 50}
    assert q.bind({"limit": "5"})["limit"] == 5
    with pytest.raises(QueryError):
        q.bind({"nope": 1})
    with pytest.raises(QueryError):
        get_query("indicator_targets").bind({})
    with pytest.raises(QueryError):
        get_query("does_not_exist")


@pytest.fixture
def both(embedded_store, neo4j_store):
    g = comparison_graph()
    embedded_store.write(g)
    neo4j_store.write(g)
    return embedded_store, neo4j_store


@pytest.mark.parametrize("name", sorted(all_queries()))
def test_query_parity_on_both_stores(both, name):
    emb, neo = both
    q = get_query(name)
    args = ARGS.get(name, {})
    a, b = emb.query(name, args), neo.query(name, args)
    assert tuple(a.columns) == q.columns == tuple(b.columns)
    assert a.rows, f"{name} returned no rows on the fixture graph"
    assert _normalise(a.rows) == _normalise(b.rows)


def test_indicator_targets_compares_regions(embedded_store):
    embedded_store.write(comparison_graph())
    rows = embedded_store.query("indicator_targets", {"indicator": "indicator:childcare-places"}).records()
    assert {(r["region"], r["value"], r["year"]) for r in rows} == {("吴兴区", 4.5, 2025), ("扬州市", 4.0, 2025)}


def test_instrument_mix_shares_sum_to_one(embedded_store):
    embedded_store.write(comparison_graph())
    rows = embedded_store.query("instrument_mix").records()
    for region in {r["region"] for r in rows}:
        assert abs(sum(r["share"] for r in rows if r["region"] == region) - 1.0) < 0.01


def test_instrument_evidence_lists_the_measures_behind_a_bar(both):
    """One bar of the instrument mix (region x instrument) -> its measures, cue words and quotes, on both stores."""
    for store in both:
        rows = store.query("instrument_evidence", {"region": "扬州市", "instrument": "instrument:government_procurement"}).records()
        mix = {(r["region"], r["instrument_id"]): r["uses"] for r in store.query("instrument_mix").records()}
        assert len(rows) == mix[("扬州市", "instrument:government_procurement")]
        assert {r["cue"] for r in rows} == {"政府购买服务"} and all(r["cue"] in r["quote"] for r in rows)
        assert {r["region"] for r in store.query("instrument_evidence", {"instrument": "instrument:subsidy"}).records()} == {
            "吴兴区", "扬州市"}


def test_lead_agencies_by_region_counts_the_measures_of_that_regions_plans(both):
    """A district plan's measure led by a city bureau is the district's row: filtering by the
    district finds it (the query used to filter on the agency's own region and found nothing)."""
    from model.records import GraphRecords

    extra = GraphRecords()
    extra.add_node("agency:huzhou:finance", "Agency", name="湖州市财政局", function="finance", short_name="市财政局")
    extra.add_rel("OF_REGION", ("agency:huzhou:finance", "Agency"), ("region:huzhou", "Region"))
    extra.add_rel("LED_BY", ("policy:wuxing-2021-2025:m-1", "Policy"), ("agency:huzhou:finance", "Agency"),
                  quote="市财政局", span_start=48, span_end=50, plan_id="plan:wuxing:2021-2025")
    for store in both:
        store.write(extra)
        rows = store.query("lead_agencies", {"region": "吴兴区"}).records()
        got = {(r["region"], r["agency_id"], r["led"], r["involved"]) for r in rows}
        assert got == {("吴兴区", "agency:huzhou:finance", 1, 0), ("吴兴区", "agency:wuxing:civil_affairs", 1, 2)}
        assert store.query("lead_agencies", {"region": "Wuxing", "function": "finance"}).rows
        assert not store.query("lead_agencies", {"region": "湖州市"}).rows  # Huzhou has no plan here


def test_region_aggregates_answer_for_the_chosen_regions_only(embedded_store):
    """The pages ask for chosen regions (issue 14: never every region at once); none chosen still means all."""
    embedded_store.write(comparison_graph())
    for name in ("domain_coverage", "instrument_mix", "instrument_categories", "agency_functions"):
        every = embedded_store.query(name).records()
        assert {r["region"] for r in every} >= {"吴兴区", "扬州市"}, name
        one = embedded_store.query(name, {"regions": ["扬州市"]}).records()
        assert one and {r["region"] for r in one} == {"扬州市"}, name
        assert one == [r for r in every if r["region"] == "扬州市"], name
        assert embedded_store.query(name, {"regions": ["region:yangzhou"]}).records() == one, name  # ids too
    lead = embedded_store.query("lead_agencies", {"regions": ["region:yangzhou"]}).records()
    assert lead == embedded_store.query("lead_agencies", {"region": "扬州市"}).records() and lead


def test_top_regions_orders_by_targets_and_plans_overview_pages(embedded_store):
    embedded_store.write(comparison_graph())
    top = embedded_store.query("top_regions").records()
    assert [r["region"] for r in top] == ["吴兴区", "扬州市"]  # one target each: then by name
    assert all(r["targets"] == 1 and r["plans"] == 1 for r in top)
    assert [r["region"] for r in embedded_store.query("top_regions", {"limit": 1}).records()] == ["吴兴区"]
    every = embedded_store.query("plans_overview").records()
    assert [r["plan_id"] for r in every] == ["plan:wuxing:2021-2025", "plan:yangzhou:2022-80"]
    assert embedded_store.query("plans_overview", {"skip": 1, "limit": 1}).records() == every[1:]
    assert embedded_store.query("plans_overview", {"limit": 1}).records() == every[:1]
