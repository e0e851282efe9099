"""Quantities: value, unit, approximation, scope, year, the words naming them, indicator."""

from __future__ import annotations

from govkg.extractors.document import Document
from govkg.extractors.records import MetricMention, ReportMeta


def find_metrics(doc: Document, report: ReportMeta) -> tuple[MetricMention, ...]:
    return ()
