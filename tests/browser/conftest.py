"""Browser-test fixtures: Debian's chromium (installed with apt-get when missing and we
are root; never `playwright install`), a store made by the real ingest of the bundled
examples plus hostile synthetic articles, and the app served by uvicorn on 127.0.0.1."""

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
SCREENSHOTS = REPO / (
    "docs/screenshots" if os.environ.get("NEWSGRAPH_UPDATE_SCREENSHOTS") == "1" else "tests/artifacts/screenshots"
)
HOSTILE = [
    REPO / "tests" / "fixtures" / "web" / "hostile-article.txt",
    REPO / "tests" / "fixtures" / "web" / "hostile-page.html",
]


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
    paths = sorted(str(p) for p in (REPO / "examples" / "articles").glob("*.txt")) + [str(p) for p in HOSTILE]
    with service.open_store(path) as store:
        service.ingest(store, paths, workers=0, show_progress=False, published="2031-03-14")
    return path


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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
