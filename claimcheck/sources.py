"""Folder -> Sources: the only reader of articles.

Every ``.txt`` and ``.md`` file under the folder, recursively, in sorted order.
A source's id is its path relative to the folder, without the extension, with
``/`` separators. Text is read as UTF-8; a file in another encoding is decoded
as Windows-1252 (which accepts any byte) with a warning, and a file that cannot
be read at all, or holds binary data, is skipped with a warning. Nothing here
ever writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import ClaimcheckError, Problem
from claimcheck.model import Source

EXTENSIONS = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Sources:
    """The readable sources of a folder, and a warning for each file that was not."""

    folder: str
    sources: tuple[Source, ...]
    warnings: tuple[Problem, ...] = ()


def read_sources(folder: str | Path, display: str | None = None) -> Sources:
    """Read every article under ``folder``; ``display`` is how paths are shown in reports."""
    root = Path(folder)
    shown = display if display is not None else str(folder)
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        raise ClaimcheckError(
            [
                Problem(
                    shown,
                    0,
                    f"sources folder {what}; pass --sources DIR or set 'sources:' in the claims file",
                )
            ]
        )
    sources: list[Source] = []
    warnings: list[Problem] = []
    for path in _article_paths(root):
        relative = path.relative_to(root).as_posix()
        display_path = f"{shown.rstrip('/')}/{relative}"
        try:
            data = path.read_bytes()
        except OSError as error:
            warnings.append(Problem(display_path, 0, f"skipped: cannot read it ({error.strerror})"))
            continue
        text, warning = decode(data)
        if text is None:
            warnings.append(Problem(display_path, 0, f"skipped: {warning}"))
            continue
        if warning:
            warnings.append(Problem(display_path, 0, warning))
        sources.append(Source(id=_source_id(relative), path=display_path, text=text))
    return Sources(folder=shown, sources=tuple(sources), warnings=tuple(warnings))


def list_source_ids(folder: str | Path) -> list[str] | None:
    """The ids of the articles under ``folder`` without reading them; None when there is no folder."""
    root = Path(folder)
    if not root.is_dir():
        return None
    return [_source_id(path.relative_to(root).as_posix()) for path in _article_paths(root)]


def _source_id(relative: str) -> str:
    return relative.rsplit(".", 1)[0]


def _article_paths(root: Path) -> list[Path]:
    found = []
    for directory, folders, files in os.walk(root):
        folders.sort()
        for name in files:
            if name.lower().endswith(EXTENSIONS) and not name.startswith("."):
                found.append(Path(directory) / name)
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def decode(data: bytes) -> tuple[str | None, str]:
    """Text of a file and a warning ('' when clean); None when it is not text at all."""
    if b"\x00" in data[:8192]:
        return None, "it looks like a binary file, not text"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as error:
        return (
            data.decode("cp1252", errors="replace"),
            f"not valid UTF-8 (byte {error.start}); read as Windows-1252 — save it as UTF-8 to be sure",
        )
