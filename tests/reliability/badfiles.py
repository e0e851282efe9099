"""A corpus of bad report files, generated on demand (nothing big is committed).

``write_corpus(folder)`` writes good files (the example reports as UTF-8 text, GBK text, HTML, DOCX)
and bad ones (empty, binary, truncated PDF, a DOCX that is not a zip, a text over the size limits,
HTML full of scripts, mixed and wrong encodings, control characters, one endless line, ...) and
returns what each one is expected to give: ``ok`` (extracted) or ``refused`` (one message naming the
file, the run goes on). Some files may go either way (``either``): a mangled but decodable text is
extracted as what it is.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "reports"


@dataclass(frozen=True)
class BadFile:
    name: str
    expect: str  # "ok", "refused" or "either"
    why: str


def example_text(name: str = "anji_2023.txt") -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF whose text layer holds ``lines`` (ASCII, Helvetica), with a correct xref."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for ln in lines:
        esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj T*")
    ops.append("ET")
    stream = zlib.compress("\n".join(ops).encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for para in text.split("\n"):
        doc.add_paragraph(para)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def html_page(text: str, scripts: int = 0) -> str:
    """The report as a scraped page: menus, scripts (with hanzi that must not be read), the paragraphs."""
    junk = "".join(
        f"<script>var s{i} = '国务院关于加强法治政府建设的意见 {i}'; document.write(s{i}.repeat(50));</script>"
        f"<style>.c{i} {{ color: red }}</style>"
        for i in range(scripts)
    )
    body = "".join(f"<p>{ln}</p>" for ln in text.split("\n") if ln.strip())
    return f"<!DOCTYPE html><html><head><title>报告</title>{junk}</head><body>{junk}<div>{body}</div>{junk}</body></html>"


def write_corpus(folder: Path, big_mb: int = 50) -> dict[str, BadFile]:
    """Write the corpus into ``folder``; returns {file name: what it is and what it should give}."""
    folder.mkdir(parents=True, exist_ok=True)
    text = example_text()
    files: dict[str, BadFile] = {}

    def put(name: str, data: bytes | str, expect: str, why: str) -> None:
        path = folder / name
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        files[name] = BadFile(name, expect, why)

    # --- good files, in every format, so the run has something to do --------------------------
    put("good_utf8.txt", text, "ok", "the example report, UTF-8")
    put("good_gbk.txt", text.encode("gb18030"), "ok", "the same report in GBK/GB18030")
    put("good_big5.txt", example_text("huzhou_2022.txt").encode("big5", errors="replace"), "ok",
        "a report in Big5 (characters Big5 lacks become ?)")  # fmt: skip
    put("good_page.html", html_page(example_text("anji_2022.txt"), scripts=3), "ok", "a scraped page")
    put("good_report.docx", docx_bytes(example_text("tianhuangping_2023.txt")), "ok", "a Word file")
    put("good_ascii.pdf", minimal_pdf(["Annual report on law-based government 2023"] * 5), "ok",
        "a PDF with a text layer")  # fmt: skip

    # --- bad files --------------------------------------------------------------------------------
    put("empty.txt", b"", "refused", "an empty file")
    put("blank.txt", " \n\t\r\n\u3000\n".encode(), "either", "only whitespace")
    put("binary.txt", os.urandom(64 * 1024), "refused", "random bytes named .txt")
    put("elf.md", b"\x7fELF\x02\x01\x01\x00" + os.urandom(4096), "refused", "an executable named .md")
    put("binary.pdf", os.urandom(10_000), "refused", "random bytes named .pdf")
    pdf = minimal_pdf(["truncated"] * 50)
    put("truncated.pdf", pdf[: len(pdf) // 2], "either", "a PDF cut in half (no xref, stream cut)")
    put("header_only.pdf", b"%PDF-1.7\n", "refused", "a PDF header and nothing else")
    put("notzip.docx", text, "refused", "a DOCX that is a text file, not a zip")
    put("truncated.docx", docx_bytes(text)[:3000], "refused", "a DOCX cut short (a broken zip)")
    put(
        "zip_not_docx.docx",
        _zip_with({"hello.txt": b"not word"}),
        "refused",
        "a zip without word/document.xml",
    )
    put("scripts.html", html_page("", scripts=2000), "either", "a page that is all scripts and styles")
    put("tag_soup.html", "<html><body>" + "<div><p><b>" * 20_000 + "安吉县", "either", "20,000 unclosed tags")
    put("mixed_enc.txt", text[:1500].encode("utf-8") + text[1500:].encode("gb18030"), "either",
        "UTF-8 then GBK in one file")  # fmt: skip
    put("latin1.txt", ("Rapport annuel: ça déjà été réglé. " * 200).encode("latin-1"), "either",
        "Latin-1 text, not Chinese")  # fmt: skip
    put("utf16_nobom.txt", text.encode("utf-16-le"), "refused", "UTF-16 without a BOM (NUL bytes)")
    put("utf16_bom.txt", text.encode("utf-16"), "ok", "UTF-16 with a BOM")
    put("shift_jis.txt", "法治政府の建設に関する年次報告。行政手続の適正化を進めた。".encode("shift_jis") * 50,
        "either", "Japanese in Shift-JIS")  # fmt: skip
    ctrl = "".join(c + ("\x07\x1b\x0b\x7f" if i % 40 == 0 else "") for i, c in enumerate(text))
    put("control_chars.txt", ctrl, "ok", "control characters (BEL, ESC, VT, DEL) scattered through a report")
    nul = "".join(c + ("\x00" if i % 200 == 0 else "") for i, c in enumerate(text))
    put("control_nul.txt", nul, "refused", "NUL bytes in a text (a binary file's mark)")
    put("control_heavy.txt", "\x01\x02\x03安吉县" * 5000, "refused", "mostly control characters")
    put("bidi_zero_width.txt", text.replace("，", "，\u200b\u202e\ufeff"), "ok", "zero-width and bidi marks")
    put("endless_line.txt", text.replace("\n", "") * (2_000_000 // len(text.encode()) + 1), "refused",
        "one 2 MB line (over the characters limit)")  # fmt: skip
    put("long_line.txt", text.replace("\n", "") * 30, "ok", "one line of 100,000 characters")
    put("unsupported.xlsx", _zip_with({"xl/workbook.xml": b"<workbook/>"}), "refused", "a spreadsheet")
    put("bad.jsonl", '{"not": "a record"}\nnot json at all\n', "refused", "JSON lines that are not records")
    (folder / "sub").mkdir(exist_ok=True)
    put("sub/nested_good.txt", example_text("huzhou_2022.txt"), "ok", "a good report in a sub-folder")
    _big_text(folder / "big_50mb.txt", big_mb * 1_000_000)
    files["big_50mb.txt"] = BadFile("big_50mb.txt", "refused", f"{big_mb} MB of text (under the byte limit)")
    _big_text(folder / "huge_60mb.txt", 60 * 1_000_000)
    files["huge_60mb.txt"] = BadFile("huge_60mb.txt", "refused", "60 MB of text (over the byte limit)")
    return files


def _zip_with(members: dict[str, bytes]) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _big_text(path: Path, size: int) -> None:
    """``size`` bytes of report text, written in chunks (the test process never holds it whole)."""
    chunk = example_text().encode("utf-8")
    with open(path, "wb") as f:
        left = size
        while left > 0:
            piece = b" " * left if left < len(chunk) else chunk  # no hanzi cut in half at the end
            f.write(piece)
            left -= len(piece)
