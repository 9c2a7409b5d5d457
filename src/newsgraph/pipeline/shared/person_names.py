"""Whether two written names may be one person's: the entity linker asks it of the people
one article names ("Viktor Makarov" and "Victor Makarov", "K Holmes" and "Kelly Holmes"),
the corpus resolver of people named in different articles."""

from __future__ import annotations

from newsgraph.resources import table, words

# Common English given-name variants (a short list on purpose: each pair is a claim).
_NICKNAMES = table("lexicons/names/nicknames.tsv")
# Words written before a person's name that are no part of it ("lord", "gen", "professor").
TITLE_WORDS = words("lexicons/names/title_words.txt")


def given_compatible(a: str, b: str) -> bool:
    """True when two given names (lower case) may be the same person's: equal, a known
    short form or spelling (Joe ~ Joseph, Viktor ~ Victor) or an initial (J ~ Joseph).
    Hunter and Joe are not."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return _NICKNAMES.get(a, a) == _NICKNAMES.get(b, b)


def persons_compatible(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...]) -> bool:
    """Full names (lower-case token lists, surname last) that may name one person: same
    surname, compatible first given names, and no conflicting middle names."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    if not given_compatible(a[0], b[0]):
        return False
    middle_a, middle_b = a[1:-1], b[1:-1]
    if middle_a and middle_b:
        return given_compatible(middle_a[0], middle_b[0])
    return True
