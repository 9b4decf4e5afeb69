"""The conference-marketing computations (checker/facts/leads.py), each on its own."""

from datetime import date, datetime

import pytest

from checker.facts.leads import (
    box_duties,
    duty_status,
    effective_date,
    first_claims,
    lapse_window,
    lead_counts,
    liable_people,
    report_late,
    rightful,
    service_lapsed,
    spread,
    week_before,
)
from checker.records.leads import JointEvent
from tests.derived import measured

AS_OF = date(2026, 3, 31)

D1, D2 = "第一事业部", "第二事业部"


def event(day: date, session: str) -> JointEvent:
    return JointEvent(
        event_id="HY",
        event_date=day,
        session=session,
        coordinator_id="X",
        division1_manager_id="M1",
        division2_manager_id="M2",
    )


def test_lead_counts_give_participants_without_leads_zero():
    counts = lead_counts(["E1", "E2", "E3"], ["E1", "E1", "E2", None, "E9"])
    assert counts == {"E1": 2, "E2": 1, "E3": 0, "E9": 1}
    assert spread(counts, ["E1", "E2", "E3"]) == (2, 0, 2)


def test_spread_of_an_even_share_and_of_no_participants():
    assert spread(lead_counts(["E1", "E2"], ["E1", "E2", "E1"]), ["E1", "E2"]) == (2, 1, 1)
    assert spread({}, []) is None


def test_an_invitation_at_six_pm_counts_for_that_day_unless_exclusive():
    assert effective_date(datetime(2026, 3, 31, 17, 59, 59), True) == date(2026, 3, 31)
    assert effective_date(datetime(2026, 3, 31, 18, 0, 0), True) == date(2026, 3, 31)
    assert effective_date(datetime(2026, 3, 31, 18, 0, 1), True) == date(2026, 4, 1)
    assert effective_date(datetime(2026, 3, 31, 18, 0, 0), False) == date(2026, 4, 1)
    assert effective_date(datetime(2026, 12, 31, 23, 0), True) == date(2027, 1, 1)


def test_the_week_before_crosses_a_month_end():
    days = week_before(date(2026, 4, 3), 7)
    assert days[0] == date(2026, 3, 27) and days[-1] == date(2026, 4, 2) and len(days) == 7
    assert week_before(date(2026, 4, 3), 6)[0] == date(2026, 3, 28)


def test_box_duties_of_an_evening_an_afternoon_and_a_morning_event():
    evening = box_duties(event(date(2026, 3, 20), "晚上"), 7)
    assert len(evening) == 7 * 3 + 2
    plans = [d for d in evening if d.list_type == "次日计划名单"]
    assert {d.dept for d in plans} == {D2} and len(plans) == 7
    on_the_day = [d for d in evening if d.phase == "活动当天"]
    assert {d.deadline for d in on_the_day} == {datetime(2026, 3, 20, 16, 0)}
    assert {d.manager_id for d in on_the_day} == {"M1", "M2"}
    afternoon = box_duties(event(date(2026, 3, 20), "下午"), 7)
    assert {d.deadline for d in afternoon if d.phase == "活动当天"} == {datetime(2026, 3, 20, 10)}
    assert not [d for d in box_duties(event(date(2026, 3, 20), "上午"), 7) if d.phase == "活动当天"]
    assert evening[0].deadline == datetime(2026, 3, 13, 18, 0)


def test_duty_status_at_the_deadline_and_while_the_day_lasts():
    deadline = datetime(2026, 3, 13, 18, 0)
    assert duty_status(deadline, datetime(2026, 3, 13, 18, 0, 0), date(2026, 3, 31), True) == (
        False,
        False,
    )
    assert duty_status(deadline, datetime(2026, 3, 13, 18, 0, 1), date(2026, 3, 31), True) == (
        False,
        True,
    )
    assert duty_status(deadline, datetime(2026, 3, 13, 18, 0, 0), date(2026, 3, 31), False)[1]
    assert duty_status(deadline, None, date(2026, 3, 13), True) == (False, False)
    assert duty_status(deadline, None, date(2026, 3, 14), True) == (True, False)


def test_first_claims_keep_each_divisions_earliest_day():
    claims = first_claims(
        [(D1, date(2026, 3, 15)), (D1, date(2026, 3, 14)), (D2, date(2026, 3, 16))]
    )
    assert claims == {D1: date(2026, 3, 14), D2: date(2026, 3, 16)}


def test_rightful_division():
    early, late = date(2026, 3, 14), date(2026, 3, 16)
    assert rightful({}, {}) == (None, None)
    assert rightful({D2: late}, {D2: False}) == (D2, "唯一邀约")
    assert rightful({D1: early, D2: late}, {D1: True, D2: True}) == (D1, "先邀约")
    assert rightful({D1: early, D2: late}, {D1: False, D2: True}) == (D2, "迟交作废")
    assert rightful({D1: early, D2: early}, {D1: True, D2: True}) == (None, None)
    assert rightful({D1: early, D2: early}, {D1: False, D2: True}) == (D2, "先邀约")
    assert rightful({D1: early, D2: late}, {D1: False, D2: False}) == (None, None)


def test_lapse_window_clamps_at_a_short_month():
    assert lapse_window(date(2026, 5, 31), 3) == (date(2026, 2, 28), date(2026, 5, 30))
    assert lapse_window(date(2026, 3, 20), 3) == (date(2025, 12, 20), date(2026, 3, 19))


def test_service_lapsed_any_or_all():
    assert not service_lapsed(["邀约", "到会", "家访", "电话"], "any")
    assert service_lapsed(["邀约", "到会"], "any")
    assert not service_lapsed(["邀约", "到会"], "all")
    assert service_lapsed(["电话"], "all")
    assert service_lapsed([], "any")


def test_report_late_same_day_next_day_and_unreported():
    invited = date(2026, 3, 31)
    assert not report_late(invited, date(2026, 3, 31), date(2026, 4, 30), 0)
    assert report_late(invited, date(2026, 4, 1), date(2026, 4, 30), 0)
    assert not report_late(invited, date(2026, 4, 1), date(2026, 4, 30), 1)
    assert not report_late(invited, None, date(2026, 3, 31), 0)
    assert report_late(invited, None, date(2026, 4, 1), 0)


def liability(found: date, resolved: date | None, complained_to: str = "未投诉") -> dict:
    return {
        "grievance_id": "G1",
        "found_date": found,
        "resolved_date": resolved,
        "complained_to": complained_to,
    }


def test_days_open_across_a_month_end_and_the_days_allowed():
    cases = [  # found, resolved: days open, late (3 days allowed)
        (date(2026, 2, 28), date(2026, 3, 3), 3, False),
        (date(2026, 2, 28), date(2026, 3, 4), 4, True),
        (date(2026, 3, 27), None, 4, True),
        (date(2026, 3, 28), None, 3, False),
        (date(2025, 12, 30), date(2026, 1, 2), 3, False),  # over the year end
        (date(2026, 3, 31), date(2026, 3, 31), 0, False),
    ]
    rows = measured("GrievanceLiability", [liability(f, r) for f, r, *_ in cases], AS_OF)
    for (found, _, days, late), row in zip(cases, rows, strict=True):
        assert (row["days_open"], row["resolved_late"]) == (days, late), found
    (two_days,) = measured(
        "GrievanceLiability",
        [liability(date(2026, 2, 28), date(2026, 3, 3))],
        AS_OF,
        **{"mtg.grievance_days": 2},
    )
    assert two_days["resolved_late"] is True


@pytest.mark.parametrize(
    ("complained_to", "other_executive", "case"),
    [
        ("未投诉", "c_only", "a"),
        ("姜总", "c_only", "b"),
        ("其他领导", "c_only", None),
        ("其他领导", "as_jiang", "b"),
        ("未投诉", "as_jiang", "a"),
    ],
)
def test_grievance_case(complained_to, other_executive, case):
    (row,) = measured(
        "GrievanceLiability",
        [liability(date(2026, 3, 2), None, complained_to)],
        AS_OF,
        **{"mtg.other_executive": other_executive},
    )
    assert row["case"] == case


def test_liable_people_are_the_employee_and_a_distinct_manager():
    assert liable_people("E1", "M1") == [("E1", "当事员工"), ("M1", "部门经理")]
    assert liable_people("M1", "M1") == [("M1", "当事员工")]
    assert liable_people("E1", None) == [("E1", "当事员工")]
