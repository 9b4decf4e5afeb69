"""Record kinds: the data contract. The base is in base.py; each domain has its own module."""

import importlib
import pkgutil

from checker.records.base import (
    KINDS,
    SUBJECT_DIRECTORIES,
    SUBJECT_POSTINGS,
    FieldSpec,
    KindMeta,
    Record,
    SubjectType,
    field_specs,
    kind_by_stem,
)

# Importing a domain module registers its kinds; sorted, so the contract lists them in one order.
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base"):
    importlib.import_module(f"{__name__}.{_module}")

__all__ = [
    "KINDS",
    "SUBJECT_DIRECTORIES",
    "SUBJECT_POSTINGS",
    "FieldSpec",
    "KindMeta",
    "Record",
    "SubjectType",
    "field_specs",
    "kind_by_stem",
]
