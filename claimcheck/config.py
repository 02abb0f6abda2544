"""``[tool.claimcheck]`` in pyproject.toml: defaults for the command line, which
always wins. Found in the working folder or the nearest folder above it that has
a pyproject.toml with that table (stopping at a repository root)."""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from claimcheck.cache import CACHE_DIR
from claimcheck.errors import ClaimcheckError, Kind, Problem
from claimcheck.model import FailOn
from claimcheck.parallel import default_jobs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

KEYS = ("claims", "sources", "format", "fail-on")
DEFAULT_CLAIMS = "claims.yaml"


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from pyproject.toml; paths are relative to the folder that holds it."""

    claims: str | None = None
    sources: str | None = None
    format: str | None = None
    fail_on: FailOn | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Where a command's files are and how it reports, resolved once (``settle``)."""

    claims: str  # the claims file (it may not exist: compare, suggest and sources do without)
    sources: str  # the folder of articles
    format: str
    fail_on: FailOn
    cache: Path | None = None  # the cache folder; None: no cache
    jobs: int = 1  # worker processes


def claims_path(flag: str | None, config: Config) -> str:
    """The claims file: the argument, else ``claims`` of [tool.claimcheck], else ./claims.yaml."""
    return flag or config.claims or DEFAULT_CLAIMS


def settle(
    config: Config,
    claims: str,
    stated_sources: str | None = None,
    *,
    sources: str | None = None,
    format: str | None = None,
    fail_on: FailOn | None = None,
    default_format: str = "table",
    cache: str | None = None,
    no_cache: bool = False,
    jobs: int | None = None,
) -> Settings:
    """Every setting from the one order: a flag (the keyword arguments), then [tool.claimcheck]
    (``config``), then the claims file, then the default. One exception, for the sources
    folder: the claims file's own ``sources:`` (``stated_sources``, relative to it) comes before
    [tool.claimcheck]'s, since it names the articles of that file while the table is the
    project's default for any claims file; without either, ``sources/`` beside the claims file.
    The cache is ``.claimcheck-cache/`` beside the claims file (none with ``no_cache``); the
    workers, one per core."""
    if sources:
        folder = sources
    elif stated_sources:
        folder = str(Path(claims).parent / stated_sources)
    elif config.sources:
        folder = config.sources
    else:
        folder = str(Path(claims).parent / "sources")
    return Settings(
        claims=claims,
        sources=folder,
        format=format or config.format or default_format,
        fail_on=fail_on or config.fail_on or FailOn.CONFLICT,
        cache=None if no_cache else Path(cache or Path(claims).parent / CACHE_DIR),
        jobs=jobs or default_jobs(),
    )


def parse_config(text: str, path: str, formats: tuple[str, ...]) -> Config:
    """Read ``[tool.claimcheck]`` from the text of a pyproject.toml; every problem at once."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise ClaimcheckError(
            [Problem(path, int(line.group(1)) if line else 0, f"invalid TOML: {error}", kind=Kind.SYNTAX)]
        ) from None
    table = data.get("tool", {}).get("claimcheck")
    if table is None:
        return Config()
    where = _line_of_table(text)
    problems = []
    if not isinstance(table, dict):
        raise ClaimcheckError([Problem(path, where, "[tool.claimcheck] must be a table")])
    values: dict[str, str] = {}
    for key, value in table.items():
        name = key.replace("_", "-")
        if name not in KEYS:
            close = difflib.get_close_matches(name, KEYS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(KEYS)}"
            problems.append(Problem(path, where, f"[tool.claimcheck]: unknown key '{key}'{hint}"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, where, f"[tool.claimcheck]: '{key}' must be a non-empty string"))
        else:
            values[name] = value.strip()
    if "format" in values and values["format"] not in formats:
        choices = ", ".join(formats)
        problems.append(Problem(path, where, f"[tool.claimcheck]: format must be one of {choices}"))
    if "fail-on" in values and values["fail-on"] not in {policy.value for policy in FailOn}:
        problems.append(Problem(path, where, "[tool.claimcheck]: fail-on must be conflict, gap or never"))
    if problems:
        raise ClaimcheckError(problems)
    folder = Path(path).parent
    return Config(
        claims=str(folder / values["claims"]) if "claims" in values else None,
        sources=str(folder / values["sources"]) if "sources" in values else None,
        format=values.get("format"),
        fail_on=FailOn(values["fail-on"]) if "fail-on" in values else None,
        path=path,
    )


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.claimcheck] table, from ``start`` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "[tool.claimcheck]" in candidate.read_text(encoding="utf-8"):
                    return candidate
            except (OSError, UnicodeDecodeError):
                return None
        if (folder / ".git").exists():
            return None
    return None


def read_config(start: Path, formats: tuple[str, ...]) -> Config:
    """The configuration that applies in ``start`` (empty when there is none)."""
    found = find_config(start)
    if found is None:
        return Config()
    shown = _relative(found)
    try:
        text = found.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimcheckError([Problem(shown, 0, f"cannot read it: {error}")]) from None
    return parse_config(text, shown, formats)


def _line_of_table(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("[tool.claimcheck]"):
            return number
    return 0


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
