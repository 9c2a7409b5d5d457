"""The annotation kinds, described once: the table every module that handles "each kind"
iterates over.

A kind is one annotation field of the record (``entities``, ``quotes``, ... ``notes``).
``KINDS`` says, for each, everything the rest of newsgraph needs to know about it: its
record field and type, its spans (checked by ``validate``), how ``Document.to_record``
orders it, the store tables its rows go to and how they are built (``store.rows``), how
the article view highlights it (``web.highlight``) and how the terminal summary shows it
(``summary``). The functions below are the kind-specific parts those modules call; they
work on the record (a ``Record``) or, for the store and the web view, on the record as
JSON builtins (a dict), which may come from an older or newer pipeline, hence ``.get``.

Adding a kind: add its struct and field to ``record.py``, its field to ``Document``, one
``Kind`` here, a migration for its table in ``store/schema.py``, and a colour in
``web/static/app.css`` (docs/architecture.md, "Adding an annotation kind").

Layer 0: imports ``newsgraph.record`` and the standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote as urlquote

import newsgraph.record as rec
from newsgraph.record import Record

# (where, start, end, claimed): a span and the exact text it claims to cover (or None)
SpanCheck = tuple[str, int, int, str | None]
# (where, entity id or name, must): an entity reference (see validate.references)
Reference = tuple[str, str | None, bool]
# (start, end, mark, label, attrs): one highlight; ``mark`` names the CSS class hl-<mark>
Mark = tuple[int, int, str, str, dict[str, str]]
# table -> rows
Rows = dict[str, list[dict]]


@dataclass(frozen=True)
class Highlight:
    """How the article view marks a kind. ``marks`` are the ``data-kind`` values (and CSS
    classes ``hl-<mark>``, coloured by ``--<mark>`` in web/static/app.css) it draws, the
    first being the kind's own; ``rank`` orders kinds when spans start and end together
    (lower is drawn outside). ``spans(record, names, links)``: ``names`` maps entity ids to
    display names, ``links`` entity ids to graph entities."""

    marks: tuple[str, ...]
    rank: int
    spans: Callable[[dict, dict[str, str], dict[str, dict]], Iterator[Mark]]


@dataclass(frozen=True)
class Summary:
    """How the terminal summary shows a kind: a table ``title`` with ``columns``, one row
    of cells per item (``row(record, item)``), tables in ``rank`` order."""

    title: str
    columns: tuple[str, ...]
    row: Callable[[Record, Any], tuple[str, ...]]
    rank: int


@dataclass(frozen=True)
class Kind:
    """One annotation kind. ``field`` is its name on ``Record`` and ``Document``; ``type``
    the struct of one item; ``many``: a list of them (else one value or None)."""

    field: str
    type: type
    description: str
    many: bool = True
    sort_key: Callable[[Any], Any] | None = None  # to_record's order; None keeps the component's
    spans: Callable[[Record], Iterator[SpanCheck]] | None = None
    references: Callable[[Record], Iterator[Reference]] | None = None
    tables: tuple[str, ...] = ()  # per-document store tables its rows go to
    rows: Callable[[str, Any, str], Rows] | None = None  # (doc_id, value, text) -> rows
    document_columns: Callable[[Any], dict] | None = None  # columns on the documents row
    highlight: Highlight | None = None
    summary: Summary | None = None
    summary_line: Callable[[Any], str] | None = None  # one line after the tables

    def value(self, record: Record) -> Any:
        return getattr(record, self.field)

    def items(self, record: Record) -> list:
        """The kind's items in ``record`` (a list even for a single-valued kind)."""
        value = getattr(record, self.field)
        return list(value) if self.many else ([] if value is None else [value])


# --- shared helpers -------------------------------------------------------------------


def _slice(text: str, start: Any, end: Any) -> str | None:
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
        return text[start:end]
    return None


def _snippet(text: str, start: int | None, end: int | None, width: int = 90) -> str:
    if start is None or end is None:
        return ""
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def entity_name(record: Record, ref: str | None) -> str:
    """The name of entity ``ref`` of ``record``; ``ref`` itself when it is a plain name."""
    if ref is None:
        return ""
    for e in record.entities:
        if e.id == ref:
            return e.name
    return ref


def _start_end(x: Any) -> tuple[int, int]:
    return (x.start, x.end)


MODALITY_FLAGS = ("negated", "hypothetical", "future", "historical", "reported")


# --- noise ---------------------------------------------------------------------------


def _noise_key(noise: rec.Noise) -> tuple[int, int]:
    start = noise.start if noise.start is not None else -1
    raw = noise.raw_start if noise.raw_start is not None else -1
    return (start, raw)


# Noise the cleaner repairs in place: the span covers the repair when the text was
# cleaned, the broken original when it was analysed verbatim.
REPAIRED_IN_PLACE = frozenset({"mojibake", "html_entity"})


def _noise_spans(record: Record) -> Iterator[SpanCheck]:
    for i, n in enumerate(record.noise):
        if n.start is not None and n.end is not None:
            # a repair holds its repair in the text, verbatim analysis the original; a byte
            # decoded as a guess (encoding) is always the character used
            repaired = n.kind == "encoding" or (
                n.kind in REPAIRED_IN_PLACE and record.text[n.start : n.end] == n.suggestion
            )
            yield f"noise[{i}] {n.kind}", n.start, n.end, n.suggestion if repaired else n.text


def _noise_rows(doc_id: str, items: list[dict], text: str) -> Rows:
    return {"noise": [
        {"doc_id": doc_id, "idx": i, "kind": n.get("kind"), "text": n.get("text"),
         "start": n.get("start"), "end": n.get("end"), "suggestion": n.get("suggestion"),
         "raw_start": n.get("raw_start"), "raw_end": n.get("raw_end"), "component": n.get("component")}
        for i, n in enumerate(items)
    ]}  # fmt: skip


def _noise_marks(record: dict, names: dict, links: dict) -> Iterator[Mark]:
    for noise in record.get("noise") or []:
        if noise.get("start") is not None and noise.get("end") is not None:
            hint = f" -> {noise['suggestion']}" if noise.get("suggestion") else ""
            yield noise["start"], noise["end"], "noise", f"noise: {noise['kind']}{hint}", {}


# --- entities ------------------------------------------------------------------------


def _entity_spans(record: Record) -> Iterator[SpanCheck]:
    for e in record.entities:
        for j, m in enumerate(e.mentions):
            yield f"entity {e.id} mention[{j}]", m.start, m.end, None
        for j, r in enumerate(e.roles):
            if r.evidence is not None:
                yield f"entity {e.id} role[{j}]", r.evidence.start, r.evidence.end, None


def _entity_references(record: Record) -> Iterator[Reference]:
    for e in record.entities:
        for j, r in enumerate(e.roles):
            yield f"entity {e.id} role[{j}] of", r.of, False


def _entity_rows(doc_id: str, entities: list[dict], text: str) -> Rows:
    rows, mentions = [], []
    for e in entities:
        spans = e.get("mentions") or []
        rows.append(
            {
                "doc_id": doc_id, "entity_id": e.get("id"), "type": e.get("type"), "name": e.get("name"),
                "kb": json.dumps(e.get("kb") or {}, sort_keys=True),
                "roles": json.dumps(e.get("roles") or []),
                "aliases": list(e.get("aliases") or []), "country": e.get("country"),
                "n_mentions": len(spans), "component": e.get("component"),
            }
        )  # fmt: skip
        for m in spans:
            mentions.append(
                {"doc_id": doc_id, "entity_id": e.get("id"), "start": m.get("start"), "end": m.get("end"),
                 "text": _slice(text, m.get("start"), m.get("end"))}
            )  # fmt: skip
    return {"entities": rows, "mentions": mentions}


def _entity_marks(record: dict, names: dict, links: dict) -> Iterator[Mark]:
    for ent in record.get("entities") or []:
        roles = ", ".join(r.get("title") or "" for r in ent.get("roles") or [])
        label = f"{ent['type']}: {ent['name']}" + (f" ({roles})" if roles else "")
        attrs = {"type": ent["type"], "href": "/entity?name=" + urlquote(names[ent["id"]], safe="")}
        for m in ent.get("mentions") or []:
            yield m["start"], m["end"], "entity", label, dict(attrs)


def _entity_row(record: Record, e: rec.Entity) -> tuple[str, ...]:
    return (e.type, e.name, str(len(e.mentions)),
            "; ".join(r.title + (f" of {entity_name(record, r.of)}" if r.of else "") for r in e.roles),
            ", ".join(f"{k}={v}" for k, v in e.kb.items()))  # fmt: skip


# --- quotes --------------------------------------------------------------------------


def _quote_spans(record: Record) -> Iterator[SpanCheck]:
    for i, q in enumerate(record.quotes):
        yield f"quote[{i}]", q.start, q.end, None
        if q.cue is not None:
            yield f"quote[{i}] cue", q.cue.start, q.cue.end, None
        s = q.speaker
        if s is not None and s.start is not None and s.end is not None:
            yield f"quote[{i}] speaker", s.start, s.end, None


def _quote_references(record: Record) -> Iterator[Reference]:
    for i, q in enumerate(record.quotes):
        if q.speaker is not None:
            yield f"quote[{i}] speaker", q.speaker.entity, True


def _quote_rows(doc_id: str, items: list[dict], text: str) -> Rows:
    rows = []
    for i, q in enumerate(items):
        speaker = q.get("speaker") or {}
        cue = q.get("cue") or {}
        rows.append({
            "doc_id": doc_id, "idx": i, "start": q.get("start"), "end": q.get("end"), "kind": q.get("kind"),
            "text": _slice(text, q.get("start"), q.get("end")),
            "speaker_entity": speaker.get("entity"), "speaker_name": speaker.get("name"),
            "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
            "cue_start": cue.get("start"), "cue_end": cue.get("end"),
            "cue": _slice(text, cue.get("start"), cue.get("end")), "component": q.get("component"),
            "cue_confidence": q.get("cue_confidence"),
            # record schema 1.5; a record from before it has no key: not withheld
            "withheld": bool(q.get("withheld")),
        })  # fmt: skip
    return {"quotes": rows}


def _quote_marks(record: dict, names: dict, links: dict) -> Iterator[Mark]:
    for q in record.get("quotes") or []:
        speaker = q.get("speaker") or {}
        who = names.get(speaker.get("entity")) or speaker.get("name")
        # Linked by the resolved graph entity only: a name as written ("A spokesman") links nowhere.
        gid = (links.get(speaker.get("entity")) or {}).get("gid")
        title = f"{q['kind']} quote by {who or 'unknown speaker'}"
        if q.get("cue_confidence") is not None:
            # A cue the trained model found, not a reporting verb: say how sure it was.
            title += f" (learned cue, model confidence {q['cue_confidence']:.2f})"
        if q.get("withheld"):
            # The content names what the speaker declined or failed to say, not what was said.
            title += " (withheld: the speaker declined to say it)"
        yield (q["start"], q["end"], "quote", title,
               {"href": "/quotes?speaker_id=" + urlquote(gid, safe="")} if gid else {})  # fmt: skip
        if speaker.get("start") is not None and speaker.get("end") is not None:
            yield speaker["start"], speaker["end"], "speaker", f"speaker: {who}", {}


def _quote_row(record: Record, q: rec.Quote) -> tuple[str, ...]:
    kind = f"{q.kind} (withheld)" if q.withheld else q.kind  # the text names what was not said
    return (kind, (q.speaker.name or "?") if q.speaker else "(unknown)", _snippet(record.text, q.start, q.end))


# --- quantities ----------------------------------------------------------------------


def _quantity_spans(record: Record) -> Iterator[SpanCheck]:
    for i, q in enumerate(record.quantities):
        yield f"quantity[{i}]", q.start, q.end, None
        if q.object_span is not None:
            yield f"quantity[{i}] object", q.object_span.start, q.object_span.end, q.object


def _quantity_rows(doc_id: str, items: list[dict], text: str) -> Rows:
    return {"quantities": [
        {"doc_id": doc_id, "idx": i, "start": q.get("start"), "end": q.get("end"),
         "text": _slice(text, q.get("start"), q.get("end")), "value": q.get("value"),
         "low": q.get("low"), "high": q.get("high"), "approx": q.get("approx"), "unit": q.get("unit"),
         "object": q.get("object"), "component": q.get("component")}
        for i, q in enumerate(items)
    ]}  # fmt: skip


def _quantity_marks(record: dict, names: dict, links: dict) -> Iterator[Mark]:
    for x in record.get("quantities") or []:
        yield x["start"], x["end"], "quantity", f"quantity: {quantity_phrase(x)}", {}


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def quantity_phrase(q: dict) -> str:
    """A quantity (record or store row: ``value``, ``low``, ``high``, ``approx``, ``unit``,
    ``object``) as an analyst reads it: "up to 40,000 troops", "about 5,000", "between
    4,000 and 5,000 people", "€8 million", "at least 12%". The raw numbers stay in the data."""
    value, low, high, unit = q.get("value"), q.get("low"), q.get("high"), q.get("unit")
    amount = lambda n: _amount(n, unit)  # noqa: E731
    if low is not None and high is not None and low != high:
        text = f"between {amount(low)} and {amount(high)}"
    elif high is not None and low is None:
        text = f"up to {amount(high)}"
    elif low is not None and high is None:
        text = f"at least {amount(low)}"
    else:
        number = value if value is not None else low
        text = ("about " if q.get("approx") else "") + (amount(number) if number is not None else "?")
    return f"{text} {q.get('object') or ''}".strip()


def _amount(n: float, unit: str | None) -> str:
    """``n`` with thousands separators (or a scale word from a million up), with its unit:
    a currency sign before it, a per cent sign or the unit's name after it."""
    number = f"{n:,.2f}".rstrip("0").rstrip(".")
    for size, word in _SCALES:
        if abs(n) >= size and round(n / size, 2) * size == n:
            number = f"{n / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    if not unit:
        return number
    currency, _, rest = unit.partition(" ")  # "USD per barrel"
    if currency in _CURRENCY_SIGNS:
        return f"{_CURRENCY_SIGNS[currency]}{number}" + (f" {rest}" if rest else "")
    return f"{number}%" if unit == "percent" else f"{number} {unit}"


def _quantity_row(record: Record, q: rec.Quantity) -> tuple[str, ...]:
    return (_snippet(record.text, q.start, q.end), _num(q.value),
            f"{_num(q.low)}..{_num(q.high)}" if q.low is not None or q.high is not None else "",
            "~" if q.approx else "", q.unit or "", q.object or "")  # fmt: skip


# --- dates ---------------------------------------------------------------------------


def _date_spans(record: Record) -> Iterator[SpanCheck]:
    for i, d in enumerate(record.dates):
        yield f"date[{i}]", d.start, d.end, None


def _date_rows(doc_id: str, items: list[dict], text: str) -> Rows:
    return {"dates": [
        {"doc_id": doc_id, "idx": i, "start": d.get("start"), "end": d.get("end"),
         "text": _slice(text, d.get("start"), d.get("end")), "value": d.get("value"),
         "type": d.get("type"), "reason": d.get("reason"), "component": d.get("component")}
        for i, d in enumerate(items)
    ]}  # fmt: skip


def _date_marks(record: dict, names: dict, links: dict) -> Iterator[Mark]:
    for d in record.get("dates") or []:
        yield d["start"], d["end"], "date", f"{d.get('type')}: {d.get('value') or 'unresolved'}", {}


def _date_row(record: Record, d: rec.DateExpr) -> tuple[str, ...]:
    return (_snippet(record.text, d.start, d.end), d.type, d.value or f"(null: {d.reason or 'unresolved'})")


# --- places --------------------------------------------------------------------------


def _place_spans(record: Record) -> Iterator[SpanCheck]:
    for i, p in enumerate(record.places):
        for j, m in enumerate(p.mentions):
            yield f"place[{i}] mention[{j}]", m.start, m.end, None


def _place_references(record: Record) -> Iterator[Reference]:
    for i, p in enumerate(record.places):
        yield f"place[{i}] entity", p.entity, True


def _place_rows(doc_id: str, items: list[dict], text: str) -> Rows:
    rows = []
    for i, p in enumerate(items):
        spans = p.get("mentions") or []
        rows.append({
            "doc_id": doc_id, "idx": i, "entity_id": p.get("entity"), "name": p.get("name"),
            "lat": p.get("lat"), "lon": p.get("lon"), "geonames_id": p.get("geonames_id"),
            "country": p.get("country"), "feature": p.get("feature"),
            "first_start": min((m.get("start") for m in spans), default=None), "n_mentions": len(spans),
            "confidence": p.get("confidence"), "resolved": p.get("resolved"), "component": p.get("component"),
        })  # fmt: skip
    return {"places": rows}


def _place_marks(record: dict, names: dict, links: dict) -> Iterator[Mark]:
    for place in record.get("places") or []:
        where = f"{place.get('lat')}, {place.get('lon')}" if place.get("lat") is not None else "unresolved"
        label = f"place: {place['name']} ({place.get('country') or '?'}; {where})"
        for m in place.get("mentions") or []:
            yield m["start"], m["end"], "place", label, {}


def _place_row(record: Record, p: rec.Place) -> tuple[str, ...]:
    return (p.name, p.country or "", p.feature or "",
            f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "unresolved",
            str(p.geonames_id or ""))  # fmt: skip


# --- events --------------------------------------------------------------------------


def _event_key(e: rec.Event) -> tuple[int, str]:
    return (e.trigger.start, e.type)


def _event_spans(record: Record) -> Iterator[SpanCheck]:
    for i, ev in enumerate(record.events):
        yield f"event[{i}] trigger", ev.trigger.start, ev.trigger.end, None
        if ev.sentence is not None:
            yield f"event[{i}] sentence", ev.sentence.start, ev.sentence.end, None


def _event_references(record: Record) -> Iterator[Reference]:
    for i, ev in enumerate(record.events):
        for side, actor in (("source", ev.source), ("target", ev.target)):
            if actor is not None:
                yield f"event[{i}] {side}", actor.entity, True
        yield f"event[{i}] place", ev.place, False


def _event_rows(doc_id: str, items: list[dict], text: str) -> Rows:
    rows = []
    for i, e in enumerate(items):
        source, target, trigger = e.get("source") or {}, e.get("target") or {}, e.get("trigger") or {}
        rows.append({
            "doc_id": doc_id, "idx": i, "type": e.get("type"), "mode": e.get("mode"),
            "source_entity": source.get("entity"), "source_name": source.get("name"),
            "source_country": source.get("country"),
            "target_entity": target.get("entity"), "target_name": target.get("name"),
            "target_country": target.get("country"),
            "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
            "trigger": _slice(text, trigger.get("start"), trigger.get("end")),
            "date": e.get("date"), "place": e.get("place"),
            "negated": e.get("negated"), "hypothetical": e.get("hypothetical"), "future": e.get("future"),
            "historical": e.get("historical"), "reported": e.get("reported"), "component": e.get("component"),
        })  # fmt: skip
    return {"events": rows}


def _event_marks(record: dict, names: dict, links: dict) -> Iterator[Mark]:
    for ev in record.get("events") or []:
        trig = ev.get("trigger") or {}
        if trig.get("start") is None:
            continue
        flags = [f for f in MODALITY_FLAGS if ev.get(f)]
        who = (
            f"{(ev.get('source') or {}).get('name') or '?'} -> {(ev.get('target') or {}).get('name') or '?'}"
        )
        label = f"event {ev['type']}: {who}" + (f" [{', '.join(flags)}]" if flags else "")
        yield trig["start"], trig["end"], "event", label, {}


def _event_row(record: Record, ev: rec.Event) -> tuple[str, ...]:
    return (ev.type, (ev.source.name or "") if ev.source else "", (ev.target.name or "") if ev.target else "",
            _snippet(record.text, ev.trigger.start, ev.trigger.end), ev.date or "",
            ", ".join(f for f in MODALITY_FLAGS if getattr(ev, f)))  # fmt: skip


# --- relations -----------------------------------------------------------------------


def _relation_spans(record: Record) -> Iterator[SpanCheck]:
    for i, r in enumerate(record.relations):
        yield f"relation[{i}]", r.evidence.start, r.evidence.end, None


def _relation_references(record: Record) -> Iterator[Reference]:
    for i, r in enumerate(record.relations):
        yield f"relation[{i}] subject", r.subject, False
        yield f"relation[{i}] object", r.object, False


def _relation_rows(doc_id: str, items: list[dict], text: str) -> Rows:
    rows = []
    for i, r in enumerate(items):
        evidence = r.get("evidence") or {}
        rows.append({
            "doc_id": doc_id, "idx": i, "type": r.get("type"), "subject": r.get("subject"),
            "object": r.get("object"), "evidence_start": evidence.get("start"),
            "evidence_end": evidence.get("end"), "component": r.get("component"),
        })  # fmt: skip
    return {"relations": rows}


def _relation_row(record: Record, r: rec.Relation) -> tuple[str, ...]:
    return (entity_name(record, r.subject), r.type, entity_name(record, r.object))


# --- tone ----------------------------------------------------------------------------


def _tone_spans(record: Record) -> Iterator[SpanCheck]:
    for i, w in enumerate(record.tone.words if record.tone is not None else ()):
        yield f"tone word[{i}]", w.start, w.end, w.text


def _tone_columns(tone: dict | None) -> dict:
    tone = tone or {}
    return {"tone": tone.get("tone"), "tone_polarity": tone.get("polarity")}


def _tone_line(t: rec.Tone) -> str:
    return f"Tone {t.tone:+.1f} (positive {t.positive:.1f}%, negative {t.negative:.1f}% of {t.word_count} words)"


# --- the table -----------------------------------------------------------------------

KINDS: tuple[Kind, ...] = (
    Kind(
        "noise", rec.Noise, "scrape noise found by the cleaner",
        sort_key=_noise_key, spans=_noise_spans, tables=("noise",), rows=_noise_rows,
        highlight=Highlight(("noise",), 7, _noise_marks),
        summary=Summary("Noise", ("kind", "text", "suggestion"),
                        lambda r, n: (n.kind, _snippet(n.text, 0, len(n.text), 70), n.suggestion or ""), 7),
    ),
    Kind(
        "entities", rec.Entity, "entities with their mentions, roles, aliases and kb ids",
        spans=_entity_spans, references=_entity_references, tables=("entities", "mentions"), rows=_entity_rows,
        highlight=Highlight(("entity",), 0, _entity_marks),
        summary=Summary("Entities", ("type", "name", "mentions", "offices", "kb"), _entity_row, 0),
    ),
    Kind(
        "quotes", rec.Quote, "quotes",
        sort_key=_start_end, spans=_quote_spans, references=_quote_references, tables=("quotes",),
        rows=_quote_rows, highlight=Highlight(("quote", "speaker"), 2, _quote_marks),
        summary=Summary("Quotes", ("kind", "speaker", "quote"), _quote_row, 1),
    ),
    Kind(
        "quantities", rec.Quantity, "quantities",
        sort_key=_start_end, spans=_quantity_spans, tables=("quantities",), rows=_quantity_rows,
        highlight=Highlight(("quantity",), 3, _quantity_marks),
        summary=Summary("Quantities", ("text", "value", "range", "approx", "unit", "object"), _quantity_row, 2),
    ),
    Kind(
        "dates", rec.DateExpr, "temporal expressions",
        sort_key=_start_end, spans=_date_spans, tables=("dates",), rows=_date_rows,
        highlight=Highlight(("date",), 4, _date_marks),
        summary=Summary("Dates", ("text", "type", "value"), _date_row, 3),
    ),
    Kind(
        "places", rec.Place, "resolved places",
        spans=_place_spans, references=_place_references, tables=("places",), rows=_place_rows,
        highlight=Highlight(("place",), 1, _place_marks),
        summary=Summary("Places", ("name", "country", "feature", "lat, lon", "geonames"), _place_row, 4),
    ),
    Kind(
        "events", rec.Event, "coded events",
        sort_key=_event_key, spans=_event_spans, references=_event_references, tables=("events",),
        rows=_event_rows, highlight=Highlight(("event",), 5, _event_marks),
        summary=Summary("Events", ("type", "source", "target", "trigger", "date", "modality"), _event_row, 5),
    ),
    Kind(
        "relations", rec.Relation, "relations between entities and places",
        spans=_relation_spans, references=_relation_references, tables=("relations",), rows=_relation_rows,
        summary=Summary("Relations", ("subject", "relation", "object"), _relation_row, 6),
    ),
    Kind(
        "tone", rec.Tone, "the article's tone", many=False,
        spans=_tone_spans, document_columns=_tone_columns, summary_line=_tone_line,
    ),
    Kind("notes", rec.Note, "record-level notes (written by the pipeline, never by a component)"),
)  # fmt: skip

BY_FIELD: dict[str, Kind] = {k.field: k for k in KINDS}

# The per-document store tables the kinds fill, in table order.
KIND_TABLES: tuple[str, ...] = tuple(t for k in KINDS for t in k.tables)

# The kinds the article view highlights, outermost first when spans coincide, and the
# marks (data-kind values) they draw in that order.
HIGHLIGHT_KINDS: tuple[Kind, ...] = tuple(sorted((k for k in KINDS if k.highlight), key=lambda k: k.highlight.rank))
HIGHLIGHT_MARKS: tuple[str, ...] = tuple(m for k in HIGHLIGHT_KINDS for m in k.highlight.marks)

# The kinds with a summary table, in display order.
SUMMARY_KINDS: tuple[Kind, ...] = tuple(sorted((k for k in KINDS if k.summary), key=lambda k: k.summary.rank))
