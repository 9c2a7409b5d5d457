"""Reported speech without quote marks: ``X said that ...``, ``..., X warned``,
``X vowed to ...``, ``according to X, ...``. Works on the existing dependency parse."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.pipeline.components.quotes.attribution import (
    CUE_POS, MIN_CONTENT_TOKENS, QUOTE_CHARS, Cue, Parse, could_hold, could_report,
)
from newsgraph.pipeline.components.quotes.marks import DOUBLE_CLOSE, DOUBLE_MARKS, STRAIGHT_DOUBLE
from newsgraph.resources import table, words


@dataclass(frozen=True)
class Reported:
    """Reported content ``[start, end)`` and its cue."""

    start: int
    end: int
    cue: Cue


def find_indirect(parse: Parse, inside_quotes) -> list[Reported]:
    """Every reported-speech clause of the document. ``inside_quotes(char) -> bool`` says
    whether a character lies inside quote marks (verbs there belong to the quote)."""
    found = []
    phrase_starts = frozenset(p[0] for p in parse.lexicon.phrases)
    # Only verbs with a cue lemma and tokens starting a cue phrase can report anything.
    for i in parse.indices(parse.lexicon.cue_lemmas, CUE_POS, phrases=True):
        tok = parse.sdoc[i]
        if inside_quotes(tok.idx):
            continue
        if parse.is_cue_verb(tok):
            items = _verb_content(parse, tok)
        elif tok.lower_ in phrase_starts:
            item = _phrase_content(parse, tok)
            items = [item] if item is not None else []
        else:
            items = []
        found.extend(items)
    return found


def _verb_content(parse: Parse, verb) -> list[Reported]:
    """The reported content of a reporting verb: its clausal complement (or its
    to-infinitive for the verbs marked ``xcomp`` in the lexicon, its object for those
    marked ``dobj``), or the sentence around an attribution set off by commas (``Too
    often, Smith said, the debate ...``: two pieces sharing the cue)."""
    if concession(verb):
        return []
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None) or that_clause(verb)
    if comp is not None and comp.i < verb.i and _infinitive_after(verb):
        # "Millan set out to change that - they wanted to make ...": the parser hung the
        # clause before on the cue, whose own content is the infinitive after it (for the
        # lexicon's ``xcomp`` verbs; the others report nothing here).
        comp = None
    if comp is None and (verb.dep_ == "parataxis" or _closing_aside(parse, verb)):
        return _parenthetical(parse, verb)
    speaker = _speaker_taken_by(verb, comp) if comp is not None else None
    if speaker is not None:
        return _aside_pieces(parse, verb, speaker, verb.nbor(-1).idx, speaker.nbor(1).idx + 1)
    item = _complement(parse, verb, comp)
    return [item] if item is not None else []


def _closing_aside(parse: Parse, verb) -> bool:
    """An attribution after a comma at the end of its sentence that the parser hung on the
    noun before it as a relative clause ("BMW is preparing to enter the market for people
    carriers, the firm's chief has told BBC News"): a verb with its own named subject and
    no relative word ("which the Tories deny", "where Queen Mary read", "whose drought
    goes" are relative clauses), whose words run from the comma to the sentence's end, in
    a sentence with no other reporting verb before it ("Then, says Mr Kotamaraja, the
    blogging world found out")."""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False
    if any(t.tag_ in _RELATIVE_TAGS or t.lower_ == "that" for t in verb.subtree):
        return False
    words = [t for t in verb.sent if not (t.is_punct or t.is_space)]
    if not words or words[-1].i > verb.right_edge.i or verb.left_edge.i <= verb.sent.start:
        return False
    if verb.doc[verb.left_edge.i - 1].text not in _ASIDE_OPEN:
        return False
    return not any(parse.is_cue_verb(t) for t in verb.doc[verb.sent.start : verb.left_edge.i])


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def concession(verb) -> bool:
    """"That said, ...", "This said, ...": the writer's concession opening a sentence, not
    a report of what "that" said."""
    doc, i = verb.doc, verb.i
    return (
        verb.lower_ == "said" and 0 < i < len(doc) - 1 and doc[i + 1].text == ","
        and doc[i - 1].lower_ in ("that", "this") and doc[i - 1].is_sent_start
    )


def _infinitive_after(verb) -> bool:
    """Whether ``verb`` has a to-infinitive after it ("wanted to make", "hopes to win"):
    then what it reports, if anything, is that (``_complement``)."""
    return any(
        c.dep_ == "xcomp" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _speaker_taken_by(verb, comp):
    """The speaker of ``A, said Mr Hogan, B`` when the parser made it the subject of B
    (``said`` the root, ``Hogan`` the subject of B's verb, B the cue's complement): the
    last word of a name in capitals right after the cue, set off by commas on both sides,
    that is a subject inside ``comp``; else None. Without this the speaker is lost and the
    content starts with the speaker's name."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.i == 0 or verb.nbor(-1).text not in _ASIDE_OPEN:
        return None
    end = verb.sent.end  # spaCy finds the sentence by scanning: once
    last = verb.i + 1
    while last < end and verb.doc[last].tag_ in ("NNP", "NNPS") and last - verb.i <= _NAME_WORDS:
        last += 1
    if last == verb.i + 1 or last >= end - 1 or verb.doc[last].text != ",":
        return None
    name = verb.doc[last - 1]
    if name.dep_ != "nsubj" or not comp.left_edge.i <= name.i <= comp.right_edge.i:
        return None
    return name


# Words at most in a speaker's name after an inverted cue ("said Dr John Smith").
_NAME_WORDS = 4


def _parenthetical(parse: Parse, verb) -> list[Reported]:
    """``A, Smith said, B``, parsed with the cue as a parataxis of B's verb: the sentence
    before and after the attribution, as two pieces of content sharing one cue."""
    sent = verb.sent
    words = [t for t in verb.subtree if not t.is_punct]
    first, last = words[0], words[-1]
    # Set off by a comma or dash before the speaker ("A, he said, B"), and saying, not
    # naming ("His group, called the Fund, will ...": an object or a predicate).
    if first.i == sent.start or first.nbor(-1).text not in _ASIDE_OPEN:
        return []
    if any(c.dep_ in ("oprd", "xcomp", "acomp", "attr") for c in verb.children):
        return []
    if parse.inside_quotes(verb.head.idx):
        return []
    return _aside_pieces(parse, verb, parse.subject_of(verb), first.idx, last.idx + len(last))


def _aside_pieces(parse: Parse, verb, speaker, left_end: int, right_start: int) -> list[Reported]:
    """The sentence before ``left_end`` and after ``right_start``, around an attribution
    set off inside it, as two pieces of content sharing one cue (none when they are
    shorter than ``MIN_CONTENT_TOKENS`` words together)."""
    sent = verb.sent
    cue = Cue(verb.idx, verb.idx + len(verb), verb, speaker)
    left = _trim(parse, sent.start_char, left_end)
    if left is not None and " ".join(parse.text[left[0] : left[1]].lower().split()) in _CONNECTIVES:
        left = None  # "But, he said, ...", "By contrast, said Mr Cox, ...": a link, not a claim
    pieces = [p for p in (left, _trim(parse, right_start, sent.end_char)) if p is not None]
    if sum(len(parse.text[s:e].split()) for s, e in pieces) < MIN_CONTENT_TOKENS:
        return []
    return [Reported(s, e, cue) for s, e in pieces]


def _complement(parse: Parse, verb, comp) -> Reported | None:
    """The reported content of ``verb`` from its complement ``comp`` (or the forms the
    lexicon allows), or None."""
    lemma = verb.lemma_.lower()
    if comp is None and lemma in parse.lexicon.xcomp_verbs:
        comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    last = comp
    if comp is None and lemma in parse.lexicon.dobj_verbs:
        objects = (c for c in verb.children if c.dep_ == "dobj" and not is_label(verb, c))
        comp = next(objects, None)
        # "called the plan reckless", "cited the cuts as proof", "accused him of lying":
        # the object and what is said of it
        said_of = [c for c in verb.children if c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _OF)]
        last = max([comp] + [c for c in said_of if comp is not None and c.i > comp.i], key=lambda t: t.i) if comp else comp
    if comp is None:
        comp = last = _prep_object(parse, verb, lemma)
    if comp is None:
        return None
    if acts_on_itself(verb, comp):
        return None
    end = content_end(verb, comp, parse)
    if last is not comp:  # what is said of the object ("called the plan reckless")
        end = max(end, last.right_edge, key=lambda t: t.i)
    span = _trim(parse, comp.left_edge.idx, end.idx + len(end))
    if span is None:
        return None
    span = before_next_speaker(parse, *span)
    if span is None:
        return None
    start, end = span
    if verb.idx >= start and verb.idx < end:  # a parse that folded the cue into its complement
        return None
    if comp.dep_ != "dobj" and len(parse.sdoc.char_span(start, end, alignment_mode="expand") or ()) < MIN_CONTENT_TOKENS:
        return None
    if comp.i < verb.i:
        start = _earlier_sentences(parse, comp.left_edge, start, verb.idx)
    speaker = parse.subject_of(verb)
    if comp.dep_ == "xcomp" and speaker is not None and not could_hold(speaker):
        return None  # "the ban threatens to reignite tensions": a likelihood, not a threat
    cue = Cue(verb.idx, verb.idx + len(verb), verb, speaker)
    return Reported(start, end, cue)


REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"})
# Cues whose reflexive object is described, presented or argued for, not acted on ("calls
# himself Heretic", "pitched himself to voters", "defending himself"), or which state a
# stance ("distanced himself from the remarks", as PolNeAR's cues hold).
_SELF_DESCRIBING = frozenset(
    {"call", "describe", "declare", "dub", "portray", "identify", "see", "style", "term", "proclaim",
     "label", "consider", "regard", "pronounce", "bill", "present", "pitch", "market", "brand", "cast",
     "fancy", "defend", "distance"}
)


def acts_on_itself(cue, comp) -> bool:
    """Whether the complement ``comp`` of cue ``cue`` opens with a reflexive pronoun that
    the cue acts on ("could find themselves prosecuted", "found itself under stress",
    "express themselves"): what befalls the subject or what it does, no content. Not for
    a cue that says something of it (``_SELF_DESCRIBING``: "called himself a
    libertarian", "declared himself satisfied"; PolNeAR takes "In defending himself and
    his business record" for an attribution)."""
    return comp.left_edge.lower_ in REFLEXIVES and cue.lemma_.lower() not in _SELF_DESCRIBING


def _earlier_sentences(parse: Parse, first, start: int, cue: int) -> int:
    """Where fronted content that opens its sentence (``A. B, Smith said.``) really
    starts: the news convention puts the attribution after the last sentence of what a
    speaker said, so the sentences before it in the same paragraph are taken too, back to
    one with quote marks or a reporting verb of its own (another attribution) or the
    paragraph's start. Not for content in quote marks (a direct quote's attribution)."""
    sent = first.sent
    if any(not (t.is_punct or t.is_space) for t in parse.sdoc[sent.start : first.i]):
        return start
    if any(ch in QUOTE_CHARS for ch in parse.text[sent.start_char : cue]):
        return start
    while sent.start > 0:
        prev = parse.sdoc[sent.start - 1].sent
        between = parse.text[prev.start_char : sent.start_char]
        if "\n" in between or any(ch in QUOTE_CHARS for ch in between):
            break
        if any(parse.is_cue_verb(t) for t in prev):
            break
        start, sent = prev.start_char, prev
    return start


def that_clause(cue):
    """A clause after ``cue`` opened by ``that`` that the parser hung on it as an adverbial
    (``tweeted in the early hours that ...``: a complement separated from its verb by a
    phrase), or None."""
    for child in cue.rights:
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.lefts):
            return child
    return None


def content_end(cue, comp, parse: Parse | None = None):
    """The last token of the content ``comp`` of ``cue``: the content runs on to the end of
    what follows the cue in its phrase (``raising questions about his microphone problems
    during the debate``, ``cited the remarks Trump made as examples``), as the parser
    often hangs the last modifiers on the cue rather than on the content's head."""
    if comp.i < cue.i:  # fronted content ("A, Smith said on Monday, after B"): it ends before the cue
        return comp.right_edge
    own = _own_attribution(parse, comp)
    if own is not None:  # "said he had had enough but Pollard rejected his comments"
        return comp.doc[own.left_edge.i - 1]
    first = comp if comp.head.i == cue.i else comp.head  # the cue's child holding the content
    ends = [c.right_edge for c in cue.rights if c.i >= first.i and (c.dep_ not in _NOT_CONTENT or _goes_on(parse, c))]
    return max([comp.right_edge, *ends], key=lambda t: t.i)


def _own_attribution(parse: Parse | None, comp):
    """The first clause the parser coordinated with the content ``comp`` that is another
    attribution, or None: the content ends before it, as its speaker did not say what
    another denied ("he had had enough but Tennis Australia's Geoff Pollard rejected his
    comments", "prices rose in January and Nationwide reported a rise"). A reporting verb
    in the simple present or past whose subject could report (a name, an entity, a noun
    for people: ``could_report``). Not one that reads as more of the same content: opened
    by "that" ("and that previous claims have proved wrong"), with an auxiliary ("but
    people had complained every day", "the two men would defend themselves", "were not
    asking the critical questions"), a pronoun subject ("and he agreed") or a thing for
    subject ("a search of his car found ...")."""
    if parse is None:
        return None
    for child in comp.rights:
        if child.dep_ != "conj" or child.pos_ != "VERB" or not parse.is_cue_verb(child):
            continue
        if any(c.dep_ in _NOT_OWN for c in child.children):
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ != "PRON" and could_report(subject):
            return child
    return None


# Dependents that make a coordinated reporting verb part of the content it follows.
_NOT_OWN = frozenset({"aux", "auxpass", "mark", "nsubjpass"})


def _goes_on(parse: Parse | None, child) -> bool:
    """A clause coordinated with the cue or hung on it after the content that carries on
    the same claim (``says she hopes to win, but she knows that ...``, ``imposed
    sanctions, freezing their assets``, ``said there remains a gap, when it comes to
    ...``): a verb with no subject or a pronoun one, that is not a reporting verb itself
    (``said ... and added that ...`` is a second attribution)."""
    if parse is None or child.dep_ not in _GOES_ON or child.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in child.children):
        return False
    return not parse.is_cue_verb(child)


def _prep_object(parse: Parse, verb, lemma: str):
    """The object of a preposition the lexicon allows ``verb`` (``called for a ban``:
    ``a ban``), or None."""
    if not parse.lexicon.prep_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and (lemma, child.lower_) in parse.lexicon.prep_verbs:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and not is_setting(verb, child, obj):
                return obj
    return None


# Verbs after which a medium is where one spoke ("speaking on the show"), not the topic
# ("commenting on the show").
_SPEECH = frozenset({"speak", "talk", "appear", "write"})
_SETTINGS = table("quotes/setting_nouns.tsv")


def is_setting(cue, prep, obj) -> bool:
    """Whether ``obj``, the object of preposition ``prep`` after ``cue``, says where, when,
    how or for whom someone spoke rather than what about (``speaking on BBC Radio 4``,
    ``spoke on the condition of anonymity``, ``speaking on Saturday``): such an object is
    no content (``quotes/setting_nouns.tsv``); nor is whom one spoke to (``spoke to
    President Bush about Iraq``)."""
    if prep.lower_ == "to":
        return cue.lemma_.lower() in _SPEECH and cue.pos_ == "VERB"
    if prep.lower_ != "on":
        return False
    if obj.ent_type_ in ("DATE", "TIME"):
        return True
    if _SETTINGS.get(obj.lemma_.lower()) == "any":
        return True
    if cue.lemma_.lower() not in _SPEECH:
        return False
    # the head and the words compounded with it or possessing it: "German TV", "BBC Radio 4's Woman's Hour"
    near = [obj, *(c for c in obj.children if c.dep_ in _NAME_PARTS)]
    near += [g for c in near[1:] for g in c.children if g.dep_ in _NAME_PARTS]
    return any(_SETTINGS.get(t.lemma_.lower()) is not None for t in near)


_NAME_PARTS = frozenset({"compound", "poss", "nmod"})
_DETERMINERS = frozenset({"det", "poss", "nummod", "predet"})
_ING_ADJECTIVES = words("lexicons/wordnet/ing_adjectives.txt")
_PLACE_TIME = frozenset({"in", "at", "during", "since", "until", "after", "before"})
# The draws of a tournament, possessive before a title: "defending women's champion".
_DRAWS = frozenset({"women", "men", "ladies", "boys", "girls"})


def is_label(cue, obj) -> bool:
    """Whether ``obj``, the direct object the parse gave participle ``cue``, is the label of
    the name right after it rather than what the cue reports: ``Defending champion Andy
    Roddick``, ``against defending champion Joice Maduaka``, ``defending champions
    France``. The participle is then an adjective (WordNet lists it as one:
    ``lexicons/wordnet/ing_adjectives.txt``) with nothing hanging from it but the object,
    and the object starts right after it with a bare common noun (no article or
    possessive) that runs straight into a proper name, whether the parse heads the object
    with the noun or with the name. ``criticising referee Jon Kaplan`` still reports (not
    an adjective), and so does ``accusing minister Jo Kay of lying`` (something else hangs
    from it), though a phrase of place or time may (``defending champion Jo Kay in the
    final``)."""
    doc = obj.doc
    if cue.tag_ != "VBG" or obj.left_edge.i != cue.i + 1 or cue.lower_ not in _ING_ADJECTIVES:
        return False
    if any(c.dep_ in _DETERMINERS and not (c.dep_ == "poss" and c.lower_ in _DRAWS) for c in obj.children):
        return False  # (a draw's possessive is the label's: "defending women's champion")
    # Nothing else hangs from it but a phrase of place or time after the name (the parse
    # often hangs "in the final" there): ``accusing X of lying`` reports.
    if any(c.i != obj.i and (c.i < obj.i or c.dep_ != "prep" or c.lower_ not in _PLACE_TIME) for c in cue.children):
        return False
    if obj.pos_ == "PROPN":  # the label compounded with the name it heads
        return doc[cue.i + 1].pos_ == "NOUN" and doc[cue.i + 1].head.i == obj.i
    after = obj.right_edge.i + 1
    nxt = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
    if obj.pos_ == "NOUN" and nxt is not None and nxt.pos_ == "PROPN" and any(a.i == obj.i for a in nxt.ancestors):
        after = nxt.i  # the name the parse hangs on the label ("champion Justine Henin-Hardenne")
    return obj.pos_ == "NOUN" and after < len(doc) and doc[after].pos_ == "PROPN"


def _phrase_content(parse: Parse, tok) -> Reported | None:
    """``according to X, content`` / ``content, according to X``: the content is the rest
    of the sentence on the longer side of the phrase."""
    cue = parse.phrase_at(tok)
    if cue is None:
        return None
    sent = tok.sent
    phrase_end = cue.speaker.right_edge if cue.speaker is not None else parse.sdoc[tok.i]
    right_start = phrase_end.idx + len(phrase_end)
    left = _trim(parse, sent.start_char, tok.idx)
    right = _trim(parse, right_start, sent.end_char)
    sides = [s for s in (left, right) if s is not None]
    if not sides:
        return None
    start, end = max(sides, key=lambda s: s[1] - s[0])
    return Reported(start, end, cue)


_TRIM = " \t\n,;:—–-" + QUOTE_CHARS
_DANGLING_CONJUNCTION = re.compile(r"[\s,;—–-]+(?:and|or|but)$")
# The mark that closes a quoted fragment the content ends in, after the fragment's own
# punctuation ("stellar year.").
_CLOSING_AFTER = re.compile(f"[.,!?]?[{re.escape(DOUBLE_CLOSE + STRAIGHT_DOUBLE)}]")
# Right dependents of a cue that are not part of its content.
_NOT_CONTENT = frozenset({"punct", "cc", "conj", "relcl", "advcl", "parataxis", "appos"})
# Right dependents of a cue that may carry its claim on past the content (``_goes_on``).
_GOES_ON = frozenset({"conj", "advcl"})
_ASIDE_OPEN = frozenset({",", "—", "–", "--"})
# Words that only link a sentence to the one before ("But", "By contrast"): before a
# parenthetical cue they are no piece of its content.
_CONNECTIVES = words("quotes/connectives.txt")
# Prepositions after an object that carry what is said of it ("cited X as Y").
_OF = frozenset({"as", "of", "for"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NAME_POS = frozenset({"PROPN", "NOUN"})
_FINITE = frozenset({"VBD", "VBZ"})
_REDUCED = frozenset({"acl", "relcl", "amod"})
_SENTENCE_END = re.compile(r"[.!?]\s")
# Words a content does not end on: what follows them was cut away.
_OPEN_ENDS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART"})


def before_next_speaker(parse: Parse, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without the phrase that ends it when that phrase is the subject of
    the reporting verb right after it, a subject the parser hung on the content instead
    (``Asked if Brown would start Eriksson replied``, ``... from Bosch, the carmaker's chief
    executive Helmut Panke said``): a finite verb (``said``, ``says``; not ``saying``) with
    no subject of its own. None when that phrase is all of the content (a speaker taken
    for what was said); unchanged when the cut would leave too little, or a phrase that
    stops on a preposition or article (``amid Tory claims``, a noun read as the verb)."""
    doc = parse.sdoc
    content = doc.char_span(start, end, alignment_mode="expand")
    if content is None or len(content) == 0 or content.end >= len(doc):
        return start, end
    last, verb = content[-1], doc[content.end]
    if (
        verb.tag_ not in _FINITE
        or verb.dep_ in _REDUCED  # "athletes found guilty": a participle the tagger took for a past tense
        or parse.text[end : verb.idx].strip()
        or not parse.is_cue_verb(verb)
        or parse.inside_quotes(verb.idx)
        or any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    ):
        return start, end
    name = last
    if name.text == ")":  # "the Office for National Statistics (ONS) said"
        opening = next((t for t in reversed(doc[content.start : name.i]) if t.text == "("), None)
        name = doc[opening.i - 1] if opening is not None and opening.i > 0 else name
    if name.pos_ not in _NAME_POS:
        return start, end
    first = name.left_edge
    while (sibling := _apposed_before(name, first)) is not None:  # "chief executive Tomas Verhoek", two appositions
        first = sibling.left_edge
    if name.dep_ == "appos" and name.head.i < first.i and "," not in parse.text[name.head.idx : first.idx]:
        first = name.head.left_edge  # "Wales coach Mike Ruddock": a title the name is apposed to
    if _SENTENCE_END.search(parse.text, first.idx, name.idx):
        return start, end  # a phrase across sentences ("$8.6m. Nortel"): the parse is too far off to cut by
    if first.idx <= start:
        return None
    while doc[first.i - 1].dep_ == "cc" and doc[first.i - 1].idx > start:  # "... and analysts said"
        first = doc[first.i - 1]
    cut = _trim(parse, start, first.idx)
    kept = doc.char_span(*cut, alignment_mode="expand") if cut is not None else None
    if not kept or len(parse.text[cut[0] : cut[1]].split()) < MIN_CONTENT_TOKENS or kept[-1].pos_ in _OPEN_ENDS:
        return start, end
    return cut


def _apposed_before(name, first):
    """The apposition of ``name``'s head that ends right before token ``first`` (the
    parser's second apposition for one phrase), or None."""
    if first.i == 0 or name.dep_ != "appos":
        return None
    tok = first.doc[first.i - 1]
    while tok.head.i != name.head.i and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.dep_ == "appos" and tok.head.i == name.head.i and tok.right_edge.i == first.i - 1 else None


def _trim(parse: Parse, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without surrounding space, commas, dashes, quote marks, a
    conjunction left dangling at its end and the sentence's final full stop; None when
    nothing is left. A double quote mark whose partner is inside stays (``2004 was a
    "stellar year."``, ``"blog" headed the list``): content that opens or closes a quoted
    fragment holds both of its marks."""
    text = parse.text
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] == "."):
        end -= 1
    dangling = _DANGLING_CONJUNCTION.search(text, max(start, end - 12), end)
    if dangling is not None:
        end = dangling.start()  # "pressure is growing for change and": the parser's cut
    if end <= start:
        return None
    if sum(text.count(mark, start, end) for mark in DOUBLE_MARKS) % 2:
        first = min(i for i in (text.find(mark, start, end) for mark in DOUBLE_MARKS) if i >= 0)
        if start > 0 and text[start - 1] in DOUBLE_MARKS and not text[first - 1].isspace():
            start -= 1  # the first mark inside closes the fragment the content opens with
        else:
            closing = _CLOSING_AFTER.match(text, end)
            if closing is not None:
                end = closing.end()
    return start, end
