"""Who did it and to whom: the trigger's source and target phrases, resolved to entities
and typed by country and sector the way event-data users need them."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph import resources
from newsgraph.pipeline.document import Document
from newsgraph.pipeline.components.events import lexicon, phoenix
from newsgraph.pipeline.components.events.mentions import entity_at
from newsgraph.resources.countries import country_by_code, country_by_name
from newsgraph.record import Actor, Entity

_SUBJECT_DEPS = ("nsubj", "csubj")
_INHERIT_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "acomp")
_LEXICONS = "lexicons/events/"
_QUANTIFIERS = resources.words(_LEXICONS + "quantifiers.txt")
LIGHT_VERBS = resources.words(_LEXICONS + "light_verbs.txt")  # "launch an attack", "hold talks"
_GROUP_HEADS = resources.words(_LEXICONS + "group_heads.txt")  # "leaders of the coalition"
ACTOR_NOUNS = resources.words(_LEXICONS + "actor_nouns.txt")  # people and institutions that can be targets
_GOVERNMENT_TITLES = resources.entries(_LEXICONS + "government_titles.txt")
_MILITARY_TITLES = resources.entries(_LEXICONS + "military_titles.txt")


def _sector_words() -> dict[str, tuple[str, ...]]:
    """sector -> its words, sectors in file order (the first with a word in a phrase wins)."""
    sectors: dict[str, list[str]] = {}
    for entry in resources.entries(_LEXICONS + "sector_words.tsv"):
        sector, _, word = entry.partition("\t")
        sectors.setdefault(sector.strip(), []).append(word.strip())
    return {sector: tuple(words) for sector, words in sectors.items()}


_SECTOR_WORDS = _sector_words()
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# Speech verbs whose clause reports what their subject says ("announced it would prohibit aid").
REPORTING_VERBS = frozenset({"say", "announce", "tell", "state", "insist", "add", "declare", "confirm",
                             "indicate"})
# Entity labels that never name an actor.
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Types whose direct object is what is moved or given, never whom it is done to.
_THEME_OBJECT_TYPES = frozenset({"MOBILIZE", "AID", "THEME"})
# Prepositions introducing a target, by event type (verbs) and for nouns.
_VERB_TARGET_PREPS = {
    "MOBILIZE": ("against", "into", "on"),
    "CONSULT": ("with", "to", "in", "between", "among"),
    "AID": ("to", "for"),
    "REQUEST": ("from", "to", "of", "on"),
    "RETREAT": ("from", "to", "on"),
    "ACCUSE": ("over", "of", "about", "against", "for", "on"),
}
_DEFAULT_TARGET_PREPS = ("against", "on", "into", "with", "to", "at", "upon")
_NOUN_TARGET_PREPS = ("of", "on", "against", "with", "into", "to", "from")
_PRONOUNS = {"it": "thing", "they": "group", "he": "person", "she": "person", "its": "thing", "their": "group"}



def subject(token: Token) -> Token | None:
    """The token's grammatical subject, inherited through control and coordination
    ("agreed to set up": set up's subject is agreed's; "which invaded": the noun modified)."""
    seen = 0
    while token is not None and seen < 6:
        seen += 1
        for child in token.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.lower_ in _RELATIVE and token.dep_ == "relcl":
                    return token.head
                return child
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            # "troops stationed in ..." names what was acted on, not who acted
            return None if token.tag_ == "VBN" else token.head
        if token.dep_ in _INHERIT_DEPS and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def agent(token: Token) -> Token | None:
    """The ``by`` agent of a passive verb or of a noun ("an attack by rebels")."""
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def verb_target(token: Token, type_: str) -> Token | None:
    """Whom the event is done to. Candidates, in order: an indirect object, an actor-like
    object (not for deployments and aid, whose object is what is sent), a prepositional
    object (which prepositions depends on the type: ``to`` is a recipient for AID, a
    destination for MOBILIZE), an object's complement ("demanded the withdrawal of Serbian
    forces"), the subject of a demanded clause ("demanded that the government end curbs"),
    the target of a controlled verb ("threatened to cut off power to X"). A candidate that
    names an entity beats a common noun ("offered its troops to Lebanon's president")."""
    candidates = list(_target_candidates(token, type_, depth=0))
    named = [c for c in candidates if _names_entity(c)]
    return (named or candidates or [None])[0]


# Types whose clausal content names whom they are about: a demand, an accusation, a threat.
_CONTENT_TYPES = ("REQUEST", "ACCUSE", "THREATEN")


def _target_candidates(token: Token, type_: str, depth: int):
    theme = type_ in _THEME_OBJECT_TYPES
    preps = _VERB_TARGET_PREPS.get(type_, _DEFAULT_TARGET_PREPS)
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    for child in token.children:
        if child.dep_ == "dative" and is_actor_like(child):
            yield child
    if not theme:
        yield from (obj for obj in objects if is_actor_like(obj))
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from _actor_pobjs(child)
    for obj in objects:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "of", "from", "to", "with", "by"):
                yield from _actor_pobjs(child)
            if child.dep_ == "acl":  # "prevented the demonstration staged by students"
                by = agent(child)
                if by is not None and is_actor_like(by):
                    yield by
    for child in token.children:
        # the one a threat or condition is addressed to: "unless Israel rescinds ..."
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
            yield from (c for c in child.children if c.dep_ == "nsubj" and is_actor_like(c))
    for child in token.children:
        content = child.dep_ == "ccomp" or lexicon.for_clause(child)
        if content and type_ in _CONTENT_TYPES:
            yield from (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and is_actor_like(c))
    if depth < 2:
        for child in token.children:
            purpose = child.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
            if (child.dep_ in ("xcomp", "ccomp") or purpose) and child.pos_ in ("VERB", "AUX"):
                yield from _target_candidates(child, type_, depth + 1)


def _names_entity(token: Token) -> bool:
    if token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON", "LOC"):
        return True
    return any(c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for c in token.lefts)


def is_actor_like(token: Token) -> bool:
    """Can this phrase head name whom an event is done to?"""
    if token.ent_type_ in _NOT_ACTORS or token.like_num:
        return False
    if token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or token.pos_ == "PROPN":
        return True
    if token.lemma_.lower() in ACTOR_NOUNS:
        return True
    return any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
               for c in token.children)


def _actor_pobjs(prep: Token):
    return (pobj for pobj in prep.children if pobj.dep_ == "pobj" and is_actor_like(pobj))


def _actor_pobj(prep: Token) -> Token | None:
    return next(_actor_pobjs(prep), None)


def patient(token: Token) -> Token | None:
    """The passive subject: what was done to ("their security is guaranteed")."""
    return next((c for c in token.children if c.dep_ == "nsubjpass"), None)


def participle_actors(token: Token) -> tuple[Token | None, Token | None]:
    """A past participle the tagger took for an adjective ("after Russia annexed
    Ukraine's Crimean Peninsula" parsed as "Russia annexed-Ukraine"): the actor is the
    entity just before it under the same head, the target is that head."""
    head = token.head
    source = None
    for sibling in head.children:
        if sibling.i < token.i and sibling.dep_ in ("nmod", "compound", "npadvmod", "nsubj") and sibling.ent_type_:
            source = sibling
    return source, (head if head.i != token.i and is_actor_like(head) else None)


def noun_source(token: Token, type_: str) -> Token | None:
    """A nominal trigger's actor: possessor ("Russia's invasion"), agent, entity-like
    compound ("EU sanctions"), the participants of a meeting ("a summit of EU leaders"),
    else the subject of a light verb that carries it ("members triggered consultations")."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
    by = agent(token)
    if by is not None:
        return by
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
            return child
    if type_ == "CONSULT":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "between", "among"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    head = token.head
    if token.dep_ in ("dobj", "obj", "attr") and head.lemma_.lower() in LIGHT_VERBS:
        found = subject(head)
        return None if found is not None and found.i == token.i else found
    return None


def noun_target(token: Token, type_: str) -> Token | None:
    """A nominal trigger's target: its of/on/against complement, the subject of its content
    clause as for the verb ("its demands that the government grant ..."), or the governing
    verb's complement."""
    for child in token.children:
        if type_ == "CONSULT" and child.lower_ in ("of", "between", "among"):
            continue
        if child.dep_ == "prep" and child.lower_ in _NOUN_TARGET_PREPS:
            found = _actor_pobj(child)
            if found is not None:
                return found
    if type_ in _CONTENT_TYPES:
        for child in token.children:
            if child.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                found = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and is_actor_like(c)), None)
                if found is not None:
                    return found
    head = governing_verb(token)
    if head is not None:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "to", "with"):
                found = _actor_pobj(child)
                if found is not None:
                    return found
    return None


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun (through prepositions and conjunctions)."""
    head, steps = token.head, 0
    while head.i != token.i and steps < 4:
        if head.pos_ in ("VERB", "AUX"):
            return head
        token, head, steps = head, head.head, steps + 1
    return None


def place_token(token: Token) -> Token | None:
    """A location complement (in/into/to/at/near X) of the trigger, of its verb, or of a
    verb it controls ("agreed to set up a centre in Tokyo")."""
    controlled = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for candidate in (token, governing_verb(token), *controlled):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "into", "to", "at", "near", "inside"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pobj.ent_type_ or any(t.ent_type_ for t in pobj.lefts)):
                        return pobj
    return None


def resolve(doc: Document, token: Token | None) -> Actor | None:
    """The actor a phrase names: an entity of the record when one heads or modifies the
    phrase, a resolved pronoun, or the bare noun phrase with no entity."""
    if token is None:
        return None
    if token.lower_ in _QUANTIFIERS or token.lemma_.lower() in _GROUP_HEADS:
        of = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if of and (token.lower_ in _QUANTIFIERS or is_actor_like(of[0])):
            token = of[0]
    if token.lower_ in ("we", "i", "us") and token.pos_ == "PRON":  # not "the US"
        entity = _speaker(doc, token)
        return _actor(doc, entity, entity.name, token) if entity else None
    if token.lower_ in _RELATIVE:
        return None
    if token.lower_ in _PRONOUNS:
        speaker = _reporting_subject(token)
        if speaker is not None:  # "X told Reuters it was seeking aid": X, not the listener
            return resolve(doc, speaker)
        entity = _antecedent(doc, token)
        return _actor(doc, entity, entity.name if entity else None, token) if entity else None
    token = _outside_dateline(doc, token)
    if token is None:
        return None
    entity, is_head = _entity_of_phrase(doc, token)
    name = entity.name if entity is not None and is_head and entity.type != "NORP" else _phrase_name(token)
    return _actor(doc, entity, name, token)


def _actor(doc: Document, entity: Entity | None, name: str | None, token: Token) -> Actor:
    country, sector = _typing(doc, entity, token)
    code = _phoenix_code(doc, entity, name, country) or phoenix.compose(country, sector)
    coded_country, coded_sector = phoenix.country_sector(code)
    return Actor(
        entity=entity.id if entity else None,
        name=name,
        country=country or coded_country,
        sector=sector or coded_sector,
        code=code,
    )


def _phoenix_code(doc: Document, entity: Entity | None, name: str | None, country: str | None) -> str | None:
    """The actor's CAMEO code on the article's date: a country entity codes as its ISO
    alpha-3 ("the PRC" and "China" alike), others by their names in the Phoenix dictionaries."""
    if entity is not None and entity.type == "GPE" and _iso(entity):
        named = country_by_code(_iso(entity) or "")
        if named is not None and named.iso3:
            return named.iso3
    names = [entity.name, *entity.aliases] if entity is not None and entity.type != "NORP" else []
    if name and name not in names:
        names.append(name)
    return phoenix.code(names, doc.metadata.published)


def _entity_of_phrase(doc: Document, token: Token) -> tuple[Entity | None, bool]:
    """The entity of the phrase's head, else of a modifier of the head (compound, poss,
    amod: "NATO members", "Russian troops"), else the first entity in the phrase; with
    True when it is the head's own entity."""
    head_entity = entity_at(doc, token.idx, token.idx + len(token))
    if head_entity is not None:
        return head_entity, True
    for child in token.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod", "nummod") or (child.dep_ == "prep" and child.lower_ == "of"):
            span = child.subtree
            for t in span:
                entity = entity_at(doc, t.idx, t.idx + len(t))
                if entity is not None and entity.type in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
                    return entity, False
    return None, False


def _phrase_name(token: Token) -> str:
    """The head noun with its left modifiers ("the Baltic members"), not its clauses."""
    left = [t for t in token.lefts if t.dep_ in ("det", "compound", "amod", "poss", "nummod", "nmod", "case")]
    start = min([token.i] + [t.left_edge.i for t in left])
    words = token.doc[start : token.i + 1].text
    return words[4:] if words.lower().startswith("the ") else words


def _outside_dateline(doc: Document, token: Token) -> Token | None:
    """A phrase head the parser took from the dateline ("WARSAW — Polish Prime Minister
    Anna Kowalczyk ...") is replaced by the nearest phrase attached to it outside it."""
    if doc.noise_at(token.idx, token.idx + len(token), ("dateline",)) is None:
        return token
    for child in token.subtree:
        if doc.noise_at(child.idx, child.idx + len(child), ("dateline",)) is None and child.pos_ in ("PROPN", "NOUN"):
            if doc.noise_at(child.head.idx, child.head.idx + len(child.head), ("dateline",)) is not None:
                return child
    return None


def _speaker(doc: Document, pronoun: Token) -> Entity | None:
    """The speaker of the quote a first-person pronoun stands in ("we will defend")."""
    for quote in doc.quotes:
        if quote.start <= pronoun.idx < quote.end and quote.speaker is not None and quote.speaker.entity:
            return doc.entity_by_id(quote.speaker.entity)
    return None


def _reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the speech verb whose reported clause a pronoun is the subject of, when
    it can be what the pronoun stands for ("the Federation told the Reuters news agency that
    it was seeking", "police confirmed they had arrested"): the speaker speaks of itself,
    and the nearest earlier name is often the listener."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    verb = clause.head
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or not is_actor_like(subject):
        return None
    kind = _PRONOUNS[pronoun.lower_]
    if kind == "person":
        return subject if subject.ent_type_ == "PERSON" else None
    if kind == "thing":  # "it": an organisation or a country, not an office ("the attorney general said it")
        return subject if subject.ent_type_ in ("ORG", "GPE") and subject.tag_ in ("NNP", "NN") else None
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lemma_.lower() == "police"
    return subject if plural and subject.ent_type_ != "PERSON" else None


def _antecedent(doc: Document, pronoun: Token) -> Entity | None:
    """The most recent entity before the pronoun of the kind it can refer to."""
    kind = _PRONOUNS[pronoun.lower_]
    # "they" is a group or a people, not a country ("how they spend their cash" is not the UK's)
    types = ("PERSON",) if kind == "person" else ("ORG", "NORP") if kind == "group" else ("ORG", "GPE")
    best, best_start = None, -1
    for entity in doc.entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if best_start < mention.start < pronoun.idx and pronoun.idx - mention.start < 600:
                if doc.noise_at(mention.start, mention.end, ("caption", "credit", "dateline")) is None:
                    best, best_start = entity, mention.start
    return best


def _typing(doc: Document, entity: Entity | None, token: Token) -> tuple[str | None, str | None]:
    """(ISO country, sector) of an actor."""
    country = sector = None
    if entity is not None:
        iso = entity.kb.get("iso3166")
        if entity.type == "GPE" and iso:
            return str(iso), "government"
        country = entity.country or (str(iso) if iso else None)
        if entity.type == "PERSON":
            for role in entity.roles:
                title = role.title.lower()
                holder = doc.entity_by_id(role.of) if role.of else None
                if holder is not None:
                    country = country or holder.country or _iso(holder)
                elif role.of:  # an office of a country the text names only by demonym
                    named = country_by_name(role.of)
                    country = country or (named.iso2 if named else None)
                if any(t in title for t in _MILITARY_TITLES):
                    sector = "military"
                elif any(t in title for t in _GOVERNMENT_TITLES):
                    sector = sector or "government"
                if holder is not None and holder.type == "ORG" and "newsgraph" in holder.kb and not _iso(holder):
                    sector = "international organisation"
        elif entity.type == "ORG" and "newsgraph" in entity.kb and not country:
            sector = "international organisation"
        elif entity.type == "ORG" and country:
            sector = _sector_of(entity.name.lower()) or "government"
    elif token.ent_type_ == "GPE" and (named := country_by_name(token.text)) is not None:
        return named.iso2, "government"  # a country the record's entities missed ("The US has asked")
    left = [t for t in token.lefts] + [token]
    phrase = " ".join(t.lower_ for t in left)
    if sector is None:
        sector = _sector_of(phrase)
    if country is None:
        for t in left:
            other = entity_at(doc, t.idx, t.idx + len(t))
            if other is not None and other.type in ("GPE", "NORP") and (other.country or _iso(other)):
                country = other.country or _iso(other)
                break
    return country, sector


def _sector_of(phrase: str) -> str | None:
    return next((s for s, words in _SECTOR_WORDS.items() if any(w in phrase for w in words)), None)


def _iso(entity: Entity) -> str | None:
    value = entity.kb.get("iso3166")
    return str(value) if value else None
