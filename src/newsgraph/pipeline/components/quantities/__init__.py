"""``newsgraph.quantities.v1``: counts and amounts with bounds, ranges, approximation, unit
and counted object (see docs/quantities.md)."""

from __future__ import annotations

import re

import msgspec

from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.quantities.extract import Found, find_quantities, overlaps, unit_after
from newsgraph.pipeline.components.quantities.objects import counted_object
from newsgraph.pipeline.document import Document
from newsgraph.pipeline.shared.temporal.engine import mentions
from newsgraph.record import Quantity, Span
from newsgraph.resources import words

__all__ = ["QuantityExtractor", "find_quantities"]

# Objects that are time units name a duration, already a unit; these nouns are not counted
# objects of the number before them either.
_NOT_OBJECTS = words("lexicons/quantities/not_objects.txt")


# Plural nouns a year often qualifies ("2018 sales"): the number is a year, not a count.
_PERIOD_NOUNS = words("lexicons/quantities/period_nouns.txt")

# Nouns for people: "the Wales star, 30," gives an age as a name would.
_PERSON_NOUNS = words("lexicons/quantities/person_nouns.txt")


class QuantityExtractor(Component):
    """Finds quantities in ``doc.text``.

    ``durations``: also report numeric durations ("three months") as time quantities; they
    are DURATION dates too (newsgraph.dates.v1). Points in time (years, dates, times of day)
    are never quantities.
    ``bare_numbers``: report numbers that have neither unit nor counted object ("rose 8% to
    3.65"), with ``unit`` and ``object`` null.
    """

    name = "newsgraph.quantities.v1"
    requires = ("text", "spacy")
    assigns = ("quantities",)

    def __init__(self, durations: bool = True, bare_numbers: bool = True):
        self.durations = durations
        self.bare_numbers = bare_numbers

    def __call__(self, doc: Document) -> Document:
        dates = mentions(doc.text)
        skip = [
            (m.start, m.end)
            for m in dates
            if self._is_point(m) and not _measured(doc.text, m) and not self._anchored(doc.text, m)
        ]
        date_spans = [(m.start, m.end) for m in dates]
        pending: list[Found] = []  # "four-, five- and": numbers waiting for their noun
        for found in find_quantities(doc.text, skip):
            if pending and found.start - pending[-1].num_end > _SUSPENDED_GAP:
                pending = []
            if found.unit is None and _SUSPENDED.match(doc.text, found.num_end):
                pending.append(found)
                continue
            quantity = self._finish(doc, found, date_spans)
            if quantity is not None and doc.quantities:
                quantity = _elided_object(doc.text, doc.quantities[-1], quantity)
            if quantity is not None:
                doc.quantities.extend(_sharing(pending, quantity))
                doc.quantities.append(quantity)
            pending = []
        return doc

    def _anchored(self, text: str, mention) -> bool:
        """``four hours later``, ``10 years ago``: a date measured from another, whose
        measure is a duration (a time quantity when ``durations`` is on)."""
        return self.durations and _ANCHORED.fullmatch(text, mention.start, mention.end) is not None

    def _is_point(self, mention) -> bool:
        if mention.type in ("DURATION", "SET"):
            return not self.durations
        return True

    def _finish(self, doc: Document, found: Found, date_spans: list[tuple[int, int]]) -> Quantity | None:
        """The record for one quantity, with its counted object (never one inside
        ``date_spans``); None when the parse shows it is no quantity (a number in a name, a
        pronoun "one", a year)."""
        obj = None
        text = doc.text
        if found.unit is None and found.kind in ("digit", "word") and _age_bound(text, found):
            # "the under-five category"
            found.unit, found.name, found.dimension = "year of age", "year of age", "age"
        if found.kind == "word" and _not_a_count(text, found):
            return None  # "number one", "not one of", "one set of laws ... and another"
        if found.unit is None or found.dimension is None:
            obj = counted_object(doc.spacy, found.num_start, found.num_end)
            if obj is not None and (obj[3] in _NOT_OBJECTS or overlaps(obj[1], obj[2], date_spans)):
                obj = None
        if (
            found.dimension == "time"
            and "-" in text[found.num_start : found.num_end]
            and found.kind != "vague"
        ):
            return None  # "a five-year plan": a DURATION date, not an amount
        if _in_name(doc.spacy, text, found, obj) or _titled_unit(text, found):
            return None
        if found.kind == "word" and obj is not None and _capitalised_name(text, found, obj):
            return None  # "the Six Nations", "the Big Three"
        if found.kind == "word" and found.unit is None and _number_in_name(doc.spacy, text, found):
            return None  # "BBC Two controller", "the Formula One team", "Radio Five Live"
        if found.kind == "word" and (found.unit is None and obj is None or _vague_word(text, found)):
            elided = found.unit is None and doc.quantities and _elides(text, doc.quantities[-1], found.start)
            if not elided or _vague_word(text, found):
                return None  # "one" as a pronoun, "the two of them", "several hundred"
        if _is_year(text, found, obj) or (obj is None and found.unit is None and _ranking(text, found)):
            return None
        if found.unit is None and re.search(r"(?i)\btop-$", text[max(0, found.start - 4) : found.start]):
            return None  # "a top-five player", "a top-10 finish": a rank
        if found.unit is None and _IDIOM_AFTER.match(text, found.num_end):
            return None  # "a one-size-fits-all plan", "a four-wheel-drive car", "a one-off fee"
        if found.unit is None and obj is not None and obj[3] == "age":
            obj = None  # "the 18-35 age bracket": an age, not a count of ages
            found.unit, found.dimension = "year of age", "age"
        if found.unit is None and obj is None and (_is_age(doc.spacy, text, found) or _aged(text, found)):
            found.unit, found.dimension = "year of age", "age"
        if found.unit is None and obj is None and not self.bare_numbers:
            return None
        dimension = found.dimension or ("count" if obj is not None else None)
        return Quantity(
            start=found.start,
            end=found.end,
            value=found.value,
            low=found.low,
            high=found.high,
            approx=found.approx,
            unit=found.unit,
            object=obj[0] if obj else None,
            object_span=Span(start=obj[1], end=obj[2]) if obj else None,
            dimension=dimension,
            component=self.name,
        )


# A number whose hyphen waits for a later noun: "four-, five- and six-cylinder engines",
# "two- or three-bedroom homes"; the next quantity, at most a few characters on, has it.
_SUSPENDED = re.compile(r"-(?=\s*,|\s+(?:and|or|to)\s)")
_SUSPENDED_GAP = 8


def _sharing(pending: list[Found], quantity: Quantity) -> list[Quantity]:
    """The numbers of a suspended-hyphen list, each with the unit or counted object of the
    ``quantity`` that closes the list (none when that has neither)."""
    if quantity.unit is None and quantity.object is None:
        return []
    return [
        msgspec.structs.replace(
            quantity, start=f.start, end=f.num_end, value=f.value, low=f.low, high=f.high, approx=f.approx
        )
        for f in pending
    ]


# "150,000 shoppers on Saturday and a further 100,000 on Sunday": a bare number after one
# of these, in the same clause run as a count, counts the same thing.
_ELLIPSIS_BEFORE = re.compile(
    r"(?i)(?:\b(?:and|or|but|while|against|versus|compared\s+with)\s+(?:(?:a|an)\s+)?"
    r"(?:further|additional|extra|other)?\s*|\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+)$"
)
_ELLIPSIS_GAP = 80


def _elided_object(text: str, previous: Quantity, quantity: Quantity) -> Quantity:
    """``quantity`` with the counted object of the count before it when it counts nothing
    visible and the text between leaves the noun out (``and a further 100,000``)."""
    if quantity.unit is not None or quantity.object is not None:
        return quantity
    if not _elides(text, previous, quantity.start):
        return quantity
    if previous.unit is not None:
        return msgspec.structs.replace(quantity, unit=previous.unit, dimension=previous.dimension)
    return msgspec.structs.replace(
        quantity, object=previous.object, object_span=previous.object_span, dimension="count"
    )


def _elides(text: str, previous: Quantity, start: int) -> bool:
    """Whether a bare number at ``start`` leaves out the noun of ``previous``: a count's
    object, or a plain unit ("31 points ... and a further five"; not money, percent or age,
    whose scale or sign the bare number may not share)."""
    plain_unit = previous.unit is not None and previous.dimension not in ("currency", "percent", "age")
    if previous.object is None and not plain_unit:
        return False
    if (previous.unit is not None and not plain_unit) or not 0 <= start - previous.end <= _ELLIPSIS_GAP:
        return False
    between = text[previous.end : start]
    return not re.search(r"[.;!?:]\s", between) and _ELLIPSIS_BEFORE.search(between) is not None


def _measured(text: str, mention) -> bool:
    """A "date" ending in a number that a unit follows is a measure: ``The 1520 sq m
    centre``, ``from 20 mpg in 2008 to 29 mpg``."""
    if not re.search(r"(?<![\d,.])\d{1,4}$", text[mention.start : mention.end]):
        return False
    unit = unit_after(text, mention.end)
    return unit is not None and unit.dimension not in ("time", "age")


def _in_name(sdoc, text: str, found: Found, obj) -> bool:
    """A bare whole number next to a proper noun is part of a name or address (Boeing 737,
    iPhone 12 Mini, 575 Wilbraham Road), not a count."""
    if sdoc is None or found.unit is not None or found.modified or found.kind != "digit":
        return False
    line_up = _LINE_UP.search(text, max(0, found.num_start - 30), found.num_start)
    if line_up and text[found.num_end : found.num_end + 1] == ")":
        return True  # "Purdie (Mills 83)": a substitute and his minute in a line-up
    piece = text[found.num_start : found.num_end]
    version = _VERSION.fullmatch(piece) is not None  # "Firefox 1.0", "Windows 3.1"
    if not version and not re.sub(r"(?<=\d)[-–](?=\d)", "", piece).isdigit():
        return False  # a whole number, or a range of them ("16-18 Industrial Avenue")
    span = sdoc.char_span(found.num_start, found.num_end, alignment_mode="expand")
    if span is None:
        return False
    prev = sdoc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.idx + len(prev.text) >= found.start - 1:
        return not version or prev.text[:1].isupper()
    if version:
        # The tagger often takes an acronym for a common noun ("wireless USB 2.0 connections").
        acronym = prev is not None and len(prev.text) > 1 and prev.text.isupper() and prev.pos_ == "NOUN"
        return acronym and prev.idx + len(prev.text) >= found.start - 1
    singular = obj is not None and not obj[0].endswith("s") and found.value != 1  # "Top 500 list"
    if (obj is None or singular) and _titled_before(sdoc, text, span, found):
        return True  # "Half-Life 2", "the Hot 100", "Ocean's 12": a title with a number
    nxt = sdoc[span.end] if span.end < len(sdoc) else None
    glued = nxt is not None and nxt.idx <= found.num_end + 1
    if glued and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.text.endswith("s"):
        return True
    if text[found.num_start - 1 : found.num_start] == "(" and text[found.num_end : found.num_end + 1] == ")":
        return obj is None  # "Scotland (8)": a rank or a reference
    return obj is not None and obj[0][:1].isupper() and not obj[0].endswith("s")


def _titled_before(sdoc, text: str, span, found: Found) -> bool:
    """A whole number under 1,000 that counts nothing, right after a capitalised noun or
    adjective (or its possessive): part of a title ("Shrek 2", "the Top 40", "Doom 3 was"),
    not an amount. A sentence's first word must be a noun ("Another 20 were")."""
    piece = text[found.num_start : found.num_end]  # (Doc.text would rebuild the whole text)
    if not piece.isdigit() or int(piece) >= 1000 or text[found.num_end : found.num_end + 1] == "-":
        return False  # "Bolton's 10-game run" counts games
    i = span.start - 1
    if i >= 1 and sdoc[i].tag_ == "POS" and sdoc[i].idx == sdoc[i - 1].idx + len(sdoc[i - 1].text):
        if _plural_noun_after(sdoc, span.end):
            return False  # "the EU's 27 member states": the possessor's count of something
        i -= 1  # "Ocean's 12"
    if i < 0:
        return False
    word = sdoc[i]
    if not word.text[:1].isupper() or word.pos_ not in ("PROPN", "NOUN", "ADJ") or word.tag_ == "NNS":
        return False
    before = sdoc[i - 1] if i else None
    opens = before is None or word.is_sent_start
    opens = opens or before.text in ".!?:\"“‘'" or "\n" in before.whitespace_
    if opens and word.pos_ == "ADJ":
        return False  # any word opening a sentence is capitalised ("Another 20 were" is a DET)
    return word.idx + len(word.text) + 3 >= found.start


def _plural_noun_after(sdoc, i: int) -> bool:
    """Whether a lower-case plural noun ends the nouns and adjectives from token ``i``
    ("27 member states"; the parse may join "27 member" alone)."""
    for tok in sdoc[i : i + 3]:
        if not tok.text.islower() or tok.tag_ not in ("NN", "NNS", "JJ"):
            return False
        if tok.tag_ == "NNS":
            return True
    return False


# A currency or time unit written as a capitalised singular word inside a lower-case
# sentence is a name: "rapper 50 Cent", "Million Dollar Baby", "24 Hour Party People" (a
# headline in title case has no lower-case word near).
_TITLED_UNIT = re.compile(r"[A-Z][a-z]{2,}(?<!s)$")  # singular after a plural number: "50 Cent"

_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def _titled_unit(text: str, found: Found) -> bool:
    word = _TITLED_UNIT.search(text, found.num_start, found.num_end)
    if found.dimension not in ("currency", "time") or found.prefixed or word is None or found.value == 1:
        return False  # "20 Mbps", "30 Fahrenheit": units written with their capital
    before = text[max(0, found.start - 40) : found.start]
    if not before.strip() or re.search(r"[.!?\n\"“]\s*$", before):
        return False  # a sentence's first words are capitalised anyway
    before = re.split(r"[.!?\n]\s", before)[-1]
    after = re.split(r"[.!?\n]", text[found.end : found.end + 30])[0]
    return bool(_LOWER_WORD.search(before) or _LOWER_WORD.search(after))


_VERSION = re.compile(r"\d{1,2}\.\d{1,2}")
_LINE_UP = re.compile(r"\([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)? $")

# A measure counted from another date: "four hours later", "just over three years ago".
_ANCHORED = re.compile(
    r"(?i)(?:[a-z]+\s+){0,2}?(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)(?:\s+and\s+a\s+half)?\s+"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\s+"
    r"(?:ago|later|earlier|before|after|on)"
)
_AGE_BOUND = re.compile(r"(?i)\b(?:under|over)-$")
# "one" that counts nothing: a rank ("number one"), a negation ("not one of these"),
# one of a contrast ("one set of laws for X and another for Y").
_RANK_BEFORE = re.compile(r"(?i)\b(?:number|no\.|not|number\s+[a-z]+\s+(?:and|or))\s+$")
_CONTRAST_AFTER = re.compile(r"(?i)\b(?:another|the other)\b")
_ONE_COMPOUND = re.compile(r"(?i)-(?:time|way|off)\b")
_AT_TO = re.compile(r"(?i)\b(?:at|to)\s+$")
# ("at one point" stays: NewsQuant annotates it as 1 point)
_ONE_IDIOM = re.compile(r"(?i)\s+(?:stage|time|side)\b")


# "aged 44", "at the age of 84", "aged between 18 and 34", "between the ages of 10 and 17"
_AGED = re.compile(
    r"(?i)\b(?:aged|age|ages)(?:\s+of)?\s+$|\bages?\s+(?:of\s+)?(?:between\s+)?\d+\s+(?:and|or|to)\s+$"
)


def _aged(text: str, found: Found) -> bool:
    """A whole number (or range) of at most 130 right after ``aged``, ``the age of``: an age."""
    value = found.value if found.value is not None else found.high
    if value is None or not 0 < value <= 130 or not float(value).is_integer():
        return False
    return _AGED.search(text, max(0, found.start - 30), found.start) is not None


# A number that opens a compound of several hyphens counts none of its words, nor does
# "one-off".
_IDIOM_AFTER = re.compile(r"(?i)-(?!and-a-)[a-z]+-[a-z]+|-off\b")  # not "15-and-a-half miles"

# "in the top 10", "the world's top 50", "a place in the last 16": a rank bracket that
# counts nothing written ("to top 500,000" is a verb; "the top 10 firms" counts firms).
_RANKING = re.compile(r"(?i)(?:\bthe|'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:top|last|bottom)\s+$")
_TOP_VERB = re.compile(r"(?i)\b(?:to|will|would|should|could|can|may|might|must|did|does|do)\s+top\s+$")


def _ranking(text: str, found: Found) -> bool:
    piece = text[found.num_start : found.num_end]
    if not piece.isdigit() or int(piece) >= 1000 or found.modified:
        return False
    before = text[max(0, found.start - 30) : found.start]
    return _RANKING.search(before) is not None and not _TOP_VERB.search(before)


def _age_bound(text: str, found: Found) -> bool:
    """``the under-five category``, ``an over-50 player``: an age with its bound."""
    return (
        found.value is not None
        and 0 < found.value < 120
        and float(found.value).is_integer()
        and _AGE_BOUND.search(text, max(0, found.num_start - 6), found.num_start) is not None
        and not text[found.num_end : found.num_end + 1].isalpha()
    )


def _not_a_count(text: str, found: Found) -> bool:
    """A number word that ranks or contrasts rather than counts (see ``_RANK_BEFORE``)."""
    word = text[found.num_start : found.num_end].lower()
    one_end = found.num_start + 3  # "one point": the unit may be part of the mention
    if re.match(r"(?i)one\b", text[found.num_start : found.num_end]) and (
        _ONE_COMPOUND.match(text, one_end)
        or (_AT_TO.search(text, max(0, found.start - 4), found.start) and _ONE_IDIOM.match(text, one_end))
    ):
        return True  # "a one-time charge", "a one-way fare", "at one stage", "put to one side"
    before = _RANK_BEFORE.search(text, max(0, found.num_start - 20), found.num_start)
    if before:  # any "number two"; only "not one" ("not five" is rare and counts)
        return not before.group(0).lower().startswith("not") or word == "one"
    if word != "one" or text.startswith(" of ", found.num_end):
        return False  # "one of only two winners, the other ...": a count
    end = text.find(".", found.num_end, found.num_end + 80)
    return _CONTRAST_AFTER.search(text, found.num_end, end if end >= 0 else found.num_end + 80) is not None


def _capitalised_name(text: str, found: Found, obj) -> bool:
    """A capitalised number word inside a sentence before a capitalised noun is a name."""
    word = text[found.num_start : found.num_end]
    before = text[max(0, found.num_start - 2) : found.num_start]
    mid_sentence = bool(before) and not re.search(r"[.!?\n\"“‘']\s*$|^\s*$", before)
    return word[:1].isupper() and mid_sentence and obj[0][:1].isupper()


def _number_in_name(sdoc, text: str, found: Found) -> bool:
    """A capitalised number word right after a proper noun is part of the name: "BBC Two",
    "Formula One", "Radio One" (not a sentence's first word: "Two men")."""
    word = text[found.num_start : found.num_end]
    if sdoc is None or not word[:1].isupper() or " " in word:
        return False
    span = sdoc.char_span(found.num_start, found.num_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = sdoc[span.start - 1]
    adjacent = prev.idx + len(prev.text) + 1 == found.num_start
    return adjacent and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not span[0].is_sent_start


def _vague_word(text: str, found: Found) -> bool:
    before = text[max(0, found.start - 10) : found.start].lower()
    after = text[found.num_end : found.num_end + 3]
    return bool(re.search(r"\b(?:several|few|many)\s+$", before)) or (
        text[found.start : found.num_end].lower() == "one" and bool(re.match(r"\s\d", after))
    )


def _is_age(sdoc, text: str, found: Found) -> bool:
    """``Maddon, 66, said``: a whole number between commas (or ending a clause) right after
    a name is an age."""
    piece = text[found.num_start : found.num_end]
    if sdoc is None or not piece.isdigit() or not 0 < int(piece) < 120:
        return False
    # "Maddon, 66, said", and at a clause's end: "with Lee, 24.", "(Ali, 31)"
    closed = re.match(r"[,;)]|\.(?!\d)", text[found.num_end : found.num_end + 2])
    if not (text[found.start - 2 : found.start] == ", " and closed):
        return False
    span = sdoc.char_span(found.start - 2, found.start - 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = sdoc[span.start - 1]
    # "the Wales star, 30,", "his wife, 42,": a person noun instead of a name; a name that
    # opens its sentence is often tagged a common noun ("Bosworth, 21, plays his wife").
    if prev.pos_ == "NOUN" and prev.is_sent_start and prev.text[:1].isupper() and prev.text[1:].islower():
        return True
    return prev.pos_ == "PROPN" or (prev.pos_ == "NOUN" and prev.lemma_.lower() in _PERSON_NOUNS)


def _is_year(text: str, found: Found, obj) -> bool:
    """A four-digit number that reads as a year and counts nothing plural."""
    piece = text[found.num_start : found.num_end]
    if found.unit is not None or found.modified or found.value is None or not re.fullmatch(r"\d{4}", piece):
        return False
    if not 1000 <= found.value <= 2200:
        return False
    if obj is None or not obj[0].endswith("s") or obj[3] in _PERIOD_NOUNS:
        return True
    first = obj[0].split()[0].lower()  # "2004 earnings targets", "2019 sales figures"
    return first != obj[0].lower() and (first in _PERIOD_NOUNS or first.removesuffix("s") in _PERIOD_NOUNS)
