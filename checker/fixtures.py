"""Per-rule fixtures: records that violate a rule and records that do not, with the expectation.

One TOML file per rule, fixtures/rules/<RULE_ID>.toml:

    rule = "MEM-10-1"
    as_of = 2026-01-30            # the audit date of every case unless a case sets its own
    [config]                      # optional overrides for every case
    "member.report_clock_start" = "occurred"
    [defaults.ChangeEvent]        # optional: fields every ChangeEvent record starts from
    member_id = "M001"
    [[records.Member]]            # optional: records every case includes (a register)
    member_id = "M001"
    …

    [[cases]]
    name = "reported on the 10th working day across the National Day holiday"
    expect = []                   # keys of the facts that must violate the rule; [] for none
    [[cases.records.ChangeEvent]]
    event_id = "E1"
    …

Records are validated exactly as a dataset file would be. A case passes when the rule reports
exactly the expected keys: a key it misses or a key it reports wrongly fails the case.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from checker.audit import audit_dataset
from checker.catalog import Catalog
from checker.config import Config, ConfigError
from checker.loading import load_rows

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "rules"


class FixtureError(ValueError):
    """A fixture file that cannot be used."""


@dataclass(frozen=True)
class Case:
    name: str
    expect: frozenset[str]
    records: dict[str, list[dict[str, Any]]]
    as_of: date
    config: dict[str, Any]


@dataclass(frozen=True)
class Fixture:
    rule_id: str
    path: Path
    cases: tuple[Case, ...]


@dataclass
class CaseResult:
    case: Case
    found: set[str] = field(default_factory=set)
    missed: set[str] = field(default_factory=set)
    wrong: set[str] = field(default_factory=set)
    clean: set[str] = field(default_factory=set)  # facts of the rule's kinds that pass
    checks_fired: set[int] = field(default_factory=set)  # which of the rule's checks matched
    errors: list[str] = field(default_factory=list)  # records the fixture could not load

    @property
    def passed(self) -> bool:
        return not (self.missed or self.wrong or self.errors)


def fixture_path(rule_id: str, directory: Path = FIXTURE_DIR) -> Path:
    return directory / f"{rule_id}.toml"


def read_fixture(path: Path) -> Fixture:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise FixtureError(f"{path}: {error}") from None
    rule_id = document.get("rule")
    if not isinstance(rule_id, str):
        raise FixtureError(f'{path}: rule = "<RULE_ID>" is missing')
    default_as_of = document.get("as_of")
    shared_config = document.get("config", {})
    defaults = document.get("defaults", {})
    shared = document.get("records", {})
    cases = []
    for number, raw in enumerate(document.get("cases", []), start=1):
        where = f"{path} case {number}"
        as_of = raw.get("as_of", default_as_of)
        if not isinstance(as_of, date):
            raise FixtureError(f"{where}: as_of (a date) is missing")
        expect = raw.get("expect")
        if not isinstance(expect, list) or not all(isinstance(k, str) for k in expect):
            raise FixtureError(f'{where}: expect = ["<record key>", …] is missing')
        own = raw.get("records", {})
        records = {
            kind: [
                {**defaults.get(kind, {}), **row}
                for row in (*shared.get(kind, ()), *own.get(kind, ()))
            ]
            for kind in dict.fromkeys((*shared, *own))
        }
        if not own:
            raise FixtureError(f"{where}: the case has no records")
        cases.append(
            Case(
                name=raw.get("name", f"case {number}"),
                expect=frozenset(expect),
                records=records,
                as_of=as_of,
                config={**shared_config, **raw.get("config", {})},
            )
        )
    if not cases:
        raise FixtureError(f"{path}: no [[cases]]")
    return Fixture(rule_id, path, tuple(cases))


def run_case(fixture: Fixture, case: Case, catalog: Catalog, base: Config) -> CaseResult:
    rule = catalog.rules[fixture.rule_id]
    result = CaseResult(case)
    try:
        # A rule's fixtures test that rule, whether or not the default profile applies it.
        config = base.with_values(
            {"audit.regulations": [rule.regulation.id], **case.config, "audit.as_of": case.as_of},
            str(fixture.path),
        )
    except ConfigError as error:
        result.errors.append(str(error))
        return result
    dataset = load_rows(case.records, f"{fixture.path.name}[{case.name}]")
    audit = audit_dataset(dataset, catalog, config, case.as_of)
    result.errors.extend(f"{p.source}: {p.message.en}" for p in audit.problems if p.rejects_record)
    if any(n.rule_id == rule.id for n in audit.not_run):
        result.errors.append(
            f"{rule.id} did not run: "
            + next(n.reason.en for n in audit.not_run if n.rule_id == rule.id)
        )
    mine = [v for v in audit.violations if v.rule.id == rule.id]
    reported = {v.fact.key for v in mine}
    result.checks_fired = {index for v in mine for index in v.checks}
    result.found = reported & case.expect
    result.missed = set(case.expect - reported)
    result.wrong = reported - case.expect
    result.clean = {f.key for f in audit.facts if f.kind in rule.kinds} - case.expect
    return result


def run_fixture(fixture: Fixture, catalog: Catalog, base: Config) -> list[CaseResult]:
    if fixture.rule_id not in catalog.rules:
        raise FixtureError(f"{fixture.path}: unknown rule {fixture.rule_id}")
    return [run_case(fixture, case, catalog, base) for case in fixture.cases]
