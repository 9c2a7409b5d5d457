"""What kind of statement an event is: negated, hypothetical, future, historical, reported.

PLOVER defines these flags but no coder implements them; a user keeps only asserted,
current events by filtering on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph import resources
from newsgraph.pipeline.document import Document

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "ca", "must"})
# Verbs and adjectives of intent: an event in their xcomp is future ("plans to attack").
_PLANNING = resources.words("lexicons/events/planning_verbs.txt")
_ATTEMPT = frozenset({"attempt", "try"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
_HYPOTHETICAL_ADJ = frozenset({"likely", "able", "possible", "unlikely"})
_PAST_MARKERS = frozenset({"previously", "formerly", "once", "earlier", "ago"})
_NEGATIVE_DETS = frozenset({"no", "never"})


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    conditional: bool = False
    future: bool = False
    historical: bool = False
    reported: bool = False


def modality(doc: Document, trigger: Token, published_year: int | None) -> Modality:
    """Flags for the event triggered by ``trigger`` (a verb, or a noun governed by one)."""
    chain = _verb_chain(trigger)
    return Modality(
        negated=any(_negated(t) for t in chain),
        hypothetical=any(_hypothetical(t) for t in chain),
        conditional=any(_conditional(t) for t in chain),
        future=any(_future(t, intent=t.i != trigger.i) for t in chain),
        historical=_historical(doc, trigger, chain, published_year),
        reported=_reported(doc, trigger),
    )


_INABILITY_AUX = frozenset({"can", "could", "ca"})
_INABILITY_ADJ = frozenset({"able", "unable"})


def failed(trigger: Token) -> bool:
    """The act was tried and did not happen ("failed to reassure", "failed to mobilise")."""
    return any(t.lemma_.lower() == "fail" for t in _verb_chain(trigger)[1:])


def unable(trigger: Token) -> bool:
    """An ability or its lack, not an act or a refusal ("could not agree", "be able to sue",
    "to be able to defend"); a bare "could" ("could impose sanctions if") is not one."""
    for token in _verb_chain(trigger):
        if token.lemma_.lower() in _INABILITY_ADJ:
            return True
        if any(c.dep_ == "aux" and c.lower_ in _INABILITY_AUX for c in token.children) and _negated(token):
            return True
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _INABILITY_ADJ


def _verb_chain(token: Token) -> list[Token]:
    """The trigger and the verbs that control it ("plans to send": send, plans)."""
    chain = [token]
    if token.pos_ in ("NOUN", "PROPN"):
        # a nominal event shares the modality of the verb it is the object or subject of
        if token.dep_ not in ("dobj", "obj", "attr") or token.head.i == token.i:
            return chain
        token = token.head
        chain.append(token)
    while _controlled(token) and token.head.i != token.i and len(chain) < 6:
        token = token.head
        chain.append(token)
    return chain


def _controlled(token: Token) -> bool:
    """A clause that takes its modality from the verb above it: control ("plans to send"),
    coordination, and purpose infinitives ("will meet to agree")."""
    if token.dep_ in ("xcomp", "conj", "acomp"):
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in _NEGATIVE_DETS:
            return True
        if child.dep_ in ("dobj", "obj", "nsubjpass") and any(g.lower_ in _NEGATIVE_DETS for g in child.children):
            return True
    return False


def _future(token: Token, intent: bool = True) -> bool:
    """``intent``: ``token`` governs the trigger, so its being a verb of intent makes the
    trigger's act future ("plans to attack"); the trigger's own verb of intent is an act
    done when it is said ("agreed last month to open talks": the agreement is past). An
    attempt that was made ("attempted to attack") is no future act."""
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
            return True
    if intent and token.lemma_.lower() in _PLANNING and any(c.dep_ == "xcomp" for c in token.children):
        return not (token.lemma_.lower() in _ATTEMPT and token.tag_ in ("VBD", "VBN"))
    if token.lower_ == "going" and any(c.dep_ == "xcomp" for c in token.children):
        return True
    return False


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in token.children
    )


def _hypothetical(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _HYPOTHETICAL_AUX:
            return True
        if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
            return True
    if token.lemma_.lower() in _HYPOTHETICAL_ADJ:
        return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in _HYPOTHETICAL_ADJ


def _historical(doc: Document, trigger: Token, chain: list[Token], published_year: int | None) -> bool:
    """Background: past perfect, "previously", or a date in its clause well before publication."""
    for token in chain[:2]:
        if token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
            return True
        if any(c.lower_ in _PAST_MARKERS for c in token.children if c.dep_ == "advmod"):
            return True
    if published_year is None:
        return False
    clause = chain[1] if trigger.pos_ in ("NOUN", "PROPN") and len(chain) > 1 else trigger
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    if trigger.pos_ == "ADJ":  # a mis-tagged participle: its phrase runs to the clause's end
        end = trigger.sent.end_char
    for date in doc.dates:
        if date.type != "DATE" or not date.value or not (start <= date.start < end):
            continue
        if getattr(date, "caption", False):
            continue
        year = date.value[:4]
        if year.isdigit() and int(year) < published_year:
            return True
    return False


def _reported(doc: Document, trigger: Token) -> bool:
    """Inside a quote's content (direct, partial or indirect): attributed to a source."""
    position = trigger.idx
    return any(q.start <= position < q.end for q in doc.quotes)
