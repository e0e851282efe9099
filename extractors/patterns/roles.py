"""Patterns around officials' titles: who holds them, and when a title is not a role.

The titles themselves are a lexicon (``data/role_titles.tsv``); these patterns
read the words around a title. Worked examples are given with each pattern and
exercised in ``tests/extractors/test_roles.py``.
"""

from __future__ import annotations

import re

# A placeholder where a name was blanked out: never a person.
#   "县人大常委会副主任XXX带队" -> "XXX";  "局长×××" -> "×××";  "县长某某" -> "某某"
#   "副区长李某某" / "局长张XX" / "镇长王某": a surname with the given name blanked is a placeholder too.
PLACEHOLDER = re.compile(r"[Xx×*＊Ｘ]{2,}|某{1,2}|[\u4e00-\u9fff]{1,2}?(?:[Xx×*＊Ｘ]{1,3}|某{1,2})")

# What follows a person's name right after a title: a verb, adverb or 同志, or punctuation.
# It tells where a name ends when the segmenter glues the name to the next word
# ("分管领导张龙任副组长" is cut 张龙任 by pkuseg; 任 after 张龙 marks the end).
#   "乡长何春燕任组长" -> 何春燕 | 任;  "赵明亮主持会议" -> 赵明亮 | 主持;  "孙志刚同志切实履行" -> 孙志刚 | 同志
# The same words right after a title mean no name was given: "县长多次听取汇报", "镇长切实承担"
# (so adverbs that start with a surname character, 高度 严格 全面 公开 向 于, must be listed).
# The verbs are those that follow a leader in these reports: presiding and attending (主持 出席),
# leading and inspecting (带队 检查 督办 现场 接访), appearing in court (出庭 应诉), being in charge
# (分管 主抓), signing and instructing (签发 批示), teaching and speaking (宣讲 授课 讲话).
NAME_FOLLOWER = re.compile(
    r"(?:同志|担任|兼任|任|为|兼|主持|出席|参加|参与|带头|牵头|亲自|强调|指出|要求|表示|讲话|发言|致辞|"
    r"作出|作|率队|率|带队|到|赴|前往|来到|在|等|对|就|向|于|召集|召开|部署|听取|研究|调研|督导|督办|"
    r"督查|检查|巡查|视察|走访|看望|慰问|会见|接待|接访|约谈|现场|出庭|应诉|分管|主抓|抓(?:落实|好|实)|挂帅|领衔|包联|"
    r"签发|签署|审定|批示|宣讲|讲授|授课|主讲|解读|点评|介绍|汇报|提出|宣誓|多次|分别|切实|认真|严格|"
    r"坚持|高度|全面|全程|全力|公开|定期|专题|先后|一行|协助|负责|统筹|指导|组织|深入|积极|始终|带领|"
    r"审议|作为|履行|落实|与|和|及)"
    r"|[、,，。;；:：()（）\s“”\"]|$"
)

# One space may stand between a title and its holder's name (a typesetting gap): "县长 李强作出批示".
NAME_GAP = re.compile(r"[ \u3000](?=[\u4e00-\u9fff])")

# A title that modifies the next noun is not a role: 主任办公会议, 市长热线, 局长讲法活动, 县长信箱
# (and 市长助理 is another title, not the 市长).
# 会 (not 会见/会同/会商/会签) covers meetings and bodies: 市委常委会 is the committee, not a 市委常委.
MODIFIER_AFTER = re.compile(
    r"(?:办公会|常务会|专题会|会(?![见同商签晤])|热线|信箱|专线|公开电话|接待日|讲法|令|负责制|工作室|基金|杯|奖|助理)"
)

# A count before a title makes it a class of people: "组织32名党政主要负责人参加述法评议",
# "对12名乡镇党政主要负责人开展考核" (they are the leaders of subordinate units, not the report's own).
COUNT_BEFORE = re.compile(r"(?:\d+|[一二两三四五六七八九十百千]+)(?:名|位)[^、,，。;；:：]{0,6}$")

# The first responsible person for rule-of-law work (推进法治建设第一责任人) written as the principal
# leader of a body: "县政府主要领导带头履行法治建设第一责任人职责", "市政府主要负责同志…",
# "局主要负责人…", "把政府主要负责人落实第一责任人职责情况纳入年度考核".
# Group 1 is a bare 党委/政府 standing before it (the terms of the national 第一责任人 regulation:
# 党委主要负责人, 政府主要负责人); 党政主要负责人 is the lexicon's duty title. Not 主要领导干部 / 班子
# (a class of cadres), not 主要负责人职责 (the duty itself).
FIRST_HOLDER = re.compile(
    r"(党委|政府)?主要(?:负责人|负责同志|领导同志|领导)(?!干部|班子|成员|职责|责任|岗位)"
)

# The party committee's and the government's principal leaders named together in the regulation's
# own term (主要负责人) are the duty role 党政主要负责人 (党政 = 党委和政府), whatever the sentence says
# about them: "市委、市政府主要负责人分别担任…", "县委和县政府主要负责人", "区委区政府主要负责人",
# "园区党工委、管委会主要负责人". Other wordings keep their written title (市委市政府主要领导,
# 党委管委会主要负责同志: see FIRST_HOLDER), and the government alone keeps its own (市政府主要负责人).
PARTY_GOV_HEAD = re.compile(
    r"(?:[省市县区州旗乡镇]委|党委|党工委)(?:、|和|及|与)?(?:[省市县区州旗乡镇]|园区|新区)?"
    r"(?:人民政府|政府|管委会)主要负责人(?!职责|责任)"
)

# The duty that makes such a leader a role, outside 《》 titles: "第一责任人".
FIRST_DUTY = re.compile(r"第一责任人")

# The words before such a leader must end in a body whose leader it is: 区政府, 市委、市政府,
# 园区党工委管委会, 厅, 局 (a department's own report). Without one ("…,主要负责人带头履行…") the
# leader is usually of a class named earlier in the sentence.
HOLDER_ORG_END = re.compile(r"(?:党委|党工委|管委会|政府|委|局|厅|办|部|署|党组)$")

# The words before a bare 党委/政府 that make it a body's name rather than the regulation's term:
# a level or a name ending (区政府, 某某市人民政府, 镇党委、政府).
HOLDER_ORG_PREFIX = re.compile(r"(?:[省市县区州旗乡镇委、]|人民|新区|开发区|高新区)$")

# A class of bodies before the leader: "各级政府及其部门主要负责人", "部分街道主要负责同志".
COLLECTIVE_ORG = re.compile(
    r"各|部分|全体|所有|其他|其余|\d+(?:名|个|家)|[一二两三四五六七八九十百]+(?:名|个|家)"
)

# Where the object phrase holding the leader starts: the collective check reads only what follows
# ("列入各级党委学习计划把政府主要负责人…" is not a class: 各 belongs to the earlier phrase).
OBJECT_START = re.compile(r"[将把对由在为是以]")

# An item lead stating the duty, whose next sentence names its holder first:
# "三是扛牢推进法治第一责任人职责。局主要负责人带头…". The lead starts with an item marker.
ITEM_LEAD = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、])"
)

# A title after 各 names a class of people, not a role: 各办公室主任, 各乡镇党委书记, 各分管领导.
COLLECTIVE_BEFORE = re.compile(r"各(?:级)?[^、,，。;；:：]{0,6}$")

# Jurisdiction-level characters that may stand before a title as its prefix: 镇党委书记, 区党工委书记.
LEVEL_CHARS = "省市县区州旗乡镇"

# The position a holder takes in a group, after the holder: "由党委书记王海涛、乡长何春燕任组长",
# "以区长为组长", "分管副镇长刘敏任副组长", "乡长为第一副组长".  Groups: rank (常务/第一), 副, position.
# A coordination mechanism's posts are its (deputy) convenors: "由市长任总召集人,分管副市长任副总召集人".
GROUP_ASSIGN = re.compile(r"(?:同志)?(?:任|为|担任|兼任)(常务|第一)?(副)?(组长|主任|指挥长|总召集人|召集人)")

# Between holders listed together before such a position: "党委书记A、镇长B任组长",
# "镇长和镇人大主席为常务副主任" (the next title's level prefix may stand between).
LISTED_GAP = re.compile(r"(?:、|和|及|与)[^、,，。;；:：()（）\s]{0,8}")

# The kind of group such a position belongs to, searched in the same sentence:
#   "…为成员的依法治乡工作领导小组" -> 领导小组;  "成立依法治县委员会" -> 委员会
#   "建立法治政府建设协调机制,由市长任总召集人" -> 协调机制 (a 召集人 belongs to a mechanism or a joint
#   meeting, so a position looks first for a group word of its own kind: GROUP_FOR_POSITION)
GROUP_WORD = re.compile(r"领导小组|工作小组|工作专班|委员会|指挥部|协调机制|联席会议")
GROUP_FOR_POSITION = {
    "组长": re.compile(r"领导小组|工作小组|工作专班"),
    "主任": re.compile(r"委员会"),
    "指挥长": re.compile(r"指挥部"),
    "总召集人": re.compile(r"协调机制|联席会议"),
    "召集人": re.compile(r"协调机制|联席会议"),
}

# A group position taken by a class of people, not named ones: the position is still a role, held
# by no one named. "各分管领导为副组长", "相关部门主要负责人任副主任", "班子其他成员为副组长"
# (the words before the position, back to punctuation, end in such a class).
COLLECTIVE_HOLDER = re.compile(r"(?:领导|负责人|负责同志|成员|领导干部)$")

# A deputy listed right after a title without a holder of its own:
#   "县委全面依法治县委员会主任和副主任" -> 委员会主任, 委员会副主任
DEPUTY_AFTER = re.compile(r"(?:和|及|、)副(主任|组长|书记)")

# Between a named holder and a post they take on, written out with its organisation:
#   "副县长李强担任县联席会议召集人" -> 李强 holds 联席会议召集人;  "县长张三兼任领导小组组长"
ASSIGNED_GAP = re.compile(r"(?:担任|兼任|出任)[^、,，。;；:：()（）\s]{0,16}")

# Between two titles held by one person: "区党工委书记、管委会主任赵明亮", "党组书记、部长孙志刚",
# "市委副书记、市长、市委全面依法治市委员会副主任周立群" (the second title's organisation may come between).
SHARED_HOLDER_GAP = re.compile(r"(?:、|兼)[^、,，。;；:：()（）\s]{0,16}")

# A zone's jurisdiction name: its party body is a 工委 and its government a 管委会.
ZONE_NAME = re.compile(r"(?:开发区|经济区|示范区|新区|高新区|园区|试验区|合作区|管理区)$")

# Words that end an organisation's name when reading backwards from a title:
#   "分别担任县委全面依法治县委员会主任" -> 县委全面依法治县委员会 (stops at 担任)
ORG_STOP = re.compile(
    r"^(?:担任|兼任|任|为|由|以|的|和|及|与|是|了|在|经|等|成立|组建|调整|设立|召开|主持|出席|同志|分别|"
    r"其中|并|由其|作为|现任|分管|常务|各|各级)$"
)

# A verb the segmenter glued to the front of an organisation's name: "调整镇依法治镇工作领导小组",
# "建立法治政府建设协调机制".
ORG_LEAD_VERB = re.compile(r"^(?:调整|成立|组建|设立|建立|召开|健全|完善)")

# Quoted titles (《党政主要负责人履行推进法治建设第一责任人职责规定》) are instruments, not roles.
BOOK_TITLE = re.compile(r"《[^《》\n]{1,120}》")
