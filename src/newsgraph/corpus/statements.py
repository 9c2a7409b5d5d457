"""Statements: the figures and quotations of one article that claims are made of.

``of_record`` turns a stored record into statement rows, once per article:
- a *quantity statement* for each quantity with a counted object: its value, bounds and
  approximation, the object's key (``resources/claims/objects.tsv``: soldiers and troops
  are one key), and its context from the sentence it stands in: the places and actors
  named there (knowledge-base ids when the article resolved them, else folded names) and
  the PLOVER types of the events whose trigger is there, and its other content words;
- a *quote statement* for each direct or partial quotation of at least ``QUOTE_WORDS``
  words, with its folded wording and word 4-gram fingerprints (to find reuses);
- an *event statement* for each event with a trigger: who asserts it (the event claims
  are the event clusters; this says whose report each is).

Every statement says who asserts it (``attribution``): ``credited`` (the sentence credits
another outlet: "according to Reuters", "Reuters reported"), ``named`` (a quotation
around the figure names its speaker), ``anonymous`` ("an official who asked not to be
named", "sources said") or ``outlet`` (nobody else: the article's outlet itself).
"""

from __future__ import annotations

import hashlib
import re

from newsgraph.corpus.names import fold
from newsgraph.corpus.origins import outlets
from newsgraph.resources import table

QUOTE_WORDS = 5
GRAM = 4
CONTENT_LETTERS = 4
OBJECTS = "claims/objects.tsv"
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_ACTOR_TYPES = {"ORG", "PERSON", "NORP"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_ANONYMOUS = re.compile(
    r"\b(?:asked not to be (?:named|identified)|declined to be (?:named|identified)|on condition of anonymity"
    r"|speaking anonymously|did not want to be (?:named|identified)|not authori[sz]ed to speak"
    r"|(?:an?|one|two|three|several|some)\s+(?:[\w-]+\s+){0,2}(?:officials?|sources?|diplomats?|officers?|aides?)"
    r"|sources\s+(?:said|say|told|close))\b",
    re.IGNORECASE,
)


def _credit_pattern() -> re.Pattern:
    names = "|".join(re.escape(n) for n in sorted(outlets(), key=len, reverse=True))
    verbs = "reported|reports|said|says|quoted|cited"
    return re.compile(rf"\baccording to (?:the )?({names})\b|\b({names})(?: news agency)? (?:{verbs})\b")


def credited_outlet(sentence: str) -> str | None:
    """The outlet ``sentence`` credits ("according to Reuters", "AP reported"), or None."""
    m = _credit_pattern().search(sentence)
    return outlets()[m.group(1) or m.group(2)] if m else None


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (a punctuation and newline split)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.start() + 1))
        start = m.end()
    out.append((start, len(text)))
    return out


def _sentence_at(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in bounds:
        if s <= pos < e:
            return s, e
    return bounds[-1]


def object_key(obj: str) -> str:
    """The comparison key of a counted object (``soldiers`` -> ``troops``)."""
    word = fold(obj).split()[-1] if fold(obj) else ""
    keys = table(OBJECTS)
    if word in keys:
        return keys[word]
    singular = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
    return keys.get(singular, singular)


def content_words(text: str) -> list[str]:
    """The folded words of ``text`` of ``CONTENT_LETTERS`` letters or more, each once."""
    return sorted({w for w in fold(text).split() if len(w) >= CONTENT_LETTERS and not w.isdigit()})


def grams(norm: str) -> list[int]:
    """Fingerprints of the word ``GRAM``-grams of a folded quotation."""
    words = norm.split()
    return sorted({int.from_bytes(hashlib.sha1(" ".join(words[i : i + GRAM]).encode()).digest()[:8], "little") >> 1
                   for i in range(max(1, len(words) - GRAM + 1))})  # fmt: skip


def _entity_key(entity: dict) -> str:
    kb = entity.get("kb") or {}
    if kb.get("iso3166"):
        return "iso:" + str(kb["iso3166"])
    if kb.get("geonames"):
        return "gn:" + str(kb["geonames"])
    return fold(entity.get("name") or "")


def _context(record: dict, s: int, e: int) -> dict:
    places, actors, place_names, actor_names = set(), set(), set(), set()
    for ent in record.get("entities") or []:
        if any(s <= m["start"] and m["end"] <= e for m in ent.get("mentions") or []):
            if ent.get("type") in _PLACE_TYPES:
                places.add(_entity_key(ent))
                place_names.add(ent.get("name") or "")
            elif ent.get("type") in _ACTOR_TYPES:
                actors.add(_entity_key(ent))
                actor_names.add(ent.get("name") or "")
    types = {ev["type"] for ev in record.get("events") or [] if s <= ((ev.get("trigger") or {}).get("start") or -1) < e}
    names = [n for n in sorted(place_names) + sorted(actor_names - place_names) if n]  # places first
    return {"places": sorted(places), "actors": sorted(actors), "names": names, "event_types": sorted(types)}


def attribution(record: dict, span: tuple[int, int], sentence: tuple[int, int], outlet: str | None) -> tuple[str, str]:
    """``(kind, who)`` asserts the text at ``span``: ``credited``/outlet name, ``named``/
    speaker, ``anonymous``/``anonymous official`` or ``outlet``/the article's outlet."""
    text = record["text"][sentence[0] : sentence[1]]
    credited = credited_outlet(text)
    if credited:
        return "credited", credited
    for q in record.get("quotes") or []:
        if q.get("withheld"):
            continue  # "declined to say how many of the 300 jobs would go": nobody's figure
        speaker = (q.get("speaker") or {}).get("name")
        if speaker and q["start"] <= span[0] and span[1] <= q["end"]:
            if _ANONYMOUS.search(speaker) or _ANONYMOUS.search(text):
                return "anonymous", "anonymous official"
            return "named", speaker
    if _ANONYMOUS.search(text):
        return "anonymous", "anonymous official"
    return "outlet", outlet or "the outlet"


def of_record(record: dict, outlet: str | None) -> list[dict]:
    """The statement rows of one record (``outlet``: the article's, from ``origins``)."""
    text, doc_id = record["text"], record["id"]
    published = (record.get("metadata") or {}).get("published")
    bounds = sentences(text)
    rows = []
    for idx, q in enumerate(record.get("quantities") or []):
        if not q.get("object") or (q.get("value") is None and q.get("low") is None and q.get("high") is None):
            continue
        sent = _sentence_at(bounds, q["start"])
        kind, who = attribution(record, (q["start"], q["end"]), sent, outlet)
        rows.append({
            "doc_id": doc_id, "kind": "quantity", "idx": idx, "start": q["start"], "end": q["end"],
            "text": text[q["start"] : q["end"]], "bucket": f"{object_key(q['object'])}|{q.get('unit') or ''}",
            "value": q.get("value"), "low": q.get("low"), "high": q.get("high"), "approx": bool(q.get("approx")),
            "unit": q.get("unit"), "object": q["object"], "speaker": who, "attribution": kind,
            "credited": who if kind == "credited" else None, "published": published,
            "sentence_start": sent[0], "sentence_end": sent[1], **_context(record, *sent),
            "words": content_words(text[sent[0] : q["start"]] + " " + text[q["end"] : sent[1]]),
        })  # fmt: skip
    for idx, ev in enumerate(record.get("events") or []):
        trigger = ev.get("trigger") or {}
        if trigger.get("start") is None:
            continue
        sent = _sentence_at(bounds, trigger["start"])
        kind, who = attribution(record, (trigger["start"], trigger["end"]), sent, outlet)
        rows.append({
            "doc_id": doc_id, "kind": "event", "idx": idx, "start": trigger["start"], "end": trigger["end"],
            "text": text[trigger["start"] : trigger["end"]], "speaker": who, "attribution": kind,
            "credited": who if kind == "credited" else None, "published": published,
            "sentence_start": sent[0], "sentence_end": sent[1],
        })  # fmt: skip
    for idx, q in enumerate(record.get("quotes") or []):
        norm = fold(text[q["start"] : q["end"]])
        if q.get("kind") not in ("direct", "partial") or len(norm.split()) < QUOTE_WORDS:
            continue
        speaker = (q.get("speaker") or {}).get("name")
        sent = _sentence_at(bounds, q["start"])
        rows.append({
            "doc_id": doc_id, "kind": "quote", "idx": idx, "start": q["start"], "end": q["end"],
            "text": text[q["start"] : q["end"]], "norm": norm, "grams": grams(norm),
            "speaker": speaker, "attribution": "named" if speaker else "outlet", "published": published,
            "sentence_start": sent[0], "sentence_end": min(max(sent[1], q["end"]), len(text)),
            "names": [speaker] if speaker else [],
        })  # fmt: skip
    return rows
