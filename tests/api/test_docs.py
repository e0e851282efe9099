"""Every curl example in docs/api.md runs against the app and answers as the page says."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from govkg.api.main import create_app
from tests.api.conftest import API_KEY, make_settings

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "api.md"
STATUS = re.compile(r"\s+#\s*→\s*(\d{3})\s*$")


def curl_lines() -> list[str]:
    return [
        ln.strip() for ln in DOC.read_text(encoding="utf-8").splitlines() if ln.strip().startswith("curl ")
    ]


def parse_curl(line: str) -> tuple[str, str, dict[str, str], dict[str, Path], int]:
    """method, path?query, headers, files, expected status of one documented curl command."""
    m = STATUS.search(line)
    expected = int(m.group(1)) if m else 200
    words = shlex.split(STATUS.sub("", line).replace("$GOVKG_API_KEY", API_KEY))[1:]
    method, url, headers, files = "GET", "", {}, {}
    it = iter(words)
    for w in it:
        if w == "-X":
            method = next(it)
        elif w == "-H":
            name, _, value = next(it).partition(":")
            headers[name.strip()] = value.strip()
        elif w == "-F":
            field, _, value = next(it).partition("=@")
            files[field] = REPO / value
        elif not w.startswith("-"):
            url = w
    parts = urlsplit(url)
    return method, parts.path + (f"?{parts.query}" if parts.query else ""), headers, files, expected


@pytest.fixture(scope="module")
def docs_client(seeded_path, tmp_path_factory) -> TestClient:
    path = tmp_path_factory.mktemp("docs") / "store.json.gz"
    shutil.copy(seeded_path, path)
    with TestClient(create_app(make_settings(store=path, api_key=API_KEY))) as client:
        yield client


def test_the_page_has_an_example_for_every_route(seeded_app):
    documented = [(m, unquote(p.split("?")[0])) for m, p, *_ in map(parse_curl, curl_lines())]
    for route in seeded_app.routes:
        path = getattr(route, "path", "")
        if path.startswith(("/docs", "/openapi", "/redoc", "/browser-assets")):
            continue
        pattern = re.compile(re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method in getattr(route, "methods", set()) - {"HEAD"}:
            assert any(m == method and pattern.match(p) for m, p in documented), (
                f"no example of {method} {path}"
            )


@pytest.mark.parametrize("line", curl_lines())
def test_documented_example(docs_client, line):
    method, path, headers, files, expected = parse_curl(line)
    uploads = {k: (p.name, p.read_bytes(), "text/plain") for k, p in files.items()} or None
    r = docs_client.request(method, path, headers=headers, files=uploads)
    assert r.status_code == expected, r.text
    assert r.headers["content-type"] == "application/json"
    if expected == 200 and "items" in r.json():
        assert r.json()["items"], f"{line}: the example shows nothing"
