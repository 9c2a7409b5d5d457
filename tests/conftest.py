"""Shared fixtures. Tests build documents by hand where they can; the spaCy model and the
default pipeline load once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run by default, so CI is reproducible:
# a failure on a clean clone is a failure on every machine. HYPOTHESIS_PROFILE=explore
# draws fresh random examples on each run to hunt for new bugs; fold what it finds into
# a named regression test (see docs/dev/testing.md).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Every pipeline built in the suite checks that each component writes only the Document
# facets it declares (newsgraph.pipeline.contract); production leaves this off.
os.environ.setdefault("NEWSGRAPH_CHECK_CONTRACTS", "1")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
SHARED_DATA = SHARED / "data"
EXAMPLE_ARTICLE = SHARED / "examples" / "nato-eastern-flank.txt"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from the current pipeline (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a skip saying it is absent (it exists for developers and CI only)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"evaluation data not found at {SHARED_DATA} (set NEWSGRAPH_SHARED to its parent)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def example_text() -> str:
    """The project's reference article from ../shared/examples, read at test time."""
    if not EXAMPLE_ARTICLE.is_file():
        pytest.skip(f"reference article not found at {EXAMPLE_ARTICLE}")
    return EXAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, load_spacy

    return load_spacy(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def pipeline():
    from newsgraph.service import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def example_record(example_text):
    """The reference article analysed with its publication date."""
    import newsgraph

    return newsgraph.analyze(example_text, published="2022-02-24")


@pytest.fixture
def make_doc():
    """Build a ``Document`` by hand (no model), for unit tests of single components."""
    from newsgraph.pipeline.document import Document
    from newsgraph.record import Metadata

    def make(text: str, *, published: str | None = None, clean: bool = True, id: str = "t1"):
        return Document(id=id, text=text, metadata=Metadata(published=published), clean=clean)

    return make


@pytest.fixture
def quotes_of(make_doc, nlp):
    """``quotes_of(text, entities=None, noise=None)``: the quotes component's quotes in a
    parsed ``text`` with hand-made entities, left to right."""
    from tests.fixtures.quotes import quotes_runner

    return quotes_runner(make_doc, nlp)


@pytest.fixture
def dates_of(make_doc, nlp):
    """``dates_of(text, published)``: the dates component's expressions in a parsed
    ``text``, by their surface; each span is checked to carry no outer space."""
    from newsgraph.pipeline.components.dates import DateExtractor

    def run(text: str, published: str | None = None) -> dict:
        doc = make_doc(text, published=published)
        doc.spacy = nlp(text)
        DateExtractor()(doc)
        for d in doc.dates:
            assert doc.text[d.start : d.end].strip() == doc.text[d.start : d.end]
        return {doc.text[d.start : d.end]: d for d in doc.dates}

    return run


@pytest.fixture
def date_values(dates_of):
    """``date_values(text, published)``: the dates component's values by surface."""

    def run(text: str, published: str | None = None) -> dict:
        return {surface: d.value for surface, d in dates_of(text, published).items()}

    return run
