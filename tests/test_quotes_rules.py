"""Rules of the quotes component added for PolNeAR's attributions, on synthetic text:
content that runs on past a coordination, a that-clause the parser hung on the cue as an
adverbial, fronted content over several sentences, reported words around a direct quote,
subjects the parser doubles, transcripts quoted whole and ``Source: claim`` headlines;
and the vectorised prefilter the finders use."""

from __future__ import annotations

from tests.fixtures.quotes import entity


def _at(text: str, span) -> str:
    return text[span.start : span.end]


def _by_cue(text: str, quotes, cue: str):
    return [q for q in quotes if q.cue is not None and _at(text, q.cue) == cue]


def test_quotes_content_runs_on_through_a_clause_that_carries_the_claim(quotes_of):
    text = "Ramirez says she hopes to win the seat, but she is ready to lose it."
    (quote,) = [q for q in _by_cue(text, quotes_of(text), "says") if q.kind == "indirect"]
    assert _at(text, quote) == "she hopes to win the seat, but she is ready to lose it"


def test_quotes_a_second_reporting_verb_is_a_second_attribution(quotes_of):
    text = "The mayor said the ferry would run in May, and she added that the bridge will open in June."
    quotes = quotes_of(text)
    (said,) = _by_cue(text, quotes, "said")
    assert _at(text, said) == "the ferry would run in May"
    assert len(_by_cue(text, quotes, "added")) == 1


def test_quotes_fronted_content_takes_the_earlier_sentences_of_its_paragraph(quotes_of):
    text = (
        "The council met on Monday.\n\n"
        "The bridge is safe. Its cables were replaced last year, the engineer said.\n"
    )
    (quote,) = [q for q in _by_cue(text, quotes_of(text), "said") if q.kind == "indirect"]
    assert _at(text, quote) == "The bridge is safe. Its cables were replaced last year"


def test_quotes_earlier_sentences_stop_at_another_attribution(quotes_of):
    text = "Okafor said the fund was empty. Its cables were replaced last year, the engineer said.\n"
    quotes = _by_cue(text, quotes_of(text), "said")
    last = max(quotes, key=lambda q: q.cue.start)
    assert _at(text, last) == "Its cables were replaced last year"


def test_quotes_reported_words_around_a_direct_quote_join_its_attribution(quotes_of):
    text = (
        "Mbeki added that most voters in the region were angry, which was a problem because, "
        "\u201cIn the end, people vote for somebody.\u201d"
    )
    quotes = _by_cue(text, quotes_of(text), "added")
    kinds = sorted(q.kind for q in quotes)
    assert kinds == ["direct", "indirect"]
    assert len({q.attribution for q in quotes}) == 1
    indirect = next(q for q in quotes if q.kind == "indirect")
    assert "\u201c" not in _at(text, indirect) and "most voters" in _at(text, indirect)


def test_quotes_a_time_heading_a_live_blog_entry_is_not_the_speaker(quotes_of):
    text = "12:15 p.m.\n\nLena Varga says the new budget will cut taxes for families.\n"
    ents = [entity(text, "p1", "PERSON", "Lena Varga", "Lena Varga")]
    (quote,) = [q for q in _by_cue(text, quotes_of(text, ents), "says")]
    assert quote.speaker is not None and quote.speaker.entity == "p1"


def test_quotes_a_transcript_quoted_whole_is_read_turn_by_turn(quotes_of):
    text = (
        "Part of the interview follows.\n\n"
        "\"HOLM: Will the ferry run again this winter, and who will pay for it?\n\n"
        "\"VOSS: The ferry will run from December, and the county will pay for it.\n\n"
        "\"HOLM: And what about the bridge that was promised last year?\n\n"
        "\"VOSS: The bridge will come later, I think, once the money is there.\"\n"
    )
    quotes = quotes_of(text)
    turns = [q for q in quotes if q.cue is not None and _at(text, q.cue) == ":"]
    assert [q.speaker.name for q in turns] == ["HOLM", "VOSS", "HOLM", "VOSS"]
    assert _at(text, turns[1]).startswith("The ferry will run")
    # no reported speech is read inside the quoted turns
    assert not [q for q in quotes if q.kind == "indirect"]


def test_quotes_a_source_colon_claim_headline_is_reported_speech(quotes_of):
    text = "Okonkwo: Ferry Will Run Again This Winter.\n\nThe county ferry stopped in March.\n"
    ents = [entity(text, "p2", "PERSON", "Ada Okonkwo", "Okonkwo")]
    quotes = _by_cue(text, quotes_of(text, ents), ":")
    (quote,) = quotes
    assert quote.kind == "indirect"
    assert _at(text, quote) == "Ferry Will Run Again This Winter"
    assert quote.speaker.entity == "p2"


def test_quotes_a_title_colon_headline_is_not_a_claim(quotes_of):
    text = "The Latest: Ferry Will Run Again This Winter.\n\nThe county ferry stopped in March.\n"
    assert not _by_cue(text, quotes_of(text), ":")


def test_quotes_prefilter_keeps_every_token_the_full_test_accepts(nlp):
    from newsgraph.pipeline.components.quotes import lexicon
    from newsgraph.pipeline.components.quotes.attribution import CUE_POS, Parse

    sdoc = nlp(
        "According to the mayor, the ferry will run. Officials SAID it was safe, and "
        "Hakim Said warned that costs would rise, in the words of one aide."
    )
    parse = Parse(sdoc, lexicon.load())
    picked = parse.indices(parse.lexicon.cue_lemmas, CUE_POS, phrases=True)
    for tok in sdoc:
        if parse.is_cue_verb(tok) or parse.phrase_at(tok) is not None:
            assert tok.i in picked, tok.text
    assert all(parse.is_cue_verb(sdoc[i]) or parse.phrase_at(sdoc[i]) is not None or sdoc[i].pos_ in CUE_POS for i in picked)


def test_quotes_cue_score_from_ids_equals_the_feature_strings(nlp):
    from newsgraph.pipeline.components.quotes.cues import CANDIDATE_POS, features, load_model

    model = load_model()
    sdoc = nlp(
        "Officials fear that the Cup final will be moved. Her criticism of the plan grew, and "
        "analysts think the poll shows support for the mayor's calls for a ban."
    )
    scored = [tok for tok in sdoc if tok.pos_ in CANDIDATE_POS and tok.lemma_.lower() in model.lemmas]
    assert scored
    for tok in scored:
        assert model.score(tok) == model.probability(features(tok)), tok.text


def test_quotes_a_description_with_a_name_in_apposition_is_spoken_by_the_name(quotes_of):
    text = 'Lithuania\'s president, Tomas Kell, said on Friday: "We were right." Officials agreed.'
    kell = entity(text, "e2", "PERSON", "Tomas Kell", "Tomas Kell")
    (quote,) = [q for q in quotes_of(text, [entity(text, "e1", "GPE", "Lithuania", "Lithuania"), kell]) if q.kind == "direct"]
    assert (quote.speaker.entity, quote.speaker.name) == ("e2", "Tomas Kell")
    assert text[quote.speaker.start : quote.speaker.end] == "Tomas Kell"


def test_quotes_a_quote_before_its_cue_without_a_comma_is_direct(quotes_of):
    text = '"The obvious pick is Varga" said Kell. Others disagreed.'
    quotes = quotes_of(text, [entity(text, "e1", "PERSON", "Kell", "Kell")])
    assert [(q.kind, _at(text, q)) for q in quotes] == [("direct", "The obvious pick is Varga")]


def test_quotes_a_title_running_on_through_of_is_spoken_by_its_name_not_a_list(quotes_of):
    # The parser hangs the name on "of"; a title in the next sentence names no one here.
    text = "Club director of football Marek Halloran praised the fans for their conduct. The mother of Ann Hale said she was calm."
    ents = [entity(text, "e1", "PERSON", "Marek Halloran", "Marek Halloran"), entity(text, "e2", "PERSON", "Ann Hale", "Ann Hale")]
    speakers = {q.cue and _at(text, q.cue): q.speaker.name for q in quotes_of(text, ents)}
    assert speakers == {"praised": "Marek Halloran", "said": "The mother of Ann Hale"}
    text = "Rival sprinters Ivo Rask and Ann Hale said the tests were fair."
    ents = [entity(text, "e1", "PERSON", "Ivo Rask", "Ivo Rask"), entity(text, "e2", "PERSON", "Ann Hale", "Ann Hale")]
    (quote,) = quotes_of(text, ents)
    assert quote.speaker.entity is None


def test_quotes_letters_after_a_name_that_head_the_parse_still_name_the_speaker(quotes_of):
    text = "Director of Public Prosecutions, Ivo Rask QC, who sits on the board, said the rule was fair."
    (quote,) = quotes_of(text, [entity(text, "e1", "PERSON", "Ivo Rask", "Ivo Rask")])
    assert (quote.speaker.entity, quote.speaker.name) == ("e1", "Ivo Rask")
