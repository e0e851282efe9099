"""Commitments: the items of a report's plans section, with what they concern."""

from __future__ import annotations

from govkg.extractors.document import Document
from govkg.extractors.records import Commitment, LawMention, MetricMention, ProgrammeMention, ReportMeta


def find_commitments(
    doc: Document,
    report: ReportMeta,
    laws: tuple[LawMention, ...],
    programmes: tuple[ProgrammeMention, ...],
    metrics: tuple[MetricMention, ...],
) -> tuple[Commitment, ...]:
    return ()
