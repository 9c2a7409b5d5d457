"""Candidates that ``re`` can skip to in C: a pattern's alternatives spread out until each
begins with a literal or a character class.

``re`` searches quickly for a pattern that begins with a literal string (a fast string
search) or a character class (a tight loop over a bitmap); for one that begins with
``\\b``, a lookahead or an optional group it runs the whole pattern at every position.
``literal_starts(source)`` rewrites a case-sensitive candidate pattern as a few patterns
whose matches start where the candidate's do: leading optional groups and alternations are
spread into alternatives ("(?:the\\s+)?(?:every|each)\\s+X" gives "the\\s+every\\s+X",
"the\\s+each\\s+X", "every\\s+X", "each\\s+X"), leading zero-width tests are dropped (the
original pattern confirms each start anyway), and a leading ``x+`` is written ``xx*``. The
union of the alternatives' match starts holds every start of the candidate.
"""

from __future__ import annotations

import re
from re import _parser as sre_parse
from re._constants import (
    ANY,
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BEGINNING,
    AT_BEGINNING_STRING,
    AT_BOUNDARY,
    AT_END,
    AT_END_STRING,
    AT_NON_BOUNDARY,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    CATEGORY_NOT_DIGIT,
    CATEGORY_NOT_SPACE,
    CATEGORY_NOT_WORD,
    CATEGORY_SPACE,
    CATEGORY_WORD,
    IN,
    LITERAL,
    MAX_REPEAT,
    MAXREPEAT,
    MIN_REPEAT,
    NEGATE,
    NOT_LITERAL,
    RANGE,
    SUBPATTERN,
)

# Beyond this many alternatives the searches cost more than the one scan they replace.
MAX_ALTERNATIVES = 64

_CATEGORIES = {
    CATEGORY_DIGIT: r"\d",
    CATEGORY_NOT_DIGIT: r"\D",
    CATEGORY_SPACE: r"\s",
    CATEGORY_NOT_SPACE: r"\S",
    CATEGORY_WORD: r"\w",
    CATEGORY_NOT_WORD: r"\W",
}
_AT = {
    AT_BOUNDARY: r"\b",
    AT_NON_BOUNDARY: r"\B",
    AT_BEGINNING: "^",
    AT_END: "$",
    AT_BEGINNING_STRING: r"\A",
    AT_END_STRING: r"\Z",
}


class _Unsupported(Exception):
    """A node this module does not write back; the caller keeps its one candidate."""


def literal_starts(source: str) -> list[str] | None:
    """Patterns whose match starts, together, hold every match start of the case-sensitive
    pattern ``source``, each beginning with a literal or a class; None when ``source``
    needs no such rewrite or cannot be given one within ``MAX_ALTERNATIVES``."""
    parsed = sre_parse.parse(source)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.DOTALL | re.MULTILINE).value:
        return None
    try:
        # Spread every alternation first; past the budget, keep alternations whose
        # branches all begin with a literal (``re`` skips to their first letters).
        alternatives = _spread(list(parsed), MAX_ALTERNATIVES, False)
        if alternatives is None:
            alternatives = _spread(list(parsed), MAX_ALTERNATIVES, True)
        if alternatives is None:
            return None
        out = list(dict.fromkeys(_write(alt) for alt in alternatives))
    except _Unsupported:
        return None
    return out


def _spread(items: list, budget: int, keep: bool) -> list[list] | None:
    """``items`` (a parsed sequence) as alternatives that each begin with a consuming
    literal or class, or None past ``budget`` or on a start that cannot be spread.
    ``keep``: an alternation whose branches all begin with a literal is not spread."""
    while items and (items[0][0] in (ASSERT, ASSERT_NOT) or items[0][0] is AT and items[0][1] is AT_BOUNDARY):
        items = items[1:]  # zero-width: dropped, the original pattern checks it
    if not items:
        return None  # could match empty here: no class to start from
    op, av = items[0]
    rest = items[1:]
    if op in (LITERAL, IN):
        return [items]
    if op is SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None
        return _spread(list(sub) + rest, budget, keep)
    if op is BRANCH:
        if keep and all(alt and alt[0][0] is LITERAL for alt in av[1]):
            return [items]
        return _union([list(alt) + rest for alt in av[1]], budget, keep)
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, sub = av
        if low == 0:
            if high == 0:
                return _spread(rest, budget, keep)
            shorter = [] if high == 1 else [(op, (0, high - 1 if high != MAXREPEAT else MAXREPEAT, sub))]
            return _union([list(sub) + shorter + rest, rest], budget, keep)
        once = list(sub)
        more = [] if high == 1 else [(op, (low - 1, high - 1 if high != MAXREPEAT else MAXREPEAT, sub))]
        return _spread(once + more + rest, budget, keep)
    return None


def _union(options: list[list], budget: int, keep: bool) -> list[list] | None:
    out: list[list] = []
    for option in options:
        spread = _spread(option, budget - len(out), keep)
        if spread is None:
            return None
        out.extend(spread)
        if len(out) > budget:
            return None
    return out


def _write(items) -> str:
    """A regex for the parsed sequence ``items`` (groups written without capture)."""
    return "".join(_write_item(op, av) for op, av in items)


def _write_item(op, av) -> str:
    if op is LITERAL:
        return re.escape(chr(av))
    if op is NOT_LITERAL:
        return "[^" + _class_char(av) + "]"
    if op is ANY:
        return "."
    if op is IN:
        return _write_class(av)
    if op is AT:
        if av not in _AT:
            raise _Unsupported(av)
        return _AT[av]
    if op is SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unsupported("flags")
        return "(?:" + _write(sub) + ")"
    if op is BRANCH:
        return "(?:" + "|".join(_write(alt) for alt in av[1]) + ")"
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, sub = av
        body = "(?:" + _write(sub) + ")"
        bounds = {(0, MAXREPEAT): "*", (1, MAXREPEAT): "+", (0, 1): "?"}.get((low, high))
        if bounds is None:
            bounds = "{%d,}" % low if high == MAXREPEAT else "{%d,%d}" % (low, high)
        return body + bounds + ("?" if op is MIN_REPEAT else "")
    if op in (ASSERT, ASSERT_NOT):
        direction, sub = av
        head = {(ASSERT, 1): "(?=", (ASSERT_NOT, 1): "(?!", (ASSERT, -1): "(?<=", (ASSERT_NOT, -1): "(?<!"}
        return head[op, direction] + _write(sub) + ")"
    raise _Unsupported(op)


def _write_class(items) -> str:
    parts = []
    for op, av in items:
        if op is NEGATE:
            parts.append("^")
        elif op is LITERAL:
            parts.append(_class_char(av))
        elif op is RANGE:
            parts.append(_class_char(av[0]) + "-" + _class_char(av[1]))
        elif op is CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unsupported(op)
    return "[" + "".join(parts) + "]"


def _class_char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else re.escape(ch) if not ch.isalnum() else ch
