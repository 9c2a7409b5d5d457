"""The pipeline core: registry, configuration, requirement checks, batch isolation."""

from __future__ import annotations

import pytest

from newsgraph.errors import Code, ConfigError
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.pipeline import registry
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.pipeline.pipeline import Pipeline


class _Upper(Component):
    name = "test.upper.v1"
    requires = ("text",)
    assigns = ("extras.shout",)

    def __call__(self, doc):
        if "boom" in doc.text:
            raise RuntimeError("boom")
        doc.extras["shout"] = doc.text.upper()
        return doc


class _NeedsSpacy(Component):
    name = "test.needs.v1"
    requires = ("spacy",)


def test_pipeline_requirements_checked_before_running():
    with pytest.raises(ConfigError) as info:
        Pipeline([_NeedsSpacy()])
    assert info.value.code is Code.MISSING_REQUIREMENT
    assert "requires spacy" in info.value.message


def test_pipeline_unknown_component_names_known_ones():
    with pytest.raises(ConfigError) as info:
        registry.create("newsgraph.nope.v1")
    assert "newsgraph.spacy.v1" in info.value.message


def test_pipeline_bad_component_setting_is_config_error():
    with pytest.raises(ConfigError) as info:
        registry.create("newsgraph.spacy.v1", colour="red")
    assert info.value.code is Code.BAD_CONFIG


def test_pipeline_component_error_isolated_to_its_document():
    pipe = Pipeline([_Upper()], batch_size=8)
    items = [
        InputDoc(id="a", text="fine"),
        InputDoc(id="b", text="boom here"),
        Failure("c", "x.jsonl:3", Code.BAD_JSON, "not valid JSON"),
        InputDoc(id="d", text="   "),
        InputDoc(id="e", text="also fine"),
    ]
    results = list(pipe.pipe(items))
    assert [getattr(r, "id") for r in results] == ["a", "b", "c", "d", "e"]
    assert not isinstance(results[0], Failure) and not isinstance(results[4], Failure)
    assert results[1].code is Code.COMPONENT_FAILED and "boom" in results[1].reason
    assert results[2].code is Code.BAD_JSON
    assert results[3].code is Code.EMPTY
    assert results[0].pipeline == ["test.upper.v1"]


def test_pipeline_config_from_dict_and_overrides():
    config = PipelineConfig.from_dict({"component": [{"name": "newsgraph.spacy.v1", "model": "x"}]})
    assert config.components[0].config == {"model": "x"}
    changed = config.with_settings("newsgraph.spacy.v1", model="y")
    assert changed.components[0].config == {"model": "y"}
    with pytest.raises(ConfigError):
        PipelineConfig.from_dict({"component": []})


class _Poison(Component):
    """Raises on a marker text, after the components before it have written into the batch."""

    name = "test.poison.v1"
    requires = ("text",)
    marker = "POISON-PILL"

    def __call__(self, doc):
        if self.marker in doc.text:
            raise RuntimeError("poisoned")
        return doc


@pytest.mark.parametrize("after", ["newsgraph.entities.v1", "newsgraph.tone.v1"])
def test_pipeline_poisoned_batch_leaves_neighbours_identical(pipeline, after):
    """A batch with a failing document yields, for every other document, the record that
    analysing it alone gives, byte for byte (no entity, quote or component twice)."""
    from tests.conftest import EXAMPLES

    from newsgraph.record import to_json

    at = pipeline.names.index(after) + 1
    poisoned = Pipeline([*pipeline.components[:at], _Poison(), *pipeline.components[at:]], batch_size=8)
    items = [InputDoc(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]
    pill = InputDoc(id="pill", text=items[0].text + "\n\nThe minister said POISON-PILL was found.")
    batch = list(poisoned.pipe([items[0], pill, *items[1:]]))
    alone = [to_json(poisoned(item)) for item in items]
    failure = batch.pop(1)
    assert isinstance(failure, Failure) and failure.code is Code.COMPONENT_FAILED
    assert failure.reason.startswith("test.poison.v1 failed:") and "poisoned" in failure.reason
    assert [to_json(r) for r in batch] == alone
    assert all(r.pipeline == poisoned.names for r in batch)


def _order(*names):
    return [registry.get(n) for n in names]


def test_pipeline_default_order_keeps_every_contract():
    from newsgraph.pipeline import contract
    from newsgraph.pipeline.config import DEFAULT_COMPONENTS

    contract.check(_order(*DEFAULT_COMPONENTS))  # no error


def test_pipeline_events_before_dates_refused_when_built():
    from newsgraph.pipeline import contract
    from newsgraph.pipeline.config import DEFAULT_COMPONENTS

    names = [n for n in DEFAULT_COMPONENTS if n != "newsgraph.events.v1"]
    names.insert(names.index("newsgraph.dates.v1"), "newsgraph.events.v1")
    with pytest.raises(ConfigError) as info:
        contract.check(_order(*names))
    assert info.value.code is Code.WRONG_ORDER
    assert "newsgraph.events.v1 requires dates, which newsgraph.dates.v1 assigns after it" in info.value.message


def test_pipeline_missing_producer_and_unknown_facet_refused():
    from newsgraph.pipeline import contract

    with pytest.raises(ConfigError) as info:
        contract.check(_order("newsgraph.clean.v1", "newsgraph.spacy.v1", "newsgraph.events.v1"))
    assert info.value.code is Code.MISSING_REQUIREMENT and "requires entities" in info.value.message

    class _Typo(Component):
        name = "test.typo.v1"
        assigns = ("entites",)

    with pytest.raises(ConfigError) as info:
        Pipeline([_Typo()])
    assert info.value.code is Code.UNKNOWN_FACET and "'entites'" in info.value.message


def test_pipeline_cleaner_after_backbone_refused():
    from newsgraph.pipeline import contract

    with pytest.raises(ConfigError) as info:
        contract.check(_order("newsgraph.spacy.v1", "newsgraph.clean.v1"))
    assert info.value.code is Code.WRONG_ORDER and "requires text" in info.value.message


class _Sneaky(Component):
    """Declares quotes but writes an undeclared extras key: the run-time check must catch it."""

    name = "test.sneaky.v1"
    requires = ("text",)
    assigns = ("quotes",)

    def __call__(self, doc):
        doc.extras["hidden"] = 1
        return doc


def test_pipeline_runtime_check_catches_undeclared_write(monkeypatch):
    from newsgraph.pipeline import contract

    monkeypatch.setenv(contract.ENV, "1")
    with pytest.raises(contract.ContractViolation, match=r"test.sneaky.v1 wrote extras.hidden of a"):
        list(Pipeline([_Sneaky()]).pipe([InputDoc(id="a", text="fine")]))
    monkeypatch.setenv(contract.ENV, "0")
    assert not isinstance(Pipeline([_Sneaky()])(InputDoc(id="a", text="fine")), Failure)


@pytest.mark.parametrize(
    ("name", "setting", "value", "expects"),
    [
        ("newsgraph.quantities.v1", "durations", "no", "bool"),
        ("newsgraph.places.v1", "min_confidence", "high", "float"),
        ("newsgraph.spacy.v1", "n_process", True, "int"),
    ],
)
def test_pipeline_setting_of_wrong_type_refused_when_built(name, setting, value, expects):
    with pytest.raises(ConfigError) as info:
        registry.create(name, **{setting: value})
    assert info.value.code is Code.BAD_SETTING
    assert info.value.message == f"{name}: setting {setting!r} expects {expects}, found {value!r} ({type(value).__name__})"


class _Broken(Component):
    """Writes the annotation a marker asks for: a span off its text, or a dangling speaker."""

    name = "test.broken.v1"
    requires = ("text",)
    assigns = ("quotes", "dates")

    def __call__(self, doc):
        from newsgraph.record import DateExpr, Quote, Speaker

        if "OFF" in doc.text:
            doc.dates.append(DateExpr(start=0, end=len(doc.text) + 5, value=None, type="DATE"))
        if "DANGLING" in doc.text:
            doc.quotes.append(Quote(start=0, end=3, kind="direct", speaker=Speaker(entity="e9", name="X", start=None, end=None), cue=None))
        return doc


def test_pipeline_invalid_record_becomes_coded_failure():
    pipe = Pipeline([_Broken()])
    ok, off, dangling = pipe.pipe(
        [InputDoc(id="ok", text="fine text"), InputDoc(id="off", text="OFF the end"), InputDoc(id="dg", text="DANGLING")]
    )
    assert not isinstance(ok, Failure)
    assert off.code is Code.INVALID_RECORD and off.reason.startswith("record off is invalid: date[0]: [0, 16)")
    assert dangling.code is Code.INVALID_RECORD and "refers to entity 'e9'" in dangling.reason


def test_validate_problems_catch_wrong_types():
    from newsgraph import validate
    from newsgraph.record import Metadata, Record

    record = Record(id="x", text="abc", metadata=Metadata(title=3))
    assert validate.problems(record)[0].startswith("wrong type: Expected `str | null`, got `int`")
    record = Record(id="x", text="abc", metadata=Metadata(title=object()))
    assert validate.problems(record)[0].startswith("wrong type: Encoding objects of type object is unsupported")
