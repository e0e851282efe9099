"""Numbers as Chinese reports write them: Arabic, Chinese numerals, 万/亿 multipliers.

``parse_number`` turns one written number into its value:
    "56" -> 56, "1,234" -> 1234, "62.17" -> 62.17, "两" -> 2, "十二" -> 12,
    "一百零五" -> 105, "三千五百" -> 3500, "3.1万" -> 31000, "4.46万" -> 44600,
    "80万" -> 800000, "两千万" -> 20000000, "1.2亿" -> 120000000, "2千" -> 2000,
    "二〇二一" -> 2021, "九十五点五" -> 95.5, "百" -> 100 (百余场), "千" -> 1000.
Values are exact (decimal arithmetic, so 3.1万 is 31000, not 31000.000000000004)
and integral values come back as ``int``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
MULTIPLIERS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(MULTIPLIERS)
# Chinese words that scale Arabic digits: 3.1万, 1.2亿, 2千.
ARABIC_MULTIPLIERS: dict[str, int] = {"千": 1000, **MULTIPLIERS}


def parse_number(written: str) -> int | float | None:
    """The value of one written number, or None when it is not one."""
    s = written.strip().replace(",", "")
    if not s:
        return None
    mult = 1
    if s[-1] in ARABIC_MULTIPLIERS and len(s) > 1 and not _is_chinese(s):
        mult, s = ARABIC_MULTIPLIERS[s[-1]], s[:-1]  # 3.1万: Arabic digits with a Chinese multiplier
    if s[0].isdigit():
        value = _parse_arabic(s)
    elif "点" in s:
        value = _parse_chinese_decimal(s)
    else:
        value = _parse_chinese(s)
    if value is None:
        return None
    return _tidy(value * mult)


def _is_chinese(s: str) -> bool:
    return all(c in CN_NUMERAL_CHARS for c in s)


def _parse_arabic(s: str) -> Decimal | None:
    if not all(c.isdigit() or c == "." for c in s) or s.count(".") > 1 or s.endswith("."):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _parse_chinese(s: str) -> Decimal | None:
    """十二 -> 12, 一百零五 -> 105, 三万五千 -> 35000, 一亿二千万 -> 120000000.

    A run of bare digits with no 十/百/千 (二〇二一) is read digit by digit, the
    way years and codes are written.
    """
    if not _is_chinese(s):
        return None
    if not any(c in CN_SMALL_UNITS or c in MULTIPLIERS for c in s):
        return Decimal("".join(str(CN_DIGITS[c]) for c in s))
    total, section, digit = 0, 0, None
    for c in s:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[c]  # 十二: a bare 十 is 10
            digit = None
        elif c == "万":
            total += (section + (digit or 0) or 1) * MULTIPLIERS[c]
            section, digit = 0, None
        else:  # 亿 scales everything read so far
            total = (total + section + (digit or 0) or 1) * MULTIPLIERS[c]
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))


def _parse_chinese_decimal(s: str) -> Decimal | None:
    """九十五点五 -> 95.5: a Chinese whole part, 点, then digits read one by one."""
    whole, _, frac = s.partition("点")
    head = _parse_chinese(whole) if whole else None
    if head is None or not frac or not all(c in CN_DIGITS and c != "两" for c in frac):
        return None
    return head + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))


def _tidy(value: Decimal) -> int | float:
    """An int when the value is whole (56, 31000), else a float (62.17)."""
    return int(value) if value == value.to_integral_value() else float(value)
