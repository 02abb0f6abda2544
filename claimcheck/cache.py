"""The incremental cache: what was derived from each source, in one SQLite file.

Entries are keyed by a SHA-256 of the content they were derived from and of
claimcheck's own code (``CODE_VERSION``), so an edited article, an edited claim or
an upgraded claimcheck never meets a stale entry:

- ``read:``    the bytes of a file -> its text (for a plain UTF-8 file, where it starts in
  the bytes), metadata and page offsets;
- ``prep:``    a source's id and text -> ``Prepared`` (passages, figures, terms);
- ``corpus:``  every file of the sources folder (ids, paths, bytes, stated metadata)
  -> the sources' metadata and the warnings of reading them;
- ``judged:``  that corpus and one claim -> the claim's judged sources (findings and the
  ids of quiet sources). With all of them present, a run on an unchanged corpus reads no article at all.

The file is checked when it is opened (``PRAGMA quick_check``); one that is not a
database, is damaged, or holds an entry that does not decode is thrown away and
rebuilt, never trusted. Writes are single transactions in WAL mode with a busy
timeout, so two runs on one cache wait for each other instead of corrupting it.
Nothing in the file is ever executed: entries are zlib-compressed JSON.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from claimcheck.errors import Problem
from claimcheck.model import (
    DATED,
    Bound,
    Claim,
    Evidence,
    Finding,
    Judged,
    Passage,
    Prepared,
    Quantity,
    Source,
    SourceMeta,
    Verdict,
)

CACHE_DIR = ".claimcheck-cache"
CACHE_FILE = "cache.sqlite3"
# Seconds a run waits for another run's write to finish.
BUSY_TIMEOUT = 60.0


def _code_version() -> str:
    """A digest of every module of the package: editing any of them retires every entry."""
    digest = hashlib.sha256()
    package = resources.files("claimcheck")
    for entry in sorted(package.iterdir(), key=lambda entry: entry.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()


def read_key(data: bytes, extension: str) -> str:
    return "read:" + _digest(extension.encode(), data)


def prepared_key(source: Source) -> str:
    """What ``prepare`` reads of a source: its id, its text and its date (which places the
    dates written without a year)."""
    date = (source.meta.date or "").encode()
    return "prep:" + _digest(source.id.encode(), source.text.encode("utf-8", "surrogatepass"), date)


def corpus_key(parts: list[bytes]) -> str:
    return "corpus:" + _digest(*parts)


def judged_key(corpus: str, claim: Claim) -> str:
    """What a claim's findings depend on: its words and figure, not its line, accepts or as_of."""
    fields = (
        claim.id,
        claim.text,
        claim.subject,
        claim.aliases,
        claim.quantity,
        claim.tolerance,
        claim.negated,
    )
    return "judged:" + _digest(corpus.encode(), repr(fields).encode())


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256(CODE_VERSION.encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


# What decoding an entry of the wrong shape raises: the entry is then treated as missing.
UNDECODABLE = (ValueError, TypeError, KeyError, IndexError)


class Entries(Protocol):
    """What ``through_cache`` needs of a cache: a ``Cache``, or a ``LaterWrites`` over one."""

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]: ...

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None: ...


def through_cache(
    cache: Entries | None,
    keys: Sequence[str],
    compute: Callable[[list[int]], list[Any]],
    encode: Callable[[int, Any], Any | None],
    decode: Callable[[int, Any], Any],
) -> list[Any]:
    """One value per key: decoded from the cache where it holds one that decodes, else from
    ``compute`` (given the positions it must compute, in order) and then stored, unless
    ``encode`` (given the position and the value) gives None for it. A damaged entry is
    computed again, never trusted; a store that fails (a full disk) is skipped: the values are
    right, the next run computes them again."""
    known = cache.get_many(keys) if cache is not None else {}
    found: dict[int, Any] = {}
    for number, key in enumerate(keys):
        if key in known:
            try:
                found[number] = decode(number, known[key])
            except UNDECODABLE:
                continue
    missing = [number for number in range(len(keys)) if number not in found]
    fresh = dict(zip(missing, compute(missing), strict=True))
    if cache is not None:
        encoded = ((keys[number], encode(number, value)) for number, value in fresh.items())
        with contextlib.suppress(OSError, sqlite3.Error):  # a full disk: the values are still right
            cache.put_many((key, entry) for key, entry in encoded if entry is not None)
    found.update(fresh)
    return [found[number] for number in range(len(keys))]


class Cache:
    """An open cache file. ``get`` misses on anything it cannot decode; ``put`` overwrites."""

    def __init__(self, folder: str | Path, verify: bool = True) -> None:
        """Open (and create) the cache in ``folder``. With ``verify`` the whole file is checked
        first; a run checks it once, when it starts, and its later openings (each worker's, per
        batch) skip it: the check reads the whole file, which grows to a gigabyte for 100,000
        articles, and checking it for every batch made a run's cost grow faster than the corpus."""
        self.verify = verify
        self.folder = Path(folder)
        self.path = self.folder / CACHE_FILE
        self.rebuilt = False
        self.folder.mkdir(parents=True, exist_ok=True)
        # Opening, checking and (when damaged) replacing the file happen under a lock, so
        # one run never deletes the file another run has just created.
        with _Lock(self.folder / "cache.lock"):
            try:
                self._db = self._open()
            except sqlite3.OperationalError:
                raise  # locked or unreadable: an error to report, not damage to repair
            except sqlite3.DatabaseError:
                self._discard()
                self._db = self._open()
                self.rebuilt = True

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            (status,) = db.execute("PRAGMA quick_check").fetchone() if self.verify else ("ok",)
            if status != "ok":
                raise sqlite3.DatabaseError(status)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        """The decoded entries found among ``keys``; a damaged entry counts as missing."""
        found: dict[str, Any] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk)
            for key, value in rows:
                try:
                    found[key] = json.loads(zlib.decompress(value))
                except (zlib.error, ValueError, TypeError):
                    continue
        return found

    def holds_runs(self) -> bool:
        """Whether the cache holds any run's corpus entry (``corpus_key``)."""
        # A range of the primary key, so the lookup does not scan the entries.
        found = self._db.execute("SELECT 1 FROM entries WHERE key >= 'corpus:' AND key < 'corpus;' LIMIT 1")
        return found.fetchone() is not None

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        rows = [
            (key, zlib.compress(json.dumps(value, separators=(",", ":")).encode(), 1)) for key, value in items
        ]
        if not rows:
            return
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LaterWrites:
    """An open cache whose reads are answered at once and whose writes wait for ``write``.

    A worker that keeps what it prepared in memory for the rest of the run stores it only for
    later runs; it does that when it has nothing else to do (``parallel.TwoPassWorkers``'s
    chores), not while the run waits for it. The entries are encoded when they are written:
    ``put_many`` keeps what it is given as it is (``through_cache`` gives it a generator)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self._pending: list[Iterable[tuple[str, Any]]] = []

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        return self.cache.get_many(keys)

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        self._pending.append(items)

    def write(self) -> None:
        """The writes put off, in one transaction of the cache opened again (the run checked the
        file when it started). One that fails (a full disk) is lost: a later run computes it again."""
        pending, self._pending = self._pending, []
        with contextlib.suppress(OSError, sqlite3.Error), Cache(self.cache.folder, verify=False) as cache:
            cache.put_many(itertools.chain.from_iterable(pending))


class _Lock:
    """An exclusive lock on a file, where the platform has ``fcntl`` (elsewhere, none)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        self.handle = open(self.path, "a+b")
        if fcntl is not None:
            fcntl.flock(self.handle, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        if fcntl is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


# What goes into an entry, and back. Plain lists keep entries small and fast to decode.


def encode_read(
    text: str, meta: SourceMeta, page_starts: tuple[int, ...], notes: list[str], data: bytes | None = None
) -> dict[str, Any]:
    """What reading a file gave. When the text is the end of the file's own ``data`` read as
    UTF-8 (a plain-text article without front matter), the entry holds where it starts
    instead of the text: the run reads the file's bytes anyway (its key is their digest), and
    compressing and storing every article's text again was a twentieth of a cold run."""
    fields = [meta.title, meta.outlet, meta.date, meta.url, meta.language, sorted(meta.guessed)]
    start = _start_in(data, text) if data is not None else None
    kept = {"text": text} if start is None else {"from": start}
    return {**kept, "meta": fields, "pages": list(page_starts), "notes": notes}


def _start_in(data: bytes, text: str) -> int | None:
    """Where ``text`` starts in ``data`` read as UTF-8, when it is all the rest of it."""
    try:
        whole = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return len(whole) - len(text) if whole.endswith(text) else None


def decode_read(
    entry: dict[str, Any], data: bytes | None = None
) -> tuple[str, SourceMeta, tuple[int, ...], list[str]]:
    """The entry of ``encode_read`` back, given the same file's ``data`` (a ValueError without)."""
    title, outlet, date, url, language, guessed = entry["meta"]
    meta = SourceMeta(title, outlet, date, url, language, frozenset(guessed))
    if "from" in entry:
        start = entry["from"]
        if data is None or type(start) is not int or not 0 <= start <= len(data):
            raise ValueError("the entry holds where the text starts in the file, not the text")
        text = data.decode("utf-8")[start:]
    else:
        text = entry["text"]
    return text, meta, tuple(entry["pages"]), list(entry["notes"])


def encode_prepared(prepared: Prepared) -> dict[str, Any]:
    return {
        "passages": [[p.index, p.text, p.start, p.line, p.boilerplate] for p in prepared.passages],
        "quantities": [[_encode_quantity(q) for q in found] for found in prepared.quantities],
        "terms": [" ".join(words) for words in prepared.terms],
    }


Facts = dict[str, tuple[tuple[Quantity, ...], tuple[str, ...]]]


def decode_prepared(source_id: str, entry: dict[str, Any], facts: Facts | None = None) -> Prepared:
    """A source's prepared passages back from its entry. With ``facts``, shared by the entries
    of a batch, a passage whose text an earlier entry held gets that passage's figures and
    terms, not a decoded copy: they depend on the text alone, and sources repeat sentences."""
    passages = tuple(Passage(source_id, *fields) for fields in entry["passages"])
    if not len(passages) == len(entry["quantities"]) == len(entry["terms"]):
        raise ValueError("entry does not hold one of each per passage")
    known: Facts = {} if facts is None else facts
    derived = []
    for passage, found, line in zip(passages, entry["quantities"], entry["terms"], strict=True):
        # A year placed by the article's date is the source's own, not the text's.
        key = (
            passage.text
            if not any(DATED.intersection(q[7]) for q in found)
            else f"{source_id}\0{passage.text}"
        )
        if key not in known:
            known[key] = (tuple(_decode_quantity(q) for q in found), tuple(line.split()))
        derived.append(known[key])
    return Prepared(source_id, passages, tuple(d[0] for d in derived), tuple(d[1] for d in derived))


def _encode_quantity(q: Quantity) -> list[Any]:
    bound = q.bound.value if q.bound else None
    return [
        q.value,
        q.unit,
        q.approx,
        bound,
        q.upper,
        q.month,
        q.day,
        list(q.qualifiers),
        q.start,
        q.end,
        q.text,
        q.measure,
        q.per,
        list(q.sized),
    ]


def _decode_quantity(fields: list[Any]) -> Quantity:
    value, unit, approx, bound, upper, month, day, qualifiers, start, end, text, measure, per, sized = fields
    return Quantity(
        value,
        unit,
        approx,
        Bound(bound) if bound else None,
        upper,
        month,
        day,
        tuple(qualifiers),
        start,
        end,
        text,
        measure,
        per,
        tuple(sized),
    )


def encode_sources(sources: Sequence[Source], warnings: Sequence[Problem]) -> dict[str, Any]:
    """Sources without their text (the report needs their metadata), and warnings."""
    return {
        "sources": [[s.id, s.path, encode_read("", s.meta, s.page_starts, [])["meta"], list(s.page_starts)]
                    for s in sources],
        "warnings": [[w.path, w.line, w.message, w.column] for w in warnings],
    }  # fmt: skip


def decode_sources(entry: dict[str, Any]) -> tuple[tuple[Source, ...], tuple[Problem, ...]]:
    sources = tuple(
        Source(
            source_id,
            path,
            "",
            decode_read({"text": "", "meta": meta, "pages": [], "notes": []})[1],
            tuple(pages),
        )
        for source_id, path, meta, pages in entry["sources"]
    )
    return sources, tuple(Problem(*fields) for fields in entry["warnings"])


def encode_findings(judged: Judged, numbers: Mapping[str, int]) -> dict[str, Any]:
    """A claim's judged sources: each finding as a list (a gap as its source and reason
    only), the quiet sources, and the groups of copies when known. A source is its number
    in the corpus (``numbers``): the entry belongs to one corpus, and ids can be long.
    Reasons, quotes and passages are numbers into the entry's ``strings``: many sources give
    a claim the same figure, and reprints the same passage."""
    table: dict[str, int] = {}

    def text(value: str) -> int:
        return table.setdefault(value, len(table))

    copies = judged.copies
    findings = [
        [numbers[f.source_id], text(f.reason)] if f.verdict is Verdict.GAP and not (f.quantity or f.quote)
        else
        [numbers[f.source_id], f.verdict.value, text(f.reason), text(f.quote), text(f.passage), f.line,
         _encode_quantity(f.quantity) if f.quantity else None, f.score, f.offset,
         [[e.quote, e.line, _encode_quantity(e.quantity), e.compatible, e.offset] for e in f.figures]]
        for f in judged.findings
    ]  # fmt: skip
    return {
        "strings": list(table),
        "findings": findings,
        "quiet": [numbers[source_id] for source_id in judged.quiet],
        "copies": None if copies is None else [[numbers[key] for key in group] for group in copies],
    }


def decode_findings(
    claim_id: str,
    entry: dict[str, list[Any]],
    source_ids: Sequence[str],
    strings: dict[str, str] | None = None,
) -> Judged:
    """A claim's judged sources back from an entry, ``source_ids`` being the corpus's sources
    in order; with ``strings``, equal passages, quotes and reasons are one string, however
    many claims' findings hold them. Anything out of place raises ValueError, TypeError,
    KeyError or IndexError: the caller treats the entry as missing."""
    shared = strings if strings is not None else {}
    table = entry["strings"]
    if not all(isinstance(value, str) for value in table):
        raise ValueError("an entry's strings are strings")
    texts = [shared.setdefault(value, value) for value in table]

    def text(number: Any) -> str:
        if not isinstance(number, int) or not 0 <= number < len(texts):
            raise ValueError("a text is its number in the entry's strings")
        return texts[number]

    findings = entry["findings"]
    sources = _picked(source_ids, [fields[0] for fields in findings])
    found = []
    for source_id, fields in zip(sources, findings, strict=True):
        if len(fields) == 2:
            found.append(Finding(claim_id, source_id, Verdict.GAP, text(fields[1])))
            continue
        _, verdict, reason, quote, passage, line, quantity, score, offset, figures = fields
        found.append(
            Finding(
                claim_id, source_id, Verdict(verdict), text(reason), text(quote), text(passage), line,
                _decode_quantity(quantity) if quantity else None, score, offset=offset,
                figures=tuple(Evidence(q, ln, _decode_quantity(e), ok, off) for q, ln, e, ok, off in figures),
            )
        )  # fmt: skip
    copies = entry["copies"]
    return Judged(
        tuple(found),
        tuple(_picked(source_ids, entry["quiet"])),
        None if copies is None else tuple(tuple(_picked(source_ids, group)) for group in copies),
    )


def _picked(source_ids: Sequence[str], numbers: Any) -> list[str]:
    """The sources of these numbers in the corpus, all checked at once (a claim's quiet sources
    are thousands): a ValueError unless each is a whole number in range."""
    if not isinstance(numbers, list) or not all(type(number) is int for number in numbers):
        raise ValueError("a source is its number in the corpus")
    if numbers and (min(numbers) < 0 or max(numbers) >= len(source_ids)):
        raise ValueError("a source is its number in the corpus")
    return [source_ids[number] for number in numbers]
