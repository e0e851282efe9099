"""Bad input: every bad file gets one message naming it, the run goes on, memory and time stay bounded.

The corpus (tests/reliability/badfiles.py) is generated into a temporary folder: good reports in
every format beside empty, binary, truncated, mislabelled, oversized, script-only, mis-encoded,
control-character and one-line files. ``govkg extract`` and ``govkg ingest`` run over the folder as
a user would (a subprocess, its peak RSS measured with resource.getrusage), and the upload route
takes each file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govkg.errors import InputError
from govkg.extractors import load
from govkg.extractors.load import MAX_CHARS, read_html, read_report, text_from_bytes
from tests.reliability.badfiles import BadFile, example_text, write_corpus

REPO = Path(__file__).resolve().parents[2]
# Peak memory a run over the corpus may use beyond a run over one good report: the 50 MB text is
# read (bytes and str) before it is refused; nothing else may grow with the input.
RSS_HEADROOM = 400 * 1024 * 1024
PER_FILE_SECONDS = 30.0  # reading one file (no extraction): the slowest, a 20,000-tag page, takes ~1 s


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, BadFile]]:
    folder = tmp_path_factory.mktemp("badfiles")
    return folder, write_corpus(folder)


@pytest.fixture(scope="module")
def outcomes(corpus) -> dict[str, str | None]:
    """Each report file (not .jsonl) read in process: None if refused, else its text."""
    folder, files = corpus
    out: dict[str, str | None] = {}
    for name in files:
        if name.endswith(".jsonl"):
            continue
        try:
            out[name] = read_report(folder / name)
        except InputError:
            out[name] = None
    return out


def test_each_file_is_read_or_refused_with_its_name_in_the_message(corpus):
    folder, files = corpus
    wrong = []
    for name, bad in files.items():
        if name.endswith(".jsonl"):
            continue
        started = time.monotonic()
        try:
            text = read_report(folder / name)
        except InputError as e:
            if bad.expect == "ok":
                wrong.append(f"{name} ({bad.why}): refused: {e}")
            elif Path(name).name not in str(e):
                wrong.append(f"{name}: the message does not name the file: {e}")
        else:  # any other exception fails the test here: that is the point
            if bad.expect == "refused":
                wrong.append(f"{name} ({bad.why}): read as {len(text)} characters")
            elif not text.strip():
                wrong.append(f"{name}: read as blank text")
        took = time.monotonic() - started
        if took > PER_FILE_SECONDS:
            wrong.append(f"{name}: took {took:.0f} s")
    assert not wrong, "\n".join(wrong)


def run_govkg(rss_file: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``govkg ARGS`` in a subprocess that reports its peak RSS into ``rss_file``."""
    return subprocess.run([sys.executable, "-m", "tests.reliability.peak_rss", str(rss_file), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=timeout)  # fmt: skip


@pytest.fixture(scope="module")
def baseline_rss(corpus, tmp_path_factory) -> int:
    """Peak RSS of ``govkg extract`` over one good report: the pipeline's own footprint."""
    folder, _ = corpus
    rss = tmp_path_factory.mktemp("rss") / "baseline"
    r = run_govkg(rss, "extract", str(folder / "good_utf8.txt"))
    assert r.returncode == 0, r.stderr
    return int(rss.read_text())


def test_extract_over_a_mixed_folder_goes_on_and_stays_bounded(corpus, outcomes, baseline_rss, tmp_path):
    folder, files = corpus
    extra = [str(folder / "bad.jsonl"), str(folder / "unsupported.xlsx")]  # a folder walk skips these
    started = time.monotonic()
    r = run_govkg(tmp_path / "rss", "extract", str(folder), *extra)
    took = time.monotonic() - started
    peak = int((tmp_path / "rss").read_text())

    assert r.returncode == 1, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    read = sorted(
        Path(n).name for n, text in outcomes.items() if text is not None and n != "unsupported.xlsx"
    )
    assert sorted(rec["source"] for rec in records) == read
    refused = [n for n, text in outcomes.items() if text is None]
    messages = [ln for ln in r.stderr.splitlines() if ln.strip()]
    for name in refused:
        assert sum(Path(name).name in ln for ln in messages) == 1, (name, r.stderr)
    assert sum("bad.jsonl:" in ln for ln in messages) == 2  # one line per bad record line
    total = len(records) + len(refused) + 2
    assert (
        messages[-1]
        == f"govkg: {len(refused) + 2} of {total} inputs failed (see above); the others were processed"
    )
    assert all(ln.startswith("govkg: ") for ln in messages), r.stderr  # no stray library warnings
    assert peak < baseline_rss + RSS_HEADROOM, (
        f"peak RSS {peak >> 20} MiB, one report {baseline_rss >> 20} MiB"
    )
    assert took < 300, f"{took:.0f} s"


def test_ingest_over_a_mixed_folder_stores_the_good_reports(corpus, outcomes, tmp_path):
    from govkg.graph.embedded import EmbeddedStore

    folder, _ = corpus
    store = tmp_path / "store.json.gz"
    r = run_govkg(tmp_path / "rss", "ingest", "--quiet", "--store", str(store), str(folder))
    assert r.returncode == 1, r.stderr
    assert "inputs failed" in r.stderr
    read = {Path(n).stem for n, text in outcomes.items() if text is not None and n != "unsupported.xlsx"}
    first = EmbeddedStore.open(store)
    assert set(first.report_ids()) == read
    again = run_govkg(tmp_path / "rss", "ingest", "--quiet", "--store", str(store), str(folder))
    assert again.returncode == 1
    assert EmbeddedStore.open(store).counts() == first.counts()  # the same folder twice changes nothing


def test_a_page_of_deeply_nested_unclosed_tags_is_read_in_seconds():
    page = (
        "<html><body>" + "<div><p><b>" * 20_000 + "安吉县人民政府"
    )  # took ~300 s before the one-walk reader
    started = time.monotonic()
    assert read_html(page, "soup.html").strip() == "安吉县人民政府"
    assert time.monotonic() - started < 20


def test_the_one_walk_reader_breaks_lines_as_before():
    page = ("<html><head><title>T</title><script>x()</script></head><body><nav>首页</nav>"
            "<div>一<br>二<p>三</p>四<span>五</span></div><table><tr><td>六</td><td>七</td></tr></table>"
            "<!-- 注释 --><ul><li>八</li><li>九</li></ul>十<footer>页脚</footer></body></html>")  # fmt: skip
    # what bs4's insert_before/insert_after and get_text() gave (the reader it replaced)
    assert read_html(page, "p.html") == "\n一\n二\n三\n四五\n\n\n六七\n\n\n\n八\n\n九\n\n十"


def test_one_endless_line_is_refused_at_once_by_name(tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_text(example_text().replace("\n", "") * 220)  # ~730,000 characters, 2 MB, no line break
    started = time.monotonic()
    with pytest.raises(InputError, match=r"one_line\.txt: \d+ characters of text is over the"):
        read_report(path)
    assert time.monotonic() - started < 10


def test_a_long_line_under_the_limit_is_extracted_in_bounded_time(resources):
    from govkg.extractors.pipeline import extract_text

    line = example_text().replace("\n", "") * 60  # ~200,000 characters on one line
    assert len(line) < MAX_CHARS
    started = time.monotonic()
    rec = extract_text(line, "long.txt", resources)
    assert rec.laws
    assert time.monotonic() - started < 120


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (" \n\t\u3000\r\n".encode(), "no text"),
        (b"<html><body><script>var a = 1;</script><style>p{}</style></body></html>", "no text"),
        (b"\xff\xfe" + "安吉县".encode("utf-16-le") + b"\x00", "not valid UTF-16"),  # odd length
        (b"\xff\xfe" + bytes(range(1, 9)) * 500, "binary"),  # a binary file that starts with a BOM
    ],
    ids=["blank", "only-scripts", "utf16-odd-length", "bom-then-binary"],
)
def test_files_with_nothing_to_read_are_refused(data, words):
    suffix = ".html" if data.startswith(b"<html") else ".txt"
    with pytest.raises(InputError, match=words):
        text_from_bytes(data, f"f{suffix}", suffix)


def test_utf16_with_a_byte_order_mark_is_read():
    text = example_text()
    for codec in ("utf-16", "utf-16-be"):
        data = text.encode(codec) if codec == "utf-16" else b"\xfe\xff" + text.encode(codec)
        assert text_from_bytes(data, "u.txt", ".txt") == text


def test_a_folder_walk_takes_no_files_without_a_suffix(tmp_path):
    from govkg.cli import expand_paths

    (tmp_path / "LICENSE").write_text("MIT")
    (tmp_path / "a.txt").write_text("安吉县")
    assert "" not in load.SUPPORTED
    assert [p.name for p in expand_paths([str(tmp_path)])] == ["a.txt"]
    assert read_report(tmp_path / "LICENSE") == "MIT"  # named on its own, it is read as text


def test_a_bug_met_on_one_file_does_not_end_the_run(tmp_path, monkeypatch, capsys):
    """An unforeseen exception in extraction is reported against its file; the other files go on."""
    from govkg import cli
    from govkg.extractors import nlp

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(example_text(), encoding="utf-8")
    bad.write_text(example_text() + "\n触发", encoding="utf-8")
    real = nlp.make_doc

    def make_doc(pipeline, raw, name):  # type: ignore[no-untyped-def]
        if name == "bad.txt":
            raise IndexError("an extractor bug")
        return real(pipeline, raw, name)

    monkeypatch.setattr(nlp, "make_doc", make_doc)
    assert cli.main(["extract", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["source"] for line in out.splitlines()] == ["good.txt"]
    assert f"{bad}: extraction failed (IndexError: an extractor bug)" in err
    assert "1 of 2 inputs failed" in err


# --- the upload route takes the same files --------------------------------------------------


@pytest.fixture(scope="module")
def upload_client(tmp_path_factory):
    from govkg.api.main import create_app
    from tests.api.conftest import make_settings

    store = tmp_path_factory.mktemp("upload") / "store.json.gz"
    app = create_app(make_settings(store=store, api_key="reliability-key-0123"))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_every_file_of_the_corpus_uploads_as_201_or_4xx_never_500(corpus, outcomes, upload_client):
    folder, files = corpus
    got = {}
    for name in files:
        if name.startswith("huge") or name.startswith("big"):
            continue  # over the upload limit: below
        r = upload_client.post("/reports", files={"file": (Path(name).name, (folder / name).read_bytes())},
                               headers={"X-API-Key": "reliability-key-0123"})  # fmt: skip
        got[name] = r.status_code
        assert r.status_code in (201, 413, 422), (name, r.status_code, r.text)
        if r.status_code != 201:
            assert r.json()["error"] in ("bad_parameter", "too_large")
    for name, text in outcomes.items():  # the route reads as the command line does
        if name in got and not name.endswith(".xlsx"):
            assert (got[name] == 201) == (text is not None), name


def test_an_upload_of_50_mb_is_413_before_it_is_read(corpus, upload_client):
    folder, _ = corpus
    with open(folder / "big_50mb.txt", "rb") as f:
        r = upload_client.post(
            "/reports", files={"file": ("big.txt", f)}, headers={"X-API-Key": "reliability-key-0123"}
        )
    assert r.status_code == 413
    assert r.json()["error"] == "too_large"
