"""The API gives the same answers on Neo4j as on the embedded store (same reports in both)."""

from __future__ import annotations

import pytest

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
