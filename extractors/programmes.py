"""Named governance programmes: reforms, systems, campaigns, projects, platforms."""

from __future__ import annotations

from govkg.extractors.document import Document
from govkg.extractors.records import ProgrammeMention


def find_programmes(doc: Document) -> tuple[ProgrammeMention, ...]:
    return ()
