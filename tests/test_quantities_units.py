"""Quantities: scale suffixes, alternatives, the unit catalogue (ISO 4217, SI prefixes) and
the ambiguous-unit model, on synthetic sentences."""

from __future__ import annotations

import json

import pytest

from newsgraph.pipeline.components.quantities import ambiguous
from newsgraph.pipeline.components.quantities.lexicon import UNITS_DIR, load
from tests.test_quantities_extract import extract  # noqa: F401 (the shared fixture)


def pairs(quantities, text: str):
    """``[(surface, quantity)]`` for the quantities found in ``text``."""
    return [(text[q.start : q.end], q) for q in quantities]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The mill shipped 2m tons of steel.", "2m tons", 2e6, "tonne"),
        ("The firm sold 3m devices last year.", "3m", 3e6, None),
        ("The account has 10k followers.", "10k", 1e4, None),
        ("The deal was worth $5 mil in cash.", "$5 mil", 5e6, "USD"),
        ("The tower is 37m tall.", "37m", 37, "metre"),
        ("The plant makes 5 MW of power.", "5 MW", 5, "megawatt"),
        ("The tyre holds 300 kPa of air.", "300 kPa", 300, "kilopascal"),
        ("The line carries 20 Mbps to each home.", "20 Mbps", 20, "megabit per second"),
        ("Winds reached 70 m.p.h. on the coast.", "70 m.p.h.", 70, "mile per hour"),
        ("The chip runs at 3 GHz when cool.", "3 GHz", 3, "gigahertz"),
        ("A room costs 400 zł a night.", "400 zł a night", 400, "PLN per night"),
        ("The fee was C$ 20 for adults.", "C$ 20", 20, "CAD"),
        ("The tablet cost A$499 at launch.", "A$499", 499, "AUD"),
        ("The mass is 1.5e6 kg in all.", "1.5e6 kg", 1.5e6, "kilogram"),
        ("Light travels at 3 x 10^8 m/s in a vacuum.", "3 x 10^8 m/s", 3e8, "metre per second"),
    ],
)
def test_quantities_units_scale_and_catalogue(extract, make_doc, text, surface, value, unit):
    found = dict(pairs(extract(make_doc, text), text))
    assert surface in found, found
    assert found[surface].value == pytest.approx(value)
    assert found[surface].unit == unit


def test_quantities_units_alternatives_are_two_values(extract, make_doc):
    found = extract(make_doc, "A coffee costs eight or nine euros there.")
    assert [(q.value, q.unit) for q in found] == [(8, "EUR"), (9, "EUR")]


def test_quantities_units_written_range_shares_scale(extract, make_doc):
    (q,) = extract(make_doc, "About four to five thousand people marched.")
    assert (q.low, q.high, q.value) == (4000, 5000, None)


def test_quantities_units_day_range_in_date_is_not_a_quantity(extract, make_doc):
    assert extract(make_doc, "The fair runs Oct. 18-22 in the old town.") == []


@pytest.mark.parametrize("text", ["Astronomers still hunt for Planet 9 at night.", "The FTSE 100 closed lower."])
def test_quantities_units_names_with_numbers(extract, make_doc, text):
    assert extract(make_doc, text) == []


@pytest.mark.parametrize(("text", "value"), [("One fourth of the voters stayed home.", 0.25), ("Half the staff left.", 0.5)])
def test_quantities_units_fractions_in_words(extract, make_doc, text, value):
    assert [q.value for q in extract(make_doc, text)] == [pytest.approx(value)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The water temperature in the pool stayed at 25 c all summer.", "degree Celsius"),
        ("The vending machine price of a candy bar is 75 c now.", "USX"),
        ("The sailboat reached a speed of 20 kn in the wind.", "knot"),
        ("We paid 150 kn for the hotel room in Split.", "HRK"),
        ("She spent 50 pounds on a new jacket at the shop.", "GBP"),
        ("The newborn baby weighed 8 pounds at birth.", "pound"),
    ],
)
def test_quantities_units_ambiguous_form_follows_context(extract, make_doc, text, unit):
    assert [q.unit for q in extract(make_doc, text)] == [unit]


def test_quantities_units_catalogue_covers_iso4217():
    by_unit = load().by_unit
    for code in ("USD", "EUR", "PLN", "CZK", "AMD", "VND", "MXN", "THB", "KES", "ZAR"):
        assert by_unit[code].dimension == "currency"
    catalog = json.loads((UNITS_DIR / "catalog.json").read_text(encoding="utf-8"))
    assert sum(u["dimension"] == "currency" for u in catalog["units"]) >= 150


def test_quantities_units_model_names_known_units():
    names = {u.name for u in load().by_unit.values()}
    for key, entry in ambiguous.model().items():
        assert len(entry["units"]) >= 2, key
        assert set(entry["units"]) <= names, key


def test_quantities_units_year_like_number_with_unit_is_a_measure(extract, make_doc):
    text = "The 1520 sq m clinic opened."
    assert [(s, q.unit) for s, q in pairs(extract(make_doc, text), text)] == [("1520 sq m", "square metre")]


def test_quantities_units_number_range_in_address_is_a_name(extract, make_doc):
    assert [q.value for q in extract(make_doc, "The shop at 16-18 Harbour Avenue has let.")] == []
