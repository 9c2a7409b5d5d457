"""The tagger's rows for the TimeML classes beyond plain dates: durations written with a
fraction or a modifier ("5 1/2 hours", "two more weeks", "decades-long"), sets on a calendar
name ("every Thursday", "each July", "every morning", "on Mondays"), both ends of a range
("April 24 and 25", "1994-97") and split years ("1998-99"), clock times by a part of the day
("4 in the morning", "mid-afternoon"), and anaphoric dates, whose value is taken from the
date the text last named ("that year", "the day before", "the next morning").

``patterns()`` returns ``(regex, handler)`` rows in the form of ``tagger._patterns``; a
handler may return a list of mentions (the two ends of a range).
"""

from __future__ import annotations

import re

from newsgraph.pipeline.shared.temporal.combine import after_name_word
from newsgraph.pipeline.shared.temporal.lexicon import alternation, load
from newsgraph.pipeline.shared.temporal.tagger import (
    GAP,
    UNIT,
    YEAR,
    Mention,
    _count,
    _duration_value,
    _month_num,
    _month_re,
    _part,
    _unit_code,
    _weekday_re,
)

_SINGULAR = r"(?:second|minute|hour|day|week|month|year|decade|century)"
_PARTS = r"(?:morning|afternoon|evening|night)"


def patterns() -> list[tuple[str, object]]:
    month, weekday = _month_re(), _weekday_re()
    seasons = alternation(load()["seasons"])
    return [
        (r"(?:(?i:\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?)(?P<season>spring|summer|autumn|winter))\b", _season),
        (
            r"(?i)\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?P<season>spring|summer|autumn|winter|fall)"
            r"\s+(?:of\s+)?(?P<off>this|last|next)\s+year\b",
            _season_of_relative_year,
        ),
        (
            rf"(?i:\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?)(?P<season>(?i:spring|summer|autumn|winter)|fall)(?i:\s+of)?\s+(?P<year>{YEAR})\b(?![-/.,]\d)",
            _season_of_year,
        ),
        (r"(?i)\byear(?:[-\s]end|['’]s\s+end)\b", _year_end),
        (r"(?i)\b(?:the\s+)?(?:coming|future)\s+(?:months|quarters|weeks|years)\b", _future),
        # Both rows start at a literal ("to", "more") and find the count before it in the
        # handler: a count-first pattern would be tried at every word of the text.
        (rf"(?i)(?:\bto|\bor|\band|[-–])\s*(?P<n2>\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>{UNIT})\b", _duration_range),
        (rf"(?i)\b(?P<n>\d+)\s+1/2\s+(?P<unit>{UNIT})\b", _and_a_half),
        (rf"(?i)\b(?P<n>a|an|one|\d+)\s+(?P<unit>{_SINGULAR}s?)\s+and\s+a\s+half\b", _and_a_half),
        # "two and a half years", "two-and-a-half-year": starts at "and"; the count before it.
        (rf"(?i)\band[\s-]+a[\s-]+half[\s-]+(?P<unit>{UNIT})\b", _count_and_a_half),
        (rf"(?i)\b(?:more|additional|further|extra)\s+(?P<unit>{UNIT})\b", _more),
        (rf"(?i)\ban\s+(?:additional|extra|further)\s+(?P<unit>{_SINGULAR})\b", _more),
        (r"(?i)\b(?P<unit>hours|days|weeks|months|years|decades)-(?:long|old)\b", _plural_long),
        (rf"(?i)\b(?P<unit>{_SINGULAR})-long\b", _one_long),
        (r"(?i)(?:(?<=for )|(?<=over )|(?<=in ))(?:the\s+)?centuries\b", _plural_long),
        (r"(?i)\b(?:over|in)\s+the\s+(?P<unit>years|decades)\b", _over_the_years),
        (rf"(?i)\b(?:every|each)\s+(?P<wd>{weekday})(?:\s+(?P<part>{_PARTS}))?", _set_weekday),
        # A plural weekday is every such day ("on Mondays", "moves from Fridays to Sundays");
        # "the Sundays" are the Sunday papers.
        (rf"(?<![Tt]he )\b(?P<wd>{weekday})s(?:\s+(?P<part>{_PARTS})s)?\b", _plural_weekday),
        (r"(?:(?<=on )|(?<=On ))weekends\b", lambda m: _set(m, "XXXX-WXX-WE")),
        (rf"(?:(?P<wd1>{weekday})\s+and\s+)?(?P<wd>{weekday})\s+(?P<part>{_PARTS})s\b", _set_weekday_parts),
        (rf"(?i:\b(?:every|each)\s+)(?P<month>{month})", _set_month),
        (rf"(?i)\b(?:every|each)\s+(?P<part>{_PARTS})\b", _set_part),
        (rf"(?i)\b(?:every|each)\s+(?P<season>{seasons})\b", _set_season),
        # "the past three summers": several seasons, not one stretch of time (each of them)
        (
            r"(?i)\bthe\s+(?:past|last|previous|next|coming)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|few|several)"
            r"\s+(?P<season>spring|summer|autumn|winter)s\b",
            _set_season,
        ),
        (r"(?i)\b(?:every|each)\s+season\b", lambda m: _set(m, "P1Y")),
        (rf"(?i)\bevery\s+other\s+(?P<unit>{_SINGULAR})\b", _every_other),
        (
            rf"(?P<month>{month})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?P<sep>\s*[-–]\s*|\s+(?:and|to|through|or)\s+)"
            rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?!:|\.\d|,\d)(?:,?{GAP}(?P<year>{YEAR})\b)?",
            _day_range,
        ),
        # "the weekend of 9 and 10 July", "the weekend of 8/9 January", "the weekend of July
        # 9": one weekend, that of the days named (not the weekend of publication and two days)
        (
            (
                rf"(?i:\b(?:the\s+)?weekend\s+of)\s+(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:{_DAY_PAIR})?\s+(?i:of\s+)?(?P<month>{month})"
                rf"|(?P<month2>{month})\s+(?P<e1>[0-3]?\d)(?:st|nd|rd|th)?(?:{_DAY_PAIR})?\b)(?:,?{GAP}(?P<year>{YEAR})\b)?"
            ),
            _weekend_of,
        ),
        # "FY2005", "FY 2005", "FY05": a fiscal year, written as its year (as "fiscal 2005")
        (r"\bFY\s?(?P<y>(?:19|20)\d\d|\d\d)\b(?![-/.,]\d)", _fiscal_year),
        # "6 to 9 January", "14-17 February" (day before month, as British news writes it)
        (
            rf"(?<![\d.,£$€])\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?P<sep>\s*[-–]\s*|\s+(?:and|to|until|till)\s+)"
            rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\b(?:,?{GAP}(?P<year>{YEAR})\b)?",
            _day_range,
        ),
        # "1630 GMT", "10:30 GMT": a 24-hour clock with its time zone; "between 2000 and
        # 2100 GMT": both ends
        (
            r"\b(?:(?P<h1>[01]?\d|2[0-3])[:.]?(?P<mi1>[0-5]\d)(?:\s*[-–]\s*|\s+(?:and|to|until|till)\s+))?"
            rf"(?P<h>[01]?\d|2[0-3])[:.]?(?P<mi>[0-5]\d)\s?(?:{alternation(load()['timezones'])})\b",
            _clock_24,
        ),
        (
            rf"(?:\b[Ff]iscal\s+)?(?P<y1>{YEAR})(?P<sep>[-–/]|\s+(?:to|through|and)\s+)(?P<y2>{YEAR}|\d\d)\b(?![-/.,]\d)",
            _year_range,
        ),
        (
            r"(?i)\b(?:at\s+)?(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s+(?:o['’]clock\s+)?in\s+the\s+(?P<part>morning|afternoon|evening)\b",
            _clock_part,
        ),
        (
            r"(?i)\b(?:(?:early|late|mid)[\s-]?)(?P<part>morning|afternoon|evening)"
            r"(?:\s+(?P<rel>yesterday|today|tomorrow))?\b",
            _mid_part,
        ),
        (
            r"(?i)\b(?:(?P<pre>earlier|later)\s+(?:in\s+)?)?(?:that|the\s+same|that\s+same)\s+"
            r"(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night)\b",
            _anaphor,
        ),
        (
            r"(?i)\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)(?=\s*[.,;:)]|\s*$|\s+(?:and|but)\b)",
            _anaphor,
        ),
        (
            r"(?i)\bthe\s+(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b",
            _anaphor,
        ),
        (r"(?i)(?<=\bin )the\s+(?P<unit>morning|afternoon|evening)\b", _anaphor),
        (r"(?i)\b(?:at|by)\s+(?P<span>(?:that\s+)?time|the\s+time)\b", _the_time),
    ]


def _season(m: re.Match) -> Mention:
    """ "the summer", "early spring": a season of the year the clause's tense points to."""
    spec = {"kind": "season", "season": load()["seasons"][m.group("season")], "offset": None}
    return Mention(m.start(), m.end(), "DATE", spec)


def _season_of_relative_year(m: re.Match) -> Mention:
    """ "spring next year", "the summer of last year": that season of the year named
    relative to publication (as "June last year")."""
    season = load()["seasons"][m.group("season").lower()]
    off = {"last": -1, "this": 0, "next": 1}[m.group("off").lower()]
    return Mention(m.start(), m.end(), "DATE", {"kind": "season", "season": season, "offset": None, "year_offset": off})


def _season_of_year(m: re.Match) -> Mention:
    """ "the summer of 1989", "spring 1990": that season of that year (``1989-SU``)."""
    season = load()["seasons"][m.group("season").lower()]
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": f"{m.group('year')}-{season}"})


def _year_end(m: re.Match) -> Mention:
    """ "year-end", "year's end": the end of the current year, valued as that year."""
    return Mention(m.start(), m.end(), "DATE", {"kind": "offset", "unit": "Y", "n": 0})


def _future(m: re.Match) -> Mention:
    return Mention(m.start(), m.end(), "DATE", {"kind": "ref", "value": "FUTURE_REF"})


_COUNT = r"(?i)(?:\bat\s+least\s+)?\b(?P<n>\d+|[a-z]+(?:-[a-z]+)?|a\s+few)"
_COUNT_THEN = {gap: re.compile(_COUNT + gap + "$") for gap in (r"\s*", r"\s+", r"[\s-]+")}


def _count_before(m: re.Match, gap: str) -> re.Match | None:
    """The count just before the match ``m`` with ``gap`` (``\\s*`` or ``\\s+``)
    between them; its offsets are into the whole text."""
    return _COUNT_THEN[gap].search(m.string, max(0, m.start() - 30), m.start())


# Only "ago": "two or three days later" counts from an event, a length (anchoring.event_measure).
_MEASURED_DIR = re.compile(r"(?i)\s+ago\b")


def _duration_range(m: re.Match) -> list[Mention] | None:
    """ "two to three weeks", "12-18 months": both ends, each a duration of the unit. The
    match starts at "to" or the dash; the first count is read before it."""
    before = _count_before(m, r"\s*")
    if before is None or before.group("n").lower() in ("a", "an") or before.group(0).lower().startswith("at"):
        return None
    between = re.search(r"(?i)\bbetween\s+$", m.string[max(0, before.start("n") - 9) : before.start("n")])
    if m.group(0)[:3].lower() == "and" and not between:
        return None  # "between 12 and 14 years": both ends; "two and three" alone is no range
    n1, n2 = _count(before.group("n")), _count(m.group("n2"))
    if n1 is None or n2 is None or not n1 < n2:
        return None
    unit, start, end1 = m.group("unit"), before.start("n"), before.end("n")
    first = Mention(start, end1, "DURATION", {"kind": "duration", "value": _duration_value(n1, unit)})
    back = _MEASURED_DIR.match(m.string, m.end())
    if back and n1 == int(n1) and unit.lower().rstrip("s") not in load()["time_units"]:
        # "30 or 40 years ago": the first end is a date too (the second's "ago" is its own row)
        spec = {
            "kind": "offset",
            "unit": _unit_code(unit),
            "n": -int(n1),
            "ago": True,
            "duration": first.spec["value"],
            "dir": "ago",
        }
        first = Mention(start, end1, "DATE", spec)
    second = Mention(m.start("n2"), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(n2, unit)})
    return [first, second]


def _and_a_half(m: re.Match) -> Mention | None:
    """ "5 1/2 hours", "a year and a half": the whole units, then the half in the next
    smaller unit (PT5H30M, P1Y6M)."""
    value = _half_value(_count(m.group("n")), m.group("unit"))
    return None if value is None else Mention(m.start(), m.end(), "DURATION", {"kind": "duration", "value": value})


def _half_value(n: float | None, unit: str) -> str | None:
    """The duration of ``n`` and a half ``unit``: the whole units, then the half in the next
    smaller unit; None when ``n`` is not a whole count or the unit has no smaller one."""
    if n is None or n != int(n) or n < 1:
        return None
    unit = unit.lower()
    code = "MIN" if unit.startswith("min") else _unit_code(unit)
    tail = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M", "MIN": "30S"}.get(code)
    return None if tail is None else _duration_value(n, unit) + tail


def _count_and_a_half(m: re.Match) -> Mention | None:
    """ "two and a half years" (P2Y6M), "one-and-a-half-hour" (PT1H30M). The match starts at
    "and"; the count is read before it."""
    before = _count_before(m, r"[\s-]+")
    value = _half_value(_count(before.group("n")), m.group("unit")) if before else None
    return None if value is None else Mention(before.start("n"), m.end(), "DURATION", {"kind": "duration", "value": value})


def _more(m: re.Match) -> Mention | None:
    """ "two more weeks", "at least 20 more years", "an additional year". The match starts
    at "more"; the count is read before it."""
    if "unit" in m.groupdict() and m.group(0).lower().startswith("an "):
        return Mention(m.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(1, m.group("unit"))})
    before = _count_before(m, r"\s+")
    if before is None:
        return None
    word = before.group("n").lower()
    n = _count(word)
    if n is None and word not in _VAGUE:
        return None  # "spend more weeks": no count
    return Mention(before.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(n, m.group("unit"))})


_VAGUE = ("several", "few", "a few", "many", "some")


def _plural_long(m: re.Match) -> Mention:
    unit = m.groupdict().get("unit") or "centuries"
    return Mention(m.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(None, unit)})


def _one_long(m: re.Match) -> Mention:
    return Mention(m.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(1, m.group("unit"))})


def _over_the_years(m: re.Match) -> Mention:
    start = m.start() + m.group(0).lower().index("the")
    return Mention(start, m.end(), "DURATION", {"kind": "duration", "value": _duration_value(None, m.group("unit"))})


def _set(m: re.Match, value: str) -> Mention:
    return Mention(m.start(), m.end(), "SET", {"kind": "set", "value": value})


def _set_weekday(m: re.Match) -> Mention:
    wd = load()["weekdays"][m.group("wd").lower()]
    part = _part(m.group("part").rstrip("s")) if m.group("part") else None
    return _set(m, f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))


def _plural_weekday(m: re.Match) -> Mention | None:
    """A plural weekday is every such day, unless a name's word comes before it ("Happy
    Mondays", even opening a sentence)."""
    if after_name_word(m.string, m.start(), opening_is_name=True):
        return None
    return _set_weekday(m)


def _set_weekday_parts(m: re.Match) -> list[Mention]:
    """ "Tuesday nights", "Monday and Tuesday nights": every such night (both days)."""
    part = _part(m.group("part"))
    days = [("wd1", m.start("wd1"), m.end("wd1"))] if m.group("wd1") else []
    days.append(("wd", m.start("wd"), m.end()))
    return [
        Mention(start, end, "SET", {"kind": "set", "value": f"XXXX-WXX-{load()['weekdays'][m.group(g).lower()]}T{part}"})
        for g, start, end in days
    ]


def _set_month(m: re.Match) -> Mention:
    return _set(m, f"XXXX-{_month_num(m.group('month')):02d}")


def _set_part(m: re.Match) -> Mention:
    return _set(m, f"XXXX-XX-XXT{_part(m.group('part'))}")


def _set_season(m: re.Match) -> Mention:
    return _set(m, f"XXXX-{load()['seasons'][m.group('season').lower()]}")


def _every_other(m: re.Match) -> Mention:
    return _set(m, _duration_value(2, m.group("unit")))


def _day_range(m: re.Match) -> list[Mention] | None:
    """ "April 24 and 25", "Oct. 18-22", "6 to 9 January": both ends, each a date of that
    month."""
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    year = int(m.group("year")) if m.group("year") else None
    month = _month_num(m.group("month"))
    if m.start("month") > m.start("d2"):  # the day first: "6" and "9 January"
        first = Mention(m.start("d1"), m.end("d1"), "DATE", {"kind": "monthday", "month": month, "day": d1, "year": year})
        second = Mention(m.start("d2"), m.end(), "DATE", {"kind": "monthday", "month": month, "day": d2, "year": year})
        return [first, second]
    first = Mention(m.start(), m.end("d1"), "DATE", {"kind": "monthday", "month": month, "day": d1, "year": year})
    second = Mention(m.start("d2"), m.end(), "DATE", {"kind": "monthday", "month": month, "day": d2, "year": year})
    if year is None:
        second.end = m.end("d2") + len(re.match(r"(?:st|nd|rd|th)?", m.string[m.end("d2") :]).group(0))
    return [first, second]


# The second day of a weekend's pair: "9 and 10", "27-28", "8/9", "9 & 10".
_DAY_PAIR = r"(?:\s*[-–/&]\s*|\s+(?i:and|to)\s+)[0-3]?\d(?:st|nd|rd|th)?"


def _weekend_of(m: re.Match) -> Mention | None:
    """ "the weekend of 9 and 10 July": the weekend of the ISO week holding the first day
    named (``week_of`` ``WE``), one expression."""
    day = int(m.group("d1") or m.group("e1"))
    if not 1 <= day <= 31:
        return None
    year = int(m.group("year")) if m.group("year") else None
    month = _month_num(m.group("month") or m.group("month2"))
    spec = {"kind": "monthday", "month": month, "day": day, "year": year, "week_of": "WE"}
    return Mention(m.start(), m.end(), "DATE", spec)


def _year_range(m: re.Match) -> Mention | list[Mention] | None:
    """ "1994-97" and "1994 to 1997": both ends; "1998-99" (consecutive, written with a
    hyphen or slash): one split year, a fiscal year or season that begins in 1998."""
    y1, raw = int(m.group("y1")), m.group("y2")
    if len(raw) == 2 and m.group("sep") not in ("-", "–", "/"):
        return None  # "by 2010 and 12 million by 2012": a short end is written "1994-97"
    y2 = y1 // 100 * 100 + int(raw) if len(raw) == 2 else int(raw)
    if len(raw) == 2 and y2 <= y1:
        y2 += 100
    if y2 <= y1 or y2 - y1 > 200:
        return None
    if y2 == y1 + 1 and m.group("sep") in ("-", "–", "/"):
        spec = {"kind": "explicit", "value": f"{y1:04d}", "duration": "P1Y"}
        return Mention(m.start(), m.end(), "DATE", spec)
    first = Mention(m.start(), m.end("y1"), "DATE", {"kind": "explicit", "value": f"{y1:04d}"})
    second = Mention(m.start("y2"), m.end(), "DATE", {"kind": "explicit", "value": f"{y2:04d}"})
    return [first, second]


def _clock_part(m: re.Match) -> Mention | None:
    hour = int(m.group("h"))
    if not 1 <= hour <= 12:
        return None
    part = m.group("part").lower()
    hour = hour % 12 + (12 if part != "morning" else 0)
    start = m.start("h")
    spec = {"kind": "clock", "hour": hour, "minute": int(m.group("mi") or 0)}
    return Mention(start, m.end(), "TIME", spec)


def _fiscal_year(m: re.Match) -> Mention:
    year = m.group("y")
    if len(year) == 2:  # "FY05": this century up to 49, the last one from 50
        year = ("20" if int(year) < 50 else "19") + year
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": year})


def _clock_24(m: re.Match) -> Mention | list[Mention]:
    spec = {"kind": "clock", "hour": int(m.group("h")), "minute": int(m.group("mi"))}
    last = Mention(m.start("h"), m.end(), "TIME", spec)
    if m.group("h1") is None:
        return last
    spec = {"kind": "clock", "hour": int(m.group("h1")), "minute": int(m.group("mi1"))}
    return [Mention(m.start(), m.end("mi1"), "TIME", spec), last]


def _mid_part(m: re.Match) -> Mention:
    rel = (m.group("rel") or "today").lower()
    spec = {"kind": "day", "days": load()["relative_days"][rel], "part": _part(m.group("part"))}
    if not m.group("rel"):
        spec = {"kind": "anaphor", "unit": "D", "n": 0, "part": spec["part"]}
    return Mention(m.start(), m.end(), "TIME", spec)


_ANAPHOR_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q"}
_ANAPHOR_DIR = {"before": -1, "earlier": -1, "previous": -1, "preceding": -1, "after": 1, "later": 1}


def _anaphor(m: re.Match) -> Mention:
    """A date named by reference to the one the text last named: "that year", "that same
    day", "the day before", "the following year", "(in) the morning"."""
    unit = m.group("unit").lower()
    groups = m.groupdict()
    n = _ANAPHOR_DIR.get((groups.get("dir") or "").lower(), 1 if groups.get("dir") else 0)
    part = _part(unit) if unit in ("morning", "afternoon", "evening", "night") else None
    spec = {"kind": "anaphor", "unit": _ANAPHOR_UNIT.get(unit, "D"), "n": n, "part": part}
    return Mention(m.start(), m.end(), "TIME" if part else "DATE", spec)


# A clause after "by the time" makes it a conjunction ("by the time they go back"); a verb
# right after "at the time" makes it a generic subject ("popular at the time is no different").
_CLAUSE_AFTER = re.compile(r"\s+(?!of\b)[A-Za-z]")  # any word but "of" ("by the time of the vote")
_VERB_AFTER = re.compile(r"\s+(?:is|are)\b")


def _the_time(m: re.Match) -> Mention | None:
    """ "at the time", "by that time": a past moment the text has set (TimeML's PAST_REF);
    not "by the time they go back" (a conjunction) or "popular at the time is" (generic)."""
    by_the_time = m.group(0)[:2].lower() == "by" and m.group("span").lower() == "the time"
    if (by_the_time and _CLAUSE_AFTER.match(m.string, m.end())) or _VERB_AFTER.match(m.string, m.end()):
        return None
    return Mention(m.start("span"), m.end(), "DATE", {"kind": "ref", "value": "PAST_REF"})
