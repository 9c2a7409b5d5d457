"""Data shipped with newsgraph, and the one loader for its word lists.

A word list is a UTF-8 text file under this folder: one word or phrase a line, surrounding
blanks ignored, ``#`` lines are comments. Its header names where the list comes from
(a ``# Source:`` line; ``tests/test_resources.py`` checks every list has one). Each file is
read once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from newsgraph.errors import Code, ConfigError

ROOT = Path(__file__).resolve().parent


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of the word list ``name`` (a path under ``resources/``), in file order."""
    path = ROOT / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Code.BAD_LEXICON, f"cannot read the word list: {exc}", subject=name) from exc
    found = tuple(line for line in map(str.strip, lines) if line and not line.startswith("#"))
    if not found:
        raise ConfigError(Code.BAD_LEXICON, "the word list has no entries", subject=name)
    return found


@cache
def words(name: str) -> frozenset[str]:
    """The word list ``name`` as a set."""
    return frozenset(entries(name))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column word list (``key<TAB>value`` a line) as a dict."""
    return dict(_pair(entry, name) for entry in entries(name))


def _pair(entry: str, name: str) -> tuple[str, str]:
    key, sep, value = entry.partition("\t")
    if not sep:
        raise ConfigError(Code.BAD_LEXICON, f"expected key<TAB>value, found {entry!r}", subject=name)
    return key.strip(), value.strip()
