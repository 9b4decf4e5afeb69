"""Facts of the showroom rules (F002 扩展4) and the sales company rules (扩展6).

Computed before the engine: the first month of a probation and the leave set against it;
whether each consultant on duty was rated at the evening review; the days a vehicle stayed at a
second-tier store and the fine they cost; half the repair of a vehicle damaged in transfer; the
moment a meeting arrival becomes late; the working-day deadline for passing on a collection
notice; whether a greeting, a daily report or the weekly tables came in time; the probationers
and their mentors, and the conduct of a probationer charged to the mentor. Each computation is a
small function tested on its own (tests/test_showroom_facts.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import PositiveInt

from checker.calendar import add_months, shift
from checker.config import Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext, Subject
from checker.i18n import Text
from checker.loading import Problem
from checker.records.base import Money, col
from checker.records.sales import Employee, LeaveRequest
from checker.records.showroom import EXECUTION_DETAILS, ShowroomMentorship

KINDS = (
    "ShowroomGreeting",
    "ShowroomEveningReview",
    "ShowroomSelfCheckDay",
    "ShowroomCard",
    "ShowroomVehicleTransfer",
    "ShowroomVehicleStock",
    "ShowroomPostGap",
    "ShowroomLunchDuty",
    "ShowroomBadgeReissue",
    "ShowroomDeposit",
    "ShowroomCustomerPayment",
    "ShowroomMentorship",
    "ShowroomDressCheck",
    "ShowroomMeetingArrival",
    "ShowroomCollectionNotice",
    "SalesDailyReport",
    "SalesWeeklyPlan",
)

Timeliness = Literal["按时", "逾期", "缺失", "未到期"]

STOCK_DAYS = 30  # 扩展4 #15: 库存超过30天
STOCK_FINE_PER_DAY = Decimal(50)  # 每超过一天罚款50元
TRANSFER_SHARE = Decimal("0.5")  # 扩展4 #14: 相应处罚(50%)
CENT = Decimal("0.01")

PARAMETERS = (
    Parameter(
        "showroom.rest_exempt_leave",
        list[str],
        [],
        Text(
            '试用期第一个月内不算“休息”的请假类型，如 ["丧假"]；默认任何获批请假都算休息。',
            "Kinds of leave that do not count as rest in the first month of probation, e.g. "
            '["丧假"]; by default any approved leave does.',
        ),
    ),
    Parameter(
        "showroom.collection_forward_days",
        PositiveInt,
        1,
        Text(
            "主管接到催款通知单后“及时”通知销售代表的期限（工作日，默认接到后第1个工作日内）。",
            "Working days within which the supervisor must pass on a collection notice to be "
            "'prompt' (default: by the next working day).",
        ),
    ),
    Parameter(
        "salesco.daily_report_deadline",
        time,
        time(9, 0),
        Text(
            "日报表的截止时间：报告日次日早上此时刻之前（默认9:00，9:00整即逾期）。",
            "Deadline of the daily report: before this time on the next morning (default "
            "9:00; 9:00 itself is late).",
        ),
    ),
)


class TransferFacts(Computed):
    charge_cny: Money | None = col("应承担金额(元)", "50% of the repair cost")


class StockFacts(Computed):
    # The days in stock and beyond 30 are derived fields (policies/showroom.py); the fine, an
    # amount, needs an amount the language can multiply by the days.
    fine_cny: Money = col("罚款(元)", "50 yuan per day beyond 30")


class ArrivalFacts(Computed):
    due_by: time = col("应到时间", "3 minutes before the start")


class DailyReportFacts(Computed):
    deadline: datetime = col("截止时间", "The next morning's deadline")


class WeeklyPlanFacts(Computed):
    missing_details: str | None = col("执行表缺少事项", "Details the execution table leaves out")


class ProbationRest(Computed):
    """A leave request set against the first month of the employee's probation (扩展4 #5)."""

    leave_id: str = col("请假编号", "Leave request number")
    leave_type: str = col("请假类型", "Kind of leave")
    start_date: date = col("开始日期", "First day of leave")
    end_date: date = col("结束日期", "Last day of leave")
    approved: bool = col("已批准", "The leave was approved")
    exempt: bool = col("不计为休息", "A kind of leave showroom.rest_exempt_leave exempts")
    hire_date: date = col("入职日期", "First day of probation")
    first_month_end: date = col("试用期首月截止", "Last day of the first month of probation")
    rest_days: int = col("首月内休息天数", "Days of the leave inside the first month")


class ConsultantEvaluation(Computed):
    """A consultant on duty on the day of an evening review, and whether they were rated."""

    review_date: date = col("日期", "Day of the evening meeting")
    consultant_id: str = col("销售顾问", "Employee number of the consultant on duty")
    # The consultant's name is a derived field (policies/showroom.py).
    evaluated: bool = col("已评估", "The consultant's eight steps were rated")


class TraineeMentor(Computed):
    """A probationer and the consultant appointed to mentor them (扩展4 #25)."""

    hire_date: date = col("入职日期", "First day of probation")
    probation_end_date: date = col("试用期截止日期", "Last day of probation")
    mentor_id: str | None = col("带教销售顾问", "The mentor; empty if none was appointed")


class TraineeIncident(Computed):
    """Conduct of a probationer recorded during probation, charged to the mentor."""

    observation_id: str = col("记录编号", "Observation number")
    trainee_id: str = col("新员工", "The probationer")
    # The probationer's name is a derived field (policies/showroom.py).
    observed_date: date = col("日期", "Date of the conduct")
    conduct: str = col("行为", "What was observed")
    mentor_id: str = col("带教销售顾问", "The mentor held responsible")


COMPUTED = {
    "ShowroomVehicleTransfer": TransferFacts,
    "ShowroomVehicleStock": StockFacts,
    "ShowroomMeetingArrival": ArrivalFacts,
    "SalesDailyReport": DailyReportFacts,
    "SalesWeeklyPlan": WeeklyPlanFacts,
}
DERIVED = (
    DerivedKind(
        "ShowroomProbationRest", Text("试用期首月休息", "rest in the first month"), ProbationRest
    ),
    DerivedKind(
        "ShowroomConsultantEvaluation",
        Text("夕会评估销售顾问", "consultant at the evening review"),
        ConsultantEvaluation,
    ),
    DerivedKind(
        "ShowroomTraineeMentor", Text("新员工带教", "mentor of a probationer"), TraineeMentor
    ),
    DerivedKind(
        "ShowroomTraineeIncident",
        Text("新员工违规（带教人责任）", "probationer's conduct, the mentor's responsibility"),
        TraineeIncident,
    ),
)


# --------------------------------------------------------------------------- computations


def first_month_end(hire: date) -> date:
    """Last day of the first month from `hire`: 2 March → 1 April; 31 January → 28 February.

    The month ends the day before the same date a month later; when that date does not exist,
    on the last day of the next month.
    """
    later = add_months(hire, 1)
    return later if later.day != hire.day else shift(later, -1)


def overlap_days(start: date, end: date, first: date, last: date) -> int:
    """Days of [start, end] inside [first, last]; 0 when they do not meet."""
    return max(0, (min(end, last) - max(start, first)).days + 1)


def probation_rest(
    request: LeaveRequest, employee: Employee, exempt: Iterable[str]
) -> ProbationRest:
    """A leave request against the first month of the employee's probation."""
    last = first_month_end(employee.hire_date)
    return ProbationRest(
        leave_id=request.leave_id,
        leave_type=request.leave_type,
        start_date=request.start_date,
        end_date=request.end_date,
        approved=request.approved,
        exempt=request.leave_type in set(exempt),
        hire_date=employee.hire_date,
        first_month_end=last,
        rest_days=overlap_days(request.start_date, request.end_date, employee.hire_date, last),
    )


def evaluations(on_duty: Iterable[str], evaluated: Iterable[str]) -> list[tuple[str, bool]]:
    """Each consultant on duty, in order, with whether the review rated them."""
    rated = set(evaluated)
    return [(consultant, consultant in rated) for consultant in sorted(set(on_duty))]


def stock_fine(in_date: date, recalled: date | None, as_of: date) -> Decimal:
    """Each day at the second-tier store beyond 30 (超过: the 31st is the first) costs 50."""
    days = ((recalled or as_of) - in_date).days
    return STOCK_FINE_PER_DAY * max(0, days - STOCK_DAYS)


def transfer_charge(repair_cost: Decimal | None) -> Decimal | None:
    """Half the repair cost, to the 分."""
    if repair_cost is None:
        return None
    return (repair_cost * TRANSFER_SHARE).quantize(CENT, rounding=ROUND_HALF_UP)


def minutes_before(start: time, minutes: int) -> time:
    """The time `minutes` before `start` (the same day; a start before 00:03 gives 00:00)."""
    midnight = datetime.combine(date(2000, 1, 1), time(0))
    moment = datetime.combine(midnight.date(), start)
    return max(moment - timedelta(minutes=minutes), midnight).time()


def report_deadline(report_date: date, deadline: time) -> datetime:
    """The next morning at `deadline` (9:00 by default)."""
    return datetime.combine(shift(report_date, 1), deadline)


def missing_details(details: Iterable[str]) -> str | None:
    """The details 扩展6 #18 asks of the execution table that it leaves out, in the text's order."""
    given = set(details)
    missing = [d for d in EXECUTION_DETAILS if d not in given]
    return "、".join(missing) or None


def mentor_on(trainee: str, day: date, mentorships: Iterable[ShowroomMentorship]) -> str | None:
    """The trainee's mentor on `day` (the earliest-appointed if several)."""
    current = sorted(
        (m.start_date, m.mentor_id)
        for m in mentorships
        if m.employee_id == trainee
        and m.start_date <= day
        and (m.end_date is None or day <= m.end_date)
    )
    return current[0][1] if current else None


def mentor_during(
    trainee: str, first: date, last: date, mentorships: Iterable[ShowroomMentorship]
) -> str | None:
    """A mentor appointed at any time during [first, last] (the earliest if several)."""
    found = sorted(
        (m.start_date, m.mentor_id)
        for m in mentorships
        if m.employee_id == trainee
        and m.start_date <= last
        and (m.end_date is None or first <= m.end_date)
    )
    return found[0][1] if found else None


# --------------------------------------------------------------------------- build


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    params = ctx.config
    as_of = ctx.as_of
    employees: dict[str, Employee] = {
        e.record.employee_id: e.record for e in ctx.records("Employee")
    }

    def name(employee_id: str) -> str | None:
        employee = employees.get(employee_id)
        return employee.name if employee else None

    for kind in (
        "ShowroomCard",
        "ShowroomPostGap",
        "ShowroomLunchDuty",
        "ShowroomBadgeReissue",
        "ShowroomDeposit",
        "ShowroomCustomerPayment",
        "ShowroomMentorship",
        "ShowroomDressCheck",
        "ShowroomEveningReview",
        "ShowroomGreeting",
        "ShowroomSelfCheckDay",
        "ShowroomCollectionNotice",
    ):
        yield from ctx.each(kind)
    yield from ctx.each(
        "ShowroomVehicleTransfer",
        lambda t: TransferFacts(charge_cny=transfer_charge(t.record.repair_cost_cny)),
    )
    yield from ctx.each(
        "ShowroomVehicleStock",
        lambda s: StockFacts(fine_cny=stock_fine(s.record.in_date, s.record.recalled_date, as_of)),
    )
    yield from ctx.each(
        "ShowroomMeetingArrival",
        lambda a: ArrivalFacts(due_by=minutes_before(a.record.starts_at, 3)),
    )
    yield from ctx.each(
        "SalesDailyReport",
        lambda r: DailyReportFacts(
            deadline=report_deadline(r.record.report_date, params["salesco.daily_report_deadline"])
        ),
    )
    yield from ctx.each(
        "SalesWeeklyPlan",
        lambda w: WeeklyPlanFacts(
            missing_details=missing_details(w.record.execution_details)
            if w.record.execution_filed_on
            else None,
        ),
    )

    # 扩展4 #5: each leave request of an employee in the register, against the first month.
    exempt = params["showroom.rest_exempt_leave"]
    for item in ctx.records("LeaveRequest"):
        employee = employees.get(item.record.employee_id)
        if employee is not None:
            yield ctx.fact(
                item,
                probation_rest(item.record, employee, exempt),
                kind="ShowroomProbationRest",
                occurrence="试用期首月",
            )

    # 扩展4 #6: one fact per consultant on duty, rated or missed; a miss is the team lead's.
    for item in ctx.records("ShowroomEveningReview"):
        review = item.record
        for consultant, rated in evaluations(review.on_duty, review.evaluated):
            yield ctx.fact(
                item,
                ConsultantEvaluation(
                    review_date=review.review_date,
                    consultant_id=consultant,
                    evaluated=rated,
                ),
                kind="ShowroomConsultantEvaluation",
                occurrence=consultant,
            )

    # 扩展4 #25: only when the dataset keeps the mentorships, or every probationer would lack one.
    if not ctx.has("ShowroomMentorship"):
        return
    mentorships = [m.record for m in ctx.records("ShowroomMentorship")]
    probations: dict[str, tuple[date, date]] = {}
    for item in ctx.records("Employee"):
        employee = item.record
        end = employee.probation_end_date
        if end is None or employee.hire_date > as_of:
            continue
        probations[employee.employee_id] = (employee.hire_date, end)
        yield ctx.fact(
            item,
            TraineeMentor(
                hire_date=employee.hire_date,
                probation_end_date=end,
                mentor_id=mentor_during(employee.employee_id, employee.hire_date, end, mentorships),
            ),
            kind="ShowroomTraineeMentor",
            occurrence="带教",
        )
    for item in ctx.records("ConductObservation"):
        observation = item.record
        period = probations.get(observation.employee_id)
        if period is None or not period[0] <= observation.observed_date <= period[1]:
            continue
        mentor = mentor_on(observation.employee_id, observation.observed_date, mentorships)
        if mentor is None:
            continue
        fact = ctx.fact(
            item,
            TraineeIncident(
                observation_id=observation.observation_id,
                trainee_id=observation.employee_id,
                observed_date=observation.observed_date,
                conduct=observation.conduct,
                mentor_id=mentor,
            ),
            kind="ShowroomTraineeIncident",
            occurrence="带教责任",
        )
        yield replace(fact, subject=Subject("employee", mentor, name(mentor)))
