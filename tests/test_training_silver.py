"""training/convert.py's silver BBC news: the corpus halves, the second opinion's retypings
read from two entity dumps, and chunks relabelled from them (synthetic texts)."""

from __future__ import annotations

import hashlib
import json

import pytest
import spacy

from training.convert import bbc_half, retypings, silver_news_examples


def _paths(half: str, n: int) -> list[str]:
    found = [f"tech/{i:03d}.txt" for i in range(1, 200) if bbc_half(f"tech/{i:03d}.txt") == half]
    return found[:n]


def test_bbc_half_is_the_parity_of_the_paths_sha1():
    paths = [f"sport/{i:03d}.txt" for i in range(1, 41)]
    halves = {p: bbc_half(p) for p in paths}
    assert set(halves.values()) == {"train", "measure"}
    for p, half in halves.items():
        assert (half == "train") == (hashlib.sha1(p.encode()).digest()[0] % 2 == 0)


def _dump(path, rows):
    path.write_text("".join(json.dumps({"a": a, "name": n, "type": t}) + "\n" for a, n, t in rows))


def test_retypings_are_the_names_typed_differently(tmp_path):
    one, two = _paths("train", 2)
    _dump(tmp_path / "b", [(one, "Nintendo", "PERSON"), (one, "Blair", "PERSON"), (two, "Nokia", "GPE")])
    _dump(tmp_path / "a", [(one, "Nintendo", "ORG"), (one, "Blair", "PERSON"), (two, "Nokia", "ORG")])
    assert retypings(tmp_path / "b", tmp_path / "a") == {
        one: {("nintendo", "PERSON"): "ORG"},
        two: {("nokia", "GPE"): "ORG"},
    }


def test_retypings_refuse_the_measurement_half(tmp_path):
    (held,) = _paths("measure", 1)
    _dump(tmp_path / "b", [(held, "Nintendo", "PERSON")])
    _dump(tmp_path / "a", [(held, "Nintendo", "ORG")])
    with pytest.raises(ValueError, match="measurement half"):
        retypings(tmp_path / "b", tmp_path / "a")


@pytest.fixture
def ner():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "PERSON", "pattern": w} for w in ("Zorblax", "Quenby")]
        + [{"label": "DATE", "pattern": "Monday"}]
    )
    return nlp


def test_silver_chunks_relabel_retyped_names_only_where_retyped(tmp_path, ner):
    one, two, three = _paths("train", 3)
    texts = {
        one: "Zorblax earned more on Monday.\n\nQuenby said so.",
        two: "Zorblax sang on Monday.",
        three: "Nothing named here.",
    }
    for path, text in texts.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    retyped = {one: {("zorblax", "PERSON"): "ORG"}}
    examples, changed = silver_news_examples(ner, tmp_path, [one, two, three], retyped, n_chunks=2)
    assert changed == 1 and len(examples) == 2
    labelled = [{(e.text, e.label_) for e in ex.reference.ents} for ex in examples]
    assert {("Zorblax", "ORG"), ("Quenby", "PERSON"), ("Monday", "DATE")} in labelled
    for ex in examples:
        for e in ex.reference.ents:
            assert ex.reference.text[e.start_char : e.end_char] == e.text
    only_retyped, _ = silver_news_examples(ner, tmp_path, [one, two, three], retyped, n_chunks=0)
    assert [ex.reference.text for ex in only_retyped] == [texts[one]]


def test_silver_chunks_refuse_the_measurement_half(tmp_path, ner):
    (held,) = _paths("measure", 1)
    with pytest.raises(ValueError, match="measurement half"):
        silver_news_examples(ner, tmp_path, [held], {}, n_chunks=1)


def test_silver_chunks_leave_out_copies_of_measurement_articles(tmp_path, ner):
    (one,) = _paths("train", 1)
    (held,) = _paths("measure", 1)
    for path in (one, held):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("Zorblax wins\n\nZorblax sang on Monday.")
    examples, _ = silver_news_examples(ner, tmp_path, [one], {}, n_chunks=5)
    assert examples == []
