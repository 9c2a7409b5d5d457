"""The temporal lexicon (``resources/temporal/lexicon.json``), loaded once."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

PATH = Path(__file__).resolve().parents[3] / "resources" / "temporal" / "lexicon.json"


@cache
def load() -> dict:
    """The lexicon as a dict of tables (see resources/temporal/README.md)."""
    return json.loads(PATH.read_text(encoding="utf-8"))


def alternation(words, *, escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)
