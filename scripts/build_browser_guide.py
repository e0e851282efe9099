#!/usr/bin/env python3
"""Build ``cypher/browser/guide.html``, govkg's Neo4j Browser guide, from the named queries.

    python scripts/build_browser_guide.py           # (re)write the guide
    python scripts/build_browser_guide.py --check   # exit 1 if the guide on disk is out of date

The guide is Browser's HTML slide format (``<article class="guide"><carousel ...><slide ...>``),
played with ``:play <url>`` (the local Neo4j plays it on connect). One page per named query
(``govkg.graph.queries.QUERIES``): a runnable ``:params`` block with example values from
``examples/reports``, the query itself — the exact text of ``cypher/<name>.cypher`` — and, where
``cypher/browser/<name>.cypher`` exists, the same question drawn as a graph (the named queries return
rows, which Browser shows as a table). Colours in the legend are read from ``govkg.grass``.
tests/browser/test_guide.py fails when the committed guide differs from what this script builds.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CYPHER = REPO / "cypher"
BROWSER = CYPHER / "browser"
GUIDE = BROWSER / "guide.html"
GRASS = BROWSER / "govkg.grass"

# Example arguments (as for `govkg query NAME ...`), all about examples/reports, and the question
# each query answers. Every named query needs an entry: a new query fails the build until it has one.
EXAMPLES: dict[str, tuple[str, dict[str, Any]]] = {
    "regions-citing": ("Which regions cite this regulation?", {"law": "安全生产法"}),
    "laws-cited-by": ("Which laws does this region's government cite?", {"jurisdiction": "安吉县", "year_from": 2022}),
    "programme-regions": ("Who carries out this programme?", {"programme": "最多跑一次"}),
    "jurisdiction-profile": ("What do we know about this region?", {"jurisdiction": "湖州市"}),
    "metric-comparison": ("How do regions compare on this indicator?", {"indicator": "行政机关负责人出庭应诉率"}),
    "commitments": ("What did this region promise for a year?", {"jurisdiction": "安吉县", "year": 2023}),
    "trace": ("Did the region deliver what it promised?", {"jurisdiction": "安吉县", "year": 2023}),
    "trace-unpromised": ("What did the region achieve that it never promised?", {"jurisdiction": "安吉县", "year": 2023}),
    "search": ("Where do these words occur?", {"q": "证照分离"}),
    "neighbourhood": ("What is this node connected to?", {"label": "Law", "key": "中华人民共和国安全生产法"}),
    "stats": ("How big is the graph?", {}),
    "resolve": ("Which nodes does this name denote?", {"label": "Law", "ref": "安全生产法"}),
}  # fmt: skip

# The legend: what each label is, and the property its caption shows (as in govkg.grass).
LABELS: dict[str, str] = {
    "Report": "one 法治政府建设年度报告 (key: id, the file name)",
    "Jurisdiction": "a province, city, county, township or zone (key: adcode, else qualified name)",
    "Law": "a law, regulation, rule or normative document (key: canonical title)",
    "Programme": "a named initiative: “证照分离”改革, 12345热线, 枫桥经验 …",
    "Indicator": "what a metric measures: 行政复议案件数, 出庭应诉率 …",
    "Metric": "one number a report states, with unit, scope and year",
    "Commitment": "one plan item of a report (下一年度工作安排)",
    "Role": "a position: 县长, 党委书记 … in an organisation",
    "Person": "a named holder of a role",
}
RELATIONSHIPS = [
    ("(:Report)-[:ABOUT]->(:Jurisdiction)", "the region the report is about"),
    ("(:Report)-[:MENTIONS]->(:Jurisdiction)", "other regions it names"),
    ("(:Jurisdiction)-[:PART_OF]->(:Jurisdiction)", "the administrative hierarchy"),
    ("(:Report)-[:CITES {action}]->(:Law)", "cite, enact, draft, revise, repeal"),
    ("(:Report)-[:IMPLEMENTS]->(:Programme)", "programmes carried out"),
    ("(:Report)-[:ACHIEVED]->(:Metric)-[:OF]->(:Indicator)", "quantitative outcomes"),
    ("(:Report)-[:COMMITS_TO]->(:Commitment)-[:CONCERNS]->()", "plan items and what they are about"),
    ("(:Commitment)-[:FOLLOWED_BY]->(:Metric|:Programme|:Law)", "tracing: the outcome in a later report"),
    ("(:Report)-[:REPORTS_ROLE]->(:Role)<-[:HOLDS]-(:Person)", "officials; (:Role)-[:IN]->(:Jurisdiction)"),
]


def grass_styles(text: str) -> dict[str, dict[str, str]]:
    """``node.Label { key: value; ... }`` rules of a .grass file, by label."""
    styles: dict[str, dict[str, str]] = {}
    for label, body in re.findall(r'node\.(\w+)\s*\{((?:[^{}"]|"[^"]*")*)\}', text):
        props = dict(re.findall(r'([\w-]+)\s*:\s*("[^"]*"|[^;"]+?)\s*;', body))
        styles[label] = {k: v.strip('"') for k, v in props.items()}
    return styles


def cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


def params_command(params: dict[str, Any]) -> str:
    """One ``:param name => value;`` per line. Not ``:params {...}``: Browser turns that map's numbers
    into floats, and SKIP/LIMIT refuse 100.0; the right side of ``=>`` is evaluated as Cypher, so
    100 stays an integer. Browser runs the lines as one multi-statement block."""
    return "\n".join(f":param {k} => {cypher_literal(v)};" for k, v in params.items())


def referenced(query: str) -> list[str]:
    """The parameters a query uses, in order of first use."""
    return list(dict.fromkeys(re.findall(r"\$([A-Za-z_]\w*)", query)))


def query_text(path: Path) -> str:
    """The text a runnable block holds: the file as it is, without the final newline."""
    return path.read_text(encoding="utf-8").rstrip()


def params_for(name: str, args: dict[str, Any], uses: list[str]) -> dict[str, Any]:
    """The Cypher parameters govkg passes for these arguments (checked and normalised as the CLI does)."""
    from govkg.graph import queries

    bound = queries.bind(name, dict(args))
    if name == "search":  # as Neo4jGraph.query: the user's words, escaped for Lucene
        bound["lucene"] = queries.lucene_terms(bound["q"])
    missing = [p for p in uses if p not in bound]
    if missing:
        raise SystemExit(f"{name}: the Cypher uses ${', $'.join(missing)}, which the query's parameters do not give")
    return {p: bound[p] for p in uses}


def code(text: str) -> str:
    return f'<figure><pre class="pre-scrollable code runnable">{html.escape(text, quote=False)}</pre></figure>'


def cli_example(name: str, args: dict[str, Any]) -> str:
    from govkg.graph import queries

    spec = queries.spec(name)
    words = [str(args[p.name]) for p in spec.params if p.required and p.name in args]
    words += [f"{p.name}={args[p.name]}" for p in spec.params if not p.required and p.name in args]
    return " ".join(["govkg query --neo4j bolt://127.0.0.1:7687", name, *words])


def query_slide(name: str) -> str:
    from govkg.graph import queries

    question, args = EXAMPLES[name]
    spec = queries.spec(name)
    ask = query_text(CYPHER / f"{name}.cypher")
    draw_path = BROWSER / f"{name}.cypher"
    draw = query_text(draw_path) if draw_path.is_file() else None
    used = referenced(ask + "\n" + (draw or ""))
    declared = [p.name for p in spec.params]
    uses = [p for p in declared if p in used] + [p for p in used if p not in declared]
    params = params_for(name, args, uses)
    params_html = "".join(
        f"<li><code>{html.escape(p.name)}</code> — {html.escape(p.help)}"
        + (" (required)" if p.required else "")
        + "</li>"
        for p in spec.params
    )
    parts = [
        '<slide class="row-fluid">',
        '<div class="col-sm-3">',
        f"<h3>{html.escape(name)}</h3>",
        f'<p class="lead">{html.escape(question)}</p>',
        f"<p>{html.escape(spec.help[:1].upper() + spec.help[1:])}.</p>",
        f"<p>Parameters:</p><ul>{params_html or '<li>none</li>'}</ul>",
        f"<p>The same from the command line:<br><code>{html.escape(cli_example(name, args))}</code></p>",
        "</div>",
        '<div class="col-sm-9">',
    ]
    if params:
        command = params_command(params)
        parts += ["<p><b>1. Set the parameters</b> (example values from <code>examples/reports</code>):</p>",
                  code(command)]  # fmt: skip
    parts += [f"<p><b>{'2' if params else '1'}. Ask</b> — the rows govkg answers with, as a table "
              f"(<code>cypher/{html.escape(name)}.cypher</code>):</p>", code(ask)]  # fmt: skip
    if draw is not None:
        parts += [f"<p><b>{'3' if params else '2'}. See it</b> — the same question drawn as a graph "
                  f"(<code>cypher/browser/{html.escape(name)}.cypher</code>):</p>", code(draw)]  # fmt: skip
    parts += ["</div>", "</slide>"]
    return "\n".join(parts)


def legend_rows(styles: dict[str, dict[str, str]]) -> str:
    from govkg.graph.rows import LABELS as GRAPH_LABELS

    missing = [label for label in GRAPH_LABELS if label not in styles or label not in LABELS]
    if missing:
        raise SystemExit(f"labels without a style in govkg.grass or a line in the legend: {', '.join(missing)}")
    rows = []
    for label in GRAPH_LABELS:
        s = styles[label]
        swatch = (f'<span style="display:inline-block;width:14px;height:14px;border-radius:7px;'
                  f'background:{s["color"]};border:2px solid {s["border-color"]}"></span>')  # fmt: skip
        rows.append(f"<tr><td>{swatch}</td><td><b>{label}</b></td><td><code>{html.escape(s['caption'])}</code></td>"
                    f"<td>{html.escape(LABELS[label])}</td></tr>")  # fmt: skip
    return "\n".join(rows)


def intro_slide(styles: dict[str, dict[str, str]]) -> str:
    rels = "".join(f"<li><code>{html.escape(p)}</code> — {html.escape(m)}</li>" for p, m in RELATIONSHIPS)
    return "\n".join([
        '<slide class="row-fluid">',
        '<div class="col-sm-3">',
        "<h3>govkg</h3>",
        '<p class="lead">A knowledge graph of Chinese governance, built from local governments\' '
        "法治政府建设年度报告.</p>",
        "<p>Every fact hangs from the report that states it, with its evidence: the relationship's "
        "<code>section</code>, <code>evidence</code> sentence and character offsets.</p>",
        "<p>Click a grey block to put it in the editor, then run it (▶ or Ctrl+Enter); the ▶ in front of "
        "a block runs it at once. On each page, set the parameters first (<code>:params</code> shows them).</p>",
        "<p>Use the arrows below to go through the named queries, one per page.</p>",
        "</div>",
        '<div class="col-sm-9">',
        "<p><b>Nodes</b>, coloured as in <code>govkg.grass</code> (caption in braces):</p>",
        '<table class="table-condensed">',
        legend_rows(styles),
        "</table>",
        f"<p><b>Relationships</b>:</p><ul>{rels}</ul>",
        "<p><b>See it</b> — one report and everything it states (<code>cypher/browser/overview.cypher</code>):</p>",
        code(query_text(BROWSER / "overview.cypher")),
        "</div>",
        "</slide>",
    ])  # fmt: skip


def closing_slide() -> str:
    return "\n".join([
        '<slide class="row-fluid">',
        '<div class="col-sm-3">',
        "<h3>Style and guide</h3>",
        '<p class="lead">Where these pages and colours come from.</p>',
        "</div>",
        '<div class="col-sm-9">',
        "<p>The local server (<code>govkg neo4j start</code>) serves <code>/govkg/govkg.grass</code> and "
        "<code>/govkg/guide.html</code> and has Browser load them when it connects "
        "(<code>browser.post_connect_cmd</code>); <code>govkg serve</code> serves the same files at "
        "<code>/browser-assets/</code>.</p>",
        "<p>Show the style in use, or go back to Browser's own:</p>",
        code(":style"),
        code(":style reset"),
        "<p>The pages are built from <code>cypher/*.cypher</code> by "
        "<code>scripts/build_browser_guide.py</code>: the blocks are the queries govkg runs, word for word.</p>",
        "</div>",
        "</slide>",
    ])  # fmt: skip


def build() -> str:
    from govkg.graph import queries

    unknown = sorted(set(queries.QUERIES) - set(EXAMPLES))
    if unknown:
        raise SystemExit(f"named queries without a page in the Browser guide: {', '.join(unknown)}; "
                         "add them to EXAMPLES in scripts/build_browser_guide.py")  # fmt: skip
    styles = grass_styles(GRASS.read_text(encoding="utf-8"))
    order = [n for n in EXAMPLES if n in queries.QUERIES]
    slides = [intro_slide(styles), *(query_slide(n) for n in order), closing_slide()]
    return "\n".join([
        "<!-- Generated by scripts/build_browser_guide.py from cypher/*.cypher and cypher/browser/: "
        "do not edit by hand. -->",
        '<article class="guide">',
        '<carousel class="deck container-fluid">',
        *slides,
        "</carousel>",
        "</article>",
        "",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the guide on disk is out of date")
    args = parser.parse_args(argv)
    text = build()
    current = GUIDE.read_text(encoding="utf-8") if GUIDE.is_file() else None
    if args.check:
        if current != text:
            print(f"{GUIDE.relative_to(REPO)} is out of date: run python {Path(__file__).relative_to(REPO)}",
                  file=sys.stderr)  # fmt: skip
            return 1
        return 0
    if current != text:
        GUIDE.write_text(text, encoding="utf-8")
        print(f"wrote {GUIDE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
