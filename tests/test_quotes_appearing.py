"""A verb of appearing ("seems to", "would appear to be") reports the writer's inference, not
its subject's words (docs/quotes.md, thirty-fourth session): the attribution is kept, as
PolNeAR keeps it, with no speaker; its subject speaks only when the clause after it is a cue
of its own ("Residents seem to think ..."). Synthetic text."""

from __future__ import annotations

from tests.fixtures.quotes import entity
from tests.test_quotes_precision import _at


def _by_cue(text: str, quotes) -> dict[str, object]:
    return {_at(text, q.cue): q for q in quotes if q.cue is not None}


def test_quotes_the_subject_of_a_verb_of_appearing_is_no_speaker(quotes_of):
    text = (
        "Harwell Mining's chairman appears to have misled the board about the smelter deal.\n\n"
        "The Kestrel Rovers defence seemed to be tiring badly after the break."
    )
    ents = [entity(text, "o1", "ORG", "Harwell Mining", "Harwell Mining")]
    quotes = _by_cue(text, quotes_of(text, ents))
    appears = quotes["appears"]
    assert appears.speaker is None
    assert _at(text, appears).startswith("to have misled the board")
    assert all(q.speaker is None for q in quotes.values() if _at(text, q.cue) in ("appears", "seemed"))


def test_quotes_a_cue_after_a_verb_of_appearing_keeps_its_holder(quotes_of):
    text = "Local residents seem to think the new ferry timetable will fail."
    quotes = _by_cue(text, quotes_of(text))
    assert quotes["seem"].speaker is not None
    assert quotes["seem"].speaker.name.endswith("residents")


def test_quotes_showing_up_is_no_verb_of_appearing(quotes_of):
    # "appeared" with no clause or predicate after it is a showing, never a cue
    text = "The actress has also appeared along side her husband on TV chat shows."
    assert [q for q in quotes_of(text) if q.cue is not None and _at(text, q.cue) == "appeared"] == []


def test_quotes_a_thing_that_seems_is_still_no_attribution(quotes_of):
    # the earlier rule holds: a subject that holds nothing reports nothing
    text = "The problem seems to be getting worse in the northern districts."
    assert [q for q in quotes_of(text) if q.cue is not None] == []
