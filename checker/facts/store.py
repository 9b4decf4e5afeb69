"""Facts of a store's staff rules (F000 篇十), computed before the engine or after its first pass.

How long an absence from the post lasted (its band of 篇十 #10 is policies/sales_shop.py's);
whether assigned work is overdue; each attended day's work log; the month a ledger entry belongs
to; and, after the first pass, the points of the staff violations a store manager failed to
supervise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from typing import Any, Literal

from pydantic import NonNegativeInt

from checker.config import Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext
from checker.i18n import Text
from checker.loading import Loaded, Problem
from checker.records.base import col

KINDS = (
    "StoreAssessment",
    "MorningMeeting",
    "StoreTask",
    "WorkTask",
    "PostAbsence",
    "SupervisionFinding",
    "PointDeduction",
)
SHOP_REGULATION = "shop-conduct"

Band = Literal[
    "十分钟以内", "十分钟至三十分钟", "三十分钟至三小时", "三小时至半天", "半天至一天", "一天以上"
]

PARAMETERS = (
    Parameter(
        "shop.thirty_minutes_band",
        Literal["notice", "leave"],
        "notice",
        Text(
            "离岗恰为30分钟属哪一档：“30分以内”须预先告知（notice，默认），或“30分钟以上”须向店长请假（leave）。",
            "Which band an absence of exactly 30 minutes falls in: 'within 30 minutes', "
            "notice (default), or '30 minutes and more', the manager's leave (leave).",
        ),
    ),
    Parameter(
        "shop.half_day_minutes",
        NonNegativeInt,
        255,
        Text(
            "“半天”的分钟数，默认为9:00至17:30工作日的一半（255分钟）。",
            "Minutes in half a day; by default half of the 9:00–17:30 day (255).",
        ),
    ),
)


class AbsenceFacts(Computed):
    # Its band is a derived field (policies/sales_shop.py); the minutes between two moments need
    # a difference of date-times the language lacks.
    duration_minutes: int = col("离岗分钟数", "Whole minutes away (seconds dropped)")


class WorkTaskFacts(Computed):
    overdue: bool = col("逾期", "Done after the deadline, or not done and the deadline passed")


class LedgerFacts(Computed):
    violation_month: str = col("违规月份", "YYYY-MM of the violation")


class WorkLogDay(Computed):
    """An attended day of a store employee and the work log 篇十 #6 asks for that day."""

    work_date: date = col("日期", "Working day")
    log_started: time | None = col("日志开始时间", "When the day's work log began; empty if none")


class SupervisionFacts(Computed):
    staff_points: int = col("相关员工扣分", "Points of the unsupervised staff violations")
    double_points: int = col("店长双倍扣分", "Twice the staff points")
    related_violations: str | None = col(
        "相关违规", "The staff violations the finding refers to, with their points"
    )
    unmatched_records: str | None = col(
        "未发现违规的记录", "Related records on which no staff violation was found"
    )


COMPUTED = {
    "PostAbsence": AbsenceFacts,
    "WorkTask": WorkTaskFacts,
    "PointDeduction": LedgerFacts,
    "SupervisionFinding": SupervisionFacts,
}
DERIVED = (DerivedKind("WorkLogDay", Text("工作日志", "daily work log"), WorkLogDay),)


# --------------------------------------------------------------------------- computations


def overdue(due_at: datetime, completed_at: datetime | None, as_of: date) -> bool:
    if completed_at is not None:
        return completed_at > due_at
    return due_at.date() < as_of


def work_log_days(
    attended: Iterable[tuple[str, date]], logs: dict[tuple[str, date], time | None]
) -> Iterator[tuple[str, date, time | None]]:
    """Each (employee, day) attended, with the start of its work log or None."""
    for employee_id, day in sorted(set(attended)):
        yield employee_id, day, logs.get((employee_id, day))


def supervision(
    manager_id: str, related: Iterable[str], violations: Iterable[Any]
) -> SupervisionFacts:
    """The staff violations of the store rules a finding names, and the manager's double points.

    `violations` are the first pass's; only the store regulation's violations of other employees
    on the named records count.
    """
    keys = set(related)
    found = [
        v
        for v in violations
        if v.rule.regulation.id == SHOP_REGULATION
        and v.fact.record.key in keys
        and v.fact.subject.id != manager_id
        and v.points
    ]
    found.sort(key=lambda v: (v.fact.record.key, v.rule.id, v.fact.key))
    points = sum(v.points for v in found)
    unmatched = sorted(keys - {v.fact.record.key for v in found})
    return SupervisionFacts(
        staff_points=points,
        double_points=2 * points,
        related_violations="、".join(
            f"{v.fact.subject.name or v.fact.subject.id} {v.rule.id} {v.fact.key}（{v.points}分）"
            for v in found
        )
        or None,
        unmatched_records="、".join(unmatched) or None,
    )


# --------------------------------------------------------------------------- build


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    yield from ctx.each("StoreAssessment")
    yield from ctx.each("MorningMeeting")
    yield from ctx.each("StoreTask")
    yield from ctx.each(
        "WorkTask",
        lambda t: WorkTaskFacts(overdue=overdue(t.record.due_at, t.record.completed_at, ctx.as_of)),
    )

    def absence(item: Loaded) -> AbsenceFacts:
        seconds = (item.record.returned_at - item.record.left_at).total_seconds()
        return AbsenceFacts(duration_minutes=max(0, int(seconds // 60)))

    yield from ctx.each("PostAbsence", absence)
    yield from ctx.each(
        "PointDeduction",
        lambda d: LedgerFacts(violation_month=d.record.violation_date.strftime("%Y-%m")),
    )

    # 篇十 #6: a work log for every day a store employee came to work; only when the store keeps
    # its daily tasks, or every day of a dataset without them would look unlogged.
    if ctx.has("StoreTask"):
        logs: dict[tuple[str, date], time | None] = defaultdict(lambda: None)
        for item in ctx.records("StoreTask"):
            task = item.record
            if task.task == "工作日志" and task.started_at is not None:
                key = (task.employee_id, task.task_date)
                logs[key] = min(filter(None, (logs.get(key), task.started_at)))
        days = {
            (a.record.employee_id, a.record.work_date): a
            for a in ctx.records("Attendance")
            if a.record.present
        }
        for employee_id, day, started in work_log_days(days, logs):
            yield ctx.fact(
                days[(employee_id, day)],
                WorkLogDay(work_date=day, log_started=started),
                kind="WorkLogDay",
                occurrence="日志",
            )


def build_late(ctx: FactContext, violations: list[Any]) -> Iterator[Fact | Problem]:
    """篇十 备注: a store manager found wanting answers for the staff violations, doubled."""
    # Each finding reads only the violations on the records it names: indexed once, not a scan
    # of every violation per finding (findings × violations).
    on_record: dict[str, list[Any]] = defaultdict(list)
    for violation in violations:
        if violation.rule.regulation.id == SHOP_REGULATION:
            on_record[violation.fact.record.key].append(violation)

    def named(related: Iterable[str]) -> list[Any]:
        return [v for key in set(related) for v in on_record.get(key, ())]

    yield from ctx.each(
        "SupervisionFinding",
        lambda f: supervision(
            f.record.manager_id, f.record.related_records, named(f.record.related_records)
        ),
    )
