"""A user-supplied law catalogue (TSV: level, name, published, valid_from, expired).

The catalogue names national instruments without the 中华人民共和国 prefix, in
full-width brackets, sometimes with a version mark ((试行), (修正), (2018年)). A
title is looked up by a key that ignores the prefix, brackets, dashes and
spaces, and, failing that, without a trailing version mark, so 《中华人民共和国
行政处罚法》, 行政处罚法 and 行政处罚法（修正） meet one entry. Several versions under
one name: the one in force wins, then the latest published.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import GovkgError

# 宪法/法律 → law ... as the schema's Law categories.
LEVEL_CATEGORIES: dict[str, str] = {
    "宪法": "law",
    "法律": "law",
    "行政法规": "administrative_regulation",
    "司法解释": "judicial_interpretation",
    "部门规章": "rule",
    "地方性法规": "local_regulation",
    "地方政府规章": "rule",
    "党内法规": "party_regulation",
}

_PREFIX = "中华人民共和国"
# characters that never distinguish two titles: brackets, dashes, quotes, spaces, middle dots
_NOISE = re.compile(r"[\s()（）\[\]【】《》〈〉<>“”\"'‘’·•\-—–－~、,，]")
# a trailing version mark: (试行) (暂行) (修正) (修订) (2018年) (2018年修正) (一) is NOT one
_VERSION = re.compile(r"[(（](?:试行|暂行|修正|修订|草案|\d{4}年?(?:修正|修订)?(?:本)?)[)）]$")


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    level: str
    name: str
    published: str | None
    valid_from: str | None
    expired: bool

    @property
    def category(self) -> str | None:
        return LEVEL_CATEGORIES.get(self.level)


def title_key(title: str) -> str:
    """The lookup key of a title: no 中华人民共和国 prefix, brackets, dashes or spaces."""
    s = unicodedata.normalize("NFKC", title).strip()
    if s.startswith(_PREFIX):
        s = s[len(_PREFIX) :]
    return _NOISE.sub("", s)


def _unversioned(title: str) -> str:
    t = unicodedata.normalize("NFKC", title).strip()
    return _VERSION.sub("", t) if _VERSION.search(t) else t


def _rank(e: CatalogueEntry) -> tuple[bool, str, str]:
    """Sort key: in force first, then the latest publication."""
    return (not e.expired, e.published or "", e.valid_from or "")


@dataclass(frozen=True)
class LawCatalogue:
    """Entries by title key; ``loose`` holds the same entries keyed without a version mark."""

    entries: dict[str, tuple[CatalogueEntry, ...]]
    loose: dict[str, tuple[CatalogueEntry, ...]]

    def get(self, title: str) -> CatalogueEntry | None:
        """The best entry for a title (in force first), or None."""
        found = self.entries.get(title_key(title)) or self.loose.get(title_key(_unversioned(title)))
        return max(found, key=_rank) if found else None

    def names(self, levels: tuple[str, ...]) -> tuple[str, ...]:
        """Catalogue names of the given levels, for finding them named bare in text."""
        return tuple(sorted({e.name for es in self.entries.values() for e in es if e.level in levels}))

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


def _entry(row: dict[str, str]) -> CatalogueEntry | None:
    name = (row.get("name") or "").strip()
    if not name:
        return None
    return CatalogueEntry(
        level=(row.get("level") or "").strip(),
        name=name,
        published=(row.get("published") or "").strip() or None,
        valid_from=(row.get("valid_from") or "").strip() or None,
        expired=(row.get("expired") or "").strip().lower() in {"1", "true", "yes", "是"},
    )


def build_catalogue(entries: list[CatalogueEntry]) -> LawCatalogue:
    exact: dict[str, list[CatalogueEntry]] = {}
    loose: dict[str, list[CatalogueEntry]] = {}
    for e in entries:
        exact.setdefault(title_key(e.name), []).append(e)
        loose.setdefault(title_key(_unversioned(e.name)), []).append(e)
    return LawCatalogue(
        entries={k: tuple(v) for k, v in exact.items()},
        loose={k: tuple(v) for k, v in loose.items()},
    )


def load_catalogue(path: Path) -> LawCatalogue:
    """Read the TSV (header: level, name, published, valid_from, expired)."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise GovkgError(f"cannot read law catalogue {path}: {exc}") from exc
    if rows and "name" not in rows[0]:
        raise GovkgError(
            f"law catalogue {path}: header must name level, name, published, valid_from, expired"
        )
    return build_catalogue([e for e in map(_entry, rows) if e])
