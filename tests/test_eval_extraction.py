"""The extraction evaluation: gold parsing and scoring on synthetic pages, and a small
run on ../shared/data/extraction."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.eval.tasks import extraction
from newsgraph.eval.tasks.extraction import TASK, _Scores, gold_tokens

PAGE = """<!doctype html><html><head><title>Ferry service resumes</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Ferry service resumes</h1>
<p>The island ferry resumed its daily crossings on Saturday after a week of storms kept the
boats in harbour, the operator said.</p>
<p>Passengers who missed sailings can rebook without charge until the end of the month.</p>
<p>Share this article</p>
</article><footer>Contact us | Privacy</footer></body></html>"""


def test_eval_extraction_task_shape():
    assert TASK.name == "extraction" and TASK.option == "--data" and TASK.default_path == "extraction"


def test_eval_extraction_gold_uses_full_text_class_only(tmp_path):
    gold = tmp_path / "g.txt"
    gold.write_text(
        '<html><body><span class="x-nc-sel1">Headline here</span>'
        '<span class="x-nc-sel2">Body words <b>stay</b></span><span class="x-nc-sel0">Menu</span>'
        '<span class="x-nc-sel2">more body</span></body></html>'
    )
    assert gold_tokens(gold) == Counter({"body": 2, "words": 1, "stay": 1, "more": 1})
    plain = tmp_path / "r.txt"
    plain.write_text("<div><p>Plain <a href='#'>gold</a> text</p><script>var x;</script></div>")
    assert gold_tokens(plain) == Counter({"plain": 1, "gold": 1, "text": 1})


def test_eval_extraction_scores_macro_and_micro():
    scores = _Scores()
    scores.add(Counter({"a": 1, "b": 1}), Counter({"a": 1, "c": 1}))
    scores.add(Counter(), Counter({"x": 2}))
    summary = scores.summary()
    assert summary["precision"] == 0.25 and summary["recall"] == 0.25
    assert summary["micro_precision"] == 0.5 and summary["micro_recall"] == 0.25
    assert scores.empty == 1


def test_eval_extraction_newsgraph_drops_furniture():
    text = extraction.newsgraph_text(PAGE.encode())
    assert "island ferry resumed" in text and "Share this article" not in text


@pytest.mark.data
def test_eval_extraction_small_run(shared_data):
    report = TASK.run(shared_data / "extraction", limit=3)
    assert report.counts["pages"] == 6
    assert set(report.baselines) == {"trafilatura"}
    assert 0 < report.scores["f1"] <= 1 and len(report.data_hash) == 16
