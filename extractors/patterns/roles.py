"""Patterns around officials' titles: who holds them, and when a title is not a role.

The titles themselves are a lexicon (``data/role_titles.tsv``); these patterns
read the words around a title. Worked examples are given with each pattern and
exercised in ``tests/extractors/test_roles.py``.
"""

from __future__ import annotations

import re

# A placeholder where a name was blanked out: never a person.
#   "市人大常委会副主任XXX牵头" -> "XXX";  "局长×××" -> "×××";  "县长某某" -> "某某"
#   "副区长李某某" / "局长张XX" / "镇长王某": a surname with the given name blanked is a placeholder too.
PLACEHOLDER = re.compile(r"[Xx×*＊Ｘ]{2,}|某{1,2}|[\u4e00-\u9fff]{1,2}?(?:[Xx×*＊Ｘ]{1,3}|某{1,2})")

# What follows a person's name right after a title: a verb, adverb or 同志, or punctuation.
# It tells where a name ends when the segmenter glues the name to the next word
# ("分管领导王龙任副组长" is cut 王|龙任 by pkuseg; 任 after 王龙 marks the end).
#   "乡长敬春梅任组长" -> 敬春梅 | 任;  "杨广志主持会议" -> 杨广志 | 主持;  "唐一军同志切实履行" -> 唐一军 | 同志
# The same words right after a title mean no name was given: "县长多次听取汇报", "镇长切实承担".
NAME_FOLLOWER = re.compile(
    r"(?:同志|担任|兼任|任|为|兼|主持|出席|参加|带头|牵头|亲自|强调|指出|要求|表示|讲话|作出|作|率队|率|"
    r"到|赴|在|等|对|就|召集|召开|部署|听取|调研|督导|督办|多次|分别|切实|认真|严格|坚持|高度|全面|"
    r"定期|专题|先后|一行|协助|负责|统筹|指导|组织|深入|积极|始终|带领|审议|批示|作为|履行|落实|与|和|及)"
    r"|[、,，。;；:：()（）\s“”\"]|$"
)

# A title that modifies the next noun is not a role: 主任办公会议, 市长热线, 局长讲法活动, 县长信箱
# (and 市长助理 is another title, not the 市长).
MODIFIER_AFTER = re.compile(
    r"(?:办公会|常务会|专题会|会议|热线|信箱|专线|公开电话|接待日|讲法|令|负责制|工作室|基金|杯|奖|助理)"
)

# A title after 各 names a class of people, not a role: 各办公室主任, 各乡镇党委书记, 各分管领导.
COLLECTIVE_BEFORE = re.compile(r"各(?:级)?[^、,，。;；:：]{0,6}$")

# Jurisdiction-level characters that may stand before a title as its prefix: 镇党委书记, 区党工委书记.
LEVEL_CHARS = "省市县区州旗乡镇"

# The position a holder takes in a group, after the holder: "由党委书记隆正雄、乡长敬春梅任组长",
# "以区长为组长", "分管副镇长沈佳琪任副组长", "镇长为第一副组长".  Groups: rank (常务/第一), 副, position.
GROUP_ASSIGN = re.compile(r"(?:同志)?(?:任|为|担任|兼任)(常务|第一)?(副)?(组长|主任|指挥长)")

# Between holders listed together before such a position: "党委书记A、镇长B任组长",
# "镇长和镇人大主席为常务副主任" (the next title's level prefix may stand between).
LISTED_GAP = re.compile(r"(?:、|和|及|与)[^、,，。;；:：()（）\s]{0,8}")

# The kind of group such a position belongs to, searched in the same sentence:
#   "…为成员的法治政府建设工作领导小组" -> 领导小组;  "成立依法治县委员会" -> 委员会
GROUP_WORD = re.compile(r"领导小组|工作小组|工作专班|委员会|指挥部")

# A deputy listed right after a title without a holder of its own:
#   "市委全面依法治市委员会主任和副主任" -> 委员会主任, 委员会副主任
DEPUTY_AFTER = re.compile(r"(?:和|及|、)副(主任|组长|书记)")

# Between two titles held by one person: "区党工委书记、管委会主任杨广志", "党组书记、部长唐一军",
# "市委副书记、市长、市委全面依法治市委员会副主任陈志远" (the second title's organisation may come between).
SHARED_HOLDER_GAP = re.compile(r"(?:、|兼)[^、,，。;；:：()（）\s]{0,16}")

# A zone's jurisdiction name: its party body is a 工委 and its government a 管委会.
ZONE_NAME = re.compile(r"(?:开发区|经济区|示范区|新区|高新区|园区|试验区|合作区|管理区)$")

# Words that end an organisation's name when reading backwards from a title:
#   "分别担任市委全面依法治市委员会主任" -> 市委全面依法治市委员会 (stops at 担任)
ORG_STOP = re.compile(
    r"^(?:担任|兼任|任|为|由|以|的|和|及|与|是|了|在|经|等|成立|组建|调整|设立|召开|主持|出席|同志|分别|"
    r"其中|并|由其|作为|现任|分管|常务|各|各级)$"
)

# A verb the segmenter glued to the front of an organisation's name: "调整镇法治政府建设工作领导小组".
ORG_LEAD_VERB = re.compile(r"^(?:调整|成立|组建|设立|召开|健全|完善)")

# Quoted titles (《党政主要负责人履行推进法治建设第一责任人职责规定》) are instruments, not roles.
BOOK_TITLE = re.compile(r"《[^《》\n]{1,120}》")
