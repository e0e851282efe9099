// neighbourhood, drawn: the node (by label and key) and its neighbours.
MATCH (n)
WHERE labels(n)[0] = $label
  AND $key = CASE $label WHEN 'Report' THEN n.id WHEN 'Jurisdiction' THEN n.id WHEN 'Law' THEN n.title
                         WHEN 'Programme' THEN n.name WHEN 'Indicator' THEN n.name ELSE n.key END
OPTIONAL MATCH p = (n)-[]-()
RETURN n, p
LIMIT $limit
