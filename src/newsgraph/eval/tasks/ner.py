"""Entity recognition on CoNLL-2003: newsgraph against spaCy's en_core_web_sm alone.

Each CoNLL document is rebuilt as text (tokens joined by spaces, sentences by newlines),
analysed verbatim (``clean=False``) and scored by exact character-span match, per type
and micro-averaged over PER/ORG/LOC (the gated score) and over all four types.
OntoNotes labels map onto CoNLL's four types with ``TO_CONLL``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.eval.report import EvalReport, EvalTask, data_fingerprint, prf

CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")
GATED_TYPES = ("PER", "ORG", "LOC")
# Floors go on the micro scores; per-type ones are shown but move with small changes.
GATED_SCORES = ("f1_per_org_loc", "precision_per_org_loc", "recall_per_org_loc", "f1_all")

# OntoNotes (what spaCy and the record use) -> CoNLL-2003. Labels not listed (DATE,
# CARDINAL, ...) have no CoNLL counterpart and are ignored.
TO_CONLL: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

ENTITIES = "newsgraph.entities.v1"

# (start, end, CoNLL type) character spans into a document's text.
Ent = tuple[int, int, str]


@dataclass
class ConllDoc:
    """One CoNLL document rebuilt as text: ``tokens`` and ``entities`` are char spans."""

    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Ent] = field(default_factory=list)


def read_conll(path: str | Path) -> list[ConllDoc]:
    """Read a CoNLL-2003 file (IOB1 or IOB2, ``-DOCSTART-`` between documents)."""
    with open(path, encoding="utf-8") as handle:
        return list(parse_conll(handle))


def parse_conll(lines: Iterable[str]) -> Iterator[ConllDoc]:
    """Yield documents from CoNLL lines (``token ... tag``, blank line between sentences).

    Text outside any ``-DOCSTART-`` line forms one document.
    """
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for line in lines:
        parts = line.split()
        if not parts:
            if sentence:
                sentences.append(sentence)
            sentence = []
        elif parts[0] == "-DOCSTART-":
            if sentence:
                sentences.append(sentence)
            sentence = []
            if sentences:
                yield _build_doc(sentences)
            sentences = []
        else:
            sentence.append((parts[0], parts[-1]))
    if sentence:
        sentences.append(sentence)
    if sentences:
        yield _build_doc(sentences)


def _build_doc(sentences: list[list[tuple[str, str]]]) -> ConllDoc:
    """Join tokens with spaces and sentences with newlines, keeping entity offsets."""
    pieces: list[str] = []
    doc = ConllDoc(text="")
    offset = 0
    for s_index, sentence in enumerate(sentences):
        if s_index:
            pieces.append("\n")
            offset += 1
        spans = []
        for t_index, (token, _tag) in enumerate(sentence):
            if t_index:
                pieces.append(" ")
                offset += 1
            spans.append((offset, offset + len(token)))
            pieces.append(token)
            offset += len(token)
        doc.tokens.extend(spans)
        doc.entities.extend(_decode_iob([tag for _, tag in sentence], spans))
    doc.text = "".join(pieces)
    return doc


def _decode_iob(tags: list[str], spans: list[tuple[int, int]]) -> list[Ent]:
    """Entity char spans from one sentence's IOB1/IOB2 tags (``B-`` always starts one,
    ``I-`` continues only an entity of the same type)."""
    entities: list[Ent] = []
    current: list = []  # [start, end, type] of the entity being read
    for tag, (start, end) in zip(tags, spans, strict=True):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and current and current[2] == kind:
            current[1] = end
            continue
        if current:
            entities.append(tuple(current))
        current = [start, end, kind] if prefix in ("B", "I") else []
    if current:
        entities.append(tuple(current))
    return entities


def to_conll(entities: Iterable[tuple[int, int, str]]) -> set[Ent]:
    """Map OntoNotes-labelled spans onto CoNLL types, dropping labels with no counterpart."""
    return {(s, e, TO_CONLL[label]) for s, e, label in entities if label in TO_CONLL}


def score(gold: list[set[Ent]], predicted: list[set[Ent]]) -> dict[str, float]:
    """Exact-match precision/recall/F1 per CoNLL type, micro over PER/ORG/LOC
    (``*_per_org_loc``, the gated score) and over all four (``*_all``)."""
    counts = {kind: [0, 0, 0] for kind in CONLL_TYPES}  # tp, fp, fn
    for gold_set, pred_set in zip(gold, predicted, strict=True):
        for kind in CONLL_TYPES:
            g = {x for x in gold_set if x[2] == kind}
            p = {x for x in pred_set if x[2] == kind}
            counts[kind][0] += len(g & p)
            counts[kind][1] += len(p - g)
            counts[kind][2] += len(g - p)
    scores: dict[str, float] = {}
    groups = {"per_org_loc": GATED_TYPES, "all": CONLL_TYPES, **{k: (k,) for k in CONLL_TYPES}}
    for name, kinds in groups.items():
        tp, fp, fn = (sum(counts[k][i] for k in kinds) for i in range(3))
        precision, recall, f1 = prf(tp, tp + fp, tp + fn)
        scores.update({f"f1_{name}": f1, f"precision_{name}": precision, f"recall_{name}": recall})
    return {k: round(v, 4) for k, v in scores.items()}


def spacy_entities(texts: list[str], model: str, ner: str) -> list[set[Ent]]:
    """CoNLL-typed entities of a spaCy pipeline (via newsgraph's cached loader) alone."""
    from newsgraph.pipeline.components.backbone import load_spacy

    nlp = load_spacy(model, ner)
    return [to_conll((e.start_char, e.end_char, e.label_) for e in d.ents) for d in nlp.pipe(texts)]


def newsgraph_entities(texts: list[str], ner: str) -> dict[str, list[set[Ent]]]:
    """CoNLL-typed entities from newsgraph's pipeline up to entities, analysing verbatim.

    Returns entities per text for each stage: ``"backbone"`` (the spaCy entities of
    ``newsgraph.spacy.v1``) and, when that component is installed, ``ENTITIES`` (its
    record mentions, the entities newsgraph publishes).
    """
    from newsgraph.ingest.inputs import InputDoc
    from newsgraph.pipeline.prepare import prepare
    from newsgraph.pipeline.config import BACKBONE, ComponentSpec, PipelineConfig
    from newsgraph.service import get_pipeline

    config = PipelineConfig((ComponentSpec(BACKBONE, {"ner": ner}), ComponentSpec(ENTITIES)))
    if not _entities_installed():
        config = config.without(ENTITIES)
    pipeline = get_pipeline(config)
    docs = [prepare(InputDoc(id=f"conll-{i}", text=t, clean=False)) for i, t in enumerate(texts)]
    # The components are run by hand (as Pipeline.pipe does) so both stages can be read.
    for component in pipeline.components:
        docs = list(component.pipe(docs, batch_size=pipeline.batch_size))
    stages = {"backbone": [to_conll((e.start_char, e.end_char, e.label_) for e in d.spacy.ents) for d in docs]}
    if pipeline.get(ENTITIES):
        stages[ENTITIES] = [
            to_conll((m.start, m.end, e.type) for e in d.entities for m in e.mentions) for d in docs
        ]
    return stages


def _entities_installed() -> bool:
    """Whether the entities component can be imported in this installation."""
    from newsgraph.pipeline import registry

    try:
        registry.get(ENTITIES)
    except ModuleNotFoundError as err:
        if not (err.name or "").startswith("newsgraph"):
            raise
        return False
    return True


def run(path: str | Path, limit: int | None = None) -> EvalReport:
    """Score newsgraph, newsgraph with the stock recogniser, and en_core_web_sm alone
    on the CoNLL file at ``path`` (the first ``limit`` documents when set)."""
    from newsgraph.pipeline.components.backbone import DEFAULT_MODEL

    docs = read_conll(path)[:limit]
    texts = [d.text for d in docs]
    gold = [set(d.entities) for d in docs]
    ours = newsgraph_entities(texts, ner="newsgraph")
    stock = newsgraph_entities(texts, ner="model")
    final = ENTITIES if ENTITIES in ours else "backbone"
    baselines = {"spacy en_core_web_sm": score(gold, spacy_entities(texts, DEFAULT_MODEL, ner="model"))}
    baselines["newsgraph with stock en_core_web_sm ner"] = score(gold, stock[final])
    if final != "backbone":
        baselines["newsgraph backbone ner alone"] = score(gold, ours["backbone"])
    counts = {"documents": len(docs), "tokens": sum(len(d.tokens) for d in docs)}
    counts.update({f"gold_{k}": sum(e[2] == k for g in gold for e in g) for k in CONLL_TYPES})
    return EvalReport(
        task="ner",
        data=str(path),
        data_hash=data_fingerprint([Path(path)]),
        scores=score(gold, ours[final]),
        baselines=baselines,
        counts=counts,
        gated=GATED_SCORES,
        notes=[
            f"newsgraph entities read from {final}; exact character-span match",
            "gated score: f1_per_org_loc (micro over PER, ORG, LOC); mapping PERSON->PER, "
            "GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE->MISC",
        ],
    )


TASK = EvalTask(
    name="ner",
    description="Named entities (PER/ORG/LOC/MISC) on CoNLL-2003, newsgraph vs en_core_web_sm alone",
    option="--conll",
    default_path="ner/conll2003/eng.testa",
    run=run,
)
