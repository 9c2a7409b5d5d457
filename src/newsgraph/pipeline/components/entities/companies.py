"""Company names that are also town names: when a name is the company, not the place.

``lexicons/entities/companies.tsv`` (built by ``scripts/build_company_names.py`` from the
Phoenix actor dictionaries, PETRARCH2, MIT, and the constituents of 17 stock indices as
pytickersymbols lists them, MIT) lists ~8,400 company and business-body names, full and
short ("cisco systems", "cisco", "bt"), each with how the gazetteer knows it:

- ``org``: no town or division of 20,000+ has that main name ("Cisco" is a Texas town of
  3,800; "Google" only an alternate name of Topeka). The name is the company unless the
  text gives strong place evidence: a place cue before it and a qualifier after it ("in
  Cisco, Texas", "Cisco County"). Countries and first-level divisions are not in the list.
- ``city``: a town of 20,000+ has that main name ("Toyota", "Dover", "Phoenix"). The name is
  the place unless the text writes it as a company: a company noun before it ("carmaker
  Toyota"), a staff noun and "at" before it ("an engineer at Toyota"), or a company's words
  after it ("Toyota said", "Nokia's shares") (``company_cued``).

A one-word PERSON mention of an ``org`` name is the company too ("battle between Microsoft
and Google"), unless the name is a given name or a common surname (``lexicons/names/surnames.tsv``:
"Williams", "Hill", "Ford"), the story also names a person with it ("Walt Disney"), or an
honorific stands before it. A PERSON mention of several words that is a listed ``org``
name whole ("Lockheed Martin") is the company unless its first word is a common given name
("Philip Morris") with no company's word around it, or an honorific stands before it.

Shared by the entities component (a GPE/LOC/PERSON mention read as the company becomes ORG)
and the places recogniser (such a name is no toponym), so both decide alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from newsgraph.pipeline.components.entities.consistency import norm_key
from newsgraph.pipeline.components.entities.context import is_division
from newsgraph.pipeline.components.entities.mentions import common_given_names, may_be_person, world_given_names
from newsgraph.resources import table, words
from newsgraph.resources.geonames import normalize

_COMPANIES = "lexicons/entities/companies.tsv"
# Words before and after a name that write it as a company.
_CUE_AFTER = words("lexicons/entities/company_cue_after.txt")
_STAFF = words("lexicons/entities/company_staff.txt")
_COMPANY_NOUNS = words("lexicons/entities/org_cue_nouns.txt")
# Place cues (as the places recogniser's) and the division words that qualify a town's name.
_PLACE_CUES = words("lexicons/places/place_cues.txt")
_DIVISIONS = frozenset(w.lower() for w in words("lexicons/places/division_words.txt")) | {"city", "town"}
_HONORIFICS = words("lexicons/entities/honorifics.txt")
_ORG_HEADS = frozenset(w.lower() for w in words("lexicons/entities/org_heads.txt"))


@cache
def companies() -> dict[str, str]:
    """Normalised company name -> ``org`` or ``city``."""
    return table(_COMPANIES)


@lru_cache(maxsize=1 << 14)  # asked of every place-labelled mention
def company_kind(name: str) -> str | None:
    """``org`` or ``city`` when ``name`` is a listed company name, else None."""
    return companies().get(normalize(name))


def company_cued(before: Sequence[str], after: Sequence[str]) -> bool:
    """The words around a name write it as a company. ``before``: up to two lower-case tokens
    before it, nearest last; ``after``: up to two lower-case tokens after it."""
    after = [a.replace("’", "'") for a in after]
    if before and (before[-1] in _COMPANY_NOUNS or " ".join(before[-2:]) in _COMPANY_NOUNS):
        return True  # "carmaker Toyota", "shares in Nokia"
    if len(before) >= 2 and before[-1] == "at" and before[-2] in _STAFF:
        return True
    if after and (after[0] in _CUE_AFTER or " ".join(after[:2]) in _CUE_AFTER):
        return True
    return False


def reads_as_company(
    name: str,
    before: Sequence[str],
    after: Sequence[str],
    region: Callable[[str], bool],
    next_name: str = "",
    prev_name: str = "",
) -> bool:
    """Whether ``name`` (a listed company name) is the company here rather than a place.

    ``before``/``after`` as in ``company_cued``; ``next_name`` is the capitalised name after
    a comma following it ("Texas" in "Cisco, Texas"), and ``region(next_name)`` says whether
    it is a country or first-level division; ``prev_name`` the name before a comma or "and"
    before it. A neighbour in a list that is a company and no town ("Nokia, Intel, Philips")
    makes it a company too. False for names not in the list."""
    kind = company_kind(name)
    if kind is None:
        return False
    if company_cued(before, after) or "org" in (company_kind(next_name), company_kind(prev_name)):
        return True
    if kind == "city":
        return False
    cue = bool(before) and (
        before[-1] in _PLACE_CUES or (before[-1] == "the" and len(before) > 1 and before[-2] in _PLACE_CUES)
    )
    qualified = (bool(after) and after[0] in _DIVISIONS) or (bool(next_name) and region(next_name))
    return not (cue and qualified)


def the_place(before: Sequence[str], after: Sequence[str]) -> bool:
    """A one-word name between these words is written as a place: after "the", with no
    company's word after it ("the waters of the Amazon"; not "the Titan corporation", "the
    Amazon spokesman"). ``before``/``after`` as in ``company_cued``."""
    return before[-1:] == ["the"] and not company_cued(before, after) and after[:1] != [] and after[0] not in _ORG_HEADS


def _after_the(mentions, toks, text: str) -> set[str]:
    """Names the document writes as a place after "the" (``the_place``): the place reading
    holds for all their mentions ("hovercrafts for Amazon travel")."""
    found = set()
    for m in mentions:
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if m.label in ("GPE", "LOC") and first is not None and first == last and the_place(*_around(toks.lower, first, last)):
            found.add(norm_key(text[m.start : m.end]))
    return found


def _around(lower: Sequence[str], first: int, last: int) -> tuple[list[str], list[str]]:
    """The two lower-case tokens before token ``first`` and after token ``last``."""
    return list(lower[max(0, first - 2) : first]), list(lower[last + 1 : last + 3])


def fix_companies(mentions, toks, text: str) -> None:
    """Relabel ORG, for good (``sure``), the GPE/LOC mentions that name a listed company here
    ("principal security consultant at Cisco", "Toyota said"), and settle ORG the ORG ones
    ("Nokia said"); the label then holds for the name's other mentions in the document
    (``consistency.harmonise``). A name the document also uses for a person is left to the
    vote ("Hill said" of a squash player named Hill), and so is one it writes as a place
    after "the" ("the waters of the Amazon"). PERSON mentions: ``_company_not_person`` (one
    word) and ``_company_not_full_name``."""
    regions: set[str] | None = None
    people: set[str] = set()
    the_places: set[str] = set()
    for m in mentions:
        if m.label not in ("GPE", "LOC", "ORG", "PERSON") or m.sure or (m.entry is not None and m.entry.kind != "city"):
            continue
        surface = text[m.start : m.end]
        if company_kind(surface) is None:
            continue
        if regions is None:  # only in documents that name a listed company
            regions = {n.text(text) for n in mentions if n.label == "GPE"}
            people = {norm_key(w) for n in mentions if n.label == "PERSON" for w in n.text(text).split()}
            the_places = _after_the(mentions, toks, text)
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or last is None or norm_key(surface) in the_places:
            continue
        before, after = _around(toks.lower, first, last)
        if m.label == "PERSON":
            if first == last and _company_not_person(m, before, mentions, text):
                m.label, m.entry, m.sure = "ORG", None, True
            elif first != last and _company_not_full_name(surface, before, after):
                m.label, m.entry, m.sure = "ORG", None, True
            continue
        if norm_key(surface) in people:
            continue
        next_name = prev_name = ""
        if after[:1] == [","] and last + 2 < len(toks):
            nxt = next((n for n in mentions if n.start == toks.starts[last + 2]), None)
            next_name = nxt.text(text) if nxt is not None else ""
        if before[-1:] in ([","], ["and"]) and first >= 2:
            prev = next((n for n in mentions if n.end == toks.ends[first - 2]), None)
            prev_name = prev.text(text) if prev is not None else ""
        if reads_as_company(surface, before, after, regions.__contains__, next_name, prev_name):
            m.label, m.entry, m.sure = "ORG", None, True


def _company_not_full_name(surface: str, before: Sequence[str], after: Sequence[str]) -> bool:
    """A PERSON mention of several words that is the whole name of an ``org`` company
    ("Lockheed Martin", "Pernod Ricard", "Morgan Stanley") is the company, unless an
    honorific stands before it, or its first word is a common given name ("Philip Morris",
    "Arthur Andersen", and the people the actor dictionaries list as businesses) and no
    company's word is around it ("shares in Philip Morris" is the company)."""
    if company_kind(surface) != "org":
        return False
    if before and before[-1].rstrip(".") in _HONORIFICS:
        return False
    return surface.split()[0].lower() not in common_given_names() or company_cued(before, after)


def _company_not_person(m, before: Sequence[str], mentions, text: str) -> bool:
    """A one-word PERSON mention of an ``org`` company name is the company ("battle between
    Microsoft and Google"), unless the name may be a person's (``may_be_person``), the story
    names a person with it ("Walt Disney"), or an honorific stands before it."""
    surface = text[m.start : m.end]
    if company_kind(surface) != "org" or may_be_person(surface):
        return False
    if before and before[-1].rstrip(".") in _HONORIFICS:
        return False
    key = norm_key(surface)
    full_names = (n.text(text) for n in mentions if n.label == "PERSON" and " " in n.text(text).strip())
    return not any(key in {norm_key(w) for w in name.split()} for name in full_names)


def short_forms(mentions, text: str) -> None:
    """A one-word PERSON mention that opens the name of an organisation the story names in
    full is that organisation's short form ("Pernod takeover talk" beside "Pernod Ricard",
    "Baikal" beside "Baikal Finance Group", "Bullfrog" beside "Bullfrog Studios"), unless the
    word may be a person's (a given name of any of the name lists or a common surname:
    "Phil" beside a misread "Phil Spector"), a person the story names in full has it, the
    story also writes it as a place or a thing, or it names a division somewhere."""
    firsts = {m.text(text).split()[0] for m in mentions if m.label == "ORG" and " " in m.text(text).strip()}
    if not firsts:
        return
    people = {w for m in mentions if m.label == "PERSON" for w in m.text(text).split()[1:]} | {
        m.text(text).split()[0] for m in mentions if m.label == "PERSON" and " " in m.text(text).strip()
    }
    # A word the story also writes as something else than a person or an organisation is
    # left to the vote ("through Midlothian to the Borders" beside "Midlothian Council").
    others = {m.text(text) for m in mentions if m.label not in ("PERSON", "ORG")}
    for m in mentions:
        if m.label != "PERSON" or m.sure or m.entry is not None:
            continue
        word = m.text(text)
        if " " in word or word not in firsts or word in people or word in others:
            continue
        if may_be_person(word) or word.lower() in world_given_names() or is_division(word):
            continue  # a division: "Midlothian Council" and "through Midlothian"
        m.label = "ORG"
