"""The client-file facts: quarters and half-years, required contents, files kept by leavers, the
customers a leaver hands over (computed before the engine); the deadlines and flags of one record
(derived fields of policies/client_*.py, measured as the engines measure them)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from checker.calendar import WorkingCalendar, shift
from checker.catalog import load_catalog
from checker.columnar import Unplaced
from checker.config import load
from checker.facts.client_files import half_years, missing, quarters, receivers_missing
from checker.records.client_files import (
    PROPERTY8_SECTIONS,
    PROPERTY_SECTIONS,
    ClientFileAccess,
    CustomerFile,
    StaffDeparture,
)
from tests.conftest import audit_rows
from tests.derived import measured
from tests.test_fuzz import FUZZ

CAL = WorkingCalendar()
CATALOG = load_catalog()
CONFIG = load(CATALOG.parameters.values())


def test_quarters_begin_after_the_file_and_end_by_the_audit_date():
    labels = [q[0] for q in quarters(date(2025, 8, 6), date(2026, 6, 30))]
    assert labels == ["2025年第4季度", "2026年第1季度", "2026年第2季度"]
    assert list(quarters(date(2025, 8, 6), date(2026, 6, 29)))[-1][3] == date(2026, 3, 31)
    # Opened on a quarter's last day: the next quarter is the first whole one.
    assert next(quarters(date(2025, 12, 31), date(2026, 4, 1)))[1:] == (
        "2026 Q1",
        date(2026, 1, 1),
        date(2026, 3, 31),
    )


def test_half_years_run_from_the_first_record_to_the_last_one_ended():
    assert [h[0] for h in half_years(date(2025, 6, 20), date(2026, 7, 10))] == [
        "2025年上半年",
        "2025年下半年",
        "2026年上半年",
    ]
    assert list(half_years(date(2026, 3, 1), date(2026, 6, 29))) == []
    assert next(half_years(date(2026, 3, 1), date(2026, 6, 30)))[1:] == (
        "2026 H1",
        date(2026, 1, 1),
        date(2026, 6, 30),
    )


def test_each_regulation_checks_its_own_list_of_contents():
    assert len(PROPERTY_SECTIONS) == 8 and len(PROPERTY8_SECTIONS) == 12
    eight = frozenset(PROPERTY_SECTIONS)
    assert missing(eight, PROPERTY_SECTIONS) is None
    assert missing(eight, PROPERTY8_SECTIONS) == "联络资料、紧急联络人资料、投诉记录、工程档案"
    assert missing(None, PROPERTY_SECTIONS) is None  # not described: not judged
    assert missing(frozenset(), ("联络资料", "信用状况")) == "联络资料、信用状况"


def test_the_leavers_department_and_the_information_department_both_receive():
    departure = StaffDeparture(
        departure_id="LZ",
        person_id="E1",
        dept="业务一部",
        departure_date=date(2026, 3, 31),
        received_by=frozenset({"信息部"}),
    )
    assert receivers_missing(departure, "信息部") == "业务一部"
    assert receivers_missing(departure.model_copy(update={"dept": None}), "信息部") is None


def test_a_file_borrowed_and_not_back_by_the_last_day_is_kept_and_its_customers_are_handed_over(
    catalog, config
):
    rows = {
        "StaffDeparture": [
            {"departure_id": "LZ-1", "person_id": "E1", "departure_date": "2026-03-31"}
        ],
        "ClientFileAccess": [
            {
                "access_id": "CY-1",
                "customer_id": "K1",
                "accessor_id": "E1",
                "access_type": "借阅",
                "accessed_date": "2026-03-20",
                "returned_date": "2026-04-02",
            },
            {
                "access_id": "CY-2",
                "customer_id": "K2",
                "accessor_id": "E1",
                "access_type": "借阅",
                "accessed_date": "2026-03-20",
                "returned_date": "2026-03-31",
            },
        ],
        "CustomerFile": [
            {"customer_id": "K1", "customer_name": "甲", "owner_id": "E1"},
            {"customer_id": "K2", "customer_name": "乙", "owner_id": "E2"},
        ],
        "ClientReassignment": [
            {"reassignment_id": "J1", "customer_id": "K3", "leaver_id": "E1"},
        ],
    }
    result = audit_rows(catalog, config, rows, date(2026, 4, 30))
    departure = next(f for f in result.facts if f.kind == "StaffDeparture")
    assert departure.values["files_held"] == 1 and departure.values["kept_files"] is True
    duties = sorted(f.key for f in result.facts if f.kind == "ClientHandoverDuty")
    assert duties == ["LZ-1@K1", "LZ-1@K3"]  # the leaver's own file and the reassigned one
    leaver = StaffDeparture.model_validate(rows["StaffDeparture"][0])
    loans = [ClientFileAccess.model_validate(r) for r in rows["ClientFileAccess"]]
    held = _measured(loans, date(2026, 4, 30), related=[leaver])
    assert [m["held_at_departure"] for m in held] == [True, False]


def test_a_date_the_calendar_does_not_carry_rejects_the_record_instead_of_guessing(catalog, config):
    rows = {
        "CustomerFile": [
            {
                "customer_id": "K9",
                "customer_name": "丙",
                "owner_id": "E1",
                "first_contact_date": "2027-12-27",
            }
        ],
        "ArchiveHandover": [
            {"handover_id": "YJ-9", "project_id": "XD2027-001", "project_end_date": "2027-12-27"}
        ],
    }
    result = audit_rows(catalog, config, rows, date(2027, 12, 31))
    problems = sorted(str(p.source) for p in result.problems if p.rejects_record)
    assert problems == ["test#ArchiveHandover:1", "test#CustomerFile:1"]
    assert all("no official schedule" in p.message.en for p in result.problems if p.rejects_record)


# --------------------------------------------------------------------------- derived fields


def _measured(records, as_of: date, related=(), **settings) -> list:
    return measured(None, records, as_of, related=related, **settings)


def customer_file(**changes) -> CustomerFile:
    return CustomerFile(customer_id="K1", customer_name="甲", owner_id="E1", **changes)


def test_a_files_week_ends_on_a_working_day_and_promptly_means_the_next_working_day():
    # Friday 26 September 2025 + 7 days is 3 October, inside the National Day holiday.
    [file] = _measured([customer_file(first_contact_date=date(2025, 9, 26))], date(2025, 10, 9))
    assert (file["file_due"], file["created_late"], file["no_file"]) == (
        date(2025, 10, 9),
        False,  # not yet opened, and the audit date is the last day: not overdue yet
        True,
    )
    assert file["prompt_due"] == date(2025, 9, 28)  # Sunday 28 September was a make-up workday
    [year_end] = _measured(
        [customer_file(first_contact_date=date(2025, 12, 31), created_date=date(2026, 1, 5))],
        date(2026, 3, 1),
    )
    assert (year_end["prompt_due"], year_end["prompt_late"]) == (date(2026, 1, 4), True)
    assert (year_end["file_due"], year_end["created_late"]) == (date(2026, 1, 7), False)
    [same_day] = _measured(
        [customer_file(first_contact_date=date(2025, 10, 1), created_date=date(2025, 10, 1))],
        date(2025, 12, 1),
        **{"foshan.file_days": 0},
    )
    assert (same_day["prompt_due"], same_day["prompt_late"]) == (date(2025, 10, 1), False)


def test_no_deadline_is_no_verdict_and_zero_days_needs_no_calendar():
    [file] = _measured([customer_file(created_by="E2")], date(2026, 1, 1))
    assert file["file_due"] is None and file["created_late"] is None
    assert file["prompt_late"] is None and file["update_late"] is None
    assert (file["created_by_owner"], file["no_file"]) == (False, False)
    # A handover allowed 0 working days is due on the last day itself, in any year.
    leaver = StaffDeparture(
        departure_id="LZ", person_id="E1", departure_date=date(2030, 3, 29), handover_date=None
    )
    [zero] = _measured([leaver], date(2030, 4, 1))
    assert zero["handover_late"] is True
    [one] = _measured([leaver], date(2030, 4, 1), **{"client.handover_days": 1})
    assert isinstance(one, Unplaced) and "2030" in str(one.error)


def test_an_update_before_the_latest_transaction_does_not_count():
    records = [
        customer_file(last_transaction_date=date(2025, 9, 30), last_updated_date=updated)
        for updated in (date(2025, 9, 29), date(2025, 10, 9), date(2025, 10, 10))
    ]
    before, on_time, late = _measured(records, date(2025, 12, 1))
    assert before["update_due"] == date(2025, 10, 9)  # 1 working day, over the holiday
    assert (before["update_late"], on_time["update_late"], late["update_late"]) == (
        True,
        False,
        True,
    )


def access(**changes) -> ClientFileAccess:
    values = dict(
        access_id="CY",
        customer_id="K1",
        accessor_id="E1",
        access_type="查阅",
        accessed_date=date(2025, 10, 9),
    )
    return ClientFileAccess(**{**values, **changes})


def test_an_access_is_permitted_by_a_permission_or_an_approval_on_or_before_the_day():
    cases = [
        (dict(), False),
        (dict(permission_id="XK1"), True),
        (dict(approver_role="总经理"), True),
        (dict(approver_role="总经理", approved_date=date(2025, 10, 9)), True),
        (dict(approver_role="总经理", approved_date=date(2025, 10, 10)), False),
    ]
    measured = _measured([access(**c) for c, _ in cases], date(2025, 12, 1))
    assert [m["permitted"] for m in measured] == [expected for _, expected in cases]


def test_only_a_borrowed_file_is_held_late_and_only_outside_service_needs_the_gm():
    read, borrowed, back, service, unknown = _measured(
        [
            access(due_date=date(2025, 10, 20)),
            access(access_type="借阅", due_date=date(2025, 10, 20), accessor_dept="客服部"),
            access(
                access_type="借阅", due_date=date(2025, 10, 20), returned_date=date(2025, 10, 20)
            ),
            access(accessor_dept="客服部"),
            access(accessor_dept="销售部"),
        ],
        date(2025, 10, 21),
    )
    assert (read["held_late"], borrowed["held_late"], back["held_late"]) == (None, True, False)
    assert [m["outside_service"] for m in (read, borrowed, service, unknown)] == [
        None,
        False,
        False,
        True,
    ]


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.dates(date(2024, 1, 1), date(2026, 11, 30)),
            st.integers(-15, 15) | st.none(),
            st.integers(-15, 15) | st.none(),
        ),
        min_size=1,
        max_size=15,
    ),
    st.sampled_from([0, 1, 2, 5]),
    st.dates(date(2024, 1, 1), date(2026, 12, 31)),
)
def test_file_deadlines_are_the_calendars(dates, days, as_of):
    """Every deadline and flag of a file, against WorkingCalendar itself: around holidays,
    make-up workdays, year ends and the audit date."""
    records = [
        customer_file(
            first_contact_date=contact,
            created_date=None if created is None else contact + timedelta(created),
            last_transaction_date=contact,
            last_updated_date=None if updated is None else contact + timedelta(updated),
        )
        for contact, created, updated in dates
    ]
    settings = {"foshan.file_days": days, "sales10.update_days": days}
    for record, found in zip(records, _measured(records, as_of, **settings), strict=True):
        contact = record.first_contact_date
        file_due = CAL.on_working_day(shift(contact, 7))
        due = CAL.add_working_days(contact, days) if days else contact
        updated = record.last_updated_date
        since = updated if updated and updated >= contact else None
        assert found["file_due"] == file_due
        assert found["created_late"] == ((record.created_date or as_of) > file_due)
        assert found["prompt_due"] == found["update_due"] == due
        assert found["prompt_late"] == ((record.created_date or as_of) > due)
        assert found["update_late"] == ((since or as_of) > due)


# ------------------------------------------------ what other records say of an access (related)


def departure(n: int, person: str, day: date) -> StaffDeparture:
    return StaffDeparture(departure_id=f"LZ-{n}", person_id=person, departure_date=day)


def test_the_files_department_is_the_access_records_else_the_client_files():
    files = [
        customer_file(dept="销售一部"),
        customer_file(dept=None).model_copy(update={"customer_id": "K2"}),
    ]
    cases = [
        (dict(accessor_dept="销售二部"), "销售一部", True),
        (dict(accessor_dept="销售一部"), "销售一部", False),
        (dict(accessor_dept="销售一部", file_dept="销售二部"), "销售二部", True),
        (dict(), "销售一部", None),  # the reader's department not recorded
        (dict(customer_id="K2", accessor_dept="销售一部"), None, None),  # the file gives none
        (dict(customer_id="K9", accessor_dept="销售一部"), None, None),  # no client file
        (dict(customer_id="K9", file_dept="销售一部", accessor_dept="销售一部"), "销售一部", False),
    ]
    measured = _measured([access(**c) for c, _, _ in cases], date(2026, 1, 1), related=files)
    got = [(m["file_dept_used"], m["other_dept"]) for m in measured]
    assert got == [(dept, other) for _, dept, other in cases]


@FUZZ
@given(
    st.lists(
        st.tuples(st.sampled_from(["E1", "E2"]), st.integers(0, 20)),
        max_size=4,
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["E1", "E2", "E3"]),
            st.sampled_from(["查阅", "借阅"]),
            st.integers(0, 20),
            st.integers(0, 20) | st.none(),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_a_borrowed_file_held_at_departure_reads_the_last_departure_as_python_did(leaves, loans):
    """Against the Python it replaced: the borrower's departure is the last read of theirs (a
    dict by person), the file borrowed on or before that day and not back by it."""
    day = lambda n: date(2025, 10, 1) + timedelta(n)  # noqa: E731
    departures = [departure(n, person, day(d)) for n, (person, d) in enumerate(leaves)]
    records = [
        access(
            accessor_id=person,
            access_type=kind,
            accessed_date=day(on),
            returned_date=None if back is None else day(on + back),
        )
        for person, kind, on, back in loans
    ]
    last_day = {d.person_id: d.departure_date for d in departures}
    measured = _measured(records, date(2026, 1, 1), related=departures)
    for record, m in zip(records, measured, strict=True):
        left = last_day.get(record.accessor_id)
        expected = (
            (record.returned_date is None or record.returned_date > left)
            if record.access_type == "借阅" and left and left >= record.accessed_date
            else None
        )
        assert m["held_at_departure"] == expected
