"""Derived fields as the engines measure them, for the tests of the facts they replaced."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel

from checker.calendar import WorkingCalendar
from checker.catalog import load_catalog
from checker.columnar import Unplaced, measure
from checker.config import load
from checker.facts import Fact, RecordRef, Subject
from checker.loading import Loaded, Source
from checker.records.base import Record


def measured(
    kind: str,
    records: list[BaseModel | dict[str, Any]],
    as_of: date,
    *,
    related: Sequence[Record] = (),
    **settings: Any,
) -> list[dict[str, Any] | Unplaced]:
    """Each record's derived fields (of every policy module) as a fact of `kind`, in order;
    `related`: the input's records of other kinds that related() reads, in input order."""
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
    inputs: dict[str, list[Loaded]] = {}
    for row, other in enumerate(related, start=2):
        inputs.setdefault(other.meta.name, []).append(Loaded(other, Source("r", row)))
    found = measure(facts, list(catalog.rules.values()), config, WorkingCalendar(), as_of, inputs)
    return [found[n] for n in range(len(records))]
