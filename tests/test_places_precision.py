"""places.v1 on names a reader does not take for the far namesake the gazetteer offers: a
surname after a title, a short name of open water (BBC corpus pass, 2026-12-05)."""

from __future__ import annotations

from tests.test_places_resolve import _by_mention, resolver, run  # noqa: F401 (fixtures)


def _names(doc) -> set[str]:
    return {doc.text[m.start : m.end] for p in doc.places for m in p.mentions}


def test_places_precision_surname_after_a_title_is_a_person(run):
    doc = run("The job figures mean that President Bush can celebrate, analysts in Chicago said.")
    assert "Bush" not in _names(doc)
    assert _by_mention(doc, "Chicago").country == "US"


def test_places_precision_town_of_that_name_without_a_title_still_resolves(run):
    doc = run("Workers in Bush, a town on the Nile, went on strike, officials in Cairo said.")
    assert _by_mention(doc, "Bush").country == "EG"


def test_places_precision_country_after_a_title_word_still_resolves(run):
    doc = run("King Abdullah of Jordan met the Queen in London on Monday.")
    assert _by_mention(doc, "Jordan").country == "JO"


def test_places_precision_short_name_of_an_ocean_is_the_ocean(run):
    doc = run("The band sold out on both sides of the Atlantic, their label in London said.")
    atlantic = _by_mention(doc, "Atlantic")
    assert atlantic.feature == "H.OCN"


def test_places_precision_town_named_after_an_ocean_with_its_state_stays_a_town(run):
    doc = run("A tornado struck Atlantic, Iowa, on Monday, the county sheriff said.")
    atlantic = _by_mention(doc, "Atlantic")
    assert atlantic.country == "US" and atlantic.feature.startswith("P.")
