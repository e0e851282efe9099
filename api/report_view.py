"""The report view: a report's text with every extracted span highlighted by kind, and its facts.

One self-contained HTML page (inline style and script, nothing fetched), written by
``govkg show FILE --html OUT.html`` for a file and served at ``/reports/{id}`` for a stored report.
Spans are coloured with the project's label colours (:mod:`govkg.api.style`).

Facts overlap (a plan item holds the laws and programmes it names; a role holds its
organisation's place), which spaCy's displacy cannot draw, so the text is cut at every span
boundary and each piece is one ``<mark>`` naming every fact that covers it (``data-f``): the
innermost fact gives its colour, a covering commitment underlines it. The pieces of fact *n*
joined are exactly ``text[start:end]``.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any
from urllib.parse import quote

from govkg.api.style import STYLES, style, tint
from govkg.graph.explore import PageFact, ReportPage

# Facts drawn as an underline around the others, not as a background (they span whole plan items).
UNDERLINED = ("Commitment",)
SECTION_NAMES = {"measures": "measures", "shortcomings": "shortcomings", "leadership": "leadership",
                 "plans": "plans", "other": "other"}  # fmt: skip


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def detail(f: PageFact) -> str:
    """What the fact says beyond its name: the law's action, the metric's value, the item's year ..."""
    n, p = f.node, f.props
    if f.label == "Law":
        return " · ".join(x for x in (p.get("action"), n.get("category")) if x)
    if f.label == "Jurisdiction":
        return " · ".join(x for x in ("about" if f.type == "ABOUT" else p.get("relation"), n.get("level")) if x)
    if f.label == "Metric":
        value = n.get("value")
        amount = f"{n.get('approx') or ''}{value:g}{n.get('unit') or ''}" if isinstance(value, int | float) else ""
        return " · ".join(x for x in (amount, n.get("indicator"), n.get("scope")) if x)
    if f.label == "Commitment":
        year = f"for {n['year']}" if n.get("year") is not None else ""
        return " · ".join(x for x in (year, n.get("trace_status")) if x)
    if f.label == "Role":
        return n.get("organisation") or ""
    if f.label == "Programme":
        return n.get("kind") or ""
    return ""


def render(page: ReportPage, *, served: bool = False, selected: tuple[int, int] | None = None) -> str:
    """The whole page. ``served``: links into the explorer (the app); ``selected``: the (start, end)
    of a fact to mark and scroll to (the explorer's link to a fact)."""
    p = page.props
    title = p.get("title") or page.id
    chosen = _selected(page.facts, selected)
    parts = [_HEAD.format(title=esc(title), css=_CSS), _header(page, served)]
    if page.text is None:
        parts.append('<p class="note">The store holds no sentences of this report (it was ingested before govkg '
                     "kept them): ingest the report again to see its text with the facts marked.</p>")  # fmt: skip
    else:
        if not page.exact:
            parts.append('<p class="note">Text rebuilt from the sentences in the store: the characters of every '
                         "sentence are where the extractors read them; line breaks between sentences are "
                         "approximate.</p>")  # fmt: skip
        parts.append(f'<div class="doc" lang="zh">{highlight(page.text, page.facts, chosen)}</div>')
    parts.append(_table(page, served))
    parts.append(_SCRIPT)
    parts.append("</body></html>\n")
    return "".join(parts)


def _selected(facts: tuple[PageFact, ...], selected: tuple[int, int] | None) -> set[int]:
    if selected is None:
        return set()
    return {i for i, f in enumerate(facts, 1) if (f.start, f.end) == selected}


def _header(page: ReportPage, served: bool) -> str:
    p = page.props
    meta = [("id", page.id), ("jurisdiction", page.jurisdiction), ("year", p.get("year")),
            ("published", p.get("published")), ("kind", p.get("kind")), ("issuer", p.get("issuer")),
            ("source", p.get("source")), ("characters", p.get("chars"))]  # fmt: skip
    items = "".join(f"<span><b>{esc(k)}</b> {esc(v)}</span>" for k, v in meta if v not in (None, ""))
    counts = Counter(f.label for f in page.facts)
    legend = "".join(
        f'<span class="chip" style="background:{s.colour};color:{s.text}">{esc(label)} {counts[label]}</span>'
        for label, s in STYLES.items() if counts[label])  # fmt: skip
    back = (f'<a class="back" href="../explore?label=Report&amp;key={esc(quote(page.id))}">open in the explorer</a>'
            if served else "")  # fmt: skip
    return (f'<header><h1>{esc(p.get("title") or page.id)}</h1><p class="meta">{items}{back}</p>'
            f'<p class="legend">{legend or "no facts extracted"}</p></header>')  # fmt: skip


def highlight(text: str, facts: tuple[PageFact, ...], selected: set[int] | None = None) -> str:
    """The text as HTML: every stretch covered by facts is a ``<mark data-f="n ...">``."""
    selected = selected or set()
    spans = [(i, f) for i, f in enumerate(facts, 1) if 0 <= f.start < f.end <= len(text)]
    cuts = sorted({0, len(text), *(f.start for _, f in spans), *(f.end for _, f in spans)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[tuple[int, PageFact]]] = {}
    for i, f in spans:
        starts.setdefault(f.start, []).append(i)
        ends.setdefault(f.end, []).append((i, f))
    out: list[str] = []
    open_: dict[int, PageFact] = {}
    for a, b in zip(cuts, cuts[1:], strict=False):
        for i in starts.get(a, []):
            open_[i] = facts[i - 1]
            out.append(f'<a id="f{i}" class="anchor"></a>')
        piece = esc(text[a:b])
        if open_:
            out.append(_mark(piece, open_, selected))
        else:
            out.append(piece)
        for i, f in ends.get(b, []):
            open_.pop(i, None)
            s = style(f.label)
            out.append(f'<a class="tag" href="#row{i}" style="background:{s.colour};color:{s.text}" '
                       f'title="{esc(f.label)}: {esc(f.name)}">{esc(f.label)}</a>')  # fmt: skip
    return "".join(out)


def _mark(piece: str, covering: dict[int, PageFact], selected: set[int]) -> str:
    def size(item: tuple[int, PageFact]) -> tuple[bool, int]:
        return (item[1].label in UNDERLINED, item[1].end - item[1].start)

    inner = min(covering.items(), key=size)[1]
    css = [f"background:{tint(style(inner.label).colour, 0.12 if inner.label in UNDERLINED else 0.3)}"]
    under = [f for f in covering.values() if f.label in UNDERLINED]
    if under:
        css.append(f"box-shadow:inset 0 -2px 0 {style(under[0].label).colour}")
    ids = " ".join(str(i) for i in sorted(covering))
    cls = "f sel" if selected & covering.keys() else "f"
    tip = "; ".join(f"{f.label}: {f.name}" for f in covering.values())
    return f'<mark class="{cls}" data-f="{ids}" style="{";".join(css)}" title="{esc(tip)}">{piece}</mark>'


def _table(page: ReportPage, served: bool) -> str:
    rows = []
    for i, f in enumerate(page.facts, 1):
        s = style(f.label)
        name = esc(f.name or f.key)
        if served:
            name = f'<a href="../explore?label={esc(quote(f.label))}&amp;key={esc(quote(f.key))}">{name}</a>'
        said = page.text[f.start : f.end] if page.text is not None and f.end > f.start else ""
        rows.append(
            f'<tr id="row{i}"><td><a href="#f{i}">{i}</a></td>'
            f'<td><span class="chip" style="background:{s.colour};color:{s.text}">{esc(f.label)}</span></td>'
            f"<td>{name}</td><td>{esc(detail(f))}</td><td>{esc(SECTION_NAMES.get(f.section, f.section))}</td>"
            f'<td class="num">{f.start}–{f.end}</td><td class="said">{esc(said[:80])}</td>'
            f'<td class="sentence">{esc(f.evidence)}</td></tr>'
        )
    head = "<tr><th>#</th><th>kind</th><th>name</th><th>detail</th><th>section</th><th>offsets</th>" \
           "<th>text</th><th>sentence</th></tr>"  # fmt: skip
    return (f'<h2>Facts ({len(page.facts)})</h2><table class="facts"><thead>{head}</thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')  # fmt: skip


_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="govkg"><link rel="icon" href="data:,"><title>{title} · govkg</title><style>{css}</style></head><body>
"""

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;margin:0 auto;
max-width:1200px;padding:1rem 1.5rem;color:#222;background:#fafafa}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin-top:2rem}
.meta span{margin-right:1.2rem;font-size:.85rem;color:#555}.meta b{color:#333;font-weight:600}
.back{font-size:.85rem}
.chip{display:inline-block;border-radius:3px;padding:0 .4rem;margin:0 .3rem .2rem 0;font-size:.8rem;white-space:nowrap}
.note{background:#fff7d6;border:1px solid #eedc9a;padding:.4rem .7rem;font-size:.85rem}
.doc{white-space:pre-wrap;line-height:2.1;font-size:1rem;background:#fff;border:1px solid #ddd;padding:1rem 1.2rem}
mark.f{color:inherit;border-radius:2px;padding:.15em 0;cursor:pointer}
mark.sel{outline:2px solid #222}
.tag{font-size:.6rem;vertical-align:super;border-radius:2px;padding:0 2px;margin:0 1px;text-decoration:none;
line-height:1;font-family:system-ui,sans-serif}
.anchor{scroll-margin-top:40vh}
table.facts{border-collapse:collapse;width:100%;font-size:.82rem;background:#fff}
.facts th,.facts td{border:1px solid #ddd;padding:.25rem .4rem;vertical-align:top;text-align:left}
.facts th{background:#f0f0f0;position:sticky;top:0}
.facts td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.facts td.sentence{color:#555;min-width:20rem}
.facts tr.sel td{background:#fff3b0}
"""

# Clicking a marked stretch (or following #fN) outlines every piece of those facts and their rows.
_SCRIPT = """<script>
(function(){
function show(ids){
  document.querySelectorAll('.sel').forEach(function(e){e.classList.remove('sel')});
  document.querySelectorAll('mark.f').forEach(function(m){
    if(m.dataset.f.split(' ').some(function(x){return ids.indexOf(x)>=0})) m.classList.add('sel');});
  ids.forEach(function(i){var r=document.getElementById('row'+i); if(r) r.classList.add('sel');});
}
document.addEventListener('click',function(e){
  var m=e.target.closest&&e.target.closest('mark.f'); if(m) show(m.dataset.f.split(' '));});
function fromHash(){var m=/^#f(\\d+)$/.exec(location.hash); if(m) show([m[1]]);}
window.addEventListener('hashchange',fromHash); fromHash();
var s=document.querySelector('mark.sel'); if(s&&!location.hash) s.scrollIntoView({block:'center'});
})();
</script>
"""
