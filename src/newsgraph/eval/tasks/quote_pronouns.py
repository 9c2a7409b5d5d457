"""Who "he", "she", "it" and "they" are: the names newsgraph gives quote speakers written as
pronouns, scored on BBC News articles annotated by hand (docs/quotes.md, eighteenth
session).

The gold file (``eval/data/bbc_pronoun_speakers.jsonl``) holds, for 210 pronouns that
newsgraph's quotes took as their speaker in 133 BBC articles, the pronoun's offsets and
whom it stands for, as annotators read it (helper sessions that saw the article and the
pronoun, never newsgraph's answer): a name written in the article (``named``), a
description when the article names nobody ("analysts", "a spokesman"), or null when the
pronoun stands for no one ("it seems", a song title). No article text: the articles are
read from the BBC corpus under the data root, and refused when their text no longer hashes
to the annotated one.

``set``: ``tuned`` (120 pronouns in 74 articles, whose errors the session's rules were
written from) or ``blind`` (90 in 59 other articles, annotated before those rules and
scored once they were frozen). The figures, per set:

- ``precision``: of the pronouns newsgraph gives a name (an entity, or a capitalised name),
  the share whose name is the referent's (same words, or the same last word);
- ``recall``: of the pronouns that stand for someone named, the share named right;
- ``described``: the share given a description (a phrase, not a name) instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsgraph.eval.tasks.quantities import bbc_article

GOLD = Path(__file__).resolve().parents[1] / "data" / "bbc_pronoun_speakers.jsonl"
SETS = ("tuned", "blind")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "one", "some"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "sir", "lord", "dr", "lady", "dame"})


@dataclass(frozen=True)
class GoldPronoun:
    article: str
    set: str
    start: int
    end: int
    referent: str | None
    named: bool
    also: tuple[str, ...] = ()


def read_entries(root: Path, path: Path) -> tuple[dict[str, str], list[dict]]:
    """The entries of a BBC gold file (JSON lines with ``article`` and ``sha1``) and the
    text of each article they name, refused when it no longer hashes to the annotated one."""
    texts: dict[str, str] = {}
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for entry in entries:
        if entry["article"] not in texts:
            texts[entry["article"]] = bbc_article(root, entry["article"], entry["sha1"])
    return texts, entries


def read_gold(root: Path, path: Path = GOLD) -> tuple[dict[str, str], list[GoldPronoun]]:
    """The annotated articles' texts (by path) and the gold pronouns."""
    texts, entries = read_entries(root, path)
    return texts, [
        GoldPronoun(e["article"], e["set"], e["start"], e["end"], e["referent"], e["named"], tuple(e.get("also", ())))
        for e in entries
    ]


def _words(name: str) -> list[str]:
    return [w for w in name.replace(".", "").lower().split() if w not in _DETERMINERS | _HONORIFICS]


def same_referent(gold: str, ours: str) -> bool:
    """The same name: the same words (without determiners and honorifics), one inside the
    other, or the same last word ("Mr Blair" is "Tony Blair")."""
    g, o = _words(gold), _words(ours)
    if not g or not o:
        return False
    joined_g, joined_o = " ".join(g), " ".join(o)
    return g[-1] == o[-1] or joined_o in joined_g or joined_g in joined_o


def is_name(speaker, pronoun: str) -> bool:
    """A speaker a reader sees as someone's name: an entity, or a capitalised name that is
    neither the pronoun itself nor a description opening with a determiner."""
    if speaker.entity is not None:
        return True
    name = speaker.name or ""
    first = name.split()[0].lower() if name.split() else ""
    return name.lower() != pronoun.lower() and name[:1].isupper() and first not in _DETERMINERS


def verdict(gold: GoldPronoun, speaker, pronoun: str) -> str:
    """``right`` (the referent's name), ``wrong`` (a name, not the referent's), ``described``
    (a phrase, no name, or the article's description of a referent it never names),
    ``left`` (the pronoun left as it is, or no longer a speaker)."""
    if speaker is None or (speaker.name or "").lower() == pronoun.lower():
        return "left"
    if not is_name(speaker, pronoun):
        return "described"
    if speaker.entity is None and not gold.named and gold.referent and same_referent(gold.referent, speaker.name):
        return "described"  # the article's own description ("Critics", "Turkey's economic leaders")
    names = [gold.referent, *gold.also] if gold.named and gold.referent else []
    return "right" if any(same_referent(n, speaker.name) for n in names) else "wrong"


def scores(root: Path, analyse) -> tuple[dict[str, float], dict[str, int], list[Path]]:
    """Precision, recall and the described share per set (``bbc_pronoun_tuned_*``,
    ``bbc_pronoun_blind_*``), the verdict counts, and the files read. ``analyse(texts)``
    runs the quotes pipeline over ``{article: text}`` and returns ``{article: Document}``."""
    texts, gold = read_gold(root)
    speakers: dict[tuple[str, int], object] = {}
    for article, doc in analyse(texts).items():
        for quote in doc.quotes:
            if quote.speaker is not None and quote.speaker.start is not None:
                speakers.setdefault((article, quote.speaker.start), quote.speaker)
    out: dict[str, float] = {}
    counts: dict[str, int] = {}
    for which in SETS:
        tally = {"right": 0, "wrong": 0, "described": 0, "left": 0}
        named = 0
        for g in (g for g in gold if g.set == which):
            pronoun = texts[g.article][g.start : g.end]
            tally[verdict(g, speakers.get((g.article, g.start)), pronoun)] += 1
            named += g.named
        given = tally["right"] + tally["wrong"]
        total = sum(tally.values())
        prefix = f"bbc_pronoun_{which}"
        out[f"{prefix}_precision"] = round(tally["right"] / given, 4) if given else 0.0
        out[f"{prefix}_recall"] = round(tally["right"] / named, 4) if named else 0.0
        out[f"{prefix}_described"] = round(tally["described"] / total, 4) if total else 0.0
        counts |= {f"{prefix}_{k}": v for k, v in tally.items()} | {f"{prefix}_gold": total}
    return out, counts, [*(root / a for a in sorted(texts)), GOLD]
