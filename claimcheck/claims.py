"""Claims file -> Claims: parse and validate ``claims.yaml`` (schema version 1),
then fill in what a claim leaves out from its sentence (``inference``).

Every problem is collected with its line, and all of them are raised at once as
one ``ClaimcheckError``. The YAML node tree gives every key and claim a line;
lines are made 1-based here, in ``_line``, and nowhere else.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from claimcheck.errors import ClaimcheckError, Kind, Problem
from claimcheck.inference import infer_claim
from claimcheck.lexicon import SCALE_WORDS
from claimcheck.metadata import normalise_date
from claimcheck.model import DEFAULT_TOLERANCE, Accept, Bound, Claim, Quantity
from claimcheck.quantities import extract_quantities
from claimcheck.units import unit_name

# libyaml's parser when PyYAML has it: ten times faster on a thousand claims. When it
# finds an error, the pure-Python parser reads the file again, for its better words.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SCHEMA_VERSION = 1
# A claim is one sentence; longer text is a mistake (a pasted article), not a claim.
MAX_CLAIM_CHARS = 2000
# Deeper bracket nesting is refused before parsing.
MAX_NESTING = 50
# Larger claims files are refused unread.
MAX_CLAIMS_BYTES = 50_000_000
TOP_KEYS = ("version", "sources", "defaults", "claims")
DEFAULT_KEYS = ("tolerance",)
CLAIM_KEYS = (
    "id", "claim", "subject", "aliases", "value", "unit", "approx", "bound", "tolerance", "required",
    "accept", "as_of",
)  # fmt: skip
ACCEPT_KEYS = ("source", "reason")
_ID = re.compile(r"^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$")


@dataclass(frozen=True, slots=True)
class Claims:
    """A parsed claims file: its claims, where it says the sources are, and its default tolerance."""

    path: str
    claims: tuple[Claim, ...]
    sources: str | None = None
    sources_at: tuple[int, int] = (0, 0)
    tolerance: float = DEFAULT_TOLERANCE  # ``defaults: tolerance``; compare uses it too

    def select(self, ids: Sequence[str]) -> tuple[Claim, ...]:
        """The claims with these ids, in file order (all without any; ``check --claim``)."""
        if unknown := [i for i in ids if i not in {claim.id for claim in self.claims}]:
            message = "no claim with id " + ", ".join(map(repr, unknown))
            raise ClaimcheckError([Problem(self.path, 0, message)])
        return tuple(claim for claim in self.claims if not ids or claim.id in ids)


def read_claims(path: str | Path, max_bytes: int = MAX_CLAIMS_BYTES) -> Claims:
    """Read and parse a claims file; raises ClaimcheckError naming the file if unreadable."""
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            message = (
                f"{size:,} bytes is over the {max_bytes:,}-byte limit (--max-bytes); is this a claims file?"
            )
            raise ClaimcheckError([Problem(str(path), 0, message)])
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ClaimcheckError(
            [Problem(str(path), 0, "no such claims file; `claimcheck init` writes a starter one")]
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ClaimcheckError([Problem(str(path), 0, f"cannot read the claims file: {reason}")]) from None
    return parse_claims(text, str(path))


def parse_claims(text: str, path: str = "claims.yaml") -> Claims:
    """Parse the text of a claims file; raises ClaimcheckError with every problem found."""
    claims, problems = parse_claims_leniently(text, path)
    if problems:
        raise ClaimcheckError(problems)
    return claims


def parse_claims_leniently(text: str, path: str = "claims.yaml") -> tuple[Claims, list[Problem]]:
    """Parse what can be parsed and list every problem: the claims that are sound, and
    where the file says its sources are, even when other claims are broken."""
    problems: list[Problem] = []
    empty = Claims(path=path, claims=())
    deep = _too_deep(text)
    if deep:
        message = f"nested more than {MAX_NESTING} levels deep; a claims file is a list of flat claims"
        return empty, [Problem(path, deep[0], message, deep[1])]
    try:
        alias = _first_alias(text)
        if alias is not None:
            message = "YAML aliases (*name) are not allowed in a claims file; write each value out"
            return empty, [Problem(path, alias.line + 1, message, alias.column + 1)]
        root = _compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        reason = getattr(error, "problem", None) or str(error)
        if "\t" in reason or "'\\t'" in reason:
            reason += " (indent with spaces, not tabs)"
        return empty, [Problem(path, line, f"invalid YAML: {reason}", column, Kind.SYNTAX)]
    except RecursionError:
        return empty, [Problem(path, 1, "the YAML is nested too deeply to be a claims file", 1)]
    if root is None:
        return empty, [Problem(path, 1, "the claims file is empty; it needs a 'claims:' list", 1)]
    if not isinstance(root, yaml.MappingNode):
        return empty, [_problem(path, root, "the claims file must be a mapping with a 'claims:' list")]
    top = _mapping(root, path, TOP_KEYS, "the claims file", problems)
    version = _scalar(top.get("version"), path, "version", int, problems)
    if version is not None and version != SCHEMA_VERSION:
        message = f"unsupported version {version}; this claimcheck reads version 1"
        problems.append(_problem(path, top["version"], message))
    sources = _scalar(top.get("sources"), path, "sources", str, problems)
    tolerance = DEFAULT_TOLERANCE
    if "defaults" in top:
        defaults = top["defaults"]
        if isinstance(defaults, yaml.MappingNode):
            found = _mapping(defaults, path, DEFAULT_KEYS, "defaults", problems)
            tolerance = _tolerance(found.get("tolerance"), path, "defaults", problems) or tolerance
        else:
            problems.append(_problem(path, defaults, "'defaults' must be a mapping"))
    claims = _claims(top.get("claims"), root, path, tolerance, problems)
    where = (_line(top["sources"]), _column(top["sources"])) if "sources" in top else (0, 0)
    parsed = Claims(path=path, claims=tuple(claims), sources=sources, sources_at=where, tolerance=tolerance)
    return parsed, problems


def _claims(
    node: yaml.Node | None, root: yaml.Node, path: str, tolerance: float, problems: list[Problem]
) -> list[Claim]:
    if node is None:
        problems.append(_problem(path, root, "missing 'claims:' list"))
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(_problem(path, node, "'claims' must be a list of claims"))
        return []
    claims: list[Claim] = []
    first_line: dict[str, int] = {}
    for position, item in enumerate(node.value, start=1):
        if not isinstance(item, yaml.MappingNode):
            problems.append(
                _problem(path, item, f"claim #{position} must be a mapping with 'id' and 'claim'")
            )
            continue
        before = len(problems)
        claim = _claim(item, path, position, tolerance, problems)
        if claim is None:
            continue
        if claim.id in first_line:
            first = first_line[claim.id]
            message = f"claim '{claim.id}': duplicate id (first used on line {first})"
            problems.append(Problem(path, claim.line, message, claim.column))
            continue
        first_line[claim.id] = claim.line
        if len(problems) == before:
            claims.append(claim)
    return claims


def _claim(
    node: yaml.MappingNode, path: str, position: int, tolerance: float, problems: list[Problem]
) -> Claim | None:
    raw_id = _node_value(node, "id")
    label = f"claim '{raw_id}'" if isinstance(raw_id, str) and raw_id else f"claim #{position}"
    found = _mapping(node, path, CLAIM_KEYS, label, problems)
    line = _line(node)
    claim_id, text = _required_strings(node, found, ("id", "claim"), path, label, problems)
    if text and len(text) > MAX_CLAIM_CHARS:
        limit = f"a claim is one sentence (at most {MAX_CLAIM_CHARS:,})"
        message = f"{label}: 'claim' is {len(text):,} characters; {limit}"
        problems.append(_problem(path, found["claim"], message))
        text = None
    if claim_id and not _ID.match(claim_id):
        problems.append(
            _problem(
                path,
                found["id"],
                f"{label}: 'id' must be a lowercase slug such as 'kant-personnel'",
            )
        )
    subject = _scalar(found.get("subject"), path, f"{label}: 'subject'", str, problems)
    aliases = _aliases(found.get("aliases"), path, label, problems)
    stated_value = _value(found.get("value"), path, label, problems)
    unit, scale = _unit(found.get("unit"), path, label, problems)
    if stated_value is not None and scale != 1:
        stated_value = replace(stated_value, value=stated_value.value * scale)
    approx = _scalar(found.get("approx"), path, f"{label}: 'approx'", bool, problems)
    bound = _bound(found.get("bound"), path, label, problems)
    own_tolerance = _tolerance(found.get("tolerance"), path, label, problems)
    required = _scalar(found.get("required"), path, f"{label}: 'required'", bool, problems)
    accepts = _accepts(found.get("accept"), path, label, problems)
    as_of = _as_of(found.get("as_of"), path, label, problems)
    if not claim_id or not text or not text.strip():
        return None
    stated = None
    if stated_value is not None:
        stated = replace(stated_value, unit=unit or stated_value.unit, approx=bool(approx), bound=bound)
    return infer_claim(
        Claim(
            id=claim_id,
            text=" ".join(text.split()),
            subject=subject or "",
            aliases=aliases,
            tolerance=own_tolerance if own_tolerance is not None else tolerance,
            required=bool(required),
            accepts=accepts,
            as_of=as_of,
            line=line,
            column=_column(node),
        ),
        stated=stated,
        unit=unit,
        approx=approx,
        bound=bound,
    )


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where brackets first nest deeper than MAX_NESTING: the YAML scanner slows down
    quadratically on deep nesting, so it is refused before parsing."""
    depth, line, column = 0, 1, 0
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line, column
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


def _first_alias(text: str) -> yaml.Mark | None:
    """Where the first alias is: aliases can expand to billions of nodes ("billion laughs")."""
    try:
        return _alias_in(yaml.parse(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        return _alias_in(yaml.parse(text, Loader=yaml.SafeLoader))


def _alias_in(events: Iterable[yaml.Event]) -> Any:
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    return None


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _line(node: yaml.Node) -> int:
    """The 1-based line of a YAML node (the parser counts from 0)."""
    return node.start_mark.line + 1


def _column(node: yaml.Node) -> int:
    """The 1-based column of a YAML node."""
    return node.start_mark.column + 1


def _problem(path: str, node: yaml.Node, message: str) -> Problem:
    """A problem at a node of the claims file; the one place positions become 1-based."""
    return Problem(path, _line(node), message, _column(node))


def _mapping(
    node: yaml.MappingNode, path: str, allowed: tuple[str, ...], label: str, problems: list[Problem]
) -> dict[str, yaml.Node]:
    """Keys to value nodes; reports duplicate and unknown keys with a suggestion."""
    found: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            problems.append(_problem(path, key_node, f"{label}: keys must be plain names"))
            continue
        if key in found:
            problems.append(_problem(path, key_node, f"{label}: duplicate key '{key}'"))
            continue
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(allowed)}"
            problems.append(_problem(path, key_node, f"{label}: unknown key '{key}'{hint}"))
            continue
        found[key] = value_node
    return found


def _node_value(node: yaml.MappingNode, key: str) -> Any:
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == key and isinstance(value_node, yaml.ScalarNode):
            return _construct(value_node)
    return None


def _construct(node: yaml.Node) -> Any:
    return SafeConstructor().construct_object(node, deep=True)


_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def _scalar(node: yaml.Node | None, path: str, label: str, kind: type, problems: list[Problem]) -> Any:
    """The node's value if it is of the wanted kind, else None with a problem recorded."""
    if node is None:
        return None
    value = _construct(node) if isinstance(node, yaml.ScalarNode) else node
    ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            problems.append(_problem(path, node, f"{label} must be a finite number, got {value!r}"))
            return None
        return float(value)
    if ok:
        return value
    shown = repr(value) if isinstance(value, (str, int, float, bool)) else f"a {node.tag.rsplit(':', 1)[-1]}"
    problems.append(_problem(path, node, f"{label} must be {_TYPE_NAMES[kind]}, got {shown}"))
    return None


def _value(node: yaml.Node | None, path: str, label: str, problems: list[Problem]) -> Quantity | None:
    """value: a number (17.9, "17.9", "5,500") or a date as people write it ("February 6,
    2023", 2023-02-06, "March 2021"), kept at the precision it is written with."""
    if node is None:
        return None
    value = _construct(node) if isinstance(node, yaml.ScalarNode) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            problems.append(_problem(path, node, f"{label}: 'value' must be a finite number, got {value!r}"))
            return None
        return Quantity(float(value))
    written = value.isoformat() if isinstance(value, datetime.date) else value
    if isinstance(written, str) and any(character.isdigit() for character in written):
        figures = extract_quantities(written.strip())
        whole = len(figures) == 1 and figures[0].text.strip() == written.strip()
        if whole and (figures[0].unit is None or figures[0].unit == "year"):
            figure = figures[0]
            return Quantity(figure.value, figure.unit, month=figure.month, day=figure.day)
    shown = repr(value) if isinstance(value, (str, int, float, bool)) else "a list or a mapping"
    message = f"{label}: 'value' must be a number or a date (17.9, 2023-02-06, February 6, 2023), got {shown}"
    problems.append(_problem(path, node, message))
    return None


def _aliases(node: yaml.Node | None, path: str, label: str, problems: list[Problem]) -> tuple[str, ...]:
    if node is None:
        return ()
    if isinstance(node, yaml.ScalarNode):
        value = _scalar(node, path, f"{label}: 'aliases'", str, problems)
        return (value,) if value else ()
    if not isinstance(node, yaml.SequenceNode):
        problems.append(_problem(path, node, f"{label}: 'aliases' must be a list of names"))
        return ()
    aliases = []
    for item in node.value:
        value = _scalar(item, path, f"{label}: each alias", str, problems)
        if value is not None and not value.strip():
            problems.append(_problem(path, item, f"{label}: an alias is empty"))
        elif value:
            aliases.append(value.strip())
    return tuple(aliases)


def _required_strings(
    node: yaml.Node,
    found: dict[str, yaml.Node],
    keys: tuple[str, ...],
    path: str,
    label: str,
    problems: list[Problem],
) -> list[str | None]:
    """The values of keys that must be there and hold some text; a problem for each that does not."""
    values = []
    for key in keys:
        value = _scalar(found.get(key), path, f"{label}: '{key}'", str, problems)
        if key not in found:
            problems.append(_problem(path, node, f"{label}: missing '{key}'"))
        elif value is not None and not value.strip():
            problems.append(_problem(path, found[key], f"{label}: '{key}' is empty"))
        values.append(value)
    return values


def _as_of(node: yaml.Node | None, path: str, label: str, problems: list[Problem]) -> str | None:
    """as_of: 2009 or 2009-05 or 2009-05-12 — the time the claim speaks of."""
    if node is None:
        return None
    value = _construct(node) if isinstance(node, yaml.ScalarNode) else None
    date = normalise_date(value)
    if date is None and isinstance(value, str):  # "March 23, 2021", "March 2021"
        figures = extract_quantities(value.strip())
        # Not "last year" nor "March 26": a claim has no date of its own to place them by.
        if (
            len(figures) == 1
            and figures[0].unit == "year"
            and not figures[0].qualifiers
            and figures[0].text.strip() == value.strip()
        ):
            figure = figures[0]
            parts = [f"{int(figure.value):04d}"] + [f"{n:02d}" for n in (figure.month, figure.day) if n]
            date = "-".join(parts)
    if date is None or isinstance(value, bool):
        problems.append(
            _problem(path, node, f"{label}: 'as_of' must be a year or a date such as 2009 or 2009-05-12")
        )
    return date


def _accepts(node: yaml.Node | None, path: str, label: str, problems: list[Problem]) -> tuple[Accept, ...]:
    """accept: [{source: ID, reason: why}] — conflicts someone has looked at."""
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        problems.append(_problem(path, node, f"{label}: 'accept' must be a list of {{source, reason}}"))
        return ()
    accepts = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            problems.append(_problem(path, item, f"{label}: each accept needs 'source' and 'reason'"))
            continue
        found = _mapping(item, path, ACCEPT_KEYS, f"{label}: accept", problems)
        written = found.get("source")
        if isinstance(written, yaml.ScalarNode) and written.tag.endswith((":int", ":float")):
            # "source: 002", the short id a report shows, is YAML's number 2: the id is as written
            found["source"] = yaml.ScalarNode("tag:yaml.org,2002:str", written.value, written.start_mark)
        source, reason = _required_strings(item, found, ACCEPT_KEYS, path, f"{label}: accept", problems)
        if source and source.strip() and reason and reason.strip():
            accepts.append(
                Accept(
                    source.strip(),
                    " ".join(reason.split()),
                    _line(item),
                    _column(item),
                )
            )
    return tuple(accepts)


def _unit(node: yaml.Node | None, path: str, label: str, problems: list[Problem]) -> tuple[str | None, float]:
    """Any unit word: a known unit in any of its spellings and any case ('KM', 'USD',
    'kilometres'), else the word itself, counted and matched by its lemma ('aftershocks'); and
    the scale a scale word before it gives the value ('million viewers': viewers, a million)."""
    value = _scalar(node, path, f"{label}: 'unit'", str, problems)
    if value is None or node is None:
        return None, 1.0
    if not value.strip():
        problems.append(
            _problem(path, node, f"{label}: 'unit' is empty; leave it out to read it from the claim")
        )
        return None, 1.0
    first, _, rest = value.strip().partition(" ")
    if first.lower() in SCALE_WORDS and rest.strip():
        return unit_name(rest), SCALE_WORDS[first.lower()]
    return unit_name(value), 1.0


def _bound(node: yaml.Node | None, path: str, label: str, problems: list[Problem]) -> Bound | None:
    value = _scalar(node, path, f"{label}: 'bound'", str, problems)
    if value is None or node is None:
        return None
    try:
        return Bound(value)
    except ValueError:
        problems.append(_problem(path, node, f"{label}: 'bound' must be at_least or at_most, got {value!r}"))
        return None


def _tolerance(node: yaml.Node | None, path: str, label: str, problems: list[Problem]) -> float | None:
    value = _scalar(node, path, f"{label}: 'tolerance'", float, problems)
    if value is None or node is None:
        return None
    if not 0 <= value < 1:
        problems.append(
            _problem(
                path,
                node,
                f"{label}: 'tolerance' must be a share between 0 and 1, such as 0.1, got {value:g}",
            )
        )
        return None
    return value
