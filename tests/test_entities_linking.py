"""entities.v1, entity level: one entity per thing, offices, kb ids, relations.

Documents are built by hand (blank tokenizer + the spans a recogniser might produce)."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.pipeline.components.entities import EntityLinker
from newsgraph.pipeline.document import Document
from newsgraph.record import Metadata

_BLANK = spacy.blank("en")


def analyse(text: str, ents: list[tuple[str, str]]) -> Document:
    """Run the component on ``text`` with ``ents`` ((surface, label) in order) as the
    recogniser's output."""
    sdoc = _BLANK(text)
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        spans.append(sdoc.char_span(start, start + len(surface), label=label))
        pos = start + len(surface)
    sdoc.ents = spans
    doc = Document(id="t", text=text, metadata=Metadata())
    doc.spacy = sdoc
    return _LINKER(doc)


_LINKER = EntityLinker()


def named(doc: Document, name: str):
    matches = [e for e in doc.entities if e.name == name]
    assert matches, f"no entity named {name!r} in {[e.name for e in doc.entities]}"
    return matches[0]


def texts(doc: Document, entity) -> list[str]:
    return [doc.text[m.start : m.end] for m in entity.mentions]


def test_entities_linking_person_forms_join_the_full_name():
    text = "President Orvan Delk spoke. Delk later met Orvan Delk's aides. Orvan was tired."
    doc = analyse(text, [("Orvan Delk", "PERSON"), ("Delk", "PERSON"), ("Orvan Delk's", "PERSON"), ("Orvan", "PERSON")])
    person = named(doc, "Orvan Delk")
    assert texts(doc, person) == ["Orvan Delk", "Delk", "Orvan Delk", "Orvan"]
    assert [e.id for e in doc.entities] == ["e1"]


def test_entities_linking_shared_surname_stays_apart():
    text = "Orvan Delk and his son Pell Delk arrived. Delk waved."
    doc = analyse(text, [("Orvan Delk", "PERSON"), ("Pell Delk", "PERSON"), ("Delk", "PERSON")])
    assert texts(doc, named(doc, "Orvan Delk")) == ["Orvan Delk"]
    assert texts(doc, named(doc, "Pell Delk")) == ["Pell Delk"]
    assert named(doc, "Delk").type == "PERSON"


def test_entities_linking_spellings_and_initials_of_one_name_join_it():
    # Another spelling of the given name, an initial in a team sheet, and the bare surname
    # that both would otherwise leave ambiguous.
    text = "Viktor Orlak was jailed. Victor Orlak says so. Orlak waved. Team: K Dunmore, Kelly Dunmore."
    doc = analyse(
        text,
        [("Viktor Orlak", "PERSON"), ("Victor Orlak", "PERSON"), ("Orlak", "PERSON"), ("K Dunmore", "PERSON"), ("Kelly Dunmore", "PERSON")],
    )
    assert texts(doc, named(doc, "Viktor Orlak")) == ["Viktor Orlak", "Victor Orlak", "Orlak"]
    assert texts(doc, named(doc, "Kelly Dunmore")) == ["K Dunmore", "Kelly Dunmore"]
    assert len(doc.entities) == 2


def test_entities_linking_an_initial_two_people_share_stays_apart():
    text = "J Pellow (capt); Jason Pellow and his coach Andy Pellow. Pellow scored."
    doc = analyse(text, [("J Pellow", "PERSON"), ("Jason Pellow", "PERSON"), ("Andy Pellow", "PERSON"), ("Pellow", "PERSON")])
    # "J" may only be Jason: those two join; the bare surname may be either of two people.
    assert texts(doc, named(doc, "Jason Pellow")) == ["J Pellow", "Jason Pellow"]
    assert texts(doc, named(doc, "Andy Pellow")) == ["Andy Pellow"]
    assert texts(doc, named(doc, "Pellow")) == ["Pellow"]


def test_entities_linking_a_title_or_team_role_before_a_surname_is_the_surname():
    text = "Coach Brennt quits. Claudio Brennt and Dora Brennt left. Gen Brennt stayed. Gen Tasko met Amir Tasko."
    doc = analyse(
        text,
        [("Coach Brennt", "PERSON"), ("Claudio Brennt", "PERSON"), ("Dora Brennt", "PERSON"), ("Gen Brennt", "PERSON"),
         ("Gen Tasko", "PERSON"), ("Amir Tasko", "PERSON")],
    )
    # Two Brennts: the titled forms stay together, apart from both; one Tasko takes his.
    # "Coach" is an office (titles.tsv): the name is the surname and the office a role.
    coach = named(doc, "Brennt")
    assert texts(doc, coach) == ["Brennt", "Gen Brennt"]
    assert [r.title for r in coach.roles] == ["Coach"]
    assert texts(doc, named(doc, "Amir Tasko")) == ["Gen Tasko", "Amir Tasko"]


def test_entities_linking_a_headline_word_before_a_surname_is_no_given_name():
    text = "Classy Brennt wins\n\nTim Brennt won on Monday. Brennt smiled."
    doc = analyse(text, [("Classy Brennt", "PERSON"), ("Tim Brennt", "PERSON"), ("Brennt", "PERSON")])
    (person,) = doc.entities
    assert person.name == "Tim Brennt" and texts(doc, person) == ["Classy Brennt", "Tim Brennt", "Brennt"]
    # In the body the same shape is a name ("Classy Brennt" could be someone).
    text = "Tim Brennt won on Monday. Classy Brennt lost."
    doc = analyse(text, [("Tim Brennt", "PERSON"), ("Classy Brennt", "PERSON")])
    assert len(doc.entities) == 2


def test_entities_linking_ids_follow_first_mention():
    text = "Brakka Corp hired Ilse Moor. Ilse Moor joined Brakka Corp today."
    doc = analyse(text, [("Brakka Corp", "ORG"), ("Ilse Moor", "PERSON"), ("Ilse Moor", "PERSON"), ("Brakka Corp", "ORG")])
    assert [(e.id, e.name) for e in doc.entities] == [("e1", "Brakka Corp"), ("e2", "Ilse Moor")]
    assert doc.extras["entity_of_span"][(0, 11)] == "e1"


def test_entities_linking_acronym_joins_its_expansion():
    text = "The Vantor Rapid Group deployed. The VRG is small."
    doc = analyse(text, [("Vantor Rapid Group", "ORG"), ("VRG", "ORG")])
    (org,) = doc.entities
    assert org.name == "Vantor Rapid Group" and texts(doc, org) == ["Vantor Rapid Group", "VRG"]


def test_entities_linking_country_aliases_and_kb():
    text = "The U.S. and the United States of America and America agreed."
    doc = analyse(text, [("U.S.", "GPE"), ("the United States of America", "GPE"), ("America", "GPE")])
    (us,) = doc.entities
    assert us.name == "United States" and us.type == "GPE"
    assert us.kb == {"iso3166": "US", "geonames": 6252001}
    assert len(us.mentions) == 3


def test_entities_linking_demonym_gets_country_and_relation():
    text = "Lithuanian officials said Lithuania was ready."
    doc = analyse(text, [("Lithuanian", "NORP"), ("Lithuania", "GPE")])
    norp, country = named(doc, "Lithuanian"), named(doc, "Lithuania")
    assert norp.type == "NORP" and norp.country == "LT" and "iso3166" not in norp.kb
    assert country.kb["iso3166"] == "LT"
    assert [(r.type, r.subject, r.object) for r in doc.relations] == [("demonym_of", norp.id, country.id)]


def test_entities_linking_the_alliance_is_nato_when_alone():
    text = "NATO met on Friday. The leaders said the alliance would act."
    doc = analyse(text, [("NATO", "ORG")])
    assert texts(doc, named(doc, "NATO")) == ["NATO", "alliance"]


def test_entities_linking_union_is_not_the_eu_beside_a_trade_union():
    text = "The EU spoke. Dock workers of the Kalder union struck, and the union said no."
    doc = analyse(text, [("EU", "ORG"), ("Kalder", "ORG")])
    assert texts(doc, named(doc, "European Union")) == ["EU"]


@pytest.mark.parametrize(
    ("text", "ents", "person", "title", "of"),
    [
        ("U.S. President Orvan Delk spoke.", [("U.S.", "GPE"), ("Orvan Delk", "PERSON")],
         "Orvan Delk", "President", "United States"),
        ("NATO Secretary General Ilse Moor spoke.", [("NATO", "ORG"), ("Ilse Moor", "PERSON")],
         "Ilse Moor", "Secretary General", "NATO"),
        ("Ilse Moor, NATO's secretary-general, spoke.", [("Ilse Moor", "PERSON"), ("NATO", "ORG")],
         "Ilse Moor", "Secretary General", "NATO"),
        ("Pell Varga, the Dutch economy minister, said no. The Netherlands agreed.",
         [("Pell Varga", "PERSON"), ("Dutch", "NORP"), ("Netherlands", "GPE")],
         "Pell Varga", "Economy Minister", "Netherlands"),
        ("Polish Prime Minister Anna Brell spoke in Poland.", [("Polish", "NORP"), ("Anna Brell", "PERSON"), ("Poland", "GPE")],
         "Anna Brell", "Prime Minister", "Poland"),
        ("Tomas Kell, the president of Lithuania, spoke.", [("Tomas Kell", "PERSON"), ("Lithuania", "GPE")],
         "Tomas Kell", "President", "Lithuania"),
    ],
)
def test_entities_linking_offices(text, ents, person, title, of):
    doc = analyse(text, ents)
    holder, organisation = named(doc, person), named(doc, of)
    assert [(r.title, r.of) for r in holder.roles] == [(title, organisation.id)]
    evidence = holder.roles[0].evidence
    assert person in text[evidence.start : evidence.end]
    assert ("holds_office", holder.id, organisation.id) in {(r.type, r.subject, r.object) for r in doc.relations}


def test_entities_linking_office_of_a_country_named_only_by_demonym_keeps_the_name():
    doc = analyse("Russian President Dmitri Volk spoke.", [("Russian", "NORP"), ("Dmitri Volk", "PERSON")])
    assert [(r.title, r.of) for r in named(doc, "Dmitri Volk").roles] == [("President", "Russia")]
    assert not [r for r in doc.relations if r.type == "holds_office"]


def test_entities_linking_relative_clause_is_not_an_office():
    text = "Ilse Moor, who will chair the summit, spoke. NATO agreed."
    doc = analyse(text, [("Ilse Moor", "PERSON"), ("NATO", "ORG")])
    assert named(doc, "Ilse Moor").roles == []


def test_entities_linking_former_office_is_not_held():
    doc = analyse("Former President Orvan Delk spoke.", [("Orvan Delk", "PERSON")])
    assert named(doc, "Orvan Delk").roles == []


@pytest.mark.parametrize(
    ("text", "ents", "person", "title", "of"),
    [
        ("Russian foreign minister Ivo Rask met Russia's allies.",
         [("Russian", "NORP"), ("Ivo Rask", "PERSON"), ("Russia", "GPE")], "Ivo Rask", "Foreign Minister", "Russia"),
        ("The Dutch economy minister, Pell Varga, said no. The Netherlands agreed.",
         [("Dutch", "NORP"), ("Pell Varga", "PERSON"), ("Netherlands", "GPE")], "Pell Varga", "Economy Minister", "Netherlands"),
        ("Ilse Moor, a spokeswoman for the Pentagon, declined.", [("Ilse Moor", "PERSON"), ("Pentagon", "ORG")],
         "Ilse Moor", "Spokeswoman", "Pentagon"),
        ("Lithuania's economy minister, Tomas Kell, said no.", [("Lithuania", "GPE"), ("Tomas Kell", "PERSON")],
         "Tomas Kell", "Economy Minister", "Lithuania"),
    ],
)
def test_entities_linking_offices_lower_case_and_reverse_apposition(text, ents, person, title, of):
    doc = analyse(text, ents)
    assert [(r.title, r.of) for r in named(doc, person).roles] == [(title, named(doc, of).id)]


@pytest.mark.parametrize(
    ("text", "ents", "person", "title", "of"),
    [
        ("Labour MP Dora Quill spoke.", [("Labour", "ORG"), ("Dora Quill", "PERSON")],
         "Dora Quill", "Member of Parliament", "Labour Party"),
        ("Tory leader Amos Crane spoke.", [("Tory", "NORP"), ("Amos Crane", "PERSON")], "Amos Crane", "Leader", "Tories"),
        ("Brixham manager Ned Tolley spoke.", [("Brixham", "ORG"), ("Ned Tolley", "PERSON")],
         "Ned Tolley", "Manager", "Brixham"),
        ("Ned Tolley, chief operating officer of Vantrix, spoke.", [("Ned Tolley", "PERSON"), ("Vantrix", "ORG")],
         "Ned Tolley", "Chief Operating Officer", "Vantrix"),
        ("TUC General Secretary Ned Tolley spoke.", [("TUC", "ORG"), ("Ned Tolley", "PERSON")],
         "Ned Tolley", "General Secretary", "TUC"),
        # a party's spokesman for a portfolio, after the letters of a seat and "party's"
        ("Dora Quill MP, Labour's transport spokeswoman, spoke.", [("Dora Quill", "PERSON"), ("Labour", "ORG")],
         "Dora Quill", "Transport Spokeswoman", "Labour Party"),
        ("Amos Crane, the Labour party's home affairs spokesman, spoke.", [("Amos Crane", "PERSON"), ("Labour", "ORG")],
         "Amos Crane", "Home Affairs Spokesman", "Labour Party"),
    ],
)
def test_entities_linking_offices_of_parties_clubs_and_unions(text, ents, person, title, of):
    """A party's members ("Tory", a NORP with an id of its own) name the party, not the
    country; the offices of parliaments, clubs, firms and unions are offices too."""
    doc = analyse(text, ents)
    assert [(r.title, r.of) for r in named(doc, person).roles] == [(title, named(doc, of).id)]


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("Culture Secretary Dora Quill spoke.", "Dora Quill", "Culture Secretary"),
        ("Trade and Industry Secretary Dora Quill spoke.", "Dora Quill", "Trade and Industry Secretary"),
        ("Shadow home secretary Dora Quill spoke.", "Dora Quill", "Shadow Home Secretary"),
        ("Acting President Dora Quill spoke.", "Dora Quill", "Acting President"),
        # what opens the sentence is no portfolio, and a name before the title no part of it
        ("But Home Secretary Dora Quill spoke.", "Dora Quill", "Home Secretary"),
        ("On Tuesday Foreign Secretary Dora Quill spoke.", "Dora Quill", "Foreign Secretary"),
        ("Amos Crane met. Earlier Foreign Secretary Dora Quill spoke.", "Dora Quill", "Foreign Secretary"),
        ("Amos Crane and Prime Minister Dora Quill spoke.", "Dora Quill", "Prime Minister"),
    ],
)
def test_entities_linking_portfolio_secretaries_and_rank_prefixes(text, person, title):
    ents = [(name, "PERSON") for name in ("Amos Crane", "Dora Quill") if name in text]
    doc = analyse(text, ents)
    assert [r.title for r in named(doc, person).roles] == [title]


def test_entities_linking_former_office_with_its_country_or_club_is_not_held():
    doc = analyse(
        "Former Russian President Dmitri Volk and former Brixham captain Ned Tolley spoke.",
        [("Russian", "NORP"), ("Dmitri Volk", "PERSON"), ("Brixham", "ORG"), ("Ned Tolley", "PERSON")],
    )
    assert named(doc, "Dmitri Volk").roles == [] and named(doc, "Ned Tolley").roles == []


def test_entities_linking_former_office_written_in_a_portfolio_title_is_not_held():
    doc = analyse("Former foreign secretary Dora Quill spoke.", [("Dora Quill", "PERSON")])
    assert named(doc, "Dora Quill").roles == []


def test_entities_linking_lower_case_title_without_country_is_not_an_office():
    doc = analyse("He told the minister Jan Kos to wait.", [("Jan Kos", "PERSON")])
    assert named(doc, "Jan Kos").roles == []


def test_entities_linking_reference_before_the_name_keeps_ids_in_text_order():
    text = "Ilse Moor said the alliance was ready. NATO agreed."
    doc = analyse(text, [("Ilse Moor", "PERSON"), ("NATO", "ORG")])
    assert [e.name for e in doc.entities] == ["Ilse Moor", "NATO"]
    assert texts(doc, named(doc, "NATO")) == ["alliance", "NATO"]


def test_entities_linking_reference_with_modifiers():
    text = "NATO met. An attack will trigger a response from the whole alliance."
    doc = analyse(text, [("NATO", "ORG")])
    assert texts(doc, named(doc, "NATO")) == ["NATO", "alliance"]


def test_entities_linking_one_name_spelt_with_and_without_a_hyphen_or_space_is_one():
    text = (
        "Robert Kelvo-Marsh quit. Robert Kelvo Marsh said he would go. ZeltaCorp rose while Zelta Corp fell. "
        "Robert Kelvo-Marsh left. Kelvo Marsh waved."
    )
    doc = analyse(
        text,
        [
            ("Robert Kelvo-Marsh", "PERSON"),
            ("Robert Kelvo Marsh", "PERSON"),
            ("ZeltaCorp", "ORG"),
            ("Zelta Corp", "ORG"),
            ("Robert Kelvo-Marsh", "PERSON"),
            ("Kelvo Marsh", "PERSON"),
        ],
    )
    person, org = doc.entities
    assert texts(doc, person) == ["Robert Kelvo-Marsh", "Robert Kelvo Marsh", "Robert Kelvo-Marsh", "Kelvo Marsh"]
    assert person.name == "Robert Kelvo-Marsh"  # the spelling written more often
    assert texts(doc, org) == ["ZeltaCorp", "Zelta Corp"]
    # Two names that differ by more than spacing stay apart.
    doc = analyse("Ana Kelvo met Ana Kelvin.", [("Ana Kelvo", "PERSON"), ("Ana Kelvin", "PERSON")])
    assert len(doc.entities) == 2
