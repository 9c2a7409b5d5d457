"""Candidate ranking and confidence: a linear model over candidate features, learned.

Each gazetteer candidate of a toponym gets a feature vector (``candidate_features``): its
kind and population, how its name matched, and the document's evidence (an administrative
qualifier next to it, the countries and first-level divisions the article names, the
dateline, the distance to places already resolved). A candidate's score is the dot product
with ``Ranker.weights``; a toponym's candidates compete in a softmax (conditional logit),
so only differences between candidates of one name matter.

A resolved mention's ``confidence`` is a logistic model over the winner's softmax share and
what kind of mention it was (``fact_features``), fit so that of the mentions given 0.8,
about 8 in 10 are right (a real toponym, placed within 161 km).

The weights ship in ``resources/geonames/ranker.json``, written by
``scripts/train_place_ranker.py`` (trained on GeoWebNews; see docs/places.md).
``HAND_SET`` keeps the hand-set weights the ranker replaced: the training recipe uses them to
give the document context in which candidates are compared, so no learned weight sees its
own training articles through that context.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import mul
from pathlib import Path

from newsgraph.errors import Code, ConfigError
from newsgraph.resources.geonames import GeoPlace, distance_km, normalize

RANKER_FILE = Path(__file__).resolve().parents[3] / "resources" / "geonames" / "ranker.json"

FEATURES = (
    "log_population",  # log10(population + 10) of a town (500 if unknown), an ADM2 or an ADM1, else 0
    "country",
    "historical_country",  # A.PCLH
    "admin1",
    "admin2",
    "continent",
    "physical_or_region",  # seas, rivers, regions: every other non-town feature
    "capital",
    "alternate_name",  # a town matched through an alternate name, under a million people
    "major_city",  # a town of 500,000+ by its main name or short form, or one alike (major_alike_flags)
    "loc_label_physical",  # spaCy said LOC and the candidate is no town or country
    "gpe_label_not_admin",  # spaCy said GPE and the candidate is no town/country/ADM1
    "qualifier",  # "Athens, Ga.": the written qualifier contains the candidate
    "focus_country",  # share of the document's country weight on its country
    "near_anchor",  # inside a resolved ADM1 or within 250 km of a resolved town
    "proximity",  # 1 - log10(1 + km to the nearest resolved place) / 4, floored at 0
    "dateline_country",
    "focus_admin1",  # its ADM1 holds (or is) a place already resolved
    "most_populous",  # among the most populous candidates that bear the name (most_populous_flags)
    "exact_name",  # the mention is spelled exactly as the candidate's main name (or its short form)
    "sibling_admin1",  # a first-level division of a country whose other one is resolved ("Wales" by England)
    "marks_dropped",  # its name differs from the mention by diacritics while a namesake is spelled as written
)
FACT_FEATURES = (
    "bias",
    "share_logit",  # logit of the winner's softmax share, clipped to [-6, 6]
    "gazetteer_source",  # found by gazetteer matching, not by NER
    "label_loc",
    "label_fac",
    "winner_country",
    "winner_admin",
    "winner_small_town",  # a populated place under 15,000
    "log_candidates",
    "qualified",
    "one_word_common",  # a single everyday English word ("Reading")
    "log_mentions",  # how often the article repeats the name
)
# A gazetteer name's lookup key, computed once per name: every candidate of every mention
# is compared with its mention twice per document.
name_key = lru_cache(maxsize=1 << 16)(normalize)
NEAR_KM = 250.0
MAJOR_CITY = 500_000
MILLION = 1_000_000
SMALL_TOWN = 15_000
# GeoNames gives many towns population 0 ("unknown": Twickenham, Woolwich); the gazetteer
# keeps places of 500+ people and division seats, so an unknown town counts as 500.
UNKNOWN_POPULATION = 500
# Populations within this factor of the largest are alike to a reader (Newcastle upon Tyne's
# 300,000 and Newcastle, New South Wales' 508,000, both GeoNames figures): each counts as the
# most populous, and the article's context decides between them.
COMPARABLE = 0.5
SPELLING_RATIO = 0.75  # difflib ratio from which an alternate name is a spelling of the main name
# Words that join a town's name to the river or sea it stands on ("Newcastle upon Tyne",
# "Stoke-on-Trent", "Frankfurt am Main", "Boulogne-sur-Mer"): the words before them are the
# town's everyday short name, a main name rather than an alternate one.
SHORT_NAME_TAILS = frozenset({"upon", "on", "am", "an", "sur", "im"})
# Heads of a formal name whose rest is the name a reader uses: "City of Westminster".
FORMAL_NAME_HEADS = ("City of ", "Borough of ", "Town of ", "Municipality of ")
_NAME_WORDS = re.compile(r"[\s-]+")

# The weights the learned ranker replaced (tuned by hand on GeoWebNews errors).
HAND_SET = {
    "log_population": 1.0,
    "country": 9.0,
    "historical_country": 6.0,
    "admin1": 7.0,
    "admin2": 5.0,
    "continent": 8.0,
    "physical_or_region": 7.0,
    "capital": 0.8,
    "alternate_name": -2.0,
    "major_city": 1.0,
    "loc_label_physical": 1.0,
    "gpe_label_not_admin": -1.0,
    "qualifier": 8.0,
    "focus_country": 2.5,
    "near_anchor": 1.5,
}


@dataclass
class Context:
    """What the document says about where it is: country weights, resolved places and the
    dateline's country.

    Each country weight and anchor remembers the name (lookup key) whose mention gave it, so
    a name's candidates are read in the context the *rest* of the article gives
    (``without``): "Sale" settled as Salé from its population alone must not then count as
    Moroccan evidence for Salé, nor make Salé's district a neighbour of a resolved place."""

    countries: dict[str, float] = field(default_factory=dict)
    anchors: list[GeoPlace] = field(default_factory=list)
    dateline_country: str = ""
    # name -> the country weights and anchors its mentions added
    by_name: dict[str, tuple[dict[str, float], list[GeoPlace]]] = field(default_factory=dict)

    def add_country(self, iso: str, weight: float, name: str = "") -> None:
        self.countries[iso] = self.countries.get(iso, 0.0) + weight
        own = self.by_name.setdefault(name, ({}, []))[0]
        own[iso] = own.get(iso, 0.0) + weight

    def add_anchor(self, place: GeoPlace, name: str = "") -> None:
        self.anchors.append(place)
        self.by_name.setdefault(name, ({}, []))[1].append(place)

    def without(self, name: str) -> tuple[dict[str, float], list[GeoPlace]]:
        """(country weights, anchors without repeats) that mentions of other names than
        ``name`` gave."""
        own_countries, own_anchors = self.by_name.get(name, ({}, []))
        countries = {iso: w - own_countries.get(iso, 0.0) for iso, w in self.countries.items()}
        countries = {iso: w for iso, w in countries.items() if w > 1e-9}
        mine = {id(a) for a in own_anchors}
        anchors = list({id(a): a for a in self.anchors if id(a) not in mine}.values())
        return countries, anchors


def contains(outer: GeoPlace, inner: GeoPlace) -> bool:
    """True when ``inner`` lies in ``outer`` according to the gazetteer's codes."""
    if outer.geonames_id == inner.geonames_id:
        return False
    if outer.is_country:
        return bool(inner.country) and inner.country == outer.country and not inner.is_country
    if outer.is_admin1:
        return inner.country == outer.country and inner.admin1 == outer.admin1 and not inner.is_admin1
    return False


def candidate_features(
    place: GeoPlace, label: str, key: str, text: str, qual: list[GeoPlace], ctx: Context, most_populous: bool,
    marks_dropped: bool = False,
) -> list[float]:
    """The feature vector (in ``FEATURES`` order) of ``place`` as a reading of a mention
    spelled ``text`` (lookup key ``key``) with spaCy label ``label``; ``qual`` are the
    candidates of its written qualifier, ``most_populous`` and ``marks_dropped`` its flags
    from ``most_populous_flags`` and ``marks_dropped_flags``."""
    mention = mention_features(place, label, key, text, qual)
    return assemble(mention, context_features(place, ctx), most_populous, marks_dropped)


def mention_features(place: GeoPlace, label: str, key: str, text: str, qual: list[GeoPlace]) -> tuple:
    """The part of ``candidate_features`` the document's context does not change: the
    candidate itself and how the mention names it (the same in every pass of a document)."""
    town = place.is_town
    country = place.feature == "A.PCLI"
    other = not (town or place.is_country or place.is_admin1 or place.is_admin2 or place.feature == "L.CONT")
    divisions = place.is_admin2 or place.is_admin1
    sized = town_population(place) if town else place.population if divisions else -1
    alternate = is_alternate_match(place, key)
    return (
        math.log10(sized + 10) if sized >= 0 else 0.0,
        float(country),
        float(place.feature == "A.PCLH"),
        float(place.is_admin1),
        float(place.is_admin2),
        float(place.feature == "L.CONT"),
        float(other),
        float(place.feature == "P.PPLC"),
        float(alternate),
        float(town and not alternate and place.population >= MAJOR_CITY),
        float(label == "LOC" and not town and not place.is_country),
        float(label == "GPE" and not (town or place.is_country or place.is_admin1)),
        float(bool(qual) and any(contains(q, place) for q in qual)),
        float(text in main_names(place.name)),
    )


def context_features(
    place: GeoPlace, ctx: Context, rest: tuple[dict[str, float], list[GeoPlace]] | None = None
) -> tuple:
    """The part of ``candidate_features`` that depends on the document's context ``ctx``
    (``rest``: the country weights and anchors to read, ``ctx.without(name)`` for a mention
    of ``name``; default: all of ``ctx``; a repeated anchor changes none of these features)."""
    countries, anchors = (ctx.countries, ctx.anchors) if rest is None else rest
    near, proximity = _nearness(place, anchors)
    share = 0.0
    if place.country and countries:
        share = countries.get(place.country, 0.0) / max(countries.values())
    return (
        share,
        float(near),
        proximity,
        float(bool(ctx.dateline_country) and place.country == ctx.dateline_country),
        float(_in_anchor_admin1(place, anchors)),
        float(_sibling_admin1(place, anchors)),
    )


def assemble(
    mention: tuple, context: tuple, most_populous: bool, marks_dropped: bool = False,
    major_alike: bool = False,
) -> list[float]:
    """The feature vector in ``FEATURES`` order from ``mention_features``,
    ``context_features`` and the mention's flags for the candidate: ``most_populous``,
    ``marks_dropped`` (``marks_dropped_flags``) and ``major_alike`` (``major_alike_flags``)."""
    major = float(bool(mention[9]) or major_alike)
    return [*mention[:9], major, *mention[10:13], *context[:5], float(most_populous), mention[13], context[5],
            float(marks_dropped)]  # fmt: skip


def town_population(place: GeoPlace) -> int:
    """A town's population, ``UNKNOWN_POPULATION`` where GeoNames gives none."""
    return place.population or UNKNOWN_POPULATION


@lru_cache(maxsize=1 << 16)
def main_names(name: str) -> tuple[str, ...]:
    """A place's main name and, for "Newcastle upon Tyne", "Stoke-on-Trent" or "Frankfurt
    (Oder)", the short name before the joining word or bracket ("Newcastle", "Stoke"); for
    "City of Westminster", the name after the formal head ("Westminster")."""
    if name.endswith(")") and " (" in name:  # "Frankfurt (Oder)"
        return name, name[: name.index(" (")]
    for head in FORMAL_NAME_HEADS:  # "City of Westminster": "Westminster" is its own name
        if name.startswith(head) and len(name) > len(head):
            return name, name[len(head) :]
    words = _NAME_WORDS.split(name)
    for i, word in enumerate(words[1:-1], start=1):
        if word in SHORT_NAME_TAILS:
            return name, " ".join(words[:i])
    return (name,)


def is_alternate_match(place: GeoPlace, key: str) -> bool:
    """A town under a million people reached through one of its alternate names
    ("Twickenham", an old name of Huntsville, Alabama), not its main name or short form."""
    if not (place.is_town and key) or place.population >= MILLION:
        return False
    return not _by_main_name(place, key)


def most_populous_flags(cands: list[GeoPlace] | tuple[GeoPlace, ...], key: str) -> list[bool]:
    """For each candidate of a mention with lookup key ``key``: is it (one of) the most
    populous? Every candidate within ``COMPARABLE`` of the largest population counts.

    Towns reached through a different name (not their main name, its short form or a
    spelling of either: ``_bears_name``) do not compete while a candidate bears the name (a
    small English town called Twickenham is what "Twickenham" means, not the Alabama city
    once called so; Salisbury is an English city before it is Harare's old name; "Ghent"
    is a spelling of Gent and competes). A second-order division's population, the sum of
    its towns, does not set the mark for the towns: the district of Leicester holds the city
    of Leicester, and both are the most populous reading of "Leicester"."""
    pops = [town_population(p) if p.is_town else p.population for p in cands]
    by_main = [_bears_name(p, key) for p in cands]
    competes = [m or not p.is_town for p, m in zip(cands, by_main)] if any(by_main) else [True] * len(cands)
    pool = [pop for p, pop, c in zip(cands, pops, competes) if c and not p.is_admin2]
    top = max(pool or [pop for pop, c in zip(pops, competes) if c], default=0)
    return [c and top > 0 and pop >= top * COMPARABLE for pop, c in zip(pops, competes)]


def major_alike_flags(cands: list[GeoPlace] | tuple[GeoPlace, ...], key: str) -> list[bool]:
    """For each candidate of a mention with lookup key ``key``: is it a town of its own
    name (or short form) whose population is comparable (``COMPARABLE``) to a namesake's
    that makes a major city? Newcastle upon Tyne (300,000 in GeoNames) is as much a major
    city to a reader as Newcastle, New South Wales (508,000, a metro figure): the 500,000
    mark must not decide between populations a reader cannot tell apart. The article does."""
    majors = [
        p.population
        for p in cands
        if p.is_town and p.population >= MAJOR_CITY and not is_alternate_match(p, key)
    ]
    if not majors:
        return [False] * len(cands)
    floor = max(majors) * COMPARABLE
    return [p.is_town and p.population >= floor and not is_alternate_match(p, key) for p in cands]


def marks_dropped_flags(cands: list[GeoPlace] | tuple[GeoPlace, ...], text: str) -> list[bool]:
    """For each candidate of a mention written ``text``: is its main name (or short form)
    the mention only once diacritics are set aside, while another candidate's is spelled as
    written? "Sale" names Sale, Greater Manchester as written and Salé, Morocco without its
    accent; "Mexico" names the country as written and México City's state without one. When
    no candidate is spelled as written ("Malmo", "Sao Paulo") no flag is set: the writer
    dropped the marks, and the name alone cannot tell more."""
    exact = [spelled_as_written(p, text) for p in cands]
    if not any(exact):
        return [False] * len(cands)
    key, written = name_key(text), _folded(text)
    return [
        not e and any(name_key(n) == key and _folded(n) != written for n in main_names(p.name))
        for p, e in zip(cands, exact)
    ]


def spelled_as_written(place: GeoPlace, text: str) -> bool:
    """The mention ``text`` is the place's main name or short form, diacritics and all
    (case, dots and hyphens aside)."""
    written = _folded(text)
    return any(_folded(n) == written for n in main_names(place.name))


@lru_cache(maxsize=1 << 16)
def _folded(name: str) -> str:
    """``name`` case-folded, without dots, hyphens as spaces, keeping its diacritics."""
    return " ".join(name.casefold().replace(".", "").replace("-", " ").split())


def _by_main_name(place: GeoPlace, key: str) -> bool:
    return any(name_key(n) == key for n in main_names(place.name))


def _bears_name(place: GeoPlace, key: str) -> bool:
    """``key`` is the place's main name, its short form or a spelling of either ("ghent"
    for Gent, "hanover" for Hannover), not a different name it once had or is also known by."""
    return any(spelling_of(key, n) for n in main_names(place.name))


@lru_cache(maxsize=1 << 16)
def spelling_of(key: str, name: str) -> bool:
    """``key`` (a lookup key) is ``name`` or a spelling of it: "douma" for Dūmā, "misrata"
    for Mişrātah, not an unrelated alternate name ("julia" for Plovdiv)."""
    from difflib import SequenceMatcher

    own = name_key(name)
    return own == key or SequenceMatcher(None, own, key).ratio() >= SPELLING_RATIO


def _nearness(place: GeoPlace, anchors: list[GeoPlace]) -> tuple[bool, float]:
    """(inside a resolved ADM1 / within NEAR_KM of a resolved town, proximity in [0, 1])."""
    if not anchors:
        return False, 0.0
    kms = [distance_km(a.lat, a.lon, place.lat, place.lon) for a in anchors]  # each distance once
    near = False
    if place.is_town:
        near = any(a.is_admin1 and contains(a, place) for a in anchors) or any(
            a.is_town and km < NEAR_KM for a, km in zip(anchors, kms)
        )
    elif place.is_admin1:
        near = any(a.is_town and contains(place, a) for a in anchors)  # "Ontario" after Toronto
    others = [km for a, km in zip(anchors, kms) if a.geonames_id != place.geonames_id]
    if not others:
        return near, 0.0
    return near, max(0.0, 1.0 - min(others) / 1000.0)


def _in_anchor_admin1(place: GeoPlace, anchors: list[GeoPlace]) -> bool:
    if not place.admin1 or place.is_admin1:
        return False
    return any(
        a.geonames_id != place.geonames_id and a.country == place.country and a.admin1 == place.admin1
        for a in anchors
    )


def _sibling_admin1(place: GeoPlace, anchors: list[GeoPlace]) -> bool:
    if not place.is_admin1:
        return False
    return any(a.is_admin1 and a.country == place.country and a.admin1 != place.admin1 for a in anchors)


def fact_features(
    share: float, source: str, label: str, winner: GeoPlace, n_candidates: int, qualified: bool,
    common: bool, mentions: int,
) -> list[float]:
    """The confidence model's inputs (``FACT_FEATURES`` order) for one resolved mention."""
    clipped = min(max(share, 1e-6), 1 - 1e-6)
    return [
        1.0,
        max(-6.0, min(6.0, math.log(clipped / (1 - clipped)))),
        float(source == "gazetteer"),
        float(label == "LOC"),
        float(label == "FAC"),
        float(winner.is_country),
        float(winner.is_admin1 or winner.is_admin2),
        float(winner.is_town and winner.population < SMALL_TOWN),
        math.log(max(1, n_candidates)),
        float(qualified),
        float(common),
        math.log(max(1, mentions)),
    ]


@dataclass(frozen=True)
class Ranker:
    """Candidate weights (``FEATURES`` order) and confidence weights (``FACT_FEATURES``
    order); ``calibration`` None gives the raw softmax share as confidence."""

    weights: tuple[float, ...]
    calibration: tuple[float, ...] | None = None

    @classmethod
    def from_dict(cls, data: dict) -> Ranker:
        """From ``{"weights": {name: w}, "calibration": {name: w}}``; unknown names are an
        error (a weights file from another feature set must not load silently)."""
        weights, calibration = data.get("weights", {}), data.get("calibration")
        if not isinstance(weights, dict) or not isinstance(calibration, dict | None):
            raise ConfigError(
                Code.BAD_PLACES_RESOURCE, "place ranker: 'weights' and 'calibration' must be objects"
            )
        unknown = (set(weights) - set(FEATURES)) | (set(calibration or {}) - set(FACT_FEATURES))
        if unknown:
            raise ConfigError(Code.BAD_PLACES_RESOURCE, f"place ranker: unknown features {sorted(unknown)}")
        return cls(
            tuple(float(weights.get(n, 0.0)) for n in FEATURES),
            tuple(float(calibration.get(n, 0.0)) for n in FACT_FEATURES) if calibration else None,
        )

    def to_dict(self) -> dict:
        out: dict = {"weights": {n: round(w, 5) for n, w in zip(FEATURES, self.weights, strict=True)}}
        if self.calibration is not None:
            pairs = zip(FACT_FEATURES, self.calibration, strict=True)
            out["calibration"] = {n: round(w, 5) for n, w in pairs}
        return out

    def score(self, x: list[float]) -> float:
        if len(x) != len(self.weights):
            raise ValueError(f"{len(x)} features for {len(self.weights)} weights")
        return sum(map(mul, self.weights, x))

    def confidence(self, facts: list[float], share: float) -> float:
        """Calibrated probability that the mention is a place resolved within 161 km."""
        if self.calibration is None:
            return share
        if len(facts) != len(self.calibration):
            raise ValueError(f"{len(facts)} facts for {len(self.calibration)} weights")
        z = sum(map(mul, self.calibration, facts))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


HAND_RANKER = Ranker(tuple(HAND_SET.get(n, 0.0) for n in FEATURES))


@cache
def shipped_ranker() -> Ranker:
    """The learned ranker in ``resources/geonames/ranker.json`` (the hand-set one when the
    file is absent, as in a checkout that has not run the training recipe)."""
    return load_ranker(RANKER_FILE) if RANKER_FILE.exists() else HAND_RANKER


def load_ranker(path: Path) -> Ranker:
    """Read a weights file; a malformed one is a ``ConfigError`` naming the file."""
    try:
        return Ranker.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, AttributeError) as err:
        raise ConfigError(Code.BAD_PLACES_RESOURCE, f"place ranker {path}: {err}") from err
