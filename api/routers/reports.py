"""Reports: upload one report file; it is read, extracted and ingested as ``govkg ingest`` does.

Only with the server's API key (``GOVKG_API_KEY``, sent as ``X-API-Key``); with
no key configured the route is off (403). The key is checked before the body
is read, and the body's declared length before it is parsed.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from fastapi import APIRouter, Depends, Request, status
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from govkg.api.deps import StoreDep, StoreHolder, TooLarge, require_api_key
from govkg.api.models import ErrorBody, Ingested
from govkg.api.routers._common import ERRORS
from govkg.errors import InputError, QueryError, StoreError
from govkg.extractors.records import LISTS, ExtractionRecord

router = APIRouter(tags=["reports"], responses=ERRORS)

MULTIPART_SLACK = 64 * 1024  # boundaries and part headers around the file
FIELD = "file"

UPLOAD_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": [FIELD],
    "properties": {FIELD: {"type": "string", "format": "binary",
                           "description": "the report: .txt, .md, .html, .pdf or .docx (the file name's suffix "
                                          "says which)"}}}}}}}  # fmt: skip

UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "no API key, or the wrong one"},
    403: {"model": ErrorBody, "description": "uploading is off: the server has no API key"},
    411: {"model": ErrorBody, "description": "the request has no Content-Length"},
    413: {"model": ErrorBody, "description": "the file is over the server's max_upload_bytes"},
}


@router.post("/reports", status_code=status.HTTP_201_CREATED, response_model=Ingested, responses=UPLOAD_ERRORS,
             openapi_extra=UPLOAD_BODY, dependencies=[Depends(require_api_key)],
             summary="Upload a report: extract it and put its facts in the graph")  # fmt: skip
async def upload_report(request: Request, store: StoreDep) -> Ingested:
    """Multipart upload of one report file (field ``file``). A report uploaded again (same file
    name) replaces what it said before."""
    most = request.app.state.settings.max_upload_bytes
    _check_length(request, most)
    data, name = await _read_upload(request, most)
    rec = await run_in_threadpool(ingest_bytes, store, data, name)
    r = rec.report
    return Ingested(report=r.id, title=r.title, year=r.year, jurisdiction=r.jurisdiction,
                    counts={k: len(getattr(rec, k)) for k in LISTS})  # fmt: skip


class LengthRequired(QueryError):
    """An upload without Content-Length (its size cannot be checked before it is read)."""


def _check_length(request: Request, most: int) -> None:
    declared = request.headers.get("content-length")
    if declared is None or not declared.isdigit():
        raise LengthRequired("send the upload with a Content-Length header")
    if int(declared) > most + MULTIPART_SLACK:
        raise TooLarge(f"the upload is {declared} bytes; this server takes reports of at most {most} bytes")


async def _read_upload(request: Request, most: int) -> tuple[bytes, str]:
    try:
        form = await request.form(max_files=1, max_fields=8)
    except HTTPException as e:  # Starlette's answer to a malformed multipart body
        raise QueryError(f"the body is not a multipart form with one file ({e.detail})") from None
    upload = form.get(FIELD)
    if not isinstance(upload, UploadFile):
        raise QueryError(f"send the report as the multipart file field {FIELD!r}")
    name = PurePath((upload.filename or "").replace("\\", "/")).name
    if not name:
        raise QueryError("the uploaded file needs a file name: its suffix says how to read it")
    data = await upload.read(most + 1)
    await form.close()
    if len(data) > most:
        raise TooLarge(f"the file is over this server's limit of {most} bytes")
    return data, name


def ingest_bytes(store: StoreHolder, data: bytes, name: str) -> ExtractionRecord:
    """Read, extract and ingest one report (the CLI's ``ingest`` rules), one writer at a time."""
    from govkg.extractors.load import text_from_bytes
    from govkg.extractors.pipeline import extract_text
    from govkg.graph import tracing

    suffix = PurePath(name).suffix.lower()
    with store.writer:
        raw = text_from_bytes(data, name=name, suffix=suffix)
        rec = extract_text(raw, name, store.resources())
        if not rec.report.id:
            raise InputError(f"{name}: no report id could be made from the file name")
        graph = store.get()
        with store.rw.write():
            graph.ingest(rec)
            # as `govkg ingest` does: keep the report's passages, retrace the jurisdictions it touches
            tracing.after_ingest(graph, rec, store.resources().segmenter.words)
        save = getattr(graph, "save", None)
        if save is not None:  # the embedded store: written atomically; readers may go on meanwhile
            with store.rw.read():
                try:
                    save()
                except OSError as e:
                    raise StoreError(f"the store file could not be written ({e.strerror})") from e
    return rec
