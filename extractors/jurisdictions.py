"""Jurisdictions named in a report, resolved against the gazetteer."""

from __future__ import annotations

from govkg.extractors.document import Document
from govkg.extractors.gazetteer import Gazetteer
from govkg.extractors.records import JurisdictionMention, ReportMeta


def find_jurisdictions(doc: Document, report: ReportMeta, gazetteer: Gazetteer) -> tuple[JurisdictionMention, ...]:
    return ()
