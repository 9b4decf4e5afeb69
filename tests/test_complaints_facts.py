"""The complaint facts computed before the engine: tiers of 制度9 七, departures of a recorded
sanction from its tier, who was sanctioned on which complaint, registration and solution delays."""

from datetime import date
from decimal import Decimal

import pytest

from checker.calendar import WorkingCalendar
from checker.columnar import Unplaced
from checker.facts.complaints import (
    ComplaintHandling,
    departures,
    penalty_facts,
    tier_of,
)
from checker.records.complaints import FINDINGS, ComplaintPenalty, StaffComplaint
from tests.derived import measured

CAL = WorkingCalendar()


def penalty(finding: str | None = None, **fields: object) -> ComplaintPenalty:
    return ComplaintPenalty.model_validate(
        {
            "penalty_id": "CF",
            "employee_id": "E1",
            "decided_date": date(2026, 3, 2),
            "finding": finding,
            **fields,
        }
    )


def _measured(
    kind: str, values: dict, as_of: date = date(2026, 3, 31), *related: object, **settings
):
    return measured(kind, [values], as_of, related=related, **settings)[0]


def test_every_finding_has_exactly_one_tier():
    assert all(tier_of(finding) for finding in FINDINGS)
    assert tier_of("讥笑客户") == "七(一)"
    assert tier_of("与客户发生争执") == "七(二)"
    assert tier_of("主管管理不力") == "七(三)"
    assert tier_of("隐瞒不报投诉") == "七(四)"
    assert tier_of("不实承诺致损失") == "七(五)"
    assert tier_of(None) is None


@pytest.mark.parametrize("finding", [*FINDINGS, None])
def test_the_derived_tier_is_the_paragraph_naming_the_finding(finding):
    record = penalty(finding)
    assert _measured("ComplaintPenalty", dict(record))["tier"] == tier_of(finding)


@pytest.mark.parametrize(
    ("fine", "departs"),
    [(None, True), ("29.99", True), ("30", False), ("100", False), ("100.01", True)],
)
def test_the_first_tier_takes_30_to_100_yuan_both_ends_included(fine, departs):
    record = penalty("服务态度不佳", fine_cny=fine)
    assert bool(departures("七(一)", record)) is departs


def test_the_second_tier_needs_200_yuan_5_points_and_the_notice():
    exact = penalty("接待态度冷淡", fine_cny=200, points_deducted=5, company_notice=True)
    assert departures("七(二)", exact) == []
    short = penalty("接待态度冷淡", fine_cny=200, points_deducted=4)
    assert [zh for zh, _ in departures("七(二)", short)] == ["扣4分，应扣5分", "未通报全公司"]


def test_the_third_and_fourth_tiers_need_their_measures():
    third = penalty(
        "拒不承认投诉事实", fine_cny=300, points_deducted=10, company_notice=True, reprimand=True
    )
    assert departures("七(三)", third) == []
    fourth = penalty(
        "不配合解决投诉", fine_cny=1000, company_notice=True, major_demerit=True, dismissed=True
    )
    assert [zh for zh, _ in departures("七(四)", fourth)] == [
        "未扣除当月绩效工资",
        "另加辞退或开除（本档未规定）",
    ]


def test_the_fifth_tier_asks_only_for_dismissal():
    assert departures("七(五)", penalty("殴打客户", dismissed=True, fine_cny=5000)) == []
    assert departures("七(五)", penalty("殴打客户", fine_cny=5000)) == [
        ("未予辞退或开除", "not dismissed")
    ]


def test_a_record_without_a_finding_has_no_tier_and_no_departures():
    record = penalty(None, fine_cny=20)
    measured = _measured("ComplaintPenalty", dict(record))
    assert measured["tier"] is None and measured["sanctioned"] is True
    assert penalty_facts(record).departures is None


def test_departures_are_listed_in_both_languages():
    facts = penalty_facts(penalty("业务不熟悉", fine_cny=20, points_deducted=1))
    assert facts.departures == "罚款20.00元，应为30-100元；扣1分，应扣0分"
    assert facts.departures_en == "fine: 20.00 yuan, not 30–100; points deducted: 1, not 0"


@pytest.mark.parametrize(
    ("fields", "sanctioned"),
    [
        ({}, False),
        ({"fine_cny": 0, "points_deducted": 0}, False),
        ({"company_notice": False, "dismissed": False}, False),
        ({"fine_cny": "0.01"}, True),
        ({"points_deducted": 1}, True),
        ({"company_notice": True}, True),
        ({"reprimand": True}, True),
        ({"major_demerit": True}, True),
        ({"performance_pay_withheld": True}, True),
        ({"dismissed": True}, True),
    ],
)
def test_only_a_record_imposing_something_counts_as_sanctioned(fields, sanctioned):
    record = penalty("业务不熟悉", **fields)
    assert _measured("ComplaintPenalty", dict(record))["sanctioned"] is sanctioned
    # The same test decides whom a complaint's sanctions reached (制度7 第六条).
    on_case = penalty("业务不熟悉", case_id="T1", **fields)
    assert _sanctioned(complaint(), on_case)["respondent_sanctioned"] is sanctioned


def complaint(**fields: object) -> dict:
    values = {
        "case_id": "T1",
        "received_date": date(2026, 3, 2),
        "respondent_id": "E1",
        "handler_id": "E2",
        "dept_head_id": "E3",
        **fields,
    }
    return dict(StaffComplaint.model_validate(values))


def _sanctioned(values: dict, *penalties: ComplaintPenalty) -> dict:
    return _measured("StaffComplaint", values, date(2026, 3, 31), *penalties)


def test_sanctioned_people_are_counted_per_complaint():
    penalties = (
        penalty(case_id="T1", employee_id="E1", fine_cny=50),
        penalty(case_id="T1", employee_id="E3", fine_cny=0),  # imposes nothing
        penalty(case_id=None, employee_id="E3", fine_cny=50),  # on no complaint
        penalty(case_id="T2", employee_id="E3", dismissed=True),  # another complaint's
        penalty(case_id="T2", employee_id="E2", dismissed=True),
    )
    found = _sanctioned(complaint(), *penalties)
    assert (found["respondent_sanctioned"], found["head_sanctioned"]) == (True, False)
    assert _sanctioned(complaint(dept_head_id=None), *penalties)["head_sanctioned"] is None
    other = _sanctioned(complaint(case_id="T2", respondent_id="E9"), *penalties)
    assert (other["respondent_sanctioned"], other["head_sanctioned"]) == (False, True)
    alone = _sanctioned(complaint())
    assert (alone["respondent_sanctioned"], alone["head_sanctioned"]) == (False, False)
    # The handler's, per handling: several records of the same person count once.
    twice = (*penalties, penalty(case_id="T1", employee_id="E2", reprimand=True))
    handled = _measured("ComplaintHandling", handling(date(2026, 3, 2)), date(2026, 3, 31), *twice)
    assert handled["handler_sanctioned"] is True
    assert _measured("ComplaintHandling", handling(date(2026, 3, 2)))["handler_sanctioned"] is False


def handling(received: date, **fields: object) -> dict:
    values = {
        "case_id": "T1",
        "received_date": received,
        "respondent_id": "E1",
        "handler_id": "E2",
        "recorded_date": None,
        "solution_date": None,
        "classification": None,
        "reported_to_leader": None,
        **fields,
    }
    return ComplaintHandling.model_validate(values).model_dump()


@pytest.mark.parametrize(
    ("received", "recorded", "as_of", "days", "late"),
    [
        (date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 31), 0, False),
        (date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 31), 0, True),
        (date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 31), 1, False),
        # Not registered: late only once the last allowed day has passed.
        (date(2026, 3, 2), None, date(2026, 3, 2), 0, False),
        (date(2026, 3, 2), None, date(2026, 3, 3), 0, True),
        (date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 30), 0, True),  # a month's end
        (date(2025, 12, 31), date(2026, 1, 1), date(2026, 4, 30), 1, False),  # a year's end
    ],
)
def test_registration_is_late_after_the_allowed_days(received, recorded, as_of, days, late):
    values = handling(received, recorded_date=recorded)
    measured = _measured("ComplaintHandling", values, as_of, **{"cpl9.report_days": days})
    assert measured["report_late"] is late


FRIDAY = date(2026, 3, 6)


@pytest.mark.parametrize(
    ("received", "solved", "as_of", "elapsed", "late"),
    [
        (FRIDAY, date(2026, 3, 9), date(2026, 3, 31), 1, False),  # over a weekend
        (FRIDAY, date(2026, 3, 10), date(2026, 3, 31), 2, True),
        (FRIDAY, FRIDAY, date(2026, 3, 31), 0, False),
        # Qingming (4–6 April 2026): received on Friday 3 April, Tuesday the 7th is the first day.
        (date(2026, 4, 3), date(2026, 4, 7), date(2026, 4, 30), 1, False),
        # No solution yet: counted up to the audit date.
        (date(2026, 3, 30), None, date(2026, 3, 31), 1, False),
        (date(2026, 3, 27), None, date(2026, 3, 31), 2, True),
        # New Year 2026: 1–3 January are holidays, Sunday the 4th a make-up workday.
        (date(2025, 12, 31), date(2026, 1, 2), date(2026, 3, 31), 0, False),
        (date(2025, 12, 31), date(2026, 1, 4), date(2026, 3, 31), 1, False),
        (date(2025, 12, 31), date(2026, 1, 5), date(2026, 3, 31), 2, True),
    ],
)
def test_the_solution_is_counted_in_working_days_after_receipt(
    received, solved, as_of, elapsed, late
):
    values = handling(received, solution_date=solved)
    measured = _measured("ComplaintHandling", values, as_of)
    assert (measured["solution_working_days"], measured["solution_late"]) == (elapsed, late)


def test_a_solution_outside_the_calendars_years_rejects_the_handling():
    lost = _measured("ComplaintHandling", handling(date(2026, 12, 30)), date(2027, 1, 4))
    assert isinstance(lost, Unplaced) and "2027" in str(lost.error)


def test_money_in_a_departure_keeps_its_cents():
    facts = penalty_facts(penalty("讥笑客户", fine_cny=Decimal("100.01")))
    assert facts.departures == "罚款100.01元，应为30-100元"
