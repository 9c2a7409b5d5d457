"""places.v1 on three classes of reader-visible error from the whole-corpus BBC pass of
2026-12-05 (eleventh session): British counties and well-known London features the GeoNames
admin tables lack, parts of the city an article is about, and clubs named after their town
in sports reports. Synthetic texts only."""

from __future__ import annotations

import newsgraph
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.pipeline.components.places.recognize import Clubs, sports_report
from newsgraph.pipeline.components.places.resolve import _local
from newsgraph.record import Entity, Span
from newsgraph.resources.geonames import GeoPlace, gazetteer
from tests.test_places_resolve import _by_mention, resolver, run  # noqa: F401 (fixtures)


def _place(gid: int, name: str, feature: str, cc: str, pop: int, lat: float, lon: float) -> GeoPlace:
    return GeoPlace(gid, name, feature, cc, "", pop, lat, lon)


# --- 1. Counties and features GeoNames' admin tables lack --------------------------------


def test_places_gaps_split_and_historic_counties_are_in_the_gazetteer():
    gaz = gazetteer()
    for name, admin1 in (("Cheshire", "ENG"), ("Sussex", "ENG"), ("Lanarkshire", "SCT"), ("Gwent", "WLS"),
                         ("County Tyrone", "NIR"), ("Co Antrim", "NIR")):  # fmt: skip
        british = [p for p in gaz.lookup(name) if p.country == "GB"]
        assert british and british[0].admin1 == admin1 and british[0].population > 0, name


def test_places_gaps_county_split_among_authorities_is_the_english_county(run):
    doc = run("A dairy farmer from Cheshire won the prize, judges in Manchester said on Friday.")
    cheshire = _by_mention(doc, "Cheshire")
    assert cheshire.country == "GB"


def test_places_gaps_government_street_is_in_london(run):
    doc = run("Civil servants in Whitehall face cuts, ministers told MPs in London on Tuesday.")
    assert _by_mention(doc, "Whitehall").country == "GB"


def test_places_gaps_london_airport_is_the_airport(run):
    doc = run("Flights from London Heathrow to Madrid were cancelled on Monday, the airline said.")
    heathrow = _by_mention(doc, "Heathrow")
    assert heathrow.country == "GB" and heathrow.feature == "S.AIRP"


# --- 2. Parts of the city the article is about -------------------------------------------


def test_places_gaps_a_reading_inside_the_settled_city_is_kept_alone():
    city = _place(1, "Oldport", "P.PPLC", "GB", 8_000_000, 51.5, -0.12)
    district = _place(2, "Eastgate", "P.PPL", "GB", 3_000, 51.52, -0.05)
    far = _place(3, "Eastgate", "P.PPL", "CA", 40_000, 49.3, -123.1)
    assert _local((district, far), [city]) == (district,)


def test_places_gaps_no_local_reading_or_a_well_known_namesake_keeps_every_reading():
    city = _place(1, "Oldport", "P.PPLC", "GB", 8_000_000, 51.5, -0.12)
    district = _place(2, "Eastgate", "P.PPL", "GB", 3_000, 51.52, -0.05)
    remote = _place(3, "Eastgate", "P.PPL", "GB", 3_000, 50.9, -1.3)  # 100 km away
    big = _place(4, "Eastgate", "P.PPL", "US", 150_000, 40.0, -75.0)
    country = _place(5, "Eastgate", "A.PCLI", "EG", 5_000, 10.0, 10.0)
    assert _local((remote, big), [city]) == (remote, big)
    assert _local((district, big), [city]) == (district, big)
    assert _local((district, country), [city]) == (district, country)
    small_town = _place(6, "Hamlet", "P.PPL", "GB", 20_000, 51.5, -0.12)  # no city to be inside
    assert _local((district, remote), [small_town]) == (district, remote)


# --- 3. Clubs named after their town in sports reports ------------------------------------

_SPORT = (
    "Northfield beat Southam 2-1 on Saturday. The striker scored twice for Northfield and the "
    "coach praised his squad after the match."
)


def _entities(text: str, *names: tuple[str, str]) -> list[Entity]:
    out = []
    for n, (name, label) in enumerate(names):
        start = text.index(name)
        out.append(Entity(f"e{n}", label, name, [Span(start, start + len(name))]))
    return out


def test_places_gaps_sports_report_needs_several_sport_words():
    assert sports_report(_SPORT)
    assert not sports_report("The council of Northfield approved a new stadium budget on Monday.")


def test_places_gaps_a_club_in_a_sports_report_is_no_place_but_a_national_side_is():
    town = [_place(7, "Northfield", "P.PPL", "GB", 300_000, 52.0, -1.0)]
    nation = [_place(8, "Wales", "A.ADM1", "GB", 3_000_000, 52.3, -3.7)]
    start = _SPORT.index("Northfield")
    clubs = Clubs(_entities(_SPORT, ("Northfield", "ORG")), _SPORT)
    assert clubs.club(start, start + len("Northfield"), town)
    assert not clubs.club(start, start + len("Northfield"), nation)
    assert not clubs.club(start + 1, start + len("Northfield"), town)  # not the mention's span
    council = "The council of Northfield approved a new budget on Monday, its leader said."
    start = council.index("Northfield")
    not_sport = Clubs(_entities(council, ("Northfield", "ORG")), council)
    assert not not_sport.club(start, start + len("Northfield"), town)


def test_places_gaps_english_club_in_a_football_report_is_not_the_city_when_asked():
    text = (
        "Liverpool beat Chelsea 2-1 in the Premiership on Saturday. The striker scored twice for "
        "Liverpool, and the coach said the squad deserved the win after the match at Burnley."
    )
    literal = PipelineConfig.default().with_settings("newsgraph.places.v1", clubs_as_places=False)
    record = newsgraph.analyze(text, config=literal)
    clubs = {e.name for e in record.entities if e.type == "ORG"}
    places = {p.name for p in record.places}
    assert "Liverpool" in clubs and "Liverpool" not in places
    # by default (GeoWebNews' metonymic toponyms) the club's town is a place
    assert "Liverpool" in {p.name for p in newsgraph.analyze(text).places}
    story = "Liverpool council approved a new budget on Monday, officials in Manchester said."
    assert "Liverpool" in {p.name for p in newsgraph.analyze(story, config=literal).places}


# --- A place joined by a hyphen to an organisation's name ----------------------------------


def test_places_gaps_place_hyphened_to_an_organisation_opens_its_name():
    from newsgraph.pipeline.components.places.recognize import Toponym, hyphened_to_organisation

    text = "Officers of Dyfed-Powys Police and the Amsterdam-London line met."
    org_start = text.index("Powys")
    entities = [Entity("e0", "ORG", "Powys Police", [Span(org_start, org_start + len("Powys Police"))])]
    dyfed = Toponym(text.index("Dyfed"), org_start - 1, "Dyfed", "GPE", "ner")
    amsterdam = Toponym(text.index("Amsterdam"), text.index("-London"), "Amsterdam", "GPE", "ner")
    kept, dropped = hyphened_to_organisation([dyfed, amsterdam], entities, text, gazetteer())
    assert kept == [amsterdam] and dropped == [(dyfed.start, dyfed.end, True)]
    # a country joined to an organisation's name stays: the forum names the country
    text = "The Nigeria-Ukraine Business Forum met in Kyiv."
    org_start = text.index("Ukraine")
    entities = [Entity("e0", "ORG", "Ukraine Business Forum", [Span(org_start, org_start + 22)])]
    nigeria = Toponym(text.index("Nigeria"), org_start - 1, "Nigeria", "GPE", "ner")
    assert hyphened_to_organisation([nigeria], entities, text, gazetteer()) == ([nigeria], [])


def test_places_gaps_english_regions_by_their_short_names(run):
    # "the North East" of an English story is North East England, not Botswana's district
    doc = run("Unemployment fell in the North East and the South West, official figures for England showed.")
    assert _by_mention(doc, "North East").name == "North East England"
    assert _by_mention(doc, "South West").country == "GB"
