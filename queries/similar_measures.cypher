// purpose: Measures of other regions similar to a given measure, with score and the method that linked them
// param: policy string
// param: limit int = 10
// columns: policy_id, title, region, score, method, text
MATCH (m:Policy)-[s:SIMILAR_TO]-(o:Policy)
WHERE m.id = $policy
MATCH (r:Region)<-[:FOR_REGION]-(p:Plan)-[:HAS_POLICY]->(o)
RETURN o.id AS policy_id, o.title AS title, r.name AS region, s.score AS score, s.method AS method, o.text AS text
ORDER BY score DESC, policy_id
LIMIT $limit
