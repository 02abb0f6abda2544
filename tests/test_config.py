"""Settings resolved once (config.settle): a flag, then [tool.claimcheck], then the claims
file, then the default — with the claims file's own ``sources:`` before the table's."""

from __future__ import annotations

import pytest

from claimcheck.config import Config, claims_path, parse_config, settle
from claimcheck.errors import ClaimcheckError, Kind
from claimcheck.model import FailOn

TABLE = Config(claims="proj/claims.yaml", sources="shared", format="line", fail_on=FailOn.GAP)


def test_the_claims_file_is_the_argument_then_the_table_then_claims_yaml() -> None:
    assert claims_path("mine.yaml", TABLE) == "mine.yaml"
    assert claims_path(None, TABLE) == "proj/claims.yaml"
    assert claims_path(None, Config()) == "claims.yaml"


@pytest.mark.parametrize(
    ("flag", "stated", "table", "expected"),
    [
        ("cli", "articles", "shared", "cli"),  # a flag wins
        (None, "articles", "shared", "proj/articles"),  # the claims file names its articles
        (None, None, "shared", "shared"),  # then the project's table
        (None, None, None, "proj/sources"),  # then sources/ beside the claims file
    ],
)
def test_the_sources_folder(flag: str | None, stated: str | None, table: str | None, expected: str) -> None:
    config = Config(sources=table)
    assert settle(config, "proj/claims.yaml", stated, sources=flag).sources == expected


def test_format_and_fail_on_a_flag_then_the_table_then_the_default() -> None:
    flagged = settle(TABLE, "c.yaml", format="json", fail_on=FailOn.NEVER, default_format="github")
    assert (flagged.format, flagged.fail_on) == ("json", FailOn.NEVER)
    tabled = settle(TABLE, "c.yaml", default_format="github")
    assert (tabled.format, tabled.fail_on) == ("line", FailOn.GAP)
    bare = settle(Config(), "c.yaml", default_format="github")
    assert (bare.format, bare.fail_on) == ("github", FailOn.CONFLICT)


def test_a_problem_says_its_kind_so_no_caller_reads_its_words() -> None:
    with pytest.raises(ClaimcheckError) as raised:
        parse_config("[tool.claimcheck\n", "pyproject.toml", ("table",))
    assert [problem.kind for problem in raised.value.problems] == [Kind.SYNTAX]
    with pytest.raises(ClaimcheckError) as raised:
        parse_config('[tool.claimcheck]\nformat = "pdf"\n', "pyproject.toml", ("table",))
    assert [problem.kind for problem in raised.value.problems] == [Kind.CONTENT]
