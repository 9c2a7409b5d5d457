"""Speaker phrases named right (docs/quotes.md, eighteenth session), on synthetic text: "the
American" is the person written as American, else the description, never the nationality; "X of group Y said" is X;
a title is not given to a person because the speaker phrase itself follows the name."""

from __future__ import annotations

from tests.fixtures.quotes import entity


def _speakers(text: str, quotes) -> dict[str, tuple]:
    return {text[q.cue.start : q.cue.end]: (q.speaker.entity, q.speaker.name) for q in quotes if q.cue and q.speaker}


def test_quotes_the_american_is_the_person_not_the_nationality(quotes_of):
    def people(text):
        return [
            entity(text, "e1", "PERSON", "Tom Adler", "Tom Adler"),
            entity(text, "e2", "PERSON", "Ivo Rask", "Ivo Rask"),
            entity(text, "e3", "NORP", "American", "American"),
        ]

    text = 'Ivo Rask lost to American Tom Adler in three sets on Sunday. "I played well today," the American said.'
    assert _speakers(text, quotes_of(text, people(text)))["said"] == ("e1", "Tom Adler")
    # Nothing says who is American: the description, not the latest name; nor a name the
    # word follows across a clause.
    text = 'Tom Adler beat Ivo Rask in three sets on Sunday. "I played well today," the American said.'
    assert _speakers(text, quotes_of(text, people(text)))["said"] == (None, "the American")
    text = 'Replying to club chairman Ivo Rask, the American said: "It is insulting."'
    assert _speakers(text, quotes_of(text, people(text)))["said"] == (None, "the American")


def test_quotes_a_person_of_a_group_speaks_for_it(quotes_of):
    text = 'Mark Dunn of gay rights group Outpride said they were "starting again" after the deal.'
    ents = [entity(text, "e1", "PERSON", "Mark Dunn", "Mark Dunn"), entity(text, "e2", "ORG", "Outpride", "Outpride")]
    assert _speakers(text, quotes_of(text, ents))["said"] == ("e1", "Mark Dunn")
    text = "Jane Hill of the charity Oxfam said prices were high."
    ents = [entity(text, "e1", "PERSON", "Jane Hill", "Jane Hill"), entity(text, "e2", "ORG", "Oxfam", "Oxfam")]
    assert _speakers(text, quotes_of(text, ents))["said"] == ("e1", "Jane Hill")


def test_quotes_the_speaker_phrase_itself_is_no_title_of_the_name_before_it(quotes_of):
    text = "Asked about Sir Ian Dale's comments, the prime minister's official spokesman said the threat was real."
    ents = [entity(text, "e1", "PERSON", "Ian Dale", "Ian Dale")]
    assert _speakers(text, quotes_of(text, ents))["said"] == (None, "the prime minister's official spokesman")
    # In apposition the title is the name's.
    text = "Mitch Cole, the Senate majority leader, said the deal was dead."
    ents = [entity(text, "e1", "PERSON", "Mitch Cole", "Mitch Cole")]
    assert _speakers(text, quotes_of(text, ents))["said"][0] == "e1"
