"""Faster equivalents of spaCy's attribute ruler and rule lemmatizer, with the same output.

In en_core_web_sm the two components that turn fine-grained tags into parts of speech,
morphology and lemmas cost about a sixth of the pipeline's time (7.4 and 3.0 ms of 33 ms
per BBC article without the recogniser; bench/README.md, "The backbone's attribute ruler
and lemmatizer"): the attribute ruler runs spaCy's general ``Matcher`` with some 180 one-
and two-token patterns over every token, and the lemmatizer builds a ``Token`` and a
``MorphAnalysis`` per token to look its memo up, and on a new word reads word lists of up
to 57,000 entries through to test membership.

``speed_up(nlp)`` swaps in a ``__call__`` and ``pipe`` that compute the same values:
- the attribute ruler's patterns are indexed by the value their first token must have
  (its lower-cased form, else its tag, dependency or space flag), tested on integer
  arrays read once per document, and applied in the ruler's own order (later rules win),
  with the values spaCy's own setter stores;
- the lemmatizer reads its memo by the (word, part of speech, morphology) ids it already
  keys on, from arrays; on a miss it asks spaCy's own ``rule_lemmatize``, whose word lists
  are held as frozensets (membership is all it asks of them).

A pipeline whose patterns use anything else (operators, other token fields, other
attributes to set) or whose lemmatizer is not in ``rule`` mode keeps spaCy's components.
``tests/test_fast_attributes.py`` checks the output equal to spaCy's token by token; the
2,225 BBC articles and the other evaluation texts were checked the same way
(bench/README.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsgraph.pipeline.bounded import BoundedCache

# The token fields a compiled pattern may test, in the order of the feature array.
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_NAMES = {column: name for name, column in _FIELDS.items()}
_FEATURES = [TAG, LOWER, DEP, IS_SPACE]
# The fields patterns are indexed on, most selective first.
_INDEXED = (_FIELDS["LOWER"], _FIELDS["TAG"], _FIELDS["DEP"], _FIELDS["IS_SPACE"])
# The attributes a compiled rule may set, in the order of the written array.
_WRITTEN = [POS, MORPH, LEMMA, TAG, DEP]


class Unsupported(ValueError):
    """A pattern or setting the fast path does not reproduce exactly."""


def speed_up(nlp) -> list[str]:
    """Give ``nlp``'s attribute ruler and rule lemmatizer their fast equivalents, in place;
    returns the names of the components changed (none when a pattern is unsupported)."""
    changed = []
    for name, pipe in nlp.pipeline:
        if isinstance(pipe, AttributeRuler) and not isinstance(pipe, FastAttributeRuler):
            try:
                rules = _compile(pipe)
            except Unsupported:
                continue
            pipe._ng_rules = rules
            pipe.__class__ = _faster(type(pipe), FastAttributeRuler)
            changed.append(name)
        elif isinstance(pipe, Lemmatizer) and not isinstance(pipe, FastLemmatizer) and pipe.mode == "rule":
            pipe._ng_memo = BoundedCache()
            _index_as_sets(pipe)
            pipe.__class__ = _faster(type(pipe), FastLemmatizer)
            changed.append(name)
    return changed


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """Hold the lemmatizer's word lists (``lemma_index``: some 57,000 nouns, 10,000 verbs)
    as frozensets: ``rule_lemmatize`` only asks whether a form is in them, which a list
    answers by reading it through (about 0.1 ms per new word)."""
    if "lemma_index" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


@cache
def _faster(cls: type, fast: type) -> type:
    """``cls`` (spaCy's class, or a language's subclass such as ``EnglishLemmatizer``) with
    ``fast``'s ``__call__`` and ``pipe`` in front of its own."""
    return cls if issubclass(cls, fast) else type(f"Fast{cls.__name__}", (fast, cls), {})


class _Rules:
    """Compiled patterns, indexed by a value their first token must have: its word, else
    its tag, else its dependency, else whether it is a space."""

    def __init__(self):
        self.index: list[tuple[int, dict[int, list]]] = [(field, defaultdict(list)) for field in _INDEXED]
        self.every: list = []  # patterns whose first token has none of these fixed
        self.effects: list[list[tuple[int, int]]] = []  # per rule: (column, value) it sets


def _compile(ruler: AttributeRuler) -> _Rules:
    """The ruler's patterns as ``_Rules``; ``Unsupported`` when one cannot be reproduced."""
    rules = _Rules()
    vocab = ruler.vocab
    for attr_id, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        rules.effects.append([(_WRITTEN.index(c), v) for c, v in _effect(vocab, attrs).items()])
        for pattern in ruler.matcher.get(str(attr_id))[1]:
            tests = [_token_tests(vocab, token) for token in pattern]
            for field, by_value in rules.index:
                values = _exact(pattern[0].get(_NAMES[field]))
                if values is not None:
                    # the index guarantees this test: the first token needs only the others
                    first = [t for t in tests[0] if t[0] != field]
                    entry = (attr_id, [first, *tests[1:]], index, len(tests))
                    for value in values:
                        by_value[value].append(entry)
                    break
            else:
                rules.every.append((attr_id, tests, index, len(tests)))
    return rules


def _exact(spec) -> list[int] | None:
    """The ids a token field must have, when the pattern names its values (``"said"``,
    ``{"IN": [...]}``, ``True``), else None."""
    if isinstance(spec, bool):
        return [int(spec)]
    if isinstance(spec, str):
        return [get_string_id(spec)]
    if isinstance(spec, dict) and set(spec) == {"IN"} and all(isinstance(v, str) for v in spec["IN"]):
        return [get_string_id(v) for v in spec["IN"]]
    return None


def _token_tests(vocab, token: dict) -> list[tuple]:
    """``(field, kind, operand)`` tests for one token of a pattern."""
    tests = []
    for key, spec in token.items():
        if key not in _FIELDS:
            raise Unsupported(key)
        field = _FIELDS[key]
        if isinstance(spec, bool):
            tests.append((field, "eq", int(spec)))
        elif isinstance(spec, str):
            tests.append((field, "eq", get_string_id(spec)))
        elif isinstance(spec, dict) and len(spec) == 1:
            ((op, operand),) = spec.items()
            if op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
                tests.append((field, op.lower(), frozenset(get_string_id(v) for v in operand)))
            elif op == "REGEX" and isinstance(operand, str) and key != "IS_SPACE":
                tests.append((field, "regex", re.compile(operand)))
            else:
                raise Unsupported(f"{key}: {spec!r}")
        else:
            raise Unsupported(f"{key}: {spec!r}")
    return tests


def _effect(vocab, attrs: dict) -> dict[int, int]:
    """The columns a rule sets and their values, computed by spaCy's own setter (on the
    ruler's normalised attributes, as its ``set_annotations`` does) on a one-word document,
    so every value is the one spaCy would store."""
    if not set(attrs) <= set(_WRITTEN):
        raise Unsupported(f"attributes {sorted(attrs, key=str)}")
    from spacy.tokens._retokenize import set_token_attrs

    probe = Doc(vocab, words=["_"])
    set_token_attrs(probe[0], attrs)
    row = probe.to_array(_WRITTEN)[0]
    return {column: int(row[k]) for k, column in enumerate(_WRITTEN) if column in attrs}


def _passes(tests: list[tuple], features: list[list[int]], i: int, strings) -> bool:
    for field, kind, operand in tests:
        value = features[field][i]
        if kind == "eq":
            if value != operand:
                return False
        elif kind == "in":
            if value not in operand:
                return False
        elif kind == "not_in":
            if value in operand:
                return False
        elif operand.search(strings[value]) is None:  # regex, on the field's string
            return False
    return True


class FastAttributeRuler:
    """spaCy's ``AttributeRuler`` with its patterns compiled (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._apply(doc)
        except Exception as err:  # as spaCy's own components report a failure
            return self.get_error_handler()(self.name, self, [doc], err)

    def _apply(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        rules: _Rules = self._ng_rules
        strings = doc.vocab.strings
        features = doc.to_array(_FEATURES).T.tolist()
        index = [(features[field], by_value) for field, by_value in rules.index]
        matches = []
        for i in range(n):
            for group in [by_value.get(values[i]) for values, by_value in index] + [rules.every]:
                if not group:
                    continue
                for attr_id, tests, at, length in group:
                    if length == 1:  # most patterns: one token, often nothing left to test
                        if (not tests[0] or _passes(tests[0], features, i, strings)) and at in (0, -1):
                            matches.append((attr_id, i, i))
                    elif i + length <= n and all(not t or _passes(t, features, i + k, strings) for k, t in enumerate(tests)):
                        target = i + at if at >= 0 else i + length + at
                        if i <= target < i + length:
                            matches.append((attr_id, i, target))
        if not matches:
            return doc
        matches.sort()  # the ruler's order: by rule, later rules win
        written = doc.to_array(_WRITTEN)
        for attr_id, _, target in matches:
            for k, value in rules.effects[attr_id]:
                written[target, k] = value
        doc.from_array(_WRITTEN, written)
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


class FastLemmatizer:
    """spaCy's rule ``Lemmatizer`` with its memo read by ids from arrays."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            return self._apply(doc)
        except Exception as err:
            return self.get_error_handler()(self.name, self, [doc], err)

    def _apply(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        memo = self._ng_memo
        strings = doc.vocab.strings
        lemmas = [row[3] for row in rows]
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            text = memo.get(key)
            if text is None:
                text = memo[key] = self.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(text)
        doc.from_array([LEMMA], _column(lemmas))
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


def _column(values: list[int]):
    import numpy

    return numpy.asarray(values, dtype=numpy.uint64).reshape(-1, 1)
