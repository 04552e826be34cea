"""The ``quotecat`` command line: a thin layer over plain functions."""

import contextlib
import json
import os
import sys
from pathlib import Path

import click

from .build import BuildError, BuildInterrupted, build, load_parquet
from .corrections import CorrectionsError
from .extract import extract
from .read import COLUMN_NAMES, ArticleError, parse_columns, read_file
from .serve import datasette_args

# Show a progress bar only when the batch is big enough to be worth watching.
_PROGRESS_THRESHOLD = 20


@click.group()
@click.version_option()
def cli():
    """Catalogue quotations and source attributions in news articles."""


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail the build if any file is skipped.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default="every core",
              help="Processes extracting in parallel; the database is the same whatever the number.")
@click.option("--update", is_flag=True,
              help="Re-extract only articles whose text changed since the last build, add new ones, drop deleted ones.")
@click.option("--allow-shrink", is_flag=True,
              help="Replace the database even with fewer than half of its articles (refused without it).")
@click.option("--columns", metavar="FIELD=COLUMN,...",
              help="The columns of CSV files, e.g. 'title=Headline,text=Story'; fields: " + ", ".join(COLUMN_NAMES)
              + " (default: found by name in the header).")
@click.option("--corrections", "corrections", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A corrections file to apply (besides corrections.yaml at the top of an input folder); repeatable.")
def build_command(paths, db_path, strict, jobs, update, allow_shrink, columns, corrections):
    """Build the database from articles (default: ./articles/), from scratch or with --update.

    The old database stays as it was unless the new one is complete: a build that reads no
    article, or fewer than half the articles of the database it would replace (without
    --allow-shrink), fails and replaces nothing.
    """
    paths = list(paths) or [Path("articles")]
    try:
        mapping = parse_columns(columns) if columns else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--columns")
    with _build_errors():
        summary = build(paths, db_path, progress=_progress_bar if sys.stderr.isatty() else None, warn=_warn,
                        strict=strict, jobs=jobs or None, update=update, allow_shrink=allow_shrink,
                        columns=mapping, corrections=corrections)
    click.echo(summary.line())


@contextlib.contextmanager
def _build_errors():
    """A failed build is one sentence on stderr and a non-zero exit, never a traceback."""
    try:
        yield
    except BuildError as error:
        raise click.ClickException(str(error))
    except CorrectionsError as error:
        raise click.ClickException(f"{error} (nothing built: the database was left as it was)")
    except BuildInterrupted as stop:
        click.echo(f"Error: interrupted by {stop}: the database was left as it was", err=True)
        sys.exit(128 + stop.signum)
    except KeyboardInterrupt:
        click.echo("\nError: interrupted: the database was left as it was", err=True)
        sys.exit(130)


def _progress_bar(files: list[Path]):
    """A bar over the files on stderr, for a batch big enough to be worth watching."""
    if len(files) <= _PROGRESS_THRESHOLD:
        return contextlib.nullcontext(files)
    return click.progressbar(files, label="Building", file=sys.stderr)


@cli.command("load-parquet")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--allow-shrink", is_flag=True,
              help="Replace the database even with fewer than half of its articles (refused without it).")
def load_parquet_command(paths, db_path, allow_shrink):
    """Build the database from Parquet written by a distributed run of quotecat.distributed.extract_record."""
    with _build_errors():
        summary = load_parquet(paths, db_path, warn=_warn, allow_shrink=allow_shrink)
    click.echo(summary.line())


def _warn(message: str) -> None:
    click.secho(f"warning: {message}", fg="yellow", err=True)


@cli.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--explain", is_flag=True, help="Show which rule found each attribution and how its speaker was resolved.")
def extract_command(file, explain):
    """Print one JSON object per attribution found in FILE."""
    try:
        articles = read_file(file, warn=_warn)
    except ArticleError as error:
        raise click.ClickException(str(error))
    for article in articles:
        for attribution in extract(article.text):
            record = attribution.to_dict()
            record["article"] = article.id
            if not explain:
                for key in ("pattern", "resolution"):
                    record.pop(key)
            click.echo(json.dumps(record, ensure_ascii=False))


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(path_type=Path))
@click.option("-h", "--host", default="127.0.0.1", show_default=True)
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("--allow-download/--no-download", default=False, show_default=True,
              help="Offer the database file (/quotes.db: every article's full text) and CSV of whole tables.")
@click.argument("extra", nargs=-1, type=click.UNPROCESSED)
def serve(db_path, host, port, allow_download, extra):
    """Serve the database with Datasette, this project's metadata and settings."""
    if not db_path.exists():
        raise click.ClickException(f"{db_path} does not exist: run 'quotecat build' first")
    args = datasette_args(db_path, host=host, port=port, allow_download=allow_download) + list(extra)
    os.execvp(args[0], args)


@cli.command("compile")
@click.option("--check", is_flag=True, help="Do not build: exit 1 unless the compiled build matches the sources.")
@click.option("-v", "--verbose", is_flag=True, help="Show mypyc's and the C compiler's output.")
def compile_command(check, verbose):
    """Compile the extractor with mypyc into build/compiled (faster, same results)."""
    import time

    from . import compiled

    if check:
        reason = compiled.problem()
        click.echo(f"{compiled.COMPILED_DIR}: {reason or 'current'}")
        sys.exit(0 if reason is None else 1)
    click.echo(f"Compiling {', '.join(f'quotecat/{entry}' for entry in compiled.EXTRACTOR)} with mypyc "
               f"into {compiled.COMPILED_DIR}")
    started = time.perf_counter()
    try:
        stamp = compiled.build(verbose=verbose)
    except compiled.BuildError as error:
        raise click.ClickException(f"compiling failed after {time.perf_counter() - started:.1f} s: {error}\n"
                                   "quotecat runs the extractor as pure Python (slower, same results).")
    click.echo(f"Compiled with mypyc {stamp['mypy']} in {time.perf_counter() - started:.1f} s; "
               f"new processes use it ({compiled.PURE_VARIABLE}=1 turns it off).")


@cli.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--worst", default=15, show_default=True, help="How many misses and false alarms to list.")
@click.option("--fail-under", "thresholds", multiple=True, metavar="METRIC=VALUE",
              help="Exit with an error if a metric (e.g. quoted.recall, precision) is below VALUE.")
def evaluate(gold_dir, as_json, worst, thresholds):
    """Score the extractor against GOLD_DIR (articles/*.txt and gold.jsonl)."""
    from .evaluate import evaluate as run, format_report, metric

    report = run(gold_dir)
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(format_report(report, worst=worst))
    failures = []
    for threshold in thresholds:
        name, _, value = threshold.partition("=")
        try:
            actual = metric(report, name)
        except KeyError:
            raise click.BadParameter(f"unknown metric {name!r}", param_hint="--fail-under")
        if actual is None or actual < float(value):
            failures.append(f"{name} = {actual if actual is None else round(actual, 4)} < {value}")
    if failures:
        raise click.ClickException("below threshold: " + "; ".join(failures))


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(path_type=Path))
@click.option("-n", "--n", "count", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", type=int, help="The same seed gives the same rows of the same database.")
@click.option("--check", is_flag=True, help="Ask y/n (s to skip) after each row and count the rows marked right.")
def sample(db_path, count, seed, check):
    """Random attributions with their paragraph, for a person to check by hand."""
    import random

    from .evaluate import SampleError, format_sample, sample_rows

    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    try:
        rows, total = sample_rows(db_path, count, seed)
    except SampleError as error:
        raise click.ClickException(str(error))
    click.echo(f"{len(rows)} of {total} attributions in {db_path}, seed {seed} (the same rows: --seed {seed})")
    marks = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("[[", "]]")
    answers = []
    for number, row in enumerate(rows, 1):
        click.echo("\n" + format_sample(row, number, *marks))
        if not check:
            click.echo("   right?  [ ] yes  [ ] no")
            continue
        try:
            answers.append(click.prompt("   right? (y/n/s)", type=click.Choice(["y", "n", "s"]), show_choices=False))
        except click.Abort:
            click.echo()
            break
    if check:
        marked = [a for a in answers if a != "s"]
        skipped = len(answers) - len(marked)
        click.echo(f"\n{marked.count('y')} of {len(marked)} marked right"
                   + (f" ({skipped} skipped)" if skipped else "")
                   + (f"; {len(rows) - len(answers)} not reached" if len(answers) < len(rows) else ""))
