"""The Streamlit explorer, page by page, through Streamlit's AppTest on a fixture graph.

One embedded fixture database per session (the app opens it read-only and the process keeps one
Database object for it in st.cache_resource); a second one whose document text is hostile HTML
for the escaping tests.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.graph_fixture import comparison_graph, with_indicator_counts, with_region_ranks

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
XSS = "<img src=x onerror=alert(1)>"


def build_db(path: Path, records) -> str:
    from graph.embedded_store import EmbeddedStore

    store = EmbeddedStore(path)
    store.ensure_schema()
    store.write(records)
    store.close()
    return str(path)


def hostile_graph():
    g = comparison_graph()
    g.add_node("region:evil", "Region", name=XSS, name_en="Evil", level="county")
    g.add_node("plan:evil", "Plan", title=f"规划{XSS}", period_start=2021, period_end=2025)
    g.add_rel("FOR_REGION", ("plan:evil", "Plan"), ("region:evil", "Region"))
    text = f"通过{XSS}补贴发展托育服务。"
    g.add_node("policy:evil:m-0", "Policy", title=XSS, text=text, section_path="任务", kind="measure",
               plan_id="plan:evil", span_start=100, span_end=100 + len(text))
    g.add_rel("HAS_POLICY", ("plan:evil", "Plan"), ("policy:evil:m-0", "Policy"))
    k = text.index("补贴")
    g.add_rel("USES_INSTRUMENT", ("policy:evil:m-0", "Policy"), ("instrument:subsidy", "PolicyInstrument"),
              quote="补贴", span_start=100 + k, span_end=100 + k + 2, plan_id="plan:evil")
    g.add_rel("SIMILAR_TO", ("policy:evil:m-0", "Policy"), ("policy:wuxing-2021-2025:m-0", "Policy"),
              score=0.5, method="lexical")
    return with_indicator_counts(with_region_ranks(g))  # the hostile region too has its place in the region pages, as after a build


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("appdb") / "graph.lbug", comparison_graph())


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("evildb") / "graph.lbug", hostile_graph())


def _app(monkeypatch, db: str, store: str = "embedded") -> AppTest:
    monkeypatch.setenv("PLANGRAPH_STORE", store)
    monkeypatch.setenv("PLANGRAPH_DB", db)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def app(monkeypatch, fixture_db):
    return _app(monkeypatch, fixture_db)


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"explorer/pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title])


def widget(seq, key):
    return next(w for w in seq if w.key == key)


def downloads(at: AppTest) -> set[str]:
    return {b.key for b in at.get("download_button")}


def frames(at: AppTest):
    return [d.value for d in at.dataframe]


# --- Overview ------------------------------------------------------------------------------

def test_overview_shows_store_regions_plans_counts_and_similarity(app, fixture_db):
    assert app.title[0].value == "Plangraph"
    body = texts(app)
    assert f"embedded LadybugDB at {fixture_db} (read-only)" in body
    assert "`lexical`" in body and "1 SIMILAR_TO links" in body
    regions, plans, counts = frames(app)
    assert set(regions["region"]) == {"浙江省", "湖州市", "吴兴区", "扬州市"}
    assert regions.set_index("region").loc["吴兴区", "parent"] == "湖州市"
    assert "吴兴区 Wuxing" in set(regions["name"])
    assert set(plans["plan_id"]) == {"plan:wuxing:2021-2025", "plan:yangzhou:2022-80"}
    assert set(plans["period_end"]) == {2025}
    c = dict(zip(counts["name"], counts["count"]))
    assert c["Policy"] == 6 and c["SIMILAR_TO"] == 1
    assert {"ov_regions_csv", "ov_regions_xlsx", "ov_plans_csv", "ov_plans_xlsx", "ov_counts_csv"} <= downloads(app)


def test_metrics_on_overview(app):
    m = {x.label: x.value for x in app.metric}
    assert m == {"Regions": "4", "Plans": "2", "Measures": "6", "Targets": "2"}


def test_missing_database_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANGRAPH_STORE", "embedded")
    monkeypatch.setenv("PLANGRAPH_DB", str(tmp_path / "nope.lbug"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("Cannot open the graph store" in e.value for e in at.error)
    assert any("make build" in i.value for i in at.info)


# --- Compare -------------------------------------------------------------------------------

def test_compare_shows_targets_of_the_most_shared_indicator(app):
    goto(app, "compare")
    ind = widget(app.selectbox, "cmp_indicator")
    assert ind.value.startswith("每千人口拥有3岁以下婴幼儿托位数 Childcare places per 1,000 people — 2 regions")
    targets = frames(app)[1]
    assert {(r.region, r.value_norm, r.year) for r in targets.itertuples()} == {("吴兴区", 4.5, 2025),
                                                                                 ("扬州市", 4.0, 2025)}
    assert {"quote", "comparator", "unit_norm", "level", "attribute"} <= set(targets.columns)
    assert "**2 regions**" in texts(app)
    assert {"cmp_targets_csv", "cmp_targets_xlsx", "cmp_domains_csv", "cmp_domains_xlsx", "cmp_mix_csv",
            "cmp_mix_xlsx", "cmp_cats_csv", "cmp_cats_xlsx"} <= downloads(app)
    assert len(app.get("arrow_vega_lite_chart")) >= 3 or len(app.get("vega_lite_chart")) >= 3


def test_compare_shows_the_indicator_region_matrix_first(app):
    goto(app, "compare")
    assert app.subheader[0].value == "Indicators × regions"
    matrix = frames(app)[0]
    assert list(matrix.columns[:3]) == ["indicator", "kind", "regions"]
    assert {"吴兴区", "扬州市"} <= set(matrix.columns)
    row = matrix.iloc[0]
    assert row["indicator"].startswith("每千人口拥有3岁以下婴幼儿托位数") and row["regions"] == 2
    assert "?evidence=target%3A" in row["吴兴区"] and "≥4.5个 · 2025" in row["吴兴区"] and "约束性" in row["吴兴区"]
    assert "levels differ" in row["note"]
    assert {"mx_dl_csv", "mx_dl_xlsx", "mx_ttl"} <= downloads(app)
    widget(app.multiselect, "mx_regions").set_value(["扬州市"]).run()
    assert not app.exception
    matrix = frames(app)[0]
    assert "吴兴区" not in matrix.columns and "扬州市" in matrix.columns


def test_compare_matrix_shows_a_cells_evidence(app):
    app.query_params["evidence"] = "target:wuxing-2021-2025:1"
    goto(app, "compare")
    assert any("每千人口拥有3岁以下婴幼儿托位数达到4.5个" in i.value and "吴兴区" in i.value for i in app.info)


def test_compare_instrument_mix_of_chosen_regions(app):
    goto(app, "compare")
    ms = widget(app.multiselect, "cmp_mix_regions")
    assert ms.value == ["吴兴区", "扬州市"]
    mix, cats = frames(app)[2], frames(app)[3]
    assert set(mix["region"]) == {"吴兴区", "扬州市"}
    assert "财政补贴 Subsidy" in set(mix["instrument"])
    assert set(cats["category"]) == {"supply", "demand"}
    ms.set_value(["扬州市"]).run()
    assert not app.exception
    mix, cats = frames(app)[2], frames(app)[3]
    assert set(mix["region"]) == {"扬州市"} and set(cats["region"]) == {"扬州市"}
    assert abs(mix["share"].sum() - 1.0) < 0.01


def test_compare_lists_the_measures_behind_an_instrument_bar(app):
    """Region + instrument (as a click on a bar sets them) -> the measures with cue words and quotes."""
    goto(app, "compare")
    region = widget(app.selectbox, "cmp_audit_region")
    assert region.value == "吴兴区"
    region.set_value("扬州市").run()
    assert not app.exception
    inst = widget(app.selectbox, "cmp_audit_instrument")
    label = next(o for o in inst.options if o.startswith("政府购买服务"))
    inst.set_value(label).run()
    assert not app.exception
    ev = frames(app)[4]  # after the matrix, the targets, the mix and the categories
    assert list(ev.columns)[:5] == ["region", "instrument", "measure", "cue", "quote"]
    assert len(ev) >= 1 and set(ev["region"]) == {"扬州市"}
    assert set(ev["cue"]) == {"政府购买服务"} and all("政府购买服务" in q for q in ev["quote"])
    assert {"cmp_evidence_csv", "cmp_evidence_xlsx"} <= downloads(app)
    # the count shown beside each instrument is the bar's number of uses
    assert "measure(s) of 扬州市" in "\n".join(c.value for c in app.caption)


def test_mix_selection_reads_a_clicked_bar():
    from explorer.views import mix_selection

    assert mix_selection({"selection": {"mix_bar": [{"region": "扬州市", "instrument_id": "subsidy"}]}}) == (
        "扬州市", "subsidy")
    assert mix_selection({"selection": {"mix_bar": []}}) is None
    assert mix_selection(None) is None


# --- Policies ------------------------------------------------------------------------------

def test_policies_keyword_and_filters(app):
    goto(app, "policies")
    assert len(frames(app)[0]) == 6
    widget(app.text_input, "pol_keyword").input("托育服务1").run()
    assert set(frames(app)[0]["policy_id"]) == {"policy:wuxing-2021-2025:m-1", "policy:yangzhou-2022-80:m-1"}
    widget(app.text_input, "pol_keyword").input("託育服務1").run()  # traditional script finds it too
    assert len(frames(app)[0]) == 2
    widget(app.text_input, "pol_keyword").input("").run()
    widget(app.selectbox, "pol_region").set_value("吴兴区 Wuxing").run()
    assert set(frames(app)[0]["region"]) == {"吴兴区"} and len(frames(app)[0]) == 3
    widget(app.selectbox, "pol_instrument").set_value("政府购买服务 Government procurement").run()
    assert set(frames(app)[0]["policy_id"]) == {"policy:wuxing-2021-2025:m-1", "policy:wuxing-2021-2025:m-2"}
    widget(app.selectbox, "pol_instrument").set_value("(any)").run()
    widget(app.selectbox, "pol_agency").set_value("吴兴区民政局 (吴兴区)").run()
    assert len(frames(app)[0]) == 3
    widget(app.selectbox, "pol_domain").set_value("养老服务 Elderly care").run()
    assert not app.exception
    assert len(frames(app)[0]) == 0 and "**0 measures** match" in texts(app)
    assert {"pol_found_csv", "pol_found_xlsx"} <= downloads(app)


def test_overview_regions_table_shows_a_page_of_regions(monkeypatch, tmp_path):
    g = comparison_graph()
    for k in range(120):  # 124 regions in all (the fixture has 4): two pages
        g.add_node(f"region:r{k}", "Region", name=f"区{k}", name_en=f"R{k}", level="county")
    at = _app(monkeypatch, build_db(tmp_path / "graph.lbug", g))
    assert len(frames(at)[0]) == 100
    widget(at.number_input, "ov_regions_page").set_value(2).run()
    assert len(frames(at)[0]) == 24 and not at.exception
    assert {"ov_regions_csv", "ov_regions_xlsx"} <= downloads(at)


def test_policies_table_shows_a_page_of_matches_and_downloads_all(monkeypatch, tmp_path):
    g = comparison_graph()
    for k in range(3, 153):  # 150 more measures: 156 in all, two pages of the table
        pol = f"policy:wuxing-2021-2025:m-{k}"
        g.add_node(pol, "Policy", title=f"措施{k}", text=f"发展托育服务{k}。", section_path="任务", kind="measure",
                   plan_id="plan:wuxing:2021-2025", span_start=0, span_end=8)
        g.add_rel("HAS_POLICY", ("plan:wuxing:2021-2025", "Plan"), (pol, "Policy"))
    at = goto(_app(monkeypatch, build_db(tmp_path / "graph.lbug", g)), "policies")
    assert "**156 measures** match" in texts(at)
    assert len(frames(at)[0]) == 100
    widget(at.number_input, "pol_found_page").set_value(2).run()
    assert len(frames(at)[0]) == 56 and not at.exception
    assert {"pol_found_csv", "pol_found_xlsx"} <= downloads(at)


def test_policies_similar_and_side_by_side_with_highlighted_evidence(app):
    goto(app, "policies")
    assert widget(app.selectbox, "pol_measure").value == "policy:wuxing-2021-2025:m-0"
    similar = frames(app)[1]
    assert list(similar["policy_id"]) == ["policy:yangzhou-2022-80:m-0"] and list(similar["method"]) == ["lexical"]
    assert {"pol_similar_csv", "pol_similar_xlsx"} <= downloads(app)
    # the other side defaults to the most similar measure, in another region
    assert widget(app.selectbox, "pol_region_b").value == "扬州市 Yangzhou"
    assert widget(app.selectbox, "pol_measure_b").value == "policy:yangzhou-2022-80:m-0"
    cards = [h.proto.body for h in app.get("html") if "<mark" in h.proto.body and "line-height" in h.proto.body]
    assert len(cards) == 2
    assert "吴兴区" in cards[0] and "扬州市" in cards[1]
    assert 'title="instrument: 财政补贴">补贴</mark>' in cards[0]
    # a measure with two instruments: both quotes marked, at offsets relative to the measure
    widget(app.selectbox, "pol_measure").set_value("policy:wuxing-2021-2025:m-1").run()
    left = [h.proto.body for h in app.get("html") if "line-height" in h.proto.body][0]
    assert ">政府购买服务</mark>" in left and ">补贴</mark>" in left
    widget(app.selectbox, "pol_measure_b").set_value("policy:yangzhou-2022-80:m-2").run()
    right = [h.proto.body for h in app.get("html") if "line-height" in h.proto.body][1]
    assert "发展托育服务2" in right


# --- Graph ---------------------------------------------------------------------------------

def _iframe(at) -> str:
    frames_ = at.get("iframe")
    assert frames_, "no components.html iframe on the page"
    return frames_[0].proto.srcdoc


def test_graph_neighbourhood_depth_and_cap(app):
    goto(app, "graph")
    widget(app.selectbox, "g_label").set_value("Region").run()
    widget(app.selectbox, "g_start").set_value("region:wuxing").run()
    page = _iframe(app)
    assert "vis-network" in page.lower() or "vis.Network" in page
    # offline: vis.js is inlined, nothing is fetched from a CDN
    assert not re.search(r"<script[^>]*\ssrc=", page) and not re.search(r"<link[^>]*href=", page)
    edges1 = frames(app)[0]
    assert set(edges1["relationship"]) == {"OF_REGION", "FOR_REGION", "PART_OF"}
    caption1 = [c.value for c in app.caption if "nodes" in c.value][0]
    widget(app.slider, "g_depth").set_value(2).run()
    edges2 = frames(app)[0]
    assert len(edges2) > len(edges1) and "HAS_POLICY" in set(edges2["relationship"])
    assert "depth 2" in " ".join(c.value for c in app.caption)
    widget(app.number_input, "g_cap").set_value(10).run()
    widget(app.slider, "g_depth").set_value(3).run()
    cap_caption = [c.value for c in app.caption if "nodes" in c.value][0]
    assert cap_caption.startswith("10 nodes") and "node cap reached" in cap_caption
    assert caption1 != cap_caption
    legend = [h.proto.body for h in app.get("html")][0]
    assert "Region" in legend and "#4e79a7" in legend
    assert {"g_edges_csv", "g_edges_xlsx"} <= downloads(app)


def test_graph_lookup_filters_nodes(app):
    goto(app, "graph")
    widget(app.selectbox, "g_label").set_value("Indicator").run()
    assert widget(app.selectbox, "g_start").value == "indicator:childcare-places"
    widget(app.selectbox, "g_label").set_value("Agency").run()
    widget(app.text_input, "g_text").input("扬州").run()
    assert widget(app.selectbox, "g_start").options == ["扬州市民政局 · agency:yangzhou:civil_affairs"]
    widget(app.text_input, "g_text").input("nothing-like-this").run()
    assert not app.exception and any("No Agency matches" in i.value for i in app.info)


# --- Agencies ------------------------------------------------------------------------------

def test_agencies_filters(app):
    goto(app, "agencies")
    lead, functions = frames(app)
    assert set(lead["agency"]) == {"吴兴区民政局", "扬州市民政局"}
    assert set(functions["function"]) == {"civil_affairs"} and set(functions["led"]) == {1}
    widget(app.selectbox, "ag_region").set_value("扬州市 Yangzhou").run()
    lead, functions = frames(app)
    assert list(lead["agency"]) == ["扬州市民政局"] and list(lead["led"]) == [1] and list(lead["involved"]) == [2]
    assert list(functions["region"]) == ["扬州市"]
    widget(app.selectbox, "ag_function").set_value("civil_affairs").run()
    assert len(frames(app)[0]) == 1
    assert {"ag_lead_csv", "ag_lead_xlsx", "ag_functions_csv", "ag_functions_xlsx"} <= downloads(app)


# --- Cypher console ------------------------------------------------------------------------

def _run_cypher(at, cypher, params=""):
    widget(at.text_area, "cy_text").input(cypher)
    widget(at.text_area, "cy_params").input(params)
    widget(at.button, "cy_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_console_read_query_shows_a_dataframe_and_downloads(app):
    goto(app, "cypher")
    _run_cypher(app, "MATCH (r:Region) WHERE r.level = $level RETURN r.name AS region ORDER BY region",
                '{"level": "prefecture"}')
    assert not app.error
    assert list(frames(app)[-1]["region"]) == ["扬州市", "湖州市"] or set(frames(app)[-1]["region"]) == {"扬州市", "湖州市"}
    assert {"cy_result_csv", "cy_result_xlsx"} <= downloads(app)


def test_console_refuses_writes_and_the_store_is_unchanged(app):
    goto(app, "cypher")
    _run_cypher(app, "MATCH (n) RETURN count(n) AS n")
    before = frames(app)[-1]["n"][0]
    _run_cypher(app, "CREATE (r:Region {id: 'region:x', name: 'X'}) RETURN r.id")
    assert app.error and "Refused" in app.error[0].value
    _run_cypher(app, "MATCH (r:Region) DETACH DELETE r")
    assert app.error and "Refused" in app.error[0].value
    _run_cypher(app, "MATCH (r:Region {id: 'region:wuxing'}) SET r.name = 'X' RETURN r")
    assert app.error and "Refused" in app.error[0].value
    _run_cypher(app, "MATCH (n) RETURN count(n) AS n")
    assert not app.error and frames(app)[-1]["n"][0] == before == 22 + 1  # (+ the PlangraphMeta node: the format)
    _run_cypher(app, "MATCH (r:Region {id: 'region:wuxing'}) RETURN r.name AS name")
    assert list(frames(app)[-1]["name"]) == ["吴兴区"]


def test_console_page_shows_refusals_of_file_reads_and_second_statements(app, tmp_path):
    """Issue 12: the page shows the refusal, never a traceback, and the file is never read."""
    canary = tmp_path / "c.csv"
    canary.write_text("CANARY-app-page\n")
    goto(app, "cypher")
    for cypher, word in ((f"LOAD FROM '{canary}' (file_format='csv', header=false) RETURN *", "LOAD"),
                         ("RETURN 1; MATCH (n:Plan) DETACH DELETE n", "one statement"),
                         ("SHOW TRANSACTIONS", "SHOW"),
                         ("RETURN 1 //\nMATCH (n) DETACH DELETE n", "DETACH")):
        _run_cypher(app, cypher)
        assert app.error and app.error[0].value.startswith("Refused") and word in app.error[0].value, cypher
        assert "CANARY-app-page" not in app.error[0].value and "Traceback" not in app.error[0].value
    _run_cypher(app, "MATCH (p:Plan) RETURN count(p) AS n")
    assert not app.error and frames(app)[-1]["n"][0] == 2
    _run_cypher(app, "RETURN $n AS n", '{"n": 99999999999999999999}')
    assert app.error and "64-bit" in app.error[0].value


def test_console_reports_cypher_and_parameter_errors(app):
    goto(app, "cypher")
    _run_cypher(app, "MATCH (n RETURN n")
    assert app.error and app.error[0].value.startswith("Cypher error")
    _run_cypher(app, "MATCH (n) RETURN n.id LIMIT 1", "{not json")
    assert app.error and "not valid JSON" in app.error[0].value
    _run_cypher(app, "MATCH (n) RETURN n.id LIMIT 1", "[1, 2]")
    assert app.error and "JSON object" in app.error[0].value


def test_console_shows_truncation(app):
    goto(app, "cypher")
    _run_cypher(app, "UNWIND range(1, 1500) AS x RETURN x")
    assert len(frames(app)[-1]) == 1000
    assert any("Truncated" in w.value for w in app.warning)


def test_console_loads_a_named_query(app):
    goto(app, "cypher")
    names = widget(app.selectbox, "cy_pick").options
    assert any(o.startswith("indicator_targets — Targets of one indicator") for o in names)
    widget(app.selectbox, "cy_pick").set_value("indicator_targets").run()
    widget(app.button, "cy_load").click().run()
    assert "MATCH (t:Target)-[:MEASURES]->(i:Indicator)" in widget(app.text_area, "cy_text").value
    assert widget(app.text_area, "cy_params").value == '{"indicator": ""}'
    widget(app.text_area, "cy_params").input('{"indicator": "indicator:childcare-places"}')
    widget(app.button, "cy_run").click().run()
    assert set(frames(app)[-1]["region"]) == {"吴兴区", "扬州市"}


# --- every page, one after another, on one session -------------------------------------------

def test_switching_through_every_page(app):
    for page, title in [("compare", "Compare regions"), ("policies", "Policies"), ("graph", "Graph neighbourhood"),
                        ("agencies", "Agencies"), ("cypher", "Cypher console"), ("overview", "Plangraph")]:
        goto(app, page)
        assert app.title[0].value == title


# --- escaping ------------------------------------------------------------------------------

def test_hostile_text_is_escaped_in_graph_and_highlight(monkeypatch, hostile_db):
    at = _app(monkeypatch, hostile_db)
    goto(at, "graph")
    widget(at.selectbox, "g_label").set_value("Policy").run()
    widget(at.selectbox, "g_start").set_value("policy:evil:m-0").run()
    widget(at.slider, "g_depth").set_value(2).run()
    page = _iframe(at)
    assert "onerror=alert(1)" in page  # the text is there ...
    assert XSS not in page and "<img" not in page  # ... but never as markup
    goto(at, "policies")
    widget(at.selectbox, "pol_region").set_value(f"{XSS} Evil").run()
    assert widget(at.selectbox, "pol_measure").value == "policy:evil:m-0"
    bodies = [h.proto.body for h in at.get("html")]
    card = [b for b in bodies if "line-height" in b][0]
    assert XSS not in card and "<img" not in card
    assert html.escape(XSS) in card
    assert ">补贴</mark>" in card  # the evidence is still located after the hostile prefix


# --- the same app on Neo4j ------------------------------------------------------------------

def test_overview_compare_and_console_on_neo4j(monkeypatch, neo4j_store, tmp_path):
    neo4j_store.write(comparison_graph())
    # PLANGRAPH_DB is unused by Neo4j but part of the cache key: a fresh one keeps earlier results out
    at = _app(monkeypatch, str(tmp_path / "unused"), store="neo4j")
    assert any("Neo4j at " in m.value for m in at.markdown)
    assert set(frames(at)[0]["region"]) == {"浙江省", "湖州市", "吴兴区", "扬州市"}
    goto(at, "compare")
    assert {"吴兴区", "扬州市"} <= set(frames(at)[0].columns)  # the matrix runs on Neo4j too
    assert set(frames(at)[1]["region"]) == {"吴兴区", "扬州市"}
    goto(at, "cypher")
    _run_cypher(at, "CREATE (r:Region {id: 'region:x', name: 'X'}) RETURN r.id")
    assert at.error and "Refused" in at.error[0].value
    _run_cypher(at, "MATCH (r:Region) RETURN count(r) AS n")
    assert frames(at)[-1]["n"][0] == 4


def test_unreachable_neo4j_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    monkeypatch.setenv("PLANGRAPH_STORE", "neo4j")
    monkeypatch.setenv("PLANGRAPH_DB", str(tmp_path / "unused"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("Cannot open the graph store" in e.value and "Neo4j" in e.value for e in at.error)


def test_overview_offers_the_whole_graph_as_rdf(app):
    assert "ov_rdf_download" not in downloads(app)
    app.button(key="ov_rdf_prepare").click().run()
    assert not app.exception
    assert "ov_rdf_download" in downloads(app)


def test_rdf_bytes_parse_back_with_the_fixture_nodes(tmp_path):
    from rdflib import Graph

    from graph.embedded_store import EmbeddedStore
    from ontology.rdf_export import serialize

    with EmbeddedStore(tmp_path / "g.lbug") as s:
        s.ensure_schema()
        s.write(comparison_graph())
        ttl = serialize(s.dump(), "ttl")
        jsonld = serialize(s.dump(), "jsonld")
    g = Graph().parse(data=ttl.decode("utf-8"), format="turtle")
    assert len(g) > 100
    assert "吴兴区" in ttl.decode("utf-8")
    assert len(Graph().parse(data=jsonld.decode("utf-8"), format="json-ld")) == len(g)
