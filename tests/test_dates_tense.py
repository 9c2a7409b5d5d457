"""Dates, the tense of a clause on synthetic sentences: a modal perfect ("may have been")
and a perfect progressive ("have been searching") put the event behind the time of speech,
so a weekday or a month-day without a year is the last one; "will have" stays ahead. Also
"the then current" (PAST_REF), "today's" before a generic plural (no day), "the day before
yesterday" (one expression), "Now," opening a sentence (a discourse marker, no time) and "the
same period last year" and "the winter of nineteen ninety-four" (one expression each), and "will
one day be" (FUTURE_REF)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.dates import DateExtractor


def _values(nlp, make_doc, text: str, published: str) -> dict:
    doc = make_doc(text, published=published)
    doc.spacy = nlp(text)
    DateExtractor()(doc)
    return {doc.text[d.start : d.end]: d.value for d in doc.dates}


@pytest.mark.parametrize(
    "text,published,surface,value",
    [
        # 1989-10-26 is a Thursday: the last Wednesday is the day before, the next a week on.
        ("Worries about the chip may have been responsible for the drop on Wednesday.",
         "1989-10-26", "Wednesday", "1989-10-25"),
        ("The storm could have caused the outage Monday, engineers said.",
         "1989-10-26", "Monday", "1989-10-23"),
        # The nearest Oct. 23 to 1990-05-06 lies ahead; a perfect progressive puts it behind.
        ("Police have been searching for him since shortly after the Oct. 23 fire.",
         "1990-05-06", "Oct. 23", "1989-10-23"),
        # Without a perfect, a modal still looks ahead, and "will have" is a future.
        ("The drop may come on Wednesday.", "1989-10-26", "Wednesday", "1989-11-01"),
        ("The results will have been published by Monday.", "1989-10-26", "Monday", "1989-10-30"),
    ],
)
def test_dates_perfect_tenses_look_back(nlp, make_doc, text, published, surface, value):
    found = _values(nlp, make_doc, text, published)
    assert found.get(surface) == value, found


def test_dates_then_current_is_a_past_reference(nlp, make_doc):
    """ "the then current price" is the present of a past moment: TimeML's PAST_REF, with
    "then" in the span; "current" alone stays PRESENT_REF."""
    text = "Holders may buy shares at half the then current market price."
    found = _values(nlp, make_doc, text, "1989-10-26")
    assert found == {"then current": "PAST_REF"}, found
    found = _values(nlp, make_doc, "Holders may buy shares at half the current market price.", "1989-10-26")
    assert found == {"current": "PRESENT_REF"}, found


def test_dates_today_before_a_generic_plural_is_no_day(nlp, make_doc):
    """ "many of today's personal computers" is the present age, as "today's computers" is;
    "today's session" is the day of publication."""
    found = _values(nlp, make_doc, "The chip runs many of today's personal computers.", "1989-10-26")
    assert found == {}, found
    found = _values(nlp, make_doc, "Today's session ended early.", "1989-10-26")
    assert found == {"Today": "1989-10-26"}, found


@pytest.mark.parametrize(
    "text,surface,value",
    [
        # 1998-02-12 is a Thursday.
        ("He left the day before yesterday.", "the day before yesterday", "1998-02-10"),
        ("They will return the day after tomorrow.", "the day after tomorrow", "1998-02-14"),
        ("The day before last Tuesday's hearing, he went home.", "The day before last Tuesday", "1998-02-09"),
    ],
)
def test_dates_the_day_before_a_day_is_one_expression(nlp, make_doc, text, surface, value):
    found = _values(nlp, make_doc, text, "1998-02-12")
    assert found == {surface: value}, found


def test_dates_now_as_a_discourse_marker_is_no_time(nlp, make_doc):
    """A sentence opening "Now," is a discourse marker; "now" in the clause stays PRESENT_REF."""
    found = _values(nlp, make_doc, "Now, following asset sales, the firm is healthy.", "1998-02-12")
    assert found == {}, found
    found = _values(nlp, make_doc, "The firm is now healthy. Now the court will rule.", "1998-02-12")
    assert found == {"now": "PRESENT_REF", "Now": "PRESENT_REF"}, found


@pytest.mark.parametrize(
    "text,surface,value",
    [
        # In a report about the third quarter, the period and its year are one expression.
        ("Profit rose in the third quarter from $3 million for the corresponding period last year.",
         "the corresponding period last year", "1988-Q3"),
        ("Sales rose in the third quarter. Sales in the same period a year earlier were flat.",
         "the same period a year earlier", "1988-Q3"),
        ("Sales rose in the third quarter from the comparable period of 1987.",
         "the comparable period of 1987", "1987-Q3"),
        # Without a quarter reported on, the year stands alone.
        ("Profit for the nine months rose from the same period a year ago.", "a year ago", "1988"),
    ],
)
def test_dates_a_period_and_its_year_are_one_expression(nlp, make_doc, text, surface, value):
    found = _values(nlp, make_doc, text, "1989-10-26")
    assert found.get(surface) == value, found


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("Prices fell to the level of the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "1994-WI"),
        ("The plant opened in March of nineteen ninety-six.", "March of nineteen ninety-six", "1996-03"),
        ("It rained through the summer of 1987.", "the summer of 1987", "1987-SU"),
    ],
)
def test_dates_a_season_or_month_of_a_spelled_year(nlp, make_doc, text, surface, value):
    found = _values(nlp, make_doc, text, "1998-02-23")
    assert found == {surface: value}, found


@pytest.mark.parametrize(
    "text,surface,value,kind",
    [
        ("Analysts say the region will one day be the largest market.", "one day", "FUTURE_REF", "DATE"),
        ("She hopes to one day run for office.", "one day", "FUTURE_REF", "DATE"),
        ("The delegation stayed one day.", "one day", "P1D", "DURATION"),
    ],
)
def test_dates_one_day_between_a_modal_and_its_verb_is_someday(nlp, make_doc, text, surface, value, kind):
    """ "will one day be" is an indefinite time ahead (FUTURE_REF); "stayed one day" a length."""
    doc = make_doc(text, published="1998-03-03")
    doc.spacy = nlp(text)
    DateExtractor()(doc)
    found = {doc.text[d.start : d.end]: (d.value, d.type) for d in doc.dates}
    assert found == {surface: (value, kind)}, found


def test_dates_a_participle_parsed_as_the_subject_takes_the_main_verb_tense(dates_of):
    # The parser makes "holding" the subject clause of "had accepted": "by" alone would
    # look ahead.
    text = "By 18 February, creditors holding $41bn - or 40% of the debt - had accepted the offer."
    assert dates_of(text, "2005-03-16")["18 February"].value == "2005-02-18"


def test_dates_a_present_perfect_of_picking_people_looks_ahead(dates_of):
    # 2005-03-16 is a Wednesday: the fixture a player is ruled out of or named for is to come.
    text = "Winger Tom Hale has been ruled out of Saturday's cup clash against Leeds."
    assert dates_of(text, "2005-03-16")["Saturday"].value == "2005-03-19"
    text = "Full-back Ian Roe has been named in the squad for Sunday's derby with Hull."
    assert dates_of(text, "2005-03-16")["Sunday"].value == "2005-03-20"
    # near cases: a simple past and a present perfect of another verb keep the last one
    text = "Winger Tom Hale was ruled out of Saturday's cup clash against Leeds."
    assert dates_of(text, "2005-03-16")["Saturday"].value == "2005-03-12"
    text = "The club has apologised for Saturday's crowd trouble at Leeds."
    assert dates_of(text, "2005-03-16")["Saturday"].value == "2005-03-12"
    text = "Winger Tom Hale has been ruled out for a month after an operation on Tuesday."
    assert dates_of(text, "2005-03-16")["Tuesday"].value == "2005-03-15"


def test_dates_a_fraction_of_a_unit_and_a_race_time_with_glued_seconds_are_no_lengths(dates_of):
    found = dates_of("She won by one hundredth of a second, a fraction of a minute.", "2005-03-16")
    assert found == {}
    found = dates_of("His time of one minute 45.12seconds was a record; he rested for a minute.", "2005-03-16")
    assert {s: d.value for s, d in found.items()} == {"a minute": "PT1M"}
