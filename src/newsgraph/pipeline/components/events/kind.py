"""Is a trigger an event of the PLOVER kind in its sentence? Checks by class, not by word.

A CAMEO verb is an event in diplomatic and conflict news and often none in business, sport
and entertainment news: "readership has shot up", "airlines are fighting this law",
"the two sides meet at Twickenham". Each check below names one class of such uses:

- ``inside_name``: the trigger is a word of a name ("Privacy Invasion" in a group's name).
- ``attributive``: a participle qualifying a noun ("his alleged second in command",
  "shocked health officials", "the most visited museum") describes it; it is no event.
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

Once the event's modality and actors are known, ``after_coding`` checks the classes that
need them (unreal, statement, thing as source, no counterpart, private source,
entertainment) and ``words_not_force`` recodes an attack by someone unarmed as criticism.
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph import resources
from newsgraph.pipeline.components.events import actors, modality
from newsgraph.pipeline.components.events.phoenix import POLITICAL_SECTORS
from newsgraph.pipeline.document import Document
from newsgraph.pipeline.shared.parse import columns, lower_of
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
SPORTS_MIN_WORDS = 3  # distinct sport words that make an article a sports report


def misuse(doc: Document, token: Token, sent: SpacySpan, type_: str, bare_row: bool,
           source: Actor | None, target: Actor | None, target_token: Token | None, sports: bool) -> str | None:
    """The class of non-event this trigger is (module docstring), or None when it may be one.
    ``target_token``: the target's head when the parse gave it; ``sports``: the article is a
    sports report (``sports_report``)."""
    if token.ent_iob_ != "O" and token.ent_type_ in _NAME_LABELS:
        return "inside_name"
    if sent.text.rstrip(" \"'\u201d\u2019)").endswith("?"):
        return "question"
    if token.pos_ == "ADJ" and token.dep_ == "amod" and _attributive(token):
        return "attributive"  # "his alleged second in command", "shocked officials"
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


def _attributive(token: Token) -> bool:
    """A participle that opens a noun phrase ("his alleged accomplice", "Shocked health
    officials", "the most visited museum"), not a verb the small tagger took for an
    adjective after its subject ("after Russia annexed Ukraine's Crimean Peninsula")."""
    before = token.nbor(-1) if token.i > token.sent.start else None
    return before is None or before.pos_ not in ("PROPN", "NOUN", "PRON") or before.tag_ == "PRP$"


def _quantity_up_to(particle: Token) -> bool:
    """"kidnapped up to 16 advisers": "up" starts a quantity, not a phrasal verb."""
    following = particle.nbor(1) if particle.i + 1 < len(particle.doc) else None
    return particle.lower_ == "up" and following is not None and following.lower_ == "to"


def _abstract_object(token: Token) -> bool:
    """The verb's direct object is an idea, a rule, a figure or a contest, not someone or
    somewhere ("fighting this law", "meet the target", "conceded goals", "released an album")."""
    return any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in _ABSTRACT_OBJECTS or _market_demand(c))
               for c in token.children)


def _market_demand(obj: Token) -> bool:
    """"meet demand", "meet global demand": a market's demand, not someone's demands ("would
    not meet their demands" is a refusal to yield)."""
    if obj.lemma_.lower() != "demand" or obj.tag_ != "NN":
        return False
    return not any(c.dep_ == "poss" for c in obj.children)


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


def _state_actor(doc: Document, actor: Actor | None, countries: bool = False) -> bool:
    """A government, military or international actor that is not a country's name (in a
    sports report "France" and "England" are teams; ``countries``: they count, as in an
    entertainment report, where "India" deports an actress)."""
    if actor is None or actor.sector not in ("government", "military", "international organisation"):
        return False
    entity = doc.entity_by_id(actor.entity) if actor.entity else None
    return countries or entity is None or entity.type not in ("GPE", "NORP")


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


# --- Classes checked once the event's modality and actors are known (``after_coding``) ---
_ARMED_WORDS = resources.words("lexicons/events/armed_words.txt")
_THING_SOURCES = resources.words("lexicons/events/thing_sources.txt")
_ENTERTAINMENT_WORDS = resources.words("lexicons/events/entertainment_words.txt")
ENTERTAINMENT_MIN_WORDS = 4  # distinct entertainment words that make an article an entertainment report
# Verbs of attack that, said of someone who bears no arms, are criticism (PLOVER ACCUSE).
_VERBAL_ATTACKS = frozenset({"attack", "assault", "lash", "savage", "slam", "blast"})
# Verbs whose "that" clause is what is promised or demanded, so a clause makes them no statement.
_CLAUSE_ACTS = frozenset({"promise", "pledge", "vow", "guarantee", "swear", "undertake", "threaten", "warn",
                          "demand", "insist", "urge", "ask", "request", "order", "accuse", "allege", "deny"})
_CLAUSE_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE"})
# ASSAULT triggers with a sense other than force ("attack a plan", "fight a seat", "beat a
# rival", "control a business"); killing, bombing, torture and the like are force whoever does them.
_FORCE_OR_WORDS = frozenset({"attack", "assault", "lash", "savage", "slam", "blast", "fight", "fighting", "battle",
                             "beat", "clash", "storm", "damage", "control", "defeat", "crush", "hit", "target",
                             "capture", "offensive", "invade", "invasion", "raid", "besiege", "overrun",
                             "lead", "action", "operation"})
# Verbs of force a state does with its forces ("Russia invaded"); a country that "beat" or
# "clashed with" another is a team or a row. "action" and "operation" are a light verb's
# nouns ("launched military action"): force when a state or someone armed launches them.
_STATE_FORCE = frozenset({"attack", "assault", "invade", "invasion", "offensive", "raid", "capture", "storm",
                          "besiege", "overrun", "fight", "fighting", "battle", "action", "operation"})
# Nouns of force a light verb carries ("launch an attack", "carry out a raid").
_FORCE_NOUNS = frozenset({"attack", "assault", "offensive", "invasion", "raid", "action", "operation",
                          "battle", "fight", "fighting"})
# Words that make a light verb's noun force ("military action", "air operations").
_MILITARY_WORDS = frozenset({"military", "armed", "air", "ground", "naval", "army", "combat"})
# Words that make "action" a lawsuit ("launch legal action", "infringement action").
_LEGAL_ACTION_WORDS = frozenset({"legal", "court", "infringement", "disciplinary", "libel", "antitrust",
                                 "judicial", "civil", "criminal", "class"})
# Speech verbs whose "would" is a reported "will" ("announced it would prohibit all aid").
_REPORTING = actors.REPORTING_VERBS
# Meeting verbs that may be among the subject's members ("the leaders met", "the two sides negotiated").
_MEETING_VERBS = frozenset({"meet", "negotiate", "mediate", "consult", "discuss", "gather", "confer", "talk"})
_VISIT_VERBS = frozenset({"visit", "arrive", "travel", "fly", "tour"})  # a place is whom they visit
# Types that are things said (appeals, promises, praise, blame, refusals, threats) or done
# together: PLOVER codes them between political actors, so a named source must be one.
_VERBAL_TYPES = frozenset({"REQUEST", "AGREE", "SUPPORT", "ACCUSE", "REJECT", "THREATEN", "CONSULT", "COOPERATE",
                           "CONCEDE"})
_NOT_AGENT_LABELS = frozenset({"LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC"})
# Head words of a named law or document, whatever the recogniser labels it ("the Consumer
# Protection Against Spyware Act", ORG to the small model): it cannot act.
_DOCUMENT_NAMES = frozenset({"act", "bill", "treaty", "directive", "convention", "charter", "constitution",
                             "protocol", "resolution", "code"})


def after_coding(doc: Document, token: Token, type_: str, row_type: str, hypothetical: bool,
                 source: Actor | None, source_token: Token | None, target: Actor | None,
                 target_token: Token | None, domain: str | None) -> str | None:
    """The class of non-event a coded candidate is, or None (module docstring, and
    docs/events.md "Fewer, truer events"): ``unreal`` (hypothetical, unable, failed),
    ``statement`` (an opinion or a claim in a clause), ``thing_as_source``, ``no_counterpart``
    (a meeting or visit with no one met) and ``entertainment``. ``type_`` is the event's
    type after modality, ``row_type`` the trigger row's."""
    if modality.failed(token):
        return "unreal"
    if type_ == row_type and hypothetical and not _reported_would(token):
        return "unreal"  # "would hamper growth", "safer to seek": no act, no stated intent
    if type_ == "AGREE" and row_type == "SUPPORT" and target is None:
        return "unreal"  # "will have to defend the record": no one to cooperate with
    if type_ != row_type and modality.unable(token):
        return "unreal"  # "could not agree", "to be able to defend": an ability, not a refusal or a pledge
    if token.pos_ == "VERB" and _statement(token, row_type):
        return "statement"
    if source_token is not None and not agentive(source_token):
        return "thing_as_source"
    if row_type == "CONSULT" and type_ != "REJECT" and token.pos_ == "VERB" and not _counterpart(
        doc, token, source_token, target, target_token
    ):
        return "no_counterpart"
    if row_type in _VERBAL_TYPES and source is not None and _private(doc, source):
        return "no_political_actor"  # "economists cautioned against", "campaigners welcomed news"
    if row_type in ("RETREAT", "AID") and target_token is not None and not agentive(target_token):
        return "thing_patient"  # "France's industrial output was released"
    if domain == "entertainment" and not (_state_actor(doc, source, True) or _state_actor(doc, target, True)):
        return "entertainment"
    return None


def words_not_force(doc: Document, token: Token, source: Actor | None, source_token: Token | None,
                    target: Actor | None = None) -> str | None:
    """For an ASSAULT trigger with a named source who bears no arms (a party, a minister, a
    company, campaigners): "ACCUSE" for a verb of attack ("Tories attack U-turns": criticism),
    "drop" for the others ("fight the seat", "beating artists in a list"); None when the
    source may use force or is not named ("was attacked in a park")."""
    lemma = token.lemma_.lower()
    obj = None
    if token.pos_ == "VERB":
        obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and lemma not in _FORCE_OR_WORDS:
        # a light verb's noun decides: "launched an attack on spending plans" (criticism),
        # "launch infringement action" (a lawsuit), "took industrial action" (a strike)
        what = {c.lower_ for c in obj.children if c.dep_ in ("amod", "compound")}
        if obj.lemma_.lower() == "action" and what & _LEGAL_ACTION_WORDS:
            return "ACCUSE"
        if obj.lemma_.lower() == "action" and "industrial" in what:
            return "PROTEST"
        if what & _MILITARY_WORDS:  # "won't launch any military action": force, whoever launches it
            return None
        if obj.lemma_.lower() in _FORCE_NOUNS:
            lemma = obj.lemma_.lower()
    if lemma in _VERBAL_ATTACKS and source is None and _organisation(doc, target):
        return "ACCUSE"  # "in attacking the party": force is done to people and places
    if lemma not in _FORCE_OR_WORDS or source is None or source_token is None:
        return None
    if _armed(doc, source, source_token, states=lemma in _STATE_FORCE):
        return None
    return "ACCUSE" if lemma in _VERBAL_ATTACKS else "drop"


def agentive(token: Token) -> bool:
    """Can this phrase head do something? Not when it is a common noun naming a thing, a
    document or a state of affairs ("the report", "a deal", "Mr Blair's view", "India's
    budget deficit"; thing_sources.txt and abstract_objects.txt)."""
    if token.ent_iob_ != "O":
        if token.lemma_.lower() in _DOCUMENT_NAMES:  # "the Spyware Act bans", "the Police Bill proposes"
            return False
        return token.ent_type_ not in _NOT_AGENT_LABELS  # a bill, a film, a product
    if token.pos_ != "NOUN":
        return True
    lemma = token.lemma_.lower()
    return lemma not in _THING_SOURCES and lemma not in _ABSTRACT_OBJECTS


_TOPIC_WORDS = {
    "sport": _SPORT_WORDS,
    "entertainment": _ENTERTAINMENT_WORDS,
    "business": resources.words("lexicons/events/business_words.txt"),
    "tech": resources.words("lexicons/events/tech_words.txt"),
    "politics": resources.words("lexicons/events/politics_words.txt"),
    "world": resources.words("lexicons/events/world_words.txt"),
}


def topic_counts(doc: Document) -> dict[str, int]:
    """How many distinct lemmas of each topic's word list the article holds."""
    strings = doc.spacy.vocab.strings
    lemmas = {lower_of(strings, i) for i in set(columns(doc.spacy).list(LEMMA))}  # each distinct lemma once
    return {topic: len(lemmas & words) for topic, words in _TOPIC_WORDS.items()}


def domain(doc: Document, counts: dict[str, int] | None = None) -> str | None:
    """"sport" or "entertainment" when the article reports it (``SPORTS_MIN_WORDS`` distinct
    sport lemmas, ``ENTERTAINMENT_MIN_WORDS`` entertainment lemmas), else None.
    ``counts``: the article's ``topic_counts`` when already known."""
    counts = counts if counts is not None else topic_counts(doc)
    if counts["sport"] >= SPORTS_MIN_WORDS:
        return "sport"
    if counts["entertainment"] >= ENTERTAINMENT_MIN_WORDS:
        return "entertainment"
    return None


def _reported_would(token: Token) -> bool:
    """The trigger's "would" reports a "will" ("the US announced it would prohibit aid")."""
    head = token
    for _ in range(4):
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in _REPORTING:
            return any(c.dep_ == "aux" and c.lower_ == "would" for c in head.children) or head.i != token.i
        if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _statement(token: Token, row_type: str) -> bool:
    """An opinion or a claim, not an act: the verb states a clause ("agreed that the time was
    ripe", "conceded Kuznetsova might have taken", "recognised the policy was on track"), or
    agrees with an idea ("will agree with this"). Demands, threats, accusations and promises
    take a clause as their content and stay events."""
    if row_type in _CLAUSE_TYPES or token.lemma_.lower() in _CLAUSE_ACTS:
        return False
    if any(c.dep_ in ("dobj", "obj", "dative") for c in token.children):
        return False  # "offered concessions that ...": a relative clause the parse hung on the verb
    for child in token.children:
        if child.dep_ == "ccomp" and _finite(child):
            return True
        if child.dep_ == "prep" and child.lower_ == "with" and token.lemma_.lower() == "agree" and not any(
            c.dep_ == "xcomp" for c in token.children
        ):
            if not any(actors.is_actor_like(p) and p.pos_ != "PRON" or p.lower_ in ("him", "her", "them", "me", "us")
                       for p in child.children if p.dep_ == "pobj"):
                return True
    return False


def _organisation(doc: Document, actor: Actor | None) -> bool:
    """A party, company or other organisation, not a person, a people or a place."""
    if actor is None:
        return False
    entity = doc.entity_by_id(actor.entity) if actor.entity else None
    if entity is not None:
        return entity.type == "ORG"
    words = (actor.name or "").lower().split()
    return bool(words) and words[-1] in ("party", "government", "company", "council", "committee", "union")


def _private(doc: Document, actor: Actor) -> bool:
    """A company or a medium, or people named by a common noun with no political sector
    ("economists", "campaigners", "some voices"); not a named group, country or person."""
    if actor.sector in ("business", "media"):
        return True
    if actor.entity is not None or actor.sector in POLITICAL_SECTORS:
        return False
    if any(w in _ARMED_WORDS or w.rstrip("s") in _ARMED_WORDS for w in (actor.name or "").lower().split()):
        return False  # police, troops, gunmen
    return not _political(doc, actor)


def _finite(clause: Token) -> bool:
    """A clause with its own subject or "that", not an infinitive ("agreed to lift")."""
    marks = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "aux")]
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in marks):
        return False
    return any(c.dep_ != "aux" and (c.dep_ != "mark" or c.lower_ == "that") for c in marks)


def _counterpart(doc: Document, trigger: Token, source_token: Token | None, target: Actor | None,
                 target_token: Token | None) -> bool:
    """A meeting, visit or call has someone met: a target that is not just where it happens
    ("hold its conference in Manchester"), a plural or coordinated subject of a meeting verb
    ("the leaders met"), or the person a governing verb names ("telephoned Kozyrev to discuss")."""
    lemma = trigger.lemma_.lower()
    if target is not None and (lemma in _VISIT_VERBS or not _place_target(doc, target, target_token)):
        return True
    if lemma not in _MEETING_VERBS:
        return False
    if trigger.dep_ in ("advcl", "xcomp") and any(
        c.dep_ in ("dobj", "obj") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in actors.ACTOR_NOUNS)
        for c in trigger.head.children
    ):
        return True
    subjects = [t for t in (source_token, *(c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")))
                if t is not None]
    subjects += [c for t in subjects for c in t.children if c.dep_ == "appos"]  # "WARSAW — the PM and her counterparts"
    return any(t.tag_ in ("NNS", "NNPS") or t.conjuncts for t in subjects)


def _armed(doc: Document, source: Actor, source_token: Token, states: bool = True) -> bool:
    """Someone who can use force: soldiers, police, rebels, gunmen, an actor the dictionaries
    code as military or rebel, and with ``states`` a state (a country's name)."""
    if source.sector in ("military", "rebel"):
        return True
    entity = doc.entity_by_id(source.entity) if source.entity else None
    if states and entity is not None and entity.type in ("GPE", "NORP") and source.name == entity.name:
        return True
    words = (source.name or "").lower().split() + [source_token.lemma_.lower()]
    return any(w in _ARMED_WORDS or w.rstrip("s") in _ARMED_WORDS for w in words)
