"""Name normalisation and comparison for cross-article entity resolution."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsgraph.pipeline.shared.person_names import TITLE_WORDS
from newsgraph.resources import words

# Entity types resolved together: a GPE in one article may be a LOC in another.
FAMILIES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "NORP"}
# Value-like types are not things to resolve across articles.
SKIP_TYPES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}

SUFFIXES = words("lexicons/names/suffixes.txt")
STOP_ORG = words("lexicons/entities/acronym_skip.txt")  # the list entity clustering uses within one article

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
        while len(tokens) > 1 and tokens[0] in TITLE_WORDS:
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1] in SUFFIXES:
            tokens = tokens[:-1]
    elif tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    return " ".join(tokens)


def acronym(norm: str) -> str:
    """Initials of the significant words: ``north atlantic treaty organization`` -> ``nato``."""
    return "".join(t[0] for t in norm.split() if t not in STOP_ORG)
