"""What components may read and write: the ``Document`` facets, checked twice.

A facet is one named part of a ``Document`` (``FACETS``, plus ``extras.<key>`` for a key of
``Document.extras``). Each component declares the facets it ``requires`` (reads) and
``assigns`` (writes). ``check`` runs when a pipeline is built and refuses, with a coded
``ConfigError``: an unknown facet (UNKNOWN_FACET), a required facet that nothing before
the component assigns (MISSING_REQUIREMENT), and a required facet that a later component
assigns (WRONG_ORDER: the reader would see it unfinished). ``touched`` compares snapshots
taken before and after a component runs; the pipeline uses it when contract checking is on
(``NEWSGRAPH_CHECK_CONTRACTS=1``, set by the test suite, off in production) to fail a
component that writes a facet it did not declare.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from newsgraph.errors import Code, ConfigError
from newsgraph.kinds import KINDS

if TYPE_CHECKING:
    from newsgraph.pipeline.component import Component
    from newsgraph.pipeline.document import Document

ENV = "NEWSGRAPH_CHECK_CONTRACTS"

_encode = msgspec.json.Encoder().encode
_PUBLISHED = ("published", "published_source")


def _metadata(doc: Document) -> bytes:
    fields = msgspec.structs.asdict(doc.metadata)
    return _encode({k: v for k, v in fields.items() if k not in _PUBLISHED})


def _entities(doc: Document) -> bytes:
    return _encode([msgspec.structs.replace(e, kb={}, country=None) for e in doc.entities])


def _entity_links(doc: Document) -> bytes:
    return _encode([(e.kb, e.country) for e in doc.entities])


def _kind_facets():
    """One facet per annotation kind (``kinds.KINDS``); an entity's kb ids and the country
    they give are a facet of their own (the places component links them to GeoNames, and
    relinks "Georgia" of "Atlanta, Georgia" from the country to the US state)."""
    for kind in KINDS:
        if kind.field == "entities":
            yield "entities", ("entities with their mentions, roles, aliases (not kb, not country)", _entities)
            yield "entities.kb", ("the knowledge-base ids of entities and the country they give", _entity_links)
        else:
            yield kind.field, (kind.description, lambda d, field=kind.field: _encode(getattr(d, field)))


# facet -> (what it is, a snapshot of it that changes when it is written)
FACETS: dict[str, tuple[str, Callable[[Document], Any]]] = {
    "text": ("the text analysed (only the cleaner may change it)", lambda d: d.text),
    "metadata": ("title, byline, dateline, captions, language... (not the publication date)", _metadata),
    "metadata.published": (
        "metadata.published and metadata.published_source",
        lambda d: (d.metadata.published, d.metadata.published_source),
    ),
    "spacy": ("the spaCy parse of text", lambda d: id(d.spacy) if d.spacy is not None else None),
    **dict(_kind_facets()),
}

# What a document has before any component runs. ``noise`` is an empty list until the
# cleaner runs, a valid state: readers of noise work without the cleaner (evaluation runs
# leave it out), yet must come after it when it is there.
GIVEN = frozenset({"text", "metadata", "metadata.published", "noise", "extras.decode_repairs"})

EXTRAS = "extras."
_MISSING = object()


def known(facet: str) -> bool:
    return facet in FACETS or (facet.startswith(EXTRAS) and len(facet) > len(EXTRAS))


def check(components: Sequence[Component]) -> None:
    """Refuse a component order whose declarations cannot hold. Raises ``ConfigError``."""
    order = ", ".join(c.name for c in components)
    for i, component in enumerate(components):
        for facet in (*component.requires, *component.assigns):
            if not known(facet):
                raise ConfigError(
                    Code.UNKNOWN_FACET,
                    f"{component.name} declares {facet!r}, which is no Document facet; "
                    f"known: {', '.join(FACETS)}, extras.<key>",
                )
        for facet in component.requires:
            later = next((c for c in components[i + 1 :] if facet in c.assigns), None)
            if later is not None:
                raise ConfigError(
                    Code.WRONG_ORDER,
                    f"{component.name} requires {facet}, which {later.name} assigns after it runs; "
                    f"move {component.name} after {later.name}; pipeline order: {order}",
                )
            if facet not in GIVEN and not any(facet in c.assigns for c in components[:i]):
                raise ConfigError(
                    Code.MISSING_REQUIREMENT,
                    f"{component.name} requires {facet}, which no earlier component assigns; "
                    f"pipeline order: {order}",
                )


def enabled() -> bool:
    """Whether run-time contract checking is on (``NEWSGRAPH_CHECK_CONTRACTS=1``)."""
    return os.environ.get(ENV, "") not in ("", "0")


def snapshot(doc: Document) -> dict[str, Any]:
    """Every facet of ``doc`` in a form that compares unequal once the facet is written."""
    state = {facet: read(doc) for facet, (_, read) in FACETS.items()}
    for key, value in doc.extras.items():
        state[EXTRAS + key] = repr(value)
    return state


def touched(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The facets whose snapshot differs (including extras keys added or removed)."""
    return sorted(f for f in before.keys() | after.keys() if before.get(f, _MISSING) != after.get(f, _MISSING))


class ContractViolation(AssertionError):
    """A component wrote a facet it does not declare (raised only when checking is on)."""
