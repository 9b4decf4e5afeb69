"""Facts computed before the engine for the staff records shared by the sales regulations.

Attendance is where most of the arithmetic is: the shift a day is measured against, each late
arrival and early departure as an occurrence of its own with its minutes, whether approved leave
covers an absence, and the rank of a missed-punch form within its month. Each computation is a
small function tested on its own (tests/test_sales_facts.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from math import ceil, floor
from typing import Literal

from checker.config import Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext
from checker.i18n import Text
from checker.loading import Problem
from checker.records.base import Money, col
from checker.records.sales import Attendance, Employee, LeaveRequest, PunchExemption

KINDS = (
    "Employee",
    "Assignment",
    "Attendance",
    "LeaveRequest",
    "ConductObservation",
    "PunchExemption",
    "Overtime",
)

Rounding = Literal["ceil", "floor", "nearest"]

PARAMETERS = (
    Parameter(
        "staff.day_start",
        time,
        time(9, 0),
        Text(
            "考勤记录未填应到时间时的上班时间（篇十：早上9点上班）。",
            "Start of the working day when an attendance record gives none (篇十: 9:00).",
        ),
    ),
    Parameter(
        "staff.day_end",
        time,
        time(17, 30),
        Text(
            "考勤记录未填应退时间时的下班时间（篇十：17:30下班）。",
            "End of the working day when an attendance record gives none (篇十: 17:30).",
        ),
    ),
    Parameter(
        "staff.leave_limits",
        dict[str, float] | None,
        None,
        Text(
            "各类假期的时限（天），如 {事假 = 3, 婚假 = 3}；"
            "扩展5第8句所说“上述假期时限”原文未载，须由公司设定。",
            "Days allowed per kind of leave, e.g. {事假 = 3, 婚假 = 3}; the limits 扩展5 #8 "
            "refers to are not in the text and must be set by the company.",
        ),
    ),
    Parameter(
        "staff.minute_rounding",
        Rounding,
        "ceil",
        Text(
            "迟到、早退不足整分钟的秒数如何计为分钟：进一（ceil，默认：3分20秒计4分钟）、"
            "舍去（floor）或四舍五入（nearest）。",
            "How seconds of lateness count as minutes: up (ceil, default: 3 min 20 s is 4 "
            "minutes), down (floor) or to the nearest (nearest).",
        ),
    ),
)

CENT = Decimal("0.01")


class AttendanceFacts(Computed):
    on_approved_leave: bool = col("有获批请假", "Approved leave covers the day")
    leave_ids: str | None = col("请假编号", "Leave requests covering the day")
    exemption_id: str | None = col("忘打卡单编号", "The missed-punch form for the day")
    exemption_rank: int | None = col(
        "当月第几张忘打卡单", "Rank of the day's form among the employee's forms that month"
    )
    daily_wage_cny: Money | None = col("日工资(元)", "From the staff register")


class PunchTime(Computed):
    """A day's clock-in or clock-out against the shift; each lateness is an occurrence."""

    punch: Literal["上班", "下班"] = col("打卡", "Clock-in (上班) or clock-out (下班)")
    work_date: date = col("日期", "Working day")
    scheduled: time = col("应到/应退时间", "The shift's start or end")
    actual: time = col("打卡时间", "The punch")
    seconds: int = col("秒数", "Seconds late or early; 0 when on time")
    minutes: int = col("分钟数", "Minutes, rounded as staff.minute_rounding says")
    daily_wage_cny: Money | None = col("日工资(元)", "From the staff register")
    half_day_wage_cny: Money | None = col("半天工资(元)", "Half the day's pay, to the 分")


class LeaveFacts(Computed):
    days_ahead: int | None = col(
        "提前天数", "Days between handing in the request and the first day of leave"
    )
    limit_days: Decimal | None = col("假期时限(天)", "From staff.leave_limits for the kind")
    days_over_limit: Decimal | None = col("超出时限天数", "Days beyond the limit, if any")


COMPUTED = {"Attendance": AttendanceFacts, "LeaveRequest": LeaveFacts}
DERIVED = (DerivedKind("PunchTime", Text("上下班打卡", "clock-in or clock-out"), PunchTime),)


# --------------------------------------------------------------------------- computations


def round_minutes(seconds: int, rounding: Rounding) -> int:
    """Seconds as whole minutes: 200 s is 4 (ceil), 3 (floor) or 3 (nearest, half up)."""
    if rounding == "ceil":
        return ceil(seconds / 60)
    if rounding == "floor":
        return floor(seconds / 60)
    return int((Decimal(seconds) / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _seconds(earlier: time, later: time) -> int:
    day = date(2000, 1, 1)
    return int((datetime.combine(day, later) - datetime.combine(day, earlier)).total_seconds())


def punches(
    record: Attendance, start: time, end: time, rounding: Rounding
) -> Iterator[tuple[Literal["上班", "下班"], time, time, int, int]]:
    """A day's punches, each (which, scheduled, punched, seconds late or early, minutes).

    A punch on or before the start (on or after the end) is 0 seconds; a missing punch is no
    punch (it is a missing punch), and an absent day has none.
    """
    if not record.present:
        return
    if record.clock_in is not None:
        seconds = max(0, _seconds(start, record.clock_in))
        yield "上班", start, record.clock_in, seconds, round_minutes(seconds, rounding)
    if record.clock_out is not None:
        seconds = max(0, _seconds(record.clock_out, end))
        yield "下班", end, record.clock_out, seconds, round_minutes(seconds, rounding)


def covering_leave(day: date, requests: Iterable[LeaveRequest]) -> list[str]:
    """Approved leave requests whose days include `day`."""
    return sorted(r.leave_id for r in requests if r.approved and r.start_date <= day <= r.end_date)


def exemption_ranks(forms: Iterable[PunchExemption]) -> dict[str, int]:
    """Each form's rank among its employee's forms in the same calendar month (1 = first).

    Forms of one day are ranked by their number, so the order is the same whatever the input
    order.
    """
    by_month: dict[tuple[str, int, int], list[PunchExemption]] = defaultdict(list)
    for form in forms:
        by_month[(form.employee_id, form.work_date.year, form.work_date.month)].append(form)
    ranks: dict[str, int] = {}
    for month_forms in by_month.values():
        ordered = sorted(month_forms, key=lambda f: (f.work_date, f.exemption_id))
        for rank, form in enumerate(ordered, start=1):
            ranks[form.exemption_id] = rank
    return ranks


def leave_facts(request: LeaveRequest, limits: dict[str, float] | None) -> LeaveFacts:
    """How far ahead a request came and how many of its days exceed the kind's limit."""
    ahead = (
        (request.start_date - request.submitted_at.date()).days if request.submitted_at else None
    )
    configured = (limits or {}).get(request.leave_type)
    limit = None if configured is None else Decimal(str(configured))
    return LeaveFacts(
        days_ahead=ahead,
        limit_days=limit,
        days_over_limit=None if limit is None else max(Decimal(0), request.days - limit),
    )


def half(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else (amount / 2).quantize(CENT, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------- build


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    params = ctx.config
    employees: dict[str, Employee] = {
        e.record.employee_id: e.record for e in ctx.records("Employee")
    }
    leave_by_employee: dict[str, list[LeaveRequest]] = defaultdict(list)
    for item in ctx.records("LeaveRequest"):
        leave_by_employee[item.record.employee_id].append(item.record)
    forms = [f.record for f in ctx.records("PunchExemption")]
    ranks = exemption_ranks(forms)
    form_of_day = {(f.employee_id, f.work_date): f.exemption_id for f in forms}
    rounding = params["staff.minute_rounding"]

    for kind in ("Employee", "Assignment", "ConductObservation", "PunchExemption", "Overtime"):
        yield from ctx.each(kind)
    yield from ctx.each(
        "LeaveRequest", lambda r: leave_facts(r.record, params["staff.leave_limits"])
    )

    for item in ctx.records("Attendance"):
        record: Attendance = item.record
        employee = employees.get(record.employee_id)
        wage = employee.daily_wage_cny if employee else None
        # The shift, as the derived fields day_start and day_end of policies/hr_basic.py have it.
        start = record.scheduled_in or params["staff.day_start"]
        end = record.scheduled_out or params["staff.day_end"]
        leave = covering_leave(record.work_date, leave_by_employee.get(record.employee_id, []))
        form = form_of_day.get((record.employee_id, record.work_date))
        yield ctx.fact(
            item,
            AttendanceFacts(
                on_approved_leave=bool(leave),
                leave_ids="、".join(leave) or None,
                exemption_id=form,
                exemption_rank=ranks.get(form) if form else None,
                daily_wage_cny=wage,
            ),
        )
        for punch, scheduled, actual, seconds, minutes in punches(record, start, end, rounding):
            yield ctx.fact(
                item,
                PunchTime(
                    punch=punch,
                    work_date=record.work_date,
                    scheduled=scheduled,
                    actual=actual,
                    seconds=seconds,
                    minutes=minutes,
                    daily_wage_cny=wage,
                    half_day_wage_cny=half(wage),
                ),
                kind="PunchTime",
                occurrence=punch,
            )
