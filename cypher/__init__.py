"""Named Cypher queries, one per ``.cypher`` file, loaded by name."""

from functools import cache
from importlib.resources import files

from govkg.errors import QueryError


@cache
def load(name: str) -> str:
    """The text of ``cypher/<name>.cypher``."""
    path = files(__name__).joinpath(f"{name}.cypher")
    if not path.is_file():
        raise QueryError(f"no Cypher query named {name!r}: expected cypher/{name}.cypher")
    return path.read_text(encoding="utf-8")


def names() -> list[str]:
    return sorted(p.name[: -len(".cypher")] for p in files(__name__).iterdir() if p.name.endswith(".cypher"))
