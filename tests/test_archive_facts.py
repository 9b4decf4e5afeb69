"""The archive facts computed before the engine: handover clocks over the working-day calendar,
delays, slip deadlines, renewals, role lists and the roster's oversight, unknown roles."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.calendar import WorkingCalendar
from checker.catalog import load_catalog
from checker.columnar import Unplaced, measure
from checker.config import load
from checker.facts import Fact, RecordRef, Subject
from checker.facts.archive import (
    Roles,
    base_role,
    clock_start,
    contract_no_follows,
    extension_validity,
    handover_deadlines,
    late,
    missing_parts,
    renewal_chain,
    shared_with,
    slip_deadline,
)
from checker.loading import Source
from checker.records.archive import (
    ArchiveCustodian,
    ArchiveDestruction,
    ArchiveFile,
    ArchiveHandover,
    ArchiveLedgerEntry,
    ArchiveLoan,
    LoanRenewal,
    LoanSlip,
    Personnel,
    TitleCertificate,
)
from tests.conftest import audit_rows, violations_of
from tests.derived import measured
from tests.test_fuzz import FUZZ

CAL = WorkingCalendar()


def handover(**fields: object) -> ArchiveHandover:
    return ArchiveHandover.model_validate({"handover_id": "YJ", "project_id": "P", **fields})


def slip(**fields: object) -> LoanSlip:
    return LoanSlip.model_validate(
        {"slip_id": "S", "form": "档案资料出借单", "archive_no": "A", "applicant_id": "E", **fields}
    )


def renewal(renewal_id: str, renewed: date, new_due: date, **fields: object) -> LoanRenewal:
    return LoanRenewal.model_validate(
        {
            "renewal_id": renewal_id,
            "loan_id": "L",
            "borrower_id": "E",
            "renewed_date": renewed,
            "new_due_date": new_due,
            **fields,
        }
    )


def test_the_clock_starts_at_the_project_end_or_the_disbursement_as_configured():
    both = handover(project_end_date=date(2026, 3, 2), disbursed_date=date(2026, 3, 3))
    assert clock_start(both, "project_end") == (date(2026, 3, 2), "项目结束")
    assert clock_start(both, "disbursement") == (date(2026, 3, 3), "贷款发放")
    guarantee = handover(project_end_date=date(2026, 3, 2))  # no loan paid out
    assert clock_start(guarantee, "disbursement") == (date(2026, 3, 2), "项目结束")
    assert clock_start(handover(), "project_end") == (None, None)


def test_stages_across_the_spring_festival_count_the_make_up_saturday():
    # Ends Thursday 12 February 2026: Friday 13th, the worked Saturday 14th, then the break
    # until the 23rd; the third working day is the 24th, not Tuesday the 17th.
    a_due, b_due, five = handover_deadlines(CAL, date(2026, 2, 12), date(2026, 2, 13), "calendar")
    assert a_due == date(2026, 2, 24)
    assert b_due == date(2026, 2, 24)  # 14th and 24th are the b manager's two working days
    assert five == date(2026, 2, 24)  # the 17th is a holiday: moved to the next working day


def test_five_calendar_days_and_three_plus_two_working_days_disagree_over_a_weekend():
    # Ends Wednesday 4 March: the stages allow until Wednesday 11th, five days until Monday 9th.
    a_due, b_due, five = handover_deadlines(CAL, date(2026, 3, 4), date(2026, 3, 9), "calendar")
    assert (a_due, b_due, five) == (date(2026, 3, 9), date(2026, 3, 11), date(2026, 3, 9))
    assert handover_deadlines(CAL, date(2026, 3, 4), None, "working") == (
        date(2026, 3, 9),
        None,  # nothing is due of the b manager before the a manager hands on
        date(2026, 3, 11),
    )
    # Ends Monday 2 March: the fifth day is Saturday 7th, moved to Monday 9th.
    assert handover_deadlines(CAL, date(2026, 3, 2), None, "calendar")[2] == date(2026, 3, 9)


def test_late_on_the_last_day_is_not_late_and_nothing_due_is_not_late():
    due = date(2026, 3, 13)
    assert late(date(2026, 3, 13), due, date(2026, 4, 1)) is False
    assert late(date(2026, 3, 16), due, date(2026, 4, 1)) is True
    assert late(None, due, date(2026, 3, 13)) is False  # still out on its last day
    assert late(None, due, date(2026, 3, 14)) is True
    assert late(None, None, date(2030, 1, 1)) is None


def test_a_delay_needs_a_reason_an_approver_and_an_approval_before_the_missed_day():
    assert extension_validity(handover(), date(2026, 3, 5), True) == (None, None)
    good = handover(
        extension_reason="客户补签",
        extension_approver_role="总经理",
        extension_approved_date=date(2026, 3, 5),
    )
    assert extension_validity(good, date(2026, 3, 5), True) == (True, None)
    valid, note = extension_validity(good, date(2026, 3, 4), True)
    assert valid is False and "晚于应移交日2026-03-04" in note.zh and "2026-03-04" in note.en
    valid, note = extension_validity(good, date(2026, 3, 5), False)
    assert valid is False and note.zh == "总经理无权审批"
    bare = handover(extension_approver_role="总经理")
    valid, note = extension_validity(bare, None, True)
    assert (valid, note.zh, note.en) == (
        False,
        "未说明原因；无审批日期",
        "no reason given; no day of approval",
    )


@pytest.mark.parametrize(
    ("reading", "due"),
    [("as_stated", date(2026, 3, 15)), ("next_working_day", date(2026, 3, 16))],
)
def test_a_stated_sunday_due_date_moves_only_when_configured(reading, due):
    assert slip_deadline(CAL, slip(due_date=date(2026, 3, 15)), date(2026, 3, 9), reading)[0] == due


def test_a_loan_period_in_days_is_a_period_and_ends_on_a_working_day():
    due, basis = slip_deadline(CAL, slip(loan_days=6), date(2026, 3, 9), "as_stated")
    assert due == date(2026, 3, 16) and "顺延至2026-03-16" in basis.zh
    assert basis.en == "6 days to 2026-03-15, moved off a rest day to 2026-03-16"
    assert slip_deadline(CAL, slip(), date(2026, 3, 9), "as_stated") == (None, None)


def test_renewals_count_in_order_and_a_late_one_only_when_allowed():
    due = date(2026, 3, 20)
    on_day = renewal("R1", date(2026, 3, 20), date(2026, 3, 27))
    later = renewal("R2", date(2026, 3, 30), date(2026, 4, 3))
    everything = (lambda r: True), "on_due_date", "as_stated"
    final, before = renewal_chain(CAL, due, [later, on_day], *everything, late_counts=False)
    assert final == date(2026, 3, 27)  # R2 came after the 27th and does not count
    assert before == {"R1": date(2026, 3, 20), "R2": date(2026, 3, 27)}
    final, _ = renewal_chain(CAL, due, [later, on_day], *everything, late_counts=True)
    assert final == date(2026, 4, 3)
    strictly, _ = renewal_chain(
        CAL, due, [on_day], lambda r: True, "before_due_date", "as_stated", late_counts=False
    )
    assert strictly == due  # renewed on the due day itself is too late when 'before' is read
    refused, _ = renewal_chain(
        CAL, due, [on_day], lambda r: False, "on_due_date", "as_stated", late_counts=True
    )
    assert refused == due


def test_small_computations():
    assert missing_parts(None) is None
    assert (
        missing_parts(frozenset({"立项审批资料", "项目调查资料"}))
        == "重要合同或单据、客户或企业资料"
    )
    assert contract_no_follows("鸿借字第001号-01", "鸿借字第001号", "prefix") is True
    assert contract_no_follows("BZ-鸿借字第001号", "鸿借字第001号", "prefix") is False
    assert contract_no_follows("BZ-鸿借字第001号", "鸿借字第001号", "contains") is True
    assert contract_no_follows(None, "鸿借字第001号", "contains") is None
    owners = {"A-01": {"P1", "P2", "P3"}}
    assert shared_with("P2", "A-01", owners) == "P1、P3"
    assert shared_with("P2", "A-02", owners) is None


def test_qualified_roles_need_the_roster_oversight_of_the_department(config):
    roster = {
        "V1": Personnel(
            person_id="V1", name="黄建国", role="副总经理", oversees=frozenset({"业务一部"})
        ),
        "V2": Personnel(person_id="V2", name="陆海燕", role="副总经理"),
    }
    roles = Roles(config, roster)
    allowed = ["董事长", "总经理", "主管副总经理"]
    assert base_role("主管副总经理") == "副总经理" and base_role("主管") == "主管"
    assert roles.refusal(allowed, "副总经理", "V1", "业务一部") is None
    assert roles.refusal(allowed, "副总经理", "V2", "业务一部").zh == "V2（副总经理）不分管业务一部"
    assert roles.refusal(allowed, "副总经理", "V9", "业务一部").en == (
        "V9 (副总经理) does not oversee 业务一部"
    )
    assert roles.refusal(allowed, "副总经理", "V2", None) is None  # nothing to oversee
    assert roles.refusal(allowed, "部门经理", "M1", "业务一部").zh.startswith(
        "部门经理不在有权名单"
    )
    assert roles.refusal(allowed, None, None, None).en == "no approver recorded"
    assert {"董事长", "总经理", "副总经理", "总经理办公室主任", "销售总监"} <= set(roles.known)


LOAN = {
    "loan_id": "JY-1",
    "archive_no": "鸿借字第001号",
    "borrower_id": "E1",
    "borrowed_date": "2026-03-09",
    "handled_by": "P031",
}


def test_an_unknown_role_rejects_its_record_naming_file_row_field_and_the_known_roles(
    catalog, config
):
    result = audit_rows(
        catalog,
        config,
        {"ArchiveLoan": [{**LOAN, "borrower_role": "董事"}]},
        date(2026, 4, 30),
        **{"audit.regulations": ["credit-archives"]},
    )
    (problem,) = [p for p in result.problems if p.rejects_record]
    assert str(problem.source) == "test#ArchiveLoan:1"
    assert problem.field == "borrower_role"
    assert "借阅人职务“董事”不是已知职务" in problem.message.zh and "董事长" in problem.message.zh
    assert "[archive] roles" in problem.message.en
    assert result.rejected == 1 and result.violations == []


def test_an_organisation_adds_its_own_roles_and_approvers(catalog, config):
    rows = {
        "ArchiveLoan": [{**LOAN, "borrower_role": "风控专员", "slip_id": "CJ-1"}],
        "LoanSlip": [
            {
                "slip_id": "CJ-1",
                "form": "档案资料出借单",
                "archive_no": "鸿借字第001号",
                "applicant_id": "E1",
                "approver_role": "风控总监",
                "approved_date": "2026-03-09",
                "due_date": "2026-03-20",
            }
        ],
    }
    settings = {
        "audit.regulations": ["credit-archives"],
        "archive.roles": ["风控专员", "风控总监"],
    }
    result = audit_rows(catalog, config, rows, date(2026, 4, 30), **settings)
    assert result.rejected == 0
    assert violations_of(result, "ARC-15") == ["JY-1"]  # 风控总监 may not approve a slip …
    approvers = {"档案资料出借单": ["董事长", "总经理", "主管副总经理", "风控总监"]}
    allowed = audit_rows(
        catalog, config, rows, date(2026, 4, 30), **settings, **{"archive.approvers": approvers}
    )
    assert violations_of(allowed, "ARC-15") == []  # … unless the configuration says so


def test_a_slip_rejected_for_its_role_leaves_its_approval_undecided(catalog, config):
    rows = {
        "ArchiveLoan": [{**LOAN, "borrower_role": "员工", "slip_id": "CJ-1"}],
        "LoanSlip": [
            {
                "slip_id": "CJ-1",
                "form": "档案资料出借单",
                "archive_no": "鸿借字第001号",
                "applicant_id": "E1",
                "approver_role": "首席执行官",
                "approved_date": "2026-03-09",
                "due_date": "2026-03-20",
            }
        ],
    }
    result = audit_rows(
        catalog, config, rows, date(2026, 4, 30), **{"audit.regulations": ["credit-archives"]}
    )
    assert [p.field for p in result.problems if p.rejects_record] == ["approver_role"]
    # The loan is neither a loan without a slip nor a guess about an approver no list knows.
    assert violations_of(result, "ARC-15") == []
    loan = next(f for f in result.facts if f.kind == "ArchiveLoan")
    assert loan.values["slip_found"] is True and loan.values["approval_permitted"] is None


def test_a_graded_files_grade_on_the_loan_day_comes_from_the_secret_item_register(catalog, config):
    loan = {"borrower_id": "E1", "borrower_role": "员工", "handled_by": "P031"}
    rows = {
        "SecrecyCompany": [{"company_id": "HX", "name": "鸿信", "level": "总公司"}],
        "SecretItem": [
            {
                "item_id": "S1",
                "title": "借款合同",
                "category": "合同",
                "grade": "秘密",
                "company_id": "HX",
                "drafted_by": "业务一部",
                "period_end": "2026-03-31",
            }
        ],
        "ArchiveFile": [
            {"archive_no": "A1", "title": "借款合同", "secret_item_id": "S1"},
            {"archive_no": "A2", "title": "担保合同", "secret_item_id": "S9"},
        ],
        "ArchiveLoan": [
            {**loan, "loan_id": "L1", "archive_no": "A1", "borrowed_date": "2026-03-31"},
            {**loan, "loan_id": "L2", "archive_no": "A1", "borrowed_date": "2026-04-01"},
        ],
    }
    result = audit_rows(catalog, config, rows, date(2026, 4, 30))
    rejected = [(str(p.source), p.field) for p in result.problems if p.rejects_record]
    assert rejected == [("test#ArchiveFile:2", "secret_item_id")]
    loans = {f.key: f.values for f in result.facts if f.kind == "ArchiveLoan"}
    assert loans["L1"]["secret_grade"] == "秘密" and loans["L1"]["archive_grade"] == "秘密"
    # Declassified when its period ran out: the file is lent as a non-secret one.
    assert loans["L2"]["secret_grade"] is None and loans["L2"]["archive_grade"] == "非密级"
    assert loans["L2"]["within_secrecy_circle"] is True


# --------------------------------------------------------------------------- derived fields

CATALOG = load_catalog()
CONFIG = load(CATALOG.parameters.values())


def _measured(records, as_of: date, computed: dict | None = None, related=(), **settings) -> list:
    """Each record's derived fields of policies/archive_*.py (an Unplaced when the calendar
    cannot place its dates); `computed`: the Python facts they read."""
    return measured(None, records, as_of, extra=computed, related=related, **settings)


def test_each_stage_counts_working_days_over_holidays_and_year_ends():
    start = {"clock_start": date(2025, 9, 26)}
    [autumn] = _measured(
        [handover(a_to_b_date=date(2025, 10, 9), to_archive_date=date(2025, 10, 11))],
        date(2025, 12, 1),
        start,
    )
    # 28 September and 11 October 2025 were make-up workdays, 1–8 October a holiday.
    assert (autumn["a_to_b_days"], autumn["to_archive_days"]) == (4, 2)
    [year_end] = _measured(
        [handover(a_to_b_date=date(2025, 12, 31), to_archive_date=date(2026, 1, 5))],
        date(2026, 2, 1),
        start,
    )
    assert year_end["to_archive_days"] == 2  # Sunday 4 January 2026 was a make-up workday
    [unstarted] = _measured([handover(to_archive_date=date(2026, 1, 5))], date(2026, 2, 1))
    assert (unstarted["a_to_b_days"], unstarted["to_archive_days"]) == (None, None)
    [lost] = _measured(
        [handover(a_to_b_date=date(2026, 12, 30), to_archive_date=date(2027, 1, 4))],
        date(2027, 1, 5),
        start,
    )
    assert isinstance(lost, Unplaced) and "2027" in str(lost.error)


def test_the_same_person_needs_both_roles_recorded():
    cases = [
        (dict(a_role_id="E1", b_role_id="E1"), True),
        (dict(a_role_id="E1", b_role_id="E2"), False),
        (dict(a_role_id="E1"), None),
        (dict(), None),
    ]
    measured = _measured([handover(**c) for c, _ in cases], date(2026, 1, 1))
    assert [m["same_person"] for m in measured] == [expected for _, expected in cases]


def test_a_certificate_reaches_its_manager_within_the_days_allowed():
    def certificate(to_manager: date | None) -> TitleCertificate:
        return TitleCertificate.model_validate(
            {
                "cert_id": "Q",
                "project_id": "P",
                "cert_type": "财产权属证明原件",
                "received_date": date(2025, 9, 30),
                "to_manager_date": to_manager,
            }
        )

    records = [certificate(date(2025, 9, 30)), certificate(date(2025, 10, 1)), certificate(None)]
    same_day = _measured(records, date(2025, 10, 2))
    assert [m["manager_due"] for m in same_day] == [date(2025, 9, 30)] * 3
    assert [m["manager_late"] for m in same_day] == [False, True, True]
    three = _measured(records, date(2025, 10, 3), **{"arc2.certificate_days": 3})
    assert [m["manager_late"] for m in three] == [False, False, False]  # calendar days
    assert three[0]["manager_due"] == date(2025, 10, 3)


def test_loans_renewals_and_destruction_registers():
    loan = ArchiveLoan.model_validate(
        {
            "loan_id": "J",
            "archive_no": "A",
            "borrower_id": "E",
            "borrower_role": "员工",
            "borrowed_date": date(2025, 10, 9),
        }
    )
    lent, handled = _measured(
        [loan, loan.model_copy(update={"handled_by": "G1"})], date(2026, 1, 1)
    )
    assert (lent["via_archivist"], handled["via_archivist"]) == (False, True)
    renewed = renewal("R", date(2025, 10, 20), date(2025, 11, 20))
    plain, processed = _measured(
        [renewed, renewed.model_copy(update={"handled_by": "G1"})], date(2026, 1, 1)
    )
    assert (plain["via_archivist"], processed["via_archivist"]) == (False, True)
    destroyed = ArchiveDestruction.model_validate(
        {"destruction_id": "X", "archive_no": "A", "destroyed_date": date(2025, 10, 9)}
    )
    kept = _measured(
        [destroyed.model_copy(update={"register_retention": r}) for r in ("永久", "30年", None)],
        date(2026, 1, 1),
    )
    assert [m["register_permanent"] for m in kept] == [True, False, None]


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.dates(date(2024, 1, 1), date(2026, 10, 31)),
            st.integers(-3, 40) | st.none(),
            st.integers(-3, 40) | st.none(),
        ),
        min_size=1,
        max_size=15,
    )
)
def test_stage_days_are_the_calendars(spans):
    """Working days of each stage against WorkingCalendar itself, around holidays, make-up
    workdays and year ends (a stage done before it started counts negative)."""
    records, stages = [], []
    for n, (start, a_after, b_after) in enumerate(spans):
        a_to_b = None if a_after is None else start + timedelta(a_after)
        to_archive = None if b_after is None or a_to_b is None else a_to_b + timedelta(b_after)
        records.append(
            handover(handover_id=f"YJ{n}", a_to_b_date=a_to_b, to_archive_date=to_archive)
        )
        stages.append((start, a_to_b, to_archive))
    facts = [
        Fact(
            "ArchiveHandover",
            r.key(),
            RecordRef("ArchiveHandover", r.key(), Source("t", n + 2)),
            Subject("project", "P", None),
            {**dict(r), "clock_start": start},
            date(2026, 12, 31),
        )
        for n, (r, (start, _, _)) in enumerate(zip(records, stages, strict=True))
    ]
    found = measure(facts, list(CATALOG.rules.values()), CONFIG, CAL, date(2026, 12, 31))
    for n, (start, a_to_b, to_archive) in enumerate(stages):
        assert found[n]["a_to_b_days"] == (a_to_b and CAL.working_days_between(start, a_to_b))
        assert found[n]["to_archive_days"] == (
            to_archive and CAL.working_days_between(a_to_b, to_archive)
        )


# ----------------------------------------------------------- what other records say (related)


def entry(n: int, book: str, entry_type: str, **fields: object) -> ArchiveLedgerEntry:
    return ArchiveLedgerEntry.model_validate(
        {
            "entry_id": f"E{n}",
            "book": book,
            "entry_type": entry_type,
            "entry_date": date(2025, 10, 9),
            **fields,
        }
    )


def custodian(n: int, person: str, duty: str, day: date) -> ArchiveCustodian:
    return ArchiveCustodian.model_validate(
        {
            "designation_id": f"D{n}",
            "person_id": person,
            "duty": duty,
            "designated_by_role": "总经理",
            "designated_date": day,
        }
    )


def archive_file(number: str, **fields: object) -> ArchiveFile:
    return ArchiveFile.model_validate({"archive_no": number, "title": "卷", **fields})


def certificate(**fields: object) -> TitleCertificate:
    return TitleCertificate.model_validate(
        {
            "cert_id": "Q",
            "project_id": "P",
            "cert_type": "财产权属证明原件",
            "received_date": date(2025, 9, 30),
            **fields,
        }
    )


def test_the_ledgers_hold_each_files_receipt_each_certificate_each_loan_and_return():
    ledger = [
        entry(1, "档案台账", "接收", archive_no="A1"),
        entry(2, "档案登记本", "接收", archive_no="A2"),  # the receipt book, not the ledger
        entry(3, "档案台账", "借出", archive_no="A3", loan_id="L1"),  # a loan, in any book
        entry(4, "权证台账", "接收", cert_id="Q1"),
        entry(5, "档案台账", "接收", cert_id="Q2"),  # the file ledger, not the certificates'
        entry(6, "档案登记本", "归还", loan_id="L2"),
    ]
    files = _measured(
        [archive_file(n) for n in ("A1", "A2", "A3", "A9")], date(2026, 1, 1), related=ledger
    )
    assert [f["in_file_ledger"] for f in files] == [True, False, False, False]
    certificates = _measured(
        [certificate(cert_id=q) for q in ("Q1", "Q2", "Q9")], date(2026, 1, 1), related=ledger
    )
    assert [c["in_cert_ledger"] for c in certificates] == [True, False, False]
    loan = ArchiveLoan.model_validate(
        {
            "loan_id": "L1",
            "archive_no": "A3",
            "borrower_id": "E",
            "borrower_role": "员工",
            "borrowed_date": date(2025, 10, 9),
        }
    )
    back = {"returned_date": date(2025, 10, 20)}
    loans = [
        loan,  # lent in the ledger, not back: no return to enter
        loan.model_copy(update=back),  # back, the return not entered
        loan.model_copy(update={"loan_id": "L2", **back}),  # only its return entered
        loan.model_copy(update={"loan_id": "L9"}),  # another loan's entries
    ]
    measured = _measured(loans, date(2026, 1, 1), related=ledger)
    assert [m["loan_ledger"] for m in measured] == [True, True, False, False]
    assert [m["return_ledger"] for m in measured] == [None, False, True, None]
    alone = _measured(loans[:2], date(2026, 1, 1))
    assert [(m["loan_ledger"], m["return_ledger"]) for m in alone] == [
        (False, None),
        (False, False),
    ]


def test_a_certificates_handover_manager_and_project_number_come_from_their_registers():
    on, before, after = date(2025, 10, 9), date(2025, 10, 8), date(2025, 10, 10)
    related = [
        handover(handover_id="H1", project_id="P", archive_no=None),
        handover(handover_id="H2", project_id="P", archive_no="鸿借字第002号"),
        handover(handover_id="H3", project_id="P", archive_no="鸿借字第003号"),
        handover(handover_id="H4", project_id="P2"),
        custodian(1, "M1", "权证管理", on),
        custodian(2, "M2", "权证管理", after),
        custodian(3, "M3", "客户档案管理", before),  # another duty
        archive_file("鸿借字第101号", project_id="F"),
        archive_file("鸿借字第102号", project_id="F"),  # the last read of the project's files
        archive_file("鸿借字第103号"),  # no project
    ]
    cases = [
        (dict(), (None, None, "鸿借字第002号", False)),  # the first handover giving a number
        (dict(handover_id="H1", manager_id="M1", to_manager_date=on), (True, True)),
        (dict(handover_id="H4", manager_id="M2", to_manager_date=on), (False, False)),
        (dict(handover_id="H9", manager_id="M2"), (False, True)),  # undated: any designation
        (dict(manager_id="M3", to_manager_date=on), (None, False)),
        (dict(manager_id="M9"), (None, False)),
        (
            dict(project_id="F", cert_archive_no="鸿借字第102号"),
            (None, None, "鸿借字第102号", True),
        ),
        (
            dict(project_id="F", cert_archive_no="鸿借字第101号"),
            (None, None, "鸿借字第102号", False),
        ),
        (dict(project_id="X", cert_archive_no="鸿借字第103号"), (None, None, None, None)),
    ]
    measured = _measured([certificate(**c) for c, _ in cases], date(2026, 1, 1), related=related)
    for (fields, expected), m in zip(cases, measured, strict=True):
        got = (m["with_file_handover"], m["manager_designated"])
        got += (m["file_archive_no"], m["archive_no_matches"])
        assert got[: len(expected)] == expected, fields


def test_the_papers_custodian_is_designated_on_or_before_the_filing_day():
    filed = date(2025, 10, 9)
    cases = [
        ([custodian(1, "G", "文件材料管理", filed)], filed, True),
        ([custodian(1, "G", "文件材料管理", filed + timedelta(1))], filed, False),
        ([custodian(1, "G", "文件材料管理", filed + timedelta(1))], None, True),  # undated file
        ([custodian(1, "G", "权证管理", filed)], filed, False),  # another duty
        ([], None, False),
    ]
    for related, filed_date, expected in cases:
        [measured] = _measured([archive_file("A", filed_date=filed_date)], filed, related=related)
        assert measured["papers_custodian_designated"] is expected, (related, filed_date)


@FUZZ
@given(
    st.lists(st.sampled_from(["P1", "P2", None]), max_size=5),
    st.lists(
        st.tuples(st.sampled_from(["P1", "P2"]), st.sampled_from(["N1", "N2", None])), max_size=5
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["M1", "M2"]),
            st.sampled_from(["权证管理", "文件材料管理"]),
            st.integers(0, 4),
        ),
        max_size=4,
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["P1", "P2", "P3"]),
            st.sampled_from(["H0", "H1", None]),
            st.sampled_from(["M1", "M2", None]),
            st.integers(0, 4) | st.none(),
            st.sampled_from(["N1", "N2", "F0", None]),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_certificate_lookups_read_the_registers_as_python_did(
    files, handovers, designations, certs
):
    """Against the Python these fields replaced: a project's number is the last of its files',
    else the first of its handovers' giving one; a manager is designated for certificates on or
    before the day (any day when undated); a handover is the project's."""
    day = lambda n: date(2025, 10, 1) + timedelta(n)  # noqa: E731
    file_records = [archive_file(f"F{n}", project_id=p) for n, p in enumerate(files)]
    handover_records = [
        handover(handover_id=f"H{n}", project_id=p, archive_no=a)
        for n, (p, a) in enumerate(handovers)
    ]
    custodians = [custodian(n, p, duty, day(d)) for n, (p, duty, d) in enumerate(designations)]
    records = [
        certificate(
            project_id=p,
            handover_id=h,
            manager_id=m,
            to_manager_date=None if d is None else day(d),
            cert_archive_no=a,
        )
        for p, h, m, d, a in certs
    ]
    measured = _measured(
        records, date(2026, 1, 1), related=[*file_records, *handover_records, *custodians]
    )
    for record, m in zip(records, measured, strict=True):
        numbers = {f.project_id: f.archive_no for f in file_records if f.project_id is not None}
        for h in handover_records:
            if h.archive_no:
                numbers.setdefault(h.project_id, h.archive_no)
        number = numbers.get(record.project_id)
        own = {h.handover_id for h in handover_records if h.project_id == record.project_id}
        designated = any(
            c.person_id == record.manager_id
            and c.duty == "权证管理"
            and (record.to_manager_date is None or c.designated_date <= record.to_manager_date)
            for c in custodians
        )
        assert m["file_archive_no"] == number
        assert m["archive_no_matches"] == (record.cert_archive_no == number if number else None)
        assert m["with_file_handover"] == (
            record.handover_id in own if record.handover_id else None
        )
        assert m["manager_designated"] == (designated if record.manager_id else None)
