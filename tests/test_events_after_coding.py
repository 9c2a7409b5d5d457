"""Events on ordinary news: classes checked once modality and actors are known
(events/kind.py ``after_coding`` and ``words_not_force``). Synthetic sentences."""

from __future__ import annotations

import pytest

import newsgraph

PUBLISHED = "2031-03-14"


def coded(text: str) -> list[tuple[str, str]]:
    record = newsgraph.analyze(text, published=PUBLISHED)
    return [(e.type, record.text[e.trigger.start : e.trigger.end]) for e in record.events]


@pytest.mark.parametrize(
    "text",
    [
        # hypothetical, with no stated intent
        "The Ruritanian government warned that the budget deficit would hamper growth.",
        # an attempt that failed
        "Ministers in Ruritania had failed to reassure the aid agencies.",
        # an opinion stated in a clause
        "The Ruritanian foreign minister agreed that the time was ripe for reform.",
        # a document does nothing
        "The report urged the Ruritanian government to close the Tarvik office.",
    ],
)
def test_events_after_coding_drops_non_events(text):
    assert coded(text) == []


def test_events_attack_by_a_party_is_criticism():
    events = coded("The Ruritanian Labour Party attacked the Ruritanian government over its tax plans.")
    assert ("ACCUSE", "attacked") in events
    assert not any(t == "ASSAULT" for t, _ in events)


def test_events_attack_by_troops_stays_force():
    events = coded("Ruritanian troops attacked the town of Tarvik on Monday.")
    assert ("ASSAULT", "attacked") in events
