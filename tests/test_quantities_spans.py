"""Property: on any text, quantities and dates never fail and their spans index the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.pipeline.components.dates import DateExtractor
from newsgraph.pipeline.components.quantities import QuantityExtractor

PIECES = st.sampled_from(
    [
        "up to",
        "40,000",
        "troops",
        "$3bn",
        "between",
        "5-7",
        "and",
        "Friday",
        "June 14, 2021",
        "last year",
        "three months",
        "minus",
        "-5",
        ".5%",
        "two dozen",
        "1/2",
        "€",
        "(AP Photo/X)",
        "\n",
        " ",
        "—",
        "2014",
        "the 1990s",
        "overnight",
        "per",
        "a",
        "km",
        "Nov.",
        "3rd",
        "tenſ of thouſands",  # a long s: re folds it to "s", str.lower keeps it
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=25),
    published=st.sampled_from([None, "2031-03-14"]),
)
def test_quantities_spans_index_text(nlp, make_doc, words, published):
    text = " ".join(words)
    doc = make_doc(text, published=published)
    doc.spacy = nlp(text)
    QuantityExtractor()(doc)
    DateExtractor()(doc)
    for item in [*doc.quantities, *doc.dates]:
        assert 0 <= item.start < item.end <= len(text)
    for q in doc.quantities:
        if q.object_span is not None:
            assert text[q.object_span.start : q.object_span.end] == q.object
    for d in doc.dates:
        assert (d.value is None) == (d.reason is not None)
