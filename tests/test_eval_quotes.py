"""The PolNeAR quotes evaluation: reading BRAT standoff, the direct rule, matching and
speaker scoring on hand-made files; and a small run on real dev files."""

from __future__ import annotations

import msgspec
import pytest

from newsgraph.eval.tasks import quotes as task
from newsgraph.record import Metadata, Quote, Record, Speaker, Span

TEXT = '"We will win," Ana Berg said. "Then we rest." Officials said that the vote was fair.\n'


def _write_split(root, annotators=("b2", "a1")):
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "doc-one.txt").write_text(TEXT, encoding="utf-8")
    q1, q2 = TEXT.index('"We'), TEXT.index('"Then')
    said = TEXT.index("said.")
    off = TEXT.index("Officials")
    that = TEXT.index("that the")
    ann = (
        f"T1\tContent {q1} {q1 + 14};{q2} {q2 + 15}\t...\n"
        f"T2\tSource {TEXT.index('Ana')} {TEXT.index('Ana') + 8}\tAna Berg\n"
        f"T3\tCue {said} {said + 4}\tsaid\n"
        f"T4\tAttribution {said} {said + 4}\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
        f"T5\tSource {off} {off + 9}\tOfficials\n"
        f"T6\tContent {that} {len(TEXT) - 2}\t...\n"
        "E2\tAttribution:T7 Content:T6 Source:T5\n"
    )
    for annotator in annotators:
        body = ann if annotator == sorted(annotators)[0] else "T1\tSource 0 3\tWe\n"
        (root / "attributions" / f"doc-one_{annotator}.ann").write_text(body, encoding="utf-8")
    return root


def test_eval_quotes_reader_picks_first_annotator_and_keeps_fragments(tmp_path):
    docs, files = task.load_polnear(_write_split(tmp_path / "dev"))
    (doc,) = docs
    assert doc.annotator == "a1"
    assert len(doc.attributions) == 2
    split, indirect = doc.attributions
    assert len(split.content) == 2 and split.direct
    assert not indirect.direct and indirect.cue == ()
    assert len(files) == 2


def test_eval_quotes_missing_folder_is_eval_error(tmp_path):
    from newsgraph.errors import EvalError

    with pytest.raises(EvalError):
        task.load_polnear(tmp_path / "nothing")


def _record(quotes):
    return Record(id="doc-one", text=TEXT, metadata=Metadata(), quotes=quotes)


def _quote(sub, kind, speaker=None, cue=None):
    start = TEXT.index(sub)
    spk = None
    if speaker:
        s = TEXT.index(speaker)
        spk = Speaker(entity=None, name=speaker, start=s, end=s + len(speaker))
    cue_span = Span(start=TEXT.index(cue), end=TEXT.index(cue) + len(cue)) if cue else None
    return Quote(start=start, end=start + len(sub), kind=kind, speaker=spk, cue=cue_span)


def test_eval_quotes_split_parts_group_by_cue_and_match_once(tmp_path):
    (doc,), _ = task.load_polnear(_write_split(tmp_path / "dev"))
    record = _record(
        [
            _quote("We will win", "direct", "Ana Berg", "said."),
            _quote("Then we rest.", "direct", "Ana Berg", "said."),
            _quote("the vote was fair", "indirect", "Officials", "said that"),
        ]
    )
    preds = task.group_record(record)
    assert len(preds) == 2
    totals = task.Totals()
    task.score_doc(doc, preds, lambda s, e: None, totals)
    scores = {**totals.all.scores("all"), **totals.direct.scores("direct")}
    assert scores["all_f1"] == 1.0 and scores["all_speaker_acc"] == 1.0
    assert scores["direct_recall"] == 1.0 and scores["direct_precision"] == 1.0


def test_eval_quotes_half_overlap_needed_and_wrong_speaker_counted(tmp_path):
    (doc,), _ = task.load_polnear(_write_split(tmp_path / "dev"))
    record = _record(
        [
            _quote("We will win", "direct", "Officials", None),  # 3 of 6 gold words: matches
            _quote("fair", "indirect", None, None),  # 1 of 5 words: no match
        ]
    )
    totals = task.Totals()
    task.score_doc(doc, task.group_record(record), lambda s, e: None, totals)
    assert totals.all.gold_matched == 1 and totals.all.pred_matched == 1
    assert totals.all.speaker_ok == 0


def test_eval_quotes_speaker_by_entity_counts(tmp_path):
    (doc,), _ = task.load_polnear(_write_split(tmp_path / "dev"))
    gold = doc.attributions[0]
    pred = task.Predicted(content=gold.content, speaker=(0, 2), entity="p1", direct=True)
    assert task.speaker_correct(gold, pred, lambda s, e: "p1")
    assert not task.speaker_correct(gold, pred, lambda s, e: "p2")


def test_eval_quotes_baseline_takes_marks_and_nearest_person(nlp):
    text = 'Ana Berg spoke. "We will win," she said.'
    preds = task.baseline_predictions(text, nlp(text))
    assert len(preds) == 1 and preds[0].direct


@pytest.mark.data
def test_eval_quotes_runs_on_polnear_dev(shared_data):
    report = task.run(shared_data / "quotes" / "polnear" / "dev", limit=3)
    assert report.task == "quotes" and report.counts["documents"] == 3
    for key in ("direct_f1", "direct_speaker_acc", "all_f1", "all_speaker_acc", "all_precision", "all_recall"):
        assert 0.0 <= report.scores[key] <= 1.0
    assert set(report.baselines[task.BASELINE]) == set(report.scores)
    assert report.scores["all_f1"] > report.baselines[task.BASELINE]["all_f1"]


def test_eval_quotes_groups_by_attribution_id_before_cue(tmp_path):
    """Quotes with one ``attribution`` id are one prediction even without a shared cue;
    different ids stay apart even with one cue span."""
    (doc,), _ = task.load_polnear(_write_split(tmp_path / "dev"))
    a, b, c = (
        _quote("We will win", "direct", "Ana Berg", "said."),
        _quote("Then we rest.", "direct", "Ana Berg", None),
        _quote("the vote was fair", "indirect", "Officials", "said."),
    )
    quotes = [
        msgspec.structs.replace(a, attribution="a1"),
        msgspec.structs.replace(b, attribution="a1"),
        msgspec.structs.replace(c, attribution="a2"),
    ]
    preds = task.group_record(_record(quotes))
    assert sorted(len(p.content) for p in preds) == [1, 2]
