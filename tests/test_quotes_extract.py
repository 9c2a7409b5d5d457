"""The quotes component on synthetic sentences: kinds, cues, speakers (spaCy parse, hand-made
entities)."""

from __future__ import annotations

from newsgraph.record import Noise, Role, Span
from tests.fixtures.quotes import entity


def _said(text, quote):
    return text[quote.start : quote.end]


def test_quotes_split_direct_quote_shares_speaker_and_cue(quotes_of):
    text = '"We will rebuild the harbour," Mayor Ana Petrova told reporters on Monday, "and we will start this year."'
    ents = [entity(text, "e1", "PERSON", "Ana Petrova", "Ana Petrova")]
    quotes = quotes_of(text, ents)
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert {q.speaker.entity for q in quotes} == {"e1"}
    assert quotes[0].cue == quotes[1].cue
    assert text[quotes[0].cue.start : quotes[0].cue.end] == "told"


def test_quotes_every_span_indexes_the_text(quotes_of):
    text = 'Officials said on Friday that the road would reopen. "It is safe now," the engineer added.'
    for q in quotes_of(text):
        assert 0 <= q.start < q.end <= len(text)
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end].strip() == text[q.speaker.start : q.speaker.end]
        assert q.component == "newsgraph.quotes.v1"


def test_quotes_pronoun_speaker_resolves_to_named_person(quotes_of):
    text = 'Tomas Berg arrived late. "The talks were useful," he said.'
    ents = [entity(text, "p1", "PERSON", "Tomas Berg", "Tomas Berg")]
    (quote,) = quotes_of(text, ents)
    assert quote.kind == "direct"
    assert quote.speaker.entity == "p1" and quote.speaker.name == "Tomas Berg"
    assert text[quote.speaker.start : quote.speaker.end] == "he"


def test_quotes_according_to_is_indirect_with_content_span(quotes_of):
    text = "According to the fisheries ministry, catches fell by a third last year."
    ents = [entity(text, "o1", "ORG", "Fisheries Ministry", "fisheries ministry")]
    (quote,) = quotes_of(text, ents)
    assert quote.kind == "indirect"
    assert _said(text, quote) == "catches fell by a third last year"
    assert quote.speaker.entity == "o1"
    assert text[quote.cue.start : quote.cue.end] == "According to"


def test_quotes_said_that_is_indirect(quotes_of):
    text = "The Pentagon said on Tuesday that it would send two more ships to the region."
    ents = [entity(text, "o2", "ORG", "Pentagon", "Pentagon")]
    (quote,) = quotes_of(text, ents)
    assert quote.kind == "indirect"
    assert _said(text, quote).startswith("that it would send")
    assert quote.speaker.entity == "o2"


def test_quotes_partial_inside_reported_speech_takes_its_speaker(quotes_of):
    text = 'The union leaders said the company should "stop the layoffs at once and talk to us."'
    quotes = quotes_of(text)
    kinds = {q.kind for q in quotes}
    assert kinds == {"indirect", "partial"}
    partial = next(q for q in quotes if q.kind == "partial")
    assert _said(text, partial).startswith("stop the layoffs")
    assert partial.speaker.name.lower() == "the union leaders" and partial.speaker.entity is None


def test_quotes_short_partial_without_cue_has_null_speaker(quotes_of):
    text = 'Ministers met in Oslo, where Karl Dahl said the plan to impose a "steep cost" on smugglers was ready.'
    quotes = quotes_of(text)
    partial = next(q for q in quotes if q.kind == "partial")
    assert _said(text, partial) == "steep cost"


def test_quotes_no_speaker_is_null_not_a_guess(quotes_of):
    text = 'The banner on the bridge read nothing at all.\n\n"Nobody will stop us."\n\nThe rain continued.'
    (quote,) = [q for q in quotes_of(text) if q.start > text.index("\n")]
    assert quote.kind == "direct"
    assert quote.speaker is None and quote.cue is None


def test_quotes_title_speaker_resolves_to_office_holder(quotes_of):
    text = (
        'Alliance Secretary General Mira Holm opened the meeting. '
        '"We are ready," the secretary general said.'
    )
    ents = [entity(text, "p9", "PERSON", "Mira Holm", "Mira Holm")]
    (quote,) = quotes_of(text, ents)
    assert quote.speaker.entity == "p9"
    assert text[quote.speaker.start : quote.speaker.end] == "the secretary general"


def test_quotes_title_speaker_is_not_the_holder_of_a_shadow_or_deputy_office(quotes_of):
    text = (
        "Shadow chancellor Ivo Rask attacked the budget. Chancellor Mira Holm defended it. "
        '"It is sound," the chancellor said.'
    )
    rask = entity(text, "p1", "PERSON", "Ivo Rask", "Ivo Rask")
    holm = entity(text, "p2", "PERSON", "Mira Holm", "Mira Holm")
    rask.roles = [Role(title="Shadow Chancellor", of=None, evidence=Span(start=0, end=26))]
    holm.roles = [Role(title="Chancellor", of=None, evidence=Span(start=text.index("Chancellor Mira"), end=text.index(" defended")))]
    (quote,) = [q for q in quotes_of(text, [rask, holm]) if q.kind == "direct"]
    assert quote.speaker.entity == "p2"


def test_quotes_title_with_its_organisation_resolves_to_that_office_holder(quotes_of):
    # "the Brixham manager" is the Manager of Brixham in the roles, though the text wrote
    # the office as "manager of Brixham".
    text = 'Ned Tolley, the manager of Brixham, met Dora Quill. "We will win," the Brixham manager said.'
    tolley = entity(text, "p1", "PERSON", "Ned Tolley", "Ned Tolley")
    quill = entity(text, "p2", "PERSON", "Dora Quill", "Dora Quill")
    club = entity(text, "o1", "ORG", "Brixham", "Brixham")
    tolley.roles = [Role(title="Manager", of="o1", evidence=Span(start=0, end=text.index(", met")))]
    (quote,) = quotes_of(text, [tolley, quill, club])
    assert quote.speaker.entity == "p1"


def test_quotes_a_participle_after_a_reported_clause_is_the_reporters(quotes_of):
    # "saying" hangs from the reported clause; the jump says nothing, the analysts do.
    text = "Some analysts predicted that the jump in share prices would be short-lived, saying investors would worry."
    quotes = quotes_of(text)
    (saying,) = [q for q in quotes if text[q.cue.start : q.cue.end] == "saying"]
    assert saying.speaker.name == "Some analysts"
    # People who may speak keep the clause: "now that people have started thinking"
    text = "It is gaining momentum now that people have started thinking about how to make money."
    (thinking,) = [q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "thinking"]
    assert thinking.speaker.name == "people"
    # and an "it" that reports nothing leaves the clause's subject: "it is obvious that"
    text = "By now it should be obvious that voters want to know what is in the returns."
    (know,) = [q for q in quotes_of(text) if text[q.cue.start : q.cue.end] == "know"]
    assert know.speaker.name == "voters"


def test_quotes_a_plural_speaker_is_no_office_holder(quotes_of):
    text = "Minister for Women Mira Holm spoke on Monday. Women said the plan was unfair."
    holm = entity(text, "p2", "PERSON", "Mira Holm", "Mira Holm")
    holm.roles = [Role(title="Minister for Women", of=None, evidence=Span(start=0, end=text.index(" spoke")))]
    (quote,) = quotes_of(text, [holm])
    assert quote.speaker.entity is None and quote.speaker.name == "Women"


def test_quotes_a_named_body_before_a_statement_is_its_author(quotes_of):
    text = "Brellix is a cement maker. It plans to buy two rivals in Norway, a Brellix statement said."
    ents = [entity(text, "o1", "ORG", "Brellix", "Brellix"), entity(text, "g1", "GPE", "Norway", "Norway")]
    (quote,) = quotes_of(text, ents)
    assert quote.speaker.entity == "o1"


def test_quotes_group_speaker_without_entity_keeps_the_phrase(quotes_of):
    text = 'The northern members have said they "will not accept any delay."'
    quotes = quotes_of(text)
    assert quotes and all(q.speaker is not None for q in quotes)
    assert {q.speaker.name for q in quotes} == {"The northern members"}
    assert all(q.speaker.entity is None for q in quotes)


def test_quotes_curly_multi_paragraph_quote_is_one_direct_quote(quotes_of):
    text = (
        "Farmer Ida Lund spoke at the market.\n\n"
        "\u201cThe harvest was poor this year.\n\n"
        "\u201cWe will plant earlier next spring,\u201d Lund said."
    )
    ents = [entity(text, "p3", "PERSON", "Ida Lund", "Ida Lund", "Lund")]
    (quote,) = quotes_of(text, ents)
    assert quote.kind == "direct" and quote.speaker.entity == "p3"
    assert "harvest" in _said(text, quote) and "plant earlier" in _said(text, quote)


def test_quotes_continuation_paragraph_inherits_the_speaker(quotes_of):
    text = (
        '"The port is closed," harbour master Leo Vik said.\n\n'
        '"Ships must wait outside until the storm passes."'
    )
    ents = [entity(text, "p4", "PERSON", "Leo Vik", "Leo Vik")]
    quotes = quotes_of(text, ents)
    assert [q.speaker.entity for q in quotes] == ["p4", "p4"]


def test_quotes_not_taken_from_captions(quotes_of):
    text = 'Nothing was said.\n"We did it," the captain said. (Photo credit: A. Person)'
    caption_start = text.index('"We')
    noise = [Noise(kind="caption", text=text[caption_start:], start=caption_start, end=len(text))]
    assert quotes_of(text, noise=noise) == []


def test_quotes_speaker_never_taken_from_inside_a_quote(quotes_of):
    text = "''That, sadly,'' she said, ''is how the river floods every spring.''"
    quotes = quotes_of(text)
    assert len(quotes) == 2
    assert {text[q.speaker.start : q.speaker.end] for q in quotes} == {"she"}


def test_quotes_participle_cue_borrows_the_clause_subject(quotes_of):
    text = 'The ministry issued a statement on Monday saying, "The border stays open."'
    ents = [entity(text, "o5", "ORG", "Ministry", "ministry")]
    (quote,) = [q for q in quotes_of(text, ents) if q.kind == "direct"]
    assert quote.kind == "direct" and quote.speaker.entity == "o5"
    assert text[quote.cue.start : quote.cue.end] == "saying"


def test_quotes_colon_introducer_gives_the_speaker(quotes_of):
    text = 'Or, as harbour master Leo Vik put it:\n\n"Nobody sails in this weather."'
    ents = [entity(text, "p4", "PERSON", "Leo Vik", "Leo Vik")]
    (quote,) = quotes_of(text, ents)
    assert quote.speaker.entity == "p4"


def test_quotes_trailing_attribution_of_reported_speech(quotes_of):
    text = "The storm will pass by Friday, forecasters said."
    (quote,) = quotes_of(text)
    assert quote.kind == "indirect"
    assert text[quote.start : quote.end] == "The storm will pass by Friday"
    assert quote.speaker.name == "forecasters" and quote.speaker.entity is None


def test_quotes_unattributed_title_is_not_a_direct_quote(quotes_of):
    text = 'The network renewed its drama, "Harbour Lights," for a third season.'
    assert all(q.kind != "direct" for q in quotes_of(text))
