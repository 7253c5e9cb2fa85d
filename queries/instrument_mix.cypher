// purpose: Instrument mix per region: how often each policy instrument is used, and its share of the region's instrument uses, for one region or the chosen regions (both empty: all)
// param: region string = ''
// param: regions list = ,
// columns: region, instrument_id, instrument, instrument_en, category, uses, share
MATCH (r:Region)
WHERE ($region = '' OR r.name = $region OR r.name_en = $region)
  AND (size($regions) = 0 OR r.name IN $regions OR r.id IN $regions)
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(:Policy)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
WITH r, i, count(*) AS uses
WITH r, collect({id: i.id, name: i.name, name_en: i.name_en, category: i.category, uses: uses}) AS mix, sum(uses) AS total
UNWIND mix AS x
RETURN r.name AS region, x.id AS instrument_id, x.name AS instrument, x.name_en AS instrument_en, x.category AS category,
       x.uses AS uses, round(1.0 * x.uses / total, 3) AS share
ORDER BY region, uses DESC, instrument_id
