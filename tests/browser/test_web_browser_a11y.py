"""Accessibility: a skip link, labelled inputs, highlights reachable with one tab stop per
paragraph and the arrow keys inside it, Enter for details, and highlight kinds told apart
without hue (a line pattern per kind, each line at 3:1 contrast on its fill and on white)."""

from __future__ import annotations

import re
from urllib.parse import quote

from tests.browser.helpers import doc_id


def test_web_browser_a11y_skip_link(page, server, viewport):
    # (labelled inputs: checked on every page by test_web_browser_layout_every_page_fits_the_width)
    page.goto(server + "/events")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("class") == "skip-link" and skip.is_visible()
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_web_browser_a11y_roving_tabindex_in_the_article(page, server, viewport):
    page.goto(f"{server}/documents/{quote(doc_id(page, server, 'alliance-summit'), safe='')}")
    stops = page.locator("#article-text [tabindex='0']")
    paras_with_marks = page.locator("#article-text .para:has(mark)").count()
    assert stops.count() == paras_with_marks < page.locator("#article-text mark").count()
    # the first paragraph with two marks or more: its tab stop, then ArrowRight
    index = page.evaluate("""() => [...document.querySelectorAll('#article-text .para:has(mark)')]
        .findIndex(p => p.querySelectorAll('mark').length > 1)""")
    assert index >= 0
    para = page.locator("#article-text .para:has(mark)").nth(index)
    para.locator("[tabindex='0']").focus()
    page.evaluate("window.ngFirst = document.activeElement")
    page.keyboard.press("ArrowRight")
    second = page.locator(":focus")
    assert page.evaluate("document.activeElement !== window.ngFirst && document.activeElement.tagName === 'MARK'")
    assert page.evaluate("window.ngFirst.getAttribute('tabindex')") == "-1" and second.get_attribute("tabindex") == "0"
    assert para.locator("[tabindex='0']").count() == 1 and para.locator(":focus").count() == 1
    page.keyboard.press("Enter")
    assert second.get_attribute("data-label") in page.locator("#details-body").inner_text()
    if viewport == "phone":
        assert page.locator("#details.popover").is_visible()
        page.keyboard.press("Escape")
        assert page.locator("#details.popover").count() == 0
        assert page.evaluate("document.activeElement.tagName") == "MARK"
    # Tab leaves the paragraph: the next stop is in the next paragraph with marks
    page.keyboard.press("Tab")
    assert page.evaluate("""() => {
        const paras = [...document.querySelectorAll('#article-text .para:has(mark)')];
        return paras.indexOf(document.activeElement.closest('.para'));
    }""") == index + 1


def _rgb(css: str) -> tuple[float, float, float]:
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", css)[:3])
    return r, g, b


def _luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_web_browser_a11y_kinds_differ_without_hue(page, server):
    page.goto(f"{server}/documents/{quote(doc_id(page, server, 'alliance-summit'), safe='')}")
    styles = page.evaluate("""() => [...document.querySelectorAll('.legend .hl')].map(el => {
        const s = getComputedStyle(el);
        return {kind: el.textContent.trim(), fill: s.backgroundColor,
                border: [s.borderBottomStyle, s.borderBottomWidth, s.borderBottomColor],
                outline: [s.outlineStyle, s.outlineWidth, s.outlineColor],
                deco: [s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor]};
    })""")
    assert {s["kind"] for s in styles} == {"entity", "place", "quote", "speaker", "quantity", "date", "event", "noise"}
    patterns = {}
    for s in styles:
        if s["border"][0] != "none" and s["border"][1] != "0px":
            pattern, line = ("border", *s["border"][:2]), s["border"][2]
        elif s["outline"][0] != "none":
            pattern, line = ("outline", *s["outline"][:2]), s["outline"][2]
        else:
            assert s["deco"][0] != "none", s
            pattern, line = ("decoration", *s["deco"][:2]), s["deco"][2]
        patterns.setdefault(pattern, []).append(s["kind"])
        fill = _rgb(s["fill"])
        assert _contrast(_rgb(line), fill) >= 3, (s["kind"], line, s["fill"], _contrast(_rgb(line), fill))
        assert _contrast(_rgb(line), (255, 255, 255)) >= 3, (s["kind"], line)
    assert all(len(kinds) == 1 for kinds in patterns.values()), patterns
