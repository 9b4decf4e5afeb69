"""The sales-department facts (扩展3): missing contacts and their running count, the rank of each
refusal of another's customer, complete months, probation, training days and working hours."""

from datetime import date, time
from decimal import Decimal
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.facts.sales_department import (
    complete_months,
    employed_throughout,
    offence_ranks,
    probation_end,
    probation_sales,
    prospecting_counts,
    shortfalls,
    training_days,
)
from checker.records.sales import ConductObservation, Employee
from checker.records.sales_department import (
    DeptAfterHours,
    DeptMonthlyVisitReport,
    DeptOuting,
    DeptProbationReview,
    DeptProspectingDay,
    DeptReception,
)
from checker.rules import Measure
from tests.conftest import audit_rows
from tests.derived import measured

AS_OF = date(2026, 3, 31)

REGULATION = {"audit.regulations": ["sales-dept-rules"]}


def day(day_id: str, on: date, met: int = 2, called: int = 5, visited: int = 2, who: str = "K1"):
    return DeptProspectingDay(
        day_id=day_id,
        employee_id=who,
        work_date=on,
        went_out=True,
        prospects_met=met,
        prospects_called=called,
        old_clients_visited=visited,
    )


def offence(observation_id: str, on: date, who: str = "S1") -> ConductObservation:
    return ConductObservation(
        observation_id=observation_id, employee_id=who, observed_date=on, conduct="拒绝非己客户"
    )


def test_each_target_is_short_on_its_own_and_a_surplus_does_not_carry():
    assert shortfalls(2, 5, 2) == (0, 0, 0)
    assert shortfalls(1, 4, 1) == (1, 1, 1)
    assert shortfalls(9, 0, 2) == (0, 5, 0)


# 30 March short 3, 31 March short 2 (5 in March), 1 April short 1.
ACROSS_MONTHS = [
    day("A", date(2026, 3, 30), called=2),
    day("B", date(2026, 3, 31), met=0),
    day("C", date(2026, 4, 1), visited=1),
]


def test_missing_contacts_accumulate_per_calendar_month():
    counts = prospecting_counts(ACROSS_MONTHS, "month", "contact")
    assert [(counts[d][0], counts[d][1]) for d in "ABC"] == [(3, 3), (2, 5), (1, 1)]
    assert [d.day_id for d in counts["B"][2]] == ["A"]
    assert counts["C"][2] == []  # April starts afresh


def test_all_time_accumulation_carries_over_the_month_end():
    counts = prospecting_counts(ACROSS_MONTHS, "ever", "contact")
    assert [counts[d][1] for d in "ABC"] == [3, 5, 6]
    assert [d.day_id for d in counts["C"][2]] == ["A", "B"]


def test_counting_deficient_days_counts_one_a_day_and_skips_clean_days():
    days = [day(f"D{n}", date(2026, 3, n), called=0) for n in range(2, 7)]
    days += [day("OK", date(2026, 3, 7)), day("D9", date(2026, 3, 9), called=4)]
    counts = prospecting_counts(days, "month", "day")
    assert [counts[d.day_id][1] for d in days] == [1, 2, 3, 4, 5, 5, 6]
    assert counts["OK"][0] == 0
    assert "OK" not in [d.day_id for d in counts["D9"][2]]


def test_employees_are_counted_apart_and_input_order_does_not_matter():
    days = [day("Y", date(2026, 3, 3), called=0, who="K2"), *reversed(ACROSS_MONTHS[:2])]
    counts = prospecting_counts(days, "month", "contact")
    assert counts["Y"][1] == 5 and counts["B"][1] == 5 and counts["A"][1] == 3


def test_offences_are_ranked_per_employee_with_the_earlier_ones():
    items = [
        offence("O3", date(2026, 3, 2)),
        offence("O1", date(2025, 11, 20)),
        offence("O2", date(2026, 1, 8)),
        offence("X1", date(2026, 1, 1), who="S2"),
    ]
    ranks = offence_ranks(items, "ever")
    assert ranks["O3"][0] == 3 and [o.observation_id for o in ranks["O3"][1]] == ["O1", "O2"]
    assert ranks["X1"] == (1, [])


def test_a_year_window_starts_counting_again_on_1_january():
    items = [offence("A", date(2025, 12, 31)), offence("B", date(2026, 1, 1))]
    assert offence_ranks(items, "year")["B"] == (1, [])
    assert offence_ranks(items, "ever")["B"][0] == 2


def test_offences_of_one_day_are_ranked_by_their_number():
    items = [offence("B", date(2026, 3, 2)), offence("A", date(2026, 3, 2))]
    assert offence_ranks(items, "ever")["A"][0] == 1


def test_complete_months_end_on_or_before_the_audit_day():
    march = (date(2026, 3, 1), date(2026, 3, 31))
    assert complete_months(date(2026, 3, 15), date(2026, 3, 31)) == [march]
    assert complete_months(date(2026, 3, 15), date(2026, 3, 30)) == []
    assert [m[0].month for m in complete_months(date(2025, 11, 30), date(2026, 2, 28))] == [
        11,
        12,
        1,
        2,
    ]


def test_employed_throughout_a_month():
    staff = Employee(
        employee_id="M1",
        name="x",
        unit_id="市场部",
        role="市场专员",
        hire_date=date(2026, 3, 1),
        leave_date=date(2026, 3, 31),
    )
    assert employed_throughout(staff, date(2026, 3, 1), date(2026, 3, 31))
    assert not employed_throughout(staff, date(2026, 2, 1), date(2026, 2, 28))
    assert not employed_throughout(staff, date(2026, 4, 1), date(2026, 4, 30))


@pytest.mark.parametrize(
    ("hired", "ends"),
    [
        (date(2026, 1, 5), date(2026, 3, 4)),
        (date(2026, 1, 31), date(2026, 3, 30)),
        (date(2026, 12, 31), date(2027, 2, 28)),
        (date(2026, 12, 28), date(2027, 2, 27)),
        (date(2026, 3, 1), date(2026, 4, 30)),
    ],
)
def test_probation_is_two_months_from_the_hire_day(hired, ends):
    assert probation_end(hired) == ends


def test_sales_count_from_the_hire_day_to_the_last_day_of_probation():
    sales = [
        (date(2026, 1, 4), 9),
        (date(2026, 1, 5), 1),
        (date(2026, 3, 4), 3),
        (date(2026, 3, 5), 7),
    ]
    assert probation_sales(date(2026, 1, 5), sales) == 4


def test_training_days_are_working_tuesdays_and_thursdays():
    holiday = date(2026, 3, 5)
    days = training_days(date(2026, 3, 2), date(2026, 3, 8), lambda d: d != holiday)
    assert days == [date(2026, 3, 3)]


# --------------------------------------------------------------------------- derived fields


def test_each_daily_shortfall_is_measured_as_the_python_count_has_it():
    counts = [
        (met, called, visited)
        for met in range(4)
        for called in range(7)
        for visited in (0, 1, 2, 9)
    ]
    days = [day(f"D{n}", date(2026, 3, 2), *c) for n, c in enumerate(counts)]
    for (met, called, visited), row in zip(
        counts, measured("DeptProspectingDay", days, AS_OF), strict=True
    ):
        short = shortfalls(met, called, visited)
        assert (row["met_short"], row["called_short"], row["visits_short"]) == short
        assert row["shortfall"] == sum(short)


def test_working_hours_include_the_start_and_exclude_the_end():
    moments = [time(8, 59, 59), time(9), time(17, 29, 59), time(17, 30), time(0), time(23, 59)]
    outings = [
        DeptOuting(
            outing_id=f"O{n}",
            employee_id="E1",
            out_date=date(2026, 3, 2),
            out_at=moment,
            purpose="私事",
            leave_approved=False,
        )
        for n, moment in enumerate(moments)
    ]
    rows = measured("DeptOuting", outings, AS_OF)
    assert [r["during_work_hours"] for r in rows] == [False, True, True, False, False, False]
    later = measured(
        "DeptOuting", outings, AS_OF, **{"staff.day_start": time(8), "staff.day_end": time(18)}
    )
    assert [r["during_work_hours"] for r in later] == [True, True, True, True, False, False]


def test_after_hours_is_strictly_after_the_end_of_the_day():
    moments = [time(17, 29, 59), time(17, 30), time(17, 30, 1), time(23, 59, 59), time(0)]
    seen = [
        DeptAfterHours(
            presence_id=f"A{n}",
            employee_id="E1",
            presence_date=date(2026, 3, 2),
            seen_at=moment,
            work_reason=False,
            gaming=False,
        )
        for n, moment in enumerate(moments)
    ]
    rows = measured("DeptAfterHours", seen, AS_OF)
    assert [r["after_close"] for r in rows] == [False, False, True, True, False]


@pytest.mark.parametrize(
    ("deal", "same_day"),
    [(None, None), (date(2026, 3, 2), True), (date(2026, 3, 3), False), (date(2026, 3, 1), False)],
)
def test_a_deal_is_same_day_only_on_the_day_of_the_reception(deal, same_day):
    reception = DeptReception(
        reception_id="R1",
        employee_id="E1",
        received_date=date(2026, 3, 2),
        customer="甲",
        asked_prior_visit=True,
        received=True,
        deal_date=deal,
    )
    assert measured("DeptReception", [reception], AS_OF)[0]["deal_same_day"] is same_day


# --------------------------------------------------------------------------- the escalations


def prospecting_rows(*shorts: tuple[str, str, int]) -> list[dict]:
    return [
        {
            "day_id": day_id,
            "employee_id": "K1",
            "work_date": on,
            "went_out": True,
            "prospects_met": 2,
            "prospects_called": 5 - short,
            "old_clients_visited": 2,
        }
        for day_id, on, short in shorts
    ]


def test_the_sixth_missing_contact_of_a_month_carries_persuasion_to_leave(catalog, config):
    rows = prospecting_rows(
        ("P1", "2026-03-02", 3), ("P2", "2026-03-03", 2), ("P3", "2026-03-04", 1)
    )
    result = audit_rows(
        catalog, config, {"DeptProspectingDay": rows}, date(2026, 3, 31), **REGULATION
    )
    found = {v.fact.key: v for v in result.violations if v.rule.id == "SAL-DEP-01"}
    assert [found[k].severity for k in ("P1", "P2", "P3")] == ["error", "error", "critical"]
    assert [found[k].fine_max_cny for k in ("P1", "P2", "P3")] == [
        Decimal(60),
        Decimal(40),
        Decimal(20),
    ]
    assert Measure.PERSUADED_TO_LEAVE in found["P3"].penalty.measures
    assert Measure.PERSUADED_TO_LEAVE not in found["P2"].penalty.measures
    message = found["P3"].message.zh
    assert "累计6次" in message and "2026-03-02（P1）" in message and "2026-03-03（P2）" in message


def test_the_third_refusal_strikes_off_and_cites_the_earlier_two(catalog, config):
    rows = [
        {"observation_id": oid, "employee_id": "S1", "observed_date": on, "conduct": conduct}
        for oid, on, conduct in (
            ("XW-1", "2025-11-20", "拒绝非己客户"),
            ("XW-2", "2026-01-08", "怠慢非己客户"),
            ("XW-3", "2026-03-02", "对己方客户不管不问"),
        )
    ]
    result = audit_rows(
        catalog, config, {"ConductObservation": rows}, date(2026, 3, 31), **REGULATION
    )
    found = {v.fact.key: v for v in result.violations if v.rule.id == "SAL-DEP-10"}
    assert [found[k].severity for k in ("XW-1", "XW-2", "XW-3")] == ["error", "error", "critical"]
    assert all(v.fine_min_cny == v.fine_max_cny == Decimal(100) for v in found.values())
    assert Measure.STRUCK_OFF in found["XW-3"].penalty.measures
    message = found["XW-3"].message.zh
    assert "第3次" in message and "2025-11-20 拒绝非己客户（XW-1）" in message and "XW-2" in message
    # Counted within the calendar year, the March refusal is only the second of 2026.
    yearly = audit_rows(
        catalog,
        config,
        {"ConductObservation": rows},
        date(2026, 3, 31),
        **REGULATION,
        **{"dept3.strike_window": "year"},
    )
    assert {v.fact.key: v.severity for v in yearly.violations if v.rule.id == "SAL-DEP-10"} == {
        "XW-1": "error",
        "XW-2": "error",
        "XW-3": "error",
    }


# --------------------------------------------------------------------------- related records


RELATED = settings(
    max_examples=12,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
WHO, MONTHS, DAYS = ("M1", "M2"), ("2026-01", "2026-02"), (date(2026, 1, 5), date(2026, 1, 6))


def monthly_table(report_id: str, who: str, month: str, filled: date) -> DeptMonthlyVisitReport:
    return DeptMonthlyVisitReport(
        report_id=report_id, employee_id=who, month=month, filled_date=filled
    )


def test_the_monthly_table_is_the_managers_for_that_month_the_last_read_of_several():
    tables = [
        monthly_table("T1", "M1", "2026-01", date(2026, 2, 3)),
        monthly_table("T2", "M1", "2026-01", date(2026, 2, 1)),  # read last: it stands
        monthly_table("T3", "M2", "2026-01", date(2026, 2, 2)),  # another manager's
        monthly_table("T4", "M1", "2026-02", date(2026, 3, 2)),  # another month's
    ]
    due = [{"employee_id": "M1", "month": m} for m in ("2026-01", "2026-02", "2026-03")]
    found = measured("DeptMonthlyReportDue", due, AS_OF, related=tables)
    assert [(f["report_id"], f["filled_date"]) for f in found] == [
        ("T2", date(2026, 2, 1)),
        ("T4", date(2026, 3, 2)),
        (None, None),
    ]


@RELATED
@given(
    st.lists(
        st.tuples(st.sampled_from(WHO), st.sampled_from(MONTHS), st.sampled_from(DAYS)), max_size=6
    )
)
def test_the_monthly_table_is_read_as_a_register_where_the_last_read_wins(drawn):
    tables = [monthly_table(f"T{n}", *row) for n, row in enumerate(drawn)]
    last = {(t.employee_id, t.month): t for t in tables}
    due = [{"employee_id": w, "month": m} for w, m in product(WHO, MONTHS)]
    found = measured("DeptMonthlyReportDue", due, AS_OF, related=tables)
    for fact, measured_fact in zip(due, found, strict=True):
        table = last.get((fact["employee_id"], fact["month"]))
        assert measured_fact["report_id"] == (table.report_id if table else None)
        assert measured_fact["filled_date"] == (table.filled_date if table else None)


def review(review_id: str, who: str, on: date, signed: bool, filed: bool) -> DeptProbationReview:
    return DeptProbationReview(
        review_id=review_id,
        employee_id=who,
        submitted_date=on,
        manager_signed=signed,
        filed_with_admin=filed,
    )


def test_the_confirmation_request_is_the_earliest_filled_in_the_first_read_of_one_day():
    reviews = [
        review("R1", "P1", date(2026, 1, 6), True, True),
        review("R2", "P1", date(2026, 1, 5), False, True),  # earliest, read first of its day
        review("R3", "P1", date(2026, 1, 5), True, False),
        review("R4", "P2", date(2026, 1, 1), True, True),  # another probationer's
    ]
    found = measured(
        "DeptProbationOutcome",
        [{"employee_id": "P1"}, {"employee_id": "P3"}],
        AS_OF,
        related=reviews,
    )
    assert [(f["review_id"], f["manager_signed"], f["filed_with_admin"]) for f in found] == [
        ("R2", False, True),
        (None, None, None),
    ]


@RELATED
@given(
    st.lists(
        st.tuples(st.sampled_from(WHO), st.sampled_from(DAYS), st.booleans(), st.booleans()),
        max_size=6,
    )
)
def test_the_confirmation_request_is_the_first_in_the_order_of_filling_in(drawn):
    reviews = [review(f"R{n}", *row) for n, row in enumerate(drawn)]
    first: dict[str, DeptProbationReview] = {}
    for item in sorted(reviews, key=lambda r: r.submitted_date):  # stable: input order on ties
        first.setdefault(item.employee_id, item)
    facts = [{"employee_id": who} for who in WHO]
    for fact, found in zip(
        facts, measured("DeptProbationOutcome", facts, AS_OF, related=reviews), strict=True
    ):
        chosen = first.get(fact["employee_id"])
        assert found["review_id"] == (chosen.review_id if chosen else None)
        assert found["manager_signed"] == (chosen.manager_signed if chosen else None)
        assert found["filed_with_admin"] == (chosen.filed_with_admin if chosen else None)
