"""Measure filters on the learned cues that take only a noun-phrase object ("Van Persie
blasted over a good opportunity"): what each costs on PolNeAR dev and what it removes from
the BBC quote records checked by hand (docs/quotes.md, eighteenth session). None of them is
in the pipeline; this script reproduces why.

    .venv/bin/python scripts/quote_cue_filters.py [--data ../shared/data] [--cache /tmp/polnear-train-parses]

Variants, each a run of ``newsgraph eval quotes`` with ``cues.content_of`` wrapped:

- ``none``: the shipped pipeline;
- ``no-object``: no learned cue whose content is only a direct object;
- ``rate-R``: such a cue only for a lemma that, with a direct object and no clause after
  it, lies inside a gold Cue in at least R of its uses (3 uses or more) in PolNeAR train,
  parsed by the default backbone (``--cache`` keeps the parses; the first run parses 840
  texts);
- ``threshold-T``: such a cue only when the cue model scores it T or more.

The figures in docs/quotes.md (eighteenth session) are of the cue model trained on PolNeAR
alone, before it learned from BBC labels and object features: to reproduce them, run this
script on commit ``4fc3b7b``.

Prints the PolNeAR train counts of the ``--show`` lemmas, then, per variant, PolNeAR dev all-attribution F1 (and its held-out half) and the BBC
checked records still found, by their check ("yes", "partly", "no").
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))


def object_only(tok) -> bool:
    """``tok`` is a verb whose only content can be its direct object (no clause after it)."""
    from newsgraph.pipeline.components.quotes.cues import _CLAUSES

    after = [c for c in tok.children if c.i > tok.i]
    return tok.pos_ == "VERB" and not any(c.dep_ in _CLAUSES for c in after) and any(c.dep_ == "dobj" for c in after)


def object_cue_rates(data: Path, cache: Path | None) -> dict[str, tuple[int, int]]:
    """Lemma -> (uses inside a gold Cue, uses) of the candidate verbs with only a direct
    object, in PolNeAR train."""
    import train_quote_cues as train

    from newsgraph.eval.tasks.quotes import load_polnear
    from newsgraph.pipeline.components.quotes import lexicon
    from newsgraph.pipeline.components.quotes.attribution import Parse
    from newsgraph.pipeline.components.quotes.component import _inside
    from newsgraph.pipeline.components.quotes.cues import is_candidate
    from newsgraph.pipeline.components.quotes.marks import find_quotes

    gold_docs, _ = load_polnear(data / "quotes" / "polnear" / "train")
    random.Random(0).shuffle(gold_docs)  # the training script's order, so its cache fits
    sdocs = train.parse_all([g.text for g in gold_docs], cache)
    lex = lexicon.load()
    inside, total = Counter(), Counter()
    for gold, sdoc in zip(gold_docs, sdocs, strict=True):
        parse = Parse(sdoc, lex, _inside(sorted((m.open, m.outer_end) for m in find_quotes(gold.text))))
        cues = [frag for a in gold.attributions for frag in a.cue]
        for tok in sdoc:
            if not is_candidate(tok, parse) or not object_only(tok):
                continue
            lemma, end = tok.lemma_.lower(), tok.idx + len(tok)
            total[lemma] += 1
            inside[lemma] += any(s < end and tok.idx < e for s, e in cues)
    return {lemma: (inside[lemma], n) for lemma, n in total.items()}


@contextmanager
def filtered(keep):
    """``cues.content_of`` returning None for an object-only learned cue ``keep`` refuses."""
    from newsgraph.pipeline.components.quotes import cues

    original = cues.content_of

    def content_of(parse, tok):
        if object_only(tok) and not keep(tok):
            return None
        return original(parse, tok)

    cues.content_of = content_of
    try:
        yield
    finally:
        cues.content_of = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=None, help="a folder to keep PolNeAR train's parses in")
    parser.add_argument("--rates", type=float, nargs="*", default=[0.2, 0.3, 0.5])
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.6, 0.7, 0.8])
    parser.add_argument("--show", nargs="*", default=["blast", "order", "herald", "reach", "sign"],
                        help="lemmas whose PolNeAR train counts to print")
    args = parser.parse_args()

    from newsgraph.eval.tasks import quotes
    from newsgraph.pipeline.components.quotes.cues import load_model

    model = load_model()
    rates = object_cue_rates(args.data, args.cache) if args.rates or args.show else {}
    for lemma in args.show:
        inside, uses = rates.get(lemma, (0, 0))
        print(f"PolNeAR train, {lemma} with only a direct object: inside a gold Cue {inside} of {uses} uses")
    variants = [("none", lambda tok: True), ("no-object", lambda tok: False)]
    for r in args.rates:
        variants.append((f"rate-{r}", lambda tok, r=r: _rate_ok(rates.get(tok.lemma_.lower(), (0, 0)), r)))
    for t in args.thresholds:
        variants.append((f"threshold-{t}", lambda tok, t=t: model.score(tok) >= t))
    print("variant\tall_f1\theldout_all_f1\tBBC checked found: yes / partly / no")
    for name, keep in variants:
        with filtered(keep):
            report = quotes.run(args.data / "quotes" / "polnear" / "dev")
        s, c = report.scores, report.counts
        found = " / ".join(str(sum(c.get(f"bbc_quotes_{w}_{k}", 0) for w in ("tuned", "blind"))) for k in ("yes", "partly", "no"))
        print(f"{name}\t{s['all_f1']:.4f}\t{s['heldout_all_f1']:.4f}\t{found}", flush=True)


def _rate_ok(counts: tuple[int, int], rate: float) -> bool:
    inside, uses = counts
    return uses >= 3 and inside >= rate * uses


if __name__ == "__main__":
    main()
