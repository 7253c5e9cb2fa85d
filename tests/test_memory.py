"""Memory of one very large plan (issue 12; the figures are in bench/bench_memory.py, not here): the
changes that cut the peak keep every result, and skip no work that has a result."""
from __future__ import annotations

import pipeline.build as pb
from pipeline.build import build
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
