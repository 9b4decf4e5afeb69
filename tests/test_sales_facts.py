"""The staff facts computed before the engine: punches, leave cover, missed-punch ranks, absence
bands, overdue work and a store manager's supervisory points."""

from datetime import date, datetime, time
from decimal import Decimal
from types import SimpleNamespace

import pytest

from checker.facts import posting_on
from checker.facts.sales import covering_leave, exemption_ranks, half, punches, round_minutes
from checker.facts.store import overdue, supervision
from checker.records.sales import (
    Assignment,
    Attendance,
    Employee,
    LeaveRequest,
    Overtime,
    PunchExemption,
)
from tests.conftest import audit_rows
from tests.derived import measured

NINE, HALF_FIVE = time(9, 0), time(17, 30)


def attendance(clock_in: time | None, clock_out: time | None, present: bool = True) -> Attendance:
    return Attendance.model_validate(
        {
            "attendance_id": "A",
            "employee_id": "E1",
            "work_date": date(2026, 3, 2),
            "present": present,
            "clock_in": clock_in,
            "clock_out": clock_out,
        }
    )


@pytest.mark.parametrize(
    ("seconds", "ceil", "floor", "nearest"),
    [(1, 1, 0, 0), (60, 1, 1, 1), (200, 4, 3, 3), (210, 4, 3, 4), (1800, 30, 30, 30)],
)
def test_minutes_round_as_configured(seconds, ceil, floor, nearest):
    assert round_minutes(seconds, "ceil") == ceil
    assert round_minutes(seconds, "floor") == floor
    assert round_minutes(seconds, "nearest") == nearest


def test_each_punch_is_measured_against_the_shift():
    on_time = list(punches(attendance(NINE, HALF_FIVE), NINE, HALF_FIVE, "ceil"))
    assert [(p[0], p[3]) for p in on_time] == [("上班", 0), ("下班", 0)]
    late_and_early = list(punches(attendance(time(9, 3, 20), time(17, 0)), NINE, HALF_FIVE, "ceil"))
    assert late_and_early == [
        ("上班", NINE, time(9, 3, 20), 200, 4),
        ("下班", HALF_FIVE, time(17, 0), 1800, 30),
    ]
    # A missing punch is no punch; an absent day has none.
    assert [p[0] for p in punches(attendance(None, time(17, 0)), NINE, HALF_FIVE, "ceil")] == [
        "下班"
    ]
    assert (
        list(punches(attendance(time(10, 0), None, present=False), NINE, HALF_FIVE, "ceil")) == []
    )


def test_approved_leave_covers_its_first_and_last_day_only():
    request = LeaveRequest.model_validate(
        {
            "leave_id": "L1",
            "employee_id": "E1",
            "leave_type": "事假",
            "start_date": date(2026, 3, 2),
            "end_date": date(2026, 3, 4),
            "days": 3,
            "approved": True,
        }
    )
    refused = request.model_copy(update={"leave_id": "L2", "approved": False})
    assert covering_leave(date(2026, 3, 2), [request, refused]) == ["L1"]
    assert covering_leave(date(2026, 3, 4), [request]) == ["L1"]
    assert covering_leave(date(2026, 3, 5), [request]) == []


def test_missed_punch_forms_are_ranked_within_each_calendar_month():
    def form(number: str, day: date, employee: str = "E1") -> PunchExemption:
        return PunchExemption.model_validate(
            {"exemption_id": number, "employee_id": employee, "work_date": day}
        )

    forms = [
        form("F4", date(2026, 3, 31)),
        form("F1", date(2026, 3, 2)),
        form("F3", date(2026, 3, 20)),
        form("F2", date(2026, 3, 9)),
        form("F5", date(2026, 4, 1)),  # a new month starts again at 1
        form("G1", date(2026, 3, 31), "E2"),
    ]
    assert exemption_ranks(forms) == {"F1": 1, "F2": 2, "F3": 3, "F4": 4, "F5": 1, "G1": 1}
    assert exemption_ranks(reversed(forms)) == exemption_ranks(forms)


def test_half_a_day_of_pay_rounds_to_the_fen():
    assert half(Decimal("200.01")) == Decimal("100.01")
    assert half(None) is None


@pytest.mark.parametrize(
    ("minutes", "thirty", "band"),
    [
        (10, "notice", "十分钟以内"),
        (11, "notice", "十分钟至三十分钟"),
        (30, "notice", "十分钟至三十分钟"),
        (30, "leave", "三十分钟至三小时"),
        (180, "notice", "三十分钟至三小时"),
        (181, "notice", "三小时至半天"),
        (255, "notice", "半天至一天"),
        (510, "notice", "半天至一天"),
        (511, "notice", "一天以上"),
    ],
)
def test_absence_bands_and_their_edges(minutes, thirty, band):
    absence = {"absence_id": "P1", "duration_minutes": minutes}
    settings = {"shop.thirty_minutes_band": thirty, "shop.half_day_minutes": 255}
    (row,) = measured("PostAbsence", [absence], date(2026, 3, 31), **settings)
    assert row["band"] == band


def test_half_a_day_is_configurable_and_a_day_is_two_halves():
    minutes = [180, 181, 239, 240, 480, 481]
    absences = [{"absence_id": f"P{m}", "duration_minutes": m} for m in minutes]
    rows = measured("PostAbsence", absences, date(2026, 3, 31), **{"shop.half_day_minutes": 240})
    assert [r["band"] for r in rows] == [
        "三十分钟至三小时",
        "三小时至半天",
        "三小时至半天",
        "半天至一天",
        "半天至一天",
        "一天以上",
    ]


def day(present: bool, clock_in: time | None, clock_out: time | None, **shift) -> Attendance:
    return Attendance(
        attendance_id="A1",
        employee_id="E1",
        work_date=date(2026, 3, 2),
        present=present,
        clock_in=clock_in,
        clock_out=clock_out,
        **shift,
    )


def test_a_punch_is_missing_only_on_a_day_present():
    days = [
        day(True, time(9), time(17, 30)),
        day(True, None, time(17, 30)),
        day(True, time(9), None),
        day(True, None, None),
        day(False, None, None),
        day(False, time(9), None),
    ]
    rows = measured("Attendance", days, date(2026, 3, 31))
    assert [r["punch_missing"] for r in rows] == [False, True, True, True, False, False]


def test_the_shift_is_the_records_or_the_configured_day():
    days = [
        day(True, time(9), time(17)),
        day(True, time(9), time(17), scheduled_in=time(8), scheduled_out=time(16)),
        day(True, time(9), time(17), scheduled_in=time(0)),  # midnight is a time, not empty
    ]
    settings = {"staff.day_start": time(9, 30), "staff.day_end": time(18)}
    rows = measured("Attendance", days, date(2026, 3, 31), **settings)
    assert [(r["day_start"], r["day_end"]) for r in rows] == [
        (time(9, 30), time(18)),
        (time(8), time(16)),
        (time(0), time(18)),
    ]


def test_a_punch_lapse_is_lateness_in_the_morning_and_leaving_early_at_night():
    punches_ = [{"punch": "上班"}, {"punch": "下班"}]
    rows = measured("PunchTime", punches_, date(2026, 3, 31))
    assert [r["lapse"] for r in rows] == ["迟到", "早退"]


@pytest.mark.parametrize(
    ("at", "in_advance"),
    [
        (None, False),
        (datetime(2026, 3, 2, 17, 59, 59), True),
        (datetime(2026, 3, 2, 18, 0), True),  # at the start itself
        (datetime(2026, 3, 2, 18, 0, 1), False),
        (datetime(2026, 3, 1, 23, 0), True),  # the day before
        (datetime(2026, 3, 3, 9, 0), False),
    ],
)
def test_overtime_forms_are_filed_and_signed_no_later_than_the_start(at, in_advance):
    overtime = Overtime(
        overtime_id="O1",
        employee_id="E1",
        work_date=date(2026, 3, 2),
        started_at=datetime(2026, 3, 2, 18, 0),
        form_filed_at=at,
        hr_signed_at=at,
    )
    (row,) = measured("Overtime", [overtime], date(2026, 3, 31))
    assert (row["filed_in_advance"], row["signed_in_advance"]) == (in_advance, in_advance)


def test_work_is_overdue_after_its_deadline_or_when_undone_past_its_day():
    due = datetime(2026, 3, 5, 18, 0)
    assert not overdue(due, datetime(2026, 3, 5, 18, 0), date(2026, 3, 31))
    assert overdue(due, datetime(2026, 3, 5, 18, 1), date(2026, 3, 31))
    assert not overdue(due, None, date(2026, 3, 5))
    assert overdue(due, None, date(2026, 3, 6))


def _violation(regulation: str, record_key: str, subject: str, points: int | None):
    return SimpleNamespace(
        rule=SimpleNamespace(id="SAL-SHOP-09", regulation=SimpleNamespace(id=regulation)),
        fact=SimpleNamespace(
            key=record_key,
            record=SimpleNamespace(key=record_key),
            subject=SimpleNamespace(id=subject, name=None),
        ),
        points=points,
    )


def test_supervision_doubles_only_other_staff_points_under_the_store_rules():
    violations = [
        _violation("shop-conduct", "OB-1", "E1", 3),
        _violation("shop-conduct", "AT-1", "E2", 10),
        _violation("shop-conduct", "OB-2", "M1", 3),  # the manager's own breach
        _violation("basic-hr", "AT-1", "E2", None),  # another regulation's view of the record
    ]
    facts = supervision("M1", ["OB-1", "AT-1", "OB-2", "OB-9"], violations)
    assert (facts.staff_points, facts.double_points) == (13, 26)
    assert facts.unmatched_records == "OB-2、OB-9"


def test_the_manager_double_deduction_appears_on_the_managers_line(catalog, config):
    rows = {
        "ConductObservation": [
            {
                "observation_id": "OB-1",
                "employee_id": "E1",
                "observed_date": date(2026, 3, 2),
                "conduct": "吃零食",
            }
        ],
        "SupervisionFinding": [
            {
                "finding_id": "SF-1",
                "manager_id": "M1",
                "found_date": date(2026, 3, 3),
                "found_by_role": "经理助理",
                "related_records": "OB-1",
            }
        ],
    }
    result = audit_rows(
        catalog, config, rows, date(2026, 3, 31), **{"audit.regulations": ["shop-conduct"]}
    )
    by_subject = {v.fact.subject.id: (v.rule.id, v.points) for v in result.violations}
    assert by_subject == {"E1": ("SAL-SHOP-09", 3), "M1": ("SAL-SHOP-14", 6)}


def test_lateness_tiers_fine_5_10_20_yuan_or_half_a_days_pay(catalog, config):
    punches = {"A1": time(9, 3), "A2": time(9, 3, 1), "A3": time(9, 30), "A4": time(9, 31)}
    rows = {
        "Employee": [
            {
                "employee_id": "E1",
                "name": "刘晓燕",
                "unit_id": "销售一部",
                "role": "销售顾问",
                "hire_date": date(2025, 6, 1),
                "daily_wage_cny": "240.01",
            }
        ],
        "Attendance": [
            {
                "attendance_id": key,
                "employee_id": "E1",
                "work_date": date(2026, 3, 2 + n),
                "present": True,
                "clock_in": punch,
                "clock_out": time(17, 30),
            }
            for n, (key, punch) in enumerate(punches.items())
        ],
    }
    result = audit_rows(
        catalog, config, rows, date(2026, 3, 31), **{"audit.regulations": ["basic-hr"]}
    )
    fines = {
        v.fact.key: (v.fine_min_cny, v.penalty.from_pay)
        for v in result.violations
        if v.rule.id == "SAL-ATT-01"
    }
    assert fines == {
        "A1@上班": (Decimal(5), True),
        "A2@上班": (Decimal(10), True),
        "A3@上班": (Decimal(20), True),
        "A4@上班": (Decimal("120.01"), True),
    }


def assignment(number: str, unit: str, role: str, start: date, end: date | None) -> Assignment:
    return Assignment.model_validate(
        {
            "assignment_id": number,
            "employee_id": "E1",
            "unit_id": unit,
            "role": role,
            "start_date": start,
            "end_date": end,
        }
    )


def test_the_posting_of_a_day_follows_store_and_role_changes_mid_month():
    register = Employee.model_validate(
        {
            "employee_id": "E1",
            "name": "周佳怡",
            "unit_id": "朝阳路店",
            "role": "导购",
            "hire_date": date(2024, 3, 1),
        }
    )
    periods = [
        assignment("AS-2", "民族大道店", "店长", date(2026, 3, 16), None),
        assignment("AS-1", "朝阳路店", "导购", date(2024, 3, 1), date(2026, 3, 15)),
    ]

    def where(day: date) -> tuple[str, str, date | None] | None:
        posting = posting_on(day, periods, register)
        return posting and (posting.unit, posting.role, posting.since)

    assert where(date(2026, 3, 15)) == ("朝阳路店", "导购", date(2024, 3, 1))  # the last day
    assert where(date(2026, 3, 16)) == ("民族大道店", "店长", date(2026, 3, 16))  # the first day
    assert where(date(2027, 1, 1)) == ("民族大道店", "店长", date(2026, 3, 16))  # still current
    # Before any assignment, the register says where the employee is.
    assert where(date(2024, 2, 29)) == ("朝阳路店", "导购", None)
    assert posting_on(date(2024, 2, 29), periods) is None
    # Overlapping records: the later start wins, whatever the order they came in.
    acting = assignment("AS-3", "朝阳路店", "经理助理", date(2026, 3, 20), date(2026, 3, 22))
    assert posting_on(date(2026, 3, 21), [*periods, acting]).role == "经理助理"
    assert posting_on(date(2026, 3, 21), [acting, *reversed(periods)]).role == "经理助理"
    assert posting_on(date(2026, 3, 23), [acting, *periods]).role == "店长"


def test_monthly_counts_follow_the_employee_across_a_store_change(catalog, config):
    """扩展5 #41's three forms a month are the employee's, not the store's: the fourth form,
    filed in the new store, is still the fourth, and its violation says where she then worked."""
    days = [date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24)]
    rows = {
        "Employee": [
            {
                "employee_id": "E1",
                "name": "周佳怡",
                "unit_id": "民族大道店",
                "role": "销售顾问",
                "hire_date": date(2024, 3, 1),
                "daily_wage_cny": "200",
            }
        ],
        "Assignment": [
            {
                "assignment_id": "AS-1",
                "employee_id": "E1",
                "unit_id": "朝阳路店",
                "role": "销售顾问",
                "start_date": date(2024, 3, 1),
                "end_date": date(2026, 3, 15),
            },
            {
                "assignment_id": "AS-2",
                "employee_id": "E1",
                "unit_id": "民族大道店",
                "role": "销售顾问",
                "start_date": date(2026, 3, 16),
            },
        ],
        "Attendance": [
            {
                "attendance_id": f"A{n}",
                "employee_id": "E1",
                "work_date": day,
                "present": True,
                "clock_in": time(8, 55),
            }
            for n, day in enumerate(days, 1)
        ],
        "PunchExemption": [
            {"exemption_id": f"F{n}", "employee_id": "E1", "work_date": day}
            for n, day in enumerate(days, 1)
        ],
    }
    result = audit_rows(
        catalog, config, rows, date(2026, 3, 31), **{"audit.regulations": ["basic-hr"]}
    )
    over = [v for v in result.violations if v.rule.id == "SAL-ATT-02"]
    assert [v.fact.key for v in over] == ["A4"]
    assert over[0].fact.values["exemption_rank"] == 4
    assert over[0].fact.subject.posting.unit == "民族大道店"
