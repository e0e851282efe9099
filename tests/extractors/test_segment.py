"""The fast form of the pkuseg model segments exactly as spacy-pkuseg's own loading does."""

from __future__ import annotations

import pytest

from govkg.errors import ModelMissingError
from govkg.extractors import segment
from govkg.extractors.model import model_dir

SENTENCES = [
    "县长张三主持召开县政府常务会议，专题学习《中华人民共和国行政复议法》。",
    "全年办理行政复议案件123件，负责人出庭应诉率为97.5%。",
    "扎实推动“放管服”改革落地，市场主体登记实现一网通办。",
    "二〇二三年，镇人民政府制定规范性文件3件。",
]


@pytest.fixture(scope="module")
def model():
    try:
        return model_dir()
    except ModelMissingError as e:
        pytest.skip(f"pkuseg model not installed: {e}")


def test_fast_form_cuts_like_spacy_pkuseg(model, tmp_path) -> None:
    import spacy_pkuseg

    usual = spacy_pkuseg.pkuseg(model_name=str(model), user_dict=str(segment.user_dict_path()))
    fast = tmp_path / segment.FAST_DIR
    segment._write_fast(usual, fast)
    quick = segment._from_fast(fast, segment.user_dict_path())
    assert [quick.cut(s) for s in SENTENCES] == [usual.cut(s) for s in SENTENCES]


def test_one_model_per_process(model) -> None:
    a, b = segment.Segmenter(), segment.Segmenter()
    a.load()
    b.load()
    assert a._model is b._model
