"""Garbled-token detection: real garbles are flagged with a repair; names, acronyms,
URLs, hashtags, numbers, rare words and foreign words are not."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.clean.garbled import find_garbled


@pytest.mark.parametrize(
    ("text", "token", "suggestion"),
    [
        ("Officials met brieqzxvjfly on Monday.", "brieqzxvjfly", "briefly"),
        ("The army withdrqwzkxew its troops.", "withdrqwzkxew", "withdrew"),
        ("It rained. Yesxqjzwterday the river rose.", "Yesxqjzwterday", "Yesterday"),
        ("Talks with the gov- ernment stalled.", "gov- ernment", "government"),
        ("The secu rity forces left.", "secu rity", "security"),
    ],
)
def test_clean_garbled_flags_and_repairs(text, token, suggestion):
    (garble,) = find_garbled(text)
    assert text[garble.start : garble.end] == token and garble.suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "President Ruta Zemaityte and Mr Wojciechowski met in Vilnius.",
        "The NATO and OSCE envoys met; see www.examplenews.org/brieqzxvjfly for details.",
        "Follow #brieqzxvjfly and @brieqzxvjfly for updates.",
        "The shipment of 3,500 tonnes (ref. A17x9QZ) arrived.",
        "The misdeclared cargo was outjumped by a blogzine's scoop.",
        "Die Verhandlungen über Zusammenarbeit wurden fortgesetzt, sagte Szczepański.",
        "Some times the on going talks in the data base stalled.",
    ],
)
def test_clean_garbled_leaves_names_acronyms_urls_and_rare_words(text):
    assert find_garbled(text) == []


def test_clean_garbled_leaves_capitalised_terms_of_art():
    assert find_garbled("Jobs wait in a queue. Workqueue threads pick them up.") == []
