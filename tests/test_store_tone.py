"""Tone in the corpus: the documents table carries each article's tone, the article list
shows it and timelines average it per day; stores from before tone are upgraded."""

from __future__ import annotations

import duckdb
import msgspec
import pytest

from newsgraph import service
from newsgraph.record import Tone
from newsgraph.store import Store
from newsgraph.store.schema import MIGRATIONS, _statements
from tests.fixtures.corpus.synthetic import analysed, corpus


def _with_tone(rec, value: float):
    tone = Tone(tone=value, positive=max(value, 0), negative=max(-value, 0), polarity=abs(value),
                activity_density=10.0, self_group_density=0.0, word_count=100)  # fmt: skip
    return msgspec.structs.replace(rec, tone=tone)


def test_store_tone_columns_list_and_timeline(tmp_path):
    wire, copy, later, *rest = corpus()
    records = [_with_tone(wire, -2.0), _with_tone(copy, -1.0), _with_tone(later, 3.0), *rest]
    with Store(tmp_path / "t.duckdb") as store:
        store.write([analysed(r) for r in records])
        service.build(store)
        tones = {r["id"]: r["tone"] for r in store.query("SELECT id, tone FROM documents")}
        assert tones[wire.id] == -2.0 and tones[rest[0].id] is None
        listed = {d["id"]: d["tone"] for d in service.list_documents(store)["items"]}
        assert listed[later.id] == 3.0
        days = service.corpus_timeline(store, entity="Joe Biden")["days"]
    by_day = {d["day"]: d["tone"] for d in days}
    assert by_day["2023-07-11"] == pytest.approx(-1.5) and by_day["2023-07-13"] == pytest.approx(3.0)


def test_store_tone_upgrades_a_store_from_before_tone(tmp_path):
    path = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for version, name, sql in MIGRATIONS[:2]:
        for statement in _statements(sql):
            con.execute(statement)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    con.execute("INSERT INTO documents (id, title, text) VALUES ('old', 'An old article', 'Text.')")
    con.close()
    with Store(path) as store:
        (row,) = store.query("SELECT id, title, tone, tone_polarity FROM documents")
        assert row == {"id": "old", "title": "An old article", "tone": None, "tone_polarity": None}
        store.write([analysed(_with_tone(corpus()[0], 1.0))])
        assert store.counts()["documents"] == 2
