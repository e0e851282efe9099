"""A user-supplied law catalogue (TSV: level, name, published, valid_from, expired)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    level: str
    name: str
    published: str | None
    valid_from: str | None
    expired: bool


@dataclass(frozen=True)
class LawCatalogue:
    entries: dict[str, CatalogueEntry]

    def get(self, title: str) -> CatalogueEntry | None:
        return self.entries.get(title)


def load_catalogue(path: Path) -> LawCatalogue:
    raise NotImplementedError("law catalogue: being built in extractors/catalogue.py")
