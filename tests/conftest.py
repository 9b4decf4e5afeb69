"""Shared helpers: the loaded rules, a default configuration, audits of in-memory rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.audit import AuditResult, audit_dataset
from checker.catalog import Catalog, load_catalog
from checker.config import Config, load
from checker.loading import load_rows
from tests.postgres import postgres  # noqa: F401 — a real server for the tests that ask for it

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
