"""Quotes as a reader of BBC output sees them: is each quote record really something a source
said, and is it given the right source? Scored on 160 quote records checked by hand
(docs/quotes.md, eighteenth session).

The gold file (``eval/data/bbc_quotes_checked.jsonl``) holds 160 quote records that
newsgraph found in 81 BBC articles (at most two per article, drawn at random, seed 1818,
from articles outside the pronoun set), each with its span and its cue's span, and what
annotators read there (helper sessions that saw the article, the passage and the cue, never
newsgraph's speaker): ``attribution`` ("yes": content the article attributes to a source
through that cue; "partly": attributed, but the passage is badly cut or the cue is not the
reporting word; "no": no attribution at all, such as "Van Persie blasted over a good
opportunity") and ``source`` (the fullest name in the article, pronouns and titles resolved;
a description when the article names nobody). ``set``: ``tuned`` (79 records in the first
40 articles, whose errors were read) or ``blind`` (81 in the other 41, scored only).

The sample comes from newsgraph's own output, so it measures precision, not recall. A
record is looked up again by its cue's first character and an overlapping span; a record
no longer found is counted apart (``gone``); a cue that has since grown to take in words
before the checked one ("voiced concerns") still holds it. Per set:

- ``attribution_precision``: the share of the records still found that are attributions
  ("yes"); ``lenient`` also counts "partly";
- ``speaker_accuracy``: of the found records that are attributions with a source, the share
  whose speaker names it (same words or the same last word; for a source the article never
  names, the same description and no entity).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsgraph.eval.tasks.quote_pronouns import SETS, read_entries, same_referent

GOLD = Path(__file__).resolve().parents[1] / "data" / "bbc_quotes_checked.jsonl"


@dataclass(frozen=True)
class CheckedQuote:
    article: str
    set: str
    start: int
    end: int
    cue_start: int
    attribution: str
    source: str | None
    named: bool


def read_gold(root: Path, path: Path = GOLD) -> tuple[dict[str, str], list[CheckedQuote]]:
    """The checked articles' texts (by path) and the checked quote records."""
    texts, entries = read_entries(root, path)
    return texts, [
        CheckedQuote(e["article"], e["set"], e["start"], e["end"], e["cue_start"], e["attribution"], e["source"], e["named"])
        for e in entries
    ]


def speaker_right(gold: CheckedQuote, speaker) -> bool:
    """Whether ``speaker`` (a record ``Speaker`` or None) names the checked source."""
    if speaker is None or not speaker.name or gold.source is None:
        return False
    if gold.named:
        return same_referent(gold.source, speaker.name)
    return speaker.entity is None and same_referent(gold.source, speaker.name)


def scores(root: Path, analyse) -> tuple[dict[str, float], dict[str, int], list[Path]]:
    """Attribution precision (strict and lenient) and speaker accuracy per set
    (``bbc_quotes_tuned_*``, ``bbc_quotes_blind_*``), the counts, and the files read.
    ``analyse(texts)``: as for ``quote_pronouns.scores``."""
    texts, gold = read_gold(root)
    quotes = {article: [q for q in doc.quotes if q.cue is not None] for article, doc in analyse(texts).items()}
    out: dict[str, float] = {}
    counts: dict[str, int] = {}
    for which in SETS:
        tally = {"yes": 0, "partly": 0, "no": 0, "gone": 0, "sourced": 0, "speaker_right": 0}
        for g in (g for g in gold if g.set == which):
            found = next(
                (q for q in quotes[g.article] if q.cue.start <= g.cue_start < q.cue.end and q.start < g.end and g.start < q.end),
                None,
            )
            if found is None:
                tally["gone"] += 1
                continue
            tally[g.attribution] += 1
            if g.attribution != "no" and g.source is not None:
                tally["sourced"] += 1
                tally["speaker_right"] += speaker_right(g, found.speaker)
        kept = tally["yes"] + tally["partly"] + tally["no"]
        prefix = f"bbc_quotes_{which}"
        out[f"{prefix}_attribution_precision"] = round(tally["yes"] / kept, 4) if kept else 0.0
        out[f"{prefix}_attribution_precision_lenient"] = round((tally["yes"] + tally["partly"]) / kept, 4) if kept else 0.0
        out[f"{prefix}_speaker_accuracy"] = round(tally["speaker_right"] / tally["sourced"], 4) if tally["sourced"] else 0.0
        counts |= {f"{prefix}_{k}": v for k, v in tally.items()}
    return out, counts, [*(root / a for a in sorted(texts)), GOLD]
