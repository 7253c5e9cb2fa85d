"""Target extraction scored against gold: the seeds, the tuning documents of ../shared/corpus (gold by the
targets engineer) and the held-out ones (gold by the annotator). Thresholds sit a little below what
bench/eval_targets.py measured when they were set (bench/results/eval_targets.json), so a change that
loses targets, years or the historic/target distinction fails here."""
from __future__ import annotations

import os

import pytest

from bench import eval_targets

# split -> minimum precision, recall, year accuracy, historic/target accuracy
BARS = {
    "seeds": (0.98, 0.98, 0.97, 0.97),
    "tuning": (0.96, 0.96, 0.97, 0.97),
    "heldout": (0.66, 0.63, 0.87, 0.92),
}


def _corpus_or_skip(split: str) -> None:
    if split == "seeds":
        return
    if not eval_targets.CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{eval_targets.CORPUS} is absent under CI")
        pytest.skip(f"{eval_targets.CORPUS} is absent (the shared corpus sits beside the clone)")
    if not eval_targets.corpus_gold(split):
        pytest.skip(f"no {split} targets gold in {eval_targets.CORPUS_GOLD}")


@pytest.mark.parametrize("split", list(BARS))
def test_targets_against_gold(split):
    _corpus_or_skip(split)
    total = eval_targets.evaluate(split)["total"]
    p, r, y, k = BARS[split]
    assert total["precision"] >= p, total
    assert total["recall"] >= r, total
    assert total["year_accuracy"] is None or total["year_accuracy"] >= y, total
    assert total["kind_accuracy"] is None or total["kind_accuracy"] >= k, total


def test_tuning_gold_files_carry_the_header_fields():
    if not eval_targets.CORPUS_GOLD.is_dir():
        pytest.skip("no corpus gold")
    for stem, gold in eval_targets.corpus_gold("tuning"):
        for key in ("plan", "split", "region", "region_en", "level", "province", "annotator_notes", "targets"):
            assert key in gold, (stem, key)
        for t in gold["targets"]:
            assert t["year_source"] in ("sentence", "block", "table_header", "plan_period", "none"), (stem, t)
            assert t["kind"] in ("target", "historic", "baseline", "coverage", "standard", "annual", "qualitative"), (stem, t)
