"""entities.v1: political parties and awards the recogniser reads as people (issue 13,
"common nouns and events taken as people": "Lib Dem", "Oscar", "Academy Award").
Synthetic sentences; each rule has a neighbour that must keep its reading."""

from __future__ import annotations

from newsgraph.service import analyze


def _entities(text: str) -> dict[str, tuple[str, dict]]:
    """Each mention's surface -> (its entity's type, kb)."""
    record = analyze(text, clean=False, published="2005-03-16")
    return {text[m.start : m.end]: (e.type, dict(e.kb)) for e in record.entities for m in e.mentions}


def test_entities_parties_are_organisations_and_their_members_groups():
    found = _entities(
        "The Tories and the Lib Dems questioned the timing. Sinn Fein and the SNP disagreed, "
        "and the Liberal Democrats said so on Monday."
    )
    assert found["Lib Dems"] == ("ORG", {"newsgraph": "gb-libdem"})
    assert found["Liberal Democrats"] == found["Lib Dems"]  # one party, one kb id
    assert found["Sinn Fein"][0] == found["SNP"][0] == "ORG"
    assert found["Tories"][0] == "NORP"


def test_entities_parties_common_words_only_correct_labels_names_may_be_added():
    from newsgraph.pipeline.components.entities.gazetteer import gazetteer

    gaz = gazetteer()
    assert not gaz.lookup("Labour").add  # "Labour costs rose": a common word opening a sentence
    assert not gaz.lookup("Democrats").add
    assert gaz.lookup("Lib Dems").add and gaz.lookup("Tories").add
    assert gaz.lookup("Lib Dems").key == gaz.lookup("Liberal Democrats").key


def test_entities_awards_are_not_people():
    found = _entities(
        "He got an Oscar nomination, and Oscar nominee Alan Alda paid tribute. The film won "
        "three Baftas and the Golden Lion."
    )
    assert found["Oscar"] == ("WORK_OF_ART", {"newsgraph": "oscar"})
    assert found["Baftas"][0] == found["Golden Lion"][0] == "WORK_OF_ART"
    assert found["Alan Alda"][0] == "PERSON"


def test_entities_awards_a_person_named_so_keeps_the_name():
    found = _entities("Oscar Pistorius ran on Sunday. Pistorius said he was pleased.")
    assert found["Oscar Pistorius"][0] == "PERSON"
