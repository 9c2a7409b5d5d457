"""Numbers written in words (``resources/units/numbers.json``): the quantity extractor
reads amounts with them, the temporal tagger years and durations ("nineteen eighty-four",
"three months")."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


@cache
def load() -> dict:
    """``resources/units/numbers.json`` as a dict of tables (read once per process)."""
    source = resources.files("newsgraph.resources").joinpath("units/numbers.json")
    return json.loads(source.read_text(encoding="utf-8"))


@cache
def _values() -> dict[str, int]:
    numbers = load()
    return {**numbers["units"], **numbers["tens"], **numbers["scales"], "dozen": numbers["dozen"]}


def word_value(word: str) -> int | None:
    """The value of one number word (``six``, ``twenty``, ``million``, ``dozen``), or None."""
    return _values().get(word.lower())


def words_value(words: str) -> int | None:
    """The value of a number written in words (``twenty-six``, ``four hundred million``,
    ``two dozen``, ``a million``); None when a word is not a number word."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = 1
            continue
        value = word_value(word)
        if value is None:
            return None
        seen = True
        if word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            # Units follow tens ("twenty six") or a hundred ("a hundred and five"); two words
            # that do not compose are two numbers ("two Six Nations wins", "six two"): None.
            rest = current % 100
            if rest and not (rest >= 20 and rest % 10 == 0 and value < 10):
                return None
            current += value
    return total + current if seen else None
