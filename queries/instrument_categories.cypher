// purpose: Supply-side, demand-side and environmental shares of the instrument uses of each of the chosen regions (none: one page of regions) (Rothwell-Zegveld)
// param: regions list = ,
// param: region_skip int = 0
// param: region_limit int = 20
// note: no region chosen means one page of regions: those with region_skip <= name_rank < region_skip + region_limit (name_rank: the region's place among the regions plans are for, in name order, written by every build; pipeline/regions.py); page on with region_skip, or choose the regions
// columns: region, category, uses, share
MATCH (r:Region)
WHERE r.name IN $regions OR r.id IN $regions OR (size($regions) = 0 AND r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit)
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(:Policy)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
WITH r, i.category AS category, count(*) AS uses
WITH r, collect({category: category, uses: uses}) AS mix, sum(uses) AS total
UNWIND mix AS x
RETURN r.name AS region, x.category AS category, x.uses AS uses, round(1.0 * x.uses / total, 3) AS share
ORDER BY region, category
