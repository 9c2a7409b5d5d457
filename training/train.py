"""Fine-tune en_core_web_sm's own entity recogniser on the corpus built by convert.py.

Starts from en_core_web_sm's ``ner`` (same architecture and size: internal tok2vec of
width 96, depth 4, MultiHashEmbed NORM/PREFIX/SUFFIX/SHAPE; no vectors), so swapping it
into the full pipeline leaves the tagger and parser untouched and costs no speed.
After each epoch it scores PER/ORG/LOC F1 on the held-out tenth of eng.train and its
agreement with en_core_web_sm on unseen ordinary news (PolNeAR dev texts, all 18
labels: a forgetting check), and keeps the epoch with the best dev F1.

    OMP_NUM_THREADS=1 python -m training.train --corpus training/corpus \
        --conll DATA/ner/conll2003/eng.train --news DATA/quotes/polnear/dev/text \
        --out training/output --epochs 14 --max-minutes 40
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.training.batchers import minibatch_by_words
from thinc.api import compounding

from newsgraph.eval.tasks.ner import read_conll, score, to_conll
from newsgraph.pipeline.components.backbone import DEFAULT_MODEL
from training.convert import split_train_dev


def load_examples(nlp, path: Path) -> list[Example]:
    """Examples from a DocBin: the reference doc, and a fresh doc to predict on."""
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def dev_score(nlp, dev_texts: list[str], dev_gold: list[set]) -> dict[str, float]:
    """CoNLL-typed scores of ``nlp`` on the held-out eng.train documents."""
    predicted = [to_conll((e.start_char, e.end_char, e.label_) for e in d.ents) for d in nlp.pipe(dev_texts)]
    return score(dev_gold, predicted)


def agreement(nlp, texts: list[str], reference: list[set]) -> float:
    """Micro F1 of ``nlp``'s entities (all labels, exact spans) against ``reference``."""
    tp = fp = fn = 0
    for doc, ref in zip(nlp.pipe(texts), reference, strict=True):
        ours = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        tp, fp, fn = tp + len(ours & ref), fp + len(ours - ref), fn + len(ref - ours)
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0


def news_reference(folder: Path, n_docs: int) -> tuple[list[str], list[set]]:
    """Texts of unseen ordinary news and en_core_web_sm's entities on them."""
    stock = spacy.load(DEFAULT_MODEL, enable=["ner"])
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:n_docs]]
    return texts, [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in stock.pipe(texts)]


def train(args: argparse.Namespace) -> None:
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    if args.init:
        nlp = spacy.load(args.init)
    else:
        nlp = spacy.load(
            DEFAULT_MODEL, exclude=[p for p in spacy.load(DEFAULT_MODEL).pipe_names if p != "ner"]
        )
    examples = [
        ex for name in ("train", "rehearsal", "silver") if (args.corpus / f"{name}.spacy").is_file()
        for ex in load_examples(nlp, args.corpus / f"{name}.spacy")
    ]  # fmt: skip
    _, dev = split_train_dev(read_conll(args.conll))
    dev_texts, dev_gold = [d.text for d in dev], [set(d.entities) for d in dev]
    news_texts, news_ref = news_reference(args.news, args.news_docs)

    print(f"start: dev {dev_score(nlp, dev_texts, dev_gold)['f1_per_org_loc']}", flush=True)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.learn_rate
    best, started = -1.0, time.time()
    for epoch in range(1, args.epochs + 1):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        sizes = compounding(100.0, 1000.0, 1.001)
        for batch in minibatch_by_words(examples, size=sizes):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            scores = dev_score(nlp, dev_texts, dev_gold)
            news = agreement(nlp, news_texts, news_ref)
            if scores["f1_per_org_loc"] > best:
                best = scores["f1_per_org_loc"]
                nlp.to_disk(args.out / "best")
        minutes = (time.time() - started) / 60
        print(
            f"epoch {epoch}: loss {losses.get('ner', 0):.0f} dev f1_per_org_loc {scores['f1_per_org_loc']} "
            f"(PER {scores['f1_PER']} ORG {scores['f1_ORG']} LOC {scores['f1_LOC']} MISC {scores['f1_MISC']}) "
            f"news agreement {news} [{minutes:.1f} min]",
            flush=True,
        )
        if minutes * (epoch + 1) / epoch > args.max_minutes:
            print("stopping: time budget", flush=True)
            break
    print(f"best dev f1_per_org_loc {best}; saved to {args.out / 'best'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("training/corpus"))
    parser.add_argument("--conll", type=Path, required=True, help="eng.train (for the held-out dev tenth)")
    parser.add_argument(
        "--news", type=Path, required=True, help="unseen plain-text news for the forgetting check"
    )
    parser.add_argument("--news-docs", type=int, default=40)
    parser.add_argument("--out", type=Path, default=Path("training/output"))
    parser.add_argument(
        "--init",
        type=Path,
        help="start from this ner-only pipeline (e.g. the shipped "
        "src/newsgraph/resources/models/ner) instead of en_core_web_sm's ner",
    )
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--max-minutes", type=float, default=35)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.15)
    parser.add_argument("--seed", type=int, default=0)
    train(parser.parse_args())


if __name__ == "__main__":
    main()
