"""The command line: reads the files, runs the check, writes the report, picks
the exit code — and nothing else. Exit codes: 0 nothing fails the run, 1 it
fails (an open conflict, by default), 2 bad input or usage."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import click

from claimcheck import __version__
from claimcheck.cache import CACHE_DIR
from claimcheck.check import assemble
from claimcheck.claims import Claims, parse_claims_leniently, read_claims
from claimcheck.config import Settings, read_config, settle
from claimcheck.config import claims_path as settings_claims
from claimcheck.coverage import coverage, render_json, render_table, sizes_of
from claimcheck.engine import (
    ENGINES,
    PreparedCorpus,
    Run,
    collector_paused,
    prepared_corpus,
    run_check,
    usable,
)
from claimcheck.errors import ClaimcheckError, ExitCode, Kind, Problem
from claimcheck.facts import Fact, facts
from claimcheck.formats import FORMATS, Style, Verbosity, pieces
from claimcheck.formats.facts import FACT_FORMATS
from claimcheck.formats.facts import render as render_facts
from claimcheck.formats.json import REPORT_VERSION as JSON_VERSION
from claimcheck.formats.json import VERSIONS as JSON_VERSIONS
from claimcheck.model import DEFAULT_TOLERANCE, Claim, FailOn, Policy, Report, Source
from claimcheck.progress import Progress
from claimcheck.sources import MAX_BYTES, Listing, list_articles, list_source_ids, unused_fields
from claimcheck.suggest import draft
from claimcheck.validate import notes, resolve_accepts, validate


class InputError(click.ClickException):
    """Bad input: printed as FILE:LINE:COL: message lines, exit code 2 (ClickException exits 1)."""

    exit_code = ExitCode.BAD_INPUT

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(self.format_message(), err=True)


# Options that more than one command takes.
claims_argument = click.argument(
    "claims_file", required=False, metavar="[CLAIMS]", type=click.Path(dir_okay=False)
)


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> object:
    ctx.meta[f"claimcheck.{param.name}"] = value
    return value


# Limits on what is read: every command that reads files takes them; _limits() reads them back.
limits_options = [
    click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
                 expose_value=False, callback=_remember,
                 help="Refuse claims files and skip sources larger than this."),
    click.option("--follow-symlinks", is_flag=True, expose_value=False, callback=_remember,
                 help="Follow symbolic links that lead out of the sources folder."),
]  # fmt: skip


def with_limits(command):  # type: ignore[no-untyped-def]
    for option in reversed(limits_options):
        command = option(command)
    return command


def _limits() -> tuple[int, bool]:
    meta = click.get_current_context().meta
    return meta.get("claimcheck.max_bytes", MAX_BYTES), bool(meta.get("claimcheck.follow_symlinks"))


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _read_claims(path: str) -> Claims:
    return read_claims(path, max_bytes=_limits()[0])


sources_option = click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False),
    help="Folder of articles (default: the claims file's 'sources:', else sources/ beside it).",
)


run_options = [
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        help="Worker processes that read and prepare sources (default: the number of cores).",
    ),
    click.option(
        "--cache",
        "cache_dir",
        type=click.Path(file_okay=False),
        help=f"Cache folder (default: {CACHE_DIR}/ beside the claims file).",
    ),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
]


def with_run_options(command):  # type: ignore[no-untyped-def]
    for option in reversed(run_options):
        command = option(command)
    return command


class Commands(click.Group):
    """Turns an unexpected exception into exit code 3 and one line, unless --debug."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:
            # The reader went away (`claimcheck check | head`): not an error of ours. Python's
            # recipe: point stdout at devnull so that flushing it at exit cannot raise again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(ExitCode.CONFLICT)
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            click.echo(
                f"claimcheck: internal error: {type(error).__name__}: {error}\n"
                "This is a bug in claimcheck, not in your files. Re-run with --debug for the traceback "
                "and report it.",
                err=True,
            )
            ctx.exit(ExitCode.INTERNAL)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (exit code 3).")
def main(debug: bool) -> None:
    """Check hand-written claims against source articles: agree, conflict or gap.

    Exit codes: 0 nothing fails the run, 1 it fails, 2 bad input or usage, 3 internal error.
    """


def run() -> None:
    """The ``claimcheck`` command in a process of its own (the console script, ``python -m
    claimcheck``), with Python's cycle collector paused until the process ends.

    A run's findings are millions of objects that live until the report is written and hold no
    cycles (``engine.collector_paused``). Turned back on, the collector walked every one of them
    at its first pass, and the interpreter walks them all again as it exits: half a second of a
    warm run of 10,000 articles, and more than a second for 2,000,000 objects. Frozen instead,
    they are left out of both walks; reference counting still frees them."""
    gc.disable()
    try:
        main()
    finally:
        gc.freeze()


@main.command("check")
@with_limits
@claims_argument
@sources_option
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    help="Report format (default: table; github when GITHUB_ACTIONS is set).",
)
@click.option(
    "--json-version",
    type=click.Choice([str(version) for version in JSON_VERSIONS]),
    default=str(JSON_VERSION),
    show_default=True,
    help="The JSON report's version: 1 lists a finding for every source, every claim (docs/json.md).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the report to this file instead of standard output.",
)
@click.option("--claim", "claim_ids", multiple=True, metavar="ID", help="Check only this claim (repeatable).")
@click.option(
    "--fail-on",
    type=click.Choice([policy.value for policy in FailOn]),
    help="Exit 1 when a finding of this level or worse exists (default: conflict).",
)
@click.option("--exit-zero", is_flag=True, help="Same as --fail-on never.")
@click.option("--strict", is_flag=True, help="Stale accepts fail the run too.")
@click.option("--no-accept", is_flag=True, help="Ignore every 'accept:' in the claims file.")
@click.option(
    "--color/--no-color", default=None, help="Colour the table (default: on a terminal, unless NO_COLOR)."
)
@click.option("-q", "--quiet", is_flag=True, help="Print only what fails the run.")
@click.option("-v", "--verbose", is_flag=True, help="Print every finding with its passage.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Worker processes that read and prepare sources (default: the number of cores).",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False),
    help=f"Cache folder (default: {CACHE_DIR}/ beside the claims file).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where sources are checked: this machine, or a Dask cluster (needs the dask extra).",
)
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler's address, for --engine dask.")
def check_command(
    claims_file: str | None,
    sources_dir: str | None,
    format_name: str | None,
    json_version: str,
    output: str | None,
    claim_ids: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    strict: bool,
    no_accept: bool,
    color: bool | None,
    quiet: bool,
    verbose: bool,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
    engine: str,
    scheduler: str | None,
) -> None:
    """Check CLAIMS (default ./claims.yaml) against every article in the sources folder.

    Exit code 0: nothing fails the run; 1: a conflict nobody accepted (or what
    --fail-on names); 2: bad input or usage. Settings may also come from
    [tool.claimcheck] in pyproject.toml; flags win.
    """
    claims_path, settings, listing, selected = _what_to_check(
        claims_file,
        claim_ids,
        sources=sources_dir,
        format=format_name,
        fail_on=FailOn.NEVER if exit_zero else FailOn(fail_on) if fail_on else None,
        default_format="github" if os.environ.get("GITHUB_ACTIONS") else "table",
        cache=cache_dir,
        no_cache=no_cache,
        jobs=jobs,
    )
    folder = settings.sources
    show_progress = not quiet and _stderr_is_terminal()
    run = Run(
        cache_dir=settings.cache,
        jobs=settings.jobs,
        progress=lambda label, total: Progress(total, label, enabled=show_progress).advance,
        # Workers still storing what they prepared in the cache are waited for when the
        # command ends, after the report is written.
        finishing=click.get_current_context().with_resource(contextlib.ExitStack()),
    )
    if engine == "dask" and not scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        outcome = run_check(selected, listing.articles, run, engine, scheduler or "")
    except ClaimcheckError as error:
        raise InputError(str(error)) from None
    warnings = (*listing.warnings, *outcome.warnings)
    for warning in (*outcome.notices, *warnings):
        click.echo(f"warning: {warning}", err=True)
    if verbose:
        for line in unused_fields(listing.articles):
            click.echo(f"note: {line}", err=True)
    if not outcome.sources:
        found = "no articles (.txt, .md, .html, .pdf) found; every claim is a gap"
        click.echo(f"warning: {listing.folder}: {found}", err=True)
    with collector_paused():
        report = assemble(
            selected,
            outcome.sources,
            outcome.judged,
            claims_file=_display(claims_path),
            warnings=[str(w) for w in warnings],
            policy=Policy(fail_on=settings.fail_on, strict=strict),
            use_accepts=not no_accept,
        )
    verbosity = Verbosity.QUIET if quiet else Verbosity.VERBOSE if verbose else Verbosity.NORMAL
    style = Style(color=_use_color(color, output), verbosity=verbosity, json_version=int(json_version))
    _emit(report, settings.format, style, output, protected=[Path(claims_path), Path(folder)])
    sys.exit(report.exit_code())


def _what_to_check(
    claims_file: str | None, claim_ids: tuple[str, ...], **flags: Any
) -> tuple[str, Settings, Listing, tuple[Claim, ...]]:
    """The claims file, the settings (flags > [tool.claimcheck] > the claims file > defaults),
    the articles listed, and the claims to check (their accepts resolved, --claim applied)."""
    try:
        config = read_config(Path.cwd(), tuple(FORMATS))
        claims_path = settings_claims(claims_file, config)
        claims = _read_claims(claims_path)
        settings = settle(config, claims_path, claims.sources, **flags)
        listing = _listing(settings.sources)
    except ClaimcheckError as error:
        raise InputError(str(error)) from None
    claims, problems = resolve_accepts(
        claims, [article.source_id for article in listing.articles], _display(settings.sources)
    )
    if problems:
        raise InputError("\n".join(str(problem) for problem in problems))
    try:
        return claims_path, settings, listing, claims.select(claim_ids)
    except ClaimcheckError as error:
        raise InputError(str(error)) from None


def _emit(report: Report, chosen: str, style: Style, output: str | None, protected: list[Path]) -> None:
    """Write the report in its format, to the output file or standard output; then warn of
    stale accepts (the table shows them itself) and add the markdown summary GitHub asks for."""
    # JSON, line and github are written a piece at a time: ten million findings are never one string.
    written = pieces(chosen, report, style)
    if output:
        _write(output, written, protected=protected)
    else:
        for piece in written:
            click.echo(piece, nl=False, color=style.color)
    if chosen != "table" or output:
        for stale in report.stale:
            click.echo(
                f"warning: {report.claims_file}:{stale.accept.line}: {stale.claim_id}: the accepted conflict "
                f"with {stale.accept.source} no longer exists; remove the accept",
                err=True,
            )
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        _append(summary, FORMATS["markdown"](report, Style()))


@main.command("validate")
@with_limits
@claims_argument
@sources_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when the file is clean.")
def validate_command(claims_file: str | None, sources_dir: str | None, quiet: bool) -> None:
    """Check the claims file alone: syntax, schema, ids, units, sources folder, accepts.

    Every problem is printed as FILE:LINE:COL: message. The articles are only
    listed, never read. Exit code 0: clean; 2: problems.
    """
    try:
        config = read_config(Path.cwd(), tuple(FORMATS))
        claims_path = settings_claims(claims_file, config)
        text = _read_text(claims_path)
    except ClaimcheckError as error:
        raise InputError(str(error)) from None
    claims, problems = parse_claims_leniently(text, _display(claims_path))
    folder = settle(config, claims_path, claims.sources, sources=sources_dir).sources
    if not any(problem.kind is Kind.SYNTAX for problem in problems):
        problems += validate(claims, list_source_ids(folder), _display(folder))
    shown = problems if quiet else problems + notes(claims)
    for problem in sorted(shown, key=lambda p: (p.line, p.column)):
        click.echo(str(problem))
    if problems:
        sys.exit(ExitCode.BAD_INPUT)
    if not quiet:
        click.echo(f"{_display(claims_path)}: {len(claims.claims)} claims, no problems")


@main.command("sources")
@with_limits
@claims_argument
@sources_option
@click.option(
    "--format", "format_name", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Also name the front matter fields claimcheck does not use."
)
@with_run_options
def sources_command(
    claims_file: str | None,
    sources_dir: str | None,
    format_name: str,
    verbose: bool,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
) -> None:
    """List the sources: outlet, date (and whether it was guessed), size, the claims each
    agrees or conflicts with, and the sources no claim touches. Without a claims file,
    only what is known of each source."""
    try:
        config = read_config(Path.cwd(), tuple(FORMATS))
        claims_path = settings_claims(claims_file, config)
        listed = _read_claims(claims_path) if claims_file or Path(claims_path).exists() else None
        claims = listed.claims if listed else ()
        settings = settle(
            config, claims_path, listed.sources if listed else None,
            sources=sources_dir, cache=cache_dir, no_cache=no_cache, jobs=jobs,
        )  # fmt: skip
        listing = _listing(settings.sources)
    except ClaimcheckError as error:
        raise InputError(str(error)) from None
    with _opened(settings, listing) as corpus:
        sizes = {key: size for batch in corpus.each(sizes_of, None) for key, size in batch.items()}
        judged = corpus.judge(claims, release=True)
    if verbose:
        for line in unused_fields(listing.articles):
            click.echo(f"note: {line}", err=True)
    report = assemble(claims, corpus.sources, judged, claims_file=_display(claims_path))
    rows = coverage(report, sizes)
    click.echo(render_json(rows) if format_name == "json" else render_table(rows), nl=False)


@main.command("compare")
@with_limits
@sources_option
@click.option("--format", "format_name", type=click.Choice(FACT_FORMATS), default="table", show_default=True)
@click.option(
    "--min-sources",
    type=click.IntRange(min=2),
    default=2,
    show_default=True,
    help="Report facts stated by at least this many sources.",
)
@with_run_options
def compare_command(
    sources_dir: str | None,
    format_name: str,
    min_sources: int,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
) -> None:
    """Where do the sources disagree? Facts several sources state, without a claims file."""
    _, found, sources = _facts(sources_dir, min_sources, jobs, cache_dir, no_cache)
    click.echo(render_facts(found, sources, format_name), nl=False)


@main.command("suggest")
@with_limits
@sources_option
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the draft to this new file.")
@with_run_options
def suggest_command(
    sources_dir: str | None, output: str | None, jobs: int | None, cache_dir: str | None, no_cache: bool
) -> None:
    """Draft a claims file from the facts the sources share, contested ones first.

    Writes to standard output, or to a new file: an existing file is never overwritten.
    """
    if output and Path(output).exists():
        raise InputError(
            f"{output}: already exists; claimcheck suggest never overwrites a file — choose a new name"
        )
    folder, found, sources = _facts(sources_dir, 2, jobs, cache_dir, no_cache)
    relative = os.path.relpath(folder, Path(output).resolve().parent) if output else _display(folder)
    text = draft(found, sources, Path(relative).as_posix())
    if output:
        _write(output, text, protected=[Path(folder)])
        click.echo(f"{output}: {text.count(chr(10) + '  - id: ')} draft claims", err=True)
    else:
        click.echo(text, nl=False)


def _facts(
    sources_dir: str | None, min_sources: int, jobs: int | None, cache_dir: str | None, no_cache: bool
) -> tuple[str, list[Fact], tuple[Source, ...]]:
    """compare's and suggest's folder, facts and sources: the folder and tolerance as the check
    finds them (the claims file's ``sources:`` and ``defaults: tolerance``, when there is one),
    the sources read and prepared as the check reads them (the engine: workers, the cache)."""
    try:
        config = read_config(Path.cwd(), tuple(FORMATS))
        claims_path = settings_claims(None, config)
        listed = None
        if Path(claims_path).is_file():
            listed = parse_claims_leniently(_read_text(claims_path), _display(claims_path))[0]
        settings = settle(
            config, claims_path, listed.sources if listed else None,
            sources=sources_dir, cache=cache_dir, no_cache=no_cache, jobs=jobs,
        )  # fmt: skip
        folder = settings.sources
        listing = _listing(folder)
    except ClaimcheckError as error:
        raise InputError(str(error)) from None
    tolerance = listed.tolerance if listed else DEFAULT_TOLERANCE
    with _opened(settings, listing) as corpus:
        found = facts(corpus, min_sources=min_sources, tolerance=tolerance)
    return folder, found, corpus.sources


def _listing(folder: str) -> Listing:
    """The articles of the folder, as the limits (--max-bytes, --follow-symlinks) allow."""
    max_bytes, follow = _limits()
    return list_articles(folder, _display(folder), max_bytes, follow)


@contextlib.contextmanager
def _opened(settings: Settings, listing: Listing) -> Iterator[PreparedCorpus]:
    """The listed articles read and prepared as the check reads them (the engine: workers, the
    cache), every warning of reading them printed."""
    run, notices = usable(Run(cache_dir=settings.cache, jobs=settings.jobs))
    with collector_paused(), prepared_corpus(listing.articles, run) as corpus:
        for warning in (*notices, *listing.warnings, *corpus.warnings):
            click.echo(f"warning: {warning}", err=True)
        yield corpus


STARTER_CLAIMS = """\
# claimcheck's claims file: one entry per claim you want checked against the articles in
# sources/ (.txt, .md, .html, .pdf). Run `claimcheck check`; the README has every field.
version: 1
sources: sources
claims:
  # A plain sentence is enough: the subject, figure, unit and hedge are read from it.
  - id: example-plain
    claim: The Kant air base hosts about 500 Russian personnel.
  # Structured fields make matching more reliable.
  - id: example-structured
    claim: The Kant air base was established in 2003.
    subject: Kant air base
    aliases: [Kant, Kant airbase]
    value: 2003
    unit: year
"""


@main.command("init")
def init_command() -> None:
    """Write a commented starter claims.yaml and an empty sources/ folder here.

    Never overwrites: an existing claims.yaml or sources/ is left as it is.
    """
    claims, sources = Path("claims.yaml"), Path("sources")
    try:
        with claims.open("x", encoding="utf-8") as stream:  # "x": never over an existing file
            stream.write(STARTER_CLAIMS)
        click.echo("claims.yaml: written (two example claims; edit them)", err=True)
    except FileExistsError:
        click.echo("claims.yaml: already exists; left as it is", err=True)
    except OSError as error:
        raise InputError(f"claims.yaml: cannot write it: {error.strerror or error}") from None
    if sources.exists():
        click.echo("sources/: already exists; left as it is", err=True)
    else:
        sources.mkdir()
        click.echo("sources/: made; put the articles you collected in it", err=True)


@main.command("schema")
@click.option("--report", is_flag=True, help="The JSON report's schema (versions 1 and 2) instead.")
def schema_command(report: bool) -> None:
    """Print the JSON Schema of the claims file (for editors and yaml-language-server)."""
    name = "report.schema.json" if report else "claims.schema.json"
    click.echo(resources.files("claimcheck").joinpath(name).read_text(encoding="utf-8"), nl=False)


def _read_text(path: str) -> str:
    max_bytes = _limits()[0]
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise ClaimcheckError(
                [Problem(path, 0, f"{size:,} bytes is over the {max_bytes:,}-byte limit (--max-bytes)")]
            )
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ClaimcheckError(
            [Problem(path, 0, "no such claims file; `claimcheck init` writes a starter one")]
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimcheckError([Problem(path, 0, f"cannot read the claims file: {error}")]) from None


def _use_color(flag: bool | None, output: str | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or output:
        return False
    return sys.stdout.isatty()


def _display(path: str | Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _write(output: str, text: str | Iterable[str], protected: list[Path]) -> None:
    """Write through a temporary file and a rename: never a half-written report,
    and never over the claims file or into the sources folder. The report gets the
    permissions a new file would (mkstemp's are owner-only)."""
    target = Path(output).resolve()
    for path in protected:
        resolved = path.resolve()
        if target == resolved or resolved in target.parents:
            raise InputError(
                f"{output}: refusing to write the report over the claims file or into the sources folder"
            )
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.writelines([text] if isinstance(text, str) else text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise InputError(f"{output}: cannot write the report: {error.strerror}") from None


def _append(path: str, text: str) -> None:
    """GitHub's job summary is appended to, by every step that writes it."""
    try:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        click.echo(f"warning: {path}: cannot append the job summary: {error.strerror}", err=True)
