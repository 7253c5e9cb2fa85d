// purpose: Canonical indicators with how many regions and targets refer to them (the pick list for comparisons)
// columns: indicator_id, indicator, indicator_en, unit, regions, targets
MATCH (i:Indicator)<-[:MEASURES]-(t:Target)
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE p.id = t.plan_id
RETURN i.id AS indicator_id, i.name AS indicator, i.name_en AS indicator_en, i.unit AS unit,
       count(DISTINCT r) AS regions, count(DISTINCT t) AS targets
ORDER BY regions DESC, targets DESC, indicator_id
