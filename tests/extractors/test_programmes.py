"""Named programmes: quoted terms with their head nouns, unquoted fixed terms, excluded classes.

Sentences are our own; the seeds and corpus report 042 with their gold are read from ../shared
in place at the end.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from govkg.extractors import programmes as PR
from govkg.extractors.document import build_document
from govkg.extractors.patterns import programmes as P
from tests.conftest import shared_path


def names(text: str) -> set[str]:
    return {p.name for p in PR.find_programmes(build_document(text, "t.txt"))}


# ---------------------------------------------------------------- quoted terms that are programmes


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a quote with its head noun (the lexicon gives the national name)
        ("深化“放管服”改革,优化营商环境。", "放管服改革"),
        # a quote whose lexicon name starts before it: 行政执法“三项制度”
        ("坚持行政执法“三项制度”全覆盖。", "行政执法三项制度"),
        # a head noun after a few descriptive words
        ("建立“村企+法务”协作模式。", "村企+法务协作模式"),
        ("升级“1+3+N”矛盾纠纷调处平台。", "1+3+N矛盾纠纷调处平台"),
        # a lexicon name running on past the closing quote (not onto a plan document's noun)
        ("对照“八五”普法要求查漏补缺。", "八五普法"),
        # 的 between a quote and a system's head-noun phrase that ends there: the quote with its phrase
        ("构建“三查联动”的法治监督体系,压实责任。", "三查联动法治监督体系"),
        ("落实“谁执法谁普法”的普法责任制。", "谁执法谁普法普法责任制"),
        # a long head-noun phrase after a + formula when its head ends the run of words
        ("完善“1+4+N”基层矛盾联调工作体系,实现全覆盖。", "1+4+N基层矛盾联调工作体系"),
        # the report's own head noun differs from the national name's: its written form is kept
        ("实施“法律明白人”培育工程。", "法律明白人培育工程"),
        # a quote in the lexicon needs no head noun, even before 要求 (lexicon beats slogan rules)
        ("对标“一窗受理”“最多跑一次”要求。", "最多跑一次"),
        # bare quotes: a verb of carrying out before it (a short modifier may stand between)
        ("积极探索村务“阳光议事”。", "阳光议事"),
        # bare quotes: the words of a service mode or platform
        ("“掌上办”覆盖全区。", "掌上办"),
        ("“互联网+督查”成效明显。", "互联网+督查"),
        # bare quotes: a numeral formula (numbers that go on: one leading number alone needs a verb)
        ("“一企一策”帮扶到位。", "一企一策"),
        ("“一岗双责”落实到位。", "一岗双责"),
        ("实行“三色预警”,覆盖全区。", "三色预警"),
        # bare quotes: a parallel enumeration (items share their first or last character)
        ("以“大走访、大调解、大服务”为抓手。", "大走访、大调解、大服务"),
        ("全面推行“掌上办、指尖办、就近办、一次办”。", "掌上办、指尖办、就近办、一次办"),
        # 等 + head noun after a run of quotes classes the run, names stay bare
        ("开展“法律进校园”“法律进乡村”等主题活动。", "法律进乡村"),
        # a numbered formula with a head noun is a programme: “四个一”机制
        ("建立“三个一”应急处置机制。", "三个一应急处置机制"),
        # ... also when the head is inside the quote and a verb of carrying out sets it up
        ("建立市域社会治理“五大机制”,形成闭环。", "五大机制"),
        ("全面实施乡村振兴“十大工程”。", "十大工程"),
        # a number and 进: the campaign of taking law into N kinds of places
        ("推动法律“六进”,制定“六进”工作方案。", "六进"),
        # a quote that is given a project award is a named project, however long or verb-led
        ("“打造一站式矛盾纠纷调处中心”入选省级示范项目。", "打造一站式矛盾纠纷调处中心"),
        ("“网格夜谈”成功入选全国基层治理典型案例。", "网格夜谈"),
    ],
)
def test_quoted_programmes(sentence: str, expected: str) -> None:
    assert expected in names(sentence)


# ---------------------------------------------------------------- unquoted fixed terms


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a nationally used programme (lexicon), found without quotes
        ("认真落实告知承诺制。", "告知承诺制"),
        ("落实执法全过程记录制度。", "执法全过程记录制度"),
        # a township/street level before a reform's name is part of it; not before a system's
        ("深化乡镇(街道)综合执法改革。", "乡镇(街道)综合执法改革"),
        ("探索建立乡镇(街道)权责清单制度。", "权责清单制度"),
        # a reform of a named system: …体制改革 / …制度改革 / …承诺制改革
        ("持续深化医疗保障制度改革。", "医疗保障制度改革"),
        ("推动工程建设项目承诺制改革。", "工程建设项目承诺制改革"),
        ("深化投资项目备案制改革。", "投资项目备案制改革"),
        # the lexicon's generated variants: X工作制度, 行政(机关)负责人
        ("落实行政负责人出庭应诉工作制度。", "行政机关负责人出庭应诉制度"),
        ("全面落实行政裁量权基准制度。", "行政裁量权基准制度"),
        # a named campaign
        ("组织开展食品安全专项整治行动。", "食品安全专项整治行动"),
        ("开展农村道路交通安全三年行动和消防百日攻坚行动。", "消防百日攻坚行动"),
        # a numbered hotline (the national one by its national name)
        ("市12345热线受理群众诉求。", "12345政务服务便民热线"),
        ("开通12315消费者投诉热线。", "12315消费者投诉热线"),
        # a system named by a numeral formula
        ("各村推行四议两公开工作法。", "四议两公开工作法"),
        # a platform being rolled out
        ("全面推广智慧执法监督平台。", "智慧执法监督平台"),
        ("推广使用行政执法监督平台。", "行政执法监督平台"),
        # an enumeration of 一-formulas after a verb of carrying out
        ("推行一门受理、一网通办、一次办结的服务方式。", "一门受理、一网通办、一次办结"),
        # a formula name repeating a round number; a head noun after it is kept
        ("举办百名专家百场讲座,反响良好。", "百名专家百场讲座"),
        ("组织千名律师进千企活动。", "千名律师进千企活动"),
        ("深化万人助万企行动取得成效。", "万人助万企行动"),
        # the lexicon's other written forms: 宪法周 is the 宪法宣传周
        ("组织宪法周、民法典宣传月系列活动。", "宪法宣传周"),
        # a standalone shortening of a national name (marked ^ in the lexicon)
        ("深入开展示范创建活动,营造争先氛围。", "法治政府建设示范创建活动"),
        # a 专项/集中整治 of named problems; two domains joined by 和 stay in the name; 工作 is not
        ("审定城乡供水和燃气领域突出问题专项整治工作方案。", "城乡供水和燃气领域突出问题专项整治"),
        ("开展群众身边不正之风和腐败问题集中整治。", "群众身边不正之风和腐败问题集中整治"),
        # ... but 和 between two names is a boundary
        ("开展扫黑除恶专项斗争和食品领域专项整治。", "食品领域专项整治"),
        # ... and a campaign's 工作方案 still names the campaign (its 计划/实施方案 is a document)
        ("审定校园周边环境问题专项整治工作方案。", "校园周边环境问题专项整治"),
        ("深入开展法治乡村建设三年行动。", "法治乡村建设三年行动"),
        ("扎实推进八五普法工作。", "八五普法"),
        # the national demonstration-creation campaign in its written forms, all one lexicon name
        ("积极创建全国法治政府建设示范市。", "法治政府建设示范创建活动"),
        ("全力争创“全国法治政府建设示范县”。", "法治政府建设示范创建活动"),
        ("扎实推进全国法治政府建设示范区创建工作。", "法治政府建设示范创建活动"),
        ("深化江西省法治政府建设综合示范区创建。", "法治政府建设示范创建活动"),
        ("做好法治政府建设示范市(县)创建。", "法治政府建设示范创建活动"),
        ("申报第三批全国法治政府建设示范地区。", "法治政府建设示范创建活动"),
        # through 的, a numbered formula with a mechanism's phrase is a name
        ("建立“三个一”的应急处置机制。", "三个一应急处置机制"),
        # a + formula without quotes, with its head-noun phrase
        ("健全1+3+N矛盾纠纷多元化解体系。", "1+3+N矛盾纠纷多元化解体系"),
        # a linkage mechanism of institutions named by their one-character abbreviations
        ("健全府院联动机制,推动实质化解。", "府院联动机制"),
        ("深化检政联动机制。", "检政联动机制"),
        ("完善警地联动工作机制。", "警地联动工作机制"),
        ("健全诉调对接机制。", "诉调对接机制"),
        ("建立公检法司协作机制。", "公检法司协作机制"),
    ],
)
def test_unquoted_programmes(sentence: str, expected: str) -> None:
    assert expected in names(sentence)


# ---------------------------------------------------------------- what is not a programme


@pytest.mark.parametrize(
    "sentence",
    [
        "“十四五”规划顺利开局。",  # plan period
        "谋划“十五五”时期改革。",  # plan period, also before a head noun
        "开展“最美法治人物”推选活动。",  # a selection of honours
        "增强“四个意识”,坚定“四个自信”。",  # numbered political formula
        "聚焦“八大行动”“三地建设”。",  # numbered strategic formula
        "深入学习“习近平法治思想”。",  # doctrine
        "全力打造“山水之城·幸福家园”。",  # city brand
        "被命名为“全国文明城市”。",  # honour given
        "荣获“法治建设先进单位”。",  # honour title
        "加强与“东方法治研究院”合作。",  # organisation
        "实现“零”的跨越。",  # one character
        "推动数据“应享尽享”。",  # 4-character parallel catchword
        "仍存在“重审批,轻监管”倾向。",  # criticised tendency (a quoted clause)
        "围绕“加强依法行政”这一主题。",  # a quoted task phrase
        "确保下放事项“接得住、管得好”。",  # a goal state
        "紧盯领导干部这一“关键少数”。",  # a catchword in emphasis
        "按照“谁主管、谁负责”的原则。",  # a principle
        "围绕“营商环境”“乡村振兴”等重点领域。",  # topics
        "开设“企业开办”专窗。",  # a service counter
        "通过“法治东城”公众号发布。",  # a media account
        "增强“程序意识、规则意识”。",  # mindsets
        "开展“3·15”宣传。",  # a date
        "落实“一规划两纲要”。",  # a document set (laws)
        "打造开放平台“升级版”。",  # figurative label
        "发布“创新监管 护航发展”专题。",  # a headline
        "弘扬“敢闯敢试”。",  # values carried forward
        "提出“以法治之力护航营商环境持续优化提升”。",  # a long quoted sentence
        "成为群众的“贴心人”。",  # no sign of a programme at all
        "印发《“互联网+督查”工作方案》。",  # a quote inside a document title
        "深化审批服务改革,推进园区机构改革。",  # reforms of an area, not of a named system
        "依托新媒体平台推送典型案例。",  # a kind of medium, not a named platform
        "行政机关负责人出庭应诉率达100%。",  # an indicator, not the system
        "服务“三农”发展,选好村“两委”班子。",  # a number and one character: a domain or a body
        "聘任“法治副校长”,建立“网格员”队伍。",  # people and positions are roles
        "压实“一把手”责任,打通“最后一公里”。",  # figurative catchwords
        "整治“门难进、事难办”问题。",  # a quoted problem
        "创建“枫桥式”派出所。",  # a model-unit label
        "开展各类专项行动5次。",  # a quantifier is not a campaign's name
        "做到千人千面,精准服务。",  # a repeated number with nothing between is an idiom
        "推进基层法治示范创建活动。",  # a shortened national name with other name words before it
        "加大专项整治力度。",  # no named problem before 专项整治
        "防止简单化、“一刀切”,杜绝“一罚了之”。",  # tendencies to be prevented
        "“三色预警”覆盖全区。",  # one leading number and no verb of carrying out
        "群众反映的“办证难”得到缓解。",  # 办 inside a complaint is no service mode
        "全市上下推行“一盘棋”。",  # a numeral catchword, even after a verb
        "深化体制机制改革。",  # the generic pair, not a named system's reform
        "通过“线上+线下”方式开展培训。",  # a manner
        "“法治护航”荣获全省优秀奖。",  # an honour, not a project award
        # named plan documents are instruments (laws), not the campaigns they plan
        "制定“八五”普法规划,开展中期评估。",
        "对照八五普法规划查漏补缺。",
        "印发提升行政执法质量三年行动计划。",
        "制定法治乡村建设三年行动实施方案。",
        "印发法治乡村建设三年行动方案。",
        # the demonstration campaign needs a creation: an honour given, a project's honour
        "被命名为全国法治政府建设示范市。",
        "争创全国法治政府建设示范项目。",
        # through 的 or a long phrase, the quote must be a name itself
        "防止“一刀切”的管理模式。",
        "“创新监管方式 护航平台发展”直播电商监管服务模式获评案例。",
        # 的 before a phrase that goes on past the head: the quote describes something else
        "围绕“群众满意”的服务体系建设。",
        # linkages of non-institutions, or of a word made of those characters
        "健全部门联动机制和上下联动机制。",
        "完善执法司法联动机制。",
        # a + formula without a head noun phrase
        "实现1+1大于2的效果。",
    ],
)
def test_not_programmes(sentence: str) -> None:
    assert names(sentence) == set()


# ---------------------------------------------------------------- merging and provenance


def test_one_entry_per_programme_with_aliases_and_first_provenance() -> None:
    text = "编制“证照分离”清单。深化“证照分离”改革。推进证照分离改革全覆盖。"
    doc = build_document(text, "t.txt")
    found = PR.find_programmes(doc)
    assert [p.name for p in found] == ["证照分离改革"]
    p = found[0]
    assert p.kind == "reform"
    assert "证照分离" in p.aliases
    assert p.surface == "“证照分离”"
    assert doc.text[p.prov.start : p.prov.end] == p.surface
    assert p.surface in p.prov.evidence


def test_head_noun_gives_kind() -> None:
    kinds = {
        p.name: p.kind for p in PR.find_programmes(build_document("开展“清风”行动,建设“阳光”平台。", "t"))
    }
    assert kinds == {"清风行动": "campaign", "阳光平台": "platform"}


@pytest.mark.parametrize(
    ("core", "expected"),
    [
        ("大走访、大调解、大服务", True),
        ("马上办、网上办", True),
        ("走在前、做示范", False),
        ("一网通办", False),
    ],
)
def test_parallel(core: str, expected: bool) -> None:
    assert PR._parallel(core) is expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("改革推进专班", "改革"),
        ("矛盾纠纷调处平台,", "矛盾纠纷调处平台"),
        ("和行政审批制度", None),
        ("3.0版", None),
        # through 的, the phrase without 的 when its head ends it
        ("的法治监督体系,", "法治监督体系"),
        ("的改革理念,", None),
        # a long phrase only when its head ends the whole run of words
        ("基层社会治理工作体系,", "基层社会治理工作体系"),
        ("基层社会治理工作体系建设全面推开", None),
    ],
)
def test_head_after(after: str, expected: str | None) -> None:
    head = PR._head_after(after)
    assert (head.words if head else None) == expected


def test_tables_are_well_formed() -> None:
    for entry in PR.lexicon().values():
        assert entry.kind in ("reform", "system", "campaign", "project", "platform")
    assert all(k in ("reform", "system", "campaign", "project", "platform") for _, k in PR.heads())
    for rule in PR.excluded():
        assert rule.where in ("term", "before", "after") and rule.scope in ("bare", "any")
    assert P.QUOTED.search("推行「一网通办」").group(2) == "一网通办"
    assert P.QUOTED.search("推行〝一网通办〞").group(4) == "一网通办"


# ---------------------------------------------------------------- seeds and 042 (../shared, read in place)


_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】、,，。·•\-—–_:：;；!！?？]")


def _n(s: str) -> str:
    return _STRIP.sub("", unicodedata.normalize("NFKC", s))


def _reports() -> list[tuple[str, str]]:
    out = [
        (str(p), str(shared_path("gold", p.stem + ".json")))
        for p in sorted(shared_path("seeds").glob("*.txt"))
    ]
    out.append((str(shared_path("corpus", "042.txt")), str(shared_path("corpus", "gold", "042.json"))))
    return out


def test_seeds_and_042_against_gold() -> None:
    """Every required gold programme is found and at least 85% of what is found is in the gold."""
    from govkg.extractors.load import read_report

    tp = fp = fn = 0
    for txt, gold_path in _reports():
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))["programmes"]
        doc = build_document(read_report(Path(txt)), txt)
        found = {_n(p.name) for p in PR.find_programmes(doc)}
        keys = [
            ({_n(g["name"])} | {_n(a) for a in g.get("aliases") or []}, g.get("optional", False))
            for g in gold
        ]
        for name in found:
            hit = next((k for k in keys if name in k[0]), None)
            if hit is None:
                fp += 1
            elif not hit[1]:
                tp += 1
        fn += sum(1 for k, opt in keys if not opt and not (k & found))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.85


@pytest.mark.parametrize(
    "verb", ["推行", "推广", "开展", "实施", "落实", "深化", "打造", "建立", "探索", "上线", "擦亮", "用好"]
)
def test_signal_verbs_make_a_bare_quote_a_name(verb: str) -> None:
    """Verbs of carrying out or deploying before a bare quote (a short modifier may stand between)."""
    assert "邻里评理" in names(f"{verb}“邻里评理”。")
    assert "邻里评理" in names(f"{verb}村级“邻里评理”。")
    assert names("关注“邻里评理”。") == set()


def test_formula_heads_are_table_heads() -> None:
    """FORMULA_HEAD's words must stay heads of programme_heads.tsv (their kind comes from there)."""
    table = {h for h, _ in PR.heads()}
    assert set(P.FORMULA_HEAD.pattern.split("|")) <= table
