"""Small helpers the browser tests share (fixtures live in conftest.py)."""

from __future__ import annotations


def doc_id(page, server: str, needle: str) -> str:
    """The id of the stored article whose source path contains ``needle``."""
    items = page.request.get(f"{server}/documents.json?limit=100").json()["items"]
    return next(d["id"] for d in items if needle in (d["source"] or ""))


def press(page, locator, viewport: str) -> None:
    """Tap on the phone, click on a wide screen."""
    if viewport == "phone":
        locator.tap()
    else:
        locator.click()


def shot_name(name: str, viewport: str) -> str:
    """The wide screenshot keeps the README's name; the phone one is NAME-phone."""
    return name if viewport == "wide" else f"{name}-phone"


def unlabelled_inputs(page) -> list[str]:
    """The form fields of the current page that have no accessible name."""
    return page.evaluate("""() => [...document.querySelectorAll("input, select, textarea")]
        .filter(el => el.type !== "hidden")
        .filter(el => !(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")
                        || [...(el.labels || [])].some(l => l.textContent.trim())))
        .map(el => el.outerHTML)""")
