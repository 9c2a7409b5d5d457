"""Is a trigger an event of the PLOVER kind in its sentence? Checks by class, not by word.

A CAMEO verb is an event in diplomatic and conflict news and often none in business, sport
and entertainment news: "readership has shot up", "airlines are fighting this law",
"the two sides meet at Twickenham". Each check below names one class of such uses:

- ``inside_name``: the trigger is a word of a name ("Privacy Invasion" in a group's name).
- ``question``: the sentence asks ("which party will ...?"), or "ask" puts a question, not
  a request ("asked: ...", "ask hard questions").
- ``other_phrasal_verb``: a bare row's verb carries a particle the row does not name
  ("shot up", "beat off"): another verb.
- ``thing_patient``: a verb of attack, coercion, meeting, concession, release or threat whose
  direct object is an idea, rule, figure or contest (lexicons/events/abstract_objects.txt:
  "fighting this law", "met the target", "conceded goals", "released an album"); a verb
  coded PROTEST other than protest/rally/march/strike with a complement ("demonstrates
  that", "mark the birth", "stopped working").
- ``statement``: "warned of ..." names no one warned and no act threatened; "declined to
  comment" refuses no act.
- ``purchase``: "ordered 30 planes" (an order for goods, not a demand).
- ``passive_no_agent``: a request, offer, meeting or aid in the passive with no one doing
  it ("honoured to be asked", "when offered"): the subject is whom it is done to.
- ``attended``: a meeting or talks someone merely attended or spoke at.
- ``no_political_actor``: neither source nor target is a political or armed actor (a
  government, a country or its people, an organisation, a person holding an office or coded
  as political in the Phoenix dictionaries, troops, police, rebels); a protest may be by
  civilians, an assault may be on a named person.
- ``sports``: the article reports sport (many sport words) and no actor is a government,
  military, rebel or international actor: teams "attack", "defend" and "meet".
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph import resources
from newsgraph.pipeline.components.events import actors
from newsgraph.pipeline.components.events.phoenix import POLITICAL_SECTORS
from newsgraph.pipeline.document import Document
from newsgraph.record import Actor

_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
# Types whose direct object, when a bare row matched, must be someone for the verb to be that event.
_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "CONSULT", "CONCEDE", "RETREAT", "THREATEN"})
_ABSTRACT_OBJECTS = resources.words("lexicons/events/abstract_objects.txt")
# Types whose passive with no agent ("was asked to", "when offered") names no one acting.
_NEEDS_AGENT = frozenset({"REQUEST", "AGREE", "SUPPORT", "CONSULT", "CONCEDE", "AID", "COOPERATE"})
_SPEECH_VERBS = frozenset({"say", "comment", "confirm", "discuss", "reveal", "disclose", "speculate", "elaborate",
                           "answer", "name", "specify", "identify", "give"})
_PROTEST_VERBS = frozenset({"protest", "rally", "march", "strike", "picket", "boycott", "riot", "block", "blockade"})
_ORDERED_ACTS = frozenset({"report", "review", "inquiry", "investigation", "probe", "withdrawal", "evacuation",
                           "release", "arrest", "halt", "ceasefire", "attack", "strike", "closure", "recall",
                           "audit", "crackdown", "retreat", "deployment", "search", "raid"})
_ATTEND_VERBS = frozenset({"attend", "address", "miss", "skip", "join", "chair", "host", "cover"})
_ATTEND_PREPS = frozenset({"at", "during", "ahead", "before"})
_ACTOR_ENTITY_TYPES = frozenset({"GPE", "NORP", "ORG"})
_INSTITUTION_WORDS = resources.words("lexicons/events/institution_words.txt")
_SPORT_WORDS = resources.words("lexicons/events/sport_words.txt")
SPORTS_MIN_WORDS = 4  # distinct sport words that make an article a sports report


def misuse(doc: Document, token: Token, sent: SpacySpan, type_: str, bare_row: bool,
           source: Actor | None, target: Actor | None, target_token: Token | None, sports: bool) -> str | None:
    """The class of non-event this trigger is (module docstring), or None when it may be one.
    ``target_token``: the target's head when the parse gave it; ``sports``: the article is a
    sports report (``sports_report``)."""
    if token.ent_iob_ != "O" and token.ent_type_ in _NAME_LABELS:
        return "inside_name"
    if sent.text.rstrip(" \"'\u201d\u2019)").endswith("?"):
        return "question"
    if token.pos_ == "VERB" and bare_row:
        if any(c.dep_ == "prt" and not _quantity_up_to(c) for c in token.children):
            return "other_phrasal_verb"
        if type_ in _PATIENT_TYPES and _abstract_object(token):
            return "thing_patient"
    if token.pos_ == "VERB" and type_ == "REQUEST" and token.lemma_.lower() == "ask" and not _asks_for(token):
        return "question"
    if type_ == "THREATEN" and token.lemma_.lower() == "warn" and not _warns_someone(token):
        return "statement"
    if source is None and token.pos_ == "VERB" and type_ in _NEEDS_AGENT and any(
        c.dep_ in ("nsubjpass", "auxpass") for c in token.children
    ):
        return "passive_no_agent"
    if token.pos_ == "VERB" and _speech_refused(token, type_):
        return "statement"
    if token.pos_ == "VERB" and type_ == "PROTEST" and bare_row and _other_sense_of_protest(token):
        return "thing_patient"
    if token.pos_ == "VERB" and token.lemma_.lower() == "order" and type_ == "REQUEST" and not _orders_an_act(token):
        return "purchase"
    if token.pos_ in ("NOUN", "PROPN") and type_ == "CONSULT" and _attended(token):
        return "attended"
    political = _political(doc, source) or (_political(doc, target) and not _place_target(doc, target, target_token))
    if not political and not _exempt(doc, type_, source, target):
        return "no_political_actor"
    if sports and not (_state_actor(doc, source) or _state_actor(doc, target)):
        return "sports"
    return None


def _quantity_up_to(particle: Token) -> bool:
    """"kidnapped up to 16 advisers": "up" starts a quantity, not a phrasal verb."""
    following = particle.nbor(1) if particle.i + 1 < len(particle.doc) else None
    return particle.lower_ == "up" and following is not None and following.lower_ == "to"


def _abstract_object(token: Token) -> bool:
    """The verb's direct object is an idea, a rule, a figure or a contest, not someone or
    somewhere ("fighting this law", "meet the target", "conceded goals", "released an album")."""
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _ABSTRACT_OBJECTS for c in token.children)


def _asks_for(token: Token) -> bool:
    """"asked him to confirm", "asking for clarification": a request; "asked: '...?'",
    "ask hard questions", "asked which minister": a question."""
    for child in token.children:
        if child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "for"):
            return True
        if child.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
    return False


def _warns_someone(token: Token) -> bool:
    """"warned Russia", "warned that it would strike": a threat; "warned of the potential
    for ...": a statement."""
    return any(c.dep_ in ("dobj", "xcomp") or (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")) for c in token.children)


def _speech_refused(token: Token, type_: str) -> bool:
    """"declined to comment", "refused to say whether": no act is refused."""
    return type_ == "REJECT" and any(c.dep_ == "xcomp" and c.lemma_.lower() in _SPEECH_VERBS for c in token.children)


def _other_sense_of_protest(token: Token) -> bool:
    """"demonstrates that ...", "mark the birth", "stopped working": a protest verb with a
    clause or a thing as its complement is showing, marking or stopping, not protesting."""
    if token.lemma_.lower() in _PROTEST_VERBS:
        return False
    return any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj") for c in token.children)


def _orders_an_act(token: Token) -> bool:
    """"ordered troops to withdraw", "ordered a report": a demand; "ordered 30 planes": a purchase."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return True
        if child.dep_ in ("dobj", "obj") and (child.lemma_.lower() in _ORDERED_ACTS or actors.is_actor_like(child)):
            return True
    return False


def _attended(noun: Token) -> bool:
    """A meeting someone attended, spoke at or missed ("attended a meeting", "said at a
    meeting"), unless the noun names who met ("a summit of EU leaders", "NATO's meeting")."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in _ATTEND_VERBS:
        return True
    if noun.dep_ != "pobj" or head.lower_ not in _ATTEND_PREPS:
        return False
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "between", "with"):
            return False
        if child.dep_ in ("poss", "compound") and child.ent_type_ in ("ORG", "NORP", "PERSON"):
            return False
    return True


def _political(doc: Document, actor: Actor | None) -> bool:
    """A government, party, armed group, international body, a country or its people, or a
    person holding an office; companies, products, bands and clubs are not, nor are
    people with no office the record or the Phoenix dictionaries know of."""
    if actor is None:
        return False
    if actor.sector in POLITICAL_SECTORS:
        return True
    entity = doc.entity_by_id(actor.entity) if actor.entity else None
    name = (entity.name if entity is not None and entity.type == "ORG" else actor.name or "").lower()
    if any(word in name for word in _INSTITUTION_WORDS):  # "the world's biggest security organisation"
        return True
    if actor.sector in ("business", "media", "civilian") or entity is None:
        return False
    if entity.type in ("GPE", "NORP"):  # the country or its people ("Palestinian bombers"), not "Irish equities"
        return actor.name == entity.name or _people_noun(actor.name or "")
    return entity.type == "PERSON" and bool(entity.roles)


def _people_noun(phrase: str) -> bool:
    head = phrase.split()[-1].lower() if phrase.split() else ""
    return any(form in actors.ACTOR_NOUNS for form in (head, head[:-1], head[:-2]) if form)


def _exempt(doc: Document, type_: str, source: Actor | None, target: Actor | None) -> bool:
    """A protest by people who are not a company; an assault, arrest or accusation of a named
    person by someone unnamed ("was shot", "has been accused of", "an attempt to assassinate")."""
    if type_ == "PROTEST":
        return source is not None and source.sector not in ("business", "media")
    unnamed = source is None or source.entity is None
    if type_ in ("ASSAULT", "COERCE", "ACCUSE") and unnamed and target is not None and target.entity:
        entity = doc.entity_by_id(target.entity)
        return entity is not None and entity.type == "PERSON"
    return False


def _state_actor(doc: Document, actor: Actor | None) -> bool:
    """A government, military or international actor that is not a country's name (in a
    sports report "France" and "England" are teams)."""
    if actor is None or actor.sector not in ("government", "military", "international organisation"):
        return False
    entity = doc.entity_by_id(actor.entity) if actor.entity else None
    return entity is None or entity.type not in ("GPE", "NORP")


def _place_target(doc: Document, target: Actor | None, token: Token | None) -> bool:
    """A country or city that is where, not whom: the nearest named actor, or the object of
    a locative preposition ("arriving in London", "cars for sale in Japan")."""
    entity = doc.entity_by_id(target.entity) if target is not None and target.entity else None
    if entity is None or entity.type not in ("GPE", "LOC", "FAC"):
        return False
    return token is None or (token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "to", "from", "across", "around"))


def sports_report(doc: Document) -> bool:
    """True when the article has ``SPORTS_MIN_WORDS`` distinct sport lemmas or more."""
    seen = {t.lemma_.lower() for t in doc.spacy if t.lemma_.lower() in _SPORT_WORDS}
    return len(seen) >= SPORTS_MIN_WORDS
