"""Officials' roles (title, organisation) and their holders."""

from __future__ import annotations

from govkg.extractors.document import Document
from govkg.extractors.records import ReportMeta, RoleMention
from govkg.extractors.segment import Segmenter


def find_roles(doc: Document, report: ReportMeta, segmenter: Segmenter) -> tuple[RoleMention, ...]:
    return ()
