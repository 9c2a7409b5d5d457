"""One cluster per real-world thing: gazetteer keys, country aliases, people's surnames and
first names, acronyms and their expansions, and "the alliance"-style references."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.pipeline.components.entities.consistency import norm_key, positions
from newsgraph.pipeline.components.entities.gazetteer import Entry, Gazetteer
from newsgraph.pipeline.components.entities.mentions import (
    TITLE_ABBREVIATION,
    Mention,
    any_given_name,
    given_name_sex,
    initials,
)
from newsgraph.pipeline.shared.person_names import TITLE_WORDS, persons_compatible
from newsgraph.resources import countries, table, words

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Types whose name in capitals is a word in capitals ("SPRINGFIELD" in a dateline), no acronym.
_CAPITALS_READ_AS_NAMES = ("PERSON", "GPE", "LOC")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


@dataclass
class Cluster:
    """Mentions of one thing. ``key`` is "country:LT", "org:nato", "PERSON:joe biden"...;
    ``entry`` the gazetteer entry that named it, if any."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    entry: Entry | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def label(self) -> str:
        if self.entry is not None:
            return self.entry.label
        if len(self.mentions) == 1:
            return self.mentions[0].label
        return Counter(m.label for m in self.mentions).most_common(1)[0][0]

    def name(self, text: str) -> str:
        """The canonical name: the entry's, or the longest mention (mixed case preferred)."""
        if self.entry is not None:
            return self.entry.name
        written = Counter(m.text(text) for m in self.mentions)
        forms = set(written)
        if all(f.isupper() and len(f) > 3 for f in forms) and self.label() in _CAPITALS_READ_AS_NAMES:
            forms = {f.title() for f in forms}  # "SPRINGFIELD" in a dateline; "LA", "GB" stay
        # Of two spellings as long ("Robert Kilroy-Silk", "Robert Kilroy Silk"), the more written;
        # a person's name words count without a title before them ("Amitai Etzioni", not
        # "Professor Etzioni"), and of as many, the one without a title, then the one that
        # opens with a given name ("Tim Henman", not the headline's "Classy Henman").
        person = self.label() == "PERSON"

        def rank(f: str) -> tuple:
            n = len(f.replace("-", " ").split())
            parts = _person_words("PERSON:" + f.lower().replace("-", " "))[0] if person else ()
            named = len(parts) if person else n
            given = bool(parts) and any_given_name(parts[0])
            return (not f.isupper() or len(forms) == 1, named, n == named, given, n, len(f), written[f], f)

        return max(forms, key=rank)


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions in text order; of two overlapping, the longer one stays
    (an exact gazetteer or credit mention beats the model's at equal length)."""
    rank = {"credit": 0, "gazetteer": 1, "model": 2, "propagated": 3}
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), rank.get(m.source, 9), m.start))
    kept: list[Mention] = []  # never overlapping, so sorted by start they are sorted by end
    starts: list[int] = []
    for m in ordered:
        if m.source == "credit":
            kept = [k for k in kept if not (k.start < m.end and m.start < k.end)]
            starts = [k.start for k in kept]
        else:
            at = bisect_left(starts, m.end)  # kept[at - 1] is the last one starting before m ends
            if at and kept[at - 1].end > m.start:
                continue
        at = bisect_left(starts, m.start)
        kept.insert(at, m)
        starts.insert(at, m.start)
    return sorted(kept, key=lambda m: (m.start, m.end))


def _key(m: Mention, text: str, gaz: Gazetteer) -> tuple[str, Entry | None]:
    if m.entry is not None and m.entry.label == m.label:
        return m.entry.key, m.entry
    surface = m.text(text)
    if m.entry is not None:  # "NEW YORK" the team (ORG) is not New York the city
        return f"{m.label}:{norm_key(surface)}", None
    if m.label in _PLACE_LABELS | {"ORG", "NORP"} and surface.isupper():
        entry = gaz.lookup_folded(surface)
        if entry is not None and entry.label == m.label:
            return entry.key, entry
    if m.label == "PERSON":
        return "PERSON:" + norm_key(surface), None
    group = "PLACE" if m.label in _PLACE_LABELS else m.label
    return f"{group}:{norm_key(surface)}", None


def cluster(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Cluster]:
    """Group ``mentions`` (non-overlapping, in text order) into clusters, in order of
    first mention."""
    clusters: dict[str, Cluster] = {}
    for m in mentions:
        key, entry = _key(m, text, gaz)
        c = clusters.setdefault(key, Cluster(key))
        c.mentions.append(m)
        if entry is not None and c.entry is None:
            c.entry = entry
    _merge_spellings(clusters)
    _merge_unmatched(clusters, text)
    _merge_countries(clusters, text)
    _merge_people(clusters, text)
    _merge_acronyms(clusters, text)
    return sorted(clusters.values(), key=lambda c: c.first)


def _merge_spellings(clusters: dict[str, Cluster]) -> None:
    """Names of one type written with and without spaces, hyphens or apostrophes are one
    ("Robert Kilroy-Silk" and "Robert Kilroy Silk", "TimeWarner" and "Time Warner", "Kings
    Own" and "King's Own"). A name a gazetteer settled keeps its own."""
    by_form: dict[str, list[str]] = {}
    for key, c in clusters.items():
        group, _, name = key.partition(":")
        if c.entry is None and name:
            by_form.setdefault(f"{group}:{_SPELLING.sub('', name)}", []).append(key)
    for keys in by_form.values():
        if len(keys) > 1:
            # The spelling of most words keeps them, so that shorter forms of each word join
            # it ("Kilroy" of "Robert Kilroy Silk"); the name is chosen apart (``Cluster.name``).
            main = max(keys, key=lambda k: (len(k.split()), len(clusters[k].mentions)))
            for key in keys:
                if key != main:
                    _merge(clusters, key, main)


def _merge_unmatched(clusters: dict[str, Cluster], text: str) -> None:
    """A name of one type written as a gazetteer entry's mention is that entry, though its
    own mention was left unmatched ("Barcelona" twice, "Windows" twice: two entities of one
    name and type, one with ids and one without)."""
    matched: dict[tuple[str, str], str] = {}
    for key, c in clusters.items():
        if c.entry is not None:
            label = c.label()
            for m in c.mentions:
                matched.setdefault((label, norm_key(m.text(text))), key)
    for key in [k for k, c in clusters.items() if c.entry is None]:
        c = clusters[key]
        target = matched.get((c.label(), key.partition(":")[2]))
        if target is not None and target in clusters:
            _merge(clusters, key, target)


def _merge_countries(clusters: dict[str, Cluster], text: str) -> None:
    """A place the gazetteer left without an entry whose name is a country's ("America" in
    a story that also says "the US", "US" where the gazetteer's match was not taken) joins
    that country's cluster, or the first such place of the same country ("the USA" and
    "US"): both were given the country's ids, as two entities."""
    first: dict[str, str] = {}
    for key in [k for k, c in clusters.items() if c.entry is None and k.startswith("PLACE:") and c.label() == "GPE"]:
        found = country_for_cluster(clusters[key], text, "GPE")
        if found is None:
            continue
        target = f"country:{found.iso2}"
        if not (target in clusters and clusters[target].entry is not None and clusters[target].entry.kind == "country"):
            target = first.setdefault(found.iso2, key)
        if target != key:
            _merge(clusters, key, target)


# What two spellings of one name may differ by.
_SPELLING = re.compile(r"[\s\-'’]")


def _merge(clusters: dict[str, Cluster], src: str, dst: str) -> None:
    source = clusters.pop(src)
    clusters[dst].mentions.extend(source.mentions)
    clusters[dst].mentions.sort(key=lambda m: m.start)


def _merge_people(clusters: dict[str, Cluster], text: str) -> None:
    """A surname, first name or shorter form joins the one longer name it is part of
    ("Biden" -> "Joe Biden"); when two people share it ("Joe"/"Hunter Biden") it stays alone.
    First, a name after a title is the name alone ("Gen Musharraf" and "Musharraf"), and
    full names that may be one person's are one ("Viktor" and "Victor Makarov", "K Holmes"
    and "Kelly Holmes"). A surname two people share joins the one its courtesy titles
    fit ("Mr Blair" is Tony Blair beside Cherie Blair)."""
    people = {k: _person_words(k) for k in clusters if k.startswith("PERSON:")}
    headline = _headline_end(text)
    for key, (parts, titled) in people.items():
        if not titled and _word_before_surname_in_headline(clusters[key], parts, headline):
            people[key] = parts[1:], True
    forms = {k: [parts] for k, (parts, _) in people.items()}  # each name a cluster was written as
    by_words: dict[tuple[str, ...], list[str]] = {}
    for key, (parts, _) in people.items():
        by_words.setdefault(parts, []).append(key)
    for keys in by_words.values():
        _join(clusters, people, forms, keys, min(keys, key=lambda k: (people[k][1], k)))
    for group in _variant_groups(clusters, people):
        main = max(group, key=lambda k: (len(people[k][0]), min(map(len, people[k][0])), len(clusters[k].mentions)))
        _join(clusters, people, forms, group, main)
    for key, (parts, titled) in sorted(people.items(), key=lambda kv: len(kv[1][0])):
        if key not in clusters:
            continue
        longer = [
            k for k in people
            if k != key and k in clusters
            and any(len(w) > len(parts) and _part_of(parts, w, surname_only=titled) for w in forms[k])
        ]
        if len(longer) == 1:
            _merge(clusters, key, longer[0])
        elif len(longer) > 1:
            # All longer candidates may be one person ("Jens Stoltenberg" inside
            # "Jens Stoltenberg Jr." style chains): merge only if they nest.
            longest = max(longer, key=lambda k: len(people[k][0]))
            if all(_part_of(people[k][0], people[longest][0]) for k in longer):
                _merge(clusters, key, longest)
                continue
            # "Mr Blair" beside "Tony" and "Cherie Blair": the courtesy title says which.
            sex = _courtesy_sex(clusters[key], text) if len(parts) == 1 else None
            fitting = [k for k in longer if sex is not None and given_name_sex(people[k][0][0]) == sex]
            if len(fitting) == 1:
                _merge(clusters, key, fitting[0])


# The word right before a name on its line, and the sex a courtesy title or rank there
# tells ("Mr", "Mrs", "Ms", "Lord": the quotes' ``gendered_titles.tsv``, read the same way).
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\.?[^\S\n]+$")
_GENDERED = {w: sex for w, sex in table("quotes/gendered_titles.tsv").items() if not w.endswith(".")}
_KIN = words("lexicons/entities/kin_nouns.txt")


def _courtesy_sex(c: Cluster, text: str) -> str | None:
    """The sex the courtesy titles before a cluster's mentions tell (kin nouns only in lower
    case, as the quotes read them), when at least one stands there and all agree; else None."""
    told = set()
    for mention in c.mentions:
        before = _WORD_BEFORE.search(text, max(0, mention.start - 16), mention.start)
        word = before.group(1) if before else ""
        sex = _GENDERED.get(word.lower())
        if sex and (word.islower() or word.lower() not in _KIN):
            told.add(sex)
    return told.pop() if len(told) == 1 else None


def _join(clusters: dict[str, Cluster], people: dict, forms: dict, keys: list[str], main: str) -> None:
    """Merge the person clusters ``keys`` into ``main``, which keeps their names' forms."""
    for key in keys:
        if key != main:
            _merge(clusters, key, main)
            del people[key]
            forms[main].extend(forms.pop(key))


def _person_words(key: str) -> tuple[tuple[str, ...], bool]:
    """A person cluster's name words without the titles and team roles before them, and
    whether there were any: "gen pinochet" -> (("pinochet",), True), "coach ranieri" ->
    (("ranieri",), True). Titles that stand before a given name ("Prince Harry", "Sir
    Alex", "Dame Kelly") stay, and so do a peer's ("Lord Roberts" of Conwy is no Sion
    Aubrey Roberts the same story names): what follows them is no surname."""
    parts = key.split(":", 1)[1].split()
    titled = False
    while len(parts) > 1 and parts[0] in _ROLE_WORDS:
        parts, titled = parts[1:], True
    return tuple(parts), titled


def _headline_end(text: str) -> int:
    """Where the first line ends when it reads as a headline (short, a line of its own), else 0."""
    end = text.find("\n")
    return end if 0 < end <= _HEADLINE_CHARS else 0


_HEADLINE_CHARS = 120


def _word_before_surname_in_headline(c: Cluster, parts: tuple[str, ...], headline: int) -> bool:
    """A headline's word before a surname that is no given name: "Classy Henman", "Dogged
    Federer", "Mogul Wilson" (the body names Tim Henman, Roger Federer, Tony Wilson)."""
    return (
        len(parts) == 2
        and all(m.end <= headline for m in c.mentions)
        and parts[0].isalpha()
        and len(parts[0]) > 1
        and not any_given_name(parts[0])
        and parts[1] not in _NAME_SUFFIXES  # "Connick Jr"
    )


_NAME_SUFFIXES = words("lexicons/names/suffixes.txt")


# Titles and team roles before a person's name, less those that name a person by
# themselves (a sovereign's, a knight's or a peer's).
_ROLE_WORDS = (TITLE_WORDS | {w for w in words("lexicons/entities/team_roles.txt") if " " not in w}) - {
    "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "sir", "dame", "lord", "lady", "baron", "baroness",
}


def _variant_groups(clusters: dict[str, Cluster], people: dict[str, tuple[tuple[str, ...], bool]]) -> list[list[str]]:
    """Groups of full names of one surname that may all be one person's (compatible given
    names: equal, an initial, a short form or another spelling). A group where any two
    differ ("J Robinson" beside "Jason" and "Andy Robinson") is left out."""
    by_surname: dict[str, list[str]] = {}
    for key, (parts, _) in people.items():
        if len(parts) > 1 and clusters[key].entry is None:
            by_surname.setdefault(parts[-1], []).append(key)
    return [group for keys in by_surname.values() if len(keys) > 1 for group in _compatible_groups(keys, people)]


def _compatible_groups(keys: list[str], people: dict[str, tuple[tuple[str, ...], bool]]) -> list[list[str]]:
    """The groups of ``keys`` linked by compatible names in which every two are compatible."""
    linked = {k: {o for o in keys if o != k and persons_compatible(people[k][0], people[o][0])} for k in keys}
    groups, seen = [], set()
    for k in keys:
        if k in seen or not linked[k]:
            continue
        group, todo = {k}, [k]
        while todo:
            for o in linked[todo.pop()] - group:
                group.add(o)
                todo.append(o)
        seen |= group
        if all(linked[a] >= group - {a} for a in group):
            groups.append(sorted(group))
    return groups


def _part_of(short: tuple[str, ...], long: tuple[str, ...], surname_only: bool = False) -> bool:
    """``short`` is the surname, the first name (not when ``surname_only``), or a trailing
    run of ``long``."""
    n = len(short)
    if long[-n:] == short:
        return True
    return not surname_only and n == 1 and long[0] == short[0]


@lru_cache(maxsize=1 << 14)
def _initials_of(name: str) -> str:
    return initials(name.split())


def _merge_acronyms(clusters: dict[str, Cluster], text: str) -> None:
    """An all-capitals name joins the one other name whose initials spell it
    ("NRF" -> "NATO Response Force") or that it follows in brackets ("... (NRF)")."""
    for key, c in list(clusters.items()):
        if key not in clusters or c.entry is not None:
            continue
        # The name is one of the mentions' forms (or a form title-cased, never an
        # acronym then): when no form is one, neither is the name, so it is not built.
        if not any(_ACRONYM.match(m.text(text).replace(".", "")) for m in c.mentions):
            _merge_titled_abbreviation(clusters, key, text)
            continue
        if c.label() in _CAPITALS_READ_AS_NAMES and all(m.text(text).isupper() for m in c.mentions):
            continue  # "GB" read as a place is no acronym to spell out ("Gelete Burka")
        short = c.name(text).replace(".", "")
        if not _ACRONYM.match(short):
            continue
        # In brackets after several names, it labels them ("J Smit (SA), T Delport (SA)"
        # in a team sheet): it spells out none of them.
        bracketed = {k for k, other in clusters.items() if k != key and _bracketed(other, c, text)}
        if len(bracketed) > 1:
            bracketed = set()
        matches = []
        for other_key, other in clusters.items():
            if other_key == key or other.label() not in ("ORG", "GPE", "LOC", "FAC", "EVENT", "LAW"):
                continue
            if other_key in bracketed or any(_initials_of(m.text(text)) == short for m in other.mentions):
                matches.append(other_key)
        if len(matches) == 1:
            _merge(clusters, key, matches[0])


def _bracketed(expansion: Cluster, acronym: Cluster, text: str, openers: tuple[str, ...] = (" (",)) -> bool:
    starts = {m.start for m in acronym.mentions}
    for m in expansion.mentions:
        after = text[m.end : m.end + 3]
        if after.startswith(openers) and m.end + 2 in starts:
            return True
    return False


def _merge_titled_abbreviation(clusters: dict[str, Cluster], key: str, text: str) -> None:
    """A name abbreviated in title case, British style, joins the one name it follows in
    brackets or after a comma and whose initials spell it ("the World Anti-Doping Agency
    (Wada)", "the Internet Corporation for Assigned Names and Numbers, Icann")."""
    c = clusters[key]
    forms = {m.text(text) for m in c.mentions}
    if len(forms) != 1 or not TITLE_ABBREVIATION.fullmatch(next(iter(forms))):
        return
    short = next(iter(forms)).upper()
    matches = [
        other_key
        for other_key, other in clusters.items()
        if other_key != key
        and other.label() == c.label()
        and _bracketed(other, c, text, (" (", ", "))
        and any(_initials_of(m.text(text)) == short for m in other.mentions)
    ]
    if len(matches) == 1:
        _merge(clusters, key, matches[0])


def country_for_cluster(c: Cluster, text: str, label: str | None = None) -> countries.Country | None:
    """The country a cluster is (a GPE country) or belongs to by demonym (a NORP).
    ``label`` is ``c.label()`` when the caller has it."""
    if c.entry is not None and c.entry.kind in ("country", "demonym"):
        return countries.country_by_code(c.entry.country) if c.entry.country else None
    label = c.label() if label is None else label
    if label not in ("NORP", "GPE", "LOC"):
        return None
    for m in c.mentions:
        surface = m.text(text)
        found = countries.country_by_demonym(surface) if label == "NORP" else None
        if found is None and label in ("GPE", "LOC"):
            found = countries.country_by_name(surface)
        if found is not None:
            return found
    return None


def add_references(clusters: list[Cluster], sdoc, toks, gaz: Gazetteer) -> None:
    """Add "the alliance" / "the bloc" / "the union" as mentions of the one organisation in
    the document that news calls so (NATO, the EU), never when two candidates are present
    or another union (a trade union, "the FNV union") is named. ``toks`` are the
    document's token offsets (``mentions.Tokens``)."""
    present = {c.key: c for c in clusters}
    nouns = [i for i in positions(toks.lower, gaz.generic_nouns.keys()) if i]
    if not nouns:
        return
    starts = {m.start for c in clusters for m in c.mentions}
    for i in nouns:
        keys = [k for k in gaz.generic_nouns[toks.lower[i]] if k in present]
        if len(keys) != 1 or not _after_the(toks, i) or toks.starts[i] in starts:
            continue
        target = present[keys[0]]
        if _compound(sdoc[i]) or _rival(toks.lower[i], toks, target):
            continue
        target.mentions.append(Mention(toks.starts[i], toks.ends[i], "ORG", "reference"))
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.first)  # a reference may come before the name


def _after_the(toks, i: int) -> bool:
    """"the alliance", "the whole alliance", "the 30-member alliance": "the" and at most
    two lower-case modifiers before the noun (a capitalised one names another thing)."""
    for back in (1, 2, 3):
        j = i - back
        if j < 0:
            return False
        if toks.lower[j] == "the":
            return True
        word = toks.words[j]
        if not (word.islower() or word[:1].isdigit()) or not word.replace("-", "").isalnum():
            return False
    return False


def _compound(tok) -> bool:
    """"the union leaders": the noun only modifies what follows."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound"


def _rival(noun: str, toks, target: Cluster) -> bool:
    """Another thing the same noun could mean: "trade union", "FNV union", "a union"."""
    inside = {m.start for m in target.mentions} | {m.end for m in target.mentions}
    for i, low in enumerate(toks.lower):
        if low != noun or i == 0 or toks.ends[i] in inside:
            continue
        prev = toks.words[i - 1]
        if prev.lower() in ("the", "this", "that"):
            continue
        if prev[:1].isupper() or prev.lower() in ("trade", "labor", "labour", "workers", "a", "another"):
            return True
    return False
