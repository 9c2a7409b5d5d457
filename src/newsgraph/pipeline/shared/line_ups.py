"""Lines of people: a team sheet or a list of names ("Murphy, Palmer (capt), Morgan,
Parks"), where a one-word town is a surname. The entities component keeps such words
people, the places component resolves no town among them; both read the line here."""

from __future__ import annotations

import re

# Items of a line: runs between commas, semicolons, colons and brackets.
_ITEM = re.compile(r"[^,;:()\n]+")
# A line of people has at least this many items ...
LINE_UP_ITEMS = 6


def line_up_items(text: str, pos: int) -> list[tuple[int, int]]:
    """The items (start, end) of the line holding ``pos`` when it reads as a line of
    names: at least LINE_UP_ITEMS items, two thirds of them short (up to three words)
    and capitalised; else no items. Whether the names are people is the caller's test
    (in both callers: fewer than half of the items hold a place)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    items = [m for m in _ITEM.finditer(text, line_start, line_end) if m.group().strip()]
    if len(items) < LINE_UP_ITEMS:
        return []
    names = [m for m in items if len(m.group().split()) <= 3 and m.group().strip()[:1].isupper()]
    if len(names) * 3 < len(items) * 2:
        return []
    return [m.span() for m in items]
