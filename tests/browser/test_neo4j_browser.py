"""Neo4j Browser on the local Neo4j, driven by headless Chromium (Debian's chromium and chromedriver).

Connects with the local password and checks what a user sees: the govkg guide opens by itself
(``browser.post_connect_cmd``), a click on its blocks sets the parameters and runs a query, and the
graph view draws the nodes in govkg.grass's colours with their captions. Screenshots go to
test-output/browser/.
"""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.guide import GUIDE, grass_colours, slides
from tests.conftest import REPO, connect_local_neo4j

pytestmark = pytest.mark.neo4j

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
OUT = REPO / "test-output" / "browser"
WAIT = 45  # seconds, for any one thing to appear (a cold Neo4j compiles its first queries slowly)
PAGE = "regions-citing"  # the guide page the test clicks through

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing, so Neo4j Browser cannot be driven: install Debian's chromium and "
        "chromium-driver (apt-get install chromium chromium-driver) to run this test",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402 - only once Chromium is known to be there
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server():
    from govkg.graph import neo4j_server

    info = neo4j_server.status()
    if info is None or not info.ready:
        info = neo4j_server.start()
    try:
        with urllib.request.urlopen(info.guide_url, timeout=30) as r:
            served = r.read()
    except urllib.error.HTTPError as e:
        pytest.fail(f"{info.guide_url} answered {e.code}: the running local Neo4j predates the Browser assets; "
                    "restart it (govkg neo4j stop; govkg neo4j start)")  # fmt: skip
    assert served == GUIDE.read_bytes()
    return info


@pytest.fixture(scope="module")
def seed(neo4j_settings, example_records):
    """Ingests the example reports (idempotent); called again if another test cleared the database."""

    def ingest() -> None:
        graph = connect_local_neo4j(neo4j_settings)
        try:
            for rec in example_records:
                graph.ingest(rec)
        finally:
            graph.close()

    ingest()
    return ingest


@pytest.fixture(scope="module")
def chrome(tmp_path_factory):
    if not CHROMEDRIVER.exists():
        pytest.fail(f"{CHROMIUM} is installed but {CHROMEDRIVER} is not: apt-get install chromium-driver")
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1600,1100", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):  # fmt: skip
        options.add_argument(arg)
    try:  # the system's driver: Selenium Manager would try to download one
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    except WebDriverException:  # a Chromium that failed to start on a loaded machine: once more
        time.sleep(2)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def wait(driver, what, timeout: float = WAIT, message: str = ""):
    def attempt(d):
        try:
            return what(d)
        except (StaleElementReferenceException, WebDriverException):
            return None  # React re-rendered the element: look again

    return WebDriverWait(driver, timeout, poll_frequency=0.25).until(attempt, message)


def frames(driver) -> list[WebElement]:
    """Result frames, newest first."""
    return driver.find_elements(By.CSS_SELECTOR, "[data-testid=frame]")


def frame_for(driver, command: str) -> WebElement | None:
    """The newest frame whose command line starts as ``command`` does (Browser shows it on one line)."""
    start = " ".join(command.split())[:60]
    for f in frames(driver):
        shown = f.find_elements(By.CSS_SELECTOR, "[data-testid=frameCommand]")
        if shown and " ".join(shown[0].text.split()).startswith(start):
            return f
    return None


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(OUT / name))


@pytest.fixture(scope="module")
def connected(chrome, server, seed):
    """Browser opened on the local server and logged in with the local password."""
    from govkg.graph import neo4j_server

    user, password = neo4j_server.local_auth()
    chrome.get(f"{server.browser_url}?dbms=bolt://{user}@127.0.0.1:{server.bolt_port}")
    field = wait(chrome, lambda d: d.find_element(By.CSS_SELECTOR, "input[data-testid=password]"),
                 message="Browser's connect form did not appear")  # fmt: skip
    field.send_keys(password)
    chrome.find_element(By.CSS_SELECTOR, "button[data-testid=connect]").click()
    return chrome


def test_connecting_plays_the_govkg_guide_and_loads_its_style(connected, server):
    guide = wait(connected, lambda d: frame_for(d, f":play {server.guide_url}"),
                 message="the guide did not open after connecting (browser.post_connect_cmd)")  # fmt: skip
    wait(connected, lambda d: "govkg" in guide.find_element(By.CSS_SELECTOR, "[data-testid=carousel] h3").text)
    assert "Nodes, coloured as in govkg.grass" in guide.text
    assert f"1 / {len(slides())}" in guide.text
    style = wait(connected, lambda d: frame_for(d, f":style {server.http_uri}/govkg/govkg.grass"),
                 message="the style was not loaded after connecting")  # fmt: skip
    assert "node.Law" in style.text and "ERROR" not in style.text
    shot(connected, "01-connected-guide.png")


def test_a_click_on_the_guide_runs_a_query_drawn_in_govkg_colours(connected, server, seed):
    guide = wait(connected, lambda d: frame_for(d, f":play {server.guide_url}"))
    page = next(s for s in slides() if s.title == PAGE)
    for _ in range(len(slides())):
        if guide.find_element(By.CSS_SELECTOR, "[data-testid=carousel] h3").text == PAGE:
            break
        guide.find_element(By.CSS_SELECTOR, "[data-testid=nextSlide]").click()
    blocks = guide.find_elements(By.CSS_SELECTOR, "pre.runnable")
    assert [b.text.strip() for b in blocks] == page.blocks  # the page shows the queries, word for word
    shot(connected, "02-guide-page.png")

    # The ▶ in front of the :param block runs it at once; Browser ticks each statement.
    blocks[0].find_element(By.CSS_SELECTOR, "i.fa-play-circle-o").click()
    params = wait(connected, lambda d: frame_for(d, page.blocks[0]), message="the :param block did not run")
    wait(connected, lambda d: len(params.find_elements(By.CSS_SELECTOR, ".fa-check-square-o")) == len(page.params()),
         message="not every :param statement succeeded")  # fmt: skip

    ask, draw = page.queries()
    table = run(connected, blocks[1], ask, seed, lambda f: f.find_elements(By.CSS_SELECTOR, "table td"))
    assert "安吉县" in table.text and "中华人民共和国安全生产法" in table.text
    shot(connected, "03-query-table.png")

    graph = run(connected, blocks[2], draw, seed, lambda f: len(f.find_elements(By.CSS_SELECTOR, "g.node")) >= 5)
    time.sleep(2)  # let the force layout settle for the screenshot
    shot(connected, "04-query-graph.png")
    nodes = [(n.find_element(By.CSS_SELECTOR, "circle.b-outline").get_attribute("fill").upper(),
              " ".join(t.text for t in n.find_elements(By.CSS_SELECTOR, "text.caption")).strip())
             for n in graph.find_elements(By.CSS_SELECTOR, "g.node")]  # fmt: skip
    colours = grass_colours()
    assert {fill for fill, _ in nodes} <= set(colours.values()), "a node is drawn in a colour not in govkg.grass"
    by_caption = {caption: fill for fill, caption in nodes}
    assert by_caption.get("安吉县") == colours["Jurisdiction"]
    assert by_caption.get("湖州市") == colours["Jurisdiction"]
    laws = [c for c in by_caption if c.startswith("安全生产法")]  # caption "{short} {title}", title cut short
    assert laws and by_caption[laws[0]] == colours["Law"]
    reports = [c for c in by_caption if c.startswith("安吉县20")]  # "{title}", cut short: 安吉县2022…
    assert reports and all(by_caption[c] == colours["Report"] for c in reports)


def test_the_overview_draws_every_kind_of_node_in_its_own_colour(connected, server, seed):
    guide = wait(connected, lambda d: frame_for(d, f":play {server.guide_url}"))
    first = slides()[0]
    for _ in range(len(slides())):
        if guide.find_element(By.CSS_SELECTOR, "[data-testid=carousel] h3").text == first.title:
            break
        guide.find_element(By.CSS_SELECTOR, "[data-testid=previousSlide]").click()
    (overview,) = first.queries()
    block = next(b for b in guide.find_elements(By.CSS_SELECTOR, "pre.runnable") if b.text.strip() == overview)
    graph = run(connected, block, overview, seed, lambda f: len(f.find_elements(By.CSS_SELECTOR, "g.node")) >= 20)
    time.sleep(3)
    shot(connected, "05-overview-graph.png")
    fills = {c.get_attribute("fill").upper() for c in graph.find_elements(By.CSS_SELECTOR, "g.node circle.b-outline")}
    colours = grass_colours()
    assert fills <= set(colours.values())
    # A report states laws, programmes, metrics (indicators), commitments, roles (holders), jurisdictions.
    assert len(fills) >= 8, {label for label, c in colours.items() if c in fills}


def run(driver, block: WebElement, query: str, seed, done) -> WebElement:
    """Click a query block (it goes into the editor), run the editor, wait for the new frame's result.
    If it comes back empty (another test cleared the database meanwhile), seed and run again."""
    for attempt in range(2):
        before = frame_for(driver, query)  # the frame of an earlier run of the same query, if any
        block.click()
        driver.find_element(By.CSS_SELECTOR, "[data-testid=editor-Run]").click()
        frame = wait(driver, lambda d, before=before: _result(frame_for(d, query), before, done),
                     message=f"no result for {query[:50]}")  # fmt: skip
        if done(frame):
            return frame
        if attempt == 0:
            seed()
    pytest.fail(f"{query[:50]}... returned nothing, even after seeding the example reports again")


def _result(frame: WebElement | None, before: WebElement | None, done) -> WebElement | None:
    """The frame once its result is shown: drawn as ``done`` wants, or empty; None while it is not."""
    if frame is None or frame == before:
        return None
    if "ERROR" in frame.text:
        pytest.fail(f"Browser shows an error: {frame.text[:600]}")
    if not frame.find_elements(By.CSS_SELECTOR, "[data-testid=frame-loaded-contents]"):
        return None
    return frame if done(frame) or "no changes, no records" in frame.text.lower() else None
