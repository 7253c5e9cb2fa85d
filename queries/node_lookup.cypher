// purpose: Find nodes of one label by name or id fragment, to pick a start node for the graph view
// param: label string = 'Policy'
// param: text string = ''
// param: limit int = 50
// columns: id, label, name
MATCH (n)
WHERE labels(n)[0] = $label AND ($text = '' OR n.id CONTAINS $text OR coalesce(n.name, n.title, n.indicator_text, '') CONTAINS $text)
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.indicator_text, n.id) AS name
ORDER BY id
LIMIT $limit
