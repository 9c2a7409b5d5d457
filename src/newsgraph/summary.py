"""A readable terminal summary of one record (the default output for a single article)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from newsgraph.kinds import KINDS, SUMMARY_KINDS
from newsgraph.record import Record


def render(record: Record) -> Group:
    """A rich renderable: metadata, then a table per kind the record has (``kinds.KINDS``),
    then one-line kinds (its tone)."""
    meta = record.metadata
    details = [f"id {record.id}"]
    if meta.published:
        details.append(f"published {meta.published} (from {meta.published_source or 'caller'})")
    if meta.dateline:
        details.append(f"dateline {meta.dateline}")
    if meta.byline:
        details.append(f"by {meta.byline}")
    parts = [Text(meta.title or record.id, style="bold"), Text(" · ".join(details), style="dim")]
    for kind in SUMMARY_KINDS:
        items = kind.items(record)
        if items:
            table = Table(title=kind.summary.title, title_justify="left")
            for column in kind.summary.columns:
                table.add_column(column)
            for item in items:
                table.add_row(*kind.summary.row(record, item))
            parts.append(table)
    for kind in KINDS:
        value = kind.value(record)
        if kind.summary_line is not None and value is not None:
            parts.append(Text(kind.summary_line(value)))
    return Group(*parts)


def print_summary(record: Record, console: Console | None = None) -> None:
    (console or Console()).print(render(record))
