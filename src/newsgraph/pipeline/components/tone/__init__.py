"""Tone: how positive or negative an article's wording is, GDELT GKG V1.5TONE style.

Each word is looked up in a valence lexicon (VADER's single words, resources/tone); a word
counts as positive or negative by the sign of its valence, flipped when a negator ("not",
"never", "no", "without", "n't") stands within the three words before it in its sentence.
Names are not words of tone ("Hope" the town, the "Liberty" party), nor are prepositions
and function words ("like" in "like Poland"), nor words news uses as names of things
(resources/tone/neutral.txt: the political party, interest rates, playing a match), nor
weak ones (|valence| < 0.5: "want", "number"), nor the page furniture the cleaner marked
(captions, credits, bylines, datelines). Scores are percentages of the article's words,
as in GDELT, and every counted word is kept with its span as evidence.

Two GDELT densities are approximated from the parse, and say so in docs/tone.md:
``activity_density`` is the share of words that are main verbs, ``self_group_density``
the share that are first-person pronouns (I, we and their forms).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from spacy.attrs import ENT_IOB, IDX, LEMMA, ORTH, POS, SENT_START
from spacy.parts_of_speech import IDS

from newsgraph.pipeline.bounded import BoundedCache
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.document import Document
from newsgraph.pipeline.shared.parse import columns
from newsgraph.record import Tone, ToneWord
from newsgraph.resources import words

NAME = "newsgraph.tone.v1"
LEXICON = Path(__file__).resolve().parents[3] / "resources" / "tone" / "lexicon.tsv"
_SKIP_NOISE = ("caption", "credit", "link_list", "boilerplate", "dateline", "byline")
# Parts of speech that can carry tone; the rest ("like" as a preposition, "no" as a
# determiner, "well" as an interjection filler) are function words here.
_TONAL_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})
_NEGATORS = words("tone/negators.txt")
_NEGATION_WINDOW = 3
_WORDLIKE = re.compile(r"[^\W_]")  # a letter or a digit
_NEGATION_SCALE = -0.74  # VADER's: a negated word keeps about three quarters of its force
_FIRST_PERSON = words("tone/first_person.txt")
_ATTRS = (ORTH, LEMMA, POS, ENT_IOB, IDX, SENT_START)
_VERB, _PRON = IDS["VERB"], IDS["PRON"]
_TONAL_POS_IDS = frozenset(IDS[p] for p in _TONAL_POS)
_OUTSIDE = 2  # spaCy's ENT_IOB value for a token outside any entity ("O")
_NOT_A_WORD = object()


def neutral_words() -> frozenset[str]:
    """Words never counted as tone (resources/tone/neutral.txt)."""
    return words("tone/neutral.txt")


@cache
def load_lexicon(path: str | None = None) -> dict[str, float]:
    """``word -> valence`` from a ``word<TAB>valence`` file (``#`` lines are comments);
    the shipped VADER lexicon by default."""
    lines = Path(path or LEXICON).read_text(encoding="utf-8").splitlines()
    rows = (line.split("\t") for line in lines if line.strip() and not line.startswith("#"))
    return {word: float(valence) for word, valence in rows}


class ToneScorer(Component):
    """The record's ``tone``. ``lexicon_path``: another ``word<TAB>valence`` table;
    ``min_valence``: weaker words are not counted."""

    name = NAME
    requires = ("text", "spacy", "noise")
    assigns = ("tone",)

    def __init__(self, lexicon_path: str | None = None, min_valence: float = 0.5):
        self.lexicon_path = lexicon_path
        self.min_valence = min_valence
        neutral = neutral_words()
        # fails at build time, not on the first article
        self.lexicon = {
            word: valence
            for word, valence in load_lexicon(lexicon_path).items()
            if abs(valence) >= min_valence and word not in neutral
        }
        self.neutral = neutral
        # Filled as words are met, so capped (pipeline/bounded.py): a long-lived process
        # meets new words for ever. Keyed by string-store hashes, valid in any vocab.
        self._words: BoundedCache[int, tuple | object] = BoundedCache()  # word id -> _word(...)
        self._lemmas: BoundedCache[int, str] = BoundedCache()  # lemma id -> lower-cased lemma

    def __call__(self, doc: Document) -> Document:
        furniture = [
            (n.start, n.end) for n in doc.noise if n.kind in _SKIP_NOISE and n.start is not None and n.end is not None
        ]
        words: list[ToneWord] = []
        n_words = n_verbs = n_self = 0
        spacy_doc = doc.spacy
        vocab = spacy_doc.vocab
        negators: list[bool] = []  # per token: a negator (for the window before a word of tone)
        sentence = 0  # index of the current sentence's first token
        # One row of ints per token, and per-word facts cached by the word's id: the loop
        # creates no Token object.
        cols = columns(spacy_doc)
        for i, (orth, lemma, pos, iob, start, sent_start) in enumerate(zip(*map(cols.list, _ATTRS))):
            if sent_start == 1:
                sentence = i
            word = self._words.get(orth)
            if word is None:
                word = self._words[orth] = self._word(vocab, orth)
            if word is _NOT_A_WORD:
                negators.append(False)
                continue
            negators.append(not word[2])
            if furniture and any(s < start + word[0] and start < e for s, e in furniture):
                continue
            n_words += 1
            n_verbs += pos == _VERB
            n_self += pos == _PRON and word[1]
            if pos in _TONAL_POS_IDS and iob == _OUTSIDE and word[2]:
                negated = any(negators[max(sentence, i - _NEGATION_WINDOW) : i])
                tonal = self._tonal(vocab.strings, orth, start, word[0], lemma, word[3], negated)
                if tonal is not None:
                    words.append(tonal)
        doc.tone = _scores(words, n_words, n_verbs, n_self)
        return doc

    def _word(self, vocab, orth: int) -> tuple | object:
        """(length, first person, may carry tone, its own valence) for a word id, or
        ``_NOT_A_WORD`` for punctuation, space and tokens with no letter or digit."""
        lexeme = vocab[orth]
        text = lexeme.orth_
        if lexeme.is_punct or lexeme.is_space or not _WORDLIKE.search(text):
            return _NOT_A_WORD
        lower = lexeme.lower_
        return (len(text), lower in _FIRST_PERSON, lower not in _NEGATORS, self.lexicon.get(lower))

    def _tonal(self, strings, orth: int, start: int, length: int, lemma_id: int, valence: float | None,
               negated: bool) -> ToneWord | None:
        """A content word outside any name as a word of tone, or None (``valence``: its
        own form's in the lexicon, else its lemma's counts; ``negated``: a negator stands
        within the window before it in its sentence)."""
        lemma = self._lemmas.get(lemma_id)
        if lemma is None:
            lemma = self._lemmas[lemma_id] = strings[lemma_id].lower()
        if lemma in self.neutral:
            return None
        if valence is None:
            valence = self.lexicon.get(lemma)
        if valence is None:
            return None
        if negated:
            valence = round(valence * _NEGATION_SCALE, 3)
        return ToneWord(start, start + length, strings[orth], valence, negated)


def _scores(words: list[ToneWord], n_words: int, n_verbs: int, n_self: int) -> Tone:
    def share(n: int) -> float:
        return round(100.0 * n / n_words, 3) if n_words else 0.0

    positive = share(sum(1 for w in words if w.valence > 0))
    negative = share(sum(1 for w in words if w.valence < 0))
    return Tone(
        tone=round(positive - negative, 3),
        positive=positive,
        negative=negative,
        polarity=round(positive + negative, 3),
        activity_density=share(n_verbs),
        self_group_density=share(n_self),
        word_count=n_words,
        words=words,
        component=NAME,
    )
