"""Gazetteer: GB/T 2260 names, short forms, ambiguity, guarded names and suffix rules.

Sentences are our own (the places are real, so their adcodes resolve).
"""

from __future__ import annotations

import time

import pytest

from govkg.extractors.gazetteer import Gazetteer, load_gazetteer, short_forms, with_parent


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def found(gaz: Gazetteer, text: str, context: str | None = None) -> set[tuple[str, str]]:
    """(surface, name) of every place found."""
    return {(text[s:e], p.name) for s, e, p in gaz.find(text, context=context)}


def names(gaz: Gazetteer, text: str, context: str | None = None) -> set[str]:
    return {p.name for _, _, p in gaz.find(text, context=context)}


def test_builds_fast_and_is_cached() -> None:
    t = time.perf_counter()
    Gazetteer()
    assert time.perf_counter() - t < 1.0  # about 0.2 s; generous for a busy machine
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    ("name", "type_", "expected"),
    [
        ("山西省", "省", ("山西",)),  # 省 stripped
        ("北京市", "直辖市", ("北京",)),
        ("内蒙古自治区", "自治区", ("内蒙古",)),  # 蒙古 is an ethnic name, but 内 alone is too short
        ("宁夏回族自治区", "自治区", ("宁夏",)),  # ethnic name with 族 stripped
        ("新疆维吾尔自治区", "自治区", ("新疆",)),  # ethnic name without 族
        ("延边朝鲜族自治州", "自治州", ("延边",)),
        ("黔西南布依族苗族自治州", "自治州", ("黔西南",)),  # two ethnic names
        ("三门峡市", "地级市", ("三门峡",)),
        ("阿克苏地区", "地区", ("阿克苏",)),
        ("栾川县", "县", ("栾川",)),
        ("涉县", "县", ()),  # one-character stem: no short form
        ("城区", "市辖区", ()),
        ("浦东新区", "市辖区", ()),  # 新区 is the unit word
    ],
)
def test_short_forms(name: str, type_: str, expected: tuple[str, ...]) -> None:
    ethnic = ("朝鲜", "布依", "苗", "回", "维吾尔", "蒙古")
    assert short_forms(name, type_, ethnic) == expected


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("山西", None, ("山西省", "province", "140000", None)),
        ("洛阳", None, ("洛阳市", "prefecture", "410300", "河南省")),
        ("三门峡", None, ("三门峡市", "prefecture", "411200", "河南省")),
        ("栾川县", None, ("栾川县", "county", "410324", "洛阳市")),
        ("吉林", None, ("吉林省", "province", "220000", None)),  # a province before its namesake city
        ("广州市天河区", None, ("天河区", "county", "440106", "广州市")),  # qualified: the last one
        ("阳泉市城区", None, ("城区", "county", "140302", "阳泉市")),  # a common word after its parent
        ("白云区", "广州市", ("白云区", "county", "440111", "广州市")),  # ambiguous: context decides
        ("白云区", "520100", ("白云区", "county", "520113", "贵阳市")),  # context as a key
        ("鼓楼区", None, ("鼓楼区", "county", None, None)),  # ambiguous without context: no adcode
        ("南部县青石乡", None, ("青石乡", "township", None, "南部县")),
        ("白马镇", None, ("白马镇", "township", None, None)),  # a name given alone
        ("青山湾综保区", None, ("青山湾综合保税区", "zone", None, None)),  # abbreviation expanded
        ("XX市", None, ("XX市", "unknown", None, None)),
        ("XXX省", None, ("XXX省", "province", None, None)),
        ("全国", None, ("中华人民共和国", "unknown", None, None)),
    ],
)
def test_lookup(gaz: Gazetteer, name: str, context: str | None, expected: tuple) -> None:
    p = gaz.lookup(name, context)
    assert p is not None
    assert (p.name, p.level, p.adcode, p.parent_name) == expected


@pytest.mark.parametrize("name", ["城区", "市场", "全市", "区域", "", "法治政府"])
def test_lookup_not_a_place(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None


def test_keys(gaz: Gazetteer) -> None:
    assert gaz.lookup("青石乡").key == "青石乡"  # type: ignore[union-attr]
    assert gaz.lookup("南部县青石乡").key == "511321/青石乡"  # type: ignore[union-attr]
    assert gaz.lookup("洛阳").key == "410300"  # type: ignore[union-attr]
    assert gaz.lookup("XX市").anonymized  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full names and short forms, with the short form's full name
        ("与陕西、内蒙古对接合作", {("陕西", "陕西省"), ("内蒙古", "内蒙古自治区")}),
        ("贯彻落实习近平总书记考察河南重要讲话精神", {("河南", "河南省")}),
        # a province's short form wins over a county's (河北区 is in 天津)
        ("与天津、河北协同", {("天津", "天津市"), ("河北", "河北省")}),
        # an ambiguous district resolved by the parent written before it
        ("福州市鼓楼区", {("福州市", "福州市"), ("鼓楼区", "鼓楼区")}),
        # placeholders keep their form
        ("《XXX省法治政府建设规划》", {("XXX省", "XXX省")}),
        # a zone right after its city, with its rank word left out
        ("国家级合肥经济技术开发区", {("合肥经济技术开发区", "合肥经济技术开发区"), ("合肥", "合肥市")}),
        # a zone's abbreviated suffix after a province-level city
        ("成都高新区", {("成都高新区", "成都高新技术产业开发区"), ("成都", "成都市")}),
        # a township after its county, a village after its township
        (
            "安吉县天荒坪镇大溪村党支部",
            {("安吉县", "安吉县"), ("天荒坪镇", "天荒坪镇"), ("大溪村", "大溪村")},
        ),
        # a bare township with an organisation after it
        ("，青石乡人民政府印发", {("青石乡", "青石乡")}),
        # a bare township in a title, with the year after it
        ("白马镇2023年法治政府建设年度报告", {("白马镇", "白马镇")}),
        # a bare street office
        ("在金桥街道办事处设立", {("金桥街道", "金桥街道")}),
        # a list of townships of one family
        (
            "在城关镇、河口镇、青石乡开展试点",
            {("城关镇", "城关镇"), ("河口镇", "河口镇"), ("青石乡", "青石乡")},
        ),
        # a counted list of names: the suffix comes from the count word ...
        ("对金山、银河等五个街道", {("金山", "金山街道"), ("银河", "银河街道")}),
        # ... its last level word when alternatives are bracketed in (towns and state farms; townships,
        # towns and streets) ...
        ("对东坪、西林等三个镇(场)开展考核", {("东坪", "东坪镇"), ("西林", "西林镇")}),
        ("北湖、南岭等六个乡(镇)街道办事处", {("北湖", "北湖街道"), ("南岭", "南岭街道")}),
        # ... and none when that word is a compound of two levels
        ("东坪、西林等四个乡镇(场)", {("东坪", "东坪"), ("西林", "西林")}),
        # a zone word that needs its city and a proper name before it: a zone with a 管委会 ...
        ("大连花园口经济区管委会", {("大连花园口经济区", "大连花园口经济区"), ("大连", "大连市")}),
        # ... and a demonstration zone right after its city
        ("新乡市平原示范区管委会", {("新乡市平原示范区", "新乡市平原示范区"), ("新乡市", "新乡市")}),
        # a short form after a character that does not make a word with it
        ("共享南京经验", {("南京", "南京市")}),
        # a planning region named after a city is no zone (no proper name between); the city is named
        ("融入关中-天水经济区", {("天水", "天水市")}),
        # an honour names a village, and so does passing its review
        ("青山村被评为全国民主法治示范村", {("青山村", "青山村")}),
        ("，石门村通过省级民主法治村复评", {("石门村", "石门村")}),
        # a zone introduced with a short alias
        ("青山湾新区(以下简称“新区”)坚持", {("青山湾新区", "青山湾新区")}),
        # a one-character village name with an honour or its own organisation after it
        ("，余村被评为全国民主法治示范村", {("余村", "余村")}),
        # a township named right before a village with its own organisation
        ("灵峰街道横山坞村党总支书记", {("灵峰街道", "灵峰街道"), ("横山坞村", "横山坞村")}),
        # 乡镇 after a township is a word, not another township under it
        ("在孝丰镇、天荒坪镇开展乡镇综合执法", {("孝丰镇", "孝丰镇"), ("天荒坪镇", "天荒坪镇")}),
        # a name once recognised counts everywhere
        ("白马镇人民政府。白马镇坚持依法行政", {("白马镇", "白马镇")}),
    ],
)
def test_find(gaz: Gazetteer, text: str, expected: set[tuple[str, str]]) -> None:
    assert found(gaz, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "市场监管局加强市民服务,市级部门和市直单位",  # 市 + a common word
        "全市、全区、我县、本镇、省委、市委、县级",  # level words without a name
        "城区、郊区、矿区的老旧小区",  # common words that are also district names
        "推进城乡一体化,城镇和乡村建设,乡镇和街道",  # level words glued together
        "组织各乡镇、街道开展普法",  # 各 is not a name
        "落实镇政府法律顾问制度",  # a verb before 镇政府
        "继续围绕新区党工委部署;今年新区管委会工作",  # time words and verbs before 新区
        "确保社会长治久安",  # 长治 in a stock phrase
        "进企业、进社区、进农村",  # one-character words before 社区/村
        "京津冀协同发展,成渝地区双城经济圈",  # regions, not jurisdictions
        "区人大常委会主任XXX带队调研",  # a person's placeholder
        "创建全国法治政府建设示范区",  # a programme's title, no place before 示范区
        "南部地区、北部山区",  # 南部 is a county's short form, here a direction
        "下沉镇街,延伸到村社区",  # 镇街 is 镇 and 街道
        "与海南区域合作",  # 区 followed by 域
        "弘扬延安精神,培育新乡贤",  # a spirit named after a place; 新乡贤 (rural sages)
        "推进幸福建设",  # 幸福建设 is not 福建
        "造福建档立卡户,祝福建党百年",  # 造福/祝福 + 建…: not 福建
        "推进淮海经济区、海峡西岸经济区建设",  # planning regions, no city before them
        "青山湾经济区管委会",  # 经济区 needs its city before it
        "航空港示范区管委会",  # and so does 示范区
        "建议镇政府加强管理",  # a verb before 镇政府
        "，青石村通过召开村民大会议定事项,美丽乡村通过验收",  # 通过 as a means; a compound word
    ],
)
def test_find_nothing(gaz: Gazetteer, text: str) -> None:
    assert names(gaz, text) == set()


def test_guarded_short_form_needs_confirmation(gaz: Gazetteer) -> None:
    # a county's short form counts when the full name is written elsewhere ...
    assert "栾川县" in names(gaz, "栾川县人民政府。推进栾川发展")
    # ... or its city is named ...
    assert "南部县" in names(gaz, "南充市加快发展,落实南部工作")
    # ... or the caller's context fixes it (a report about the county itself) ...
    assert "栾川县" in names(gaz, "推进栾川发展", context="410324")
    # ... but not alone, nor because a province far above it is the context
    assert names(gaz, "推进栾川发展") == set()
    assert "泰山区" not in names(gaz, "稳如泰山", context="370000")


def test_one_char_stem_county_needs_its_parent(gaz: Gazetteer) -> None:
    assert names(gaz, "创建法治政府建设示范县") == set()  # 范县 inside 示范县
    assert "涉县" in names(gaz, "邯郸市涉县")


def test_bare_name_joins_qualified(gaz: Gazetteer) -> None:
    places = {p.key for _, _, p in gaz.find("四川天府新区2023年度报告。天府新区管委会坚持")}
    assert places == {"510000", "天府新区"}


def keys(gaz: Gazetteer, text: str) -> dict[str, str]:
    """surface -> key of every zone found."""
    return {text[s:e]: p.key for s, e, p in gaz.find(text) if p.level == "zone"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a zone with a proper name: keyed by it and its full zone word, with or without its city
        ("天津东疆综合保税区管委会", {"天津东疆综合保税区": "东疆综合保税区"}),
        ("东疆综合保税区管委会", {"东疆综合保税区": "东疆综合保税区"}),
        ("东疆综保区管委会", {"东疆综保区": "东疆综合保税区"}),
        # a zone named only by its city: keyed under the city; an abbreviation is its full form
        ("成都高新区、成都高新技术产业开发区", {"成都高新区": "510100/高新技术产业开发区",
                                             "成都高新技术产业开发区": "510100/高新技术产业开发区"}),
        # different zone words after the same city or proper name are different zones
        ("苏州工业园区和苏州高新区", {"苏州工业园区": "320500/工业园区", "苏州高新区": "320500/高新技术产业开发区"}),
        ("四川天府新区与四川天府高新区", {"四川天府新区": "天府新区", "四川天府高新区": "天府高新技术产业开发区"}),
    ],
)  # fmt: skip
def test_zone_keys(gaz: Gazetteer, text: str, expected: dict[str, str]) -> None:
    assert keys(gaz, text) == expected


def test_zone_key_does_not_depend_on_the_parent(gaz: Gazetteer) -> None:
    zone = gaz.lookup("东疆综合保税区")
    assert zone is not None
    placed = with_parent(zone, gaz.places["120000"])
    assert (placed.key, placed.parent_key) == ("东疆综合保税区", "120000")
    township = gaz.lookup("青石乡")
    assert township is not None and with_parent(township, gaz.places["511321"]).key == "511321/青石乡"


@pytest.mark.parametrize(
    ("name", "stem"),
    [("东疆综合保税区", "东疆"), ("大连花园口经济区", "花园口"), ("合肥经济技术开发区", ""), ("青石乡", "")],
)
def test_zone_stem(gaz: Gazetteer, name: str, stem: str) -> None:
    place = gaz.lookup(name)
    assert place is not None and gaz.zone_stem(place) == stem


def test_written_forms(gaz: Gazetteer) -> None:
    zone = gaz.lookup("青山湾综合保税区")
    assert zone is not None
    assert "青山湾综保区" in gaz.written_forms(zone)


def test_offsets_point_at_the_surface(gaz: Gazetteer) -> None:
    text = "2022年,广州市天河区与北京、XX市交流"
    for s, e, p in gaz.find(text):
        assert text[s:e] in (p.name, *p.aliases)
