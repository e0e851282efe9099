"""Patterns for named governance programmes: quoted terms, their head nouns, and unquoted forms.

The head nouns (``data/programme_heads.tsv``), the national lexicon (``data/programmes.tsv``) and
the excluded classes (``data/programme_excluded.tsv``) are tables; these patterns read the text
around them. Worked examples are given with each pattern and exercised in
``tests/extractors/test_programmes.py``.
"""

from __future__ import annotations

import re

HAN = r"\u4e00-\u9fff"

# A quoted term: “…”, 「…」, 『…』, 〝…〞 or straight quotes, on one line, at most 40 characters.
#   "深化“放管服”改革" -> 放管服;  "推行「一网通办」" -> 一网通办
QUOTED = re.compile(
    r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|〝([^〝〞\n]{1,40})〞|\"([^\"\n]{1,40})\""
)

# What may stand between two quotes of one run (“A”“B”、“C”): nothing, 、 or 和/及/与.
#   "推行“一窗通办”“全城通办”、“就近可办”服务" is one run of three.
RUN_GAP = re.compile(r"^(?:、|和|及|与|以及)?$")

# A document title in 《》: quotes inside it belong to the title (a law), not to a programme.
#   "出台《“一件事”集成服务工作规则》" -> the quote is skipped
BOOK_TITLE = re.compile(r"《[^《》\n]{1,80}》")

# The words right after a quote that may carry a head noun: a run of Chinese characters, stopped
# by words that start a new phrase (的 和 及 与 并 等 在 以 将 为 获). The head must END the part taken,
# within SHORT_AFTER characters of the quote;
#   "“1+3+N”矛盾纠纷调处平台，" -> 矛盾纠纷调处平台;  "“证照分离”改革推进专班" -> 改革…(改革 is the head)
# a longer descriptive phrase (up to LONG_AFTER characters) is taken only when its head noun ends the
# whole run of words, so a far head is the phrase's own last word, not a word inside a longer one:
#   "“1+6+N”基层社会治理工作体系," -> 基层社会治理工作体系 (10 characters, ends the run)
#   not "“三服务”工作中形成的良好模式" (a stop word 的 ends the run before any head)
AFTER_RUN = re.compile(rf"^[{HAN}()（）]{{1,20}}")
AFTER_STOP = re.compile(r"[的和及与并等在以将为获让使把被]")
SHORT_AFTER = 8
LONG_AFTER = 14

# 的 between a quote and a system's head-noun phrase: the quote names the system, and the name is the
# quote with its phrase, without 的. The phrase must end in one of these heads and end there (a word
# after the head makes the quote a modifier of something else: “最多跑一次”的改革理念 is a motto).
#   "构建“双察联合”的法治监督体系," -> 双察联合法治监督体系
#   "落实“谁执法谁普法”的普法责任制。" -> 谁执法谁普法普法责任制 (the lexicon's name)
DE_HEAD = re.compile(rf"^的([{HAN}]{{0,10}}?(?:体系|机制|模式|工作法|制度|责任制|平台))(?![{HAN}])")

# 等 + a head noun after a run of quotes: the head classes the run but is not part of each name.
#   "开展“法律进乡村”“普法进万家”等实践活动" -> campaign, names stay bare
ETC_HEAD = re.compile(rf"^等[{HAN}]{{0,6}}")

# Verbs that introduce a programme being carried out, read just before the quote (a short
# modifier may stand between): "推行窗口“好差评”制度", "落实涉企“轻微免罚”", "打造“15分钟…圈”".
SIGNAL_VERBS = (
    r"(?:推行|推广|开展|实施|实行|落实|深化|推进|推动|打造|建立|健全|创新|构建|探索|坚持|巩固|稳固|启动|推出|"
    r"组织|利用|依托|执行|完善|创建|升级|试行|推开|运用|上线|开通|形成|整合|引入|借鉴|强化|擦亮|用好)"
)
SIGNAL_VERB = re.compile(rf"{SIGNAL_VERBS}[{HAN}()（）\s]{{0,8}}$")

# The same verbs anywhere in the clause before a quote: enough for a numbered formula whose own last
# word is a programme head ("建立市域社会治理(平安建设)“五大机制”" -> 五大机制), where the modifier between
# verb and quote may be long; "聚焦“八大行动”" has no such verb and stays a catchword.
SIGNAL_IN_CLAUSE = re.compile(SIGNAL_VERBS)

# A numbered formula: a numeral, a counter word, and the rest ("八大机制" -> 机制, "四个意识" -> 意识).
NUMBERED_FORMULA = re.compile(r"^[一二两三四五六七八九十百]{1,3}(?:个|项|大|条|种|类)(.+)$")

# A quote that is the subject of an award given to projects is a named project, however long or
# verb-led its wording: "“打造一站式矛盾纠纷调处中心”入选省级示范项目", "“X模式”入选…典型案例".
AWARDED_AS_PROJECT = re.compile(
    r"^(?:成功|先后|已)?(?:获评|获批|入选|荣获|获得|被评为|被确定为|被列为|被命名为|列入|纳入)"
    r"[^,，。;；:：“”]{0,16}?(?:项目|案例|试点)"
)

# Inside a bare quoted term: the morphemes of service modes, platforms and institutions. A quote
# without a head noun or a verb before it is a programme only when its own words say so.
#   a service mode ending in 办/通 (“掌上办”, “全程代办”, “一码通”), online service (网办, 通办, 一网, 码上),
#   a formula with + (“互联网+督查”), 数字/智慧/数据/一体化, or an internal head (“矛盾调处平台”,
#   “老街坊模式”). Not 办/通 inside a phrase: “办证难” is a complaint. (A parallel enumeration is the
#   other sign: see ``programmes._parallel``.)
PROGRAMME_MORPHEME = re.compile(
    r"(?:办|通)$|码上|网办|通办|一网|\+|＋|数字|智慧|数据|一体化|平台|系统|服务圈|工程|行动|活动|机制|制度|"
    r"模式|体系|改革|热线|经验"
)

# A term that starts and goes on with numbers is a formula name: “一村一品”, “一岗双责”, “1+8”,
# “三个一百”; a number and 进 ("enters") is the campaign of taking law into N kinds of places
# (进机关、进乡村、进校园…): “七进”, “八进”. One leading number alone is no sign: “一刀切”, “一罚了之”,
# “一站式” are catchwords and manners (a head noun or a verb of carrying out still makes them names).
NUMERAL_LED = re.compile(r"^[一二两三四五六七八九十百千\d](?:.*[一二两双三四五六七八九十百千万\d]|进$)")
N_ENTERS = re.compile(r"^[一二两三四五六七八九十]+进$")

# An unquoted formula name that repeats a round number: "百名专家百场讲座", "千名律师进千企",
# "万人助万企" (the second number starts the name's second half; programmes.py reads on to its end).
# Not "千人千面" (nothing between the two halves).
REPEATED_NUMERAL = re.compile(rf"([百千万])(?:名|个|人|家|位)[{HAN}]{{1,6}}?\1")

# Reading back from a name to where its modifier starts: verbs, adverbs, ordinals and function
# words that stand before a name. The modifier is what follows the last of them.
#   "二是稳步推进医疗保障制度改革" -> 医疗保障制度改革;  "全县行政复议体制改革" -> 行政复议体制改革;
#   "开展各类专项行动" -> nothing (a quantifier is not a name)
BOUNDARY = re.compile(
    r"(?:[一二三四五六七八九十]是|深化|推进|推动|推行|推广|落实|实施|实行|开展|组织|启动|做好|抓好|完成|持续|积极|"
    r"深入|全面|稳步|扎实|建立|健全|完善|坚持|依托|利用|通过|围绕|加快|加强|继续|进一步|大力|着力|不断|"
    r"全市|全区|全县|全乡|全镇|全省|全州|全旗|本级|各级|我市|我区|我县|我乡|我镇|"
    r"各类|各项|各种|多项|多种|一系列|系列|相关|有关|上述|一批|"
    r"进行|以|和|及|与|在|对|将|把|等|的|了|为|并|是|中|开始|参与|围绕|按照|根据|"
    r"亲自|审定|审议|印发|制定|出台|部署|牵头)"
)
MODIFIER_RUN = re.compile(rf"[{HAN}()（）]{{1,24}}$")

# 和/及/与 inside a modifier that names two domains or problems of one field is part of the name, not
# a boundary, when a domain/problem word follows it and the part before it is not a name of its own:
#   "审定城乡供水和燃气领域突出问题专项整治" -> 城乡供水和燃气领域突出问题专项整治
#   "开展群众身边不正之风和腐败问题集中整治" -> the whole;  "开展扫黑除恶专项斗争和…领域专项整治" -> cut at 和
DOMAIN_TAIL = re.compile(r"领域|行业|问题|乱象")
NAME_END = re.compile(r"(?:斗争|工作|建设|行动|活动)$")

# A reform of a system: the words before 体制改革 / 制度改革 / X制改革 (a 制 system: 承诺制, 备案制,
# 注册制, 审批制) name it.
#   "深化行政复议体制改革" -> 行政复议体制改革;  "推动投资项目备案制改革" -> 投资项目备案制改革
#   not "深化审批服务改革" or "园区机构改革" (no 体制/制度/…制: a reform of an area, not a named one);
#   not "体制机制改革" (机制改革 is left out: 体制机制 is the generic pair)
SYSTEM_REFORM = re.compile(rf"(?:体制|制度|(?<=[{HAN}])(?<![机体])制)改革")

# A named campaign: words before 三年行动 / 百日攻坚行动 / 专项行动 / 专项整治行动, or a 专项/集中整治 of
# named problems (…问题/领域/乱象 + 专项整治 or 集中整治; a trailing 工作/方案 is not part of the name).
#   "实施交通安全整治三年行动和消防百日攻坚行动" -> both
#   "部署城乡供水领域突出问题专项整治工作" -> 城乡供水领域突出问题专项整治
#   not "加大专项整治力度" (no named problem before it)
CAMPAIGN = re.compile(
    r"三年行动|百日攻坚行动|百日行动|攻坚行动|专项整治行动|专项行动|集中整治行动|"
    r"(?:问题|领域|乱象)(?:专项|集中)整治(?!三年|行动)"
)

# A numbered hotline: 12345政务服务便民热线, 12348法律服务热线, 12345热线 (not within a longer number).
HOTLINE = re.compile(rf"(?<!\d)(1\d{{4}})([{HAN}]{{0,8}}?热线)")

# A system or method whose modifier is a numeral formula (two numbers within its first words):
#   "四议两公开工作法", "一村一辅警工作制度", "一窗一号机制"
FORMULA_HEAD = re.compile(r"工作制度|工作法|制度|机制|模式|系统|平台")
NUMERAL_FORMULA = re.compile(
    r"^[一二两三四五六七八九十][^一二两三四五六七八九十]{1,4}[一二两三四五六七八九十]"
)

# A platform or system being rolled out: 推广/依托/上线/启用/建成/搭建… + its name + 平台/系统.
#   "全面推广农村集体资产监管系统" -> 农村集体资产监管系统;  "依托全国一体化在线政务服务平台" -> (lexicon);
#   "推广使用行政执法监督平台" -> 行政执法监督平台 (使用 belongs to the verb)
#   not "依托财政监督、审计监督等平台" (a list with 等 is a class, not a name),
#   not "依托新媒体平台" (a name needs at least four words before its head: 新媒体 is a kind of medium)
PLATFORM_ROLLOUT = re.compile(
    rf"(?:推广|依托|上线|启用|建成|搭建|开发|接入|运行)(?:使用|应用|运用|好)?([{HAN}]{{4,12}}?(?:平台|系统))"
)

# A formula of numbers joined by + (1+6+N, 1+X+N) written without quotes is a name when a head noun
# phrase follows it (up to LONG_AFTER characters, ending the run of words, as after a quote):
#   "完善1+6+N基层社会治理工作体系," -> 1+6+N基层社会治理工作体系;  "构建1+3+N调处平台。"
#   not "1+1>2" or "3+2" standing alone (arithmetic, no head)
PLUS_FORMULA = re.compile(rf"(?<![\dA-Za-z+＋])([\dNnXx]+(?:[+＋][\dNnXx]+)+)([{HAN}]{{2,20}})")

# A named linkage between institutions: the institutions' one-character abbreviations (府 government,
# 院/法 court, 检 procuratorate, 警/公 police, 司 justice, 地 locality, 军 army, 纪/监 discipline and
# supervision, 访 petitions, 调 mediation, 诉 litigation, 仲 arbitration, 政 government, 企 firms,
# 校 schools) joined before 联动/对接/衔接/协作 + (工作)机制:
#   "健全府院联动机制" -> 府院联动机制;  "检政联动机制", "警地联动工作机制", "诉调对接机制", "公检法司联动机制"
#   not "部门联动机制", "上下联动机制" (not institutions), "执法司法联动机制" (司法 is a word: LINKAGE_WORDS)
LINKAGE = re.compile(
    r"(?<![府院法检警公司地军纪监访调诉仲政企校])([府院法检警公司地军纪监访调诉仲政企校]{2,4})"
    r"(?:联动|对接|衔接|协作)(?:工作)?机制"
)
# Common two-character words of those characters: such a pair is a word, not two institutions.
LINKAGE_WORDS = ("司法", "政法", "执法", "法院", "公司", "纪检", "监察", "政企", "政府", "地方", "法治")

# The national campaign of creating rule-of-law government demonstration areas (中央依法治国办,
# 2019-), written as creating a demonstration city/district/county, or as that area's creation,
# nationally or by a province; all one campaign (the lexicon's 法治政府建设示范创建活动):
#   "创建全国法治政府建设示范市", "争创“全国法治政府建设示范市”", "全国法治政府建设示范区创建工作",
#   "浙江省法治政府建设综合示范区创建", "法治政府建设示范市(县)创建"
#   not "被命名为全国法治政府建设示范市" (an honour given, nothing created), not "争创…示范项目" (a
#   single project's honour: the verb's object must be an area)
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|"
    "海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆"
)
_MODEL_AREA = rf"(?:全国|国家级?|省级?|市级?|(?:{_PROVINCES})(?:省|市|自治区)?)?法治政府建设(?:综合)?示范"
_MODEL_UNIT = r"(?:市|区|县|地区|城市)(?:\([市区县、]{1,5}\)|（[市区县、]{1,5}）)?"
_BATCH = r"(?:第[一二三四五六七八九十]+批)?"  # 争创第三批全国法治政府建设示范市
MODEL_CREATION = re.compile(
    rf"(?:争创|创建|申创|创成|申报){_BATCH}[“「]?{_MODEL_AREA}{_MODEL_UNIT}[”」]?(?:创建)?(?:工作|活动)?"
    rf"|[“「]?{_BATCH}{_MODEL_AREA}(?:{_MODEL_UNIT})?[”」]?创建(?:工作|活动)?"
)

# A campaign's name fused with a plan document's noun is the document (an instrument, a law of
# category policy_document), not the campaign: "“八五”普法规划", "提升行政执法质量三年行动计划",
# "法治乡村建设三年行动实施方案"; "开展…三年行动", "“八五”普法工作" stay campaigns, and so does one
# followed by 工作方案 (the work plan OF the campaign names it: "审定…专项整治工作方案"); directly
# followed by 方案 it is the document again ("…三年行动方案").
PLAN_DOCUMENT_AFTER = re.compile(r"(?:规划|计划|实施方案|方案|纲要)")

# An unquoted enumeration of 一-formulas after a verb of carrying out:
#   "推行一门受理、一网通办、一次办结的服务方式" -> 一门受理、一网通办、一次办结
YI_LIST = re.compile(
    r"(?:推行|实行|推进|落实|实施|开展|建立|推广)((?:一[^、,，。;；的\s]{1,5}、){2,}一[^、,，。;；的\s]{1,5}?)(?=的|[,，。;；])"
)

# A township or street level standing before a reform's name is part of its name: the national
# reforms of grassroots enforcement are themselves named by the level they reorganise (赋权乡镇
# (街道) reforms), so a report's 乡镇(街道)综合行政执法改革 is that level-specific reform, written with
# the level and optionally its alternatives in brackets: "乡镇(街道)一支队伍管执法改革",
# "镇(场)综合执法改革", "街道综合执法改革"; not after 全/本/各/该 (scope: "全乡综合行政执法改革"
# is the general reform carried out in one township).
LEVEL_PREFIX = re.compile(r"(?<![全本各该])(?:乡镇|乡|镇|街道)(?:\([\u4e00-\u9fff、]{1,4}\))?(?:街道)?$")

# Characters that punctuation-normalised matching ignores (quotes, spaces, 、·, brackets).
NORM_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》()（）\[\]【】、,，。·•\-—–_:：;；!！?？]")
