"""The govkg spaCy pipeline: a Chinese ``Language`` whose components are the stages.

    nlp = make_nlp()
    for doc in nlp.pipe(make_docs(nlp, [(text, "report.txt")])):
        record = doc._.govkg_record

The Doc is made from the report's *normalised* text, so the records' offsets
are the Doc's character offsets (``doc.char_span(m.prov.start, m.prov.end)``).

Segmentation: word boundaries matter only in a few places (person names,
place names against look-alike words), and full pkuseg segmentation is the
slowest thing in the pipeline, so by default the Doc is tokenised by
character and the stages ask the shared pkuseg :class:`Segmenter` for words
where they need them. ``make_nlp(segmenter="pkuseg")`` gives pkuseg tokens on
the Doc as well, for users who want words for their own components.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.lang.zh import Chinese
from spacy.language import Language
from spacy.tokens import Doc

from govkg.extractors import pipeline as stages
from govkg.extractors.document import structure_document
from govkg.extractors.normalise import Normalised, normalise
from govkg.extractors.records import ExtractionRecord
from govkg.extractors.resources import Resources, load_resources
from govkg.settings import Settings, get_settings

COMPONENTS = (
    "govkg_document",
    "govkg_report",
    "govkg_jurisdictions",
    "govkg_laws",
    "govkg_programmes",
    "govkg_roles",
    "govkg_metrics",
    "govkg_commitments",
    "govkg_record",
)

for _ext in ("govkg_document", "govkg_resources", "govkg_record", "govkg_report", "govkg_jurisdictions",
             "govkg_laws", "govkg_programmes", "govkg_roles", "govkg_metrics", "govkg_commitments"):  # fmt: skip
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


@Chinese.factory("govkg_document", default_config={"law_catalogue": None})
def _make_document(nlp: Language, name: str, law_catalogue: str | None) -> DocumentComponent:
    return DocumentComponent(law_catalogue)


class DocumentComponent:
    """Finds the report's structure and hands the shared resources to the stages.

    Resources (gazetteer, law catalogue, segmenter) load in ``initialize``."""

    def __init__(self, law_catalogue: str | None = None):
        self.law_catalogue = law_catalogue
        self.resources: Resources | None = None

    def initialize(self, get_examples: Any = None, nlp: Language | None = None,
                   law_catalogue: str | None = None, settings: Settings | None = None) -> None:  # fmt: skip
        path = law_catalogue or self.law_catalogue
        self.resources = load_resources(settings, Path(path) if path else None)

    def __call__(self, doc: Doc) -> Doc:
        if self.resources is None:
            self.initialize()
        # doc.text joins every token again on each access (a million tokens per 40 reports):
        # make_doc keeps the text it tokenised, so read that, and build it at most once.
        text = doc.user_data.get("govkg_text")
        text = doc.text if text is None else text
        original = doc.user_data.get("govkg_original", text)
        source = doc.user_data.get("govkg_source", "report")
        norm = Normalised(text=text, original=original, converted=original != text)
        doc._.govkg_document = structure_document(norm, source, doc.user_data.get("govkg_id"))
        doc._.govkg_resources = self.resources
        return doc


def _stage(name: str, fn: Any) -> None:
    """Register a component that runs one stage and stores its result on ``doc._.<name>``."""

    def make(nlp: Language, name: str) -> Any:
        def component(doc: Doc) -> Doc:
            doc._.set(name, fn(doc))
            return doc

        return component

    Chinese.factory(name)(make)


_stage("govkg_report", lambda d: stages.find_report(d._.govkg_document, d._.govkg_resources.gazetteer))
_stage("govkg_jurisdictions", lambda d: stages.find_jurisdictions(
    d._.govkg_document, d._.govkg_report, d._.govkg_resources.gazetteer))  # fmt: skip
_stage("govkg_laws", lambda d: stages.find_laws(d._.govkg_document, d._.govkg_resources.catalogue))
_stage("govkg_programmes", lambda d: stages.find_programmes(d._.govkg_document))
_stage("govkg_roles", lambda d: stages.find_roles(
    d._.govkg_document, d._.govkg_report, d._.govkg_resources.segmenter))  # fmt: skip
_stage("govkg_metrics", lambda d: stages.find_metrics(d._.govkg_document, d._.govkg_report))
_stage("govkg_commitments", lambda d: stages.find_commitments(
    d._.govkg_document, d._.govkg_report, d._.govkg_laws, d._.govkg_programmes,
    d._.govkg_metrics + stages.find_targets(d._.govkg_document, d._.govkg_report)))  # fmt: skip


def _record(doc: Doc) -> ExtractionRecord:
    document = doc._.govkg_document
    return ExtractionRecord(
        source=document.source,
        report=doc._.govkg_report,
        jurisdictions=doc._.govkg_jurisdictions,
        laws=doc._.govkg_laws,
        programmes=doc._.govkg_programmes,
        roles=doc._.govkg_roles,
        metrics=doc._.govkg_metrics,
        commitments=doc._.govkg_commitments,
        sections=document.sections,
        passages=stages.find_passages(document),
    )


_stage("govkg_record", _record)


def make_nlp(settings: Settings | None = None, law_catalogue: Path | None = None,
             segmenter: str = "char") -> Language:  # fmt: skip
    """A ready pipeline: tokenizer plus the govkg components, initialised."""
    settings = settings or get_settings()
    nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": segmenter}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    if segmenter == "pkuseg":
        from govkg.extractors.model import model_dir

        nlp.tokenizer.initialize(pkuseg_model=str(model_dir(settings)))  # type: ignore[attr-defined]
    nlp.get_pipe("govkg_document").initialize(law_catalogue=str(law_catalogue) if law_catalogue else None,
                                               settings=settings)  # fmt: skip
    return nlp


def make_doc(nlp: Language, raw: str, source: str, doc_id: str | None = None) -> Doc:
    """A Doc of the normalised text, carrying its source name and original script."""
    norm = normalise(raw)
    doc = _char_doc(nlp, norm.text) if _by_character(nlp) else nlp.make_doc(norm.text)
    doc.user_data["govkg_text"] = norm.text
    doc.user_data["govkg_source"] = source
    doc.user_data["govkg_original"] = norm.original
    if doc_id:
        doc.user_data["govkg_id"] = doc_id
    return doc


# A whitespace run is one token, less the single space the character before it keeps as its
# trailing whitespace (spaCy's rule, spacy.util.get_words_and_spaces).
_SPACES = re.compile(r"\s+")


def _by_character(nlp: Language) -> bool:
    return getattr(nlp.tokenizer, "segmenter", None) == "char"


def char_words(text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces spaCy's character segmenter gives ``text``, in linear time.

    spaCy aligns the characters with ``text[pos:].index(word)``, which copies the rest of the
    text for every character: quadratic, a quarter of the pipeline's time on a 6,000-character
    report. Here the characters between whitespace runs go in by the slice (a report has a run
    per line, not per character). The tokens are the same (tests/extractors/test_nlp.py)."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _SPACES.finditer(text):
        start, end = m.span()
        words.extend(text[pos:start])
        spaces.extend([False] * (start - pos))
        run = m.group()
        if start > 0 and run[0] == " ":  # text[start - 1] is a character: runs are maximal
            spaces[-1] = True
            run = run[1:]
        if run:
            words.append(run)
            spaces.append(False)
        pos = end
    words.extend(text[pos:])
    spaces.extend([False] * (len(text) - pos))
    return words, spaces


def _char_doc(nlp: Language, text: str) -> Doc:
    words, spaces = char_words(text)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def make_docs(nlp: Language, items: Iterable[tuple[str, str]]) -> Iterator[Doc]:
    for raw, source in items:
        yield make_doc(nlp, raw, source)
