"""entities.v1, mention level: junk, trimming, gazetteer corrections, document consistency.

Documents are built by hand (a blank English tokenizer plus the entity spans a recogniser
might have produced), so these tests need no model and state exactly what the recogniser
said."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.pipeline.components.entities import EntityLinker
from newsgraph.pipeline.document import Document
from newsgraph.record import Metadata

_BLANK = spacy.blank("en")


def parse(text: str, ents: list[tuple[str, str]]):
    """A spaCy Doc of ``text`` whose entities are ``ents`` ((surface, label), first
    occurrence after the previous one)."""
    sdoc = _BLANK(text)
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        span = sdoc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
        pos = start + len(surface)
    sdoc.ents = spans
    return sdoc


@pytest.fixture(scope="module")
def linker():
    return EntityLinker()


def run(linker, text, ents, **config):
    doc = Document(id="t", text=text, metadata=Metadata())
    doc.spacy = parse(text, ents)
    (linker if not config else EntityLinker(**config))(doc)
    return doc


def by_name(doc):
    return {e.name: e for e in doc.entities}


def test_entities_mentions_spans_index_the_text(linker):
    text = "The talks in Kyiv ended. Kyiv's mayor said the Black Sea fleet left."
    doc = run(linker, text, [("Kyiv", "PERSON"), ("Kyiv's", "GPE"), ("the Black Sea", "LOC")])
    for entity in doc.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] in {entity.name, *entity.aliases}
    assert {text[s:e] for (s, e) in doc.extras["entity_of_span"]} == {"Kyiv", "Black Sea"}


def test_entities_mentions_capital_is_never_a_person(linker):
    doc = run(linker, "Troops neared Kyiv on Friday.", [("Kyiv", "PERSON")])
    (kyiv,) = doc.entities
    assert (kyiv.type, kyiv.country) == ("GPE", "UA")


def test_entities_mentions_junk_is_dropped(linker):
    text = "It isn't over, RELATED officials said. They met."
    doc = run(linker, text, [("n't", "GPE"), ("RELATED", "ORG"), ("They", "PERSON")])
    assert doc.entities == []


def test_entities_mentions_leading_article_and_possessive_are_stripped(linker):
    text = "Ships crossed the Black Sea. The Pentagon’s view differs."
    doc = run(linker, text, [("the Black Sea", "LOC"), ("The Pentagon’s", "ORG")])
    names = by_name(doc)
    assert names["Black Sea"].type == "LOC"
    assert names["Pentagon"].type == "ORG"
    assert [text[m.start : m.end] for m in names["Pentagon"].mentions] == ["Pentagon"]


def test_entities_mentions_gazetteer_adds_what_the_model_missed(linker):
    text = "Officials in Estonia and the OSCE said Lithuanian troops were ready."
    doc = run(linker, text, [])
    names = by_name(doc)
    assert names["Estonia"].type == "GPE" and names["Estonia"].kb["iso3166"] == "EE"
    assert names["Organization for Security and Co-operation in Europe"].type == "ORG"
    assert names["Lithuanian"].type == "NORP" and names["Lithuanian"].country == "LT"


def test_entities_mentions_labels_fixed_by_gazetteer(linker):
    text = "The Pentagon and Germany agreed, and the Crimean Peninsula was discussed."
    doc = run(linker, text, [("Pentagon", "GPE"), ("Germany", "PERSON"), ("Crimean Peninsula", "GPE")])
    types = {e.name: e.type for e in doc.entities}
    assert types == {"Pentagon": "ORG", "Germany": "GPE", "Crimean Peninsula": "LOC"}


def test_entities_mentions_same_string_same_label(linker):
    text = "Marlow Quint won. Later Marlow Quint lost and Quint left."
    doc = run(linker, text, [("Marlow Quint", "PERSON"), ("Marlow Quint", "ORG"), ("Quint", "PERSON")])
    (person,) = doc.entities
    assert person.type == "PERSON" and len(person.mentions) == 3


def test_entities_mentions_untagged_repeats_are_added(linker):
    text = "Zorvath Industries grew. Analysts like Zorvath Industries."
    doc = run(linker, text, [("Zorvath Industries", "ORG")])
    (org,) = doc.entities
    assert len(org.mentions) == 2


def test_entities_mentions_upper_case_headline_is_matched(linker):
    text = "GERMANY BEAT FRANCE IN FINAL\nGermany won on Sunday."
    doc = run(linker, text, [("GERMANY", "ORG"), ("Germany", "GPE")])
    names = by_name(doc)
    assert names["Germany"].type == "GPE" and len(names["Germany"].mentions) == 2
    assert names["France"].kb["iso3166"] == "FR"


def test_entities_mentions_credit_names_agency_and_photographer(linker):
    text = "Leaders met. (AP Photo/Marta Quill)"
    doc = run(linker, text, [("AP Photo/Marta Quill", "ORG")])
    types = {e.name: e.type for e in doc.entities}
    assert types["Marta Quill"] == "PERSON"
    assert types["Associated Press"] == "ORG"


def test_entities_mentions_switches_turn_corrections_off():
    text = "Troops neared Kyiv on Friday."
    doc = run(None, text, [("Kyiv", "PERSON")], gazetteer=False, consistency=False)
    assert doc.entities[0].type == "PERSON"


def test_entities_mentions_place_named_person_stays_a_person(linker):
    text = "Michael Jordan scored. Later Jordan rested in Jordan."
    doc = run(linker, text, [("Michael Jordan", "PERSON"), ("Jordan", "PERSON"), ("Jordan", "GPE")])
    names = by_name(doc)
    assert names["Michael Jordan"].type == "PERSON" and len(names["Michael Jordan"].mentions) == 2
    assert names["Jordan"].type == "GPE" and names["Jordan"].kb["iso3166"] == "JO"


def test_entities_mentions_table_labels_and_section_slugs_are_dropped(linker):
    text = "SOCCER - KALDOR WIN\nAttendance: 12,000\nScorers: Ilse Moor\nDivision"
    doc = run(linker, text, [("SOCCER", "ORG"), ("Attendance", "LOC"), ("Scorers", "ORG"), ("Ilse Moor", "PERSON"), ("Division", "ORG")])
    assert [e.name for e in doc.entities] == ["Ilse Moor"]


def test_entities_mentions_common_word_name_mid_sentence_is_kept(linker):
    text = "Men\nHe played for Nice last year."
    doc = run(linker, text, [("Men", "ORG"), ("Nice", "ORG")])
    assert [(e.name, e.type) for e in doc.entities] == [("Nice", "ORG")]


def test_entities_mentions_dateline_place_and_region_are_places(linker):
    text = "KORVALD , Norway 1996-08-30\nThe plane landed near Korvald ."
    doc = run(linker, text, [("KORVALD", "PERSON"), ("Norway", "GPE"), ("Korvald", "PERSON")])
    types = {e.name: e.type for e in doc.entities}
    assert types == {"Korvald": "GPE", "Norway": "GPE"}


def test_entities_mentions_a_town_before_a_number_is_a_team_only_in_a_results_line(linker):
    # A results line makes the towns teams; a town after "in", or before a measure, in a
    # paragraph with other figures stays a place.
    results = run(linker, "Result: Dorrant 3 Velmar 1.", [("Dorrant", "GPE"), ("Velmar", "GPE")])
    assert {e.name: e.type for e in results.entities} == {"Dorrant": "ORG", "Velmar": "ORG"}
    text = "He settled in Dorrant 13 years ago, paid 65,000 for a flat and ran Velmar 200 m races."
    doc = run(linker, text, [("Dorrant", "GPE"), ("Velmar", "GPE")])
    assert {e.name: e.type for e in doc.entities} == {"Dorrant": "GPE", "Velmar": "GPE"}


def test_entities_mentions_a_name_read_as_a_company_whose_surname_stands_alone_as_a_person_is_that_person(linker):
    text = "Coach Clive Varnum praised the side. Varnum said the pack was strong."
    doc = run(linker, text, [("Clive Varnum", "ORG"), ("Varnum", "PERSON")])
    assert {e.name: e.type for e in doc.entities} == {"Clive Varnum": "PERSON"}
    # Without the surname alone, or after "the", the recogniser's reading stands.
    text = "Shares in the Clive Varnum group fell. Analysts were unmoved."
    doc = run(linker, text, [("Clive Varnum", "ORG")])
    assert {e.name: e.type for e in doc.entities} == {"Clive Varnum": "ORG"}


def test_entities_mentions_a_place_no_gazetteer_knows_written_with_a_companys_words_is_an_organisation(linker):
    text = "Quorvex chief executive Hans Berg said plants would close in Quorvex."
    doc = run(linker, text, [("Quorvex", "GPE"), ("Hans Berg", "PERSON"), ("Quorvex", "GPE")])
    assert by_name(doc)["Quorvex"].type == "ORG"
    text = "Plants would close, Hans Berg said. Quorvex shareholders met. Quorvex lost money."
    doc = run(linker, text, [("Hans Berg", "PERSON"), ("Quorvex", "GPE"), ("Quorvex", "GPE")])
    assert by_name(doc)["Quorvex"].type == "ORG"
    # A town GeoNames knows stays a place: "Tokyo shares" are shares traded there.
    text = "The news sent Tokyo shares lower on Monday."
    assert by_name(run(linker, text, [("Tokyo", "GPE")]))["Tokyo"].type == "GPE"


def test_entities_mentions_a_span_read_across_a_clause_word_or_before_a_place_is_two_names(linker):
    text = "Mr Chernin told the FT that News Corp was struggling. The show opens at the Sage in Gateshead."
    doc = run(linker, text, [("FT that News Corp", "ORG"), ("Sage in Gateshead", "ORG")])
    names = by_name(doc)
    assert {n: names[n].type for n in ("FT", "News Corp", "Sage", "Gateshead")} == {
        "FT": "ORG", "News Corp": "ORG", "Sage": "ORG", "Gateshead": "GPE"
    }
    # A lower-case word before "in" is no name: the place alone stays.
    text = "Talks went on between the mission and the ministry in Trinidad on Friday."
    doc = run(linker, text, [("ministry in Trinidad", "ORG")])
    assert [(e.name, e.type) for e in doc.entities] == [("Trinidad and Tobago", "GPE")]
    # No place after "in", or a lower-case word inside the name before it: one name.
    text = "Money went to Children in Need, the Organisation for Security and Cooperation in Europe and Texas."
    names = ["Children in Need", "Organisation for Security and Cooperation in Europe"]
    doc = run(linker, text, [(names[0], "ORG"), (names[1], "ORG"), ("Texas", "GPE")])
    assert set(names) <= set(by_name(doc))


def test_entities_mentions_a_surname_with_its_particle_is_the_person_named_in_full(linker):
    text = "Karim El Mansouri won in Rabat. El Mansouri said the race was hard."
    doc = run(linker, text, [("Karim El Mansouri", "PERSON"), ("Rabat", "GPE"), ("El Mansouri", "ORG")])
    (person,) = [e for e in doc.entities if e.type == "PERSON"]
    assert person.name == "Karim El Mansouri" and len(person.mentions) == 2
