"""The values a query filter or an ingest option may take, checked before anything runs.

Each check returns the normalised value or raises ``ValueError`` with a sentence naming
what was expected and what was found; the CLI turns it into a usage error (exit 2) and
the HTTP API into a 422.
"""

from __future__ import annotations

import re
from datetime import date

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"[A-Za-z]{2}")


def check_date(value: str) -> str:
    """``value`` if it is a real calendar date written YYYY-MM-DD."""
    if _ISO_DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
            return value
        except ValueError:
            raise ValueError(f"expected a real date as YYYY-MM-DD, found {value!r} (no such day)") from None
    raise ValueError(f"expected a date as YYYY-MM-DD (e.g. 2022-02-24), found {value!r}")


def check_event_type(value: str) -> str:
    """The PLOVER type ``value`` names (any case), upper-cased."""
    if value.upper() in PLOVER:
        return value.upper()
    raise ValueError(f"expected a PLOVER event type ({', '.join(PLOVER)}), found {value!r}")


def check_country(value: str) -> str:
    """``value`` upper-cased if it is an ISO 3166 alpha-2 code's shape (two letters)."""
    if _COUNTRY.fullmatch(value):
        return value.upper()
    raise ValueError(f"expected a two-letter ISO 3166 country code (e.g. UA), found {value!r}")


def check_confidence(value: str | float) -> float:
    """``value`` as a float if it is a confidence between 0 and 1 (``--min-confidence``)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expected a confidence between 0 and 1 (e.g. 0.5), found {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"expected a confidence between 0 and 1 (e.g. 0.5), found {value!r}")
    return number
