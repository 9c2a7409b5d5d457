"""HTML page -> article text and metadata, with trafilatura.

``extract_article`` is the one call: it returns the article body as plain text
(paragraphs on their own lines) and what the page says about itself (title, author, date,
url, site name, language), or None when the page holds no article. The settings were
chosen on the extraction evaluation (``newsgraph eval extraction``, docs/cleaning.md).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

MIN_CHARS = 1  # any extracted body counts; the validation in prepare.py refuses blanks
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # also validates the caller's date (prepare.py)
_BODY = re.compile(r"<body\b", re.I)

# trafilatura logs every page it finds no article in; that is our NO_ARTICLE, not a warning.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Article:
    """What ``extract_article`` found. ``date`` is YYYY-MM-DD or None."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    language: str | None = None


def extract_article(html: str, *, url: str | None = None, metadata: bool = True) -> Article | None:
    """The article in ``html`` (``url`` helps resolve links and dates), or None.

    With ``metadata=False`` only the body is extracted (faster; used by the evaluation).
    """
    result = _extract(html, url, metadata)
    if result is None:
        # An unclosed <title> or comment in the head can swallow the whole page; the body
        # alone often still parses.
        body = _BODY.search(html)
        result = _extract("<html>" + html[body.start() :], url, metadata) if body else None
    if result is None:
        return None
    text = _tidy(result.text or "")
    date = result.date if metadata and result.date and ISO_DATE.match(result.date) else None
    return Article(
        text=text,
        title=_clean_field(result.title) if metadata else None,
        author=_clean_field(result.author) if metadata else None,
        date=date,
        url=_clean_field(result.url) if metadata else None,
        sitename=_clean_field(result.sitename) if metadata else None,
        language=_clean_field(result.language) if metadata else None,
    )


def _extract(html: str, url: str | None, metadata: bool):
    """trafilatura's extraction with newsgraph's settings (no comments: reader comments
    are not the article), or None when it finds no body text."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=metadata, include_comments=False, include_tables=True
    )
    if result is None or len((result.text or "").strip()) < MIN_CHARS:
        return None
    return result


def _tidy(text: str) -> str:
    """One paragraph per line, no empty lines, no trailing spaces."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _clean_field(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
