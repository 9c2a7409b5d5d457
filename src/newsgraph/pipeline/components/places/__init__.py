"""``newsgraph.places.v1``: find every toponym, put it on the map, relate and rank places.

Local and in-process: the gazetteer ships with the package (resources/geonames, GeoNames
CC BY 4.0) and loads once per process. See docs/places.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from collections import Counter, defaultdict

from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.places.recognize import (
    Toponym,
    extend_divisions,
    extend_facilities,
    from_entities,
    join_compounds,
    split_compounds,
    is_facility_name,
    from_gazetteer,
    hyphened_to_organisation,
    is_common_word,
    entity_person_words,
    person_words,
    Clubs,
    not_place_spans,
    plausible,
    DocumentTypes,
)
from newsgraph.pipeline.components.places.relations import Mention, border_relations, part_of_relations
from newsgraph.pipeline.components.places.rank import Ranker, fact_features, load_ranker, shipped_ranker
from newsgraph.pipeline.components.places.resolve import Resolution, contains, resolve_all
from newsgraph.pipeline.document import Document
from newsgraph.pipeline.shared.line_ups import line_up_items
from newsgraph.record import Place, Span
from newsgraph.resources import words
from newsgraph.resources.geonames import Gazetteer, GeoPlace, gazetteer, normalize

COMPONENT = "newsgraph.places.v1"
LEAD_CHARS = 400  # the lead: title, dateline and first sentence or two


class PlaceResolver(Component):
    """Toponyms -> ``doc.places`` (one ``Place`` per distinct place, with all its mentions),
    ``borders``/``part_of`` relations in ``doc.relations``, and the article's focus.

    ``gazetteer_matching``: also take capitalised names the gazetteer knows that the entity
    recogniser missed. ``min_confidence``: below it (calibrated) a toponym stays unresolved.
    ``weights``: a candidate-ranker weights file (default: the shipped
    ``resources/geonames/ranker.json``, see ``rank.py``). ``clubs_as_places``: false drops
    a town's name that the entities component types as an organisation in a sports report
    ("Liverpool beat Chelsea": the club), unless it is written as a location; true (the
    default) keeps it as GeoWebNews does, a metonymic toponym.
    Focus goes to ``Place.focus`` and ``doc.extras["focus"]`` (``countries``, ``places``).
    """

    name = COMPONENT
    requires = ("text", "spacy", "entities", "metadata")
    assigns = ("places", "relations", "entities.kb", "extras.focus")

    def __init__(
        self, gazetteer_matching: bool = True, min_confidence: float = 0.0, weights: str | None = None,
        clubs_as_places: bool = True,
    ):
        self.gazetteer_matching = gazetteer_matching
        self.clubs_as_places = clubs_as_places
        self.min_confidence = min_confidence
        # Fail when built, not on the first article, if a weights file is unreadable.
        self.ranker = load_ranker(Path(weights)) if weights else shipped_ranker()

    def __call__(self, doc: Document) -> Document:
        gaz = gazetteer()
        toponyms, results = self.resolve(doc, gaz)
        places = _group(doc, toponyms, results)
        _link_entities(doc, toponyms, results)
        mentions = [
            Mention(t, r.place, _ref(doc, t, r.place))
            for t, r in zip(toponyms, results, strict=True)
            if r.place
        ]
        sentences = (
            [(s.start_char, s.end_char) for s in doc.spacy.sents]
            if doc.spacy is not None
            else [(0, len(doc.text))]
        )
        doc.relations.extend(part_of_relations(mentions, results, doc.text))
        doc.relations.extend(border_relations(mentions, sentences, doc.text))
        places, focus = _focus(doc, places, gaz)
        doc.places.extend(places)
        doc.extras["focus"] = focus
        return doc

    def resolve(
        self, doc: Document, gaz: Gazetteer | None = None, ranker: Ranker | None = None
    ) -> tuple[list[Toponym], list[Resolution]]:
        """The document's toponyms and their resolutions (calibrated confidence), without
        changing ``doc``; ``ranker`` overrides the component's (cross-validation)."""
        gaz = gaz or gazetteer()
        ranker = ranker or self.ranker
        toponyms = self.toponyms(doc, gaz)
        results = resolve_all(toponyms, gaz, doc.text, doc.metadata.dateline, ranker)
        _countries_of_entities(doc, toponyms, results, gaz)
        _calibrate(toponyms, results, ranker)
        results = [
            r if r.confidence >= self.min_confidence else Resolution(None, r.confidence) for r in results
        ]
        toponyms, results = _drop_stray_words(toponyms, results)
        toponyms, results = _drop_line_ups(toponyms, results, doc.text)
        toponyms, results = _drop_abbreviations(toponyms, results, doc.text)
        toponyms, results = _drop_adjectives(toponyms, results, doc.text)
        return _drop_unplaced(toponyms, results, *_institutions(doc))

    def toponyms(self, doc: Document, gaz: Gazetteer) -> list[Toponym]:
        """Every toponym in reading order, entities first, gazetteer matches around them."""
        found = split_compounds(_drop_demonyms(from_entities(doc, doc.spacy), gaz), gaz)
        found, hyphened = hyphened_to_organisation(found, doc.entities, doc.text, gaz)
        extend_divisions(found, doc.text, gaz)
        persons = person_words(doc.spacy, doc.text) | entity_person_words(doc.entities, doc.text)
        found = [t for t in found if plausible(t, gaz, persons)]
        if self.gazetteer_matching:
            clubs = Clubs(doc.entities, doc.text)  # reads whether this is a sports report once
            found += from_gazetteer(
                doc.spacy, gaz, [(t.start, t.end) for t in found], doc.text, persons,
                not_place_spans(doc.entities, doc.text) + hyphened,
                None if self.clubs_as_places else clubs, DocumentTypes(doc.entities, clubs),
            )
        found.sort(key=lambda t: (t.start, -t.end))
        out: list[Toponym] = []
        for top in found:
            if out and top.start < out[-1].end:
                continue
            out.append(top)
        out = join_compounds(out, doc.text, gaz)
        extend_facilities(out, doc.text)
        return out


def _drop_demonyms(toponyms: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """spaCy sometimes tags 'European' or 'Kurdish' GPE; a demonym names a people, not a place
    (CLIFF sends "European" to an Arizona mine)."""
    from newsgraph.resources.countries import country_by_demonym

    out = []
    for top in toponyms:
        # (the gazetteer first: most toponyms are in it, and it answers faster)
        if top.text[:1].isupper() and gaz.lookup(top.text) == [] and country_by_demonym(top.text) is not None:
            continue
        if (
            top.text.endswith(("ean", "ian", "ish", "ese"))
            and top.label == "GPE"
            and not gaz.lookup(top.text)
        ):
            continue
        out.append(top)
    return out


def _countries_of_entities(doc: Document, toponyms: list[Toponym], results: list[Resolution], gaz: Gazetteer) -> None:
    """A mention of an entity the entities component linked to a country (``iso3166``) that
    the ranker put in a town of another country is the country: "Colombia" in "Argentina,
    Brazil, Chile, Colombia, Mexico and Venezuela" went to a town of Mexico. A division
    the ranker chose stays ("Atlanta, Georgia" may be the state whatever the entities'
    list of countries says), and so do city-states (Singapore, Hong Kong: the same
    country)."""
    if not doc.entities:
        return
    for top, res in zip(toponyms, results, strict=True):
        if res.place is None:
            continue
        entity = doc.entity_by_id(top.entity) if top.entity else doc.entity_at(top.start, top.end)
        iso = entity.kb.get("iso3166") if entity is not None and entity.kb else None
        if iso and res.place.country != iso and res.place.feature.startswith("P."):
            country = gaz.country(iso)
            if country is not None:
                res.place = country


def _calibrate(toponyms: list[Toponym], results: list[Resolution], ranker: Ranker) -> None:
    """Set each resolved mention's calibrated confidence (and keep its inputs in ``facts``)."""
    counts = Counter(normalize(t.text) for t in toponyms)
    for top, res in zip(toponyms, results, strict=True):
        if res.place is None:
            continue
        res.facts = fact_features(
            res.share,
            top.source,
            top.label,
            res.place,
            len(top.candidates),
            res.qualifier is not None,
            " " not in top.text and is_common_word(top.text),
            counts[normalize(top.text)],
        )
        res.confidence = round(ranker.confidence(res.facts, res.share), 4)


def _drop_unplaced(
    toponyms: list[Toponym],
    results: list[Resolution],
    institutions: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
):
    """A name the gazetteer cannot place is no place ("Wavepiston", "UConn" tagged GPE),
    except a facility's own name ("Barclays Center", "Royal Street"): spaCy's FAC, kept as
    an unresolved place; so is a name that ends like one ("Atlantic Avenue" tagged GPE).
    An organisation's name (``institutions``: the ids of ORG and PERSON entities) that ends
    like a facility, holds no place and no proper name, only everyday words ("Supreme Court",
    "Foreign Office", "Catholic Church"), is the institution, not a site on the map; a word
    of a person's name in ``people`` is a proper name ("Trump Tower")."""
    kept = [
        (t, r)
        for t, r in zip(toponyms, results, strict=True)
        if r.place is not None
        or (
            (t.label == "FAC" or is_facility_name(t.text))
            and not (t.entity in institutions and _generic_name(t.text, people))
        )
    ]
    return [t for t, _ in kept], [r for _, r in kept]


def _generic_name(name: str, people: frozenset[str]) -> bool:
    """Every capitalised word of ``name`` is an everyday English word and no word of a
    person's name ("High Court", "Secretary of State's Office"): it names no particular site."""
    words = [w.replace("’s", "").replace("'s", "") for w in name.split() if w[:1].isupper()]
    return bool(words) and all(is_common_word(w) and w not in people for w in words)


def _institutions(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """The ids of the document's ORG and PERSON entities, and the words of its people's names."""
    ids = frozenset(e.id for e in doc.entities if e.type in ("ORG", "PERSON"))
    people = frozenset(w for e in doc.entities if e.type == "PERSON" for w in e.name.split())
    return ids, people


def _drop_abbreviations(toponyms: list[Toponym], results: list[Resolution], text: str):
    """An acronym in brackets after a name ("Ministry of Economy, Trade and Industry
    (METI)") abbreviates that name: it is no town that happens to be spelled so (Méti),
    unless it names a country or first-level division ("(UK)", "(NSW)"); a dateline in
    brackets ("(NEW YORK)") is no acronym."""
    keep_t, keep_r = [], []
    for top, res in zip(toponyms, results, strict=True):
        bracketed = text[top.start - 1 : top.start] == "(" and text[top.end : top.end + 1] == ")"
        if bracketed and top.text.isupper() and " " not in top.text and not (
            res.place is not None and (res.place.is_country or res.place.is_admin1)
        ):
            continue
        keep_t.append(top)
        keep_r.append(res)
    return keep_t, keep_r


def _drop_stray_words(toponyms: list[Toponym], results: list[Resolution]):
    """Drop one-word toponyms that are everyday English words ("Centre", "Valley", "Trend")
    unless they resolve to a country, a continent, a curated feature, a city of 100,000+
    or a place in a country whose name or divisions the article mentions."""
    named = {
        r.place.country for r in results if r.place is not None and (r.place.is_country or r.place.is_admin1)
    }
    keep_t, keep_r = [], []
    for top, res in zip(toponyms, results, strict=True):
        place = res.place
        stray = (
            " " not in top.text
            and is_common_word(top.text)
            and not (
                place is not None
                and (
                    place.is_country
                    or not (place.is_town or place.is_admin1 or place.is_admin2)
                    or (place.is_town and place.population >= 100_000)
                    or place.country in named
                )
            )
        )
        # Unresolved acronyms and model numbers ("V8", "ICON") are products and firms.
        code_like = place is None and (
            any(ch.isdigit() for ch in top.text)
            or (top.text.isupper() and len(top.text.replace(".", "")) <= 5)
        )
        if not stray and not code_like:
            keep_t.append(top)
            keep_r.append(res)
    return keep_t, keep_r


def _drop_line_ups(toponyms: list[Toponym], results: list[Resolution], text: str):
    """Drop one-word towns and small divisions named in a line of people, a team sheet
    ("Murphy, Palmer (capt), Morgan, Parks"): a line of short capitalised names
    (``line_up_items``), fewer than half of them toponyms, is surnames; a town among them
    is a namesake. A list of places ("Bath, Swindon, Exeter, Truro, Yeovil and Taunton")
    keeps its towns, and countries and big cities keep their place in a line-up ("Joel
    Jutge (France)")."""
    starts = [t.start for t in toponyms]
    drop: set[int] = set()
    for k, (top, res) in enumerate(zip(toponyms, results, strict=True)):
        place = res.place
        if place is None or " " in top.text or place.is_country or place.is_admin1 or place.population >= 100_000:
            continue
        items = line_up_items(text, top.start)
        placed = sum(1 for start, end in items if bisect_left(starts, start) < len(starts)
                     and starts[bisect_left(starts, start)] < end)
        if items and placed * 2 < len(items):
            drop.add(k)
    if not drop:
        return toponyms, results
    keep = [k for k in range(len(toponyms)) if k not in drop]
    return [toponyms[k] for k in keep], [results[k] for k in keep]


_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([a-z]+)")
# Words after which a feature's short name is an adjective about countries or peoples.
_PEOPLE_NOUNS = words("lexicons/places/people_nouns.txt")


def _drop_adjectives(toponyms: list[Toponym], results: list[Resolution], text: str):
    """Drop adjectival uses of a feature's short name about countries: "the Baltic
    country's move" names no sea (it reached the Baltic Sea only through its alias
    "Baltic"); "Baltic coast" does."""
    keep_t, keep_r = [], []
    for top, res in zip(toponyms, results, strict=True):
        # A feature reached through its short name ("Baltic" for the Baltic Sea), whichever
        # candidate won (cities500 also knows a village called Baltic).
        short = [
            c
            for c in top.candidates
            if not (c.is_town or c.is_country or c.is_admin1) and normalize(c.name) != normalize(top.text)
        ]
        # An acronym ("EU") is no adjectival short name: "EU countries" names the union.
        if res.place is not None and " " not in top.text and short and not top.text.isupper():
            after = _NEXT_WORD.match(text, top.end)
            if after and after.group(1) in _PEOPLE_NOUNS:
                continue
        keep_t.append(top)
        keep_r.append(res)
    return keep_t, keep_r


def _ref(doc: Document, top: Toponym, place: GeoPlace | None) -> str:
    """How relations name a place: its entity id, else its gazetteer name, else the text."""
    if top.entity:
        return top.entity
    entity = doc.entity_at(top.start, top.end) if doc.entities else None
    if entity is not None and entity.type in ("GPE", "LOC", "FAC"):
        return entity.id
    return place.name if place is not None else top.text


def _group(doc: Document, toponyms: list[Toponym], results: list[Resolution]) -> list[Place]:
    """One Place per resolved GeoNames entry (or per unresolved name), mentions in order."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, (top, res) in enumerate(zip(toponyms, results, strict=True)):
        key = ("id", res.place.geonames_id) if res.place else ("name", normalize(top.text))
        groups[key].append(i)
    places = []
    for indices in groups.values():
        tops = [toponyms[i] for i in indices]
        res = results[indices[0]]
        place = res.place
        entity = next((t.entity for t in tops if t.entity), None)
        if entity is None and doc.entities:
            hit = doc.entity_at(tops[0].start, tops[0].end)
            entity = hit.id if hit is not None and hit.type in ("GPE", "LOC", "FAC") else None
        places.append(
            Place(
                entity=entity,
                name=place.name if place else tops[0].text,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                geonames_id=place.geonames_id if place and place.geonames_id > 0 else None,
                country=(place.country or None) if place else None,
                feature=place.feature if place else None,
                mentions=[Span(start=t.start, end=t.end) for t in tops],
                confidence=max(results[i].confidence for i in indices) if place else None,
                resolved=place is not None,
                admin1=(place.admin1 or None) if place else None,
                source="ner" if any(t.source == "ner" for t in tops) else "gazetteer",
                component=COMPONENT,
            )
        )
    places.sort(key=lambda p: p.mentions[0].start)
    return places


def _link_entities(doc: Document, toponyms: list[Toponym], results: list[Resolution]) -> None:
    """Write the GeoNames id (and ISO code for countries) into the entities resolved here.

    An entity the entities component linked to a country by its name alone is relinked
    when every mention of it was read here as the division its written neighbour puts it
    in ("Atlanta, Georgia": the US state, not the country)."""
    readings: dict[str, set[int]] = defaultdict(set)
    qualifiers: dict[str, GeoPlace] = {}
    for top, res in zip(toponyms, results, strict=True):
        if res.place is None or res.place.geonames_id <= 0:
            continue
        entity = doc.entity_by_id(top.entity) if top.entity else None
        if entity is None and doc.entities:
            entity = doc.entity_at(top.start, top.end)
        if entity is None or entity.type not in ("GPE", "LOC", "FAC"):
            continue
        readings[entity.id].add(res.place.geonames_id)
        if res.qualifies and not res.place.is_country:
            qualifiers[entity.id] = res.place
        if "geonames" not in entity.kb:
            entity.kb["geonames"] = res.place.geonames_id
            if res.place.is_country and "iso3166" not in entity.kb:
                entity.kb["iso3166"] = res.place.country
    for entity_id, place in qualifiers.items():
        entity = doc.entity_by_id(entity_id)
        if readings[entity_id] == {place.geonames_id} and entity.kb.get("iso3166") not in (None, place.country):
            entity.kb.pop("iso3166")
            entity.kb["geonames"] = place.geonames_id
            entity.country = place.country or None


def _place_score(place: Place, doc: Document) -> float:
    """Salience: mentions, plus the lead and the dateline (where the story happens)."""
    score = float(len(place.mentions))
    if any(m.start < LEAD_CHARS for m in place.mentions):
        score += 1.5
    dateline = doc.metadata.dateline
    if (
        dateline
        and normalize(dateline) == normalize(place.name)
        or dateline
        and any(normalize(doc.text[m.start : m.end]) == normalize(dateline) for m in place.mentions[:1])
    ):
        score += 3.0
    return score


def _focus(doc: Document, places: list[Place], gaz: Gazetteer) -> tuple[list[Place], dict]:
    """Mark the places the story is about; returns the places and the focus summary."""
    import msgspec

    scores = {id(p): _place_score(p, doc) for p in places}
    countries: Counter = Counter()
    for p in places:
        if not p.resolved or not p.country:
            continue
        own = p.feature in ("A.PCLI", "A.PCLH")
        countries[p.country] += scores[id(p)] if own else 0.5 * scores[id(p)]
    focus_countries = []
    if countries:
        top = max(countries.values())
        focus_countries = [c for c, s in countries.most_common() if s >= 0.5 * top and s >= 2.0]
    local = [p for p in places if p.resolved and p.feature not in ("A.PCLI", "A.PCLH", "L.CONT")]
    focus_places = []
    if local:
        top = max(scores[id(p)] for p in local)
        focus_places = [p for p in local if scores[id(p)] >= max(2.0, 0.6 * top)]
    chosen = {id(p) for p in focus_places}
    chosen |= {id(p) for p in places if p.feature == "A.PCLI" and p.country in focus_countries}
    out = [msgspec.structs.replace(p, focus=True) if id(p) in chosen else p for p in places]
    summary = {
        "countries": focus_countries,
        "places": [p.name for p in focus_places],
    }
    return out, summary


__all__ = ["PlaceResolver", "contains"]
