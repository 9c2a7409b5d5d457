"""The tagger's fast scanning (dates/scan.py) finds exactly what the plain loop found: every
compiled pattern run with ``finditer`` over the whole text, then the same selection.
Behaviour only; the speed itself is measured outside the test suite."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.pipeline.shared.temporal import engine
from newsgraph.pipeline.shared.temporal.scan import (
    Scanner,
    first_class,
    fold,
    lower_pattern,
    required_literals,
)
from newsgraph.pipeline.shared.temporal.engine import tag


def _tag_reference(text: str) -> list:
    """The plain loop: each compiled pattern's ``finditer`` over the whole text."""
    return tag(text, plain=True)


def _outcome(fn, text: str):
    """``fn(text)``, or the type of the error it raises, so that an error in one is an
    error in the other too."""
    try:
        return fn(text)
    except (KeyError, ValueError) as err:
        return type(err)


def _scanners() -> list[Scanner]:
    tag("")  # builds the table once
    return [scanner for _, _, scanner in engine._COMPILED]


def _matches(iterator) -> list:
    return [(m.span(), m.groupdict()) for m in iterator]


def _assert_scanners_agree(text: str) -> None:
    folded = fold(text)
    for scanner in _scanners():
        expected = _matches(scanner.pattern.finditer(text))
        got = _matches(scanner.finditer(text, folded))
        assert got == expected, (scanner.pattern.pattern[:80], text)


# Written for this test: each line reaches patterns that the scanner may skip by a gate or
# find through the lower-cased candidate.
SENTENCES = [
    # holidays
    "Shops reopened on Boxing Day, and last Christmas the office party ran past midnight.",
    "Florists expect Valentine’s Day 2005 to beat Valentine's Day last year; NEW YEAR'S EVE was quiet.",
    "Independence Day, Thanksgiving and next Halloween all fall on a weekday this time.",
    # centuries
    "Critics called it the defining novel of the 21st century, not the Nineteenth Century.",
    "The TWENTIETH CENTURY saw the first flight; the twenty-first century saw the smartphone.",
    # decades, as words and as numbers
    "Sales peaked in the early nineties and again in The Sixties revival of the 1990s.",
    "Fans of the '80s and the late 1970s music, and of the mid-Seventies, queued overnight.",
    # quarters and periods
    "Profits rose in the third quarter of 2004 and in this year's first quarter.",
    "Revenue beat the year-earlier period; the 1989 period and the same period were weaker.",
    "The firm sold a quarter of its shares in the fourth fiscal quarter, quarter-to-quarter.",
    # spoken years
    "The band formed in nineteen ninety-five and split in two thousand and four.",
    "A plaque marks THE YEAR TWO THOUSAND and Nineteen Eighty-Four.",
    # clock times
    "Polls close at 10 p.m. Wednesday and results follow at 9am GMT on Thursday.",
    "Trains left at 10 p.m.11 p.m. and 9am, back to back.",
    "The flight left at 5:30 P.M. EST, Nov. 9, and landed at noon Friday.",
    # weekend
    "Talks continued over the weekend and The Weekend editions sold out; weekends are busy.",
    # months and days
    "On Sunday, March 6, 2005, in mid-March and the end of June last year, it rained.",
    "It was humid May 14th; you may go, the 14th of February 2003 or in May 2004.",
    "Trading resumed 2005-03-14 while MayOR and MARCH were spelt oddly in Jan. and Sept. notes.",
    # offsets and durations
    "Two years ago, over the past three months and every two weeks, costs rose annually.",
    "In recent years the club has grown; yesterday morning and today's youth agreed.",
    "For days the market fell, then a day later it rose 2% a day for the last decade.",
    "The current fiscal year ending in June and the full year, earlier in the year, differ.",
    "Earlier this month the first half of 2004 and the latter half were compared this week.",
    # characters that ``str.lower`` and ``re``'s case folding treat differently, one a line
    "Chriſtmas came early.",
    "Talks ran over the wee\u212aend.",
    "İn the SIXTİES and İn March.",
    "ın the sıxties, or ın three months.",
    "Café owners in Zürich said the Ünited fair opens on 1 März and March 3.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_scanners_find_what_finditer_finds(text):
    for variant in (text, text.upper(), text.lower(), text.title()):
        _assert_scanners_agree(variant)


@pytest.mark.parametrize("text", SENTENCES)
def test_tag_matches_the_plain_loop(text):
    for variant in (text, text.upper(), text.lower(), text.title()):
        assert _outcome(tag, variant) == _outcome(_tag_reference, variant)


def test_gated_patterns_do_fire_on_the_sentences():
    """The sentences above reach the gated patterns: agreement is not agreement on nothing."""
    specs = [m.spec for text in SENTENCES if fold(text) is not None for m in tag(text)]
    kinds = {s["kind"] for s in specs}
    assert {"holiday", "quarter", "clock", "clocked", "offset", "duration", "set", "monthday"} <= kinds
    values = {s.get("value") for s in specs}
    assert {"20", "18", "199", "196", "198", "1995", "2004", "2000"} <= values  # centuries, decades, spoken
    assert any(s.get("last_weekend") for s in specs)


def test_fold_lowers_only_texts_it_can_keep_aligned():
    assert fold("On Friday, Café Zürich") == "on friday, café zürich"
    for odd in ("İstanbul", "chriſtmas", "ıraq", "5 \u212a"):
        assert fold("The weekend in " + odd) is None


def test_candidates_are_lower_case_and_case_sensitive():
    assert lower_pattern(r"(?i)\bThe\s+(?P<Unit>Week)\b") == r"\bthe\s+(?P<Unit>week)\b"
    assert lower_pattern(r"(?i:early\s+)?(?P<m>March)(?![a-z])") == r"(?:early\s+)?(?P<m>march)"
    assert lower_pattern(r"(?i:a)(?!B)") is None  # an unknown case-sensitive negative lookahead
    assert lower_pattern(r"(?i)caf\xe9") is None  # escaped letters are not lowered
    assert first_class(r"(?:the\s+)?(?:19|20)\d\d") == "[t12]"
    assert first_class(r"(?:x)?") is None


def test_required_literals_are_necessary_for_a_match():
    assert required_literals(r"\b(?:the\s+)?century\b") == [frozenset({"century"})]
    assert required_literals(r"(?:last|next)\s+(?:week|weekend)s?") == [
        frozenset({"last", "next"}),
        frozenset({"week"}),
    ]
    assert required_literals(r"(?i)\bcentury\b", re.IGNORECASE) == []
    assert required_literals(r"(?:foo)?\d") == []


_WORDS = [
    "the", "of", "in", "for", "last", "next", "this", "early", "mid", "late", "end", "half",
    "Monday", "Friday", "March", "May", "Jan.", "Sept.", "June", "1990", "2004", "1990s", "'80s",
    "14th", "3", "10", "5:30", "p.m.", "am", "GMT", "noon", "weekend", "quarter", "period",
    "year", "years", "months", "week", "days", "ago", "earlier", "later", "every", "a", "per",
    "two", "three", "twenty-one", "nineteen", "ninety", "thousand", "sixties", "century",
    "21st", "Christmas", "Boxing Day", "today", "yesterday", "tonight", "morning", "annually",
    "recent", "now", "current", "fiscal", "ended", "first", "second", "ſ", "İ", "é", "’s", "%",
    "Chriſtmas", "wee\u212aend", "ſixties", "İn", "ıncome", "Zürich",
]  # fmt: skip
_token = st.tuples(st.sampled_from(_WORDS), st.sampled_from([str, str.lower, str.upper, str.title]))
_sep = st.sampled_from([" ", " ", "  ", "-", ", ", "\n", ".", ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_token, _sep), min_size=1, max_size=14))
def test_scanners_agree_on_generated_texts(parts):
    text = "".join(case(word) + sep for (word, case), sep in parts)
    _assert_scanners_agree(text)
    assert _outcome(tag, text) == _outcome(_tag_reference, text)


def _corpus_texts(shared_data) -> list[tuple[str, str]]:
    from newsgraph.eval.tasks.dates import read_corpus

    bbc = shared_data / "corpora" / "bbc-news" / "dataset" / "data_files"
    files = sorted(bbc.rglob("*.txt"))
    if not files:
        pytest.skip(f"no BBC articles under {bbc}")
    texts = [(str(f), f.read_bytes().decode("utf-8", errors="replace")) for f in files]
    return texts + [(doc.name, doc.text) for doc in read_corpus(shared_data / "dates")]


@pytest.mark.data
@pytest.mark.slow
def test_tag_matches_the_plain_loop_on_the_corpora(shared_data):
    """Every BBC article and every TimeML document: the same mentions as the plain loop."""
    texts = _corpus_texts(shared_data)
    assert len(texts) > 2000
    differing = [name for name, text in texts if tag(text) != _tag_reference(text)]
    assert not differing, differing[:10]


@pytest.mark.parametrize(
    "text,expected",
    [("We met at Chriſtmas.", "Chriſtmas"), ("In the SIXTİES it was", "the SIXTİES"), ("the wee\u212aend", "the wee\u212aend")],
)
def test_tag_odd_case_folding_letters_are_tagged_not_errors(text, expected):
    (mention,) = tag(text)
    assert text[mention.start : mention.end] == expected


def test_literal_starts_spread_leading_options_and_alternations():
    from newsgraph.pipeline.shared.temporal.prefixes import literal_starts

    spread = literal_starts(r"\b(?:the\s+)?(?:every|each)\s+day")
    assert [re.compile(s).pattern[:3] for s in spread] == ["the", "e(?"]
    for text in ("the every day", "each  day", "xthe each\tday"):
        want = {m.start() for m in re.finditer(r"(?=\b(?:the\s+)?(?:every|each)\s+day)", text)}
        got = {m.start() for s in spread for m in re.finditer(f"(?={s})", text)}
        assert want <= got, text
    assert literal_starts(r"\d+\s+years") == [r"[\d](?:[\d])*(?:[\s])+years"]
    assert literal_starts(r"(?:x)?") is None  # can match empty: nothing to start from
    assert literal_starts(r"(?i)\bday") is None  # case folding: left to the lookahead candidate
