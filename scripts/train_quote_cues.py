"""Train the quotes component's cue classifier on PolNeAR train; write its weights file.

Run at development time from the repo root (needs the evaluation data, see docs/quotes.md):

    .venv/bin/python scripts/train_quote_cues.py [--data ../shared/data/quotes/polnear/train]

Writes src/newsgraph/resources/quotes/cue_model.json and non_holder_nouns.txt (the
common nouns that are subjects but never head a gold Source, ``non_holder_nouns``). Data: PolNeAR train (Newell, Margolin
and Ruths 2018; one annotation per text, the annotator id sorting first, as in the
evaluation), every gold attribution's Cue span. Each candidate token (a verb, noun or
adjective outside quote marks, ``cues.is_candidate``) of the texts parsed by the default
backbone is an example, positive when it lies inside a gold Cue; its features are
``cues.features``. The model is an L2-regularised logistic regression fitted with L-BFGS
(numpy and scipy); features seen fewer than ``--min-count`` times are dropped, and weights
under ``--floor`` (0.05) are left out of the file, the rest rounded to two decimals. ``--threshold`` is the probability a learned cue must
reach; it was chosen on the first half of PolNeAR dev (sorted by name) with ``newsgraph
eval quotes``, the second half held out (docs/quotes.md gives the figures).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from newsgraph.eval.tasks.quotes import load_polnear
from newsgraph.pipeline.components.quotes import lexicon
from newsgraph.pipeline.components.quotes.attribution import Parse
from newsgraph.pipeline.components.quotes.component import _inside
from newsgraph.pipeline.components.quotes.cues import MODEL_FILE, features, is_candidate
from newsgraph.pipeline.components.quotes.marks import find_quotes

REPO = Path(__file__).resolve().parents[1]
NON_HOLDERS = REPO / "src" / "newsgraph" / "resources" / "quotes" / "non_holder_nouns.txt"


def parse_all(texts: list[str], cache: Path | None, chunk: int = 40):
    """spaCy docs of ``texts`` from the default backbone, parsed ``chunk`` texts at a time;
    with ``cache`` (a folder), each chunk's parses are kept there and read back on a later
    run."""
    from spacy.tokens import DocBin

    from newsgraph.ingest.inputs import InputDoc
    from newsgraph.pipeline import registry
    from newsgraph.pipeline.prepare import prepare

    backbone = registry.create("newsgraph.spacy.v1")
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    docs = []
    for first in range(0, len(texts), chunk):
        part = texts[first : first + chunk]
        file = cache / f"{first:05d}-{len(part)}.spacy" if cache is not None else None
        if file is not None and file.is_file():
            docs += list(DocBin().from_disk(file).get_docs(backbone.nlp.vocab))
            continue
        prepared = [prepare(InputDoc(id=str(i), text=t, clean=False)) for i, t in enumerate(part)]
        parsed = [d.spacy for d in backbone.pipe(prepared, batch_size=16)]
        if file is not None:
            DocBin(store_user_data=False, docs=parsed).to_disk(file)
        docs += parsed
        print(f"parsed {len(docs)} / {len(texts)} texts", flush=True)
    return docs


def examples(gold_docs, sdocs, min_cues: int):
    """(features, label) of every candidate token whose lemma is a cue lemma, and the cue
    lemmas: the lemmas of candidates inside a gold cue at least ``min_cues`` times."""
    lex = lexicon.load()
    candidates = []
    for gold, sdoc in zip(gold_docs, sdocs, strict=True):
        marks = find_quotes(gold.text)
        parse = Parse(sdoc, lex, _inside(sorted((m.open, m.outer_end) for m in marks)))
        cues = [frag for a in gold.attributions for frag in a.cue]
        for tok in sdoc:
            if is_candidate(tok, parse):
                end = tok.idx + len(tok)
                candidates.append((tok, any(s < end and tok.idx < e for s, e in cues)))
    positives = Counter(tok.lemma_.lower() for tok, label in candidates if label)
    lemmas = {lemma for lemma, n in positives.items() if n >= min_cues}
    kept = [(tok, label) for tok, label in candidates if tok.lemma_.lower() in lemmas]
    rows = [features(tok) for tok, _ in kept]
    return rows, np.array([label for _, label in kept], dtype=float), sorted(lemmas), len(candidates)


def non_holder_nouns(gold_docs, sdocs, min_subject: int) -> list[tuple[str, int]]:
    """(lemma, count) of the common nouns that were the subject of a verb at least
    ``min_subject`` times and never headed a gold Source span (``the economy``, ``the
    problem``), most frequent first: what such a noun is the subject of is
    said of it, never by it. A Source's head is the noun in the span whose head lies
    outside it."""
    subject, source = Counter(), Counter()
    for gold, sdoc in zip(gold_docs, sdocs, strict=True):
        spans = [frag for a in gold.attributions for frag in a.source]
        for tok in sdoc:
            if tok.pos_ != "NOUN":
                continue
            lemma = tok.lemma_.lower()
            subject[lemma] += tok.dep_ == "nsubj"
            inside = next(((s, e) for s, e in spans if s <= tok.idx < e), None)
            if inside is not None and not (tok.head is not tok and inside[0] <= tok.head.idx < inside[1]):
                source[lemma] += 1
    found = [(n, c) for n, c in subject.items() if c >= min_subject and not source[n]]
    return sorted(found, key=lambda item: (-item[1], item[0]))


def write_non_holders(path: Path, nouns: list[tuple[str, int]], n_texts: int, min_subject: int) -> None:
    header = [
        "# Common nouns that hold no belief or intention: the lemmas that were the subject of a verb",
        f"# at least {min_subject} times in PolNeAR train (Newell, Margolin and Ruths 2018; {n_texts} texts,",
        "# one annotation per text) and never headed a Source span; most frequent first, with the",
        "# subject count. A to-infinitive after such a subject (`the economy threatens to ...`, `the",
        "# problem seems to ...`) is not reported (quotes/attribution.py `could_hold`).",
        "# Source: derived from PolNeAR train by scripts/train_quote_cues.py (lemmas and counts only, no text).",
    ]
    path.write_text("\n".join(header + [f"{noun}\t{count}" for noun, count in nouns]) + "\n", encoding="utf-8")


def fit(rows, y, min_count: int, l2: float):
    """Logistic regression weights (feature -> weight) and bias."""
    counts = Counter(f for row in rows for f in set(row))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    indptr, indices = [0], []
    for row in rows:
        cols = sorted({vocab[f] for f in row if f in vocab})
        indices += cols
        indptr.append(len(indices))
    x = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))

    def loss(w):
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * np.dot(w[:-1], w[:-1])
        g = p - y
        return value, np.append(x.T @ g + l2 * w[:-1], g.sum())

    result = optimize.minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = result.x
    return {f: float(w[i]) for f, i in vocab.items()}, round(float(w[-1]), 3)


def prune(weights: dict[str, float], floor: float) -> dict[str, float]:
    """The weights of at least ``floor`` in size, rounded to two decimals (the file stays
    small; on PolNeAR dev the scores do not move)."""
    return {f: round(w, 2) for f, w in sorted(weights.items()) if abs(w) >= floor}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "quotes" / "polnear" / "train")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--cache", type=Path, default=None, help="a folder to keep the parses in")
    parser.add_argument("--limit", type=int, default=None, help="train on this many texts (a fixed shuffle)")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--floor", type=float, default=0.05, help="smallest weight kept in the file")
    parser.add_argument("--min-cues", type=int, default=2, help="times a lemma must be a gold cue to be a candidate")
    parser.add_argument("--non-holders-out", type=Path, default=NON_HOLDERS)
    parser.add_argument("--min-subject", type=int, default=10, help="times a non-holder noun must be a subject")
    args = parser.parse_args()
    began = time.perf_counter()
    gold_docs, _ = load_polnear(args.data)
    # A fixed shuffle, so a --limit sample mixes the outlets (the names sort by outlet).
    random.Random(0).shuffle(gold_docs)
    gold_docs = gold_docs[: args.limit] if args.limit else gold_docs
    sdocs = parse_all([g.text for g in gold_docs], args.cache)
    nouns = non_holder_nouns(gold_docs, sdocs, args.min_subject)
    write_non_holders(args.non_holders_out, nouns, len(gold_docs), args.min_subject)
    print(f"wrote {args.non_holders_out}: {len(nouns)} nouns")
    rows, y, lemmas, n_candidates = examples(gold_docs, sdocs, args.min_cues)
    weights, bias = fit(rows, y, args.min_count, args.l2)
    weights = prune(weights, args.floor)
    data = {
        "about": "Cue classifier of newsgraph.quotes.v1 (pipeline/components/quotes/cues.py); recipe: "
        "scripts/train_quote_cues.py",
        "trained_on": f"PolNeAR train (Newell, Margolin and Ruths 2018): {len(gold_docs)} texts, "
        f"{sum(len(g.attributions) for g in gold_docs)} attributions, {n_candidates} candidate tokens, "
        f"{len(rows)} of them with a cue lemma ({int(y.sum())} inside a gold cue)",
        "settings": {"min_count": args.min_count, "l2": args.l2, "min_cues": args.min_cues, "floor": args.floor},
        "threshold": args.threshold,
        "bias": bias,
        "lemmas": lemmas,
        "weights": weights,
    }
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
