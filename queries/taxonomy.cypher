// purpose: Domains and instruments in the graph with their bilingual names (filter choices)
// columns: kind, id, name, name_en, category
MATCH (c)
WHERE labels(c)[0] IN ['Domain', 'PolicyInstrument']
RETURN CASE WHEN labels(c)[0] = 'Domain' THEN 'domain' ELSE 'instrument' END AS kind, c.id AS id, c.name AS name,
       c.name_en AS name_en, coalesce(c.category, '') AS category
ORDER BY kind, id
