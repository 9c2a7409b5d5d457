"""The unit an ambiguous form names, chosen from the words around it: ``25 c`` is a cent
next to "costs" and a degree Celsius next to "temperature"; ``30 kn`` a knot or a Croatian
kuna; ``¥500`` a yen or a yuan.

The model (``resources/units/ambiguous.json``, fit by ``scripts/fit_ambiguous_units.py``
on the CQE unit-disambiguation training sentences) is a multinomial naive Bayes per
surface form over the lower-cased words of the sentence.
"""

from __future__ import annotations

import json
import re
from functools import cache

from newsgraph.pipeline.components.quantities.lexicon import UNITS_DIR

_FORM_AFTER = re.compile(r" ?(?P<form>[^\s\d,;:!?()\[\]]+?)\.?(?=[\s,;:!?)\]]|$)")
_SYMBOL_BEFORE = re.compile(r"(?P<form>[^\s\w.,]{1,2})\s?$")
_WORD = re.compile(r"[a-z]+")
# After these forms a lower-case word must be a conjunction or preposition, else the form
# is an article or a word ("10 a day" is a rate, "5 b c" nothing).
_WORDLIKE = {"a"}
_FOLLOWERS = {"and", "or", "of", "in", "for", "to", "from", "which", "with", "but", "so", "now", "per"}


# Primes and their look-alikes are one form: ``30′``, ``30'`` and ``30’`` mean the same.
_PRIMES = str.maketrans({"′": "'", "’": "'", "″": '"', "”": '"'})


def form_key(form: str) -> str:
    """The model's key for a surface form: short forms keep their case (``C``, ``c``);
    typographic primes are read as the ASCII ones."""
    form = form.translate(_PRIMES)
    return form if len(form) < 3 else form.lower()


def form_after(text: str, end: int) -> tuple[str, int] | None:
    """The token written right after a number ending at ``end`` (one space allowed), as
    ``(key, where it ends)``; None when there is none."""
    m = _FORM_AFTER.match(text, end)
    if not m:
        return None
    key = form_key(m.group("form"))
    if key in _currency_symbols():
        key = "PRE:" + key  # "500 ¥" and "¥500" are one form: one model, twice the examples
    return key, m.end("form")


@cache
def _currency_symbols() -> frozenset[str]:
    """Currency symbols that are no letters (``¥``, ``€``): the same form before or after."""
    from newsgraph.pipeline.components.quantities.lexicon import load

    return frozenset(f for f in load().prefix_forms if not any(c.isalnum() for c in f))


def symbol_before(text: str, start: int) -> str | None:
    """The key of a symbol written right before a number starting at ``start`` (``¥``)."""
    m = _SYMBOL_BEFORE.search(text[max(0, start - 3) : start])
    return "PRE:" + m.group("form") if m else None


def context_words(text: str, start: int, end: int, width: int = 150) -> list[str]:
    """The lower-case words within ``width`` characters of ``[start, end)``."""
    return _WORD.findall(text[max(0, start - width) : end + width].lower())


def features(text: str, start: int, end: int) -> list[str]:
    """What the model reads around a quantity ``[start, end)``: the context words, plus the
    word right before it and the word right after it marked by side (``<:speed``,
    ``>:per``), which say more than any word further away."""
    before = _WORD.findall(text[max(0, start - 30) : start].lower())
    after = _WORD.findall(text[end : end + 30].lower())
    near = ["<:" + before[-1]] if before else []
    near += [">:" + after[0]] if after else []
    return context_words(text, start, end) + near


@cache
def model() -> dict:
    """The fitted model: ``{key: {"units": {name: log prior}, "words": {name: {word: log
    p}}, "unseen": {name: log p of an unseen word}}}``."""
    return json.loads((UNITS_DIR / "ambiguous.json").read_text(encoding="utf-8"))["forms"]


def choose(key: str, words: list[str], entry: dict | None = None) -> tuple[str | None, float]:
    """The unit name the form ``key`` most probably names among ``words``, and its margin
    (log odds over the runner-up); ``(None, 0.0)`` when the form is not ambiguous.
    ``entry``: the form's tables when not the shipped model's (cross-validation)."""
    entry = entry or model().get(key)
    if entry is None:
        return None, 0.0
    vocabulary = set(entry["vocabulary"])
    scores = []
    for name, prior in entry["units"].items():
        table, unseen = entry["words"][name], entry["unseen"][name]
        scores.append((prior + sum(table.get(w, unseen) for w in words if w in vocabulary), name))
    scores.sort(reverse=True)
    return scores[0][1], scores[0][0] - scores[1][0]


def allowed(text: str, key: str, form_end: int) -> bool:
    """Whether a word-like form (``a``, ``c``) stands as a unit: followed by punctuation,
    the end, or a conjunction or preposition."""
    if key not in _WORDLIKE:
        return True
    nxt = re.match(r"\s*([A-Za-z]+)", text[form_end:])
    return nxt is None or nxt.group(1) in _FOLLOWERS
