"""The pkuseg segmentation model: fetched once by the set-up, loaded from the cache.

spacy-pkuseg's model is on no hub this project can reach, but the ``pkuseg``
0.0.25 sdist on PyPI carries its default model
(``pkuseg/models/default/{features.pkl,weights.npz}``). ``install_model``
downloads that sdist with pip and extracts the two files into
``<cache_dir>/pkuseg/default``; ``model_dir`` finds them at run time and never
downloads anything.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from govkg.errors import ModelMissingError
from govkg.settings import Settings, get_settings

PKUSEG_SDIST = "pkuseg==0.0.25"
SDIST_FILES = ("features.pkl", "weights.npz")
# The features are converted once to msgpack, the form spacy-pkuseg prefers: no pickle is
# loaded at run time, and no "features.msgpack does not exist" warning on every start.
MODEL_FILES = ("features.msgpack", "weights.npz")
INSTALL_HINT = "govkg setup"


def model_dir(settings: Settings | None = None) -> Path:
    """The cached model directory; raises ModelMissingError naming the install command."""
    d = (settings or get_settings()).pkuseg_model_dir
    if not all((d / f).is_file() for f in MODEL_FILES):
        raise ModelMissingError(
            f"the pkuseg model is not in {d}; run `{INSTALL_HINT}` (or `make setup`) once to fetch it"
        )
    return d


def install_model(settings: Settings | None = None, force: bool = False) -> Path:
    """Fetch the pkuseg sdist with pip and extract its default model into the cache."""
    target = (settings or get_settings()).pkuseg_model_dir
    if not force and all((target / f).is_file() for f in MODEL_FILES):
        return target
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-build-isolation",
               "--no-binary", ":all:", PKUSEG_SDIST, "-d", tmp, "-q"]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise ModelMissingError(
                f"pip could not download {PKUSEG_SDIST} (it needs numpy, cython, setuptools and wheel "
                f"installed):\n{done.stderr.strip()[-2000:]}"
            )
        sdist = next(Path(tmp).glob("pkuseg-*.tar.gz"), None)
        if sdist is None:
            raise ModelMissingError(f"pip downloaded no pkuseg sdist into {tmp}")
        _extract_model(sdist, target)
    _convert_features(target)
    return target


def _convert_features(target: Path) -> None:
    from spacy_pkuseg.feature_extractor import FeatureExtractor

    pkl = target / "features.pkl"
    with contextlib.redirect_stderr(io.StringIO()):  # its "msgpack does not exist" warning is expected here
        FeatureExtractor.load(str(target)).save(str(target))  # writes features.msgpack beside it
    pkl.unlink()


def _extract_model(sdist: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist, "r:gz") as tar:
        for name in SDIST_FILES:
            member = next((m for m in tar.getmembers() if m.name.endswith(f"pkuseg/models/default/{name}")), None)
            if member is None:
                raise ModelMissingError(f"{sdist.name} has no models/default/{name}")
            src = tar.extractfile(member)
            assert src is not None
            partial = target / f".{name}.partial"
            with partial.open("wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
            partial.replace(target / name)  # never leave a half-written model behind
