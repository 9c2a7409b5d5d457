"""Company names that are also town names: when a name is the company, not the place.

``lexicons/entities/companies.tsv`` (built by ``scripts/build_company_names.py`` from the
Phoenix actor dictionaries, PETRARCH2, MIT) lists ~7,400 company and business-body names,
full and short ("cisco systems", "cisco"), each with how the gazetteer knows it:

- ``org``: no town or division of 20,000+ has that main name ("Cisco" is a Texas town of
  3,800; "Google" only an alternate name of Topeka). The name is the company unless the
  text gives strong place evidence: a place cue before it and a qualifier after it ("in
  Cisco, Texas", "Cisco County"). Countries and first-level divisions are not in the list.
- ``city``: a town of 20,000+ has that main name ("Toyota", "Dover", "Phoenix"). The name is
  the place unless the text writes it as a company: a company noun before it ("carmaker
  Toyota"), a staff noun and "at" before it ("an engineer at Toyota"), or a company's words
  after it ("Toyota said", "Nokia's shares") (``company_cued``).

Shared by the entities component (a GPE/LOC mention read as the company becomes ORG) and the
places recogniser (such a name is no toponym), so both decide alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from newsgraph.pipeline.components.entities.consistency import norm_key
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


def _around(lower: Sequence[str], first: int, last: int) -> tuple[list[str], list[str]]:
    """The two lower-case tokens before token ``first`` and after token ``last``."""
    return list(lower[max(0, first - 2) : first]), list(lower[last + 1 : last + 3])


def fix_companies(mentions, toks, text: str) -> None:
    """Relabel ORG, for good (``sure``), the GPE/LOC mentions that name a listed company here
    ("principal security consultant at Cisco", "Toyota said"), and settle ORG the ORG ones
    ("Nokia said"); the label then holds for the name's other mentions in the document
    (``consistency.harmonise``). A name the document also uses for a person is left to the
    vote ("Hill said" of a squash player named Hill)."""
    regions: set[str] | None = None
    people: set[str] | None = None
    for m in mentions:
        if m.label not in ("GPE", "LOC", "ORG") or m.sure or (m.entry is not None and m.entry.kind != "city"):
            continue
        surface = text[m.start : m.end]
        if company_kind(surface) is None:
            continue
        if people is None:  # only in documents that name a listed company
            regions = {n.text(text) for n in mentions if n.label == "GPE"}
            people = {norm_key(w) for n in mentions if n.label == "PERSON" for w in n.text(text).split()}
        if norm_key(surface) in people:
            continue
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or last is None:
            continue
        before, after = _around(toks.lower, first, last)
        next_name = prev_name = ""
        if after[:1] == [","] and last + 2 < len(toks):
            nxt = next((n for n in mentions if n.start == toks.starts[last + 2]), None)
            next_name = nxt.text(text) if nxt is not None else ""
        if before[-1:] in ([","], ["and"]) and first >= 2:
            prev = next((n for n in mentions if n.end == toks.ends[first - 2]), None)
            prev_name = prev.text(text) if prev is not None else ""
        if reads_as_company(surface, before, after, (regions or set()).__contains__, next_name, prev_name):
            m.label, m.entry, m.sure = "ORG", None, True
