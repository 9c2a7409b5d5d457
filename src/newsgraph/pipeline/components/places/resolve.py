"""Disambiguation: pick one gazetteer entry per toponym from the document's context.

Each candidate gets a score: a prior from its feature type and population, plus evidence
from the text: an administrative qualifier written next to it ("Krasnohorivka, Donetsk
Oblast", "Paris, Texas"), the countries the article is about, and other places already
resolved nearby. One name keeps one sense per document. Confidence is the softmax share of
the winning score.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.pipeline.components.places.recognize import Toponym
from newsgraph.resources.geonames import Gazetteer, GeoPlace, distance_km, normalize

# Prior by feature: countries and first-level divisions are what an unqualified name most
# often means in news; physical features and regions come from the curated list.
FEATURE_PRIOR = {"A.PCLI": 9.0, "A.PCLH": 6.0, "A.ADM1": 7.0, "L.CONT": 8.0}
NONTOWN_PRIOR = 7.0
QUALIFIER_BONUS = 8.0
FOCUS_BONUS = 2.5
NEAR_BONUS = 1.5
NEAR_KM = 250.0
# A town matched through an alternate or historical name ("Salisbury" for Harare) is a
# weaker reading than one whose main name it is.
ALTERNATE_PENALTY = 2.0
POPULATION_WEIGHT = 1.0
MAJOR_CITY = 500_000
MILLION = 1_000_000  # a million-city's other names ("New York") are everyday names


@dataclass
class Resolution:
    """The place chosen for a toponym (``place`` None when unresolved) and why."""

    place: GeoPlace | None
    confidence: float
    qualifier: Toponym | None = None  # the "Donetsk Oblast" in "Krasnohorivka, Donetsk Oblast"


@dataclass
class Context:
    """What the document says about where it is: country weights and resolved places."""

    countries: Counter = field(default_factory=Counter)
    anchors: list[GeoPlace] = field(default_factory=list)


def prior(place: GeoPlace, label: str, key: str = "") -> float:
    """Score before context: feature type, then log population for towns; ``key`` is the
    normalised mention, to tell a main-name match from an alternate-name one."""
    if place.feature in FEATURE_PRIOR:
        base = FEATURE_PRIOR[place.feature]
    elif not place.is_town:
        base = NONTOWN_PRIOR
    else:
        base = math.log10(place.population + 10) * POPULATION_WEIGHT + (
            0.8 if place.feature == "P.PPLC" else 0.0
        )
        alternate = bool(key) and normalize(place.name) != key
        if alternate and place.population < MILLION:
            base -= ALTERNATE_PENALTY
        elif place.population >= MAJOR_CITY:
            base += 1.0  # "Washington", "New York": the city, more often than the state
    if label == "LOC" and (not place.is_town and not place.is_country):
        base += 1.0  # spaCy's LOC: seas, regions, mountains
    if label == "GPE" and not (place.is_town or place.is_country or place.is_admin1):
        base -= 1.0
    return base


def contains(outer: GeoPlace, inner: GeoPlace) -> bool:
    """True when ``inner`` lies in ``outer`` according to the gazetteer's codes."""
    if outer.geonames_id == inner.geonames_id:
        return False
    if outer.is_country:
        return bool(inner.country) and inner.country == outer.country and not inner.is_country
    if outer.is_admin1:
        return inner.country == outer.country and inner.admin1 == outer.admin1 and not inner.is_admin1
    return False


def qualifier_of(top: Toponym, following: Toponym | None, text: str) -> Toponym | None:
    """The toponym written as '<top>, <following>' (an administrative qualifier), if any."""
    if following is None:
        return None
    gap = text[top.end : following.start]
    return following if gap.strip() in (",", "") and "," in gap else None


def score(place: GeoPlace, top: Toponym, qual: list[GeoPlace], ctx: Context) -> float:
    """The candidate's total score for ``top`` in context ``ctx``."""
    total = prior(place, top.label, normalize(top.text))
    if qual and any(contains(q, place) for q in qual):
        total += QUALIFIER_BONUS
    if place.country and ctx.countries:
        share = ctx.countries[place.country] / max(ctx.countries.values())
        total += FOCUS_BONUS * share
    if place.is_town and ctx.anchors:
        if any(a.is_admin1 and contains(a, place) for a in ctx.anchors) or any(
            a.is_town and distance_km(a.lat, a.lon, place.lat, place.lon) < NEAR_KM for a in ctx.anchors
        ):
            total += NEAR_BONUS
    elif place.is_admin1 and any(a.is_town and contains(place, a) for a in ctx.anchors):
        total += NEAR_BONUS  # "Ontario" in a story that has placed Toronto
    return total


def choose(top: Toponym, qual: list[GeoPlace], ctx: Context) -> Resolution:
    """The best candidate for ``top`` and its confidence (softmax share)."""
    cands = top.candidates
    if not cands:
        return Resolution(None, 0.0)
    scored = sorted(((score(p, top, qual, ctx), p) for p in cands), key=lambda sp: -sp[0])
    best_score, best = scored[0]
    z = sum(math.exp(s - best_score) for s, _ in scored)
    return Resolution(best, round(1.0 / z, 3))


def resolve_all(toponyms: list[Toponym], gaz: Gazetteer, text: str, dateline: str | None) -> list[Resolution]:
    """Resolve every toponym in reading order; returns one Resolution per toponym.

    Pass 1 settles names with one candidate, countries and qualified names, giving the
    document's country weights and anchors; pass 2 resolves the rest with that context.
    Every mention of one name gets the resolution of its best-evidenced mention.
    """
    for top in toponyms:
        top.candidates = tuple(gaz.lookup(top.text)) or tuple(_fallback(gaz, top.text))
    ctx = Context()
    if dateline:
        # The dateline names a city the wire desk expects readers to know: the largest one.
        for place in sorted(gaz.lookup(dateline), key=lambda p: (p.is_town, -p.population))[:1]:
            ctx.countries[place.country] += 3
    quals = [_qualifiers(toponyms, i, text) for i in range(len(toponyms))]
    first = [choose(top, quals[i], ctx) for i, top in enumerate(toponyms)]
    for top, res, q in zip(toponyms, first, quals, strict=True):
        if res.place is None:
            continue
        if res.place.is_country or len(top.candidates) == 1 or q or res.confidence > 0.9:
            if res.place.country:
                ctx.countries[res.place.country] += 1
            if not res.place.is_country:
                ctx.anchors.append(res.place)
    final = [choose(top, quals[i], ctx) for i, top in enumerate(toponyms)]
    for i, res in enumerate(final):
        if quals[i] and res.place is not None and any(contains(q, res.place) for q in quals[i]):
            res.qualifier = toponyms[i + 1]
    return _one_sense_per_name(toponyms, final)


def _qualifiers(toponyms: list[Toponym], i: int, text: str) -> list[GeoPlace]:
    """Candidates of the qualifier after toponym ``i`` that could contain one of its own."""
    following = toponyms[i + 1] if i + 1 < len(toponyms) else None
    qual = qualifier_of(toponyms[i], following, text)
    if qual is None:
        return []
    return [q for q in qual.candidates if any(contains(q, p) for p in toponyms[i].candidates)]


def _fallback(gaz: Gazetteer, name: str) -> list[GeoPlace]:
    """Candidates for spellings the gazetteer lacks: 'X City', 'X County', 'X region'."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ("city", "region", "province", "town", "district", "oblast"):
        return gaz.lookup(" ".join(words[:-1]))
    return []


def _one_sense_per_name(toponyms: list[Toponym], results: list[Resolution]) -> list[Resolution]:
    """Give every mention of a name the resolution of its most confident mention, so a
    qualified first mention ("Paris, Texas") decides the bare later ones ("Paris")."""
    best: dict[str, Resolution] = {}
    for top, res in zip(toponyms, results, strict=True):
        key = normalize(top.text)
        held = best.get(key)
        strength = (res.qualifier is not None, res.confidence)
        if res.place is not None and (
            held is None or strength > (held.qualifier is not None, held.confidence)
        ):
            best[key] = res
    out = []
    for top, res in zip(toponyms, results, strict=True):
        chosen = best.get(normalize(top.text), res)
        out.append(Resolution(chosen.place, chosen.confidence, res.qualifier))
    return out
