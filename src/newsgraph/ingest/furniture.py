"""Whole lines of page furniture: widgets, link lists and bylines.

``classify_lines`` labels each line of an article ``boilerplate``, ``link_list``,
``byline`` or None (article text). Only these three kinds are ever removed (see
docs/architecture.md, "What the cleaner removes and what it keeps").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsgraph.resources import entries

MAX_FURNITURE_CHARS = 200
MAX_BANNER_CHARS = 600
MAX_HEADLINE_WORDS = 16
MAX_HEADLINE_CHARS = 140

# Numbered items are left alone: "1. Take the blankets off the bed" is a tip, not a link.
_BULLET = re.compile(r"^\s*[-–•*·▪►»]\s+(?P<body>\S.*)$")
MIN_LINK_WORDS = 4  # "- Expensive", "- Performance overhead": list items, not headlines
_LINK_PREFIX = re.compile(
    r"^\s*(?:read more|more|related|see also|also read|read also|recommended|most read|"
    r"latest|watch|listen|more on this story|top stories)\s*[:|»>-]\s*(?P<body>\S.*)$",
    re.I,
)
_NAME = r"[A-Z][\w.'’-]*"
_PARTICLE = r"(?:de|da|dos|du|van|von|der|den|al|bin|la|le|di|del|ter)"
_PERSON = rf"{_NAME}(?:\s+(?:{_NAME}|{_PARTICLE})){{0,4}}"
_BYLINE = re.compile(
    rf"^\s*(?i:by|written by|words by|reporting by|story by)[:\s]+(?P<name>{_PERSON}"
    rf"(?:(?:\s*,\s*|\s+(?:and|&)\s+){_PERSON})*)(?P<rest>\s*(?:[,|;–—-]|\band\b)\s*.{{0,80}})?\s*$"
)
_NOT_NAMES = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|The|This|That|Then|Now|Next|"
    r"Last|Early|Late|Far|Contrast|Comparison|Law|Order)\b"
)
# ", Associated Press" / ", Staff Writer" after the names: where they work, not who they are.
_AFFILIATION = re.compile(
    r"(?:,\s*[^,]*\b(?:Press|News|Reuters|AP|AFP|Bloomberg|Correspondent|Reporter|Writer|Editor|"
    r"Staff|Times|Post|Journal|Agency|Bureau)\b[^,]*)+$"
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_BANNER = re.compile(r"\b(?:we use|this (?:web)?site uses|by continuing|consent|accept|privacy policy)\b", re.I)
_SEPARATORS = r"[\s|·•:,/–—-]*"
_TABLE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*$")
_MENU_CELL = re.compile(r"^\|\s*[A-Za-z][A-Za-z &'-]{0,30}\s*\|$")


@dataclass(frozen=True, slots=True)
class LineLabel:
    """What a line is; ``name`` is the person named by a byline."""

    kind: str | None
    name: str | None = None


def classify_lines(lines: list[str]) -> list[LineLabel]:
    """A label per line: furniture and bylines line by line, link lists by runs."""
    labels = [_classify(line) for line in lines]
    _keep_table_headers(lines, labels)
    _mark_link_runs(lines, labels)
    return labels


def _keep_table_headers(lines: list[str], labels: list[LineLabel]) -> None:
    """A pipe-separated row followed by a row with numbers, or by a ``|---|---|`` rule, is
    a table header, not a menu."""
    for index, line in enumerate(lines[:-1]):
        if labels[index].kind == "boilerplate" and "|" in line:
            following = lines[index + 1]
            if "|" in following and (any(c.isdigit() for c in following) or _TABLE_RULE.match(following)):
                labels[index] = LineLabel(None)


def is_image_furniture(line: str) -> bool:
    """True for furniture announcing a photo (``view larger image``): the next line is
    then its caption."""
    return bool(re.search(r"\b(?:image|photo|picture|gallery)s?\b", line, re.I))


def _classify(line: str) -> LineLabel:
    stripped = line.strip()
    if not stripped:
        return LineLabel(None)
    if len(stripped) <= MAX_FURNITURE_CHARS and _furniture().match(stripped):
        return LineLabel("boilerplate")
    if len(stripped) <= MAX_BANNER_CHARS and _COOKIE.search(stripped) and _BANNER.search(stripped):
        return LineLabel("boilerplate")
    if "|" in stripped and (_is_nav_bar(stripped) or _MENU_CELL.match(stripped)):
        return LineLabel("boilerplate")
    byline = _BYLINE.match(stripped) if len(stripped) <= 120 else None
    if byline and not _NOT_NAMES.match(byline.group("name")):
        return LineLabel("byline", _AFFILIATION.sub("", byline.group("name")).strip())
    prefixed = _LINK_PREFIX.match(stripped)
    if prefixed and _headline_like(prefixed.group("body")):
        return LineLabel("link_list")
    return LineLabel(None)


def _is_nav_bar(line: str) -> bool:
    """A navigation bar flattened to text (``Home | News | Sport | Contact``): 4+ short
    cells, no digits, so results tables and data rows never match. (Split, not a regex:
    a nested-quantifier pattern backtracks exponentially on long table rows.)"""
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    return len(cells) >= 4 and all(
        0 < len(cell) <= 30 and not any(c.isdigit() for c in cell) and any(c.isalpha() for c in cell)
        for cell in cells
    )


def _mark_link_runs(lines: list[str], labels: list[LineLabel]) -> None:
    """Label runs of bulleted headline-like lines between paragraphs as link lists.

    A run is kept (a list the article itself makes) when any item is not headline-like
    (fewer than four words is a list item, not a headline) or when the line before
    introduces it (a colon, or a short heading such as "Cons").
    """
    index = 0
    while index < len(lines):
        if labels[index].kind is not None or not _BULLET.match(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and labels[end].kind is None and _BULLET.match(lines[end]):
            end += 1
        items = [_BULLET.match(line).group("body") for line in lines[index:end]]
        if all(_headline_like(item, MIN_LINK_WORDS) for item in items) and not _introduced(lines, index):
            for k in range(index, end):
                labels[k] = LineLabel("link_list")
        index = end


def _introduced(lines: list[str], index: int) -> bool:
    """True when the line before a run introduces it as the article's own list: it ends
    with a colon, or it is a short heading ("Cons", "Key points")."""
    for k in range(index - 1, -1, -1):
        before = lines[k].strip()
        if before:
            return before.endswith(":") or (len(before.split()) < 5 and not before.endswith((".", "!", "?", '"')))
    return False


def _headline_like(text: str, min_words: int = 1) -> bool:
    """Short, capitalised, no sentence-final punctuation: how link texts read. (Questions
    are kept: a run of them is more often the article quoting questions than links.)"""
    text = text.strip()
    words = text.split()
    return (
        min_words <= len(words) <= MAX_HEADLINE_WORDS
        and len(text) <= MAX_HEADLINE_CHARS
        and not text.endswith((".", ";", ",", ":", "?"))
        and text[:1].isupper()
    )


@cache
def _furniture() -> re.Pattern:
    """One pattern matching a line made only of furniture phrases (from the lexicon)."""
    alternation = "|".join(f"(?:{p})" for p in entries("noise/furniture.txt"))
    # Each phrase-plus-separator step is atomic, so no line can make the match backtrack
    # through every way of splitting it into phrases.
    return re.compile(rf"^(?>(?:{alternation}){_SEPARATORS})+$", re.I)


def strip_furniture(text: str) -> str:
    """``text`` without its furniture, link-list and byline lines (what the cleaner
    removes), nothing else changed. Used to score HTML extraction."""
    lines = text.split("\n")
    labels = classify_lines(lines)
    return "\n".join(line for line, label in zip(lines, labels) if not label.kind)
