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


def test_eval_geo_folds_are_disjoint_cover_every_article_and_are_fixed():
    from newsgraph.eval.tasks import geo_cv

    folds = geo_cv.folds(23)
    assert len(folds) == 5 and sorted(i for f in folds for i in f) == list(range(23))
    assert folds == geo_cv.folds(23)
    assert geo_cv.folds(3) == sorted(geo_cv.folds(3))  # fewer articles than folds: one each
    assert len(geo_cv.folds(3)) == 3


def test_eval_geo_reliability_table_and_expected_calibration_error():
    from newsgraph.eval.tasks import geo_cv

    confidences = [(0.95, True)] * 9 + [(0.95, False)] + [(0.3, True)] + [(0.3, False)] * 3
    ece, table = geo_cv.reliability(confidences)
    assert [(b, n) for b, n, _, _ in table] == [("0.2-0.4", 4), ("0.9-1.0", 10)]
    assert table[1][3] == 0.9
    assert ece == pytest.approx((10 * 0.05 + 4 * 0.05) / 14, abs=1e-4)


def test_eval_geo_per_class_scores_and_error_distribution():
    text = "Rain fell on Ruritania and on Elm Street."
    gold = [
        geo.GoldToponym(13, 22, "Literal", None, 10.0, 10.0, geonames_id=None),  # no id: facility class
        geo.GoldToponym(30, 40, "Literal", None, 10.0, 10.0, geonames_id=None),
    ]
    preds = [(13, 22, 10.0, 10.0), (30, 40, 20.0, 20.0)]
    scores = geo.score([_article(text, gold)], [preds])
    assert scores["facilities_n"] == 2 and scores["facilities_acc_161km"] == 0.5
    assert scores["share_error_within_1km"] == 0.5 and scores["share_error_within_2000km"] == 1.0
