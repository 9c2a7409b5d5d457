"""The kinds table (newsgraph.kinds) is the one description of each annotation kind: the
record, the Document, the store, the highlighter and the summary agree with it, so adding
a kind to the table (and a migration, and a colour) is enough for all of them."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import duckdb
import msgspec

from newsgraph import kinds
from newsgraph.pipeline.document import Document
from newsgraph.record import (
    Actor, DateExpr, Entity, Event, Metadata, Noise, Note, Place, Quantity, Quote, Record, Relation, Role, Span,
    Speaker, Tone, ToneWord, to_dict, to_json,
)  # fmt: skip
from newsgraph.store.rows import flatten
from newsgraph.store.schema import DOC_TABLES, migrate
from newsgraph.summary import render
from newsgraph.validate import problems, spans
from newsgraph.web.highlight import spans_of

NOT_KINDS = {"id", "text", "metadata", "schema_version", "pipeline"}
TEXT = "Mayor Ada Quill said \"we will rebuild\" on Monday; 30 people marched in Ostend. [Photo: AP]"


def _at(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start=start, end=start + len(needle))


def _one_of_each() -> Record:
    """A synthetic record holding one item of every kind."""
    ada, quote, monday, people, ostend = (_at(s) for s in ("Ada Quill", '"we will rebuild"', "Monday", "30 people",
                                                             "Ostend"))  # fmt: skip
    noise = _at("[Photo: AP]")
    return Record(
        id="k1", text=TEXT, metadata=Metadata(title="t"),
        noise=[Noise(kind="credit", text="[Photo: AP]", start=noise.start, end=noise.end)],
        entities=[Entity(id="e1", type="PERSON", name="Ada Quill", mentions=[ada],
                         roles=[Role(title="Mayor", evidence=_at("Mayor"))]),
                  Entity(id="e2", type="GPE", name="Ostend", mentions=[ostend])],
        quotes=[Quote(start=quote.start, end=quote.end, kind="direct",
                      speaker=Speaker(entity="e1", name="Ada Quill", start=ada.start, end=ada.end),
                      cue=_at("said"))],
        quantities=[Quantity(start=people.start, end=people.end, value=30, unit=None, object="people",
                             object_span=_at("people"))],
        dates=[DateExpr(start=monday.start, end=monday.end, value="2031-05-05", type="DATE")],
        places=[Place(entity="e2", name="Ostend", lat=51.2, lon=2.9, geonames_id=2789786, country="BE",
                      feature="PPL", mentions=[ostend])],
        events=[Event(type="PROTEST", mode="demonstrate", source=Actor(entity=None, name="people"),
                      target=None, trigger=_at("marched"), place="e2")],
        relations=[Relation(type="located_in", subject="e1", object="e2", evidence=_at("Ostend"))],
        tone=Tone(tone=-1.0, positive=0.0, negative=1.0, polarity=1.0, activity_density=5.0,
                  self_group_density=0.0, word_count=15,
                  words=[ToneWord(start=_at("rebuild").start, end=_at("rebuild").end, text="rebuild", valence=1)]),
        notes=[Note(kind="skipped", component="newsgraph.x.v1", reason="test")],
    )  # fmt: skip


def test_kinds_table_names_every_record_and_document_annotation_field():
    fields = set(Record.__struct_fields__) - NOT_KINDS
    assert fields == set(kinds.BY_FIELD)
    hints = typing.get_type_hints(Record)
    for kind in kinds.KINDS:
        expected = list[kind.type] if kind.many else kind.type | None
        assert hints[kind.field] == expected, kind.field
    document_fields = {f.name for f in dataclasses.fields(Document)}
    assert set(kinds.BY_FIELD) <= document_fields


def test_kinds_table_every_kind_has_its_spans_checked_and_sound():
    record = _one_of_each()
    assert problems(record) == []
    claimed = {where.split("[")[0].split(" ")[0] for where, *_ in spans(record)}
    assert claimed == {"noise", "entity", "quote", "quantity", "date", "place", "event", "relation", "tone"}
    broken = msgspec.structs.replace(record, dates=[DateExpr(start=5, end=500, value=None, type="DATE")])
    assert any("date[0]" in p and "outside the text" in p for p in problems(broken))


def test_kinds_table_rows_fill_exactly_the_migrated_tables_columns():
    record = _one_of_each()
    rows = flatten(to_dict(record), to_json(record).decode())
    con = duckdb.connect()
    migrate(con)
    for table in ("documents", *DOC_TABLES):
        columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        for row in rows[table]:
            assert set(row) <= set(columns), (table, set(row) - set(columns))
    for kind in kinds.KINDS:
        for table in kind.tables:
            assert rows[table], f"{kind.field} wrote no {table} row"
    assert rows["documents"][0]["tone"] == -1.0


def test_kinds_table_every_mark_is_drawn_and_coloured():
    record = to_dict(_one_of_each())
    drawn = {s.kind for s in spans_of(record)}
    assert drawn == set(kinds.HIGHLIGHT_MARKS)
    css = (Path(kinds.__file__).parent / "web" / "static" / "app.css").read_text()
    for mark in kinds.HIGHLIGHT_MARKS:
        assert re.search(rf"\.hl-{mark} \{{ background: var\(--{mark}\)", css), mark
        assert re.search(rf"--{mark}: #", css), mark


def test_kinds_table_summary_shows_every_kind_with_a_summary():
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    Console(file=out, width=200, color_system=None).print(render(_one_of_each()))
    text = out.getvalue()
    for kind in kinds.SUMMARY_KINDS:
        assert kind.summary.title in text
    assert "Tone -1.0" in text


def test_kinds_table_to_record_orders_each_kind_by_its_key():
    record = _one_of_each()
    late, early = (DateExpr(start=s.start, end=s.end, value=None, type="DATE") for s in (_at("Ostend"), _at("Ada")))
    doc = Document(id="k1", text=TEXT, metadata=Metadata(), dates=[late, early], quotes=list(record.quotes))
    out = doc.to_record()
    assert [d.start for d in out.dates] == sorted([late.start, early.start])
    assert out.quotes == record.quotes and out.quotes is not doc.quotes
