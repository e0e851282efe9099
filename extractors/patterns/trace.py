"""Regular expressions for tracing commitments (graph/trace.py).

Worked examples are given with each pattern; tests/graph/test_trace.py
exercises every one of them.
"""

from __future__ import annotations

import re

# A plan item that sets a measurable target names an indicator; a later figure
# for that indicator is progress "with numbers". A rate target:
#   力争行政复议调解和解率提高到30%以上 -> rate;  力争负责人出庭应诉率达到100% -> rate
#   规范性文件备案审查率达百分之百 -> rate
RATE_TARGET = re.compile(
    r"\d+(?:\.\d+)?\s*[%％]|百分之[一二三四五六七八九十百零〇两]+|\d+(?:\.\d+)?\s*个百分点"
)
# A count target (a number with a measure word; a year such as 2023年 is not one). The
# measure word must be the figure's unit: 培育1000名 is not met by 培训会4次.
#   培育“法律明白人”1000名 -> unit 名;  新增省级民主法治村5个 -> unit 个;  2023年 -> no
COUNT_TARGET = re.compile(
    r"\d+(?:\.\d+)?\s*[万千百亿]?\s*(?P<unit>件|个|项|次|场|名|人次|人|家|户|卷|期|篇|条|所|座|宗)"
)

# A Chinese character: overlaps between an indicator's name and a plan item are counted in these.
HANZI = re.compile(r"[\u3400-\u9fff]")

# Where an enumerated item starts inside one sentence: shortcomings are often listed in a
# single sentence, each item answered by a different plan item, so they are compared one by one.
#   "…短板仍然明显，一是基层执法力量偏弱；二是亮点不够多。" -> "…明显，" | "一是…偏弱；" | "二是…多。"
ITEM_START = re.compile(r"(?<=[，,；;:：])\s*(?=[一二三四五六七八九十]是)")

# An issuer that is a government department, not the government of the place: its report
# is ABOUT the same jurisdiction (design/schema.md) but is not the government's own report,
# so the government's plan items are not followed in it, nor its plan items in the government's.
#   区司法局, 深圳市龙华区司法局, 广东省司法厅, 广州市人民政府办公厅, 绍兴市市场监督管理局 -> department
#   安吉县人民政府, 中共安吉县委 安吉县人民政府, 天津滨海高新区管委会 -> not
DEPARTMENT_ISSUER = re.compile(r"(?:局|厅|办公室|中心|署)$")
