"""Quote records read as wrong in the BBC corpus dump (docs/quotes.md, twenty-seventh
session), on synthetic text, each with a near case that must still be read:

- reported content that opens or closes a quoted fragment holds both of its marks
  (1,150 records ended in an unclosed fragment: ``2004 was a "stellar year``), and no
  conjunction the parser left dangling at its end ("growing for change and");
- a verb whose object is a cue noun ("expressed doubts over whether ...", "issued a
  statement that ...") makes one attribution with the noun, under one cue, as PolNeAR
  writes it ("expressed doubts"), not two that repeat each other;
- the words before a parenthetical cue are a piece of its content ("The Tories, he said,
  can cut crime", "Too often, ..."), unless they only link it to what came before ("But,
  he said, ...", "By contrast, said Mr Cox, ...");
- a clause the parser hangs on "wanted" before it is not what was wanted ("X set out to
  change that - they wanted to make ...");
- "according to how much ..." attributes nothing; "according to analysis firm X the
  number ..." names X;
- a title word in a name ("Rap King") is not the office of the person named after "and";
- a quote with no attribution right after a sentence whose subject is a person is that
  person's (a profile names its speaker once: 14 of 16 BBC quotes right, the 2 wrong in a
  transcript, whose turns are now left out);
- a belief a cause stirs ("fuelled speculation that ...", "prompting fears that ...") is
  no one's named: the cause is not its speaker;
- reported content ends before a clause coordinated with it that is another speaker's
  attribution ("... but Tennis Australia's Geoff Pollard rejected his comments": 10 BBC
  records cut, thirty-third session), so a "he said" after it is that other speaker's;
  a coordinated clause that goes on with the content (an auxiliary, "and that", a thing
  for subject) stays in it;
- a name alone after a verb of addressing is whom it was said to, no content ("thanked
  Eastwood", "has told BBC News", "asked Mr Myers"); after an evaluation it stays one
  ("defended Mr McConnell", as the checked BBC cues have it);
- an attribution closing its sentence after a comma that the parser hung on the noun
  before it ("..., the firm's chief has told BBC News") reports the sentence before it;
  a relative clause ("which the Tories deny") does not.
"""

from __future__ import annotations

from tests.fixtures.quotes import entity
from tests.test_quotes_precision import _at


def _indirect(quotes, text):
    return [(text[q.start : q.end], _at(text, q.cue)) for q in quotes if q.kind == "indirect"]


def test_quotes_content_keeps_both_marks_of_a_quoted_fragment(quotes_of):
    text = (
        'The publisher said "vlog" headed its list of most looked-up words.\n\n'
        'The minister said 2004 was a "stellar year."\n\n'
        'He said the economy was in good shape.'
    )
    contents = [c for c, _ in _indirect(quotes_of(text), text)]
    assert contents == [
        '"vlog" headed its list of most looked-up words',
        '2004 was a "stellar year."',
        "the economy was in good shape",
    ]


def test_quotes_a_verb_and_its_cue_noun_are_one_attribution(quotes_of):
    text = (
        "Jane Orwell expressed doubts over whether the new sites added anything for blind readers.\n\n"
        'On Wednesday the ministry issued a statement that "the bank will not change its reserves".\n\n'
        "The minister said he believed the plan would work."
    )
    found = _indirect(quotes_of(text), text)
    assert ("whether the new sites added anything for blind readers", "expressed doubts") in found
    assert ('that "the bank will not change its reserves"', "issued a statement") in found
    assert not any(c.startswith(("doubts", "a statement")) for c, _ in found)
    # A verb of saying whose content holds another cue keeps both: they are two claims.
    assert ("he believed the plan would work", "said") in found
    assert ("the plan would work", "believed") in found


def test_quotes_a_link_before_a_parenthetical_cue_is_no_content(quotes_of):
    text = (
        "Sales of the console were strong in March. But, he said, it would struggle to match "
        "the older model because early versions were slow.\n\n"
        "By contrast, said Mr Colbey, the smaller model is almost disposable.\n\n"
        "The Tories, he said, can cut crime without raising taxes."
    )
    found = _indirect(quotes_of(text), text)
    assert not any(c in ("But", "By contrast") for c, _ in found)
    assert ("the smaller model is almost disposable", "said") in found
    # A subject before the cue is part of what was said.
    assert ("The Tories", "said") in found


def test_quotes_what_was_wanted_is_the_infinitive_after(quotes_of):
    text = "Merino and two friends set out to change that - they wanted to make the bands known to fans abroad."
    found = _indirect(quotes_of(text), text)
    assert ("Merino and two friends set out to change that", "wanted") not in found


def test_quotes_according_to_a_measure_or_a_described_name(quotes_of):
    text = (
        "Brokers were paid according to how much business they brought to the insurer.\n\n"
        "According to blog analysis firm Blogrank the number of blogs in existence has doubled every five months."
    )
    ents = [entity(text, "o1", "ORG", "Blogrank", "Blogrank")]
    quotes = [q for q in quotes_of(text, ents) if q.kind == "indirect"]
    assert [(text[q.start : q.end], q.speaker.entity) for q in quotes] == [
        ("the number of blogs in existence has doubled every five months", "o1")
    ]


def test_quotes_a_title_word_in_a_name_is_no_office_across_and(quotes_of):
    text = (
        "His stage name is Rap King and Jose Ortega says that he is the best rapper in Spain. "
        "On his new album, Rap King shows he is well aware of that."
    )
    ents = [entity(text, "p1", "PERSON", "Jose Ortega", "Jose Ortega")]
    shows = next(q for q in quotes_of(text, ents) if _at(text, q.cue) == "shows")
    assert shows.speaker.entity != "p1"


def test_quotes_content_leaves_out_a_dangling_conjunction(quotes_of):
    text = (
        "The group believes pressure is growing for change and the government's current position is unsustainable.\n\n"
        "Only last year she insisted that a comeback was unlikely, but speaking in Lisbon Ortega admitted she was wrong."
    )
    contents = [c for c, _ in _indirect(quotes_of(text), text)]
    assert contents and not any(c.endswith(" and") for c in contents)
    assert contents[0].startswith("pressure is growing for change")
    assert "that a comeback was unlikely" in contents


def test_quotes_an_unattributed_quote_after_a_person_subject_is_theirs(quotes_of):
    text = (
        "Nikolai Varga visited Cambodia in 2002. He set up two schools there with his wife. "
        '"We put in 25 laptops three years ago and only one has been broken."\n\n'
        "Police arrested the man on Friday. "
        '"He is dangerous and should not be approached."\n\n'
        ": Varga was one of the most driven people I have worked with. "
        '"He must have had an iron will to succeed."'
    )
    ents = [entity(text, "p1", "PERSON", "Nikolai Varga", "Nikolai Varga", "Varga")]
    direct = {text[q.start : q.end]: q for q in quotes_of(text, ents) if q.kind == "direct"}
    laptops = direct["We put in 25 laptops three years ago and only one has been broken."]
    assert laptops.speaker.entity == "p1" and laptops.cue is None
    # Not after a subject that is no person, nor in a transcript's turn (": Varga was ...",
    # the interviewee speaking of Varga).
    assert direct["He is dangerous and should not be approached."].speaker is None
    assert direct["He must have had an iron will to succeed."].speaker is None


def test_quotes_a_belief_stirred_by_a_cause_is_held_by_no_one_named(quotes_of):
    text = (
        "Opposition from the fund has fuelled speculation that the proposed takeover could fail.\n\n"
        "Inflation rose again in May, prompting fears that interest rates may rise.\n\n"
        "The mayor of Frankfurt has raised concerns that such a move could cost German jobs."
    )
    quotes = {text[q.start : q.end]: q for q in quotes_of(text) if q.kind == "indirect"}
    assert quotes["that the proposed takeover could fail"].speaker is None
    assert quotes["that interest rates may rise"].speaker is None
    # "raised concerns" is the mayor's own.
    assert quotes["that such a move could cost German jobs"].speaker.name == "The mayor of Frankfurt"


def test_quotes_content_ends_before_another_speakers_attribution(quotes_of):
    text = (
        'Lena Marsh said she had had "enough" of asking them to make the courts slower but the '
        "federation's Arthur Penn rejected her comments. "
        '"We did ask for it to be slower," he said.\n\n'
        "Halvorsen said house prices rose by 0.8% last month but Northbank reported a fall.\n\n"
        "A party official said there was little evidence of fraud but people had complained every day."
    )
    quotes = quotes_of(text)
    found = _indirect(quotes, text)
    assert ('she had had "enough" of asking them to make the courts slower', "said") in found
    assert ("house prices rose by 0.8% last month", "said") in found
    # an auxiliary makes the coordinated clause more of what the official said
    assert ("there was little evidence of fraud but people had complained every day", "said") in found
    direct = next(q for q in quotes if q.kind == "direct")
    assert direct.speaker.name == "Arthur Penn"


def test_quotes_a_name_spoken_to_is_no_content(quotes_of):
    text = (
        "Clint Eastwood won best director. Accepting the award, Morgan Freeman thanked Eastwood "
        "and described the film as a labour of love. A local councillor has also defended Mr McConnell."
    )
    ents = [
        entity(text, "p1", "PERSON", "Clint Eastwood", "Clint Eastwood", "Eastwood"),
        entity(text, "p2", "PERSON", "Morgan Freeman", "Morgan Freeman"),
        entity(text, "p3", "PERSON", "McConnell", "McConnell"),
    ]
    found = _indirect(quotes_of(text, ents), text)
    assert ("the film as a labour of love", "described") in found
    assert not any(content == "Eastwood" for content, _ in found)
    assert ("Mr McConnell", "defended") in found


def test_quotes_an_attribution_closing_its_sentence_reports_what_came_before(quotes_of):
    text = (
        "Rovermax is preparing to enter the market for car-style people carriers, the firm's chief has told "
        "BBC News.\n\nThe Chancellor said the plans would mean deep cuts by 2011, which the Tories deny."
    )
    ents = [entity(text, "o1", "ORG", "BBC News", "BBC News"), entity(text, "o2", "NORP", "Tories", "Tories")]
    found = _indirect(quotes_of(text, ents), text)
    assert ("Rovermax is preparing to enter the market for car-style people carriers", "told") in found
    assert not any(content.startswith("The Chancellor said") for content, _ in found)
