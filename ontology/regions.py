"""The one rule for a region's id: every place that mints a Region id (a plan's own region in
``loaders.metadata``, its parent and province in ``ontology.mapping.plans.region_chain``, the place of
an agency outside the chain in ``ontology.mapping.agencies``) calls :func:`region_slug`, so one place is
one node whichever plan names it.

A provincial-level region (lexicon region_names_en: 省, 自治区, 直辖市, 特别行政区) takes the slug of its
standard English name whatever the metadata gives (上海市 is ``region:shanghai`` from a city plan with
region_en "Shanghai", from a district plan that names it only as its province, and from metadata that
writes "Shanghai Municipality"); any other region the slug of the English name its plan gives, else of
its Chinese name (``model.ids.region_slug``).
"""
from __future__ import annotations

from functools import cache

from model import ids
from ontology import vocab


@cache
def _english() -> dict[str, str]:
    return vocab.lexicon_map("region_names_en", " ")


def english_name(name: str | None) -> str | None:
    """The standard English name of a provincial-level region, else None."""
    return _english().get((name or "").strip()) if name else None


def region_slug(name_en: str | None, name: str | None = None) -> str:
    """A region's id part under the one rule above."""
    return ids.region_slug(english_name(name) or name_en, name)
