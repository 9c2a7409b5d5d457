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
