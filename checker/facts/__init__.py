"""Facts: what the engine sees.

A fact is one record's fields plus the facts computed for it in Python before the engine runs:
working days elapsed, whether an approval exists, counts per member and month, the member's
status on a date. Some facts stand for an obligation rather than a row (a member's annual
inspection for one year). The engine never joins or counts; everything across records is here,
one module per domain, each computation tested on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from checker.calendar import CalendarError, DateRangeError, WorkingCalendar
from checker.config import Config
from checker.i18n import Text
from checker.loading import Dataset, Loaded, Problem, Source
from checker.records import (
    KINDS,
    SUBJECT_DIRECTORIES,
    SUBJECT_POSTINGS,
    FieldSpec,
    field_specs,
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RecordRef:
    kind: str
    key: str
    source: Source


@dataclass(frozen=True, slots=True)
class Posting:
    """Where a subject worked and in which role on a given day."""

    unit: str
    role: str
    since: date | None  # first day of this posting; None when only the register says it


@dataclass(frozen=True, slots=True)
class Subject:
    type: str
    id: str
    name: str | None
    posting: Posting | None = None  # on the fact's reference date


def posting_on(day: date, periods: Iterable[Any], register: Any | None = None) -> Posting | None:
    """The posting covering `day`: the latest-starting period that covers it, else the register's.

    A period covers its start and end dates; an open end means it is current. Periods of one
    start date are taken in key order, so the answer does not depend on the input order.
    """
    covering = [
        p for p in periods if p.start_date <= day and (p.end_date is None or day <= p.end_date)
    ]
    if covering:
        latest = max(covering, key=lambda p: (p.start_date, p.key()))
        return Posting(latest.unit_id, latest.role, latest.start_date)
    unit, role = getattr(register, "unit_id", None), getattr(register, "role", None)
    return Posting(unit, role, None) if unit and role else None


# Not frozen, though never changed once made (dataclasses.replace makes another): a frozen
# dataclass's __init__ sets each field through object.__setattr__, several times slower, and a
# fact is made per record. Its values make it unhashable either way.
@dataclass(slots=True)
class Fact:
    kind: str
    key: str  # unique within the kind; a record key, or record key @ occurrence
    record: RecordRef  # the input record the fact stands on
    subject: Subject
    values: Mapping[str, Any]  # field name -> typed value
    reference_date: date | None  # decides whether a rule was in force


@dataclass(frozen=True)
class Withheld:
    """Text reports leave out unless asked (README: redaction): a secret item's title or content.

    The item stays identified by its id and grade.
    """

    item: str
    grade: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class FactKind:
    name: str
    title: Text
    fields: dict[str, FieldSpec]
    computed: frozenset[str]  # fields computed before the engine, not read from the input
    record_kind: str | None  # the input kind its facts come from; None for obligations


class Computed(BaseModel):
    """Base of the models of computed fields; their `col` titles label them in reports."""

    model_config = ConfigDict(populate_by_name=True, frozen=True)


@dataclass(frozen=True)
class DerivedKind:
    """A kind of fact that stands for an obligation, not a row: a member's inspection in a year."""

    name: str
    title: Text
    model: type[BaseModel]


@dataclass
class FactContext:
    dataset: Dataset
    config: Config
    calendar: WorkingCalendar
    as_of: date
    warnings: list[Problem] = field(default_factory=list)
    _registers: dict[str, dict[str, Subject]] = field(default_factory=dict)  # by type, by id
    _postings: dict[str, tuple[dict[str, list[Any]], dict[str, Any]]] = field(default_factory=dict)
    _shared: dict[str, Any] = field(default_factory=dict)

    def records(self, kind: str) -> list[Loaded]:
        return self.dataset.records.get(kind, [])

    def shared(self, name: str, build: Callable[[], T]) -> T:
        """What several domains read, built once per pass (the secrecy register)."""
        if name not in self._shared:
            self._shared[name] = build()
        return self._shared[name]  # type: ignore[no-any-return]

    def has(self, kind: str) -> bool:
        return kind in self.dataset.records

    def subject_name(self, subject_type: str, subject_id: str, source: Source) -> str | None:
        """The subject's name from its register; a warning when the register lacks the subject."""
        subject = self._registered(subject_type, subject_id, source)
        return None if subject is None else subject.name

    def _registered(self, subject_type: str, subject_id: str, source: Source) -> Subject | None:
        """The subject as its register names it, None without a register; a warning (once) when
        the register lacks the subject. One Subject per subject, shared by its facts."""
        subjects = self._registers.get(subject_type)
        if subjects is None:
            directory = SUBJECT_DIRECTORIES.get(subject_type)
            if directory is None or not self.has(directory[0]):
                return None
            kind, name_field = directory
            subjects = self._registers[subject_type] = {}
            for item in self.records(kind):
                registered = item.record.subject_id() or ""
                subjects[registered] = Subject(
                    subject_type, registered, getattr(item.record, name_field)
                )
        subject = subjects.get(subject_id)
        if subject is None:
            subject = subjects[subject_id] = Subject(subject_type, subject_id, None)
            title = KINDS[SUBJECT_DIRECTORIES[subject_type][0]].meta.title
            self.warnings.append(
                Problem(
                    source,
                    Text(
                        f"{title.zh}中没有 {subject_id}：依赖其状态的检查不适用于该对象的记录",
                        f"{subject_id} is not in the {title.en}: checks that need its status do "
                        f"not "
                        f"apply to its records",
                    ),
                    rejects_record=False,
                )
            )
        return subject

    def with_posting(self, fact: Fact) -> Fact:
        """The fact with its subject's store or department and role on the fact's date.

        An employee who changes store or role mid-month is reported, for each violation, where
        and as what they worked that day. Only a violation's fact needs it (the audit asks).
        """
        subject_type = fact.subject.type
        if fact.reference_date is None or subject_type not in SUBJECT_POSTINGS:
            return fact
        if subject_type not in self._postings:
            periods: dict[str, list[Any]] = defaultdict(list)
            for item in self.records(SUBJECT_POSTINGS[subject_type]):
                periods[item.record.subject_id() or ""].append(item.record)
            directory = SUBJECT_DIRECTORIES.get(subject_type)
            registers = {
                item.record.subject_id() or "": item.record
                for item in (self.records(directory[0]) if directory else ())
            }
            self._postings[subject_type] = (periods, registers)
        periods, registers = self._postings[subject_type]
        posting = posting_on(
            fact.reference_date,
            periods.get(fact.subject.id, ()),
            registers.get(fact.subject.id),
        )
        if posting is None:
            return fact
        return replace(fact, subject=replace(fact.subject, posting=posting))

    def answered_by(self, fact: Fact, person_id: str) -> Fact:
        """The fact attributed to another person of the subject's type (the archivist who lent
        a file), with that person's name and posting."""
        subject_type = fact.subject.type
        name = self.subject_name(subject_type, person_id, fact.record.source)
        return self.with_posting(replace(fact, subject=Subject(subject_type, person_id, name)))

    def subject(self, loaded: Loaded) -> Subject:
        record = loaded.record
        meta = record.meta
        assert meta.subject is not None, f"{meta.name} is reference data, not audited"
        subject_id = record.subject_id() or ""
        if meta.subject_name_field:
            return Subject(meta.subject.code, subject_id, getattr(record, meta.subject_name_field))
        return self._registered(meta.subject.code, subject_id, loaded.source) or Subject(
            meta.subject.code, subject_id, None
        )

    def fact(
        self,
        loaded: Loaded,
        computed: BaseModel | None = None,
        *,
        kind: str | None = None,
        occurrence: str | None = None,
        reference_date: date | None = None,
    ) -> Fact:
        """The fact of a record, with its computed fields: runs once per record, kept lean."""
        record = loaded.record
        meta = record.meta
        # The record's own fields, read-only, not copied: a fact per record is kept in memory.
        values: Mapping[str, Any] = (
            MappingProxyType(record.__dict__)
            if computed is None
            else {**record.__dict__, **computed.__dict__}
        )
        record_key = record.key()
        key = record_key if occurrence is None else f"{record_key}@{occurrence}"
        if reference_date is None and meta.date_field:
            reference_date = getattr(record, meta.date_field)
        if isinstance(reference_date, datetime):  # a kind dated by a date-time: its day
            reference_date = reference_date.date()
        return Fact(
            kind or meta.name,
            key,
            RecordRef(meta.name, record_key, loaded.source),
            self.subject(loaded),
            values,
            reference_date,
        )

    def each(
        self, kind: str, compute: Callable[[Loaded], BaseModel | None] | None = None
    ) -> Iterator[Fact | Problem]:
        """One fact per record of a kind, with its computed fields; a failure rejects the record."""
        fact = self.fact
        if compute is None:
            for loaded in self.records(kind):
                yield fact(loaded)
            return
        for loaded in self.records(kind):
            try:
                computed = compute(loaded)
            except CalendarError as error:
                yield self.unplaced(loaded, error)
                continue
            yield fact(loaded, computed)

    def unplaced(self, loaded: Loaded, error: CalendarError) -> Problem:
        return unplaced(loaded.source, error)


def unplaced(source: Source, error: CalendarError) -> Problem:
    """A record whose dates the calendar cannot place or move: rejected, with the reason (a year
    the calendar does not know, a deadline past 9999-12-31)."""
    if isinstance(error, DateRangeError):
        return Problem(source, Text(f"无法推算日期：{error}", f"cannot work out a date: {error}"))
    return Problem(source, Text(f"无法计算工作日：{error}", f"cannot count working days: {error}"))


# --------------------------------------------------------------------------- the domains

import importlib  # noqa: E402
import pkgutil  # noqa: E402

# One module per domain, each with KINDS, COMPUTED, DERIVED and build(); some also have
# LATE_KINDS and build_late() for facts that depend on the first pass's violations, and
# withheld() for text reports must not show (secret titles).
DOMAINS = tuple(
    importlib.import_module(f"{__name__}.{name}")  # needs the classes above
    for name in sorted(m.name for m in pkgutil.iter_modules(__path__))
)


def _fact_kinds() -> dict[str, FactKind]:
    kinds: dict[str, FactKind] = {}
    for domain in DOMAINS:
        for name in domain.KINDS:
            record_specs = field_specs(KINDS[name])
            computed_model = domain.COMPUTED.get(name)
            computed_specs = field_specs(computed_model) if computed_model else {}
            clash = record_specs.keys() & computed_specs.keys()
            if clash:
                raise TypeError(f"{name}: computed fields shadow record fields {sorted(clash)}")
            kinds[name] = FactKind(
                name,
                KINDS[name].meta.title,
                record_specs | computed_specs,
                frozenset(computed_specs),
                name,
            )
        for derived in domain.DERIVED:
            specs = field_specs(derived.model)
            kinds[derived.name] = FactKind(
                derived.name, derived.title, specs, frozenset(specs), None
            )
    return kinds


FACT_KINDS = _fact_kinds()


def build_facts(context: FactContext) -> tuple[list[Fact], list[Problem]]:
    """The facts of the first pass: every record and obligation, computed before the engine."""
    return _collect(context, (domain.build(context) for domain in DOMAINS))


def withheld_texts(dataset: Dataset, config: Config) -> list[Withheld]:
    """What every report of this dataset withholds by default; domains with secrets say it."""
    return [
        entry
        for domain in DOMAINS
        if hasattr(domain, "withheld")
        for entry in domain.withheld(dataset, config)
    ]


def build_late_facts(
    context: FactContext, violations: list[Any]
) -> tuple[list[Fact], list[Problem]]:
    """Facts that depend on the first pass's violations (a manager's supervisory liability).

    `violations` are the first pass's; a domain reads their rule, record and points.
    """
    return _collect(
        context,
        (
            domain.build_late(context, violations)
            for domain in DOMAINS
            if hasattr(domain, "build_late")
        ),
    )


def _collect(
    context: FactContext, streams: Iterable[Iterable[Fact | Problem]]
) -> tuple[list[Fact], list[Problem]]:
    facts: list[Fact] = []
    problems: list[Problem] = []
    for stream in streams:
        for item in stream:
            if isinstance(item, Problem):
                problems.append(item)
            else:
                facts.append(item)
    # A record a domain rejected is not audited, by any fact that stands on it: it is counted
    # rejected, and a finding on it would contradict the count.
    rejected = {
        (p.source.input, p.source.row)
        for p in problems
        if p.rejects_record and p.source.row is not None
    }
    if rejected:
        facts = [f for f in facts if (f.record.source.input, f.record.source.row) not in rejected]
    problems.extend(context.warnings)
    context.warnings.clear()
    context._shared.clear()  # not kept through the audit: the secrecy register holds everyone
    return facts, problems
