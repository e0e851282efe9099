"""Read a report file (text, Markdown, HTML, PDF, DOCX) into plain text.

Each reader returns text; decoding of byte formats tries UTF-8 (with or
without BOM), then GB18030 (a superset of GBK/GB2312), then Big5, and only then
asks charset-normalizer. Every failure is an :class:`InputError` whose message
names the file and what to do.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from govkg.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a report is never this big; bigger files are refused, not read
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"} - {""})


def read_report(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of one report file; raises InputError for anything unreadable."""
    data = read_bytes(path, max_bytes)
    return text_from_bytes(data, name=path.name, suffix=path.suffix.lower())


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; pass the report files inside it")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty")
    if size > max_bytes:
        raise InputError(f"{path}: {size} bytes is over the {max_bytes}-byte limit for one report; split it")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from e


def text_from_bytes(data: bytes, name: str, suffix: str) -> str:
    """Dispatch on the file suffix (and on magic bytes for mislabelled files)."""
    if not data:
        raise InputError(f"{name}: the file is empty")
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return read_pdf(data, name)
    if suffix == ".docx":
        return read_docx(data, name)
    if suffix in HTML_SUFFIXES:
        return read_html(decode(data, name), name)
    if suffix in TEXT_SUFFIXES:
        text = decode(data, name)
        if _looks_like_html(text):
            return read_html(text, name)
        return text
    raise InputError(f"{name}: unsupported file type {suffix!r}; govkg reads {', '.join(SUPPORTED)}")


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def decode(data: bytes, name: str) -> str:
    """Bytes to str: UTF-8 (BOM or not), GB18030, Big5, then detection."""
    if _is_binary(data):
        raise InputError(f"{name}: looks like a binary file, not a text report")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8" or _mostly_cjk(text):
            return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # the detector is a last resort; its failure means "undecodable"
        best = None
    if best is not None and _mostly_cjk(str(best)):
        return str(best)
    raise InputError(f"{name}: cannot decode the text (tried UTF-8, GB18030, Big5); save it as UTF-8")


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.1


def _mostly_cjk(text: str) -> bool:
    """A wrong legacy decoding yields rare symbols; the right one yields common hanzi."""
    sample = text[:5000]
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    letters = sum(1 for c in sample if not c.isspace() and not c.isascii())
    return letters == 0 or cjk >= 0.6 * letters


def read_html(html: str, name: str) -> str:
    """Visible text of a page, one block element per line; scripts and styles dropped."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(html, "lxml")
    except Exception as e:  # lxml rejects some broken markup outright
        raise InputError(f"{name}: the HTML cannot be parsed ({e})") from e
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "head", "nav", "footer"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = "p div li tr h1 h2 h3 h4 h5 h6 section article table ul ol title dd dt".split()
    for tag in soup.find_all(blocks):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return soup.get_text()


def read_pdf(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise InputError(f"{name}: the PDF cannot be read ({e}); it may be truncated or encrypted") from e
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(f"{name}: the PDF has no text layer (a scan?); run OCR first")
    return text


def read_docx(data: bytes, name: str) -> str:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a valid DOCX (it is not a zip archive); re-save it from Word")
    from docx import Document as DocxDocument

    try:
        doc = DocxDocument(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as e:
        raise InputError(f"{name}: not a valid DOCX ({e}); re-save it from Word") from e
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
