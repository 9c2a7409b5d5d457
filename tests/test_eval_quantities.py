"""The NewsQuant scorer: value and value+unit matching, and a small run on the data."""

from __future__ import annotations

import pytest

from newsgraph.eval.tasks import quantities as task


def test_eval_quantities_gold_ranges_and_scalars():
    entry = {
        "text": "x",
        "quantities": [
            {"value": "252.0-287.0", "normalized_unit": "mile"},
            {"value": "-5.0", "normalized_unit": "yard"},
            {"value": "1.99E-29", "normalized_unit": "-"},
        ],
    }
    assert task.gold_items(entry) == [
        ((252.0, 287.0), "mile", None),
        (-5.0, "yard", None),
        (1.99e-29, None, None),
    ]


def test_eval_quantities_values_match_ranges_in_either_order():
    assert task.values_match((208.0, 193.0), (193.0, 208.0))
    assert not task.values_match((1.0, 2.0), 1.0)
    assert task.values_match(40000.0, 40000.0000001)


def test_eval_quantities_units_match_names_and_objects():
    assert task.units_match("dollar per barrel", "dollar per barrel", None)
    assert task.units_match("member country", None, "countries")
    assert task.units_match("commercial fisherman", None, "fishermen")
    assert task.units_match(None, None, None)
    assert not task.units_match("mile", "kilometre", None)


def test_eval_quantities_scores():
    gold = [[(5.0, "percentage", None), (3.0, "troop", None)]]
    pred = [[(5.0, "percentage", None), (3.0, None, "soldiers"), (9.0, None, None)]]
    scores = task.f1_scores(list(zip(gold, pred)))
    assert scores["value_recall"] == 1.0 and scores["value_precision"] == round(2 / 3, 4)
    assert scores["value_unit_recall"] == 0.5


@pytest.fixture(scope="module")
def newsquant_report(shared_data):
    return task.run(shared_data / task.TASK.default_path, limit=15)


@pytest.mark.data
def test_eval_quantities_runs_on_newsquant(newsquant_report):
    assert newsquant_report.counts["sentences"] == 15
    assert 0.0 <= newsquant_report.scores["value_f1"] <= 1.0


@pytest.mark.data
def test_eval_quantities_compares_with_quantulum3(newsquant_report):
    pytest.importorskip("quantulum3", reason="the optional quantulum3 comparison is not installed (newsgraph[dev])")
    assert set(newsquant_report.baselines["quantulum3"]) >= {"value_f1", "value_unit_f1"}


def test_eval_quantities_split_scores_hold_out_one_fold():
    gold = [[(float(i), None, None)] for i in range(10)]
    pred = [[(float(i), None, None)] for i in range(10)]
    from newsgraph.eval.tasks.geo_cv import folds

    held = set(folds(10, task.FOLDS, task.SEED)[0])
    pred = [[] if i in held else p for i, p in enumerate(pred)]  # miss only the held-out fold
    scores = task.split_scores(gold, pred)
    assert scores["heldout_value_f1"] == 0.0 and scores["tune_value_f1"] == 1.0


def test_eval_quantities_item_keeps_per_in_unit_names():
    from newsgraph.pipeline.components.quantities.lexicon import load
    from newsgraph.record import Quantity

    q = Quantity(start=0, end=5, value=4.0, unit="parts per billion", component="x")
    assert task._item(q, load().by_unit)[1] == "parts-per-billion"


@pytest.mark.data
def test_eval_quantities_cqe_units_accuracy(shared_data):
    path = shared_data / "quantities" / "cqe-units" / "sentences_test.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the cqe-units data set of ../shared/data)")
    accuracy, notes = task.cqe_units_accuracy(path)
    assert 0.5 <= accuracy <= 1.0 and "175 sentences" in notes[0]


def test_eval_quantities_singular_keeps_words_ending_in_us():
    assert task.units_match("virus", None, "viruses")
    assert task.units_match("campus", None, "campuses")
    assert task.units_match("glass", None, "glasses")


def test_eval_quantities_cqe_unit_counts_a_rate_of_it():
    assert task._names_unit("knot per hour", "knot")
    assert task._names_unit("croatian kuna", "croatian kuna")
    assert not task._names_unit("knot", "croatian kuna")
    assert not task._names_unit(None, "knot")


def test_eval_quantities_kfold_scores_average_the_folds():
    from newsgraph.eval.tasks.geo_cv import folds

    gold = [[(float(i), None, None)] for i in range(10)]
    held = set(folds(10, task.FOLDS, task.SEED)[0])
    pred = [[] if i in held else [(float(i), None, None)] for i in range(10)]
    scores = task.split_scores(gold, pred)
    assert scores["kfold_value_f1"] == 0.8  # four folds right, one wrong
    assert scores["kfold_min_value_f1"] == 0.0 and scores["kfold_min_value_unit_f1"] == 0.0


@pytest.mark.data
def test_eval_quantities_bbc_gold_matches_the_corpus(shared_data):
    root = shared_data / task.BBC_CORPUS
    if not root.is_dir():
        pytest.skip(f"BBC corpus not found at {root}")
    entries, texts = task.read_bbc_gold(root)
    assert len(entries) == 190 and len(texts) == 49
    for entry in entries:
        for q in entry["quantities"]:
            surface = texts[entry["article"]][q["start"] : q["end"]]
            assert surface.strip() == surface and any(c.isalnum() for c in surface)


@pytest.mark.data
def test_eval_quantities_second_bbc_gold_matches_the_corpus_and_shares_no_article(shared_data):
    root = shared_data / task.BBC_CORPUS
    if not root.is_dir():
        pytest.skip(f"BBC corpus not found at {root}")
    entries, texts = task.read_bbc_gold(root, task.BBC_GOLD2)
    assert len(entries) == 164 and len(texts) == 44
    assert not set(texts) & set(task.read_bbc_gold(root)[1])
    for entry in entries:
        for q in entry["quantities"]:
            surface = texts[entry["article"]][q["start"] : q["end"]]
            assert entry["start"] <= q["start"] < q["end"] <= entry["end"]
            assert surface.strip() == surface and any(c.isalnum() for c in surface)
