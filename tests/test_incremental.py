"""Incremental builds and the batched write path (issue 14, deliver 2 and 3).

A build writes only new or changed plans (content hash of the file, its plans.toml entry and the
build version, stored on the Plan node), removes plans whose files left, and links the new
measures against the stored ones, ending where a fresh build of the whole folder ends. The
embedded store writes many plans in one transaction; a plan that fails there fails alone."""
from __future__ import annotations

import pytest

import pipeline.build as pb
from pipeline.build import build
from tests.test_rebuild import _diff, edited_yangzhou, write_folder

A = {"jiaxing.txt": "jiaxing.txt", "yangzhou.txt": "yangzhou.txt"}
AB = {**A, "ningxia.txt": "ningxia.txt", "wuxi.txt": "wuxi.txt"}


def _written(report) -> set[str]:
    return {p.file for p in report.plans if p.plan_id and not p.unchanged}


def incremental_equals_fresh(store, tmp_path, fresh_dump_of):
    folder = tmp_path / "plans"
    cache = tmp_path / "cache"
    write_folder(folder, A)
    r1 = build(folder, store, similarity="lexical", progress=False, cache_dir=cache)
    assert not r1.failed and _written(r1) == set(A)

    write_folder(folder, AB)  # B added
    r2 = build(folder, store, similarity="lexical", progress=False, cache_dir=cache)
    assert not r2.failed and not r2.aborted
    assert _written(r2) == {"ningxia.txt", "wuxi.txt"}, "unchanged plans must be neither parsed nor written"
    assert "parse" in r2.timings and r2.similar_links > 0
    inc = store.dump()
    # new measures are linked to measures of the plans already stored
    new_pols = {p.plan_id for p in r2.plans if p.file in ("ningxia.txt", "wuxi.txt")}
    old_pols = {p.plan_id for p in r2.plans if p.file in A}
    plan_of = {n["id"]: n["properties"]["plan_id"] for n in inc["nodes"] if n["label"] == "Policy"}
    cross = [r for r in inc["relationships"] if r["type"] == "SIMILAR_TO"
             and {plan_of[r["start"]] in new_pols, plan_of[r["end"]] in new_pols} == {True, False}]
    assert cross and all(plan_of[r["start"]] in old_pols | new_pols for r in cross)

    fresh = fresh_dump_of(folder)
    assert inc == fresh, _diff(inc, fresh)

    # nothing changed: nothing written, same store
    r3 = build(folder, store, similarity="lexical", progress=False, cache_dir=cache)
    assert _written(r3) == set() and "parse" not in r3.timings
    assert store.dump() == fresh

    # one plan edited, one removed: only the edited one is written, and the result is a fresh build's
    write_folder(folder, {k: v for k, v in AB.items() if k != "ningxia.txt"},
                 texts={"yangzhou.txt": edited_yangzhou()})
    r4 = build(folder, store, similarity="lexical", progress=False, cache_dir=cache)
    assert _written(r4) == {"yangzhou.txt"}
    assert [src for _, src, _ in r4.removed] == ["ningxia.txt"]
    inc = store.dump()
    fresh = fresh_dump_of(folder)
    assert inc == fresh, _diff(inc, fresh)
    hashes = [n["properties"].get("content_hash") for n in inc["nodes"] if n["label"] == "Plan"]
    assert len(hashes) == 3 and all(h and len(h) == 64 for h in hashes)


def test_incremental_build_equals_fresh_embedded(embedded_store, tmp_path):
    from graph.embedded_store import EmbeddedStore

    def fresh(folder):
        path = tmp_path / f"fresh{len(list(tmp_path.glob('fresh*')))}.lbug"
        with EmbeddedStore(path) as other:
            assert not build(folder, other, similarity="lexical", progress=False, cache_dir=None).failed
            return other.dump()

    incremental_equals_fresh(embedded_store, tmp_path, fresh)


def test_incremental_build_equals_fresh_neo4j(neo4j_store, tmp_path):
    from graph.embedded_store import EmbeddedStore

    def fresh(folder):  # the embedded store's fresh build: both stores give the same dump
        path = tmp_path / f"fresh{len(list(tmp_path.glob('fresh*')))}.lbug"
        with EmbeddedStore(path) as other:
            assert not build(folder, other, similarity="lexical", progress=False, cache_dir=None).failed
            return other.dump()

    incremental_equals_fresh(neo4j_store, tmp_path, fresh)


def test_a_code_or_vocabulary_change_rebuilds_every_plan(embedded_store, tmp_path, monkeypatch):
    folder = tmp_path / "plans"
    write_folder(folder, A)
    build(folder, embedded_store, similarity="none", progress=False, cache_dir=tmp_path / "c")
    before = embedded_store.dump()
    monkeypatch.setattr(pb, "_VERSION", ["another-version"])
    r = build(folder, embedded_store, similarity="none", progress=False, cache_dir=tmp_path / "c")
    assert _written(r) == set(A)
    after = embedded_store.dump()
    strip = [{**n, "properties": {k: v for k, v in n["properties"].items() if k != "content_hash"}}
             for n in after["nodes"]]
    assert strip == [{**n, "properties": {k: v for k, v in n["properties"].items() if k != "content_hash"}}
                     for n in before["nodes"]]


def test_a_plan_that_fails_inside_a_batch_fails_alone(store, tmp_path, monkeypatch):
    """Several plans go in one transaction on either store; a record the store refuses rolls the
    batch back, the plans are written again one by one, and only the bad one fails (its stored
    version, if any, stays)."""
    folder = tmp_path / "plans"
    write_folder(folder, AB)
    assert store.plan_batch_records > 1000
    real = pb.map_plan

    def poisoned(path, meta=None):
        doc, records = real(path, meta)
        if path.name == "wuxi.txt":
            pol = next(n for n in records.nodes if n.label == "Policy")
            pol.properties["span_start"] = "not a number"
        return doc, records

    monkeypatch.setattr(pb, "map_plan", poisoned)
    report = build(folder, store, similarity="none", progress=False, cache_dir=None)
    assert [p.file for p in report.failed] == ["wuxi.txt"]
    assert "span_start" in report.failed[0].error
    monkeypatch.setattr(pb, "map_plan", real)
    got = store.dump()
    store.clear()
    write_folder(tmp_path / "good", {k: v for k, v in AB.items() if k != "wuxi.txt"})
    build(tmp_path / "good", store, similarity="none", progress=False, cache_dir=None)
    good = store.dump()
    for n in got["nodes"]:  # the folder differs (wuxi.txt is listed): compare what the plans hold
        n["properties"].pop("content_hash", None)
    for n in good["nodes"]:
        n["properties"].pop("content_hash", None)
    assert got == good, _diff(got, good)


@pytest.mark.parametrize("n", [1, 3])
def test_batched_and_one_plan_writes_give_the_same_store(store, tmp_path, monkeypatch, n):
    """Plans written together (several in one transaction) and plans written one by one (a flush
    after every plan or so) end in the same store, on either backend."""
    folder = tmp_path / "plans"
    write_folder(folder, AB)
    build(folder, store, similarity="none", progress=False, cache_dir=None)
    batched = store.dump()
    store.clear()
    monkeypatch.setattr(type(store), "plan_batch_records", n)
    report = build(folder, store, similarity="none", progress=False, cache_dir=None)
    assert not report.failed
    single = store.dump()
    assert batched == single, _diff(batched, single)


def test_a_batch_of_new_plans_is_one_write(store, tmp_path, monkeypatch):
    """The point of batching: small new plans are written together, in one write of their merged
    records, not plan by plan (each statement is a round trip on Neo4j, ~25 a plan)."""
    folder = tmp_path / "plans"
    write_folder(folder, AB)
    batches: list[int] = []
    singles: list[str] = []
    cls = type(store)
    real_many, real_one = cls.replace_plans, cls.replace_plan

    def many(self, plans, *a, **k):
        batches.append(len(plans))
        return real_many(self, plans, *a, **k)

    def one(self, plan_id, *a, **k):
        singles.append(plan_id)
        return real_one(self, plan_id, *a, **k)

    monkeypatch.setattr(cls, "replace_plans", many)
    monkeypatch.setattr(cls, "replace_plan", one)
    report = build(folder, store, similarity="none", progress=False, cache_dir=None, indicators=False)
    assert not report.failed
    assert batches == [len(AB)] and singles == [], (batches, singles)


def test_the_plan_cache_is_pruned_of_plans_no_folder_uses(embedded_store, tmp_path, monkeypatch):
    """Entries of a plan that left the folder (or of an edited plan's old version) are deleted once
    no folder's last build uses them; those of another folder that still exists stay."""
    monkeypatch.setattr(pb.PlanCache, "PRUNE_AFTER_S", 0.0)
    cache = tmp_path / "cache"
    other = tmp_path / "other"
    write_folder(other, {"wuxi.txt": "wuxi.txt"})
    from graph.embedded_store import EmbeddedStore

    with EmbeddedStore(tmp_path / "o.lbug") as s:
        build(other, s, similarity="lexical", progress=False, cache_dir=cache)
    folder = tmp_path / "plans"
    write_folder(folder, AB)
    build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=cache)
    entries = lambda: {p.name for p in (cache / "plans").glob("*.pkl.z")}  # noqa: E731
    plan_entries = lambda: {n for n in entries() if not n.startswith("similarity-")}  # noqa: E731
    assert len(plan_entries()) == 4  # wuxi.txt is the same file in both folders: one entry
    assert len(entries() - plan_entries()) == 2  # one similarity index per folder
    write_folder(folder, {k: v for k, v in AB.items() if k != "ningxia.txt"},
                 texts={"yangzhou.txt": edited_yangzhou()})
    build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=cache)
    assert len(plan_entries()) == 3  # ningxia gone, yangzhou's old version gone, the edited one in
    import shutil

    shutil.rmtree(other)
    build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=cache)
    assert len(plan_entries()) == 3 and len(entries() - plan_entries()) == 1
    assert len(list((cache / "plans" / "folders").glob("*.json"))) == 1


def test_one_plan_added_is_linked_from_its_measures_alone(embedded_store, tmp_path, monkeypatch):
    """One plan added to a folder: only its measures are scored (against every stored measure; no stored
    measure searches the new plan's), the store gets the links of a fresh build of the folder."""
    from graph.embedded_store import EmbeddedStore
    from linking import similarity

    folder = tmp_path / "plans"
    cache = tmp_path / "cache"
    four = {**A, "wuxi.txt": "wuxi.txt", "wuxing.txt": "wuxing.txt"}
    write_folder(folder, four)
    assert not build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=cache).failed
    scored: list[int] = []
    real = similarity._Scorer.score
    monkeypatch.setattr(similarity._Scorer, "score", lambda self, q, cols=None: scored.extend(q.tolist()) or real(
        self, q, cols))
    monkeypatch.setattr(similarity._Scorer, "pruned", lambda *a, **k: pytest.fail("the pruned search ran"))
    write_folder(folder, {**four, "ningxia.txt": "ningxia.txt"})
    r = build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=cache)
    assert not r.failed and _written(r) == {"ningxia.txt"}
    monkeypatch.undo()
    inc = embedded_store.dump()
    new_plan = next(p.plan_id for p in r.plans if p.file == "ningxia.txt")
    new_pols = {n["id"] for n in inc["nodes"] if n["label"] == "Policy" and n["properties"]["plan_id"] == new_plan}
    assert sorted(scored) == sorted(set(scored)) and len(scored) == len(new_pols) > 0
    assert any(rel["type"] == "SIMILAR_TO" and {rel["start"], rel["end"]} & new_pols for rel in inc["relationships"])
    with EmbeddedStore(tmp_path / "fresh.lbug") as other:
        assert not build(folder, other, similarity="lexical", progress=False, cache_dir=None).failed
        fresh = other.dump()
    assert inc == fresh, _diff(inc, fresh)
