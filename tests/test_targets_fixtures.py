"""The synthetic fixture batches (tests/fixtures_targets/<batch>/, scored like the corpus) stay at their bar."""
from __future__ import annotations

from bench.eval_targets import evaluate


def test_fixture_batches_keep_their_bar():
    res = evaluate("fixtures")
    assert res["plans"] >= 4
    t = res["total"]
    assert t["precision"] >= 0.97 and t["recall"] >= 0.95, t
    assert t["year_accuracy"] >= 0.95 and t["kind_accuracy"] >= 0.95, t
