"""Facts of conference marketing (篇十三), computed before the engine.

How many 科普 leads each participant got; each daily sheet a division manager owes the 资源共享
box in the week before a joint event and on its day, and whether it went in by the deadline; the
day an invitation counts for (after 18:00 it is the next day's), which division's claim on a
customer came first and stands, and so who a customer at the event should be credited to; whether
a customer's service lapsed in the three months before another division invited them; one fact
per person a fine falls on (each party to a dispute; the employee and the manager of a grievance).
Each computation is a small function tested on its own (tests/test_leads_facts.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Literal

from pydantic import NonNegativeInt

from checker.calendar import CalendarError, add_months, shift
from checker.config import Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext, Subject
from checker.i18n import Text
from checker.loading import Loaded, Problem
from checker.records.base import col
from checker.records.leads import (
    DIVISIONS,
    CustomerGrievance,
    JointArrival,
    JointDispute,
    JointEvent,
    JointInvitation,
    JointSale,
    KepuSession,
    LeadArchive,
    LeadService,
    ShareBoxSubmission,
)

KINDS = (
    "KepuSession",
    "LeadArchive",
    "JointEvent",
    "ShareBoxSubmission",
    "JointInvitation",
    "JointArrival",
    "JointSale",
    "JointDispute",
    "LeadAccount",
    "LeadService",
    "CustomerGrievance",
)

PARAMETERS = (
    Parameter(
        "mtg.cutoff_inclusive",
        bool,
        True,
        Text(
            "篇十三二.1“每天晚6点前”投表、“每晚6点后再邀约算作第二天邀约”：正好18:00:00是否仍算当天"
            "（默认是：18:00:00投表不算迟交，18:00:00邀约算当天；18:00:01起算迟交、算次日）。"
            "活动当天10点、4点的截止时间同样处理。",
            "二.1 'before 6 pm' and 'after 6 pm counts as the next day': whether 18:00:00 "
            "itself is still that day (default yes: a sheet at 18:00:00 is on time, an "
            "invitation at 18:00:00 counts for that day; from 18:00:01 late, next day). The "
            "event day's 10:00 and 16:00 deadlines are read the same way.",
        ),
    ),
    Parameter(
        "mtg.week_days",
        NonNegativeInt,
        7,
        Text(
            "“活动前一周”包括活动前多少天（默认7天：活动前第7天至前1天）。",
            "How many days 'the week before the event' covers (default 7: the 7th day before "
            "to the day before).",
        ),
    ),
    Parameter(
        "mtg.lead_spread",
        NonNegativeInt,
        1,
        Text(
            "“平均分配”：同一次科普的参加员工之间所得档案数最多相差几份（默认1，即尽可能平均）。",
            "'Shared out evenly': the most the lead counts of one session's participants may "
            "differ by (default 1, as even as the numbers allow).",
        ),
    ),
    Parameter(
        "mtg.lapse_months",
        NonNegativeInt,
        3,
        Text(
            "“三个月内顾客服务不到位”的回溯期（月，默认3）。",
            "Months looked back for 'service not given within three months' (default 3).",
        ),
    ),
    Parameter(
        "mtg.lapse_rule",
        Literal["any", "all"],
        "any",
        Text(
            "服务不到位：any（默认）＝三个月内没有邀约、没有到会或没有家访任一情形即是；"
            "all＝三者都没有才是。",
            "Service lapsed: any (default) = within the months no invitation, no attendance or "
            "no home visit, any one of them; all = none of the three.",
        ),
    ),
    Parameter(
        "mtg.report_days",
        NonNegativeInt,
        0,
        Text(
            "“立即将该邀约的顾客档案上报给顾客资源总监”：邀约后几天内上报（默认0，即邀约当天）。",
            "'Report the file to the customer-resources director at once': days after the "
            "invitation (default 0, the same day).",
        ),
    ),
    Parameter(
        "mtg.grievance_days",
        NonNegativeInt,
        3,
        Text(
            "“三日之内”处理好顾客抱怨：发现之日起的日历天数（默认3，第3天处理好不算逾期）。",
            "'Within three days' to resolve a grievance: calendar days from the day it was "
            "found (default 3; resolved on the 3rd day is in time).",
        ),
    ),
    Parameter(
        "mtg.other_executive",
        Literal["c_only", "as_jiang"],
        "c_only",
        Text(
            "顾客向姜总以外的领导投诉：c_only（默认）＝既非“未投诉”也非“向姜总投诉”，只适用三日未处理好的"
            "500元；as_jiang＝按向姜总投诉处理（经理及员工各罚100元）。",
            "A complaint to an executive other than 姜总: c_only (default) = neither 'no "
            "complaint' nor 'complaint to 姜总', only the 500 yuan for three days unresolved "
            "applies; as_jiang = treated as a complaint to 姜总 (100 yuan each).",
        ),
    ),
)

EVENING = time(18, 0)
EVENT_DAY_DEADLINES = {"下午": time(10, 0), "晚上": time(16, 0)}
DIVISION1, DIVISION2 = "第一事业部", "第二事业部"


class SessionFacts(Computed):
    lead_counts: str | None = col("各员工档案数", "Leads each participant got")
    leads_max: int | None = col("最多档案数", "Most leads one participant got")
    leads_min: int | None = col("最少档案数", "Fewest leads one participant got")
    lead_spread: int | None = col("档案数差额", "Most minus fewest")


class LeadFacts(Computed):
    assignee_took_part: bool | None = col(
        "分配对象参加了科普", "The assignee took part in the session; empty when unknown"
    )


class ShareBoxDuty(Computed):
    """One sheet a division manager owes the box for one day of an event's run-up."""

    event_id: str = col("会议编号", "The joint event")
    event_date: date = col("会议日期", "Day of the event")
    dept: str = col("事业部", "Division")
    manager_id: str = col("经理员工编号", "The division's manager")
    due_date: date = col("所属日期", "The day the sheet is for")
    list_type: str = col("表别", "Confirmed-customer sheet or next day's plan")
    phase: str = col("阶段", "The week before the event, or the event day")
    deadline: datetime = col("截止时间", "When it is due")
    submitted_at: datetime | None = col("投入时间", "When it went in; empty if it did not")
    missing: bool = col("未交", "Not submitted and the day is over")
    late: bool = col("迟交", "Submitted after the deadline")


class InvitationFacts(Computed):
    effective_date: date = col("邀约计入日期", "The day the invitation counts for")
    earlier_dept: str | None = col(
        "已有敲定部门", "Another division that confirmed the customer earlier, its sheet on time"
    )
    earlier_date: date | None = col("已有敲定日期", "The day that division's claim counts for")
    owner_dept: str | None = col("顾客所属事业部", "Division the customer's file belongs to")
    cross_dept: bool | None = col("跨部门邀约", "The customer belongs to another division")
    service_lapsed: bool | None = col(
        "服务不到位", "The owner's service lapsed in the months before the invitation"
    )
    services_seen: str | None = col("期内服务", "The services of those months")
    report_late: bool | None = col(
        "未立即上报", "Not reported to the director within the days allowed (or still not)"
    )


class ArrivalFacts(Computed):
    rightful_dept: Literal[DIVISIONS] | None = col(  # type: ignore[valid-type]
        "应判邀约部门", "The division the rules credit; empty when undecided (same day)"
    )
    basis: str | None = col(
        "判定依据", "先邀约 (first to confirm), 迟交作废 (the first division's sheet was late)"
    )


class SaleFacts(Computed):
    current_inviter_id: str | None = col(
        "现邀约员工编号", "Employee of the invitation the customer is credited to"
    )


class DisputeParty(Computed):
    """One party to a dispute, the person a fine would fall on."""

    dispute_id: str = col("冲突编号", "Dispute number")
    event_id: str = col("会议编号", "The joint event")
    dispute_date: date = col("日期", "Day of the dispute")
    employee_id: str = col("员工编号", "The party")
    before_customer: bool = col("在顾客面前争议", "They argued in front of the customer")
    settled_after: bool | None = col(
        "会后两部负责人陪同协调助理协商", "Settled after the event as the rule says"
    )


class GrievanceLiability(Computed):
    """One person a grievance's fine falls on: the employee concerned or the manager."""

    grievance_id: str = col("抱怨编号", "Grievance number")
    customer_id: str = col("顾客编号", "Customer")
    person_id: str = col("责任人员工编号", "Who is fined")
    role: str = col("责任身份", "当事员工 or 部门经理")
    complained_to: str = col("投诉对象", "Nobody, 姜总 or another executive")
    found_date: date = col("发现日期", "Day the grievance was found")
    resolved_date: date | None = col("处理好日期", "Day it was resolved")
    handed_over_date: date | None = col("顾客资源移交日期", "Day the customer was handed over")


COMPUTED = {
    "KepuSession": SessionFacts,
    "LeadArchive": LeadFacts,
    "JointInvitation": InvitationFacts,
    "JointArrival": ArrivalFacts,
    "JointSale": SaleFacts,
}
DERIVED = (
    DerivedKind("ShareBoxDuty", Text("资源共享箱投表义务", "shared-box sheet due"), ShareBoxDuty),
    DerivedKind("DisputeParty", Text("冲突当事人", "party to a dispute"), DisputeParty),
    DerivedKind(
        "GrievanceLiability",
        Text("顾客抱怨责任人", "person liable for a grievance"),
        GrievanceLiability,
    ),
)


# --------------------------------------------------------------------------- computations


def lead_counts(participants: Iterable[str], assignees: Iterable[str | None]) -> dict[str, int]:
    """Leads per participant of one session (0 for a participant given none). Leads given to
    someone who did not take part are counted too, under their name."""
    counts: dict[str, int] = {p: 0 for p in sorted(participants)}
    for assignee in assignees:
        if assignee is not None:
            counts[assignee] = counts.get(assignee, 0) + 1
    return counts


def spread(counts: dict[str, int], participants: Iterable[str]) -> tuple[int, int, int] | None:
    """(most, fewest, difference) among the participants; None without participants."""
    among = [counts.get(p, 0) for p in participants]
    if not among:
        return None
    return max(among), min(among), max(among) - min(among)


def before_cutoff(moment: datetime, cutoff: datetime, inclusive: bool) -> bool:
    """Whether `moment` is in time for `cutoff` (at the cutoff itself only when inclusive)."""
    return moment <= cutoff if inclusive else moment < cutoff


def effective_date(invited_at: datetime, inclusive: bool, cutoff: time = EVENING) -> date:
    """The day an invitation counts for: after 18:00 it is the next day's (二.1)."""
    day = invited_at.date()
    if before_cutoff(invited_at, datetime.combine(day, cutoff), inclusive):
        return day
    return shift(day, 1)


def week_before(event_date: date, days: int) -> list[date]:
    """The days of 'the week before' an event: `days` days up to the day before it."""
    return [shift(event_date, -n) for n in range(days, 0, -1)]


@dataclass(frozen=True)
class Duty:
    dept: str
    manager_id: str
    due_date: date
    list_type: str
    phase: str
    deadline: datetime


def box_duties(event: JointEvent, days: int) -> list[Duty]:
    """Every sheet the two managers owe the box for an event (二.1 and 二.3).

    Each day of the week before: both divisions' confirmed-customer sheet, and the second
    division's plan for the next day, by 18:00. The event day: both divisions' sheet by 10:00 for
    an afternoon event, 16:00 for an evening one; a morning event has no such deadline.
    """
    managers = {DIVISION1: event.division1_manager_id, DIVISION2: event.division2_manager_id}
    duties: list[Duty] = []
    for day in week_before(event.event_date, days):
        deadline = datetime.combine(day, EVENING)
        for dept, manager in managers.items():
            duties.append(Duty(dept, manager, day, "当天敲定表", "前一周", deadline))
        duties.append(Duty(DIVISION2, managers[DIVISION2], day, "次日计划名单", "前一周", deadline))
    cutoff = EVENT_DAY_DEADLINES.get(event.session)
    if cutoff is not None:
        deadline = datetime.combine(event.event_date, cutoff)
        for dept, manager in managers.items():
            duties.append(Duty(dept, manager, event.event_date, "当天敲定表", "活动当天", deadline))
    return duties


def duty_status(
    deadline: datetime, submitted: datetime | None, as_of: date, inclusive: bool
) -> tuple[bool, bool]:
    """(missing, late): missing once the deadline's day is over with nothing in the box."""
    if submitted is None:
        return as_of > deadline.date(), False
    return False, not before_cutoff(submitted, deadline, inclusive)


def first_claims(
    claims: Iterable[tuple[str, date]],
) -> dict[str, date]:
    """Each division's earliest effective date for one customer at one event."""
    first: dict[str, date] = {}
    for dept, day in claims:
        if dept not in first or day < first[dept]:
            first[dept] = day
    return first


def rightful(claims: dict[str, date], valid: dict[str, bool]) -> tuple[str | None, str | None]:
    """The division a customer at the event is credited to, and why (二.1, 二.2, 二.4).

    The earliest claim whose sheet went in on time stands (先邀约; 唯一邀约 when one division
    alone invited); if the earliest was void for a late or missing sheet and another division
    confirmed the customer later, that one is credited (迟交作废). Two claims of the same day,
    or none standing, leave it to the coordinating assistant (None).
    """
    if not claims:
        return None, None
    if len(claims) == 1:
        (dept,) = claims
        return dept, "唯一邀约"
    ordered = sorted(claims.items(), key=lambda item: item[1])
    standing = [(d, day) for d, day in ordered if valid.get(d, True)]
    if not standing:
        return None, None
    dept, day = standing[0]
    if sum(1 for _, other in standing if other == day) > 1:
        return None, None
    earliest = ordered[0][1]
    return dept, "先邀约" if day == earliest else "迟交作废"


def lapse_window(day: date, months: int) -> tuple[date, date]:
    """The months before `day`: from the same date `months` earlier up to the day before."""
    return add_months(day, -months), shift(day, -1)


def service_lapsed(types: Iterable[str], rule: str) -> bool:
    """服务不到位 from the services of the window: no invitation, no attendance or no home visit
    (any: one missing suffices; all: all three missing)."""
    seen = set(types)
    missing = [t not in seen for t in ("邀约", "到会", "家访")]
    return any(missing) if rule == "any" else all(missing)


def report_late(invited: date, reported: date | None, as_of: date, days: int) -> bool:
    """Not reported within `days` of the invitation; still unreported once that day is over."""
    deadline = shift(invited, days)
    if reported is None:
        return as_of > deadline
    return reported > deadline


def liable_people(employee_id: str, manager_id: str | None) -> list[tuple[str, str]]:
    """(person, role) pairs a grievance's fine falls on; a manager who is the employee once."""
    people = [(employee_id, "当事员工")]
    if manager_id and manager_id != employee_id:
        people.append((manager_id, "部门经理"))
    return people


# --------------------------------------------------------------------------- build


def _as(ctx: FactContext, fact: Fact, person: str, source: object) -> Fact:
    """The fact attributed to `person`."""
    name = ctx.subject_name("employee", person, source)  # type: ignore[arg-type]
    return replace(fact, subject=Subject("employee", person, name))


def _sessions(ctx: FactContext) -> Iterator[Fact | Problem]:
    sessions: dict[str, KepuSession] = {
        item.record.session_id: item.record for item in ctx.records("KepuSession")
    }
    assignees: dict[str, list[str | None]] = defaultdict(list)
    for item in ctx.records("LeadArchive"):
        assignees[item.record.session_id].append(item.record.assigned_to)

    def session(item: Loaded) -> SessionFacts:
        record: KepuSession = item.record
        counts = lead_counts(record.participants, assignees[record.session_id])
        figures = spread(counts, record.participants)
        most, fewest, difference = figures or (None, None, None)
        return SessionFacts(
            lead_counts="、".join(f"{who}:{n}" for who, n in counts.items()) or None,
            leads_max=most,
            leads_min=fewest,
            lead_spread=difference,
        )

    def lead(item: Loaded) -> LeadFacts:
        record: LeadArchive = item.record
        held = sessions.get(record.session_id)
        took_part = None
        if held is not None and record.assigned_to is not None:
            took_part = record.assigned_to in held.participants
        return LeadFacts(assignee_took_part=took_part)

    yield from ctx.each("KepuSession", session)
    yield from ctx.each("LeadArchive", lead)


def _duties(ctx: FactContext, inclusive: bool) -> tuple[list[Fact | Problem], dict[tuple, bool]]:
    """The box duties as facts (or why an event has none), and whether each (event, division,
    day) sheet stands."""
    submitted: dict[tuple[str, str, date, str], datetime] = {}
    for item in ctx.records("ShareBoxSubmission"):
        sheet: ShareBoxSubmission = item.record
        key = (sheet.event_id, sheet.dept, sheet.for_date, sheet.list_type)
        if key not in submitted or sheet.submitted_at < submitted[key]:
            submitted[key] = sheet.submitted_at
    facts: list[Fact | Problem] = []
    stands: dict[tuple, bool] = {}
    for item in ctx.records("JointEvent"):
        event: JointEvent = item.record
        try:
            duties = box_duties(event, ctx.config["mtg.week_days"])
        except CalendarError as error:  # an event on 0001-01-01 has no week before it
            facts.append(ctx.unplaced(item, error))
            continue
        for duty in duties:
            at = submitted.get((event.event_id, duty.dept, duty.due_date, duty.list_type))
            missing, late = duty_status(duty.deadline, at, ctx.as_of, inclusive)
            if duty.list_type == "当天敲定表":
                stands[(event.event_id, duty.dept, duty.due_date)] = at is not None and not late
            computed = ShareBoxDuty(
                event_id=event.event_id,
                event_date=event.event_date,
                dept=duty.dept,
                manager_id=duty.manager_id,
                due_date=duty.due_date,
                list_type=duty.list_type,
                phase=duty.phase,
                deadline=duty.deadline,
                submitted_at=at,
                missing=missing,
                late=late,
            )
            fact = ctx.fact(
                item,
                computed,
                kind="ShareBoxDuty",
                occurrence=f"{duty.dept}/{duty.due_date}/{duty.list_type}",
                reference_date=duty.due_date,
            )
            facts.append(_as(ctx, fact, duty.manager_id, item.source))
    return facts, stands


def _invitations(
    ctx: FactContext, inclusive: bool, stands: dict[tuple, bool]
) -> Iterator[Fact | Problem]:
    invitations: list[JointInvitation] = [item.record for item in ctx.records("JointInvitation")]
    day_of = {i.invitation_id: effective_date(i.invited_at, inclusive) for i in invitations}
    by_customer: dict[tuple[str, str], list[JointInvitation]] = defaultdict(list)
    for invitation in invitations:
        by_customer[(invitation.event_id, invitation.customer_id)].append(invitation)

    def claims_of(event_id: str, customer_id: str) -> tuple[dict[str, date], dict[str, bool]]:
        claims = first_claims(
            (i.dept, day_of[i.invitation_id]) for i in by_customer[(event_id, customer_id)]
        )
        valid = {d: stands.get((event_id, d, day), True) for d, day in claims.items()}
        return claims, valid

    owners = {item.record.customer_id: item.record for item in ctx.records("LeadAccount")}
    services: dict[str, list[LeadService]] = defaultdict(list)
    for item in ctx.records("LeadService"):
        services[item.record.customer_id].append(item.record)
    months = ctx.config["mtg.lapse_months"]

    def invitation(item: Loaded) -> InvitationFacts:
        record: JointInvitation = item.record
        day = day_of[record.invitation_id]
        claims, valid = claims_of(record.event_id, record.customer_id)
        earlier = [
            (d, when) for d, when in claims.items() if d != record.dept and when < day and valid[d]
        ]
        earlier_dept, earlier_date = min(earlier, key=lambda x: x[1]) if earlier else (None, None)
        owner = owners.get(record.customer_id)
        cross = lapsed = late = None
        seen = None
        if owner is not None:
            cross = owner.owner_dept != record.dept
            start, end = lapse_window(day, months)
            types = sorted(
                {
                    s.service_type
                    for s in services[record.customer_id]
                    if start <= s.service_date <= end
                }
            )
            seen = "、".join(types) or None
            lapsed = service_lapsed(types, ctx.config["mtg.lapse_rule"])
            late = report_late(day, record.reported_date, ctx.as_of, ctx.config["mtg.report_days"])
        return InvitationFacts(
            effective_date=day,
            earlier_dept=earlier_dept,
            earlier_date=earlier_date,
            owner_dept=owner.owner_dept if owner else None,
            cross_dept=cross,
            service_lapsed=lapsed,
            services_seen=seen,
            report_late=late,
        )

    def arrival(item: Loaded) -> ArrivalFacts:
        record: JointArrival = item.record
        dept, basis = rightful(*claims_of(record.event_id, record.customer_id))
        return ArrivalFacts(rightful_dept=dept, basis=basis)

    def sale(item: Loaded) -> SaleFacts:
        record: JointSale = item.record
        dept, _ = rightful(*claims_of(record.event_id, record.customer_id))
        inviters = sorted(
            (day_of[i.invitation_id], i.invited_at, i.employee_id)
            for i in by_customer[(record.event_id, record.customer_id)]
            if i.dept == dept
        )
        return SaleFacts(current_inviter_id=inviters[0][2] if inviters else None)

    yield from ctx.each("JointInvitation", invitation)
    yield from ctx.each("JointArrival", arrival)
    yield from ctx.each("JointSale", sale)


def _disputes(ctx: FactContext) -> Iterator[Fact | Problem]:
    for item in ctx.records("JointDispute"):
        dispute: JointDispute = item.record
        yield ctx.fact(item)
        for party in sorted(dispute.parties):
            computed = DisputeParty(
                dispute_id=dispute.dispute_id,
                event_id=dispute.event_id,
                dispute_date=dispute.dispute_date,
                employee_id=party,
                before_customer=dispute.before_customer,
                settled_after=dispute.settled_after,
            )
            fact = ctx.fact(item, computed, kind="DisputeParty", occurrence=party)
            yield _as(ctx, fact, party, item.source)


def _grievances(ctx: FactContext) -> Iterator[Fact | Problem]:
    for item in ctx.records("CustomerGrievance"):
        grievance: CustomerGrievance = item.record
        yield ctx.fact(item)
        for person, role in liable_people(grievance.employee_id, grievance.manager_id):
            computed = GrievanceLiability(
                grievance_id=grievance.grievance_id,
                customer_id=grievance.customer_id,
                person_id=person,
                role=role,
                complained_to=grievance.complained_to,
                found_date=grievance.found_date,
                resolved_date=grievance.resolved_date,
                handed_over_date=grievance.handed_over_date,
            )
            fact = ctx.fact(item, computed, kind="GrievanceLiability", occurrence=person)
            yield _as(ctx, fact, person, item.source)


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    inclusive = ctx.config["mtg.cutoff_inclusive"]
    yield from _sessions(ctx)
    duties, stands = _duties(ctx, inclusive)
    yield from ctx.each("JointEvent")
    yield from ctx.each("ShareBoxSubmission")
    yield from duties
    yield from _invitations(ctx, inclusive, stands)
    yield from _disputes(ctx)
    yield from ctx.each("LeadAccount")
    yield from ctx.each("LeadService")
    yield from _grievances(ctx)
