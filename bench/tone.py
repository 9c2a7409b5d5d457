"""Tone on BBC News: the mean and spread of ``tone`` per topic, and the share of articles
on each side of zero. There is no gold tone in ../shared/data, so this is a face-validity
check (entertainment and sport should read warmer than politics and business), not an
accuracy figure; it also times the tone component alone.

    .venv/bin/python bench/tone.py [--n 2225] [--data PATH] [--json]

Uses the same article selection as bench/throughput.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_DATA, component_timers, select_articles


def measure(n: int, data: Path) -> dict:
    """Per-topic tone statistics and the tone component's ms per article."""
    from newsgraph.service import get_pipeline, make_input

    pipeline = get_pipeline()
    by_topic: dict[str, list[float]] = defaultdict(list)
    articles = select_articles(data, n)
    inputs = [make_input(a.body, None, id=a.id, title=a.title) for a in articles]
    with component_timers(pipeline) as timers:
        for record in pipeline.pipe(inputs):
            by_topic[record.id.split("/")[0]].append(record.tone.tone)
    spent = timers["newsgraph.tone.v1"].cpu
    topics = {
        topic: {
            "n": len(values),
            "mean": round(statistics.mean(values), 2),
            "stdev": round(statistics.stdev(values), 2) if len(values) > 1 else 0.0,
            "negative_share": round(sum(v < 0 for v in values) / len(values), 3),
        }
        for topic, values in sorted(by_topic.items())
    }
    return {"articles": len(articles), "tone_ms_per_article": round(1000 * spent / len(articles), 3), "topics": topics}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2225)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        raise SystemExit(f"BBC News corpus not found at {args.data}")
    result = measure(args.n, args.data)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['articles']} articles; tone component {result['tone_ms_per_article']} ms CPU per article")
    print(f"{'topic':<15}{'n':>6}{'mean tone':>11}{'stdev':>8}{'< 0':>8}")
    for topic, s in result["topics"].items():
        print(f"{topic:<15}{s['n']:>6}{s['mean']:>11.2f}{s['stdev']:>8.2f}{s['negative_share']:>8.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
