"""entities.v1: sports clubs named after their towns (issue 13, "places and organisations
confused"). Synthetic sentences; every rule has a neighbour that must keep its label."""

from __future__ import annotations

from newsgraph.pipeline.components.entities import consistency
from newsgraph.pipeline.components.entities.mentions import Mention, Tokens
from newsgraph.service import analyze


def _labels(text: str) -> list[tuple[str, str]]:
    """(surface, type) of every mention, in text order."""
    record = analyze(text, clean=False, published="2005-03-16")
    found = [(m.start, text[m.start : m.end], e.type) for e in record.entities for m in e.mentions]
    return [(surface, label) for _, surface, label in sorted(found)]


def test_entities_clubs_town_and_club_word_is_a_club_even_when_the_model_misses_it():
    text = "Hull City beat Leicester City 2-1 on Saturday, and Ipswich Town drew with Derby County."
    labels = dict(_labels(text))
    assert labels["Hull City"] == labels["Leicester City"] == "ORG"
    assert labels["Ipswich Town"] == labels["Derby County"] == "ORG"


def test_entities_clubs_cities_geonames_names_with_city_stay_places():
    text = "Flights from Mexico City and Kansas City to Quebec City were cancelled on Friday."
    labels = dict(_labels(text))
    assert labels["Mexico City"] == labels["Kansas City"] == labels["Quebec City"] == "GPE"


def test_entities_clubs_a_club_is_not_resolved_as_its_town():
    record = analyze("Manchester City held the leaders at home on Saturday.", clean=False)
    club = next(e for e in record.entities if e.name == "Manchester City")
    assert club.type == "ORG" and not club.kb
    assert not record.places


def test_entities_clubs_team_post_before_a_name_makes_a_person_label_a_team():
    text = "Chelsea winger Arjen Robben is out. Chelsea chief executive Peter Kenyon said so."
    labels = _labels(text)
    assert [label for surface, label in labels if surface == "Chelsea"] == ["ORG", "ORG"]
    assert ("Arjen Robben", "PERSON") in labels and ("Peter Kenyon", "PERSON") in labels


def test_entities_clubs_a_person_named_in_full_keeps_his_coach():
    text = "Tim Henman lost in three sets. Henman coach Paul Annacone said he was tired."
    labels = _labels(text)
    assert [label for surface, label in labels if surface == "Henman"] == ["PERSON"]


def test_entities_clubs_town_before_a_team_post_is_the_club_a_country_the_national_side():
    text = (
        "Sale fly-half Charlie Hodgson kicked four penalties. Wales coach Mike Ruddock named "
        "his side. Leicester coach John Wells was at the ground in Leicester on Monday."
    )
    labels = _labels(text)
    assert ("Sale", "ORG") in labels
    assert ("Wales", "GPE") in labels
    leicester = [label for surface, label in labels if surface == "Leicester"]
    assert leicester == ["ORG", "GPE"]  # the club, then the town


def test_entities_clubs_city_centre_is_no_club():
    labels = dict(_labels("Shops in Leicester City centre stayed shut on Sunday."))
    assert labels.get("Leicester City") != "ORG"


def test_entities_clubs_surname_that_is_a_facility_word_stays_a_person_when_written_alone():
    text = "Chelsea left-back Wayne Bridge could miss the final. With Bridge out, the side is thin."
    assert ("Wayne Bridge", "PERSON") in _labels(text)
    text = "Fans crowded Stamford Bridge on Saturday. Tickets at the Bridge sold out."
    assert ("Stamford Bridge", "FAC") in _labels(text)


def test_entities_clubs_a_full_name_before_a_post_stays_a_person():
    text = "Johnny Cash manager Saul Holiff has died. He ran the singer's affairs for years."
    assert ("Johnny Cash", "PERSON") in _labels(text)


def test_entities_clubs_a_plural_verb_makes_a_lone_name_a_team():
    text = (
        "Norwich have signed the Charlton midfielder Graham Stuart for an undisclosed fee. "
        "Stuart said Norwich were the only side to call him."
    )
    labels = _labels(text)
    assert [label for surface, label in labels if surface == "Norwich"] == ["ORG", "ORG"]
    assert ("Graham Stuart", "PERSON") in labels


def test_entities_clubs_two_people_with_a_plural_verb_stay_people():
    text = "Tony Blair met Gordon Brown on Monday. Aides said Blair and Brown are close again."
    labels = _labels(text)
    assert {label for surface, label in labels if surface in ("Blair", "Brown")} == {"PERSON"}


def test_entities_clubs_a_town_before_a_possessive_and_a_player_is_his_club():
    text = "The coach named his squad on Monday. Injuries to Chelsea's John Terry worried him."
    labels = _labels(text)
    assert ("Chelsea", "ORG") in labels and ("John Terry", "PERSON") in labels



def test_entities_clubs_a_plural_verb_on_an_untagged_repeat_makes_the_name_a_team(nlp):
    # The recogniser tagged the first "Dunmore" as a person and missed the second, whose
    # plural verb decides for both; a person's singular verb decides nothing.
    for verb, label in (("have", "ORG"), ("has", "PERSON")):
        text = f'Kelso host Dunmore in the county cup. "Dunmore {verb} just been knocked out of the league."'
        toks = Tokens(nlp(text), text)
        first = Mention(text.index("Dunmore"), text.index("Dunmore") + 7, "PERSON", "model")
        consistency.org_cues([first], toks, text)
        assert first.label == label, verb


def test_entities_clubs_a_first_name_read_as_a_place_is_the_person_named_in_full():
    text = (
        "Club director Ronan Petch said the winger was fit. "
        'The winger added: "I have said to Ronan I want to play this week."'
    )
    labels = _labels(text)
    assert ("Ronan", "PERSON") in labels and ("Ronan", "GPE") not in labels


def test_entities_clubs_a_first_name_written_as_a_place_stays_a_place(nlp):
    text = "Ronan Petch opened the shop. Petch grew up in Ronan before he moved away."
    toks = Tokens(nlp(text), text)
    at = text.rindex("Ronan")
    found = [Mention(0, 11, "PERSON", "model"), Mention(at, at + 5, "GPE", "model")]
    consistency.people_surnames(found, toks, text)
    assert found[1].label == "GPE"
    text = text.replace("in Ronan", "to Ronan")
    found = [Mention(0, 11, "PERSON", "model"), Mention(at, at + 5, "GPE", "model")]
    consistency.people_surnames(found, Tokens(nlp(text), text), text)
    assert found[1].label == "PERSON"


def test_entities_clubs_a_club_first_word_makes_a_club_and_its_short_forms():
    text = "Dynamo Varkov beat Real Ostrana on Sunday. Real were poor and Ostrana fans left early."
    at = {word: text.index(word) for word in ("Dynamo Varkov", "Real Ostrana")}
    found = [
        Mention(at["Dynamo Varkov"], at["Dynamo Varkov"] + 13, "PERSON", "model"),
        Mention(at["Real Ostrana"], at["Real Ostrana"] + 12, "GPE", "model"),
        Mention(text.index("Real were"), text.index("Real were") + 4, "PERSON", "model"),
        Mention(text.index("Ostrana fans"), text.index("Ostrana fans") + 7, "GPE", "model"),
    ]
    consistency.fix_clubs(found, text)
    assert [m.label for m in found] == ["ORG", "ORG", "ORG", "ORG"]
    # A place's name after the club word stays a place when written alone: "Madrid" is a city.
    text = "Real Madrid won in Madrid."
    found = [Mention(0, 11, "PERSON", "model"), Mention(19, 25, "GPE", "model")]
    consistency.fix_clubs(found, text)
    assert [m.label for m in found] == ["ORG", "GPE"]


def test_entities_clubs_a_one_word_person_the_story_also_writes_after_the_is_no_person(nlp):
    text = "Kelvedon lead the Dunshire by four points. Dunshire games draw big crowds, said Ann Hale."
    toks = Tokens(nlp(text), text)
    at = text.index("Dunshire games")
    kept = consistency.people_written_with_the([Mention(at, at + 8, "PERSON", "model")], toks, text)
    assert kept == []
    # A name modifying the noun after it is no such evidence.
    text = "The Hale administration fell. Hale resigned on Monday."
    toks = Tokens(nlp(text), text)
    at = text.index("Hale resigned")
    assert len(consistency.people_written_with_the([Mention(at, at + 4, "PERSON", "model")], toks, text)) == 1
