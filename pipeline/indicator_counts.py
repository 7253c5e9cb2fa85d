"""Indicator tallies as a build stage: every Indicator gets ``regions`` and ``targets``, the number of
regions whose plans state it and of its targets in plans for a region (0 when none).

The pick list of indicators (queries/indicators.cypher) then reads two properties of ~800 nodes
instead of joining every target to its plan and region on each call (an aggregate over the whole
store that no index shortens). The tallies depend on the stored targets, plans and regions alone
and are written after indicator resolution, on every build, so an incremental build ends with the
tallies of a fresh build.
"""
from __future__ import annotations

from graph.store import GraphStore
from model.records import GraphRecords

# the figures queries/indicators.cypher gave when it aggregated on each call
TALLIES = ("MATCH (i:Indicator)<-[:MEASURES]-(t:Target) "
           "MATCH (r:Region)<-[:FOR_REGION]-(p:Plan) WHERE p.id = t.plan_id "
           "RETURN i.id AS id, count(DISTINCT r) AS regions, count(DISTINCT t) AS targets")
_STORED = "MATCH (i:Indicator) RETURN i.id AS id, i.regions AS regions, i.targets AS targets"


def count_indicators(store: GraphStore, batch_size: int = 5000) -> int:
    """Write every indicator's regions and targets where they differ from the stored ones; the number written."""
    want = {r["id"]: (int(r["regions"]), int(r["targets"])) for r in store.read(TALLIES).records()}
    out = GraphRecords()
    for r in sorted(store.read(_STORED).records(), key=lambda r: r["id"]):
        regions, targets = want.get(r["id"], (0, 0))
        if (r["regions"], r["targets"]) != (regions, targets):
            out.add_node(r["id"], "Indicator", regions=regions, targets=targets)
    if out.nodes:
        store.write(out, batch_size=batch_size)
    return len(out.nodes)
