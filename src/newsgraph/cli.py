"""The ``newsgraph`` command line: each command parses arguments and calls one service
function; nothing here analyses text itself."""

from __future__ import annotations

import json
import sys
from itertools import chain
from pathlib import Path

import click

from newsgraph import service
from newsgraph.corpus.filters import check_confidence, check_country, check_date, check_event_type
from newsgraph.errors import ConfigError, NewsgraphError, StoreError
from newsgraph.ingest.inputs import Failure
from newsgraph.ingest.readers import read_jsonl, read_paths
from newsgraph.pipeline.config import PipelineConfig
from newsgraph.record import Record, to_dict, to_json
from newsgraph.store import DEFAULT_DB


# Exit codes (docs/cli.md): 1 some inputs of `analyze` failed, or no such entity; 2 bad
# usage, options, configuration or output path (nothing ran); 3 `ingest` ran but some inputs failed;
# 4 the store cannot be used (missing, locked, not a store, permission, schema, write).
EXIT_USAGE, EXIT_INPUTS_FAILED, EXIT_STORE = 2, 3, 4


class _Group(click.Group):
    """Turns newsgraph errors into one clear line and an exit code, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StoreError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(EXIT_STORE)
        except NewsgraphError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(EXIT_USAGE)
        except OSError as err:  # a file named on the command line cannot be read or written
            where = f"{err.filename}: " if err.filename else ""
            click.echo(f"error: {where}{err.strerror or err}", err=True)
            ctx.exit(EXIT_USAGE)


@click.group(cls=_Group)
@click.version_option(package_name="newsgraph")
def main() -> None:
    """newsgraph: news articles in, a knowledge graph with provenance out."""


def _checked(check):
    """A click callback applying ``check`` (from ``corpus.filters``) to an option's value,
    so a bad value is a usage error (exit 2) before the store or any input is opened."""

    def callback(ctx, param, value):
        if value is None:
            return None
        try:
            return check(value)
        except ValueError as err:
            raise click.BadParameter(str(err), ctx=ctx, param=param) from None

    return callback


_published_option = click.option(
    "--published", callback=_checked(check_date), help="Publication date (YYYY-MM-DD) for inputs that do not carry one."
)


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
@_published_option
@click.option("--model", help="An installed spaCy pipeline to use instead of the default.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="A pipeline config (TOML).")
@click.option("--no-clean", is_flag=True, help="Analyse the text verbatim: no cleaning, offsets index the input.")
def analyze(files, input_, output, fmt, published, model, config_path, no_clean) -> None:
    """Analyse articles: FILES (text, HTML, JSONL, WARC, RSS/Atom, folders, globs, '-' for
    stdin) or --input JSONL. In folders only article files are read, others are listed as
    skipped.

    Failures are reported on stderr at the end; the exit code is 1 if any input failed.
    """
    if not files and not input_:
        raise click.UsageError("give FILES or --input")
    clean = not no_clean
    items = read_paths(list(files), published=published, clean=clean, on_skip=_echo_skipped) if files else iter(())
    if input_:
        items = chain(items, read_jsonl(input_, published=published, clean=clean))
    config = PipelineConfig.from_file(config_path) if config_path else None
    results = service.analyze_inputs(items, model=model, config=config)
    failures = _write(results, output, fmt)
    for failure in failures:
        click.echo(f"failed: {failure}", err=True)
    if failures:
        click.echo(f"{len(failures)} input(s) failed", err=True)
        sys.exit(1)


def _echo_skipped(skipped) -> None:
    """Report a file found in a folder or glob that is not read (``readers.Skipped``)."""
    click.echo(f"skipped: {skipped}", err=True)


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


# ---------------------------------------------------------------------------------------
# Corpus commands: each opens the store, makes one service call and renders the result
# as a table (default) or JSON.
# ---------------------------------------------------------------------------------------

_db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="The store (DuckDB file)."
)
_format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format."
)
_limit_option = click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1),
                             help="At most this many rows.")  # fmt: skip




def _store_command(read_only=False, *, create: bool = False, corpus: bool = True):
    """Open the store named by ``--db`` for the command and close it after (the one place
    that does so): the command receives ``store`` instead of ``db``. ``read_only`` (a
    bool, or a function of the command's options) opens it read-only for real: the file
    must exist, nothing is written, and a warning says when the cross-article tables are
    older than the documents (for ``corpus`` commands). A missing store is created only
    when ``create`` (``ingest``); otherwise it is an error (exit 4)."""

    def decorate(func):
        import functools

        @functools.wraps(func)
        def wrapper(db, **kwargs):
            reading = read_only(kwargs) if callable(read_only) else read_only
            with service.open_store(db, read_only=reading, create=create) as store:
                if reading and corpus:
                    _warn_if_stale(store, db)
                return func(store=store, **kwargs)

        return wrapper

    return decorate


def _warn_if_stale(store, db: str) -> None:
    state = service.corpus_status(store)
    if not state["current"]:
        built = "never built" if state["built_over"] is None else f"built over {state['built_over']} documents"
        click.echo(f"warning: the cross-article tables are {built}, the store has {state['documents']}: "
                   f"run `newsgraph build --db {db}` for current results", err=True)  # fmt: skip


_workers_option = click.option(
    "--workers", type=click.IntRange(min=0), help="Analysis processes (default: the cores; 0 = in this process)."
)
_progress_option = click.option("--no-progress", is_flag=True, help="No progress bar or progress lines.")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_workers_option
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", help="Ray cluster address for --engine ray (default: RAY_ADDRESS or a local Ray).")
@click.option("--shard-dir", type=click.Path(file_okay=False), help="Where --engine ray writes its Parquet shards.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1),
              help="Documents per worker task and per transaction.")  # fmt: skip
@_published_option
@click.option("--model", help="An installed spaCy pipeline to use instead of the default.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="A pipeline config (TOML).")
@_progress_option
@click.option("--no-joins", is_flag=True, help="Skip the cross-article joins (run `newsgraph build` later).")
@_store_command(create=True)
def ingest(store, paths, workers, engine, ray_address, shard_dir, batch_size, published, model, config_path,
           no_progress, no_joins) -> None:  # fmt: skip
    """Analyse PATHS (files, folders, globs, '-' for stdin: text, HTML, JSONL, WARC,
    RSS/Atom) into the store; in folders only article files are read, others are listed
    as skipped.

    Idempotent and resumable: documents already stored are skipped, so re-running after
    an interruption continues where it stopped. Each failed input is printed on stderr
    and kept in the errors table; the next run tries it again. Exit 3 if any failed.
    """
    config = PipelineConfig.from_file(config_path) if config_path else None
    stats = service.ingest(
        store, list(paths), joins=not no_joins, workers=workers, engine=engine, ray_address=ray_address,
        shard_dir=shard_dir, batch_size=batch_size, config=config, model=model, published=published,
        show_progress=not no_progress,
    )  # fmt: skip
    for skipped in stats["skipped_files"]:
        click.echo(f"skipped: {skipped['source']}: {skipped['reason']}", err=True)
    _report_ingest(stats, store.path)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--every", default="15m", show_default=True, callback=lambda ctx, param, value: _period(ctx, param, value),
              help="Time between the starts of two cycles: 30s, 15m, 1h, 1d.")  # fmt: skip
@click.option("--once", is_flag=True, help="Run one cycle and stop (as --cycles 1).")
@click.option("--cycles", type=click.IntRange(min=1), help="Stop after this many cycles (default: run until stopped).")
@_workers_option
@_published_option
@_store_command(create=True)
def watch(store, paths, every, once, cycles, workers, published) -> None:
    """Ingest PATHS (folders, feed files, any input `ingest` reads) again every --every:
    new files and feed entries are analysed and joined, stored ones skipped.

    The store is the only state, so a restarted or killed watch resumes where it
    stopped. Prints one line per cycle on stderr: new, skipped, failed, seconds.
    """
    service.watch(store, list(paths), every=every, cycles=1 if once else cycles, workers=workers,
                  published=published, on_cycle=lambda c: click.echo(c.line(), err=True))  # fmt: skip


def _period(ctx, param, value: str) -> float:
    """``--every`` in seconds; a bad period is a usage error (exit 2) before the store is opened."""
    try:
        return service.watch_period(value)
    except ConfigError as err:
        raise click.BadParameter(err.message, ctx=ctx, param=param) from None


def _report_ingest(stats: dict, db: str) -> None:
    """Each failure and a summary on stderr, the counts as JSON on stdout; exit 3 when
    any input failed."""
    for failure in stats.pop("failures", []):
        who = failure["id"] or failure["source"] or "input"
        where = f" ({failure['source']})" if failure["id"] and failure["source"] else ""
        click.echo(f"failed: {who}{where}: {failure['reason']} [{failure['code']}]", err=True)
    line = (f"ingest: {stats['written']} written, {stats['skipped']} skipped (already in the store, or repeated "
            f"in this run: same content, not analysed again), {stats['failed']} failed")  # fmt: skip
    if stats["failed"]:
        line += (f" (listed above and kept in the store: `newsgraph errors --db {db}` lists them; the next "
                 "`newsgraph ingest` tries them again)")  # fmt: skip
    click.echo(line, err=True)
    click.echo(json.dumps(stats, indent=2, default=str))
    if stats["failed"]:
        sys.exit(EXIT_INPUTS_FAILED)


@main.command()
@_db_option
@click.option("--full", is_flag=True, help="Rebuild every cross-article table from scratch instead of joining "
              "only the documents added since the last build.")  # fmt: skip
@_store_command()
def build(store, full) -> None:
    """Join the documents added since the last build into the cross-article tables
    (entities, stories, events) of an existing store; `--full` rebuilds them all.

    `ingest` does this at its end; run it after `ingest --no-joins`, or when a query
    warns that the tables are older than the documents. Also upgrades an old store.
    """
    click.echo(json.dumps(service.build(store, full=full), indent=2))


@main.command()
@_db_option
@click.option("--retry", is_flag=True, help="Ingest again the files the failures came from.")
@click.option("--clear", is_flag=True, help="Delete every stored failure.")
@_workers_option
@_progress_option
@_limit_option
@_format_option
@_store_command(read_only=lambda options: not (options["retry"] or options["clear"]), corpus=False)
def errors(store, retry, clear, workers, no_progress, limit, fmt) -> None:
    """The inputs that failed to ingest: input, code, reason (oldest first).

    --retry reads their files again (stored documents are skipped; an input that now
    succeeds leaves the list; exit 3 if some still fail). --clear forgets them all.
    """
    if retry and clear:
        raise click.UsageError("give --retry or --clear, not both")
    if clear:
        click.echo(f"cleared {service.clear_errors(store)} stored failure(s)", err=True)
        return
    if retry:
        stats = service.retry_errors(store, workers=workers, show_progress=not no_progress)
        for source in stats.pop("not_retried"):
            click.echo(f"not retried: {source} (cannot be read again: re-run `newsgraph ingest` with it)", err=True)
        _report_ingest(stats, store.path)
        return
    _emit(service.store_errors(store, limit=limit), fmt, ["key", "source", "code", "reason", "seen_at"],
          title="Failed inputs")  # fmt: skip


def _emit(data, fmt: str, columns: list[str] | None = None, title: str | None = None) -> None:
    """Print ``data`` (a list of row dicts) as a table or as JSON."""
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    columns = columns or (list(data[0]) if data else [])
    for column in columns:
        table.add_column(column)
    for row in data:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console().print(table)


def _cell(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value[:5]) + (" ..." if len(value) > 5 else "")
    return "" if value is None else str(value)


@main.command()
@_db_option
@click.option("--type", "type_", help="Only this entity type (PERSON, ORG, GPE, ...).")
@click.option("--query", "-q", help="Only entities whose name contains this.")
@_limit_option
@_format_option
@_store_command(read_only=True)
def entities(store, type_, query, limit, fmt) -> None:
    """Entities resolved across articles, most-reported first."""
    rows = service.corpus_entities(store, type=type_, query=query, limit=limit)
    _emit(rows, fmt, ["name", "type", "n_stories", "n_docs", "n_mentions", "aliases", "gid"])


@main.command()
@click.argument("name")
@_db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="At most this many mentions, quotes, co-occurring.")  # fmt: skip
@_format_option
@_store_command(read_only=True)
def entity(store, name, limit, fmt) -> None:
    """One entity: offices, mentions, quotes by them, co-occurring entities, evidence."""
    profile = service.corpus_entity(store, name, limit=limit)
    if profile is None:
        near = [f"{s['name']} ({s['type']})" for s in service.entity_suggestions(store, name)]
        hint = f"; did you mean {', '.join(near)}?" if near else " (and no name is close)"
        click.echo(f"no entity {name!r}{hint}", err=True)
        sys.exit(1)
    if fmt == "json":
        _emit(profile, fmt)
        return
    e = profile["entity"]
    click.echo(f"{e['name']} ({e['type']}, {e['gid']}): {e['n_stories']} stories, {e['n_docs']} articles, "
               f"{e['n_mentions']} mentions; also {', '.join(e['aliases']) or '-'}")  # fmt: skip
    _emit(profile["offices"], fmt, ["title", "of", "n_docs"], title="Offices")
    _emit(profile["mentions"]["items"], fmt, ["published", "title", "text", "context", "confidence"],
          title=f"Mentions ({profile['mentions']['total']})")  # fmt: skip
    _emit(profile["quotes"], fmt, ["published", "title", "text"], title="Quotes")
    _emit(profile["cooccurring"], fmt, ["name", "type", "n_stories"], title="Co-occurring")
    _emit(profile["evidence"], fmt, ["evidence", "confidence", "n"], title="Why these mentions are one entity")


@main.command()
@_db_option
@click.option("--speaker", help="Only quotes by this speaker (resolved across articles).")
@_limit_option
@_format_option
@_store_command(read_only=True)
def quotes(store, speaker, limit, fmt) -> None:
    """Quotes and who said them."""
    _emit(service.corpus_quotes(store, speaker=speaker, limit=limit), fmt, ["published", "speaker", "text", "title"])


@main.command()
@_db_option
@click.option("--type", "type_", callback=_checked(check_event_type), help="PLOVER event type (ASSAULT, PROTEST, ...).")
@click.option("--actor", help="Source or target actor (an entity name).")
@click.option("--country", callback=_checked(check_country), help="ISO 3166 alpha-2 code of the place or an actor.")
@click.option("--since", callback=_checked(check_date), help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_checked(check_date), help="Events on or before this date (YYYY-MM-DD).")
@click.option("--min-confidence", callback=_checked(check_confidence),
              help="Only events with a report at or above this confidence (0 to 1).")  # fmt: skip
@_limit_option
@_format_option
@_store_command(read_only=True)
def events(store, type_, actor, country, since, until, min_confidence, limit, fmt) -> None:
    """Events, deduplicated across reports: one row per event with its report count."""
    rows = service.corpus_events(store, type=type_, actor=actor, country=country, since=since, until=until,
                                 limit=limit, min_confidence=min_confidence)  # fmt: skip
    _emit(rows, fmt, ["date_first", "type", "source_name", "target_name", "place", "countries", "n_reports",
                      "n_stories", "cluster_id"])  # fmt: skip


@main.command()
@_db_option
@click.option("--kind", type=click.Choice(["quantity", "event", "quote"]), help="Only claims of this kind.")
@click.option("--contested", is_flag=True, help="Only claims whose sources give figures that do not overlap.")
@click.option("--entity", "entity_name", help="Only claims whose statements name this entity (any name or alias).")
@click.option("--min-sources", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only claims with at least this many independent sources (origins).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help='Print {"claims": [...]} as JSON.')
@click.option("--sources", "n_sources", default=20, show_default=True, type=click.IntRange(min=0),
              help="Statements given per claim in --json (n_sources says how many it has).")  # fmt: skip
@_limit_option
@_store_command(read_only=True)
def claims(store, kind, contested, entity_name, min_sources, as_json, n_sources, limit) -> None:
    """Claims: figures, quotations and events reported by several articles, with how many
    independent sources (origins) report them and whether their figures disagree."""
    rows = service.corpus_claims(store, kind=kind, contested=contested, entity=entity_name, min_sources=min_sources,
                                 limit=limit, sources=n_sources)  # fmt: skip
    if as_json:
        click.echo(json.dumps({"claims": rows}, indent=2, ensure_ascii=False))
        return
    table = [{**c, "contested": "yes" if c["contested"] else "", "sources": c["n_sources"]} for c in rows]
    _emit(table, "table", ["id", "kind", "independent_sources", "n_docs", "contested", "summary"], title="Claims")


@main.command()
@_db_option
@click.option("--entity", "entity_name", help="Timeline of this entity.")
@click.option("--story", help="Timeline of this story (a group id, or any of its articles' ids).")
@_format_option
@_store_command(read_only=True)
def timeline(store, entity_name, story, fmt) -> None:
    """A dated timeline of an entity, a story, or (with neither) the whole corpus."""
    data = service.corpus_timeline(store, entity=entity_name, story=story)
    if fmt == "json":
        _emit(data, fmt)
    elif story:
        _emit(data["articles"], fmt, ["published", "title", "canonical", "similarity", "id"], title=f"Story {data['story']}")
        _emit(data["events"], fmt, ["date_first", "type", "source_name", "target_name", "n_reports"], title="Events")
    else:
        rows = [{**d, "events": [f"{e['type']} {e['source_name'] or ''}->{e['target_name'] or ''} x{e['n_reports']}"
                                 for e in d["events"]]} for d in data["days"]]  # fmt: skip
        _emit(rows, fmt, ["day", "n_stories", "n_docs", "tone", "events", "titles"], title=entity_name or "Corpus")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "gkg"]), required=True,
              help="parquet: a folder with one file per table; jsonl: records; gkg: GDELT GKG 2.1 TSV.")  # fmt: skip
@click.option("--output", "-o", required=True, type=click.Path(), help="Output file (folder for parquet).")
@_store_command(read_only=True)
def export(store, fmt, output) -> None:
    """Export the store as Parquet, JSONL records, or GDELT GKG 2.1."""
    click.echo(json.dumps(service.corpus_export(store, fmt, output), indent=2))


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; beyond loopback a token is required.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="NEWSGRAPH_TOKEN", help="Token for POST /analyze (default: env NEWSGRAPH_TOKEN).")
@click.option("--writable", is_flag=True, help="Open the store for writing, so POST /analyze can store records "
              "(needs --token; the server is then the store's one writer).")  # fmt: skip
@click.option("--read-only", is_flag=True, help="Open the store read-only (the default; kept for old scripts).")
def serve(db, host, port, token, writable, read_only) -> None:
    """Serve the HTTP API and the web UI over the store (FastAPI + uvicorn).

    The store is opened read-only unless --writable: the server never writes on a read.
    """
    import uvicorn

    from newsgraph.api import create_app

    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        raise click.UsageError(f"refusing to bind {host} without a token: give --token or set NEWSGRAPH_TOKEN")
    if writable and (read_only or not token):
        raise click.UsageError("--writable needs --token (POST /analyze, the one write, needs it) and not --read-only")
    app = create_app(db, token=token, read_only=not writable)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsgraph UI: http://{shown}:{port}/  (API description: /openapi.json; "
               f"POST /analyze {'needs the token' if token else 'is off: no token'})", err=True)  # fmt: skip
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        app.state.backend.close()
