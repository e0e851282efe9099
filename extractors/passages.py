"""Passages: every sentence of a report with its section kind, for tracing by text.

Tracing (``graph/trace.py``) asks whether a later report "says the same thing"
as a plan item, and which shortcomings a plan item answers. Most such
sentences hold no extracted fact (“区级执法监督平台建设进度滞后，尚未上线运行”),
so the store keeps the sentences themselves. The pipeline fills
``ExtractionRecord.passages`` with :func:`find_passages`.
"""

from __future__ import annotations

from govkg.extractors.document import Document
from govkg.extractors.records import Passage

# Leading/trailing white space (full-width spaces included) is not part of a passage,
# so that the same sentence in two reports compares equal.
_SPACE = " \t\u3000\r\n"


def find_passages(doc: Document) -> tuple[Passage, ...]:
    """One Passage per sentence, trimmed; ``doc.text[p.start:p.end] == p.text``."""
    out = []
    for start, end in doc.sentences:
        raw = doc.text[start:end]
        lead = len(raw) - len(raw.lstrip(_SPACE))
        trail = len(raw) - len(raw.rstrip(_SPACE))
        s, e = start + lead, end - trail
        if e > s:
            out.append(Passage(doc.section_at(s), doc.text[s:e], s, e))
    return tuple(out)
