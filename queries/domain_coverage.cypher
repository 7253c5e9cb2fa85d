// purpose: Domain x region coverage: how many measures of each region fall in each policy domain
// columns: region, domain_id, domain, domain_en, measures
MATCH (r:Region)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(m:Policy)-[:IN_DOMAIN]->(d:Domain)
RETURN r.name AS region, d.id AS domain_id, d.name AS domain, d.name_en AS domain_en, count(DISTINCT m) AS measures
ORDER BY region, domain_id
