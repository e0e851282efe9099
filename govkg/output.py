"""Plain-text tables for the terminal, aligned for wide (CJK) characters."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

MAX_CELL = 40


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    out, w = "", 0
    for c in text:
        w += width(c)
        if w > MAX_CELL:
            return out + "…"
        out += c
    return out


def table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(no results)"
    cols = list(rows[0])
    cells = [[cell(r.get(c)) for c in cols] for r in rows]
    widths = [max(width(c), *(width(row[i]) for row in cells)) for i, c in enumerate(cols)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(values)).rstrip()

    return "\n".join([line(cols), line(["-" * w for w in widths]), *map(line, cells)])
