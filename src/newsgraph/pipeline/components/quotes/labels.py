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


# A headline opening with its source and a colon (``Pence: Flowers Won't Be at Debate``,
# ``Poll: Voters Abandon Party``): the label in title case, one to three words.
_HEADLINE = re.compile(r"[^\S\n]*([A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,2}):[^\S\n]+(?=\S)")
_LABEL_POS = frozenset({"PROPN", "NOUN"})


def find_headline(parse: Parse) -> Turn | None:
    """The claim of a headline in the ``Source: claim`` form, on the text's first line:
    the words after the colon (without a final full stop), the colon as cue and the
    label's last word as speaker. The label's words must all be nouns or names (``The
    Latest:`` or ``Stealth Over Health:`` are titles, not sources); a claim that opens
    with a quote mark is left to the quote-mark rules."""
    text = parse.text
    m = _HEADLINE.match(text)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    words = text[m.end() : line_end].rstrip().rstrip(".").rstrip()
    if not words or words[0] in QUOTE_CHARS:
        return None
    label = [parse.token_at(i) for i in range(m.start(1), m.end(1)) if not text[i].isspace() and (i == m.start(1) or text[i - 1].isspace())]
    if any(tok is None or tok.pos_ not in _LABEL_POS for tok in label):
        return None
    colon = m.end(1)
    cue = Cue(colon, colon + 1, parse.token_at(colon), parse.token_at(m.end(1) - 1))
    return Turn(m.end(), m.end() + len(words), cue)
