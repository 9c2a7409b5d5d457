"""``newsgraph.dates.v1``: temporal expressions with TIMEX3 values and types, resolved
against the publication date (see docs/dates.md)."""

from __future__ import annotations

import bisect
import itertools
import re

from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.dates import anchoring, resolve
from newsgraph.pipeline.components.dates.frequency import frequency
from newsgraph.pipeline.components.dates.context import (
    caption_spans,
    clause_tense,
    governs,
    scheduled,
    scheduled_event,
    in_caption,
    parse_iso,
    publication_date,
)
from newsgraph.pipeline.shared.temporal.engine import mentions, tag
from newsgraph.pipeline.shared.temporal.lexicon import load
from newsgraph.pipeline.shared.temporal.tagger import Mention
from newsgraph.pipeline.document import Document
from newsgraph.record import DateExpr

__all__ = ["DateExpr", "DateExtractor", "tag"]


class DateExtractor(Component):
    """Finds temporal expressions and resolves them to TIMEX3 values.

    ``use_dateline``: when the caller and the HTML give no publication date, take an
    explicit date from the dateline (and record it in ``metadata.published`` with
    ``published_source = "dateline"``).
    """

    name = "newsgraph.dates.v1"
    requires = ("text", "spacy", "metadata", "metadata.published", "noise")
    assigns = ("dates", "metadata.published")

    def __init__(self, use_dateline: bool = True):
        self.use_dateline = use_dateline

    def __call__(self, doc: Document) -> Document:
        if self.use_dateline:
            anchor = publication_date(doc)
        else:
            anchor = parse_iso(doc.metadata.published)
        captions = caption_spans(doc)
        found = self._resolve_all(doc, anchor)
        _anchor_quoted(doc, found)
        _share_range_year(doc.text, found)
        _order_range_ends(doc.text, found)
        for mention, spec, value, reason, _tense in found:
            if value is None and reason is None:
                reason = "the expression names no valid calendar date"
            start, freq, quant = mention.start, None, None
            if mention.type == "SET":
                start, freq, quant = frequency(doc.text, mention.start, mention.end)
            doc.dates.append(
                DateExpr(
                    start=start,
                    end=mention.end,
                    value=value,
                    type=mention.type,
                    reason=reason,
                    caption=in_caption(doc, start, mention.end, captions),
                    component=self.name,
                    duration=spec.get("duration"),
                    freq=freq,
                    quant=quant,
                )
            )
        return doc


    def _resolve_all(self, doc: Document, anchor) -> list[list]:
        """``[mention, spec, value, reason, tense]`` for each tagged expression, left to
        right. Besides the publication date ``anchor``, each is resolved against what the
        text named before it: anaphoric dates and bare clock times against the last
        calendar date (a bare clock time against the last full day named anywhere before it),
        a month or day without a year against an explicit year earlier in
        its sentence, a report's quarters against the first quarter named."""
        sentences = _sentence_ends(doc)
        report_quarter: str | None = None  # the first quarter named that has begun
        ref: tuple[str, int] | None = None  # the last calendar value named, and its sentence
        year: tuple | None = None  # the last explicit year named, its sentence and its span
        day = None  # the last explicit day named ("4 May 2001"), or a weekday counted from it
        latest = None  # the value of the last date named with a year ("2003", "2005-W10")
        found = []
        names = _name_spans(doc)
        for mention in anchoring.joined_with_years(doc.text, mentions(doc.text)):
            if any(s <= mention.start and mention.end <= e and (s, e) != (mention.start, mention.end) for s, e in names):
                continue  # a day in a name: "Sheffield Wednesday", "coach Mike Friday"
            sentence = bisect.bisect_right(sentences, mention.start)
            counted = _counted_from_reference(doc.text, mention, ref, year, anchor)
            measure = anchoring.event_measure(doc.text, mention.start, mention.end, mention.spec)
            if counted is not None:  # "a month later" after "4 May 2001": 2001-06
                mention = Mention(mention.start, mention.end, "DATE", {**mention.spec, "from_reference": counted})
            elif measure is not None:  # "three days later" and no date named before: the measure
                mention = Mention(mention.start, measure[0], "DURATION", {"kind": "duration", "value": measure[1]})
            if mention.spec.get("tail") and mention.spec.get("period") and report_quarter is None:
                mention = mention.spec["tail"]  # "the same period a year ago": only the year
            if mention.type == "DURATION" and anchoring.indefinite_future(doc, mention.start, mention.end):
                mention = Mention(mention.start, mention.end, "DATE", {"kind": "ref", "value": "FUTURE_REF"})
            elif mention.type == "DURATION":
                later = anchoring.ahead(doc, mention.start, mention.end, mention.spec.get("value"))
                if later is not None:  # "will open in two years": that year
                    mention = Mention(mention.start, mention.end, "DATE", later)
            spec = _in_context(doc.text, mention)
            if spec.get("unless_past") and clause_tense(doc.spacy, mention.start, mention.end, doc.text) == "past":
                continue  # "he was soon released": soon after the story's last event, not ahead
            if spec.get("last_weekend") and _describes_noun(doc.spacy, mention.start, mention.end):
                continue  # "weekend ticket sales", "a weekend show": a kind of time, no weekend in particular
            if spec.get("period") and report_quarter is None:
                continue  # "the latest period" is a quarter only in a report about quarters
            nearby = year is not None and year[1] == sentence
            nearby = nearby and governs(doc.spacy, year[2], (mention.start, mention.end))
            if not nearby and _narrative_holds(doc.text, sentences, year, latest, sentence):
                # The story has moved to a year of its own ("In 2003 ... In March"), and no
                # date named since has moved it back (TimeML's reference time).
                tense = clause_tense(doc.spacy, mention.start, mention.end, doc.text)
                spec = anchoring.with_nearby_year(spec, anchoring.narrative_year(spec, year[0], anchor, tense))
            else:
                spec = anchoring.with_nearby_year(spec, year[0] if nearby else None)
            tense = _tense(doc, mention.start, mention.end, spec)
            on_day = _reference_day(doc, mention, spec, day, ref)
            if spec.get("from_reference"):
                value, reason = spec["from_reference"], None
            elif on_day is not None:  # "on the Friday" in a story about the days of 26-28 August
                value, reason = on_day, None
            elif spec["kind"] == "anaphor":
                value = anchoring.resolve_anaphor(spec, ref[0] if ref else None, anchor)
                reason = None if value else resolve.NO_ANCHOR
            elif spec["kind"] == "clock" and ref and len(ref[0]) >= 10:
                # TimeML's reference time: the day the narrative last named, however far back.
                value, reason = f"{ref[0][:10]}T{spec['hour']:02d}:{spec['minute']:02d}", None
            else:
                value, reason = resolve.value(spec, anchor, tense)
            value = _anchored_quarter(spec, value, report_quarter)
            shifted = anchoring.day_shift(doc.text, mention.start, value) if mention.type == "DATE" else None
            if shifted is not None:  # "the day before yesterday": one expression
                mention = Mention(shifted[0], mention.end, mention.type, mention.spec)
                value = shifted[1]
            if report_quarter is None and _begun_quarter(spec, value, anchor):
                report_quarter = value
            named_day = value
            if spec.get("week_of") == "WE" and value:
                # "the weekend of 27-28 November": the story goes on from the first day named
                named_day, _ = resolve.value({**spec, "week_of": None}, anchor, tense)
            if mention.type in ("DATE", "TIME") and anchoring.calendar_ref(named_day) and not spec.get("named"):
                ref = (named_day, sentence)  # (an event's name, "the 11 September attacks", is no reference time)
            if mention.type in ("DATE", "TIME") and value and value[:4].isdigit() and not spec.get("named"):
                latest = value
            if on_day is not None or spec["kind"] in ("explicit", "monthday") and named_day and len(named_day) == 10:
                day = parse_iso(named_day) if not spec.get("named") else day
            named_year = anchoring.explicit_year(spec, value)
            if named_year is not None and not _SINCE_BEFORE.search(doc.text, max(0, mention.start - 8), mention.start):
                # ("the worst Christmas since 1981": a year an interval starts from is no
                # time of the events that follow)
                year = (named_year, sentence, (mention.start, mention.end))
            found.append([mention, spec, value, reason, tense])
        return found


def _name_spans(doc: Document) -> list[tuple[int, int]]:
    """The spans of the names of people, organisations, buildings and works the entities
    component found (none when it has not run): a weekday or a month inside one is part of
    the name ("Sheffield Wednesday", "Mike Friday", "the Sunday Times"), no date."""
    return [
        (m.start, m.end) for e in doc.entities if e.type in ("PERSON", "ORG", "FAC", "WORK_OF_ART") for m in e.mentions
    ]


_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+$")
# Units a measure from the reference time is counted in: "a week later", "two months later",
# "six years earlier". Days and hours count from an event the story has just told ("three
# days later" after "eight trading days after Oct. 12"): TimeBank writes them as durations.
_COUNTED_UNITS = ("W", "M", "Y")


def _counted_from_reference(text: str, mention: Mention, ref, year, anchor) -> str | None:
    """For "a month later", "six years earlier": the date the measure reaches from the
    narrative's reference time ``ref`` (the last calendar value the text named), at the
    coarser of the two granularities (TimeML's anchored expression; the record keeps the
    measure in ``duration``). "Later" from the publication date would be the future, so
    any date named before anchors it; "a year earlier" with no other year named (``year``,
    the last explicit one) is a report's comparison period, counted from publication."""
    spec = mention.spec
    if spec.get("kind") != "offset" or not spec.get("duration") or spec.get("dir") not in ("later", "earlier"):
        return None
    if spec["dir"] == "earlier" and (year is None or anchor is None or year[0] == anchor.year):
        return None
    if spec["unit"] not in _COUNTED_UNITS:
        return None  # "three days later": from the story's last event more often than its last date
    if _in_context(text, mention) is not spec:
        return None  # "a year earlier" next to a quarter: the report's quarter
    return anchoring.from_reference(ref[0] if ref else None, spec["unit"], spec["n"])


def _narrative_holds(text: str, sentences: list[int], year, latest: str | None, sentence: int) -> bool:
    """True when the explicit ``year`` (year, sentence, span) opened one of the
    ``REFERENCE_REACH`` sentences before ``sentence`` as its frame ("In 2003, ...") and the
    last date named since, ``latest`` (its value), is still in that year ("last week" is not)."""
    if year is None or latest is None or not 0 < sentence - year[1] <= anchoring.REFERENCE_REACH:
        return False
    start = sentences[year[1] - 1] if year[1] else 0
    return latest[:4] == f"{year[0]:04d}" and anchoring.frames(text, start, year[2][0])


# "on the Friday", "the final Saturday": a weekday with an article names a day of the
# period the story is about, never one counted from publication.
_THE_BEFORE = re.compile(r"(?i)\bthe\s+(?:(?:first|second|middle|final|opening|closing)\s+)?$")


def _reference_day(doc: Document, mention: Mention, spec: dict, day, ref) -> str | None:
    """A weekday after "the" ("on the Friday", "the final Saturday") in a story that has
    named an explicit day (``day``, still the last calendar value named, ``ref``): the
    weekday nearest that day ("to be held on 26-28 August ...
    on the Friday": the 26th); None otherwise. A bare weekday stays counted from
    publication: in news it is the report's week ("police said Monday"), however far back
    the story's events lie (a weekday after a day more than a week away, tried in
    2026-12-05's session: 8 losses, no gain in the tuning halves)."""
    if spec.get("kind") != "weekday" or spec.get("offset") is not None or day is None:
        return None
    if ref is None or ref[0][:10] != day.isoformat() or spec.get("possessive"):
        return None
    if not _THE_BEFORE.search(doc.text, max(0, mention.start - 24), mention.start):
        return None
    return anchoring.nearest_weekday(day, spec["weekday"], spec.get("part"))


def _sentence_ends(doc: Document) -> list[int]:
    """The character offset where each sentence of the parse ends (sorted); empty without
    a parse (the whole text is one sentence)."""
    if doc.spacy is None or not doc.spacy.has_annotation("SENT_START"):
        return []
    return [sent.end_char for sent in doc.spacy.sents]


def _anchor_quoted(doc: Document, found: list[list]) -> None:
    """Re-resolve "tomorrow", "Friday" and the like inside a quoted message against the
    message's own date when its sentence names one outside the quote ("``...tomorrow'',
    said a message read Wednesday night")."""
    quotes = anchoring.quote_spans(doc.text)
    if not quotes:
        return
    ends = _sentence_ends(doc)
    resolved = [(item[0].start, item[0].end, item[2]) for item in found]
    for item in found:
        mention, spec = item[0], item[1]
        quote = next((q for q in quotes if q[0] <= mention.start and mention.end <= q[1]), None)
        if quote is None or not anchoring.relative_to_message(spec):
            continue
        i = bisect.bisect_right(ends, quote[0])
        sentence = (ends[i - 1] if i else 0, ends[i] if i < len(ends) else len(doc.text))
        # The attribution may follow the quote ("..., said a message read Monday"), but
        # never across a line break: the next paragraph is another statement.
        after = doc.text.find("\n", quote[1], quote[1] + 80)
        sentence = (sentence[0], max(sentence[1], after if after >= 0 else quote[1] + 80))
        day = anchoring.message_date(quote, resolved, sentence)
        if day is not None:
            item[2], item[3] = resolve.value(spec, day, item[4])


_RANGE_JOIN = re.compile(r"\s*(?:to|through|until|till|-|–)\s*")
_PAIR_JOIN = re.compile(r"\s*(?:to|through|until|till|and|or|-|–)\s*")


def _share_range_year(text: str, found: list[list]) -> None:
    """A month or day without a year takes the year written on the other end of its range
    or pair ("between August and November 2001", "from 28 February to 3 March 2005", "in
    March and April 2003"), a year earlier when its month comes later in the calendar
    ("from November to February 2005": 2004-11)."""
    for first, second in itertools.pairwise(found):
        if first[1].get("kind") not in ("month", "monthday") or first[1].get("year"):
            continue
        if first[1].get("offset") is not None or not first[2] or not second[2]:
            continue
        end = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", second[2])
        if end is None or not re.search(r"\d{4}", text[second[0].start : second[0].end]):
            continue  # the second end must write its year
        if not _PAIR_JOIN.fullmatch(text, first[0].end, second[0].start):
            continue
        year = int(end.group(1)) - (1 if first[2][5:7] > end.group(2) else 0)
        first[2] = f"{year:04d}{first[2][4:]}"


def _order_range_ends(text: str, found: list[list]) -> None:
    """The end of a range of months or days never comes before its start ("from November
    to February", "Dec. 28 to Jan. 3", no year named). In a past clause the range has ended,
    so its start moves a year back ("ran from January to April" in March: 1997-01 to
    1997-04); otherwise its end moves a year on, as it always does after a day counted from
    today ("from today through Nov. 17")."""
    for first, second in itertools.pairwise(found):
        a, b = first[0], second[0]
        kinds = (first[1].get("kind"), second[1].get("kind"))
        if kinds not in _ORDERED_RANGES or second[1].get("year"):
            continue
        start, end = first[2], second[2]
        if not start or not end or not start[:4].isdigit() or end >= start[: len(end)]:
            continue
        if (len(start) != len(end) and kinds[0] != "day") or not _RANGE_JOIN.fullmatch(text, a.end, b.start):
            continue
        if second[4] == "past" and not first[1].get("year") and kinds[0] != "day":
            first[2] = f"{int(end[:4]) - (1 if end[4:] < start[4:] else 0):04d}{start[4:]}"
        else:
            second[2] = f"{int(start[:4]) + (1 if end[4:] < start[4 : len(end)] else 0):04d}{end[4:]}"


# (start, end) kinds of a range whose end must not come before its start: months, days of
# months, and a day counted from today ("from today through Nov. 17": the day is fixed, so
# the end moves on whatever the clause's tense).
_ORDERED_RANGES = frozenset({("month", "month"), ("monthday", "monthday"), ("day", "monthday"), ("day", "month")})


def _begun_quarter(spec: dict, value: str | None, anchor) -> bool:
    """True when ``spec`` names a quarter ("the fiscal first quarter", "third-quarter") that
    has begun by the publication date ``anchor``: the period a report is about."""
    if spec.get("kind") != "quarter" or not spec.get("q") or not value or "-Q" not in value:
        return False
    if anchor is None:
        return True
    # Begun, and within the last year: "the third quarter of 1984" in a 1989 story is
    # history, not the period reported on.
    now = f"{anchor.year:04d}-Q{(anchor.month - 1) // 3 + 1}"
    return f"{anchor.year - 1:04d}-Q{(anchor.month - 1) // 3 + 1}" <= value <= now


def _anchored_quarter(spec: dict, value: str | None, report: str | None) -> str | None:
    """TimeML's narrative anchoring for financial reports: "the quarter", "the latest
    quarter" and "a year earlier" refer to the quarter the report is about (the first one
    named: "the fiscal first quarter" ... "a year earlier" is that quarter a year before),
    not to the calendar quarter before publication. Returns ``value`` unchanged otherwise."""
    if spec.get("kind") != "quarter" or spec.get("q") or report is None:
        return value
    year, _, q = report.partition("-Q")
    if spec.get("year"):
        return f"{spec['year']:04d}-Q{q}"
    if spec.get("year_offset") is not None and value:
        return f"{value[:4]}-Q{q}"
    return f"{int(year) - (1 if spec.get('year_ago') else 0):04d}-Q{q}"


def _tense(doc: Document, start: int, end: int, spec: dict) -> str | None:
    """The tense that decides ``spec``'s value, or None when its value needs none. A deadline
    with a clock time ("until 9 a.m. Tuesday") looks forward even when reported in the past
    ("gave them until 9 a.m. Tuesday")."""
    if not _needs_tense(spec):
        return None
    if spec["kind"] == "clocked" and _WEAK_BEFORE.search(doc.text[max(0, start - 12) : start]):
        return "future"
    if anchoring.forward(doc.text, start, end) or _EARLIEST_BEFORE.search(doc.text, max(0, start - 20), start):
        return "future"  # "postponed until Saturday", "the Jan. 14 deadline", "as soon as Tuesday"
    if spec["kind"] == "weekday" and _ahead_of(doc.text, start, end):
        return "future"  # "ahead of Sunday's election", "ahead of its release on Friday"
    if spec.get("possessive") and not _AHEAD_BEFORE.search(doc.text[max(0, start - 16) : start]):
        # "Friday's purchases", "Wednesday's ruling": what has happened; but a meeting or
        # a match in a clause about the future is still to come ("will be discussed at
        # Tuesday's meeting", "face Wales in Saturday's match").
        event = _EVENT_AFTER.match(doc.text, end)
        if event is None:
            return "past"
        noun = event.span("noun")
        is_noun = _parsed_as_noun(doc.spacy, *noun)  # ("clash" is often a verb to the parser)
        # The clause of the weekday, or of the event word when the parse reads it as a noun.
        tense = clause_tense(doc.spacy, start, end, doc.text)
        if tense == "future" or (is_noun and clause_tense(doc.spacy, *noun, doc.text) == "future"):
            return "future"
        # The present of arrangements ("is nominated for best film at Sunday's ceremony"),
        # but not "looks better after Saturday's game".
        after = _AFTER_EVENT.search(doc.text[max(0, start - 12) : start])
        return "future" if tense is None and is_noun and not after and scheduled(doc.spacy, *noun) else "past"
    tense = clause_tense(doc.spacy, start, end, doc.text)
    if tense is None and spec["kind"] in ("weekday", "monthday") and scheduled(doc.spacy, start, end):
        return "future"
    if tense is None and spec["kind"] == "weekday" and scheduled_event(doc.spacy, start, end, _EVENT_WORD):
        return "future"  # "faces the biggest test of her career in the Marathon on Sunday"
    return tense


# Nouns of scheduled events, after a possessive weekday and up to three words ("Tuesday's
# Ecofin meeting", "Saturday's Six Nations clash").
_EVENT_NOUNS = (
    r"(?:meeting|summit|match|game|final|vote|election|talks|hearing|debate"
    r"|race|draw|ceremony|launch|deadline|clash|tie|showdown|fixture|test|encounter|visit|trip|budget"
    r"|announcement|speech|conference|semi-final|quarter-final|decider|opener|session|rally|march|strike"
    r"|release|screening|premiere|opening|trial|leg|bout)s?"
)
# A one-word event noun a weekday may date through its preposition ("the Marathon on Sunday",
# "the Australian Open", "the Grand Prix"; ``scheduled_event`` matches single tokens).
_EVENT_WORD = re.compile(rf"(?i){_EVENT_NOUNS}|marathon|prix|open|cup")
_EVENT_AFTER = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{_EVENT_NOUNS})\b", re.IGNORECASE)
# "looks better after Saturday's game": the game is over.
_AFTER_EVENT = re.compile(r"(?i)\b(?:after|since|following)\s+$")


def _describes_noun(sdoc, start: int, end: int) -> bool:
    """True for a bare noun the parse puts before another noun as its modifier ("weekend"
    in "weekend ticket sales"), not for one with its own determiner ("the weekend")."""
    span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i


def _parsed_as_noun(sdoc, start: int, end: int) -> bool:
    span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
    return bool(span) and span.root.tag_ in ("NN", "NNS", "NNP", "NNPS")


def _ahead_of(text: str, start: int, end: int) -> bool:
    """True when a weekday is the time of an event the text puts "ahead of" the clause, in
    the same phrase: the weekday's own event ("ahead of Saturday's match") or an event named
    between them ("ahead of the final against Angola on Saturday", "ahead of its release on
    Friday"), which news writes of what is still to come; not a rank or a plan beaten
    ("finished ahead of Leeds on Saturday", "ahead of schedule on Monday"), nor a clause a
    past perfect puts behind ("had forecast ahead of Friday's announcement")."""
    before = text[max(0, start - 80) : start]
    ahead = _AHEAD_OF.search(before)
    if ahead is None or _HAD_BEFORE.search(before[: ahead.start()]):
        return False
    between = ahead.group("between")
    if not between:  # "ahead of Saturday's ...": the event is the possessive's
        return bool(_EVENT_AFTER.match(text, end))
    return bool(_AHEAD_EVENT.search(between))


_AHEAD_OF = re.compile(r"(?i)\bahead\s+of\s+(?P<between>(?:[\w'’-]+\s+){0,8}?)(?:on\s+)?$")
_AHEAD_EVENT = re.compile(rf"(?i)\b{_EVENT_NOUNS}\b")
_HAD_BEFORE = re.compile(r"(?i)\bhad\s+(?:been\s+)?\w+\s+(?:[\w'’-]+\s+){0,3}$")
_AHEAD_BEFORE = re.compile(r"(?i)\b(?:ahead\s+of|before|until|for|await\w*)\s+$")
# "as soon as Tuesday", "as early as next month": the earliest of times still ahead.
_EARLIEST_BEFORE = re.compile(r"(?i)\bas\s+(?:soon|early)\s+as\s+$")
_WEAK_BEFORE = re.compile(r"(?i)\b(?:until|till|by|before)\s+(?:at\s+)?$")


def _needs_tense(spec: dict) -> bool:
    if spec["kind"] == "clocked":
        return _needs_tense(spec["date"])
    if spec.get("year_offset") is not None:
        return False
    return spec["kind"] in (
        "weekday",
        "monthday",
        "month",
        "overnight",
        "quarter",
        "holiday",
        "season",
        "new_year",
    ) and not spec.get("year")


# "the quarter ended Sept. 30", "the quarter ending July 31, 1989"
_QUARTER_ENDED = re.compile(
    r"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>[0-3]?\d)\b(?:,\s*(?P<year>\d{4})\b)?"
)


def _ended_quarter(text: str, mention: Mention) -> dict | None:
    """ "the quarter ended July 31": the calendar quarter whose last day is nearest the date
    named (July 31 is a month after June 30, two before Sept. 30: the second quarter), with
    the year when the date has one; None when no end date follows a quarter without number."""
    spec = mention.spec
    if spec.get("kind") != "quarter" or spec.get("q") or spec.get("year") or spec.get("year_ago"):
        return None
    if spec.get("period") or spec.get("year_offset") is not None:
        return None
    m = _QUARTER_ENDED.match(text, mention.end)
    month = load()["months"].get(m.group("month").lower()) if m else None
    if month is None or not 1 <= int(m.group("day")) <= 31:
        return None
    position = month + int(m.group("day")) / 31  # months since the start of the year, about
    q = min(range(5), key=lambda k: abs(position - (3 * k + 1)))  # quarter k ends at 3k + 1
    year = int(m.group("year")) if m.group("year") else None
    if q == 0:  # early January: the fourth quarter of the year before
        q, year = 4, year - 1 if year else None
    return {"kind": "quarter", "q": q, "year": year, "year_ago": False}


def _in_context(text: str, mention: Mention) -> dict:
    """Adjust a spec by its sentence: "a year ago" next to a quarter means that quarter a
    year before (TimeML's convention for financial reports); a quarter with its end date
    ("the quarter ended July 31") is that calendar quarter."""
    spec = mention.spec
    ended = _ended_quarter(text, mention)
    if ended is not None:
        return ended
    if spec.get("kind") == "offset" and spec.get("unit") == "Y" and spec.get("ago") and spec.get("n") == -1:
        # The compared period is usually named in the same or the previous sentence.
        window = text[max(0, mention.start - 600) : mention.end + 300]
        if re.search(r"(?i)\bquarter\b", window):
            return {"kind": "quarter", "q": None, "year": None, "year_ago": True}
    return spec
