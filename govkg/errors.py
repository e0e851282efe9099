"""One base exception for everything govkg reports to its users.

Every message says what was wrong and what to do about it.
"""


class GovkgError(Exception):
    """Base of every error govkg raises on purpose."""


class InputError(GovkgError):
    """A report file that cannot be read: missing, empty, binary, undecodable, unsupported."""


class ModelMissingError(GovkgError):
    """The pkuseg model is not in the cache."""


class StoreError(GovkgError):
    """The graph store cannot be opened, read or written."""


class StoreUnavailableError(StoreError):
    """The graph store (Neo4j) cannot be reached."""


class QueryError(GovkgError):
    """An unknown named query or bad parameters for one."""


class NotFoundError(QueryError):
    """A name (law, jurisdiction, programme ...) that the graph does not know."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []
