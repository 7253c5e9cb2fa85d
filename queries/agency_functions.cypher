// purpose: Measures led per agency function and region: who leads what, compared across places
// columns: function, region, agencies, led
MATCH (m:Policy)-[:LED_BY]->(a:Agency)-[:OF_REGION]->(r:Region)
RETURN a.function AS function, r.name AS region, count(DISTINCT a) AS agencies, count(DISTINCT m) AS led
ORDER BY function, region
