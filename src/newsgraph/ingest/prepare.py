"""Turn one ``InputDoc`` into a ``Document`` ready for the pipeline, or refuse it.

HTML is reduced to article text and metadata here; every refusal is an ``InputError``
whose message says what was expected and what was found.
"""

from __future__ import annotations

import re

from newsgraph.errors import Code, InputError
from newsgraph.ingest.inputs import InputDoc
from newsgraph.pipeline.document import Document
from newsgraph.record import Metadata

MAX_CHARS = 1_000_000  # spaCy's own limit; a news article is far below it
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def prepare(item: InputDoc, *, max_chars: int = MAX_CHARS) -> Document:
    """Validate ``item`` and build its ``Document``. Raises ``InputError``."""
    subject = item.id or item.source
    if item.published is not None and not _DATE.match(item.published):
        raise InputError(Code.BAD_DATE, f"published must be YYYY-MM-DD, found {item.published!r}", subject=subject)
    metadata = Metadata(title=item.title, published=item.published, url=item.url, source=item.source)
    if item.published:
        metadata.published_source = "caller"
    if item.html is not None:
        raise InputError(Code.NO_ARTICLE, "HTML input is not supported yet", subject=subject)
    text = item.text or ""
    if len(text) > max_chars:
        raise InputError(
            Code.TOO_LARGE, f"text is {len(text):,} characters; the limit is {max_chars:,}", subject=subject
        )
    if not text.strip():
        raise InputError(Code.EMPTY, "no text to analyse (the input is empty or blank)", subject=subject)
    return Document(id=item.id, raw=text, text=text, metadata=metadata, clean=item.clean, source=item.source)
