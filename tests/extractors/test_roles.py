"""Roles: titles, holders, shared holders, group positions, and what is not a role.

Sentences are our own; the seeds are read from ../shared in place at the end.
"""

from __future__ import annotations

import json

import pytest

from govkg.errors import ModelMissingError
from govkg.extractors.document import build_document
from govkg.extractors.load import read_report
from govkg.extractors.records import ReportMeta
from govkg.extractors.roles import dedupe, fill_org, find_roles, holder_after, sentence_roles, title_rows
from govkg.extractors.segment import Segmenter
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    s = Segmenter()
    try:
        s.load()
    except ModelMissingError as e:
        pytest.skip(f"pkuseg model not installed: {e}")
    return s


def pairs(sentence: str, seg: Segmenter, jurisdiction: str | None = None) -> set[tuple[str, str | None]]:
    return {(h.title, h.person) for h in sentence_roles(sentence, jurisdiction, seg)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a title and its holder; two titled people listed with 、
        ("县委书记张建国、县长李卫民主持召开专题会议", {("县委书记", "张建国"), ("县长", "李卫民")}),
        # two titles held by one person: the holder named after the last title
        ("区党工委副书记、管委会主任赵明亮出席会议", {("党工委副书记", "赵明亮"), ("管委会主任", "赵明亮")}),
        ("党组书记、局长孙志刚同志切实履行职责", {("党组书记", "孙志刚"), ("局长", "孙志刚")}),
        # the second title's organisation stands between the two titles
        (
            "市委副书记、市长、市委全面依法治市委员会副主任周立群出席",
            {("市委副书记", "周立群"), ("市长", "周立群"), ("委员会副主任", "周立群")},
        ),  # fmt: skip
        # a placeholder is never a person
        ("县人大常委会副主任XXX带队视察", {("人大常委会副主任", None)}),
        ("县长×××主持会议", {("县长", None)}),
        ("常务副区长李某某主持会议", {("副区长", None)}),  # a surname with the name blanked
        ("局长张XX同志出席", {("局长", None)}),
        ("市长助理参加会议", set()),  # another title, not the 市长
        # a compound surname; a two-character name cut off a verb the segmenter glued to it
        ("区长欧阳明辉主持会议", {("区长", "欧阳明辉")}),
        ("副镇长张龙任常务副组长", {("副镇长", "张龙")}),
        # no name: an adverb or verb follows the title
        ("县长多次听取依法行政工作汇报", {("县长", None)}),
        ("乡党委书记、乡长切实扛起第一责任人职责", {("党委书记", None), ("乡长", None)}),
        # committee chair and deputy listed together, no holders named
        (
            "县委、县政府主要负责同志分别任县委全面依法治县委员会主任和副主任",
            {("委员会主任", None), ("委员会副主任", None)},
        ),  # fmt: skip
        # the duty role, never with a holder
        ("党政主要负责人带头述法", {("党政主要负责人", None)}),
        ("各街道党政主要负责人集中述法", {("党政主要负责人", None)}),
        # a named-only title needs a holder
        ("分管领导李强协助抓好落实", {("分管领导", "李强")}),
        ("各分管领导协助抓好落实", set()),
        # a standing-committee membership stacked before another title shares its holder
        ("市委常委、县委书记张建国出席会议", {("市委常委", "张建国"), ("县委书记", "张建国")}),
        ("县委常委、政法委书记李国庆作动员讲话", {("县委常委", "李国庆"), ("政法委书记", "李国庆")}),
        ("县人大常委会秘书长列席会议", {("人大常委会秘书长", None)}),
        ("县委常委会审议法治建设要点", set()),  # the committee itself
        # the duty role after a count is a class of subordinate leaders
        ("组织32名党政主要负责人参加述法评议", set()),
        # the first responsible person worded as a body's principal leader (the duty in the sentence)
        ("县政府主要领导带头履行法治建设第一责任人职责", {("主要领导", None)}),
        ("园区党工委管委会主要负责同志扛起法治建设第一责任人职责", {("主要负责同志", None)}),
        # a bare 政府 before it: the national regulation's term is the title
        ("把政府主要负责人落实第一责任人职责情况纳入年度考核", {("政府主要负责人", None)}),
        # not: a class of bodies, no duty stated, the duty only inside a document title, no body named
        ("各级政府及其部门主要负责人严格履行第一责任人职责", set()),
        ("部分街道主要负责同志汇报第一责任人职责落实情况", set()),
        ("市委主要领导多次作出批示", set()),
        # (the title inside 《》 is dropped by find_roles, see test_find_roles_provenance_and_quotes)
        (
            "区政府主要负责同志认真执行《党政主要负责人履行推进法治建设第一责任人职责规定》",
            {("党政主要负责人", None)},
        ),
        ("各部门压实主体责任,主要负责人带头履行第一责任人职责", set()),
        ("市委主要领导干部带头履行第一责任人职责", set()),
        # the party committee's and the government's 主要负责人 named together are the duty role
        ("市委、市政府主要负责人切实履行推进法治建设第一责任人职责", {("党政主要负责人", None)}),
        (
            "县委和县政府主要负责人分别担任县委全面依法治县委员会主任和副主任",
            {("党政主要负责人", None), ("委员会主任", None), ("委员会副主任", None)},
        ),  # fmt: skip
        ("园区党工委、管委会主要负责人带头述法", {("党政主要负责人", None)}),
        # ... the government's alone, or another wording, keeps its written title
        ("市政府主要负责人切实履行推进法治建设第一责任人职责", {("主要负责人", None)}),
        ("市委市政府主要领导带头履行法治建设第一责任人职责", {("主要领导", None)}),
        ("高新区党委管委会主要负责同志履行推进法治建设第一责任人职责", {("主要负责同志", None)}),
        # ... not after a count (subordinate units' leaders)
        ("组织32名党委、政府主要负责人述法", set()),
        # a named holder who takes on a post written out with its organisation holds it
        ("副县长王建军担任县联席会议召集人", {("副县长", "王建军"), ("联席会议召集人", "王建军")}),
        (
            "县长王建军兼任县法治政府建设领导小组组长",
            {("县长", "王建军"), ("领导小组组长", "王建军")},
        ),  # fmt: skip
        ("市长担任市法治政府建设协调机制总召集人", {("市长", None), ("协调机制总召集人", None)}),
    ],
)
def test_titles_and_holders(sentence, expected, seg):
    assert pairs(sentence, seg) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # holders listed before 任组长 all take the group's position; the group named later
        (
            "成立由党委书记王海涛、镇长刘静任组长、分管领导陈龙任副组长的依法治镇工作领导小组",
            {
                ("党委书记", "王海涛"),
                ("镇长", "刘静"),
                ("分管领导", "陈龙"),
                ("领导小组组长", "王海涛"),
                ("领导小组组长", "刘静"),
                ("领导小组副组长", "陈龙"),
            },
        ),  # fmt: skip
        # the group named first; positions held by titles without names
        (
            "调整依法治县工作领导小组,由县长任组长,常务副县长任常务副组长",
            {("县长", None), ("副县长", None), ("领导小组组长", None), ("领导小组常务副组长", None)},
        ),  # fmt: skip
        ("成立以区长为组长的法治政府建设领导小组", {("区长", None), ("领导小组组长", None)}),
        # holders joined by 和; a committee's chair and deputies
        (
            "成立以镇党委书记为主任、镇长和人大主席为常务副主任的依法治镇委员会",
            {
                ("党委书记", None),
                ("镇长", None),
                ("人大主席", None),
                ("委员会主任", None),
                ("委员会常务副主任", None),
            },
        ),
        (
            "成立依法治镇委员会,镇长和镇人大主席为副主任",
            {("镇长", None), ("人大主席", None), ("委员会副主任", None)},
        ),
        # no group word in the sentence: no group position
        ("由县长任组长", {("县长", None)}),
        # a coordination mechanism's convenors (a 召集人 looks for a mechanism, not the first group word)
        (
            "建立法治政府建设协调机制,由市长任总召集人,分管副市长任副总召集人",
            {("市长", None), ("副市长", None), ("协调机制总召集人", None), ("协调机制副总召集人", None)},
        ),  # fmt: skip
        (
            "依法治县委员会办公室牵头建立联席会议,由县长任召集人",
            {("县长", None), ("联席会议召集人", None)},
        ),  # fmt: skip
        # a class of people fills a position: the position is a role held by no one named
        (
            "成立领导小组,由市长任组长,各分管领导为副组长",
            {("市长", None), ("领导小组组长", None), ("领导小组副组长", None)},
        ),  # fmt: skip
        (
            "成立以镇长为组长、各分管领导为副组长的工作领导小组",
            {("镇长", None), ("领导小组组长", None), ("领导小组副组长", None)},
        ),  # fmt: skip
        ("成立依法治区委员会,相关部门主要负责人任副主任", {("委员会副主任", None)}),
        ("调整领导小组,班子其他成员为副组长", {("领导小组副组长", None)}),
        # ... but people of no such class (成员 is no position)
        ("成立领导小组,各部门负责人为成员", set()),
        # three positions listed after one another, the third held by the township's 政法副书记
        (
            "调整法治乡村建设领导小组,以乡党委书记为组长,乡长为第一副组长,政法副书记为常务副组长",
            {
                ("党委书记", None),
                ("乡长", None),
                ("政法副书记", None),
                ("领导小组组长", None),
                ("领导小组第一副组长", None),
                ("领导小组常务副组长", None),
            },
        ),
    ],
)
def test_group_positions(sentence, expected, seg):
    assert pairs(sentence, seg) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "群众可拨打市长热线反映问题",  # a title modifying a noun
        "管委会主任办公会议研究决定",
        "举办局长讲法活动",
        "各办公室主任参加培训",  # a class of people after 各
        "建立乡镇长效管理机制",  # 镇长 is not a word here
        "主任、副主任,各位委员:",  # bare 主任 has no organisation: not in the lexicon
        "深入学习习近平总书记重要讲话精神",
    ],
)
def test_not_roles(sentence, seg):
    assert pairs(sentence, seg) == set()


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("何春华任组长", "何春华"),  # follower 任 after three characters
        ("张龙任副组长", "张龙"),  # follower after two, though the segmenter cuts 张|龙任
        ("王为民主持会议", "王为民"),  # 为 inside a name: no follower after 王为
        ("欧阳明辉同志出席", "欧阳明辉"),
        ("林伟东认真履行职责", "林伟东"),
        ("XXX牵头", None),
        ("某某主持", None),
        ("切实承担", None),
        ("全面负责", None),
        ("公开述法", None),  # a two-character word without a follower is not trusted as a name
        ("Abc主持", None),
        # the verbs that follow a leader in these reports end a two-character name
        ("张伟出庭应诉", "张伟"),
        ("王强带队检查", "王强"),
        ("李明现场督办", "李明"),
        ("刘洋主抓法治工作", "刘洋"),
        ("陈红接访群众", "陈红"),
        ("张伟签发文件", "张伟"),
        # one space between title and name
        (" 李强作出批示", "李强"),
        # adverbs starting with a surname character are no names
        ("全程参与", None),
        ("于3月主持", None),
    ],
)
def test_holder_after(after, expected, seg):
    sentence = "县长" + after
    person, end, _ = holder_after(sentence, 2, seg.boundaries(sentence))
    assert person == expected
    if person:
        assert sentence[2:end].lstrip().startswith(person)


@pytest.mark.parametrize(
    ("template", "juris", "written", "level", "expected"),
    [
        ("{GOV}", "太平乡", "", "乡", "太平乡人民政府"),
        ("{PARTY}", "太平乡", "", "", "中共太平乡委"),
        ("{PARTY}、{GOV}", "某某经济开发区", "", "", "中共某某经济开发区工委、某某经济开发区管委会"),
        ("{J}人大常委会", "某市", "", "市", "某市人大常委会"),
        ("{ORG}", None, "区党工委", "区", "区党工委"),
        ("{GOV}", None, "", "县", "县人民政府"),
        ("{PARTY}、{GOV}", None, "", "", "党委、政府"),
    ],
)
def test_fill_org(template, juris, written, level, expected):
    assert fill_org(template, juris, written, level) == expected


def test_organisation_and_jurisdiction(seg):
    hits = {h.title: h for h in sentence_roles("区党工委书记、管委会主任赵明亮出席会议", "某某新区", seg)}
    assert hits["党工委书记"].org == "某某新区党工委"
    assert hits["管委会主任"].jurisdiction == "某某新区"
    # a title of another level is not the report's jurisdiction's
    (h,) = sentence_roles("市委书记刘海主持会议", "某某县", seg)
    assert h.jurisdiction is None
    (h,) = sentence_roles("县司法局局长陈明主持", "某某镇", seg)
    assert (h.org, h.jurisdiction) == ("县司法局", None)
    (h,) = sentence_roles("县司法局局长陈明主持", "某某县", seg)
    assert (h.org, h.jurisdiction) == ("某某县司法局", "某某县")


def test_title_lexicon_rows_say_why():
    assert "乡长" in title_rows() and "党政主要负责人" in title_rows()
    assert all(r.org for r in title_rows().values())


def test_find_roles_provenance_and_quotes(seg):
    text = (
        "某县2023年法治政府建设年度报告\n一、主要举措和成效\n"
        "认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》。县委书记张建国主持会议。"
        "县委书记张建国听取汇报。\n"
    )
    doc = build_document(text, "t.txt")
    roles = find_roles(doc, ReportMeta(id="t", title="", jurisdiction="某县", year=2023), seg)
    assert [(r.title, r.person) for r in roles] == [("县委书记", "张建国")]
    r = roles[0]
    assert doc.text[r.prov.start : r.prov.end] == "县委书记"
    assert r.prov.section == "measures" and "张建国主持会议" in r.prov.evidence
    assert r.organisation == "中共某县委" and r.jurisdiction == "某县"


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # an item lead stating the duty: the next sentence's subject holds it
        ("三是扛牢推进法治第一责任人职责。", {("主要负责人", None)}),
        ("(三)落实第一责任人职责。", {("主要负责人", None)}),
        # a lead about something else, or a long sentence that is not an item lead
        ("二是强化统筹协调。", set()),
        ("全县上下压实第一责任人职责。", set()),
    ],
)
def test_first_responsible_after_item_lead(lead, expected, seg):
    got = {(h.title, h.person) for h in sentence_roles("局主要负责人带头研究法治工作", None, seg, lead)}
    assert got == expected


def test_first_responsible_in_a_document(seg):
    text = "某区2023年法治政府建设年度报告\n一、主要举措和成效\n一是扛牢法治建设第一责任人职责。区政府主要领导带头学法。\n"
    doc = build_document(text, "t.txt")
    (r,) = find_roles(doc, ReportMeta(id="t", title="", jurisdiction="某区", year=2023), seg)
    assert (r.title, r.person, r.jurisdiction) == ("主要领导", None, "某区")
    assert doc.text[r.prov.start : r.prov.end] == "主要领导"


def test_dedupe_prefers_named():
    from govkg.extractors.records import RoleMention

    roles = [RoleMention("乡长"), RoleMention("乡长", person="李明"), RoleMention("乡长", person="李明")]
    assert dedupe(roles) == (RoleMention("乡长", person="李明"),)


def test_dedupe_first_responsible_wordings_yield_to_the_duty_role():
    from govkg.extractors.records import RoleMention

    roles = [RoleMention("主要领导"), RoleMention("党政主要负责人"), RoleMention("政府主要负责人")]
    assert dedupe(roles) == (RoleMention("党政主要负责人"), RoleMention("政府主要负责人"))


def test_seeds_against_gold(seg):
    """The seeds' gold roles (read from ../shared in place) are found, with no extras."""
    gold_dir = shared_path("gold")
    for path in sorted(shared_path("seeds").glob("*.txt")):
        gold = json.loads((gold_dir / f"{path.stem}.json").read_text("utf-8"))
        doc = build_document(read_report(path), path.name)
        report = ReportMeta(id=doc.id, title="", jurisdiction=gold["report"]["jurisdiction"], year=None)
        got = {(r.title, r.person) for r in find_roles(doc, report, seg)}
        need = {(g["title"], g.get("person")) for g in gold["roles"] if not g.get("optional")}
        allowed = need | {(g["title"], g.get("person")) for g in gold["roles"]}
        assert need <= got, path.name
        assert got <= allowed, path.name
