"""Near-duplicate articles (syndicated wire copies, updates) with MinHash LSH.

Signatures are computed by the workers at ingest (``minhash.signature``); here they are
indexed in a datasketch ``MinHashLSH`` and every document is joined to those whose
estimated Jaccard similarity passes ``threshold``. Each group keeps all its documents and
marks one canonical (the earliest published, then the smallest id), so counts can be of
stories rather than copies.
"""

from __future__ import annotations

import numpy as np

from newsgraph.corpus.minhash import NUM_PERM, SEED, jaccard

THRESHOLD = 0.7


def group(rows: list[tuple[str, str | None, list[int]]], threshold: float = THRESHOLD) -> list[dict]:
    """``rows`` of (doc_id, published, signature) -> one row per document:
    ``{doc_id, group_id, canonical, similarity}`` (similarity to the group's canonical)."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent = {doc_id: doc_id for doc_id, _, _ in rows}
    signatures = {doc_id: sig for doc_id, _, sig in rows}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, _, sig in sorted(rows, key=lambda r: r[0]):
        mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=np.asarray(sig, dtype=np.uint64), scheme="legacy")
        for other in lsh.query(mh):
            if jaccard(sig, signatures[other]) >= threshold:
                parent[find(doc_id)] = find(other)
        lsh.insert(doc_id, mh)
    members: dict[str, list[tuple[str, str | None]]] = {}
    for doc_id, published, _ in rows:
        members.setdefault(find(doc_id), []).append((doc_id, published))
    out = []
    for docs in members.values():
        canonical = min(docs, key=lambda d: (d[1] is None, d[1] or "", d[0]))[0]
        for doc_id, _ in docs:
            out.append({
                "doc_id": doc_id, "group_id": "g:" + canonical.removeprefix("sha1:"),
                "canonical": doc_id == canonical,
                "similarity": 1.0 if doc_id == canonical else jaccard(signatures[doc_id], signatures[canonical]),
            })  # fmt: skip
    return out
