"""places.v1 between namesakes: a well-known place by its own name against a small one or an
old name, comparable cities left to the context, regions with their population."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.places.rank import (
    UNKNOWN_POPULATION,
    main_names,
    most_populous_flags,
    town_population,
)
from newsgraph.pipeline.components.places.resolve import _rivalled
from newsgraph.resources.geonames import GeoPlace, gazetteer
from tests.test_places_resolve import _by_mention, resolver, run  # noqa: F401 (fixtures)


def _place(gid: int, name: str, feature: str, cc: str, pop: int, lat: float = 0.0, lon: float = 0.0):
    return GeoPlace(gid, name, feature, cc, "", pop, lat, lon)


# --- the population prior, on made-up candidates -------------------------------------------


def test_places_namesakes_old_name_of_a_city_does_not_outrank_the_town_of_that_name():
    town = _place(1, "Oakhurst", "P.PPL", "GB", 0)  # GeoNames gives no population
    renamed = _place(2, "Pinevale", "P.PPL", "US", 215_000)  # once called Oakhurst
    assert most_populous_flags([town, renamed], "oakhurst") == [True, False]


def test_places_namesakes_a_spelling_still_competes_on_population():
    exonym_of = _place(1, "Gant", "P.PPL", "BE", 260_000)  # written "Ghant" in English
    hamlet = _place(2, "Ghant", "P.PPL", "US", 560)
    assert most_populous_flags([exonym_of, hamlet], "ghant") == [True, False]


def test_places_namesakes_only_old_names_fall_back_to_population():
    renamed = _place(1, "Newtown", "P.PPL", "XX", 900_000)
    assert most_populous_flags([renamed], "oldtown") == [True]


def test_places_namesakes_district_does_not_take_the_mark_from_its_city():
    city = _place(1, "Brackley", "P.PPL", "GB", 360_000)
    district = _place(2, "Brackley", "A.ADM2", "GB", 420_000)
    village = _place(3, "Brackley", "P.PPL", "US", 11_000)
    assert most_populous_flags([city, district, village], "brackley") == [True, True, False]


def test_places_namesakes_comparable_cities_both_count_as_most_populous():
    big = _place(1, "Porthaven", "P.PPL", "AU", 508_000)
    other = _place(2, "Porthaven", "P.PPL", "GB", 300_000)
    small = _place(3, "Porthaven", "P.PPL", "IE", 2_600)
    assert most_populous_flags([big, other, small], "porthaven") == [True, True, False]
    capital = _place(4, "Porthaven", "P.PPLC", "FR", 9_000_000)
    assert most_populous_flags([capital, other], "porthaven") == [True, False]


def test_places_namesakes_a_region_with_people_outranks_a_hamlet():
    region = _place(-1, "Greenshire", "L.RGN", "GB", 5_500_000)
    hamlet = _place(2, "Greenshire", "P.PPL", "US", 7_500)
    assert most_populous_flags([region, hamlet], "greenshire") == [True, False]


def test_places_namesakes_unknown_population_counts_as_the_gazetteer_floor():
    assert town_population(_place(1, "Oakhurst", "P.PPL", "GB", 0)) == UNKNOWN_POPULATION
    assert town_population(_place(1, "Oakhurst", "P.PPL", "GB", 7_000)) == 7_000


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Newcastle upon Tyne", "Newcastle"),
        ("Stoke-on-Trent", "Stoke"),
        ("Frankfurt am Main", "Frankfurt"),
        ("Frankfurt (Oder)", "Frankfurt"),
        ("Boulogne-sur-Mer", "Boulogne"),
    ],
)
def test_places_namesakes_short_name_before_a_river_or_bracket(name, short):
    assert main_names(name) == (name, short)


@pytest.mark.parametrize("name", ["Rio de Janeiro", "Washington, D.C.", "Kingston", "Upton"])
def test_places_namesakes_other_names_have_no_short_form(name):
    assert main_names(name) == (name,)


def test_places_namesakes_rival_is_a_comparable_place_far_away():
    sydney_side = _place(1, "Porthaven", "P.PPL", "AU", 508_000, -32.9, 151.8)
    tyne_side = _place(2, "Porthaven", "P.PPL", "GB", 300_000, 55.0, -1.6)
    assert _rivalled(sydney_side, (sydney_side, tyne_side))
    capital = _place(3, "Porthaven", "P.PPLC", "GB", 9_000_000, 51.5, -0.1)
    ontario = _place(4, "Porthaven", "P.PPL", "CA", 380_000, 43.0, -81.2)
    assert not _rivalled(capital, (capital, ontario))  # London, Ontario is no rival to London


# --- the shipped gazetteer ------------------------------------------------------------------


def test_places_namesakes_gazetteer_has_the_english_midlands_with_its_people():
    regions = [p for p in gazetteer().lookup("the Midlands") if p.feature == "L.RGN"]
    assert [(p.country, p.population > 5_000_000) for p in regions] == [("GB", True)]


def test_places_namesakes_curated_seas_keep_no_population():
    (sea,) = [p for p in gazetteer().lookup("North Sea") if p.feature == "H.SEA"]
    assert sea.population == 0


# --- whole sentences ------------------------------------------------------------------------


def test_places_namesakes_rugby_report_stays_in_england(run):
    doc = run("Wasps beat Leicester at Twickenham on Saturday. The Midlands side had led at half-time.")
    for surface in ("Leicester", "Twickenham", "Midlands"):
        assert _by_mention(doc, surface).country == "GB", surface
    assert _by_mention(doc, "Twickenham").name == "Twickenham"  # not Huntsville, Alabama
    assert _by_mention(doc, "Midlands").feature == "L.RGN"


def test_places_namesakes_populous_city_beats_a_small_namesake_without_context(run):
    doc = run("The company will open a new office in Leicester next spring.")
    leicester = _by_mention(doc, "Leicester")
    assert (leicester.country, leicester.feature) == ("GB", "P.PPL")


def test_places_namesakes_newcastle_follows_an_english_story(run):
    doc = run(
        "Newcastle travelled to London on Saturday and won 2-1, while Sunderland lost at home "
        "to Middlesbrough."
    )
    newcastle = _by_mention(doc, "Newcastle")
    assert (newcastle.name, newcastle.country) == ("Newcastle upon Tyne", "GB")


def test_places_namesakes_region_beats_a_village_of_its_name(run):
    doc = run("Heavy snow closed roads across Yorkshire overnight, forecasters said.")
    yorkshire = _by_mention(doc, "Yorkshire")
    assert (yorkshire.country, yorkshire.feature) == ("GB", "L.RGN")
