"""Events: who did what to whom, when and where, coded in PLOVER, with modality.

A lexicon of trigger words kept as data (resources/events/triggers.tsv) is applied over
the dependency parse: each verb or noun that matches a row becomes one event, with its
source and target resolved to the record's entities (actors.py), the date and place of
its clause, and flags saying what kind of statement it is (modality.py). Fewer, truer
events: a trigger with no actor at all is dropped, and a noun that is the object of a
coded verb ("launch an attack") is not coded twice. Each event carries a calibrated
``confidence`` (confidence.py); events below the model's threshold are not kept.
"""

from __future__ import annotations

import msgspec
from spacy.tokens import Token

from newsgraph.pipeline.bounded import BoundedCache
from newsgraph.pipeline.component import Component
from newsgraph.pipeline.components.events import actors, confidence, features, kind, lexicon, sense
from newsgraph.pipeline.components.events.mentions import coding, entity_at
from newsgraph.pipeline.components.events.modality import modality
from newsgraph.pipeline.document import Document
from newsgraph.record import Actor, Event, Span

NAME = "newsgraph.events.v1"
_SKIP_NOISE = ("caption", "credit", "link_list", "boilerplate", "dateline", "byline")
# Reporting uses of a trigger verb ("warned that ...") are speech, coded by quotes.
_SPEECH_WHEN_CLAUSE = frozenset({"warn", "deny", "reassure"})
# PLOVER codes a stated intent to cooperate as AGREE, an intent or condition of hostile
# action as THREATEN, and a refusal to cooperate as REJECT; ``action`` keeps the act.
_COOPERATIVE = frozenset({"SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT", "AGREE"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
# Types whose clausal complement states what is demanded, refused, alleged or intended.
_CONTENT_TYPES = frozenset({"REQUEST", "REJECT", "ACCUSE", "AGREE", "THREATEN"})


def plover_type(action: str, negated: bool, future: bool, hypothetical: bool, conditional: bool) -> str:
    """The PLOVER type of an act with this modality (see the comment above)."""
    if negated:
        return "REJECT" if action in _COOPERATIVE and (future or hypothetical) else action
    if action in _COOPERATIVE and future and not conditional:
        return "AGREE"
    if action in _HOSTILE and (future or conditional):
        return "THREATEN"
    return action


class EventCoder(Component):
    """PLOVER events from the parse. ``lexicon_path``: another trigger table (same columns)
    instead of the shipped ones; ``confidence_path``: other confidence weights;
    ``min_confidence``: keep events at or above this (default: the weights' threshold)."""

    name = NAME
    requires = ("text", "spacy", "entities", "quotes", "dates", "noise", "metadata.published")
    assigns = ("events",)

    def __init__(
        self, lexicon_path: str | None = None, confidence_path: str | None = None, min_confidence: float | None = None
    ):
        self.lexicon_path = lexicon_path
        self.index = lexicon.load(lexicon_path)  # fails at build time, not on the first article
        self.model = confidence.load(confidence_path)
        self.min_confidence = min_confidence  # None: the model's thresholds (world affairs, ordinary news)
        # Filled per word met, so capped (pipeline/bounded.py); ids are string-store hashes.
        # (lemma, form, pos, tag) ids -> may match a row; (lemma, pos) -> PLOVER types its rows code
        self._may_match: BoundedCache[tuple[int, ...], bool] = BoundedCache()
        self._lemma_types: BoundedCache[tuple[str, str], int] = BoundedCache()

    def __call__(self, doc: Document) -> Document:
        for event, values in self.code(doc):
            if event.confidence is None:
                continue
            floor = self.model.threshold_for(values) if self.min_confidence is None else self.min_confidence
            if event.confidence >= floor:
                doc.events.append(event)
        return doc

    def code(self, doc: Document) -> list[tuple[Event, dict[str, float]]]:
        """Every candidate event with its confidence features (before the threshold)."""
        with coding(doc):  # the entity at a token, from an index of the mentions
            return self._code(doc)

    def _code(self, doc: Document) -> list[tuple[Event, dict[str, float]]]:
        published_year = _year(doc.metadata.published)
        found: list[tuple[Event, dict[str, float]]] = []
        # Only tokens that may match a trigger row are looked at (any other token codes nothing).
        todo = lexicon.candidates(doc.spacy, self.index, self._may_match)
        counts = kind.topic_counts(doc) if todo else None
        domain = kind.domain(doc, counts) if counts is not None else None
        article_topic = features.topic(counts) if counts is not None else None
        if todo and sense.opinion_genre(doc):
            return []  # a column or readers' letters: the writer's remarks, not reported events
        position = 0
        for sent in doc.spacy.sents if todo else ():
            coded: dict[int, str] = {}  # token index -> event type, within the sentence
            while position < len(todo) and todo[position] < sent.end:
                token = doc.spacy[todo[position]]
                position += 1
                event = self._event(doc, token, sent, published_year, coded, domain, article_topic)
                if event is not None:
                    coded[token.i] = event[0].type
                    found.append(event)
            if position == len(todo):
                break
        return [(msgspec.structs.replace(e, confidence=round(self.model.score(f), 4)), f) for e, f in found]

    def _event(
        self, doc: Document, token: Token, sent, published_year: int | None, coded: dict[int, str], domain: str | None,
        article_topic: str | None = None,
    ) -> tuple[Event, dict[str, float]] | None:
        found = lexicon.match(token, self.index)
        # The noise check scans doc.noise, so it runs only for the few tokens that match a
        # trigger (matching reads nothing but the token, so the order changes no output).
        if found is None or doc.noise_at(token.idx, token.idx + len(token), _SKIP_NOISE) is not None:
            return None
        row, extra = found
        if token.pos_ != "VERB" and _restates(token, row.type, coded):
            return None
        if token.lemma_.lower() in _SPEECH_WHEN_CLAUSE and any(c.dep_ == "ccomp" for c in token.children):
            return None
        if _content_of_coded_act(token, coded):
            return None
        source, target, target_token, source_token = self._actors(doc, token, row.type, theme_object=bool(row.objects))
        if source is None and (target is None or token.pos_ == "NOUN" or token.pos_ == "PROPN"):
            return None  # a nominal event needs someone doing it; a verbal one, someone involved
        if source is not None and target is not None and source.entity and source.entity == target.entity:
            target = None
        bare_row = row.objects is None and not row.rest
        if kind.misuse(doc, token, sent, row.type, bare_row, source, target, target_token, domain == "sport") is not None:
            return None
        row_type, cameo = row.type, row.cameo
        if row_type == "ASSAULT":
            recoded = kind.words_not_force(doc, token, source, source_token, target)
            if recoded == "drop":
                return None
            if recoded is not None:  # "Tories attack U-turns": criticism
                row_type, cameo = recoded, None
        other_sense = sense.non_event(token, row_type, source, source_token, row.objects is None)
        if other_sense == "ACCUSE":  # "dismissed the Tories as a fading force": criticism
            row_type, cameo = other_sense, None
        elif other_sense is not None:
            return None
        flags = modality(doc, token, published_year)
        start = min([token.idx] + [t.idx for t in extra])
        end = max([token.idx + len(token)] + [t.idx + len(t) for t in extra])
        type_ = plover_type(row_type, flags.negated, flags.future, flags.hypothetical, flags.conditional)
        act, hypothetical = row_type, flags.hypothetical or flags.conditional
        intended = _intended_hostile_act(token, self.index) if type_ == "AGREE" else None
        if intended is not None:  # "vowed to attack": an intent of hostile action
            type_, act = "THREATEN", intended
        elif _must(token) and type_ not in ("REQUEST", "THREATEN") and not flags.negated:
            # "Ruritania must withdraw", said by someone else: that speaker's demand of Ruritania
            speaker = _reporting_speaker(doc, token)
            if speaker is not None and (source is None or speaker.entity != source.entity):
                type_, act, hypothetical = "REQUEST", type_, False
                source, target = speaker, source
                source_token = None
        if kind.after_coding(doc, token, type_, row_type, hypothetical, source, source_token, target, target_token,
                             domain):
            return None
        values = {
            "bias": 1.0,
            "cameo_row": float(row.origin == "cameo"),
            "object_row": float(row.objects is not None),
            "noun": float(token.pos_ in ("NOUN", "PROPN")),
            "source": float(source is not None),
            "source_entity": float(source is not None and source.entity is not None),
            "target": float(target is not None),
            "target_entity": float(target is not None and target.entity is not None),
            "modal_type": float(type_ != row_type),
            "negated": float(flags.negated),
            "hypothetical": float(hypothetical),
            "future": float(flags.future),
            "reported": float(flags.reported),
            "main_clause": float(not _in_subordinate_clause(token, sent.root)),
            f"type_{type_}": 1.0,
        }
        values.update(features.context(doc, token, source, target, article_topic, self._types_of(token), values))
        values.update(sense.features(token))
        event = Event(
            type=type_,
            action=act if type_ != act else None,
            mode=row.mode,
            source=source,
            target=target,
            trigger=Span(start=start, end=end),
            date=_date(doc, token),
            place=_place(doc, token, target),
            negated=flags.negated,
            hypothetical=hypothetical,
            conditional=flags.conditional,
            future=flags.future,
            historical=flags.historical,
            reported=flags.reported,
            sentence=Span(start=sent.start_char, end=sent.end_char),
            cameo=cameo,
            component=NAME,
        )
        return event, values

    def _types_of(self, token: Token) -> int:
        """How many PLOVER types the lexicon rows of ``token``'s lemma code (a generic verb codes many)."""
        key = (token.lemma_.lower(), token.pos_)
        if key not in self._lemma_types:
            self._lemma_types[key] = len({row.type for row in self.index.get(key, ())})
        return self._lemma_types[key]

    @staticmethod
    def _actors(
        doc: Document, token: Token, type_: str, theme_object: bool
    ) -> tuple[Actor | None, Actor | None, Token | None, Token | None]:
        """Source, target, the target's token when the parse gave it (None when the
        target is the nearest named actor) and the source's token. ``theme_object``: the trigger's row named its
        object ("declare a state of emergency"), so the object is what is done, not whom it
        is done to."""
        if token.pos_ == "ADJ":
            source_token, target_token = actors.participle_actors(token)
        elif token.pos_ == "VERB" and actors.patient(token) is not None:
            source_token, target_token = actors.agent(token), actors.patient(token)
        elif token.pos_ == "VERB":
            source_token = actors.subject(token)
            target_token = actors.verb_target(token, "THEME" if theme_object else type_)
        else:
            source_token = actors.noun_source(token, type_)
            target_token = actors.noun_target(token, type_)
        if source_token is not None and source_token.i == token.i:
            source_token = None
        if target_token is not None and source_token is not None and target_token.i == source_token.i:
            target_token = None
        source = actors.resolve(doc, source_token)
        target = _target(doc, target_token) if target_token is not None else _nearest_target(doc, token, source)
        return source, target, target_token, source_token if source is not None else None


_SPEECH_LEMMAS = frozenset({"say", "tell", "insist", "add", "argue", "state", "declare", "write"})


def _intended_hostile_act(token: Token, index) -> str | None:
    """The hostile type of the act a verb of intent governs ("vowed to attack": ASSAULT)."""
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            found = lexicon.match(child, index)
            if found is not None and found[0].type in _HOSTILE:
                return found[0].type
    return None


def _must(token: Token) -> bool:
    return token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children)


def _reporting_speaker(doc: Document, token: Token) -> Actor | None:
    """Who says what ``token``'s clause states: the subject of the speech verb it hangs
    from ("..., the Prime Minister said"); None when it hangs from none."""
    head = token
    for _ in range(4):
        if head.head.i == head.i:
            break
        head = head.head
        if head.lemma_.lower() in _SPEECH_LEMMAS:
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return actors.resolve(doc, subject) if subject is not None else None
    return None


def _content_of_coded_act(token: Token, coded: dict[int, str]) -> bool:
    """True when ``token`` heads the content of a demand, refusal, accusation, intent or
    threat coded just above it ("demanded that the US match ...", "rejected a request to
    interrogate ...", "agreed to set up ..."): the content is that event's, not another one.
    The parse may hang the content as an adverbial clause ("called for the embargo to be
    lifted"; an infinitive one only under a request: "called on him to denounce", while
    "will meet to agree on support" is a purpose) or coordinate a second act with the first
    ("calling for him to apologise and withdraw it"); a verb coordinated with the coded act
    itself is an act of its own ("demanded ... and threatened ...")."""
    purpose = False
    for _ in range(3):
        if token.head.i == token.i:
            return False
        if token.dep_ == "conj":
            token = token.head
            continue
        purpose = purpose or _infinitive_clause(token)
        if token.dep_ not in ("xcomp", "ccomp", "acl", "relcl", "pcomp", "pobj", "prep", "dobj") \
                and not lexicon.for_clause(token) and not _infinitive_clause(token):
            return False
        token = token.head
        if coded.get(token.i) in (("REQUEST",) if purpose else _CONTENT_TYPES):
            return True
    return False


def _infinitive_clause(token: Token) -> bool:
    """An adverbial clause in the infinitive ("called on Mr Clarke to denounce ...")."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _restates(noun: Token, type_: str, coded: dict[int, str]) -> bool:
    """True when a noun trigger is the object of a verb already coded with the same type
    ("launch an attack", "impose sanctions"): one event, not two."""
    head = noun.head
    if head.dep_ == "prep":
        head = head.head
    return coded.get(head.i) == type_


def _nearest_target(doc: Document, token: Token, source: Actor | None) -> Actor | None:
    """When the parse gives no target: the first named actor after the trigger inside the
    trigger's own clause (its subtree), other than the source."""
    clause = token if token.pos_ == "VERB" else token.head
    for candidate in clause.subtree:
        if candidate.i <= token.i or candidate.ent_type_ not in ("GPE", "ORG", "PERSON", "NORP"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and candidate in c.subtree for c in clause.children):
            continue
        if _in_subordinate_clause(candidate, clause):
            continue
        actor = actors.resolve(doc, candidate)
        if actor is not None and actor.entity is not None and (source is None or actor.entity != source.entity):
            return actor
    return None


def _in_subordinate_clause(token: Token, clause: Token) -> bool:
    """True when ``token`` sits in a clause of its own below ``clause`` ("after Russia
    annexed ...", "which ..."), whose actors are not this event's."""
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ in ("advcl", "relcl", "ccomp", "acl", "csubj", "parataxis"):
            return True
        token = token.head
    return False


def _target(doc: Document, token: Token | None) -> Actor | None:
    """A target must name someone: an entity or a proper/plural noun phrase, not "help"."""
    actor = actors.resolve(doc, token)
    if actor is None or actor.entity is not None:
        return actor
    return actor if token is not None and actors.is_actor_like(token) else None


def _date(doc: Document, token: Token) -> str | None:
    """The resolved value of the date expression nearest the trigger in its clause."""
    clause = actors.governing_verb(token) if token.pos_ != "VERB" else token
    clause = clause or token
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    best, best_distance = None, None
    for date in doc.dates:
        if date.type not in ("DATE", "TIME") or not date.value or getattr(date, "caption", False):
            continue
        if not (start <= date.start < end) or date.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            continue
        distance = abs(date.start - token.idx)
        if best_distance is None or distance < best_distance:
            best, best_distance = date.value, distance
    return best


def _place(doc: Document, token: Token, target: Actor | None) -> str | None:
    """Where it happened: a location complement of the trigger, as an entity id or name."""
    where = actors.place_token(token)
    if where is None:
        return None
    entity = None
    for part in [where, *where.lefts]:
        entity = entity_at(doc, part.idx, part.idx + len(part))
        if entity is not None and entity.type in ("GPE", "LOC", "FAC"):
            break
        entity = None
    if entity is None:
        return None
    if target is not None and target.entity == entity.id:
        return None
    return entity.id


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None
