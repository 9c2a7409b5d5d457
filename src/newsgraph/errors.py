"""Every error newsgraph raises, with a stable code, in one place.

Messages say what was expected and what was found. Input errors name the input (its id or
path) so a batch can report them and go on.
"""

from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    # input problems (one record fails; the batch goes on)
    EMPTY = "E101"  # no text after reading/cleaning
    BINARY = "E102"  # the bytes are not text
    ENCODING = "E103"  # invalid UTF-8 that could not be decoded
    TOO_LARGE = "E104"  # over the size limit
    NO_ARTICLE = "E105"  # HTML with no extractable article body
    NOT_ENGLISH = "E106"  # the text is not in a supported language
    BAD_JSON = "E107"  # a JSONL line that is not a JSON object
    BAD_FIELD = "E108"  # a JSONL object with a missing or mistyped field
    NOT_FOUND = "E109"  # a path that does not exist or matched nothing
    BAD_DATE = "E110"  # a published date that is not YYYY-MM-DD
    # configuration problems (nothing runs)
    UNKNOWN_COMPONENT = "E201"
    MISSING_REQUIREMENT = "E202"
    MODEL_NOT_INSTALLED = "E203"
    BAD_CONFIG = "E204"
    # places (issue 17): a shipped places resource (ranker weights) that cannot be read
    BAD_PLACES_RESOURCE = "E290"
    # evaluation
    EVAL_DATA = "E301"  # evaluation data missing or malformed
    BASELINE_DROP = "E302"  # a score fell below its committed floor
    # internal: a component raised on a valid input
    COMPONENT_FAILED = "E401"


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
