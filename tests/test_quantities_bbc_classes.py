"""Quantities, error classes found on the tuning half of the blind BBC set (issue #13), each
fixed as a class and checked on made-up sentences: ordinals after "a", scale letters before
a compound noun, quotes that close a quotation, day ranges before a month, odds and ratios
with a slash, version numbers, age groups, a currency written twice, "-fold" words and a
count whose noun is left out. Also the BBC gold file's shape and its split rule."""

from __future__ import annotations

import json

import pytest

from newsgraph.eval.tasks import quantities as task
from newsgraph.pipeline.components.quantities import QuantityExtractor


@pytest.fixture(scope="module")
def extract(nlp):
    """``(make_doc, text) -> [(mention text, Quantity)]`` through the component."""
    component = QuantityExtractor()

    def run(make_doc, text):
        doc = make_doc(text)
        doc.spacy = nlp(doc.text)
        return [(text[q.start : q.end], q) for q in component(doc).quantities]

    return run


def test_quantities_ordinal_after_a_is_no_fraction(extract, make_doc):
    assert extract(make_doc, "She won a fifth straight title and a third term in office.") == []
    found = extract(make_doc, "The firm cut a third of its staff and a fifth of its shops.")
    assert [(t, round(q.value, 4)) for t, q in found] == [("a third", 0.3333), ("a fifth", 0.2)]


def test_quantities_scale_letter_before_a_compound_noun(extract, make_doc):
    found = extract(make_doc, "The site holds 300m blog entries and a 40m tall tower.")
    assert [(t, q.value, q.unit) for t, q in found] == [("300m", 300e6, None), ("40m", 40.0, "metre")]
    assert found[0][1].object == "blog entries"


def test_quantities_closing_quote_is_no_inch_mark(extract, make_doc):
    found = extract(make_doc, 'He said it "covered 40 of the losses since 12". The TV has a 42" screen.')
    assert [(t, q.unit) for t, q in found] == [("40", None), ("12", None), ('42"', "inch")]


def test_quantities_day_range_before_a_month_is_a_date(extract, make_doc):
    assert extract(make_doc, "The fair runs from 6 to 9 January in the old hall.") == []
    assert extract(make_doc, "Talks are set for the 3rd and 4th of May.") == []
    found = extract(make_doc, "Prices rose 6 to 9 percent in May.")
    assert [(t, q.low, q.high) for t, q in found] == [("6 to 9 percent", 6.0, 9.0)]


def test_quantities_odds_ratios_and_tie_breaks_are_no_fractions(extract, make_doc):
    text = "The 6/4 favourite won 7-6 (7/5) at a desk open 24/7, with a 1/4 share."
    found = extract(make_doc, text)
    assert [(t, q.value) for t, q in found] == [("1/4", 0.25)]


def test_quantities_version_numbers_are_names(extract, make_doc):
    assert extract(make_doc, "The long-awaited Firefox 1.0 web browser has just been released.") == []
    found = extract(make_doc, "Shares in the firm rose 2.5 on Monday.")
    assert [(t, q.value) for t, q in found] == [("2.5", 2.5)]


def test_quantities_age_groups(extract, make_doc):
    found = extract(make_doc, "Payments of £50 go to the over-70s, and the under-18s pay nothing.")
    assert [(t, q.value, q.low, q.high, q.unit) for t, q in found] == [
        ("£50", 50.0, None, None, "GBP"),
        ("over-70s", 70.0, 70.0, None, "year of age"),
        ("under-18s", 18.0, None, 18.0, "year of age"),
    ]
    assert extract(make_doc, "The phone runs on 5G networks.") == []


def test_quantities_currency_written_twice_keeps_its_rate(extract, make_doc):
    found = extract(make_doc, "The deal would save poor countries £3bn pounds a year, he said.")
    assert [(t, q.value, q.unit) for t, q in found] == [("£3bn pounds a year", 3e9, "GBP per year")]


def test_quantities_fold_words(extract, make_doc):
    found = extract(make_doc, "Downloads were up tenfold, and sales saw a threefold rise.")
    expected = [("tenfold", 10.0, "times"), ("threefold", 3.0, "times")]
    assert [(t, q.value, q.unit) for t, q in found] == expected


def test_quantities_count_with_its_noun_left_out(extract, make_doc):
    text = "He expected 150,000 shoppers on Saturday and a further 100,000 on Sunday."
    found = extract(make_doc, text)
    assert [(t, q.object) for t, q in found] == [("150,000", "shoppers"), ("100,000", "shoppers")]
    span = found[1][1].object_span
    assert text[span.start : span.end] == "shoppers"
    found = extract(make_doc, "Rates rose 8% to 3.65. He counted 300 votes. Then 40 left.")
    assert [(t, q.object) for t, q in found] == [("8%", None), ("3.65", None), ("300", "votes"), ("40", None)]


def test_bbc_gold_file_has_offsets_and_no_text():
    entries = [json.loads(line) for line in task.BBC_GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 190 and sum(len(e["quantities"]) for e in entries) == 163
    for entry in entries:
        assert set(entry) == {"article", "start", "end", "sha1", "quantities"}
        for q in entry["quantities"]:
            assert entry["start"] <= q["start"] < q["end"] <= entry["end"]
            assert q["change"] in ("=", "~", ">", "<", "up", "down")
    halves = {task.bbc_half(e["article"]) for e in entries}
    assert halves == {"tune", "heldout"}


def test_bbc_half_is_sha1_parity_of_the_path():
    import hashlib

    for path in ("business/001.txt", "sport/199.txt", "tech/353.txt"):
        odd = int(hashlib.sha1(path.encode()).hexdigest(), 16) % 2 == 1
        assert task.bbc_half(path) == ("heldout" if odd else "tune")


def test_bbc_gold_refuses_a_different_corpus(tmp_path):
    from newsgraph.errors import EvalError

    gold = tmp_path / "gold.jsonl"
    entry = {"article": "t/1.txt", "start": 0, "end": 5, "sha1": "0" * 12, "quantities": []}
    gold.write_text(json.dumps(entry) + "\n")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "1.txt").write_text("Made up text.\n")
    with pytest.raises(EvalError, match="not the annotated sentence"):
        task.read_bbc_gold(tmp_path, gold)
    with pytest.raises(EvalError, match="unreadable"):
        task.read_bbc_gold(tmp_path / "missing", gold)
