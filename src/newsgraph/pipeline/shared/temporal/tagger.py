"""Temporal expressions in text, found by rules over the temporal lexicon: the patterns
and their handlers. The entry points, ``tag``/``mentions``, are in ``engine.py``.

``tag(text)`` returns ``Mention``s: a span, a TIMEX3 type and a ``spec`` saying how to get
its value (explicit, or relative to the publication date). Resolution is in ``resolve.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from newsgraph.pipeline.shared.temporal.combine import after_name_word
from newsgraph.pipeline.shared.temporal.lexicon import alternation, load
from newsgraph.pipeline.shared.number_words import words_value


@dataclass
class Mention:
    """A temporal expression at ``[start, end)``: ``type`` (DATE, TIME, DURATION, SET) and a
    ``spec`` dict (``kind`` plus fields) that ``resolve.value`` turns into a TIMEX3 value."""

    start: int
    end: int
    type: str
    spec: dict = field(default_factory=dict)


def _month_re() -> str:
    names = [m.capitalize() for m in load()["months"] if len(m) > 3 or m == "may"]
    abbr = [
        m.capitalize() + r"\."
        for m in load()["months"]
        if len(m) <= 4 and m != "may" and m != "june" and m != "july"
    ]
    return "(?:" + alternation(abbr, escape=False) + "|" + alternation(names) + r")(?![a-z])"


def _weekday_re() -> str:
    full = [w.capitalize() for w in load()["weekdays"] if len(w) > 4]
    return "(?:" + alternation(full) + ")"


NUMWORD = (
    r"(?:\d+(?:\.\d+)?|a\s+number\s+of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|several|a few|few|many|some|couple of|a couple of|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine))"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?"
    r"|decades?|centuries|century)"
)
MOD = (
    r"(?:(?:early|late|mid|the end of|the beginning of|the start of|the middle of"
    r"|the first half of|the second half of)[\s-]+)?"
)
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# The space between a date and its year: within a paragraph, one line break at most ("Tuesday,
# 1 March\n\n2000 Villa v Leeds" is a fixture's clock time on a line of its own, no year).
GAP = r"(?=\s)[^\S\n]*(?:\n[^\S\n]*)?"
ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _patterns() -> list[tuple[re.Pattern, Callable[[re.Match], Mention | None]]]:
    month, weekday = _month_re(), _weekday_re()
    lex = load()
    part = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
    tz = r"(?:\s+(?:" + alternation(lex["timezones"]) + r")\b)?"
    rel_off = r"(?P<off>last|this|next|coming|past|previous|current|following)"
    refs = alternation(lex["references"])
    sets = alternation(lex["sets"])
    table = [
        # A date that names an event: "the 11 September attacks", "after 9/11" are 2001's,
        # whatever the publication year ("Fahrenheit 9/11" is a film's title).
        (
            r"(?:(?i:the\s+)?(?:11(?:th)?\s+(?:of\s+)?September|September\s+11(?:th)?)(?=[\s-]+(?i:attacks?|terror|terrorist|atrocit|hijack)))"
            r"|(?<!Fahrenheit )\b9/11\b",
            _september_eleventh,
        ),
        (
            rf"(?:(?P<wd>{weekday}),?\s+|(?P<weekof>(?i:the\s+week\s+of))\s+)?{MOD}(?P<month>{month})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?{GAP}(?P<year>{YEAR})\b)?",
            _month_day,
        ),
        (
            rf"(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})(?:,?{GAP}(?P<year>{YEAR})\b)?",
            _month_day,
        ),
        (rf"{MOD}(?P<month>{month}),?{GAP}(?:of\s+)?(?P<year>{YEAR})\b", _month_year),
        (rf"(?i:{MOD})(?P<month>{month})\s+(?i:(?:of\s+)?(?P<off>this|last|next)\s+year)\b", _month_of_year),
        (rf"\b(?P<year>{YEAR})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b", _iso),
        (
            # "July-September", "the July-to-September quarter": both months, or the quarter
            rf"(?:(?i:the)\s+)?(?P<m1>{month})(?:\s*[-–]\s*|-to-)(?P<m2>{month})(?:\s+(?P<q>(?i:quarter))\b)?",
            _month_range,
        ),
        (rf"(?i:{MOD}(?:(?P<off>last|this|next|past|previous)\s+)?)(?P<month>{month})(?![\w-])", _month_only),
        (rf"(?i:\b(?:the\s+)?{MOD}(?:fiscal\s+)?)(?P<year>{YEAR})(?!\d|,\d|\.\d|%)(?:['’]s\b)?", _year),
        (rf"(?i:\b(?:the\s+)?{MOD})(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0s|['’](?P<d2>[0-9])0s)\b", _decade),
        # "the 90s", "the late 80s": a decade without its century or apostrophe, after "the"
        (r"(?i)\bthe\s+(?:(?:early|late)\s+|mid-?)?(?P<d2>[2-9])0s\b", _bare_decade),
        (
            rf"(?i:\b(?:(?P<off>last|this|next|coming|past|previous)\s+)?)(?P<wd>{weekday})(?![a-z])(?i:{part})",
            _weekday,
        ),
        (rf"(?i)\b{MOD}(?P<rel>today|yesterday|tomorrow|tonight)(?:['’]s)?{part}", _relative_day),
        (
            r"(?i)\b(?:(?P<off>this|last|yesterday|tomorrow)\s+)(?P<part>morning|afternoon|evening|night)\b",
            _day_part,
        ),
        # A market's session of the day: "up 1% in morning trade", "in late afternoon trading".
        (
            r"(?i)\b(?:(?:early|late)\s+)?(?P<part>morning|afternoon|evening)"
            r"(?=\s+(?:trade|trading|deals|dealings|session)\b)",
            _session,
        ),
        (
            rf"(?i)\b(?:(?P<off>last|next|this)\s+)?(?P<h>{alternation(lex['holidays'])})\b(?:,?{GAP}(?P<year>{YEAR})\b)?",
            _holiday,
        ),
        (r"(?i)\bovernight\b", lambda m: Mention(m.start(), m.end(), "TIME", {"kind": "overnight"})),
        (rf"(?i)\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s?(?P<ap>[ap]\.m\b\.?|[ap]m\b){tz}", _clock),
        (r"(?i)\b(?:at\s+)?(?P<w>noon|midnight|midday)\b", _noon),
        (
            r"(?i)\b(?:the\s+)?weekend\b",
            lambda m: Mention(
                m.start(), m.end(), "DATE", {"kind": "offset", "unit": "WE", "n": 0, "last_weekend": True}
            ),
        ),
        (rf"(?i)\b(?:the\s+)?(?:{_ORDINALS})[\s-]+century\b", _century),
        (rf"(?i)\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?P<dw>{_DECADE_WORDS})\b", _decade_word),
        (
            rf"(?i)\b(?:the\s+year\s+)?(?P<spoken>nineteen[\s-]+(?:{_TENS})(?:[\s-]+(?:{_ONES}))?|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_ONES}|ten|eleven|twelve))?)\b",
            _spoken_year,
        ),
        (
            rf"(?i)\b(?:(?P<the>the)\s+)?{MOD}{rel_off}\s+(?:(?:fiscal|financial)\s+(?=year|quarter))?(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|season)\b",
            _offset,
        ),
        (
            r"(?i)\b(?:(?:earlier|later)\s+)(?P<off>this|last|next)\s+(?P<unit>week|month|year|quarter|spring|summer|fall|autumn|winter)\b",
            _offset,
        ),
        (
            (
                rf"(?i)\b(?P<n>{NUMWORD})[\s-]+(?P<unit>{UNIT})\s+"
                r"(?P<dir>ago|earlier|before|later|from now|hence)\b"
            ),
            _ago,
        ),
        (r"(?i)\b(?:the\s+)?(?P<unit>year|quarter|month|week)[\s-](?P<dir>ago|earlier)\b", _year_ago),
        (
            # "in two years' time", "in a couple of weeks time": a point that far ahead
            rf"(?i)\bin\s+(?:about\s+|around\s+|roughly\s+)?(?P<n>{NUMWORD})[\s-]+(?P<unit>{UNIT})(?:'s?)?\s+time\b",
            _in_time,
        ),
        (
            rf"(?i)\b(?P<the>the\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|same|comparable|corresponding|year-earlier|year-ago|fiscal|past)[\s-]+)*(?:fiscal\s+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?",
            _quarter,
        ),
        (
            (
                rf"(?i)\b(?:the\s+)?(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year['’]s)\s+"
                r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?P<w>quarter|period)\b"
            ),
            _year_quarter,
        ),
        (
            r"(?i)\bthe\s+(?:latest|same|comparable|corresponding|year-earlier|year-ago)\s+period\b",
            lambda m: Mention(
                m.start(),
                m.end(),
                "DATE",
                {
                    "kind": "quarter",
                    "q": None,
                    "year": None,
                    "period": True,
                    "year_ago": "year-" in m.group(0).lower(),
                },
            ),
        ),
        (
            r"(?i)\bthe\s+(?:(?:current|full|fiscal|financial)\s+)*year(?=\s+(?:that\s+)?(?:ended|ending|ends)\b)",
            lambda m: Mention(m.start(), m.end(), "DURATION", {"kind": "duration", "value": "P1Y"}),
        ),
        (
            (
                r"(?i)\b(?:the\s+(?:(?:current|full|fiscal|financial)\s+)+year"
                r"|(?:(?<=for\s)|(?<=of\s)|(?<=during\s))the\s+year(?=\s*[.,;:]|\s+of\b)"
                r"|the\s+(?:end|beginning|start|middle)\s+of\s+the\s+year|(?:earlier|later)\s+in\s+the\s+year)\b"
            ),
            lambda m: Mention(m.start(), m.end(), "DATE", {"kind": "offset", "unit": "Y", "n": 0}),
        ),
        (
            r"(?i)\bthe\s+(?:end|beginning|start|middle|rest)\s+of\s+the\s+decade\b",
            # "the decade" (not "this decade"): the narrative's, when a past year opened it
            lambda m: Mention(m.start(), m.end(), "DATE", {"kind": "offset", "unit": "DE", "n": 0, "narrative": True}),
        ),
        (
            # "the third and fourth quarters of 2004": each quarter, the year shared
            rf"(?i)\b(?:the\s+)?(?P<o1>first|second|third|fourth)\s+(?:and|to)\s+(?P<o2>second|third|fourth)"
            rf"\s+quarters\b(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?",
            _two_quarters,
        ),
        (
            rf"(?i)\b(?:the\s+)?(?:(?P<ord>first|second|latter)\s+half(?:\s+of\s+(?P<year>{YEAR}))?"
            rf"|(?P<last>last)\s+half\s+of\s+(?P<lyear>{YEAR}))",
            _half,
        ),
        (
            rf"(?i)\b(?:(?P<the>the)\s+)?(?:(?P<dirw>last|past|next|coming|first|previous|final|recent|following|latest)\s+)?(?P<n>{NUMWORD})[\s-]+(?:full\s+)?(?P<unit>{UNIT})(?:[\s-]long)?\b",
            _duration,
        ),
        (
            rf"(?i)\b(?:(?P<the>the)\s+)(?P<dirw>last|past|next|coming|previous|following)\s+(?P<unit>{UNIT})\b",
            _past_unit,
        ),
        (
            (
                r"(?i)(?:(?<=for )|(?<=over )|(?<=in )|(?<=within ))"
                r"(?P<unit>hours|days|weeks|months|years|decades)\b"
            ),
            _vague_duration,
        ),
        (rf"(?i)\b(?:every|each)\s+(?:(?P<n>{NUMWORD})\s+)?(?P<unit>{UNIT})\b", _set),
        (r"(?i)(?<=[\d%a-z] )(?:a|per)\s+(?P<unit>day|week|month|year)\b(?!\s+(?:ago|earlier|later))", _rate_set),
        # "three-monthly", "six-monthly" (British: every three, six months), "two-weekly"
        (r"(?i)\b(?P<n>two|three|four|six|twelve|\d+)-(?P<w>monthly|weekly|yearly)\b", _every_n_set),
        (rf"(?i)\b(?P<w>{sets})\b", _set_word),
        (rf"(?i)\b(?P<w>{refs})\b", _reference),
        # "soon": a FUTURE_REF, as the guideline lists it, unless its clause is past ("was soon
        # released": a story's own sequence; the dates component drops it); not "as soon as",
        # "soon after" (counted from an event), "too soon", "soon-to-be"
        (
            r"(?i)(?<!\bas )(?<!\btoo )(?<!\bhow )\bsoon\b(?![-’']|\s+(?:after|afterwards|as|enough)\b)",
            lambda m: Mention(m.start(), m.end(), "DATE", {"kind": "ref", "value": "FUTURE_REF", "unless_past": True}),
        ),
        # "in past years", "in previous seasons": an indefinite past, TimeML's PAST_REF (with
        # "the" or a count it is a length: "the past three years")
        (
            r"(?i)(?<=\bin )(?:past|previous|earlier|former|prior)\s+(?:years|decades|centuries|seasons|times|eras)\b",
            lambda m: Mention(m.start(), m.end(), "DATE", {"kind": "ref", "value": "PAST_REF"}),
        ),
        # "in the new year": the year that begins next (or began last), not "the New Year
        # Honours" or "the new year message" (a name, a holiday's)
        (
            r"(?i)\bthe\s+new\s+year\b(?!['’]s)(?!\s+(?-i:[A-Z])|\s+(?:message|honours|period|holidays?|break"
            r"|celebrations?|part(?:y|ies)|eve|day|sales?|resolutions?)\b)",
            lambda m: Mention(m.start(), m.end(), "DATE", {"kind": "new_year"}),
        ),
        # British "in future" ("will not happen in future"): "the future" without its
        # article; "in future years" is a count, "in future home PCs" an adjective.
        (r"(?i)(?<=\bin )future(?=\s*(?:[.,;:!?\"'’”)]|$)|\s+(?:it|they|we|he|she|I|you|there|this|that|and|but|or|if|when|as|so|please|too)\b)", _future_ref),
    ]
    return [(re.compile(p), fn) for p, fn in table]


_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    "|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
    r"|\d{1,2}(?:st|nd|rd|th)"
)
_DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_ORDINAL_VALUE = {w: i + 1 for i, w in enumerate(_ORDINALS.split("|")[:20])} | {"twenty-first": 21}


def _century(m: re.Match) -> Mention | None:
    word = re.sub(r"(?i)^the\s+|[\s-]+century$", "", m.group(0)).lower()
    n = int(re.match(r"\d+", word).group(0)) if word[0].isdigit() else _ORDINAL_VALUE.get(word)
    if not n:
        return None
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": f"{n - 1:02d}"})


def _decade_word(m: re.Match) -> Mention:
    tens = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }[m.group("dw").lower()]
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": f"19{tens}"})


def _spoken_year(m: re.Match) -> Mention | None:
    words = m.group("spoken").lower()
    if words.startswith("nineteen"):
        rest = words_value(re.sub(r"^nineteen[\s-]+", "", words))
        return (
            None
            if rest is None
            else Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": f"{1900 + rest}"})
        )
    value = words_value(words)
    return (
        None
        if value is None
        else Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": f"{value}"})
    )


# "Easter week" is the week that ends on Easter Sunday (TimeBank: ``2000-W16``); an egg, an
# island, a rising are no dates.
_AFTER_EASTER = re.compile(r"(?i)\s+(?:(?P<week>week)\b|(?:eggs?|island|rising|bunny|bunnies)\b)")


def _holiday(m: re.Match) -> Mention | None:
    off = {"last": -1, "next": 1, "this": 0}.get((m.group("off") or "").lower())
    if m.group("h").islower() and re.search(r"(?i)\ban?\s+$", m.string[max(0, m.start() - 4) : m.start()]):
        return None  # "establishing 5 November as a thanksgiving day": a kind of day, no holiday
    rule = load()["holidays"][m.group("h").lower()]
    spec = {"kind": "holiday", "rule": rule, "offset": off, "year": int(m.group("year")) if m.group("year") else None}
    after = _AFTER_EASTER.match(m.string, m.end()) if m.group("h").lower() == "easter" and not m.group("year") else None
    if after is not None and not after.group("week"):
        return None
    if after is not None:  # the week from its Monday, which "as Easter week began" has reached
        return Mention(m.start(), after.end(), "DATE", spec | {"rule": "EASTER-6", "week_of": True})
    return Mention(m.start(), m.end(), "DATE", spec)


def _month_num(name: str) -> int:
    return load()["months"][name.lower().rstrip(".")]


def _month_day(m: re.Match) -> Mention | None:
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    year = int(m.group("year")) if m.group("year") else None
    spec = {"kind": "monthday", "month": _month_num(m.group("month")), "day": day, "year": year}
    if m.groupdict().get("wd"):
        # "Thursday, 4 November": the weekday tells the year when none is written
        spec["named_weekday"] = load()["weekdays"][m.group("wd").lower()]
    if m.groupdict().get("weekof"):
        spec["week_of"] = True  # "the week of March 6": the ISO week holding the day
    return Mention(m.start(), m.end(), "DATE", spec)


def _month_year(m: re.Match) -> Mention:
    value = f"{int(m.group('year')):04d}-{_month_num(m.group('month')):02d}"
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": value})


def _month_of_year(m: re.Match) -> Mention:
    """ "June last year", "February this year": one month, its year relative to publication."""
    off = {"last": -1, "this": 0, "next": 1}[m.group("off").lower()]
    spec = {"kind": "month", "month": _month_num(m.group("month")), "offset": None, "year_offset": off}
    return Mention(m.start(), m.end(), "DATE", spec)


def _iso(m: re.Match) -> Mention:
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": m.group(0)})


# "from March to May", "January through March": the end of a range of months.
_RANGE_END = re.compile(r"\b(?:from|between)\s+[A-Z][a-z]+\.?\s+(?:to|through|and|until)\s+$")


# "the March accession", "a May election": the month before a noun. Not a preposition
# ("the March on Washington") or a noun that makes "May" a person's name ("the May
# government").
_ARTICLE_BEFORE = re.compile(r"(?:^|\b)(?:[Tt]he|[Aa]n?)\s+$")
_MONTH_MODIFIER = re.compile(
    r"\s+(?!(?:on|of|to|for|by|in|at|and|or|with|from|government|administration|cabinet|era|ministry|premiership|team)\b)[a-z]{3,}\b"
)


def _month_only(m: re.Match) -> Mention | None:
    name = m.group("month")
    if re.match(r"\s*[0-3]?\d(?!\d)", m.string[m.end() : m.end() + 4]):
        return None  # "last Oct. 23": the day pattern takes "Oct. 23"
    if name in ("May", "March") and not (
        m.group("off")
        or m.start("month") > m.start()  # "the end of March", "early May"
        or re.search(
            r"(?i)\b(?:in|since|until|by|of|early|late|mid|last|next|this|from|through|during)[\s-]+$",
            m.string[max(0, m.start() - 8) : m.start()] + " ",
        )
        or _RANGE_END.search(m.string, max(0, m.start() - 24), m.start())
        or (
            _MONTH_MODIFIER.match(m.string, m.end())  # "the March accession"
            and _ARTICLE_BEFORE.search(m.string, max(0, m.start() - 5), m.start())
        )
    ):
        return None  # the modal verb and the verb, not the months
    off = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}.get((m.group("off") or "").lower())
    return Mention(m.start(), m.end(), "DATE", {"kind": "month", "month": _month_num(name), "offset": off})


_YEAR_PREP = re.compile(
    r"(?i)\b(?:in|since|by|until|till|from|of|during|before|after|through|between|and|to|early|late|mid|fiscal|year|the|for|around|circa|throughout|pre|post)[\s-]+$"
)


# A list of versions before a year makes it a name's too: "Windows 95, 98, ME, NT, 2000".
_VERSION_LIST = re.compile(r"\b\d\d,\s+(?:[A-Z]{2,},\s+)*(?:and\s+)?$")


def _names_year(text: str, start: int) -> bool:
    """The year at ``start`` belongs to a name: a capitalised word right before it ("Euro
    2004", "BBC One's Film 2005", "the Terrorism Act 2000"; "the Act of 1989" is a date) or
    a list of versions."""
    return after_name_word(text, start) or bool(_VERSION_LIST.search(text, max(0, start - 24), start))


@cache
def _measure_after() -> re.Pattern:
    """What follows a number that is a measure or a rank, never a year: a unit glued to it or
    after a space ("1500m", "2000cc", "1500 metres", "2000 feet"; ``measure_units`` in the
    lexicon) or an ordinal's ending ("the 1000th"). Other letters glued to a year are a
    missing space ("in December 2001alleging"), and the year stays."""
    units = alternation(load()["measure_units"])
    return re.compile(rf"\s?(?:{units})(?![\w/])|(?:st|nd|rd|th)\b")


def _year(m: re.Match) -> Mention | None:
    text, start = m.string, m.start()
    year = int(m.group("year"))
    before = text[max(0, start - 12) : start]
    after = text[m.end() : m.end() + 20]
    if re.search(r"[$€£¥#]\s*$|\b(?:No|no|number)\.?\s*$", before) or re.match(
        r"\s*(?:%|per\s*cent|percent)", after
    ):
        return None
    if re.match(r"-(?!(?:era|style|born|built|made|vintage|model|season)\b)[a-z]", after):
        return None  # "a 2048-bit number", "the 1500-metre final": a measure, not a year
    if _measure_after().match(after):
        return None  # "the 1500m", "1500 metres", "a 2000cc engine": a number and its unit
    if _names_year(text, start):
        return None  # "Euro 2004", "the Terrorism Act 2000", "Windows 95, 98, 2000": a name's year
    span_text = m.group(0)
    if re.search(r"(?i)\bhalf\s+of\b", span_text):
        return None  # "the first half of 1990" is a half year (the half-year row), not 1990
    if not _YEAR_PREP.search(before + (" " if not before.endswith(" ") else "")) and not re.match(
        r"(?i)(?:the|fiscal|early|late|mid)", span_text
    ):
        if not 1900 <= year <= 2099:
            return None
        nxt = re.match(r"\s+([a-z]+)", after)
        if (
            nxt
            and nxt.group(1).endswith("s")
            and not nxt.group(1).endswith("ss")
            and nxt.group(1) not in ("was", "is", "has", "as", "its", "this")
        ):
            return None  # 2000 troops: a count
    # TimeML leaves a bare "the" out of a year's span ("the 1996 Olympic bombing" is
    # "1996": 7 of 7 in TimeBank's tuning half); a modifier stays ("early 1997").
    start = m.start("year") if re.match(r"(?i)the\s+\d", span_text) else m.start()
    return Mention(start, m.end(), "DATE", {"kind": "explicit", "value": f"{year:04d}"})


def _decade(m: re.Match) -> Mention:
    if m.group("c"):
        value = f"{m.group('c')}{m.group('d')}"
    else:
        value = f"19{m.group('d2')}"
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": value})


# "around the mid-70s", "temperatures in the 80s": an age or a measure, not a decade
_NOT_DECADE_BEFORE = re.compile(
    r"(?i)\b(?:around|about|approximately|roughly|nearly|almost|under|over|than|highs?|lows?|temperatures?|degrees)\s+(?:in\s+)?$"
)


def _bare_decade(m: re.Match) -> Mention | None:
    if _NOT_DECADE_BEFORE.search(m.string, max(0, m.start() - 24), m.start()):
        return None
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": f"19{m.group('d2')}"})


def _weekday(m: re.Match) -> Mention:
    wd = load()["weekdays"][m.group("wd").lower()]
    off = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}.get(
        (m.group("off") or "").lower()
    )
    part = m.group("part")
    spec = {"kind": "weekday", "weekday": wd, "offset": off, "part": _part(part)}
    if off is None and not part and re.match(r"['’]s\b", m.string[m.end() : m.end() + 3]):
        spec["possessive"] = True
    return Mention(m.start(), m.end(), "TIME" if part else "DATE", spec)


def _part(word: str | None) -> str | None:
    return load()["day_parts"].get(word.lower()) if word else None


# After "today's", nouns that make it "nowadays" rather than the day of publication.
_GENERIC_AFTER_TODAY = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|generation|young|children|kids|standards|technology"
    r"|computers|families|culture|people)\b",
    re.IGNORECASE,
)


def _relative_day(m: re.Match) -> Mention | None:
    rel = m.group("rel").lower()
    after = m.string[m.end("rel") : m.end("rel") + 30]
    if rel == "today" and not m.group("part") and _GENERIC_AFTER_TODAY.match(after):
        return None  # "today's youth": the present age, not a day
    if rel == "tomorrow" and re.search(r"(?i)\bof\s+$", m.string[max(0, m.start() - 4) : m.start()]):
        return None  # "the people of tomorrow"
    part = _part(m.group("part")) or ("NI" if rel == "tonight" else None)
    spec = {"kind": "day", "days": load()["relative_days"][rel], "part": part}
    # TimeML leaves the possessive out of the span: "today's editions" is "today".
    end = m.end() if m.group("part") else m.end("rel")
    return Mention(m.start(), end, "TIME" if part else "DATE", spec)


def _day_part(m: re.Match) -> Mention:
    days = {"yesterday": -1, "tomorrow": 1}.get(m.group("off").lower(), 0)
    if m.group("off").lower() == "last" and m.group("part").lower() == "night":
        days = -1
    spec = {"kind": "day", "days": days, "part": _part(m.group("part"))}
    return Mention(m.start(), m.end(), "TIME", spec)


def _september_eleventh(m: re.Match) -> Mention:
    # The span keeps "the" as the month-day row's does, so that the two tie and this wins.
    return Mention(m.start(), m.end(), "DATE", {"kind": "explicit", "value": "2001-09-11", "named": True})


def _session(m: re.Match) -> Mention:
    return Mention(m.start(), m.end(), "TIME", {"kind": "day", "days": 0, "part": _part(m.group("part"))})


def _clock(m: re.Match) -> Mention | None:
    hour = int(m.group("h"))
    if not 1 <= hour <= 12:
        return None
    ap = m.group("ap").lower().replace(".", "")
    hour = hour % 12 + (12 if ap == "pm" else 0)
    spec = {"kind": "clock", "hour": hour, "minute": int(m.group("mi") or 0)}
    return Mention(m.start(), m.end(), "TIME", spec)


def _noon(m: re.Match) -> Mention | None:
    word = m.group("w").lower()
    start = m.start("w")
    if m.group("w")[0].isupper() and start == m.start() and _in_a_name(m.string, start):
        return None  # a capitalised word in a name or a list of names: "Jamie Noon", "Abbott, Noon, Paul"
    return Mention(
        start, m.end(), "TIME", {"kind": "clock", "hour": 24 if word == "midnight" else 12, "minute": 0}
    )


def _in_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word at ``start`` stands in a name or a list of names: after a
    comma, or after a capitalised word inside its sentence ("Jamie Noon", "Christmas
    Midnight Mass"); not after a number or a lower-case word ("12 Noon", "by Midnight")."""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    if not before or before[-1] == ",":
        return bool(before)
    word = _LAST_WORD.search(before)
    return word is not None and word.group(1)[0].isupper() and not _OPENING_WORD.search(before)


_LAST_WORD = re.compile(r"([A-Za-z]+)$")
# A word that opens its sentence (or the text), whose capital says nothing of a name.
_OPENING_WORD = re.compile(r"[.!?:]\s*[A-Za-z]+$|^[A-Za-z]+$")


def _offset(m: re.Match) -> Mention | None:
    unit = m.group("unit").lower()
    off = load()["offset_words"][m.group("off").lower()]
    if unit in load()["seasons"]:
        return Mention(
            m.start(), m.end(), "DATE", {"kind": "season", "season": load()["seasons"][unit], "offset": off}
        )
    if unit == "season":
        return _sports_season(m, off)
    code = load()["units"][unit]
    half = re.match(r"(?i)(?:the\s+)?(first|second)\s+half\s+of\s", m.group(0))
    if half and code == "Y" and m.group("off").lower() in ("this", "last", "next"):
        # "the first half of this year": that year's half (as "the first half of 2004")
        h = 1 if half.group(1).lower() == "first" else 2
        spec = {"kind": "half", "h": h, "year": None, "year_offset": off}
        return Mention(m.start(), m.end(), "DATE", spec)
    if m.group("off").lower() in ("following", "previous") and m.group("the"):
        # "the following year": a year after the one the text last named, not publication's
        spec = {"kind": "anaphor", "unit": code, "n": off, "part": None}
        return Mention(m.start(), m.end(), "DATE", spec)
    return Mention(m.start(), m.end(), "DATE", {"kind": "offset", "unit": code, "n": off})


def _sports_season(m: re.Match, off: int) -> Mention | None:
    """ "this season", "last season", "next season": the season of a sport or a series that is
    in progress at the reference time, or the one before or after it, valued by its calendar
    year ("last season" read on 2005-03-16 is ``2004``), as the BBC annotators did. A winter
    sport's season spans two years; a year is the coarsest value that is right for both.

    "the past season" and "the coming season" as "last season" and "next season"; not "her
    last season" or "the last season" (the final one), nor "the following season" (the one
    after a season the text named)."""
    word = m.group("off").lower()
    if word in ("previous", "following") or (m.group("the") and word in ("last", "next")):
        return None
    if re.search(r"(?i)(?:\b(?:his|her|their|its|my|our|your)|'s?)\s+$", m.string[max(0, m.start() - 8) : m.start()]):
        return None
    return Mention(m.start(), m.end(), "DATE", {"kind": "offset", "unit": "Y", "n": off})


def _count(word: str) -> float | None:
    word = word.lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in ("a", "an", "one"):
        return 1
    if word in ("several", "a few", "few", "many", "some", "couple of", "a couple of") or word.startswith("a number"):
        return 2 if "couple" in word else None
    value = words_value(word)
    return float(value) if value is not None else None


def _unit_code(word: str) -> str:
    word = word.lower()
    word = "century" if word == "centuries" else word.rstrip("s") if word != "hours" else "hour"
    return load()["units"][word]


def _ago(m: re.Match) -> Mention | None:
    return _measured_from(m, m.group("dir").lower(), m.start())


def _in_time(m: re.Match) -> Mention | None:
    """ "(in) two years' time": the measure counted ahead from publication, as "two years
    from now"; the span leaves the preposition out."""
    return _measured_from(m, "hence", m.start("n"))


def _measured_from(m: re.Match, direction: str, start: int) -> Mention | None:
    """A date a measure (``n`` ``unit``) away in ``direction`` (``ago``, ``later``, ``hence``...),
    spanning ``start`` to the end of the match."""
    n = _count(m.group("n"))
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None or n != int(n):
        return None
    # The measure inside the anchored expression ("a month earlier": P1M), kept with it.
    measure = _duration_value(n, m.group("unit"))
    if m.group("unit").lower().rstrip("s") in load()["time_units"]:
        # "20 minutes ago": within the day of publication ("M" would read as months)
        spec = {"kind": "day", "days": 0, "part": None, "duration": measure, "dir": direction}
        return Mention(start, m.end(), "DATE", spec)
    spec = {
        "kind": "offset",
        "unit": _unit_code(m.group("unit")),
        "n": int(n) * sign,
        "ago": True,
        "duration": measure,
        "dir": direction,
    }
    return Mention(start, m.end(), "DATE", spec)


def _year_ago(m: re.Match) -> Mention:
    return Mention(
        m.start(),
        m.end(),
        "DATE",
        {
            "kind": "offset",
            "unit": _unit_code(m.group("unit")),
            "n": -1,
            "ago": True,
            "duration": _duration_value(1, m.group("unit")),
        },
    )


def _quarter(m: re.Match) -> Mention | None:
    words = re.findall(r"[a-z0-9]+(?:-(?:earlier|ago))?", m.group(0).lower())
    if len(words) == 1 and not m.group("the"):
        return None  # "a quarter of": a fraction
    if m.string[m.end() : m.end() + 1] == "-":
        return None  # "quarter-to-quarter"
    ords = [ORD[w] for w in words if w in ORD]
    year = int(m.group("year")) if m.group("year") else None
    if not ords and year and {"last", "final"} & set(words):
        ords = [4]  # "the last quarter of 2004": a year's last quarter is its fourth
    spec = {
        "kind": "quarter",
        "q": ords[0] if ords else None,
        "year": year,
        "year_ago": any(w in ("year-earlier", "year-ago") for w in words),
    }
    return Mention(m.start(), m.end(), "DATE", spec)


def _two_quarters(m: re.Match) -> list[Mention]:
    """ "the third and fourth quarters of 2004": the first ordinal and the rest, each its
    quarter of the year named (or of the year the tense gives)."""
    year = int(m.group("year")) if m.group("year") else None
    q1, q2 = ORD[m.group("o1").lower()], ORD[m.group("o2").lower()]
    if year is None and _HABITUAL.search(m.string, max(0, m.start() - 40), m.start()):
        # "usually conducted in the second and fourth quarters": every year's, a set
        return [
            Mention(m.start(), m.end("o1"), "SET", {"kind": "set", "value": f"XXXX-Q{q1}"}),
            Mention(m.start("o2"), m.end(), "SET", {"kind": "set", "value": f"XXXX-Q{q2}"}),
        ]
    first = {"kind": "quarter", "q": q1, "year": year, "year_ago": False}
    second = {**first, "q": q2}
    return [Mention(m.start(), m.end("o1"), "DATE", first), Mention(m.start("o2"), m.end(), "DATE", second)]


# Adverbs of habit: a period named after one recurs ("usually in the fourth quarter").
_HABITUAL = re.compile(r"(?i)\b(?:usually|typically|normally|generally|traditionally|always)\b")


def _month_range(m: re.Match) -> Mention | list[Mention] | None:
    """ "July-September": both months (as "April 24-25" gives both days); "the
    July-to-September quarter": that calendar quarter, when the months open and close one."""
    m1, m2 = _month_num(m.group("m1")), _month_num(m.group("m2"))
    if m2 <= m1:
        return None
    if m.group("q") and m1 % 3 == 1 and m2 == m1 + 2:
        spec = {"kind": "quarter", "q": m1 // 3 + 1, "year": None, "year_ago": False}
        return Mention(m.start(), m.end(), "DATE", spec)
    first = Mention(m.start("m1"), m.end("m1"), "DATE", {"kind": "month", "month": m1, "offset": None})
    second = Mention(m.start("m2"), m.end("m2"), "DATE", {"kind": "month", "month": m2, "offset": None})
    return [first, second]


def _year_quarter(m: re.Match) -> Mention | None:
    """ "the 1988 third quarter", "this year's third quarter", "the 1989 period" (a quarter
    in a report about quarters), "last year's quarter"."""
    if not m.group("ord") and m.group("w").lower() == "period" and not m.group("year"):
        return None
    spec = {
        "kind": "quarter",
        "q": ORD[m.group("ord").lower()] if m.group("ord") else None,
        "year": int(m.group("year")) if m.group("year") else None,
        "year_offset": {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()] if m.group("rel") else None,
        "period": m.group("w").lower() == "period" and not m.group("ord"),
        "year_ago": False,
    }
    return Mention(m.start(), m.end(), "DATE", spec)


# A sentence's end: its stop (and closing quote) before a space, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s|\n")
# What makes a half without a year a half of the year: its sentence speaks of money, rates,
# years or a company's periods ("profits rose 5% in the first half"). Without any of them it
# is a half of a game ("scored twice in the first half"), which no calendar holds.
_CALENDAR_CONTEXT = re.compile(
    r"(?i)[$£€¥%#]|\bper\s*cent\b|\b(?:1[0-9]{3}|20[0-9]{2})\b|\b(?:year|quarter|fiscal|financial|profits?"
    r"|sales|revenues?|earnings|results|turnover|growth|economy|output|prices|income)\b"
)


def _half(m: re.Match) -> Mention | None:
    """ "the first half", "the second half of 2004", "the last half of 1989" (with a year
    only: "the last half" alone is as often the last half of a game). "The first half"
    without a year is a half year only in a sentence about a year's figures."""
    half = 1 if (m.group("ord") or "").lower() == "first" else 2
    year = m.group("year") or m.group("lyear")
    if not year:
        text = m.string
        starts = [b.end() for b in _SENTENCE_END.finditer(text, max(0, m.start() - 400), m.start())]
        stop = _SENTENCE_END.search(text, m.end())
        begin = starts[-1] if starts else max(0, m.start() - 400)
        sentence = text[begin : stop.start() if stop else len(text)]
        if not _CALENDAR_CONTEXT.search(sentence.replace(m.group(0), " ")):
            return None
    spec = {"kind": "half", "h": half, "year": int(year) if year else None}
    return Mention(m.start(), m.end(), "DATE", spec)


def _duration_value(n: float | None, unit_word: str) -> str:
    code = _unit_code(unit_word)
    time = unit_word.lower().rstrip("s") in load()["time_units"]
    amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if code == "W2":
        code, amount = "W", "X" if n is None else str(int(n * 2))
    if code in ("DE", "CE") and n is not None and n == int(n):
        # "two decades" is P20Y, as TimeBank writes it (P2DE names the same length)
        code, amount = "Y", str(int(n) * (10 if code == "DE" else 100))
    return f"PT{amount}{code}" if time else f"P{amount}{code}"


def _duration(m: re.Match) -> Mention | None:
    n = _count(m.group("n"))
    word = m.group("n").lower()
    after = m.string[m.end() : m.end() + 12]
    if m.group("unit").lower().startswith("quarter") and (word in ("a", "an", "one") or "-" in m.group(0)):
        return None  # "a quarter of", "three-quarters": fractions
    if re.match(r"[\s-]*(?:old|of age)\b", after) or re.match(r"-old", after):
        return None  # an age, counted by the quantities component
    if _timed_result(m):
        return None  # "clocked 7.96 seconds", "in one minute, 47.96 seconds": a race time, a measure
    if word in ("a", "an", "one") and _FRACTION_OF.search(m.string, max(0, m.start() - 20), m.start()):
        return None  # "one hundredth of a second", "a fraction of a second": shorter than the unit
    if word in ("a", "one") and m.group("unit").lower() == "second" and _ORDINAL_SECOND.match(m.string, m.end()):
        return None  # "for a second week", "a second UN resolution", "one second-set outburst"
    if m.group("unit").lower() == "second" and re.match(r"[\s-]hand", after, re.IGNORECASE):
        return None  # "six second hand airplanes": used ones, no length
    if word in ("a", "an") and not (m.group("the") or m.group("dirw")):
        before = m.string[max(0, m.start() - 12) : m.start()].lower()
        if not _A_LENGTH_BEFORE.search(before):
            return None  # "a year" alone is rarely a duration in news ("a year when...")
    return Mention(
        m.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(n, m.group("unit"))}
    )


def _timed_result(m: re.Match) -> bool:
    """True for a time read off a stopwatch: seconds in hundredths or tenths ("clocked 7.96
    seconds", "0.02 seconds behind") and the minutes or hours written before them ("in one
    minute, 47.96 seconds"). The guideline leaves race times out; they are measures of a
    performance, not times or lengths in the story."""
    unit = m.group("unit").lower()
    if unit.startswith("second"):
        return bool(re.fullmatch(r"\d*\.\d+", m.group("n")))
    return unit.startswith(("minute", "hour")) and bool(_TIMED_AFTER.match(m.string, m.end()))


_TIMED_AFTER = re.compile(r",?\s+(?:and\s+)?(?:\d+\s+minutes?,?\s+)?\d*\.\d+\s*(?:seconds?|secs?)\b")
# A part of the unit named next: "one hundredth of a second", "a fraction of a second".
_FRACTION_OF = re.compile(r"(?i)\b(?:hundredths?|hundreths?|tenths?|thousandths?|fraction|split)[\s-]+of\s+$")


# "a second" is the ordinal before the noun it counts ("a second term", "a second 'Nipple-gate'",
# "second-set"): any word after it but those a length of one second can stand before ("for
# a second it goes quiet", "a second faster", "a second or two").
_ORDINAL_SECOND = re.compile(
    r"""-\w|\s+['"‘“]?(?!(?:or|and|but|to|it|he|she|they|we|i|you|later|earlier|ago|before|after"""
    r"|behind|ahead|faster|slower|quicker|longer|shorter|off|of|per|in|on|at|the|a|an|this|that"
    r"|then|there|when|while|as|so|if|is|was|too|more|less|each|every|from|into|with)\b)[A-Za-z]",
    re.IGNORECASE,
)


# Words before "a decade" that make it a length: prepositions ("for a decade") and the
# verbs that take a length as their object ("will take a decade", "spent a decade").
_A_LENGTH_BEFORE = re.compile(
    r"\b(?:for|in|within|after|about|nearly|almost|than|over|of"
    r"|take|takes|took|taken|taking|spend|spends|spent|spending|last|lasts|lasted|wait|waited)\s+$"
)


def _past_unit(m: re.Match) -> Mention:
    unit = m.group("unit").lower()
    if unit.endswith("s") or unit == "centuries":
        return Mention(
            m.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(None, unit)}
        )
    return Mention(m.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(1, unit)})


def _vague_duration(m: re.Match) -> Mention:
    return Mention(
        m.start(), m.end(), "DURATION", {"kind": "duration", "value": _duration_value(None, m.group("unit"))}
    )


def _set(m: re.Match) -> Mention:
    n = _count(m.group("n")) if "n" in m.groupdict() and m.group("n") else 1
    return Mention(m.start(), m.end(), "SET", {"kind": "set", "value": _duration_value(n, m.group("unit"))})


# Words before "a month" that make it a length of time, not a rate: "as long as a month",
# "barely a month after", "within a year".
_NOT_RATE_BEFORE = re.compile(
    r"(?i)\b(?:as|than|about|around|barely|only|just|nearly|almost|within|for|in|after|over|under"
    r"|least|most|of|by|up|to|roughly|half|spent|took|takes|take|lasted|last|lasts)\s+$"
)


# After "a day", "a week": the event it is measured from ("a day after launching").
_ANCHORED_AFTER = re.compile(r"(?i)\s+(?:after|before)\b")


def _rate_set(m: re.Match) -> Mention | None:
    """ "$3,500 a month", "four flights a week": a rate, a SET; "as long as a month",
    "barely a month after", "announced his plans a day after launching": a length of time,
    a DURATION."""
    if _NOT_RATE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()) or _ANCHORED_AFTER.match(m.string, m.end()):
        value = _duration_value(1, m.group("unit"))
        return Mention(m.start(), m.end(), "DURATION", {"kind": "duration", "value": value})
    return _set(m)


_RATE_BEFORE = re.compile(
    r"(?:\d%|\d\s*(?:percent|per\s*cent)|(?:million|billion|thousand))\s*$", re.IGNORECASE
)


def _every_n_set(m: re.Match) -> Mention:
    """ "three-monthly" is every three months: ``P3M``."""
    unit = {"monthly": "M", "weekly": "W", "yearly": "Y"}[m.group("w").lower()]
    return Mention(m.start(), m.end(), "SET", {"kind": "set", "value": f"P{int(_count(m.group('n')))}{unit}"})


def _set_word(m: re.Match) -> Mention | None:
    """ "daily", "annually" as a SET; not after a percentage or an amount ("grow 20%
    annually", "C$17.9 million annually"): a rate, which TimeML annotators leave out, and
    "average daily volume": a statistic, not a recurrence."""
    before = m.string[max(0, m.start() - 20) : m.start()]
    word = m.group("w").lower()
    if _RATE_BEFORE.search(before) or (word == "daily" and re.search(r"(?i)\baverage\s+$", before)):
        return None
    return Mention(m.start(), m.end(), "SET", {"kind": "set", "value": load()["sets"][m.group("w").lower()]})


_COUNTED_AFTER = re.compile(
    r"(?i)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|few|several)\s+[a-z]"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"’”]?\s+|\n\s*)$")


def _future_ref(m: re.Match) -> Mention:
    return Mention(m.start(), m.end(), "DATE", {"kind": "ref", "value": "FUTURE_REF"})


def _reference(m: re.Match) -> Mention | None:
    word = m.group("w").lower()
    after = m.string[m.end() : m.end() + 12]
    if word == "current" and re.match(r"\s+(?:account|affairs|events|situation)|-", after):
        return None
    if word == "now" and re.match(r"-", after):
        return None
    if word == "now" and after.startswith(",") and _SENTENCE_START.search(m.string, max(0, m.start() - 4), m.start()):
        return None  # "Now, following asset sales, ...": a discourse marker, not a time
    if word == "future" and re.match(r"\s+(?:of|generations)", after):
        return None
    if word == "the past" and _COUNTED_AFTER.match(m.string, m.end()):
        return None  # "the past three summers": a count of periods, not the past as such
    before = m.string[max(0, m.start() - 6) : m.start()]
    if word == "current" and re.search(r"(?i)\bthen[\s-]+$", before):
        # "the then current price": the present of a past moment, TimeML's PAST_REF
        start = m.start() - len(before) + before.lower().rindex("then")
        return Mention(start, m.end(), "DATE", {"kind": "ref", "value": "PAST_REF"})
    end = m.end()
    if word == "recent":
        if not re.match(r"\s+(?:years|months|weeks|days|times|decades)\b", after):
            return None  # "a recent report": too vague to be worth a date
        unit = re.match(r"\s+(\w+)", after)
        end += unit.end()
        if unit.group(1) != "times":
            # "in recent years": TimeML's unspecified duration, PXY
            value = _duration_value(None, unit.group(1))
            return Mention(m.start(), end, "DURATION", {"kind": "duration", "value": value})
    return Mention(m.start(), end, "DATE", {"kind": "ref", "value": load()["references"][word]})
