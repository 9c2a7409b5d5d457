"""A long-lived pipeline's memory stays bounded: word-keyed memos are capped, spaCy's
vocabulary forgets each batch's new words (memory zones), and neither changes an output."""

from __future__ import annotations

import random
import threading

import numpy as np
import pytest
from spacy.strings import StringStore

from newsgraph.ingest.inputs import InputDoc
from newsgraph.pipeline.bounded import BoundedCache
from newsgraph.pipeline.components import backbone
from newsgraph.pipeline.components.quotes import cues, tokens
from newsgraph.pipeline.shared import parse
from newsgraph.record import to_json

_TEMPLATE = (
    "The {a} minister Anna {b} said on Tuesday that talks with {c} Holdings had collapsed. "
    '"We will not accept a {d} deal," she told reporters in London, warning of strikes. '
    "Police arrested {n} protesters after a {e} march, and shares in {c} fell 4% to $12.50."
)


def _article(rng: random.Random) -> str:
    """A short synthetic news article with made-up words, new in every call."""

    def word() -> str:
        return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    return _TEMPLATE.format(a=word(), b=word().title(), c=word().title(), d=word(), e=word(), n=rng.randint(2, 99))


def _inputs(n: int, seed: int = 7) -> list[InputDoc]:
    rng = random.Random(seed)
    return [InputDoc(id=f"m{i}", text=_article(rng), title="Talks collapse") for i in range(n)]


def _records(pipeline, items: list[InputDoc]) -> list[bytes]:
    return [to_json(r) for r in pipeline.pipe(items)]


def test_bounded_cache_never_exceeds_cap():
    cache: BoundedCache[int, int] = BoundedCache(cap=10)
    for key in range(1000):
        cache[key] = key * 2
        assert len(cache) <= 10
        assert cache[key] == key * 2
    for key in range(1000, 1100):
        assert cache.setdefault(key, -key) == -key
        assert len(cache) <= 10
    cache[1099] = 5  # an existing key never clears the rest
    assert len(cache) == 10 - 1 + 1 and cache[1099] == 5


def test_bounded_cache_refuses_no_room():
    with pytest.raises(ValueError):
        BoundedCache(cap=0)


def test_quotes_lemma_table_capped_same_answers():
    strings = StringStore()
    words = frozenset({"say", "tell", "warn"})
    table = tokens._Lemmas(words, cap=50)
    rng = random.Random(3)
    pool = [f"Word{i}" for i in range(400)] + ["Say", "TELL", "warn"]
    for _ in range(60):  # documents of 20 lemmas each: 1,200 lemmas met, many more than the cap
        lemmas = rng.sample(pool, 20)
        column = np.array([strings.add(w) for w in lemmas], dtype=np.uint64)
        assert table.member(strings, column).tolist() == [w.lower() in words for w in lemmas]
        assert len(table.table[0]) <= 50 + 20  # the cap, plus one document's lemmas


@pytest.fixture
def capped(pipeline, monkeypatch):
    """The shared pipeline with every word-keyed memo capped at a few entries."""
    tone, events = pipeline.get("newsgraph.tone.v1"), pipeline.get("newsgraph.events.v1")
    small = {
        (tone, "_words"): BoundedCache(5),
        (tone, "_lemmas"): BoundedCache(5),
        (events, "_may_match"): BoundedCache(5),
        (events, "_lemma_types"): BoundedCache(2),
        (cues, "_LOWER_IDS"): BoundedCache(5),
        (parse, "_LOWER"): BoundedCache(5),
    }
    for (owner, name), cache in small.items():
        monkeypatch.setattr(owner, name, cache)
    monkeypatch.setattr(tokens, "_LOOKUPS", {})
    monkeypatch.setattr(tokens._Lemmas.__init__, "__defaults__", (5,))
    return small


def test_pipeline_memos_capped_same_records(pipeline, capped):
    items = _inputs(12)
    with_eviction = _records(pipeline, items)
    for (owner, name), cache in capped.items():
        assert len(getattr(owner, name)) <= cache.cap, name
    assert all(len(lookup.table[0]) <= 5 + 200 for lookup in tokens._LOOKUPS.values())
    for owner, name in capped:
        getattr(owner, name).cap = 1 << 20  # no eviction
    assert _records(pipeline, items) == with_eviction


def test_backbone_memory_zone_forgets_new_words_same_records(pipeline, nlp, monkeypatch):
    items = _inputs(40, seed=11)
    monkeypatch.setattr(backbone, "WARM_DOCS", 1 << 30)  # no zone: every new word stays
    kept = _records(pipeline, items[:20])
    grown = len(nlp.vocab.strings)
    monkeypatch.setattr(backbone, "WARM_DOCS", 0)
    zoned = _records(pipeline, items[20:])
    assert len(nlp.vocab.strings) == grown  # the second half's new words were forgotten
    assert _records(pipeline, items[:20]) == kept  # and a zone changes no output
    monkeypatch.setattr(backbone, "WARM_DOCS", 1 << 30)
    assert _records(pipeline, items[20:]) == zoned


def test_backbone_lemmatizer_memo_capped(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer").cache, BoundedCache)


def test_pipeline_memory_zones_serialised_across_threads(pipeline, monkeypatch):
    monkeypatch.setattr(backbone, "WARM_DOCS", 0)
    items = _inputs(6, seed=19)
    expected = _records(pipeline, items)
    found: list[list[bytes]] = []
    threads = [threading.Thread(target=lambda: found.append(_records(pipeline, items))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [expected] * 3
