"""Articles in other languages are kept: the language-independent components run, the
English-only ones are skipped with a note on the record saying which and why."""

from __future__ import annotations

import pytest

from newsgraph import validate
from newsgraph.ingest.inputs import Failure, InputDoc
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.pipeline import Pipeline
from newsgraph.record import to_json

# Synthetic articles (written for this test).
ARTICLES = {
    "de": (
        "Stadtrat beschließt neuen Radweg\n\n"
        "Der Stadtrat hat am Mittwoch beschlossen, dass die Stadt einen neuen Radweg entlang des "
        "Flusses bauen wird. Die Bürgermeisterin sagte, es sei ein wichtiger Schritt für die "
        "Bürger, und die Kosten von 2,5 Millionen Euro würden aus dem Haushalt bezahlt.\n\n"
        "Die Opposition kritisierte, dass die Pläne nicht mit den Anwohnern besprochen worden seien.\n"
    ),
    "fr": (
        "Le conseil municipal adopte un nouveau budget\n\n"
        "Le conseil municipal a adopté mardi un budget de 40 millions d'euros pour la rénovation "
        "des écoles de la ville. Le maire a déclaré que les travaux commenceront dans les "
        "prochains mois et qu'ils seront terminés avant la fin de l'année prochaine.\n\n"
        "L'opposition a dénoncé un projet qui, selon elle, ne répond pas aux besoins des familles.\n"
    ),
    "es": (
        "El ayuntamiento aprueba un nuevo plan de transporte\n\n"
        "El ayuntamiento aprobó el jueves un plan para ampliar la red de autobuses de la ciudad, "
        "que costará 15 millones de euros. La alcaldesa dijo que los nuevos servicios estarán en "
        "marcha antes del verano y que beneficiarán a los vecinos de los barrios del norte.\n\n"
        "Los grupos de la oposición pidieron más información sobre la financiación del proyecto.\n"
    ),
}

ENGLISH = (
    "Council approves new cycle path\n\n"
    "The city council voted on Wednesday to build a new cycle path along the river. Mayor Ana Ruiz "
    "said the work would cost $2.5 million and would start next spring.\n"
)


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_pipeline_non_english_article_kept_with_notes(pipeline, language):
    text = ARTICLES[language]
    record = pipeline(InputDoc(id=f"a-{language}", text=text, published="2024-03-06"))
    assert record.text == text and record.metadata.language == language
    assert record.metadata.published == "2024-03-06"
    assert record.pipeline == ["newsgraph.clean.v1"]
    skipped = [n.component for n in record.notes]
    assert skipped == pipeline.names[1:]
    assert all(n.kind == "skipped" and n.reason.endswith(f"language is {language}") for n in record.notes)
    assert not (record.entities or record.quotes or record.dates or record.quantities or record.events)
    assert validate.problems(record) == []


def test_pipeline_non_english_html_keeps_page_metadata(pipeline):
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLES["fr"].split("\n\n")[1:])
    html = (
        "<html><head><title>Budget municipal</title><meta name='author' content='Marie Exemple'></head>"
        f"<body><article><h1>Le conseil adopte un budget</h1>{paragraphs}</article></body></html>"
    )
    record = pipeline(InputDoc(id="page", html=html, url="https://example.org/budget"))
    assert record.metadata.language == "fr" and "40 millions d'euros" in record.text
    assert record.metadata.url == "https://example.org/budget"
    assert record.notes and record.pipeline == ["newsgraph.clean.v1"]


def test_pipeline_mixed_language_batch_leaves_english_records_unchanged(pipeline):
    batch = list(pipeline.pipe([InputDoc(id="en", text=ENGLISH), InputDoc(id="de", text=ARTICLES["de"])]))
    assert not any(isinstance(r, Failure) for r in batch)
    assert to_json(batch[0]) == to_json(pipeline(InputDoc(id="en", text=ENGLISH)))
    assert batch[0].notes == [] and batch[0].entities
    assert batch[1].metadata.language == "de"


class _AnyLanguage(Component):
    """A language-independent component that reads what an English-only one assigns."""

    name = "test.any.v1"
    requires = ("text", "extras.shout")
    assigns = ("extras.seen",)
    languages = None

    def __call__(self, doc):
        doc.extras["seen"] = True
        return doc


class _EnglishOnly(Component):
    name = "test.english.v1"
    requires = ("text",)
    assigns = ("extras.shout",)

    def __call__(self, doc):
        doc.extras["shout"] = doc.text.upper()
        return doc


def test_pipeline_skip_cascades_to_components_needing_skipped_output():
    pipe = Pipeline([_EnglishOnly(), _AnyLanguage()])
    record = pipe(InputDoc(id="de", text=ARTICLES["de"]))
    assert record.pipeline == []
    assert [(n.component, n.reason) for n in record.notes] == [
        ("test.english.v1", "handles en only; the article's language is de"),
        ("test.any.v1", "needs extras.shout, which test.english.v1 (skipped) assigns"),
    ]
    assert pipe(InputDoc(id="en", text=ENGLISH)).pipeline == ["test.english.v1", "test.any.v1"]
