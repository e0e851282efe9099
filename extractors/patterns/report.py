"""Patterns for a report's own metadata: its title, the year reported on, dates, kind, issuer.

Worked examples are given with each pattern and exercised in
``tests/extractors/test_report.py``.
"""

from __future__ import annotations

import re

# A title line: names the rule-of-law work and ends with 报告 or 情况, short, not a sentence.
#   "青山区2023年法治政府建设年度报告" / "关于白马镇2021年法治政府建设工作情况的报告" /
#   "XX县人民政府2022年法治政府建设推进情况" / "关于XX县依法行政工作的调研报告"
# A government's general work report has a title too: "XX区2023年政府工作报告".
# A title glued to the first sentence ("…情况的报告2023年,省政府坚持…") ends before the year.
TITLE = re.compile(
    r"^(?P<title>[^。!?;]{0,60}?(?:法治|依法行政|法制|政府工作)[^。!?;]{0,30}?(?:报告|情况))"
    r"(?=\s*$|\s*(?:19|20)\d\d\s*年[,，])"
)

# The title given in a page's metadata block: "标 题: 青山区2021年法治政府建设年度报告 主 题 词:".
TITLE_FIELD = re.compile(r"^标\s*题\s*[:：]\s*(?P<title>\S[^|]*?)\s*(?:主\s*题\s*词.*)?$")

# Lines that look like a title but are not: headings (一、/(一)/1.), breadcrumbs (首页 > …),
# and sentences that announce the report ("现将有关情况报告如下").
#   "一、2022年法治政府建设工作情况" / "> 政务公开 > 法治政府建设年报" / "现将…情况报告如下"
NOT_TITLE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\(?[一二三四五六七八九十]{1,3}\)|\d{1,2}\s*[、.．]|现将|根据)|.*>"
)

# The first line of a title split over two lines is the issuing body ("中共XX县委 XX县人民政府"),
# or the second line is the title's tail ("情况报告"). Either half is short.
#   "XX县人民政府" + "关于2021年XX县法治政府建设工作的报告";  "XX区2026年法治政府建设" + "年度报告"
TITLE_HEAD = re.compile(
    r"^(?:中共)?[^。,，:：]{2,40}(?:人民政府|政府|管委会|管理委员会|工委|党工委|委员会|局|厅|办公室)$"
)
TITLE_TAIL = re.compile(r"^[^。,，]{0,12}(?:报告|情况)$")
TITLE_START = re.compile(r"^(?:关于|(?:19|20)\d\d\s*年)")

# Table-cell bars and spaces scraped around a title: "| XX区2024年度法治政府建设情况报告 |".
TITLE_TRIM = re.compile(r"^[|\s]+|[|\s]+$")

# The year a report is about, in its title: "…2021年法治政府建设…", "关于2022年度…", "2020年XX区…".
TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")

# A line that opens the body with the year reported on: "2023年,我区…", "2023 年,…", "2025年以来,…",
# "2021年是实施…之年", "2024年青山经济开发区在区委…". Not a date ("2021年8月26日在…会议上").
OPENING_YEAR = re.compile(r"^\s*\(?((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)(?:度)?")

# Openings without a year: the year is the one before publication, or the publication year itself.
#   "一年来,…" / "过去一年,…" -> the year reported on;  "今年以来,…" / "今年年初" -> the publication year
YEAR_AGO = re.compile(r"^(?:一年来|过去一年|\S{0,6}一年来)")
THIS_YEAR = re.compile(r"今年")

# A year in running text, not part of a range (2021—2025年, 2021-2025) nor of a full date.
#   "2021年全县行政复议案件" -> 2021;  "(2021—2025年)" -> none;  "2024年1月1日正式施行" -> none
YEAR_MENTION = re.compile(r"(?<![\d\-—–~至到])((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")

# Clauses before an opening sentence's subject, skipped to reach it:
#   "在市委、市政府的坚强领导下," / "在省委的正确领导下," / "在区委依法治区办的指导下," / "为贯彻落实…," /
#   "一年来," / "以来,"
LEAD_CLAUSE = re.compile(
    r"^(?:在[^,，。]*?(?:下|中|指导)[,，]|为[^,，。]{2,60}[,，]|一年来[,，]|以来[,，]|[,，\s])"
)

# Where an opening subject ends: the first verb or adverb of the sentence.
#   "青山区坚持以…" -> 青山区;  "区司法局在区委…" -> 区司法局;  "青山湾综保区深入贯彻" -> 青山湾综保区
SUBJECT_END = re.compile(
    r"坚持|始终|深入|持续|认真|全面|紧紧|紧扣|紧密|聚焦|围绕|扎实|积极|坚定|坚决|以习近平|以|在|严格|不断|"
    r"牢牢|锚定|着力|立足|按照|高效|大力|切实|把|将|全力|进一步|深学|笃学|笃行|对标|主动|强化|落实|贯彻|"
    r"统筹|推进|围绕|践行|高举|秉持|把握|[,，(。]"
)

# A subject that names a level but no place: 我区, 全省, 区政府, 市政府办公厅, 县司法局, 省委.
#   Group: the level character(s).
LEVEL_SUBJECT = re.compile(r"^[我全本]?(省|自治区|市|州|区|县|旗|镇|乡|街道)")

# A national body as the subject or the title's issuer: 司法部, 国务院, 国家税务总局, 海关总署.
NATIONAL_BODY = re.compile(
    r"^(?:国务院|中华人民共和国|国家[\u4e00-\u9fff]{1,8}(?:局|总局|委员会)|[\u4e00-\u9fff]{1,6}(?:部|总局|总署))(?:党组)?(?:$|[\d关])"
)

# Publication dates. Worked examples:
#   "发布日期: 2021-05-12 08:30" / "发布时间:2020-04-03" / "成文日期: | 2019-11-08" /
#   "更新时间:2020/06/15 16:20:05" / "时间: 2021-01-20" / "发 文 日 期: 2019-04-02"
#   Not "实施日期: 2024-01-01" nor "办理时间: …" (a bare 时间/日期 must stand alone as a label).
LABELLED_DATE = re.compile(
    r"(?:发\s*布\s*日\s*期|发\s*布\s*时\s*间|成\s*文\s*日\s*期|发\s*文\s*日\s*期|更新时间|(?<![\u4e00-\u9fff])时间|(?<![\u4e00-\u9fff])日期)"
    r"\s*[:：|]?\s*\|?\s*((?:19|20)\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})"
)
# A line that is only a date: the signature date, or a date bullet in a page header.
#   "2022年1月7日" / "2020-03-16" / "• 2021年02月09日 10时15分" / "二〇二二年一月十八日"
DATE_LINE = re.compile(
    r"^[•·\s]*((?:19|20)\d\d|[〇零一二三四五六七八九]{4})\s*[-/年.]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[-/月.]\s*"
    r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?(?:\s*\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2})?\s*分?)?\s*$"
)
# A report given at a people's congress session: "(2021年8月26日在XX市第十五届人民代表大会…上)".
MEETING_DATE = re.compile(r"^\(((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日在")
# A site's "today" line is not a date of the report: "2019年12月3日星期二", "农历十月初七".
NOT_A_DATE = re.compile(r"星期|农历|今天是")

# Kinds. A 人大 research/review report about a government:
#   "关于XX县依法行政工作的调研报告", "…执法检查报告", "…视察报告", "…的审议意见"
#   "XX市人大常委会执法检查组关于检查《…》实施情况的报告"
REVIEW_TITLE = re.compile(r"调研报告|视察报告|检查报告|审议意见|评议报告|专题调研|执法检查|视察")
# In the opening lines: the body that did the review ("根据市人大常委会…安排,…调研组").
REVIEW_OPENING = re.compile(
    r"人大常委会[^。]{0,40}(?:调研组|视察组|检查组|评议组)|(?:调研组|视察组|检查组)[^。]{0,40}人大"
)
# A government's general work report, not a rule-of-law report: "XX区政府工作报告".
WORK_REPORT_TITLE = re.compile(r"(?<!法治)政府工作报告")

# The issuer written as a signature line at the end, or before 关于/the year in the title.
#   "XX县人民政府" / "XX高新区管理委员会" / "XX市司法局" / "中共XX县委 XX县人民政府" /
#   "XX市人大常委会调研组" (a review's author)
ISSUER = re.compile(
    r"^(?:中共[^\s]{2,20}委\s*)?(?P<org>[\u4e00-\u9fffXx×*]{2,30}?"
    r"(?:人民政府办公室|人民政府办公厅|人民政府|管理委员会|管委会|党工委|工委|司法局|司法厅|局|厅|部|办公室|委员会|"
    r"人大常委会|调研组|检查组|政府))"
    r"(?=$|关于|\s*(?:19|20)\d\d\s*年)"
)
# "来源:XX市人民政府" / "发布机构: | XX市人民政府 |" in a page header.
SOURCE_FIELD = re.compile(
    r"(?:来[ \t]*源|发[ \t]*布[ \t]*机[ \t]*构|信息来源)[ \t]*[:：][ \t]*\|?[ \t]*([\u4e00-\u9fff()（）]{3,30})"
)
