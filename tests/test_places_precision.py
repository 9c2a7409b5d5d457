"""places.v1 on names a reader does not take for the far namesake the gazetteer offers: a
surname after a title, a short name of open water, a borough's formal name (BBC corpus pass, 2026-12-05)."""

from __future__ import annotations

import pytest

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


def test_places_precision_formal_name_heads_give_the_name_a_reader_uses():
    from newsgraph.pipeline.components.places.rank import main_names, most_populous_flags
    from newsgraph.resources.geonames import GeoPlace

    assert main_names("City of Oakhurst") == ("City of Oakhurst", "Oakhurst")
    assert main_names("Cityville") == ("Cityville",)
    borough = GeoPlace(1, "City of Oakhurst", "P.PPL", "GB", "", 250_000, 51.5, -0.1)
    namesake = GeoPlace(2, "Oakhurst", "P.PPL", "US", "", 90_000, 39.8, -105.0)
    assert most_populous_flags([borough, namesake], "oakhurst") == [True, False]


def test_places_precision_borough_short_name_is_the_borough(run):
    doc = run("MPs at Westminster complained about long hours, a report to the Commons said.")
    assert _by_mention(doc, "Westminster").country == "GB"


def test_places_precision_namesake_of_a_borough_with_its_state_stays_there(run):
    doc = run("Police in Westminster, Colorado, closed a road on Monday, officials said.")
    assert _by_mention(doc, "Westminster").country == "US"


_LINE_UP = (
    "Oakfield: Rees; Hayes, Campbell, Murphy, Thompson; Dawson, Pike; Orton, Bell, Keane.\n"
    "The match in Leeds was close."
)


def test_places_precision_surnames_of_a_team_sheet_are_no_towns(run):
    doc = run(_LINE_UP)
    assert _names(doc) & {"Rees", "Hayes", "Campbell", "Murphy", "Thompson"} == set()
    assert _by_mention(doc, "Leeds").country == "GB"


def test_places_precision_a_list_of_towns_keeps_its_towns(run):
    doc = run("Flooding hit Bath, Swindon, Exeter, Truro, Yeovil and Taunton on Monday, the agency said.")
    assert {"Bath", "Swindon", "Exeter", "Truro"} <= _names(doc)


def test_places_precision_an_award_is_no_town(run_full):
    record = run_full("Band triumphs at Brits\n\nThe band won two prizes at Brits on Tuesday, their label in London said.")
    assert "Brits" not in {p["name"] for p in record["places"]}


def test_places_precision_a_part_of_a_party_name_is_no_town(run_full):
    record = run_full("The Lib Dems believe the plan is wrong, a party spokesman in London said.")
    assert "Lib" not in {p["name"] for p in record["places"]}
    assert "London" in {p["name"] for p in record["places"]}


def test_places_precision_a_place_beside_an_award_still_resolves(run_full):
    record = run_full("The band triumphed at the Brits in Glasgow on Tuesday, their label said.")
    assert "GB" in {p.get("country") for p in record["places"] if p["name"] == "Glasgow"}



@pytest.fixture
def run_full():
    """The whole pipeline (the entities component types the awards)."""
    import newsgraph
    from newsgraph.record import to_dict

    return lambda text: to_dict(newsgraph.analyze(text))


def test_places_precision_a_persons_name_elsewhere_in_the_story_is_no_town():
    # The entities component reads Bush and Rafa as people of the story; the gazetteer pass
    # took "the Bush administration" for Bush, Egypt, and "Rafa's views" for Rafa, Gaza.
    from newsgraph.service import analyze

    text = (
        "Bush met bankers in Chicago on Monday. The Bush administration says the deficit will halve.\n\n"
        "Rafa has time, the chairman said in Liverpool. He knows Rafa's views."
    )
    record = analyze(text, clean=False, published="2005-03-16")
    people = {text[m.start : m.end] for e in record.entities if e.type == "PERSON" for m in e.mentions}
    assert {"Bush", "Rafa"} <= people
    names = {text[m.start : m.end] for p in record.places for m in p.mentions}
    assert "Bush" not in names and "Rafa" not in names
    assert "Chicago" in names


def test_places_precision_a_county_misread_as_a_person_stays_a_place():
    from newsgraph.pipeline.components.places.recognize import entity_person_words
    from newsgraph.record import Entity, Span

    text = "Raids in Kent and Shrewsbury. Mr Varnel and Jackson left. Caroline Lucas spoke."

    def person(name: str) -> Entity:
        start = text.index(name)
        return Entity(id=name, type="PERSON", name=name, mentions=[Span(start, start + len(name))])

    words = entity_person_words([person(n) for n in ("Kent", "Shrewsbury", "Jackson", "Caroline Lucas")], text)
    # A one-word "person" counts only as a name of the name lists that is no division:
    # Kent is a county, Shrewsbury no name; Jackson a surname; both words of a full name.
    assert words == {"Jackson", "Caroline", "Lucas"}


def test_places_precision_shares_in_a_company_name_no_town():
    # "in" after "shares" or "a stake" says what is owned: Jarvis, Ontario is no place of
    # a story about the engineering group.
    from newsgraph.service import analyze

    text = (
        "Shares in engineering group Jarvis soared on Monday. Jarvis said the sale to a firm in "
        "Madrid would cut its debts. Shares in Jarvis were up 16% by the close."
    )
    record = analyze(text, clean=False, published="2005-03-16")
    names = {text[m.start : m.end] for p in record.places for m in p.mentions}
    assert "Jarvis" not in names and "Madrid" in names
