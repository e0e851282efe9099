"""Report metadata: title, jurisdiction, year, published date, kind, issuer.

Openings are our own (real places, invented text); the seeds and the corpus are
read from ../shared in place at the end.
"""

from __future__ import annotations

import json

import pytest

from govkg.extractors.document import build_document
from govkg.extractors.gazetteer import Gazetteer, load_gazetteer
from govkg.extractors.load import read_report
from govkg.extractors.report import find_published, find_report, find_title, opening_subject
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def meta(gaz: Gazetteer, text: str):
    return find_report(build_document(text, "t.txt"), gaz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title line
        (
            "首页 > 政务公开\n青山区2023年法治政府建设年度报告\n2023年,青山区坚持…",
            "青山区2023年法治政府建设年度报告",
        ),
        # a title split over two lines: the issuing body, then 关于…
        (
            "XX县人民政府\n关于2021年XX县依法行政工作情况的报告\n2021年,我县…",
            "XX县人民政府关于2021年XX县依法行政工作情况的报告",
        ),
        # a title split before its tail
        ("白马镇2025年度法治政府建设\n情况报告\n2025年,白马镇…", "白马镇2025年度法治政府建设情况报告"),
        # a title in a metadata field
        ("标 题: 青山区2021年法治政府建设年度报告 主 题 词:\n正文", "青山区2021年法治政府建设年度报告"),
        # a title glued to the first sentence
        (
            "XX县人民政府关于2021年法治政府建设工作的报告2021年,县政府围绕…",
            "XX县人民政府关于2021年法治政府建设工作的报告",
        ),
        # a title ending in 情况 (no 报告)
        (
            "XX县人民政府2022年法治政府建设推进情况\n2022年,县政府…",
            "XX县人民政府2022年法治政府建设推进情况",
        ),
    ],
)
def test_find_title(text: str, expected: str) -> None:
    found = find_title(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "一、2022年法治政府建设工作情况\n(一)加强领导",  # a heading
        "当前位置:首页 > 政务公开 > 法治政府建设年报\n正文",  # a breadcrumb
        "现将有关情况报告如下:\n一、主要举措",  # the sentence announcing the report
        # a heading after the body has begun is not the title
        "2023年,我区坚持依法行政。\n区政府主要负责人履行法治建设第一责任人职责情况\n正文",
    ],
)
def test_no_title(text: str) -> None:
    assert find_title(text) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2023年,青山区坚持以习近平法治思想为引领", "青山区"),
        ("2022年,区政府坚持以习近平法治思想为指导", "区政府"),
        ("2025年,在县委的坚强领导下,白马镇持续深化", "白马镇"),  # a 在…下 clause skipped
        ("2024年,在市委的领导下,在市委依法治市办的指导下,白马镇人民政府坚持", "白马镇人民政府"),
        ("2021年,为落实法治政府建设规划,我乡扎实推进依法行政", "我乡"),  # a 为… clause skipped
        ("2021年是开局之年。一年来,青山区坚持依法行政", "青山区"),  # 是…之年: the next sentence
        ("2024年青山经济开发区在区委、区政府的领导下", "青山经济开发区"),  # no comma after the year
        ("2024年,青山湾新区(以下简称“新区”)始终坚持", "青山湾新区"),
        ("2023年,司法部深入学习贯彻习近平法治思想", "司法部"),
    ],
)
def test_opening_subject(line: str, expected: str) -> None:
    assert opening_subject(line) == expected


@pytest.mark.parametrize(
    ("text", "jurisdiction", "level", "year"),
    [
        # the title names it; the chain of places ends with the township
        (
            "湖州市安吉县白马镇人民政府2024年度法治政府建设情况报告\n2024年,白马镇…",
            "白马镇",
            "township",
            2024,
        ),
        # a department's report is about the department's territory
        ("青山区司法局2023年法治政府建设年度报告\n2023年,区司法局…", "青山区", "county", 2023),
        ("XX省交通运输厅关于2022年法治政府建设工作的报告\n正文", "XX省", "province", 2022),
        # no title: the opening subject
        ("2022年,偃师区坚持以习近平法治思想为指导。", "偃师区", "county", 2022),
        # no title, a level word for subject: the most named place of that level
        (
            "2022年,区政府坚持依法行政。印发《偃师区法治政府建设实施方案》,推进法治偃师建设。洛阳市…",
            "偃师区",
            "county",
            2022,
        ),  # fmt: skip
        ("2023年,省司法厅坚持依法行政。认真落实法治广东建设部署,广东…", "广东省", "province", 2023),
        ("2023年,我县坚持依法行政。栾川县人民政府…", "栾川县", "county", 2023),
        # a zone's abbreviated name
        ("2024年,青山湾综保区坚持以习近平法治思想为指导", "青山湾综合保税区", "zone", 2024),
        # a national ministry
        ("2022年,司法部深入学习贯彻习近平法治思想", "中华人民共和国", "unknown", 2022),
        # an anonymised review
        (
            "关于XX市依法行政工作的调研报告\n按照市人大常委会年度监督安排,常委会调研组…2022年全市…2022年…",
            "XX市",
            "unknown",
            2022,
        ),  # fmt: skip
        # the signature names it when nothing else does
        (
            "现将有关情况报告如下:\n一、主要工作\n2021年主要工作…\n特此报告。\n洛阳市偃师区人民政府\n2022年1月6日",
            "偃师区",
            "county",
            2021,
        ),  # fmt: skip
    ],
)
def test_jurisdiction_and_year(gaz: Gazetteer, text: str, jurisdiction: str, level: str, year: int) -> None:
    m = meta(gaz, text)
    assert (m.jurisdiction, m.level, m.year) == (jurisdiction, level, year)


def test_ambiguous_name_resolved_by_the_text(gaz: Gazetteer) -> None:
    m = meta(gaz, "2023年,鼓楼区坚持依法行政。在南京市委的领导下…")
    assert (m.jurisdiction, m.jurisdiction_key) == ("鼓楼区", "320106")


@pytest.mark.parametrize(
    "text",
    [
        "2024年,在市委、市政府的领导下,青山湾综保区坚持依法行政,落实《天津市法治政府建设规划》。",
        "2024年,在市委、市政府的领导下,青山湾综保区坚持依法行政。",
        "2024年,综保区坚持依法行政。天津青山湾综合保税区…",  # a bare zone word for subject
    ],
)
def test_zone_key_is_stable(gaz: Gazetteer, text: str) -> None:
    m = meta(gaz, text)
    assert (m.level, m.jurisdiction_key) == ("zone", "青山湾综合保税区")


def test_zone_signed_under_another_of_its_names(gaz: Gazetteer) -> None:
    """The committee signs as the zone's 经济技术开发区; the text names its 经济区: the report is
    about the zone the text names."""
    text = (
        "2023年,我区坚持依法行政,印发大连青山湾经济区2023年法治政府建设工作要点。\n"
        "特此报告。\n大连青山湾经济技术开发区管理委员会\n2024年1月10日"
    )
    m = meta(gaz, text)
    assert (m.jurisdiction, m.jurisdiction_key, m.issuer) == (
        "大连青山湾经济区", "青山湾经济区", "大连青山湾经济技术开发区管理委员会",
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # the text names the signature's zone itself
        "2023年,我区坚持依法行政。大连青山湾经济技术开发区…大连青山湾经济区…\n大连青山湾经济技术开发区管理委员会",
        # a zone of another proper name
        "2023年,我区坚持依法行政,借鉴大连花园口经济区经验。\n大连青山湾经济技术开发区管理委员会",
    ],
)
def test_signature_zone_kept(gaz: Gazetteer, text: str) -> None:
    assert meta(gaz, text).jurisdiction == "大连青山湾经济技术开发区"


def test_township_parent_from_the_text(gaz: Gazetteer) -> None:
    m = meta(gaz, "关于白马乡2023年度法治政府建设情况的报告\n走进南部县。2023年,我乡…")
    assert (m.jurisdiction, m.jurisdiction_key) == ("白马乡", "511321/白马乡")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布日期: 2021-05-12 08:30\n标题", "2021-05-12"),
        ("更新时间:2020/06/15 16:20:05", "2020-06-15"),
        ("发布机构: | XX市人民政府 | 成文日期: | 2019-11-08 |", "2019-11-08"),
        ("正文。\n特此报告。\nXX县人民政府\n2022年1月7日", "2022-01-07"),  # the signature date
        ("正文。\nXX县人民政府\n二〇二一年十二月三十日", "2021-12-30"),  # in Chinese numerals
        ("(2021年8月26日在XX市第十五届人民代表大会常务委员会第三次会议上)\n正文", "2021-08-26"),
        ("XX区人民政府 2019年12月3日星期二\n正文", None),  # a site's date of today
        ("规定自实施日期: 2024-01-01起施行", None),  # a date that is not the report's
    ],
)
def test_published(text: str, expected: str | None) -> None:
    assert find_published(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("青山区2023年法治政府建设年度报告\n2023年,青山区…", "annual_report"),
        ("关于青山区依法行政工作的调研报告\n…", "review"),
        ("XX市人大常委会执法检查组关于检查《XX市物业管理条例》实施情况的报告\n…", "review"),
        ("各位副主任、各位委员:\n按照区人大常委会年度监督安排,常委会调研组走访…", "review"),
        # a group of the congress received by the government further down: still its own report
        (
            "2023年,青山区坚持依法行政。" + "推进依法决策。" * 120 + "配合区人大常委会执法检查组开展检查。",
            "annual_report",
        ),
        ("青山区2023年政府工作报告\n各位代表…", "work_report"),
        # a government reporting to the 人大 is still an annual report
        ("主任、副主任、各位委员:\n2022年,全市法治政府建设坚持…", "annual_report"),
    ],
)
def test_kind(gaz: Gazetteer, text: str, kind: str) -> None:
    assert meta(gaz, text).kind == kind


@pytest.mark.parametrize(
    ("text", "issuer", "title"),
    [
        ("正文。\n特此报告。\n青山区人民政府\n2023年2月1日", "青山区人民政府", None),
        ("青山区司法局2023年法治政府建设年度报告\n正文", "青山区司法局", None),
        (
            "关于XX市依法行政工作的调研报告\n正文。\nXX市人大常委会调研组\n2023年6月1日",
            "XX市人大常委会调研组",
            None,
        ),
        # a department with no title: the title is composed from the department
        (
            "2021年,区司法局坚持依法行政。推进偃师区…偃师区…",
            "区司法局",
            "偃师区司法局2021年法治政府建设情况报告",
        ),
        # no title: <jurisdiction><year>年法治政府建设情况报告
        ("2022年,偃师区坚持依法行政。", None, "偃师区2022年法治政府建设情况报告"),
    ],
)
def test_issuer_and_composed_title(gaz: Gazetteer, text: str, issuer: str | None, title: str | None) -> None:
    m = meta(gaz, text)
    assert m.issuer == issuer
    if title:
        assert m.title == title


def _gold_report(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["report"]


def test_seeds_report_metadata(gaz: Gazetteer) -> None:
    """Every seed's jurisdiction and year as the gold gives them."""
    seeds = shared_path("seeds")
    gold = shared_path("gold")
    for txt in sorted(seeds.glob("*.txt")):
        g = _gold_report(gold / f"{txt.stem}.json")
        m = find_report(build_document(read_report(txt), txt.name), gaz)
        assert (m.jurisdiction, m.year, m.kind) == (g["jurisdiction"], g["year"], g["kind"]), txt.name
        assert m.published == g["published"], txt.name


def test_corpus_jurisdiction_and_year(gaz: Gazetteer) -> None:
    """At least 95% of the corpus reports get jurisdiction (or an alias) and year right."""
    corpus = shared_path("corpus")
    gold = shared_path("corpus", "gold")
    right = total = 0
    for txt in sorted(corpus.glob("*.txt")):
        g = _gold_report(gold / f"{txt.stem}.json")
        m = find_report(build_document(read_report(txt), txt.name), gaz)
        total += 1
        right += m.jurisdiction in {g["jurisdiction"], *g.get("aliases", [])} and m.year == g["year"]
    assert right / total >= 0.95
