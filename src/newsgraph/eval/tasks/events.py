"""``newsgraph eval events --plover PATH``: PLOVER event coding on the gold-standard records.

Each gold record is one sentence with one PLOVER type and its source and target actors.
The sentence is analysed verbatim (``clean=False``) with the record's date as the
publication date, by the default pipeline with the events component.

- ``type_accuracy``: share of records whose gold type is among the types coded.
- ``type_precision``: share of coded events (over all records) whose type is the gold
  type — a coder that scatters guesses scores low here.
- ``source_accuracy`` / ``target_accuracy``: on records whose type is right, the event of
  that type names the gold actor (word overlap with any gold actor text, or with a mention
  of the predicted entity); an empty gold actor wants an empty prediction. The gold marks
  the location of an undirected event as its target; an event with no target is compared
  through its ``place``.

The gold file predates PLOVER 2021: its DEMAND, DISAPPROVE, FIGHT and INVESTIGATE records
are scored as REQUEST, ACCUSE, ASSAULT and ACCUSE (their PLOVER 2021 successors, as in the
CAMEO-to-PLOVER table). The comparison system is a keyword baseline: the lexicon's
triggers matched on lemmas with no syntax (first match's type, nearest entities as actors).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsgraph.errors import Code, EvalError, NewsgraphError
from newsgraph.eval.report import EvalReport, EvalTask, data_fingerprint
from newsgraph.eval.tasks import events_gate
from newsgraph.eval.tasks.events_coding import code_inputs, gold_type
from newsgraph.pipeline.components.events import confidence
from newsgraph.record import Event

_WORD = re.compile(r"[A-Za-z0-9]+")
_STOP = frozenset({"the", "a", "an", "of", "and", "s", "in", "on", "to", "for"})
BASELINE = "keyword baseline (lexicon, no syntax)"
SHIPPED = "shipped weights (fit on all of dev: in-sample)"
FOLDS = 5
MIN_PRECISION = 0.75  # the keep threshold's precision floor, on the folds it is fit on


def load_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    """The gold records that have text and a type (the DOCUMENT header is skipped)."""
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(Code.EVAL_DATA, f"cannot read PLOVER gold records from {path}: {err}") from err
    gold = [r for r in records if r.get("text") and r.get("event") and r["event"] != "DOCUMENT"]
    return gold[:limit] if limit else gold


def gold_actors(record: dict, role: str) -> list[str]:
    value = record.get(role) or []
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]


def actor_matches(predicted: str | None, gold: list[str]) -> bool:
    """True when the predicted actor name shares a content word with a gold actor text,
    or both are empty."""
    if not gold:
        return not predicted
    if not predicted:
        return False
    words = _words(predicted)
    return any(words & _words(g) for g in gold)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def run(path: str | Path, limit: int | None = None, folds: int = FOLDS) -> EvalReport:
    """Score the events component on the PLOVER gold records at ``path``: cross-validated
    over ``folds`` folds (the confidence weights and keep threshold fit on the other
    folds), with the shipped weights' in-sample figures beside them."""
    gold = load_gold(path, limit)
    if not gold:
        raise EvalError(Code.EVAL_DATA, f"no gold records with text in {path}")
    coded = code_candidates(gold)
    bbc = _bbc_rows(path) if limit is None else []
    folds = max(2, min(folds, len(gold)))
    cv, kept = _Tally(), []
    for fold in range(folds):
        train = [c for i, c in enumerate(coded) if i % folds != fold]
        test = [c for i, c in enumerate(coded) if i % folds == fold]
        model = events_gate.fit(train, bbc).model if bbc else fit_model(train)
        for record, result, candidates in test:
            scored = [(e, f, model.score(f)) for e, f in candidates]
            chosen = [(e, p) for e, f, p in scored if model.keeps(f, p)]
            cv.add(record, [_scored_event(result, e) for e, _ in chosen])
            kept.extend((p, e.type == gold_type(record)) for e, p in chosen)
    shipped, base = _Tally(), _Tally()
    model = confidence.load()
    for record, result, candidates in coded:
        shipped.add(record, [_scored_event(result, e) for e, f in candidates if model.keeps(f)])
        base.add(record, keyword_baseline(result) if result is not None else [])
    ece, table = calibration(kept)
    scores = cv.scores() | {"calibration_error": ece}
    bbc_notes = []
    if bbc:  # the hand-checked BBC events: grouped by article, weights fit on the other folds
        whole = events_gate.fit(coded, bbc)
        held_out, rights, threshold = whole.bbc_scores, whole.bbc_rights, whole.model.threshold
        precision, recall, n_kept = events_gate.kept_precision_recall(whole.model, held_out, rights, whole.bbc_news)
        bbc_ece, bbc_table = calibration(list(zip(held_out, rights, strict=True)))
        scores |= {"bbc_cv_precision": round(precision, 4), "bbc_cv_recall": round(recall, 4),
                   "bbc_calibration_error": bbc_ece}
        bbc_notes = [
            f"BBC hand-checked events: {len(bbc)} labels, {events_gate.BBC_FOLDS}-fold CV grouped by article; "
            f"threshold {threshold} (ordinary news {whole.model.news_threshold}): {n_kept} kept, "
            f"precision {precision:.3f}, recall {recall:.3f}",
            "calibration (BBC held-out labels, all): confidence bucket, events, mean confidence, share right",
            *bbc_table,
        ]
    return EvalReport(
        task="events",
        data=str(path),
        data_hash=data_fingerprint([Path(path)]),
        scores=scores,
        baselines={SHIPPED: shipped.scores(), BASELINE: base.scores()},
        counts={"records": len(gold), "folds": folds, "events_coded": cv.coded, "records_with_events": cv.with_events},
        notes=[
            f"newsgraph column: {folds}-fold cross-validated (confidence weights and threshold fit on the other folds)",
            "type accuracy: gold type among the coded types; precision: coded events of the gold type",
            "legacy gold types scored as PLOVER 2021: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
            "actors scored on records whose type is right (word overlap with a gold actor text)",
            "calibration (held-out events kept): confidence bucket, events, mean confidence, share right",
            *table,
            *bbc_notes,
        ],
        gated=("type_accuracy", "type_precision", "source_accuracy", "target_accuracy"),
    )


def code_candidates(gold: list[dict]) -> list[tuple[dict, object, list[tuple[Event, dict[str, float]]]]]:
    """(gold record, analysed record or None, candidate events with confidence features) per
    gold record. The pipeline runs up to the events component, which codes every candidate
    before its threshold; the record carries them all (for actor surfaces)."""
    from newsgraph.service import make_input

    def inputs():
        for record in gold:
            try:
                yield make_input(record["text"], _date(record), id=record["id"], clean=False)
            except NewsgraphError:
                yield None

    return [(record, *coded) for record, coded in zip(gold, code_inputs(inputs()), strict=True)]





def _bbc_rows(path: str | Path) -> list:
    """The hand-checked BBC labels' features (events_gate), from the corpus under the data
    root the PLOVER file sits in (``<root>/events/plover_gsr_dev.json``); [] without it."""
    root = Path(path).resolve().parents[1]
    if not (root / events_gate.BBC_FILES).is_dir():
        return []
    return events_gate.bbc_rows(root)


def fit_model(coded) -> confidence.Model:
    """Confidence weights and keep threshold fit on ``coded`` (from ``code_candidates``):
    an event is right when its type is the gold type; the threshold is the one with the best
    type accuracy among those keeping type precision at or above ``MIN_PRECISION`` on the
    same records (ties: the lowest, since the gold marks one event per sentence and so
    cannot credit a second, real event that a higher threshold would drop)."""
    rows = [(record, f, e.type == gold_type(record)) for record, _, cands in coded for e, f in cands]
    weights = confidence.fit([f for _, f, _ in rows], [y for _, _, y in rows])
    model = confidence.Model(weights)
    best, best_value = 0.0, (-1.0, -1.0)
    for threshold in [i / 100 for i in range(0, 90, 2)]:
        accuracy, precision = _at_threshold(coded, model, threshold)
        value = (accuracy if precision >= MIN_PRECISION else -1.0, -threshold)
        if value > best_value:
            best, best_value = threshold, value
    return confidence.Model(weights, best)


def _at_threshold(coded, model: confidence.Model, threshold: float) -> tuple[float, float]:
    right = kept = correct = 0
    for record, _, cands in coded:
        types = [e.type for e, f in cands if model.score(f) >= threshold]
        kept += len(types)
        correct += types.count(gold_type(record))
        right += gold_type(record) in types
    return (right / len(coded) if coded else 0.0), (correct / kept if kept else 0.0)


def calibration(pairs: list[tuple[float, bool]], buckets: int = 5) -> tuple[float, list[str]]:
    """Expected calibration error over ``pairs`` (confidence, right) and the reliability
    table's lines, one per confidence bucket of width 1/``buckets``."""
    lines, error = [], 0.0
    for b in range(buckets):
        low, high = b / buckets, (b + 1) / buckets
        inside = [(p, y) for p, y in pairs if low <= p < high or (b == buckets - 1 and p == 1.0)]
        if not inside:
            continue
        mean = sum(p for p, _ in inside) / len(inside)
        share = sum(y for _, y in inside) / len(inside)
        error += len(inside) / len(pairs) * abs(mean - share)
        lines.append(f"  [{low:.1f}, {high:.1f}): {len(inside):4d} events, confidence {mean:.2f}, right {share:.2f}")
    return round(error, 4), lines


def _scored_event(result, event) -> tuple[str, str | None, str | None]:
    return (event.type, _surface(result, event.source), _target_or_place(result, event))


def keyword_baseline(record) -> list[tuple[str, str | None, str | None]]:
    """The first lexicon trigger by lemma, no syntax; actors: the entities before and after."""
    from newsgraph.pipeline.components.events import lexicon

    index = lexicon.load(str(lexicon.LEXICON))  # the hand table: the baseline stays comparable
    words = list(_WORD.finditer(record.text))
    for match in words:
        word = match.group().lower()
        rows = index.get((word, "VERB")) or index.get((word.rstrip("s"), "VERB")) or index.get((word, "NOUN"))
        rows = rows or index.get((word.removesuffix("ed"), "VERB")) or index.get((word.removesuffix("d"), "VERB"))
        if not rows:
            continue
        before = [e for e in record.entities if e.mentions and e.mentions[0].end <= match.start()]
        after = [e for e in record.entities if e.mentions and e.mentions[0].start >= match.end()]
        source = before[-1].name if before else None
        target = after[0].name if after else None
        return [(rows[0].type, source, target)]
    return []


class _Tally:
    def __init__(self) -> None:
        self.records = self.type_ok = self.coded = self.coded_ok = self.with_events = 0
        self.source_ok = self.target_ok = 0

    def add(self, record: dict, events: list[tuple[str, str | None, str | None]]) -> None:
        wanted = gold_type(record)
        self.records += 1
        self.coded += len(events)
        self.with_events += bool(events)
        right = [e for e in events if e[0] == wanted]
        self.coded_ok += len(right)
        if not right:
            return
        self.type_ok += 1
        source_ok = any(actor_matches(e[1], gold_actors(record, "source")) for e in right)
        target_ok = any(actor_matches(e[2], gold_actors(record, "target")) for e in right)
        self.source_ok += source_ok
        self.target_ok += target_ok

    def scores(self) -> dict[str, float]:
        return {
            "type_accuracy": _ratio(self.type_ok, self.records),
            "type_precision": _ratio(self.coded_ok, self.coded),
            "source_accuracy": _ratio(self.source_ok, self.type_ok),
            "target_accuracy": _ratio(self.target_ok, self.type_ok),
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


def _target_or_place(record, event) -> str | None:
    """PLOVER's gold marks where an undirected event happened as its target ("agreed to set
    up a centre in (TAR: Tokyo)"); newsgraph keeps that apart in ``place``, so an event
    with no target is compared through its place."""
    if event.target is not None:
        return _surface(record, event.target)
    if event.place is None:
        return None
    entity = next((e for e in record.entities if e.id == event.place), None)
    if entity is None:
        return event.place
    return " ".join([entity.name, *(record.text[m.start : m.end] for m in entity.mentions)])


def _surface(record, actor) -> str | None:
    """An actor's name with every way the text names its entity (mentions and aliases), so
    matching gold actor text is by identity, not by the canonical spelling alone."""
    if actor is None:
        return None
    names = [actor.name or ""]
    entity = next((e for e in record.entities if e.id == actor.entity), None) if actor.entity else None
    if entity is not None:
        names += [record.text[m.start : m.end] for m in entity.mentions] + list(entity.aliases)
    return " ".join(n for n in names if n) or None


def _date(record: dict) -> str | None:
    value = record.get("date")
    return value if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


TASK = EvalTask(
    name="events",
    description="PLOVER event type and actors on the PLOVER gold-standard records",
    option="--plover",
    default_path="events/plover_gsr_dev.json",
    run=run,
)


def fit_shipped(path: str | Path) -> confidence.Model:
    """Refit the shipped confidence weights and threshold on all the gold records at
    ``path`` and write them to resources/events/confidence.json (the recipe)."""
    coded = code_candidates(load_gold(path))
    bbc = _bbc_rows(path)
    model = events_gate.fit(coded, bbc).model if bbc else fit_model(coded)
    note = (f"fit by scripts/fit_event_confidence.py on {Path(path).name} ({len(coded)} records, hash "
            f"{data_fingerprint([Path(path)])}) and {len(bbc)} hand-checked BBC events (bbc_labels.tsv)")
    confidence.save(model.weights, model.threshold, note, news_threshold=model.news_threshold)
    return model
