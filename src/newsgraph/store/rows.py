"""Flatten one record (as plain JSON builtins) into rows for each store table.

Rows are built with ``dict.get`` so a record written by an older or newer pipeline (a
missing or an added field) still flattens; the full record JSON is kept on the document
row, so nothing the typed columns do not cover is lost.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    PACKAGE_VERSION = version("newsgraph")
except PackageNotFoundError:  # running from a source tree that is not installed
    PACKAGE_VERSION = "0+unknown"


def flatten(record: dict[str, Any], record_json: str, minhash: list[int] | None = None) -> dict[str, list[dict]]:
    """Rows per table for one record: ``{"documents": [row], "entities": [...], ...}``.

    ``record`` is the record as builtins, ``record_json`` its JSON text (stored verbatim),
    ``minhash`` the document's MinHash signature when the worker computed one.
    """
    doc_id = record["id"]
    text = record.get("text") or ""
    meta = record.get("metadata") or {}
    tone = record.get("tone") or {}
    rows: dict[str, list[dict]] = {
        "documents": [
            {
                "id": doc_id,
                "title": meta.get("title"),
                "published": meta.get("published"),
                "url": meta.get("url"),
                "source": meta.get("source"),
                "dateline": meta.get("dateline"),
                "byline": meta.get("byline"),
                "language": meta.get("language"),
                "text": text,
                "n_chars": len(text),
                "tone": tone.get("tone"),
                "tone_polarity": tone.get("polarity"),
                "schema_version": record.get("schema_version"),
                "pipeline": list(record.get("pipeline") or []),
                "record": record_json,
            }
        ],
        "noise": [_noise(doc_id, i, n) for i, n in enumerate(record.get("noise") or [])],
        "quotes": [_quote(doc_id, i, q, text) for i, q in enumerate(record.get("quotes") or [])],
        "quantities": [_quantity(doc_id, i, q, text) for i, q in enumerate(record.get("quantities") or [])],
        "dates": [_date(doc_id, i, d, text) for i, d in enumerate(record.get("dates") or [])],
        "places": [_place(doc_id, i, p) for i, p in enumerate(record.get("places") or [])],
        "events": [_event(doc_id, i, e, text) for i, e in enumerate(record.get("events") or [])],
        "relations": [_relation(doc_id, i, r) for i, r in enumerate(record.get("relations") or [])],
        "provenance": [_provenance(doc_id, name) for name in record.get("pipeline") or []],
        "doc_minhash": [{"doc_id": doc_id, "hashes": minhash}] if minhash else [],
    }
    rows["entities"], rows["mentions"] = _entities(doc_id, record.get("entities") or [], text)
    return rows


def _slice(text: str, start: Any, end: Any) -> str | None:
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
        return text[start:end]
    return None


def _noise(doc_id: str, i: int, n: dict) -> dict:
    return {
        "doc_id": doc_id, "idx": i, "kind": n.get("kind"), "text": n.get("text"),
        "start": n.get("start"), "end": n.get("end"), "suggestion": n.get("suggestion"),
        "raw_start": n.get("raw_start"), "raw_end": n.get("raw_end"), "component": n.get("component"),
    }  # fmt: skip


def _entities(doc_id: str, entities: list[dict], text: str) -> tuple[list[dict], list[dict]]:
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
    return rows, mentions


def _quote(doc_id: str, i: int, q: dict, text: str) -> dict:
    speaker = q.get("speaker") or {}
    cue = q.get("cue") or {}
    return {
        "doc_id": doc_id, "idx": i, "start": q.get("start"), "end": q.get("end"), "kind": q.get("kind"),
        "text": _slice(text, q.get("start"), q.get("end")),
        "speaker_entity": speaker.get("entity"), "speaker_name": speaker.get("name"),
        "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
        "cue_start": cue.get("start"), "cue_end": cue.get("end"),
        "cue": _slice(text, cue.get("start"), cue.get("end")), "component": q.get("component"),
    }  # fmt: skip


def _quantity(doc_id: str, i: int, q: dict, text: str) -> dict:
    return {
        "doc_id": doc_id, "idx": i, "start": q.get("start"), "end": q.get("end"),
        "text": _slice(text, q.get("start"), q.get("end")), "value": q.get("value"),
        "low": q.get("low"), "high": q.get("high"), "approx": q.get("approx"), "unit": q.get("unit"),
        "object": q.get("object"), "component": q.get("component"),
    }  # fmt: skip


def _date(doc_id: str, i: int, d: dict, text: str) -> dict:
    return {
        "doc_id": doc_id, "idx": i, "start": d.get("start"), "end": d.get("end"),
        "text": _slice(text, d.get("start"), d.get("end")), "value": d.get("value"),
        "type": d.get("type"), "reason": d.get("reason"), "component": d.get("component"),
    }  # fmt: skip


def _place(doc_id: str, i: int, p: dict) -> dict:
    spans = p.get("mentions") or []
    return {
        "doc_id": doc_id, "idx": i, "entity_id": p.get("entity"), "name": p.get("name"),
        "lat": p.get("lat"), "lon": p.get("lon"), "geonames_id": p.get("geonames_id"),
        "country": p.get("country"), "feature": p.get("feature"),
        "first_start": min((m.get("start") for m in spans), default=None), "n_mentions": len(spans),
        "confidence": p.get("confidence"), "resolved": p.get("resolved"), "component": p.get("component"),
    }  # fmt: skip


def _event(doc_id: str, i: int, e: dict, text: str) -> dict:
    source, target, trigger = e.get("source") or {}, e.get("target") or {}, e.get("trigger") or {}
    return {
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
    }  # fmt: skip


def _relation(doc_id: str, i: int, r: dict) -> dict:
    evidence = r.get("evidence") or {}
    return {
        "doc_id": doc_id, "idx": i, "type": r.get("type"), "subject": r.get("subject"),
        "object": r.get("object"), "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"), "component": r.get("component"),
    }  # fmt: skip


def _provenance(doc_id: str, name: str) -> dict:
    """``newsgraph.quotes.v1`` -> component ``newsgraph.quotes``, version ``v1``."""
    base, _, ver = name.rpartition(".")
    if not (ver.startswith("v") and ver[1:].isdigit()):
        base, ver = name, None
    return {"doc_id": doc_id, "component": base, "version": ver, "package_version": PACKAGE_VERSION}
