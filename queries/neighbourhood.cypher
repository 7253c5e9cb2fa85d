// purpose: The relationships touching any of the given nodes (one hop); the graph view calls it once per depth level
// param: ids list
// param: limit int = 400
// columns: source, source_label, source_name, rel_type, target, target_label, target_name
MATCH (a)-[r]->(b)
WHERE a.id IN $ids OR b.id IN $ids
RETURN a.id AS source, labels(a)[0] AS source_label, coalesce(a.name, a.title, a.indicator_text, a.id) AS source_name,
       type(r) AS rel_type,
       b.id AS target, labels(b)[0] AS target_label, coalesce(b.name, b.title, b.indicator_text, b.id) AS target_name
ORDER BY source, rel_type, target
LIMIT $limit
