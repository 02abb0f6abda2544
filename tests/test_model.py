"""The data between the stages: what crosses to and from worker processes comes back equal,
and the quick constructors build what the dataclasses' own would."""

import dataclasses
import pickle

import pytest

from claimcheck.check import judge, vocabulary_of
from claimcheck.claims import read_claims
from claimcheck.formats.notices import Notice
from claimcheck.model import (
    Bound,
    Claim,
    ClaimResult,
    Evidence,
    Finding,
    Judged,
    Passage,
    Prepared,
    Quantity,
    Source,
    SourceMeta,
    Verdict,
    quick_init,
)
from claimcheck.prepare import prepare
from claimcheck.sources import read_sources
from claimcheck.subjects import Mention

from conftest import ROOT


def test_a_run_s_findings_and_sources_come_back_from_pickle_equal() -> None:
    claims = read_claims(ROOT / "claims.yaml").claims
    sources = read_sources(ROOT / "sources").sources
    prepared = [prepare(source) for source in sources]
    judged = judge(claims, prepared, vocabulary_of(prepared))
    assert any(found.findings for found in judged)
    payload = (judged, sources, prepared)
    assert pickle.loads(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)) == payload


@pytest.mark.parametrize(
    "value",
    [
        Quantity(500.0, "personnel", approx=True, bound=Bound.AT_MOST, qualifiers=("russian",), end=9),
        Passage("kant", 2, "Kant hosts 500.", 40, 3, boilerplate=True),
        Source("kant", "sources/kant.txt", "text", SourceMeta("T", guessed=frozenset({"date"})), (0, 9)),
        Finding("c", "s", Verdict.CONFLICT, "why", figures=(Evidence("1 km", 2, Quantity(1.0, "km"), True),)),
        Judged((), ("s",), copies=(("a", "b"),)),
    ],
    ids=lambda value: type(value).__name__,
)
def test_each_kind_is_pickled_as_its_class_and_field_values(
    value: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls, values = value.__reduce__()  # type: ignore[misc]
    assert cls is type(value)
    assert cls(*values) == value

    def slow(*args: object) -> None:
        raise AssertionError("pickled through dataclasses.fields, once per instance")

    # what a frozen dataclass with slots pickles through by default, on both ends
    monkeypatch.setattr(dataclasses, "fields", slow)
    assert pickle.loads(pickle.dumps(value)) == value


QUICK = [Quantity, SourceMeta, Source, Passage, Prepared, Evidence, Finding, Judged, Mention, Notice]


@pytest.mark.parametrize("cls", QUICK, ids=lambda cls: cls.__name__)
def test_a_quick_init_takes_what_the_dataclass_s_own_took_and_stays_frozen(cls: type) -> None:
    found = dataclasses.fields(cls)
    given = {field.name: object() for field in found}
    for instance in (cls(**given), cls(*given.values())):
        assert all(getattr(instance, name) is value for name, value in given.items())
    required = {field.name: given[field.name] for field in found if field.default is dataclasses.MISSING}
    defaulted = cls(**required)
    defaults = [field for field in found if field.name not in required]
    assert all(getattr(defaulted, field.name) is field.default for field in defaults)
    with pytest.raises(TypeError):
        cls(*given.values(), object())
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(defaulted, found[0].name, object())
    # what the dataclass's own __init__ goes through for every field, the slow part
    assert "__setattr__" not in cls.__init__.__code__.co_names


def test_quick_init_takes_plain_fields_only() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Made:
        items: list[str] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="plain fields only"):
        quick_init(Made)


def test_each_source_gives_findings_with_the_unjudged_sharing_two_gaps() -> None:
    claim = Claim("kant", "Kant hosts 500", "Kant")
    stated = Finding("kant", "b", Verdict.AGREE, "says 500", quote="500")
    ids = ("a", "b", "c", "d")
    result = ClaimResult(claim, (stated,), source_ids=ids, quiet=("c",), quiet_reason="silent")
    each = list(result.each_source())
    assert [source_id for source_id, _ in each] == ["a", "b", "c", "d"]
    assert each[1][1] is stated and each[0][1] is each[3][1] and each[0][1].source_id == ""
    assert [(f.source_id, f.verdict, f.reason) for f in result.findings] == [
        ("a", Verdict.GAP, "no passage mentions Kant (no-mention)"),
        ("b", Verdict.AGREE, "says 500"),
        ("c", Verdict.GAP, "silent"),
        ("d", Verdict.GAP, "no passage mentions Kant (no-mention)"),
    ]
    judged_all = ClaimResult(claim, (stated,))
    assert list(judged_all.each_source()) == [("b", stated)] and judged_all.findings == (stated,)
