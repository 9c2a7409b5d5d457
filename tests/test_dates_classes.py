"""Dates, TimeML classes on synthetic sentences: TIMEX3's ``freq`` and ``quant`` on sets
("twice a week", "every Tuesday", the frequency taken into the span while the shared
tagger's spans stay as the quantities component reads them), halves and fiscal quarters of
a named year, the report quarter, and measures counted from an event ("three days
later": a DURATION)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.dates import DateExtractor
from newsgraph.pipeline.components.dates.frequency import frequency


def _dates(nlp, make_doc, text: str, published: str = "1989-10-26") -> dict:
    """The dates of ``text`` by their surface (1989-10-26 is a Thursday)."""
    doc = make_doc(text, published=published)
    doc.spacy = nlp(text)
    DateExtractor()(doc)
    return {doc.text[d.start : d.end]: d for d in doc.dates}


@pytest.mark.parametrize(
    "text,surface,freq,quant",
    [
        ("The board meets twice a week.", "twice a week", "2X", None),
        ("Trains leave three times a day.", "three times a day", "3X", None),
        ("He flies 4 times a year to Lagos.", "4 times a year", "4X", None),
        ("They talk several times a month.", "several times a month", "XX", None),
        ("She calls once a month.", "once a month", "1X", None),
        ("The pills are taken twice daily.", "twice daily", "2X", None),
        ("The market opens every Tuesday.", "every Tuesday", None, "EVERY"),
        ("Prices are set each July.", "each July", None, "EACH"),
        ("Rent is $900 a month.", "a month", None, None),
        ("The shop opens on weekends.", "weekends", None, None),
    ],
)
def test_dates_frequency_of_sets(nlp, make_doc, text, surface, freq, quant):
    found = _dates(nlp, make_doc, text, "2022-02-24")
    assert surface in found, found
    d = found[surface]
    assert (d.type, d.freq, d.quant) == ("SET", freq, quant)
    assert d.value is not None


def test_dates_frequency_needs_a_count():
    text = "At times a week goes by."
    start = text.index("a week")
    assert frequency(text, start, start + len("a week")) == (start, None, None)


def test_dates_frequency_leaves_quantities_alone(nlp, make_doc):
    """The span grows in the dates component only: the shared tagger's mentions, which the
    quantities component reads, still start at "a week"."""
    from newsgraph.pipeline.shared.temporal.engine import tag

    text = "The ferry sails three times a week."
    assert [text[m.start : m.end] for m in tag(text)] == ["a week"]


@pytest.mark.parametrize(
    "text,surface,value",
    [
        # Halves and fiscal quarters of a named year.
        ("Sales rose in the first half of 1990.", "the first half of 1990", "1990-H1"),
        ("Sales fell in the second half of 1988.", "the second half of 1988", "1988-H2"),
        ("It expects a loss in the fourth quarter of fiscal 1990.", "the fourth quarter of fiscal 1990", "1990-Q4"),
        # A season of a named year.
        ("Prices peaked in the summer of 1987.", "the summer of 1987", "1987-SU"),
        ("The plant opens in spring 1990.", "spring 1990", "1990-SP"),
        # Measures counted from the publication date stay dates.
        ("The company was founded two years ago.", "two years ago", "1987"),
        ("Profit rose from $3 million a year earlier.", "a year earlier", "1988"),
        ("The vote will be held three weeks from now.", "three weeks from now", "1989-W46"),
        # The earliest of times and deadlines look ahead: the coming Tuesday.
        ("They would be ready to leave as soon as Tuesday, he said.", "Tuesday", "1989-10-31"),
        ("The board gave the bidder until mid-November to reply.", "mid-November", "1989-11"),
        ("A hearing may come the week of March 6, a lawyer said.", "the week of March 6", "1990-W10"),
        ("The hearing was held the week of Oct. 2, 1989.", "the week of Oct. 2, 1989", "1989-W40"),
        # "due", "payable" look ahead unless a past perfect puts the day behind.
        ("The offer had been due to expire Friday evening.", "Friday evening", "1989-10-20TEV"),
        ("The dividend is payable Friday.", "Friday", "1989-10-27"),
        # A negated "could" reports an attempt that failed; "could" alone looks ahead.
        ("The mayor could not be reached for comment Monday.", "Monday", "1989-10-23"),
        ("Neither he nor his lawyer could be located Monday.", "Monday", "1989-10-23"),
        ("The vote could come Monday, aides said.", "Monday", "1989-10-30"),
    ],
)
def test_dates_values_in_context(nlp, make_doc, text, surface, value):
    found = {k: d.value for k, d in _dates(nlp, make_doc, text).items()}
    assert found.get(surface) == value, found


def test_dates_an_old_quarter_is_not_the_report_quarter(nlp, make_doc):
    """A quarter of a past year ("the third quarter of 1984") is history, not the period
    the report is about: "a year ago" then stays the quarter a year before publication."""
    text = (
        "The utility stopped paying a dividend in the third quarter of 1984. "
        "It reported third-quarter net of $68 million, up from $66 million a year ago."
    )
    found = {k: d.value for k, d in _dates(nlp, make_doc, text, "1989-10-27").items()}
    assert found["a year ago"] == "1988-Q3", found


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The strike ended in March. Three days later, the port reopened.", "Three days", "P3D"),
        ("He was shot at home. Just over an hour later, he was declared dead.", "an hour", "PT1H"),
        ("A car was seen near the house ten days before the shooting.", "ten days", "P10D"),
    ],
)
def test_dates_measure_counted_from_an_event_is_a_duration(nlp, make_doc, text, surface, value):
    """TimeML annotates the measure of "three days later" as a DURATION and leaves
    "later"/"before" out as a signal: the event it counts from is not the publication date."""
    found = _dates(nlp, make_doc, text, "1989-10-30")
    assert surface in found, found
    assert (found[surface].type, found[surface].value) == ("DURATION", value)
