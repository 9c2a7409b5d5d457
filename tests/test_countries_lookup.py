"""resources/countries.py: names, aliases, demonyms, codes, capitals and GeoNames ids."""

from __future__ import annotations

import pytest

from newsgraph.resources import countries as c


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Lithuania", "LT"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("the Netherlands", "NL"),
        ("Holland", "NL"),
        ("Russian Federation", "RU"),
        ("Türkiye", "TR"),
        ("TURKEY", "TR"),
        ("czech republic", "CZ"),
    ],
)
def test_countries_by_name_and_alias(name, iso2):
    found = c.country_by_name(name)
    assert found is not None and found.iso2 == iso2


@pytest.mark.parametrize("word", ["us", "Us", "uk", "Lithuanian", "Vilnius", ""])
def test_countries_by_name_rejects_pronouns_demonyms_and_capitals(word):
    assert c.country_by_name(word) is None


@pytest.mark.parametrize(
    ("word", "iso2"),
    [
        ("Lithuanian", "LT"),
        ("Lithuanians", "LT"),
        ("Russian", "RU"),
        ("Ukrainian", "UA"),
        ("Dutch", "NL"),
        ("Dutchmen", "NL"),
        ("U.S.", "US"),
        ("American", "US"),
        ("Polish", "PL"),
        ("British", "GB"),
    ],
)
def test_countries_by_demonym(word, iso2):
    found = c.country_by_demonym(word)
    assert found is not None and found.iso2 == iso2


def test_countries_record_fields_are_complete():
    lt = c.country_by_code("LT")
    assert (lt.iso2, lt.iso3, lt.name, lt.capital) == ("LT", "LTU", "Lithuania", "Vilnius")
    assert lt.geonames_id == 597427
    assert c.country_by_code("ltu") is lt
    assert c.country_by_geonames_id(597427) is lt
    assert c.country_by_capital("Vilnius") is lt
    assert c.country_by_capital("Kiev").iso2 == "UA"


def test_countries_canonical_names_are_everyday_english():
    names = {c.country_by_code(code).name for code in ("RU", "US", "GB", "SY", "KR", "NL", "TR")}
    assert names == {"Russia", "United States", "United Kingdom", "Syria", "South Korea", "Netherlands", "Turkey"}


def test_countries_every_country_has_codes_and_unique_iso2():
    every = c.all_countries()
    assert len(every) > 240
    assert len({x.iso2 for x in every}) == len(every)
    assert all(len(x.iso2) == 2 and len(x.iso3) == 3 for x in every)
