"""The cleaner inside a pipeline: readers -> prepare -> cleaner -> record (no model)."""

from __future__ import annotations

from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.ingest.readers import read_paths
from newsgraph.pipeline.components.clean import Cleaner
from newsgraph.pipeline.config import DEFAULT_COMPONENTS
from newsgraph.pipeline.pipeline import Pipeline

STORY = (
    "By Ines Duarte\n"
    "OPORTO, Portugal — The city reopened its old market hall on Saturday after a two-year "
    "restoration that cost 14 million euros, the mayor said.\n"
    "Traders said the first weekend brought more visitors than they had expected."
)


def test_clean_pipeline_is_first_in_the_default_pipeline():
    assert DEFAULT_COMPONENTS[0] == "newsgraph.clean.v1"


def test_clean_pipeline_record_carries_noise_and_metadata():
    (record,) = Pipeline([Cleaner()]).pipe([InputDoc(id="s1", text=STORY)])
    assert record.pipeline == ["newsgraph.clean.v1"]
    assert record.text.startswith("OPORTO, Portugal —")
    assert record.metadata.byline == "Ines Duarte" and record.metadata.dateline == "OPORTO, Portugal"
    assert record.metadata.language == "en"
    assert [n.kind for n in record.noise] == ["byline", "dateline"]


def test_clean_pipeline_bad_bytes_become_encoding_noise(tmp_path):
    path = tmp_path / "fee.txt"
    path.write_bytes(b"The club agreed a \xa312m fee for the defender on Friday, officials said.")
    (record,) = Pipeline([Cleaner()]).pipe(read_paths([str(path)]))
    (noise,) = record.noise
    assert noise.kind == "encoding" and record.text[noise.start : noise.end] == "£"


def test_clean_pipeline_refusals_are_failures_with_codes(tmp_path):
    items = [InputDoc(id="blank", text="  "), InputDoc(id="nohtml", html="<html><body></body></html>")]
    results = list(Pipeline([Cleaner()]).pipe(items))
    assert all(isinstance(r, Failure) for r in results)
    assert [r.code.value for r in results] == ["E101", "E105"]
