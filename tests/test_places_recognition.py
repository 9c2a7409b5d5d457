"""places.v1 recognition classes (issue 17): unions of states as modifiers, divisions and
facilities tagged as organisations or people, currencies, lists, alternate names."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.places.recognize import (
    Toponym,
    accept_gazetteer_match,
    from_entities,
)
from newsgraph.pipeline.components.places.resolve import _as_written
from newsgraph.resources.geonames import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def _accept(nlp, gaz, text: str, name: str, label: str, whole: bool = True, listed: bool = False) -> bool:
    sdoc = nlp(text)
    start = text.index(name)
    i = next(t.i for t in sdoc if t.idx == start)
    j = next(t.i for t in sdoc if t.idx + len(t) == start + len(name)) + 1
    return accept_gazetteer_match(sdoc, i, j, gaz.lookup(name), label, whole, listed)


def test_union_of_states_is_a_place_as_a_modifier_or_after_a_cue(nlp, gaz):
    assert _accept(nlp, gaz, "Ministers said EU leaders met in Brussels.", "EU", "ORG")
    assert _accept(nlp, gaz, "English keeps its status in the EU for now.", "EU", "ORG")
    assert not _accept(nlp, gaz, "The EU said on Monday that it would act.", "EU", "ORG")


def test_acronym_names_what_it_abbreviates_not_a_town_of_those_letters(gaz):
    top = Toponym(0, 2, "EU", "GAZ", "gazetteer", candidates=tuple(gaz.lookup("EU")))
    assert {p.name for p in gaz.lookup("EU")} >= {"European Union", "Eu"}
    assert [p.name for p in _as_written(top)] == ["European Union"]


def test_organisation_named_after_a_division_is_the_division(nlp, gaz):
    assert _accept(nlp, gaz, "Hampshire racing driver Rob Collard has signed.", "Hampshire", "ORG")
    # an everyday word is no county name without a city of its own name
    assert not _accept(nlp, gaz, "Orange cut its prices again.", "Orange", "ORG")
    # "Google" reaches Topeka only through an alternate name
    assert not _accept(nlp, gaz, "Google said it would appeal.", "Google", "ORG")


def test_person_tagged_word_needs_the_towns_own_name(nlp, gaz):
    # "Julia" is an alternate name of Plovdiv; "Levi" names a Lapland village exactly
    assert not _accept(nlp, gaz, "His wife, Julia, said so.", "Julia", "PERSON")
    assert not _accept(nlp, gaz, "Levi is his service dog.", "Levi", "PERSON")
    # a transliteration still counts as the town's own name
    assert _accept(nlp, gaz, "Rebels held Douma for years.", "Douma", "PERSON")


def test_person_tagged_town_in_a_list_of_places(nlp, gaz):
    text = "The line stops in Hilversum and Almelo twice a day."
    assert _accept(nlp, gaz, text, "Almelo", "PERSON", listed=True)
    assert not _accept(nlp, gaz, text, "Almelo", "PERSON", listed=False)


def test_country_before_its_currency_is_a_place(nlp, gaz):
    text = "The fund holds 15 billion US dollars in bonds."
    assert _accept(nlp, gaz, text, "US", "MONEY", whole=False)
    assert not _accept(nlp, gaz, "The fund holds 15 billion US shares.", "US", "MONEY", whole=False)


def test_facility_tagged_as_a_person_is_a_facility(make_doc):
    from newsgraph.record import Entity, Span

    text = "He worked on the 26th floor of Qorblax Tower for years."
    doc = make_doc(text)
    start = text.index("Qorblax Tower")
    mention = Span(start=start, end=start + 13)
    doc.entities = [Entity(id="e1", type="PERSON", name="Qorblax Tower", mentions=[mention])]
    (top,) = from_entities(doc, None)
    assert (top.text, top.label) == ("Qorblax Tower", "FAC")
