"""Facts of client files (catalogue part D2) that read other records, computed before the engine.

For a file: which required contents each regulation's list finds missing, whether its approver
may approve it; for a long-term partner, one obligation per calendar quarter to update the file
(`PartnerQuarter`). For an access: who approved it. For a departure: files kept,
who received them, and one obligation per customer of the leaver to tell the customer and give
them a new contact (`ClientHandoverDuty`). For the customer-service department: one inspection of
the files per half-year (`InspectionHalfYear`). What one record's own fields decide (a file's
deadlines, an access's permission, a loan or a handover late), and what other records say of an
access (the file's department, whether it crossed departments, a borrowed file still held by a
leaver), are derived fields declared beside their rules in policies/client_*.py. Tested in
tests/test_client_files_facts.py.
"""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from pydantic import NonNegativeInt

from checker.calendar import CalendarError, WorkingCalendar
from checker.config import Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext, RecordRef, Subject
from checker.facts.archive import ROLE_LISTS, Roles, late
from checker.i18n import Text
from checker.loading import Loaded, Problem
from checker.records.base import col
from checker.records.client_files import (
    PROPERTY8_SECTIONS,
    PROPERTY_SECTIONS,
    SALES_SECTIONS,
    ClientFileAccess,
    ClientReassignment,
    CustomerFile,
    StaffDeparture,
)

KINDS = (
    "CustomerFile",
    "CustomerFileUpdate",
    "ClientRecordEvent",
    "ClientFileAccess",
    "StaffDeparture",
    "ClientReassignment",
    "ClientReportRequest",
    "ClientFileInspection",
)

PARAMETERS = (
    Parameter(
        "client.notice_days",
        NonNegativeInt,
        1,
        Text(
            "员工调离时“及时通知有关客户”“迅速与客户建立联系”：离职日后几个工作日内（默认1）。",
            "'Tell the customers promptly' and 'a new contact at once' when an employee leaves: "
            "working days after the last day (default 1).",
        ),
    ),
    Parameter(
        "client.handover_days",
        NonNegativeInt,
        0,
        Text(
            "离职员工的客户资料交接：离职日后几个工作日内（默认0，即最后工作日当天或之前）。",
            "A leaver's client files handed over within this many working days of the last day "
            "(default 0: on or before it).",
        ),
    ),
    Parameter(
        "sales10.update_days",
        NonNegativeInt,
        1,
        Text(
            "制度10“根据客户的交易情况对档案内容进行及时更新”：交易后几个工作日内（默认1）。",
            "制度10: a file 'updated promptly' after a transaction, within this many working "
            "days (default 1).",
        ),
    ),
    Parameter(
        "sales10.file_approvers",
        list[str],
        ["销售总监"],
        Text(
            "制度10客户档案的审批确认人（销售总监）。",
            "制度10: who approves a client file (the sales director).",
        ),
    ),
    Parameter(
        "cli13.information_dept",
        str,
        "信息部",
        Text(
            "制度13离职员工的客户资料由其业务部门会同哪个部门接收（信息部）。",
            "制度13: the department that receives a leaver's client files with the leaver's own "
            "(信息部).",
        ),
    ),
    Parameter(
        "outline.access_approvers",
        list[str],
        ["总经理"],
        Text(
            "主表第32句查阅非本业务部门客户档案的批准人（总经理）。",
            "主表 #32: who approves reading another department's client file (the GM).",
        ),
    ),
    Parameter(
        "fund.access_approvers",
        list[str],
        ["总经理"],
        Text(
            "基金公司客户服务管理办法第二章7：客服部以外人员调阅客户档案须经谁许可（总经理）。",
            "The fund manager's rules, ch. 2 item 7: who permits staff outside customer service "
            "to read client files (the GM).",
        ),
    ),
    Parameter(
        "fund.service_dept",
        str,
        "客服部",
        Text("基金公司的客服部门名称。", "The fund manager's customer-service department."),
    ),
    Parameter(
        "foshan.file_days",
        NonNegativeInt,
        1,
        Text(
            "佛山公司制度一1“及时”建立客户档案：首次接触后几个工作日内（默认1）。",
            "The Foshan rules 一1: a file opened 'promptly', within this many working days of "
            "the first contact (default 1).",
        ),
    ),
    Parameter(
        "foshan.service_dept",
        str,
        "客户服务部",
        Text(
            "佛山公司客户信息管理制度中负责客户档案与报表的部门（客户服务部）。",
            "The Foshan company's department in charge of client files and reports.",
        ),
    ),
)
ROLE_LISTS.update({"sales10.file_approvers", "outline.access_approvers", "fund.access_approvers"})


class CustomerFileFacts(Computed):
    missing_property: str | None = col("缺少内容(篇十二)", "Contents 篇十二 requires that it lacks")
    missing_property8: str | None = col("缺少内容(制度8)", "Contents 制度8 requires that it lacks")
    missing_sales: str | None = col("缺少内容(制度10)", "Contents 制度10 requires that it lacks")
    approver_permitted: bool | None = col(
        "审批确认人符合(制度10)", "Approved by the sales director; empty if not approved"
    )


class AccessFacts(Computed):
    gm_approved: bool = col(
        "经总经理批准(主表)", "Approved by a role of outline.access_approvers on or before the day"
    )
    fund_permitted: bool = col(
        "经总经理许可(基金)", "Permitted by a role of fund.access_approvers on or before the day"
    )


class DepartureFacts(Computed):
    files_held: int = col(
        "未归还的借阅客户档案数", "Client files borrowed and not back by the last day"
    )
    kept_files: bool = col("带走或留存客户资料", "Client documents not all handed back")
    missing_receivers: str | None = col(
        "缺少的接收部门(制度13)", "Of the leaver's department and 信息部, who did not receive"
    )
    service_received: bool = col("客服人员已接收(基金)", "Customer service received the files")


class PartnerQuarter(Computed):
    """A long-term partner's file to be completed in one calendar quarter (制度4 2)."""

    customer_id: str = col("客户编号", "The customer")
    customer_name: str = col("客户名称", "The customer")
    quarter: str = col("季度", "The quarter")
    quarter_en: str = col("季度（英文）", "The quarter, in English")
    quarter_start: date = col("季度开始", "First day")
    quarter_end: date = col("季度结束", "Last day")
    updated: bool = col("本季度已更新", "Updated in the quarter")


class ClientHandoverDuty(Computed):
    """A leaver's customer, to be told and given a new contact (制度13 七4 and its versions)."""

    customer_id: str = col("客户编号", "The customer")
    customer_name: str | None = col("客户名称", "The customer")
    departure_date: date = col("离职日期", "The leaver's last day")
    notice_due: date = col("应通知日", "Last day to tell the customer")
    notified_date: date | None = col("通知客户日期", "Day the customer was told")
    notified_by: str | None = col("通知部门", "Who told the customer")
    new_owner_id: str | None = col("接替人", "The new contact")
    assigned_date: date | None = col("指派日期", "Day the new contact was assigned")
    notice_late: bool = col("未及时通知", "Not told by then (or still not)")
    owner_late: bool = col("未及时指派接替人", "No new contact by then (or still not)")
    notified_by_service: bool | None = col(
        "由客服部通知", "Told by customer service (the fund manager's rule)"
    )


class InspectionHalfYear(Computed):
    """One half-year's inspection of the client files (佛山 rules 三1)."""

    period: str = col("期间", "The half-year")
    period_en: str = col("期间（英文）", "The half-year, in English")
    period_start: date = col("期间开始", "First day")
    period_end: date = col("期间结束", "Last day")
    inspected: bool = col("已检查", "An inspection falls in the half-year")
    recorded: bool = col("有检查记录", "One of them was written up")


COMPUTED = {
    "CustomerFile": CustomerFileFacts,
    "ClientFileAccess": AccessFacts,
    "StaffDeparture": DepartureFacts,
}
DERIVED = (
    DerivedKind(
        "PartnerQuarter", Text("长期客户季度档案完善", "partner file quarter"), PartnerQuarter
    ),
    DerivedKind(
        "ClientHandoverDuty",
        Text("离职员工客户交接", "leaver's customer handover"),
        ClientHandoverDuty,
    ),
    DerivedKind(
        "InspectionHalfYear",
        Text("客户档案半年检查", "half-yearly file inspection"),
        InspectionHalfYear,
    ),
)


# --------------------------------------------------------------------------- computations


def missing(sections: frozenset[str] | None, required: Iterable[str]) -> str | None:
    """The required contents a file lacks, listed; None when it lacks none or is not described."""
    if sections is None:
        return None
    return "、".join(s for s in required if s not in sections) or None


def due_after(calendar: WorkingCalendar, day: date, working_days: int) -> date:
    """`working_days` working days after `day`; 0 means the day itself."""
    return calendar.add_working_days(day, working_days) if working_days else day


def quarters(after: date, until: date) -> Iterator[tuple[str, str, date, date]]:
    """Calendar quarters that begin after `after` and end on or before `until`."""
    year, q = after.year, (after.month - 1) // 3 + 1
    while True:
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
        if year > until.year:  # and never past 9999, the last year a date can hold
            return
        start = date(year, 3 * q - 2, 1)
        end = date(year, 3 * q, monthrange(year, 3 * q)[1])
        if end > until:
            return
        yield f"{year}年第{q}季度", f"{year} Q{q}", start, end


def half_years(first: date, until: date) -> Iterator[tuple[str, str, date, date]]:
    """Calendar half-years from the one holding `first` to the last ending on or before `until`."""
    year, half = first.year, 1 if first.month <= 6 else 2
    while year <= until.year:  # and never past 9999, the last year a date can hold
        start = date(year, 1 if half == 1 else 7, 1)
        end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
        if end > until:
            return
        yield f"{year}年{'上' if half == 1 else '下'}半年", f"{year} H{half}", start, end
        year, half = (year + 1, 1) if half == 2 else (year, 2)


def approved_by(roles: Roles, allowed: list[str], access: ClientFileAccess) -> bool:
    return (
        roles.permitted(allowed, access.approver_role, access.approver_id, None)
        and access.approved_date is not None
        and access.approved_date <= access.accessed_date
    )


def receivers_missing(departure: StaffDeparture, information_dept: str) -> str | None:
    """Of the leaver's own department and the information department, who did not receive."""
    wanted = [d for d in (departure.dept, information_dept) if d]
    return "、".join(d for d in wanted if d not in departure.received_by) or None


# --------------------------------------------------------------------------- build


def guarded(item: Loaded, produce: Callable[[Loaded], Iterable[Fact]]) -> Iterator[Fact | Problem]:
    """A record's facts, or the record rejected when its working days cannot be counted."""
    try:
        facts = list(produce(item))
    except CalendarError as error:
        yield Problem(
            item.source, Text(f"无法计算工作日：{error}", f"cannot count working days: {error}")
        )
        return
    yield from facts


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    config, calendar, as_of = ctx.config, ctx.calendar, ctx.as_of
    roster = {p.record.person_id: p.record for p in ctx.records("Personnel")}
    roles = Roles(config, roster)
    rejected: set[str] = set()
    for kind, field in (
        ("CustomerFile", "approved_by_role"),
        ("ClientFileAccess", "approver_role"),
    ):
        for item in ctx.records(kind):
            problem = roles.problem(item, field)
            if problem is not None:
                rejected.add(f"{kind}/{item.record.key()}")
                yield problem

    def kept(kind: str) -> list[Loaded]:
        return [i for i in ctx.records(kind) if f"{kind}/{i.record.key()}" not in rejected]

    files = {f.record.customer_id: f.record for f in ctx.records("CustomerFile")}
    updates: dict[str, list[date]] = defaultdict(list)
    for item in ctx.records("CustomerFileUpdate"):
        updates[item.record.customer_id].append(item.record.updated_date)

    def file_facts(item: Loaded) -> Iterator[Fact]:
        record: CustomerFile = item.record
        yield ctx.fact(
            item,
            CustomerFileFacts(
                missing_property=missing(record.sections, PROPERTY_SECTIONS),
                missing_property8=missing(record.sections, PROPERTY8_SECTIONS),
                missing_sales=missing(record.sections, SALES_SECTIONS),
                approver_permitted=roles.permitted(
                    config["sales10.file_approvers"], record.approved_by_role, None, None
                )
                if record.approved_by_role
                else None,
            ),
        )
        if record.long_term_partner and record.created_date:
            for label, label_en, start, end in quarters(record.created_date, as_of):
                yield ctx.fact(
                    item,
                    PartnerQuarter(
                        customer_id=record.customer_id,
                        customer_name=record.customer_name,
                        quarter=label,
                        quarter_en=label_en,
                        quarter_start=start,
                        quarter_end=end,
                        updated=any(start <= d <= end for d in updates[record.customer_id]),
                    ),
                    kind="PartnerQuarter",
                    occurrence=label,
                    reference_date=end,
                )

    for item in kept("CustomerFile"):
        yield from file_facts(item)

    accesses = kept("ClientFileAccess")
    for item in accesses:
        access: ClientFileAccess = item.record
        yield ctx.fact(
            item,
            AccessFacts(
                gm_approved=approved_by(roles, config["outline.access_approvers"], access),
                fund_permitted=approved_by(roles, config["fund.access_approvers"], access),
            ),
        )

    reassignments: dict[tuple[str, str], ClientReassignment] = {}
    for item in sorted(ctx.records("ClientReassignment"), key=lambda i: i.record.key()):
        reassignments.setdefault((item.record.leaver_id, item.record.customer_id), item.record)
    loans_by_person: dict[str, list[ClientFileAccess]] = defaultdict(list)
    for item in accesses:
        if item.record.access_type == "借阅":
            loans_by_person[item.record.accessor_id].append(item.record)
    customers_of: dict[str, set[str]] = defaultdict(set)
    for customer_id, file in files.items():
        customers_of[file.owner_id].add(customer_id)
    for leaver, customer_id in reassignments:
        customers_of[leaver].add(customer_id)

    def departure_facts(item: Loaded) -> Iterator[Fact]:
        departure: StaffDeparture = item.record
        last_day = departure.departure_date
        held = sum(
            1
            for loan in loans_by_person[departure.person_id]
            if loan.accessed_date <= last_day
            and (loan.returned_date is None or loan.returned_date > last_day)
        )
        yield ctx.fact(
            item,
            DepartureFacts(
                files_held=held,
                kept_files=held > 0 or departure.files_returned is False,
                missing_receivers=receivers_missing(departure, config["cli13.information_dept"]),
                service_received=config["fund.service_dept"] in departure.received_by,
            ),
        )
        customers = customers_of[departure.person_id]
        notice_due = due_after(calendar, departure.departure_date, config["client.notice_days"])
        for customer_id in sorted(customers):
            change = reassignments.get((departure.person_id, customer_id))
            notified = change.notified_date if change else None
            assigned = change.assigned_date if change and change.new_owner_id else None
            file = files.get(customer_id)
            yield ctx.fact(
                item,
                ClientHandoverDuty(
                    customer_id=customer_id,
                    customer_name=file.customer_name if file else None,
                    departure_date=departure.departure_date,
                    notice_due=notice_due,
                    notified_date=notified,
                    notified_by=change.notified_by if change else None,
                    new_owner_id=change.new_owner_id if change else None,
                    assigned_date=assigned,
                    notice_late=bool(late(notified, notice_due, as_of)),
                    owner_late=bool(late(assigned, notice_due, as_of)),
                    notified_by_service=change.notified_by == config["fund.service_dept"]
                    if change and change.notified_by
                    else None,
                ),
                kind="ClientHandoverDuty",
                occurrence=customer_id,
            )

    for item in ctx.records("StaffDeparture"):
        yield from guarded(item, departure_facts)

    for kind in ("CustomerFileUpdate", "ClientRecordEvent", "ClientReportRequest"):
        yield from ctx.each(kind)
    yield from ctx.each("ClientFileInspection")
    yield from inspection_half_years(ctx)


def inspection_half_years(ctx: FactContext) -> Iterator[Fact]:
    """One fact per half-year since the client files began (佛山 rules 三1).

    The half-years run from the earliest file, report or inspection on record to the last one
    that ended by the audit date; each stands on the inspection register's first row, or the
    client files' when no inspection was ever recorded.
    """
    inspections = ctx.records("ClientFileInspection")
    files = ctx.records("CustomerFile")
    anchors = inspections or files
    if not anchors:
        return
    dated = [i.record.inspected_date for i in inspections]
    dated += [f.record.created_date for f in files if f.record.created_date]
    dated += [
        r.record.delivered_date
        for r in ctx.records("ClientReportRequest")
        if r.record.delivered_date
    ]
    if not dated:
        return
    anchor = min(anchors, key=lambda i: i.source)
    dept = ctx.config["foshan.service_dept"]
    for label, label_en, start, end in half_years(min(dated), ctx.as_of):
        inside = [i.record for i in inspections if start <= i.record.inspected_date <= end]
        yield Fact(
            "InspectionHalfYear",
            label,
            RecordRef(anchor.record.meta.name, anchor.record.key(), anchor.source),
            Subject("dept", dept, dept),
            dict(
                InspectionHalfYear(
                    period=label,
                    period_en=label_en,
                    period_start=start,
                    period_end=end,
                    inspected=bool(inside),
                    recorded=any(i.record_kept for i in inside),
                )
            ),
            end,
        )
