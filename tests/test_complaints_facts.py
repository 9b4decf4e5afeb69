"""The complaint facts computed before the engine: tiers of 制度9 七, departures of a recorded
sanction from its tier, who was sanctioned on which complaint, registration and solution delays."""

from datetime import date
from decimal import Decimal

import pytest

from checker.calendar import WorkingCalendar
from checker.facts.complaints import (
    departures,
    is_sanctioned,
    penalty_facts,
    report_late,
    sanctioned_people,
    solution_delay,
    tier_of,
)
from checker.records.complaints import FINDINGS, ComplaintPenalty

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


def test_every_finding_has_exactly_one_tier():
    assert all(tier_of(finding) for finding in FINDINGS)
    assert tier_of("讥笑客户") == "七(一)"
    assert tier_of("与客户发生争执") == "七(二)"
    assert tier_of("主管管理不力") == "七(三)"
    assert tier_of("隐瞒不报投诉") == "七(四)"
    assert tier_of("不实承诺致损失") == "七(五)"
    assert tier_of(None) is None


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
    facts = penalty_facts(penalty(None, fine_cny=20))
    assert facts.tier is None and facts.departures is None and facts.sanctioned


def test_departures_are_listed_in_both_languages():
    facts = penalty_facts(penalty("业务不熟悉", fine_cny=20, points_deducted=1))
    assert facts.departures == "罚款20.00元，应为30-100元；扣1分，应扣0分"
    assert facts.departures_en == "fine: 20.00 yuan, not 30–100; points deducted: 1, not 0"


def test_only_a_record_imposing_something_counts_as_sanctioned():
    assert not is_sanctioned(penalty("业务不熟悉"))
    assert not is_sanctioned(penalty("业务不熟悉", fine_cny=0, points_deducted=0))
    assert is_sanctioned(penalty("业务不熟悉", company_notice=True))
    records = [
        penalty(case_id="T1", employee_id="E1", fine_cny=50),
        penalty(case_id="T1", employee_id="E2", fine_cny=0),
        penalty(case_id=None, employee_id="E3", fine_cny=50),
    ]
    assert sanctioned_people(records) == {("T1", "E1")}


def test_registration_is_late_after_the_allowed_days():
    received = date(2026, 3, 2)
    assert not report_late(received, received, date(2026, 3, 31), 0)
    assert report_late(received, date(2026, 3, 3), date(2026, 3, 31), 0)
    assert not report_late(received, date(2026, 3, 3), date(2026, 3, 31), 1)
    # Not registered: late only once the last allowed day has passed.
    assert not report_late(received, None, received, 0)
    assert report_late(received, None, date(2026, 3, 3), 0)
    # Across a month's end.
    assert report_late(date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 30), 0)


def test_the_solution_is_counted_in_working_days_after_receipt():
    friday = date(2026, 3, 6)
    assert solution_delay(CAL, friday, date(2026, 3, 9), date(2026, 3, 31), 1) == (1, False)
    assert solution_delay(CAL, friday, date(2026, 3, 10), date(2026, 3, 31), 1) == (2, True)
    assert solution_delay(CAL, friday, friday, date(2026, 3, 31), 1) == (0, False)
    # Qingming (4–6 April 2026): received on Friday 3 April, Tuesday the 7th is the first day.
    assert solution_delay(CAL, date(2026, 4, 3), date(2026, 4, 7), date(2026, 4, 30), 1) == (
        1,
        False,
    )
    # No solution yet: counted up to the audit date.
    assert solution_delay(CAL, date(2026, 3, 30), None, date(2026, 3, 31), 1) == (1, False)
    assert solution_delay(CAL, date(2026, 3, 27), None, date(2026, 3, 31), 1) == (2, True)


def test_money_in_a_departure_keeps_its_cents():
    facts = penalty_facts(penalty("讥笑客户", fine_cny=Decimal("100.01")))
    assert facts.departures == "罚款100.01元，应为30-100元"
