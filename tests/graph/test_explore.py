"""graph/explore.py: what the explorer and the report view read (the API tests cover both stores)."""

from __future__ import annotations

import pytest

from govkg.errors import QueryError
from govkg.graph import explore
from govkg.graph.store import EmbeddedGraph


@pytest.mark.parametrize(
    ("passages", "starts", "chars", "text"),
    [
        (["第一句。", "第二句。"], [0, 4], 8, "第一句。第二句。"),  # sentences that touch
        (["标题", "正文。"], [0, 3], 6, "标题\n正文。"),  # a line break between them
        (["甲。", "乙。"], [0, 5], 8, "甲。\n  乙。\n"),  # wider white space: a line break, then spaces
        (["乙。", "甲。"], [3, 0], 5, "甲。\n乙。"),  # stored out of order
        (["甲乙丙", "乙丙"], [0, 1], 3, None),  # overlapping: no one text holds both
        ([], [], 10, None),  # nothing stored
    ],
)
def test_rebuild_text_puts_every_sentence_at_its_offset(passages, starts, chars, text):
    props = {"passages": passages, "passage_starts": starts, "chars": chars}
    assert explore.rebuild_text(props) == text


@pytest.mark.parametrize(
    ("evidence", "start", "end", "passage_start", "passage", "where"),
    [
        ("依据安全生产法开展检查。", 102, 107, 100, "依据安全生产法开展检查。", (2, 7)),
        ("  依据安全生产法开展检查。", 102, 107, 100, "依据安全生产法开展检查。", (4, 9)),  # the sentence kept its indent
        ("一是加强执法。", 50, 70, 50, "一是加强执法。", (0, 7)),  # a plan item running past its sentence
        ("别的句子。", 102, 107, 100, "依据安全生产法开展检查。", None),  # the passage is not this sentence
        ("依据安全生产法开展检查。", 102, 107, None, None, None),  # no passages stored
        ("依据安全生产法开展检查。", 5, 5, 0, "依据安全生产法开展检查。", None),  # no span
    ],
)
def test_mention_in_its_sentence(evidence, start, end, passage_start, passage, where):
    assert explore.mention_in(evidence, start, end, passage_start, passage) == where


@pytest.mark.parametrize("ref", ["Law", "Law:", "Nothing:x", ":x", "law:中华人民共和国宪法"])
def test_node_ids_are_label_colon_key(ref):
    with pytest.raises(QueryError):
        explore.split_ref(ref)


def test_keys_may_hold_colons():
    assert explore.split_ref("Role:330523|县政府:办公室|主任") == ("Role", "330523|县政府:办公室|主任")


def test_a_report_stored_without_its_sentences_has_facts_but_no_text(tmp_path, example_records):
    """Stores filled before passages existed (or by plain store.ingest) still show the facts."""
    graph = EmbeddedGraph(tmp_path / "store.json.gz")
    rec = example_records[0]
    graph.ingest(rec)  # no tracing.store_passages
    page = explore.report_page(graph, rec.report.id)
    assert page is not None and page.text is None and not page.exact
    assert len(page.facts) > 10 and all(f.evidence for f in page.facts if f.end > f.start)
    from govkg.api.report_view import render

    html = render(page)
    assert "holds no sentences" in html and html.count('<tr id="row') == len(page.facts)
    assert explore.report_page(graph, "no-such-report") is None


def test_the_page_of_a_record_has_its_exact_text(example_records):
    rec = example_records[0]
    rebuilt = explore.page_from_record(rec)
    assert rebuilt.exact and rebuilt.text is not None and len(rebuilt.text) == rec.report.chars
    given = explore.page_from_record(rec, rebuilt.text)
    assert given.exact and given.facts == rebuilt.facts
