"""Conference marketing (会议营销): 拜访客户管理制度 篇十三 (shared/regulations/000_…, L447–474).

A health-product seller's rules for sharing out 科普 leads, for the joint events of its two
divisions (the daily sheets in the 资源共享 box, first-come invitations, borrowed help, disputes)
and for customer grievances. Fines fall on persons: the division head for a late sheet (10 元),
each party to a dispute (100 元), the employee and the department manager of a grievance (100 元,
500 元 each), one violation per person so that each person's total is right. The 联谊会 reward
points between (L454–455) are OTH-SVC-01, not a staff duty.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Literal

from checker.conditions import AUDIT_DATE, F, P, any_of, when
from checker.config import Parameter
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import (
    NONE_STATED,
    Check,
    Measure,
    Penalty,
    Reading,
    Regulation,
    Rule,
    check,
    rule_of,
)

REGULATION = Regulation(
    id="conference-marketing",
    title=Text(
        "拜访客户管理制度（篇十三）会议营销与顾客档案管理",
        "Conference marketing and customer files (visiting customers, part 13)",
    ),
    short_title=Text("会议营销管理制度", "Conference Marketing Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇十三",
    lines=(447, 474),
)

PARAMETERS = (
    Parameter(
        "mtg.event_day_fine",
        Literal["fined", "not_fined"],
        "not_fined",
        Text(
            "二.3活动当天（下午场10点前、晚场下午4点前）迟交或不交已敲定顾客档案表是否也罚该部负责人10元："
            "not_fined（默认，罚款原文限于“前一周时间内”）或 fined。",
            "二.3: whether a late or missing sheet on the event day (by 10:00 for an afternoon "
            "event, 16:00 for an evening one) also costs the head 10 yuan: not_fined (default; "
            "the text fines 'within the week before') or fined.",
        ),
    ),
)

NONE = replace(NONE_STATED, note=Text("原文未规定处罚", "the text states no sanction"))
FINE_SHEET = Penalty(
    stated=True,
    basis="二.3",
    text="两事业部联合会议举办会议营销活动前一周时间内,每天邀约敲定顾客档案如有迟交或不交一次,"
    "罚该部负责人10元",
    fine_min_cny=Decimal(10),
    fine_max_cny=Decimal(10),
    note=Text("由该部负责人承担", "paid by the division head"),
)
FINE_DISPUTE = Penalty(
    stated=True,
    basis="二.6",
    text="否则当事人每人罚款100元",
    fine_min_cny=Decimal(100),
    fine_max_cny=Decimal(100),
    note=Text("每名当事人各罚", "each party is fined"),
)
ZH_LATE_SHEET = "{dept}{due_date}的{list_type}{submitted_at}才投入（截止{deadline}）"
EN_LATE_SHEET = (
    "the {list_type} sheet of {dept} for {due_date} went in at {submitted_at} (due {deadline})"
)
ZH_NO_SHEET = "{dept}{due_date}的{list_type}未投入“资源共享”箱（截止{deadline}）"
EN_NO_SHEET = (
    "the {list_type} sheet of {dept} for {due_date} never went in the box (due {deadline})"
)
CUTOFF = Reading(
    Text(
        "“晚6点前”“上午10点前”“下午4点前”包括整点本身（mtg.cutoff_inclusive，默认是）：18:00:00投入不算迟交，"
        "18:00:01起算迟交；投表截止日结束仍未投入为不交。同一天同一表投了几次以最早一次为准。",
        "'Before 6 pm', 'before 10 am', 'before 4 pm' include the hour itself "
        "(mtg.cutoff_inclusive, default yes): 18:00:00 is on time, 18:00:01 late; nothing in "
        "the box when the day is over is a missing sheet. Of several sheets for one day the "
        "earliest counts.",
    ),
    "mtg.cutoff_inclusive",
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


def unsanctioned(kind: str, when: object, zh: str, en: str) -> Check:
    """A check of a duty whose text states no sanction, in a rule that states one elsewhere."""
    return check(kind, when, zh, en, penalty=NONE, severity="warning")  # type: ignore[arg-type]


def sheet_checks(phase: str, list_type: str, extra: object = None) -> list[tuple[object, str, str]]:
    """(condition, zh, en) for a missing and a late sheet of one phase and list."""
    base = (F.phase == phase) & (F.list_type == list_type)
    if extra is not None:
        base = base & extra  # type: ignore[operator]
    return [
        (base & F.missing.is_true(), ZH_NO_SHEET, EN_NO_SHEET),
        (base & F.late.is_true(), ZH_LATE_SHEET, EN_LATE_SHEET),
    ]


# 三.3.2): a (no complaint), b (complaint to 姜总) or empty (another executive, by default).
derived_field(
    "GrievanceLiability",
    "case",
    when(
        F.complained_to == "未投诉",
        "a",
        when((F.complained_to == "姜总") | (P("mtg.other_executive") == "as_jiang"), "b", None),
    ),
    "三.3.2)",
    "抱怨情形",
    "a: no complaint; b: complaint to 姜总 (or as mtg.other_executive says)",
)
# 三.3.2)c: 三日之内 in calendar days from the day the grievance was found.
derived_field(
    "GrievanceLiability",
    "days_open",
    F.resolved_date.or_else(AUDIT_DATE) - F.found_date,
    "三.3.2)c",
    "处理用时(天)",
    "Calendar days to the resolution, or to the audit date",
)
derived_field(
    "GrievanceLiability",
    "resolved_late",
    when(F.days_open > P("mtg.grievance_days"), True, False),
    "三.3.2)c",
    "三日内未处理好",
    "Not resolved within the days allowed",
)

RULES = [
    reg(
        "SAL-MTG-01",
        article="一.2",
        line=450,
        text="1)、由科普部门负责人将科普所得的档案先交crm管理中心进行录入处理;\n"
        "2)、经crm管理中心处理后,再将处理后的顾客档案返还该部负责人;\n"
        "3)、该部负责人收到档案后,将其按公平公开的原则平均分配给该部参加科普的员工后进行邀约,"
        "并完成顾客档案分配程序。",
        title=(
            "科普档案先交crm录入、返还后平均分配给参加科普的员工",
            "科普 leads go through the CRM centre first, then evenly to the staff who took part",
        ),
        checks=[
            check(
                "LeadArchive",
                F.assigned_to.not_null() & F.crm_entered_date.is_null(),
                "档案{lead_id}未交crm管理中心录入即分配给{assigned_to}",
                "lead {lead_id} was given to {assigned_to} without going to the CRM centre",
            ),
            check(
                "LeadArchive",
                F.assigned_to.not_null()
                & F.crm_entered_date.not_null()
                & F.crm_returned_date.is_null(),
                "档案{lead_id}未经crm管理中心返还即分配给{assigned_to}",
                "lead {lead_id} was given to {assigned_to} before the CRM centre returned it",
            ),
            check(
                "LeadArchive",
                F.assigned_date < F.crm_returned_date,
                "档案{lead_id}于{assigned_date}分配，crm管理中心{crm_returned_date}才返还",
                "lead {lead_id} was given out on {assigned_date}, returned by the CRM centre only "
                "on {crm_returned_date}",
            ),
            check(
                "LeadArchive",
                F.assignee_took_part.is_false(),
                "档案{lead_id}分配给了未参加科普{session_id}的员工{assigned_to}",
                "lead {lead_id} was given to {assigned_to}, who did not take part in "
                "session {session_id}",
            ),
            check(
                "KepuSession",
                F.lead_spread > P("mtg.lead_spread"),
                "科普{session_id}的档案未平均分配：{lead_counts}（相差{lead_spread}份）",
                "the leads of session {session_id} were not shared evenly: {lead_counts} "
                "(a difference of {lead_spread})",
            ),
        ],
        penalty=NONE,
        readings=(
            Reading(
                Text(
                    "“平均分配”以同一次科普的参加员工所得档案数之差衡量，最多相差mtg.lead_spread份（默认1）；"
                    "未分到档案的参加员工按0份计。尚未分配的档案不计。",
                    "'Evenly' is measured by the difference between the lead counts of one "
                    "session's participants, at most mtg.lead_spread (default 1); a participant "
                    "given none counts 0. Leads not yet given out are not counted.",
                ),
                "mtg.lead_spread",
            ),
            Reading(
                Text(
                    "返还当天分配不算提前；“公平、公开”无记录可查，只检查先录入、后返还、再分配给参加员工。",
                    "Giving a lead out on the day it came back is in order; 'fair and open' "
                    "leaves no record, so only the order (CRM, return, allocation) and the "
                    "assignee's taking part are checked.",
                )
            ),
        ),
    ),
    reg(
        "SAL-MTG-02",
        article="二.1",
        line=456,
        text="1、联合会议举办会议营销活动前一周,每天晚6点前:第一事业部经理把本部当天邀约敲定顾客档案明细表"
        "投入“资源共享”箱内;第二事业部经理把本部当天邀约敲定顾客档案表和第二天计划邀约顾客名单投入"
        "“资源共享”箱内。",
        title=(
            "活动前一周每天18点前投当天敲定顾客档案表（第二事业部另投次日计划名单）",
            "Each day of the week before an event, the day's confirmed customers in the box by "
            "18:00 (the second division also its next day's plan)",
        ),
        checks=[
            *(
                check("ShareBoxDuty", when, zh, en)
                for when, zh, en in sheet_checks("前一周", "当天敲定表")
            ),
            *(
                unsanctioned("ShareBoxDuty", when, zh, en)
                for when, zh, en in sheet_checks("前一周", "次日计划名单")
            ),
        ],
        penalty=FINE_SHEET,
        readings=(
            Reading(
                Text(
                    "“前一周”为活动前第mtg.week_days天（默认7）至活动前一天，每天每部一张当天敲定表。",
                    "'The week before' runs from the mtg.week_days-th day (default 7) to the day "
                    "before the event; one confirmed-customer sheet per division per day.",
                ),
                "mtg.week_days",
            ),
            CUTOFF,
            Reading(
                Text(
                    "二.3的10元罚款只针对“邀约敲定顾客档案”迟交或不交，每张每次罚该部负责人10元；第二事业部的"
                    "次日计划名单迟交或不交原文未规定罚款，只作提示。",
                    "二.3's 10 yuan is for a late or missing confirmed-customer sheet, each time, "
                    "paid by the division head; the second division's next-day plan has no "
                    "stated fine and is reported as a warning.",
                )
            ),
        ),
    ),
    reg(
        "SAL-MTG-03",
        article="二.1",
        line=456,
        text="计划邀约工作第一事业部要比第二事业部提前一天来完成。每晚6点后再邀约算作第二天邀约。",
        title=(
            "晚6点后邀约算次日邀约，先邀约敲定的部门得该顾客",
            "An invitation after 18:00 counts for the next day; the division that confirmed "
            "first is credited",
        ),
        checks=[
            check(
                "JointArrival",
                F.basis.is_in(["先邀约", "唯一邀约"]) & (F.credited_dept != F.rightful_dept),
                "顾客{customer_id}到会判为{credited_dept}邀约，按邀约计入日期应属{rightful_dept}（{basis}）",
                "customer {customer_id} was credited to {credited_dept}; by the days the "
                "invitations count for it is {rightful_dept}'s ({basis})",
            )
        ],
        penalty=NONE,
        readings=(
            CUTOFF,
            Reading(
                Text(
                    "邀约计入日期：18点前（含18:00:00，见mtg.cutoff_inclusive）敲定的算当天，之后算次日；两部"
                    "同一计入日期敲定同一顾客时由协调助理处理，不检查。“第一事业部要比第二事业部提前一天来完成”"
                    "未说明以何衡量，不检查。",
                    "The day an invitation counts for: confirmed by 18:00 (18:00:00 included, "
                    "see mtg.cutoff_inclusive) it is that day, later the next; both divisions "
                    "confirming a customer on the same counted day is the coordinator's call "
                    "and is not checked. 'The first division completes its plan a day ahead' "
                    "does not say what is measured and is not checked.",
                ),
                "mtg.cutoff_inclusive",
            ),
        ),
    ),
    reg(
        "SAL-MTG-04",
        article="二.2",
        line=457,
        text="2、因部门负责人迟交或不交当天已敲定顾客档案表,而发生本部已敲定顾客又被另一部门邀约和敲定,"
        "该顾客到会后判为另一部门邀约。\n"
        "3、联合会议举办会议营销活动当天:如在下午举办,各部负责人必须在当天上午10点前把已敲定顾客档案表"
        "投入“资源共享”箱内;如在晚上举办,必须在当天下午4点前投入。",
        title=(
            "迟交敲定表的顾客判为另一部门邀约；活动当天上午10点或下午4点前投表",
            "A customer whose sheet was late goes to the other division; on the event day the "
            "sheet is due by 10:00 or 16:00",
        ),
        checks=[
            unsanctioned(
                "JointArrival",
                (F.basis == "迟交作废") & (F.credited_dept != F.rightful_dept),
                "顾客{customer_id}到会判为{credited_dept}邀约；该部未按时投表，应判为{rightful_dept}邀约",
                "customer {customer_id} was credited to {credited_dept}, whose sheet was late; "
                "it is {rightful_dept}'s",
            ),
            *(
                check("ShareBoxDuty", when, zh, en, penalty=FINE_SHEET)
                for when, zh, en in sheet_checks(
                    "活动当天", "当天敲定表", P("mtg.event_day_fine") == "fined"
                )
            ),
            *(
                unsanctioned("ShareBoxDuty", when, zh, en)
                for when, zh, en in sheet_checks(
                    "活动当天", "当天敲定表", P("mtg.event_day_fine") == "not_fined"
                )
            ),
        ],
        penalty=FINE_SHEET,
        readings=(
            Reading(
                Text(
                    "活动当天的截止时间：下午场上午10点，晚场下午4点；上午场原文未规定，不检查。二.3的10元罚款"
                    "限于“前一周时间内”，活动当天迟交或不交默认不罚款只作提示（mtg.event_day_fine = fined 时"
                    "同样罚10元）。",
                    "The event-day deadline: 10:00 for an afternoon event, 16:00 for an evening "
                    "one; a morning event has none and is not checked. 二.3's 10 yuan is "
                    "limited to 'the week before', so by default an event-day sheet late or "
                    "missing is a warning (mtg.event_day_fine = fined charges the 10 yuan too).",
                ),
                "mtg.event_day_fine",
            ),
            Reading(
                Text(
                    "某部当天敲定表迟交或不交，则其在该日敲定的顾客作废；另一部门之后敲定的，该顾客到会后应判为另一"
                    "部门邀约。作废的判定不要求另一部门在迟交之前邀约。",
                    "A division whose sheet for the day was late or missing loses that day's "
                    "claims; a customer the other division confirmed later is that division's "
                    "at the event. It does not matter whether the other division invited "
                    "before or after the late sheet went in.",
                ),
                "mtg.cutoff_inclusive",
            ),
        ),
    ),
    reg(
        "SAL-MTG-05",
        article="二.4",
        line=459,
        text="4、顾客邀约重复时,由协调助理全面负责处理。要求:必须公正、公平、公开。已有部门邀约敲定的顾客,"
        "另一门不允许再邀约;部门发言、带动顾客不允许另一部门再邀约,但必须提前上交顾客名单和敲定,"
        "否则视作无效。",
        title=(
            "已有部门敲定并按时上交名单的顾客，另一部门不得再邀约",
            "A customer another division confirmed and listed in time may not be invited again",
        ),
        checks=[
            check(
                "JointInvitation",
                F.earlier_dept.not_null(),
                "{employee_id}（{dept}）邀约顾客{customer_id}（计{effective_date}），该顾客已由{earlier_dept}"
                "于{earlier_date}敲定并按时上交",
                "{employee_id} ({dept}) invited customer {customer_id} (counted "
                "{effective_date}), whom {earlier_dept} had confirmed on {earlier_date} and "
                "listed in time",
            )
        ],
        penalty=replace(
            NONE_STATED,
            note=Text(
                "原文未规定处罚，由协调助理处理；未按时上交名单的敲定视作无效",
                "no sanction stated; the coordinating assistant deals with it, and a claim not "
                "listed in time is void",
            ),
        ),
        readings=(
            Reading(
                Text(
                    "另一部门的敲定按邀约计入日期（18点规则）早于本次邀约、且该部当天敲定表按时投入（或该日不在须投表"
                    "的期间）时才有效；同一计入日期的重复邀约由协调助理处理，不检查。发言、带动顾客同样须在名单中按时"
                    "上交，按敲定记录处理。",
                    "Another division's claim stands when its counted day (the 18:00 rule) is "
                    "before this invitation's and its sheet for that day went in on time (or no "
                    "sheet was due that day); two invitations counted the same day are the "
                    "coordinator's to settle. Speaking and lead customers must be listed the "
                    "same way and are recorded as confirmations.",
                ),
                "mtg.cutoff_inclusive",
            ),
        ),
    ),
    reg(
        "SAL-MTG-06",
        article="二.5",
        line=460,
        text="5、联合会议举办会议营销时,到会顾客原跟踪服务员工可以借用帮促销售,但必须经过该名顾客现邀约员工"
        "的同意,同时不允许两名员工同时向该顾客推产品,如有销售,算做该顾客现邀约员工的业绩。",
        title=(
            "借用原跟踪员工须经现邀约员工同意，不得两人同时推销，业绩归现邀约员工",
            "Help from the former service employee needs the current inviter's consent; no two "
            "pitching at once; the sale is the current inviter's",
        ),
        checks=[
            check(
                "JointSale",
                F.assisting_employee_id.not_null()
                & any_of(F.inviter_consent.is_false(), F.inviter_consent.is_null()),
                "销售{sale_id}借用{assisting_employee_id}帮促，未经现邀约员工同意",
                "sale {sale_id}: {assisting_employee_id} helped without the current inviter's "
                "consent",
            ),
            check(
                "JointSale",
                F.two_pitching.is_true(),
                "销售{sale_id}：两名员工同时向顾客{customer_id}推产品",
                "sale {sale_id}: two employees pitched to customer {customer_id} at once",
            ),
            check(
                "JointSale",
                F.current_inviter_id.not_null() & (F.credited_employee_id != F.current_inviter_id),
                "销售{sale_id}（{amount_cny}元）业绩计给{credited_employee_id}，应为现邀约员工"
                "{current_inviter_id}",
                "sale {sale_id} ({amount_cny} yuan) was credited to {credited_employee_id}, not "
                "to the current inviter {current_inviter_id}",
            ),
        ],
        penalty=NONE,
        readings=(
            Reading(
                Text(
                    "“现邀约员工”为该顾客到会应判部门（见SAL-MTG-03、04）中最早敲定该顾客的员工；借用帮促未记录"
                    "同意即视为未经同意。",
                    "The 'current inviter' is the employee of the division the customer is "
                    "credited to (SAL-MTG-03, 04) who confirmed the customer first; help with no "
                    "consent recorded counts as help without consent.",
                )
            ),
        ),
    ),
    reg(
        "SAL-MTG-07",
        article="二.6",
        line=461,
        text="6、联合会议举办会议营销时,如有冲突两部员工不允许在顾客面前争议,活动结束后,由两部负责人陪同"
        "协调助理共同协商处理,否则当事人每人罚款100元。如协调助理无法作出判定,必须及时上报总经理作出裁决。",
        title=(
            "两部员工不得在顾客面前争议，会后协商处理，否则每人罚100元",
            "No arguing in front of customers; settle after the event, or 100 yuan each",
        ),
        checks=[
            check(
                "DisputeParty",
                F.before_customer.is_true(),
                "{dispute_date}冲突{dispute_id}：{employee_id}在顾客面前争议",
                "dispute {dispute_id} on {dispute_date}: {employee_id} argued in front of the "
                "customer",
            ),
            check(
                "DisputeParty",
                F.settled_after.is_false(),
                "{dispute_date}冲突{dispute_id}未在会后由两部负责人陪同协调助理协商处理",
                "dispute {dispute_id} on {dispute_date} was not settled after the event by "
                "both heads with the coordinating assistant",
            ),
            unsanctioned(
                "JointDispute",
                F.coordinator_decided.is_false()
                & any_of(F.referred_to_gm.is_false(), F.referred_to_gm.is_null()),
                "{dispute_date}冲突{dispute_id}协调助理无法判定，未上报总经理裁决",
                "dispute {dispute_id} on {dispute_date}: the coordinating assistant could not "
                "decide and did not refer it to the general manager",
            ),
        ],
        penalty=FINE_DISPUTE,
        readings=(
            Reading(
                Text(
                    "罚款按当事人各计一次：在顾客面前争议、会后未协商处理，一次冲突每名当事人罚100元，两者兼有也只罚"
                    "一次。会后是否协商未记录的不检查；无法判定而未记录上报的视为未上报。",
                    "One fine per party per dispute: arguing before the customer or not settling "
                    "afterwards costs each party 100 yuan, once even if both. An unrecorded "
                    "settlement is not checked; an undecided dispute with no referral recorded "
                    "counts as not referred.",
                )
            ),
        ),
    ),
    reg(
        "SAL-MTG-08",
        article="三.2.2)",
        line=469,
        text="2)、对三个月内顾客服务不到位(如没有邀约参加活动、邀不来参加活动或无家访等都称作服务不到位)的处理"
        "规定:对没有服务到位的顾客:其他部门员工可以邀约,但该员工应立即将该邀约的顾客档案上报给顾客资源总监,"
        "由顾客资源总监去crm管理处更改该顾客档案记录;",
        title=(
            "其他部门只可邀约服务不到位的顾客，并须立即上报顾客资源总监",
            "Another division may invite only a customer whose service lapsed, and must report "
            "it to the director at once",
        ),
        checks=[
            check(
                "JointInvitation",
                F.cross_dept.is_true() & F.service_lapsed.is_false(),
                "{employee_id}（{dept}）邀约{owner_dept}的顾客{customer_id}，该顾客近三个月服务到位"
                "（{services_seen}）",
                "{employee_id} ({dept}) invited {owner_dept}'s customer {customer_id}, whose "
                "service had not lapsed ({services_seen})",
            ),
            check(
                "JointInvitation",
                F.cross_dept.is_true() & F.service_lapsed.is_true() & F.report_late.is_true(),
                "{employee_id}邀约{owner_dept}服务不到位的顾客{customer_id}（计{effective_date}），"
                "未立即上报顾客资源总监（上报日期：{reported_date}）",
                "{employee_id} invited {owner_dept}'s lapsed customer {customer_id} (counted "
                "{effective_date}) and did not report it to the director at once (reported: "
                "{reported_date})",
            ),
        ],
        penalty=replace(
            NONE_STATED,
            note=Text(
                "原文未规定处罚；公司有权将服务不到位的顾客档案分配给其他部门或员工",
                "no sanction stated; the company may give a lapsed customer's file to another "
                "division or employee",
            ),
        ),
        readings=(
            Reading(
                Text(
                    "服务不到位：邀约计入日期前mtg.lapse_months个月（默认3）内，该顾客没有邀约、没有到会或没有家访"
                    "（mtg.lapse_rule = any，默认；all 为三者都没有）；服务记录不论由谁提供。",
                    "Lapsed: in the mtg.lapse_months months (default 3) before the invitation's "
                    "counted day the customer had no invitation, no attendance or no home visit "
                    "(mtg.lapse_rule = any, default; all = none of the three), whoever served.",
                ),
                "mtg.lapse_rule",
            ),
            Reading(
                Text(
                    "回溯期为同日往前mtg.lapse_months个月至前一天。",
                    "The window runs from the same date mtg.lapse_months months earlier to the "
                    "day before.",
                ),
                "mtg.lapse_months",
            ),
            Reading(
                Text(
                    "“立即”上报：邀约计入日期后mtg.report_days天内（默认0，即当天）。只有服务不到位的顾客才准其他"
                    "部门邀约，服务到位的顾客被其他部门邀约即为违规。",
                    "'At once': within mtg.report_days days of the counted day (default 0, the "
                    "same day). Only a lapsed customer may be invited by another division; "
                    "inviting one whose service has not lapsed is a breach.",
                ),
                "mtg.report_days",
            ),
        ),
    ),
    reg(
        "SAL-MTG-09",
        article="三.3.2)a",
        line=473,
        text="a、在顾客未投诉的情况下,每发现一顾客有抱怨,则罚该当事员工每次100元",
        title=(
            "顾客未投诉而有抱怨，罚当事员工每次100元",
            "A grievance without a complaint: 100 yuan from the employee each time",
        ),
        checks=[
            check(
                "GrievanceLiability",
                (F.role == "当事员工") & (F.case == "a"),
                "{found_date}发现顾客{customer_id}有抱怨（抱怨{grievance_id}，未投诉），当事员工{person_id}",
                "on {found_date} customer {customer_id} was found to have a grievance "
                "({grievance_id}, no complaint) about {person_id}",
            )
        ],
        penalty=Penalty(
            stated=True,
            basis="三.3.2)a",
            text="则罚该当事员工每次100元",
            fine_min_cny=Decimal(100),
            fine_max_cny=Decimal(100),
        ),
        readings=(
            Reading(
                Text(
                    "每条抱怨记录为“发现一次”；三日内未处理好另按c罚500元（SAL-MTG-11），两者累加。",
                    "Each grievance recorded is one 'found'; not resolving it within three days "
                    "adds c's 500 yuan (SAL-MTG-11).",
                )
            ),
        ),
    ),
    reg(
        "SAL-MTG-10",
        article="三.3.2)b",
        line=473,
        text="b、在顾客向姜总投诉的情况下,则罚该顾客所在部门经理及当事员工每人每次100元。",
        title=(
            "顾客向姜总投诉，罚部门经理及当事员工每人100元",
            "A complaint to 姜总: 100 yuan each from the manager and the employee",
        ),
        checks=[
            check(
                "GrievanceLiability",
                F.case == "b",
                "顾客{customer_id}向{complained_to}投诉（抱怨{grievance_id}），{role}{person_id}",
                "customer {customer_id} complained to {complained_to} ({grievance_id}): "
                "{person_id} ({role}) is fined",
            )
        ],
        penalty=Penalty(
            stated=True,
            basis="三.3.2)b",
            text="则罚该顾客所在部门经理及当事员工每人每次100元",
            fine_min_cny=Decimal(100),
            fine_max_cny=Decimal(100),
            note=Text("部门经理与当事员工各罚", "the manager and the employee each"),
        ),
        readings=(
            Reading(
                Text(
                    "只有向姜总投诉属b；向其他领导投诉默认只适用c（mtg.other_executive = as_jiang 时按b处理）。"
                    "部门经理与当事员工各为一条违规；部门经理即当事员工本人时只罚一次。",
                    "Only a complaint to 姜总 is b; one to another executive falls under c only "
                    "by default (mtg.other_executive = as_jiang treats it as b). The manager and "
                    "the employee are one violation each; a manager who is the employee is "
                    "fined once.",
                ),
                "mtg.other_executive",
            ),
        ),
    ),
    reg(
        "SAL-MTG-11",
        article="三.3.2)c",
        line=474,
        text="c、无论是何种情况下顾客发生抱怨,如在三日之内不能处理好该顾客抱怨问题,则罚该顾客所在部门经理及"
        "当事员工每人每次500元,并且将该顾客资源移交给其他部门员工做跟紧服务。",
        title=(
            "顾客抱怨三日内未处理好，部门经理及当事员工每人罚500元并移交顾客",
            "A grievance not resolved within three days: 500 yuan each and the customer handed "
            "over",
        ),
        checks=[
            check(
                "GrievanceLiability",
                F.resolved_late.is_true() & F.resolved_date.not_null(),
                "抱怨{grievance_id}（顾客{customer_id}）{found_date}发现，{resolved_date}才处理好"
                "（{days_open}天），{role}{person_id}",
                "grievance {grievance_id} (customer {customer_id}) found {found_date} was "
                "resolved only on {resolved_date} ({days_open} days): {person_id} ({role})",
            ),
            check(
                "GrievanceLiability",
                F.resolved_late.is_true() & F.resolved_date.is_null(),
                "抱怨{grievance_id}（顾客{customer_id}）{found_date}发现，{days_open}天仍未处理好，"
                "{role}{person_id}",
                "grievance {grievance_id} (customer {customer_id}) found {found_date} is still "
                "unresolved after {days_open} days: {person_id} ({role})",
            ),
            check(
                "GrievanceLiability",
                F.resolved_late.is_true() & F.handed_over_date.is_null(),
                "顾客{customer_id}未移交给其他部门员工跟进服务",
                "customer {customer_id} was not handed to another department's staff",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="三.3.2)c",
            text="则罚该顾客所在部门经理及当事员工每人每次500元,并且将该顾客资源移交给其他部门员工做跟紧服务",
            fine_min_cny=Decimal(500),
            fine_max_cny=Decimal(500),
            measures=(Measure.CUSTOMER_REASSIGNED,),
            note=Text("部门经理与当事员工各罚", "the manager and the employee each"),
        ),
        readings=(
            Reading(
                Text(
                    "“三日之内”按日历天数：发现之日起第mtg.grievance_days天（默认3）处理好不逾期，第4天起逾期；"
                    "至审计日仍未处理且已超过期限的同样逾期。",
                    "'Within three days' in calendar days: resolved on the mtg.grievance_days-th "
                    "day after it was found (default 3) is in time, from the 4th day late; still "
                    "unresolved past the limit on the audit date is late too.",
                ),
                "mtg.grievance_days",
            ),
            Reading(
                Text(
                    "“无论是何种情况下”：500元与a、b的100元累加；部门经理与当事员工各为一条违规。",
                    "'Whatever the case': the 500 yuan adds to a's or b's 100; the manager and "
                    "the employee are one violation each.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
