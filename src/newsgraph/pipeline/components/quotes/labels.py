"""Speaker labels: the turns of a transcript (``WALLACE: Senator, ...``), where a line
opens with the speaker's name in capitals and a colon, and the rest of the line is what
they said, verbatim, without quote marks."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newsgraph.pipeline.components.quotes.attribution import QUOTE_CHARS, Cue, Parse

# A label may follow the opening mark of a paragraph: a transcript quoted whole, one
# quote mark opening each paragraph (``"WALLACE: ...`` / ``"PENCE: ...``).
_LABEL = re.compile(r"^[^\S\n]*[\"“]?([A-Z][A-Z'’.-]+(?:[^\S\n]+[A-Z][A-Z'’.-]+){0,2}):[^\S\n]+(?=\S)", re.M)
MIN_TURNS = 2


@dataclass(frozen=True)
class Turn:
    """One labelled turn: the words said ``[start, end)`` and the cue (the colon, with the
    label's last word as the speaker)."""

    start: int
    end: int
    cue: Cue


def _labels(text: str) -> tuple[list[re.Match], bool]:
    """The labelled lines of ``text`` and whether it is a transcript (a label opening at
    least ``MIN_TURNS`` lines)."""
    found = list(_LABEL.finditer(text))
    return found, any(n >= MIN_TURNS for n in Counter(m.group(1) for m in found).values())


def quoted_transcripts(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the ``spans`` (quoted passages) holding at least ``MIN_TURNS`` labelled
    lines of a transcript: each of those lines is a turn of its own, not one long quote."""
    found, transcript = _labels(text)
    if not transcript:
        return set()
    starts = [m.start(1) for m in found]
    return {i for i, (start, end) in enumerate(spans) if sum(start <= s < end for s in starts) >= MIN_TURNS}


def find_turns(parse: Parse) -> list[Turn]:
    """The labelled turns of a transcript: a text where some label opens at least
    ``MIN_TURNS`` lines (a one-off ``CLARIFICATION:`` or ``UPDATE:`` in a story is an
    editor's note, and the parser takes such words for names too often to tell); a line whose words open with a quote
    mark is left to the quote-mark rules (``Trump: "..."``)."""
    text = parse.text
    found, transcript = _labels(text)
    turns = []
    for m in found:
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        words = text[m.end() : line_end].rstrip()
        if not words or words[0] in QUOTE_CHARS:
            continue
        head = parse.token_at(m.end(1) - 1)
        if head is None or not transcript:
            continue
        colon = m.end(1)
        cue = Cue(colon, colon + 1, parse.token_at(colon), head)
        turns.append(Turn(m.end(), m.end() + len(words), cue))
    return turns
