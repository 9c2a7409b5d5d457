"""Dates: TimeML conventions on synthetic sentences (clock time joined with its day,
financial periods anchored to the quarter last mentioned, fiscal years)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.dates import DateExtractor


@pytest.fixture(scope="module")
def run_dates(nlp):
    component = DateExtractor()

    def run(make_doc, text: str, published: str | None = "2022-02-24"):
        doc = make_doc(text, published=published)
        doc.spacy = nlp(text)
        component(doc)
        return {doc.text[d.start : d.end]: (d.value, d.type) for d in doc.dates}

    return run


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The blast occurred at 10 p.m. Wednesday, police said.", "10 p.m. Wednesday", "2022-02-23T22:00"),
        ("Talks broke off at noon Tuesday.", "noon Tuesday", "2022-02-22T12:00"),
        ("The offer runs until 5 p.m. EST, March 9.", "5 p.m. EST, March 9", "2022-03-09T17:00"),
        ("The agency gave the family until 9 a.m. Monday to reply.", "9 a.m. Monday", "2022-02-28T09:00"),
    ],
)
def test_dates_clock_time_joined_with_its_day(run_dates, make_doc, text, surface, value):
    assert run_dates(make_doc, text)[surface] == (value, "TIME")


def test_dates_report_quarter_anchors_the_quarter_and_a_year_earlier(run_dates, make_doc):
    text = (
        "The company earned $5 million in the fiscal first quarter. Sales rose 10% from a year "
        "earlier. In the quarter, it opened two plants. In the 2020 period, it lost money."
    )
    found = run_dates(make_doc, text, published="2021-10-26")
    assert found["the fiscal first quarter"][0] == "2021-Q1"
    assert found["a year earlier"][0] == "2020-Q1"
    assert found["the quarter"][0] == "2021-Q1"
    assert found["the 2020 period"][0] == "2020-Q1"


def test_dates_year_with_quarter(run_dates, make_doc):
    found = run_dates(make_doc, "Profit fell in the 2020 third quarter and in this year's second quarter.")
    assert found["the 2020 third quarter"][0] == "2020-Q3"
    assert found["this year's second quarter"][0] == "2022-Q2"


def test_dates_latest_period_needs_a_quarter(run_dates, make_doc):
    assert "the latest period" not in run_dates(make_doc, "Prices were flat in the latest period.")


@pytest.mark.parametrize(
    "text,surface,value,kind",
    [
        ("Revenue was $76 million for the year ended March 31.", "the year", "P1Y", "DURATION"),
        ("For the year, volume was flat.", "the year", "2022", "DATE"),
        ("Profit should rise throughout the current fiscal year.", "the current fiscal year", "2022", "DATE"),
        ("The cuts will be made by the end of the year.", "the end of the year", "2022", "DATE"),
        ("The envoy was arrested in July last year.", "July last year", "2021-07", "DATE"),
        ("Talks began in January this year.", "January this year", "2022-01", "DATE"),
    ],
)
def test_dates_years_in_reports(run_dates, make_doc, text, surface, value, kind):
    assert run_dates(make_doc, text)[surface] == (value, kind)


def test_dates_rates_are_not_sets(run_dates, make_doc):
    assert "annually" not in run_dates(make_doc, "Sales should grow 20% annually.")
    assert "daily" not in run_dates(make_doc, "Average daily volume was 133 million shares.")
    assert run_dates(make_doc, "The rally is held annually in May.")["annually"] == ("P1Y", "SET")


def test_dates_possessive_weekday_is_past(run_dates, make_doc):
    found = run_dates(make_doc, "Investors will study Monday's ruling.", published="2022-02-24")
    assert found["Monday"][0] == "2022-02-21"


def test_dates_titles_are_not_dates(run_dates, make_doc):
    found = run_dates(make_doc, 'The minister said on ABC\'s "This Week" that talks went well.')
    assert not any("Week" in s for s in found)
    assert "Noon" not in run_dates(make_doc, "The poster showed a scene from High Noon in the square.")


def test_dates_today_generic_and_possessive_span(run_dates, make_doc):
    assert "today" not in run_dates(make_doc, "The case matters to today's youth.")
    assert run_dates(make_doc, "The offer appeared in today's editions.")["today"] == ("2022-02-24", "DATE")


def test_dates_recent_units_are_an_unspecified_duration(run_dates, make_doc):
    found = run_dates(make_doc, "Kidnappings have risen in recent years. The minister recently resigned.")
    assert found["recent years"] == ("PXY", "DURATION")
    assert found["recently"] == ("PAST_REF", "DATE")
