"""Tracing commitments to outcomes: pure functions over one jurisdiction's reports.

"What did this county promise for 2022, and what does its 2022 report show?"
A commitment (a plan item of the report for year Y, for year Y+1 unless it
says otherwise) is followed in the reports ABOUT THE SAME jurisdiction (same
key: adcode or qualified name) whose year is the commitment's year. Nothing
else counts: not a same-named district elsewhere, not the parent city, not a
report that merely mentions the place. Callers (``graph/tracing.py``) hand in
the reports of one jurisdiction key, so mixing is impossible here by
construction. Among them, the government's plan items are followed in the
government's own reports and a department's (区司法局) in that department's
(:func:`same_issuer`).

What a later report can show, strongest first:

- ``indicator``: a figure for the indicator the commitment set a target for
  (the Indicator it concerns, or an indicator/raw name it states together with
  a number) -> status ``progressed``;
- ``entity``: a programme it named, reported as carried out (measures or
  leadership section) -> ``done``;
- ``law``: an instrument it promised to make (制定/出台/修订/废止) with the same
  action in the later report -> ``done`` (one it promised to implement: any outcome
  mention);
- ``text``: a sentence of the later report's measures that says the same thing
  (TF-IDF cosine >= :data:`TEXT_THRESHOLD`) -> ``done``; figures and programmes
  in that sentence that share a topic word with the commitment are linked too.

Anything named only under 存在的不足, in the plans, or in the preamble is
``mentioned``; nothing at all is ``not_mentioned``; no later report of that
jurisdiction and year is ``no_later_report``.

Links (``Link``) become ``(:Commitment)-[:FOLLOWED_BY {report, match, score,
evidence}]->(Metric|Programme|Law)``; the text evidence (matching sentences,
with or without an entity) stays on the commitment's trace. Within one
report, :func:`answers` finds the shortcomings (存在的不足 sentences) a plan item
answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from govkg.extractors.patterns.trace import COUNT_TARGET, DEPARTMENT_ISSUER, HANZI, ITEM_START, RATE_TARGET
from govkg.extractors.records import ExtractionRecord
from govkg.extractors.similarity import Comparer
from govkg.graph.rows import commitment_key, metric_key

# Calibrated on tests/data/trace (南京市鼓楼区 2022->2023) and examples/reports (安吉县
# 2022->2023), checked on ../shared/corpus 043->094 (深圳市龙华区 2019->2020). The best
# sentence of a true match scored 0.47-0.79, headings of the right part 0.36-0.46, the
# best unrelated sentence 0.30 (0.34 for the next year's plan item on the same topic).
TEXT_THRESHOLD = 0.38
# A plan item and the shortcoming it answers share fewer words (the shortcoming names
# the problem, the plan the remedy): on the written pairs true pairs scored 0.22-0.75, all
# others 0.09 or less; on the real seeds and corpus 042, 4 items passed (3 right, 1 near),
# while true pairs at 0.11-0.17 are missed, as are wrong ones at 0.13-0.15.
ANSWER_THRESHOLD = 0.2
MAX_EVIDENCE = 3
# Two department issuers are the same department if their names end alike for this many
# characters (区司法局 / 铜梁区司法局 share 区司法局; 司法局 / 市场监督管理局 only 局).
MIN_ORGAN_SUFFIX = 3
# A text match needs this many content words in common, whatever its score.
MIN_SHARED_WORDS = 2

STATUSES = ("no_later_report", "not_mentioned", "mentioned", "done", "progressed")
# Sections whose sentences report what was done. Shortcomings, plans and the
# preamble/signature ("other") only name things.
OUTCOME_SECTIONS = frozenset({"measures", "leadership"})
# What a promised action on an instrument is fulfilled by (制定 is fulfilled by 出台, a draft by enacting).
FULFILS: dict[str, frozenset[str]] = {
    "enact": frozenset({"enact"}),
    "draft": frozenset({"draft", "enact"}),
    "revise": frozenset({"revise", "enact"}),
    "repeal": frozenset({"repeal"}),
    "cite": frozenset({"cite", "enact", "draft", "revise", "repeal"}),
}
# An indicator name overlaps a plan item if they share this many hanzi in a row
# (出庭应诉率, 调解和解率), or the whole name if it is shorter (办结率).
MIN_NAME_OVERLAP = 4


# --- inputs: one report's facts as the store holds them -----------------------


@dataclass(frozen=True, slots=True)
class PassageIn:
    section: str
    text: str
    start: int = -1  # -1 when the sentence comes from an edge's evidence, not the report's passages


@dataclass(frozen=True, slots=True)
class CommitmentIn:
    key: str
    ordinal: int
    text: str
    year: int | None = None
    start: int = 0
    concerns: tuple[tuple[str, str], ...] = ()  # (label, name): Programme, Law, Indicator


@dataclass(frozen=True, slots=True)
class MetricIn:
    key: str
    raw: str
    value: float
    unit: str
    indicator: str | None = None
    section: str = "other"
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class ProgrammeIn:
    name: str
    aliases: tuple[str, ...] = ()
    section: str = "other"
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class LawIn:
    title: str
    action: str = "cite"
    short: str | None = None
    aliases: tuple[str, ...] = ()
    section: str = "other"
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class ReportIn:
    id: str
    year: int | None
    commitments: tuple[CommitmentIn, ...] = ()
    metrics: tuple[MetricIn, ...] = ()
    programmes: tuple[ProgrammeIn, ...] = ()
    laws: tuple[LawIn, ...] = ()
    passages: tuple[PassageIn, ...] = ()
    issuer: str | None = None  # 南京市鼓楼区人民政府, 区司法局 ... (None: not stated)


# --- outputs ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """One FOLLOWED_BY: the commitment, the target node (label, key), the later report."""

    commitment: str
    label: str
    key: str
    report: str
    match: str  # indicator | entity | law | text
    score: float
    section: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that bears on a commitment: in the later report, or a shortcoming it answers."""

    report: str
    section: str
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class CommitmentTrace:
    key: str
    report: str
    year: int | None
    status: str
    later: str | None  # the later report the status comes from
    links: tuple[Link, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    answers: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class _Found:
    """What one later report shows for one commitment."""

    report: str
    links: list[Link] = field(default_factory=list)
    done: list[Evidence] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)

    def status(self) -> str:
        if any(x.match == "indicator" for x in self.links):
            return "progressed"
        if self.links or self.done:
            return "done"
        return "mentioned" if self.mentions else "not_mentioned"


# --- the whole jurisdiction -----------------------------------------------------


def trace_jurisdiction(
    reports: Sequence[ReportIn], words: Callable[[str], Sequence[str]]
) -> list[CommitmentTrace]:
    """Trace every commitment of ``reports`` (all ABOUT one jurisdiction) in the others.

    ``words`` segments text (pkuseg: ``Segmenter().words``); results are sorted by key."""
    words = _cached(words)
    out = []
    for r in sorted(reports, key=lambda x: x.id):
        bodies = {c.key: commitment_body(c, r) for c in r.commitments}
        own = _answers_comparer(r, bodies, words)
        pairs: dict[str, Comparer] = {}  # one IDF table per (this report, later report)
        for c in sorted(r.commitments, key=lambda x: x.key):
            year = commitment_year(c, r)
            found = []
            for x in later_reports_for(r, year, reports):
                if x.id not in pairs:
                    pairs[x.id] = pair_comparer(r, x, bodies, words)
                found.append(follow(c, bodies[c.key], r, x, pairs[x.id]))
            out.append(_result(c, r, year, found, answers(bodies[c.key], r, own)))
    return out


def pair_comparer(earlier: ReportIn, later: ReportIn, bodies: dict[str, str],
                  words: Callable[[str], Sequence[str]]) -> Comparer:  # fmt: skip
    """Word weights from the two reports' sentences and the plan items' texts."""
    return Comparer(
        words, [*bodies.values(), *(p.text for p in earlier.passages), *(p.text for p in later.passages)]
    )


def later_reports_for(report: ReportIn, year: int | None, reports: Sequence[ReportIn]) -> list[ReportIn]:
    """The reports a commitment of ``report`` for ``year`` is followed in: that year, same kind of issuer."""
    if year is None:
        return []
    return sorted((x for x in reports if x.id != report.id and x.year == year and same_issuer(report, x)),
                  key=lambda x: x.id)  # fmt: skip


def same_issuer(a: ReportIn, b: ReportIn) -> bool:
    """Both the government's own reports, or both reports of the same department (区司法局 = 铜梁区司法局)."""
    da, db = (bool(x.issuer and DEPARTMENT_ISSUER.search(x.issuer)) for x in (a, b))
    if da != db:
        return False
    return not da or _common_suffix(a.issuer or "", b.issuer or "") >= MIN_ORGAN_SUFFIX


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def commitment_year(c: CommitmentIn, report: ReportIn) -> int | None:
    """The year a commitment is for: as stated, else the year after the report's."""
    if c.year is not None:
        return c.year
    return report.year + 1 if report.year is not None else None


def _result(c: CommitmentIn, r: ReportIn, year: int | None, found: list[_Found],
            answered: tuple[Evidence, ...]) -> CommitmentTrace:  # fmt: skip
    if not found:
        return CommitmentTrace(c.key, r.id, year, "no_later_report", None, answers=answered)
    best = max(found, key=lambda f: (STATUSES.index(f.status()), -found.index(f)))
    links = tuple(sorted({x for f in found for x in f.links}, key=lambda x: (x.report, x.label, x.key)))
    evidence = _top([e for f in found for e in (f.done or f.mentions)])
    return CommitmentTrace(c.key, r.id, year, best.status(), best.report, links, evidence, answered)


def _top(items: Iterable[Evidence], n: int = MAX_EVIDENCE) -> tuple[Evidence, ...]:
    """The ``n`` best sentences, each once (its best score)."""
    best: dict[tuple[str, str], Evidence] = {}
    for e in sorted(items, key=lambda e: (-e.score, e.report, e.section, e.text)):
        best.setdefault((e.report, e.text), e)
    return tuple(best.values())[:n]


def _cached(words: Callable[[str], Sequence[str]]) -> Callable[[str], Sequence[str]]:
    memo: dict[str, Sequence[str]] = {}

    def cached(text: str) -> Sequence[str]:
        if text not in memo:
            memo[text] = words(text)
        return memo[text]

    return cached


# --- one commitment against one later report --------------------------------------


def commitment_body(c: CommitmentIn, report: ReportIn) -> str:
    """The plan item's whole text: its lead and the sentences of the same paragraph after it.

    The extractor keeps only the lead phrase (“(一)规范行政执法行为”); what the item
    promises is often in the sentences that follow it in the same paragraph, which
    the report's passages give (a paragraph ends where the next passage does not
    start right after the previous one: the line break between them is no passage)."""
    sentences = sorted((p for p in report.passages if p.start >= 0), key=lambda p: p.start)
    first = next((i for i, p in enumerate(sentences) if p.start <= c.start < p.start + len(p.text)), None)
    if first is None or c.text[:4] not in sentences[first].text:  # offsets lost (records read back from JSON)
        return c.text
    starts = sorted(x.start for x in report.commitments if x.start > c.start)
    stop = starts[0] if starts else None
    parts = [sentences[first].text]
    for prev, p in zip(sentences[first:], sentences[first + 1 :], strict=False):
        if p.start != prev.start + len(prev.text) or (stop is not None and p.start >= stop):
            break
        parts.append(p.text)
    return "".join(parts)


def follow(c: CommitmentIn, body: str, earlier: ReportIn, later: ReportIn, comparer: Comparer) -> _Found:
    """What ``later`` shows for commitment ``c`` (whose whole text is ``body``); ``comparer``: :func:`pair_comparer`."""
    found = _Found(later.id)
    concerns = set(c.concerns)
    _indicators(c, body, concerns, later, found)
    _programmes(c, concerns, later, found)
    _laws(c, body, concerns, earlier, later, found)
    _text(c, body, later, comparer, found)
    _keep_strongest(found)
    return found


def _indicators(
    c: CommitmentIn, body: str, concerns: set[tuple[str, str]], later: ReportIn, found: _Found
) -> None:
    units = {t.group("unit") for t in COUNT_TARGET.finditer(body)}
    if RATE_TARGET.search(body):
        units.add("%")
    for m in later.metrics:
        if m.section not in OUTCOME_SECTIONS:
            continue
        named = m.indicator is not None and ("Indicator", m.indicator) in concerns
        if not named and m.unit in units:
            named = any(_names_overlap(name, body) for name in (m.indicator, m.raw) if name)
        if named:
            found.links.append(
                Link(c.key, "Metric", m.key, later.id, "indicator", 1.0, m.section, m.evidence)
            )


def _names_overlap(name: str, body: str) -> bool:
    """The name and the plan item share MIN_NAME_OVERLAP hanzi in a row (or the whole short name)."""
    n = longest_common_run(name, body)
    return n >= MIN_NAME_OVERLAP or (n >= 3 and n == len(HANZI.findall(name)))


def longest_common_run(a: str, b: str) -> int:
    """Length of the longest run of hanzi that ``a`` and ``b`` share."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0] * (len(b) + 1)
        if HANZI.match(ch):
            for j, other in enumerate(b, 1):
                if other == ch:
                    cur[j] = prev[j - 1] + 1
                    best = max(best, cur[j])
        prev = cur
    return best


def _outcome_naming(names: Iterable[str], later: ReportIn) -> PassageIn | None:
    """The first sentence of ``later``'s outcome sections that names one of ``names``."""
    names = [n for n in names if n]
    for p in later.passages:
        if p.section in OUTCOME_SECTIONS and any(n in p.text for n in names):
            return p
    return None


def _programmes(c: CommitmentIn, concerns: set[tuple[str, str]], later: ReportIn, found: _Found) -> None:
    for label, name in sorted(concerns):
        if label != "Programme":
            continue
        for p in later.programmes:
            if p.name != name:
                continue
            if p.section in OUTCOME_SECTIONS:
                found.links.append(
                    Link(c.key, "Programme", p.name, later.id, "entity", 1.0, p.section, p.evidence)
                )
            elif outcome := _outcome_naming((p.name, *p.aliases), later):
                # the edge keeps one mention; another sentence may report it carried out
                found.links.append(Link(c.key, "Programme", p.name, later.id, "entity", 1.0, outcome.section,
                                        outcome.text))  # fmt: skip
            else:
                found.mentions.append(Evidence(later.id, p.section, p.evidence, 1.0))


def promised_action(law: str, body: str, earlier: ReportIn) -> str:
    """What the plan item promises to do with ``law``: the action the earlier report's plans state for it."""
    actions = {x.action for x in earlier.laws
               if x.title == law and x.section == "plans" and (x.evidence in body or body in x.evidence)}  # fmt: skip
    strong = sorted(actions - {"cite"})
    return strong[0] if strong else "cite"


def _laws(c: CommitmentIn, body: str, concerns: set[tuple[str, str]], earlier: ReportIn, later: ReportIn,
          found: _Found) -> None:  # fmt: skip
    for label, title in sorted(concerns):
        if label != "Law":
            continue
        wanted = FULFILS.get(promised_action(title, body, earlier), FULFILS["cite"])
        for x in later.laws:
            if x.title != title:
                continue
            if x.section in OUTCOME_SECTIONS and x.action in wanted:
                found.links.append(Link(c.key, "Law", x.title, later.id, "law", 1.0, x.section, x.evidence))
            else:
                found.mentions.append(Evidence(later.id, x.section, x.evidence, 1.0))


def _text(c: CommitmentIn, body: str, later: ReportIn, comparer: Comparer, found: _Found) -> None:
    topic = set(comparer.tokens(body))
    for p in later.passages:
        score = comparer.score(body, p.text)
        # one shared word is not "the same thing": a short heading (三是加强制度建设) that
        # shares only 制度 with a plan item scores high on that one word
        if score < TEXT_THRESHOLD or len(topic & set(comparer.tokens(p.text))) < MIN_SHARED_WORDS:
            continue
        ev = Evidence(later.id, p.section, p.text, score)
        if p.section not in OUTCOME_SECTIONS:
            found.mentions.append(ev)
            continue
        found.done.append(ev)
        for m in later.metrics:
            if _same_sentence(m.evidence, p.text) and topic & set(comparer.tokens(m.indicator or m.raw)):
                found.links.append(Link(c.key, "Metric", m.key, later.id, "text", score, p.section, p.text))
        for prog in later.programmes:
            if _in_sentence(prog, p.text) and _programme_named(prog, body, topic, comparer):
                found.links.append(
                    Link(c.key, "Programme", prog.name, later.id, "text", score, p.section, p.text)
                )


def _in_sentence(prog: ProgrammeIn, text: str) -> bool:
    return any(n and n in text for n in (prog.name, *prog.aliases))


def _programme_named(prog: ProgrammeIn, body: str, topic: set[str], comparer: Comparer) -> bool:
    """The plan item names the programme, or shares MIN_SHARED_WORDS of its name's words."""
    return _in_sentence(prog, body) or len(topic & set(comparer.tokens(prog.name))) >= MIN_SHARED_WORDS


def _same_sentence(a: str, b: str) -> bool:
    return bool(a) and a.strip() == b.strip()


def _keep_strongest(found: _Found) -> None:
    """One link per target: an indicator/entity/law match beats a text match of the same node."""
    rank = {"indicator": 0, "entity": 1, "law": 1, "text": 2}
    best: dict[tuple[str, str], Link] = {}
    for x in sorted(found.links, key=lambda x: (rank[x.match], -x.score, x.evidence)):
        best.setdefault((x.label, x.key), x)
    found.links[:] = sorted(best.values(), key=lambda x: (x.label, x.key))


# --- within one report: the shortcomings a plan item answers ------------------------


def _answers_comparer(r: ReportIn, bodies: dict[str, str], words: Callable[[str], Sequence[str]]) -> Comparer:
    return Comparer(
        words, [*bodies.values(), *(p.text for p in r.passages), *(p.text for p in _shortcomings(r))]
    )


def split_items(p: PassageIn) -> list[PassageIn]:
    """A sentence that lists several items (一是…；二是…) as one passage per item."""
    cuts = [0, *(m.start() for m in ITEM_START.finditer(p.text)), len(p.text)]
    parts = [(a, p.text[a:b].strip()) for a, b in zip(cuts, cuts[1:], strict=False)]
    return [PassageIn(p.section, t, p.start + a if p.start >= 0 else -1) for a, t in parts if t]


def _shortcomings(report: ReportIn) -> list[PassageIn]:
    return [x for p in report.passages if p.section == "shortcomings" for x in split_items(p)]


def answers(body: str, report: ReportIn, comparer: Comparer) -> tuple[Evidence, ...]:
    """The report's 存在的不足 sentences (or listed items) that the plan item ``body`` answers."""
    found = []
    for p in _shortcomings(report):
        score = comparer.score(body, p.text)
        if score >= ANSWER_THRESHOLD:
            found.append(Evidence(report.id, p.section, p.text, score))
    return _top(found)


# --- the reverse view ----------------------------------------------------------------


def unpromised(report: ReportIn, links: Iterable[Link]) -> list[tuple[str, str]]:
    """Outcomes of ``report`` (metrics, programmes carried out) that no commitment's link reaches."""
    reached = {(x.label, x.key) for x in links if x.report == report.id}
    out = [("Metric", m.key) for m in report.metrics if m.section in OUTCOME_SECTIONS]
    out += [("Programme", p.name) for p in report.programmes if p.section in OUTCOME_SECTIONS]
    return sorted(x for x in dict.fromkeys(out) if x not in reached)


# --- from an extraction record (what the store holds of it, for tests and tools) --------


def report_from_record(rec: ExtractionRecord) -> ReportIn:
    """The ReportIn a store gives for ``rec`` once ingested (same keys, one edge per target)."""
    rid = rec.report.id
    programmes = {p.name: ProgrammeIn(p.name, tuple(sorted({p.surface, *p.aliases} - {"", p.name})),
                                      p.prov.section, p.prov.evidence)
                  for p in rec.programmes if p.prov.section != "plans"}  # fmt: skip
    laws = {(x.title, x.action): LawIn(x.title, x.action, x.short, tuple(x.aliases), x.prov.section, x.prov.evidence)
            for x in rec.laws}  # fmt: skip
    metrics = {metric_key(rid, m): MetricIn(metric_key(rid, m), m.raw, m.value, m.unit, m.indicator,
                                            m.prov.section, m.prov.evidence) for m in rec.metrics}  # fmt: skip
    commitments = tuple(CommitmentIn(commitment_key(rid, c), c.ordinal, c.text, c.year, c.prov.start,
                                     tuple(sorted({(x.label, x.name) for x in c.concerns})))
                        for c in rec.commitments)  # fmt: skip
    passages = tuple(PassageIn(p.section, p.text, p.start) for p in rec.passages) or evidence_passages(rec)
    return ReportIn(rid, rec.report.year, commitments, tuple(metrics.values()), tuple(programmes.values()),
                    tuple(laws.values()), passages, rec.report.issuer)  # fmt: skip


def evidence_passages(rec: ExtractionRecord) -> tuple[PassageIn, ...]:
    """Without the report's passages, the sentences its facts were read from (what a store holds)."""
    items = (*rec.jurisdictions, *rec.laws, *rec.programmes, *rec.roles, *rec.metrics, *rec.commitments)
    found = {(x.prov.section, x.prov.evidence) for x in items if x.prov.evidence}
    return tuple(PassageIn(s, t) for s, t in sorted(found))
