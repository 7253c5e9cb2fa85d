// purpose: The measures behind one bar of the instrument mix: every use of an instrument in a region's plans, with the cue words that evidence it and the quoted sentence (filters optional: '' means any), so a researcher can audit the coding
// param: region string = ''
// param: instrument string = ''
// columns: region, instrument_id, instrument, instrument_en, category, policy_id, measure, plan, cue, quote, span_start, span_end
// note: the region is matched first and the instrument filtered after the expansion: with both in one WHERE the embedded engine scanned every instrument use
MATCH (r:Region)
WHERE $region = '' OR r.name = $region OR r.name_en = $region
MATCH (r)<-[:FOR_REGION]-(p:Plan)-[:HAS_POLICY]->(m:Policy)-[u:USES_INSTRUMENT]->(i:PolicyInstrument)
WITH r, p, m, u, i
WHERE $instrument = '' OR i.id = $instrument
RETURN r.name AS region, i.id AS instrument_id, i.name AS instrument, i.name_en AS instrument_en, i.category AS category,
       m.id AS policy_id, m.title AS measure, p.title AS plan, u.cue AS cue, u.quote AS quote,
       u.span_start AS span_start, u.span_end AS span_end
ORDER BY region, instrument_id, plan, span_start, policy_id
