"""TargetFacts -> Target and Indicator nodes, SETS_TARGET, MEASURES and the indicators' IN_DOMAIN."""
from __future__ import annotations

from model.ids import ContentIds, target_id
from model.records import GraphRecords
from ontology.mapping.indicators import canonical
from ontology.mapping.targets import TargetFact
from ontology.mapping.units import normalize


def add_target(out: GraphRecords, plan_id: str, owner: tuple[str, str], fact: TargetFact,
               ids: ContentIds) -> str | None:
    """``ids``: one ContentIds per document; the same fact read twice from one quote is added once."""
    ind = canonical(fact.indicator_text, fact.unit)
    if ind is None:
        return None
    q = fact.quote
    once = (q.start, q.end, ind.id, fact.value, fact.value_max, fact.unit, fact.kind)
    if once in ids.seen:
        return None
    ids.seen.add(once)
    # what the target states, not where: an edit elsewhere in the plan keeps its id
    tid = target_id(plan_id, *ids.key(owner[0], ind.id, fact.value, fact.value_max, fact.unit, fact.kind, fact.year,
                                       fact.comparator))
    value_norm, unit_norm = normalize(fact.value, fact.unit)
    out.add_node(
        tid, "Target",
        value=fact.value, value_max=fact.value_max, value_norm=value_norm,
        unit=fact.unit, unit_norm=unit_norm, comparator=fact.comparator, year=fact.year,
        baseline_value=fact.baseline_value, baseline_year=fact.baseline_year,
        kind=fact.kind, attribute=fact.attribute, change_type=fact.change_type, year_source=fact.year_source,
        indicator_text=fact.indicator_text,
        plan_id=plan_id, quote=q.text, span_start=q.start, span_end=q.end,
    )
    out.add_rel("SETS_TARGET", owner, (tid, "Target"), plan_id=plan_id, quote=q.text, span_start=q.start,
                span_end=q.end)
    ind_unit = ind.unit or fact.unit
    out.add_node(ind.id, "Indicator", name=ind.name, name_en=ind.name_en, unit=ind_unit,
                 unit_norm=normalize(None, ind_unit)[1] if ind_unit else None,
                 quantity_kind=ind.kind, indicator_key=ind.key)
    # the indicator of this plan's own name; resolution (linking/indicators.py) may
    # later point the target at a concept it shares with other plans, with its score and method
    out.add_rel("MEASURES", (tid, "Target"), (ind.id, "Indicator"), score=1.0,
                method="vocabulary" if ind.known else "key")
    if ind.domain:
        out.add_rel("IN_DOMAIN", (ind.id, "Indicator"), (f"domain:{ind.domain}", "Domain"),
                    method="vocabulary" if ind.known else "keyword")
    return tid
