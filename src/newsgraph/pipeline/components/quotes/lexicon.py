"""The quote cue lexicon, kept as data in ``resources/quotes/`` and loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "quotes"


@dataclass(frozen=True)
class Lexicon:
    """``verbs``: reporting-verb lemmas; ``xcomp_verbs``: those whose content may be a
    to-infinitive; ``phrases``: prepositional cue phrases as tuples of lower-case words;
    ``titles``: lower-case title words cut from a speaker's name when no entity has it;
    ``dobj_verbs``: verbs whose direct object may be their content (stance, announcement);
    ``phrasal``: (verb, particle) pairs that report only with their particle (shoot back);
    ``prep_verbs``: (verb, preposition) pairs whose prepositional object may be their
    content (``called for a ban``)."""

    verbs: frozenset[str]
    xcomp_verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    titles: frozenset[str] = frozenset()
    dobj_verbs: frozenset[str] = frozenset()
    phrasal: frozenset[tuple[str, str]] = frozenset()
    prep_verbs: frozenset[tuple[str, str]] = frozenset()

    @cached_property
    def phrasal_heads(self) -> frozenset[str]:
        """The verbs of ``phrasal`` (built once: it is asked for every candidate token)."""
        return frozenset(verb for verb, _ in self.phrasal)

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Every lemma that may be a cue verb: ``verbs`` and the heads of ``phrasal``."""
        return self.verbs | self.phrasal_heads


def _lines(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@cache
def load(directory: str | None = None) -> Lexicon:
    """The lexicon in ``directory`` (default: the one shipped with newsgraph)."""
    root = Path(directory) if directory else RESOURCES
    verbs, xcomp, dobj, phrasal, prep = set(), set(), set(), set(), set()
    for row in _lines(root / "reporting_verbs.txt"):
        verb = row[0].strip()
        if " " in verb:
            head, particle = verb.split(" ", 1)
            phrasal.add((head, particle))
            continue
        verbs.add(verb)
        forms = {f.strip() for f in row[1].split(",")} if len(row) > 1 else set()
        if "xcomp" in forms:
            xcomp.add(verb)
        if "dobj" in forms:
            dobj.add(verb)
        prep |= {(verb, f.split(":", 1)[1]) for f in forms if f.startswith("prep:")}
    phrases = tuple(tuple(row[0].split()) for row in _lines(root / "cue_phrases.txt"))
    titles = frozenset(row[0].strip() for row in _lines(root / "title_words.txt"))
    return Lexicon(
        frozenset(verbs), frozenset(xcomp), phrases, titles, frozenset(dobj), frozenset(phrasal), frozenset(prep)
    )
