"""The API gives the same answers on Neo4j as on the embedded store (same reports in both)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govkg.api.main import create_app
from tests.api.conftest import API_KEY, make_settings

pytestmark = pytest.mark.neo4j

SAME = [
    "/laws/安全生产法/regions",
    "/laws/民法典/regions?year_from=2022&level=county",
    "/laws/中华人民共和国民法典/regions?limit=2&skip=1",
    "/jurisdictions/安吉县",
    "/jurisdictions/大同市",
    "/jurisdictions/安吉县/laws?year_to=2022",
    "/jurisdictions/大同市/commitments?year=2022",
    "/programmes/放管服改革/regions",
    "/indicators/行政复议案件数/metrics",
    "/indicators/行政机关负责人出庭应诉率/metrics?level=prefecture",
    "/graph/neighbourhood?label=Law&key=安全生产法",
    "/graph/neighbourhood?label=Jurisdiction&key=安吉县&limit=20",
    "/jurisdictions/安吉县/trace",
    "/jurisdictions/安吉县/trace?year=2023&status=done",
    "/jurisdictions/安吉县/unpromised?year=2023",
    "/stats",
    "/laws/安全生产法/regions?year_from=2099",
]
NOT_FOUND = ["/laws/安全法/regions", "/jurisdictions/大同省", "/programmes/放管服务改革/regions"]


@pytest.fixture(scope="module")
def both(api, neo4j_api):
    return api, neo4j_api


@pytest.mark.parametrize("url", SAME)
def test_same_answer(both, url):
    embedded, neo4j = (c.get(url) for c in both)
    assert (embedded.status_code, neo4j.status_code) == (200, 200), neo4j.text
    assert neo4j.json() == embedded.json()


@pytest.mark.parametrize(
    "url", ["/search?q=安全生产&limit=100", "/search?q=行政复议&label=Indicator&limit=100"]
)
def test_search_finds_the_same_nodes(both, url):
    """Scores differ (Lucene's ranking is its own); the nodes found do not."""
    found = [{(h["label"], h["key"]) for h in c.get(url).json()["items"]} for c in both]
    assert found[0] == found[1]


@pytest.mark.parametrize("url", NOT_FOUND)
def test_same_not_found(both, url):
    embedded, neo4j = (c.get(url) for c in both)
    assert embedded.status_code == neo4j.status_code == 404
    assert set(neo4j.json()["suggestions"]) & set(embedded.json()["suggestions"])


def test_health_names_the_store(neo4j_api):
    assert neo4j_api.get("/health").json() == {"status": "ok", "store": "neo4j"}


def test_an_upload_goes_into_neo4j(neo4j_graph):
    report = Path(__file__).resolve().parents[2] / "examples" / "reports" / "tianhuangping_2023.txt"
    app = create_app(make_settings(neo4j_uri=neo4j_graph.location, api_key=API_KEY), store=neo4j_graph)
    with TestClient(app) as client:
        before = client.get("/stats").json()
        r = client.post("/reports", files={"file": ("api_upload_2023.txt", report.read_bytes(), "text/plain")},
                        headers={"X-API-Key": API_KEY})  # fmt: skip
        assert r.status_code == 201, r.text
        assert client.get("/stats").json()["labels"]["Report"] == before["labels"]["Report"] + 1
        assert neo4j_graph.remove("api_upload_2023")  # leave the graph as the other tests expect it
        assert client.get("/stats").json() == before
