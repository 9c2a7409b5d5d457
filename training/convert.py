"""Build newsgraph's NER training corpus (spaCy DocBin files) from CoNLL-2003 eng.train.

CoNLL's four types become OntoNotes labels (what en_core_web_sm and the record use):
PER->PERSON, ORG->ORG, LOC->GPE/LOC/FAC and MISC->NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/
LANGUAGE, choosing the OntoNotes label from en_core_web_sm's own predictions (on the same
span, and voted over every occurrence of the same lower-cased name in the corpus). A MISC
span with no OntoNotes label is left unannotated ("-") so the model is taught neither way.
Non-name entities (DATE, CARDINAL, MONEY, ...) come from en_core_web_sm where they do not
overlap a gold name ("silver"). Rehearsal chunks of ordinary mixed-case news (PolNeAR
texts), labelled wholly by en_core_web_sm (names trimmed of a leading "the" and a
trailing "'s", as in CoNLL), keep the model from forgetting normal text.

Every 10th eng.train document is held out as dev (model selection); eng.testa is never
read here.

``--silver-news BEFORE AFTER`` adds silver chunks of BBC news (``--silver-texts``, the
corpus's data_files folder): the shipped recogniser's own entities, with the retypings of
the entities component's second opinion applied (docs/entities.md, "A second opinion on
one-word people"). BEFORE and AFTER are ``scripts/bbc_entities_dump.py --half train``
dumps without and with ``--second-opinion``; a name whose type differs between them in an
article takes AFTER's type on every recogniser span of that name and type there. Only the
train half of the corpus (``bbc_half``) is read; the other half stays for measurement.
Every chunk holding a retyped name is kept, then chunks drawn at random (seed 0) up to
``--silver-chunks``, so the one-word people the second opinion left alone are taught too.

    OMP_NUM_THREADS=1 python -m training.convert --conll DATA/ner/conll2003/eng.train \
        --rehearsal DATA/quotes/polnear/train/text --out training/corpus
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example, offsets_to_biluo_tags

from newsgraph.eval.tasks.ner import ConllDoc, read_conll
from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, SHIPPED_NER
from newsgraph.pipeline.components.entities.consistency import norm_key

MISC_LABELS = ("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "FAC")
LOC_LABELS = ("GPE", "LOC", "FAC")
SILVER_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")
CHUNK_TOKENS = 250
DEV_EVERY = 10


def split_train_dev(docs: list[ConllDoc]) -> tuple[list[ConllDoc], list[ConllDoc]]:
    """Every ``DEV_EVERY``-th document (index 0, 10, ...) is dev, the rest train."""
    train = [d for i, d in enumerate(docs) if i % DEV_EVERY]
    dev = [d for i, d in enumerate(docs) if not i % DEV_EVERY]
    return train, dev


def chunk(doc: ConllDoc, max_tokens: int = CHUNK_TOKENS) -> list[ConllDoc]:
    """Split a document at sentence (newline) boundaries into pieces of about
    ``max_tokens`` tokens, so long sports tables do not make huge training docs."""
    pieces: list[ConllDoc] = []
    lines, start, pos = [], 0, 0
    for line in doc.text.split("\n"):
        lines.append(line)
        pos += len(line) + 1
        if sum(len(x.split(" ")) for x in lines) >= max_tokens:
            pieces.append(_piece(doc, start, pos - 1))
            lines, start = [], pos
    if lines:
        pieces.append(_piece(doc, start, len(doc.text)))
    return pieces


def _piece(doc: ConllDoc, start: int, end: int) -> ConllDoc:
    ents = [(s - start, e - start, t) for s, e, t in doc.entities if start <= s and e <= end]
    toks = [(s - start, e - start) for s, e in doc.tokens if start <= s and e <= end]
    return ConllDoc(text=doc.text[start:end], tokens=toks, entities=ents)


def vote_labels(pieces: list[ConllDoc], predicted: list[list[tuple]]) -> dict[tuple[str, str], Counter]:
    """(CoNLL type, lower-cased name) -> counts of en_core_web_sm labels on exact matches."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for piece, preds in zip(pieces, predicted, strict=True):
        by_span = {(s, e): label for s, e, label in preds}
        for s, e, kind in piece.entities:
            label = by_span.get((s, e))
            if label:
                votes[(kind, piece.text[s:e].lower())][label] += 1
    return votes


def ontonotes_label(kind: str, name: str, local: str | None, votes) -> str | None:
    """The OntoNotes label for a gold CoNLL span, or None to leave it unannotated."""
    if kind == "PER":
        return "PERSON"
    if kind == "ORG":
        return "ORG"
    allowed = LOC_LABELS if kind == "LOC" else MISC_LABELS
    counts = Counter({k: v for k, v in votes.get((kind, name.lower()), Counter()).items() if k in allowed})
    if local in allowed:
        counts[local] += 1
    if counts:
        return counts.most_common(1)[0][0]
    return "GPE" if kind == "LOC" else None


def to_example(nlp, piece: ConllDoc, preds: list[tuple], votes) -> Example:
    """A training example: gold names with OntoNotes labels, silver non-names, gaps missing."""
    doc = nlp.make_doc(piece.text)
    by_span = {(s, e): label for s, e, label in preds}
    ents, missing = [], []
    for s, e, kind in piece.entities:
        label = ontonotes_label(kind, piece.text[s:e], by_span.get((s, e)), votes)
        (ents if label else missing).append((s, e, label))
    golds = piece.entities
    for s, e, label in preds:
        if label in SILVER_LABELS and not any(s < ge and gs < e for gs, ge, _ in golds):
            ents.append((s, e, label))
    tags = offsets_to_biluo_tags(doc, ents, missing="-")
    for token in doc:
        if any(token.idx < e and s < token.idx + len(token) for s, e, _ in missing):
            tags[token.i] = "-"
    return Example.from_dict(doc, {"entities": tags})


def paragraph_chunks(text: str, max_tokens: int = CHUNK_TOKENS) -> list[str]:
    """A plain-text article cut at blank lines into pieces of about ``max_tokens`` words."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    texts, buffer = [], []
    for para in paragraphs:
        buffer.append(para)
        if sum(len(p.split()) for p in buffer) >= max_tokens:
            texts.append("\n\n".join(buffer))
            buffer = []
    if buffer:
        texts.append("\n\n".join(buffer))
    return texts


def rehearsal_examples(nlp, folder: Path, n_docs: int, seed: int = 0) -> list[Example]:
    """Paragraph chunks of ordinary news labelled entirely by en_core_web_sm."""
    files = sorted(folder.glob("*.txt"))
    random.Random(seed).shuffle(files)
    texts = [t for path in files[:n_docs] for t in paragraph_chunks(path.read_text(encoding="utf-8"))]
    examples = []
    for doc in nlp.pipe(texts, batch_size=32):
        spans = [_name_core(e) for e in doc.ents]
        ref = nlp.make_doc(doc.text)
        examples.append(Example.from_dict(ref, {"entities": offsets_to_biluo_tags(ref, spans)}))
    return examples


def bbc_half(path: str) -> str:
    """``"train"`` or ``"measure"``: the half of the BBC corpus an article (its path below
    data_files, "business/001.txt") belongs to, by the parity of its path's SHA-1's first
    byte. Silver labels come from the train half only."""
    return "measure" if hashlib.sha1(path.encode("utf-8")).digest()[0] % 2 else "train"


def retypings(before: Path, after: Path) -> dict[str, dict[tuple[str, str], str]]:
    """Article -> {(name key, type before): type after} for every train-half name that the
    two entity dumps type differently."""

    def types(path: Path) -> dict[tuple[str, str], str]:
        rows = (json.loads(line) for line in path.open(encoding="utf-8"))
        return {(r["a"], r["name"]): r["type"] for r in rows}

    a, b = types(before), types(after)
    out: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for (article, name), was in a.items():
        now = b.get((article, name))
        if now is not None and now != was:
            if bbc_half(article) != "train":
                raise ValueError(f"{article} is in the measurement half of the corpus")
            out[article][(norm_key(name), was)] = now
    return out


def _title(text: str) -> str:
    return text.split("\n", 1)[0].strip()


def _read(root: Path, article: str) -> str:
    return (root / article).read_bytes().decode("utf-8", errors="replace")


def silver_news_examples(
    ner, root: Path, articles: list[str], retyped: dict, n_chunks: int, seed: int = 0
) -> tuple[list[Example], int]:
    """Paragraph chunks of the train-half ``articles`` labelled by ``ner`` (the shipped
    recogniser) with the second opinion's ``retyped`` names relabelled: every chunk with a
    retyped name, then others at random up to ``n_chunks``. An article whose title (first
    line) is also a measurement-half article's under ``root`` is left out: the corpus holds
    copies of some stories under two paths. Returns the examples and the number of
    relabelled spans."""
    held_out = {_title(_read(root, f"{p.parent.name}/{p.name}")) for p in root.glob("*/*.txt")
                if bbc_half(f"{p.parent.name}/{p.name}") == "measure"}  # fmt: skip
    chunks: list[tuple[str, str]] = []
    for article in articles:
        if bbc_half(article) != "train":
            raise ValueError(f"{article} is in the measurement half of the corpus")
        text = _read(root, article)
        if _title(text) not in held_out:
            chunks.extend((article, t) for t in paragraph_chunks(text))
    docs = list(ner.pipe((t for _, t in chunks), batch_size=32))
    relabel = [
        [(e, retyped.get(article, {}).get((norm_key(e.text), e.label_))) for e in doc.ents]
        for (article, _), doc in zip(chunks, docs, strict=True)
    ]
    first = [i for i, spans in enumerate(relabel) if any(new for _, new in spans)]
    rest = sorted(set(range(len(chunks))) - set(first))
    random.Random(seed).shuffle(rest)
    keep = sorted(first + rest[: max(0, n_chunks - len(first))])
    examples, changed = [], 0
    for i in keep:
        ref = ner.make_doc(docs[i].text)
        spans = [(e.start_char, e.end_char, new or e.label_) for e, new in relabel[i]]
        changed += sum(1 for _, new in relabel[i] if new)
        examples.append(Example.from_dict(ref, {"entities": offsets_to_biluo_tags(ref, spans)}))
    return examples, changed


def _name_core(span) -> tuple[int, int, str]:
    """A silver name without a leading "the" or a trailing possessive "'s", which
    en_core_web_sm often includes ("the European Union 's") and CoNLL-style annotation
    (like most news NER data) leaves out; non-name labels are kept as predicted."""
    label = span.label_
    if label not in SILVER_LABELS and len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    if label not in SILVER_LABELS and len(span) > 1 and span[-1].lower_ in ("'s", "\u2019s"):
        span = span[:-1]
    return span.start_char, span.end_char, label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conll", type=Path, required=True, help="CoNLL-2003 eng.train")
    parser.add_argument("--rehearsal", type=Path, required=True, help="folder of plain-text news articles")
    parser.add_argument("--rehearsal-docs", type=int, default=90)
    parser.add_argument("--out", type=Path, default=Path("training/corpus"))
    parser.add_argument(
        "--silver-news",
        type=Path,
        nargs=2,
        metavar=("BEFORE", "AFTER"),
        help="BBC entity dumps (train half) without and with the second opinion",
    )
    parser.add_argument(
        "--silver-texts", type=Path, help="with --silver-news: the BBC corpus's data_files folder"
    )
    parser.add_argument("--silver-chunks", type=int, default=400, help="silver BBC chunks to mix in")
    args = parser.parse_args()
    if "testa" in args.conll.name or "testb" in args.conll.name:
        parser.error("train on eng.train only; the test sets stay unseen")
    if args.silver_news and not args.silver_texts:
        parser.error("--silver-news needs --silver-texts")

    nlp = spacy.load(DEFAULT_MODEL, enable=["ner"])
    train_docs, dev_docs = split_train_dev(read_conll(args.conll))
    pieces = [p for d in train_docs for p in chunk(d)]
    predicted = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe((p.text for p in pieces), batch_size=64)
    ]
    votes = vote_labels(pieces, predicted)
    train = [to_example(nlp, p, pr, votes) for p, pr in zip(pieces, predicted, strict=True)]
    rehearsal = rehearsal_examples(nlp, args.rehearsal, args.rehearsal_docs)
    sets = [("train", train), ("rehearsal", rehearsal)]
    if args.silver_news:
        articles = sorted({json.loads(line)["a"] for line in args.silver_news[0].open(encoding="utf-8")})
        retyped = retypings(*args.silver_news)
        silver, changed = silver_news_examples(
            spacy.load(SHIPPED_NER), args.silver_texts, articles, retyped, args.silver_chunks
        )
        sets.append(("silver", silver))
        print(f"silver: {len(articles)} train-half BBC articles, {sum(map(len, retyped.values()))} retyped names, "
              f"{changed} spans relabelled")  # fmt: skip

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "silver.spacy").unlink(missing_ok=True)
    for name, examples in sets:
        DocBin(docs=[ex.reference for ex in examples]).to_disk(args.out / f"{name}.spacy")
        labels = Counter(e.label_ for ex in examples for e in ex.reference.ents)
        words = sum(len(ex.reference) for ex in examples)
        print(f"{name}: {len(examples)} docs, {words} tokens, labels {dict(labels.most_common())}")
    print(f"dev: {len(dev_docs)} eng.train documents held out (every {DEV_EVERY}th)")


if __name__ == "__main__":
    main()
