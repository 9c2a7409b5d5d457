"""The one place components are registered.

Built-in components are listed here by versioned name and imported lazily, so loading the
registry costs nothing. Third-party components arrive through the ``newsgraph.components``
entry-point group; a saved configuration naming ``newsgraph.quotes.v1`` keeps working
after ``v2`` is added.
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import entry_points
from typing import Any, get_type_hints

import msgspec

from newsgraph.errors import Code, ConfigError
from newsgraph.pipeline.component import Component

_BUILTINS: dict[str, str] = {
    "newsgraph.clean.v1": "newsgraph.pipeline.components.clean:Cleaner",
    "newsgraph.spacy.v1": "newsgraph.pipeline.components.backbone:SpacyBackbone",
    "newsgraph.entities.v1": "newsgraph.pipeline.components.entities:EntityLinker",
    "newsgraph.quotes.v1": "newsgraph.pipeline.components.quotes:QuoteExtractor",
    "newsgraph.quantities.v1": "newsgraph.pipeline.components.quantities:QuantityExtractor",
    "newsgraph.dates.v1": "newsgraph.pipeline.components.dates:DateExtractor",
    "newsgraph.places.v1": "newsgraph.pipeline.components.places:PlaceResolver",
    "newsgraph.events.v1": "newsgraph.pipeline.components.events:EventCoder",
    "newsgraph.tone.v1": "newsgraph.pipeline.components.tone:ToneScorer",
}

ENTRY_POINT_GROUP = "newsgraph.components"


def names() -> list[str]:
    """Every registered component name, built-in and from entry points."""
    return sorted(set(_BUILTINS) | {ep.name for ep in _entry_points()})


@cache
def get(name: str) -> type[Component]:
    """The component factory registered as ``name``."""
    target = _BUILTINS.get(name)
    if target is None:
        matches = [ep for ep in _entry_points() if ep.name == name]
        if not matches:
            raise ConfigError(
                Code.UNKNOWN_COMPONENT,
                f"no component is registered as {name!r}; known: {', '.join(names())}",
            )
        factory = matches[0].load()
    else:
        module_name, _, attr = target.partition(":")
        factory = getattr(importlib.import_module(module_name), attr)
    if factory.name != name:
        raise ConfigError(
            Code.BAD_CONFIG, f"{target or name} declares name {factory.name!r}, registered as {name!r}"
        )
    return factory


def create(name: str, **config) -> Component:
    """Build the component ``name`` with its configuration keyword arguments, each checked
    against the type its factory's signature gives it (BAD_SETTING when it does not fit)."""
    factory = get(name)
    config = {key: _typed(name, factory, key, value) for key, value in config.items()}
    try:
        return factory(**config)
    except TypeError as err:
        raise ConfigError(Code.BAD_CONFIG, f"bad configuration for {name}: {err}") from err


def _typed(name: str, factory: type[Component], key: str, value: Any) -> Any:
    """``value`` as the type the factory's ``key`` parameter is annotated with; unknown keys
    and unannotated parameters pass through (the factory call reports unknown keys)."""
    try:
        hint = get_type_hints(factory.__init__).get(key)
    except (NameError, TypeError):  # an annotation that cannot be resolved: nothing to check
        return value
    if hint is None:
        return value
    try:
        return msgspec.convert(value, hint)
    except msgspec.ValidationError:
        expected = getattr(hint, "__name__", None) or str(hint)
        raise ConfigError(
            Code.BAD_SETTING,
            f"{name}: setting {key!r} expects {expected}, found {value!r} ({type(value).__name__})",
        ) from None
    except TypeError:  # a type msgspec cannot check (a callable, a class instance)
        return value


def _entry_points():
    return entry_points(group=ENTRY_POINT_GROUP)
