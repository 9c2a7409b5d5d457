"""The contract every pipeline component keeps.

A component is built by its factory (the class) whose keyword arguments are its
configuration, with defaults in one place: the signature. It takes a ``Document`` and
returns it, declaring what it ``requires`` from earlier components and what it
``assigns``, so a pipeline missing an upstream step fails before anything runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import ClassVar

from newsgraph.pipeline.document import Document


class Component:
    """Base class for components. Subclasses set the class variables and ``__call__``.

    ``name`` is the registered, versioned name (``newsgraph.quotes.v1``). ``requires`` names
    every document facet the component reads, ``assigns`` every facet it writes (the facets
    are listed in ``newsgraph.pipeline.contract.FACETS``, plus ``extras.<key>``); a pipeline
    whose order cannot satisfy them is refused when it is built.

    ``languages`` are the article languages (``metadata.language``, ISO 639-1) the component
    handles, or None for any language; the pipeline skips it on an article in another
    language and notes that on the record. Most extractors read English words, so English
    is the default; language-independent components (the cleaner) set None.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    languages: ClassVar[tuple[str, ...] | None] = ("en",)

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        """Process a stream; components that batch (the NLP backbone) override this."""
        for doc in docs:
            yield self(doc)

    def memory_zone(self) -> AbstractContextManager:
        """The block the pipeline runs each batch in (``Pipeline.pipe``). Nothing made for
        the batch's documents is used after it, so a component that keeps memory per
        document (the NLP backbone: spaCy's vocabulary) may free it when the block ends."""
        return nullcontext()
