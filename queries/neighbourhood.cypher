// purpose: The relationships touching any of the given nodes (one hop); the graph view calls it once per depth level
// param: ids list
// param: limit int = 400
// columns: source, source_label, source_name, rel_type, target, target_label, target_name
MATCH (n)
WHERE n.id IN $ids
MATCH (n)-[r]-(m)
WITH r, startNode(r) = n AS out, n.id AS n_id, labels(n)[0] AS n_label,
     coalesce(n.name, n.title, n.indicator_text, n.id) AS n_name, m.id AS m_id, labels(m)[0] AS m_label,
     coalesce(m.name, m.title, m.indicator_text, m.id) AS m_name
WITH DISTINCT id(r) AS rid, type(r) AS rel_type, CASE WHEN out THEN n_id ELSE m_id END AS source,
     CASE WHEN out THEN n_label ELSE m_label END AS source_label, CASE WHEN out THEN n_name ELSE m_name END AS source_name,
     CASE WHEN out THEN m_id ELSE n_id END AS target, CASE WHEN out THEN m_label ELSE n_label END AS target_label,
     CASE WHEN out THEN m_name ELSE n_name END AS target_name
RETURN source, source_label, source_name, rel_type, target, target_label, target_name
ORDER BY source, rel_type, target
LIMIT $limit
