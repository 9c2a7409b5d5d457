"""The fast attribute ruler and lemmatizer give exactly spaCy's tags, morphology and lemmas."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler

from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, load_spacy
from newsgraph.pipeline.components.fast_attributes import FastAttributeRuler, FastLemmatizer, speed_up

# Written for this test: pronouns of every person and case, contractions the ruler's
# two-token rules rewrite ("gonna", "let's", "ain't"), "there is/'s" (the expletive rule),
# auxiliaries, spaces and a table line, mixed case and non-Latin words.
TEXTS = [
    "Y'all ain't gonna believe it, she said. Let's go, we told them; they'd gotta wait.\n\n"
    "There is a ferry at 6 a.m. and there's another at noon. It's theirs, not ours or yours.\n"
    "He hurt himself; the mayor herself and I myself were there. Nothin' was settled.",
    "HARBOUR TOWN  (Newswire) -  The council has been voting since Tuesday.\n"
    "Results:   Ayes 14   Noes 9\n\nMe? I'm not sure whom you mean, said Ms Ortega.",
    "Łódź and 北京 signed the pact 🙂 — officials were being cautious, weren't they?",
    "",
    "   \n\t ",
]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    fast = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    return stock, fast, speed_up(fast)


def test_speed_up_swaps_the_ruler_and_the_lemmatizer(pipelines):
    _, fast, changed = pipelines
    assert changed == ["attribute_ruler", "lemmatizer"]
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    assert speed_up(fast) == []  # a second call changes nothing


@pytest.mark.parametrize("batch", [False, True])
def test_same_tags_morphology_and_lemmas_as_spacy(pipelines, batch):
    stock, fast, _ = pipelines
    if batch:
        pairs = zip(stock.pipe(TEXTS, batch_size=2), fast.pipe(TEXTS, batch_size=2), strict=True)
    else:
        pairs = ((stock(t), fast(t)) for t in TEXTS)
    for want, got in pairs:
        assert (want.to_array(COLUMNS) == got.to_array(COLUMNS)).all()
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in want] == [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in got]


def test_the_rules_really_apply(pipelines):
    """Not vacuous: the ruler's own rules are what set these (the tagger gives only tags)."""
    _, fast, _ = pipelines
    doc = fast("She told them they're gonna win.")
    assert [t.pos_ for t in doc][:3] == ["PRON", "VERB", "PRON"]
    assert str(doc[0].morph) == "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"
    assert [t.lemma_ for t in doc] == ["she", "tell", "they", "they", "be", "go", "to", "win", "."]


def test_a_pattern_it_cannot_reproduce_keeps_spacys_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "good"})
    assert speed_up(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_the_backbone_runs_the_fast_components():
    nlp = load_spacy(DEFAULT_MODEL)
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)


def test_same_output_as_spacy_on_real_news(shared_data, capsys):
    """The first 12 documents of each evaluation set (the whole 6,242 were checked with
    ``scripts/check_fast_attributes.py``; bench/README.md)."""
    import importlib.util

    from tests.conftest import REPO

    spec = importlib.util.spec_from_file_location("check_fast_attributes", REPO / "scripts" / "check_fast_attributes.py")
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    assert check.main(["--data", str(shared_data), "--limit", "12"]) == 0
    out = capsys.readouterr().out
    assert "bbc: 12 documents, 0 differ" in out and "all: 60 documents, 0 differ" in out
