// purpose: Regions and their plans, with metadata and how many measures and targets each plan holds; one page of rows at a time, by region then plan (skip the first `skip`, at most `limit`)
// param: skip int = 0
// param: limit int = 100
// columns: region, region_en, level, province, plan_id, title, doc_number, issuer, issued, period_start, period_end, plan_type, policies, targets
MATCH (p:Plan)-[:FOR_REGION]->(r:Region)
WITH r, p
ORDER BY r.name, p.id
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (p)-[:HAS_POLICY]->(m:Policy)
WITH r, p, count(m) AS policies
OPTIONAL MATCH (t:Target)
WHERE t.plan_id = p.id
WITH r, p, policies, count(t) AS targets
RETURN r.name AS region, r.name_en AS region_en, r.level AS level, r.province AS province,
       p.id AS plan_id, p.title AS title, p.doc_number AS doc_number, p.issuer AS issuer, p.issued AS issued,
       p.period_start AS period_start, p.period_end AS period_end, p.plan_type AS plan_type,
       policies, targets
ORDER BY region, plan_id
