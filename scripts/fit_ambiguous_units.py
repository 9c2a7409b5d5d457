"""Fit ``src/newsgraph/resources/units/ambiguous.json``: which unit an ambiguous surface
form names (``c`` cent or Celsius, ``kn`` knot or kuna, ``pounds`` sterling or mass, ``¥``
yen or yuan), from the words around it.

Data: the training half of CQE's unit-disambiguation sentences
(``../shared/data/quantities/cqe-units/sentences_train.json``, 1,834 sentences, each with
the unit its ambiguous form means; see that folder's SOURCE.txt). No sentence is shipped:
the model keeps word counts only.

Recipe: every number in a sentence gives an example (the form written right after it,
or the symbol right before it, as ``ambiguous.form_after``/``symbol_before`` read them at
run time) labelled with the sentence's unit. A form is ambiguous when two or more units
that newsgraph's lexicon knows have at least ``MIN_EXAMPLES`` examples each; for those a
multinomial naive Bayes over the context (``ambiguous.features``: the words around the
number and the words right before and after it; words seen at least ``min_count`` times
with that form; additive smoothing ``alpha``) is stored as log probabilities.
``min_count`` and ``alpha`` are chosen by 5-fold cross-validation on the training
sentences (``--cv`` prints the grid); the test half is scored by ``newsgraph eval
quantities`` (cqe_units_accuracy), never used here.

    .venv/bin/python scripts/fit_ambiguous_units.py [--train PATH] [--cv]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "quantities" / "cqe-units" / "sentences_train.json"
OUT = ROOT / "src" / "newsgraph" / "resources" / "units" / "ambiguous.json"
MIN_EXAMPLES = 3
MIN_SHARE = 0.15
# (min_count, alpha) tried by cross-validation on the training sentences
GRID = [(m, a) for m in (1, 2, 3) for a in (0.5, 1.0, 2.0)]
FOLDS = 5
SEED = 17


def examples(entries: list[dict]) -> dict[str, list[tuple[str, list[str]]]]:
    """``key -> [(unit name, context words)]`` over every number of every sentence."""
    from newsgraph.pipeline.components.quantities.ambiguous import features, form_after, symbol_before
    from newsgraph.pipeline.components.quantities.numbers import find_numbers

    out: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for entry in entries:
        text, unit = entry["text"], entry["unit"]
        for n in find_numbers(text):
            after = form_after(text, n.end)
            if after:
                out[after[0]].append((unit, features(text, n.start, after[1])))
            before = symbol_before(text, n.start)
            if before:
                out[before].append((unit, features(text, n.start, n.end)))
    return out


def candidates(key: str, rows: list[tuple[str, list[str]]], known: dict[str, str]) -> list[str]:
    """The units a form is taken to be ambiguous between: those the lexicon knows with at
    least ``MIN_EXAMPLES`` examples and ``MIN_SHARE`` of the form's examples. A sentence's
    label belongs to one of its numbers only, so a form is kept when it is one letter or
    symbol, or a unit form of the lexicon naming one of the candidates; a whole word
    (``pounds``, ``drams``) only between a currency and a measure."""
    from newsgraph.pipeline.components.quantities.lexicon import load, unit_for

    counts = Counter(unit for unit, _ in rows)
    units = sorted(
        u for u, c in counts.items() if c >= MIN_EXAMPLES and c >= MIN_SHARE * len(rows) and u in known
    )
    bare = key.removeprefix("PRE:")
    own = unit_for(bare)
    if key.startswith("PRE:") and bare not in load().prefix_forms:
        return []
    if len(units) < 2 or bare in (".", "x", "X"):
        return []
    if own is None:
        return units if len(bare) == 1 else []
    if own.name not in units:
        return []
    if len(bare) > 3 and sum(known[u] == "currency" for u in units) != 1:
        return []
    return units


def fit(rows: list[tuple[str, list[str]]], units: list[str], min_count: int = 2, alpha: float = 1.0) -> dict:
    """The naive Bayes tables for one form between ``units``."""
    counts = Counter(unit for unit, _ in rows)
    word_freq = Counter(w for u, words in rows if u in units for w in set(words))
    vocabulary = sorted(w for w, c in word_freq.items() if c >= min_count)
    vocab = set(vocabulary)
    total = sum(counts[u] for u in units)
    entry = {"units": {}, "words": {}, "unseen": {}, "vocabulary": vocabulary}
    for u in units:
        words = Counter(w for unit, ws in rows if unit == u for w in ws if w in vocab)
        denominator = sum(words.values()) + alpha * (len(vocab) + 1)
        entry["units"][u] = round(math.log(counts[u] / total), 4)
        entry["words"][u] = {
            w: round(math.log((c + alpha) / denominator), 4) for w, c in sorted(words.items())
        }
        entry["unseen"][u] = round(math.log(alpha / denominator), 4)
    return entry


def fit_forms(entries: list[dict], known: dict[str, str], min_count: int, alpha: float) -> dict:
    """``key -> naive Bayes tables`` for every ambiguous form of ``entries``."""
    forms = {}
    for key, rows in sorted(examples(entries).items()):
        units = candidates(key, rows, known)
        if units:
            forms[key] = fit(rows, units, min_count, alpha)
    return forms


def cross_validate(entries: list[dict], known: dict[str, str], min_count: int, alpha: float) -> float:
    """The share of held-out examples of an ambiguous form whose unit the model picks, over
    ``FOLDS`` folds of the training sentences (each fold's model fit on the others)."""
    import random

    from newsgraph.pipeline.components.quantities import ambiguous

    order = list(range(len(entries)))
    random.Random(SEED).shuffle(order)
    right = total = 0
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        forms = fit_forms([e for i, e in enumerate(entries) if i not in held], known, min_count, alpha)
        for key, rows in examples([entries[i] for i in sorted(held)]).items():
            if key not in forms:
                continue
            for unit, words in rows:
                total += 1
                right += ambiguous.choose(key, words, forms[key])[0] == unit
    return right / max(1, total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--cv", action="store_true", help="print the cross-validation grid")
    args = parser.parse_args()
    from newsgraph.pipeline.components.quantities.lexicon import load

    known = {u.name: u.dimension for u in load().by_unit.values()}
    entries = json.loads(args.train.read_text(encoding="utf-8"))
    scored = []
    for min_count, alpha in GRID:
        accuracy = cross_validate(entries, known, min_count, alpha)
        scored.append((round(accuracy, 4), -min_count, -alpha))
        if args.cv:
            print(f"min_count {min_count} alpha {alpha}: cross-validated accuracy {accuracy:.4f}")
    accuracy, min_count, alpha = max(scored)
    min_count, alpha = -min_count, -alpha
    forms = fit_forms(entries, known, min_count, alpha)
    data = {
        "_about": "Fit by scripts/fit_ambiguous_units.py on CQE_Evaluation data/units/train "
        f"(satya77/CQE_Evaluation@190c0ce; {len(entries)} sentences); naive Bayes per ambiguous "
        "surface form over context words and the words right before and after "
        f"(log probabilities; min_count {min_count}, alpha {alpha}, chosen by {FOLDS}-fold "
        f"cross-validation on the training sentences: accuracy {accuracy:.3f}). "
        "Word counts only, no text.",
        "forms": forms,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(forms)} forms: " + ", ".join(f"{k} {sorted(v['units'])}" for k, v in forms.items()))


if __name__ == "__main__":
    main()
