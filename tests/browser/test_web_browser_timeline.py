"""Item 9: the overview's timeline is a time axis (every week of the range drawn, empty
ones too, year labels) and each bar links to that week's articles or events."""

from __future__ import annotations

import re
from datetime import date

from tests.browser.conftest import assert_no_horizontal_scroll, shot
from tests.browser.helpers import press, shot_name


def _bins(page, kind: str) -> list[dict]:
    return page.evaluate(f"""() => [...document.querySelectorAll('svg.timeline a.bin-{kind}')].map(a => ({{
        href: a.getAttribute('href'), title: a.querySelector('title').textContent,
        x: parseFloat(a.querySelector('rect.hit').getAttribute('x'))}}))""")


def test_web_browser_timeline_axis_and_bar_links(page, server, viewport):
    page.goto(server + "/")
    assert_no_horizontal_scroll(page)
    shot(page, shot_name("overview", viewport), readme=viewport == "wide")
    docs, events = _bins(page, "docs"), _bins(page, "events")
    # hostile fixtures 2030-11-20, examples 2031-03-14: weeks from Monday 2030-11-18
    assert len(docs) == len(events) >= 17
    assert docs[0]["href"] == "/documents?since=2030-11-18&until=2030-11-24"
    assert all(re.fullmatch(r"/events\?since=\d{4}-\d\d-\d\d&until=\d{4}-\d\d-\d\d", e["href"]) for e in events)
    steps = {round(b["x"] - a["x"], 1) for a, b in zip(docs, docs[1:])}
    assert len(steps) == 1  # evenly spaced in time, gaps included
    counts = [int(re.search(r": (\d+) articles", d["title"]).group(1)) for d in docs]
    total = page.request.get(f"{server}/documents.json").json()["total"]  # every article is dated
    assert counts.count(0) >= 10 and sum(counts) == total
    years = page.locator("svg.timeline text.year").all_text_contents()
    assert years == ["2030", "2031"]
    # the busiest week's articles bar opens exactly its articles
    busiest = max(range(len(docs)), key=counts.__getitem__)
    press(page, page.locator("svg.timeline a.bin-docs").nth(busiest), viewport)
    page.wait_for_url(re.compile(r".*/documents\?since=.*"))
    since, until = re.search(r"since=([\d-]+)&until=([\d-]+)", page.url).groups()
    assert page.locator("table tbody tr").count() == counts[busiest]
    published = page.locator("table tbody tr td:first-child").all_inner_texts()
    assert all(since <= p.replace("Published:", "").strip() <= until for p in published)
    assert f"published {since} to {until}" in page.locator("h1").inner_text()


def test_web_browser_timeline_event_bar_filters_events(page, server):
    page.goto(server + "/")
    events = _bins(page, "events")
    counted = [(int(re.search(r": (\d+) events", e["title"]).group(1)), i) for i, e in enumerate(events)]
    n, i = max(counted)
    assert n > 0
    page.locator("svg.timeline a.bin-events").nth(i).click()
    page.wait_for_url(re.compile(r".*/events\?since=.*"))
    since, until = (date.fromisoformat(x) for x in re.search(r"since=([\d-]+)&until=([\d-]+)", page.url).groups())
    firsts = [date.fromisoformat(t.split(" ")[0]) for t in page.locator("table.events tbody td:first-child").all_inner_texts()]
    assert len(firsts) == n and all(since <= d <= until for d in firsts)
