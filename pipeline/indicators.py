"""Indicator resolution as a pipeline stage: the targets of every plan in the store in, the store
brought in line with the concepts linking/indicators.py decides (MEASURES re-pointed with their
score and method, concept nodes with aliases, indicator nodes nothing measures any more removed).

The result depends on the stored targets alone, so a rebuild of one plan, or an added plan, ends
where a fresh build of the same plans does (tests/test_indicator_resolution.py compares the dumps).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from graph.store import GraphStore
from linking.indicators import Alignment, Mention, resolve
from model.records import GraphRecords
from ontology.mapping.units import normalize

_MENTIONS = (
    "MATCH (t:Target) OPTIONAL MATCH (t)-[m:MEASURES]->(i:Indicator) "
    "RETURN t.id AS id, t.plan_id AS plan_id, t.indicator_text AS text, t.unit AS unit, i.id AS indicator, "
    "m.score AS score, m.method AS method ORDER BY id"
)
_PLAN_REGIONS = "MATCH (p:Plan)-[:FOR_REGION]->(r:Region) RETURN p.id AS plan_id, r.name AS region"
_INDICATORS = (
    "MATCH (i:Indicator) RETURN i.id AS id, i.name AS name, i.name_en AS name_en, i.unit AS unit, "
    "i.unit_norm AS unit_norm, i.quantity_kind AS quantity_kind, i.indicator_key AS indicator_key, "
    "i.aliases AS aliases, i.plans AS plans ORDER BY id"
)
_INDICATOR_DOMAINS = ("MATCH (i:Indicator)-[r:IN_DOMAIN]->(d:Domain) "
                      "RETURN i.id AS id, d.id AS domain, r.method AS method")


def store_mentions(store: GraphStore) -> list[Mention]:
    """Every stored target's indicator as a resolution Mention (with its plan's region)."""
    regions = {r["plan_id"]: r["region"] for r in store.read(_PLAN_REGIONS).records()}
    seen, out = set(), []
    for r in store.read(_MENTIONS).records():
        if r["id"] not in seen and r["text"]:
            seen.add(r["id"])
            out.append(Mention(r["id"], r["plan_id"] or "", r["text"], r["unit"], regions.get(r["plan_id"])))
    return out


@dataclass
class ResolutionReport:
    concepts: int = 0
    shared: int = 0
    moved: int = 0
    removed: int = 0
    pairs_scored: int = 0
    method: str = "lexical"
    seconds: float = 0.0


def resolve_indicators(store: GraphStore, *, method: str = "auto", alignment: Alignment | None = None,
                       batch_size: int = 5000,
                       cache_dir: Path | None = None) -> ResolutionReport:
    """Resolve the indicators of every target in the store to concepts (linking/indicators.py)
    and bring the store in line: MEASURES re-pointed with score and method, concept nodes with their
    aliases, indicator nodes no target measures any more removed.  The result depends on the stored
    targets alone, so a rebuild or an added plan ends where a fresh build of the same plans does."""
    started = time.perf_counter()
    regions = {r["plan_id"]: r["region"] for r in store.read(_PLAN_REGIONS).records()}
    rows = store.read(_MENTIONS).records()
    current: dict[str, list[tuple[str, float | None, str | None]]] = {}
    mentions = []
    for r in rows:
        if r["id"] not in current:
            current[r["id"]] = []
            if r["text"]:
                mentions.append(Mention(r["id"], r["plan_id"] or "", r["text"], r["unit"], regions.get(r["plan_id"])))
        if r["indicator"] is not None:
            current[r["id"]].append((r["indicator"], r["score"], r["method"]))
    res = resolve(mentions, method=method, alignment=alignment, cache_dir=cache_dir)
    stored = {r["id"]: r for r in store.read(_INDICATORS).records()}
    domains: dict[str, set[str]] = {}
    for r in store.read(_INDICATOR_DOMAINS).records():
        domains.setdefault(r["id"], set()).add(r["domain"])

    out = GraphRecords()
    deletes: list[tuple[str, str, str, str, str]] = []
    for c in res.concepts.values():
        unit_norm = normalize(None, c.unit)[1] if c.unit else None
        want = {"name": c.name, "name_en": c.name_en, "unit": c.unit, "unit_norm": unit_norm,
                "quantity_kind": c.kind, "indicator_key": c.key, "aliases": c.aliases_text, "plans": c.plans}
        have = stored.get(c.id)
        if have is None or any(have.get(k) != v for k, v in want.items() if v is not None):
            out.add_node(c.id, "Indicator", **want)
        have_dom = domains.get(c.id, set())
        want_dom = {f"domain:{c.domain}"} if c.domain else set()
        for d in sorted(have_dom - want_dom):
            deletes.append(("IN_DOMAIN", c.id, "Indicator", d, "Domain"))
        for d in sorted(want_dom - have_dom):
            out.add_rel("IN_DOMAIN", (c.id, "Indicator"), (d, "Domain"), method="vocabulary" if c.known else "keyword")
    moved = 0
    for a in res.assignments:
        links = current.get(a.target_id, [])
        stale = [ind for ind, _, _ in links if ind != a.concept_id]
        for ind in stale:
            deletes.append(("MEASURES", a.target_id, "Target", ind, "Indicator"))
        moved += bool(stale)
        if any(ind == a.concept_id and score is not None and abs(score - a.score) < 1e-9 and how == a.method
               for ind, score, how in links):
            continue
        out.add_rel("MEASURES", (a.target_id, "Target"), (a.concept_id, "Indicator"), score=a.score, method=a.method)
    orphans = sorted(set(stored) - set(res.concepts))
    store.delete(deletes, [("Indicator", i) for i in orphans], batch_size=batch_size)
    if out.nodes or out.relationships:
        store.write(out, batch_size=batch_size)
    return ResolutionReport(len(res.concepts), sum(1 for c in res.concepts.values() if c.plans > 1), moved,
                            len(orphans), res.pairs_scored, res.method, time.perf_counter() - started)
