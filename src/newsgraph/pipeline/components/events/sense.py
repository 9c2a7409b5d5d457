"""Which sense of a generic trigger verb, and which genre of article: classes of non-events
on ordinary news that the object, the subject or the article decide (docs/events.md,
"Precision on ordinary news").

- ``opinion_genre``: a column or readers' letters, written in the first person outside any
  quote ("My reaction? So what? I care about this country"): its verbs are the writer's
  remarks, not reported events.
- ``non_event`` classes, each by what the verb takes, not by the verb alone:
  - *thing as patient*: force or coercion (an ASSAULT or COERCE row naming no object) done to a thing
    that is no place, building, vehicle, good or weapon and names no one ("laws get abused",
    "wiped out the budget surplus", "seizing the advantage", "launched operations").
  - *court procedure*: pleading guilty or not guilty; a court, tribunal, judge or jury as the
    source of anything but a coercion or an accusation (dismissing a claim, backing a party,
    postponing a launch); a court "ruling" on something.
  - *statement*: defending, justifying or dismissing a thing (plans, a decision, claims,
    questions) rather than someone: a minister defending his own policy makes no act of
    support; dismissing someone *as* something is criticism and is recoded ACCUSE; blaming a
    thing on a cause ("blamed the deficit on slow growth") accuses no one.
  - *business offer*: an offer of a thing that is not help, talks, a concession or forces
    ("offered costed alternatives", "offering discounts", "offered less protection"), with
    no one it is offered to and no act it offers to do.
  - *other sense* (2026-12-05, from reading every event kept on the 2,225 BBC articles):
    "charge" as a price ("the prices it charged", "charge farmers for the scheme", "charge
    reasonable fees"), not with an offence ("charged with fraud", "charged by police");
    "apply" as being applicable ("the embargo applies to China"), not applying for something
    ("applied for asylum", "applied to join"); "sanction" as approving an act ("a resolution
    sanctioning military action"), not punishing someone ("sanctioned Iran"); a market
    that "rallies" ("the dollar rallied", "it rallied on Monday"), not people who rally.
- ``features``: what the confidence reads of the verb's sense: whether its object is a thing
  or someone, whether it takes an infinitive ("offered to send"), whether it is a habitual
  present ("police patrol", "a net police force monitors"), and whether the sentence is about
  a court.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Token

from newsgraph import resources
from newsgraph.pipeline.components.events import actors
from newsgraph.pipeline.document import Document
from newsgraph.pipeline.shared.parse import columns
from newsgraph.record import Actor

_COURT_WORDS = resources.words("lexicons/events/court_words.txt")
_OFFER_ACTS = resources.words("lexicons/events/offer_acts.txt")
_PHYSICAL_TARGETS = resources.words("lexicons/events/physical_targets.txt")
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
_TITLES = resources.words("lexicons/events/government_titles.txt") | resources.words(
    "lexicons/events/military_titles.txt")
# Quantity and part nouns whose "of" phrase is the real patient ("a series of bombs").
_PARTITIVES = frozenset({"part", "half", "rest", "most", "portion", "section", "parts", "much", "some", "series",
                         "number", "string", "wave", "spate", "barrage", "volley", "salvo", "dozen", "dozens",
                         "hundreds", "thousands", "lot", "couple", "pair", "batch", "round", "host"})
_FIRST_PERSON = ("i", "my", "me", "myself")
OPINION_MIN_WORDS = 5  # first-person words outside quotes that make an article a column or letters
OPINION_MIN_SENTENCES = 3  # ... in at least this many sentences
# What a court may do that is an event: coerce (jail, fine, detain) or accuse (charge, convict).
# (PLOVER codes a court striking down a restriction as CONCEDE.)
_COURT_EVENTS = frozenset({"COERCE", "ACCUSE", "SANCTION", "CONCEDE", "RETREAT"})
# What is charged as a price ("charge reasonable levels of council tax", "charged a fee").
_PRICE_WORDS = frozenset({"price", "fee", "tax", "rate", "rent", "tariff", "premium", "interest",
                          "commission", "fare", "toll", "levy", "charge", "cost", "vat", "sum", "amount",
                          "subscription"})
# What rallies on a market ("the dollar rallied", "shares rallied").
_MARKET_WORDS = frozenset({"currency", "dollar", "euro", "pound", "sterling", "yen", "share", "stock",
                           "market", "index", "price", "bond", "oil", "gold", "rouble", "peso", "rupee",
                           "yuan"})
_STATEMENT_VERBS = frozenset({"defend", "justify", "dismiss"})
_OBJECT_DEPS = ("dobj", "obj")


def opinion_genre(doc: Document) -> bool:
    """The article is written in the first person outside its quotes: a column or letters.
    Reads the document's lowercase ids once; looks at tokens only for first-person words."""
    strings = doc.spacy.vocab.strings
    wanted = {strings.add(word) for word in _FIRST_PERSON}
    lowers = columns(doc.spacy).list(LOWER)
    hits = [i for i, value in enumerate(lowers) if value in wanted]
    if len(hits) < OPINION_MIN_WORDS:
        return False
    outside = [doc.spacy[i] for i in hits if not _quoted(doc, doc.spacy[i])]
    sentences = {token.sent.start for token in outside}
    return len(outside) >= OPINION_MIN_WORDS and len(sentences) >= OPINION_MIN_SENTENCES


def _quoted(doc: Document, token: Token) -> bool:
    """Inside a quote the quotes component found, or in a sentence with a quotation mark."""
    if any(q.start <= token.idx < q.end for q in doc.quotes):
        return True
    return any(t.is_quote for t in token.sent)


def non_event(token: Token, type_: str, source: Actor | None, source_token: Token | None,
              no_objects: bool = False) -> str | None:
    """The class of non-event of this verb sense (module docstring), "ACCUSE" when it is
    criticism ("dismissed the Tories as a fading force"), or None. ``no_objects``: the
    trigger's lexicon row names no object (so its object is whom or what it is done to)."""
    lemma = token.lemma_.lower()
    if lemma == "plead" and any(t.lower_ in ("guilty", "innocent") for t in token.subtree):
        return "court_procedure"
    if lemma == "rule" and token.pos_ == "VERB" and not any(c.dep_ == "prt" for c in token.children):
        return "court_procedure"  # "law lords ruled against the detention measures"
    if type_ not in _COURT_EVENTS and _court(source, source_token):
        return "court_procedure"
    if token.pos_ != "VERB":
        return None
    obj = _object(token)
    if type_ in _FORCE_TYPES and no_objects and _thing_patient(token, obj):
        return "thing_patient"  # "abused the rules", "wiped out the surplus", "seizing the advantage"
    if lemma in _STATEMENT_VERBS:
        if lemma == "dismiss" and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
            return "ACCUSE"
        if obj is not None and not actors.is_actor_like(obj):
            return "statement"
    if lemma == "blame" and obj is not None and not actors.is_actor_like(obj) and not _blames_someone(token):
        return "statement"  # "blamed the deficit on slow growth": a cause, not an accusation
    if lemma == "offer" and type_ == "AGREE" and obj is not None and not _offers_an_act(token, obj):
        return "business_offer"
    if _other_sense(token, lemma, type_, obj):
        return "other_sense"
    return None


def _other_sense(token: Token, lemma: str, type_: str, obj: Token | None) -> bool:
    """A price charged, a rule that applies, an act sanctioned, a market that rallies (module
    docstring): the verb's other sense, told by what it takes."""
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if lemma == "charge" and type_ == "ACCUSE":
        if "with" in preps:  # "charged with fraud"
            return False
        if "for" in preps:  # "charge farmers for the scheme", "charging for the service"
            return True
        if obj is not None:  # "charge reasonable fees" (a price), "charge 12 detainees" (an accusation)
            return any(t.ent_type_ == "MONEY" or t.lemma_.lower() in _PRICE_WORDS for t in obj.subtree)
        return token.dep_ == "relcl" and not actors.is_actor_like(token.head)  # "the prices it charged"
    if lemma == "apply" and type_ == "REQUEST":  # a request is for something, or to do something
        return "for" not in preps and not any(c.dep_ == "xcomp" for c in token.children)
    if lemma == "sanction" and type_ == "SANCTION":  # "sanctioning military action", "sanctioned its use"
        return obj is not None and not actors.is_actor_like(obj) and obj.pos_ != "PRON"
    if lemma == "rally" and type_ == "PROTEST":  # "the dollar rallied", "it rallied": a price, not people
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
        return subject.lower_ in ("it", "which") or subject.lemma_.lower() in _MARKET_WORDS
    return False


def _court(source: Actor | None, source_token: Token | None) -> bool:
    words = (source.name or "").lower().split() if source is not None else []
    if source_token is not None:
        words.append(source_token.lemma_.lower())
    return any(w in _COURT_WORDS for w in words)


def _object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in _OBJECT_DEPS), None)


def _thing_patient(token: Token, obj: Token | None) -> bool:
    """Force or coercion done to a thing that is no place, building, vehicle, good or weapon
    (``physical_targets.txt``) and names no one: the verb is used in another sense."""
    patient = obj or next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and patient.lemma_.lower() in _PARTITIVES:  # "captured part of a stronghold"
        patient = next((p for c in patient.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), patient)
    if patient is None or patient.pos_ != "NOUN" or actors.is_actor_like(patient):
        return False
    if any(t.ent_type_ or t.lemma_.lower() in _TITLES for t in patient.subtree):
        return False  # "the deputy governor of the region, Oleg Chemezov"
    return patient.lemma_.lower() not in _PHYSICAL_TARGETS and patient.lower_ not in _PHYSICAL_TARGETS


def _blames_someone(token: Token) -> bool:
    """"blamed the attack on rebels": someone is blamed through "on"."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    preps += [c for o in token.children if o.dep_ in _OBJECT_DEPS for c in o.children if c.dep_ == "prep"]
    return any(p.lower_ == "on" and any(actors.is_actor_like(o) for o in p.children if o.dep_ == "pobj")
               for p in preps)


def _offers_an_act(token: Token, obj: Token) -> bool:
    """"offered to send", "offered Indonesia help", "offered 120 Gurkhas", "offered talks"."""
    if actors.is_actor_like(obj) or obj.lemma_.lower() in _OFFER_ACTS:
        return True
    return any(c.dep_ in ("xcomp", "dative") for c in token.children)


FEATURES = ("obj_thing", "obj_actor", "infinitive", "habitual", "court_sentence")


def features(token: Token) -> dict[str, float]:
    """The sense features of one candidate (names in ``FEATURES``; absent ones are 0)."""
    out: dict[str, float] = {}
    if token.pos_ == "VERB":
        obj = _object(token) or next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if obj is not None and obj.pos_ != "PRON":
            out["obj_actor" if actors.is_actor_like(obj) else "obj_thing"] = 1.0
        if any(c.dep_ == "xcomp" for c in token.children):
            out["infinitive"] = 1.0
        if token.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
            out["habitual"] = 1.0
    if any(t.lemma_.lower() in _COURT_WORDS for t in token.sent):
        out["court_sentence"] = 1.0
    return out
