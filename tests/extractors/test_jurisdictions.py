"""Jurisdictions: one entry per named place, its level, parent and relation to the report.

Texts are our own (real places, invented text); the seeds and corpus 042 are
read from ../shared in place at the end and scored as score.py does.
"""

from __future__ import annotations

import json

import pytest

from govkg.extractors.document import build_document
from govkg.extractors.gazetteer import Gazetteer, load_gazetteer
from govkg.extractors.jurisdictions import find_jurisdictions
from govkg.extractors.load import read_report
from govkg.extractors.records import JurisdictionMention
from govkg.extractors.report import find_report
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def run(gaz: Gazetteer, text: str) -> dict[str, JurisdictionMention]:
    doc = build_document(text, "t.txt")
    out = find_jurisdictions(doc, find_report(doc, gaz), gaz)
    for j in out:  # provenance points at the surface, inside its sentence
        assert doc.text[j.prov.start : j.prov.end] == j.surface
        assert j.surface in j.prov.evidence
    return {j.name: j for j in out}


CITY_REPORT = (
    "洛阳市2021年法治政府建设年度报告\n"
    "2021年,洛阳市深入贯彻习近平总书记考察河南重要讲话精神,市场监管和市民服务持续优化。\n"
    "与陕西、山西对接合作,推动西安、运城等地政务服务跨省通办。\n"
    "栾川县、偃师区入选省级法治示范创建单位。全市各县区推进依法行政,市委、市政府高度重视。\n"
    "2021年,洛阳市人民政府组团赴北京学习。国家级洛阳高新区承接市级权限。\n"
)


@pytest.mark.parametrize(
    ("name", "level", "parent", "relation"),
    [
        ("洛阳市", "prefecture", "河南省", "about"),
        ("河南省", "province", None, "superior"),
        ("陕西省", "province", None, "partner"),  # cooperation words in its sentence
        ("山西省", "province", None, "partner"),
        ("西安市", "prefecture", "陕西省", "partner"),
        ("运城市", "prefecture", "山西省", "partner"),
        ("栾川县", "county", "洛阳市", "subordinate"),
        ("偃师区", "county", "洛阳市", "subordinate"),
        ("北京市", "province", None, "other"),
        ("洛阳高新技术产业开发区", "zone", "洛阳市", "subordinate"),
    ],
)
def test_city_report(gaz: Gazetteer, name: str, level: str, parent: str | None, relation: str) -> None:
    j = run(gaz, CITY_REPORT)[name]
    assert (j.level, j.parent, j.relation) == (level, parent, relation)


def test_city_report_has_nothing_else(gaz: Gazetteer) -> None:
    # no 市场, 市民, 全市, 市委, 县区: only named places
    assert set(run(gaz, CITY_REPORT)) == {
        "洛阳市", "河南省", "陕西省", "山西省", "西安市", "运城市", "栾川县", "偃师区", "北京市",
        "洛阳高新技术产业开发区",
    }  # fmt: skip


def test_short_forms_are_aliases_and_first_mention_wins(gaz: Gazetteer) -> None:
    j = run(gaz, CITY_REPORT)["河南省"]
    assert j.aliases == ("河南",) and j.surface == "河南"
    about = run(gaz, CITY_REPORT)["洛阳市"]
    assert about.prov.start == 0  # the title is its first mention
    assert about.key == about.adcode == "410300" and about.parent_key == "410000"


TOWNSHIP_REPORT = (
    "关于白马乡2023年度法治政府建设情况的报告\n"
    "2023年,我乡在南部县委、县政府的领导下,推进法治白马建设,落实镇政府法律顾问制度。\n"
    "严格执行《四川省依法行政条例》,为南充高质量发展提供保障。青山村被评为省级民主法治示范村。\n"
)


@pytest.mark.parametrize(
    ("name", "level", "parent", "relation", "key"),
    [
        ("白马乡", "township", "南部县", "about", "511321/白马乡"),
        ("南部县", "county", "南充市", "superior", "511321"),
        ("四川省", "province", None, "superior", "510000"),  # named inside a law's title
        ("南充市", "prefecture", "四川省", "superior", "511300"),
        (
            "青山村",
            "village",
            "白马乡",
            "subordinate",
            "511321/白马乡/青山村",
        ),  # keyed under the report's place
    ],
)
def test_township_report(gaz: Gazetteer, name: str, level: str, parent: str, relation: str, key: str) -> None:
    j = run(gaz, TOWNSHIP_REPORT)[name]
    assert (j.level, j.parent, j.relation, j.key) == (level, parent, relation, key)


def test_township_report_has_nothing_else(gaz: Gazetteer) -> None:
    assert set(run(gaz, TOWNSHIP_REPORT)) == {"白马乡", "南部县", "四川省", "南充市", "青山村"}


def test_county_report_lists_its_townships(gaz: Gazetteer) -> None:
    found = run(gaz, "2023年,安吉县坚持依法行政,在孝丰镇、递铺街道开展试点,天荒坪镇人民政府…")
    assert {n: (j.relation, j.parent) for n, j in found.items()} == {
        "安吉县": ("about", "湖州市"),
        "孝丰镇": ("subordinate", "安吉县"),
        "递铺街道": ("subordinate", "安吉县"),
        "天荒坪镇": ("subordinate", "安吉县"),
    }


def test_village_under_a_township_under_the_report(gaz: Gazetteer) -> None:
    found = run(gaz, "2023年,安吉县坚持依法行政。灵峰街道横山坞村党总支书记带头调解,赴杭州交流学习。")
    village = found["横山坞村"]
    assert (village.relation, village.parent, village.key) == (
        "subordinate",
        "灵峰街道",
        "330523/灵峰街道/横山坞村",
    )
    assert found["灵峰街道"].key == "330523/灵峰街道"
    assert found["杭州市"].relation == "partner"  # 交流学习


def test_zone_report_named_by_abbreviation(gaz: Gazetteer) -> None:
    found = run(gaz, "2024年,在市委、市政府的领导下,青山湾综保区坚持以习近平法治思想为指导。")
    assert list(found) == ["青山湾综合保税区"]
    j = found["青山湾综合保税区"]
    assert (j.relation, j.level, j.surface) == ("about", "zone", "青山湾综保区")


def test_about_never_named_takes_a_pronoun(gaz: Gazetteer) -> None:
    text = "平城区2022年法治政府建设情况报告\n2022年,我区坚持依法行政。"
    doc = build_document(text, "t.txt")
    report = find_report(doc, gaz)
    body = build_document(text.split("\n", 1)[1], "t.txt")  # the name only in a title we drop
    out = find_jurisdictions(body, report, gaz)
    assert [(j.name, j.relation, j.surface) for j in out] == [("平城区", "about", "我区")]


def test_anonymised_places(gaz: Gazetteer) -> None:
    found = run(gaz, "关于XX市依法行政工作的调研报告\n认真落实《XXX省法治政府建设规划》,2022年…")
    assert {n: (j.relation, j.anonymized) for n, j in found.items()} == {
        "XX市": ("about", True),
        "XXX省": ("superior", True),
    }


def test_national_report_names_no_country(gaz: Gazetteer) -> None:
    found = run(gaz, "2022年,司法部深入学习贯彻习近平法治思想,在全国组织开展宪法宣传周。")
    assert found == {}


def test_same_zone_written_two_ways_is_one_entry(gaz: Gazetteer) -> None:
    found = run(gaz, "2021年,合肥市坚持依法行政。国家级合肥经济技术开发区…《合肥市经济技术开发区管理办法》")
    zones = [j for j in found.values() if j.level == "zone"]
    assert len(zones) == 1 and zones[0].aliases == ("合肥市经济技术开发区",)


def test_zone_keyed_by_its_own_name_with_or_without_its_city(gaz: Gazetteer) -> None:
    zone = "青山湾综合保税区"
    with_city = run(gaz, "2024年,青山湾综保区坚持依法行政,落实《天津市法治政府建设规划》。")[zone]
    without = run(gaz, "2024年,青山湾综保区坚持依法行政。")[zone]
    assert with_city.key == without.key == "青山湾综合保税区"
    assert (with_city.parent_key, with_city.relation) == ("120000", "about")


SIGNED_BY_ANOTHER_NAME = (
    "2023年,我区坚持依法行政,印发大连青山湾经济区2023年法治政府建设工作要点。\n"
    "特此报告。\n大连青山湾经济技术开发区管理委员会\n2024年1月10日"
)


def test_zone_signed_under_another_of_its_names_is_one_entry(gaz: Gazetteer) -> None:
    found = run(gaz, SIGNED_BY_ANOTHER_NAME)
    zone = found["大连青山湾经济区"]
    assert (zone.relation, zone.key, zone.parent) == ("about", "青山湾经济区", "大连市")
    assert "大连青山湾经济技术开发区" in zone.aliases
    assert set(found) == {"大连青山湾经济区", "大连市"}


def test_two_zones_the_text_names_stay_apart(gaz: Gazetteer) -> None:
    text = "2023年,我区坚持依法行政。大连青山湾经济区与大连青山湾经济技术开发区签订合作协议。\n大连青山湾经济技术开发区管理委员会"
    found = run(gaz, text)
    assert found["大连青山湾经济技术开发区"].relation == "about"
    assert found["大连青山湾经济区"].relation == "partner"
    assert found["大连青山湾经济区"].key != found["大连青山湾经济技术开发区"].key


# ---- the seeds and corpus 042, scored as ../shared/tools/score.py does (names and aliases) ----


def _f1(gold: list[dict], pred: list[JurisdictionMention]) -> tuple[int, int, int]:
    def norm(s: str) -> str:
        return "".join(c for c in s if c not in " 、·-—()（）")

    used: set[int] = set()
    tp = fp = 0
    for p in {norm(j.name): j for j in pred}.values():
        hit = next(
            (i for i, g in enumerate(gold) if i not in used and norm(p.name) in {norm(g["name"]), *map(norm, g.get("aliases", []))}),
            None,
        )  # fmt: skip
        if hit is None:
            fp += 1
        else:
            used.add(hit)
            tp += not gold[hit].get("optional")
    fn = sum(1 for i, g in enumerate(gold) if i not in used and not g.get("optional"))
    return tp, fn, fp


def _score(gaz: Gazetteer, pairs) -> float:
    tp = fn = fp = 0
    for txt, gold_json in pairs:
        gold = json.loads(gold_json.read_text(encoding="utf-8"))["jurisdictions"]
        doc = build_document(read_report(txt), txt.name)
        a, b, c = _f1(gold, list(find_jurisdictions(doc, find_report(doc, gaz), gaz)))
        tp, fn, fp = tp + a, fn + b, fp + c
    return 2 * tp / (2 * tp + fn + fp)


def test_seeds_f1(gaz: Gazetteer) -> None:
    seeds, gold = shared_path("seeds"), shared_path("gold")
    assert _score(gaz, [(t, gold / f"{t.stem}.json") for t in sorted(seeds.glob("*.txt"))]) >= 0.92


def test_corpus_042_f1(gaz: Gazetteer) -> None:
    txt, gold = shared_path("corpus", "042.txt"), shared_path("corpus", "gold", "042.json")
    assert _score(gaz, [(txt, gold)]) >= 0.92
