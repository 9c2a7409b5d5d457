"""entities.v1 on the reference article (read at test time from ../shared/examples):
people with their offices, organisations, countries with ISO codes, no false people or
places. Runs with spaCy's own recogniser and with newsgraph's, and through the default
pipeline (with the cleaner)."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, load_spacy
from newsgraph.pipeline.components.entities import EntityLinker
from newsgraph.pipeline.document import Document
from newsgraph.record import Metadata

COUNTRIES = {"UA", "RU", "EE", "BG", "HU", "LV", "LT", "PL", "RO", "TR", "SY", "FR", "DE", "PT", "ES", "BY", "US"}
OFFICES = {  # surname -> (title, name of the country or organisation)
    "Biden": ("President", "United States"),
    "Zelensky": ("President", "Ukraine"),
    "Stoltenberg": ("Secretary General", "NATO"),
    "Nauseda": ("President", "Lithuania"),
    "Putin": ("President", "Russia"),
}


@pytest.fixture(scope="module", params=["model", "newsgraph"])
def entities(request, example_text):
    try:
        nlp = load_spacy(DEFAULT_MODEL, request.param)
    except ConfigError as err:
        pytest.skip(f"recogniser {request.param!r} unavailable: {err}")
    doc = Document(id="ex", text=example_text, metadata=Metadata(published="2022-02-24"))
    doc.spacy = nlp(example_text)
    EntityLinker()(doc)
    return doc


def _check(entities, relations, text):
    by_id = {e.id: e for e in entities}
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people) == 6, [p.name for p in people]
    assert all(len(p.name.split()) >= 2 for p in people)
    for surname, (title, of_name) in OFFICES.items():
        (person,) = [p for p in people if p.name.endswith(surname)]
        assert [(r.title, by_id[r.of].name) for r in person.roles] == [(title, of_name)]
        assert ("holds_office", person.id, person.roles[0].of) in {(r.type, r.subject, r.object) for r in relations}
    countries = {e.kb["iso3166"] for e in entities if "iso3166" in e.kb}
    assert countries == COUNTRIES
    assert all(e.type == "GPE" for e in entities if "iso3166" in e.kb)
    orgs = {e.name: e for e in entities if e.type == "ORG"}
    assert {"NATO", "NATO Response Force", "Pentagon", "European Union"} <= set(orgs)
    assert "NRF" in orgs["NATO Response Force"].aliases
    capital = [e for e in entities if e.name in ("Kyiv", "Kiev")]
    assert capital and capital[0].type == "GPE"
    for e in entities:
        for m in e.mentions:
            surface = text[m.start : m.end]
            assert surface.strip() == surface and any(ch.isalpha() for ch in surface)
            assert surface[:1].isupper() or e.type == "ORG", (e.name, surface)


def test_entities_example_people_offices_countries(entities):
    _check(entities.entities, entities.relations, entities.text)


def test_entities_example_every_mention_is_mapped(entities):
    spans = entities.extras["entity_of_span"]
    assert len(spans) == sum(len(e.mentions) for e in entities.entities)
    assert all(entities.entity_at(s, e).id == spans[(s, e)] for s, e in spans)


def test_entities_example_through_default_pipeline(example_record):
    _check(example_record.entities, example_record.relations, example_record.text)
