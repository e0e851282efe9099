"""Patterns for place names that no gazetteer lists: townships, streets, zones, villages, placeholders.

GB/T 2260 (the gazetteer, :mod:`govkg.extractors.gazetteer`) stops at the
county level. Below it, and for development zones, a name is recognised by
its suffix (``data/jurisdiction_suffixes.tsv``) plus evidence that the
characters before the suffix are a proper name: a known place right before
it (安吉县孝丰镇), an organisation right after it (青石乡人民政府), a year
right after it (a title: 白马镇2023年…), or a list of names with a count
(城关、河口等五个乡镇). Worked examples are given with each pattern
and exercised in ``tests/extractors/test_jurisdictions.py`` and
``tests/extractors/test_gazetteer.py``.
"""

from __future__ import annotations

import re

# Anonymised places: two or more placeholder characters and a level suffix.
#   "关于XX市依法行政工作" -> XX市;  "《XXX省法治政府建设规划》" -> XXX省;  "××县" -> ××县
#   Not "区人大常委会主任XXX带队" (a person placeholder: no level suffix right after).
PLACEHOLDER = re.compile(r"(?<![A-Za-z])([Xx×*＊Ｘ]{2,4})(省|自治区|市|自治州|州|县|区|旗|街道|镇|乡)")

# Characters a proper name below the county level never contains: level words (so 乡镇,
# 城乡, 镇街 are not names), pronouns and quantifiers (全乡, 我镇, 各街道, 本村), function
# words.  "城乡" -> no name (城 is one char);  "各乡镇" -> no name (各, 乡).  Numerals other
# than 一 do occur in names (三江镇, 九龙街道); 一 and 第 start counts and ordinals (一镇一品).
NOT_NAME_CHARS = frozenset(
    "省市县区乡镇村街全各本我该每此其诸等个多两几所有及和与或在对向由为将把被从于至到的了是第一"
)

# What may stand right before a bare proper name: not a CJK character (line start, punctuation,
# 《, a space), or a function word that ends the phrase before it.
#   "，在金山镇开展" -> 在 | 金山镇;  "对青石乡" -> 对 | 青石乡;  "关于青石乡2022年度" -> 关于 | 青石乡
BEFORE_NAME = re.compile(r"(?:^|[^\u4e00-\u9fff]|关于|[在对由与和及到赴向从])$")

# An organisation of a township's/zone's own right after its name: the name is a place.
#   "青石乡人民政府" -> 人民政府;  "金桥街道办事处" -> 办事处;  "白马镇党委" -> 党委;
#   "青山湾经济区管委会" -> 管委会;  "XX村党支部" -> 党支部
ORG_AFTER = re.compile(
    r"人民政府|人大主席团|党委|党工委|党总支|党支部|政府|办事处|管委会|管理委员会|工委|司法所|"
    r"村民委员会|居民委员会|村委会|居委会"
)

# A year right after a name, as in a report's title: "白马镇2023年法治政府建设年度报告".
YEAR_AFTER = re.compile(r"\s*(?:19|20)\d\d\s*年")

# The level words a count of places below the county is given in (镇街 = towns and streets).
LEVEL_WORD = re.compile(r"乡镇|镇街|街道|社区|乡|镇|村")
# A list of townships closed by a count: the names (、-separated), then the count word: a level
# word, optionally with alternatives in brackets and a second level word, as reports write a
# mixed count (乡(镇)街道 = townships, towns and streets; 镇(场) = towns and state farms).
#   "对城关、河口等五个乡镇" -> 城关, 河口;  "对东坪、西林等三个镇(场)" -> 东坪, 西林 (镇)
#   "北湖、南岭等六个乡(镇)街道" -> 北湖, 南岭 (the suffix: the last level word, 街道)
#   Groups: the names and the count word.
_NAME_CHAR = rf"(?:(?![{''.join(sorted(NOT_NAME_CHARS))}])[\u4e00-\u9fff])"
_COUNT_WORD = rf"(?:{LEVEL_WORD.pattern})(?:\([^()]{{1,4}}\))?(?:{LEVEL_WORD.pattern})?"
NAME_LIST = re.compile(
    rf"((?:{_NAME_CHAR}{{2,4}}、)+{_NAME_CHAR}{{2,4}})等(?:[一二三四五六七八九十两\d]{{1,3}}个)?({_COUNT_WORD})"
)

# Before a zone's name: a rank word that is not part of the name.
#   "国家级合肥经济技术开发区" -> 合肥经济技术开发区
ZONE_RANK = re.compile(r"(?:国家级|省级)$")

# The proper part of a zone's name between a known place and the zone suffix: at most four
# characters, none of them a word that names a programme instead of a place.
#   "南京江北新区" -> 江北;  "四川天府新区" -> 天府;  "合肥经济技术开发区" -> ""
#   Not "XX市法治政府建设综合示范区" (法治…: a programme's title) nor "XX市乡村振兴示范区".
ZONE_MIDDLE_BLOCK = re.compile(
    r"法治|政府|建设|综合|示范|先行|创建|振兴|乡村|试点|国家|特色|现代|生态|文化|产业|农业"
)

# A short form that is really the start of a longer word: the next character continues a
# common word.  "南部地区" is not 南部(县); "长治久安" is not 长治(市); "大同小异".
# (Short forms of counties also need the full name elsewhere in the text, see gazetteer.)
#   "延安精神" / "大庆精神" are a spirit named after a place, not the place; "新乡贤" is a rural sage.
SHORT_FOLLOWED_BY_WORD = re.compile(r"久安|小异|地区|片区|区域|沿海|省份|精神|贤")

# A short form whose first character ends a common word on its left: matched on the character
# before the short form and its first one. The frequent case is 福建 read across a word ending in
# 福 (幸福, 造福, 祝福, 享福) and one starting with 建 (建设, 建档, 建党).
#   "推进幸福建设" / "造福建档立卡户" / "祝福建党百年" -> not 福建;  "共享南京经验" -> 南京
SHORT_PRECEDED_BY_WORD = re.compile(r"幸福|造福|祝福|享福")

# A name that is a placeholder for a whole level, not a place: 全市, 全区, 我县, 本镇.
LEVEL_PRONOUN = re.compile(r"[全我本该各](?:省|市|县|区|州|旗|乡|镇|街道|村)")

# A name that the text introduces with a short alias is a proper name:
#   "青山湾新区(以下简称“新区”)" -> 青山湾新区
ALIAS_AFTER = re.compile(r"\s*\(以下简称")

# An honour given to a place names it: "青山村被评为全国民主法治示范村", "白马镇荣获…", "获评…";
# so does passing the review that keeps or grants one: "石门村通过省级民主法治村复评",
# "白马镇通过国家卫生乡镇验收" (a short gap, then the review word, so 通过 as "by means of" does not count).
HONOUR_AFTER = re.compile(
    r"被(?:评为|命名为|授予|确定为|列为|表彰为)|获评|荣获|入选|成功创建|创成"
    r"|通过[^。,，;；:：]{0,12}?(?:复评|复核|复审|验收|评审|认定)"
)

# Suffixes of one family: items of a 、-list share a family ("城关镇、河口镇、青石乡").
_FAMILIES = {"township": r"街道|民族乡|镇|乡|苏木", "village": r"社区|村|嘎查"}
# The next item of such a list, right after a name's suffix: "城关镇、河口镇" -> "、河口镇".
LIST_NEXT = {lvl: re.compile(rf"、{_NAME_CHAR}{{2,3}}(?:{fam})") for lvl, fam in _FAMILIES.items()}
# The previous item of such a list, right before a name: "城关镇、河口镇" -> "城关镇、" before 河口.
LIST_PREV = {lvl: re.compile(rf"{_NAME_CHAR}{{2}}(?:{fam})、$") for lvl, fam in _FAMILIES.items()}

# A phrase that ends right before a name: a level pronoun ("全县青石乡…", "我镇白马村…").
PRONOUN_BEFORE = re.compile(r"[全我本该](?:省|市|县|区|旗|乡|镇|街道)$")

# A suffix that is the first half of a compound word is no suffix: 乡镇, 乡村 (美丽乡村), 镇街.
#   "天荒坪镇开展乡镇综合执法" -> no township 开展乡
COMPOUND_AFTER = {"乡": re.compile(r"[镇村]"), "镇": re.compile(r"街")}

# A named village right after a township's name, with its own organisation: the township is named
# too.  "灵峰街道横山坞村党总支" -> 灵峰街道 (and 横山坞村)
VILLAGE_AFTER = re.compile(
    rf"{_NAME_CHAR}{{1,3}}(?:村|社区|嘎查)(?:党总支|党支部|党委|村委会|居委会|村民委员会|居民委员会)"
)
