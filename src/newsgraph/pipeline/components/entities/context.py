"""Label decisions read from a mention's surroundings: fixture lines ("DETROIT AT KANSAS
CITY"), lone words after a locative preposition that GeoNames knows as a place ("in
Nelson"), divisions named with their generic word ("Lagos State"), and names written
right after a title ("Governor Babajide Sanwo-Olu"). See docs/entities.md."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsgraph.pipeline.bounded import WORDS
from newsgraph.pipeline.components.entities.gazetteer import HONORIFICS, person_titles, titles
from newsgraph.pipeline.components.entities.mentions import Mention, Tokens
from newsgraph.pipeline.shared.line_ups import line_up_items
from newsgraph.resources import entries

_PLACES = ("GPE", "LOC", "FAC")
# "<visitor> AT <host>", "<home> v <away>": the whole line is two names and the word.
_FIXTURE_SEP = re.compile(r"[ \t]+(?P<sep>at|AT|At|v|v\.|vs|vs\.|VS)[ \t]+")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


def fixture_lines(mentions: list[Mention], text: str) -> None:
    """A line that is only "<A> at <B>" or "<A> v <B>" (a sports schedule) names two
    teams: A is a team (ORG); B is a team too after "v", and the host's place after "at"
    when it is written as a place (a country stays GPE)."""
    by_start = {m.start: m for m in mentions}
    for a in mentions:
        sep = _FIXTURE_SEP.match(text, a.end)
        b = by_start.get(sep.end()) if sep else None
        if b is None or not _LINE_END.match(text, b.end):
            continue
        if text[text.rfind("\n", 0, a.start) + 1 : a.start].strip():
            continue  # A does not open the line
        if any(m.label not in (*_PLACES, "ORG") for m in (a, b)):
            continue
        if a.entry is None or a.entry.kind != "country":
            a.label, a.sure = "ORG", True
        if sep.group("sep").lower() == "at":
            if b.label in _PLACES:
                b.label, b.sure = "GPE", True
        elif b.entry is None or b.entry.kind != "country":
            b.label, b.sure = "ORG", True


# The places recogniser's division words ("State", "Oblast", "Parish"), one list for both.
_DIVISION_WORDS = frozenset(entries("lexicons/places/division_words.txt"))


def divisions(mentions: list[Mention], text: str) -> None:
    """"Lagos State", "Kano State": a name ending in a division word that GeoNames knows
    as a first- or second-level division is a place (GPE), not an organisation or person."""
    for m in mentions:
        if m.entry is not None or m.sure or m.label not in ("ORG", "PERSON", "NORP"):
            continue
        surface = m.text(text)
        words = surface.split()
        if len(words) >= 2 and words[-1] in _DIVISION_WORDS and is_division(surface):
            m.label, m.sure = "GPE", True


@lru_cache(maxsize=WORDS)  # keyed by the names met: capped (pipeline/bounded.py)
def is_division(name: str) -> bool:
    """A first- or second-level division somewhere is called ``name`` ("Midlothian")."""
    from newsgraph.resources.geonames import gazetteer as places

    return any(p.is_admin1 or p.is_admin2 for p in places().lookup(name))


# Words after which a lone name is where something is or happens ("in Nelson", "near
# Riverdale"); "to" and "with" are left out: people are talked to and met with.
_LOCATIVE = frozenset({"in", "near", "outside", "at", "from", "around", "across", "throughout", "inside"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def places_after_prepositions(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A one-word name the recogniser read as a person, written right after a locative
    preposition ("the factory in Nelson", "flights from Schiphol"), is a place when
    GeoNames knows a populated place or division by that name and nothing in the
    document makes it a person: no full name containing the word, no possessive after it
    ("in Paula's mind"), no title or honorific before it."""
    full_names = [m.text(text) for m in mentions if m.label == "PERSON" and " " in m.text(text)]
    person_words = {w for name in full_names for w in name.split()}
    for m in mentions:
        if m.label != "PERSON" or m.entry is not None or m.sure:
            continue
        i = toks.by_start.get(m.start)
        if i is None or i == 0 or toks.ends[i] != m.end or toks.lower[i - 1] not in _LOCATIVE:
            continue
        nxt = toks.words[i + 1] if i + 1 < len(toks.words) else ""
        surface = m.text(text)
        if nxt in _POSSESSIVE or surface in person_words or not surface.isalpha():
            continue
        largest = _populated_place(surface)
        if surface in _airports() and largest < _TOWN_BEFORE_AIRPORT:
            m.label, m.sure = "FAC", True
        elif largest >= 0:
            m.label, m.sure = "GPE", True


# Compass adjectives written in lower case before a place ("eastern Ghouta", "southern
# Lebanon", "north-eastern Nigeria"); capitalised, they open a name ("Northern Rock").
_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central"}) | frozenset(
    f"{first}{sep}{second}" for first in ("north", "south") for sep in ("-", "") for second in ("eastern", "western")
)


def places_after_compass(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A one-word name the recogniser read as a person or an organisation, written right
    after a lower-case compass adjective ("in eastern Ghouta", "southern Kordofan"), is a
    place when GeoNames knows a place by that name: people and bodies are not written
    "eastern X". Not a name the document gives a person in full, nor one after a title."""
    full_names = [m.text(text) for m in mentions if m.label == "PERSON" and " " in m.text(text)]
    person_words = {w for name in full_names for w in name.split()}
    for m in mentions:
        if m.label not in ("PERSON", "ORG") or m.entry is not None or m.sure:
            continue
        i = toks.by_start.get(m.start)
        if i is None or i == 0 or toks.ends[i] != m.end or toks.words[i - 1] not in _COMPASS:
            continue
        surface = m.text(text)
        if surface in person_words or not surface.isalpha() or not _known_place(surface):
            continue
        m.label, m.sure = "GPE", True


def _known_place(name: str) -> bool:
    """GeoNames knows a place (of any kind) by ``name``."""
    from newsgraph.resources.geonames import gazetteer as places

    return bool(places().lookup(name))


def places_in_lists(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A one-word name the recogniser read as a person, listed with a settled place
    ("in Somerset and Hampshire", "Cardiff, Bangor, Aberystwyth and Wrexham", "Ledbury,
    Herefordshire"), is a place too when GeoNames knows a populated place or division by
    that name and nothing in the document makes it a person (as for
    ``places_after_prepositions``). A place is settled when a gazetteer matched it or a
    rule decided it; each place found settles its own neighbours in turn."""
    full_names = [m.text(text) for m in mentions if m.label == "PERSON" and " " in m.text(text)]
    person_words = {w for name in full_names for w in name.split()}
    ordered = sorted(mentions, key=lambda m: m.start)
    changed = True
    while changed:
        changed = False
        for k, m in enumerate(ordered):
            if m.label != "PERSON" or m.entry is not None or m.sure:
                continue
            surface = m.text(text)
            i = toks.by_start.get(m.start)
            if i is None or toks.ends[i] != m.end or not surface.isalpha() or surface in person_words:
                continue
            if i + 1 < len(toks) and toks.words[i + 1] in _POSSESSIVE or i > 0 and toks.lower[i - 1] in person_titles():
                continue
            listed = [ordered[j] for j in (k - 1, k + 1) if 0 <= j < len(ordered) and _listed(ordered[j], m, text)]
            if not any(_settled_place(o, text) for o in listed) or _populated_place(surface) < 0:
                continue
            if any(o.label == "PERSON" for o in listed) or _line_up(m, ordered, text):
                continue  # a list of people ("Gary Neville, Brown, Ferdinand")
            m.label, m.sure = "GPE", True
            changed = True


# What may stand between two names of one list: a comma, "and", "or" (and "the" before
# a region: "Yorkshire and the Humber").
_LIST_GAP = re.compile(r",[ \t]*|,?[ \t]+(?:and|or|&)[ \t]+(?:the[ \t]+)?")
# What may follow the second of two names joined by a comma alone, for them to be a list
# ("Cardiff, Bangor and ...") or a place and its county ("Chatham, Kent."), not a clause
# after an opening phrase ("to face Wales, Robinson will ...").
_LIST_GOES_ON = re.compile(r"[ \t]*(?:[,.;:)]|and\b|or\b|$)", re.M)


def _settled_place(m: Mention, text: str) -> bool:
    """A place a gazetteer or a rule settled, or one the recogniser read as a place
    that GeoNames knows as a town of some size or a division (not a village that shares a
    surname: "Ferdinand")."""
    if m.label not in ("GPE", "LOC"):
        return False
    return m.entry is not None or m.sure or _populated_place(m.text(text)) >= _LIST_ANCHOR_POPULATION


_LIST_ANCHOR_POPULATION = 10_000


def _listed(a: Mention, b: Mention, text: str) -> bool:
    """Whether ``a`` and ``b`` stand next to each other in a list of names."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = _LIST_GAP.fullmatch(text, first.end, second.start) if first.end <= second.start else None
    if gap is None:
        return False
    return gap.group().strip() != "," or _LIST_GOES_ON.match(text, second.end) is not None


def _line_up(m: Mention, ordered: list[Mention], text: str) -> bool:
    """Whether ``m`` stands in a line of people: a line of names (``line_up_items``),
    fewer than half of them places (a team sheet: "Hardwick; Kennedy, Casey; Gustard")."""
    items = line_up_items(text, m.start)
    places = [o.start for o in ordered if o.label in ("GPE", "LOC")]
    placed = sum(1 for start, end in items if any(start <= p < end for p in places))
    return bool(items) and placed * 2 < len(items)


# "from Luton" is the town (about 200,000 people), "from Schiphol" the airport.
_TOWN_BEFORE_AIRPORT = 100_000


@lru_cache(maxsize=WORDS)  # keyed by the names met: capped (pipeline/bounded.py)
def _populated_place(name: str) -> int:
    """The population of the largest town or division GeoNames knows as ``name``, or -1."""
    from newsgraph.resources.geonames import gazetteer as places

    found = [p.population for p in places().lookup(name) if p.is_town or p.is_admin1 or p.is_admin2]
    return max(found, default=-1)


@cache
def _airports() -> frozenset[str]:
    """One-word airport names ("Schiphol", "Heathrow"): ``lexicons/entities/airports.tsv``,
    built from the airportsdata package by ``scripts/build_airport_names.py``."""
    return frozenset(row.split("\t", 1)[0] for row in entries("lexicons/entities/airports.tsv"))


def names_after_titles(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """"Governor Babajide Sanwo-Olu" where the recogniser found only "Sanwo-Olu" (and
    called it an organisation): capitalised words between a capitalised title and a
    one- or two-word name belong to the name, and the whole is a person."""
    table = titles()
    taken: set[int] | None = None
    out = []
    for m in mentions:
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if (
            m.source != "model" or m.entry is not None or first is None or last is None or first == 0
            or m.label not in ("PERSON", "ORG") or not _name_word(toks.words[first - 1])
            or len(m.text(text).split()) > 2
        ):
            out.append(m)
            continue
        if taken is None:
            taken = {i for m in mentions for i in toks.covering(m.start, m.end)}
        j = first
        while j > 0 and first - j < 2 and j - 1 not in taken and _name_word(toks.words[j - 1]):
            if toks.lower[j - 1] in table:
                break  # the title itself
            j -= 1
        title = toks.lower[j - 1] if j > 0 else ""
        # the title's own further words: "Secretary" of "General Secretary Brendan Barber"
        j = next((k for k in range(first, j, -1) if " ".join(toks.lower[j - 1 : k]) in table), j)
        if first < last and any(toks.lower[k] in HONORIFICS for k in range(j, first)):
            # "Boss Sir Alex Ferguson": the honorific is no part of a full name (a peer's
            # is: "Chairman Lord Holme")
            j = first
        if j < first and title in table and toks.words[j - 1][:1].isupper() and j - 1 not in taken:
            m = Mention(toks.starts[j], m.end, "PERSON", "model", shouting=m.shouting)
        out.append(m)
    return out


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha() and not word.isupper()
