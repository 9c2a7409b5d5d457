"""The server-side highlighter: escaped text, well-formed nesting, every span kept."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.web.highlight import Span, article_html, paragraphs, render
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
    assert check.tags == {"mark", "span"}
    assert "".join(check.text) == hostile_record().text


@given(st.text(alphabet="ab \n", max_size=40))
def test_web_highlight_paragraphs_cover_the_text(text):
    pieces = paragraphs(text)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all("\n" not in text[a:b].rstrip("\n") for a, b in pieces)


def test_web_highlight_one_tab_stop_per_paragraph():
    text = "Ada met Bob.\n\nCal left Dover.\nNo marks here."
    spans = [(0, 3), (8, 11), (2, 20), (24, 29)]
    record = {"text": text, "entities": [{"id": f"e{i}", "type": "PERSON", "name": text[a:b], "mentions": [{"start": a, "end": b}]}
                                         for i, (a, b) in enumerate(spans)]}  # fmt: skip
    html = str(article_html(record))
    paras = re.findall(r'<span class="para" data-start="(\d+)">(.*?)</span>(?=<span class="para"|$)', html, re.S)
    assert [int(a) for a, _ in paras] == [0, 14, 30]
    # the mention crossing the paragraph break is cut in two, each part in its paragraph
    assert [p.count('tabindex="0"') for _, p in paras] == [1, 1, 0]
    assert "".join(_parse(html).text) == text


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
