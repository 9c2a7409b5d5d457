"""Framing clauses a reader of the BBC corpus dump saw misread (docs/quotes.md, twentieth
session), on synthetic text: a passive participle (``Asked if ..., X replied``) names who
was asked, not who asked; a name the parser hung on a content clause is the subject of the
reporting verb right after it, not part of what was said."""

from __future__ import annotations

from tests.fixtures.quotes import entity


def _by_cue(text: str, quotes) -> dict[str, object]:
    return {text[q.cue.start : q.cue.end]: q for q in quotes if q.cue is not None}


def test_quotes_asked_in_a_passive_participle_is_not_the_answerers(quotes_of):
    text = 'Asked if he would stand for the harbour council again, Mr Varnel replied: "No. Definitely not."'
    quotes = _by_cue(text, quotes_of(text, [entity(text, "p1", "PERSON", "Piet Varnel", "Varnel")]))
    assert quotes["Asked"].speaker is None
    assert text[quotes["Asked"].start : quotes["Asked"].end] == "if he would stand for the harbour council again"
    assert quotes["replied"].speaker.entity == "p1"


def test_quotes_having_asked_is_still_the_askers(quotes_of):
    text = "Having asked whether the toll was legal, Mr Varnel said he was not convinced."
    quotes = _by_cue(text, quotes_of(text, [entity(text, "p1", "PERSON", "Piet Varnel", "Varnel")]))
    assert quotes["asked"].speaker.entity == "p1"


def test_quotes_content_stops_before_the_next_verbs_subject(quotes_of):
    text = ("When asked if Kestrel would be seeking compensation from Brontel, the carmaker's chief "
            'executive Tomas Verhoek said: "We will first look at the contract."')  # fmt: skip
    ents = [entity(text, "o1", "ORG", "Kestrel", "Kestrel"), entity(text, "o2", "ORG", "Brontel", "Brontel"),
            entity(text, "p1", "PERSON", "Tomas Verhoek", "Tomas Verhoek")]  # fmt: skip
    quotes = _by_cue(text, quotes_of(text, ents))
    asked = quotes["asked"]
    assert text[asked.start : asked.end] == "if Kestrel would be seeking compensation from Brontel"
    assert asked.speaker is None


def test_quotes_a_speaker_run_into_from_the_headline_is_no_content(quotes_of):
    # The parser reads the headline and the first sentence as one, and leaves "says" with
    # no subject: the name before it was taken for what was said.
    text = ("Varnel stresses prosperity goals\n\nPiet Varnel says his party's next manifesto will be "
            '"unremittingly bold" and aimed at growth.')  # fmt: skip
    quotes = quotes_of(text, [entity(text, "p1", "PERSON", "Piet Varnel", "Piet Varnel")])
    assert [text[q.start : q.end] for q in quotes if "Varnel" in text[q.start : q.end]] == []


def _contents(text: str, quotes) -> list[str]:
    return [text[q.start : q.end] for q in quotes]


def test_quotes_where_when_and_to_whom_one_spoke_is_no_content(quotes_of):
    text = ("Speaking on Radio Kestrel's Morning Show, Ms Orla said the port would reopen. "
            "The official spoke on condition of anonymity. "
            "Speaking on Saturday at the harbour, Mr Varnel said the toll would fall. "
            "Ms Orla has written to the harbour board urging it to reopen the port.")  # fmt: skip
    ents = [entity(text, "p1", "PERSON", "Anna Orla", "Orla"), entity(text, "p2", "PERSON", "Piet Varnel", "Varnel")]
    contents = _contents(text, quotes_of(text, ents))
    assert "the port would reopen" in contents and "the toll would fall" in contents
    assert not any(c.startswith(("Radio Kestrel", "condition", "Saturday", "the harbour board")) for c in contents)


def test_quotes_what_one_spoke_or_commented_on_is_still_content(quotes_of):
    text = ("Speaking on his plans for the harbour, Mr Varnel said the toll would fall. "
            "Commenting on the show, the critic said it was dull.")  # fmt: skip
    contents = _contents(text, quotes_of(text, [entity(text, "p2", "PERSON", "Piet Varnel", "Varnel")]))
    assert "his plans for the harbour" in contents and "the show" in contents


def test_quotes_a_participle_after_the_addressee_is_the_writers(quotes_of):
    # The parser hangs "demanding" on the name written to; that name is whom the demand was
    # made of, and "demand" reports its object.
    text = "Opposition leader Piet Varnel has written to Anna Orla demanding an explanation of the new harbour tolls."
    ents = [entity(text, "p1", "PERSON", "Piet Varnel", "Piet Varnel"), entity(text, "p2", "PERSON", "Anna Orla", "Anna Orla")]
    demand = _by_cue(text, quotes_of(text, ents))["demanding"]
    assert text[demand.start : demand.end] == "an explanation of the new harbour tolls"
    assert demand.speaker.entity == "p1"


def test_quotes_a_title_after_a_participle_is_no_content(quotes_of):
    # "defending champion", "backing singer": the participle describes the person named
    # next, and its "object" is that person's label.
    text = ("Defending champion and top seed Piet Varnel rallied to beat Tomas Verhoek in Kestrel. "
            "Anna Orla hopes to run against defending champion Ilse Brandt in the final.")  # fmt: skip
    ents = [entity(text, "p1", "PERSON", "Piet Varnel", "Piet Varnel"), entity(text, "p2", "PERSON", "Anna Orla", "Anna Orla"),
            entity(text, "p3", "PERSON", "Ilse Brandt", "Ilse Brandt")]  # fmt: skip
    cues = [text[q.cue.start : q.cue.end].lower() for q in quotes_of(text, ents) if q.cue is not None]
    assert "defending" not in cues


def test_quotes_a_title_with_its_draw_after_a_participle_is_no_content(quotes_of):
    # "Defending women's champion Ilse Brandt": the draw's possessive is the title's, and
    # the parse hangs the name on the title.
    text = ("Andre Varnel was often bamboozled by the Austrian's drop shots in Kestrel, losing 6-3 6-1. "
            "Defending champion and top seed Tomas Verhoek rallied to beat Sweden's Anders Lund 3-6 7-6 (8-6) 7-5. "
            "Defending women's champion Ilse Brandt-Vasquez withdrew from the Kestrel event on Sunday.")  # fmt: skip
    ents = [entity(text, "p1", "PERSON", "Ilse Brandt-Vasquez", "Ilse Brandt-Vasquez"),
            entity(text, "p2", "PERSON", "Tomas Verhoek", "Tomas Verhoek")]  # fmt: skip
    cues = [text[q.cue.start : q.cue.end].lower() for q in quotes_of(text, ents) if q.cue is not None]
    assert "defending" not in cues


def test_quotes_a_title_after_a_verb_of_criticism_is_what_it_reports(quotes_of):
    # Not an adjective ("criticising"), or with more hanging from it ("accusing ... of"):
    # the title and name are who was criticised or accused.
    text = ("Coach Piet Varnel faces a fine after criticising referee Tomas Verhoek in the final. "
            "Anna Orla is accusing minister Ilse Brandt of lying.")  # fmt: skip
    ents = [entity(text, "p1", "PERSON", "Piet Varnel", "Piet Varnel"), entity(text, "p2", "PERSON", "Anna Orla", "Anna Orla"),
            entity(text, "p3", "PERSON", "Tomas Verhoek", "Tomas Verhoek"),
            entity(text, "p4", "PERSON", "Ilse Brandt", "Ilse Brandt")]  # fmt: skip
    cues = _by_cue(text, quotes_of(text, ents))
    assert text[cues["criticising"].start : cues["criticising"].end].startswith("referee Tomas Verhoek")
    assert text[cues["accusing"].start : cues["accusing"].end].startswith("minister Ilse Brandt of lying")


def test_quotes_a_participle_with_an_article_before_its_object_still_reports(quotes_of):
    text = "Anna Orla, backing the plan to widen the harbour, said the work would start in May."
    cues = _by_cue(text, quotes_of(text, [entity(text, "p2", "PERSON", "Anna Orla", "Anna Orla")]))
    assert text[cues["backing"].start : cues["backing"].end].startswith("the plan to widen the harbour")


def test_quotes_a_speaker_the_parser_made_the_subject_of_the_content_is_the_cues(quotes_of):
    # "A, said Mr Varnel, B": the parser makes "Varnel" the subject of B; he is the
    # speaker, and A and B are the content, in two pieces sharing the cue.
    text = ("Although the harbour tolls will still rise in spring, said Mr Varnel, this year saw "
            "a large fall in the number of ships calling at Kestrel.")  # fmt: skip
    ents = [entity(text, "p1", "PERSON", "Varnel", "Mr Varnel")]
    said = [q for q in quotes_of(text, ents) if q.cue is not None and text[q.cue.start : q.cue.end] == "said"]
    assert [text[q.start : q.end] for q in said] == [
        "Although the harbour tolls will still rise in spring",
        "this year saw a large fall in the number of ships calling at Kestrel",
    ]
    assert all(q.speaker is not None and q.speaker.entity == "p1" for q in said)
