"""places.v1 on synthetic sentences: disambiguation, filters, relations, focus, spans."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver()


@pytest.fixture
def run(nlp, make_doc, resolver):
    def analyse(text: str, dateline: str | None = None):
        doc = make_doc(text)
        doc.metadata.dateline = dateline
        doc.spacy = nlp(text)
        return resolver(doc)

    return analyse


def _by_mention(doc, surface: str):
    for place in doc.places:
        if any(doc.text[m.start : m.end] == surface for m in place.mentions):
            return place
    raise AssertionError(f"no place mentioned as {surface!r}: {[p.name for p in doc.places]}")


def test_places_paris_texas_follows_its_qualifier(run):
    doc = run(
        "PARIS, Texas (AP) — Paris, Texas, lies in Lamar County. The mayor of Paris said "
        "the storm moved east toward Texarkana overnight."
    )
    paris = _by_mention(doc, "Paris")
    assert (paris.country, paris.admin1) == ("US", "TX")
    assert len([m for m in paris.mentions if doc.text[m.start : m.end] == "Paris"]) == 2
    assert any(r.type == "part_of" and r.object == "Texas" for r in doc.relations)


def test_places_a_qualifier_is_the_division_that_holds_its_town():
    import newsgraph

    text = (
        "Drinks maker posts higher profits\n\nThe company, based in Macon, Georgia, said profits "
        "rose 5% in the quarter. Georgia's governor welcomed the figures on Tuesday."
    )
    record = newsgraph.analyze(text, published="2024-05-02")
    georgia = [p for p in record.places if p.name == "Georgia"]
    assert [(p.country, p.feature) for p in georgia] == [("US", "A.ADM1")]
    assert len(georgia[0].mentions) == 2
    entity = next(e for e in record.entities if e.name == "Georgia")
    assert entity.country == "US" and "iso3166" not in entity.kb
    assert entity.kb["geonames"] == georgia[0].geonames_id


def test_places_two_qualifiers_of_one_name_keep_their_own_readings(run):
    doc = run(
        "The firm, based in Macon, Georgia, will open a bottling plant in Batumi, Georgia, "
        "next year, its chairman said."
    )
    readings = {
        doc.text[: m.start].rstrip(", ").split()[-1]: (p.country, p.feature[:5])
        for p in doc.places if p.name == "Georgia" for m in p.mentions
    }
    assert readings == {"Macon": ("US", "A.ADM"), "Batumi": ("GE", "A.PCL")}


def test_places_a_list_of_cities_has_no_qualifier(run):
    doc = run("Researchers tested wireless networks in London, Frankfurt, New York and San Francisco.")
    assert _by_mention(doc, "Frankfurt").country == "DE"
    assert _by_mention(doc, "New York").feature.startswith("P.")


def test_places_paris_france_by_default(run):
    doc = run("Protesters marched through Paris on Saturday as France debated the pension reform.")
    paris = _by_mention(doc, "Paris")
    assert paris.country == "FR" and paris.geonames_id == 2988507


def test_places_village_with_oblast_context(run):
    doc = run(
        "Shelling was reported south of Krasnohorivka, Donetsk Oblast, on Tuesday, the "
        "regional governor said."
    )
    village = _by_mention(doc, "Krasnohorivka")
    assert village.resolved and village.country == "UA" and village.admin1 == "05"
    assert abs(village.lat - 48.0) < 0.2 and abs(village.lon - 37.5) < 0.2
    part_of = [r for r in doc.relations if r.type == "part_of"]
    assert part_of and part_of[0].subject == "Krasnohorivka"


def test_places_kiev_spelling_resolves_to_kyiv(run):
    doc = run("Talks were held in Kiev, where officials met envoys from Warsaw.")
    kyiv = _by_mention(doc, "Kiev")
    assert kyiv.name == "Kyiv" and kyiv.country == "UA" and kyiv.feature == "P.PPLC"


def test_places_borders_listed_in_one_sentence(run):
    doc = run("Finland borders Russia to the east, Sweden to the northwest and Norway to the north.")
    borders = {(r.subject, r.object) for r in doc.relations if r.type == "borders"}
    assert borders == {("Finland", "Russia"), ("Finland", "Sweden"), ("Finland", "Norway")}
    for r in doc.relations:
        assert 0 <= r.evidence.start < r.evidence.end <= len(doc.text)


def test_places_demonyms_are_not_places(run):
    doc = run("European leaders and Russian diplomats met in Geneva on Monday.")
    names = {doc.text[m.start : m.end] for p in doc.places for m in p.mentions}
    assert "European" not in names and "Russian" not in names
    assert _by_mention(doc, "Geneva").country == "CH"


def test_places_unknown_name_is_no_place_but_an_unknown_facility_stays_unresolved(make_doc, resolver):
    from newsgraph.record import Entity, Span

    text = "Fighting continued near Zvyrtsivka overnight, said staff at Qorblax Arena."
    doc = make_doc(text)
    start, fac = text.index("Zvyrtsivka"), text.index("Qorblax Arena")
    doc.entities = [
        Entity(id="e1", type="GPE", name="Zvyrtsivka", mentions=[Span(start=start, end=start + 10)]),
        Entity(id="e2", type="FAC", name="Qorblax Arena", mentions=[Span(start=fac, end=fac + 13)]),
    ]
    resolver(doc)
    # a place without coordinates is no place; a facility's own name still is one
    (place,) = doc.places
    assert place.entity == "e2" and place.resolved is False and place.lat is None


def test_places_sets_entity_kb_geonames(make_doc, resolver):
    from newsgraph.record import Entity, Span

    text = "Lithuania declared a state of emergency."
    doc = make_doc(text)
    doc.entities = [Entity(id="e1", type="GPE", name="Lithuania", mentions=[Span(start=0, end=9)])]
    resolver(doc)
    assert doc.entities[0].kb["geonames"] == 597427
    assert doc.places[0].entity == "e1" and doc.places[0].country == "LT"


def test_places_focus_follows_dateline_and_repetition(run):
    doc = run(
        "KRAMATORSK — Residents of Kramatorsk queued for water. Kramatorsk lies in eastern "
        "Ukraine; aid also reached Kharkiv and a convoy left Berlin.",
        dateline="KRAMATORSK",
    )
    focus = doc.extras["focus"]
    assert "UA" in focus["countries"] and "DE" not in focus["countries"]
    assert "Kramatorsk" in focus["places"]
    assert _by_mention(doc, "Kramatorsk").focus is True


def test_places_every_span_matches_its_text(run):
    doc = run("From Vilnius to Tallinn, the Baltic states watched Belarus and the Suwalki Gap.")
    assert doc.places
    for place in doc.places:
        assert place.component == "newsgraph.places.v1"
        for m in place.mentions:
            assert doc.text[m.start : m.end].strip() == doc.text[m.start : m.end] != ""


def test_places_oklahoma_is_the_state(run):
    doc = run("Storms swept across Oklahoma on Sunday, and officials in Tulsa opened shelters.")
    oklahoma = _by_mention(doc, "Oklahoma")
    assert (oklahoma.country, oklahoma.feature, oklahoma.admin1) == ("US", "A.ADM1", "OK")
    assert _by_mention(doc, "Tulsa").admin1 == "OK"


def test_places_adjectival_feature_name_is_not_a_place(run):
    doc = run("The Baltic country's parliament met in Vilnius, near the Baltic coast.")
    starts = {m.start for p in doc.places for m in p.mentions}
    assert doc.text.index("Baltic") not in starts
    assert _by_mention(doc, "Vilnius").country == "LT"


def test_places_transliterated_village_is_found_by_the_gazetteer(run):
    doc = run("Troops held positions outside Krasnogorovka on Friday.")
    village = _by_mention(doc, "Krasnogorovka")
    assert village.name == "Krasnohorivka" and village.country == "UA"


def test_places_division_named_beside_its_sibling_is_the_division(run):
    # England (ADM1 of GB) is resolved; the village of Wales lies inside it, but a division
    # named beside another division of its country is that division (rank.sibling_admin1)
    doc = run("Wales beat England by ten points in Swansea on Saturday, and England now face Scotland.")
    wales = _by_mention(doc, "Wales")
    assert (wales.country, wales.feature) == ("GB", "A.ADM1")


def test_places_a_town_its_written_division_does_not_hold_is_left_unresolved(run):
    # The gazetteer knows Ashfields in Australia and Massachusetts only: the one "in
    # Nottinghamshire" is not one of them, and no reader wants it placed near Sydney.
    doc = run("He will stand against the minister in Ashfield, Nottinghamshire, at the election.")
    assert not any(p.name == "Ashfield" and p.geonames_id for p in doc.places)
    assert _by_mention(doc, "Nottinghamshire").country == "GB"
    # The gazetteer knows a town's first-level division only, not its county: the written
    # county's country still picks the namesake.
    doc = run("He was arrested after a speech in Burnley, Lancashire, and later released.")
    assert _by_mention(doc, "Burnley").country == "GB"
    # A list of places is no town in a division: each keeps its own reading.
    doc = run("Flights to Sydney, Victoria and Queensland were cut after the storm.")
    assert _by_mention(doc, "Sydney").country == "AU"


def test_places_a_country_name_geonames_lacks_is_the_country(run):
    """"Trinidad" and "Bosnia" are names of countries in ``countries.tsv`` that GeoNames'
    names miss: the country is a candidate, not only the towns of that name."""
    doc = run("Officials in Trinidad said talks with Bosnia would resume in the spring.")
    countries = {p.name: p.country for p in doc.places if p.feature == "A.PCLI"}
    assert countries == {"Trinidad and Tobago": "TT", "Bosnia and Herzegovina": "BA"}


def test_places_a_country_the_entities_linked_is_no_town_of_another_country(pipeline):
    """"Colombia" in a list of Latin American countries went to a town of Mexico while
    its entity was the country: the country wins over a town of another country."""
    from newsgraph.ingest.readers import make_input

    text = "The six largest economies of the region (Argentina, Brazil, Chile, Colombia, Mexico and Venezuela) grew by 3%."
    record = pipeline(make_input(text, None))
    colombia = next(p for p in record.places if p.name == "Colombia")
    assert (colombia.country, colombia.feature) == ("CO", "A.PCLI")
