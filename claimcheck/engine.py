"""Running the check over a corpus of any size, in batches of sources.

Pass 1 reads and prepares every batch (worker processes, the cache) and counts the
corpus's vocabulary; pass 2 judges every claim against one batch at a time with
that vocabulary (``check.judge``). Every batch is judged with the same vocabulary
and findings are kept in source order, so the report is the same, byte for byte,
whatever the batch size, the number of workers or the engine.

- ``local``: one machine. Each worker process judges in pass 2 the batches it prepared
  in pass 1. It keeps them in memory between the passes when its share of the
  collection is small (``HOLD_BYTES``) or is one batch; otherwise pass 2 reads each
  batch back from the cache (with ``--no-cache``, from a temporary one of its own), so
  only one batch of passages per worker is in memory at a time, and what stays is each
  source's metadata and the findings of sources that mention a subject. A worker that
  keeps its batches stores them in the cache (for later runs) when it has nothing else to do.
- ``dask``: an existing Dask cluster (``pip install 'claimcheck[dask]'``). A batch
  of sources is read and prepared on a worker and stays there; the claims and the
  vocabulary are sent to every worker once; each batch is judged where it lies.
  The workers read the source files by path, so they must see the same files
  (a shared file system) as the machine that runs claimcheck.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import math
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimcheck.cache import (
    UNDECODABLE,
    Cache,
    Entries,
    Facts,
    LaterWrites,
    corpus_key,
    decode_findings,
    decode_prepared,
    decode_sources,
    encode_findings,
    encode_sources,
    judged_key,
    prepared_key,
)
from claimcheck.check import judge, vocabulary_of, with_copies
from claimcheck.errors import ClaimcheckError, Problem
from claimcheck.model import Claim, Judged, Prepared, Source
from claimcheck.parallel import TwoPassWorkers
from claimcheck.prepare import prepare_sources
from claimcheck.sources import Article, content_key, read_articles
from claimcheck.subjects import Vocabulary

ENGINES = ("local", "dask")
# Sources per batch: large enough that starting a batch costs little and that the sentences
# its sources share are read once (judging 2,000 generated articles took 3.4 s in batches of
# 500, 2.9 s in batches of 1,000, 2.8 s in one), small enough that a batch's passages (about
# 100 KB an article while it is judged) fit in memory many times over.
BATCH_SOURCES = 1000
# A worker keeps the batches it prepared in memory for pass 2 when its share of the
# collection's files is at most this: prepared, a generated article of 5 KB takes about
# 38 KB (tracemalloc), so 40 MB of files is about 300 MB a worker. Reading the batches
# back instead cost a quarter as much as preparing them; a bigger collection does that,
# since holding it all would grow with it.
HOLD_BYTES = 40_000_000
# How long to try to reach a Dask scheduler before giving up.
CONNECT_TIMEOUT = "20s"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the engines return for ``check.assemble``: the sources (metadata only, in
    order), each claim's judged sources, the warnings of reading, and warnings about the
    run itself (the cache), which belong on the screen, not in the report; and each
    article's ``fingerprint`` as the engine read it."""

    sources: tuple[Source, ...]
    judged: tuple[Judged, ...]
    warnings: tuple[Problem, ...]
    notices: tuple[Problem, ...] = ()
    fingerprints: tuple[bytes, ...] = ()


@dataclass(frozen=True, slots=True)
class Run:
    """How to run: the cache folder (or None), worker processes, batch size, progress, how
    much of the collection (bytes of files) a worker may keep in memory between passes, and
    where workers may stay to finish storing it in the cache after the run returns (``finishing``,
    closed by the caller when it is done with the outcome; see ``run_local``)."""

    cache_dir: Path | None = None
    jobs: int = 1
    batch_sources: int = BATCH_SOURCES
    progress: Callable[[str, int], Callable[[], None]] | None = None
    hold_bytes: int = HOLD_BYTES
    finishing: contextlib.ExitStack | None = None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a run's findings are built, back on after.

    A run makes millions of small objects that live until the report is written and never
    refer to one another in a cycle, so reference counting frees them all; the collector
    would walk the growing pile again and again (a quarter of a warm run at 10,000 articles).
    Worker processes free the cycles each item leaves (``parallel``): they read arbitrary files.
    The command line keeps it paused to the end (``cli.run``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_check(
    claims: Sequence[Claim], articles: Sequence[Article], run: Run, engine: str = "local", scheduler: str = ""
) -> Outcome:
    """The engine's outcome, with the cache's answers used where the corpus and a claim
    are unchanged: on an unchanged corpus only new or edited claims are judged, and
    with none of those no article is read at all. A cache that cannot be opened or
    written is a warning (the run goes on without it); a damaged one is rebuilt, with a
    warning."""
    with collector_paused():
        return _run_check(claims, articles, run, engine, scheduler)


def _run_check(
    claims: Sequence[Claim], articles: Sequence[Article], run: Run, engine: str, scheduler: str
) -> Outcome:
    if run.cache_dir is None:
        return _run_engine(claims, articles, run, engine, scheduler)
    cache, notices = _open_cache(run.cache_dir)
    if cache is None:
        outcome = _run_engine(claims, articles, replace(run, cache_dir=None), engine, scheduler)
        return replace(outcome, notices=notices)
    with cache:
        looked_up, known, judged = _looked_up(cache, claims, articles)
    missing = [number for number in range(len(claims)) if number not in judged]
    if known is not None and not missing:
        return Outcome(known[0], tuple(judged[n] for n in range(len(claims))), known[1], notices)
    # The workers stay until the caller's stack (or this block) ends: they store what they
    # prepared while this process groups copies, stores the findings, writes the report.
    with contextlib.ExitStack() as here:
        run = replace(run, finishing=run.finishing or here)
        fresh = _run_engine([claims[n] for n in missing], articles, run, engine, scheduler)
        # Findings are stored under the articles as the engine read them, not as they were when
        # the run looked them up: an article edited in between must not leave findings of its new
        # text under its old text's key. The cached findings (of the old text) are then judged again.
        corpus = corpus_key(list(fresh.fingerprints))
        if judged and corpus != looked_up:
            judged, missing = {}, list(range(len(claims)))
            fresh = _run_engine(claims, articles, run, engine, scheduler)
            corpus = corpus_key(list(fresh.fingerprints))
        keys = [judged_key(corpus, claim) for claim in claims]
        copies_of: dict[tuple[tuple[str, str], ...], tuple] = {}  # see with_copies
        new = {n: with_copies(found, copies_of) for n, found in zip(missing, fresh.judged, strict=True)}
        numbers = {source.id: number for number, source in enumerate(fresh.sources)}
        assert run.cache_dir is not None  # this path is the cache's
        try:
            with Cache(run.cache_dir, verify=False) as cache:  # checked when the run started
                # Each claim's findings encoded and compressed in turn: encoded all at once, a run of
                # 100,000 articles held them twice over in memory.
                cache.put_many(
                    itertools.chain(
                        [(corpus, encode_sources(fresh.sources, fresh.warnings))],
                        ((keys[n], encode_findings(found, numbers)) for n, found in new.items()),
                    )
                )
        except (OSError, sqlite3.Error) as error:  # the disk filled up: the report is still right
            notices += (Problem(str(run.cache_dir), 0, f"cache not updated ({error})"),)
    judged.update(new)
    return Outcome(fresh.sources, tuple(judged[n] for n in range(len(claims))), fresh.warnings, notices)


def _open_cache(cache_dir: Path) -> tuple[Cache | None, tuple[Problem, ...]]:
    """The cache, opened and checked (the one check of the whole file a run makes: workers'
    openings skip it), or None when it cannot be opened; and the notices that say what happened."""
    try:
        cache = Cache(cache_dir)
    except (OSError, sqlite3.Error) as error:  # a read-only checkout, say
        return None, (Problem(str(cache_dir), 0, f"cache not used ({error})"),)
    rebuilt = (Problem(str(cache.path), 0, "the cache was damaged; rebuilt it"),) if cache.rebuilt else ()
    return cache, rebuilt


def usable(run: Run) -> tuple[Run, tuple[Problem, ...]]:
    """The run with its cache when the cache can be opened (a damaged one is rebuilt), else
    without one; and the notices that say so. (``run_check`` does the same as it looks up.)"""
    if run.cache_dir is None:
        return run, ()
    cache, notices = _open_cache(run.cache_dir)
    if cache is None:
        return replace(run, cache_dir=None), notices
    cache.close()
    return run, notices


def _looked_up(
    cache: Cache, claims: Sequence[Claim], articles: Sequence[Article]
) -> tuple[str | None, tuple[tuple[Source, ...], tuple[Problem, ...]] | None, dict[int, Judged]]:
    """The corpus's key, its sources and warnings, and the findings of each claim the cache
    holds for it (by claim number). A cache that holds no run (a fresh checkout's first) has
    nothing to look up: the articles are then read by the engine only, not here as well."""
    if not cache.holds_runs():
        return None, None, {}
    corpus = corpus_key([_fingerprint(article, content_key(article)) for article in articles])
    known = _cached_sources(cache.get_many([corpus]).get(corpus))
    if known is None:
        return corpus, None, {}
    keys = [judged_key(corpus, claim) for claim in claims]
    source_ids = [source.id for source in known[0]]
    return corpus, known, _cached_findings(cache, keys, [claim.id for claim in claims], source_ids)


def _cached_sources(entry: Any) -> tuple[tuple[Source, ...], tuple[Problem, ...]] | None:
    """The corpus's sources and warnings from its entry; None when there is none or it does not decode."""
    if entry is None:
        return None
    try:
        return decode_sources(entry)
    except UNDECODABLE:
        return None


def _cached_findings(
    cache: Cache, keys: Sequence[str], claim_ids: Sequence[str], source_ids: Sequence[str]
) -> dict[int, Judged]:
    """The claims' judged sources the cache holds, decoded a few hundred claims at a time;
    claims quoting one passage share one string of it. An entry that does not decode is missing."""
    strings: dict[str, str] = {}
    found: dict[int, Judged] = {}
    for start in range(0, len(keys), 200):
        entries = cache.get_many(keys[start : start + 200])
        for number in range(start, min(start + 200, len(keys))):
            if keys[number] in entries:
                try:
                    found[number] = decode_findings(
                        claim_ids[number], entries[keys[number]], source_ids, strings
                    )
                except UNDECODABLE:
                    continue
    return found


def _fingerprint(article: Article, content: str) -> bytes:
    """What a source's findings and metadata depend on: its id, path, stated metadata and
    bytes (``sources.content_key``)."""
    named = repr((article.source_id, article.display_path, article.stated, article.boilerplate)).encode()
    return named + b"\0" + content.encode()


def _run_engine(
    claims: Sequence[Claim], articles: Sequence[Article], run: Run, engine: str, scheduler: str
) -> Outcome:
    if engine == "dask":
        return run_dask(claims, articles, run, scheduler)
    return run_local(claims, articles, run)


def run_local(claims: Sequence[Claim], articles: Sequence[Article], run: Run) -> Outcome:
    """Check the claims against the articles on this machine, batch by batch
    (``prepared_corpus``, then each claim judged against it)."""
    try:
        with prepared_corpus(articles, run) as corpus:
            judged = corpus.judge(claims, release=True)
    except (OSError, sqlite3.Error):
        batches = _batches(articles, run.batch_sources, run.jobs)
        if run.cache_dir is not None or _can_hold(batches, run):
            raise
        # The temporary cache's folder filled up or went away: start again in memory.
        with prepared_corpus(articles, run, hold=True) as corpus:
            judged = corpus.judge(claims, release=True)
    return Outcome(corpus.sources, judged, corpus.warnings, fingerprints=corpus.fingerprints)


def _can_hold(batches: Sequence[Sequence[Article]], run: Run) -> bool:
    """Whether each worker may keep its prepared batches in memory between the passes: when
    it has one batch (it holds that one while judging it anyway) or its share is small."""
    workers = max(min(run.jobs, len(batches)), 1)
    share = sum(article.size for batch in batches for article in batch) / workers
    return len(batches) <= workers or share <= run.hold_bytes


@contextmanager
def prepared_corpus(
    articles: Sequence[Article], run: Run, hold: bool | None = None
) -> Iterator[PreparedCorpus]:
    """The articles read and prepared once (pass 1: the workers, the cache), to be judged as
    often as the caller asks while the block lasts (pass 2): the check judges its claims once,
    ``compare`` puts batch after batch of statements to them.

    With ``run.finishing``, workers that keep their batches in memory put off storing them in
    the cache (for later runs) to when they have nothing else to do, and stay on that stack:
    closing it waits for them. Without it, they store each batch as they read it.

    Without a cache, a run whose workers cannot keep their batches in memory (``hold``, by
    default worked out from the collection's size) hands pass 1's prepared sources to pass 2
    through a cache of its own in a temporary folder, deleted when the block ends: kept in
    memory instead, a collection of 10,000 articles held 680 MB in the parent process, and it
    grows with the collection."""
    batches = _batches(articles, run.batch_sources, run.jobs)
    hold = _can_hold(batches, run) if hold is None else hold
    with contextlib.ExitStack() as stack:
        if run.cache_dir is None and not hold:
            try:
                scratch = stack.enter_context(
                    tempfile.TemporaryDirectory(prefix="claimcheck-", ignore_cleanup_errors=True)
                )
                run = replace(run, cache_dir=Path(scratch))
            except OSError:  # nowhere to write one: keep them in memory
                hold = True
        later = hold and run.cache_dir is not None and run.finishing is not None
        stay = run.finishing if later and run.finishing is not None else stack
        workers = stay.enter_context(TwoPassWorkers(run.jobs, len(batches)))
        tick = run.progress("reading sources", len(batches)) if run.progress else None
        read = workers.first(_read_batch, batches, (run.cache_dir, hold, later), on_done=tick)
        vocabulary = Vocabulary()
        for summary in read:
            vocabulary.merge(summary.vocabulary)
        sources, warnings, fingerprints = _gathered(read)
        del read
        yield PreparedCorpus(sources, warnings, fingerprints, vocabulary, workers, run, len(batches))


@dataclass(frozen=True, slots=True)
class PreparedCorpus:
    """A corpus pass 1 has read and prepared, batch by batch, where the workers keep it: its
    sources (metadata only), warnings, fingerprints and vocabulary; pass 2 on demand."""

    sources: tuple[Source, ...]
    warnings: tuple[Problem, ...]
    fingerprints: tuple[bytes, ...]
    vocabulary: Vocabulary
    workers: TwoPassWorkers
    run: Run
    batches: int

    def judge(self, claims: Sequence[Claim], release: bool = False) -> tuple[Judged, ...]:
        """Each claim judged against every source (``check.judge``), in source order; with
        ``release``, the workers let each batch go once it is judged (the corpus is then done)."""
        tick = self.run.progress("checking claims", self.batches) if self.run.progress else None
        shared = (_judge_prepared, (claims, self.vocabulary), self.run.cache_dir)
        return _by_claim(len(claims), self.workers.second(_on_batch, shared, on_done=tick, release=release))

    def each(self, function: Callable[[list[Prepared], Any], Any], shared: Any) -> list[Any]:
        """``function(prepared, shared)`` for each batch's prepared sources, in source order,
        where the workers keep them (a module-level function: it goes to them by name)."""
        return self.workers.second(_on_batch, (function, shared, self.run.cache_dir), release=False)


def run_dask(claims: Sequence[Claim], articles: Sequence[Article], run: Run, scheduler: str) -> Outcome:
    """Check the claims against the articles on the Dask cluster at ``scheduler``."""
    try:
        from distributed import Client
    except ImportError:
        raise ClaimcheckError(
            [
                Problem(
                    "--engine", 0, "dask is not installed: pip install -e '.[dask]' (or 'claimcheck[dask]')"
                )
            ]
        ) from None
    batches = _batches(articles, run.batch_sources)
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except OSError as error:
        raise ClaimcheckError([Problem("--scheduler", 0, f"cannot reach {scheduler}: {error}")]) from None
    with client:
        prepared = client.map(_prepare_on_worker, batches, pure=False)
        summaries = client.gather(client.map(_summary_on_worker, prepared))
        vocabulary = Vocabulary()
        for summary in summaries:
            vocabulary.merge(summary.vocabulary)
        [shared] = client.scatter([(claims, vocabulary)], broadcast=True)
        judged_batches = client.gather(client.map(_judge_on_worker, prepared, shared=shared))
    sources, warnings, fingerprints = _gathered(summaries)
    return Outcome(sources, _by_claim(len(claims), judged_batches), warnings, fingerprints=fingerprints)


def _batches(articles: Sequence[Article], size: int, jobs: int = 1) -> list[tuple[Article, ...]]:
    """Runs of at most ``size`` articles, as many for each worker (when there are enough):
    five batches on two workers would leave one idle while the other does the fifth."""
    count = max(math.ceil(len(articles) / max(size, 1)), 1)
    count = min(math.ceil(count / max(jobs, 1)) * max(jobs, 1), max(len(articles), 1))
    bounds = [round(number * len(articles) / count) for number in range(count + 1)]
    return [tuple(articles[bounds[n] : bounds[n + 1]]) for n in range(count) if bounds[n] < bounds[n + 1]]


def _by_claim(claims: int, judged_batches: Sequence[list[Judged]]) -> tuple[Judged, ...]:
    """Each claim's judged sources from every batch, batches in source order."""
    return tuple(
        Judged(
            tuple(finding for batch in judged_batches for finding in batch[n].findings),
            tuple(source_id for batch in judged_batches for source_id in batch[n].quiet),
        )
        for n in range(claims)
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """What pass 1 tells the parent of a batch: its sources (light), the warnings of reading
    them, their vocabulary, and each article's fingerprint as it was read."""

    sources: tuple[Source, ...]
    warnings: list[Problem]
    vocabulary: Vocabulary
    fingerprints: tuple[bytes, ...]


def _gathered(
    summaries: Sequence[Summary],
) -> tuple[tuple[Source, ...], tuple[Problem, ...], tuple[bytes, ...]]:
    """The sources, warnings and fingerprints of every batch, in order."""
    return (
        tuple(source for summary in summaries for source in summary.sources),
        tuple(warning for summary in summaries for warning in summary.warnings),
        tuple(fingerprint for summary in summaries for fingerprint in summary.fingerprints),
    )


def _read_and_prepare(
    batch: Sequence[Article], cache: Entries | None
) -> tuple[list[Source], list[Problem], list[Prepared], tuple[bytes, ...]]:
    """The batch's sources, warnings, prepared sources and fingerprints."""
    sources, warnings, contents = read_articles(batch, cache)
    fingerprints = tuple(_fingerprint(a, content) for a, content in zip(batch, contents, strict=True))
    return sources, warnings, prepare_sources(sources, cache), fingerprints


@contextmanager
def _opened(cache_dir: Path | None) -> Iterator[Cache | None]:
    # The run checked the file when it started; a worker opens it for every batch.
    cache = Cache(cache_dir, verify=False) if cache_dir is not None else None
    try:
        yield cache
    finally:
        if cache is not None:
            cache.close()


def _light(sources: Sequence[Source]) -> tuple[Source, ...]:
    """The sources without their text: the report needs who said it and when, not all they said."""
    return tuple(replace(source, text="") for source in sources)


Stored = list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Kept:
    """What pass 1 leaves a worker of one batch for pass 2: its prepared sources, or where
    the cache stores them (each source's id and entry key) and the batch to read again
    should an entry be gone."""

    batch: Sequence[Article]
    stored: Stored
    prepared: list[Prepared] | None


def _read_batch(
    batch: Sequence[Article], shared: tuple[Path | None, bool, bool]
) -> tuple[Summary, Kept, Callable[[], None] | None]:
    """Pass 1 on one batch: its summary; what pass 2 needs of it, in memory when ``hold``
    (or there is no cache), else in the cache; and, with ``later``, the chore of storing
    what it read and prepared (``LaterWrites``), for the worker to do when it is idle."""
    cache_dir, hold, later = shared
    with _opened(cache_dir) as cache:
        writes = LaterWrites(cache) if cache is not None and hold and later else None
        sources, warnings, prepared, fingerprints = _read_and_prepare(batch, writes or cache)
    if hold or cache_dir is None:
        kept = Kept(batch, [], prepared)
    else:
        kept = Kept(batch, [(s.id, prepared_key(s)) for s in sources], None)
    summary = Summary(_light(sources), warnings, vocabulary_of(prepared), fingerprints)
    return summary, kept, writes.write if writes is not None else None


def _on_batch(kept: Kept, shared: tuple[Callable[[list[Prepared], Any], Any], Any, Path | None]) -> Any:
    """Pass 2 on one batch: its prepared sources (kept, or read back from the cache), given to
    the function the pass runs (``_judge_prepared`` for a check)."""
    function, arguments, cache_dir = shared
    if kept.prepared is not None:
        return function(kept.prepared, arguments)
    assert cache_dir is not None  # pass 1 stored them there
    return function(_stored(kept.batch, kept.stored, cache_dir), arguments)


def _judge_prepared(prepared: list[Prepared], shared: tuple[Sequence[Claim], Vocabulary]) -> list[Judged]:
    claims, vocabulary = shared
    return judge(claims, prepared, vocabulary)


def _stored(batch: Sequence[Article], stored: Stored, cache_dir: Path) -> list[Prepared]:
    """The prepared sources pass 1 stored, without reading the articles again — unless an
    entry is gone or damaged (another run replaced a damaged cache file meanwhile)."""
    with Cache(cache_dir, verify=False) as cache:
        entries = cache.get_many([key for _, key in stored])
    try:
        facts: Facts = {}
        return [decode_prepared(source_id, entries[key], facts) for source_id, key in stored]
    except UNDECODABLE:  # a missing entry is a KeyError
        with _opened(cache_dir) as cache:
            return _read_and_prepare(batch, cache)[2]


# Dask tasks: a prepared batch stays on the worker that made it.


def _prepare_on_worker(batch: Sequence[Article]) -> tuple[Summary, list[Prepared]]:
    sources, warnings, prepared, fingerprints = _read_and_prepare(batch, None)
    return Summary(_light(sources), warnings, vocabulary_of(prepared), fingerprints), prepared


def _summary_on_worker(prepared_batch: tuple[Summary, list[Prepared]]) -> Summary:
    return prepared_batch[0]


def _judge_on_worker(
    prepared_batch: tuple[Summary, list[Prepared]], shared: tuple[Sequence[Claim], Vocabulary]
) -> list[Judged]:
    claims, vocabulary = shared
    return judge(claims, prepared_batch[1], vocabulary)
