"""MinHash signatures: what the module's docstring claims about them holds."""

from __future__ import annotations

import numpy as np

from newsgraph.corpus.minhash import NUM_PERM, SEED, jaccard, shingles, signature

BASE = " ".join(f"word{i}" for i in range(120))


def test_corpus_minhash_estimate_tracks_the_true_jaccard():
    other = BASE.replace("word60", "changed").replace("word90", "altered")
    a, b = shingles(BASE), shingles(other)
    true = len(a & b) / len(a | b)
    assert abs(jaccard(signature(BASE), signature(other)) - true) < 0.15
    assert jaccard(signature(BASE), signature(BASE)) == 1.0
    assert len(signature(BASE)) == NUM_PERM and max(signature(BASE)) < 2**32


def test_corpus_minhash_same_hash_family_not_datasketchs_values():
    from datasketch import MinHash

    theirs = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="legacy")
    for gram in shingles(BASE):
        theirs.update(gram)
    ours = np.asarray(signature(BASE), dtype=np.uint64)
    # datasketch draws (a, b) per permutation, we draw all a then all b: other values
    assert not np.array_equal(theirs.hashvalues, ours)
    # ... from the same family: with our permutations datasketch gives our values
    rng = np.random.RandomState(SEED)
    a = rng.randint(1, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
    same = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=(a, b), scheme="legacy")
    for gram in shingles(BASE):
        same.update(gram)
    assert np.array_equal(same.hashvalues, ours)
