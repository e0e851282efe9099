// Delete the given shared nodes that nothing points at any more; return their
// successors (parents, the jurisdiction of a role) to check next.
UNWIND $ids AS id
MATCH (n)
WHERE elementId(n) = id
  AND (n:Jurisdiction OR n:Law OR n:Programme OR n:Indicator OR n:Role OR n:Person)
  AND NOT EXISTS { ()-->(n) }
  AND NOT EXISTS { (n)-[x]->() WHERE NOT type(x) IN ['PART_OF', 'IN'] }
OPTIONAL MATCH (n)-->(next)
WITH n, collect(DISTINCT elementId(next)) AS nexts
DETACH DELETE n
RETURN nexts
