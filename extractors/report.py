"""Report metadata: title, jurisdiction, year, published date, kind, issuer."""

from __future__ import annotations

from govkg.extractors.document import Document
from govkg.extractors.gazetteer import Gazetteer
from govkg.extractors.records import ReportMeta


def find_report(doc: Document, gazetteer: Gazetteer) -> ReportMeta:
    return ReportMeta(id=doc.id, title="", jurisdiction=None, year=None, source=doc.source,
                      sha256=doc.sha256, chars=len(doc.text))  # fmt: skip
