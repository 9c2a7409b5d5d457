"""A withheld quote (``quotes[].withheld``, record 1.5: the speaker declined or failed to
say its content) through the store: its column (migration 14), the entity summaries, the
quotes lists over HTTP and in the web pages, the article view's hover, the summary table
and the GKG export (which leaves it out)."""

from __future__ import annotations

import csv
import io
import duckdb
import msgspec
from fastapi.testclient import TestClient
from rich.console import Console

from newsgraph.api import create_app
from newsgraph.corpus import queries
from newsgraph.record import Quote, Span, Speaker, to_dict
from newsgraph.store import Store
from newsgraph.store.entity_index import TOP
from newsgraph.store.gkg import COLUMNS, row
from newsgraph.store.schema import MIGRATIONS, STORE_SCHEMA_VERSION
from newsgraph.summary import render
from tests.fixtures.corpus.synthetic import analysed, record, write_store

TEXT = ("A spokesman for Vantrel Foods refused to comment on the reports. "
        "Dara Quint said the plant would reopen in May.")  # fmt: skip
MARKER = ">declined to say</span>"


def _at(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle))


def _record():
    rec = record(TEXT, published="2031-04-02", title="Vantrel plant to reopen",
                 entities=[("p1", "PERSON", "Dara Quint", ["Dara Quint"], [], {})])  # fmt: skip
    reports, plant, quint = (
        _at(TEXT, "the reports"),
        _at(TEXT, "the plant would reopen in May"),
        _at(TEXT, "Dara Quint"),
    )
    withheld = Quote(start=reports.start, end=reports.end, kind="indirect",
                     speaker=Speaker(entity=None, name="A spokesman for Vantrel Foods", start=0, end=29),
                     cue=_at(TEXT, "refused"), withheld=True)  # fmt: skip
    said = Quote(start=plant.start, end=plant.end, kind="indirect",
                 speaker=Speaker(entity="p1", name="Dara Quint", start=quint.start, end=quint.end),
                 cue=_at(TEXT, "said"))  # fmt: skip
    return msgspec.structs.replace(rec, quotes=[withheld, said])


def _speaker_record():
    """Both quotes by one resolved speaker, so the entity page lists them."""
    text = "Dara Quint declined to comment on the closure. Dara Quint said the plant would reopen in May."
    rec = record(text, published="2031-04-02", title="Vantrel plant to reopen",
                 entities=[("p1", "PERSON", "Dara Quint", ["Dara Quint", "Dara Quint"], [], {})])  # fmt: skip
    quint = Speaker(entity="p1", name="Dara Quint", start=0, end=10)
    closure, plant = _at(text, "the closure"), _at(text, "the plant would reopen in May")
    withheld = Quote(start=closure.start, end=closure.end, kind="indirect", speaker=quint,
                     cue=_at(text, "declined"), withheld=True)  # fmt: skip
    said = Quote(start=plant.start, end=plant.end, kind="indirect", speaker=quint, cue=_at(text, "said"))
    return msgspec.structs.replace(rec, quotes=[withheld, said])


def _summary_quotes(store) -> list[dict]:
    (summary,) = store.query("SELECT quotes FROM entity_summary WHERE quotes IS NOT NULL")
    return msgspec.json.decode(summary["quotes"])


def test_store_keeps_withheld_and_the_quotes_list_shows_it(tmp_path):
    path = tmp_path / "q.duckdb"
    write_store(path, [_record()])
    with Store(path, read_only=True) as store:
        rows = store.query("SELECT cue, withheld FROM quotes ORDER BY start")
        assert rows == [{"cue": "refused", "withheld": True}, {"cue": "said", "withheld": False}]
    with TestClient(create_app(path, read_only=True)) as client:
        items = client.get("/quotes.json").json()["items"]
        assert {q["cue"]: q["withheld"] for q in items} == {"refused": True, "said": False}
        rows = csv.DictReader(io.StringIO(client.get("/quotes.csv").text))
        assert {r["cue"]: r["withheld"] for r in rows} == {"refused": "True", "said": "False"}
        page = client.get("/quotes").text
        assert page.count(MARKER) == 1
        # the marker follows the withheld quote's kind, not the other one's
        assert page.index("the reports") < page.index(MARKER) < page.index("the plant would reopen")


def test_entity_page_quote_list_says_a_quote_was_withheld(tmp_path):
    path = tmp_path / "e.duckdb"
    write_store(path, [_speaker_record()])
    with Store(path, read_only=True) as store:
        assert [(q["cue"], q["withheld"]) for q in _summary_quotes(store)] == [
            ("declined", True),
            ("said", False),
        ]
    with TestClient(create_app(path, read_only=True)) as client:
        gid = client.get("/quotes.json").json()["items"][0]["speaker_gid"]
        data = client.get("/entity.json", params={"id": gid}).json()
        assert [(q["text"], q["withheld"]) for q in data["quotes"]] == [
            ("the closure", True), ("the plant would reopen in May", False)]  # fmt: skip
        page = client.get("/entity", params={"id": gid}).text
        assert "the closure" in page and page.count(MARKER) == 1
    with Store(path, read_only=True) as store:  # a page larger than the summary keeps: from the entity's rows
        wide = queries.entity(store, None, gid=gid, limit=TOP + 1)
        assert [(q["text"], q["withheld"]) for q in wide["quotes"]] == [
            ("the closure", True), ("the plant would reopen in May", False)]  # fmt: skip


def test_store_migration_14_adds_the_column_and_summarises_again(tmp_path):
    path = tmp_path / "old.duckdb"
    write_store(path, [_speaker_record()])
    con = duckdb.connect(str(path))  # the store as schema 13 left it
    con.execute("DROP INDEX quotes_doc")  # DuckDB drops no column under an index
    con.execute("ALTER TABLE quotes DROP COLUMN withheld")
    con.execute("CREATE INDEX quotes_doc ON quotes (doc_id)")
    con.execute("UPDATE entity_summary SET quotes = NULL")  # as a summary built before 14 lacks the field
    con.execute("DELETE FROM schema_migrations WHERE version = 14")
    con.close()
    assert MIGRATIONS[13][:2] == (14, "quote withheld")
    with Store(path) as store:  # opening applies migration 14
        assert store.schema_version == STORE_SCHEMA_VERSION
        # rows stored before keep NULL: not known, their records had no such field
        assert store.query("SELECT cue, withheld FROM quotes ORDER BY start") == [
            {"cue": "declined", "withheld": None}, {"cue": "said", "withheld": None}]  # fmt: skip
        assert [q["withheld"] for q in _summary_quotes(store)] == [False, False]
    with TestClient(create_app(path, read_only=True)) as client:
        assert [q["withheld"] for q in client.get("/quotes.json").json()["items"]] == [False, False]
        assert MARKER not in client.get("/quotes").text


def test_store_from_before_migration_12_migrates_through_13_and_14(tmp_path):
    # Migration 13 summarises before 14 adds the withheld column: it must not read it.
    path = tmp_path / "v11.duckdb"
    write_store(path, [_speaker_record()])
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX quotes_doc")
    con.execute("ALTER TABLE quotes DROP COLUMN cue_confidence")
    con.execute("ALTER TABLE quotes DROP COLUMN withheld")
    con.execute("CREATE INDEX quotes_doc ON quotes (doc_id)")
    con.execute("DELETE FROM schema_migrations WHERE version >= 12")
    con.close()
    with Store(path) as store:
        assert store.schema_version == STORE_SCHEMA_VERSION
        assert [(q["cue_confidence"], q["withheld"]) for q in _summary_quotes(store)] == [
            (None, False),
            (None, False),
        ]
        # a record written now, with the field, is stored with it
        store.write([analysed(_record())])
        assert store.query("SELECT withheld FROM quotes WHERE cue = 'refused'") == [{"withheld": True}]


def test_article_view_hover_says_the_quote_was_withheld():
    from newsgraph.web.highlight import spans_of

    labels = [s.label for s in spans_of(to_dict(_record())) if s.kind == "quote"]
    assert labels == ["indirect quote by A spokesman for Vantrel Foods (withheld: the speaker declined to say it)",
                      "indirect quote by Dara Quint"]  # fmt: skip


def test_summary_table_labels_a_withheld_quotes_kind():
    console = Console(record=True, width=200)
    console.print(render(_record()))
    lines = console.export_text().splitlines()
    withheld = next(line for line in lines if "the reports" in line)
    said = next(line for line in lines if "the plant would reopen" in line)
    assert "indirect (withheld)" in withheld and "A spokesman" in withheld
    assert "(withheld)" not in said and "indirect" in said


def test_gkg_quotations_leave_a_withheld_quote_out():
    fields = dict(zip(COLUMNS, row(to_dict(_record()), 1), strict=True))
    blocks = fields["V2.1QUOTATIONS"].split("#")
    assert [b.split("|")[2:] for b in blocks] == [["said", "the plant would reopen in May"]]
