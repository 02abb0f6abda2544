"""Time the HTML report in headless Chromium: its size, load, two clicks, a filter.

    python bench/html_load.py [--articles 100 --claims 50] [--loads 5] [--workdir DIR] [--json FILE]

The corpus is bench/generate.py's with --seed 0: by default tests/test_html_browser.py's,
--articles 100 --claims 50; issue 25 asks for --articles 1000 --claims 1000. The report is
built in this process with claimcheck's API (read_claims, read_sources,
check, FORMATS["html"]) from this checkout, written as report.html and opened from disk in
headless Chromium (bench/chromium.py: the tests' flags and launch). Measured, by the page's own
clock (bench/chromium.py's scripts, which the test runs to check their effects):

- load: the Navigation Timing entry's loadEventEnd - startTime, of the first load and
  --loads - 1 reloads; best and median;
- clicks: a cell of the last row, then the first conflict, up to the layout of the evidence shown;
- filter: the status filter set to "conflict", up to the table's layout.

Bounds: at 100 x 50 (issue 8) the report under 2 MB, each time under 1,000 ms; at 1,000 x
1,000 (issue 25) under 10 MB and 2,000 ms; other sizes take those of 1,000 x 1,000 unless
--max-bytes / --max-ms say otherwise.
Exit status: 0 if the size, the best load, the clicks and the filter are within their bounds,
1 if one is not, 2 if selenium, Chromium or chromedriver is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from chromium import CLICKS_MS_JS, FILTER_MS_JS, LOAD_MS_JS, Missing, launch
from run import git, print_columns

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SEED = 0
# (articles, claims): (bytes, ms) — the bounds the issues set.
BOUNDS = {(100, 50): (2_000_000, 1000.0), (1000, 1000): (10_000_000, 2000.0)}


def build_report(corpus: Path, articles: int, claims: int) -> bytes:
    """Generate the corpus and return the rendered HTML report, as the test builds it."""
    generate = [sys.executable, str(BENCH / "generate.py"), str(corpus), "--articles", str(articles),
                "--claims", str(claims), "--seed", str(SEED)]  # fmt: skip
    subprocess.run(generate, check=True, capture_output=True)
    # Imported here, after main() put this checkout first on sys.path: an installed or editable
    # claimcheck elsewhere would otherwise be the one measured.
    from claimcheck import check, read_claims, read_sources
    from claimcheck.formats import FORMATS, PLAIN

    listed = read_claims(corpus / "claims.yaml")
    report = check(listed.claims, read_sources(corpus / "sources").sources, claims_file="claims.yaml")
    shape = (len(report.results), len(report.sources))
    if shape != (claims, articles) or not any(r.status.value == "conflict" for r in report.results):
        # The clicks need a conflict cell; another corpus would time something else.
        raise SystemExit(f"expected {claims} claims x {articles} sources with a conflict, got {shape}")
    return FORMATS["html"](report, PLAIN).encode("utf-8")


def measure(driver: Any, report: Path, loads: int) -> dict[str, Any]:
    """Open the report ``loads`` times, then click and filter once; times in ms, by the page's clock."""
    load_ms = []
    driver.get(report.as_uri())
    for attempt in range(loads):
        if attempt:
            driver.refresh()
        load_ms.append(round(driver.execute_script(LOAD_MS_JS), 1))
    return {
        "load_ms": load_ms,
        "clicks_ms": round(driver.execute_script(CLICKS_MS_JS), 1),
        "filter_ms": round(driver.execute_script(FILTER_MS_JS), 1),
    }


def versions(driver: Any) -> dict[str, str]:
    caps = driver.capabilities
    # chromedriverVersion is "150.0.7871.100 (b5a9b58...-refs/branch-heads/7871_48@{#5})".
    driver_version = caps.get("chrome", {}).get("chromedriverVersion", "-").split()[0]
    return {"chromium": caps.get("browserVersion", "-"), "chromedriver": driver_version}


def rows(
    size: int, times: dict[str, Any], max_bytes: float, max_ms: float
) -> list[tuple[str, str, float, float]]:
    """(key, label, value, bound) of each measure."""
    return [
        ("size_bytes", "size bytes", size, max_bytes),
        ("load_ms_best", "load ms, best", min(times["load_ms"]), max_ms),
        ("load_ms_median", "load ms, median", statistics.median(times["load_ms"]), max_ms),
        ("clicks_ms", "two clicks ms", times["clicks_ms"], max_ms),
        ("filter_ms", "filter ms", times["filter_ms"], max_ms),
    ]


def print_table(table: list[tuple[str, str, float, float]]) -> None:
    cells = [("measure", "value", "bound", "met")]
    for key, label, value, bound in table:
        shown = f"{value:,}" if key == "size_bytes" else f"{value:.1f}"
        cells.append((label, shown, f"< {bound:,.0f}", "yes" if value < bound else "NO"))
    print_columns(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help="sources in the generated corpus")
    parser.add_argument("--claims", type=int, default=50, help="claims in the generated corpus")
    parser.add_argument("--max-bytes", type=int, help="size bound (default: the issue's for the size)")
    parser.add_argument("--max-ms", type=float, help="time bound (default: the issue's for the size)")
    parser.add_argument("--loads", type=int, default=5, help="page loads; the best and median are shown")
    parser.add_argument(
        "--workdir", type=Path, help="keep the corpus and report.html here (default: a temporary folder)"
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    if args.loads < 1:
        parser.error("--loads must be at least 1")
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="html-load-") as scratch:
        try:
            driver = launch(Path(scratch) / "chromium-profile")
        except Missing as exc:
            print(f"html_load.py: {exc}", file=sys.stderr)
            return 2
        try:
            workdir = (args.workdir or Path(scratch)).resolve()
            workdir.mkdir(parents=True, exist_ok=True)
            rendered = build_report(workdir / "corpus", args.articles, args.claims)
            report = workdir / "report.html"
            report.write_bytes(rendered)
            times = measure(driver, report, args.loads)
            browser = versions(driver)
        finally:
            driver.quit()
    max_bytes, max_ms = BOUNDS.get((args.articles, args.claims), BOUNDS[(1000, 1000)])
    table = rows(len(rendered), times, args.max_bytes or max_bytes, args.max_ms or max_ms)
    print(f"{args.claims} claims x {args.articles} sources, Chromium {browser['chromium']}, "
          f"loads (ms): {', '.join(f'{ms:.0f}' for ms in times['load_ms'])}")  # fmt: skip
    print_table(table)
    # The median is shown for the spread; the exit status judges the best load, as the test did.
    ok = all(value < bound for key, _, value, bound in table if key != "load_ms_median")
    if args.json:
        import claimcheck

        payload = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "cpus": os.cpu_count(),
            "machine": platform.machine(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            **browser,
            "commit": git("rev-parse", "HEAD"),
            "claimcheck": str(Path(claimcheck.__file__).parent),
            "articles": args.articles,
            "claims": args.claims,
            "seed": SEED,
            "load_ms": times["load_ms"],
            **{key: value for key, _, value, _ in table},
            "bounds": {key: bound for key, _, _, bound in table},
            "met": {key: value < bound for key, _, value, bound in table},
            "ok": ok,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
