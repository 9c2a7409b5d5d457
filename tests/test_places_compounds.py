"""places.v1 recognition classes read off GeoWebNews' training errors (issue 17): names the
text writes as one ("Washington, D.C.", "Miami-Dade"), routes written as one span
("Amsterdam-London"), facilities named after a place ("Manila Cathedral") and institutions
that name no site ("Supreme Court")."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.places import _generic_name
from newsgraph.pipeline.components.places.recognize import (
    Toponym,
    extend_facilities,
    join_compounds,
    split_compounds,
)
from newsgraph.pipeline.components.places.resolve import _fallback
from newsgraph.resources.geonames import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def _top(text: str, name: str, label: str = "GPE", nth: int = 0) -> Toponym:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Toponym(start, start + len(name), name, label, "ner")


def _spans(text, toponyms):
    return [text[t.start : t.end] for t in toponyms]


def test_town_and_district_written_as_one_name_are_joined(gaz):
    text = "Tickets are sold in Washington, D.C., and in Paris, Texas."
    tops = [_top(text, "Washington"), _top(text, "D.C."), _top(text, "Paris"), _top(text, "Texas")]
    joined = join_compounds(tops, text, gaz)
    assert _spans(text, joined) == ["Washington, D.C.", "Paris", "Texas"]


def test_hyphenated_division_is_one_name(gaz):
    text = "A school in Miami-Dade County and another in Miami-Dade."
    tops = [
        _top(text, "Miami"), _top(text, "Dade County"), _top(text, "Miami", nth=1), _top(text, "Dade", nth=1)
    ]
    assert _spans(text, join_compounds(tops, text, gaz)) == ["Miami-Dade County", "Miami-Dade"]
    assert [p.feature for p in _fallback(gaz, "Miami-Dade")] == ["A.ADM2"]


def test_route_between_two_cities_is_split_but_unknown_parts_are_not(gaz):
    text = "The Amsterdam-London leg and the Zorblax-London run."
    tops = [_top(text, "Amsterdam-London"), _top(text, "Zorblax-London")]
    assert _spans(text, split_compounds(tops, gaz)) == ["Amsterdam", "London", "Zorblax-London"]


def test_place_grows_into_the_facility_named_after_it():
    text = "Mass at the Manila Cathedral and at Derry’s Altnagelvin Hospital, near Marjory Stoneman Douglas High School."
    tops = [_top(text, "Manila"), _top(text, "Derry"), _top(text, "Douglas")]
    extend_facilities(tops, text)
    assert _spans(text, tops) == ["Manila Cathedral", "Derry", "Marjory Stoneman Douglas High School"]
    assert [t.label for t in tops] == ["FAC", "GPE", "FAC"]
    assert all(t.text == text[t.start : t.end] for t in tops)


def test_institution_of_everyday_words_names_no_site():
    assert _generic_name("Supreme Court", frozenset())
    assert _generic_name("Secretary of State's Office", frozenset())
    assert not _generic_name("Barclays Center", frozenset())
    assert not _generic_name("Trump Tower", frozenset({"Donald", "Trump"}))


def test_acronym_in_brackets_abbreviates_the_name_before_it(gaz):
    from newsgraph.pipeline.components.places import _drop_abbreviations
    from newsgraph.pipeline.components.places.resolve import Resolution

    text = "The Ministry of Economy, Trade and Industry (METI) said exports rose (UK) (NEW YORK)."
    tops = [_top(text, "METI"), _top(text, "UK"), _top(text, "NEW YORK")]
    town = next(p for p in gaz.lookup("METI") if p.is_town)
    uk = next(p for p in gaz.lookup("UK") if p.is_country)
    nyc = max(gaz.lookup("New York"), key=lambda p: p.population)
    results = [Resolution(town, 0.7), Resolution(uk, 0.9), Resolution(nyc, 0.9)]
    kept, _ = _drop_abbreviations(tops, results, text)
    assert [t.text for t in kept] == ["UK", "NEW YORK"]
