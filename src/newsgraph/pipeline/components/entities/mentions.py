"""Name mentions from the spaCy parse, trimmed, de-junked and merged with gazetteer hits.

Works on any recogniser that emits OntoNotes labels (the model's own ``ner`` or
newsgraph's news recogniser). Offsets are characters into the analysed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.pipeline.components.entities.gazetteer import Entry, titles
from newsgraph.resources import entries, words

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_PRONOUNS = words("lexicons/entities/pronouns.txt")
# Page furniture the recogniser sometimes tags ("RELATED IMAGES", "Share").
_FURNITURE = words("lexicons/entities/furniture_words.txt")
_HONORIFICS = words("lexicons/entities/honorifics.txt")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"the", "The", "THE"})
# "(AP Photo/Patrick Semansky)", "(Reuters/Jane Doe)", "(Photo: Jane Doe/AFP)".
_CREDIT = re.compile(
    r"\((?P<org>[A-Z][\w&.]*(?: (?!Photo|Pool|Images?\b)[A-Z][\w&.]*)?)(?: (?:Photo|Photograph|Pool Photo|Images?))?"
    r"/(?P<who>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|van|de|von|der|da|di|le|la)){1,4})(?:, ?File)?\)"
)


class Tokens:
    """Token offsets of a parsed text as plain lists, built once per document, because
    iterating a spaCy ``Doc`` creates a Python object per token on every pass."""

    def __init__(self, sdoc, text: str):
        from spacy.attrs import IDX, LENGTH, SENT_START

        rows = sdoc.to_array([IDX, LENGTH, SENT_START]).tolist() if len(sdoc) else []
        self.starts = [r[0] for r in rows]
        self.ends = [r[0] + r[1] for r in rows]
        self.sent_start = [r[2] == 1 for r in rows]
        self.words = [text[s:e] for s, e in zip(self.starts, self.ends)]
        self.lower = [w.lower() for w in self.words]
        self.by_start = {s: i for i, s in enumerate(self.starts)}
        self.by_end = {e: i for i, e in enumerate(self.ends)}

    def __len__(self) -> int:
        return len(self.starts)

    def covering(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping ``[start, end)``."""
        from bisect import bisect_left, bisect_right

        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


@dataclass
class Mention:
    """A candidate mention ``[start, end)`` with its label. ``source`` is model, gazetteer,
    credit or propagated; ``entry`` the gazetteer entry it matched, if any; ``shouting``
    whether it lies in an upper-case line (a headline or a sports table)."""

    start: int
    end: int
    label: str
    source: str
    entry: Entry | None = None
    shouting: bool = False
    sure: bool = False  # a rule settled the label (outvotes the model like a gazetteer)

    def text(self, text: str) -> str:
        return text[self.start : self.end]


_WORD = re.compile(r"[^\W\d_]{2,}")


def shouting_tokens(toks: Tokens, text: str) -> set[int]:
    """Indices of tokens on lines written mostly in capitals (headlines, tables)."""
    out: set[int] = set()
    pos = 0
    for line in text.split("\n"):
        words = _WORD.findall(line)
        if words and sum(w.isupper() for w in words) >= 0.6 * len(words):
            out.update(toks.covering(pos, pos + len(line)))
        pos += len(line) + 1
    return out


def model_mentions(sdoc, shouting: set[int], text: str) -> list[Mention]:
    """The recogniser's name spans, trimmed of articles, possessives, titles and junk."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for part in _split_lines(ent):
            trimmed = trim_range(sdoc, part[0], part[1], ent.label_)
            if trimmed is None:
                continue
            first, last = trimmed
            start, end = sdoc[first].idx, sdoc[last].idx + len(sdoc[last].text)
            label = ent.label_
            if first < last and sdoc[first].lower_ in _HONORIFICS:  # "Ms Diemont" tagged ORG
                first, label = first + 1, "PERSON"
                start = sdoc[first].idx
            named = _name_after_title(sdoc, first, last, label)
            if named is not None:  # "Lithuanian President Gitanas Nauseda" as one span
                first, label = named, "PERSON"
                start = sdoc[first].idx
            mention = Mention(start, end, label, "model", shouting=first in shouting)
            if not is_junk(text[start:end]) and not _COMPOUND_WORD.match(text, end):
                out.append(mention)
    return out


# "Short-term": a capitalised word that only opens a hyphenated compound.
_COMPOUND_WORD = re.compile(r"-[a-z]")
_NO_SPLIT_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "PRODUCT"})


def _name_after_title(sdoc, first: int, last: int, label: str) -> int | None:
    """For a span "[modifier] Title Name" (a recogniser's run-on such as "Lithuanian
    President Gitanas Nauseda"), the index of the name's first token, else None.
    Organisations and facilities named after people ("King Abdullah University") are
    left alone."""
    if label in _NO_SPLIT_LABELS or last <= first:
        return None
    table = titles()
    for i in range(first, last):  # where the title would start
        for n in (3, 2, 1):
            j = i + n  # where the name would start
            if j > last or not sdoc[i].text[:1].isupper():
                continue
            phrase = " ".join(t.lower_ for t in sdoc[i:j])
            if phrase not in table and not (n >= 2 and sdoc[j - 1].lower_ == "minister"):
                continue
            rest = sdoc[j : last + 1]
            return j if all(t.is_alpha and t.text[:1].isupper() for t in rest) else None
    return None


def _split_lines(ent) -> list[tuple[int, int]]:
    """Token ranges [first, last] of ``ent`` split at line breaks."""
    parts, first = [], None
    for tok in ent:
        if "\n" in tok.text or tok.is_space:
            if first is not None:
                parts.append((first, tok.i - 1))
            first = None
        elif first is None:
            first = tok.i
    if first is not None:
        parts.append((first, ent.end - 1))
    return parts


def trim_range(sdoc, first: int, last: int, label: str) -> tuple[int, int] | None:
    """Token range ``[first, last]`` without article, titles (PERSON), possessive, punctuation."""
    while first <= last and (sdoc[last].text in _POSSESSIVE or _is_punct(sdoc[last].text)):
        last -= 1
    while first <= last and (sdoc[first].text in _ARTICLES or _is_punct(sdoc[first].text)):
        first += 1
    if label == "PERSON":
        table = titles()
        while first < last and (
            sdoc[first].lower_ in _HONORIFICS or sdoc[first].lower_ in table or sdoc[first].lower_ == "former"
        ):
            first += 1
    return (first, last) if first <= last else None


def _is_punct(text: str) -> bool:
    return not any(ch.isalnum() for ch in text) and text not in ("&",)


def is_junk(text: str) -> bool:
    """True for spans that are never names: no letters, all lower case, a pronoun,
    a contraction ("n't"), or page furniture ("RELATED")."""
    if not any(ch.isalpha() for ch in text):
        return True
    if not any(ch.isupper() for ch in text):
        return True
    low = text.casefold().replace("’", "'")
    if low in _PRONOUNS or low.startswith("n't") or low in ("'s", "'ll", "'re", "'ve", "'d", "'m"):
        return True
    if "/" in text.split():  # "N / A" in a table
        return True
    words = re.findall(r"[a-z]+", low)
    return bool(words) and all(_furniture(w) for w in words)


def _furniture(word: str) -> bool:
    """A furniture word, also glued to the next one by a scrape ("imagesview")."""
    return word in _FURNITURE or any(word.startswith(f) for f in _GLUED if len(word) > len(f))


_GLUED = entries("lexicons/entities/glued_furniture.txt")


def credit_mentions(text: str) -> list[Mention]:
    """The agency (ORG) and photographer (PERSON) of photo credits like "(AP Photo/Name)"."""
    out = []
    for match in _CREDIT.finditer(text):
        out.append(Mention(match.start("org"), match.end("org"), "ORG", "credit"))
        out.append(Mention(match.start("who"), match.end("who"), "PERSON", "credit"))
    return out
