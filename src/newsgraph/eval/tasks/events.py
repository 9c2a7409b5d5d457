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

from newsgraph.errors import Code, EvalError
from newsgraph.eval.report import EvalReport, EvalTask, data_fingerprint

LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
_WORD = re.compile(r"[A-Za-z0-9]+")
_STOP = frozenset({"the", "a", "an", "of", "and", "s", "in", "on", "to", "for"})
BASELINE = "keyword baseline (lexicon, no syntax)"


def load_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    """The gold records that have text and a type (the DOCUMENT header is skipped)."""
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(Code.EVAL_DATA, f"cannot read PLOVER gold records from {path}: {err}") from err
    gold = [r for r in records if r.get("text") and r.get("event") and r["event"] != "DOCUMENT"]
    return gold[:limit] if limit else gold


def gold_type(record: dict) -> str:
    return LEGACY_TYPES.get(record["event"], record["event"])


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


def run(path: str | Path, limit: int | None = None) -> EvalReport:
    """Score the events component on the PLOVER gold records at ``path``."""
    from newsgraph.service import analyze_inputs, make_input

    gold = load_gold(path, limit)
    if not gold:
        raise EvalError(Code.EVAL_DATA, f"no gold records with text in {path}")
    inputs = [make_input(r["text"], _date(r), id=r["id"], clean=False) for r in gold]
    ours, base = _Tally(), _Tally()
    for record, result in zip(gold, analyze_inputs(inputs, config=events_config()), strict=True):
        if not hasattr(result, "events"):
            ours.add(record, [])
            base.add(record, [])
            continue
        ours.add(record, [(e.type, _surface(result, e.source), _target_or_place(result, e)) for e in result.events])
        base.add(record, keyword_baseline(result))
    return EvalReport(
        task="events",
        data=str(path),
        data_hash=data_fingerprint([Path(path)]),
        scores=ours.scores(),
        baselines={BASELINE: base.scores()},
        counts={"records": len(gold), "events_coded": ours.coded, "records_with_events": ours.with_events},
        notes=[
            "type accuracy: gold type among the coded types; precision: coded events of the gold type",
            "legacy gold types scored as PLOVER 2021: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
            "actors scored on records whose type is right (word overlap with a gold actor text)",
        ],
    )


def events_config():
    """The default pipeline, with the events component if it is not already in it."""
    from newsgraph.pipeline.config import ComponentSpec, PipelineConfig

    config = PipelineConfig.default()
    if any(spec.name == "newsgraph.events.v1" for spec in config.components):
        return config
    return PipelineConfig((*config.components, ComponentSpec("newsgraph.events.v1")), batch_size=config.batch_size)


def keyword_baseline(record) -> list[tuple[str, str | None, str | None]]:
    """The first lexicon trigger by lemma, no syntax; actors: the entities before and after."""
    from newsgraph.pipeline.components.events import lexicon

    index = lexicon.load()
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
