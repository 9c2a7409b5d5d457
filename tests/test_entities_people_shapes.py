"""entities.v1: people the recogniser reads as organisations or places (issue 13, read on
BBC output, docs/entities.md "Names written as people's"): a given name and a surname is a
person whatever the fine-tuned recogniser said ("Marion Jones has filed" ORG), a noun of a
trade before one does not make it a company ("producer Kevin Wallace"), and a name in
apposition to a company noun is an organisation ("Varig, Brazil's flagship airline").
Synthetic sentences; each rule has a neighbour that must keep its reading."""

from __future__ import annotations

import pytest

from newsgraph.service import analyze


def _types(text: str) -> dict[str, str]:
    record = analyze(text, clean=False, published="2005-03-16")
    return {text[m.start : m.end]: e.type for e in record.entities for m in e.mentions}


def _shape_labels(nlp, text: str, names: dict[str, str]) -> dict[str, str]:
    """``people_by_name_shape`` over hand-made model mentions ``{surface: label}``."""
    from newsgraph.pipeline.components.entities import companies, consistency
    from newsgraph.pipeline.components.entities.mentions import Mention, Tokens

    found = [Mention(text.index(name), text.index(name) + len(name), label, "model") for name, label in names.items()]
    consistency.people_by_name_shape(found, Tokens(nlp(text), text), text, companies.company_kind)
    return {m.text(text): m.label for m in found}


def test_entities_a_given_name_and_a_surname_read_as_an_organisation_is_a_person(nlp):
    text = "Marion Kestrel has filed a lawsuit. Andy Varnel will play Cyril Saulnay in the final."
    labels = _shape_labels(nlp, text, {"Marion Kestrel": "ORG", "Cyril Saulnay": "ORG", "Andy Varnel": "GPE"})
    assert labels == {"Marion Kestrel": "PERSON", "Cyril Saulnay": "PERSON", "Andy Varnel": "PERSON"}


def test_entities_given_names_beyond_the_us_census_make_a_person(nlp):
    # "Graeme", "Thierry", "Iain", "Goran" are in no 1990 US Census list; the world's given
    # names (Faker's locales, world_given_names.tsv) know them.
    text = "Graeme Sounsby backs the plan. Thierry Varnel, Iain Kestrow and Goran Halvik agreed."
    names = {"Graeme Sounsby": "ORG", "Thierry Varnel": "ORG", "Iain Kestrow": "GPE", "Goran Halvik": "LOC"}
    assert set(_shape_labels(nlp, text, names).values()) == {"PERSON"}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Its Alfa Romeo marque made a loss.", "Alfa Romeo", "ORG"),  # a company's word after it
        ("He was arrested in a Beverly Hills park in 1998.", "Beverly Hills", "GPE"),  # a place's word
        ("The festival moves to Weston Park in August.", "Weston Park", "FAC"),
        ("He was held at Woodhill, Milton Keynes, for a year.", "Milton Keynes", "GPE"),  # a town GeoNames knows
        ("The flight landed at Ben Gurion airport.", "Ben Gurion", "LOC"),  # a lower-case head noun after it
        ("Gloria Bistrita beat the leaders 2-1 at home.", "Gloria Bistrita", "ORG"),  # a town's name: a club
        ("Shares in Charles Schwab rose.", "Charles Schwab", "ORG"),  # a listed company
        ("Crystal Harmony sailed from Dover.", "Crystal Harmony", "ORG"),  # an ordinary word after "Crystal"
        ("He watched the Bobby Dazzlers again.", "Bobby Dazzlers", "ORG"),  # after "the"
    ],
)
def test_entities_names_shaped_like_places_clubs_and_companies_keep_their_label(nlp, text, name, label):
    assert _shape_labels(nlp, text, {name: label}) == {name: label}


def test_entities_a_trade_noun_before_a_persons_name_is_no_company_cue():
    # The recogniser reads "Kevin Harrowby" as a person; "producer" used to make it an ORG.
    assert _types("Producer Kevin Harrowby said it would be ready next year.")["Kevin Harrowby"] == "PERSON"
    assert _types("The musical is being made by producer Jon Harrowby. He is working on it.")["Jon Harrowby"] == "PERSON"


def test_entities_a_name_in_apposition_to_a_company_noun_is_an_organisation():
    found = _types("The government would save Varonta, the country's flagship airline. Varonta is struggling.")
    assert found["Varonta"] == "ORG"
    # A company noun before the next name of a list is that name's, and a trade in
    # apposition to a person's name is the person's.
    found = _types("Few winners came from Britain. Anna Varnel, metal group Kestrel and dance act Marrow Lights took prizes.")
    assert found["Anna Varnel"] == "PERSON"
    assert _types("Alison Howe, producer of the show, said it.")["Alison Howe"] == "PERSON"


def test_entities_a_name_which_a_relative_clause_describes_is_no_person():
    # The recogniser reads "Orlanti" as a person here.
    found = _types("Talks with Orlanti stalled. Orlanti, which runs 142 quarries, rejected the offer.")
    assert found["Orlanti"] == "ORG"
    # A name opening with a given name keeps its reading: the song is hers.
    assert _types("He wrote the song with June Kestrel, which was about her love for him.")["June Kestrel"] == "PERSON"
