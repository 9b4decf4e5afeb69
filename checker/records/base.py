"""The base of every record kind.

Every kind is a pydantic model with English field names and Chinese aliases, so a spreadsheet
export with Chinese column headers loads as it is. Field types are deliberately few (text, choice,
integer, decimal, money in 元, yes/no, date, set of choices) because the engine, the reports and
the generated data contract all need to know how to treat each one.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.fields import FieldInfo

from checker.i18n import Text


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


MONEY = _Marker("money")

TRUE_WORDS = frozenset({"true", "t", "yes", "y", "1", "是", "有", "√", "✓", "✔"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "0", "否", "无", "×", "✗", "✘"})


def _parse_flag(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
    return value


def _check_money(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("amount must be a finite number")
    try:
        exact = value.quantize(Decimal("0.01"))
    except InvalidOperation as error:  # absurdly large amounts
        raise ValueError("amount is out of range") from error
    if exact != value:
        raise ValueError("amount has more than 2 decimal places (分)")
    return value if value.as_tuple().exponent == -2 else exact  # the loader's amounts are shared


_TAG_SEPARATORS = re.compile(r"[;；、,，\n]+")


def split_tags(text: str) -> frozenset[str]:
    """The entries of one cell, separated by ；、, or new lines."""
    return frozenset(part.strip() for part in _TAG_SEPARATORS.split(text) if part.strip())


def _split_tags(value: Any) -> Any:
    return split_tags(value) if isinstance(value, str) else value


Money = Annotated[Decimal, AfterValidator(_check_money), MONEY]
"""An amount in 元 with at most two decimals; the engine sees it as integer 分."""

Flag = Annotated[bool, BeforeValidator(_parse_flag)]
"""Yes/no; accepts 是/否, Y/N, true/false, 1/0 as spreadsheets write them."""


TextSet = Annotated[frozenset[str], BeforeValidator(_split_tags)]
"""A set of free-text entries written in one cell, separated by ；、, or new lines."""


def tag_set(*choices: str) -> Any:
    """A set of choices written in one cell, separated by ；、, or new lines."""
    return Annotated[frozenset[Literal[choices]], BeforeValidator(_split_tags)]  # type: ignore[valid-type]


def col(zh: str, en: str, **kwargs: Any) -> Any:
    """A field: its Chinese column header (also accepted on input) and an English description."""
    return Field(alias=zh, title=zh, description=en, **kwargs)


# --------------------------------------------------------------------------- field introspection

FieldType = Literal[
    "text", "choice", "int", "decimal", "money", "bool", "date", "datetime", "time", "set"
]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # Chinese header
    description: str
    type: FieldType
    choices: tuple[str, ...]
    required: bool


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any], bool]:
    """Strip Optional and Annotated: the bare type, all metadata, whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata = [*metadata, *extra]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                raise TypeError(f"unsupported union {annotation!r}")
            annotation = args[0]
        else:
            return annotation, metadata, optional


def describe_field(name: str, info: FieldInfo) -> FieldSpec:
    annotation, metadata, optional = _unwrap(info.annotation, list(info.metadata))
    origin = typing.get_origin(annotation)
    choices: tuple[str, ...] = ()
    kind: FieldType
    if origin is frozenset:
        (inner,) = typing.get_args(annotation)
        choices = tuple(typing.get_args(inner)) if typing.get_origin(inner) is Literal else ()
        kind = "set"
    elif origin is Literal:
        choices = tuple(typing.get_args(annotation))
        kind = "choice"
    elif annotation is bool:
        kind = "bool"
    elif annotation is int:
        kind = "int"
    elif annotation is Decimal:
        kind = "money" if any(m is MONEY for m in metadata) else "decimal"
    elif annotation is datetime:  # before date: a datetime is a date
        kind = "datetime"
    elif annotation is date:
        kind = "date"
    elif annotation is time:
        kind = "time"
    elif annotation is str:
        kind = "text"
    else:
        raise TypeError(f"field {name}: unsupported type {annotation!r}")
    return FieldSpec(
        name=name,
        label=info.title or name,
        description=info.description or "",
        type=kind,
        choices=choices,
        required=info.is_required() and not optional,
    )


def field_specs(model: type[BaseModel]) -> dict[str, FieldSpec]:
    return {name: describe_field(name, info) for name, info in model.model_fields.items()}


# --------------------------------------------------------------------------- kinds


@dataclass(frozen=True)
class SubjectType:
    """Who a violation is attributed to: a member, an applicant, an employee…"""

    code: str
    title: Text


@dataclass(frozen=True)
class KindMeta:
    name: str
    title: Text
    file_stem: str  # dataset file name without extension, e.g. change_events.csv
    key_fields: tuple[str, ...]
    subject: SubjectType | None  # None for reference data (a fee schedule) that no rule audits
    subject_field: str | None
    subject_name_field: str | None = None
    date_field: str | None = None  # the date that decides whether a rule was in force


class Record(BaseModel):
    """Base of every input record kind."""

    model_config = ConfigDict(
        populate_by_name=True, extra="forbid", frozen=True, str_strip_whitespace=True
    )
    meta: ClassVar[KindMeta]

    def key(self) -> str:
        fields = self.meta.key_fields  # mostly one: its text alone, without a join (per record)
        if len(fields) == 1:
            return str(getattr(self, fields[0]))
        return "/".join([str(getattr(self, f)) for f in fields])

    def subject_id(self) -> str | None:
        field = self.meta.subject_field
        return None if field is None else str(getattr(self, field))


KINDS: dict[str, type[Record]] = {}
"""Every input record kind by name, in registration order."""

SUBJECT_DIRECTORIES: dict[str, tuple[str, str]] = {}
"""Subject type code -> (kind, field) whose records give the subjects' names."""

SUBJECT_POSTINGS: dict[str, str] = {}
"""Subject type code -> kind whose records say where a subject worked, in which role, from when
to when (fields unit_id, role, start_date, end_date). The directory's own unit_id and role cover
the days no such record does."""


def record_kind(meta: KindMeta) -> Any:
    def register(cls: type[Record]) -> type[Record]:
        if meta.name in KINDS:
            raise ValueError(f"record kind {meta.name} registered twice")
        fields = cls.model_fields
        for name in (
            *meta.key_fields,
            meta.subject_field,
            meta.subject_name_field,
            meta.date_field,
        ):
            if name is not None and name not in fields:
                raise ValueError(f"record kind {meta.name}: unknown field {name}")
        field_specs(cls)  # fail at import on an unsupported field type
        cls.meta = meta
        KINDS[meta.name] = cls
        return cls

    return register


def kind_by_stem(stem: str) -> type[Record] | None:
    """Find a kind by a file stem: its file name, its English name or its Chinese title."""
    wanted = stem.strip().lower()
    for cls in KINDS.values():
        if wanted in (cls.meta.file_stem.lower(), cls.meta.name.lower(), cls.meta.title.zh):
            return cls
    return None
