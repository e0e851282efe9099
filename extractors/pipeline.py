"""The extraction pipeline: chains the stages, nothing else.

Each stage is a pure function of typed records (see the modules it imports);
``extract_document`` runs them in order and assembles the
:class:`ExtractionRecord`. The spaCy components in :mod:`govkg.extractors.nlp`
call the same stages.
"""

from __future__ import annotations

from pathlib import Path

from govkg.extractors.commitments import find_commitments
from govkg.extractors.document import Document, build_document
from govkg.extractors.jurisdictions import find_jurisdictions
from govkg.extractors.laws import find_laws
from govkg.extractors.load import read_report
from govkg.extractors.metrics import find_metrics, find_targets
from govkg.extractors.passages import find_passages
from govkg.extractors.programmes import find_programmes
from govkg.extractors.records import ExtractionRecord
from govkg.extractors.report import find_report
from govkg.extractors.resources import Resources
from govkg.extractors.roles import find_roles


def extract_document(doc: Document, res: Resources) -> ExtractionRecord:
    report = find_report(doc, res.gazetteer)
    jurisdictions = find_jurisdictions(doc, report, res.gazetteer)
    laws = find_laws(doc, res.catalogue)
    programmes = find_programmes(doc)
    roles = find_roles(doc, report, res.segmenter)
    metrics = find_metrics(doc, report)
    # plan figures (力争…达到100%) are targets, not metrics, but they tell what an item concerns
    commitments = find_commitments(doc, report, laws, programmes, metrics + find_targets(doc, report))
    return ExtractionRecord(
        source=doc.source,
        report=report,
        jurisdictions=jurisdictions,
        laws=laws,
        programmes=programmes,
        roles=roles,
        metrics=metrics,
        commitments=commitments,
        sections=doc.sections,
        passages=find_passages(doc),  # every sentence: what tracing compares by text
    )


def extract_text(raw: str, source: str, res: Resources) -> ExtractionRecord:
    return extract_document(build_document(raw, source), res)


def extract_path(path: Path, res: Resources) -> ExtractionRecord:
    """Read, normalise and extract one report file; InputError if it cannot be read."""
    return extract_text(read_report(path), path.name, res)
