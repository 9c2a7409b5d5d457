"""Name mentions from the spaCy parse, trimmed, de-junked and merged with gazetteer hits.

Works on any recogniser that emits OntoNotes labels (the model's own ``ner`` or
newsgraph's news recogniser). Offsets are characters into the analysed text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from newsgraph.pipeline.components.entities.gazetteer import HONORIFICS, POSTNOMINALS, Entry, party_names, titles
from newsgraph.pipeline.components.entities.roles import canonical_title
from newsgraph.pipeline.shared.parse import columns, ent_spans
from newsgraph.resources import entries, table, words

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_PRONOUNS = words("lexicons/entities/pronouns.txt")
# Page furniture the recogniser sometimes tags ("RELATED IMAGES", "Share").
_FURNITURE = words("lexicons/entities/furniture_words.txt")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Pronouns whose capitals spell a name: the United States, the World Health Organization.
_PRONOUN_ABBREVIATIONS = frozenset({"US", "WHO"})
_ARTICLES = frozenset({"the", "The", "THE"})
_OPENING_TAGS = frozenset({"IN", "RB", "CC", "TO"})
_RANKS = words("lexicons/entities/rank_abbreviations.txt")
# "Home Secretary", "Trade and Industry Secretary", "Shadow Culture Minister": the words of
# a portfolio before a post are part of the title, never a name of their own.
_PORTFOLIO_WORDS = words("lexicons/entities/portfolios.txt") | {"and", "&", "shadow"}
_POSTS = frozenset({"secretary", "minister", "ministers", "secretaries", "spokesman", "spokeswoman", "spokesperson"})
# "(AP Photo/Patrick Semansky)", "(Reuters/Jane Doe)", "(Photo: Jane Doe/AFP)".
_CREDIT = re.compile(
    r"\((?P<org>[A-Z][\w&.]*(?: (?!Photo|Pool|Images?\b)[A-Z][\w&.]*)?)(?: (?:Photo|Photograph|Pool Photo|Images?))?"
    r"/(?P<who>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|van|de|von|der|da|di|le|la)){1,4})(?:, ?File)?\)"
)


class Tokens:
    """Token offsets of a parsed text as plain lists, built once per document, because
    iterating a spaCy ``Doc`` creates a Python object per token on every pass."""

    def __init__(self, sdoc, text: str):
        from spacy.attrs import IDX, IS_STOP, LENGTH, SENT_START, TAG

        self.text = text
        self.sdoc = sdoc  # for the rare rule that reads the parse of one token
        cols = columns(sdoc)
        self.starts = list(cols.list(IDX))
        self.ends = (cols.column(IDX) + cols.column(LENGTH)).tolist()
        self.sent_start = (cols.column(SENT_START) == 1).tolist()
        self.stop = (cols.column(IS_STOP) == 1).tolist()
        tags = cols.list(TAG)
        strings = sdoc.vocab.strings
        tag_names = {h: strings[h] if h else "" for h in set(tags)}
        self.tags = list(map(tag_names.__getitem__, tags))
        self.words = [text[s:e] for s, e in zip(self.starts, self.ends)]
        self.lower = list(map(str.lower, self.words))
        self.by_start = dict(zip(self.starts, range(len(self.starts))))
        self.by_end = dict(zip(self.ends, range(len(self.ends))))

    def __len__(self) -> int:
        return len(self.starts)

    def covering(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping ``[start, end)``."""
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


@dataclass
class Mention:
    """A candidate mention ``[start, end)`` with its label. ``source`` is model, gazetteer,
    credit or propagated; ``entry`` the gazetteer entry it matched, if any; ``shouting``
    whether it lies in an upper-case line (a headline or a sports table)."""

    start: int
    end: int
    label: str
    source: str
    entry: Entry | None = None
    shouting: bool = False
    sure: bool = False  # a rule settled the label (outvotes the model like a gazetteer)

    def text(self, text: str) -> str:
        return text[self.start : self.end]


_WORD = re.compile(r"[^\W\d_]{2,}")
# Two letters in a row, neither an ASCII lower-case one: every upper-case word has them.
_TWO_CAPITALS = re.compile(r"[^\W\d_a-z]{2}")


def shouting_tokens(toks: Tokens, text: str) -> set[int]:
    """Indices of tokens on lines written mostly in capitals (headlines, tables)."""
    out: set[int] = set()
    pos = 0
    for line in text.split("\n"):
        if not _TWO_CAPITALS.search(line):  # no upper-case word at all: cheap to rule out
            pos += len(line) + 1
            continue
        words = _WORD.findall(line)
        if words and sum(w.isupper() for w in words) >= 0.6 * len(words):
            out.update(toks.covering(pos, pos + len(line)))
        pos += len(line) + 1
    return out


def model_mentions(sdoc, shouting: set[int], text: str, toks: Tokens | None = None) -> list[Mention]:
    """The recogniser's name spans, trimmed of articles, possessives, titles and junk."""
    toks = toks or Tokens(sdoc, text)
    out = []
    for ent_start, ent_end, label in ent_spans(sdoc):
        if label not in NAME_LABELS:
            continue
        parts = _split_courtesy(toks, _split_commas(toks, _split_lines(toks, ent_start, ent_end), label), label)
        for first, last, place in _split_joined(toks, parts):
            kind = "GPE" if place else label
            if kind in ("PERSON", "GPE", "LOC") and first < last and toks.lower[last] in _BUILDING_HEADS:
                # "the Prince Edward Theatre", "Llanelli Grammar School": no person (and
                # "Prince" no title of one), a building or the body in it
                kind = _BUILDING_HEADS[toks.lower[last]]
            trimmed = trim_range(toks, first, last, kind)
            if trimmed is None:
                continue
            part = (first, last)
            first, last = trimmed
            if last < part[1] and toks.words[last + 1] in POSTNOMINALS:
                kind = _before_postnominal(toks, first, last, toks.words[last + 1], kind)
            if kind == "PERSON" and _ends_in_title(toks, first, last):  # "Kano State Governor"
                while first < last and _ends_in_title(toks, first, last):
                    last -= 1
                kind = "ORG"  # what a title follows: its country or organisation
            if _portfolio(toks, first, last):
                continue
            start, end = toks.starts[first], toks.ends[last]
            if first < last and toks.lower[first] in HONORIFICS:  # "Ms Diemont" tagged ORG
                first, kind = first + 1, "PERSON"
                start = toks.starts[first]
            described = _name_after_descriptor(toks, first, last, kind)
            if described is not None:  # "Rapper Eminem", "Singer Joss Stone" (tagged ORG)
                first, kind = described, "PERSON"
                start = toks.starts[first]
            person = _name_after_demonym(toks, first, last, kind)
            if person is not None:  # "Frenchman Cyril Saulnier": the nationality and the person
                out.append(Mention(start, toks.ends[first], "NORP", "model", shouting=first in shouting))
                first = person
                start = toks.starts[first]
            named = _name_after_title(toks, first, last, kind)
            if named is not None:  # "Lithuanian President Gitanas Nauseda" as one span
                first, kind = named, "PERSON"
                start = toks.starts[first]
            if _end_of_hyphenated_title(toks, first, last):
                continue
            # a person by the document's own word for them: the label outvotes the model's elsewhere
            mention = Mention(start, end, kind, "model", shouting=first in shouting, sure=described is not None)
            if not is_junk(text[start:end]) and not _COMPOUND_WORD.match(text, end):
                out.append(mention)
    return out


def _end_of_hyphenated_title(toks: Tokens, first: int, last: int) -> bool:
    """The span is one word ending a hyphenated title: "General" of "UN Secretary-General",
    which the recogniser reads as an organisation."""
    if first != last or first < 2 or toks.words[first - 1] != "-":
        return False
    if toks.ends[first - 2] != toks.starts[first - 1] or toks.ends[first - 1] != toks.starts[first]:
        return False
    return f"{toks.lower[first - 2]}-{toks.lower[first]}" in titles()


# "Short-term": a capitalised word that only opens a hyphenated compound.
_COMPOUND_WORD = re.compile(r"-[a-z]")
_NO_SPLIT_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "PRODUCT"})


def _name_after_title(toks: Tokens, first: int, last: int, label: str) -> int | None:
    """For a span "[modifier] Title Name" (a recogniser's run-on such as "Lithuanian
    President Gitanas Nauseda"), the index of the name's first token, else None.
    Organisations and facilities named after people ("King Abdullah University") are
    left alone."""
    if label in _NO_SPLIT_LABELS or last <= first:
        return None
    table = titles()
    words, lower = toks.words, toks.lower
    # A title begun before the span: "General" of "General Secretary Brendan Barber",
    # "Secretary of" of "Secretary of Energy Spencer Abraham".
    for back in (1, 2):
        for n in (1, 2):
            if first - back < 0 or first + n > last:
                continue
            if canonical_title(toks.text[toks.starts[first - back] : toks.ends[first + n - 1]]) is None:
                continue
            rest = words[first + n : last + 1]
            return first + n if all(w.isalpha() and w[:1].isupper() for w in rest) else None
    for i in range(first, last):  # where the title would start
        if not words[i][:1].isupper():
            continue
        for n in (3, 2, 1):
            j = i + n  # where the name would start
            if j > last:
                continue
            phrase = " ".join(lower[i:j])
            if phrase not in table and not (n >= 2 and lower[j - 1] == "minister"):
                continue
            rest = words[j : last + 1]
            return j if all(w.isalpha() and w[:1].isupper() for w in rest) else None
    return None


def _name_after_descriptor(toks: Tokens, first: int, last: int, label: str) -> int | None:
    """For a span "Occupation Name" (``person_descriptors.txt``: "Rapper Eminem", "Veteran
    Gary Lineker"), the index of the name's first token, else None. The rest must be
    capitalised words; a span the recogniser did not read as a person is one only when
    the name starts with a given name or ends with a common surname of the Census lists
    ("Singer Britney Spears", "Singer Joss Stone"; not "Designer Outlet Village"). Any other
    noun for a kind of person (WordNet's, ``wordnet/person_nouns.txt``: "Cinematographer
    John Mathieson", "fellow Welshman Ray Reardon") counts only before a given name and a
    surname, and never when it is a given name itself ("Christian", "Guy"); in a span the
    recogniser did not read as a person, only before two words the last of which is a
    Census surname ("American Taylor Dent"; not "Saint Bernard Software", "Red Star
    Belgrade")."""
    if last <= first or not toks.words[first][:1].isupper():
        return None
    if toks.lower[first] not in _DESCRIPTORS and not (
        _person_noun_before_name(toks, first, last)
        and (label == "PERSON" or (last - first == 2 and toks.lower[last] in surname_ranks()))
    ):
        return None
    rest = toks.words[first + 1 : last + 1]
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in rest):
        return None
    if label != "PERSON" and (
        len(rest) < 2 or (toks.lower[first + 1] not in all_given_names() and toks.lower[last] not in surname_ranks())
    ):
        return None
    return first + 1


def _person_noun_before_name(toks: Tokens, first: int, last: int) -> bool:
    """True for a noun for a kind of person opening a span of three words or more whose
    next word is a given name: "Bookmaker William Hill", "Olympian Andy Turner"; not an
    everyday English word some country gives as a name ("Light My Fire", "American Red
    Cross", "Criminal Justice Bill"), unless the Census lists it ("Taylor")."""
    following = toks.lower[first + 1]
    return (
        last - first >= 2
        and toks.lower[first] in _PERSON_NOUNS
        and not any_given_name(toks.lower[first])
        and (following in all_given_names() or (any_given_name(following) and not ordinary(following, EVERYDAY_ZIPF)))
    )


_DESCRIPTORS = words("lexicons/entities/person_descriptors.txt")
_PERSON_NOUNS = words("lexicons/wordnet/person_nouns.txt")
# Head words of buildings and institutions named after people or places: the label a name
# ending in one takes instead of PERSON, GPE or LOC. The places' facility_heads.txt without
# the heads that are surnames too ("Hall", "Park", "Church", "Temple", "Castle", "Bridge")
# or streets, and with the institutions.
_BUILDING_HEADS = {
    **dict.fromkeys(
        "theatre theater gallery museum hospital stadium arena cathedral library airport mosque synagogue centre "
        "center".split(),
        "FAC",
    ),
    **dict.fromkeys(["college", "school", "academy", "university"], "ORG"),
}


@cache
def _demonym_words() -> frozenset[str]:
    """The demonyms of ``countries.tsv``, lower case and singular ("frenchman", "briton"),
    built once (read for every PERSON span the recogniser gives)."""
    from newsgraph.resources.countries import demonyms

    return frozenset(demonyms())


def _name_after_demonym(toks: Tokens, first: int, last: int, label: str) -> int | None:
    """For a person's span "Demonym Name" ("Frenchman Cyril Saulnier", "Briton Tim
    Henman", "Kenyan Susan Chepkemei", "Russian Korzhanenko"), the index of the name's
    first token, else None: the rest is one to three capitalised words that open with a
    given name or are each a given name or no ordinary English word, and a name of one word
    only after a demonym that is no given name ("German Gref", Herman Gref in Russian,
    stays)."""
    if label != "PERSON" or last <= first or not toks.words[first][:1].isupper():
        return None
    if toks.lower[first] not in _demonym_words():
        return None
    rest = toks.words[first + 1 : last + 1]
    if len(rest) > 3 or not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in rest):
        return None
    # A name: a given name first ("Briton Hayley Yelling"), or words no dictionary has
    # ("Russian Korzhanenko"); "British Comedy awards", "Macedonian Bulgarian Oil
    # Corporation" are no people.
    given_first = len(rest) > 1 and any_given_name(rest[0].lower())
    if not given_first and not all(any_given_name(w.lower()) or not ordinary(w) for w in rest):
        return None
    if len(rest) == 1 and any_given_name(toks.lower[first]):
        return None
    return first + 1


def _portfolio(toks: Tokens, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` are only a portfolio's words before a post ("Home"
    of "Home Secretary", "Trade and Industry" of "Trade and Industry Secretary")."""
    nxt = last + 1
    if nxt >= len(toks) or toks.lower[nxt] not in _POSTS or not toks.words[nxt][:1].isupper():
        return False
    return all(toks.lower[i] in _PORTFOLIO_WORDS for i in range(first, last + 1))


def _ends_in_title(toks: Tokens, first: int, last: int) -> bool:
    """Whether the capitalised last word of a longer span is a title ("Governor"), and not
    a surname after a given name ("Mervyn King", "Stephen King", "Michelle Judge": titles
    that are common surnames too, ``surnames.tsv``) or the end of a hyphened one."""
    if not (first < last and toks.words[last][:1].isupper() and toks.lower[last] in titles()):
        return False
    if toks.words[last - 1] == "-" and toks.ends[last - 1] == toks.starts[last] and last >= first + 2:
        # the end of a double-barrelled surname ("Magnus McEwen-King"), unless the
        # hyphened words are a title of their own ("Secretary-General")
        return f"{toks.lower[last - 2]}-{toks.lower[last]}" in titles()
    return toks.lower[last] not in surname_ranks() or not any_given_name(toks.lower[last - 1])


def _split_lines(toks: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges [first, last] of the tokens ``start``..``end - 1`` split at line breaks
    and at the sentences the parser found: the recogniser runs before the parser
    (``backbone._swap_in_shipped_ner``) and now and then reads on through a full stop
    ("Warner Bros. However", "AT&T. Consolidation"); a lone ordinary word opening the
    next sentence is no name of its own."""
    parts, first = [], None
    for i in range(start, end):
        word = toks.words[i]
        if "\n" in word or word.isspace():
            if first is not None:
                parts.append((first, i - 1))
            first = None
        elif first is None:
            first = i
        elif toks.sent_start[i] and toks.words[i - 1].endswith("."):
            parts.append((first, i - 1))
            if i == end - 1 and ordinary(word):
                return parts
            first = i
    if first is not None:
        parts.append((first, end - 1))
    return parts


def _split_commas(toks: Tokens, parts: list[tuple[int, int]], label: str) -> list[tuple[int, int]]:
    """Token ranges split at the commas inside a name that is no place: the recogniser now
    and then reads two names of a list as one ("Pixies, Foo Fighters", "James, Mills",
    "Frost, Mr Blair"). Not a comma before a list that ends in "and" or "&" inside the name
    ("Ministry of Economy, Trade and Industry", "Earth, Wind & Fire"), nor one before a
    suffix ("Acme, Inc.", "King, Jr."); a place's comma ("Springfield, Illinois") is left to
    the places component. A semicolon followed by a space ends a name whatever its label
    ("N Mas; F Pelous" in a team sheet); one inside a word is an HTML entity ("S&#227;o")."""
    place = label in ("GPE", "LOC", "FAC")
    out = []
    for first, last in parts:
        start = first
        for i in range(first + 1, last):
            if i == start:
                continue
            if toks.words[i] == ";" and toks.ends[i] < toks.starts[i + 1]:
                out.append((start, i - 1))
                start = i + 1
                continue
            if toks.words[i] != "," or place:
                continue
            rest = toks.lower[i + 1 : last + 1]
            if "and" in rest or "&" in rest or (len(rest) == 1 and rest[0].rstrip(".") in _COMMA_SUFFIXES):
                break
            out.append((start, i - 1))
            start = i + 1
        out.append((start, last))
    return out


def _split_courtesy(toks: Tokens, parts: list[tuple[int, int]], label: str) -> list[tuple[int, int]]:
    """Token ranges split before a courtesy title inside a name ("in California Mr
    Torvalds said", "told the BBC Mr Howard"): the recogniser reads on over a missing comma.
    The part from the title on is a person's name; the part before it is kept only when it
    could be a name itself (every word capitalised, no verb: "California", "Foreign Policy
    Centre"; not "Responding to", "Interrupting", "Queen invited") and the mention was not
    read as a person's."""
    out = []
    for first, last in parts:
        cut = next(
            (i for i in range(first + 1, last) if toks.lower[i] in COURTESY_TITLES and toks.words[i + 1][:1].isupper()),
            None,
        )
        if cut is None:
            out.append((first, last))
            continue
        left = range(first, cut)
        named = all(toks.words[i][:1].isupper() and not toks.tags[i].startswith("VB") for i in left)
        # One word is kept when it is an abbreviation or a place ("BBC", "California",
        # "Harrogate"): a word opening the sentence is capitalised anyway ("Interrupting").
        lone = cut == first + 1 and not toks.words[first].isupper() and not _a_place(toks.words[first])
        if label != "PERSON" and named and not lone:
            out.append((first, cut - 1))
        out.append((cut, last))
    return out


def _split_joined(toks: Tokens, parts: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Token ranges ``(first, last, place)`` of ``parts`` split where the recogniser read
    two names as one across a lower-case word that joins clauses ("told the FT that News
    Corp", "the Cabinet if Labour wins": ``_CLAUSE_JOINERS``) or across "in" or "at" before
    a place GeoNames knows (``_a_place``: "Sage in Gateshead", "Cornell University in New
    York", "Dent in Adelaide", "the ministry in Trinidad"); ``place`` marks that place. Not
    after a name with a lower-case word inside ("University of Texas at Austin",
    "Organisation for Security and Cooperation in Europe" are one name each), and not
    before a word that is no place ("Children in Need", "Investors in People")."""
    out = []
    for first, last in parts:
        start = first
        for i in range(first + 1, last):
            word = toks.words[i]
            if i <= start or not toks.words[i + 1][:1].isupper():
                continue
            if word in _CLAUSE_JOINERS:
                out.append((start, i - 1, False))
                start = i + 1
            elif word in ("in", "at") and all(w[:1].isupper() for w in toks.words[start + 1 : i]):
                rest = toks.words[i + 1 : last + 1]
                if all(w[:1].isupper() for w in rest) and _a_place(" ".join(rest)):
                    # "ministry in Trinidad": a lower-case word before is no name at all;
                    # "People in England have ...": nor one capitalised only to open
                    if toks.words[start][:1].isupper() and not _lone_opening_word(toks, start, i - 1):
                        out.append((start, i - 1, False))
                    out.append((i + 1, last, True))
                    start = last + 1
                    break
        if start <= last:
            out.append((start, last, False))
    return out


def _lone_opening_word(toks: Tokens, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` are one ordinary word that opens a sentence or a
    quote, capitalised for that alone ("People" of '"People in England have ...')."""
    if first != last or not ordinary(toks.words[first]):
        return False
    return opens_sentence(toks, first) or toks.words[first - 1] == "("


def opens_sentence(toks: Tokens, i: int) -> bool:
    """Token ``i`` opens a sentence, a line or a quotation: the parser's sentence start, or
    after a line break, a quote mark or a sentence's end ("Who will support their families?
    Will their children ...", which the parser runs together)."""
    return i == 0 or toks.sent_start[i] or "\n" in toks.words[i - 1] or toks.words[i - 1] in _OPENERS


# Tokens after which a capital opens a sentence or a quotation.
_OPENERS = frozenset({'"', "“", "'", "‘", ".", "?", "!"})


# Lower-case words that join clauses and never stand inside a name.
_CLAUSE_JOINERS = frozenset({"that", "if", "whether", "because", "although", "unless", "while", "when", "who", "which"})


def _a_place(word: str) -> bool:
    """GeoNames knows a country, a division or a town of 1,000 people or more called ``word``."""
    from newsgraph.resources.geonames import gazetteer as places

    return any(p.is_country or p.is_admin1 or p.is_admin2 or p.population >= 1_000 for p in places().lookup(word))


# Courtesy titles that open a person's name and never stand inside another name (unlike
# "Lord", "Sir" or "Miss": "Tory Lord Campbell", "Little Miss Sunshine").
COURTESY_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})


# Words a name keeps after a comma: a person's suffix ("Martin Luther King, Jr.") or a
# company's ("Acme, Inc.", among the words that write a name as a company's).
_COMMA_SUFFIXES = words("lexicons/names/suffixes.txt") | words("lexicons/entities/org_cue_after.txt")


def ordinary(word: str, zipf: float | None = None) -> bool:
    """A word of ordinary English (wordfreq's Zipf >= ``zipf``, by default ``ORDINARY_ZIPF``)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= (ORDINARY_ZIPF if zipf is None else zipf)


# Endings of the names of peoples, their members and faiths ("Liverpudlians", "Iraqis",
# "Catholics", "Communists", "Irishman", "Israelite").
_GROUP_ENDING = re.compile(r"(?:an|ese|ish|i|ic|ist|ite|m[ae]n)s?$", re.IGNORECASE)


def group_shaped(surface: str) -> bool:
    """Whether a name is shaped like a people's, a member's or a faith's: its last word
    has such an ending or is a demonym ("Dutch", "Thai")."""
    from newsgraph.resources.countries import country_by_demonym

    words = surface.split()
    return bool(words) and (bool(_GROUP_ENDING.search(words[-1])) or country_by_demonym(words[-1]) is not None)


# Letters after a name or a party that say what the person is, not who: "Frank Field MP"
# is Frank Field, "Labour MPs" are members of Labour (the party's name is the mention).
_PLURAL_POSTNOMINALS = frozenset({"MPs", "MEPs", "MSPs"})


# A lone given name at least this common is a person without asking (``second_opinion``).
# Chosen on the BBC articles read for that step (docs/entities.md): the top 300 hold "Maria",
# "Sandra", "Michelle", "Emma" and "Scott", which en_core_web_sm read as organisations;
# "Chelsea" (407th) and "Mercedes" (433rd) lie beyond it, as clubs and companies more often
# than people in news.
COMMON_GIVEN_NAME_RANK = 300
# A word at least this frequent in English (wordfreq's Zipf scale: about 3 per million
# words) is an ordinary word (``ordinary``).
ORDINARY_ZIPF = 3.5
# A word of everyday English ("red", "justice", "media"), which no given name of another
# country makes a name ("Gareth" and "Clive", at 3.5 and 3.6, stay names).
EVERYDAY_ZIPF = 4.5


@cache
def common_given_names() -> frozenset[str]:
    """The given names of rank ``COMMON_GIVEN_NAME_RANK`` or better, lower case."""
    ranks = table("lexicons/names/given_names.tsv")
    return frozenset(n for n, value in ranks.items() if int(value.split("\t")[0]) <= COMMON_GIVEN_NAME_RANK)


@cache
def _given_name_sexes() -> dict[str, str]:
    return {n: value.split("\t")[1] for n, value in table("lexicons/names/given_names.tsv").items()}


def given_name_sex(name: str) -> str | None:
    """"m" or "f": the sex of the Census list in which a lower-case given name ranks best
    ("tony": m, "cherie": f); None for a name in neither list."""
    return _given_name_sexes().get(name)


@cache
def all_given_names() -> frozenset[str]:
    """Every given name of the Census lists and the short forms of ``nicknames.tsv``
    ("geoff", "dave"), lower case."""
    return frozenset(table("lexicons/names/given_names.tsv")) | frozenset(table("lexicons/names/nicknames.tsv"))


@cache
def world_given_names() -> frozenset[str]:
    """Given names of many countries (Faker's lists, ``world_given_names.tsv``: "graeme",
    "thierry", "goran", "iain"), lower case, with and without accents. Wider than the Census
    lists and less sure: some are words or places elsewhere ("aston"), so only a name
    written as a person's whole name asks it (``consistency.person_shaped``)."""
    return frozenset(table("lexicons/names/world_given_names.tsv"))


def any_given_name(word: str) -> bool:
    """``word`` (lower case) is a given name of the Census lists, ``nicknames.tsv`` or
    Faker's lists of many countries."""
    return word in all_given_names() or word in world_given_names()


# Words (case-folded) left out of a name's initials ("Organisation of the Petroleum
# Exporting Countries" ~ OPEC).
ACRONYM_SKIP = words("lexicons/entities/acronym_skip.txt")
# An abbreviation written in title case, British style ("Wada", "Icann", "Nato").
TITLE_ABBREVIATION = re.compile(r"[A-Z][a-z]{2,6}")


def initials(words: list[str], skip: frozenset[str] = ACRONYM_SKIP, whole_capitals: bool = False) -> str:
    """The letters a run of words abbreviates to: each word's, and each hyphenated part's,
    first letter ("Anti-Doping" gives "AD"), ``skip`` words none; with ``whole_capitals`` a
    word in capitals gives all its letters ("Voice over IP" -> "VOIP"; without it "NATO
    Response Force" -> "NRF")."""
    letters = []
    for word in words:
        for part in word.split("-"):
            if not part or part.casefold() in skip:
                continue
            letters.append(part.upper() if whole_capitals and part.isupper() and len(part) > 1 else part[0].upper())
    return "".join(letters)


@cache
def surname_ranks() -> dict[str, int]:
    """The 10,000 commonest surnames of the 1990 US Census, lower case, with their rank."""
    return {name: int(rank) for name, rank in table("lexicons/names/surnames.tsv").items()}


# A surname this common may be a person even when a listed company bears it ("Williams"
# 3, "Ford" 102, "Hilton" 1,161); rarer ones are the company ("Dell" 4,076, "Disney" 8,400).
COMMON_SURNAME = 2_000


def may_be_person(name: str) -> bool:
    """A given name or one of the ``COMMON_SURNAME`` commonest surnames: a one-word PERSON
    mention of it is left a person."""
    key = name.lower()
    return key in all_given_names() or surname_ranks().get(key, COMMON_SURNAME + 1) <= COMMON_SURNAME


def trim_range(toks: Tokens, first: int, last: int, label: str) -> tuple[int, int] | None:
    """Token range ``[first, last]`` without article, titles (PERSON), possessive, punctuation."""
    words = toks.words
    while first <= last and (words[last] in _POSSESSIVE or _is_punct(words[last])):
        last -= 1
    while first <= last and (words[first] in _ARTICLES or _is_punct(words[first])):
        first += 1
    # A unit glued to a number ("1.8GB", "3G", "10K", "60GB iPod") is no name, nor part of one.
    while first <= last and first > 0 and toks.ends[first - 1] == toks.starts[first] and words[first - 1][-1:].isdigit():
        first += 1
    # "ex-Yukos", "pro-Chavez", "post-Enron", "Ex-Boeing": the name is what follows the
    # hyphen ("Anti-Terrorism Bill", "Pro-Life Alliance", "anti-Nazi" are left whole, and
    # so is an adjective of a people or a stance, "post-Soviet", "pro-Israel", as CoNLL
    # annotates it).
    while label != "NORP" and first + 2 <= last and _prefixed(toks, first):
        first += 2
    # "In Jakarta", "Only France": a function word capitalised because it opens the
    # sentence is not part of the name.
    while first < last and toks.sent_start[first] and toks.tags[first] in _OPENING_TAGS and toks.stop[first]:
        first += 1
        while first < last and _is_punct(words[first]):  # "Elsewhere, Abebe Dinkessa"
            first += 1
    while first < last and words[last] in POSTNOMINALS:  # "Frank Field MP", "Labour MPs"
        last -= 1
    while first < last and _is_rank(toks, last):  # "Air Force Lt." before "Col. Jane Porter"
        last -= 1
        while first < last and _is_punct(words[last]):
            last -= 1
    if first == last and _is_rank(toks, first):  # "Cmdr." names nobody
        return None
    if label == "PERSON":
        first += _party_before_name(toks, first, last)  # "Tory Liam Fox", "Lib Dem Norman Baker"
        if _group_before_name(toks, first, last):  # "Tories Ken Clarke", "Boss Steve Bruce"
            first += 1
            while first < last and _is_punct(words[first]):  # "MPs - Keith Vaz"
                first += 1
        table = titles()
        while first < last and (
            toks.lower[first] in HONORIFICS or toks.lower[first] in table or toks.lower[first] == "former"
        ):
            first += 1
    return (first, last) if first <= last else None


# Prefixes hyphened to a name that make a word of it without being part of it.
_PREFIXES = frozenset({"ex", "Ex", "pro", "post", "pre"})


def _prefixed(toks: Tokens, first: int) -> bool:
    """Token ``first`` is a prefix of ``_PREFIXES`` glued by a hyphen to the next word."""
    words = toks.words
    return words[first] in _PREFIXES and words[first + 1] == "-" and toks.ends[first] == toks.starts[first + 1]


def _party_before_name(toks: Tokens, first: int, last: int) -> int:
    """How many words a party's name takes at the front of a person's span, before a given
    name or an honorific and at least one word more ("Tory Liam Fox", "Lib Dem Norman
    Baker", "Tory Lord Campbell of Alloway"): the party's, not the person's; else 0."""
    for n in (2, 1):
        nxt = first + n
        if nxt >= last or tuple(toks.lower[first:nxt]) not in party_names():
            continue
        if any_given_name(toks.lower[nxt]) or toks.lower[nxt] in HONORIFICS:
            return n
    return 0


def _group_before_name(toks: Tokens, first: int, last: int) -> bool:
    """Whether a person's span opens with a word that is no part of the name, before a
    given name or an honorific and at least one word more: an ordinary plural ("including
    Tories Ken Clarke", "Contestants Paul Burrell"; "MPs - Keith Vaz"), a verb ("Observes
    Mr Hadi") or an ordinary word opening the sentence ("Boss Steve Bruce", "Referee
    Graham Poll"). Never a given name ("Douglas Alexander"), a word hyphened to the next
    ("Day-Lewis"), a word that opens names (``name_openers.txt``: "Pier Francesco Chili",
    "Abu Musab") or a rare plural-looking word ("Lars von Trier")."""
    nxt = first + 1
    if nxt >= last or toks.ends[first] == toks.starts[nxt]:
        return False  # one word or two; "Day-Lewis", "J-Lo": one word
    if _is_punct(toks.words[nxt]):
        nxt += 1  # "MPs - Keith Vaz"
    if last - nxt < 1 and not (last == nxt and toks.lower[nxt] in HONORIFICS):
        return False
    word, lower = toks.words[first], toks.lower[first]
    if not word[:1].isupper() or lower in all_given_names() or lower in HONORIFICS or lower in _NAME_OPENERS:
        return False
    if toks.lower[nxt] not in all_given_names() and toks.lower[nxt] not in HONORIFICS:
        return False
    plural = toks.tags[first] in ("NNS", "NNPS") or _PLURAL_WORD.fullmatch(word) is not None and ordinary(word)
    return plural or toks.tags[first] in ("VBZ", "VBD") or bool(toks.sent_start[first]) and ordinary(word)


_NAME_OPENERS = words("lexicons/names/name_openers.txt")
# A capitalised plural as written inside a name ("Tories", "MPs": tagged NNP there).
_PLURAL_WORD = re.compile(r"[A-Z][A-Za-z]*[A-Za-z](?<![sS])s")


def _before_postnominal(toks: Tokens, first: int, last: int, letters: str, label: str) -> str:
    """The type of a name the letters ``letters`` followed: a group's for plural letters
    after a person ("Labour MPs", "Liberal MPs"); a person's for singular letters after a
    given name and a surname, whatever the recogniser said ("Guy Mansfield QC" tagged ORG:
    only people are QCs); else ``label`` ("Labour MP" stays the party)."""
    if letters in _PLURAL_POSTNOMINALS:
        return "NORP" if label == "PERSON" else label
    given = toks.lower[first] in all_given_names() and toks.words[first][:1].isupper()
    if given and first < last and all(toks.words[i][:1].isupper() for i in range(first + 1, last + 1)):
        return "PERSON"
    return label


def _is_rank(toks: Tokens, i: int) -> bool:
    """An abbreviated rank ("Lt", "Cmdr.") at token ``i``, with or without its dot."""
    word = toks.words[i]
    if word.rstrip(".").lower() not in _RANKS:
        return False
    dotted = word.endswith(".") or (i + 1 < len(toks.words) and toks.words[i + 1] == ".")
    return dotted or word[:1].isupper()


def _is_punct(text: str) -> bool:
    return not any(ch.isalnum() for ch in text) and text not in ("&",)


@lru_cache(maxsize=1 << 14)  # run on every mention of every document
def is_junk(text: str) -> bool:
    """True for spans that are never names: no letters, all lower case, a pronoun (but
    "US" and "WHO" in capitals are names), a contraction ("n't"), or page furniture
    ("RELATED")."""
    if not any(ch.isalpha() for ch in text):
        return True
    if not any(ch.isupper() for ch in text):
        return True
    low = text.casefold().replace("’", "'")
    if low in _PRONOUNS and text not in _PRONOUN_ABBREVIATIONS or low.startswith("n't") or low in ("'s", "'ll", "'re", "'ve", "'d", "'m"):
        return True
    if "/" in text.split():  # "N / A" in a table
        return True
    words = re.findall(r"[a-z]+", low)
    return bool(words) and all(_furniture(w) for w in words)


def _furniture(word: str) -> bool:
    """A furniture word, also glued to the next one by a scrape ("imagesview")."""
    return word in _FURNITURE or any(word.startswith(f) for f in _GLUED if len(word) > len(f))


_GLUED = entries("lexicons/entities/glued_furniture.txt")


def credit_mentions(text: str) -> list[Mention]:
    """The agency (ORG) and photographer (PERSON) of photo credits like "(AP Photo/Name)"."""
    out = []
    for match in _CREDIT.finditer(text):
        out.append(Mention(match.start("org"), match.end("org"), "ORG", "credit"))
        out.append(Mention(match.start("who"), match.end("who"), "PERSON", "credit"))
    return out
