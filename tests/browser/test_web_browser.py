"""The web UI in Debian's chromium: each page opens, article -> entity -> quotes works,
screenshots land in tests/artifacts/screenshots/ (docs/screenshots/ with
NEWSGRAPH_UPDATE_SCREENSHOTS=1), and a hostile article executes nothing."""

from __future__ import annotations

from tests.browser.conftest import shot as _shot


def _doc_id(page, server, needle: str) -> str:
    items = page.request.get(f"{server}/documents.json?limit=100").json()["items"]
    return next(d["id"] for d in items if needle in (d["source"] or ""))


def test_web_browser_pages_open(page, server):
    for path, name, marker in [("/", "overview", "Corpus overview"), ("/map", "map", "Places"),
                               ("/events", "events", "Events"), ("/entities", None, "Entities")]:  # fmt: skip
        response = page.goto(server + path)
        assert response.status == 200
        assert marker in page.locator("h1").inner_text()
        if name:
            _shot(page, name)
    assert page.locator("table tbody tr").count() > 0


def test_web_browser_article_entity_quotes_click_through(page, server):
    doc_id = _doc_id(page, server, "port-strike")
    page.goto(f"{server}/documents/{doc_id}")
    assert page.locator("mark[data-kind=entity]").count() > 0
    assert page.locator("mark[data-kind=quote]").count() > 0
    page.locator("mark[data-kind=quote]").first.click()
    _shot(page, "article")
    # The legend hides a kind and shows it again.
    page.locator("input[data-toggle=entity]").uncheck()
    assert "hide-entity" in page.locator("#article-text").get_attribute("class")
    page.locator("input[data-toggle=entity]").check()
    speaker = page.locator("mark[data-kind=entity][data-type=PERSON]").first
    speaker.click()
    page.locator("#details-link").click()
    page.wait_for_url("**/entity?name=*")
    assert page.locator("h1 .type").inner_text() == "PERSON"
    _shot(page, "entity")
    page.locator("a.more", has_text="all quotes").click()
    page.wait_for_url("**/quotes?speaker*")
    assert page.locator("h1").inner_text().startswith("Quotes by")
    assert page.locator("blockquote.quote").count() >= 1


def test_web_browser_hostile_article_executes_nothing(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    items = page.request.get(f"{server}/documents.json?limit=100").json()["items"]
    hostile = [d["id"] for d in items if "hostile" in (d["source"] or "")]
    assert len(hostile) == 2
    for doc_id in hostile:
        page.goto(f"{server}/documents/{doc_id}")
        marks = page.locator("#article-text mark")
        for i in range(min(marks.count(), 30)):
            marks.nth(i).hover()
        for link in page.locator("#article-text a").all():
            link.click()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("#article-text script, #article-text img, #article-text svg").count() == 0
    for path in ("/", "/documents", "/entities", "/quotes", "/events", "/map", "/search?q=Ostend"):
        page.goto(server + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    assert dialogs == []
