"""The command line: reads the files, runs the check, writes the report, picks
the exit code — and nothing else. Exit codes: 0 no conflict, 1 at least one
conflict, 2 bad input or usage."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from claimcheck import __version__
from claimcheck.check import check
from claimcheck.claims import read_claims
from claimcheck.errors import ClaimcheckError, ExitCode
from claimcheck.formats import FORMATS
from claimcheck.sources import read_sources


class InputError(click.ClickException):
    """Bad input: printed as FILE:LINE: message lines, exit code 2 (ClickException exits 1)."""

    exit_code = ExitCode.BAD_INPUT

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(self.format_message(), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """Check hand-written claims against source articles: agree, conflict or gap."""


@main.command("check")
@click.argument("claims_file", default="claims.yaml", metavar="[CLAIMS]", type=click.Path(dir_okay=False))
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False),
    help="Folder of articles (default: the claims file's 'sources:', else sources/ beside it).",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    default="table",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the report to this file instead of standard output.",
)
@click.option("--claim", "claim_ids", multiple=True, metavar="ID", help="Check only this claim (repeatable).")
def check_command(
    claims_file: str,
    sources_dir: str | None,
    format_name: str,
    output: str | None,
    claim_ids: tuple[str, ...],
) -> None:
    """Check CLAIMS (default ./claims.yaml) against every article in the sources folder.

    Exit code 0: no conflict; 1: at least one conflict; 2: bad input or usage.
    """
    try:
        claims = read_claims(claims_file)
        folder = _sources_folder(claims_file, claims.sources, sources_dir)
        sources = read_sources(folder, display=_display(folder))
    except ClaimcheckError as error:
        raise InputError(str(error)) from None
    selected = claims.claims
    if claim_ids:
        known = {claim.id for claim in claims.claims}
        unknown = [claim_id for claim_id in claim_ids if claim_id not in known]
        if unknown:
            raise InputError(f"{claims_file}: no claim with id {', '.join(repr(u) for u in unknown)}")
        selected = tuple(claim for claim in claims.claims if claim.id in claim_ids)
    for warning in sources.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not sources.sources:
        click.echo(
            f"warning: {sources.folder}: no .txt or .md articles found; every claim is a gap",
            err=True,
        )
    report = check(
        selected,
        sources.sources,
        claims_file=_display(claims_file),
        warnings=[str(w) for w in sources.warnings],
    )
    rendered = FORMATS[format_name](report)
    if output:
        _write(output, rendered, protected=[Path(claims_file), Path(folder)])
    else:
        click.echo(rendered, nl=False)
    sys.exit(ExitCode.CONFLICT if report.has_conflict else ExitCode.OK)


def _sources_folder(claims_file: str, configured: str | None, given: str | None) -> str:
    if given:
        return given
    beside = Path(claims_file).parent
    return str(beside / (configured or "sources"))


def _display(path: str | Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _write(output: str, text: str, protected: list[Path]) -> None:
    """Write through a temporary file and a rename: never a half-written report,
    and never over the claims file or into the sources folder."""
    target = Path(output).resolve()
    for path in protected:
        resolved = path.resolve()
        if target == resolved or resolved in target.parents:
            raise InputError(
                f"{output}: refusing to write the report over the claims file or into the sources folder"
            )
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        raise InputError(f"{output}: cannot write the report: {error.strerror}") from None
