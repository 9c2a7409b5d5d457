"""Train the quotes component's cue classifier on PolNeAR train and BBC cue words labelled
by hand; write its weights file.

Run at development time from the repo root (needs the evaluation data, see docs/quotes.md):

    .venv/bin/python scripts/train_quote_cues.py [--data ../shared/data/quotes/polnear/train] [--cache DIR]
    .venv/bin/python scripts/train_quote_cues.py --cv 5 --bbc-weight 3 10 30   # cross-validate, write nothing

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

PolNeAR is political news, and a model trained on it alone takes narrative verbs of sport,
business and arts stories for cues ("blasted over the bar", "signed a trade protocol").
``--bbc-labels`` (default ``training/quotes/bbc_cue_labels.jsonl``, see the README beside
it) adds 1,200 cue words of the BBC News corpus that the PolNeAR-only model took for
cues, each labelled by hand as an attribution cue or not, each counting ``--bbc-weight``
times (10); ``--bbc-corpus`` is where their articles are read from. ``--cv K``
cross-validates that choice on the labelled words (folds by article) and writes nothing;
``--polnear-only`` trains as before the labels existed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from newsgraph.eval.tasks.quantities import BBC_CORPUS
from newsgraph.eval.tasks.quotes import load_polnear
from newsgraph.pipeline.components.quotes import lexicon
from newsgraph.pipeline.components.quotes.attribution import Parse
from newsgraph.pipeline.components.quotes.component import _inside
from newsgraph.pipeline.components.quotes.cues import MODEL_FILE, CueModel, features, is_candidate
from newsgraph.pipeline.components.quotes.marks import find_quotes

REPO = Path(__file__).resolve().parents[1]
NON_HOLDERS = REPO / "src" / "newsgraph" / "resources" / "quotes" / "non_holder_nouns.txt"
BBC_LABELS = REPO / "training" / "quotes" / "bbc_cue_labels.jsonl"


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
        # Named by the texts' hash too, so a cache made for other texts is never read back.
        digest = hashlib.sha1("\0".join(part).encode()).hexdigest()[:12]
        file = cache / f"{first:05d}-{len(part)}-{digest}.spacy" if cache is not None else None
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


def bbc_examples(labels: list[Path], corpus: Path, cache: Path | None):
    """(features, label) of the BBC cue words people labelled (``scripts/bbc_learned_cues.py``;
    files of one JSON line each: article, sha1, cue_start, label "yes"/"no") and each one's
    article, the articles read from ``corpus`` and parsed by the default backbone."""
    from newsgraph.eval.tasks.quantities import bbc_article

    entries = [json.loads(line) for file in labels for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = sorted({e["article"] for e in entries})
    sha1 = {e["article"]: e["sha1"] for e in entries}
    texts = [bbc_article(corpus, a, sha1[a]) for a in articles]
    sdocs = dict(zip(articles, parse_all(texts, cache), strict=True))
    rows, y, names = [], [], []
    for e in entries:
        sdoc = sdocs[e["article"]]
        tok = next((t for t in sdoc if t.idx == e["cue_start"]), None)
        if tok is None:
            raise SystemExit(f"{e['article']}: no token starts at {e['cue_start']} (labels {', '.join(map(str, labels))})")
        rows.append(features(tok))
        y.append(e["label"] == "yes")
        names.append(e["article"])
    return rows, np.array(y, dtype=float), names


def fit(rows, y, min_count: int, l2: float, sample_weight=None):
    """Logistic regression weights (feature -> weight) and bias; ``sample_weight`` (one per
    row, default 1) scales each example's loss."""
    counts = Counter(f for row in rows for f in set(row))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    indptr, indices = [0], []
    for row in rows:
        cols = sorted({vocab[f] for f in row if f in vocab})
        indices += cols
        indptr.append(len(indices))
    x = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))

    s = np.ones(len(rows)) if sample_weight is None else np.asarray(sample_weight, dtype=float)

    def loss(w):
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        value = np.sum(s * (np.logaddexp(0, z) - y * z)) + 0.5 * l2 * np.dot(w[:-1], w[:-1])
        g = s * (p - y)
        return value, np.append(x.T @ g + l2 * w[:-1], g.sum())

    result = optimize.minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = result.x
    return {f: float(w[i]) for f, i in vocab.items()}, round(float(w[-1]), 3)


def prune(weights: dict[str, float], floor: float) -> dict[str, float]:
    """The weights of at least ``floor`` in size, rounded to two decimals (the file stays
    small; on PolNeAR dev the scores do not move)."""
    return {f: round(w, 2) for f, w in sorted(weights.items()) if abs(w) >= floor}


def cross_validate(rows, y, bbc_rows, bbc_y, bbc_articles, args) -> None:
    """Print, for each of ``args.cv`` folds of the labelled BBC articles (a hash of the
    article's name) and over all folds, what a model trained on PolNeAR and the other folds
    keeps of the held fold's cue words (all of which the shipped model took for cues):
    how many, the share of them labelled cues (precision) and the share of the labelled
    cues kept (recall); a model trained on PolNeAR alone is the baseline."""
    fold_of = [int(hashlib.sha1(a.encode()).hexdigest(), 16) % args.cv for a in bbc_articles]
    weights, bias = fit(rows, y, args.min_count, args.l2)
    polnear = CueModel(prune(weights, args.floor), bias, args.threshold)
    for bbc_weight in args.bbc_weight:
        _cross_validate_weight(rows, y, bbc_rows, bbc_y, fold_of, polnear, bbc_weight, args)


def _cross_validate_weight(rows, y, bbc_rows, bbc_y, fold_of, polnear, bbc_weight, args) -> None:
    totals = {"polnear": [0, 0, 0], "with-bbc": [0, 0, 0]}
    for fold in range(args.cv):
        train_idx = [i for i, f in enumerate(fold_of) if f != fold]
        test_idx = [i for i, f in enumerate(fold_of) if f == fold]
        fold_rows = rows + [bbc_rows[i] for i in train_idx]
        fold_y = np.concatenate([y, bbc_y[train_idx]])
        sample_weight = np.concatenate([np.ones(len(rows)), np.full(len(train_idx), bbc_weight)])
        weights, bias = fit(fold_rows, fold_y, args.min_count, args.l2, sample_weight)
        models = {"polnear": polnear, "with-bbc": CueModel(prune(weights, args.floor), bias, args.threshold)}
        for name, model in models.items():
            kept = [i for i in test_idx if model.probability(bbc_rows[i]) >= model.threshold]
            right = sum(bbc_y[i] for i in kept)
            cues = sum(bbc_y[i] for i in test_idx)
            totals[name][0] += len(kept)
            totals[name][1] += right
            totals[name][2] += cues
            print(f"weight {bbc_weight:g} fold {fold} {name}: kept {len(kept)} of {len(test_idx)}, precision {right / max(1, len(kept)):.3f}, "
                  f"recall {right / max(1, cues):.3f}", flush=True)
    for name in ("polnear", "with-bbc"):
        kept, right, cues = totals[name]
        print(f"all folds {name} (weight {bbc_weight:g}): kept {kept} of {len(bbc_rows)}, "
              f"precision {right / max(1, kept):.3f}, recall {right / max(1, cues):.3f}")


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
    parser.add_argument("--bbc-labels", type=Path, nargs="+", default=[BBC_LABELS], help="files of BBC cue words labelled by people")
    parser.add_argument("--polnear-only", action="store_true", help="train on PolNeAR alone (no BBC labels)")
    parser.add_argument("--bbc-corpus", type=Path, default=REPO.parent / "shared" / "data" / BBC_CORPUS)
    parser.add_argument("--bbc-weight", type=float, nargs="+", default=[10.0],
                        help="each labelled BBC word counts as this many examples (with --cv, several may be given)")
    parser.add_argument("--cv", type=int, default=0, help="cross-validate on the BBC labels in this many folds; write nothing")
    args = parser.parse_args()
    began = time.perf_counter()
    gold_docs, _ = load_polnear(args.data)
    # A fixed shuffle, so a --limit sample mixes the outlets (the names sort by outlet).
    random.Random(0).shuffle(gold_docs)
    gold_docs = gold_docs[: args.limit] if args.limit else gold_docs
    sdocs = parse_all([g.text for g in gold_docs], args.cache)
    if not args.cv:
        nouns = non_holder_nouns(gold_docs, sdocs, args.min_subject)
        write_non_holders(args.non_holders_out, nouns, len(gold_docs), args.min_subject)
        print(f"wrote {args.non_holders_out}: {len(nouns)} nouns")
    rows, y, lemmas, n_candidates = examples(gold_docs, sdocs, args.min_cues)
    trained_on = (
        f"PolNeAR train (Newell, Margolin and Ruths 2018): {len(gold_docs)} texts, "
        f"{sum(len(g.attributions) for g in gold_docs)} attributions, {n_candidates} candidate tokens, "
        f"{len(rows)} of them with a cue lemma ({int(y.sum())} inside a gold cue)"
    )
    settings = {"min_count": args.min_count, "l2": args.l2, "min_cues": args.min_cues, "floor": args.floor}
    if args.polnear_only:
        if args.cv:
            parser.error("--cv cross-validates on the BBC labels: drop --polnear-only")
        args.bbc_labels = None
    if args.bbc_labels is not None:
        bbc_cache = args.cache / "bbc" if args.cache is not None else None
        bbc_rows, bbc_y, bbc_articles = bbc_examples(args.bbc_labels, args.bbc_corpus, bbc_cache)
        if args.cv:
            cross_validate(rows, y, bbc_rows, bbc_y, bbc_articles, args)
            return
        if len(args.bbc_weight) > 1:
            parser.error("several --bbc-weight values need --cv")
        (args.bbc_weight,) = args.bbc_weight
        rows, y = rows + bbc_rows, np.concatenate([y, bbc_y])
        trained_on += (
            f"; and {len(bbc_rows)} cue words of {len(set(bbc_articles))} BBC News articles labelled by hand "
            f"({int(bbc_y.sum())} cues), each weighted {args.bbc_weight:g} ({', '.join(f.name for f in args.bbc_labels)})"
        )
        settings["bbc_weight"] = args.bbc_weight
    sample_weight = np.ones(len(rows))
    if args.bbc_labels is not None:
        sample_weight[len(rows) - len(bbc_rows) :] = args.bbc_weight
    weights, bias = fit(rows, y, args.min_count, args.l2, sample_weight)
    weights = prune(weights, args.floor)
    data = {
        "about": "Cue classifier of newsgraph.quotes.v1 (pipeline/components/quotes/cues.py); recipe: "
        "scripts/train_quote_cues.py",
        "trained_on": trained_on,
        "settings": settings,
        "threshold": args.threshold,
        "bias": bias,
        "lemmas": lemmas,
        "weights": weights,
    }
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
