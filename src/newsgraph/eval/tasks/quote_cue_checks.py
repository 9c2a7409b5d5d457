"""Learned cues as a reader of BBC output sees them: of the quote records whose cue the cue
model found, how many are cues? Scored on 300 such records checked by hand (docs/quotes.md,
nineteenth session).

The gold file (``eval/data/bbc_cues_checked.jsonl``) holds 300 learned cues that became
quote records when the cue model trained with the BBC labels (``training/quotes/``) ran on
the BBC corpus, drawn at random (seed 1919, at most two per article) from 187 articles that
are neither in those labels nor in the other checked sets, and labelled by helper sessions
with the labels' guideline (``training/quotes/README.md``), never the model's score:
``label`` "yes" (an attribution cue in its sentence) or "no". One JSON line each:
``article``, ``sha1``, ``cue_start``, ``cue_end``, ``label``.

The sample comes from one model's output, so it measures that model's precision. A later
model may drop some of these records: a record is looked up again by its cue's first
character (inside a found record's cue: a later cue may run from a verb to the labelled
noun, "voiced concerns"), and those no longer found are counted apart (``gone``):

- ``bbc_cues_precision``: the share of the records still found whose cue is a cue;
- ``bbc_cues_kept``: the share of the labelled cues still found (what a change costs in
  recall, within the sample).

The counts also split the records still found by their ``cue_confidence`` (``conf50_*``
for 0.5 to 0.6, ... ``conf90_*`` for 0.9 and more): how often a cue of that confidence is
one.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.eval.tasks.quote_pronouns import read_entries

GOLD = Path(__file__).resolve().parents[1] / "data" / "bbc_cues_checked.jsonl"
# Lower ends (in hundredths) of the ``cue_confidence`` bins counted apart (``conf50_yes``:
# the records scored 0.50 to 0.60 whose word is a cue), what the probability is worth.
CONFIDENCE_BINS = (50, 60, 70, 80, 90)


def scores(root: Path, analyse, path: Path = GOLD) -> tuple[dict[str, float], dict[str, int], list[Path]]:
    """``bbc_cues_precision`` and ``bbc_cues_kept``, the counts and the files read (the
    gold file ``path``). ``analyse(texts)``: as for ``quote_pronouns.scores``."""
    texts, gold = read_entries(root, path)
    # By every character of a record's cue: a labelled cue word counts as found inside a
    # cue widened to the verb before it ("voiced concerns", PolNeAR's cue for the noun).
    confidence = {
        article: {c: q.cue_confidence for q in doc.quotes if q.cue is not None for c in range(q.cue.start, q.cue.end)}
        for article, doc in analyse(texts).items()
    }
    tally = {"yes": 0, "no": 0, "gone_yes": 0, "gone_no": 0}
    for low in CONFIDENCE_BINS:
        tally |= {f"conf{low}_yes": 0, f"conf{low}_no": 0}
    for entry in gold:
        found = confidence[entry["article"]]
        if entry["cue_start"] not in found:
            tally[f"gone_{entry['label']}"] += 1
            continue
        tally[entry["label"]] += 1
        score = found[entry["cue_start"]]
        if score is not None:
            low = max((b for b in CONFIDENCE_BINS if b / 100 <= score), default=CONFIDENCE_BINS[0])
            tally[f"conf{low}_{entry['label']}"] += 1
    kept = tally["yes"] + tally["no"]
    labelled_cues = tally["yes"] + tally["gone_yes"]
    out = {
        "bbc_cues_precision": round(tally["yes"] / kept, 4) if kept else 0.0,
        "bbc_cues_kept": round(tally["yes"] / labelled_cues, 4) if labelled_cues else 0.0,
    }
    return out, {f"bbc_cues_{k}": v for k, v in tally.items()}, [*(root / a for a in sorted(texts)), path]
