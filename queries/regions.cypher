// purpose: Every region with its administrative level and parent, for filters and cross-level comparison
// columns: region_id, region, region_en, level, province, parent, plans
MATCH (r:Region)
OPTIONAL MATCH (r)-[:PART_OF]->(up:Region)
OPTIONAL MATCH (p:Plan)-[:FOR_REGION]->(r)
RETURN r.id AS region_id, r.name AS region, r.name_en AS region_en, r.level AS level, r.province AS province,
       up.name AS parent, count(DISTINCT p) AS plans
ORDER BY level, region
