"""The GDELT GKG 2.1 export: 27 tab-separated columns, GDELT's delimiters, FIPS codes,
offsets into the record's text."""

from __future__ import annotations

import datetime

import msgspec
import pytest

from newsgraph.record import DateExpr, Quantity, to_json
from newsgraph.store import Analysed, Store
from newsgraph.store.gkg import COLUMNS, export_gkg, fips, row, source_name
from tests.fixtures.corpus.synthetic import WIRE, analysed, record


def _record():
    rec = record(
        WIRE, published="2023-07-11", title="Biden in Vilnius",
        entities=[("p1", "PERSON", "Joe Biden", ["Joe Biden", "Biden"], ["President"], {}),
                  ("o1", "ORG", "Summit Office", [], [], {}),
                  ("g2", "GPE", "Vilnius", ["Vilnius"], [], {"geonames": 593116})],
        quotes=[("We will defend every inch of allied territory,", "p1")],
        places=[("g2", "Vilnius", "LT")],
    )  # fmt: skip
    troops = WIRE.index("more troops")
    day = WIRE.index("Tuesday")
    rec.quantities = [Quantity(start=troops, end=troops + 11, value=3000.0, object="troops", object_span=None)]
    rec.dates = [DateExpr(start=day, end=day + 7, value="2023-07-11", type="DATE"),
                 DateExpr(start=day, end=day + 7, value="P3M", type="DURATION")]  # fmt: skip
    rec.metadata.url = "https://news.example/biden-vilnius"
    return msgspec.to_builtins(rec), rec


def test_store_gkg_row_has_the_27_columns_and_delimiters():
    data, rec = _record()
    fields = dict(zip(COLUMNS, row(data, 1), strict=True))
    assert len(COLUMNS) == 27
    assert fields["V2.1DATE"] == "20230711000000" and fields["GKGRECORDID"] == "20230711000000-1"
    assert fields["V2SOURCECOLLECTIONIDENTIFIER"] == "1" and fields["V2SOURCECOMMONNAME"] == "news.example"
    assert fields["V1PERSONS"] == "Joe Biden"
    offsets = [int(block.split(",")[1]) for block in fields["V2ENHANCEDPERSONS"].split(";")]
    assert [WIRE[o:o + 5] for o in offsets] == ["Joe B", "Biden"]
    kind, name, country, *_ , offset = fields["V2ENHANCEDLOCATIONS"].split("#")
    assert (kind, name, country, WIRE[int(offset):int(offset) + 7]) == ("4", "Vilnius", "LH", "Vilnius")
    assert fields["V2.1ENHANCEDDATES"] == f"4#7#11#2023#{WIRE.index('Tuesday')}"
    start, length, verb, quote = fields["V2.1QUOTATIONS"].split("|")
    assert WIRE[int(start):int(start) + int(length)].startswith(quote.strip()[:20])
    assert fields["V2.1AMOUNTS"] == f"3000,troops,{WIRE.index('more troops')}"
    assert fields["V1COUNTS"].startswith("TROOPS#3000#troops#")
    assert fields["V1.5TONE"].split(",")[-1] == fields["V2GCAM"].removeprefix("wc:")
    assert f"<NEWSGRAPH_ID>{rec.id}</NEWSGRAPH_ID>" in fields["V2EXTRASXML"]
    assert all("\t" not in v and "\n" not in v for v in fields.values())


def test_store_gkg_file_has_one_row_per_record(tmp_path):
    data, rec = _record()
    with Store(tmp_path / "g.duckdb") as store:
        store.write([Analysed(rec.id, to_json(rec))])
        out = export_gkg(store, str(tmp_path / "out.gkg.csv"))
    lines = (tmp_path / "out.gkg.csv").read_text(encoding="utf-8").splitlines()
    assert out["rows"] == len(lines) == 1 and len(lines[0].split("\t")) == 27 and out["undated"] == 0


def test_store_gkg_fips_codes():
    assert (fips("GB"), fips("DE"), fips("LT"), fips(None), fips("zz")) == ("UK", "GM", "LH", "", "")


@pytest.mark.parametrize("meta, expected", [
    ({"url": "https://www.News.example/a", "source": "/home/me/in/a.html"}, "news.example"),
    ({"source": "/home/me/crawl/article-00001.txt"}, ""),
    ({"source": "C:\\feeds\\wire.rss#3"}, ""),
    ({"source": "in.jsonl:12"}, ""),
    ({"source": "stdin"}, ""),
    ({"source": "Example Wire"}, "Example Wire"),
    ({}, ""),
])  # fmt: skip
def test_store_gkg_source_common_name_is_an_outlet_never_a_path(meta, expected):
    assert source_name(meta) == expected


def test_store_gkg_undated_articles_are_left_out_or_marked_never_given_the_ingest_date(tmp_path):
    dated, _ = _record()
    undated = record("Officials in Port Avalon met on an unknown day to discuss the ferry route.")
    with Store(tmp_path / "g.duckdb") as store:
        store.write([analysed(record(WIRE, published="2023-07-11")), analysed(undated)])
        skipped = export_gkg(store, str(tmp_path / "skip.tsv"))
        marked = export_gkg(store, str(tmp_path / "mark.tsv"), undated="mark")
    assert (skipped["rows"], skipped["undated"], skipped["undated_rows"]) == (1, 1, "left out")
    assert marked["rows"] == 2 and "marked" in marked["undated_rows"]
    rows = [line.split("\t") for line in (tmp_path / "mark.tsv").read_text(encoding="utf-8").splitlines()]
    (undated_row,) = [r for r in rows if undated.id in r[-1]]
    assert undated_row[1] == "" and undated_row[0].startswith("0-") and "<NEWSGRAPH_UNDATED>1" in undated_row[-1]
    today = datetime.date.today().strftime("%Y%m%d")
    assert not any(r[1].startswith(today) for r in rows)
    assert (tmp_path / "skip.tsv").read_text(encoding="utf-8").count("\n") == 1
