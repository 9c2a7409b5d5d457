"""Quote marks: passages found from characters alone (no model)."""

from __future__ import annotations

from newsgraph.pipeline.components.quotes.marks import find_quotes


def _texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_quotes(text)]


def test_quotes_marks_curly_and_straight():
    text = 'She said: “The bridge opens in May.” He replied: "Not before June."'
    assert _texts(text) == ["The bridge opens in May.", "Not before June."]


def test_quotes_marks_split_quote_gives_two_passages_without_trailing_comma():
    text = '"Trust the engineers," the mayor said, "they have done this before."'
    assert _texts(text) == ["Trust the engineers", "they have done this before."]


def test_quotes_marks_single_quotes_nested_in_double_stay_inside():
    text = "“He told me ‘wait a week’ and then left,” the farmer said."
    found = find_quotes(text)
    assert len(found) == 1
    assert "‘wait a week’" in text[found[0].start : found[0].end]


def test_quotes_marks_multi_paragraph_quote_without_middle_closing_mark():
    text = "“The harvest was poor this year.\n\n“Prices went up in every market.\n\n“We will plant earlier,” she said."
    (m,) = find_quotes(text)
    assert m.paragraphs == 3
    assert text[m.start : m.end].startswith("The harvest") and text[m.start : m.end].endswith("plant earlier")


def test_quotes_marks_apostrophes_are_not_quotes():
    text = "The farmers’ union didn’t comment on the ’90s rules. Critics called it ‘madness’ and left."
    assert _texts(text) == ["madness"]


def test_quotes_marks_offsets_index_the_text():
    text = "A \u201cfirst\u201d and a 'second' and \"third\" one."
    for m in find_quotes(text):
        assert text[m.open] in "\u201c'\"" and m.start == m.open + 1


def test_quotes_marks_doubled_apostrophes_as_double_quotes():
    text = "''The port reopens,'' the mayor said. ''Ships may enter.'' Mr. O'Neil's boat waited."
    found = find_quotes(text)
    assert [text[m.start : m.end] for m in found] == ["The port reopens", "Ships may enter."]
    assert all(m.mark_len == 2 and text[m.open : m.open + 2] == "''" for m in found)


def test_marks_closing_curly_mark_at_paragraph_start_opens_a_quote():
    text = "Intro line.\n\u201dWe stayed until the end.\u201d said one voter.\nShe left \u201d early."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["We stayed until the end."]
