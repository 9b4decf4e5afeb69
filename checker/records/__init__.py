"""Record kinds: the data contract. The base is in base.py; each domain has its own module."""

from checker.records import member  # noqa: F401  (importing registers the kinds)
from checker.records.base import (
    KINDS,
    SUBJECT_DIRECTORIES,
    FieldSpec,
    KindMeta,
    Record,
    SubjectType,
    field_specs,
    kind_by_stem,
)

__all__ = [
    "KINDS",
    "SUBJECT_DIRECTORIES",
    "FieldSpec",
    "KindMeta",
    "Record",
    "SubjectType",
    "field_specs",
    "kind_by_stem",
]
