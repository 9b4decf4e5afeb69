"""The facts computed before the engine, each on its own."""

import itertools
import math
from datetime import date
from decimal import Decimal

import pytest

from checker.calendar import WorkingCalendar
from checker.columnar import Unplaced
from checker.facts import member as facts
from checker.records.member import (
    ApplicantStaff,
    ChangeEvent,
    ExchangeRequest,
    Mandate,
    MarginRefund,
    Member,
    MemberApplication,
    Rectification,
    Termination,
    Trade,
    TradingMonth,
)
from tests.conftest import audit_rows
from tests.derived import measured

CAL = WorkingCalendar()


def application(**changes):
    values = dict(
        application_id="A1",
        applicant_id="X1",
        applicant_name="甲公司",
        entity_type="企业法人",
        application_date=date(2025, 6, 30),
        registered_capital_cny="12000000",
        paid_in_capital_cny="8000000",
        premises_independent=True,
        premises_fixed=True,
        it_hardware=True,
        it_software=True,
        it_comm_lines=True,
        it_specialists=True,
        it_policies=True,
        fees_subscribed=True,
    )
    return MemberApplication(**{**values, **changes})


STAFF_NUMBERS = itertools.count(1)


def staff(level, years, misconduct=None):
    return ApplicantStaff(
        staff_id=f"S{next(STAFF_NUMBERS)}",
        application_id="A1",
        applicant_id="X1",
        name="张三",
        level=level,
        finance_experience_years=Decimal(years),
        last_misconduct_date=misconduct,
    )


def _application(record, *people, basis="registered"):
    as_of = date(2026, 1, 1)
    settings = {"member.capital_basis": basis}
    return _measured(record, as_of, "MemberApplication", record.application_id, *people, **settings)


def test_staff_counts_required_counts_and_the_three_year_window():
    people = [
        staff("高层", "5"),
        staff("高层", "4.9"),
        staff("高层", "12", date(2022, 6, 30)),
        staff("高层", "8", date(2022, 6, 29)),
        staff("高层", "9", date(2025, 7, 1)),  # after the application: not in its 3 years
        staff("中层", "3"),
        staff("中层", "2"),
        staff("基层", "1"),
        staff("基层", "0.5"),
    ]
    other = staff("高层", "30", date(2025, 1, 1)).model_copy(update={"application_id": "A2"})
    result = _application(application(), *people, other)
    assert result["senior_staff_count"] == 5
    assert result["senior_required_count"] == 2  # a third of 5, rounded up
    assert result["senior_experienced_count"] == 4  # exactly 5 years counts
    # 3 years before to the day counts, a day more does not
    assert result["senior_recent_record_count"] == 1
    assert result["senior_experienced_clean_count"] == 3
    assert (result["middle_staff_count"], result["middle_required_count"]) == (2, 2)
    assert result["middle_experienced_count"] == 1
    assert (result["junior_staff_count"], result["junior_inexperienced_count"]) == (2, 1)
    assert result["capital_for_admission_cny"] == Decimal("12000000")


def test_capital_basis_and_an_empty_staff_list():
    result = _application(application(paid_in_capital_cny=None), basis="paid_in")
    assert result["capital_for_admission_cny"] is None
    assert result["senior_staff_count"] == result["senior_required_count"] == 0
    assert _application(application(), basis="paid_in")["capital_for_admission_cny"] == Decimal(
        "8000000"
    )


@pytest.mark.parametrize("count", range(8))
def test_required_shares_round_up(count):
    seniors = [staff("高层", "1") for _ in range(count)]
    middles = [staff("中层", "1") for _ in range(count)]
    result = _application(application(), *seniors, *middles)
    assert result["senior_required_count"] == math.ceil(count / 3)
    assert result["middle_required_count"] == math.ceil(2 * count / 3)


def test_three_years_before_a_leap_day():
    # 2028-02-29 is not known to the calendar, but no working day is counted: 2025-02-28 is
    # three years before it (the month's last day), and a record that day is recent.
    leap = application(application_date=date(2028, 2, 29))
    people = [staff("高层", "6", date(2025, 2, 28)), staff("高层", "6", date(2025, 2, 27))]
    result = _application(leap, *people)
    assert result["senior_recent_record_count"] == 1
    assert result["senior_experienced_clean_count"] == 1


def month(value, trades=0, justified=None):
    return TradingMonth(member_id="M1", month=value, trade_count=trades, idle_justified=justified)


def test_idle_streaks_across_a_year_and_broken_by_gaps_or_reasons():
    assert facts.idle_streak([month("2024-11"), month("2024-12"), month("2025-01")]) == (
        3,
        "2024-11",
    )
    assert facts.idle_streak([month("2025-01"), month("2025-03"), month("2025-04")]) == (
        2,
        "2025-03",
    )
    assert facts.idle_streak(
        [month("2025-01"), month("2025-02", justified=True), month("2025-03")]
    ) == (1, "2025-01")
    assert facts.idle_streak([month("2025-01", trades=4)]) == (0, None)


def event(change_type, **changes):
    values = dict(
        event_id="E1", member_id="M1", change_type=change_type, occurred_date=date(2025, 9, 26)
    )
    return ChangeEvent(**{**values, **changes})


def _measured(record, as_of: date, kind: str, key: str, *related, **settings):
    """A record's derived fields of policies/member.py, with the related records (of other
    kinds) given in input order."""
    return measured(kind, [record], as_of, related=related, **settings)[0]


def test_other_venue_qualifications_need_a_report_and_an_approval():
    events = [
        event("取得其它交易所会员资格", reported_date=date(2025, 10, 1), exchange_approved=True),
        event("取得其它交易场所代理商资格", reported_date=date(2025, 10, 1)),  # approval empty
        event("取得其它交易所会员资格", exchange_approved=True),  # not reported
        event("取得其它交易所会员资格", reported_date=date(2025, 10, 1), exchange_approved=False),
        event("名称"),
        event("取得其它交易所会员资格", member_id="M2"),  # another member's
    ]
    member = Member(member_id="M1", member_name="甲", admitted_date=date(2020, 1, 2), status="正常")
    measured = _measured(member, date(2026, 1, 1), "Member", "M1", *events)
    assert measured["unapproved_other_venues"] == 3
    alone = _measured(member, date(2026, 1, 1), "Member", "M1")
    assert alone["unapproved_other_venues"] == 0


def _clock(record: ChangeEvent, as_of: date, basis: str = "occurred", team_days: int = 10):
    """The reporting clock of 第十条, as the derived fields of policies/member.py measure it."""
    settings = {
        "member.report_clock_start": basis,
        "member.team_change_report_working_days": team_days,
    }
    return _measured(record, as_of, "ChangeEvent", record.event_id, **settings)


def test_report_clock_counts_working_days_and_falls_back_to_the_effective_date():
    clock = _clock(event("法定代表人", reported_date=date(2025, 10, 17)), date(2026, 1, 1))
    assert (clock["report_deadline"], clock["working_days_elapsed"], clock["reported"]) == (
        date(2025, 10, 16),
        11,
        True,
    )
    known = _clock(event("法定代表人", known_date=date(2025, 10, 9)), date(2025, 10, 20), "known")
    assert (known["clock_start"], known["clock_basis"], known["working_days_elapsed"]) == (
        date(2025, 10, 9),
        "known",
        8,
    )  # 11 October was a make-up workday
    fallback = _clock(event("法定代表人"), date(2025, 10, 20), "decided")
    assert (fallback["clock_start"], fallback["clock_basis"]) == (date(2025, 9, 26), "occurred")
    assert fallback["reported"] is False


def test_team_changes_take_their_own_number_of_working_days():
    team = _clock(event("经营团队变动"), date(2025, 10, 20), team_days=3)
    other = _clock(event("名称"), date(2025, 10, 20), team_days=3)
    # Friday 26 September 2025 + 3 working days: Sunday 28 September was a make-up workday.
    assert team["report_deadline"] == date(2025, 9, 30)
    assert other["report_deadline"] == CAL.add_working_days(date(2025, 9, 26), 10)


def test_a_clock_past_the_calendars_years_is_the_calendars_reason():
    lost = _clock(event("法定代表人", occurred_date=date(2026, 12, 28)), date(2026, 12, 31))
    assert isinstance(lost, Unplaced) and "2027" in str(lost.error)


def test_requests_use_their_deadline_or_the_working_day_default():
    request = ExchangeRequest(
        request_id="R1",
        member_id="M1",
        request_type="配合事项",
        topic="现场检查",
        request_date=date(2025, 9, 26),
        completed_date=date(2025, 10, 17),
    )
    default = _measured(request, date(2026, 1, 1), "ExchangeRequest", "R1")
    assert (default["deadline"], default["days_late"]) == (date(2025, 10, 16), 1)
    assert default["working_days_elapsed"] == 11
    dated = _measured(
        request.model_copy(update={"due_date": date(2025, 10, 31)}),
        date(2026, 1, 1),
        "ExchangeRequest",
        "R1",
    )
    assert (dated["deadline"], dated["days_late"]) == (date(2025, 10, 31), -14)
    three = _measured(
        request,
        date(2026, 1, 1),
        "ExchangeRequest",
        "R1",
        **{"member.request_default_working_days": 3},
    )
    assert three["deadline"] == date(2025, 9, 30)  # Sunday 28 September was a workday


def test_a_request_with_its_own_deadline_needs_no_default_from_the_calendar():
    # The working-day default of a request dated late in 2026 would fall in 2027, which the
    # calendar does not know; a request with its own deadline is measured all the same.
    late = ExchangeRequest(
        request_id="R2",
        member_id="M1",
        request_type="配合事项",
        topic="资料",
        request_date=date(2026, 12, 28),
        due_date=date(2026, 12, 30),
    )
    dated = _measured(late, date(2026, 12, 31), "ExchangeRequest", "R2")
    assert (dated["deadline"], dated["days_late"]) == (date(2026, 12, 30), 1)
    undated = _measured(
        late.model_copy(update={"due_date": None}), date(2026, 12, 31), "ExchangeRequest", "R2"
    )
    assert isinstance(undated, Unplaced) and "2027" in str(undated.error)


def termination(number: int, applied: date, notice: date | None, **changes) -> Termination:
    values = dict(
        termination_id=f"T{number}",
        member_id="M1",
        application_date=applied,
        exchange_notice_date=notice,
    )
    return Termination(**{**values, **changes})


def refund(**changes) -> MarginRefund:
    values = dict(
        refund_id="F1",
        member_id="M1",
        peak_margin_cny="3333333.33",
        reserve_cny="666666.67",
        tranche1_cny="266666.67",
        tranche2_cny="400000.00",
    )
    return MarginRefund(**{**values, **changes})


def test_refund_shares_round_to_the_fen():
    shares = _measured(refund(), date(2026, 1, 1), "MarginRefund", "F1")
    assert shares["required_reserve_cny"] == Decimal("666666.67")
    assert shares["tranche1_due_cny"] == Decimal("266666.67")
    assert shares["tranche2_due_cny"] == Decimal("400000.00")


def test_refund_dates_follow_the_latest_termination_and_clamp_month_ends():
    notices = [
        termination(1, date(2025, 3, 1), date(2025, 4, 30)),
        termination(2, date(2025, 9, 1), date(2025, 10, 31)),  # the latest application
        termination(3, date(2025, 5, 1), date(2025, 6, 30)),
        termination(4, date(2025, 9, 1), date(2025, 1, 1), member_id="M2"),
    ]
    found = _measured(refund(), date(2026, 4, 29), "MarginRefund", "F1", *notices)
    assert found["exchange_notice_date"] == date(2025, 10, 31)
    assert found["tranche1_earliest"] == date(2026, 2, 28)
    assert found["tranche2_earliest"] == date(2026, 4, 30)
    assert found["tranche1_available"] is True and found["tranche2_available"] is False
    assert found["refunded_total_cny"] == Decimal("666666.67")
    on_the_day = _measured(refund(), date(2026, 4, 30), "MarginRefund", "F1", *notices)
    assert on_the_day["tranche2_available"] is True
    # Two applications of one day: the later read decides, as the register keeps it.
    tied = [termination(1, date(2025, 9, 1), date(2025, 9, 5)), notices[1]]
    assert _measured(refund(), date(2026, 1, 1), "MarginRefund", "F1", *tied)[
        "exchange_notice_date"
    ] == date(2025, 10, 31)
    unannounced = _measured(
        refund(tranche2_cny=None),
        date(2026, 1, 1),
        "MarginRefund",
        "F1",
        termination(1, date(2025, 9, 1), None),
    )
    assert unannounced["exchange_notice_date"] is None
    assert unannounced["tranche1_earliest"] is None and unannounced["tranche1_available"] is False
    assert unannounced["refunded_total_cny"] is None


def test_the_members_status_is_read_from_the_register():
    rectification = Rectification(
        rectification_id="Z1",
        member_id="M1",
        notice_type="整改意见书",
        issued_date=date(2025, 1, 6),
        deadline=date(2025, 2, 28),
        completed_date=date(2025, 3, 3),
    )
    member = Member(member_id="M1", member_name="甲", admitted_date=date(2020, 1, 2), status="正常")
    ended = member.model_copy(update={"status": "取消"})
    other = member.model_copy(update={"member_id": "M2", "status": "终止"})
    active = _measured(rectification, date(2026, 1, 1), "Rectification", "Z1", member, other)
    assert (active["member_status"], active["member_ended"], active["days_late"]) == (
        "正常",
        False,
        3,
    )
    cancelled = _measured(rectification, date(2026, 1, 1), "Rectification", "Z1", ended)
    assert (cancelled["member_status"], cancelled["member_ended"]) == ("取消", True)
    unknown = _measured(rectification, date(2026, 1, 1), "Rectification", "Z1", other)
    assert (unknown["member_status"], unknown["member_ended"]) == (None, None)


def test_inspection_years_due_only_for_closed_windows_while_a_member():
    member = Member(member_id="M1", member_name="甲", admitted_date=date(2024, 7, 2), status="正常")
    years = list(
        facts.inspection_years(
            member,
            [date(2025, 8, 31), date(2026, 9, 1)],
            date(2026, 9, 1),
            None,
            "admitted_by_window_start",
        )
    )
    assert [(y.year, y.registered_in_window) for y in years] == [(2025, True), (2026, False)]
    late_joiner = list(
        facts.inspection_years(member, [], date(2026, 1, 1), None, "admitted_by_window_end")
    )
    assert [y.year for y in late_joiner] == [2024, 2025]
    left = member.model_copy(update={"status": "终止", "status_date": date(2025, 8, 31)})
    assert [
        y.year
        for y in facts.inspection_years(left, [], date(2026, 12, 1), None, "admitted_by_window_end")
    ] == [2024]
    assert [
        y.year
        for y in facts.inspection_years(
            member, [], date(2026, 12, 1), 2026, "admitted_by_window_start"
        )
    ] == [2026]


def test_a_mandate_covers_its_first_and_last_day():
    def mandate(mandate_id, start, end, trader="T1"):
        return Mandate(
            mandate_id=mandate_id,
            member_id="M1",
            trader_id=trader,
            valid_from=start,
            valid_to=end,
        )

    mandates = [
        mandate("W2", date(2025, 3, 1), None),
        mandate("W1", date(2025, 1, 1), date(2025, 1, 31)),
        mandate("W0", date(2025, 1, 1), None, trader="T2"),  # another trader's
    ]
    for day, expected in [
        (date(2025, 1, 1), "W1"),
        (date(2025, 1, 31), "W1"),
        (date(2025, 2, 1), None),
        (date(2030, 1, 1), "W2"),
    ]:
        trade = Trade(
            trade_id="X1", member_id="M1", trader_id="T1", trade_date=day, amount_cny="100"
        )
        found = _measured(trade, date(2031, 1, 1), "Trade", "X1", *mandates)
        assert found["mandate_id"] == expected, day


def test_measures_outside_articles_17_to_20():
    assert facts.unlisted_measures({"口头警告", "罚款", "撤消会员资格", "停业整顿"}) == [
        "停业整顿",
        "罚款",
    ]


def test_orphan_staff_are_rejected_and_unknown_members_warned(catalog, config):
    result = audit_rows(
        catalog,
        config,
        {
            "ApplicantStaff": [
                dict(
                    staff_id="S1",
                    application_id="A9",
                    applicant_id="X9",
                    name="李四",
                    level="高层",
                    finance_experience_years=6,
                )
            ],
            "Member": [
                dict(
                    member_id="M1", member_name="甲", admitted_date=date(2024, 1, 2), status="正常"
                )
            ],
            "FeeInvoice": [
                dict(
                    invoice_id="I1",
                    member_id="M7",
                    fee_type="会员管理费",
                    amount_cny=5000,
                    due_date=date(2025, 1, 31),
                    paid_date=date(2025, 1, 31),
                )
            ],
        },
        date(2026, 1, 1),
    )
    rejected = [p for p in result.problems if p.rejects_record]
    assert [(p.field, "A9" in p.message.en) for p in rejected] == [("application_id", True)]
    warnings = [p.message.en for p in result.problems if not p.rejects_record]
    assert any("M7 is not in the member register" in w for w in warnings)
    assert result.audited == 2 and result.rejected == 1
