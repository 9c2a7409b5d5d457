"""prepare(): HTML extraction with metadata, and the refusals (EMPTY, NO_ARTICLE,
TOO_LARGE) with messages naming the input and the reason."""

from __future__ import annotations

import pytest

from newsgraph.errors import Code, InputError
from newsgraph.ingest.inputs import InputDoc
from newsgraph.ingest.language import detect
from newsgraph.pipeline.prepare import prepare

BODY = (
    "The harbour authority said on Monday that the new container terminal would open in the "
    "spring, two years later than planned, after a dispute over the dredging contract."
)
PAGE = f"""<!doctype html>
<html lang="en"><head>
<title>Terminal delayed | Harbour Times</title>
<meta property="og:title" content="New terminal delayed by two years">
<meta name="author" content="Priya Raman">
<meta property="article:published_time" content="2023-03-06T09:00:00Z">
<meta property="og:site_name" content="Harbour Times">
<meta property="og:url" content="https://example.org/news/terminal">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>New terminal delayed by two years</h1>
<p>{BODY}</p>
<p>Shipping lines had expected to move their larger vessels to the terminal this year, and
several said they would now keep calling at the old quays until the work is finished.</p>
</article>
<footer>Copyright 2023 Harbour Times</footer>
</body></html>"""


def _refusal(item: InputDoc) -> InputError:
    with pytest.raises(InputError) as info:
        prepare(item)
    return info.value


def test_pipeline_prepare_html_gives_text_and_metadata():
    doc = prepare(InputDoc(id="h1", html=PAGE))
    assert BODY in doc.text and "<p>" not in doc.text and "Home" not in doc.text
    meta = doc.metadata
    assert meta.title == "New terminal delayed by two years"
    assert meta.byline == "Priya Raman"
    assert meta.published == "2023-03-06" and meta.published_source == "html"
    assert meta.url == "https://example.org/news/terminal"
    assert meta.language == "en"


def test_pipeline_prepare_caller_metadata_wins_over_the_page():
    doc = prepare(InputDoc(id="h2", html=PAGE, published="2023-03-07", title="Mine", url="https://x.test/a"))
    assert doc.metadata.published == "2023-03-07" and doc.metadata.published_source == "caller"
    assert doc.metadata.title == "Mine" and doc.metadata.url == "https://x.test/a"


def test_pipeline_prepare_sitename_fills_source_only_when_missing():
    assert prepare(InputDoc(id="h3", html=PAGE)).metadata.source == "Harbour Times"
    assert prepare(InputDoc(id="h4", html=PAGE, source="in.jsonl:4")).metadata.source == "in.jsonl:4"


def test_pipeline_prepare_html_without_article_is_no_article():
    error = _refusal(InputDoc(id="h5", html="<html><head><title>x</title></head><body></body></html>"))
    assert error.code is Code.NO_ARTICLE and error.subject == "h5"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_pipeline_prepare_blank_text_is_empty(text):
    error = _refusal(InputDoc(id="e1", text=text, source="blank.txt"))
    assert error.code is Code.EMPTY and "e1" in str(error)


def test_pipeline_prepare_too_large():
    with pytest.raises(InputError) as info:
        prepare(InputDoc(id="big", text="word " * 100), max_chars=100)
    assert info.value.code is Code.TOO_LARGE


@pytest.mark.parametrize(
    ("text", "detected"),
    [
        (
            "Le gouvernement a annoncé mardi une série de mesures pour soutenir les entreprises "
            "touchées par la crise, selon un communiqué publié dans la soirée par le ministère.",
            "fr",
        ),
        (
            "Die Regierung hat am Dienstag neue Maßnahmen beschlossen, um die Unternehmen in der "
            "Krise zu unterstützen, wie ein Sprecher des Ministeriums am Abend mitteilte.",
            "de",
        ),
        ("Правительство объявило во вторник о новых мерах поддержки компаний в условиях кризиса.", "und-Cyrl"),
    ],
)
def test_pipeline_prepare_non_english_is_kept_with_its_language(text, detected):
    doc = prepare(InputDoc(id="fx", text=text))
    assert doc.text == text and doc.metadata.language == detected


@pytest.mark.parametrize(
    "text",
    [
        "Stocks rally as rates hold",
        "fine",
        "Arsenal 2 Chelsea 1\nLiverpool 3 Everton 0\nLeeds 1 Burnley 1\nFulham 0 Wolves 2\nSpurs 4 Brighton 4",
        "EU REJECTS GERMAN CALL TO BOYCOTT BRITISH LAMB . PETER BLACKBURN BRUSSELS 1996-08-22 THE "
        "EUROPEAN COMMISSION SAID ON THURSDAY IT DISAGREED WITH GERMAN ADVICE TO CONSUMERS .",
        "Real Madrid beat Atletico de Madrid 2-1 at the Santiago Bernabeu on Sunday, with goals from "
        "Vinicius Junior and Jude Bellingham sealing the derby for Carlo Ancelotti's side.",
        # two words that are also Swedish function words ("men", "hit") are no evidence
        "Deputies in Marlow County arrested two men. Flooding hit Grant Parish overnight.",
    ],
)
def test_pipeline_prepare_short_tables_caps_and_foreign_names_pass_as_english(text):
    doc = prepare(InputDoc(id="ok", text=text))
    assert doc.metadata.language == "en"
    assert detect(text).english


def test_pipeline_prepare_bad_date_still_refused():
    assert _refusal(InputDoc(id="d", text=BODY, published="06/03/2023")).code is Code.BAD_DATE


@pytest.mark.parametrize("text, title", [
    (f"Harbour terminal opening delayed by two years\n\n{BODY}", "Harbour terminal opening delayed by two years"),
    (f"  Dredging  dispute   holds up terminal \n{BODY}", "Dredging dispute holds up terminal"),
    (f"The authority said the work was late.\n\n{BODY}", None),  # a sentence, not a headline
    (f"harbour news today\n\n{BODY}", None),  # not capitalised
    (f"By Priya Raman\n\n{BODY}", None),  # a byline
    ("Terminal delayed\n", None),  # nothing follows
    (BODY, None),  # one long paragraph
    (f"{'Word ' * 20}\n\n{BODY}", None),  # too long for a headline
])  # fmt: skip
def test_pipeline_prepare_plain_text_title_is_a_headline_first_line(text, title):
    doc = prepare(InputDoc(id="t", text=text))
    assert doc.metadata.title == title
    assert doc.text == text  # the text (and so every offset) is untouched


def test_pipeline_prepare_caller_title_wins_and_verbatim_text_keeps_its_offsets():
    text = f"Harbour terminal opening delayed\n\n{BODY}"
    assert prepare(InputDoc(id="t", text=text, title="Given")).metadata.title == "Given"
    verbatim = prepare(InputDoc(id="t", text=text, clean=False))
    assert verbatim.text == text and verbatim.metadata.title == "Harbour terminal opening delayed"
