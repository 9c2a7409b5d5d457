"""Edits to a text and the map from the edited text back to the original.

The map is a short list of ``(clean_start, raw_start)`` segments, sorted: from
``clean_start`` up to the next segment's start, clean text corresponds character for
character to raw text from ``raw_start``. A removed stretch is a jump in ``raw_start``; a
repair of a different length maps its start exactly and its inside approximately.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``raw[start:end]`` with ``replacement`` (empty to delete)."""

    start: int
    end: int
    replacement: str = ""


def apply_edits(raw: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int]]]:
    """``raw`` with non-overlapping ``edits`` applied, and the segment map back to it."""
    parts: list[str] = []
    segments: list[tuple[int, int]] = [(0, 0)]
    clean_pos = raw_pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < raw_pos:
            continue  # overlaps an earlier edit; the first one wins
        parts.append(raw[raw_pos : edit.start])
        clean_pos += edit.start - raw_pos
        if edit.replacement:
            segments.append((clean_pos, edit.start))
            parts.append(edit.replacement)
            clean_pos += len(edit.replacement)
        raw_pos = edit.end
        segments.append((clean_pos, raw_pos))
    parts.append(raw[raw_pos:])
    return "".join(parts), _compact(segments)


def _compact(segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop segments that continue the previous one (same offset) or are empty."""
    out: list[tuple[int, int]] = []
    for clean, raw in segments:
        if out and out[-1][0] == clean:
            out[-1] = (clean, raw)
        elif out and raw - clean == out[-1][1] - out[-1][0]:
            continue
        else:
            out.append((clean, raw))
    return out


def to_raw(segments: list[tuple[int, int]], pos: int) -> int:
    """The raw offset of clean offset ``pos``."""
    index = bisect_right(segments, (pos, float("inf"))) - 1
    clean, raw = segments[max(index, 0)]
    return raw + (pos - clean)


def to_clean(segments: list[tuple[int, int]], raw_pos: int, raw_length: int | None = None) -> int | None:
    """The clean offset of raw offset ``raw_pos``, or None when that character was
    removed. ``raw_length`` (the raw text's length) lets the last segment be bounded."""
    for index in range(len(segments) - 1, -1, -1):
        clean, raw = segments[index]
        if raw <= raw_pos:
            nxt = segments[index + 1] if index + 1 < len(segments) else None
            length = (nxt[0] - clean) if nxt else None
            if length is not None and raw_pos >= raw + length:
                return None  # in a stretch that was removed
            return clean + (raw_pos - raw)
    return None
