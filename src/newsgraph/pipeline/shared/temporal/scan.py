"""Fast scanning for the tagger's patterns, with exactly the matches of ``pattern.finditer``.

Most of the tagger's time went into alternations tried at every position of the text:
Python's ``re`` cannot skip a position quickly when a pattern starts with an optional group,
and case-insensitive branches are each entered in full. A ``Scanner`` keeps a pattern's
matches but finds them in cheaper steps:

1. Gates. From the pattern's syntax tree, sets of literal strings such that every match
   contains one string of each set ("century"; the holiday names; a unit word and "ago",
   "later"...). When a set has no string in the document, the pattern is not run.
2. A candidate pattern: for a pattern with case-insensitive parts, the same pattern in lower
   case without case folding, run over ``text.lower()`` (case-sensitive literals let ``re``
   reject a branch in C); for a case-sensitive one, the pattern itself. Either way it is
   prefixed with a lookahead on the possible first characters of a match, so most
   positions are left after one test.
3. Confirmation. Wherever the original matches, so does the candidate, at the same
   position; the candidate's leftmost match from a position is therefore never to the
   right of the original's. Each candidate start is checked with ``pattern.match`` on the
   original text, which returns the very match ``finditer`` would have produced there.

Lower-casing keeps positions and matches only for texts whose characters behave alike
under ``str.lower`` and under ``re``'s case folding; ``fold`` returns None for any other
text, and the scanner then runs ``pattern.finditer`` for its case-insensitive patterns.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache
from itertools import product

from newsgraph.pipeline.shared.temporal.prefixes import literal_starts

# The parser ``re`` itself uses (private, but the same module in 3.11 to 3.13): the scanner
# reads the patterns' syntax trees to derive gates and first characters.
from re import _parser as sre_parse
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    CATEGORY_SPACE,
    CATEGORY_WORD,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    RANGE,
    SUBPATTERN,
)

_IGNORECASE = re.IGNORECASE.value
# Flags whose meaning a candidate compiled from the bare source would lose.
_OTHER_FLAGS = (re.ASCII | re.LOCALE | re.MULTILINE | re.DOTALL | re.VERBOSE).value
# A literal set larger than this is not worth expanding (cross products grow fast).
_MAX_EXACT = 200


# ---------------------------------------------------------------------------------------
# Folding the text


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# The four non-ASCII letters ``re`` matches to ASCII ones under IGNORECASE ("ſ" to "s"),
# mapped one to one, so every offset stays put.
_RE_FOLDED = str.maketrans({"İ": "I", "ı": "i", "ſ": "s", "\u212a": "K"})
# Whether a text holds one of them: one scan in C, where ``translate`` maps each character.
_HAS_RE_FOLDED = re.compile("[İıſ\u212a]")


def ascii_folded(text: str) -> str:
    """``text`` with the letters ``re`` folds to ASCII under IGNORECASE replaced by those
    ASCII letters, at the same offsets: a case-blind match then reads as the words it
    matched ("chriſtmas" as "christmas"), so lower-case tables find it."""
    if not text.isascii() and _HAS_RE_FOLDED.search(text):
        return text.translate(_RE_FOLDED)
    return text


def fold(text: str) -> str | None:
    """``text.lower()`` when it keeps every position and every match: wherever a pattern
    matches ``text``, its lower-case candidate matches the result at the same position.
    None when some character of ``text`` breaks that (e.g. U+0130, whose lower case is two
    characters, or U+017F, which ``re`` folds to "s" but ``str.lower`` keeps)."""
    if not text.isascii() and not all(_safe_char(c) for c in set(_NON_ASCII.findall(text))):
        return None
    return text.lower()


@cache
def _safe_char(char: str) -> bool:
    """True when the non-ASCII ``char`` lowers to one non-ASCII character other than "’",
    is matched by no ASCII letter under ``re.IGNORECASE`` (nor by the patterns' letter
    classes), and keeps its word, space and digit classes when lowered. The patterns'
    literals are ASCII and "’" (lower-cased ones too, so a safe character matches none of
    them either way), and their classes are ``\\w``, ``\\s``, ``\\d`` and ASCII."""
    low = char.lower()
    if len(low) != 1 or low.isascii() or (low != char and low == "’"):
        return False
    if any(re.fullmatch("(?i)" + letter, char) for letter in string.ascii_lowercase):
        return False
    if re.fullmatch(r"(?i)[\d%a-z]", char):
        return False
    return all(bool(re.fullmatch(cls, char)) == bool(re.fullmatch(cls, low)) for cls in (r"\w", r"\s", r"\d"))


# ---------------------------------------------------------------------------------------
# Deriving the candidate pattern and the gates

# Negative lookarounds on case-sensitive letters cannot be checked on lower-cased text
# ("May" followed by "OR" passes ``(?![a-z])``; "mayor" would not): the candidate drops them,
# which only lets it match more. Any other negative lookaround in a case-sensitive pattern
# must be one of these case-blind ones, or the pattern gets no candidate.
_DROPPED_LOOKAROUNDS = ("(?![a-z])",)
_CASE_BLIND_LOOKAROUNDS = ("(?![\\w-])", "(?!\\d|,\\d|\\.\\d|%)", "(?![-/.,]\\d)", "(?!:|\\.\\d|,\\d)")


def lower_pattern(source: str) -> str | None:
    """The case-sensitive, lower-case candidate for the pattern ``source``, or None when it
    cannot be derived safely. Escapes (``\\b``, ``\\S``...) and group names are kept as
    written; every other letter is lowered and the ``(?i)`` flags are removed."""
    if re.search(r"\\[xuUN0-9]|[A-Z]-|-[A-Z]", source) or any(
        not c.isascii() and c.lower() != c.upper() for c in source
    ):
        return None  # escaped or non-ASCII letters, ranges on capitals: not lowered here
    whole_ci = source.startswith("(?i)")
    body = source[4:] if whole_ci else source
    if not whole_ci:
        if "(?-i" in body or "[^" in body:
            return None  # a negated class on letters is not a superset once lowered
        for dropped in _DROPPED_LOOKAROUNDS:
            body = body.replace(dropped, "")
        rest = body
        for blind in _CASE_BLIND_LOOKAROUNDS:
            rest = rest.replace(blind, "")
        if "(?!" in rest or "(?<!" in rest:
            return None
    elif "(?-i" in body:
        return None
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            out.append(body[i : i + 2])
            i += 2
        elif body.startswith("(?P<", i) or body.startswith("(?P=", i):
            close = body.index(">", i) if body[i + 3] == "<" else body.index(")", i)
            out.append(body[i : close + 1])
            i = close + 1
        elif body.startswith("(?i:", i):
            out.append("(?:")
            i += 4
        else:
            out.append(ch.lower())
            i += 1
    lowered = "".join(out)
    return None if "(?i" in lowered else lowered


def required_literals(source: str, flags: int = 0, *, most: int = 3) -> list[frozenset[str]]:
    """Sets of strings such that every match of the pattern ``source`` contains a string of
    each set (case-sensitively; case-insensitive parts count as unknown): up to ``most``
    of them, the most selective first, none implied by another, or none at all. Strings containing another of their set
    are left out: finding the shorter is enough."""
    parsed = sre_parse.parse(source, flags)
    ignore = bool(parsed.state.flags & _IGNORECASE)
    _, reqs = _seq(list(parsed), ignore)
    kept: list[frozenset[str]] = []
    for req in sorted(set(reqs), key=_score, reverse=True):
        short = frozenset(s for s in req if not any(o != s and o in s for o in req))
        # Left out when a kept set implies it (each of its strings contains one of these).
        if not any(all(any(s in k for s in short) for k in known) for known in kept):
            kept.append(short)
    return kept[:most]


def _useful(req: frozenset | None) -> bool:
    return bool(req) and "" not in req


def _score(req: frozenset) -> tuple[int, int]:
    """How selective a requirement is likely to be: its shortest string, then fewer strings."""
    return (min(map(len, req)), -len(req))


def _best(reqs: list[frozenset]) -> frozenset | None:
    return max(reqs, key=_score) if reqs else None


Analysis = tuple[frozenset | None, list]


def _seq(items: list, ignore: bool) -> Analysis:
    """(exact, required) for a sequence: ``exact`` is every string it can match when that
    set is finite and small, else None; ``required`` a list of sets as in
    ``required_literals`` (each set is necessary on its own)."""
    run: frozenset | None = frozenset({""})
    reqs: list = []
    whole = True
    for op, av in items:
        exact, item_reqs = _item(op, av, ignore)
        reqs.extend(item_reqs)
        if exact is not None and run is not None and len(run) * len(exact) <= _MAX_EXACT:
            run = frozenset(a + b for a, b in product(run, exact))
        else:
            if _useful(run):
                reqs.append(run)
            run = exact
            whole = False
    if _useful(run):
        reqs.append(run)
    return (run if whole else None), reqs


def _item(op, av, ignore: bool) -> Analysis:
    """(exact, required) for one node of the parsed pattern."""
    if op is LITERAL:
        ch = chr(av)
        if ignore and ch.lower() != ch.upper():
            return None, []
        return frozenset({ch}), []  # the sequence's run of literals holds it
    if op is IN:
        chars = [chr(v) for o, v in av if o is LITERAL]
        if len(chars) != len(av) or len(chars) > 8 or (ignore and any(c.lower() != c.upper() for c in chars)):
            return None, []
        return frozenset(chars), []
    if op is SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        sub_ignore = (ignore or bool(add_flags & _IGNORECASE)) and not del_flags & _IGNORECASE
        return _seq(list(sub), sub_ignore)
    if op is BRANCH:
        results = [_seq(list(alt), ignore) for alt in av[1]]
        exacts = [e for e, _ in results]
        exact = None
        if all(e is not None for e in exacts) and sum(map(len, exacts)) <= _MAX_EXACT:
            exact = frozenset().union(*exacts)
        # One of the branches matches: each contributes its best requirement to a union.
        bests = [_best(r) for _, r in results]
        req = [] if any(b is None for b in bests) else [frozenset().union(*bests)]
        return exact, req
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, sub = av
        exact, reqs = _seq(list(sub), ignore)
        if low >= 1:
            return (exact if low == high == 1 else None), reqs + ([exact] if _useful(exact) else [])
        return (exact | {""} if high == 1 and exact is not None else None), []
    if op is AT or op is ASSERT_NOT:
        return frozenset({""}), []
    if op is ASSERT:
        exact, reqs = _seq(list(av[1]), ignore)
        return frozenset({""}), reqs + ([exact] if _useful(exact) else [])
    return None, []


_CATEGORY_CLASS = {CATEGORY_DIGIT: r"\d", CATEGORY_SPACE: r"\s", CATEGORY_WORD: r"\w"}


def first_class(source: str) -> str | None:
    """A character class (``[...]``) holding the first character of every match of the
    case-sensitive pattern ``source``, or None when that is not known (case folding, a
    negated class, a pattern that can match empty...). As a leading lookahead it lets
    ``re`` leave most positions after one test instead of entering optional groups."""
    parsed = sre_parse.parse(source)
    if parsed.state.flags & _IGNORECASE:
        return None
    items, nullable = _first_seq(list(parsed))
    if items is None or nullable or not items:
        return None
    parts = []
    for op, av in sorted(items, key=repr):
        if op is LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        else:
            parts.append(_CATEGORY_CLASS[av])
    return "[" + "".join(parts) + "]"


def _first_seq(items: list) -> tuple[set | None, bool]:
    """(possible first characters as ``re`` class items or None, can it match empty)."""
    found: set = set()
    for op, av in items:
        first, nullable = _first_item(op, av)
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return found, False
    return found, True


def _first_item(op, av) -> tuple[set | None, bool]:
    if op is LITERAL:
        return {(LITERAL, av)}, False
    if op is IN:
        if all(o is LITERAL or o is RANGE or (o is CATEGORY and a in _CATEGORY_CLASS) for o, a in av):
            return set(av), False
        return None, False
    if op is BRANCH:
        found: set = set()
        nullable = False
        for alt in av[1]:
            first, alt_nullable = _first_seq(list(alt))
            if first is None:
                return None, False
            found |= first
            nullable = nullable or alt_nullable
        return found, nullable
    if op is SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return (None, False) if add_flags & _IGNORECASE else _first_seq(list(sub))
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, _high, sub = av
        first, nullable = _first_seq(list(sub))
        return first, nullable or low == 0
    if op in (AT, ASSERT, ASSERT_NOT):
        return set(), True  # zero-width: the first character comes after it
    return None, False


# ---------------------------------------------------------------------------------------
# Scanning


class Scanner:
    """``finditer`` for one compiled tagger pattern, faster and with the same matches."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        source = pattern.pattern
        self.exact_gates: list[re.Pattern] = []
        self.folded_gates: list[tuple[str, ...]] = []
        self.candidate: re.Pattern | None = None
        # The candidate spread into patterns that ``re`` skips to quickly (prefixes.py).
        self.starts: list[re.Pattern] = []
        # The literal string each of ``starts`` begins with ("" when none): a text without
        # it holds no match, which one ``in`` test per string and text tells.
        self.start_prefixes: list[str] = []
        self.on_folded = bool(pattern.flags & _IGNORECASE) or "(?i:" in source
        if not isinstance(source, str) or pattern.flags & _OTHER_FLAGS:
            return  # verbose, dotall...: plain finditer
        # Gates on the original text, from its case-sensitive parts (month names...).
        self.exact_gates = [_gate(req) for req in required_literals(source, pattern.flags & _IGNORECASE)]
        cand = lower_pattern(source) if self.on_folded else source
        if cand is None or sre_parse.parse(source).getwidth()[0] == 0:
            return  # finditer's rule for empty matches is not reproduced by ``_confirmed``
        if self.on_folded:
            self.folded_gates = [tuple(sorted(req)) for req in required_literals(cand)]
        starts = literal_starts(cand)
        if starts is not None:
            self.starts = [re.compile(s) for s in starts]
            self.start_prefixes = [literal_prefix(s) for s in starts]
        first = first_class(cand)
        if first is not None:
            cand = f"(?={first})" + cand
        if cand != source:
            self.candidate = re.compile(cand)

    def finditer(self, text: str, folded: str | None, memo: dict | None = None) -> Iterator[re.Match]:
        """The matches of ``self.pattern.finditer(text)``; ``folded`` is ``fold(text)``.
        ``memo``, a dict kept for one text across its scanners, remembers which gates it
        passed (many patterns share one: the month names, the unit words)."""
        memo = {} if memo is None else memo
        for gate in self.exact_gates:
            passed = memo.get(gate)
            if passed is None:
                passed = memo[gate] = gate.search(text) is not None
            if not passed:
                return iter(())
        if self.candidate is None or (self.on_folded and folded is None):
            return self.pattern.finditer(text)
        if not self.on_folded:
            return self._confirmed(text, text)
        # Plain ``in`` tests: on lower-cased text an alternation's first letters are too
        # common for ``re`` to skip ahead quickly.
        for gate in self.folded_gates:
            passed = memo.get(gate)
            if passed is None:
                passed = memo[gate] = any(_holds(folded, True, s, memo) for s in gate)
            if not passed:
                return iter(())
        return self._confirmed(text, folded, memo)

    def _confirmed(self, text: str, scanned: str, memo: dict | None = None) -> Iterator[re.Match]:
        """Candidates found in ``scanned`` (``text`` or its folded copy), confirmed with
        the original pattern on ``text``: ``finditer``'s matches, left to right."""
        if self.starts:
            yield from self._confirmed_at(text, self._starts(scanned, {} if memo is None else memo))
            return
        match, search = self.pattern.match, self.candidate.search
        pos = 0
        while True:
            cand = search(scanned, pos)
            if cand is None:
                return
            m = match(text, cand.start())
            if m is None:
                pos = cand.start() + 1
                continue
            yield m
            pos = m.end()  # never empty: such patterns get no candidate

    def _starts(self, scanned: str, memo: dict) -> list[int]:
        """Every position of ``scanned`` where one of ``self.starts`` matches, in order:
        they hold every start of the candidate. A pattern whose literal beginning is not in
        ``scanned`` is not run (``memo`` remembers the ``in`` tests, as in ``finditer``)."""
        found: set[int] = set()
        for start, prefix in zip(self.starts, self.start_prefixes):
            if prefix and not _holds(scanned, self.on_folded, prefix, memo):
                continue
            search, pos = start.search, 0
            while (m := search(scanned, pos)) is not None:
                found.add(m.start())
                pos = m.start() + 1
        return sorted(found)

    def _confirmed_at(self, text: str, starts: list[int]) -> Iterator[re.Match]:
        """``finditer``'s matches, given positions ``starts`` that hold every match start."""
        match, pos = self.pattern.match, 0
        for start in starts:
            if start < pos:
                continue
            m = match(text, start)
            if m is not None:
                yield m
                pos = m.end()


def _holds(scanned: str, folded: bool, literal: str, memo: dict) -> bool:
    """``literal in scanned``, remembered in ``memo`` (one per text) under the literal and
    which copy of the text was searched (``folded``: the lower-cased one): gates and the
    beginnings of the start patterns share many strings (month names, "the", "early")."""
    key = (literal, folded)
    found = memo.get(key)
    if found is None:
        found = memo[key] = literal in scanned
    return found


def literal_prefix(source: str) -> str:
    """The literal string every match of the case-sensitive pattern ``source`` begins with
    ("" when it begins with a class, a group or anything else)."""
    parsed = sre_parse.parse(source)
    if parsed.state.flags & _IGNORECASE:
        return ""
    out = []
    for op, av in parsed:
        if op is not LITERAL:
            break
        out.append(chr(av))
    return "".join(out)


def _gate(literals: frozenset[str]) -> re.Pattern:
    """One compiled search for any of ``literals``: a case-sensitive alternation of plain
    strings (capitalised names, digits), which ``re`` scans in C."""
    return re.compile("|".join(re.escape(s) for s in sorted(literals, key=lambda s: (-len(s), s))))
