"""Named governance programmes: reforms, systems, campaigns, projects, platforms.

Two ways a report names a programme (GUIDELINES.md, "Programmes"):

* a quoted term, usually with a head noun after it: “证照分离”改革, 行政执法“三项制度”,
  “法律明白人”培养工程, “互联网+监管”. Quotes are also used for slogans, goals, brands and
  honours, so a quoted term without a head noun must show some sign of being a programme
  (a verb of carrying it out, the words of a service mode, a numeral formula) and must not
  fall into an excluded class (``data/programme_excluded.tsv``);
* an unquoted fixed term: a nationally used programme (``data/programmes.tsv``), a reform of a
  named system (行政复议体制改革), a named campaign (…三年行动), a numbered hotline, a system
  named by a numeral formula (四议两公开工作法), a platform being rolled out.

Mentions of one programme are merged per report: the canonical name is the lexicon's name, else
the term without quotes with its head noun; other written forms become aliases; the first
mention gives the provenance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from govkg.extractors.document import Document
from govkg.extractors.patterns import programmes as pat
from govkg.extractors.records import ProgrammeMention

Span = tuple[int, int]
_QUOTE_CHARS = re.compile(r"[“”「」『』〝〞\"]")


@dataclass(frozen=True, slots=True)
class LexEntry:
    name: str
    kind: str
    forms: tuple[str, ...]
    standalone: frozenset[str] = frozenset()  # normalised short forms that count only standing alone


@dataclass(frozen=True, slots=True)
class ExcludeRule:
    cls: str
    where: str  # term | before | after
    scope: str  # bare | any
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One mention before merging: ``key`` groups mentions of the same programme."""

    key: str
    name: str
    kind: str
    start: int
    end: int
    headed: bool
    forms: tuple[str, ...] = ()


def norm(s: str) -> str:
    """The form names are compared in: quotes, spaces, 、· and brackets removed, full-width + halved."""
    return pat.NORM_STRIP.sub("", s.replace("＋", "+"))


def _rows(name: str) -> Iterator[list[str]]:
    text = files("govkg.extractors").joinpath(f"data/{name}").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@cache
def lexicon() -> dict[str, LexEntry]:
    """Every written form (normalised) of a nationally used programme -> its entry."""
    out: dict[str, LexEntry] = {}
    for name, kind, aliases, _why in _rows("programmes.tsv"):
        written = [a for a in aliases.split("|") if a]
        listed = (name, *(a.lstrip("^") for a in written))
        forms = tuple(dict.fromkeys(v for f in listed for v in variants(f)))
        alone = frozenset(norm(a[1:]) for a in written if a.startswith("^"))
        entry = LexEntry(name, kind, forms, alone)
        for f in forms:
            out.setdefault(norm(f), entry)
    return out


def variants(form: str) -> tuple[str, ...]:
    """A lexicon form and its usual written variants: X制度 is also written X工作制度
    (一村一法律顾问工作制度), 行政机关 is shortened to 行政 (行政负责人出庭应诉制度)."""
    out = [form]
    if form.endswith("制度") and not form.endswith("工作制度"):
        out.append(form[:-2] + "工作制度")
    out += [v.replace("行政机关", "行政") for v in list(out) if "行政机关" in v]
    return tuple(out)


@cache
def lexicon_scan() -> re.Pattern[str]:
    """All lexicon forms as written and without 、, longest first (so 行政执法三项制度 beats 三项制度)."""
    forms = {f for e in lexicon().values() for f in e.forms}
    forms |= {f.replace("、", "") for f in forms}
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


@cache
def heads() -> tuple[tuple[str, str], ...]:
    """(head noun, kind), longest first."""
    rows = [(h, k) for h, k, _why in _rows("programme_heads.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def excluded() -> tuple[ExcludeRule, ...]:
    return tuple(ExcludeRule(c, w, s, re.compile(r)) for c, w, s, r, _why in _rows("programme_excluded.tsv"))


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun phrase after a quote: ``raw`` as written (with a leading 的), ``words`` as it
    goes into the name (without 的), and the kind its head gives."""

    raw: str
    words: str
    kind: str


# The lexicon name every written form of the national demonstration-creation campaign goes to.
MODEL_CAMPAIGN = "法治政府建设示范创建活动"


def find_programmes(doc: Document) -> tuple[ProgrammeMention, ...]:
    text = doc.text
    titles = [m.span() for m in pat.BOOK_TITLE.finditer(text)]
    models = list(_model_creations(text, titles))
    blocked = titles + [(c.start, c.end) for c in models]
    quoted, quote_spans = _quoted(text, blocked)
    unquoted = _unquoted(text, blocked + quote_spans)
    return tuple(_merge(doc, sorted(models + quoted + unquoted, key=lambda c: c.start)))


def _model_creations(text: str, blocked: list[Span]) -> Iterator[Candidate]:
    """创建全国法治政府建设示范市, 示范区创建工作, …: the national campaign under its lexicon name, the
    written form (quotes dropped) an alias. Quotes inside the span are part of it, not names."""
    entry = lexicon()[norm(MODEL_CAMPAIGN)]
    for m in pat.MODEL_CREATION.finditer(text):
        if not _overlaps(m.span(), blocked):
            written = _QUOTE_CHARS.sub("", m.group())
            yield Candidate(norm(entry.name), entry.name, entry.kind, m.start(), m.end(), True, (written,))


def _plan_document(kind: str, following: str) -> bool:
    """A campaign's name followed by a plan document's noun names the document (“八五”普法规划,
    …三年行动计划): an instrument, not the campaign."""
    return kind == "campaign" and bool(pat.PLAN_DOCUMENT_AFTER.match(following))


# ---------------------------------------------------------------- quoted terms


def _quote_runs(text: str, blocked: list[Span]) -> Iterator[list[re.Match[str]]]:
    """Quotes outside 《》 titles, grouped into runs (“A”“B”、“C”) that share their context."""
    run: list[re.Match[str]] = []
    for m in pat.QUOTED.finditer(text):
        if _inside(m.span(), blocked):
            continue
        if run and not pat.RUN_GAP.match(text[run[-1].end() : m.start()]):
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def _quoted(text: str, blocked: list[Span]) -> tuple[list[Candidate], list[Span]]:
    out: list[Candidate] = []
    spans: list[Span] = []
    for run in _quote_runs(text, blocked):
        spans.append((run[0].start(), run[-1].end()))
        before = _clause_before(text, run[0].start())
        after = text[run[-1].end() : run[-1].end() + 24]  # long enough for an award phrase
        etc_kind = _etc_head_kind(after)
        for i, m in enumerate(run):
            last = i == len(run) - 1
            cand = _quoted_candidate(m, before, after if last else "", after, etc_kind)
            if cand:
                out.append(cand)
                spans.append((cand.start, cand.end))
    return out, spans


def _quoted_candidate(
    m: re.Match[str], before: str, after: str, run_after: str, etc_kind: str | None
) -> Candidate | None:
    """One quote of a run: ``after`` is its own following words (empty unless it ends the run),
    ``run_after`` what follows the whole run (a slogan or topic tail excludes every quote of it)."""
    core = next(g for g in m.groups() if g is not None).strip()
    if not core:
        return None
    ext = _lexicon_extension(core, after)
    # a project award after the quote ("…”入选省级示范项目") ends in 项目, but that is the award's noun
    head = None if ext or pat.AWARDED_AS_PROJECT.match(after) else _head_after(after)
    taken = ext[1] if ext else len(head.raw) if head else 0
    kind = ext[0].kind if ext else head.kind if head else ""
    if _plan_document(kind, after[taken:]):
        return None  # “八五”普法规划, “X”行动计划: the plan document
    written = core + (after[:taken] if ext else head.words if head else "")
    if _excluded(written, before, run_after, "any"):
        return None
    if head and _loose_head(head) and _excluded(core, before, run_after, "bare", ("numbered_formula",)):
        return (
            None  # the quote must be a name itself (“一刀切”的管理模式 is a manner; “三个一”的…机制 is one)
        )
    end = m.end() + taken
    if ext is not None:
        return Candidate(norm(ext[0].name), ext[0].name, ext[0].kind, m.start(), end, True, (core,))
    entry = lexicon().get(norm(core))
    if entry is not None:
        # with a head noun other than the national name's, the report's own written form is kept
        name = written if head else entry.name
        return Candidate(norm(entry.name), name, entry.kind, m.start(), end, head is not None, (core,))
    if head is not None:
        return Candidate(norm(core), written, head.kind, m.start(), end, True, (core,))
    if after and pat.AWARDED_AS_PROJECT.match(after):
        kind = _guess_kind(core) if _ends_in_head(core) else "project"
        return Candidate(norm(core), core, kind, m.start(), end, False)
    skip = ("numbered_formula",) if _headed_formula(core, before) else ()
    if _excluded(core, before, run_after, "bare", skip) or not _bare_signal(core, before, etc_kind):
        return None
    return Candidate(norm(core), core, etc_kind or _guess_kind(core), m.start(), end, False)


def _headed_formula(core: str, before: str) -> bool:
    """A numbered formula whose rest is a programme head, set up by a verb of carrying out in the
    clause before: 建立…“八大机制”, 实施“十大工程” (a named set of mechanisms or projects); without such
    a verb (聚焦“八大行动”) it stays a catchword."""
    m = pat.NUMBERED_FORMULA.match(core)
    heads_only = {h for h, _ in heads()}
    return bool(m and m.group(1) in heads_only and pat.SIGNAL_IN_CLAUSE.search(before))


def _lexicon_extension(core: str, after: str) -> tuple[LexEntry, int] | None:
    """A lexicon name that runs on past the closing quote: “放管服”改革, “八五”普法."""
    for n in range(min(6, len(after)), 0, -1):
        tail = after[:n]
        if re.fullmatch(rf"[{pat.HAN}]+", tail) and (entry := lexicon().get(norm(core + tail))):
            return entry, n
    return None


def _head_after(after: str) -> Head | None:
    """The words after a quote up to and including a head noun: “村企+法务”协作模式 -> 协作模式 (system);
    a long phrase only when its head ends the run of words; through 的 a system's whole phrase
    (“双察联合”的法治监督体系 -> 的法治监督体系, written 法治监督体系)."""
    if de := pat.DE_HEAD.match(after):
        return Head(de.group(), de.group(1), _guess_kind(de.group(1)))
    run = pat.AFTER_RUN.match(after)
    if not run:
        return None
    words = pat.AFTER_STOP.split(run.group(), maxsplit=1)[0]
    # the run of words is complete when a stop word, punctuation or the window's end closes it
    complete = len(words) < len(run.group()) or not re.match(rf"[{pat.HAN}]", after[run.end() :])
    for end in range(min(len(words), pat.LONG_AFTER), 0, -1):
        if end > pat.SHORT_AFTER and not (complete and end == len(words)):
            continue
        for head, kind in heads():
            if words[:end].endswith(head):
                return Head(words[:end], words[:end], kind)
    return None


def _loose_head(head: Head) -> bool:
    """A head reached through 的 or a long phrase joins the quote loosely: the quote could be a
    headline or catchword describing the thing (“创新监管 护航发展”直播电商监管服务模式)."""
    return head.raw != head.words or len(head.words) > pat.SHORT_AFTER


def _etc_head_kind(after: str) -> str | None:
    """“A”“B”等实践活动: the kind the head after 等 gives the whole run."""
    m = pat.ETC_HEAD.match(after)
    if not m:
        return None
    for end in range(len(m.group()), 1, -1):
        for head, kind in heads():
            if m.group()[:end].endswith(head):
                return kind
    return None


def _clause_before(text: str, start: int) -> str:
    """The words before a quote back to the last punctuation (at most 20 characters)."""
    window = text[max(0, start - 20) : start]
    return re.split(r"[,，。;；:：!！?？\n]", window)[-1]


def _excluded(core: str, before: str, after: str, scope: str, skip: tuple[str, ...] = ()) -> bool:
    """Whether a rule of ``scope`` (other than the classes in ``skip``) puts the term in an excluded
    class. A before-rule loses to a verb of carrying out that stands nearer the quote
    ("推进X实现“Y”" vs "实现X推行“Y”")."""
    signal = _last_signal(before)
    for rule in excluded():
        if rule.scope != scope or rule.cls in skip:
            continue
        if rule.where == "term" and rule.regex.search(core):
            return True
        if rule.where == "after" and rule.regex.search(after):
            return True
        hit = rule.regex.search(before) if rule.where == "before" else None
        if hit and (signal is None or hit.start() >= signal or rule.scope == "any"):
            return True
    return False


def _last_signal(before: str) -> int | None:
    """Where the nearest verb of carrying out starts, if one stands within 8 characters of the quote."""
    m = pat.SIGNAL_VERB.search(before)
    if not m:
        return None
    starts = [s for s in range(m.start(), len(before)) if pat.SIGNAL_VERB.match(before, s)]
    return starts[-1]


def _bare_signal(core: str, before: str, etc_kind: str | None) -> bool:
    """A quote without a head noun is a programme only with a sign of one; a long one (more than
    12 characters) only when it ends in a head noun or is a parallel enumeration. A name without a
    head is a catchy formula of at most three four-character phrases (“一窗受理、集成服务”,
    “掌上办、指尖办、就近办”); longer quoted text is a sentence, motto or headline."""
    if len(core) > 12 and not _ends_in_head(core) and not _parallel(core):
        return False
    return bool(
        etc_kind
        or _last_signal(before) is not None
        or pat.PROGRAMME_MORPHEME.search(core)
        or pat.NUMERAL_LED.match(core)
        or _parallel(core)
    )


def _ends_in_head(term: str) -> bool:
    return any(term.endswith(h) for h, _ in heads())


def _parallel(core: str) -> bool:
    """A parallel enumeration is a formula name: its items share their first or last character
    (“大走访、大调解、大服务”, “掌上办、指尖办、就近办”); a list of unrelated phrases is a slogan
    (“争一流、创品牌”, “稳增长、惠民生”)."""
    items = [i for i in re.split(r"[、·]", core) if i]
    if len(items) < 2:
        return False
    return len({i[0] for i in items}) == 1 or len({i[-1] for i in items}) == 1


def _guess_kind(core: str) -> str:
    """The kind of a bare term from its own last words (“矛盾调处平台” -> platform), else from 办/通."""
    for head, kind in heads():
        if core.endswith(head):
            return kind
    if pat.N_ENTERS.match(core):
        return "campaign"
    if re.search(r"办|通|跑", core):
        return "reform"
    if "+" in core or "网" in core:
        return "platform"
    return "system"


# ---------------------------------------------------------------- unquoted terms


def _unquoted(text: str, blocked: list[Span]) -> list[Candidate]:
    blocked = list(blocked)
    out: list[Candidate] = []
    # an enumeration first: 一门受理、一网通办、一次办结 is one name though it holds a lexicon term
    for finder in (
        _yi_lists,
        _lexicon_terms,
        _repeated_numerals,
        _system_reforms,
        _campaigns,
        _hotlines,
        _formula_systems,
        _plus_formulas,
        _linkages,
        _platforms,
    ):
        for cand in finder(text):
            if not _overlaps((cand.start, cand.end), blocked):
                out.append(cand)
                blocked.append((cand.start, cand.end))
    return out


def _lexicon_terms(text: str) -> Iterator[Candidate]:
    """Nationally used programmes written without quotes; a township/street level before a
    reform's name stays in the name (乡镇(街道)一支队伍管执法改革: a level-specific reform), not
    before a system's (乡镇权责清单制度 is the national 权责清单制度 applied at that level)."""
    for m in lexicon_scan().finditer(text):
        entry = lexicon()[norm(m.group())]
        if norm(m.group()) in entry.standalone and _modifier(text, m.start()):
            continue  # a short form with more name before it is another programme (基层法治示范创建活动)
        if _plan_document(entry.kind, text[m.end() : m.end() + 4]):
            continue  # 八五普法规划, 提升行政执法质量三年行动计划: the plan document
        prefix = pat.LEVEL_PREFIX.search(text[max(0, m.start() - 10) : m.start()])
        if prefix and entry.kind == "reform":
            p = prefix.group()
            yield Candidate(
                norm(p + entry.name), p + m.group(), entry.kind, m.start() - len(p), m.end(), True
            )
        else:
            yield Candidate(norm(entry.name), entry.name, entry.kind, m.start(), m.end(), True, (m.group(),))


def _named(
    text: str, start: int, end: int, kind: str, min_len: int = 2, window: int = 16
) -> Candidate | None:
    """The name ending at ``end`` whose head starts at ``start``, its modifier read back to a boundary."""
    mod = _modifier(text, start, window, text[start:end])
    if len(mod) < min_len or "的" in mod:
        return None
    name = mod + text[start:end]
    entry = lexicon().get(norm(name))
    if entry:
        return Candidate(norm(entry.name), entry.name, entry.kind, start - len(mod), end, True, (name,))
    return Candidate(norm(name), name, kind, start - len(mod), end, True)


def _modifier(text: str, end: int, window: int = 16, head: str = "") -> str:
    """The words before ``end`` that belong to a name: back to punctuation or a boundary word
    (a 和 that joins two domains of one field, …安全和运输执法领域…, is not a boundary)."""
    run = pat.MODIFIER_RUN.search(text[max(0, end - window) : end])
    if not run:
        return ""
    words = run.group()
    cut = 0
    for b in pat.BOUNDARY.finditer(words):
        if _joins_domains(words + head, cut, b):
            continue
        cut = b.end()
    return words[cut:]


def _joins_domains(words: str, cut: int, b: re.Match[str]) -> bool:
    """A 和/及/与 between two domains or problems of one name (城乡供水和燃气领域…), not
    between two names (…专项斗争和…领域专项整治: the part before it ends in a head of its own)."""
    if b.group() not in ("和", "及", "与") or not pat.DOMAIN_TAIL.search(words, b.end()):
        return False
    first = words[cut : b.start()]
    return not (_ends_in_head(first) or pat.NAME_END.search(first))


def _system_reforms(text: str) -> Iterator[Candidate]:
    for m in pat.SYSTEM_REFORM.finditer(text):
        if cand := _named(text, m.start(), m.end(), "reform"):
            yield cand


def _campaigns(text: str) -> Iterator[Candidate]:
    """Campaign names are long (…领域突出问题专项整治): their modifier is read up to 24 characters back."""
    for m in pat.CAMPAIGN.finditer(text):
        if _plan_document("campaign", text[m.end() : m.end() + 4]):
            continue  # …三年行动计划 / 实施方案: the plan document; 开展…三年行动 is the campaign
        if cand := _named(text, m.start(), m.end(), "campaign", window=24):
            yield cand


def _repeated_numerals(text: str) -> Iterator[Candidate]:
    """百名法学家百场报告会: the second half runs from the repeated number to punctuation or a stop word
    (at most 8 characters), taking a head noun that follows (万人助万企行动)."""
    for m in pat.REPEATED_NUMERAL.finditer(text):
        end = _formula_end(text, m.end())
        if end is not None:
            name = text[m.start() : end]
            yield Candidate(norm(name), name, _guess_kind(name) if _ends_in_head(name) else "campaign",
                            m.start(), end, True)  # fmt: skip


def _formula_end(text: str, pos: int) -> int | None:
    for n in range(1, 9):
        rest = text[pos + n : pos + n + 8]
        if not _all_han(text[pos : pos + n]):
            return None
        if not rest or not re.match(rf"[{pat.HAN}]", rest) or pat.AFTER_STOP.match(rest):
            return pos + n
        head = next((h for h, _ in heads() if rest.startswith(h)), None)
        if head:
            return pos + n + len(head)
    return None


def _all_han(s: str) -> bool:
    return bool(re.fullmatch(rf"[{pat.HAN}]+", s))


def _hotlines(text: str) -> Iterator[Candidate]:
    for m in pat.HOTLINE.finditer(text):
        entry = lexicon().get(norm(m.group()))
        name = entry.name if entry else m.group()
        yield Candidate(norm(name), name, "platform", m.start(), m.end(), True, (m.group(),))


def _formula_systems(text: str) -> Iterator[Candidate]:
    for m in pat.FORMULA_HEAD.finditer(text):
        mod = _modifier(text, m.start())
        if pat.NUMERAL_FORMULA.match(mod) and (cand := _named(text, m.start(), m.end(), "system")):
            # FORMULA_HEAD's words are heads of the table; "system" if a row is ever taken out
            kind = next((k for h, k in heads() if m.group().endswith(h)), "system")
            yield Candidate(cand.key, cand.name, kind, cand.start, cand.end, True, cand.forms)


def _plus_formulas(text: str) -> Iterator[Candidate]:
    """1+6+N基层社会治理工作体系: a + formula and the head noun phrase after it (as after a quote)."""
    for m in pat.PLUS_FORMULA.finditer(text):
        head = _head_after(text[m.start(2) : m.start(2) + 24])
        if head and head.raw == head.words:
            name = m.group(1) + head.words
            yield Candidate(norm(name), name, head.kind, m.start(), m.start(2) + len(head.raw), True)


def _linkages(text: str) -> Iterator[Candidate]:
    """府院联动机制, 诉调对接机制: a named linkage of institutions (their one-character abbreviations)."""
    for m in pat.LINKAGE.finditer(text):
        if not any(w in m.group(1) for w in pat.LINKAGE_WORDS):
            yield Candidate(norm(m.group()), m.group(), "system", m.start(), m.end(), True)


def _platforms(text: str) -> Iterator[Candidate]:
    for m in pat.PLATFORM_ROLLOUT.finditer(text):
        name = m.group(1)
        if not re.search(r"[、和及与等的]", name):
            entry = lexicon().get(norm(name))
            canon = entry.name if entry else name
            yield Candidate(norm(canon), canon, "platform", m.start(1), m.end(1), True, (name,))


def _yi_lists(text: str) -> Iterator[Candidate]:
    for m in pat.YI_LIST.finditer(text):
        yield Candidate(norm(m.group(1)), m.group(1), "reform", m.start(1), m.end(1), True)


# ---------------------------------------------------------------- merging


def _merge(doc: Document, cands: list[Candidate]) -> Iterator[ProgrammeMention]:
    """One mention per programme: the first headed name, the first mention's provenance."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.key, []).append(c)
    for group in groups.values():
        first = group[0]
        named = next((c for c in group if c.headed), first)
        forms = {c.name for c in group} | {f for c in group for f in c.forms}
        forms |= {doc.text[c.start : c.end] for c in group}
        forms = {_QUOTE_CHARS.sub("", f) for f in forms}
        aliases = sorted({f for f in forms if norm(f) != norm(named.name)} - {""})
        yield ProgrammeMention(
            name=named.name,
            surface=doc.text[first.start : first.end],
            kind=named.kind,
            aliases=tuple(_dedupe_norm(aliases)),
            prov=doc.provenance(first.start, first.end),
        )


def _dedupe_norm(forms: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for f in forms:
        if norm(f) not in seen:
            seen.add(norm(f))
            out.append(f)
    return out


def _inside(span: Span, blocks: list[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in blocks)


def _overlaps(span: Span, blocks: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in blocks)
