"""The pipeline's own character tokenizer gives exactly spaCy's character segmentation."""

from __future__ import annotations

import random

import pytest
from spacy.lang.zh import Chinese

from govkg.extractors.nlp import char_words


@pytest.fixture(scope="module")
def spacy_char():
    return Chinese()  # spaCy's default Chinese tokenizer: one token per character


@pytest.mark.parametrize(
    "text",
    [
        "",
        "法治政府",
        "一、主要举措\n（一）加强领导。",
        " 开头有空格",
        "结尾有空格 ",
        "两个  空格",
        "全角\u3000空格与\t制表符",
        "空格后换行 \n下一行",
        "\n\n两行空行\n\n",
        "English words and 中文 mixed 2023年",
    ],
)
def test_same_tokens_as_spacy(text: str, spacy_char) -> None:
    doc = spacy_char.make_doc(text)
    assert char_words(text) == ([t.text for t in doc], [bool(t.whitespace_) for t in doc])


def test_same_tokens_on_random_whitespace(spacy_char) -> None:
    """Every mix of characters and whitespace runs (spaCy's rule: a character keeps one trailing space)."""
    rng = random.Random(0)
    pieces = [" ", "  ", "\n", "\u3000", "a", "中", " \n", "\t", "。"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        doc = spacy_char.make_doc(text)
        assert char_words(text) == ([t.text for t in doc], [bool(t.whitespace_) for t in doc]), repr(text)
