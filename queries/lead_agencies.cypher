// purpose: Agencies leading the most measures, per region and function (filters optional: '' means any)
// param: region string = ''
// param: function string = ''
// param: limit int = 50
// columns: region, agency_id, agency, function, led, involved
MATCH (a:Agency)-[:OF_REGION]->(r:Region)
WHERE ($region = '' OR r.name = $region OR r.name_en = $region) AND ($function = '' OR a.function = $function)
OPTIONAL MATCH (m:Policy)-[:LED_BY]->(a)
WITH r, a, count(DISTINCT m) AS led
OPTIONAL MATCH (m2:Policy)-[:INVOLVES]->(a)
WITH r, a, led, count(DISTINCT m2) AS involved
WHERE led + involved > 0
RETURN r.name AS region, a.id AS agency_id, a.name AS agency, a.function AS function, led, involved
ORDER BY led DESC, involved DESC, agency_id
LIMIT $limit
