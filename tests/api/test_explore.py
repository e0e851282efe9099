"""The explorer (/explore: its page, files and JSON) and the report view (/reports/{id}), on the
embedded store and on Neo4j (same reports in both: tests/api/conftest.py)."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from govkg.api.style import STYLES
from govkg.graph.rows import LABELS, build_rows, commitment_key, metric_key
from tests.conftest import REPO

FRONTEND = REPO / "frontend"
STATIC = REPO / "api" / "static" / "explore"


# --- the page and its files ------------------------------------------------------------------


def test_explore_serves_the_page_and_every_file_it_loads(api):
    page = api.get("/explore")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    loaded = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "explore/assets/explore.js" in loaded and "explore/assets/explore.css" in loaded
    assert not [u for u in loaded if re.match(r"(https?:)?//", u)], "nothing may come from elsewhere (no CDN)"
    kinds = {".js": "text/javascript", ".css": "text/css"}
    for url in (u for u in loaded if u.startswith("explore/assets/")):
        r = api.get("/" + url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith(kinds[url[url.rindex(".") :]])
        assert r.content == (STATIC / url.rsplit("/", 1)[1]).read_bytes()
    assert b"cytoscape" in api.get("/explore/assets/explore.js").content  # the bundle, with its licence notice


@pytest.mark.parametrize("name", ["build.mjs", "missing.js", "explore.py", ".hidden.js", "%2E%2E%2Fmain.py"])
def test_the_explorer_serves_only_its_own_files(api, name):
    r = api.get(f"/explore/assets/{name}")
    assert r.status_code == 404 and r.json()["error"] == "not_found"


def inputs_hash() -> str:
    """What frontend/build.mjs records in build.json: every input of the build, hashed in order."""
    names = ["package.json", "package-lock.json", "build.mjs", "tsconfig.json",
             *(f"src/{p.name}" for p in sorted((FRONTEND / "src").iterdir()))]  # fmt: skip
    h = hashlib.sha256()
    for n in names:
        h.update(f"{n}\n".encode())
        h.update((FRONTEND / n).read_bytes())
        h.update(b"\n")
    return h.hexdigest()


def test_the_committed_build_is_built_from_the_committed_sources():
    built = json.loads((STATIC / "build.json").read_text(encoding="utf-8"))
    assert built["inputs_sha256"] == inputs_hash(), "the explorer's sources changed: cd frontend && npm ci && npm run build"
    lock = json.loads((FRONTEND / "package-lock.json").read_text(encoding="utf-8"))
    assert built["versions"]["cytoscape"] == lock["packages"]["node_modules/cytoscape"]["version"]
    assert (STATIC / "index.html").read_bytes() == (FRONTEND / "src" / "index.html").read_bytes()


def test_the_colours_are_neo4j_browsers():
    from tests.browser.guide import grass_colours

    assert {k: s.colour for k, s in STYLES.items()} == grass_colours()


# --- the JSON the explorer reads -----------------------------------------------------------


@pytest.fixture(scope="module")
def records(seed_records, example_records):
    return [*seed_records, *example_records]


def test_meta_lists_every_label_with_its_colour_and_every_report_year(api, records):
    meta = api.get("/explore/meta").json()
    assert meta["store"] == "embedded"
    assert [x["label"] for x in meta["labels"]] == list(LABELS)
    counts = api.get("/stats").json()["labels"]
    assert {x["label"]: x["count"] for x in meta["labels"]} == {k: counts.get(k, 0) for k in LABELS}
    assert meta["years"] == sorted({r.report.year for r in records if r.report.year})


@pytest.mark.parametrize(("label", "key"), [("Law", "安全生产法"), ("Jurisdiction", "安吉县"), ("Report", "anji_2023")])
def test_neighbourhood_is_the_named_query_with_report_years(api, records, label, key):
    years = {r.report.id: r.report.year for r in records}
    params = {"label": label, "key": key, "limit": 200}
    drawn, plain = api.get("/explore/neighbourhood", params=params).json(), api.get("/graph/neighbourhood", params=params).json()
    assert {**drawn, "nodes": [{k: v for k, v in n.items() if k != "year"} for n in drawn["nodes"]],
            "edges": [{k: v for k, v in e.items() if k != "year"} for e in drawn["edges"]],
            "center": {k: v for k, v in drawn["center"].items() if k != "year"}} == plain  # fmt: skip
    for n in drawn["nodes"]:
        assert n["year"] == (years[n["key"]] if n["label"] == "Report" else None)
    for e in drawn["edges"]:
        report = e["report"] or next((r.split(":", 1)[1] for r in (e["src"], e["dst"]) if r.startswith("Report:")), None)
        assert e["year"] == (years[report] if report else None), e


def text_at(rec, start: int, end: int) -> str:
    """The record's own text at these offsets, from its passages (every sentence with its offset)."""
    for p in rec.passages:
        if p.start <= start < p.end:
            return p.text[start - p.start : end - p.start]
    raise AssertionError(f"no passage of {rec.report.id} holds offset {start}")


def test_evidence_marks_each_mention_in_its_sentence(api, records):
    by_id = {r.report.id: r for r in records}
    drawn = api.get("/explore/neighbourhood", params={"label": "Report", "key": "anji_2023", "limit": 500}).json()
    checked = 0
    for e in drawn["edges"]:
        items = api.get("/explore/evidence", params={"type": e["type"], "src": e["src"], "dst": e["dst"]}).json()["items"]
        for x in items:
            assert (x["type"], x["src"], x["dst"]) == (e["type"], e["src"], e["dst"])
            assert x["report"] == "anji_2023" and x["report_year"] == 2023 and x["report_title"]
            if x["end"] > x["start"]:
                said = text_at(by_id["anji_2023"], x["start"], x["end"])
                assert x["sentence"][x["mention_from"] : x["mention_to"]] == said, x
                checked += 1
    assert checked > 50


def test_evidence_of_a_citation_is_the_surface_the_report_wrote(api):
    law = "Law:中华人民共和国安全生产法"
    drawn = api.get("/explore/neighbourhood", params={"label": "Law", "key": "安全生产法"}).json()
    cites = [e for e in drawn["edges"] if e["type"] == "CITES"]
    assert len(cites) >= 3
    for e in cites:
        (x,) = api.get("/explore/evidence", params={"type": "CITES", "src": e["src"], "dst": law}).json()["items"]
        assert x["action"] == e["action"] and x["report"] == e["report"] and x["section"]
        assert x["sentence"][x["mention_from"] : x["mention_to"]] == x["surface"]


def test_node_shows_its_properties_and_the_newest_statements_about_it(api, records):
    d = api.get("/explore/node", params={"label": "Law", "key": "中华人民共和国安全生产法", "limit": 3}).json()
    assert d["id"] == "Law:中华人民共和国安全生产法" and d["props"]["short"] == "安全生产法"
    cited = {(r.report.id, x.action) for r in records for x in r.laws if x.title == "中华人民共和国安全生产法"}
    assert d["statements"] == len(cited)
    assert len(d["evidence"]) == 3
    years = [x["report_year"] for x in d["evidence"]]
    assert years == sorted(years, reverse=True)
    report = api.get("/explore/node", params={"label": "Report", "key": "anji_2023"}).json()
    assert "passages" not in report["props"] and report["props"]["year"] == 2023
    assert report["statements"] == len(report_facts(records, "anji_2023"))


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/explore/node?label=Law&key=安全法", 404),
        ("/explore/node?label=Nothing&key=x", 422),
        ("/explore/evidence?type=CITES&src=Report:anji_2023&dst=Law", 422),
        ("/explore/evidence?type=LIKES&src=Report:anji_2023&dst=Law:x", 422),
        ("/explore/evidence?type=CITES&src=Report:nowhere&dst=Law:x", 404),
        ("/explore/neighbourhood?label=Law&key=安全法", 404),
        ("/reports/anji_2O23", 404),
    ],
)
def test_explorer_errors_are_the_apis(api, url, status):
    r = api.get(url)
    assert r.status_code == status and r.json()["error"] in ("not_found", "bad_parameter")
    if url.startswith("/reports/"):
        assert "anji_2023" in r.json()["suggestions"]


# --- the report view -------------------------------------------------------------------------


class Marks(HTMLParser):
    """The report view's text (div.doc without the label tags) and, per fact number, its marked text."""

    def __init__(self) -> None:
        super().__init__()
        self.text, self.by_fact, self.selected = "", {}, set()
        self._in_doc = self._skip = 0
        self._facts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and a.get("class") == "doc":
            self._in_doc = 1
        elif self._in_doc and tag == "div":
            self._in_doc += 1
        elif self._in_doc and tag == "a" and a.get("class") == "tag":
            self._skip = 1
        elif self._in_doc and tag == "mark":
            self._facts = a["data-f"].split()
            if "sel" in a["class"].split():
                self.selected.update(self._facts)

    def handle_endtag(self, tag):
        if tag == "div" and self._in_doc:
            self._in_doc -= 1
        elif tag == "a":
            self._skip = 0
        elif tag == "mark":
            self._facts = []

    def handle_data(self, data):
        if self._in_doc and not self._skip:
            self.text += data
            for n in self._facts:
                self.by_fact[int(n)] = self.by_fact.get(int(n), "") + data


def table(page: str) -> list[tuple[int, str, int, int]]:
    """(number, kind, start, end) of each row of the facts table."""
    rows = re.findall(r'<tr id="row(\d+)">.*?<span class="chip"[^>]*>(\w+)</span>.*?<td class="num">(\d+)–(\d+)</td>', page)
    return [(int(n), k, int(s), int(e)) for n, k, s, e in rows]


def report_facts(records, report_id: str) -> set[tuple]:
    """The relationships a report states with provenance, as the stores hold them (one per identity)."""
    (rec,) = [r for r in records if r.report.id == report_id]
    rows = build_rows(rec)
    return {(r.type, r.dst, tuple(sorted(r.ident.items()))) for r in rows.rels
            if r.src == ("Report", report_id) and r.props.get("start") is not None}  # fmt: skip


def parse(page: str) -> Marks:
    m = Marks()
    m.feed(page)
    return m


def test_report_view_highlights_every_fact_at_its_offsets(api, records, example_records):
    for rec in example_records:
        r = api.get(f"/reports/{rec.report.id}")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        marks, rows = parse(r.text), table(r.text)
        assert len(marks.text) == rec.report.chars
        for p in rec.passages:  # every sentence is where the extractors read it
            assert marks.text[p.start : p.end] == p.text
        assert len(rows) == len(report_facts(records, rec.report.id)) > 10
        for n, kind, start, end in rows:
            assert kind in LABELS
            if end > start:
                assert marks.by_fact[n] == marks.text[start:end] == text_at(rec, start, end), (rec.report.id, n)


def test_report_view_marks_the_fact_the_explorer_links_to(api):
    x = api.get("/explore/evidence", params={"type": "CITES", "src": "Report:anji_2023",
                                               "dst": "Law:中华人民共和国安全生产法"}).json()["items"][0]  # fmt: skip
    page = api.get(f"/reports/anji_2023?start={x['start']}&end={x['end']}").text
    marks = parse(page)
    chosen = [n for n, _, s, e in table(page) if (s, e) == (x["start"], x["end"])]
    assert chosen and marks.selected >= {str(n) for n in chosen}
    assert marks.by_fact[chosen[0]] == x["surface"]
    assert f'href="../explore?label=Law&amp;key={quote("中华人民共和国安全生产法")}"' in page


OUR_REPORT = """德清县2023年法治政府建设年度报告
一、主要举措和成效
(一)深化改革。全面贯彻《中华人民共和国行政处罚法》，持续推进“放管服”改革。全年办理行政复议案件12件。
二、存在的不足
执法人员专业能力有待提升。
三、2024年工作安排
一是深入推进“证照分离”改革。二是全面落实《中华人民共和国行政复议法》。
"""


def test_show_writes_the_page_for_a_file_with_spans_at_their_offsets(tmp_path):
    from govkg.cli import main
    from govkg.extractors.normalise import normalise

    report = tmp_path / "deqing_2023.txt"
    report.write_text(OUR_REPORT, encoding="utf-8")
    out = tmp_path / "out" / "deqing_2023.html"
    assert main(["show", str(report), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    text = normalise(OUR_REPORT).text
    marks, rows = parse(page), table(page)
    assert marks.text == text  # the exact normalised text, nothing rebuilt
    assert "Text rebuilt" not in page and "http" not in page.replace("http-equiv", "")  # standalone
    for n, _, start, end in rows:
        assert marks.by_fact[n] == text[start:end]
    kinds = {k for _, k, _, _ in rows}
    assert {"Jurisdiction", "Law", "Programme", "Metric", "Commitment"} <= kinds
    law = text.index("中华人民共和国行政处罚法")
    assert any(k == "Law" and s <= law and law + 12 <= e for _, k, s, e in rows)
    colour = STYLES["Law"].colour.lower()
    assert f"background:{colour}" in page.lower()


def test_show_and_the_served_page_agree(api, tmp_path):
    from govkg.cli import main

    out = tmp_path / "anji.html"
    assert main(["show", str(REPO / "examples" / "reports" / "anji_2023.txt"), "--html", str(out)]) == 0
    shown, served = out.read_text(encoding="utf-8"), api.get("/reports/anji_2023").text
    assert table(shown) == table(served)
    assert parse(shown).text == parse(served).text


# --- the same on Neo4j -----------------------------------------------------------------------


def explorer_urls(records) -> list[str]:
    rec = next(r for r in records if r.report.id == "anji_2023")
    metric = metric_key(rec.report.id, rec.metrics[0])
    commitment = commitment_key(rec.report.id, rec.commitments[0])
    q = quote
    return [
        "/explore/neighbourhood?label=Law&key=安全生产法",
        "/explore/neighbourhood?label=Jurisdiction&key=安吉县&limit=30",
        "/explore/neighbourhood?label=Report&key=anji_2023&limit=500",
        f"/explore/neighbourhood?label=Commitment&key={q(commitment)}",
        "/explore/node?label=Law&key=中华人民共和国安全生产法",
        "/explore/node?label=Report&key=anji_2023&limit=50",
        "/explore/node?label=Jurisdiction&key=330523&limit=200",
        f"/explore/node?label=Metric&key={q(metric)}",
        f"/explore/node?label=Commitment&key={q(commitment)}",
        "/explore/evidence?type=CITES&src=Report:anji_2023&dst=Law:中华人民共和国安全生产法",
        f"/explore/evidence?type=ACHIEVED&src=Report:anji_2023&dst=Metric:{q(metric)}",
        "/explore/evidence?type=ABOUT&src=Report:anji_2022&dst=Jurisdiction:330523",
        "/explore/evidence?type=PART_OF&src=Jurisdiction:330523&dst=Jurisdiction:330500",
        "/explore/node?label=Law&key=安全法",
        "/reports/anji_2O23",
    ]


@pytest.mark.neo4j
def test_the_explorer_gives_the_same_answers_on_neo4j(api, neo4j_api, records):
    differ = []
    for url in explorer_urls(records):
        a, b = api.get(url), neo4j_api.get(url)
        if (a.status_code, a.json()) != (b.status_code, b.json()):
            differ.append((url, a.status_code, b.status_code, a.text[:300], b.text[:300]))
    assert not differ, differ[:2]
    a, b = api.get("/explore/meta").json(), neo4j_api.get("/explore/meta").json()
    assert (a.pop("store"), b.pop("store")) == ("embedded", "neo4j") and a == b


@pytest.mark.neo4j
def test_the_report_view_is_the_same_on_neo4j(api, neo4j_api, example_records, seed_records):
    for rec in [*example_records, *seed_records[:2]]:
        a, b = api.get(f"/reports/{rec.report.id}"), neo4j_api.get(f"/reports/{rec.report.id}")
        assert b.status_code == 200
        assert b.text == a.text, rec.report.id


@pytest.mark.neo4j
def test_neo4j_serves_the_explorer_page(neo4j_api):
    assert "explore/assets/explore.js" in neo4j_api.get("/explore").text
    assert neo4j_api.get("/explore/assets/explore.js").status_code == 200
