"""The language check's fast word reader for ASCII text finds the same words."""

import string

from newsgraph.ingest import language


def test_ascii_words_are_the_unicode_letter_runs():
    text = ("Mixed_case 42nd words, snake_case it's 3D e-mail" + string.printable).lower()
    assert text.isascii()
    assert language._ASCII_WORD.findall(text) == language._WORD.findall(text)


def test_detect_counts_repeated_words_once_each_time():
    french = " ".join(["le la les et est dans pour une des du que qui"] * 3)
    verdict = language.detect(french)
    assert verdict.code == "fr" and not verdict.english
    words = french.split()
    assert verdict.scores["fr"] == sum(w in language._index() and "fr" in language._index()[w] for w in words) / len(words)
