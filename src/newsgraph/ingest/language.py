"""Is this text English? A cheap check on function words and script, no model needed.

Each language in ``resources/noise/function_words.tsv`` (its 60 most frequent words,
taken from wordfreq: ``[w for w in top_n_list(lang, 80) if w.isalpha()][:60]``) scores the
share of the text's words it contains. English prose scores about 0.4-0.5 on its own list.
A text is refused only on positive evidence: most letters in a non-Latin script, or
another language's function words clearly out-scoring English's. Short texts, headlines,
results tables and all-caps text have few function words of any language, so they pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from newsgraph.resources import entries

MIN_WORDS = 12  # below this there is too little evidence to refuse anything
MAX_WORDS = 600  # the head of a long article is enough
MIN_OTHER_SCORE = 0.15
# and at least this many of its function words: in a short English text two words that are
# also Swedish function words ("men", "hit") are a share of 0.17 but no evidence
MIN_OTHER_HITS = 4
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")  # ``_WORD`` on lower-cased ASCII text
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")  # Basic Latin through Latin Extended-B
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f]")  # letters of any other script


# ISO 15924 codes of the scripts ``_dominant_foreign_script`` names (the first word of a
# letter's Unicode name); a text in one of them gets the BCP 47 tag ``und-<code>``
# (language undetermined, script known).
_SCRIPT_CODES = {
    "ARABIC": "Arab",
    "ARMENIAN": "Armn",
    "BENGALI": "Beng",
    "CJK": "Hani",
    "CYRILLIC": "Cyrl",
    "DEVANAGARI": "Deva",
    "ETHIOPIC": "Ethi",
    "GEORGIAN": "Geor",
    "GREEK": "Grek",
    "GUJARATI": "Gujr",
    "GURMUKHI": "Guru",
    "HANGUL": "Hang",
    "HEBREW": "Hebr",
    "HIRAGANA": "Hira",
    "KANNADA": "Knda",
    "KATAKANA": "Kana",
    "KHMER": "Khmr",
    "MALAYALAM": "Mlym",
    "SINHALA": "Sinh",
    "TAMIL": "Taml",
    "TELUGU": "Telu",
    "THAI": "Thai",
}


@dataclass(frozen=True)
class Verdict:
    """``english`` is the decision; ``detected`` names what was seen (``French``,
    ``Cyrillic script``), ``code`` tags it (``fr``, ``und-Cyrl``, ``en`` for English and
    for texts too short to tell) and ``scores`` gives the function-word share per language."""

    english: bool
    detected: str
    scores: dict[str, float]
    code: str = "en"


def detect(text: str) -> Verdict:
    """Decide whether ``text`` is English (or too short to tell, which counts as English)."""
    head = text[: MAX_WORDS * 8]
    script = _dominant_foreign_script(head)
    if script:
        return Verdict(False, f"{script.title()} script", {}, _script_code(script))
    lowered = head.lower()
    # On ASCII text the letters-only class is [a-z] (after lower()), which ``re`` scans faster.
    words = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)[:MAX_WORDS]
    if len(words) < MIN_WORDS:
        return Verdict(True, "too short to tell", {})
    counts = dict.fromkeys(_lexicon(), 0)
    index = _index()
    for word, times in Counter(words).items():  # each distinct word looked up once
        for code in index.get(word, ()):
            counts[code] += times
    scores = {code: count / len(words) for code, count in counts.items()}
    best = max(scores, key=scores.get)
    english = scores["en"]
    if best != "en" and counts[best] >= MIN_OTHER_HITS and scores[best] >= MIN_OTHER_SCORE and scores[best] > 1.5 * english:
        return Verdict(False, _lexicon()[best][0], scores, best)
    return Verdict(True, "English", scores)


def _script_code(script: str) -> str:
    code = _SCRIPT_CODES.get(script)
    return f"und-{code}" if code else "und"


def _dominant_foreign_script(text: str) -> str | None:
    """The non-Latin script of most letters in ``text`` (e.g. ``CYRILLIC``), or None."""
    if text.isascii():
        return None
    foreign = _NON_LATIN.findall(text)
    if len(foreign) < 20:
        return None
    latin = len(_LATIN_LETTER.findall(text))
    other: dict[str, int] = {}
    for ch in foreign:
        try:
            script = unicodedata.name(ch).split()[0]
        except ValueError:
            script = "UNKNOWN"
        other[script] = other.get(script, 0) + 1
    total = latin + sum(other.values())
    if total < 20 or latin >= 0.5 * total:
        return None
    return max(other, key=other.get)


@cache
def _index() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose function words include it."""
    index: dict[str, list[str]] = {}
    for code, (_, words) in _lexicon().items():
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


@cache
def _lexicon() -> dict[str, tuple[str, frozenset[str]]]:
    """code -> (language name, its function words), read once."""
    table = {}
    for line in entries("noise/function_words.tsv"):
        code, name, words = line.split("\t")
        table[code] = (name, frozenset(words.split()))
    return table
