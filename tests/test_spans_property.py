"""Property: on any input hypothesis can build, every span of every kind indexes the
record's text and covers exactly what it claims."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.service import make_input
from newsgraph.validate import span_problems

# Pieces that exercise every extractor: names, offices, places, numbers, dates, quote
# marks, scrape furniture, mojibake and junk, glued together in arbitrary order.
NEWSY = [
    "President", "Anna Kowalczyk", "Secretary General", "NATO", "the alliance", "Poland", "Polish",
    "Kyiv", "Moldova", "the Black Sea", "Donetsk Oblast", "said", "told reporters", "according to",
    "Thursday", "Friday", "last year", "in 2014", "June 14, 2021", "the 1990s", "now", "overnight",
    "5,000 troops", "up to 40,000", "between 5,000 and 7,000", "$3bn", "12%", "two dozen", "1.5 million",
    '"', "“", "”", "'", "‘", "’", ",", ".", " — ", "\n", "\n- Latest updates on the crisis\n",
    "RELATED IMAGESview larger image", "(AP Photo/Jan Kowal)", "WARSAW — ", "By Jordan Ellis\n",
    "â€™", "Ã©", "qzxwvbnmkj", "drfqxzwnuring", "n't", "U.S.", "EU", "he said", "borders", "to the east",
]
pieces = st.one_of(st.sampled_from(NEWSY), st.text(min_size=1, max_size=12))
articles = st.lists(pieces, min_size=1, max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, clean=st.booleans(), published=st.sampled_from([None, "2031-03-14"]))
def test_spans_property_every_span_indexes_text(pipeline, text, clean, published):
    try:
        record = pipeline(make_input(text, published, clean=clean))
    except InputError:
        return  # refused inputs (blank, not English...) carry no spans
    assert span_problems(record) == []
    if not clean:
        assert record.text == text


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=300), clean=st.booleans())
def test_spans_property_arbitrary_unicode(pipeline, text, clean):
    try:
        record = pipeline(make_input(text, None, clean=clean))
    except InputError:
        return
    assert span_problems(record) == []
