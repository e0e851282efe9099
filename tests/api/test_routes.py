"""Each route on the embedded store holding the seeds and examples: facts of those reports, with evidence."""

from __future__ import annotations

import pytest

DATONG = "000_1d52dff9d37e0766"  # ../shared/seeds: 大同市2021年法治政府建设年度报告


def items(api, url: str) -> list[dict]:
    r = api.get(url)
    assert r.status_code == 200, r.text
    return r.json()["items"]


@pytest.mark.parametrize("name", ["安全生产法", "中华人民共和国安全生产法", "《安全生产法》"])
def test_a_law_by_any_of_its_names_lists_the_regions_citing_it(api, name):
    rows = items(api, f"/laws/{name}/regions")
    datong = [r for r in rows if r["jurisdiction"] == "大同市"]
    assert datong, rows
    row = datong[0]
    assert row["law"] == "中华人民共和国安全生产法"
    assert row["year"] == 2021
    assert row["evidence"]["report"] == DATONG
    assert row["evidence"]["section"] == "measures"
    assert "《中华人民共和国安全生产法》" in row["evidence"]["sentence"]


def test_year_and_level_filters(api):
    rows = items(api, "/laws/安全生产法/regions?year_from=2022")
    assert rows and all(r["year"] >= 2022 for r in rows)
    assert "大同市" not in {r["jurisdiction"] for r in rows}
    assert all(r["year"] <= 2021 for r in items(api, "/laws/安全生产法/regions?year_to=2021"))
    counties = items(api, "/laws/安全生产法/regions?level=county")
    assert counties and {r["level"] for r in counties} == {"county"}


def test_a_known_law_with_nothing_in_range_is_an_empty_page_not_404(api):
    r = api.get("/laws/安全生产法/regions?year_from=2099")
    assert r.status_code == 200
    assert r.json() == {"items": [], "limit": 50, "skip": 0, "next_skip": None}


def test_pages_follow_one_another(api):
    everything = items(api, "/laws/民法典/regions?limit=100")
    assert len(everything) >= 3
    seen, skip = [], 0
    while skip is not None:
        page = api.get(f"/laws/民法典/regions?limit=2&skip={skip}").json()
        assert len(page["items"]) <= 2
        seen += page["items"]
        skip = page["next_skip"]
    assert seen == everything


@pytest.mark.parametrize(
    ("url", "suggested"),
    [
        ("/laws/安全法/regions", "中华人民共和国安全生产法"),  # a near name: did you mean
        ("/jurisdictions/大同省/laws", "大同市"),
        ("/programmes/放管服务改革/regions", "放管服改革"),
        ("/indicators/行政复议/metrics", "行政复议案件数"),
    ],
)
def test_an_unknown_name_is_404_with_suggestions(api, url, suggested):
    r = api.get(url)
    assert r.status_code == 404
    body = r.json()
    assert body["error"] == "not_found"
    assert suggested in body["suggestions"]


def test_jurisdiction_profile(api):
    body = api.get("/jurisdictions/大同市").json()
    assert body["name"] == "大同市"
    (datong,) = body["jurisdictions"]
    assert datong["level"] == "prefecture"
    assert DATONG in {r["id"] for r in datong["reports"]}
    assert "中华人民共和国安全生产法" in datong["laws"]


def test_a_jurisdiction_by_its_adcode(api):
    datong = api.get("/jurisdictions/大同市").json()["jurisdictions"][0]
    by_id = api.get(f"/jurisdictions/{datong['id']}").json()["jurisdictions"]
    assert by_id == [datong]


def test_jurisdiction_laws(api):
    rows = items(api, "/jurisdictions/大同市/laws?limit=200")
    row = next(r for r in rows if r["law"] == "中华人民共和国安全生产法")
    assert row["short"] == "安全生产法"
    assert row["category"] == "law"
    assert row["evidence"]["report"] == DATONG


def test_jurisdiction_commitments_for_a_year(api):
    rows = items(api, "/jurisdictions/大同市/commitments?year=2022")
    assert rows and all(r["year"] == 2022 for r in rows)
    assert all(r["report_year"] == 2021 and r["evidence"]["section"] == "plans" for r in rows)
    assert [r["ordinal"] for r in rows] == sorted(r["ordinal"] for r in rows)
    assert items(api, "/jurisdictions/大同市/commitments?year=1990") == []


def test_programme_regions(api):
    rows = items(api, "/programmes/放管服改革/regions")
    assert {"大同市", "大连长兴岛经济区"} <= {r["jurisdiction"] for r in rows}
    assert all("放管服" in r["evidence"]["sentence"] for r in rows)


def test_indicator_metrics(api):
    rows = items(api, "/indicators/行政复议案件数/metrics")
    row = next(r for r in rows if r["jurisdiction"] == "大同市")
    assert (row["year"], row["value"], row["unit"]) == (2021, 56, "件")
    assert "56件" in row["evidence"]["sentence"]


def test_search(api):
    body = api.get("/search?q=安全生产&label=Law").json()
    assert body["items"][0]["key"] == "中华人民共和国安全生产法"
    assert {h["label"] for h in body["items"]} == {"Law"}


def test_neighbourhood_of_a_law_by_its_short_title(api):
    body = api.get("/graph/neighbourhood?label=Law&key=安全生产法").json()
    assert body["center"]["id"] == "Law:中华人民共和国安全生产法"
    assert {
        "type": "CITES",
        "src": f"Report:{DATONG}",
        "dst": "Law:中华人民共和国安全生产法",
    }.items() <= next(e for e in body["edges"] if e["src"] == f"Report:{DATONG}").items()
    ids = {n["id"] for n in body["nodes"]}
    assert all(e["src"] in ids and e["dst"] in ids for e in body["edges"])


def test_stats_and_health(api):
    stats = api.get("/stats").json()
    assert stats["labels"]["Report"] == 9
    assert stats["nodes"] == sum(stats["labels"].values())
    assert api.get("/health").json() == {"status": "ok", "store": "embedded"}


FACT_ROUTES = [
    "/laws/民法典/regions?limit=200",
    "/jurisdictions/安吉县/laws?limit=200",
    "/jurisdictions/安吉县/commitments?limit=200",
    "/programmes/放管服改革/regions?limit=200",
    "/indicators/行政复议案件数/metrics?limit=200",
    "/jurisdictions/安吉县/unpromised?limit=200",
]


@pytest.mark.parametrize("url", FACT_ROUTES)
def test_every_fact_carries_its_evidence(api, url):
    rows = items(api, url)
    assert rows
    for r in rows:
        ev = r["evidence"]
        assert ev["report"] and ev["section"] and ev["sentence"], r


def test_docs_and_schema(api):
    assert api.get("/docs").status_code == 200
    schema = api.get("/openapi.json").json()
    limit = next(
        p for p in schema["paths"]["/laws/{name}/regions"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 200  # the settings' max_page_size


def test_trace_follows_a_commitment_into_the_next_report(api):
    rows = items(api, "/jurisdictions/安吉县/trace?year=2023&limit=200")
    assert rows and all(r["year"] == 2023 and r["report"] == "anji_2022" for r in rows)
    assert {r["later_report"] for r in rows} == {"anji_2023"}
    followed = [r for r in rows if r["status"] in ("done", "progressed")]
    assert followed
    for r in followed:
        shown = [x["evidence"]["sentence"] for x in r["links"]] + [
            x["sentence"] for x in r["later_sentences"]
        ]
        assert shown and all(shown), r  # each outcome with the later report's sentence


def test_trace_status_filter_and_the_last_report(api):
    rows = items(api, "/jurisdictions/安吉县/trace?status=no_later_report&limit=200")
    assert rows and {(r["report"], r["year"], r["later_report"]) for r in rows} == {("anji_2023", 2024, None)}
    assert api.get("/jurisdictions/安吉县/trace?status=finished").status_code == 422


def test_unpromised_outcomes_carry_their_evidence(api):
    rows = items(api, "/jurisdictions/安吉县/unpromised?year=2023&limit=200")
    assert rows and {r["label"] for r in rows} <= {"Metric", "Programme"}
    assert all(r["evidence"]["report"] == "anji_2023" and r["evidence"]["sentence"] for r in rows)
