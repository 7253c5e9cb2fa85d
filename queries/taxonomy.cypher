// purpose: Domains and instruments in the graph with their bilingual names (filter choices)
// columns: kind, id, name, name_en, category
MATCH (d:Domain)
RETURN 'domain' AS kind, d.id AS id, d.name AS name, d.name_en AS name_en, '' AS category
UNION ALL
MATCH (i:PolicyInstrument)
RETURN 'instrument' AS kind, i.id AS id, i.name AS name, i.name_en AS name_en, i.category AS category
