"""Speakers: from the subject of a cue to a canonical entity of the record.

``SpeakerResolver`` turns the head token of a speaker phrase into a ``record.Speaker``:
a name or surname resolves to the entity with a mention there; a pronoun to the person
(or group) it most plausibly stands for; a title or role (``the secretary general``) to
the entity holding it; a group or institution without an entity (``the Baltic members``)
keeps ``entity`` null with the phrase as ``name`` and span. Nothing is guessed: a pronoun
with no antecedent keeps ``entity`` null and its own word as ``name``.

Entities come from ``doc.entities`` (the entities component). Without them (a pipeline
that does not run it) spaCy's own entity spans stand in, with surnames grouped onto the
full name, and ``entity`` stays null.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from newsgraph.pipeline.components.entities.gazetteer import person_titles
from newsgraph.pipeline.components.entities.mentions import COURTESY_TITLES
from newsgraph.pipeline.components.entities.roles import RANK_PREFIXES
from newsgraph.pipeline.document import Document
from newsgraph.record import Speaker
from newsgraph.resources import table, words

SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC")
# Entity types that can never speak: a mention of these is not a speaker's.
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
GROUP_TYPES = ("ORG", "GPE", "NORP", "FAC")
PERSONAL = frozenset({"he", "she", "him", "her"})
PLURAL = frozenset({"they", "them"})
NEUTER = frozenset({"it"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
# Dependents that belong to a speaker's noun phrase (left of its head).
NP_LEFT = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "case", "predet"})
_MARKS = frozenset("\"'“”‘’„«»")
# How far back (characters) a pronoun looks for its antecedent.
PRONOUN_WINDOW = 1200
# A mention in these roles names something else's attribute or whereabouts, not a
# referent a later pronoun picks up: "US officials" (compound), "shares in Paris" (a
# place as a preposition's object).
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+|\n")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str | None
    name: str
    type: str


class MentionIndex:
    """Entity mentions of one document, sorted by position, with their canonical names."""

    def __init__(self, doc: Document):
        self.mentions = _from_entities(doc) if doc.entities else _from_spacy(doc)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.roles = _roles(doc)
        self.written_for = _written_for(doc)
        self.gender = _genders(doc.text, self.mentions)

    def at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping ``[start, end)`` most, None when there is none."""
        best, best_overlap = None, 0
        hi = bisect_right(self.starts, end)
        for m in self.mentions[max(0, hi - 50) : hi]:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap and m.type not in NOT_SPEAKERS:
                best, best_overlap = m, overlap
        return best

    def person_between(self, start: int, end: int) -> bool:
        """True when a person is named within ``[start, end)``."""
        found = self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        return any(m.type == "PERSON" and m.end <= end for m in found)

    def before(self, pos: int, types: tuple[str, ...]) -> list[Mention]:
        """Mentions of ``types`` ending before ``pos`` within the pronoun window, latest first."""
        hi = bisect_right(self.starts, pos)
        out = []
        for m in reversed(self.mentions[:hi]):
            if m.end > pos:
                continue
            if pos - m.end > PRONOUN_WINDOW:
                break
            if m.type in types:
                out.append(m)
        return out


def _from_entities(doc: Document) -> list[Mention]:
    return [Mention(s.start, s.end, e.id, e.name, e.type) for e in doc.entities for s in e.mentions]


def _from_spacy(doc: Document) -> list[Mention]:
    """spaCy entity spans as mentions: a PERSON named by surname alone takes the longest
    full name sharing that surname; no entity ids (there are no entities)."""
    ents = [e for e in doc.spacy.ents if e.label_ in SPEAKER_TYPES] if doc.spacy is not None else []
    full: dict[str, str] = {}
    for ent in ents:
        if ent.label_ == "PERSON":
            words = ent.text.split()
            if words and len(ent.text) > len(full.get(words[-1], "")):
                full[words[-1]] = ent.text
    out = []
    for ent in ents:
        name = ent.text
        if ent.label_ == "PERSON" and ent.text.split():
            name = full.get(ent.text.split()[-1], name)
        out.append(Mention(ent.start_char, ent.end_char, None, " ".join(name.split()), ent.label_))
    return out


def _genders(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Entity id -> "m" or "f" for the people a courtesy title or rank marks ("Mr
    Yushchenko", "Ms Tymoshenko", "Lord Falconer"), or a kin noun in lower case ("his
    father Giuseppe"): the word right before a mention on its line, or opening it. A person
    marked both ways is left out."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "PERSON" or m.entity is None:
            continue
        before = _TITLE_BEFORE.search(text, max(0, m.start - 16), m.start)
        words = ([before.group(1)] if before else []) + text[m.start : m.end].split()[:1]
        for word in words:
            sex = _GENDERED.get(word.lower())
            if sex and (word.islower() or word.lower() not in _KIN):
                seen.setdefault(m.entity, set()).add(sex)
    return {entity: sexes.pop() for entity, sexes in seen.items() if len(sexes) == 1}


def _roles(doc: Document) -> list[tuple[str, str, str]]:
    """(lower-case office title, entity id, entity name) for every office held."""
    return [(r.title.lower(), e.id, e.name) for e in doc.entities for r in e.roles]


def _written_for(doc: Document) -> dict[tuple[str, str], frozenset[str]]:
    """(lower-case office title, holder's entity id) -> how the office's organisation or
    country is written (its name and surface forms, lower case: "tories", "tory"), for
    each office whose ``of`` is an entity of the document."""
    by_id = {e.id: e for e in doc.entities}
    out = {}
    for e in doc.entities:
        for r in e.roles:
            of = by_id.get(r.of) if r.of else None
            if of is not None:
                out[(r.title.lower(), e.id)] = frozenset(n.lower() for n in (of.name, *of.aliases))
    return out


# " of " right after a person's name that opens a speaker phrase ("Brett Lock of OutRage!").
_OF_AFTER = re.compile(r"[^\S\n]+of[^\S\n]")
# Courtesy titles and ranks that say whether a person is a man or a woman.
_GENDERED = table("quotes/gendered_titles.tsv")
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_KIN = words("lexicons/entities/kin_nouns.txt")
# The word right before a name on its line ("Mr Lush"; not "Big Brother" on the line above).
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+\.?)[^\S\n]+\Z")
# Nouns a company or body is called by ("the firm", "the insurer"): a subject with one
# stands for the organisation named, so a later "it" may too.
_COMPANY_NOUNS = words("lexicons/entities/org_cue_nouns.txt") | words("quotes/body_nouns.txt")
# Nouns for one person (besides the title words): the quotes' list and the entities' sports
# roles and kin nouns ("striker", "wife").
_PERSON_NOUNS = (
    words("quotes/person_nouns.txt")
    | words("lexicons/entities/team_roles.txt")
    | words("lexicons/entities/kin_nouns.txt")
)


def speaker_noun(lemma: str) -> bool:
    """A common noun that may name who speaks: a person ("analyst", "striker"), people or
    an institution that acts (the events' ``actor_nouns.txt``: "people", "resident"), a
    body or company ("ministry", "firm"), an office ("minister", "chairman")."""
    return (
        lemma in _PERSON_NOUNS or lemma in _ACTOR_NOUNS or lemma in _COMPANY_NOUNS or lemma in _BODY_NOUNS
        or lemma in person_titles()
    )


_ACTOR_NOUNS = words("lexicons/events/actor_nouns.txt")


# Nouns for someone who speaks for another: never the person named before them.
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Nouns that alone, after "the", name the organisation a business or sports story is about
# ("the company said"); fewer than ``_COMPANY_NOUNS``: "the organisation" may be any body.
_STORY_ORG_NOUNS = frozenset(
    {"company", "firm", "group", "bank", "airline", "carrier", "insurer", "brewer", "carmaker", "retailer", "club"}
)


# Nouns "the <noun>" names one body by (``SpeakerResolver._body_named``).
# ("the administration" is the government of the day as often as any Administration named)
_BODY_NOUNS = words("lexicons/entities/body_heads.txt") - {"administration"}


def _head_noun(name: str) -> str | None:
    """The head noun of a body's name of two words or more: its last word, or the last
    before "of" ("Court of Appeals": court); None for a name of one word."""
    words = name.lower().split()
    if len(words) < 2:
        return None
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1]


class SpeakerResolver:
    """Resolves speaker phrases in text order, remembering the speakers seen so far (the
    antecedents of later pronouns)."""

    def __init__(
        self, doc: Document, index: MentionIndex, titles: frozenset[str] = frozenset(), inside_quotes=None
    ):
        self.doc = doc
        self.titles = titles
        self.inside_quotes = inside_quotes or (lambda char: False)
        self.text = doc.text
        self.index = index
        self.history: list[tuple[int, Speaker, str]] = []  # (position, speaker, entity type)
        self.holders: dict[str, Mention] = {}  # title -> the person it last named

    def resolve(self, head, remember: bool = True) -> Speaker:
        """A ``Speaker`` for the spaCy token ``head`` (the head of the subject phrase). With
        ``remember`` false (a speaker inside what another reports) it is not one a later
        pronoun looks back to."""
        relative = None
        if head.lower_ in _REFLEXIVE_SUBJECTS:
            # "found himself struggling to explain ...": the one who found himself so
            head = _clause_subject(head) or head
        if head.lower_ in RELATIVE and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "relcl":
            relative, head = head, head.head.head
        if head.pos_ == "PRON" or head.lower_ in PERSONAL | PLURAL | NEUTER:
            speaker, kind = self._pronoun(head)
        else:
            speaker, kind = self._phrase(head)
        if relative is not None:
            # Like a pronoun, "who" keeps its own span and takes its antecedent's name.
            speaker = Speaker(entity=speaker.entity, name=speaker.name, start=relative.idx, end=relative.idx + len(relative))
        if remember:
            self.history.append((head.idx, speaker, kind))
        return speaker

    def _phrase(self, head) -> tuple[Speaker, str]:
        start, end = phrase_span(head)
        # Only a mention covering the head names the speaker: in "the Baltic members" the
        # NORP "Baltic" is a modifier, not who spoke.
        mention = self._mention_of(head)
        if mention is None or mention.type != "PERSON":
            person = self._name_after_description(head)
            if person is not None:
                return Speaker(entity=person.entity, name=person.name, start=person.start, end=person.end), "PERSON"
        if mention is not None and mention.type == "NORP" and _one_of_a_people(head):
            # "the American", "The Spaniard": a person described by nationality, never the
            # nationality itself; the person the same word is written before ("American
            # Andy Roddick"), else the description alone (in a story of two players the
            # latest name is as often the other one).
            phrase = " ".join(self.text[start:end].split())
            person = self._written_with(head.lower_, head.idx)
            if person is not None:
                return Speaker(entity=person.entity, name=person.name, start=start, end=end), person.type
            # Kept out of the antecedents of "he" and "she", as the nationality was.
            return Speaker(entity=None, name=phrase, start=start, end=end), "NORP"
        if mention is not None and mention.type in GROUP_TYPES:
            # "Brett Lock of gay group OutRage! said", which the parser heads with the group:
            # the person named first speaks for it.
            person = self.index.at(start, start + 1)
            if person is not None and person.type == "PERSON" and person.start == start and _OF_AFTER.match(self.text, person.end):
                return Speaker(entity=person.entity, name=person.name, start=person.start, end=person.end), "PERSON"
        if mention is not None:
            # The span holds the whole name: "The Muslim Council of Britain", whose head the
            # parser takes to be "Council"; "Nick Van den Brul", parsed as "Brul" alone.
            start, end = min(start, mention.start), max(end, mention.end)
            return Speaker(entity=mention.entity, name=mention.name, start=start, end=end), mention.type
        named = self._named_in_description(head)
        if named is not None:
            return Speaker(entity=named.entity, name=named.name, start=named.start, end=named.end), named.type
        phrase = " ".join(self.text[start:end].split())
        author = self._author_of(head)
        if author is not None:
            # "Mr Crosby's statement said", "Chelsea's statement": the words are theirs
            return Speaker(entity=author.entity, name=author.name, start=start, end=end), author.type
        body = _named_body(head)
        if body is not None:
            # "the chairman of the Commission for Racial Equality": an office of a named
            # body is held by whom the story names with that body, not by the story's other
            # chairman ("Labour party chairman Ian McCartney").
            names = {t.lower_ for t in body if t.pos_ == "PROPN"}
            holder = self._office_holder(phrase, head.idx)
            roles = {entity for title, entity, _ in self.index.roles if names & set(title.split())}
            # Written with the holder's name, before it or in apposition after it ("Ban
            # Ki-moon, the secretary general of the United Nations,").
            near = "" if holder is None else (
                self.text[max(0, holder.start - 60) : holder.start]
                + _SENTENCE_END.split(self.text[holder.end : holder.end + 80])[0]
            ).lower()
            written_with = bool(names & set(re.findall(r"[\w'’-]+", near)))
            if holder is not None and (holder.entity in roles or written_with):
                return Speaker(entity=holder.entity, name=holder.name, start=start, end=end), holder.type
            described = " ".join(self.text[start : body[-1].idx + len(body[-1])].split())
            return Speaker(entity=None, name=described, start=start, end=end), _noun_kind(head)
        # a plural noun is no one holder: "Women back the plans" beside "Minister for Women X"
        holder = self._office_holder(phrase, head.idx) if head.tag_ not in ("NNS", "NNPS") else None
        if holder is not None:
            return Speaker(entity=holder.entity, name=holder.name, start=start, end=end), holder.type
        company = self._company_named(phrase, start) or self._body_named(phrase, start)
        if company is not None:
            return Speaker(entity=company.entity, name=company.name, start=start, end=end), company.type
        named = self._named_after_lede(head, phrase)
        if named is not None:
            return Speaker(entity=named.entity, name=named.name, start=start, end=end), named.type
        if _AGE_DESCRIPTION.fullmatch(phrase):
            # "said the 34-year-old": a person the story is about, as "he" would be.
            found = self._antecedent(start, ("PERSON",))
            if found is not None:
                _, person, kind = found
                return Speaker(entity=person.entity, name=person.name, start=start, end=end), kind
        if head.pos_ == "PROPN" and not head.text.islower():  # (the parser tags "secretary-general" so)
            name = self._bare_name(head)
            # A title alone names nobody: the phrase is the description ("The UN Secretary-General").
            if name.lower() not in self.titles:
                return Speaker(entity=None, name=name, start=start, end=end), "PERSON"
            return Speaker(entity=None, name=phrase, start=start, end=end), "PERSON"
        return Speaker(entity=None, name=phrase, start=start, end=end), _noun_kind(head)

    def _name_after_description(self, head) -> Mention | None:
        """The person named at the end of a description the parser cut short: "said
        Swedish trades union official Ulf Carlsson", "said Nortel president and chief
        executive Bill Owens", "said Yukos chief executive Steven Theede", whose subject it
        heads with "trades", "president" or "Yukos". The words between the head and the name
        are lower-case nouns and adjectives, "and", or abbreviations ("PR strategist"),
        and the last is a title or a noun for one person; "for" only after a title head and
        before no other title ("the minister for civil aviation Praful Patel"; not "a
        spokesman for chancellor Gordon Brown"). The name ends the phrase."""
        doc = head.doc
        # After the verb ("said Danish trades union official ..."), no verb of its own can
        # stand between the subject and the clause's end: a verb tag there ("trades",
        # "shadow") is the parser's misreading of a noun.
        edge = head.left_edge.i
        inverted = edge > 0 and doc[edge - 1].tag_.startswith("VB")
        after_for = False
        previous = head
        for tok in doc[head.i + 1 : min(head.sent.end, head.i + 1 + _DESCRIPTION_RUN)]:
            named = self.index.at(tok.idx, tok.idx + len(tok.text))
            if named is not None and named.type == "PERSON" and named.start == tok.idx:
                if tok.i == head.i + 1:
                    return None  # a name right after the head: the parser's reading stands
                if not after_for and previous.lower_ not in self.titles and previous.lower_ not in _DESCRIPTION_ENDS:
                    return None
                return named if self._ends_description(head, named) else None
            if named is not None:
                return None  # another name, an organisation or a place, stands between
            lower = tok.lower_
            if lower == "for" and not after_for and head.lower_ in self.titles and head.lower_ not in _SPOKESPEOPLE:
                after_for = True
            elif lower in ("and", "&"):
                pass
            elif not tok.is_alpha or tok.tag_.startswith(_NOT_IN_DESCRIPTIONS) and not (inverted and tok.tag_.startswith("VB")):
                return None
            elif not (tok.is_lower or tok.is_upper):
                return None  # a capitalised word: a name of its own or the next sentence
            elif after_for and (lower in self.titles or lower in _PERSON_NOUNS):
                return None  # "a minister for chancellor Gordon Brown": the title is his
            previous = tok
        return None

    def _ends_description(self, head, name: Mention) -> bool:
        """Whether the clause ends after ``name`` or goes on with the verb ``head`` is the
        subject of ("Labour's deputy minister for women Jacqui Smith accused ...")."""
        if _NAME_ENDS.match(self.text, name.end):
            return True
        verb = head.head
        return head.dep_ in ("nsubj", "nsubjpass") and verb.i > head.i and self.text[name.end : verb.idx].isspace()

    def _named_after_lede(self, head, phrase: str) -> Mention | None:
        """The person a story's opening paragraph describes before naming anyone, named as
        the subject of the next paragraph's first sentence: "Amnesty International's chief
        has said ... / In a lecture at the LSE, Irene Khan said ...", "the Federal Reserve
        head has said ... / And Alan Greenspan highlighted ...". The description is not
        indefinite ("a Home Office minister" or "an executive" may be anyone) and ends in a
        title or a noun for one person; nobody is named in its paragraph, nor anyone else
        before it."""
        words = phrase.lower().split()
        if len(words) < 2 or words[0] in _INDEFINITE or words[-1] not in self.titles and words[-1] not in _DESCRIPTION_ENDS:
            return None
        text = self.text
        paragraph = text.rfind("\n\n", 0, head.idx)
        if paragraph >= 0 and text.rfind("\n\n", 0, paragraph) >= 0:
            return None  # not the opening paragraph (after the headline, if the text has one)
        following = text.find("\n\n", head.idx)
        if following < 0:
            return None
        doc = head.doc
        span = doc.char_span(following, len(text), alignment_mode="expand")
        first = next((t for t in span if not t.is_space), None) if span is not None else None
        if first is None:
            return None
        for tok in first.sent:
            named = self.index.at(tok.idx, tok.idx + len(tok.text))
            if named is None or named.type != "PERSON":
                continue
            root = doc.char_span(named.start, named.end, alignment_mode="expand").root
            if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
                return None  # the first person named there is no one acting
            # Nobody is named in the description's paragraph ("... after criticism by
            # Lleyton Hewitt": the official is someone else), nor anyone else before it (the
            # headline may name the same person: "Dollar gains on Greenspan speech").
            if self.index.person_between(paragraph + 1, following):
                return None
            if any(m.entity != named.entity for m in self.index.before(head.idx, ("PERSON",))):
                return None
            return named
        return None

    def _author_of(self, head) -> Mention | None:
        """Whose words a document or a speech is: the person or body named as its possessor
        ("Mr Crosby's statement", "the BNP's website", "Lord Butler's report", "the
        company's statement"), when ``head`` is one of ``_AUTHORED``. A lawyer or a
        spokesman of someone is another person and is left alone."""
        if head.lemma_.lower() not in _AUTHORED:
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            # "a Holcim statement", "the FAO report": an organisation or person named before
            # the noun; not a place ("a US report", "UK media reports" may be anyone's there)
            if head.tag_ in ("NNS", "NNPS"):
                return None
            named = (self._mention_of(c) for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN")
            return next((m for m in named if m is not None and m.type in ("ORG", "PERSON")), None)
        if owner.pos_ in ("PRON", "DET"):
            return None
        mention = self._mention_of(owner)
        if mention is not None and mention.type in _AUTHOR_TYPES:
            return mention
        first, last = phrase_span(owner)
        return self._company_named(" ".join(self.text[first:last].split()), first)

    def _company_named(self, phrase: str, pos: int) -> Mention | None:
        """The organisation "the company" or "the firm" is (``_STORY_ORG_NOUNS``, no other
        word: "the rival firm", "the German firm" may be another): the one the story named
        last before it, when that is also the one it has named most so far. Where the two
        differ ("... by the SEC. The company said", in a story about Time Warner) the
        phrase names nobody. Of 169 BBC speakers so named, 160 were right (docs/quotes.md)."""
        words = phrase.lower().split()
        if len(words) != 2 or words[0] != "the" or words[1] not in _STORY_ORG_NOUNS:
            return None
        named = [
            m for m in self.index.mentions[: bisect_left(self.index.starts, pos)] if m.type == "ORG" and m.entity and m.end <= pos
        ]
        if not named:
            return None
        counts = Counter(m.entity for m in named).most_common(2)
        latest = named[-1]
        if latest.entity != counts[0][0] or (len(counts) > 1 and counts[1][1] == counts[0][1]):
            return None
        return latest

    def _body_named(self, phrase: str, pos: int) -> Mention | None:
        """The organisation "the commission", "the court", "the ministry" is: the one body
        named before ``pos`` whose name has that head noun ("Electoral Commission", "Court of
        Appeals", "Bank of England"), when exactly one has; a name of one word ("Government")
        is no such body. Of 93 BBC speakers so written with one such body named, the nouns
        kept here (``_BODY_NOUNS``) were right; "the party" (which of the parties the story
        names as groups?), "the studios", "the news" are left (docs/quotes.md)."""
        words = phrase.lower().split()
        if len(words) != 2 or words[0] != "the" or words[1] not in _BODY_NOUNS:
            return None
        named = [
            m for m in self.index.mentions[: bisect_left(self.index.starts, pos)]
            if m.type == "ORG" and m.entity and m.end <= pos and _head_noun(m.name) == words[1]
        ]
        return named[-1] if named and len({m.entity for m in named}) == 1 else None

    def _mention_of(self, tok) -> Mention | None:
        """The mention covering ``tok``, else the person whose name ends right before it
        and hangs on it: letters after a name head the parse ("Guy Mansfield QC has
        warned": the subject is "QC"), and names never include them."""
        mention = self.index.at(tok.idx, tok.idx + len(tok.text))
        if mention is None and tok.lower_ in COURTESY_TITLES and tok.i + 1 < len(tok.doc):
            # "in Harrogate Mr Kennedy said", parsed with "Mr" as the subject: the name after it
            nxt = tok.nbor(1)
            after = self.index.at(nxt.idx, nxt.idx + len(nxt.text))
            if after is not None and after.type == "PERSON" and after.start == nxt.idx:
                return after
        if mention is not None or tok.i == 0:
            return mention
        prev = tok.nbor(-1)
        if prev.pos_ == "PROPN" and prev.head.i == tok.i:
            before = self.index.at(prev.idx, prev.idx + len(prev.text))
            if before is not None and before.type == "PERSON" and before.end == prev.idx + len(prev.text):
                return before
        return None

    def _named_in_description(self, head) -> Mention | None:
        """The person or organisation a description names: in apposition ("Argentina's
        President, Nestor Kirchner, said", "the firm's boss, John Smith, said"), or at the
        end of a title that runs on through "of" ("director of sport Emilio Butragueno
        praised", where the parser hangs the name on "of"; not "the mother of John Smith").
        Not for a list of names, whose first is not all who spoke ("Greek sprinters Kostas
        Kenteris and Katerina Thanou", "Intel, Samsung, the Foreign Office and ..."); a
        list of titles is one person ("president and chief executive Meg Whitman")."""
        if _names_a_list(head):
            return None
        for child in head.rights:
            name = None
            if child.dep_ == "appos" and (not _names_a_list(child) or self._one_name(child)):
                name = child
            elif child.dep_ == "prep" and child.lower_ == "of" and head.tag_ in ("NN", "NNP"):
                objects = [c for c in child.children if c.dep_ == "pobj" and c.tag_ == "NNP"]
                if objects and any(c.dep_ == "compound" and c.tag_ == "NN" for c in objects[0].lefts):
                    name = objects[0]
            if name is not None:
                named = self._mention_of(name)
                if named is not None and named.type in ("PERSON", "ORG"):
                    return named
        return None

    def _one_name(self, tok) -> bool:
        """Whether ``tok`` is coordinated by "&" only and one mention covers it and all it is
        coordinated with: "Pew Internet & American Life" is one organisation, not a list
        ("China Construction Bank and Bank of China", read as one mention, are two)."""
        if any(c.dep_ == "cc" and c.text != "&" for c in tok.children):
            return False
        mention = self.index.at(tok.idx, tok.idx + len(tok.text))
        edge = tok.right_edge
        return mention is not None and mention.end >= edge.idx + len(edge.text)

    def _bare_name(self, head) -> str:
        """A name without its title: the proper nouns ending at ``head`` after the last
        title word (``U.S. President Joe Biden`` -> ``Joe Biden``)."""
        words = [head]
        tok = head
        while tok.i > 1 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_ and not tok.nbor(-2).whitespace_:
            tok = tok.nbor(-2)  # a hyphenated word is one ("Secretary-General", "Smith-Jones")
            words[0:0] = [tok, tok.nbor(1)]
        while tok.i > 0 and tok.nbor(-1).pos_ == "PROPN" and tok.nbor(-1).head.i >= tok.i:
            tok = tok.nbor(-1)
            if tok.lower_ in self.titles:
                break
            words.insert(0, tok)
        return "".join(w.text + w.whitespace_ for w in words).strip()

    def _written_with(self, word: str, pos: int) -> Mention | None:
        """The latest person before ``pos`` whose name comes right after ``word`` ("American
        Andy Roddick" for "the American"; not "by chairman Tim Phillips, the American said",
        where the word opens the next clause)."""
        for mention in self.index.before(pos, ("PERSON",)):
            before = self.text[max(0, mention.start - 40) : mention.start].rstrip().lower()
            if before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum()):
                return mention
        return None

    def _office_holder(self, phrase: str, pos: int) -> Mention | None:
        """The person holding the office named by ``phrase`` (``the secretary general``, its
        head at ``pos``): from the entities' roles, else the latest person whose name the
        same title is written next to (``_title_holder``), else the person the same title
        last named in the document."""
        words = [w for w in phrase.lower().split() if w not in ("the", "a", "an", "this", "that")]
        if not words:
            return None
        title = " ".join(words)
        holder = self._title_holder(title, words, pos, indefinite=phrase.lower().split()[0] in ("a", "an"))
        if holder is not None:
            self.holders[title] = holder
        # A description names the person it named before, once the name has gone out of
        # reach ("Tory leader Michael Howard ... the Tory leader said ... the Tory leader
        # said" twenty lines on).
        return holder or self.holders.get(title)

    def _title_holder(self, title: str, words: list[str], pos: int, indefinite: bool = False) -> Mention | None:
        """The holder of ``title`` found in the roles or next to a name within reach: a
        title word anywhere in the name's sentence, another noun only right before the name
        or in apposition after it."""
        for role_title, entity_id, name in self.index.roles:
            # the title itself or a longer one ending in it ("culture secretary" for "the
            # secretary"), not another office ("shadow chancellor" is not "the chancellor");
            # "a spokesman" is someone new, not the home affairs spokesman named before
            longer = (
                not indefinite
                and role_title.endswith(" " + title)
                and role_title[: -len(title)].split()[-1] not in _OTHER_OFFICE
            )
            # the office with its organisation written before it: "the Tory leader" for the
            # Leader of the Tories, "the Chelsea manager"
            of = title.endswith(" " + role_title) and title[: -len(role_title) - 1] in self.index.written_for.get(
                (role_title, entity_id), ()
            )
            if title == role_title or longer or of:
                return Mention(pos, pos, entity_id, name, "PERSON")
        # A title word or a noun for one person (``title_words.txt``, ``person_nouns.txt``:
        # "senator", "striker", "the 30-year-old") anywhere in the name's sentence; another
        # noun only next to the name, before it ("Arsenal manager Arsene Wenger") or in
        # apposition after it ("Wenger, the Arsenal manager"): anywhere, it gave "the
        # study", "the judges" and "prosecutors" a person's name.
        office = words[-1] in self.titles or words[-1] in _PERSON_NOUNS or words[-1].endswith("-year-old")
        # In apposition: "Wenger, the Arsenal manager"; not "Ms Robinson, a friend of the
        # Tory leader" (a preposition between them makes the title someone else's).
        apposed = re.compile(
            r"\s*,\s*(?:(?!(?:of|to|for|with|by|from|at)\s)[\w'’.-]+\s+){0,4}?" + re.escape(title) + r"\b"
        )
        # The title itself, not another office ending in it ("shadow chancellor Oliver
        # Letwin" is not "the chancellor").
        written = re.compile(r"(?<![\w-])(?<!shadow )(?<!deputy )(?<!former )(?<!vice )" + re.escape(title) + r"(?![\w-])")
        for mention in self.index.before(pos, ("PERSON",)):
            # Within the name's own sentence: "Ivo Rask praised the fans. The mother of ..."
            # names no mother.
            context = _SENTENCE_END.split(self.text[max(0, mention.start - 60) : mention.start])[-1].lower()
            # The title being resolved is the name's only in apposition ("Armando Falcon,
            # OFHEO director, said", "Dr Mike Watts head of exploration said"): "According
            # to Mr Peston the prime minister said" writes no title after Mr Peston's name.
            reach = mention.end + 60
            if pos < reach:  # (only a title within reach is read; no slice of the text before)
                between = self.text[mention.end : pos].strip().lower()
                if "," not in between and not title.startswith(between):
                    reach = pos
            after = _SENTENCE_END.split(self.text[mention.end : reach])[0].lower()
            # A title after a possessive name is someone else's ("Asked about Sir Ian's
            # comments, the prime minister's official spokesman said": the name belongs to
            # "comments"; neither "the spokesman" nor "the prime minister" later is Sir Ian).
            if self.text.startswith(("'s", "’s"), mention.end):
                after = ""
            # A title before the name is the name's when at most three words stand between
            # them ("the foreign secretary, Mr Jack Straw") and no other person: not in "The
            # foreign secretary told MPs the rebate, secured by Margaret Thatcher", nor in
            # "Tory leader Michael Howard has dismissed Gordon Brown's Budget".
            hits = list(written.finditer(context))
            between = context[hits[-1].end() :] if hits else ""
            # Nor across "and": "His name is Tote King and Manuel Millan says" names two.
            near = bool(hits) and len(between.split()) <= 3 and not _LIST_WORDS & set(between.split())
            if near and self.index.person_between(mention.start - len(between), mention.start):
                near = False
            if office and (near or _own_title_after(written, after)):
                return mention
            if (near and not between.strip()) or apposed.match(after):
                return mention
        return None

    def _pronoun(self, head) -> tuple[Speaker, str]:
        word = head.lower_
        start, end = head.idx, head.idx + len(head.text)
        if word in PERSONAL:
            found = self._antecedent(start, ("PERSON",), _PRONOUN_GENDER[word])
        elif word in PLURAL:
            found = self._antecedent(start, GROUP_TYPES + ("GROUP",), listed_aside=True)
        elif word in NEUTER:
            # A law speaks as a report does ("The Prevention of Terrorism Bill ... It proposes").
            found = self._antecedent(start, GROUP_TYPES + ("LAW",), listed_aside=True)
        else:  # I, we, you: the writer or an unnamed group; no guess
            found = None
        noun = self._noun_subject(head, found[0] if found else -1)
        if noun is not None:
            first, last = phrase_span(noun)
            if word in PLURAL and (joined := _coordinated(noun)):
                last = phrase_span(joined[-1])[1]  # "Millan and two friends"
            phrase = " ".join(self.text[first:last].split())
            holder = self._office_holder(phrase, noun.idx) if word in PERSONAL else None
            if holder is not None and self.index.gender.get(holder.entity, _PRONOUN_GENDER[word]) == _PRONOUN_GENDER[word]:
                return Speaker(entity=holder.entity, name=holder.name, start=start, end=end), holder.type
            body = self._body_named(phrase, noun.idx) if word in NEUTER else None
            if body is not None:  # "The commission says ... It also suggests": the Electoral Commission
                return Speaker(entity=body.entity, name=body.name, start=start, end=end), body.type
            # A title with "the" ("the chancellor", "the Portugal star") most often describes
            # the person already named, whom no role says holds it: the name found stands.
            # "A spokesman" is someone new, and so is "the spokesman" whom no name holds
            # ("The spokesman declined to comment ... He said": not the minister named before).
            if word not in PERSONAL or found is None or _indefinite(noun) or noun.lower_ in _SPOKESPEOPLE:
                return Speaker(entity=None, name=phrase, start=start, end=end), "GROUP" if word in PLURAL else "NOUN"
        if found is None:
            return Speaker(entity=None, name=head.text, start=start, end=end), "PRON"
        _, speaker, kind = found
        return Speaker(entity=speaker.entity, name=speaker.name, start=start, end=end), kind

    def _antecedent(
        self, pos: int, types: tuple[str, ...], gender: str | None = None, listed_aside: bool = False
    ) -> tuple[int, Speaker, str] | None:
        """The latest earlier speaker of a matching type within the window, else the latest
        earlier mention of such an entity that was a sentence subject, else None; with the
        position it was found at. With ``gender``, never a person a title marks as the
        other one ("he" is not "Ms Tymoshenko"). With ``listed_aside`` ("it", "they"), a
        later mention that is no clause's subject (the last of a list of bodies, an object)
        does not displace the last speaker; for "he" and "she" it still does (the same rule
        there changed 24 BBC speakers, 11 for the better and 13 for the worse: docs/quotes.md)."""
        def fits(entity: str | None) -> bool:
            return gender is None or self.index.gender.get(entity, gender) == gender

        last = self._last_speaker(pos, types, fits)
        subject, main = self._last_subject_mention(pos, types, fits)
        # "It also suggests ... the Northern Ireland Assembly. And it suggests ..." is still
        # the commission.
        if last is not None and (subject is None or last[0] >= subject.start or (listed_aside and not main)):
            return last
        if subject is not None:
            return subject.start, Speaker(entity=subject.entity, name=subject.name, start=None, end=None), subject.type
        return None

    def _noun_subject(self, pronoun, after: int):
        """The common noun a pronoun stands for rather than the entity found at ``after``:
        the head of the subject of a main clause later than it, in the pronoun's sentence
        or the one before, covered by no entity, of the pronoun's number and kind, or for
        "they" a subject of names or nouns joined by "and" ("Millan and two friends"; "The
        lawsuit seeks to force Wal-Mart to ... It also seeks", "Older generations are more
        comfortable because they know", "the government said it will"; for "he" and "she"
        a title or a noun for one person: "the prime minister hailed ... And he claimed").
        None when there is none, or when the noun is one a company or body is called by
        ("the firm", "the insurer", "the organisation"): that stands for the company
        named."""
        word = pronoun.lower_
        if word not in PERSONAL | PLURAL | NEUTER:
            return None
        sent = pronoun.sent
        first = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for tok in reversed(pronoun.doc[first : pronoun.i]):
            if tok.idx < after:
                return None
            if word in PLURAL and _pair_subject(tok, pronoun) and not self.inside_quotes(tok.idx):
                return tok  # "Millan and two friends set out ... they wanted": the pair
            if tok.pos_ != "NOUN" or not _main_subject(tok) or self.inside_quotes(tok.idx):
                continue
            if self.index.at(tok.idx, tok.idx + len(tok.text)) is not None:
                continue
            if (tok.tag_ == "NNS") != (word in PLURAL):
                continue
            lower = tok.lower_
            one_person = lower in self.titles or lower in _PERSON_NOUNS or lower.endswith("-year-old")
            if word in PERSONAL:
                if one_person:
                    return tok
                continue
            if lower in _COMPANY_NOUNS or tok.lemma_.lower() in _COMPANY_NOUNS:
                return None
            if word in NEUTER and one_person:
                continue  # "the minister" is no "it"
            return tok
        return None

    def _last_speaker(self, pos: int, types: tuple[str, ...], fits=lambda entity: True) -> tuple[int, Speaker, str] | None:
        for at, speaker, kind in reversed(self.history):
            if at < pos and pos - at <= PRONOUN_WINDOW and kind in types and speaker.name and fits(speaker.entity):
                return at, speaker, kind
        return None

    def _last_subject_mention(
        self, pos: int, types: tuple[str, ...], fits=lambda entity: True
    ) -> tuple[Mention | None, bool]:
        """The latest mention that is the subject of a main clause (not of a clause
        reported inside another, nor inside quote marks), else the latest mention close
        by (one or two sentences); with whether it is such a subject."""
        doc = self.doc.spacy
        fallback = None
        for mention in self.index.before(pos, types):
            if self.inside_quotes(mention.start) or not fits(mention.entity):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and _main_subject(span.root):
                return mention, True
            if fallback is None and (span is None or (_referent(span.root, mention.type) and not _addressee(span.root))):
                fallback = mention
        return (fallback if fallback is not None and pos - fallback.end < 300 else None), False


# A preposition (and an article) right before a title: the title is of someone else ("Ms
# Robinson, a friend of the Tory leader").
_OBJECT_OF = re.compile(r"\b(?:of|to|for|with|by|from|at)\s+(?:(?:the|a|an)\s+)?$")


# Words that join two names into a list: a title before the first is not the second's.
_LIST_WORDS = frozenset({"and", "or", "&", "nor"})


def _own_title_after(written: re.Pattern, after: str) -> bool:
    """Whether the title ``written`` stands after a name as the name's, not as the object of
    a preposition, nor in what the name says ("Vince Cable said the chancellor had failed")."""
    return any(
        not _OBJECT_OF.search(after, 0, hit.start()) and not _SAID_BEFORE.search(after, 0, hit.start())
        for hit in written.finditer(after)
    )


# A verb of saying between a name and a title: the title is someone the name speaks of.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|claimed|claims|insisted|insists|argued|argues|added|adds|warned|warns|"
    r"accused|accuses|urged|urges|attacked|attacks|criticised|criticises|criticized|asked|asks)\b"
)


# "the 34-year-old": a description by age alone.
_AGE_DESCRIPTION = re.compile(r"(?i)the \d+-year-old")
# Documents and speeches whose possessor is their author ("Mr Crosby's statement said").
_AUTHORED = frozenset(
    {"statement", "letter", "report", "speech", "website", "blog", "e-mail", "email", "memo", "manifesto",
     "comment", "remark", "message", "submission", "book", "autobiography", "memoir", "column", "article"}
)
_AUTHOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Words before a title that make another office of it (the offices' rank prefixes:
# "shadow chancellor", "deputy leader"; "vice", "former"), or something else than the
# office ("minister for women" is not "women").
_OTHER_OFFICE = RANK_PREFIXES | {"vice", "former", "of", "for", "to", "and"}
# Words opening a description of someone not yet known ("a minister", "any chancellor").
_INDEFINITE = frozenset({"a", "an", "any", "another", "one", "some", "every", "no"})
# How many words a description may run on after its head before the name it ends in.
_DESCRIPTION_RUN = 7
# Nouns for one person that may end a description before the name ("union official Ulf
# Carlsson", "PR strategist Glen Yearwood"): besides the titles, the quotes' person nouns
# and the entities' nouns for a company's staff.
_DESCRIPTION_ENDS = _PERSON_NOUNS | words("lexicons/entities/company_staff.txt") | {"official", "officials"}
# Tags of words that never stand inside a description: verbs, modals,
# prepositions, wh-words, pronouns, determiners, numbers, possessive endings, "to".
_NOT_IN_DESCRIPTIONS = ("VB", "MD", "IN", "W", "PRP", "DT", "CD", "POS", "TO", "RB")
# What may follow the name that ends a description: the end of the clause.
_NAME_ENDS = re.compile(r"\s*(?:[.,;:!?)\"'”’]|\n|$)")


# Reflexive pronouns the parser takes for a subject ("found himself struggling to explain").
_REFLEXIVE_SUBJECTS = frozenset({"himself", "herself", "itself", "themselves"})


def _clause_subject(tok):
    """The nearest subject above ``tok`` in its sentence other than ``tok`` itself: the
    subject of the first verb up its heads that has one."""
    node = tok.head
    while True:
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i), None)
        if subject is not None or node.head.i == node.i:
            return subject
        node = node.head


def _one_of_a_people(head) -> bool:
    """"the American", "the Dutchman": one person named by a nationality, with "the" and in
    the singular (not "the Tories", "the Americans")."""
    return head.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)


def _indefinite(noun) -> bool:
    """A noun phrase that brings in someone new: "a spokesman", "one official"."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in noun.lefts)


def _addressee(tok) -> bool:
    """The one told ("has told BBC News that ..."): a listener, whom a later pronoun does
    not stand for ("He said they had seen the scripts")."""
    return tok.dep_ in ("dobj", "dative") and tok.head.lemma_ == "tell"


def _names_a_list(tok) -> bool:
    """``tok`` is coordinated with a name ("Kenteris and Thanou")."""
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children)


def _referent(tok, kind: str) -> bool:
    """False for a mention that modifies another noun (``US officials``) or, for a place,
    is a preposition's object (``shares in Paris``): a pronoun never stands for it."""
    if tok.dep_ in MODIFIER_DEPS:
        return False
    return not (kind in PLACE_TYPES and tok.dep_ == "pobj")


def _coordinated(tok) -> list:
    """The nouns and names joined to ``tok`` by "and" ("Millan and two friends"), in order;
    empty when there are none."""
    out, joined, head = [], False, tok
    while True:
        joined = joined or any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.rights)
        nxt = next((c for c in head.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if nxt is None:
            return out if joined else []
        out.append(nxt)
        head = nxt


def _pair_subject(tok, pronoun) -> bool:
    """True for names, or a name and nouns, joined by "and" that are the subject of a clause
    other than the pronoun's ("Millan and two friends set out to change that - they
    wanted", which the parser hangs on "wanted"); not things alone ("Delays in court
    hearings and the inability to ... They")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i == pronoun.head.i:
        return False
    joined = _coordinated(tok)
    return bool(joined) and any(t.pos_ == "PROPN" for t in [tok, *joined])


def _main_subject(tok) -> bool:
    """The subject of the sentence's main verb (or of a verb coordinated with it)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _named_body(head) -> list | None:
    """The tokens of the named body after a lower-case title ("the chairman of the
    Commission for Racial Equality (CRE)": "the Commission for Racial Equality"), or None
    when "of" names none (a title in capitals is a name; "the head of the firm")."""
    if head.pos_ == "PROPN":
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ != "PROPN":
        return None
    body = []
    for tok in obj.subtree:  # up to a comma or bracket after the name: "(CRE)", ", Norman Brennan"
        if tok.i > obj.i and tok.is_punct:
            break
        body.append(tok)
    return body or None


def _noun_kind(head) -> str:
    """A description's kind: ``GROUP`` for a plural head ("the members"), else ``NOUN``."""
    return "GROUP" if head.tag_ in ("NNS", "NNPS") else "NOUN"


def phrase_span(head) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``head``: its left modifiers (names,
    titles, determiners) and the head, without clauses, appositions or punctuation."""
    first = hyphenated_start(head)  # "His ex-wife", parsed with "wife" alone as the subject
    for child in [*first.lefts, *head.lefts] if first.i != head.i else head.lefts:
        if child.dep_ in NP_LEFT and child.left_edge.i < first.i:
            first = child.left_edge
    # Whole words: "co-ordinator Peter Facey", where the parser hangs "-ordinator" on the name.
    start = hyphenated_start(first).idx
    # Never across a line break or a quote mark (a transcript's previous line parsed into
    # the label).
    tok = head
    while tok.i > 0 and tok.idx > start:
        prev = tok.nbor(-1)
        if "\n" in prev.text or "\n" in prev.whitespace_ or all(ch in _MARKS for ch in prev.text):
            start = tok.idx
            break
        tok = prev
    end = head.idx + len(head.text)
    for child in head.rights:
        # "Rep. Smith Jr." and names the parser splits rightwards
        if child.dep_ in ("flat", "compound") and child.i == head.i + 1:
            end = child.idx + len(child.text)
    last = hyphenated_end(head)  # "The Tory co-chairman", "his ex-wife": one word
    return start, max(end, last.idx + len(last.text))


def _glued_hyphen(tok) -> bool:
    """``tok`` is a hyphen written between two words with no space ("co-chairman")."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_ and tok.i + 1 < len(tok.doc)


def hyphenated_end(tok):
    """The last token of the hyphenated word ``tok`` begins or is inside (the tokenizer
    splits "co-chairman" into "co", "-", "chairman"), else ``tok``."""
    doc = tok.doc
    i = tok.i + 1 if _glued_hyphen(tok) else tok.i
    while i + 1 < len(doc) and _glued_hyphen(doc[i + 1]):
        i += 2
    return doc[i]


def hyphenated_start(tok):
    """The first token of the hyphenated word ``tok`` ends or is inside, else ``tok``."""
    doc = tok.doc
    i = tok.i - 1 if _glued_hyphen(tok) else tok.i
    while i >= 2 and _glued_hyphen(doc[i - 1]):
        i -= 2
    return doc[i]


def hyphen_fragment(tok) -> bool:
    """``tok`` is a part of a hyphenated word other than its last ("co" or "-" of
    "co-ordinator"), which the parser now and then takes for a subject of its own."""
    return hyphenated_end(tok).i != tok.i
