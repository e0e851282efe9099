"""Word segmentation with spacy-pkuseg, loaded lazily and only where a stage needs words.

Most extraction is pattern work over characters; segmentation adds word
boundaries where a pattern alone cannot tell (市场 is not a 市, 隆正雄 is one
name). Loading the model takes seconds, so it happens on first use, not at
import or start-up.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from threading import Lock

from govkg.extractors.model import model_dir
from govkg.settings import Settings


class Segmenter:
    """pkuseg words for a piece of text; the model loads on the first call."""

    def __init__(self, settings: Settings | None = None, model: Path | None = None):
        self._settings = settings
        self._model_path = model
        self._model = None
        self._lock = Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        with self._lock:
            if self._model is None:
                import spacy_pkuseg

                path = self._model_path or model_dir(self._settings)
                self._model = spacy_pkuseg.pkuseg(model_name=str(path), user_dict=str(user_dict_path()))

    def words(self, text: str) -> list[str]:
        if not text:
            return []
        if self._model is None:
            self.load()
        return self._model.cut(text)  # type: ignore[union-attr]

    @lru_cache(maxsize=4096)  # noqa: B019 - one segmenter per process; sentences repeat across stages
    def boundaries(self, text: str) -> frozenset[int]:
        """Offsets in ``text`` where a word starts or ends."""
        out = {0}
        pos = 0
        for w in self.words(text):
            pos += len(w)
            out.add(pos)
        return frozenset(out)


def user_dict_path() -> Path:
    """The domain dictionary (government terms) that ships with the project."""
    return Path(str(files("govkg.extractors").joinpath("data/user_dict.txt")))
