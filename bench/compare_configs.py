"""What a pipeline setting costs: two configurations timed on the same BBC articles.

    .venv/bin/python bench/compare_configs.py --b other.toml [--a base.toml] [--n 600]

Runs the full pipeline of configuration A (default: the shipped default pipeline) and of
B over the same articles in one process, in rounds of 100 articles whose order alternates
(A then B, then B then A), and prints the CPU milliseconds per article of each and their
ratio. Alternating in one process cancels most of what makes two separate runs of
``throughput.py`` differ on a shared machine (bench/README.md). Both pipelines share the
backbone's spaCy pipeline (``load_spacy`` is cached per process), so a round's second
system meets a vocabulary its first warmed: the alternation evens that out too.

Example: the entities component's second opinion (docs/entities.md), on by default:
``--b bench/configs/no-second-opinion.toml`` (the default pipeline with it switched off).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from throughput import DEFAULT_DATA, select_articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--a", type=Path, help="configuration A (default: the default pipeline)")
    parser.add_argument("--b", type=Path, required=True, help="configuration B")
    parser.add_argument("--n", type=int, default=600, help="articles timed (default 600)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC data_files folder")
    args = parser.parse_args(argv)

    from newsgraph.ingest.inputs import InputDoc
    from newsgraph.pipeline.config import PipelineConfig
    from newsgraph.pipeline.pipeline import Pipeline

    warm, rounds = 20, 100
    articles = select_articles(args.data, warm + args.n)
    systems = {
        "A": Pipeline.from_config(PipelineConfig.from_file(args.a) if args.a else PipelineConfig.default()),
        "B": Pipeline.from_config(PipelineConfig.from_file(args.b)),
    }

    def inputs(chunk):
        return [InputDoc(id=a.id, text=a.body, title=a.title, source=a.id) for a in chunk]

    for pipeline in systems.values():
        list(pipeline.pipe(inputs(articles[:warm])))
    spent = dict.fromkeys(systems, 0.0)
    for k, start in enumerate(range(warm, len(articles), rounds)):
        chunk = articles[start : start + rounds]
        for name in ("A", "B") if k % 2 == 0 else ("B", "A"):
            began = time.process_time()
            list(systems[name].pipe(inputs(chunk)))
            spent[name] += time.process_time() - began
    timed = len(articles) - warm
    a, b = (1000 * spent[name] / timed for name in ("A", "B"))
    print(f"{timed} articles; CPU ms per article: A {a:.2f}, B {b:.2f}; A costs {a - b:+.2f} ms "
          f"({100 * (a - b) / b:+.1f}%); throughput A/B {b / a:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
