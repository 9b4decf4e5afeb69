"""Facts computed before the engine for a sales department's rules (F002 扩展3).

The counting the text asks for is done here, per employee, in small pure functions tested on
their own (tests/test_sales_department_facts.py): a key-account specialist's missing contacts and
their running total in the window (少一个罚款20元累积超过5次予以劝退), the rank of each refusal of
another's customer (违规三次者予以除名), roadshows per month, a probationer's sales in the first
two months, leave that falls on a training day, and the months a manager owes the monthly table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Literal

from checker.calendar import CalendarError, add_months, shift
from checker.facts import Computed, DerivedKind, Fact, FactContext
from checker.i18n import Text
from checker.loading import Loaded, Problem
from checker.records.base import Money, col
from checker.records.sales import ConductObservation, Employee, LeaveRequest
from checker.records.sales_department import DeptProspectingDay

KINDS = (
    "DeptProspectingDay",
    "DeptRoadshow",
    "DeptReception",
    "DeptCustomerOverlap",
    "DeptVehicleSale",
    "DeptProbationReview",
    "DeptOuting",
    "DeptAfterHours",
    "DeptMondayMeeting",
    "DeptStockDisclosure",
    "DeptPaySignoff",
    "DeptMonthlyVisitReport",
)

# 扩展3 #5: 每天必须保证给两个潜在顾客见面,每天给5个潜在顾客打电话,拜访2个老客户
DAILY_TARGETS = (2, 5, 2)
FINE_PER_CONTACT = Decimal(20)  # 少一个罚款20元
NOT_MY_CUSTOMER = ("拒绝非己客户", "怠慢非己客户", "对己方客户不管不问")
TRAINING_WEEKDAYS = (1, 3)  # 每周二、四为培训日 (Monday is 0)
PROBATION_MONTHS = 2  # 新员工试用期为二个月

Window = Literal["month", "year", "ever"]
Unit = Literal["contact", "day"]


class ProspectingFacts(Computed):
    # The shortfalls themselves are derived fields (policies/sales_department.py); the fine, an
    # amount, needs an amount the language can multiply by the count.
    fine_cny: Money = col("罚款(元)", "20 yuan per missing contact")
    counted: int = col("计次", "What the day adds to the count (dept3.shortfall_unit)")
    cumulative: int = col("累计次数", "Running count in the window, this day included")
    window: str = col("累计区间", "The window counted (dept3.prospecting_window)")
    earlier: str = col("此前记录", "Earlier shortfalls counted in the window")


class RoadshowMonth(Computed):
    employee_id: str = col("员工编号", "The market specialist")
    month: str = col("月份", "Calendar month")
    roadshows: int = col("巡展次数", "Roadshows held that month")
    show_dates: str = col("巡展日期", "Their dates")


class ProbationOutcome(Computed):
    employee_id: str = col("员工编号", "The probationer")
    hire_date: date = col("入职日期", "First day of probation")
    probation_end: date = col("试用期满日", "Last day of the two months' probation")
    units_sold: int = col("试用期销售台数", "Vehicles sold during probation")
    still_employed: bool = col("试用期满后仍在职", "Still on the payroll after probation")
    # The confirmation request, whether it was signed and filed: derived fields
    # (policies/sales_department.py), the employee's earliest request.


class TrainingDayLeave(Computed):
    leave_id: str = col("请假编号", "Leave request number")
    employee_id: str = col("员工编号", "The sales representative")
    leave_type: str = col("请假类型", "Kind of leave")
    training_days: str = col("培训日", "Tuesdays and Thursdays the leave covers")
    training_day_count: int = col("培训日天数", "How many")


class NotMyCustomerRank(Computed):
    """An observed conduct; a refusal of another's customer also has its rank."""

    observation_id: str = col("记录编号", "Observation number")
    employee_id: str = col("员工编号", "Employee number")
    observed_date: date = col("日期", "Date of the conduct")
    conduct: str = col("行为", "What was observed")
    offence_no: int | None = col(
        "第几次", "Rank of a refusal in the window (dept3.strike_window); empty for other conduct"
    )
    earlier: str = col("此前违规", "Earlier refusals counted, with their dates and records")


class MonthlyReportDue(Computed):
    employee_id: str = col("员工编号", "The manager")
    month: str = col("月份", "The month the table analyses")
    # The table filled in and when: derived fields (policies/sales_department.py).


COMPUTED = {"DeptProspectingDay": ProspectingFacts}
DERIVED = (
    DerivedKind(
        "DeptRoadshowMonth", Text("市场专员月度巡展", "roadshows of a month"), RoadshowMonth
    ),
    DerivedKind(
        "DeptProbationOutcome", Text("试用期销售任务", "probation sales target"), ProbationOutcome
    ),
    DerivedKind(
        "DeptTrainingDayLeave", Text("培训日请假", "leave on a training day"), TrainingDayLeave
    ),
    DerivedKind(
        "DeptNotMyCustomerRank",
        Text("行为记录（以非己客户为由拒绝客户的计次）", "observed conduct, refusals ranked"),
        NotMyCustomerRank,
    ),
    DerivedKind(
        "DeptMonthlyReportDue",
        Text("月来人来电统计成交状况分析表（应填）", "monthly visitor analysis due"),
        MonthlyReportDue,
    ),
)


# --------------------------------------------------------------------------- computations


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def window_key(day: date, window: Window) -> str:
    """The counting window a day falls in: its month, its year, or one window for all time."""
    if window == "month":
        return month_key(day)
    if window == "year":
        return f"{day.year:04d}"
    return "累计"


def shortfalls(met: int, called: int, visited: int) -> tuple[int, int, int]:
    """Contacts missing against 2 met, 5 called and 2 visited a day; surplus does not carry."""
    want_met, want_called, want_visited = DAILY_TARGETS
    return max(0, want_met - met), max(0, want_called - called), max(0, want_visited - visited)


def prospecting_counts(
    days: Iterable[DeptProspectingDay], window: Window, unit: Unit
) -> dict[str, tuple[int, int, list[DeptProspectingDay]]]:
    """Per day: what it adds, the running count in its window, and the earlier counted days.

    Per employee and window, in date order (day number breaks ties). With unit "contact" a day
    short of three contacts adds 3; with "day" any deficient day adds 1. Days without a shortfall
    add nothing and are not listed as earlier shortfalls.
    """
    groups: dict[tuple[str, str], list[DeptProspectingDay]] = defaultdict(list)
    for day in days:
        groups[(day.employee_id, window_key(day.work_date, window))].append(day)
    result: dict[str, tuple[int, int, list[DeptProspectingDay]]] = {}
    for group in groups.values():
        total = 0
        counted: list[DeptProspectingDay] = []
        for day in sorted(group, key=lambda d: (d.work_date, d.day_id)):
            short = sum(
                shortfalls(day.prospects_met, day.prospects_called, day.old_clients_visited)
            )
            adds = short if unit == "contact" else min(short, 1)
            total += adds
            result[day.day_id] = (adds, total, list(counted))
            if adds:
                counted.append(day)
    return result


def offence_ranks(
    observations: Iterable[ConductObservation], window: Window
) -> dict[str, tuple[int, list[ConductObservation]]]:
    """Each offence's rank among its employee's offences in the window, and the earlier ones."""
    groups: dict[tuple[str, str], list[ConductObservation]] = defaultdict(list)
    for item in observations:
        groups[(item.employee_id, window_key(item.observed_date, window))].append(item)
    ranks: dict[str, tuple[int, list[ConductObservation]]] = {}
    for group in groups.values():
        ordered = sorted(group, key=lambda o: (o.observed_date, o.observation_id))
        for rank, item in enumerate(ordered, start=1):
            ranks[item.observation_id] = (rank, ordered[: rank - 1])
    return ranks


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, shift(add_months(first, 1), -1)


def complete_months(start: date, as_of: date) -> list[tuple[date, date]]:
    """The calendar months from the one holding `start` that have ended by `as_of` (inclusive)."""
    months = []
    first, last = month_bounds(start.year, start.month)
    while last <= as_of:
        months.append((first, last))
        first = shift(last, 1)
        first, last = month_bounds(first.year, first.month)
    return months


def employed_throughout(employee: Employee, first: date, last: date) -> bool:
    """On the payroll from the first to the last day of a period."""
    return employee.hire_date <= first and (
        employee.leave_date is None or employee.leave_date >= last
    )


def probation_end(hire_date: date) -> date:
    """The last day of two months' probation, the hire day being the first.

    It is the day before the same date two months on (hired 5 January, it ends on 4 March); when
    that month has no such date, its last day (hired 31 December, it ends on 28 February).
    """
    same_date = add_months(hire_date, PROBATION_MONTHS)
    if same_date.day != hire_date.day:
        return same_date
    return shift(same_date, -1)


def training_days(start: date, end: date, is_working_day: Callable[[date], bool]) -> list[date]:
    """The working Tuesdays and Thursdays from `start` to `end`, both included."""
    days = []
    day = start
    while day <= end:
        if day.weekday() in TRAINING_WEEKDAYS and is_working_day(day):
            days.append(day)
        day = shift(day, 1)
    return days


def listed(items: Iterable[str]) -> str:
    return "、".join(items) or "无"


# --------------------------------------------------------------------------- build


def _data_start(ctx: FactContext) -> date | None:
    """The first day of the dataset's department records: obligations are owed from there."""
    dates = [
        getattr(item.record, item.record.meta.date_field)
        for kind in KINDS
        for item in ctx.records(kind)
    ]
    return min(dates) if dates else None


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    for kind in (
        "DeptRoadshow",
        "DeptReception",
        "DeptOuting",
        "DeptAfterHours",
        "DeptCustomerOverlap",
        "DeptVehicleSale",
        "DeptProbationReview",
        "DeptMondayMeeting",
        "DeptStockDisclosure",
        "DeptPaySignoff",
        "DeptMonthlyVisitReport",
    ):
        yield from ctx.each(kind)
    yield from _prospecting(ctx)
    yield from _not_my_customer(ctx)
    yield from _training_day_leave(ctx)
    employees = ctx.records("Employee")
    start = _data_start(ctx)
    if start is None:
        return
    months = complete_months(start, ctx.as_of)
    yield from _roadshow_months(ctx, employees, months)
    yield from _monthly_reports(ctx, employees, months)
    yield from _probation(ctx, employees)


def _prospecting(ctx: FactContext) -> Iterator[Fact]:
    window, unit = ctx.config["dept3.prospecting_window"], ctx.config["dept3.shortfall_unit"]
    items = ctx.records("DeptProspectingDay")
    counts = prospecting_counts((i.record for i in items), window, unit)
    for item in items:
        day: DeptProspectingDay = item.record
        short = sum(shortfalls(day.prospects_met, day.prospects_called, day.old_clients_visited))
        adds, total, earlier = counts[day.day_id]
        yield ctx.fact(
            item,
            ProspectingFacts(
                fine_cny=FINE_PER_CONTACT * short,
                counted=adds,
                cumulative=total,
                window=window_key(day.work_date, window),
                earlier=listed(f"{d.work_date.isoformat()}（{d.day_id}）" for d in earlier),
            ),
        )


def _not_my_customer(ctx: FactContext) -> Iterator[Fact]:
    items = ctx.records("ConductObservation")
    ranks = offence_ranks(
        (i.record for i in items if i.record.conduct in NOT_MY_CUSTOMER),
        ctx.config["dept3.strike_window"],
    )
    for item in items:
        record: ConductObservation = item.record
        rank, earlier = ranks.get(record.observation_id, (None, []))
        yield ctx.fact(
            item,
            NotMyCustomerRank(
                observation_id=record.observation_id,
                employee_id=record.employee_id,
                observed_date=record.observed_date,
                conduct=record.conduct,
                offence_no=rank,
                earlier=listed(
                    f"{o.observed_date.isoformat()} {o.conduct}（{o.observation_id}）"
                    for o in earlier
                ),
            ),
            kind="DeptNotMyCustomerRank",
        )


def _training_day_leave(ctx: FactContext) -> Iterator[Fact | Problem]:
    roles = set(ctx.config["dept3.training_roles"])
    role_of = {e.record.employee_id: e.record.role for e in ctx.records("Employee")}
    for item in ctx.records("LeaveRequest"):
        request: LeaveRequest = item.record
        if role_of.get(request.employee_id) not in roles:
            continue
        try:
            days = training_days(request.start_date, request.end_date, ctx.calendar.is_working_day)
        except CalendarError as error:
            yield Problem(
                item.source,
                Text(f"无法判断培训日：{error}", f"cannot tell the training days: {error}"),
                rejects_record=False,
            )
            continue
        if days:
            yield ctx.fact(
                item,
                TrainingDayLeave(
                    leave_id=request.leave_id,
                    employee_id=request.employee_id,
                    leave_type=request.leave_type,
                    training_days=listed(d.isoformat() for d in days),
                    training_day_count=len(days),
                ),
                kind="DeptTrainingDayLeave",
            )


def _roadshow_months(
    ctx: FactContext, employees: list[Loaded], months: list[tuple[date, date]]
) -> Iterator[Fact]:
    shows: dict[tuple[str, str], list[date]] = defaultdict(list)
    for item in ctx.records("DeptRoadshow"):
        shows[(item.record.employee_id, month_key(item.record.show_date))].append(
            item.record.show_date
        )
    for item in employees:
        employee: Employee = item.record
        if employee.role != "市场专员":
            continue
        for first, last in months:
            if not employed_throughout(employee, first, last):
                continue
            dates = sorted(shows.get((employee.employee_id, month_key(first)), []))
            yield ctx.fact(
                item,
                RoadshowMonth(
                    employee_id=employee.employee_id,
                    month=month_key(first),
                    roadshows=len(dates),
                    show_dates=listed(d.isoformat() for d in dates),
                ),
                kind="DeptRoadshowMonth",
                occurrence=month_key(first),
                reference_date=last,
            )


def _monthly_reports(
    ctx: FactContext, employees: list[Loaded], months: list[tuple[date, date]]
) -> Iterator[Fact]:
    roles = set(ctx.config["dept3.manager_roles"])
    for item in employees:
        employee: Employee = item.record
        if employee.role not in roles:
            continue
        for first, last in months:
            if not employed_throughout(employee, first, last):
                continue
            yield ctx.fact(
                item,
                MonthlyReportDue(employee_id=employee.employee_id, month=month_key(first)),
                kind="DeptMonthlyReportDue",
                occurrence=month_key(first),
                reference_date=last,
            )


def probation_sales(hire_date: date, sales: Iterable[tuple[date, int]]) -> int:
    """Vehicles sold from the first to the last day of probation."""
    end = probation_end(hire_date)
    return sum(units for day, units in sales if hire_date <= day <= end)


def _probation(ctx: FactContext, employees: list[Loaded]) -> Iterator[Fact]:
    roles = set(ctx.config["dept3.probation_roles"])
    sales: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for item in ctx.records("DeptVehicleSale"):
        sales[item.record.employee_id].append((item.record.sale_date, item.record.units))
    if not sales:  # no file, a header-only or an all-rejected one: no month known to be covered
        return
    first_sale = min(day for rows in sales.values() for day, _ in rows)
    sales_from = date(first_sale.year, first_sale.month, 1)
    for item in employees:
        employee: Employee = item.record
        if employee.role not in roles or employee.hire_date < sales_from:
            continue
        end = probation_end(employee.hire_date)
        if end > ctx.as_of:
            continue
        yield ctx.fact(
            item,
            ProbationOutcome(
                employee_id=employee.employee_id,
                hire_date=employee.hire_date,
                probation_end=end,
                units_sold=probation_sales(employee.hire_date, sales[employee.employee_id]),
                still_employed=employee.leave_date is None or employee.leave_date > end,
            ),
            kind="DeptProbationOutcome",
            reference_date=end,
        )
