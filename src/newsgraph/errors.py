"""Every error newsgraph raises, with a stable code, in one place.

Messages say what was expected and what was found. Input errors name the input (its id or
path) so a batch can report them and go on.
"""

from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    # store problems (area: store/, helper wt-store): the store file cannot be used, or a
    # record could not be written; the CLI exits 4 for the first five
    STORE_MISSING = "E501"  # no store at the path (a read command needs one)
    STORE_LOCKED = "E502"  # another process holds the store
    NOT_A_STORE = "E503"  # the file is not a DuckDB store made by newsgraph
    STORE_PERMISSION = "E504"  # the file or its folder cannot be read or written
    STORE_SCHEMA = "E505"  # the store's schema is older (read-only open) or newer than this newsgraph
    STORE_WRITE = "E506"  # a record or a transaction could not be written to the store
    # input problems (one record fails; the batch goes on)
    EMPTY = "E101"  # no text after reading/cleaning
    BINARY = "E102"  # the bytes are not text
    ENCODING = "E103"  # invalid UTF-8 that could not be decoded
    TOO_LARGE = "E104"  # over the size limit
    NO_ARTICLE = "E105"  # HTML with no extractable article body
    BAD_JSON = "E107"  # a JSONL line that is not a JSON object
    BAD_FIELD = "E108"  # a JSONL object with a missing or mistyped field
    NOT_FOUND = "E109"  # a path that does not exist or matched nothing
    BAD_DATE = "E110"  # a published date that is not YYYY-MM-DD
    # input reading (ingest/readers.py, ingest/html.py)
    NOT_ARTICLE = "E111"  # HTML whose text is only navigation, a cookie wall or a stub, no article
    # configuration problems (nothing runs)
    UNKNOWN_COMPONENT = "E201"
    MISSING_REQUIREMENT = "E202"
    MODEL_NOT_INSTALLED = "E203"
    BAD_CONFIG = "E204"
    # places (issue 17): a shipped places resource (ranker weights) that cannot be read
    BAD_PLACES_RESOURCE = "E290"
    # evaluation
    EVAL_DATA = "E301"  # evaluation data missing or malformed
    # internal: a component raised on a valid input
    COMPONENT_FAILED = "E401"
    # pipeline contracts and record validation (area: src/newsgraph/pipeline, validate.py)
    UNKNOWN_FACET = "E210"  # a component declares a facet the Document does not have
    WRONG_ORDER = "E211"  # a component runs before one that assigns what it requires
    BAD_SETTING = "E212"  # a component setting of the wrong type for its signature
    INVALID_RECORD = "E410"  # a finished record breaks the contract (types, spans, ids)
    # shipped word lists (area: src/newsgraph/resources, issue 12 item 5)
    BAD_LEXICON = "E291"  # a shipped word list is missing, empty or states no source
    # quotes (issue 13, helper wt-quotes): the shipped cue model cannot be read
    BAD_QUOTES_RESOURCE = "E292"


# Retired codes: no longer raised, never to be reused (stores made before may hold them).
RETIRED: dict[str, str] = {
    "E106": "NOT_ENGLISH: the text is not in a supported language (retired in record schema 1.2: "
    "articles in other languages are analysed, with notes naming the components skipped)",
    "E302": "BASELINE_DROP: an evaluation score fell below its committed floor (never raised)",
}


class NewsgraphError(Exception):
    """Base error: ``code`` is stable, ``message`` is for people."""

    def __init__(self, code: Code, message: str, *, subject: str | None = None):
        self.code = code
        self.message = message
        self.subject = subject
        where = f"{subject}: " if subject else ""
        super().__init__(f"{where}{message} [{code.value}]")


class InputError(NewsgraphError):
    """One input cannot be analysed; the reason names it."""


class ConfigError(NewsgraphError):
    """The pipeline or a command is misconfigured; nothing was run."""


class EvalError(NewsgraphError):
    """Evaluation data is missing or a score fell below its floor."""


class StoreError(NewsgraphError):
    """The store cannot be opened or written (area: store/, helper wt-store)."""
