"""Property-based tests (hypothesis): the normaliser, the number parser, and evidence offsets.

The promises tested:
- normalise: ``text`` and ``original`` have the same length (so an offset into one points into the
  other), hold no control characters, no blank lines, no runs of blanks; half-width and simplified
  conversion are one character for one and idempotent; normalising normalised text changes nothing.
- parse_number: the value of every way a report writes a number (Arabic with or without thousands
  commas, decimals, Chinese numerals, 万/亿 multipliers); never an exception, whatever the input.
- offsets: for any report-like text, every extracted item's offsets lie inside the document's text,
  its evidence is a stretch of that text, and the evidence contains ``text[start:end]``.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from govkg.extractors.normalise import _CONTROL, halfwidth, normalise, to_simplified
from govkg.extractors.numbers import parse_number

# Bounded and derandomised for CI; GOVKG_PROPERTY_EXAMPLES=5000 hunts with that many fresh random examples.
DEEP = int(os.environ.get("GOVKG_PROPERTY_EXAMPLES", "0"))


def bounded(n: int) -> settings:
    return settings(max_examples=DEEP or n, deadline=None, derandomize=not DEEP, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip


SETTINGS = bounded(300)

# Characters reports are made of, and the ones scraping adds: hanzi (simplified and traditional),
# full-width forms, CJK punctuation, ASCII, blanks of every kind, control and zero-width characters.
REPORT_CHARS = st.one_of(
    st.sampled_from(
        list(
            "安吉县湖州市法治政府建设年度报告行政复议条例國務院關於加強實施办法一二三四五六七八九十百千万亿两〇零"
        )
    ),
    st.sampled_from(list("，。；：、（）《》“”！？【】…—·％０１２３４５６７８９ＡＢａｂ")),
    st.sampled_from(list(" \t\n\r\u3000\u00a0\u2002\u200b\u200d\u2028\ufeff\u00ad\x00\x07\x0b\x0c\x1b\x7f")),
    st.characters(codec="utf-8"),
)
REPORTISH = st.text(REPORT_CHARS, max_size=400)


# --- the normaliser -------------------------------------------------------------------------


@SETTINGS
@given(REPORTISH)
@example("國務院關於加強法治政府建設的意見\r\n\r\n　　一、主要舉措")
@example("\x00\x01安吉县\u200b\ufeff２０２３年")
def test_text_and_original_have_the_same_length(raw):
    n = normalise(raw)
    assert len(n.text) == len(n.original)


@SETTINGS
@given(REPORTISH)
def test_normalised_text_is_clean(raw):
    n = normalise(raw)
    for s in (n.text, n.original):
        assert not _CONTROL.search(s)
        assert "\r" not in s
        for line in s.split("\n") if s else []:
            assert line.strip(" "), repr(line)  # no blank lines
            assert line == line.strip(" \t\u00a0\u3000"), repr(line)  # no blanks at either end
            assert not re.search(r"[ \t\u00a0\u3000]{2}", line)


@SETTINGS
@given(REPORTISH)
def test_halfwidth_and_simplified_are_one_for_one_and_idempotent(raw):
    h = halfwidth(raw)
    assert len(h) == len(raw)
    assert halfwidth(h) == h
    simp, _ = to_simplified(h)
    assert len(simp) == len(h)
    assert to_simplified(simp)[0] == simp


@SETTINGS
@given(REPORTISH)
@example("首页\n新闻\n动态\n政务公开\n安吉县2023年法治政府建设年度报告。")
def test_normalising_normalised_text_changes_nothing(raw):
    once = normalise(raw)
    twice = normalise(once.original)
    assert twice.original == once.original
    assert twice.text == once.text


# --- the number parser ----------------------------------------------------------------------

CN_DIGIT = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """How a report writes a whole number in words (standard reading: 一百零五, 三万五千, 一亿二千万)."""
    if n == 0:
        return "零"
    out = ""
    for value, unit in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        part, n = divmod(n, value)
        if part:
            if out and part < 1000 and not out.endswith("零"):
                out += "零"
            out += _below_10000(part) + unit
        elif out and n:
            out += "" if out.endswith("零") else "零"
    return out.strip("零") or "零"


def _below_10000(n: int) -> str:
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero and out:
                out += "零"
            out += CN_DIGIT[d] + unit
            zero = False
        else:
            zero = True
    return out


@pytest.mark.parametrize(("n", "words"), [(105, "一百零五"), (35000, "三万五千"), (120_000_000, "一亿二千万"),
                                          (12, "一十二"), (100_020, "十万零二十"), (1_000_001, "一百万零一")])  # fmt: skip
def test_the_numeral_writer_writes_as_reports_do(n, words):
    assert parse_number(words) == n
    assert parse_number(chinese_numeral(n)) == n


@SETTINGS
@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_integers_with_and_without_commas(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert isinstance(parse_number(str(n)), int)


@SETTINGS
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_are_exact(d):
    written = f"{d:f}"
    value = parse_number(written)
    assert value == (int(d) if d == d.to_integral_value() else float(d))


@SETTINGS
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("万", 10_000), ("亿", 100_000_000), ("千", 1000)]))  # fmt: skip
def test_arabic_with_a_chinese_multiplier_is_exact(d, unit):
    word, factor = unit
    assume(d > 0)
    expected = d * factor
    value = parse_number(f"{d:f}{word}")
    assert value == (int(expected) if expected == expected.to_integral_value() else float(expected))
    assert Decimal(str(value)) == expected  # exact: 3.1万 is 31000, not 31000.000000000004


@SETTINGS
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals(n):
    assert parse_number(chinese_numeral(n)) == n


@SETTINGS
@given(st.integers(min_value=1900, max_value=2100))
def test_years_digit_by_digit(year):
    assert parse_number("".join("〇一二三四五六七八九"[int(c)] for c in str(year))) == year


@SETTINGS
@given(st.text(st.one_of(st.sampled_from(list("0123456789.,万亿千百十零〇一二两三四五六七八九 ")),
                         st.characters(codec="utf-8")), max_size=30))  # fmt: skip
@example("٣")  # an Arabic-Indic digit
@example("²")
@example("1.2.3")
@example("万万")
@example(",")
def test_any_text_is_a_number_or_none_never_an_exception(s):
    value = parse_number(s)
    assert value is None or isinstance(value, int | float)


# --- offsets --------------------------------------------------------------------------------

# Pieces of report text of our own, with every kind of fact the extractors look for.
HEADINGS = ["一、主要举措和成效", "（二）加强行政执法监督", "二、存在的不足和原因", "三、2024年工作计划",
            "四、下一步工作安排", "1.强化法治学习", "第二部分 党政主要负责人履行职责情况"]  # fmt: skip
SENTENCES = [
    "安吉县深入贯彻《中华人民共和国行政复议法》和民法典，全年办理行政复议案件56件。",
    "湖州市人民政府制定《湖州市重大行政决策程序规定》，修订《湖州市物业管理条例》。",
    "县长王某某带头学法，行政机关负责人出庭应诉率达100%，法律援助3.1万人次。",
    "深化“放管服”改革和“最多跑一次”改革，网上可办率达99.1%。",
    "一是完善决策制度；二是严格执法程序；三是加强队伍建设。",
    "力争2024年行政复议纠错率达到15%以上，推进“大综合一体化”行政执法改革。",
    "天荒坪镇、递铺街道开展普法宣传二百余场，受理群众诉求16.4万件。",
    "國務院關於加強法治政府建設的意見得到貫徹，審查規範性文件１４件。",
    "市委书记沈某强调，要落实安全生产法，查处违法行为356起。",
    "下一步，我们将全面推进严格规范公正文明执法，年内培训执法人员1300余人次。",
]
NOISE = st.text(REPORT_CHARS, max_size=20)
PIECE = st.one_of(st.sampled_from(HEADINGS), st.sampled_from(SENTENCES), NOISE)
SEPARATOR = st.sampled_from(["", "\n", "\r\n", "\n\n", "　", " ", "\x0c", "。"])


@st.composite
def report_text(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(["安吉县2023年法治政府建设年度报告", "湖州市法治政府建设情况报告", ""]))
    pieces = draw(st.lists(st.tuples(PIECE, SEPARATOR), min_size=1, max_size=25))
    return title + "\n" + "".join(p + s for p, s in pieces)


def items(record):  # type: ignore[no-untyped-def]
    from govkg.extractors.records import LISTS

    for name in LISTS:
        for item in getattr(record, name):
            yield name, item


@bounded(150)
@given(raw=report_text())
@example(raw="安吉县2023年法治政府建设年度报告\n" + "".join(SENTENCES))
@example(raw="\n" + "\n".join(HEADINGS + SENTENCES))
def test_every_item_points_at_its_evidence(resources, raw):
    from govkg.extractors.document import build_document
    from govkg.extractors.pipeline import extract_document

    doc = build_document(raw, "r.txt")
    rec = extract_document(doc, resources)
    text = doc.text
    for name, item in items(rec):
        p = item.prov
        assert 0 <= p.start <= p.end <= len(text), (name, item)
        assert p.evidence in text, (name, item)
        assert text[p.start : p.end] in p.evidence, (name, p, text[p.start : p.end])
    for passage in rec.passages:
        assert passage.text == text[passage.start : passage.end]
    for section in rec.sections:
        assert 0 <= section.start <= section.end <= len(text)
