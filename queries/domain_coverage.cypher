// purpose: Domain x region coverage: how many measures of each of the chosen regions (none: one page of regions) fall in each policy domain
// param: regions list = ,
// param: region_skip int = 0
// param: region_limit int = 20
// note: no region chosen means one page of regions: those with region_skip <= name_rank < region_skip + region_limit (name_rank: the region's place among the regions plans are for, in name order, written by every build; pipeline/regions.py); page on with region_skip, or choose the regions
// columns: region, domain_id, domain, domain_en, measures
MATCH (r:Region)
WHERE r.name IN $regions OR r.id IN $regions OR (size($regions) = 0 AND r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit)
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(m:Policy)-[:IN_DOMAIN]->(d:Domain)
RETURN r.name AS region, d.id AS domain_id, d.name AS domain, d.name_en AS domain_en, count(DISTINCT m) AS measures
ORDER BY region, domain_id
