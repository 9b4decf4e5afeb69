"""Derived fields as the engines measure them, for the tests of the facts they replaced."""

from collections.abc import Mapping, Sequence
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
    kind: str | None,
    records: Sequence[BaseModel | Mapping[str, Any]],
    as_of: date,
    *,
    extra: Mapping[str, Any] | None = None,
    related: Sequence[Record] = (),
    **settings: Any,
) -> list[dict[str, Any] | Unplaced]:
    """Each record's derived fields (of every policy module), measured as a fact of `kind` (None:
    each record's own kind), in order. `extra`: values computed in Python that the derived
    fields read; `related`: the input's records of other kinds that related() reads, in input
    order; `settings`: configuration values."""
    catalog = load_catalog()
    config = load(catalog.parameters.values()).with_values(settings, "test")
    facts = []
    for n, record in enumerate(records):
        fact_kind = kind or record.meta.name  # type: ignore[union-attr]
        key = str(n)
        values = {**dict(record), **(extra or {})}
        reference = RecordRef(fact_kind, key, Source("t", n + 2))
        facts.append(Fact(fact_kind, key, reference, Subject("t", "S", None), values, as_of))
    inputs: dict[str, list[Loaded]] = {}
    for row, other in enumerate(related, start=2):
        inputs.setdefault(other.meta.name, []).append(Loaded(other, Source("r", row)))
    found = measure(facts, list(catalog.rules.values()), config, WorkingCalendar(), as_of, inputs)
    return [found[n] for n in range(len(records))]
