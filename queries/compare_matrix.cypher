// purpose: The comparison matrix (indicators x regions): every quantitative statement of the chosen regions (none: one page of regions) about indicators of a domain (none: any), with the indicator concept, value, comparator, unit, normalized value, year, baseline, binding or expected, the quoted evidence and how the target was resolved to its concept
// param: regions list = ,
// param: domain string = ''
// param: region_skip int = 0
// param: region_limit int = 20
// note: the chosen regions' plan ids are collected first and the targets kept by `t.plan_id IN plan_ids` before the join to their plans: Neo4j otherwise joined every target (26,169 at 1,000 plans) to its plan and region before filtering on the region (p50 294 -> 168 ms for 8 regions, 406 -> 131 ms for a page; the embedded engine unchanged, 46 and 48 ms)
// note: targets are joined to plans on ids and their other properties read afterwards for the kept rows only, by key (one lookup: two key lookups after one WITH made the embedded engine run out of buffer memory); reading them all before the join cost the embedded engine most of the time
// note: no region chosen means one page of regions: those with region_skip <= name_rank < region_skip + region_limit (name_rank: the region's place among the regions plans are for, in name order, written by every build; pipeline/regions.py); page on with region_skip, or choose the regions
// columns: indicator_id, indicator, indicator_en, quantity_kind, aliases, domain_id, region_id, region, region_en, level, plan_id, plan, target_id, indicator_text, kind, comparator, value, value_max, unit, value_norm, unit_norm, year, baseline_value, baseline_year, attribute, change_type, quote, span_start, span_end, score, method
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE r.name IN $regions OR r.id IN $regions OR (size($regions) = 0 AND r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit)
WITH collect(p.id) AS plan_ids
MATCH (i:Indicator)
OPTIONAL MATCH (i)-[:IN_DOMAIN]->(d:Domain)
WITH plan_ids, i, min(d.id) AS domain_id, collect(d.id) AS domain_ids, collect(d.name) AS domain_names
WHERE $domain = '' OR $domain IN domain_ids OR $domain IN domain_names
MATCH (t:Target)
WHERE t.plan_id IN plan_ids AND t.kind IN ['target', 'coverage', 'annual', 'baseline', 'historic'] AND t.value IS NOT NULL
MATCH (t)-[m:MEASURES]->(i)
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE p.id = t.plan_id AND (r.name IN $regions OR r.id IN $regions OR (size($regions) = 0 AND r.name_rank >= $region_skip AND r.name_rank < $region_skip + $region_limit))
WITH i, domain_id, r, p, m, t.id AS target_id
MATCH (t:Target {id: target_id})
RETURN i.id AS indicator_id, i.name AS indicator, i.name_en AS indicator_en, i.quantity_kind AS quantity_kind,
       i.aliases AS aliases, domain_id, r.id AS region_id, r.name AS region, r.name_en AS region_en, r.level AS level, p.id AS plan_id,
       p.title AS plan, target_id, t.indicator_text AS indicator_text, t.kind AS kind,
       t.comparator AS comparator, t.value AS value, t.value_max AS value_max, t.unit AS unit, t.value_norm AS value_norm,
       t.unit_norm AS unit_norm, t.year AS year, t.baseline_value AS baseline_value, t.baseline_year AS baseline_year,
       t.attribute AS attribute, t.change_type AS change_type, t.quote AS quote, t.span_start AS span_start,
       t.span_end AS span_end, m.score AS score, m.method AS method
ORDER BY indicator_id, region, year, target_id
