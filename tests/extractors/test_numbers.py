"""Numbers: Arabic, Chinese numerals, 万/亿 multipliers (extractors/numbers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govkg.extractors.numbers import parse_number

DIGITS = "零一二三四五六七八九"


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("56", 56),
        ("1,234", 1234),
        ("62.17", 62.17),
        ("0.5", 0.5),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百", 100),
        ("一百零五", 105),
        ("三千五百", 3500),
        ("三万五千", 35000),
        ("十万", 100000),
        ("两千万", 20000000),
        ("一亿二千万", 120000000),
        ("3.1万", 31000),
        ("4.46万", 44600),
        ("27.8万", 278000),
        ("80万", 800000),
        ("6835万", 68350000),
        ("1.2亿", 120000000),
        ("二〇二一", 2021),  # bare digits, the way years are written
        ("九十五点五", 95.5),  # Chinese decimals (百分之九十五点五)
        ("十二点零五", 12.05),
        ("百", 100),  # a bare round number (百余场, 千余人, 万余件)
        ("千", 1000),
        ("万", 10000),
    ],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize(
    "written", ["", "abc", "1.2.3", "3.", "百姓", "二十人", "九十五点", "点五", "三点两"]
)
def test_not_numbers(written: str) -> None:
    assert parse_number(written) is None


def _section(n: int) -> str:
    """0 < n < 10000 in Chinese numerals, with 零 for skipped places: 1005 -> 一千零五."""
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if zero else "") + DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    return out


def to_chinese(n: int) -> str:
    """An int in Chinese numerals as reports write them (一亿零五十万零三, 十二)."""
    if n == 0:
        return "零"
    groups = [(n // 100_000_000, "亿"), (n // 10_000 % 10_000, "万"), (n % 10_000, "")]
    out = ""
    for value, name in groups:
        if value:
            if out and value < 1000:
                out += "零"
            out += _section(value) + name
        elif out and not out.endswith("零"):
            out += "零"
    out = out.rstrip("零")
    return out[1:] if out.startswith("一十") else out  # 十二, not 一十二


@pytest.mark.parametrize(
    ("n", "written"), [(12, "十二"), (105, "一百零五"), (1050, "一千零五十"), (100500003, "一亿零五十万零三")]
)
def test_formatter(n: int, written: str) -> None:
    assert to_chinese(n) == written


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False))
def test_wan_and_yi_expand_exactly(d: Decimal) -> None:
    written = format(d, "f")
    assert parse_number(written + "万") == pytest.approx(float(d * 10_000), abs=1e-6)
    assert parse_number(written + "亿") == pytest.approx(float(d * 100_000_000), abs=1e-4)
    # whole results come back as int (31000, not 31000.000000000004)
    whole = d * 10_000
    if whole == whole.to_integral_value():
        assert isinstance(parse_number(written + "万"), int)


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿"]))
def test_chinese_with_multiplier(n: int, mult: str) -> None:
    scale = 10_000 if mult == "万" else 100_000_000
    assert parse_number(to_chinese(n) + mult) == n * scale


def test_arabic_thousands_word() -> None:
    assert parse_number("2千") == 2000
