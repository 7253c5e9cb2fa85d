// purpose: Measures led per agency function and region (the agency's own region), for the chosen regions (none: all): who leads what, compared across places
// param: regions list = ,
// columns: function, region, agencies, led
MATCH (r:Region)
WHERE size($regions) = 0 OR r.name IN $regions OR r.id IN $regions
MATCH (m:Policy)-[:LED_BY]->(a:Agency)-[:OF_REGION]->(r)
RETURN a.function AS function, r.name AS region, count(DISTINCT a) AS agencies, count(DISTINCT m) AS led
ORDER BY function, region
