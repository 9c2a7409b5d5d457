"""places.v1: a name against its namesakes in the article's context. The spelling as written
("Sale" against Salé), cities a reader cannot tell apart by size (Newcastle), a name's own
reading kept out of its own evidence, and a city settled together with its district."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.places.rank import (
    Context,
    context_features,
    major_alike_flags,
    marks_dropped_flags,
    spelled_as_written,
)
from newsgraph.pipeline.components.places.resolve import name_flags
from newsgraph.resources.geonames import GeoPlace
from tests.test_places_resolve import _by_mention, resolver, run  # noqa: F401 (fixtures)


def _place(gid: int, name: str, feature: str, cc: str, pop: int, lat=0.0, lon=0.0, adm1: str = ""):
    return GeoPlace(gid, name, feature, cc, adm1, pop, lat, lon)


# --- made-up candidates -----------------------------------------------------------------------

ACCENTED = _place(1, "Porté", "P.PPL", "MA", 950_000, 34.0, -6.8)
PLAIN = _place(2, "Porte", "P.PPL", "GB", 60_000, 53.4, -2.3)
HAMLET = _place(3, "Porte", "P.PPL", "IT", 3_000, 45.0, 8.8)


def test_places_context_a_name_without_its_accent_is_flagged_when_a_namesake_is_spelled_so():
    assert marks_dropped_flags([ACCENTED, PLAIN, HAMLET], "Porte") == [True, False, False]
    assert marks_dropped_flags([ACCENTED, PLAIN], "PORTE") == [True, False]  # case is no spelling
    # written with the accent, the plain namesakes are the ones spelled otherwise
    assert marks_dropped_flags([ACCENTED, PLAIN], "Porté") == [False, True]


def test_places_context_without_a_namesake_spelled_as_written_nothing_is_flagged():
    # "Malmo", "Sao Paulo": the writer dropped the marks, and no other place is written so
    assert marks_dropped_flags([ACCENTED], "Porte") == [False]
    assert spelled_as_written(PLAIN, "porte") and not spelled_as_written(ACCENTED, "Porte")


def test_places_context_the_spelling_as_written_has_its_own_most_populous_reading():
    flags = name_flags((ACCENTED, PLAIN, HAMLET), "Porte")
    assert [f[0] for f in flags] == [True, True, False]  # most populous: the city and, as written, the town
    assert [f[1] for f in flags] == [True, False, False]  # marks dropped
    # with the accent written, the accented city alone bears the name as written
    assert [f[0] for f in name_flags((ACCENTED, PLAIN, HAMLET), "Porté")] == [True, False, False]


def test_places_context_comparable_cities_are_alike_major_cities():
    metro = _place(1, "Porthaven", "P.PPL", "AU", 508_000)
    city = _place(2, "Porthaven upon Tyne", "P.PPL", "GB", 300_000)
    town = _place(3, "Porthaven", "P.PPL", "US", 60_000)
    assert major_alike_flags([metro, city, town], "porthaven") == [True, True, False]
    assert major_alike_flags([city, town], "porthaven") == [False, False]  # no major city among them


def test_places_context_a_names_own_reading_is_no_evidence_for_it():
    town = _place(1, "Porte", "P.PPL", "MA", 950_000, 34.0, -6.8, "04")
    district = _place(2, "Porte", "A.ADM2", "MA", 1_200_000, 34.0, -6.8, "04")
    leeds = _place(3, "Leeds", "P.PPL", "GB", 450_000, 53.8, -1.5, "ENG")
    ctx = Context()
    ctx.add_country("MA", 1, "porte")
    ctx.add_anchor(town, "porte")
    ctx.add_country("GB", 1, "leeds")
    ctx.add_anchor(leeds, "leeds")
    countries, anchors = ctx.without("porte")
    assert countries == {"GB": 1} and anchors == [leeds]
    share, near, _, _, in_admin1, _ = context_features(district, ctx, ctx.without("porte"))
    assert (share, near, in_admin1) == (0.0, 0.0, 0.0)
    # read by another name, the town is evidence for its district
    share, _, _, _, in_admin1, _ = context_features(district, ctx, ctx.without("leeds"))
    assert share == 1.0 and in_admin1 == 1.0


# --- whole stories (synthetic) ------------------------------------------------------------------


RUGBY = (
    "Sale climbed to second in the Premiership after beating Leicester 24-17 on Sunday. "
    "The Sale fly-half kicked four penalties, and the England lock was named man of the match. "
    "Sale travel to Gloucester next week before a home game against Bath, while Northampton "
    "host Leicester."
)
MOROCCO = (
    "Flood water closed roads between Rabat and Sale on Wednesday, Morocco's interior ministry "
    "said. Families in Sale were moved to schools, and trains to Kenitra were cancelled."
)
FOOTBALL = (
    "Newcastle came from behind to beat Portsmouth 3-1 on Saturday. Liverpool had led the "
    "table for a week, but Newcastle climbed above them and face Portsmouth again in the cup."
)
AUSTRALIA = (
    "A storm cut power to thousands of homes in Newcastle and the Hunter Valley on Monday. "
    "Crews from Sydney drove north overnight, and schools in Newcastle will stay shut, the "
    "New South Wales premier said."
)


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        (RUGBY, "Sale", "Sale", "GB"),  # the club's town, not Salé
        (MOROCCO, "Sale", "Salé", "MA"),
        (FOOTBALL, "Newcastle", "Newcastle upon Tyne", "GB"),  # no place is sure alone
        (AUSTRALIA, "Newcastle", "Newcastle", "AU"),
    ],
    ids=["sale-rugby", "sale-morocco", "newcastle-football", "newcastle-australia"],
)
def test_places_context_a_namesake_follows_the_story(run, text, surface, name, country):
    place = _by_mention(run(text), surface)
    assert (place.name, place.country) == (name, country)
