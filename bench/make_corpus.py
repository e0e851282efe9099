"""A scale corpus: N synthetic 法治政府建设年度报告, deterministic for a seed.

    python bench/make_corpus.py --reports 10000 --seed 7          # -> build/corpus/s7-n10000/
    python bench/make_corpus.py --reports 1000 --out /tmp/c1k

How a report is made (report ``i`` depends only on the seed and ``i``, so the first 1,000
reports of a 10k corpus are the 1k corpus):

* a real jurisdiction from the GB/T 2260 gazetteer (``govkg.extractors.gazetteer``: provinces,
  prefectures, counties; counties most often, as in reality) and a year 2016-2023;
* the usual skeleton: sometimes a portal's metadata block, a title, an opening paragraph,
  then 一、measures (numbered items), 二、the leaders' duty (第一责任人), 三、shortcomings,
  四、next year's plans, in the usual order with the usual headings;
* the sentences are real ones, drawn at random from the reports in ``../shared/seeds``,
  ``../shared/corpus`` and ``examples/reports`` (read in place, at run time), each from a
  section of the same kind, rewritten for the new report: the source report's own place name
  becomes the new one, years move with the report year (not inside 《》 titles), and counted
  figures (件, 人次, %, 万元 ...) are scaled at random. Every report is therefore new text
  (caches keyed on sentences do not flatter the benchmarks) with real vocabulary;
* lengths are log-normal around 5,000 characters (1,500-30,000), about what real reports run to;
  3 % are written in traditional script (as some portals publish them).

``../shared/corpus`` 042/043 come from other public repositories: the corpora built here go
under ``build/`` (git-ignored) and are never committed.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SOURCES = (SHARED / "seeds", SHARED / "corpus", REPO / "examples" / "reports")
YEARS = range(2016, 2024)
KINDS = ("measures", "leadership", "shortcomings", "plans")
CN = "一二三四五六七八九十"

# Heading shapes (the same the extractors read; here only to sort real sentences by section).
H1 = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}\s*[、.．]|第[一二三四五六七八九十]部分)\s*")
H2 = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}\s*[、.．](?!\d))\s*")
# The words that say what a top-level heading is about, most specific first.
KIND_WORDS = (
    ("plans", re.compile(r"下一|明年|计划|安排|打算|思路|今后|展望")),
    ("shortcomings", re.compile(r"不足|问题|差距|短板|薄弱")),
    ("leadership", re.compile(r"第一责任人|主要负责人")),
    ("measures", re.compile(r".")),
)
END = re.compile(r"[。！？!?][”’」』)）]?$")
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?[”’」』)）]?")
META_LINE = re.compile(r"^[^。，,]{1,8}\s*[:：]|\|")
TITLE = re.compile(r"^(?P<place>[^\d\s]{2,20}?)(?:人民政府)?(?:关于)?(?P<year>20\d\d)年(?:度)?.{0,20}法治政府建设")
YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?=\s*年)")
# Counted figures: a number right before a unit word. 2021年 is a year, not a count.
FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=\s*(?:%|％|件|人次|人|次|个|场|项|家|万元|亿元|元|份|起|部|条|余|多))")
BOOK_TITLE = re.compile(r"《[^》]*》")
TITLE_FORMS = (
    "{place}{year}年法治政府建设年度报告",
    "{place}{year}年度法治政府建设情况报告",
    "{place}人民政府关于{year}年法治政府建设工作情况的报告",
    "{place}关于{year}年度法治政府建设工作的报告",
)
HEADINGS = {
    "measures": ("{year}年法治政府建设主要举措和成效", "主要举措和成效", "{year}年度推进法治政府建设的主要举措和成效",
                 "法治政府建设工作开展情况"),
    "leadership": ("主要负责人履行法治建设第一责任人职责情况",
                   "{year}年党政主要负责人履行法治建设第一责任人职责的情况"),
    "shortcomings": ("存在的不足和原因", "存在的问题和不足", "法治政府建设存在的不足"),
    "plans": ("{next}年法治政府建设工作计划", "下一步工作安排", "{next}年度推进法治政府建设的主要安排"),
}  # fmt: skip


@dataclass
class Pools:
    """Real sentences by the kind of section they came from, each with its source's place and year."""

    openers: dict[str, list[tuple[str, str, int]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    bodies: dict[str, list[tuple[str, str, int]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    preambles: list[tuple[str, str, int]] = field(default_factory=list)

    def sizes(self) -> dict[str, int]:
        return {"preamble": len(self.preambles)} | {
            f"{k}": len(self.openers[k]) + len(self.bodies[k]) for k in KINDS}  # fmt: skip


def source_files() -> list[Path]:
    files: list[Path] = []
    for d in SOURCES:
        if d.is_dir():
            files += sorted(p for p in d.glob("*.txt") if not p.name.upper().startswith("README"))
    return files


def _kind_of(heading: str) -> str:
    return next(k for k, rx in KIND_WORDS if rx.search(heading))


def _place_and_year(lines: list[str]) -> tuple[str, int]:
    for line in lines[:30]:
        m = TITLE.search(line.strip().removeprefix("标题:").strip())
        if m:
            return m.group("place"), int(m.group("year"))
    return "", 0


def read_pools(files: list[Path]) -> Pools:
    """Sort every sentence of the source reports by the kind of section it stands in."""
    from govkg.extractors.normalise import normalise

    pools = Pools()
    for path in files:
        text = normalise(path.read_text(encoding="utf-8", errors="replace")).text
        lines = [ln.strip() for ln in text.splitlines()]
        place, year = _place_and_year(lines)
        kind: str | None = None
        for line in lines:
            if not line or META_LINE.search(line) or "法治政府建设" in line and "报告" in line and len(line) < 40:
                continue
            if H1.match(line):
                kind = _kind_of(H1.sub("", line))
                continue
            item = H2.match(line)
            sentences = [s.strip() for s in SENTENCE.findall(H2.sub("", line)) if len(s.strip()) >= 6]
            for j, s in enumerate(sentences):
                if TITLE.search(s) or not (item and j == 0 or END.search(s)):
                    continue  # a title run into the text, or cut off (the corpus holds openings only)
                entry = (s, place, year)
                if kind is None:
                    pools.preambles.append(entry)
                elif item and j == 0:
                    pools.openers[kind].append(entry)
                else:
                    pools.bodies[kind].append(entry)
    for k in KINDS:  # a kind no source has (tiny source sets): borrow the measures' sentences
        pools.openers[k] = pools.openers[k] or pools.openers["measures"] or pools.bodies["measures"]
        pools.bodies[k] = pools.bodies[k] or pools.bodies["measures"]
    return pools


def jurisdictions() -> list[tuple[str, str, str, str | None]]:
    """(adcode, level, name, parent name) of every GB/T 2260 place above township level."""
    from govkg.extractors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    out = [(p.adcode or k, p.level, p.name, p.parent_name) for k, p in gaz.places.items()
           if p.level in ("province", "prefecture", "county") and not p.name.endswith("市辖区")]  # fmt: skip
    return sorted(out)


class Rewriter:
    """Moves a real sentence into the new report: its place, its years, new figures."""

    def __init__(self, rng: random.Random, place: str, year: int):
        self.rng, self.place, self.year = rng, place, year

    def __call__(self, entry: tuple[str, str, int]) -> str:
        text, src_place, src_year = entry
        if src_place and len(src_place) >= 2:
            text = text.replace(src_place, self.place)
        shift = self.year - src_year if src_year else 0
        return self._outside_titles(text, lambda s: self._figures(self._years(s, shift)))

    @staticmethod
    def _outside_titles(text: str, fn) -> str:  # type: ignore[no-untyped-def]
        out, pos = [], 0
        for m in BOOK_TITLE.finditer(text):
            out += [fn(text[pos : m.start()]), m.group()]
            pos = m.end()
        return "".join([*out, fn(text[pos:])])

    @staticmethod
    def _years(text: str, shift: int) -> str:
        if not shift:
            return text
        return YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)

    def _figures(self, text: str) -> str:
        def scale(m: re.Match[str]) -> str:
            raw = m.group(1)
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            value = float(raw) * self.rng.uniform(0.6, 1.6)
            if float(raw) <= 100 and text[m.end() : m.end() + 1] in "%％":
                value = min(value, 100.0)
            return f"{value:.{decimals}f}" if decimals else str(max(1, round(value)))

        return FIGURE.sub(scale, text)


def make_report(i: int, seed: int, pools: Pools, places: list[tuple[str, str, str, str | None]]) -> tuple[str, str]:
    """Report ``i`` of the corpus for ``seed``: (file name, text)."""
    rng = random.Random(f"govkg-bench:{seed}:{i}")
    adcode, level, name, parent = _pick_place(rng, places)
    year = rng.choice(YEARS)
    place = f"{parent}{name}" if parent and level == "county" and rng.random() < 0.3 else name
    write = Rewriter(rng, name, year)
    target = min(30_000, max(1_500, int(rng.lognormvariate(math.log(5_000), 0.5))))
    lines = _front(rng, place, year)
    lines.append("".join(write(rng.choice(pools.preambles)) for _ in range(rng.randint(1, 3))))
    shares = {"measures": 0.62, "leadership": 0.12, "shortcomings": 0.08, "plans": 0.18}
    for n, kind in enumerate(KINDS):
        heading = rng.choice(HEADINGS[kind]).format(year=year, next=year + 1)
        lines.append(f"{CN[n]}、{heading}")
        lines += _items(rng, pools, kind, write, int(target * shares[kind]))
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.03:
        text = _traditional(text)
    return f"r{i:06d}_{adcode}_{year}.txt", text


def _pick_place(rng: random.Random, places: list[tuple[str, str, str, str | None]]) -> tuple[str, str, str, str | None]:
    # Counties publish most of the reports; provinces and prefectures far fewer.
    want = rng.choices(("county", "prefecture", "province"), weights=(80, 17, 3))[0]
    while True:
        p = rng.choice(places)
        if p[1] == want:
            return p


def _front(rng: random.Random, place: str, year: int) -> list[str]:
    title = rng.choice(TITLE_FORMS).format(place=place, year=year)
    lines: list[str] = []
    if rng.random() < 0.4:  # a government portal's metadata block above the title
        day = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
        lines += [f"发布机构: {place}人民政府", f"发布日期: {day}", f"标题: {title}", ""]
    return [*lines, title, ""]


def _items(rng: random.Random, pools: Pools, kind: str, write: Rewriter, budget: int) -> list[str]:
    """Numbered items ((一)… or 1.…) until the section has about ``budget`` characters."""
    out: list[str] = []
    used = 0
    numbered = kind != "leadership" or rng.random() < 0.5
    while used < budget or not out:
        n = len(out)
        head = f"（{CN[n % 10]}）" if kind != "plans" or n % 2 == 0 else f"{n + 1}."
        body = "".join(write(rng.choice(pools.bodies[kind])) for _ in range(rng.randint(1, 6)))
        opener = write(rng.choice(pools.openers[kind])) if numbered else ""
        if opener and not END.search(opener):  # a heading line of its own, the text below it
            out.append(head + opener)
            para = body
        else:
            para = (head + opener if numbered else "") + body
        out.append(para)
        used += len(para)
        if n >= 40:
            break
    return out


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("s2t").convert(text)


def build(n: int, seed: int, out: Path, files: list[Path] | None = None, quiet: bool = False) -> dict:
    """Write reports 0..n-1 for ``seed`` into ``out`` with a manifest; returns the manifest."""
    t0 = time.perf_counter()
    files = source_files() if files is None else files
    if not files:
        raise SystemExit(f"no source reports found in {', '.join(map(str, SOURCES))}")
    pools, places = read_pools(files), jurisdictions()
    out.mkdir(parents=True, exist_ok=True)
    chars, names = 0, []
    for i in range(n):
        name, text = make_report(i, seed, pools, places)
        (out / name).write_text(text, encoding="utf-8")
        chars += len(text)
        names.append(name)
    manifest = {"seed": seed, "reports": n, "chars": chars, "seconds": round(time.perf_counter() - t0, 2),
                "sources": [str(f.relative_to(REPO.parent)) for f in files], "pool_sizes": pools.sizes(),
                "files": names}  # fmt: skip
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if not quiet:
        print(f"{n} reports, {chars:,} characters in {out} ({manifest['seconds']} s)", file=sys.stderr)
    return manifest


def corpus_dir(n: int, seed: int) -> Path:
    return REPO / "build" / "corpus" / f"s{seed}-n{n}"


def ensure_corpus(n: int, seed: int) -> Path:
    """The corpus for (n, seed) under build/corpus, built unless a complete one is there."""
    out = corpus_dir(n, seed)
    try:
        if json.loads((out / "manifest.json").read_text())["reports"] == n:
            return out
    except (OSError, ValueError, KeyError):
        pass
    build(n, seed, out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", "-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="output folder (default build/corpus/s<seed>-n<reports>)")
    args = ap.parse_args(argv)
    build(args.reports, args.seed, args.out or corpus_dir(args.reports, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
