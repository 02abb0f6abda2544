"""Time `python -m claimcheck check` on generated corpora, cold and warm, against an all-pairs baseline.

    python bench/run.py [--sizes 1000x200,5000x1000 | --preset issue] [--workdir bench/work] [--json FILE]

For each size (articles x claims) the corpus is generated with bench/generate.py (cached in
the workdir by size, seed and generator source). claimcheck then runs twice as a child
process: cold (its cache folder, CORPUS/.claimcheck-cache, deleted first) and warm (the same
command again, cache present, corpus unchanged). For each run: wall time, peak RSS of the
whole process tree (claimcheck and its workers, summed, sampled every 0.1 s) and its PSS
(which counts the pages forked workers share with their parent once), corpus size
(MB = 10^6 bytes) and throughput. The `line` report's conflicts are compared with
OUT_DIR/expected.json and the cold and warm reports must be byte-identical. For sizes up to
--allpairs-max pairs, bench/allpairs.py (fuzzy-match every claim against every sentence) runs
too, measured the same way.
Exit status: 0 if every run succeeded and validated, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GENERATOR_FILES = ("generate.py", "facts.py", "vocab.py")
PRESETS = {"issue": "1000x1000,10000x1000,100000x1000,10000x100,10000x10000"}
CACHE_DIR = ".claimcheck-cache"  # claimcheck's default cache folder, beside the claims file
SAMPLE_S = 0.1
# `--format line`: "claims.yaml:LINE:COL: LEVEL CLAIM-ID MESSAGE", one line per problem.
LINE_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|note) (?P<id>\S+) (?P<msg>.*)$"
)


@dataclass
class Run:
    """One child process: claimcheck cold, claimcheck warm, or the all-pairs baseline."""

    wall_s: float | None = None
    rss_mb: float | None = None  # peak of the summed RSS of the process tree (MiB), >= rss_max_process_mb
    rss_max_process_mb: float | None = None  # os.wait4 ru_maxrss: the largest single process (MiB)
    rss_source: str = ""  # "proc" (tree sampled) or "wait4" (fallback: largest process only)
    # Peak of the summed PSS (proportional set size, /proc/PID/smaps_rollup): forked workers share
    # the parent's pages, which a sum of RSS counts once per process and PSS splits among them.
    pss_mb: float | None = None
    exit_code: int | None = None
    report_bytes: int | None = None
    output: dict[str, Any] | None = None  # the all-pairs summary


@dataclass
class Result:
    size: str
    articles: int
    claims: int
    sources: int = 0
    mb: float = 0.0
    gen_s: float | None = None  # None: corpus came from the cache
    report_format: str = "line"
    command: str = ""
    cold: list[Run] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    allpairs: Run | None = None
    conflict_lines: int | None = None  # line format: error lines about conflicts
    conflict_claims: int | None = None  # line format: claims with at least one such line
    findings: int | None = None  # json format
    verdicts: dict[str, int] = field(default_factory=dict)
    status_match: str = ""
    identical: bool | None = None  # cold and warm reports byte-identical
    code_digest: str = ""  # claimcheck/ files when the runs started (see code_digest)
    probe_s: float | None = None  # the speed probe right before this size: the machine's speed drifts
    ok: bool = False
    error: str = ""

    @staticmethod
    def best(runs: list[Run]) -> float | None:
        times = [r.wall_s for r in runs if r.wall_s is not None]
        return min(times) if times else None

    @staticmethod
    def peak(runs: list[Run]) -> float | None:
        rss = [r.rss_mb for r in runs if r.rss_mb is not None]
        return max(rss) if rss else None

    @staticmethod
    def peak_pss(runs: list[Run]) -> float | None:
        pss = [r.pss_mb for r in runs if r.pss_mb is not None]
        return max(pss) if pss else None

    @property
    def cold_s(self) -> float | None:
        return self.best(self.cold)

    @property
    def warm_s(self) -> float | None:
        return self.best(self.warm)

    @property
    def allpairs_s(self) -> float | None:
        return self.allpairs.wall_s if self.allpairs and self.allpairs.exit_code == 0 else None

    @property
    def ratio(self) -> float | None:
        cold, base = self.cold_s, self.allpairs_s
        return base / cold if cold and base is not None else None


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        articles, _, claims = part.strip().lower().partition("x")
        if not (articles.isdigit() and claims.isdigit()):
            raise argparse.ArgumentTypeError(f"bad size {part!r}: expected ARTICLESxCLAIMS")
        sizes.append((int(articles), int(claims)))
    return sizes


def generator_digest() -> str:
    digest = hashlib.sha256()
    for name in GENERATOR_FILES:
        digest.update((BENCH / name).read_bytes())
    return digest.hexdigest()[:16]


def ensure_corpus(workdir: Path, articles: int, claims: int, seed: int) -> tuple[Path, float | None]:
    """Generate the corpus unless an up-to-date copy is cached; return (dir, seconds or None)."""
    corpus = workdir / f"corpus-{articles}x{claims}-s{seed}"
    stamp = corpus / ".complete"
    digest = generator_digest()
    if stamp.is_file() and stamp.read_text().strip() == digest:
        return corpus, None
    stamp.unlink(missing_ok=True)
    print(f"generating {corpus.name} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "generate.py"),
            str(corpus),
            "--articles",
            str(articles),
            "--claims",
            str(claims),
            "--seed",
            str(seed),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    stamp.write_text(digest + "\n")
    return corpus, round(time.perf_counter() - started, 3)


def code_digest() -> str:
    """A digest of claimcheck's package files. claimcheck keys its cache on its own code, so an
    edit between the cold and the warm run turns the warm run cold (and may change the report)."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "claimcheck").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_stats(sources: Path) -> tuple[int, int]:
    """(number of .txt files, total bytes) under the sources folder."""
    files = [p for p in sources.rglob("*.txt") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


# --- peak RSS of a process tree -------------------------------------------------------------

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children_of(pid: int) -> list[int] | None:
    """Children from /proc/PID/task/*/children; None when the kernel does not provide the file."""
    kids: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found = False
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                kids += [int(x) for x in fh.read().split()]
            found = True
        except FileNotFoundError:
            continue
        except (OSError, ValueError):
            found = True
    return kids if found else None


def _parent_map() -> dict[int, list[int]]:
    """ppid -> children, from every /proc/PID/stat (when /proc/PID/task/*/children is missing)."""
    parents: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        # The command name (field 2) is in parentheses and may hold spaces; ppid is 2 fields after it.
        ppid = int(stat[stat.rfind(")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(name))
    return parents


def tree_pids(root: int, use_children_files: bool) -> list[int]:
    """root and all its descendants."""
    parents = None if use_children_files else _parent_map()
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        if parents is None:
            kids = _children_of(pid)
            if kids is None:  # not provided by this kernel: switch to the ppid scan
                parents = _parent_map()
                kids = parents.get(pid, [])
        else:
            kids = parents.get(pid, [])
        todo += kids
    return pids


def pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0  # the process has just exited, or the kernel has no smaps_rollup


def rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0  # the process has just exited


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process tree every SAMPLE_S seconds; keeps the maximum."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak, self.peak_pss, self.stop = root, 0, 0, threading.Event()
        self.use_children_files = _children_of(os.getpid()) is not None

    def sample(self) -> None:
        pids = tree_pids(self.root, self.use_children_files)
        self.peak = max(self.peak, sum(rss_bytes(pid) for pid in pids))
        self.peak_pss = max(self.peak_pss, sum(pss_bytes(pid) for pid in pids))

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(SAMPLE_S)


def run_child(cmd: list[str], cwd: Path, capture: bool = False) -> tuple[Run, str, str]:
    """Run cmd; return (measurements, stdout if capture else "", stderr)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    run = Run()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        stdout = out if capture else subprocess.DEVNULL
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=stdout, stderr=err)
        sampler = TreeSampler(proc.pid) if os.path.isdir(f"/proc/{proc.pid}") else None
        if sampler:
            sampler.start()
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is in KiB on Linux, in bytes on macOS; it is the largest single process of
            # the tree (the child or a waited-for descendant), not their sum.
            run.rss_max_process_mb = round(
                usage.ru_maxrss / (1024**2 if sys.platform == "darwin" else 1024), 1
            )
        else:
            proc.wait()
        run.wall_s = round(time.perf_counter() - started, 3)
        if sampler:
            sampler.stop.set()
            sampler.join()
        if sampler and sampler.peak:
            # The tree's sum is never below its largest process: a peak between two samples
            # (short runs) still counts through ru_maxrss.
            sampled = round(sampler.peak / 1024**2, 1)
            run.rss_mb, run.rss_source = max(sampled, run.rss_max_process_mb or 0.0), "proc"
            run.pss_mb = round(sampler.peak_pss / 1024**2, 1) or None
        elif run.rss_max_process_mb is not None:
            run.rss_mb, run.rss_source = run.rss_max_process_mb, "wait4"
        run.exit_code = proc.returncode
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", errors="replace")
        stderr = err.read().decode("utf-8", errors="replace")
    return run, text, stderr


# --- validation ------------------------------------------------------------------------------


def claim_id(result: dict[str, Any]) -> str | None:
    claim = result.get("claim")
    return result.get("id") or (claim.get("id") if isinstance(claim, dict) else None)


def load_expected(corpus: Path) -> dict[str, Any]:
    path = corpus / "expected.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def check_json_report(report: Path, res: Result, expected: dict[str, Any]) -> None:
    """Fill findings/verdicts/status_match/ok from claimcheck's JSON report."""
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
        results = data["results"]
        # Version 2 lists the sources judged on a claim and counts the others, each a gap.
        unlisted = sum(r.get("unlisted_gaps", 0) for r in results)
        res.findings = sum(len(r["findings"]) for r in results) + unlisted
    except (OSError, ValueError, KeyError, TypeError) as exc:
        res.error = f"unreadable report {report}: {exc!r}"
        return
    verdicts = Counter(str(f.get("verdict", "?")) for r in results for f in r["findings"])
    verdicts["gap"] += unlisted
    res.verdicts = dict(verdicts)
    pairs = [(expected.get(claim_id(r) or "", {}).get("expect"), r.get("status")) for r in results]
    scored = [(want, got) for want, got in pairs if want and got]
    if scored:
        res.status_match = f"{sum(w == g for w, g in scored)}/{len(scored)}"
    want = res.claims * res.sources
    res.ok = res.findings == want and len(results) == res.claims
    if not res.ok:
        res.error = (
            f"expected {res.claims} results and {want} findings, got {len(results)} and {res.findings}"
        )


def check_line_report(report: Path, res: Result, expected: dict[str, Any]) -> None:
    """Fill conflict counts/status_match/ok from claimcheck's `line` report.

    Each open conflict is an error line; the claims with one must be exactly those the
    generator expects to come out as `conflict` (reported as matched/total, not required).
    """
    try:
        text = report.read_text(encoding="utf-8")
    except OSError as exc:
        res.error = f"unreadable report {report}: {exc!r}"
        return
    conflicted: set[str] = set()
    lines = 0
    counts: Counter[str] = Counter()
    for number, line in enumerate(text.splitlines(), 1):
        match = LINE_RE.match(line)
        if not match:
            res.error = f"{report.name} line {number} is not FILE:LINE:COL: LEVEL ID MESSAGE: {line[:200]!r}"
            return
        counts[match["level"]] += 1
        # Errors are open conflicts (one per conflicting source) or, for `required: true`
        # claims, "required claim: no source backs it"; the generator writes no required claims.
        if match["level"] == "error" and not match["msg"].startswith("required claim:"):
            conflicted.add(match["id"])
            lines += 1
    res.verdicts = dict(counts)
    res.conflict_lines, res.conflict_claims = lines, len(conflicted)
    unknown = sorted(conflicted - expected.keys()) if expected else []
    if unknown:
        res.error = f"conflict lines name claims not in expected.json: {unknown[:5]}"
        return
    if expected:
        matched = sum(
            (info.get("expect") == "conflict") == (cid in conflicted) for cid, info in expected.items()
        )
        res.status_match = f"{matched}/{len(expected)}"
    res.ok = True


def match_fraction(text: str) -> float | None:
    if not text:
        return None
    matched, _, total = text.partition("/")
    return int(matched) / int(total) if int(total) else None


# --- one size --------------------------------------------------------------------------------


def claimcheck_run(cmd: list[str], corpus: Path, report: Path, cold: bool) -> tuple[Run, str]:
    if cold:
        shutil.rmtree(corpus / CACHE_DIR, ignore_errors=True)
    report.unlink(missing_ok=True)
    run, _, stderr = run_child(cmd, corpus)
    run.report_bytes = report.stat().st_size if report.is_file() else None
    return run, stderr


def bench_size(args: argparse.Namespace, articles: int, claims: int) -> Result:
    res = Result(f"{articles}x{claims}", articles, claims, report_format=args.report_format)
    corpus, res.gen_s = ensure_corpus(args.workdir, articles, claims, args.seed)
    res.sources, total = corpus_stats(corpus / "sources")
    res.mb = round(total / 1e6, 3)
    expected = load_expected(corpus)
    suffix = "json" if args.report_format == "json" else "txt"
    report = corpus / f"report.{suffix}"
    keep = {"cold": corpus / f"report-cold.{suffix}", "warm": corpus / f"report-warm.{suffix}"}
    options = ["--format", args.report_format, "--output", report.name, "--fail-on", "never"]
    if args.jobs is not None:
        options += ["--jobs", str(args.jobs)]
    cmd = [args.python, "-m", "claimcheck", "check", "claims.yaml", *options, *shlex.split(args.extra_args)]
    res.command = shlex.join(cmd)
    for path in keep.values():  # reports of an earlier invocation
        path.unlink(missing_ok=True)
    stderr = ""
    res.code_digest = code_digest()
    for kind in ("cold", "warm") * args.repeat:
        print(f"{res.size}: claimcheck {kind} ...", file=sys.stderr, flush=True)
        run, stderr = claimcheck_run(cmd, corpus, report, cold=kind == "cold")
        getattr(res, kind).append(run)
        if run.exit_code not in (0, 1):  # 0: no conflicts, 1: conflicts found, else: error
            res.error = f"claimcheck ({kind}) exited with {run.exit_code}"
            break
        if not report.is_file():
            res.error = f"claimcheck ({kind}) wrote no {report.name}"
            break
        if keep[kind].is_file() and keep[kind].read_bytes() != report.read_bytes():
            res.error = f"claimcheck ({kind}) reports differ between repeats"
            break
        report.replace(keep[kind])
    if not res.error and code_digest() != res.code_digest:
        res.error = "claimcheck's code changed during the runs (its cache and report depend on it): run again"
    if not res.error:
        res.identical = keep["cold"].read_bytes() == keep["warm"].read_bytes()
        check = check_json_report if args.report_format == "json" else check_line_report
        check(keep["cold"], res, expected)
        if res.ok and not res.identical:
            res.ok, res.error = False, f"cold and warm reports differ: {keep['cold']} {keep['warm']}"
        low = match_fraction(res.status_match)
        if res.ok and low is not None and low < args.min_status_match:
            res.ok = False
            res.error = (
                f"status=expected {res.status_match} is below --min-status-match {args.min_status_match}"
            )
    if res.error and stderr:  # a crash can exit with 1 too: show stderr whenever the run failed
        print(f"--- {res.size}: {res.command}\n{stderr.rstrip()}", file=sys.stderr)
    if args.allpairs_max and articles * claims <= args.allpairs_max:
        res.allpairs = run_allpairs(args, corpus, res)
    return res


def run_allpairs(args: argparse.Namespace, corpus: Path, res: Result) -> Run:
    print(f"{res.size}: all-pairs baseline ...", file=sys.stderr, flush=True)
    cmd = [args.python, str(BENCH / "allpairs.py"), str(corpus)]
    run, stdout, stderr = run_child(cmd, corpus, capture=True)
    try:
        run.output = json.loads(stdout.strip().splitlines()[-1]) if stdout.strip() else None
    except ValueError:
        run.output = None
    if run.exit_code != 0 or run.output is None:
        res.ok = False
        res.error = (res.error + "; " if res.error else "") + f"all-pairs exited with {run.exit_code}"
        print(f"--- {res.size}: {shlex.join(cmd)}\n{stderr.rstrip()}", file=sys.stderr)
    return run


# --- output ----------------------------------------------------------------------------------


def fmt(value: float | None, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def print_columns(rows: list[tuple[str, ...]]) -> None:
    """Rows as columns, the first left-aligned and the others right-aligned, a rule under the first row."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


def git(*cmd: str) -> str | None:
    """A git command's output in this repository, or None when git fails."""
    try:
        done = subprocess.run(["git", *cmd], cwd=REPO, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def print_table(results: list[Result]) -> None:
    head = (
        "size",
        "sources",
        "MB",
        "cold s",
        "warm s",
        "cold MB/s",
        "peak RSS MB cold",
        "peak RSS MB warm",
        "PSS MB cold/warm",
        "all-pairs s",
        "ratio",
        "status=expected",
        "probe s",
        "ok",
    )
    rows = [head]
    for r in results:
        cold = r.cold_s
        rows.append(
            (
                r.size,
                str(r.sources),
                fmt(r.mb),
                fmt(cold),
                fmt(r.warm_s),
                fmt(r.mb / cold if cold and r.ok else None),
                fmt(Result.peak(r.cold), ".0f"),
                fmt(Result.peak(r.warm), ".0f"),
                f"{fmt(Result.peak_pss(r.cold), '.0f')}/{fmt(Result.peak_pss(r.warm), '.0f')}",
                fmt(r.allpairs_s),
                fmt(r.ratio, ".1f"),
                r.status_match or "-",
                fmt(r.probe_s, ".3f"),
                "yes" if r.ok else "NO",
            )
        )
    print_columns(rows)
    for r in results:
        if r.error:
            print(f"{r.size}: {r.error}")


# A fixed pure-Python workload (a loop, dict and string work, a regular expression) run by the
# interpreter that runs claimcheck, before and after the sizes: this machine's speed drifts by
# ±20% within an hour and by 3x between days, so wall times of runs on different days are
# compared by it. Lower is faster; it takes about a second.
SPEED_PROBE = """
import re, time
word = re.compile(r"[A-Za-z]+")
best = None
for _ in range(3):
    start = time.perf_counter()
    counts = {}
    for n in range(200_000):
        key = "k" + str(n % 1000)
        counts[key] = counts.get(key, 0) + len(word.findall("about 500 personnel at the base"))
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(round(best, 3))
"""


def speed_probe(python: str) -> float | None:
    """Seconds the interpreter takes for SPEED_PROBE (best of three)."""
    try:
        done = subprocess.run([python, "-c", SPEED_PROBE], capture_output=True, text=True, check=True)
        return float(done.stdout)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None


def has_numpy(python: str) -> bool:
    """Whether the interpreter that runs the baseline can import numpy."""
    done = subprocess.run([python, "-c", "import numpy"], capture_output=True, check=False)
    return done.returncode == 0


def compile_package(python: str) -> None:
    """Compile claimcheck's modules to bytecode once, as installing a package does, so no timed
    run compiles them again (where PYTHONDONTWRITEBYTECODE is set, every run would: 0.1 s each)."""
    subprocess.run([python, "-m", "compileall", "-q", str(REPO / "claimcheck")], check=False)


def machine_info(args: argparse.Namespace) -> dict[str, Any]:
    mem_mb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_mb = round(int(line.split()[1]) / 1024)
                break
    except OSError:
        pass

    status = git("status", "--porcelain", "--", "claimcheck")
    return {
        "python": platform.python_version(),
        "python_executable": args.python,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_total_mb": mem_mb,
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "commit": git("rev-parse", "HEAD"),
        "claimcheck_dirty": None if status is None else bool(status),  # uncommitted changes in claimcheck/
        "claimcheck_code": code_digest(),
        "seed": args.seed,
        "jobs": args.jobs,
        "report_format": args.report_format,
        "extra_args": args.extra_args,
        "rss_sample_s": SAMPLE_S,
    }


def result_json(r: Result) -> dict[str, Any]:
    return {
        **asdict(r),
        "cold_s": r.cold_s,
        "warm_s": r.warm_s,
        "cold_mb_per_s": round(r.mb / r.cold_s, 3) if r.cold_s else None,
        "warm_mb_per_s": round(r.mb / r.warm_s, 3) if r.warm_s else None,
        "peak_rss_mb_cold": Result.peak(r.cold),
        "peak_rss_mb_warm": Result.peak(r.warm),
        "peak_pss_mb_cold": Result.peak_pss(r.cold),
        "peak_pss_mb_warm": Result.peak_pss(r.warm),
        "allpairs_s": r.allpairs_s,
        "allpairs_over_cold": round(r.ratio, 3) if r.ratio is not None else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=parse_sizes, help="comma-separated ARTICLESxCLAIMS (default 1000x200)"
    )
    parser.add_argument("--preset", choices=sorted(PRESETS), help=f"named sizes: issue = {PRESETS['issue']}")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=BENCH / "work",
        help="where corpora and reports are kept (default bench/work)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=1, help="cold+warm pairs per size; the best wall times are shown"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs claimcheck")
    parser.add_argument("--jobs", type=int, help="passed to claimcheck as --jobs N (default: not passed)")
    parser.add_argument("--extra-args", default="", help="extra arguments for claimcheck check (appended)")
    parser.add_argument(
        "--report-format",
        choices=("line", "json"),
        default="line",
        help="line (default; what CI runs) or json (small sizes only: claims x sources findings)",
    )
    parser.add_argument(
        "--allpairs-max",
        type=int,
        default=10_000_000,
        help="run the all-pairs baseline when articles x claims <= this (default 10,000,000; 0: never)",
    )
    parser.add_argument(
        "--min-status-match",
        type=float,
        default=0.9,
        help="a size fails when a smaller share of claims match expected.json (default 0.9; 0: off)",
    )
    args = parser.parse_args(argv)
    if args.preset and args.sizes:
        parser.error("give --sizes or --preset, not both")
    sizes = parse_sizes(PRESETS[args.preset]) if args.preset else args.sizes or parse_sizes("1000x200")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if any(a * c <= args.allpairs_max for a, c in sizes) and not has_numpy(args.python):
        # Found out before the runs, not after the first size's minutes of claimcheck runs.
        parser.error(
            f"the all-pairs baseline needs numpy in {args.python}: pip install -e '.[bench]'"
            " (or --allpairs-max 0 to skip the baseline)"
        )
    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    meta = machine_info(args)  # the commit and code before the runs
    compile_package(args.python)
    probe = [speed_probe(args.python)]
    results = []
    for number, (articles, claims) in enumerate(sizes):
        # Sizes of one run are compared with each other: each says how fast the machine was just then.
        before = probe[0] if number == 0 else speed_probe(args.python)
        results.append(replace(bench_size(args, articles, claims), probe_s=before))
    probe.append(speed_probe(args.python))
    print_table(results)
    before, after = (fmt(seconds, ".3f") for seconds in probe)
    print(f"speed probe: {before} s before the runs, {after} s after (lower is faster)")
    if args.json:
        payload = {**meta, "speed_probe_s": probe, "runs": [result_json(r) for r in results]}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
