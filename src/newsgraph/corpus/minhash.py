"""MinHash signatures of article text, computed by the workers at ingest time.

A document is the set of its word 5-shingles (lowercased word tokens; shorter texts use
what they have). Two documents' signatures agree on about as many positions as the
Jaccard similarity of their shingle sets, which is what finds syndicated copies.

The hash family is that of datasketch's pre-2.0 ("legacy") ``MinHash``: SHA-1 32-bit
values, ``(a * h + b) mod (2**61 - 1)`` kept to 32 bits. The values are NOT datasketch's:
datasketch draws each permutation's ``(a, b)`` pair in turn from ``RandomState(seed)``,
this module draws all the ``a`` then all the ``b``, so the same seed gives other
permutations (tests/test_corpus_minhash.py pins this). That is harmless, since signatures
are only ever compared with each other, and it is kept because stores hold signatures made
this way: changing the draw would split every stored near-duplicate group. It is plain
numpy because importing datasketch pulls in scipy, which would add seconds to every
worker's start; the LSH index (``dedup``) uses datasketch on these values.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_PERM = 64
SHINGLE = 5
SEED = 1  # fixed: signatures computed in different processes or runs must compare
# Values in the legacy scheme's range (32-bit); dedup labels them "legacy" for datasketch.
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+", re.UNICODE)


def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(SEED)
    a = rng.randint(1, (1 << 61) - 1, num_perm, dtype=np.uint64)
    b = rng.randint(0, (1 << 61) - 1, num_perm, dtype=np.uint64)
    return a, b


_A, _B = _permutations(NUM_PERM)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The word ``size``-shingles of ``text`` as UTF-8 bytes."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of ``text``: ``NUM_PERM`` unsigned 32-bit ints."""
    grams = shingles(text)
    if not grams:
        return [int(_MAX_HASH)] * NUM_PERM
    hashes = np.fromiter(
        (int.from_bytes(hashlib.sha1(g).digest()[:4], "little") for g in grams), dtype=np.uint64, count=len(grams)
    )
    # uint64 wrap-around in the product is part of the scheme (as in datasketch).
    with np.errstate(over="ignore"):
        permuted = ((hashes[:, None] * _A + _B) % _MERSENNE) & _MAX_HASH
    return permuted.min(axis=0).tolist()


def jaccard(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))
