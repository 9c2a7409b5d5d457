"""The trigger lexicon and matching it over a parse.

Two tables with the same columns: resources/events/triggers.tsv, written by hand (nominal
triggers, and the verbs whose object decides the type), then cameo_triggers.tsv, generated
from PETRARCH2's CAMEO verb dictionary by scripts/build_event_lexicon.py (the codebook's
verbs and verb-object patterns, mapped to PLOVER). Hand rows are matched first.

A row says: this lemma, as this part of speech, optionally with one of these objects,
codes this PLOVER type and mode. Multiword verbs match a particle or preposition child
("call for", "pull out"); multiword nouns match a compound child ("hunger strike"). An
object with several words ("arms shipment") needs all of them among the object's words.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.symbols import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from newsgraph.pipeline.shared.parse import columns, lower_of

RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "events"
LEXICON = RESOURCES / "triggers.tsv"
CAMEO_LEXICON = RESOURCES / "cameo_triggers.tsv"

# Dependency labels whose tokens count as the trigger's object or complement.
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass", "dative", "xcomp"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "compound:prt"})
# The same labels and words as string-store ids, for ``object_lemmas``.
_OBJECT_DEP_IDS = frozenset(get_string_id(d) for d in _OBJECT_DEPS)
_PREP_DEP_IDS = frozenset(get_string_id(d) for d in ("prep", "agent"))
# The parts of speech ``_may_match`` can accept (spaCy's symbol ids, as in the POS column).
_MATCHED_POS = (VERB, NOUN, PROPN, ADJ)
_POBJ, _PREP, _COMPOUND, _AMOD, _OF = (get_string_id(s) for s in ("pobj", "prep", "compound", "amod", "of"))


@dataclass(frozen=True)
class Trigger:
    """One lexicon row."""

    type: str
    mode: str | None
    lemma: str
    pos: str
    objects: frozenset[str] | None  # None: any; empty: some object required
    cameo: str | None
    origin: str = "hand"  # "hand" (triggers.tsv) or "cameo" (generated from the CAMEO dictionary)
    # derived once, for matching: the words beside the head, and the multiword objects
    rest: tuple[str, ...] = field(init=False, repr=False, compare=False)
    phrases: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)
    keywords: frozenset[str] = field(init=False, repr=False, compare=False)  # every object word

    def __post_init__(self) -> None:
        words = self.words
        object.__setattr__(self, "rest", tuple(words[1:] if self.pos == "VERB" else words[:-1]))
        phrases = tuple(tuple(w.split()) for w in self.objects or () if " " in w)
        object.__setattr__(self, "phrases", phrases)
        object.__setattr__(self, "keywords", frozenset(w for o in self.objects or () for w in o.split()))

    @property
    def words(self) -> list[str]:
        return self.lemma.split()


@cache
def load(path: str | None = None) -> dict[tuple[str, str], list[Trigger]]:
    """Rows indexed by (head lemma, pos), in file order: ``path`` alone when given, else the
    hand table then the CAMEO table. The head lemma of a multiword verb is its first word
    ("call for" -> call); of a multiword noun, its last ("hunger strike" -> strike)."""
    index: dict[tuple[str, str], list[Trigger]] = {}
    if path is not None:
        _read(Path(path), "hand", index)
    else:
        _read(LEXICON, "hand", index)
        _read(CAMEO_LEXICON, "cameo", index)
    for rows in index.values():  # every lemma's plan at load (0.1 s), not on its first article
        _plan(rows)
    return index


def _read(path: Path, origin: str, index: dict[tuple[str, str], list[Trigger]]) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        type_, mode, lemma, pos, objects, cameo = line.split("\t")
        if objects == "-":
            wanted = None
        elif objects == "+":
            wanted = frozenset()
        else:
            wanted = frozenset(objects.split(";"))
        row = Trigger(type_, None if mode == "-" else mode, lemma, pos, wanted, None if cameo == "-" else cameo, origin)
        head = row.words[0] if pos == "VERB" else row.words[-1]
        index.setdefault((head, pos), []).append(row)


def candidates(doc: Doc, index: dict[tuple[str, str], list[Trigger]], cache: dict) -> list[int]:
    """Indices of the tokens ``match`` may find a row for, in order: the same test as its
    first lines, run on the token's ids and remembered per (lemma, form, pos, tag) in
    ``cache``, so the rest of the document is never turned into Token objects."""
    strings = doc.vocab.strings
    found = []
    cols = columns(doc)
    lemmas, lowers, poses, tags = cols.list(LEMMA), cols.list(LOWER), cols.list(POS), cols.list(TAG)
    # ``_may_match`` is False for any other part of speech: those tokens are not looked at.
    pos_column = cols.column(POS)
    for i in np.flatnonzero(functools.reduce(np.logical_or, [pos_column == p for p in _MATCHED_POS])).tolist():
        key = (lemmas[i], lowers[i], poses[i], tags[i])
        hit = cache.get(key)
        if hit is None:
            lemma, lower, pos_name, tag = (strings[k] for k in key)
            hit = cache[key] = _may_match(lemma.lower(), lower, pos_name, tag, index)
        if hit:
            found.append(i)
    return found


def _may_match(lemma: str, lower: str, pos: str, tag: str, index: dict[tuple[str, str], list[Trigger]]) -> bool:
    if pos == "ADJ" and tag == "JJ" and lower.endswith("ed"):
        return (lower[:-1], "VERB") in index or (lower[:-2], "VERB") in index
    kind = "VERB" if pos == "VERB" else "NOUN" if pos in ("NOUN", "PROPN") else None
    return kind is not None and ((lemma, kind) in index or (lower, kind) in index)


def object_lemmas(token: Token) -> set[str]:
    """Lemmas of the token's objects and complements, with their conjuncts, compounds and
    ``of``-complements ("state of emergency", "martial law", "arms, ammunition").
    Read from the tokens' integer attributes (one pass over the children, no label strings)."""
    found: set[str] = set()
    heads = []
    preps = []
    for child in token.children:
        dep = child.dep
        if dep in _OBJECT_DEP_IDS:
            heads.append(child)
        elif dep in _PREP_DEP_IDS:
            preps.append(child)
    for prep in preps:
        heads.extend(p for p in prep.children if p.dep == _POBJ)
    if not heads:
        return found
    for head in list(heads):
        heads.extend(head.conjuncts)
    strings = token.vocab.strings
    for head in heads:
        found.add(lower_of(strings, head.lemma))
        for child in head.children:
            dep = child.dep
            if dep == _COMPOUND or dep == _AMOD:
                found.add(lower_of(strings, child.lemma))
            elif dep == _PREP and child.lower == _OF:
                found.update(lower_of(strings, p.lemma) for p in child.children if p.dep == _POBJ)
    return found


def match(token: Token, index: dict[tuple[str, str], list[Trigger]]) -> tuple[Trigger, list[Token]] | None:
    """The first row of ``index`` (from ``load``) that ``token`` triggers, with the extra
    tokens of a multiword trigger, or None."""
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if token.pos_ == "ADJ" and token.tag_ == "JJ" and token.lower_.endswith("ed"):
        # a participle the small tagger took for an adjective ("Russia annexed Crimea")
        rows = index.get((token.lower_[:-1], "VERB")) or index.get((token.lower_[:-2], "VERB"))
        return (rows[0], []) if rows and rows[0].objects is None else None
    if pos is None:
        return None
    rows = index.get((token.lemma_.lower(), pos)) or index.get((token.lower_, pos))
    if not rows:
        return None
    objects: set[str] | None = None
    beside: set[str] | None = None  # words of the children a multiword trigger may use
    _, always, by_word, first_keyed = _plan(rows)
    # Only rows naming one of the token's object words can match besides ``always``, in
    # file order. The rows before the first that names an object word are tried before the
    # objects are read: while they need none, whether they match does not depend on them.
    order: tuple[int, ...] | list[int] = always
    ordered = not by_word
    at = 0
    while True:
        if not ordered and (at == len(order) or order[at] > first_keyed or rows[order[at]].objects is not None):
            ordered = True
            objects = object_lemmas(token)
            hits = [i for word in objects if word in by_word for i in by_word[word]]
            if hits:  # the rows tried so far keep their places: all come before ``first_keyed``
                order = sorted(set(always).union(hits))
        if at == len(order):
            return None
        row = rows[order[at]]
        at += 1
        if row.rest:
            if beside is None:
                beside = {c.lower_ for c in token.children} | {m.lower_ for m in _clause_marks(token)}
            if not beside.issuperset(row.rest):
                continue
        if row.objects is not None:
            if objects is None:
                objects = object_lemmas(token)
            if not objects or (row.objects and not _wanted_object(objects, row)):
                continue
        extra = _multiword(token, row)
        if extra is None:
            continue
        return row, extra


_PLANS: dict[int, tuple[list[Trigger], tuple[int, ...], dict[str, tuple[int, ...]], int | float]] = {}


def _plan(rows: list[Trigger]) -> tuple[list[Trigger], tuple[int, ...], dict[str, tuple[int, ...]], int | float]:
    """For one lemma's rows (built once): the positions of rows that name no object word,
    for each object word the positions of the rows naming it, and the first position of a
    row naming one (infinity when none does)."""
    plan = _PLANS.get(id(rows))
    if plan is None or plan[0] is not rows:
        by_word: dict[str, list[int]] = {}
        for position, row in enumerate(rows):
            for word in row.keywords:
                by_word.setdefault(word, []).append(position)
        always = tuple(position for position, row in enumerate(rows) if not row.objects)
        first_keyed = min((v[0] for v in by_word.values()), default=math.inf)
        plan = _PLANS[id(rows)] = (rows, always, {word: tuple(v) for word, v in by_word.items()}, first_keyed)
    return plan


def _wanted_object(objects: set[str], row: Trigger) -> bool:
    """True when one of the row's objects is among ``objects`` (all words of a phrase)."""
    if objects.isdisjoint(row.keywords):
        return False
    if not objects.isdisjoint(row.objects or ()):
        return True
    return any(all(part in objects for part in phrase) for phrase in row.phrases)


def _clause_marks(token: Token) -> list[Token]:
    """The marks of a verb's clausal complements: "called for the embargo to be lifted" hangs
    "for" on "lifted", but it is "call for"'s particle."""
    return [m for c in token.children if c.dep_ in ("advcl", "ccomp", "xcomp")
            for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]


def for_clause(token: Token) -> bool:
    """``token`` heads a "for X to do Y" clause the parse hung as an adverbial one ("pushing for
    the US to support", "called for the embargo to be lifted"): what is asked for."""
    return token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in token.children)


def _multiword(token: Token, row: Trigger) -> list[Token] | None:
    """The tokens completing a multiword trigger ([] for one word), or None on no match."""
    rest = row.rest
    if not rest:
        return []
    if row.pos == "VERB":
        extra = [c for c in token.children if c.dep_ in _PARTICLE_DEPS and c.lower_ in rest]
        found = {c.lower_ for c in extra}
        extra += [m for m in _clause_marks(token) if m.lower_ in rest and m.lower_ not in found]
        return extra if len(extra) == len(rest) else None
    extra = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in rest]
    return extra if len(extra) == len(rest) else None
