"""Name normalisation and comparison for cross-article entity resolution."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsgraph.resources import table, words

# Entity types resolved together: a GPE in one article may be a LOC in another.
FAMILIES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "NORP"}
# Value-like types are not things to resolve across articles.
SKIP_TYPES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}

TITLES = words("lexicons/names/title_words.txt")
SUFFIXES = words("lexicons/names/suffixes.txt")
STOP_ORG = words("lexicons/entities/acronym_skip.txt")  # the list entity clustering uses within one article

# Common English given-name variants (a short list on purpose: each pair is a claim).
_NICKNAMES = table("lexicons/names/nicknames.tsv")

_POSSESSIVE = re.compile(r"['’]s$")
_NON_WORD = re.compile(r"[^\w\s]")


def family(entity_type: str | None) -> str | None:
    """The resolution family of an entity type, or None for value types."""
    if not entity_type or entity_type in SKIP_TYPES:
        return None
    return FAMILIES.get(entity_type, entity_type)


@lru_cache(maxsize=1 << 17)  # pure, and the joins fold the same names again and again
def fold(text: str) -> str:
    """Lowercase, accents removed, punctuation to spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip().lower().replace("’", "'"))
    text = _NON_WORD.sub(" ", text.replace("-", " ").replace(".", " "))
    return " ".join(text.split())


@lru_cache(maxsize=1 << 17)
def name_key(name: str, fam: str) -> str:
    """The comparison key of entity name ``name`` in family ``fam``: titles and suffixes
    dropped for people (``President Joe Biden`` -> ``joe biden``), a leading ``the`` for
    the rest. (Places are keyed by ``resources.geonames.normalize``, the gazetteer's key.)"""
    tokens = fold(name).split()
    if fam == "PERSON":
        while len(tokens) > 1 and tokens[0] in TITLES:
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1] in SUFFIXES:
            tokens = tokens[:-1]
    elif tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    return " ".join(tokens)


def given_compatible(a: str, b: str) -> bool:
    """True when two given names may be the same person's: equal, a known short form
    (Joe ~ Joseph) or an initial (J ~ Joseph). Hunter and Joe are not."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return _NICKNAMES.get(a, a) == _NICKNAMES.get(b, b)


def persons_compatible(a: list[str], b: list[str]) -> bool:
    """Full names (token lists, surname last) that may name one person: same surname,
    compatible first given names, and no conflicting middle names."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    if not given_compatible(a[0], b[0]):
        return False
    middle_a, middle_b = a[1:-1], b[1:-1]
    if middle_a and middle_b:
        return given_compatible(middle_a[0], middle_b[0])
    return True


def acronym(norm: str) -> str:
    """Initials of the significant words: ``north atlantic treaty organization`` -> ``nato``."""
    return "".join(t[0] for t in norm.split() if t not in STOP_ORG)
