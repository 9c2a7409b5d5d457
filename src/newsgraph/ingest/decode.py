"""Bytes to text: refuse binary data, decode UTF-8, and repair a few stray bytes.

The decision on invalid UTF-8 (see docs/cleaning.md):

- Valid UTF-8 (with or without a BOM), or UTF-16 with a BOM, is decoded as is.
- Otherwise valid UTF-8 with a *handful* of invalid bytes (at most ``MAX_BAD_BYTES``,
  and at most 4 or 1% of the bytes, whichever is more) is decoded with each bad byte
  read as Windows-1252, the usual culprit (a ``0xA3`` pound sign pasted into a UTF-8 file), or as U+FFFD when that gives a
  control character. Every such byte is reported as an ``encoding`` ``Repair`` so the
  cleaner can list it as noise: nothing is silently changed.
- HTML that declares a legacy charset (``<meta charset=iso-8859-1>``) is decoded with it.
- Anything else is refused as ``ENCODING``: guessing a legacy code page for a whole plain
  text file would corrupt it silently.
- NUL bytes, or more than 10% control characters, mean the input is not text: ``BINARY``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsgraph.errors import Code

MAX_BAD_BYTES = 64
_SNIFF = 8192
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# C0 controls other than tab, newline, carriage return and form feed.
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])


@dataclass(frozen=True, slots=True)
class Repair:
    """One invalid byte decoded as a guess: ``text[start:end] == char``; ``raw`` is the
    byte as written (``\\xa3``)."""

    start: int
    end: int
    char: str
    raw: str


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the byte repairs made, or a refusal (``code`` and ``reason``)."""

    text: str | None
    repairs: tuple[Repair, ...] = ()
    code: Code | None = None
    reason: str | None = None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` (its first 8 KB) has a NUL byte or over 10% control bytes."""
    head = data[:_SNIFF]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > 0.10 * len(head)


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode ``data`` following the module's rules. ``html`` allows a declared charset."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError:
            return Decoded(None, code=Code.ENCODING, reason="starts with a UTF-16 mark but is not valid UTF-16")
    if looks_binary(data):
        return Decoded(None, code=Code.BINARY, reason="binary data (NUL or control bytes), not text")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        first_error = err
    if html:
        declared = _declared_charset(data)
        if declared:
            return Decoded(data.decode(declared, errors="replace"))
    decoded = _decode_with_repairs(data)
    bad = len(decoded.repairs)
    if bad > MAX_BAD_BYTES or bad > max(4, 0.01 * len(data)):
        return Decoded(
            None,
            code=Code.ENCODING,
            reason=f"not UTF-8: {bad:,} invalid byte(s), first at byte {first_error.start}; "
            "re-encode the file as UTF-8",
        )
    return decoded


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:_SNIFF])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    if codec.name == "utf-8":
        return None  # declared UTF-8 but is not: fall back to the stray-byte repair
    # Browsers read ISO-8859-1 as Windows-1252; so do we.
    return "cp1252" if codec.name in ("latin-1", "iso8859-1") else codec.name


_ESCAPED = re.compile("[\udc80-\udcff]")


def _decode_with_repairs(data: bytes) -> Decoded:
    """Decode UTF-8, reading each invalid byte as Windows-1252 (or U+FFFD), reported."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    # surrogateescape keeps each bad byte as one lone surrogate: one char per byte, linear.
    escaped = data.decode("utf-8", errors="surrogateescape")
    repairs: list[Repair] = []

    def fix(match: re.Match) -> str:
        byte = ord(match.group()) - 0xDC00
        char = bytes([byte]).decode("cp1252", errors="replace")
        if ord(char) < 32:
            char = "\ufffd"
        repairs.append(Repair(match.start(), match.start() + 1, char, f"\\x{byte:02x}"))
        return char

    return Decoded(_ESCAPED.sub(fix, escaped), tuple(repairs))
