"""``newsgraph.dates.v1``: temporal expressions with TIMEX3 values and types, resolved
against the publication date (see docs/dates.md)."""

from __future__ import annotations

import re

from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.dates import resolve
from newsgraph.pipeline.components.dates.context import (
    caption_spans,
    clause_tense,
    in_caption,
    publication_date,
)
from newsgraph.pipeline.shared.temporal.tagger import Mention, mentions, tag
from newsgraph.pipeline.document import Document
from newsgraph.record import DateExpr

__all__ = ["DateExpr", "DateExtractor", "tag"]


class DateExtractor(Component):
    """Finds temporal expressions and resolves them to TIMEX3 values.

    ``use_dateline``: when the caller and the HTML give no publication date, take an
    explicit date from the dateline (and record it in ``metadata.published`` with
    ``published_source = "dateline"``).
    """

    name = "newsgraph.dates.v1"
    requires = ("text", "spacy", "metadata", "metadata.published", "noise")
    assigns = ("dates", "metadata.published")

    def __init__(self, use_dateline: bool = True):
        self.use_dateline = use_dateline

    def __call__(self, doc: Document) -> Document:
        if self.use_dateline:
            anchor = publication_date(doc)
        else:
            from newsgraph.pipeline.components.dates.context import parse_iso

            anchor = parse_iso(doc.metadata.published)
        captions = caption_spans(doc)
        report_quarter: str | None = None  # the first quarter named that has begun
        for mention in mentions(doc.text):
            spec = _in_context(doc.text, mention)
            if spec.get("period") and report_quarter is None:
                continue  # "the latest period" is a quarter only in a report about quarters
            tense = _tense(doc, mention.start, mention.end, spec)
            value, reason = resolve.value(spec, anchor, tense)
            value = _anchored_quarter(spec, value, report_quarter)
            if report_quarter is None and _begun_quarter(spec, value, anchor):
                report_quarter = value
            if value is None and reason is None:
                reason = "the expression names no valid calendar date"
            doc.dates.append(
                DateExpr(
                    start=mention.start,
                    end=mention.end,
                    value=value,
                    type=mention.type,
                    reason=reason,
                    caption=in_caption(doc, mention.start, mention.end, captions),
                    component=self.name,
                )
            )
        return doc


def _begun_quarter(spec: dict, value: str | None, anchor) -> bool:
    """True when ``spec`` names a quarter ("the fiscal first quarter", "third-quarter") that
    has begun by the publication date ``anchor``: the period a report is about."""
    if spec.get("kind") != "quarter" or not spec.get("q") or not value or "-Q" not in value:
        return False
    return anchor is None or value <= f"{anchor.year:04d}-Q{(anchor.month - 1) // 3 + 1}"


def _anchored_quarter(spec: dict, value: str | None, report: str | None) -> str | None:
    """TimeML's narrative anchoring for financial reports: "the quarter", "the latest
    quarter" and "a year earlier" refer to the quarter the report is about (the first one
    named: "the fiscal first quarter" ... "a year earlier" is that quarter a year before),
    not to the calendar quarter before publication. Returns ``value`` unchanged otherwise."""
    if spec.get("kind") != "quarter" or spec.get("q") or report is None:
        return value
    year, _, q = report.partition("-Q")
    if spec.get("year"):
        return f"{spec['year']:04d}-Q{q}"
    if spec.get("year_offset") is not None and value:
        return f"{value[:4]}-Q{q}"
    return f"{int(year) - (1 if spec.get('year_ago') else 0):04d}-Q{q}"


def _tense(doc: Document, start: int, end: int, spec: dict) -> str | None:
    """The tense that decides ``spec``'s value, or None when its value needs none. A deadline
    with a clock time ("until 9 a.m. Tuesday") looks forward even when reported in the past
    ("gave them until 9 a.m. Tuesday")."""
    if not _needs_tense(spec):
        return None
    if spec["kind"] == "clocked" and _WEAK_BEFORE.search(doc.text[max(0, start - 12) : start]):
        return "future"
    if spec.get("possessive") and not _AHEAD_BEFORE.search(doc.text[max(0, start - 16) : start]):
        return "past"  # "Friday's purchases", "Wednesday's ruling": what has happened
    return clause_tense(doc.spacy, start, end, doc.text)


_AHEAD_BEFORE = re.compile(r"(?i)\b(?:ahead\s+of|before|until|for|await\w*)\s+$")
_WEAK_BEFORE = re.compile(r"(?i)\b(?:until|till|by|before)\s+(?:at\s+)?$")


def _needs_tense(spec: dict) -> bool:
    if spec["kind"] == "clocked":
        return _needs_tense(spec["date"])
    if spec.get("year_offset") is not None:
        return False
    return spec["kind"] in (
        "weekday",
        "monthday",
        "month",
        "overnight",
        "quarter",
        "holiday",
    ) and not spec.get("year")


def _in_context(text: str, mention: Mention) -> dict:
    """Adjust a spec by its sentence: "a year ago" next to a quarter means that quarter a
    year before (TimeML's convention for financial reports)."""
    spec = mention.spec
    if spec.get("kind") == "offset" and spec.get("unit") == "Y" and spec.get("ago") and spec.get("n") == -1:
        # The compared period is usually named in the same or the previous sentence.
        window = text[max(0, mention.start - 600) : mention.end + 300]
        if re.search(r"(?i)\bquarter\b", window):
            return {"kind": "quarter", "q": None, "year": None, "year_ago": True}
    return spec
