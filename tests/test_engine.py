"""The engines: however the corpus is cut into batches, however many workers, on
this machine or a Dask cluster, the report is the same, byte for byte."""

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimcheck.engine
from claimcheck.cache import Cache, prepared_key
from claimcheck.check import assemble, check
from claimcheck.claims import read_claims
from claimcheck.cli import main
from claimcheck.engine import Run, run_check, run_dask, run_local
from claimcheck.formats import FORMATS, PLAIN
from claimcheck.prepare import prepare
from claimcheck.sources import list_articles, read_articles, read_sources

from conftest import ROOT


def json_of(claims, outcome) -> str:  # type: ignore[no-untyped-def]
    report = assemble(claims, outcome.sources, outcome.judged, warnings=[str(w) for w in outcome.warnings])
    return FORMATS["json"](report, PLAIN)


@pytest.fixture(scope="module")
def shipped() -> tuple:
    claims = read_claims(ROOT / "claims.yaml").claims
    listing = list_articles(ROOT / "sources", display="sources")
    whole = check(claims, read_sources(ROOT / "sources", display="sources").sources)
    return claims, listing, FORMATS["json"](whole, PLAIN)


@pytest.mark.parametrize("batch", [1, 2, 5])
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("hold_bytes", [claimcheck.engine.HOLD_BYTES, 0])
def test_batches_and_workers_change_nothing(shipped, batch: int, jobs: int, hold_bytes: int) -> None:  # type: ignore[no-untyped-def]
    claims, listing, whole = shipped
    outcome = run_local(claims, listing.articles, Run(jobs=jobs, batch_sources=batch, hold_bytes=hold_bytes))
    assert json_of(claims, outcome) == whole


@pytest.mark.parametrize("hold_bytes", [claimcheck.engine.HOLD_BYTES, 0])
def test_batches_read_back_from_the_cache_change_nothing(shipped, tmp_path: Path, hold_bytes: int) -> None:  # type: ignore[no-untyped-def]
    claims, listing, whole = shipped
    settings = Run(cache_dir=tmp_path / "cache", jobs=2, batch_sources=2, hold_bytes=hold_bytes)
    assert json_of(claims, run_local(claims, listing.articles, settings)) == whole
    assert json_of(claims, run_check(claims, listing.articles, settings)) == whole  # fills the cache
    assert json_of(claims, run_check(claims, listing.articles, settings)) == whole  # answered by it


@pytest.mark.parametrize("hold_bytes", [claimcheck.engine.HOLD_BYTES, 0])
def test_pass_2_reads_the_prepared_entries_not_the_articles(  # type: ignore[no-untyped-def]
    shipped, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hold_bytes: int
) -> None:
    claims, listing, whole = shipped
    read: list[str] = []
    read_back: list[str] = []
    read_articles = claimcheck.engine.read_articles
    stored = claimcheck.engine._stored

    def counted(batch, cache):  # type: ignore[no-untyped-def]
        read.extend(article.source_id for article in batch)
        return read_articles(batch, cache)

    def counted_back(batch, kept, folder):  # type: ignore[no-untyped-def]
        read_back.extend(source_id for source_id, _ in kept)
        return stored(batch, kept, folder)

    monkeypatch.setattr(claimcheck.engine, "read_articles", counted)
    monkeypatch.setattr(claimcheck.engine, "_stored", counted_back)
    settings = Run(cache_dir=tmp_path / "cache", batch_sources=2, hold_bytes=hold_bytes)
    outcome = run_local(claims, listing.articles, settings)
    assert json_of(claims, outcome) == whole
    assert sorted(read) == sorted(article.source_id for article in listing.articles)  # once each
    # Kept in memory between the passes when the collection is small, else read back.
    assert sorted(read_back) == ([] if hold_bytes else sorted(read))


def test_without_a_cache_many_batches_go_through_a_temporary_one_that_is_then_gone(  # type: ignore[no-untyped-def]
    shipped, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims, listing, whole = shipped
    made: list[Path] = []
    temporary = tempfile.TemporaryDirectory

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        folder = temporary(*args, **kwargs)
        made.append(Path(folder.name))
        return folder

    monkeypatch.setattr(claimcheck.engine.tempfile, "TemporaryDirectory", recorded)
    stored = claimcheck.engine._stored
    read_back: list[Path] = []
    monkeypatch.setattr(
        claimcheck.engine,
        "_stored",
        lambda batch, kept, folder: read_back.append(folder) or stored(batch, kept, folder),
    )
    settings = Run(jobs=1, batch_sources=2, hold_bytes=0)
    assert json_of(claims, run_local(claims, listing.articles, settings)) == whole
    assert len(made) == 1 and set(read_back) == {made[0]} and not made[0].exists()
    made.clear()
    settings = Run(jobs=1, batch_sources=5, hold_bytes=0)
    assert json_of(claims, run_local(claims, listing.articles, settings)) == whole
    assert made == []  # one batch: kept in memory
    assert json_of(claims, run_local(claims, listing.articles, Run(jobs=1, batch_sources=2))) == whole
    assert made == []  # a small collection: kept in memory


def test_without_a_cache_a_temporary_folder_that_fails_is_done_without(  # type: ignore[no-untyped-def]
    shipped, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims, listing, whole = shipped

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(claimcheck.engine, "_stored", full)
    settings = Run(jobs=1, batch_sources=2, hold_bytes=0)
    assert json_of(claims, run_local(claims, listing.articles, settings)) == whole


def test_workers_that_keep_their_batches_store_them_before_the_run_ends(shipped, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    claims, listing, whole = shipped
    settings = Run(cache_dir=tmp_path / "cache", jobs=2, batch_sources=2)  # kept in memory
    assert json_of(claims, run_check(claims, listing.articles, settings)) == whole
    sources = read_articles(listing.articles)[0]
    keys = [prepared_key(source) for source in sources]
    with Cache(tmp_path / "cache") as cache:  # stored while the run went on, but stored
        assert sorted(cache.get_many(keys)) == sorted(keys)


def test_pass_2_reads_the_articles_again_when_an_entry_is_gone(shipped, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, listing, _ = shipped
    batch = listing.articles[:2]
    stored = [(article.source_id, "prep:gone") for article in batch]
    again = claimcheck.engine._stored(batch, stored, tmp_path / "cache")
    assert again == [prepare(source) for source in read_articles(batch)[0]]


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local.scheduler_address


def test_the_dask_engine_gives_the_same_report(shipped, cluster: str) -> None:  # type: ignore[no-untyped-def]
    claims, listing, whole = shipped
    assert cluster.startswith("tcp://127.0.0.1:")
    outcome = run_dask(claims, listing.articles, Run(batch_sources=2), cluster)
    assert json_of(claims, outcome) == whole


def test_jobs_and_engines_give_identical_json_reports(cluster: str, example: Path) -> None:
    common = ["check", "--format", "json", "--no-cache", "--fail-on", "never"]
    outputs = [
        CliRunner().invoke(main, [*common, *extra]).output
        for extra in (["--jobs", "1"], ["--jobs", "2"], ["--engine", "dask", "--scheduler", cluster])
    ]
    assert outputs[0].startswith('{\n  "version": 2')
    assert outputs[0] == outputs[1] == outputs[2]


def test_dask_without_a_scheduler_or_unreachable_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    monkeypatch.chdir(tmp_path)
    missing = CliRunner().invoke(main, ["check", "--engine", "dask"])
    assert missing.exit_code == 2 and "--engine dask needs --scheduler ADDRESS" in missing.output
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    monkeypatch.setattr("claimcheck.engine.CONNECT_TIMEOUT", "1s")
    unreachable = CliRunner().invoke(main, ["check", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert unreachable.exit_code == 2 and "cannot reach tcp://127.0.0.1:9" in unreachable.output


class _Node:
    pass


_made_in_this_worker: list = []


def _cycle_first_pass(item: int, shared: None) -> tuple[tuple[bool, int, int], None, None]:
    """``_cycle_in_worker`` as a first pass of ``TwoPassWorkers``: nothing kept, no chore."""
    return _cycle_in_worker(item, shared), None, None


def _cycle_in_worker(_: int, __: None) -> tuple[bool, int, int]:
    """Whether the collector runs during the item; how many cycles earlier items made here
    and how many of them are still alive; then one more cycle, dropped."""
    import gc
    import weakref

    earlier = len(_made_in_this_worker)
    alive = sum(ref() is not None for ref in _made_in_this_worker)
    node = _Node()
    node.self = node  # type: ignore[attr-defined]
    _made_in_this_worker.append(weakref.ref(node))
    return gc.isenabled(), earlier, alive


def test_the_cycle_collector_is_paused_only_while_a_run_builds_its_findings(shipped) -> None:  # type: ignore[no-untyped-def]
    import gc

    from claimcheck.engine import collector_paused
    from claimcheck.parallel import TwoPassWorkers

    claims, listing, whole = shipped
    assert gc.isenabled()
    assert json_of(claims, run_check(claims, listing.articles, Run(jobs=2, batch_sources=2))) == whole
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        # Workers pause it too while they work on an item, and free the cycles an item left
        # once it is done: they read arbitrary files.
        with TwoPassWorkers(2, 8) as workers:
            found = workers.first(_cycle_first_pass, list(range(8)), None)
        assert [enabled for enabled, _, _ in found] == [False] * 8
        assert sum(earlier for _, earlier, _ in found) > 0  # two workers, eight items
        assert [alive for _, _, alive in found] == [0] * 8
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()


def test_batches_are_even_and_as_many_for_each_worker() -> None:
    from claimcheck.engine import _batches

    articles = list(range(5000))
    batches = _batches(articles, 1000, jobs=2)  # five would leave a worker idle at the end
    assert len(batches) == 6 and {len(batch) for batch in batches} == {833, 834}
    assert [article for batch in batches for article in batch] == articles
    assert len(_batches(articles, 1000, jobs=1)) == 5
    assert [len(batch) for batch in _batches(list(range(3)), 1000, jobs=4)] == [1, 1, 1]
    assert _batches([], 1000, jobs=2) == []
