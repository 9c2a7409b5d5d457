"""Turn one ``InputDoc`` into a ``Document`` ready for the pipeline, or refuse it.

HTML is reduced to article text and metadata here (``ingest/html.py``) and the language is
recorded in ``metadata.language`` (any language is kept). Every refusal is an
``InputError`` whose message names the input and says what was expected and what was
found: EMPTY, TOO_LARGE, NO_ARTICLE, NOT_ARTICLE, BAD_DATE.
"""

from __future__ import annotations

from newsgraph.errors import Code, InputError
from newsgraph.ingest.html import ISO_DATE, Article, extract_article, not_an_article
from newsgraph.ingest.inputs import InputDoc
from newsgraph.ingest.language import detect
from newsgraph.pipeline.document import Document
from newsgraph.record import Metadata

MAX_CHARS = 1_000_000  # spaCy's own limit; a news article is far below it
MAX_HTML_CHARS = 16_000_000


def prepare(item: InputDoc, *, max_chars: int = MAX_CHARS) -> Document:
    """Validate ``item`` and build its ``Document``. Raises ``InputError``."""
    subject = item.id or item.source
    for given in (item.published, item.default_published):
        if given is not None and not ISO_DATE.match(given):
            raise InputError(Code.BAD_DATE, f"published must be YYYY-MM-DD, found {given!r}", subject=subject)
    metadata = Metadata(title=item.title, published=item.published, url=item.url, source=item.source)
    if item.published:
        metadata.published_source = "caller"
    if item.html is not None:
        text = _from_html(item, metadata, subject)
    else:
        text = item.text or ""
    if metadata.published is None and item.default_published:
        # The caller's default: only for inputs with no date of their own (given, or the page's).
        metadata.published, metadata.published_source = item.default_published, "caller"
    _check_size(text, "text", max_chars, subject)
    # Kept whatever the language: the pipeline runs only the components that declare it
    # (``Component.languages``) and notes the others on the record.
    metadata.language = detect(text).code
    doc = Document(id=item.id, text=text, metadata=metadata, clean=item.clean, source=item.source)
    if item.repairs:
        # Offsets index the HTML for HTML input, so only text input keeps its spans.
        doc.extras["decode_repairs"] = (item.repairs, item.html is None)
    return doc


def _from_html(item: InputDoc, metadata: Metadata, subject: str | None) -> str:
    """The article text of ``item.html``; fills ``metadata`` from the page."""
    html = item.html or ""
    _check_size(html, "HTML", MAX_HTML_CHARS, subject)
    article = extract_article(html, url=item.url)
    if article is None:
        raise InputError(
            Code.NO_ARTICLE,
            f"expected an article in the HTML, found no body text in {len(html):,} characters of markup",
            subject=subject,
        )
    refusal = not_an_article(article.text)
    if refusal:
        raise InputError(Code.NOT_ARTICLE, refusal, subject=subject)
    _fill_metadata(metadata, article)
    return article.text


def _check_size(content: str, what: str, limit: int, subject: str | None) -> None:
    """Raise ``InputError`` when ``content`` (named ``what`` in the message) is longer than
    ``limit`` characters (TOO_LARGE) or blank (EMPTY)."""
    if len(content) > limit:
        raise InputError(
            Code.TOO_LARGE, f"{what} is {len(content):,} characters; the limit is {limit:,}", subject=subject
        )
    if not content.strip():
        raise InputError(Code.EMPTY, f"no {what} to analyse (the input is empty or blank)", subject=subject)


def _fill_metadata(metadata: Metadata, article: Article) -> None:
    """Page metadata fills what the caller did not give; the caller always wins."""
    metadata.title = metadata.title or article.title
    metadata.byline = metadata.byline or article.author
    metadata.url = metadata.url or article.url
    metadata.source = metadata.source or article.sitename
    if metadata.published is None and article.date:
        metadata.published = article.date
        metadata.published_source = "html"
