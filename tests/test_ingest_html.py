"""The no-article rule for HTML (``html.not_an_article``, E111) and the ``--published``
default against a page's own date, through ``prepare``."""

from __future__ import annotations

import pytest

from newsgraph.errors import Code, InputError
from newsgraph.ingest.html import extract_article, not_an_article
from newsgraph.ingest.inputs import InputDoc
from newsgraph.pipeline.prepare import prepare
from tests.test_ingest_bad_inputs import APP_SHELL, COOKIE_WALL, NAV_PAGE

BRIEF = (
    "<!doctype html><html><body><article><p>The harbour council in Port Avalon approved a new ferry "
    "route on Monday.</p><p>Mayor Clara Voss said the service would start in spring.</p></article></body></html>"
)
DATED = BRIEF.replace("<html>", '<html><head><meta property="article:published_time" content="2024-06-03"></head>')


@pytest.mark.parametrize(("page", "found"), [(NAV_PAGE, "Home"), (COOKIE_WALL, "Privacy"), (APP_SHELL, "JavaScript")])
def test_ingest_html_pages_without_an_article_are_refused(page, found):
    with pytest.raises(InputError) as info:
        prepare(InputDoc(id="p1", html=page, source="site/index.html"))
    error = info.value
    assert error.code is Code.NOT_ARTICLE and error.subject == "p1"
    assert "expected an article" in error.message and found in error.message


def test_ingest_html_a_two_sentence_brief_is_an_article():
    article = extract_article(BRIEF)
    assert article is not None and not_an_article(article.text) is None
    assert "Port Avalon" in prepare(InputDoc(id="b1", html=BRIEF)).text


def test_ingest_html_sentences_in_any_script_count():
    text = "欧洲央行周四宣布维持利率不变，并表示将继续密切关注通胀走势。行长在新闻发布会上说，经济前景仍不明朗，需要更多数据。"
    assert not_an_article(text) is None
    assert not_an_article("首页 | 新闻 | 体育") is not None


@pytest.mark.parametrize(
    ("item", "published", "source"),
    [
        (InputDoc(id="d1", html=BRIEF, default_published="2031-01-02"), "2031-01-02", "caller"),
        (InputDoc(id="d2", html=DATED, default_published="2031-01-02"), "2024-06-03", "html"),
        (InputDoc(id="d3", html=DATED, published="2031-01-02"), "2031-01-02", "caller"),
        (InputDoc(id="d4", text="The council met on Monday.", default_published="2031-01-02"), "2031-01-02", "caller"),
        (InputDoc(id="d5", text="The council met on Monday.", published="2030-01-01", default_published="2031-01-02"),
         "2030-01-01", "caller"),
    ],
)  # fmt: skip
def test_ingest_html_published_default_yields_to_the_inputs_own_date(item, published, source):
    metadata = prepare(item).metadata
    assert (metadata.published, metadata.published_source) == (published, source)


def test_ingest_html_bad_default_date_is_refused():
    with pytest.raises(InputError) as info:
        prepare(InputDoc(id="x", text="The council met on Monday.", default_published="02/01/2031"))
    assert info.value.code is Code.BAD_DATE and "02/01/2031" in info.value.message
