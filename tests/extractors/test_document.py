"""Document structure: headings, their levels and the section kind at every offset."""

from __future__ import annotations

import pytest

from govkg.extractors.document import build_document, classify_heading, split_sentences

MIXED = """2021年,我区推进法治政府建设。现报告如下。
一、工作举措成效和主要负责人履行法治建设第一责任人职责情况
(一)区长履行法治建设第一责任人职责
全年召开专题会议4次。
(二)优化政务服务流程
办理审批事项120件。
二、存在的不足和原因
执法队伍专业化程度不高。
三、下一年度工作安排
(一)加强行政复议工作
力争调解率提高。
特此报告。"""

RESTARTED = """一、主要工作
全年办理案件10件。
二、下一步工作安排
一、深化放管服改革
二、加强执法监督
三、其他事项"""

NESTED_PLANS = """一、主要举措
开展普法活动3场。
二、存在问题和下一步打算
(一)存在问题
基层力量薄弱。
(二)下一步工作打算
1.加强队伍建设
2.完善制度"""


def kind_of(text: str, needle: str) -> str:
    doc = build_document(text, "t.txt")
    return doc.section_at(doc.text.index(needle))


@pytest.mark.parametrize(("text", "needle", "kind"), [
    (MIXED, "2021年,我区", "other"),                   # preamble before the first heading
    (MIXED, "全年召开专题会议", "leadership"),           # duty sub-heading under a mixed part
    (MIXED, "办理审批事项", "measures"),                 # other sub-headings of a mixed part
    (MIXED, "执法队伍专业化", "shortcomings"),
    (MIXED, "力争调解率", "plans"),                      # plans sub-headings inherit plans
    (RESTARTED, "二、加强执法监督", "plans"),            # numbering restarts: items, not new parts
    (RESTARTED, "三、其他事项", "plans"),
    (NESTED_PLANS, "基层力量薄弱", "shortcomings"),
    (NESTED_PLANS, "2.完善制度", "plans"),               # a plans sub-part inside another part
    (NESTED_PLANS, "开展普法活动", "measures"),
])  # fmt: skip
def test_section_kinds(text, needle, kind):
    assert kind_of(text, needle) == kind


@pytest.mark.parametrize(("heading", "kind"), [
    ("一、主要举措和成效", "measures"),
    ("二、存在的不足和原因", "shortcomings"),
    ("三、主要负责人履行法治建设第一责任人职责的情况", "leadership"),
    ("四、2026年法治政府建设工作计划", "plans"),
    ("四、2024年工作谋划", "plans"),
    ("三、下一步工作设想", "plans"),
    ("、下一步工作思路", "plans"),
    ("五、本年度获得的荣誉和表彰", "other"),
])  # fmt: skip
def test_classify_heading(heading, kind):
    assert classify_heading(heading) == kind


@pytest.mark.parametrize(("line", "level"), [
    ("一、基本情况", 1),
    ("(一)加强组织领导", 2),
    ("七)科学制定规划", 2),    # a scraped heading that lost its opening bracket
    ("1.强化法治学习", 3),
    ("一是强化学法。落实会前学法", 0),
    ("2021年,我市", 0),
    ("、下一步工作计划", 1),  # a heading whose numeral was lost: its words fix a kind
    ("、王五等同志参加了培训", 0),  # a stray 、 at a line start opens no part
])  # fmt: skip
def test_heading_levels(line, level):
    doc = build_document(line + "\n正文。", "t.txt")
    assert [h.level for h in doc.headings] == ([level] if level else [])


def test_sentences_cover_the_text_and_end_at_full_stops():
    text = "一是抓学法。二是抓统筹!\n三是抓创建"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["一是抓学法。", "二是抓统筹!", "三是抓创建"]


def test_provenance_points_at_the_mention_inside_its_sentence():
    doc = build_document(MIXED, "t.txt")
    start = doc.text.index("审批事项")
    prov = doc.provenance(start, start + 4)
    assert doc.text[prov.start : prov.end] == "审批事项" and "审批事项" in prov.evidence
