"""What resolving a date needs from around it: the tense of its clause, the publication
date (from the caller, the HTML, or the dateline) and whether it lies in a photo caption."""

from __future__ import annotations

import re
from datetime import date

from newsgraph.pipeline.components.dates import resolve
from newsgraph.pipeline.shared.temporal.lexicon import load
from newsgraph.pipeline.shared.temporal.engine import tag
from newsgraph.pipeline.document import Document
from newsgraph.resources import words

_FUTURE_AUX = words("lexicons/dates/future_auxiliaries.txt")
_MODALS = words("lexicons/dates/modals.txt")
# Auxiliaries a first verb lends the base form after its "and" ("will fly and face").
_LENDERS = _FUTURE_AUX | _MODALS | {"to", "do", "does", "did"}
_PLAN_LEMMAS = words("lexicons/dates/plan_lemmas.txt")
_SELECTION_LEMMAS = words("lexicons/dates/selection_lemmas.txt")
_REPORTING = words("quotes/reporting_verbs.txt")
_SAME_PAST = words("lexicons/dates/same_past_and_present.txt")
_PRESENT = ("VBZ", "VBP")
_PAST_PERFECT = re.compile(r"(?i)\bhad\s+(?:been\s+)?\w+(?:\s+to\s+\w+)?\s+(?:on\s+)?$")
_DATELINE_SEP = re.compile(r"\s(?:—|–|--|-)\s|\(\w+\)\s*[—–-]")


def parse_iso(value: str | None) -> date | None:
    """A ``date`` from ``YYYY-MM-DD`` (a longer timestamp is cut to its date), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def clause_tense(sdoc, start: int, end: int, text: str | None = None) -> str | None:
    """``past`` or ``future`` for the clause governing the characters ``[start, end)`` of
    the parsed text, from the word just before it ("payable Dec. 7", "since Jan. 13") or
    else its verb and auxiliaries; None when nothing tells. ``text`` is the parsed text
    (passed because ``Doc.text`` is rebuilt on every access)."""
    if sdoc is None:
        return None
    text = sdoc.text if text is None else text
    before = re.search(r"([A-Za-z]+)\W{0,3}(?:on\s+|of\s+|in\s+)?$", text[max(0, start - 30) : start])
    word = before.group(1).lower() if before else ""
    if word in load()["future_markers"]:
        # "payable Dec. 7" lies ahead, unless a past perfect puts it behind ("it had been
        # due to expire Friday evening", before it was extended).
        return "past" if _PAST_PERFECT.search(text, max(0, start - 40), start) else "future"
    if word in load()["past_markers"]:
        return "past"
    tense = _governing_tense(sdoc, start, end)
    if word in load()["weak_future_markers"] and tense != "past":
        return "future"  # "by Jan. 14", "until March 6", unless "had filed by Wednesday"
    if word in load()["weak_past_markers"]:
        # "after Easter", "following Christmas" look back, unless the clause states a future
        # ("will return after Easter"); a "following" parsed as a verb passes on its clause's.
        path = _governing_path(sdoc, start, end) if tense == "future" or tense is None else []
        verb = path[-1] if path else None
        if verb is not None and verb.lower_ == word:
            verb = _verb_above(verb)
        return "future" if verb is not None and _stated_future(verb) else "past"
    return tense


def _governing_path(sdoc, start: int, end: int) -> list:
    """The tokens from the root of the span ``[start, end)`` up to the verb (or auxiliary)
    that governs it, that verb last; empty when no verb is found within eight steps."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    path = [span.root]
    for _ in range(8):
        if path[-1].pos_ in ("VERB", "AUX") or path[-1].head.i == path[-1].i:
            break
        path.append(path[-1].head)
    return path if path[-1].pos_ in ("VERB", "AUX") else []


def _verb_above(token):
    """The first verb (or auxiliary) above ``token`` in the parse, within four steps ("shall
    announce the rules following Easter": "announce"); None when there is none."""
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _stated_future(verb) -> bool:
    """True for a clause that states its future: "will"/"shall"/"'ll" ("will return after
    Easter"), "is going to", "is to", or a present plan ("plans to reopen after Christmas",
    "plans a rally after Easter"). Not a modal's possibility, nor a past's ("should attend",
    "had been expected", "was going to"), which are the story's past as often."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return True
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes) and verb.head.i != verb.i:
        verb, auxes = verb.head, [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
        if verb.lemma_ not in _PLAN_LEMMAS | {"be", "go"}:
            return False
        if verb.lemma_ == "go" and verb.tag_ != "VBG":
            return False  # "going to", not "went to"
    elif verb.lemma_ not in _PLAN_LEMMAS:
        return False
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return True  # "will be going to", "will plan to"
    return any(form in _PRESENT for form in [verb.tag_] + [a.tag_ for a in auxes]) and not any(
        a.tag_ in ("VBD", "MD") for a in auxes
    )


def _governing_verb(sdoc, start: int, end: int):
    """The verb (or auxiliary) that governs the characters ``[start, end)``: the first one
    up the tree from the root of their span; None when there is none."""
    path = _governing_path(sdoc, start, end)
    return path[-1] if path else None


def _governing_tense(sdoc, start: int, end: int) -> str | None:
    path = _governing_path(sdoc, start, end)
    if not path:
        return None
    # The date modifies the verb itself ("to sign him in January"), not a noun on the way
    # up ("to sell itself under a June agreement": the agreement's date).
    on_verb = all(t.pos_ == "ADP" for t in path[1:-1])
    if path[0].dep_ in ("poss", "compound", "nmod") and _selected_now(path[-1]):
        # "has been ruled out of Saturday's clash": the clash is to come. Only a date that
        # names the event ("Saturday's", "the November Tests"): "ruled out after an operation
        # on Tuesday" is told after the operation.
        return "future"
    if on_verb and _done_at(path):
        return "past"
    return _verb_tense(path[-1], on_verb=on_verb)


def _done_at(path: list) -> bool:
    """A date that is the point in time of a past participle modifying a noun (a reduced
    relative: "its record high set on Aug. 6", "the treaty signed Tuesday"): what was done
    then is behind. Not a limit ("tendered through Nov. 17", "adjourned until Monday"), nor
    a plan ("the vote scheduled for Monday": ``_PLAN_LEMMAS``)."""
    verb = path[-1]
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.lemma_ in _PLAN_LEMMAS and not _set_done(verb, []):
        return False
    if len(path) == 2:
        return path[0].dep_ == "npadvmod"
    return len(path) == 3 and path[1].lower_ in ("on", "in", "at")


def _selected_now(verb) -> bool:
    """True for a present perfect or present passive of picking people ("has been named in
    the squad for", "have been ruled out of", "is passed fit for"): what they are picked
    for lies ahead. Not a simple past ("was ruled out of Saturday's game" may be told after)."""
    if verb.lemma_ not in _SELECTION_LEMMAS or verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ in _PRESENT and a.lemma_ in ("have", "be") for a in auxes) and not any(
        a.tag_ in ("VBD", "MD") for a in auxes
    )


def scheduled(sdoc, start: int, end: int) -> bool:
    """True when the clause governing ``[start, end)`` is in the present, simple or
    progressive, and does not report speech: English's present of arrangements and
    timetables ("face France on Sunday", "goes on sale on Saturday", "is meeting him on
    Tuesday", "the Open starts on 17 January"), which puts a bare weekday or month-day
    ahead (not a month: "the season runs from November to February" is as often the one
    under way)."""
    span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
    if span is None or not len(span):
        return False
    # The verb the weekday hangs on, directly ("meet Monday") or through its preposition
    # ("goes on sale on Saturday"): a verb further up is another clause's.
    head = span.root.head
    verb = head.head if head.pos_ == "ADP" else head
    return _present_arrangement(verb)


def scheduled_event(sdoc, start: int, end: int, events: re.Pattern) -> bool:
    """True when the weekday at ``[start, end)`` dates an event noun (``events``: "the
    final", "the New York City Marathon") on the way up to a clause in the present of
    arrangements ("Radcliffe faces the biggest test of her career in the New York City
    Marathon on Sunday"): the event is to come, as for ``scheduled``."""
    span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
    if span is None or not len(span):
        return False
    token, event = span.root, False
    for _ in range(6):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return event and _present_arrangement(token)
        if token.pos_ not in ("ADP", "NOUN", "PROPN"):
            return False
        event = event or (token.pos_ != "ADP" and bool(events.fullmatch(token.lower_)))
    return False


def _present_arrangement(verb) -> bool:
    """``scheduled``'s test of the verb a date hangs on: a present, simple or progressive,
    that reports no speech and frames no past."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in _REPORTING:
        return False
    if verb.tag_ == "VBP" and verb.lower_ in _SAME_PAST:
        return False  # "weakness hurt the index on Friday": past as often as present
    if any(c.dep_ in ("det", "poss") for c in verb.children):
        return False  # a noun the parser took for a verb: "his win over Roddick on Friday"
    if verb.dep_ == "advcl" and any(a.tag_ == "VBD" for a in verb.ancestors):
        return False  # "chose to rest him after his singles win on Friday": the past frames it
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if (verb.tag_ in _PRESENT or _finite_base_form(verb)) and not auxes:
        return True
    # A finite present auxiliary ("is being held"), not a gerund ("its tour being cancelled").
    present = all(a.tag_ in _PRESENT or a.lower_ == "being" for a in auxes)
    return verb.tag_ in ("VBG", "VBN") and any(a.tag_ in _PRESENT for a in auxes) and present


def _finite_base_form(verb) -> bool:
    """True for a base form the parser gave a second verb whose first cannot lend it a
    modal or "to" ("England were beaten last week and face France on Sunday"): a present
    tense it tagged ``VB``."""
    if verb.tag_ != "VB" or verb.dep_ != "conj" or verb.lower_ in _SAME_PAST:
        return False  # ("lost money and cut jobs on Friday": a past spelled as a present)
    first = verb.head
    if first.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False  # "will travel and face", "to travel and face": the first verb's form
    return not any(a.lower_ in _LENDERS for a in first.children if a.dep_ in ("aux", "auxpass"))


def governs(sdoc, frame: tuple[int, int], target: tuple[int, int]) -> bool:
    """True when the clause of the expression at ``frame`` ("In 1994, ...") also holds the
    one at ``target``: the frame's verb is the target's verb or one above it ("In 1994, the
    plant closed in March"; "In 1994, it said the plant closed in March"). False when the
    frame sits in a clause of its own ("a program approved in 1987 ... had bought shares
    through Sept. 29"). True without a parse."""
    if sdoc is None:
        return True
    outer, inner = _governing_verb(sdoc, *frame), _governing_verb(sdoc, *target)
    if outer is None or inner is None:
        return True
    return outer == inner or outer in inner.ancestors


def _verb_tense(verb, on_verb: bool = True) -> str | None:
    """``future`` for will/modals, planning verbs ("planned a rally for Saturday") and
    infinitives ("to testify on Feb. 10"); ``past`` for past forms; else None."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "could" for a in auxes) and _negated(verb):
        return "past"  # "could not be reached Monday": an attempt that failed
    if _perfect(verb, auxes) and not any(a.lower_ in _FUTURE_AUX for a in auxes):
        # A modal perfect ("may have been responsible ... on Wednesday") or a perfect
        # progressive ("have been searching since the Oct. 23 slaying") puts the event
        # before the time of speech; "will have" stays ahead.
        return "past"
    # A modal takes a bare verb, or "be"/"have" before a participle: a participle right
    # after a "modal" is a misparse ("May performed with Rodgers": a name).
    grammatical = verb.tag_ == "VB" or any(a.lemma_ in ("be", "have") for a in auxes)
    if grammatical and any(a.lower_ in _FUTURE_AUX or a.lower_ in _MODALS for a in auxes):
        return "future"
    if verb.lemma_ in _PLAN_LEMMAS and not _set_done(verb, auxes):
        return "future"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        parent = verb.head
        if parent.i != verb.i and parent.lemma_ in _PLAN_LEMMAS | {"likely", "expected", "set", "due"}:
            return "future"
        if parent.i != verb.i and parent.lemma_ == "be" and parent.tag_ in _PRESENT:
            return "future"  # "is to resume trading Tuesday"
        return _infinitive_tense(verb) if on_verb else None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.i != verb.i:
        parent = verb.head
        return _verb_tense(parent) if parent.pos_ in ("VERB", "AUX", "ADJ") else None
    if verb.tag_ == "VB" and not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # A bare verb after "and" shares the first verb's modal ("will fly to Rome and face
        # Italy on Saturday"); a past first verb lends it nothing ("were beaten and face").
        return "future" if _verb_tense(verb.head) == "future" else None
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("advcl", "csubj") and verb.head.pos_ in ("VERB", "AUX"):
        # A present participle clause shares the time of the clause it hangs on ("the stock has
        # fluctuated, rising to a high in June from $29 in March"), as does one parsed as its
        # subject ("By 18 February, creditors holding $41bn - or 40% - had accepted").
        return _verb_tense(verb.head)
    return None


def _set_done(verb, auxes) -> bool:
    """True for "set" as a thing done, not planned: "his best set in Saturday's semi-final",
    "set Friday as the deadline"; "set for Monday", "set to meet", "is set" stay plans."""
    if verb.lemma_ != "set" or verb.tag_ not in ("VBN", "VBD") or auxes:
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is None or nxt.lower_ not in ("for", "to")


def _infinitive_tense(verb, depth: int = 0) -> str | None:
    """An infinitive names an event not yet come at the time of the clause it hangs on
    ("hoping to win the title in May", "no funds to bring in players in January", "bailed
    to return to the station in December"): ahead when that clause is in the present or
    the future, found through the nouns and adjectives between them; None when that
    clause is past ("agreed to pay in January" may be behind us) or absent."""
    matrix = verb.head
    for _ in range(4):
        if matrix.pos_ in ("VERB", "AUX") or matrix.head.i == matrix.i:
            break
        matrix = matrix.head
    if matrix.i == verb.i or matrix.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in matrix.children if c.dep_ in ("aux", "auxpass")]
    if matrix.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        # "wants to try to sign him in January"; a parse of garbled text can loop its heads.
        return _infinitive_tense(matrix, depth + 1) if depth < _MAX_INFINITIVES else None
    if matrix.tag_ == "VBP" and matrix.lower_ in _SAME_PAST:
        return None  # "cut its staff to save money in January": past as often as present
    if matrix.dep_ == "conj" and matrix.head.tag_ == "VBD":
        return None  # "beat X and [show] Y to win the prize on Thursday": a misparse of a past
    if matrix.lemma_ == "have" and matrix.tag_ in ("VBD", "VBN") and verb.dep_ == "xcomp":
        return None  # "we have had to play two matches in three days": an obligation met
    if matrix.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in _PRESENT for a in auxes):
        # A present perfect is a present: "has become favourite to win on Sunday", "has been
        # bailed to return in December"; not a purpose clause ("has beaten X to win on
        # Thursday": the winning is done).
        return None if verb.dep_ == "advcl" else "future"
    tense = _verb_tense(matrix)
    if tense is not None:
        return tense if tense == "future" else None
    forms = [matrix.tag_] + [a.tag_ for a in auxes]
    return "future" if any(tag in _PRESENT for tag in forms) and "VBD" not in forms else None


# Infinitives hanging on infinitives ("wants to try to hope to ..."): more is a loop.
_MAX_INFINITIVES = 6


def _perfect(verb, auxes) -> bool:
    """True for a perfect after a modal ("may have been", "could have left") or a perfect
    progressive ("has been searching", "had been talking"): a participle whose auxiliaries
    include "have", with a modal before it or "been" before an -ing form."""
    if not any(a.lemma_ == "have" for a in auxes) or verb.tag_ not in ("VBN", "VBG"):
        return False
    if verb.tag_ == "VBG":
        return any(a.lower_ == "been" for a in auxes)
    return any(a.lower_ in _MODALS for a in auxes)


def _negated(verb) -> bool:
    """True when ``verb`` is negated: a ``not``/``n't`` on it, or ``neither``, ``nor``,
    ``never`` before it ("neither he nor they could be located")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(t.lower_ in ("neither", "nor", "never") for left in verb.lefts for t in left.subtree)


def publication_date(doc: Document) -> date | None:
    """The article's date: ``metadata.published`` (caller or HTML) or, when absent, an
    explicit full date in the dateline, which is then written to the metadata with
    ``published_source = "dateline"``. A date in a photo caption never qualifies."""
    published = parse_iso(doc.metadata.published)
    if published is not None:
        return published
    for text, offset in _dateline_candidates(doc):
        for mention in tag(text):
            if mention.spec.get("kind") not in ("monthday", "explicit"):
                continue
            if offset is not None and in_caption(doc, offset + mention.start, offset + mention.end):
                continue
            value, _ = resolve.value(mention.spec, None)
            found = parse_iso(value) if value and len(value) == 10 else None
            if found is not None:
                doc.metadata.published = found.isoformat()
                doc.metadata.published_source = "dateline"
                return found
    return None


def _dateline_candidates(doc: Document):
    if doc.metadata.dateline:
        yield doc.metadata.dateline, None
    head = doc.text[:200]
    sep = _DATELINE_SEP.search(head)
    if sep and "\n" not in head[: sep.start()]:
        yield head[: sep.end()], 0


def caption_spans(doc: Document) -> list[tuple[int, int]]:
    """Paragraphs that are photo captions or credits: the cleaner's ``caption``/``credit``
    noise, or, when the cleaner did not mark any, lines carrying a photo credit
    (``(AP Photo/...)``)."""
    marked = [(n.start, n.end) for n in doc.noise if n.kind in ("caption", "credit") and n.start is not None]
    if marked:
        return marked
    cues = load()["photo_credit_cues"]
    spans, pos = [], 0
    for line in doc.text.split("\n"):
        if any(cue in line for cue in cues):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def in_caption(doc: Document, start: int, end: int, spans: list | None = None) -> bool:
    """True when ``[start, end)`` lies in a photo caption or credit."""
    if doc.noise_at(start, end, ("caption", "credit")) is not None:
        return True
    return any(s < end and start < e for s, e in (spans if spans is not None else caption_spans(doc)))
