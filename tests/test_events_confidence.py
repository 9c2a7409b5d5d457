"""Events: the generated CAMEO lexicon, object-phrase matching, confidence and its evaluation."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import ConfigError
from newsgraph.eval.tasks.events import calibration
from newsgraph.pipeline.components.events import EventCoder, confidence, lexicon

ROOT = Path(__file__).resolve().parents[1]


def _builder():
    spec = importlib.util.spec_from_file_location("build_event_lexicon", ROOT / "scripts" / "build_event_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_events_lexicon_tables_load_in_order_hand_then_cameo():
    rows = lexicon.load()[("attack", "VERB")]
    origins = [row.origin for row in rows]
    assert origins[0] == "hand" and "cameo" in origins
    assert origins == sorted(origins, key=lambda o: o != "hand")


def test_events_lexicon_object_phrase_needs_all_its_words():
    row = lexicon.Trigger("AID", None, "rush", "VERB", frozenset({"arms shipment", "relief"}), "072")
    assert lexicon._wanted_object({"arms", "shipment", "new"}, row)
    assert lexicon._wanted_object({"relief"}, row)
    assert not lexicon._wanted_object({"shipment"}, row)


def test_events_lexicon_builder_maps_cameo_codes_to_plover(tmp_path):
    build = _builder()
    (tmp_path / "petrarch2-dictionaries").mkdir()
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(
        "138: THREATEN, violence, military # Threaten with military force\n"
        "190: ASSAULT, , military # Use conventional military force\n"
        "072: AID,   ,   military # Provide military aid\n"
    )
    (tmp_path / "petrarch2-dictionaries" / "CAMEO.2.0.txt").write_text(
        "&WEAPON\n+RIFLE\n+TANK\n\n####### VERB PATTERNS #######\n\n"
        "---  STRAFE   [190]  ---\nSTRAFE\nBLITZ\n\n"
        "---  SHIP   [---]  ---\nSHIP\n- * &WEAPON [072]\n- * {ARMS SHIPMENTS} [072]\n- &MILITARY * [138]\n"
        "- * ( TO ^) [072]\n"
        "---  HOPE   [020]  ---\nHOPE\n"
    )
    rows = [text.split("\t") for _, text in build.rows(tmp_path)]
    by_verb = {(r[2], r[4]): r for r in rows}
    assert by_verb[("strafe", "-")][0] == "ASSAULT" and by_verb[("blitz", "-")][5] == "190"
    assert by_verb[("ship", "arm shipment")][0] == "AID"  # a braced phrase keeps its words, as lemmas
    assert by_verb[("ship", "rifle;tank")][0] == "AID"  # a synset expands
    assert ("ship", "-") not in by_verb  # null block code, and a subject-only pattern: no bare row
    assert ("hope", "-") not in by_verb  # a composition default (HOPE) is no event by itself
    assert rows.index(by_verb[("ship", "arm shipment")]) < rows.index(by_verb[("ship", "rifle;tank")])


def test_events_confidence_model_scores_in_unit_interval_and_fits_a_signal():
    rows = [{"bias": 1.0, "noun": float(i % 2)} for i in range(40)]
    labels = [i % 2 == 0 or i % 7 == 0 for i in range(40)]
    model = confidence.Model(confidence.fit(rows, labels))
    verb, noun = model.score({"bias": 1.0, "noun": 0.0}), model.score({"bias": 1.0, "noun": 1.0})
    assert 0.0 <= noun < verb <= 1.0


def test_events_confidence_bad_weights_file_is_a_coded_error(tmp_path):
    broken = tmp_path / "weights.json"
    broken.write_text("{not json")
    with pytest.raises(ConfigError) as err:
        EventCoder(confidence_path=str(broken))
    assert str(broken) in str(err.value)


def test_events_carry_confidence_and_the_threshold_filters():
    record = newsgraph.analyze("Rebels attacked a police station in Gao on Monday.", published="2031-03-14")
    (event,) = [e for e in record.events if e.type == "ASSAULT"]
    assert 0.0 < event.confidence <= 1.0
    assert event.confidence >= confidence.load().threshold


def test_events_calibration_error_and_reliability_table():
    pairs = [(0.9, True)] * 9 + [(0.9, False)] + [(0.3, False)] * 2 + [(0.3, True)]
    error, lines = calibration(pairs, buckets=5)
    assert error == pytest.approx((10 * 0.0 + 3 * abs(0.3 - 1 / 3)) / 13, abs=1e-4)
    assert len(lines) == 2 and "10 events" in lines[1]
