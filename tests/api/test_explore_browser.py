"""The explorer in headless Chromium, served by a live ``govkg serve`` (embedded store and Neo4j).

A user searches, picks a result, reads the evidence of a link, clicks a node to expand it,
filters by year and label, and follows the evidence to the report view. Screenshots of each
step go to test-output/explore/ (look at them: they are what a user sees).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from govkg.api.style import STYLES
from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
OUT = REPO / "test-output" / "explore"
WAIT = 45  # seconds for any one thing to appear (a loaded machine, a cold Neo4j)
LAW = "Law:中华人民共和国安全生产法"
REPORT = "Report:anji_2023"

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium and chromium-driver "
        "(apt-get install chromium chromium-driver) to run the explorer in a browser",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402 - only once Chromium is known to be there
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def server(request, seeded_path, tmp_path_factory):
    """``govkg serve`` in its own process, over the seeded store or the seeded local Neo4j."""
    if request.param == "neo4j":
        args = ["--neo4j", request.getfixturevalue("neo4j_graph").location]
    else:
        args = ["--store", str(seeded_path)]
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "govkg.cli", "serve", *args, "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"govkg serve did not come up: {log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield request.param, base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def chrome(tmp_path_factory):
    if not CHROMEDRIVER.exists():
        pytest.fail(f"{CHROMIUM} is installed but {CHROMEDRIVER} is not: apt-get install chromium-driver")
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1500,950",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:  # the system's driver: Selenium Manager would try to download one
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    except WebDriverException:  # a Chromium that failed to start on a loaded machine: once more
        time.sleep(2)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def wait(driver, what, message: str = ""):
    def attempt(d):
        try:
            return what(d)
        except (StaleElementReferenceException, WebDriverException):
            return None

    return WebDriverWait(driver, WAIT, poll_frequency=0.2).until(attempt, message)


def js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def visible(driver) -> list[str]:
    return js(driver, "return govkg.drawing.cy.nodes(':visible').map(n => n.id())")


def click_at(driver, point: dict) -> None:
    """A real mouse click on the drawing at a rendered position (relative to its top left corner)."""
    graph = driver.find_element(By.ID, "graph")
    size = graph.size
    ActionChains(driver).move_to_element_with_offset(
        graph, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)).click().perform()


def rgb(colour: str) -> str:
    return "rgb({},{},{})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


def panel_title(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#panel .title").text


def test_search_draw_expand_filter_and_read_the_evidence(server, chrome):
    store, base = server
    d = chrome

    def shot(step: str) -> None:
        d.save_screenshot(str(OUT / f"{store}-{step}.png"))

    d.get(f"{base}/explore")
    wait(d, lambda d: js(d, "return document.body.dataset.ready") == "true", "the explorer did not start")
    assert d.find_element(By.ID, "store").text.startswith(store)

    # search, and draw the law's neighbourhood
    d.find_element(By.ID, "q").send_keys("安全生产")
    d.find_element(By.CSS_SELECTOR, "#search button").click()
    hit = wait(d, lambda d: next((h for h in d.find_elements(By.CSS_SELECTOR, ".hit")
                                  if "中华人民共和国安全生产法" in h.text), None), "no search result for the law")  # fmt: skip
    shot("1-search")
    hit.click()
    wait(d, lambda d: "中华人民共和国安全生产法" in panel_title(d), "the law's panel did not open")
    drawn = visible(d)
    assert LAW in drawn and REPORT in drawn and len(drawn) >= 5
    colours = js(d, "return Object.fromEntries(govkg.drawing.cy.nodes().map(n => [n.data('label'), "
                    "n.style('background-color').replace(/ /g, '')]))")  # fmt: skip
    assert colours == {label: rgb(STYLES[label].colour) for label in colours}
    assert "Evidence" in d.find_element(By.ID, "panel").text
    shot("2-law")

    # click the link from the report to the law: the sentence, with the mention marked
    edge = js(d, "return govkg.drawing.cy.edges().filter(e => e.data('type') === 'CITES' && "
                 "e.data('src') === arguments[0] && e.data('dst') === arguments[1])[0].renderedMidpoint()", REPORT, LAW)  # fmt: skip
    click_at(d, edge)
    wait(d, lambda d: panel_title(d) == "CITES", "the link's evidence did not open")
    marks = [m.text for m in d.find_elements(By.CSS_SELECTOR, "#panel blockquote mark")]
    assert marks == ["安全生产法"]
    shot("3-evidence")
    report_link = d.find_element(By.CSS_SELECTOR, "#panel .fact .where a").get_attribute("href")

    # click the report: its neighbourhood joins the drawing
    click_at(d, js(d, "return govkg.drawing.cy.getElementById(arguments[0]).renderedPosition()", REPORT))
    wait(d, lambda d: js(d, "return govkg.drawing.isExpanded(arguments[0])", REPORT), "the report was not expanded")
    wait(d, lambda d: "安吉县2023年" in panel_title(d), "the report's panel did not open")
    expanded = visible(d)
    assert len(expanded) > len(drawn) + 20
    labels = set(js(d, "return govkg.drawing.cy.nodes(':visible').map(n => n.data('label'))"))
    assert {"Report", "Law", "Programme", "Metric", "Commitment", "Jurisdiction"} <= labels
    time.sleep(0.5)  # the zoom animation
    shot("4-expanded")

    # filters: reports of 2023 only, then no metrics
    Select(d.find_element(By.ID, "year-from")).select_by_value("2023")
    wait(d, lambda d: "Report:anji_2022" not in visible(d), "the year filter hid no report")
    filtered = visible(d)
    assert REPORT in filtered and "Report:000_1d52dff9d37e0766" not in filtered
    d.find_element(By.ID, "label-Metric").click()
    wait(d, lambda d: not [n for n in visible(d) if n.startswith("Metric:")], "unticking Metric hid no metric")
    assert REPORT in visible(d)
    shot("5-filtered")

    # the evidence's report link: the report view, the fact marked
    d.get(report_link)
    chosen = wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "mark.f.sel"), "the report view marks no fact")
    assert "".join(m.text for m in chosen) == "安全生产法"
    assert len(d.find_elements(By.CSS_SELECTOR, "mark.f")) > 50
    shot("6-report")

    errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
