"""The cleaner (``newsgraph.clean.v1``): a noise report and cleaned text, before NLP.

It follows docs/architecture.md, "What the cleaner removes and what it keeps":

- removed (noise ``start``/``end`` null, ``raw_start``/``raw_end`` into the input):
  page furniture lines (``boilerplate``), link-list lines (``link_list``) and bylines
  (``byline``, the name also in ``metadata.byline``);
- repaired in place: mojibake (``mojibake``: ``text`` is the broken original, the span
  covers the repair, ``suggestion`` the repaired string), HTML character references left
  in plain text (``html_entity``: "&#163;" is "£", same shape) and invalid bytes the
  reader decoded as a guess (``encoding``, same shape);
- kept and marked: the dateline (``dateline``, ``metadata.dateline``), photo captions
  (``caption``) and credits (``credit``), also in ``metadata.captions`` with their own
  date, and garbled tokens (``garbled`` with a ``suggestion``).

With ``doc.clean`` False nothing is removed or repaired; every entry then has a span into
the verbatim text. ``doc.extras["raw_offsets"]`` maps cleaned offsets back to the input
(see ``offsets.py``). Details and measurements: docs/cleaning.md.
"""

from __future__ import annotations

from newsgraph.ingest.furniture import classify_lines, is_image_furniture, strip_furniture
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.clean.garbled import find_garbled
from newsgraph.pipeline.components.clean.marks import find_caption, find_char_refs, find_dateline, find_mojibake
from newsgraph.pipeline.components.clean.offsets import Edit, apply_edits, to_clean, to_raw
from newsgraph.pipeline.document import Document
from newsgraph.record import Caption, Noise

NAME = "newsgraph.clean.v1"
DATELINE_LINES = 3  # a dateline opens one of the first few lines of the body

__all__ = ["Cleaner", "strip_furniture", "to_clean", "to_raw"]


class Cleaner(Component):
    """Removes page furniture, repairs mojibake, marks datelines, captions, credits and
    garbled tokens.

    ``garbled``: look for garbled tokens (costs about half a millisecond an article).
    ``captions``: mark photo captions and credits.
    """

    name = NAME
    requires = ("text", "metadata", "extras.decode_repairs")
    assigns = ("text", "noise", "metadata", "extras.raw_offsets", "extras.decode_repairs")
    # Line shapes, mojibake and encoding repairs hold in any language; English boilerplate
    # phrases simply do not match other languages' lines.
    languages = None

    def __init__(self, garbled: bool = True, captions: bool = True):
        self.garbled = garbled
        self.captions = captions

    def __call__(self, doc: Document) -> Document:
        raw = doc.text
        lines = _split_lines(raw)
        labels = classify_lines([text for _, _, text in lines])
        removed = [(start, end, text, label) for (start, end, text), label in zip(lines, labels) if label.kind]
        repairs = _repairs(lines, labels)
        edits = [Edit(start, _line_end(raw, end), "") for start, end, _, _ in removed] if doc.clean else []
        text, segments = apply_edits(raw, edits + [edit for edit, _, _ in repairs] if doc.clean else [])
        noise = _removed_noise(removed, doc.clean)
        noise += _repair_entries(repairs, segments, doc.clean)
        noise += _encoding_noise(doc, segments, len(raw))
        for label in (label for _, _, _, label in removed):
            if label.kind == "byline" and not doc.metadata.byline:
                doc.metadata.byline = label.name
        kept = _kept_lines(lines, labels, segments, doc.clean)
        noise += self._marks(doc, text, kept, segments)
        doc.text = text
        doc.noise.extend(noise)
        doc.extras["raw_offsets"] = segments
        return doc

    def _marks(self, doc: Document, text: str, kept: list, segments) -> list[Noise]:
        """Dateline, captions/credits and garbled tokens, with spans into ``text``."""
        noise: list[Noise] = []
        body_seen = 0
        for start, end, after_image in kept:
            line = text[start:end]
            if not line.strip():
                continue
            caption = find_caption(line, after_image=after_image) if self.captions else None
            if caption:
                noise += _caption_noise(doc, line, start, caption, segments)
                continue
            if body_seen < DATELINE_LINES and doc.metadata.dateline is None:
                dateline = find_dateline(line)
                if dateline:
                    doc.metadata.dateline = dateline.place
                    noise.append(_mark("dateline", text, start + dateline.start, start + dateline.end, segments))
            body_seen += 1
        if self.garbled:
            for garble in find_garbled(text):
                noise.append(_mark("garbled", text, garble.start, garble.end, segments, garble.suggestion))
        return noise


def _split_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, line)`` for each line, ``end`` before its newline."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line), line))
        start += len(line) + 1
    return out


def _line_end(text: str, end: int) -> int:
    """The end of a removed line, taking its newline with it."""
    return end + 1 if end < len(text) and text[end] == "\n" else end


def _removed_noise(removed, clean: bool) -> list[Noise]:
    """Entries for removed lines: no span when removed, the line's span when not."""
    return [
        Noise(
            kind=label.kind,
            text=line,
            start=None if clean else start,
            end=None if clean else end,
            raw_start=start,
            raw_end=end,
            component=NAME,
        )
        for start, end, line, label in removed
    ]


def _repairs(lines, labels) -> list[tuple[Edit, str, str]]:
    """(edit, broken original, kind) for every repair in a kept line: mojibake
    (``find_mojibake``) and HTML character references left in plain text
    (``find_char_refs``: "&#163;"), none of the latter inside a mojibake repair."""
    repairs = []
    for (start, _, line), label in zip(lines, labels):
        if label.kind:
            continue
        mojibake = find_mojibake(line)
        repairs += [(Edit(start + i, start + j, fixed), line[i:j], "mojibake") for i, j, fixed in mojibake]
        repairs += [
            (Edit(start + i, start + j, fixed), line[i:j], "html_entity")
            for i, j, fixed in find_char_refs(line)
            if not any(a < j and i < b for a, b, _ in mojibake)
        ]
    return repairs


def _repair_entries(repairs, segments, clean: bool) -> list[Noise]:
    """Entries for ``repairs``: the repair's span when the text was cleaned, the broken
    span when it is analysed verbatim (nothing repaired)."""
    if not clean:
        return [_repair_noise(kind, broken, e.start, e.replacement, e.start, e.end, verbatim=True) for e, broken, kind in repairs]
    return [
        _repair_noise(kind, broken, to_clean(segments, e.start), e.replacement, e.start, e.end) for e, broken, kind in repairs
    ]


def _repair_noise(kind: str, broken: str, start, repaired: str, raw_start, raw_end, verbatim=False) -> Noise:
    """A repair entry: ``text`` is the broken original; the span covers ``repaired`` (the
    broken text when ``verbatim``), null when that stretch is not in the text."""
    length = len(broken) if verbatim else len(repaired)
    return Noise(
        kind=kind,
        text=broken,
        start=start,
        end=None if start is None else start + length,
        suggestion=repaired,
        raw_start=raw_start,
        raw_end=raw_end,
        component=NAME,
    )


def _encoding_noise(doc: Document, segments, raw_length: int) -> list[Noise]:
    """Entries for bytes the reader decoded as a guess (``InputDoc.repairs``)."""
    repairs, has_spans = doc.extras.pop("decode_repairs", ((), False))
    out = []
    for repair in repairs:
        if not has_spans:
            out.append(_repair_noise("encoding", repair.raw, None, repair.char, None, None))
            continue
        start = to_clean(segments, repair.start, raw_length)
        out.append(_repair_noise("encoding", repair.raw, start, repair.char, repair.start, repair.end))
    return out


def _kept_lines(lines, labels, segments, clean: bool) -> list[tuple[int, int, bool]]:
    """``(start, end, after_image)`` in the cleaned text for each kept line;
    ``after_image`` is True right after image furniture (``view larger image``)."""
    kept, after_image = [], False
    for (start, end, line), label in zip(lines, labels):
        if label.kind:
            after_image = label.kind == "boilerplate" and is_image_furniture(line)
            continue
        if clean:
            new_start = to_clean(segments, start)
            new_end = to_clean(segments, end) if end > start else new_start
            new_end = new_end if new_end is not None else new_start + (end - start)
            start, end = new_start, new_end
        kept.append((start, end, after_image))
        after_image = after_image and not line.strip()
    return kept


def _caption_noise(doc: Document, line: str, offset: int, caption, segments) -> list[Noise]:
    """Caption and credit entries for one caption line; records it in metadata. A line
    that is only a credit (``(AP Photo/Jan Kowal)``) yields the credit alone."""
    noise = []
    if caption.end > caption.start:
        noise.append(_span("caption", line, offset, caption.start, caption.end, segments))
    if caption.credit_start is not None:
        noise.append(_span("credit", line, offset, caption.credit_start, caption.credit_end, segments))
    if not noise:
        return noise
    doc.metadata.captions.append(
        Caption(text=line[caption.start : caption.end], date=caption.date, credit=caption.credit)
    )
    return noise


def _span(kind: str, line: str, offset: int, start: int, end: int, segments) -> Noise:
    return Noise(
        kind=kind,
        text=line[start:end],
        start=offset + start,
        end=offset + end,
        raw_start=to_raw(segments, offset + start),
        raw_end=to_raw(segments, offset + end),
        component=NAME,
    )


def _mark(kind: str, text: str, start: int, end: int, segments, suggestion: str | None = None) -> Noise:
    return Noise(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        suggestion=suggestion,
        raw_start=to_raw(segments, start),
        raw_end=to_raw(segments, end),
        component=NAME,
    )
