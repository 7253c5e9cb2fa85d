// purpose: Domain x region coverage: how many measures of each of the chosen regions (none: all) fall in each policy domain
// param: regions list = ,
// columns: region, domain_id, domain, domain_en, measures
MATCH (r:Region)
WHERE size($regions) = 0 OR r.name IN $regions OR r.id IN $regions
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(m:Policy)-[:IN_DOMAIN]->(d:Domain)
RETURN r.name AS region, d.id AS domain_id, d.name AS domain, d.name_en AS domain_en, count(DISTINCT m) AS measures
ORDER BY region, domain_id
