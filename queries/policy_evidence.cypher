// purpose: Everything extracted from one measure with its evidence (quote and offsets), to highlight the source text
// param: policy string
// columns: relation, target_id, target_label, name, quote, span_start, span_end
MATCH (m:Policy)-[e]->(x)
WHERE m.id = $policy AND type(e) IN ['USES_INSTRUMENT', 'LED_BY', 'INVOLVES', 'SETS_TARGET', 'IN_DOMAIN']
RETURN type(e) AS relation, x.id AS target_id, labels(x)[0] AS target_label,
       coalesce(x.name, x.indicator_text, x.id) AS name, e.quote AS quote, e.span_start AS span_start, e.span_end AS span_end
ORDER BY relation, span_start, target_id
