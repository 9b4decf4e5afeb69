"""The computations of the showroom (扩展4) and sales company (扩展6) facts, each on its own."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.catalog import load_catalog
from checker.config import ConfigError, load
from checker.facts.showroom import (
    evaluations,
    first_month_end,
    mentor_during,
    mentor_on,
    minutes_before,
    missing_details,
    overlap_days,
    probation_rest,
    report_deadline,
    stock_fine,
    transfer_charge,
)
from checker.records.sales import Employee, LeaveRequest
from checker.records.showroom import (
    SalesDailyReport,
    SalesWeeklyPlan,
    ShowroomCollectionNotice,
    ShowroomGreeting,
    ShowroomMentorship,
    ShowroomSelfCheckDay,
    ShowroomVehicleStock,
)
from tests.derived import measured


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


def staff(employee_id: str, name: str) -> Employee:
    return Employee(
        employee_id=employee_id,
        name=name,
        unit_id="销售部",
        role="销售顾问",
        hire_date=date(2026, 1, 5),
    )


NAMED = [
    ("ShowroomConsultantEvaluation", "consultant_id", "consultant_name"),
    ("ShowroomTraineeIncident", "trainee_id", "trainee_name"),
]


@pytest.mark.parametrize(("kind", "key", "name"), NAMED)
def test_names_come_from_the_register_the_last_row_read_of_an_employee(kind, key, name):
    register = [staff("E1", "孙悦"), staff("E2", "王强"), staff("E1", "孙月")]  # E1 renamed
    facts = [{key: "E1"}, {key: "E2"}, {key: "E9"}]  # E9 is not in the register
    found = measured(kind, facts, date(2026, 3, 31), related=register)
    assert [f[name] for f in found] == ["孙月", "王强", None]
    assert measured(kind, facts[:1], date(2026, 3, 31))[0][name] is None  # no register


@settings(
    max_examples=12,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(st.tuples(st.sampled_from(("E1", "E2")), st.sampled_from(("甲", "乙"))), max_size=5)
)
def test_a_name_is_the_registers_as_a_dict_of_its_rows_has_it(rows):
    register = [staff(employee_id, name) for employee_id, name in rows]
    names = {e.employee_id: e.name for e in register}  # the last row read wins
    for kind, key, name in NAMED:
        facts = [{key: who} for who in ("E1", "E2", "E3")]
        found = measured(kind, facts, date(2026, 3, 31), related=register)
        assert [f[name] for f in found] == [names.get(f[key]) for f in facts]


def stock(in_date: date, recalled: date | None) -> ShowroomVehicleStock:
    return ShowroomVehicleStock(
        stock_id="V1",
        vehicle_id="VIN1",
        store="二级店",
        employee_id="E1",
        in_date=in_date,
        recalled_date=recalled,
    )


def test_stock_beyond_thirty_days_costs_fifty_a_day():
    as_of = date(2026, 3, 31)
    cases = [  # in, recalled: days in stock, days over, still there, fine
        (date(2026, 1, 1), date(2026, 1, 31), 30, 0, False, 0),
        (date(2026, 1, 1), date(2026, 2, 1), 31, 1, False, 50),
        (date(2026, 1, 10), date(2026, 2, 19), 40, 10, False, 500),
        (date(2026, 2, 28), None, 31, 1, True, 50),
        (date(2026, 3, 1), None, 30, 0, True, 0),
        (date(2025, 12, 31), date(2026, 1, 31), 31, 1, False, 50),  # over the year end
        (date(2026, 3, 5), date(2026, 3, 1), -4, 0, False, 0),  # recalled before it came
    ]
    rows = measured("ShowroomVehicleStock", [stock(i, r) for i, r, *_ in cases], as_of)
    for (in_date, recalled, days, over, still, fine), row in zip(cases, rows, strict=True):
        assert (row["days_in_stock"], row["days_over"], row["still_in_stock"]) == (
            days,
            over,
            still,
        )
        assert stock_fine(in_date, recalled, as_of) == fine


def test_transfer_charge_is_half_the_repair_to_the_fen():
    assert transfer_charge(Decimal("801.15")) == Decimal("400.58")
    assert transfer_charge(Decimal(1000)) == Decimal("500.00")
    assert transfer_charge(None) is None


def test_minutes_before():
    assert minutes_before(time(9, 0), 3) == time(8, 57)
    assert minutes_before(time(14, 1, 30), 3) == time(13, 58, 30)
    assert minutes_before(time(0, 2), 3) == time(0, 0)


# Something due by a day: (done, due, audit date, timeliness); a holiday or a weekend moves nothing.
BY_DAY = [
    (date(2026, 3, 6), date(2026, 3, 6), date(2026, 3, 31), "按时"),
    (date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 31), "按时"),
    (date(2026, 3, 7), date(2026, 3, 6), date(2026, 3, 31), "逾期"),
    (date(2026, 3, 7), date(2026, 3, 6), date(2026, 3, 1), "逾期"),
    (None, date(2026, 3, 6), date(2026, 3, 31), "缺失"),
    (None, date(2026, 3, 6), date(2026, 3, 6), "未到期"),
    (None, date(2026, 3, 6), date(2026, 3, 7), "缺失"),
    (None, date(2025, 12, 31), date(2026, 1, 1), "缺失"),
    (date(2026, 1, 1), date(2025, 12, 31), date(2026, 1, 1), "逾期"),
]


def each_by_day(kind: str, make, field: str) -> None:
    for done, due, as_of, expected in BY_DAY:
        (row,) = measured(kind, [make(done, due)], as_of)
        assert row[field] == expected, (kind, done, due, as_of)


def test_greetings_and_weekly_tables_are_due_on_their_day():
    each_by_day(
        "ShowroomGreeting",
        lambda done, due: ShowroomGreeting(
            greeting_id="G1",
            employee_id="E1",
            customer_name="甲",
            occasion="生日",
            occasion_date=due,
            greeted_on=done,
        ),
        "timeliness",
    )
    for field, filed in (
        ("plan_timeliness", "plan_filed_on"),
        ("execution_timeliness", "execution_filed_on"),
    ):
        each_by_day(
            "SalesWeeklyPlan",
            lambda done, due, filed=filed: SalesWeeklyPlan(
                plan_id="W1", employee_id="E1", due_friday=due, **{filed: done}
            ),
            field,
        )


def notice(received: date, forwarded: date | None) -> ShowroomCollectionNotice:
    return ShowroomCollectionNotice(
        notice_id="N1", employee_id="E1", received_date=received, forwarded_date=forwarded
    )


def test_a_collection_notice_is_due_by_the_next_working_day():
    as_of = date(2026, 3, 31)
    cases = [  # received, forwarded, days allowed: deadline, timeliness
        (date(2026, 3, 4), date(2026, 3, 5), 1, date(2026, 3, 5), "按时"),
        (date(2026, 3, 4), date(2026, 3, 6), 1, date(2026, 3, 5), "逾期"),
        (date(2026, 3, 6), date(2026, 3, 9), 1, date(2026, 3, 9), "按时"),  # a Friday
        (date(2026, 3, 6), None, 3, date(2026, 3, 11), "缺失"),
        (date(2025, 9, 30), date(2025, 10, 9), 1, date(2025, 10, 9), "按时"),  # National Day
        (date(2025, 9, 30), None, 1, date(2025, 10, 9), "缺失"),
        (date(2025, 12, 31), date(2026, 1, 5), 1, date(2026, 1, 4), "逾期"),  # a make-up Sunday
        (date(2026, 3, 30), None, 1, date(2026, 3, 31), "未到期"),
    ]
    for received, forwarded, allowed, deadline, expected in cases:
        settings = {"showroom.collection_forward_days": allowed}
        (row,) = measured(
            "ShowroomCollectionNotice", [notice(received, forwarded)], as_of, **settings
        )
        assert (row["forward_deadline"], row["timeliness"]) == (deadline, expected), received


def test_the_daily_report_is_due_strictly_before_nine_the_next_morning():
    deadline = report_deadline(date(2026, 3, 4), time(9, 0))
    assert deadline == datetime(2026, 3, 5, 9, 0)
    cases = [  # submitted, audit date: timeliness
        (datetime(2026, 3, 5, 8, 59, 59), date(2026, 3, 31), "按时"),
        (datetime(2026, 3, 5, 9, 0, 0), date(2026, 3, 31), "逾期"),
        (datetime(2026, 3, 4, 21, 0), date(2026, 3, 31), "按时"),
        (None, date(2026, 3, 5), "未到期"),
        (None, date(2026, 3, 6), "缺失"),
    ]
    for submitted, as_of, expected in cases:
        report = SalesDailyReport(
            report_id="D1", employee_id="E1", report_date=date(2026, 3, 4), submitted_at=submitted
        )
        (row,) = measured("SalesDailyReport", [{**dict(report), "deadline": deadline}], as_of)
        assert row["timeliness"] == expected, submitted


def test_self_checks_add_up():
    day = ShowroomSelfCheckDay(
        day_id="S1", employee_id="E1", check_date=date(2026, 3, 4), lead_checks=1, five_s_checks=2
    )
    assert measured("ShowroomSelfCheckDay", [day], date(2026, 3, 31))[0]["total_checks"] == 3


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


@pytest.mark.parametrize("allowed", [0, -1])
def test_a_collection_notice_allows_at_least_one_working_day(allowed):
    # working_day_after counts from the first working day after receipt: 0 days would be an
    # internal error in the middle of an audit, so the configuration is refused up front.
    catalog = load_catalog()
    with pytest.raises(ConfigError, match=r"showroom\.collection_forward_days"):
        load(catalog.parameters.values()).with_values(
            {"showroom.collection_forward_days": allowed}, "t"
        )
