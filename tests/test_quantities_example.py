"""The reference article: the quantities and dates an analyst reads in it (values, types
and flags only)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline.components.dates import DateExtractor
from newsgraph.pipeline.components.quantities import QuantityExtractor


@pytest.fixture(scope="module")
def example_doc(example_text, nlp):
    from newsgraph.pipeline.document import Document
    from newsgraph.record import Metadata

    doc = Document(
        id="example",
        text=example_text,
        metadata=Metadata(published="2022-02-24"),
        clean=False,
    )
    doc.spacy = nlp(example_text)
    QuantityExtractor()(doc)
    DateExtractor()(doc)
    return doc


def test_quantities_example_counts(example_doc):
    found = {(q.value, q.high, q.approx, q.object) for q in example_doc.quantities}
    assert (5000, None, True, "troops") in found
    assert (30, None, False, "member countries") in found
    assert (7000, None, False, "troops") in found
    assert (5000, None, False, "personnel") in found
    assert (40000, 40000, False, "troops") in found
    assert (5000, None, False, "troops") in found  # the brigade
    assert all(q.value != 2014 and q.value != 2021 for q in example_doc.quantities)


def test_dates_example_values(example_doc):
    values = {(d.value, d.type, d.caption) for d in example_doc.dates}
    assert ("2022-02-24", "DATE", False) in values  # Thursday
    assert ("2022-02-25", "DATE", False) in values  # Friday
    assert ("2014", "DATE", False) in values
    assert ("P3M", "DURATION", False) in values
    assert ("2021-06-14", "DATE", True) in values  # the photo caption
    assert example_doc.metadata.published == "2022-02-24"
