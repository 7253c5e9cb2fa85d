// purpose: Supply-side, demand-side and environmental shares of each region's instrument uses (Rothwell-Zegveld)
// columns: region, category, uses, share
MATCH (r:Region)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(:Policy)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
WITH r, i.category AS category, count(*) AS uses
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(:Policy)-[u:USES_INSTRUMENT]->(:PolicyInstrument)
WITH r, category, uses, count(u) AS total
RETURN r.name AS region, category, uses, round(1.0 * uses / total, 3) AS share
ORDER BY region, category
