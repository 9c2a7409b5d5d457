"""A readable terminal summary of one record (the default output for a single article)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from newsgraph.record import Record


def _snippet(text: str, start: int | None, end: int | None, width: int = 90) -> str:
    if start is None or end is None:
        return ""
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def render(record: Record) -> Group:
    """A rich renderable: metadata, then a table per kind the record has, then its tone."""
    meta = record.metadata
    details = [f"id {record.id}"]
    if meta.published:
        details.append(f"published {meta.published} (from {meta.published_source or 'caller'})")
    if meta.dateline:
        details.append(f"dateline {meta.dateline}")
    if meta.byline:
        details.append(f"by {meta.byline}")
    parts = [Text(meta.title or record.id, style="bold"), Text(" · ".join(details), style="dim")]
    for title, columns, rows in _sections(record):
        if rows:
            table = Table(title=title, title_justify="left")
            for column in columns:
                table.add_column(column)
            for cells in rows:
                table.add_row(*cells)
            parts.append(table)
    if record.tone is not None:
        t = record.tone
        parts.append(
            Text(
                f"Tone {t.tone:+.1f} (positive {t.positive:.1f}%, negative {t.negative:.1f}% "
                f"of {t.word_count} words)"
            )
        )
    return Group(*parts)


def _sections(record: Record) -> list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]]:
    """``(title, columns, rows)`` for each kind of annotation, in display order."""
    text = record.text
    return [
        ("Entities", ("type", "name", "mentions", "offices", "kb"), [
            (e.type, e.name, str(len(e.mentions)),
             "; ".join(r.title + (f" of {_name(record, r.of)}" if r.of else "") for r in e.roles),
             ", ".join(f"{k}={v}" for k, v in e.kb.items()))
            for e in record.entities
        ]),
        ("Quotes", ("kind", "speaker", "quote"), [
            (q.kind, (q.speaker.name or "?") if q.speaker else "(unknown)", _snippet(text, q.start, q.end))
            for q in record.quotes
        ]),
        ("Quantities", ("text", "value", "range", "approx", "unit", "object"), [
            (_snippet(text, q.start, q.end), _num(q.value),
             f"{_num(q.low)}..{_num(q.high)}" if q.low is not None or q.high is not None else "",
             "~" if q.approx else "", q.unit or "", q.object or "")
            for q in record.quantities
        ]),
        ("Dates", ("text", "type", "value"), [
            (_snippet(text, d.start, d.end), d.type, d.value or f"(null: {d.reason or 'unresolved'})")
            for d in record.dates
        ]),
        ("Places", ("name", "country", "feature", "lat, lon", "geonames"), [
            (p.name, p.country or "", p.feature or "",
             f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "unresolved",
             str(p.geonames_id or ""))
            for p in record.places
        ]),
        ("Events", ("type", "source", "target", "trigger", "date", "modality"), [
            (ev.type, (ev.source.name or "") if ev.source else "", (ev.target.name or "") if ev.target else "",
             _snippet(text, ev.trigger.start, ev.trigger.end), ev.date or "",
             ", ".join(f for f in ("negated", "hypothetical", "future", "historical", "reported") if getattr(ev, f)))
            for ev in record.events
        ]),
        ("Relations", ("subject", "relation", "object"), [
            (_name(record, r.subject), r.type, _name(record, r.object)) for r in record.relations
        ]),
        ("Noise", ("kind", "text", "suggestion"), [
            (n.kind, _snippet(n.text, 0, len(n.text), 70), n.suggestion or "") for n in record.noise
        ]),
    ]  # fmt: skip


def print_summary(record: Record, console: Console | None = None) -> None:
    (console or Console()).print(render(record))


def _name(record: Record, ref: str | None) -> str:
    if ref is None:
        return ""
    for e in record.entities:
        if e.id == ref:
            return e.name
    return ref


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
