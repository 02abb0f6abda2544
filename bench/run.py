"""Time `python -m claimcheck check` on generated corpora.

    python bench/run.py [--sizes 1000x200,5000x1000] [--workdir bench/work] [--json FILE]

For each size (articles x claims) the corpus is generated with bench/generate.py
(cached in the workdir by size, seed and generator source), then claimcheck runs
as a child process. Reported: wall time, peak RSS of the child, corpus size (MB =
10^6 bytes) and throughput, whether the JSON report holds exactly claims x sources
findings, and how many claim statuses match OUT_DIR/expected.json.
Exit status: 0 if every run succeeded and validated, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GENERATOR_FILES = ("generate.py", "facts.py", "vocab.py")


@dataclass
class Result:
    size: str
    articles: int
    claims: int
    sources: int = 0
    mb: float = 0.0
    gen_s: float | None = None  # None: corpus came from the cache
    wall_s: list[float] = field(default_factory=list)
    rss_mb: float | None = None
    exit_code: int | None = None
    findings: int | None = None
    verdicts: dict[str, int] = field(default_factory=dict)
    status_match: str = ""
    ok: bool = False
    error: str = ""

    @property
    def best_wall(self) -> float | None:
        return min(self.wall_s) if self.wall_s else None


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


def corpus_stats(sources: Path) -> tuple[int, int]:
    """(number of .txt files, total bytes) under the sources folder."""
    files = [p for p in sources.rglob("*.txt") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def run_child(cmd: list[str], cwd: Path) -> tuple[int, float, float | None, str]:
    """Run cmd; return (exit code, wall seconds, peak RSS in MB or None, stderr)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        rss: float | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is in KiB on Linux, in bytes on macOS.
            rss = round(usage.ru_maxrss / (1024**2 if sys.platform == "darwin" else 1024), 1)
        else:
            proc.wait()
        wall = time.perf_counter() - started
        err.seek(0)
        stderr = err.read().decode("utf-8", errors="replace")
    return proc.returncode, wall, rss, stderr


def claim_id(result: dict[str, Any]) -> str | None:
    claim = result.get("claim")
    return result.get("id") or (claim.get("id") if isinstance(claim, dict) else None)


def check_report(report: Path, res: Result, expected_file: Path) -> None:
    """Fill findings/verdicts/status_match/ok from claimcheck's JSON report."""
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
        results = data["results"]
        res.findings = sum(len(r["findings"]) for r in results)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        res.error = f"unreadable report {report}: {exc!r}"
        return
    res.verdicts = dict(Counter(str(f.get("verdict", "?")) for r in results for f in r["findings"]))
    expected = json.loads(expected_file.read_text()) if expected_file.is_file() else {}
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


def bench_size(args: argparse.Namespace, articles: int, claims: int) -> Result:
    res = Result(f"{articles}x{claims}", articles, claims)
    corpus, res.gen_s = ensure_corpus(args.workdir, articles, claims, args.seed)
    res.sources, total = corpus_stats(corpus / "sources")
    res.mb = round(total / 1e6, 3)
    report = corpus / "report.json"
    claimcheck = ["-m", "claimcheck", "check", str(corpus / "claims.yaml")]
    options = ["--format", "json", "--output", str(report), *shlex.split(args.extra_args)]
    cmd = [args.python, *claimcheck, *options]
    stderr = ""
    for _ in range(args.repeat):
        report.unlink(missing_ok=True)
        code, wall, rss, stderr = run_child(cmd, corpus)
        res.exit_code, res.wall_s = code, [*res.wall_s, round(wall, 3)]
        res.rss_mb = max(rss, res.rss_mb or 0.0) if rss is not None else res.rss_mb
        if code not in (0, 1):  # 0: no conflicts, 1: conflicts found, else: error
            res.error = f"claimcheck exited with {code}"
            break
    else:
        check_report(report, res, corpus / "expected.json")
    if res.error:  # a crash can exit with 1 too: show stderr whenever the run failed
        print(f"--- {res.size}: {shlex.join(cmd)}\n{stderr.rstrip()}", file=sys.stderr)
    return res


def fmt(value: float | None, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def print_table(results: list[Result]) -> None:
    head = (
        "size",
        "sources",
        "MB",
        "gen s",
        "wall s",
        "MB/s",
        "peak RSS MB",
        "findings",
        "status=expected",
        "ok",
    )
    rows = [head]
    for r in results:
        wall = r.best_wall
        rows.append(
            (
                r.size,
                str(r.sources),
                fmt(r.mb),
                "cached" if r.gen_s is None else fmt(r.gen_s),
                fmt(wall),
                fmt(r.mb / wall if wall and r.ok else None),
                fmt(r.rss_mb, ".0f"),
                "-" if r.findings is None else f"{r.findings:,}",
                r.status_match or "-",
                "yes" if r.ok else "NO",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    for n, row in enumerate(rows):
        print(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for r in results:
        if r.error:
            print(f"{r.size}: {r.error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=parse_sizes("1000x200"),
        help="comma-separated ARTICLESxCLAIMS (default 1000x200)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=BENCH / "work",
        help="where corpora and reports are kept (default bench/work)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best wall time is shown")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs claimcheck")
    parser.add_argument("--extra-args", default="", help="extra arguments for claimcheck check")
    args = parser.parse_args(argv)
    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = [bench_size(args, articles, claims) for articles, claims in args.sizes]
    print_table(results)
    if args.json:
        meta = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "seed": args.seed,
            "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        runs = [
            {
                **asdict(r),
                "best_wall_s": r.best_wall,
                "mb_per_s": round(r.mb / r.best_wall, 3) if r.best_wall else None,
            }
            for r in results
        ]
        args.json.write_text(json.dumps({**meta, "runs": runs}, indent=2) + "\n", encoding="utf-8")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
