"""The explorer's plain helpers: settings, highlighting, graph model, console, views."""
from __future__ import annotations

import html
import json

import pytest

from explorer.console import params_skeleton, parse_params, run_console
from explorer.graph_view import expand, legend_html, make_node, to_pyvis_html
from explorer.highlight import Span, highlight_html, locate_spans, measure_card_html
from explorer.settings import ROOT, parse_settings
from explorer.views import ANY, bilingual, choice_map, default_indicator, heatmap_frame, region_summary, target_table
from graph.queries import get_query
from tests.graph_fixture import comparison_graph

XSS = "<img src=x onerror=alert(1)>"


# --- settings --------------------------------------------------------------------------------

def test_settings_from_args_env_and_defaults():
    s = parse_settings(["--store", "neo4j"], env={})
    assert s.store == "neo4j" and s.db == str(ROOT / "data" / "graph.lbug")
    s = parse_settings(["--db", "/x/g.lbug"], env={"PLANGRAPH_STORE": "neo4j"})
    assert (s.store, s.db) == ("neo4j", "/x/g.lbug")
    s = parse_settings(["-q", "tests", "--store", "embedded", "--db", "data/graph.lbug"], env={"PLANGRAPH_DB": "/y"})
    assert (s.store, s.db) == ("embedded", str(ROOT / "data" / "graph.lbug"))
    assert parse_settings([], env={"PLANGRAPH_DB": "/y/z.lbug"}).db == "/y/z.lbug"


# --- highlight ---------------------------------------------------------------------------------

def test_spans_relative_to_the_measure_and_drifting_offsets():
    text = "通过政府购买服务和补贴发展托育服务1。"
    ev = [{"relation": "USES_INSTRUMENT", "name": "政府购买服务", "quote": "政府购买服务", "span_start": 32},
          {"relation": "USES_INSTRUMENT", "name": "财政补贴", "quote": "补贴", "span_start": 40},  # off by one
          {"relation": "SETS_TARGET", "name": "t", "quote": "托位数", "span_start": 5},  # not in the text
          {"relation": "IN_DOMAIN", "name": "托育服务", "quote": None, "span_start": None}]
    spans, missing = locate_spans(text, 30, ev)
    assert [(s.start, s.end, text[s.start:s.end]) for s in spans] == [(2, 8, "政府购买服务"), (9, 11, "补贴")]
    assert [m["quote"] for m in missing] == ["托位数"]


def test_overlapping_spans_keep_the_first():
    spans, _ = locate_spans("发展普惠托育服务", 0, [
        {"relation": "IN_DOMAIN", "name": "a", "quote": "普惠托育", "span_start": 2},
        {"relation": "USES_INSTRUMENT", "name": "b", "quote": "托育服务", "span_start": 4}])
    assert [(s.start, s.end) for s in spans] == [(2, 6)]


def test_highlight_escapes_every_piece_of_document_text():
    text = f"前{XSS}中补贴后<script>alert(2)</script>"
    k = text.index("补贴")
    spans = [Span(k, k + 2, "USES_INSTRUMENT", XSS, "补贴"), Span(1, 1 + len(XSS), "LED_BY", '"quoted"', XSS)]
    out = highlight_html(text, spans)
    assert "<img" not in out and "<script" not in out
    assert html.escape(XSS) in out and "&lt;script&gt;alert(2)&lt;/script&gt;" in out
    assert out.count("<mark") == 2 and 'title="lead agency: &quot;quoted&quot;"' in out
    card = measure_card_html(XSS, XSS, text, spans)
    assert "<img" not in card and card.count(html.escape(XSS)) >= 3


# --- graph view --------------------------------------------------------------------------------

def _neighbours_from(rows):
    calls = []

    def fn(ids):
        calls.append(sorted(ids))
        return [r for r in rows if r["source"] in ids or r["target"] in ids]
    return fn, calls


def _row(a, al, an, t, b, bl, bn):
    return {"source": a, "source_label": al, "source_name": an, "rel_type": t, "target": b, "target_label": bl,
            "target_name": bn}


ROWS = [_row("plan:1", "Plan", "规划", "FOR_REGION", "region:1", "Region", "吴兴区"),
        _row("plan:1", "Plan", "规划", "HAS_POLICY", "policy:1", "Policy", XSS),
        _row("policy:1", "Policy", XSS, "USES_INSTRUMENT", "instrument:1", "PolicyInstrument", "补贴"),
        _row("region:1", "Region", "吴兴区", "PART_OF", "region:0", "Region", "湖州市")]


def test_expand_calls_the_query_once_per_level():
    fn, calls = _neighbours_from(ROWS)
    m = expand("region:1", "Region", "吴兴区", 3, 100, fn)
    assert calls == [["region:1"], ["plan:1", "region:0"], ["policy:1"]]
    assert set(m.nodes) == {"region:1", "plan:1", "region:0", "policy:1", "instrument:1"}
    assert len(m.edges) == 4 and m.depth_reached == 3 and not m.capped
    assert m.nodes["region:1"]["color"] == "#4e79a7" and m.nodes["region:1"]["size"] > m.nodes["plan:1"]["size"]


def test_expand_respects_depth_and_cap():
    fn, _ = _neighbours_from(ROWS)
    m = expand("region:1", "Region", "吴兴区", 1, 100, fn)
    assert set(m.nodes) == {"region:1", "plan:1", "region:0"}
    fn, _ = _neighbours_from(ROWS)
    m = expand("region:1", "Region", "吴兴区", 3, 2, fn)
    assert len(m.nodes) == 2 and m.capped
    assert all(e["source"] in m.nodes and e["to"] in m.nodes for e in m.edges)


def test_node_labels_and_titles_are_escaped_in_pyvis_html():
    fn, _ = _neighbours_from(ROWS)
    page = to_pyvis_html(expand("region:1", "Region", "吴兴区", 3, 100, fn))
    assert "onerror=alert(1)" in page and "<img" not in page
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "new vis.Network" in page
    assert "<img" not in legend_html([XSS])


def test_graph_labels_are_escaped_once():
    """Issue 12: `&lt;` was shown. The text reaches vis-network as written (it draws labels and sets
    tooltips as text), JSON-escaped once in the page, and pyvis never turns to its innerHTML tooltips."""
    import json
    import re

    name = "A<B & C's \"x\" <a href=y>z</a>"
    node = make_node("policy:1", "Policy", name)
    assert node["label"] == _short_label(name) and "&lt;" not in node["title"] and "&amp;" not in node["label"]
    model = expand("policy:1", "Policy", name, 1, 10, lambda ids: [])
    page = to_pyvis_html(model)
    data = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1)
    nodes = json.loads(data)
    assert nodes[0]["label"] == node["label"] and nodes[0]["title"].replace("\u200b", "") == f"Policy: {name}\npolicy:1"
    assert "&lt;" not in data and "&amp;" not in data and "<" not in data  # one escape: JSON's \u003c
    assert "popup.innerHTML" not in page  # the href tooltip template is never used


def _short_label(text):
    from explorer.graph_view import MAX_LABEL

    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


# --- console -----------------------------------------------------------------------------------

def test_parse_params():
    assert parse_params("") == {} and parse_params("  ") == {}
    assert parse_params('{"region": "吴兴区", "limit": 5}') == {"region": "吴兴区", "limit": 5}
    with pytest.raises(ValueError, match="not valid JSON"):
        parse_params("{region: 1}")
    with pytest.raises(ValueError, match="JSON object"):
        parse_params("[1]")


def test_params_skeleton():
    assert json.loads(params_skeleton(get_query("lead_agencies"))) == {"region": "", "regions": [], "function": "",
                                                                      "limit": 50, "region_skip": 0,
                                                                      "region_limit": 20}
    assert json.loads(params_skeleton(get_query("neighbourhood"))) == {"ids": [], "limit": 400}
    assert params_skeleton(get_query("regions")) == ""


def test_console_on_both_stores(store):
    store.write(comparison_graph())
    before = store.counts()
    out = run_console(store, "CREATE (:Region {id: 'region:new', name: 'x'})", "")
    assert out.status == "refused" and "Refused" in out.message
    out = run_console(store, "MATCH (r:Region) WHERE r.name = $n RETURN r.id AS id", '{"n": "吴兴区"}')
    assert out.status == "ok" and out.rows == [["region:wuxing"]] and out.columns == ["id"]
    out = run_console(store, "MATCH (r:Region RETURN r", "")
    assert out.status == "error" and out.message.startswith("Cypher error")
    assert run_console(store, "", "").status == "error"
    assert store.counts() == before


def test_console_on_a_read_only_database_refuses_writes(tmp_path):
    from graph.embedded_store import EmbeddedStore

    w = EmbeddedStore(tmp_path / "g.lbug")
    w.ensure_schema()
    w.write(comparison_graph())
    w.close()
    ro = EmbeddedStore(tmp_path / "g.lbug", read_only=True)
    try:
        for q in ("CREATE (:Region {id: 'x'})", "MATCH (n) DETACH DELETE n", "MATCH (r:Region) SET r.name = 'x'"):
            assert run_console(ro, q, "").status == "refused", q
        assert ro.counts()["Region"] == 4
    finally:
        ro.close()


# --- views -------------------------------------------------------------------------------------

def test_views():
    assert bilingual("托育服务", "Childcare") == "托育服务 Childcare"
    assert bilingual("托育服务", None) == "托育服务" and bilingual("x", "x") == "x"
    m = choice_map([{"id": "d:1", "name": "托育服务", "name_en": "Childcare"}], "id",
                   lambda r: bilingual(r["name"], r["name_en"]))
    assert m == {ANY: "", "托育服务 Childcare": "d:1"}
    assert default_indicator([{"regions": 1, "targets": 9}, {"regions": 3, "targets": 1}]) == 1
    assert default_indicator([]) == 0
    assert bilingual("浙江省", float("nan")) == "浙江省"
    assert region_summary({"region": "浙江省", "region_en": "Zhejiang", "level": "province", "parent": float("nan"),
                           "plans": 0}) == "**浙江省 Zhejiang** (province, 0 plans)"
    assert region_summary({"region": "吴兴区", "level": "county", "parent": "湖州市", "plans": 1}) == \
        "**吴兴区** (county, in 湖州市, 1 plan)"
    heat = heatmap_frame([{"region": "A", "domain_id": "d1", "domain": "托育服务", "domain_en": "Childcare", "measures": 2},
                          {"region": "B", "domain_id": "d2", "domain": "养老服务", "domain_en": "Elderly care",
                           "measures": 1}])
    assert len(heat) == 4 and heat["measures"].sum() == 3
    cols, rows = target_table(["plan", "region", "value", "quote"], [["p", "r", 1.0, "q"]])
    assert cols == ["region", "value", "quote", "plan"] and rows == [["r", 1.0, "q", "p"]]


def test_function_choices_come_from_the_vocabulary():
    from explorer.views import function_choices
    from ontology.vocab import agency_functions

    choices = function_choices("function: {id}")
    assert next(iter(choices.items())) == (ANY, "")
    assert set(choices.values()) - {""} == {f.id for f in agency_functions()}
    assert choices["function: civil_affairs"] == "civil_affairs"


def test_target_chart_frame_draws_chosen_regions_with_the_columns_it_shows():
    import pandas as pd

    from explorer.views import TARGET_CHART_COLUMNS, target_chart_frame

    targets = pd.DataFrame({"region": ["甲", "乙", "丙", "丙"], "value_norm": [1.0, 2.0, None, 3.0],
                            "year": [2025, None, 2025, 2030], "comparator": [">=", None, None, "<="],
                            "unit_norm": ["%"] * 4, "value": ["1", "2", "", "3"], "unit": ["%"] * 4,
                            "attribute": [None] * 4, "quote": ["a long quote"] * 4})
    plot, left_out = target_chart_frame(targets, ["丙", "丁"], 40)
    assert list(plot["target"]) == ["丙 2030 <="] and left_out == 2
    assert list(plot.columns) == TARGET_CHART_COLUMNS  # no quote: it would travel to the browser for nothing
    plot, left_out = target_chart_frame(targets, [], 2)  # none chosen: every region, capped
    assert list(plot["target"]) == ["甲 2025 >=", "乙"] and left_out == 1
    plot, _ = target_chart_frame(targets, ["丁"], 40)  # none of the chosen sets one: every region's
    assert len(plot) == 3
    assert target_chart_frame(pd.DataFrame({"region": []}), ["甲"], 40)[0].empty


def test_pyvis_graph_is_shown_after_a_bounded_stabilization():
    import json
    import re

    from explorer.graph_view import STABILIZATION_STEPS

    fn, _ = _neighbours_from(ROWS)
    page = to_pyvis_html(expand("region:1", "Region", "吴兴区", 3, 100, fn))
    options = json.loads(re.search(r"var options = (\{.*?\});\s*\n", page, re.S).group(1))
    assert options["physics"]["stabilization"]["iterations"] == STABILIZATION_STEPS < 1000
    assert options["physics"]["stabilization"]["enabled"] is True


def test_page_of_clamps_and_counts_pages():
    import pandas as pd

    from explorer.views import page_of

    df = pd.DataFrame({"a": range(250)})
    rows, pages = page_of(df, 3, 100)
    assert pages == 3 and list(rows["a"]) == list(range(200, 250))
    assert list(page_of(df, 9, 100)[0]["a"])[:1] == [200] and list(page_of(df, 0, 100)[0]["a"])[:1] == [0]
    assert page_of(df.iloc[0:0], 1, 100)[1] == 1
