// purpose: How measures were linked as similar: each SIMILAR_TO method with its number of links and score range
// columns: method, links, min_score, max_score
MATCH (:Policy)-[s:SIMILAR_TO]->(:Policy)
RETURN s.method AS method, count(*) AS links, min(s.score) AS min_score, max(s.score) AS max_score
ORDER BY method
