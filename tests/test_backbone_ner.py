"""The backbone swaps in newsgraph's shipped entity recogniser and keeps OntoNotes labels."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import Code, ConfigError
from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, SHIPPED_NER, SpacyBackbone, load_spacy
from newsgraph.pipeline.config import BACKBONE

ONTONOTES = {
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}  # fmt: skip

# Synthetic sentences: ordinary mixed case, an agency-style upper-case headline, a dateline.
MIXED = (
    "Prime Minister Theresa May met Angela Merkel in Berlin on Tuesday.\n"
    "Shares of Microsoft rose 12 percent after it reported a profit of $3 billion."
)
HEADLINE = "SOCCER - MANCHESTER UNITED BEAT LIVERPOOL IN LONDON ."
DATELINE = "NAIROBI 1996-08-30\nKenya's central bank said on Friday it had cut its lending rate."


def _ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.fixture(scope="module")
def ours():
    return load_spacy(DEFAULT_MODEL, "newsgraph")


def test_backbone_ships_weights_with_their_provenance():
    meta = json.loads((SHIPPED_NER / "meta.json").read_text())
    assert meta["pipeline"] == ["ner"]
    assert set(meta["labels"]["ner"]) == ONTONOTES
    assert any("CoNLL-2003" in source["name"] for source in meta["sources"])
    assert (SHIPPED_NER / "README.md").is_file()
    size = sum(p.stat().st_size for p in SHIPPED_NER.rglob("*") if p.is_file())
    assert size < 20_000_000


def test_backbone_default_uses_shipped_ner(ours):
    backbone = SpacyBackbone()
    assert backbone.ner == "newsgraph"
    assert backbone.nlp is ours
    assert load_spacy() is ours
    # Before the parser, so that the sentences it finds bind no name (``_swap_in_shipped_ner``).
    assert ours.pipe_names.index("ner") < ours.pipe_names.index("parser")
    assert ours.pipe_names.count("ner") == 1
    assert set(ours.get_pipe("ner").labels) == ONTONOTES


def test_backbone_fresh_nlp_is_the_same_pipeline_with_its_own_vocabulary(ours):
    fresh = SpacyBackbone.fresh_nlp()
    assert fresh is not ours and fresh.vocab is not ours.vocab
    assert fresh.pipe_names == ours.pipe_names
    assert fresh.get_pipe("ner").to_bytes(exclude=["vocab"]) == ours.get_pipe("ner").to_bytes(exclude=["vocab"])
    words = [(t.text, t.tag_, t.dep_, t.ent_type_) for t in fresh(MIXED)]
    assert words == [(t.text, t.tag_, t.dep_, t.ent_type_) for t in ours(MIXED)]


def test_backbone_stock_ner_is_a_different_model(ours):
    stock = load_spacy(DEFAULT_MODEL, "model")
    assert stock is not ours
    assert stock.pipe_names == ours.pipe_names
    assert stock.get_pipe("ner").to_bytes(exclude=["vocab"]) != ours.get_pipe("ner").to_bytes(exclude=["vocab"])


def test_backbone_shipped_ner_leaves_tagger_and_parser_alone(ours):
    stock = load_spacy(DEFAULT_MODEL, "model")
    a, b = ours(MIXED), stock(MIXED)
    assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]


def test_backbone_shipped_ner_emits_ontonotes_labels_on_mixed_case(ours):
    found = _ents(ours, MIXED)
    assert {("Theresa May", "PERSON"), ("Angela Merkel", "PERSON"), ("Berlin", "GPE")} <= found
    assert ("Microsoft", "ORG") in found
    assert {label for _, label in found} >= {"DATE", "PERCENT", "MONEY"}
    assert {label for _, label in found} <= ONTONOTES


def test_backbone_shipped_ner_reads_upper_case_headlines_and_datelines(ours):
    found = _ents(ours, HEADLINE)
    assert ("MANCHESTER UNITED", "ORG") in found
    assert ("LONDON", "GPE") in found
    dated = _ents(ours, DATELINE)
    assert ("NAIROBI", "GPE") in dated
    assert ("Kenya", "GPE") in dated


def test_backbone_rejects_unknown_ner_choice():
    with pytest.raises(ConfigError) as info:
        SpacyBackbone(ner="both")
    assert info.value.code is Code.BAD_CONFIG


def test_backbone_chosen_model_brings_its_own_ner():
    from newsgraph.pipeline.cached import build_config

    config = build_config(model="some_other_pipeline")
    (spec,) = [s for s in config.components if s.name == BACKBONE]
    assert spec.config["ner"] == "model"


def test_backbone_a_blank_line_ends_a_sentence(nlp):
    # A headline without a full stop ran into the story's first sentence, whose subject
    # the parser then took from the headline.
    text = "Kestrel Life concern at harbour bid\n\nKestrel Life is the latest shareholder to question the offer."
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == ["Kestrel Life concern at harbour bid", "Kestrel Life is the latest shareholder to question the offer."]
    # Given only the start, the parser made the first word after the break a sentence of
    # its own ("Harbour | Trust is ..."), and the recogniser, which keeps a name within a
    # sentence, could lose the first word of a name.
    text = "Harbour Trust worry at port bid\n\nHarbour Trust is the latest investor to question the offer."
    assert [s.text.strip() for s in nlp(text).sents][1] == "Harbour Trust is the latest investor to question the offer."
    # A single line break may wrap a sentence: nothing is set there.
    wrapped = nlp("The council said on Monday that it\nwould close the harbour.")
    assert len(list(wrapped.sents)) == 1
    # Nor does a blank line before a word in lower case: scraped text breaks sentences so.
    broken = nlp("The defeat has left the side\n\nin a state of shock after the autumn series.")
    assert len(list(broken.sents)) == 1


def test_backbone_spacy_alone_sets_no_paragraph_breaks():
    assert "newsgraph_paragraphs" in load_spacy().pipe_names
    assert "newsgraph_paragraphs" not in SpacyBackbone.fresh_nlp(fast=False).pipe_names
