"""Quote marks: find the spans of text enclosed in quotation marks.

Works on characters only (no parse), so it is cheap and exact about offsets. Handles
straight and curly double quotes, doubled apostrophes used as double quotes (``''...''``,
newswire archives), single quotes used as the outer marks (headline and British style), single quotes nested in double ones (kept inside the outer quote), and
the news convention for quotes running over several paragraphs: a paragraph that opens a
quote and ends without closing it is continued by the next paragraph's opening mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT_DOUBLE = '"'
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT_SINGLE = "'"
DOUBLED = "''"
# Characters after which a mark opens a quote rather than closing one.
_OPEN_CONTEXT = "([{—–-/:;,"
# A single quote farther than this from its opener is taken for an apostrophe.
MAX_SINGLE_CHARS = 300
# The only characters the scanners act on (any other character is stepped over): a mark
# that may open a passage; inside a double-quoted one, a mark or a line break; inside a
# single-quoted one, a mark, a line break or a sentence end. Searching for the next one
# skips the plain text in one C call.
_MAY_OPEN = re.compile("[“„«\"”‘']")
_IN_DOUBLE = re.compile("[\n“„«”»\"']")
_IN_SINGLE = re.compile("[\n’'.!?]")


@dataclass(frozen=True)
class Marked:
    """A quoted passage: ``open``/``close`` are the positions of its outer marks
    (``close`` is None when the passage ran to a paragraph end unclosed), ``start``/``end``
    the quoted words between them (trailing comma excluded). ``paragraphs`` counts the
    paragraphs it spans."""

    open: int
    close: int | None
    start: int
    end: int
    paragraphs: int = 1
    mark_len: int = 1  # 2 for the doubled apostrophes of ''...'' (newswire style)

    @property
    def outer_end(self) -> int:
        """Just past the closing mark (or the end of the words when unclosed)."""
        return self.close + self.mark_len if self.close is not None else self.end


def find_quotes(text: str) -> list[Marked]:
    """Every quoted passage of ``text``, in order, outermost only."""
    found: list[Marked] = []
    i, n = 0, len(text)
    while i < n:
        nxt = _MAY_OPEN.search(text, i)
        if nxt is None:
            break
        i = nxt.start()
        if _opens_double(text, i):
            marked, i = _scan_double(text, i)
            if marked is not None:
                found.append(marked)
            continue
        if _opens_single(text, i):
            marked = _scan_single(text, i)
            if marked is not None:
                found.append(marked)
                i = marked.outer_end
                continue
        i += 1
    return found


def _opens_double(text: str, i: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return True
    if ch == STRAIGHT_DOUBLE:
        return _open_context(text, i)
    if text.startswith(DOUBLED, i):
        return _open_context(text, i) and i + 2 < len(text) and not text[i + 2].isspace()
    if ch == "”":
        return _misturned_open(text, i)
    return False


def _misturned_open(text: str, i: int) -> bool:
    """A closing curly mark typed to open a paragraph (``”Fear. I am ...”``): it opens
    when it starts its line, a word follows it and another one closes in the paragraph."""
    line_start = text.rfind("\n", 0, i) + 1
    if text[line_start:i].strip() or i + 1 >= len(text) or not text[i + 1].isalnum():
        return False
    end = text.find("\n", i)
    return "”" in text[i + 1 : end if end >= 0 else len(text)]


def _width(text: str, i: int) -> int:
    """Length of the quote mark at ``i``: 2 for doubled apostrophes, else 1."""
    return 2 if text.startswith(DOUBLED, i) else 1


def _open_context(text: str, i: int) -> bool:
    """True when the mark at ``i`` follows a space, line start or opening punctuation and
    is followed by a non-space: the shape of an opening mark."""
    before_ok = i == 0 or text[i - 1].isspace() or text[i - 1] in _OPEN_CONTEXT or text[i - 1] in "“‘"
    after_ok = i + 1 < len(text) and not text[i + 1].isspace()
    return before_ok and after_ok


def _closes_double(text: str, i: int, doubled: bool = False) -> bool:
    """A closing mark at ``i``; ``doubled``: the passage was opened by ``''``, and only
    ``''`` closes it."""
    if doubled:
        return text.startswith(DOUBLED, i) and (_after_word(text, i) or _spaced_close(text, i, 2))
    ch = text[i]
    if ch in DOUBLE_CLOSE:
        return True
    if ch == STRAIGHT_DOUBLE:
        return _after_word(text, i) or _spaced_close(text, i, 1)
    return False


def _after_word(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace()


def _spaced_close(text: str, i: int, width: int) -> bool:
    """A closing mark typed after a space (``coalitions, '' said``): punctuation, one
    space, the mark, then a space or the end."""
    return (
        i >= 2
        and text[i - 1] == " "
        and text[i - 2] in ",.?!;:"
        and (i + width >= len(text) or text[i + width].isspace())
    )


def _scan_double(text: str, open_at: int) -> tuple[Marked | None, int]:
    """Scan from the opening mark at ``open_at``; returns the passage (or None for an empty
    one) and the position to resume scanning from."""
    n = len(text)
    width = _width(text, open_at)
    doubled = width == 2
    i = open_at + width
    paragraphs = 1
    while i < n:
        stop = _IN_DOUBLE.search(text, i)
        if stop is None:
            break
        i = stop.start()
        ch = text[i]
        if ch == "\n":
            nxt = _continuation(text, i)
            if nxt is None:
                # Unclosed at the paragraph end: the quote stops there.
                return _make(text, open_at, None, i, paragraphs, width), i
            paragraphs += 1
            i = nxt + _width(text, nxt)
            continue
        if ch in DOUBLE_OPEN and not _closes_here(text, i):
            nested = _nested_close(text, i) if text[open_at] == STRAIGHT_DOUBLE or doubled else None
            if nested is None:
                # A fresh opening mark inside an open quote: the earlier mark was stray.
                return None, i
            i = nested + 1
            continue
        misused = ch in DOUBLE_OPEN and not doubled  # here: an opening mark that closes (word“)
        if (misused or _closes_double(text, i, doubled)) and i > open_at + width:
            return _make(text, open_at, i, i, paragraphs, width), i + width
        i += 1
    return _make(text, open_at, None, n, paragraphs, width), n


def _nested_close(text: str, i: int) -> int | None:
    """Inside a straight-quoted passage, curly marks are a quote within the quote: the
    position of the curly mark closing the one opened at ``i`` in the same paragraph."""
    j = i + 1
    while j < len(text) and text[j] != "\n":
        if text[j] in DOUBLE_CLOSE:
            return j
        if text[j] == STRAIGHT_DOUBLE:
            return None
        j += 1
    return None


def _closes_here(text: str, i: int) -> bool:
    """A curly opening mark misused as a closing one (``word“``): no space before, and a
    space, punctuation or the end after."""
    return (
        i > 0
        and not text[i - 1].isspace()
        and (i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?)")
    )


def _continuation(text: str, newline_at: int) -> int | None:
    """When the paragraph after ``newline_at`` begins with an opening double mark (the
    multi-paragraph quote convention), that mark's position; else None."""
    j = newline_at
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and (text[j] in DOUBLE_OPEN or text[j] == STRAIGHT_DOUBLE or text.startswith(DOUBLED, j)):
        return j
    return None


def _opens_single(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in (SINGLE_OPEN, STRAIGHT_SINGLE):
        return False
    # An apostrophe inside a word (don't) never opens a quote.
    if i + 1 >= len(text) or not text[i + 1].isalnum():
        return False
    return _open_context(text, i)


def _scan_single(text: str, open_at: int) -> Marked | None:
    """A passage in single marks, closed within the same paragraph by a mark that is not
    an apostrophe (followed by a non-letter); None when there is no such closer. A closer
    that could be a plural possessive (``voters’ concerns``) is used only when no plain
    closer follows before the sentence ends."""
    limit = min(len(text), open_at + MAX_SINGLE_CHARS)
    ambiguous = None
    i = open_at + 1
    while i < limit:
        stop = _IN_SINGLE.search(text, i, limit)
        if stop is None:
            break
        i = stop.start()
        ch = text[i]
        if ch == "\n" or (ambiguous is not None and ch in ".!?" and text[i + 1 : i + 2].isspace()):
            break
        if ch in (SINGLE_CLOSE, STRAIGHT_SINGLE) and not text[i - 1].isspace():
            after = text[i + 1] if i + 1 < len(text) else " "
            if not after.isalnum():
                if not _plural_possessive(text, i):
                    return _make(text, open_at, i, i, 1)
                if ambiguous is None:
                    ambiguous = i
        i += 1
    return _make(text, open_at, ambiguous, ambiguous, 1) if ambiguous is not None else None


def _plural_possessive(text: str, i: int) -> bool:
    """``voters’ concerns``: an apostrophe after an s, followed by a space and a lower-case
    word, is a possessive rather than a closing mark."""
    return (
        text[i - 1] == "s"
        and i + 2 < len(text)
        and text[i + 1] == " "
        and text[i + 2].islower()
    )


def _make(text: str, open_at: int, close_at: int | None, end: int, paragraphs: int, width: int = 1) -> Marked | None:
    start = open_at + width
    # Trim whitespace and the comma that ends a quote before its attribution.
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if end <= start:
        return None
    return Marked(open=open_at, close=close_at, start=start, end=end, paragraphs=paragraphs, mark_len=width)
