"""The list pages over HTTP: totals and paging, whitelisted sorting, date and source
filters, CSV twins, links to spans, speaker links by entity id, co-occurrence ranking,
the event-group and quantities pages, and search snippets. The store holds 120 small
synthetic articles (more than a page) besides the shared synthetic corpus."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import unquote

import msgspec
import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.record import Quantity, Quote, Speaker
from tests.fixtures.corpus.synthetic import corpus, record, write_store
from tests.fixtures.web.hostile import hostile_record

N = 120
SOURCES = ("harbour-times", "valley-post")


def _article(i: int):
    """Article ``i``: Mira Holt (in every one) and, in every third, Oren Vale; a quote by
    Holt, one by "A spokesman" (unresolved), a quantity and a PROTEST event."""
    day = f"2030-{1 + i // 28:02d}-{1 + i % 28:02d}"
    text = (f"Dock workers in Port Quay number {i} walked out on day {i}. Mira Holt said \"We stay out until "
            f"the pay offer is fair, number {i},\" after talks. A spokesman said \"Talks will resume,\" and "
            f"up to {1000 + i} workers joined the protest." + (" Oren Vale backed the strike." if i % 3 == 0 else ""))
    people = [("p1", "PERSON", "Mira Holt", ["Mira Holt"], [], {})]
    if i % 3 == 0:
        people.append(("p2", "PERSON", "Oren Vale", ["Oren Vale"], [], {}))
    rec = record(text, published=day, title=f"Strike day {i:03d}" if i % 10 else None, entities=people,
                 quotes=[(f"We stay out until the pay offer is fair, number {i},", "p1")],
                 events=[("PROTEST", "protest", "p1", None, "Port Quay")])  # fmt: skip
    unresolved = text.index("Talks will resume,")
    at = text.index(f"up to {1000 + i}")
    quantity = Quantity(start=at, end=at + len(f"up to {1000 + i}"), value=float(1000 + i), high=float(1000 + i),
                        object="workers")  # fmt: skip
    quote = Quote(start=unresolved, end=unresolved + len("Talks will resume,"), kind="direct", cue=None,
                  speaker=Speaker(entity=None, name="A spokesman", start=None, end=None))  # fmt: skip
    metadata = msgspec.structs.replace(rec.metadata, source=f"/feeds/{SOURCES[i % 2]}/{i}.txt")
    return msgspec.structs.replace(rec, metadata=metadata, quotes=[*rec.quotes, quote], quantities=[quantity])


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("lists") / "l.duckdb"
    write_store(path, [*corpus(), hostile_record(), *(_article(i) for i in range(N))])
    with TestClient(create_app(path, read_only=True)) as c:
        yield c


def _texts(client) -> dict[str, str]:
    items = client.get("/documents.json", params={"limit": 500}).json()["items"]
    return {d["id"]: client.get(f"/documents/{d['id']}/record.json").json()["text"] for d in items}


def test_api_lists_documents_page_has_total_paging_and_links(client):
    total = N + 6
    data = client.get("/documents.json", params={"limit": 50, "offset": 50}).json()
    assert (data["total"], data["limit"], data["offset"], len(data["items"])) == (total, 50, 50, 50)
    page = client.get("/documents", params={"limit": 50, "offset": 50}).text
    assert f"showing 51-100 of {total}" in page
    assert 'rel="prev" href="/documents?limit=50"' in page and 'rel="next" href="/documents?limit=50&amp;offset=100"' in page
    last = client.get("/documents", params={"limit": 50, "offset": 100}).text
    assert f"showing 101-{total} of {total}" in last and 'rel="next"' not in last
    past = client.get("/documents", params={"offset": 1000}).text
    assert f"showing none of {total}" in past and 'rel="prev" href="/documents?offset=950"' in past


@pytest.mark.parametrize("path, key, column", [("/documents.json", "title", "label"),
                                               ("/quotes.json", "speaker", "speaker"),
                                               ("/events.json", "reports", "n_reports"),
                                               ("/entities.json", "mentions", "n_mentions"),
                                               ("/quantities.json", "value", "value")])  # fmt: skip
def test_api_lists_sort_by_a_whitelisted_key_both_ways(client, path, key, column):
    def values(sort):
        rows = client.get(path, params={"sort": sort, "limit": 500}).json()["items"]
        return [r[column].lower() if isinstance(r[column], str) else r[column] for r in rows if r[column] is not None]

    up, down = values(key), values(f"-{key}")
    assert up == sorted(up) and down == sorted(down, reverse=True) and len(up) > 1


@pytest.mark.parametrize("sort", ["published; DROP TABLE documents", "id", "-", "title DESC"])
def test_api_lists_sort_outside_the_whitelist_is_a_422_sentence(client, sort):
    r = client.get("/documents.json", params={"sort": sort})
    assert r.status_code == 422
    assert "expected a sort key (published, title" in r.json()["error"]["message"]
    assert client.get("/documents.json").json()["total"] == N + 6  # nothing happened to the table


def test_api_lists_pages_never_overlap(client):
    seen = []
    for offset in range(0, 400, 40):
        seen += [q["doc_id"] + str(q["start"]) for q in
                 client.get("/quotes.json", params={"limit": 40, "offset": offset, "sort": "speaker"}).json()["items"]]  # fmt: skip
    assert len(seen) == len(set(seen)) == client.get("/quotes.json").json()["total"]


def test_api_lists_date_and_source_filters(client):
    docs = client.get("/documents.json", params={"since": "2030-02-01", "until": "2030-02-28", "limit": 500}).json()
    assert docs["total"] == 28 and all("2030-02-01" <= d["published"] <= "2030-02-28" for d in docs["items"])
    by_source = client.get("/documents.json", params={"source": "VALLEY", "limit": 500}).json()
    assert by_source["total"] == N // 2 and all("valley-post" in d["source"] for d in by_source["items"])
    quotes = client.get("/quotes.json", params={"source": "valley", "until": "2030-01-28"}).json()
    assert quotes["total"] == 28  # 14 articles, a resolved and an unresolved quote each
    events = client.get("/events.json", params={"since": "2030-03-01", "source": "harbour"}).json()
    assert events["total"] >= 1 and all(e["date_last"] >= "2030-03-01" for e in events["items"])
    # an empty field of the filter form means "no filter"
    assert client.get("/quotes.json", params={"since": "", "until": "", "source": ""}).json()["total"] == \
        client.get("/quotes.json").json()["total"]  # fmt: skip


def test_api_lists_csv_twin_has_every_row_and_is_injection_safe(client):
    r = client.get("/quotes.csv", params={"source": "harbour"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == client.get("/quotes.json", params={"source": "harbour"}).json()["total"] > 50
    assert {"doc_id", "text", "speaker", "start", "end", "label"} <= rows[0].keys()
    hostile = list(csv.DictReader(io.StringIO(client.get("/search.csv", params={"q": "Ostend"}).text)))
    assert hostile and all(not v.startswith(("=", "+", "-", "@")) for row in hostile for v in row.values())
    for path in ("/documents.csv", "/entities.csv", "/events.csv", "/quantities.csv", "/mentions.csv?entity=Mira Holt"):
        assert client.get(path).headers["content-type"].startswith("text/csv"), path
    assert client.get("/quotes.csv", params={"limit": 3}).text.count("\n") == 4  # a header and 3 rows


def test_api_lists_csv_cells_that_read_as_formulas_get_a_quote():
    from newsgraph.api.views import csv_response

    body = csv_response([{"a": "=1+1", "b": "-2", "c": -2.5, "d": "@x", "e": "plain", "f": ["+x"]}], "t.csv").body
    assert body.decode().splitlines()[1] == "'=1+1,'-2,-2.5,'@x,plain,\"[\"\"+x\"\"]\""


def test_api_lists_span_links_point_at_exactly_the_span(client):
    texts = _texts(client)
    pages = [client.get(p).text for p in ("/quotes?limit=500", "/events?limit=500", "/quantities?limit=500",
                                          "/mentions?entity=Mira Holt&limit=500", "/entity?name=Mira Holt")]  # fmt: skip
    links = {m for page in pages for m in re.findall(r'href="/documents/([^"#]+)#span-(\d+)-(\d+)"', page)}
    assert len(links) > 3 * N
    for doc_id, start, end in links:
        assert 0 <= int(start) < int(end) <= len(texts[unquote(doc_id)])
    quotes = client.get("/quotes.json", params={"limit": 500}).json()["items"]
    assert all(texts[q["doc_id"]][q["start"]:q["end"]] == q["text"] for q in quotes)
    events = client.get("/events.json", params={"limit": 500}).json()["items"]
    assert all(texts[e["doc_id"]][e["trigger_start"]:e["trigger_end"]] == e["trigger"] for e in events)


def test_api_lists_speakers_link_by_entity_id_and_unresolved_ones_are_text(client):
    page = client.get("/quotes", params={"limit": 500}).text
    holt = client.get("/entity.json", params={"name": "Mira Holt"}).json()["entity"]["gid"]
    assert f'class="speaker" href="/entity?id={holt.replace(":", "%3A")}"' in page
    assert '<span class="speaker unresolved">A spokesman</span>' in page
    assert "/entity?name=A%20spokesman" not in page and "speaker=A%20spokesman" not in page
    by_id = client.get("/quotes.json", params={"speaker_id": holt}).json()
    assert by_id["total"] == N and by_id["speaker"] == "Mira Holt"
    entity = client.get("/entity", params={"id": holt})
    assert entity.status_code == 200 and f"/quotes?speaker_id={holt.replace(':', '%3A')}" in entity.text
    assert client.get("/entity.json", params={"id": "ge:nope"}).status_code == 404
    assert client.get("/entity.json").status_code == 422


def test_api_lists_cooccurring_ranked_by_shared_articles_and_linked_to_them(client):
    data = client.get("/entity.json", params={"name": "Mira Holt"}).json()
    first = data["cooccurring"][0]
    assert first["name"] == "Oren Vale" and first["n_docs"] == N // 3
    counts = [(c["n_docs"], c["n_mentions"]) for c in data["cooccurring"]]
    assert counts == sorted(counts, reverse=True)
    page = client.get("/entity", params={"name": "Mira Holt"}).text
    link = re.search(r'href="(/documents\?entity=[^"]+)"[^>]*>40 shared articles', page).group(1)
    shared = client.get(link.replace("&amp;", "&").replace("/documents?", "/documents.json?")).json()
    assert shared["total"] == N // 3 and [e["name"] for e in shared["named"]] == ["Mira Holt", "Oren Vale"]
    texts = _texts(client)
    assert all("Oren Vale" in texts[d["id"]] and "Mira Holt" in texts[d["id"]] for d in shared["items"])
    assert ">Mira Holt</a> and <a" in client.get(link.replace("&amp;", "&")).text


def test_api_lists_event_group_lists_every_report_with_its_span(client):
    texts = _texts(client)
    event = next(e for e in client.get("/events.json").json()["items"] if e["type"] == "MOBILIZE")
    data = client.get(f"/events/groups/{event['cluster_id']}.json").json()
    assert data["event"]["cluster_id"] == event["cluster_id"] and len(data["reports"]) == event["n_reports"] == 3
    for r in data["reports"]:
        assert texts[r["doc_id"]][r["trigger_start"]:r["trigger_end"]] == r["trigger"] == "send"
    page = client.get(f"/events/groups/{event['cluster_id']}").text
    assert page.count('class="report"') == 3 and "<mark>send</mark>" in page
    assert client.get("/events/groups/ev:nope.json").status_code == 404
    rows = list(csv.DictReader(io.StringIO(client.get(f"/events/groups/{event['cluster_id']}.csv").text)))
    assert len(rows) == 3


def test_api_lists_quantities_filter_and_read_as_phrases(client):
    data = client.get("/quantities.json", params={"object": "work", "entity": "Oren Vale", "sort": "-value"}).json()
    assert data["total"] == N // 3
    top = data["items"][0]
    assert top["high"] == top["value"] == 1000 + 117 and top["low"] is None  # the raw numbers stay
    assert top["phrase"] == "up to 1,117 workers"
    assert "up to 1,117 workers" in client.get("/quantities", params={"sort": "-value"}).text
    assert client.get("/quantities.json", params={"unit": "count", "until": "2030-01-05"}).json()["total"] == 5
    assert client.get("/quantities.json", params={"unit": "USD"}).json()["total"] == 0
    assert client.get("/quantities.json", params={"place": "Ostend"}).json()["total"] == 0


def test_api_lists_search_results_have_escaped_marked_snippets_and_paging(client):
    page = client.get("/search", params={"q": "onerror"}).text
    assert "<mark>onerror</mark>" in page and "<img" not in page.split("<main")[1]
    data = client.get("/search.json", params={"q": "Port Quay", "limit": 20, "offset": 20}).json()
    assert (data["total"], data["offset"], len(data["documents"])) == (N, 20, 20)
    assert data["documents"][0]["snippet"]["match"] == "Port Quay"
    assert "showing 21-40 of 120" in client.get("/search", params={"q": "Port Quay", "offset": 20}).text


def test_api_lists_articles_are_linked_with_title_source_and_date(client):
    page = client.get("/quotes", params={"limit": 500}).text
    assert "Strike day 001" in page and "valley-post/1.txt · 2030-01-02" in page
    untitled = client.get("/documents.json", params={"q": "number 10 walked"}).json()["items"][0]
    assert untitled["title"] is None and untitled["label"].startswith("Dock workers in Port Quay number 10")
