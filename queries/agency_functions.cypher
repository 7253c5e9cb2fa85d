// purpose: Measures led per agency function and region (the agency's own region), for the chosen regions (none: one page of regions): who leads what, compared across places
// param: regions list = ,
// param: region_skip int = 0
// param: region_limit int = 20
// note: no region chosen means one page of regions: those with region_skip <= name_rank < region_skip + region_limit (name_rank: the regions plans are for in name order, then the regions without plans that have agencies, written by every build; pipeline/regions.py), so every agency's region is on some page; page on with region_skip, or choose the regions
// columns: function, region, agencies, led
MATCH (r:Region)
WHERE r.name IN $regions OR r.id IN $regions
   OR (size($regions) = 0 AND r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit)
MATCH (m:Policy)-[:LED_BY]->(a:Agency)-[:OF_REGION]->(r)
RETURN a.function AS function, r.name AS region, count(DISTINCT a) AS agencies, count(DISTINCT m) AS led
ORDER BY function, region
