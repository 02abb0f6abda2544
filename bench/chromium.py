"""Headless Chromium for the HTML report, shared by tests/test_html_browser.py and bench/html_load.py.

The flags and the launch, and the page scripts the benchmark times and the test checks by their
effect. Needs selenium (the ``test`` extra) and Debian's ``chromium`` and ``chromium-driver``;
importing this module needs neither: ``launch`` raises ``Missing`` saying what to install, which
the tests turn into a skip and the benchmark into exit status 2.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

# The network is closed here and in CI: without these Chromium waits on connections
# (updates, sync, QUIC probes) and a test hangs instead of failing.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
)
BINARIES = ("chromium", "chromium-browser", "google-chrome")

# The page's own timing of its load, so no driver round trip is counted.
LOAD_MS_JS = "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"
# In the page, around the click handlers and the layout they cause: the last cell of the first
# page's last row (a gap, most often: a cell without a link), then the first conflict, whose
# evidence section is left shown.
CLICKS_MS_JS = (
    "const cell = document.querySelector('#matrix tbody tr:last-child td:last-child');"
    "const conflict = document.querySelector('#matrix tbody td.conflict a');"
    "const start = performance.now();"
    "cell.click(); conflict.click();"
    "document.querySelector('.evidence.shown').getBoundingClientRect();"
    "return performance.now() - start;"
)
# The status filter set to "conflict", the table laid out again.
FILTER_MS_JS = (
    "const select = document.getElementById('filter-status'); select.value = 'conflict';"
    "const start = performance.now();"
    "select.dispatchEvent(new Event('change'));"
    "document.getElementById('matrix').getBoundingClientRect();"
    "return performance.now() - start;"
)


class Missing(RuntimeError):
    """selenium, Chromium or chromedriver is not installed; the message says how to get it."""


def find_binary() -> str | None:
    return next(filter(None, map(shutil.which, BINARIES)), None)


def launch(profile: Path) -> Any:
    """Start headless Chromium with a fresh profile in ``profile``; the caller quits the driver."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise Missing("selenium is not installed: pip install -e '.[test]'") from None
    binary, driver_path = find_binary(), shutil.which("chromedriver")
    if binary is None or driver_path is None:
        missing = " and ".join(name for name, found in (("chromium", binary), ("chromedriver", driver_path))
                               if found is None)  # fmt: skip
        raise Missing(f"no {missing} on PATH: apt-get install chromium chromium-driver (.ci/run does)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    # An alert must stay open for a test to see it, not be dismissed by the driver.
    options.unhandled_prompt_behavior = "ignore"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_script_timeout(10)
    return driver
