"""The geo evaluation task: GeoWebNews reading and scoring."""

from __future__ import annotations

import pytest

from newsgraph.eval.tasks import geo


def _article(text, toponyms):
    article = geo.GeoArticle(id="a", text=text)
    article.toponyms = toponyms
    return article


def test_eval_geo_score_counts_strict_overlap_and_distance():
    text = "Rain fell on Paris and Lyon; the city was quiet."
    gold = [
        geo.GoldToponym(13, 18, "Literal", None, 48.85, 2.35),
        geo.GoldToponym(23, 27, "Literal", None, 45.75, 4.85),
        geo.GoldToponym(33, 37, "Literal_Expression", None, None, None),  # not a toponym
    ]
    preds = [(13, 18, 48.85, 2.35), (22, 27, 40.0, -80.0)]  # exact; overlapping but far off
    scores = geo.score([_article(text, gold)], [preds])
    assert scores["precision_strict"] == 0.5 and scores["recall_strict"] == 0.5
    assert scores["f1_overlap"] == 1.0
    assert scores["acc_161km"] == 0.5 and scores["coverage"] == 1.0


def test_eval_geo_adjectival_modifiers_do_not_count():
    assert not geo.GoldToponym(0, 7, "Non_Literal_Modifier", "Adjective", None, None).counts
    assert geo.GoldToponym(0, 2, "Non_Literal_Modifier", "Noun", None, None).counts
    assert not geo.GoldToponym(0, 5, "Demonym", None, None, None).counts


def test_eval_geo_task_is_registered():
    from newsgraph.eval.tasks import TASKS

    assert TASKS["geo"] == "newsgraph.eval.tasks.geo"
    assert geo.TASK.option == "--geowebnews" and geo.TASK.default_path == "geo/geowebnews"


@pytest.mark.data
def test_eval_geo_reads_geowebnews_with_valid_offsets(shared_data):
    articles = geo.read_gwn(shared_data / "geo" / "geowebnews")
    assert len(articles) == 200
    for article in articles[:20]:
        for t in article.toponyms:
            assert 0 <= t.start < t.end <= len(article.text)


@pytest.mark.data
@pytest.mark.slow
def test_eval_geo_runs_on_a_few_articles(shared_data):
    report = geo.run(shared_data / "geo" / "geowebnews", limit=5)
    assert report.counts["articles"] == 5
    assert 0.0 <= report.scores["f1_strict"] <= 1.0
    assert "spaCy NER + most populous GeoNames match" in report.baselines
