"""``newsgraph.quotes.v1``: direct, partial and indirect quotes with cues and speakers.

Rules over the backbone's parse (no second model): quote marks give direct and partial
quotes (``marks``), the parse gives their cues and the reported speech without marks
(``attribution``, ``indirect``), and speakers resolve to the record's entities
(``speakers``). See docs/quotes.md for the rules and the decisions behind them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.quotes import lexicon as lexicon_mod
from newsgraph.pipeline.components.quotes.attribution import PARTIAL_PATH, SUBJECTS, Cue, Parse, dummy_it, saying_of
from newsgraph.pipeline.components.quotes.cues import CueModel, find_learned, load_model
from newsgraph.pipeline.components.quotes.indirect import Reported, _trim, find_indirect
from newsgraph.pipeline.components.quotes.labels import find_headline, find_turns, quoted_transcripts
from newsgraph.pipeline.components.quotes.marks import DOUBLE_MARKS, Marked, find_quotes
from newsgraph.pipeline.components.quotes.speakers import MentionIndex, SpeakerResolver
from newsgraph.pipeline.document import Document
from newsgraph.record import Quote, Span, Speaker
from newsgraph.resources import words

NAME = "newsgraph.quotes.v1"
CAPTION_KINDS = ("caption", "credit")
# A character before an opening mark that lets the quote start a clause of its own.
_CLAUSE_BEFORE = frozenset(".!?:;,—–-([")
_CLAUSE_END = frozenset(".,!?;:…—–")
# A quote closed after one of these ended a sentence (``_after_quoted_sentence``).
_CLOSING_MARKS = frozenset("\"”'’")
_SENTENCE_END = frozenset(".!?…")
_OPENING_MARKS = frozenset("\"“'‘")
_SIGNATURE_DASHES = ("―", "—", "--")
# Partial quotes shorter than this with no cue in their sentence are titles, names or
# scare quotes ("so-called"), not reported speech.
MIN_PARTIAL_WORDS = 3
_BREAKS = re.compile(r"\n[ \t\n]*")
_LEADING_SPACES = re.compile(r"^[^\S\n]+")
_WORDS = re.compile(r"[^\W_][\w'’-]*")
_SMALL_WORDS = words("quotes/small_words.txt")
MAX_TITLE_WORDS = 8
# Words naming what follows them (``the so-called "flash estimate"``, ``known as "the
# Beast"``): a quoted term after them is a name or a scare quote, not anyone's words.
_NAMING = re.compile(r"(?:\bso-called|\bknown as|\bnicknamed|\bdubbed|\bentitled|\btitled)\s*$", re.I)
_NAMING_REACH = 20
# Participles that, passive and followed by a to-infinitive, say what is expected of the
# subject, not who expects it (``the vote is expected to be close``).
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being"})


@dataclass
class _Item:
    start: int
    end: int
    kind: str
    cue: Cue | None
    marked: Marked | None = None
    speaker_of: Cue | None = None  # a cue whose speaker this item inherits, without the cue
    inherited_after: int | None = None  # the cue came from the quote ending here (``_inherit``)


class QuoteExtractor(Component):
    """Finds quotes and attributes them. ``indirect``: also report speech without quote
    marks; ``lexicon``: a folder with ``reporting_verbs.txt`` and ``cue_phrases.txt``
    replacing the shipped ones; ``learned_cues``: also take the cues the trained cue model
    finds (nouns, beliefs, polls that show; needs ``indirect``); ``cue_model``: a model file
    replacing the shipped ``cue_model.json``."""

    name = NAME
    requires = ("text", "spacy", "entities", "noise")
    assigns = ("quotes",)

    def __init__(
        self, indirect: bool = True, lexicon: str | None = None, learned_cues: bool = True, cue_model: str | None = None
    ):
        self.indirect = indirect
        self.lexicon = lexicon_mod.load(lexicon)
        self.cue_model = load_model(cue_model) if learned_cues else None

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is None:
            return doc
        marks = [m for m in find_quotes(doc.text) if doc.noise_at(m.open, m.outer_end, CAPTION_KINDS) is None]
        inside = _inside(sorted((m.open, m.outer_end) for m in marks))
        # A transcript quoted whole is read turn by turn (labels.py), not as one quote; its
        # words stay quoted words (no reported speech is read in them).
        transcripts = quoted_transcripts(doc.text, [(m.open, m.outer_end) for m in marks])
        marks = [m for i, m in enumerate(marks) if i not in transcripts]
        people = _inside(sorted((m.start, m.end) for e in doc.entities if e.type == "PERSON" for m in e.mentions))
        parse = Parse(doc.spacy, self.lexicon, inside, doc.text, people)
        items = _extract(doc, parse, marks, inside, self.indirect, self.cue_model)
        doc.quotes.extend(_to_quotes(doc, items, self.lexicon.titles, inside))
        return doc


def _extract(
    doc: Document, parse: Parse, marks: list[Marked], inside, with_indirect: bool, cue_model: CueModel | None = None
) -> list[_Item]:
    """Direct, partial and (optionally) indirect items with their cues, before speakers.
    ``marks``: the quoted passages outside captions; ``inside(char)``: within one of them;
    ``cue_model``: the learned cues' classifier (None: the lexicon's cues only)."""
    text = doc.text
    direct: list[_Item] = []
    partial: list[_Item] = []
    for m in marks:
        stands = _is_direct(text, m, parse)
        cue = parse.cue_for_marked(m) if stands else None
        if cue is not None or (stands and not _title_like(text[m.start : m.end])):
            direct.append(_Item(m.start, m.end, "direct", cue, m))
        else:
            partial.append(_Item(m.start, m.end, "partial", None, m))
    _inherit(text, direct)
    reported: list[_Item] = []
    direct_cues = {item.cue.start for item in direct if item.cue is not None}
    learned_cues: set[int] = set()
    addressees = _addressee_spans(doc)
    if with_indirect:
        found = find_indirect(parse, inside)
        if cue_model is not None:
            learned = find_learned(parse, cue_model, frozenset(r.cue.start for r in found) | direct_cues)
            found += learned
            learned_cues = {r.cue.start for r in learned}
        # A cue whose content (any piece of it) is a direct quote belongs to that quote.
        taken = {r.cue.start for r in found if any(d.start < r.end and r.start < d.end for d in direct)}
        for r in found:
            if r.cue.start in direct_cues:
                # The reported words around a direct quote with the same cue (``added that
                # most ... because, "..."``) are part of its attribution.
                reported += _beside_quotes(parse, r, direct)
                continue
            if r.cue.start in taken:
                continue
            if doc.noise_at(r.start, r.end, CAPTION_KINDS) is not None:
                continue
            if _raising_passive(r.cue.verb) or _quotes_as(r) or _nobody_says(r.cue.verb):
                continue
            if _addressed(r.cue) and (r.start, r.end) in addressees:
                continue  # "thanked Eastwood", "has told BBC News": whom it was said to
            span = _in_paragraph(text, r.start, r.end, r.cue.start)
            if span is not None:
                reported.append(_Item(span[0], span[1], "indirect", r.cue))
        reported = _without_light_verbs(reported)
    # A learned cue (a belief, a noun) is weaker evidence than a speech verb: it does not
    # pass its speaker on to quotes that have no attribution of their own.
    said = [it for it in reported if it.cue.start not in learned_cues]
    _inherit_across(text, direct, direct + said)
    kept_partial = []
    for item in partial:
        if _named_term(text, item):
            continue
        item.cue = _partial_cue(parse, item, reported, direct_cues)
        if item.cue is not None or _worth_keeping(parse, item):
            kept_partial.append(item)
    _inherit_reported(text, direct, [it for it in kept_partial + said if it.cue is not None])
    _inherit_subject(parse, direct)
    # Turns of a transcript, unless in a quoted passage (a transcript quoted whole is no
    # longer among ``marks``).
    in_marks = _inside(sorted((m.open, m.outer_end) for m in marks))
    turns = [_Item(t.start, t.end, "direct", t.cue) for t in find_turns(parse) if not in_marks(t.start)]
    headline = find_headline(parse)
    if headline is not None and not in_marks(headline.start) and not turns and not (
        _addressed(headline.cue) and (headline.start, headline.end) in addressees
    ):
        # Not verbatim (a headline's paraphrase): reported speech.
        reported.append(_Item(headline.start, headline.end, "indirect", headline.cue))
    return direct + turns + kept_partial + reported


def _beside_quotes(parse: Parse, r: Reported, direct: list[_Item]) -> list[_Item]:
    """The pieces of reported content ``r`` outside the direct quotes it holds, of at least
    ``MIN_PARTIAL_WORDS`` words, in the cue's line, as indirect items with its cue (only
    for a cue that also introduces a direct quote)."""
    text = parse.text
    cuts = sorted((d.marked.open, d.marked.outer_end) for d in direct if d.start < r.end and r.start < d.end)
    pieces, at = [], r.start
    for open_, close in cuts:
        pieces.append((at, open_))
        at = max(at, close)
    pieces.append((at, r.end))
    # Words between a quote that does not end its sentence and the cue after it are the
    # attribution, not its content (``"...," Flynn, a top Trump surrogate, said``, where
    # the parser hangs the name in the quote; not ``"...." But he changed his mind, the
    # book claims``).
    closes = [
        d.marked.outer_end
        for d in direct
        if d.cue is not None
        and d.cue.start == r.cue.start
        and d.marked.outer_end <= r.cue.start
        and _last_inner(text, d.marked) not in _SENTENCE_END
    ]
    out = []
    for start, end in pieces:
        if closes and max(closes) <= start and end <= r.cue.start:
            continue
        span = _in_paragraph(text, start, end, r.cue.start) if start < end else None
        if span is not None:
            span = _trim(parse, *span)
        if span is not None and len(text[span[0] : span[1]].split()) >= MIN_PARTIAL_WORDS:
            out.append(_Item(span[0], span[1], "indirect", r.cue))
    return out


def _without_light_verbs(reported: list[_Item]) -> list[_Item]:
    """``reported`` with each verb whose object is a cue noun and the noun merged into one
    attribution: in "expressed doubts over whether ...", "issued a statement that ...",
    "made no secret of ...", the verb's content ("doubts over whether ...") is the noun's
    cue and the noun's content, and the claim is the noun's ("whether ..."). The record
    keeps the noun's content under one cue from the verb to the noun ("expressed doubts").
    A verb whose object noun is no cue keeps its content, and so does one whose noun has a
    source of its own (``_own_source``)."""
    nouns = {it.cue.verb.head.i: it for it in reported if it.cue.verb.pos_ == "NOUN" and it.cue.verb.dep_ == "dobj"}
    merged, out = set(), []
    for it in reported:
        noun = nouns.get(it.cue.verb.i)
        if noun is None or not (it.start <= noun.cue.start and noun.start < it.end and it.end <= noun.end + 1) or _own_source(noun, it):
            out.append(it)
            continue
        cue = it.cue
        out.append(_Item(noun.start, noun.end, "indirect", Cue(cue.start, noun.cue.end, cue.verb, cue.speaker or noun.cue.speaker, cue.score)))
        merged.add(id(noun))
    return [it for it in out if id(it) not in merged]


def _own_source(noun: _Item, verb: _Item) -> bool:
    """Whether cue noun ``noun`` has a source of its own besides ``verb``'s subject ("he
    confirmed Mr Blair's insistence that ...": the insistence is Mr Blair's)."""
    mine, theirs = noun.cue.speaker, verb.cue.speaker
    return mine is not None and theirs is not None and mine.i != theirs.i


def _in_paragraph(text: str, start: int, end: int, cue: int) -> tuple[int, int] | None:
    """``[start, end)`` cut to the line holding the cue: the parser may run a sentence over
    a line break (a headline, ``Tories 'would cut number of MPs'``, read as the start of
    the first paragraph's sentence), but reported speech never crosses one. None when
    nothing is left on the cue's side."""
    line_start = text.rfind("\n", 0, cue) + 1
    line_end = text.find("\n", cue)
    line_end = len(text) if line_end < 0 else line_end
    start, end = max(start, line_start), min(end, line_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _is_direct(text: str, m: Marked, parse: Parse) -> bool:
    """A quote that stands as a clause of its own: it opens a paragraph or follows
    punctuation or a reporting verb, and it ends with punctuation or at a clause end.
    Anything embedded in a larger clause (``a "heavy price" on``) is partial."""
    prev = _before(text, m.open)
    before = text[prev] if prev >= 0 else "\n"
    starts = before == "\n" or before in _CLAUSE_BEFORE or _after_cue(parse, prev) or _after_quoted_sentence(text, prev)
    if not starts:
        return False
    inner_end = _last_inner(text, m)
    tail = _LEADING_SPACES.sub("", text[m.outer_end : m.outer_end + 20])
    after = tail[:1] or "\n"
    if inner_end in _CLAUSE_END or after == "\n" or after in _CLAUSE_END:
        return True
    # A comma left out before the cue: ``"The choice is Dawson" said Guscott.``
    nxt = parse.token_at(m.outer_end)  # the first word after the closing mark
    return nxt is not None and nxt.tag_ == "VBD" and parse.is_cue_verb(nxt)


def _last_inner(text: str, m: Marked) -> str:
    """The last character inside quoted passage ``m``, looking inside a nested quote that
    ends it (``... 'bro,'"``); a full stop for a passage left open."""
    return text[max(0, m.close - 40) : m.close].rstrip().rstrip("'’\"”")[-1:] if m.close is not None else "."


def _after_quoted_sentence(text: str, prev: int) -> bool:
    """The character at ``prev`` closes a quote that ended a sentence (``... environment."
    "The economy is ...," said Ken Mayland``): scraped news runs a quote's paragraphs
    together, so the next quote opens a clause as after a full stop."""
    if prev < 1 or text[prev] not in _CLOSING_MARKS:
        return False
    inner = _before(text, prev)
    return inner >= 0 and text[inner] in _SENTENCE_END


def _title_like(words_text: str) -> bool:
    """``Mercy Street``, ``A Time for Truth``, ``Stronger Together.``: a short passage in
    title case is the name of a show, book or slogan, not speech (when no cue attributes
    it; a headline quote with its speaker keeps its cue and stays direct)."""
    words = _WORDS.findall(words_text)
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _before(text: str, pos: int) -> int:
    """Index of the last character before ``pos`` that is not a space (of any kind; a
    newline counts as a character), or -1 at the start of the text."""
    i = pos - 1
    while i >= 0 and text[i].isspace() and text[i] != "\n":
        i -= 1
    return i


def _after_cue(parse: Parse, char: int) -> bool:
    """True when the word ending at ``char`` is a reporting verb (``said "..."``) or a
    ``that`` right after one (``argued that "..."``): the quote is the verb's whole
    complement, so it stands as a clause even when it starts in lower case."""
    prev = parse.token_at(char)
    if prev is None:
        return False
    if prev.lower_ == "that" and prev.i > 0:
        prev = prev.nbor(-1)
    return parse.is_cue_verb(prev)


def _inside(spans: list[tuple[int, int]]):
    starts = [s for s, _ in spans]

    def inside(char: int) -> bool:
        i = bisect_right(starts, char) - 1
        return i >= 0 and spans[i][0] <= char < spans[i][1]

    return inside


def _inherit(text: str, direct: list[_Item]) -> None:
    """Give a direct quote with no attribution of its own its neighbour's cue: the
    previous quote's within the same paragraph (the speaker goes on after the
    attribution), else the next quote's when only space separates them (``"A." "B," she
    said``). The previous one comes first: scraped news runs paragraphs together, and in
    ``"C," said X. "A." "B," added Y.`` the quote A is X's paragraph going on, not Y's."""
    for i, item in enumerate(direct):
        if item.cue is not None:
            continue
        prev = direct[i - 1] if i > 0 else None
        if prev is not None and prev.cue is not None and "\n" not in text[prev.marked.outer_end : item.marked.open]:
            item.cue, item.inherited_after = prev.cue, prev.marked.outer_end
            continue
        nxt = direct[i + 1] if i + 1 < len(direct) else None
        gap = text[item.marked.outer_end : nxt.marked.open] if nxt is not None else "\n"
        if nxt is not None and nxt.cue is not None and not gap.strip() and "\n" not in gap:
            item.cue = nxt.cue


def _inherit_across(text: str, direct: list[_Item], attributed: list[_Item]) -> None:
    """A quote that fills a paragraph of its own, with no attribution, right after a
    paragraph holding an attribution continues that speaker (the news convention
    ``"...," X said.`` followed by a paragraph of more quotation from X). After a direct
    quote it shares that quote's cue (one attribution running over paragraphs, as
    PolNeAR annotates it); after reported speech it takes the speaker only."""
    breaks = [m.end() for m in _BREAKS.finditer(text)]
    for item in sorted(direct, key=lambda it: it.start):
        if item.cue is not None or not _opens_paragraph(text, item):
            continue
        # The quote's own paragraph goes on after it: its attribution may come later, or it
        # is no continuation at all, unless the paragraph runs into the next (``_runs_on``).
        runs_on = _runs_on(text, item)
        if _rest_of_line(text, item.marked.outer_end) and not runs_on:
            continue
        paragraph = bisect_right(breaks, item.marked.open)
        if paragraph == 0:
            continue
        previous_start = breaks[paragraph - 2] if paragraph >= 2 else 0
        # Items attributed so far (earlier continuations included), by where they sit.
        before = sorted(
            (it for it in attributed if (it.cue or it.speaker_of) is not None and previous_start <= it.start < breaks[paragraph - 1]),
            key=lambda it: it.start,
        )
        source = before[-1] if before else None
        if source is None or (source.cue or source.speaker_of).speaker is None:
            continue
        if source.kind == "direct" and source.cue is not None:
            item.cue = source.cue
        elif not runs_on or _named_speaker((source.cue or source.speaker_of).speaker):
            # Reported speech passes its speaker on to a paragraph run into the next one
            # only when the speaker is a name or "he"/"she": there a reported cue's
            # subject is weaker evidence ("e-mails that claim", "a win").
            item.speaker_of = source.cue or source.speaker_of


def _inherit_reported(text: str, direct: list[_Item], reported: list[_Item]) -> None:
    """A direct quote with no attribution that follows, in the same paragraph, a sentence
    reporting speech (``X said the plan was "sound." "We will go on."``, ``..., Smith
    said. "More."``) continues that speaker: it takes the speaker, not the cue (the
    reported clause and the quote are separate claims). So does one that took the cue of
    the quote before it when a report by someone else named stands between them (``"...,"
    said X. For the Liberal Democrats, Y called the target "unambitious". "It leaves
    ..."``: Y's)."""
    for item in direct:
        if item.speaker_of is not None or (item.cue is not None and item.inherited_after is None):
            continue
        after = item.inherited_after if item.inherited_after is not None else -1
        before = [
            r for r in reported
            if after <= r.cue.start and r.cue.end <= item.marked.open and "\n" not in text[r.cue.start : item.marked.open]
        ]
        if not before:
            continue
        cue = max(before, key=lambda r: r.cue.start).cue
        if item.cue is None:
            item.speaker_of = cue
        elif _another_name(cue.speaker, item.cue.speaker):
            # Only a report by someone else named ends the attribution: "he added that ..."
            # goes on with it (one attribution, as PolNeAR annotates it).
            item.cue, item.speaker_of = None, cue


def _inherit_subject(parse: Parse, direct: list[_Item]) -> None:
    """A direct quote with no attribution at all, right after a sentence of its paragraph
    whose main clause has a person as its subject, is that person's: "Mr Brown outlined
    his view of the direction New Labour should take. "As our manifesto ..."", "He set up
    two schools with his wife. "We put in 25 laptops ..."" (a profile's quotes, which
    name their speaker once). The person speaks, not the verb: the quote takes the
    speaker only. Not after a sentence that itself holds a quote or stands in a turn of a
    transcript (a line opening with ":" or a dash), nor across a paragraph break."""
    text = parse.text
    for item in direct:
        if item.cue is not None or item.speaker_of is not None or item.marked is None:
            continue
        end = item.marked.open  # where the sentence before it ends, on the same line
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if end == 0 or text[end - 1] not in _SENTENCE_END:
            continue
        tok = parse.token_at(end - 1)
        if tok is None or parse.inside_quotes(tok.idx):
            continue
        sent = tok.sent
        line = text[text.rfind("\n", 0, sent.start_char) + 1 : end].lstrip()
        if any(c in DOUBLE_MARKS for c in text[sent.start_char : end]) or line.startswith((":", "-", "—")):
            continue  # a quote's own sentence, or a transcript's turn (": Bob was one of ...")
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or root.pos_ not in ("VERB", "AUX") or parse.is_cue_verb(root):
            continue
        if subject.lower_ in ("he", "she") or (subject.pos_ == "PROPN" and parse.is_person(subject)):
            item.speaker_of = Cue(subject.idx, subject.idx + len(subject), root, subject)


def _rest_of_line(text: str, at: int) -> str:
    """The text from ``at`` to the end of its line, stripped."""
    end = text.find("\n", at)
    return text[at : end if end >= 0 else len(text)].strip()


def _another_name(tok, other) -> bool:
    """``tok`` is a name (a proper noun) other than the speaker token ``other``."""
    return tok is not None and tok.pos_ == "PROPN" and (other is None or tok.lower_ != other.lower_)


def _named_speaker(tok) -> bool:
    """A speaker token that is a name or a person's pronoun."""
    return tok.pos_ == "PROPN" or tok.lower_ in ("he", "she")


def _runs_on(text: str, item: _Item) -> bool:
    """The quote closes its sentence and its paragraph goes on with a new sentence in
    capitals (``"... early." Hewitt played down his defeat``): scraped news runs
    paragraphs together, and what follows is the next paragraph, not this quote's
    attribution (an attribution there, ``"..." she said.``, would have given it a cue).
    Not when a dash follows in the paragraph: a signature may close it (``... "the root
    of all evil." ― Christina Lastra``)."""
    rest = _rest_of_line(text, item.marked.outer_end)
    if not rest or _last_inner(text, item.marked) not in _SENTENCE_END:
        return False
    return (rest[0].isupper() or rest[0] in _OPENING_MARKS) and not any(dash in rest for dash in _SIGNATURE_DASHES)


def _opens_paragraph(text: str, item: _Item) -> bool:
    prev = _before(text, item.marked.open)
    return prev < 0 or text[prev] == "\n"


def _partial_cue(parse: Parse, item: _Item, reported: list[_Item], direct_cues: set[int]) -> Cue | None:
    """The cue reporting a partial quote: the indirect speech containing it, else a
    reporting verb it depends on through complements and objects only, unless that verb
    already introduces a direct quote (then the attachment is the parser's, not the
    writer's)."""
    for r in reported:
        if r.start <= item.start < r.end:
            return r.cue
    span = parse.sdoc.char_span(item.start, item.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.head.i != tok.i and tok.dep_ not in SUBJECTS:
        head = tok.head
        if parse.is_cue_verb(head) and (tok.dep_ in PARTIAL_PATH or tok.dep_ == "prep"):
            if head.idx in direct_cues or "\n" in parse.text[min(head.idx, item.start) : max(head.idx, item.end)]:
                return None  # a verb on another line (a headline parsed into the paragraph)
            return Cue(head.idx, head.idx + len(head), head, parse.subject_of(head))
        if tok.dep_ not in PARTIAL_PATH:
            return None
        tok = head
    return None


def _raising_passive(tok) -> bool:
    """True for a passive participle whose content is a to-infinitive and whose agent is
    not named (``profits are said to have suffered``, ``the vote is expected to be
    close``): the subject is what the unnamed speakers talk about, not one of them, and
    nobody is reported. ``X is expected by analysts to ...`` names its speakers. Without
    "be", a verb that takes no to-infinitive in the active (``_RAISING``) is passive when
    "to" follows it, however the parser tagged it (``with Real Madrid also believed to be
    monitoring``, ``a missile, believed to be a coin``, ``4bn euros thought to be held``)."""
    if tok is None or tok.tag_ not in ("VBN", "VBD"):
        return False
    # An object makes it active: "growth, which it forecast to be 6.5%".
    raising = tok.lemma_.lower() in _RAISING and _to_after(tok) and not any(c.dep_ == "dobj" for c in tok.children)
    if tok.tag_ != "VBN" and not raising:
        return False
    passive = raising or any(c.dep_ == "auxpass" for c in tok.children) or (
        tok.dep_ in ("acomp", "oprd") and tok.head.lemma_ == "be"
    )
    if not passive:
        prev = tok.i - 1
        while prev >= 0 and tok.doc[prev].pos_ == "ADV":
            prev -= 1
        passive = prev >= 0 and tok.doc[prev].lower_ in _BE
    if not passive or any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children):
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in tok.children)


# Verbs that take no to-infinitive in the active voice: "X believed to be" is "X is
# believed to be" ("expect", "claim" and "say" do: "it expected to make", "he said to
# reduce the rate the bank needs to change its policy").
_RAISING = frozenset(
    "believe think report rumour rumor allege estimate know understand suppose consider reckon deem presume predict "
    "forecast tip".split()
)


def _to_after(tok) -> bool:
    """"to" follows ``tok``, with adverbs between ("thought originally to be")."""
    nxt = tok.i + 1
    while nxt < len(tok.doc) and tok.doc[nxt].pos_ == "ADV":
        nxt += 1
    return nxt < len(tok.doc) and tok.doc[nxt].lower_ == "to"


def _nobody_says(tok) -> bool:
    """True for a cue after "not to" or "never to": what someone chose not to say reports
    nothing ("would not to comment on", "agreed not to discuss"), and "not to mention",
    "that is not to say" are no attributions; nor is a cue after "it is" and an adjective
    ("it is hard to say whether", "it was too early to comment on")."""
    if tok is None:
        return False
    if tok.i >= 2 and tok.nbor(-1).lower_ == "to" and tok.nbor(-2).lower_ in ("not", "never"):
        return True
    # What someone wants, urges or asks another to say is not said ("Apple wants the
    # reporters to reveal 20 sources", "urged the club to reject the deal": the reporters
    # and the club say nothing; the verb of wanting or urging may report its own speaker).
    # Only when another is named between them: "she wanted to say that ..." is hers.
    if (
        tok.dep_ in ("xcomp", "ccomp")
        and tok.head.lemma_.lower() in _CAUSERS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and (
            any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)
            or any(c.dep_ in ("dobj", "dative") and c.i < tok.i for c in tok.head.children)
        )
    ):
        return True
    # "it is hard to say whether", "it was too early to comment": nobody's words.
    if tok.dep_ != "xcomp":
        return False
    clause = tok.head.head if tok.head.pos_ == "ADJ" and tok.head.dep_ == "acomp" else tok.head
    if clause.lemma_ != "be" or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in clause.children):
        return False
    # An adjective that judges the saying ("hard", "too early", "crass and ignorant"), not
    # one that says what a subject that can speak is minded to do ("It was keen to point
    # out": "it", the union).
    adjectives = [c for c in clause.children if c.dep_ == "acomp"]
    return bool(adjectives) and not any(a.lower_ in _MINDED for a in adjectives)


# Verbs whose to-infinitive names what another is wanted, asked or made to do.
_CAUSERS = frozenset(
    "want urge ask call tell allow order require encourage invite press persuade expect need".split()
)


# Cues whose content, when the speaker withholds it, is only a topic or a question.
_TOPIC_CUES = frozenset("comment say discuss reveal confirm disclose elaborate specify detail speculate".split())
_WH = frozenset("whether if when where why how what which who whom".split())


def _withheld(tok) -> bool:
    """True for a cue the speaker declined to use: "refused to comment on the reports",
    "declined to say whether", "was unable to comment", "has yet to reveal pricing", and a
    negated cue whose content is a topic or a question ("did not comment on the matter",
    "did not say where the job losses would fall"). The content names what was not said,
    not what was: the quote is kept, as PolNeAR's annotators keep 44 of 46 such
    attributions in its training set, and marked ``withheld`` for a reader. A negated cue
    with a statement ("did not say he would stand") is a statement."""
    if tok is None:
        return False
    if tok.lemma_.lower() in _DECLINE or (tok.lemma_.lower() in _WISH and _negated(tok)):
        # the cue of "refused to comment", "did not want to comment"
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in _TOPIC_CUES for c in tok.children)
    if tok.lemma_.lower() not in _TOPIC_CUES:
        return False
    head = tok.head
    if tok.dep_ == "xcomp" and (
        head.lemma_.lower() in _DECLINE or head.lower_ == "unable" or (head.lemma_.lower() in _WISH and _negated(head))
    ):
        return True
    if tok.i >= 2 and tok.nbor(-1).lower_ == "to" and tok.nbor(-2).lower_ == "yet":
        return True
    if not _negated(tok):
        return False
    if tok.lemma_.lower() == "comment":
        return True
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
    return comp is not None and comp.left_edge.lower_ in _WH


_DECLINE = frozenset({"decline", "refuse"})
_WISH = frozenset({"want", "wish"})


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


# Adjectives of "X is ... to say" that speak of X's mind or plans, so that "it" is X.
_MINDED = frozenset(
    "keen eager willing happy glad ready able unable due likely unlikely set reluctant quick anxious determined "
    "prepared careful sure certain free poised expected".split()
)


def _addressee_spans(doc: Document) -> set[tuple[int, int]]:
    """The spans of the names of those who can be spoken to: people, organisations, groups
    and countries ("told BBC News", "asked Mr Myers"). A reported content that is one of
    them and nothing else, after a verb of addressing (``_addressed``), is no content."""
    return {(m.start, m.end) for e in doc.entities if e.type in _ADDRESSEES for m in e.mentions}


_ADDRESSEES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _addressed(cue) -> bool:
    """Whether the object of ``cue`` is the one spoken to, not what was said: a verb of
    addressing (``_ADDRESSING``: "has told BBC News", "asked Mr Myers if", "thanked
    Eastwood") or a headline's colon ("Profile: David Miliband"). A name as the content of
    such a cue is the addressee (read on the BBC dump: 65 records whose content
    was a name, most of them these); a person as the object of an evaluation ("defended Mr
    McConnell", "attacking Bush") stays an attribution, as the checked BBC cues have it."""
    verb = getattr(cue, "verb", None)
    return verb is None or verb.lemma_.lower() in _ADDRESSING


_ADDRESSING = frozenset({
    "tell", "ask", "thank", "urge", "warn", "brief", "inform", "remind", "assure", "promise", "introduce",
    "congratulate", "invite", "instruct", "advise", "implore", "persuade", "question", "answer",
})


def _quotes_as(r: Reported) -> bool:
    """True for the content of ``quoted`` in ``the paper quoted X as saying the plan ...``:
    ``saying`` holds the content, spoken by X (``quoted_as``), so ``quoted`` reports nothing
    of its own, and its object ("X as saying") is no content. When the content stands
    before (``..., the Times quoted X as saying``, ``..., the minister has been reported as
    saying``) the parser gives ``saying`` none, and the cue keeps it, spoken by X
    (``Parse.subject_of``)."""
    saying = saying_of(r.cue.verb) if r.cue.verb is not None else None
    if saying is None:
        return False
    return any(c.dep_ in ("ccomp", "xcomp") for c in saying.children) or r.start <= saying.idx < r.end


def _named_term(text: str, item: _Item) -> bool:
    """A quoted term right after a naming word (``so-called``, ``dubbed``)."""
    return _NAMING.search(text[max(0, item.marked.open - _NAMING_REACH) : item.marked.open]) is not None


def _worth_keeping(parse: Parse, item: _Item) -> bool:
    """A partial quote without a cue is kept when it is long enough to be speech or sits
    in a sentence that reports speech (its speaker is then left null), unless it is a
    short passage in title case (a name, title, nickname or label: ``Ray "Bigfoot"
    Hollis``)."""
    if _title_like(parse.text[item.start : item.end]):
        return False
    if len(parse.text[item.start : item.end].split()) >= MIN_PARTIAL_WORDS:
        return True
    tok = parse.token_at(item.start)
    return tok is not None and any(parse.is_cue_verb(t) for t in tok.sent)


def _to_quotes(doc: Document, items: list[_Item], titles: frozenset[str], inside_quotes) -> list[Quote]:
    """Resolve each distinct cue's speaker once, in text order (pronouns look back), and
    build the records."""
    if not items:
        return []
    resolver = SpeakerResolver(doc, MentionIndex(doc), titles, inside_quotes)
    speakers: dict[int, Speaker | None] = {}
    cues = {cue.start: cue for item in items for cue in (item.cue, item.speaker_of) if cue is not None}
    # What an attribution reports: a cue inside it ("Robin Cook said Lord Goldsmith's
    # admission that ... suggested ...") is not the one a later "he said" goes back to.
    reported = [(item.start, item.end, item.cue.start) for item in items if item.cue is not None]
    for cue in sorted(cues.values(), key=lambda c: c.start):
        # "It emerged that ...": an attribution without a source (PolNeAR's no-source).
        held = cue.speaker is not None and not dummy_it(cue.speaker)
        nested = any(start <= cue.start < end and outer < cue.start for start, end, outer in reported)
        speakers[cue.start] = resolver.resolve(cue.speaker, remember=not nested) if held else None
    ids = _attribution_ids(items)
    quotes = []
    for item, attribution in zip(items, ids, strict=True):
        cue = item.cue
        source = cue or item.speaker_of
        quotes.append(
            Quote(
                start=item.start,
                end=item.end,
                kind=item.kind,
                speaker=speakers.get(source.start) if source is not None else None,
                cue=Span(start=cue.start, end=cue.end) if cue is not None else None,
                component=NAME,
                attribution=attribution,
                cue_confidence=round(cue.score, 3) if cue is not None and cue.score is not None else None,
                withheld=item.kind != "direct" and cue is not None and _withheld(cue.verb),
            )
        )
    return quotes


def _attribution_ids(items: list[_Item]) -> list[str]:
    """One id per attribution (``a1``, ``a2``, ... in text order): items sharing a cue are
    one attribution, an item without a cue is one of its own."""
    keys = [("cue", item.cue.start) if item.cue is not None else ("alone", i) for i, item in enumerate(items)]
    first: dict[tuple, int] = {}
    for key, item in zip(keys, items, strict=True):
        first[key] = min(first.get(key, item.start), item.start)
    order = {key: f"a{n}" for n, key in enumerate(sorted(first, key=lambda k: (first[k], str(k))), start=1)}
    return [order[key] for key in keys]
