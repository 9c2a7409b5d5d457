"""Browser-test fixtures: Debian's chromium (installed with apt-get when missing and we
are root; never `playwright install`), a store made by the real ingest of the bundled
examples plus hostile synthetic articles, and the app served by uvicorn on 127.0.0.1.

For a new page test: ask for ``viewport`` to run it at every width in ``VIEWPORTS``
(``page`` then opens at that width; "phone" is a touch device), call
``assert_no_horizontal_scroll(page)`` and ``shot(page, name)``; every ``page`` collects
console errors and uncaught exceptions and fails the test at teardown when there are any
(a test that expects one clears ``page.errors``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
# Screenshots go to tests/artifacts/ (ignored by git) so a test run leaves the tree clean;
# NEWSGRAPH_UPDATE_SCREENSHOTS=1 writes the README's copies in docs/screenshots/ instead.
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
README_SCREENSHOTS = REPO / "docs" / "screenshots"
UPDATE_README = os.environ.get("NEWSGRAPH_UPDATE_SCREENSHOTS") == "1"
# name -> (width, height, touch): the widths every layout test runs at.
VIEWPORTS = {"wide": (1400, 900, False), "phone": (390, 844, True)}
# The published date of the hostile fixtures: months before the examples' (2031-03-14), so
# the timeline spans a new year and bins by week.
EARLY = "2030-11-20"
HOSTILE = [
    REPO / "tests" / "fixtures" / "web" / "hostile-article.txt",
    REPO / "tests" / "fixtures" / "web" / "hostile-page.html",
]
# A plain-text article whose first line reads as its headline (ingested for real).
HEADLINE = REPO / "tests" / "fixtures" / "web" / "ferry-headline.txt"
HEADLINE_DATE = "2031-03-10"


def _chromium() -> str:
    """The chromium binary, installing Debian's package once when it is missing."""
    if not Path(CHROMIUM).exists() and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
                       check=False, capture_output=True, timeout=900)  # fmt: skip
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium) and could not be installed"
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
    path = _chromium()
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def ui_store(tmp_path_factory) -> str:
    from newsgraph import service

    path = str(tmp_path_factory.mktemp("ui") / "ui.duckdb")
    paths = sorted(str(p) for p in (REPO / "examples" / "articles").glob("*.txt"))
    with service.open_store(path) as store:
        service.ingest(store, paths, workers=0, show_progress=False, published="2031-03-14")
        service.ingest(store, [str(p) for p in HOSTILE], workers=0, show_progress=False, published=EARLY)
        service.ingest(store, [str(HEADLINE)], workers=0, show_progress=False, published=HEADLINE_DATE)
        _write_analyst_articles(store)
    return path


def _write_analyst_articles(store) -> None:
    """The synthetic list articles of tests/fixtures/web/analyst.py, written through the
    store writer (no NLP: well under a second) and joined incrementally."""
    from newsgraph.corpus.build import update
    from tests.fixtures.corpus.synthetic import analysed
    from tests.fixtures.web.analyst import analyst_records

    store.write([analysed(r) for r in analyst_records()])
    update(store)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(ui_store):
    """The app served on a free loopback port in a background thread; yields its URL."""
    import uvicorn

    from newsgraph.api import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(ui_store, token="browser-test"), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    """The viewport's name ("wide", "phone"); a test asking for it runs once per width."""
    return request.param


@pytest.fixture
def page(browser, request):
    """A fresh page, at the ``viewport`` width when the test asks for one (1280 px
    otherwise), recording console errors and page errors in ``page.errors``."""
    name = request.getfixturevalue("viewport") if "viewport" in request.fixturenames else None
    width, height, touch = VIEWPORTS[name] if name else (1280, 900, False)
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=touch, has_touch=touch)
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(f"console: {m.text} ({m.location.get('url')})"))
    pg.on("pageerror", lambda e: pg.errors.append(f"page error: {e}"))
    yield pg
    errors = list(pg.errors)
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


def shot(page, name: str, *, readme: bool = False) -> Path:
    """Save a full-page screenshot as tests/artifacts/screenshots/NAME.png; with
    ``readme`` and NEWSGRAPH_UPDATE_SCREENSHOTS=1 also as the README's docs/screenshots/NAME.png."""
    from playwright.sync_api import Error as PlaywrightError

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
    except PlaywrightError:
        # Chromium now and then fails a full-page capture ("Unable to capture
        # screenshot") on a loaded machine; the picture is an artifact, not the behaviour
        # under test, so try once more and then keep the viewport.
        page.wait_for_timeout(500)
        try:
            page.screenshot(path=str(path), full_page=True)
        except PlaywrightError:
            page.screenshot(path=str(path))
    if readme and UPDATE_README:
        shutil.copyfile(path, README_SCREENSHOTS / f"{name}.png")
    return path


def assert_no_horizontal_scroll(page, where: str = "") -> None:
    """Fail when the page is wider than the viewport, naming the widest elements that stick out."""
    found = page.evaluate("""() => {
        const w = document.documentElement.clientWidth;
        const wide = [];
        if (document.documentElement.scrollWidth > w) {
          for (const el of document.querySelectorAll("body *")) {
            const r = el.getBoundingClientRect();
            if (r.right > w + 1 && r.width > 0) wide.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(r.right)}`);
          }
        }
        return {scroll: document.documentElement.scrollWidth, width: w, wide: wide.slice(0, 6)};
    }""")
    assert found["scroll"] <= found["width"], f"{where or page.url} scrolls sideways: {found}"
