"""Folder -> Sources: the only reader of articles.

Every ``.txt``, ``.md``, ``.html``/``.htm`` and ``.pdf`` file under the folder,
recursively, in sorted order. A source's id is its path relative to the folder,
without the extension, with ``/`` separators. Text files are read as UTF-8, or in
the encoding charset-normalizer detects (with a warning), with obvious mojibake
repaired by ftfy; HTML pages through trafilatura (main text and metadata); PDFs
through pypdf, page by page. A file that cannot be read — unreadable, empty,
binary, password-protected, or of a kind whose optional reader is not installed —
is skipped with one warning naming it. Metadata comes from ``metadata``. Nothing
here ever writes.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from claimcheck.cache import Cache, Entries, decode_read, encode_read, read_key, through_cache
from claimcheck.errors import ClaimcheckError, Problem
from claimcheck.metadata import (
    Annotations,
    guess,
    merge,
    normalise_date,
    parse_sources_yaml,
    split_front_matter,
    unused_front_matter,
)
from claimcheck.model import Source, SourceMeta
from claimcheck.passages import blank_boilerplate

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf")
# Larger files are refused unread (--max-bytes).
MAX_BYTES = 50_000_000
SOURCES_YAML = "sources.yaml"


class Unreadable(Exception):
    """Why a file is skipped, in words for the warning."""


@dataclass(frozen=True, slots=True)
class Sources:
    """The readable sources of a folder, and a warning for each file that was not."""

    folder: str
    sources: tuple[Source, ...]
    warnings: tuple[Problem, ...] = ()


def read_sources(
    folder: str | Path,
    display: str | None = None,
    max_bytes: int = MAX_BYTES,
    follow_symlinks: bool = False,
    cache: Cache | None = None,
) -> Sources:
    """Read every article under ``folder``; ``display`` is how paths are shown in reports.

    Files larger than ``max_bytes`` are skipped unread. Symbolic links that lead out
    of the folder are skipped unless ``follow_symlinks``; loops are never followed.
    With a ``cache``, a file whose bytes were read before is not decoded again; the result
    does not depend on it. (``claimcheck check`` reads in its engine's worker processes.)
    """
    listing = list_articles(folder, display, max_bytes, follow_symlinks)
    sources, warnings, _ = read_articles(listing.articles, cache)
    return Sources(listing.folder, tuple(sources), (*listing.warnings, *warnings))


@dataclass(frozen=True, slots=True)
class Article:
    """A file to read as a source: where it is, how reports show it, its id, what
    sources.yaml states of it, and its size in bytes when it was listed."""

    path: str
    display_path: str
    source_id: str
    stated: SourceMeta = field(default=SourceMeta())
    size: int = 0
    # sources.yaml's ``boilerplate:``: lines of the collection that are page chrome.
    boilerplate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Listing:
    """The articles of a sources folder, found but not yet read, and the files skipped."""

    folder: str
    articles: tuple[Article, ...]
    warnings: tuple[Problem, ...] = ()


def list_articles(
    folder: str | Path, display: str | None = None, max_bytes: int = MAX_BYTES, follow_symlinks: bool = False
) -> Listing:
    """The readable-looking articles under ``folder``, in order, with their ids and stated
    metadata; files that are not regular or are over ``max_bytes`` are skipped with a warning."""
    root = Path(folder)
    shown = display if display is not None else str(folder)
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        message = f"sources folder {what}; pass --sources DIR or set 'sources:' in the claims file"
        raise ClaimcheckError([Problem(shown, 0, message)])
    annotations = _annotations(root, shown)
    warnings: list[Problem] = []
    found, skipped = _walk(root, follow_symlinks)
    warnings.extend(Problem(f"{shown.rstrip('/')}/{relative}", 0, why) for relative, why in skipped)
    ids = _ids([relative for _, relative in found])
    articles = []
    for path, relative in found:
        display_path = f"{shown.rstrip('/')}/{relative}"
        try:
            status = _status(path)
            if status is None or not stat.S_ISREG(status.st_mode):
                raise Unreadable("not a regular file (a pipe, a device or a broken link)")
            size = status.st_size
            if size > max_bytes:
                raise Unreadable(f"{size:,} bytes is over the {max_bytes:,}-byte limit (--max-bytes)")
        except OSError as error:
            warnings.append(Problem(display_path, 0, f"skipped: cannot read it ({error.strerror})"))
            continue
        except Unreadable as reason:
            warnings.append(Problem(display_path, 0, f"skipped: {reason}"))
            continue
        source_id = ids[relative]
        if source_id == relative:
            warnings.append(Problem(display_path, 0, "another file has the same name and another extension; "
                                    f"its id keeps the extension: {source_id}"))  # fmt: skip
        stated = annotations.meta.pop(source_id, SourceMeta())
        articles.append(Article(str(path), display_path, source_id, stated, size, annotations.boilerplate))
    for unknown in sorted(annotations.meta):
        warnings.append(
            Problem(f"{shown.rstrip('/')}/{SOURCES_YAML}", 0, f"'{unknown}' matches no source file")
        )
    return Listing(shown, tuple(articles), tuple(warnings))


def _status(path: Path) -> os.stat_result | None:
    """The file's status (one system call, where ``is_file`` and ``stat`` make two); None
    for a link that leads nowhere."""
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def unused_fields(articles: Iterable[Article]) -> list[str]:
    """For ``-v``: one line per text article whose front matter has fields claimcheck does not
    use ('sources/a.md: front matter fields not used: author, tags'). Only the top of each
    .txt/.md file is read, where front matter stands; a file that cannot be read is left to
    the run's own warnings."""
    lines = []
    for article in articles:
        if Path(article.path).suffix.lower() not in (".txt", ".md"):
            continue
        try:
            with open(article.path, "rb") as file:
                head = file.read(FRONT_MATTER_BYTES).decode("utf-8", errors="replace")
        except OSError:
            continue
        unused = unused_front_matter(head)
        if unused:
            lines.append(f"{article.display_path}: front matter fields not used: {', '.join(unused)}")
    return lines


# Front matter longer than this is not read for -v's listing (its fields are still skipped).
FRONT_MATTER_BYTES = 64 * 1024


def read_articles(
    articles: Sequence[Article], cache: Entries | None = None
) -> tuple[list[Source], list[Problem], list[str]]:
    """The sources these articles hold, in order, a warning for each that cannot be read,
    and each article's ``content_key`` as it was read."""
    warnings: list[Problem] = []
    files: list[tuple[Article, bytes]] = []
    keys: list[str] = []  # of the files read
    contents: list[str] = []  # of every article
    for article in articles:
        data, content = _bytes_of(article)
        contents.append(content)
        if data is None:
            warnings.append(Problem(article.display_path, 0, f"skipped: {content}"))
            continue
        files.append((article, data))
        keys.append(content)
    sources: list[Source] = []
    for (article, _), found in zip(files, _decoded(files, keys, cache), strict=True):
        if isinstance(found, str):
            warnings.append(Problem(article.display_path, 0, f"skipped: {found}"))
            continue
        text, meta, page_starts, notes = found
        if article.boilerplate:
            text = blank_boilerplate(text, article.boilerplate)
        warnings.extend(Problem(article.display_path, 0, note) for note in notes)
        sources.append(
            Source(article.source_id, article.display_path, text, merge(article.stated, meta), page_starts)
        )
    return sources, warnings, contents


def content_key(article: Article) -> str:
    """What the article's bytes are known by: their ``read_key``, or why they cannot be read.
    The cache keys a run's findings by these (``engine``), so they must say what the warnings say."""
    return _bytes_of(article)[1]


def _bytes_of(article: Article) -> tuple[bytes | None, str]:
    """The article's bytes and their ``content_key``; no bytes when they cannot be read."""
    try:
        # open() and os.path, not pathlib: every run reads every file, even a warm one, and two
        # Paths made per file doubled the time (10,000 files: 0.35 s, now 0.16 s).
        with open(article.path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return None, f"cannot read it ({error.strerror})"
    return data, read_key(data, _extension(article))


def _extension(article: Article) -> str:
    """The file's extension, lowercase (".txt"): what decides how it is read."""
    return os.path.splitext(article.path)[1].lower()


Decoded = tuple[str, SourceMeta, tuple[int, ...], list[str]]


def _decoded(
    files: list[tuple[Article, bytes]], keys: list[str], cache: Entries | None
) -> list[Decoded | str]:
    """Each file's text, metadata (its own, then guessed), pages and warnings, or why it is
    skipped; ``keys`` are the files' read keys."""
    to_read = [(data, _extension(article), article.display_path) for article, data in files]
    return through_cache(
        cache,
        keys,
        lambda missing: [_read_one(to_read[n]) for n in missing],
        # skips are not kept
        lambda number, found: None if isinstance(found, str) else _encoded(found, files[number][1]),
        lambda number, entry: decode_read(entry, files[number][1]),
    )


def _encoded(found: Decoded, data: bytes) -> dict[str, Any]:
    text, meta, page_starts, notes = found
    return encode_read(text, meta, page_starts, notes, data)


def _read_one(job: tuple[bytes, str, str]) -> Decoded | str:
    data, extension, display_path = job
    try:
        text, meta, page_starts, notes = read_article(data, extension, display_path)
    except Unreadable as reason:
        return str(reason)
    return text, merge(meta, guess(text)), page_starts, notes


def read_article(
    data: bytes, extension: str, path: str
) -> tuple[str, SourceMeta, tuple[int, ...], list[str]]:
    """Text, metadata found in the file, page offsets and warnings, by kind of file."""
    if extension == ".pdf":
        text, meta, page_starts = _pdf(data)
        return text, meta, page_starts, []
    decoded, notes = decode(data)
    if decoded is None:
        raise Unreadable(notes[0])
    text = decoded
    if not text.strip():
        raise Unreadable("it is empty")
    if extension in (".html", ".htm"):
        text, meta, page_notes = _html(text)
        return text, meta, (), [*notes, *page_notes]
    meta, text, front = split_front_matter(text)
    return text, meta, (), [*notes, *front]


def list_source_ids(folder: str | Path) -> list[str] | None:
    """The ids of the articles under ``folder`` without reading them; None when there is no folder."""
    root = Path(folder)
    if not root.is_dir():
        return None
    relatives = [relative for _, relative in _walk(root, follow_symlinks=False)[0]]
    ids = _ids(relatives)
    return [ids[relative] for relative in relatives]


def short_ids(ids: list[str]) -> dict[str, str]:
    """How reports show source ids: the part before the first '_' when that is unique, else
    the whole id ('002' for '002_ef94a33fe93d7047')."""
    prefixes = [source_id.split("_", 1)[0] for source_id in ids]
    if len(set(prefixes)) == len(prefixes):
        return dict(zip(ids, prefixes, strict=True))
    return {source_id: source_id for source_id in ids}


def source_named(written: str, ids: Collection[str]) -> str | None:
    """The source an id the user wrote means, in any form the reports show or a file has: the
    full id, the short id ('002'), the file name ('002_ef94a33fe93d7047.txt'), its path under the
    sources folder; None when it names none, or more than one."""
    known = set(ids)
    candidates = [written.strip(), written.strip().removeprefix("sources/")]
    for candidate in list(candidates):
        stem, dot, extension = candidate.rpartition(".")
        if dot and "." + extension.lower() in EXTENSIONS:
            candidates.append(stem)
    for candidate in candidates:
        if candidate in known:
            return candidate
    shown = {short: source_id for source_id, short in short_ids(sorted(known)).items()}
    return next((shown[candidate] for candidate in candidates if candidate in shown), None)


def _ids(relatives: list[str]) -> dict[str, str]:
    """A source's id is its relative path without the extension — with it, when two
    files differ only in their extension (the same article saved as .html and .pdf)."""
    bare = {relative: relative.rsplit(".", 1)[0] for relative in relatives}
    counts: dict[str, int] = {}
    for source_id in bare.values():
        counts[source_id] = counts.get(source_id, 0) + 1
    return {relative: bare_id if counts[bare_id] == 1 else relative for relative, bare_id in bare.items()}


def decode(data: bytes) -> tuple[str | None, list[str]]:
    """Text of a file and its warnings; None (and the reason) when it is not text at all."""
    if b"\x00" in data[:8192]:
        return None, ["it looks like a binary file, not text"]
    notes = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        encoding = best.encoding if best is not None else "cp1252"
        text = data.decode(encoding, errors="replace")
        notes.append(f"not UTF-8; read as {encoding} — save it as UTF-8 to be sure")
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    fixed = _fix_encoding(text) if may_hold_mojibake(text) else text
    if fixed != text:
        notes.append("repaired mojibake (text decoded with the wrong encoding before it was saved)")
    return fixed, notes


# Every sequence ftfy takes for mojibake is a few characters long (seven at most in ftfy 6)
# and holds a non-ASCII character.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_MOJIBAKE_REACH = 16


def may_hold_mojibake(text: str) -> bool:
    """Whether ``ftfy.fix_encoding`` could change the text: ftfy's own test for mojibake
    (``ftfy.badness.is_bad``), run only around the non-ASCII characters. On the whole of
    a text with a few curly quotes and dashes it takes about a millisecond per 5 KB."""
    if text.isascii():
        return False
    from ftfy.badness import is_bad  # (imported when needed: a run on a warm cache never is)

    windows: list[list[int]] = []
    for match in _NON_ASCII.finditer(text):
        start, stop = max(0, match.start() - _MOJIBAKE_REACH), match.end() + _MOJIBAKE_REACH
        if windows and start <= windows[-1][1]:
            windows[-1][1] = stop
        else:
            windows.append([start, stop])
    return any(is_bad(text[start:stop]) for start, stop in windows)


def _fix_encoding(text: str) -> str:
    import ftfy

    return ftfy.fix_encoding(text)


def _html(page: str) -> tuple[str, SourceMeta, list[str]]:
    try:
        import trafilatura
    except ImportError:
        raise Unreadable("HTML needs the optional reader: pip install -e '.[html]'") from None
    try:
        document = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    except RecursionError:  # markup nested deeper than the extractor can walk
        document = None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        # The extractor gives up on some pages (markup nested thousands deep): their visible
        # text is still the article, read without the main-content guess.
        visible = visible_text(page)
        if not visible.strip():
            raise Unreadable("no article text found in the page")
        note = "the main-content extractor found no article text; read the page's visible text instead"
        return visible, SourceMeta(), [note]
    meta = SourceMeta(
        title=getattr(document, "title", None) or None,
        outlet=getattr(document, "sitename", None) or None,
        date=normalise_date(getattr(document, "date", None)),
        url=getattr(document, "url", None) or None,
        language=getattr(document, "language", None) or None,
    )
    return text, meta, []


class _VisibleText(HTMLParser):
    """The text a browser shows: outside scripts, styles and the head; blocks on lines of
    their own. Event by event, so no depth of nesting is too deep."""

    _HIDDEN = frozenset({"script", "style", "noscript", "head", "template", "svg"})
    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """A page's visible text, one block per paragraph."""
    parser = _VisibleText()
    parser.feed(page)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _pdf(data: bytes) -> tuple[str, SourceMeta, tuple[int, ...]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise Unreadable("PDF needs the optional reader: pip install -e '.[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Unreadable("it is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise Unreadable(f"not a readable PDF ({error})") from None
    text, starts = "", []
    for number, page in enumerate(pages):
        if number:
            text += "\n\n"
            starts.append(len(text))
        text += page
    if not text.strip():
        raise Unreadable("no text in the PDF (a scan? run OCR first)")
    meta = SourceMeta()
    if info is not None:
        created = info.get("/CreationDate")
        date = normalise_date(f"{created[2:6]}-{created[6:8]}-{created[8:10]}") if created else None
        meta = SourceMeta(title=(info.title or None), outlet=info.get("/Publisher") or None, date=date)
    return text, meta, tuple(starts)


def _annotations(root: Path, shown: str) -> Annotations:
    path = root / SOURCES_YAML
    if not path.is_file():
        return Annotations({})
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimcheckError([Problem(f"{shown}/{SOURCES_YAML}", 0, f"cannot read it: {error}")]) from None
    return parse_sources_yaml(text, f"{shown.rstrip('/')}/{SOURCES_YAML}")


def _walk(root: Path, follow_symlinks: bool) -> tuple[list[tuple[Path, str]], list[tuple[str, str]]]:
    """Article files under ``root`` as (path, path relative to ``root`` with "/"), sorted by
    the relative path, and (relative path, reason) for links not followed."""
    found: list[tuple[Path, str]] = []
    skipped: list[tuple[str, str]] = []
    real_root = root.resolve()
    seen: set[Path] = set()
    for directory, folders, files in os.walk(root, followlinks=True):
        here = Path(directory)
        seen.add(here.resolve())
        # Relative paths by strings: Path.relative_to for every file was half of listing 10,000.
        inside = os.path.relpath(directory, root)
        prefix = "" if inside == os.curdir else inside.replace(os.sep, "/") + "/"
        for name in sorted(folders):
            link = here / name
            if not link.is_symlink():
                continue
            reason = _link_problem(link, real_root, follow_symlinks, seen)
            if reason:
                skipped.append((prefix + name, reason))
                folders.remove(name)
        folders.sort()
        for name in files:
            if not name.lower().endswith(EXTENSIONS) or name.startswith("."):
                continue
            path = here / name
            reason = _link_problem(path, real_root, follow_symlinks, set()) if path.is_symlink() else ""
            if reason:
                skipped.append((prefix + name, reason))
            else:
                found.append((path, prefix + name))
    return sorted(found, key=lambda item: item[1]), sorted(skipped)


def _link_problem(link: Path, real_root: Path, follow_symlinks: bool, seen: set[Path]) -> str:
    """Why a symbolic link is not followed, or '' when it is."""
    real = link.resolve()
    if real in seen:
        return "skipped: a symbolic link that loops back to a folder already read"
    if not follow_symlinks and real != real_root and real_root not in real.parents:
        return "skipped: a symbolic link out of the sources folder (follow it with --follow-symlinks)"
    return ""
