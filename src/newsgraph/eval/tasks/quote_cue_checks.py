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
character, and those no longer found are counted apart (``gone``):

- ``bbc_cues_precision``: the share of the records still found whose cue is a cue;
- ``bbc_cues_kept``: the share of the labelled cues still found (what a change costs in
  recall, within the sample).
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.eval.tasks.quote_pronouns import read_entries

GOLD = Path(__file__).resolve().parents[1] / "data" / "bbc_cues_checked.jsonl"


def scores(root: Path, analyse, path: Path = GOLD) -> tuple[dict[str, float], dict[str, int], list[Path]]:
    """``bbc_cues_precision`` and ``bbc_cues_kept``, the counts and the files read (the
    gold file ``path``). ``analyse(texts)``: as for ``quote_pronouns.scores``."""
    texts, gold = read_entries(root, path)
    cue_starts = {article: {q.cue.start for q in doc.quotes if q.cue is not None} for article, doc in analyse(texts).items()}
    tally = {"yes": 0, "no": 0, "gone_yes": 0, "gone_no": 0}
    for entry in gold:
        found = entry["cue_start"] in cue_starts[entry["article"]]
        tally[entry["label"] if found else f"gone_{entry['label']}"] += 1
    kept = tally["yes"] + tally["no"]
    labelled_cues = tally["yes"] + tally["gone_yes"]
    out = {
        "bbc_cues_precision": round(tally["yes"] / kept, 4) if kept else 0.0,
        "bbc_cues_kept": round(tally["yes"] / labelled_cues, 4) if labelled_cues else 0.0,
    }
    return out, {f"bbc_cues_{k}": v for k, v in tally.items()}, [*(root / a for a in sorted(texts)), path]
