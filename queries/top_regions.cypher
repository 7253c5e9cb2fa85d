// purpose: The regions whose plans hold most targets, largest first (regions without targets are not listed): the default choice of regions for the comparison charts
// param: limit int = 8
// columns: region_id, region, region_en, level, plans, targets
MATCH (t:Target)
WITH t.plan_id AS plan_id, count(*) AS targets
MATCH (p:Plan)-[:FOR_REGION]->(r:Region)
WHERE p.id = plan_id
WITH r, count(p) AS plans, sum(targets) AS targets
RETURN r.id AS region_id, r.name AS region, r.name_en AS region_en, r.level AS level, plans, targets
ORDER BY targets DESC, region
LIMIT $limit
