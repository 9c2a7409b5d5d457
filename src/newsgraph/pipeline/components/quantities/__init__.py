"""``newsgraph.quantities.v1``: counts and amounts with bounds, ranges, approximation, unit
and counted object (see docs/quantities.md)."""

from __future__ import annotations

import re

from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.dates.tagger import tag as tag_dates
from newsgraph.pipeline.components.quantities.extract import Found, find_quantities
from newsgraph.pipeline.components.quantities.objects import counted_object
from newsgraph.pipeline.document import Document
from newsgraph.record import Quantity, Span

__all__ = ["QuantityExtractor", "find_quantities"]

# Objects that are time units name a duration, already a unit; these nouns are not counted
# objects of the number before them either.
_NOT_OBJECTS = {"%", "percent", "am", "pm", "a.m.", "p.m."}


class QuantityExtractor(Component):
    """Finds quantities in ``doc.text``.

    ``durations``: also report numeric durations ("three months") as time quantities; they
    are DURATION dates too (newsgraph.dates.v1). Points in time (years, dates, times of day)
    are never quantities.
    ``bare_numbers``: report numbers that have neither unit nor counted object ("rose 8% to
    3.65"), with ``unit`` and ``object`` null.
    """

    name = "newsgraph.quantities.v1"
    requires = ("spacy",)
    assigns = ("quantities",)

    def __init__(self, durations: bool = True, bare_numbers: bool = True):
        self.durations = durations
        self.bare_numbers = bare_numbers

    def __call__(self, doc: Document) -> Document:
        skip = [(m.start, m.end) for m in tag_dates(doc.text) if self._is_point(m)]
        for found in find_quantities(doc.text, skip):
            quantity = self._finish(doc, found)
            if quantity is not None:
                doc.quantities.append(quantity)
        return doc

    def _is_point(self, mention) -> bool:
        if mention.type == "DURATION":
            return not self.durations
        return True

    def _finish(self, doc: Document, found: Found) -> Quantity | None:
        """The record for one quantity, with its counted object; None when the parse shows
        it is no quantity (a number in a name, a pronoun "one", a year)."""
        obj = None
        if found.unit is None or found.dimension is None:
            obj = counted_object(doc.spacy, found.num_start, found.num_end)
            if obj is not None and obj[3] in _NOT_OBJECTS:
                obj = None
        if _in_name(doc.spacy, found) and obj is None:
            return None
        if found.kind == "word" and found.unit is None and obj is None:
            return None  # "one" as a pronoun, "the two of them"
        if _is_year(doc.text, found, obj):
            return None
        if found.unit is None and obj is None and not self.bare_numbers:
            return None
        dimension = found.dimension or ("count" if obj is not None else None)
        return Quantity(
            start=found.start,
            end=found.end,
            value=found.value,
            low=found.low,
            high=found.high,
            approx=found.approx,
            unit=found.unit,
            object=obj[0] if obj else None,
            object_span=Span(start=obj[1], end=obj[2]) if obj else None,
            dimension=dimension,
            component=self.name,
        )


def _in_name(sdoc, found: Found) -> bool:
    """A bare number right after a proper noun is part of a name (Boeing 737, Windows 10)."""
    if sdoc is None or found.unit is not None or found.modified or found.kind != "digit":
        return False
    span = sdoc.char_span(found.num_start, found.num_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = sdoc[span.start - 1]
    return prev.pos_ == "PROPN" and prev.idx + len(prev.text) >= found.start - 1


def _is_year(text: str, found: Found, obj) -> bool:
    """A four-digit number that reads as a year and counts nothing plural."""
    piece = text[found.num_start : found.num_end]
    if found.unit is not None or found.modified or found.value is None or not re.fullmatch(r"\d{4}", piece):
        return False
    if not 1000 <= found.value <= 2100:
        return False
    return obj is None or not obj[0].endswith("s")
