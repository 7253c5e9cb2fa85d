// purpose: Keyword search over measures (title and text, simplified script), with optional region, domain, instrument and agency filters ('' means any); with no filter at all, the measures of one page of regions
// param: keyword string = ''
// param: region string = ''
// param: domain string = ''
// param: instrument string = ''
// param: agency string = ''
// param: limit int = 200
// param: region_skip int = 0
// param: region_limit int = 20
// note: each optional filter is on a line of its own marked `// only if: <param>` (graph/queries.py): a call leaves out the filters it does not use, since the embedded engine otherwise joined every LED_BY/INVOLVES, IN_DOMAIN and USES_INSTRUMENT relationship for the EXISTS subqueries even when their parameter was ''
// columns: policy_id, region, plan_id, title, section_path, kind, text, span_start, span_end
// note: the rows are ordered and cut on ids first; titles and texts are read for the kept rows only
// note: no filter at all (a listing, not a search) means the regions of one page: region_skip <= name_rank < region_skip + region_limit (name_rank: the region's place among the regions plans are for, in name order, written by every build; pipeline/regions.py), so the engine expands from those regions instead of ordering every measure; the same rows as long as the page holds $limit measures. A keyword or any other filter searches every region
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)-[:HAS_POLICY]->(m:Policy)
WHERE true
  AND ($keyword = '' OR m.title CONTAINS $keyword OR m.text CONTAINS $keyword)  // only if: keyword
  AND ($region = '' OR r.name = $region OR r.name_en = $region)  // only if: region
  AND ($keyword <> '' OR $region <> '' OR $domain <> '' OR $instrument <> '' OR $agency <> '' OR (r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit))  // only if none: keyword, region, domain, instrument, agency
  AND ($domain = '' OR EXISTS { MATCH (m)-[:IN_DOMAIN]->(d:Domain) WHERE d.id = $domain })  // only if: domain
  AND ($instrument = '' OR EXISTS { MATCH (m)-[:USES_INSTRUMENT]->(i:PolicyInstrument) WHERE i.id = $instrument })  // only if: instrument
  AND ($agency = '' OR EXISTS { MATCH (m)-[:LED_BY|INVOLVES]->(a:Agency) WHERE a.name = $agency OR a.function = $agency })  // only if: agency
WITH r.name AS region, p.id AS plan_id, m.id AS policy_id
ORDER BY region, policy_id
LIMIT $limit
MATCH (m:Policy)
WHERE m.id = policy_id
RETURN policy_id, region, plan_id, m.title AS title, m.section_path AS section_path,
       m.kind AS kind, m.text AS text, m.span_start AS span_start, m.span_end AS span_end
ORDER BY region, policy_id
