"""Read a report file (text, Markdown, HTML, PDF, DOCX) into plain text.

Each reader returns text; decoding of byte formats tries UTF-8 (with or
without BOM), then GB18030 (a superset of GBK/GB2312), then Big5, and only then
asks charset-normalizer. Every failure is an :class:`InputError` whose message
names the file and what to do.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

from govkg.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a report is never this big; bigger files are refused, not read
# Characters of text in one report. Real reports have 3,000-50,000; extraction time grows faster than
# the length (a 650,000-character text takes ~40 s), so a longer text is refused, not run for hours.
MAX_CHARS = 500_000
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
SUPPORTED = sorted((TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}) - {""})  # a folder's files without suffix are not reports


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
        with open(path, "rb") as f:  # at most one byte over the limit: a file still growing is not read whole
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from e
    if len(data) > max_bytes:
        raise InputError(f"{path}: over the {max_bytes}-byte limit for one report; split it")
    return data


def text_from_bytes(data: bytes, name: str, suffix: str, max_chars: int = MAX_CHARS) -> str:
    """The text of a file's bytes; a text over ``max_chars`` characters is refused."""
    text = _text(data, name, suffix)
    if not text.strip():
        raise InputError(f"{name}: no text in the file (only blanks, markup or scripts)")
    if len(text) > max_chars:
        raise InputError(f"{name}: {len(text)} characters of text is over the {max_chars}-character limit "
                         "for one report; split it")  # fmt: skip
    return text


def _text(data: bytes, name: str, suffix: str) -> str:
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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark: NUL bytes are normal
        return _decode_utf16(data, name)
    if _is_binary(data):
        raise InputError(f"{name}: looks like a binary file, not a text report")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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


def _decode_utf16(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-16 ({e.reason}); save it as UTF-8") from e
    if _is_binary(text[:8192].encode("utf-8")) or not _mostly_cjk(text):  # binary that starts with FF FE
        raise InputError(f"{name}: looks like a binary file, not a text report")
    return text


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
    blocks = "p div li tr h1 h2 h3 h4 h5 h6 section article table ul ol title dd dt".split()
    return _block_text(soup, set(blocks))


def _block_text(soup, blocks: set[str]) -> str:  # type: ignore[no-untyped-def]
    """``soup.get_text()`` with a line break before and after each block element and for each <br>.

    One walk of the tree: bs4's insert_before/insert_after walk it again at every call, which takes
    minutes on a page of deeply nested unclosed tags (20,000 <div><p> in a 220 kB file)."""
    from bs4.element import CData, NavigableString, Tag

    keep = soup.interesting_string_types or {NavigableString, CData}
    out: list[str] = []
    stack: list[object] = [soup]
    while stack:
        node = stack.pop()
        if node is _BREAK:
            out.append("\n")
        elif isinstance(node, Tag):
            if node.name == "br":
                out.append("\n")
                continue
            block = node.name in blocks
            if block:
                out.append("\n")
                stack.append(_BREAK)
            stack.extend(reversed(node.contents))
        elif isinstance(node, NavigableString) and type(node) in keep:
            out.append(str(node))
    return "".join(out)


_BREAK = object()  # a line break after a block element's children


def read_pdf(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings name no file; ours below do
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
