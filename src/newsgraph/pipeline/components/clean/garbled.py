"""Garbled tokens: a word with a run of junk letters inserted (``bufxqzzfer`` for
``buffer``), found with wordfreq and repaired by deleting the run.

A token is flagged only when all of these hold, so names, acronyms, URLs, hashtags,
numbers, rare real words and foreign names stay untouched:

- it is a lower-case run of letters (or capitalised at the start of a sentence), at least
  ``MIN_LENGTH`` long, not touching digits, ``@``, ``#``, ``/``, ``_`` or a dot-joined word;
- wordfreq does not know it (frequency zero in English);
- deleting one contiguous run of 2+ letters leaves a common English word (Zipf >= 3) of
  at least four letters, and the run is at most two letters longer than that word;
- the letters around the deleted run contain at least ``MIN_ODD_TRIGRAMS`` letter
  trigrams that no common English word has: real rare words are made of ordinary
  letter sequences, keyboard junk is not.

The suggestion is the most frequent such word. Runs at the start or end of a token are
not considered: deleting them turns prefixed words and compounds into their stems.
Hyphen or space damage (``gov- ernment``, ``secu rity``) is flagged when joining the two
pieces gives a common word and one piece alone is not a word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

MIN_LENGTH = 7
MIN_ZIPF = 3.0
MIN_ODD_TRIGRAMS = 2
_ATTESTED_ZIPF = 2.5  # words frequent enough for their trigrams to count as English
MIN_SPLIT_ZIPF = 2.0  # a piece of a split word is this rare or unknown
_WORD = re.compile(r"[A-Za-z]{2,}")
_GLUE = frozenset("@#/\\_&'’-")  # characters that make a token part of something else
_SPLIT_RIGHT = re.compile(r"(?:-[ \t]+|[ \t])([a-z]{2,})(?![\w@/-])")
_SPLIT_LEFT = re.compile(r"(?<![\w@#/-])([a-z]{2,})(?:-[ \t]+|[ \t])$")


@dataclass(frozen=True, slots=True)
class Garble:
    """A garbled stretch of text: ``text[start:end]`` and its suggested repair."""

    start: int
    end: int
    suggestion: str


def find_garbled(text: str) -> list[Garble]:
    """Garbled tokens in ``text``, in order. Cheap on clean text: only the few words
    wordfreq finds rare are looked at closely."""
    freq, common = _frequencies(), _common()
    found: list[Garble] = []
    for word in set(_WORD.findall(text)):
        lower = word.lower()
        if lower in common:
            continue
        if len(word) >= MIN_LENGTH and lower not in freq:
            found.extend(_garbled_word(text, word))
        if word.islower():
            found.extend(_split_word(text, word))
    unique = {(g.start, g.end): g for g in found}
    return [unique[key] for key in sorted(unique)]


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` in ``text`` as a whole token (not inside a longer word,
    a URL, a handle, a hashtag, a path or a contraction)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end : end + 2]
        if not (before.isalnum() or before in _GLUE) and not (
            after[:1].isalnum() or after[:1] in _GLUE or (after[:1] == "." and after[1:].isalpha())
        ):
            yield start
        start = text.find(word, end)


def _garbled_word(text: str, word: str) -> Iterator[Garble]:
    """The occurrences of the unknown ``word`` in ``text`` that are garbled tokens."""
    repair = None
    for start in _occurrences(text, word):
        if not _eligible_case(word, text, start):
            continue
        # Capitalised words are more often names and terms of art (Workqueue): their
        # junk run must itself be junk, not just touch odd letter sequences.
        repair = repair if repair is not None else (_repair(word.lower(), strict=word[0].isupper()) or "")
        if not repair:
            return
        suggestion = repair[0].upper() + repair[1:] if word[0].isupper() else repair
        yield Garble(start, start + len(word), suggestion)


def _eligible_case(token: str, text: str, start: int) -> bool:
    """Lower-case words, or a capitalised word opening a sentence (never all-caps)."""
    if token.islower():
        return True
    return token[0].isupper() and token[1:].islower() and _opens_sentence(text, start)


def _opens_sentence(text: str, start: int) -> bool:
    """True when ``start`` begins the text or follows ``.``/``!``/``?`` (and maybe a
    closing quote or bracket) and whitespace."""
    window = text[max(0, start - 40) : start]
    before = window.rstrip()
    if before == window:
        return start == 0  # no whitespace in between: inside a token, or the very start
    if not before:
        return start - len(window) <= 0
    return before[-1] in ".!?" or (before[-1] in "\"”’)" and before[-2:-1] in (".", "!", "?"))


def _repair(word: str, strict: bool = False) -> str | None:
    """The best common word left after deleting one junk run from ``word``, or None.
    ``strict`` counts only odd trigrams lying wholly inside the run."""
    freq = _frequencies()
    best, best_score = None, -math.inf
    n = len(word)
    # Interior runs only: deleting an edge run turns real compounds and prefixed words
    # (outjumped, blogzine) into their stems.
    for i in range(1, n - 2):
        for j in range(i + 2, n):
            candidate = word[:i] + word[j:]
            if len(candidate) < 4 or j - i > len(candidate) + 2 or candidate not in freq:
                continue
            zipf = math.log10(freq[candidate]) + 9
            if zipf < MIN_ZIPF:
                continue
            if zipf > best_score and _odd_trigrams(word, i, j, strict) >= MIN_ODD_TRIGRAMS:
                best, best_score = candidate, zipf
    return best


def _odd_trigrams(word: str, i: int, j: int, inside: bool = False) -> int:
    """How many letter trigrams touching the run ``word[i:j]`` (``inside``: lying wholly
    in it) no common word has."""
    attested = _trigrams()
    padded = f"^{word}$"
    if inside:
        lo, hi = i + 1, j - 1  # padded[k:k+3] within word[i:j]
    else:
        lo, hi = max(0, i - 1), min(len(padded) - 2, j + 1)  # trigrams overlapping the run
    return sum(1 for k in range(lo, hi) if padded[k : k + 3] not in attested)


def _split_word(text: str, piece: str) -> Iterator[Garble]:
    """``piece`` joined to its neighbour across a stray space or hyphen-space, when the
    two make a common word and are not both common words themselves."""
    for start in _occurrences(text, piece):
        end = start + len(piece)
        right = _SPLIT_RIGHT.match(text, end)
        if right:
            yield from _joined(start, piece, right.end(), right.group(1))
        left = _SPLIT_LEFT.search(text, max(0, start - 40), start)
        if left and left.end() == start:
            yield from _joined(left.start(1), left.group(1), end, piece)


def _joined(start: int, left: str, end: int, right: str) -> Iterator[Garble]:
    joined = left + right
    if _zipf(joined) < MIN_ZIPF + 0.5:
        return
    if _zipf(left) >= MIN_ZIPF and _zipf(right) >= MIN_ZIPF:
        return  # "some times", "on going": two common words; leave them
    yield Garble(start, end, joined)


def _zipf(word: str) -> float:
    frequency = _frequencies().get(word)
    return math.log10(frequency) + 9 if frequency else 0.0


@cache
def _frequencies() -> dict[str, float]:
    """wordfreq's English word -> frequency table (loaded once, about a second)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


@cache
def _common() -> frozenset[str]:
    """Words at or above ``MIN_SPLIT_ZIPF``: never garbled, never a piece of a split word."""
    floor = 10 ** (MIN_SPLIT_ZIPF - 9)
    return frozenset(word for word, frequency in _frequencies().items() if frequency >= floor)


@cache
def _trigrams() -> frozenset[str]:
    """Letter trigrams (with ``^``/``$`` word edges) of common English words."""
    floor = 10 ** (_ATTESTED_ZIPF - 9)
    seen: set[str] = set()
    for word, frequency in _frequencies().items():
        if frequency < floor or not word.isalpha() or not word.isascii():
            continue
        padded = f"^{word}$"
        seen.update(padded[k : k + 3] for k in range(len(padded) - 2))
    return frozenset(seen)
