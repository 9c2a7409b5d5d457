"""The CoNLL-2003 entity evaluation: reader, label mapping, scorer, and a run on real data."""

from __future__ import annotations

import pytest

from newsgraph.eval.tasks.ner import TASK, parse_conll, score, to_conll

# Synthetic snippets in CoNLL-2003 layout (token POS chunk NER), IOB1 tags.
SNIPPET = """-DOCSTART- -X- O O

VELMORA NNP I-NP I-ORG
WIN VB I-VP O
IN IN I-PP O
OSTRAVIK NNP I-NP I-LOC
. . O O

Anka NNP I-NP I-PER
Trebic NNP I-NP I-PER
B-Delgado NNP I-NP B-PER
scored VBD I-VP O
. . O O

-DOCSTART- -X- O O

The DT I-NP O
Kestrel NNP I-NP I-MISC
Cup NNP I-NP I-MISC
ended VBD I-VP O
"""


def _docs():
    return list(parse_conll(SNIPPET.splitlines()))


def test_eval_ner_reader_splits_documents_and_sentences():
    first, second = _docs()
    assert first.text == "VELMORA WIN IN OSTRAVIK .\nAnka Trebic B-Delgado scored ."
    assert second.text == "The Kestrel Cup ended"
    assert len(first.tokens) == 10


def test_eval_ner_reader_offsets_index_the_text():
    first, second = _docs()
    found = {(first.text[s:e], kind) for s, e, kind in first.entities}
    assert found == {("VELMORA", "ORG"), ("OSTRAVIK", "LOC"), ("Anka Trebic", "PER"), ("B-Delgado", "PER")}
    assert [(second.text[s:e], k) for s, e, k in second.entities] == [("Kestrel Cup", "MISC")]


def test_eval_ner_reader_iob1_b_tag_splits_adjacent_entities():
    (doc,) = parse_conll(["Ana X X I-PER", "Bo X X B-PER", "Cy X X I-PER", "and X X O", "Di X X I-LOC"])
    assert [doc.text[s:e] for s, e, _ in doc.entities] == ["Ana", "Bo Cy", "Di"]


def test_eval_ner_reader_type_change_starts_new_entity():
    (doc,) = parse_conll(["Red X X I-ORG", "Town X X I-LOC"])
    assert [(doc.text[s:e], k) for s, e, k in doc.entities] == [("Red", "ORG"), ("Town", "LOC")]


def test_eval_ner_mapping_from_ontonotes():
    mapped = to_conll([(0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "FAC"), (6, 7, "NORP"), (8, 9, "DATE")])
    assert mapped == {(0, 1, "PER"), (2, 3, "LOC"), (4, 5, "LOC"), (6, 7, "MISC")}


def test_eval_ner_score_exact_match_per_type_and_micro():
    gold = [{(0, 5, "PER"), (6, 10, "ORG"), (11, 15, "LOC"), (16, 20, "MISC")}]
    predicted = [{(0, 5, "PER"), (6, 10, "LOC"), (11, 14, "LOC"), (16, 20, "MISC")}]
    scores = score(gold, predicted)
    assert scores["f1_PER"] == 1.0
    assert scores["f1_ORG"] == 0.0
    assert scores["recall_LOC"] == 0.0
    # PER/ORG/LOC: 1 true positive, 2 false positives, 2 misses.
    assert scores["precision_per_org_loc"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["recall_per_org_loc"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["f1_all"] == pytest.approx(0.5)


def test_eval_ner_score_empty_is_zero_not_error():
    assert score([set()], [set()])["f1_per_org_loc"] == 0.0


def test_eval_ner_task_declares_its_data():
    assert TASK.name == "ner"
    assert TASK.option == "--conll"
    assert TASK.default_path == "ner/conll2003/eng.testa"


@pytest.mark.data
@pytest.mark.slow
def test_eval_ner_run_on_testa_documents(shared_data):
    report = TASK.run(shared_data / TASK.default_path, limit=8)
    assert report.counts["documents"] == 8
    assert report.data_hash
    alone = report.baselines["spacy en_core_web_sm"]
    assert set(report.scores) == set(alone)
    assert report.scores["f1_per_org_loc"] > alone["f1_per_org_loc"]
