// purpose: Canonical indicators with how many regions and targets refer to them (the pick list for comparisons)
// columns: indicator_id, indicator, indicator_en, unit, regions, targets
// note: regions and targets are tallies every build writes on the indicator (pipeline/indicator_counts.py: the regions whose plans state it, its targets in plans for a region), so the list reads ~800 nodes instead of joining every target to its plan and region
MATCH (i:Indicator)
WHERE i.targets > 0
RETURN i.id AS indicator_id, i.name AS indicator, i.name_en AS indicator_en, i.unit AS unit,
       i.regions AS regions, i.targets AS targets
ORDER BY regions DESC, targets DESC, indicator_id
