"""Toponym recognition: spaCy's GPE/LOC/FAC entities, tidied, plus gazetteer matches the
model missed, filtered so person names, demonyms and organisations are not taken for places.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH

from newsgraph.pipeline.bounded import WORDS
from newsgraph.pipeline.components.entities.companies import (
    companies,
    company_cued,
    company_kind,
    reads_as_company,
    the_place,
)
from newsgraph.pipeline.components.entities.gazetteer import person_titles
from newsgraph.pipeline.components.entities.mentions import any_given_name, surname_ranks
from newsgraph.pipeline.components.places.rank import MAJOR_CITY, spelling_of
from newsgraph.pipeline.shared.parse import columns, ent_spans
from newsgraph.resources import entries, words
from newsgraph.resources.geonames import Gazetteer, GeoPlace, gazetteer, normalize

PLACE_LABELS = ("GPE", "LOC", "FAC")
MAX_TOKENS = 5
# Words before a name that make it a place: "in Kramatorsk", "south of Krasnohorivka".
PLACE_CUES = words("lexicons/places/place_cues.txt")
# Words that turn a capitalised token into a non-place however the gazetteer spells it.
NEVER_PLACES = words("lexicons/places/never_places.txt")
# Currency nouns a country's name modifies inside an amount ("US dollars").
CURRENCY_WORDS = words("lexicons/places/currency_words.txt")
# Tokens that end facility names spaCy labels ORG ("Colchester Hospital", "City Hall").
FACILITY_HEADS = words("lexicons/places/facility_heads.txt")


# Lower-case particles of people's names ("Pieter van Dam", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"van", "von", "der", "de", "den", "da", "di", "du", "le", "la", "bin", "al", "el", "ter"})


def is_facility_name(name: str) -> bool:
    """An organisation name that names a building or site: "Colchester Hospital",
    "Meydan Racecourse", "Buckland Elementary School"."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().strip(".,") in FACILITY_HEADS


@dataclass
class Toponym:
    """A place name in the text: ``[start, end)`` into ``doc.text``; ``label`` is the spaCy
    label it came with (or ``GAZ``); ``source`` is ``ner`` or ``gazetteer``."""

    start: int
    end: int
    text: str
    label: str
    source: str
    entity: str | None = None
    candidates: tuple[GeoPlace, ...] = ()


@cache
def _common_word_threshold() -> float:
    return 4.3


@lru_cache(maxsize=WORDS)  # keyed by the words met: capped (pipeline/bounded.py)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_common_word(word: str) -> bool:
    """True for everyday English words that are also town names ("Reading", "Mobile")."""
    return " " not in word and _zipf(word.lower()) >= _common_word_threshold()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the', a trailing possessive and surrounding punctuation."""
    span = text[start:end]
    for article in ("the ", "The ", "THE "):
        if span.startswith(article) and len(span) > len(article):
            start += len(article)
            span = span[len(article) :]
    for suffix in ("'s", "’s", "'", "’"):
        if span.endswith(suffix) and len(span) > len(suffix) + 1:
            end -= len(suffix)
            span = span[: -len(suffix)]
    while span and span[-1] in ',;:-–—("“”':
        end -= 1
        span = span[:-1]
    while span and span[0] in ',;:-–—)"“”':
        start += 1
        span = span[1:]
    return start, end


def from_entities(doc, sdoc) -> list[Toponym]:
    """Toponyms from ``doc.entities`` (when the entities component ran) or spaCy's ents."""
    text = doc.text
    found: list[Toponym] = []
    if doc.entities:
        for entity in doc.entities:
            # Organisations and people whose name ends in a facility word are facilities:
            # "Colchester Hospital", and "Trump Tower" or "Meydan Racecourse" tagged PERSON.
            facility = entity.type in ("ORG", "PERSON") and is_facility_name(entity.name)
            if facility and entity.type == "PERSON" and (entity.roles or _NAME_PARTICLES & set(entity.name.lower().split())):
                facility = False  # "Dutch Economy Minister Pieter van Dam": a person with an office or a "van"
            if entity.type not in PLACE_LABELS and not facility:
                continue
            for m in entity.mentions:
                start, end = trim(text, m.start, m.end)
                if end > start and (not facility or is_facility_name(text[start:end])):
                    found.append(
                        Toponym(
                            start, end, text[start:end], "FAC" if facility else entity.type, "ner", entity.id
                        )
                    )
        return found
    if sdoc is None:
        return found
    for ent in sdoc.ents:
        if ent.label_ in PLACE_LABELS:
            start, end = trim(text, ent.start_char, ent.end_char)
            if end > start:
                found.append(Toponym(start, end, text[start:end], ent.label_, "ner"))
        elif ent.label_ == "ORG" and is_facility_name(ent.text):
            start, end = trim(text, ent.start_char, ent.end_char)
            found.append(Toponym(start, end, text[start:end], "FAC", "ner"))
    return found


_DIVISION_WORDS = entries("lexicons/places/division_words.txt")
# Lower-case words a multi-word place name may hold inside it ("Bosnia and Herzegovina").
NAME_LINKS = entries("lexicons/places/name_links.txt")


def extend_divisions(toponyms: list[Toponym], text: str, gaz: Gazetteer) -> None:
    """Grow "Kaliningrad" into "Kaliningrad region" when the gazetteer knows the longer
    name (NER often stops before the division word)."""
    for top in toponyms:
        rest = text[top.end : top.end + 14]
        for word in _DIVISION_WORDS:
            if rest.startswith(" " + word) and not rest[len(word) + 1 : len(word) + 2].isalpha():
                longer = text[top.start : top.end + 1 + len(word)]
                if longer in gaz:
                    top.end += 1 + len(word)
                    top.text = longer
                break


def person_words(sdoc, text: str | None = None) -> set[str]:
    """Every token of the document's multi-word PERSON entities ("Nelson" of "Willie
    Nelson"); one-word PERSON entities are too often misread places ("Douma"). ``text`` is
    the parsed text, when the caller has it (tokens are then read as slices of it)."""
    if sdoc is None:
        return set()
    spans = [(start, end) for start, end, label in ent_spans(sdoc) if label == "PERSON" and end - start > 1]
    if text is None:
        return {sdoc[i].text for start, end in spans for i in range(start, end)}
    cols = columns(sdoc)
    idx, length = cols.list(IDX), cols.list(LENGTH)
    return {text[idx[i] : idx[i] + length[i]] for start, end in spans for i in range(start, end)}


def entity_person_words(entities, text: str) -> set[str]:
    """Every word of the entities component's people written with two words or more
    ("Lucas" of "Caroline Lucas"), and their one-word mentions that read as a person's name
    (``_name_not_division``: "Bush" of "the Bush administration", "Rafa", "Jackson" in a
    line-up): its types have read the whole document, where spaCy's label
    (``person_words``) is one mention's. Other one-word "people" are as often places the
    component misread ("Shrewsbury, Dorset and Torbay") and are left to the gazetteer."""
    found: set[str] = set()
    single: set[str] = set()
    for e in entities or ():
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            words = text[m.start : m.end].split()
            (found if len(words) > 1 else single).update(words)
    return found | {w for w in single - found if _name_not_division(w)}


def _name_not_division(word: str) -> bool:
    """``word`` is a surname or a given name of the name lists (the Census's, Faker's)
    and names no country or division ("Kent", "Devon" are counties first)."""
    key = word.lower()
    if key not in surname_ranks() and not any_given_name(key):
        return False
    return not any(p.is_country or p.is_admin1 or p.is_admin2 for p in gazetteer().lookup(word))


def plausible(top: Toponym, gaz: Gazetteer, persons: set[str]) -> bool:
    """Drop NER toponyms that cannot be places: lower-case starts ("n't"), compass words,
    and names the article also uses for a person, unless they name a country or region."""
    if not top.text[:1].isupper() and not top.text[:1].isdigit():
        return False
    words = top.text.lower().split()
    if len(words) == 1 and words[0] in NEVER_PLACES:
        return False
    if top.text in persons:
        return any(not p.is_town or p.population >= 20000 for p in gaz.lookup(top.text))
    return True


def hyphened_to_organisation(
    toponyms: list[Toponym], entities, text: str, gaz: Gazetteer
) -> tuple[list[Toponym], list[tuple[int, int, bool]]]:
    """Toponyms joined by a hyphen to an organisation mention of the entities component
    are part of its name: "Dyfed" of "Dyfed-Powys Police" (read as a place and "Powys
    Police") opens the force's name, as "Powys" does. Returns the other toponyms and the
    dropped ones' spans (as ``not_place_spans`` gives them, for the gazetteer pass). Places
    joined to each other ("Amsterdam-London") stay, and so do a country or first-level
    division ("the Nigeria-Ukraine Business Forum" names the country) and a name the
    gazetteer knows with the word across the hyphen ("Gilgit-Baltistan")."""
    if not toponyms or "-" not in text:
        return toponyms, []
    starts, ends = set(), set()
    for entity in entities or ():
        if entity.type == "ORG":
            for m in entity.mentions:
                starts.add(m.start)
                ends.add(m.end)
    kept, dropped = [], []
    for t in toponyms:
        after = text[t.end : t.end + 1] == "-" and t.end + 1 in starts
        before = t.start > 0 and text[t.start - 1] == "-" and t.start - 1 in ends
        if (after or before) and not _state_or_whole(t, text, gaz, after):
            dropped.append((t.start, t.end, True))
        else:
            kept.append(t)
    return kept, dropped


def _state_or_whole(top: Toponym, text: str, gaz: Gazetteer, after: bool) -> bool:
    """``top`` names a country or first-level division, or the gazetteer knows it joined
    by the hyphen to the word on the other side."""
    if any(p.is_country or p.is_admin1 for p in gaz.lookup(top.text)):
        return True
    if after:
        word = re.match(r"[^\W\d_]+", text[top.end + 1 :])
        whole = text[top.start : top.end + 1 + (word.end() if word else 0)]
    else:
        word = re.search(r"[^\W\d_]+$", text[: top.start - 1])
        whole = text[(word.start() if word else top.start - 1) : top.end]
    return gaz.has_key(normalize(whole))


def _span_labels(sdoc) -> list[str]:
    """The entity label of each token ('' outside entities)."""
    labels = [""] * len(sdoc)
    for start, end, label in ent_spans(sdoc):
        for i in range(start, end):
            labels[i] = label
    return labels


def _ent_bounds(sdoc) -> dict[int, tuple[int, int]]:
    bounds = {}
    for start, end, _ in ent_spans(sdoc):
        for i in range(start, end):
            bounds[i] = (start, end)
    return bounds


def _capitalised(token) -> bool:
    return _starts_capital(token.text)


# Nouns of ownership before "in" ("shares in", "a stake in"): no place cue.
_OWNED = frozenset({"share", "shares", "stake", "stakes", "holding", "holdings", "investment", "investments"})


def _cued(sdoc, i: int, j: int) -> bool:
    """A place cue around tokens [i, j): a preposition before (an article between them
    allowed), or ', <region>' after."""
    before = i - 1 if i > 0 and sdoc[i - 1].lower_ != "the" else i - 2  # "in the EU"
    if before >= 0 and sdoc[before].lower_ in PLACE_CUES:
        # "Shares in Jarvis", "a 22% stake in Wembley": what is owned, not where.
        return not (sdoc[before].lower_ == "in" and before > 0 and sdoc[before - 1].lower_ in _OWNED)
    return j + 1 < len(sdoc) and sdoc[j].text == "," and _capitalised(sdoc[j + 1])


UNION = "L.RGNE"  # a union of states in curated.tsv: the European Union, the euro area


def _division_name(text: str, main: list[GeoPlace]) -> bool:
    """``text`` is the own name of a second-order division, and neither an everyday word
    ("Orange", "Union") nor an acronym ("BA", "MIDI")."""
    if text.isupper():
        return False
    if " " not in text and is_common_word(text):  # a metropolitan division: "Liverpool"
        return any(p.is_admin2 and p.population >= MAJOR_CITY for p in main)
    return any(p.is_admin2 for p in main)


def _spelling_of(key: str, place: GeoPlace) -> bool:
    """``key`` is the place's main name or a spelling of it ("douma" for Dūmā), not an
    unrelated alternate name ("julia" for Plovdiv)."""
    return spelling_of(key, place.name)


def _modifier(sdoc, j: int) -> bool:
    """The name ending before token ``j`` modifies a noun after it ("EU leaders")."""
    last = sdoc[j - 1]
    return last.dep_ in ("compound", "nmod", "amod") and last.head.i >= j


def accept_gazetteer_match(
    sdoc, i: int, j: int, places: list[GeoPlace], label: str, whole: bool, listed: bool = False,
    decided: bool = False,
) -> bool:
    """Whether tokens [i, j), found in the gazetteer, are a place here.

    ``label`` is the spaCy label over the tokens ('' when none); ``whole`` says the match
    covers that whole entity; ``listed`` that it stands in a list next to a toponym
    ("Hilversum and Almelo"). Organisations, people and demonyms keep their label unless the
    entity is exactly a well-known place name ("Morocco" tagged ORG, "Tamil Nadu" PERSON).
    ``decided``: the label is the entities component's type for the whole document, not
    spaCy's for this mention; an organisation so typed is not a place for bearing a
    division's name ("Forbes", the magazine, is also Forbes Shire in New South Wales).
    """
    span = sdoc[i:j]
    words = [t.lower_ for t in span]
    if any(w in NEVER_PLACES for w in words[:1]) or words[-1] in NEVER_PLACES:
        return False
    name = span.text
    key = normalize(name)
    if key in companies() and company_here(sdoc, i, j):  # "consultant at Cisco", "Toyota said"
        return False
    if i > 0 and _INITIAL.match(sdoc[i - 1].text) and not _well_known_area(places):
        return False  # a surname after an initial: "D Peel (Scarlets)" in a line-up
    if i > 0 and after_title(sdoc[i - 1].text) and not any(p.is_country for p in places):
        return False  # a surname after a title: "President Bush", "Lord Browne"
    main = [p for p in places if normalize(p.name) == key]  # not through an alternate name
    state = any(p.is_country or p.is_admin1 for p in places)
    article = words[0] == "the" or (i > 0 and sdoc[i - 1].lower_ == "the")
    union = any(p.feature == UNION for p in places)
    if article and not (state or union) and all(p.is_town and p.population < 100000 for p in main):
        return False  # towns take no article: "the White House" is no town in Tennessee
    # A second-order division counts by its population, like a town: "Long" (Long County)
    # is no place on its own.
    big = any(
        p.is_country or p.is_admin1 or not (p.is_town or p.is_admin2) or p.population >= 100000
        for p in places
    )
    if label == "MONEY":  # "US" in "15.4 billion US dollars": the country, as a modifier
        return state and j < len(sdoc) and sdoc[j].lower_ in CURRENCY_WORDS
    if label and not whole:  # a part of a longer name: "Paris" of "Paris Hilton"
        return False
    if label == "NORP" and j - i == 1:  # the demonym itself; "Crimean Peninsula" is fine
        return False
    if label in PLACE_LABELS:  # spaCy's place that the entity linker set aside ("US forces")
        # A town's name the linker read as something else needs a cue or size: "White
        # House aides" is no town in Tennessee.
        return state or any(
            not p.is_town or p.population >= 100000 or _cued(sdoc, i, j) for p in main
        )
    if label == "ORG":
        # An organisation is a place only with evidence: a country or first-level division
        # ("Morocco" tagged ORG), a union of states as a modifier or after a place cue
        # ("EU leaders", "in the EU": its member area; "the EU said" is the body), the
        # own name of a second-order division ("Hampshire", "Daviess County":
        # councils and forces are named after them), or a locative cue before a town's
        # own name. "Google" is an alternate name of Topeka in GeoNames, and no place here.
        # When the whole document types it an organisation (``decided``), a division's name
        # needs size or to be written as a location ("New Quay, Ceredigion"): "Forbes" is
        # also Forbes Shire (8,481 people) in New South Wales.
        return (
            state
            or (union and (_modifier(sdoc, j) or _cued(sdoc, i, j)))
            or (
                _division_name(name, main)
                and (not decided or _qualifier(sdoc, i) or any(p.population >= 100000 for p in main))
            )
            or (_cued(sdoc, i, j) and any(p.population >= 20000 for p in main))
        )
    if label in ("PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"):
        # Only a town's own name or a spelling of it vouches for it ("Douma" for Dūmā):
        # "Julia" is an alternate name of Plovdiv, and a person here.
        # A town of exactly this name speaks for it before a namesake's other spelling:
        # "Levi" is a Lapland village (and a person here), not Lévis.
        exact = [p for p in main if p.is_town]
        own = [p for p in places if not p.is_town or (p in exact if exact else _spelling_of(key, p))]
        big_own = state or any(not (p.is_town or p.is_admin2) or p.population >= 100000 for p in own)
        return big_own or ((_cued(sdoc, i, j) or listed) and any(p.population >= 5000 for p in own))
    if label:  # DATE, CARDINAL, MONEY...: never places
        return False
    if j - i == 1 and (is_common_word(name) or (name.isupper() and len(name.replace(".", "")) <= 3)):
        return any(p.is_country for p in places)
    if big:
        return True
    return _cued(sdoc, i, j) or any(p.population >= 20000 for p in places)


def after_title(word: str) -> bool:
    """``word`` is a capitalised title or honorific ("President", "Mr", "Dr."): the office
    finder's titles and the honorifics (``person_titles``), as entities reads them."""
    return word[:1].isupper() and word.lower() in person_titles()


# A person's initial before a surname ("D Peel"); "A" and "I" are words, and "N Ireland" or
# "S Korea" abbreviate compass words before countries and regions (not towns or divisions:
# Peel is also a region of Western Australia).
_INITIAL = re.compile(r"^[B-HJ-Z]\.?$")


def _well_known_area(places: list[GeoPlace]) -> bool:
    """A country, continent or other region (no town or division) among ``places``."""
    return any(p.is_country or not (p.is_town or p.is_admin1 or p.is_admin2) for p in places)


def _is_region(name: str) -> bool:
    """``name`` is a country or first-level division ("Texas" in "Cisco, Texas")."""
    return any(p.is_country or p.is_admin1 for p in gazetteer().lookup(name))


def company_here(sdoc, i: int, j: int) -> bool:
    """Tokens [i, j) name a listed company, not a place (``entities.companies``): a company
    name without strong place evidence here, or a town-sized one ("Toyota") the text writes
    as the company here or at another mention of it ("Toyota said")."""
    name = sdoc[i:j].text
    kind = company_kind(name)
    if kind is None:
        return False
    before = [t.lower_ for t in sdoc[max(0, i - 2) : i]]
    after = [t.lower_ for t in sdoc[j : j + 2]]
    next_name = prev_name = ""
    if after[:1] == [","] and j + 1 < len(sdoc) and sdoc[j + 1].text[:1].isupper():
        ent = next((e for e in sdoc.ents if e.start == j + 1), None)
        next_name = ent.text if ent is not None else sdoc[j + 1].text
    if before[-1:] in ([","], ["and"]) and i >= 2:
        ent = next((e for e in sdoc.ents if e.end == i - 1), None)
        prev_name = ent.text if ent is not None else sdoc[i - 2].text
    if kind == "org" and j - i == 1 and the_place(before, after):
        return False  # "the waters of the Amazon": the river, not the company
    if reads_as_company(name, before, after, _is_region, next_name, prev_name):
        return True
    if kind != "city":
        return False
    size, first = j - i, sdoc[i].text
    for k in range(len(sdoc) - size + 1):  # a rare name: the scan runs only for listed ones
        if k != i and sdoc[k].text == first and sdoc[k : k + size].text == name:
            ahead = [t.lower_ for t in sdoc[max(0, k - 2) : k]]
            if company_cued(ahead, [t.lower_ for t in sdoc[k + size : k + size + 2]]):
                return True
    return False


def from_gazetteer(
    sdoc, gaz: Gazetteer, taken: list[tuple[int, int]], text: str | None = None, persons: set[str] | None = None,
    blocked: list[tuple[int, int, bool]] | None = None, clubs: Clubs | None = None,
    typed: DocumentTypes | None = None,
) -> list[Toponym]:
    """Capitalised token runs (longest first) that the gazetteer knows, outside ``taken``
    and ``blocked`` (``not_place_spans``), except names the article uses for a person and
    the sports clubs ``clubs`` names. ``text`` is the parsed text (``doc.text``);
    ``persons`` is ``person_words(sdoc)`` when the caller already has it. ``typed``: the
    entities component's organisations and people (``DocumentTypes``); a match that is
    exactly one of them is judged with that type rather than spaCy's label ("US
    publication Forbes" is no town in New South Wales, whatever spaCy read)."""
    if sdoc is None:
        return []
    if text is None:
        text = sdoc.text  # Doc.text joins every token on each access: read it once
    if persons is None:
        persons = person_words(sdoc, text)
    labels = _span_labels(sdoc)
    bounds = _ent_bounds(sdoc)
    covered = _Covered(taken)
    # Token offsets and flags come as arrays, read once: iterating the Doc would make a
    # Token object per token (and a list of them would set off the garbage collector over
    # the gazetteer's millions of objects).
    toks = _TokenArrays(sdoc, text)
    caps = toks.caps
    found: list[Toponym] = []
    i, n = 0, len(caps)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        if covered.overlaps(toks.start[i], toks.end[i]):
            i += 1
            continue
        match = _longest_match(toks, text, i, gaz, covered)
        if match is None:
            i += 1
            continue
        j, places = match
        if blocked and _blocked(blocked, toks.start[i], toks.end[j - 1]):
            i += 1
            continue
        label = labels[i]
        ent_start, ent_end = bounds.get(i, (i, j))
        whole = ent_start >= i and ent_end <= j  # the match covers the whole entity
        listed = _listed(toks, text, i, j, covered.spans)
        start, end = toks.start[i], toks.end[j - 1]
        decided_type = typed.type_at(start, end) if typed is not None and label not in PLACE_LABELS else None
        decided = decided_type is not None
        if decided:
            label, whole = decided_type, True
        if clubs is not None and clubs.club(start, end, places) and not _located(sdoc, i, j):
            i = j
            continue
        if text[start:end] not in persons and accept_gazetteer_match(sdoc, i, j, places, label, whole, listed, decided):
            # a currency's country ("US dollars") is labelled CUR: it is no evidence of
            # where the story is and stays out of the document's country context
            kind = "CUR" if label == "MONEY" else "GAZ"
            found.append(Toponym(start, end, text[start:end], kind, "gazetteer"))
            i = j
        else:
            i += 1
    return found


# Entity types whose every mention is no place: "Brits" the awards, "Yukon" a car.
_NAMED_THINGS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


class DocumentTypes:
    """The entities component's organisations and people by mention span: their type has
    read the whole document (consistency, lexicons, a second recogniser), where spaCy's
    label is one mention's. A club of a sports report (``Clubs``) has none here: a club
    named after its town stays a metonymic toponym, as GeoWebNews counts it."""

    __slots__ = ("_types", "_clubs")

    def __init__(self, entities, clubs: Clubs):
        self._types = {
            (m.start, m.end): e.type for e in entities or () if e.type in ("ORG", "PERSON") for m in e.mentions
        }
        self._clubs = clubs

    def type_at(self, start: int, end: int) -> str | None:
        """The type of the mention exactly at [start, end), or None."""
        found = self._types.get((start, end))
        if found is None or self._clubs.club(start, end, []):
            return None
        return found


def not_place_spans(entities, text: str) -> list[tuple[int, int, bool]]:
    """(start, end, whole) of mentions the gazetteer must not match in: the entities
    component's works, products, events and laws (``whole``: no match over any part of
    them, "Brits" the awards), and its multi-word organisations and people (only a part of
    them: "Lib" of "Lib Dems"; "European Union" as a whole stays a place), as spaCy's labels
    already say for its own entities."""
    spans = []
    for entity in entities or ():
        if entity.type in _NAMED_THINGS:
            spans += [(m.start, m.end, True) for m in entity.mentions]
        elif entity.type in ("ORG", "PERSON"):
            spans += [(m.start, m.end, False) for m in entity.mentions if " " in text[m.start : m.end].strip()]
    return spans


# Lemmas of sport reporting (the event coder's list, read here too): an article with
# SPORTS_MIN_WORDS distinct ones, in any inflection, is a sports report.
_SPORT_WORD = re.compile(
    r"\b(%s)(?:s|es|ed|ing)?\b"
    % "|".join(sorted(map(re.escape, words("lexicons/events/sport_words.txt")), key=len, reverse=True)),
    re.IGNORECASE,
)
SPORTS_MIN_WORDS = 3


def sports_report(text: str) -> bool:
    """The article reports sport: ``SPORTS_MIN_WORDS`` distinct sport words or more."""
    seen: set[str] = set()
    for found in _SPORT_WORD.finditer(text):
        seen.add(found.group(1).lower())
        if len(seen) >= SPORTS_MIN_WORDS:
            return True
    return False


class Clubs:
    """The entities component's organisation mentions that, in a sports report, are a
    club named after its town ("Liverpool beat Chelsea"): the gazetteer takes no match
    that is exactly one of them, unless it names a country or first-level division (a
    national side: "Wales") or is written as a location (``_located``: "a 1-0 win at
    Burnley"). Whether the article is a sports report is read only when a match meets such
    a mention. Used only with the component's ``clubs_as_places`` set to false: GeoWebNews
    counts a club named after its town as a (metonymic) toponym."""

    __slots__ = ("_spans", "_text", "_sports")

    def __init__(self, entities, text: str):
        self._spans = {(m.start, m.end) for e in entities or () if e.type == "ORG" for m in e.mentions}
        self._text = text
        self._sports: bool | None = None

    def club(self, start: int, end: int, places: list[GeoPlace]) -> bool:
        if (start, end) not in self._spans or any(p.is_country or p.is_admin1 for p in places):
            return False
        if self._sports is None:
            self._sports = sports_report(self._text)
        return self._sports


def _qualifier(sdoc, i: int) -> bool:
    """Token ``i`` follows a comma: a place qualifying the one before ("New Quay, Ceredigion")."""
    return i > 0 and sdoc[i - 1].text == ","


def _located(sdoc, i: int, j: int) -> bool:
    """Tokens [i, j) are written as a location: after a place cue ("returns to Hampshire"),
    as a qualifier after a comma ("Donington Park, Leicestershire") or before one."""
    return _cued(sdoc, i, j) or _qualifier(sdoc, i)


def _blocked(spans: list[tuple[int, int, bool]], start: int, end: int) -> bool:
    """The match [start, end) falls in a ``not_place_spans`` span."""
    return any(
        (s < end and start < e) if whole else (s <= start and end <= e and (s, e) != (start, end))
        for s, e, whole in spans
    )


class _TokenArrays:
    """Per token of a parse: character ``start``/``end`` in ``text``, ``caps`` (starts with a
    capital, as ``_capitalised``) and ``stop`` (punctuation other than "." or whitespace:
    no name runs across it), read from the Doc's arrays in one go."""

    __slots__ = ("start", "end", "caps", "stop")

    def __init__(self, sdoc, text: str):
        cols = columns(sdoc)
        self.start = cols.list(IDX)
        self.end = (cols.column(IDX) + cols.column(LENGTH)).tolist()
        # ``_starts_capital`` of each token, asked only of tokens whose first character is
        # upper case (most are not): the same answer without slicing every token.
        self.caps = [
            e > s and text[s].isupper() and (text[s].isalpha() or _starts_capital(text[s:e]))
            for s, e in zip(self.start, self.end)
        ]
        punct, space = cols.column(IS_PUNCT) != 0, cols.column(IS_SPACE) != 0
        self.stop = (punct | space).tolist()
        for i in np.flatnonzero(punct & ~space).tolist():  # a full stop joins "St. Louis"
            self.stop[i] = text[self.start[i] : self.end[i]] != "."


def _starts_capital(word: str) -> bool:
    """``_capitalised`` on a token's text."""
    return bool(word) and word[0].isupper() and (word[0].isalpha() or any(ch.isalpha() for ch in word))


class _Covered:
    """Character spans already taken, asked whether a range overlaps any of them: the
    spans sorted by start with the running maximum of their ends, so each question is one
    bisection (the spans may overlap one another)."""

    __slots__ = ("_reach", "_starts", "spans")

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span ``(s, e)`` has ``s < end`` and ``start < e``."""
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[before - 1] > start


def _listed(toks: _TokenArrays, text: str, i: int, j: int, covered) -> bool:
    """Tokens [i, j) stand in a list beside a toponym: "<place>, X", "<place> and X",
    "X, <place>", "X and <place>"."""
    starts, ends = toks.start, toks.end
    if i >= 2 and text[starts[i - 1] : ends[i - 1]] in (",", "and"):
        end = ends[i - 2]
        if any(s < end <= e for s, e in covered):
            return True
    if j + 1 < len(starts) and text[starts[j] : ends[j]] in (",", "and"):
        start = starts[j + 1]
        return any(s <= start < e for s, e in covered)
    return False


def _longest_match(
    toks: _TokenArrays, text: str, i: int, gaz: Gazetteer, covered: _Covered
) -> tuple[int, list[GeoPlace]] | None:
    """The longest run of tokens from ``i`` (up to MAX_TOKENS) the gazetteer knows, as
    (end token index, places)."""
    best = None
    starts, ends, caps, stop = toks.start, toks.end, toks.caps, toks.stop
    start = starts[i]
    for j in range(i + 1, min(len(caps), i + MAX_TOKENS) + 1):
        k = j - 1
        if stop[k]:
            break
        end = ends[k]
        can_end = caps[k]  # a name ends on a capitalised word or a division word
        if not can_end:
            word = text[starts[k] : end]
            can_end = word in _DIVISION_WORDS
            if k > i and not (can_end or word.lower() in NAME_LINKS):
                break
        if covered.overlaps(start, end):
            break
        if can_end:
            key = normalize(text[start:end])
            if gaz.has_key(key):
                best = (j, gaz.lookup_key(key))
    return best


def join_compounds(toponyms: list[Toponym], text: str, gaz: Gazetteer) -> list[Toponym]:
    """Merge neighbouring toponyms the text writes as one name the gazetteer knows:
    "Washington, D.C." (the District of Columbia, not a town and its state), "Gilgit-Baltistan",
    "Miami-Dade" (a second-order division written without its "County"). ``toponyms`` are in
    reading order and do not overlap."""
    out: list[Toponym] = []
    for top in toponyms:
        prev = out[-1] if out else None
        if prev is not None:
            gap = text[prev.end : top.start]
            joined = text[prev.start : top.end]
            hyphen = gap in ("-", "–")
            if (hyphen or gap.strip() == ",") and (
                gaz.lookup(joined) or (hyphen and division_without_word(joined, gaz))
            ):
                out[-1] = Toponym(prev.start, top.end, joined, prev.label, prev.source, prev.entity or top.entity)
                continue
        out.append(top)
    return out


def division_without_word(name: str, gaz: Gazetteer) -> list[GeoPlace]:
    """The second-order divisions called ``name`` + " County" ("Miami-Dade")."""
    return [p for p in gaz.lookup(name + " County") if p.is_admin2]


_COMPOUND_SPLIT = re.compile(r"(?<=\w)[-/–](?=[A-Z])")


def split_compounds(toponyms: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """Split a place-labelled span joined by hyphens or slashes that the gazetteer does not
    know whole into its parts when every part is a well-known place: "Amsterdam-London",
    "Asia-Pacific" (a route, a region written as two)."""
    out: list[Toponym] = []
    for top in toponyms:
        pieces = _COMPOUND_SPLIT.split(top.text)
        if len(pieces) < 2 or top.label not in PLACE_LABELS or gaz.lookup(top.text):
            out.append(top)
            continue
        parts, at = [], top.start
        for piece in pieces:
            start = top.text.index(piece, at - top.start) + top.start
            parts.append(Toponym(start, start + len(piece), piece, top.label, top.source, None))
            at = start + len(piece)
        if all(_well_known(gaz.lookup(p.text)) for p in parts):
            out.extend(parts)
        else:
            out.append(top)
    return out


def _well_known(places: list[GeoPlace]) -> bool:
    """A country, first-level division, continent, curated feature or city of 100,000+."""
    return any(
        p.is_country or p.is_admin1 or not (p.is_town or p.is_admin2) or p.population >= 100_000 for p in places
    )


# "Cathedral", "Town Hall", "Animal Reception Center" after a place name: the facility.
_FACILITY_TAIL = re.compile(r"(?:['’]s)?((?: [A-Z][\w’'-]*){1,3})")
# Heads that name an institution rather than a building when they follow a town ("Delhi
# High Court", "Dubai Police Office"): the town alone stays the toponym.
_INSTITUTION_HEADS = frozenset({"office", "court", "area", "township", "estate"})


def extend_facilities(toponyms: list[Toponym], text: str) -> None:
    """Grow a place name into the facility named after it when one to three capitalised
    words ending in a facility word follow it: "Manila" -> "Manila Cathedral", "Cavan" ->
    "Cavan Town Hall", "St. Peter" -> "St. Peter's Basilica"; capitalised words right
    before it belong to the name ("Marjory Stoneman Douglas High School", "South Ingleside
    Avenue"). The facility is a new mention (no entity of its own), placed where the name
    inside it is. After a possessive only the facility word itself follows ("Derry's
    Altnagelvin Hospital" is a hospital in Derry, not Derry's own)."""
    for i, top in enumerate(toponyms):
        if top.label == "FAC":
            continue
        tail = _FACILITY_TAIL.match(text, top.end)
        if tail is None:
            continue
        tail_words = tail.group(1).split()
        head = tail_words[-1].lower()
        if head not in FACILITY_HEADS or head in _INSTITUTION_HEADS:
            continue
        if text[top.end] != " " and len(tail_words) > 1:  # a possessive: "Derry's Altnagelvin Hospital"
            continue
        end = tail.end()
        if i + 1 < len(toponyms) and toponyms[i + 1].start < end:
            continue
        start = top.start
        floor = toponyms[i - 1].end if i else 0
        while True:
            before = _NAME_BEFORE.search(text, floor, start)
            if before is None or before.group(1) in ("The", "A", "An") or before.group(1).endswith("."):
                break
            start = before.start(1)
        top.start, top.end, top.label, top.entity = start, end, "FAC", None
        top.text = text[start:end]


# A capitalised word right before a name ("Douglas" in "Marjory Stoneman Douglas").
_NAME_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]*) $")
