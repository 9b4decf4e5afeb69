"""Derived fields as the engines measure them, for the tests of the facts they replaced."""

from datetime import date
from typing import Any

from pydantic import BaseModel

from checker.calendar import WorkingCalendar
from checker.catalog import load_catalog
from checker.columnar import Unplaced, measure
from checker.config import load
from checker.facts import Fact, RecordRef, Subject
from checker.loading import Source


def measured(
    kind: str, records: list[BaseModel | dict[str, Any]], as_of: date, **settings: Any
) -> list[dict[str, Any] | Unplaced]:
    """Each record's derived fields (of every policy module) as a fact of `kind`, in order."""
    catalog = load_catalog()
    config = load(catalog.parameters.values()).with_values(settings, "test")
    facts = [
        Fact(
            kind,
            str(n),
            RecordRef(kind, str(n), Source("t", n + 2)),
            Subject("employee", "E1", None),
            dict(record),
            as_of,
        )
        for n, record in enumerate(records)
    ]
    found = measure(facts, list(catalog.rules.values()), config, WorkingCalendar(), as_of)
    return [found[n] for n in range(len(records))]
