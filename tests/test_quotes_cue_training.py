"""The tools behind the cue model's BBC labels: sampling learned-cue records
(``scripts/bbc_learned_cues.py``) and weighting labelled examples in training
(``scripts/train_quote_cues.py``), on synthetic rows."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return module


def test_passage_marks_the_cue_within_its_paragraph():
    learned = _script("bbc_learned_cues")
    text = "Headline\n\nThe striker blasted over the bar. Fans groaned.\n\nNext paragraph."
    start = text.index("blasted")
    assert learned.passage(text, start, start + 7) == "The striker [[blasted]] over the bar. Fans groaned."


def test_sample_takes_each_cue_once_and_at_most_per_article(tmp_path):
    learned = _script("bbc_learned_cues")
    rows = []
    for article in ("sport/001.txt", "sport/002.txt", "tech/003.txt"):
        for cue_start in (10, 40, 80):
            # Two records share each cue (a quote split around it).
            rows += [{"article": article, "cue_start": cue_start, "part": k} for k in (0, 1)]
    dump, out = tmp_path / "dump.jsonl", tmp_path / "items.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    learned.sample(str(dump), str(out), n=5, seed=3, per_article=2)
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(items) == 5 and [i["id"] for i in items] == list(range(5))
    keys = [(i["article"], i["cue_start"]) for i in items]
    assert len(set(keys)) == 5
    assert all(sum(a == article for a, _ in keys) <= 2 for article in {a for a, _ in keys})


def test_fit_sample_weight_moves_the_model_toward_the_weighted_examples():
    train = _script("train_quote_cues")
    # The same features, labelled both ways: the weighted label wins.
    rows = [["l=blast", "o=over|bar"]] * 6
    y = np.array([1, 1, 1, 0, 0, 0], dtype=float)

    def probability(weights, bias):
        return 1 / (1 + np.exp(-(bias + weights["l=blast"] + weights["o=over|bar"])))

    even = probability(*train.fit(rows, y, min_count=1, l2=1.0))
    heavy = probability(*train.fit(rows, y, min_count=1, l2=1.0, sample_weight=[1, 1, 1, 10, 10, 10]))
    assert abs(even - 0.5) < 0.05
    assert heavy < 0.15


def test_bbc_cue_checks_score_records_still_found_and_count_the_gone(tmp_path):
    import hashlib
    from types import SimpleNamespace

    from newsgraph.eval.tasks import quote_cue_checks

    text = "The striker blasted over the bar. The manager blasted the referee. Fans fear relegation."
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "001.txt").write_text(text, encoding="utf-8")
    sha1 = hashlib.sha1(text.encode()).hexdigest()[:12]
    entries = [
        ("blasted over", "no"),  # still found: a wrong cue the model keeps
        ("blasted the", "yes"),  # still found: a right one
        ("fear", "yes"),  # gone: a right cue the model no longer finds
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(
        json.dumps({"article": "sport/001.txt", "sha1": sha1, "cue_start": text.index(w), "cue_end": text.index(w) + 7, "label": label}) + "\n"
        for w, label in entries
    ), encoding="utf-8")
    found = {(text.index("blasted over"), 7): 0.72, (text.index("blasted the"), 7): 0.95}

    def analyse(texts):
        assert texts == {"sport/001.txt": text}
        quotes = [SimpleNamespace(cue=SimpleNamespace(start=s, end=s + n), cue_confidence=c) for (s, n), c in found.items()]
        return {"sport/001.txt": SimpleNamespace(quotes=quotes)}

    scores, counts, files = quote_cue_checks.scores(tmp_path, analyse, gold)
    assert scores == {"bbc_cues_precision": 0.5, "bbc_cues_kept": 0.5}
    assert {k: v for k, v in counts.items() if "conf" not in k} == {"bbc_cues_yes": 1, "bbc_cues_no": 1, "bbc_cues_gone_yes": 1, "bbc_cues_gone_no": 0}
    assert counts["bbc_cues_conf70_no"] == counts["bbc_cues_conf90_yes"] == 1 and sum(v for k, v in counts.items() if "conf" in k) == 2
    assert files[-1] == gold
    # A cue that has since grown to take in the words before the labelled one ("Fans fear",
    # as "voiced concerns" holds "concerns") still holds it.
    found[(text.index("Fans fear"), len("Fans fear"))] = 0.8
    scores, counts, _ = quote_cue_checks.scores(tmp_path, analyse, gold)
    assert scores == {"bbc_cues_precision": round(2 / 3, 4), "bbc_cues_kept": 1.0}


@pytest.mark.slow
def test_the_shipped_cue_model_is_its_recipes_output(shared_data, tmp_path):
    """``scripts/train_quote_cues.py`` on today's parses writes the shipped model and
    non-holder list byte for byte. The features come from the parse, so a change to the
    backbone or the tokens can leave the shipped file behind its recipe (it had drifted by
    the thirty-fifth session); retrain when this fails. 201 s on two cores."""
    import subprocess

    from newsgraph.eval.tasks.quantities import BBC_CORPUS
    from newsgraph.pipeline.components.quotes.cues import MODEL_FILE

    model, nouns = tmp_path / "cue_model.json", tmp_path / "non_holder_nouns.txt"
    subprocess.run(
        [
            sys.executable, str(ROOT / "scripts" / "train_quote_cues.py"),
            "--data", str(shared_data / "quotes" / "polnear" / "train"),
            "--bbc-corpus", str(shared_data / BBC_CORPUS),
            "--out", str(model), "--non-holders-out", str(nouns),
        ],
        check=True, capture_output=True,
    )
    assert model.read_bytes() == MODEL_FILE.read_bytes()
    assert nouns.read_bytes() == (MODEL_FILE.parent / "non_holder_nouns.txt").read_bytes()
