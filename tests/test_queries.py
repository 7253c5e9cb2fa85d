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
    assert q.bind({}) == {"region": "", "regions": [], "function": "", "limit": 50, "region_skip": 0,
                          "region_limit": 20}
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
    """The pages ask for chosen regions (issue 14: never every region at once); none chosen means one page of
    regions (20 by default: both of the fixture's)."""
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


PAGED = ("compare_matrix", "domain_coverage", "instrument_mix", "instrument_categories", "lead_agencies")


@pytest.mark.parametrize("name", PAGED)
def test_no_region_chosen_means_one_page_of_regions_in_name_order(embedded_store, name):
    """Asked for no region, a per-region query answers the regions of one page (name_rank, written by the build,
    in name order among the regions plans are for), and the pages together give every region's rows once."""
    from pipeline.regions import rank_regions

    g = comparison_graph()
    for n in g.nodes:
        n.properties.pop("name_rank", None)
    embedded_store.write(g)
    assert rank_regions(embedded_store) == 4 and rank_regions(embedded_store) == 0  # a second run writes nothing
    ranks = dict(embedded_store.read("MATCH (r:Region) RETURN r.name, r.name_rank").rows)
    assert ranks == {"吴兴区": 0, "扬州市": 1, "湖州市": -1, "浙江省": -1}  # no plan is for the last two
    every = embedded_store.query(name, {"regions": ["吴兴区", "扬州市"]}).records()
    assert {r["region"] for r in every} == {"吴兴区", "扬州市"}
    pages = [embedded_store.query(name, {"region_skip": k, "region_limit": 1}).records() for k in range(3)]
    assert [{r["region"] for r in p} for p in pages] == [{"吴兴区"}, {"扬州市"}, set()]
    def key(rows):
        return sorted(repr(sorted(r.items())) for r in rows)

    assert key(pages[0] + pages[1]) == key(every)
    assert embedded_store.query(name).records() == embedded_store.query(name, {"region_limit": 2}).records()


def test_search_measures_lists_one_page_of_regions_but_searches_every_region(embedded_store):
    """With no filter at all search_measures lists the measures of one page of regions (name_rank, as the
    per-region queries do); a keyword or any other filter still searches every region."""
    embedded_store.write(comparison_graph())
    every = embedded_store.query("search_measures", {"region_limit": 2}).records()
    assert {r["region"] for r in every} == {"吴兴区", "扬州市"}
    pages = [embedded_store.query("search_measures", {"region_skip": k, "region_limit": 1}).records()
             for k in range(3)]
    assert [{r["region"] for r in p} for p in pages] == [{"吴兴区"}, {"扬州市"}, set()]
    assert pages[0] + pages[1] == every  # in region order, so the pages follow each other
    assert embedded_store.query("search_measures").records() == every
    for filters in ({"keyword": "托育"}, {"domain": "domain:childcare"}):
        found = embedded_store.query("search_measures", {**filters, "region_limit": 1}).records()
        assert found == embedded_store.query("search_measures", filters).records()
        assert {r["region"] for r in found} == {"吴兴区", "扬州市"}, filters


_INDICATORS_PLAIN = """
MATCH (i:Indicator)<-[:MEASURES]-(t:Target)
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE p.id = t.plan_id
RETURN i.id AS indicator_id, i.name AS indicator, i.name_en AS indicator_en, i.unit AS unit,
       count(DISTINCT r) AS regions, count(DISTINCT t) AS targets
ORDER BY regions DESC, targets DESC, indicator_id"""


def test_indicator_tallies_written_by_the_build_give_the_rows_of_the_aggregate(embedded_store):
    """indicators reads the regions/targets tallies the build writes (pipeline/indicator_counts.py); they
    give the rows the aggregate over every target gave, follow the store, and a second run writes nothing."""
    from model.records import GraphRecords
    from pipeline.indicator_counts import count_indicators

    g = comparison_graph()
    for n in g.nodes:
        if n.label == "Indicator":
            n.properties.pop("regions", None)
            n.properties.pop("targets", None)
    g.add_node("indicator:unstated", "Indicator", name="无目标指标")  # no target measures it
    embedded_store.write(g)
    assert embedded_store.query("indicators").rows == []  # no tallies yet: not a silent aggregate
    assert count_indicators(embedded_store) == 2 and count_indicators(embedded_store) == 0
    want = embedded_store.read(_INDICATORS_PLAIN).rows
    assert embedded_store.query("indicators").rows == want and want[0][4:] == [2, 2]
    more = GraphRecords()  # a second target of 吴兴区's plan for the same indicator: one more target, no region
    more.add_node("target:wuxing-2", "Target", value=5, unit="个", year=2025, kind="target",
                  plan_id="plan:wuxing:2021-2025")
    more.add_rel("MEASURES", ("target:wuxing-2", "Target"), ("indicator:childcare-places", "Indicator"))
    embedded_store.write(more)
    assert count_indicators(embedded_store) == 1
    assert embedded_store.query("indicators").rows == embedded_store.read(_INDICATORS_PLAIN).rows
    assert embedded_store.query("indicators").rows[0][4:] == [2, 3]
    fixture = {n.id: n.properties for n in comparison_graph().nodes if n.label == "Indicator"}
    assert fixture["indicator:childcare-places"]["regions"] == 2  # tests/graph_fixture.py tallies as the build


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


# The plain formulations of two queries rewritten for speed at scale (issue 14): the rewrites must
# give the very rows these give.
_LEAD_AGENCIES_PLAIN = """
MATCH (p:Plan)-[:FOR_REGION]->(r:Region)
WHERE ($region = '' OR r.name = $region OR r.name_en = $region)
  AND (size($regions) = 0 OR r.name IN $regions OR r.id IN $regions)
MATCH (p)-[:HAS_POLICY]->(m:Policy)-[rel:LED_BY|INVOLVES]->(a:Agency)
WHERE $function = '' OR a.function = $function
WITH r, a, count(DISTINCT CASE WHEN type(rel) = 'LED_BY' THEN m.id END) AS led,
     count(DISTINCT CASE WHEN type(rel) = 'INVOLVES' THEN m.id END) AS involved
RETURN r.name AS region, a.id AS agency_id, a.name AS agency, a.function AS function, led, involved
ORDER BY led DESC, involved DESC, agency_id, region
LIMIT $limit"""
_SEARCH_MEASURES_PLAIN = """
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)-[:HAS_POLICY]->(m:Policy)
WHERE ($keyword = '' OR m.title CONTAINS $keyword OR m.text CONTAINS $keyword)
  AND ($region = '' OR r.name = $region OR r.name_en = $region)
  AND ($domain = '' OR EXISTS { MATCH (m)-[:IN_DOMAIN]->(d:Domain) WHERE d.id = $domain })
  AND ($instrument = '' OR EXISTS { MATCH (m)-[:USES_INSTRUMENT]->(i:PolicyInstrument) WHERE i.id = $instrument })
  AND ($agency = '' OR EXISTS { MATCH (m)-[:LED_BY|INVOLVES]->(a:Agency) WHERE a.name = $agency OR a.function = $agency })
WITH r.name AS region, p.id AS plan_id, m
ORDER BY region, m.id
LIMIT $limit
RETURN m.id AS policy_id, region, plan_id, m.title AS title, m.section_path AS section_path,
       m.kind AS kind, m.text AS text, m.span_start AS span_start, m.span_end AS span_end"""
_INSTRUMENT_EVIDENCE_PLAIN = """
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)-[:HAS_POLICY]->(m:Policy)-[u:USES_INSTRUMENT]->(i:PolicyInstrument)
WHERE ($region = '' OR r.name = $region OR r.name_en = $region) AND ($instrument = '' OR i.id = $instrument)
RETURN r.name AS region, i.id AS instrument_id, i.name AS instrument, i.name_en AS instrument_en, i.category AS category,
       m.id AS policy_id, m.title AS measure, p.title AS plan, u.cue AS cue, u.quote AS quote,
       u.span_start AS span_start, u.span_end AS span_end
ORDER BY region, instrument_id, plan, span_start, policy_id"""


# compare_matrix before its targets were read by key after the join
_COMPARE_MATRIX_PLAIN = """MATCH (i:Indicator)
OPTIONAL MATCH (i)-[:IN_DOMAIN]->(d:Domain)
WITH i, min(d.id) AS domain_id, collect(d.id) AS domain_ids, collect(d.name) AS domain_names
WHERE $domain = '' OR $domain IN domain_ids OR $domain IN domain_names
MATCH (t:Target)-[m:MEASURES]->(i)
WHERE t.kind IN ['target', 'coverage', 'annual', 'baseline', 'historic'] AND t.value IS NOT NULL
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE p.id = t.plan_id AND (size($regions) = 0 OR r.name IN $regions OR r.id IN $regions)
RETURN i.id AS indicator_id, i.name AS indicator, i.name_en AS indicator_en, i.quantity_kind AS quantity_kind,
       i.aliases AS aliases, domain_id, r.id AS region_id, r.name AS region, r.name_en AS region_en, r.level AS level, p.id AS plan_id,
       p.title AS plan, t.id AS target_id, t.indicator_text AS indicator_text, t.kind AS kind,
       t.comparator AS comparator, t.value AS value, t.value_max AS value_max, t.unit AS unit, t.value_norm AS value_norm,
       t.unit_norm AS unit_norm, t.year AS year, t.baseline_value AS baseline_value, t.baseline_year AS baseline_year,
       t.attribute AS attribute, t.change_type AS change_type, t.quote AS quote, t.span_start AS span_start,
       t.span_end AS span_end, m.score AS score, m.method AS method
ORDER BY indicator_id, region, year, target_id"""

def test_rewritten_queries_give_the_rows_of_their_plain_formulations(embedded_store):
    from model.records import GraphRecords

    g = comparison_graph()
    embedded_store.write(g)
    extra = GraphRecords()  # one agency that both leads and takes part in one measure, and leads another
    extra.add_node("agency:wuxing:finance", "Agency", name="吴兴区财政局", function="finance")
    for m, rel in (("m-0", "LED_BY"), ("m-0", "INVOLVES"), ("m-1", "LED_BY")):
        extra.add_rel(rel, (f"policy:wuxing-2021-2025:{m}", "Policy"), ("agency:wuxing:finance", "Agency"),
                      plan_id="plan:wuxing:2021-2025")
    embedded_store.write(extra)
    for name, plain, variants in (
            ("lead_agencies", _LEAD_AGENCIES_PLAIN,
             [{}, {"region": "吴兴区"}, {"regions": ["扬州市", "region:wuxing"]}, {"function": "finance"},
              {"limit": 1}]),
            ("search_measures", _SEARCH_MEASURES_PLAIN,
             [{}, {"keyword": "托育"}, {"region": "Yangzhou"}, {"limit": 1}, {"domain": "domain:childcare"},
              {"agency": "finance"}]),
            ("instrument_evidence", _INSTRUMENT_EVIDENCE_PLAIN,
             [{}, {"region": "吴兴区"}, {"region": "Yangzhou", "instrument": "instrument:subsidy"},
              {"instrument": "instrument:subsidy"}, {"region": "湖州市"}]),
            ("compare_matrix", _COMPARE_MATRIX_PLAIN,
             [{}, {"regions": ["吴兴区"]}, {"regions": ["扬州市", "region:wuxing"]}, {"domain": "domain:childcare"},
              {"regions": ["region:wuxing"], "domain": "domain:childcare"}, {"domain": "domain:none"}])):
        q = get_query(name)
        for params in variants:
            bound = q.bind(params)
            want = embedded_store.read(plain, bound).rows
            got = embedded_store.query(name, params).rows
            assert got == want, (name, params)
        assert any(embedded_store.query(name, p).rows for p in variants)
    lead = {(r["agency_id"], r["led"], r["involved"]) for r in embedded_store.query("lead_agencies").records()}
    assert ("agency:wuxing:finance", 2, 1) in lead


def test_agency_functions_pages_cover_the_agencies_of_regions_no_plan_is_for(store):
    """agency_functions counts by the agency's own region, and some agencies belong to regions no plan is
    for (a province's bureau leads a county plan's measure): those regions are ranked after the plans'
    regions (pipeline/regions.py), so its region pages together give every row of the whole store."""
    from pipeline.regions import rank_regions

    g = comparison_graph()
    g.add_node("agency:huzhou:finance", "Agency", name="湖州市财政局", function="finance", short_name="财政局")
    g.add_rel("OF_REGION", ("agency:huzhou:finance", "Agency"), ("region:huzhou", "Region"))
    g.add_rel("LED_BY", ("policy:wuxing-2021-2025:m-1", "Policy"), ("agency:huzhou:finance", "Agency"),
              quote="财政局", span_start=48, span_end=50, plan_id="plan:wuxing:2021-2025")
    store.write(g)
    rank_regions(store)
    ranks = dict(store.read("MATCH (r:Region) RETURN r.name, r.name_rank").rows)
    assert ranks == {"吴兴区": 0, "扬州市": 1, "湖州市": 2, "浙江省": -1}  # 湖州市: no plan, an agency
    every = store.query("agency_functions", {"region_limit": 100}).records()
    assert ("finance", "湖州市") in {(r["function"], r["region"]) for r in every}
    pages = [store.query("agency_functions", {"region_skip": k, "region_limit": 1}).records() for k in range(4)]
    assert [{r["region"] for r in p} for p in pages] == [{"吴兴区"}, {"扬州市"}, {"湖州市"}, set()]

    def key(rows):
        return sorted(repr(sorted(r.items())) for r in rows)

    assert key(sum(pages, [])) == key(every)
    # what the query gave before it paged: every LED_BY by the agency's own region
    plain = store.read("MATCH (m:Policy)-[:LED_BY]->(a:Agency)-[:OF_REGION]->(r:Region) RETURN a.function AS "
                       "function, r.name AS region, count(DISTINCT a) AS agencies, count(DISTINCT m) AS led").records()
    assert key(plain) == key(every)
    # the other per-region queries still page the plans' regions: 湖州市's page holds none of their rows
    assert not store.query("domain_coverage", {"region_skip": 2, "region_limit": 1}).records()


def test_only_if_lines_are_left_out_of_a_call_that_does_not_use_their_parameters(tmp_path):
    """A body line marked `// only if: p` is run only when p is given (not null, '' or []), `// only if none:`
    only when none of its parameters is; `text` keeps every line (the console's starting point), markers removed."""
    from graph.queries import parse_query_file

    f = tmp_path / "q.cypher"
    f.write_text("// purpose: p\n// param: a string = ''\n// param: b list = ,\n// columns: x\n"
                 "MATCH (n:Policy)\nWHERE true\n  AND ($a = '' OR n.title = $a)  // only if: a\n"
                 "  AND (size($b) = 0 OR n.id IN $b)  //only if: b, a\n"
                 "  AND ($a <> '' OR n.kind = 'x')  // only if none: a, b\nRETURN n.id AS x\n", encoding="utf-8")
    q = parse_query_file(f)
    assert "only if" not in q.text and q.text.count("\n") == 5
    lines = q.text.split("\n")
    assert q.text_for(q.bind({})) == "\n".join(lines[:2] + lines[4:])
    assert q.text_for(q.bind({"a": "t"})) == "\n".join(lines[:4] + lines[5:])
    assert q.text_for(q.bind({"b": ["i"]})) == "\n".join(lines[:2] + lines[3:4] + lines[5:])
    f.write_text(f.read_text(encoding="utf-8").replace("only if: a", "only if: c"), encoding="utf-8")
    with pytest.raises(QueryError):
        parse_query_file(f)


# Calls of the queries with `only if` lines: each must give the rows of the query's whole text.
_OPTIONAL_CALLS = {
    "search_measures": [{}, {"keyword": "托育"}, {"region": "吴兴区"}, {"region": "Yangzhou", "keyword": "托育"},
                        {"domain": "domain:childcare"}, {"instrument": "instrument:subsidy"},
                        {"agency": "civil_affairs"}, {"agency": "吴兴区民政局", "domain": "domain:childcare"},
                        {"region_limit": 1}, {"region_skip": 1, "limit": 1}],
}


@pytest.mark.parametrize("name", sorted(n for n, q in all_queries().items() if q.optional))
def test_a_call_without_its_optional_lines_gives_the_rows_of_the_whole_text(store, name):
    store.write(comparison_graph())
    q = get_query(name)
    calls = _OPTIONAL_CALLS.get(name) or [{}]
    assert name in _OPTIONAL_CALLS, f"{name} has `only if` lines: add calls that use them to _OPTIONAL_CALLS"
    found = 0
    for params in calls:
        bound = q.bind(params)
        want = store.read(q.text, bound).rows
        assert _normalise(store.query(name, params).rows) == _normalise(want), (name, params)
        found += bool(want)
    assert found >= len(calls) // 2, f"{name}: too few of the calls return rows on the fixture graph"
