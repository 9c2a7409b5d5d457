"""Origins: the articles that are copies or light rewrites of one story.

Two articles share an origin when any of these links them (the links are transitive):
- they are near-duplicates (``doc_groups``: MinHash Jaccard >= 0.7, ``corpus.dedup``);
- they share a long passage: at least ``MIN_SHARED`` sampled ``PASSAGE_WORDS``-word
  windows of text outside direct quotations (a quotation repeated by independent outlets
  is not a shared passage); a window found in more than ``MAX_DF`` articles is site
  furniture (a footer, a standard paragraph) and links nothing;
- they carry the same wire credit line ("WARSAW, Poland (AP) —"), were published within
  ``WIRE_DAYS`` of each other and are at least ``WIRE_JACCARD`` alike (two unrelated
  AP stories from one city on one day stay apart).

Each article's outlet is its wire credit ("(AP)", "(Reuters)", names in
``resources/claims/outlets.tsv``) when it has one, else the site of its URL. The origin's id is ``o:`` plus its earliest article's id (earliest published,
then smallest id), as for near-duplicate groups.

Per-article facts (outlet, wire line, passage fingerprints) are computed once, when the
article is first seen; links are found for the new articles only, against all stored
fingerprints; the components are then recomputed over the stored links (a union-find
over ids, cheap next to the analysis).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import urlsplit

from newsgraph.corpus import dedup
from newsgraph.corpus.minhash import jaccard
from newsgraph.corpus.names import fold
from newsgraph.resources import table

PASSAGE_WORDS = 20
SAMPLE = 4  # keep the windows whose hash is divisible by this (1 in 4)
MIN_SHARED = 2
MAX_DF = 20
WIRE_DAYS = 1
WIRE_JACCARD = 0.25
OUTLETS = "claims/outlets.tsv"
_WORD = re.compile(r"\w+", re.UNICODE)
_CREDIT = re.compile(r"\(([A-Z][\w.&' -]{0,40})\)\s*[-—–:]")


def outlets() -> dict[str, str]:
    """Outlet names as printed -> canonical outlet name."""
    return table(OUTLETS)


def wire_credit(text: str) -> tuple[str | None, str | None]:
    """``(outlet, credit line)`` of a wire credit such as ``WARSAW, Poland (AP) —`` in the
    first line of ``text``, or ``(None, None)``."""
    head = text[:300].split("\n", 1)[0]
    m = _CREDIT.search(head)
    if not m:
        return None, None
    outlet = outlets().get(m.group(1).strip())
    return (outlet, fold(head[: m.end(1) + 1])) if outlet else (None, None)


def doc_source(doc: dict) -> dict:
    """One article (``id, text, url``) -> ``{doc_id, outlet, wire, wire_line}``; the
    outlet is None when neither a wire credit nor a URL names it (the input's ``source``
    is where it was read from, a file path, not who published it)."""
    wire, line = wire_credit(doc.get("text") or "")
    site = urlsplit(doc.get("url") or "").hostname or ""
    site = site.removeprefix("www.") or None
    return {"doc_id": doc["id"], "outlet": wire or site, "wire": wire, "wire_line": line}


def passages(text: str, excluded: list[tuple[int, int]] = ()) -> list[int]:
    """Sampled fingerprints of the ``PASSAGE_WORDS``-word windows of ``text`` that lie
    outside the ``excluded`` spans (direct quotations): a window never spans one."""
    words, out = [], set()
    spans = sorted(excluded)

    def flush():
        for i in range(len(words) - PASSAGE_WORDS + 1):
            h = int.from_bytes(hashlib.sha1(" ".join(words[i : i + PASSAGE_WORDS]).encode()).digest()[:8], "little")
            if h % SAMPLE == 0:
                out.add(h >> 1)  # fits a signed BIGINT
        words.clear()

    k = 0
    for m in _WORD.finditer(text.lower()):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1
        if k < len(spans) and spans[k][0] <= m.start() < spans[k][1]:
            flush()
            continue
        words.append(m.group())
    flush()
    return sorted(out)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def wire_links(new: list[dict], others: list[dict]) -> list[dict]:
    """Links between ``new`` articles and ``others`` (both ``{doc_id, wire_line,
    published, hashes}``) that carry the same wire line within ``WIRE_DAYS`` and are at
    least ``WIRE_JACCARD`` alike."""
    by_line: dict[str, list[dict]] = {}
    for d in others:
        by_line.setdefault(d["wire_line"], []).append(d)
    links = []
    for d in new:
        for o in by_line.get(d["wire_line"], []):
            if o["doc_id"] == d["doc_id"]:
                continue
            a, b = _day(d["published"]), _day(o["published"])
            near = a is None or b is None or abs((a - b).days) <= WIRE_DAYS
            if near and jaccard(d["hashes"], o["hashes"]) >= WIRE_JACCARD:
                links.append(_link(d["doc_id"], o["doc_id"], "wire line"))
    return links


def _link(a: str, b: str, reason: str) -> dict:
    a, b = sorted((a, b))
    return {"doc_a": a, "doc_b": b, "reason": reason}


def components(docs: list[tuple[str, str | None]], edges: list[tuple[str, str]]) -> dict[str, str]:
    """``docs`` (id, published) and ``edges`` (id pairs) -> each id's origin id: the
    connected components (``dedup.components``), each named after its earliest article."""
    published = dict(docs)
    inside = [(a, b) for a, b in edges if a in published and b in published]
    origin_of = {}
    for group in dedup.components([d for d, _ in docs], inside):
        first = min(group, key=lambda d: (published[d] is None, published[d] or "", d))
        for d in group:
            origin_of[d] = "o:" + first.removeprefix("sha1:")
    return origin_of


def origin_rows(origin_of: dict[str, str], info: dict[str, dict]) -> list[dict]:
    """One row per origin: ``{origin_id, outlet, wire, n_docs, first_doc,
    first_published, docs}``; ``info`` maps doc id -> ``{published, outlet, wire}``."""
    members: dict[str, list[str]] = {}
    for d, o in origin_of.items():
        members.setdefault(o, []).append(d)
    rows = []
    for oid, docs in members.items():
        docs.sort(key=lambda d: (info[d]["published"] is None, info[d]["published"] or "", d))
        wires = sorted({info[d]["wire"] for d in docs if info[d].get("wire")})
        rows.append({
            "origin_id": oid, "outlet": wires[0] if wires else info[docs[0]].get("outlet"),
            "wire": wires[0] if wires else None, "n_docs": len(docs), "first_doc": docs[0],
            "first_published": info[docs[0]]["published"], "docs": docs,
        })  # fmt: skip
    return rows
