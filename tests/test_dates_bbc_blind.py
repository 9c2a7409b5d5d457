"""Dates, forms found in the tuning half of the blind BBC set (issue 13), on synthetic
sentences: sports rounds and halves of a game are no quarter or half year, "in two years'
time" lies ahead, a count after a year is no second year ("by 2010 and 12 million"),
and the present of arrangements ("face France on
Sunday") puts a bare weekday ahead."""

from __future__ import annotations

import pytest


PUBLISHED = "2005-03-16"  # a Wednesday


@pytest.mark.parametrize(
    "text,expected",
    [
        ("They lost that quarter-final tie to Porto.", {}),
        ("The semi-finals will be played in Paris.", {}),
        ("Rovers scored twice in the first half and held on.", {}),
        ("The visitors dominated the second half.", {}),
        # A sentence about a year's figures keeps its half and its quarter.
        ("Profits rose 5% in the first half.", {"the first half": "2005-H1"}),
        ("Sales fell in the third quarter.", {"the third quarter": "2004-Q3"}),
    ],
)
def test_dates_sports_rounds_and_halves_are_no_period_of_the_year(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Japan is where Europe will be in a couple of years' time.", {"a couple of years' time": "2007"}),
        ("The line should open in three months time.", {"three months time": "2005-06"}),
        # Without "time" it stays a length.
        ("The line took three months to build.", {"three months": "P3M"}),
    ],
)
def test_dates_in_a_measure_s_time_lies_ahead(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


def test_dates_a_count_after_a_year_is_no_second_year(date_values):
    values = date_values("It expects 10 million subscribers by 2010 and 12 million by 2012.", PUBLISHED)
    assert values == {"2010": "2010", "2012": "2012"}
    assert date_values("The plan ran from 1994-97.", PUBLISHED) == {"1994": "1994", "97": "1997"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("England face France at Twickenham on Sunday.", "2005-03-20"),
        ("The handset goes on sale on Saturday.", "2005-03-19"),
        ("The two leaders meet separately on Monday.", "2005-03-21"),
        # Past forms, reporting verbs and verbs whose past is spelled as their present stay behind.
        ("England lost to Wales on Sunday.", "2005-03-13"),
        ("The minister says on Sunday that talks failed.", "2005-03-13"),
        ("Weak technology stocks hurt the index on Friday.", "2005-03-11"),
        ("The coach chose to rest him after his epic singles win over Roddick on Friday.", "2005-03-11"),
    ],
)
def test_dates_the_present_of_arrangements_puts_a_weekday_ahead(date_values, text, expected):
    (value,) = date_values(text, PUBLISHED).values()
    assert value == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("House prices rose 11.8% in the last quarter of 2004.", {"the last quarter of 2004": "2004-Q4"}),
        ("Prices fell in the July-to-September quarter.", {"the July-to-September quarter": "2004-Q3"}),
        # Months that open and close no quarter are no quarter: both months.
        ("Sales peaked in the August-to-October quarter.", {"August": "2004-08", "October": "2004-10"}),
        ("Prices were down on July-September.", {"July": "2004-07", "September": "2004-09"}),
        (
            "Prices fell between the third and fourth quarters of 2004.",
            {"the third": "2004-Q3", "fourth quarters of 2004": "2004-Q4"},
        ),
        (
            "Its auctions are usually held in the second and fourth quarters.",
            {"the second": "XXXX-Q2", "fourth quarters": "XXXX-Q4"},
        ),
        ("Officials hope to double output by the end of the decade.", {"the end of the decade": "200"}),
        ("Sales fell in the second half of last year.", {"the second half of last year": "2004-H2"}),
    ],
)
def test_dates_quarters_month_ranges_and_the_decade(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The book, serialised in the Sunday Telegraph, alleges a rift.", {}),
        ("He told GMTV's Sunday Programme he would stay.", {}),
        ("The Sunday Times reported it on Sunday.", {"Sunday": "2005-03-13"}),
        ("He died on the Friday March 4.", {"Friday March 4": "2005-03-04"}),
        ("She told the Mail on Sunday she would stay.", {}),
        ("He wrote in the Independent on Sunday that Mail on Sunday readers agreed.", {}),
        ("The Mail reported on Sunday that the talks had failed.", {"Sunday": "2005-03-13"}),
    ],
)
def test_dates_a_weekday_opening_a_name_is_no_day(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Robinson told the Daily Mail he was angry.", {}),
        ("Mr Hain told BBC Radio Four's Today programme it was wrong.", {}),
        ("Twentieth Century Fox is still to announce its choice.", {}),
        ("Ant & Dec's Saturday Night Takeaway won again.", {}),
        # A part of the day capitalised after the first word is a programme's name.
        ("She told Channel 9's This Morning she was happy.", {}),
        ("She said this morning she was happy.", {"this morning": "2005-03-16TMO"}),
        # Months and "Last ..." before a name stay dates.
        ("Last June Grewcock was banned from rugby.", {"Last June": "2004-06"}),
        ("Radcliffe carried expectations before the August Games.", {"August": "2004-08"}),
        # A half of a game is found by its own sentence, not the next one's figures.
        ('They sat deep in the first half. Sales rose 5% this year.', {"this year": "2005"}),
    ],
)
def test_dates_names_and_game_halves_across_sentences(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The new stadium will open in two years.", {"two years": "2007"}),
        ("The plant is expected to close in six months.", {"six months": "2005-09"}),
        # A past clause, a comparison or "the" keep it a length.
        ("Profits rose 40% in two years.", {"two years": "P2Y"}),
        ("For the first time in more than a decade, it will not be a straight fight.", {"more than a decade": "P10Y"}),
        # An ordinal or a superlative counts within the span: "the first time in 77 years".
        ("They will play a replay for the first time in 77 years.", {"77 years": "P77Y"}),
        ("It will be the lowest rise in a decade.", {"a decade": "P10Y"}),
        ("It has to be done differently than it was 30 or 40 years ago.", {"30": "1975", "40 years ago": "1965"}),
    ],
)
def test_dates_a_measure_ahead_or_back(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ('"One day you will be able to tell your children," he said.', {"One day": "FUTURE_REF"}),
        ("He hopes that one day it can be developed.", {"one day": "FUTURE_REF"}),
        ("Each key is a 2048-bit long number.", {}),
        ("They would serve for between 12 and 14 years.", {"12": "P12Y", "14 years": "P14Y"}),
        ("By the time they go back, the data is gone.", {}),
        ("At the time, the group held power.", {"the time": "PAST_REF"}),
        ("The office, which at the time was over a shop, closed.", {"the time": "PAST_REF"}),
        ("Pigeonholing whatever is popular at the time is nothing new.", {}),
    ],
)
def test_dates_someday_measures_and_conjunctions(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected
