// purpose: Indicators that two or more regions set targets or figures for: the ready-made comparisons
// param: min_regions int = 2
// columns: indicator_id, indicator, indicator_en, unit, regions, region_names
MATCH (i:Indicator)<-[:MEASURES]-(t:Target)
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE p.id = t.plan_id
WITH i, collect(DISTINCT r.name) AS region_names
WHERE size(region_names) >= $min_regions
RETURN i.id AS indicator_id, i.name AS indicator, i.name_en AS indicator_en, i.unit AS unit,
       size(region_names) AS regions, region_names
ORDER BY regions DESC, indicator_id
