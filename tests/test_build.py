"""The whole pipeline on the seed plans: same graph on both stores, idempotent, failures isolated."""
import json
import shutil
import subprocess
import sys

import pytest

from pipeline.build import build
from tests.conftest import PLANS, ROOT


@pytest.fixture(scope="module")
def embedded_built(tmp_path_factory):
    from graph.embedded_store import EmbeddedStore

    path = tmp_path_factory.mktemp("built") / "graph.lbug"
    store = EmbeddedStore(path)
    report = build(PLANS, store, similarity="lexical", progress=False)
    yield store, report, path
    store.close()


def test_every_seed_builds(embedded_built):
    _, report, _ = embedded_built
    assert [p.error for p in report.plans] == [None] * 5
    assert report.similarity_method == "lexical" and report.similar_links > 0
    assert all(p.plan_id and p.plan_id.startswith("plan:") for p in report.plans)


def test_plans_link_to_regions_with_levels_and_parents(embedded_built):
    store, _, _ = embedded_built
    rows = store.query("plans_overview").records()
    assert len(rows) == 5
    assert {r["level"] for r in rows} == {"province", "prefecture", "county"}
    regions = {r["region"]: r for r in store.query("regions").records()}
    county = [r for r in regions.values() if r["level"] == "county"]
    assert county and all(r["parent"] for r in county)


def test_build_twice_changes_nothing(embedded_built):
    store, _, _ = embedded_built
    before = store.dump()
    build(PLANS, store, similarity="lexical", progress=False)
    assert store.dump() == before


def test_same_build_same_dump_on_both_stores(embedded_built, neo4j_store):
    emb, _, _ = embedded_built
    report = build(PLANS, neo4j_store, similarity="lexical", progress=False)
    assert not report.failed
    a, b = emb.dump(), neo4j_store.dump()
    assert len(a["nodes"]) == len(b["nodes"]) and len(a["relationships"]) == len(b["relationships"])
    assert a == b
    _every_query_agrees(emb, neo4j_store)


def _one(store, cypher):
    return store.read(cypher).rows[0][0]


def _every_query_agrees(emb, neo):
    """Every named query, on the real seed graph, gives the same rows on both stores."""
    from graph.queries import all_queries
    from tests.test_queries import _normalise

    args = {
        "indicator_targets": {"indicator": _one(emb, "MATCH (i:Indicator)<-[:MEASURES]-(:Target) RETURN i.id ORDER BY i.id LIMIT 1")},
        "similar_measures": {"policy": _one(emb, "MATCH (p:Policy)-[:SIMILAR_TO]-() RETURN p.id ORDER BY p.id LIMIT 1")},
        "policy_evidence": {"policy": _one(emb, "MATCH (p:Policy)-[:LED_BY]->() RETURN p.id ORDER BY p.id LIMIT 1")},
        "neighbourhood": {"ids": [_one(emb, "MATCH (r:Region) RETURN r.id ORDER BY r.id LIMIT 1")]},
    }
    for name in all_queries():
        a = emb.query(name, args.get(name, {}))
        b = neo.query(name, args.get(name, {}))
        assert a.rows, f"{name} returned no rows on the seed graph"
        assert sorted(map(repr, _normalise(a.rows))) == sorted(map(repr, _normalise(b.rows))), name


def test_a_failed_plan_leaves_the_store_as_it_was(tmp_path):
    from graph.embedded_store import EmbeddedStore

    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "wuxi.txt", plans / "wuxi.txt")
    meta = (PLANS / "plans.toml").read_text(encoding="utf-8")
    wuxi_entry = meta[meta.index('[[plan]]\nfile = "wuxi.txt"'):]
    (plans / "plans.toml").write_text(wuxi_entry, encoding="utf-8")
    with EmbeddedStore(tmp_path / "g.lbug") as store:
        assert not build(plans, store, similarity="none", progress=False).failed
        before = store.dump()
        (plans / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
        (plans / "plans.toml").write_text(
            wuxi_entry + '\n[[plan]]\nfile = "broken.txt"\nregion = "某市"\nregion_en = "Somecity"\nlevel = "prefecture"\n',
            encoding="utf-8")
        report = build(plans, store, similarity="none", progress=False)
        failed = report.failed
        assert [p.file for p in failed] == ["broken.txt"]
        assert "broken.txt" in failed[0].error
        assert store.dump() == before


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**__import__("os").environ, "HF_HUB_OFFLINE": "1"})


def test_cli_build_dump_query_parse_export(tmp_path):
    db = tmp_path / "cli.lbug"
    res = run_cli("build", "--db", str(db), "--similarity", "lexical", "--quiet")
    assert res.returncode == 0, res.stderr
    assert "built 5/5 plans" in res.stdout and "lexical" in res.stdout

    out = tmp_path / "dump.json"
    assert run_cli("dump", "--db", str(db), "--out", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"nodes", "relationships"}
    ids = {n["id"] for n in data["nodes"]}
    assert all({"type", "start", "end", "properties"} <= set(r) for r in data["relationships"])
    assert all(r["start"] in ids and r["end"] in ids for r in data["relationships"])

    listing = run_cli("query", "--list")
    assert listing.returncode == 0 and "indicator_targets" in listing.stdout
    q = run_cli("query", "plans_overview", "--db", str(db), "--format", "json")
    assert q.returncode == 0, q.stderr
    assert len(json.loads(q.stdout)) == 5
    bad = run_cli("query", "indicator_targets", "--db", str(db))
    assert bad.returncode == 2 and "indicator" in bad.stderr

    p = run_cli("parse", str(PLANS / "wuxi.txt"))
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert {"meta", "text", "original", "sections", "measures", "tables", "dropped", "repairs"} <= set(doc)


def test_cli_reports_a_missing_database_clearly(tmp_path):
    res = run_cli("query", "plans_overview", "--db", str(tmp_path / "nope.lbug"))
    assert res.returncode == 2 and "build it first" in res.stderr
