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
    """A rich renderable: metadata, entities, quotes, quantities, dates, places, events, noise."""
    parts = []
    meta = record.metadata
    head = Text(meta.title or record.id, style="bold")
    details = [f"id {record.id}"]
    if meta.published:
        details.append(f"published {meta.published} (from {meta.published_source or 'caller'})")
    if meta.dateline:
        details.append(f"dateline {meta.dateline}")
    if meta.byline:
        details.append(f"by {meta.byline}")
    parts.append(head)
    parts.append(Text(" · ".join(details), style="dim"))

    if record.entities:
        table = Table(title="Entities", title_justify="left", expand=False)
        for col in ("type", "name", "mentions", "offices", "kb"):
            table.add_column(col)
        for e in record.entities:
            roles = "; ".join(f"{r.title}" + (f" of {_name(record, r.of)}" if r.of else "") for r in e.roles)
            kb = ", ".join(f"{k}={v}" for k, v in e.kb.items())
            table.add_row(e.type, e.name, str(len(e.mentions)), roles, kb)
        parts.append(table)
    if record.quotes:
        table = Table(title="Quotes", title_justify="left")
        for col in ("kind", "speaker", "quote"):
            table.add_column(col)
        for q in record.quotes:
            who = (q.speaker.name or "?") if q.speaker else "(unknown)"
            table.add_row(q.kind, who, _snippet(record.text, q.start, q.end))
        parts.append(table)
    if record.quantities:
        table = Table(title="Quantities", title_justify="left")
        for col in ("text", "value", "range", "approx", "unit", "object"):
            table.add_column(col)
        for q in record.quantities:
            rng = f"{_num(q.low)}..{_num(q.high)}" if q.low is not None or q.high is not None else ""
            table.add_row(
                _snippet(record.text, q.start, q.end), _num(q.value), rng, "~" if q.approx else "", q.unit or "", q.object or ""
            )
        parts.append(table)
    if record.dates:
        table = Table(title="Dates", title_justify="left")
        for col in ("text", "type", "value"):
            table.add_column(col)
        for d in record.dates:
            table.add_row(_snippet(record.text, d.start, d.end), d.type, d.value or f"(null: {d.reason or 'unresolved'})")
        parts.append(table)
    if record.places:
        table = Table(title="Places", title_justify="left")
        for col in ("name", "country", "feature", "lat, lon", "geonames"):
            table.add_column(col)
        for p in record.places:
            where = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "unresolved"
            table.add_row(p.name, p.country or "", p.feature or "", where, str(p.geonames_id or ""))
        parts.append(table)
    if record.events:
        table = Table(title="Events", title_justify="left")
        for col in ("type", "source", "target", "trigger", "date", "modality"):
            table.add_column(col)
        for ev in record.events:
            flags = [f for f in ("negated", "hypothetical", "future", "historical", "reported") if getattr(ev, f)]
            table.add_row(
                ev.type,
                (ev.source.name or "") if ev.source else "",
                (ev.target.name or "") if ev.target else "",
                _snippet(record.text, ev.trigger.start, ev.trigger.end),
                ev.date or "",
                ", ".join(flags),
            )
        parts.append(table)
    if record.relations:
        table = Table(title="Relations", title_justify="left")
        for col in ("subject", "relation", "object"):
            table.add_column(col)
        for r in record.relations:
            table.add_row(_name(record, r.subject), r.type, _name(record, r.object))
        parts.append(table)
    if record.noise:
        table = Table(title="Noise", title_justify="left")
        for col in ("kind", "text", "suggestion"):
            table.add_column(col)
        for n in record.noise:
            table.add_row(n.kind, _snippet(n.text, 0, len(n.text), 70), n.suggestion or "")
        parts.append(table)
    return Group(*parts)


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
