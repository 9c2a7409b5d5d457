"""bench/throughput.py: article selection, component timing and the result it reports
(without spaCy: synthetic corpora and hand-built components)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.pipeline import Pipeline

BENCH = Path(__file__).resolve().parents[1] / "bench" / "throughput.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_throughput", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def corpus(tmp_path):
    """Three topics of uneven size; one file carries a byte that is not UTF-8."""
    for topic, count in (("b-sport", 3), ("a-business", 2), ("c-tech", 1)):
        (tmp_path / topic).mkdir()
        for i in range(count, 0, -1):  # written in reverse to show the selection sorts
            (tmp_path / topic / f"{i:03}.txt").write_text(f"{topic} title {i}\n\nBody of {topic} {i}.\n")
    (tmp_path / "b-sport" / "002.txt").write_bytes(b"Odd title\n\nCost \xa3 5 million.\n")
    (tmp_path / "README").write_text("not a topic")
    return tmp_path


def test_bench_throughput_selection_interleaves_sorted_topics(bench, corpus):
    articles = bench.select_articles(corpus, 100)
    assert [a.id for a in articles] == [
        "a-business/001", "b-sport/001", "c-tech/001",
        "a-business/002", "b-sport/002",
        "b-sport/003",
    ]
    assert bench.select_articles(corpus, 4) == articles[:4]


def test_bench_throughput_splits_title_and_replaces_bad_bytes(bench, corpus):
    first, odd = bench.select_articles(corpus, 5)[0], bench.select_articles(corpus, 5)[4]
    assert first.title == "a-business title 1" and first.body == "Body of a-business 1."
    assert odd.title == "Odd title" and odd.body == "Cost \ufffd 5 million." and odd.words == 4


class _Upper(Component):
    name = "test.upper.v1"
    requires = ("text",)
    assigns = ("extras.upper",)

    def __call__(self, doc):
        doc.extras["upper"] = doc.text.upper()
        return doc


class _Count(Component):
    name = "test.count.v1"
    requires = ("extras.upper",)
    assigns = ("extras.n",)

    def __call__(self, doc):
        doc.extras["n"] = len(doc.extras["upper"])
        return doc


def test_bench_throughput_times_every_component_and_restores_pipe(bench):
    pipeline = Pipeline([_Upper(), _Count()], batch_size=2)
    inputs = [InputDoc(id=str(i), text=f"text {i}") for i in range(5)] + [InputDoc(id="empty", text=" ")]
    totals: dict = {}
    spent, failures = bench.time_pipeline(pipeline, inputs, totals)
    assert failures == 1  # the blank input
    assert set(totals) == {"test.upper.v1", "test.count.v1"}
    assert all(t.cpu >= 0 and t.wall >= 0 for t in totals.values()) and spent.wall > 0
    assert all("pipe" not in vars(c) for c in pipeline.components)
    assert not any(isinstance(r, Failure) for r in pipeline.pipe(inputs[:2]))


def test_bench_throughput_summary_ratios_and_report(bench):
    articles = [bench.Article(id=str(i), title="t", body="one two three four") for i in range(10)]
    spent = {
        "spacy_newsgraph_default": bench.Spent(wall=8.0, cpu=4.0),
        "spacy_stock": bench.Spent(wall=7.0, cpu=3.5),
        "newsgraph": bench.Spent(wall=10.0, cpu=5.0),
    }
    parts = {"newsgraph.spacy.v1": bench.Spent(8.0, 4.0), "newsgraph.quotes.v1": bench.Spent(1.5, 0.8)}
    result = bench.summarize(articles, spent, parts, 0, {"batch_size": 32, "warmup": 2, "chunk": 5})
    assert result["ratio"] == 0.8 and result["ratio_cpu"] == 0.8 and result["ratio_vs_stock"] == 0.7
    assert result["newsgraph"]["articles_per_s"] == 1.0 and result["newsgraph"]["words_per_s"] == 4
    assert result["components"][bench.OVERHEAD] == {"seconds": 0.5, "cpu_seconds": 0.2}
    result["peak_rss_mb"] = {"after_load_and_warmup": 300, "end": 400}
    env = {"model": "m", "spacy": "3.8", "cpus": 2, "components": ["a"], "spacy_pipes": ["x"]}
    result["environment"] = env
    text = bench.render(result)
    assert "BELOW the 0.85 target" in text and "newsgraph.quotes.v1" in text and "peak RSS 400 MiB" in text
    assert "ratio_vs_backbone" not in result and "backbone alone" not in text


def test_bench_throughput_ratio_to_the_backbone_alone(bench):
    """The backbone (spaCy with newsgraph's faster components) is timed on its own too:
    its ratio says what the extractors add, apart from the target ratio."""
    articles = [bench.Article(id=str(i), title="t", body="one two three four") for i in range(10)]
    spent = {
        "spacy_newsgraph_default": bench.Spent(wall=9.0, cpu=9.0),
        "spacy_stock": bench.Spent(wall=9.0, cpu=9.0),
        "spacy_newsgraph_backbone": bench.Spent(wall=8.0, cpu=8.0),
        "newsgraph": bench.Spent(wall=10.0, cpu=10.0),
    }
    result = bench.summarize(articles, spent, {}, 0, {"batch_size": 32, "warmup": 2, "chunk": 5})
    assert result["ratio"] == 0.9 and result["ratio_vs_backbone"] == 0.8 and result["ratio_vs_backbone_cpu"] == 0.8
    result["peak_rss_mb"] = {"after_load_and_warmup": 300, "end": 400}
    result["environment"] = {"model": "m", "spacy": "3.8", "cpus": 2, "components": ["a"], "spacy_pipes": ["x"]}
    text = bench.render(result)
    assert "meets the 0.85 target" in text and "newsgraph backbone alone" in text
    assert "full / backbone alone (what the extractors and records add): 0.80 wall" in text
