"""The BBC labels and the confidence recipe's pieces (events_gate): data shape, folds grouped
by article, calibration that keeps the ranking, the threshold rule."""

import math

import pytest

from newsgraph.errors import EvalError
from newsgraph.eval.tasks import events_gate as gate
from newsgraph.pipeline.components.events import confidence


def test_labels_load_and_hold_no_corpus_text():
    labels = gate.load_labels()
    assert len(labels) >= 150
    assert {label.seed for label in labels} >= {31, 2026, 97, 5, 7}
    verdicts = {}
    for label in labels:  # an event labelled in two samples has one verdict
        assert verdicts.setdefault((label.article, label.start, label.type), label.right) == label.right
    for label in labels:
        assert label.end > label.start >= 0
        assert len(label.trigger.split()) <= 3  # a trigger word, never a sentence
        assert label.type in confidence.TYPES


def test_malformed_label_line_names_file_and_line(tmp_path):
    path = tmp_path / "labels.tsv"
    path.write_text("seed\tn\tarticle\tstart\tend\ttrigger\ttype\tverdict\n31\t0\ta.txt\t1\t2\tx\tAID\tmaybe\n")
    with pytest.raises(EvalError, match="labels.tsv:2"):
        gate.load_labels(path)


def test_folds_keep_an_article_together():
    groups = ["a", "b", "a", "c", "b", "d", "e", "f"]
    folds = gate.grouped_folds(groups, 3)
    for group in set(groups):
        assert len({f for g, f in zip(groups, folds) if g == group}) == 1
    assert set(folds) == {0, 1, 2}


def test_platt_keeps_ranking_and_calibrates():
    # logits whose true probability is sigmoid(z / 2): the fit should find a scale near 0.5
    pairs = []
    for i in range(-40, 41):
        z = i / 10
        p = 1 / (1 + math.exp(-z / 2))
        pairs += [(z, True)] * round(100 * p) + [(z, False)] * round(100 * (1 - p))
    scale, shift = gate.platt(pairs)
    assert scale > 0
    assert abs(scale - 0.5) <= 0.05 and abs(shift) <= 0.1


def test_threshold_rule_reaches_precision_and_respects_ceiling():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]
    rights = [True, True, True, False, True, False, False]
    chosen = gate.choose_threshold(scores, rights)
    precision, _, _ = gate.precision_recall(scores, rights, chosen)
    assert precision >= gate.MIN_BBC_PRECISION
    assert gate.choose_threshold(scores, rights, ceiling=0.35) <= 0.35
    assert gate.plover_ceiling([[0.9, 0.4], [0.7], []]) == 0.7


def test_news_threshold_reaches_precision_on_ordinary_news_only():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.35]
    rights = [True, True, True, False, False, True, False]
    news = [True, True, True, True, True, False, True]
    chosen = gate.choose_news_threshold(scores, rights, news, threshold=0.3)
    assert chosen == 0.51  # the world-affairs event at 0.4 stays kept, the news ones below 0.51 go
    model = confidence.Model({}, 0.3, chosen)
    precision, recall, kept = gate.kept_precision_recall(model, scores, rights, news)
    assert precision >= gate.MIN_BBC_PRECISION and kept == 5 and recall == 1.0
    assert model.threshold_for({"off_topic": 1.0}) == chosen and model.threshold_for({}) == 0.3


def test_shipped_weights_cover_the_context_features():
    model = confidence.load()
    assert 0.2 <= model.threshold <= 0.9
    assert model.news_threshold is not None and model.threshold <= model.news_threshold <= 0.9
    assert any(name in model.weights for name in ("obj_thing", "habitual", "court_sentence"))
    assert any(name.startswith("off_topic") for name in model.weights)
    assert all(name in confidence.FEATURES for name in model.weights)


def test_article_topic_needs_enough_words_and_prefers_world_on_ties():
    from newsgraph.pipeline.components.events import features

    assert features.topic({"business": 1, "world": 0}) is None
    assert features.topic({"business": 4, "world": 2}) == "business"
    assert features.topic({"business": 3, "world": 3}) == "world"
