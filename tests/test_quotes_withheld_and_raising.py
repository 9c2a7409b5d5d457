"""Classes read as wrong in the BBC corpus dump (docs/quotes.md, twenty-sixth session), on
synthetic text, each with a near case that must still be read:

- a raising verb without "be" ("with Harlow Rovers also believed to be ...", "a flare,
  thought to be ...") is a passive: what it says of its subject is nobody's words;
- a withheld cue ("refused to comment on the reports", "did not say where ...") is kept,
  as PolNeAR keeps it, and marked ``withheld``;
- "the chairman of the <named body>" is not the story's other chairman;
- "X is reported as saying" names X, as "X was quoted as saying" does.
"""

from __future__ import annotations

from tests.fixtures.quotes import entity
from tests.test_quotes_precision import _at


def test_quotes_a_raising_verb_without_be_reports_no_one(quotes_of):
    text = (
        "Dunmore had said before the final he would consider leaving, with Harlow Rovers also "
        "believed to be monitoring his situation.\n\n"
        "The keeper was hit by a flare, thought to be a distress rocket.\n\n"
        "Its Kestrel field, estimated to contain a billion barrels, is its biggest find."
    )
    ents = [entity(text, "o1", "ORG", "Harlow Rovers", "Harlow Rovers")]
    quotes = quotes_of(text, ents)
    assert [_at(text, q.cue) for q in quotes if q.kind == "indirect"] == ["said"]
    assert all(q.speaker is None or q.speaker.entity != "o1" for q in quotes)


def test_quotes_a_raising_verb_with_a_clause_still_reports(quotes_of):
    text = "The analysts believed that the merger would fail, and the board thought so too."
    cues = [_at(text, q.cue) for q in quotes_of(text) if q.kind == "indirect"]
    assert cues == ["believed"]


def test_quotes_a_withheld_cue_is_kept_and_marked(quotes_of):
    text = (
        "A spokesman for Vantrel Foods refused to comment on the reports.\n\n"
        "The firm did not say where the job losses would fall.\n\n"
        "Telmora has yet to reveal pricing for the new box.\n\n"
        "Ostrel did not want to comment on the merger.\n\n"
        "The chairman said the plant would close in May."
    )
    quotes = [q for q in quotes_of(text) if q.kind == "indirect"]
    withheld = {text[q.start : q.end]: q.withheld for q in quotes}
    assert withheld["the plant would close in May"] is False
    # "refused to comment" gives two records, of "refused" and of "comment": both withheld.
    assert {w for w in withheld if withheld[w]} == {
        "to comment on the reports",
        "the reports",
        "where the job losses would fall",
        "pricing for the new box",
        "to comment on the merger",
        "the merger",
    }


def test_quotes_a_negated_statement_is_not_withheld(quotes_of):
    text = "The minister did not say he would resign, but he did not deny the claims."
    quotes = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert quotes and not any(q.withheld for q in quotes)


def test_quotes_the_chairman_of_a_named_body_is_not_another_chairman(quotes_of):
    text = (
        "Party chairman Ian Colfer announced a review of shortlists. Last month the chairman "
        "of the Commission for Fair Housing (CFH) also called for new shortlists in some seats. "
        "The party chairman said the review would end soon."
    )
    ents = [entity(text, "p1", "PERSON", "Ian Colfer", "Ian Colfer")]
    quotes = [q for q in quotes_of(text, ents) if q.kind == "indirect"]
    by_cue = {_at(text, q.cue): q.speaker for q in quotes}
    assert by_cue["called"].entity is None
    assert by_cue["called"].name == "the chairman of the Commission for Fair Housing"
    assert by_cue["said"].entity == "p1"


def test_quotes_the_chairman_of_a_named_body_written_after_its_holder(quotes_of):
    text = (
        "Ian Colfer, the chairman of the Vantrel Trust, opened the hearing. Later the chairman "
        "of the Vantrel Trust said the fund would close."
    )
    ents = [entity(text, "p1", "PERSON", "Ian Colfer", "Ian Colfer")]
    (quote,) = [q for q in quotes_of(text, ents) if q.kind == "indirect"]
    assert quote.speaker.entity == "p1"


def test_quotes_reported_as_saying_names_its_subject(quotes_of):
    text = '"We will not back down," Ann Vale is reported as saying.\n\nProfits are reported to have risen.'
    ents = [entity(text, "p1", "PERSON", "Ann Vale", "Ann Vale")]
    quotes = quotes_of(text, ents)
    assert [(q.kind, q.speaker.entity) for q in quotes] == [("direct", "p1")]


def test_quotes_reported_name_as_saying_is_the_name_not_the_agency(quotes_of):
    text = "If the traders are found guilty, they could face a jail term, Reuters reported BaFin as saying."
    ents = [entity(text, "o1", "ORG", "Reuters", "Reuters"), entity(text, "o2", "ORG", "BaFin", "BaFin")]
    (quote,) = quotes_of(text, ents)
    assert (quote.kind, quote.speaker.entity) == ("indirect", "o2")
