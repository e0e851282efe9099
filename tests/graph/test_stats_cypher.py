"""cypher/stats.cypher counts every label and relationship type the writers create.

It names them one by one (so Neo4j answers from its count store): a new label or type must be
added there too, or Neo4j's stats would leave it out while the embedded store's count it."""

from __future__ import annotations

import re
from importlib.resources import files

from govkg import cypher
from govkg.graph.rows import KEY_PROP


def test_stats_names_every_label_and_type() -> None:
    text = cypher.load("stats")
    labels = set(re.findall(r"MATCH \(n:(\w+)\)", text))
    types = set(re.findall(r"MATCH \(\)-\[r:(\w+)\]->\(\)", text))
    written = {p.name.removeprefix("rel_").rsplit("_", 2)[0]
               for p in files("govkg.cypher").joinpath("write").iterdir() if p.name.startswith("rel_")}  # fmt: skip
    assert labels == set(KEY_PROP)
    assert types == written
