"""Builds the component chain from configuration and runs documents through it."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from newsgraph.errors import Code, ConfigError, InputError
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.prepare import prepare
from newsgraph.pipeline import registry
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.pipeline.document import Document
from newsgraph.record import Record

log = logging.getLogger(__name__)

# What a document has before any component runs.
_GIVEN = frozenset({"text", "metadata"})


class Pipeline:
    """An ordered chain of components; ``pipe`` streams inputs to records or failures."""

    def __init__(self, components: list[Component], batch_size: int = 32):
        _check_requirements(components)
        self.components = components
        self.batch_size = batch_size

    @classmethod
    def from_config(cls, config: PipelineConfig | None = None) -> Pipeline:
        config = config or PipelineConfig.default()
        components = [registry.create(spec.name, **spec.config) for spec in config.components]
        return cls(components, batch_size=config.batch_size)

    @property
    def names(self) -> list[str]:
        return [component.name for component in self.components]

    def get(self, name: str) -> Component | None:
        return next((c for c in self.components if c.name == name), None)

    def __call__(self, item: InputDoc) -> Record:
        """Analyse one input; raises ``InputError`` when it cannot be analysed."""
        (result,) = self.pipe([item])
        if isinstance(result, Failure):
            raise InputError(result.code, result.reason, subject=result.id or result.source)
        return result

    def pipe(self, items: Iterable[InputDoc | Failure]) -> Iterator[Record | Failure]:
        """Analyse a stream in batches, yielding a record or a failure per input, in order.

        A failure in one input never stops the others: inputs that cannot be prepared
        become failures at once, and a component error inside a batch is isolated by
        re-running that batch's documents one at a time.
        """
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[InputDoc | Failure]) -> list[Record | Failure]:
        results: list[Record | Failure | Document] = []
        for item in batch:
            results.append(item if isinstance(item, Failure) else _prepare(item))
        docs = [r for r in results if isinstance(r, Document)]
        try:
            done = {id(d): d for d in self._run_components(docs)}
        except Exception:  # noqa: BLE001 - isolated per document just below
            log.debug("batch failed; isolating documents one at a time", exc_info=True)
            done = {}
            for doc in docs:
                done[id(doc)] = self._run_one(doc)
        out: list[Record | Failure] = []
        for r in results:
            if isinstance(r, Document):
                d = done[id(r)]
                out.append(d if isinstance(d, Failure) else d.to_record())
            else:
                out.append(r)
        return out

    def _run_components(self, docs: list[Document]) -> list[Document]:
        for component in self.components:
            docs = list(component.pipe(docs, batch_size=self.batch_size))
            for doc in docs:
                doc.ran.append(component.name)
        return docs

    def _run_one(self, doc: Document) -> Document | Failure:
        try:
            return self._run_components([doc])[0]
        except InputError as err:
            return Failure(doc.id, doc.source, err.code, err.message)
        except Exception as err:  # a bug in a component must not sink the batch
            log.exception("component failed on %s", doc.id)
            return Failure(doc.id, doc.source, Code.COMPONENT_FAILED, f"internal error: {err!r}")


def _prepare(item: InputDoc) -> Document | Failure:
    try:
        return prepare(item)
    except InputError as err:
        return Failure(item.id, item.source, err.code, err.message)


def _check_requirements(components: list[Component]) -> None:
    available = set(_GIVEN)
    for component in components:
        missing = [r for r in component.requires if r not in available]
        if missing:
            raise ConfigError(
                Code.MISSING_REQUIREMENT,
                f"{component.name} requires {', '.join(missing)}, which no earlier component "
                f"assigns; pipeline order: {', '.join(c.name for c in components)}",
            )
        available.update(component.assigns)
