"""Quantities, error classes found on the second blind BBC set (issue #13) after its first
run, each fixed as a class and checked on made-up sentences: measures counted from a date
("four hours later"), whole numbers with "and a half", "one half" and "N out of M",
ranks and contrasts that are no counts, dashes that do not fall into ranges, rates never
read across a spaced dash, relay legs ("4x100m"), product names spelled like a currency,
age bounds before a noun, ages after a person noun, line-up minutes, years before a
compound noun, levels ("the 100,000 mark"), objects never across a line break, nouns made
of adjectives ("three of the accused") and a unit shared with a bare number after
"a further". Also the second gold file's shape."""

from __future__ import annotations

import json

from newsgraph.eval.tasks import quantities as task
from newsgraph.pipeline.components.quantities import QuantityExtractor
from tests.test_quantities_bbc_classes import extract  # noqa: F401  (the shared fixture)


def test_quantities_measure_of_an_anchored_date_is_a_duration(extract, make_doc):
    found = extract(make_doc, "Six weeks later, the firm said it had moved just over two years ago.")
    assert [(t, q.value, q.low, q.unit) for t, q in found] == [
        ("Six weeks", 6.0, None, "week"),
        ("just over two years", 2.0, 2.0, "year"),
    ]
    assert extract(make_doc, "The plant opened a year ago, in March 2001.") == []
    assert extract(make_doc, "It shut 10 days earlier.")[0][1].unit == "day"


def test_quantities_anchored_durations_follow_the_durations_switch(nlp, make_doc):
    doc = make_doc("Six weeks later, they left.")
    doc.spacy = nlp(doc.text)
    assert QuantityExtractor(durations=False)(doc).quantities == []


def test_quantities_and_a_half_one_half_and_out_of(extract, make_doc):
    text = "He spent two and a half years and 3 and a half months there; one half of the duo left."
    found = extract(make_doc, text)
    assert [(t, q.value, q.unit) for t, q in found] == [
        ("two and a half years", 2.5, "year"),
        ("3 and a half months", 3.5, "month"),
        ("one half", 0.5, None),
    ]
    found = extract(make_doc, "In nine out of 10 cases and eight out of ten homes, 1 in 4 adults agreed.")
    assert [(t, round(q.value, 2)) for t, q in found] == [
        ("nine out of 10", 0.9),
        ("eight out of ten", 0.8),
        ("1 in 4", 0.25),
    ]
    found = extract(make_doc, "Fewer than one in 10,000 units failed.")
    assert [(t, q.high) for t, q in found] == [("Fewer than one in 10,000", 0.0001)]
    found = extract(make_doc, "They paid one and a half million pounds.")
    assert [(t, q.value, q.unit) for t, q in found] == [("one and a half million pounds", 1.5e6, "GBP")]


def test_quantities_and_joins_number_words_only_after_a_scale(extract, make_doc):
    found = extract(make_doc, "Two hundred and five delegates came.")
    assert [(t, q.value) for t, q in found] == [("Two hundred and five", 205.0)]
    assert extract(make_doc, "They held the number one and two places in the chart.") == []


def test_quantities_ranks_negations_and_contrasts_are_no_counts(extract, make_doc):
    assert extract(make_doc, "The world number two lost, and not one of the plans worked.") == []
    assert extract(make_doc, "There is one rule for the rich and another for the poor.") == []
    found = extract(make_doc, "She was one of only two winners, the other being a Briton.")
    assert [(t, q.value, q.object) for t, q in found] == [("one", 1.0, "winners"), ("two", 2.0, "winners")]


def test_quantities_a_dash_between_falling_values_is_no_range(extract, make_doc):
    found = extract(make_doc, "They sit on 40 points - six points clear, and pay $5-$7 a ticket.")
    assert [(t, q.value, q.low, q.high, q.unit) for t, q in found] == [
        ("40 points", 40.0, None, None, "point"),
        ("six points", 6.0, None, None, "point"),
        ("$5-$7", None, 5.0, 7.0, "USD"),
    ]


def test_quantities_no_rate_across_a_spaced_dash(extract, make_doc):
    found = extract(make_doc, "Costs rose to 900m rupees - a big rise - and rent is $700 a month.")
    assert [(t, q.unit) for t, q in found] == [("900m rupees", "INR"), ("$700 a month", "USD per month")]


def test_quantities_relay_legs_and_scientific_notation(extract, make_doc):
    found = extract(make_doc, "She won the 4x400m relay, and light covers 3 x 10^8 m in one second.")
    expected = [("400m", 400.0, "metre"), ("3 x 10^8 m", 3e8, "metre")]
    assert [(t, q.value, q.unit) for t, q in found][:2] == expected
    found = extract(make_doc, "The 4x100m boys won again.")
    assert [(t, q.value, q.unit) for t, q in found] == [("100m", 100.0, "metre")]


def test_quantities_product_names_spelled_like_a_currency(extract, make_doc):
    assert extract(make_doc, "Sony said the PS3 would ship soon.") == []
    found = extract(make_doc, "The deal was worth PS2.7m, or PS4 each.")
    assert [(t, q.value, q.unit) for t, q in found] == [("PS2.7m", 2.7e6, "GBP"), ("PS4", 4.0, "GBP")]


def test_quantities_age_bound_before_a_noun(extract, make_doc):
    found = extract(make_doc, "She won the under-five category and he plays for the under-21 side.")
    assert [(t, q.value, q.high, q.unit, q.object) for t, q in found] == [
        ("under-five", 5.0, 5.0, "year of age", None),
        ("under-21", 21.0, 21.0, "year of age", None),
    ]


def test_quantities_age_after_a_person_noun(extract, make_doc):
    found = extract(make_doc, "The club signed the striker, 29, and his brother, 24, for £2m.")
    assert [(t, q.unit) for t, q in found] == [("29", "year of age"), ("24", "year of age"), ("£2m", "GBP")]


def test_quantities_line_up_minutes_and_attendance(extract, make_doc):
    text = "Hyde, Purdie (Mills 83), Brown (Green 102).\nAtt: 1,375\nReferee: Jones."
    found = extract(make_doc, text)
    assert [(t, q.value, q.object) for t, q in found] == [("1,375", 1375.0, None)]


def test_quantities_year_before_a_compound_noun_and_levels(extract, make_doc):
    assert extract(make_doc, "It expects to meet its 2004 earnings targets and 2005 sales goals.") == []
    found = extract(make_doc, "The index topped the 10,000 mark after 300 traders bought.")
    assert [(t, q.object) for t, q in found] == [("10,000", None), ("300", "traders")]


def test_quantities_adjective_nouns_are_counted(extract, make_doc):
    found = extract(make_doc, "All three of the accused denied it; four of the injured went home.")
    assert [(t, q.object) for t, q in found] == [("three", "accused"), ("four", "injured")]


def test_quantities_unit_shared_with_a_bare_number_after_a_further(extract, make_doc):
    found = extract(make_doc, "They are on 31 points, four points behind and a further five back.")
    expected = [("31 points", "point"), ("four points", "point"), ("five", "point")]
    assert [(t, q.unit) for t, q in found] == expected
    found = extract(make_doc, "Sales rose 5% and a further 3 came later.")
    assert [(t, q.unit) for t, q in found] == [("5%", "percent"), ("3", None)]


def test_scorer_singular_of_irregular_plurals():
    assert task.units_match("child", None, "children") and task.units_match("foot", "feet", None)


def test_second_bbc_gold_file_has_offsets_and_no_text():
    entries = [json.loads(line) for line in task.BBC_GOLD2.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 164 and sum(len(e["quantities"]) for e in entries) == 151
    first = {json.loads(line)["article"] for line in task.BBC_GOLD.read_text(encoding="utf-8").splitlines()}
    assert not {e["article"] for e in entries} & first
    for entry in entries:
        assert set(entry) == {"article", "start", "end", "sha1", "quantities"}
        for q in entry["quantities"]:
            assert entry["start"] <= q["start"] < q["end"] <= entry["end"]
            assert q["change"] in ("=", "~", ">", "<", "up", "down")


def test_quantities_change_and_level_after_a_change_word(extract, make_doc):
    found = extract(make_doc, "Shares fell 12 cents to $3.40, and exports rose 5% to 7% of output.")
    assert [(t, q.value) for t, q in found] == [("12 cents", 12.0), ("$3.40", 3.4), ("5%", 5.0), ("7%", 7.0)]
    found = extract(make_doc, "Sales were up 3 to 4 percent, and rates rose from 5% to 7%.")
    expected = [("3 to 4 percent", 3.0, 4.0), ("from 5% to 7%", 5.0, 7.0)]
    assert [(t, q.low, q.high) for t, q in found] == expected


def test_quantities_inches_after_feet(extract, make_doc):
    found = extract(make_doc, "The 6ft 4in lock is taller than the 5 ft 11 in wing.")
    assert [(t, q.value, q.unit) for t, q in found] == [
        ("6ft", 6.0, "foot"),
        ("4in", 4.0, "inch"),
        ("5 ft", 5.0, "foot"),
        ("11 in", 11.0, "inch"),
    ]
