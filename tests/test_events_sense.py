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


# --- Classes of false events found by reading every event kept on the 2,225 BBC articles
# (docs/events.md, "Reading the whole corpus"); each with a sentence that must stay an event.

@pytest.mark.parametrize(
    "text, trigger",
    [
        # "charge" as a price, not an accusation
        ("The Strelsau water company doubled the fees it charged households last year.", "charged"),
        ("The Ruritanian government will charge farmers for the new inspection scheme.", "charge"),
        ("Councils in Ruritania will charge higher rates of property tax next year.", "charge"),
        # "apply" as being applicable, not applying for something
        ("The arms embargo applies to Ruritania and Borduria.", "applies"),
        # "sanction" as approving an act, not punishing someone
        ("The Ruritanian parliament sanctioned the use of force in Borduria.", "sanctioned"),
        # a market that rallies
        ("The Ruritanian currency rallied on Monday after the central bank raised rates.", "rallied"),
        # meeting a demand or a criterion, not meeting someone
        ("Ruritanian Oil has raised its output to meet demand from Borduria.", "meet"),
        ("Ruritania has met the economic criteria of the European Union.", "met"),
        # a named law cannot act
        ("Ruritania's new Data Protection Act bans the sale of personal records.", "bans"),
    ],
)
def test_events_other_senses_found_on_the_whole_corpus(text, trigger):
    assert trigger not in [t for _, t in candidates(text)]


@pytest.mark.parametrize(
    "text, type_, trigger",
    [
        ("Police in Strelsau charged the former minister Anna Kowalczyk with fraud.", "ACCUSE", "charged"),
        ("Ruritanian police charged 12 protesters after the riot in Strelsau.", "ACCUSE", "charged"),
        ("The Ruritanian government applied for membership of the European Union.", "REQUEST", "applied"),
        ("The European Union sanctioned Ruritania over its human rights record.", "SANCTION", "sanctioned"),
        ("Thousands of opposition supporters rallied in Strelsau against the government.", "PROTEST",
         "rallied"),
        ("Prime Minister Anna Kowalczyk met the Bordurian president in Strelsau.", "CONSULT", "met"),
        ("The Ruritanian government banned the sale of weapons to Borduria.", "COERCE", "banned"),
    ],
)
def test_events_same_verbs_still_code_events(text, type_, trigger):
    assert (type_, trigger) in candidates(text)


@pytest.mark.parametrize(
    "text, type_, trigger, not_type",
    [
        # a deal struck is an agreement, not a strike of force; a strike on positions stays force
        ("The Ruritanian government struck a deal with Borduria over gas prices.", "AGREE", "struck",
         "ASSAULT"),
        ("The Bordurian army struck Ruritanian border posts near Zenda.", "ASSAULT", "struck", "AGREE"),
        # a light verb's noun decides: an attack on plans by a party is criticism, legal
        # action a lawsuit; an attack launched by a state stays force
        ("The Ruritanian Liberal Party launched an attack on the government's spending plans.", "ACCUSE",
         "launched", "ASSAULT"),
        ("The European Commission launched legal action against Ruritania over its deficit.", "ACCUSE",
         "launched", "ASSAULT"),
        ("The Bordurian army launched an attack on Ruritanian border posts.", "ASSAULT", "launched",
         "ACCUSE"),
        ("The Ruritanian Defence Alliance launched military action against Borduria on Monday.", "ASSAULT",
         "launched", "ACCUSE"),
        # charges pressed are an accusation; pressing someone to act stays a request
        ("The Ruritanian government will press charges against the Bordurian journalist Jan Novak.", "ACCUSE",
         "press", "REQUEST"),
        ("The Ruritanian government pressed Borduria to release the prisoners.", "REQUEST", "pressed",
         "ACCUSE"),
    ],
)
def test_events_type_follows_the_sense(text, type_, trigger, not_type):
    found = candidates(text)
    assert (type_, trigger) in found
    assert (not_type, trigger) not in found


def test_events_pronoun_in_a_reported_clause_is_the_speaker():
    # the nearest earlier name is the listener (Reuters); the speaker asked
    text = "The Ruritanian Red Cross told Reuters that it had asked Borduria for money to help flood victims."
    (record, found), = code_inputs([InputDoc(id="t", text=text, title="", source="t",
                                              published="2031-03-14")])
    sources = {record.text[e.trigger.start : e.trigger.end]: e.source.name for e, _ in found if e.source}
    assert sources.get("asked") == "Ruritanian Red Cross"


def test_events_a_visit_made_is_a_visit():
    # CAMEO's generated "make ... visit" row codes an intent to meet (AGREE); a visit made is CONSULT
    found = candidates("Prime Minister Anna Kowalczyk made a surprise visit to Borduria on Monday.")
    assert "CONSULT" in [t for t, _ in found]
    assert "AGREE" not in [t for t, _ in found]


def test_events_sport_line_up_reports_code_no_clash():
    report = (
        "Zenda Rovers skipper Jan Novak has been ruled out of Saturday's clash against Strelsau with a "
        "hamstring injury. The hooker Piet Marek is also a doubt after failing a fitness test, and the "
        "full-back Tomas Berg returns to the side.")
    assert "clash" not in [t for _, t in candidates(report)]
    politics = "Ruritanian troops clashed with Bordurian soldiers near Zenda, leaving one injury reported."
    assert ("ASSAULT", "clashed") in candidates(politics)


def test_events_the_us_is_a_country_not_the_pronoun_us():
    # "US" was read as the pronoun "us" (no speaker: no source); the record's entities may miss it
    found = code_inputs([InputDoc(id="t", text="The US has asked the World Trade Organization to investigate "
                                  "Ruritanian tariffs.", title="", source="t", published="2031-03-14")])
    (record, events), = found
    asked = [e for e, _ in events if record.text[e.trigger.start : e.trigger.end] == "asked"]
    assert asked and asked[0].source is not None and asked[0].source.country == "US"


@pytest.mark.parametrize(
    "text",
    [
        # "for" hangs on the clause ("for ... to be made public"), but it is "call for"'s particle
        "The Ruritanian opposition has called for their findings to be made public.",
        "The Ruritanian Liberal Party has repeatedly called for the border to be reopened.",
    ],
)
def test_events_call_for_someone_to_do_something_is_a_request(text):
    assert ("REQUEST", "called for") in candidates(text)


def test_events_a_natural_disaster_is_no_actor():
    disaster = candidates("A hurricane struck Ruritania on Monday, killing 40 people.")
    assert "struck" not in [t for _, t in disaster]
    raid = candidates("Bordurian warplanes struck Ruritania on Monday, killing 40 people.")
    assert ("ASSAULT", "struck") in raid


def test_events_the_content_of_a_call_is_not_coded_again():
    # the parse hangs "to denounce" as an adverbial clause of "called on": the call's content
    found = candidates("Jan Novak, chairman of the Ruritanian Human Rights Council, called on Mr Kowalczyk "
                       "to denounce the claim that refugees were a burden.")
    assert ("REQUEST", "called on") in found
    assert "denounce" not in [t for _, t in found]
    # a second act coordinated with the coded one is an act of its own
    found = candidates("The Ruritanian government demanded the release of the hostages and threatened "
                       "sanctions against Borduria.")
    assert ("REQUEST", "demanded") in found and ("THREATEN", "threatened") in found


def test_events_a_participle_qualifying_a_noun_is_no_event():
    found = candidates("Police in Strelsau charged Jan Novak and his alleged accomplice Piet Marek "
                       "with fraud.")
    assert "alleged" not in [t for _, t in found]
    assert ("ACCUSE", "alleged") in candidates(
        "The Ruritanian Interior Ministry alleged that Jan Novak had bribed Bordurian officials.")
