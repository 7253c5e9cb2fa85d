"""Smoke tests of the public loaders API on the seed plans."""
from pathlib import Path

import pytest

from loaders import iter_plans, parse_plan

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"


def test_iter_plans_lists_all_seeds():
    names = sorted(p.name for p, _ in iter_plans(PLANS))
    assert names == ["jiaxing.txt", "ningxia.txt", "wuxi.txt", "wuxing.txt", "yangzhou.txt"]


@pytest.mark.parametrize("path,meta", iter_plans(PLANS), ids=lambda x: getattr(x, "name", ""))
def test_parse_seed_basic(path, meta):
    doc = parse_plan(path, meta)
    assert len(doc.text) == len(doc.original) > 1000
    assert doc.meta.region.name == meta["region"]
    assert doc.meta.plan_id.startswith(f"plan:{meta['region_en'].lower()}:")
    assert "\n\n" not in doc.text
    assert doc.to_json()["meta"]["plan_id"] == doc.meta.plan_id
