"""Near-duplicates (MinHash LSH) and event deduplication."""

from __future__ import annotations

from newsgraph.corpus import dedup, events
from newsgraph.corpus.minhash import NUM_PERM, jaccard, signature
from tests.fixtures.corpus import generate
from tests.fixtures.corpus.synthetic import WIRE


def test_corpus_dedup_groups_wire_copies_and_keeps_distinct_articles_apart():
    copy = WIRE.replace("on Tuesday", "on Tuesday, July 11") + " Additional reporting by staff."
    rows = [("a", "2023-07-11", signature(WIRE)), ("b", "2023-07-12", signature(copy))]
    rows += [(f"x{i}", None, signature(generate.article(i) * 3)) for i in range(5)]
    groups = {g["doc_id"]: g for g in dedup.group(rows)}
    assert groups["a"]["group_id"] == groups["b"]["group_id"]
    assert groups["a"]["canonical"] and not groups["b"]["canonical"]  # the earlier one
    assert 0.7 <= groups["b"]["similarity"] < 1
    assert len({g["group_id"] for g in groups.values()}) == 6


def test_corpus_minhash_signatures_are_stable():
    sig = signature(WIRE)
    assert len(sig) == NUM_PERM and sig == signature(WIRE) and jaccard(sig, sig) == 1.0
    assert jaccard(sig, signature(generate.article(1))) < 0.2


def _report(doc, idx, day, source="ge:1", target="ge:2", etype="MOBILIZE", **extra):
    return {"doc_id": doc, "idx": idx, "type": etype, "source_gid": source, "source_name": None,
            "target_gid": target, "target_name": None, "place": "Vilnius", "negated": False,
            "date": None, "published": day, "group_id": extra.pop("group", doc), **extra}  # fmt: skip


def test_corpus_events_reports_of_one_event_become_one():
    reports = [
        _report("a", 0, "2023-07-11", group="g1"),
        _report("b", 0, "2023-07-11", group="g1"),
        _report("c", 0, "2023-07-13", place_country="LT"),
        _report("d", 0, "2023-07-30"),  # weeks later: another event
        _report("e", 0, "2023-07-11", etype="ASSAULT"),  # another type
        _report("f", 0, "2023-07-11", source="ge:9"),  # another actor
        _report("g", 0, "2023-07-11", date="2023-07-12"),  # the event's own date counts
    ]
    clusters, members = events.cluster(reports)
    assert len(clusters) == 4
    main = max(clusters, key=lambda c: c["n_reports"])
    assert (main["n_reports"], main["n_docs"], main["n_stories"]) == (4, 4, 3)
    assert (main["date_first"], main["date_last"], main["countries"]) == ("2023-07-11", "2023-07-13", ["LT"])
    assert len(members) == len(reports)
