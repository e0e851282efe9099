"""Text similarity for tracing (extractors/similarity.py) and the passages it compares (extractors/passages.py)."""

from __future__ import annotations

from importlib.resources import files

import pytest

from govkg.extractors.document import build_document
from govkg.extractors.passages import find_passages
from govkg.extractors.similarity import Comparer, TfIdf, content_words, cosine, stopwords


@pytest.mark.parametrize(("words", "kept"), [
    (["建设", "区级", "行政执法", "监督", "平台"], ["建设", "区级", "行政执法", "监督", "平台"]),
    (["的", "和", "率"], []),  # single characters are mostly function words
    (["2023年", "30%", "11件"], []),  # numbers change from year to year
    (["深入", "推进", "工作", "行政复议"], ["行政复议"]),  # generic words of governance prose
    (["(", "一", ")", "“", "综合", "”"], ["综合"]),  # punctuation and numbering
])  # fmt: skip
def test_content_words(words, kept):
    assert list(content_words(words)) == kept


def test_every_stopword_row_says_why():
    text = files("govkg.extractors").joinpath("data/similarity_stopwords.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert rows and all(len(r) == 2 and r[0].strip() and r[1].strip() for r in rows)
    assert len(stopwords()) == len(rows)


def test_cosine():
    idf = TfIdf([["监督", "平台"], ["行政复议"], ["平台", "建设"]])
    a, b, c = idf.vector(["监督", "平台"]), idf.vector(["平台", "监督"]), idf.vector(["行政复议"])
    assert cosine(a, b) == 1.0 and cosine(a, c) == 0.0
    assert 0 < cosine(a, idf.vector(["平台", "建设"])) < 1
    assert idf.vector([]) == {}


def test_rare_words_weigh_more():
    idf = TfIdf([["平台", "监督"], ["平台", "执法"], ["平台", "普法"]])
    assert idf.idf("监督") > idf.idf("平台")


def test_comparer_segments_each_text_once():
    calls = []

    def words(text):
        calls.append(text)
        return text.split()

    cmp = Comparer(words, ["区级 监督 平台", "监督 平台 上线"])
    assert cmp.score("区级 监督 平台", "监督 平台 上线") == cmp.score("监督 平台 上线", "区级 监督 平台") > 0
    assert sorted(calls) == sorted(["监督 平台 上线", "区级 监督 平台"])


def test_passages_are_the_sentences_with_their_sections():
    text = "一、主要举措和成效\n（一）建成平台。全年办结98%。\n二、存在的不足和原因\n　平台尚未上线。\n三、2024年工作安排\n一是完善平台。"
    doc = build_document(text, "x.txt")
    passages = find_passages(doc)
    assert all(doc.text[p.start : p.end] == p.text and p.text == p.text.strip(" \u3000") for p in passages)
    by_text = {p.text: p.section for p in passages}
    assert by_text["全年办结98%。"] == "measures"
    assert by_text["平台尚未上线。"] == "shortcomings"
    assert by_text["一是完善平台。"] == "plans"
