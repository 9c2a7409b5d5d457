"""Dates: the TimeML classes beyond plain dates on synthetic sentences: durations, sets,
times, both ends of ranges, split years, anaphoric dates, and anchors other than the
publication date (the last date named, a quoted message's date, a nearby year, a verb that
points forward). Every span is checked against the text."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.dates import DateExtractor
from newsgraph.pipeline.shared.temporal.engine import tag


def _tagged(text: str) -> dict[str, tuple[str, dict]]:
    return {text[m.start : m.end]: (m.type, m.spec) for m in tag(text)}


@pytest.fixture(scope="module")
def run_dates(nlp):
    component = DateExtractor()

    def run(make_doc, text: str, published: str | None = "2022-02-24"):  # a Thursday
        doc = make_doc(text, published=published)
        doc.spacy = nlp(text)
        component(doc)
        for d in doc.dates:
            assert doc.text[d.start : d.end].strip() == doc.text[d.start : d.end]
        return {doc.text[d.start : d.end]: d for d in doc.dates}

    return run


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The crew worked 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("It took a year and a half.", "a year and a half", "P1Y6M"),
        ("He will stay for two more weeks.", "two more weeks", "P2W"),
        ("The lease runs for at least 20 more years.", "at least 20 more years", "P20Y"),
        ("The loan was extended for an additional year.", "an additional year", "P1Y"),
        ("The feud lasted two decades.", "two decades", "P20Y"),
        ("It was a day-long meeting.", "day-long", "P1D"),
        ("It ended a decades-long dispute.", "decades-long", "PXDE"),
        ("Talks have been cut off for nearly two years.", "nearly two years", "P2Y"),
        ("Investors may wait up to 180 days.", "up to 180 days", "P180D"),
        ("He has been in office for two and a half years.", "two and a half years", "P2Y6M"),
        ("The flight took one and a half hours.", "one and a half hours", "PT1H30M"),
        ("It was a two-and-a-half-year project.", "two-and-a-half-year", "P2Y6M"),
    ],
)
def test_dates_measures_durations(text, surface, value):
    kind, spec = _tagged(text)[surface]
    assert (kind, spec["value"]) == ("DURATION", value)


def test_dates_measures_duration_range_has_both_ends():
    found = _tagged("Shipments resume within two to three weeks.")
    assert found["two"] == ("DURATION", {"kind": "duration", "value": "P2W"})
    assert found["three weeks"][1]["value"] == "P3W"


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The market opens every morning at nine.", "every morning", "XXXX-XX-XXTMO"),
        ("The band plays each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("Marchers parade each July.", "each July", "XXXX-07"),
        ("The club raises prices each season.", "each season", "P1Y"),
        ("Sales are reported annually.", "annually", "P1Y"),
        ("The ferry sails every summer.", "every summer", "XXXX-SU"),
        ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("The paper is printed every other day.", "every other day", "P2D"),
    ],
)
def test_dates_measures_sets(text, surface, value):
    kind, spec = _tagged(text)[surface]
    assert (kind, spec["value"]) == ("SET", value)


def test_dates_measures_both_ends_of_ranges(run_dates, make_doc):
    found = run_dates(make_doc, "The summit will meet on April 24 and 25, after talks on Oct. 18-22, 2021.")
    assert found["April 24"].value == "2022-04-24"
    assert found["25"].value == "2022-04-25"
    assert found["Oct. 18"].value == "2021-10-18"
    assert found["22, 2021"].value == "2021-10-22"
    years = run_dates(make_doc, "Prices doubled from 1994 to 1997 and in 2001-04.")
    assert [years[s].value for s in ("1994", "1997", "2001", "04")] == ["1994", "1997", "2001", "2004"]


def test_dates_measures_split_and_fiscal_years(run_dates, make_doc):
    found = run_dates(make_doc, "Profit rose in fiscal 1998-99 and fell in fiscal 1997.")
    assert (found["fiscal 1998-99"].value, found["fiscal 1998-99"].duration) == ("1998", "P1Y")
    assert found["fiscal 1997"].value == "1997"


def test_dates_measures_split_year_before_a_noun_and_year_without_the(run_dates, make_doc):
    found = run_dates(make_doc, "They won the 1998-99 season title after the 1996 Olympic bombing.")
    assert (found["1998-99"].value, found["1998-99"].duration) == ("1998", "P1Y")
    assert found["1996"].value == "1996" and "the 1996" not in found


@pytest.mark.parametrize(
    "text,surface,kind",
    [
        ("Qantas runs four flights a week.", "a week", "SET"),
        ("They send $1 billion a year home.", "a year", "SET"),
        ("The appeal could take as long as a month.", "a month", "DURATION"),
        ("It came barely a month after the crash.", "a month", "DURATION"),
        # After a noun, but measured from an event: no rate (BBC, twenty-seventh session).
        ("He announced his plans a day after launching his party.", "a day", "DURATION"),
    ],
)
def test_dates_measures_a_rate_is_a_set_a_length_is_a_duration(text, surface, kind):
    assert _tagged(text)[surface][0] == kind


def test_dates_measures_the_near_term_is_future_ref_but_not_the_adjective():
    tagged = _tagged("Profits will suffer in the near term. Long-term and near-term debt rose.")
    assert tagged["the near term"] == ("DATE", {"kind": "ref", "value": "FUTURE_REF"})
    assert not any("term" in s for s in tagged if s != "the near term")


def test_dates_measures_and_a_half_needs_a_count():
    assert not any("half" in s for s in _tagged("He ate an apple and a half days later it rained."))


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The plant closes at the end of March.", "the end of March", "2022-03"),
        ("The show ran from March to May.", "May", "2021-05"),
        ("Sales were weak in early May.", "early May", "2021-05"),
    ],
)
def test_dates_measures_march_and_may_with_a_modifier_or_range(run_dates, make_doc, text, surface, value):
    assert run_dates(make_doc, text)[surface].value == value


@pytest.mark.parametrize(
    "text,ends",
    [
        ("The show ran from January to April.", ("2021-01", "2021-04")),
        ("The season runs from November to February.", ("2021-11", "2022-02")),
        ("The fair ran Dec. 28 to Jan. 3.", ("2021-12-28", "2022-01-03")),
    ],
)
def test_dates_measures_range_end_never_before_its_start(run_dates, make_doc, text, ends):
    found = sorted(run_dates(make_doc, text).values(), key=lambda d: d.start)
    assert tuple(d.value for d in found) == ends


def test_dates_measures_may_the_verb_is_not_a_month(run_dates, make_doc):
    assert "May" not in run_dates(make_doc, "May the best team win. March on, he said.")


def test_dates_measures_anchored_expression_keeps_its_measure(run_dates, make_doc):
    found = run_dates(make_doc, "Sales rose from a month earlier and from three years ago.")
    assert (found["a month earlier"].value, found["a month earlier"].duration) == ("2022-01", "P1M")
    assert (found["three years ago"].value, found["three years ago"].duration) == ("2019", "P3Y")


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("He left on March 3, 2019. The day before, he sold the house.", "The day before", "2019-03-02"),
        ("She moved in June 1998 and returned later that year.", "later that year", "1998"),
        ("He was promoted on May 22, 1995, and the following year he retired.", "the following year", "1996"),
        ("The raid came on Jan. 5, 2020. He appeared in court the next morning.", "the next morning", "2020-01-06TMO"),
        ("The vote was on Oct. 12, 2021. Earlier that day, crowds gathered.", "Earlier that day", "2021-10-12"),
    ],
)
def test_dates_measures_anaphoric_dates(run_dates, make_doc, text, surface, value):
    assert run_dates(make_doc, text)[surface].value == value


def test_dates_measures_at_the_time_is_past_ref(run_dates, make_doc):
    found = run_dates(make_doc, "He spoke six weeks ago, saying at the time he would resign.")
    assert found["the time"].value == "PAST_REF"


def test_dates_measures_clock_time_takes_the_named_day(run_dates, make_doc):
    found = run_dates(make_doc, "The doctor was shot on Oct. 23, 2021. He died at 10 p.m. in hospital.")
    assert found["10 p.m."].value == "2021-10-23T22:00"


def test_dates_measures_clock_time_takes_the_day_named_sentences_before(run_dates, make_doc):
    text = (
        "The doctor was shot on Oct. 23, 2021. Police searched the area. Neighbours heard "
        "nothing. A suspect was named. He had been seen near the house at 6 a.m."
    )
    assert run_dates(make_doc, text)["6 a.m."].value == "2021-10-23T06:00"


def test_dates_measures_clock_time_without_a_named_day_takes_publication(run_dates, make_doc):
    assert run_dates(make_doc, "The polls close at 8 p.m.")["8 p.m."].value == "2022-02-24T20:00"


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The rally starts at 4 in the morning.", "4 in the morning", "2022-02-24T04:00"),
        ("By mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday", "2022-02-23TAF"),
        ("The plane lands at midnight.", "midnight", "2022-02-24T24:00"),
        ("The minister spoke this morning.", "this morning", "2022-02-24TMO"),
    ],
)
def test_dates_measures_times(run_dates, make_doc, text, surface, value):
    found = run_dates(make_doc, text)[surface]
    assert (found.value, found.type) == (value, "TIME")


def test_dates_measures_postponed_until_points_forward(run_dates, make_doc):
    # Published on a Thursday: "Saturday" reported in the past is the one before, but a
    # postponement points to the next one.
    found = run_dates(make_doc, "Officials postponed until Saturday any action on the permit.")
    assert found["Saturday"].value == "2022-02-26"
    deadline = run_dates(make_doc, "He missed the Jan. 14 deadline.", published="2022-01-05")
    assert deadline["Jan. 14"].value == "2022-01-14"


def test_dates_measures_quoted_message_anchored_to_its_date(run_dates, make_doc):
    text = "``We march again tomorrow!'' said a message that was read on Monday, Feb. 14, 2022, at the rally."
    found = run_dates(make_doc, text)
    assert found["tomorrow"].value == "2022-02-15"


def test_dates_measures_nearby_year_overrides_publication_year(run_dates, make_doc):
    found = run_dates(make_doc, "In 1994, the plant closed in March and reopened on June 3.")
    assert found["March"].value == "1994-03"
    assert found["June 3"].value == "1994-06-03"


def test_dates_measures_seasons_and_year_end(run_dates, make_doc):
    found = run_dates(make_doc, "Orders fell over the summer and the deal should close by year-end.", published="2021-10-26")
    assert found["the summer"].value == "2021-SU"
    assert found["year-end"].value == "2021"


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("Earnings will fall in the last half of 1989, the company said.", "the last half of 1989", "1989-H2"),
        ("The post-1959 politics split families.", "1959", "1959"),
    ],
)
def test_dates_measures_halves_and_prefixed_years(run_dates, make_doc, text, surface, value):
    assert run_dates(make_doc, text)[surface].value == value


def test_dates_measures_in_the_last_half_alone_is_no_date():
    assert not [m for m in tag("They scored twice in the last half of the game.")]


def test_dates_measures_is_to_with_a_weekday_points_forward(run_dates, make_doc):
    # Published on Thursday 2022-02-24: "is to resume ... Tuesday" is the Tuesday after.
    found = run_dates(make_doc, "The stock is to resume trading in Paris Tuesday.")
    assert found["Tuesday"].value == "2022-03-01"
