"""entities.v1 on the full pipeline: the classes of name errors found on ordinary news
(issue 13, "Names"). Synthetic sentences; each test states the error class it guards."""

from __future__ import annotations

import pytest

from newsgraph.service import analyze


def _names(text: str) -> dict[str, str]:
    record = analyze(text, clean=False)
    for e in record.entities:
        for m in e.mentions:
            assert text[m.start : m.end]  # spans index the text
    return {text[m.start : m.end]: e.type for e in record.entities for m in e.mentions}


def test_entities_names_groups_of_people_are_not_people():
    found = _names("MPs voted on Tuesday. Traders said the market was thin. Diplomats met in Geneva.")
    assert "MPs" not in found and "Traders" not in found and "Diplomats" not in found
    assert found["Geneva"] == "GPE"


def test_entities_names_one_word_after_the_is_not_a_person():
    found = _names("The Games will open in July. Ms Ada Quell said the Oscar went to her film.")
    assert found.get("Games") != "PERSON" and found.get("Oscar") != "PERSON"
    assert found["Ada Quell"] == "PERSON"


def test_entities_names_company_cues_make_a_one_word_name_an_organisation():
    text = (
        "Vantrel said fares would rise. Shares in Vantrel fell 3% after the export bank "
        "Ostrabank cut its forecast. Ostrabank said demand was weak."
    )
    found = _names(text)
    assert found["Vantrel"] == "ORG"
    assert found["Ostrabank"] == "ORG"


def test_entities_names_company_cue_spares_a_surname_of_a_person_named_in_full():
    found = _names("Maria Kessel spoke on Monday. The firm Kessel and its unit were sold, Kessel said.")
    assert found["Maria Kessel"] == "PERSON"


def test_entities_names_ranks_are_not_part_of_an_organisation_or_a_name():
    found = _names("Air Force Lt. Col. Jane Porter said the drill was routine. Cmdr. John Hale agreed.")
    assert "Air Force Lt" not in found and "Cmdr" not in found
    assert found["Jane Porter"] == "PERSON" and found["John Hale"] == "PERSON"


def test_entities_names_storms_and_craft_are_events_and_products():
    found = _names("Storm Ciara hit Wales on Sunday. The Perseverance rover landed on Mars.")
    assert found["Storm Ciara"] == "EVENT"
    assert found.get("Perseverance") in (None, "PRODUCT")


@pytest.mark.parametrize(
    "text, gone",
    [
        ("Sales 26.00 26.70\nProfit 4.1 3.9\n", "Sales"),  # a results table's line labels
        ("At Dunmore: Match abandoned as a draw.", "Match"),  # capital after a colon
        ("CALL A 96.00 PCT 1.16\nPUT B 95.00 PCT 1.33\n", "PCT"),  # a unit between figures
        ("LATEST ACTUAL FIGURES SHOW GROWTH\n", "LATEST ACTUAL"),  # common words in caps
        ("EASTERN DIVISION\nW L PCT GB\nDUNMORE 74 56 .569 -\n", "W L PCT GB"),  # column heads
    ],
)
def test_entities_names_capitals_that_prove_nothing_are_dropped(text, gone):
    assert gone not in _names(text)


def test_entities_names_opening_names_that_are_places_or_people_stay():
    found = _names("HOUSTON 68 59 .535\nNEW YORK 1996-08-27\nSubs: Howard, Smith.\n")
    assert "NEW YORK" in found and "HOUSTON" in found
    assert found.get("Howard") == "PERSON"


def test_entities_names_function_word_opening_a_sentence_is_trimmed():
    found = _names("In Jakarta, officials met. Only France voted against.")
    assert "In Jakarta" not in found and "Only France" not in found
    assert found.get("Jakarta") == "GPE" and found.get("France") == "GPE"
