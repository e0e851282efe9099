"""Text similarity between sentences: TF-IDF cosine over pkuseg content words.

Tracing asks "does this sentence of the later report say what the plan item
promised?" The words that tell are topic words (行政复议, 监督平台, 规范性文件),
so a sentence becomes its content words: pkuseg words of two or more
characters with a hanzi and no digit (numbers change from year to year and
single characters are mostly function words), minus the generic words of
governance prose in ``data/similarity_stopwords.tsv``. Words are weighted by
TF-IDF over the sentences being compared (a word that every sentence of the
two reports uses tells nothing) and compared by cosine, a score in [0, 1]
that a fixed threshold can cut.

No network model: the same text always gives the same score, in every store.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib.resources import files

Words = Callable[[str], Sequence[str]]
Vector = dict[str, float]

_HAN = re.compile(r"[\u3400-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
# Scores are rounded so that the stored value is the same in every store and run.
DIGITS = 4


@cache
def stopwords() -> frozenset[str]:
    text = files("govkg.extractors").joinpath("data/similarity_stopwords.tsv").read_text("utf-8")
    rows = (ln.split("\t", 1)[0].strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return frozenset(w for w in rows if w)


def content_words(words: Iterable[str]) -> tuple[str, ...]:
    """The words that say what a sentence is about (see the module docstring)."""
    stop = stopwords()
    return tuple(w for w in words if len(w) > 1 and _HAN.search(w) and not _DIGIT.search(w) and w not in stop)


class TfIdf:
    """Smoothed inverse document frequencies over a set of token lists; L2-normalised vectors."""

    def __init__(self, docs: Iterable[Sequence[str]]):
        df: Counter[str] = Counter()
        n = 0
        for d in docs:
            df.update(set(d))
            n += 1
        self.n = n
        self.df = df

    def idf(self, word: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(word, 0))) + 1.0

    def vector(self, tokens: Sequence[str]) -> Vector:
        tf = Counter(tokens)
        weights = {w: c * self.idf(w) for w, c in sorted(tf.items())}
        norm = math.sqrt(sum(x * x for x in weights.values()))
        return {w: x / norm for w, x in weights.items()} if norm else {}


def cosine(u: Vector, v: Vector) -> float:
    if len(v) < len(u):
        u, v = v, u
    return round(sum(x * v.get(w, 0.0) for w, x in u.items()), DIGITS)


class Comparer:
    """Content words of texts (cached) and their similarity under one IDF table.

    ``words`` is a segmenter's ``words`` (pkuseg: ``Segmenter().words``);
    ``corpus`` the texts whose word frequencies set the weights."""

    def __init__(self, words: Words, corpus: Iterable[str]):
        self._words = words
        self._tokens: dict[str, tuple[str, ...]] = {}
        self.tfidf = TfIdf(self.tokens(t) for t in dict.fromkeys(corpus))
        self._vectors: dict[str, Vector] = {}

    def tokens(self, text: str) -> tuple[str, ...]:
        if text not in self._tokens:
            self._tokens[text] = content_words(self._words(text))
        return self._tokens[text]

    def vector(self, text: str) -> Vector:
        if text not in self._vectors:
            self._vectors[text] = self.tfidf.vector(self.tokens(text))
        return self._vectors[text]

    def score(self, a: str, b: str) -> float:
        return cosine(self.vector(a), self.vector(b))
