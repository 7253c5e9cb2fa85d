// purpose: Instrument mix per region: how often each policy instrument is used, and its share of the region's instrument uses
// param: region string = ''
// columns: region, instrument_id, instrument, instrument_en, category, uses, share
MATCH (r:Region)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(m:Policy)-[:USES_INSTRUMENT]->(i:PolicyInstrument)
WHERE $region = '' OR r.name = $region OR r.name_en = $region
WITH r, i, count(*) AS uses
MATCH (r)<-[:FOR_REGION]-(:Plan)-[:HAS_POLICY]->(:Policy)-[u:USES_INSTRUMENT]->(:PolicyInstrument)
WITH r, i, uses, count(u) AS total
RETURN r.name AS region, i.id AS instrument_id, i.name AS instrument, i.name_en AS instrument_en, i.category AS category,
       uses, round(1.0 * uses / total, 3) AS share
ORDER BY region, uses DESC, instrument_id
