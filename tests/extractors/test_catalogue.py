"""The law catalogue: reading the TSV, keys that ignore prefix/brackets/dashes, versions.

Small catalogues are written by the tests; ../shared/data/national_laws.tsv is read in place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.extractors.catalogue import LawCatalogue, load_catalogue, title_key
from tests.conftest import shared_path

ROWS = [
    # level, name, published, valid_from, expired
    ("法律", "行政复议法", "2017-09-01", "2018-01-01", "1"),
    ("法律", "行政复议法", "2023-09-01", "2024-01-01", "0"),
    ("行政法规", "政府信息公开条例", "2019-04-03", "", "0"),
    ("部门规章", "某某监督管理办法（试行）", "2001-03-13", "", "0"),
    ("司法解释", "最高人民法院关于某某问题的解释（二）", "2009-04-24", "2009-05-13", "1"),
    ("宪法", "宪法", "", "", "0"),
]


@pytest.fixture()
def small(tmp_path: Path) -> LawCatalogue:
    path = tmp_path / "laws.tsv"
    lines = ["level\tname\tpublished\tvalid_from\texpired"] + ["\t".join(r) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_catalogue(path)


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("中华人民共和国行政复议法", "行政复议法"),
        ("《行政复议法》", "行政复议法"),
        ("法治政府建设实施纲要（2021—2025年）", "法治政府建设实施纲要20212025年"),
        ("法治政府建设实施纲要(2021-2025年)", "法治政府建设实施纲要20212025年"),
        ("某某办法 （试行）", "某某办法试行"),
    ],
)
def test_title_key(title, key):
    assert title_key(title) == key


@pytest.mark.parametrize(
    ("title", "name", "level", "category", "in_force"),
    [
        # with or without the prefix; of two versions the one in force wins
        ("中华人民共和国行政复议法", "行政复议法", "法律", "law", True),
        ("行政复议法", "行政复议法", "法律", "law", True),
        ("中华人民共和国政府信息公开条例", "政府信息公开条例", "行政法规", "administrative_regulation", True),
        # brackets in either width; a title without its version mark meets the versioned name
        ("某某监督管理办法(试行)", "某某监督管理办法（试行）", "部门规章", "rule", True),
        ("某某监督管理办法", "某某监督管理办法（试行）", "部门规章", "rule", True),
        # (二) is part of the name, not a version: it must be written
        (
            "最高人民法院关于某某问题的解释(二)",
            "最高人民法院关于某某问题的解释（二）",
            "司法解释",
            "judicial_interpretation",
            False,
        ),
        ("中华人民共和国宪法", "宪法", "宪法", "law", True),
    ],
)
def test_lookup(small, title, name, level, category, in_force):
    e = small.get(title)
    assert e is not None and e.name == name and e.level == level and e.category == category
    assert (not e.expired) is in_force


def test_versions_prefer_in_force(small):
    e = small.get("行政复议法")
    assert e is not None and e.published == "2023-09-01" and e.valid_from == "2024-01-01"


@pytest.mark.parametrize("title", ["某某市行政复议办法", "最高人民法院关于某某问题的解释", "民法典"])
def test_unknown_titles(small, title):
    assert small.get(title) is None


def test_names_by_level(small):
    assert small.names(("法律", "宪法")) == ("宪法", "行政复议法")
    assert len(small) == len(ROWS)


def test_bad_files(tmp_path: Path):
    with pytest.raises(GovkgError):
        load_catalogue(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(GovkgError):
        load_catalogue(bad)


def test_national_catalogue():
    """The shared catalogue (read in place): every row loads; well-known titles resolve."""
    path = shared_path("data", "national_laws.tsv")
    cat = load_catalogue(path)
    rows = sum(1 for line in path.read_text("utf-8").splitlines()[1:] if line.strip())
    assert len(cat) == rows
    for title, level in (
        ("中华人民共和国安全生产法", "法律"),
        ("中华人民共和国宪法", "宪法"),
        ("重大行政决策程序暂行条例", "行政法规"),
        ("最高人民法院关于审理行政协议案件若干问题的规定", "司法解释"),
    ):
        e = cat.get(title)
        assert e is not None and e.level == level, title
