"""Memory of one very large plan (issue 12; the figures are in bench/bench_memory.py, not here): the
changes that cut the peak keep every result, and skip no work that has a result."""
from __future__ import annotations

import pipeline.build as pb
from pipeline.build import build
from tests.test_build_inputs import JUNK
from tests.test_rebuild import _diff, write_folder


def test_a_lone_plan_gets_no_lexical_vectors_and_its_first_counterpart_links_as_fresh(embedded_store, tmp_path,
                                                                                     monkeypatch):
    from graph.embedded_store import EmbeddedStore

    made: list[str] = []
    real = pb.plan_vectors

    def counting(policies, plan_id=None, token_cache=None):
        made.append(plan_id)
        return real(policies, plan_id, token_cache)

    monkeypatch.setattr(pb, "plan_vectors", counting)
    folder, cache = tmp_path / "plans", tmp_path / "cache"
    write_folder(folder, {"yangzhou.txt": "yangzhou.txt"})
    r1 = build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=cache)
    assert not r1.failed and r1.similar_links == 0
    assert made == [], "a plan with no other plan to be linked to needs no vectors"
    (prod,) = [pb.PlanCache(cache / "plans").load(pb.content_hash(folder / "yangzhou.txt", e))
               for e in [pb.scan_plans(folder)[0][0].meta]]
    assert prod is not None and prod.vectors is None and prod.policies

    write_folder(folder, {"yangzhou.txt": "yangzhou.txt", "jiaxing.txt": "jiaxing.txt"})
    r2 = build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=cache)
    assert not r2.failed and r2.similar_links > 0
    assert sorted(made) == sorted(p.plan_id for p in r2.plans), "both plans' vectors made once there is a pair"
    with EmbeddedStore(tmp_path / "fresh.lbug") as other:
        assert not build(folder, other, similarity="lexical", progress=False, cache_dir=None).failed
        fresh = other.dump()
    inc = embedded_store.dump()
    assert inc == fresh, _diff(inc, fresh)


def test_a_plan_over_the_isolation_size_is_parsed_in_a_child_process_with_the_same_store(embedded_store, tmp_path,
                                                                                       monkeypatch):
    """A plan file of ``isolate_bytes`` or more is parsed and mapped in a spawned child (its fragmented
    heap goes back when it exits) and handed back: the store is the one an in-process build gives,
    and a bad file still fails alone with the same message."""
    from graph.embedded_store import EmbeddedStore

    folder = tmp_path / "plans"
    write_folder(folder, {"yangzhou.txt": "yangzhou.txt", "jiaxing.txt": "jiaxing.txt", "junk.txt": "jiaxing.txt"},
                 texts={"junk.txt": JUNK})
    with EmbeddedStore(tmp_path / "inproc.lbug") as other:
        r0 = build(folder, other, similarity="lexical", progress=False, cache_dir=None, isolate_bytes=0)
        inproc = other.dump()
    assert [p.file for p in r0.failed] == ["junk.txt"]

    def not_here(*a, **k):  # the parent must not parse: the child is a fresh interpreter, unpatched
        raise AssertionError("parsed in the parent")

    monkeypatch.setattr(pb, "map_plan", not_here)
    r1 = build(folder, embedded_store, similarity="lexical", progress=False, cache_dir=None, isolate_bytes=1)
    assert [(p.file, p.error) for p in r1.failed] == [(p.file, p.error) for p in r0.failed]
    assert "no plan text found" in r1.failed[0].error
    assert [(p.plan_id, p.nodes, p.relationships) for p in r1.plans] == \
        [(p.plan_id, p.nodes, p.relationships) for p in r0.plans]
    assert r1.similar_links == r0.similar_links > 0
    iso = embedded_store.dump()
    assert iso == inproc, _diff(iso, inproc)


def test_a_plan_parsed_in_a_child_at_its_turn_gives_the_records_of_one_parsed_here(tmp_path):
    """The build's other isolated path (a large plan not parsed before the build began, e.g. unchanged
    but missing from the plan cache): map_plan_isolated hands back what plan_products makes."""
    folder = tmp_path / "plans"
    write_folder(folder, {"yangzhou.txt": "yangzhou.txt"})
    (entry,), _ = pb.scan_plans(folder)
    prod, records = pb.map_plan_isolated(entry.path, entry.meta, "digest")
    prod0, records0 = pb.plan_products(entry.path, entry.meta, "digest")
    assert records.nodes == records0.nodes and records.relationships == records0.relationships
    assert (prod.plan_id, prod.counts, prod.characters, prod.policies) == \
        (prod0.plan_id, prod0.counts, prod0.characters, prod0.policies)
    assert not list(tmp_path.glob("**/*.pkl"))


def test_the_hand_back_in_batches_keeps_the_shared_objects_of_one_parse(tmp_path, monkeypatch):
    """write_products pickles the records in batches (one dump each, so that no pickler memo holds
    every record at once); read back, the products' shared records are the records' own objects and a
    relationship's ends are its nodes' id strings, as in the child, not copies."""
    folder = tmp_path / "plans"
    write_folder(folder, {"yangzhou.txt": "yangzhou.txt"})
    (entry,), _ = pb.scan_plans(folder)
    prod0, records0 = pb.plan_products(entry.path, entry.meta, "digest")
    monkeypatch.setattr(pb, "_DUMP_BATCH", 7)
    assert len(records0.nodes) > 3 * 7
    pb.write_products(prod0, records0, tmp_path / "p.pkl")
    prod, records = pb._load_products(tmp_path / "p.pkl")
    assert not (tmp_path / "p.pkl").exists()
    assert records.nodes == records0.nodes and records.relationships == records0.relationships
    assert prod.shared.nodes == prod0.shared.nodes and prod.shared.relationships == prod0.shared.relationships
    ids = {id(n) for n in records.nodes}
    assert prod.shared.nodes and all(id(n) in ids for n in prod.shared.nodes)
    by_id = {n.id: n.id for n in records.nodes}
    ends = [r.start for r in records.relationships if r.start in by_id]
    assert ends and all(e is by_id[e] for e in ends)


def test_a_child_that_dies_without_an_error_fails_its_plan_with_its_exit_status(tmp_path, monkeypatch):
    """The child is a plain ``python -m pipeline.parse_child``; one killed (out of memory, a crash)
    leaves no pickled error: the plan fails with the exit status, nothing is left behind."""
    import subprocess

    import pytest

    real = subprocess.run

    def killed(cmd, **kw):
        assert cmd[1:3] == ["-m", "pipeline.parse_child"]
        return real([cmd[0], "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"], **kw)

    monkeypatch.setattr(subprocess, "run", killed)
    folder = tmp_path / "plans"
    write_folder(folder, {"yangzhou.txt": "yangzhou.txt"})
    (entry,), _ = pb.scan_plans(folder)
    with pytest.raises(RuntimeError, match=r"yangzhou.txt in a child process failed \(exit status -9\)"):
        pb.map_plan_isolated(entry.path, entry.meta, "digest")


def test_a_fresh_build_parses_its_large_plans_before_it_opens_the_store(tmp_path, monkeypatch):
    """``build --fresh``: nothing stored can be unchanged, so the large plans are parsed in their child
    processes before the store is opened (the waiting build holds no database beside them); the build
    then writes what they handed back, and parses nothing itself."""
    import graph.embedded_store as es
    from pipeline.cli import main

    events: list[str] = []
    real_child, real_init = pb._parse_in_child, es.EmbeddedStore.__init__

    def child(*a, **k):
        events.append("child")
        return real_child(*a, **k)

    def init(self, *a, **k):
        events.append("open")
        return real_init(self, *a, **k)

    def not_here(*a, **k):
        raise AssertionError("parsed in the parent")

    monkeypatch.setattr(pb, "_parse_in_child", child)
    monkeypatch.setattr(es.EmbeddedStore, "__init__", init)
    monkeypatch.setattr(pb, "ISOLATE_PARSE_BYTES", 1)
    monkeypatch.setattr(pb, "map_plan", not_here)
    folder = tmp_path / "plans"
    write_folder(folder, {"yangzhou.txt": "yangzhou.txt", "jiaxing.txt": "jiaxing.txt"})
    assert main(["build", "--plans", str(folder), "--fresh", "--similarity", "lexical", "--quiet",
                 "--db", str(tmp_path / "s.lbug")]) == 0
    assert events == ["child", "child", "open"]
