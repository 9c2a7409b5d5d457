"""Whom a pronoun speaker is named after (docs/quotes.md, eighteenth session), on synthetic
text: a courtesy title says a person's sex; a common noun that is the latest main subject
is what "it" or "they" stands for; "a spokesman" is someone new, "the chancellor" the
person already named; a reporting verb inside a title is no cue. And the scorer of the
annotated BBC pronouns."""

from __future__ import annotations

import hashlib
import json

import pytest

from newsgraph.errors import EvalError
from newsgraph.eval.tasks import quote_pronouns
from newsgraph.record import Speaker
from tests.fixtures.quotes import entity, named


def _speaker_of(text: str, quotes, pronoun: str):
    start = text.index(pronoun)
    (speaker,) = {q.speaker for q in quotes if q.speaker is not None and q.speaker.start == start}
    return speaker


def test_quotes_he_is_never_a_person_a_title_marks_as_a_woman(quotes_of):
    text = (
        "Ms Varga said the list held 3,000 firms. A day earlier, Mr Kell had said only 40 firms "
        "would be named. Then Ms Varga spoke again. The list will be short, he said."
    )
    ents = [entity(text, "e1", "PERSON", "Ilona Varga", "Varga"), entity(text, "e2", "PERSON", "Piotr Kell", "Kell")]
    speaker = _speaker_of(text, quotes_of(text, ents), "he said")
    assert (speaker.entity, speaker.name) == ("e2", "Piotr Kell")


# (text, the one entity named in it: type and name, the pronoun, the speaker it should get)
ONE_NAME_CASES = {
    # A common noun that is the latest main subject is what "it" stands for ...
    "it-is-the-latest-common-noun-subject": (
        "Dorn Mart sells the album in 40 stores. The lawsuit seeks to force Dorn Mart to remove the album. "
        "It also says that the shop misled parents.", ("ORG", "Dorn Mart"), "It also", (None, "The lawsuit")),
    # ... but a company noun stands for the company.
    "it-after-the-firm-is-the-company": (
        "Velmar said output rose. The firm also said it now believed the mine would run for 25 years.",
        ("ORG", "Velmar"), "it now", ("e1", "Velmar")),
    # "A spokesman" is someone new; "the chancellor" the person already named.
    "he-after-a-spokesman-is-the-spokesman": (
        "Tom Adler met the envoy on Monday. A spokesman for the embassy came later. He said the talks went well.",
        ("PERSON", "Tom Adler"), "He said", (None, "A spokesman")),
    "he-after-the-chancellor-is-the-person-named": (
        "Tom Adler spoke to MPs on Monday. The chancellor arrived late. He said growth was strong.",
        ("PERSON", "Tom Adler"), "He said", ("e1", "Tom Adler")),
}


def test_quotes_a_description_by_age_names_the_person_as_he_would(quotes_of):
    # "said the 23-year-old" is the person the story is about (it was the bare phrase).
    text = (
        "Mara Kestrel beat Nadia Holm 6-3 6-2 to reach the fourth round. After a tough first set, "
        'Kestrel grew in confidence and won in 56 minutes. "Bring it on," said the 23-year-old.'
    )
    ents = [entity(text, "e1", "PERSON", "Mara Kestrel", "Mara Kestrel"), entity(text, "e2", "PERSON", "Nadia Holm", "Nadia Holm")]
    (quote,) = [q for q in quotes_of(text, ents) if q.kind == "direct"]
    assert (quote.speaker.entity, text[quote.speaker.start : quote.speaker.end]) == ("e1", "the 23-year-old")


@pytest.mark.parametrize("case", ONE_NAME_CASES)
def test_quotes_pronoun_speaker_with_one_name_in_the_text(quotes_of, case):
    text, (kind, name), pronoun, expected = ONE_NAME_CASES[case]
    speaker = _speaker_of(text, quotes_of(text, [entity(text, "e1", kind, name, name)]), pronoun)
    assert (speaker.entity, speaker.name) == expected


def test_quotes_a_reporting_verb_inside_a_title_is_no_cue(quotes_of):
    text = "The charity single slipped to six after seven weeks in the chart with Do They Know It's Christmas."
    assert [q for q in quotes_of(text) if q.cue is not None and text[q.cue.start : q.cue.end] == "Know"] == []
    # Nor for the learned cues (a word the model scores, not the lexicon's).
    text = "The band reached the height of their powers with hits including I Still Haven't Found What I'm Looking For."
    assert [q for q in quotes_of(text) if q.cue is not None and text[q.cue.start : q.cue.end] == "Found"] == []
    # A capitalised verb opening its clause stays a cue.
    text = "Asked about the deal, Tom Adler said it was good."
    cues = {text[q.cue.start : q.cue.end] for q in quotes_of(text) if q.cue is not None}
    assert "said" in cues


def test_bbc_pronoun_verdicts():
    gold = quote_pronouns.GoldPronoun("a.txt", "blind", 0, 2, "Tony Blair", True)
    assert quote_pronouns.verdict(gold, Speaker(entity="e1", name="Mr Blair", start=0, end=2), "he") == "right"
    assert quote_pronouns.verdict(gold, Speaker(entity="e2", name="Liam Fox", start=0, end=2), "he") == "wrong"
    assert quote_pronouns.verdict(gold, Speaker(entity=None, name="the prime minister", start=0, end=2), "he") == "described"
    assert quote_pronouns.verdict(gold, Speaker(entity=None, name="he", start=0, end=2), "he") == "left"
    assert quote_pronouns.verdict(gold, None, "he") == "left"
    critics = quote_pronouns.GoldPronoun("a.txt", "blind", 0, 4, "Critics", False)
    assert quote_pronouns.verdict(critics, Speaker(entity=None, name="Critics", start=0, end=4), "they") == "described"
    assert quote_pronouns.verdict(critics, Speaker(entity="e1", name="United States", start=0, end=4), "they") == "wrong"
    nobody = quote_pronouns.GoldPronoun("a.txt", "blind", 0, 4, None, False)
    assert quote_pronouns.verdict(nobody, Speaker(entity="e3", name="Band Aid", start=0, end=4), "They") == "wrong"


def test_bbc_pronoun_gold_refuses_an_article_that_is_not_the_annotated_text(tmp_path):
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "001.txt").write_text("He said so.", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    row = {"article": "politics/001.txt", "sha1": hashlib.sha1(b"He said so.").hexdigest()[:12], "set": "blind",
           "start": 0, "end": 2, "referent": "Tom Adler", "named": True}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    texts, pronouns = quote_pronouns.read_gold(tmp_path, gold)
    assert texts["politics/001.txt"][pronouns[0].start : pronouns[0].end] == "He"
    (tmp_path / "politics" / "001.txt").write_text("She said so.", encoding="utf-8")
    with pytest.raises(EvalError, match="not the annotated text"):
        quote_pronouns.read_gold(tmp_path, gold)


def test_bbc_pronoun_gold_spans_are_pronouns():
    rows = [json.loads(line) for line in quote_pronouns.GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 210 and {r["set"] for r in rows} == {"tuned", "blind"}
    assert all(r["end"] - r["start"] in (1, 2, 3, 4) and (r["named"] is False or r["referent"]) for r in rows)


def test_bbc_checked_quotes_speaker_right():
    from newsgraph.eval.tasks import quote_checks

    named = quote_checks.CheckedQuote("a.txt", "blind", 0, 9, 10, "yes", "Tony Blair", True)
    assert quote_checks.speaker_right(named, Speaker(entity="e1", name="Mr Blair", start=0, end=2))
    assert not quote_checks.speaker_right(named, Speaker(entity="e2", name="Liam Fox", start=0, end=2))
    assert not quote_checks.speaker_right(named, None)
    unnamed = quote_checks.CheckedQuote("a.txt", "blind", 0, 9, 10, "yes", "A spokesman", False)
    assert quote_checks.speaker_right(unnamed, Speaker(entity=None, name="a spokesman", start=0, end=2))
    assert not quote_checks.speaker_right(unnamed, Speaker(entity="e1", name="Tony Blair", start=0, end=2))
    rows = [json.loads(line) for line in quote_checks.GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 160 and {r["attribution"] for r in rows} == {"yes", "partly", "no"}
    assert all(r["source"] is None for r in rows if r["attribution"] == "no")


def test_quotes_a_kin_noun_in_lower_case_says_a_persons_sex(quotes_of):
    text = (
        "Mr Dunn's father Piet was arrested on his way to London. Also held was Anne Dunmore. "
        "Mrs Dunmore was the relative with whom Piet planned to stay in London. "
        'She said it was "a wonderful feeling" to have the apology.'
    )
    ents = [
        entity(text, "e1", "PERSON", "Piet", "Piet"),
        entity(text, "e2", "PERSON", "Anne Dunmore", "Anne Dunmore", "Dunmore"),
    ]
    speaker = _speaker_of(text, quotes_of(text, ents), "She said")
    assert (speaker.entity, speaker.name) == ("e2", "Anne Dunmore")


def test_quotes_it_may_stand_for_a_law(quotes_of):
    # A law speaks as a report does: "It proposes" after the bill is the bill.
    text = "MPs debated the Kestrel Terrorism Bill on Monday. It proposes control orders for suspects."
    ents = [entity(text, "l1", "LAW", "Kestrel Terrorism Bill", "Kestrel Terrorism Bill")]
    (quote,) = [q for q in quotes_of(text, ents) if text[q.cue.start : q.cue.end] == "proposes"]
    assert (quote.speaker.entity, quote.speaker.name) == ("l1", "Kestrel Terrorism Bill")


def test_quotes_a_name_ending_a_list_does_not_displace_the_last_speaker(quotes_of):
    text = (
        "Harbour fees under review\n\n"
        "In a new report, the Coastal Commission says harbour fees should rise by 5%. "
        + "Ferry crossings rose sharply in the winter months, and queues grew longer. " * 16
        + "The commission says the money would pay for new cranes. It also "
        "suggests increasing state funding so help can be extended to all ports with at least two "
        "ferries in the Northern Ferry Board, Western Ports Council or Tarrow Harbour Trust. And it "
        "suggests new ways of cutting queues at the terminals."
    )
    bodies = named(text, "ORG", "Coastal Commission", "Tarrow Harbour Trust", "Northern Ferry Board", "Western Ports Council")
    quotes = quotes_of(text, bodies)
    last = next(q for q in quotes if text[q.start :].startswith("new ways"))
    assert last.speaker.entity == "o1"


def test_quotes_they_after_a_subject_of_names_joined_by_and_is_that_pair(quotes_of):
    # Not the place named last before it ("a native of Fresno, California").
    text = (
        '"It is hard to be heard," says Ramon Estrada, a native of Fresno, California. '
        "Estrada and two friends set out to change that - they wanted to make local bands known abroad."
    )
    ents = named(text, "PERSON", "Ramon Estrada", prefix="p") + named(text, "GPE", "Fresno", "California", prefix="g")
    (quote,) = [q for q in quotes_of(text, ents) if text[q.cue.start : q.cue.end] == "wanted"]
    assert (quote.speaker.entity, quote.speaker.name) == (None, "Estrada and two friends")


def test_quotes_a_speaker_inside_what_another_reports_is_not_the_next_he(quotes_of):
    text = (
        "Former minister Alan Pryce said Lord Warden's admission that his answer was incomplete "
        'suggested MPs had been misled. "The minister may never have said so," he said.'
    )
    ents = named(text, "PERSON", "Alan Pryce", "Lord Warden", prefix="p")
    (quote,) = [q for q in quotes_of(text, ents) if q.kind == "direct"]
    assert (quote.speaker.entity, quote.speaker.name) == ("p1", "Alan Pryce")
