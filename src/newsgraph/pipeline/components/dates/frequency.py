"""TIMEX3's ``freq`` and ``quant`` for a SET: how often in each period ("twice a week":
``freq`` ``2X``) and the quantifier that makes it recur ("every Tuesday": ``quant``
``EVERY``). The frequency words belong to the expression in TimeML ("twice a week" is one
TIMEX3), so the span grows to take them in. Done here rather than in the shared tagger
so that the quantities component, which reads the tagger's spans, is unaffected."""

from __future__ import annotations

import re

from newsgraph.pipeline.shared.number_words import words_value

# "twice", "once", "three times", "3 times", "several times", "a few times" right before
# the set ("twice a week", "three times a year", "twice daily").
_FREQ_BEFORE = re.compile(
    r"(?i)\b(?:(?P<word>once|twice|thrice)|(?P<n>\d+|a\s+few|[a-z]+(?:-[a-z]+)?)\s+times)\s+$"
)
_FIXED = {"once": 1, "twice": 2, "thrice": 3}
_VAGUE = {"several", "a few", "few", "many", "multiple", "numerous"}
_QUANT = re.compile(r"(?i)(every|each)\b")


def frequency(text: str, start: int, end: int) -> tuple[int, str | None, str | None]:
    """For the SET at ``[start, end)`` of ``text``: its start (moved back over a frequency
    that precedes it), ``freq`` (``2X``, or ``XX`` for "several times"; None when no
    frequency is named) and ``quant`` (``EVERY``, ``EACH`` or None)."""
    quant_match = _QUANT.match(text, start)
    quant = quant_match.group(1).upper() if quant_match else None
    m = _FREQ_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return start, None, quant
    if m.group("word"):
        return m.start(), f"{_FIXED[m.group('word').lower()]}X", quant
    count = re.sub(r"\s+", " ", m.group("n").lower())
    if count in _VAGUE:
        return m.start(), "XX", quant
    n = int(count) if count.isdigit() else words_value(count)
    if not n or count in ("a", "an"):
        return start, None, quant  # "at times a week", "the times a year": not a count
    return m.start(), f"{n}X", quant
