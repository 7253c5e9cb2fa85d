"""Region pages as a build stage: every Region gets ``name_rank``, its 0-based position among the
regions that plans are for, in name (then id) order; then the regions no plan is for that have agencies
(an agency of a province leads a city plan's measure), in the same order after them; -1 for the others.

The named queries that aggregate per region of the plans (compare_matrix, domain_coverage,
instrument_mix, instrument_categories, lead_agencies) answer a call that chooses no region with
one page of regions (search_measures too when it is given no filter at all; agency_functions, which
counts by the agency's own region, also on the pages after the plans' regions),
``region_skip <= name_rank < region_skip + region_limit``: a filter on the region's own property,
so the engine expands from those regions only, as it does for chosen ones (an
ORDER BY … LIMIT over the regions inside the query stops the embedded engine from anchoring the
expansion on them). The ranks depend on the stored regions and plans alone and are written after
the shared nodes are settled, so an incremental build ends with the ranks of a fresh build.
"""
from __future__ import annotations

from graph.store import GraphStore
from model.records import GraphRecords

_REGIONS = ("MATCH (r:Region) OPTIONAL MATCH (r)<-[:FOR_REGION]-(p:Plan) WITH r, count(p) AS plans "
            "OPTIONAL MATCH (r)<-[:OF_REGION]-(a:Agency) "
            "RETURN r.id AS id, r.name AS name, r.name_rank AS rank, plans, count(a) AS agencies")


def region_ranks(rows: list[dict]) -> dict[str, int]:
    """id -> rank: the regions with plans in (name, id) order from 0, then those without plans that have
    agencies in (name, id) order; the others -1."""
    def order(r):
        return (r["name"] or "", r["id"])

    with_plans = sorted((r for r in rows if r["plans"]), key=order)
    agencies_only = sorted((r for r in rows if not r["plans"] and r.get("agencies")), key=order)
    ranks = {r["id"]: -1 for r in rows}
    ranks.update({r["id"]: k for k, r in enumerate(with_plans + agencies_only)})
    return ranks


def rank_regions(store: GraphStore, batch_size: int = 5000) -> int:
    """Write every region's name_rank where it differs from the stored one; the number written."""
    rows = store.read(_REGIONS).records()
    stored = {r["id"]: r["rank"] for r in rows}
    out = GraphRecords()
    for rid, rank in sorted(region_ranks(rows).items()):
        if stored.get(rid) != rank:
            out.add_node(rid, "Region", name_rank=rank)
    if out.nodes:
        store.write(out, batch_size=batch_size)
    return len(out.nodes)
