"""Lists and span links in Debian's chromium: a quote's link opens its article scrolled to
and outlining exactly the quoted characters; pager and sortable headers work by clicking;
no console errors."""

from __future__ import annotations

from tests.browser.conftest import SCREENSHOTS, shot


def _errors(page) -> list[str]:
    errors: list[str] = []
    # (the browser's own request for /favicon.ico is a 404: not the page's error)
    page.on("console", lambda m: errors.append(f"{m.text} {m.location.get('url')}")
            if m.type == "error" and "favicon" not in (m.location.get("url") or "") else None)  # fmt: skip
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def test_web_lists_quote_link_scrolls_to_and_outlines_its_span(page, server):
    errors = _errors(page)
    quotes = page.request.get(f"{server}/quotes.json?limit=500").json()["items"]
    q = max(quotes, key=lambda x: x["start"])  # the deepest in its article: it needs a scroll
    page.goto(f"{server}/quotes?limit=500")
    page.locator(f'a.span-link[href$="#span-{q["start"]}-{q["end"]}"]').first.click()
    page.wait_for_url(f"**#span-{q['start']}-{q['end']}")
    cited = page.locator("#article-text span.cited")
    assert "".join(cited.all_inner_texts()) == q["text"]
    box = page.locator("#cited").bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]
    assert page.evaluate("document.activeElement.id") == "cited"
    # Another fragment moves the outline; the article's text is unchanged by it.
    text = page.locator("#article-text").inner_text()
    page.evaluate("location.hash = '#span-0-5'")
    page.wait_for_function("document.querySelectorAll('span.cited').length > 0 && "
                           "document.getElementById('cited').textContent.length > 0")  # fmt: skip
    assert page.locator("#article-text").inner_text() == text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "span-link.png"))
    assert errors == []


def test_web_lists_pager_and_sort_headers_click_through(page, server):
    errors = _errors(page)
    total = page.request.get(f"{server}/documents.json").json()["total"]
    page.goto(f"{server}/documents?limit=2")
    assert f"showing 1-2 of {total}" in page.locator(".pager-count").first.inner_text()
    page.locator("a[rel=next]").first.click()
    page.wait_for_url("**offset=2*")
    assert f"showing 3-4 of {total}" in page.locator(".pager-count").first.inner_text()
    page.locator("th a", has_text="Title").click()
    page.wait_for_url("**sort=title*")
    assert page.locator("th[aria-sort=ascending]").inner_text().lower().startswith("title")
    assert "offset" not in page.url  # a new order starts at its first page
    page.goto(f"{server}/quantities")
    assert page.locator("h1").inner_text().startswith("Quantities")
    shot(page, "quantities")
    assert errors == []
