"""Dates, forms British news writes (issue 13, fifth pass), on synthetic sentences: a
24-hour clock with its time zone ("1630 GMT", not the year 1630), minutes after a dot
("5.30pm"), both ends of a day range with the day first ("6 to 9 January"), and decades
without their century ("the 90s", not "around the mid-70s", an age), fiscal years
("FY2005") and "March" or "May" before a noun ("the March accession")."""

from __future__ import annotations

import pytest


def _values(dates_of, text: str, published: str = "2005-03-10") -> dict:  # a Thursday
    return {surface: (d.value, d.type) for surface, d in dates_of(text, published).items()}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Shares rose 4% by 1200 GMT.", {"1200 GMT": ("2005-03-10T12:00", "TIME")}),
        ("It will be broadcast at 2010 GMT.", {"2010 GMT": ("2005-03-10T20:10", "TIME")}),
        ("The vote opens at 10:30 GMT.", {"10:30 GMT": ("2005-03-10T10:30", "TIME")}),
        (
            "Viewers tuned in between 2000 and 2100 GMT.",
            {"2000": ("2005-03-10T20:00", "TIME"), "2100 GMT": ("2005-03-10T21:00", "TIME")},
        ),
        ("The shop closes at 5.30pm.", {"5.30pm": ("2005-03-10T17:30", "TIME")}),
        # A year stays a year without a time zone after it.
        ("Sales fell in 2004.", {"2004": ("2004", "DATE")}),
    ],
)
def test_dates_clock_times_with_a_time_zone_or_a_dot(dates_of, text, expected):
    assert _values(dates_of, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The talks run from 6 to 9 January 2006.",
            {"6": "2006-01-06", "9 January 2006": "2006-01-09"},
        ),
        ("The indoor championships take place on 5-6 March.", {"5": "2005-03-05", "6 March": "2005-03-06"}),
        ("They won 3-1 in May.", {"May": "2004-05"}),
    ],
)
def test_dates_both_ends_of_a_day_first_range(dates_of, text, expected):
    assert {k: v for k, (v, _) in _values(dates_of, text).items()} == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Hits of the 90s and the late 80s.", {"the 90s": "199", "the late 80s": "198"}),
        ("Life expectancy is now around the mid-70s.", {"now": "PRESENT_REF"}),
    ],
)
def test_dates_decades_without_their_century(dates_of, text, expected):
    assert {k: v for k, (v, _) in _values(dates_of, text).items()} == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("In FY2005 sales rose, and in FY05 too.", {"FY2005": "2005", "FY05": "2005"}),
        # "March" and "May" before a noun, after an article, are months...
        ("The March accession will enable them to join.", {"March": "2005-03"}),
        ("Labour is preparing for a May election.", {"May": "2005-05"}),
        ("A May election is likely.", {"May": "2005-05"}),
        # ... but not a march, nor a government named after a person.
        ("He joined the March on Washington.", {}),
        ("The May government fell after the vote.", {}),
    ],
)
def test_dates_fiscal_years_and_months_before_a_noun(dates_of, text, expected):
    assert {k: v for k, (v, _) in _values(dates_of, text).items()} == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A weekday's abbreviation is a word of its own, not the start of a town's name
        ("The institute in Thurso opened a new laboratory.", {}),
        ("The council met on Thurs. to vote.", {"Thurs": ("2005-03-10", "DATE")}),
        ("Shares fell on Monday's open.", {"Monday": ("2005-03-07", "DATE")}),
    ],
)
def test_dates_a_weekday_ends_its_word(dates_of, text, expected):
    assert _values(dates_of, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "Noon" capitalised inside a sentence is a surname; after "at" or opening one, the hour
        ("The squad: Lowther, Abbey, Noon, Peel, Smithson.", {}),
        ("Centre Jamie Noon scored twice.", {}),
        ("Voting closed at Noon.", {"Noon": ("2005-03-10T12:00", "TIME")}),
        ("Noon is the deadline.", {"Noon": ("2005-03-10T12:00", "TIME")}),
    ],
)
def test_dates_a_capitalised_noon_inside_a_sentence_is_a_name(dates_of, text, expected):
    assert _values(dates_of, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "second hand" is used, no length of time
        ("The airline will lease six second hand aircraft.", {}),
        # British "three-monthly", "six-monthly": every three, six months
        ("There will be a three-monthly review.", {"three-monthly": ("P3M", "SET")}),
        # "full" between the count and the unit; "a number of" as a vague count
        ("Doctors say to take a full month off.", {"a full month": ("P1M", "DURATION")}),
        ("It took a number of years to build.", {"a number of years": ("PXY", "DURATION")}),
        # a holiday's name written as a common noun after "a" is a kind of day
        ("The act made the day a thanksgiving day.", {}),
        ("They met on Thanksgiving Day.", {"Thanksgiving Day": ("2004-11-25", "DATE")}),
        # "the end of the decade" in a story told from a past year is that year's decade
        (
            "In 1987 the band toured America. The end of the decade marked a turning point.",
            {"1987": ("1987", "DATE"), "The end of the decade": ("198", "DATE")},
        ),
        ("The firm aims to double sales by the end of the decade.", {"the end of the decade": ("200", "DATE")}),
    ],
)
def test_dates_forms_read_on_a_seventh_blind_set(dates_of, text, expected):
    assert _values(dates_of, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a weekday dating an event noun under a present of arrangements lies ahead
        ("The runner faces the biggest test of her career in the city marathon on Sunday.", "2005-03-13"),
        ("The firm has its board meeting on Friday to consider its results.", "2005-03-11"),
        # told in the past, or with no event noun, it stays behind
        ("The runner won the biggest test of her career in the city marathon on Sunday.", "2005-03-06"),
    ],
)
def test_dates_a_weekday_of_an_event_in_a_present_clause_lies_ahead(dates_of, text, expected):
    (value,) = [v for v, kind in _values(dates_of, text).values()]
    assert value == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The deadline is 12 Noon.", {"Noon": ("2005-03-10T12:00", "TIME")}),
        ("Polls close by Midnight.", {"Midnight": ("2005-03-10T24:00", "TIME")}),
    ],
)
def test_dates_a_capitalised_noon_after_a_number_or_a_preposition_is_the_hour(dates_of, text, expected):
    assert _values(dates_of, text) == expected


def test_dates_a_capitalised_midnight_after_a_capitalised_word_is_a_name(dates_of):
    assert "Midnight" not in _values(dates_of, "The bishop will speak at the Christmas Midnight Mass.")
