"""The TimeML reader and TempEval-3 scorer, and a small run on TBAQ."""

from __future__ import annotations

import pytest

from newsgraph.eval.tasks import dates as task

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">20010504</TIMEX3></DCT>
<TEXT>Rates rose <TIMEX3 tid="t1" type="DATE" value="2001-05-03">Thursday</TIMEX3> &amp; fell for
<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT></TimeML>
"""


def test_eval_dates_reads_timeml(tmp_path):
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    doc = task.read_timeml(path)
    assert doc.dct == "2001-05-04"
    assert [(doc.text[s:e], v, t) for s, e, v, t in doc.timexes] == [
        ("Thursday", "2001-05-03", "DATE"),
        ("two weeks", "P2W", "DURATION"),
    ]


def test_eval_dates_scores_strict_relaxed_value():
    gold = [[(0, 8, "2001-05-03", "DATE"), (20, 29, "P2W", "DURATION")]]
    pred = [[(0, 8, "2001-05-03", "DATE"), (16, 29, "P1W", "DURATION"), (40, 44, "2001", "DATE")]]
    scores = task.score(gold, pred)
    assert scores["strict_recall"] == 0.5 and scores["relaxed_recall"] == 1.0
    assert scores["value_recall"] == 0.5 and scores["value_precision"] == round(1 / 3, 4)


@pytest.mark.data
def test_eval_dates_runs_on_tbaq(shared_data, monkeypatch):
    monkeypatch.setattr(task, "dateparser_timexes", lambda docs: [[] for _ in docs])
    report = task.run(shared_data / task.TASK.default_path, limit=3)
    assert report.counts["documents"] == 3
    assert report.scores["relaxed_f1"] > 0.5


def test_eval_dates_split_is_fixed_and_both_halves_are_scored():
    names = [f"doc{i}" for i in range(40)]
    held = [task.held_out(n) for n in names]
    assert held == [task.held_out(n) for n in names] and 0 < sum(held) < 40
    gold = [[(0, 4, "2001", "DATE"), (5, 14, "P2W", "DURATION")] for _ in names]
    pred = [[(0, 4, "2001", "DATE"), (5, 14, "P3W", "DURATION")] for _ in names]
    scores = task.split_scores(names, gold, pred)
    assert scores["heldout_value_f1"] == scores["dev_value_f1"] == 0.5
    assert scores["DATE_value_f1"] == 1.0 and scores["DURATION_value_f1"] == 0.0
    assert scores["DURATION_relaxed_f1"] == 1.0


def test_eval_dates_values_compared_in_one_spelling():
    gold = [[(0, 9, "2000-W7", "DATE"), (10, 15, "1989-11-06T17", "TIME")]]
    pred = [[(0, 9, "2000-W07", "DATE"), (10, 15, "1989-11-06T17:00", "TIME")]]
    assert task.score(gold, pred)["value_f1"] == 1.0


def test_eval_dates_decades_and_centuries_compared_in_one_spelling():
    gold = [[(0, 5, "198X", "DATE"), (6, 10, "19XX", "DATE"), (11, 15, "1998", "DATE")]]
    pred = [[(0, 5, "198", "DATE"), (6, 10, "19", "DATE"), (11, 15, "199", "DATE")]]
    assert task.score(gold, pred)["value_f1"] == pytest.approx(2 / 3, abs=1e-3)


def test_eval_dates_te3_value_compares_strings_exactly():
    """``te3_value_f1`` is TempEval-3's comparison (``g.value == s.value``): one spelling
    of a week or a decade is not forgiven there, and never more than ``value_f1``."""
    gold = [[(0, 9, "2000-W7", "DATE"), (10, 15, "198X", "DATE"), (16, 20, "P1D", "DURATION")]]
    pred = [[(0, 9, "2000-W07", "DATE"), (10, 15, "198", "DATE"), (16, 20, "PXD", "DURATION")]]
    scores = task.score(gold, pred)
    assert scores["value_f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["te3_value_f1"] == 0.0  # and PXD is not P1D in either


def test_eval_dates_one_prediction_matches_one_annotation():
    """Two annotated expressions overlapping one predicted one: only one is matched (the
    scorer is one-to-one, so never more lenient than TempEval-3's relaxed match)."""
    gold = [[(0, 6, "2000-01-05", "DATE"), (7, 12, "2000-01-05T22:00", "TIME")]]
    pred = [[(0, 12, "2000-01-05", "DATE")]]
    scores = task.score(gold, pred)
    assert scores["relaxed_recall"] == 0.5 and scores["value_recall"] == 0.5


def _bbc_corpus(tmp_path, text):
    import hashlib
    import json

    (tmp_path / "business").mkdir()
    (tmp_path / "business" / "001.txt").write_text(text, encoding="utf-8")
    sha1 = hashlib.sha1(text.encode()).hexdigest()[:12]
    head = {"article": "business/001.txt", "dct": "2005-03-16", "sha1": sha1}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(head | {"start": 15, "end": 24, "type": "DATE", "value": "2005-W10"}) + "\n"
        + json.dumps(head | {"start": 0, "end": 7, "type": "DATE", "value": "2005-03-15"}) + "\n",
        encoding="utf-8",
    )
    return gold


def test_eval_dates_reads_the_bbc_gold_as_offsets_into_the_corpus(tmp_path):
    gold = _bbc_corpus(tmp_path, "Tuesday: sales last week fell.\n")
    (doc,) = task.read_bbc_gold(tmp_path, gold)
    assert doc.dct == "2005-03-16"
    assert sorted((doc.text[s:e], v) for s, e, v, _ in doc.timexes) == [("Tuesday", "2005-03-15"), ("last week", "2005-W10")]


def test_eval_dates_refuses_a_bbc_article_that_is_not_the_annotated_text(tmp_path):
    from newsgraph.errors import EvalError

    gold = _bbc_corpus(tmp_path, "Tuesday: sales last week fell.\n")
    (tmp_path / "business" / "001.txt").write_text("Monday: sales last week rose.\n", encoding="utf-8")
    with pytest.raises(EvalError, match="not the annotated text"):
        task.read_bbc_gold(tmp_path, gold)


@pytest.mark.data
def test_eval_dates_bbc_gold_matches_the_corpus(shared_data):
    root = shared_data / task.BBC_CORPUS
    if not root.is_dir():
        pytest.skip(f"BBC corpus not found at {root}")
    docs = task.read_bbc_gold(root)
    assert len(docs) == 40 and {d.dct for d in docs} == {"2005-03-16"}
    for doc in docs:
        for start, end, value, kind in doc.timexes:
            surface = doc.text[start:end]
            assert surface.strip() == surface and any(c.isalnum() for c in surface)
            assert kind in task.TYPES and value


@pytest.mark.data
@pytest.mark.parametrize(
    "gold", [task.BBC_GOLD2, task.BBC_GOLD3, task.BBC_GOLD4, task.BBC_GOLD5, task.BBC_GOLD6, task.BBC_GOLD7]
)
def test_eval_dates_later_bbc_golds_match_the_corpus_and_share_no_article(shared_data, gold):
    root = shared_data / task.BBC_CORPUS
    if not root.is_dir():
        pytest.skip(f"BBC corpus not found at {root}")
    docs = task.read_bbc_gold(root, gold)
    earlier = [path for _, path in task.BBC_SETS[: [p for _, p in task.BBC_SETS].index(gold)]]
    assert len(docs) == 40
    assert not {d.name for d in docs} & {d.name for path in earlier for d in task.read_bbc_gold(root, path)}
    for doc in docs:
        for start, end, value, kind in doc.timexes:
            surface = doc.text[start:end]
            assert surface.strip() == surface and any(c.isalnum() for c in surface)
            assert kind in task.TYPES and value


@pytest.mark.data
def test_eval_dates_second_annotation_of_set_7_covers_its_articles(shared_data):
    """A second reader's annotation of 10 of set 7's articles (scripts/bbc_dates_agreement.py):
    same texts, valid spans and values."""
    root = shared_data / task.BBC_CORPUS
    if not root.is_dir():
        pytest.skip(f"BBC corpus not found at {root}")
    second = task.read_bbc_gold(root, task.BBC_GOLD7.with_name("bbc_dates7_second.jsonl"))
    assert len(second) == 10
    assert {d.name for d in second} <= {d.name for d in task.read_bbc_gold(root, task.BBC_GOLD7)}
    for doc in second:
        for start, end, value, kind in doc.timexes:
            surface = doc.text[start:end]
            assert surface.strip() == surface and any(c.isalnum() for c in surface)
            assert kind in task.TYPES and value


def _readers_file(tmp_path, docs, rows):
    import hashlib
    import json

    texts = {d.name: d.text for d in docs}
    path = tmp_path / "readers.jsonl"
    lines = []
    for reader, name, timex in rows:
        entry = {"doc": name, "sha1": hashlib.sha1(texts[name].encode()).hexdigest()[:12], "reader": reader}
        entry |= {"none": True} if timex is None else dict(zip(("start", "end", "value", "type"), timex))
        lines.append(json.dumps(entry))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_dates_reader_scores_compare_readers_tbaq_and_newsgraph(tmp_path):
    """Two readers of the same documents: each against the corpus's annotation, against each
    other, and newsgraph against each of them."""
    one = task.TimeMLDoc("d1", "Shares fell on Monday after a year.", "2001-05-04", [(16, 22, "2001-04-30", "DATE")])
    two = task.TimeMLDoc("d2", "Nothing here.", "2001-05-04", [])
    rows = [
        (1, "d1", (16, 22, "2001-04-30", "DATE")),
        (1, "d1", (29, 35, "P1Y", "DURATION")),
        (1, "d2", None),
        (2, "d1", (16, 22, "2001-04-30", "DATE")),
        (2, "d1", (29, 35, "P1Y", "DURATION")),
        (2, "d2", None),
    ]
    path = _readers_file(tmp_path, [one, two], rows)
    ours = [[(16, 22, "2001-05-07", "DATE"), (29, 35, "P1Y", "DURATION")], []]
    scores, note = task.reader_scores([one, two], ours, path)
    assert scores["tbaq_readers_agreement_value_f1"] == 1.0
    assert scores["tbaq_reader1_value_f1"] == round(2 / 3, 4)  # the corpus has no "a year"
    assert scores["tbaq_readers_newsgraph_value_f1"] == 0.0
    assert scores["tbaq_reader1_newsgraph_value_f1"] == 0.5
    assert "2 held-out TBAQ documents" in note
    assert "TBAQ gives 1 the same value, 0 another, 1 none" in note  # "Monday"; "a year"
    assert scores["tbaq_reader1_strict_f1"] == round(2 / 3, 4)
    # a run without one of the documents scores nothing; a changed text is refused by name
    assert task.reader_scores([one], ours[:1], path)[0] == {}
    changed = task.TimeMLDoc("d1", "Shares rose on Monday after a year.", "2001-05-04", [])
    with pytest.raises(ValueError, match="d1"):
        task.reader_scores([changed, two], ours, path)
    # a file with one reader only scores nothing
    assert task.reader_scores([one, two], ours, _readers_file(tmp_path, [one, two], rows[:3]))[0] == {}


@pytest.mark.data
def test_eval_dates_tbaq_readers_cover_held_out_documents(shared_data):
    """The two readers' annotation of 20 TBAQ documents (``tbaq_reader*`` scores): held-out
    documents only, both readers on each, same texts, valid spans, types and values."""
    docs = task.read_corpus(shared_data / task.TASK.default_path)
    readers = task.read_readers(docs)
    assert sorted(readers) == [1, 2]
    assert set(readers[1]) == set(readers[2]) and len(readers[1]) == 20
    by_name = {d.name: d for d in docs}
    for reader in readers.values():
        for name, timexes in reader.items():
            assert task.held_out(name)
            for start, end, value, kind in timexes:
                surface = by_name[name].text[start:end]
                assert surface.strip() == surface and any(c.isalnum() for c in surface)
                assert kind in task.TYPES and value
