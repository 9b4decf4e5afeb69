"""The computations of the showroom (扩展4) and sales company (扩展6) facts, each on its own."""

from datetime import date, datetime, time
from decimal import Decimal

from checker.facts.showroom import (
    by_day,
    evaluations,
    first_month_end,
    mentor_during,
    mentor_on,
    minutes_before,
    missing_details,
    overlap_days,
    probation_rest,
    report_deadline,
    report_timeliness,
    stock_facts,
    transfer_charge,
)
from checker.records.sales import Employee, LeaveRequest
from checker.records.showroom import ShowroomMentorship


def employee(hire: date) -> Employee:
    return Employee(
        employee_id="E1", name="孙悦", unit_id="销售部", role="销售顾问", hire_date=hire
    )


def leave(start: date, end: date, kind: str = "事假", approved: bool = True) -> LeaveRequest:
    return LeaveRequest(
        leave_id="Q1",
        employee_id="E1",
        leave_type=kind,
        start_date=start,
        end_date=end,
        days=Decimal((end - start).days + 1),
        approved=approved,
    )


def mentorship(mentor: str, start: date, end: date | None = None) -> ShowroomMentorship:
    return ShowroomMentorship(
        mentorship_id=f"M-{mentor}",
        employee_id="E1",
        mentor_id=mentor,
        start_date=start,
        end_date=end,
    )


def test_the_first_month_ends_the_day_before_the_same_date_or_at_the_next_months_end():
    assert first_month_end(date(2026, 3, 2)) == date(2026, 4, 1)
    assert first_month_end(date(2026, 3, 1)) == date(2026, 3, 31)
    assert first_month_end(date(2026, 1, 31)) == date(2026, 2, 28)
    assert first_month_end(date(2026, 1, 28)) == date(2026, 2, 27)
    assert first_month_end(date(2026, 12, 15)) == date(2027, 1, 14)


def test_overlap_days():
    first, last = date(2026, 3, 2), date(2026, 4, 1)
    assert overlap_days(date(2026, 3, 30), date(2026, 4, 3), first, last) == 3
    assert overlap_days(date(2026, 4, 2), date(2026, 4, 3), first, last) == 0
    assert overlap_days(date(2026, 2, 27), date(2026, 3, 2), first, last) == 1


def test_probation_rest_sets_leave_against_the_first_month():
    hired = employee(date(2026, 3, 2))
    rest = probation_rest(leave(date(2026, 4, 1), date(2026, 4, 1)), hired, [])
    assert (rest.rest_days, rest.first_month_end, rest.approved, rest.exempt) == (
        1,
        date(2026, 4, 1),
        True,
        False,
    )
    assert probation_rest(leave(date(2026, 4, 2), date(2026, 4, 2)), hired, []).rest_days == 0
    across = probation_rest(leave(date(2026, 3, 30), date(2026, 4, 3)), hired, [])
    assert across.rest_days == 3
    unapproved = leave(date(2026, 3, 10), date(2026, 3, 10), approved=False)
    assert probation_rest(unapproved, hired, []).approved is False
    sick = leave(date(2026, 3, 10), date(2026, 3, 10), "病假")
    assert probation_rest(sick, hired, ["病假"]).exempt is True
    assert probation_rest(sick, hired, []).exempt is False


def test_each_consultant_on_duty_is_rated_or_missed():
    assert evaluations({"E1", "E2", "E3"}, {"E2"}) == [("E1", False), ("E2", True), ("E3", False)]
    assert evaluations({"E1"}, {"E1", "E9"}) == [("E1", True)]
    assert evaluations({"E2", "E1"}, set()) == [("E1", False), ("E2", False)]


def test_stock_beyond_thirty_days_costs_fifty_a_day():
    as_of = date(2026, 3, 31)
    exactly = stock_facts(date(2026, 1, 1), date(2026, 1, 31), as_of)
    assert (exactly.days_in_stock, exactly.days_over, exactly.fine_cny) == (30, 0, 0)
    one_over = stock_facts(date(2026, 1, 1), date(2026, 2, 1), as_of)
    assert (one_over.days_in_stock, one_over.days_over, one_over.fine_cny) == (31, 1, 50)
    ten_over = stock_facts(date(2026, 1, 10), date(2026, 2, 19), as_of)
    assert (ten_over.days_over, ten_over.fine_cny) == (10, 500)
    still = stock_facts(date(2026, 2, 28), None, as_of)
    assert (still.days_in_stock, still.fine_cny, still.still_in_stock) == (31, 50, True)


def test_transfer_charge_is_half_the_repair_to_the_fen():
    assert transfer_charge(Decimal("801.15")) == Decimal("400.58")
    assert transfer_charge(Decimal(1000)) == Decimal("500.00")
    assert transfer_charge(None) is None


def test_minutes_before():
    assert minutes_before(time(9, 0), 3) == time(8, 57)
    assert minutes_before(time(14, 1, 30), 3) == time(13, 58, 30)
    assert minutes_before(time(0, 2), 3) == time(0, 0)


def test_by_day_on_or_before_the_due_day_is_on_time():
    due, as_of = date(2026, 3, 6), date(2026, 3, 31)
    assert by_day(date(2026, 3, 6), due, as_of) == "按时"
    assert by_day(date(2026, 3, 5), due, as_of) == "按时"
    assert by_day(date(2026, 3, 7), due, as_of) == "逾期"
    assert by_day(None, due, as_of) == "缺失"
    assert by_day(None, due, date(2026, 3, 6)) == "未到期"
    assert by_day(None, due, date(2026, 3, 7)) == "缺失"


def test_the_daily_report_is_due_strictly_before_nine_the_next_morning():
    deadline = report_deadline(date(2026, 3, 4), time(9, 0))
    assert deadline == datetime(2026, 3, 5, 9, 0)
    as_of = date(2026, 3, 31)
    assert report_timeliness(datetime(2026, 3, 5, 8, 59, 59), deadline, as_of) == "按时"
    assert report_timeliness(datetime(2026, 3, 5, 9, 0, 0), deadline, as_of) == "逾期"
    assert report_timeliness(datetime(2026, 3, 4, 21, 0), deadline, as_of) == "按时"
    assert report_timeliness(None, deadline, date(2026, 3, 5)) == "未到期"
    assert report_timeliness(None, deadline, date(2026, 3, 6)) == "缺失"


def test_missing_details_in_the_texts_order():
    assert missing_details({"地点", "时间", "工作项目及结果", "客户名称", "客户来电"}) is None
    assert missing_details({"时间", "客户名称"}) == "地点、工作项目及结果、客户来电"


def test_the_mentor_of_the_day_and_of_the_probation():
    spells = [
        mentorship("E201", date(2026, 2, 2), date(2026, 3, 10)),
        mentorship("E202", date(2026, 3, 16)),
    ]
    assert mentor_on("E1", date(2026, 3, 10), spells) == "E201"
    assert mentor_on("E1", date(2026, 3, 12), spells) is None
    assert mentor_on("E1", date(2026, 3, 16), spells) == "E202"
    assert mentor_on("E9", date(2026, 3, 16), spells) is None
    assert mentor_during("E1", date(2026, 1, 5), date(2026, 2, 1), spells) is None
    assert mentor_during("E1", date(2026, 1, 5), date(2026, 2, 2), spells) == "E201"
    assert mentor_during("E1", date(2026, 3, 11), date(2026, 3, 15), spells) is None
