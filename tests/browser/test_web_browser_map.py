"""Item 10: the map zooms and pans (buttons, keys, wheel, drag, pinch), merges overlapping
bubbles at the current zoom, shows no continent or ocean, and a place opens its own page
by GeoNames id."""

from __future__ import annotations

import re

from tests.browser.conftest import assert_no_horizontal_scroll, shot
from tests.browser.helpers import press, shot_name


def _state(page) -> dict:
    return page.evaluate("document.getElementById('map').mapState()")


def test_web_browser_map_zoom_pan_and_clusters(page, server, viewport):
    page.goto(server + "/map")
    assert_no_horizontal_scroll(page)
    names = set(page.locator("table tbody tr td:first-child").all_inner_texts())
    assert "Europe" not in names and {"Belgium", "Ostend", "Russia"} <= names
    world = _state(page)
    assert world["zoom"] == 1 and world["clusters"] >= 1  # the Low Countries overlap at world scale
    shot(page, shot_name("map", viewport), readme=viewport == "wide")
    page.locator("button[data-zoom=in]").click()
    assert _state(page)["zoom"] == 2
    page.locator("button[data-zoom=reset]").click()
    page.locator("#map").focus()
    for key in ("+", "+", "ArrowRight", "ArrowUp"):
        page.keyboard.press(key)
    keyed = _state(page)
    assert keyed["zoom"] == 4 and keyed["view"]["x"] > -45  # zoomed about the centre, then panned east
    page.keyboard.press("0")
    assert _state(page)["zoom"] == 1
    # click a cluster: it zooms in and splits into more bubbles
    cluster = page.locator("#map-dots g.cluster").first
    press(page, cluster, viewport)
    page.wait_for_function("document.getElementById('map').mapState().zoom > 1")
    zoomed = _state(page)
    assert zoomed["bubbles"] > world["bubbles"] - world["clusters"] or zoomed["clusters"] < world["clusters"]
    box = page.locator("#map-svg").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if viewport == "wide":
        before = _state(page)
        page.mouse.move(cx, cy)
        page.mouse.wheel(0, -400)
        page.wait_for_function(f"document.getElementById('map').mapState().zoom > {before['zoom']}")
        before = _state(page)
        page.mouse.down()
        page.mouse.move(cx - 120, cy, steps=6)
        page.mouse.up()
        assert _state(page)["view"]["x"] > before["view"]["x"]
    else:
        before = _state(page)
        page.evaluate("""([cx, cy]) => {  // a two-finger pinch, spreading apart
            const svg = document.getElementById('map-svg');
            const ev = (type, id, x) => svg.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: x, clientY: cy, bubbles: true}));
            ev('pointerdown', 1, cx - 20); ev('pointerdown', 2, cx + 20);
            for (let d = 20; d <= 80; d += 10) { ev('pointermove', 1, cx - d); ev('pointermove', 2, cx + d); }
            ev('pointerup', 1, cx - 80); ev('pointerup', 2, cx + 80);
        }""", [cx, cy])
        page.wait_for_function(f"document.getElementById('map').mapState().zoom > {before['zoom'] * 2}")
    assert_no_horizontal_scroll(page)


def test_web_browser_map_place_opens_its_page_by_id(page, server, viewport):
    page.goto(server + "/map")
    single = page.locator("#map-dots a.place[href^='/places/']").first
    href = single.get_attribute("href")
    title = single.locator("title").text_content()
    press(page, single.locator("circle"), viewport)
    page.wait_for_url(re.compile(r".*/places/\d+$"))
    assert page.url.endswith(href)
    name = page.locator("h1").inner_text()
    assert title.startswith(name.rsplit(" ", 1)[0])
    data = page.request.get(f"{server}{href}.json").json()
    assert {"name", "country", "lat", "lon", "documents", "entities", "co_entities", "events"} <= set(data)
    assert page.locator("table tbody tr").count() >= len(data["documents"]) >= 1
    assert_no_horizontal_scroll(page)
    shot(page, shot_name("place", viewport))
