"""Laws and other normative instruments cited, enacted, drafted, revised or repealed."""

from __future__ import annotations

from govkg.extractors.catalogue import LawCatalogue
from govkg.extractors.document import Document
from govkg.extractors.records import LawMention


def find_laws(doc: Document, catalogue: LawCatalogue | None = None) -> tuple[LawMention, ...]:
    return ()
