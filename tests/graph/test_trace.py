"""Tracing commitments to outcomes (graph/trace.py, graph/tracing.py, the `trace` queries and command).

The fixtures in tests/data/trace (EXPECTED.md) are the contract: every status right, the
same-named 福州市鼓楼区 and the parent city 南京市 never mixed in. The example pair 安吉县
2022->2023 (examples/reports/README.md) checks the thresholds on a second pair, and the
real consecutive-year reports in ../shared/corpus must trace without error.

Reports go through the project's pipeline. The record's ``passages`` (every sentence,
extractors/passages.py) are added here as the pipeline will add them; without them a
store only holds the sentences facts were read from (see test_without_passages).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from pathlib import Path

import pytest

from govkg.extractors.document import build_document
from govkg.extractors.load import read_report
from govkg.extractors.passages import find_passages
from govkg.extractors.patterns.trace import COUNT_TARGET, RATE_TARGET
from govkg.extractors.pipeline import extract_document
from govkg.extractors.records import ExtractionRecord
from govkg.graph import trace as tr
from govkg.graph import tracing
from govkg.graph.store import EmbeddedGraph
from tests.conftest import EXAMPLES, REPO, shared_path

TRACE = REPO / "tests" / "data" / "trace"
FILES = ("nanjing_gulou_2022", "nanjing_gulou_2023", "fuzhou_gulou_2023", "nanjing_2023")
GULOU_NJ, GULOU_FZ, NANJING = "320106", "350102", "320100"


def record(path: Path, resources) -> ExtractionRecord:
    """The pipeline's record plus the report's passages (as `govkg ingest` will store them)."""
    doc = build_document(read_report(path), path.name)
    return dataclasses.replace(extract_document(doc, resources), passages=find_passages(doc))


def ingest(store: EmbeddedGraph, records, words) -> None:
    for rec in records:
        store.ingest(rec)
        tracing.after_ingest(store, rec, words)


def statuses(store, jurisdiction: str) -> dict[tuple[str, int], str]:
    return {(r["report"], r["ordinal"]): r["status"] for r in store.query("trace", jurisdiction=jurisdiction)}


def followed_by(store: EmbeddedGraph) -> list[tuple[str, str, dict]]:
    g = store.store.g
    return sorted(((g.nodes[u]["key"], g.nodes[v]["key"], d["props"]) for u, v, d in g.edges(data=True)
                   if d["type"] == "FOLLOWED_BY"), key=lambda x: (x[0], x[1]))  # fmt: skip


@pytest.fixture(scope="module")
def words(resources):
    return resources.segmenter.words


@pytest.fixture(scope="module")
def trace_records(resources) -> dict[str, ExtractionRecord]:
    return {name: record(TRACE / f"{name}.txt", resources) for name in FILES}


@pytest.fixture(scope="module")
def traced(tmp_path_factory, trace_records, words) -> EmbeddedGraph:
    store = EmbeddedGraph(tmp_path_factory.mktemp("trace") / "store.json.gz")
    ingest(store, trace_records.values(), words)
    return store


# --- tests/data/trace/EXPECTED.md ---------------------------------------------------------

EXPECTED = [
    ("nanjing_gulou_2022", 1, "progressed"),  # 调解和解率达32.1% (target 30%)
    ("nanjing_gulou_2022", 2, "done"),  # “综合查一次”联合执法机制 carried out, no figure
    ("nanjing_gulou_2022", 3, "done"),  # 《鼓楼区行政规范性文件管理办法》 制定出台
    ("nanjing_gulou_2022", 4, "not_mentioned"),  # 法治体检 dropped (only 福州 and 南京市 report it)
    ("nanjing_gulou_2022", 5, "mentioned"),  # the platform only under 存在的不足
    *((name, n, "no_later_report") for name in FILES[1:] for n in (1, 2, 3)),
]


@pytest.mark.parametrize(("report", "ordinal", "status"), EXPECTED)
def test_expected_status(traced, report, ordinal, status):
    key = {"fuzhou_gulou_2023": GULOU_FZ, "nanjing_2023": NANJING}.get(report, GULOU_NJ)
    assert statuses(traced, key)[(report, ordinal)] == status


def test_every_commitment_is_traced(traced, trace_records):
    rows = [r for key in (GULOU_NJ, GULOU_FZ, NANJING) for r in traced.query("trace", jurisdiction=key)]
    assert len(rows) == sum(len(r.commitments) for r in trace_records.values()) == len(EXPECTED)


def test_links_come_only_from_the_same_district(traced):
    links = followed_by(traced)
    assert links
    assert {d["report"] for _, _, d in links} == {"nanjing_gulou_2023"}
    assert {src.split("#")[0] for src, _, _ in links} == {"nanjing_gulou_2022"}
    values = {
        v for _, dst, _ in links if dst.startswith("nanjing_gulou_2023|") for v in [float(dst.split("|")[3])]
    }
    assert 32.1 in values and not values & {24.5, 95, 27.3, 1260, 320, 2100, 12000, 83000}


def test_evidence_comes_from_the_later_report_of_the_same_district(traced):
    for row in traced.query("trace", jurisdiction=GULOU_NJ, year=2023):
        assert row["later_report"] == "nanjing_gulou_2023"
        assert {e["report"] for e in row["evidence"]} <= {"nanjing_gulou_2023"}
        assert {x["report"] for x in row["links"]} <= {"nanjing_gulou_2023"}


@pytest.mark.parametrize(("ordinal", "match", "label", "name"), [
    (1, "indicator", "Metric", "调解和解率"),
    (1, "entity", "Programme", "行政复议体制改革"),
    (2, "entity", "Programme", "综合查一次联合执法机制"),
    (3, "law", "Law", "鼓楼区行政规范性文件管理办法"),
])  # fmt: skip
def test_expected_links(traced, ordinal, match, label, name):
    row = next(r for r in traced.query("trace", jurisdiction=GULOU_NJ) if r["ordinal"] == ordinal
               and r["report"] == "nanjing_gulou_2022")  # fmt: skip
    assert any(x["match"] == match and x["label"] == label and name in x["name"] for x in row["links"]), row[
        "links"
    ]


def test_no_figure_is_linked_where_none_was_given(traced):
    """(二) and (三) are done without a figure; (四) and (五) have no outcome at all."""
    rows = {r["ordinal"]: r for r in traced.query("trace", jurisdiction=GULOU_NJ, year=2023)}
    assert not any(x["label"] == "Metric" for n in (2, 3) for x in rows[n]["links"])
    assert rows[4]["links"] == rows[5]["links"] == []
    assert rows[4]["evidence"] == []
    assert [e["section"] for e in rows[5]["evidence"]] == ["shortcomings"]
    assert "区级行政执法监督平台" in rows[5]["evidence"][0]["text"]


@pytest.mark.parametrize(("ordinal", "answered"), [
    (1, "一是行政复议调解和解率偏低"),
    (2, "二是涉企检查事项多"),
    (3, None),
    (4, None),
    (5, "三是行政执法监督手段较为传统"),
])  # fmt: skip
def test_shortcomings_a_plan_item_answers(traced, ordinal, answered):
    row = next(r for r in traced.query("trace", jurisdiction=GULOU_NJ, year=2023) if r["ordinal"] == ordinal)
    texts = [a["text"] for a in row["answers"]]
    assert (texts[0].startswith(answered) and len(texts) == 1) if answered else not texts


def test_unpromised_outcomes(traced):
    rows = traced.query("trace-unpromised", jurisdiction=GULOU_NJ)
    assert {r["report"] for r in rows} == {"nanjing_gulou_2023"}
    names = {r["name"] for r in rows}
    assert {"枫桥经验", "宪法宣传周"} <= names
    assert not names & {"综合查一次联合执法机制", "行政复议体制改革", "调解和解率"}
    assert traced.query("trace-unpromised", jurisdiction=GULOU_FZ) == []  # no earlier plan for 福州市鼓楼区


def test_a_bare_name_lists_both_districts_each_traced_on_its_own(traced):
    rows = traced.query("trace", jurisdiction="鼓楼区")
    assert {r["jurisdiction_id"] for r in rows} == {GULOU_NJ, GULOU_FZ}
    assert {r["status"] for r in rows if r["jurisdiction_id"] == GULOU_FZ} == {"no_later_report"}


def test_status_filter(traced):
    rows = traced.query("trace", jurisdiction=GULOU_NJ, status="done")
    assert [(r["report"], r["ordinal"]) for r in rows] == [
        ("nanjing_gulou_2022", 2),
        ("nanjing_gulou_2022", 3),
    ]


# --- recomputed when either report changes ---------------------------------------------------


def test_ingest_order_does_not_matter(tmp_path, traced, trace_records, words):
    store = EmbeddedGraph(tmp_path / "store.json.gz")
    ingest(store, reversed(list(trace_records.values())), words)
    for key in (GULOU_NJ, GULOU_FZ, NANJING):
        assert store.query("trace", jurisdiction=key) == traced.query("trace", jurisdiction=key)


def test_a_changed_later_report_changes_the_links(tmp_path, trace_records, resources, words):
    store = EmbeddedGraph(tmp_path / "store.json.gz")
    ingest(store, [trace_records["nanjing_gulou_2022"], trace_records["nanjing_gulou_2023"]], words)
    before = followed_by(store)
    text = (TRACE / "nanjing_gulou_2023.txt").read_text(encoding="utf-8")
    changed = tmp_path / "nanjing_gulou_2023.txt"  # same file name: the same report id, replaced
    changed.write_text(re.sub(r"全面推行“综合查一次”[^。]*。", "", text), encoding="utf-8")
    ingest(store, [record(changed, resources)], words)
    assert statuses(store, GULOU_NJ)[("nanjing_gulou_2022", 2)] == "not_mentioned"
    assert not any(dst == "综合查一次联合执法机制" for _, dst, _ in followed_by(store))
    ingest(store, [trace_records["nanjing_gulou_2023"]], words)  # back again: the same links, none twice
    assert followed_by(store) == before


def test_reingesting_the_earlier_report_keeps_the_trace(tmp_path, trace_records, words):
    store = EmbeddedGraph(tmp_path / "store.json.gz")
    ingest(store, [trace_records["nanjing_gulou_2022"], trace_records["nanjing_gulou_2023"]], words)
    before, links = statuses(store, GULOU_NJ), followed_by(store)
    ingest(store, [trace_records["nanjing_gulou_2022"]], words)
    assert statuses(store, GULOU_NJ) == before and followed_by(store) == links


def test_removing_the_later_report_removes_its_links(tmp_path, trace_records, words):
    store = EmbeddedGraph(tmp_path / "store.json.gz")
    ingest(store, [trace_records["nanjing_gulou_2022"], trace_records["nanjing_gulou_2023"]], words)
    assert store.remove("nanjing_gulou_2023")
    assert tracing.after_change(store, "nanjing_gulou_2023", words) == [GULOU_NJ]
    assert set(statuses(store, GULOU_NJ).values()) == {"no_later_report"}
    assert followed_by(store) == []
    rows = store.query("trace", jurisdiction=GULOU_NJ)
    assert all(r["later_report"] is None and r["evidence"] == [] for r in rows)


def test_the_trace_survives_save_and_load(tmp_path, trace_records, words):
    path = tmp_path / "store.json.gz"
    store = EmbeddedGraph(path)
    ingest(store, trace_records.values(), words)
    store.close()
    again = EmbeddedGraph(path)
    assert again.query("trace", jurisdiction=GULOU_NJ) == store.query("trace", jurisdiction=GULOU_NJ)


def test_without_passages(tmp_path, trace_records, words):
    """A record without passages (older JSONL, or `govkg ingest` until the pipeline fills them):
    only the sentences facts were read from are compared, so a shortcoming without any fact is
    not seen and (五) is not_mentioned instead of mentioned; the rest stays."""
    store = EmbeddedGraph(tmp_path / "store.json.gz")
    bare = [dataclasses.replace(r, passages=()) for r in trace_records.values()]
    ingest(store, bare, words)
    got = statuses(store, GULOU_NJ)
    assert [got[("nanjing_gulou_2022", n)] for n in range(1, 6)] == [
        "progressed", "done", "done", "not_mentioned", "not_mentioned"]  # fmt: skip


def test_the_records_and_the_store_give_the_same_trace(traced, trace_records, words):
    reports = [
        tr.report_from_record(r) for r in trace_records.values() if r.report.jurisdiction_key == GULOU_NJ
    ]
    from_records = tr.trace_jurisdiction(reports, words)
    _, from_store = tracing.compute(tracing.embedded_rows(traced.store, GULOU_NJ), words)
    assert from_records == from_store


# --- the command ------------------------------------------------------------------------------


def test_trace_command(tmp_path, traced, capsys):
    from govkg.cli import main
    from govkg.graph.embedded import EmbeddedStore

    path = tmp_path / "cli.json.gz"
    EmbeddedStore(path, traced.store.g.copy()).save()
    assert main(["trace", GULOU_NJ, "--store", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["report"], r["ordinal"]): r["status"] for r in rows} == {
        (rep, n): s for rep, n, s in EXPECTED if rep.startswith("nanjing_gulou")}  # fmt: skip
    assert main(["trace", "鼓楼区", "--store", str(path), "--year", "2023"]) == 0
    out = capsys.readouterr().out
    assert "progressed" in out and "nanjing_gulou_2022" in out and "fuzhou" not in out
    assert main(["trace", GULOU_NJ, "--store", str(path), "--unpromised"]) == 0
    assert "枫桥经验" in capsys.readouterr().out
    assert main(["trace", "不存在的区", "--store", str(path)]) == 2


# --- the example pair 安吉县 2022 -> 2023 (examples/reports/README.md) ------------------------------


@pytest.fixture(scope="module")
def anji(tmp_path_factory, resources, words) -> EmbeddedGraph:
    store = EmbeddedGraph(tmp_path_factory.mktemp("anji") / "store.json.gz")
    ingest(store, [record(EXAMPLES / f"anji_{y}.txt", resources) for y in (2022, 2023)], words)
    return store


@pytest.mark.parametrize(("ordinal", "status", "linked"), [
    (1, "done", None),  # 学法制度: taken up again in the measures
    (2, "done", "一支队伍管执法"),
    (3, "progressed", "行政机关负责人出庭应诉率"),  # 96.3% -> 100%
    (4, "done", "安吉县重大行政决策程序实施办法"),  # 制定出台, action enact
    (5, "not_mentioned", None),  # 智慧普法 never named again
    (6, "done", "评查案卷"),  # done, with a figure (评查案卷210件)
])  # fmt: skip
def test_anji_pair(anji, ordinal, status, linked):
    row = next(r for r in anji.query("trace", jurisdiction="330523", year=2023) if r["ordinal"] == ordinal)
    assert row["status"] == status
    if linked:
        assert any(linked in x["name"] for x in row["links"]), row["links"]


# --- real reports: every consecutive-year pair of ../shared/corpus ----------------------------


def corpus_pairs() -> list[tuple[str, str]]:
    """Consecutive years of one issuer in ../shared/corpus/index.tsv (read in place)."""
    rows = list(csv.DictReader(shared_path("corpus", "index.tsv").open(encoding="utf-8"), delimiter="\t"))
    by: dict[str, list[tuple[int, str]]] = {}
    for r in rows:
        by.setdefault(r["issuing_jurisdiction"].removesuffix("人民政府"), []).append(
            (int(r["report_year"]), r["file"])
        )
    pairs = [zip(sorted(xs), sorted(xs)[1:], strict=False) for xs in by.values()]
    return sorted((a, b) for years in pairs for (y, a), (z, b) in years if z == y + 1)


def test_real_consecutive_pairs_trace_without_error(tmp_path, resources, words):
    pairs = corpus_pairs()
    assert ("043.txt", "094.txt") in pairs  # 深圳市龙华区 2019 (near complete) -> 2020 (opening)
    store = EmbeddedGraph(tmp_path / "store.json.gz")
    files = sorted({f for pair in pairs for f in pair})
    ingest(store, [record(shared_path("corpus", f), resources) for f in files], words)
    rows = store.query("trace", jurisdiction="440309")
    traced_043 = [r for r in rows if r["report"] == "043"]
    assert traced_043 and all(r["later_report"] == "094" for r in traced_043)
    assert all(r["status"] in tr.STATUSES for r in rows)


# --- the tracer's rules, on sentences of our own ------------------------------------------------

EARLIER, LATER = "r2022", "r2023"


def _report(rid: str, year: int, passages=(), **facts) -> tr.ReportIn:
    return tr.ReportIn(rid, year, passages=tuple(tr.PassageIn(s, t, i * 100) for i, (s, t) in enumerate(passages)),
                       **{k: tuple(v) for k, v in facts.items()})  # fmt: skip


def _commitment(text: str, *concerns: tuple[str, str]) -> tr.CommitmentIn:
    return tr.CommitmentIn(f"{EARLIER}#1", 1, text, 2023, concerns=tuple(concerns))


RULES = [
    pytest.param(
        _commitment("力争群众满意率达到95%", ("Indicator", "群众满意率")),
        _report(LATER, 2023, metrics=[tr.MetricIn("m1", "群众满意率", 96.5, "%", "群众满意率", "measures", "满意率96.5%。")]),
        "progressed", id="indicator-concern"),
    pytest.param(
        _commitment("力争矛盾纠纷调解成功率达到98%"),
        _report(LATER, 2023, metrics=[tr.MetricIn("m1", "调解成功率", 98.6, "%", None, "measures", "调解成功率98.6%。")]),
        "progressed", id="indicator-named-with-a-target"),
    pytest.param(
        _commitment("培育基层调解员500名"),
        _report(LATER, 2023, metrics=[tr.MetricIn("m1", "基层调解员培训班", 4, "次", None, "measures", "开展培训4次。")]),
        "not_mentioned", id="target-unit-differs"),
    pytest.param(
        _commitment("全面推行柔性执法清单制度", ("Programme", "柔性执法清单制度")),
        _report(LATER, 2023, programmes=[tr.ProgrammeIn("柔性执法清单制度", (), "measures", "推行柔性执法清单制度。")]),
        "done", id="programme-carried-out"),
    pytest.param(
        _commitment("全面推行柔性执法清单制度", ("Programme", "柔性执法清单制度")),
        _report(LATER, 2023, programmes=[tr.ProgrammeIn("柔性执法清单制度", (), "shortcomings", "清单制度尚未推行。")]),
        "mentioned", id="programme-only-in-shortcomings"),
    pytest.param(
        _commitment("制定出台《某县河道管理办法》", ("Law", "某县河道管理办法")),
        _report(LATER, 2023, laws=[tr.LawIn("某县河道管理办法", "enact", None, (), "measures", "出台《某县河道管理办法》。")]),
        "done", id="law-enacted"),
    pytest.param(
        _commitment("制定出台《某县河道管理办法》", ("Law", "某县河道管理办法")),
        _report(LATER, 2023, laws=[tr.LawIn("某县河道管理办法", "draft", None, (), "measures", "起草《某县河道管理办法》。")]),
        "mentioned", id="law-only-drafted"),
    pytest.param(
        _commitment("建设县级公共法律服务中心,推动法律服务资源整合"),
        _report(LATER, 2023, [("measures", "建成县级公共法律服务中心,整合律师、公证、调解等法律服务资源。")]),
        "done", id="text-in-measures"),
    pytest.param(
        _commitment("建设县级公共法律服务中心,推动法律服务资源整合"),
        _report(LATER, 2023, [("shortcomings", "县级公共法律服务中心建设滞后,法律服务资源整合不够。")]),
        "mentioned", id="text-in-shortcomings"),
    pytest.param(
        _commitment("建设县级公共法律服务中心,推动法律服务资源整合"),
        _report(LATER, 2023, [("measures", "全年办理行政复议案件80件。"), ("measures", "三是加强制度建设。")]),
        "not_mentioned", id="nothing-alike"),
    pytest.param(
        _commitment("建设县级公共法律服务中心,推动法律服务资源整合"),
        _report(LATER, 2024, [("measures", "建成县级公共法律服务中心,整合律师、公证、调解等法律服务资源。")]),
        "no_later_report", id="later-report-of-another-year"),
]  # fmt: skip


@pytest.mark.parametrize(("commitment", "later", "status"), RULES)
def test_status_rules(commitment, later, status, words):
    # the earlier report's plans cite the instrument with the action the extractor reads (制定出台 = enact)
    laws = tuple(tr.LawIn(name, "enact", section="plans", evidence=commitment.text)
                 for label, name in commitment.concerns if label == "Law")  # fmt: skip
    earlier = tr.ReportIn(EARLIER, 2022, commitments=(commitment,), laws=laws)
    (result,) = tr.trace_jurisdiction([earlier, later], words)
    assert result.status == status


@pytest.mark.parametrize(("earlier", "later", "same"), [
    (None, None, True),
    ("南京市鼓楼区人民政府", None, True),
    ("中共安吉县委 安吉县人民政府", "安吉县人民政府", True),
    ("区司法局", "铜梁区司法局", True),  # the same department, named with or without its place
    ("铜梁区人民政府", "区司法局", False),  # the government's plan is not followed in a department's report
    ("区司法局", None, False),
    ("嘉兴市司法局", "嘉兴市市场监督管理局", False),
    ("广州市人民政府办公厅", "广州市人民政府", False),
])  # fmt: skip
def test_a_commitment_is_followed_in_reports_of_the_same_issuer(earlier, later, same):
    a, b = tr.ReportIn("a", 2022, issuer=earlier), tr.ReportIn("b", 2023, issuer=later)
    assert tr.same_issuer(a, b) is same
    assert (tr.later_reports_for(a, 2023, [a, b]) == [b]) is same


def test_the_commitment_year_defaults_to_the_next_year():
    c = tr.CommitmentIn("r#1", 1, "x", None)
    assert tr.commitment_year(c, tr.ReportIn("r", 2022)) == 2023
    assert tr.commitment_year(c, tr.ReportIn("r", None)) is None


def test_a_plan_item_body_is_its_paragraph():
    text = "(一)深化执法改革。推行一支队伍管执法。\n(二)健全决策制度。\n南京市人民政府"
    doc = build_document(text, "x.txt")
    passages = tuple(tr.PassageIn(p.section, p.text, p.start) for p in find_passages(doc))
    starts = [text.index("(一)"), text.index("(二)")]
    leads = ("深化执法改革", "健全决策制度")
    commitments = tuple(
        tr.CommitmentIn(f"x#{i}", i, t, 2023, s)
        for i, (t, s) in enumerate(zip(leads, starts, strict=True), 1)
    )
    report = tr.ReportIn("x", 2022, commitments, passages=passages)
    assert tr.commitment_body(report.commitments[0], report) == "(一)深化执法改革。推行一支队伍管执法。"
    assert tr.commitment_body(report.commitments[1], report) == "(二)健全决策制度。"
    lost = tr.CommitmentIn("x#1", 1, "深化执法改革", 2023, 0)  # no offsets: the lead alone, never the title
    assert tr.commitment_body(
        lost, dataclasses.replace(report, passages=(tr.PassageIn("other", "标题", 0),))
    ) == ("深化执法改革")


@pytest.mark.parametrize(("text", "rate", "units"), [
    ("力争行政复议调解和解率提高到30%以上", True, set()),
    ("力争负责人出庭应诉率达到100%", True, set()),
    ("规范性文件备案审查率达百分之百", True, set()),
    ("培育“法律明白人”1000名", False, {"名"}),
    ("新增省级民主法治村5个", False, {"个"}),
    ("提供法律咨询300人次", False, {"人次"}),
    ("2023年完成换届", False, set()),
])  # fmt: skip
def test_targets(text, rate, units):
    assert bool(RATE_TARGET.search(text)) is rate
    assert {m.group("unit") for m in COUNT_TARGET.finditer(text)} == units


@pytest.mark.parametrize(("text", "items"), [
    ("短板仍然明显,一是基层执法力量偏弱;二是亮点不够多。", ["短板仍然明显,", "一是基层执法力量偏弱;", "二是亮点不够多。"]),
    ("一是监督平台尚未上线。", ["一是监督平台尚未上线。"]),
    ("这是一个问题,于是整改。", ["这是一个问题,于是整改。"]),  # 于是 is no enumeration
])  # fmt: skip
def test_listed_shortcomings_are_compared_one_by_one(text, items):
    parts = tr.split_items(tr.PassageIn("shortcomings", text, 10))
    assert [p.text for p in parts] == items
    assert all(text[p.start - 10 :].startswith(p.text) for p in parts)


@pytest.mark.parametrize(("a", "b", "n"), [
    ("调解和解率达", "力争行政复议调解和解率提高到30%", 5),
    ("办结率", "办结率达到99%", 3),
    ("100%", "100%", 0),  # only hanzi count
    ("行政合同", "规范性文件", 0),
])  # fmt: skip
def test_longest_common_run(a, b, n):
    assert tr.longest_common_run(a, b) == n


# --- Neo4j: the same answers ------------------------------------------------------------------


@pytest.mark.neo4j
def test_neo4j_gives_the_same_trace(neo4j_settings, traced, trace_records, words):
    from tests.conftest import connect_local_neo4j

    neo = connect_local_neo4j(neo4j_settings)
    try:
        for rec in trace_records.values():
            neo.remove(rec.report.id)
        for rec in trace_records.values():
            neo.ingest(rec)
            tracing.after_ingest(neo, rec, words)
        for key in (GULOU_NJ, GULOU_FZ, NANJING, "鼓楼区"):
            for name in ("trace", "trace-unpromised"):
                assert neo.query(name, jurisdiction=key) == traced.query(name, jurisdiction=key), (name, key)
        neo.ingest(trace_records["nanjing_gulou_2023"])  # re-ingest the later report: recomputed, not doubled
        tracing.after_ingest(neo, trace_records["nanjing_gulou_2023"], words)
        assert neo.query("trace", jurisdiction=GULOU_NJ) == traced.query("trace", jurisdiction=GULOU_NJ)
    finally:
        for rec in trace_records.values():
            neo.remove(rec.report.id)
            tracing.after_change(neo, rec.report.id, words)
        neo.close()
