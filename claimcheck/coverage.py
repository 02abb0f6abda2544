"""The collection at a glance: ``claimcheck sources`` — one row per source with who
wrote it when, how long it is, and which claims it agrees or conflicts with; and
the sources no claim touches."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from tabulate import tabulate

from claimcheck.formats.labels import when_and_who
from claimcheck.model import Prepared, Report, Source, Verdict
from claimcheck.prepare import prepare


@dataclass(frozen=True, slots=True)
class Coverage:
    """What one source holds and what the claims found in it."""

    source: Source
    words: int
    passages: int
    agrees: tuple[str, ...]
    conflicts: tuple[str, ...]

    @property
    def touched(self) -> bool:
        return bool(self.agrees or self.conflicts)


# A source's size: its words and the passages that are not page chrome.
Size = tuple[int, int]


def size_of(prepared: Prepared) -> Size:
    """A prepared source's words and passages that are not chrome (its passages hold every word of it)."""
    words = sum(len(passage.text.split()) for passage in prepared.passages)
    return words, sum(not passage.boilerplate for passage in prepared.passages)


def sizes_of(prepared: list[Prepared], shared: None = None) -> dict[str, Size]:
    """``size_of`` for each prepared source, by id: what ``claimcheck sources`` asks of the workers
    that hold a batch (``engine.PreparedCorpus.each``)."""
    return {ready.source_id: size_of(ready) for ready in prepared}


def coverage(report: Report, sizes: Mapping[str, Size] | None = None) -> list[Coverage]:
    """One row per source, in source order; ``sizes`` by source id, else worked out from the
    report's sources' text."""
    rows = []
    for source in report.sources:
        words, passages = sizes[source.id] if sizes is not None else size_of(prepare(source))
        verdicts = [
            (result.claim.id, finding.verdict)
            for result in report.results
            for finding in result.judged
            if finding.source_id == source.id
        ]
        rows.append(
            Coverage(
                source=source,
                words=words,
                passages=passages,
                agrees=tuple(claim for claim, verdict in verdicts if verdict is Verdict.AGREE),
                conflicts=tuple(claim for claim, verdict in verdicts if verdict is Verdict.CONFLICT),
            )
        )
    return rows


def render_table(rows: list[Coverage]) -> str:
    table = tabulate(
        [
            [
                row.source.id,
                row.source.meta.outlet or "",
                _date(row.source),
                row.words,
                row.passages,
                _wrap(row.agrees, 44),
                _wrap(row.conflicts, 32),
            ]
            for row in rows
        ],
        headers=["source", "outlet", "date", "words", "passages", "agrees with", "conflicts with"],
        tablefmt="simple",
        disable_numparse=True,
    )
    untouched = [row.source.id for row in rows if not row.touched]
    tail = f"\n\nno claim touches: {', '.join(untouched)}" if untouched else ""
    return table + tail + "\n"


def render_json(rows: list[Coverage]) -> str:
    data = {
        "sources": [
            {
                "id": row.source.id,
                "path": row.source.path,
                "title": row.source.meta.title,
                "outlet": row.source.meta.outlet,
                "date": row.source.meta.date,
                "date_guessed": row.source.meta.date_guessed,
                "label": when_and_who(row.source.meta),
                "words": row.words,
                "passages": row.passages,
                "agrees": list(row.agrees),
                "conflicts": list(row.conflicts),
            }
            for row in rows
        ],
        "untouched": [row.source.id for row in rows if not row.touched],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _wrap(claim_ids: tuple[str, ...], width: int) -> str:
    return "\n".join(textwrap.wrap(", ".join(claim_ids), width=width, break_on_hyphens=False))


def _date(source: Source) -> str:
    date = source.meta.date or ""
    return f"{date} (guessed)" if date and source.meta.date_guessed else date
