"""Facts of the customer-service norms (catalogue part B6), computed before the engine.

How long a visitor waited to be greeted; whether a serious complaint was reported and a repair
fee handed to finance by the day the regulation allows (their times are date-times, which the
condition language does not turn into days); and, for a store's VIP customers, one reminder owed
per new product, promotion and birthday with the text message that answered it (`VipReminder`).
Whether a resident's case was answered in time is a derived field in
policies/service_property.py. Each computation is a small function tested on its own
(tests/test_service_facts.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Literal

from pydantic import NonNegativeInt

from checker.calendar import CalendarError, DateRangeError, shift
from checker.config import Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext
from checker.i18n import Text
from checker.loading import Loaded, Problem
from checker.records.base import col
from checker.records.service import (
    ServiceComplaint,
    ServiceRepairJob,
    ServiceVisit,
    VipMember,
    VipMessage,
    VipStoreEvent,
)

KINDS = (
    "ServiceCall",
    "ServiceSeatAbsence",
    "ServiceObservation",
    "ServiceVisit",
    "ServiceComplaint",
    "ResidentComplaint",
    "ServiceRepairJob",
    "VipMember",
    "VipReceipt",
    "VipStoreEvent",
    "VipMessage",
)

PARAMETERS = (
    Parameter(
        "property.reply_days",
        NonNegativeInt,
        0,
        Text(
            "篇二第5项“处理完毕后应将结果回复住户和管理处主任”未定期限：处理完毕后多少天内须回复"
            "（默认0，即处理完毕当天）。",
            "篇二 item 5 sets no deadline for telling the resident and the director the outcome: "
            "days allowed after the handling is finished (default 0, the same day).",
        ),
    ),
    Parameter(
        "gps.remit_days",
        NonNegativeInt,
        0,
        Text(
            "篇十一“回到公司后,立即将款交于财务”：回到公司后多少天内交财务仍算“立即”（默认0，即回到公司当天）。",
            "篇十一 'on return, hand the money to finance at once': days after getting back that "
            "still count as at once (default 0, the same day).",
        ),
    ),
    Parameter(
        "std15.serious_report_days",
        NonNegativeInt,
        0,
        Text(
            "制度15第十四章六“重大投诉,务必马上报告”：受理后多少天内报告部门负责人或分管经理仍算“马上”"
            "（默认0，即受理当天）。",
            "制度15 第十四章 六 'report a serious complaint at once': days after receipt that "
            "still count as at once (default 0, the day it was received).",
        ),
    ),
    Parameter(
        "vip.reminders_from",
        date | None,
        None,
        Text(
            "制度11 vip會員管理5：自哪一天起检查新品、促销和生日短信；为空时自发卡日起检查。",
            "制度11 VIP management 5: first day whose new products, promotions and birthdays are "
            "checked for a message; empty means from the day each card was issued.",
        ),
    ),
    Parameter(
        "vip.greeting_on_the_day",
        bool,
        False,
        Text(
            "“提前发短信提醒及问候”：活动或生日当天发送是否算按时（默认否，须在前一天或更早发送）。",
            "'Send a reminder or greeting in advance': whether a message sent on the day itself "
            "is in time (default no: the day before or earlier).",
        ),
    ),
    Parameter(
        "vip.birthday_match_days",
        NonNegativeInt,
        30,
        Text(
            "生日短信与哪一次生日对应：生日前后多少天内发送的“生日”短信算作该次生日的问候（默认30天）。",
            "Which birthday a birthday message belongs to: one sent within this many days "
            "before or after it (default 30).",
        ),
    ),
)

ReminderStatus = Literal["按时", "当天", "逾期", "未发"]


class VisitFacts(Computed):
    greeting_seconds: int | None = col(
        "招呼用时(秒)", "Seconds from arrival to the first greeting; empty if nobody greeted"
    )


class ComplaintFacts(Computed):
    report_late: bool | None = col(
        "重大投诉未及时报告",
        "A serious complaint not reported by the day std15.serious_report_days allows; "
        "empty for other complaints",
    )


class RepairFacts(Computed):
    remit_late: bool | None = col(
        "未立即交财务",
        "A fee not handed to finance by the day gps.remit_days allows after the technician "
        "got back; empty without a fee or a return time",
    )


class VipReminder(Computed):
    """A message a store owed one VIP before a new product, a promotion or the VIP's birthday."""

    card_no: str = col("vip卡号", "VIP card number")
    name: str = col("姓名", "Customer's name")
    store_id: str = col("门店", "Store")
    occasion: Literal["新品", "促销", "生日"] = col("事由", "New product, promotion or birthday")
    event_id: str | None = col("活动编号", "The event; empty for a birthday")
    due_date: date = col("活动或生日日期", "First day of the event, or the birthday")
    sent_at: datetime | None = col("短信发送时间", "When the answering message went out")
    status: ReminderStatus = col(
        "提醒情况", "按时 (before the day), 当天 (on it), 逾期 (after it) or 未发 (none)"
    )


COMPUTED = {
    "ServiceVisit": VisitFacts,
    "ServiceComplaint": ComplaintFacts,
    "ServiceRepairJob": RepairFacts,
}
DERIVED = (DerivedKind("VipReminder", Text("VIP短信提醒", "VIP reminder"), VipReminder),)


# --------------------------------------------------------------------------- computations


def greeting_seconds(arrived_at: datetime, greeted_at: datetime | None) -> int | None:
    """Whole seconds from arrival to greeting (fractions dropped); None if nobody greeted."""
    if greeted_at is None:
        return None
    return int((greeted_at - arrived_at).total_seconds())


def done_late(start: date | None, done: date | None, as_of: date, days: int) -> bool | None:
    """Whether something due `days` calendar days after `start` was done later, or not yet.

    None when nothing is due yet (no start). Not done and the last day not yet past: not late.
    """
    if start is None:
        return None
    last_day = shift(start, days)
    if done is None:
        return as_of > last_day
    return done > last_day


def _day(moment: datetime | None) -> date | None:
    return None if moment is None else moment.date()


def anniversary(day: date, year: int) -> date:
    """The same month and day in `year`; 29 February falls on 28 February in a common year."""
    if not date.min.year <= year <= date.max.year:
        raise DateRangeError(day, f"→ {year}")
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def card_expiry(issued: date) -> date:
    """First day a card is no longer valid: 持卡有效期为二年, the second anniversary of issue."""
    return anniversary(issued, issued.year + 2)


def birthdays_between(birthday: date, first: date, last: date) -> list[date]:
    """The birthdays falling on or between `first` and `last`."""
    days = (anniversary(birthday, year) for year in range(first.year, last.year + 1))
    return [day for day in days if first <= day <= last]


def reminder_status(
    due: date, sent: Iterable[datetime], on_the_day: bool
) -> tuple[datetime | None, ReminderStatus]:
    """The message that best answers a reminder due on `due`, and whether it was in time.

    The earliest message sent before the day is in time; one sent on the day is 当天 (in time only
    when `on_the_day`, see VipReminder rules); after the day, 逾期; none at all, 未发.
    """
    ordered = sorted(sent)
    if not ordered:
        return None, "未发"
    first = ordered[0]
    if first.date() < due:
        return first, "按时"
    if first.date() == due:
        return first, "按时" if on_the_day else "当天"
    return first, "逾期"


def reminders_owed(
    member: VipMember,
    events: Iterable[VipStoreEvent],
    since: date | None,
    as_of: date,
) -> list[tuple[Literal["新品", "促销", "生日"], str | None, date]]:
    """The occasions a VIP was owed a message: (occasion, event, day), each day up to `as_of`.

    Only while the card is valid: issued before the day (a message could be sent in advance) and
    the day before its second anniversary; not before `since` when it is set.
    """
    first = shift(member.issued_date, 1)
    if since is not None:
        first = max(first, since)
    last = min(as_of, shift(card_expiry(member.issued_date), -1))
    if first > last:
        return []
    owed: list[tuple[Literal["新品", "促销", "生日"], str | None, date]] = [
        (event.event_type, event.event_id, event.start_date)
        for event in events
        if event.store_id == member.store_id and first <= event.start_date <= last
    ]
    if member.birthday is not None:
        owed += [("生日", None, day) for day in birthdays_between(member.birthday, first, last)]
    return sorted(owed, key=lambda item: (item[2], item[0]))


def answering_messages(
    occasion: str, event_id: str | None, due: date, messages: Iterable[VipMessage], window: int
) -> list[datetime]:
    """When the messages answering an occasion were sent.

    A new-product or promotion message answers the event it names; a birthday message answers
    the birthday within `window` days of which it was sent.
    """
    if occasion == "生日":
        return [
            m.sent_at
            for m in messages
            if m.message_type == "生日" and abs((m.sent_at.date() - due).days) <= window
        ]
    return [m.sent_at for m in messages if m.message_type == occasion and m.event_id == event_id]


# --------------------------------------------------------------------------- the facts


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    yield from ctx.each("ServiceCall")
    yield from ctx.each("ServiceSeatAbsence")
    yield from ctx.each("ServiceObservation")
    yield from ctx.each("VipReceipt")

    def visit(item: Loaded) -> VisitFacts:
        record: ServiceVisit = item.record
        return VisitFacts(greeting_seconds=greeting_seconds(record.arrived_at, record.greeted_at))

    yield from ctx.each("ServiceVisit", visit)

    def complaint(item: Loaded) -> ComplaintFacts:
        case: ServiceComplaint = item.record
        late = done_late(
            case.received_at.date(),
            _day(case.reported_at),
            ctx.as_of,
            ctx.config["std15.serious_report_days"],
        )
        return ComplaintFacts(report_late=late if case.serious else None)

    yield from ctx.each("ServiceComplaint", complaint)

    yield from ctx.each("ResidentComplaint")

    def repair(item: Loaded) -> RepairFacts:
        job: ServiceRepairJob = item.record
        if not job.fee_cny:
            return RepairFacts(remit_late=None)
        return RepairFacts(
            remit_late=done_late(
                _day(job.returned_at),
                _day(job.remitted_at),
                ctx.as_of,
                ctx.config["gps.remit_days"],
            )
        )

    yield from ctx.each("ServiceRepairJob", repair)

    yield from ctx.each("VipMember")
    yield from _vip_reminders(ctx)


def _vip_reminders(ctx: FactContext) -> Iterator[Fact | Problem]:
    # Each member is owed only their store's events: looking through every store's would cost
    # members × events.
    events: dict[str, list[VipStoreEvent]] = defaultdict(list)
    for item in ctx.records("VipStoreEvent"):
        events[item.record.store_id].append(item.record)
    messages: dict[str, list[VipMessage]] = defaultdict(list)
    for item in ctx.records("VipMessage"):
        messages[item.record.card_no].append(item.record)
    for item in ctx.records("VipMember"):
        member: VipMember = item.record
        try:
            owed = reminders_owed(
                member, events.get(member.store_id, []), ctx.config["vip.reminders_from"], ctx.as_of
            )
        except CalendarError as error:  # a card issued on 9999-12-31 has no day after it
            yield ctx.unplaced(item, error)
            continue
        for occasion, event_id, due in owed:
            sent = answering_messages(
                occasion,
                event_id,
                due,
                messages[member.card_no],
                ctx.config["vip.birthday_match_days"],
            )
            sent_at, status = reminder_status(due, sent, ctx.config["vip.greeting_on_the_day"])
            reminder = VipReminder(
                card_no=member.card_no,
                name=member.name,
                store_id=member.store_id,
                occasion=occasion,
                event_id=event_id,
                due_date=due,
                sent_at=sent_at,
                status=status,
            )
            occurrence = event_id or f"生日{due.isoformat()}"
            yield ctx.fact(
                item, reminder, kind="VipReminder", occurrence=occurrence, reference_date=due
            )
