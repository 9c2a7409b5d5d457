"""Evaluation tasks, registered by name and imported lazily.

Each task module defines ``TASK = EvalTask(...)`` (see ``newsgraph.eval.report``).
"""

TASKS: dict[str, str] = {
    "quantities": "newsgraph.eval.tasks.quantities",
    "dates": "newsgraph.eval.tasks.dates",
    "ner": "newsgraph.eval.tasks.ner",
    "extraction": "newsgraph.eval.tasks.extraction",
    "geo": "newsgraph.eval.tasks.geo",
    "quotes": "newsgraph.eval.tasks.quotes",
    "events": "newsgraph.eval.tasks.events",
}
