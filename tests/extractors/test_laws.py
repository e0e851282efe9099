"""Laws: titles, bare national laws, categories, actions, canonical titles, catalogue.

Sentences are our own; the seeds and the catalogue are read from ../shared in place at the end.
"""

from __future__ import annotations

import json

import pytest

from govkg.extractors import laws as L
from govkg.extractors.catalogue import load_catalogue
from govkg.extractors.document import build_document
from govkg.extractors.patterns import laws as P
from tests.conftest import shared_path


def found(text: str, catalogue=None) -> set[tuple[str, str, str]]:
    doc = build_document(text, "t.txt")
    return {(m.title, m.category, m.action) for m in L.find_laws(doc, catalogue)}


def titles(text: str) -> set[str]:
    return {t for t, _, _ in found(text)}


# ---------------------------------------------------------------- whole sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 《》 national law: prefix added, short form kept; 学习 cites
        ("组织学习《安全生产法》。", {("中华人民共和国安全生产法", "law", "cite")}),
        ("深入学习《中华人民共和国审计法》。", {("中华人民共和国审计法", "law", "cite")}),
        # a State Council regulation, written with or without its prefix
        ("认真贯彻《政府投资条例》。", {("政府投资条例", "administrative_regulation", "cite")}),
        (
            "贯彻执行国务院《优化营商环境条例》。",
            {("优化营商环境条例", "administrative_regulation", "cite")},
        ),
        # local regulations: a province's or city's 条例; one the report enacts; 地方性法规 said in the sentence
        ("制定出台《某某市停车管理条例》。", {("某某市停车管理条例", "local_regulation", "enact")}),
        ("出台《湖泊湿地保护条例》。", {("湖泊湿地保护条例", "local_regulation", "enact")}),
        (
            "审议《古村落保护条例》等2部地方性法规。",
            {("古村落保护条例", "local_regulation", "cite")},
        ),
        # drafts: the mark is dropped, the action is draft
        (
            "组织起草《某某市养犬管理条例(草案)》《某某市物业管理条例(修订草案)》。",
            {
                ("某某市养犬管理条例", "local_regulation", "draft"),
                ("某某市物业管理条例", "local_regulation", "draft"),
            },
        ),
        # repeal of a list
        (
            "废止了《某某市集贸市场管理条例》《某某市节约用水条例》2部地方性法规。",
            {
                ("某某市集贸市场管理条例", "local_regulation", "repeal"),
                ("某某市节约用水条例", "local_regulation", "repeal"),
            },
        ),
        # rules and normative documents by the level of the issuing place
        ("严格执行《湖北省行政执法监督规定》。", {("湖北省行政执法监督规定", "rule", "cite")}),
        (
            "印发《某某市某某区行政应诉工作规定》。",
            {("某某市某某区行政应诉工作规定", "policy_document", "enact")},
        ),
        ("制定《合同审查管理办法》等5项制度。", {("合同审查管理办法", "policy_document", "enact")}),
        # judicial interpretations and party regulations
        (
            "落实《最高人民法院关于审理行政协议案件若干问题的规定》。",
            {("最高人民法院关于审理行政协议案件若干问题的规定", "judicial_interpretation", "cite")},
        ),
        ("学习《中国共产党党内监督条例》。", {("中国共产党党内监督条例", "party_regulation", "cite")}),
        (
            "严格执行《党政领导干部选拔任用工作条例》。",
            {("党政领导干部选拔任用工作条例", "party_regulation", "cite")},
        ),
        # policy documents: 纲要, 方案, 要点, 清单, 意见 …; year ranges normalised
        (
            "贯彻落实《法治社会建设实施纲要(2020—2025年)》。",
            {("法治社会建设实施纲要(2020-2025年)", "policy_document", "cite")},
        ),
        (
            "印发《某某县2023年法治政府建设工作要点》。",
            {("某某县2023年法治政府建设工作要点", "policy_document", "enact")},
        ),
        # a category noun before the title names its category
        (
            "今年出台地方性法规《某某市电动车管理规定》和政府规章《某某市救助办法》。",
            {("某某市电动车管理规定", "local_regulation", "enact"), ("某某市救助办法", "rule", "enact")},
        ),
        # …and so does one after the list that holds it
        (
            "废止《某某市拆迁管理细则》等规章2件。",
            {("某某市拆迁管理细则", "rule", "repeal")},
        ),
        (
            "废止《某某市甲管理办法》《某某市乙管理规定》2部与上位法不一致的地方性法规。",
            {
                ("某某市甲管理办法", "local_regulation", "repeal"),
                ("某某市乙管理规定", "local_regulation", "repeal"),
            },
        ),
        # 规章制度 is any set of rules: the title's own form decides
        (
            "修订《某某镇财务管理制度》等规章制度20余项。",
            {("某某镇财务管理制度", "policy_document", "revise")},
        ),
        # a city's 规定/办法: a government rule, unless its clause says a people's congress adopts it
        ("《某某市楼道安全规定》自明年3月起施行。", {("某某市楼道安全规定", "rule", "cite")}),
        (
            "《某某市楼道安全规定》经市人大常委会审议通过。",
            {("某某市楼道安全规定", "local_regulation", "cite")},
        ),
        (
            "提请市人大常委会审议《某某市河道管理规定》。",
            {("某某市河道管理规定", "local_regulation", "cite")},
        ),
        (
            "出台《某某市优化营商环境若干规定》,经市人大常委会审议通过。",
            {("某某市优化营商环境若干规定", "local_regulation", "enact")},
        ),
        (
            "《某某市楼道安全规定》于3月施行,市人大常委会还听取了专项报告。",
            {("某某市楼道安全规定", "rule", "cite")},
        ),
        (
            "向市人大常委会报告《某某市救助管理办法》实施情况。",
            {("某某市救助管理办法", "rule", "cite")},
        ),
        # an event named after a law cites it, whatever verb governs the event
        ("制定宪法宣传周活动方案。", {("中华人民共和国宪法", "law", "cite")}),
        # a province's 暂行办法 is a government rule like any other 办法
        ("严格执行《某某省行政执法监督暂行办法》。", {("某某省行政执法监督暂行办法", "rule", "cite")}),
        # charts, forms and service pledges are not instruments
        ("印发《某某县行政执法流程图》《某某县政务服务承诺》《某某乡职责信息表》。", set()),
    ],
)
def test_titles(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # national laws named bare
        ("开展民法典宣传活动。", {"中华人民共和国民法典"}),
        (
            "讲课内容为劳动法、婚姻法、继承法等。",
            {"中华人民共和国劳动法", "中华人民共和国婚姻法", "中华人民共和国继承法"},
        ),
        ("部分部门对监督法了解不够。", {"中华人民共和国各级人民代表大会常务委员会监督法"}),
        ("开展新修订行政复议法学法活动。", {"中华人民共和国行政复议法"}),
        ("将宪法法律培训作为干部培训重要内容。", {"中华人民共和国宪法"}),
        # a longer law wins over the short one inside it
        ("宣传义务教育法。", {"中华人民共和国义务教育法"}),
        # a day, a week or a month named after a law publicises it: the law is cited
        ("深入开展国家宪法日、“宪法宣传周”活动。", {"中华人民共和国宪法"}),
        ("组织民法典宣传月活动。", {"中华人民共和国民法典"}),
        ("举办宪法周、民法典宣传月等活动。", {"中华人民共和国民法典", "中华人民共和国宪法"}),
        ("结合“3·15”消费者权益保护法宣传日开展宣传。", {"中华人民共和国消费者权益保护法"}),
        ("开展“民法典进万家”活动。", {"中华人民共和国民法典"}),
        # words that only contain a law's name
        ("公司法人代表参加培训。", set()),
        ("加强教育法治工作。", set()),
        ("劳动法律服务进企业。", set()),
        # refer-backs and generic words
        ("该法实施以来,本条例规定的事项。", set()),
        ("贯彻落实《纲要》《意见》和《条例》。", set()),
        ("学习法律法规和党内法规。", set()),
        # titles of courses, books, papers, shows
        ("开设《远离校园暴力》课程,发放《民法典学习读本》《宪法知识手册》。", set()),
        ("在《法治日报》刊发,在《今日说法》栏目播出,学习《习近平法治思想学习纲要》。", set()),
        ("编印《安全生产法律法规汇编》,撰写《某某区法治政府建设情况报告》。", set()),
    ],
)
def test_bare_and_not_laws(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # broken marks: a lost closing or opening mark
        ("认真贯彻《某某市城市绿化条例,加强管理。", {"某某市城市绿化条例"}),
        ("认真贯彻安全生产法》要求。", {"中华人民共和国安全生产法"}),
        # angle brackets as outer marks; nested titles give the outer and the inner one
        ("学习〈行政复议法〉。", {"中华人民共和国行政复议法"}),
        (
            "印发《贯彻落实〈法治政府建设实施纲要(2021-2025年)〉的实施方案》。",
            {"贯彻落实〈法治政府建设实施纲要(2021-2025年)〉的实施方案", "法治政府建设实施纲要(2021-2025年)"},
        ),
        # bare documents of the report's own: a place or year start and a document head after a verb
        ("印发某某经济区2022年法治政府建设工作要点,明确分工。", {"某某经济区2022年法治政府建设工作要点"}),
        ("根据县人大常委会2023年监督工作计划的安排开展检查。", {"县人大常委会2023年监督工作计划"}),
        ("重点立法项目——湿地保护条例草案进入审议。", {"湿地保护条例"}),
        ("推动出台湿地公园保护条例。", {"湿地公园保护条例"}),
        # …also with the generic heads 意见/办法/规定/通知 when an issuer starts the title
        ("出台县政府关于规范涉企检查的意见,明确要求。", {"县政府关于规范涉企检查的意见"}),
        ("印发2024年度执法考核办法。", {"2024年度执法考核办法"}),
        # …but not generic ones, nor an issuer with a bare head
        ("制定全市法治政府建设工作要点和实施方案。", set()),
        ("按照县政府规定的时限完成整改。", set()),
        ("根据市委意见,调整工作安排。", set()),
    ],
)
def test_other_forms(text, expected):
    assert titles(text) == expected


# ---------------------------------------------------------------- actions


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("严格按照《某某市重大行政决策程序规定》要求。", "cite"),
        ("制定并出台了《某某乡行政审批考核办法》。", "enact"),
        ("先后出台《某某市数字政府建设规划》。", "enact"),
        ("编制形成了《某某乡职权职责目录》。", "enact"),
        ("进一步完善《某某乡议事规则》。", "revise"),
        ("及时修订并完善《某某村村规民约章程》。", "revise"),
        ("对《某某市政务公开办法》进行了修订。", "revise"),
        ("对《某某市临时管理办法》予以废止。", "repeal"),
        ("完成《某某市法治建设规划(2021-2025年)》起草工作。", "draft"),
        ("审议《某某市养犬管理条例》(草案)。", "draft"),
        ("随着《某某省安全生产条例》修订后的实施,加强执法。", "cite"),
        # the nearest verb decides: 依据 for A, 制定 for B
        ("依据《某某省行政执法条例》制定了《某某县执法细则》。", None),
        # a verb that governs something else
        ("建立以《某某市信用管理办法》为核心的制度体系。", "cite"),
        ("制定《某某市安全生产条例》实施细则。", "cite"),
        ("区委书记签发《某某区领导干部述法工作办法》。", "enact"),
        # 新修订 is an adjective
        ("学习新修订的《行政复议法》。", "cite"),
    ],
)
def test_actions(text, action):
    got = found(text)
    if action is None:
        assert got == {
            ("某某省行政执法条例", "local_regulation", "cite"),
            ("某某县执法细则", "policy_document", "enact"),
        }
    else:
        assert {a for _, _, a in got} == {action}


def test_lists_share_the_verb():
    text = "制定《某某市合同管理办法》、《某某市应诉工作规则》和《某某市法律顾问制度》等7项制度。"
    assert {a for _, _, a in found(text)} == {"enact"}
    assert len(found(text)) == 3


def test_one_entry_per_title_and_action():
    doc = build_document("学习《宪法》。宣传宪法。修订《某某市物业条例》,学习《某某市物业条例》。", "t.txt")
    got = [(m.title, m.action) for m in L.find_laws(doc)]
    assert sorted(got) == sorted(
        [("中华人民共和国宪法", "cite"), ("某某市物业条例", "revise"), ("某某市物业条例", "cite")]
    )
    constitution = next(m for m in L.find_laws(doc) if m.title == "中华人民共和国宪法")
    assert constitution.short == "宪法" and "宪法" in constitution.aliases


def test_provenance_points_at_the_surface():
    text = "一、主要举措\n深入贯彻《中华人民共和国安全生产法》,开展民法典宣传。"
    doc = build_document(text, "t.txt")
    for m in L.find_laws(doc):
        assert doc.text[m.prov.start : m.prov.end] == m.surface
        assert m.surface in m.prov.evidence


# ---------------------------------------------------------------- the parts


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("法治政府建设实施纲要(2021—2025年)", "法治政府建设实施纲要(2021-2025年)"),
        ("法治政府建设实施纲要（2021－2025年）", "法治政府建设实施纲要(2021-2025年)"),
        ("某某市实施纲要(20212025年)", "某某市实施纲要(2021-2025年)"),
        ("某某市实施纲要(2021至2025年)", "某某市实施纲要(2021-2025年)"),
        ("贯彻落实<某某纲要>的方案", "贯彻落实〈某某纲要〉的方案"),
    ],
)
def test_normalise_title(written, canonical):
    assert L.normalise_title(written) == canonical


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("某某市养犬管理条例(草案)", ("某某市养犬管理条例", True)),
        ("某某市物业管理条例(修订草案)", ("某某市物业管理条例", True)),
        ("某某条例草案", ("某某条例", True)),
        ("某某办法(征求意见稿)", ("某某办法", True)),
        ("某某办法(试行)", ("某某办法(试行)", False)),
    ],
)
def test_split_draft(written, expected):
    assert L.split_draft(written) == expected


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("河南省重大行政决策程序规定", "HIGH"),
        ("某某市人民政府行政规范性文件管理规定", "HIGH"),
        ("某某市某某区行政规范性文件管理规定", "LOW"),
        ("某某乡便民服务承诺", "LOW"),
        ("XXX省法治政府建设实施纲要", "HIGH"),
        ("市场主体登记管理条例", "NONE"),
        ("城市居民委员会组织法", "NONE"),
        ("自然保护区条例", "NONE"),
        ("社区矫正法", "NONE"),
        ("湖州市市区停车场管理办法", "HIGH"),
        ("全市法治政府建设工作要点", "NONE"),
    ],
)
def test_place_level(title, level):
    assert L.place_level(title) == level


@pytest.mark.parametrize(
    ("title", "issuer", "category"),
    [
        ("中华人民共和国政府信息公开条例", "", "administrative_regulation"),
        ("中华人民共和国刑法修正案(十一)", "", "law"),
        ("全国人民代表大会常务委员会关于全面禁止非法野生动物交易的决定", "", "law"),
        ("某某省实施《中华人民共和国土地管理法》办法", "", "local_regulation"),
        ("深圳经济特区某某条例", "", "local_regulation"),
        ("某某条例", "国务院", "administrative_regulation"),
        ("党政机关厉行节约反对浪费条例", "", "party_regulation"),
        ("中国共产党章程", "", "party_regulation"),
        ("中共中央关于全面推进依法治国若干重大问题的决定", "", "policy_document"),
        ("公安机关办理行政案件程序规定", "公安部", "rule"),
        ("关于加强行政应诉工作的意见", "", "policy_document"),
        ("某某市法治督察考核评分细则", "", "policy_document"),
        ("某某乡“三重一大”议事决策制度", "", "policy_document"),
        ("某某市法治建设“六大机制”", "", "policy_document"),
        ("以案说法", "", None),
        ("以案释法", "", None),
        ("某某区法治政府建设情况报告", "", None),
        ("实施方案", "", None),
    ],
)
def test_classify(title, issuer, category):
    assert L.classify(title, issuer) == category


@pytest.mark.parametrize(
    ("pattern", "text", "group"),
    [
        (P.TITLE, "学习《安全生产法》《审计法》", "安全生产法"),
        (P.TITLE, "《关于适用《民法典》的解释》", "关于适用《民法典》的解释"),
        (P.ANGLE_TITLE, "〈行政处罚法〉", "行政处罚法"),
        (P.OPEN_ONLY, "《某某条例,加强", "某某条例"),
        (P.CLOSE_ONLY, "贯彻安全生产法》要求", "贯彻安全生产法"),
        (P.BARE_DOC, "某某区2021年法治政府建设工作要点,", "某某区2021年法治政府建设工作要点"),
    ],
)
def test_patterns(pattern, text, group):
    m = pattern.search(text)
    assert m and m.group(1 if pattern.groups else 0) == group


def test_lexicons_say_why():
    for name, width in (("law_actions.tsv", 3), ("law_bare_names.tsv", 4), ("law_categories.tsv", 3)):
        for row in L._rows(name):
            assert len(row) == width and row[-1].strip(), (name, row)


# ---------------------------------------------------------------- catalogue and seeds (../shared, read in place)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(shared_path("data", "national_laws.tsv"))


def test_catalogue_fills_level_and_dates(catalogue):
    doc = build_document("学习《中华人民共和国行政复议法》和《政府投资条例》。", "t.txt")
    got = {m.title: m for m in L.find_laws(doc, catalogue)}
    law = got["中华人民共和国行政复议法"]
    assert law.level == "法律" and law.category == "law" and law.in_force is True and law.published
    reg = got["政府投资条例"]
    assert reg.level == "行政法规" and reg.category == "administrative_regulation"


def test_catalogue_finds_more_bare_laws(catalogue):
    text = "认真学习国务院组织法。"
    assert titles(text) == set()
    assert {t for t, _, _ in found(text, catalogue)} == {"中华人民共和国国务院组织法"}


def test_seeds_laws(catalogue):
    """Every gold law title of the seeds is found, with and without the catalogue."""
    gold_dir = shared_path("gold")
    for seed in sorted(shared_path("seeds").glob("*.txt")):
        gold = json.loads((gold_dir / f"{seed.stem}.json").read_text("utf-8"))
        doc = build_document(seed.read_text("utf-8"), seed.name)
        for cat in (None, catalogue):
            got = {P.NATIONAL_PREFIX + m.title.removeprefix(P.NATIONAL_PREFIX) for m in L.find_laws(doc, cat)}
            for law in gold.get("laws", []):
                if not law.get("optional"):
                    assert P.NATIONAL_PREFIX + law["title"].removeprefix(P.NATIONAL_PREFIX) in got, law[
                        "title"
                    ]
