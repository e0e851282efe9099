"""POST /reports: off without a key, the key checked in constant time, size limits, the CLI's ingest rules."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govkg.api.deps import RWLock
from govkg.api.main import create_app
from govkg.graph.store import EmbeddedGraph
from tests.api.conftest import API_KEY, make_settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "reports"
KEY = {"X-API-Key": API_KEY}


def upload(client: TestClient, name: str, data: bytes, headers: dict[str, str] | None = KEY):
    return client.post("/reports", files={"file": (name, data, "text/plain")}, headers=headers)


@pytest.fixture
def writable(store_copy: Path):
    """A client over a copy of the seeded store, with an API key and a small upload limit."""
    app = create_app(make_settings(store=store_copy, api_key=API_KEY, max_upload_bytes=200_000))
    with TestClient(app) as client:
        yield client


def test_uploading_is_off_without_a_configured_key(api):
    r = upload(api, "r.txt", b"x", headers=KEY)
    assert r.status_code == 403
    assert "GOVKG_API_KEY" in r.json()["message"]


@pytest.mark.parametrize(
    "headers", [None, {"X-API-Key": ""}, {"X-API-Key": "wrong"}, {"X-API-Key": API_KEY + "x"}]
)
def test_a_missing_or_wrong_key_is_401(writable, headers):
    r = upload(writable, "r.txt", b"x", headers=headers)
    assert r.status_code == 401
    assert r.json()["error"] == "unauthorized"


def test_an_uploaded_report_is_extracted_ingested_and_saved(writable, store_copy):
    before = writable.get("/stats").json()
    data = (EXAMPLES / "tianhuangping_2023.txt").read_bytes()
    r = upload(writable, "tianhuangping_2023.txt", data)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["report"] == "tianhuangping_2023"
    assert body["year"] == 2023
    assert body["counts"]["laws"] > 0
    # the seeded store already held this example: the same report again changes nothing
    assert writable.get("/stats").json() == before
    assert EmbeddedGraph(store_copy).counts() == {
        k: before[k] for k in ("nodes", "relationships", "labels", "types")
    }


def test_a_new_report_is_queryable_at_once_and_on_disk(writable, store_copy):
    text = (EXAMPLES / "anji_2023.txt").read_text(encoding="utf-8")
    r = upload(
        writable, "upload_test_2023.txt", text.encode("gb18030")
    )  # GBK bytes are read like the CLI reads them
    assert r.status_code == 201, r.text
    reports = {
        x["id"] for j in writable.get("/jurisdictions/安吉县").json()["jurisdictions"] for x in j["reports"]
    }
    assert "upload_test_2023" in reports
    stats = writable.get("/stats").json()
    assert EmbeddedGraph(store_copy).counts()["nodes"] == stats["nodes"]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("virus.exe", b"MZ\x90\x00", "unsupported"),
        ("noise.txt", bytes(range(256)) * 20, ""),
        ("broken.pdf", b"%PDF-1.4 not really", ""),
        ("broken.docx", b"PK\x03\x04 not a zip", ""),
    ],
    ids=["empty", "exe", "binary", "pdf", "docx"],
)
def test_unreadable_files_are_422(writable, name, data, words):
    r = upload(writable, name, data)
    assert r.status_code == 422, r.text
    assert words in r.json()["message"]


def test_the_file_must_be_in_the_file_field(writable):
    r = writable.post("/reports", files={"document": ("r.txt", b"abc", "text/plain")}, headers=KEY)
    assert r.status_code == 422
    assert "'file'" in r.json()["message"]


def test_an_upload_over_the_limit_is_413(writable):
    r = upload(writable, "big.txt", "法".encode() * 100_000)  # 300 kB against a 200 kB limit
    assert r.status_code == 413
    assert r.json()["error"] == "too_large"


def test_an_upload_without_content_length_is_411(writable):
    def body():
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="r.txt"\r\n\r\nabc\r\n--b--\r\n'

    headers = {**KEY, "Content-Type": "multipart/form-data; boundary=b"}
    r = writable.post("/reports", content=body(), headers=headers)
    assert r.status_code == 411


def test_readers_share_and_a_writer_waits_for_them():
    lock, events = RWLock(), []
    both_in = threading.Barrier(3)

    def reader(tag: str) -> None:
        with lock.read():
            events.append(f"{tag} in")
            both_in.wait()  # both readers hold the lock at once
            time.sleep(0.05)
            events.append(f"{tag} out")

    def writer() -> None:
        both_in.wait()
        with lock.write():
            events.append("w")

    threads = [threading.Thread(target=reader, args=(t,)) for t in ("r1", "r2")] + [
        threading.Thread(target=writer)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert events[-1] == "w"  # after both readers left


def test_a_waiting_writer_holds_back_new_readers():
    lock, events = RWLock(), []
    first_in = threading.Event()

    def first_reader() -> None:
        with lock.read():
            first_in.set()
            time.sleep(0.1)
            events.append("r1 out")

    def writer() -> None:
        first_in.wait()
        with lock.write():
            events.append("w")

    def late_reader() -> None:
        first_in.wait()
        time.sleep(0.03)  # arrives while the writer waits
        with lock.read():
            events.append("r2")

    threads = [threading.Thread(target=f) for f in (first_reader, writer, late_reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert events == ["r1 out", "w", "r2"]
