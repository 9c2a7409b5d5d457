"""Quantities, error classes fixed broadly (issue #13): suspended-hyphen lists, index names
that contain numbers, sport statistics, scale letters before the counted noun, the
ambiguous-unit model's features, and the quantity code's speed-ups keeping its output."""

from __future__ import annotations

import re

import pytest

from newsgraph.pipeline.components.quantities import QuantityExtractor, ambiguous
from newsgraph.pipeline.components.quantities.lexicon import alternation, load


@pytest.fixture(scope="module")
def extract(nlp):
    """``(make_doc, text) -> [(mention text, Quantity)]`` through the component."""
    component = QuantityExtractor()
    return lambda make_doc, text: [
        (text[q.start : q.end], q) for q in component(_parsed(make_doc(text), nlp)).quantities
    ]


def _parsed(doc, nlp):
    doc.spacy = nlp(doc.text)
    return doc


def test_quantities_suspended_hyphen_list_shares_its_noun(extract, make_doc):
    found = extract(make_doc, "The maker offers four-, five- and six-cylinder engines this year.")
    assert [(t, q.value, q.unit, q.object) for t, q in found] == [
        ("four", 4, None, "cylinder"),
        ("five", 5, None, "cylinder"),
        ("six", 6, None, "cylinder"),
    ]


def test_quantities_suspended_hyphen_list_of_digits(extract, make_doc):
    found = extract(make_doc, "The resort sells 3-, 4- and 5-star rooms to visitors.")
    expected = [("3", 3, "star"), ("4", 4, "star"), ("5", 5, "star")]
    assert [(t, q.value, q.object) for t, q in found] == expected


@pytest.mark.parametrize("index", ["S&P 500", "sp 500", "Stoxx 600", "CAC 40", "ASX 200"])
def test_quantities_index_names_are_not_quantities(extract, make_doc, index):
    found = extract(make_doc, f"Shares on the {index} rose 2% on Friday.")
    assert [(t, q.unit) for t, q in found] == [("2%", "percent")]


def test_quantities_sport_statistics_are_units(extract, make_doc):
    found = extract(make_doc, "Top relievers: Sam Hill (0.5 WAR) and Joe Park, who has a 3.45 ERA.")
    assert [(t, q.unit, q.object) for t, q in found] == [
        ("0.5 WAR", "win above replacement", None),
        ("3.45 ERA", "earned run average", None),
    ]


def test_quantities_counted_object_leaves_the_scale_letter_out(extract, make_doc):
    found = extract(make_doc, "The firm shipped 3m devices and hired 10k workers.")
    assert [(t, q.value, q.unit, q.object) for t, q in found] == [
        ("3m", 3_000_000, None, "devices"),
        ("10k", 10_000, None, "workers"),
    ]
    for _, q in found:
        assert q.object_span.start >= q.end


def test_quantities_adverb_glued_to_a_number_is_no_label(extract, make_doc):
    found = extract(make_doc, "She cares for her now-18 month-old son.")
    assert [(t, q.value, q.unit) for t, q in found] == [("18 month-old", 18, "month of age")]


def test_quantities_model_reads_primes_as_one_form():
    assert ambiguous.form_key("′") == ambiguous.form_key("'") == "'"
    assert ambiguous.form_key("″") == '"'


def test_quantities_model_features_mark_the_neighbours():
    text = "The ship sailed at 30 kn per hour."
    start = text.index("30")
    features = ambiguous.features(text, start, start + 5)
    assert "<:at" in features and ">:per" in features and "ship" in features


@pytest.mark.parametrize(
    "forms", [["m", "mph", "m/s", "mi"], ["kg", "k", "km", "kmh"], list(load().suffix_forms)[:200]]
)
def test_quantities_trie_alternation_matches_like_a_sorted_one(forms):
    by_length = sorted(forms, key=len, reverse=True)
    sorted_alt = re.compile("(?:" + "|".join(re.escape(f) for f in by_length) + r")(?!\w)")
    trie = re.compile("(?:" + alternation(forms) + r")(?!\w)")
    for form in forms:
        for text in (form, form + " x", form + "s", form[:-1]):
            a, b = sorted_alt.match(text), trie.match(text)
            assert (a and a.group(0)) == (b and b.group(0)), (form, text)


def test_quantities_from_to_with_words_between_is_one_range(extract, make_doc):
    found = extract(make_doc, "Fuel economy climbed from 21 mpg combined to 23 for the base models.")
    assert [(t, q.low, q.high, q.unit) for t, q in found] == [
        ("from 21 mpg combined to 23", 21, 23, "mile per gallon")
    ]


def test_quantities_from_to_across_a_clause_stays_apart(extract, make_doc):
    found = extract(make_doc, "Sales fell from $40, the lowest level, and then rose to $45 later.")
    assert [(t, q.value) for t, q in found] == [("$40", 40), ("$45", 45)]


def test_quantities_from_to_keeps_a_quantity_between_apart(extract, make_doc):
    found = extract(make_doc, "Revenue slipped from £3.2bn ($6.1bn) in 2003 to £2.9bn in 2004.")
    assert [t for t, _ in found] == ["£3.2bn", "$6.1bn", "£2.9bn"]


def test_quantities_track_distance_is_metres_not_millions(extract, make_doc):
    found = extract(make_doc, "She won the 60m hurdles and later shipped 3m devices.")
    assert [(t, q.value, q.unit) for t, q in found] == [("60m", 60, "metre"), ("3m", 3_000_000, None)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("500 baht", "THB"),
        ("20 forint", "HUF"),
        ("3,000 rupiah", "IDR"),
        ("40 cedis", "GHS"),
        ("10 lev", "BGN"),
    ],
)
def test_quantities_currency_local_names(extract, make_doc, text, unit):
    found = extract(make_doc, f"The fee was {text} at the border.")
    assert [(t, q.unit, q.dimension) for t, q in found] == [(text, unit, "currency")]


def test_quantities_currency_local_names_skip_english_words():
    forms = load().suffix_forms
    assert "baht" in forms and "real" not in forms and "mark" not in forms
    assert forms["dram"].dimension == "mass"  # the mass unit keeps its word


def test_quantities_currency_symbol_after_the_number_uses_the_symbol_model():
    text = "Lunch in Tokyo cost 1,500 ¥ at the station."
    key, _ = ambiguous.form_after(text, text.index(" ¥"))
    assert key == "PRE:¥" and key in ambiguous.model()


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("2 A/cm2", "ampere per square centimetre"),
        ("3 N/m2", "newton per square metre"),
        ("9.8 m/s^2", "metre per second squared"),
        ("400 W/m^2", "watt per square metre"),
    ],
)
def test_quantities_slash_rates_with_symbols_and_carets(extract, make_doc, text, unit):
    found = extract(make_doc, f"The probe measured {text} near the surface.")
    assert [(t, q.unit) for t, q in found] == [(text, unit)]
