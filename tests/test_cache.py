"""The incremental cache: edited sources are re-read and nothing stale is used; a
damaged cache is rebuilt; the report never depends on the cache or on --jobs."""

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimcheck.prepare
import claimcheck.sources
from claimcheck.cache import CACHE_DIR, CACHE_FILE, Cache, Facts, decode_prepared, encode_prepared
from claimcheck.cli import main
from claimcheck.model import Source
from claimcheck.prepare import prepare, prepare_sources
from claimcheck.sources import read_sources


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


class Counting:
    """Counts the files decoded and the sources prepared (not taken from the cache)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        self.prepared: list[str] = []
        read_one, prepare = claimcheck.sources._read_one, claimcheck.prepare.prepare

        def counted_read(job):  # type: ignore[no-untyped-def]
            self.read.append(job[2])
            return read_one(job)

        def counted_prepare(source):  # type: ignore[no-untyped-def]
            self.prepared.append(source.id)
            return prepare(source)

        monkeypatch.setattr(claimcheck.sources, "_read_one", counted_read)
        monkeypatch.setattr(claimcheck.prepare, "prepare", counted_prepare)

    def clear(self) -> None:
        self.read.clear()
        self.prepared.clear()


def test_an_edited_source_alone_is_read_again_and_its_verdict_changes(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = Counting(monkeypatch)
    first = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never")
    assert len(counting.read) == len(counting.prepared) == 5
    counting.clear()
    again = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never")
    assert (counting.read, counting.prepared) == ([], [])
    assert again.output == first.output
    edited = example / "sources" / "002_ef94a33fe93d7047.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("some 400 personnel", "some 500 personnel"),
        encoding="utf-8",
    )
    counting.clear()
    after = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never")
    assert counting.read == ["sources/002_ef94a33fe93d7047.txt"]
    assert counting.prepared == ["002_ef94a33fe93d7047"]
    assert '"verdict": "conflict", "quote": "hosts some 400 personnel"' in first.output
    assert '"verdict": "agree", "quote": "hosts some 500 personnel"' in after.output


@pytest.mark.parametrize(
    ("damage", "rebuilt"),
    [
        pytest.param(
            lambda path: path.write_bytes(b"this is not a database" * 100), True, id="not-a-database"
        ),
        pytest.param(
            lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]), True, id="cut"
        ),
        # A sound file whose entries do not decode: each is a miss, computed again.
        pytest.param(lambda path: _garble_entries(path), False, id="garbled-entries"),
    ],
)
def test_a_damaged_cache_is_rebuilt_never_trusted(example: Path, damage, rebuilt: bool) -> None:  # type: ignore[no-untyped-def]
    clean = run("check", "--format", "json", "--no-cache", "--fail-on", "never").output
    run("check", "--format", "json", "--fail-on", "never")
    cache_file = example / CACHE_DIR / CACHE_FILE
    damage(cache_file)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert result.stdout == clean
    warning = f"warning: {CACHE_DIR}/{CACHE_FILE}: the cache was damaged; rebuilt it"
    assert (warning in result.stderr) == rebuilt, result.stderr
    again = CliRunner().invoke(main, ["check", "--format", "json", "--fail-on", "never"])
    assert again.stdout == clean and "damaged" not in again.stderr


def _garble_entries(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE entries SET value = x'00ff00ff'")


def test_a_garbled_prepared_entry_is_rebuilt(example: Path) -> None:
    with Cache(example / CACHE_DIR) as cache:
        sources = read_sources(example / "sources", cache=cache).sources
        expected = prepare_sources(sources)
        assert prepare_sources(sources, cache) == expected
        with sqlite3.connect(cache.path) as db:
            db.execute("UPDATE entries SET value = x'789c0300000000' WHERE key LIKE 'prep:%'")
        assert prepare_sources(sources, cache) == expected


def test_jobs_do_not_change_the_report(example: Path) -> None:
    outputs = {
        jobs: run("check", "--format", "json", "--no-cache", "--jobs", jobs, "--fail-on", "never").output
        for jobs in ("1", "2")
    }
    assert outputs["1"] == outputs["2"]


def test_two_runs_on_one_cache_at_once(example: Path) -> None:
    """Two writers on one cache file wait for each other (WAL, busy timeout)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(2) as pool:
        pool.map(_fill_cache, [str(example)] * 4)
    with Cache(example / CACHE_DIR) as cache:
        sources = read_sources(example / "sources", cache=cache).sources
        assert prepare_sources(sources, cache) == prepare_sources(sources)


def _fill_cache(folder: str) -> None:
    with Cache(Path(folder) / CACHE_DIR) as cache:
        prepare_sources(read_sources(Path(folder) / "sources", cache=cache).sources, cache)


def test_an_unwritable_cache_folder_is_a_warning(example: Path) -> None:
    (example / "blocked").write_text("a file, not a folder", encoding="utf-8")
    clean = run("check", "--format", "json", "--no-cache", "--fail-on", "never").output
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--cache", "blocked/cache", "--fail-on", "never"]
    )
    assert result.exit_code == 0
    assert "warning: blocked/cache: cache not used (" in result.stderr
    assert result.stdout == clean


def test_a_cache_that_cannot_be_written_is_a_warning_and_the_report_stands(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = run("check", "--format", "json", "--no-cache", "--fail-on", "never").output

    def full(self, items):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Cache, "put_many", full)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert result.stdout == clean
    assert "cache not updated (database or disk is full)" in result.stderr
    monkeypatch.undo()
    assert run("check", "--format", "json", "--fail-on", "never").output == clean  # filled now


def test_an_edited_claim_alone_is_judged_again(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.engine

    judged: list[tuple[str, ...]] = []
    original = claimcheck.engine.judge

    def counted(claims, prepared, vocabulary, progress=None):  # type: ignore[no-untyped-def]
        judged.append(tuple(claim.id for claim in claims))
        return original(claims, prepared, vocabulary, progress)

    monkeypatch.setattr(claimcheck.engine, "judge", counted)
    first = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never").output
    assert len(judged[0]) == 23
    judged.clear()
    claims = example / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    edited = text.replace("about 500 Russian personnel", "about 400 Russian personnel")
    claims.write_text(edited, encoding="utf-8")
    second = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never").output
    assert judged == [("kant-personnel",)]
    assert first != second
    assert second == run("check", "--format", "json", "--no-cache", "--fail-on", "never").output


def test_cached_findings_of_the_wrong_shape_are_judged_again(example: Path) -> None:
    import zlib

    clean = run("check", "--format", "json", "--no-cache", "--fail-on", "never").output
    run("check", "--format", "json", "--fail-on", "never")
    with sqlite3.connect(example / CACHE_DIR / CACHE_FILE) as db:
        db.execute("UPDATE entries SET value = ? WHERE key LIKE 'judged:%'", (zlib.compress(b"[[1, 2]]"),))
    assert run("check", "--format", "json", "--fail-on", "never").output == clean
    # A source is its number in the corpus: one that is not there is damage too.
    with sqlite3.connect(example / CACHE_DIR / CACHE_FILE) as db:
        wrong = b'{"strings": [], "findings": [], "quiet": [99999, -1], "copies": null}'
        db.execute("UPDATE entries SET value = ? WHERE key LIKE 'judged:%'", (zlib.compress(wrong),))
    assert run("check", "--format", "json", "--fail-on", "never").output == clean


def test_a_read_entry_of_the_wrong_shape_is_read_again(example: Path) -> None:
    import zlib

    with Cache(example / CACHE_DIR) as cache:
        expected = read_sources(example / "sources", cache=cache).sources
        with sqlite3.connect(cache.path) as db:
            garbled = zlib.compress(b'{"text": 1}')
            db.execute("UPDATE entries SET value = ? WHERE key LIKE 'read:%'", (garbled,))
        assert read_sources(example / "sources", cache=cache).sources == expected


def test_a_plain_text_file_s_entry_holds_where_its_text_starts_not_the_text(tmp_path: Path) -> None:
    import zlib

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "plain.txt").write_text("Kant hosts about 500 personnel.\n", encoding="utf-8")
    (folder / "front.md").write_text(
        "---\noutlet: Front\n---\nKant hosts some 400 personnel.\n", encoding="utf-8"
    )
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbfKant hosts about 500 personnel.\n")
    (folder / "legacy.txt").write_bytes("Kant\u2019s 500 personnel, says the caf\u00e9.\n".encode("cp1252"))
    (folder / "page.html").write_text(
        "<html><body><p>Kant hosts 450 personnel.</p></body></html>", encoding="utf-8"
    )
    expected = read_sources(folder).sources
    with Cache(tmp_path / CACHE_DIR) as cache:
        assert read_sources(folder, cache=cache).sources == expected
        with sqlite3.connect(cache.path) as db:
            rows = db.execute("SELECT value FROM entries WHERE key LIKE 'read:%'").fetchall()
        entries = [json.loads(zlib.decompress(value)) for (value,) in rows]
        # the byte order mark is the first character; front matter (blanked), cp1252, HTML: the text
        assert sorted(entry.get("from", -1) for entry in entries) == [-1, -1, -1, 0, 1]
        assert read_sources(folder, cache=cache).sources == expected  # from the cache
        rest = b'"meta": [null, null, null, null, null, []], "pages": [], "notes": []}'
        for start in (b'"0"', b"-5", b"true"):  # a start that is not a place in the file is damage
            with sqlite3.connect(cache.path) as db:
                wrong = zlib.compress(b'{"from": ' + start + b", " + rest)
                db.execute("UPDATE entries SET value = ? WHERE key LIKE 'read:%'", (wrong,))
            assert read_sources(folder, cache=cache).sources == expected


def test_a_run_checks_the_cache_file_once(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.claims import read_claims
    from claimcheck.engine import Run, run_check
    from claimcheck.sources import list_articles

    checks: list[bool] = []
    original = Cache.__init__

    def counting(self: Cache, folder: Path, verify: bool = True) -> None:
        checks.append(verify)
        original(self, folder, verify)

    monkeypatch.setattr(Cache, "__init__", counting)
    claims = read_claims(example / "claims.yaml").claims
    articles = list_articles(example / "sources").articles
    run_check(claims, articles, Run(cache_dir=example / CACHE_DIR, jobs=1, batch_sources=1))
    assert len(checks) > len(articles)  # every batch opens the file ...
    assert checks.count(True) == 1  # ... and only the run's first opening reads all of it
    checks.clear()
    run("check", "--format", "json", "--fail-on", "never")
    assert checks.count(True) == 1  # the command line's run too: at 100,000 articles a check is seconds


def test_a_run_on_an_empty_cache_reads_each_article_once(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.engine

    looked_up: list[str] = []
    original = claimcheck.engine.content_key

    def counted(article):  # type: ignore[no-untyped-def]
        looked_up.append(article.source_id)
        return original(article)

    monkeypatch.setattr(claimcheck.engine, "content_key", counted)
    first = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never").output
    assert looked_up == []  # nothing to look up: only the engine read the articles
    second = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never").output
    assert len(looked_up) == 5  # the run looked its corpus up, and found it
    assert second == first


def test_an_article_edited_while_a_run_reads_it_leaves_no_stale_findings(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.engine

    run("check", "--format", "json", "--jobs", "1", "--fail-on", "never")
    claims = example / "claims.yaml"  # one claim edited: the others' findings come from the cache
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("about 20 km from Bishkek", "about 21 km from Bishkek"),
        encoding="utf-8",
    )
    source = example / "sources" / "002_ef94a33fe93d7047.txt"
    original = claimcheck.engine._looked_up

    def edited_after_the_lookup(*args):  # type: ignore[no-untyped-def]
        found = original(*args)
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("some 400 personnel", "some 500 personnel"), encoding="utf-8")
        return found

    with monkeypatch.context() as patched:
        patched.setattr(claimcheck.engine, "_looked_up", edited_after_the_lookup)
        during = run("check", "--format", "json", "--jobs", "1", "--fail-on", "never").output
    clean = run("check", "--format", "json", "--no-cache", "--fail-on", "never").output
    # kant-personnel's findings were cached from the old text; the report is of the new one
    assert '"verdict": "agree", "quote": "hosts some 500 personnel"' in clean
    assert during == clean
    # and what the cache holds now is what was read: the next run is all from the cache
    counting = Counting(monkeypatch)
    assert run("check", "--format", "json", "--jobs", "1", "--fail-on", "never").output == clean
    assert (counting.read, counting.prepared) == ([], [])


def test_entries_of_a_batch_that_hold_one_sentence_decode_its_figures_once() -> None:
    shared = "The base hosts about 500 personnel and 20 Su-25 jets."
    prepared = [prepare(Source("a", "a.txt", f"Kant is near Bishkek. {shared}")),
                prepare(Source("b", "b.txt", f"{shared} It opened."))]  # fmt: skip
    entries = [json.loads(json.dumps(encode_prepared(ready))) for ready in prepared]
    facts: Facts = {}
    first, second = (decode_prepared(ready.source_id, entries[n], facts) for n, ready in enumerate(prepared))
    assert [first, second] == prepared
    assert first.quantities[1] is second.quantities[0] and first.terms[1] is second.terms[0]
    alone = decode_prepared("b", entries[1])  # without a shared table: a copy of its own
    assert alone == prepared[1] and alone.terms[0] is not first.terms[1]
