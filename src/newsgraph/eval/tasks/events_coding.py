"""What the events evaluation and the confidence recipe (``events_gate``) share: running the
coder over inputs with every candidate kept, and the PLOVER gold type of a record."""

from __future__ import annotations

from newsgraph.errors import NewsgraphError

EVENTS = "newsgraph.events.v1"
# The gold file predates PLOVER 2021: these types are scored as their successors.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def gold_type(record: dict) -> str:
    return LEGACY_TYPES.get(record["event"], record["event"])


def events_config():
    """The default pipeline, with the events component if it is not already in it."""
    from newsgraph.pipeline.config import ComponentSpec, PipelineConfig

    config = PipelineConfig.default()
    if any(spec.name == EVENTS for spec in config.components):
        return config
    return PipelineConfig((*config.components, ComponentSpec(EVENTS)), batch_size=config.batch_size)


def code_inputs(inputs):
    """(analysed record, candidate events with confidence features) per input, or (None, [])
    for an input that is None or fails: the default pipeline runs up to the events
    component, which codes every candidate before its threshold; the record carries them all."""
    from newsgraph.pipeline.pipeline import Pipeline
    from newsgraph.pipeline.prepare import prepare

    pipeline = Pipeline.from_config(events_config())
    coder = pipeline.get(EVENTS)
    before = [c for c in pipeline.components if c is not coder]
    for item in inputs:
        try:
            docs = [prepare(item)] if item is not None else None
        except NewsgraphError:
            docs = None
        if docs is None:
            yield None, []
            continue
        for component in before:
            docs = list(component.pipe(docs))
        candidates = coder.code(docs[0])
        docs[0].events.extend(e for e, _ in candidates)
        yield docs[0].to_record(), candidates
