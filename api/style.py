"""The project's colour for each node label: the explorer, the report view and Neo4j Browser
(``cypher/browser/govkg.grass``) draw a label the same way, so a Law is red wherever it is seen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelStyle:
    colour: str  # fill
    border: str
    text: str  # text on the fill


STYLES: dict[str, LabelStyle] = {
    "Report": LabelStyle("#4C8EDA", "#2870C2", "#FFFFFF"),
    "Jurisdiction": LabelStyle("#3BA55C", "#2B8A47", "#FFFFFF"),
    "Law": LabelStyle("#E0474C", "#C5282E", "#FFFFFF"),
    "Programme": LabelStyle("#9B6FD1", "#7E4FBF", "#FFFFFF"),
    "Indicator": LabelStyle("#F5C33B", "#D9A514", "#2A2C34"),
    "Role": LabelStyle("#8C7B6B", "#6E5F51", "#FFFFFF"),
    "Person": LabelStyle("#4EC1D6", "#2AA3B8", "#2A2C34"),
    "Metric": LabelStyle("#F08A4B", "#D46A26", "#FFFFFF"),
    "Commitment": LabelStyle("#DA70A8", "#C24E8C", "#FFFFFF"),
}
DEFAULT = LabelStyle("#A5ABB6", "#9AA1AC", "#FFFFFF")


def style(label: str) -> LabelStyle:
    return STYLES.get(label, DEFAULT)


def tint(colour: str, alpha: float) -> str:
    """``#RRGGBB`` as ``rgba(...)`` with ``alpha``: a highlight that leaves the text readable."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha:g})"
