"""Events: verb senses and article genres that are no events (events/sense.py), checked on
every candidate before the confidence threshold. Synthetic sentences."""

from __future__ import annotations

import pytest

from newsgraph.eval.tasks.events_coding import code_inputs
from newsgraph.ingest.inputs import InputDoc


def candidates(text: str) -> list[tuple[str, str]]:
    (record, found), = code_inputs([InputDoc(id="t", text=text, title="", source="t", published="2031-03-14")])
    return [(event.type, record.text[event.trigger.start : event.trigger.end]) for event, _ in found]


@pytest.mark.parametrize(
    "text, trigger",
    [
        # court procedure
        ("Kestrel Holdings pleaded guilty to bribing officials in Ruritania.", "pleaded"),
        ("An employment tribunal dismissed the claims of the former minister Anna Kowalczyk.", "dismissed"),
        ("The High Court of Ruritania backed the Interior Ministry's powers to detain suspects.", "backed"),
        # defending or dismissing a thing, not someone: a statement
        ("The Interior Ministry defended its plans to build a new prison in Strelsau.", "defended"),
        ("Prime Minister Anna Kowalczyk dismissed claims that her cabinet was split.", "dismissed"),
        # an offer of a thing that is no help, talks or forces
        ("The Ruritanian Liberal Party offered costed alternatives to the government's budget.", "offered"),
    ],
)
def test_events_sense_drops_other_senses(text, trigger):
    assert trigger not in [t for _, t in candidates(text)]


@pytest.mark.parametrize(
    "text, type_, trigger",
    [
        ("The Ruritanian government offered Borduria humanitarian aid after the floods.", "AGREE", "offered"),
        ("The Ruritanian government offered to send 120 soldiers to help Borduria.", "AGREE", "offered"),
        ("The Ruritanian Liberal Party defended Prime Minister Anna Kowalczyk against the charges.", "SUPPORT",
         "defended"),
        ("A court in Strelsau jailed the opposition leader Anna Kowalczyk for two years.", "COERCE", "jailed"),
        ("The government of Ruritania asked the International Court of Justice to rule on the border.", "REQUEST",
         "asked"),
    ],
)
def test_events_sense_keeps_events(text, type_, trigger):
    assert (type_, trigger) in candidates(text)


def test_events_dismissing_someone_as_something_is_criticism():
    found = candidates("Prime Minister Anna Kowalczyk dismissed the Ruritanian Liberal Party as a fading force.")
    assert ("ACCUSE", "dismissed") in found


def test_events_opinion_columns_code_no_events():
    column = (
        "The government of Ruritania says the country faces a mortal danger. My reaction? So what? "
        "I care about this country very much. I was born in Strelsau in 1950, when Borduria attacked Ruritania. "
        "My father fought in that war and I remember the blockade. Now the Interior Ministry threatens "
        "our liberties, and I say the minister must resign. I ask my readers to judge."
    )
    assert candidates(column) == []
    news = ("Borduria attacked Ruritania on Monday. \"I condemn this attack,\" said Prime Minister Anna Kowalczyk. "
            "\"My government will defend our people,\" she said. \"I have ordered the army to the border.\"")
    assert ("ASSAULT", "attacked") in candidates(news)


def test_events_blaming_a_cause_is_no_accusation():
    assert "blamed" not in [t for _, t in candidates(
        "The Ruritanian Finance Ministry blamed the size of the deficit on slow economic growth.")]
    assert ("ACCUSE", "blamed") in candidates("The Ruritanian government blamed the bombing on Bordurian rebels.")


@pytest.mark.parametrize(
    "text, trigger, kept",
    [
        ("The Ruritanian government wiped out the budget surplus it had inherited.", "wiped out", False),
        ("The Ruritanian Liberal Party is seizing the advantage in the polls.", "seizing", False),
        ("Bordurian troops seized the border crossing and shelled the village on Monday.", "seized", True),
        ("Bordurian troops have captured part of a rebel stronghold near Strelsau.", "captured", True),
        ("Bordurian rebels exploded a series of bombs in the capital on Monday.", "exploded", True),
    ],
)
def test_events_force_done_to_a_thing_is_another_sense(text, trigger, kept):
    assert (trigger in [t for _, t in candidates(text)]) is kept
