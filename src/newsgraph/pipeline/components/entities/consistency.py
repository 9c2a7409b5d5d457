"""Correcting the recogniser: gazetteer hits, label rules, one label per string per
document, and mentions of known names the recogniser missed elsewhere in the document."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from newsgraph.pipeline.components.entities.gazetteer import Gazetteer, Hit
from newsgraph.pipeline.components.entities.mentions import Mention, Tokens, is_junk
from newsgraph.resources import words

# Last words that settle a label whatever the recogniser said.
_LOC_HEADS = words("lexicons/entities/loc_heads.txt")
_ORG_HEADS = words("lexicons/entities/org_heads.txt")
_FAC_HEADS = words("lexicons/entities/fac_heads.txt")
_GAZ_WEIGHT = 100  # a gazetteer entry outvotes any number of model labels


def _overlaps(a: Mention, b_start: int, b_end: int) -> bool:
    return a.start < b_end and b_start < a.end


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
        over = [m for m in out if _overlaps(m, hit.start, hit.end)]
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


def fix_by_head(mentions: list[Mention], text: str) -> None:
    """Labels from the last word: "... Sea" is LOC, "... Ministry" is ORG."""
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
            m.label = "FAC"


_NUMBER = re.compile(r"^\d+$")
_NUMERIC = re.compile(r"^[\d.,:/-]*\d[\d.,:/-]*$")


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
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = toks.covering(line_start, line_end if line_end >= 0 else len(text))
        if sum(bool(_NUMERIC.match(toks.words[i])) for i in line) >= 2:
            m.label, m.sure = "ORG", True


def _settle_region(mentions: list[Mention], start: int, end: int) -> None:
    for other in mentions:
        if start >= 0 and other.start == start and other.end == end and other.entry is None:
            other.label, other.sure = "GPE", True


def drop_common_words(mentions: list[Mention], toks: Tokens, text: str) -> list[Mention]:
    """Drop one-word mentions that are very common English words where capitals prove
    nothing (a sentence or line start, an upper-case line: "Men", "Women" heading a
    results table), and line labels ("Attendance:"), unless a gazetteer knows them or
    they are part of a person's full name in the document ("May" after "Theresa May").
    Mid-sentence, "Nice" or "Real" stay names."""
    names = {w for m in mentions if m.label == "PERSON" for w in m.text(text).split()[1:]}
    out = []
    for m in mentions:
        surface = m.text(text)
        if m.entry is not None or " " in surface or surface in names:
            out.append(m)
            continue
        first = toks.by_start.get(m.start)
        opening = m.shouting or _at_line_start(m, text) or (first is not None and toks.sent_start[first])
        if opening and _zipf(surface.lower()) >= 5.3 or _line_label(m, text):
            continue
        out.append(m)
    return out


_LABEL_COLON = re.compile(r"[ \t]*:")


def _at_line_start(m: Mention, text: str) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip(" \t-•*")  # also after a bullet


def _line_label(m: Mention, text: str) -> bool:
    """A common English word opening a line and followed by a colon ("Attendance :",
    "Note:"): a table or form label, not a name (place names there are kept by the
    gazetteer)."""
    return _at_line_start(m, text) and bool(_LABEL_COLON.match(text, m.end)) and _zipf(m.text(text).lower()) >= 4.0


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def people_surnames(mentions: list[Mention], text: str) -> None:
    """A lone word that is the surname of a person named in full in this document is that
    person (or family) here too: "Washington" after "MaliVai Washington"."""
    surnames = {m.text(text).split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text(text)}
    for m in mentions:
        if m.entry is None and not m.sure and m.text(text) in surnames:
            m.label, m.sure = "PERSON", True


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


@cache
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
        words = tuple(toks.lower[first : last + 1])
        known.setdefault(words, m.label)
        surname = toks.lower[last]
        if m.label == "PERSON" and last > first and surname.isalpha() and not _common(surname):
            known.setdefault((surname,), "PERSON")
    if not known:
        return mentions
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(known, key=len, reverse=True):
        by_first[words[0]].append(words)
    covered = {i for m in mentions for i in toks.covering(m.start, m.end)}
    out = list(mentions)
    i = 0
    while i < len(toks):
        found = None
        if i not in covered and toks.words[i][:1].isupper() and toks.lower[i] in by_first:
            found = _known_at(toks, i, by_first[toks.lower[i]], covered, shouting)
        if found is None:
            i += 1
            continue
        end = toks.ends[i + len(found) - 1]
        out.append(Mention(toks.starts[i], end, known[found], "propagated", shouting=i in shouting))
        i += len(found)
    return out


def _known_at(toks: Tokens, i: int, candidates, covered: set[int], shouting: set[int]):
    for words in candidates:
        n = len(words)
        if i + n > len(toks) or any(j in covered for j in range(i, i + n)):
            continue
        if tuple(toks.lower[i : i + n]) != words:
            continue
        if n == 1 and _common(words[0]) and (i in shouting or toks.sent_start[i]):
            continue
        written = toks.words[i : i + n]
        if i not in shouting and not all(w[:1].isupper() or not w.isalpha() or w.lower() in _LINKS for w in written):
            continue
        return words
    return None
