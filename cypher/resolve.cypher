// The nodes a name denotes (existence check before a "not found"): laws by canonical title,
// short title or alias, jurisdictions by id, name or alias, programmes by name or alias —
// as regions-citing, laws-cited-by and programme-regions match them; other labels by key.
CALL {
  MATCH (n:Law) WHERE $label = 'Law'
    AND (n.title IN [$ref, '中华人民共和国' + $ref] OR n.short = $ref OR $ref IN coalesce(n.aliases, []))
  RETURN n.title AS key, coalesce(n.title, '') AS name
  UNION MATCH (n:Jurisdiction) WHERE $label = 'Jurisdiction'
    AND (n.id = $ref OR n.name = $ref OR $ref IN coalesce(n.aliases, []))
  RETURN n.id AS key, coalesce(n.name, '') AS name
  UNION MATCH (n:Programme) WHERE $label = 'Programme' AND (n.name = $ref OR $ref IN coalesce(n.aliases, []))
  RETURN n.name AS key, coalesce(n.name, '') AS name
  UNION MATCH (n:Indicator {name: $ref}) WHERE $label = 'Indicator' RETURN n.name AS key, coalesce(n.name, '') AS name
  UNION MATCH (n:Report {id: $ref}) WHERE $label = 'Report' RETURN n.id AS key, coalesce(n.title, '') AS name
  UNION MATCH (n:Role {key: $ref}) WHERE $label = 'Role' RETURN n.key AS key, coalesce(n.title, '') AS name
  UNION MATCH (n:Person {key: $ref}) WHERE $label = 'Person' RETURN n.key AS key, coalesce(n.name, '') AS name
  UNION MATCH (n:Metric {key: $ref}) WHERE $label = 'Metric' RETURN n.key AS key, coalesce(n.raw, '') AS name
  UNION MATCH (n:Commitment {key: $ref}) WHERE $label = 'Commitment' RETURN n.key AS key, coalesce(n.text, '') AS name
}
RETURN $label AS label, key, name
ORDER BY key
LIMIT $limit
