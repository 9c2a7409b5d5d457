"""Attribution rules of the quotes component on synthetic sentences: signed quotes, speakers
the parse misplaces, speakers carried over from reported speech, phrasal cues."""

from __future__ import annotations

from tests.fixtures.quotes import entity


def _at(text: str, span) -> str:
    return text[span.start : span.end]


def test_quotes_dash_signed_quote_takes_the_name_after_the_dash(quotes_of):
    text = (
        "Readers wrote in with their views.\n\n"
        "\u201cThe new bridge has made my commute twice as long.\u201d \u2015 Marta Delgado\n\n"
        "\u201cI never thought the ferry would close so soon.\u201d -- Olu Bankole, a teacher\n"
    )
    ents = [entity(text, "p1", "PERSON", "Marta Delgado", "Marta Delgado")]
    quotes = quotes_of(text, ents)
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert quotes[0].speaker.entity == "p1"
    assert _at(text, quotes[0].cue) == "\u2015"
    assert quotes[1].speaker.name == "Olu Bankole"
    assert _at(text, quotes[1].cue) == "--"


def test_quotes_dash_inside_a_sentence_is_not_a_signature(quotes_of):
    text = "\u201cWe are ready.\u201d \u2014 Those were the last words of the evening, and nobody said more.\n"
    (quote,) = quotes_of(text)
    assert quote.cue is None or _at(text, quote.cue) != "\u2014"


def test_quotes_punctuation_is_never_a_speaker(quotes_of):
    # The parser may take a dash before the name for the verb's subject.
    text = (
        "The returns were never published \u2015 as was the custom for decades \u2015 "
        "Halvorsen boasted, \u201cThat shows I was careful.\u201d"
    )
    ents = [entity(text, "p2", "PERSON", "Erik Halvorsen", "Halvorsen")]
    quotes = [q for q in quotes_of(text, ents) if q.kind == "direct"]
    assert quotes and quotes[0].speaker is not None
    assert any(ch.isalpha() for ch in _at(text, quotes[0].speaker))


def test_quotes_participle_after_a_name_is_that_name_speaking(quotes_of):
    text = "The advert shows footage of Priya Raman asking, \u201cWhy should anyone wait another year?\u201d"
    ents = [entity(text, "p3", "PERSON", "Priya Raman", "Priya Raman")]
    (quote,) = [q for q in quotes_of(text, ents) if q.kind == "direct"]
    assert quote.speaker.entity == "p3"


def test_quotes_quote_after_reported_speech_continues_its_speaker(quotes_of):
    text = (
        "Hugo Lindqvist said the proposal was \u201ca good start,\u201d and that he would vote for it. "
        "\u201cWe have waited long enough for this.\u201d"
    )
    ents = [entity(text, "p4", "PERSON", "Hugo Lindqvist", "Hugo Lindqvist")]
    quotes = quotes_of(text, ents)
    last = quotes[-1]
    assert last.kind == "direct" and last.cue is None
    assert last.speaker is not None and last.speaker.entity == "p4"


def test_quotes_as_she_put_it_is_a_cue(quotes_of):
    text = "As Nadia Farouk, the auditor, put it, \u201cThe accounts simply do not add up.\u201d"
    ents = [entity(text, "p5", "PERSON", "Nadia Farouk", "Nadia Farouk")]
    (quote,) = [q for q in quotes_of(text, ents) if q.kind == "direct"]
    assert _at(text, quote.cue) == "put"
    assert quote.speaker.entity == "p5"


def test_quotes_attribution_set_off_by_commas_reports_both_sides(quotes_of):
    text = "Too often, Dr. Lena Ortiz said, the debate over water rights ends in court."
    ents = [entity(text, "p6", "PERSON", "Lena Ortiz", "Lena Ortiz")]
    quotes = quotes_of(text, ents)
    assert [q.kind for q in quotes] == ["indirect", "indirect"]
    assert [_at(text, q) for q in quotes] == ["Too often", "the debate over water rights ends in court"]
    assert quotes[0].cue == quotes[1].cue and _at(text, quotes[0].cue) == "said"
    assert {q.speaker.entity for q in quotes} == {"p6"}


def test_quotes_naming_participle_is_not_an_attribution(quotes_of):
    text = "Their new venture, called the River Fund, will still own the land."
    assert quotes_of(text) == []


def test_quotes_closing_mark_typed_to_open_a_paragraph_opens(quotes_of):
    text = "Comments poured in.\n\n\u201dI am worried about the schools here.\u201d \u2015 Ines Moreau\n"
    (quote,) = quotes_of(text)
    assert quote.kind == "direct"
    assert _at(text, quote) == "I am worried about the schools here."
    assert quote.speaker.name == "Ines Moreau"


def test_quotes_called_for_reports_the_prepositional_object(quotes_of):
    text = "Senator Ruth Abara called for a full inquiry into the contract."
    ents = [entity(text, "p7", "PERSON", "Ruth Abara", "Ruth Abara")]
    (quote,) = quotes_of(text, ents)
    assert quote.kind == "indirect"
    assert _at(text, quote) == "a full inquiry into the contract"
    assert _at(text, quote.cue) == "called"
    assert quote.speaker.entity == "p7"


def test_quotes_accused_of_keeps_what_is_said_of_the_object(quotes_of):
    text = "The union accused the company of ignoring safety rules."
    (quote,) = quotes_of(text)
    assert _at(text, quote) == "the company of ignoring safety rules"
    assert _at(text, quote.cue) == "accused"


def test_quotes_relative_pronoun_speaker_keeps_its_span(quotes_of):
    text = "The award went to Omar Castell, who said the prize belonged to his whole team."
    ents = [entity(text, "p8", "PERSON", "Omar Castell", "Omar Castell")]
    (quote,) = quotes_of(text, ents)
    assert quote.speaker.entity == "p8" and quote.speaker.name == "Omar Castell"
    assert _at(text, quote.speaker) == "who"


def test_quotes_a_title_speaker_is_named_by_its_phrase(quotes_of):
    # The parser tags "general" of "secretary-general" as a proper noun; a title alone
    # (or its last piece) is no name.
    text = "The charity's secretary-general said a growing gap was fuelling scepticism."
    quotes = quotes_of(text, [])
    assert [q.speaker.name for q in quotes] == ["The charity's secretary-general"]
    text = "Mr Okafor-Bright said the bridge would reopen in May."
    quotes = quotes_of(text, [])
    assert [q.speaker.name for q in quotes] == ["Mr Okafor-Bright"]  # not "Bright"


def test_quotes_a_noun_names_a_person_only_written_next_to_the_name(quotes_of):
    # "study" is in the sentence of "Ann Cole" but names no office of hers
    text = (
        "A study of visitors to the Library by Ann Cole was published on Monday. "
        "The study said that laptops were common."
    )
    ents = [entity(text, "p1", "PERSON", "Ann Cole", "Ann Cole")]
    quotes = quotes_of(text, ents)
    assert [(q.speaker.name, q.speaker.entity) for q in quotes] == [("The study", None)]
    # a title before the name, or apposed after it, still names its holder
    text = "Arsenal manager Arsene Wenger watched. The Arsenal manager said that the team had played well."
    ents = [entity(text, "p1", "PERSON", "Arsene Wenger", "Arsene Wenger")]
    assert [q.speaker.entity for q in quotes_of(text, ents)] == ["p1"]
    text = "Arsene Wenger, the Arsenal manager, watched. The Arsenal manager said that the team had played well."
    ents = [entity(text, "p1", "PERSON", "Arsene Wenger", "Arsene Wenger")]
    assert [q.speaker.entity for q in quotes_of(text, ents)] == ["p1"]
    # a noun for one person finds its holder anywhere in the sentence
    text = "Tomas Reyes, 34, is the club's oldest striker. The striker said that he would stay."
    ents = [entity(text, "p1", "PERSON", "Tomas Reyes", "Tomas Reyes")]
    assert [q.speaker.entity for q in quotes_of(text, ents)][:1] == ["p1"]


def test_quotes_the_one_told_is_no_antecedent(quotes_of):
    text = (
        "Comedian Ola Brandt has told Radio Zorbex that the stars will appear. "
        "He said they had both seen the scripts and had agreed to appear in an episode each."
    )
    ents = [
        entity(text, "p1", "PERSON", "Ola Brandt", "Ola Brandt"),
        entity(text, "o1", "ORG", "Radio Zorbex", "Radio Zorbex"),
    ]
    assert "o1" not in [q.speaker.entity for q in quotes_of(text, ents) if q.speaker]


def test_quotes_a_quote_after_a_closed_quoted_sentence_stands_as_direct(quotes_of):
    # Scraped news runs a quote's paragraphs together: "... high." then "The choice ...,"
    # added Y. The second quote opens a clause as after a full stop (it was partial and
    # indirect at once), and the quote before it goes on with X, not with Y.
    text = (
        'The minister spoke on Monday. "We will act," said John Varnel. "Prices are far too high. '
        '"We will cut them this year." "The choice for families is simple," added Mr Kestrow.\n'
    )
    ents = [entity(text, "p1", "PERSON", "John Varnel", "John Varnel"), entity(text, "p2", "PERSON", "Kestrow", "Kestrow")]
    quotes = quotes_of(text, ents)
    by_text = {_at(text, q)[:14]: q for q in quotes}
    choice = by_text["The choice for"]
    assert choice.kind == "direct" and choice.speaker.entity == "p2"
    assert [q.kind for q in quotes if _at(text, q).startswith("The choice")] == ["direct"]
    assert by_text["Prices are far"].speaker.entity == "p1"


def test_quotes_a_name_between_the_quote_and_its_verb_is_the_speaker_not_content(quotes_of):
    # The parser hangs "Dunmore" in the quote (an apposition to its last noun) and gives
    # "said" no subject: the name was reported content of its own cue, and the speaker
    # none (or the nearest name after the verb, the channel).
    text = (
        "The senator was asked about it.\n\n"
        "\u201cHe's absolutely right. There's a severe disconnect between this White House and frankly the "
        "president and our military,\u201d Dunmore, a top campaign surrogate, said Thursday morning on "
        "Channel Nine\u2019s \u201cBreakfast Live.\u201d\n"
    )
    ents = [entity(text, "p1", "PERSON", "Dunmore", "Dunmore"), entity(text, "o1", "ORG", "Channel Nine", "Channel Nine")]
    quotes = quotes_of(text, ents)
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].speaker.entity == "p1"


def test_quotes_a_paragraph_of_quotation_run_into_the_next_goes_on_with_the_speaker(quotes_of):
    # Scraped news runs the next paragraph into the quote's: what follows the closing mark
    # is a new sentence, not the quote's attribution, so the quote continues the speaker
    # of the paragraph before (it had none).
    text = (
        "The top seed was beaten on Friday.\n\n"
        '"I felt I was striking the ball much better," said Jonas Varnel.\n\n'
        '"I had a lot of break chances and I took them. "That was the key to the set." '
        "Hanlon played down his defeat and looked ahead to Sydney.\n"
    )
    ents = [entity(text, "p1", "PERSON", "Jonas Varnel", "Jonas Varnel"), entity(text, "p2", "PERSON", "Hanlon", "Hanlon")]
    quotes = [q for q in quotes_of(text, ents) if q.kind == "direct"]
    assert [q.speaker.entity if q.speaker else None for q in quotes] == ["p1", "p1"]
