"""Learned cues (``quotes/cues.py``), attribution ids and paragraph-bound content, on
synthetic sentences (spaCy parse, hand-made entities)."""

from __future__ import annotations

import json
import math

import pytest

from newsgraph.errors import Code, ConfigError
from newsgraph.pipeline.components.quotes import QuoteExtractor
from newsgraph.pipeline.components.quotes.cues import MODEL_FILE, features, load_model
from tests.fixtures.quotes import entity


def _hand_model(tmp_path, weights):
    path = tmp_path / "cue_model.json"
    lemmas = sorted(k[2:] for k in weights)
    data = {"threshold": 0.5, "bias": -3.0, "weights": weights, "lemmas": lemmas}
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _run(make_doc, nlp, text, ents=None, **settings):
    doc = make_doc(text)
    doc.spacy = nlp(text)
    doc.entities = ents or []
    doc.noise = []
    QuoteExtractor(**settings)(doc)
    return sorted(doc.quotes, key=lambda q: q.start)


def test_quotes_cues_shipped_model_states_its_source():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert "PolNeAR train" in data["trained_on"] and "train_quote_cues.py" in data["about"]
    model = load_model()
    assert 0 < model.threshold < 1 and len(model.weights) > 100


def test_quotes_cues_bad_model_file_is_coded_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"weights": {}}', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        QuoteExtractor(cue_model=str(path))
    assert err.value.code == Code.BAD_QUOTES_RESOURCE and "broken.json" in str(err.value)


def test_quotes_cues_features_read_word_and_what_hangs_from_it(nlp):
    sdoc = nlp("Residents voiced fears of a new flood in the valley.")
    feats = features(sdoc[2])
    assert "l=fear" in feats and "c=prep:of" in feats and "p=NOUN" in feats


def test_quotes_cues_features_name_the_objects_word_and_kind(nlp):
    # What tells a shot ("blasted over the bar") from a criticism ("blasted the referee").
    shot = features(nlp("Mateo Ruiz blasted over the bar in the second half.")[2])
    criticism = features(nlp("The manager blasted the referee after the game.")[2])
    assert "o=over|bar" in shot and "oe=over|NOUN" in shot
    assert "o=dobj|referee" in criticism and "oe=dobj|NOUN" in criticism
    assert not any(f.startswith("o=dobj") for f in shot)


def test_quotes_cues_object_weights_count_in_the_score(nlp, tmp_path):
    from newsgraph.pipeline.components.quotes.cues import load_model

    model = load_model(_hand_model(tmp_path, {"l=blast": 1.0, "o=over|bar": -4.0, "oe=dobj|NOUN": 4.0}))
    shot = nlp("Mateo Ruiz blasted over the bar in the second half.")[2]
    criticism = nlp("The manager blasted the referee after the game.")[2]
    assert model.score(shot) < 0.5 < model.score(criticism)
    for tok in (shot, criticism):
        assert model.score(tok) == model.probability(features(tok))


def test_quotes_cues_nominal_cue_reports_its_prepositional_object(make_doc, nlp, tmp_path):
    text = "Residents of Tarvik voiced fears of a new flood in the valley."
    model = _hand_model(tmp_path, {"l=fear": 5.0})
    (quote,) = _run(make_doc, nlp, text, cue_model=model)
    assert quote.kind == "indirect"
    assert text[quote.start : quote.end] .startswith("a new flood")
    assert text[quote.cue.start : quote.cue.end] == "fears"
    assert text[quote.speaker.start : quote.speaker.end] == "Residents"


def test_quotes_cues_possessor_speaks_for_a_nominal_cue(make_doc, nlp, tmp_path):
    text = "Ana Petrova repeated her criticism of the harbour plan on Monday."
    ents = [entity(text, "p1", "PERSON", "Ana Petrova", "Ana Petrova")]
    model = _hand_model(tmp_path, {"l=criticism": 5.0})
    quotes = [q for q in _run(make_doc, nlp, text, ents, cue_model=model) if text[q.cue.start : q.cue.end] == "criticism"]
    (quote,) = quotes
    assert text[quote.start : quote.end] == "the harbour plan on Monday" or text[quote.start : quote.end] == "the harbour plan"
    assert quote.speaker.entity == "p1" and text[quote.speaker.start : quote.speaker.end] == "her"


def test_quotes_cues_learned_cue_carries_the_models_probability(make_doc, nlp, tmp_path):
    text = "Residents of Tarvik voiced fears of a new flood in the valley. The mayor said the dam would hold."
    quotes = _run(make_doc, nlp, text, cue_model=_hand_model(tmp_path, {"l=fear": 5.0}))
    by_cue = {text[q.cue.start : q.cue.end]: q.cue_confidence for q in quotes}
    assert by_cue["fears"] == round(1 / (1 + math.exp(-2.0)), 3)  # bias -3 + 5
    assert by_cue["said"] is None  # a lexicon cue: no model involved


def test_quotes_cues_below_threshold_or_switched_off_adds_nothing(make_doc, nlp, tmp_path):
    text = "Residents of Tarvik voiced fears of a new flood in the valley."
    assert _run(make_doc, nlp, text, cue_model=_hand_model(tmp_path, {"l=fear": 1.0})) == []
    assert _run(make_doc, nlp, text, learned_cues=False) == []


def test_quotes_attribution_id_groups_a_split_quote(quotes_of):
    text = (
        '"We will rebuild the harbour," Mayor Ana Petrova told reporters, "and we will start this year."\n\n'
        "Officials said the work would cost more."
    )
    ents = [entity(text, "e1", "PERSON", "Ana Petrova", "Ana Petrova")]
    quotes = quotes_of(text, ents)
    first, second = (q for q in quotes if q.kind == "direct")
    assert first.attribution == second.attribution == "a1"
    others = {q.attribution for q in quotes if q.kind != "direct"}
    assert others and "a1" not in others and all(a is not None for a in others)


def test_quotes_headline_in_marks_stays_apart_from_first_paragraph(quotes_of):
    text = (
        "Tories 'would cut number of MPs'\n\n"
        "The Conservatives would cut the number of MPs by a fifth, Michael Howard has said.\n"
    )
    ents = [entity(text, "e1", "PERSON", "Michael Howard", "Michael Howard")]
    quotes = quotes_of(text, ents)
    assert quotes and all("\n" not in text[q.start : q.end] for q in quotes)
    body = [q for q in quotes if q.kind == "indirect"]
    assert [text[q.start : q.end] for q in body] == ["The Conservatives would cut the number of MPs by a fifth"]
    headline = [q for q in quotes if q.start < text.index("\n")]
    assert all(q.attribution != body[0].attribution for q in headline)


def test_quotes_transcript_labels_name_the_speaker(quotes_of):
    text = (
        "WALLACE: Senator, do you think the deal will hold?\n\n"
        "SMITH: It will hold for a year.\n\n"
        "WALLACE: Why?\n\n"
    )
    quotes = [q for q in quotes_of(text) if q.kind == "direct"]
    said = [(text[q.start : q.end], q.speaker.name, text[q.cue.start : q.cue.end]) for q in quotes]
    assert said == [
        ("Senator, do you think the deal will hold?", "WALLACE", ":"),
        ("It will hold for a year.", "SMITH", ":"),
        ("Why?", "WALLACE", ":"),
    ]


def test_quotes_one_off_capital_label_is_not_a_speaker(quotes_of):
    text = "The council met on Monday.\n\nCLARIFICATION: An earlier version gave the wrong date.\n"
    assert [q for q in quotes_of(text) if q.kind == "direct"] == []


def test_quotes_sentence_pointing_back_names_the_speaker(quotes_of):
    text = '"We are ready for anything." That was how Jane Doe put it on Monday.'
    ents = [entity(text, "p1", "PERSON", "Jane Doe", "Jane Doe")]
    (quote,) = quotes_of(text, ents)
    assert quote.speaker.entity == "p1" and text[quote.cue.start : quote.cue.end] == "put"


def test_article_view_says_a_learned_cue_and_its_confidence():
    from newsgraph.web.highlight import spans_of

    text = "Residents voiced fears of a new flood. The mayor said the dam would hold."
    record = {"text": text, "entities": [], "quotes": [
        {"start": 23, "end": 37, "kind": "indirect", "speaker": None, "cue": {"start": 16, "end": 21}, "cue_confidence": 0.634},
        {"start": 53, "end": 72, "kind": "indirect", "speaker": None, "cue": {"start": 48, "end": 52}, "cue_confidence": None},
    ]}
    labels = [s.label for s in spans_of(record) if s.kind == "quote"]
    assert labels == ["indirect quote by unknown speaker (learned cue, model confidence 0.63)",
                      "indirect quote by unknown speaker"]
