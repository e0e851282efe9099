"""Regular expressions for laws and other normative instruments.

Worked examples are given with each pattern; tests/extractors/test_laws.py
exercises every one of them.
"""

from __future__ import annotations

import re

# A title in book-title marks, allowing one level of nesting (inner 《》, 〈〉 or <>):
#   《中华人民共和国安全生产法》 -> 中华人民共和国安全生产法
#   《贯彻落实〈法治政府建设实施纲要(2021-2025年)〉重要举措实施方案》 -> the whole outer title
#   《最高人民法院关于适用《中华人民共和国民法典》时间效力的若干规定》 -> the whole outer title
TITLE = re.compile(r"《((?:[^《》〈〉\n]|[《〈<][^《》〈〉<>\n]{1,80}[》〉>]){1,150}?)》")

# Angle brackets used as the outer marks (some sites use them instead of 《》),
# and the inner marks of a nested title: 〈行政处罚法〉, <法治政府建设实施纲要(2021-2025年)>
ANGLE_TITLE = re.compile(r"[〈<]([^《》〈〉<>\n]{2,80})[〉>]")

# Scraping sometimes loses one of the two marks. An opening mark whose title
# runs to a clause end without closing: 《某某市城市绿化条例,… -> 某某市城市绿化条例
OPEN_ONLY = re.compile(r"《([^《》〈〉\n,，。;；:：!?！？]{2,60})")
# A closing mark with no opening one: 认真贯彻安全生产法》要求 -> 认真贯彻安全生产法
# (leading verbs are cut off afterwards with the verb lexicon)
CLOSE_ONLY = re.compile(r"([^《》〈〉\n,，。;；:：!?！？、“”\s]{2,40})》")

# A draft's mark at the end of a title; the title drops it and the action is draft:
#   某某市湿地保护条例(草案) / 某某市物业管理条例(修订草案) / …条例草案 / …办法(征求意见稿)
DRAFT_TAIL = re.compile(r"\s*[(（]?(?:修订|修正|修改)?(?:草案|征求意见稿|送审稿)(?:稿|修改稿|修订稿)?[)）]?$")

# Trailing version or period marks that are part of the title but not of its form:
#   …纲要(2021-2025年) / …措施(试行) / …评分标准(2022版) / 刑法修正案(十一)
TRAILING_BRACKETS = re.compile(r"(?:\s*[(（][^()（）]{1,20}[)）])+$")
# trailing quotes or marks before the head check: 某某市法治建设“六大机制” -> …六大机制
TRAILING_MARKS = re.compile(r"[”’\"'」』]+$")

# Year ranges with any dash, or none at all (scraping drops it), become 2021-2025:
#   (2021—2025年) (2021–2025年) (2021~2025年) (2021至2025年) (20212025年) -> (2021-2025年)
YEAR_RANGE = re.compile(
    r"((?:19|20)\d{2})\s*(?:[-—–－~～─―]{1,2}|至|到)?\s*((?:19|20)\d{2})(?=\s*年?\s*[)）])"
)
DASHES = re.compile(r"[—–－─―]+")

# The head word that makes a title an instrument; the category rules key on it.
#   …安全生产法 / …民法典 / 刑法修正案 / …条例 / …规定 / …实施纲要 / …工作要点
# Charts, forms and service pledges (…流程图, …信息表, …服务承诺) are not instruments.
HEAD = re.compile(
    r"(?:法典|修正案|(?<![办说讲谈学普守用知懂护看方想做手书司执立释话读评])法|条例|规定|办法|细则|规则|解释|决定|决议"
    r"|纲要|规划|方案|意见|要点|清单|通知|计划|措施|制度|机制|目录|指引|指南|标准|章程|准则|守则|公约"
    r"|批复|公告|通告|通报|规范|规程|导则|体系)$"
)

# A title that is only a head word with a determiner refers back to an
# instrument already named: 《纲要》 《意见》 《条例》 《实施方案》 该法 本条例 上述办法
REFER_BACK = re.compile(
    r"^(?:该|本|此|上述|前述|新|原)?(?:实施|工作|有关|相关)?"
    r"(?:法|条例|规定|办法|细则|规则|解释|决定|纲要|规划|方案|意见|要点|清单|通知|计划|措施|制度|机制|目录|标准|章程)$"
)

# Titles of things that are not instruments: courses, books, papers, shows, songs.
#   《民法典学习读本》 《习近平法治思想学习纲要》 (a study book) 《以案释法》 《宪法知识手册》 《法治讲堂》 《今日说法》 《法治日报》 《安全生产法解读》
NOT_INSTRUMENT = re.compile(
    r"学习纲要|读本|手册|讲座|讲堂|课堂|专栏|栏目|杂志|期刊|节目|课程|微电影|宣传片|汇编|选编|解读|问答|教材|漫画|动漫"
    r"|故事|知识竞赛|百问|宣传册|折页|报告|研究|之声|访谈|歌曲|说法$|讲法$|(?:日|晚|时|法治|法制)报$"
)

# The 中华人民共和国 prefix of national instruments.
NATIONAL_PREFIX = "中华人民共和国"

# The leading place of a title, level by level (the last one found fixes the
# issuer's level). 市/区 in common words (市场, 市容, 城市, 区域, 社区) are not units.
#   河南省重大行政决策程序规定 -> high (a province may make rules)
#   某某市人民政府行政规范性文件管理规定 -> high;  某某市某某区规范性文件管理规定 -> low
#   XXX省法治政府建设实施纲要 -> high;  某某乡议事规则 -> low;  南部2022年… -> none
#   全市… / 本区… / 自然保护区条例 / 社区矫正法 / 市场主体… -> none (not a named place)
#   湖州市市区停车场管理办法 -> high (市区 is the urban area, not a district)
PLACE_HIGH = re.compile(
    r"^(?:[\u4e00-\u9fffX]{1,8}?(?:省|自治区|特别行政区)|北京市|天津市|上海市|重庆市)?"
    r"(?:[\u4e00-\u9fffX]{1,7}?(?<![城都超门股上全本我该各])(?:市|自治州|州|地区|盟)(?![场容政民值]))?"
)
PLACE_LOW = re.compile(
    r"^[\u4e00-\u9fffX]{1,9}?(?<![社小园街景政山校营矿护胜全本我该各市城辖林牧灾疫])(?:区|县|旗)(?![域划间块])"
    r"|^[\u4e00-\u9fffX]{1,8}?(?:乡|镇|街道)(?![村土风里])"
)
# The central body named just before a title: 国务院《…条例》 司法部《…实施方案》 最高人民法院《…规定》
ISSUER_BEFORE = re.compile(
    r"(国务院(?:办公厅)?|中共中央(?:办公厅)?|中办|国办|最高人民法院|最高人民检察院|全国人大常委会|全国人民代表大会常务委员会"
    r"|(?:司法|公安|财政|民政|商务|教育|生态环境|自然资源|住房和城乡建设|交通运输|水利|农业农村|应急管理|人力资源和社会保障"
    r"|国家卫生健康|文化和旅游)(?:部|委员会)|国家市场监督管理总局|市场监管总局|国家税务总局)$"
)

# A bare national law name may not run on into a longer word:
#   宪法法律培训 -> 宪法 (法 may follow), 行政处罚法学习 -> 行政处罚法;  宪法学会 / 公司法人 / 教育法治 / 劳动法律 / 婚姻法规 -> not a law
BARE_LAW_STOP = re.compile(r"^(?:[人治律规制院官庭理务定令宝器则]|学(?:会|院|家|者|科))")
# A day, week or month named after a law publicises it, so the law is cited (GUIDELINES: national
# laws named without 《》, as in 民法典宣传活动): 国家宪法日, “宪法宣传周”, 宪法周, 民法典宣传月,
# 消费者权益保护法宣传日. Matched right after the name (and 国家 right before it).
BARE_LAW_DAY = re.compile(r"(?:宣传|学习)?(?:日|周|月)")
BARE_LAW_DAY_BEFORE = re.compile(r"国家$")

# Bare instruments (no 《》) that a report enacts or follows: an issuer-like
# start (place or year) and a document head, right after a verb or a dash.
#   印发青山经济区2022年依法行政工作要点, -> 青山经济区2022年依法行政工作要点
#   根据县人大常委会2024年监督工作计划的安排 -> 县人大常委会2024年监督工作计划
#   出台县政府关于规范涉企检查的意见, -> 县政府关于规范涉企检查的意见
#   重点立法项目——湿地保护条例草案进入审议 -> 湿地保护条例 (draft)
BARE_DOC = re.compile(
    r"(?P<title>(?:[\u4e00-\u9fffX“”]{0,30}?(?:19|20)\d{2}年度?)?[\u4e00-\u9fffX“”]{2,40}?"
    r"(?:工作要点|实施方案|工作方案|工作计划|实施纲要|工作规则|实施细则|细则|办法|规定|意见|通知|规划|条例))"
    r"(?:(?P<draft>草案)|(?=[和及与、,，。;；的以等]|立法|修订|出台|$))"
)
# …but an issuer with a bare head names no document: 按照县政府规定的时限, 根据市委意见
BARE_DOC_SHORT = re.compile(
    r"(?:[省市县区乡镇](?:委|政府|人民政府|人大常委会)|(?:19|20)\d{2}年度?)[\u4e00-\u9fff]{0,2}"
)
# A clause that goes on about the title just named: 《X规定》,经市人大常委会审议通过 / ,由省人大常委会批准
BY_CLAUSE = re.compile(r"(?:并|已|已经|先后)?(?:经|由|报经|报请)")
# A dash that introduces a title (— or ——, not a hyphen inside a range or a code)
TITLE_DASH = re.compile(r"—+")
# Of the citing verbs, those that take a document as their object (根据2023年监督工作计划的安排);
# the others (学习, 宣传 …) take laws, which the lexicon finds.
BARE_DOC_CITE_VERBS = frozenset({"根据", "按照", "依据", "贯彻", "落实", "执行"})
# a bare instrument must start like a title: with a place or an issuer, a year, or a 条例 head
BARE_DOC_START = re.compile(r"^(?:市|县|区|乡|镇|省)(?:委|政府|人大常委会|人民政府)|^(?:19|20)\d{2}年")

# The end of the clause that a verb governs (looking left from a mention).
CLAUSE_BREAK = re.compile(r"[,，;；。:：!?！？\n]")
# Between a verb and its object: a short run without a preposition. 建立以《X》为核心的… has 以, so
# 建立 governs something else and 《X》 is cited: 制定了全市统一的《X》 -> enact, 建立以《X》 -> cite
# Titles and category nouns inside the gap do not count, and a gap ending in a list mark continues the
# verb's list: 制定出台地方性法规《A》和政府规章《B》 / 出台X工作要点、《B》 -> B enacted.
VERB_GAP = re.compile(
    r"^[^以将把对在从向为被按依据]{0,6}$|^[^以将把对在从向为被按依据,，;；]{0,30}[、和及与]$"
)
# A category noun right before a title names its category: 地方性法规《X规定》 -> local_regulation
CATEGORY_NOUN = re.compile(
    r"(地方性法规|地方政府规章|政府规章|部门规章|行政法规|司法解释|党内法规|规范性文件)(?:草案)?$"
)
# …and so does one right after a list of titles: 废止《A细则》等规章2件 / 《A》《B》2部地方性法规 /
# 《A》等规范性文件 (but 规章制度 is any set of rules, not 规章)
RIGHT_CATEGORY = re.compile(
    r"(?:等)?[\d一二三四五六七八九十两]*[部件项个]?(?:与[^,，。;；]{0,20}的)?"
    r"(地方性法规|地方政府规章|政府规章|部门规章|规章(?!制度)|行政法规|司法解释|党内法规|规范性文件)"
)
# A people's congress adopting or being asked to adopt the instrument named in the clause: a city's or
# province's 规定/办法 is then a local regulation, not a government rule (which is the default, as
# governments issue most 规定/办法 and congresses most 条例):
#   《某某市楼道安全规定》经市人大常委会审议通过 / 市人大常委会批准《X办法》 / 提请市人大常委会审议
CONGRESS_MADE = re.compile(
    r"(?:人大|人民代表大会)(?:常委会|常务委员会)?(?:会议)?[^,，。;；]{0,12}?(?:审议通过|表决通过|通过|批准|颁布|公布|制定)"
    r"|(?:提请|报请|提交)[^,，。;；]{0,8}(?:人大|人民代表大会)"
)
CATEGORY_NOUNS = {
    "地方性法规": "local_regulation",
    "地方政府规章": "rule",
    "政府规章": "rule",
    "部门规章": "rule",
    "行政法规": "administrative_regulation",
    "司法解释": "judicial_interpretation",
    "党内法规": "party_regulation",
    "规范性文件": "policy_document",
    "规章": "rule",
}
# A title issuing another: 关于印发《X》的通知 / X的通知 -> alias X
NOTICE_OF = re.compile(r"^(?:关于)?(?:印发|转发|下发)?(.{4,}?)的通知$")
# What may separate the items of one list of instruments: 《A》、《B》和《C》 / 《A》,《B》
LIST_GAP = re.compile(r"^[\s,，、和及与以并或]*$")
# After a mention, words that make it the object of a verb on its right:
#   《X条例》修订工作 -> revise;  《X》起草 / 《X条例》(草案) -> draft;  《X》废止 -> repeal;  《X》立法工作 -> enact
# and words that make it a modifier of another document (the verb governs that one):
#   制定《X法》实施细则 / 制定《X》的配套制度 -> cite
#   对《X办法》进行了修订 -> revise;  对《X》予以废止 -> repeal;  but 《X法》修订后,… is a time: cite
_DO = r"^(?:的)?(?:进行了?|予以|启动|完成|开展)?"
RIGHT_ACTION = (
    ("draft", re.compile(_DO + r"[(（]?(?:起草|(?:修订|修正)?草案|征求意见稿|送审稿)")),
    ("revise", re.compile(_DO + r"(?:修订|修改|修正)(?!后|以来|之后|实施|施行)")),
    ("repeal", re.compile(_DO + r"废止(?!后|以来|之后)")),
    ("enact", re.compile(r"^(?:的)?(?:立法|制定工作|出台工作)")),
    ("cite", re.compile(r"^(?:的)?(?:实施细则|实施办法|实施意见|实施方案|配套|贯彻|落实|学习|宣传)")),
)
