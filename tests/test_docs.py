"""The README stays short and its links lead somewhere: the details live in docs/."""

import re

from conftest import ROOT


def test_the_readme_is_short() -> None:
    assert len((ROOT / "README.md").read_bytes()) < 12_000


def test_every_relative_link_of_the_readme_and_docs_exists() -> None:
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:", "javascript:")):  # quoted examples
                continue
            assert (page.parent / target).exists(), f"{page.name} links to {target}, which is not there"
