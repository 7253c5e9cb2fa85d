// purpose: Indicators that two or more regions set targets or figures for: the ready-made comparisons
// param: min_regions int = 2
// columns: indicator_id, indicator, indicator_en, unit, regions, region_names
// note: the (indicator, region name) pairs are made distinct on the indicator's internal id before they are collected, and the indicator's properties read for the kept rows only: grouping every target's row by the indicator's four text properties cost the embedded engine most of the time (1,000 plans: p50 251 -> 137 ms at load ~10)
MATCH (i:Indicator)<-[:MEASURES]-(t:Target)
WITH id(i) AS iid, t.plan_id AS plan_id
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE p.id = plan_id
WITH DISTINCT iid, r.name AS name
WITH iid, collect(name) AS region_names
WHERE size(region_names) >= $min_regions
MATCH (i:Indicator)
WHERE id(i) = iid
RETURN i.id AS indicator_id, i.name AS indicator, i.name_en AS indicator_en, i.unit AS unit,
       size(region_names) AS regions, region_names
ORDER BY regions DESC, indicator_id
