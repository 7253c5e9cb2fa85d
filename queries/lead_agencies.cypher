// purpose: Who leads and who takes part in the measures of each region's plans, per agency and function, for one region or the chosen regions (none: one page of regions; the other filters optional: '' means any). A region's row counts the measures of plans FOR that region, whichever region the agency belongs to (a city plan's measure can be led by a provincial body).
// param: region string = ''
// param: regions list = ,
// param: function string = ''
// param: limit int = 50
// param: region_skip int = 0
// param: region_limit int = 20
// note: no region chosen means one page of regions: those with region_skip <= name_rank < region_skip + region_limit (name_rank: the region's place among the regions plans are for, in name order, written by every build; pipeline/regions.py); page on with region_skip, or choose the regions
// columns: region, agency_id, agency, function, led, involved
// note: each (region, agency, measure) is flagged once, then the flags are summed: the same counts as count(DISTINCT CASE ...), aggregated faster by the embedded engine
MATCH (p:Plan)-[:FOR_REGION]->(r:Region)
WHERE ($region = '' OR r.name = $region OR r.name_en = $region)
  AND (r.name IN $regions OR r.id IN $regions
       OR (size($regions) = 0 AND ($region <> '' OR (r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit))))
MATCH (p)-[:HAS_POLICY]->(m:Policy)-[rel:LED_BY|INVOLVES]->(a:Agency)
WHERE $function = '' OR a.function = $function
WITH r, a, m, max(CASE WHEN type(rel) = 'LED_BY' THEN 1 ELSE 0 END) AS leads,
     max(CASE WHEN type(rel) = 'INVOLVES' THEN 1 ELSE 0 END) AS takes_part
WITH r, a, sum(leads) AS led, sum(takes_part) AS involved
RETURN r.name AS region, a.id AS agency_id, a.name AS agency, a.function AS function, led, involved
ORDER BY led DESC, involved DESC, agency_id, region
LIMIT $limit
