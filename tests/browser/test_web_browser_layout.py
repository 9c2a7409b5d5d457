"""Item 8, phone width: no page scrolls sideways (tables stack), and a tapped highlight's
details open right under its paragraph; at 1400 px they stay in the side column. Every
page opens without a console error (the ``page`` fixture fails the test otherwise) and
with every form field labelled."""

from __future__ import annotations

from urllib.parse import quote

from tests.browser.conftest import assert_no_horizontal_scroll, shot
from tests.browser.helpers import doc_id, press, shot_name, unlabelled_inputs

LISTS = ["/", "/documents", "/entities", "/quotes", "/events", "/map", "/search?q=Ostend"]


def test_web_browser_layout_every_page_fits_the_width(page, server, viewport):
    article = doc_id(page, server, "port-strike")
    gid = page.request.get(f"{server}/map.json").json()["items"][0]["geonames_id"]
    paths = [*LISTS, f"/documents/{quote(article, safe='')}", "/entity?name=Anna%20Kowalczyk", f"/places/{gid}"]
    for path in paths:
        response = page.goto(server + path)
        assert response.status == 200, path
        assert_no_horizontal_scroll(page, path)
        assert unlabelled_inputs(page) == [], path
        if path == "/events":
            shot(page, shot_name("events", viewport), readme=viewport == "wide")
        if path.startswith("/entity?"):
            shot(page, shot_name("entity", viewport), readme=viewport == "wide")
    page.goto(server + "/events")
    cell = page.locator("table.events tbody tr td").first
    assert cell.get_attribute("data-label") == "Date"
    display = cell.evaluate("td => getComputedStyle(td).display")
    assert display == ("block" if viewport == "phone" else "table-cell")


def test_web_browser_layout_details_open_next_to_the_tapped_highlight(page, server, viewport):
    page.goto(f"{server}/documents/{quote(doc_id(page, server, 'alliance-summit'), safe='')}")
    mark = page.locator("#article-text mark").last  # far down the article
    mark.scroll_into_view_if_needed()
    press(page, mark, viewport)
    details = page.locator("#details")
    assert mark.get_attribute("data-label") in page.locator("#details-body").inner_text()
    m, d = mark.bounding_box(), details.bounding_box()
    if viewport == "phone":
        # the panel follows the mark's paragraph, inside the article, below the mark
        assert details.evaluate("el => el.previousElementSibling.classList.contains('para')")
        assert details.evaluate("el => el.parentElement.id") == "article-text"
        assert 0 <= d["y"] - (m["y"] + m["height"]) < 500, (m, d)
        assert d["x"] >= 0 and d["x"] + d["width"] <= 390
        assert_no_horizontal_scroll(page)
        shot(page, "article-phone")
        page.locator("#details-close").tap()
        assert details.evaluate("el => el.closest('aside') !== null")
        assert page.evaluate("document.activeElement.tagName") == "MARK"
    else:
        assert details.evaluate("el => el.closest('aside') !== null")
        assert 0 <= d["y"] < 900  # the side column is sticky: the details are on screen
        assert page.locator("#details-close").is_hidden()
        page.locator("#article-text mark[data-kind=quote]").first.click()
        shot(page, "article", readme=True)
