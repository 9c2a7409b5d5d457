"""What the tagger does after its patterns: choose among overlapping candidates, join a
clock time to the day after it, and drop expressions that are part of a title or name.
All work on ``tagger.Mention``s."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from newsgraph.pipeline.shared.temporal.lexicon import load

# A day named from the present, capitalised after a possessive, "told" or "the", or before
# "programme" or "show": a programme's name ("BBC Radio 4's Today programme", "he told Today").
_DEICTIC_NAME = re.compile(r"(?:Today|Tonight|Tomorrow|Yesterday)")
_SHOW_AFTER = re.compile(r"\s+(?:programme|program|show|newspaper|bulletin)\b")
_SHOW_BEFORE = re.compile(r"(?:\w['’]s|\btold|\bthe)\s+$")
# Temporal words written in lower case in running text; capitalised they are part of a name.
_COMMON_WORDS = re.compile(
    r"(?:This|Last|Next|Week|Month|Year|Minutes|Hours|Days|Today|Tonight|Tomorrow|Yesterday|Noon|Now"
    r"|Morning|Afternoon|Evening|Night|Weekend)"
)


# "the Sunday Times", "the Daily Mail", "Twentieth Century Fox": capitalised temporal words
# before a capitalised word, after "the" or a possessive (or two of them), open a name.
_NAME_BEFORE = re.compile(r"(?:\b[Tt]he|\w['’]s)\s+$")
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)")
_RELATIVE = ("last", "next", "this", "early", "late", "mid")


@cache
def _names_ending_in(word: str) -> re.Pattern | None:
    """The news media names (``lexicons/news_media.tsv``, the entities' list) that end in
    the temporal word ``word`` ("the Mail on Sunday", "the Independent on Sunday"), as a
    pattern for the words before it; None when there are none."""
    from newsgraph.resources import entries

    names = set()
    for row in entries("lexicons/news_media.tsv"):
        cells = row.split("\t")
        for name in [cells[1], *(cells[3].split(";") if len(cells) > 3 else [])]:
            head, _, last = name.strip().rpartition(" ")
            if head and last == word:
                names.add(r"[ \t]+".join(map(re.escape, head.split())))
    if not names:
        return None
    return re.compile(r"\b(?:%s)[ \t]+$" % "|".join(sorted(names, key=len, reverse=True)))


_ORDINAL_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)")


def opens_name(text: str, mention, months: dict) -> bool:
    """True when the expression is the start of a name: its words all capitalised letters,
    followed by a capitalised word that is no month ("Sunday March 13" stays a date), none of
    them a month or "last", "next"..., and after "the" or a possessive or two words long
    ("Monday Night Football"); or the end of a news medium's name the entities' list knows
    ("the Mail on Sunday")."""
    words = text[mention.start : mention.end].split()
    after = _NAME_AFTER.match(text, mention.end)
    ending = _names_ending_in(words[-1]) if len(words) == 1 else None
    if ending is not None and ending.search(text, max(0, mention.start - 40), mention.start):
        return True  # "the Mail on Sunday"
    if not after or after.group(1).lower() in months:
        return False
    if not all((w[:1].isupper() and w.isalpha()) or _ORDINAL_NUMBER.fullmatch(w) for w in words):
        return False  # (an ordinal in figures counts: "20th Century Fox" as "Twentieth Century Fox")
    if any(w.lower() in months or w.lower() in _RELATIVE for w in words):
        return False  # "Last June Grewcock was banned", "the August Games": dates
    return len(words) > 1 or bool(_NAME_BEFORE.search(text, max(0, mention.start - 12), mention.start))


# Capitalised words that do not name anything: a temporal expression after them is no
# part of a name ("In 1990", "On Mondays", "Our 2004 programme", "Fiscal 1989").
_NOT_NAME_WORDS = frozenset(
    "in on at as of to by for from since until till during before after through throughout between "
    "around circa pre post and or but so yet if when while because although well most some all only "
    "every each early late mid fiscal year the this that these those last next our their his her its "
    "my your fy cy ad bc ce bce".split()
)
_WORD_BEFORE = re.compile(r"\b([A-Z][A-Za-z-]*)[ \t]+$")  # (a possessive is a modifier: "Mixte's 1989 results")
_OPENING = re.compile(r"(?:^|[.!?:]['\"’”]?\s+|\n\s*)['\"‘“]?$")


@cache
def _date_words() -> frozenset[str]:
    """Month, weekday and season names and the first words of holidays: "Christmas 2004",
    "Spring 2005" are dates, not names."""
    lex = load()
    return frozenset([*lex["months"], *lex["weekdays"], *lex["seasons"], *(h.split()[0] for h in lex["holidays"])])


def after_name_word(text: str, start: int, opening_is_name: bool = False) -> bool:
    """True when a capitalised word that may open a name stands right before ``start``
    ("Euro 2004", "Happy Mondays"): not a function word, not a date word, and (unless
    ``opening_is_name``) not the first word of a sentence or quotation ("Clearly 2004 was")."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in _NOT_NAME_WORDS or word in _date_words():
        return False
    return opening_is_name or not _OPENING.search(text, max(0, m.start() - 5), m.start())


def in_title(text: str, mention) -> bool:
    """True when the expression is part of a title or name: a temporal word capitalised
    after the first word ("This Week" on ABC, "60 Minutes"), or right after a capitalised
    word ("VOA Today", "High Noon"). Month and weekday names are left alone."""
    if mention.spec.get("kind") == "new_year":
        return False  # "the New Year" is capitalised as a holiday is (its pattern skips names)
    words = text[mention.start : mention.end].split()
    if _DEICTIC_NAME.fullmatch(words[0]) and (
        _SHOW_AFTER.match(text, mention.end) or _SHOW_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    ):
        return True  # "BBC Radio 4's Today programme", "he told Today": a programme's name
    if any(_COMMON_WORDS.fullmatch(w.strip(".,'\"")) for w in words[1:]):
        return True
    before = re.search(r"([A-Z]\w*(?:['’]s)?)[ \t]+$", text[max(0, mention.start - 30) : mention.start])
    return bool(before and len(words) == 1 and _COMMON_WORDS.fullmatch(words[0].strip(".,'\"")))


# Kinds of date a clock time can be followed by ("10 p.m. Wednesday", "5 p.m. EST, Nov. 9").
_DAY_KINDS = ("weekday", "monthday", "day")


def join_clock_and_day(text: str, mentions: list) -> list:
    """Join a clock time and the day right after it ("noon Thursday", "9 a.m. Tuesday") into
    one TIME expression, as TimeML does: its value is that day at that time."""
    out: list = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.spec.get("kind") == "clock"
            and mention.spec.get("kind") in _DAY_KINDS
            and not mention.spec.get("part")
            and re.fullmatch(r"\s*,?\s*(?:on\s+)?", text[prev.end : mention.start])
        ):
            spec = {
                "kind": "clocked",
                "date": mention.spec,
                "hour": prev.spec["hour"],
                "minute": prev.spec["minute"],
            }
            out[-1] = replace(prev, end=mention.end, type="TIME", spec=spec)
            continue
        out.append(mention)
    return out


# A sports round named after a fraction: "quarter-final", "semi-final" are no quarter.
_ROUND = re.compile(r"(?i)-?final(?:s|ists?)?\b")


def select(text: str, found: list) -> list:
    """The mentions kept from ``found`` (all candidates, in pattern order): where two
    overlap the longer wins, then the earlier; titles, names ("the Sunday Times") and sports
    rounds ("quarter-final") are left out and clock times joined to the day after them.
    Returns them left to right."""
    months = load()["months"]
    found = [f for f in found if not _ROUND.match(text, f.end) and not opens_name(text, f, months)]
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    chosen: list = []
    for mention in found:
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    chosen = [c for c in chosen if not in_title(text, c)]
    return join_clock_and_day(text, sorted(chosen, key=lambda x: x.start))


# Modifiers TimeML puts inside the span of a duration or of a measured date ("nearly two
# years", "more than four decades ago", "no more than sixty days", "around 7:15 p.m.").
_MODIFIER = re.compile(
    r"(?i)\b(?:about|almost|nearly|roughly|approximately|some|(?:just\s+)?(?:more|less|fewer)\s+than"
    r"|no\s+(?:more|less)\s+than|up\s+to|at\s+least|at\s+most|just|only|around)\s+$"
)
_MEASURED = ("duration", "offset", "clock")


def with_modifiers(text: str, mentions: list) -> list:
    """``mentions`` with a modifier just before a duration, a measured offset ("two years
    ago") or a clock time taken into its span, when it does not reach into the previous
    mention."""
    out: list = []
    for mention in mentions:
        kind = mention.spec.get("kind")
        if mention.type == "DURATION" or (kind in _MEASURED and mention.spec.get("duration") or kind == "clock"):
            before = _MODIFIER.search(text, max(0, mention.start - 30), mention.start)
            if before and (not out or out[-1].end <= before.start()):
                mention = replace(mention, start=before.start())
        out.append(mention)
    return out
