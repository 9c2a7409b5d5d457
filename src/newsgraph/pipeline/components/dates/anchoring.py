"""Anchors other than the publication date: the date the text last named (for anaphoric
dates, "that year", "the day before", and bare clock times), an explicit year nearby (for a
month or day named without one), the date of a quoted message (for "tomorrow" inside it),
and the verbs that point a bare weekday forward ("postponed until Saturday")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.pipeline.components.dates.context import clause_tense, parse_iso

# A value that can anchor what follows: a calendar year, month, day or time of day.
_CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?(?=T|$)")
# Kinds whose year may come from an explicit year named just before them.
_YEARLESS = ("monthday", "month", "holiday")
# Kinds resolved against the date of the quoted message they are in.
_RELATIVE_DAY = ("day", "weekday")
# "postponed until", "extended to", "put off till": the day named next lies ahead.
_FORWARD = re.compile(
    r"(?i)\b(?:postpone|delay|defer|adjourn|extend|push(?:ed)?\s+back|put\s+off|move|reschedul|recess)\w*"
    r"[^.;:]{0,40}?\b(?:until|till|to|into)\s+(?:at\s+|on\s+)?$"
)
# "gave them until Friday", "has been given until March 1": a deadline, which lies ahead.
_GIVEN_UNTIL = re.compile(r"(?i)\b(?:give|gave|given|giving)\b[^.;:]{0,40}?\b(?:until|till)\s+(?:at\s+|on\s+)?$")
_DEADLINE_AFTER = re.compile(r"(?i)\s+(?:deadline|target\s+date|expiration)\b")
_QUOTES = re.compile(r"``.*?''|“[^”]*”|\"[^\"\n]*\"", re.S)


def forward(text: str, start: int, end: int) -> bool:
    """True when the words around ``[start, end)`` point it forward: a postponing verb
    before it ("postponed until Tuesday morning") or "deadline" after it ("the Jan. 14
    deadline")."""
    before = text[max(0, start - 60) : start]
    return bool(_FORWARD.search(before) or _GIVEN_UNTIL.search(before) or _DEADLINE_AFTER.match(text, end))


def calendar_ref(value: str | None) -> str | None:
    """``value`` when it names a calendar year, month or day (with or without a time),
    else None: what an anaphoric date can be counted from."""
    return value if value and _CALENDAR.match(value) else None


def resolve_anaphor(spec: dict, ref: str | None, anchor: date | None) -> str | None:
    """The value of an anaphoric ``spec`` (``unit``, ``n``, ``part``) counted from ``ref``,
    the date the text last named, or from the publication date ``anchor`` when the text
    named none fine enough (a day for "the day before", a year for "that year")."""
    unit, n, part = spec["unit"], spec["n"], spec.get("part")
    day = parse_iso(ref) if ref and len(_CALENDAR.match(ref).group(0)) == 10 else None
    if unit == "Y" and ref:
        return f"{int(ref[:4]) + n:04d}"
    if unit == "M" and ref and len(_CALENDAR.match(ref).group(0)) >= 7:
        months = int(ref[:4]) * 12 + int(ref[5:7]) - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    day = day or anchor
    if day is None:
        return None
    if unit == "D":
        value = (day + timedelta(days=n)).isoformat()
        return f"{value}T{part}" if part else value
    if unit == "W":
        iso = (day + timedelta(weeks=n)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "Q":
        q = (day.month - 1) // 3 + n
        return f"{day.year + q // 4:04d}-Q{q % 4 + 1}"
    if unit == "Y":
        return f"{day.year + n:04d}"
    months = day.year * 12 + day.month - 1 + n
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def with_nearby_year(spec: dict, year: int | None) -> dict:
    """``spec`` with ``year`` when it names a month or day without one and an explicit
    year was named just before it in the same sentence ("in 1994 ... on March 3"), or is
    the narrative's decade ("the end of the decade", ``narrative_year``)."""
    if year is not None and spec.get("narrative"):
        return {"kind": "explicit", "value": f"{year // 10:03d}"}  # "In 1987 ... the end of the decade": 198
    if year is None or spec.get("kind") not in _YEARLESS or spec.get("year") or spec.get("offset") is not None:
        return spec
    if spec.get("year_offset") is not None:
        return spec  # "December last year" says its year
    if spec["kind"] == "month":
        return {"kind": "explicit", "value": f"{year:04d}-{spec['month']:02d}"}
    return {**spec, "year": year}


def explicit_year(spec: dict, value: str | None) -> int | None:
    """The year an expression names outright ("1994", "March 3, 1994"), or None."""
    if spec.get("kind") == "explicit" and value and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value):
        return int(value[:4])
    if spec.get("year"):
        return int(spec["year"])
    return None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted passages (``...'', “...”, "...") as ``(start, end)``."""
    return [m.span() for m in _QUOTES.finditer(text)]


def message_date(quote: tuple[int, int], resolved: list[tuple[int, int, str | None]], sentence: tuple[int, int]):
    """The date of the quoted message ``quote``: a day named outside it in the same
    sentence ("said a message read Wednesday night"), from ``resolved`` (start, end,
    value) triples; None when there is none."""
    for start, end, value in resolved:
        inside = quote[0] <= start and end <= quote[1]
        if inside or not (sentence[0] <= start and end <= sentence[1]):
            continue
        day = parse_iso(value) if value and len(_CALENDAR.match(value).group(0) if _CALENDAR.match(value) else "") == 10 else None
        if day is not None:
            return day
    return None


def relative_to_message(spec: dict) -> bool:
    """True for the kinds a quoted message's date anchors ("tomorrow", "Friday")."""
    return spec.get("kind") in _RELATIVE_DAY and spec.get("offset") is None


# "three days later", "ten days before": counted from an event the text names, not from
# the publication date; TimeML annotates the measure ("three days", a DURATION) and leaves
# "later"/"before" out as a signal. "ago", "from now" count from the publication date and
# "a year earlier" is the report's comparison period (TimeBank writes it as a date).
_FROM_EVENT = ("later", "before")


def event_measure(text: str, start: int, end: int, spec: dict) -> tuple[int, str] | None:
    """For "three days later" at ``[start, end)``: the end of its measure ("three days")
    and the measure's value (``P3D``); None for any other expression."""
    if spec.get("dir") not in _FROM_EVENT or not spec.get("duration"):
        return None
    measure_end = end - len(spec["dir"])
    while measure_end > start and text[measure_end - 1].isspace():
        measure_end -= 1
    return measure_end, spec["duration"]


# "the day before yesterday", "the day after Christmas", "the day before last Tuesday's
# hearing": TimeML's one expression, the day named moved by one.
_DAY_BEFORE_AFTER = re.compile(r"(?i)\b(?:the\s+)?day\s+(before|after)\s+$")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def day_shift(text: str, start: int, value: str | None) -> tuple[int, str] | None:
    """For a day ``value`` at ``start`` after "the day before"/"the day after": the start
    of the whole expression and the day moved by one; None otherwise."""
    if not value or not _DAY.fullmatch(value):
        return None
    m = _DAY_BEFORE_AFTER.search(text, max(0, start - 20), start)
    if m is None:
        return None
    day = parse_iso(value) + timedelta(days=1 if m.group(1).lower() == "after" else -1)
    return m.start(), day.isoformat()


# "the corresponding period last year", "the same quarter a year ago", "the comparable
# period of 1988": one expression (TimeML), the report's period in the year named.
_PERIOD_YEAR_GAP = re.compile(r"\s+(?:of\s+|in\s+)?")


def joined_with_years(text: str, found: list) -> list:
    """``found`` (tagged mentions, left to right) with a period of a report ("the same
    period", "the corresponding quarter") and the year right after it ("last year", "a year
    earlier", "1988") joined into one mention of that period in that year, and a season or
    month with the year after it or after "of" ("the winter of nineteen ninety-four",
    "January nineteen ninety-seven") joined into one explicit value. A joined period keeps
    the year's own mention as ``tail``, which stands alone when no quarter is being reported
    on."""
    out = []
    for mention in found:
        prev = out[-1] if out else None
        gap = text[prev.end : mention.start] if prev is not None else None
        joined = None
        if gap is not None and _is_period(prev.spec) and _PERIOD_YEAR_GAP.fullmatch(gap):
            joined = _period_year(mention.spec)
            if joined is not None:
                joined |= {"period": bool(prev.spec.get("period")), "tail": mention}
        elif gap is not None and (gap.strip() == "of" and len(gap) <= 5 or gap == " "):
            joined = _of_year(prev.spec, mention.spec)
        if joined is not None:
            out[-1] = type(prev)(prev.start, mention.end, prev.type, joined)
        else:
            out.append(mention)
    return out


def _period_year(spec: dict) -> dict | None:
    """The report's period in the year ``spec`` names: a year back ("last year", "a year
    ago") or an explicit year; None for anything else."""
    if spec.get("kind") == "offset" and spec.get("unit") == "Y" and spec.get("n") == -1:
        return {"kind": "quarter", "q": None, "year": None, "year_ago": True}
    if spec.get("kind") == "explicit" and re.fullmatch(r"\d{4}", spec.get("value") or ""):
        return {"kind": "quarter", "q": None, "year": int(spec["value"]), "year_ago": False}
    return None


def _of_year(first: dict, year: dict) -> dict | None:
    """A season or month and the year written after it or after "of" ("the winter of
    nineteen ninety-four", "March of nineteen ninety-eight", "January nineteen ninety-seven";
    the tagger joins them when the year is in digits) as one explicit value, else None."""
    if year.get("kind") != "explicit" or not re.fullmatch(r"\d{4}", year.get("value") or ""):
        return None
    if first.get("kind") == "season" and first.get("offset") is None:
        return {"kind": "explicit", "value": f"{year['value']}-{first['season']}"}
    if first.get("kind") == "month" and first.get("offset") is None:
        return {"kind": "explicit", "value": f"{year['value']}-{first['month']:02d}"}
    return None


def _is_period(spec: dict) -> bool:
    if spec.get("kind") == "anaphor":
        return spec.get("unit") == "Q" and spec.get("n") == 0
    if spec.get("kind") != "quarter":
        return False
    return not spec.get("q") and not spec.get("year") and not spec.get("year_ago")


# "Islam will one day be ...", "hopes to one day run": "one day" between a modal (or "to")
# and its verb is an indefinite time ahead (TimeML's FUTURE_REF), not a length of one day.
_ONE_DAY = re.compile(r"(?i)(?:one|some)\s+day")
_MODAL_BEFORE = re.compile(r"(?i)\b(?:will|would|could|may|might|shall|should|can|must|to|['’]ll)\s+$")
_SUBJECT_MODAL_AFTER = re.compile(
    r"(?i),?\s+(?:I|we|you|he|she|it|they|this|that|[A-Z][a-z]+)\s+(?:will|would|could|may|might|shall|can|['’]ll)\b"
)


def indefinite_future(doc, start: int, end: int) -> bool:
    """True when the duration ``[start, end)`` of ``doc`` is "one day"/"some day" right
    after a modal or "to" and right before a verb ("will one day be"), or before a subject
    and a modal ("One day you will be able to", "hopes that one day it can"): "someday"."""
    text, sdoc = doc.text, doc.spacy
    if sdoc is None or not _ONE_DAY.fullmatch(text, start, end):
        return False
    if _SUBJECT_MODAL_AFTER.match(text, end):
        return True
    if not _MODAL_BEFORE.search(text, max(0, start - 8), start):
        return False
    following = sdoc.char_span(end, len(text), alignment_mode="expand")
    token = next((t for t in following if not t.is_space), None) if following is not None else None
    return token is not None and token.pos_ in ("VERB", "AUX")


# "in two years", "in about six months": the measure after "in" ...
_IN_BEFORE = re.compile(r"(?i)\bin\s+(?:(?:about|around|roughly|just|only)\s+)?$")
_WHOLE_MEASURE = re.compile(r"P(\d+)([YMWD])")
_NOT_A_POINT = re.compile(r"(?i)(?:the|more|less|fewer|over|under|at\s+least|almost|nearly|up\s+to)\s")


def ahead(doc, start: int, end: int, value: str) -> dict | None:
    """The date ``value`` (a duration such as ``P2Y``) ahead of publication when the duration
    ``[start, end)`` follows "in" in a clause about the future ("will open in two years":
    ``2007``, as TimeML and TimeBank read it; "rose 40% in two years" stays a length), as a
    spec for ``resolve.value``; else None."""
    measure = _WHOLE_MEASURE.fullmatch(value or "")
    if measure is None or _NOT_A_POINT.match(doc.text, start):
        return None  # "in the year ending June 30", "in more than a decade": lengths
    if not _IN_BEFORE.search(doc.text, max(0, start - 16), start):
        return None
    if clause_tense(doc.spacy, start, end, doc.text) != "future" or _counted_span(doc.spacy, start):
        return None
    n, unit = int(measure.group(1)), measure.group(2)
    return {"kind": "offset", "unit": unit, "n": n, "ago": True, "duration": value, "dir": "hence"}


_ORDINALS = {
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    "last",
}
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th)")


def _counted_span(sdoc, start: int) -> bool:
    """True when an ordinal or a superlative comes earlier in the sentence ("the first time in
    11 years", "his third number one in three weeks", "the lowest in a decade") or a count
    of things right before "in" ("two matches in three days"): they count within the span,
    they do not point to its end."""
    span = sdoc.char_span(start, start + 1, alignment_mode="expand") if sdoc is not None else None
    if span is None or not len(span):
        return False
    token = span[0]
    before = token.sent[: token.i - token.sent.start]
    if any(t.tag_ in ("JJS", "RBS") or t.lower_ in _ORDINALS or _NUMBERED.fullmatch(t.lower_) for t in before):
        return True
    # A count of things within the span: "two matches in three days", "three goals in ten minutes".
    words = [t for t in before if not t.is_punct]
    if len(words) >= 2 and words[-1].lower_ == "in":
        noun = words[-2]
        return noun.tag_ in ("NNS", "NN") and any(c.dep_ == "nummod" for c in noun.children)
    return False


# The narrative's reference time (TimeML): the last explicit date or year the text named.
# A story that has moved to another time ("The bridge was closed on 4 May 2001") anchors
# what follows to it: "a month later" (2001-06), "in March" (after "In 2003", 2003-03),
# "on Friday" (the Friday nearest 4 May 2001), "Easter Monday" (after "in 1998", 1998's).
_GRANULARITY = {4: "Y", 7: "M", 10: "D"}
# How far, in sentences, a year that opens a sentence ("In 2003, ...") keeps anchoring a
# month, month-day or holiday named without a year: the next sentence.
REFERENCE_REACH = 1


def from_reference(ref: str | None, unit: str, n: int) -> str | None:
    """``ref`` (a calendar year, month or day) moved by ``n`` ``unit``s (``Y``, ``M``,
    ``W``, ``D``), written no finer than ``ref`` and than ``unit`` ("two months later"
    after 1994 is 1994; "a week later" after 13 November 2005 is ``2005-W46``); None
    without a reference or for another unit (hours: the reference names no hour)."""
    head = _CALENDAR.match(ref or "")
    if head is None or unit not in ("Y", "M", "W", "D"):
        return None
    ref = head.group(0)
    grain = _GRANULARITY[len(ref)]
    # The whole years or months the measure holds ("12 months later" after 2002: 2003);
    # what is left over is finer than the reference names.
    days = {"Y": 366, "M": 31, "W": 7, "D": 1}[unit] * abs(n)
    sign = 1 if n >= 0 else -1
    if unit == "Y" or grain == "Y":
        years = n if unit == "Y" else sign * (abs(n) // 12 if unit == "M" else days // 365)
        return f"{int(ref[:4]) + years:04d}"
    if unit == "M" or grain == "M":
        months = int(ref[:4]) * 12 + int(ref[5:7]) - 1 + (n if unit == "M" else sign * (days // 30))
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    day = parse_iso(ref) + timedelta(days=n * (7 if unit == "W" else 1))
    if unit == "W":
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    return day.isoformat()


def nearest_weekday(day: date, weekday: int, part: str | None = None) -> str:
    """The ``weekday`` (ISO, Monday 1) nearest ``day``, three days either way, a tie going
    forward (a story that names "26-28 August" and then "on Saturday": the 27th)."""
    delta = (weekday - day.isoweekday()) % 7
    found = day + timedelta(days=delta if delta <= 3 else delta - 7)
    return f"{found.isoformat()}T{part}" if part else found.isoformat()


# A sentence that opens on its year sets the frame of the narrative ("In 2003, ...",
# "During the summer of 1998 ...", "By March 2002 ...").
# (The year's mention holds its month, day or season: "June 2002", "the summer of 1998".)
_FRAME = re.compile(r"\W*(?:In|During|Throughout|By|Since|Until)\s+$")


def frames(text: str, sentence_start: int, year_start: int) -> bool:
    """True when the year at ``year_start`` opens its sentence as its time ("In 2003, the
    company moved"; "In June 2002 the strike began"), the frame a narrative then keeps."""
    return bool(_FRAME.fullmatch(text, sentence_start, year_start))


def narrative_year(spec: dict, year: int | None, anchor: date | None, tense: str | None) -> int | None:
    """The year of the narrative's reference time for a month, month-day or holiday named
    without one (``spec``), when a sentence before has opened on an explicit ``year``
    other than the publication year and the clause goes the same way, into the past for a
    past year ("In 2003 the company moved. In March it opened a plant": 2003; "... It will
    open in March": not); else None."""
    if year is None or anchor is None or year == anchor.year:
        return None
    if spec.get("narrative"):  # "the end of the decade" after "In 1987", told in the past
        return year if tense == "past" and year // 10 != anchor.year // 10 else None
    if spec.get("kind") not in _YEARLESS or spec.get("year") or spec.get("offset") is not None:
        return None
    if spec.get("year_offset") is not None or tense != ("past" if year < anchor.year else "future"):
        return None
    return year
