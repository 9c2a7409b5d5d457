"""Quantities on synthetic sentences: bounds, ranges, approximation, units, counted
objects, numbers in words, and what is not a quantity (years, ordinals, names)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.quantities import QuantityExtractor


@pytest.fixture(scope="module")
def extract(nlp):
    component = QuantityExtractor()

    def run(make_doc, text: str):
        doc = make_doc(text)
        doc.spacy = nlp(text)
        component(doc)
        for q in doc.quantities:
            assert q.component == "newsgraph.quantities.v1"
            assert doc.text[q.start : q.end].strip() == doc.text[q.start : q.end]
        return doc.quantities

    return run


def one(quantities, **expected):
    matches = [q for q in quantities if all(getattr(q, k) == v for k, v in expected.items())]
    assert matches, f"no quantity with {expected} in {quantities}"
    return matches[0]


def test_quantities_upper_bound(extract, make_doc):
    q = one(extract(make_doc, "The force can number up to 40,000 soldiers."), value=40000)
    assert q.high == 40000 and q.low is None and q.object == "soldiers"


def test_quantities_adding_up_to_a_figure_is_a_total_not_a_bound(extract, make_doc):
    text = "Its imports and exports added up to 3,400bn yen in 2004."
    q = one(extract(make_doc, text), value=3.4e12)
    assert q.high is None and q.low is None and text[q.start : q.end] == "3,400bn yen"


@pytest.mark.parametrize("phrase", ["more than", "at least", "over"])
def test_quantities_lower_bound(extract, make_doc, phrase):
    q = one(extract(make_doc, f"The agency hired {phrase} 1,200 inspectors."), value=1200)
    assert q.low == 1200 and q.high is None


@pytest.mark.parametrize("text", ["between 5,000 and 7,000 sailors", "5,000-7,000 sailors"])
def test_quantities_range(extract, make_doc, text):
    q = one(extract(make_doc, f"The navy sent {text} to the port."), low=5000, high=7000)
    assert q.value is None and q.object == "sailors"


@pytest.mark.parametrize("word", ["around", "about", "some", "nearly"])
def test_quantities_approximate(extract, make_doc, word):
    q = one(extract(make_doc, f"The camp holds {word} 3,000 refugees."), value=3000)
    assert q.approx is True


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("The deal is worth $3bn in total.", 3e9, "USD"),
        ("Exports fell 4.5% last month.", 4.5, "percent"),
        ("The convoy drove 120 kilometres north.", 120, "kilometre"),
        ("Police seized 12 kg of cocaine.", 12, "kilogram"),
        ("Fires burned 2,500 hectares of forest.", 2500, "hectare"),
        ("The fine was 10.5 million euros.", 10.5e6, "EUR"),
        ("Oil traded at $80 a barrel.", 80, "USD per barrel"),
    ],
)
def test_quantities_units(extract, make_doc, text, value, unit):
    one(extract(make_doc, text), value=value, unit=unit)


@pytest.mark.parametrize(
    "text,value",
    [
        ("Two dozen protesters gathered outside.", 24),
        ("The city has 1.5 million residents.", 1.5e6),
        ("Forty-two villagers were evacuated.", 42),
        ("Three hundred workers joined the strike.", 300),
    ],
)
def test_quantities_numbers_in_words(extract, make_doc, text, value):
    q = one(extract(make_doc, text), value=value)
    assert q.object is not None


def test_quantities_duration_is_time_quantity(extract, make_doc):
    q = one(extract(make_doc, "The talks lasted three months."), value=3)
    assert q.unit == "month" and q.dimension == "time"


def test_quantities_negative_and_decimal(extract, make_doc):
    quantities = extract(make_doc, "The team gained minus-5 yards and the index rose 0.25%.")
    one(quantities, value=-5, unit="yard")
    one(quantities, value=0.25, unit="percent")


def test_quantities_member_countries_object(extract, make_doc):
    q = one(extract(make_doc, "All of the bloc's 27 member countries signed."), value=27)
    assert q.object == "member countries" and q.dimension == "count"
    assert q.object_span is not None


def test_quantities_leave_out_years_ordinals_and_names(extract, make_doc):
    text = "In 2014 the 3rd battalion, which flew the Boeing 737 in the second round, left."
    assert extract(make_doc, text) == []


def test_quantities_leave_out_dates_and_times(extract, make_doc):
    assert extract(make_doc, "The vote was held on June 14, 2021 at 5 p.m.") == []


def test_quantities_scale_letter_before_currency_word(extract, make_doc):
    one(extract(make_doc, "The firm will sell 253m euros of new shares."), value=253e6, unit="EUR")
    one(extract(make_doc, "She won the 800m final."), value=800, unit="metre")


def test_quantities_odds_are_not_ranges(extract, make_doc):
    quantities = extract(make_doc, "The judges ruled by an eight to one majority.")
    assert all(q.value is not None for q in quantities)


def test_quantities_shared_scale_and_rate_in_ranges(extract, make_doc):
    quantities = extract(make_doc, "Shares were priced between $62 and $68 per share, or $89 to $93 billion.")
    one(quantities, low=62, high=68, unit="USD per share")
    one(quantities, low=89e9, high=93e9, unit="USD")


def test_quantities_read_letters_re_folds_to_ascii(extract, make_doc):
    # "ſ" (long s) matches "s" under re.IGNORECASE but lower-cases to itself: the vague
    # plural's table lookup used to raise KeyError on "tenſ", failing the whole article.
    text = "Officials said tenſ of thouſands of people marched."
    q = one(extract(make_doc, text), low=10000.0)
    assert text[q.start : q.end].startswith("tenſ of thouſands")


@pytest.mark.parametrize(
    "text,value",
    [
        ("The budget is $2.18 trillion this year.", 2_180_000_000_000),
        ("Sales reached $16.4 million.", 16_400_000),
        ("The bank lost 0.7bn euros.", 700_000_000),
        ("Spending will be between $1.2 and $3.3 billion.", None),
    ],
)
def test_quantities_scaled_values_are_the_numbers_written(extract, make_doc, text, value):
    # Binary floating point gives 2.18 * 10**12 = 2180000000000.0002; the record holds the
    # number as written.
    q = extract(make_doc, text)[0]
    assert q.value == value
    if value is None:
        assert (q.low, q.high) == (1_200_000_000, 3_300_000_000)


@pytest.mark.parametrize(
    "text, surface, low, unit",
    [
        ("The firms ran multi-billion dollar advertising campaigns.", "multi-billion dollar", 2e9, "USD"),
        ("He signed a multi-million pound deal.", "multi-million pound", 2e6, "GBP"),
        ("She made a multimillion-dollar bid.", "multimillion-dollar", 2e6, "USD"),
    ],
)
def test_quantities_multi_scale_is_a_vague_range_not_one_of_the_scale(extract, make_doc, text, surface, low, unit):
    """"multi-billion dollar" gives no number: several billion (two to ten), never the
    one billion "billion dollar" alone would read."""
    q = one(extract(make_doc, text), unit=unit)
    assert (text[q.start : q.end], q.value, q.low, q.high, q.approx) == (surface, None, low, low * 5, True)


def test_quantities_two_number_words_in_a_row_are_two_numbers(extract, make_doc):
    text = "He played in the opening two Six Nations wins and won twenty six caps."
    values = {text[q.start : q.end]: q.value for q in extract(make_doc, text)}
    assert values == {"two": 2.0, "twenty six": 26.0}  # not "two Six" = 8
