"""Noise that stays in the text and is only marked: datelines, photo captions and
credits, and mojibake repairs (which are made in place).

Each finder takes one line and returns spans relative to that line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_CAPTION_DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"),
]
_UPPER_WORD = r"[A-Z][A-Z.'’-]+"
_DATELINE = re.compile(
    rf"^(?P<place>{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,3}}"
    r"(?:,\s+[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2})?)"
    rf"(?:,\s+{_MONTH}\s+\d{{1,2}})?"
    r"(?:\s*\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"\s*(?P<dash>[—–]|--?)(?=\s)"
)
_CREDIT_AGENCY = r"(?:AP|AFP|Reuters|REUTERS|Getty|EPA|PA|Xinhua|Bloomberg|ANP|dpa|TASS|Sputnik|Anadolu)"
_CREDIT = re.compile(
    r"\s*(?P<credit>\((?P<inner>(?:[A-Z][\w.&' -]{0,40}\s)?(?:Photo|Photograph|Image|Picture|Foto)s?"
    r"(?:\s+by)?\s*[/:]\s*[^()]{2,80}|" + _CREDIT_AGENCY + r"\s*/\s*[^()]{2,60}|"
    r"(?:Photo|Photograph|Image)s?\s+by\s+[^()]{2,80})\))\s*$"
)
_TRAILING_CREDIT = re.compile(
    r"\s+(?P<credit>(?P<inner>(?:Photo|Photograph|Image|Picture)(?:\s+credit)?\s*(?:by|:)\s*[^.]{2,80}))\s*$"
)
_CREDIT_WORD = re.compile(r"Photo|Image|Picture")
_CAPTION_PREFIX = re.compile(r"^(?:image caption|caption|photo|pictured)\s*[:\s]\s*", re.I)
_MOJIBAKE_HINT = re.compile("[ÃÂâÅÄÐÑØÙ\u0080-\u009f\ufffd]|ï»¿")


@dataclass(frozen=True, slots=True)
class Dateline:
    """``line[start:end]`` is the dateline (``BRUSSELS —``); ``place`` as written."""

    start: int
    end: int
    place: str


@dataclass(frozen=True, slots=True)
class CaptionMark:
    """A caption (``start``/``end`` in the line) and its credit span, if any."""

    start: int
    end: int
    credit_start: int | None
    credit_end: int | None
    credit: str | None
    date: str | None


def find_dateline(line: str) -> Dateline | None:
    """The dateline opening ``line`` (``ROTTERDAM, Netherlands (Reuters) -``), or None."""
    match = _DATELINE.match(line)
    if not match:
        return None
    place = match.group("place").strip().rstrip(",")
    if not any(c.isalpha() for c in place) or len(place.replace(".", "")) < 2:
        return None
    return Dateline(match.start(), match.end("dash"), place)


def find_caption(line: str, *, after_image: bool) -> CaptionMark | None:
    """``line`` as a photo caption: one ending in a photo credit, or any short line right
    after image furniture (``after_image``). None for article text."""
    credit = None
    tail = line.rstrip()[-160:]
    if tail.endswith(")"):
        credit = _CREDIT.search(line, max(0, len(line.rstrip()) - 160))
    if not credit and _CREDIT_WORD.search(tail):
        credit = _TRAILING_CREDIT.search(line, max(0, len(line.rstrip()) - 160))
    prefixed = _CAPTION_PREFIX.match(line)
    if not credit and not after_image and not prefixed:
        return None
    if not credit and len(line.split()) > 60:
        return None
    end = credit.start("credit") if credit else len(line.rstrip())
    body = line[:end].rstrip()
    start = len(line) - len(line.lstrip())
    return CaptionMark(
        start=start,
        end=len(body),
        credit_start=credit.start("credit") if credit else None,
        credit_end=credit.end("credit") if credit else None,
        credit=credit.group("inner").strip() if credit else None,
        date=caption_date(body),
    )


def caption_date(text: str) -> str | None:
    """The first full date stated in ``text`` (``Tuesday, May 4, 2027``) as YYYY-MM-DD."""
    for pattern in _CAPTION_DATES:
        match = pattern.search(text)
        if match:
            month = _MONTHS.get(match.group("month").lower().rstrip("."))
            day = int(match.group("day"))
            if month and 1 <= day <= 31:
                return f"{match.group('year')}-{month:02d}-{day:02d}"
    return None


def find_char_refs(line: str) -> list[tuple[int, int, str]]:
    """HTML character references left in plain text ("&#163;8m", "Caf&eacute;", "&amp;")
    as ``(start, end, character)`` spans: a scraper's text that was never unescaped. Only
    a reference HTML defines (``html.unescape`` changes it); "&c;" or "AT&T;" stay."""
    if "&" not in line:
        return []
    out = []
    for found in _CHAR_REF.finditer(line):
        character = html.unescape(found.group())
        if character != found.group() and character.isprintable():
            out.append((found.start(), found.end(), character))
    return out


# A numeric reference, or a named one with its closing semicolon ("&pound;", "&#233;", "&#xE9;").
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def find_mojibake(line: str) -> list[tuple[int, int, str]]:
    """Mojibake in ``line`` as ``(start, end, repaired)`` spans, via ftfy's encoding fix."""
    if not _MOJIBAKE_HINT.search(line):
        return []
    import ftfy
    from ftfy.badness import is_bad

    if not is_bad(line):
        return []
    fixed = ftfy.fix_encoding(line)
    if fixed == line:
        return []
    return _diff_spans(line, fixed)


def _diff_spans(old: str, new: str) -> list[tuple[int, int, str]]:
    """The changed stretches of ``old`` and what ``new`` has in their place. A pure insertion
    or deletion is widened over a neighbouring unchanged character, and stretches that then
    touch are merged, so neither the broken span nor its repair is ever empty."""
    from difflib import SequenceMatcher

    changes = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if i1 == i2 or j1 == j2:
            # The neighbours of a change are unchanged, so old and new share them.
            if i1 > 0 and j1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            else:
                i2, j2 = i2 + 1, j2 + 1
        if changes and i1 <= changes[-1][1]:
            p1, p2, q1, q2 = changes.pop()
            i1, i2, j1, j2 = p1, max(p2, i2), q1, max(q2, j2)
        changes.append((i1, i2, j1, j2))
    return [(i1, i2, new[j1:j2]) for i1, i2, j1, j2 in changes]
