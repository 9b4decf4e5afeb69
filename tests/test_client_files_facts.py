"""The client-file facts computed before the engine: quarters and half-years, required contents,
files kept by leavers, the customers a leaver hands over."""

from datetime import date

from checker.facts.client_files import half_years, missing, quarters, receivers_missing
from checker.records.client_files import PROPERTY8_SECTIONS, PROPERTY_SECTIONS, StaffDeparture
from tests.conftest import audit_rows


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
    access = {f.key: f.values for f in result.facts if f.kind == "ClientFileAccess"}
    assert access["CY-1"]["held_at_departure"] is True
    assert access["CY-2"]["held_at_departure"] is False


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
