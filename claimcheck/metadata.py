"""What is known of a source — title, outlet, date, url, language — and where it came from.

Four origins, in order of precedence, field by field: ``sources.yaml`` beside the
articles (an id -> fields mapping: the way to annotate files without editing
them), YAML front matter at the top of a .txt/.md file, what trafilatura finds
in an HTML page, and last a careful guess from the text ("Last Updated:
07/27/2016", "Wed Oct 11 2023"), marked as guessed. Dates keep their precision:
"2009", "2009-05" or "2009-05-12". Pure: the readers in ``sources`` pass text in.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from claimcheck.errors import ClaimcheckError, Kind, Problem
from claimcheck.model import SourceMeta
from claimcheck.passages import is_boilerplate
from claimcheck.quantities import extract_quantities

FIELDS = ("title", "outlet", "date", "url", "language")
# A date is guessed only from the top of an article, where bylines and datelines stand.
GUESS_LINES = 12
GUESS_CHARS = 300
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def split_front_matter(text: str) -> tuple[SourceMeta, str, list[str]]:
    """Metadata from a leading ``---`` YAML block, the text with that block blanked (its lines
    kept empty, so line numbers still match the file), and warnings.

    An article is what the user collected, not their config: fields claimcheck does not use
    (``author``, ``tags``, ``categories`` — what site generators and note apps write) are
    ignored, and a field it cannot use is a warning, never a stop. Values are read without
    expanding YAML aliases (an "alias bomb" stays small)."""
    found = _front_matter(text)
    if found is None:
        return SourceMeta(), text, []  # none, or not front matter after all: the text as it is
    match, root = found
    values: dict[str, str] = {}
    notes: list[str] = []
    for key, value in root.value:
        name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
        if name not in FIELDS:
            continue
        if not isinstance(value, yaml.ScalarNode):
            notes.append(f"front matter: '{name}' is not a plain value; ignored")
            continue
        values[name] = str(SafeConstructor().construct_object(value)).strip()
    date = values.pop("date", None)
    if date is not None and normalise_date(date) is None:
        notes.append(f"front matter: date {date!r} is not a year, a year-month or a date; ignored")
    meta = _fields(values, normalise_date(date))
    blank = "\n" * match.group(0).count("\n")
    return meta, blank + text[match.end() :], notes


def unused_front_matter(text: str) -> list[str]:
    """The fields of the text's front matter that claimcheck does not use (``author``,
    ``tags``...), in their order; [] without front matter. ``split_front_matter`` skips them."""
    found = _front_matter(text)
    if found is None:
        return []
    names = [str(key.value) for key, _ in found[1].value if isinstance(key, yaml.ScalarNode)]
    return [name for name in names if name not in FIELDS]


def _front_matter(text: str) -> tuple[re.Match[str], yaml.MappingNode] | None:
    """The leading ``---`` block and its mapping, composed without expanding aliases; None
    when the text has none or the block is not a YAML mapping."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        root = yaml.compose(match.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    return (match, root) if isinstance(root, yaml.MappingNode) else None


@dataclass(frozen=True, slots=True)
class Annotations:
    """What ``sources.yaml`` states: each source's fields by id, and the lines of the
    collection that are page chrome (``boilerplate:``, regular expressions)."""

    meta: dict[str, SourceMeta]
    boilerplate: tuple[str, ...] = ()


BOILERPLATE_KEY = "boilerplate"


def parse_sources_yaml(text: str, path: str) -> Annotations:
    """``sources.yaml``: source id -> its fields, and ``boilerplate:``, a list of regular
    expressions for lines of chrome. Every problem at once, with its line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ClaimcheckError(
            [Problem(path, mark.line + 1 if mark else 0, f"invalid YAML: {error}", kind=Kind.SYNTAX)]
        ) from None
    if root is None:
        return Annotations({})
    if not isinstance(root, yaml.MappingNode):
        raise ClaimcheckError(
            [Problem(path, root.start_mark.line + 1, "must map source ids to their fields")]
        )
    found: dict[str, SourceMeta] = {}
    problems: list[Problem] = []
    boilerplate: tuple[str, ...] = ()
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        if key_node.value == BOILERPLATE_KEY and isinstance(value_node, yaml.SequenceNode):
            boilerplate = _boilerplate(value_node, path, problems)
            continue
        source_id = str(key_node.value).removesuffix(".txt")
        value = _plain_mapping(value_node)
        if value is None:
            problems.append(
                Problem(path, line, f"'{source_id}' must map to fields such as title, outlet, date")
            )
            continue
        try:
            found[source_id] = _meta(value, path, line)
        except ClaimcheckError as error:
            problems.extend(error.problems)
    if problems:
        raise ClaimcheckError(problems)
    return Annotations(found, boilerplate)


def _boilerplate(node: yaml.SequenceNode, path: str, problems: list[Problem]) -> tuple[str, ...]:
    """The ``boilerplate:`` patterns, each one that compiles; a problem for each that does not."""
    patterns = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            problems.append(
                Problem(path, line, "boilerplate: each entry must be a line's text or a regular expression")
            )
            continue
        try:
            re.compile(str(item.value))
        except re.error as error:
            problems.append(
                Problem(path, line, f"boilerplate: {item.value!r} is not a regular expression ({error}); "
                        "escape ( ) [ ] . * + ? with a backslash to match them as written")
            )  # fmt: skip
            continue
        patterns.append(str(item.value))
    return tuple(patterns)


def _plain_mapping(node: yaml.Node) -> dict[str, Any] | None:
    """A mapping of scalars, built without expanding aliases (a "billion laughs" stays small)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    values: dict[str, Any] = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
            values[str(key.value)] = SafeConstructor().construct_object(value)
        else:
            return None
    return values


def guess(text: str) -> SourceMeta:
    """A careful guess from the top of the text: the date of a dateline, byline or
    "Published" line there (a "Last updated" stamp only when there is none: an archive's
    stamp is not the article's date; a date inside a sentence of the story never), and the
    first headline-like line as the title. Both are marked as guessed."""
    head = [
        line.strip()[:GUESS_CHARS] for line in text[: GUESS_LINES * GUESS_CHARS].splitlines()[:GUESS_LINES]
    ]
    head = [line for line in head if line]
    date = updated = None
    for line in head:
        dated = [q for q in extract_quantities(line) if q.unit == "year" and q.month and not q.qualifiers]
        if not dated:
            continue
        quantity = dated[0]
        found = f"{int(quantity.value):04d}-{quantity.month:02d}"
        if quantity.day:
            found += f"-{quantity.day:02d}"
        if _UPDATED.search(line):
            updated = updated or found
        elif _PUBLISHED.search(line) or len(line.split()) <= DATE_LINE_WORDS:
            date = found
            break
    date = date or updated
    title = next((line for line in head if _looks_like_title(line) and not is_boilerplate(line)), None)
    guessed = frozenset(name for name, value in (("date", date), ("title", title)) if value)
    return SourceMeta(title=title, date=date, guessed=guessed)


def merge(*layers: SourceMeta) -> SourceMeta:
    """Field by field, the first layer that knows it wins (highest precedence first)."""
    values: dict[str, Any] = {}
    guessed: set[str] = set()
    for name in FIELDS:
        for layer in layers:
            value = getattr(layer, name)
            if value:
                values[name] = value
                if name in layer.guessed:
                    guessed.add(name)
                break
    return SourceMeta(**values, guessed=frozenset(guessed))


def normalise_date(value: Any) -> str | None:
    """'2009', '2009-05', '2009-05-12' from what a file may hold (a YAML date, an int, a string)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        if match:
            return "-".join(part for part in match.groups() if part)
    return None


def date_bounds(date: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a date of any precision can mean: '2009' -> Jan 1 .. Dec 31."""
    parts = [int(part) for part in date.split("-")]
    year, month, day = ([*parts, 0, 0])[:3]
    if day:
        first = last = datetime.date(year, month, day)
    elif month:
        first = datetime.date(year, month, 1)
        last = (datetime.date(year + month // 12, month % 12 + 1, 1)) - datetime.timedelta(days=1)
    else:
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return first, last


def clearly_before(date: str, as_of: str) -> bool:
    """Whether a source dated ``date`` was written before ``as_of`` whatever the precisions."""
    return date_bounds(date)[1] < date_bounds(as_of)[0]


def written_about(published: str, year: int | None, month: int, day: int | None) -> bool:
    """Whether an article dated ``published`` may have been written on the day a claim gives
    (or the day after) or in its month (or the first days after it). A day or month without
    its year is taken in the article's year."""
    first, last = date_bounds(published)
    year = year or first.year
    if day is not None:
        start = end = datetime.date(year, month, day)
    else:
        start, end = date_bounds(f"{year:04d}-{month:02d}")
    slack = datetime.timedelta(days=1 if day is not None else 3)
    return first <= end + slack and start <= last


def _meta(data: dict[str, Any], path: str, line: int) -> SourceMeta:
    unknown = [key for key in data if key not in FIELDS]
    if unknown:
        raise ClaimcheckError(
            [Problem(path, line, f"unknown field '{unknown[0]}'; fields are {', '.join(FIELDS)}")]
        )
    values = {key: str(value).strip() for key, value in data.items() if value is not None and key != "date"}
    date = normalise_date(data.get("date")) if data.get("date") is not None else None
    if data.get("date") is not None and date is None:
        raise ClaimcheckError(
            [Problem(path, line, f"date {data['date']!r} is not a year, a year-month or a date (2009-05-12)")]
        )
    return _fields(values, date)


def _fields(values: dict[str, str], date: str | None) -> SourceMeta:
    """A SourceMeta of the text fields given (empty ones left out) and a date."""
    return SourceMeta(
        title=values.get("title") or None,
        outlet=values.get("outlet") or None,
        url=values.get("url") or None,
        language=values.get("language") or None,
        date=date,
    )


_BYLINE = re.compile(r"(?:by|from)\s+[A-Z]", re.I)
# Lines that date an article: "Published June 2016", "Posted: ...", a byline with its date, a
# line that is little more than the date ("Wed Oct 11 2023", "March 27, 2024 | 08:19 PM").
_PUBLISHED = re.compile(r"\b(?:published|posted|first\s+published|dateline|filed)\b|^\s*(?:by|date)\b", re.I)
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|edited)\b", re.I)
DATE_LINE_WORDS = 8


def _looks_like_title(line: str) -> bool:
    """A headline: a short line that does not end like a sentence, in title case or in
    sentence case ("Officials weigh new spending at the base"); never a byline."""
    words = line.split()
    return (
        3 <= len(words) <= 16
        and not line.endswith((".", ":", ","))
        and words[0][:1].isupper()
        and not _BYLINE.match(line)
    )
