"""Every word list shipped under ``resources/`` says where it comes from and loads non-empty,
and the shared loader reads, caches and refuses as documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph import resources
from newsgraph.errors import Code, ConfigError

ROOT = Path(resources.__file__).resolve().parent
# Word lists and tables read line by line; JSON lexicons and the gazetteer are documented in
# their folder's SOURCE.md / README.md. The NER model is spaCy's own format, not a lexicon.
LISTS = sorted(p for p in ROOT.rglob("*") if p.suffix in (".txt", ".tsv") and "models" not in p.parts)
DATA = sorted(p for p in ROOT.rglob("*") if p.suffix in (".json", ".gz") and "models" not in p.parts)
_SOURCE = re.compile(r"^#\s*source:\s*\S", re.I | re.M)


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _documented(path: Path) -> bool:
    """The folder's SOURCE.md or README.md names the file."""
    notes = [path.parent / "SOURCE.md", path.parent / "README.md"]
    return any(note.exists() and path.name in note.read_text(encoding="utf-8") for note in notes)


def _header(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = []
    for line in lines:
        if line.strip() and not line.startswith("#"):
            break
        head.append(line)
    return "\n".join(head)


def test_resources_word_lists_are_found():
    assert len(LISTS) >= 50
    assert ROOT / "lexicons" / "places" / "never_places.txt" in LISTS


@pytest.mark.parametrize("path", LISTS, ids=_name)
def test_resources_word_list_states_its_source(path):
    assert _SOURCE.search(_header(path)) or _documented(path), (
        f"{_name(path)}: no '# Source:' line in its header and no SOURCE.md/README.md naming it"
    )


@pytest.mark.parametrize("path", LISTS, ids=_name)
def test_resources_word_list_loads_non_empty(path):
    found = resources.entries(_name(path))
    assert found and all(entry and entry == entry.strip() for entry in found)


@pytest.mark.parametrize("path", DATA, ids=_name)
def test_resources_data_file_is_documented_and_non_empty(path):
    assert _documented(path), f"{_name(path)}: no SOURCE.md/README.md in its folder names it"
    if path.suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8"))
    else:
        assert path.stat().st_size > 0


def test_resources_loader_reads_once_and_keeps_order():
    first = resources.entries("lexicons/places/division_words.txt")
    assert first[:2] == ("region", "Region")
    assert resources.entries("lexicons/places/division_words.txt") is first
    assert resources.words("lexicons/places/division_words.txt") == frozenset(first)
    assert resources.table("lexicons/names/nicknames.tsv")["bill"] == "william"


def test_resources_loader_refuses_missing_empty_and_malformed(tmp_path):
    with pytest.raises(ConfigError) as missing:
        resources.entries("lexicons/no_such_list.txt")
    assert missing.value.code is Code.BAD_LEXICON and "no_such_list" in str(missing.value)
    empty = tmp_path / "empty.txt"
    empty.write_text("# Source: a test\n\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no entries"):
        resources.entries(str(empty))  # an absolute path replaces the resources root
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("# Source: a test\nkey value\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="key<TAB>value"):
        resources.table(str(pairs))
