"""Shared helpers: the loaded rules, a default configuration, audits of in-memory rows."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from checker.audit import AuditResult, audit_dataset
from checker.catalog import Catalog, load_catalog
from checker.config import Config, load
from checker.loading import load_rows
from tests.postgres import postgres  # noqa: F401 — a real server for the tests that ask for it

# The fuzz suite's profiles (tests/mutations.py picks one): CI runs a fixed, bounded set of
# examples; COMPLIANCE_FUZZ=long runs random ones, many more, by hand (README, Tests).
_FUZZ = dict(
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),  # slow, filtered, function-scoped: all on purpose
)
settings.register_profile("fuzz-ci", derandomize=True, max_examples=10, **_FUZZ)
settings.register_profile(
    "fuzz-long", derandomize=False, max_examples=250, print_blob=True, **_FUZZ
)

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def config(catalog: Catalog) -> Config:
    return load(catalog.parameters.values())


def audit_rows(
    catalog: Catalog,
    config: Config,
    tables: dict[str, list[dict[str, Any]]],
    as_of: date,
    **overrides: Any,
) -> AuditResult:
    """Audit rows given per kind, exactly as files of those kinds would be audited."""
    if overrides:
        config = config.with_values(overrides, "test")
    return audit_dataset(load_rows(tables, "test"), catalog, config, as_of)


def violations_of(result: AuditResult, rule_id: str) -> list[str]:
    return [v.fact.key for v in result.violations if v.rule.id == rule_id]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require_tool(path: str, package: str) -> str:
    """A system tool a test needs: skipped with the reason outside CI, a failure in CI."""
    if Path(path).is_file():
        return path
    reason = f"{path} is missing (Debian package {package}; .ci/run installs it)"
    if in_ci():
        pytest.fail(reason)
    pytest.skip(reason)


# A small exchange dataset: E1 (M1) and E3 (M2) reported late under 第十条(一), E2 in time.
MEMBERS = (
    "会员编号,会员名称,入会日期,会员状态\n"
    "M1,广西桂通商贸有限公司,2024-01-05,正常\n"
    "M2,南宁恒达物产有限公司,2024-02-01,正常\n"
)
CHANGES = (
    "事项编号,会员编号,变更事项,发生日期,报告日期,书面报告\n"
    "E1,M1,法定代表人,2025-09-26,2025-10-17,是\n"
    "E2,M1,注册资本,2025-09-26,2025-10-16,是\n"
    "E3,M2,法定代表人,2025-09-26,2025-10-20,是\n"
)


def small_dataset(folder: Path, changes: str = CHANGES, members: str = MEMBERS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "members.csv").write_text(members, encoding="utf-8")
    (folder / "change_events.csv").write_text(changes, encoding="utf-8")
    return folder
