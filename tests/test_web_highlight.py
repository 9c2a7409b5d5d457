"""The server-side highlighter: escaped text, well-formed nesting, every span kept."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.web.highlight import Span, article_html, render
from tests.fixtures.web.hostile import hostile_record


class _Check(HTMLParser):
    """Collects the text and checks every <mark> closes in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Check:
    check = _Check()
    check.feed(html)
    check.close()
    assert check.stack == []
    return check


def test_web_highlight_hostile_record_is_text_only():
    html = str(article_html(_as_dict(hostile_record())))
    check = _parse(html)
    assert check.tags == {"mark"}
    assert "".join(check.text) == hostile_record().text


def _as_dict(record):
    from newsgraph.record import to_dict

    return to_dict(record)


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8))
def test_web_highlight_crossing_spans_nest_and_keep_the_text(text, pairs):
    spans = [
        Span(min(a, b), max(a, b), "entity", "x") for a, b in pairs if min(a, b) < max(a, b) <= len(text)
    ]
    html = str(render(text, spans))
    check = _parse(html)
    assert "".join(check.text) == text
    assert check.tags <= {"mark"}
    assert len(re.findall("<mark", html)) >= len(spans)
