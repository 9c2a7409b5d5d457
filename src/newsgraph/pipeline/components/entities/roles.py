"""Offices people hold, from titles before names ("Lithuanian President Gitanas Nauseda",
"NATO Secretary General Jens Stoltenberg") and from appositions ("Jens Stoltenberg, NATO's
secretary general," / "Pieter van Dam, the Dutch economy minister")."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.pipeline.components.entities.gazetteer import HONORIFICS, POSTNOMINALS, titles
from newsgraph.resources import words

_SMALL = words("lexicons/entities/title_small_words.txt")
_DETERMINERS = words("lexicons/entities/determiners.txt")
_RELATIVE = words("lexicons/entities/relative_pronouns.txt")
_BOUNDARY = frozenset({",", ".", ";", ":", "—", "–", "(", ")", '"', "“", "”"})
_OF_WORDS = frozenset({"of", "for", "at"})
_NOT_HELD = frozenset({"former", "ex", "late"})  # "former President X": no office held now
_POSSESSIVE = frozenset({"'s", "’s"})
_MAX_TITLE = 5  # tokens


@dataclass(frozen=True)
class Target:
    """What a mention refers to: entity id, canonical name, type and ISO country."""

    id: str
    name: str
    label: str
    country: str | None
    listed: bool = False  # named by a gazetteer or lexicon entry
    group: bool = False  # a NORP with an id of its own: a party's members ("Tories"), no nationality


@dataclass(frozen=True)
class Office:
    """An office found in the text: ``person`` holds ``title`` of ``of`` (an entity id, or
    a country name when the country is only named by a demonym); evidence [start, end)."""

    person: str
    title: str
    of: str | None
    of_is_id: bool
    start: int
    end: int


@lru_cache(maxsize=1 << 14)  # tried on every few words before each person's name
def canonical_title(phrase: str) -> str | None:
    """The canonical form of a title phrase ("secretary-general" -> "Secretary General",
    "economy minister" -> "Economy Minister"), or None if it is no title."""
    low = " ".join(phrase.replace(" - ", "-").split()).casefold()
    table = titles()
    if low in table:
        return table[low]
    words, written = low.split(), phrase.split()
    if len(words) >= 2 and words[0] in RANK_PREFIXES:  # "shadow home secretary", "acting president"
        inner = canonical_title(" ".join(written[1:]))
        return f"{words[0].capitalize()} {inner}" if inner else None
    if 2 <= len(words) <= 5 and words[-1] in ("minister", "secretary") and _portfolios(written[:-1]):
        return _title_case(words)  # "Economy Minister", "Trade and Industry Secretary"
    if 2 <= len(words) <= 5 and words[-1] in _SPOKESPEOPLE and _portfolios(words[:-1]):
        # "transport spokesman", "home affairs spokeswoman": listed portfolios only, in any
        # case; a name is whose spokesman it is ("Yukos spokesman")
        return _title_case(words)
    if 3 <= len(words) <= 5 and words[0] in ("minister", "secretary") and words[1] in ("of", "for"):
        if all(_portfolio(w) for w in written[2:] if w.lower() not in _SMALL):
            return _title_case(words)
    return None


_PORTFOLIOS = words("lexicons/entities/portfolios.txt")
# A party's spokesman for a portfolio.
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Words before a title that make another office of it: the opposition's spokesman for a
# portfolio ("Shadow Home Secretary"), a holder's deputy, a stand-in.
RANK_PREFIXES = frozenset({"shadow", "deputy", "acting", "interim"})


def _portfolio(word: str) -> bool:
    """A word that can name a minister's portfolio: a listed one in any case, or any
    capitalised word that is not a function word ("Brexit Minister")."""
    low = word.casefold()
    if low in _PORTFOLIOS:
        return True
    # An acronym names an organisation ("TUC General Secretary"); a function word or a
    # day opens the sentence before the title ("But Home Secretary", "On Tuesday Foreign
    # Secretary").
    return (
        word[:1].isupper() and word.isalpha() and not word.isupper()
        and low not in _NOT_PORTFOLIO and low not in STOP_WORDS and low not in _CALENDAR
    )


_CALENDAR = frozenset(name.casefold() for name in (*calendar.day_name, *calendar.month_name) if name)


_NOT_PORTFOLIO = words("lexicons/entities/not_portfolio.txt")


def _portfolios(written: list[str]) -> bool:
    """Words that name one portfolio or two joined by "and" ("Trade and Industry")."""
    inner = [i for i, w in enumerate(written) if w.casefold() in ("and", "&")]
    if any(i in (0, len(written) - 1) for i in inner) or len(inner) > 1:
        return False
    return all(_portfolio(w) for i, w in enumerate(written) if i not in inner)


def _title_case(words: list[str]) -> str:
    return " ".join(w if w in _SMALL and i else w.capitalize() for i, w in enumerate(words))


class RoleFinder:
    """Finds offices in one document given its mentions and what they refer to.

    ``toks`` are the document's token offsets (``mentions.Tokens``); ``targets`` maps a
    mention's (start, end) to its Target; ``country_ids`` maps an ISO code to the id of
    that country's entity in the document.
    """

    def __init__(self, sdoc, toks, targets: dict[tuple[int, int], Target], country_ids: dict[str, str]):
        self.sdoc = sdoc
        self.toks = toks
        self.text = toks.text
        self.targets = targets
        self.country_ids = country_ids
        self.by_end = {end: (start, end) for start, end in targets}
        self.by_start = {start: (start, end) for start, end in targets}
        self.tok_start = toks.by_start
        self.tok_end = toks.by_end
        self.in_mention = {i for start, end in targets for i in toks.covering(start, end)}

    def find(self) -> list[Office]:
        offices = []
        for span, target in self.targets.items():
            if target.label != "PERSON":
                continue
            found = self._before(span, target) or self._apposition(span, target)
            if found is not None:
                offices.append(found)
        return offices

    def _of(self, span: tuple[int, int]) -> tuple[str, bool] | None:
        """What the modifier mention names as the office's organisation or country."""
        target = self.targets[span]
        if target.label == "NORP" and target.group:
            return target.id, True  # "Tory leader": the party, not the country
        if target.label == "NORP":
            if target.country is None:
                return None
            if target.country in self.country_ids:
                return self.country_ids[target.country], True
            from newsgraph.resources.countries import country_by_code

            country = country_by_code(target.country)
            return (country.name, False) if country else None
        if target.label in ("GPE", "ORG"):
            return target.id, True
        return None

    def _before(self, span: tuple[int, int], person: Target) -> Office | None:
        """"[modifier] Title Name": the title ends right before the name."""
        first = self.tok_start.get(span[0])
        if first is None:
            return None
        if first > 0 and self.toks.lower[first - 1] in HONORIFICS:
            first -= 1  # "Commissioner Sir John Stevens": the title ends before the honorific
        words, starts = self.toks.words, self.toks.starts
        lo_min = max(0, first - _MAX_TITLE)
        for k in range(first - 1, lo_min - 1, -1):  # a title never spans a boundary
            if words[k] in _BOUNDARY or "\n" in words[k]:
                lo_min = k + 1
                break
        for lo in range(lo_min, first):  # longest title first
            phrase = self.text[starts[lo] : self.toks.ends[first - 1]]
            # A title may contain a mention the recogniser took for a name ("Council
            # member", "Trade Minister"), never a country or demonym: "Dutch Economy
            # Minister" must leave "Dutch" out as the modifier.
            listed = titles().get(" ".join(phrase.replace(" - ", "-").split()).casefold())
            if listed is None and self._holds_modifier(lo, first):
                continue
            title = listed or canonical_title(phrase)
            if title is None:
                continue
            of, start = self._modifier_before(starts[lo])
            # "former President X", "former England captain X": no office held now
            opening = self.tok_start[start]
            if self.toks.lower[lo] in _NOT_HELD or opening > 0 and self.toks.lower[opening - 1] in _NOT_HELD:
                return None
            if of is None and not words[lo][:1].isupper():
                continue  # "the minister Jan Kos": a lower-case title needs its country
            return Office(person.id, title, of[0] if of else None, bool(of and of[1]), start, span[1])
        return self._after_apposed_title(span, person)

    def _after_apposed_title(self, span: tuple[int, int], person: Target) -> Office | None:
        """"the Dutch economy minister, Pieter van Dam", "Argentina's President, Nestor
        Kirchner": title phrase, comma, name."""
        first = self.tok_start.get(span[0])
        words, starts, ends = self.toks.words, self.toks.starts, self.toks.ends
        if first is None or first < 3 or words[first - 1] != ",":
            return None
        end = first - 1  # the comma
        for n in range(min(_MAX_TITLE, end), 0, -1):
            lo = end - n
            if any(words[k] in _BOUNDARY or "\n" in words[k] or k in self.in_mention for k in range(lo, end)):
                continue
            title = canonical_title(self.text[starts[lo] : ends[end - 1]])
            if title is None:
                continue
            of, start = self._modifier_before(starts[lo])
            if of is not None and words[lo - 1] in _POSSESSIVE:
                return Office(person.id, title, of[0], of[1], start, span[1])  # "Argentina's President, Name"
            det = self.tok_start[start] - 1
            if of is None or det < 0 or self.toks.lower[det] not in ("the", "its", "their"):
                return None  # only "the <country> minister, Name" is this sure
            return Office(person.id, title, of[0], of[1], starts[det], span[1])
        return None

    def _holds_modifier(self, lo: int, hi: int) -> bool:
        """Whether a country, demonym or listed organisation is among tokens ``lo``..``hi - 1``."""
        for i in range(lo, hi):
            if i not in self.in_mention:
                continue
            span = self.by_start.get(self.toks.starts[i]) or self.by_end.get(self.toks.ends[i])
            if span is None or self.targets[span].label in ("GPE", "NORP", "PERSON") or self.targets[span].listed:
                return True  # a person too: "Gordon Brown and Prime Minister Tony Blair"
        return False

    def _modifier_before(self, start: int) -> tuple[tuple[str, bool] | None, int]:
        """A country, organisation or demonym written just before a title, possibly
        possessive ("NATO's"); returns what it names and where the evidence starts."""
        i = self.tok_start[start] - 1
        if i >= 0 and self.toks.words[i] in _POSSESSIVE:
            i -= 1
        if i < 0:
            return None, start
        span = self.by_end.get(self.toks.ends[i])
        if span is None:
            return None, start
        of = self._of(span)
        return (of, span[0]) if of else (None, start)

    def _apposition(self, span: tuple[int, int], person: Target) -> Office | None:
        """"Name, [the] [modifier['s]] title [of X]," up to the next comma or full stop; the
        letters after a name come first ("Paul Ryder MP, Labour's transport spokesman,")."""
        words, lower, starts, ends = self.toks.words, self.toks.lower, self.toks.starts, self.toks.ends
        n = len(words)
        last = self.tok_end.get(span[1])
        while last is not None and last + 1 < n and words[last + 1] in POSTNOMINALS:
            last += 1
        if last is None or last + 2 >= n or words[last + 1] != ",":
            return None
        i = last + 2
        if lower[i] in _RELATIVE:
            return None
        if lower[i] in _DETERMINERS:
            i += 1
        of, i = self._modifier_after(i)
        j = i
        while j < n and j - i < _MAX_TITLE and words[j] not in _BOUNDARY:
            if lower[j] in _OF_WORDS or j in self.in_mention:
                break
            j += 1
        if j == i or j >= n:
            return None
        title = canonical_title(self.text[starts[i] : ends[j - 1]])
        if title is None:
            return None
        end = ends[j - 1]
        if lower[j] in _OF_WORDS and j + 1 < n:
            k = j + 2 if lower[j + 1] == "the" else j + 1  # "a spokesman for the Pentagon"
            after, k = self._modifier_after(k)
            if after is None or k >= n or words[k] not in _BOUNDARY:
                return None
            of, end = after, ends[k - 1]
        elif words[j] not in _BOUNDARY:
            return None
        return Office(person.id, title, of[0] if of else None, bool(of and of[1]), span[0], end)

    def _modifier_after(self, i: int) -> tuple[tuple[str, bool] | None, int]:
        """A country/organisation/demonym mention starting at token ``i`` (with an optional
        possessive); returns what it names and the token index after it."""
        words = self.toks.words
        if i >= len(words):
            return None, i
        span = self.by_start.get(self.toks.starts[i])
        if span is None:
            return None, i
        of = self._of(span)
        if of is None:
            return None, i
        k = self.tok_end.get(span[1], i) + 1
        if k + 1 < len(words) and self.toks.lower[k] == "party" and words[k + 1] in _POSSESSIVE:
            k += 1  # "the Labour party's": the mention left "party" out
        if k < len(words) and words[k] in _POSSESSIVE:
            k += 1
        return of, k
