"""The cleaner on the project's reference article (read at test time, never copied) and
on the synthetic examples in examples/articles/."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.pipeline.components.clean import Cleaner

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def _kinds(doc) -> dict[str, list]:
    out: dict[str, list] = {}
    for noise in doc.noise:
        out.setdefault(noise.kind, []).append(noise)
    return out


def test_clean_reference_article_noise(make_doc, example_text):
    doc = Cleaner()(make_doc(example_text, published="2022-02-24"))
    kinds = _kinds(doc)
    assert len(kinds["link_list"]) == 2
    assert len(kinds["boilerplate"]) == 1
    for removed in kinds["link_list"] + kinds["boilerplate"]:
        assert removed.start is None and removed.text not in doc.text
        assert example_text[removed.raw_start : removed.raw_end] == removed.text
    (dateline,) = kinds["dateline"]
    assert dateline.start == 0 and doc.metadata.dateline == "BRUSSELS"
    (garbled,) = kinds["garbled"]
    assert garbled.suggestion == "during"
    (caption,) = kinds["caption"]
    (credit,) = kinds["credit"]
    assert caption.start <= garbled.start < caption.end
    assert credit.start >= caption.end and doc.text[credit.start] == "("
    (meta,) = doc.metadata.captions
    assert meta.date == "2021-06-14" and meta.credit and meta.credit.startswith("AP Photo/")
    assert doc.metadata.published == "2022-02-24"
    for noise in doc.noise:
        if noise.start is not None:
            assert doc.text[noise.start : noise.end] == noise.text


def test_clean_reference_article_verbatim(make_doc, example_text):
    doc = Cleaner()(make_doc(example_text, clean=False))
    assert doc.text == example_text
    kinds = _kinds(doc)
    assert len(kinds["link_list"]) == 2 and len(kinds["garbled"]) == 1
    assert all(n.start is not None for n in doc.noise)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("alliance-summit.txt", {"link_list": 2, "boilerplate": 1, "dateline": 1, "caption": 1, "credit": 1, "garbled": 1}),
        ("city-council.txt", {"byline": 1, "boilerplate": 4, "dateline": 1}),
        ("port-strike.txt", {"dateline": 1}),
    ],
)
def test_clean_reference_synthetic_examples(make_doc, name, expected):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    doc = Cleaner()(make_doc(text))
    assert {kind: len(items) for kind, items in _kinds(doc).items()} == expected
    assert doc.metadata.dateline
