"""Events on ordinary news: non-events dropped by class (events/kind.py), and actors coded
with the Phoenix dictionaries (events/phoenix.py). Synthetic sentences."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.pipeline.components.events import phoenix

PUBLISHED = "2031-03-14"


def coded(text: str, published: str = PUBLISHED):
    record = newsgraph.analyze(text, published=published)
    return [(e.type, record.text[e.trigger.start : e.trigger.end]) for e in record.events], record


@pytest.mark.parametrize(
    "text",
    [
        # figurative: a thing, not someone, is fought, met or conceded
        "Northwind Airlines is fighting the new aviation law in the courts.",
        "The Velmar Corporation met its sales target for the third quarter.",
        # a company is no political actor
        "The Velmar Corporation offered its customers a new tablet on Monday.",
        # a question
        "Which party will attack the ministers next week?",
        # refusing to speak refuses no act
        "The Velmar Corporation declined to comment on the report.",
        # an order for goods
        "Skyjet Airways ordered 30 new planes from its supplier.",
    ],
)
def test_events_kind_drops_non_events(text):
    events, _ = coded(text)
    assert events == []


def test_events_kind_keeps_political_events():
    events, record = coded("Ruritanian troops attacked rebels in Strelsau on Monday. "
                           "Prime Minister Anna Kowalczyk urged the government of Ruritania to withdraw its troops.")  # fmt: skip
    types = {t for t, _ in events}
    assert "ASSAULT" in types and "REQUEST" in types


def test_events_kind_sports_reports_are_not_events():
    text = ("France beat England 18-17 in the Six Nations match at Twickenham. The coach praised the squad, "
            "the fly-half kicked a late penalty and the captain said the league season was far from over.")  # fmt: skip
    events, _ = coded(text)
    assert [t for t, trigger in events if trigger == "beat"] == []


@pytest.mark.parametrize(
    "names, date, code, country, sector",
    [
        (["China"], None, "CHN", "CN", None),
        (["the PRC"], None, "CHN", "CN", None),
        (["Britain"], None, "GBR", "GB", None),
        (["United Kingdom"], None, "GBR", "GB", None),
        (["NATO"], None, "IGOWSTNAT", None, "international organisation"),
        (["Tony Blair"], "2005-03-01", "GBRGOV", "GB", "government"),
        (["Tony Blair"], "1990-03-01", "GBRELI", "GB", "elite"),
    ],
)
def test_phoenix_codes_names_on_a_date(names, date, code, country, sector):
    found = phoenix.code(names, date)
    assert found == code
    assert phoenix.country_sector(found) == (country, sector)


def test_phoenix_compose_and_unknown_names():
    assert phoenix.compose("RU", "military") == "RUSMIL"
    assert phoenix.compose(None, "military") is None
    assert phoenix.code(["Zzyzx Qwertyuiop"], None) is None


def test_events_actors_carry_the_phoenix_code():
    _, record = coded("China accused Britain of interference on Monday.")
    event = next(e for e in record.events if e.type == "ACCUSE")
    assert event.source.code == "CHN" and event.target.code == "GBR"


@pytest.mark.parametrize(
    "text, trigger, type_, action, future",
    [
        ("Ruritania must withdraw its troops from Strelsau, the Prime Minister of Elbonia said on Monday.",
         "withdraw", "REQUEST", "RETREAT", False),
        ("The Elbonian army vowed to attack Ruritanian positions in Strelsau.", "vowed", "THREATEN", "ASSAULT", False),
        ("Rebels attempted to attack the Ruritanian army base in Strelsau on Monday.", "attack", "ASSAULT", None, False),
        ("Ruritania and Elbonia agreed last month to open talks on the border.", "agreed", "AGREE", None, False),
        ("The Elbonian army will attack Ruritania next week.", "attack", "THREATEN", "ASSAULT", True),
    ],
)
def test_events_modal_and_intent_frames(text, trigger, type_, action, future):
    _, record = coded(text)
    event = next(e for e in record.events if record.text[e.trigger.start : e.trigger.end] == trigger)
    assert (event.type, event.action, event.future) == (type_, action, future)


def test_events_must_is_the_speakers_demand():
    _, record = coded("Ruritania must withdraw its troops from Strelsau, the Prime Minister of Elbonia said on Monday.")
    event = next(e for e in record.events if e.type == "REQUEST")
    assert event.target.name == "Ruritania" and "Elbonia" in event.source.name and not event.hypothetical
