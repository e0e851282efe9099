"""Word segmentation with spacy-pkuseg, loaded lazily and only where a stage needs words.

Most extraction is pattern work over characters; segmentation adds word
boundaries where a pattern alone cannot tell (市场 is not a 市, 隆正雄 is one
name). Loading the model takes seconds, so it happens on first use, not at
import or start-up, once per process (every Segmenter shares it), and from a
fast form of the model (see :func:`load_pkuseg`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from threading import Lock, Thread
from typing import Any

from govkg.extractors.model import model_dir
from govkg.settings import Settings

# The fast form of the model, beside it in the cache: a new name when its layout changes.
FAST_DIR = "fast-v1"
_SEP = "\x00"  # no feature string of the model holds it (checked when the fast form is written)
_models: dict[tuple[str, str], Any] = {}
_models_lock = Lock()


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
                path = self._model_path or model_dir(self._settings)
                self._model = load_pkuseg(Path(path), user_dict_path())

    def preload(self) -> Thread:
        """Start loading in the background (a caller with other work to do first); ``words`` waits."""
        thread = Thread(target=self.load, name="pkuseg-load", daemon=True)
        thread.start()
        return thread

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


def load_pkuseg(model: Path, user_dict: Path) -> Any:
    """The pkuseg segmenter for ``model``, loaded once per process.

    spacy-pkuseg reads its features from msgpack into a dict of 2.6 million strings plus two
    sets, and its weights from an npz: about 3.5 s. The fast form written beside the model on
    first use holds the same features as one NUL-separated string in index order (split and
    zipped back into the dict), no bigram set (only training reads it), and the weights as a
    plain .npy mapped from disk: the same segmenter, about three times faster to load. If the
    fast form cannot be written (a read-only cache), the model loads the usual way."""
    key = (str(model), str(user_dict))
    with _models_lock:
        if key not in _models:
            _models[key] = _load(model, user_dict)
        return _models[key]


def _load(model: Path, user_dict: Path) -> Any:
    import spacy_pkuseg

    fast = model / FAST_DIR
    if not (fast / "meta.json").is_file():
        slow = spacy_pkuseg.pkuseg(model_name=str(model), user_dict=str(user_dict))
        _write_fast(slow, fast)
        return slow
    return _from_fast(fast, user_dict)


def _from_fast(fast: Path, user_dict: Path) -> Any:
    """A spacy_pkuseg.pkuseg built as its __init__ builds one (spacy-pkuseg 1.x, model without
    a bundled dictionary, no POS tagging), from the fast form."""
    import numpy as np
    import spacy_pkuseg as sp

    meta = json.loads((fast / "meta.json").read_text(encoding="utf-8"))
    extractor = sp.FeatureExtractor.__new__(sp.FeatureExtractor)
    names = (fast / "features.bin").read_bytes().decode("utf-8").split(_SEP)
    extractor.feature_to_idx = dict(zip(names, range(len(names)), strict=True))
    extractor.unigram = set((fast / "unigram.bin").read_bytes().decode("utf-8").split(_SEP))
    extractor.bigram = set()
    extractor.tag_to_idx = meta["tag_to_idx"]
    weights = sp.Model.__new__(sp.Model)
    weights.n_tag, weights.n_feature = meta["n_tag"], meta["n_feature"]
    weights.n_transition_feature = weights.n_tag * (weights.n_feature + weights.n_tag)
    weights.w = np.load(fast / "w.npy", mmap_mode="c")  # copy-on-write: pages read when a feature is
    seg = sp.pkuseg.__new__(sp.pkuseg)
    seg.postag = False
    seg.preprocesser = sp.Preprocesser(str(user_dict))
    default_dict = os.path.join(os.path.dirname(os.path.realpath(sp.__file__)), "dicts", "default.pkl")
    seg.postprocesser = sp.Postprocesser(None, [default_dict])
    seg.feature_extractor, seg.model = extractor, weights
    seg.idx_to_tag = {idx: tag for tag, idx in extractor.tag_to_idx.items()}
    seg.n_feature, seg.n_tag = len(extractor.feature_to_idx), len(extractor.tag_to_idx)
    return seg


def _write_fast(seg: Any, fast: Path) -> None:
    """Write the fast form of a loaded model (atomically: a temp folder renamed into place)."""
    import numpy as np

    fx = seg.feature_extractor
    names = sorted(fx.feature_to_idx, key=fx.feature_to_idx.__getitem__)
    dense = all(fx.feature_to_idx[n] == i for i, n in enumerate(names))
    if not dense or any(_SEP in n for n in (*names, *fx.unigram)):
        return  # not indexed 0..n-1, or a name holding the separator: keep the usual form
    try:
        tmp = Path(tempfile.mkdtemp(prefix=".fast-", dir=fast.parent))
        tmp.chmod(0o755)  # mkdtemp makes it private; the model beside it is readable by all
    except OSError:
        return  # a read-only cache: load the usual way next time too
    try:
        (tmp / "features.bin").write_bytes(_SEP.join(names).encode("utf-8"))
        (tmp / "unigram.bin").write_bytes(_SEP.join(sorted(fx.unigram)).encode("utf-8"))
        np.save(tmp / "w.npy", np.ascontiguousarray(seg.model.w))
        meta = {"tag_to_idx": fx.tag_to_idx, "n_tag": seg.model.n_tag, "n_feature": seg.model.n_feature}
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, fast)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
