"""The cleaner: what it removes, what it marks, spans and the raw offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.decode import Repair
from newsgraph.pipeline.components.clean import Cleaner, to_clean, to_raw
from newsgraph.pipeline.components.clean.marks import _diff_spans
from newsgraph.pipeline.document import Document
from newsgraph.record import Metadata

# A synthetic wire story with every kind of noise the cleaner handles.
ARTICLE = "\n".join(
    [
        "By Marta Quinlan",
        "Published 2 hours ago",
        "LISBON, Portugal (Reuters) — Port workers in Lisbon voted on Thursday to end a strike "
        "that had stranded dozens of ships, the union said.",
        "The vote followed talks that lasted through the night, union leader Rui Costa told reporters.",
        "- Live: the latest on the port dispute",
        "- Explainer: who runs Europe's busiest harbours",
        "Shipping firms said the backlog would take about two weeks to clear.",
        "Advertisement",
        "Share this article",
        "RELATED IMAGESview larger image",
        "Dock workers gather at the port of Lisbon, Portugal, Friday, March 3, 2023. (AP Photo/Ana Brito)",
    ]
)
REMOVED = [
    "By Marta Quinlan",
    "Published 2 hours ago",
    "- Live: the latest on the port dispute",
    "- Explainer: who runs Europe's busiest harbours",
    "Advertisement",
    "Share this article",
    "RELATED IMAGESview larger image",
]


def _by_kind(doc):
    kinds: dict[str, list] = {}
    for noise in doc.noise:
        kinds.setdefault(noise.kind, []).append(noise)
    return kinds


def test_clean_cleaner_removes_furniture_links_and_bylines(make_doc):
    doc = Cleaner()(make_doc(ARTICLE))
    for line in REMOVED:
        assert line not in doc.text
    kinds = _by_kind(doc)
    assert [n.text for n in kinds["byline"]] == ["By Marta Quinlan"]
    assert len(kinds["link_list"]) == 2 and len(kinds["boilerplate"]) == 4
    for noise in kinds["byline"] + kinds["link_list"] + kinds["boilerplate"]:
        assert noise.start is None and noise.end is None
        assert ARTICLE[noise.raw_start : noise.raw_end] == noise.text
        assert noise.component == "newsgraph.clean.v1"
    assert doc.metadata.byline == "Marta Quinlan"
    assert "Shipping firms said" in doc.text and "\n\n" not in doc.text


def test_clean_cleaner_marks_dateline_caption_and_credit(make_doc):
    doc = Cleaner()(make_doc(ARTICLE))
    kinds = _by_kind(doc)
    (dateline,) = kinds["dateline"]
    assert doc.text[dateline.start : dateline.end] == "LISBON, Portugal (Reuters) —"
    assert doc.metadata.dateline == "LISBON, Portugal"
    (caption,) = kinds["caption"]
    (credit,) = kinds["credit"]
    assert doc.text[caption.start : caption.end].startswith("Dock workers gather")
    assert doc.text[credit.start : credit.end] == "(AP Photo/Ana Brito)"
    (meta,) = doc.metadata.captions
    assert meta.date == "2023-03-03" and meta.credit == "AP Photo/Ana Brito"
    assert doc.metadata.published is None  # a caption's date is never the article's


@pytest.mark.parametrize("clean", [True, False])
def test_clean_cleaner_credit_alone_is_a_credit_not_an_empty_caption(make_doc, clean):
    text = "Crowds gathered outside the court.\n(AP Photo/Jan Kowal)"
    doc = Cleaner()(make_doc(text, clean=clean))
    kinds = _by_kind(doc)
    assert "caption" not in kinds
    (credit,) = kinds["credit"]
    assert doc.text[credit.start : credit.end] == "(AP Photo/Jan Kowal)"
    assert all(noise.start is None or noise.end > noise.start for noise in doc.noise)


def test_clean_cleaner_every_kept_span_is_exact_and_maps_to_raw(make_doc):
    doc = Cleaner()(make_doc(ARTICLE))
    segments = doc.extras["raw_offsets"]
    for noise in doc.noise:
        if noise.start is not None:
            assert doc.text[noise.start : noise.end] == noise.text
            assert ARTICLE[noise.raw_start : noise.raw_end] == noise.text
            assert to_raw(segments, noise.start) == noise.raw_start
    body = doc.text.index("Shipping firms")
    assert ARTICLE[to_raw(segments, body) :].startswith("Shipping firms")
    assert to_clean(segments, ARTICLE.index("Shipping firms")) == body
    assert to_clean(segments, ARTICLE.index("Advertisement")) is None


def test_clean_cleaner_verbatim_when_clean_is_false(make_doc):
    doc = Cleaner()(make_doc(ARTICLE, clean=False))
    assert doc.text == ARTICLE
    assert doc.metadata.byline == "Marta Quinlan"
    removed_kinds = {"byline", "link_list", "boilerplate"}
    flagged = [n for n in doc.noise if n.kind in removed_kinds]
    assert sorted(n.text for n in flagged) == sorted(REMOVED)
    for noise in doc.noise:
        assert noise.start is not None and ARTICLE[noise.start : noise.end] == noise.text


def test_clean_cleaner_repairs_mojibake_in_place(make_doc):
    broken = "The caf\u00c3\u00a9 owner said the city\u00e2\u20ac\u2122s plan would close the street."
    doc = Cleaner()(make_doc(broken))
    assert doc.text == "The café owner said the city’s plan would close the street."
    repairs = [n for n in doc.noise if n.kind == "mojibake"]
    assert {n.suggestion for n in repairs} == {"é", "’"}
    for noise in repairs:
        assert doc.text[noise.start : noise.end] == noise.suggestion
        assert broken[noise.raw_start : noise.raw_end] == noise.text


def test_clean_cleaner_mojibake_only_reported_when_verbatim(make_doc):
    broken = "The caf\u00c3\u00a9 owner said the plan would close the street."
    doc = Cleaner()(make_doc(broken, clean=False))
    assert doc.text == broken
    (noise,) = [n for n in doc.noise if n.kind == "mojibake"]
    assert broken[noise.start : noise.end] == noise.text and noise.suggestion == "é"


def test_clean_cleaner_unescapes_html_character_references_in_plain_text(make_doc):
    # a scraper's text that was never unescaped: "&#163;10m" had been "10m" of length
    broken = "Rovers bid &#163;8m and offered &pound;10m to Jos&#233; Ruiz of AT&T; R&D &amp; more."
    doc = Cleaner()(make_doc(broken))
    assert doc.text == "Rovers bid £8m and offered £10m to José Ruiz of AT&T; R&D & more."
    repairs = [n for n in doc.noise if n.kind == "html_entity"]
    assert [n.text for n in repairs] == ["&#163;", "&pound;", "&#233;", "&amp;"]
    for noise in repairs:
        assert doc.text[noise.start : noise.end] == noise.suggestion
        assert broken[noise.raw_start : noise.raw_end] == noise.text
    # verbatim: nothing changes, each reference is reported where it stands
    doc = Cleaner()(make_doc(broken, clean=False))
    assert doc.text == broken
    for noise in (n for n in doc.noise if n.kind == "html_entity"):
        assert broken[noise.start : noise.end] == noise.text


def test_clean_cleaner_reports_decoded_bytes_as_encoding_noise(make_doc):
    text = "Advertisement\nThe club paid £15m for the striker."
    doc = make_doc(text)
    doc.extras["decode_repairs"] = ((Repair(text.index("£"), text.index("£") + 1, "£", "\\xa3"),), True)
    Cleaner()(doc)
    (noise,) = [n for n in doc.noise if n.kind == "encoding"]
    assert noise.text == "\\xa3" and noise.suggestion == "£"
    assert doc.text[noise.start : noise.end] == "£"


def test_clean_cleaner_keeps_article_lists_and_plain_prose(make_doc):
    text = (
        "The plan has three parts:\n- Raise the toll on heavy trucks\n- Close the bridge at night\n"
        "By the end of the year the council expects the repairs to be finished.\n"
        "Share prices rose on the news, analysts said."
    )
    doc = Cleaner()(make_doc(text))
    assert doc.text == text
    assert not [n for n in doc.noise if n.start is None]


def test_clean_cleaner_flags_garbled_token_with_suggestion(make_doc):
    text = "The minister spoke brieflqxzjvy to reporters after the meeting."
    doc = Cleaner()(make_doc(text))
    (noise,) = [n for n in doc.noise if n.kind == "garbled"]
    assert noise.suggestion == "briefly" and doc.text[noise.start : noise.end] == "brieflqxzjvy"


_lines = st.lists(
    st.sampled_from(
        [
            "Advertisement",
            "By Ana Lima",
            "- Read: the week in pictures",
            "PARIS — Talks resumed on Monday.",
            "The caf\u00c3\u00a9 reopened.",
            "Photo of the harbour at dawn. (AP Photo/Jo Bloggs)",
            "view larger image",
            "Officials said the plan would cost more.",
            "",
        ]
    )
    | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(_lines, st.booleans())
def test_clean_cleaner_spans_hold_on_any_text(lines, clean):
    raw = "\n".join(lines)
    doc = Cleaner()(Document(id="h", text=raw, metadata=Metadata(), clean=clean))
    repaired = any(n.kind == "mojibake" for n in doc.noise)  # raw then differs from text
    for noise in doc.noise:
        assert noise.start is None or noise.end > noise.start, noise
        if noise.start is not None and noise.kind not in ("mojibake", "encoding"):
            assert doc.text[noise.start : noise.end] == noise.text
        if noise.raw_start is not None and noise.kind not in ("mojibake", "encoding") and not repaired:
            assert raw[noise.raw_start : noise.raw_end] == noise.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abÂ Ã©", max_size=12), st.text(alphabet="abÂ Ã© \xa0é", min_size=1, max_size=12))
def test_clean_cleaner_diff_spans_rebuild_the_repair_and_are_never_empty(old, new):
    spans = _diff_spans(old, new)
    rebuilt, at = [], 0
    for start, end, replacement in spans:
        assert start >= at and end > start and replacement
        rebuilt += [old[at:start], replacement]
        at = end
    assert "".join([*rebuilt, old[at:]]) == new


@pytest.mark.parametrize("clean", [True, False])
def test_clean_cleaner_mojibake_repair_spans_are_never_empty(make_doc, clean):
    doc = Cleaner()(make_doc("Port workers voted Â Â to end the strike.", clean=clean))
    (mojibake,) = [n for n in doc.noise if n.kind == "mojibake"]
    assert mojibake.end > mojibake.start
    assert doc.text[mojibake.start : mojibake.end] == (mojibake.suggestion if clean else mojibake.text)


def test_clean_cleaner_drops_navigation_bars_but_keeps_tables(make_doc):
    text = (
        "Home | News | Sport | Weather | Contact\n"
        "The league table after Saturday's games:\n"
        "Team | Played | Won | Lost\n"
        "Harbour FC | 10 | 8 | 2\n"
        "| Business |"
    )
    doc = Cleaner()(make_doc(text))
    assert doc.text.splitlines() == text.splitlines()[1:4]
    assert [n.kind for n in doc.noise if n.start is None] == ["boilerplate", "boilerplate"]


def test_clean_cleaner_byline_name_drops_the_affiliation(make_doc):
    doc = Cleaner()(make_doc("By Ana Lima and Tom Reyes, Associated Press\nThe talks resumed on Monday."))
    assert doc.metadata.byline == "Ana Lima and Tom Reyes"
    assert doc.text == "The talks resumed on Monday."


def test_clean_cleaner_long_table_rows_are_kept_without_backtracking(make_doc):
    # A nested-quantifier pattern once took seconds per row like this (exponential).
    row = "| " + " | ".join(["ab"] * 200) + " | 1"
    doc = Cleaner()(make_doc(f"The results were published on Sunday.\n{row}"))
    assert row in doc.text


def test_clean_cleaner_keeps_numbered_tips_and_short_list_items(make_doc):
    text = (
        "Here are the tips hotel staff gave us for a safer stay this summer.\n"
        "1. Take any blankets off the bed before you sleep\n"
        "Staff said covers are washed less often than sheets.\n"
        "Cons\n"
        "- Not worth it without a large television set\n"
        "- Still no support for the older game consoles\n"
        "The review went on to list what the device gets right.\n"
        "- Expensive\n"
        "- Heavy to carry around\n"
    )
    doc = Cleaner()(make_doc(text))
    assert doc.text == text


def test_clean_cleaner_keeps_markdown_tables(make_doc):
    text = "Average temperatures:\n| City | Winter | Summer | Notes |\n|---|---|---|---|\n| Oslo | -4 | 17 | dry |"
    assert Cleaner()(make_doc(text)).text == text
