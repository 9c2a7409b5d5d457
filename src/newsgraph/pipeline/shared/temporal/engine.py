"""The date tagger's entry points: ``tag`` (every temporal expression in a text) and
``mentions`` (the same, remembered for the last few texts). The pattern table is the
measures' rows (``measures.patterns``, first: a range end carries its year past a tie)
then the tagger's own (``tagger._patterns``); each row runs through its scanner (scan.py).
Kept apart from tagger.py so that measures.py, which builds on the tagger's helpers, is
not imported by it (no import cycle)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newsgraph.pipeline.shared.temporal.combine import select, with_modifiers
from newsgraph.pipeline.shared.temporal.measures import patterns as measure_patterns
from newsgraph.pipeline.shared.temporal.scan import Scanner, ascii_folded, fold
from newsgraph.pipeline.shared.temporal.tagger import Mention, _patterns


def patterns() -> list[tuple[re.Pattern, Callable]]:
    """Every ``(regex, handler)`` row, in the order the tagger tries them."""
    return [(re.compile(p), fn) for p, fn in measure_patterns()] + _patterns()


# (pattern, handler, scanner) for each row of ``_patterns()``, built on first use.
_COMPILED: list[tuple[re.Pattern, Callable[[re.Match], Mention | list[Mention] | None], Scanner]] = []


@lru_cache(maxsize=256)
def mentions(text: str) -> tuple[Mention, ...]:
    """``tag(text)``, remembered for the last few texts: the quantities component tags a
    text to leave its dates out and the dates component tags the same text to resolve
    them. A memo of a pure function of the text, not a hand-over between components."""
    return tuple(tag(text))


def tag(text: str, *, plain: bool = False) -> list[Mention]:
    """Every temporal expression in ``text``, left to right, without overlaps: where two
    candidates overlap the longer wins, then the earlier. ``plain`` runs each pattern's own
    ``finditer`` over the whole text instead of its scanner: the reference the scanner is
    tested (tests/test_dates_tagger_speed.py) and timed (bench/date_tagger.py) against."""
    text = ascii_folded(text)  # the handlers look matched words up in lower-case tables
    if not _COMPILED:
        # One extend of a finished list: another thread sees all rows or none.
        _COMPILED.extend([(pattern, handler, Scanner(pattern)) for pattern, handler in patterns()])
    # Each scanner gives exactly its pattern's ``finditer(text)``, skipping patterns that
    # cannot match and matching case-insensitive ones on the lower-cased text (scan.py).
    folded = None if plain else fold(text)
    found: list[Mention] = []
    memo: dict = {}
    for pattern, handler, scanner in _COMPILED:
        for m in pattern.finditer(text) if plain else scanner.finditer(text, folded, memo):
            mention = handler(m)
            # A handler gives one mention, none, or both ends of a range ("April 24 and 25").
            for one in mention if isinstance(mention, list) else (mention,):
                if one is not None and one.end > one.start:
                    found.append(one)
    return with_modifiers(text, select(text, found))
