"""HTML page -> article text and metadata, with trafilatura.

``extract_article`` is the one call: it returns the article body as plain text
(paragraphs on their own lines) and what the page says about itself (title, author, date,
url, site name, language), or None when the page holds no body text at all. The settings
were chosen on the extraction evaluation (``newsgraph eval extraction``, docs/cleaning.md).

``not_an_article`` then says why extracted text is still no article: pages of navigation,
cookie walls and app shells give a few short lines ("Home | About") and no sentences.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from newsgraph.ingest.furniture import strip_furniture

MIN_CHARS = 1  # any extracted body counts; the validation in prepare.py refuses blanks
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # also validates the caller's date (prepare.py)
_BODY = re.compile(r"<body\b", re.I)
# An article has sentences: lines with a full stop (any script) and at least
# MIN_SENTENCE_LETTERS letters, MIN_ARTICLE_LETTERS letters of them in all (about one
# 12-word sentence). On the 737 extraction pages (docs/cleaning.md) every page above it
# has 119 letters or more; the pages below hold no sentence at all.
MIN_SENTENCE_LETTERS = 20
MIN_ARTICLE_LETTERS = 60
_SENTENCE_END = re.compile(r"[.!?。！？]")
# A Chinese, Japanese or Korean character carries about a word: it counts as three letters.
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

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


def not_an_article(text: str) -> str | None:
    """Why ``text`` (an ``Article.text``) is not an article, or None when it is one.

    Page furniture the cleaner would remove (cookie banners, link lists, share widgets)
    does not count; what is left needs ``MIN_ARTICLE_LETTERS`` letters in sentence lines.
    """
    lines = [line.strip() for line in strip_furniture(text).split("\n") if any(c.isalnum() for c in line)]
    letters = 0
    for line in lines:
        count = sum(char.isalpha() for char in line) + 2 * len(_WIDE.findall(line))
        if count >= MIN_SENTENCE_LETTERS and _SENTENCE_END.search(line):
            letters += count
    if letters >= MIN_ARTICLE_LETTERS:
        return None
    shown = " | ".join(lines)
    shown = repr(shown[:80] + ("..." if len(shown) > 80 else "")) if shown else "nothing"
    if not letters:
        return (
            f"expected an article, found no sentence: only navigation, page furniture or a "
            f"consent banner ({len(lines)} short line(s) left: {shown})"
        )
    return (
        f"expected an article, found too little text: {letters} letters in sentences, under the "
        f"{MIN_ARTICLE_LETTERS} an article needs ({shown})"
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
