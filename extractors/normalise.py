"""Normalise a report's text: one clean line per paragraph, site furniture gone.

The output is two strings of the same length: ``original`` (the cleaned text
in its own script) and ``text`` (half-width ASCII, simplified script), so
every offset into ``text`` also points at the same characters of
``original``: extraction reads ``text``, evidence can quote ``original``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a]+")
_NAV_MAX = 10  # navigation menu items are short: 首页, 新闻动态, 政务公开


@dataclass(frozen=True, slots=True)
class Normalised:
    text: str
    original: str
    converted: bool  # traditional script was converted to simplified


@cache
def _furniture() -> dict[str, list[re.Pattern[str]]]:
    rules: dict[str, list[re.Pattern[str]]] = {"line": [], "end": [], "inline": []}
    for row in files("govkg.extractors").joinpath("data/furniture.tsv").read_text("utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        kind, pattern, _why = row.split("\t")
        rules[kind].append(re.compile(pattern))
    return rules


def halfwidth(s: str) -> str:
    """Full-width ASCII (，（２０２１）) to half-width; one character for one, so offsets hold."""
    return s.translate(_HALFWIDTH)


_HALFWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def clean_lines(raw: str) -> list[str]:
    """Lines without control characters, runs of spaces, empty lines or furniture."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _CONTROL.sub("", raw)
    raw = drop_domain_banners(raw)
    rules = _furniture()
    lines = []
    for line in raw.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        for pat in rules["inline"]:
            line = pat.sub("", line).strip()
        if line:
            lines.append(line)
    lines = _cut_trailer(lines, rules["end"])
    lines = [ln for ln in lines if not any(p.search(halfwidth(ln)) for p in rules["line"])]
    lines = _drop_banners(lines)
    return _drop_navigation(lines)


_DOMAIN = re.compile(r"(?:https?://)?www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/\S*)?")


def drop_domain_banners(raw: str) -> str:
    """Remove reposting sites' banners: a domain and the site's slogan glued before it.

    The slogan is the text that every occurrence of the domain shares on its
    left (秘书之家—全网资源每日更新www.example.com, twice, gives the slogan
    秘书之家—全网资源每日更新); a lone occurrence takes its line's start if short.
    """
    hits = list(_DOMAIN.finditer(raw))
    if not hits:
        return raw
    lefts = [raw[max(0, m.start() - 24) : m.start()] for m in hits]
    if len(hits) > 1:
        common = lefts[0]
        for left in lefts[1:]:
            n = 0
            while n < min(len(common), len(left)) and common[-1 - n] == left[-1 - n]:
                n += 1
            common = common[len(common) - n :]
        slogan_len = [len(common)] * len(hits)
    else:
        line_start = lefts[0].rfind("\n") + 1
        slogan_len = [len(lefts[0]) - line_start if len(lefts[0]) - line_start <= 20 else 0]
    out, pos = [], 0
    for m, n in zip(hits, slogan_len, strict=True):
        out.append(raw[pos : m.start() - n])
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out)


def _cut_trailer(lines: list[str], ends: list[re.Pattern[str]]) -> list[str]:
    """Drop what follows an end-of-page marker in the last third of the page."""
    total = sum(len(ln) for ln in lines)
    seen = 0
    for i, ln in enumerate(lines):
        if seen > total * 0.66 and any(p.search(ln) for p in ends):
            return lines[:i]
        seen += len(ln)
    return lines


def _drop_banners(lines: list[str]) -> list[str]:
    """A short line repeated three times or more is a site banner, not report text."""
    counts = Counter(ln for ln in lines if len(ln) < 40)
    return [ln for ln in lines if counts.get(ln, 0) < 3]


def _is_nav(line: str) -> bool:
    """Menu items: short, no sentence punctuation, no heading numbers (智能问答 新媒体矩阵 官方微博)."""
    if re.search(r"[。,，;；:：、]|^\(?[一二三四五六七八九十\d]+[、.)）]", line):
        return False
    return len(line) <= _NAV_MAX or (len(line) <= 30 and all(len(w) <= 6 for w in line.split(" ")))


def _drop_navigation(lines: list[str]) -> list[str]:
    """Menus at the top of a page: a run of three or more short lines with no punctuation."""
    i = 0
    while i < len(lines) and i < 60:
        j = i
        while j < len(lines) and (_is_nav(lines[j]) or "|" in lines[j] and len(lines[j]) < 40):
            j += 1
        if j - i >= 3:
            return lines[:i] + lines[j:] if i else _drop_navigation(lines[j:])
        i = j + 1
    return lines


def to_simplified(text: str) -> tuple[str, bool]:
    """Simplified script, one character for one; (text, whether anything was traditional)."""
    conv = _t2s()
    out = conv.convert(text)
    if len(out) != len(text):  # a phrase mapping changed the length: fall back to characters
        out = "".join(conv.convert(c) if len(conv.convert(c)) == 1 else c for c in text)
    changed = sum(1 for a, b in zip(text, out, strict=True) if a != b)
    return out, changed > 0


@cache
def _t2s():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s")


def looks_traditional(text: str) -> bool:
    """More than 2% of the hanzi differ in simplified script."""
    sample = text[:4000]
    simp, _ = to_simplified(sample)
    diff = sum(1 for a, b in zip(sample, simp, strict=True) if a != b)
    hanzi = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff") or 1
    return diff / hanzi > 0.02


def normalise(raw: str) -> Normalised:
    original = "\n".join(clean_lines(raw))
    text = halfwidth(original)
    converted = False
    if looks_traditional(text):
        text, converted = to_simplified(text)
    return Normalised(text=text, original=original, converted=converted)
