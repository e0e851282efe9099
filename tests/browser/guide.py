"""Reading the Browser guide back: its slides, each with its title and runnable blocks' text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

BROWSER_DIR = Path(str(files("govkg.cypher").joinpath("browser")))
GUIDE = BROWSER_DIR / "guide.html"
GRASS = BROWSER_DIR / "govkg.grass"
PARAM = re.compile(r"^:param (\w+) => (.+);$")


@dataclass
class Slide:
    title: str = ""
    blocks: list[str] = field(default_factory=list)

    def params(self) -> dict[str, str]:
        """``name -> Cypher expression`` of the slide's ``:param`` block (empty if it has none)."""
        for block in self.blocks:
            if block.startswith(":param "):
                return dict(PARAM.match(line).groups() for line in block.splitlines())
        return {}

    def queries(self) -> list[str]:
        return [b for b in self.blocks if not b.startswith(":")]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.slides: list[Slide] = []
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "slide":
            self.slides.append(Slide())
        elif tag == "h3" and self.slides and not self.slides[-1].title:
            self._in, self._text = "title", []
        elif tag == "pre" and "runnable" in classes:
            self._in, self._text = "block", []

    def handle_endtag(self, tag: str) -> None:
        if self._in == "title" and tag == "h3":
            self.slides[-1].title = "".join(self._text).strip()
            self._in = None
        elif self._in == "block" and tag == "pre":
            self.slides[-1].blocks.append("".join(self._text).strip())  # as Browser: textContent.trim()
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def slides(text: str | None = None) -> list[Slide]:
    parser = _Parser()
    parser.feed(GUIDE.read_text(encoding="utf-8") if text is None else text)
    return parser.slides


def grass_colours(text: str | None = None) -> dict[str, str]:
    """``label -> fill colour`` of the ``node.<Label>`` rules of govkg.grass."""
    text = GRASS.read_text(encoding="utf-8") if text is None else text
    return {label: colour.upper() for label, colour in
            re.findall(r"node\.(\w+)\s*\{[^}]*?(?<![\w-])color:\s*(#[0-9A-Fa-f]{6})", text)}  # fmt: skip
