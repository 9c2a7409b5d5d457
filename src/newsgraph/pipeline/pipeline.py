"""Builds the component chain from configuration and runs documents through it."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice

from newsgraph import validate
from newsgraph.errors import Code, InputError
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.pipeline.prepare import prepare
from newsgraph.pipeline import contract, registry
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.pipeline.document import Document
from newsgraph.record import Note, Record

log = logging.getLogger(__name__)


class Pipeline:
    """An ordered chain of components; ``pipe`` streams inputs to records or failures."""

    def __init__(self, components: list[Component], batch_size: int = 32):
        contract.check(components)
        self.components = components
        self.batch_size = batch_size
        self.check_contracts = contract.enabled()

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

        A failure in one input never touches the others: inputs that cannot be prepared
        become failures at once, and when a component raises inside a batch every document
        of that batch is prepared again from its input and run alone, so no neighbour
        keeps what the failed batch run had already written into it.
        """
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            with self.memory_zone():
                done = self._run_batch(batch)
            yield from done

    def memory_zone(self) -> ExitStack:
        """Every component's ``memory_zone``, entered in order: a batch runs inside it, and
        the records it makes hold no spaCy object, so nothing the batch met is used after
        it (in a long-lived process, spaCy's vocabulary stops growing with every new word)."""
        stack = ExitStack()
        with stack:
            for component in self.components:
                stack.enter_context(component.memory_zone())
            return stack.pop_all()

    def _run_batch(self, batch: list[InputDoc | Failure]) -> list[Record | Failure]:
        prepared = [item if isinstance(item, Failure) else _prepare(item) for item in batch]
        docs = [p for p in prepared if isinstance(p, Document)]
        try:
            done = iter(self._run_components(docs))
        except _ComponentFailed:
            log.debug("batch failed; analysing its documents one at a time", exc_info=True)
            return [self._run_one(item) if isinstance(p, Document) else p for item, p in zip(batch, prepared)]
        return [self._finish(next(done)) if isinstance(p, Document) else p for p in prepared]

    def _run_components(self, docs: list[Document]) -> list[Document]:
        """Run every component over the documents it applies to (``_skip_reason``), noting
        on the others why it was skipped; raises ``_ComponentFailed`` naming the one that
        raised."""
        for component in self.components:
            runs = []
            for i, doc in enumerate(docs):
                reason = self._skip_reason(component, doc)
                if reason is None:
                    runs.append(i)
                else:
                    doc.notes.append(Note(kind="skipped", component=component.name, reason=reason))
            if not runs:
                continue
            todo = [docs[i] for i in runs]
            before = [contract.snapshot(d) for d in todo] if self.check_contracts else None
            try:
                done = list(component.pipe(todo, batch_size=self.batch_size))
            except Exception as err:  # noqa: BLE001 - re-raised with the component's name
                raise _ComponentFailed(component.name, err) from err
            if before is not None:
                _check_touched(component, before, done)
            for i, doc in zip(runs, done, strict=True):
                doc.ran.append(component.name)
                docs[i] = doc
        return docs

    def _skip_reason(self, component: Component, doc: Document) -> str | None:
        """Why ``component`` must not run on ``doc`` (None when it runs): the article is in a
        language it does not handle, or a component it needs output from was skipped.
        Articles of unknown language (documents built by hand) run everything."""
        language = doc.metadata.language
        if component.languages is not None and language is not None and language not in component.languages:
            return f"handles {'/'.join(component.languages)} only; the article's language is {language}"
        for note in doc.notes:
            skipped = self.get(note.component)
            needed = [f for f in component.requires if skipped is not None and f in skipped.assigns]
            if needed:
                return f"needs {', '.join(needed)}, which {note.component} (skipped) assigns"
        return None

    def _run_one(self, item: InputDoc) -> Record | Failure:
        """Analyse ``item`` alone, from a ``Document`` prepared afresh from the input."""
        doc = _prepare(item)
        if isinstance(doc, Failure):
            return doc
        try:
            (doc,) = self._run_components([doc])
        except _ComponentFailed as failed:
            return failed.failure(doc)
        return self._finish(doc)

    def _finish(self, doc: Document) -> Record | Failure:
        """The record of ``doc``, or an INVALID_RECORD failure when it breaks the contract."""
        record = doc.to_record()
        found = validate.problems(record)
        if not found:
            return record
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        log.error("record %s is invalid: %s", doc.id, "; ".join(found))
        return Failure(doc.id, doc.source, Code.INVALID_RECORD, f"record {doc.id} is invalid: {found[0]}{more}")


class _ComponentFailed(Exception):
    """A component raised; ``component`` is its registered name, ``error`` what it raised."""

    def __init__(self, component: str, error: Exception):
        super().__init__(f"{component} failed: {error!r}")
        self.component = component
        self.error = error

    def failure(self, doc: Document) -> Failure:
        err = self.error
        if isinstance(err, InputError):
            return Failure(doc.id, doc.source, err.code, f"{self.component} failed: {err.message}")
        log.error("component %s failed on %s", self.component, doc.id, exc_info=err)
        return Failure(doc.id, doc.source, Code.COMPONENT_FAILED, f"{self.component} failed: internal error: {err!r}")


def _prepare(item: InputDoc) -> Document | Failure:
    try:
        return prepare(item)
    except InputError as err:
        return Failure(item.id, item.source, err.code, err.message)


def _check_touched(component: Component, before: list[dict], docs: list[Document]) -> None:
    """Fail when ``component`` wrote a facet it does not declare (contract checking on)."""
    for state, doc in zip(before, docs, strict=True):
        undeclared = [f for f in contract.touched(state, contract.snapshot(doc)) if f not in component.assigns]
        if undeclared:
            raise contract.ContractViolation(
                f"{component.name} wrote {', '.join(undeclared)} of {doc.id} without declaring it "
                f"(assigns: {', '.join(component.assigns) or 'nothing'})"
            )
