"""Context features of a candidate event for its confidence (confidence.py).

Beyond what the coder saw of the trigger itself (table, row, type, modality, clause), the
confidence reads broad classes that separate real events from CAMEO verbs in other senses
on ordinary news (docs/events.md, "Precision on ordinary news"): who acts on whom (the
source's and target's sector and kind, whether both are political actors and distinct,
whether they are of different countries), what the article is about (the topic with most
distinct words: sport, entertainment, business, technology, world affairs) and how
generic the trigger word is (its English word frequency, and how many PLOVER types its
lexicon rows code). Nothing here names a word of one error.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.pipeline.bounded import WORDS
from newsgraph.pipeline.components.events import kind
from newsgraph.pipeline.document import Document
from newsgraph.record import Actor

# The record's sectors, grouped into the classes the confidence weighs.
_SECTOR_CLASS = {
    "government": "state", "military": "armed", "rebel": "armed", "opposition": "political",
    "elite": "political", "international organisation": "igo", "business": "private", "media": "private",
    "civilian": "civilian",
}
TOPICS = ("world", "sport", "entertainment", "tech", "business", "politics")
# Topics of ordinary news, where a CAMEO verb is more often no event: what the interactions read.
OFF_TOPICS = frozenset({"sport", "entertainment", "tech", "business", "politics"})
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
INTERACTIONS = ("ambiguous", "cameo", "cooperative", "no_pair", "reported", "unreal", "noun")
TOPIC_MIN_WORDS = 2  # distinct words of a topic before it can be the article's topic
ACTOR_CLASSES = ("state", "armed", "political", "igo", "private", "civilian", "other")
ACTOR_KINDS = ("person", "org", "country", "phrase")
FEATURES = (
    *(f"{role}_{c}" for role in ("src", "tgt") for c in (*ACTOR_CLASSES, *ACTOR_KINDS)),
    "src_political", "tgt_political", "political_pair", "foreign_pair", "same_country",
    *(f"topic_{t}" for t in TOPICS), "trigger_common", "lemma_many_types", "off_topic",
    *(f"off_topic_{i}" for i in INTERACTIONS),
)


def topic(counts: dict[str, int]) -> str | None:
    """The article's topic: the one with most distinct words (``kind.topic_counts``), when it
    has ``TOPIC_MIN_WORDS`` or more; ties go to the first in ``TOPICS``."""
    best = max(TOPICS, key=lambda t: counts.get(t, 0))
    return best if counts.get(best, 0) >= TOPIC_MIN_WORDS else None


def context(doc: Document, token: Token, source: Actor | None, target: Actor | None, article_topic: str | None,
            lemma_types: int, seen: dict[str, float]) -> dict[str, float]:
    """The context features of one candidate (names in ``FEATURES``; absent ones are 0).
    ``lemma_types``: how many PLOVER types the trigger lemma's lexicon rows code; ``seen``:
    the coder's own features of it (type, table, modality), for the off-topic interactions:
    in an article of ordinary news (``OFF_TOPICS``), an ambiguous or CAMEO-table trigger, a
    cooperative type, no political pair, a reported, future or hypothetical event, a noun."""
    out: dict[str, float] = {}
    political = []
    for role, actor in (("src", source), ("tgt", target)):
        if actor is None:
            political.append(False)
            continue
        out[f"{role}_{_SECTOR_CLASS.get(actor.sector or '', 'other')}"] = 1.0
        out[f"{role}_{_kind(doc, actor)}"] = 1.0
        is_political = kind._political(doc, actor)
        political.append(is_political)
        if is_political:
            out[f"{role}_political"] = 1.0
    distinct = source is not None and target is not None and (source.entity is None or source.entity != target.entity)
    if all(political) and distinct:
        out["political_pair"] = 1.0
    if source is not None and target is not None and source.country and target.country:
        out["foreign_pair" if source.country != target.country else "same_country"] = 1.0
    if article_topic is not None:
        out[f"topic_{article_topic}"] = 1.0
    out["trigger_common"] = _common(token.lemma_.lower())
    if lemma_types >= 3:
        out["lemma_many_types"] = 1.0
    if article_topic in OFF_TOPICS:
        out["off_topic"] = 1.0
        which = {
            "ambiguous": lemma_types >= 3,
            "cameo": seen.get("cameo_row", 0.0) > 0,
            "cooperative": any(seen.get(f"type_{t}") for t in _COOPERATIVE),
            "no_pair": "political_pair" not in out,
            "reported": seen.get("reported", 0.0) > 0,
            "unreal": seen.get("future", 0.0) > 0 or seen.get("hypothetical", 0.0) > 0,
            "noun": seen.get("noun", 0.0) > 0,
        }
        out.update({f"off_topic_{name}": 1.0 for name, on in which.items() if on})
    return out


def _kind(doc: Document, actor: Actor) -> str:
    entity = doc.entity_by_id(actor.entity) if actor.entity else None
    if entity is None:
        return "phrase"
    return {"PERSON": "person", "ORG": "org", "GPE": "country", "NORP": "country"}.get(entity.type, "phrase")


@lru_cache(maxsize=WORDS)  # keyed by the lemmas met: capped (pipeline/bounded.py)
def _common(lemma: str) -> float:
    """How common the word is in English, from 0 (rare, Zipf <= 3) to 1 (Zipf >= 6: "give", "make")."""
    from wordfreq import zipf_frequency

    return round(min(1.0, max(0.0, (zipf_frequency(lemma, "en") - 3.0) / 3.0)), 3)
