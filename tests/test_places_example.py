"""places.v1 on the project's reference article (read at test time, never copied)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.places import PlaceResolver


@pytest.fixture(scope="module")
def example_doc(example_text, nlp):
    from newsgraph.pipeline.document import Document
    from newsgraph.record import Metadata

    doc = Document(id="ex", text=example_text, metadata=Metadata(dateline="BRUSSELS"))
    doc.spacy = nlp(example_text)
    return PlaceResolver()(doc)


def _resolved(doc) -> dict[str, object]:
    return {p.name: p for p in doc.places if p.resolved}


def test_places_example_key_places_are_on_the_map(example_doc):
    places = _resolved(example_doc)
    expected = {
        "Brussels": ("BE", "P.PPLC"),
        "Kyiv": ("UA", "P.PPLC"),
        "Kaliningrad Oblast": ("RU", "A.ADM1"),
        "Black Sea": (None, "H.SEA"),
        "Crimean Peninsula": ("UA", "T.PEN"),
    }
    for name, (country, feature) in expected.items():
        assert name in places, f"{name} missing from {sorted(places)}"
        assert places[name].country == country and places[name].feature == feature


def test_places_example_every_country_is_placed(example_doc):
    countries = {p.name: p.country for p in example_doc.places if p.feature == "A.PCLI"}
    for name, iso in [
        ("Lithuania", "LT"),
        ("Latvia", "LV"),
        ("Estonia", "EE"),
        ("Poland", "PL"),
        ("Belarus", "BY"),
        ("Russia", "RU"),
        ("Ukraine", "UA"),
        ("Bulgaria", "BG"),
        ("Romania", "RO"),
        ("Turkey", "TR"),
        ("Hungary", "HU"),
        ("United States", "US"),
    ]:
        assert countries.get(name) == iso, f"{name}: {countries.get(name)}"
    assert all(p.resolved for p in example_doc.places if p.feature == "A.PCLI")


def test_places_example_four_borders_of_lithuania(example_doc):
    borders = {r.object for r in example_doc.relations if r.type == "borders" and r.subject == "Lithuania"}
    assert borders == {"Kaliningrad Oblast", "Belarus", "Latvia", "Poland"}


def test_places_example_part_of_and_focus(example_doc):
    part_of = {(r.subject, r.object) for r in example_doc.relations if r.type == "part_of"}
    assert ("Kaliningrad Oblast", "Russia") in part_of
    assert ("Crimean Peninsula", "Ukraine") in part_of
    assert "Brussels" in example_doc.extras["focus"]["places"]
    assert {"UA", "RU"} <= set(example_doc.extras["focus"]["countries"])
