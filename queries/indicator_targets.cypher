// purpose: Targets of one indicator across regions: value, unit, normalized value, comparator, year, baseline, evidence and plan
// param: indicator string
// columns: region, level, plan_id, plan, indicator, indicator_text, kind, comparator, value, value_max, unit, value_norm, unit_norm, year, baseline_value, baseline_year, attribute, change_type, quote, span_start, span_end
MATCH (t:Target)-[:MEASURES]->(i:Indicator)
WHERE i.id = $indicator OR i.name = $indicator
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)
WHERE p.id = t.plan_id
RETURN r.name AS region, r.level AS level, p.id AS plan_id, p.title AS plan, i.name AS indicator,
       t.indicator_text AS indicator_text, t.kind AS kind, t.comparator AS comparator, t.value AS value,
       t.value_max AS value_max, t.unit AS unit, t.value_norm AS value_norm, t.unit_norm AS unit_norm, t.year AS year,
       t.baseline_value AS baseline_value, t.baseline_year AS baseline_year, t.attribute AS attribute,
       t.change_type AS change_type, t.quote AS quote, t.span_start AS span_start, t.span_end AS span_end
ORDER BY region, year, value
