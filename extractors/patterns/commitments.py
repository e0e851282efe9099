"""Patterns for the items of a plans section and the year they are for.

Worked examples are given with each pattern and exercised in
``tests/extractors/test_commitments.py``.
"""

from __future__ import annotations

import re

_CN = "一二三四五六七八九十"
# Where an item marker may stand: at a line start, or after the end of the previous item's
# sentence or clause ("…要求。二是全面推进…", "…；三是…", "工作:一是…").
_ITEM_START = r"(?:^|(?<=[。;；:：!！?？\n]))\s*"
# 一是/第一 also after a comma: "重点做好三方面工作,一是…,二是…,三是…。"
_ITEM_START_COMMA = r"(?:^|(?<=[。;；:：!！?？\n,，]))\s*"

# Item markers, by kind. Group "n" is the item's number.
#   "(一)健全依法决策机制。" / "（二）" / "七)…"          -> paren
#   "一是压实法治建设责任。"                              -> shi
#   "1.强化法治学习" / "2、" / "3．"                       -> arabic
#   "(1)加强…" / "①加强…"                                 -> small
#   "第一,加强…" / "第二、"                                  -> di
ITEM_MARKERS: dict[str, re.Pattern[str]] = {
    "paren": re.compile(_ITEM_START + rf"[(（]?(?P<n>[{_CN}]{{1,3}})[)）]\s*", re.M),
    "shi": re.compile(_ITEM_START_COMMA + rf"(?P<n>[{_CN}]{{1,3}})是(?![否的])", re.M),
    "arabic": re.compile(_ITEM_START + r"(?P<n>\d{1,2})\s*[、.．](?!\d)\s*", re.M),
    "small": re.compile(_ITEM_START + r"(?:[(（](?P<n>\d{1,2})[)）]|(?P<c>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫]))\s*", re.M),
    "di": re.compile(_ITEM_START_COMMA + rf"第(?P<n>[{_CN}]{{1,2}})[,，、]\s*", re.M),
}

# An item's lead: its text up to the first full stop, semicolon or line end.
#   "一是压实法治建设责任。把述法纳入年度考核…" -> "压实法治建设责任"
LEAD_END = re.compile(r"[。;；!！?？\n]")

# Closing lines after the last item: not part of it.
#   "特此报告。" / "2024年1月12日" / "青山区人民政府" / "中共青山县委 青山县人民政府"
SIGNATURE_LINE = re.compile(
    r"^(?:(?:特此|专此)(?:报告|汇报)|以上报告)[。.]?$"
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"
    r"|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$"
    r"|^[^。,，;；:：]{2,40}(?:人民政府|管理委员会|管委会|委员会|办事处|政府|局|委|办公室|工委)$"
    r"|^附件"
)

# A sentence that commits to an action (used when the section is not itemised):
#   "2024年,我县将持续规范行政执法" / "深化“放管服”改革" / "力争…达到…"
COMMIT_VERB = re.compile(
    r"将|要|继续|持续|进一步|加强|加快|推进|推动|健全|完善|深化|强化|落实|坚持|提升|提高|开展|建立|"
    r"扎实|着力|力争|确保|做好|抓好|规范|优化|创新|构建|打造|实施|贯彻|发挥|严格"
)

# Years. A year stated in the plans heading ("四、2026年法治政府建设工作计划") or in the
# sentence that opens the section ("2024年,我县将…") is the year the plans are for.
YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年")
PLAN_YEAR_OPENING = re.compile(r"(?<!\d)(20\d\d)\s*年(?:度)?[,，]?[^。]{0,30}?(?:将|要|继续|计划|重点|是)")
# Plan periods and ranges are not the plan's year: (2021—2025年), 2021-2025年.
YEAR_RANGE = re.compile(r"20\d\d\s*年?\s*[-—–~至到]\s*20\d\d\s*年?")
# A full date: its year is the publication year.
#   "2022年2月24日" / "发布时间:2022-02-24" / "2022.02.24"
DATE = re.compile(r"(?<!\d)(20\d\d)(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2}(?!\d))")
