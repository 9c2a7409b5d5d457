"""Relations the text states between places: ``borders`` and ``part_of``, with evidence.

- borders: "A borders B, C to the east and D", "A, which borders B", "A is bordered by B",
  "A's border with B", "A shares a border with B", "A's neighbour B".
- part_of: "B, A" written as an administrative qualifier ("Krasnohorivka, Donetsk Oblast"),
  the possessive "A's B" ("Russia's Kaliningrad region"), and "B in (eastern) A", each only
  when the gazetteer agrees that B lies in A.
Subjects and objects are entity ids when the mention belongs to an entity, else place names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.pipeline.components.places.recognize import Toponym
from newsgraph.pipeline.components.places.resolve import Resolution, contains
from newsgraph.record import Relation, Span
from newsgraph.resources.geonames import GeoPlace

COMPONENT = "newsgraph.places.v1"
_BORDER_VERB = re.compile(r"\b(?:borders|bordering|bordered(?: by| on)?|borders on)\b", re.IGNORECASE)
_BORDER_NOUN = re.compile(r"\b(?:border|frontier|boundary)\s+with\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['’]s\s+$")
_NEIGHBOUR = re.compile(r"^['’]s\s+(?:\w+\s+)?neighbou?rs?\s+(?:of\s+)?$", re.IGNORECASE)
_IN = re.compile(
    r"^\s+in\s+(?:the\s+)?(?:(?:north|south)?(?:east|west)?(?:ern)?\s+|northern\s+|southern\s+|central\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bbut\b|\bwhere\b")


@dataclass
class Mention:
    """A resolved toponym in reading order, with the id relations use for it."""

    top: Toponym
    place: GeoPlace
    ref: str


def _relation(kind: str, subj: Mention, obj: Mention, start: int, end: int) -> Relation:
    return Relation(
        type=kind, subject=subj.ref, object=obj.ref, evidence=Span(start=start, end=end), component=COMPONENT
    )


def _regionish(place: GeoPlace) -> bool:
    """Places that can share a border: not towns."""
    return not place.is_town


def part_of_relations(mentions: list[Mention], resolutions: list[Resolution], text: str) -> list[Relation]:
    """part_of from qualifiers, possessives and 'B in A' (gazetteer-confirmed)."""
    out = []
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        gap = text[a.top.end : b.top.start]
        if "," in gap and gap.strip() == "," and contains(b.place, a.place):
            out.append(_relation("part_of", a, b, a.top.start, b.top.end))
        elif _POSSESSIVE.match(gap) and (contains(a.place, b.place) or _curated_in(a.place, b.place)):
            out.append(_relation("part_of", b, a, a.top.start, b.top.end))
        elif _IN.match(gap) and contains(b.place, a.place):
            out.append(_relation("part_of", a, b, a.top.start, b.top.end))
    return out


def _curated_in(outer: GeoPlace, inner: GeoPlace) -> bool:
    """A curated physical feature (peninsula, region) tagged with ``outer``'s country."""
    return outer.is_country and not inner.is_town and not inner.is_country and inner.country == outer.country


def border_relations(mentions: list[Mention], sentences: list[tuple[int, int]], text: str) -> list[Relation]:
    """borders relations stated inside one sentence."""
    out = []
    for s_start, s_end in sentences:
        inside = [m for m in mentions if s_start <= m.top.start and m.top.end <= s_end]
        if len(inside) < 2:
            continue
        sentence = text[s_start:s_end]
        for match in list(_BORDER_VERB.finditer(sentence)) + list(_BORDER_NOUN.finditer(sentence)):
            out.extend(_borders_at(inside, s_start + match.start(), s_start + match.end(), s_end, text))
        for k in range(len(inside) - 1):
            a, b = inside[k], inside[k + 1]
            if _NEIGHBOUR.match(text[a.top.end : b.top.start]) and a.place.is_country and b.place.is_country:
                out.append(_relation("borders", a, b, a.top.start, b.top.end))
    return _dedupe(out)


def _borders_at(inside: list[Mention], t_start: int, t_end: int, s_end: int, text: str) -> list[Relation]:
    """borders(subject, each object) around one trigger at ``[t_start, t_end)``."""
    before = [m for m in inside if m.top.end <= t_start and _regionish(m.place)]
    if not before:
        return []
    subject = before[-1]
    # "Lithuania's border with": the possessor is the subject; "Russia's Kaliningrad region"
    # after the trigger: the possessed region is the object, not Russia.
    clause_end = s_end
    brk = _CLAUSE_BREAK.search(text, t_end, s_end)
    if brk:
        clause_end = brk.start()
    after = [m for m in inside if m.top.start >= t_end and m.top.end <= clause_end and _regionish(m.place)]
    objects = []
    for k, m in enumerate(after):
        nxt = after[k + 1] if k + 1 < len(after) else None
        if nxt is not None and _POSSESSIVE.match(text[m.top.end : nxt.top.start]):
            continue
        if m.place.geonames_id != subject.place.geonames_id:
            objects.append(m)
    return [_relation("borders", subject, o, subject.top.start, o.top.end) for o in objects]


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in relations:
        key = (r.type, r.subject, r.object)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
