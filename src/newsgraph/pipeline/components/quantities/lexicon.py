"""The quantity lexicons (``resources/units/*.json``), loaded once and compiled to regexes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.pipeline.shared import number_words

UNITS_DIR = Path(__file__).resolve().parents[3] / "resources" / "units"


@dataclass(frozen=True)
class Unit:
    """One unit of measure: ``unit`` (record value), ``name`` (English), ``dimension``."""

    unit: str
    name: str
    dimension: str


@dataclass(frozen=True)
class Lexicon:
    """Everything the quantity extractor looks up, compiled.

    Number words are valued by ``newsgraph.pipeline.shared.number_words``; ``suffix_forms`` / ``prefix_forms`` map a
    lower-cased (or exact, for cased forms) surface form to its ``Unit``; ``suffix_re`` and
    ``prefix_re`` match those forms right after / right before a number.
    """

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    dozen: int
    multipliers: dict[str, int]
    fractions: dict[str, float]
    approx: tuple[str, ...]
    lower: tuple[str, ...]
    upper: tuple[str, ...]
    vague: dict[str, int]
    label_words: frozenset[str]
    suffix_forms: dict[str, Unit]
    cased_suffix: dict[str, Unit]
    prefix_forms: dict[str, Unit]
    suffix_re: re.Pattern
    prefix_re: re.Pattern
    by_unit: dict[str, Unit]
    by_name: dict[str, Unit]


def alternation(forms) -> str:
    """A regex matching any of ``forms``, longest first, written as a trie (``k(?:m|g)``)
    so the engine follows one branch per character instead of trying a thousand forms in
    turn. Children of a node start with different characters and a node that ends a form
    makes its children optional (greedy), so the match is the longest form that lets the
    rest of the pattern match: what a length-sorted alternation gives, ten times faster."""
    root: dict = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(root)


def _trie_regex(node: dict) -> str:
    kids = [re.escape(char) + _trie_regex(sub) for char, sub in sorted(node.items()) if char]
    if not kids:
        return ""
    body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
    return f"(?:{body})?" if "" in node else body


_POWER = re.compile(r"(?<=[A-Za-z])[23²³]$")
_CARET = {"2": "^2", "3": "^3", "²": "^2", "³": "^3"}


def _with_powers(forms: list[str]) -> list[str]:
    """``forms`` and, for a form ending in a power (``m2``, ``m/s²``), its caret spelling
    (``m^2``, ``m/s^2``)."""
    return [*forms, *(f[:-1] + _CARET[f[-1]] for f in forms if _POWER.search(f))]


@cache
def load() -> Lexicon:
    """The compiled lexicon (read once per process)."""
    numbers = number_words.load()
    data = json.loads((UNITS_DIR / "units.json").read_text(encoding="utf-8"))
    # The generated catalogue (scripts/build_units.py) comes second: hand-written forms win.
    catalog = json.loads((UNITS_DIR / "catalog.json").read_text(encoding="utf-8"))
    suffix: dict[str, Unit] = {}
    cased: dict[str, Unit] = {}
    prefix: dict[str, Unit] = {}
    prefix_lower: dict[str, Unit] = {}
    by_unit: dict[str, Unit] = {}
    hand_prefixes = {f for entry in data["units"] for f in entry.get("prefix", [])}
    for entry in data["units"] + catalog["units"]:
        unit = by_unit.get(entry["unit"]) or Unit(entry["unit"], entry["name"], entry["dimension"])
        by_unit.setdefault(unit.unit, unit)
        for form in _with_powers(entry.get("forms", [])):
            suffix.setdefault(form.lower(), unit)
        for form in _with_powers(entry.get("cased", [])):
            cased.setdefault(form, unit)
        for form in entry.get("prefix", []):
            prefix.setdefault(form, unit)
            if form in hand_prefixes:
                prefix_lower.setdefault(form.lower(), unit)
    # A unit form must end at a word boundary unless it is a symbol (``%``, ``€``).
    suffix_re = re.compile(
        r"(?:(?i:" + alternation(suffix) + r")|" + alternation(cased) + r")(?![A-Za-z0-9])"
    )
    # Currency codes and dollar forms of three or more characters match in any case
    # ("rmb 10", "usd 20"); short symbols (PS, RM, Rs.) only as written.
    loose = [f for f in hand_prefixes if len(f) >= 3 and "." not in f and f.upper() == f]
    strict = [f for f in prefix if f not in loose]
    prefix_re = re.compile(r"(?:(?i:" + alternation(loose) + r")|" + alternation(strict) + r")\s?$")
    return Lexicon(
        units=numbers["units"],
        tens=numbers["tens"],
        scales=numbers["scales"],
        dozen=numbers["dozen"],
        multipliers=numbers["suffix_multipliers"],
        fractions=numbers["fractions"],
        approx=tuple(numbers["approx"]),
        lower=tuple(numbers["lower_bound"]),
        upper=tuple(numbers["upper_bound"]),
        vague=numbers["vague_plurals"],
        label_words=frozenset(numbers["label_words"]),
        suffix_forms=suffix,
        cased_suffix=cased,
        prefix_forms={**prefix_lower, **prefix},
        suffix_re=suffix_re,
        prefix_re=prefix_re,
        by_unit=by_unit,
        by_name={u.name: u for u in reversed(list(by_unit.values()))},
    )


def unit_for(form: str) -> Unit | None:
    """The unit a surface form (after a number) names, or None."""
    lex = load()
    return lex.cased_suffix.get(form) or lex.suffix_forms.get(form.lower())
