"""Neo4j Browser's govkg style and guide (the package's ``cypher/browser``), at ``/browser-assets/``.

For a Neo4j that is not govkg's local server (which serves them itself at ``/govkg/``), e.g. the
docker-compose one: its Browser loads them on connect with

    browser.post_connect_cmd=style http://localhost:8000/browser-assets/govkg.grass; play http://localhost:8000/browser-assets/guide.html

(``localhost`` is on Browser's default remote-content allowlist). Browser fetches them from its own
origin (port 7474) with ``Pragma``/``Cache-Control`` headers, so these answers carry CORS headers
and the preflight is answered here. The files are public package data: no API key, and not part of
the API's schema.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter, Request, Response

router = APIRouter(prefix="/browser-assets", tags=["browser"], include_in_schema=False)

ASSETS = {"guide.html": "text/html; charset=utf-8", "govkg.grass": "text/plain; charset=utf-8"}
CORS = {"Access-Control-Allow-Origin": "*"}


def _asset(name: str) -> Response:
    body = files("govkg.cypher").joinpath("browser", name).read_bytes()
    return Response(body, media_type=ASSETS[name], headers={**CORS, "Cache-Control": "no-cache"})


@router.get("/guide.html")
def guide() -> Response:
    """The Browser guide: ``:play http://<api>/browser-assets/guide.html``."""
    return _asset("guide.html")


@router.get("/govkg.grass")
def grass() -> Response:
    """The graph style: ``:style http://<api>/browser-assets/govkg.grass``."""
    return _asset("govkg.grass")


@router.options("/guide.html")
@router.options("/govkg.grass")
def preflight(request: Request) -> Response:
    """CORS preflight: Browser's fetch sends Pragma and Cache-Control headers."""
    headers = {**CORS, "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Max-Age": "600"}
    if asked := request.headers.get("access-control-request-headers"):
        headers["Access-Control-Allow-Headers"] = asked
    return Response(status_code=204, headers=headers)
