"""Cues and reported content, read from the dependency parse the backbone already made.

Two finders share one view of the parse (``Parse``):
- ``cue_for_marked``: the reporting verb that introduces a passage in quote marks, found
  in the attribution that follows it (``"...," she said``) or precedes it
  (``He said: "..."``), within its sentence;
- ``indirect``: reported speech without quote marks, a reporting verb with a clausal
  complement (``X said that ...``, ``..., X warned``, ``X vowed to ...``) or a cue phrase
  (``according to X, ...``).
Each returns the cue span and the head token of the speaker phrase (or None).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from newsgraph.pipeline.components.quotes.lexicon import Lexicon
from newsgraph.pipeline.components.quotes.marks import Marked
from newsgraph.pipeline.components.quotes.speakers import hyphen_fragment, speaker_noun
from newsgraph.pipeline.components.quotes.tokens import TokenTable
from newsgraph.resources import entries, table, words

QUOTE_CHARS = "\"'“”‘’„«»"
SENT_END = frozenset({".", "!", "?"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Clauses under a cue that do not carry its content (a relative clause inside the
# speaker phrase, a time adverbial).
NOT_CONTENT = frozenset({"relcl", "acl", "advcl", "npadvmod", "advmod", "prep", "agent", "dobj", "dative"})
# Dependency labels a partial quote may climb through to reach the verb reporting it.
PARTIAL_PATH = frozenset(
    {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "conj", "cc", "appos", "pobj", "amod", "compound",
     "nmod", "det", "poss", "nummod", "advmod", "npadvmod", "dep"}
)
MIN_CONTENT_TOKENS = 2
# Parts of speech of a cue verb.
CUE_POS = frozenset({"VERB", "AUX"})
# A verb without a subject of its own borrows the subject of the clause it hangs from
# through these links ("X issued a statement saying ...": saying -> statement -> issued).
_CLIMB = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp", "prep", "pobj", "dobj"})
_CLIMB_STEPS = 4
_HAVE = frozenset({"have", "has", "had", "having", "'ve", "'d"})
# Verbs that hand their attribution on to ``as saying`` (``the paper quoted X as saying``).
_QUOTING = frozenset({"quote", "cite", "report"})
_DAYS = words("quotes/weekdays.txt")
# A quote signed after a dash, to the end of its line (``"..." ― Jane Doe``, ``"..." --
# Jane Doe, a nurse``): the byline convention of reader comments, epigraphs and vox pops.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_DASH_BYLINE = re.compile(
    rf"[^\S\n]*(?:[―—–]|--)[^\S\n]*({_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,4}})[^\S\n]*(?:\.?[^\S\n]*(?:\n|$)|,[^\n]*)"
)


def _reported_thing(clause, subject) -> bool:
    """``subject`` of ``clause`` is a thing a "that" clause reports on ("that the jump
    would be short-lived", "suggestions that his re-election had been in danger"): a
    common noun naming no entity, person, body or office, in a clause opened by "that"."""
    if subject.pos_ != "NOUN" or subject.ent_type_ or speaker_noun(subject.lemma_.lower()):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and clause.head.i != clause.i


def could_report(tok) -> bool:
    """A subject that can be the one who reports: a name, a personal pronoun, an entity, or
    a noun for a person, body, office or actor."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what", "there")
    return tok.pos_ == "PROPN" or bool(tok.ent_type_) or speaker_noun(tok.lemma_.lower())


def _could_speak(tok) -> bool:
    """A name or pronoun that is not an object, a date or a day."""
    return (
        tok.pos_ in ("PROPN", "PRON")
        and tok.dep_ not in ("dobj", "dative", "pobj")
        and tok.ent_type_ not in ("DATE", "TIME")
        and tok.lower_ not in _DAYS
    )


# Common nouns that are subjects in PolNeAR train but never head a Source (``the economy``,
# ``the problem``), derived by scripts/train_quote_cues.py.
_NON_HOLDERS = frozenset(table("quotes/non_holder_nouns.txt"))


def could_hold(tok) -> bool:
    """Whether speaker head ``tok`` can hold what a to-infinitive reports (an intention, a
    threat, a promise): anything but a common noun naming no entity that is a subject in
    PolNeAR train and never a Source (``non_holder_nouns.txt``). ``The economy threatens
    to slide back into recession``, ``the problem seems to be getting worse``: the verb
    says what is likely of its subject, and nobody is reported. A noun the data never saw is given the
    benefit of the doubt (``the chancellor vowed to ...``)."""
    return tok.pos_ != "NOUN" or bool(tok.ent_type_) or tok.lemma_.lower() not in _NON_HOLDERS


# Entity types a reporting verb is never part of; a word of such a name is no cue ("Ask
# Jeeves", "Edward Said", "Do They Know It's Christmas").
_NAME_TYPES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "LAW"})
# At least this many lower-case words of four letters or more on the cue's line of its
# sentence make the line ordinary prose, not a headline written in title case.
_PROSE_WORDS = 2
# How many sentence breaks without a full stop before them a title may hold ("with Do |
# They Know It's Christmas").
_TITLE_SPLITS = 3


def is_title_word(tok) -> bool:
    """A capitalised verb that is a word of a name or title, in a line written in ordinary
    case: inside a recognised name ("Ask Jeeves has become", "Edward Said"), or in the
    middle of a sentence ("Band Aid's Do They Know It's Christmas", "the single Sometimes
    You Can't Make It On Your Own", "Does the Team Think?"). A capitalised verb opening its
    sentence or a clause after a colon, dash or quote mark stays a cue ("Asked about X, he
    said"), and so does every word of a headline written in title case ("Obama Says Museum
    Will Open", even where the recogniser reads the headline as one name); a verb in lower
    case inside a "name" is the recogniser's error ("Trump accused Holt")."""
    if not tok.text[:1].isupper() or tok.text.isupper() and len(tok.text) > 1:
        return False
    if tok.ent_type_ not in _NAME_TYPES:
        # Opening a sentence or a clause: after punctuation or a line break (not where the
        # parser alone starts a sentence: it splits titles, "Do | They Know It's Christmas").
        if tok.i == 0:
            return False
        prev = tok.nbor(-1)
        if prev.is_punct or prev.is_space or "\n" in prev.whitespace_:
            return False
    doc = tok.doc
    sent = tok.sent
    first, last = sent.start, sent.end
    for _ in range(_TITLE_SPLITS):  # splits the parser made inside the title
        if first == 0 or doc[first - 1].text in SENT_END:
            break
        first = doc[first - 1].sent.start
    # The words of that stretch on the cue's own line, counted outwards from the cue until
    # enough of them are prose.
    prose = 0
    for step in (-1, 1):
        i = tok.i + step
        while first <= i < last:
            t = doc[i]
            if "\n" in t.text or "\n" in (t.whitespace_ if step < 0 else doc[i - 1].whitespace_):
                break
            prose += t.is_alpha and len(t) >= 4 and t.text.islower()
            if prose >= _PROSE_WORDS:
                return True
            i += step
    return False


def is_quote_mark(tok) -> bool:
    """A token made of quote marks only (``"``, ``’``, ``''``)."""
    return bool(tok.text) and all(ch in QUOTE_CHARS for ch in tok.text)


@dataclass(frozen=True)
class Cue:
    """A found attribution: the cue's character span and the speaker phrase's head token."""

    start: int
    end: int
    verb: object  # spaCy Token of the cue (its first word)
    speaker: object | None  # spaCy Token heading the speaker phrase
    score: float | None = None  # the cue model's probability, for a learned cue


# After "according to": a clause that measures, not a source.
_WH_WORDS = frozenset({"how", "whether", "what", "which", "where", "when", "who", "whom"})
# Lower-case words at most before the name in ``_name_after_description``.
_DESCRIPTION_WORDS = 4


def _name_after_description(sdoc, i: int):
    """The last word of the name that ends a short lower-case description starting at token
    ``i`` ("according to blog analysis firm Technorati the number ...", where the parser
    took "blog" for a verb and left the name out of the phrase), or None."""
    start = i
    while i < len(sdoc) and i - start < _DESCRIPTION_WORDS and sdoc[i].is_lower and sdoc[i].is_alpha:
        i += 1
    if i == start or i >= len(sdoc) or sdoc[i].pos_ != "PROPN":
        return None
    while i + 1 < len(sdoc) and sdoc[i + 1].pos_ == "PROPN":
        i += 1
    return sdoc[i]


class Parse:
    """The spaCy doc with character -> token lookup and the cue lexicon."""

    def __init__(self, sdoc, lexicon: Lexicon, inside_quotes=None, text: str | None = None, in_person=None):
        self.sdoc = sdoc
        # ``text``: the doc's text when the caller has it (``sdoc.text`` joins every token).
        self.text = sdoc.text if text is None else text
        self.lexicon = lexicon
        self.inside_quotes = inside_quotes or (lambda char: False)
        # ``in_person(char)``: the character lies in a mention of a person (the entities
        # component's types, which have read the whole document); else spaCy's label.
        self.in_person = in_person
        # The token attributes the finders filter on, read once (tokens.py).
        self.table = TokenTable(sdoc)
        self._idx = self.table.idx

    def indices(self, lemmas: frozenset[str], pos: frozenset[str], phrases: bool = False) -> list[int]:
        """Indices, in text order, of the tokens whose lower-case lemma is in ``lemmas`` and
        whose part of speech is in ``pos`` (with ``phrases``, also those starting a cue
        phrase of the lexicon): the only tokens a finder needs to look at. A vectorised
        prefilter; the finder still applies its own full test to each."""
        if not len(self.table):
            return []
        keep = self.table.pos_in(pos) & self.table.lemma_in(lemmas)
        if phrases:
            keep |= self.table.phrase_starts(self.lexicon.phrases)
        return np.flatnonzero(keep).tolist()

    def token_at(self, char: int):
        """The token containing (or first after) character ``char``; None past the end."""
        i = bisect_left(self._idx, char + 1) - 1
        if i < 0:
            i = 0
        if i >= len(self.sdoc):
            return None
        tok = self.sdoc[i]
        if tok.idx + len(tok) <= char and i + 1 < len(self.sdoc):
            tok = self.sdoc[i + 1]
        return tok

    def is_cue_verb(self, tok) -> bool:
        """A reporting verb of the lexicon, or a phrasal one with its particle
        (``shot back``, ``pointed out``)."""
        if tok.pos_ not in CUE_POS or tok.dep_ == "aux" or is_title_word(tok):
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.lexicon.verbs:
            return True
        if lemma in self.lexicon.phrasal_heads:
            # "shot back" (a particle) or "as she put it" (a fixed object)
            return any(
                c.dep_ in ("prt", "dobj") and (lemma, c.lower_) in self.lexicon.phrasal for c in tok.children
            )
        return False

    # -- regions around a quoted passage -------------------------------------------------
    def region_after(self, at: int) -> list:
        """Tokens from character ``at`` to the end of the sentence, a newline or the next
        opening quote mark."""
        tok = self.token_at(at)
        out = []
        while tok is not None and tok.idx >= at:
            if "\n" in tok.text or "\n" in self.text[at : tok.idx]:
                break
            if is_quote_mark(tok) and tok.whitespace_ == "" and out:
                # A short quoted name inside the attribution ("wearing "Vote Kim" pins")
                # is stepped over; a longer passage is the next quote.
                after = self._skip_short_quote(tok)
                if after is None:
                    break
                tok = after
                continue
            out.append(tok)
            if tok.text in SENT_END:
                break
            tok = tok.nbor() if tok.i + 1 < len(self.sdoc) else None
        return out

    def _skip_short_quote(self, opening):
        """The token after a quoted passage of at most four words opened at ``opening``,
        or None when it is longer (or never closes)."""
        for j in range(opening.i + 1, min(opening.i + 6, len(self.sdoc))):
            if is_quote_mark(self.sdoc[j]):
                return self.sdoc[j + 1] if j + 1 < len(self.sdoc) else None
        return None

    def region_before(self, at: int) -> list:
        """Tokens before character ``at`` back to the sentence start, a newline or the
        previous closing quote mark, in text order."""
        tok = self.token_at(at)
        tok = tok.nbor(-1) if tok is not None and tok.i > 0 else None
        out = []
        while tok is not None and tok.idx + len(tok) <= at:
            if tok.text in SENT_END or "\n" in tok.text or "\n" in tok.whitespace_:
                break
            if is_quote_mark(tok) and out:
                break
            if not is_quote_mark(tok):
                out.append(tok)
            tok = tok.nbor(-1) if tok.i > 0 else None
        out.reverse()
        return out

    # -- cues ----------------------------------------------------------------------------
    def cue_in(self, tokens: list, last: bool = False, outside: tuple[int, int] | None = None) -> Cue | None:
        """The reporting verb (or cue phrase) among ``tokens``: the main one (not inside a
        relative clause), the first (``last=False``) or the closest to what follows. The
        speaker is never taken from inside ``outside`` (the quote itself)."""
        verbs = [t for t in tokens if self.is_cue_verb(t)]
        main = [t for t in verbs if t.dep_ not in ("relcl", "acl", "amod")] or verbs
        if main:
            verb = main[-1] if last else main[0]
            speaker = self.subject_of(verb, tokens)
            if speaker is not None and (
                self.inside_quotes(speaker.idx) or (outside is not None and outside[0] <= speaker.idx < outside[1])
            ):
                # The parse made (part of) a quote the subject: take the name by the verb.
                speaker = self.subject_of(verb, tokens, skip_children=True)
            return Cue(verb.idx, verb.idx + len(verb), verb, speaker)
        for tok in tokens:
            phrase = self.phrase_at(tok)
            if phrase is not None:
                return phrase
        return None

    def subject_of(self, verb, region: list | None = None, skip_children: bool = False):
        """The head token of ``verb``'s speaker: its subject, else (for a participle or
        coordinated verb: ``..., saying``, ``a statement saying``) the subject of the
        clause it hangs from, the agent of a passive, or the nearest name in ``region``
        (only that with ``skip_children``, when the parse's subject is the quote itself)."""
        named = _named_before(verb)
        if named is not None and not skip_children:
            return named
        quoted = quoted_as(verb)
        if quoted is not None and not skip_children:
            return quoted
        v, steps = verb, 0
        while v is not None and not skip_children and steps <= _CLIMB_STEPS:
            saying = saying_of(v)  # "..., Reuters reported BaFin as saying", "..., X is reported as saying"
            if saying is not None:
                return quoted_as(saying)
            subjects = []
            for child in v.children:
                # A dash the parser took for a noun is never a subject.
                if child.dep_ in ("nsubj", "csubj") and not self.inside_quotes(child.idx) and _wordy(child):
                    subjects.append(child)
                elif child.dep_ == "agent" and not subjects:
                    pobj = [c for c in child.children if c.dep_ == "pobj"]
                    return pobj[0] if pobj else None
            if subjects:
                found = self._nearest_subject(v, subjects)
                if steps == 0 or not _reported_thing(v, found):
                    return found
                # "Analysts predicted that the jump would be short-lived, saying ...": the
                # participle hangs from the reported clause, but whoever says is the one
                # who reported it, not the thing reported on; not an "it" of "it is clear
                # that voters want to know"
                outer = self.subject_of(v.head, region)
                return outer if outer is not None and could_report(outer) else found
            if any(c.dep_ == "nsubjpass" for c in v.children) or (steps == 0 and _passive_participle(v)):
                return None
            v = v.head if v.dep_ in _CLIMB and v.head.i != v.i else None
            steps += 1
        if region:
            near = [t for t in region if _could_speak(t) and not self.inside_quotes(t.idx)]
            # A name before the verb stands where its subject does (``"...," Flynn, a top
            # Trump surrogate, said Thursday on Fox News``, where the parser hangs the
            # name in the quote), a person's before an organisation's, which names whom
            # the person speaks for (``Jeff Joseph, from the Consumer Electronics
            # Association (CEA) told``); a name after the verb only in an inversion
            # (``said Flynn``).
            before = [t for t in near if t.i < verb.i]
            before = [t for t in before if self.is_person(t)] or before
            near = before or near
            if near:
                return min(near, key=lambda t: abs(t.i - verb.i))
        return None

    def is_person(self, tok) -> bool:
        """``tok`` is part of a person's name."""
        return self.in_person(tok.idx) if self.in_person is not None else tok.ent_type_ == "PERSON"

    def _nearest_subject(self, verb, subjects: list):
        """The subject of ``verb`` among several the parser gave it: the one nearest the
        verb that is neither a time (``12:15 p.m.`` heading a live-blog entry) nor on
        another line (a headline run into the sentence: ``The Latest: Trump urges``);
        the first one when none is."""
        if len(subjects) == 1:
            return subjects[0]
        # "said co-ordinator Peter Facey", parsed with "co" as a second subject.
        whole = [s for s in subjects if not hyphen_fragment(s)]
        if whole and len(whole) < len(subjects):
            subjects = whole
            if len(subjects) == 1:
                return subjects[0]
        fitting = [
            s for s in subjects
            if s.ent_type_ not in ("DATE", "TIME") and "\n" not in self.text[min(s.idx, verb.idx) : max(s.idx, verb.idx)]
        ]
        if len(fitting) == 2:
            first, second = sorted(fitting, key=lambda s: s.i)
            # "Jane Hill of the charity Oxfam said", parsed with two subjects: the name whose
            # "of" phrase runs on to the other is who speaks (not "The chairman of the Bar
            # Council, Guy Mansfield QC warned", where the name is the second).
            between = first.doc[first.i + 1 : second.i]
            if (
                first.pos_ == "PROPN" and between and between[0].lower_ == "of"
                and not any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in between)
            ):
                return first
        return min(fitting, key=lambda s: abs(s.i - verb.i)) if fitting else subjects[0]

    def phrase_at(self, tok) -> Cue | None:
        """A cue phrase (``according to X``) starting at ``tok``, with X's head."""
        for phrase in self.lexicon.phrases:
            end = tok.i + len(phrase)
            if end > len(self.sdoc):
                continue
            words = self.sdoc[tok.i : end]
            if tuple(w.lower_ for w in words) != phrase:
                continue
            last = words[-1]
            if end < len(self.sdoc) and self.sdoc[end].lower_ in _WH_WORDS:
                return None  # "paid according to how much business they brought": a measure
            objects = [c for c in last.children if c.dep_ == "pobj"]
            speaker = objects[0] if objects else (last.nbor() if end < len(self.sdoc) else None)
            if speaker is not None and speaker.pos_ not in ("PROPN", "NOUN", "PRON"):
                speaker = _name_after_description(self.sdoc, end)
            return Cue(tok.idx, last.idx + len(last), tok, speaker)
        return None

    def cue_for_marked(self, marked: Marked) -> Cue | None:
        """The attribution of a quoted passage: after it in its sentence (``"...," she
        said``, or a bare ``"..." she said.``), else before it (``He said: "..."``), else
        the sentence its colon closes (``Cruz continued:`` ending the paragraph before)."""
        raw_last = self.text[: marked.close].rstrip()[-1:] if marked.close is not None else "."
        after = self.region_after(marked.outer_end) if marked.close is not None else []
        if after and (raw_last != "." or after[0].is_lower or _bare_attribution(after) or _says_how(after)):
            cue = self.cue_in(after, outside=(marked.open, marked.outer_end))
            if cue is not None:
                return cue
        if marked.close is not None and raw_last in _SIGNED_AFTER:
            cue = self._dash_cue(marked.outer_end)
            if cue is not None:
                return cue
        before = self.region_before(marked.open)
        cue = self.cue_in(before, last=True, outside=(marked.open, marked.outer_end))
        if cue is not None:
            return cue
        head = self.text[: marked.open].rstrip()
        if head.endswith(":"):
            return self._colon_cue(len(head) - 1)
        return None

    def _dash_cue(self, at: int) -> Cue | None:
        """A quote signed after a dash (``"...." ― Jane Doe``): the dash is the cue and the
        name after it the speaker, when the name ends the line (or an apposition follows:
        ``-- Jane Doe, a nurse``)."""
        m = _DASH_BYLINE.match(self.text, at)
        if m is None:
            return None
        dash = self.text.index(m.group(0).lstrip()[0], at)
        last = self.token_at(m.start(1) + m.group(1).rfind(" ") + 1)
        if last is None or last.pos_ not in ("PROPN", "NOUN") or not (m.start(1) <= last.idx < m.end(1)):
            return None
        head = last
        # climb to the name's head while it stays inside the name
        while head.head.i != head.i and m.start(1) <= head.head.idx < m.end(1) and head.dep_ in ("compound", "flat"):
            head = head.head
        dash_tok = self.token_at(dash)
        dash_end = dash + (2 if self.text.startswith("--", dash) else 1)
        return Cue(dash, dash_end, dash_tok, head)

    def _colon_cue(self, colon: int) -> Cue | None:
        """A quote introduced by a colon: the reporting verb before it, else the colon
        itself as cue with the name just before it (``Trump: "..."``) or the subject of
        the introducing sentence (``The president released this statement:``)."""
        tokens = self.region_before(colon)
        cue = self.cue_in(tokens, last=True)
        if cue is not None or not tokens:
            return cue
        last = tokens[-1]
        if last.like_num or any(ch.isdigit() for ch in last.text) or last.lower_ in ("a.m.", "p.m."):
            return None  # "1:50 p.m.:" opens a live-blog entry, not a quote's speaker
        verbs = [t for t in tokens if t.pos_ == "VERB"]
        # Headlines ("Trump: '...'") often tag a lone name as a common noun.
        if last.pos_ == "PROPN" or (last.pos_ == "NOUN" and last.is_title and len(tokens) <= 3):
            speaker = last
        elif verbs:  # "as Tom Ridge put it:", "the president released this statement:"
            speaker = self.subject_of(verbs[-1])
            speaker = speaker if speaker is not None and speaker in tokens else None
        else:
            speaker = None
        colon_tok = self.token_at(colon)
        return Cue(colon, colon + 1, colon_tok, speaker) if speaker is not None else None


_SIGNED_AFTER = frozenset(".!?…")
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "EVENT", "WORK_OF_ART"})


def _passive_participle(verb) -> bool:
    """A past participle heading a clause of its own with no subject and no ``have``
    (``Asked if he would stand again, Mr Hague replied``, ``The singer, asked whether ...,``,
    ``When told of the decision, she said``): it is passive, so the clause it hangs from
    names who was asked or told, not who asked; its speaker is its agent or nobody."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ == "aux" and c.lower_ in _HAVE for c in verb.children)
    )


def quoted_as(verb):
    """The person ``X quoted ... as saying`` (or ``... was quoted as saying``): the object
    (or passive subject) of ``quote``/``cite``, not the paper or agency quoting them, for
    the verb ``saying`` under its ``as``; None for any other verb."""
    as_ = verb.head
    if verb.dep_ != "pcomp" or as_.lower_ != "as" or as_.head.lemma_.lower() not in _QUOTING:
        return None
    for child in as_.head.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return None


def saying_of(verb):
    """The ``saying`` under ``verb`` in ``the paper quoted X as saying`` or ``X is reported
    as saying`` (whose speaker ``quoted_as`` finds), or None."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for grandchild in child.children:
                if quoted_as(grandchild) is not None:
                    return grandchild
    return None


def _named_before(verb):
    """``footage of Jane Doe saying``, ``a video showing Smith asking``: a participle right
    after a name (an object the parser did not make its subject) is that name's speech;
    not after the name one writes or speaks to. Returns the name's token, or None."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    prev = verb.nbor(-1)
    if prev.pos_ != "PROPN" or prev.dep_ not in ("pobj", "dobj") or prev.ent_type_ in NOT_NAMES:
        return None
    if prev.dep_ == "pobj" and prev.head.lower_ == "to":
        return None  # an addressee: "has written to Tony Blair demanding ..." is the writer's
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # The parser may make the recording itself the subject ("footage [of X] saying").
    if all(s.pos_ == "NOUN" and s.left_edge.i <= prev.i for s in subjects):
        return prev
    return None


# Verbs whose "it" stands for the clause after them, not for a speaker ("It emerged that",
# "it seems", "It turned out that"): PolNeAR marks these attributions without a source.
# Verbs of appearing ("seems to", "would appear to be"): with a subject or without, what
# follows them is the writer's inference (``cues.appearing``).
APPEARING = frozenset({"seem", "appear"})
_DUMMY_IT_VERBS = APPEARING | {"emerge", "transpire"}


def dummy_it(tok) -> bool:
    """"It" as the placeholder subject of a verb of appearing ("It emerged that ...", "it
    turned out that"; not "it turned down the offer"): the attribution has no source."""
    if tok.lower_ != "it":
        return False
    verb = tok.head
    turned_out = verb.lemma_ == "turn" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return tok.dep_ == "expl" or verb.lemma_ in _DUMMY_IT_VERBS or turned_out


def _wordy(tok) -> bool:
    """A token with a letter or digit in it (not a dash or other punctuation)."""
    return any(ch.isalnum() for ch in tok.text)


_BARE_VERBS = entries("quotes/bare_attribution_verbs.txt")
_POINTING = frozenset({"that", "this", "that's", "so"})
_HOW = frozenset({"how", "what"})


def _says_how(region: list) -> bool:
    """``That was how Jane Doe put it.``, ``That's what the mayor told us.``: a short
    sentence after a quote that points back at it names its speaker."""
    return (
        len(region) <= 12
        and region[0].lower_ in _POINTING
        and any(t.lower_ in _HOW for t in region[1:4])
    )


def _bare_attribution(region: list) -> bool:
    """``Viguerie says.``: a short sentence made of a speaker and a reporting verb."""
    return len(region) <= 8 and region[-1].text in SENT_END and any(
        t.lemma_.lower() in _BARE_VERBS for t in region
    )
