"""bench/memory.py: the respelt articles it feeds and the growth it reports (no spaCy)."""

from __future__ import annotations

import importlib.util
import math
import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "memory.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_memory", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_bench_memory_respelling_keeps_shape_and_brings_new_words(bench):
    body = "The minister said the talks would resume on Monday, despite the strikes. " * 20
    article = bench.Article(id="t/1", title="Talks", body=body)
    out = bench.respelt(article, random.Random(5)).body
    assert len(out) == len(body)
    old, new = body.split(), out.split()
    assert all(len(a) == len(b) and a[0] == b[0] and a[-1] == b[-1] for a, b in zip(old, new, strict=True))
    assert len(set(new) - set(old)) > 20  # words no article had


def test_bench_memory_growth_is_the_slope_past_the_first_pass(bench):
    def rss(n: int) -> float:  # 1 MiB an article in the first pass, 0.05 after it
        return 400 + (n if n <= 1000 else 1000 + 0.05 * (n - 1000))

    samples = [{"articles": n, "rss_mb": rss(n)} for n in range(0, 3001, 250)]
    assert bench.growth_per_1000(samples, 1000) == pytest.approx(50.0)
    assert math.isnan(bench.growth_per_1000(samples[:2], 1000))  # too few points
