"""RSS/Atom feed files become one input per entry, with link, title and date."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import Code
from newsgraph.ingest.feeds import count_entries, read_feed
from newsgraph.ingest.inputs import Failure, InputDoc

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def test_ingest_feeds_rss_entries_are_html_with_metadata():
    items = list(read_feed(str(FIXTURES / "feed.rss")))
    assert count_entries(str(FIXTURES / "feed.rss")) == len(items) == 2
    first, empty = items
    assert isinstance(first, InputDoc) and first.text is None
    assert "Port Avalon" in first.html and "<title>Harbour council" in first.html
    assert (first.url, first.published) == ("https://wire.example/ferry", "2023-07-11")
    assert first.title == "Harbour council approves new ferry route"
    assert first.id.startswith("sha1:")
    assert isinstance(empty, Failure) and empty.code == Code.EMPTY


def test_ingest_feeds_atom_text_content_is_text():
    (entry,) = read_feed(str(FIXTURES / "feed.atom"))
    assert entry.html is None and entry.text.startswith("Union leaders in Northgate")
    assert (entry.url, entry.published) == ("https://atom.example/rail", "2023-07-12")


def test_ingest_feeds_unreadable_file_is_a_failure(tmp_path):
    bad = tmp_path / "broken.rss"
    bad.write_text("this is not <rss at all", encoding="utf-8")
    (failure,) = read_feed(str(bad))
    assert isinstance(failure, Failure) and failure.source == str(bad)
    (missing,) = read_feed(str(tmp_path / "nope.rss"))
    assert missing.code == Code.NOT_FOUND
