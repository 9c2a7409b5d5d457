"""Dates anchored to the narrative's reference time (TimeML TIMEX3), on synthetic sentences
(2026-12-05): measures counted from the last date the story named ("a month later"), a month
after a sentence that opened on its year ("In 2003, ... In March"), a weekday with an article
after an explicit day ("on the Friday"), holidays of the Easter cycle and a holiday of the
story's year; and what stays counted from the publication date."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.dates.anchoring import from_reference, nearest_weekday
from newsgraph.pipeline.components.dates.resolve import easter, holiday_date

PUBLISHED = "2005-03-16"


def _found(dates_of, text: str, published: str = PUBLISHED) -> dict:
    return {surface: (d.value, d.type, d.duration) for surface, d in dates_of(text, published).items()}


# --- measures counted from the reference time ------------------------------------------


@pytest.mark.parametrize(
    "text,surface,value,duration",
    [
        ("The harbour bridge was shut on 4 May 2001. A month later, it reopened to traffic.",
         "A month later", "2001-06", "P1M"),
        ("The minister was appointed in 1996. He stepped down two months later.",
         "two months later", "1996", "P2M"),
        ("The first match is in Leeds on 13 November, with the return leg a week later.",
         "a week later", "2005-W46", "P1W"),
        ("The orchestra toured Japan in 1987. Three years later it disbanded.",
         "Three years later", "1990", "P3Y"),
        # "earlier" counts from a year other than publication's the story has named.
        ("The striker was suspended in 2002 after a brawl. Four years earlier, he had been "
         "named player of the season.", "Four years earlier", "1998", "P4Y"),
    ],
)
def test_dates_a_measure_counts_from_the_last_date_named(dates_of, text, surface, value, duration):
    found = _found(dates_of, text)
    assert found.get(surface) == (value, "DATE", duration), found


def test_dates_a_measure_without_a_date_before_it_stays_a_length(dates_of):
    """No date named before "a month later": the measure alone, as before."""
    found = _found(dates_of, "The shop closed its doors. A month later, a cafe opened there.")
    assert found.get("A month") == ("P1M", "DURATION", None), found


def test_dates_days_later_stay_lengths(dates_of):
    """A count of days counts from an event more often than from the last date named."""
    found = _found(dates_of, "The storm struck on 3 June 2004. Three days later the power came back.")
    assert found.get("Three days") == ("P3D", "DURATION", None), found


def test_dates_a_year_earlier_in_a_report_stays_the_comparison_period(dates_of):
    """No other year named: "a year earlier" is counted from publication, as before."""
    found = _found(dates_of, "Sales rose to $5 million from $4 million a year earlier.")
    assert found.get("a year earlier", (None,))[0] == "2004", found


def test_dates_from_reference_keeps_the_coarser_granularity():
    assert from_reference("1994", "M", 2) == "1994"
    assert from_reference("2001-05", "M", 8) == "2002-01"
    assert from_reference("2001-05-04", "M", 1) == "2001-06"
    assert from_reference("2005-11-13", "W", 1) == "2005-W46"
    assert from_reference("2005-11-13T20:00", "Y", -6) == "1999"
    assert from_reference("2002", "M", 12) == "2003"  # whole years in the months
    assert from_reference("2002", "M", -14) == "2001"
    assert from_reference("2004-07", "W", 6) == "2004-08"
    assert from_reference("2001-05-04", "H", 3) is None  # the reference names no hour
    assert from_reference(None, "M", 1) is None
    assert from_reference("PAST_REF", "M", 1) is None


# --- a month or holiday in the year a sentence opened on --------------------------------


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("In 2003, the firm moved its headquarters. In March it opened a new plant.", "March", "2003-03"),
        ("In June 2002 the dockers went on strike. On 4 May, police had arrested their leader.",
         "4 May", "2002-05-04"),
        ("In 1998 the village revived its fair. On Christmas Eve the square was full.",
         "Christmas Eve", "1998-12-24"),
    ],
)
def test_dates_a_year_that_opens_a_sentence_frames_the_next(dates_of, text, surface, value):
    found = _found(dates_of, text)
    assert found.get(surface, (None,))[0] == value, found


@pytest.mark.parametrize(
    "text,surface,value",
    [
        # The year closes its sentence rather than opening it: no frame.
        ("The firm moved its headquarters in 2003. In March it opened a new plant.", "March", "2005-03"),
        # The clause looks ahead, the year lies behind.
        ("In 2003, the firm moved its headquarters. It will open a new plant in June.", "June", "2005-06"),
        # A date named since ("last week") has brought the story back to the present.
        ("In 2003, the firm moved. Last week it said the plant closed in February.", "February", "2005-02"),
        # The month says its own year.
        ("In 2003, the firm moved. It was sold in December last year.", "December last year", "2004-12"),
    ],
)
def test_dates_a_frame_year_does_not_reach_what_points_elsewhere(dates_of, text, surface, value):
    found = _found(dates_of, text)
    assert found.get(surface, (None,))[0] == value, found


def test_dates_a_year_an_interval_starts_from_frames_nothing(dates_of):
    """ "since 1981" is where a comparison starts, not the time of the sentence's events."""
    found = _found(dates_of, "Sales have grown every year since 1981, but the shop had a poor Christmas and "
                             "sales fell again in January.")
    assert found.get("Christmas", (None,))[0] == "2004-12-25", found
    assert found.get("January", (None,))[0] == "2005-01", found


# --- a weekday with an article after an explicit day -----------------------------------


def test_dates_the_weekday_is_the_one_nearest_the_day_named(dates_of):
    text = ("The folk festival will be held on 26-28 August. The headline act plays on the Friday "
            "and a brass band closes it on the Sunday.")
    found = _found(dates_of, text)
    assert found.get("Friday", (None,))[0] == "2005-08-26", found
    assert found.get("Sunday", (None,))[0] == "2005-08-28", found


def test_dates_a_bare_weekday_stays_counted_from_publication(dates_of):
    """ "police said Monday" after a day long past: the report's week, as before."""
    found = _found(dates_of, "The fire broke out on 3 February 1999. Police said on Monday that it was arson.")
    assert found.get("Monday", (None,))[0] == "2005-03-14", found


def test_nearest_weekday_goes_either_way():
    from datetime import date

    assert nearest_weekday(date(1999, 2, 3), 5) == "1999-02-05"  # Wednesday -> Friday after
    assert nearest_weekday(date(1999, 2, 3), 1) == "1999-02-01"  # Wednesday -> Monday before
    assert nearest_weekday(date(2005, 8, 26), 6, "NI") == "2005-08-27TNI"


# --- holidays of the Easter cycle ------------------------------------------------------


def test_easter_computus():
    from datetime import date

    assert easter(2005) == date(2005, 3, 27)
    assert easter(2000) == date(2000, 4, 23)
    assert easter(2019) == date(2019, 4, 21)
    assert holiday_date("EASTER+1", 2005) == date(2005, 3, 28)
    assert holiday_date("EASTER-2", 2005) == date(2005, 3, 25)


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The shops will close on Good Friday.", "Good Friday", "2005-03-25"),
        ("The bank holiday falls on Easter Monday this year.", "Easter Monday", "2005-03-28"),
        ("Parliament will break for Easter.", "Easter", "2005-03-27"),
        ("The march was held on Easter Monday 1998.", "Easter Monday 1998", "1998-04-13"),
        # "Easter week" is the week that ends on Easter Sunday.
        ("Pilgrims will gather in Easter week.", "Easter week", "2005-W12"),
    ],
)
def test_dates_easter_holidays(dates_of, text, surface, value):
    found = _found(dates_of, text)
    assert found.get(surface, (None,))[0] == value, found


def test_dates_easter_eggs_and_islands_are_no_dates(dates_of):
    found = _found(dates_of, "Sales of Easter eggs rose, and tourism on Easter Island fell.")
    assert not any("Easter" in surface for surface in found), found
