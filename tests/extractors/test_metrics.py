"""Metrics: quantities, exclusions, raw names, indicators, scope, year, provenance.

Sentences are our own; the seeds and corpus 042 are read from ../shared in place at the end.
"""

from __future__ import annotations

import importlib.util
import json
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.extractors.document import build_document
from govkg.extractors.load import read_report
from govkg.extractors.metrics import find_metrics, find_targets
from govkg.extractors.records import MetricMention, ReportMeta, item_to_dict
from tests.conftest import shared_path

REPORT = ReportMeta(id="t", title="", jurisdiction=None, year=2023)


def metrics(text: str, year: int | None = 2023) -> tuple[MetricMention, ...]:
    doc = build_document(text, "t.txt")
    return find_metrics(doc, ReportMeta(id="t", title="", jurisdiction=None, year=year))


def pairs(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in metrics(text)]


# ---------------------------------------------------------------- values, units, approximations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年共收到行政复议申请64件。", [(64, "件")]),
        ("全县共归集执法检查数据12.6万余条。", [(126000, "条")]),
        ("热线共接听市民来电60余万件,办结率98%。", [(600000, "件"), (98, "%")]),
        ("涉案金额4127余万元。", [(41270000, "元")]),
        ("举办两批次执法资格考试。", [(2, "批次")]),
        ("开展普法讲座三场。", [(3, "场")]),
        ("收缴违禁物品十二件。", [(12, "件")]),
        ("培训网格员一百余人。", [(100, "人")]),
        ("解答法律咨询1.4万余人次。", [(14000, "人次")]),
        ("办理时限压缩至1.5个工作日。", [(1.5, "个工作日")]),
        ("胜诉率较上年提高3.18个百分点。", [(3.18, "个百分点")]),
        ("发放宣传资料1,200份。", [(1200, "份")]),
        ("评查执法案卷280卷。", [(280, "卷")]),
        ("联合五部门开展检查。", [(5, "个")]),  # a bare-noun count of departments
        ("群众满意度达到百分之九十五。", [(95, "%")]),
        ("矛盾纠纷化解率达百分之百。", [(100, "%")]),
        ("出具法律意见210件次。", [(210, "件次")]),
        ("下放审批事项7项、取消证明材料4项。", [(7, "项"), (4, "项")]),  # a list is several metrics
        ("抽查企业40家次。", [(40, "家次")]),
        ("培训网格员2千余人。", [(2000, "人")]),
        # scraped spaces inside the quantity
        ("没收违法所得 6 万元。", [(60000, "元")]),
        ("印发宣传折页 300 余万份。", [(3000000, "份")]),
        ("服务往来群众近 200 万人次。", [(2000000, "人次")]),
        ("审查合同 45 件。", [(45, "件")]),
        # a bare 百/千/万 before 余/多 is a round number
        ("开展送法下乡百余场。", [(100, "场")]),
        ("惠及企业千余家。", [(1000, "家")]),
        ("受理来信万余件。", [(10000, "件")]),
        ("帮扶群众百多人。", [(100, "人")]),
        # a range is one quantity, recorded by its upper bound
        ("每月开展2-4次巡查。", [(4, "次")]),
        ("办理时限压缩至三至五个工作日。", [(5, "个工作日")]),
        ("各站点配备1~2名调解员。", [(2, "名")]),
        # a zero rate written without its %
        ("行政诉讼败诉率为0。", [(0, "%")]),
        ("窗口差评率为零,好评率99%。", [(0, "%"), (99, "%")]),
        # percentages in words, with decimals
        ("群众满意度达到百分之九十八点五。", [(98.5, "%")]),
        # 届 before a count that is not a session: the count stands
        ("选聘新一届8名法律顾问。", [(8, "名")]),
        # less common measure words (data/units.tsv)
        ("为公务员开设8门法律课程。", [(8, "门")]),
        ("讲授法治课12堂。", [(12, "堂")]),
        ("完成法治培训32学时。", [(32, "学时")]),
        ("办结用时缩短至4个小时。", [(4, "小时")]),
    ],
)
def test_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("共办理案件300余件。", "余"),
        ("审核各类文件90多件。", "多"),
        ("群众满意率达98%以上。", "以上"),
        ("抽检食品近350批次。", "近"),
        ("信息公开申请同比增长约300%。", "约"),
        ("共审核合同超过350项。", "超"),
        ("受理投诉逾百件。", None),  # 百 alone is not a number: no quantity at all
        ("参加培训300人左右。", "约"),
        ("办理案件56件。", None),
        ("最近3次会议均研究法治工作。", None),  # 最近 is not 近
    ],
)
def test_approx(text: str, approx: str | None) -> None:
    found = metrics(text)
    if "逾百" in text:
        assert found == ()
    else:
        assert found[0].approx == approx


# every measure word of data/units.tsv is read after a number, and recorded as its unit
def _unit_rows() -> list[tuple[str, str]]:
    rows = files("govkg.extractors").joinpath("data/units.tsv").read_text("utf-8").splitlines()
    return [(r.split("\t")[0], r.split("\t")[1]) for r in rows if r and not r.startswith("#")]


@pytest.mark.parametrize(("surface", "unit"), _unit_rows())
def test_every_unit_row(surface: str, unit: str) -> None:
    assert pairs(f"全年共完成37{surface},成效明显。") == [(37, unit)]


# ---------------------------------------------------------------- what is not a metric


@pytest.mark.parametrize(
    "text",
    [
        "2021年7月1日,我区全面推开改革。",  # dates and years
        "召开领导小组第三、四、五次会议。",  # ordinals, also in a list
        "第3次会议审议通过。",
        "贯彻县委九届四次、五次全会精神。",  # sessions of a committee
        "依照条例第十二条规定。",  # article references
        "一是抓学法用法。",  # list markers
        "严格执行行政执法三项制度。",  # numbered names (data/number_names.tsv)
        "增强四个意识、坚定四个自信、做到两个维护。",
        "统筹推进五位一体总体布局。",
        "大力推行“一件事一次办”改革。",  # inside a quoted name
        "落实《关于优化营商环境的十条措施》。",  # inside a title
        "落实“码上监督”十条措施要求。",  # a policy package named by a Chinese count
        "从两个方面加以改进。",  # aspects structure the text
        "打赢三场硬仗。",  # campaign slogans
        "需要三番五次催报。",  # idioms
        "整合形成“1+8”执法队伍构架。",  # 1+8 is a name
        "落实“柔性执法”3.0版监管品牌。",
        "拨打12345政务服务便民热线。",
        "实施“十四五”规划。",
        "每个乡镇只设一个综合执法队。",  # a bare 一 is an article, not a count
        "离执法人员总数8%的标准仍有差距。",  # a quoted standard
        "持证率不低于85%。",  # a required minimum
        "力争行政复议调解和解率提高到30%以上。",  # a target
        "每季度至少召开调度会1次。",  # a requirement
        "位居全省前三名。",  # a rank
        "实现一次性告知。",
        "修订条例3条例。",  # 条例 is not 条 + 例
        "打造15分钟公共法律服务圈。",  # a service-radius formula
        "参加活动的群众数百余人。",  # 数百 is vague
        "法治宣传走进千家万户。",  # 千/万 in idioms
        "召开区委八届五次、六次全会。",  # sessions after 届
        "执法案卷优良率尚未达到90%。",  # a level not reached is a standard
    ],
)
def test_not_metrics(text: str) -> None:
    assert pairs(text) == []


def test_plans_section_is_skipped() -> None:
    text = "一、主要举措和成效\n共收到行政复议申请64件。\n二、下一年度工作安排\n计划举办培训班10期。"
    assert pairs(text) == [(64, "件")]


# ---------------------------------------------------------------- raw names


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        ("今年,县本级共收到行政复议申请64件。", ["县本级共收到行政复议申请"]),
        ("共答复21件市人大代表建议和17件市政协提案。", ["共答复21件市人大代表建议", "17件市政协提案"]),
        ("其中党组学习2次、支部学习法规7次。", ["党组学习", "支部学习法规"]),
        (
            "对90多件重大项目、行政协议等进行了合法性审核。",
            ["对90多件重大项目、行政协议等进行了合法性审核"],
        ),
        ("不予受理9宗(其中告知6宗),受理70宗。", ["不予受理", "告知", "受理"]),
        # the verb linking a name to its figure is not part of the name
        ("行政复议调解和解率达32.1%。", ["行政复议调解和解率"]),
        ("案件办结率提升至99%。", ["案件办结率"]),
        ("检查商铺、市场、景区共 86 个。", ["检查商铺、市场、景区"]),
        # a list of nouns before a single count is all named (、 joins nouns, not quantities)
        ("开展宪法宣传、民法典宣传等活动50场。", ["开展宪法宣传、民法典宣传等活动"]),
        # …but the 为 of 行为 and the 达 of 送达 end words of their own
        ("查处交通违法行为312起。", ["查处交通违法行为"]),
        ("向当事人送达120件。", ["向当事人送达"]),
        # an aside in brackets breaks no clause, and a long one is no part of the name
        ("扣押涉案物品(一种珊瑚的碎枝,属保护动物)价值 6000 多万元。", ["扣押涉案物品价值"]),
        ("10余个部门参与。", ["10余个部门参与"]),  # the 与 of 参与 joins no list
        # names given one by one to a run of figures (分别为)
        ("参考率、合格率分别为98%、96%。", ["参考率", "合格率"]),
    ],
)
def test_raw(text: str, raws: list[str]) -> None:
    assert [m.raw for m in metrics(text)] == raws


def test_rates_sharing_one_figure_are_several_metrics() -> None:
    found = metrics("重大决策合法性审查率、公开征求意见率和专家论证率达100%。")
    assert [(m.raw, m.value, m.unit) for m in found] == [
        ("重大决策合法性审查率", 100, "%"),
        ("公开征求意见率", 100, "%"),
        ("专家论证率", 100, "%"),
    ]


def test_respective_names_give_indicators() -> None:
    found = metrics("本年度收到行政复议申请、行政诉讼案件分别为41件和27件。")
    assert [(m.value, m.indicator) for m in found] == [(41, "行政复议案件数"), (27, "行政诉讼案件数")]


def test_rates_with_their_own_figures_are_not_split() -> None:
    assert pairs("参考率、合格率分别为98%、96%。") == [(98, "%"), (96, "%")]


# ---------------------------------------------------------------- indicators (data/indicators.tsv)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("全年共受理行政复议申请39件。", "行政复议案件数"),
        ("应诉行政诉讼一审案件33件。", "行政诉讼案件数"),
        ("县行政机关负责人出庭应诉率达96%。", "行政机关负责人出庭应诉率"),
        ("行政诉讼案件败诉率2.6%。", "行政诉讼败诉率"),
        ("指派法律援助案件860件。", "法律援助案件数"),
        ("接待来访、来电法律咨询2300余人次。", "法律咨询人次"),
        ("各级调解组织共排查化解矛盾纠纷3120件。", "矛盾纠纷排查化解数"),
        ("人民调解成功率99.1%。", "调解成功率"),
        ("本年度备案审查县政府规范性文件9件。", "规范性文件审查数"),
        ("共审核重大行政决策和行政协议58件。", "合法性审查数"),
        ("县政府聘请法律顾问9名。", "法律顾问人数"),
        ("收到政府信息公开申请35件。", "政府信息公开申请数"),
        ("收到政府信息公开申请35件,按期答复率100%。", "政府信息公开答复率"),
        ("县政府常务会议会前学法5次。", "学法次数"),
        ("开展各类普法宣传活动180余场。", "普法宣传活动场次"),
        ("举办行政执法人员业务培训4场。", "执法人员培训次数"),
        ("办理县人大代表建议73件。", "人大代表建议办理数"),
        ("办理县政协提案58件。", "政协提案办理数"),
        ("建议提案办复率100%。", "建议提案办复率"),
        ("12345热线受理市民诉求9.4万件。", "热线诉求受理数"),
        ("热线受理市民诉求9.4万件,办结率98.6%。", "热线诉求办结率"),
        ("群众对村务公开的满意率达98%。", "满意率"),
        ("组织开展法治宣传进社区、进学校等活动15场次。", "普法宣传活动场次"),
        ("举办国家宪法日、民法典宣传月等活动20场。", "普法宣传活动场次"),
        ("依托普法讲师团深入基层宣讲,共举办系列主题活动30场次。", "普法宣传活动场次"),
        ("累计组织学习法律法规10次,其中党组学习4次。", "学法次数"),
        ("党组专题学习《行政复议法》2次。", "学法次数"),
        ("全年新收行政复议78件。", "行政复议案件数"),
        ("行政复议立案65件。", "行政复议案件数"),
        ("人民调解委员会受理调解案件560件。", "矛盾纠纷排查化解数"),
        ("承办人大建议56件。", "人大代表建议办理数"),
        ("开展“宪法进万家”活动30场。", "普法宣传活动场次"),
        ("开展以案释法活动20场。", "普法宣传活动场次"),
    ],
)
def test_indicator(text: str, indicator: str) -> None:
    assert metrics(text)[-1].indicator == indicator


@pytest.mark.parametrize(
    "text",
    [
        "各部门负责人出庭应诉案件27件。",  # a count of appearances, not of lawsuits
        "行政诉讼案件中判决行政机关败诉15件。",
        "立案前化解行政纠纷2件。",  # 行政纠纷 is not a 矛盾纠纷
        "开展法制审核人员业务培训3次。",  # not 执法人员: their legal reviewers
        "举办审查人员专题培训2次。",
        "全县26个村(社区)实现法律顾问全覆盖。",
        "发放普法资料5200余份。",
        "窗口服务好评率99.6%。",
        "签订帮办代办协议8项。",
        "行政复议调解和解率达32.1%。",  # not one of the 22 indicators
        ("解答群众咨询400余人次。"),
        # 学法 is studying law: political study sessions are not 学法
        "开展“第一议题”学习30次。",
        "党委理论学习中心组集中学习党代会报告3次。",
        "党组会学习重要讲话精神5次。",
        "办理行政复议调解案件12件。",  # mediation inside reconsideration is not a 矛盾纠纷 count
        # activities in a sentence about something else
        "全年开展执法检查活动12场。",
    ],
)
def test_no_indicator(text: str) -> None:
    assert [m.indicator for m in metrics(text)] == [None]


# ---------------------------------------------------------------- scope and year


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("今年,县本级共收到行政复议申请64件。", "县本级"),
        ("应诉区政府本级行政诉讼案件21件。", "区本级"),
        ("全县现有人民调解组织35个。", "全县"),
        ("上线市级集成套餐615个。", "市级"),
        ("全年共办理案件56件。", None),
        ("建成村级调解组织35个。", "村级"),
        ("全村共调处纠纷12件。", "全村"),
        ("全县各级调解组织共排查矛盾纠纷2380件,调解成功率99.1%。", "全县"),
    ],
)
def test_scope(text: str, scope: str | None) -> None:
    assert metrics(text)[-1].scope == scope


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2022年,共办理案件56件。", 2022),
        ("全年共办理案件56件。", 2023),  # the report's year
        ("出庭应诉率99.5%,较2021年同期提高5.27个百分点。", 2023),  # a comparison does not date it
        ("对2007—2021年印发的99份文件进行清理。", 2023),  # nor does a range
        ("2020年以来共收到投诉150余宗。", 2023),  # nor a start of a running total
    ],
)
def test_year(text: str, year: int) -> None:
    assert metrics(text)[-1].year == year


# ---------------------------------------------------------------- provenance


def test_provenance_points_at_the_surface() -> None:
    text = "一、主要举措和成效\n今年,县本级共收到行政复议申请64件,同比增长约12%。"
    doc = build_document(text, "t.txt")
    for m in find_metrics(doc, REPORT):
        assert doc.text[m.prov.start : m.prov.end] == m.surface
        assert m.surface in m.prov.evidence
        assert m.prov.section == "measures"


_PIECES = st.sampled_from(
    ["共办理", "案件", "56", "3.1万", "余", "多", "件", "次", "%", "人次", "两", "十二", "一", "第", "、",
     ",", "。", "\n", "“", "”", "(", ")", "其中", "满意率", "2021年", "约", "以上", "个工作日", "部门"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_offsets_always_inside_the_text(pieces: list[str]) -> None:
    doc = build_document("".join(pieces), "t.txt")
    for m in find_metrics(doc, REPORT):
        assert 0 <= m.prov.start < m.prov.end <= len(doc.text)
        assert doc.text[m.prov.start : m.prov.end] == m.surface
        assert m.value >= 0


# ---------------------------------------------------------------- the seeds and corpus 042


def _score_module():
    spec = importlib.util.spec_from_file_location("score", shared_path("tools", "score.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reports() -> list[tuple[Path, Path]]:
    seeds = shared_path("seeds")
    out = [(p, shared_path("gold", p.stem + ".json")) for p in sorted(seeds.glob("*.txt"))]
    out.append((shared_path("corpus", "042.txt"), shared_path("corpus", "gold", "042.json")))
    return out


def test_seeds_and_042_scores() -> None:
    """Metrics F1 >= 0.97 and indicators F1 >= 0.85 on the seeds and on 042 (score.py's matching)."""
    score = _score_module()
    totals: dict[str, list[int]] = {}
    for txt, gold_path in _reports():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = build_document(read_report(txt), txt.name)
        meta = ReportMeta(id=doc.id, title="", jurisdiction=None, year=gold["report"]["year"])
        pred = [item_to_dict(m) for m in find_metrics(doc, meta)]
        res = score.score_report({"metrics": gold["metrics"]}, {"metrics": pred})
        group = "042" if txt.name == "042.txt" else "seeds"
        for kind in ("metrics", "indicators"):
            tp, fn, fp = res[kind]
            t = totals.setdefault(f"{group}/{kind}", [0, 0, 0])
            t[0], t[1], t[2] = t[0] + tp, t[1] + len(fn), t[2] + len(fp)
    for key, (tp, fn, fp) in totals.items():
        f1 = score.prf(tp, fn, fp)[2]
        assert f1 >= (0.97 if key.endswith("metrics") else 0.85), (key, tp, fn, fp)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年共收到行政复议申请 64 件。", [(64, "件", "全年共收到行政复议申请")]),  # scraped spaces
        ("行政复议案件:41件;行政诉讼案件:27件。", [(41, "件", "行政复议案件"), (27, "件", "行政诉讼案件")]),
        ("明确年度重点任务6大类38项。", [(6, "类", "明确年度重点任务"), (38, "项", "")]),
        ("实现两个100%。", [(100, "%", "")]),  # the 两个 counts the figures, not work done
        ("召开第 3 次会议,审议议题5项。", [(5, "项", "审议议题")]),
    ],
)
def test_layout_variants(text: str, expected: list[tuple[float, str, str]]) -> None:
    got = [(m.value, m.unit, m.raw) for m in metrics(text)]
    assert [(v, u) for v, u, _ in got] == [(v, u) for v, u, _ in expected]
    assert [r for _, _, r in got][0] == expected[0][2] or not expected[0][2]


def test_lead_connector_keeps_words() -> None:
    # 及 of 及时 is not a connector; 其中 is
    assert [m.raw for m in metrics("及时办理热线转办件386件,其中重点件12件。")] == [
        "及时办理热线转办件",
        "重点件",
    ]


@pytest.mark.parametrize("text", ["建立四张清单一张网。", "落实两个责任。", "坚持两个毫不动摇。"])
def test_more_numbered_names(text: str) -> None:
    assert pairs(text) == []


def test_other_legal_matters_are_legality_reviews() -> None:
    found = metrics("市本级共审查规范性文件48件、政府合同215件、其他涉法事项430余件。")
    assert [m.indicator for m in found] == ["规范性文件审查数", "合法性审查数", "合法性审查数"]


def test_targets_are_kept_apart() -> None:
    text = (
        "一、主要举措和成效\n行政机关负责人出庭应诉率95%,力争明年达到98%。\n"
        "二、下一年度工作安排\n一是力争负责人出庭应诉率达到100%。二是举办培训班10期。"
    )
    doc = build_document(text, "t.txt")
    assert [(m.value, m.year) for m in find_metrics(doc, REPORT)] == [(95, 2023)]
    targets = find_targets(doc, REPORT)
    assert [(m.value, m.unit, m.year) for m in targets] == [
        (98, "%", 2023),
        (100, "%", 2024),
        (10, "期", 2024),
    ]
    assert targets[1].indicator == "行政机关负责人出庭应诉率"


def test_a_restated_figure_is_one_metric() -> None:
    text = "全年共收到行政复议申请64件。\n全年共收到行政复议申请64件。\n县本级共收到行政复议申请64件。"
    assert [m.raw for m in metrics(text)] == ["全年共收到行政复议申请", "县本级共收到行政复议申请"]
