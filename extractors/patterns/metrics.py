"""Regular expressions for quantities (see ``extractors/metrics.py``).

A quantity is a number with its measure word, and around it the words that
say it is approximate. Worked examples (number, unit, approximation):

    全年收到行政复议申请64件          -> 64, 件
    归集执法检查数据12.6万余条        -> 12.6 万 余, 条
    接听市民来电60余万件              -> 60 余 万, 件
    涉案金额4127余万元               -> 4127 余 万, 元
    对90多件重大执法决定              -> 90 多, 件
    满意率97%以上                    -> 97, %, 以上
    近350批次 / 约200% / 超过350项    -> 近 / 约 / 超
    举办两批次执法资格考试            -> 两, 批次
    一百余人                         -> 一百 余, 人
    没收 6 万元 / 折页 300 余万份      -> 6 万, 元 / 300 余 万, 份 (scraped spaces)
    近 200 万人次                    -> 近 200 万, 人次
    送法下乡百余场 / 千余家           -> 百 余, 场 / 千 余, 家 (a bare 百/千/万 before 余/多)
    每月巡查2-4次 / 三至五天          -> 2-4, 次 / 三至五, 天 (a range: its upper bound)
    满意度百分之九十八点五             -> 98.5, %
    败诉率为0 / 差评率为零             -> 0, % (a zero rate written bare)

The measure words come from ``data/units.tsv``; ``quantity_pattern`` builds
the regex from them, longest first (人次 before 人, 个工作日 before 个).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Arabic numbers, optionally with thousands separators and decimals: 56, 1,234, 62.17.
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Chinese numbers start with a digit or 十 (十二), never with 百/千/万 alone, so
# idioms such as 千家万户 or 百姓 are not numbers: 两, 十二, 一百零五, 三万五千.
CHINESE = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"

# Words before the number that make it approximate, longest first: 超过600项, 近480批次.
APPROX_BEFORE = r"将近|接近|大约|超过|约|(?<![最附])近|超|逾"  # not 最近3次, 附近
# Between the number and its unit: 80余万件, 180多件, 27.8万余条 (the multiplier
# 万/亿, or 千 after Arabic digits as in 2千余人, sits between them too).
APPROX_MID = r"余|多"
# After the unit: 98%以上, 300人左右.
APPROX_AFTER = r"以上|左右|之多"

# A bare 百/千/万 is a number only before 余/多 (百余场, 千余人, 万余件); elsewhere it is a word
# (百姓, 千家万户), and after 数/几/上/成 it is vague (数百余人 is "several hundred").
BARE_ROUND = r"(?<![数几上成])[百千万](?= ?[余多])"
# The lower end of a range and its dash: 3-5次, 3~5天, 三至五次, 1 — 2次 (the range is
# recorded by its upper bound; the lower number is not a quantity of its own).
RANGE_LOW = rf"(?P<lo>{ARABIC}|{CHINESE}) ?(?:[-~～—–]|至|到) ?"

# A rate of nothing, written without its %: 败诉率为0, 差评率为零 -> 0%.
ZERO_RATE = r"(?<=率为|率是)(?P<znum>0|零)(?![\d.%‰个件次人项])"

# Percentages in words: 百分之九十 -> 90%, 百分之百 -> 100%, 百分之九十五点五 -> 95.5%.
PERCENT_WORDS = rf"百分之(?P<pnum>{ARABIC}|{CHINESE}(?:点[零〇一二三四五六七八九]+)?|百)"

# Canonical approximation words (design/schema.md: 余, 以上, 约, 近, 超, 多).
APPROX_CANON: dict[str, str] = {
    "将近": "近", "接近": "近", "近": "近", "大约": "约", "约": "约", "左右": "约",
    "超过": "超", "超": "超", "逾": "超", "余": "余", "多": "多", "之多": "多", "以上": "以上",
}  # fmt: skip


def quantity_pattern(units: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """The quantity regex over (measure word, what may not follow it) pairs.

    Longest measure words are tried first; a measure word followed by what
    makes it another word (条 in 条例) is not one, and the regex backtracks to
    a shorter one. A number may not continue a longer number on its left (so
    2021 is never read as 021), nor be glued to ``+`` (1+8 is a name). Scraped
    text puts single spaces between the parts (近 500 万人, 600 余万份, 56 件):
    one space may stand at each joint.
    """
    alts = "|".join(
        re.escape(u) + (f"(?!{nb})" if nb else "") for u, nb in sorted(set(units), key=lambda x: -len(x[0]))
    )
    return re.compile(
        rf"(?:(?P<before>{APPROX_BEFORE}) ?)?"
        rf"(?:{PERCENT_WORDS}|{ZERO_RATE}|"
        rf"(?<![\d.+零〇一二两三四五六七八九十百千万亿])"
        rf"(?:{RANGE_LOW})?"
        rf"(?P<num>{ARABIC}|{CHINESE}|{BARE_ROUND})"
        rf"(?: ?(?P<mid>{APPROX_MID}))?(?: ?(?P<mult>[万亿]|(?<=\d)千))?(?P<mid2>{APPROX_MID})? ?"
        rf"(?P<unit>{alts}))"
        rf"(?: ?(?P<after>{APPROX_AFTER}))?"
    )


# An ordinal or a list of ordinals before the number: 第三次, 第三、四、五次会议, 第3至5批.
ORDINAL_BEFORE = re.compile(rf"第 ?(?:(?:{ARABIC}|{CHINESE})(?:次|批|届|期|轮)?[、和及至到~\-—])* ?$")
# The sessions of a congress or committee: 九届四次、五次全会, 十二届三次全会. Only a 次
# after 届 is a session; other counts after 届 are counts (选聘新一届8名法律顾问).
SESSION_BEFORE = re.compile(rf"届 ?(?:(?:{ARABIC}|{CHINESE})次?[、和及至到~\-—])* ?$")
# A rank, not a count: 位居全省前三名, 前10位.
RANK_BEFORE = re.compile(r"前$")

# A year (2021年, 2024年度) that may date the quantity; ranges (2007—2021年) and
# comparisons (较2021年同期) do not date it and are skipped by the caller.
YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d) ?年(?!以来|来)")
YEAR_NOT_DATING = re.compile(r"(?:[—\-~至到]|较|比|与|同|自|从)$")

# Clause boundaries for the words naming a quantity. Before the number, a list
# comma ends the name (下放审批事项7项、取消证明材料4项); after it, only stronger
# punctuation does, because 、 there joins the nouns counted
# (对90多件重大项目、行政协议等进行了合法性审核).
BEFORE_BREAK = re.compile(r"[,;:、。!?\n]")
AFTER_BREAK = re.compile(r"[,;:。!?\n]")
# Words that join list items or open an aside, dropped from the head of a raw name:
# 其中党组学习2次 -> 党组学习.
# An aside in brackets that breaks a clause: 不予受理9宗(其中告知6宗…), 出庭30件(含正职12件).
# Brackets that only gloss a noun (乡镇(街道), 村(社区)) do not.
ASIDE_OPEN = re.compile(r"\((?=其中|含|包括|占|同比|较|即|均|共)")
LEAD_CONNECTOR = re.compile(
    r"^(?:其中|以及|同时|此外|另外|另有|包括|(?:和|及|与|并)(?!时|谐|会|列|联|入|行|发|重|早))"
)
LIST_JOIN = re.compile(r"(?:和|及|以及|(?<![参给赋授])与|、|等)+$")  # not the 与 of 参与/给与
# A bracketed aside long enough to hold clause punctuation is dropped from a raw name:
# 扣押物品(一种珊瑚,属国家二级保护动物)价值 -> 扣押物品价值. Short glosses (村(社区)) stay.
LONG_ASIDE = re.compile(r"\((?:[^()]|\([^()]*\))*[,;:。](?:[^()]|\([^()]*\))*\)")
# The verb or copula that links a name to its figure, dropped from the end of the raw
# name: 调解和解率达32.1%, 办结率达到99%, 满意率提升至98%, 时限压缩至3天,
# 持证人员共986人, 重点区域共计462个, 好评率为99.7%, 分别为98%. Not the 为 of 行为/作为
# nor the 达 of 送达/下达/传达, which end nouns and verbs of their own.
LINK_VERB_END = re.compile(
    r"(?:分别|均|都|全部|皆|已|总计|共计|合计|累计|共)?"
    r"(?:(?:提升|提高|上升|增加|增长|降低|下降|减少|压缩|缩短|升|增|降)(?:至|到)|保持在|稳定在"
    r"|(?<![送传下表抵到转发直通])达(?:到了?)?|(?<![行作认成因称以视更较])为)?$"
)

# Several rates sharing one figure: 重大决策合法性审查率、公开征求意见率和专家论证率达100%
# is three metrics of 100%, one per rate named (but not …分别为98%、99%, where each
# rate has its own figure). Matched against the words before the number.
RATE_LIST = re.compile(
    r"(?P<names>[^,;:。、和及]{1,24}?[率度](?:(?:、|和|及|以及)[^,;:。、和及]{1,24}?[率度])+)"
    r"(?:均|都|全部|皆)?(?:达到|达|为|是|实现)?$"
)
RATE_LIST_SPLIT = re.compile(r"、|以及|和|及")
# Names given one by one to the figures that follow: 参考率、合格率分别为98%、96%;
# 收到行政复议申请、行政诉讼案件分别为41件和27件. RESPECTIVELY matches the words before
# the first figure; RUN_JOIN what may separate the figures of the run.
RESPECTIVELY = re.compile(r"(?P<names>[^,;:。!?\n]{2,60}?)分别(?:为|是|达到|达|有|占|完成)?$")
RUN_JOIN = re.compile(r"[、,]|和|及|以及")

# Targets, requirements and legal standards, not outcomes (GUIDELINES: 5%的标准 is not a
# metric): 力争…达到90%, 争取压缩至1个工作日, 持证率不低于85%, 每季度至少召开1次,
# 执法人员总数8%的标准.
TARGET_BEFORE = re.compile(
    r"力争|争取|不低于|不少于|不超过|不高于|不得超过|控制在|至少|应当|须|目标(?:是|为|值|定为)"
    r"|(?:尚未|未能|没有|未)达到"  # a level not reached (优良率尚未达到90%) is a standard, not an outcome
)
STANDARD_AFTER = re.compile(r"的?(?:标准|比例要求|要求|目标|上限|下限)")

# Quoted names and titles: a quantity inside them is part of a name
# (“一件事一次办”, “三项制度”, 《关于…的十条措施》).
QUOTED = re.compile(
    r"“[^“”\n]{1,30}”|《[^《》\n]{1,80}》|「[^「」\n]{1,30}」|'[^'\n]{1,30}'|\"[^\"\n]{1,30}\""
)
