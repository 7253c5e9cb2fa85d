// purpose: Supply-side, demand-side and environmental shares of the instrument uses of each of the chosen regions (none: all) (Rothwell-Zegveld)
// param: regions list = ,
// columns: region, category, uses, share
MATCH (r:Region)
WHERE size($regions) = 0 OR r.name IN $regions OR r.id IN $regions
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(:Policy)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
WITH r, i.category AS category, count(*) AS uses
WITH r, collect({category: category, uses: uses}) AS mix, sum(uses) AS total
UNWIND mix AS x
RETURN r.name AS region, x.category AS category, x.uses AS uses, round(1.0 * x.uses / total, 3) AS share
ORDER BY region, category
