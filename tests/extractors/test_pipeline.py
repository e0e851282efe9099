"""The spaCy pipeline and the plain pipeline give the same records; offsets are the Doc's."""

from __future__ import annotations

import pytest

from govkg.extractors.nlp import COMPONENTS, make_docs, make_nlp
from govkg.extractors.pipeline import extract_text
from govkg.extractors.records import LISTS
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.fixture(scope="module")
def reports():
    return [(p.read_text(encoding="utf-8"), p.name) for p in sorted(EXAMPLES.glob("*.txt"))]


def test_every_stage_is_a_component(nlp):
    assert tuple(nlp.pipe_names) == COMPONENTS


def test_nlp_pipe_gives_the_records_of_the_plain_pipeline(nlp, reports, resources):
    docs = list(nlp.pipe(make_docs(nlp, reports), batch_size=2))
    assert len(docs) == len(reports)
    for doc, (raw, source) in zip(docs, reports, strict=True):
        assert doc._.govkg_record == extract_text(raw, source, resources)


def test_every_offset_is_a_span_of_the_doc(nlp, reports):
    for doc in nlp.pipe(make_docs(nlp, reports)):
        rec = doc._.govkg_record
        items = [x for name in LISTS for x in getattr(rec, name)]
        assert items
        for x in items:
            if x.prov.end > x.prov.start:
                span = doc.char_span(x.prov.start, x.prov.end, alignment_mode="expand")
                assert span is not None and span.text == doc.text[x.prov.start : x.prov.end]
                assert span.text in x.prov.evidence
