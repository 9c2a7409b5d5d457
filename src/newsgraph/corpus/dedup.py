"""Near-duplicate articles (syndicated wire copies, updates) with MinHash LSH.

Signatures are computed by the workers at ingest (``minhash.signature``); here they are
cut into ``BANDS`` bands of ``ROWS`` values (datasketch's optimum for a 0.7 threshold and
64 permutations, pinned by a test). Two documents are candidates when one band is equal,
and joined when their estimated Jaccard similarity passes ``threshold``; groups are the
connected components of those joins, so they do not depend on the order documents
arrive in. The band keys are what the store keeps (``lsh_bands``) so a new article is
compared with the few documents sharing a band, never with the whole store. Each group
keeps all its documents and marks one canonical (the earliest published, then the
smallest id), so counts can be of stories rather than copies.
"""

from __future__ import annotations

import hashlib

import numpy as np

from newsgraph.corpus.minhash import NUM_PERM, jaccard

THRESHOLD = 0.7
BANDS, ROWS = 8, 8  # datasketch.MinHashLSH(threshold=0.7, num_perm=64).b, .r
assert BANDS * ROWS == NUM_PERM


def bands(sig: list[int]) -> list[tuple[int, str]]:
    """The LSH band keys of a signature: (band number, digest of the band's values)."""
    values = np.asarray(sig, dtype=np.uint32)
    return [(i, hashlib.sha1(values[i * ROWS : (i + 1) * ROWS].tobytes()).hexdigest()[:16]) for i in range(BANDS)]


def group(rows: list[tuple[str, str | None, list[int]]], threshold: float = THRESHOLD) -> list[dict]:
    """``rows`` of (doc_id, published, signature) -> one row per document:
    ``{doc_id, group_id, canonical, similarity}`` (similarity to the group's canonical)."""
    signatures = {doc_id: sig for doc_id, _, sig in rows}
    buckets: dict[tuple[int, str], list[str]] = {}
    for doc_id, _, sig in rows:
        for band in bands(sig):
            buckets.setdefault(band, []).append(doc_id)
    pairs = {(a, b) for docs in buckets.values() for a in docs for b in docs if a < b}
    edges = [(a, b) for a, b in sorted(pairs) if jaccard(signatures[a], signatures[b]) >= threshold]
    published = {doc_id: pub for doc_id, pub, _ in rows}
    return [row for docs in components(list(published), edges) for row in group_rows(docs, published, signatures)]


def components(docs: list[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    """The connected components of ``docs`` joined by ``edges`` (union-find)."""
    parent = {doc_id: doc_id for doc_id in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    members: dict[str, list[str]] = {}
    for doc_id in docs:
        members.setdefault(find(doc_id), []).append(doc_id)
    return list(members.values())


def group_rows(docs: list[str], published: dict, signatures: dict) -> list[dict]:
    """The ``doc_groups`` rows of one group of documents: its id names its canonical."""
    canonical = min(docs, key=lambda d: (published[d] is None, published[d] or "", d))
    return [{
        "doc_id": doc_id, "group_id": "g:" + canonical.removeprefix("sha1:"),
        "canonical": doc_id == canonical,
        "similarity": 1.0 if doc_id == canonical else jaccard(signatures[doc_id], signatures[canonical]),
    } for doc_id in docs]  # fmt: skip
