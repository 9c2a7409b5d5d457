"""entities.v1: label decisions read from a mention's surroundings (issue 17's recognition
items, issue 13's titles). Synthetic sentences; each test names the error class it guards."""

from __future__ import annotations

from newsgraph.pipeline.components.entities import context
from newsgraph.pipeline.components.entities.mentions import Mention
from newsgraph.service import analyze


def _names(text: str) -> dict[str, str]:
    record = analyze(text, clean=False)
    found = {}
    for e in record.entities:
        for m in e.mentions:
            found[text[m.start : m.end]] = e.type
    return found


def _mention(text: str, surface: str, label: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), label, "model")


def test_entities_context_fixture_line_visitor_is_a_team_host_a_place():
    text = "BASEBALL SCHEDULE\nDALTON AT RIVERFORD\nSPRINGVALE v MILLBROOK\nRain in Dalton at noon ."
    found = [
        _mention(text, "DALTON", "GPE"), _mention(text, "RIVERFORD", "ORG"),
        _mention(text, "SPRINGVALE", "GPE"), _mention(text, "MILLBROOK", "LOC"),
        _mention(text, "Dalton", "GPE"),
    ]
    context.fixture_lines(found, text)
    assert [(m.label, m.sure) for m in found[:4]] == [("ORG", True), ("ORG", False), ("ORG", True), ("ORG", True)]
    assert found[4].label == "GPE" and not found[4].sure  # a sentence is no fixture line


def test_entities_context_fixture_host_written_as_a_place_stays_a_place():
    text = "DALTON AT RIVERFORD"
    found = [_mention(text, "DALTON", "GPE"), _mention(text, "RIVERFORD", "GPE")]
    context.fixture_lines(found, text)
    assert [m.label for m in found] == ["ORG", "GPE"]


def test_entities_context_towns_after_locative_prepositions_are_places():
    # "in Nelson", "near Nelson": BBC-style town names the recogniser reads as people.
    found = _names("The factory in Nelson will close next year, the council said.")
    assert found["Nelson"] == "GPE"
    found = _names("The fire in Riverdale destroyed two homes on Sunday.")
    assert found.get("Riverdale", "GPE") == "GPE"


def test_entities_context_airports_after_prepositions_are_facilities():
    found = _names("Flights from Schiphol were delayed on Tuesday because of fog.")
    assert found["Schiphol"] == "FAC"


def test_entities_context_a_person_named_in_full_stays_a_person():
    text = "Nelson Mandela spoke on Friday. Crowds in Nelson's home village cheered."
    found = _names(text)
    assert found["Nelson Mandela"] == "PERSON"
    assert found.get("Nelson") != "GPE"


def test_entities_context_state_governor_is_a_place_then_a_person():
    # "Lagos State Governor Babajide Sanwo-Olu": not one organisation, nor a split name.
    record = analyze("Lagos State Governor Babajide Sanwo-Olu announced a curfew on Monday.", clean=False)
    by_name = {e.name: e for e in record.entities}
    assert by_name["Lagos State"].type == "GPE"
    person = by_name["Babajide Sanwo-Olu"]
    assert person.type == "PERSON"
    assert [r.title for r in person.roles] == ["Governor"]


def test_entities_context_a_trailing_title_is_not_part_of_a_name():
    found = _names("Kano State Governor Abdullahi Ganduje visited the market.")
    assert "Kano State Governor" not in found
    assert found["Abdullahi Ganduje"] == "PERSON"
    assert found["Kano State"] == "GPE"


def test_entities_context_divisions_need_geonames():
    text = "Zorblax State said the vote was fair."
    found = [_mention(text, "Zorblax State", "ORG")]
    context.divisions(found, text)
    assert found[0].label == "ORG"  # no such division: the recogniser's label stands
    text = "Kano State said the vote was fair."
    found = [_mention(text, "Kano State", "ORG")]
    context.divisions(found, text)
    assert (found[0].label, found[0].sure) == ("GPE", True)


def test_entities_context_opening_word_written_lower_case_elsewhere_is_common():
    text = "Exchange traders bought rice early.\nRice futures closed higher on Friday, dealers said."
    found = _names(text)
    assert found.get("Rice") != "PERSON"


def test_entities_context_a_title_that_is_a_surname_after_a_given_name_is_the_surname():
    # "King" is a title, and after a given name a surname ("Mervyn King"): the person is
    # whole, not an organisation "Paul" and a "King".
    found = _names("The deal was welcomed by Paul King, the chief executive of Arvello, on Monday.")
    assert found["Paul King"] == "PERSON"
    assert "Paul" not in found
    # nor the end of a double-barrelled surname
    found = _names("Arvello chief executive Magnus McEwen-King commented that the service was good.")
    assert found["Magnus McEwen-King"] == "PERSON"


def test_entities_context_a_title_run_on_before_a_name_leaves_out_the_title_and_honorific():
    record = analyze(
        "TUC General Secretary Brendan Barber called for calm.\n\nBoss Sir Alex Ferguson was left fuming.",
        clean=False,
    )
    by_name = {e.name: e for e in record.entities}
    assert "Secretary Brendan Barber" not in by_name
    assert [(r.title, r.of) for r in by_name["Brendan Barber"].roles] == [("General Secretary", by_name["TUC"].id)]
    assert "Alex Ferguson" in by_name and "Sir Alex Ferguson" not in by_name
