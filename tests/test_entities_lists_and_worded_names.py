"""entities.v1: two names the recogniser read as one across "and" ("Chelsea and Arsenal",
"China Construction Bank and Bank of China") are split when each part is known on its own;
names in ordinary words read as people ("Snow Patrol", "Garden State", "Dead Man's Shoes")
take the work's or the group's label their sentence gives (thirty-third session, read on
the BBC entity dump: 58 such people relabelled, 3 of them wrongly before the guards below);
a sentence's first word the tagger reads as no proper noun is no name ("Tacit approval",
"Speculation has been rife": 32 BBC entities gone, 2 of them names, "Oasis" and
"Vertigo"; a plural stays, as clubs are named so: "Rangers won").
Synthetic sentences; each rule has a neighbour that must keep its reading."""

from __future__ import annotations

from newsgraph.pipeline.components.entities.consistency import names_split_at_and
from newsgraph.pipeline.components.entities.gazetteer import gazetteer
from newsgraph.pipeline.components.entities.mentions import Mention
from newsgraph.service import analyze


def _entities(text: str) -> dict[str, str]:
    record = analyze(text, clean=False, published="2005-03-16")
    return {text[m.start : m.end]: e.type for e in record.entities for m in e.mentions}


def _split(text: str, spans: list[tuple[str, str]], listed=lambda name: None) -> list[tuple[str, str]]:
    mentions = []
    for surface, label in spans:
        start = text.index(surface, mentions[-1].end if mentions else 0)
        mentions.append(Mention(start, start + len(surface), label, "model"))
    out = names_split_at_and(mentions, text, gazetteer(), listed)
    return [(m.text(text), m.label) for m in out]


def test_entities_two_known_names_joined_by_and_are_split():
    text = "Both Millwall and Everton will give evidence. Millwall said so. Everton did not."
    spans = [("Millwall and Everton", "ORG"), ("Millwall", "ORG"), ("Everton", "ORG")]
    assert _split(text, spans)[:2] == [("Millwall", "ORG"), ("Everton", "ORG")]
    # a country the gazetteer knows labels its part
    text = "The Millwall and England defender Cole met them. Millwall said so."
    assert _split(text, [("Millwall and England", "WORK_OF_ART"), ("Millwall", "ORG")])[:2] == [
        ("Millwall", "ORG"),
        ("England", "GPE"),
    ]
    # listed companies on both sides
    text = "Two banks - Harbour Bank and Bank of Lanark - dropped their plans."
    listed = {"Harbour Bank", "Bank of Lanark"}.__contains__
    assert _split(text, [("Harbour Bank and Bank of Lanark", "ORG")], listed) == [
        ("Harbour Bank", "ORG"),
        ("Bank of Lanark", "ORG"),
    ]


def test_entities_one_name_with_and_stays_whole():
    # one part unknown on its own: "Food" is no name
    text = "The Food and Agriculture Organisation said so. Agriculture Organisation staff agreed."
    spans = [("Food and Agriculture Organisation", "ORG"), ("Agriculture Organisation", "ORG")]
    assert _split(text, spans)[0] == ("Food and Agriculture Organisation", "ORG")
    # the whole is a country the gazetteer knows, though both parts are written alone
    text = "Trinidad and Tobago won. Trinidad led and Tobago followed."
    spans = [("Trinidad and Tobago", "GPE"), ("Trinidad", "GPE"), ("Tobago", "GPE")]
    assert _split(text, spans)[0] == ("Trinidad and Tobago", "GPE")
    # "&" joins the words of one name far more often than two names
    text = "Shares in Scottish & Newcastle rose. Scottish rivals and Newcastle fans cheered."
    spans = [("Scottish & Newcastle", "ORG"), ("Scottish", "NORP"), ("Newcastle", "GPE")]
    assert _split(text, spans)[0] == ("Scottish & Newcastle", "ORG")


def test_entities_names_in_ordinary_words_take_the_kind_their_sentence_gives():
    found = _entities("The festival has been a platform for films such as Open Harbour, Quiet Garden and Raging Storm.")
    assert found["Quiet Garden"] == found["Raging Storm"] == "WORK_OF_ART"
    # a plural pronoun after the name: a group
    found = _entities("Glasgow's Snow Lantern earned a place at number nine for their home-town performance in April.")
    assert found["Snow Lantern"] == "ORG"


def test_entities_people_in_ordinary_words_stay_people():
    # listed with a person named with a given name
    found = _entities("Featuring Cliff Richard and Boy Marvel, the song was written by Mike Read.")
    assert found["Boy Marvel"] == "PERSON"
    # the kind's noun right after the name is the name's own work
    found = _entities("He also appeared in seven Spike Lee movies, including School Daze.")
    assert found["Spike Lee"] == "PERSON"


def test_entities_a_word_opening_a_sentence_that_the_tagger_reads_as_a_word_is_no_name():
    found = _entities(
        "The euro rose again on Monday. Tacit approval from the White House for a weaker dollar has "
        "helped. Trendy labels also sold well in Leeds."
    )
    assert "Tacit" not in found and "Trendy" not in found
    assert found["White House"] == "ORG" and found["Leeds"] == "GPE"
    found = _entities("Sales rose in March. Upscale department store Nordstrom said profits were up. Speculation has been rife.")
    assert "Upscale" not in found and "Speculation" not in found and found["Nordstrom"] == "ORG"
    # an abbreviation stays a name
    found = _entities("Fans cheered. Tigers coach John Wells praised the pack. NHS staff agreed.")
    assert found["NHS"] == "ORG"


def test_entities_a_weekday_in_a_name_is_part_of_it_and_no_date():
    """Thirty-third session, BBC sport/400: "England sevens coach Mike Friday" was "Mike"
    and a Friday, and his two quotes went to England."""
    text = '"We can win this," said England sevens coach Mike Friday. Leeds won on Saturday.'
    record = analyze(text, clean=False, published="2005-03-16")
    names = {text[m.start : m.end]: e.type for e in record.entities for m in e.mentions}
    assert names["Mike Friday"] == "PERSON"
    assert [text[d.start : d.end] for d in record.dates] == ["Saturday"]
    assert record.quotes[0].speaker.name == "Mike Friday"
    # a given name before a day that goes on as a date stays alone
    text = "She told Mike Friday night was fine."
    record = analyze(text, clean=False, published="2005-03-16")
    assert "Friday night" in [text[d.start : d.end] for d in record.dates]


def test_entities_a_title_before_the_role_its_person_has_in_it_is_a_work():
    """Thirty-third session: "X Files actress Gillian Anderson", "Vera Drake star Imelda
    Staunton", "Sideways star ..." were organisations, people and places."""
    found = _entities("The panel included Silver Lanterns actress Gillian Anderson and critic Roger Clarke.")
    assert found["Silver Lanterns"] == "WORK_OF_ART" and found["Gillian Anderson"] == "PERSON"
    # a country before "star" stays the country
    found = _entities("Ireland star Brian O'Driscoll watched from the stand.")
    assert found["Ireland"] == "GPE"


def test_entities_a_title_before_the_role_its_maker_had_is_a_work():
    """Thirty-fourth session: "Kill Bill director Quentin Tarantino", "Harry Potter director
    Alfonso Cuaron" were people; an organisation or a place there stays one."""
    found = _entities("Harold Finch director Ellen Marsh has signed a two-film deal with the studio.")
    assert found["Harold Finch"] == "WORK_OF_ART" and found["Ellen Marsh"] == "PERSON"
    found = _entities("Daisy Lane author Peter Quill has signed a new book deal.")
    assert found["Daisy Lane"] == "WORK_OF_ART" and found["Peter Quill"] == "PERSON"
    found = _entities("Hong Kong director Wong Kar-wai will lead the jury.")
    assert found["Hong Kong"] == "GPE"


def test_entities_a_name_a_rule_settled_is_not_asked_again_as_a_place():
    """A string a rule settled under any label ("Goldeneye director ...": a work) is no
    doubtful place in its other mentions ("Goldeneye was a wonderful movie", read as a
    place): ``harmonise`` gives them the settled label, not the second recogniser."""
    from newsgraph.pipeline.components.backbone import load_spacy
    from newsgraph.pipeline.components.entities.mentions import Tokens
    from newsgraph.pipeline.components.entities.second_opinion import doubtful_places

    text = "Quorvane director Ann Bell spoke. Quorvane was a wonderful movie, she said."
    toks = Tokens(load_spacy()(text), text)
    work = Mention(0, 8, "WORK_OF_ART", "model")
    work.sure = True
    place = Mention(text.index("Quorvane", 5), text.index("Quorvane", 5) + 8, "GPE", "model")
    assert doubtful_places([work, place], toks, text) == {}
    assert list(doubtful_places([place], toks, text)) == ["quorvane"]
