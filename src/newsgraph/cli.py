"""The ``newsgraph`` command line: each command parses arguments and calls one service
function; nothing here analyses text itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsgraph import service
from newsgraph.errors import NewsgraphError
from newsgraph.ingest.inputs import Failure
from newsgraph.ingest.readers import read_jsonl, read_paths
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.record import Record, to_dict, to_json


class _Group(click.Group):
    """Turns newsgraph errors into one clear line and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NewsgraphError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(2)


@click.group(cls=_Group)
@click.version_option(package_name="newsgraph")
def main() -> None:
    """newsgraph: news articles in, a knowledge graph with provenance out."""


@main.command()
@click.argument("files", nargs=-1)
@click.option("--input", "input_", help="A JSONL batch: one {id, text|html, ...} object a line ('-' for stdin).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write records here instead of stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["summary", "json", "jsonl"]),
    help="Output format. Default: summary for one article on a terminal, JSONL otherwise.",
)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not carry one.")
@click.option("--model", help="An installed spaCy pipeline to use instead of the default.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="A pipeline config (TOML).")
@click.option("--no-clean", is_flag=True, help="Analyse the text verbatim: no cleaning, offsets index the input.")
def analyze(files, input_, output, fmt, published, model, config_path, no_clean) -> None:
    """Analyse articles: FILES (text, HTML, folders, globs, '-' for stdin) or --input JSONL.

    Failures are reported on stderr at the end; the exit code is 1 if any input failed.
    """
    if not files and not input_:
        raise click.UsageError("give FILES or --input")
    clean = not no_clean
    items = read_paths(list(files), published=published, clean=clean) if files else iter(())
    if input_:
        items = _chain(items, read_jsonl(input_, published=published, clean=clean))
    config = PipelineConfig.from_file(config_path) if config_path else None
    results = service.analyze_inputs(items, model=model, config=config)
    failures = _write(results, output, fmt)
    for failure in failures:
        click.echo(f"failed: {failure}", err=True)
    if failures:
        click.echo(f"{len(failures)} input(s) failed", err=True)
        sys.exit(1)


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def _write(results, output: str | None, fmt: str | None) -> list[Failure]:
    """Stream records to ``output`` in ``fmt``; returns the failures seen."""
    failures: list[Failure] = []
    records: list[Record] = []
    stream = open(output, "wb") if output else sys.stdout.buffer
    try:
        for result in results:
            if isinstance(result, Failure):
                failures.append(result)
                continue
            if fmt in (None, "summary", "json"):
                records.append(result)  # the choice waits until we know how many there are
                if fmt is None and len(records) > 1:
                    fmt = "jsonl"
                    for record in records:
                        stream.write(to_json(record) + b"\n")
                    records.clear()
                continue
            stream.write(to_json(result) + b"\n")
        _flush(records, stream, fmt, output)
    finally:
        if output:
            stream.close()
    return failures


def _flush(records: list[Record], stream, fmt: str | None, output: str | None) -> None:
    if fmt is None:
        fmt = "summary" if len(records) == 1 and not output and sys.stdout.isatty() else "jsonl"
    if fmt == "summary":
        from newsgraph.summary import print_summary

        for record in records:
            print_summary(record)
    elif fmt == "json":
        data = to_dict(records[0]) if len(records) == 1 else [to_dict(r) for r in records]
        stream.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    else:
        for record in records:
            stream.write(to_json(record) + b"\n")


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the schema here instead of stdout.")
@click.option("--check", type=click.Path(exists=True, dir_okay=False), help="Exit 1 if this file differs from the schema.")
def schema(output, check) -> None:
    """Print the record's JSON Schema, generated from the record types."""
    from newsgraph.record import json_schema

    text = json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
    if check:
        if Path(check).read_text(encoding="utf-8") != text:
            click.echo(f"{check} is out of date: run `newsgraph schema -o {check}`", err=True)
            sys.exit(1)
        return
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
def components() -> None:
    """List the registered pipeline components and the default pipeline."""
    from newsgraph.pipeline import registry
    from newsgraph.pipeline.config import DEFAULT_COMPONENTS

    for name in registry.names():
        mark = "*" if name in DEFAULT_COMPONENTS else " "
        click.echo(f"{mark} {name}")
    click.echo("(* = in the default pipeline)")


def _register_optional_groups() -> None:
    from newsgraph.eval.cli import eval_group

    main.add_command(eval_group, name="eval")


_register_optional_groups()
