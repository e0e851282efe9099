"""Commitments: plan items, their lead text, the plan year, and what they concern.

Texts are our own; the seeds and corpus 042 are read from ../shared in place at the end.
"""

from __future__ import annotations

import json

import pytest

from govkg.extractors.commitments import (
    cn_number,
    find_commitments,
    guess_year,
    indicator_words,
    itemise,
    rate_indicators,
    section_items,
    trim_closing,
)
from govkg.extractors.document import build_document
from govkg.extractors.load import read_report
from govkg.extractors.records import (
    Concern,
    LawMention,
    MetricMention,
    ProgrammeMention,
    Provenance,
    ReportMeta,
)
from tests.conftest import shared_path


def leads(body: str) -> list[str]:
    return [body[a:b] for a, b, _ in section_items(body, 0, len(body))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # (一) items on their own lines; the lead ends at the first 。
        (
            "明年重点做好以下工作。\n(一)加强组织领导。压实责任。\n(二)深化执法改革,提升执法质量。推行清单。\n",
            ["加强组织领导", "深化执法改革,提升执法质量"],
        ),  # fmt: skip
        # full-width brackets, a heading line without a full stop
        ("（一）健全决策机制\n完善程序。\n（二）规范执法行为\n落实制度。", ["健全决策机制", "规范执法行为"]),
        # 一是… on lines, after a preamble that is not an item
        (
            "2024年,我县将继续努力。\n一是抓学法。组织学习。\n二是抓执法。\n三是抓监督。",
            ["抓学法", "抓执法", "抓监督"],
        ),  # fmt: skip
        # 一是… inline, separated by 。 and by ；
        (
            "一是完善机制,强化保障。二是推进改革。三是加强监督。",
            ["完善机制,强化保障", "推进改革", "加强监督"],
        ),
        ("重点抓好:一是学法用法；二是依法决策；三是规范执法。", ["学法用法", "依法决策", "规范执法"]),
        # 一是 after commas: the lead ends at the next item
        ("重点做好三方面工作,一是加强学法,二是规范执法,三是强化监督。", ["加强学法", "规范执法", "强化监督"]),
        # 1. / 1、 items
        ("1.强化学法。内容。\n2、优化服务。\n3．规范执法。", ["强化学法", "优化服务", "规范执法"]),
        # (1) and ① items
        ("(1)建立台账。\n(2)定期通报。", ["建立台账", "定期通报"]),
        ("①建立台账；②定期通报。", ["建立台账", "定期通报"]),
        # 第一, 第二,
        ("第一,加强领导。第二,完善制度。", ["加强领导", "完善制度"]),
        # nested: every (一) item holds 一是… items -> the deeper level
        (
            "(一)加强领导。一是建机制；二是压责任。\n(二)规范执法。一是推清单；二是强监督。",
            ["建机制", "压责任", "推清单", "强监督"],
        ),  # fmt: skip
        # nested only in one item -> the outer level
        ("(一)加强领导。一是建机制；二是压责任。\n(二)规范执法。推行清单。", ["加强领导", "规范执法"]),
        # not itemised: one per sentence that commits to an action
        (
            "下一步,我们将进一步加强法治宣传。持续深化行政执法改革。谢谢。",
            ["下一步,我们将进一步加强法治宣传", "持续深化行政执法改革"],
        ),
        # a single (一) is no itemisation
        ("(一)加强领导。推进改革工作。", ["(一)加强领导", "推进改革工作"]),
        # too short to be a commitment, or no action
        ("(一)加强。某县人民政府办公室。", []),
    ],
)
def test_section_items(body, expected):
    assert leads(body) == expected


def test_item_spans_cover_the_item():
    body = "(一)加强领导。一是建机制。\n(二)规范执法。二是其他。"
    items = itemise(body, 0, len(body))
    assert [body[i.start : i.end] for i in items] == ["加强领导。一是建机制。", "规范执法。二是其他。"]


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("(一)加强领导。\n特此报告。\n某某县人民政府\n2023年2月1日", "(一)加强领导。"),
        ("一是加强领导。\n中共某县委 某县人民政府\n2024年1月26日\n", "一是加强领导。"),
        ("一是加强领导。\n专此报告\n2024-01-26", "一是加强领导。"),
        ("一是加强领导。\n二是完善制度。", "一是加强领导。\n二是完善制度。"),
    ],
)
def test_trim_closing(body, kept):
    assert body[: trim_closing(body, 0, len(body))] == kept


@pytest.mark.parametrize(
    ("s", "n"), [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十三", 23), ("是", 0), ("", 0)]
)
def test_cn_number(s, n):
    assert cn_number(s) == n


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("报告2022年工作。\n某县人民政府\n2023年1月5日", 2023),  # the publication year is the latest
        ("报告2022年工作,落实《规划(2021-2025年)》。", 2023),  # no date: latest year (not the range) + 1
        ("发布时间:2022-02-24\n报告2021年工作。", 2022),  # an ISO date
        ("没有年份", None),
    ],
)
def test_guess_year(text, year):
    assert guess_year(text) == year


REPORT = (
    "某县2023年法治政府建设年度报告\n"
    "一、主要举措和成效\n推进“放管服”改革。\n"
    "二、{heading}\n"
    "{opening}"
    "(一)深化“放管服”改革。落实《某县行政规范性文件管理办法》。\n"
    "(二)提升行政复议办案质效。办理行政复议案件不少于10件。\n"
    "某县人民政府\n2024年1月20日\n"
)


@pytest.mark.parametrize(
    ("heading", "opening", "report_year", "year"),
    [
        ("下一年度工作安排", "", 2023, 2024),  # the report's year + 1
        ("2025年度初步安排", "", 2023, 2025),  # a year in the heading wins
        ("下一步工作思路", "2024年,我县将继续努力。\n", None, 2024),  # the first sentence's year
        ("下一步工作思路", "新的一年里,2025年我县将继续努力。\n", None, 2025),
        ("下一步工作思路", "2025年,我县将继续努力。\n", 2023, 2024),  # the report's year wins
        ("下一步工作思路", "", None, 2024),  # a guess from the document: the signature date's year
    ],
)
def test_plan_year(heading, opening, report_year, year):
    doc = build_document(REPORT.format(heading=heading, opening=opening), "t.txt")
    report = ReportMeta(id="t", title="", jurisdiction="某县", year=report_year)
    got = find_commitments(doc, report, (), (), ())
    assert [c.year for c in got] == [year, year]


def test_find_commitments_text_provenance_and_concerns():
    doc = build_document(REPORT.format(heading="下一年度工作安排", opening=""), "t.txt")
    text = doc.text

    def prov(surface: str, nth: int = 0) -> Provenance:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return doc.provenance(start, start + len(surface))

    # listed once, at its first mention in the measures section: still named by item (一)
    programmes = (ProgrammeMention("放管服改革", surface="“放管服”改革", prov=prov("“放管服”改革", 0)),)
    laws = (
        LawMention(
            "某县行政规范性文件管理办法", "policy_document", prov=prov("《某县行政规范性文件管理办法》")
        ),
    )
    metrics = (MetricMention(10, "件", "办理行政复议案件", indicator="行政复议案件数", prov=prov("10件")),)
    got = find_commitments(
        doc, ReportMeta(id="t", title="", jurisdiction="某县", year=2023), laws, programmes, metrics
    )
    assert [c.text for c in got] == ["深化“放管服”改革", "提升行政复议办案质效"]
    assert [c.ordinal for c in got] == [1, 2]
    assert got[0].concerns == (
        Concern("Programme", "放管服改革"),
        Concern("Law", "某县行政规范性文件管理办法"),
    )
    assert got[1].concerns == (Concern("Indicator", "行政复议案件数"),)
    for c in got:
        assert text[c.prov.start : c.prov.end] == c.text and c.prov.section == "plans"


def test_no_plans_section_no_commitments():
    doc = build_document("某县报告\n一、主要举措和成效\n(一)加强领导。\n(二)完善制度。\n", "t.txt")
    assert find_commitments(doc, ReportMeta(id="t", title="", jurisdiction=None, year=2023), (), (), ()) == ()


def _bigrams(s: str) -> set[str]:
    s = "".join(c for c in s if c.isalnum())
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


@pytest.mark.parametrize(("folder", "gold_folder"), [("seeds", "gold"), ("corpus", "corpus/gold")])
def test_against_gold(folder, gold_folder):
    """Every required gold commitment (read from ../shared in place) is found, with its year."""
    gold_dir = shared_path(*gold_folder.split("/"))
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        if "commitments" not in gold:
            continue
        path = shared_path(folder, f"{gold_path.stem}.txt")
        doc = build_document(read_report(path), path.name)
        report = ReportMeta(id=doc.id, title="", jurisdiction=None, year=gold["report"]["year"])
        got = find_commitments(doc, report, (), (), ())
        for g in (g for g in gold["commitments"] if not g.get("optional")):
            best = max((len(_bigrams(g["text"]) & _bigrams(c.text)) / min(len(_bigrams(g["text"])), len(_bigrams(c.text)))
                        for c in got if c.year == g["year"]), default=0)  # fmt: skip
            assert best >= 0.6, (path.name, g["text"])
        assert len(got) <= len(gold["commitments"]), path.name


def test_plans_part_of_a_mixed_section():
    """A section on problems and plans: only the items under its plans sub-heading are commitments."""
    text = (
        "某县2023年法治政府建设年度报告\n一、主要举措和成效\n推进改革。\n"
        "二、存在的问题和下一步打算\n(一)存在的问题\n1.执法队伍不足。\n2.宣传不够。\n"
        "(二)下一步打算\n1.加强执法队伍建设。\n2.深化法治宣传。\n"
    )
    doc = build_document(text, "t.txt")
    got = find_commitments(doc, ReportMeta(id="t", title="", jurisdiction=None, year=2023), (), (), ())
    assert [c.text for c in got] == ["加强执法队伍建设", "深化法治宣传"]


def test_heading_running_on_into_the_items():
    text = "某县报告\n一、主要举措和成效\n推进改革。\n二、下一步打算。一是加强学法；二是规范执法。\n"
    doc = build_document(text, "t.txt")
    got = find_commitments(doc, ReportMeta(id="t", title="", jurisdiction=None, year=2023), (), (), ())
    assert [(c.text, c.year) for c in got] == [("加强学法", 2024), ("规范执法", 2024)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("提高行政机关负责人出庭应诉率,推动实现出庭又出声", {"出庭应诉率"}),  # a rate named without a number
        ("力争调解成功率保持在98%以上", {"调解成功率"}),
        ("学习贯彻习近平法治思想,办理人大代表建议", set()),  # count indicators need a number
    ],
)
def test_rate_indicator_words(item, expected):
    if not rate_indicators():
        pytest.skip("the metrics lexicon (data/indicators.tsv) has no rate indicators")
    names = {c.name for _, c in indicator_words(item, 0, len(item))}
    assert {e for e in expected if any(e in n for n in names)} == expected
    assert all(c.label == "Indicator" for _, c in indicator_words(item, 0, len(item)))
    if not expected:
        assert names == set()


def test_a_name_inside_a_longer_one_is_not_a_concern_of_its_own():
    text = "某县报告\n一、下一年度工作安排\n(一)推行“容缺受理+全代办”改革。\n(二)深化执法改革。\n"
    doc = build_document(text, "t.txt")
    outer = doc.text.index("“容缺受理+全代办”改革")
    inner = doc.text.index("全代办")
    programmes = (
        ProgrammeMention(
            "容缺受理+全代办改革",
            surface="“容缺受理+全代办”改革",
            prov=doc.provenance(outer, outer + len("“容缺受理+全代办”改革")),
        ),
        ProgrammeMention("全代办", surface="全代办", prov=doc.provenance(inner, inner + 3)),
    )
    got = find_commitments(
        doc, ReportMeta(id="t", title="", jurisdiction=None, year=2023), (), programmes, ()
    )
    assert got[0].concerns == (Concern("Programme", "容缺受理+全代办改革"),)
