"""Dates on synthetic sentences: TIMEX3 values and types, resolved against the
publication date, by the tense of their clause."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.dates import DateExtractor
from newsgraph.record import Noise


@pytest.fixture(scope="module")
def run_dates(nlp):
    component = DateExtractor()

    def run(make_doc, text: str, published: str | None = "2022-02-24", noise=()):
        doc = make_doc(text, published=published)
        doc.noise.extend(noise)
        doc.spacy = nlp(text)
        component(doc)
        return doc

    return run


def find(doc, surface: str):
    for d in doc.dates:
        if doc.text[d.start : d.end] == surface:
            assert d.component == "newsgraph.dates.v1"
            return d
    raise AssertionError(f"{surface!r} not found in {[doc.text[d.start:d.end] for d in doc.dates]}")


def test_dates_weekday_future_tense(run_dates, make_doc):
    d = find(run_dates(make_doc, "The ministers will meet Friday in Vienna."), "Friday")
    assert (d.value, d.type) == ("2022-02-25", "DATE")


def test_dates_weekday_past_tense(run_dates, make_doc):
    doc = run_dates(make_doc, "The minister told reporters Tuesday that talks had failed.")
    assert find(doc, "Tuesday").value == "2022-02-22"


def test_dates_weekday_same_day_in_past(run_dates, make_doc):
    assert (
        find(run_dates(make_doc, "The general said Thursday it was over."), "Thursday").value == "2022-02-24"
    )


@pytest.mark.parametrize(
    "text,surface,value,kind",
    [
        ("Prices rose over the last three months.", "the last three months", "P3M", "DURATION"),
        ("The president spoke overnight.", "overnight", "2022-02-23TNI", "TIME"),
        ("The region was annexed in 2014.", "2014", "2014", "DATE"),
        ("The summit opened on June 14, 2021.", "June 14, 2021", "2021-06-14", "DATE"),
        ("Sales fell last year.", "last year", "2021", "DATE"),
        ("Talks resume this week.", "this week", "2022-W08", "DATE"),
        ("The war began in the 1990s.", "the 1990s", "199", "DATE"),
        ("The border is now closed.", "now", "PRESENT_REF", "DATE"),
        ("Patrols run daily.", "daily", "P1D", "SET"),
        ("The rebels left yesterday.", "yesterday", "2022-02-23", "DATE"),
        ("Profits doubled in the third quarter.", "the third quarter", "2021-Q3", "DATE"),
        ("The strike began two weeks ago.", "two weeks ago", "2022-W06", "DATE"),
    ],
)
def test_dates_values(run_dates, make_doc, text, surface, value, kind):
    d = find(run_dates(make_doc, text), surface)
    assert (d.value, d.type) == (value, kind)


def test_dates_without_publication_date(run_dates, make_doc):
    doc = run_dates(make_doc, "Troops left on Friday, after the treaty of March 3, 1999.", published=None)
    friday = find(doc, "Friday")
    assert friday.value is None and "publication date" in friday.reason
    assert find(doc, "March 3, 1999").value == "1999-03-03"


def test_dates_publication_date_from_dateline(run_dates, make_doc):
    text = "KYIV, March 2, 2022 — Officials said Monday that the bridge was repaired."
    doc = run_dates(make_doc, text, published=None)
    assert doc.metadata.published == "2022-03-02"
    assert doc.metadata.published_source == "dateline"
    assert find(doc, "Monday").value == "2022-02-28"


def test_dates_caller_date_wins_over_dateline(run_dates, make_doc):
    doc = run_dates(make_doc, "KYIV, March 2, 2022 — Officials met.", published="2022-03-03")
    assert doc.metadata.published == "2022-03-03"


def test_dates_caption_date_is_flagged_and_never_the_article_date(run_dates, make_doc):
    body = "Officials said Monday the bridge was repaired.\n"
    caption = "A soldier stands guard in Kyiv, Tuesday, May 3, 2016. (Photo/Agency)"
    text = body + caption
    noise = [Noise(kind="caption", text=caption, start=len(body), end=len(text))]
    doc = run_dates(make_doc, text, published=None, noise=noise)
    assert doc.metadata.published is None
    d = find(doc, "Tuesday, May 3, 2016")
    assert d.caption is True and d.value == "2016-05-03"
    assert find(doc, "Monday").caption is False


def test_dates_caption_found_by_photo_credit_without_cleaner(run_dates, make_doc):
    text = "Leaders met.\nThe minister speaks in Rome, Monday, June 14, 2021. (AP Photo/Jane Doe)"
    doc = run_dates(make_doc, text)
    assert find(doc, "Monday, June 14, 2021").caption is True


def test_dates_scheduling_words_look_forward(run_dates, make_doc):
    doc = run_dates(make_doc, "The dividend is payable March 7 to holders of record.", published="2022-02-24")
    assert find(doc, "March 7").value == "2022-03-07"
    doc = run_dates(make_doc, "The boy must be returned by Jan. 14.", published="2021-12-20")
    assert find(doc, "Jan. 14").value == "2022-01-14"


def test_dates_by_in_a_past_clause_looks_back(run_dates, make_doc):
    doc = run_dates(make_doc, "Thirty members had filed reports by Wednesday.", published="2022-02-24")
    assert find(doc, "Wednesday").value == "2022-02-23"


def test_dates_month_without_year_nearest_when_tense_unknown(run_dates, make_doc):
    doc = run_dates(make_doc, "A summit in April.", published="2021-12-05")
    assert find(doc, "April").value == "2022-04"


def test_dates_minutes_ago_is_the_same_day(run_dates, make_doc):
    doc = run_dates(make_doc, "The blast happened 20 minutes ago.")
    assert find(doc, "20 minutes ago").value == "2022-02-24"


def test_dates_a_named_weekday_tells_the_year_of_its_day(date_values):
    values = date_values(
        "The referendum will be held on Thursday, 4 November. The final is on Saturday 12 February, "
        "and the replay on 14 February.",
        published="2005-03-16",
    )
    assert values["Thursday, 4 November"] == "2004-11-04"  # 4 November 2005 is a Friday
    assert values["Saturday 12 February"] == "2005-02-12"  # the tense alone said 2006
    assert values["14 February"] == "2005-02-14"  # no weekday: the nearest, as before
