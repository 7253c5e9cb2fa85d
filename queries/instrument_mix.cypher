// purpose: Instrument mix per region: how often each policy instrument is used, and its share of the region's instrument uses, for one region or the chosen regions (both empty: one page of regions)
// param: region string = ''
// param: regions list = ,
// param: region_skip int = 0
// param: region_limit int = 20
// note: no region chosen means one page of regions: those with region_skip <= name_rank < region_skip + region_limit (name_rank: the region's place among the regions plans are for, in name order, written by every build; pipeline/regions.py); page on with region_skip, or choose the regions
// columns: region, instrument_id, instrument, instrument_en, category, uses, share
MATCH (r:Region)
WHERE ($region = '' OR r.name = $region OR r.name_en = $region)
  AND (r.name IN $regions OR r.id IN $regions
       OR (size($regions) = 0 AND ($region <> '' OR (r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit))))
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(:Policy)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
WITH r, i, count(*) AS uses
WITH r, collect({id: i.id, name: i.name, name_en: i.name_en, category: i.category, uses: uses}) AS mix, sum(uses) AS total
UNWIND mix AS x
RETURN r.name AS region, x.id AS instrument_id, x.name AS instrument, x.name_en AS instrument_en, x.category AS category,
       x.uses AS uses, round(1.0 * x.uses / total, 3) AS share
ORDER BY region, uses DESC, instrument_id
