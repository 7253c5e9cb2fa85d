"""map_document over the five real seeds (parsed by loaders.parse_plan): hand-checked facts from reading them."""
from __future__ import annotations

from pathlib import Path

import pytest

from linking.similarity import link_similar
from model.records import merge_all
from ontology.mapping import map_document, policy_texts
from ontology.schema import load_schema

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
SEEDS = ("jiaxing", "yangzhou", "ningxia", "wuxing", "wuxi")


@pytest.fixture(scope="module")
def docs():
    loaders = pytest.importorskip("loaders")
    return {s: loaders.parse_plan(PLANS / f"{s}.txt") for s in SEEDS}


@pytest.fixture(scope="module")
def mapped(docs):
    return {s: map_document(d) for s, d in docs.items()}


def targets(rec, indicator=None):
    meas = {r.start: r.end for r in rec.relationships if r.type == "MEASURES"}
    out = []
    for n in rec.nodes:
        if n.label == "Target" and (indicator is None or meas.get(n.id) == f"indicator:{indicator}"):
            out.append(n.properties)
    return out


def has(rec, indicator, value, unit=None, year=None, **extra):
    for p in targets(rec, indicator):
        if p["value"] == value and (unit is None or p["unit"] == unit) and (year is None or p["year"] == year) \
                and all(p.get(k) == v for k, v in extra.items()):
            return True
    return False


def test_schema_evidence_and_speed(docs, mapped):
    schema = load_schema()
    for s, rec in mapped.items():
        text = docs[s].text
        for n in rec.nodes:
            nt = schema.node(n.label)
            assert set(n.properties) <= set(nt.properties), (n.label, set(n.properties) - set(nt.properties))
            p = n.properties
            if p.get("quote") is not None:
                assert text[p["span_start"]:p["span_end"]] == p["quote"], (s, n.id)
        for r in rec.relationships:
            schema.check_pair(r.type, r.start_label, r.end_label)
            p = r.properties
            if p.get("quote") is not None and r.type != "LED_BY" and r.type != "INVOLVES":
                assert text[p["span_start"]:p["span_end"]] == p["quote"], (s, r)


def positional(doc, rec) -> dict[str, str]:
    """Policy id -> the loader's positional measure id (m-1, m-2, ...), in text order."""
    pols = sorted((n for n in rec.nodes if n.label == "Policy"), key=lambda n: n.properties["span_start"])
    by_start = {m.start: m.id for m in doc.measures}
    return {p.id: by_start[p.properties["span_start"]] for p in pols}


def test_yangzhou_goals_and_agencies(mapped, docs):
    yz = mapped["yangzhou"]
    pos = positional(docs["yangzhou"], yz)
    assert has(yz, "childcare_places_per_1000", 4.5, "个", 2025)
    assert has(yz, "vocational_skills_training", 20.0, "万人次", 2025, value_norm=200000.0)
    assert has(yz, "sports_ground_area_per_capita", 3.3, "平方米", 2025)
    assert has(yz, "inclusive_kindergarten_coverage", 90.0, "%", 2025, comparator=">=")
    values = {p["value"] for p in targets(yz)}
    assert 80.0 not in values and 2022.0 not in values and 323.0 not in values  # doc number, year, “323+1”
    names = {n.id: n.properties["name"] for n in yz.nodes if n.label == "Agency"}
    led = {(pos[r.start], names[r.end]) for r in yz.relationships if r.type == "LED_BY"}
    assert {("m-1", "扬州市发改委"), ("m-1", "扬州市财政局"), ("m-9", "扬州市人社局"), ("m-19", "扬州市财政局")} <= led
    fn = {n.properties["name"]: n.properties["function"] for n in yz.nodes if n.label == "Agency"}
    assert fn["扬州市民政局"] == "civil_affairs" and fn["扬州市自规局"] == "natural_resources_planning"
    assert fn["扬州市总工会"] == "trade_union" and fn["扬州市残联"] == "disabled_persons_federation"


def test_wuxing_table_rows_with_baselines(mapped):
    wx = mapped["wuxing"]
    assert has(wx, "childcare_places_per_1000", 4.6, "个", 2025, baseline_value=2.5, baseline_year=2020)
    assert has(wx, "nursing_bed_share", 58.0, "%", 2025, baseline_value=55.5)
    assert has(wx, "urban_registered_unemployment", 3.0, "%", 2025, comparator="<=", baseline_value=3.5)
    assert has(wx, "urban_rural_income_ratio", 1.63, "ratio", 2025, baseline_value=1.66)


def test_ningxia_and_wuxi_and_jiaxing(mapped):
    nx, wu, jx = mapped["ningxia"], mapped["wuxi"], mapped["jiaxing"]
    assert has(nx, "doctor_nurse_ratio", 1.2, "ratio", 2025)
    assert has(nx, "nursing_bed_share", 60.0, "%", 2025)
    assert has(nx, "sports_ground_area_per_capita", 3.15, "平方米", 2025)
    assert has(nx, "gps_per_10000", 3.93, "人", 2025)
    assert has(wu, "lottery_fund_elderly_share", 55.0, "%", comparator=">=")
    park = [p for p in targets(wu) if p["value"] == 2.0 and p["value_max"] == 3.0]
    assert park and all(p["year"] == 2027 and p["comparator"] == "range" for p in park)
    assert has(jx, "sports_industry_output", 500.0, "亿元", 2025, comparator=">")
    names = {n.id: n.properties["name"] for n in wu.nodes if n.label == "Agency"}
    assert "无锡市民政局" in names.values() and "无锡市卫生健康委" in names.values()


def test_same_indicator_is_one_node_across_places(mapped):
    merged = merge_all(mapped.values())
    meas = {}
    plan_of = {n.id: n.properties.get("plan_id") for n in merged.nodes if n.label == "Target"}
    for r in merged.relationships:
        if r.type == "MEASURES":
            meas.setdefault(r.end, set()).add(plan_of[r.start].split(":")[1])
    assert {"yangzhou", "wuxing", "ningxia"} <= meas["indicator:childcare_places_per_1000"]
    assert {"yangzhou", "wuxing", "ningxia"} <= meas["indicator:sports_ground_area_per_capita"]
    assert {"ningxia", "wuxing"} <= meas["indicator:nursing_bed_share"]


def test_seed_counterparts_linked(docs):
    pols = [t for d in docs.values() for t in policy_texts(d)]
    rels, used = link_similar(pols, method="lexical")
    title = {p.id: p.title for p in pols}
    pairs = {frozenset((title[r.start], title[r.end])) for r in rels}
    assert frozenset(("提高养老服务水平", "高质量提升养老助老服务供给水平")) in pairs
    assert frozenset(("实施职业技能提升行动", "开展大规模职业技能培训")) in pairs
    for r in rels:
        assert r.start.split(":")[1] != r.end.split(":")[1]


def test_seeds_export_validates(docs, mapped):
    from ontology.rdf_export import records_to_dump, to_rdf, validate

    merged = merge_all(mapped.values())
    rels, _ = link_similar([t for d in docs.values() for t in policy_texts(d)], method="lexical")
    merged.relationships.extend(rels)
    ok, report = validate(to_rdf(records_to_dump(merged)))
    assert ok, report[:3000]
