"""Correcting the recogniser: gazetteer hits, label rules, one label per string per
document, and mentions of known names the recogniser missed elsewhere in the document."""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from newsgraph.pipeline.bounded import WORDS
from newsgraph.pipeline.components.entities.context import _LIST_ANCHOR_POPULATION, _populated_place
from newsgraph.pipeline.components.entities.gazetteer import Gazetteer, Hit, person_titles
from newsgraph.pipeline.components.entities.mentions import (
    ACRONYM_SKIP,
    EVERYDAY_ZIPF,
    TITLE_ABBREVIATION,
    Mention,
    Tokens,
    all_given_names,
    any_given_name,
    common_given_names,
    group_shaped,
    initials,
    is_junk,
    may_be_person,
    opens_sentence,
    ordinary,
    surname_ranks,
)
from newsgraph.resources import entries, table, words

# Last words that settle a label whatever the recogniser said.
_LOC_HEADS = words("lexicons/entities/loc_heads.txt")
_ORG_HEADS = words("lexicons/entities/org_heads.txt")
_FAC_HEADS = words("lexicons/entities/fac_heads.txt")
_EVENT_HEADS = words("lexicons/entities/event_heads.txt")
_LAW_HEADS = words("lexicons/entities/law_heads.txt")
_GAZ_WEIGHT = 100  # a gazetteer entry outvotes any number of model labels


def merge_gazetteer(
    mentions: list[Mention], hits: list[Hit], text: str, person_words: set[str], gaz: Gazetteer
) -> list[Mention]:
    """Merge gazetteer ``hits`` into the model's ``mentions``.

    A hit equal to a mention fixes its label (a country is GPE, "Kyiv" is not a PERSON);
    a hit inside a longer mention leaves it alone ("NATO Response Force"); a multi-word hit
    covering shorter mentions replaces them ("Black Sea" over "Black"); a hit overlapping
    nothing becomes a new mention when its entry allows it and it is capitalised.
    """
    out = list(mentions)
    exact = {(h.start, h.end) for h in hits}
    for m in mentions:
        # Datelines and headlines: "ROTTERDAM" is the city the gazetteer spells "Rotterdam".
        surface = text[m.start : m.end]
        if (m.start, m.end) not in exact and surface.isupper() and len(surface) > 3:
            entry = gaz.lookup_folded(surface)
            if entry is not None:
                _apply_entry(m, entry, text, person_words)
    for hit in hits:
        entry = hit.entry
        over = [m for m in out if m.start < hit.end and hit.start < m.end]
        if not over:
            if entry.add and text[hit.start].isupper() and not is_junk(text[hit.start : hit.end]):
                out.append(Mention(hit.start, hit.end, entry.label, "gazetteer", entry))
            continue
        same = [m for m in over if m.start == hit.start and m.end == hit.end]
        if same:
            _apply_entry(same[0], entry, text, person_words)
            continue
        inside = all(hit.start <= m.start and m.end <= hit.end for m in over)
        if inside and " " in text[hit.start : hit.end] and all(m.source == "model" for m in over):
            for m in over:
                out.remove(m)
            out.append(Mention(hit.start, hit.end, entry.label, "gazetteer", entry, over[0].shouting))
    return out


def _apply_entry(mention: Mention, entry, text: str, person_words: set[str]) -> None:
    """Give ``mention`` the entry's label unless the document says otherwise."""
    # A place name the model calls PERSON is a mistake unless the same word is part of a
    # person's full name in this document ("Jordan" after "Michael Jordan").
    if mention.label == "PERSON" and text[mention.start : mention.end] in person_words:
        return
    # ... or after a title or an honorific ("Mr Kennedy", "Lord Bingham").
    if mention.label == "PERSON" and _word_before(text, mention.start).lower() in person_titles():
        return
    # A city name the model calls ORG in running text is usually a sports club; in a
    # dateline or headline it is the city.
    if entry.kind == "city" and mention.label == "ORG" and not mention.shouting and not entry.capital:
        return
    if entry.kind == "org" and mention.label not in ("ORG", "PERSON", "GPE", "NORP"):
        return
    mention.label = entry.label
    if entry.kind == "city" and not entry.add:
        # A smaller city only settles the label: "Surrey" is a city in Canada and a county
        # in England, so which place it is stays for the places component to decide.
        mention.sure = True
        return
    mention.entry = entry


_LAST_WORD = re.compile(r"([\w.]+)[ \t]+$")


def _word_before(text: str, start: int) -> str:
    found = _LAST_WORD.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def fix_by_head(mentions: list[Mention], text: str) -> None:
    """Labels from the last word: "... Sea" is LOC, "... Ministry" is ORG, "... Marathon"
    an EVENT."""
    for m in mentions:
        if m.entry is not None or m.source != "model":
            continue
        words = text[m.start : m.end].split()
        if len(words) < 2:
            continue
        if words[-1] in _LOC_HEADS and m.label in ("GPE", "PERSON", "ORG", "NORP"):
            m.label = "LOC"
        elif words[-1] in _ORG_HEADS and m.label in ("GPE", "PERSON", "NORP", "LOC"):
            m.label = "ORG"
        elif words[-1] in _FAC_HEADS and m.label in ("GPE", "PERSON", "ORG", "NORP", "EVENT"):
            if m.label != "PERSON" or not (_surname_alone(words[-1], m, text) or _full_name(words)):
                m.label = "FAC"
        elif words[-1] in _EVENT_HEADS and m.label in ("GPE", "PERSON", "ORG", "NORP", "LOC", "FAC"):
            if _event_name(words):
                m.label = "EVENT"
        elif words[-1] in _LAW_HEADS and m.label != "LAW" and _law_name(words, m, text):
            m.label = "LAW"
        elif m.label in ("PERSON", "ORG") and _town_and_quarter(words):
            m.label = "GPE"


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_YEAR_AFTER = re.compile(r"\s+(?:1[89]|20)\d\d\b")


def _law_name(words: list[str], m: Mention, text: str) -> bool:
    """Whether a name ending in a law's word (``law_heads.txt``) is the law's: one of three
    words or more ("the Freedom of Information Act"), or of two after "the" or before a
    year ("the Hunting Bill", "Licensing Act 2003"; not "Kill Bill", "Sister Act")."""
    if len(words) >= 3:
        return True
    return _THE_BEFORE.search(text, max(0, m.start - 8), m.start) is not None or _YEAR_AFTER.match(text, m.end) is not None


# Words before "Games" that make sports games of it ("the Commonwealth Games"), besides a
# town's name ("the Athens Games"); other "... Games" are companies ("Rockstar Games").
_GAMES_WORDS = frozenset({"Olympic", "Commonwealth", "Paralympic", "Asian", "Winter", "Summer", "Indoor", "Youth", "Highland"})


def _event_name(words: list[str]) -> bool:
    """Whether a name ending in an event's word (``event_heads.txt``) is the event's: not
    when an organisation's word opens it ("Organisation of the Islamic Conference"; a
    sponsor's or a party's inside is the event's: "Norwich Union Grand Prix",
    "Conservative Party Conference") or the whole is a town ("Lees Summit", Missouri);
    "... Games" only after a sports word or a town of 10,000 people or more ("the Athens
    Games"; not "Rockstar Games", "Mind Games")."""
    if words[0] in _ORG_HEADS or _populated_place(" ".join(words)) >= 0:
        return False
    if words[-1] != "Games":
        return True
    return words[-2] in _GAMES_WORDS or _populated_place(" ".join(words[:-1])) >= _LIST_ANCHOR_POPULATION


# "Bolton West", "Leeds North West", "Dorset West": a British or Irish town or county and a
# point of the compass name a constituency or district (OntoNotes: GPE), not a person or an
# organisation. (Other countries do not name districts so in English news; "Kanye West"
# would be a town in Botswana.)
_QUARTERS = frozenset({"North", "South", "East", "West", "Central"})


def _town_and_quarter(words: list[str]) -> bool:
    """The words are a British or Irish town or county and one or two compass words after
    it; not a given name before a surname ("Michael East")."""
    k = len(words)
    while k > 1 and words[k - 1] in _QUARTERS and len(words) - k < 2:
        k -= 1
    if k == len(words) or k > 2 or words[0].lower() in all_given_names():
        return False
    return _town(" ".join(words[:k]), divisions=True)


def _full_name(words: list[str]) -> bool:
    """A given name, a middle name and a surname that is a facility's word: "Thomas Haden
    Church" (a building is rarely named after a person's three names and its kind)."""
    return len(words) == 3 and words[0].lower() in all_given_names() and words[1][:1].isupper()


_CLUB_HEADS = words("lexicons/entities/club_heads.txt")
_CLUB_PREFIXES = words("lexicons/entities/club_prefixes.txt")
# The British Isles, where a town's name before one of those words is a club's.
_CLUB_COUNTRIES = ("GB", "IE")


def fix_clubs(mentions: list[Mention], text: str) -> None:
    """"Manchester City", "Ipswich Town", "Derby County", "Sale Sharks": a British or Irish
    town's name and a club word is a sports club (ORG), not the town, whatever the
    recogniser said (it reads most of them as places or people). A name GeoNames itself
    gives a place ("Mexico City", "Kansas City", a village called "X Town") stays a place.
    So is a name opening with a club's first word ("Real Madrid", "Dynamo Kiev"), and its
    short forms in the same document ("Real", "Sociedad"; not "Madrid", a place)."""
    short: set[str] = set()  # "Real" and "Sociedad" for "Real Sociedad"
    for m in mentions:
        words = m.text(text).split()
        if len(words) >= 2 and words[0].lower() in _CLUB_PREFIXES and m.label in ("PERSON", "GPE", "LOC", "ORG"):
            if words[1][:1].isupper() and (m.entry is None or m.entry.kind == "city"):
                m.label, m.sure, m.entry = "ORG", True, None  # "Real Madrid", "Inter Milan"
                short.add(words[0])
                if _populated_place(" ".join(words[1:])) < _LIST_ANCHOR_POPULATION:  # "Madrid" is a city
                    short.add(" ".join(words[1:]))
            continue
        if len(words) < 2 or words[-1].lower() not in _CLUB_HEADS or m.label == "ORG":
            continue
        if m.entry is not None and m.entry.kind != "city":
            continue
        if not _NOT_CLUB_AFTER.match(text, m.end) and _club_name(" ".join(words[:-1]), m.text(text)):
            m.label, m.sure, m.entry = "ORG", True, None
    for m in mentions:
        if m.entry is None and m.label in ("PERSON", "GPE", "LOC", "NORP") and m.text(text) in short:
            m.label, m.sure = "ORG", True


_CLUB_NAME = re.compile(
    r"\b(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?) (?P<head>%s)\b"
    % "|".join(sorted((h.title() for h in _CLUB_HEADS), key=len, reverse=True))
)
# "Leicester City centre", "Hull City Council": the town itself.
_NOT_CLUB_AFTER = re.compile(r" (?i:cent(?:re|er)|council|hall)\b")


def add_clubs(mentions: list[Mention], text: str) -> list[Mention]:
    """Clubs the recogniser missed ("beat Leicester City 2-1"): a town's name and a club
    word (as ``fix_clubs`` reads them) that no mention overlaps become ORG mentions."""
    added = []
    for found in _CLUB_NAME.finditer(text):
        start, end = found.span()
        if any(m.start < end and start < m.end for m in mentions) or _NOT_CLUB_AFTER.match(text, end):
            continue
        if _club_name(found["town"], found.group()):
            added.append(Mention(start, end, "ORG", "rule", sure=True))
    return mentions + added if added else mentions


@lru_cache(maxsize=4096)
def _club_name(town: str, name: str) -> bool:
    from newsgraph.resources.geonames import gazetteer as places

    gaz = places()
    if any(p.name == name for p in gaz.lookup(name)):
        return False
    return any(p.country in _CLUB_COUNTRIES for p in gaz.lookup(town))


def _surname_alone(word: str, m: Mention, text: str) -> bool:
    """Whether the document writes ``word`` alone as a name elsewhere ("Church, who
    plays ...", "With Bridge out"): then "Thomas Haden Church" and "Wayne Bridge" are the
    people the recogniser said, not a church and a bridge. A facility's last word is not
    written so ("at the Bridge" has its article; "Stamford Bridge" has its first word; a
    sentence's first word is a common one: "With Bridge out")."""
    for found in re.finditer(r"\b%s\b" % re.escape(word), text):
        if m.start <= found.start() < m.end:
            continue
        before = text[max(0, found.start() - 20) : found.start()].split()
        if not before:
            return True
        previous = before[-1].lower()
        if previous != "the" and (not before[-1][:1].isupper() or _common(previous)):
            return True
    return False


_NUMBER = re.compile(r"^\d+$")
_NUMERIC = re.compile(r"^[\d.,:/-]*\d[\d.,:/-]*$")
_MEASURE_AFTER = re.compile(r"(?:years?|months?|weeks?|days?|hours?|minutes?|m|km|kg|ft|per|%)$")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "into", "near", "since", "until"})


_DATELINE_NEXT = re.compile(
    r"(?:[ \t]*,[ \t]*(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*)?))?[ \t]+(\d{4}-\d\d-\d\d\b|—|–|--|\(\w+\) -)"
)


def fix_teams(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """In results and standings lines ("Karlsruhe 3 Nice 1", "NEW YORK 74 58 .561"), a
    city or region followed by a score is a sports team: ORG. Countries stay GPE. A place
    opening a dateline ("NEW YORK 1996-08-30", "BRUSSELS —") is settled as GPE."""
    for m in mentions:
        nxt = toks.by_end.get(m.end)
        if nxt is None or nxt + 1 >= len(toks):
            continue
        if m.start == 0 or text[m.start - 1] == "\n":
            dateline = _DATELINE_NEXT.match(text, m.end)
            if dateline:  # "LONGYEAR , Norway 1996-08-30": both are places
                m.label, m.sure = "GPE", True
                _settle_region(mentions, dateline.start("region"), dateline.end("region"))
                continue
        if m.label not in ("GPE", "LOC") or (m.entry is not None and m.entry.kind in ("country", "loc")):
            continue
        if not _NUMBER.match(toks.words[nxt + 1]):
            continue
        # No score: a measure ("Sydney 200m champion", "London 13 years ago") or a place
        # after a preposition ("arriving in London 13 years ago", "back to Vienna 2003").
        if nxt + 2 < len(toks) and _MEASURE_AFTER.match(toks.lower[nxt + 2]):
            continue
        first = toks.by_start.get(m.start)
        if first and toks.lower[first - 1] in _PLACE_PREPOSITIONS:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = toks.covering(line_start, line_end if line_end >= 0 else len(text))
        if sum(bool(_NUMERIC.match(toks.words[i])) for i in line) >= 2:
            m.label, m.sure = "ORG", True


def _settle_region(mentions: list[Mention], start: int, end: int) -> None:
    for other in mentions:
        if start >= 0 and other.start == start and other.end == end and other.entry is None:
            other.label, other.sure = "GPE", True


# Capitals prove nothing at a sentence or line opening or in an upper-case line: there a
# word this frequent in English ("Sales", "Match", "SCHEDULE") is taken for a common word
# unless the document writes it as a name elsewhere. Chosen on the held-out tenth of
# CoNLL eng.train (training/ dev), not on eng.testa; see docs/ner.md.
_OPENING_ZIPF = 4.3
# Surnames are frequent words too ("Howard", "Brown", "Ford"): a lone word read as a person
# goes only when it is very common ("Match", "Sales").
_OPENING_ZIPF_PERSON = 4.9
# Every word of a multi-word mention in an upper-case line at least this frequent
# ("LATEST ACTUAL", "EXERCISE PERIOD"): a table heading, not a name.
_SHOUTING_ZIPF = 4.3
# After a colon a capital is as often a name in a list ("Subs: Howard, Smith") as a
# sentence's first word ("At Cardiff: Match drawn"); only very common words go.
_COLON_ZIPF = 4.8


def drop_common_words(mentions: list[Mention], toks: Tokens, text: str, gaz: Gazetteer) -> list[Mention]:
    """Drop mentions whose capitals prove nothing: one-word mentions that are frequent
    English words at a sentence or line opening or in an upper-case line ("Men", "Sales",
    "SCHEDULE"), upper-case mentions made only of frequent words ("LATEST ACTUAL"), and
    line labels ("Attendance:", "Sales 26.0 vs 26.7"); and time zones after a clock time
    ("1200 GMT"), members' posts ("MPs", "MEP") and abbreviations of common nouns ("DVD",
    "GDP"), wherever they stand. A gazetteer entry (any place,
    organisation or country, in any case), a part of a
    person's full name in the document ("May" after "Theresa May"), or the same name
    written mid-sentence elsewhere in the document keeps the mention. Mid-sentence,
    "Nice" or "Real" stay names."""
    names = {w for m in mentions if m.label == "PERSON" for w in m.text(text).split()[1:]}
    openings = {id(m): opening(m, toks, text) for m in mentions}
    confirmed = {norm_key(m.text(text)) for m in mentions if not openings[id(m)] and not m.shouting}
    lowered: set[str] | None = None  # read from the tokens when first needed (rarely)
    out = []
    for m in mentions:
        surface = m.text(text)
        if surface in _MEMBER_POSTS or _common_abbreviation(surface) or _time_zone(m, toks):
            continue
        known = m.entry is not None or m.sure or gaz.lookup_folded(surface) is not None or _major_place(surface)
        if known or surface in names or norm_key(surface) in confirmed:
            out.append(m)
            continue
        words = surface.split()
        if _common_plural(m, toks) or _unit_between_figures(m, toks) or _abbreviation_run(words):
            continue
        if len(words) == 1:
            threshold = _OPENING_ZIPF_PERSON if m.label == "PERSON" else _OPENING_ZIPF
            if openings[id(m)] and _zipf(surface.lower()) >= threshold or _line_label(m, text):
                continue
            if openings[id(m)]:
                lowered = _written_lower(toks) if lowered is None else lowered
                if surface.lower() in lowered and _zipf(surface.lower()) >= _LOWERED_ZIPF:
                    continue  # "Rice futures ..." where the story also writes "rice"
        elif m.shouting and all(_zipf(w.lower()) >= _SHOUTING_ZIPF for w in words):
            continue
        out.append(m)
    return out


_MEMBER_POSTS = frozenset(entries("lexicons/entities/member_posts.txt"))
_COMMON_ABBREVIATIONS = frozenset(entries("lexicons/entities/common_abbreviations.txt"))


def _common_abbreviation(surface: str) -> bool:
    """``surface`` is an abbreviation of a common noun or its plural ("DVD", "PCs", "GCSEs"):
    ``common_abbreviations.txt``."""
    return surface in _COMMON_ABBREVIATIONS or (surface[-1:] == "s" and surface[:-1] in _COMMON_ABBREVIATIONS)


# A place this populous (or a country or first-level division) of the same name keeps an
# upper-case or sentence-opening mention ("HOUSTON 68 59", "NEW YORK 1996-08-27").
_MAJOR_PLACE_POPULATION = 100_000


@lru_cache(maxsize=WORDS)  # keyed by the names met: capped (pipeline/bounded.py)
def _major_place(surface: str) -> bool:
    """Whether GeoNames knows a country, first-level division or large town of this name."""
    from newsgraph.resources.geonames import gazetteer as places

    return any(
        p.is_country or p.is_admin1 or p.population >= _MAJOR_PLACE_POPULATION for p in places().lookup(surface)
    )


# A capitalised opening word the same document also writes in lower case mid-sentence
# ("Rice futures closed higher" beside "CBOT rice") is that common word, when English
# uses it at least this often (rare words are kept: a surname can be a rare noun).
_LOWERED_ZIPF = 3.0


def _written_lower(toks: Tokens) -> set[str]:
    """Words the document writes in lower case somewhere other than a sentence start."""
    return {w for w, start in zip(toks.words, toks.sent_start) if not start and w.islower()}


_SHORT_CAPS = re.compile(r"^[A-Z$€£]{1,4}$")


def _unit_between_figures(m: Mention, toks: Tokens) -> bool:
    """An upper-case abbreviation right after a figure and before another figure or the end
    of its line ("96.00 PCT 1.16", "up 3 PCT"): a unit or currency in wire copy, not a name.
    ("50 GOP senators" keeps GOP: a word follows.)"""
    i = toks.by_start.get(m.start)
    if i is None or toks.ends[i] != m.end or not _SHORT_CAPS.match(toks.words[i]) or i == 0:
        return False
    if not _NUMERIC.match(toks.words[i - 1]):
        return False
    following = toks.words[i + 1] if i + 1 < len(toks) else "\n"
    return bool(_NUMERIC.match(following)) or following.strip() in ("", ".", ",", ";", ")")


# Time zones: part of a clock time ("1200 GMT", "9 a.m. EST"), never a name of their own.
_TIME_ZONES = frozenset(
    "GMT BST UTC EST EDT CST CDT MST MDT PST PDT CET CEST EET EEST WET IST JST KST AEST AEDT HKT SGT MSK".split()
)
_CLOCK = re.compile(r"^(?:\d{1,2}[:.]?\d{2}|\d{1,2}|[ap]\.?m\.?|noon|midnight)$", re.I)


def _time_zone(m: Mention, toks: Tokens) -> bool:
    """A time zone right after a clock time ("by 1200 GMT", "at 9 a.m. EST")."""
    i = toks.by_start.get(m.start)
    return (
        i is not None and i > 0 and toks.ends[i] == m.end and toks.words[i] in _TIME_ZONES
        and bool(_CLOCK.match(toks.words[i - 1]))
    )


def _abbreviation_run(words: list[str]) -> bool:
    """Three or more words of at most three characters ("W L PCT GB", a table's column
    heads): no name is written so."""
    return len(words) >= 3 and all(len(w) <= 3 for w in words)


def _common_plural(m: Mention, toks: Tokens) -> bool:
    """A one-word person or place tagged as a common plural noun ("MPs", "Diplomats",
    "Games"): a group of people or things, not a name. (Organisations and groups keep
    theirs: "Rangers", "Democrats".)"""
    i = toks.by_start.get(m.start)
    if i is None or toks.ends[i] != m.end or m.label not in ("PERSON", "GPE", "LOC"):
        return False
    return toks.tags[i] == "NNS" or (m.label == "PERSON" and toks.tags[i] == "NNPS")


def opening(m: Mention, toks: Tokens, text: str, marks: frozenset[str] = frozenset()) -> bool:
    """Whether ``m`` starts where any word is capitalised: an upper-case line, a line or
    sentence start, just after a colon ("At Cardiff: Match drawn"), or just after one of
    ``marks`` (the second opinion passes opening quotes and brackets: '"Imagine if ...', which
    the parser does not always start a sentence at; ``drop_common_words`` passes none, as
    there frequent names after a quote, "Microsoft", "David", would go too)."""
    first = toks.by_start.get(m.start)
    if m.shouting or _at_line_start(m, text) or (first is not None and toks.sent_start[first]):
        return True
    if marks and first is not None and first > 0 and toks.words[first - 1] in marks:
        return True
    return text[max(0, m.start - 2) : m.start].strip() == ":" and _zipf(m.text(text).lower()) >= _COLON_ZIPF


_LABEL_COLON = re.compile(r"[ \t]*:")


def _at_line_start(m: Mention, text: str) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip(" \t-•*")  # also after a bullet


def _line_label(m: Mention, text: str) -> bool:
    """A common English word opening a line and followed by a colon or a figure
    ("Attendance :", "Note:", "Sales 26.00 26.70"): a table or form label, not a name
    (place names there are kept by the gazetteer)."""
    if not _at_line_start(m, text):
        return False
    zipf = _zipf(m.text(text).lower())
    # Before a figure the word must be commoner: "Rangers 3 3 0" opens a league table.
    return bool(_LABEL_COLON.match(text, m.end)) and zipf >= 4.0 or bool(_LABEL_FIGURE.match(text, m.end)) and zipf >= 4.5


_LABEL_FIGURE = re.compile(r"[ \t]+[-+$€£(]?\d[\d.,]*(?:[ \t]|$)", re.M)


@lru_cache(maxsize=WORDS)  # keyed by the words met: capped (pipeline/bounded.py)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _surnames(mentions: list[Mention], text: str) -> set[str]:
    """The last words of the people this document names in full."""
    return {m.text(text).split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text(text)}


def people_surnames(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A lone word that is the surname of a person named in full in this document is that
    person (or family) here too: "Washington" after "MaliVai Washington" (and "El Guerrouj"
    after "Hicham El Guerrouj", a surname with its particle); so is a lone
    word read as a place that is the first name of one ("to Nigel" after "Nigel Melville"),
    unless a gazetteer knows the place or the word is written the way places are ("in X",
    "the X"). Not a word a rule settled as a group or a work ("indie band Kasabian", named
    after a Linda Kasabian)."""
    full = [m.text(text).split() for m in mentions if m.label == "PERSON" and " " in m.text(text)]
    surnames = {words[-1] for words in full}
    # A surname with its particle: "El Guerrouj" of "Hicham El Guerrouj", "Le Bon".
    surnames |= {" ".join(words[-2:]) for words in full if len(words) > 2 and words[-2].lower() in _SURNAME_PARTICLES}
    given = {words[0] for words in full if len(words[0]) > 2 and words[0].isalpha()}
    # A name a rule settled as something else ("indie band Kasabian") is not the surname
    # of the person it is named after ("Linda Kasabian").
    surnames -= {m.text(text) for m in mentions if m.sure and m.label != "PERSON"}
    for m in mentions:
        if m.entry is None and not m.sure and m.text(text) in surnames:
            m.label, m.sure = "PERSON", True
        elif m.entry is None and not m.sure and m.label in _PLACE_LABELS and m.text(text) in given:
            first = toks.by_start.get(m.start)
            if first is not None and (first == 0 or toks.lower[first - 1] not in _BEFORE_PLACES):
                m.label = "PERSON"  # "director Nigel Melville ... I've said to Nigel"; not sure:
                # the document's other readings of the word still vote (``harmonise``)


# Particles that open a surname ("El Guerrouj", "Le Bon", "Van Persie"): the name links
# other than the English words.
_SURNAME_PARTICLES = words("lexicons/entities/name_links.txt") - {"of", "the", "and", "for"}


def people_named_alone(mentions: list[Mention], toks: Tokens, text: str, listed: Callable[[str], object]) -> None:
    """A name read as an organisation that opens with a given name and ends in a word the
    recogniser reads alone as a person elsewhere in the document is that person: "Clive
    Woodward" beside "Woodward", "Nicola Sturgeon" beside "Sturgeon", "producer Mel Gibson"
    beside "Gibson" (a trade noun made it a company). Not a listed company
    (``companies.tsv``: "Morgan Stanley" beside a Mr Stanley), a name after "the" or after
    a company noun that names no trade ("building products group James Hardie"), one with
    a company's or a place's word after it, nor one whose first word is a frequent English
    word ("Man Utd", "Sun Interbrew")."""
    alone = {m.text(text) for m in mentions if m.label == "PERSON" and m.source == "model" and " " not in m.text(text)}
    if not alone:
        return
    for m in mentions:
        if m.label != "ORG" or m.entry is not None:
            continue
        words = m.text(text).split()
        if not 2 <= len(words) <= 3 or words[-1] not in alone:
            continue
        given = words[0].lower()
        if not any_given_name(given) or _common(given):
            continue
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or last is None or (first and toks.lower[first - 1] == "the"):
            continue
        if m.sure and not (first and toks.lower[first - 1] in _TRADE_NOUNS):
            continue
        if _org_word_after(toks, last):
            continue
        if not listed(m.text(text)):
            m.label, m.sure = "PERSON", True


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words before a place or an institution, never before a person's first name: "in Llanelli"
# after "Llanelli Grammar School", "the Yangtze" after "Yangtze Electric".
_BEFORE_PLACES = frozenset({"the", "in", "at", "near", "outside", "across", "throughout"})


def _people_or_orgs(mentions: list[Mention], toks: Tokens, labels: tuple[str, ...] = ("PERSON", "ORG")):
    """``(mention, first token, last token)`` of the person and organisation mentions (or
    of ``labels``) no gazetteer entry settled, on token boundaries."""
    for m in mentions:
        if m.label not in labels or m.entry is not None:
            continue
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is not None and last is not None:
            yield m, first, last


_ORG_CUE_NOUNS = words("lexicons/entities/org_cue_nouns.txt")
# The cue nouns that also name a person's trade ("producer", "publisher", "maker").
_TRADE_NOUNS = words("lexicons/entities/trade_nouns.txt")
_ORG_CUE_AFTER = words("lexicons/entities/org_cue_after.txt")
# "Chelsea winger Arjen Robben", "Sale fly-half Charlie Hodgson": a team's post or position
# between the name and a capitalised name.
_ROLES = "|".join(re.escape(r) for r in sorted(words("lexicons/entities/team_roles.txt"), key=len, reverse=True))
_TEAM_ROLE = re.compile(r"[ \t]+(?:%s)[ \t]+[A-Z]" % _ROLES)
# A person has a manager, a coach or a boss too ("Johnny Cash manager Saul Holiff"); a
# name of several words before one of those is left as the recogniser read it.
_PERSONAL_STAFF = frozenset({"manager", "coach", "boss"})
_TEAM_POSITION = re.compile(
    r"[ \t]+(?:%s)[ \t]+[A-Z]"
    % "|".join(
        re.escape(r)
        for r in sorted(words("lexicons/entities/team_roles.txt") - _PERSONAL_STAFF, key=len, reverse=True)
    )
)
_TEAM_BEFORE_ROLE = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?=[ \t]+(?:%s)[ \t]+[A-Z])" % _ROLES)


def town_teams(mentions: list[Mention], text: str, *, add: bool) -> list[Mention]:
    """A town's name before a team's post and a name ("Sale fly-half Charlie Hodgson",
    "Leicester coach John Wells") is the town's club: ORG. The recogniser reads it as the
    town or misses it. With ``add``, the names it missed become mentions (before the
    document's other mentions of the name follow them); without, those it read as the town
    are relabelled, after the one-label-per-string vote, so that only this mention changes
    (the story may name the town too). A country or province stays GPE ("Wales coach Mike
    Ruddock": a national side)."""
    at = {(m.start, m.end): m for m in mentions}
    added = []
    for found in _TEAM_BEFORE_ROLE.finditer(text):
        start, end = found.span()
        m = at.get((start, end))
        if m is not None:
            if not add and m.label in ("GPE", "LOC") and m.entry is None and _town(found.group()):
                m.label = "ORG"
        elif add and not any(o.start < end and start < o.end for o in mentions) and _town(found.group()):
            added.append(Mention(start, end, "ORG", "rule"))
    return mentions + added if added else mentions


@lru_cache(maxsize=4096)
def _town(name: str, divisions: bool = False) -> bool:
    """A British or Irish town of that name, and no country or province anywhere by it. With
    ``divisions`` (for constituencies), a British or Irish county or council area counts
    too, and a province elsewhere does not matter ("Manchester" is also a Jamaican parish)."""
    from newsgraph.resources.geonames import gazetteer as places

    found = places().lookup(name)
    if not divisions and any(p.is_country or p.is_admin1 for p in found):
        return False
    return any(
        p.country in _CLUB_COUNTRIES and (p.population >= _TOWN_POPULATION or divisions and p.is_admin2) for p in found
    )


# A team's home is a town, not a hamlet: "Former" or "Star" may be a hamlet somewhere.
_TOWN_POPULATION = 5_000


# A word of a person's name as news writes it: "Jones", "O'Neill", "McDonald", "Smith-Jones".
_NAME_WORD = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_HEADS = _LOC_HEADS | _ORG_HEADS | _FAC_HEADS | _EVENT_HEADS | words("lexicons/entities/not_surnames.txt")


def person_shaped(words: list[str]) -> bool:
    """Two words written as a person's name, a given name then a surname ("Marion Jones",
    "Kevin Wallace", "Cyril Saulnier"). The given name is one of the Census list's commonest
    (``COMMON_GIVEN_NAME_RANK``) or any Census given name that is no ordinary English word
    ("Cyril"; not "Crystal", "Joy", "Christian"). The second word ends no place's, body's,
    building's or event's name (``*_heads.txt``, ``not_surnames.txt``: not "Victoria Park",
    "Joy Division", "Lee Hall", "Beverly Hills") and is a Census surname or no ordinary
    word ("Saulnier"; not "Maria Full"). A second word that is no Census surname must not
    be a town's name (a club: "Gloria Bistrita"), nor the whole a town's ("Milton Keynes").
    A Census surname is not asked about: GeoNames lists "Robert Williams" and "Tom Green" (a
    Texas county) among its places; it is after a given name of the world lists only."""
    if len(words) != 2 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    given, family = words[0].lower(), words[1]
    rare_given = any_given_name(given) and not ordinary(given)
    # A given name of the world lists that is rarer than everyday English ("Gareth",
    # "Lionel", "Percy") and no town of 20,000 ("Aston Villa", "Bristol West", "Phoenix
    # Torrents"), before a Census surname, the whole no town's ("Santa Maria").
    world_given = (
        any_given_name(given)
        and not ordinary(given, EVERYDAY_ZIPF)
        and given not in _NO_GIVEN_NAME
        and _populated_place(words[0]) < _GIVEN_NAME_TOWN
    )
    census_given = given in common_given_names() or rare_given
    if family in _HEADS or not (census_given or world_given):
        return False
    if family.lower() in surname_ranks():
        return census_given or _populated_place(" ".join(words)) < 0
    if not census_given and family.lower().endswith("s") and ordinary(family[:-1]):
        return False  # a plural of an English word ends a company's name: "Daniels Pharmaceuticals"
    rare = not ordinary(family)
    return rare and _populated_place(family) < 0 and _populated_place(" ".join(words)) < 0


# A world given name that names a town this big opens a club's or a seat's name as often
# ("Aston Villa", "Bristol West").
_GIVEN_NAME_TOWN = 20_000
# Articles of other languages and "Saint", which the world lists also hold as given names
# and which open the names of papers, works and places ("Les Echos", "Les Sylphides",
# "Saint Therese").
_NO_GIVEN_NAME = words("lexicons/entities/name_links.txt") | {
    "les", "las", "los", "des", "het", "il", "lo", "gli", "saint", "santa", "san", "sao",
}
# The head words written in lower case after a name: "Ben Gurion airport", "Victoria park".
_LOWER_HEADS = frozenset(h.lower() for h in _HEADS)
# Labels the recogniser gives people it does not know ("Marion Jones" ORG, "Mike Lake"
# LOC, "Samantha Stosur" GPE, "Andre Agassi" FAC).
_NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "FAC"})


def people_by_name_shape(mentions: list[Mention], toks: Tokens, text: str, listed: Callable[[str], object]) -> None:
    """A name the recogniser read as an organisation, a place or a building that is written
    as a person's (``person_shaped``) is a person: the fine-tuned recogniser reads given
    names and surnames it never saw in CoNLL-2003 as organisations ("Marion Jones has
    filed", "will play Cyril Saulnier", "Vincent Cable, for the Liberal Democrats"). Not a
    name a gazetteer or a rule settled, a listed company ("Charles Schwab", ``companies.tsv``),
    a name after "the" ("the Beverly Hillbillies"), one with a company's words after it
    ("Adam Opel AG") or a place's or a building's noun ("Ben Gurion airport"). A company
    noun before it still makes it an organisation (``org_cues`` runs after this:
    "literary agency Curtis Brown"). ``listed(name)`` is truthy for a listed company
    (``companies.company_kind``, passed in: that module imports this one)."""
    for m in mentions:
        if m.label not in _NOT_PEOPLE or m.source != "model" or m.entry is not None or m.sure:
            continue
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or last is None or not person_shaped(toks.words[first : last + 1]):
            continue
        if first and toks.lower[first - 1] == "the":
            continue
        if _org_word_after(toks, last):
            continue  # "Adam Opel AG", "Ben Gurion airport"
        if not listed(m.text(text)):
            m.label = "PERSON"


def _org_word_after(toks: Tokens, last: int) -> bool:
    """A company's word (``org_cue_after.txt``: "AG", "Group") or a place's or building's
    noun in lower case ("airport") right after token ``last``."""
    after = toks.lower[last + 1 : last + 3]
    return bool(after[:1]) and (after[0] in _ORG_CUE_AFTER or after[0] in _LOWER_HEADS) or " ".join(after) in _ORG_CUE_AFTER


# Capitals of an abbreviation: "IAAF", "RNIB", "WEEE" (not "UK": two letters may be a place's).
_CAPITALS = re.compile(r"[A-Z][A-Z&]{2,6}")


def abbreviations_as_places(mentions: list[Mention], text: str) -> None:
    """An abbreviation in capitals that the recogniser read as a place and that no
    gazetteer knows is an organisation ("the IAAF", "RICS added", "the RNIB"). Not a word
    of ordinary English (a headline in capitals: "HEAD TO HEAD", "WWII"), nor a place
    GeoNames knows ("SPRINGFIELD" heading a dateline). Names read as a person's are left
    alone: in headlines in capitals they are people as often ("KEANE", "JONK" in CoNLL's
    check set)."""
    for m in mentions:
        if m.label not in ("GPE", "LOC") or m.entry is not None or m.sure:
            continue
        surface = m.text(text)
        if _CAPITALS.fullmatch(surface) and not ordinary(surface) and _populated_place(surface) < 0:
            m.label = "ORG"


def _named_like_a_person(words: list[str]) -> bool:
    """A name of several words that opens with an initial ("S Hussain Zaidi") or ends with
    a Census surname ("Dizzy Gillespie")."""
    return len(words) > 1 and (len(words[0].rstrip(".")) == 1 or words[-1].lower() in surname_ranks())


def things_before_which(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A name read as a person that a relative clause opened by "which" describes ("Varig,
    which operates in 18 countries", "Euronext, which combines the Paris, Amsterdam and
    Lisbon exchanges") is no person: English takes "who" for people. It becomes an ORG
    (the commonest such name in news; a work or a place is as wrong either way). Only when
    the parser hangs the clause on the name itself, and not for a name that opens with a
    given name or an initial or ends with a Census surname ("June Carter Cash, which was
    about" is her song; "a trumpet which belonged to Dizzy Gillespie, which is expected to
    fetch", where the parser hangs the clause on the owner). Every person-labelled mention
    of the name follows."""
    sdoc, things = toks.sdoc, set()
    for m in mentions:
        if m.label not in ("PERSON", "NORP") or m.entry is not None or m.sure:
            continue
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or last is None or last + 2 >= len(toks):
            continue
        if toks.words[last + 1] != "," or toks.lower[last + 2] != "which":
            continue
        if toks.lower[first] in all_given_names() or _named_like_a_person(toks.words[first : last + 1]):
            continue
        if m.label == "NORP" and group_shaped(m.text(text)):
            continue
        clause = sdoc[last + 2].head
        if clause.dep_ == "relcl" and first <= clause.head.i <= last:
            things.add(norm_key(m.text(text)))
    for m in mentions:
        if m.label in ("PERSON", "NORP") and m.entry is None and not m.sure and norm_key(m.text(text)) in things:
            m.label, m.sure = "ORG", True


def org_cues(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A name the recogniser read as a person is an organisation when the document writes
    it the way companies are written: a company noun just before it ("export bank
    Bancomext", "consulting firm Towers Perrin") or a company's words after it
    ("Faulding and its unit", "Auchan Plc"), or in apposition to a company noun ("Varig,
    Brazil's flagship airline"; ``_company_appositive``), or the way teams are ("Chelsea
    winger Arjen Robben"), whatever that one mention was labelled. A noun that also names a
    person's trade (``trade_nouns.txt``: "producer Kevin Wallace") cues no name written as a
    person's (``person_shaped``).
    Every person-labelled mention of that string follows, unless
    it is the surname of a person the document names in full; so do the place-labelled ones
    of a name the gazetteer does not hold, in apposition to a company noun or right after
    one ("blog analysis firm Technorati"), that GeoNames knows no town by. A name read
    as a nationality or group (NORP, no gazetteer entry, not shaped like a people's name:
    ``group_shaped``) follows a company noun only ("the clearing firm Clearstream")."""
    cued: set[str] = set()
    groups: set[str] = set()  # NORP names a company noun cues
    for m in mentions:
        if m.label in ("GPE", "LOC") and m.entry is None and (
            _company_appositive(m, toks)
            or _company_noun_before(toks.by_start.get(m.start), toks, trades=False)
            or _company_words_around(toks, toks.by_start.get(m.start), toks.by_end.get(m.end))
        ):
            cued.add(norm_key(m.text(text)))
    placed = {key for key in cued if _populated_place(key) < 0}
    for m, first, last in _people_or_orgs(mentions, toks, ("PERSON", "ORG", "NORP")):
        after = toks.lower[last + 1 : last + 3]
        if first > 0 and toks.lower[first - 1] in _TRADE_NOUNS and person_shaped(toks.words[first : last + 1]):
            continue  # "producer Kevin Wallace", "games maker Peter Molyneux"
        if m.label == "NORP":
            # A group only by a company noun ("the clearing firm Clearstream"), and never
            # a people's or a faith's name: "Germans were out of work" is no team.
            if not group_shaped(m.text(text)) and (
                _company_appositive(m, toks) or first > 0 and toks.lower[first - 1] in _ORG_CUE_NOUNS
            ):
                groups.add(norm_key(m.text(text)))
            continue
        if (
            _company_appositive(m, toks)
            or _company_noun_before(first, toks)
            or after[:1] and after[0] in _ORG_CUE_AFTER
            or " ".join(after) in _ORG_CUE_AFTER
            or (_TEAM_POSITION if " " in m.text(text) else _TEAM_ROLE).match(text, m.end)
            or first == last and _collective(m, first, last, toks, mentions, text)
        ):
            cued.add(norm_key(m.text(text)))
    cued |= _collective_elsewhere(mentions, toks, text)
    if not cued and not groups:
        return
    surnames = {norm_key(m.text(text).split()[-1]) for m in mentions if m.label == "PERSON" and " " in m.text(text)}
    wanted = cued | groups
    for m in mentions:
        key = norm_key(m.text(text))
        if m.entry is not None or key not in wanted:
            continue
        if (
            m.label == "PERSON" and key not in surnames
            or m.label in ("GPE", "LOC") and key in placed
            or m.label == "NORP" and key in groups
        ):
            m.label, m.sure = "ORG", True


# Words after a name that write it as a company's and never as a place's: its shares, its
# staff and officers, its legal form ("Electrolux chief executive Hans Straberg", "shares
# in Jet"; ``company_cue_after.txt`` and ``org_cue_after.txt`` without the verbs and "'s
# new", which follow towns too: "London said", "London's new mayor"). For names GeoNames
# knows no town by.
_COMPANY_WORDS_AFTER = (words("lexicons/entities/company_cue_after.txt") | _ORG_CUE_AFTER) - frozenset(
    "said says say announced announces reported reports posted unveiled launched recalled".split()
) - {"'s new", "'s latest"}


def _company_words_around(toks: Tokens, first: int | None, last: int | None) -> bool:
    """Whether one or two words of ``_COMPANY_WORDS_AFTER`` follow the name of tokens
    ``first``..``last``, or "shares in" stands before it."""
    if first is None or last is None:
        return False
    after = toks.lower[last + 1 : last + 3]
    if after and (after[0] in _COMPANY_WORDS_AFTER or " ".join(after) in _COMPANY_WORDS_AFTER):
        return True
    return first > 1 and toks.lower[first - 2 : first] == ["shares", "in"]


def _company_noun_before(first: int | None, toks: Tokens, trades: bool = True) -> bool:
    """Whether a company noun of one or two words stands right before token ``first``
    ("export bank Bancomext", "blog analysis firm Technorati", "Italian airline
    Alitalia"), or before "called" or "known as" before it ("a firm called Baikal", "a
    group known as Meibion Glyndwr"; not "named": "the company named Smith chairman");
    with ``trades`` false, not one that also names a trade ("producer")."""
    if first and toks.lower[first - 1] == "called":
        first -= 1
    elif first and first > 1 and toks.lower[first - 2 : first] == ["known", "as"]:
        first -= 2
    if not first:
        return False
    before = [toks.lower[first - 1]] + ([" ".join(toks.lower[first - 2 : first])] if first > 1 else [])
    return any(w in _ORG_CUE_NOUNS and (trades or w not in _TRADE_NOUNS) for w in before)


def _company_appositive(m: Mention, toks: Tokens) -> bool:
    """Whether a name stands in apposition to a company noun after it ("Varig, Brazil's
    flagship airline", "Sophos, the anti-virus firm"): the first ``appos`` the parser hangs
    on the name is a noun of ``org_cue_nouns.txt`` in a phrase that starts right after the
    comma. Not a noun with a name right after it (a list: "Annie Lennox, metal group
    Motorhead and ..."), nor after "the" ("The Markfield, Leicestershire-based company"),
    and a noun that also names a trade only after a name that opens with no given name
    ("Mindark, the game's developer"; not "Alison Howe, producer of ...")."""
    first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
    if first is None or last is None or last + 2 >= len(toks) or toks.words[last + 1] != ",":
        return False
    if first and toks.lower[first - 1] == "the":
        return False
    sdoc = toks.sdoc
    child = next((c for c in sdoc[first : last + 1].root.children if c.dep_ == "appos" and c.i > last), None)
    if child is None or child.lower_ not in _ORG_CUE_NOUNS or child.left_edge.i != last + 2:
        return False
    if child.i + 1 < len(toks) and toks.words[child.i + 1][:1].isupper():
        return False
    return child.lower_ not in _TRADE_NOUNS or toks.lower[first] not in all_given_names()


def _spelled_out_before(first: int, abbreviation: str, toks: Tokens, text: str) -> int | None:
    """The first token of the words right before token ``first`` (behind a bracket or a
    comma) whose initials spell ``abbreviation``: "the World Anti-Doping Agency (Wada)",
    "the Internet Corporation for Assigned Names and Numbers, Icann", "Voice over IP (Voip)"."""
    if first < 2 or toks.words[first - 1] not in ("(", ","):
        return None
    start = first - 2
    while start > 0 and first - start < 14:
        word = toks.words[start - 1]
        small = word.isalpha() and word.islower() and len(word) <= 4
        if not (word[:1].isupper() or word in ("-", "&") or small):
            break
        start -= 1
    end = toks.ends[first - 2]
    for k in range(start, first - 1):
        if toks.words[k][:1].isupper() and toks.lower[k] not in ACRONYM_SKIP:
            run = text[toks.starts[k] : end].split()
            if abbreviation.upper() in (initials(run, whole_capitals=True), initials(run, frozenset(), whole_capitals=True)):
                return k
    return None


def spelled_out_abbreviations(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """A name in title case that abbreviates the words right before one of its occurrences
    ("the World Anti-Doping Agency (Wada)") takes their type, for all its mentions
    (``sure``, over a town's gazetteer entry): ORG when they end in an organisation's head
    word ("Agency", "Association"; ``org_heads.txt``), else the type of the mention those
    words are. When they are neither, the abbreviation of a phrase that is no name ("Voice
    over IP (Voip)") is no person either: its PERSON mentions are dropped. The occurrence
    that spells it out need not be a mention itself (the recogniser often skips "(Voip)")."""
    candidates = [
        m
        for m in mentions
        if not m.sure
        and (m.entry is None or m.entry.kind == "city")  # a town's entry yields ("Wada", a town in India)
        and TITLE_ABBREVIATION.fullmatch(m.text(text))
    ]
    if not candidates:
        return mentions
    wanted = {m.text(text) for m in candidates}
    bracketed: dict[str, list[int]] = defaultdict(list)  # a candidate -> its tokens after "(" or ","
    for i in range(1, len(toks)):
        if toks.words[i] in wanted and toks.words[i - 1] in ("(", ","):
            bracketed[toks.words[i]].append(i)
    by_span = {(m.start, m.end): m for m in mentions}
    decided: dict[str, str] = {}
    for m in candidates:
        surface = m.text(text)
        key = norm_key(surface)
        if key in decided:
            continue
        for first in bracketed.get(surface, ()):
            start = _spelled_out_before(first, surface, toks, text)
            if start is None:
                continue
            expansion = by_span.get((toks.starts[start], toks.ends[first - 2]))
            if toks.words[first - 2] in _ORG_HEADS:
                decided[key] = "ORG"
            elif expansion is not None and expansion.label != "PERSON":
                decided[key] = expansion.label
            elif m.label == "PERSON":
                decided[key] = ""
            break
    if not decided:
        return mentions
    kept = []
    for m in mentions:
        label = decided.get(norm_key(m.text(text)))
        if label is None or (m.entry is not None and m.entry.kind != "city"):
            kept.append(m)
        elif label:
            m.label, m.entry, m.sure = label, None, True
            kept.append(m)
        elif m.label != "PERSON":
            kept.append(m)
    return kept


# A plural verb after a one-word name: British English agrees a team, a band or a
# company so ("Chelsea are", "Norwich have signed"); a person takes the singular. (Also
# read by ``groups_by_plural_verb``.)
_PLURAL_VERBS = frozenset({"are", "were", "have", "'re", "’re", "'ve", "’ve"})


def _collective(m: Mention, first: int, last: int, toks: Tokens, mentions: list[Mention], text: str) -> bool:
    """Whether a one-word name is written the way a team or a group is: the only subject
    of a plural verb right after it ("Gloucester have", not "Blair and Brown are" nor "the
    people of Engerwitzdorf are"), or, for a British or Irish town's name, a possessive
    before a person's full name ("Chelsea's John Terry")."""
    if last + 1 >= len(toks):
        return False
    nxt = toks.lower[last + 1]
    if nxt in _PLURAL_VERBS:
        token = toks.sdoc[first]
        if any(c.dep_ == "conj" for c in token.children):
            return False
        # A name opening a line is its sentence's subject, whatever the parser made of a
        # headline run into the first paragraph.
        return token.dep_ in ("nsubj", "nsubjpass") or m.start == 0 or text[m.start - 1] == "\n"
    if nxt in ("'s", "’s") and last + 2 < len(toks):
        owned = next((o for o in mentions if o.start == toks.starts[last + 2]), None)
        return owned is not None and owned.label == "PERSON" and " " in owned.text(text) and _town(m.text(text))
    return False


def _collective_elsewhere(mentions: list[Mention], toks: Tokens, text: str) -> set[str]:
    """The one-word "people" written as a team or a group where the recogniser did not tag
    them: "Sale host Bath ... Bath have just been knocked out" (the second "Bath" untagged,
    then labelled a person by ``propagate``)."""
    lone = {}
    for m, first, last in _people_or_orgs(mentions, toks):
        if m.label == "PERSON" and first == last:
            lone.setdefault(toks.lower[first], m)
    if not lone:
        return set()
    tagged = {i for m in mentions for i in toks.covering(m.start, m.end)}
    found = set()
    for i, word in enumerate(toks.lower):
        m = lone.get(word)
        if m is not None and i not in tagged and toks.words[i] == m.text(text):
            untagged = Mention(toks.starts[i], toks.ends[i], "PERSON", "propagated")
            if _collective(untagged, i, i, toks, mentions, text):
                found.add(norm_key(toks.words[i]))
    return found


_NAMED_THINGS = {word: tuple(rule.split()) for word, rule in table("lexicons/entities/named_things.tsv").items()}


def fix_named_things(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """Storms, craft and works read as people or organisations (works also as places):
    "Storm Ciara" and
    "Hurricane Ida" are EVENTs, "the Perseverance rover" a PRODUCT, "the film Vera Drake"
    a WORK_OF_ART (OntoNotes' labels for them)."""
    for m, first, last in _people_or_orgs(mentions, toks):
        opening = _NAMED_THINGS.get(toks.lower[first], ())
        before = _NAMED_THINGS.get(toks.lower[_word_before_title(toks, first)], ()) if first else ()
        if first < last and opening[:1] == ("before",):
            m.label, m.sure = opening[1], True
            continue
        if before[:1] in (("before",), ("ahead",)):
            m.label, m.sure = before[1], True
            continue
        after = _NAMED_THINGS.get(toks.lower[last + 1], ()) if last + 1 < len(toks) else ()
        if after[:1] == ("after",) and first and toks.lower[first - 1] == "the":
            m.label, m.sure = after[1], True
    # A work read as a place ("road trip comedy Sideways", "the musical Brigadoon"), a band
    # read as a nationality ("indie band Kasabian"); a place a gazetteer knows keeps its
    # label ("the film Chicago" is rare beside the city).
    for m in mentions:
        if m.label in ("GPE", "LOC", "FAC", "NORP") and m.entry is None:
            first = toks.by_start.get(m.start)
            before = _NAMED_THINGS.get(toks.lower[_word_before_title(toks, first)], ()) if first else ()
            if before[:1] == ("ahead",):
                m.label, m.sure = before[1], True


def works_after_kinds(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """Titles read as people or groups after the noun that names their kind, where the
    word cannot be a verb or the list can only be of titles: right after a singular kind
    ("the country hit Ring of Fire", "sci-fi series Firefly"); after a plural one and
    "such as", "including", "like", a comma or a dash ("films such as Minority Report",
    "two singles, Club Foot and LSF"); after a singular one and a comma when the title
    closes there ("her first novel, Runaway Zero-Eight,"). The kinds with other senses
    ("hit", "show", "play", "track") count only where the parse reads them as nouns. The
    names listed after a title follow it ("two hits - Processed Beats and Cutt Off"), and a
    sequel's number joins it ("hits like Spiderman 2"). After a comma or a dash a name
    opening on a given name stays a person ("in the film, Paul Rusesabagina, a hotel
    manager, ...")."""
    settled: set[int] = set()
    for m, first, last in _people_or_orgs(mentions, toks):
        if m.sure or id(m) in settled:
            continue
        if _after_work_kind(toks, first, last) and not (
            _listed(toks, _word_before_title(toks, first)) and _given_name_first(m.text(text))
        ):
            m.label, m.sure = "WORK_OF_ART", True
            settled.update(id(t) for t in _listed_after(mentions, toks, m, text))
    for m in mentions:
        if id(m) in settled:
            m.label, m.sure = "WORK_OF_ART", True
        if m.label == "WORK_OF_ART" and m.sure and (sequel := _SEQUEL.match(text, m.end)):
            m.end = sequel.end()  # "hits like Spiderman 2 and The Grudge"


def _after_work_kind(toks: Tokens, first: int, last: int) -> bool:
    """True when the name at tokens ``[first, last]`` is a title by the kind noun before it
    (``works_after_kinds``). Not a possessor ("shows such as Channel 4's gameshow"), nor a
    person the subject of a clause on the noun ("like every track Robbie has released")."""
    j = _word_before_title(toks, first)
    if j < 1 or (last + 1 < len(toks) and toks.words[last + 1] in _POSSESSIVE_MARKS):
        return False
    # The word tests first: they rule out nearly every name without reading the parse.
    kind_before = _work_kind(toks, j, plural=False) or (
        j >= 2 and toks.lower[j] == "as" and toks.lower[j - 1] == "such" and _work_kind(toks, j - 2, plural=True)
    )
    listed = _listed(toks, j)
    plural_list = listed and _work_kind(toks, j - 1, plural=True)
    apposed = listed and toks.words[j] == "," and _work_kind(toks, j - 1, plural=False)
    if not (kind_before or plural_list or apposed):
        return False
    root = toks.sdoc[first : last + 1].root
    relative = root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "relcl"
    if relative and _given_name_first(toks.words[first]):
        return False
    if kind_before or plural_list:
        return True
    # "her first novel, Runaway Zero-Eight, ...": in apposition to the noun, not to another
    # one the parse hangs it on ("the director of the film, Vinod Pande, says").
    closes = last + 1 >= len(toks) or toks.words[last + 1] in (",", ".", ")", ";")
    return closes and not (root.head.i not in (j - 1, root.i) and root.head.pos_ in ("NOUN", "PROPN"))


_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def _listed(toks: Tokens, j: int) -> bool:
    """True when token ``j`` opens a list or an apposition: a comma, a dash, a colon,
    "including" or "like"."""
    return toks.words[j] in (",", "-", "–", "—", ":", "including", "like")


def _work_kind(toks: Tokens, j: int, plural: bool) -> bool:
    """True for a noun naming a kind of work at token ``j``, singular or plural as asked:
    "film", "album", or, read as a noun by the parse, "hit", "show", "play"."""
    word, tag = toks.lower[j], toks.tags[j]
    if tag != ("NNS" if plural else "NN") and not (word == "series" and tag in ("NN", "NNS")):
        return False
    if plural and word != "series":
        word = word[:-1] if word.endswith("s") else word
    return _NAMED_THINGS.get(word, ())[1:] == ("WORK_OF_ART",)


def _listed_after(mentions: list[Mention], toks: Tokens, title: Mention, text: str) -> list[Mention]:
    """The person and group mentions listed right after ``title`` in its sentence, joined by
    commas, "and" or "or" ("Club Foot and LSF"), up to the first that opens on a given name;
    none unless the list closes on "and" or "or"."""
    by_first = {toks.by_start.get(m.start): m for m in mentions if m.label in ("PERSON", "ORG", "WORK_OF_ART")}
    out, closed, last = [], 0, toks.by_end.get(title.end)
    while last is not None and last + 2 < len(toks):
        j = last + 1
        if toks.words[j] == "," and toks.lower[j + 1] in ("and", "or"):
            j += 1
        if toks.words[j] != "," and toks.lower[j] not in ("and", "or", "&"):
            break
        nxt = by_first.get(j + 1)
        if nxt is None or toks.sent_start[j + 1] or nxt.entry is not None or nxt.sure:
            if toks.lower[j] in ("and", "or") and toks.words[j + 1][:1].isupper():
                closed = len(out)  # the last title is no mention: "..., Phone Booth and Daredevil"
            break
        if nxt.label != "WORK_OF_ART" and _given_name_first(nxt.text(text)):
            break
        out.append(nxt)
        if toks.words[j] != ",":
            closed = len(out)  # a list ends on "and" ("Raging Bull, Goodfellas and ...");
            # "his book, Lawless World, Philippe Sands, a QC" lists nothing
        last = toks.by_end.get(nxt.end)
    return out[:closed]


def _given_name_first(name: str) -> bool:
    first = name.split()[0] if name.split() else ""
    return any_given_name(first.lower())


def _word_before_title(toks: Tokens, first: int) -> int:
    """The token before a name at token ``first`` (> 0), past a title's own "The", which
    the mention leaves out ("the director's 2003 film The Life of David Gale")."""
    if first >= 2 and toks.words[first - 1] == "The" and not toks.sent_start[first - 1]:
        return first - 2
    return first - 1


_BEFORE_FAMILY = frozenset({"the", "and", "&", ",", "both"})


# Words before a subject in its sentence that leave a plural verb to others: a coordinated
# subject the parse did not join ("Knight and bass star Roni Size have"), a condition or
# wish ("If the teenage Michael Howard were"), a modal before an inverted subject ("would
# John Terry have").
_NOT_ALONE = frozenset({"and", "&", "if", "though", "whether", "wish", "would", "could", "should", "might", "must",
                        "will", "can", "may"})  # fmt: skip


def _shared_or_inverted(toks: Tokens, first: int) -> bool:
    """Whether a word of ``_NOT_ALONE`` stands between the sentence start and token ``first``."""
    i = first - 1
    while i >= 0:
        if toks.lower[i] in _NOT_ALONE:
            return True
        if toks.sent_start[i]:
            return False
        i -= 1
    return False


def groups_by_plural_verb(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A name read as a person that is, alone, the subject of a plural verb right after it
    ("Snow Patrol were the big winners", "Duran Duran are to appear") is a group, an ORG:
    British English writes bands and teams with a plural verb, and one person never takes
    one. Not a coordinated subject ("Actor Tom Hanks and director Ron Howard are"), a
    condition or an inversion (``_shared_or_inverted``), nor a name after "the" or ending
    in -s (a family: "the Beckhams are")."""
    sdoc = toks.sdoc
    for m in mentions:
        if m.label != "PERSON" or m.sure or m.entry is not None:
            continue
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or last is None or last + 1 >= len(toks) or toks.lower[last + 1] not in _PLURAL_VERBS:
            continue
        if (first and toks.lower[first - 1] in _BEFORE_FAMILY) or toks.lower[last].endswith("s"):
            continue
        if _shared_or_inverted(toks, first):
            continue
        root = sdoc[first : last + 1].root
        if root.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ in ("conj", "cc") for c in root.children):
            continue
        m.label, m.sure = "ORG", True


# A sequel's number after a title ("Halo 2", "Doom 3", "Shrek 2", "Doom III"), then a
# lower-case word or a mark: not a figure, a capitalised word, a dash or a line's end, as
# in results ("Leeds 2 Wigan 1", "Chelsea 2 1 0 1", "Man City 0-2", "Celtic 3\n").
_SEQUEL = re.compile(r"[ \t]+([2-9]|II|III|IV|V|VI|VII|VIII|IX)(?=[ \t]+[a-z]|[.,;:!?'\"’”)])")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")
# A list of names with figures: scorers and the minutes of their goals ("Ronaldo 9, Rooney 87").
_NEXT_SCORER = re.compile(r",[ \t]*[A-Z][\w'’-]+[ \t]+\d")
# Nouns before a band's name: a numbered name after one is the band's ("US band Maroon 5").
_BAND_NOUNS = frozenset({"band", "act", "group", "duo", "trio", "quartet", "quintet", "rockers", "outfit"})
# Nouns common enough to name numbered things that are no works ("Radio 4", "Channel 4").
_NUMBERED_NOUN_ZIPF = 4.5
_SEQUEL_ZIPF = 3.0


def numbered_titles(mentions: list[Mention], text: str) -> None:
    """Games and films read as people, organisations or places because the recogniser left
    their sequel's number out ("Halo 2", "Doom 3", "Shrek 2"): the number joins the mention,
    which becomes a WORK_OF_ART, and so do the title's mentions without it ("Halo was
    ..."). A title is taken when the story writes it with its number twice, or once if it
    is an ordinary word (Zipf >= 3: "Doom", "Shrek"). Only one word in title case
    ("Half-Life" too) is read so; never a given name or a common surname ("Owen 2," in a
    list of scorers), a town or a division of 10,000 people or more (a team in results:
    "Reading 2"), a noun common enough to number stations and channels ("Radio 4",
    Zipf >= 4.5), a name in a list of scorers ("Ronaldo 9, Rooney 87") or a name a
    gazetteer settled; Roman numbers never after a person ("Elizabeth II"). After a
    band's noun ("US band Maroon 5") the name is an organisation's, in all its mentions."""
    numbered: dict[str, list[tuple[Mention, int]]] = defaultdict(list)
    for m in mentions:
        if m.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC") or m.entry is not None:
            continue
        if m.sure and not (m.label == "ORG" and _word_before(text, m.start).lower() in _BAND_NOUNS):
            continue  # settled by another rule; a band settled by its noun ("band Maroon 5") still takes its number
        match = _SEQUEL.match(text, m.end)
        if (
            match
            and not (m.label == "PERSON" and not match.group(1).isdigit())
            and _TITLE_WORD.fullmatch(m.text(text))
            and not _NEXT_SCORER.match(text, match.end())
        ):
            numbered[m.text(text)].append((m, match.end()))
    titles: dict[str, str] = {}
    for surface, found in numbered.items():
        zipf = _zipf(surface.lower())
        if may_be_person(surface) or zipf >= _NUMBERED_NOUN_ZIPF or _populated_place(surface) >= _LIST_ANCHOR_POPULATION:
            continue
        if len(found) >= 2 or zipf >= _SEQUEL_ZIPF:
            band = any(_word_before(text, m.start).lower() in _BAND_NOUNS for m, _ in found)
            titles[surface] = "ORG" if band else "WORK_OF_ART"
            for m, end in found:
                m.end, m.label, m.sure = end, titles[surface], True
    for m in mentions:
        if m.label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and m.entry is None and not m.sure and m.text(text) in titles:
            m.label, m.sure = titles[m.text(text)], True


# Small words a title runs on through ("Maria Full of Grace", "An Officer and a Gentleman").
_TITLE_JOINS = frozenset("of and a an the in on to for with at about".split())
# Days and months end a title: "the Canadian Open on Thursday" is no work's name.
_CALENDAR_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:], *calendar.month_abbr[1:]])


def whole_titles(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """Run a work's name on through small words to the capitalised words after them, which
    the recogniser often leaves out or reads as a person or a group ("Adventures" of
    "Adventures In Babysitting", "Gentleman" of "An Officer and a Gentleman"). Only within
    the sentence, and only over words no other mention holds or that a lone word read as a
    person or a group holds (after "and", none: "Diary and Iris" are two works); "the Golden
    Globe and the Bafta", "Bafta in London" stay two names. Prizes the gazetteer knows are
    left alone."""
    if not any(m.label == "WORK_OF_ART" for m in mentions):
        return mentions
    owner: dict[int, Mention] = {}
    for m in mentions:
        for i in toks.covering(m.start, m.end):
            owner[i] = m
    absorbed: set[int] = set()

    def free(i: int) -> bool:
        o = owner.get(i)
        if o is None:
            return True
        lone = o.start == toks.starts[i] and o.end == toks.ends[i]
        return lone and o.label in ("PERSON", "NORP") and o.entry is None and not o.sure

    def capital(i: int) -> bool:
        word = toks.words[i] if i < len(toks) else ""
        return word[:1].isupper() and word.isalpha() and word not in _CALENDAR_WORDS and free(i)

    for m in mentions:
        if m.label != "WORK_OF_ART" or m.entry is not None or m.shouting or id(m) in absorbed:
            continue  # (in a line of capitals every word is capitalised: no evidence)
        span = toks.covering(m.start, m.end)
        if not span:
            continue
        before = _word_before_title(toks, span[0]) if span[0] else None
        listed = before is not None and (_listed(toks, before) or toks.lower[before] in ("as", "and"))
        last = end = span[-1]
        while True:
            j = end + 1
            while j < len(toks) and toks.lower[j] in _TITLE_JOINS and j not in owner and not toks.sent_start[j]:
                j += 1
            if j == end + 1 or not capital(j) or toks.sent_start[j]:
                break
            joined = toks.words[end + 1 : j]  # as written: "Sex And The City" is one title
            if ("and" in joined[-1:] and (j in owner or listed)) or (
                "and" in joined and toks.words[end + 2 + joined.index("and")] == "The"
            ):
                # "Bridget Jones's Diary and Iris", "films such as Troy and Lord of the Rings",
                # "Early Doors and The Alan Clark Diaries": two works (but "Hopes and Fears")
                break
            while capital(j + 1) and not toks.sent_start[j + 1]:
                j += 1
            end = j
        if end > last:
            m.end = toks.ends[end]
            absorbed.update(id(owner[i]) for i in range(last + 1, end + 1) if i in owner)
    return [m for m in mentions if id(m) not in absorbed] if absorbed else mentions


def the_people(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """Drop one-word "people" written after "the" ("the Games", "the Oscar"): English
    puts no article before a person's name, unless it is the surname of a person the
    document names in full ("the Smiths" aside, which is a plural)."""
    surnames = _surnames(mentions, text)
    out = []
    for m in mentions:
        first = toks.by_start.get(m.start)
        lone = first is not None and toks.ends[first] == m.end
        after_the = lone and first > 0 and toks.lower[first - 1] == "the"
        if m.label == "PERSON" and m.entry is None and after_the and m.text(text) not in surnames:
            continue
        out.append(m)
    return out


def people_written_with_the(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """Drop the one-word "people" still unsettled after the second opinion that the document
    writes after "the" elsewhere ("Premiership" where the story also has "the Premiership",
    "G8" beside "the G8"), the rule of ``the_people`` applied across the document. Run
    after the second opinion, which types many such names ("the Dell provides": a company)."""
    lone = {
        m.text(text) for m in mentions if m.label == "PERSON" and m.entry is None and not m.sure and " " not in m.text(text)
    }
    headed = _the_heads(toks, lone - _surnames(mentions, text)) if lone else set()
    if not headed:
        return mentions
    return [m for m in mentions if not (m.label == "PERSON" and m.entry is None and not m.sure and m.text(text) in headed)]


def _the_heads(toks: Tokens, wanted: set[str]) -> set[str]:
    """The ``wanted`` words the text writes after "the" as the head of their phrase ("after
    the Games.", "top of the Premiership"); not a name modifying the noun after it ("the Bush
    administration", "the Gerrard deal")."""
    out = set()
    for i in range(1, len(toks)):
        if toks.words[i] in wanted and toks.lower[i - 1] == "the" and toks.tags[i] == "NNP":
            token = toks.sdoc[i]
            if not (token.dep_ in _MODIFIER_DEPS and token.head.i > token.i):
                out.add(toks.words[i])
    return out


# Dependencies of a word that modifies the noun after it ("the Bush administration").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})


@lru_cache(maxsize=1 << 14)  # every mention is keyed several times
def norm_key(text: str) -> str:
    """The string key under which mentions must agree: case, dots and quotes ignored."""
    return re.sub(r"\s+", " ", text.replace(".", "").replace("’", "'")).casefold()


def harmonise(mentions: list[Mention], text: str) -> None:
    """One label per string in the document: the gazetteer's, or else the majority of the
    model's labels, mixed-case mentions counting double those in upper-case lines."""
    votes: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, str] = {}  # a tie goes to the label of the first mention
    for m in sorted(mentions, key=lambda m: m.start):
        key = norm_key(m.text(text))
        weight = _GAZ_WEIGHT if m.entry is not None or m.sure else (1 if m.shouting else 2)
        votes[key][m.label] += weight
        first.setdefault(key, m.label)
    for m in mentions:
        if m.entry is not None or m.sure:
            continue
        key = norm_key(m.text(text))
        counter = votes[key]
        best = max(counter, key=lambda label: (counter[label], label == first[key]))
        if best != m.label and counter[best] >= counter[m.label]:
            m.label = best


@lru_cache(maxsize=WORDS)  # keyed by the words met: capped (pipeline/bounded.py)
def _common(word: str) -> bool:
    """A frequent English word ("may", "will", "take") that alone is no evidence of a name."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 4.5


def warm_up() -> None:
    """Load the word-frequency table now rather than on the first document."""
    _common("the")


_LINKS = words("lexicons/entities/name_links.txt")


def propagate(mentions: list[Mention], toks: Tokens, shouting: set[int]) -> list[Mention]:
    """Add untagged occurrences of names tagged elsewhere in the document (and of the
    surnames of people named in full), with the label they have there."""
    known: dict[tuple[str, ...], str] = {}
    for m in mentions:
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or last is None:
            continue
        phrase = tuple(toks.lower[first : last + 1])
        known.setdefault(phrase, m.label)
        surname = toks.lower[last]
        if m.label == "PERSON" and last > first and surname.isalpha() and not _common(surname):
            known.setdefault((surname,), "PERSON")
    if not known:
        return mentions
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in sorted(known, key=len, reverse=True):
        by_first[phrase[0]].append(phrase)
    covered = {i for m in mentions for i in toks.covering(m.start, m.end)}
    out = list(mentions)
    nxt = 0  # the first token a new mention may start at
    for i in positions(toks.lower, by_first.keys()):
        if i < nxt or i in covered or not toks.words[i][:1].isupper():
            continue
        found = _known_at(toks, i, by_first[toks.lower[i]], covered, shouting)
        if found is None:
            continue
        end = toks.ends[i + len(found) - 1]
        out.append(Mention(toks.starts[i], end, known[found], "propagated", shouting=i in shouting))
        nxt = i + len(found)
    return out


def positions(words: list[str], wanted) -> list[int]:
    """Indices of the ``words`` in ``wanted``, in order (a set operation rules most
    documents out before any per-token loop)."""
    present = wanted & set(words)
    return [i for i, w in enumerate(words) if w in present] if present else []


def _known_at(toks: Tokens, i: int, candidates, covered: set[int], shouting: set[int]):
    for phrase in candidates:
        n = len(phrase)
        if i + n > len(toks) or any(j in covered for j in range(i, i + n)):
            continue
        if tuple(toks.lower[i : i + n]) != phrase:
            continue
        if n == 1 and _common(phrase[0]) and (i in shouting or toks.sent_start[i]):
            continue
        written = toks.words[i : i + n]
        if i not in shouting and not all(w[:1].isupper() or not w.isalpha() or w.lower() in _LINKS for w in written):
            continue
        return phrase
    return None


def ordinary_words_opening_sentences(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """Drop a one-word name that is only an ordinary word capitalised to open a sentence
    or a headline: "Mobile phones are still enjoying a boom" (the town of Mobile), "Trail
    preparations", "Will their children": a word the document writes in lower case
    elsewhere ("mobile", "mobiles") or that the tagger reads as no proper noun
    (``_tagged_as_a_word``), never capitalised inside a sentence, followed by a lower-case
    word. "China has ...", "Reading beat Derby ... at Reading" keep theirs."""
    def opening(m: Mention) -> bool:
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if first is None or first != last or first + 1 >= len(toks) or not opens_sentence(toks, first):
            return False
        nxt = toks.words[first + 1]  # (not a web name: "Latinohiphopradio.com has been ...")
        return toks.words[first].isalpha() and nxt.isalpha() and nxt.islower()

    candidates = [m for m in mentions if opening(m)]
    if not candidates:
        return mentions  # (the document-wide word sets below only when needed)
    capitalised_inside = {
        toks.lower[i]
        for i in range(1, len(toks))
        if toks.words[i][:1].isupper() and not opens_sentence(toks, i) and toks.words[i - 1] != "-"
    }
    lowered = set(toks.words)
    dropped = {
        id(m) for m in candidates
        if (word := toks.lower[toks.by_start[m.start]]) not in capitalised_inside
        and (word in lowered or word + "s" in lowered or _tagged_as_a_word(m, toks))
    }
    return [m for m in mentions if id(m) not in dropped]


def _tagged_as_a_word(m: Mention, toks: Tokens) -> bool:
    """A sentence's first word that the tagger reads as no proper noun ("Tacit approval
    from the White House", "Quirky films", "Speculation that", "Globally, sales"): an
    ordinary English word that no name list, gazetteer or rule knows, even if the article
    writes it only once. Not a plural ("Rangers won", "Tigers coach", "Reds sink": clubs
    are named so, and the tagger reads them as common nouns)."""
    i = toks.by_start[m.start]
    word = toks.lower[i]
    if toks.tags[i] in ("NNP", "NNPS", "NNS") or m.entry is not None or m.sure or not ordinary(word, _WORD_ZIPF):
        return False
    if m.label == "NORP" or toks.words[i] in _ORG_HEADS or toks.words[i] in _LOC_HEADS:
        # a people's adjective is a name ("European figures"), and so is a body's or a
        # place's head word written alone ("Parliament voted")
        return False
    if toks.words[i].isupper() or (i + 1 < len(toks) and toks.lower[i + 1] in _STAFF_AFTER):
        return False  # an abbreviation ("NHS", "REM"), a body's staff ("Tigers coach", "Notts police chief")
    return not any_given_name(word) and word not in surname_ranks()


_STAFF_AFTER = words("lexicons/entities/team_roles.txt") | person_titles() | {"police", "fans", "players"}
# How common a word the tagger reads as no proper noun must be to be only that word
# ("tacit", "trendy", "bronchitis" are; "Scrichapan", "Moilanen" are not).
_WORD_ZIPF = 2.5


def stations_with_numbers(mentions: list[Mention], text: str) -> list[Mention]:
    """A broadcaster's name takes the number of its channel or station, which the recogniser
    leaves out: "BBC Radio 4" (read as "BBC Radio" in 89 BBC stories), "Radio 1", "BBC
    One", "Channel 4", "Radio Five Live", "BBC 6 Music" (read as "BBC" and "Music"). A
    mention inside the words taken goes; one that reaches past them stops the extension."""
    absorbed: set[int] = set()
    for m in mentions:
        if id(m) in absorbed or m.label != "ORG" or text[m.start : m.end].split()[-1] not in _STATION_WORDS:
            continue
        number = _STATION_NUMBER.match(text, m.end)
        if number is None:
            continue
        inside = [o for o in mentions if o is not m and m.end <= o.start < number.end()]
        if all(o.end <= number.end() for o in inside):
            m.end, m.entry = number.end(), None  # (the entry was the broadcaster's: "BBC" is not "BBC One")
            absorbed.update(id(o) for o in inside)
    return [m for m in mentions if id(m) not in absorbed]


_STATION_WORDS = frozenset({"BBC", "Radio", "Channel"})
# " 4", " One", " Five Live", " 6 Music" after the broadcaster's name, on the same line.
_STATION_NUMBER = re.compile(r" (?:[1-9]|One|Two|Three|Four|Five)(?: Live| Music)?(?![\w%.,-]\w)")


def names_joined_by_and(mentions: list[Mention], text: str) -> list[Mention]:
    """One organisation whose name the recogniser cut at "and": "Transport and General
    Workers' Union" read as "Transport" and "General Workers' Union". Joined when the first
    part is one ordinary English word, neither an abbreviation nor a name the gazetteers
    know ("BT and Vodafone Group", "the IMF and World Bank" are two bodies), and the second
    ends in a body's head noun (``_BODY_HEADS``)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == m.label == "ORG"
            and text[prev.end : m.start] in (" and ", " & ")
            and " " not in text[prev.start : prev.end]
            and prev.entry is None
            and not text[prev.start : prev.end].isupper()  # "the IMF and World Bank": two bodies
            and ordinary(text[prev.start : prev.end])
            and text[m.start : m.end].split()[-1].lower().strip("'’") in _BODY_HEADS
        ):
            out[-1] = Mention(prev.start, m.end, "ORG", m.source, entry=None, shouting=prev.shouting, sure=m.sure)
            continue
        out.append(m)
    return out


_BODY_HEADS = words("lexicons/entities/body_heads.txt") | {"unions"}


def works_before_roles(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A title before the role its person played or made in it, and then that person: "X
    Files actress Gillian Anderson", "Friends actor Matt LeBlanc", "The Office creator Ricky
    Gervais", "Vera Drake star Imelda Staunton" (read on the BBC corpus: of 40 such names
    not already WORK_OF_ART, about 30 were titles the recogniser took for people,
    organisations or places). The name becomes a WORK_OF_ART unless a gazetteer, a listed
    company or a rule settled it, a place GeoNames knows ("Ireland star", "Hollywood
    actress", "US actor"), a word capitalised to open its sentence ("Veteran actress") or a
    span run over a dash ("Matthew Vaughn - Troy actor"); before "star" an organisation
    stays one ("Westlife star Shane Filan": bands are named so).

    Before a maker's role (``_MAKERS``: "Kill Bill director Quentin Tarantino", "Harry Potter
    author JK Rowling") only a name read as a person or a building becomes a title:
    organisations and places stand there as often as titles do ("Arsenal director David
    Dein", "Radio One presenter", "Hong Kong director"; a version that took them when a
    work's noun stood near made "Bollywood" a work and missed most titles)."""
    people = {m.start for m in mentions if m.label == "PERSON"}
    for m in mentions:
        last = toks.by_end.get(m.end)
        if last is None or last + 2 >= len(toks) or m.entry is not None or m.sure:
            continue
        role = toks.words[last + 1]
        if (role not in _ROLES_IN_WORKS and role not in _MAKERS) or toks.starts[last + 2] not in people:
            continue
        surface = m.text(text)
        if m.label in ("GPE", "LOC") and (surface.isupper() or _populated_place(surface) >= 0):
            continue
        first = toks.by_start.get(m.start)
        if (first == last and ordinary(surface) and opens_sentence(toks, first)) or " - " in surface:
            continue
        if role in _MAKERS:
            title = m.label in ("PERSON", "FAC")
        else:
            title = m.label in ("PERSON", "FAC", "GPE", "LOC") or (m.label == "ORG" and role != "star")
        if title:
            m.label, m.sure = "WORK_OF_ART", True


# Roles a person has in a work, written between its title and their name: performers'
# and makers'.
_ROLES_IN_WORKS = frozenset({"actor", "actress", "creator", "star"})
_MAKERS = frozenset({"director", "producer", "presenter", "writer", "author", "screenwriter"})


def surnames_that_are_weekdays(mentions: list[Mention], toks: Tokens, text: str) -> None:
    """A given name the recogniser read alone before a weekday it read as a date is a
    person named so ("England sevens coach Mike Friday"): the weekday joins the name.
    Only where the weekday goes on as no date ("Friday's", "Friday night", "Friday 4
    March") and nothing but a space stands between them."""
    for m in mentions:
        first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
        if m.label != "PERSON" or first is None or first != last or last + 1 >= len(toks):
            continue
        day = last + 1
        if toks.words[day] not in _WEEKDAY_NAMES or toks.starts[day] != m.end + 1 or text[m.end] != " ":
            continue
        if not any_given_name(toks.lower[first]) or any(o.start <= toks.starts[day] < o.end for o in mentions):
            continue
        after = toks.lower[day + 1] if day + 1 < len(toks) else ""
        if after in _DAY_GOES_ON or after[:1].isdigit():
            continue
        m.end = toks.ends[day]


_WEEKDAY_NAMES = frozenset(calendar.day_name)
# Words after a weekday that make it a day ("Friday's", "Friday night").
_DAY_GOES_ON = frozenset({"'s", "’s", "night", "morning", "afternoon", "evening", "week", "next", "last"})


def names_split_at_and(
    mentions: list[Mention], text: str, gaz: Gazetteer, listed: Callable[[str], object]
) -> list[Mention]:
    """Two names the recogniser read as one across "and" ("Chelsea and Arsenal",
    "Arsenal and England defender Cole", "China Construction Bank and Bank of China"): split
    when each part is a name known on its own, a gazetteer's (``gaz``), a listed company's
    (``listed``) or one the document writes alone elsewhere, and the whole is none
    ("Trinidad and Tobago", "Food and Agriculture Organisation" stay). Not across "&", which
    joins the words of one name far more often ("Scottish & Newcastle", "Serbia &
    Montenegro", "Black & White": each part known, the whole not). A part takes the label
    of what knows it. Only the recogniser's own spans that no rule settled."""
    alone: dict[str, Mention] = {}
    for m in mentions:
        alone.setdefault(m.text(text), m)
    out: list[Mention] = []
    for m in mentions:
        parts = _and_parts(m, text) if m.source == "model" and m.entry is None and not m.sure else None
        whole = m.text(text)
        if parts is None or gaz.lookup(whole) is not None or listed(whole):
            out.append(m)
            continue
        labels = [_known_label(text[a:b], m, alone, gaz, listed) for a, b in parts]
        if None in labels:
            out.append(m)
            continue
        for (a, b), (label, entry) in zip(parts, labels, strict=True):
            out.append(Mention(a, b, label, "model", entry=entry, shouting=m.shouting))
    return out


def _and_parts(m: Mention, text: str) -> list[tuple[int, int]] | None:
    """The spans on either side of the one "and" inside mention ``m``, when both
    open with a capital; else None."""
    joins = list(_AND_JOIN.finditer(text, m.start, m.end))
    if len(joins) != 1:
        return None
    join = joins[0]
    if not (text[m.start].isupper() and text[join.end()].isupper()):
        return None
    return [(m.start, join.start()), (join.end(), m.end)]


_AND_JOIN = re.compile(r" and ")


def _known_label(part: str, m: Mention, alone: dict[str, Mention], gaz: Gazetteer, listed) -> tuple | None:
    """(label, entry) of ``part`` of mention ``m`` when it is known on its own, else None."""
    entry = gaz.lookup(part)
    if entry is not None:
        return entry.label, entry
    if listed(part):
        return "ORG", None
    other = alone.get(part)
    if other is not None and other is not m:
        return other.label, other.entry
    return None


def whole_works(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """A work's whole title after the word that names its kind ("documentary Shape of the
    Moon", "Finnish film The Three Rooms of Melancholia", "album Hopes and Fears"), which
    the recogniser reads as pieces ("Shape" and "Moon", "Melancholia" a place): one
    WORK_OF_ART from the title's first capitalised word to its last, over small words
    between ("of", "the", "and"), and numbers right after a word ("Shrek 2"). Only where
    the recogniser found a piece of it that is no nationality nor a name the gazetteers
    know ("short film Oscar"), and no piece reaches past the title. The title's own "The" is left out of the name, as the
    mentions' articles are."""
    out = list(mentions)
    for i in range(len(toks) - 1):
        if toks.words[i] not in _WORK_KINDS:
            continue
        span = _title_after(toks, i + 1)
        if span is None:
            continue
        if toks.words[span[0]] in ("The", "A", "An") and span[0] < span[1]:
            span = (span[0] + 1, span[1])  # names leave out the title's article, as elsewhere
        people = {m.start for m in out if m.label == "PERSON" and " " in text[m.start : m.end]}
        span = _before_a_person(toks, span, people)
        start, end = toks.starts[span[0]], toks.ends[span[1]]
        inside = [m for m in out if start <= m.start and m.end <= end]
        if not inside or all(m.label == "NORP" for m in inside) or any(m.entry is not None for m in inside):
            continue  # (a piece the gazetteers know is itself: "short film Oscar")
        if any(m.start < end and start < m.end and m not in inside for m in out):
            continue  # a name reaching past the title: leave the recogniser's reading
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "WORK_OF_ART", "model", sure=True))
    return sorted(out, key=lambda m: m.start)


def _title_after(toks: Tokens, i: int) -> tuple[int, int] | None:
    """Token range of a title opening at token ``i``: capitalised words or numbers, with
    small lower-case words between them, ending on a capitalised word or a number."""
    last = None
    j = i
    while j < len(toks):
        word = toks.words[j]
        if word[:1].isupper() or (word.isdigit() and last == j - 1):
            last = j  # (a number only right after a title word: "Shrek 2", not "... in 2002")
        elif word.lower() not in _TITLE_SMALL_WORDS or last is None:
            break
        j += 1
    return (i, last) if last is not None and toks.words[i][:1].isupper() else None


def _before_a_person(toks: Tokens, span: tuple[int, int], people: set[int]) -> tuple[int, int]:
    """``span`` cut before an "and" that a person's full name follows ("biopic Ray and Mike
    Leigh's abortion drama": the title is "Ray"; "thriller Hide and Seek" stays whole)."""
    first, last = span
    for j in range(first + 1, last):
        if toks.lower[j] == "and" and toks.starts[j + 1] in people:
            return first, j - 1
    return span


# Words that name a work's kind, right before its title, written in lower case: the works
# of ``named_things.tsv`` ("ahead WORK_OF_ART"), not the kinds with other senses ("single
# currency", "drama school", "comedy club", "soap opera", "novel approach") or whose
# titles read on ("cartoon", "opera").
_WORK_KINDS = frozenset(
    word for word, rule in _NAMED_THINGS.items() if rule == ("ahead", "WORK_OF_ART")
) - {"single", "drama", "comedy", "soap", "novel", "cartoon", "opera"}
_TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "with", "for"})
