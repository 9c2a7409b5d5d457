"""Dates, what a clause lends to the expressions in it, on synthetic sentences (issue 13,
fifth pass): an explicit year gives its year only to dates in its own clause or below it,
not to a date of the main clause when it sits in a relative clause; a present participle
clause takes the tense of the clause it hangs on; a quoted message takes its date from the
attribution next to it, never from the next paragraph."""

from __future__ import annotations

import pytest


def _values(dates_of, text: str, published: str) -> dict:
    return {surface: d.value for surface, d in dates_of(text, published).items()}


@pytest.mark.parametrize(
    "text,surface,value",
    [
        # The year frames the whole sentence, or the clause above the date.
        ("In 1994, the plant closed in March.", "March", "1994-03"),
        ("In 1994, the company said it closed the plant in March.", "March", "1994-03"),
        # The year belongs to a relative clause; the date to the main clause: no year lent.
        ("Under a program approved by the board in 1987, the company had bought 481,000 shares "
         "through Sept. 29.", "Sept. 29", "1989-09-29"),
    ],
)
def test_dates_a_year_frames_only_its_own_clause(dates_of, text, surface, value):
    found = _values(dates_of, text, "1989-10-30")
    assert found.get(surface) == value, found


def test_dates_a_participle_clause_takes_the_tense_of_its_clause(dates_of):
    """ "rising ... from $29 in March" hangs on a past clause: the last March, not the nearest
    (March 1990 is nearer to 1989-10-30 than March 1989)."""
    text = "The stock has fluctuated sharply, rising to a high of $42 in June from $29 in March."
    found = _values(dates_of, text, "1989-10-30")
    assert found.get("March") == "1989-03", found
    assert found.get("June") == "1989-06", found


def test_dates_a_quoted_message_is_not_dated_by_the_next_paragraph(dates_of):
    """ "tonight" in a quote followed by a paragraph naming Saturday is the night of the
    publication date (a Sunday), not the Saturday's."""
    text = (
        "``It is not tonight we are worried about,'' said Ms. Smith, a sponsor.\n\n"
        "A memorial service planned for Saturday was canceled."
    )
    found = _values(dates_of, text, "1999-10-24")
    assert found.get("tonight") == "1999-10-24TNI", found


@pytest.mark.parametrize(
    "text,expected",
    [
        # TIMEX3's FUTURE_REF, as "the near term" is.
        ("It plans an offering in the near future.", {"the near future": "FUTURE_REF"}),
        ("That lies in the distant future.", {"the distant future": "FUTURE_REF"}),
        # A month and a year in words, as transcripts write them, are one month.
        ("January nineteen ninety-seven. Atlanta again.", {"January nineteen ninety-seven": "1997-01"}),
        # "the past" before a count of periods is not the past as such.
        ("The currency has gained 1% in the past three sessions.", {}),
        # A count of seasons is each of them, a set.
        ("Police provoked violence for the past three summers.", {"the past three summers": "XXXX-SU"}),
        ("In the past, he won.", {"the past": "PAST_REF"}),
        ("In the past many viruses spread.", {"the past": "PAST_REF"}),
    ],
)
def test_dates_vague_references_and_spoken_month_years(dates_of, text, expected):
    assert _values(dates_of, text, "1998-02-27") == expected


@pytest.mark.parametrize(
    "text,value",
    [
        # The calendar quarter whose last day is nearest the end date.
        ("Sales rose 5% in the quarter ended July 31.", "1989-Q2"),
        ("Sales rose 5% in the quarter ended Aug. 26.", "1989-Q3"),
        ("Sales rose 5% in the quarter ending Jan. 2, 1988.", "1987-Q4"),
        # Without an end date, the last quarter completed before publication.
        ("Sales rose 5% in the quarter.", "1989-Q3"),
    ],
)
def test_dates_a_quarter_with_its_end_date(dates_of, text, value):
    found = _values(dates_of, text, "1989-10-30")
    assert found.get("the quarter") == value, found
