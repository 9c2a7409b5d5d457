"""Disambiguation: pick one gazetteer entry per toponym from the document's context.

Every candidate is scored by the ranker (``rank.py``: a learned linear model over the
candidate's kind and population, an administrative qualifier written next to it
("Krasnohorivka, Donetsk Oblast", "Athens, Ga."), the dateline, the countries and ADM1s the
article is about, and the distance to places already resolved). The candidates of one
toponym compete in a softmax; the winner's share feeds the calibrated confidence. One name
keeps one sense per document.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from newsgraph.pipeline.components.places.rank import (
    NEAR_KM,
    Context,
    Ranker,
    assemble,
    contains,
    context_features,
    major_alike_flags,
    marks_dropped_flags,
    mention_features,
    most_populous_flags,
    spelled_as_written,
)
from newsgraph.pipeline.components.places.recognize import (
    FACILITY_HEADS,
    NEVER_PLACES,
    Toponym,
    division_without_word,
    is_common_word,
    is_facility_name,
)
from newsgraph.resources import entries, words
from newsgraph.resources.countries import country_by_name
from newsgraph.resources.geonames import Gazetteer, GeoPlace, distance_km, normalize


# Facilities that are not seated in the place their name starts with ("Atlantic Avenue",
# "Pearl Harbor", "Hoover Dam"): they get no candidates from the name inside them.
NOT_SEATS = words("lexicons/places/not_seats.txt")
# Generic words the gazetteer leaves off a name ("Kansas City", "Donetsk region").
DIVISION_SUFFIXES = entries("lexicons/places/division_suffixes.txt")
# A namesake this populous (and this large beside the winner) keeps a name from being
# settled by the priors alone ("Newcastle": New South Wales or Tyneside).
RIVAL_POPULATION = 100_000
RIVAL_SHARE = 0.5
# A name pass 2 resolves with this share (and no rival) becomes context for pass 3.
SECOND_PASS_SHARE = 0.8
# Readings of a name this close together are one place when deciding whether the name is
# settled: Liverpool the city and Liverpool the district split the share between them, the
# village of Wales in Yorkshire is no reading of the country.
SAME_PLACE_KM = 50.0
# A district or street this close to a settled city of LOCAL_CITY+ people is a part of the
# city the article is about ("the West End" in a London story), ahead of namesakes far away.
LOCAL_KM = 30.0
LOCAL_CITY = 100_000


@dataclass
class Resolution:
    """The place chosen for a toponym (``place`` None when unresolved) and why.

    ``share`` is the winner's softmax share among the candidates; ``confidence`` starts as
    that share and is replaced by the calibrated value once the mention is final.
    ``place_share`` adds the shares of the candidates within ``SAME_PLACE_KM`` of the winner
    (a city and its district are one place to the reader): it decides whether the reading is
    settled enough to be context.
    ``features`` holds each candidate's feature vector (in ``candidates`` order) and
    ``chosen`` the winner's index, for training and inspection."""

    place: GeoPlace | None
    confidence: float
    qualifier: Toponym | None = None  # the "Donetsk Oblast" in "Krasnohorivka, Donetsk Oblast"
    share: float = 0.0
    features: list[list[float]] | None = None
    chosen: int = -1
    facts: list[float] | None = None
    place_share: float = 0.0
    countries: dict[str, float] | None = None  # the candidates' softmax shares summed by country
    qualifies: bool = False  # read as the division holding the place before it ("Atlanta, Georgia")


def qualifier_of(top: Toponym, following: Toponym | None, text: str) -> Toponym | None:
    """The toponym written as '<top>, <following>' (an administrative qualifier), if any."""
    if following is None:
        return None
    gap = text[top.end : following.start]
    return following if gap.strip() in (",", "") and "," in gap else None


def choose(
    top: Toponym,
    qual: list[GeoPlace],
    ctx: Context,
    ranker: Ranker,
    flags: list[tuple[bool, bool, bool]] | None = None,
    memo: _Memo | None = None,
) -> Resolution:
    """The best candidate for ``top`` and its softmax share (``flags``: the candidates'
    ``name_flags``, computed here when not given; ``memo``: a document's ``_Memo`` of
    feature rows and scores, valid while ``ctx`` does not change)."""
    cands = top.candidates
    if not cands:
        return Resolution(None, 0.0)
    key = normalize(top.text)
    flags = name_flags(cands, top.text) if flags is None else flags
    memo = memo or _Memo(ranker, ctx)
    rows, best, share, place_share, countries = memo.choice(top, key, qual, flags)
    return Resolution(
        cands[best], share, share=share, features=rows, chosen=best, place_share=place_share,
        countries=countries,
    )


class _Memo:
    """One document's candidate feature rows and scores, each computed once: a name
    repeated in the article, or read again in the next pass, has the same candidates.
    ``new_context`` forgets what depends on the context when the context changes; what
    does not (``mention_features``) is kept for the whole document."""

    def __init__(self, ranker: Ranker, ctx: Context):
        self.ranker = ranker
        self.ctx = ctx
        self._mention: dict[tuple, tuple] = {}
        self.new_context()

    def new_context(self) -> None:
        self._context: dict[tuple[int, str], tuple] = {}
        self._scored: dict[tuple, tuple[list[float], float]] = {}
        self._chosen: dict[tuple, tuple[list[list[float]], int, float, float, dict[str, float]]] = {}
        self._rest: dict[str, tuple[dict[str, float], list[GeoPlace]]] = {}

    def choice(
        self, top: Toponym, key: str, qual: list[GeoPlace], flags: list[tuple[bool, bool, bool]]
    ) -> tuple[list[list[float]], int, float, float, dict[str, float]]:
        """(feature rows, the winner's index, its softmax share, the share of the candidates
        near it, the shares by country) among ``top``'s candidates; another mention of the
        name with the same candidates and qualifier gets the same."""
        cands = top.candidates
        qual_key = tuple(map(id, qual))
        memo_key = (top.text, top.label, tuple(map(id, cands)), qual_key, tuple(flags))
        found = self._chosen.get(memo_key)
        if found is not None:
            return found
        scored = [self.scored(p, top.label, key, top.text, qual, qual_key, f) for p, f in zip(cands, flags)]
        rows = [row for row, _ in scored]
        scores = [score for _, score in scored]
        best = max(range(len(cands)), key=lambda i: (scores[i], -i))
        weights = [math.exp(s - scores[best]) for s in scores]
        z = sum(weights)
        won = cands[best]
        near = sum(w for p, w in zip(cands, weights) if p is won or _near(p, won, SAME_PLACE_KM))
        countries: dict[str, float] = {}
        for p, w in zip(cands, weights):
            if p.country:
                countries[p.country] = countries.get(p.country, 0.0) + w / z
        found = self._chosen[memo_key] = (rows, best, round(1.0 / z, 4), round(near / z, 4), countries)
        return found

    def scored(
        self, place: GeoPlace, label: str, key: str, text: str, qual: list[GeoPlace], qual_key: tuple,
        flag: tuple[bool, bool, bool],
    ) -> tuple[list[float], float]:
        """(``candidate_features`` row, ranker score) of ``place`` for a mention."""
        mention_key = (id(place), label, text, qual_key)
        found = self._scored.get((mention_key, flag))
        if found is not None:
            return found
        mention = self._mention.get(mention_key)
        if mention is None:
            mention = self._mention[mention_key] = mention_features(place, label, key, text, qual)
        context = self._context.get((id(place), key))
        if context is None:
            rest = self._rest.get(key)
            if rest is None:
                rest = self._rest[key] = self.ctx.without(key)
            context = self._context[(id(place), key)] = context_features(place, self.ctx, rest)
        row = assemble(mention, context, *flag)
        found = self._scored[(mention_key, flag)] = (row, self.ranker.score(row))
        return found


def resolve_all(
    toponyms: list[Toponym], gaz: Gazetteer, text: str, dateline: str | None, ranker: Ranker
) -> list[Resolution]:
    """Resolve every toponym in reading order; returns one Resolution per toponym.

    Pass 1 settles names with one candidate, countries, qualified names and names whose
    priors leave no rival (share > 0.9), giving the document's country weights and anchors;
    pass 2 resolves the rest with that context, pass 3 again with what pass 2 settled.
    Every mention of one name gets the resolution of its best-evidenced mention.
    """
    for top in toponyms:
        top.candidates = _with_country(gaz, top.text, tuple(gaz.lookup(top.text)) or tuple(_fallback(gaz, top.text)))
        if not top.candidates and (top.label == "FAC" or is_facility_name(top.text)):
            top.candidates = tuple(_inside(gaz, top.text))
        top.candidates = _as_written(top)
    ctx = Context()
    if dateline:
        # The dateline names a city the wire desk expects readers to know: the largest one.
        for place in sorted(gaz.lookup(dateline), key=lambda p: (p.is_town, -p.population))[:1]:
            ctx.add_country(place.country, 3)
            ctx.dateline_country = place.country
    quals = [_qualifiers(toponyms, i, text) for i in range(len(toponyms))]
    for i, (top, qual) in enumerate(zip(toponyms, quals, strict=True)):
        if qual:  # "Athens, Ga.": the written state decides among the namesakes
            top.candidates = tuple(p for p in top.candidates if any(contains(q, p) for q in qual))
        elif (within := _in_written_country(toponyms, i, text)) is not None:
            top.candidates = within  # "Ashfield, Nottinghamshire": not the Australian Ashfield
        else:
            top.candidates = _open_water(top)
    flags = _flags(toponyms)
    memo = _Memo(ranker, ctx)
    first = [choose(top, quals[i], ctx, ranker, flags[i], memo) for i, top in enumerate(toponyms)]
    for top, res, q in zip(toponyms, first, quals, strict=True):
        if res.place is None or top.label == "CUR":  # "US dollars" says nothing of where
            continue
        settled = res.place_share > 0.9 and not _rivalled(res.place, top.candidates)
        if res.place.is_country or len(top.candidates) == 1 or q or settled:
            _add_context(ctx, res.place, normalize(top.text))
        elif res.countries:
            # An unsettled name is read by the countries its readings share: "Portsmouth"
            # (0.75 British), "Liverpool" (0.8) and "Newcastle" (a third British) make a
            # British story together though none is settled alone. No anchor: no place is.
            for iso, weight in res.countries.items():
                ctx.add_country(iso, weight, normalize(top.text))
    # Pass 2 reads every name with that context; the towns and divisions it then settles
    # (share > SECOND_PASS_SHARE, no rival) join the context, so a sports report naming ten
    # English towns is read as English even when no town was certain from its priors alone.
    memo.new_context()
    final = [choose(top, quals[i], ctx, ranker, flags[i], memo) for i, top in enumerate(toponyms)]
    known = len(ctx.anchors)
    for top, res in zip(toponyms, final, strict=True):
        place = res.place
        if place is None or top.label == "CUR" or place.is_country or place in ctx.anchors:
            continue
        if res.place_share > SECOND_PASS_SHARE and not _rivalled(place, top.candidates):
            _add_context(ctx, place, normalize(top.text))
    local = False
    for i, top in enumerate(toponyms):
        if not quals[i]:
            kept = _local(top.candidates, ctx.without(normalize(top.text))[1])
            if len(kept) < len(top.candidates):
                top.candidates, flags[i], local = kept, name_flags(kept, top.text), True
    if local or len(ctx.anchors) > known:
        memo.new_context()
        final = [choose(top, quals[i], ctx, ranker, flags[i], memo) for i, top in enumerate(toponyms)]
    for i, res in enumerate(final):
        if quals[i] and res.place is not None and any(contains(q, res.place) for q in quals[i]):
            res.qualifier = toponyms[i + 1]
            _read_as_qualifier(toponyms[i + 1], final, i + 1, res)
    return _one_sense_per_name(toponyms, final)


def _read_as_qualifier(qual: Toponym, results: list[Resolution], j: int, qualified: Resolution) -> None:
    """The qualifier at ``results[j]`` is the division or country that holds the place it
    qualifies: "Georgia" in "Atlanta, Georgia" is the US state, whatever the name alone
    would be read as (the country). The qualified place's share becomes its share."""
    held = results[j].place
    if held is not None and contains(held, qualified.place):
        results[j].qualifies = True
        return
    holders = [p for p in qual.candidates if contains(p, qualified.place)]
    if not holders:
        return
    place = max(holders, key=lambda p: (p.is_admin1, p.population))
    results[j] = Resolution(
        place, qualified.share, share=qualified.share, features=results[j].features,
        chosen=qual.candidates.index(place), place_share=qualified.place_share, qualifies=True,
    )


def name_flags(cands: tuple[GeoPlace, ...], text: str) -> list[tuple[bool, bool, bool]]:
    """(``most_populous_flags``, ``marks_dropped_flags``, ``major_alike_flags``) of each
    candidate of a mention written ``text``: what a candidate's features owe to its
    namesakes."""
    key = normalize(text)
    populous = most_populous_flags(cands, key)
    dropped = marks_dropped_flags(cands, text)
    if any(dropped):
        # The spelling as written is a reading of its own ("Sale" is Sale, Greater Manchester,
        # as much as Salé without its accent): its most populous bearers count as most populous
        # too, and the article decides between the two spellings.
        written = [i for i, p in enumerate(cands) if spelled_as_written(p, text)]
        for i, flag in zip(written, most_populous_flags([cands[i] for i in written], key)):
            populous[i] = populous[i] or flag
    return list(zip(populous, dropped, major_alike_flags(cands, key)))


def _flags(toponyms: list[Toponym]) -> list[list[tuple[bool, bool, bool]]]:
    """``name_flags`` of each toponym's candidates, once per spelling and candidates."""
    seen: dict[tuple, list[tuple[bool, bool, bool]]] = {}
    out = []
    for top in toponyms:
        memo_key = (top.text, tuple(map(id, top.candidates)))
        found = seen.get(memo_key)
        if found is None:
            found = seen[memo_key] = name_flags(top.candidates, top.text)
        out.append(found)
    return out


def _add_context(ctx: Context, place: GeoPlace, name: str) -> None:
    """``place``, the reading of a mention of ``name`` (its lookup key), becomes context."""
    if place.country:
        ctx.add_country(place.country, 1, name)
    if not place.is_country:
        ctx.add_anchor(place, name)


def _near(a: GeoPlace, b: GeoPlace, km: float = NEAR_KM) -> bool:
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def _rivalled(winner: GeoPlace, candidates: tuple[GeoPlace, ...]) -> bool:
    """Another reading of the name is a place of comparable size far from the winner (a
    country, or a town or division of RIVAL_POPULATION+ and at least RIVAL_SHARE of the
    winner's population): "Newcastle" is New South Wales's by population and Tyneside's by
    fame, and only the rest of the article can tell them apart, so the priors alone must not
    make it the document's context. London, Ontario is no rival to London."""
    floor = max(RIVAL_POPULATION, winner.population * RIVAL_SHARE)
    return any(
        p is not winner
        and (p.is_country or p.population >= floor)
        and not _near(p, winner)
        for p in candidates
    )


def _as_written(top: Toponym) -> tuple[GeoPlace, ...]:
    """An acronym in capitals ("EU", "UK") names what it abbreviates, not a place whose own
    name has those letters ("Eu", a town in Normandy), when the gazetteer has both."""
    letters = top.text.replace(".", "")
    if not (letters.isupper() and len(letters) <= 4):
        return top.candidates
    key = normalize(top.text)
    kept = tuple(p for p in top.candidates if normalize(p.name) != key or p.name.isupper())
    return kept or top.candidates


# Open water a short name stands for: "the Atlantic", "the Gulf".
_OPEN_WATER = frozenset({"H.OCN", "H.SEA", "H.GULF"})


def _open_water(top: Toponym) -> tuple[GeoPlace, ...]:
    """An ocean, sea or gulf that the name shortens ("across the Atlantic" for the Atlantic
    Ocean) over small towns and divisions named after it (Atlantic, Iowa; Gulf Province):
    a reader knows the water and not the towns, which need their state written ("Atlantic,
    Iowa": a qualified name never comes here)."""
    key = normalize(top.text)
    water = tuple(p for p in top.candidates if p.feature in _OPEN_WATER and normalize(p.name) != key)
    if not water:
        return top.candidates
    rest = [p for p in top.candidates if p.feature not in _OPEN_WATER]
    if any(p.is_country or p.population >= RIVAL_POPULATION for p in rest):
        return top.candidates
    return water


def _local(cands: tuple[GeoPlace, ...], anchors: list[GeoPlace]) -> tuple[GeoPlace, ...]:
    """The readings of a name that lie inside a city the rest of the article has settled
    (within LOCAL_KM of a resolved town of LOCAL_CITY+): "the West End" of a London story is
    London's, not Vancouver's, and "Kensington" is London's, not Liverpool's. A name that
    also names a country, a first-level division or a town of 100,000+ elsewhere, larger
    than every reading inside the city, keeps all its readings: a reader knows those
    whatever the story is about ("Stoke" is Stoke-on-Trent, not a village near Liverpool)."""
    cities = [a for a in anchors if a.is_town and a.population >= LOCAL_CITY]
    if not cities or len(cands) < 2:
        return cands
    local = tuple(
        p for p in cands if not (p.is_country or p.is_admin1) and any(_near(p, a, LOCAL_KM) for a in cities)
    )
    if not local or len(local) == len(cands):
        return cands
    largest = max(max(p.population for p in local), RIVAL_POPULATION)
    if any(p.is_country or p.is_admin1 or p.population >= largest for p in cands if p not in local):
        return cands
    return local


def _in_written_country(toponyms: list[Toponym], i: int, text: str) -> tuple[GeoPlace, ...] | None:
    """The candidates of town ``i`` in the country of the division or country written after
    it, when that qualifier holds none of them by the gazetteer's divisions (which know a
    town's first-level division only: "Burnley, Lancashire" is not seen inside Lancashire):
    "in Ashfield, Nottinghamshire", where the gazetteer knows only the Ashfields of
    Australia and Massachusetts, leaves none (the Ashfield meant is one it lacks). None when
    no such qualifier stands there: only for a name every candidate of which is a town,
    followed by one every candidate of which is a division or a country, that ends the list
    ("Sydney, Victoria and Queensland" names three places, not Sydney in Victoria)."""
    top = toponyms[i]
    following = toponyms[i + 1] if i + 1 < len(toponyms) else None
    qual = qualifier_of(top, following, text)
    if qual is None or not top.candidates or not qual.candidates:
        return None
    if not all(p.is_town for p in top.candidates):
        return None
    if not all(q.is_country or q.feature.startswith("A.ADM") for q in qual.candidates):
        return None
    if _LIST_GOES_ON.match(text, qual.end):
        return None
    countries = {q.country for q in qual.candidates}
    return tuple(p for p in top.candidates if p.country in countries)


# After a place: another name of a list (", Leeds", " and Leeds", " & Leeds").
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|&|or\b)\s*[A-Z]")


def _qualifiers(toponyms: list[Toponym], i: int, text: str) -> list[GeoPlace]:
    """Candidates of the qualifier after toponym ``i`` that could contain one of its own.
    None for an item of a list, written after a place it does not qualify: "London,
    Frankfurt, New York and San Francisco" names four cities, not Frankfort, New York."""
    following = toponyms[i + 1] if i + 1 < len(toponyms) else None
    qual = qualifier_of(toponyms[i], following, text)
    if qual is None or (i > 0 and _listed_after(toponyms[i - 1], toponyms[i], text)):
        return []
    return [q for q in qual.candidates if any(contains(q, p) for p in toponyms[i].candidates)]


def _listed_after(before: Toponym, top: Toponym, text: str) -> bool:
    """True when ``top`` follows ``before`` after a comma without holding it: the next item
    of a list ("London, Frankfurt"), not its qualifier ("Atlanta, Georgia")."""
    if qualifier_of(before, top, text) is None:
        return False
    return not any(contains(q, p) for q in top.candidates for p in before.candidates)


def _with_country(gaz: Gazetteer, name: str, candidates: tuple[GeoPlace, ...]) -> tuple[GeoPlace, ...]:
    """``candidates`` and the country ``name`` is a name of in ``countries.tsv`` when
    GeoNames' names miss it ("Trinidad", "Bosnia", "Ceylon", "Zaire": 23 of the list's
    names; "Trinidad" alone found only towns in Bolivia, Cuba and the Philippines)."""
    country = country_by_name(name)
    place = gaz.country(country.iso2) if country is not None else None
    if place is None or any(c.geonames_id == place.geonames_id for c in candidates):
        return candidates
    return (place, *candidates)


def _fallback(gaz: Gazetteer, name: str) -> list[GeoPlace]:
    """Candidates for spellings the gazetteer lacks: 'X City', 'X County', 'X region', and
    'X-Y' for the division 'X-Y County'."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in DIVISION_SUFFIXES:
        return gaz.lookup(" ".join(words[:-1]))
    if "-" in name:  # "Miami-Dade": a second-order division written without "County"
        return division_without_word(name, gaz)
    return []


def _inside(gaz: Gazetteer, name: str) -> list[GeoPlace]:
    """Candidates for the place a facility's name starts with ("Colchester Hospital",
    "Cook County Sheriff's Office", "Belfast Magistrate's Court"): the longest leading run
    of capitalised words that is the main name of a town or division, so the facility is
    put where that place is. Streets get none: "Atlantic Avenue" is not in Atlantic."""
    words = name.replace("'s", "").replace("’s", "").split()
    if not words or words[-1].lower() in NOT_SEATS:
        return []
    for size in range(len(words) - 1, 0, -1):
        run = words[:size]
        lowered = [w.lower() for w in run]
        if not all(w[:1].isupper() for w in run) or any(
            w in FACILITY_HEADS or w in NEVER_PLACES for w in lowered
        ):
            continue
        key = normalize(" ".join(run))
        if len(key) < 4 or (size == 1 and (is_common_word(run[0]) or lowered[0] in _nationalities())):
            continue  # "Welsh Office" is no office in Welsh, Louisiana
        places = [
            p
            for p in gaz.lookup_key(key)
            if (p.is_town or p.is_admin1 or p.is_admin2) and normalize(p.name) == key
        ]
        if places:
            return places
    return []


@cache
def _nationalities() -> frozenset[str]:
    """Lower-case nationality words: the demonyms of ``countries.tsv`` and the NORP rows of
    ``lexicons/locations.tsv`` ("welsh", "scottish")."""
    from newsgraph.resources.countries import demonyms

    listed = (row.split("\t") for row in entries("lexicons/locations.tsv"))
    return frozenset(demonyms()) | frozenset(cols[0].lower() for cols in listed if len(cols) > 1 and cols[1] == "NORP")


def _one_sense_per_name(toponyms: list[Toponym], results: list[Resolution]) -> list[Resolution]:
    """Give every mention of a name the resolution of its most confident mention, so a
    qualified first mention ("Paris, Texas") decides the bare later ones ("Paris"). A
    qualified mention, and a qualifier read by the place it qualifies, keep their own
    readings ("Paris, Texas" beside "Paris, France"; "Atlanta, Georgia" beside "Tbilisi,
    Georgia")."""
    best: dict[str, Resolution] = {}
    for top, res in zip(toponyms, results, strict=True):
        key = normalize(top.text)
        held = best.get(key)
        if res.place is not None and (held is None or (_qualified(res), res.share) > (_qualified(held), held.share)):
            best[key] = res
    out = []
    for top, res in zip(toponyms, results, strict=True):
        own = res.place is not None and _qualified(res)
        chosen = res if own else best.get(normalize(top.text), res)
        index = _index(top, chosen)
        out.append(
            Resolution(
                chosen.place, chosen.confidence, res.qualifier, chosen.share, res.features, index,
                place_share=chosen.place_share, qualifies=chosen.qualifies,
            )
        )
    return out


def _qualified(res: Resolution) -> bool:
    """True for a reading its written neighbour decided: a qualified name or a qualifier."""
    return res.qualifier is not None or res.qualifies


def _index(top: Toponym, chosen: Resolution) -> int:
    """The chosen place's index among ``top``'s candidates (-1 when it is not one)."""
    return top.candidates.index(chosen.place) if chosen.place in top.candidates else -1
