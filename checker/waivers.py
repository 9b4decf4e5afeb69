"""Waivers: approved exceptions to a rule for one record or one subject, with their governance.

A waivers file (YAML or TOML) holds a list `waivers`; each entry names a rule and a record key
or a subject (or both), and must give a justification, the approver and the approval date; an
expiry date is optional. Dates are days in the file's `time_zone` (default Asia/Shanghai): a
waiver approved on A and expiring on E is in force from the start of A to the end of E. An
expiry may also be a date-time, with an offset or in the file's zone.

A waiver is in force on an audit date only if it covers that whole day, so the audit date
(`--as-of`) alone decides, and a finding is never waived for part of the day it is audited.
A malformed entry stops the audit with an error that names the file, the entry and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from checker.catalog import Catalog
from checker.config import side_file_text, toml_document
from checker.safety import brief
from checker.values import clip

DEFAULT_TIME_ZONE = "Asia/Shanghai"
State = Literal["active", "expired", "not_yet_approved", "refused", "stale"]


class WaiverError(ValueError):
    """A waivers file that cannot be used; the message names the file, entry and field."""


class _Entry(BaseModel):
    """One entry as written; unknown keys are errors (a misspelt `expires` must not be lost)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str | None = None
    rule: str
    record: str | None = None
    subject: str | None = None
    kind: str | None = None
    justification: str
    approver: str
    approved: date
    expires: date | datetime | None = None

    @field_validator("id", "rule", "record", "subject", "kind", "justification", "approver")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value:
            raise ValueError("must not be empty")
        return value

    @field_validator("approved", mode="before")
    @classmethod
    def _a_day(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            raise ValueError("is a day (YYYY-MM-DD), not a date-time")
        return value

    @field_validator("expires", mode="before")
    @classmethod
    def _day_or_moment(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return (date if len(value) == 10 else datetime).fromisoformat(value)
            except ValueError:
                raise ValueError(
                    "is neither a day (YYYY-MM-DD) nor a date-time (YYYY-MM-DDTHH:MM+08:00)"
                ) from None
        return value

    @model_validator(mode="after")
    def _names_what_it_waives(self) -> _Entry:
        if self.record is None and self.subject is None:
            raise ValueError("names neither a record nor a subject: a waiver is for one of them")
        return self


@dataclass(frozen=True)
class Waiver:
    id: str
    entry: int  # position in the file, from 1
    rule_id: str
    record: str | None
    subject: str | None
    kind: str | None
    justification: str
    approver: str
    approved: date
    starts: datetime  # the start of the approval day
    expires: str | None  # as written: a day, or a date-time with its offset
    ends: datetime | None  # the first moment it no longer covers, time-zone aware
    waivable: bool  # False when its rule's metadata forbids waivers

    def matches(self, rule_id: str, kind: str, record_key: str, subject_id: str) -> bool:
        """The record key as the report shows it, or the input record of an occurrence (K@n)."""
        return (
            rule_id == self.rule_id
            and self.kind in (None, kind)
            and self.record in (None, record_key, record_key.split("@", 1)[0])
            and self.subject in (None, subject_id)
        )

    def state(self, as_of: date, zone: tzinfo) -> State:
        """Whether it covers the whole audit day; `refused` when its rule is not waivable."""
        if not self.waivable:
            return "refused"
        day_starts = datetime.combine(as_of, time(), zone)
        if self.starts > day_starts:
            return "not_yet_approved"
        if self.ends is None:
            return "active"
        # The calendar's last day has no next day: a waiver ending at all ends before its end.
        if as_of == date.max or self.ends < day_starts + timedelta(days=1):
            return "expired"
        return "active"


@dataclass(frozen=True)
class WaiverFile:
    path: str
    zone: tzinfo
    waivers: tuple[Waiver, ...]


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases, and without a key written twice in one mapping.

    An alias (*name) repeats a node by reference: nested, 390 bytes grow to gigabytes once
    anything renders them ("billion laughs"), and a waiver list has no use for one. A key
    written twice would silently keep the last value: which was meant?
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not accepted in a waivers file", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if isinstance(key, (str, int, float, bool, date)) and key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"field {brief(key)} is written twice",
                        key_node.start_mark,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: Any) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more than 4,300 digits
            raise yaml.constructor.ConstructorError(
                None, None, "a number too long to read", node.start_mark
            ) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)


def _yaml(text: str, path: Path) -> Any:
    loader = _StrictLoader(text)
    loader.name = str(path)  # what its messages name
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _read(path: Path) -> Any:
    text = side_file_text(path, WaiverError)
    if path.suffix.lower() == ".toml":
        return toml_document(text, path, WaiverError)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise WaiverError(f"{path}: a waivers file is YAML (.yaml, .yml) or TOML (.toml)")
    try:
        return _yaml(text, path)
    except (yaml.YAMLError, ValueError) as error:  # PyYAML raises ValueError for 2026-02-30
        raise WaiverError(f"{path}: not valid YAML: {error}") from None
    except RecursionError:
        raise WaiverError(f"{path}: 嵌套过深 / nested too deeply") from None


def _zone(path: Path, name: Any) -> tzinfo:
    if not isinstance(name, str):
        raise WaiverError(f"{path}: time_zone must be a name such as {DEFAULT_TIME_ZONE}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise WaiverError(
            f"{path}: time_zone {brief(name)} is not a known time zone (e.g. {DEFAULT_TIME_ZONE})"
        ) from None


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(x) for x in item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = f"unknown field (known: {', '.join(_Entry.model_fields)})"
        elif item["type"] == "missing":
            message = "is required"
        parts.append(f"{where} {message}" if where else message)
    return "; ".join(parts)


def load_waivers(path: Path, catalog: Catalog) -> WaiverFile:
    document = _read(path)
    if not isinstance(document, dict) or not isinstance(document.get("waivers"), list):
        raise WaiverError(
            f"{path}: expected a list `waivers` (YAML `waivers:` with `- rule: …` items, "
            "TOML `[[waivers]]` tables)"
        )
    unknown = set(document) - {"waivers", "time_zone"}
    if unknown:
        names = ", ".join(clip(key) for key in sorted(map(str, unknown)))
        raise WaiverError(f"{path}: unknown top-level key(s) {names} (known: time_zone, waivers)")
    zone = _zone(path, document.get("time_zone", DEFAULT_TIME_ZONE))
    waivers: list[Waiver] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(document["waivers"], start=1):
        label = f"{path}: waiver {number}"
        if isinstance(item, dict) and item.get("id"):
            label += f" ({clip(item['id'])})"
        elif isinstance(item, dict) and item.get("rule"):
            label += f" ({clip(item['rule'])})"
        if not isinstance(item, dict):
            raise WaiverError(f"{label}: expected a table of fields, got {brief(item)}")
        try:
            entry = _Entry.model_validate(item)
        except ValidationError as error:
            raise WaiverError(f"{label}: {_describe(error)}") from None
        rule = catalog.find(entry.rule)
        if rule is None:
            raise WaiverError(f"{label}: unknown rule {clip(entry.rule)}")
        waiver_id = entry.id or f"#{number}"
        if waiver_id in seen:
            raise WaiverError(
                f"{label}: id {clip(waiver_id)} is used by waiver {seen[waiver_id]} too"
            )
        seen[waiver_id] = number
        ends = _end(entry.expires, zone)
        starts = datetime.combine(entry.approved, time(), zone)
        if ends is not None and ends <= starts:
            raise WaiverError(f"{label}: expires before it was approved")
        waivers.append(
            Waiver(
                id=waiver_id,
                entry=number,
                rule_id=rule.id,
                record=entry.record,
                subject=entry.subject,
                kind=entry.kind,
                justification=entry.justification,
                approver=entry.approver,
                approved=entry.approved,
                starts=starts,
                expires=_written(entry.expires, zone),
                ends=ends,
                waivable=rule.waivable,
            )
        )
    return WaiverFile(str(path), zone, tuple(waivers))


def _written(value: date | datetime | None, zone: tzinfo) -> str | None:
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return moment.isoformat(timespec="seconds")
    return None if value is None else value.isoformat()


def _end(value: date | datetime | None, zone: tzinfo) -> datetime | None:
    """The first moment the waiver no longer covers: the day after an expiry day begins."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=zone)
    if value == date.max:
        return None  # the calendar's last day has no next one: it never ends in practice
    return datetime.combine(value + timedelta(days=1), time(), zone)
