"""Dates, on synthetic sentences (2026-12-05, wt-dates12): "after"/"following" look back
only when the clause does not look ahead ("will return after Easter" is the coming Easter),
"the weekend of 9 and 10 July" is one weekend, that of the days named, a number glued to a
unit or followed by a unit word ("the 1500m", "1500 metres") is no year, and the corpus dump
keeps an expression that spans a line break on one line."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from newsgraph.pipeline.shared.temporal.engine import tag

PUBLISHED = "2005-03-16"  # a Wednesday; Easter 2005 is 27 March, Easter 2004 was 11 April
ROOT = Path(__file__).resolve().parents[1]


# --- "after" and "following" by the tense of their clause ----------------------------


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The board will decide after Christmas whether to sell the stadium.", "Christmas", "2005-12-25"),
        ("The squad will return after Easter for its last four games.", "Easter", "2005-03-27"),
        ("We'll know more about the merger after Easter, a spokesman said.", "Easter", "2005-03-27"),
        ("The firm is going to reopen its second plant after Christmas.", "Christmas", "2005-12-25"),
        ("The panel is to publish its findings after Easter.", "Easter", "2005-03-27"),
        ("The union plans to ballot its members after Christmas.", "Christmas", "2005-12-25"),
        # "following" parsed as a verb passes on its clause's future
        ("Ministers shall announce the new rules following Easter.", "Easter", "2005-03-27"),
        ("The two sides will meet again after 20 June.", "20 June", "2005-06-20"),
        # a past or untensed clause looks back, as before
        ("The band split up after Christmas.", "Christmas", "2004-12-25"),
        ("Talks resumed after Easter with little progress.", "Easter", "2004-04-11"),
        ("Shares fell sharply following Christmas.", "Christmas", "2004-12-25"),
        ("Record sales after Christmas for the chain.", "Christmas", "2004-12-25"),
        # a modal's possibility or a past's plan is no stated future
        ("She wondered whether she should resign after Christmas.", "Christmas", "2004-12-25"),
        ("Analysts had expected the drop after December's boom.", "December", "2004-12"),
        ("He was going to retire after Easter.", "Easter", "2004-04-11"),
    ],
)
def test_dates_after_looks_back_unless_its_clause_states_a_future(date_values, text, surface, value):
    found = date_values(text, PUBLISHED)
    assert found.get(surface) == value, found


# --- "the weekend of" the days named --------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The fair is held over the weekend of 9 and 10 July in a park.",
            {"the weekend of 9 and 10 July": "2005-W27-WE"},
        ),
        (
            "The cup ties are due on the weekend of 8/9 January.",
            {"the weekend of 8/9 January": "2006-W01-WE"},
        ),
        (
            "The race was run on the weekend of 27-28 November 2004.",
            {"the weekend of 27-28 November 2004": "2004-W48-WE"},
        ),
        ("The show comes to town on the weekend of July 9.", {"the weekend of July 9": "2005-W27-WE"}),
        # a bare weekend is still the last one
        ("Fans queued all through the weekend.", {"the weekend": "2005-W10-WE"}),
    ],
)
def test_dates_the_weekend_of_named_days_is_one_weekend(date_values, text, expected):
    assert date_values(text, PUBLISHED) == expected


def test_dates_the_weekend_of_named_days_is_the_story_s_time(date_values):
    """The first day named is the reference time of what follows it."""
    found = date_values(
        "The first leg is on the weekend of 27-28 November 2004, with the return a week later. "
        "On the Saturday the gates open at noon.",
        PUBLISHED,
    )
    assert found["a week later"] == "2004-W49", found
    assert found["Saturday"] == "2004-11-27", found


# --- a number with its unit is no year ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "She ran the 1500m in a personal best.",
        "He won the 1500 metres and then the 5000m.",
        "Both runners took part in the 800m and 1500m finals.",
        "The car has a 2000cc engine.",
        "The plane was flying at 2000 feet when an engine failed.",
        "The singer scored the 1000th number one.",
    ],
)
def test_dates_a_number_with_its_unit_is_no_year(text):
    assert [(text[m.start : m.end], m.type) for m in tag(text)] == []


@pytest.mark.parametrize(
    "text,years",
    [
        ("In 2004 the firm grew, and by 2010 it will double.", ["2004", "2010"]),
        ("The 1990s were a boom time.", ["The 1990s"]),
        ("Sales of 2004's best-seller rose.", ["2004's"]),
        # letters glued to a year are a missing space, not a unit
        ("The band split in 2001after a row.", ["2001"]),
    ],
)
def test_dates_years_before_other_words_stay_years(text, years):
    assert [text[m.start : m.end] for m in tag(text)] == years


# --- a year is not taken across a paragraph break ------------------------------------


def test_dates_a_fixture_s_clock_time_on_its_own_line_is_no_year():
    """A fixture's heading: the day, then its clock time in a paragraph of its own."""
    text = "Rovers v United\n\nTuesday, 1 March\n\n2000 GMT\n\nRovers need a win."
    assert [(text[m.start : m.end], m.type) for m in tag(text)] == [
        ("Tuesday, 1 March", "DATE"),
        ("2000 GMT", "TIME"),
    ]


def test_dates_a_year_after_one_line_break_stays_the_date_s():
    """Hard-wrapped text (as TimeML documents are) keeps the year of its date."""
    text = "The match on June 14,\n2004 was moved. It opened in March\n2003 to acclaim."
    assert [text[m.start : m.end] for m in tag(text)] == ["June 14,\n2004", "March\n2003"]


# --- the corpus dump stays one line per date ------------------------------------------


def test_dates_dump_escapes_a_line_break_inside_an_expression(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    sample = importlib.import_module("bbc_dates_sample")
    (tmp_path / "data" / "sport").mkdir(parents=True)
    (tmp_path / "data" / "sport" / "001.txt").write_text(
        "Club to appeal\n\nThe hearing is on Tuesday,\n1 March, the club said.\n", encoding="utf-8"
    )
    out = tmp_path / "dump.tsv"
    n = sample.dump(tmp_path / "data", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n >= 1
    assert all(len(line.split("\t")) == 7 for line in lines), lines
    assert any("\\n" in line.split("\t")[3] for line in lines), lines
