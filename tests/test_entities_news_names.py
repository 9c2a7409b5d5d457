"""entities.v1: names of British and international news the recogniser misreads (issue 13,
"common nouns and events taken as people": "Lib Dem", "Oscar", "Academy Award"): parties,
awards, products, portfolios before a post ("Home" of "Home Secretary") and time zones
("1200 GMT").
Synthetic sentences; each rule has a neighbour that must keep its reading."""

from __future__ import annotations

from newsgraph.service import analyze


def _entities(text: str) -> dict[str, tuple[str, dict]]:
    """Each mention's surface -> (its entity's type, kb)."""
    record = analyze(text, clean=False, published="2005-03-16")
    return {text[m.start : m.end]: (e.type, dict(e.kb)) for e in record.entities for m in e.mentions}


def test_entities_parties_are_organisations_and_their_members_groups():
    found = _entities(
        "The Tories and the Lib Dems questioned the timing. Sinn Fein and the SNP disagreed, "
        "and the Liberal Democrats said so on Monday."
    )
    assert found["Lib Dems"] == ("ORG", {"newsgraph": "gb-libdem"})
    assert found["Liberal Democrats"] == found["Lib Dems"]  # one party, one kb id
    assert found["Sinn Fein"][0] == found["SNP"][0] == "ORG"
    assert found["Tories"][0] == "NORP"


def test_entities_parties_common_words_only_correct_labels_names_may_be_added():
    from newsgraph.pipeline.components.entities.gazetteer import gazetteer

    gaz = gazetteer()
    assert not gaz.lookup("Labour").add  # "Labour costs rose": a common word opening a sentence
    assert not gaz.lookup("Democrats").add
    assert gaz.lookup("Lib Dems").add and gaz.lookup("Tories").add
    assert gaz.lookup("Lib Dems").key == gaz.lookup("Liberal Democrats").key


def test_entities_awards_are_not_people():
    found = _entities(
        "He got an Oscar nomination, and Oscar nominee Alan Alda paid tribute. The film won "
        "three Baftas and the Golden Lion."
    )
    assert found["Oscar"] == ("WORK_OF_ART", {"newsgraph": "oscar"})
    assert found["Baftas"][0] == found["Golden Lion"][0] == "WORK_OF_ART"
    assert found["Alan Alda"][0] == "PERSON"


def test_entities_awards_a_person_named_so_keeps_the_name():
    found = _entities("Oscar Pistorius ran on Sunday. Pistorius said he was pleased.")
    assert found["Oscar Pistorius"][0] == "PERSON"


def test_entities_portfolio_before_a_post_is_no_name_but_the_office_is_read():
    text = (
        "Home Secretary David Blunkett met Trade and Industry Secretary Patricia Hewitt. "
        "The Home Office and the Education Department agreed."
    )
    record = analyze(text, clean=False, published="2005-03-16")
    names = {e.name for e in record.entities}
    assert "Home" not in names and "Trade and Industry" not in names
    assert {"Home Office", "Education Department", "David Blunkett", "Patricia Hewitt"} <= names
    blunkett = next(e for e in record.entities if e.name == "David Blunkett")
    assert [r.title for r in blunkett.roles] == ["Home Secretary"]


def test_entities_time_zone_after_a_clock_time_is_no_organisation():
    found = _entities("Shares in Ardmore rose 4% by 1200 GMT, while rivals slipped.")
    assert "GMT" not in found and "Ardmore" in found


def test_entities_products_are_products_and_a_common_word_is_not_added():
    found = _entities("Many people run Windows XP, and owners of the iPod buy songs on iTunes; Xbox 2 sales grew.")
    assert found["Windows XP"] == ("PRODUCT", {"newsgraph": "windows-xp"})
    assert found["iPod"][0] == found["iTunes"][0] == found["Xbox 2"][0] == "PRODUCT"
    from newsgraph.pipeline.components.entities.gazetteer import gazetteer

    assert not gazetteer().lookup("Windows").add  # "Windows were smashed"


def test_entities_us_in_capitals_is_the_country_not_the_pronoun():
    found = _entities("The US has asked the WHO to rule. Let us wait, he told us, who knew.")
    assert found["US"] == ("GPE", {"iso3166": "US", "geonames": 6252001})
    assert "us" not in found and "who" not in found
    assert found["WHO"] == ("ORG", {"newsgraph": "who"})


def test_entities_news_names_a_title_keeps_a_person_whose_surname_is_a_town():
    text = "Mr Kennedy is visiting constituencies in Somerset on Monday, his aides said."
    assert _entities(text)["Kennedy"][0] == "PERSON"


def test_entities_news_names_a_lone_name_listed_with_places_is_a_place():
    text = "Mr Kennedy is touring marginal seats in Somerset and Hampshire on Thursday."
    found = _entities(text)
    assert found["Hampshire"][0] == found["Somerset"][0] == "GPE"
    assert found["Kennedy"][0] == "PERSON"


def test_entities_news_names_a_work_named_after_its_kind_is_a_work_of_art():
    found = _entities(
        "Mike Leigh's gritty drama Vera Drake won seven awards on Sunday. The film council "
        "chief executive said the UK Film Council was proud of it."
    )
    assert found["Vera Drake"][0] == "WORK_OF_ART"
    assert found["Mike Leigh"][0] == "PERSON"
    assert found["UK Film Council"][0] == "ORG"  # the kind's word inside a name is no cue


def test_entities_news_names_home_nations_people_and_their_parties():
    found = _entities(
        "Welsh Health Minister Jane Hutt said no patient would wait longer. Neither the "
        "English Democrats nor the Scottish Greens wanted him, the author Irvine Welsh said."
    )
    assert found["Welsh"][0] == "NORP"
    assert found["English Democrats"] == ("ORG", {"newsgraph": "gb-englishdemocrats"})
    assert found["Irvine Welsh"][0] == "PERSON"


def test_entities_news_names_tournaments_are_events_with_their_demonyms_inside():
    found = _entities(
        "Williams won her first Grand Slam title since 2003 at the Australian Open, and "
        "Henman quit Davis Cup tennis before the US Open. The US team was beaten."
    )
    assert found["Grand Slam"] == ("EVENT", {"newsgraph": "grand-slam"})
    assert found["Australian Open"][0] == found["Davis Cup"][0] == found["US Open"][0] == "EVENT"
    assert found["US"][0] == "GPE"  # the country outside the tournament's name


def test_entities_news_names_commons_new_labour_and_members_posts():
    found = _entities(
        "MPs on the Commons work and pensions committee criticised the plan. He was a key "
        "figure in New Labour, said the MEP for London, Labour MP Barry Sheerman agreed."
    )
    assert found["Commons"] == ("ORG", {"newsgraph": "commons"})
    assert _entities("The bill faces trouble in the Lords next week.")["Lords"] == ("ORG", {"newsgraph": "lords"})
    assert found["New Labour"] == ("ORG", {"newsgraph": "gb-labour"})
    assert "MPs" not in found and "MEP" not in found
    assert found["Barry Sheerman"][0] == "PERSON"


def test_entities_news_names_grounds_are_facilities_towns_named_like_grounds_are_not():
    found = _entities(
        "Gerrard is happy at Anfield, and Scotland meet Wales at Murrayfield on Saturday. "
        "England train at their base in Twickenham."
    )
    assert found["Anfield"] == ("FAC", {"newsgraph": "anfield"})
    assert found["Murrayfield"][0] == "FAC"
    assert found["Twickenham"][0] != "FAC"  # a town too: not listed


def test_entities_news_names_a_comedy_a_soap_and_a_single_are_works():
    found = _entities(
        "He starred in the hit comedy Dorran Hale for six years. Long-running soap Marsh Lane "
        "lost viewers, and the band's new single Quiet Harbour reached number two."
    )
    assert {name: found[name][0] for name in ("Dorran Hale", "Marsh Lane", "Quiet Harbour") if name in found} == {
        "Dorran Hale": "WORK_OF_ART", "Marsh Lane": "WORK_OF_ART", "Quiet Harbour": "WORK_OF_ART"
    }


def test_entities_news_names_a_work_read_as_a_place_and_a_person_named_like_a_church(nlp):
    from newsgraph.pipeline.components.entities import consistency
    from newsgraph.pipeline.components.entities.mentions import Mention, Tokens

    text = "The quirky comedy Brandvale won again."
    at = text.index("Brandvale")
    found = [Mention(at, at + 9, "GPE", "model")]
    consistency.fix_named_things(found, Tokens(nlp(text), text), text)
    assert found[0].label == "WORK_OF_ART"
    text = "The prize went to Thomas Vardy Church, and the choir sang at St Anne Church."
    people = [Mention(18, 36, "PERSON", "model"), Mention(61, 75, "PERSON", "model")]
    consistency.fix_by_head(people, text)
    assert [m.label for m in people] == ["PERSON", "FAC"]


def test_entities_news_names_letters_after_a_name_are_not_part_of_it():
    found = _entities(
        "Former welfare minister Dana Whitcombe MP said the plan was flawed. "
        "Colm Ferris QC, a barrister, agreed. Angry Labour MPs said so too."
    )
    assert found["Dana Whitcombe"][0] == found["Colm Ferris"][0] == "PERSON"
    assert not any(name.endswith((" MP", " QC", " MPs")) for name in found)
    assert found.get("Labour", ("ORG",))[0] != "PERSON"


def test_entities_news_names_a_given_name_and_surname_before_qc_is_a_person():
    # The recogniser tags "Guy Wakefield QC" ORG (a town's name before letters); only people
    # are QCs. A party before "MP" stays the party.
    found = _entities(
        "The chairman of the Bar Council, Guy Wakefield QC warned there was a real risk. "
        "Labour MP Tessa Grant said the plan was flawed."
    )
    assert found["Guy Wakefield"][0] == found["Tessa Grant"][0] == "PERSON"
    assert found.get("Labour", ("ORG",))[0] != "PERSON"


def test_entities_news_names_an_opening_word_and_its_comma_are_trimmed(nlp):
    from newsgraph.pipeline.components.entities.mentions import Tokens, trim_range

    text = "Elsewhere, Abel Tirunesh of Ethiopia won the race on Sunday."
    toks = Tokens(nlp(text), text)
    first, last = trim_range(toks, 0, 3, "WORK_OF_ART")  # the recogniser's "Elsewhere, Abel Tirunesh"
    assert text[toks.starts[first] : toks.ends[last]] == "Abel Tirunesh"


def test_entities_news_names_a_work_runs_on_through_small_words():
    text = (
        "His teen comedy Adventures In Babysitting was a hit, as was the film An Officer and a "
        "Gentleman, which won a Golden Globe and a Bafta in London."
    )
    record = analyze(text, clean=False, published="2005-03-16")
    works = {text[m.start : m.end] for e in record.entities if e.type == "WORK_OF_ART" for m in e.mentions}
    assert {"Adventures In Babysitting", "An Officer and a Gentleman"} <= works
    assert "Golden Globe" in works and "London" not in " ".join(works)
    record = analyze("Fans queued for the comedy Blue Horizon on Monday.", clean=False, published="2005-03-16")
    assert [e.name for e in record.entities if e.type == "WORK_OF_ART"] == ["Blue Horizon"]  # a day ends it


def test_entities_news_names_a_short_name_in_capitals_keeps_them():
    # "LA" is no word to title-case ("La"), unlike "SPRINGFIELD" in a dateline.
    text = "The actor flew to LA on Sunday. He said LA was his home."
    record = analyze(text, clean=False, published="2005-03-16")
    names = {e.name for e in record.entities}
    assert "LA" in names and "La" not in names


def test_entities_news_names_abbreviations_of_common_nouns_are_no_names():
    found = _entities(
        "Sales of DVD players and PCs rose as GDP grew, the Vantor Group said. The DJ was made "
        "an OBE. Shares in Vantor HD fell."
    )
    assert not {"DVD", "PCs", "GDP", "DJ", "OBE"} & set(found)
    assert found["Vantor Group"][0] == "ORG"


def test_entities_news_names_a_town_and_a_compass_point_is_a_constituency():
    found = _entities(
        "Tony Lloyd, Labour MP for Manchester Central, agreed, and so did the Bolton West MP. "
        "Kanye West sang. Michael East spoke."
    )
    assert found["Manchester Central"][0] == found["Bolton West"][0] == "GPE"
    assert found["Kanye West"][0] == found["Michael East"][0] == "PERSON"


def test_entities_an_abbreviation_in_title_case_takes_the_type_of_the_words_it_spells():
    # British style writes abbreviations in title case; the recogniser reads them as towns
    # ("Wada" is one in India) or people.
    found = _entities("Officials from the World Anti-Doping Agency (Wada) met on Monday. Wada said tests would rise.")
    assert found["Wada"][0] == "ORG"
    record = analyze(
        "The Academy of Motion Pictures Arts and Sciences (Ampas) said on Monday that Ampas had agreed.",
        clean=False,
    )
    academy = [e for e in record.entities if e.name.startswith("Academy")]
    assert len(academy) == 1 and academy[0].type == "ORG" and "Ampas" in academy[0].aliases


def test_entities_a_title_case_word_that_spells_nothing_before_it_is_no_abbreviation():
    from newsgraph.pipeline.components.backbone import load_spacy
    from newsgraph.pipeline.components.entities import consistency
    from newsgraph.pipeline.components.entities.mentions import Tokens

    text = "Officials from the World Anti-Doping Agency (Wada) met the Leeds Council (Wada) and Voice over IP (Voip) firms."
    toks = Tokens(load_spacy()(text), text)
    first, second = (toks.by_start[i] for i in range(len(text)) if text.startswith("Wada", i))
    spelt = consistency._spelled_out_before(first, "Wada", toks, text)
    assert spelt is not None and toks.words[spelt] == "World"
    assert consistency._spelled_out_before(second, "Wada", toks, text) is None
    voip = toks.by_start[text.index("Voip")]
    assert toks.words[consistency._spelled_out_before(voip, "Voip", toks, text)] == "Voice"  # "IP" gives both letters


def test_entities_news_media_are_organisations_with_one_id():
    # The recogniser reads "Sunday" as a day and the rest as a person or a place.
    found = _entities(
        "The Sunday Telegraph said the deal was off. Mr Brown told the Sunday Mirror he would stay, "
        "and the Mail on Sunday agreed. Later the Sunday Telegraph named the buyer, and Al-Jazeera "
        "broadcast the tape."
    )
    assert found["Sunday Telegraph"] == ("ORG", {"newsgraph": "media-sunday-telegraph"})
    assert found["Sunday Mirror"] == ("ORG", {"newsgraph": "media-sunday-mirror"})
    assert found["Mail on Sunday"] == ("ORG", {"newsgraph": "media-mail-on-sunday"})
    assert found["Al-Jazeera"] == ("ORG", {"newsgraph": "media-al-jazeera"})
    assert "Telegraph" not in found and "Mirror" not in found
    # a place's name before "on Sunday" stays the place, and the day a day
    record = analyze("Rangers won in Scotland on Sunday.", clean=False, published="2005-03-16")
    assert [(e.name, e.type) for e in record.entities] == [("Rangers", "ORG"), ("Scotland", "GPE")]


def test_entities_a_sequel_number_makes_a_title_a_work():
    found = _entities(
        "Microsoft said Zorbex 2 sold 2.4 million copies in its first week. Zorbex was the "
        "best-selling game of the year, and Zorbex 2 topped the charts again."
    )
    assert found["Zorbex 2"][0] == "WORK_OF_ART"
    assert found["Zorbex"][0] == "WORK_OF_ART"  # the title without its number too
    # results, scorers and regnal numbers keep their readings
    found = _entities(
        "Leeds 2 Wigan 1. Scorers: Owen 2, Gerrard. Queen Elizabeth II met Mr Zorbex. "
        "He told Radio 4's Today programme. Goals: Ronaldo 9, Rooney 87."
    )
    assert found["Owen"][0] == "PERSON" and found["Zorbex"][0] == "PERSON"
    assert "Leeds 2" not in found and "Owen 2" not in found and "Ronaldo 9" not in found
    assert "Radio 4" not in found or found["Radio 4"][0] == "ORG"


def test_entities_names_ending_in_an_event_word_are_events():
    found = _entities(
        "Labour hopes to win the General Election. Radcliffe will run the London Marathon "
        "before the Zorbova Indoor Championships, and won gold at the Athens Games."
    )
    assert found["General Election"][0] == "EVENT"
    assert found["London Marathon"][0] == "EVENT"
    assert found["Zorbova Indoor Championships"][0] == "EVENT"
    assert found["Athens Games"][0] == "EVENT"
    # an organisation's word inside keeps the organisation
    found = _entities("The Organisation of the Islamic Conference met in Jeddah on Monday.")
    assert found["Organisation of the Islamic Conference"][0] == "ORG"


def test_entities_the_end_of_a_hyphenated_title_is_no_name():
    # The recogniser reads "General" of "Secretary-General" as an organisation.
    found = _entities("The UN Secretary-General said the talks would resume in Geneva.")
    assert "General" not in found and found["UN"][0] == "ORG"


def test_entities_an_occupation_before_a_name_is_not_part_of_it():
    found = _entities(
        "Rapper Kestro has cancelled his tour. Veteran Gary Linwood will present the show. "
        "Singer Jane Storrow won two awards on Tuesday."
    )
    assert found.get("Kestro", ("",))[0] == "PERSON" and "Rapper Kestro" not in found
    assert found.get("Gary Linwood", ("",))[0] == "PERSON" and "Veteran Gary Linwood" not in found
    assert found.get("Jane Storrow", ("",))[0] == "PERSON" and "Singer Jane Storrow" not in found


def test_entities_an_occupation_before_a_rare_given_name_and_a_common_surname_is_cut():
    # "Jools" is no Census given name; "Walker" is a common surname: the span is a person.
    found = _entities("Singer Jools Walker won two awards at the ceremony on Wednesday. Walker, 19, said she was thrilled.")
    assert found.get("Jools Walker", ("",))[0] == "PERSON" and "Singer Jools Walker" not in found


def test_entities_an_occupation_word_that_opens_a_name_keeps_it():
    found = _entities("Designer Outlet Village opened on Monday near the Kestrel Bridge.")
    assert not any(name in found for name in ("Outlet Village", "Outlet"))


def test_entities_a_band_named_after_the_word_for_it_is_an_organisation():
    found = _entities("Indie band Kestrel Avenue headlined the festival. Kestrel Avenue played for two hours.")
    assert found["Kestrel Avenue"][0] == "ORG"
    assert _entities("Brian Kestrel of the band said he was pleased.")["Brian Kestrel"][0] == "PERSON"


def test_entities_a_name_alone_before_a_plural_verb_is_a_group():
    found = _entities("Velvet Marrow were the big winners at the awards. Velvet Marrow are now recording in Dublin.")
    assert found["Velvet Marrow"][0] == "ORG"


def test_entities_people_coordinated_before_a_plural_verb_stay_people():
    found = _entities("Actor Piet Varnel and director Tomas Verhoek are reuniting for a new film.")
    assert found["Piet Varnel"][0] == "PERSON" and found["Tomas Verhoek"][0] == "PERSON"


def test_entities_news_names_titles_after_their_kind_and_in_lists_are_works():
    # A kind with other senses counts as a noun ("country hit", "sci-fi series"); a plural
    # kind and a list connector ("two singles, ...", "films such as ...") make each listed
    # name a title, up to the "and" that closes the list.
    found = _entities(
        "The Harwich band Velmoran tested the water with two singles, Brass Lantern and Kettle Moon, "
        "which reached the top 20. Her biggest country hit, Copper Bells, was played at the wedding. "
        "She starred in films such as Slate Harbour, Glass Orchard and Quarry Light. "
        "His sci-fi series Pellin Drift was cancelled."
    )
    works = ("Brass Lantern", "Kettle Moon", "Copper Bells", "Slate Harbour", "Glass Orchard", "Quarry Light", "Pellin Drift")
    assert {name: found[name][0] for name in works if name in found} == dict.fromkeys(works, "WORK_OF_ART")


def test_entities_news_names_people_beside_a_work_noun_stay_people():
    # The verb "show", a person apposed to "the director of the film", the subject of a
    # clause on the noun, and a person after a book's title that no "and" lists.
    found = _entities(
        "The figures show Marcus Dellow was right. The director of the film, Tobias Wrenfield, says "
        "the movie is not offensive. Unlike every song Maria Lund has recorded, it sold. In his new book, "
        "Salt Harbour, Philippe Ostrander, a barrister, argues the case."
    )
    for name in ("Marcus Dellow", "Tobias Wrenfield", "Maria Lund", "Philippe Ostrander"):
        assert found[name][0] == "PERSON", name
    assert found["Salt Harbour"][0] == "WORK_OF_ART"


def test_entities_news_names_a_band_read_as_a_nationality_is_no_surname_of_its_namesake():
    # The band is named after a person whose full name the story gives later: the band's
    # mentions stay the band's.
    text = (
        "Indie band Vardanian built a cult following. Vardanian's singer said the name came from "
        "Alice Vardanian, a figure from an old film. Vardanian will tour in May."
    )
    record = analyze(text, clean=False, published="2005-03-16")
    by_name = {e.name: (e.type, len(e.mentions)) for e in record.entities}
    assert by_name.get("Vardanian", (None,))[0] == "ORG"
    assert by_name.get("Alice Vardanian") == ("PERSON", 1)


def test_entities_news_names_a_noun_for_a_kind_of_person_before_a_full_name_is_no_part_of_it():
    # WordNet's nouns for people ("cinematographer", "welshman") before a given name and a
    # surname; a given name that is also such a noun stays ("Christian").
    found = _entities(
        "Cinematographer Dorian Vasko won the prize. He beat fellow Welshman Gareth Penhale in the final. "
        "Christian Tomas Brandt starred in the play. The research was done by security firm Saint "
        "Bernard Software. Her hits include Light My Fire and Slow River."
    )
    assert found["Dorian Vasko"][0] == found["Gareth Penhale"][0] == "PERSON"
    assert "Cinematographer Dorian Vasko" not in found and "Welshman Gareth Penhale" not in found
    assert found["Christian Tomas Brandt"][0] == "PERSON"
    # A company's name, and a title whose next word is a small word some country gives as a name.
    assert "Bernard Software" not in found and "My Fire" not in found


def test_entities_news_names_listed_titles_stay_apart_and_keep_their_number():
    found = _entities(
        "The studio is behind hits like Marrow Creek 2 and The Lantern Keeper. In the television "
        "categories, comedy series Dockside Nights and The Plover Diaries will compete."
    )
    assert found["Marrow Creek 2"][0] == "WORK_OF_ART"
    assert found["Dockside Nights"][0] == "WORK_OF_ART"
    assert not any(" and " in name for name in found)


def test_entities_news_names_a_party_before_a_full_name_is_no_part_of_it():
    found = _entities("Tory Amos Fairleigh said no. Lib Dem Nora Castell agreed with him.")
    assert found["Amos Fairleigh"][0] == found["Nora Castell"][0] == "PERSON"
    assert not any(name.startswith(("Tory ", "Lib Dem ")) for name in found)


def test_entities_news_names_a_world_given_name_before_a_surname_is_written_as_a_person():
    from newsgraph.pipeline.components.entities.consistency import person_shaped

    # Given names of the world lists rarer than everyday English, before a Census surname.
    assert person_shaped(["Gareth", "Edwards"]) and person_shaped(["Lionel", "Richie"])
    # Not when the given name is a town's of 20,000 (a club's, a seat's), nor everyday English.
    assert not person_shaped(["Aston", "Villa"]) and not person_shaped(["Bristol", "West"])
    assert not person_shaped(["North", "West"])
    # A plural of an English word ends a company's name.
    assert not person_shaped(["Daniels", "Pharmaceuticals"])
